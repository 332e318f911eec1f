/* rangeobject.h — range
 * (owner: objects-core; placeholder until written) */
#ifndef PY_RANGEOBJECT_H
#define PY_RANGEOBJECT_H
#include "object.h"

#endif
