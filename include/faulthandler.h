/* faulthandler.h — async-signal-safe traceback dumps (CPython's _Py_DumpTraceback*, which
 * 3.11 keeps in traceback.c) and the start-up/shut-down hooks of the faulthandler module.
 * Implementation: src/modules/faulthandler.c.  Owner: threads. */
#ifndef Py_FAULTHANDLER_H
#define Py_FAULTHANDLER_H
#include "pystate.h"

/* Write "Stack (most recent call first):" and tstate's frames to fd; no allocation, no
 * lock, no GIL needed (safe from a signal handler; best effort if the stack changes). */
void _Py_DumpTraceback(int fd, PyThreadState *tstate);
/* Every thread of interp (NULL: the calling thread's, or the main one), the current one
 * marked "Current thread"; current_tstate NULL: the calling thread's state, if any.
 * NULL on success, else an error message (no exception set). */
const char *_Py_DumpTracebackThreads(int fd, PyInterpreterState *interp,
                                     PyThreadState *current_tstate);
/* Pieces of the above, exported as CPython does. */
void _Py_DumpASCII(int fd, PyObject *text);
void _Py_DumpDecimal(int fd, size_t value);
void _Py_DumpHexadecimal(int fd, uintptr_t value, Py_ssize_t width);

/* config.faulthandler (-X faulthandler, PYTHONFAULTHANDLER) or -X dev: faulthandler.enable()
 * at start-up (call once sys.stderr exists).  0, or -1 with an exception set. */
int _PyFaulthandler_Init(PyInterpreterState *interp);
/* Stop the watchdog thread and restore every signal handler faulthandler installed. */
void _PyFaulthandler_Fini(void);

#endif /* Py_FAULTHANDLER_H */
