/* rangeobject.h — range and its iterators (C-long fast path, PyLong otherwise).
 * Owner: objects-containers (src/objects/rangeobject.c). */
#ifndef PY_RANGEOBJECT_H
#define PY_RANGEOBJECT_H
#include "object.h"

extern PyTypeObject PyRange_Type;
extern PyTypeObject PyRangeIter_Type;
extern PyTypeObject PyLongRangeIter_Type;

#define PyRange_Check(op) Py_IS_TYPE(op, &PyRange_Type)

#endif
