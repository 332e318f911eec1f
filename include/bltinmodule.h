/* bltinmodule.h — the builtins module (src/modules/bltinmodule.c) and the iterator types
 * CPython keeps there: filter, map, zip.  Owner: runtime. */
#ifndef PY_BLTINMODULE_H
#define PY_BLTINMODULE_H
#include "object.h"

extern PyTypeObject PyFilter_Type;
extern PyTypeObject PyMap_Type;
extern PyTypeObject PyZip_Type;

/* builtins.__build_class__ is looked up by LOAD_BUILD_CLASS; this is its C body. */
PyObject *_PyBuiltin_Init(PyInterpreterState *interp);

#endif
