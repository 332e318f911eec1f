/* boolobject.h — bool
 * (owner: objects-num; placeholder until written) */
#ifndef PY_BOOLOBJECT_H
#define PY_BOOLOBJECT_H
#include "object.h"

#endif
