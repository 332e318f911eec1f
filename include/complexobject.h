/* complexobject.h — complex
 * (owner: objects-num; placeholder until written) */
#ifndef PY_COMPLEXOBJECT_H
#define PY_COMPLEXOBJECT_H
#include "object.h"

#endif
