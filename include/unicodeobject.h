/* unicodeobject.h — str
 * (owner: objects-num; placeholder until written) */
#ifndef PY_UNICODEOBJECT_H
#define PY_UNICODEOBJECT_H
#include "object.h"

#endif
