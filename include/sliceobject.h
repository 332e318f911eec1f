/* sliceobject.h — slice
 * (owner: objects-core; placeholder until written) */
#ifndef PY_SLICEOBJECT_H
#define PY_SLICEOBJECT_H
#include "object.h"

#endif
