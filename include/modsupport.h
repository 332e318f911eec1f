/* modsupport.h — argument parsing (PyArg_*, src/runtime/getargs.c), value building
 * (Py_BuildValue, src/runtime/modsupport.c).  Owner: runtime.  Module objects and the
 * PyModule_Add* helpers live in moduleobject.h (objects-type). */
#ifndef PY_MODSUPPORT_H
#define PY_MODSUPPORT_H
#include "object.h"
#include <stdarg.h>

/* ---- tuple/keyword parsing with a format string (CPython's getargs.c) ---- */
int PyArg_Parse(PyObject *, const char *, ...);
int PyArg_ParseTuple(PyObject *, const char *, ...);
int PyArg_ParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, ...);
int PyArg_VaParse(PyObject *, const char *, va_list);
int PyArg_VaParseTupleAndKeywords(PyObject *, PyObject *, const char *, char **, va_list);
int PyArg_ValidateKeywordArguments(PyObject *);
int PyArg_UnpackTuple(PyObject *, const char *, Py_ssize_t, Py_ssize_t, ...);
/* The same, for a vector of arguments (METH_FASTCALL). */
int _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format, ...);
int _PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name,
                       Py_ssize_t min, Py_ssize_t max, ...);

/* Argument-count checks with CPython's messages. */
int _PyArg_CheckPositional(const char *, Py_ssize_t, Py_ssize_t, Py_ssize_t);
int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs);
int _PyArg_NoPositional(const char *funcname, PyObject *args);
int _PyArg_NoKwnames(const char *funcname, PyObject *kwnames);
#define _PyArg_CheckPositional(funcname, nargs, min, max) \
    (((min) <= (nargs) && (nargs) <= (max)) || _PyArg_CheckPositional((funcname), (nargs), (min), (max)))
#define _PyArg_NoKeywords(funcname, kwargs) \
    ((kwargs) == NULL || _PyArg_NoKeywords((funcname), (kwargs)))
#define _PyArg_NoPositional(funcname, args) \
    ((args) == NULL || _PyArg_NoPositional((funcname), (args)))
#define _PyArg_NoKwnames(funcname, kwnames) \
    ((kwnames) == NULL || _PyArg_NoKwnames((funcname), (kwnames)))
/* "f() argument 1 must be str, not int" (arg = "argument 1" or "argument 'x'"). */
void _PyArg_BadArgument(const char *fname, const char *displayname, const char *expected,
                        PyObject *arg);

/* Keyword-aware fast-call parsing (what Argument Clinic generates in CPython).
 * keywords: NULL-terminated; "" marks a positional-only parameter. */
typedef struct _PyArg_Parser {
    int initialized;
    const char *format;            /* may be NULL when only keywords/fname are given */
    const char *const *keywords;
    const char *fname;
    const char *custom_msg;
    int pos;                       /* number of positional-only parameters */
    int min;                       /* minimal number of arguments */
    int max;                       /* maximal number of positional arguments */
    PyObject *kwtuple;             /* tuple of keyword parameter names */
    struct _PyArg_Parser *next;
} _PyArg_Parser;
/* Sorts args (positional) and kwargs/kwnames (keywords) into buf[0..maxargs) following
 * parser->keywords; missing optional parameters are NULL.  Returns buf (or args when no
 * rearrangement was needed), NULL with an exception on error. */
PyObject *const *_PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs,
                                       PyObject *kwargs, PyObject *kwnames,
                                       _PyArg_Parser *parser, int minpos, int maxpos,
                                       int minkw, PyObject **buf);
#define _PyArg_UnpackKeywords(args, nargs, kwargs, kwnames, parser, minpos, maxpos, minkw, buf) \
    (((minkw) == 0 && (kwargs) == NULL && (kwnames) == NULL && \
      (minpos) <= (nargs) && (nargs) <= (maxpos) && (args) != NULL) ? (args) : \
     _PyArg_UnpackKeywords((args), (nargs), (kwargs), (kwnames), (parser), \
                           (minpos), (maxpos), (minkw), (buf)))
int _PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                 _PyArg_Parser *, ...);
int _PyArg_ParseTupleAndKeywordsFast(PyObject *, PyObject *, _PyArg_Parser *, ...);
/* Converters usable with "O&". */
int _Py_convert_optional_to_ssize_t(PyObject *, void *);

/* ---- building values (modsupport.c) ---- */
PyObject *Py_BuildValue(const char *, ...);
PyObject *Py_VaBuildValue(const char *, va_list);
PyObject *_Py_BuildValue_SizeT(const char *, ...);
PyObject *_Py_VaBuildValue_SizeT(const char *, va_list);
PyObject **_Py_VaBuildStack(PyObject **small_stack, Py_ssize_t small_stack_len,
                           const char *format, va_list va, Py_ssize_t *p_nargs);

/* PyModule_Add* helpers: moduleobject.h (objects-type). */

#endif
