/* compile.h — compiler entry points: AST → code object, and source → code object.
 * Owner: compiler-vm (src/compiler).  PyCompilerFlags and the start symbols are shared
 * with the parser (src/parser) and the runtime (src/runtime/pythonrun.c). */
#ifndef Py_COMPILE_H
#define Py_COMPILE_H
#include "object.h"

/* Start symbols (the `mode` of compile()), CPython's values. */
#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345

/* Compiler flags (cf_flags), CPython's bit values. */
#define PyCF_MASK 0x1fe0000 /* __future__ feature bits (CO_FUTURE_*) */
#define CO_FUTURE_DIVISION 0x20000
#define CO_FUTURE_ABSOLUTE_IMPORT 0x40000
#define CO_FUTURE_WITH_STATEMENT 0x80000
#define CO_FUTURE_PRINT_FUNCTION 0x100000
#define CO_FUTURE_UNICODE_LITERALS 0x200000
#define CO_FUTURE_BARRY_AS_BDFL 0x400000
#define CO_FUTURE_GENERATOR_STOP 0x800000
#define CO_FUTURE_ANNOTATIONS 0x1000000
#define PyCF_SOURCE_IS_UTF8 0x0100
#define PyCF_DONT_IMPLY_DEDENT 0x0200
#define PyCF_ONLY_AST 0x0400
#define PyCF_IGNORE_COOKIE 0x0800
#define PyCF_TYPE_COMMENTS 0x1000
#define PyCF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define PyCF_ALLOW_INCOMPLETE_INPUT 0x4000

typedef struct {
    int cf_flags;
    int cf_feature_version; /* minor Python version (PyCF_ONLY_AST) */
} PyCompilerFlags;
#define _PyCompilerFlags_INIT { 0, PY_MINOR_VERSION }

/* Source → code object (parses, builds the symbol table, compiles, assembles). */
PyObject *Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                 PyCompilerFlags *flags, int optimize);
PyObject *Py_CompileStringExFlags(const char *str, const char *filename, int start,
                                  PyCompilerFlags *flags, int optimize);

/* AST → code object (src/compiler/compile.c).  mod is a mod_ty and arena a PyArena *
 * from include/pycore_ast.h / pyarena.h (struct names as CPython's). */
struct _mod;
struct _arena;
struct PyCodeObject;
struct PyCodeObject *_PyAST_Compile(struct _mod *mod, PyObject *filename,
                                    PyCompilerFlags *flags, int optimize,
                                    struct _arena *arena);
/* AST-level constant folding (src/compiler/ast_opt.c); 1 on success, 0 on error. */
int _PyAST_Optimize(struct _mod *mod, struct _arena *arena, int optimize, int ff_features);
/* Collects `from __future__ import` features into *features; -1 on error. */
int _PyFuture_FromAST(struct _mod *mod, PyObject *filename, int *features);
/* Stack effect of an instruction (opcode.h has the table). */
int PyCompile_OpcodeStackEffect(int opcode, int oparg);

#endif
