/* opcode.h — the opcode table (single source of truth)
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_OPCODE_H
#define PY_OPCODE_H
#include "object.h"

#endif
