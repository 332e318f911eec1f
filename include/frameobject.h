/* frameobject.h — frame objects
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_FRAMEOBJECT_H
#define PY_FRAMEOBJECT_H
#include "object.h"

#endif
