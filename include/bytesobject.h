/* bytesobject.h — bytes
 * (owner: objects-num; placeholder until written) */
#ifndef PY_BYTESOBJECT_H
#define PY_BYTESOBJECT_H
#include "object.h"

#endif
