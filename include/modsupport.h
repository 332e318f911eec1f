/* modsupport.h — argument parsing (PyArg_*) and module building (Py_BuildValue, PyModule_*)
 * (owner: runtime; placeholder until written) */
#ifndef PY_MODSUPPORT_H
#define PY_MODSUPPORT_H
#include "object.h"

#endif
