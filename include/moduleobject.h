/* moduleobject.h — module objects
 * (owner: objects-core; placeholder until written) */
#ifndef PY_MODULEOBJECT_H
#define PY_MODULEOBJECT_H
#include "object.h"

#endif
