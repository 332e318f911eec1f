/* pyerrors.h — the exception state API (PyErr_*, src/runtime/errors.c) and the built-in
 * exception types and their instance layouts (src/objects/exceptions.c).
 * Owner: objects-num.  Names, signatures and semantics are CPython 3.11's. */
#ifndef PY_PYERRORS_H
#define PY_PYERRORS_H
#include "object.h"
#include "pystate.h"
#include <stdarg.h>

/* ---- instance layouts ---- */
#define PyException_HEAD PyObject_HEAD PyObject *dict; \
    PyObject *args; PyObject *notes; PyObject *traceback; \
    PyObject *context; PyObject *cause; char suppress_context;

typedef struct { PyException_HEAD } PyBaseExceptionObject;
typedef struct { PyException_HEAD PyObject *msg; PyObject *excs; } PyBaseExceptionGroupObject;
typedef struct {
    PyException_HEAD
    PyObject *msg, *filename, *lineno, *offset, *end_lineno, *end_offset, *text;
    PyObject *print_file_and_line;
} PySyntaxErrorObject;
typedef struct { PyException_HEAD PyObject *msg; PyObject *name; PyObject *path; } PyImportErrorObject;
typedef struct {
    PyException_HEAD
    PyObject *encoding, *object;
    Py_ssize_t start, end;
    PyObject *reason;
} PyUnicodeErrorObject;
typedef struct { PyException_HEAD PyObject *code; } PySystemExitObject;
typedef struct {
    PyException_HEAD
    PyObject *myerrno, *strerror, *filename, *filename2;
    Py_ssize_t written; /* only for BlockingIOError, -1 otherwise */
} PyOSErrorObject;
typedef struct { PyException_HEAD PyObject *value; } PyStopIterationObject;
typedef struct { PyException_HEAD PyObject *name; } PyNameErrorObject;
typedef struct { PyException_HEAD PyObject *obj; PyObject *name; } PyAttributeErrorObject;

/* ---- the built-in exception classes (PyObject * as in CPython) ---- */
#define KRAIT_EXC(name) extern PyObject *PyExc_##name;
KRAIT_EXC(BaseException) KRAIT_EXC(BaseExceptionGroup) KRAIT_EXC(Exception)
KRAIT_EXC(ExceptionGroup)
KRAIT_EXC(GeneratorExit) KRAIT_EXC(KeyboardInterrupt) KRAIT_EXC(SystemExit)
KRAIT_EXC(ArithmeticError) KRAIT_EXC(FloatingPointError) KRAIT_EXC(OverflowError)
KRAIT_EXC(ZeroDivisionError) KRAIT_EXC(AssertionError) KRAIT_EXC(AttributeError)
KRAIT_EXC(BufferError) KRAIT_EXC(EOFError) KRAIT_EXC(ImportError)
KRAIT_EXC(ModuleNotFoundError) KRAIT_EXC(LookupError) KRAIT_EXC(IndexError)
KRAIT_EXC(KeyError) KRAIT_EXC(MemoryError) KRAIT_EXC(NameError)
KRAIT_EXC(UnboundLocalError) KRAIT_EXC(OSError) KRAIT_EXC(BlockingIOError)
KRAIT_EXC(ChildProcessError) KRAIT_EXC(ConnectionError) KRAIT_EXC(BrokenPipeError)
KRAIT_EXC(ConnectionAbortedError) KRAIT_EXC(ConnectionRefusedError)
KRAIT_EXC(ConnectionResetError) KRAIT_EXC(FileExistsError) KRAIT_EXC(FileNotFoundError)
KRAIT_EXC(InterruptedError) KRAIT_EXC(IsADirectoryError) KRAIT_EXC(NotADirectoryError)
KRAIT_EXC(PermissionError) KRAIT_EXC(ProcessLookupError) KRAIT_EXC(TimeoutError)
KRAIT_EXC(ReferenceError) KRAIT_EXC(RuntimeError) KRAIT_EXC(NotImplementedError)
KRAIT_EXC(RecursionError) KRAIT_EXC(StopAsyncIteration) KRAIT_EXC(StopIteration)
KRAIT_EXC(SyntaxError) KRAIT_EXC(IndentationError) KRAIT_EXC(TabError)
KRAIT_EXC(SystemError) KRAIT_EXC(TypeError) KRAIT_EXC(ValueError)
KRAIT_EXC(UnicodeError) KRAIT_EXC(UnicodeDecodeError) KRAIT_EXC(UnicodeEncodeError)
KRAIT_EXC(UnicodeTranslateError)
KRAIT_EXC(Warning) KRAIT_EXC(BytesWarning) KRAIT_EXC(DeprecationWarning)
KRAIT_EXC(EncodingWarning) KRAIT_EXC(FutureWarning) KRAIT_EXC(ImportWarning)
KRAIT_EXC(PendingDeprecationWarning) KRAIT_EXC(ResourceWarning) KRAIT_EXC(RuntimeWarning)
KRAIT_EXC(SyntaxWarning) KRAIT_EXC(UnicodeWarning) KRAIT_EXC(UserWarning)
#undef KRAIT_EXC
/* Aliases kept by CPython. */
#define PyExc_EnvironmentError PyExc_OSError
#define PyExc_IOError PyExc_OSError

#define PyExceptionClass_Check(x) \
    (PyType_Check((x)) && PyType_FastSubclass((PyTypeObject *)(x), Py_TPFLAGS_BASE_EXC_SUBCLASS))
#define PyExceptionInstance_Check(x) \
    PyType_FastSubclass(Py_TYPE(x), Py_TPFLAGS_BASE_EXC_SUBCLASS)
#define PyExceptionInstance_Class(x) ((PyObject *)Py_TYPE(x))
#define _PyBaseExceptionGroup_Check(x) PyObject_TypeCheck((x), (PyTypeObject *)PyExc_BaseExceptionGroup)

/* Start-up (called by the runtime): ready the types, then fill builtins. */
int _PyExc_InitTypes(void);
int _PyBuiltins_AddExceptions(PyObject *builtins_dict);
void _PyExc_Fini(void);

/* ---- exception objects ---- */
PyObject *PyException_GetTraceback(PyObject *);
int PyException_SetTraceback(PyObject *, PyObject *);
PyObject *PyException_GetCause(PyObject *);           /* new reference */
void PyException_SetCause(PyObject *, PyObject *);    /* steals */
PyObject *PyException_GetContext(PyObject *);         /* new reference */
void PyException_SetContext(PyObject *, PyObject *);  /* steals */
const char *PyExceptionClass_Name(PyObject *);
PyObject *_PyExc_CreateExceptionGroup(const char *msg, PyObject *excs);
/* Used by the VM for `except*`: split exc by match_type into (match, rest). */
PyObject *_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs);
int _PyBaseExceptionGroup_Split(PyObject *eg, PyObject *matcher, PyObject **match, PyObject **rest);

/* UnicodeError accessors and constructors. */
PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object,
                                      Py_ssize_t length, Py_ssize_t start, Py_ssize_t end,
                                      const char *reason);
PyObject *_PyUnicodeEncodeError_Create(PyObject *encoding, PyObject *object,
                                       Py_ssize_t start, Py_ssize_t end, const char *reason);
PyObject *PyUnicodeEncodeError_GetEncoding(PyObject *);
PyObject *PyUnicodeDecodeError_GetEncoding(PyObject *);
PyObject *PyUnicodeEncodeError_GetObject(PyObject *);
PyObject *PyUnicodeDecodeError_GetObject(PyObject *);
PyObject *PyUnicodeTranslateError_GetObject(PyObject *);
int PyUnicodeEncodeError_GetStart(PyObject *, Py_ssize_t *);
int PyUnicodeDecodeError_GetStart(PyObject *, Py_ssize_t *);
int PyUnicodeTranslateError_GetStart(PyObject *, Py_ssize_t *);
int PyUnicodeEncodeError_SetStart(PyObject *, Py_ssize_t);
int PyUnicodeDecodeError_SetStart(PyObject *, Py_ssize_t);
int PyUnicodeEncodeError_GetEnd(PyObject *, Py_ssize_t *);
int PyUnicodeDecodeError_GetEnd(PyObject *, Py_ssize_t *);
int PyUnicodeTranslateError_GetEnd(PyObject *, Py_ssize_t *);
int PyUnicodeEncodeError_SetEnd(PyObject *, Py_ssize_t);
int PyUnicodeDecodeError_SetEnd(PyObject *, Py_ssize_t);
PyObject *PyUnicodeEncodeError_GetReason(PyObject *);
PyObject *PyUnicodeDecodeError_GetReason(PyObject *);
int PyUnicodeEncodeError_SetReason(PyObject *, const char *);
int PyUnicodeDecodeError_SetReason(PyObject *, const char *);

/* ---- the error indicator (src/runtime/errors.c) ---- */
void PyErr_SetNone(PyObject *);
void PyErr_SetObject(PyObject *, PyObject *);
void PyErr_SetString(PyObject *exception, const char *string);
PyObject *PyErr_Format(PyObject *exception, const char *format, ...);
PyObject *PyErr_FormatV(PyObject *exception, const char *format, va_list vargs);
PyObject *PyErr_Occurred(void);
void PyErr_Clear(void);
void PyErr_Fetch(PyObject **, PyObject **, PyObject **);
void PyErr_Restore(PyObject *, PyObject *, PyObject *);
void PyErr_NormalizeException(PyObject **, PyObject **, PyObject **);
int PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc);
int PyErr_ExceptionMatches(PyObject *exc);
int PyErr_BadArgument(void);
PyObject *PyErr_NoMemory(void);
void PyErr_BadInternalCall(void);
void _PyErr_BadInternalCall(const char *filename, int lineno);
PyObject *PyErr_SetFromErrno(PyObject *);
PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *, PyObject *);
PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *, PyObject *, PyObject *);
PyObject *PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename);
PyObject *PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path);
PyObject *PyErr_SetImportErrorSubclass(PyObject *exc, PyObject *msg, PyObject *name, PyObject *path);
PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict);
PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict);
void PyErr_GetExcInfo(PyObject **, PyObject **, PyObject **);
void PyErr_SetExcInfo(PyObject *, PyObject *, PyObject *);
PyObject *PyErr_GetHandledException(void);
void PyErr_SetHandledException(PyObject *);
PyObject *_PyErr_GetHandledException(PyThreadState *);
void _PyErr_SetHandledException(PyThreadState *, PyObject *);
_PyErr_StackItem *_PyErr_GetTopmostException(PyThreadState *);
void PyErr_WriteUnraisable(PyObject *);
void _PyErr_WriteUnraisableMsg(const char *err_msg, PyObject *obj);
/* sys.unraisablehook's default (sys.__unraisablehook__): args is an UnraisableHookArgs. */
PyObject *_PyErr_WriteUnraisableDefaultHook(PyObject *args);
PyTypeObject *_PyErr_GetUnraisableHookArgsType(void);
void PyErr_SyntaxLocation(const char *filename, int lineno);
void PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset);
void PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset);
PyObject *PyErr_ProgramText(const char *filename, int lineno);
PyObject *PyErr_ProgramTextObject(PyObject *filename, int lineno);
int PyErr_CheckSignals(void);
void PyErr_SetInterrupt(void);
void Py_FatalError(const char *message) Py_NO_RETURN;
#define Py_FatalError(message) _Py_FatalErrorFunc(__func__, (message))
void _Py_FatalErrorFunc(const char *func, const char *message) Py_NO_RETURN;
void _Py_FatalErrorFormat(const char *func, const char *format, ...) Py_NO_RETURN;

/* Thread-state variants and helpers (CPython's pycore_pyerrors.h). */
void _PyErr_SetObject(PyThreadState *, PyObject *, PyObject *);
void _PyErr_SetString(PyThreadState *, PyObject *, const char *);
void _PyErr_SetNone(PyThreadState *, PyObject *);
PyObject *_PyErr_Format(PyThreadState *, PyObject *, const char *, ...);
void _PyErr_Fetch(PyThreadState *, PyObject **, PyObject **, PyObject **);
void _PyErr_Restore(PyThreadState *, PyObject *, PyObject *, PyObject *);
void _PyErr_Clear(PyThreadState *);
int _PyErr_ExceptionMatches(PyThreadState *, PyObject *);
void _PyErr_NormalizeException(PyThreadState *, PyObject **, PyObject **, PyObject **);
static inline PyObject *_PyErr_Occurred(PyThreadState *tstate) { return tstate->curexc_type; }
/* Set exc as __context__ of the current exception (the one being raised). */
void _PyErr_ChainExceptions(PyObject *typ, PyObject *val, PyObject *tb);
PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...);
PyObject *_PyErr_FormatFromCauseTstate(PyThreadState *, PyObject *, const char *, ...);
void _PyErr_SetKeyError(PyObject *key);
/* Borrowed current exception value, normalised (3.12's PyErr_GetRaisedException-ish). */
PyObject *_PyErr_GetRaisedException(PyThreadState *);          /* new ref, clears */
void _PyErr_SetRaisedException(PyThreadState *, PyObject *);   /* steals */
PyObject *PyErr_GetRaisedException(void);
void PyErr_SetRaisedException(PyObject *);
/* Signals: a flag set by the SIGINT handler, polled by the eval loop. */
int _PyErr_CheckSignalsTstate(PyThreadState *);
extern volatile int _PyErr_InterruptPending;

#endif
