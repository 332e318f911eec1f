/* _tracemalloc.c — the `_tracemalloc` module tracemalloc.py imports.  Owner: modules-xml.
 * Krait's allocator has no tracing hooks yet, so start() only records that tracing was
 * requested (and the frame limit): no allocation is ever traced, get_traced_memory() is
 * (0, 0) and snapshots are empty.  Real tracing needs hooks in obmalloc.c (runtime).
 */
#include "Python.h"

static int tracing;
static int traceback_limit = 1;

static PyObject *tm_is_tracing(PyObject *m, PyObject *unused) { return PyBool_FromLong(tracing); }
static PyObject *tm_clear_traces(PyObject *m, PyObject *unused) { Py_RETURN_NONE; }
static PyObject *tm_get_traces(PyObject *m, PyObject *unused) { return PyList_New(0); }
static PyObject *tm_get_object_traceback(PyObject *m, PyObject *obj) { Py_RETURN_NONE; }
static PyObject *tm_get_traceback_limit(PyObject *m, PyObject *unused) { return PyLong_FromLong(traceback_limit); }
static PyObject *tm_get_tracemalloc_memory(PyObject *m, PyObject *unused) { return PyLong_FromLong(0); }
static PyObject *tm_get_traced_memory(PyObject *m, PyObject *unused) { return Py_BuildValue("(ii)", 0, 0); }
static PyObject *tm_reset_peak(PyObject *m, PyObject *unused) { Py_RETURN_NONE; }

static PyObject *tm_start(PyObject *m, PyObject *args)
{
    int nframe = 1;
    if (!PyArg_ParseTuple(args, "|i:start", &nframe))
        return NULL;
    if (nframe < 1 || nframe > 65535) {
        PyErr_Format(PyExc_ValueError, "the number of frames must be in range [1; %lu]",
                     65535UL);
        return NULL;
    }
    traceback_limit = nframe;
    tracing = 1;
    Py_RETURN_NONE;
}

static PyObject *tm_stop(PyObject *m, PyObject *unused)
{
    tracing = 0;
    Py_RETURN_NONE;
}

static PyMethodDef tm_methods[] = {
    {"is_tracing", tm_is_tracing, METH_NOARGS, "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces", tm_clear_traces, METH_NOARGS, "Clear traces of memory blocks allocated by Python."},
    {"_get_traces", tm_get_traces, METH_NOARGS, "Get traces of all memory blocks allocated by Python."},
    {"_get_object_traceback", tm_get_object_traceback, METH_O, "Get the traceback where the Python object obj was allocated."},
    {"start", tm_start, METH_VARARGS, "Start tracing Python memory allocations."},
    {"stop", tm_stop, METH_NOARGS, "Stop tracing Python memory allocations."},
    {"get_traceback_limit", tm_get_traceback_limit, METH_NOARGS, "Get the maximum number of frames stored in the traceback of a trace."},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, METH_NOARGS, "Get the memory usage in bytes of the tracemalloc module."},
    {"get_traced_memory", tm_get_traced_memory, METH_NOARGS, "Get the current size and peak size of memory blocks traced by tracemalloc."},
    {"reset_peak", tm_reset_peak, METH_NOARGS, "Set the peak size of memory blocks traced by tracemalloc to the current size."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tmmodule = {
    PyModuleDef_HEAD_INIT, "_tracemalloc", "Debug module to trace memory blocks allocated by Python.",
    -1, tm_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__tracemalloc(void)
{
    return PyModule_Create(&tmmodule);
}
