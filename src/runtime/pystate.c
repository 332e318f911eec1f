/* pystate.c — interpreter and thread states: creation, clearing, deletion, and the
 * "current thread state" global every part of Krait reads through _PyThreadState_GET().
 * Krait runs one interpreter with one thread for now; the lists are kept for later. */
#include "Python.h"
#include <pthread.h>
#include <unistd.h>
#include <sys/syscall.h>

PyThreadState *_Py_tstate_current = NULL;
static PyInterpreterState *interp_head = NULL;
static int64_t next_interp_id = 0;
static uint64_t next_thread_id = 0;

PyInterpreterState *PyInterpreterState_New(void)
{
    PyInterpreterState *interp = PyMem_Calloc(1, sizeof(*interp));
    if (interp == NULL)
        return NULL;
    interp->id = next_interp_id++;
    interp->recursion_limit = 1000;
    interp->next = interp_head;
    interp_head = interp;
    return interp;
}

void PyInterpreterState_Clear(PyInterpreterState *interp)
{
    for (PyThreadState *p = interp->tstate_head; p != NULL; p = p->next)
        PyThreadState_Clear(p);
    Py_CLEAR(interp->audit_hooks);
    Py_CLEAR(interp->codec_search_path);
    Py_CLEAR(interp->codec_search_cache);
    Py_CLEAR(interp->codec_error_registry);
    Py_CLEAR(interp->importlib);
    Py_CLEAR(interp->dict);
    Py_CLEAR(interp->dxp);
    /* sysdict and builtins are dropped last: module teardown may still use them. */
    Py_CLEAR(interp->modules);
    Py_CLEAR(interp->sysdict);
    Py_CLEAR(interp->builtins);
}

void PyInterpreterState_Delete(PyInterpreterState *interp)
{
    while (interp->tstate_head != NULL)
        PyThreadState_Delete(interp->tstate_head);
    PyInterpreterState **p = &interp_head;
    while (*p != NULL && *p != interp)
        p = &(*p)->next;
    if (*p == NULL)
        Py_FatalError("NULL interpreter");
    *p = interp->next;
    PyMem_Free(interp);
}

PyThreadState *PyThreadState_New(PyInterpreterState *interp)
{
    PyThreadState *tstate = PyMem_Calloc(1, sizeof(*tstate));
    if (tstate == NULL)
        return NULL;
    tstate->interp = interp;
    tstate->exc_info = &tstate->exc_state;
    tstate->thread_id = (unsigned long)pthread_self();
#ifdef SYS_gettid
    tstate->native_thread_id = (unsigned long)syscall(SYS_gettid);
#endif
    tstate->id = ++next_thread_id;
    tstate->next = interp->tstate_head;
    if (tstate->next)
        tstate->next->prev = tstate;
    interp->tstate_head = tstate;
    if (_Py_tstate_current == NULL)
        _Py_tstate_current = tstate;
    return tstate;
}

void PyThreadState_Clear(PyThreadState *tstate)
{
    Py_CLEAR(tstate->dict);
    Py_CLEAR(tstate->async_exc);
    Py_CLEAR(tstate->curexc_type);
    Py_CLEAR(tstate->curexc_value);
    Py_CLEAR(tstate->curexc_traceback);
    Py_CLEAR(tstate->exc_state.exc_type);
    Py_CLEAR(tstate->exc_state.exc_value);
    Py_CLEAR(tstate->exc_state.exc_traceback);
    Py_CLEAR(tstate->c_profilefunc);
    Py_CLEAR(tstate->c_tracefunc);
    tstate->use_tracing = 0;
}

void PyThreadState_Delete(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    if (tstate->prev)
        tstate->prev->next = tstate->next;
    else
        interp->tstate_head = tstate->next;
    if (tstate->next)
        tstate->next->prev = tstate->prev;
    if (_Py_tstate_current == tstate)
        _Py_tstate_current = NULL;
    PyMem_Free(tstate);
}

PyThreadState *PyThreadState_Get(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL)
        Py_FatalError("the function must be called with the GIL held, but the GIL is "
                      "released (the current Python thread state is NULL)");
    return tstate;
}

PyThreadState *_PyThreadState_UncheckedGet(void) { return _Py_tstate_current; }

PyThreadState *PyThreadState_Swap(PyThreadState *newts)
{
    PyThreadState *old = _Py_tstate_current;
    _Py_tstate_current = newts;
    return old;
}

PyInterpreterState *PyInterpreterState_Get(void)
{
    PyThreadState *tstate = PyThreadState_Get();
    if (tstate->interp == NULL)
        Py_FatalError("no current interpreter");
    return tstate->interp;
}

PyInterpreterState *PyInterpreterState_Main(void)
{
    PyInterpreterState *interp = interp_head;
    while (interp && interp->next)
        interp = interp->next;   /* the first created is at the tail */
    return interp;
}

PyInterpreterState *PyThreadState_GetInterpreter(PyThreadState *tstate) { return tstate->interp; }
uint64_t PyThreadState_GetID(PyThreadState *tstate) { return tstate->id; }
int64_t PyInterpreterState_GetID(PyInterpreterState *interp) { return interp->id; }

/* Per-thread dict for extension state; borrowed, NULL without exception if none. */
PyObject *PyThreadState_GetDict(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL)
        return NULL;
    if (tstate->dict == NULL) {
        tstate->dict = PyDict_New();
        if (tstate->dict == NULL) {
            PyErr_Clear();
            return NULL;
        }
    }
    return tstate->dict;
}

PyObject *PyInterpreterState_GetDict(PyInterpreterState *interp)
{
    if (interp->dict == NULL) {
        interp->dict = PyDict_New();
        if (interp->dict == NULL)
            PyErr_Clear();
    }
    return interp->dict;
}

/* The frame's builtins when a frame runs (ceval overrides this weak default). */
__attribute__((weak)) PyObject *PyEval_GetBuiltins(void)
{
    return _PyInterpreterState_GET()->builtins;
}
