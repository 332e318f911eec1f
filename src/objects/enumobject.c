/* enumobject.c — the enumerate and reversed types (the builtins are these type objects
 * themselves; bltinmodule.c only registers them).  reversed() prefers __reversed__
 * and falls back to __len__ + __getitem__. */
#include "Python.h"
#include "type_docs.h"

typedef struct {
    PyObject_HEAD
    Py_ssize_t en_index;    /* next index, while it fits */
    PyObject *en_sit;       /* the underlying iterator */
    PyObject *en_result;    /* unused; kept for CPython's layout */
    PyObject *en_longindex; /* next index as an int once en_index overflows */
} enumobject;

static PyObject *enum_new_impl(PyTypeObject *type, PyObject *iterable, PyObject *start)
{
    enumobject *en = (enumobject *)type->tp_alloc(type, 0);
    if (en == NULL)
        return NULL;
    en->en_index = 0;
    en->en_longindex = NULL;
    en->en_result = NULL;
    if (start != NULL) {
        start = PyNumber_Index(start);
        if (start == NULL) {
            Py_DECREF(en);
            return NULL;
        }
        en->en_index = PyLong_AsSsize_t(start);
        if (en->en_index == -1 && PyErr_Occurred()) {
            PyErr_Clear();
            en->en_index = PY_SSIZE_T_MAX;
            en->en_longindex = start;
        } else {
            Py_DECREF(start);
        }
    }
    en->en_sit = PyObject_GetIter(iterable);
    if (en->en_sit == NULL) {
        Py_DECREF(en);
        return NULL;
    }
    return (PyObject *)en;
}

/* enumerate(iterable, start=0) with clinic's messages. */
static PyObject *enum_parse(PyTypeObject *type, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *const *kwvalues, PyObject *kwnames)
{
    PyObject *iterable = nargs > 0 ? args[0] : NULL, *start = nargs > 1 ? args[1] : NULL;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 2) {
        PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", nargs + nkw);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nkw; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (_PyUnicode_EqualToASCIIString(name, "iterable") && nargs < 1) {
            iterable = kwvalues[i];
        } else if (_PyUnicode_EqualToASCIIString(name, "start") && nargs < 2) {
            start = kwvalues[i];
        } else if (_PyUnicode_EqualToASCIIString(name, "iterable") ||
                   _PyUnicode_EqualToASCIIString(name, "start")) {
            PyErr_Format(PyExc_TypeError, "argument for enumerate() given by name ('%U') and position (%d)",
                         name, _PyUnicode_EqualToASCIIString(name, "iterable") ? 1 : 2);
            return NULL;
        } else {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for enumerate()", name);
            return NULL;
        }
    }
    if (iterable == NULL) {
        PyErr_SetString(PyExc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    return enum_new_impl(type, iterable, start);
}

static PyObject *enum_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *kwnames = NULL, *res;
    PyObject *stack[4] = {NULL, NULL, NULL, NULL};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args), nkw = 0;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) > 0) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        if (nargs + PyDict_GET_SIZE(kwds) > 2) {
            PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                         nargs + PyDict_GET_SIZE(kwds));
            return NULL;
        }
        kwnames = PyTuple_New(PyDict_GET_SIZE(kwds));
        if (kwnames == NULL)
            return NULL;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            PyTuple_SET_ITEM(kwnames, nkw, Py_NewRef(key));
            stack[nkw++] = value;
        }
    } else if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "enumerate() takes at most 2 arguments (%zd given)", nargs);
        return NULL;
    }
    res = enum_parse(type, _PyTuple_ITEMS(args), nargs, stack, kwnames);
    Py_XDECREF(kwnames);
    return res;
}

static PyObject *enum_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    return enum_parse((PyTypeObject *)type, args, nargs, args + nargs, kwnames);
}

static void enum_dealloc(enumobject *en)
{
    PyObject_GC_UnTrack(en);
    Py_XDECREF(en->en_sit);
    Py_XDECREF(en->en_result);
    Py_XDECREF(en->en_longindex);
    Py_TYPE(en)->tp_free(en);
}

static int enum_traverse(enumobject *en, visitproc visit, void *arg)
{
    Py_VISIT(en->en_sit);
    Py_VISIT(en->en_result);
    Py_VISIT(en->en_longindex);
    return 0;
}

static PyObject *enum_next_long(enumobject *en, PyObject *next_item)
{
    PyObject *next_index, *stepped_up, *one, *res;
    if (en->en_longindex == NULL) {
        en->en_longindex = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
        if (en->en_longindex == NULL) {
            Py_DECREF(next_item);
            return NULL;
        }
    }
    next_index = en->en_longindex;
    one = PyLong_FromLong(1);
    stepped_up = one ? PyNumber_Add(next_index, one) : NULL;
    Py_XDECREF(one);
    if (stepped_up == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_longindex = stepped_up;
    res = PyTuple_Pack(2, next_index, next_item);
    Py_DECREF(next_index);
    Py_DECREF(next_item);
    return res;
}

static PyObject *enum_next(enumobject *en)
{
    PyObject *next_index, *next_item, *result;
    PyObject *it = en->en_sit;
    next_item = (*Py_TYPE(it)->tp_iternext)(it);
    if (next_item == NULL)
        return NULL;
    if (en->en_index == PY_SSIZE_T_MAX)
        return enum_next_long(en, next_item);
    next_index = PyLong_FromSsize_t(en->en_index);
    if (next_index == NULL) {
        Py_DECREF(next_item);
        return NULL;
    }
    en->en_index++;
    result = PyTuple_Pack(2, next_index, next_item);
    Py_DECREF(next_index);
    Py_DECREF(next_item);
    return result;
}

static PyObject *enum_reduce(enumobject *en, PyObject *Py_UNUSED(ignored))
{
    PyObject *idx = en->en_longindex ? Py_NewRef(en->en_longindex) : PyLong_FromSsize_t(en->en_index);
    PyObject *args, *res;
    if (idx == NULL)
        return NULL;
    args = PyTuple_Pack(2, en->en_sit, idx);
    Py_DECREF(idx);
    if (args == NULL)
        return NULL;
    res = PyTuple_Pack(2, (PyObject *)Py_TYPE(en), args);
    Py_DECREF(args);
    return res;
}

static PyMethodDef enum_methods[] = {
    {"__reduce__", (PyCFunction)enum_reduce, METH_NOARGS, DOC_enumerate___reduce__},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_enumerate___class_getitem__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyEnum_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(enumobject),
    .tp_dealloc = (destructor)enum_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_enumerate,
    .tp_traverse = (traverseproc)enum_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)enum_next,
    .tp_methods = enum_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = enum_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = enum_vectorcall,
};

/* ---- reversed ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *seq; /* NULL when exhausted */
} reversedobject;

static PyObject *reversed_new_impl(PyTypeObject *type, PyObject *seq)
{
    Py_ssize_t n;
    PyObject *reversed_meth;
    reversedobject *ro;
    reversed_meth = _PyObject_LookupSpecial(seq, _Py_ID(__reversed__));
    if (reversed_meth == Py_None) {
        Py_DECREF(reversed_meth);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible", Py_TYPE(seq)->tp_name);
        return NULL;
    }
    if (reversed_meth != NULL) {
        PyObject *res = PyObject_CallNoArgs(reversed_meth);
        Py_DECREF(reversed_meth);
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    if (!PySequence_Check(seq)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not reversible", Py_TYPE(seq)->tp_name);
        return NULL;
    }
    n = PySequence_Size(seq);
    if (n == -1)
        return NULL;
    ro = (reversedobject *)type->tp_alloc(type, 0);
    if (ro == NULL)
        return NULL;
    ro->index = n - 1;
    ro->seq = Py_NewRef(seq);
    return (PyObject *)ro;
}

static PyObject *reversed_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyReversed_Type || type->tp_init == PyReversed_Type.tp_init) &&
        !_PyArg_NoKeywords("reversed", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("reversed", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    return reversed_new_impl(type, PyTuple_GET_ITEM(args, 0));
}

static PyObject *reversed_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("reversed", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("reversed", nargs, 1, 1))
        return NULL;
    return reversed_new_impl((PyTypeObject *)type, args[0]);
}

static void reversed_dealloc(reversedobject *ro)
{
    PyObject_GC_UnTrack(ro);
    Py_XDECREF(ro->seq);
    Py_TYPE(ro)->tp_free(ro);
}

static int reversed_traverse(reversedobject *ro, visitproc visit, void *arg)
{
    Py_VISIT(ro->seq);
    return 0;
}

static PyObject *reversed_next(reversedobject *ro)
{
    PyObject *item;
    Py_ssize_t index = ro->index;
    if (index >= 0) {
        item = PySequence_GetItem(ro->seq, index);
        if (item != NULL) {
            ro->index--;
            return item;
        }
        if (PyErr_ExceptionMatches(PyExc_IndexError) || PyErr_ExceptionMatches(PyExc_StopIteration))
            PyErr_Clear();
    }
    ro->index = -1;
    Py_CLEAR(ro->seq);
    return NULL;
}

static PyObject *reversed_len(reversedobject *ro, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t position, seqsize;
    if (ro->seq == NULL)
        return PyLong_FromLong(0);
    seqsize = PySequence_Size(ro->seq);
    if (seqsize == -1)
        return NULL;
    position = ro->index + 1;
    return PyLong_FromSsize_t((seqsize < position) ? 0 : position);
}

static PyObject *reversed_setstate(reversedobject *ro, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (ro->seq != 0) {
        Py_ssize_t n = PySequence_Size(ro->seq);
        if (n < 0)
            return NULL;
        if (index < -1)
            index = -1;
        else if (index > n - 1)
            index = n - 1;
        ro->index = index;
    }
    Py_RETURN_NONE;
}

/* (type, (seq,), index), or (type, ((),)) once exhausted. */
static PyObject *reversed_reduce(reversedobject *ro, PyObject *Py_UNUSED(ignored))
{
    if (ro->seq)
        return Py_BuildValue("O(O)n", (PyObject *)Py_TYPE(ro), ro->seq, ro->index);
    return Py_BuildValue("O(())", (PyObject *)Py_TYPE(ro));
}

static PyMethodDef reversediter_methods[] = {
    {"__length_hint__", (PyCFunction)reversed_len, METH_NOARGS, DOC_reversed___length_hint__},
    {"__reduce__", (PyCFunction)reversed_reduce, METH_NOARGS, DOC_reversed___reduce__},
    {"__setstate__", (PyCFunction)reversed_setstate, METH_O, DOC_reversed___setstate__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyReversed_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "reversed",
    .tp_basicsize = sizeof(reversedobject),
    .tp_dealloc = (destructor)reversed_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_reversed,
    .tp_traverse = (traverseproc)reversed_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)reversed_next,
    .tp_methods = reversediter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = reversed_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = reversed_vectorcall,
};
