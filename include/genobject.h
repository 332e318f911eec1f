/* genobject.h — generators and coroutines
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_GENOBJECT_H
#define PY_GENOBJECT_H
#include "object.h"

#endif
