/* listobject.c — the list type: over-allocated item array (CPython's growth pattern),
 * slice assignment, CPython 3.11's timsort (powersort merge policy, galloping merges,
 * same comparisons in the same order), methods, repr, comparisons, iterators.
 * Leaves slice parsing to sliceobject.c and argument-count errors to getargs.c. */
#include "Python.h"
#include "pycore_gc.h"
/* Item arrays and sort/slice temporaries come from the small-object pools (PyObject_*):
 * only touched with the GIL held, and glibc malloc was ~5 % of list-heavy code.  OBJ_NEW
 * is PyMem_New's overflow-checked twin. */
#define OBJ_NEW(type, n) ((size_t)(n) > (size_t)PY_SSIZE_T_MAX / sizeof(type) ? NULL : \
                          (type *)PyObject_Malloc((size_t)(n) * sizeof(type)))
#include "type_docs.h"

/* tracemalloc: an object reused from a free list gets the traceback of its reuse
 * (CPython's _Py_NewReference does this); kept out of the headers. */
extern int _PyTraceMalloc_active;                 /* obmalloc.c: 1 while tracing */
void _PyTraceMalloc_NewReference(PyObject *op);   /* src/modules/_tracemalloc.c */

#define PyList_MAXFREELIST 80

static PyListObject *free_list[PyList_MAXFREELIST];
static int numfree;

/* ---- storage ---- */

/* Make room for newsize items with CPython's over-allocation (~1/8 + 6, multiple of 4).
 * Items beyond the old size are left uninitialised; the caller fills them. */
static int list_resize(PyListObject *self, Py_ssize_t newsize)
{
    PyObject **items;
    size_t new_allocated, num_allocated_bytes;
    Py_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    new_allocated = ((size_t)newsize + (newsize >> 3) + 6) & ~(size_t)3;
    /* Don't over-allocate when a big jump would leave a lot unused. */
    if (newsize - Py_SIZE(self) > (Py_ssize_t)(new_allocated - newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated <= (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
        num_allocated_bytes = new_allocated * sizeof(PyObject *);
        items = (PyObject **)PyObject_Realloc(self->ob_item, num_allocated_bytes ? num_allocated_bytes : 1);
    } else {
        items = NULL;
    }
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    Py_SET_SIZE(self, newsize);
    self->allocated = (Py_ssize_t)new_allocated;
    return 0;
}

/* An empty list with room for exactly `size` items (size ob_size stays 0). */
static PyObject *list_new_prealloc(Py_ssize_t size)
{
    PyListObject *op = (PyListObject *)PyList_New(0);
    if (op == NULL || size == 0)
        return (PyObject *)op;
    op->ob_item = OBJ_NEW(PyObject *, size);
    if (op->ob_item == NULL) {
        Py_DECREF(op);
        return PyErr_NoMemory();
    }
    op->allocated = size;
    return (PyObject *)op;
}

PyObject *PyList_New(Py_ssize_t size)
{
    PyListObject *op;
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (numfree) {
        op = free_list[--numfree];
        Py_SET_REFCNT(op, 1);
        if (_PyTraceMalloc_active)
            _PyTraceMalloc_NewReference((PyObject *)op);
    } else {
        op = PyObject_GC_New(PyListObject, &PyList_Type);
        if (op == NULL)
            return NULL;
    }
    if (size <= 0) {
        op->ob_item = NULL;
    } else {
        if ((size_t)size > (size_t)PY_SSIZE_T_MAX / sizeof(PyObject *)) {
            Py_SET_SIZE(op, 0);
            op->ob_item = NULL;
            op->allocated = 0;
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
        op->ob_item = (PyObject **)PyObject_Calloc((size_t)size, sizeof(PyObject *));
        if (op->ob_item == NULL) {
            Py_SET_SIZE(op, 0);
            op->allocated = 0;
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
    }
    Py_SET_SIZE(op, size);
    op->allocated = size;
    _PyObject_GC_TrackInline(op);
    return (PyObject *)op;
}

void _PyList_Fini(void)
{
    while (numfree) {
        PyListObject *op = free_list[--numfree];
        PyObject_GC_Del(op);
    }
}

/* ---- C API ---- */

Py_ssize_t PyList_Size(PyObject *op)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

static inline int valid_index(Py_ssize_t i, Py_ssize_t limit)
{
    return (size_t)i < (size_t)limit; /* one compare catches i < 0 too */
}

PyObject *PyList_GetItem(PyObject *op, Py_ssize_t i)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!valid_index(i, Py_SIZE(op))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((PyListObject *)op)->ob_item[i];
}

int PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *newitem)
{
    PyObject *old;
    if (!PyList_Check(op)) {
        Py_XDECREF(newitem);
        PyErr_BadInternalCall();
        return -1;
    }
    if (!valid_index(i, Py_SIZE(op))) {
        Py_XDECREF(newitem);
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    old = ((PyListObject *)op)->ob_item[i];
    ((PyListObject *)op)->ob_item[i] = newitem;
    Py_XDECREF(old);
    return 0;
}

static int ins1(PyListObject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    PyObject **items;
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (list_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    items = self->ob_item;
    memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(PyObject *));
    items[where] = Py_NewRef(v);
    return 0;
}

int PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *newitem)
{
    if (!PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ins1((PyListObject *)op, where, newitem);
}

int _PyList_AppendTakeRefListResize(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t len = Py_SIZE(self);
    if (list_resize(self, len + 1) < 0) {
        Py_DECREF(newitem);
        return -1;
    }
    self->ob_item[len] = newitem;
    return 0;
}

int PyList_Append(PyObject *op, PyObject *newitem)
{
    if (PyList_Check(op) && newitem != NULL)
        return _PyList_AppendTakeRef((PyListObject *)op, Py_NewRef(newitem));
    PyErr_BadInternalCall();
    return -1;
}

static PyObject *list_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    Py_ssize_t len = ihigh - ilow;
    PyListObject *np;
    if (len <= 0)
        return PyList_New(0);
    np = (PyListObject *)list_new_prealloc(len);
    if (np == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < len; i++)
        np->ob_item[i] = Py_NewRef(a->ob_item[ilow + i]);
    Py_SET_SIZE(np, len);
    return (PyObject *)np;
}

PyObject *PyList_GetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    return list_slice((PyListObject *)a, ilow, ihigh);
}

static int list_clear(PyListObject *a)
{
    PyObject **items = a->ob_item;
    Py_ssize_t i;
    if (items == NULL)
        return 0;
    /* Detach first: a decref below may run code that looks at the list. */
    i = Py_SIZE(a);
    Py_SET_SIZE(a, 0);
    a->ob_item = NULL;
    a->allocated = 0;
    while (--i >= 0)
        Py_XDECREF(items[i]);
    PyObject_Free(items);
    return 0;
}

/* a[ilow:ihigh] = v (v NULL deletes).  v may be any iterable, even a itself. */
static int list_ass_slice(PyListObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    PyObject *recycle_on_stack[8];
    PyObject **recycle = recycle_on_stack, **item, **vitem = NULL;
    PyObject *v_as_SF = NULL;
    Py_ssize_t n, norig, d, k;
    size_t s;
    int result = -1;
    if (v == NULL) {
        n = 0;
    } else {
        if (a == (PyListObject *)v) {
            v = list_slice((PyListObject *)v, 0, Py_SIZE(v));
            if (v == NULL)
                return result;
            result = list_ass_slice(a, ilow, ihigh, v);
            Py_DECREF(v);
            return result;
        }
        v_as_SF = PySequence_Fast(v, "can only assign an iterable");
        if (v_as_SF == NULL)
            goto Error;
        n = PySequence_Fast_GET_SIZE(v_as_SF);
        vitem = PySequence_Fast_ITEMS(v_as_SF);
    }
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    norig = ihigh - ilow;
    d = n - norig;
    if (Py_SIZE(a) + d == 0) {
        Py_XDECREF(v_as_SF);
        return list_clear(a);
    }
    item = a->ob_item;
    /* Keep the replaced items alive until the list is consistent again. */
    s = (size_t)norig * sizeof(PyObject *);
    if (s) {
        if (s > sizeof(recycle_on_stack)) {
            recycle = (PyObject **)PyObject_Malloc(s);
            if (recycle == NULL) {
                PyErr_NoMemory();
                goto Error;
            }
        }
        memcpy(recycle, &item[ilow], s);
    }
    if (d < 0) { /* shrink */
        Py_ssize_t tail = (Py_SIZE(a) - ihigh) * (Py_ssize_t)sizeof(PyObject *);
        memmove(&item[ihigh + d], &item[ihigh], (size_t)tail);
        if (list_resize(a, Py_SIZE(a) + d) < 0) {
            memmove(&item[ihigh], &item[ihigh + d], (size_t)tail);
            memcpy(&item[ilow], recycle, s);
            goto Error;
        }
        item = a->ob_item;
    } else if (d > 0) { /* grow */
        k = Py_SIZE(a);
        if (list_resize(a, k + d) < 0)
            goto Error;
        item = a->ob_item;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(k - ihigh) * sizeof(PyObject *));
    }
    for (k = 0; k < n; k++, ilow++)
        item[ilow] = Py_NewRef(vitem[k]);
    for (k = norig - 1; k >= 0; --k)
        Py_XDECREF(recycle[k]);
    result = 0;
Error:
    if (recycle != recycle_on_stack)
        PyObject_Free(recycle);
    Py_XDECREF(v_as_SF);
    return result;
}

int PyList_SetSlice(PyObject *a, Py_ssize_t ilow, Py_ssize_t ihigh, PyObject *v)
{
    if (!PyList_Check(a)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_ass_slice((PyListObject *)a, ilow, ihigh, v);
}

static void reverse_slice(PyObject **lo, PyObject **hi)
{
    --hi;
    while (lo < hi) {
        PyObject *t = *lo;
        *lo = *hi;
        *hi = t;
        ++lo;
        --hi;
    }
}

int PyList_Reverse(PyObject *v)
{
    PyListObject *self = (PyListObject *)v;
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(self) > 1)
        reverse_slice(self->ob_item, self->ob_item + Py_SIZE(self));
    return 0;
}

PyObject *PyList_AsTuple(PyObject *v)
{
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return _PyTuple_FromArray(((PyListObject *)v)->ob_item, Py_SIZE(v));
}

/* ---- extend ---- */

/* First allocation of a known size: exact, rounded up to even (as CPython 3.11, which
 * sys.getsizeof shows). */
static int list_preallocate_exact(PyListObject *self, Py_ssize_t size)
{
    PyObject **items;
    size = (size + 1) & ~(Py_ssize_t)1;
    items = OBJ_NEW(PyObject *, size);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    self->allocated = size;
    return 0;
}

static int list_extend_internal(PyListObject *self, PyObject *iterable)
{
    PyObject *it, *(*iternext)(PyObject *);
    Py_ssize_t n, m, i;
    if (PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable) ||
        (PyObject *)self == iterable) {
        PyObject **src, **dest;
        iterable = PySequence_Fast(iterable, "argument must be iterable");
        if (!iterable)
            return -1;
        n = PySequence_Fast_GET_SIZE(iterable);
        if (n == 0) {
            Py_DECREF(iterable);
            return 0;
        }
        m = Py_SIZE(self);
        if (self->ob_item == NULL) {
            if (list_preallocate_exact(self, n) < 0) {
                Py_DECREF(iterable);
                return -1;
            }
            Py_SET_SIZE(self, n);
        } else if (list_resize(self, m + n) < 0) {
            Py_DECREF(iterable);
            return -1;
        }
        src = PySequence_Fast_ITEMS(iterable);
        dest = self->ob_item + m;
        for (i = 0; i < n; i++)
            dest[i] = Py_NewRef(src[i]);
        Py_DECREF(iterable);
        return 0;
    }
    it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    iternext = *Py_TYPE(it)->tp_iternext;
    n = PyObject_LengthHint(iterable, 8);
    if (n < 0) {
        Py_DECREF(it);
        return -1;
    }
    m = Py_SIZE(self);
    if (m > PY_SSIZE_T_MAX - n) {
        /* The hint is only a hint: ignore an absurd one. */
    } else if (self->ob_item == NULL) {
        if (n > 0 && list_preallocate_exact(self, n) < 0) {
            Py_DECREF(it);
            return -1;
        }
    } else if (n > 0) {
        if (list_resize(self, m + n) < 0) {
            Py_DECREF(it);
            return -1;
        }
        Py_SET_SIZE(self, m); /* capacity reserved; size restored */
    }
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_StopIteration))
                    PyErr_Clear();
                else
                    goto error;
            }
            break;
        }
        if (Py_SIZE(self) < self->allocated) {
            PyList_SET_ITEM(self, Py_SIZE(self), item);
            Py_SET_SIZE(self, Py_SIZE(self) + 1);
        } else if (_PyList_AppendTakeRef(self, item) < 0) {
            goto error;
        }
    }
    /* Trim a hint that over-promised. */
    if (Py_SIZE(self) < self->allocated && list_resize(self, Py_SIZE(self)) < 0)
        goto error;
    Py_DECREF(it);
    return 0;
error:
    Py_DECREF(it);
    return -1;
}

PyObject *_PyList_Extend(PyListObject *self, PyObject *iterable)
{
    if (list_extend_internal(self, iterable) < 0)
        return NULL;
    Py_RETURN_NONE;
}

int PyList_Extend(PyObject *list, PyObject *iterable)
{
    if (!PyList_Check(list)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return list_extend_internal((PyListObject *)list, iterable);
}

/* ---- sorting: CPython 3.11's timsort ----
 * Runs found by count_run, short runs extended by binary insertion to minrun, runs merged
 * under the powersort policy, merges done by merge_lo/merge_hi with galloping.  Every
 * comparison is made in the same order as CPython's, which a key function or an __lt__
 * that prints makes observable, so the algorithm is followed step for step. */

/* Keys and values travel together: keys[] is what is compared, values[] (if not NULL)
 * is permuted alongside. */
typedef struct {
    PyObject **keys;
    PyObject **values;
} sortslice;

typedef struct {
    sortslice base;
    Py_ssize_t len;
    int power;   /* powersort node power of the boundary between this run and the next */
} run;

#define MAX_MERGE_PENDING 85
#define MIN_GALLOP 7
#define MERGESTATE_TEMP_SIZE 256

typedef struct s_MergeState MergeState;

/* The "<" used by the sort: PyObject_RichCompareBool in general, or a specialisation
 * chosen by a pre-scan of the keys (see choose_key_compare). */
typedef int (*sort_compare)(PyObject *, PyObject *, MergeState *);

struct s_MergeState {
    Py_ssize_t min_gallop;  /* adapts: lower when galloping pays off */
    sortslice a;            /* merge scratch space: temparray or heap */
    Py_ssize_t alloced;
    int n;                  /* runs pending */
    run pending[MAX_MERGE_PENDING];
    PyObject *temparray[MERGESTATE_TEMP_SIZE];
    Py_ssize_t listlen;     /* for powerloop: total length and first key */
    PyObject **basekeys;
    sort_compare key_compare;        /* compares two keys */
    richcmpfunc key_richcompare;     /* for unsafe_object_compare: the keys' type's slot */
    sort_compare tuple_elem_compare; /* for unsafe_tuple_compare: compares items [0] */
};

/* 1 if x < y, 0 if not, -1 on error. */
#define ISLT(X, Y) (*ms->key_compare)(X, Y, ms)

/* ---- key comparisons ----
 * Before sorting, the keys are scanned once (choose_key_compare); when they all have the
 * same type, "<" skips PyObject_RichCompareBool's type dispatch, the reflected-operand
 * check and the recursion guard, as CPython 3.11 does.  Only the cost changes: each
 * specialisation gives the answer the generic comparison would. */

static int safe_object_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    return PyObject_RichCompareBool(v, w, Py_LT);
}

/* Keys of one type with a tp_richcompare slot: call the slot directly; NotImplemented (or
 * a type whose slot was replaced mid-sort) falls back to the generic path. */
static int unsafe_object_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    PyObject *res_obj;
    int res;
    if (Py_TYPE(v)->tp_richcompare != ms->key_richcompare)
        return PyObject_RichCompareBool(v, w, Py_LT);
    res_obj = (*ms->key_richcompare)(v, w, Py_LT);
    if (res_obj == Py_NotImplemented) {
        Py_DECREF(res_obj);
        return PyObject_RichCompareBool(v, w, Py_LT);
    }
    if (res_obj == NULL)
        return -1;
    if (PyBool_Check(res_obj))
        res = res_obj == Py_True;
    else
        res = PyObject_IsTrue(res_obj);
    Py_DECREF(res_obj);
    return res;
}

/* str keys that are all 1-byte kind: bytewise comparison is code point order. */
static int unsafe_latin_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    Py_ssize_t len1 = PyUnicode_GET_LENGTH(v), len2 = PyUnicode_GET_LENGTH(w);
    int res = memcmp(PyUnicode_DATA(v), PyUnicode_DATA(w),
                     (size_t)(len1 < len2 ? len1 : len2));
    return res != 0 ? res < 0 : len1 < len2;
}

/* int keys that all fit in a machine word. */
static int unsafe_long_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    return _PyLong_CompactValue((PyLongObject *)v) < _PyLong_CompactValue((PyLongObject *)w);
}

static int unsafe_float_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    return PyFloat_AS_DOUBLE(v) < PyFloat_AS_DOUBLE(w);
}

/* Tuple items equal?  Exact ints, floats and strs answer without the generic dispatch
 * (their == has no side effects); anything else goes through PyObject_RichCompareBool. */
static inline int tuple_items_eq(PyObject *a, PyObject *b)
{
    PyTypeObject *t = Py_TYPE(a);
    if (a == b)
        return 1;
    if (t == Py_TYPE(b)) {
        if (t == &PyLong_Type && _PyLong_IsCompact((PyLongObject *)a) &&
            _PyLong_IsCompact((PyLongObject *)b))
            return _PyLong_CompactValue((PyLongObject *)a) ==
                   _PyLong_CompactValue((PyLongObject *)b);
        if (t == &PyFloat_Type)
            return PyFloat_AS_DOUBLE(a) == PyFloat_AS_DOUBLE(b);
        if (t == &PyUnicode_Type)
            return _PyUnicode_Equal(a, b);
    }
    return PyObject_RichCompareBool(a, b, Py_EQ);
}

/* Tuple items a < b, with the same shortcuts as tuple_items_eq. */
static inline int tuple_items_lt(PyObject *a, PyObject *b)
{
    PyTypeObject *t = Py_TYPE(a);
    if (t == Py_TYPE(b)) {
        if (t == &PyLong_Type && _PyLong_IsCompact((PyLongObject *)a) &&
            _PyLong_IsCompact((PyLongObject *)b))
            return _PyLong_CompactValue((PyLongObject *)a) <
                   _PyLong_CompactValue((PyLongObject *)b);
        if (t == &PyFloat_Type)
            return PyFloat_AS_DOUBLE(a) < PyFloat_AS_DOUBLE(b);
    }
    return PyObject_RichCompareBool(a, b, Py_LT);
}

/* Non-empty tuple keys: the first differing item decides, as in tuple's own "<"; item
 * [0] is compared with tuple_elem_compare (specialised when all items [0] share a type). */
static int unsafe_tuple_compare(PyObject *v, PyObject *w, MergeState *ms)
{
    PyObject **vi = ((PyTupleObject *)v)->ob_item, **wi = ((PyTupleObject *)w)->ob_item;
    Py_ssize_t vlen = Py_SIZE(v), wlen = Py_SIZE(w), i;
    int k;
    for (i = 0; i < vlen && i < wlen; i++) {
        k = tuple_items_eq(vi[i], wi[i]);
        if (k < 0)
            return -1;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen)
        return vlen < wlen;
    if (i == 0)
        return (*ms->tuple_elem_compare)(vi[0], wi[0], ms);
    return tuple_items_lt(vi[i], wi[i]);
}

/* Pick ms->key_compare from one pass over keys[0:n) (n >= 2): the same type throughout
 * (looking at items [0] when every key is a non-empty tuple), and for str and int whether
 * the cheap representation holds for all of them. */
static void choose_key_compare(MergeState *ms, PyObject **keys, Py_ssize_t n)
{
    int in_tuples = PyTuple_CheckExact(keys[0]) && Py_SIZE(keys[0]) > 0;
    PyTypeObject *key_type = Py_TYPE(in_tuples ? PyTuple_GET_ITEM(keys[0], 0) : keys[0]);
    int same_type = 1, latin = 1, compact = 1;
    Py_ssize_t i;
    for (i = 0; i < n; i++) {
        PyObject *key = keys[i];
        if (in_tuples) {
            if (!PyTuple_CheckExact(key) || Py_SIZE(key) == 0) {
                in_tuples = 0;
                same_type = 0;
                break;
            }
            key = PyTuple_GET_ITEM(key, 0);
        }
        if (Py_TYPE(key) != key_type) {
            same_type = 0;
            if (!in_tuples)
                break;
        }
        if (same_type) {
            if (key_type == &PyLong_Type)
                compact &= _PyLong_IsCompact((PyLongObject *)key);
            else if (key_type == &PyUnicode_Type)
                latin &= PyUnicode_KIND(key) == PyUnicode_1BYTE_KIND;
        }
    }
    ms->key_compare = safe_object_compare;
    if (same_type) {
        if (key_type == &PyUnicode_Type && latin)
            ms->key_compare = unsafe_latin_compare;
        else if (key_type == &PyLong_Type && compact)
            ms->key_compare = unsafe_long_compare;
        else if (key_type == &PyFloat_Type)
            ms->key_compare = unsafe_float_compare;
        else if ((ms->key_richcompare = key_type->tp_richcompare) != NULL)
            ms->key_compare = unsafe_object_compare;
    }
    if (in_tuples) {
        ms->tuple_elem_compare = key_type == &PyTuple_Type ? safe_object_compare
                                                           : ms->key_compare;
        ms->key_compare = unsafe_tuple_compare;
    }
}

static inline void ss_advance(sortslice *s, Py_ssize_t n)
{
    s->keys += n;
    if (s->values != NULL)
        s->values += n;
}

static inline void ss_copy(sortslice *d, Py_ssize_t i, sortslice *s, Py_ssize_t j)
{
    d->keys[i] = s->keys[j];
    if (d->values != NULL)
        d->values[i] = s->values[j];
}

/* *d++ = *s++ and *d-- = *s-- */
static inline void ss_copy_incr(sortslice *d, sortslice *s)
{
    ss_copy(d, 0, s, 0);
    ss_advance(d, 1);
    ss_advance(s, 1);
}

static inline void ss_copy_decr(sortslice *d, sortslice *s)
{
    ss_copy(d, 0, s, 0);
    ss_advance(d, -1);
    ss_advance(s, -1);
}

static inline void ss_memcpy(sortslice *d, Py_ssize_t i, sortslice *s, Py_ssize_t j,
                             Py_ssize_t n)
{
    memcpy(&d->keys[i], &s->keys[j], sizeof(PyObject *) * (size_t)n);
    if (d->values != NULL)
        memcpy(&d->values[i], &s->values[j], sizeof(PyObject *) * (size_t)n);
}

static inline void ss_memmove(sortslice *d, Py_ssize_t i, sortslice *s, Py_ssize_t j,
                              Py_ssize_t n)
{
    memmove(&d->keys[i], &s->keys[j], sizeof(PyObject *) * (size_t)n);
    if (d->values != NULL)
        memmove(&d->values[i], &s->values[j], sizeof(PyObject *) * (size_t)n);
}

static void ss_reverse(sortslice *s, Py_ssize_t n)
{
    reverse_slice(s->keys, s->keys + n);
    if (s->values != NULL)
        reverse_slice(s->values, s->values + n);
}

/* Binary insertion sort of lo[0:hi) where lo[0:start) is already sorted. */
static int binarysort(MergeState *ms, sortslice lo, Py_ssize_t hi, Py_ssize_t start)
{
    if (start == 0)
        ++start;
    for (; start < hi; ++start) {
        Py_ssize_t l = 0, r = start, p;
        PyObject *pivot = lo.keys[start], *pv = lo.values ? lo.values[start] : NULL;
        do { /* invariant: lo[0:l] <= pivot < lo[r:start] */
            Py_ssize_t m = l + ((r - l) >> 1);
            int k = ISLT(pivot, lo.keys[m]);
            if (k < 0)
                return -1;
            if (k)
                r = m;
            else
                l = m + 1;
        } while (l < r);
        for (p = start; p > l; --p) {
            lo.keys[p] = lo.keys[p - 1];
            if (pv)
                lo.values[p] = lo.values[p - 1];
        }
        lo.keys[l] = pivot;
        if (pv)
            lo.values[l] = pv;
    }
    return 0;
}

/* Length of the run at keys[0:n): non-descending, or strictly descending (*descending
 * set; the caller reverses it, which keeps the sort stable). */
static Py_ssize_t count_run(MergeState *ms, PyObject **keys, Py_ssize_t n,
                            int *descending)
{
    Py_ssize_t i = 1;
    int k;
    *descending = 0;
    if (n == 1)
        return 1;
    k = ISLT(keys[1], keys[0]);
    if (k < 0)
        return -1;
    if (k) {
        *descending = 1;
        for (i = 2; i < n; i++) {
            k = ISLT(keys[i], keys[i - 1]);
            if (k < 0)
                return -1;
            if (!k)
                break;
        }
    } else {
        for (i = 2; i < n; i++) {
            k = ISLT(keys[i], keys[i - 1]);
            if (k < 0)
                return -1;
            if (k)
                break;
        }
    }
    return i;
}

/* Leftmost position in sorted a[0:n) where key belongs (a[k-1] < key <= a[k]), searching
 * outwards from a[hint] with offsets 1, 3, 7, ... then bisecting.  -1 on error. */
static Py_ssize_t gallop_left(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n,
                              Py_ssize_t hint)
{
    Py_ssize_t ofs = 1, lastofs = 0, maxofs;
    int k = ISLT(a[hint], key);
    if (k < 0)
        return -1;
    if (k) { /* a[hint] < key: gallop right */
        maxofs = n - hint;
        while (ofs < maxofs) {
            k = ISLT(a[hint + ofs], key);
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else { /* key <= a[hint]: gallop left */
        Py_ssize_t t;
        maxofs = hint + 1;
        while (ofs < maxofs) {
            k = ISLT(a[hint - ofs], key);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    /* a[lastofs] < key <= a[ofs] */
    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = ISLT(a[m], key);
        if (k < 0)
            return -1;
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* Like gallop_left but the rightmost position (a[k-1] <= key < a[k]). */
static Py_ssize_t gallop_right(MergeState *ms, PyObject *key, PyObject **a, Py_ssize_t n,
                               Py_ssize_t hint)
{
    Py_ssize_t ofs = 1, lastofs = 0, maxofs;
    int k = ISLT(key, a[hint]);
    if (k < 0)
        return -1;
    if (k) { /* key < a[hint]: gallop left */
        Py_ssize_t t;
        maxofs = hint + 1;
        while (ofs < maxofs) {
            k = ISLT(key, a[hint - ofs]);
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    } else { /* a[hint] <= key: gallop right */
        maxofs = n - hint;
        while (ofs < maxofs) {
            k = ISLT(key, a[hint + ofs]);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    /* a[lastofs] <= key < a[ofs] */
    ++lastofs;
    while (lastofs < ofs) {
        Py_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = ISLT(key, a[m]);
        if (k < 0)
            return -1;
        if (k)
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
}

static void merge_init(MergeState *ms, Py_ssize_t list_size, int has_keyfunc,
                       sortslice *lo)
{
    if (has_keyfunc) {
        /* The keys live in front of the values in one block, so only half of the
         * temp array is usable for each. */
        ms->alloced = list_size < MERGESTATE_TEMP_SIZE / 2 ? list_size
                                                           : MERGESTATE_TEMP_SIZE / 2;
        ms->a.values = &ms->temparray[ms->alloced];
    } else {
        ms->alloced = MERGESTATE_TEMP_SIZE;
        ms->a.values = NULL;
    }
    ms->a.keys = ms->temparray;
    ms->n = 0;
    ms->min_gallop = MIN_GALLOP;
    ms->listlen = list_size;
    ms->basekeys = lo->keys;
}

static void merge_freemem(MergeState *ms)
{
    if (ms->a.keys != ms->temparray) {
        PyObject_Free(ms->a.keys);
        ms->a.keys = NULL;
    }
}

/* Room for need entries (doubled when values travel along) in ms->a. */
static int merge_getmem(MergeState *ms, Py_ssize_t need)
{
    int multiplier = ms->a.values != NULL ? 2 : 1;
    if (need <= ms->alloced)
        return 0;
    merge_freemem(ms);
    if ((size_t)need > PY_SSIZE_T_MAX / sizeof(PyObject *) / (size_t)multiplier) {
        PyErr_NoMemory();
        return -1;
    }
    ms->a.keys = (PyObject **)PyObject_Malloc((size_t)multiplier * (size_t)need *
                                           sizeof(PyObject *));
    if (ms->a.keys != NULL) {
        ms->alloced = need;
        if (ms->a.values != NULL)
            ms->a.values = &ms->a.keys[need];
        return 0;
    }
    PyErr_NoMemory();
    return -1;
}

/* Merge the na items at ssa with the nb items at ssb (ssa + na == ssb, na <= nb, and
 * ssa[0] > ssb[0], ssa[na-1] > every ssb item already known): copy A aside, merge left
 * to right, galloping when one side keeps winning. */
static Py_ssize_t merge_lo(MergeState *ms, sortslice ssa, Py_ssize_t na, sortslice ssb,
                           Py_ssize_t nb)
{
    Py_ssize_t k, min_gallop;
    sortslice dest;
    int result = -1;

    if (merge_getmem(ms, na) < 0)
        return -1;
    ss_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;

    ss_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;

    min_gallop = ms->min_gallop;
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0; /* wins in a row */
        /* One pair at a time until a side wins min_gallop times running. */
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k < 0)
                goto fail;
            if (k) {
                ss_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                ss_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        /* Gallop while it keeps paying off. */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                ss_memcpy(&dest, 0, &ssa, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                if (na == 0) /* only with an inconsistent comparison */
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0)
                goto succeed;

            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                ss_memmove(&dest, 0, &ssb, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssa);
            --na;
            if (na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop; /* leaving galloping mode costs */
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        ss_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    /* The last A item goes after all the remaining B items. */
    ss_memmove(&dest, 0, &ssb, 0, nb);
    ss_copy(&dest, nb, &ssa, 0);
    return 0;
}

/* The mirror image of merge_lo for na > nb: copy B aside, merge right to left. */
static Py_ssize_t merge_hi(MergeState *ms, sortslice ssa, Py_ssize_t na, sortslice ssb,
                           Py_ssize_t nb)
{
    Py_ssize_t k, min_gallop;
    sortslice dest, basea, baseb;
    int result = -1;

    if (merge_getmem(ms, nb) < 0)
        return -1;
    dest = ssb;
    ss_advance(&dest, nb - 1);
    ss_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values != NULL)
        ssb.values = ms->a.values + nb - 1;
    ss_advance(&ssa, na - 1);

    ss_copy_decr(&dest, &ssa);
    --na;
    if (na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;

    min_gallop = ms->min_gallop;
    for (;;) {
        Py_ssize_t acount = 0, bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k < 0)
                goto fail;
            if (k) {
                ss_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                ss_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssa, -k);
                ss_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1)
                goto copy_a;

            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssb, -k);
                ss_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0) /* only with an inconsistent comparison */
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssa);
            --na;
            if (na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    /* The first B item goes before all the remaining A items. */
    ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    ss_advance(&dest, -na);
    ss_advance(&ssa, -na);
    ss_copy(&dest, 0, &ssb, 0);
    return 0;
}

/* Merge pending runs i and i+1 (i is the 2nd- or 3rd-last run). */
static Py_ssize_t merge_at(MergeState *ms, int i)
{
    sortslice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    Py_ssize_t na = ms->pending[i].len, nb = ms->pending[i + 1].len, k;

    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;

    /* A items before where B's first belongs are already in place ... */
    k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    ss_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    /* ... and so are B items after where A's last belongs. */
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return nb;
    if (na <= nb)
        return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* Powersort: the depth in the implicit binary tree over [0, n) of the boundary between
 * run [s1, s1+n1) and run [s1+n1, s1+n1+n2), found from the binary expansions of the
 * two runs' midpoints (doubled to stay integral) divided by n. */
static int powerloop(Py_ssize_t s1, Py_ssize_t n1, Py_ssize_t n2, Py_ssize_t n)
{
    int result = 0;
    Py_ssize_t a = 2 * s1 + n1, b = a + n1 + n2;
    for (;;) {
        ++result;
        if (a >= n) { /* both bits 1 */
            a -= n;
            b -= n;
        } else if (b >= n) { /* bits differ */
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

/* A run of n2 items follows the last pending run: merge while the boundary below the
 * top of the stack has a greater power than the new boundary, then record its power. */
static int found_new_run(MergeState *ms, Py_ssize_t n2)
{
    if (ms->n) {
        run *p = ms->pending;
        Py_ssize_t s1 = p[ms->n - 1].base.keys - ms->basekeys, n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0)
                return -1;
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

/* At the end, merge everything left, smaller neighbour first. */
static int merge_force_collapse(MergeState *ms)
{
    run *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

/* The minimum run length: n itself below 64, else a value in [32, 64] such that n/minrun
 * is a power of two or slightly less. */
static Py_ssize_t merge_compute_minrun(Py_ssize_t n)
{
    Py_ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int sort_slice(sortslice lo, Py_ssize_t nremaining, int has_keyfunc)
{
    MergeState ms;
    Py_ssize_t minrun;
    int result = -1;
    merge_init(&ms, nremaining, has_keyfunc, &lo);
    if (nremaining < 2)
        return 0;
    choose_key_compare(&ms, lo.keys, nremaining);
    minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        Py_ssize_t n = count_run(&ms, lo.keys, nremaining, &descending);
        if (n < 0)
            goto done;
        if (descending)
            ss_reverse(&lo, n);
        if (n < minrun) { /* extend to min(minrun, nremaining) */
            Py_ssize_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(&ms, lo, force, n) < 0)
                goto done;
            n = force;
        }
        if (found_new_run(&ms, n) < 0)
            goto done;
        ms.pending[ms.n].base = lo;
        ms.pending[ms.n].len = n;
        ++ms.n;
        ss_advance(&lo, n);
        nremaining -= n;
    } while (nremaining);
    if (merge_force_collapse(&ms) < 0)
        goto done;
    result = 0;
done:
    merge_freemem(&ms);
    return result;
}

/* list.sort(*, key=None, reverse=False); the list looks empty while sorting so that
 * mutation by a key function or __lt__ can be detected. */
static PyObject *list_sort_impl(PyListObject *self, PyObject *keyfunc, int reverse)
{
    Py_ssize_t saved_ob_size = Py_SIZE(self), saved_allocated = self->allocated;
    PyObject **saved_ob_item = self->ob_item, **final_ob_item;
    PyObject *result = NULL;
    PyObject *keys_on_stack[16], **keys = NULL;
    sortslice lo;
    Py_ssize_t i;
    int status = 0;

    if (keyfunc == Py_None)
        keyfunc = NULL;
    Py_SET_SIZE(self, 0);
    self->ob_item = NULL;
    self->allocated = -1; /* any mutation will change this */

    if (keyfunc == NULL) {
        lo.keys = saved_ob_item;
        lo.values = NULL;
    } else {
        keys = saved_ob_size < (Py_ssize_t)Py_ARRAY_LENGTH(keys_on_stack)
                   ? keys_on_stack : OBJ_NEW(PyObject *, saved_ob_size);
        if (keys == NULL) {
            PyErr_NoMemory();
            goto keyfunc_fail;
        }
        for (i = 0; i < saved_ob_size; i++) {
            keys[i] = PyObject_CallOneArg(keyfunc, saved_ob_item[i]);
            if (keys[i] == NULL) {
                for (i = i - 1; i >= 0; i--)
                    Py_DECREF(keys[i]);
                if (keys != keys_on_stack)
                    PyObject_Free(keys);
                goto keyfunc_fail;
            }
        }
        lo.keys = keys;
        lo.values = saved_ob_item;
    }
    /* Reverse first and last so equal elements keep their order (stability). */
    if (reverse && saved_ob_size > 1) {
        reverse_slice(lo.keys, lo.keys + saved_ob_size);
        if (lo.values)
            reverse_slice(lo.values, lo.values + saved_ob_size);
    }
    status = sort_slice(lo, saved_ob_size, keyfunc != NULL);
    if (reverse && saved_ob_size > 1) {
        reverse_slice(lo.keys, lo.keys + saved_ob_size);
        if (lo.values)
            reverse_slice(lo.values, lo.values + saved_ob_size);
    }
    if (status == 0)
        result = Py_None;
    if (keyfunc != NULL) {
        for (i = 0; i < saved_ob_size; i++)
            Py_DECREF(keys[i]);
        if (keys != keys_on_stack)
            PyObject_Free(keys);
    }
    if (self->allocated != -1 && result != NULL) {
        PyErr_SetString(PyExc_ValueError, "list modified during sort");
        result = NULL;
    }
keyfunc_fail:
    final_ob_item = self->ob_item;
    i = Py_SIZE(self);
    Py_SET_SIZE(self, saved_ob_size);
    self->ob_item = saved_ob_item;
    self->allocated = saved_allocated;
    if (final_ob_item != NULL) { /* whatever was added during the sort is dropped */
        while (--i >= 0)
            Py_XDECREF(final_ob_item[i]);
        PyObject_Free(final_ob_item);
    }
    return Py_XNewRef(result);
}

int PyList_Sort(PyObject *v)
{
    PyObject *r;
    if (v == NULL || !PyList_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    r = list_sort_impl((PyListObject *)v, NULL, 0);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* ---- slots ---- */

static void list_dealloc(PyListObject *op)
{
    Py_ssize_t i;
    _PyObject_GC_UNTRACK(op);
    Py_TRASHCAN_BEGIN(op, list_dealloc)
    if (op->ob_item != NULL) {
        i = Py_SIZE(op);
        while (--i >= 0)
            Py_XDECREF(op->ob_item[i]);
        PyObject_Free(op->ob_item);
    }
    if (numfree < PyList_MAXFREELIST && PyList_CheckExact(op))
        free_list[numfree++] = op;
    else
        Py_TYPE(op)->tp_free((PyObject *)op);
    Py_TRASHCAN_END
}

static PyObject *list_repr(PyListObject *v)
{
    _PyUnicodeWriter writer;
    Py_ssize_t i;
    int status;
    if (Py_SIZE(v) == 0)
        return PyUnicode_FromString("[]");
    status = Py_ReprEnter((PyObject *)v);
    if (status != 0)
        return status > 0 ? PyUnicode_FromString("[...]") : NULL;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 1 + (2 + 1) * (Py_SIZE(v) - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '[') < 0)
        goto error;
    /* The list may change size while item reprs run: re-check every time. */
    for (i = 0; i < Py_SIZE(v); ++i) {
        PyObject *item = Py_NewRef(v->ob_item[i]), *s;
        if (i > 0 && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0) {
            Py_DECREF(item);
            goto error;
        }
        if (Py_EnterRecursiveCall(" while getting the repr of an object")) {
            Py_DECREF(item);
            goto error;
        }
        s = PyObject_Repr(item);
        Py_LeaveRecursiveCall();
        Py_DECREF(item);
        if (s == NULL)
            goto error;
        if (_PyUnicodeWriter_WriteStr(&writer, s) < 0) {
            Py_DECREF(s);
            goto error;
        }
        Py_DECREF(s);
    }
    writer.overallocate = 0;
    if (_PyUnicodeWriter_WriteChar(&writer, ']') < 0)
        goto error;
    Py_ReprLeave((PyObject *)v);
    return _PyUnicodeWriter_Finish(&writer);
error:
    _PyUnicodeWriter_Dealloc(&writer);
    Py_ReprLeave((PyObject *)v);
    return NULL;
}

static Py_ssize_t list_length(PyListObject *a) { return Py_SIZE(a); }

static int list_contains(PyListObject *a, PyObject *el)
{
    int cmp = 0;
    for (Py_ssize_t i = 0; cmp == 0 && i < Py_SIZE(a); ++i) {
        PyObject *item = Py_NewRef(a->ob_item[i]);
        cmp = PyObject_RichCompareBool(item, el, Py_EQ);
        Py_DECREF(item);
    }
    return cmp;
}

static PyObject *list_item(PyListObject *a, Py_ssize_t i)
{
    if (!valid_index(i, Py_SIZE(a))) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return Py_NewRef(a->ob_item[i]);
}

static PyObject *list_concat(PyListObject *a, PyObject *bb)
{
    Py_ssize_t size, i;
    PyListObject *np, *b;
    if (!PyList_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate list (not \"%.200s\") to list",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    b = (PyListObject *)bb;
    size = Py_SIZE(a) + Py_SIZE(b);
    if (size == 0)
        return PyList_New(0);
    np = (PyListObject *)list_new_prealloc(size);
    if (np == NULL)
        return NULL;
    for (i = 0; i < Py_SIZE(a); i++)
        np->ob_item[i] = Py_NewRef(a->ob_item[i]);
    for (i = 0; i < Py_SIZE(b); i++)
        np->ob_item[i + Py_SIZE(a)] = Py_NewRef(b->ob_item[i]);
    Py_SET_SIZE(np, size);
    return (PyObject *)np;
}

static PyObject *list_repeat(PyListObject *a, Py_ssize_t n)
{
    Py_ssize_t size, input_size = Py_SIZE(a);
    PyListObject *np;
    PyObject **p;
    if (n <= 0 || input_size == 0)
        return PyList_New(0);
    if (input_size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    size = input_size * n;
    np = (PyListObject *)list_new_prealloc(size);
    if (np == NULL)
        return NULL;
    p = np->ob_item;
    for (Py_ssize_t k = 0; k < n; k++)
        for (Py_ssize_t i = 0; i < input_size; i++)
            *p++ = Py_NewRef(a->ob_item[i]);
    Py_SET_SIZE(np, size);
    return (PyObject *)np;
}

static int list_ass_item(PyListObject *a, Py_ssize_t i, PyObject *v)
{
    if (!valid_index(i, Py_SIZE(a))) {
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return list_ass_slice(a, i, i + 1, v);
    {
        PyObject *old = a->ob_item[i];
        a->ob_item[i] = Py_NewRef(v);
        Py_DECREF(old);
    }
    return 0;
}

static PyObject *list_inplace_concat(PyListObject *self, PyObject *other)
{
    if (list_extend_internal(self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static PyObject *list_inplace_repeat(PyListObject *self, Py_ssize_t n)
{
    Py_ssize_t size = Py_SIZE(self), i, j;
    PyObject **items;
    if (size == 0 || n == 1)
        return Py_NewRef(self);
    if (n < 1) {
        (void)list_clear(self);
        return Py_NewRef(self);
    }
    if (size > PY_SSIZE_T_MAX / n)
        return PyErr_NoMemory();
    if (list_resize(self, size * n) < 0)
        return NULL;
    items = self->ob_item;
    for (i = 1; i < n; i++)
        for (j = 0; j < size; j++)
            items[i * size + j] = Py_NewRef(items[j]);
    return Py_NewRef(self);
}

static PyObject *list_subscript(PyListObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return list_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step, slicelength, i, cur;
        PyListObject *result;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (slicelength <= 0)
            return PyList_New(0);
        if (step == 1)
            return list_slice(self, start, stop);
        result = (PyListObject *)list_new_prealloc(slicelength);
        if (!result)
            return NULL;
        for (cur = start, i = 0; i < slicelength; cur = (Py_ssize_t)((size_t)cur + (size_t)step), i++)
            result->ob_item[i] = Py_NewRef(self->ob_item[cur]);
        Py_SET_SIZE(result, slicelength);
        return (PyObject *)result;
    }
    PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                 Py_TYPE(item)->tp_name);
    return NULL;
}

static int list_ass_subscript(PyListObject *self, PyObject *item, PyObject *value)
{
    Py_ssize_t start, stop, step, slicelength;
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        if (i < 0)
            i += Py_SIZE(self);
        return list_ass_item(self, i, value);
    }
    if (!PySlice_Check(item)) {
        PyErr_Format(PyExc_TypeError, "list indices must be integers or slices, not %.200s",
                     Py_TYPE(item)->tp_name);
        return -1;
    }
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return -1;
    slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (step == 1)
        return list_ass_slice(self, start, stop, value);
    /* Make sure s[5:2] = [..] inserts at the right place: before 5, not before 2. */
    if ((step < 0 && start < stop) || (step > 0 && start > stop))
        stop = start;
    if (value == NULL) { /* extended-slice deletion: compact the survivors */
        PyObject **garbage;
        size_t cur;
        Py_ssize_t i;
        if (slicelength <= 0)
            return 0;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        garbage = OBJ_NEW(PyObject *, slicelength);
        if (!garbage) {
            PyErr_NoMemory();
            return -1;
        }
        for (cur = (size_t)start, i = 0; cur < (size_t)stop; cur += (size_t)step, i++) {
            Py_ssize_t lim = step - 1;
            garbage[i] = PyList_GET_ITEM(self, cur);
            if (cur + (size_t)step >= (size_t)Py_SIZE(self))
                lim = Py_SIZE(self) - (Py_ssize_t)cur - 1;
            memmove(self->ob_item + cur - i, self->ob_item + cur + 1,
                    (size_t)lim * sizeof(PyObject *));
        }
        cur = (size_t)start + (size_t)slicelength * (size_t)step;
        if (cur < (size_t)Py_SIZE(self))
            memmove(self->ob_item + cur - slicelength, self->ob_item + cur,
                    (size_t)(Py_SIZE(self) - (Py_ssize_t)cur) * sizeof(PyObject *));
        Py_SET_SIZE(self, Py_SIZE(self) - slicelength);
        (void)list_resize(self, Py_SIZE(self));
        for (i = 0; i < slicelength; i++)
            Py_DECREF(garbage[i]);
        PyObject_Free(garbage);
        return 0;
    } else { /* extended-slice assignment: sizes must match */
        PyObject *ins, *seq, **garbage, **seqitems, **selfitems;
        Py_ssize_t i;
        size_t cur;
        if (self == (PyListObject *)value) {
            seq = list_slice((PyListObject *)value, 0, PyList_GET_SIZE(value));
        } else {
            seq = PySequence_Fast(value, "must assign iterable to extended slice");
        }
        if (!seq)
            return -1;
        if (PySequence_Fast_GET_SIZE(seq) != slicelength) {
            PyErr_Format(PyExc_ValueError,
                         "attempt to assign sequence of size %zd to extended slice of size %zd",
                         PySequence_Fast_GET_SIZE(seq), slicelength);
            Py_DECREF(seq);
            return -1;
        }
        if (!slicelength) {
            Py_DECREF(seq);
            return 0;
        }
        garbage = OBJ_NEW(PyObject *, slicelength);
        if (!garbage) {
            Py_DECREF(seq);
            PyErr_NoMemory();
            return -1;
        }
        selfitems = self->ob_item;
        seqitems = PySequence_Fast_ITEMS(seq);
        for (cur = (size_t)start, i = 0; i < slicelength; cur += (size_t)step, i++) {
            garbage[i] = selfitems[cur];
            ins = Py_NewRef(seqitems[i]);
            selfitems[cur] = ins;
        }
        for (i = 0; i < slicelength; i++)
            Py_DECREF(garbage[i]);
        PyObject_Free(garbage);
        Py_DECREF(seq);
        return 0;
    }
}

static PyObject *list_richcompare(PyObject *v, PyObject *w, int op)
{
    PyListObject *vl, *wl;
    Py_ssize_t i;
    if (!PyList_Check(v) || !PyList_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    vl = (PyListObject *)v;
    wl = (PyListObject *)w;
    if (Py_SIZE(vl) != Py_SIZE(wl) && (op == Py_EQ || op == Py_NE)) {
        if (op == Py_EQ)
            Py_RETURN_FALSE;
        Py_RETURN_TRUE;
    }
    /* Search for the first index where items differ; the lists may mutate meanwhile. */
    for (i = 0; i < Py_SIZE(vl) && i < Py_SIZE(wl); i++) {
        PyObject *vitem = vl->ob_item[i], *witem = wl->ob_item[i];
        int k;
        if (vitem == witem)
            continue;
        Py_INCREF(vitem);
        Py_INCREF(witem);
        k = PyObject_RichCompareBool(vitem, witem, Py_EQ);
        Py_DECREF(vitem);
        Py_DECREF(witem);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= Py_SIZE(vl) || i >= Py_SIZE(wl))
        Py_RETURN_RICHCOMPARE(Py_SIZE(vl), Py_SIZE(wl), op);
    if (op == Py_EQ)
        Py_RETURN_FALSE;
    if (op == Py_NE)
        Py_RETURN_TRUE;
    {
        PyObject *vitem = Py_NewRef(vl->ob_item[i]), *witem = Py_NewRef(wl->ob_item[i]);
        PyObject *res = PyObject_RichCompare(vitem, witem, op);
        Py_DECREF(vitem);
        Py_DECREF(witem);
        return res;
    }
}

static int list_traverse(PyListObject *o, visitproc visit, void *arg)
{
    for (Py_ssize_t i = Py_SIZE(o); --i >= 0;)
        Py_VISIT(o->ob_item[i]);
    return 0;
}

static int list_tp_clear(PyListObject *o) { return list_clear(o); }

/* list.__init__(iterable=(), /) */
static int list___init___impl(PyListObject *self, PyObject *iterable)
{
    if (self->ob_item != NULL)
        (void)list_clear(self);
    if (iterable == NULL)
        return 0;
    if (_PyObject_HasLen(iterable)) {
        /* A sized iterable: allocate exactly once (len() errors other than TypeError
         * propagate, as in CPython). */
        Py_ssize_t n = PyObject_Size(iterable);
        if (n == -1) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return -1;
            PyErr_Clear();
        }
        if (n > 0 && self->ob_item == NULL && list_preallocate_exact(self, n) < 0)
            return -1;
    }
    return list_extend_internal(self, iterable);
}

static int list___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *iterable = NULL;
    if ((Py_IS_TYPE(self, &PyList_Type) || Py_TYPE(self)->tp_new == PyList_Type.tp_new) &&
        !_PyArg_NoKeywords("list", kwargs))
        return -1;
    if (!_PyArg_CheckPositional("list", PyTuple_GET_SIZE(args), 0, 1))
        return -1;
    if (PyTuple_GET_SIZE(args) >= 1)
        iterable = PyTuple_GET_ITEM(args, 0);
    return list___init___impl((PyListObject *)self, iterable);
}

static PyObject *list_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *list;
    if (!_PyArg_NoKwnames("list", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("list", nargs, 0, 1))
        return NULL;
    list = PyType_GenericAlloc((PyTypeObject *)type, 0);
    if (list == NULL)
        return NULL;
    if (nargs && list___init___impl((PyListObject *)list, args[0]) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

/* ---- methods ---- */

static PyObject *list_append(PyListObject *self, PyObject *object)
{
    if (_PyList_AppendTakeRef(self, Py_NewRef(object)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *list_extend(PyListObject *self, PyObject *iterable)
{
    return _PyList_Extend(self, iterable);
}

/* Clinic's Py_ssize_t converter: __index__, OverflowError when too large. */
static int ssize_arg(PyObject *o, Py_ssize_t *out)
{
    PyObject *iobj = PyNumber_Index(o);
    Py_ssize_t v;
    if (iobj == NULL)
        return 0;
    v = PyLong_AsSsize_t(iobj);
    Py_DECREF(iobj);
    if (v == -1 && PyErr_Occurred())
        return 0;
    *out = v;
    return 1;
}

static PyObject *list_insert(PyListObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t index;
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    if (!ssize_arg(args[0], &index))
        return NULL;
    if (ins1(self, index, args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *list_clear_meth(PyListObject *self, PyObject *Py_UNUSED(ignored))
{
    (void)list_clear(self);
    Py_RETURN_NONE;
}

static PyObject *list_copy(PyListObject *self, PyObject *Py_UNUSED(ignored))
{
    return list_slice(self, 0, Py_SIZE(self));
}

static PyObject *list_pop(PyListObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t index = -1, size;
    PyObject *v;
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    if (nargs >= 1 && !ssize_arg(args[0], &index))
        return NULL;
    if (Py_SIZE(self) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += Py_SIZE(self);
    if (!valid_index(index, Py_SIZE(self))) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    v = self->ob_item[index];
    size = Py_SIZE(self);
    if (index == size - 1) {
        if (list_resize(self, size - 1) < 0)
            return NULL;
        return v; /* the list's reference passes to the caller */
    }
    Py_INCREF(v);
    if (list_ass_slice(self, index, index + 1, NULL) < 0) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *list_index(PyListObject *self, PyObject *const *args, Py_ssize_t nargs)
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
    if (stop < 0) {
        stop += Py_SIZE(self);
        if (stop < 0)
            stop = 0;
    }
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(self); i++) {
        PyObject *obj = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(obj, args[0], Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_Format(PyExc_ValueError, "%R is not in list", args[0]);
    return NULL;
}

static PyObject *list_count(PyListObject *self, PyObject *value)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = self->ob_item[i];
        int cmp;
        if (obj == value) {
            count++;
            continue;
        }
        Py_INCREF(obj);
        cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static PyObject *list_remove(PyListObject *self, PyObject *value)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *obj = Py_NewRef(self->ob_item[i]);
        int cmp = PyObject_RichCompareBool(obj, value, Py_EQ);
        Py_DECREF(obj);
        if (cmp > 0) {
            if (list_ass_slice(self, i, i + 1, NULL) == 0)
                Py_RETURN_NONE;
            return NULL;
        }
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static PyObject *list_reverse(PyListObject *self, PyObject *Py_UNUSED(ignored))
{
    if (Py_SIZE(self) > 1)
        reverse_slice(self->ob_item, self->ob_item + Py_SIZE(self));
    Py_RETURN_NONE;
}

/* sort(*, key=None, reverse=False) with clinic's error messages. */
static PyObject *list_sort(PyListObject *self, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    PyObject *keyfunc = Py_None;
    int reverse = 0;
    if (nargs > 0) {
        PyErr_SetString(PyExc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    if (kwnames != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            PyObject *name = PyTuple_GET_ITEM(kwnames, i), *val = args[i];
            if (_PyUnicode_EqualToASCIIString(name, "key")) {
                keyfunc = val;
            } else if (_PyUnicode_EqualToASCIIString(name, "reverse")) {
                long r = PyLong_AsLong(val);
                if (r == -1 && PyErr_Occurred())
                    return NULL;
                reverse = r != 0;
            } else {
                PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for sort()", name);
                return NULL;
            }
        }
    }
    return list_sort_impl(self, keyfunc, reverse);
}

static PyObject *list_sizeof(PyListObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(PyListObject) +
                              self->allocated * (Py_ssize_t)sizeof(PyObject *));
}

static PyObject *list_reversed(PyListObject *seq, PyObject *Py_UNUSED(ignored));

static PyMethodDef list_methods[] = {
    {"__getitem__", (PyCFunction)list_subscript, METH_O | METH_COEXIST, DOC_list___getitem__},
    {"__reversed__", (PyCFunction)list_reversed, METH_NOARGS, DOC_list___reversed__},
    {"__sizeof__", (PyCFunction)list_sizeof, METH_NOARGS, DOC_list___sizeof__},
    {"clear", (PyCFunction)list_clear_meth, METH_NOARGS, DOC_list_clear},
    {"copy", (PyCFunction)list_copy, METH_NOARGS, DOC_list_copy},
    {"append", (PyCFunction)list_append, METH_O, DOC_list_append},
    {"insert", (PyCFunction)(void (*)(void))list_insert, METH_FASTCALL, DOC_list_insert},
    {"extend", (PyCFunction)list_extend, METH_O, DOC_list_extend},
    {"pop", (PyCFunction)(void (*)(void))list_pop, METH_FASTCALL, DOC_list_pop},
    {"remove", (PyCFunction)list_remove, METH_O, DOC_list_remove},
    {"index", (PyCFunction)(void (*)(void))list_index, METH_FASTCALL, DOC_list_index},
    {"count", (PyCFunction)list_count, METH_O, DOC_list_count},
    {"reverse", (PyCFunction)list_reverse, METH_NOARGS, DOC_list_reverse},
    {"sort", (PyCFunction)(void (*)(void))list_sort, METH_FASTCALL | METH_KEYWORDS, DOC_list_sort},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_list___class_getitem__},
    {NULL, NULL, 0, NULL}};

static PySequenceMethods list_as_sequence = {
    .sq_length = (lenfunc)list_length,
    .sq_concat = (binaryfunc)list_concat,
    .sq_repeat = (ssizeargfunc)list_repeat,
    .sq_item = (ssizeargfunc)list_item,
    .sq_ass_item = (ssizeobjargproc)list_ass_item,
    .sq_contains = (objobjproc)list_contains,
    .sq_inplace_concat = (binaryfunc)list_inplace_concat,
    .sq_inplace_repeat = (ssizeargfunc)list_inplace_repeat,
};

static PyMappingMethods list_as_mapping = {
    .mp_length = (lenfunc)list_length,
    .mp_subscript = (binaryfunc)list_subscript,
    .mp_ass_subscript = (objobjargproc)list_ass_subscript,
};

static PyObject *list_iter(PyObject *seq);

PyTypeObject PyList_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list",
    .tp_basicsize = sizeof(PyListObject),
    .tp_dealloc = (destructor)list_dealloc,
    .tp_repr = (reprfunc)list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_LIST_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_SEQUENCE,
    .tp_doc = TYPEDOC_list,
    .tp_traverse = (traverseproc)list_traverse,
    .tp_clear = (inquiry)list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = (initproc)list___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = list_vectorcall,
};

/* ---- iterators ---- */

typedef _PyListIterObject listiterobject; /* listobject.h: FOR_ITER steps it inline */

static void listiter_dealloc(listiterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int listiter_traverse(listiterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_seq);
    return 0;
}

static PyObject *listiter_next(listiterobject *it)
{
    PyListObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < PyList_GET_SIZE(seq))
        return Py_NewRef(PyList_GET_ITEM(seq, it->it_index++));
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *listiter_len(listiterobject *it, PyObject *Py_UNUSED(ignored))
{
    if (it->it_seq) {
        Py_ssize_t len = PyList_GET_SIZE(it->it_seq) - it->it_index;
        if (len >= 0)
            return PyLong_FromSsize_t(len);
    }
    return PyLong_FromLong(0);
}

static PyObject *listiter_setstate(listiterobject *it, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > PyList_GET_SIZE(it->it_seq))
            index = PyList_GET_SIZE(it->it_seq);
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

/* (iter, (list,), index) — or (iter, ([],)) once exhausted; reversed iterators name
 * reversed instead of iter.  Shared by both list iterators. */
static PyObject *listiter_reduce_general(PyListObject *seq, Py_ssize_t index, int forward)
{
    PyObject *callable;
    if (seq != NULL) {
        callable = forward ? _PyEval_GetBuiltinId("iter") : _PyEval_GetBuiltinId("reversed");
        if (callable == NULL)
            return NULL;
        return Py_BuildValue("N(O)n", callable, (PyObject *)seq, index);
    }
    callable = _PyEval_GetBuiltinId("iter");
    if (callable == NULL)
        return NULL;
    return Py_BuildValue("N(N)", callable, PyList_New(0));
}

static PyObject *listiter_reduce(listiterobject *it, PyObject *Py_UNUSED(ignored))
{
    return listiter_reduce_general(it->it_seq, it->it_index, 1);
}

static PyMethodDef listiter_methods[] = {
    {"__length_hint__", (PyCFunction)listiter_len, METH_NOARGS, DOC_list_iterator___length_hint__},
    {"__reduce__", (PyCFunction)listiter_reduce, METH_NOARGS, DOC_list_iterator___reduce__},
    {"__setstate__", (PyCFunction)listiter_setstate, METH_O, DOC_list_iterator___setstate__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyListIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(listiterobject),
    .tp_dealloc = (destructor)listiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)listiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)listiter_next,
    .tp_methods = listiter_methods,
};

static PyObject *list_iter(PyObject *seq)
{
    listiterobject *it;
    if (!PyList_Check(seq)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    it = PyObject_GC_New(listiterobject, &PyListIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = (PyListObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq; /* NULL when exhausted */
} listreviterobject;

static void listreviter_dealloc(listreviterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int listreviter_traverse(listreviterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_seq);
    return 0;
}

static PyObject *listreviter_next(listreviterobject *it)
{
    PyListObject *seq = it->it_seq;
    Py_ssize_t index;
    if (seq == NULL)
        return NULL;
    index = it->it_index;
    if (index >= 0 && index < PyList_GET_SIZE(seq)) {
        it->it_index--;
        return Py_NewRef(PyList_GET_ITEM(seq, index));
    }
    it->it_index = -1;
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *listreviter_len(listreviterobject *it, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = it->it_index + 1;
    if (it->it_seq == NULL || PyList_GET_SIZE(it->it_seq) < len)
        len = 0;
    return PyLong_FromSsize_t(len);
}

static PyObject *listreviter_setstate(listreviterobject *it, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < -1)
            index = -1;
        else if (index > PyList_GET_SIZE(it->it_seq) - 1)
            index = PyList_GET_SIZE(it->it_seq) - 1;
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyObject *listreviter_reduce(listreviterobject *it, PyObject *Py_UNUSED(ignored))
{
    return listiter_reduce_general(it->it_seq, it->it_index, 0);
}

static PyMethodDef listreviter_methods[] = {
    {"__length_hint__", (PyCFunction)listreviter_len, METH_NOARGS, DOC_list_reverseiterator___length_hint__},
    {"__reduce__", (PyCFunction)listreviter_reduce, METH_NOARGS, DOC_list_reverseiterator___reduce__},
    {"__setstate__", (PyCFunction)listreviter_setstate, METH_O, DOC_list_reverseiterator___setstate__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyListRevIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(listreviterobject),
    .tp_dealloc = (destructor)listreviter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)listreviter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)listreviter_next,
    .tp_methods = listreviter_methods,
};

static PyObject *list_reversed(PyListObject *seq, PyObject *Py_UNUSED(ignored))
{
    listreviterobject *it = PyObject_GC_New(listreviterobject, &PyListRevIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = PyList_GET_SIZE(seq) - 1;
    it->it_seq = (PyListObject *)Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}
