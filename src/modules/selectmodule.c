/* selectmodule.c — the `select` module on Linux: select(), poll objects, epoll objects
 * and the POLL and EPOLL constants.  Interrupted waits are retried with the remaining
 * timeout (PEP 475) unless a signal handler raises.  Owner: modules-os.
 */
#include "Python.h"
#include "pytime.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

static double monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A timeout in seconds: None -> -1 (block), else a double checked as CPython's
 * _PyTime_FromSecondsObject does (NaN, 64-bit nanoseconds); a TypeError is reworded to
 * `msg`.  Negative values are a ValueError unless allow_negative (then -1: block).
 * check_ms: the value in milliseconds must fit an int (epoll: "timeout is too large"). */
static int timeout_seconds(PyObject *o, double *out, int allow_negative, const char *msg,
                           int check_ms)
{
    if (o == NULL || o == Py_None) {
        *out = -1;
        return 0;
    }
    double d;
    if (_PyTime_SecondsFromObject(o, &d) < 0) {
        if (PyErr_ExceptionMatches(PyExc_TypeError))
            PyErr_SetString(PyExc_TypeError, msg);
        return -1;
    }
    if (check_ms && (ceil(d * 1e3) > INT_MAX || ceil(d * 1e3) < INT_MIN)) {
        PyErr_SetString(PyExc_OverflowError, "timeout is too large");
        return -1;
    }
    if (d < 0) {
        if (!allow_negative) {
            PyErr_SetString(PyExc_ValueError, "timeout must be non-negative");
            return -1;
        }
        d = -1;
    }
    *out = d;
    return 0;
}

/* poll.poll's timeout in milliseconds (CPython's _PyTime_FromMillisecondsObject, rounded
 * away from zero): None or negative -> -1 (block). */
static int timeout_ms(PyObject *o, double *out)
{
    if (o == Py_None) {
        *out = -1;
        return 0;
    }
    double t;
    if (PyFloat_Check(o)) {
        t = PyFloat_AS_DOUBLE(o);
        if (isnan(t)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        long long n = PyLong_AsLongLong(o);
        if (n == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_TypeError))
                PyErr_SetString(PyExc_TypeError, "timeout must be an integer or None");
            else if (PyErr_ExceptionMatches(PyExc_OverflowError))
                goto too_large;
            return -1;
        }
        t = (double)n;
    }
    if (t * 1e6 >= 9223372036854775808.0 || t * 1e6 < -9223372036854775808.0)
        goto too_large;
    t = t < 0 ? floor(t) : ceil(t);
    if (t > INT_MAX || t < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "timeout is too large");
        return -1;
    }
    *out = t < 0 ? -1 : t;
    return 0;
too_large:
    PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    return -1;
}

/* Seconds to whole milliseconds, rounding up so a wait never ends early. */
static int to_ms(double secs)
{
    if (secs < 0)
        return -1;
    double ms = ceil(secs * 1e3);
    return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* ------------------------------------------------------------ select() */

typedef struct { PyObject *obj; int fd; } fdpair;

/* Fill `set` from an iterable of fds/file objects; returns the count or -1. */
static Py_ssize_t seq_to_set(PyObject *seq, fd_set *set, fdpair **pairs, int *maxfd)
{
    FD_ZERO(set);
    PyObject *fast = PySequence_Fast(seq, "arguments 1-3 must be sequences");
    if (fast == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    *pairs = PyMem_Calloc(n ? n : 1, sizeof(fdpair));
    if (*pairs == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    /* fileno() may mutate a list argument (PySequence_Fast returns the list itself):
     * re-read its size each time and own the item while fileno() runs. */
    Py_ssize_t filled = 0;
    for (Py_ssize_t i = 0; i < n && i < PySequence_Fast_GET_SIZE(fast); i++) {
        PyObject *o = Py_NewRef(PySequence_Fast_GET_ITEM(fast, i));
        int fd = PyObject_AsFileDescriptor(o);
        if (fd == -1) {
            Py_DECREF(o);
            goto fail;
        }
        if (fd >= FD_SETSIZE) {
            Py_DECREF(o);
            PyErr_SetString(PyExc_ValueError, "filedescriptor out of range in select()");
            goto fail;
        }
        (*pairs)[filled].obj = o;
        (*pairs)[filled].fd = fd;
        filled++;
        FD_SET(fd, set);
        if (fd > *maxfd)
            *maxfd = fd;
    }
    Py_DECREF(fast);
    return filled;
fail:
    for (Py_ssize_t i = 0; i < filled; i++)
        Py_XDECREF((*pairs)[i].obj);
    PyMem_Free(*pairs);
    *pairs = NULL;
    Py_DECREF(fast);
    return -1;
}

static PyObject *set_to_list(fdpair *pairs, Py_ssize_t n, fd_set *set)
{
    PyObject *list = PyList_New(0);
    for (Py_ssize_t i = 0; list && i < n; i++)
        if (FD_ISSET(pairs[i].fd, set) && PyList_Append(list, pairs[i].obj) < 0)
            Py_CLEAR(list);
    return list;
}

static PyObject *select_select(PyObject *m, PyObject *args)
{
    PyObject *lists[3], *tout = Py_None, *res = NULL;
    if (!PyArg_UnpackTuple(args, "select", 3, 4, &lists[0], &lists[1], &lists[2], &tout))
        return NULL;
    double timeout;
    if (timeout_seconds(tout, &timeout, 0, "timeout must be a float or None", 0) < 0)
        return NULL;
    fd_set sets[3];
    fdpair *pairs[3] = {NULL, NULL, NULL};
    Py_ssize_t counts[3] = {0, 0, 0};
    int maxfd = -1;
    for (int k = 0; k < 3; k++)
        if ((counts[k] = seq_to_set(lists[k], &sets[k], &pairs[k], &maxfd)) < 0)
            goto end;
    fd_set saved[3] = {sets[0], sets[1], sets[2]};
    double deadline = timeout >= 0 ? monotonic() + timeout : 0;
    int r;
    for (;;) {
        struct timeval tv, *tvp = NULL;
        if (timeout >= 0) {
            double left = deadline - monotonic();
            if (left < 0)
                left = 0;
            double usec = ceil(left * 1e6);
            tv.tv_sec = (time_t)(usec / 1e6);
            tv.tv_usec = (suseconds_t)(usec - tv.tv_sec * 1e6);
            tvp = &tv;
        }
        Py_BEGIN_ALLOW_THREADS
        r = select(maxfd + 1, &sets[0], &sets[1], &sets[2], tvp);
        Py_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0)
            goto end;
        for (int k = 0; k < 3; k++)
            sets[k] = saved[k];
    }
    if (r < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        goto end;
    }
    if (r == 0) {
        for (int k = 0; k < 3; k++)
            FD_ZERO(&sets[k]);
    }
    PyObject *out[3];
    for (int k = 0; k < 3; k++)
        out[k] = set_to_list(pairs[k], counts[k], &sets[k]);
    if (out[0] && out[1] && out[2])
        res = PyTuple_Pack(3, out[0], out[1], out[2]);
    for (int k = 0; k < 3; k++)
        Py_XDECREF(out[k]);
end:
    for (int k = 0; k < 3; k++) {
        for (Py_ssize_t i = 0; pairs[k] && i < counts[k]; i++)
            Py_XDECREF(pairs[k][i].obj);
        PyMem_Free(pairs[k]);
    }
    return res;
}

/* ------------------------------------------------------------ poll objects */

typedef struct {
    PyObject_HEAD
    PyObject *dict;          /* fd -> event mask */
    int poll_running;
} pollObject;

static PyTypeObject poll_Type;

/* CPython's _PyLong_UnsignedShort_Converter (the eventmask of register/modify). */
static int ushort_converter(PyObject *obj, void *ptr)
{
    if (!PyLong_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return 0;
    }
    if (_PyLong_Sign(obj) < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return 0;
    }
    unsigned long v = PyLong_AsUnsignedLong(obj);
    if (v == (unsigned long)-1 && PyErr_Occurred())
        return 0;
    if (v > USHRT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large for C unsigned short");
        return 0;
    }
    *(unsigned short *)ptr = (unsigned short)v;
    return 1;
}

static int fd_and_mask(PyObject *args, const char *fmt, int *fd, unsigned short *mask)
{
    PyObject *fdobj;
    if (!PyArg_ParseTuple(args, fmt, &fdobj, ushort_converter, mask))
        return -1;
    if ((*fd = PyObject_AsFileDescriptor(fdobj)) < 0)
        return -1;
    return 0;
}

static int dict_set_int(PyObject *d, int k, int v)
{
    PyObject *key = PyLong_FromLong(k), *val = PyLong_FromLong(v);
    int r = key && val ? PyDict_SetItem(d, key, val) : -1;
    Py_XDECREF(key);
    Py_XDECREF(val);
    return r;
}

static PyObject *poll_register(pollObject *self, PyObject *args)
{
    int fd;
    unsigned short mask = POLLIN | POLLPRI | POLLOUT;
    if (fd_and_mask(args, "O|O&:register", &fd, &mask) < 0)
        return NULL;
    if (dict_set_int(self->dict, fd, mask) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *poll_modify(pollObject *self, PyObject *args)
{
    int fd;
    unsigned short mask = 0;
    if (fd_and_mask(args, "OO&:modify", &fd, &mask) < 0)
        return NULL;
    PyObject *key = PyLong_FromLong(fd);
    if (key == NULL)
        return NULL;
    int has = PyDict_Contains(self->dict, key);
    Py_DECREF(key);
    if (has < 0)
        return NULL;
    if (!has) {
        errno = ENOENT;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    if (dict_set_int(self->dict, fd, mask) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *poll_unregister(pollObject *self, PyObject *fdobj)
{
    int fd = PyObject_AsFileDescriptor(fdobj);
    if (fd < 0)
        return NULL;
    PyObject *key = PyLong_FromLong(fd);
    if (key == NULL)
        return NULL;
    int r = PyDict_DelItem(self->dict, key);
    Py_DECREF(key);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *poll_poll(pollObject *self, PyObject *args)
{
    PyObject *tout = Py_None;
    if (!PyArg_ParseTuple(args, "|O:poll", &tout))
        return NULL;
    double ms;
    if (timeout_ms(tout, &ms) < 0)
        return NULL;
    if (self->poll_running) {
        PyErr_SetString(PyExc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    Py_ssize_t n = PyDict_GET_SIZE(self->dict), i = 0, pos = 0;
    struct pollfd *fds = PyMem_Calloc(n ? n : 1, sizeof(struct pollfd));
    if (fds == NULL)
        return PyErr_NoMemory();
    PyObject *k, *v;
    while (PyDict_Next(self->dict, &pos, &k, &v)) {
        fds[i].fd = (int)PyLong_AsLong(k);
        fds[i].events = (short)PyLong_AsLong(v);
        i++;
    }
    double deadline = ms >= 0 ? monotonic() + ms / 1e3 : 0;
    int r;
    self->poll_running = 1;
    for (;;) {
        int wait = -1;
        if (ms >= 0) {
            double left = (deadline - monotonic()) * 1e3;
            wait = left <= 0 ? 0 : left > INT_MAX ? INT_MAX : (int)ceil(left);
        }
        Py_BEGIN_ALLOW_THREADS
        r = poll(fds, (nfds_t)n, wait);
        Py_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0) {
            self->poll_running = 0;
            PyMem_Free(fds);
            return NULL;
        }
    }
    self->poll_running = 0;
    if (r < 0) {
        PyMem_Free(fds);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *list = PyList_New(0);
    for (i = 0; list && i < n; i++) {
        if (fds[i].revents == 0)
            continue;
        PyObject *t = Py_BuildValue("(ii)", fds[i].fd, fds[i].revents & 0xffff);
        if (t == NULL || PyList_Append(list, t) < 0)
            Py_CLEAR(list);
        Py_XDECREF(t);
    }
    PyMem_Free(fds);
    return list;
}

static void poll_dealloc(pollObject *self)
{
    Py_XDECREF(self->dict);
    PyObject_Free(self);
}

static PyMethodDef poll_methods[] = {
    {"register", (PyCFunction)poll_register, METH_VARARGS, "Register a file descriptor with the polling object."},
    {"modify", (PyCFunction)poll_modify, METH_VARARGS, "Modify an already registered file descriptor."},
    {"unregister", (PyCFunction)poll_unregister, METH_O, "Remove a file descriptor being tracked by the polling object."},
    {"poll", (PyCFunction)poll_poll, METH_VARARGS, "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject poll_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "select.poll",
    .tp_basicsize = sizeof(pollObject),
    .tp_dealloc = (destructor)poll_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = poll_methods,
};

static PyObject *select_poll(PyObject *m, PyObject *unused)
{
    pollObject *self = PyObject_New(pollObject, &poll_Type);
    if (self == NULL)
        return NULL;
    self->poll_running = 0;
    self->dict = PyDict_New();
    if (self->dict == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* ------------------------------------------------------------ epoll objects */

typedef struct {
    PyObject_HEAD
    int epfd;
} pyEpoll_Object;

static PyTypeObject pyEpoll_Type;

static PyObject *epoll_closed_error(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed epoll object");
    return NULL;
}

static PyObject *new_epoll(PyTypeObject *type, int sizehint, int fd)
{
    pyEpoll_Object *self = (pyEpoll_Object *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (fd == -1) {
        Py_BEGIN_ALLOW_THREADS
        self->epfd = epoll_create1(EPOLL_CLOEXEC);
        Py_END_ALLOW_THREADS
        if (self->epfd < 0) {
            self->epfd = -1;
            Py_DECREF(self);
            return PyErr_SetFromErrno(PyExc_OSError);
        }
    } else
        self->epfd = fd;
    return (PyObject *)self;
}

static PyObject *epoll_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sizehint", "flags", NULL};
    int sizehint = -1, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ii:epoll", kwlist, &sizehint, &flags))
        return NULL;
    if (sizehint == -1)
        sizehint = FD_SETSIZE - 1;
    else if (sizehint <= 0) {
        PyErr_SetString(PyExc_ValueError, "negative sizehint");
        return NULL;
    }
    if (flags && flags != EPOLL_CLOEXEC) {
        PyErr_SetString(PyExc_OSError, "invalid flags");
        return NULL;
    }
    return new_epoll(type, sizehint, -1);
}

static void epoll_dealloc(pyEpoll_Object *self)
{
    if (self->epfd >= 0)
        close(self->epfd);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *epoll_close(pyEpoll_Object *self, PyObject *unused)
{
    if (self->epfd >= 0) {
        int fd = self->epfd;
        self->epfd = -1;
        if (close(fd) < 0)
            return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *epoll_get_closed(pyEpoll_Object *self, void *c)
{
    return PyBool_FromLong(self->epfd < 0);
}

static PyObject *epoll_fileno(pyEpoll_Object *self, PyObject *unused)
{
    if (self->epfd < 0)
        return epoll_closed_error();
    return PyLong_FromLong(self->epfd);
}

static PyObject *epoll_fromfd(PyObject *cls, PyObject *arg)
{
    int fd = PyLong_AsLong(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    return new_epoll((PyTypeObject *)cls, FD_SETSIZE - 1, fd);
}

static PyObject *pyepoll_ctl(pyEpoll_Object *self, int op, PyObject *fdobj, unsigned int events)
{
    if (self->epfd < 0)
        return epoll_closed_error();
    int fd = PyObject_AsFileDescriptor(fdobj);
    if (fd < 0)
        return NULL;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = events;
    ev.data.fd = fd;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = epoll_ctl(self->epfd, op, fd, &ev);
    Py_END_ALLOW_THREADS
    if (r < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *epoll_register(pyEpoll_Object *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "eventmask", NULL};
    PyObject *fd;
    unsigned int mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|I:register", kwlist, &fd, &mask))
        return NULL;
    return pyepoll_ctl(self, EPOLL_CTL_ADD, fd, mask);
}

static PyObject *epoll_modify(pyEpoll_Object *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", "eventmask", NULL};
    PyObject *fd;
    unsigned int mask;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OI:modify", kwlist, &fd, &mask))
        return NULL;
    return pyepoll_ctl(self, EPOLL_CTL_MOD, fd, mask);
}

static PyObject *epoll_unregister(pyEpoll_Object *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"fd", NULL};
    PyObject *fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:unregister", kwlist, &fd))
        return NULL;
    return pyepoll_ctl(self, EPOLL_CTL_DEL, fd, 0);
}

static PyObject *epoll_poll(pyEpoll_Object *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"timeout", "maxevents", NULL};
    PyObject *tout = Py_None;
    int maxevents = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oi:poll", kwlist, &tout, &maxevents))
        return NULL;
    if (self->epfd < 0)
        return epoll_closed_error();
    double timeout;
    if (timeout_seconds(tout, &timeout, 1, "timeout must be an integer or None", 1) < 0)
        return NULL;
    if (maxevents == -1)
        maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) {
        PyErr_Format(PyExc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
        return NULL;
    }
    struct epoll_event *evs = PyMem_Calloc(maxevents, sizeof(struct epoll_event));
    if (evs == NULL)
        return PyErr_NoMemory();
    double deadline = timeout >= 0 ? monotonic() + timeout : 0;
    int n;
    for (;;) {
        int ms = timeout >= 0 ? to_ms(deadline - monotonic() > 0 ? deadline - monotonic() : 0) : -1;
        Py_BEGIN_ALLOW_THREADS
        n = epoll_wait(self->epfd, evs, maxevents, ms);
        Py_END_ALLOW_THREADS
        if (n >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0) {
            PyMem_Free(evs);
            return NULL;
        }
    }
    if (n < 0) {
        PyMem_Free(evs);
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *list = PyList_New(n);
    for (int i = 0; list && i < n; i++) {
        PyObject *t = Py_BuildValue("(iI)", evs[i].data.fd, evs[i].events);
        if (t == NULL)
            Py_CLEAR(list);
        else
            PyList_SET_ITEM(list, i, t);
    }
    PyMem_Free(evs);
    return list;
}

static PyObject *epoll_enter(pyEpoll_Object *self, PyObject *unused)
{
    if (self->epfd < 0)
        return epoll_closed_error();
    return Py_NewRef(self);
}

static PyObject *epoll_exit(pyEpoll_Object *self, PyObject *args)
{
    return epoll_close(self, NULL);
}

#define KWM (METH_VARARGS | METH_KEYWORDS)
static PyMethodDef epoll_methods[] = {
    {"fromfd", (PyCFunction)epoll_fromfd, METH_O | METH_CLASS, "Create an epoll object from a given control fd."},
    {"close", (PyCFunction)epoll_close, METH_NOARGS, "Close the epoll control file descriptor."},
    {"fileno", (PyCFunction)epoll_fileno, METH_NOARGS, "Return the epoll control file descriptor."},
    {"modify", (PyCFunction)(void (*)(void))epoll_modify, KWM, "Modify event mask for a registered file descriptor."},
    {"register", (PyCFunction)(void (*)(void))epoll_register, KWM, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"unregister", (PyCFunction)(void (*)(void))epoll_unregister, KWM, "Remove a registered file descriptor from the epoll object."},
    {"poll", (PyCFunction)(void (*)(void))epoll_poll, KWM, "Wait for events on the epoll file descriptor."},
    {"__enter__", (PyCFunction)epoll_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)epoll_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef epoll_getset[] = {
    {"closed", (getter)epoll_get_closed, NULL, "True if the epoll handler is closed", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject pyEpoll_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "select.epoll",
    .tp_basicsize = sizeof(pyEpoll_Object),
    .tp_dealloc = (destructor)epoll_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_methods = epoll_methods,
    .tp_getset = epoll_getset,
    .tp_new = epoll_new,
};

/* ------------------------------------------------------------ module */

static PyMethodDef select_methods[] = {
    {"select", select_select, METH_VARARGS, "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, METH_NOARGS, "Returns a polling object."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef selectmodule = {
    PyModuleDef_HEAD_INIT, "select",
    "This module supports asynchronous I/O on multiple file descriptors.\n\n"
    "*** IMPORTANT NOTICE ***\n"
    "On Windows, only sockets are supported; on Unix, all file descriptors.", -1,
    select_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_select(void)
{
    if (PyType_Ready(&poll_Type) < 0 || PyType_Ready(&pyEpoll_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&selectmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 ||
        PyModule_AddObjectRef(m, "epoll", (PyObject *)&pyEpoll_Type) < 0 ||
        PyModule_AddIntConstant(m, "PIPE_BUF", PIPE_BUF) < 0)
        goto fail;
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) goto fail;
    C(POLLIN) C(POLLPRI) C(POLLOUT) C(POLLERR) C(POLLHUP) C(POLLNVAL) C(POLLRDNORM)
    C(POLLRDBAND) C(POLLWRNORM) C(POLLWRBAND) C(POLLMSG) C(POLLRDHUP)
    C(EPOLLIN) C(EPOLLOUT) C(EPOLLPRI) C(EPOLLERR) C(EPOLLHUP) C(EPOLLET) C(EPOLLONESHOT)
    C(EPOLLEXCLUSIVE) C(EPOLLRDHUP) C(EPOLLRDNORM) C(EPOLLRDBAND) C(EPOLLWRNORM)
    C(EPOLLWRBAND) C(EPOLLMSG) C(EPOLL_CLOEXEC)
#undef C
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
