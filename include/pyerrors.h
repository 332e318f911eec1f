/* pyerrors.h — exception state API (PyErr_*) and the built-in exception types
 * (owner: objects-num; placeholder until written) */
#ifndef PY_PYERRORS_H
#define PY_PYERRORS_H
#include "object.h"

#endif
