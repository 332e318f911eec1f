/* pylifecycle.h — interpreter start-up and shutdown
 * (owner: runtime; placeholder until written) */
#ifndef PY_PYLIFECYCLE_H
#define PY_PYLIFECYCLE_H
#include "object.h"

#endif
