/* pycore_ast.h — AST node types (generated from Python.asdl)
 * (owner: parser; placeholder until written) */
#ifndef PY_PYCORE_AST_H
#define PY_PYCORE_AST_H
#include "object.h"

#endif
