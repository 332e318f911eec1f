/* tupleobject.c — the tuple type: creation (empty singleton + per-size free lists),
 * item access, xxHash-based hash, comparison, repr, concat/repeat/slicing, iterator.
 * Leaves slice parsing to sliceobject.c, generic sequence->tuple to abstract.c
 * (PySequence_Tuple), and argument-count errors to getargs.c. */
#include "Python.h"
#include "pycore_gc.h"
#include "type_docs.h"

/* tracemalloc: an object reused from a free list gets the traceback of its reuse
 * (CPython's _Py_NewReference does this); kept out of the headers. */
extern int _PyTraceMalloc_active;                 /* obmalloc.c: 1 while tracing */
void _PyTraceMalloc_NewReference(PyObject *op);   /* src/modules/_tracemalloc.c */

#define PyTuple_MAXSAVESIZE 20  /* largest tuple size kept on a free list */
#define PyTuple_MAXFREELIST 2000 /* max tuples of one size on its free list */

static PyObject *empty_tuple; /* the () singleton, created on first use, never freed */
static PyTupleObject *free_list[PyTuple_MAXSAVESIZE]; /* chained through ob_item[0] */
static int numfree[PyTuple_MAXSAVESIZE];

/* ---- creation ---- */

/* A fresh untracked tuple of `size` (> 0) items, left unset: for callers that fill
 * every item before anything can look at the tuple. */
static PyTupleObject *tuple_alloc_unset(Py_ssize_t size)
{
    PyTupleObject *op;
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size < PyTuple_MAXSAVESIZE && (op = free_list[size]) != NULL) {
        free_list[size] = (PyTupleObject *)op->ob_item[0];
        numfree[size]--;
        Py_SET_REFCNT(op, 1); /* type and size are unchanged while on the list */
        if (_PyTraceMalloc_active)
            _PyTraceMalloc_NewReference((PyObject *)op);
    } else {
        if ((size_t)size > ((size_t)PY_SSIZE_T_MAX - sizeof(PyTupleObject)) / sizeof(PyObject *)) {
            PyErr_NoMemory();
            return NULL;
        }
        op = PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, size);
        if (op == NULL)
            return NULL;
    }
    return op;
}

/* A fresh untracked tuple of `size` (> 0) items, all NULL. */
static PyTupleObject *tuple_alloc(Py_ssize_t size)
{
    PyTupleObject *op = tuple_alloc_unset(size);
    if (op != NULL)
        memset(op->ob_item, 0, (size_t)size * sizeof(PyObject *));
    return op;
}

static PyObject *tuple_get_empty(void)
{
    if (empty_tuple == NULL) {
        PyTupleObject *op = PyObject_GC_NewVar(PyTupleObject, &PyTuple_Type, 0);
        if (op == NULL)
            return NULL;
        empty_tuple = (PyObject *)op; /* untracked: it can hold nothing */
    }
    return Py_NewRef(empty_tuple);
}

PyObject *PyTuple_New(Py_ssize_t size)
{
    PyTupleObject *op;
    if (size == 0)
        return tuple_get_empty();
    op = tuple_alloc(size);
    if (op == NULL)
        return NULL;
    _PyObject_GC_TrackInline(op);
    return (PyObject *)op;
}

Py_ssize_t PyTuple_Size(PyObject *op)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

PyObject *PyTuple_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return _PyTuple_ITEMS(op)[i];
}

int PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    PyObject **p;
    if (!PyTuple_Check(op) || Py_REFCNT(op) != 1) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    p = _PyTuple_ITEMS(op) + i;
    { PyObject *old = *p; *p = newitem; Py_XDECREF(old); }
    return 0;
}

PyObject *PyTuple_Pack(Py_ssize_t n, ...)
{
    va_list vargs;
    PyObject *result;
    if (n == 0)
        return tuple_get_empty();
    va_start(vargs, n);
    result = (PyObject *)tuple_alloc_unset(n);
    if (result == NULL) {
        va_end(vargs);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        _PyTuple_ITEMS(result)[i] = Py_NewRef(va_arg(vargs, PyObject *));
    va_end(vargs);
    _PyObject_GC_TrackInline(result);
    return result;
}

PyObject *_PyTuple_FromArray(PyObject *const *src, Py_ssize_t n)
{
    PyTupleObject *op;
    if (n == 0)
        return tuple_get_empty();
    op = tuple_alloc_unset(n);
    if (op == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)
        op->ob_item[i] = Py_NewRef(src[i]);
    _PyObject_GC_TrackInline(op);
    return (PyObject *)op;
}

PyObject *_PyTuple_FromArraySteal(PyObject *const *src, Py_ssize_t n)
{
    PyTupleObject *op;
    if (n == 0)
        return tuple_get_empty();
    op = tuple_alloc_unset(n);
    if (op == NULL) {
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(src[i]);
        return NULL;
    }
    memcpy(op->ob_item, src, (size_t)n * sizeof(PyObject *));
    _PyObject_GC_TrackInline(op);
    return (PyObject *)op;
}

/* Untrack a tuple that can never be part of a cycle (all items atomic). */
void _PyTuple_MaybeUntrack(PyObject *op)
{
    if (!PyTuple_CheckExact(op) || !PyObject_GC_IsTracked(op))
        return;
    for (Py_ssize_t i = 0; i < Py_SIZE(op); i++) {
        PyObject *elt = PyTuple_GET_ITEM(op, i);
        if (elt == NULL)
            return;
        if (PyObject_IS_GC(elt) && (!PyTuple_CheckExact(elt) || PyObject_GC_IsTracked(elt)))
            return;
    }
    PyObject_GC_UnTrack(op);
}

PyObject *PyTuple_GetSlice(PyObject *op, Py_ssize_t i, Py_ssize_t j)
{
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0)
        i = 0;
    if (j > Py_SIZE(op))
        j = Py_SIZE(op);
    if (j < i)
        j = i;
    if (i == 0 && j == Py_SIZE(op) && PyTuple_CheckExact(op))
        return Py_NewRef(op);
    return _PyTuple_FromArray(_PyTuple_ITEMS(op) + i, j - i);
}

/* Resize a tuple nobody else references yet (refcount 1); on failure *pv is freed. */
int _PyTuple_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyTupleObject *v = (PyTupleObject *)*pv, *sv;
    Py_ssize_t oldsize;
    if (v == NULL || !Py_IS_TYPE(v, &PyTuple_Type) || (Py_SIZE(v) != 0 && Py_REFCNT(v) != 1) ||
        newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    oldsize = Py_SIZE(v);
    if (oldsize == newsize)
        return 0;
    if (newsize == 0) {
        Py_DECREF(v);
        *pv = tuple_get_empty();
        return *pv ? 0 : -1;
    }
    if (oldsize == 0) { /* the singleton is shared: make a new one */
        Py_DECREF(v);
        *pv = PyTuple_New(newsize);
        return *pv ? 0 : -1;
    }
    if (PyObject_GC_IsTracked(*pv))
        PyObject_GC_UnTrack(v);
    for (Py_ssize_t i = newsize; i < oldsize; i++)
        Py_CLEAR(v->ob_item[i]);
    sv = PyObject_GC_Resize(PyTupleObject, v, newsize);
    if (sv == NULL) {
        *pv = NULL;
        PyObject_GC_Del(v);
        return -1;
    }
    if (newsize > oldsize)
        memset(&sv->ob_item[oldsize], 0, sizeof(PyObject *) * (size_t)(newsize - oldsize));
    *pv = (PyObject *)sv;
    PyObject_GC_Track(sv);
    return 0;
}

void _PyTuple_Fini(void)
{
    for (int i = 1; i < PyTuple_MAXSAVESIZE; i++) {
        PyTupleObject *p = free_list[i];
        free_list[i] = NULL;
        numfree[i] = 0;
        while (p) {
            PyTupleObject *q = p;
            p = (PyTupleObject *)p->ob_item[0];
            PyObject_GC_Del(q);
        }
    }
}

/* ---- slots ---- */

static void tupledealloc(PyTupleObject *op)
{
    Py_ssize_t len = Py_SIZE(op);
    if (len == 0 && (PyObject *)op == empty_tuple) {
        Py_SET_REFCNT(op, 1); /* the singleton is immortal */
        return;
    }
    _PyObject_GC_UNTRACK(op);
    Py_TRASHCAN_BEGIN(op, tupledealloc)
    for (Py_ssize_t i = len; --i >= 0;)
        Py_XDECREF(op->ob_item[i]);
    if (len > 0 && len < PyTuple_MAXSAVESIZE && numfree[len] < PyTuple_MAXFREELIST &&
        Py_IS_TYPE(op, &PyTuple_Type)) {
        op->ob_item[0] = (PyObject *)free_list[len];
        numfree[len]++;
        free_list[len] = op;
    } else {
        Py_TYPE(op)->tp_free((PyObject *)op);
    }
    Py_TRASHCAN_END
}

static PyObject *tuplerepr(PyTupleObject *v)
{
    Py_ssize_t n = Py_SIZE(v);
    PyObject *pieces = NULL, *sep = NULL, *body = NULL, *result = NULL;
    int status;
    if (n == 0)
        return PyUnicode_FromString("()");
    status = Py_ReprEnter((PyObject *)v);
    if (status != 0)
        return status > 0 ? PyUnicode_FromString("(...)") : NULL;
    pieces = PyList_New(0);
    if (pieces == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *s;
        if (Py_EnterRecursiveCall(" while getting the repr of an object"))
            goto done;
        s = PyObject_Repr(v->ob_item[i]);
        Py_LeaveRecursiveCall();
        if (s == NULL)
            goto done;
        if (PyList_Append(pieces, s) < 0) {
            Py_DECREF(s);
            goto done;
        }
        Py_DECREF(s);
    }
    sep = PyUnicode_FromString(", ");
    if (sep == NULL)
        goto done;
    body = PyUnicode_Join(sep, pieces);
    if (body == NULL)
        goto done;
    result = PyUnicode_FromFormat(n == 1 ? "(%U,)" : "(%U)", body);
done:
    Py_XDECREF(pieces);
    Py_XDECREF(sep);
    Py_XDECREF(body);
    Py_ReprLeave((PyObject *)v);
    return result;
}

/* Hash as CPython 3.8+: a simplified xxHash (XXH64 round) over the items' hashes. */
#define XXPRIME_1 ((Py_uhash_t)11400714785074694791ULL)
#define XXPRIME_2 ((Py_uhash_t)14029467366897019727ULL)
#define XXPRIME_5 ((Py_uhash_t)2870177450012600261ULL)
#define XXROTATE(x) ((x << 31) | (x >> 33))

static Py_hash_t tuplehash(PyTupleObject *v)
{
    Py_ssize_t len = Py_SIZE(v);
    Py_uhash_t acc = XXPRIME_5;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_uhash_t lane = (Py_uhash_t)PyObject_Hash(v->ob_item[i]);
        if (lane == (Py_uhash_t)-1)
            return -1;
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (Py_uhash_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (Py_uhash_t)-1)
        return 1546275796;
    return (Py_hash_t)acc;
}

static Py_ssize_t tuplelength(PyTupleObject *a) { return Py_SIZE(a); }

static int tuplecontains(PyTupleObject *a, PyObject *el)
{
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); ++i)
        cmp = PyObject_RichCompareBool(a->ob_item[i], el, Py_EQ);
    return cmp;
}

static PyObject *tupleitem(PyTupleObject *a, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(a->ob_item[i]);
}

static PyObject *tupleconcat(PyTupleObject *a, PyObject *bb)
{
    PyTupleObject *b, *np;
    Py_ssize_t size;
    if (Py_SIZE(a) == 0 && PyTuple_CheckExact(bb))
        return Py_NewRef(bb);
    if (!PyTuple_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate tuple (not \"%.200s\") to tuple",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    b = (PyTupleObject *)bb;
    if (Py_SIZE(b) == 0 && PyTuple_CheckExact(a))
        return Py_NewRef(a);
    size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0)
        return tuple_get_empty();
    np = tuple_alloc(size);
    if (np == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < Py_SIZE(a); i++)
        np->ob_item[i] = Py_NewRef(a->ob_item[i]);
    for (Py_ssize_t i = 0; i < Py_SIZE(b); i++)
        np->ob_item[i + Py_SIZE(a)] = Py_NewRef(b->ob_item[i]);
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *tuplerepeat(PyTupleObject *a, Py_ssize_t n)
{
    Py_ssize_t input_size = Py_SIZE(a), size;
    PyTupleObject *np;
    PyObject **dest;
    if (input_size == 0 || n == 1) {
        if (PyTuple_CheckExact(a))
            return Py_NewRef(a);
    }
    if (input_size == 0 || n <= 0)
        return tuple_get_empty();
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    size = input_size * n;
    np = tuple_alloc(size);
    if (np == NULL)
        return NULL;
    dest = np->ob_item;
    for (Py_ssize_t k = 0; k < n; k++)
        for (Py_ssize_t i = 0; i < input_size; i++)
            *dest++ = Py_NewRef(a->ob_item[i]);
    PyObject_GC_Track(np);
    return (PyObject *)np;
}

static PyObject *tuplesubscript(PyTupleObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return tupleitem(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step, slicelength;
        PyTupleObject *result;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (slicelength <= 0)
            return tuple_get_empty();
        if (start == 0 && step == 1 && slicelength == Py_SIZE(self) && PyTuple_CheckExact(self))
            return Py_NewRef(self);
        result = tuple_alloc(slicelength);
        if (result == NULL)
            return NULL;
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur = (Py_ssize_t)((size_t)cur + (size_t)step), i++)
            result->ob_item[i] = Py_NewRef(self->ob_item[cur]);
        PyObject_GC_Track(result);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "tuple indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *tuplerichcompare(PyObject *v, PyObject *w, int op)
{
    PyTupleObject *vt, *wt;
    Py_ssize_t i, vlen, wlen;
    if (!PyTuple_Check(v) || !PyTuple_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    vt = (PyTupleObject *)v;
    wt = (PyTupleObject *)w;
    vlen = Py_SIZE(vt);
    wlen = Py_SIZE(wt);
    /* Find the first index where the items differ (identity implies equality). */
    for (i = 0; i < vlen && i < wlen; i++) {
        int k;
        if (vt->ob_item[i] == wt->ob_item[i])
            continue;
        k = PyObject_RichCompareBool(vt->ob_item[i], wt->ob_item[i], Py_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        Py_RETURN_RICHCOMPARE(vlen, wlen, op);
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    return PyObject_RichCompare(vt->ob_item[i], wt->ob_item[i], op);
}

static int tupletraverse(PyTupleObject *o, visitproc visit, void *arg)
{
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;)
        Py_VISIT(o->ob_item[i]);
    return 0;
}

/* ---- construction from Python ---- */

static PyObject *tuple_subtype_new(PyTypeObject *type, PyObject *iterable)
{
    PyObject *tmp, *newobj;
    Py_ssize_t n;
    tmp = iterable == NULL ? PyTuple_New(0) : PySequence_Tuple(iterable);
    if (tmp == NULL)
        return NULL;
    n = PyTuple_GET_SIZE(tmp);
    newobj = type->tp_alloc(type, n);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(newobj, i, Py_NewRef(PyTuple_GET_ITEM(tmp, i)));
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *tuple_new_impl(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PyTuple_Type)
        return tuple_subtype_new(type, iterable);
    if (iterable == NULL)
        return tuple_get_empty();
    return PySequence_Tuple(iterable);
}

static PyObject *tuple_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *iterable = NULL;
    if ((type == &PyTuple_Type || type->tp_init == PyTuple_Type.tp_init) &&
        !_PyArg_NoKeywords("tuple", kwargs))
        return NULL;
    if (!PyArg_UnpackTuple(args, "tuple", 0, 1, &iterable))
        return NULL;
    return tuple_new_impl(type, iterable);
}

static PyObject *tuple_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("tuple", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("tuple", nargs, 0, 1))
        return NULL;
    return tuple_new_impl((PyTypeObject *)type, nargs ? args[0] : NULL);
}

/* ---- methods ---- */

static PyObject *tuple_index(PyTupleObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs >= 2 && !_PyEval_SliceIndexNotNone(args[1], &start))
        return NULL;
    if (nargs >= 3 && !_PyEval_SliceIndexNotNone(args[2], &stop))
        return NULL;
    if (start < 0) {
        start += Py_SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += Py_SIZE(self);
    else if (stop > Py_SIZE(self))
        stop = Py_SIZE(self);
    for (Py_ssize_t i = start; i < stop; i++) {
        int cmp = PyObject_RichCompareBool(self->ob_item[i], args[0], Py_EQ);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static PyObject *tuple_count(PyTupleObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        int cmp = PyObject_RichCompareBool(self->ob_item[i], value, Py_EQ);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *tuple_getnewargs(PyTupleObject *v, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = PyTuple_GetSlice((PyObject *)v, 0, Py_SIZE(v));
    PyObject *res;
    if (copy == NULL)
        return NULL;
    res = PyTuple_Pack(1, copy);
    Py_DECREF(copy);
    return res;
}

static PyObject *tuple_sizeof(PyTupleObject *self, PyObject *Py_UNUSED(ignored))
{
    /* CPython counts the header and items, not the GC head. */
    return PyLong_FromSsize_t((Py_ssize_t)(sizeof(PyTupleObject) - sizeof(PyObject *)) +
                              Py_SIZE(self) * (Py_ssize_t)sizeof(PyObject *));
}

static PyMethodDef tuple_methods[] = {
    {"__getnewargs__", (PyCFunction)tuple_getnewargs, METH_NOARGS, DOC_tuple___getnewargs__},
    {"__sizeof__", (PyCFunction)tuple_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\n"
     "Size of object in memory, in bytes."},
    {"index", (PyCFunction)(void (*)(void))tuple_index, METH_FASTCALL, DOC_tuple_index},
    {"count", (PyCFunction)tuple_count, METH_O, DOC_tuple_count},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_tuple___class_getitem__},
    {NULL, NULL, 0, NULL}};

static PySequenceMethods tuple_as_sequence = {
    .sq_length = (lenfunc)tuplelength,
    .sq_concat = (binaryfunc)tupleconcat,
    .sq_repeat = (ssizeargfunc)tuplerepeat,
    .sq_item = (ssizeargfunc)tupleitem,
    .sq_contains = (objobjproc)tuplecontains,
};

static PyMappingMethods tuple_as_mapping = {
    .mp_length = (lenfunc)tuplelength,
    .mp_subscript = (binaryfunc)tuplesubscript,
};

static PyObject *tuple_iter(PyObject *seq);

PyTypeObject PyTuple_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple",
    .tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)tupledealloc,
    .tp_repr = (reprfunc)tuplerepr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = (hashfunc)tuplehash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TUPLE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = TYPEDOC_tuple,
    .tp_traverse = (traverseproc)tupletraverse,
    .tp_richcompare = tuplerichcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuple_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = tuple_vectorcall,
};

/* ---- iterator ---- */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyTupleObject *it_seq; /* NULL when exhausted */
} tupleiterobject;

static void tupleiter_dealloc(tupleiterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int tupleiter_traverse(tupleiterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_seq);
    return 0;
}

static PyObject *tupleiter_next(tupleiterobject *it)
{
    PyTupleObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return Py_NewRef(seq->ob_item[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *tupleiter_len(tupleiterobject *it, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = 0;
    if (it->it_seq)
        len = Py_SIZE(it->it_seq) - it->it_index;
    return PyLong_FromSsize_t(len);
}

static PyObject *tupleiter_setstate(tupleiterobject *it, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > Py_SIZE(it->it_seq))
            index = Py_SIZE(it->it_seq);
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

/* (iter, (tuple,), index), or (iter, ((),)) once exhausted. */
static PyObject *tupleiter_reduce(tupleiterobject *it, PyObject *Py_UNUSED(ignored))
{
    PyObject *iter = _PyEval_GetBuiltinId("iter");
    if (iter == NULL)
        return NULL;
    if (it->it_seq)
        return Py_BuildValue("N(O)n", iter, (PyObject *)it->it_seq, it->it_index);
    return Py_BuildValue("N(())", iter);
}

static PyMethodDef tupleiter_methods[] = {
    {"__length_hint__", (PyCFunction)tupleiter_len, METH_NOARGS, DOC_tuple_iterator___length_hint__},
    {"__reduce__", (PyCFunction)tupleiter_reduce, METH_NOARGS, DOC_tuple_iterator___reduce__},
    {"__setstate__", (PyCFunction)tupleiter_setstate, METH_O, DOC_tuple_iterator___setstate__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyTupleIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(tupleiterobject),
    .tp_dealloc = (destructor)tupleiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)tupleiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)tupleiter_next,
    .tp_methods = tupleiter_methods,
};

static PyObject *tuple_iter(PyObject *seq)
{
    tupleiterobject *it;
    if (!PyTuple_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    it = PyObject_GC_New(tupleiterobject, &PyTupleIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = (PyTupleObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}
