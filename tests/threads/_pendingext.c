/* _pendingext.c — a test extension (compiled by pending_calls.py at test time) reaching the
 * C API that Python code cannot call: Py_AddPendingCall, from the calling thread and from a
 * C thread that does not hold the GIL, and PyThreadState_SetAsyncExc. */
#include <Python.h>
#include <pthread.h>

/* A pending call: call the Python callable; a failure propagates into the running code. */
static int call_it(void *arg)
{
    PyObject *res = PyObject_CallNoArgs((PyObject *)arg);
    Py_DECREF((PyObject *)arg);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *add_pending(PyObject *self, PyObject *callable)
{
    Py_INCREF(callable);
    if (Py_AddPendingCall(call_it, callable) < 0) {
        Py_DECREF(callable);
        Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

struct job { PyObject *callable; int n; };

/* Runs without the GIL: Py_AddPendingCall is the one call allowed there.  The references
 * were taken by the caller, which holds the GIL.  n stays below the queue's 32 entries. */
static void *adder(void *p)
{
    struct job *job = p;
    for (int i = 0; i < job->n; i++)
        if (Py_AddPendingCall(call_it, job->callable) < 0)
            Py_FatalError("pending-call queue full");
    return NULL;
}

static PyObject *add_pending_from_thread(PyObject *self, PyObject *args)
{
    struct job job;
    pthread_t tid;
    if (!PyArg_ParseTuple(args, "Oi", &job.callable, &job.n))
        return NULL;
    if (job.n < 0 || job.n > 30) {
        PyErr_SetString(PyExc_ValueError, "0..30 calls");
        return NULL;
    }
    for (int i = 0; i < job.n; i++)
        Py_INCREF(job.callable);
    if (pthread_create(&tid, NULL, adder, &job) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    pthread_join(tid, NULL);   /* the adder never needs the GIL we hold */
    Py_RETURN_NONE;
}

static PyObject *set_async_exc(PyObject *self, PyObject *args)
{
    unsigned long id;
    PyObject *exc;
    if (!PyArg_ParseTuple(args, "kO", &id, &exc))
        return NULL;
    return PyLong_FromLong(PyThreadState_SetAsyncExc(id, exc == Py_None ? NULL : exc));
}

static PyMethodDef methods[] = {
    {"add_pending", add_pending, METH_O, NULL},
    {"add_pending_from_thread", add_pending_from_thread, METH_VARARGS, NULL},
    {"set_async_exc", set_async_exc, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pendingext", NULL, -1, methods};

PyMODINIT_FUNC PyInit__pendingext(void)
{
    return PyModule_Create(&module);
}
