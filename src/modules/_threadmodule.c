/* _threadmodule.c — the `_thread` module under threading.py: lock and RLock (real POSIX
 * semaphores, so timeouts behave), get_ident/get_native_id, _set_sentinel, stack_size,
 * TIMEOUT_MAX.  Owner: modules-os.  Krait has no GIL yet, so start_new_thread raises
 * RuntimeError until the interpreter can run threads. */
#include "Python.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_MAX_SECONDS 9223372036.0   /* PY_TIMEOUT_MAX / 1e6, as CPython on Linux */

/* Parse acquire(blocking=True, timeout=-1) into a wait time: -1 forever, 0 try, >0 seconds. */
static int lock_acquire_parse_args(PyObject *args, PyObject *kwds, double *timeout)
{
    static char *kwlist[] = {"blocking", "timeout", NULL};
    int blocking = 1;
    PyObject *timeout_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:acquire", kwlist, &blocking, &timeout_obj))
        return -1;
    double t = -1;
    if (timeout_obj != NULL) {
        t = PyFloat_AsDouble(timeout_obj);
        if (t == -1 && PyErr_Occurred())
            return -1;
    }
    if (!blocking && t != -1) {
        PyErr_SetString(PyExc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (t < 0 && t != -1) {
        PyErr_SetString(PyExc_ValueError, "timeout value must be a non-negative number");
        return -1;
    }
    if (!blocking)
        t = 0;
    else if (t > TIMEOUT_MAX_SECONDS) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout = t;
    return 0;
}

/* 1 acquired, 0 timed out, -1 error (signal handler raised). */
static int sem_acquire(sem_t *sem, double timeout)
{
    int r;
    if (timeout == 0) {
        do { r = sem_trywait(sem); } while (r < 0 && errno == EINTR);
        return r == 0;
    }
    if (timeout < 0) {
        while ((r = sem_wait(sem)) < 0 && errno == EINTR) {
            if (PyErr_CheckSignals() < 0)
                return -1;
        }
        return r == 0;
    }
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    double whole = floor(timeout);
    deadline.tv_sec += (time_t)whole;
    deadline.tv_nsec += (long)((timeout - whole) * 1e9);
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    while ((r = sem_timedwait(sem, &deadline)) < 0 && errno == EINTR) {
        if (PyErr_CheckSignals() < 0)
            return -1;
    }
    return r == 0;
}

/* ------------------------------------------------------------------ lock */

typedef struct {
    PyObject_HEAD
    sem_t sem;
    char locked;
    PyObject *in_weakreflist;
} lockobject;

static PyTypeObject Locktype;

static void lock_dealloc(lockobject *self)
{
    if (self->in_weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    sem_destroy(&self->sem);
    PyObject_Free(self);
}

static lockobject *newlockobject(void)
{
    lockobject *self = PyObject_New(lockobject, &Locktype);
    if (self == NULL)
        return NULL;
    sem_init(&self->sem, 0, 1);
    self->locked = 0;
    self->in_weakreflist = NULL;
    return self;
}

static PyObject *lock_PyThread_acquire_lock(lockobject *self, PyObject *args, PyObject *kwds)
{
    double timeout;
    if (lock_acquire_parse_args(args, kwds, &timeout) < 0)
        return NULL;
    int r = sem_acquire(&self->sem, timeout);
    if (r < 0)
        return NULL;
    if (r)
        self->locked = 1;
    return PyBool_FromLong(r);
}

static PyObject *lock_PyThread_release_lock(lockobject *self, PyObject *unused)
{
    if (!self->locked) {
        PyErr_SetString(PyExc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    self->locked = 0;
    sem_post(&self->sem);
    Py_RETURN_NONE;
}

static PyObject *lock_exit(lockobject *self, PyObject *args)
{
    return lock_PyThread_release_lock(self, NULL);
}

static PyObject *lock_locked_lock(lockobject *self, PyObject *unused)
{
    return PyBool_FromLong(self->locked);
}

static PyObject *lock_at_fork_reinit(lockobject *self, PyObject *unused)
{
    sem_destroy(&self->sem);
    sem_init(&self->sem, 0, 1);
    self->locked = 0;
    Py_RETURN_NONE;
}

static PyObject *lock_repr(lockobject *self)
{
    return PyUnicode_FromFormat("<%s %s object at %p>", self->locked ? "locked" : "unlocked",
                                Py_TYPE(self)->tp_name, self);
}

#define KWF(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS
static PyMethodDef lock_methods[] = {
    {"acquire_lock", KWF(lock_PyThread_acquire_lock), NULL},
    {"acquire", KWF(lock_PyThread_acquire_lock), NULL},
    {"release_lock", (PyCFunction)lock_PyThread_release_lock, METH_NOARGS, NULL},
    {"release", (PyCFunction)lock_PyThread_release_lock, METH_NOARGS, NULL},
    {"locked_lock", (PyCFunction)lock_locked_lock, METH_NOARGS, NULL},
    {"locked", (PyCFunction)lock_locked_lock, METH_NOARGS, NULL},
    {"__enter__", KWF(lock_PyThread_acquire_lock), NULL},
    {"__exit__", (PyCFunction)lock_exit, METH_VARARGS, NULL},
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
    sem_t sem;
    unsigned long rlock_owner;
    unsigned long rlock_count;
    PyObject *in_weakreflist;
} rlockobject;

static void rlock_dealloc(rlockobject *self)
{
    if (self->in_weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    sem_destroy(&self->sem);
    Py_TYPE(self)->tp_free(self);
}

static unsigned long thread_ident(void) { return (unsigned long)pthread_self(); }

static PyObject *rlock_acquire(rlockobject *self, PyObject *args, PyObject *kwds)
{
    double timeout;
    if (lock_acquire_parse_args(args, kwds, &timeout) < 0)
        return NULL;
    unsigned long tid = thread_ident();
    if (self->rlock_count > 0 && tid == self->rlock_owner) {
        if (self->rlock_count + 1 == 0) {
            PyErr_SetString(PyExc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        self->rlock_count++;
        Py_RETURN_TRUE;
    }
    int r = sem_acquire(&self->sem, timeout);
    if (r < 0)
        return NULL;
    if (r) {
        self->rlock_owner = tid;
        self->rlock_count = 1;
    }
    return PyBool_FromLong(r);
}

static PyObject *rlock_release(rlockobject *self, PyObject *unused)
{
    if (self->rlock_count == 0 || self->rlock_owner != thread_ident()) {
        PyErr_SetString(PyExc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--self->rlock_count == 0) {
        self->rlock_owner = 0;
        sem_post(&self->sem);
    }
    Py_RETURN_NONE;
}

static PyObject *rlock_exit(rlockobject *self, PyObject *args) { return rlock_release(self, NULL); }

static PyObject *rlock_acquire_restore(rlockobject *self, PyObject *args)
{
    unsigned long owner, count;
    if (!PyArg_ParseTuple(args, "(kk):_acquire_restore", &count, &owner))
        return NULL;
    if (sem_acquire(&self->sem, -1) <= 0)
        return NULL;
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
    sem_post(&self->sem);
    return Py_BuildValue("kk", count, owner);
}

static PyObject *rlock_recursion_count(rlockobject *self, PyObject *unused)
{
    return PyLong_FromUnsignedLong(self->rlock_owner == thread_ident() ? self->rlock_count : 0);
}

static PyObject *rlock_is_owned(rlockobject *self, PyObject *unused)
{
    return PyBool_FromLong(self->rlock_count > 0 && self->rlock_owner == thread_ident());
}

static PyObject *rlock_at_fork_reinit(rlockobject *self, PyObject *unused)
{
    sem_destroy(&self->sem);
    sem_init(&self->sem, 0, 1);
    self->rlock_owner = 0;
    self->rlock_count = 0;
    Py_RETURN_NONE;
}

static PyObject *rlock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    rlockobject *self = (rlockobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    sem_init(&self->sem, 0, 1);
    self->rlock_owner = 0;
    self->rlock_count = 0;
    self->in_weakreflist = NULL;
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
    {"_recursion_count", (PyCFunction)rlock_recursion_count, METH_NOARGS, NULL},
    {"__enter__", KWF(rlock_acquire), NULL},
    {"__exit__", (PyCFunction)rlock_exit, METH_VARARGS, NULL},
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

/* ------------------------------------------------------------------ module functions */

static PyObject *thread_allocate_lock(PyObject *self, PyObject *unused)
{
    return (PyObject *)newlockobject();
}

static PyObject *thread_get_ident(PyObject *self, PyObject *unused)
{
    return PyLong_FromUnsignedLong(thread_ident());
}

static PyObject *thread_get_native_id(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong((long)syscall(SYS_gettid));
}

static PyObject *thread_start_new_thread(PyObject *self, PyObject *args)
{
    PyObject *func, *fargs, *kwargs = NULL;
    if (!PyArg_UnpackTuple(args, "start_new_thread", 2, 3, &func, &fargs, &kwargs))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!PyTuple_Check(fargs)) {
        PyErr_SetString(PyExc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    /* The interpreter has no GIL yet: refuse rather than corrupt its state. */
    PyErr_SetString(PyExc_RuntimeError, "can't start new thread");
    return NULL;
}

static PyObject *thread__count(PyObject *self, PyObject *unused) { return PyLong_FromLong(0); }

/* threading's "thread is finished" lock: held for the thread's lifetime. */
static PyObject *thread__set_sentinel(PyObject *self, PyObject *unused)
{
    lockobject *lock = newlockobject();
    if (lock == NULL)
        return NULL;
    /* Unlocked: threading.py acquires it; the thread's end would release it. */
    return (PyObject *)lock;
}

static size_t thread_stacksize;

static PyObject *thread_stack_size(PyObject *self, PyObject *args)
{
    Py_ssize_t new_size = 0;
    if (!PyArg_ParseTuple(args, "|n:stack_size", &new_size))
        return NULL;
    if (new_size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be 0 or a positive value");
        return NULL;
    }
    size_t old = thread_stacksize;
    if (new_size != 0 && new_size < 32768) {
        PyErr_SetString(PyExc_ValueError, "size not valid: 32768 bytes");
        return NULL;
    }
    thread_stacksize = (size_t)new_size;
    return PyLong_FromSize_t(old);
}

static PyObject *thread_interrupt_main(PyObject *self, PyObject *args)
{
    int signum = SIGINT;
    if (!PyArg_ParseTuple(args, "|i:interrupt_main", &signum))
        return NULL;
    if (raise(signum) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *thread_exit(PyObject *self, PyObject *unused)
{
    PyErr_SetNone(PyExc_SystemExit);
    return NULL;
}

static PyMethodDef thread_methods[] = {
    {"start_new_thread", thread_start_new_thread, METH_VARARGS, NULL},
    {"start_new", thread_start_new_thread, METH_VARARGS, NULL},
    {"allocate_lock", thread_allocate_lock, METH_NOARGS, NULL},
    {"allocate", thread_allocate_lock, METH_NOARGS, NULL},
    {"get_ident", thread_get_ident, METH_NOARGS, NULL},
    {"get_native_id", thread_get_native_id, METH_NOARGS, NULL},
    {"_count", thread__count, METH_NOARGS, NULL},
    {"_set_sentinel", thread__set_sentinel, METH_NOARGS, NULL},
    {"stack_size", thread_stack_size, METH_VARARGS, NULL},
    {"interrupt_main", thread_interrupt_main, METH_VARARGS, NULL},
    {"exit", thread_exit, METH_NOARGS, NULL},
    {"exit_thread", thread_exit, METH_NOARGS, NULL},
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
    if (PyType_Ready(&Locktype) < 0 || PyType_Ready(&RLocktype) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&threadmodule);
    if (m == NULL)
        return NULL;
    PyObject *tmax = PyFloat_FromDouble(TIMEOUT_MAX_SECONDS);
    if (tmax == NULL || PyModule_AddObject(m, "TIMEOUT_MAX", tmax) < 0 ||
        PyModule_AddObjectRef(m, "error", PyExc_RuntimeError) < 0 ||
        PyModule_AddObjectRef(m, "LockType", (PyObject *)&Locktype) < 0 ||
        PyModule_AddObjectRef(m, "RLock", (PyObject *)&RLocktype) < 0) {
        Py_XDECREF(tmax);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
