/* symtable.h — the symbol table: which names are local, global, free or cell in each
 * scope.  Owner: compiler-vm (src/compiler/symtable.c, used by compile.c).
 * Built from the AST before code generation; flag values as CPython 3.11. */
#ifndef Py_SYMTABLE_H
#define Py_SYMTABLE_H
#include "object.h"
#include "pycore_ast.h"

typedef enum _block_type { FunctionBlock, ClassBlock, ModuleBlock, AnnotationBlock } _Py_block_ty;
typedef enum _comprehension_type {
    NoComprehension = 0, ListComprehension = 1, DictComprehension = 2,
    SetComprehension = 3, GeneratorExpression = 4
} _Py_comprehension_ty;

struct _symtable_entry;

struct symtable {
    PyObject *st_filename;
    struct _symtable_entry *st_cur;   /* scope being built */
    struct _symtable_entry *st_top;   /* module scope */
    PyObject *st_blocks;              /* dict: id(AST node) -> entry */
    PyObject *st_stack;               /* list of entries being built */
    PyObject *st_global;              /* module's symbol dict */
    int st_nblocks;
    PyObject *st_private;             /* class name for name mangling, or NULL */
    int st_future_features;           /* CO_FUTURE_* flags */
    int recursion_depth, recursion_limit;
};

typedef struct _symtable_entry {
    PyObject_HEAD
    PyObject *ste_id;        /* int: key in st_blocks */
    PyObject *ste_symbols;   /* dict: name -> int flags */
    PyObject *ste_name;
    PyObject *ste_varnames;  /* list of parameters, in order */
    PyObject *ste_children;  /* list of child entries */
    PyObject *ste_directives;/* list of (name, lineno, col) for global/nonlocal */
    _Py_block_ty ste_type;
    int ste_nested;
    unsigned ste_free : 1;          /* this block or a child has free variables */
    unsigned ste_child_free : 1;
    unsigned ste_generator : 1;
    unsigned ste_coroutine : 1;
    _Py_comprehension_ty ste_comprehension;
    unsigned ste_varargs : 1;
    unsigned ste_varkeywords : 1;
    unsigned ste_returns_value : 1;
    unsigned ste_needs_class_closure : 1; /* class body needs __class__ cell */
    unsigned ste_comp_iter_target : 1;
    unsigned ste_has_docstring : 1;
    int ste_comp_iter_expr;
    int ste_lineno, ste_col_offset, ste_end_lineno, ste_end_col_offset;
    int ste_opt_lineno, ste_opt_col_offset;  /* import * position, if any */
    struct symtable *ste_table;
} PySTEntryObject;

extern PyTypeObject PySTEntry_Type;
#define PySTEntry_Check(op) Py_IS_TYPE(op, &PySTEntry_Type)

/* Symbol flags. */
#define DEF_GLOBAL 1
#define DEF_LOCAL 2
#define DEF_PARAM (2 << 1)
#define DEF_NONLOCAL (2 << 2)
#define USE (2 << 3)
#define DEF_FREE (2 << 4)
#define DEF_FREE_CLASS (2 << 5)
#define DEF_IMPORT (2 << 6)
#define DEF_ANNOT (2 << 7)
#define DEF_COMP_ITER (2 << 8)
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)
#define SCOPE_OFFSET 11
#define SCOPE_MASK (DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL)
#define LOCAL 1
#define GLOBAL_EXPLICIT 2
#define GLOBAL_IMPLICIT 3
#define FREE 4
#define CELL 5
#define GENERATOR 1
#define GENERATOR_EXPRESSION 2

struct symtable *_PySymtable_Build(mod_ty mod, PyObject *filename, int future_features);
PySTEntryObject *PySymtable_Lookup(struct symtable *, void *key);
void _PySymtable_Free(struct symtable *);
int _PyST_GetSymbol(PySTEntryObject *, PyObject *name);
int _PyST_GetScope(PySTEntryObject *, PyObject *name);
/* "_Class__name" mangling for names starting with two underscores inside classes. */
PyObject *_Py_Mangle(PyObject *privateobj, PyObject *ident);

#endif
