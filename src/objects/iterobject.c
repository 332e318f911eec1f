/* iterobject.c — the two generic iterators: "iterator" over an object's __getitem__
 * (PySeqIter_New, used by iter() on old-style sequences) and "callable_iterator"
 * (iter(callable, sentinel)).  iter() itself lives in bltinmodule.c.  Also the __reduce__
 * shared by the dict, set and OrderedDict iterators (_PyIter_ReduceRemaining). */
#include "Python.h"
#include "type_docs.h"

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq; /* NULL when exhausted */
} seqiterobject;

PyObject *PySeqIter_New(PyObject *seq)
{
    seqiterobject *it;
    if (!PySequence_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    it = PyObject_GC_New(seqiterobject, &PySeqIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void iter_dealloc(seqiterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int iter_traverse(seqiterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_seq);
    return 0;
}

/* IndexError (or StopIteration) from __getitem__ ends the iteration. */
static PyObject *iter_iternext(seqiterobject *it)
{
    PyObject *seq = it->it_seq, *result;
    if (seq == NULL)
        return NULL;
    if (it->it_index == PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iter index too large");
        return NULL;
    }
    result = PySequence_GetItem(seq, it->it_index);
    if (result != NULL) {
        it->it_index++;
        return result;
    }
    if (PyErr_ExceptionMatches(PyExc_IndexError) || PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        it->it_seq = NULL;
        Py_DECREF(seq);
    }
    return NULL;
}

static PyObject *iter_len(seqiterobject *it, PyObject *Py_UNUSED(ignored))
{
    if (it->it_seq) {
        Py_ssize_t seqsize, len;
        if (_PyObject_HasLen(it->it_seq)) {
            seqsize = PySequence_Size(it->it_seq);
            if (seqsize == -1)
                return NULL;
        } else {
            Py_RETURN_NOTIMPLEMENTED;
        }
        len = seqsize - it->it_index;
        if (len >= 0)
            return PyLong_FromSsize_t(len);
    }
    return PyLong_FromLong(0);
}

static PyObject *iter_setstate(seqiterobject *it, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

/* (iter, (seq,), index), or (iter, ((),)) once exhausted. */
static PyObject *iter_reduce(seqiterobject *it, PyObject *Py_UNUSED(ignored))
{
    PyObject *iter = _PyEval_GetBuiltinId("iter");
    if (iter == NULL)
        return NULL;
    if (it->it_seq != NULL)
        return Py_BuildValue("N(O)n", iter, it->it_seq, it->it_index);
    return Py_BuildValue("N(())", iter);
}

static PyMethodDef seqiter_methods[] = {
    {"__length_hint__", (PyCFunction)iter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)iter_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__setstate__", (PyCFunction)iter_setstate, METH_O, "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}};

PyTypeObject PySeqIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "iterator",
    .tp_basicsize = sizeof(seqiterobject),
    .tp_dealloc = (destructor)iter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)iter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)iter_iternext,
    .tp_methods = seqiter_methods,
};

/* ---- iter(callable, sentinel) ---- */

typedef struct {
    PyObject_HEAD
    PyObject *it_callable; /* NULL when exhausted */
    PyObject *it_sentinel; /* NULL when exhausted */
} calliterobject;

PyObject *PyCallIter_New(PyObject *callable, PyObject *sentinel)
{
    calliterobject *it = PyObject_GC_New(calliterobject, &PyCallIter_Type);
    if (it == NULL)
        return NULL;
    it->it_callable = Py_NewRef(callable);
    it->it_sentinel = Py_NewRef(sentinel);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static void calliter_dealloc(calliterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_callable);
    Py_XDECREF(it->it_sentinel);
    PyObject_GC_Del(it);
}

static int calliter_traverse(calliterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_callable);
    Py_VISIT(it->it_sentinel);
    return 0;
}

static PyObject *calliter_iternext(calliterobject *it)
{
    PyObject *result;
    if (it->it_callable == NULL)
        return NULL;
    result = PyObject_CallNoArgs(it->it_callable);
    if (result != NULL && it->it_sentinel != NULL) {
        int ok = PyObject_RichCompareBool(it->it_sentinel, result, Py_EQ);
        if (ok == 0)
            return result; /* common case, fast path */
        if (ok > 0) {
            Py_CLEAR(it->it_callable);
            Py_CLEAR(it->it_sentinel);
        }
    } else if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        Py_CLEAR(it->it_callable);
        Py_CLEAR(it->it_sentinel);
    }
    Py_XDECREF(result);
    return NULL;
}

/* (iter, (callable, sentinel)), or (iter, ((),)) once exhausted. */
static PyObject *calliter_reduce(calliterobject *it, PyObject *Py_UNUSED(ignored))
{
    PyObject *iter = _PyEval_GetBuiltinId("iter");
    if (iter == NULL)
        return NULL;
    if (it->it_callable != NULL && it->it_sentinel != NULL)
        return Py_BuildValue("N(OO)", iter, it->it_callable, it->it_sentinel);
    return Py_BuildValue("N(())", iter);
}

static PyMethodDef calliter_methods[] = {
    {"__reduce__", (PyCFunction)calliter_reduce, METH_NOARGS, DOC_callable_iterator___reduce__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyCallIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(calliterobject),
    .tp_dealloc = (destructor)calliter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)calliter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)calliter_iternext,
    .tp_methods = calliter_methods,
};

PyObject *_PyIter_ReduceRemaining(PyObject *copy, iternextfunc next)
{
    PyObject *list = PyList_New(0), *item;
    if (list == NULL)
        return NULL;
    while ((item = next(copy)) != NULL) {
        int err = PyList_Append(list, item);
        Py_DECREF(item);
        if (err < 0)
            break;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *iter = _PyEval_GetBuiltinId("iter");
    if (iter == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    return Py_BuildValue("N(N)", iter, list);
}
