/* ceval_gil.c — the global interpreter lock (CPython 3.2+ design: mutex + condition
 * variable, drop requests after the switch interval, forced switching), the eval breaker
 * with pending calls, signals and asynchronous exceptions, and the OS thread layer
 * (pythread.h: locks, threads, TSS).  Owner: threads.  The eval loop (ceval.c, owner
 * compiler-vm) only tests _Py_eval_breaker and calls _Py_HandlePending(); thread states
 * live in src/runtime/pystate.c, the `_thread` module in src/modules/_threadmodule.c. */
#include "Python.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define ATOMIC_LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define ATOMIC_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)

/* ================================================================ OS thread layer */

void PyThread_init_thread(void) {}

unsigned long PyThread_get_thread_ident(void) { return (unsigned long)pthread_self(); }

unsigned long PyThread_get_thread_native_id(void) { return (unsigned long)syscall(SYS_gettid); }

static size_t thread_stacksize;   /* 0: the system default */

size_t PyThread_get_stacksize(void) { return thread_stacksize; }

int PyThread_set_stacksize(size_t size)
{
    if (size == 0) {
        thread_stacksize = 0;
        return 0;
    }
    if (size < (size_t)PTHREAD_STACK_MIN)
        return -1;
    pthread_attr_t attrs;
    if (pthread_attr_init(&attrs) != 0)
        return -1;
    int rc = pthread_attr_setstacksize(&attrs, size);
    pthread_attr_destroy(&attrs);
    if (rc != 0)
        return -1;
    thread_stacksize = size;
    return 0;
}

unsigned long PyThread_start_new_thread(void (*func)(void *), void *arg)
{
    pthread_attr_t attrs;
    pthread_t th;
    if (pthread_attr_init(&attrs) != 0)
        return (unsigned long)-1;
    if (thread_stacksize != 0 && pthread_attr_setstacksize(&attrs, thread_stacksize) != 0) {
        pthread_attr_destroy(&attrs);
        return (unsigned long)-1;
    }
    pthread_attr_setdetachstate(&attrs, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&th, &attrs, (void *(*)(void *))(void (*)(void))func, arg);
    pthread_attr_destroy(&attrs);
    if (rc != 0)
        return (unsigned long)-1;
    return (unsigned long)th;
}

void PyThread_exit_thread(void) { pthread_exit(NULL); }

/* Locks are counting semaphores capped at one: unlike a mutex, any thread may release
 * them (threading.Condition relies on that) and waits can time out on a monotonic clock. */
PyThread_type_lock PyThread_allocate_lock(void)
{
    sem_t *sem = malloc(sizeof(sem_t));
    if (sem == NULL)
        return NULL;
    if (sem_init(sem, 0, 1) != 0) {
        free(sem);
        return NULL;
    }
    return (PyThread_type_lock)sem;
}

void PyThread_free_lock(PyThread_type_lock lock)
{
    if (lock == NULL)
        return;
    sem_destroy((sem_t *)lock);
    free(lock);
}

static void deadline_after(struct timespec *ts, PY_TIMEOUT_T us)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_sec += (time_t)(us / 1000000);
    ts->tv_nsec += (long)(us % 1000000) * 1000;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds,
                                         int intr_flag)
{
    sem_t *sem = (sem_t *)lock;
    struct timespec deadline;
    int r;
    if (microseconds > 0)
        deadline_after(&deadline, microseconds);
    for (;;) {
        if (microseconds == 0)
            r = sem_trywait(sem);
        else if (microseconds < 0)
            r = sem_wait(sem);
        else
            r = sem_clockwait(sem, CLOCK_MONOTONIC, &deadline);
        if (r == 0)
            return PY_LOCK_ACQUIRED;
        if (errno != EINTR)
            return PY_LOCK_FAILURE;   /* EAGAIN (try) or ETIMEDOUT */
        if (intr_flag)
            return PY_LOCK_INTR;
        /* not interruptible: retry until the absolute deadline */
    }
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag)
{
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0) == PY_LOCK_ACQUIRED;
}

void PyThread_release_lock(PyThread_type_lock lock)
{
    sem_post((sem_t *)lock);
}

int _PyThread_at_fork_reinit(PyThread_type_lock *lock)
{
    PyThread_type_lock new_lock = PyThread_allocate_lock();
    if (new_lock == NULL)
        return -1;
    /* The old lock may be held by a thread that no longer exists: leak it rather than
     * destroy a semaphore in an unknown state (CPython does the same). */
    *lock = new_lock;
    return 0;
}

Py_tss_t *PyThread_tss_alloc(void) { return calloc(1, sizeof(Py_tss_t)); }

void PyThread_tss_free(Py_tss_t *key)
{
    if (key != NULL) {
        PyThread_tss_delete(key);
        free(key);
    }
}

int PyThread_tss_is_created(Py_tss_t *key) { return key->_is_initialized; }

int PyThread_tss_create(Py_tss_t *key)
{
    if (key->_is_initialized)
        return 0;
    if (pthread_key_create(&key->_key, NULL) != 0)
        return -1;
    key->_is_initialized = 1;
    return 0;
}

void PyThread_tss_delete(Py_tss_t *key)
{
    if (!key->_is_initialized)
        return;
    pthread_key_delete(key->_key);
    key->_is_initialized = 0;
}

int PyThread_tss_set(Py_tss_t *key, void *value)
{
    return pthread_setspecific(key->_key, value) == 0 ? 0 : -1;
}

void *PyThread_tss_get(Py_tss_t *key) { return pthread_getspecific(key->_key); }

/* ================================================================ eval breaker */

volatile int _Py_eval_breaker;
static volatile int gil_drop_request;
static volatile int signals_pending;
static volatile int calls_to_do;
static volatile int async_exc_pending;

/* Recomputed by the GIL holder.  Signals and pending calls only concern the main thread,
 * so other threads do not keep stopping for them. */
static void compute_eval_breaker(void)
{
    int main = _Py_IsMainThread();
    ATOMIC_STORE(&_Py_eval_breaker,
                 ATOMIC_LOAD(&gil_drop_request) |
                 (ATOMIC_LOAD(&signals_pending) && main) |
                 (ATOMIC_LOAD(&calls_to_do) && main) |
                 ATOMIC_LOAD(&async_exc_pending));
}

static void set_gil_drop_request(void)
{
    ATOMIC_STORE(&gil_drop_request, 1);
    ATOMIC_STORE(&_Py_eval_breaker, 1);
}

static void reset_gil_drop_request(void)
{
    ATOMIC_STORE(&gil_drop_request, 0);
    compute_eval_breaker();
}

/* Async-signal-safe: the C signal handlers call this. */
void _PyEval_SignalReceived(void)
{
    ATOMIC_STORE(&signals_pending, 1);
    ATOMIC_STORE(&_Py_eval_breaker, 1);
}

void _PyEval_SignalAsyncExc(void)
{
    ATOMIC_STORE(&async_exc_pending, 1);
    ATOMIC_STORE(&_Py_eval_breaker, 1);
}

/* ---- pending calls: a ring any thread (or a signal handler) may add to ---- */

#define NPENDINGCALLS 32
static struct {
    pthread_mutex_t lock;
    struct { int (*func)(void *); void *arg; } calls[NPENDINGCALLS];
    int first, last;
    int busy;      /* make_pending_calls is running: no recursion */
} pending = {PTHREAD_MUTEX_INITIALIZER, {{NULL, NULL}}, 0, 0, 0};

/* 0 queued, -1 queue full (or the lock could not be had, e.g. inside a signal handler
 * that interrupted its holder: a blocking wait there would deadlock). */
int Py_AddPendingCall(int (*func)(void *), void *arg)
{
    int tries = 0;
    while (pthread_mutex_trylock(&pending.lock) != 0) {
        if (++tries > 10000)
            return -1;
        sched_yield();
    }
    int j = (pending.last + 1) % NPENDINGCALLS;
    int result = -1;
    if (j != pending.first) {
        pending.calls[pending.last].func = func;
        pending.calls[pending.last].arg = arg;
        pending.last = j;
        result = 0;
    }
    pthread_mutex_unlock(&pending.lock);
    ATOMIC_STORE(&calls_to_do, 1);
    ATOMIC_STORE(&_Py_eval_breaker, 1);
    return result;
}

static int make_pending_calls(void)
{
    if (pending.busy)
        return 0;
    pending.busy = 1;
    ATOMIC_STORE(&calls_to_do, 0);
    compute_eval_breaker();
    for (;;) {
        int (*func)(void *) = NULL;
        void *arg = NULL;
        pthread_mutex_lock(&pending.lock);
        if (pending.first != pending.last) {
            func = pending.calls[pending.first].func;
            arg = pending.calls[pending.first].arg;
            pending.first = (pending.first + 1) % NPENDINGCALLS;
        }
        pthread_mutex_unlock(&pending.lock);
        if (func == NULL)
            break;
        if (func(arg) != 0) {
            pending.busy = 0;
            ATOMIC_STORE(&calls_to_do, 1);   /* the rest run at the next check */
            ATOMIC_STORE(&_Py_eval_breaker, 1);
            return -1;
        }
    }
    pending.busy = 0;
    return 0;
}

static int handle_signals(PyThreadState *tstate)
{
    if (!_Py_IsMainThread())
        return 0;
    ATOMIC_STORE(&signals_pending, 0);
    compute_eval_breaker();
    if (_PyErr_CheckSignalsTstate(tstate) < 0) {
        _PyEval_SignalReceived();   /* unhandled ones get another chance */
        return -1;
    }
    return 0;
}

/* Signals and pending calls, from the main thread; other threads: nothing to do. */
int Py_MakePendingCalls(void)
{
    if (!_Py_IsMainThread())
        return 0;
    PyThreadState *tstate = _PyThreadState_GET();
    if (handle_signals(tstate) < 0)
        return -1;
    return make_pending_calls();
}

void _PyEval_InitState(PyInterpreterState *interp) { (void)interp; }
void _PyEval_FiniState(PyInterpreterState *interp) { (void)interp; }

/* ================================================================ the GIL */

static struct {
    unsigned long interval;        /* microseconds before a waiter asks for a switch */
    int locked;                    /* read without the mutex by PyGILState_Check */
    unsigned long switch_number;   /* counts hand-overs: a waiter sees progress */
    PyThreadState *last_holder;    /* atomic: drop_gil reads it under switch_mutex only */
    pthread_mutex_t mutex;         /* protects locked and switch_number */
    pthread_cond_t cond;           /* signalled when the GIL is released */
    pthread_mutex_t switch_mutex;  /* forced switching: the dropper waits until */
    pthread_cond_t switch_cond;    /* another thread has really taken it */
} gil = {
    5000,
    1,          /* the main thread holds the GIL from the start */
    0, NULL,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
    PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
};

static pthread_once_t gil_once = PTHREAD_ONCE_INIT;

/* The waiting condition uses the monotonic clock (timed waits survive clock changes). */
static void gil_init_conds(void)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_destroy(&gil.cond);
    pthread_cond_init(&gil.cond, &attr);
    pthread_condattr_destroy(&attr);
}

void _PyEval_SetSwitchInterval(unsigned long microseconds)
{
    gil.interval = microseconds ? microseconds : 1;
}

unsigned long _PyEval_GetSwitchInterval(void) { return gil.interval; }

/* While the interpreter finalizes, only the finalizing thread may run Python code:
 * any other thread that wants the GIL exits on the spot (3.11's tstate_must_exit). */
static int tstate_must_exit(PyThreadState *tstate)
{
    PyThreadState *fin = _PyRuntimeState_GetFinalizing();
    return fin != NULL && fin != tstate;
}

/* Such a thread is parked for good rather than pthread_exit'ed (as 3.11 does): the process
 * is about to end, and unwinding would drop whatever only this thread's C stack still
 * references (a call's arguments or result), which LeakSanitizer then reports as leaked.
 * A parked thread keeps its stack, so those objects stay reachable until exit (CPython 3.14
 * parks such threads too, for the unwinding hazards). */
static void abandon_thread(void) __attribute__((noreturn));
static void abandon_thread(void)
{
    for (;;)
        pause();
}

static void drop_gil(PyThreadState *tstate)
{
    pthread_mutex_lock(&gil.mutex);
    if (!gil.locked)
        Py_FatalError("drop_gil: GIL is not locked");
    /* tstate is NULL when the state was already deleted */
    if (tstate != NULL)
        ATOMIC_STORE(&gil.last_holder, tstate);
    ATOMIC_STORE(&gil.locked, 0);
    pthread_cond_signal(&gil.cond);
    pthread_mutex_unlock(&gil.mutex);

    /* Forced switching: when we drop on request, wait until another thread has taken
     * the GIL, so we do not grab it straight back (that starved I/O threads pre-3.2). */
    if (ATOMIC_LOAD(&gil_drop_request) && tstate != NULL) {
        pthread_mutex_lock(&gil.switch_mutex);
        if (ATOMIC_LOAD(&gil.last_holder) == tstate) {
            reset_gil_drop_request();
            pthread_cond_wait(&gil.switch_cond, &gil.switch_mutex);
        }
        pthread_mutex_unlock(&gil.switch_mutex);
    }
}

static void take_gil(PyThreadState *tstate)
{
    int err = errno;
    pthread_once(&gil_once, gil_init_conds);
    if (tstate_must_exit(tstate))
        abandon_thread();

    pthread_mutex_lock(&gil.mutex);
    while (gil.locked) {
        unsigned long saved_switchnum = gil.switch_number;
        struct timespec deadline;
        deadline_after(&deadline, (PY_TIMEOUT_T)gil.interval);
        int r = pthread_cond_timedwait(&gil.cond, &gil.mutex, &deadline);
        /* Nobody released it during a whole interval: ask the holder to. */
        if (r == ETIMEDOUT && gil.locked && gil.switch_number == saved_switchnum) {
            if (tstate_must_exit(tstate)) {
                pthread_mutex_unlock(&gil.mutex);
                abandon_thread();
            }
            set_gil_drop_request();
        }
    }
    if (tstate_must_exit(tstate)) {
        /* finalization began while we waited; the GIL stays free for the finalizer */
        pthread_cond_signal(&gil.cond);
        pthread_mutex_unlock(&gil.mutex);
        abandon_thread();
    }

    pthread_mutex_lock(&gil.switch_mutex);
    ATOMIC_STORE(&gil.locked, 1);
    if (tstate != ATOMIC_LOAD(&gil.last_holder)) {
        ATOMIC_STORE(&gil.last_holder, tstate);
        gil.switch_number++;
    }
    pthread_cond_signal(&gil.switch_cond);
    pthread_mutex_unlock(&gil.switch_mutex);

    _Py_tstate_current = tstate;
    if (ATOMIC_LOAD(&gil_drop_request))
        reset_gil_drop_request();
    else
        compute_eval_breaker();   /* the main thread may have signals waiting */
    if (tstate->async_exc != NULL)
        _PyEval_SignalAsyncExc();
    pthread_mutex_unlock(&gil.mutex);
    errno = err;
}

/* ---- the public GIL API ---- */

PyThreadState *PyEval_SaveThread(void)
{
    PyThreadState *tstate = PyThreadState_Swap(NULL);
    if (tstate == NULL)
        Py_FatalError("PyEval_SaveThread: the function must be called with the GIL held, "
                      "but the GIL is released (the current Python thread state is NULL)");
    drop_gil(tstate);
    return tstate;
}

void PyEval_RestoreThread(PyThreadState *tstate)
{
    if (tstate == NULL)
        Py_FatalError("PyEval_RestoreThread: NULL tstate");
    take_gil(tstate);
}

void PyEval_AcquireThread(PyThreadState *tstate)
{
    if (tstate == NULL)
        Py_FatalError("PyEval_AcquireThread: NULL new thread state");
    take_gil(tstate);
}

void PyEval_ReleaseThread(PyThreadState *tstate)
{
    PyThreadState *old = PyThreadState_Swap(NULL);
    if (old != tstate)
        Py_FatalError("PyEval_ReleaseThread: wrong thread state");
    drop_gil(tstate);
}

void PyEval_AcquireLock(void) { take_gil(PyGILState_GetThisThreadState()); }

void PyEval_ReleaseLock(void) { drop_gil(_PyThreadState_GET()); }

void PyEval_InitThreads(void) {}

int PyEval_ThreadsInitialized(void) { return 1; }

/* Give up the GIL for a thread state being deleted (no state swap). */
void _PyEval_ReleaseLock(PyThreadState *tstate) { drop_gil(tstate); }

/* ---- the eval breaker's slow path ---- */

int _Py_HandlePending(PyThreadState *tstate)
{
    if (ATOMIC_LOAD(&signals_pending) && handle_signals(tstate) < 0)
        return -1;
    if (ATOMIC_LOAD(&calls_to_do) && _Py_IsMainThread() && make_pending_calls() < 0)
        return -1;
    if (ATOMIC_LOAD(&gil_drop_request)) {
        /* Give another thread a turn. */
        if (PyThreadState_Swap(NULL) != tstate)
            Py_FatalError("_Py_HandlePending: wrong thread state");
        drop_gil(tstate);
        take_gil(tstate);
    }
    if (tstate->async_exc != NULL) {
        PyObject *exc = tstate->async_exc;
        tstate->async_exc = NULL;
        ATOMIC_STORE(&async_exc_pending, 0);
        /* other threads may still have one waiting */
        for (PyThreadState *p = PyInterpreterState_ThreadHead(tstate->interp); p;
             p = PyThreadState_Next(p))
            if (p->async_exc != NULL)
                ATOMIC_STORE(&async_exc_pending, 1);
        compute_eval_breaker();
        PyErr_SetNone(exc);
        Py_DECREF(exc);
        return -1;
    }
    compute_eval_breaker();   /* e.g. a signal only the main thread may handle */
    return 0;
}

/* ---- after fork(): the child has one thread, which holds the GIL ---- */

int _PyEval_ReInitThreads(PyThreadState *tstate)
{
    _PyRuntimeState_ReInitThreads(tstate);
    pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
    pthread_cond_t c = PTHREAD_COND_INITIALIZER;
    gil.mutex = m;
    gil.switch_mutex = m;
    gil.cond = c;
    gil.switch_cond = c;
    gil_init_conds();
    gil.locked = 1;
    gil.last_holder = tstate;
    pending.lock = m;
    pending.busy = 0;
    ATOMIC_STORE(&gil_drop_request, 0);
    compute_eval_breaker();
    return 0;
}

/* ---- threads not created by Python (C library callbacks) ---- */

PyGILState_STATE PyGILState_Ensure(void)
{
    PyThreadState *tcur = PyGILState_GetThisThreadState();
    int has_gil;
    if (tcur == NULL) {
        tcur = _PyThreadState_Prealloc(PyInterpreterState_Main());
        if (tcur == NULL)
            Py_FatalError("Couldn't create thread-state for new thread");
        _PyThreadState_Bind(tcur);
        tcur->gilstate_counter = 0;   /* Release at zero deletes it */
        has_gil = 0;
    } else {
        has_gil = tcur == _PyThreadState_GET();
    }
    if (!has_gil)
        PyEval_RestoreThread(tcur);
    tcur->gilstate_counter++;
    return has_gil ? PyGILState_LOCKED : PyGILState_UNLOCKED;
}

void PyGILState_Release(PyGILState_STATE oldstate)
{
    PyThreadState *tstate = PyGILState_GetThisThreadState();
    if (tstate == NULL)
        Py_FatalError("auto-releasing thread-state, but no thread-state for this thread");
    if (tstate != _PyThreadState_GET())
        Py_FatalError("thread state must be current when releasing");
    if (--tstate->gilstate_counter == 0) {
        /* the state was made by Ensure: this thread leaves Python for good */
        PyThreadState_Clear(tstate);
        _PyThreadState_DeleteCurrent(tstate);
    } else if (oldstate == PyGILState_UNLOCKED) {
        PyEval_SaveThread();
    }
}

int PyGILState_Check(void)
{
    PyThreadState *tstate = PyGILState_GetThisThreadState();
    return tstate != NULL && tstate == _PyThreadState_GET();
}
