/* sliceobject.c — the slice type and the index clamping every sequence uses
 * (PySlice_Unpack + PySlice_AdjustIndices, and the arbitrary-size _PySlice_GetLongIndices
 * behind slice.indices()).  The Ellipsis singleton lives in object.c; __index__ of
 * bounds goes through _PyEval_SliceIndex (ceval.c). */
#include "Python.h"
#include "type_docs.h"

static PySliceObject *slice_cache; /* one spare slice: a[i:j] runs hot */

PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step)
{
    PySliceObject *obj;
    if (step == NULL)
        step = Py_None;
    if (start == NULL)
        start = Py_None;
    if (stop == NULL)
        stop = Py_None;
    if (slice_cache != NULL) {
        obj = slice_cache;
        slice_cache = NULL;
        Py_SET_REFCNT(obj, 1);
    } else {
        obj = PyObject_GC_New(PySliceObject, &PySlice_Type);
        if (obj == NULL)
            return NULL;
    }
    obj->start = Py_NewRef(start);
    obj->stop = Py_NewRef(stop);
    obj->step = Py_NewRef(step);
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

PyObject *_PySlice_FromIndices(Py_ssize_t istart, Py_ssize_t istop)
{
    PyObject *start, *end, *slice;
    start = PyLong_FromSsize_t(istart);
    if (!start)
        return NULL;
    end = PyLong_FromSsize_t(istop);
    if (!end) {
        Py_DECREF(start);
        return NULL;
    }
    slice = PySlice_New(start, end, NULL);
    Py_DECREF(start);
    Py_DECREF(end);
    return slice;
}

void _PySlice_Fini(void)
{
    if (slice_cache != NULL) {
        PyObject_GC_Del(slice_cache);
        slice_cache = NULL;
    }
}

/* Old API: only exact ints accepted, no clamping to the sequence. */
int PySlice_GetIndices(PyObject *_r, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                       Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None) {
        *step = 1;
    } else {
        if (!PyLong_Check(r->step))
            return -1;
        *step = PyLong_AsSsize_t(r->step);
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? length - 1 : 0;
    } else {
        if (!PyLong_Check(r->start))
            return -1;
        *start = PyLong_AsSsize_t(r->start);
        if (*start < 0)
            *start += length;
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? -1 : length;
    } else {
        if (!PyLong_Check(r->stop))
            return -1;
        *stop = PyLong_AsSsize_t(r->stop);
        if (*stop < 0)
            *stop += length;
    }
    if (*stop > length)
        return -1;
    if (*start >= length)
        return -1;
    if (*step == 0)
        return -1;
    return 0;
}

/* Slice bounds as C integers, before knowing the sequence length; bounds are clamped
 * to [PY_SSIZE_T_MIN, PY_SSIZE_T_MAX] and step to >= -PY_SSIZE_T_MAX. */
int PySlice_Unpack(PyObject *_r, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step)
{
    PySliceObject *r = (PySliceObject *)_r;
    if (r->step == Py_None) {
        *step = 1;
    } else {
        if (!_PyEval_SliceIndex(r->step, step))
            return -1;
        if (*step == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -step must not overflow when a sequence reverses the slice. */
        if (*step < -PY_SSIZE_T_MAX)
            *step = -PY_SSIZE_T_MAX;
    }
    if (r->start == Py_None) {
        *start = *step < 0 ? PY_SSIZE_T_MAX : 0;
    } else if (!_PyEval_SliceIndex(r->start, start)) {
        return -1;
    }
    if (r->stop == Py_None) {
        *stop = *step < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    } else if (!_PyEval_SliceIndex(r->stop, stop)) {
        return -1;
    }
    return 0;
}

/* Clamp unpacked bounds to a sequence of `length`; returns the slice length. */
Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                                 Py_ssize_t step)
{
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int PySlice_GetIndicesEx(PyObject *_r, Py_ssize_t length, Py_ssize_t *start,
                         Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength)
{
    if (PySlice_Unpack(_r, start, stop, step) < 0)
        return -1;
    *slicelength = PySlice_AdjustIndices(length, start, stop, *step);
    return 0;
}

/* ---- slice.indices() over arbitrary-size ints ---- */

static PyObject *evaluate_slice_index(PyObject *v)
{
    if (PyIndex_Check(v))
        return PyNumber_Index(v);
    PyErr_SetString(PyExc_TypeError,
                    "slice indices must be integers or None or have an __index__ method");
    return NULL;
}

/* Clamp one bound: negative values count from `length`, then into [lower, upper]. */
static PyObject *clamp_bound(PyObject *bound, PyObject *length, PyObject *lower, PyObject *upper)
{
    PyObject *v = evaluate_slice_index(bound), *tmp;
    int cmp;
    if (v == NULL)
        return NULL;
    if (_PyLong_Sign(v) < 0) {
        tmp = PyNumber_Add(v, length);
        Py_DECREF(v);
        if (tmp == NULL)
            return NULL;
        v = tmp;
        cmp = PyObject_RichCompareBool(v, lower, Py_LT);
        if (cmp < 0)
            goto error;
        if (cmp)
            Py_SETREF(v, Py_NewRef(lower));
    } else {
        cmp = PyObject_RichCompareBool(v, upper, Py_GT);
        if (cmp < 0)
            goto error;
        if (cmp)
            Py_SETREF(v, Py_NewRef(upper));
    }
    return v;
error:
    Py_DECREF(v);
    return NULL;
}

int _PySlice_GetLongIndices(PySliceObject *self, PyObject *length, PyObject **start_ptr,
                            PyObject **stop_ptr, PyObject **step_ptr)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL, *upper = NULL, *lower = NULL;
    int step_is_negative;
    if (self->step == Py_None) {
        step = PyLong_FromLong(1);
        if (step == NULL)
            goto error;
        step_is_negative = 0;
    } else {
        int step_sign;
        step = evaluate_slice_index(self->step);
        if (step == NULL)
            goto error;
        step_sign = _PyLong_Sign(step);
        if (step_sign == 0) {
            PyErr_SetString(PyExc_ValueError, "slice step cannot be zero");
            goto error;
        }
        step_is_negative = step_sign < 0;
    }
    /* Bounds: [-1, length-1] when stepping backwards, else [0, length]. */
    if (step_is_negative) {
        lower = PyLong_FromLong(-1L);
        if (lower == NULL)
            goto error;
        upper = PyNumber_Add(length, lower);
        if (upper == NULL)
            goto error;
    } else {
        lower = PyLong_FromLong(0L);
        if (lower == NULL)
            goto error;
        upper = Py_NewRef(length);
    }
    if (self->start == Py_None) {
        start = Py_NewRef(step_is_negative ? upper : lower);
    } else {
        start = clamp_bound(self->start, length, lower, upper);
        if (start == NULL)
            goto error;
    }
    if (self->stop == Py_None) {
        stop = Py_NewRef(step_is_negative ? lower : upper);
    } else {
        stop = clamp_bound(self->stop, length, lower, upper);
        if (stop == NULL)
            goto error;
    }
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    Py_DECREF(upper);
    Py_DECREF(lower);
    return 0;
error:
    *start_ptr = *stop_ptr = *step_ptr = NULL;
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(upper);
    Py_XDECREF(lower);
    return -1;
}

/* ---- slots and methods ---- */

static PyObject *slice_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    if (!_PyArg_NoKeywords("slice", kw))
        return NULL;
    if (!PyArg_UnpackTuple(args, "slice", 1, 3, &start, &stop, &step))
        return NULL;
    if (stop == NULL) { /* slice(stop) */
        stop = start;
        start = NULL;
    }
    return PySlice_New(start, stop, step);
}

static void slice_dealloc(PySliceObject *r)
{
    PyObject_GC_UnTrack(r);
    Py_DECREF(r->step);
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    if (slice_cache == NULL)
        slice_cache = r;
    else
        PyObject_GC_Del(r);
}

static PyObject *slice_repr(PySliceObject *r)
{
    return PyUnicode_FromFormat("slice(%R, %R, %R)", r->start, r->stop, r->step);
}

static PyObject *slice_indices(PySliceObject *self, PyObject *len)
{
    PyObject *start, *stop, *step, *length;
    int error;
    length = PyNumber_Index(len);
    if (length == NULL)
        return NULL;
    if (_PyLong_Sign(length) < 0) {
        PyErr_SetString(PyExc_ValueError, "length should not be negative");
        Py_DECREF(length);
        return NULL;
    }
    error = _PySlice_GetLongIndices(self, length, &start, &stop, &step);
    Py_DECREF(length);
    if (error == -1)
        return NULL;
    {
        PyObject *res = PyTuple_New(3);
        if (res == NULL) {
            Py_DECREF(start);
            Py_DECREF(stop);
            Py_DECREF(step);
            return NULL;
        }
        PyTuple_SET_ITEM(res, 0, start);
        PyTuple_SET_ITEM(res, 1, stop);
        PyTuple_SET_ITEM(res, 2, step);
        return res;
    }
}

static PyObject *slice_reduce(PySliceObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = PyTuple_Pack(3, self->start, self->stop, self->step), *res;
    if (args == NULL)
        return NULL;
    res = PyTuple_Pack(2, (PyObject *)Py_TYPE(self), args);
    Py_DECREF(args);
    return res;
}

static PyObject *slice_richcompare(PyObject *v, PyObject *w, int op)
{
    PyObject *t1, *t2, *res;
    if (!PySlice_Check(v) || !PySlice_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    if (v == w) {
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE:
            Py_RETURN_TRUE;
        case Py_NE: case Py_LT: case Py_GT:
            Py_RETURN_FALSE;
        }
    }
    t1 = PyTuple_Pack(3, ((PySliceObject *)v)->start, ((PySliceObject *)v)->stop,
                      ((PySliceObject *)v)->step);
    if (t1 == NULL)
        return NULL;
    t2 = PyTuple_Pack(3, ((PySliceObject *)w)->start, ((PySliceObject *)w)->stop,
                      ((PySliceObject *)w)->step);
    if (t2 == NULL) {
        Py_DECREF(t1);
        return NULL;
    }
    res = PyObject_RichCompare(t1, t2, op);
    Py_DECREF(t1);
    Py_DECREF(t2);
    return res;
}

static int slice_traverse(PySliceObject *v, visitproc visit, void *arg)
{
    Py_VISIT(v->start);
    Py_VISIT(v->stop);
    Py_VISIT(v->step);
    return 0;
}

static PyMemberDef slice_members[] = {
    {"start", T_OBJECT, offsetof(PySliceObject, start), READONLY, DOC_slice_start},
    {"stop", T_OBJECT, offsetof(PySliceObject, stop), READONLY, DOC_slice_stop},
    {"step", T_OBJECT, offsetof(PySliceObject, step), READONLY, DOC_slice_step},
    {NULL, 0, 0, 0, NULL}};

static PyMethodDef slice_methods[] = {
    {"indices", (PyCFunction)slice_indices, METH_O, DOC_slice_indices},
    {"__reduce__", (PyCFunction)slice_reduce, METH_NOARGS, DOC_slice___reduce__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PySlice_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "slice",
    .tp_basicsize = sizeof(PySliceObject),
    .tp_dealloc = (destructor)slice_dealloc,
    .tp_repr = (reprfunc)slice_repr,
    .tp_hash = PyObject_HashNotImplemented, /* slices become hashable only in 3.12 */
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = TYPEDOC_slice,
    .tp_traverse = (traverseproc)slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
};
