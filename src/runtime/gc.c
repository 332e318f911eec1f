/* gc.c — allocation of GC-tracked container objects (a PyGC_Head in front of each
 * object, objimpl.h) and the list of tracked objects the cycle collector will walk.
 * The collector itself (PyGC_Collect) is a later piece of work: it reports 0 for now. */
#include "Python.h"

/* All tracked objects, in a circular doubly linked list around this sentinel. */
static PyGC_Head gc_tracked = { &gc_tracked, &gc_tracked, 0 };
static Py_ssize_t gc_count;

static PyObject *gc_alloc(size_t basicsize)
{
    PyGC_Head *g = PyObject_Malloc(sizeof(PyGC_Head) + basicsize);
    if (g == NULL)
        return PyErr_NoMemory();
    g->gc_next = g->gc_prev = NULL;
    g->gc_refs = -1;   /* untracked until PyObject_GC_Track */
    return _Py_FROM_GC(g);
}

PyObject *_PyObject_GC_New(PyTypeObject *tp)
{
    PyObject *op = gc_alloc((size_t)_PyObject_SIZE(tp));
    if (op == NULL)
        return NULL;
    return PyObject_Init(op, tp);
}

PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)nitems > ((size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head) - (size_t)tp->tp_basicsize)
                             / (tp->tp_itemsize ? (size_t)tp->tp_itemsize : 1)) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *op = gc_alloc(_PyObject_VAR_SIZE(tp, nitems));
    if (op == NULL)
        return NULL;
    return PyObject_InitVar((PyVarObject *)op, tp, nitems);
}

PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *tp = Py_TYPE(op);
    size_t size = _PyObject_VAR_SIZE(tp, nitems);
    PyGC_Head *g = _Py_AS_GC(op);
    int tracked = g->gc_refs != -1;
    if (tracked)
        PyObject_GC_UnTrack(op);   /* the block may move: unlink first */
    g = PyObject_Realloc(g, sizeof(PyGC_Head) + size);
    if (g == NULL) {
        if (tracked)
            PyObject_GC_Track(op);
        PyErr_NoMemory();
        return NULL;
    }
    op = (PyVarObject *)_Py_FROM_GC(g);
    Py_SET_SIZE(op, nitems);
    if (tracked)
        PyObject_GC_Track(op);
    return op;
}

void PyObject_GC_Track(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC((PyObject *)op_raw);
    if (g->gc_refs != -1)
        Py_FatalError("GC object already tracked");
    g->gc_refs = 0;
    g->gc_prev = gc_tracked.gc_prev;
    g->gc_next = &gc_tracked;
    gc_tracked.gc_prev->gc_next = g;
    gc_tracked.gc_prev = g;
    gc_count++;
}

void PyObject_GC_UnTrack(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC((PyObject *)op_raw);
    if (g->gc_refs == -1)
        return;   /* untracking twice is allowed, as in CPython */
    g->gc_prev->gc_next = g->gc_next;
    g->gc_next->gc_prev = g->gc_prev;
    g->gc_next = g->gc_prev = NULL;
    g->gc_refs = -1;
    gc_count--;
}

void PyObject_GC_Del(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC((PyObject *)op_raw);
    if (g->gc_refs != -1)
        PyObject_GC_UnTrack(op_raw);
    PyObject_Free(g);
}

int PyObject_GC_IsTracked(PyObject *op)
{
    return PyObject_IS_GC(op) && _Py_AS_GC(op)->gc_refs != -1;
}

int PyObject_GC_IsFinalized(PyObject *op) { return 0; }

/* Number of tracked objects (gc.get_count()'s first generation, roughly). */
Py_ssize_t _PyGC_TrackedCount(void) { return gc_count; }

/* The cycle collector is not written yet: nothing is collected. */
Py_ssize_t PyGC_Collect(void) { return 0; }
