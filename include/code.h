/* code.h — code objects
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_CODE_H
#define PY_CODE_H
#include "object.h"

#endif
