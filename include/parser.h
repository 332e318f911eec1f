/* parser.h — source text → AST entry points (owner: parser).
 * The tokenizer and PEG-style parser live in src/parser; the AST types come from
 * pycore_ast.h (generated from src/parser/Python.asdl). */
#ifndef Py_PARSER_H
#define Py_PARSER_H
#include "object.h"
#include "compile.h"
#include "pyarena.h"
#include "pycore_ast.h"

/* mode: Py_file_input, Py_eval_input, Py_single_input or Py_func_type_input.
 * NULL with SyntaxError/IndentationError/TabError (or another exception) set. */
mod_ty _PyParser_ASTFromString(const char *str, PyObject *filename, int mode,
                               PyCompilerFlags *flags, PyArena *arena);
/* Reads fp to the end (or, interactively with ps1 non-NULL, one statement with the
 * prompts ps1/ps2).  *errcode (if non-NULL) is set to E_EOF when input ended before any
 * statement, else to E_OK/E_ERROR. enc: source encoding, NULL = detect (PEP 263). */
mod_ty _PyParser_ASTFromFile(FILE *fp, PyObject *filename, const char *enc, int mode,
                             const char *ps1, const char *ps2, PyCompilerFlags *flags,
                             int *errcode, PyArena *arena);

/* CPython's historical error codes (errcode above). */
#define E_OK 10
#define E_EOF 11
#define E_INTR 12
#define E_ERROR 17
#define E_NOMEM 15

#endif
