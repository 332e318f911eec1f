/* rangeobject.h — range and its iterators (C-long fast path, PyLong otherwise).
 * Owner: objects-containers (src/objects/rangeobject.c). */
#ifndef PY_RANGEOBJECT_H
#define PY_RANGEOBJECT_H
#include "object.h"

extern PyTypeObject PyRange_Type;
extern PyTypeObject PyRangeIter_Type;
extern PyTypeObject PyLongRangeIter_Type;

#define PyRange_Check(op) Py_IS_TYPE(op, &PyRange_Type)

/* Iterator over a range whose values fit a C long; visible so the eval loop's FOR_ITER
 * can step it inline. */
typedef struct {
    PyObject_HEAD
    long index; /* next item */
    long start;
    long step;
    long len;   /* total items */
} _PyRangeIterObject;

#endif
