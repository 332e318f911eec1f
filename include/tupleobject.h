/* tupleobject.h — tuple
 * (owner: objects-core; placeholder until written) */
#ifndef PY_TUPLEOBJECT_H
#define PY_TUPLEOBJECT_H
#include "object.h"

#endif
