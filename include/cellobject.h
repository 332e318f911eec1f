/* cellobject.h — cell objects
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_CELLOBJECT_H
#define PY_CELLOBJECT_H
#include "object.h"

#endif
