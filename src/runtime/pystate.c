/* pystate.c — the interpreter state and one thread state per OS thread: creation,
 * binding to the calling thread, the thread-state list, deletion (also of the current
 * thread as it exits), asynchronous exceptions, the main thread and the finalizing
 * thread.  Owner: threads.  The GIL that decides which thread state is current lives in
 * src/vm/ceval_gil.c; _Py_tstate_current is only written by the GIL holder. */
#include "Python.h"
#include <pthread.h>
#include <unistd.h>
#include <sys/syscall.h>

PyThreadState *_Py_tstate_current = NULL;
static PyInterpreterState *interp_head = NULL;
static int64_t next_interp_id = 0;
static uint64_t next_thread_id = 0;

/* Guards the thread-state lists: PyGILState_Ensure adds states without the GIL. */
static pthread_mutex_t head_lock = PTHREAD_MUTEX_INITIALIZER;
#define HEAD_LOCK() pthread_mutex_lock(&head_lock)
#define HEAD_UNLOCK() pthread_mutex_unlock(&head_lock)

/* The thread that initialized Python: it alone runs signal handlers. */
static unsigned long main_thread;
/* The thread state of the calling OS thread, whether or not it holds the GIL. */
static __thread PyThreadState *gilstate_tss;
/* Non-NULL once Py_FinalizeEx tears down (see ceval_gil.c's take_gil). */
static PyThreadState *finalizing;

int _Py_IsMainThread(void) { return PyThread_get_thread_ident() == main_thread; }

unsigned long _PyThread_MainThreadId(void) { return main_thread; }

void _PyRuntimeState_SetFinalizing(PyThreadState *tstate)
{
    __atomic_store_n(&finalizing, tstate, __ATOMIC_SEQ_CST);
}

PyThreadState *_PyRuntimeState_GetFinalizing(void)
{
    return __atomic_load_n(&finalizing, __ATOMIC_SEQ_CST);
}

PyInterpreterState *PyInterpreterState_New(void)
{
    PyInterpreterState *interp = PyMem_Calloc(1, sizeof(*interp));
    if (interp == NULL)
        return NULL;
    if (main_thread == 0)
        main_thread = PyThread_get_thread_ident();
    HEAD_LOCK();
    interp->id = next_interp_id++;
    interp->recursion_limit = 1000;
    interp->next = interp_head;
    interp_head = interp;
    HEAD_UNLOCK();
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
    HEAD_LOCK();
    PyInterpreterState **p = &interp_head;
    while (*p != NULL && *p != interp)
        p = &(*p)->next;
    if (*p == NULL) {
        HEAD_UNLOCK();
        Py_FatalError("NULL interpreter");
    }
    *p = interp->next;
    HEAD_UNLOCK();
    PyMem_Free(interp);
}

/* Thread states are raw memory (calloc): PyGILState_Ensure makes them without the GIL. */
static PyThreadState *new_threadstate(PyInterpreterState *interp)
{
    PyThreadState *tstate = calloc(1, sizeof(*tstate));
    if (tstate == NULL)
        return NULL;
    tstate->interp = interp;
    tstate->exc_info = &tstate->exc_state;
    tstate->gilstate_counter = 1;
    HEAD_LOCK();
    tstate->id = ++next_thread_id;
    tstate->next = interp->tstate_head;
    if (tstate->next)
        tstate->next->prev = tstate;
    interp->tstate_head = tstate;
    HEAD_UNLOCK();
    return tstate;
}

/* Make tstate the calling OS thread's own (its ids, PyGILState_GetThisThreadState). */
void _PyThreadState_Bind(PyThreadState *tstate)
{
    tstate->thread_id = PyThread_get_thread_ident();
    tstate->native_thread_id = PyThread_get_thread_native_id();
    if (gilstate_tss == NULL)
        gilstate_tss = tstate;
}

PyThreadState *PyThreadState_New(PyInterpreterState *interp)
{
    PyThreadState *tstate = new_threadstate(interp);
    if (tstate == NULL)
        return NULL;
    _PyThreadState_Bind(tstate);
    return tstate;
}

/* For a thread about to be started: it binds the state itself. */
PyThreadState *_PyThreadState_Prealloc(PyInterpreterState *interp)
{
    return new_threadstate(interp);
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
    tstate->c_profilefunc = NULL;
    tstate->c_tracefunc = NULL;
    Py_CLEAR(tstate->c_profileobj);
    Py_CLEAR(tstate->c_traceobj);
    tstate->use_tracing = 0;
    Py_CLEAR(tstate->async_gen_firstiter);
    Py_CLEAR(tstate->async_gen_finalizer);
    /* threading's sentinel: joiners wake up once the thread's locals are gone */
    if (tstate->on_delete != NULL) {
        void (*func)(void *) = tstate->on_delete;
        tstate->on_delete = NULL;
        func(tstate->on_delete_data);
    }
}

void _PyThreadState_SetOnDelete(PyThreadState *tstate, void (*func)(void *), void *arg)
{
    tstate->on_delete = func;
    tstate->on_delete_data = arg;
}

static void unlink_threadstate(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    HEAD_LOCK();
    if (tstate->prev)
        tstate->prev->next = tstate->next;
    else
        interp->tstate_head = tstate->next;
    if (tstate->next)
        tstate->next->prev = tstate->prev;
    HEAD_UNLOCK();
    if (gilstate_tss == tstate)
        gilstate_tss = NULL;
}

void PyThreadState_Delete(PyThreadState *tstate)
{
    unlink_threadstate(tstate);
    if (_Py_tstate_current == tstate)
        _Py_tstate_current = NULL;
    free(tstate);
}

/* The calling thread is done: unlink its (cleared) state, give up the GIL, free it. */
void _PyThreadState_DeleteCurrent(PyThreadState *tstate)
{
    unlink_threadstate(tstate);
    _Py_tstate_current = NULL;
    _PyEval_ReleaseLock(tstate);
    free(tstate);
}

/* States of threads that can never run again: other threads at fork, daemon threads
 * at finalization.  A daemon thread may still be inside a blocking call holding
 * pointers into its state and frames, so the states are cleared but deliberately never
 * freed (CPython abandons them too); this list keeps them, and through tstate->frame the
 * frames they were running, reachable for LeakSanitizer. */
static PyThreadState *abandoned_states;

/* Every state but tstate leaves the interpreter (the threads behind them are gone after
 * fork, or must never run again during finalization).  Their frames are not touched. */
void _PyThreadState_DeleteExcept(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    HEAD_LOCK();
    PyThreadState *list = interp->tstate_head;
    if (list == tstate)
        list = tstate->next;
    if (tstate->prev)
        tstate->prev->next = tstate->next;
    if (tstate->next)
        tstate->next->prev = tstate->prev;
    tstate->prev = tstate->next = NULL;
    interp->tstate_head = tstate;
    HEAD_UNLOCK();
    for (PyThreadState *p = list, *next; p != NULL; p = next) {
        next = p->next;
        if (p == tstate)
            continue;
        PyThreadState_Clear(p);
        p->prev = NULL;
        p->next = abandoned_states;
        abandoned_states = p;
    }
}

void _PyRuntimeState_ReInitThreads(PyThreadState *tstate)
{
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    head_lock = m;
    main_thread = PyThread_get_thread_ident();
    tstate->thread_id = main_thread;
    tstate->native_thread_id = PyThread_get_thread_native_id();
    gilstate_tss = tstate;
    _Py_tstate_current = tstate;
    _PyThreadState_DeleteExcept(tstate);
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

PyThreadState *PyGILState_GetThisThreadState(void) { return gilstate_tss; }

/* Only the GIL holder swaps (or a thread about to drop it); this does not take it. */
PyThreadState *PyThreadState_Swap(PyThreadState *newts)
{
    PyThreadState *old = _Py_tstate_current;
    _Py_tstate_current = newts;
    return old;
}

PyThreadState *PyThreadState_Next(PyThreadState *tstate) { return tstate->next; }

PyThreadState *PyInterpreterState_ThreadHead(PyInterpreterState *interp)
{
    return interp->tstate_head;
}

/* Raise exc (a class, or NULL to cancel) in the thread with this id at its next eval
 * breaker check.  Returns how many thread states were changed. */
int PyThreadState_SetAsyncExc(unsigned long id, PyObject *exc)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    int count = 0;
    HEAD_LOCK();
    for (PyThreadState *p = interp->tstate_head; p != NULL; p = p->next) {
        if (p->thread_id != id)
            continue;
        PyObject *old = p->async_exc;
        Py_XINCREF(exc);
        p->async_exc = exc;
        HEAD_UNLOCK();
        Py_XDECREF(old);   /* may run arbitrary code: not under the list lock */
        _PyEval_SignalAsyncExc();
        return 1;
    }
    HEAD_UNLOCK();
    return count;
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

/* sys._current_frames(): {thread id: innermost frame} for every thread state that is
 * running Python code.  Called with the GIL held, so no frame changes under us; the
 * list lock keeps PyGILState_Ensure from adding a state meanwhile. */
PyObject *_PyThread_CurrentFrames(void)
{
    PyObject *result = PyDict_New();
    if (result == NULL)
        return NULL;
    int err = 0;
    HEAD_LOCK();
    for (PyInterpreterState *i = interp_head; i != NULL && !err; i = i->next) {
        for (PyThreadState *t = i->tstate_head; t != NULL && !err; t = t->next) {
            if (t->frame == NULL)
                continue;
            PyObject *id = PyLong_FromUnsignedLong(t->thread_id);
            err = id == NULL || PyDict_SetItem(result, id, (PyObject *)t->frame) < 0;
            Py_XDECREF(id);
        }
    }
    HEAD_UNLOCK();
    if (err) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* The (type, value, traceback) of the exception a thread is handling, as sys.exc_info(). */
static PyObject *exc_info_tuple(PyThreadState *t)
{
    _PyErr_StackItem *item = _PyErr_GetTopmostException(t);
    PyObject *value = item != NULL ? item->exc_value : NULL;
    if (value == NULL || value == Py_None)
        return PyTuple_Pack(3, Py_None, Py_None, Py_None);
    PyObject *tb = PyExceptionInstance_Check(value) ? PyException_GetTraceback(value) : NULL;
    PyObject *r = PyTuple_Pack(3, (PyObject *)Py_TYPE(value), value, tb ? tb : Py_None);
    Py_XDECREF(tb);
    return r;
}

/* sys._current_exceptions(): {thread id: sys.exc_info() of that thread} for every
 * thread state (3.11 gives tuples; 3.12 changed it to the bare exception). */
PyObject *_PyThread_CurrentExceptions(void)
{
    PyObject *result = PyDict_New();
    if (result == NULL)
        return NULL;
    int err = 0;
    HEAD_LOCK();
    for (PyInterpreterState *i = interp_head; i != NULL && !err; i = i->next) {
        for (PyThreadState *t = i->tstate_head; t != NULL && !err; t = t->next) {
            PyObject *id = PyLong_FromUnsignedLong(t->thread_id);
            PyObject *info = id != NULL ? exc_info_tuple(t) : NULL;
            err = info == NULL || PyDict_SetItem(result, id, info) < 0;
            Py_XDECREF(id);
            Py_XDECREF(info);
        }
    }
    HEAD_UNLOCK();
    if (err) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}
