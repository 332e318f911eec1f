/* ceval.h — the evaluation loop and its API: running code, calls into Python,
 * recursion limits, the eval breaker (signals, pending calls) and frame introspection.
 * Owner: compiler-vm (src/vm/ceval.c). */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H
#include "object.h"
#include "pystate.h"
#include "frameobject.h"

PyObject *PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals);
PyObject *PyEval_EvalCodeEx(PyObject *co, PyObject *globals, PyObject *locals,
                            PyObject *const *args, int argc, PyObject *const *kwds,
                            int kwdc, PyObject *const *defs, int defc, PyObject *kwdefs,
                            PyObject *closure);
/* Call Python function func with a vector of arguments (kwnames: tuple of keyword names
 * for the last len(kwnames) args, or NULL).  locals != NULL runs it with that namespace
 * as its locals (used by __build_class__ for class bodies). */
PyObject *_PyEval_Vector(PyThreadState *tstate, PyObject *func, PyObject *locals,
                         PyObject *const *args, size_t argcount, PyObject *kwnames);
/* Run frame f until it returns or yields; throwflag: raise the pending exception in it. */
PyObject *_PyEval_EvalFrame(PyThreadState *tstate, PyFrameObject *f, int throwflag);
PyObject *PyEval_EvalFrame(PyFrameObject *f);
PyObject *PyEval_EvalFrameEx(PyFrameObject *f, int throwflag);

PyFrameObject *PyEval_GetFrame(void);  /* borrowed */
PyObject *PyEval_GetGlobals(void);     /* borrowed */
PyObject *PyEval_GetLocals(void);      /* borrowed */
PyObject *PyEval_GetBuiltins(void);    /* borrowed */
PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals); /* borrowed */
PyObject *_PyEval_GetBuiltin(PyObject *name); /* new reference, AttributeError if missing */
PyObject *_PyEval_GetBuiltinId(const char *name);
const char *PyEval_GetFuncName(PyObject *);
const char *PyEval_GetFuncDesc(PyObject *);
struct PyCompilerFlags_s;
int PyEval_MergeCompilerFlags(void *cf); /* cf: PyCompilerFlags * */

/* Tracing and profiling (sys.settrace / sys.setprofile), CPython 3.11's semantics. */
void PyEval_SetTrace(Py_tracefunc func, PyObject *arg);
void PyEval_SetProfile(Py_tracefunc func, PyObject *arg);
int _PyEval_SetTrace(PyThreadState *tstate, Py_tracefunc func, PyObject *arg);
int _PyEval_SetProfile(PyThreadState *tstate, Py_tracefunc func, PyObject *arg);
void PyThreadState_EnterTracing(PyThreadState *tstate);
void PyThreadState_LeaveTracing(PyThreadState *tstate);
/* sys.call_tracing: call func(*args) with tracing re-enabled inside a trace function. */
PyObject *_PyEval_CallTracing(PyObject *func, PyObject *args);
/* Line of the instruction at byte offset lasti (-1: none), from a per-code array. */
int _PyEval_LineOfInstr(PyCodeObject *co, int lasti);

/* Recursion checks ("maximum recursion depth exceeded%s"). */
int _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where);
int Py_EnterRecursiveCall(const char *where);
void Py_LeaveRecursiveCall(void);
int Py_GetRecursionLimit(void);
void Py_SetRecursionLimit(int);

/* Eval breaker: asynchronous events checked on backward jumps and calls. */
void _PyEval_SignalReceived(void);     /* a signal arrived (runtime's handler calls this) */
int Py_AddPendingCall(int (*func)(void *), void *arg);
int Py_MakePendingCalls(void);
void _PyEval_InitState(PyInterpreterState *interp);
void _PyEval_FiniState(PyInterpreterState *interp);
/* -X dxp: print the opcode (pair) counts collected so far to stderr. */
void _PyEval_DumpDxp(void);

/* Helpers shared with builtins / genobject. */
PyObject *_PyEval_ImportName(PyThreadState *, PyFrameObject *, PyObject *name,
                             PyObject *fromlist, PyObject *level);
PyObject *_PyEval_MatchKeys(PyThreadState *, PyObject *map, PyObject *keys);
PyObject *_PyEval_MatchClass(PyThreadState *, PyObject *subject, PyObject *type,
                             Py_ssize_t nargs, PyObject *kwargs);
int _PyEval_SliceIndex(PyObject *, Py_ssize_t *);
/* typeobject.c: instance creation inlined by the loop (1 ready, 0 not applicable, -1 error) */
int _PyType_PrepareInitCall(PyTypeObject *type, PyObject **obj, PyObject **init);
int _PyEval_SliceIndexNotNone(PyObject *, Py_ssize_t *);

#endif
