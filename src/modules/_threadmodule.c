/* _threadmodule.c — the `_thread` module under threading.py: start_new_thread on real
 * OS threads, lock and RLock (waits release the GIL and are interrupted by signals),
 * get_ident/get_native_id, _count, _set_sentinel, stack_size, interrupt_main, _local,
 * _excepthook/_ExceptHookArgs.  Owner: threads.  The GIL and the raw locks are in
 * src/vm/ceval_gil.c, thread states in src/runtime/pystate.c. */
#include "Python.h"
#include "pytime.h"

#include <math.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>

static PyObject *ThreadError;   /* _thread.error is RuntimeError */
static long nb_threads;         /* threads started here and still running (_count) */

/* ------------------------------------------------------------------ timed waits */

static PY_TIMEOUT_T monotonic_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (PY_TIMEOUT_T)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Wait for lock: microseconds -1 forever, 0 try, >0 at most that long.  The GIL is
 * released while blocking; a signal interrupts the wait so that its handler runs (and
 * may raise, giving PY_LOCK_INTR with an exception set); otherwise the wait resumes
 * with the remaining time (PEP 475). */
static PyLockStatus acquire_timed(PyThread_type_lock lock, PY_TIMEOUT_T microseconds)
{
    PyLockStatus r = PyThread_acquire_lock_timed(lock, 0, 0);
    if (r != PY_LOCK_FAILURE || microseconds == 0)
        return r;
    PY_TIMEOUT_T deadline = microseconds > 0 ? monotonic_us() + microseconds : 0;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        r = PyThread_acquire_lock_timed(lock, microseconds, 1);
        Py_END_ALLOW_THREADS
        if (r != PY_LOCK_INTR)
            return r;
        if (Py_MakePendingCalls() < 0)
            return PY_LOCK_INTR;
        if (microseconds > 0) {
            microseconds = deadline - monotonic_us();
            if (microseconds <= 0)   /* one last try without waiting */
                return PyThread_acquire_lock_timed(lock, 0, 0);
        }
    }
}

/* acquire(blocking=True, timeout=-1) as a wait in microseconds (-1 forever).  A
 * vectorcall method (METH_FASTCALL): `with lock:`, acquire() and acquire(False), which
 * threading's Condition and queue.Queue call all the time, build no argument tuple. */
static int lock_acquire_parse_args(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                   PY_TIMEOUT_T *timeout)
{
    static const char *const kwlist[] = {"blocking", "timeout", NULL};
    static _PyArg_Parser parser = {0, "|iO:acquire", kwlist, NULL, NULL, 0, 0, 0, NULL, NULL};
    int blocking = 1;
    PyObject *timeout_obj = NULL;
    int nokw = kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0;
    if (nokw && (nargs == 0 || (nargs == 1 && PyBool_Check(args[0])))) {
        *timeout = (nargs == 0 || args[0] == Py_True) ? -1 : 0;
        return 0;
    }
    if (!_PyArg_ParseStackAndKeywords(args, nargs, kwnames, &parser, &blocking, &timeout_obj))
        return -1;
    double t = -1;
    if (timeout_obj != NULL && _PyTime_SecondsFromObject(timeout_obj, &t) < 0)
        return -1;
    if (!blocking && t != -1) {
        PyErr_SetString(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1) {
        PyErr_SetString(PyExc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking) {
        *timeout = 0;
    } else if (t == -1) {
        *timeout = -1;
    } else {
        double us = ceil(t * 1e6);   /* round up: never wait less than asked */
        if (us > (double)PY_TIMEOUT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
            return -1;
        }
        *timeout = (PY_TIMEOUT_T)us;
    }
    return 0;
}

/* ------------------------------------------------------------------ lock */

typedef struct {
    PyObject_HEAD
    PyThread_type_lock lock_lock;
    char locked;               /* only changed with the GIL held */
    PyObject *in_weakreflist;
} lockobject;

static PyTypeObject Locktype;

static void lock_dealloc(lockobject *self)
{
    if (self->in_weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    if (self->lock_lock != NULL) {
        if (self->locked)   /* unlock it so the semaphore is destroyed idle */
            PyThread_release_lock(self->lock_lock);
        PyThread_free_lock(self->lock_lock);
    }
    PyObject_Free(self);
}

static lockobject *newlockobject(void)
{
    lockobject *self = PyObject_New(lockobject, &Locktype);
    if (self == NULL)
        return NULL;
    self->lock_lock = PyThread_allocate_lock();
    self->locked = 0;
    self->in_weakreflist = NULL;
    if (self->lock_lock == NULL) {
        Py_DECREF(self);
        PyErr_SetString(ThreadError, "can't allocate lock");
        return NULL;
    }
    return self;
}

static PyObject *lock_PyThread_acquire_lock(lockobject *self, PyObject *const *args,
                                            Py_ssize_t nargs, PyObject *kwnames)
{
    PY_TIMEOUT_T timeout;
    if (lock_acquire_parse_args(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    PyLockStatus r = acquire_timed(self->lock_lock, timeout);
    if (r == PY_LOCK_INTR)
        return NULL;
    if (r == PY_LOCK_ACQUIRED)
        self->locked = 1;
    return PyBool_FromLong(r == PY_LOCK_ACQUIRED);
}

static PyObject *lock_PyThread_release_lock(lockobject *self, PyObject *unused)
{
    if (!self->locked) {
        PyErr_SetString(ThreadError, "release unlocked lock");
        return NULL;
    }
    self->locked = 0;
    PyThread_release_lock(self->lock_lock);
    Py_RETURN_NONE;
}

static PyObject *lock_exit(lockobject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return lock_PyThread_release_lock(self, NULL);
}

static PyObject *lock_locked_lock(lockobject *self, PyObject *unused)
{
    return PyBool_FromLong(self->locked);
}

static PyObject *lock_at_fork_reinit(lockobject *self, PyObject *unused)
{
    if (_PyThread_at_fork_reinit(&self->lock_lock) < 0) {
        PyErr_SetString(ThreadError, "failed to reinitialize lock at fork");
        return NULL;
    }
    self->locked = 0;
    Py_RETURN_NONE;
}

static PyObject *lock_repr(lockobject *self)
{
    return PyUnicode_FromFormat("<%s %s object at %p>", self->locked ? "locked" : "unlocked",
                                Py_TYPE(self)->tp_name, self);
}

#define KWF(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL | METH_KEYWORDS
#define FASTF(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL
static PyMethodDef lock_methods[] = {
    {"acquire_lock", KWF(lock_PyThread_acquire_lock), NULL},
    {"acquire", KWF(lock_PyThread_acquire_lock), NULL},
    {"release_lock", (PyCFunction)lock_PyThread_release_lock, METH_NOARGS, NULL},
    {"release", (PyCFunction)lock_PyThread_release_lock, METH_NOARGS, NULL},
    {"locked_lock", (PyCFunction)lock_locked_lock, METH_NOARGS, NULL},
    {"locked", (PyCFunction)lock_locked_lock, METH_NOARGS, NULL},
    {"__enter__", KWF(lock_PyThread_acquire_lock), NULL},
    {"__exit__", FASTF(lock_exit), NULL},
    {"_at_fork_reinit", (PyCFunction)lock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Locktype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(lockobject),
    .tp_dealloc = (destructor)lock_dealloc,
    .tp_repr = (reprfunc)lock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(lockobject, in_weakreflist),
    .tp_methods = lock_methods,
};

/* ------------------------------------------------------------------ RLock */

typedef struct {
    PyObject_HEAD
    PyThread_type_lock rlock_lock;
    unsigned long rlock_owner;
    unsigned long rlock_count;
    PyObject *in_weakreflist;
} rlockobject;

static void rlock_dealloc(rlockobject *self)
{
    if (self->in_weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    if (self->rlock_lock != NULL) {
        if (self->rlock_count > 0)
            PyThread_release_lock(self->rlock_lock);
        PyThread_free_lock(self->rlock_lock);
    }
    Py_TYPE(self)->tp_free(self);
}

static PyObject *rlock_acquire(rlockobject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    PY_TIMEOUT_T timeout;
    if (lock_acquire_parse_args(args, nargs, kwnames, &timeout) < 0)
        return NULL;
    unsigned long tid = PyThread_get_thread_ident();
    if (self->rlock_count > 0 && tid == self->rlock_owner) {
        if (self->rlock_count + 1 == 0) {
            PyErr_SetString(PyExc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        self->rlock_count++;
        Py_RETURN_TRUE;
    }
    PyLockStatus r = acquire_timed(self->rlock_lock, timeout);
    if (r == PY_LOCK_INTR)
        return NULL;
    if (r == PY_LOCK_ACQUIRED) {
        self->rlock_owner = tid;
        self->rlock_count = 1;
    }
    return PyBool_FromLong(r == PY_LOCK_ACQUIRED);
}

static PyObject *rlock_release(rlockobject *self, PyObject *unused)
{
    if (self->rlock_count == 0 || self->rlock_owner != PyThread_get_thread_ident()) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--self->rlock_count == 0) {
        self->rlock_owner = 0;
        PyThread_release_lock(self->rlock_lock);
    }
    Py_RETURN_NONE;
}

static PyObject *rlock_exit(rlockobject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return rlock_release(self, NULL);
}

/* Condition.wait() gives the RLock up entirely, then takes it back at the same depth. */
static PyObject *rlock_acquire_restore(rlockobject *self, PyObject *args)
{
    unsigned long owner, count;
    if (!PyArg_ParseTuple(args, "(kk):_acquire_restore", &count, &owner))
        return NULL;
    if (!PyThread_acquire_lock(self->rlock_lock, 0)) {
        Py_BEGIN_ALLOW_THREADS
        PyThread_acquire_lock(self->rlock_lock, 1);
        Py_END_ALLOW_THREADS
    }
    self->rlock_owner = owner;
    self->rlock_count = count;
    Py_RETURN_NONE;
}

static PyObject *rlock_release_save(rlockobject *self, PyObject *unused)
{
    if (self->rlock_count == 0) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    unsigned long owner = self->rlock_owner, count = self->rlock_count;
    self->rlock_count = 0;
    self->rlock_owner = 0;
    PyThread_release_lock(self->rlock_lock);
    return Py_BuildValue("kk", count, owner);
}

static PyObject *rlock_is_owned(rlockobject *self, PyObject *unused)
{
    unsigned long tid = PyThread_get_thread_ident();
    return PyBool_FromLong(self->rlock_count > 0 && self->rlock_owner == tid);
}

static PyObject *rlock_at_fork_reinit(rlockobject *self, PyObject *unused)
{
    if (_PyThread_at_fork_reinit(&self->rlock_lock) < 0) {
        PyErr_SetString(ThreadError, "failed to reinitialize lock at fork");
        return NULL;
    }
    self->rlock_owner = 0;
    self->rlock_count = 0;
    Py_RETURN_NONE;
}

static PyObject *rlock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    rlockobject *self = (rlockobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->in_weakreflist = NULL;
    self->rlock_owner = 0;
    self->rlock_count = 0;
    self->rlock_lock = PyThread_allocate_lock();
    if (self->rlock_lock == NULL) {
        Py_DECREF(self);
        PyErr_SetString(ThreadError, "can't allocate lock");
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *rlock_repr(rlockobject *self)
{
    PyObject *tp = PyObject_GetAttrString((PyObject *)Py_TYPE(self), "__qualname__");
    PyObject *mod = tp ? PyObject_GetAttrString((PyObject *)Py_TYPE(self), "__module__") : NULL;
    PyObject *r = NULL;
    if (mod)
        r = PyUnicode_FromFormat("<%s %S.%S object owner=%lu count=%lu at %p>",
                                 self->rlock_count ? "locked" : "unlocked", mod, tp,
                                 self->rlock_owner, self->rlock_count, self);
    Py_XDECREF(tp);
    Py_XDECREF(mod);
    return r;
}

static PyMethodDef rlock_methods[] = {
    {"acquire", KWF(rlock_acquire), NULL},
    {"release", (PyCFunction)rlock_release, METH_NOARGS, NULL},
    {"_is_owned", (PyCFunction)rlock_is_owned, METH_NOARGS, NULL},
    {"_acquire_restore", (PyCFunction)rlock_acquire_restore, METH_VARARGS, NULL},
    {"_release_save", (PyCFunction)rlock_release_save, METH_NOARGS, NULL},
    {"__enter__", KWF(rlock_acquire), NULL},
    {"__exit__", FASTF(rlock_exit), NULL},
    {"_at_fork_reinit", (PyCFunction)rlock_at_fork_reinit, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RLocktype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(rlockobject),
    .tp_dealloc = (destructor)rlock_dealloc,
    .tp_repr = (reprfunc)rlock_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(rlockobject, in_weakreflist),
    .tp_methods = rlock_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = rlock_new,
    .tp_free = PyObject_Free,
};

/* ------------------------------------------------------------------ _local */

/* Each thread's attributes of a local object live in a dict reachable only from that
 * thread: the thread state's dict maps the local's key to a "dummy" holding the dict,
 * and the local maps a weak reference to each dummy to its dict.  When a thread ends its
 * state dict goes, the dummy dies, and the weakref callback drops the entry. */

typedef struct {
    PyObject_HEAD
    /* Borrowed: the local's dummies dict owns it, so a cycle through the local dict
     * (x.local.x = x) is visible to the collector (CPython does the same). */
    PyObject *localdict;
    PyObject *weakreflist;
} localdummyobject;

static void localdummy_dealloc(localdummyobject *self)
{
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    PyObject_Free(self);
}

static PyTypeObject localdummytype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._localdummy",
    .tp_basicsize = sizeof(localdummyobject),
    .tp_dealloc = (destructor)localdummy_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(localdummyobject, weakreflist),
};

typedef struct {
    PyObject_HEAD
    PyObject *key;          /* unique str: the key in every thread state dict */
    PyObject *args, *kw;    /* replayed to __init__ in each new thread */
    PyObject *weakreflist;
    PyObject *dummies;      /* {weakref to dummy: localdict} */
    PyObject *wr_callback;  /* removes a dead dummy from dummies */
} localobject;

static PyTypeObject localtype;

/* Callback of the dummies' weakrefs; self is a weakref to the local object. */
static PyObject *local_dummy_died(PyObject *localweakref, PyObject *dummyweakref)
{
    PyObject *obj = PyWeakref_GetObject(localweakref);
    if (obj != NULL && obj != Py_None) {
        localobject *self = (localobject *)obj;
        if (self->dummies != NULL && PyDict_DelItem(self->dummies, dummyweakref) < 0)
            PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyMethodDef wr_callback_def = {"_localdummy_destroyed", local_dummy_died, METH_O, NULL};

/* Make this thread's dict for self; 0 ok. */
static PyObject *local_create_dict(localobject *self)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        PyErr_SetString(PyExc_SystemError, "Couldn't get thread-state dictionary");
        return NULL;
    }
    localdummyobject *dummy = PyObject_New(localdummyobject, &localdummytype);
    if (dummy == NULL)
        return NULL;
    dummy->weakreflist = NULL;
    dummy->localdict = NULL;
    PyObject *ldict = PyDict_New();
    PyObject *wr = NULL;
    if (ldict == NULL ||
        (wr = PyWeakref_NewRef((PyObject *)dummy, self->wr_callback)) == NULL ||
        PyDict_SetItem(self->dummies, wr, ldict) < 0 ||
        PyDict_SetItem(tdict, self->key, (PyObject *)dummy) < 0) {
        if (wr != NULL && PyDict_GetItemWithError(self->dummies, wr) != NULL &&
            PyDict_DelItem(self->dummies, wr) < 0)
            PyErr_Clear();
        Py_XDECREF(wr);
        Py_XDECREF(ldict);
        Py_DECREF(dummy);
        return NULL;
    }
    Py_DECREF(wr);
    dummy->localdict = ldict;   /* borrowed: kept alive by self->dummies */
    Py_DECREF(ldict);
    Py_DECREF(dummy);           /* kept alive by the thread state dict */
    return ldict;
}

/* This thread's dict for self (borrowed), made and __init__-ed on first use. */
static PyObject *local_getdict(localobject *self)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        PyErr_SetString(PyExc_SystemError, "Couldn't get thread-state dictionary");
        return NULL;
    }
    PyObject *dummy = PyDict_GetItemWithError(tdict, self->key);
    if (dummy != NULL)
        return ((localdummyobject *)dummy)->localdict;
    if (PyErr_Occurred())
        return NULL;
    PyObject *ldict = local_create_dict(self);
    if (ldict == NULL)
        return NULL;
    if (Py_TYPE(self)->tp_init != PyBaseObject_Type.tp_init) {
        if (Py_TYPE(self)->tp_init((PyObject *)self, self->args, self->kw) < 0) {
            /* the dict must not survive a failed __init__ */
            if (PyDict_DelItem(tdict, self->key) < 0)
                PyErr_Clear();
            return NULL;
        }
    }
    return ldict;
}

static PyObject *local_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (type->tp_init == PyBaseObject_Type.tp_init &&
        ((args && PyObject_IsTrue(args)) || (kw && PyObject_IsTrue(kw)))) {
        PyErr_SetString(PyExc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    localobject *self = (localobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->args = Py_NewRef(args);
    self->kw = Py_XNewRef(kw);
    self->key = PyUnicode_FromFormat("_thread._local.%p", self);
    self->dummies = PyDict_New();
    PyObject *wr = self->key && self->dummies ? PyWeakref_NewRef((PyObject *)self, NULL) : NULL;
    if (wr != NULL) {
        self->wr_callback = PyCFunction_NewEx(&wr_callback_def, wr, NULL);
        Py_DECREF(wr);
    }
    if (self->wr_callback == NULL || local_create_dict(self) == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int local_traverse(localobject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->args);
    Py_VISIT(self->kw);
    Py_VISIT(self->dummies);
    return 0;
}

static int local_clear(localobject *self)
{
    Py_CLEAR(self->args);
    Py_CLEAR(self->kw);
    Py_CLEAR(self->dummies);
    Py_CLEAR(self->wr_callback);
    /* remove this local's dict from every thread that made one */
    if (self->key != NULL) {
        PyThreadState *ts = _PyThreadState_GET();
        for (PyThreadState *p = ts ? PyInterpreterState_ThreadHead(ts->interp) : NULL; p;
             p = PyThreadState_Next(p)) {
            if (p->dict == NULL)
                continue;
            PyObject *v = PyDict_GetItemWithError(p->dict, self->key);
            if (v != NULL && PyDict_DelItem(p->dict, self->key) < 0)
                PyErr_Clear();
            else if (v == NULL)
                PyErr_Clear();
        }
    }
    return 0;
}

static void local_dealloc(localobject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    local_clear(self);
    Py_CLEAR(self->key);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *local_getattro(localobject *self, PyObject *name)
{
    PyObject *ldict = local_getdict(self);
    if (ldict == NULL)
        return NULL;
    if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__dict__"))
        return Py_NewRef(ldict);
    return _PyObject_GenericGetAttrWithDict((PyObject *)self, name, ldict, 0);
}

static int local_setattro(localobject *self, PyObject *name, PyObject *v)
{
    PyObject *ldict = local_getdict(self);
    if (ldict == NULL)
        return -1;
    if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__dict__")) {
        PyErr_Format(PyExc_AttributeError, "'%.50s' object attribute '%U' is read-only",
                     Py_TYPE(self)->tp_name, name);
        return -1;
    }
    return _PyObject_GenericSetAttrWithDict((PyObject *)self, name, v, ldict);
}

static PyTypeObject localtype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(localobject),
    .tp_dealloc = (destructor)local_dealloc,
    .tp_getattro = (getattrofunc)local_getattro,
    .tp_setattro = (setattrofunc)local_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Thread-local data",
    .tp_traverse = (traverseproc)local_traverse,
    .tp_clear = (inquiry)local_clear,
    .tp_weaklistoffset = offsetof(localobject, weakreflist),
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = local_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ threads */

struct bootstate {
    PyThreadState *tstate;
    PyObject *func, *args, *kwargs;
    struct bootstate *prev, *next;
};

/* Every started thread's bootstate until its function returns (changed under the GIL).
 * A daemon thread abandoned at exit never frees its own: this list keeps it, and the
 * function and arguments it holds, reachable (no LeakSanitizer report, no suppression). */
static struct bootstate *running_boots;

static void bootstate_link(struct bootstate *boot)
{
    boot->prev = NULL;
    boot->next = running_boots;
    if (running_boots != NULL)
        running_boots->prev = boot;
    running_boots = boot;
}

static void bootstate_free(struct bootstate *boot)
{
    if (boot->prev != NULL)
        boot->prev->next = boot->next;
    else if (running_boots == boot)
        running_boots = boot->next;
    if (boot->next != NULL)
        boot->next->prev = boot->prev;
    Py_DECREF(boot->func);
    Py_DECREF(boot->args);
    Py_XDECREF(boot->kwargs);
    PyMem_Free(boot);
}

/* The new OS thread: bind the prepared state, take the GIL, run, clean up, leave. */
static void thread_run(void *arg)
{
    struct bootstate *boot = arg;
    PyThreadState *tstate = boot->tstate;
    _PyThreadState_Bind(tstate);
    PyEval_AcquireThread(tstate);
    nb_threads++;
    PyObject *res = PyObject_Call(boot->func, boot->args, boot->kwargs);
    if (res == NULL) {
        if (PyErr_ExceptionMatches(PyExc_SystemExit))
            PyErr_Clear();
        else
            _PyErr_WriteUnraisableMsg("in thread started by", boot->func);
    } else {
        Py_DECREF(res);
    }
    bootstate_free(boot);
    nb_threads--;
    PyThreadState_Clear(tstate);
    _PyThreadState_DeleteCurrent(tstate);
}

static PyObject *thread_start_new_thread(PyObject *self, PyObject *fargs)
{
    PyObject *func, *args, *kwargs = NULL;
    if (!PyArg_UnpackTuple(fargs, "start_new_thread", 2, 3, &func, &args, &kwargs))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    if (PySys_Audit("_thread.start_new_thread", "OOO", func, args,
                    kwargs ? kwargs : Py_None) < 0)
        return NULL;
    struct bootstate *boot = PyMem_Malloc(sizeof(*boot));
    if (boot == NULL)
        return PyErr_NoMemory();
    boot->tstate = _PyThreadState_Prealloc(_PyInterpreterState_GET());
    if (boot->tstate == NULL) {
        PyMem_Free(boot);
        return PyErr_NoMemory();
    }
    boot->func = Py_NewRef(func);
    boot->args = Py_NewRef(args);
    boot->kwargs = Py_XNewRef(kwargs);
    bootstate_link(boot);
    unsigned long ident = PyThread_start_new_thread(thread_run, boot);
    if (ident == (unsigned long)-1) {
        PyErr_SetString(ThreadError, "can't start new thread");
        PyThreadState_Clear(boot->tstate);
        PyThreadState_Delete(boot->tstate);
        bootstate_free(boot);
        return NULL;
    }
    return PyLong_FromUnsignedLong(ident);
}

static PyObject *thread_allocate_lock(PyObject *self, PyObject *unused)
{
    return (PyObject *)newlockobject();
}

static PyObject *thread_get_ident(PyObject *self, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_ident());
}

static PyObject *thread_get_native_id(PyObject *self, PyObject *unused)
{
    return PyLong_FromUnsignedLong(PyThread_get_thread_native_id());
}

static PyObject *thread__count(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(nb_threads);
}

/* The sentinel is released (and dropped) when the thread's state is cleared. */
static void release_sentinel(void *arg)
{
    lockobject *lock = arg;
    if (lock->locked) {
        lock->locked = 0;
        PyThread_release_lock(lock->lock_lock);
    }
    Py_DECREF(lock);
}

/* threading's "this thread has finished" lock: the thread acquires it and it is
 * released only once the thread state goes away, so join() can wait on it. */
static PyObject *thread__set_sentinel(PyObject *self, PyObject *unused)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->on_delete == release_sentinel) {
        /* a previous sentinel of this thread: release it now */
        void *old = tstate->on_delete_data;
        _PyThreadState_SetOnDelete(tstate, NULL, NULL);
        release_sentinel(old);
    }
    lockobject *lock = newlockobject();
    if (lock == NULL)
        return NULL;
    _PyThreadState_SetOnDelete(tstate, release_sentinel, Py_NewRef(lock));
    return (PyObject *)lock;
}

static PyObject *thread_stack_size(PyObject *self, PyObject *args)
{
    Py_ssize_t new_size = 0;
    if (!PyArg_ParseTuple(args, "|n:stack_size", &new_size))
        return NULL;
    if (new_size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be 0 or a positive value");
        return NULL;
    }
    size_t old = PyThread_get_stacksize();
    int rc = PyThread_set_stacksize((size_t)new_size);
    if (rc == -1) {
        PyErr_Format(PyExc_ValueError, "size not valid: %zd bytes", new_size);
        return NULL;
    }
    if (rc == -2) {
        PyErr_SetString(ThreadError, "setting stack size not supported");
        return NULL;
    }
    return PyLong_FromSize_t(old);
}

/* interrupt_main(signum=SIGINT, /): simulate the signal arriving in the main thread */
static PyObject *thread_interrupt_main(PyObject *self, PyObject *args)
{
    int signum = SIGINT;
    if (!PyArg_ParseTuple(args, "|i:interrupt_main", &signum))
        return NULL;
    if (PyErr_SetInterruptEx(signum) < 0) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *thread_exit(PyObject *self, PyObject *unused)
{
    PyErr_SetNone(PyExc_SystemExit);
    return NULL;
}

/* ------------------------------------------------------------------ _excepthook */

static PyTypeObject ExceptHookArgsType;

static PyStructSequence_Field ExceptHookArgs_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"thread", "Thread"},
    {NULL, NULL},
};

static PyStructSequence_Desc ExceptHookArgs_desc = {
    "_thread._ExceptHookArgs",
    "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
    ExceptHookArgs_fields, 4,
};

static int write_excepthook(PyObject *file, PyObject *exc_type, PyObject *exc_value,
                            PyObject *exc_tb, PyObject *thread)
{
    if (PyFile_WriteString("Exception in thread ", file) < 0)
        return -1;
    PyObject *name = NULL;
    if (thread != Py_None && _PyObject_LookupAttr(thread, _Py_ID(name), &name) < 0)
        return -1;
    if (name == NULL)
        name = PyUnicode_FromFormat("%lu", PyThread_get_thread_ident());
    if (name == NULL)
        return -1;
    int r = PyFile_WriteObject(name, file, Py_PRINT_RAW);
    Py_DECREF(name);
    if (r < 0 || PyFile_WriteString(":\n", file) < 0)
        return -1;
    _PyErr_Display(file, exc_type, exc_value, exc_tb);
    PyObject *res = PyObject_CallMethod(file, "flush", NULL);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *thread_excepthook(PyObject *self, PyObject *args)
{
    if (!Py_IS_TYPE(args, &ExceptHookArgsType)) {
        PyErr_SetString(PyExc_TypeError,
                        "_thread._excepthook argument type must be ExceptHookArgs");
        return NULL;
    }
    PyObject *exc_type = PyStructSequence_GET_ITEM(args, 0);
    if (exc_type == PyExc_SystemExit)   /* silently ignored */
        Py_RETURN_NONE;
    PyObject *exc_value = PyStructSequence_GET_ITEM(args, 1);
    PyObject *exc_tb = PyStructSequence_GET_ITEM(args, 2);
    PyObject *thread = PyStructSequence_GET_ITEM(args, 3);
    PyObject *file = PySys_GetObject("stderr");
    PyObject *owned = NULL;
    if (file == NULL || file == Py_None) {
        if (thread == Py_None)
            Py_RETURN_NONE;   /* sys.stderr is None and no thread to ask */
        if (_PyObject_LookupAttr(thread, _Py_ID(_stderr), &owned) < 0)
            return NULL;
        if (owned == NULL || owned == Py_None) {
            Py_XDECREF(owned);
            Py_RETURN_NONE;
        }
        file = owned;
    } else {
        owned = Py_NewRef(file);
    }
    int r = write_excepthook(file, exc_type, exc_value, exc_tb, thread);
    Py_DECREF(owned);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ module */

static PyMethodDef thread_methods[] = {
    {"start_new_thread", thread_start_new_thread, METH_VARARGS, NULL},
    {"start_new", thread_start_new_thread, METH_VARARGS, NULL},
    {"allocate_lock", thread_allocate_lock, METH_NOARGS, NULL},
    {"allocate", thread_allocate_lock, METH_NOARGS, NULL},
    {"exit_thread", thread_exit, METH_NOARGS, NULL},
    {"exit", thread_exit, METH_NOARGS, NULL},
    {"interrupt_main", thread_interrupt_main, METH_VARARGS,
     "interrupt_main($module, signum=signal.SIGINT, /)\n--\n\n"
     "Simulate the arrival of the given signal in the main thread,\n"
     "where the corresponding signal handler will be executed.\n"
     "If *signum* is omitted, SIGINT is assumed.\n"
     "A subthread can use this function to interrupt the main thread.\n\n"
     "Note: the default signal handler for SIGINT raises ``KeyboardInterrupt``."},
    {"get_ident", thread_get_ident, METH_NOARGS, NULL},
    {"get_native_id", thread_get_native_id, METH_NOARGS, NULL},
    {"_count", thread__count, METH_NOARGS, NULL},
    {"stack_size", thread_stack_size, METH_VARARGS, NULL},
    {"_set_sentinel", thread__set_sentinel, METH_NOARGS, NULL},
    {"_excepthook", thread_excepthook, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef threadmodule = {
    PyModuleDef_HEAD_INIT, "_thread",
    "This module provides primitive operations to write multi-threaded programs.\n"
    "The 'threading' module provides a more convenient interface.",
    -1, thread_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__thread(void)
{
    if (PyType_Ready(&Locktype) < 0 || PyType_Ready(&RLocktype) < 0 ||
        PyType_Ready(&localdummytype) < 0 || PyType_Ready(&localtype) < 0)
        return NULL;
    if (ExceptHookArgsType.tp_name == NULL &&
        PyStructSequence_InitType2(&ExceptHookArgsType, &ExceptHookArgs_desc) < 0)
        return NULL;
    ThreadError = PyExc_RuntimeError;
    PyObject *m = PyModule_Create(&threadmodule);
    if (m == NULL)
        return NULL;
    PyObject *tmax = PyFloat_FromDouble((double)(PY_TIMEOUT_MAX / 1000000));
    if (tmax == NULL || PyModule_AddObject(m, "TIMEOUT_MAX", tmax) < 0 ||
        PyModule_AddObjectRef(m, "error", ThreadError) < 0 ||
        PyModule_AddObjectRef(m, "LockType", (PyObject *)&Locktype) < 0 ||
        PyModule_AddObjectRef(m, "RLock", (PyObject *)&RLocktype) < 0 ||
        PyModule_AddObjectRef(m, "_local", (PyObject *)&localtype) < 0 ||
        PyModule_AddObjectRef(m, "_ExceptHookArgs", (PyObject *)&ExceptHookArgsType) < 0) {
        Py_XDECREF(tmax);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
