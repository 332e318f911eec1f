/* longobject.h — int (GMP-backed)
 * (owner: objects-num; placeholder until written) */
#ifndef PY_LONGOBJECT_H
#define PY_LONGOBJECT_H
#include "object.h"

#endif
