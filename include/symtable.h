/* symtable.h — symbol tables
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_SYMTABLE_H
#define PY_SYMTABLE_H
#include "object.h"

#endif
