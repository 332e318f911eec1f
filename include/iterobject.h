/* iterobject.h — sequence and callable iterators
 * (owner: objects-core; placeholder until written) */
#ifndef PY_ITEROBJECT_H
#define PY_ITEROBJECT_H
#include "object.h"

#endif
