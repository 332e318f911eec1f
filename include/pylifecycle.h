/* pylifecycle.h — interpreter start-up and shutdown (src/runtime/pylifecycle.c), the
 * command-line entry (src/runtime/main.c) and signal handling glue.  Owner: runtime. */
#ifndef PY_PYLIFECYCLE_H
#define PY_PYLIFECYCLE_H
#include "object.h"
#include "pystate.h"

void Py_Initialize(void);
void Py_InitializeEx(int install_sigs);
int Py_InitializeFromConfig(const PyConfig *config); /* 0 on success */
int Py_FinalizeEx(void);  /* 0, or -1 if flushing stdout failed */
void Py_Finalize(void);
int Py_IsInitialized(void);
int _Py_IsFinalizing(void);
Py_NO_RETURN void Py_Exit(int status);
/* Py_FatalError and friends: pyerrors.h (objects-num, src/runtime/errors.c). */
int Py_AtExit(void (*func)(void));   /* C-level: run after everything else at exit */
void PyConfig_InitPythonConfig(PyConfig *config);
void PyConfig_Clear(PyConfig *config);

/* Python-level atexit registry (used by the atexit module). */
int _PyAtExit_Register(PyObject *func, PyObject *args, PyObject *kwargs);
int _PyAtExit_Unregister(PyObject *func);
void _PyAtExit_Clear(void);
Py_ssize_t _PyAtExit_Count(void);
void _PyAtExit_Call(void);   /* run and clear the registry, LIFO */

/* Command line (src/runtime/main.c). */
int Py_BytesMain(int argc, char **argv);
int Py_RunMain(void);
/* The exit status for an uncaught SystemExit (prints non-int codes); clears the error. */
int _Py_HandleSystemExit(int *exitcode);

/* Signals (src/runtime/pylifecycle.c): the SIGINT handler sets pyerrors.h's
 * _PyErr_InterruptPending and wakes the eval loop; PyErr_CheckSignals is errors.c's. */
int PyErr_SetInterruptEx(int signum);
int _PyOS_IsMainThread(void);
int _PySignal_Init(int install_signal_handlers);
void _PySignal_Fini(void);

/* Version strings. */
const char *Py_GetVersion(void);
const char *Py_GetPlatform(void);
const char *Py_GetCompiler(void);
const char *Py_GetBuildInfo(void);
const char *Py_GetCopyright(void);
const char *Py_GetProgramName(void);
const char *_Py_GetProgramFullPath(void);

/* Per-subsystem init hooks called during start-up (implemented by their owners). */
PyObject *_PySys_Create(PyThreadState *);
int _PySys_UpdateConfig(PyThreadState *);
PyObject *_PyBuiltin_Init(PyInterpreterState *);
int _PySys_InitStdio(PyThreadState *);

#endif
