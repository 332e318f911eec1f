/* rangeobject.c — the range type over arbitrary-size ints (start/stop/step/length kept
 * as int objects), its slicing/containment/index arithmetic, hash and equality, and two
 * iterators: a C-long fast one and a PyLong one for huge ranges.
 * Integer arithmetic itself is longobject.c's (through the PyNumber_* API). */
#include "Python.h"
#include "type_docs.h"

typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step; /* ints; step != 0 */
    PyObject *length;              /* int >= 0 */
} rangeobject;

/* max(0, ceil((hi - lo) / step)) over ints, with a C-long fast path. */
static PyObject *compute_range_length(PyObject *start, PyObject *stop, PyObject *step)
{
    PyObject *lo, *hi, *diff = NULL, *tmp1 = NULL, *tmp2 = NULL, *result = NULL, *one;
    int cmp_result, step_sign;
    int ov1 = 0, ov2 = 0, ov3 = 0;
    long a = PyLong_AsLongAndOverflow(start, &ov1);
    long b = PyLong_AsLongAndOverflow(stop, &ov2);
    long s = PyLong_AsLongAndOverflow(step, &ov3);
    if (!ov1 && !ov2 && !ov3 && !PyErr_Occurred() && s != LONG_MIN) {
        unsigned long n = 0;
        if (s > 0 && a < b)
            n = ((unsigned long)b - (unsigned long)a - 1) / (unsigned long)s + 1;
        else if (s < 0 && a > b)
            n = ((unsigned long)a - (unsigned long)b - 1) / (0UL - (unsigned long)s) + 1;
        return PyLong_FromSize_t((size_t)n);
    }
    if (PyErr_Occurred())
        return NULL;
    step_sign = _PyLong_Sign(step);
    if (step_sign > 0) {
        lo = start;
        hi = stop;
        Py_INCREF(step);
    } else {
        lo = stop;
        hi = start;
        step = PyNumber_Negative(step);
        if (!step)
            return NULL;
    }
    cmp_result = PyObject_RichCompareBool(lo, hi, Py_GE);
    if (cmp_result != 0) {
        Py_DECREF(step);
        if (cmp_result < 0)
            return NULL;
        return PyLong_FromLong(0);
    }
    one = PyLong_FromLong(1);
    if (one == NULL)
        goto fail;
    if ((tmp1 = PyNumber_Subtract(hi, lo)) == NULL)
        goto fail;
    if ((diff = PyNumber_Subtract(tmp1, one)) == NULL)
        goto fail;
    if ((tmp2 = PyNumber_FloorDivide(diff, step)) == NULL)
        goto fail;
    result = PyNumber_Add(tmp2, one);
fail:
    Py_XDECREF(one);
    Py_DECREF(step);
    Py_XDECREF(tmp2);
    Py_XDECREF(diff);
    Py_XDECREF(tmp1);
    return result;
}

/* Takes ownership of start, stop and step. */
static rangeobject *make_range_object(PyTypeObject *type, PyObject *start, PyObject *stop, PyObject *step)
{
    rangeobject *obj;
    PyObject *length = compute_range_length(start, stop, step);
    if (length == NULL)
        return NULL;
    obj = PyObject_New(rangeobject, type);
    if (obj == NULL) {
        Py_DECREF(length);
        return NULL;
    }
    obj->start = start;
    obj->stop = stop;
    obj->step = step;
    obj->length = length;
    return obj;
}

static PyObject *validate_step(PyObject *step)
{
    if (!step)
        return PyLong_FromLong(1);
    step = PyNumber_Index(step);
    if (step && _PyLong_Sign(step) == 0) {
        PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
        Py_CLEAR(step);
    }
    return step;
}

static PyObject *range_from_array(PyTypeObject *type, PyObject *const *args, Py_ssize_t num_args)
{
    PyObject *start = NULL, *stop = NULL, *step = NULL;
    rangeobject *obj;
    switch (num_args) {
    case 3:
        step = args[2];
        /* fall through */
    case 2:
        start = PyNumber_Index(args[0]);
        if (!start)
            return NULL;
        stop = PyNumber_Index(args[1]);
        if (!stop) {
            Py_DECREF(start);
            return NULL;
        }
        step = validate_step(step);
        if (!step) {
            Py_DECREF(start);
            Py_DECREF(stop);
            return NULL;
        }
        break;
    case 1:
        stop = PyNumber_Index(args[0]);
        if (!stop)
            return NULL;
        start = PyLong_FromLong(0);
        step = PyLong_FromLong(1);
        if (!start || !step) {
            Py_XDECREF(start);
            Py_XDECREF(step);
            Py_DECREF(stop);
            return NULL;
        }
        break;
    case 0:
        PyErr_SetString(PyExc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        PyErr_Format(PyExc_TypeError, "range expected at most 3 arguments, got %zd", num_args);
        return NULL;
    }
    obj = make_range_object(type, start, stop, step);
    if (obj != NULL)
        return (PyObject *)obj;
    Py_DECREF(start);
    Py_DECREF(stop);
    Py_DECREF(step);
    return NULL;
}

static PyObject *range_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("range", kw))
        return NULL;
    return range_from_array(type, _PyTuple_ITEMS(args), PyTuple_GET_SIZE(args));
}

static PyObject *range_vectorcall(PyObject *rangetype, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("range", kwnames))
        return NULL;
    return range_from_array((PyTypeObject *)rangetype, args, nargs);
}

static void range_dealloc(rangeobject *r)
{
    Py_DECREF(r->start);
    Py_DECREF(r->stop);
    Py_DECREF(r->step);
    Py_DECREF(r->length);
    PyObject_Free(r);
}

static Py_ssize_t range_length(rangeobject *r)
{
    return PyLong_AsSsize_t(r->length); /* OverflowError for huge ranges */
}

/* start + i * step (i an int already known to be in range). */
static PyObject *compute_item(rangeobject *r, PyObject *i)
{
    PyObject *incr, *result;
    if (_PyLong_Sign(r->step) > 0 && PyLong_CheckExact(i) && _PyLong_Sign(i) == 0)
        return Py_NewRef(r->start);
    incr = PyNumber_Multiply(i, r->step);
    if (!incr)
        return NULL;
    result = PyNumber_Add(r->start, incr);
    Py_DECREF(incr);
    return result;
}

static PyObject *compute_range_item(rangeobject *r, PyObject *arg)
{
    PyObject *i, *result;
    int cmp_result;
    /* Negative indices count from the end; then 0 <= i < length. */
    if (_PyLong_Sign(arg) < 0) {
        i = PyNumber_Add(r->length, arg);
        if (!i)
            return NULL;
    } else {
        i = Py_NewRef(arg);
    }
    if (_PyLong_Sign(i) < 0) {
        cmp_result = 0;
    } else {
        cmp_result = PyObject_RichCompareBool(i, r->length, Py_LT);
        if (cmp_result < 0) {
            Py_DECREF(i);
            return NULL;
        }
    }
    if (!cmp_result) {
        Py_DECREF(i);
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        return NULL;
    }
    result = compute_item(r, i);
    Py_DECREF(i);
    return result;
}

/* r[i] for a machine-size i when start, step and length are machine-size too (nearly
 * always): 1 with *res set (the item, or NULL and IndexError), or 0 to take the general
 * path (big ints, or an item that overflows a long). */
static int range_item_small(rangeobject *r, long i, PyObject **res)
{
    PyLongObject *start = (PyLongObject *)r->start, *step = (PyLongObject *)r->step;
    PyLongObject *len = (PyLongObject *)r->length;
    if (!_PyLong_IsCompact(start) || !_PyLong_IsCompact(step) || !_PyLong_IsCompact(len))
        return 0;
    long n = _PyLong_CompactValue(len), v;
    if (i < 0) i += n;
    if (i < 0 || i >= n) {
        PyErr_SetString(PyExc_IndexError, "range object index out of range");
        *res = NULL;
        return 1;
    }
    if (__builtin_mul_overflow(i, _PyLong_CompactValue(step), &v) ||
        __builtin_add_overflow(v, _PyLong_CompactValue(start), &v))
        return 0;
    *res = PyLong_FromLong(v);
    return 1;
}

static PyObject *range_item(rangeobject *r, Py_ssize_t i)
{
    PyObject *res;
    if (range_item_small(r, (long)i, &res)) return res;
    PyObject *arg = PyLong_FromSsize_t(i);
    if (!arg)
        return NULL;
    res = compute_range_item(r, arg);
    Py_DECREF(arg);
    return res;
}

static PyObject *compute_slice(rangeobject *r, PyObject *_slice)
{
    PySliceObject *slice = (PySliceObject *)_slice;
    rangeobject *result;
    PyObject *start = NULL, *stop = NULL, *step = NULL, *substart = NULL, *substop = NULL, *substep = NULL;
    if (_PySlice_GetLongIndices(slice, r->length, &start, &stop, &step) < 0)
        return NULL;
    substep = PyNumber_Multiply(r->step, step);
    if (substep == NULL)
        goto fail;
    Py_CLEAR(step);
    substart = compute_item(r, start);
    if (substart == NULL)
        goto fail;
    Py_CLEAR(start);
    substop = compute_item(r, stop);
    if (substop == NULL)
        goto fail;
    Py_CLEAR(stop);
    result = make_range_object(Py_TYPE(r), substart, substop, substep);
    if (result != NULL)
        return (PyObject *)result;
fail:
    Py_XDECREF(start);
    Py_XDECREF(stop);
    Py_XDECREF(step);
    Py_XDECREF(substart);
    Py_XDECREF(substop);
    Py_XDECREF(substep);
    return NULL;
}

/* Is the int ob one of r's elements?  Pure arithmetic, no iteration. */
static int range_contains_long(rangeobject *r, PyObject *ob)
{
    PyObject *tmp1 = NULL, *tmp2 = NULL;
    int cmp1, cmp2, cmp3 = -1;
    if (_PyLong_Sign(r->step) > 0) { /* start <= ob < stop */
        cmp1 = PyObject_RichCompareBool(r->start, ob, Py_LE);
        cmp2 = PyObject_RichCompareBool(ob, r->stop, Py_LT);
    } else { /* stop < ob <= start */
        cmp1 = PyObject_RichCompareBool(ob, r->start, Py_LE);
        cmp2 = PyObject_RichCompareBool(r->stop, ob, Py_LT);
    }
    if (cmp1 == -1 || cmp2 == -1)
        return -1;
    if (cmp1 == 0 || cmp2 == 0)
        return 0;
    tmp1 = PyNumber_Subtract(ob, r->start);
    if (tmp1 == NULL)
        return -1;
    tmp2 = PyNumber_Remainder(tmp1, r->step);
    if (tmp2 != NULL)
        cmp3 = _PyLong_Sign(tmp2) == 0;
    Py_DECREF(tmp1);
    Py_XDECREF(tmp2);
    return cmp3;
}

/* Linear search with ==, for non-int needles. */
static Py_ssize_t range_iter_search(PyObject *r, PyObject *ob, int count_all, int *found)
{
    PyObject *it = PyObject_GetIter(r), *item;
    Py_ssize_t n = 0, i = 0;
    *found = 0;
    if (it == NULL)
        return -1;
    while ((item = PyIter_Next(it)) != NULL) {
        int cmp = PyObject_RichCompareBool(item, ob, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0) {
            Py_DECREF(it);
            return -1;
        }
        if (cmp) {
            *found = 1;
            if (!count_all) {
                Py_DECREF(it);
                return i;
            }
            n++;
        }
        i++;
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    return count_all ? n : -1;
}

static int range_contains(rangeobject *r, PyObject *ob)
{
    int found;
    if (PyLong_CheckExact(ob) || PyBool_Check(ob))
        return range_contains_long(r, ob);
    if (range_iter_search((PyObject *)r, ob, 0, &found) < 0 && PyErr_Occurred())
        return -1;
    return found;
}

static PyObject *range_subscript(rangeobject *self, PyObject *item)
{
    PyObject *res;
    if (PyLong_CheckExact(item) && _PyLong_IsCompact((PyLongObject *)item) &&
        range_item_small(self, _PyLong_CompactValue((PyLongObject *)item), &res))
        return res;
    if (PyLong_Check(item) || PyIndex_Check(item)) {
        PyObject *i = PyNumber_Index(item), *result;
        if (!i)
            return NULL;
        result = compute_range_item(self, i);
        Py_DECREF(i);
        return result;
    }
    if (PySlice_Check(item))
        return compute_slice(self, item);
    PyErr_Format(PyExc_TypeError, "range indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int range_bool(rangeobject *self)
{
    return PyObject_IsTrue(self->length);
}

static PyObject *range_repr(rangeobject *r)
{
    Py_ssize_t istep = PyNumber_AsSsize_t(r->step, NULL);
    if (istep == -1 && PyErr_Occurred()) {
        PyErr_Clear();
    }
    if (istep == 1)
        return PyUnicode_FromFormat("range(%R, %R)", r->start, r->stop);
    return PyUnicode_FromFormat("range(%R, %R, %R)", r->start, r->stop, r->step);
}

/* Equal when they produce the same sequence (not the same arguments). */
static int range_equals(rangeobject *r0, rangeobject *r1)
{
    int cmp_result;
    if (r0 == r1)
        return 1;
    cmp_result = PyObject_RichCompareBool(r0->length, r1->length, Py_EQ);
    if (cmp_result != 1)
        return cmp_result;
    cmp_result = PyObject_Not(r0->length);
    if (cmp_result != 0)
        return cmp_result; /* both empty */
    cmp_result = PyObject_RichCompareBool(r0->start, r1->start, Py_EQ);
    if (cmp_result != 1)
        return cmp_result;
    {
        PyObject *one = PyLong_FromLong(1);
        if (one == NULL)
            return -1;
        cmp_result = PyObject_RichCompareBool(r0->length, one, Py_EQ);
        Py_DECREF(one);
    }
    if (cmp_result != 0)
        return cmp_result; /* one element each, same start */
    return PyObject_RichCompareBool(r0->step, r1->step, Py_EQ);
}

static PyObject *range_richcompare(PyObject *self, PyObject *other, int op)
{
    int result;
    if (!PyRange_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        result = range_equals((rangeobject *)self, (rangeobject *)other);
        if (result == -1)
            return NULL;
        if (op == Py_NE)
            result = !result;
        if (result)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

/* hash((len, start, step)), with start/step replaced by None where they cannot
 * matter, so that equal ranges hash equal. */
static Py_hash_t range_hash(rangeobject *r)
{
    PyObject *t;
    Py_hash_t result = -1;
    int cmp_result;
    t = PyTuple_New(3);
    if (!t)
        return -1;
    PyTuple_SET_ITEM(t, 0, Py_NewRef(r->length));
    cmp_result = PyObject_Not(r->length);
    if (cmp_result == -1)
        goto end;
    if (cmp_result == 1) {
        PyTuple_SET_ITEM(t, 1, Py_NewRef(Py_None));
        PyTuple_SET_ITEM(t, 2, Py_NewRef(Py_None));
    } else {
        PyObject *one = PyLong_FromLong(1);
        PyTuple_SET_ITEM(t, 1, Py_NewRef(r->start));
        if (one == NULL)
            goto end;
        cmp_result = PyObject_RichCompareBool(r->length, one, Py_EQ);
        Py_DECREF(one);
        if (cmp_result == -1)
            goto end;
        PyTuple_SET_ITEM(t, 2, Py_NewRef(cmp_result == 1 ? Py_None : r->step));
    }
    result = PyObject_Hash(t);
end:
    Py_DECREF(t);
    return result;
}

static PyObject *range_count(rangeobject *r, PyObject *ob)
{
    int found;
    Py_ssize_t count;
    if (PyLong_CheckExact(ob) || PyBool_Check(ob)) {
        int result = range_contains_long(r, ob);
        if (result == -1)
            return NULL;
        return PyLong_FromLong(result);
    }
    count = range_iter_search((PyObject *)r, ob, 1, &found);
    if (count == -1)
        return NULL;
    return PyLong_FromSsize_t(count);
}

static PyObject *range_index(rangeobject *r, PyObject *ob)
{
    int contains, found;
    if (!PyLong_CheckExact(ob) && !PyBool_Check(ob)) {
        Py_ssize_t index = range_iter_search((PyObject *)r, ob, 0, &found);
        if (index == -1 && PyErr_Occurred())
            return NULL;
        if (found)
            return PyLong_FromSsize_t(index);
        PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
        return NULL;
    }
    contains = range_contains_long(r, ob);
    if (contains == -1)
        return NULL;
    if (contains) {
        PyObject *idx = PyNumber_Subtract(ob, r->start), *res;
        if (idx == NULL)
            return NULL;
        if (_PyLong_Sign(r->step) > 0 && PyLong_CheckExact(r->step)) {
            PyObject *one = PyLong_FromLong(1);
            int is_one = one ? PyObject_RichCompareBool(r->step, one, Py_EQ) : -1;
            Py_XDECREF(one);
            if (is_one == 1)
                return idx;
        }
        res = PyNumber_FloorDivide(idx, r->step);
        Py_DECREF(idx);
        return res;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in range", ob);
    return NULL;
}

static PyObject *range_reduce(rangeobject *r, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = PyTuple_Pack(3, r->start, r->stop, r->step), *res;
    if (args == NULL)
        return NULL;
    res = PyTuple_Pack(2, (PyObject *)Py_TYPE(r), args);
    Py_DECREF(args);
    return res;
}

static PyObject *range_iter(PyObject *seq);
static PyObject *range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored));

static PySequenceMethods range_as_sequence = {
    .sq_length = (lenfunc)range_length,
    .sq_item = (ssizeargfunc)range_item,
    .sq_contains = (objobjproc)range_contains,
};

static PyMappingMethods range_as_mapping = {
    .mp_length = (lenfunc)range_length,
    .mp_subscript = (binaryfunc)range_subscript,
};

static PyNumberMethods range_as_number = {
    .nb_bool = (inquiry)range_bool,
};

static PyMethodDef range_methods[] = {
    {"__reversed__", range_reverse, METH_NOARGS, DOC_range___reversed__},
    {"__reduce__", (PyCFunction)range_reduce, METH_NOARGS, DOC_range___reduce__},
    {"count", (PyCFunction)range_count, METH_O, DOC_range_count},
    {"index", (PyCFunction)range_index, METH_O, DOC_range_index},
    {NULL, NULL, 0, NULL}};

static PyMemberDef range_members[] = {
    {"start", T_OBJECT, offsetof(rangeobject, start), READONLY, DOC_range_start},
    {"stop", T_OBJECT, offsetof(rangeobject, stop), READONLY, DOC_range_stop},
    {"step", T_OBJECT, offsetof(rangeobject, step), READONLY, DOC_range_step},
    {NULL, 0, 0, 0, NULL}};

PyTypeObject PyRange_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range",
    .tp_basicsize = sizeof(rangeobject),
    .tp_dealloc = (destructor)range_dealloc,
    .tp_repr = (reprfunc)range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = (hashfunc)range_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_SEQUENCE,
    .tp_doc = TYPEDOC_range,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_members = range_members,
    .tp_new = range_new,
    .tp_vectorcall = range_vectorcall,
};

/* ---- the iterators ----
 * Both keep CPython 3.11's state (first value, step, total length, index of the next
 * item), which __reduce__ exposes as (iter, (range(start, stop, step),), index). */

/* (iter, (range(start, start + len*step, step),), index); steals nothing. */
static PyObject *rangeiter_reduce_common(PyObject *start, PyObject *step, PyObject *len,
                                         PyObject *index)
{
    PyObject *iter, *stop, *tmp, *res;
    rangeobject *range;
    tmp = PyNumber_Multiply(len, step);
    if (tmp == NULL)
        return NULL;
    stop = PyNumber_Add(start, tmp);
    Py_DECREF(tmp);
    if (stop == NULL)
        return NULL;
    range = make_range_object(&PyRange_Type, Py_NewRef(start), stop, Py_NewRef(step));
    if (range == NULL) {
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_DECREF(step);
        return NULL;
    }
    iter = _PyEval_GetBuiltinId("iter");
    if (iter == NULL) {
        Py_DECREF(range);
        return NULL;
    }
    res = Py_BuildValue("N(N)O", iter, (PyObject *)range, index);
    return res;
}

typedef _PyRangeIterObject rangeiterobject; /* rangeobject.h: FOR_ITER steps it inline */

static PyObject *rangeiter_next(rangeiterobject *r)
{
    if (r->index < r->len) {
        /* Unsigned arithmetic: wraps exactly where the true value fits in a long. */
        unsigned long v = (unsigned long)r->start + (unsigned long)r->index * (unsigned long)r->step;
        r->index++;
        return PyLong_FromLong((long)v);
    }
    return NULL;
}

static PyObject *rangeiter_len(rangeiterobject *r, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(r->len - r->index);
}

static PyObject *rangeiter_reduce(rangeiterobject *r, PyObject *Py_UNUSED(ignored))
{
    PyObject *start = PyLong_FromLong(r->start), *step = PyLong_FromLong(r->step);
    PyObject *len = PyLong_FromLong(r->len), *index = PyLong_FromLong(r->index), *res = NULL;
    if (start && step && len && index)
        res = rangeiter_reduce_common(start, step, len, index);
    Py_XDECREF(start);
    Py_XDECREF(step);
    Py_XDECREF(len);
    Py_XDECREF(index);
    return res;
}

static PyObject *rangeiter_setstate(rangeiterobject *r, PyObject *state)
{
    long index = PyLong_AsLong(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0)
        index = 0;
    else if (index > r->len)
        index = r->len; /* exhausted */
    r->index = index;
    Py_RETURN_NONE;
}

static PyMethodDef rangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)rangeiter_len, METH_NOARGS, DOC_range_iterator___length_hint__},
    {"__reduce__", (PyCFunction)rangeiter_reduce, METH_NOARGS, DOC_range_iterator___reduce__},
    {"__setstate__", (PyCFunction)rangeiter_setstate, METH_O, DOC_range_iterator___setstate__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(rangeiterobject),
    .tp_dealloc = (destructor)PyObject_Free,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)rangeiter_next,
    .tp_methods = rangeiter_methods,
};

/* ---- the arbitrary-size iterator ---- */

typedef struct {
    PyObject_HEAD
    PyObject *index;
    PyObject *start;
    PyObject *step;
    PyObject *len;
} longrangeiterobject;

static void longrangeiter_dealloc(longrangeiterobject *r)
{
    Py_XDECREF(r->index);
    Py_XDECREF(r->start);
    Py_XDECREF(r->step);
    Py_XDECREF(r->len);
    PyObject_Free(r);
}

static PyObject *longrangeiter_next(longrangeiterobject *r)
{
    PyObject *product, *new_index, *result;
    if (PyObject_RichCompareBool(r->index, r->len, Py_LT) != 1)
        return NULL;
    new_index = PyNumber_Add(r->index, _PyLong_GetOne());
    if (new_index == NULL)
        return NULL;
    product = PyNumber_Multiply(r->index, r->step);
    if (product == NULL) {
        Py_DECREF(new_index);
        return NULL;
    }
    result = PyNumber_Add(r->start, product);
    Py_DECREF(product);
    if (result)
        Py_SETREF(r->index, new_index);
    else
        Py_DECREF(new_index);
    return result;
}

static PyObject *longrangeiter_len(longrangeiterobject *r, PyObject *Py_UNUSED(ignored))
{
    return PyNumber_Subtract(r->len, r->index);
}

static PyObject *longrangeiter_reduce(longrangeiterobject *r, PyObject *Py_UNUSED(ignored))
{
    return rangeiter_reduce_common(r->start, r->step, r->len, r->index);
}

static PyObject *longrangeiter_setstate(longrangeiterobject *r, PyObject *state)
{
    int cmp;
    cmp = PyObject_RichCompareBool(state, _PyLong_GetZero(), Py_LT);
    if (cmp < 0)
        return NULL;
    if (cmp > 0) {
        state = _PyLong_GetZero();
    } else {
        cmp = PyObject_RichCompareBool(r->len, state, Py_LT);
        if (cmp < 0)
            return NULL;
        if (cmp > 0)
            state = r->len;
    }
    Py_XSETREF(r->index, Py_NewRef(state));
    Py_RETURN_NONE;
}

static PyMethodDef longrangeiter_methods[] = {
    {"__length_hint__", (PyCFunction)longrangeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)longrangeiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)longrangeiter_setstate, METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyLongRangeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(longrangeiterobject),
    .tp_dealloc = (destructor)longrangeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)longrangeiter_next,
    .tp_methods = longrangeiter_methods,
};

/* A C-long iterator when start, step, length and the end all fit in a long. */
static PyObject *fast_range_iter(long start, long stop, long step, long len)
{
    rangeiterobject *it = PyObject_New(rangeiterobject, &PyRangeIter_Type);
    (void)stop;
    if (it == NULL)
        return NULL;
    it->index = 0;
    it->start = start;
    it->step = step;
    it->len = len;
    return (PyObject *)it;
}

/* Steals start, step and len. */
static PyObject *long_range_iter(PyObject *start, PyObject *step, PyObject *len)
{
    longrangeiterobject *it = PyObject_New(longrangeiterobject, &PyLongRangeIter_Type);
    if (it == NULL) {
        Py_DECREF(start);
        Py_DECREF(step);
        Py_DECREF(len);
        return NULL;
    }
    it->index = Py_NewRef(_PyLong_GetZero());
    it->start = start;
    it->step = step;
    it->len = len;
    return (PyObject *)it;
}

/* The C-long iterator is used exactly when CPython 3.11 uses it (the iterator's type
 * name shows): start, stop, step and the length fit in a long and so does stop + step. */
static PyObject *range_iter(PyObject *seq)
{
    rangeobject *r = (rangeobject *)seq;
    int o1 = 0, o2 = 0, o3 = 0, o4 = 0;
    long lstart = PyLong_AsLongAndOverflow(r->start, &o1);
    long lstop = PyLong_AsLongAndOverflow(r->stop, &o2);
    long lstep = PyLong_AsLongAndOverflow(r->step, &o3);
    long len = PyLong_AsLongAndOverflow(r->length, &o4);
    if (PyErr_Occurred())
        return NULL;
    if (!o1 && !o2 && !o3 && !o4) {
        int overflow = 0;
        if (len) {
            if (lstep > 0)
                overflow = lstop > LONG_MAX - (lstep - 1);
            else
                overflow = lstop < LONG_MIN + (-1 - lstep);
        }
        if (!overflow)
            return fast_range_iter(lstart, lstop, lstep, len);
    }
    return long_range_iter(Py_NewRef(r->start), Py_NewRef(r->step), Py_NewRef(r->length));
}

/* reversed(range(start, stop, step)) iterates range(start + (n-1)*step, start - step,
 * -step); C longs when -step, start - step and n fit. */
static PyObject *range_reverse(PyObject *seq, PyObject *Py_UNUSED(ignored))
{
    rangeobject *range = (rangeobject *)seq;
    PyObject *one, *lenm1 = NULL, *tmp = NULL, *start = NULL, *step = NULL;
    int o1 = 0, o2 = 0, o3 = 0, o4 = 0;
    long lstart = PyLong_AsLongAndOverflow(range->start, &o1);
    long lstep = PyLong_AsLongAndOverflow(range->step, &o2);
    long len = PyLong_AsLongAndOverflow(range->length, &o3);
    long new_stop;
    (void)PyLong_AsLongAndOverflow(range->stop, &o4);
    if (PyErr_Occurred())
        return NULL;
    if (!o1 && !o2 && !o3 && !o4 && lstep != LONG_MIN &&
        !__builtin_sub_overflow(lstart, lstep, &new_stop)) {
        /* new_stop + len*step wraps back into range whenever the true value fits */
        long new_start = (long)((unsigned long)new_stop + (unsigned long)len * (unsigned long)lstep);
        return fast_range_iter(new_start, new_stop, -lstep, len);
    }
    one = PyLong_FromLong(1);
    if (one == NULL)
        return NULL;
    lenm1 = PyNumber_Subtract(range->length, one);
    Py_DECREF(one);
    if (lenm1 == NULL)
        return NULL;
    tmp = PyNumber_Multiply(lenm1, range->step);
    Py_DECREF(lenm1);
    if (tmp == NULL)
        return NULL;
    start = PyNumber_Add(range->start, tmp);
    Py_DECREF(tmp);
    if (start == NULL)
        return NULL;
    step = PyNumber_Negative(range->step);
    if (step == NULL) {
        Py_DECREF(start);
        return NULL;
    }
    return long_range_iter(start, step, Py_NewRef(range->length));
}
