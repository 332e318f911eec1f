/* _collectionsmodule.c — the `_collections` module: deque (+ its forward and reverse
 * iterators), defaultdict, _count_elements and _tuplegetter, and exports OrderedDict
 * (src/objects/odictobject.c).  Owner: odict (session 5).  namedtuple, Counter and the rest
 * stay pure Python in collections/__init__.py.  deque is a power-of-two ring buffer; it
 * also tracks where CPython's 64-slot block list would start (`vleft`) so __sizeof__
 * matches CPython. */
#include "Python.h"
#include "odictobject.h"
#include <stddef.h>

/* ================================================================== deque */

#define BLOCKLEN 64
#define CENTER ((BLOCKLEN - 1) / 2)
/* CPython's dequeobject and block sizes on 64-bit, for __sizeof__. */
#define CPY_DEQUE_BASICSIZE 216
#define CPY_BLOCK_SIZE (BLOCKLEN * sizeof(PyObject *) + 2 * sizeof(void *))

typedef struct {
    PyObject_VAR_HEAD          /* ob_size = number of items */
    PyObject **items;          /* ring buffer, capacity `cap` (a power of two) */
    Py_ssize_t cap;
    Py_ssize_t head;           /* index of the leftmost item in `items` */
    Py_ssize_t vleft;          /* CPython's leftindex (0..BLOCKLEN-1) */
    size_t state;              /* bumped by every mutation that moves items */
    Py_ssize_t maxlen;         /* -1: unbounded */
    PyObject *weakreflist;
} dequeobject;

static PyTypeObject deque_type;
static PyTypeObject dequeiter_type;
static PyTypeObject dequereviter_type;

#define DQ_SLOT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])

static PyObject *deque_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    dequeobject *d = (dequeobject *)type->tp_alloc(type, 0);
    if (d == NULL)
        return NULL;
    d->items = NULL;
    d->cap = 0;
    d->head = 0;
    d->vleft = CENTER + 1;
    d->state = 0;
    d->maxlen = -1;
    d->weakreflist = NULL;
    return (PyObject *)d;
}

/* Make room for at least one more item. */
static int deque_grow(dequeobject *d)
{
    Py_ssize_t n = Py_SIZE(d);
    if (n < d->cap)
        return 0;
    Py_ssize_t newcap = d->cap ? d->cap * 2 : 8;
    if (newcap > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(PyObject *)) {
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = PyMem_Malloc(newcap * sizeof(PyObject *));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        items[i] = DQ_SLOT(d, i);
    PyMem_Free(d->items);
    d->items = items;
    d->cap = newcap;
    d->head = 0;
    return 0;
}

/* The four primitive moves; each keeps `vleft` as CPython's leftindex would be. */
static int dq_push_right(dequeobject *d, PyObject *item)   /* steals item */
{
    if (deque_grow(d) < 0) {
        Py_DECREF(item);
        return -1;
    }
    DQ_SLOT(d, Py_SIZE(d)) = item;
    Py_SET_SIZE(d, Py_SIZE(d) + 1);
    d->state++;
    return 0;
}

static int dq_push_left(dequeobject *d, PyObject *item)    /* steals item */
{
    if (deque_grow(d) < 0) {
        Py_DECREF(item);
        return -1;
    }
    d->head = (d->head - 1) & (d->cap - 1);
    d->items[d->head] = item;
    Py_SET_SIZE(d, Py_SIZE(d) + 1);
    d->vleft = (d->vleft + BLOCKLEN - 1) % BLOCKLEN;
    d->state++;
    return 0;
}

static PyObject *dq_pop_right(dequeobject *d)              /* new reference */
{
    Py_ssize_t n = Py_SIZE(d) - 1;
    PyObject *item = DQ_SLOT(d, n);
    Py_SET_SIZE(d, n);
    d->state++;
    if (n == 0 && d->vleft == 0)   /* CPython re-centres instead of freeing a block */
        d->vleft = CENTER + 1;
    return item;
}

static PyObject *dq_pop_left(dequeobject *d)
{
    PyObject *item = d->items[d->head];
    d->head = (d->head + 1) & (d->cap - 1);
    Py_SET_SIZE(d, Py_SIZE(d) - 1);
    d->state++;
    d->vleft++;
    if (d->vleft == BLOCKLEN)
        d->vleft = Py_SIZE(d) ? 0 : CENTER + 1;
    return item;
}

static void deque_clear_items(dequeobject *d)
{
    if (Py_SIZE(d) == 0)
        return;
    /* Detach first: decrefs may run code that looks at the deque. */
    Py_ssize_t n = Py_SIZE(d), head = d->head, cap = d->cap;
    PyObject **items = d->items;
    d->items = NULL;
    d->cap = 0;
    d->head = 0;
    Py_SET_SIZE(d, 0);
    d->vleft = CENTER + 1;
    d->state++;
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(items[(head + i) & (cap - 1)]);
    PyMem_Free(items);
}

static int deque_tp_clear(PyObject *self)
{
    deque_clear_items((dequeobject *)self);
    return 0;
}

static void deque_dealloc(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    PyObject_GC_UnTrack(self);
    if (d->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    for (Py_ssize_t i = 0; i < Py_SIZE(d); i++)
        Py_DECREF(DQ_SLOT(d, i));
    PyMem_Free(d->items);
    Py_TYPE(self)->tp_free(self);
}

static int deque_traverse(PyObject *self, visitproc visit, void *arg)
{
    dequeobject *d = (dequeobject *)self;
    for (Py_ssize_t i = 0; i < Py_SIZE(d); i++)
        Py_VISIT(DQ_SLOT(d, i));
    return 0;
}

/* append/appendleft honour maxlen by trimming the other end. */
static int deque_append_internal(dequeobject *d, PyObject *item)
{
    Py_INCREF(item);
    if (dq_push_right(d, item) < 0)
        return -1;
    if (d->maxlen >= 0 && Py_SIZE(d) > d->maxlen)
        Py_DECREF(dq_pop_left(d));
    return 0;
}

static int deque_appendleft_internal(dequeobject *d, PyObject *item)
{
    Py_INCREF(item);
    if (dq_push_left(d, item) < 0)
        return -1;
    if (d->maxlen >= 0 && Py_SIZE(d) > d->maxlen)
        Py_DECREF(dq_pop_right(d));
    return 0;
}

static PyObject *deque_append(PyObject *self, PyObject *item)
{
    if (deque_append_internal((dequeobject *)self, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *deque_appendleft(PyObject *self, PyObject *item)
{
    if (deque_appendleft_internal((dequeobject *)self, item) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *deque_pop(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    if (Py_SIZE(d) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
        return NULL;
    }
    return dq_pop_right(d);
}

static PyObject *deque_popleft(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    if (Py_SIZE(d) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from an empty deque");
        return NULL;
    }
    return dq_pop_left(d);
}

static PyObject *consume_iterator(PyObject *it)
{
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL)
        Py_DECREF(item);
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *deque_extend_impl(dequeobject *d, PyObject *iterable, int left)
{
    if ((PyObject *)d == iterable) {   /* d.extend(d): snapshot first */
        PyObject *s = PySequence_List(iterable);
        if (s == NULL)
            return NULL;
        PyObject *r = deque_extend_impl(d, s, left);
        Py_DECREF(s);
        return r;
    }
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (d->maxlen == 0)
        return consume_iterator(it);
    if (Py_SIZE(d) == 0)   /* CPython's space-saving heuristic: fill from one end */
        d->vleft = left ? BLOCKLEN - 1 : 1;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        int r = left ? deque_appendleft_internal(d, item) : deque_append_internal(d, item);
        Py_DECREF(item);
        if (r < 0) {
            Py_DECREF(it);
            return NULL;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *deque_extend(PyObject *self, PyObject *iterable)
{
    return deque_extend_impl((dequeobject *)self, iterable, 0);
}

static PyObject *deque_extendleft(PyObject *self, PyObject *iterable)
{
    return deque_extend_impl((dequeobject *)self, iterable, 1);
}

static PyObject *deque_inplace_concat(PyObject *self, PyObject *other)
{
    PyObject *r = deque_extend(self, other);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_INCREF(self);
    return self;
}

/* Rotate right by n (left if negative), reducing n exactly as CPython does. */
static void deque_rotate_internal(dequeobject *d, Py_ssize_t n)
{
    Py_ssize_t len = Py_SIZE(d), halflen = len >> 1;
    if (len <= 1)
        return;
    if (n > halflen || n < -halflen) {
        n %= len;
        if (n > halflen)
            n -= len;
        else if (n < -halflen)
            n += len;
    }
    d->state++;
    d->vleft = ((d->vleft - n) % BLOCKLEN + BLOCKLEN) % BLOCKLEN;
    Py_ssize_t mask = d->cap - 1;
    for (; n > 0; n--) {   /* move the rightmost item to the left end */
        Py_ssize_t last = (d->head + len - 1) & mask;
        d->head = (d->head - 1) & mask;
        d->items[d->head] = d->items[last];
    }
    for (; n < 0; n++) {
        Py_ssize_t past = (d->head + len) & mask;
        d->items[past] = d->items[d->head];
        d->head = (d->head + 1) & mask;
    }
}

static PyObject *deque_rotate(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t n = 1;
    if (!_PyArg_CheckPositional("rotate", nargs, 0, 1))
        return NULL;
    if (nargs > 0) {
        PyObject *idx = PyNumber_Index(args[0]);
        if (idx == NULL)
            return NULL;
        n = PyLong_AsSsize_t(idx);
        Py_DECREF(idx);
        if (n == -1 && PyErr_Occurred())
            return NULL;
    }
    deque_rotate_internal((dequeobject *)self, n);
    Py_RETURN_NONE;
}

static PyObject *deque_reverse(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    for (Py_ssize_t i = 0, j = Py_SIZE(d) - 1; i < j; i++, j--) {
        PyObject *t = DQ_SLOT(d, i);
        DQ_SLOT(d, i) = DQ_SLOT(d, j);
        DQ_SLOT(d, j) = t;
    }
    Py_RETURN_NONE;
}

static PyObject *deque_clearmethod(PyObject *self, PyObject *unused)
{
    deque_clear_items((dequeobject *)self);
    Py_RETURN_NONE;
}

/* Compare `v` with each item; stop at the first match (mode 0) or count (mode 1). */
static Py_ssize_t deque_scan(dequeobject *d, PyObject *v, Py_ssize_t start, Py_ssize_t stop,
                             int count, PyObject *mutated_exc)
{
    size_t start_state = d->state;
    Py_ssize_t found = 0;
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(d); i++) {
        PyObject *item = DQ_SLOT(d, i);
        Py_INCREF(item);
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp < 0)
            return -2;
        if (start_state != d->state) {
            PyErr_SetString(mutated_exc, "deque mutated during iteration");
            return -2;
        }
        if (cmp > 0) {
            if (!count)
                return i;
            found++;
        }
    }
    return count ? found : -1;
}

static PyObject *deque_count(PyObject *self, PyObject *v)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t n = deque_scan(d, v, 0, Py_SIZE(d), 1, PyExc_RuntimeError);
    return n == -2 ? NULL : PyLong_FromSsize_t(n);
}

static int deque_contains(PyObject *self, PyObject *v)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t i = deque_scan(d, v, 0, Py_SIZE(d), 0, PyExc_RuntimeError);
    return i == -2 ? -1 : i >= 0;
}

static PyObject *deque_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX, n = Py_SIZE(d);
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    if (nargs > 1 && !_PyEval_SliceIndexNotNone(args[1], &start))
        return NULL;
    if (nargs > 2 && !_PyEval_SliceIndexNotNone(args[2], &stop))
        return NULL;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += n;
        if (stop < 0)
            stop = 0;
    }
    if (stop > n)
        stop = n;
    Py_ssize_t i = deque_scan(d, args[0], start, stop, 0, PyExc_RuntimeError);
    if (i == -2)
        return NULL;
    if (i < 0) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", args[0]);
        return NULL;
    }
    return PyLong_FromSsize_t(i);
}

/* CPython deletes by rotating the item to the left end and popping it. */
static int deque_del_item(dequeobject *d, Py_ssize_t i)
{
    deque_rotate_internal(d, -i);
    Py_DECREF(dq_pop_left(d));
    deque_rotate_internal(d, i);
    return 0;
}

static PyObject *deque_remove(PyObject *self, PyObject *v)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t i = deque_scan(d, v, 0, Py_SIZE(d), 0, PyExc_IndexError);
    if (i == -2)
        return NULL;
    if (i < 0) {
        PyErr_Format(PyExc_ValueError, "%R is not in deque", v);
        return NULL;
    }
    deque_del_item(d, i);
    Py_RETURN_NONE;
}

static PyObject *deque_insert(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t index, n = Py_SIZE(d);
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    PyObject *idx = PyNumber_Index(args[0]);
    if (idx == NULL)
        return NULL;
    index = PyLong_AsSsize_t(idx);
    Py_DECREF(idx);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    PyObject *value = args[1];
    if (d->maxlen == n) {
        PyErr_SetString(PyExc_IndexError, "deque already at its maximum size");
        return NULL;
    }
    if (index >= n)
        return deque_append(self, value);
    if (index <= -n || index == 0)
        return deque_appendleft(self, value);
    deque_rotate_internal(d, -index);
    PyObject *r = index < 0 ? deque_append(self, value) : deque_appendleft(self, value);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    deque_rotate_internal(d, index);
    Py_RETURN_NONE;
}

static Py_ssize_t deque_len(PyObject *self)
{
    return Py_SIZE(self);
}

static PyObject *deque_item(PyObject *self, Py_ssize_t i)
{
    dequeobject *d = (dequeobject *)self;
    if (i < 0 || i >= Py_SIZE(d)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return NULL;
    }
    PyObject *item = DQ_SLOT(d, i);
    Py_INCREF(item);
    return item;
}

static int deque_ass_item(PyObject *self, Py_ssize_t i, PyObject *v)
{
    dequeobject *d = (dequeobject *)self;
    if (i < 0 || i >= Py_SIZE(d)) {
        PyErr_SetString(PyExc_IndexError, "deque index out of range");
        return -1;
    }
    if (v == NULL)
        return deque_del_item(d, i);
    PyObject *old = DQ_SLOT(d, i);
    Py_INCREF(v);
    DQ_SLOT(d, i) = v;
    Py_DECREF(old);
    return 0;
}

/* A fresh deque of the same type and maxlen holding the same items. */
static PyObject *deque_copy(PyObject *self, PyObject *unused)
{
    dequeobject *old = (dequeobject *)self;
    PyObject *result;
    if (Py_IS_TYPE(self, &deque_type)) {
        dequeobject *nd = (dequeobject *)deque_new(&deque_type, NULL, NULL);
        if (nd == NULL)
            return NULL;
        nd->maxlen = old->maxlen;
        PyObject *r;
        if (Py_SIZE(old) == 1)
            r = deque_append((PyObject *)nd, DQ_SLOT(old, 0));
        else
            r = deque_extend((PyObject *)nd, self);
        if (r == NULL) {
            Py_DECREF(nd);
            return NULL;
        }
        Py_DECREF(r);
        return (PyObject *)nd;
    }
    if (old->maxlen < 0)
        result = PyObject_CallOneArg((PyObject *)Py_TYPE(self), self);
    else
        result = PyObject_CallFunction((PyObject *)Py_TYPE(self), "Oi", self, (int)old->maxlen);
    if (result != NULL && !PyObject_TypeCheck(result, &deque_type)) {
        PyErr_Format(PyExc_TypeError, "%.200s() must return a deque, not %.200s",
                     Py_TYPE(self)->tp_name, Py_TYPE(result)->tp_name);
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *deque_concat(PyObject *self, PyObject *other)
{
    if (!PyObject_TypeCheck(other, &deque_type)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate deque (not \"%.200s\") to deque",
                     Py_TYPE(other)->tp_name);
        return NULL;
    }
    PyObject *nd = deque_copy(self, NULL);
    if (nd == NULL)
        return NULL;
    PyObject *r = deque_extend(nd, other);
    if (r == NULL) {
        Py_DECREF(nd);
        return NULL;
    }
    Py_DECREF(r);
    return nd;
}

static PyObject *deque_inplace_repeat(PyObject *self, Py_ssize_t n)
{
    dequeobject *d = (dequeobject *)self;
    Py_ssize_t size = Py_SIZE(d);
    if (size == 0 || n == 1) {
        Py_INCREF(self);
        return self;
    }
    if (n <= 0) {
        deque_clear_items(d);
        Py_INCREF(self);
        return self;
    }
    if (size == 1) {   /* repeat one item, never past maxlen */
        PyObject *item = DQ_SLOT(d, 0);
        if (d->maxlen >= 0 && n > d->maxlen)
            n = d->maxlen;
        for (Py_ssize_t i = 0; i < n - 1; i++) {
            Py_INCREF(item);
            if (dq_push_right(d, item) < 0)
                return NULL;
        }
        Py_INCREF(self);
        return self;
    }
    if ((size_t)size > PY_SSIZE_T_MAX / (size_t)n)
        return PyErr_NoMemory();
    PyObject *seq = PySequence_List(self);
    if (seq == NULL)
        return NULL;
    if (d->maxlen >= 0 && n * size > d->maxlen)
        n = (d->maxlen + size - 1) / size;
    for (Py_ssize_t i = 0; i < n - 1; i++) {
        PyObject *r = deque_extend(self, seq);
        if (r == NULL) {
            Py_DECREF(seq);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(seq);
    Py_INCREF(self);
    return self;
}

static PyObject *deque_repeat(PyObject *self, Py_ssize_t n)
{
    PyObject *nd = deque_copy(self, NULL);
    if (nd == NULL)
        return NULL;
    PyObject *r = deque_inplace_repeat(nd, n);
    Py_DECREF(nd);
    return r;
}

static PyObject *deque_repr(PyObject *self)
{
    dequeobject *d = (dequeobject *)self;
    int i = Py_ReprEnter(self);
    if (i != 0) {
        if (i < 0)
            return NULL;
        return PyUnicode_FromString("[...]");
    }
    PyObject *aslist = PySequence_List(self);
    if (aslist == NULL) {
        Py_ReprLeave(self);
        return NULL;
    }
    PyObject *result;
    if (d->maxlen >= 0)
        result = PyUnicode_FromFormat("%s(%R, maxlen=%zd)", _PyType_Name(Py_TYPE(self)),
                                      aslist, d->maxlen);
    else
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(self)), aslist);
    Py_ReprLeave(self);
    Py_DECREF(aslist);
    return result;
}

static PyObject *deque_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyObject_TypeCheck(v, &deque_type) || !PyObject_TypeCheck(w, &deque_type))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t vs = Py_SIZE(v), ws = Py_SIZE(w);
    if (op == Py_EQ && vs != ws)
        Py_RETURN_FALSE;
    if (op == Py_NE && vs != ws)
        Py_RETURN_TRUE;
    /* Walk both with iterators so mutation during comparison is detected. */
    PyObject *it1 = PyObject_GetIter(v), *it2 = NULL, *x = NULL, *y = NULL;
    if (it1 == NULL)
        goto fail;
    it2 = PyObject_GetIter(w);
    if (it2 == NULL)
        goto fail;
    for (;;) {
        x = PyIter_Next(it1);
        if (x == NULL && PyErr_Occurred())
            goto fail;
        y = PyIter_Next(it2);
        if (x == NULL || y == NULL)
            break;
        int b = PyObject_RichCompareBool(x, y, Py_EQ);
        if (b == 0) {
            PyObject *r = PyObject_RichCompare(x, y, op);
            Py_DECREF(x);
            Py_DECREF(y);
            Py_DECREF(it1);
            Py_DECREF(it2);
            return r;
        }
        Py_CLEAR(x);
        Py_CLEAR(y);
        if (b < 0)
            goto fail;
    }
    if (PyErr_Occurred())
        goto fail;
    /* One ran out: compare by which one still had an item. */
    int cmp;
    switch (op) {
    case Py_LT: cmp = y != NULL; break;
    case Py_LE: cmp = x == NULL; break;
    case Py_EQ: cmp = x == y; break;
    case Py_NE: cmp = x != y; break;
    case Py_GT: cmp = x != NULL; break;
    default:    cmp = y == NULL; break;
    }
    Py_XDECREF(x);
    Py_XDECREF(y);
    Py_DECREF(it1);
    Py_DECREF(it2);
    return PyBool_FromLong(cmp);
fail:
    Py_XDECREF(it1);
    Py_XDECREF(it2);
    Py_XDECREF(x);
    Py_XDECREF(y);
    return NULL;
}

static int deque_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *iterable = NULL, *maxlenobj = NULL;
    static char *kwlist[] = {"iterable", "maxlen", NULL};
    Py_ssize_t maxlen = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:deque", kwlist, &iterable, &maxlenobj))
        return -1;
    if (maxlenobj != NULL && maxlenobj != Py_None) {
        if (!PyLong_Check(maxlenobj)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return -1;
        }
        maxlen = PyLong_AsSsize_t(maxlenobj);
        if (maxlen == -1 && PyErr_Occurred())
            return -1;
        if (maxlen < 0) {
            PyErr_SetString(PyExc_ValueError, "maxlen must be non-negative");
            return -1;
        }
    }
    d->maxlen = maxlen;
    if (Py_SIZE(d) > 0)
        deque_clear_items(d);
    if (iterable != NULL) {
        PyObject *r = deque_extend(self, iterable);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    return 0;
}

static PyObject *deque_sizeof(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    size_t res = CPY_DEQUE_BASICSIZE + (Py_TYPE(self)->tp_basicsize - sizeof(dequeobject));
    size_t blocks = (size_t)(d->vleft + Py_SIZE(d) + BLOCKLEN - 1) / BLOCKLEN;
    res += blocks * CPY_BLOCK_SIZE;
    return PyLong_FromSize_t(res);
}

static PyObject *deque_reduce(PyObject *self, PyObject *unused)
{
    dequeobject *d = (dequeobject *)self;
    PyObject *state = _PyObject_GetState(self);
    if (state == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    if (d->maxlen < 0)
        return Py_BuildValue("O()NN", Py_TYPE(self), state, it);
    return Py_BuildValue("O(()n)NN", Py_TYPE(self), d->maxlen, state, it);
}

static PyObject *deque_get_maxlen(PyObject *self, void *closure)
{
    dequeobject *d = (dequeobject *)self;
    if (d->maxlen < 0)
        Py_RETURN_NONE;
    return PyLong_FromSsize_t(d->maxlen);
}

static PyObject *deque_iter(PyObject *self);
static PyObject *deque_reviter(PyObject *self, PyObject *unused);


static PyMethodDef deque_methods[] = {
    {"append", (PyCFunction)deque_append, METH_O, "Add an element to the right side of the deque."},
    {"appendleft", (PyCFunction)deque_appendleft, METH_O, "Add an element to the left side of the deque."},
    {"clear", (PyCFunction)deque_clearmethod, METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", (PyCFunction)deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", (PyCFunction)deque_copy, METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", (PyCFunction)deque_count, METH_O,
     "D.count(value) -> integer -- return number of occurrences of value"},
    {"extend", (PyCFunction)deque_extend, METH_O, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", (PyCFunction)deque_extendleft, METH_O, "Extend the left side of the deque with elements from the iterable"},
    {"index", (PyCFunction)(void (*)(void))deque_index, METH_FASTCALL,
     "D.index(value, [start, [stop]]) -> integer -- return first index of value.\n"
     "Raises ValueError if the value is not present."},
    {"insert", (PyCFunction)(void (*)(void))deque_insert, METH_FASTCALL,
     "D.insert(index, object) -- insert object before index"},
    {"pop", (PyCFunction)deque_pop, METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", (PyCFunction)deque_popleft, METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", (PyCFunction)deque_reduce, METH_NOARGS, "Return state information for pickling."},
    {"remove", (PyCFunction)deque_remove, METH_O, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", (PyCFunction)deque_reviter, METH_NOARGS, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", (PyCFunction)deque_reverse, METH_NOARGS, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", (PyCFunction)(void (*)(void))deque_rotate, METH_FASTCALL,
     "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", (PyCFunction)deque_sizeof, METH_NOARGS, "D.__sizeof__() -- size of D in memory, in bytes"},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef deque_getset[] = {
    {"maxlen", deque_get_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods deque_as_sequence = {
    .sq_length = deque_len,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_ass_item = deque_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

static PyTypeObject deque_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(dequeobject),
    .tp_dealloc = deque_dealloc,
    .tp_repr = deque_repr,
    .tp_as_sequence = &deque_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
              "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_traverse = deque_traverse,
    .tp_clear = deque_tp_clear,
    .tp_richcompare = deque_richcompare,
    .tp_weaklistoffset = offsetof(dequeobject, weakreflist),
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = deque_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = deque_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------ deque iterators */

typedef struct {
    PyObject_HEAD
    dequeobject *deque;
    Py_ssize_t index;     /* logical index of the next item */
    size_t state;         /* deque->state when the iterator was made */
    Py_ssize_t counter;   /* items left */
} dequeiterobject;

static PyObject *dequeiter_make(PyTypeObject *type, dequeobject *d, int reverse)
{
    dequeiterobject *it = PyObject_GC_New(dequeiterobject, type);
    if (it == NULL)
        return NULL;
    Py_INCREF(d);
    it->deque = d;
    it->index = reverse ? Py_SIZE(d) - 1 : 0;
    it->state = d->state;
    it->counter = Py_SIZE(d);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *deque_iter(PyObject *self)
{
    return dequeiter_make(&dequeiter_type, (dequeobject *)self, 0);
}

static PyObject *deque_reviter(PyObject *self, PyObject *unused)
{
    return dequeiter_make(&dequereviter_type, (dequeobject *)self, 1);
}

static void dequeiter_dealloc(PyObject *self)
{
    dequeiterobject *it = (dequeiterobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(it->deque);
    PyObject_GC_Del(self);
}

static int dequeiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((dequeiterobject *)self)->deque);
    return 0;
}

static PyObject *dequeiter_step(dequeiterobject *it, int reverse)
{
    if (it->deque->state != it->state) {
        it->counter = 0;
        PyErr_SetString(PyExc_RuntimeError, "deque mutated during iteration");
        return NULL;
    }
    if (it->counter == 0)
        return NULL;
    PyObject *item = DQ_SLOT(it->deque, it->index);
    it->index += reverse ? -1 : 1;
    it->counter--;
    Py_INCREF(item);
    return item;
}

static PyObject *dequeiter_next(PyObject *self)
{
    return dequeiter_step((dequeiterobject *)self, 0);
}

static PyObject *dequereviter_next(PyObject *self)
{
    return dequeiter_step((dequeiterobject *)self, 1);
}

/* _deque_iterator(deque, index=0): an iterator advanced `index` items (for pickle). */
static PyObject *dequeiter_new_common(PyTypeObject *type, PyObject *args, int reverse)
{
    PyObject *deque;
    Py_ssize_t index = 0;
    if (!PyArg_ParseTuple(args, "O!|n", &deque_type, &deque, &index))
        return NULL;
    dequeiterobject *it = (dequeiterobject *)dequeiter_make(type, (dequeobject *)deque, reverse);
    if (it == NULL)
        return NULL;
    /* consume items from the queue */
    for (Py_ssize_t i = 0; i < index; i++) {
        PyObject *item = dequeiter_step(it, reverse);
        if (item == NULL) {
            if (it->counter != 0) {
                Py_DECREF(it);
                return NULL;
            }
            break;
        }
        Py_DECREF(item);
    }
    return (PyObject *)it;
}

static PyObject *dequeiter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return dequeiter_new_common(type, args, 0);
}

static PyObject *dequereviter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return dequeiter_new_common(type, args, 1);
}

static PyObject *dequeiter_len(PyObject *self, PyObject *unused)
{
    return PyLong_FromSsize_t(((dequeiterobject *)self)->counter);
}

static PyObject *dequeiter_reduce(PyObject *self, PyObject *unused)
{
    dequeiterobject *it = (dequeiterobject *)self;
    return Py_BuildValue("O(On)", Py_TYPE(self), it->deque, Py_SIZE(it->deque) - it->counter);
}

static PyMethodDef dequeiter_methods[] = {
    {"__length_hint__", (PyCFunction)dequeiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)dequeiter_reduce, METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL},
};

#define DEQUEITER_TYPE(var, pyname, next, newf)                                        \
    static PyTypeObject var = {                                                        \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                         \
        .tp_name = "_collections." pyname,                                             \
        .tp_basicsize = sizeof(dequeiterobject),                                       \
        .tp_dealloc = dequeiter_dealloc,                                               \
        .tp_getattro = PyObject_GenericGetAttr,                                        \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,                           \
        .tp_traverse = dequeiter_traverse,                                             \
        .tp_iter = PyObject_SelfIter,                                                  \
        .tp_iternext = next,                                                           \
        .tp_methods = dequeiter_methods,                                               \
        .tp_new = newf,                                                                \
    };

DEQUEITER_TYPE(dequeiter_type, "_deque_iterator", dequeiter_next, dequeiter_new)
DEQUEITER_TYPE(dequereviter_type, "_deque_reverse_iterator", dequereviter_next, dequereviter_new)

/* ============================================================ defaultdict */

typedef struct {
    PyDictObject dict;
    PyObject *default_factory;
} defdictobject;

static PyTypeObject defdict_type;

static PyObject *defdict_missing(PyObject *self, PyObject *key)
{
    PyObject *factory = ((defdictobject *)self)->default_factory;
    if (factory == NULL || factory == Py_None) {
        PyObject *tup = PyTuple_Pack(1, key);
        if (tup != NULL) {
            PyErr_SetObject(PyExc_KeyError, tup);
            Py_DECREF(tup);
        }
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(factory);
    if (value == NULL)
        return NULL;
    if (PyObject_SetItem(self, key, value) < 0) {
        Py_DECREF(value);
        return NULL;
    }
    return value;
}

/* type(dd)(dd.default_factory, arg): how copy() and | build their result. */
static PyObject *new_defdict(PyObject *dd, PyObject *arg)
{
    PyObject *factory = ((defdictobject *)dd)->default_factory;
    return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(dd),
                                        factory ? factory : Py_None, arg, NULL);
}

static PyObject *defdict_copy(PyObject *self, PyObject *unused)
{
    return new_defdict(self, self);
}

static PyObject *defdict_reduce(PyObject *self, PyObject *unused)
{
    PyObject *factory = ((defdictobject *)self)->default_factory;
    PyObject *args = (factory == NULL || factory == Py_None) ? PyTuple_New(0)
                                                             : PyTuple_Pack(1, factory);
    if (args == NULL)
        return NULL;
    PyObject *items = PyObject_CallMethod(self, "items", NULL);
    if (items == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *iter = PyObject_GetIter(items);
    Py_DECREF(items);
    if (iter == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    return Py_BuildValue("(ONONN)", Py_TYPE(self), args, Py_None, Py_None, iter);
}

static PyObject *defdict_repr(PyObject *self)
{
    PyObject *factory = ((defdictobject *)self)->default_factory;
    PyObject *baserepr = PyDict_Type.tp_repr(self), *defrepr;
    if (baserepr == NULL)
        return NULL;
    if (factory == NULL) {
        defrepr = PyUnicode_FromString("None");
    }
    else {
        int status = Py_ReprEnter(factory);
        if (status != 0) {
            if (status < 0) {
                Py_DECREF(baserepr);
                return NULL;
            }
            defrepr = PyUnicode_FromString("...");
        }
        else {
            defrepr = PyObject_Repr(factory);
            Py_ReprLeave(factory);
        }
    }
    if (defrepr == NULL) {
        Py_DECREF(baserepr);
        return NULL;
    }
    PyObject *result = PyUnicode_FromFormat("%s(%U, %U)", _PyType_Name(Py_TYPE(self)),
                                            defrepr, baserepr);
    Py_DECREF(defrepr);
    Py_DECREF(baserepr);
    return result;
}

static PyObject *defdict_or(PyObject *left, PyObject *right)
{
    PyObject *self, *other;
    if (PyObject_TypeCheck(left, &defdict_type)) {
        self = left;
        other = right;
    }
    else {
        self = right;
        other = left;
    }
    if (!PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    /* Like copy(), this calls the object's class. */
    PyObject *nd = new_defdict(self, left);
    if (nd == NULL)
        return NULL;
    if (PyDict_Update(nd, right) < 0) {
        Py_DECREF(nd);
        return NULL;
    }
    return nd;
}

static void defdict_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((defdictobject *)self)->default_factory);
    PyDict_Type.tp_dealloc(self);
}

static int defdict_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((defdictobject *)self)->default_factory);
    return PyDict_Type.tp_traverse(self, visit, arg);
}

static int defdict_tp_clear(PyObject *self)
{
    Py_CLEAR(((defdictobject *)self)->default_factory);
    return PyDict_Type.tp_clear(self);
}

static int defdict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    defdictobject *dd = (defdictobject *)self;
    PyObject *olddefault = dd->default_factory, *newdefault = NULL, *newargs;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n > 0) {
        newdefault = PyTuple_GET_ITEM(args, 0);
        if (!PyCallable_Check(newdefault) && newdefault != Py_None) {
            PyErr_SetString(PyExc_TypeError, "first argument must be callable or None");
            return -1;
        }
    }
    newargs = PyTuple_GetSlice(args, n > 0 ? 1 : 0, n);
    if (newargs == NULL)
        return -1;
    Py_XINCREF(newdefault);
    dd->default_factory = newdefault;
    int result = PyDict_Type.tp_init(self, newargs, kwds);
    Py_DECREF(newargs);
    Py_XDECREF(olddefault);
    return result;
}

static PyMethodDef defdict_methods[] = {
    {"__missing__", (PyCFunction)defdict_missing, METH_O,
     "__missing__(key) # Called by __getitem__ for missing key; pseudo-code:\n"
     "  if self.default_factory is None: raise KeyError((key,))\n"
     "  self[key] = value = self.default_factory()\n"
     "  return value\n"},
    {"copy", (PyCFunction)defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__copy__", (PyCFunction)defdict_copy, METH_NOARGS, "D.copy() -> a shallow copy of D."},
    {"__reduce__", (PyCFunction)defdict_reduce, METH_NOARGS, "Return state information for pickling."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef defdict_members[] = {
    {"default_factory", T_OBJECT, offsetof(defdictobject, default_factory), 0,
     "Factory for default value called by __missing__()."},
    {NULL, 0, 0, 0, NULL},
};

static PyNumberMethods defdict_as_number = {
    .nb_or = defdict_or,
};

static PyTypeObject defdict_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.defaultdict",
    .tp_basicsize = sizeof(defdictobject),
    .tp_dealloc = defdict_dealloc,
    .tp_repr = defdict_repr,
    .tp_as_number = &defdict_as_number,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
              "The default factory is called without arguments to produce\n"
              "a new value when a key is not present, in __getitem__ only.\n"
              "A defaultdict compares equal to a dict with the same items.\n"
              "All remaining arguments are treated the same as if they were\n"
              "passed to the dict constructor, including keyword arguments.\n",
    .tp_traverse = defdict_traverse,
    .tp_clear = defdict_tp_clear,
    .tp_methods = defdict_methods,
    .tp_members = defdict_members,
    .tp_base = &PyDict_Type,
    .tp_init = defdict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

/* ============================================================ _tuplegetter */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    PyObject *doc;
} tuplegetterobject;

static PyObject *tuplegetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t index;
    PyObject *doc;
    if (!_PyArg_NoKeywords("_tuplegetter", kwds))
        return NULL;
    if (!PyArg_ParseTuple(args, "nO:_tuplegetter", &index, &doc))
        return NULL;
    tuplegetterobject *self = (tuplegetterobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->index = index;
    Py_INCREF(doc);
    self->doc = doc;
    return (PyObject *)self;
}

static PyObject *tuplegetter_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    Py_ssize_t index = ((tuplegetterobject *)self)->index;
    if (obj == NULL || obj == Py_None) {
        Py_INCREF(self);
        return self;
    }
    if (!PyTuple_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                     index, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (index < 0 || index >= PyTuple_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    PyObject *result = PyTuple_GET_ITEM(obj, index);
    Py_INCREF(result);
    return result;
}

static int tuplegetter_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyErr_SetString(PyExc_AttributeError,
                    value == NULL ? "can't delete attribute" : "can't set attribute");
    return -1;
}

static int tuplegetter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((tuplegetterobject *)self)->doc);
    return 0;
}

static int tuplegetter_clear(PyObject *self)
{
    Py_CLEAR(((tuplegetterobject *)self)->doc);
    return 0;
}

static void tuplegetter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    tuplegetter_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *tuplegetter_reduce(PyObject *self, PyObject *unused)
{
    tuplegetterobject *tg = (tuplegetterobject *)self;
    return Py_BuildValue("(O(nO))", Py_TYPE(self), tg->index, tg->doc);
}

static PyMemberDef tuplegetter_members[] = {
    {"__doc__", T_OBJECT, offsetof(tuplegetterobject, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef tuplegetter_methods[] = {
    {"__reduce__", (PyCFunction)tuplegetter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject tuplegetter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_collections._tuplegetter",
    .tp_basicsize = sizeof(tuplegetterobject),
    .tp_dealloc = tuplegetter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = tuplegetter_traverse,
    .tp_clear = tuplegetter_clear,
    .tp_methods = tuplegetter_methods,
    .tp_members = tuplegetter_members,
    .tp_descr_get = tuplegetter_descr_get,
    .tp_descr_set = tuplegetter_descr_set,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tuplegetter_new,
    .tp_free = PyObject_GC_Del,
};

/* ============================================================ _count_elements */

/* _count_elements(mapping, iterable): mapping[e] = mapping.get(e, 0) + 1 for each e.
 * A plain dict (get/__setitem__ not overridden) takes the direct path. */
static PyObject *count_elements(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_count_elements", nargs, 2, 2))
        return NULL;
    PyObject *mapping = args[0], *it = PyObject_GetIter(args[1]);
    if (it == NULL)
        return NULL;
    PyObject *one = PyLong_FromLong(1), *zero = PyLong_FromLong(0), *key, *bound_get = NULL;
    int fast = PyDict_CheckExact(mapping);
    if (!fast) {
        bound_get = PyObject_GetAttrString(mapping, "get");
        if (bound_get == NULL)
            goto done;
    }
    while ((key = PyIter_Next(it)) != NULL) {
        PyObject *oldval, *newval;
        if (fast) {
            oldval = PyDict_GetItemWithError(mapping, key);
            if (oldval == NULL && PyErr_Occurred()) {
                Py_DECREF(key);
                break;
            }
            newval = oldval == NULL ? (Py_INCREF(one), one) : PyNumber_Add(oldval, one);
        }
        else {
            oldval = PyObject_CallFunctionObjArgs(bound_get, key, zero, NULL);
            if (oldval == NULL) {
                Py_DECREF(key);
                break;
            }
            newval = PyNumber_Add(oldval, one);
            Py_DECREF(oldval);
        }
        int r = newval == NULL ? -1 : PyObject_SetItem(mapping, key, newval);
        Py_XDECREF(newval);
        Py_DECREF(key);
        if (r < 0)
            break;
    }
done:
    Py_DECREF(it);
    Py_XDECREF(bound_get);
    Py_DECREF(one);
    Py_DECREF(zero);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

/* ============================================================ module */

static PyMethodDef collections_functions[] = {
    {"_count_elements", (PyCFunction)(void (*)(void))count_elements, METH_FASTCALL,
     "_count_elements($module, mapping, iterable, /)\n--\n\n"
     "Count elements in the iterable, updating the mapping"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef collectionsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_collections",
    .m_doc = "High performance data structures.\n"
             "- deque:        ordered collection accessible from endpoints only\n"
             "- defaultdict:  dict subclass with a default value factory\n",
    .m_size = -1,
    .m_methods = collections_functions,
};

PyObject *PyInit__collections(void)
{
    PyTypeObject *types[] = {&deque_type, &defdict_type, &dequeiter_type, &dequereviter_type,
                             &tuplegetter_type};
    PyObject *m = PyModule_Create(&collectionsmodule);
    if (m == NULL)
        return NULL;
    if (_PyODict_Ready() < 0 || PyModule_AddType(m, &PyODict_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (PyType_Ready(types[i]) < 0 || PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
