/* _multiprocessing.c — the `_multiprocessing` module: SemLock (a lock or counting semaphore
 * on a POSIX named semaphore, shareable with child processes by name or across fork),
 * sem_unlink and the `flags` dict.  multiprocessing.synchronize builds Lock, RLock,
 * Semaphore, Condition and Event on SemLock.  A blocking acquire releases the GIL and
 * stays interruptible by signals.  Owner: mp. */
#include "Python.h"
#include "pythread.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stddef.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

enum { RECURSIVE_MUTEX, SEMAPHORE };

typedef struct {
    PyObject_HEAD
    sem_t *handle;
    unsigned long last_tid;   /* thread that last acquired it */
    int count;                /* acquisitions held by this process */
    int maxvalue;
    int kind;
    char *name;               /* NULL once unlinked */
} SemLockObject;

static PyTypeObject SemLockType;

/* A recursive mutex counts as "mine" when held by the calling thread. */
static int semlock_ismine(SemLockObject *self)
{
    return self->count > 0 && PyThread_get_thread_ident() == self->last_tid;
}

/* A str argument as UTF-8, with the messages of CPython's argument clinic. */
static const char *str_arg(const char *func, const char *argname, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "%s() argument%s must be str, not %.50s", func,
                     argname, Py_TYPE(arg)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
    if (s != NULL && strlen(s) != (size_t)len) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

static char *copy_name(const char *name)
{
    char *copy = PyMem_Malloc(strlen(name) + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    strcpy(copy, name);
    return copy;
}

/* Takes ownership of `name` (freed on failure too). */
static PyObject *new_semlock(PyTypeObject *type, sem_t *handle, int kind, int maxvalue,
                             char *name)
{
    SemLockObject *self = (SemLockObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        PyMem_Free(name);
        return NULL;
    }
    self->handle = handle;
    self->kind = kind;
    self->count = 0;
    self->last_tid = 0;
    self->maxvalue = maxvalue;
    self->name = name;
    return (PyObject *)self;
}

/* ------------------------------------------------------------ life cycle */

static PyObject *semlock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"kind", "value", "maxvalue", "name", "unlink", NULL};
    int kind, value, maxvalue, unlink;
    PyObject *name_obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "iiiOi:SemLock", kwlist, &kind, &value,
                                     &maxvalue, &name_obj, &unlink))
        return NULL;
    const char *name = str_arg("SemLock", " 'name'", name_obj);
    if (name == NULL)
        return NULL;
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
        PyErr_SetString(PyExc_ValueError, "unrecognized kind");
        return NULL;
    }
    char *name_copy = NULL;
    if (!unlink && (name_copy = copy_name(name)) == NULL)
        return NULL;
    /* O_EXCL: a name clash must fail, multiprocessing then retries with a new name */
    sem_t *handle = sem_open(name, O_CREAT | O_EXCL, 0600, (unsigned)value);
    if (handle == SEM_FAILED || (unlink && sem_unlink(name) < 0)) {
        PyErr_SetFromErrno(PyExc_OSError);
        if (handle != SEM_FAILED)
            sem_close(handle);
        PyMem_Free(name_copy);
        return NULL;
    }
    PyObject *res = new_semlock(type, handle, kind, maxvalue, name_copy);
    if (res == NULL)
        sem_close(handle);
    return res;
}

static void semlock_dealloc(SemLockObject *self)
{
    if (self->handle != SEM_FAILED)
        sem_close(self->handle);
    PyMem_Free(self->name);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* _rebuild(handle, kind, maxvalue, name, /): the unpickling side of a SemLock sent to a
 * child; a named one is reopened, an unnamed one is only valid after fork. */
static PyObject *semlock_rebuild(PyTypeObject *type, PyObject *args)
{
    unsigned long handle_val;
    int kind, maxvalue;
    const char *name;
    if (!PyArg_ParseTuple(args, "kiiz:_rebuild", &handle_val, &kind, &maxvalue, &name))
        return NULL;
    sem_t *handle = (sem_t *)(uintptr_t)handle_val;
    char *name_copy = NULL;
    if (name != NULL) {
        if ((name_copy = copy_name(name)) == NULL)
            return NULL;
        handle = sem_open(name, 0);
        if (handle == SEM_FAILED) {
            PyErr_SetFromErrno(PyExc_OSError);
            PyMem_Free(name_copy);
            return NULL;
        }
    }
    return new_semlock(type, handle, kind, maxvalue, name_copy);
}

/* ------------------------------------------------------------ acquire / release */

/* Absolute CLOCK_REALTIME deadline `timeout` seconds from now (sem_timedwait's clock). */
static int make_deadline(PyObject *timeout_obj, struct timespec *deadline)
{
    double timeout = PyFloat_AsDouble(timeout_obj);
    if (timeout == -1.0 && PyErr_Occurred())
        return -1;
    if (timeout < 0.0)
        timeout = 0.0;
    struct timeval now;
    if (gettimeofday(&now, NULL) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    long sec = (long)timeout;
    long nsec = (long)(1e9 * (timeout - (double)sec) + 0.5);
    deadline->tv_sec = now.tv_sec + sec;
    deadline->tv_nsec = now.tv_usec * 1000 + nsec;
    deadline->tv_sec += deadline->tv_nsec / 1000000000;
    deadline->tv_nsec %= 1000000000;
    return 0;
}

/* Wait (GIL released) for the semaphore; a signal whose handler raises ends the wait
 * with errno EINTR and the exception set.  Returns sem_*wait's result, errno kept. */
static int semlock_wait(SemLockObject *self, int blocking, const struct timespec *deadline)
{
    int res, err;
    /* first try without releasing the GIL: the uncontended case stays cheap */
    do {
        res = sem_trywait(self->handle);
        err = errno;
    } while (res < 0 && err == EINTR && !PyErr_CheckSignals());
    if (res < 0 && err == EAGAIN && blocking) {
        do {
            Py_BEGIN_ALLOW_THREADS
            res = deadline == NULL ? sem_wait(self->handle)
                                   : sem_timedwait(self->handle, deadline);
            err = errno;
            Py_END_ALLOW_THREADS
        } while (res < 0 && err == EINTR && !PyErr_CheckSignals());
    }
    errno = err;
    return res;
}

static PyObject *semlock_acquire_impl(SemLockObject *self, int blocking,
                                      PyObject *timeout_obj)
{
    if (self->kind == RECURSIVE_MUTEX && semlock_ismine(self)) {
        ++self->count;
        Py_RETURN_TRUE;
    }
    struct timespec deadline = {0, 0};
    int use_deadline = timeout_obj != Py_None;
    if (use_deadline && make_deadline(timeout_obj, &deadline) < 0)
        return NULL;
    if (semlock_wait(self, blocking, use_deadline ? &deadline : NULL) < 0) {
        if (errno == EAGAIN || errno == ETIMEDOUT)
            Py_RETURN_FALSE;
        if (errno == EINTR)   /* a signal handler raised */
            return NULL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    ++self->count;
    self->last_tid = PyThread_get_thread_ident();
    Py_RETURN_TRUE;
}

static PyObject *semlock_acquire(SemLockObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"block", "timeout", NULL};
    int blocking = 1;
    PyObject *timeout_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iO:acquire", kwlist, &blocking,
                                     &timeout_obj))
        return NULL;
    return semlock_acquire_impl(self, blocking, timeout_obj);
}

static PyObject *semlock_release(SemLockObject *self, PyObject *unused)
{
    if (self->kind == RECURSIVE_MUTEX) {
        if (!semlock_ismine(self)) {
            PyErr_SetString(PyExc_AssertionError,
                            "attempt to release recursive lock not owned by thread");
            return NULL;
        }
        if (self->count > 1) {
            --self->count;
            Py_RETURN_NONE;
        }
    } else {
        /* best effort only: another process may post between the check and sem_post */
        int sval;
        if (sem_getvalue(self->handle, &sval) < 0)
            return PyErr_SetFromErrno(PyExc_OSError);
        if (sval >= self->maxvalue) {
            PyErr_SetString(PyExc_ValueError, "semaphore or lock released too many times");
            return NULL;
        }
    }
    if (sem_post(self->handle) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    --self->count;
    Py_RETURN_NONE;
}

static PyObject *semlock_enter(SemLockObject *self, PyObject *unused)
{
    return semlock_acquire_impl(self, 1, Py_None);
}

static PyObject *semlock_exit(SemLockObject *self, PyObject *args)
{
    PyObject *a = Py_None, *b = Py_None, *c = Py_None;
    if (!PyArg_UnpackTuple(args, "__exit__", 0, 3, &a, &b, &c))
        return NULL;
    return semlock_release(self, NULL);
}

/* ------------------------------------------------------------ introspection */

static PyObject *semlock_count(SemLockObject *self, PyObject *unused)
{
    return PyLong_FromLong((long)self->count);
}

static PyObject *semlock_is_mine(SemLockObject *self, PyObject *unused)
{
    return PyBool_FromLong(semlock_ismine(self));
}

static PyObject *semlock_get_value(SemLockObject *self, PyObject *unused)
{
    int sval;
    if (sem_getvalue(self->handle, &sval) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    /* some systems report waiters as a negative value */
    if (sval < 0)
        sval = 0;
    return PyLong_FromLong((long)sval);
}

static PyObject *semlock_is_zero(SemLockObject *self, PyObject *unused)
{
    int sval;
    if (sem_getvalue(self->handle, &sval) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyBool_FromLong(sval == 0);
}

/* In a forked child the parent's holds are not ours. */
static PyObject *semlock_after_fork(SemLockObject *self, PyObject *unused)
{
    self->count = 0;
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------ type and module */

#define KWMETH(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef semlock_methods[] = {
    {"acquire", KWMETH(semlock_acquire),
     "acquire($self, /, block=True, timeout=None)\n--\n\nAcquire the semaphore/lock."},
    {"release", (PyCFunction)semlock_release, METH_NOARGS,
     "release($self, /)\n--\n\nRelease the semaphore/lock."},
    {"__enter__", (PyCFunction)semlock_enter, METH_NOARGS,
     "__enter__($self, /)\n--\n\nEnter the semaphore/lock."},
    {"__exit__", (PyCFunction)semlock_exit, METH_VARARGS,
     "__exit__($self, exc_type=None, exc_value=None, exc_tb=None, /)\n--\n\n"
     "Exit the semaphore/lock."},
    {"_count", (PyCFunction)semlock_count, METH_NOARGS,
     "_count($self, /)\n--\n\nNum of `acquire()`s minus num of `release()`s for this process."},
    {"_is_mine", (PyCFunction)semlock_is_mine, METH_NOARGS,
     "_is_mine($self, /)\n--\n\nWhether the lock is owned by this thread."},
    {"_get_value", (PyCFunction)semlock_get_value, METH_NOARGS,
     "_get_value($self, /)\n--\n\nGet the value of the semaphore."},
    {"_is_zero", (PyCFunction)semlock_is_zero, METH_NOARGS,
     "_is_zero($self, /)\n--\n\nReturn whether semaphore has value zero."},
    {"_rebuild", (PyCFunction)semlock_rebuild, METH_VARARGS | METH_CLASS,
     "_rebuild($type, handle, kind, maxvalue, name, /)\n--\n\n"},
    {"_after_fork", (PyCFunction)semlock_after_fork, METH_NOARGS,
     "_after_fork($self, /)\n--\n\nRezero the net acquisition count after fork()."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef semlock_members[] = {
    {"handle", T_ULONG, offsetof(SemLockObject, handle), READONLY, ""},
    {"kind", T_INT, offsetof(SemLockObject, kind), READONLY, ""},
    {"maxvalue", T_INT, offsetof(SemLockObject, maxvalue), READONLY, ""},
    {"name", T_STRING, offsetof(SemLockObject, name), READONLY, ""},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject SemLockType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_multiprocessing.SemLock",
    .tp_basicsize = sizeof(SemLockObject),
    .tp_dealloc = (destructor)semlock_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Semaphore/Mutex type",
    .tp_methods = semlock_methods,
    .tp_members = semlock_members,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = semlock_new,
    .tp_free = PyObject_Del,
};

static PyObject *mp_sem_unlink(PyObject *module, PyObject *arg)
{
    const char *name = str_arg("sem_unlink", "", arg);
    if (name == NULL)
        return NULL;
    if (sem_unlink(name) < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyMethodDef mp_methods[] = {
    {"sem_unlink", (PyCFunction)mp_sem_unlink, METH_O, "sem_unlink($module, name, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mpmodule = {
    PyModuleDef_HEAD_INIT, "_multiprocessing", NULL, -1, mp_methods,
    NULL, NULL, NULL, NULL,
};

/* SEM_VALUE_MAX as the system reports it at run time (INT_MAX on Linux). */
static long sem_value_max(void)
{
    long v = sysconf(_SC_SEM_VALUE_MAX);
    if (v <= 0 || v > INT_MAX)
        v = INT_MAX;
    return v;
}

static int add_flags(PyObject *m)
{
    PyObject *flags = Py_BuildValue("{s:i,s:i}", "HAVE_SEM_OPEN", 1, "HAVE_SEM_TIMEDWAIT", 1);
    if (flags == NULL)
        return -1;
    int r = PyModule_AddObjectRef(m, "flags", flags);
    Py_DECREF(flags);
    return r;
}

PyObject *PyInit__multiprocessing(void)
{
    if (PyType_Ready(&SemLockType) < 0)
        return NULL;
    PyObject *maxv = PyLong_FromLong(sem_value_max());
    if (maxv == NULL)
        return NULL;
    int r = PyDict_SetItemString(SemLockType.tp_dict, "SEM_VALUE_MAX", maxv);
    Py_DECREF(maxv);
    if (r < 0)
        return NULL;
    PyType_Modified(&SemLockType);
    PyObject *m = PyModule_Create(&mpmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "SemLock", (PyObject *)&SemLockType) < 0 || add_flags(m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
