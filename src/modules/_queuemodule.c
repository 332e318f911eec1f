/* _queuemodule.c — the `_queue` module: SimpleQueue (an unbounded FIFO whose get() can
 * block, with the GIL released, and is reentrant: put() never blocks nor takes a lock, so
 * it is safe from __del__ and signal handlers) and the Empty exception.  queue.py uses
 * both when they exist.  Owner: threads. */
#include "Python.h"
#include "pytime.h"
#include "pythread.h"

#include <math.h>
#include <stddef.h>
#include <time.h>

static PyObject *EmptyError;

/* Items live in lst[lst_pos:].  `lock` is a binary semaphore that a get() on an empty
 * queue takes (locked = 1) and then waits on; put() releases it to wake the waiter.
 * lst, lst_pos and locked are only touched with the GIL held. */
typedef struct {
    PyObject_HEAD
    PyThread_type_lock lock;
    int locked;
    PyObject *lst;
    Py_ssize_t lst_pos;
    PyObject *weakreflist;
} simplequeueobject;

static PyTypeObject SimpleQueueType;

static PY_TIMEOUT_T monotonic_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (PY_TIMEOUT_T)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* ------------------------------------------------------------ life cycle */

static PyObject *simplequeue_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    /* SimpleQueue() takes no arguments, unless a subclass's __init__ wants some */
    if (type == &SimpleQueueType || type->tp_init == SimpleQueueType.tp_init) {
        if (!_PyArg_NoPositional("SimpleQueue", args) || !_PyArg_NoKeywords("SimpleQueue", kwds))
            return NULL;
    }
    simplequeueobject *self = (simplequeueobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->weakreflist = NULL;
    self->lst = PyList_New(0);
    self->lock = PyThread_allocate_lock();
    self->lst_pos = 0;
    self->locked = 0;
    if (self->lst == NULL || self->lock == NULL) {
        if (self->lock == NULL && self->lst != NULL)
            PyErr_SetString(PyExc_MemoryError, "can't allocate lock");
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int simplequeue_traverse(simplequeueobject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->lst);
    return 0;
}

static int simplequeue_clear(simplequeueobject *self)
{
    Py_CLEAR(self->lst);
    return 0;
}

static void simplequeue_dealloc(simplequeueobject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->lock != NULL) {
        if (self->locked)   /* unlock it so the semaphore is destroyed idle */
            PyThread_release_lock(self->lock);
        PyThread_free_lock(self->lock);
    }
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    (void)simplequeue_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* ------------------------------------------------------------ put / get */

static PyObject *simplequeue_put_item(simplequeueobject *self, PyObject *item)
{
    if (PyList_Append(self->lst, item) < 0)
        return NULL;
    if (self->locked) {   /* a get() may be waiting: wake it up */
        self->locked = 0;
        PyThread_release_lock(self->lock);
    }
    Py_RETURN_NONE;
}

static PyObject *simplequeue_put(simplequeueobject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"item", "block", "timeout", NULL};
    PyObject *item, *block = Py_True, *timeout = Py_None;
    /* block and timeout exist for compatibility with queue.Queue: put never blocks */
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OO:put", kwlist, &item, &block, &timeout))
        return NULL;
    return simplequeue_put_item(self, item);
}

static PyObject *simplequeue_put_nowait(simplequeueobject *self, PyObject *args,
                                        PyObject *kwds)
{
    static char *kwlist[] = {"item", NULL};
    PyObject *item;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:put_nowait", kwlist, &item))
        return NULL;
    return simplequeue_put_item(self, item);
}

/* Take lst[lst_pos]; compact the list once the consumed head outgrows the live tail. */
static PyObject *simplequeue_pop_item(simplequeueobject *self)
{
    PyObject *item = PyList_GET_ITEM(self->lst, self->lst_pos);
    PyList_SET_ITEM(self->lst, self->lst_pos, Py_NewRef(Py_None));
    self->lst_pos++;
    Py_ssize_t live = PyList_GET_SIZE(self->lst) - self->lst_pos;
    if (self->lst_pos > live) {
        if (PyList_SetSlice(self->lst, 0, self->lst_pos, NULL) < 0) {
            Py_DECREF(item);   /* only on memory exhaustion */
            return NULL;
        }
        self->lst_pos = 0;
    }
    return item;
}

/* timeout (seconds, None = forever) to microseconds, -1 = forever; -2 on error. */
static PY_TIMEOUT_T timeout_to_us(PyObject *timeout_obj)
{
    if (timeout_obj == Py_None)
        return -1;
    double t;
    if (_PyTime_SecondsFromObject(timeout_obj, &t) < 0)
        return -2;
    if (t < 0) {
        PyErr_SetString(PyExc_ValueError, "'timeout' must be a non-negative number");
        return -2;
    }
    double us = ceil(t * 1e6);   /* round up: never wait less than asked */
    if (us > (double)PY_TIMEOUT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return -2;
    }
    return (PY_TIMEOUT_T)us;
}

/* Wait (GIL released) until the queue is non-empty or the time is up; a signal handler
 * that raises ends the wait with its exception.  0 = non-empty, -1 = error/timeout. */
static int simplequeue_wait(simplequeueobject *self, PY_TIMEOUT_T us)
{
    PY_TIMEOUT_T deadline = us > 0 ? monotonic_us() + us : 0;
    while (self->lst_pos == PyList_GET_SIZE(self->lst)) {
        PyLockStatus r = PyThread_acquire_lock_timed(self->lock, 0, 0);
        if (r == PY_LOCK_FAILURE && us != 0) {
            Py_BEGIN_ALLOW_THREADS
            r = PyThread_acquire_lock_timed(self->lock, us, 1);
            Py_END_ALLOW_THREADS
        }
        if (r == PY_LOCK_INTR) {
            if (Py_MakePendingCalls() < 0)
                return -1;
        } else if (r == PY_LOCK_FAILURE) {
            PyErr_SetNone(EmptyError);
            return -1;
        } else {
            self->locked = 1;
        }
        if (us > 0) {
            us = deadline - monotonic_us();
            if (us < 0)
                us = 0;   /* one more non-blocking try, then Empty */
        }
    }
    return 0;
}

static PyObject *simplequeue_get_impl(simplequeueobject *self, PY_TIMEOUT_T us)
{
    if (simplequeue_wait(self, us) < 0)
        return NULL;
    PyObject *item = simplequeue_pop_item(self);
    if (self->locked) {   /* leave the semaphore free for the next empty-queue get() */
        PyThread_release_lock(self->lock);
        self->locked = 0;
    }
    return item;
}

static PyObject *simplequeue_get(simplequeueobject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"block", "timeout", NULL};
    int block = 1;
    PyObject *timeout_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pO:get", kwlist, &block, &timeout_obj))
        return NULL;
    PY_TIMEOUT_T us = 0;   /* non-blocking: the timeout is ignored */
    if (block) {
        us = timeout_to_us(timeout_obj);
        if (us == -2)
            return NULL;
    }
    return simplequeue_get_impl(self, us);
}

static PyObject *simplequeue_get_nowait(simplequeueobject *self, PyObject *unused)
{
    return simplequeue_get_impl(self, 0);
}

static PyObject *simplequeue_empty(simplequeueobject *self, PyObject *unused)
{
    return PyBool_FromLong(self->lst_pos == PyList_GET_SIZE(self->lst));
}

static PyObject *simplequeue_qsize(simplequeueobject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(PyList_GET_SIZE(self->lst) - self->lst_pos);
}

/* ------------------------------------------------------------ type and module */

#define KWMETH(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef simplequeue_methods[] = {
    {"empty", (PyCFunction)simplequeue_empty, METH_NOARGS,
     "empty($self, /)\n--\n\n"
     "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"get", KWMETH(simplequeue_get),
     "get($self, /, block=True, timeout=None)\n--\n\n"
     "Remove and return an item from the queue.\n\n"
     "If optional args 'block' is true and 'timeout' is None (the default),\n"
     "block if necessary until an item is available. If 'timeout' is\n"
     "a non-negative number, it blocks at most 'timeout' seconds and raises\n"
     "the Empty exception if no item was available within that time.\n"
     "Otherwise ('block' is false), return an item if one is immediately\n"
     "available, else raise the Empty exception ('timeout' is ignored\n"
     "in that case)."},
    {"get_nowait", (PyCFunction)simplequeue_get_nowait, METH_NOARGS,
     "get_nowait($self, /)\n--\n\n"
     "Remove and return an item from the queue without blocking.\n\n"
     "Only get an item if one is immediately available. Otherwise\n"
     "raise the Empty exception."},
    {"put", KWMETH(simplequeue_put),
     "put($self, /, item, block=True, timeout=None)\n--\n\n"
     "Put the item on the queue.\n\n"
     "The optional 'block' and 'timeout' arguments are ignored, as this method\n"
     "never blocks.  They are provided for compatibility with the Queue class."},
    {"put_nowait", KWMETH(simplequeue_put_nowait),
     "put_nowait($self, /, item)\n--\n\n"
     "Put an item into the queue without blocking.\n\n"
     "This is exactly equivalent to `put(item)` and is only provided\n"
     "for compatibility with the Queue class."},
    {"qsize", (PyCFunction)simplequeue_qsize, METH_NOARGS,
     "qsize($self, /)\n--\n\n"
     "Return the approximate size of the queue (not reliable!)."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject SimpleQueueType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_queue.SimpleQueue",
    .tp_basicsize = sizeof(simplequeueobject),
    .tp_dealloc = (destructor)simplequeue_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "SimpleQueue()\n--\n\nSimple, unbounded, reentrant FIFO queue.",
    .tp_traverse = (traverseproc)simplequeue_traverse,
    .tp_clear = (inquiry)simplequeue_clear,
    .tp_weaklistoffset = offsetof(simplequeueobject, weakreflist),
    .tp_methods = simplequeue_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = simplequeue_new,
    .tp_free = PyObject_GC_Del,
};

static struct PyModuleDef queuemodule = {
    PyModuleDef_HEAD_INIT, "_queue",
    "C implementation of the Python queue module.\n"
    "This module is an implementation detail, please do not use it directly.",
    -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__queue(void)
{
    if (PyType_Ready(&SimpleQueueType) < 0)
        return NULL;
    if (EmptyError == NULL) {
        EmptyError = PyErr_NewExceptionWithDoc(
            "_queue.Empty", "Exception raised by Queue.get(block=0)/get_nowait().", NULL,
            NULL);
        if (EmptyError == NULL)
            return NULL;
    }
    PyObject *m = PyModule_Create(&queuemodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "Empty", EmptyError) < 0 ||
        PyModule_AddObjectRef(m, "SimpleQueue", (PyObject *)&SimpleQueueType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
