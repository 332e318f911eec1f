/* bytearrayobject.h — bytearray
 * (owner: objects-num; placeholder until written) */
#ifndef PY_BYTEARRAYOBJECT_H
#define PY_BYTEARRAYOBJECT_H
#include "object.h"

#endif
