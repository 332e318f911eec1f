/* floatobject.h — float
 * (owner: objects-num; placeholder until written) */
#ifndef PY_FLOATOBJECT_H
#define PY_FLOATOBJECT_H
#include "object.h"

#endif
