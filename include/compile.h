/* compile.h — compiler entry points
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_COMPILE_H
#define PY_COMPILE_H
#include "object.h"

#endif
