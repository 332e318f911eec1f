/* dictobject.h — dict
 * (owner: objects-core; placeholder until written) */
#ifndef PY_DICTOBJECT_H
#define PY_DICTOBJECT_H
#include "object.h"

#endif
