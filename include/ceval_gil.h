/* ceval_gil.h — the global interpreter lock, the eval breaker and pending calls
 * (CPython's ceval_gil.h + the GIL half of ceval.h).  Owner: threads.
 * Implementation: src/vm/ceval_gil.c.  The eval loop (src/vm/ceval.c) tests the single
 * word _Py_eval_breaker and calls _Py_HandlePending() when it is set. */
#ifndef Py_CEVAL_GIL_H
#define Py_CEVAL_GIL_H
#include "pystate.h"

/* Non-zero when the running loop must look at signals, pending calls, a GIL drop request
 * or an asynchronous exception.  Read on backward jumps and at frame entry. */
extern volatile int _Py_eval_breaker;
/* How the loop reads it: a relaxed atomic load (a plain mov on x86/arm64, but a race
 * ThreadSanitizer accepts: other threads and signal handlers set it). */
#define _Py_EVAL_BREAKER() __atomic_load_n(&_Py_eval_breaker, __ATOMIC_RELAXED)
/* Handle whatever set _Py_eval_breaker: run signal handlers and pending calls (main
 * thread only), give the GIL away if another thread asked, raise an asynchronous
 * exception.  -1 with an exception set if one of them raised. */
int _Py_HandlePending(PyThreadState *tstate);

/* Releasing the GIL around blocking calls (must not touch Python objects inside). */
PyThreadState *PyEval_SaveThread(void);
void PyEval_RestoreThread(PyThreadState *);
void PyEval_AcquireThread(PyThreadState *tstate);
void PyEval_ReleaseThread(PyThreadState *tstate);
void PyEval_InitThreads(void);           /* no-op: the GIL always exists (3.9+) */
int PyEval_ThreadsInitialized(void);     /* always 1 */
void PyEval_AcquireLock(void);
void PyEval_ReleaseLock(void);
void _PyEval_ReleaseLock(PyThreadState *tstate);   /* drop_gil without swapping */

#define Py_BEGIN_ALLOW_THREADS { PyThreadState *_save; _save = PyEval_SaveThread();
#define Py_BLOCK_THREADS PyEval_RestoreThread(_save);
#define Py_UNBLOCK_THREADS _save = PyEval_SaveThread();
#define Py_END_ALLOW_THREADS PyEval_RestoreThread(_save); }

/* Threads created outside Python (callbacks from C libraries). */
typedef enum { PyGILState_LOCKED, PyGILState_UNLOCKED } PyGILState_STATE;
PyGILState_STATE PyGILState_Ensure(void);
void PyGILState_Release(PyGILState_STATE);
PyThreadState *PyGILState_GetThisThreadState(void);
int PyGILState_Check(void);

/* sys.setswitchinterval / sys.getswitchinterval, in microseconds. */
void _PyEval_SetSwitchInterval(unsigned long microseconds);
unsigned long _PyEval_GetSwitchInterval(void);

/* Asynchronous exceptions (PyThreadState_SetAsyncExc) trip the breaker through this. */
void _PyEval_SignalAsyncExc(void);
/* After fork() in the child: a fresh GIL held by the calling thread, pending calls
 * reset.  0 ok. */
int _PyEval_ReInitThreads(PyThreadState *tstate);
/* Thread states beyond pystate.h's basic API (src/runtime/pystate.c). */
int PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc);
PyThreadState *PyThreadState_Next(PyThreadState *);
PyInterpreterState *PyInterpreterState_Main(void);
PyThreadState *PyInterpreterState_ThreadHead(PyInterpreterState *);
PyThreadState *_PyThreadState_UncheckedGet(void);
PyThreadState *_PyThreadState_Prealloc(PyInterpreterState *);
void _PyThreadState_Bind(PyThreadState *tstate);     /* make it the calling thread's */
void _PyThreadState_DeleteCurrent(PyThreadState *tstate); /* delete + drop the GIL */
void _PyThreadState_DeleteExcept(PyThreadState *tstate);  /* at fork/finalization */
/* Runs when a thread state is deleted (threading's "thread finished" sentinel). */
void _PyThreadState_SetOnDelete(PyThreadState *tstate, void (*func)(void *), void *arg);
int _Py_IsMainThread(void);
/* sys._current_frames() / sys._current_exceptions(): {thread id: frame / exception}. */
PyObject *_PyThread_CurrentFrames(void);
PyObject *_PyThread_CurrentExceptions(void);
/* In a forked child: the caller becomes the main and only thread (part of
 * _PyEval_ReInitThreads). */
void _PyRuntimeState_ReInitThreads(PyThreadState *tstate);
unsigned long _PyThread_MainThreadId(void);
/* Set when Py_FinalizeEx starts tearing down: from then on only this thread may take
 * the GIL; others exit in take_gil (daemon threads never see freed state). */
void _PyRuntimeState_SetFinalizing(PyThreadState *tstate);
PyThreadState *_PyRuntimeState_GetFinalizing(void);

#endif /* Py_CEVAL_GIL_H */
