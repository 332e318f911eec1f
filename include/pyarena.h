/* pyarena.h — arena allocator for AST nodes
 * (owner: parser; placeholder until written) */
#ifndef PY_PYARENA_H
#define PY_PYARENA_H
#include "object.h"

#endif
