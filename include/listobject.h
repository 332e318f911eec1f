/* listobject.h — list
 * (owner: objects-core; placeholder until written) */
#ifndef PY_LISTOBJECT_H
#define PY_LISTOBJECT_H
#include "object.h"

#endif
