/* code.h — code objects: compiled bytecode plus everything needed to run it.
 * Owner: compiler-vm (src/objects/codeobject.c).  Fields and CO_* flags as CPython 3.11.
 * Local slots ("localsplus") are laid out as: co_varnames, then co_cellvars, then
 * co_freevars; a cell variable that is also an argument is listed in co_cell2arg. */
#ifndef PY_CODE_H
#define PY_CODE_H
#include "object.h"

typedef uint16_t _Py_CODEUNIT;
#define _Py_OPCODE(word) ((int)((word) & 0xFF))
#define _Py_OPARG(word) ((int)((word) >> 8))
#define _Py_MAKECODEUNIT(opcode, oparg) ((_Py_CODEUNIT)((opcode) | ((oparg) << 8)))

typedef struct PyCodeObject {
    PyObject_HEAD
    int co_argcount;        /* positional parameters, including positional-only */
    int co_posonlyargcount;
    int co_kwonlyargcount;
    int co_nlocals;         /* len(co_varnames) */
    int co_stacksize;
    int co_flags;
    int co_firstlineno;
    int co_nlocalsplus;     /* nlocals + ncellvars + nfreevars */
    int co_ncellvars;
    int co_nfreevars;
    PyObject *co_code;      /* bytes: the instructions */
    PyObject *co_consts;    /* tuple */
    PyObject *co_names;     /* tuple of str: globals, attributes, imports */
    PyObject *co_varnames;  /* tuple of str: arguments then locals */
    PyObject *co_freevars;  /* tuple of str */
    PyObject *co_cellvars;  /* tuple of str */
    PyObject *co_filename;
    PyObject *co_name;
    PyObject *co_qualname;
    PyObject *co_linetable; /* bytes: positions, see codeobject.c */
    PyObject *co_exceptiontable; /* bytes: empty (Krait uses a block stack) */
    Py_ssize_t *co_cell2arg;     /* per cell: index of the argument it copies, or -1 */
    PyObject *co_weakreflist;
    void *co_extra;
    void *co_cache;         /* the eval loop's per-name caches (ceval.c), NULL until used */
} PyCodeObject;

/* co_flags, CPython's values. */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_NOFREE 0x0040
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200
#define CO_MAXBLOCKS 20 /* nesting limit of the block stack */
#define CO_CELL_NOT_AN_ARG (-1)

extern PyTypeObject PyCode_Type;
#define PyCode_Check(op) Py_IS_TYPE(op, &PyCode_Type)
#define PyCode_GetNumFree(op) ((op)->co_nfreevars)
#define _PyCode_CODE(co) ((_Py_CODEUNIT *)PyBytes_AS_STRING((co)->co_code))
#define _PyCode_NBYTES(co) PyBytes_GET_SIZE((co)->co_code)

PyCodeObject *PyCode_New(int argcount, int kwonlyargcount, int nlocals, int stacksize,
                         int flags, PyObject *code, PyObject *consts, PyObject *names,
                         PyObject *varnames, PyObject *freevars, PyObject *cellvars,
                         PyObject *filename, PyObject *name, PyObject *qualname,
                         int firstlineno, PyObject *linetable, PyObject *exceptiontable);
PyCodeObject *PyCode_NewWithPosOnlyArgs(int argcount, int posonlyargcount,
                         int kwonlyargcount, int nlocals, int stacksize, int flags,
                         PyObject *code, PyObject *consts, PyObject *names,
                         PyObject *varnames, PyObject *freevars, PyObject *cellvars,
                         PyObject *filename, PyObject *name, PyObject *qualname,
                         int firstlineno, PyObject *linetable, PyObject *exceptiontable);
/* An empty code object (used for frames of C code and by the runtime). */
PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno);

/* Source positions of the instruction at byte offset addrq (-1 where unknown). */
int PyCode_Addr2Line(PyCodeObject *co, int addrq);
int PyCode_Addr2Location(PyCodeObject *co, int addrq, int *start_line, int *start_column,
                         int *end_line, int *end_column);

/* Position-table encoding used by the assembler (src/compiler/assemble.c): appends the
 * entry of one code unit to buf, given the previous entry's start line (*prevline). */
int _PyCode_WriteLocation(PyObject **buf, Py_ssize_t *len, int *prevline, int line,
                          int end_line, int col, int end_col);

/* Constant folding support: key under which two constants are the same (1 vs 1.0 vs
 * True differ, -0.0 vs 0.0 differ), as CPython's _PyCode_ConstantKey. */
PyObject *_PyCode_ConstantKey(PyObject *obj);

#endif
