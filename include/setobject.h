/* setobject.h — set and frozenset
 * (owner: objects-core; placeholder until written) */
#ifndef PY_SETOBJECT_H
#define PY_SETOBJECT_H
#include "object.h"

#endif
