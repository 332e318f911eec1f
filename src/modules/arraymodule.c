/* arraymodule.c — the `array` module: array.array (typed, contiguous storage of C
 * numbers), its iterator, the buffer protocol, pickling through _array_reconstructor.
 * Owner: modules-data.  Item conversion errors are spelled exactly as CPython 3.11's
 * (which come from its PyArg_Parse formats), so they are produced here, not by longobject. */
#include "Python.h"
#include <string.h>
#include <wchar.h>

/* Machine format codes used by __reduce_ex__ / _array_reconstructor (CPython's values). */
enum machine_format_code {
    UNKNOWN_FORMAT = -1,
    UNSIGNED_INT8 = 0, SIGNED_INT8 = 1,
    UNSIGNED_INT16_LE = 2, UNSIGNED_INT16_BE = 3, SIGNED_INT16_LE = 4, SIGNED_INT16_BE = 5,
    UNSIGNED_INT32_LE = 6, UNSIGNED_INT32_BE = 7, SIGNED_INT32_LE = 8, SIGNED_INT32_BE = 9,
    UNSIGNED_INT64_LE = 10, UNSIGNED_INT64_BE = 11, SIGNED_INT64_LE = 12, SIGNED_INT64_BE = 13,
    IEEE_754_FLOAT_LE = 14, IEEE_754_FLOAT_BE = 15, IEEE_754_DOUBLE_LE = 16,
    IEEE_754_DOUBLE_BE = 17, UTF16_LE = 18, UTF16_BE = 19, UTF32_LE = 20, UTF32_BE = 21
};
#define MACHINE_FORMAT_CODE_MIN 0
#define MACHINE_FORMAT_CODE_MAX 21

struct arraydescr;
typedef struct arrayobject {
    PyObject_VAR_HEAD
    char *ob_item;
    Py_ssize_t allocated;
    const struct arraydescr *ob_descr;
    PyObject *weakreflist;
    Py_ssize_t ob_exports;   /* buffers handed out: resizing is refused while > 0 */
} arrayobject;

struct arraydescr {
    char typecode;
    int itemsize;
    PyObject *(*getitem)(arrayobject *, Py_ssize_t);
    int (*setitem)(arrayobject *, Py_ssize_t, PyObject *);
    const char *formats;     /* struct-module format for the buffer protocol */
    int is_integer_type;
    int is_signed;
};

static PyTypeObject Arraytype;
static PyTypeObject PyArrayIter_Type;
#define array_Check(op) PyObject_TypeCheck(op, &Arraytype)

/* ------------------------------------------------------------ item conversion */

static int overflow(const char *msg)
{
    PyErr_SetString(PyExc_OverflowError, msg);
    return -1;
}

/* v as a C long the way PyArg_Parse's integer formats get it (via __index__). */
static int as_long(PyObject *v, long *out)
{
    PyObject *idx = PyNumber_Index(v);
    if (idx == NULL)
        return -1;
    int ovf = 0;
    long x = PyLong_AsLongAndOverflow(idx, &ovf);
    Py_DECREF(idx);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (ovf)
        return overflow("Python int too large to convert to C long");
    *out = x;
    return 0;
}

/* Range check with PyArg_Parse "i" / "h" wording, then the array's own narrower check. */
static int range(long x, long lo, long hi, const char *what)
{
    static char buf[80];
    if (x < lo) {
        snprintf(buf, sizeof buf, "%s is less than minimum", what);
        return overflow(buf);
    }
    if (x > hi) {
        snprintf(buf, sizeof buf, "%s is greater than maximum", what);
        return overflow(buf);
    }
    return 0;
}

/* Unsigned conversions: 'I' and 'L' use PyLong_AsUnsignedLong, 'Q' ...LongLong. */
static int as_unsigned(PyObject *v, unsigned long long *out, int longlong)
{
    PyObject *idx = PyNumber_Index(v);
    if (idx == NULL)
        return -1;
    int sign = _PyLong_Sign(idx);
    if (sign < 0) {
        Py_DECREF(idx);
        return overflow(longlong ? "can't convert negative int to unsigned"
                                 : "can't convert negative value to unsigned int");
    }
    unsigned long long x = PyLong_AsUnsignedLongLong(idx);
    Py_DECREF(idx);
    if (x == (unsigned long long)-1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return -1;
        PyErr_Clear();
        return overflow(longlong ? "int too big to convert"
                                 : "Python int too large to convert to C unsigned long");
    }
    *out = x;
    return 0;
}

static int as_double(PyObject *v, double *out)
{
    if (!PyFloat_Check(v)) {
        PyNumberMethods *nb = Py_TYPE(v)->tp_as_number;
        if (nb == NULL || (nb->nb_float == NULL && nb->nb_index == NULL)) {
            PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(v)->tp_name);
            return -1;
        }
    }
    double d = PyFloat_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred())
        return -1;
    *out = d;
    return 0;
}

#define ITEMS(ap, T) ((T *)(ap)->ob_item)

static PyObject *b_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromLong(ITEMS(ap, signed char)[i]); }
static int b_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    long x;
    if (as_long(v, &x) < 0 || range(x, SHRT_MIN, SHRT_MAX, "signed short integer") < 0 ||
        range(x, -128, 127, "signed char") < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, signed char)[i] = (signed char)x;
    return 0;
}

static PyObject *BB_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromLong(ITEMS(ap, unsigned char)[i]); }
static int BB_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    long x;
    if (as_long(v, &x) < 0 || range(x, 0, UCHAR_MAX, "unsigned byte integer") < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, unsigned char)[i] = (unsigned char)x;
    return 0;
}

static PyObject *u_getitem(arrayobject *ap, Py_ssize_t i) { return PyUnicode_FromOrdinal((int)ITEMS(ap, wchar_t)[i]); }
static int u_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    if (!PyUnicode_Check(v) || PyUnicode_GetLength(v) != 1) {
        PyErr_SetString(PyExc_TypeError, "array item must be unicode character");
        return -1;
    }
    if (i >= 0)
        ITEMS(ap, wchar_t)[i] = (wchar_t)PyUnicode_ReadChar(v, 0);
    return 0;
}

static PyObject *h_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromLong(ITEMS(ap, short)[i]); }
static int h_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    long x;
    if (as_long(v, &x) < 0 || range(x, SHRT_MIN, SHRT_MAX, "signed short integer") < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, short)[i] = (short)x;
    return 0;
}

static PyObject *HH_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromLong(ITEMS(ap, unsigned short)[i]); }
static int HH_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    long x;
    if (as_long(v, &x) < 0 || range(x, INT_MIN, INT_MAX, "signed integer") < 0 ||
        range(x, 0, USHRT_MAX, "unsigned short") < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, unsigned short)[i] = (unsigned short)x;
    return 0;
}

static PyObject *i_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromLong(ITEMS(ap, int)[i]); }
static int i_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    long x;
    if (as_long(v, &x) < 0 || range(x, INT_MIN, INT_MAX, "signed integer") < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, int)[i] = (int)x;
    return 0;
}

static PyObject *II_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromUnsignedLong(ITEMS(ap, unsigned int)[i]); }
static int II_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    unsigned long long x;
    if (as_unsigned(v, &x, 0) < 0)
        return -1;
    if (x > UINT_MAX)
        return overflow("unsigned int is greater than maximum");
    if (i >= 0)
        ITEMS(ap, unsigned int)[i] = (unsigned int)x;
    return 0;
}

static PyObject *l_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromLong(ITEMS(ap, long)[i]); }
static int l_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    long x;
    if (as_long(v, &x) < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, long)[i] = x;
    return 0;
}

static PyObject *LL_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromUnsignedLong(ITEMS(ap, unsigned long)[i]); }
static int LL_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    unsigned long long x;
    if (as_unsigned(v, &x, 0) < 0)
        return -1;
    if (x > ULONG_MAX)
        return overflow("unsigned long is greater than maximum");
    if (i >= 0)
        ITEMS(ap, unsigned long)[i] = (unsigned long)x;
    return 0;
}

static PyObject *q_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromLongLong(ITEMS(ap, long long)[i]); }
static int q_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    PyObject *idx = PyNumber_Index(v);
    if (idx == NULL)
        return -1;
    int ovf = 0;
    long long x = PyLong_AsLongLongAndOverflow(idx, &ovf);
    Py_DECREF(idx);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (ovf)
        return overflow("int too big to convert");
    if (i >= 0)
        ITEMS(ap, long long)[i] = x;
    return 0;
}

static PyObject *QQ_getitem(arrayobject *ap, Py_ssize_t i) { return PyLong_FromUnsignedLongLong(ITEMS(ap, unsigned long long)[i]); }
static int QQ_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    unsigned long long x;
    if (as_unsigned(v, &x, 1) < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, unsigned long long)[i] = x;
    return 0;
}

static PyObject *f_getitem(arrayobject *ap, Py_ssize_t i) { return PyFloat_FromDouble(ITEMS(ap, float)[i]); }
static int f_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    double x;
    if (as_double(v, &x) < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, float)[i] = (float)x;
    return 0;
}

static PyObject *d_getitem(arrayobject *ap, Py_ssize_t i) { return PyFloat_FromDouble(ITEMS(ap, double)[i]); }
static int d_setitem(arrayobject *ap, Py_ssize_t i, PyObject *v)
{
    double x;
    if (as_double(v, &x) < 0)
        return -1;
    if (i >= 0)
        ITEMS(ap, double)[i] = x;
    return 0;
}

static const struct arraydescr descriptors[] = {
    {'b', 1, b_getitem, b_setitem, "b", 1, 1},
    {'B', 1, BB_getitem, BB_setitem, "B", 1, 0},
    {'u', sizeof(wchar_t), u_getitem, u_setitem, "w", 0, 0},
    {'h', sizeof(short), h_getitem, h_setitem, "h", 1, 1},
    {'H', sizeof(short), HH_getitem, HH_setitem, "H", 1, 0},
    {'i', sizeof(int), i_getitem, i_setitem, "i", 1, 1},
    {'I', sizeof(int), II_getitem, II_setitem, "I", 1, 0},
    {'l', sizeof(long), l_getitem, l_setitem, "l", 1, 1},
    {'L', sizeof(long), LL_getitem, LL_setitem, "L", 1, 0},
    {'q', sizeof(long long), q_getitem, q_setitem, "q", 1, 1},
    {'Q', sizeof(long long), QQ_getitem, QQ_setitem, "Q", 1, 0},
    {'f', sizeof(float), f_getitem, f_setitem, "f", 0, 0},
    {'d', sizeof(double), d_getitem, d_setitem, "d", 0, 0},
    {'\0', 0, 0, 0, 0, 0, 0},
};

static const struct arraydescr *find_descr(int c)
{
    for (const struct arraydescr *d = descriptors; d->typecode; d++)
        if (d->typecode == c)
            return d;
    return NULL;
}

/* ------------------------------------------------------------ storage */

static PyObject *newarrayobject(PyTypeObject *type, Py_ssize_t size, const struct arraydescr *descr)
{
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size > PY_SSIZE_T_MAX / descr->itemsize)
        return PyErr_NoMemory();
    arrayobject *op = (arrayobject *)type->tp_alloc(type, 0);
    if (op == NULL)
        return NULL;
    op->ob_descr = descr;
    op->allocated = size;
    op->weakreflist = NULL;
    op->ob_exports = 0;
    Py_SET_SIZE(op, size);
    op->ob_item = NULL;
    if (size > 0) {
        op->ob_item = PyMem_Malloc((size_t)size * descr->itemsize);
        if (op->ob_item == NULL) {
            Py_DECREF(op);
            return PyErr_NoMemory();
        }
    }
    return (PyObject *)op;
}

/* Same over-allocation as CPython (visible through __sizeof__). */
static int array_resize(arrayobject *self, Py_ssize_t newsize)
{
    if (self->ob_exports > 0 && newsize != Py_SIZE(self)) {
        PyErr_SetString(PyExc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (self->allocated >= newsize && Py_SIZE(self) < newsize + 16 && self->ob_item != NULL) {
        Py_SET_SIZE(self, newsize);
        return 0;
    }
    if (newsize == 0) {
        PyMem_Free(self->ob_item);
        self->ob_item = NULL;
        Py_SET_SIZE(self, 0);
        self->allocated = 0;
        return 0;
    }
    size_t newalloc = (newsize >> 4) + (Py_SIZE(self) < 8 ? 3 : 7) + newsize;
    if (newalloc > PY_SSIZE_T_MAX / (size_t)self->ob_descr->itemsize) {
        PyErr_NoMemory();
        return -1;
    }
    char *items = PyMem_Realloc(self->ob_item, newalloc * self->ob_descr->itemsize);
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->ob_item = items;
    Py_SET_SIZE(self, newsize);
    self->allocated = (Py_ssize_t)newalloc;
    return 0;
}

static PyObject *getarrayitem(PyObject *op, Py_ssize_t i)
{
    arrayobject *ap = (arrayobject *)op;
    return ap->ob_descr->getitem(ap, i);
}

static int ins1(arrayobject *self, Py_ssize_t where, PyObject *v)
{
    Py_ssize_t n = Py_SIZE(self);
    if (self->ob_descr->setitem(self, -1, v) < 0)   /* type check before resizing */
        return -1;
    if (array_resize(self, n + 1) < 0)
        return -1;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    int sz = self->ob_descr->itemsize;
    if (where != n)
        memmove(self->ob_item + (where + 1) * sz, self->ob_item + where * sz, (n - where) * sz);
    return self->ob_descr->setitem(self, where, v);
}

static void array_dealloc(arrayobject *op)
{
    PyObject_GC_UnTrack(op);
    if (op->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)op);
    PyMem_Free(op->ob_item);
    Py_TYPE(op)->tp_free((PyObject *)op);
}

static int array_traverse(arrayobject *op, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(op));
    return 0;
}

/* ------------------------------------------------------------ sequence protocol */

static Py_ssize_t array_length(arrayobject *a) { return Py_SIZE(a); }

static PyObject *array_item(arrayobject *a, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "array index out of range");
        return NULL;
    }
    return getarrayitem((PyObject *)a, i);
}

static PyObject *array_slice(arrayobject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < 0)
        ihigh = 0;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    arrayobject *np = (arrayobject *)newarrayobject(&Arraytype, ihigh - ilow, a->ob_descr);
    if (np == NULL)
        return NULL;
    if (ihigh > ilow)
        memcpy(np->ob_item, a->ob_item + ilow * a->ob_descr->itemsize,
               (ihigh - ilow) * a->ob_descr->itemsize);
    return (PyObject *)np;
}

static PyObject *array_concat(arrayobject *a, PyObject *bb)
{
    if (!array_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only append array (not \"%.200s\") to array",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    arrayobject *b = (arrayobject *)bb;
    if (a->ob_descr != b->ob_descr) {
        PyErr_BadArgument();
        return NULL;
    }
    if (Py_SIZE(a) > PY_SSIZE_T_MAX - Py_SIZE(b))
        return PyErr_NoMemory();
    Py_ssize_t size = Py_SIZE(a) + Py_SIZE(b);
    arrayobject *np = (arrayobject *)newarrayobject(&Arraytype, size, a->ob_descr);
    if (np == NULL)
        return NULL;
    int sz = a->ob_descr->itemsize;
    if (Py_SIZE(a))
        memcpy(np->ob_item, a->ob_item, Py_SIZE(a) * sz);
    if (Py_SIZE(b))
        memcpy(np->ob_item + Py_SIZE(a) * sz, b->ob_item, Py_SIZE(b) * sz);
    return (PyObject *)np;
}

static PyObject *array_repeat(arrayobject *a, Py_ssize_t n)
{
    if (n < 0)
        n = 0;
    Py_ssize_t len = Py_SIZE(a);
    if (len != 0 && n > PY_SSIZE_T_MAX / len)
        return PyErr_NoMemory();
    arrayobject *np = (arrayobject *)newarrayobject(&Arraytype, len * n, a->ob_descr);
    if (np == NULL)
        return NULL;
    Py_ssize_t nbytes = len * a->ob_descr->itemsize;
    for (Py_ssize_t i = 0; i < n; i++)
        memcpy(np->ob_item + i * nbytes, a->ob_item, nbytes);
    return (PyObject *)np;
}

/* Delete items [ilow, ihigh). */
static int array_del_slice(arrayobject *a, Py_ssize_t ilow, Py_ssize_t ihigh)
{
    if (ilow < 0)
        ilow = 0;
    else if (ilow > Py_SIZE(a))
        ilow = Py_SIZE(a);
    if (ihigh < 0)
        ihigh = 0;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > Py_SIZE(a))
        ihigh = Py_SIZE(a);
    Py_ssize_t d = ihigh - ilow;
    if (d == 0)
        return 0;
    if (a->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    int sz = a->ob_descr->itemsize;
    memmove(a->ob_item + ilow * sz, a->ob_item + ihigh * sz, (Py_SIZE(a) - ihigh) * sz);
    return array_resize(a, Py_SIZE(a) - d);
}

static int array_ass_item(arrayobject *a, Py_ssize_t i, PyObject *v)
{
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "array assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return array_del_slice(a, i, i + 1);
    return a->ob_descr->setitem(a, i, v);
}

static int array_contains(arrayobject *self, PyObject *v)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *item = getarrayitem((PyObject *)self, i);
        if (item == NULL)
            return -1;
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp != 0)
            return cmp;
    }
    return 0;
}

static int array_do_extend(arrayobject *self, PyObject *bb);

static PyObject *array_inplace_concat(arrayobject *self, PyObject *bb)
{
    if (!array_Check(bb)) {
        PyErr_Format(PyExc_TypeError, "can only extend array with array (not \"%.200s\")",
                     Py_TYPE(bb)->tp_name);
        return NULL;
    }
    if (array_do_extend(self, bb) < 0)
        return NULL;
    Py_INCREF(self);
    return (PyObject *)self;
}

static PyObject *array_inplace_repeat(arrayobject *self, Py_ssize_t n)
{
    Py_ssize_t len = Py_SIZE(self);
    if (len > 0) {
        if (n < 0)
            n = 0;
        if (n > 0 && len > PY_SSIZE_T_MAX / n)
            return PyErr_NoMemory();
        Py_ssize_t nbytes = len * self->ob_descr->itemsize;
        if (array_resize(self, n * len) < 0)
            return NULL;
        for (Py_ssize_t i = 1; i < n; i++)
            memcpy(self->ob_item + i * nbytes, self->ob_item, nbytes);
    }
    Py_INCREF(self);
    return (PyObject *)self;
}

/* ------------------------------------------------------------ mapping protocol */

static PyObject *array_subscr(arrayobject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return array_item(self, i);
    }
    if (!PySlice_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "array indices must be integers");
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return NULL;
    Py_ssize_t n = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    int sz = self->ob_descr->itemsize;
    if (step == 1)
        return array_slice(self, start, start + n);
    arrayobject *ar = (arrayobject *)newarrayobject(&Arraytype, n, self->ob_descr);
    if (ar == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++)     /* start + i*step: no overflow past the end */
        memcpy(ar->ob_item + i * sz, self->ob_item + (start + i * step) * sz, sz);
    return (PyObject *)ar;
}

static int array_ass_subscr(arrayobject *self, PyObject *item, PyObject *value)
{
    Py_ssize_t start, stop, step, slicelength, needed;
    arrayobject *other;
    int itemsize = self->ob_descr->itemsize;

    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        if (i < 0)
            i += Py_SIZE(self);
        if (i < 0 || i >= Py_SIZE(self)) {
            PyErr_SetString(PyExc_IndexError, "array assignment index out of range");
            return -1;
        }
        if (value == NULL) {
            start = i;
            stop = i + 1;
            step = 1;
            slicelength = 1;
        }
        else
            return self->ob_descr->setitem(self, i, value);
    }
    else if (PySlice_Check(item)) {
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return -1;
        slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "array indices must be integers");
        return -1;
    }

    if (value == NULL) {
        other = NULL;
        needed = 0;
    }
    else if (array_Check(value)) {
        other = (arrayobject *)value;
        needed = Py_SIZE(other);
        if (self == other) {
            /* Special case "self[i:j] = self" -- copy self first */
            value = array_slice(other, 0, needed);
            if (value == NULL)
                return -1;
            int ret = array_ass_subscr(self, item, value);
            Py_DECREF(value);
            return ret;
        }
        if (other->ob_descr != self->ob_descr) {
            PyErr_BadArgument();
            return -1;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "can only assign array (not \"%.200s\") to array slice",
                     Py_TYPE(value)->tp_name);
        return -1;
    }

    /* for 'a[2:1] = ...', the insertion point is 'start', not 'stop' */
    if ((step > 0 && stop < start) || (step < 0 && stop > start))
        stop = start;

    /* A size change is refused while buffers are exported: check before moving items. */
    if ((needed == 0 || slicelength != needed) && self->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError, "cannot resize an array that is exporting buffers");
        return -1;
    }
    if (step == 1) {
        if (slicelength > needed) {
            memmove(self->ob_item + (start + needed) * itemsize, self->ob_item + stop * itemsize,
                    (Py_SIZE(self) - stop) * itemsize);
            if (array_resize(self, Py_SIZE(self) + needed - slicelength) < 0)
                return -1;
        }
        else if (slicelength < needed) {
            if (array_resize(self, Py_SIZE(self) + needed - slicelength) < 0)
                return -1;
            memmove(self->ob_item + (start + needed) * itemsize, self->ob_item + stop * itemsize,
                    (Py_SIZE(self) - start - needed) * itemsize);
        }
        if (needed > 0)
            memcpy(self->ob_item + start * itemsize, other->ob_item, needed * itemsize);
        return 0;
    }
    if (needed == 0) {
        /* Delete slice: walk it forwards whatever the sign of step */
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelength - 1) - 1;
            step = -step;
        }
        if (self->ob_exports > 0 && slicelength > 0) {
            PyErr_SetString(PyExc_BufferError, "cannot resize an array that is exporting buffers");
            return -1;
        }
        /* step may be as large as PY_SSIZE_T_MAX (a[9::1<<333]): compare without
         * forming cur + step, which would overflow. */
        Py_ssize_t cur, i;
        for (cur = start, i = 0; i < slicelength; cur += (i + 1 < slicelength ? step : 0), i++) {
            Py_ssize_t lim = step - 1;
            if (step >= Py_SIZE(self) - cur)
                lim = Py_SIZE(self) - cur - 1;
            memmove(self->ob_item + (cur - i) * itemsize, self->ob_item + (cur + 1) * itemsize,
                    lim * itemsize);
        }
        /* the tail after the last deleted item's gap, when the loop did not move it */
        size_t tail = slicelength == 0 ? (size_t)Py_SIZE(self)
                                       : (size_t)cur + (size_t)step;
        if (slicelength > 0 && tail < (size_t)Py_SIZE(self))
            memmove(self->ob_item + (tail - slicelength) * itemsize, self->ob_item + tail * itemsize,
                    (Py_SIZE(self) - tail) * itemsize);
        return array_resize(self, Py_SIZE(self) - slicelength);
    }
    if (needed != slicelength) {
        PyErr_Format(PyExc_ValueError,
                     "attempt to assign array of size %zd to extended slice of size %zd",
                     needed, slicelength);
        return -1;
    }
    for (Py_ssize_t i = 0; i < slicelength; i++)
        memcpy(self->ob_item + (start + i * step) * itemsize, other->ob_item + i * itemsize,
               itemsize);
    return 0;
}

/* ------------------------------------------------------------ comparison, repr */

static PyObject *array_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!array_Check(v) || !array_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    arrayobject *va = (arrayobject *)v, *wa = (arrayobject *)w;
    if (Py_SIZE(va) != Py_SIZE(wa) && (op == Py_EQ || op == Py_NE)) {
        if (op == Py_EQ)
            Py_RETURN_FALSE;
        Py_RETURN_TRUE;
    }
    /* Search for the first index where items are different */
    PyObject *vi = NULL, *wi = NULL;
    int k = 1;
    Py_ssize_t i;
    for (i = 0; i < Py_SIZE(va) && i < Py_SIZE(wa); i++) {
        vi = getarrayitem(v, i);
        wi = getarrayitem(w, i);
        if (vi == NULL || wi == NULL) {
            Py_XDECREF(vi);
            Py_XDECREF(wi);
            return NULL;
        }
        k = PyObject_RichCompareBool(vi, wi, Py_EQ);
        if (k == 0)
            break;   /* keeping vi and wi alive! */
        Py_DECREF(vi);
        Py_DECREF(wi);
        if (k < 0)
            return NULL;
    }
    if (k) {
        /* No more items to compare -- compare sizes */
        Py_ssize_t vs = Py_SIZE(va), ws = Py_SIZE(wa);
        int cmp;
        switch (op) {
        case Py_LT: cmp = vs < ws; break;
        case Py_LE: cmp = vs <= ws; break;
        case Py_EQ: cmp = vs == ws; break;
        case Py_NE: cmp = vs != ws; break;
        case Py_GT: cmp = vs > ws; break;
        case Py_GE: cmp = vs >= ws; break;
        default: return NULL;
        }
        return PyBool_FromLong(cmp);
    }
    PyObject *res;
    if (op == Py_EQ) {
        Py_INCREF(Py_False);
        res = Py_False;
    }
    else if (op == Py_NE) {
        Py_INCREF(Py_True);
        res = Py_True;
    }
    else
        res = PyObject_RichCompare(vi, wi, op);
    Py_DECREF(vi);
    Py_DECREF(wi);
    return res;
}

static PyObject *array_tolist_impl(arrayobject *self);
static PyObject *array_tounicode_impl(arrayobject *self);

static PyObject *array_repr(arrayobject *a)
{
    char typecode = a->ob_descr->typecode;
    const char *name = _PyType_Name(Py_TYPE(a));
    if (Py_SIZE(a) == 0)
        return PyUnicode_FromFormat("%s('%c')", name, (int)typecode);
    PyObject *v = typecode == 'u' ? array_tounicode_impl(a) : array_tolist_impl(a);
    if (v == NULL)
        return NULL;
    PyObject *s = PyUnicode_FromFormat("%s('%c', %R)", name, (int)typecode, v);
    Py_DECREF(v);
    return s;
}

/* ------------------------------------------------------------ methods */

static PyObject *array_append(arrayobject *self, PyObject *v)
{
    if (ins1(self, Py_SIZE(self), v) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_buffer_info(arrayobject *self, PyObject *unused)
{
    PyObject *addr = PyLong_FromVoidPtr(self->ob_item);
    if (addr == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", addr, Py_SIZE(self));
}

static PyObject *array_byteswap(arrayobject *self, PyObject *unused)
{
    char *p = self->ob_item;
    Py_ssize_t n = Py_SIZE(self);
    int sz = self->ob_descr->itemsize;
    if (sz != 1 && sz != 2 && sz != 4 && sz != 8) {
        PyErr_SetString(PyExc_RuntimeError, "don't know how to byteswap this array type");
        return NULL;
    }
    for (; --n >= 0; p += sz)
        for (int lo = 0, hi = sz - 1; lo < hi; lo++, hi--) {
            char t = p[lo];
            p[lo] = p[hi];
            p[hi] = t;
        }
    Py_RETURN_NONE;
}

static PyObject *array_count(arrayobject *self, PyObject *v)
{
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *item = getarrayitem((PyObject *)self, i);
        if (item == NULL)
            return NULL;
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(count);
}

static int array_iter_extend(arrayobject *self, PyObject *bb)
{
    PyObject *it = PyObject_GetIter(bb);
    if (it == NULL)
        return -1;
    PyObject *v;
    while ((v = PyIter_Next(it)) != NULL) {
        if (ins1(self, Py_SIZE(self), v) < 0) {
            Py_DECREF(v);
            Py_DECREF(it);
            return -1;
        }
        Py_DECREF(v);
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int array_do_extend(arrayobject *self, PyObject *bb)
{
    if (!array_Check(bb))
        return array_iter_extend(self, bb);
    arrayobject *b = (arrayobject *)bb;
    if (self->ob_descr != b->ob_descr) {
        PyErr_SetString(PyExc_TypeError, "can only extend with array of same kind");
        return -1;
    }
    if (Py_SIZE(self) > PY_SSIZE_T_MAX - Py_SIZE(b)) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t oldsize = Py_SIZE(self), bbsize = Py_SIZE(b);
    if (array_resize(self, oldsize + bbsize) < 0)
        return -1;
    if (bbsize > 0)
        memcpy(self->ob_item + oldsize * self->ob_descr->itemsize, b->ob_item,
               bbsize * b->ob_descr->itemsize);
    return 0;
}

static PyObject *array_extend(arrayobject *self, PyObject *bb)
{
    if (array_do_extend(self, bb) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *frombytes(arrayobject *self, Py_buffer *buffer)
{
    int itemsize = self->ob_descr->itemsize;
    if (buffer->itemsize != 1) {
        PyBuffer_Release(buffer);
        PyErr_SetString(PyExc_TypeError, "a bytes-like object is required");
        return NULL;
    }
    Py_ssize_t n = buffer->len;
    if (n % itemsize != 0) {
        PyBuffer_Release(buffer);
        PyErr_SetString(PyExc_ValueError, "bytes length not a multiple of item size");
        return NULL;
    }
    n = n / itemsize;
    if (n > 0) {
        Py_ssize_t old_size = Py_SIZE(self);
        if (n > PY_SSIZE_T_MAX - old_size || old_size + n > PY_SSIZE_T_MAX / itemsize) {
            PyBuffer_Release(buffer);
            return PyErr_NoMemory();
        }
        if (array_resize(self, old_size + n) < 0) {
            PyBuffer_Release(buffer);
            return NULL;
        }
        memcpy(self->ob_item + old_size * itemsize, buffer->buf, n * itemsize);
    }
    PyBuffer_Release(buffer);
    Py_RETURN_NONE;
}

static PyObject *array_frombytes(arrayobject *self, PyObject *arg)
{
    Py_buffer buffer;
    if (PyObject_GetBuffer(arg, &buffer, PyBUF_SIMPLE) < 0)
        return NULL;
    return frombytes(self, &buffer);
}

static PyObject *array_fromfile(arrayobject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("fromfile", nargs, 2, 2))
        return NULL;
    PyObject *f = args[0];
    Py_ssize_t n = PyNumber_AsSsize_t(args[1], PyExc_OverflowError);
    if (n == -1 && PyErr_Occurred())
        return NULL;
    int itemsize = self->ob_descr->itemsize;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative count");
        return NULL;
    }
    if (n > PY_SSIZE_T_MAX / itemsize)
        return PyErr_NoMemory();
    Py_ssize_t nbytes = n * itemsize;
    PyObject *b = PyObject_CallMethod(f, "read", "n", nbytes);
    if (b == NULL)
        return NULL;
    if (!PyBytes_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "read() didn't return bytes");
        Py_DECREF(b);
        return NULL;
    }
    int not_enough_bytes = (PyBytes_GET_SIZE(b) != nbytes);
    Py_buffer buffer;
    if (PyObject_GetBuffer(b, &buffer, PyBUF_SIMPLE) < 0) {
        Py_DECREF(b);
        return NULL;
    }
    PyObject *res = frombytes(self, &buffer);
    Py_DECREF(b);
    if (res == NULL)
        return NULL;
    if (not_enough_bytes) {
        PyErr_SetString(PyExc_EOFError, "read() didn't return enough bytes");
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

static PyObject *array_fromlist(arrayobject *self, PyObject *list)
{
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_TypeError, "arg must be list");
        return NULL;
    }
    Py_ssize_t n = PyList_Size(list);
    if (n > 0) {
        Py_ssize_t old_size = Py_SIZE(self);
        if (array_resize(self, old_size + n) == -1)
            return NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *v = PyList_GET_ITEM(list, i);
            if (self->ob_descr->setitem(self, Py_SIZE(self) - n + i, v) != 0) {
                array_resize(self, old_size);
                return NULL;
            }
            if (n != PyList_GET_SIZE(list)) {
                PyErr_SetString(PyExc_RuntimeError, "list changed size during iteration");
                array_resize(self, old_size);
                return NULL;
            }
        }
    }
    Py_RETURN_NONE;
}

static PyObject *array_fromunicode(arrayobject *self, PyObject *ustr)
{
    if (!PyUnicode_Check(ustr)) {
        PyErr_Format(PyExc_TypeError, "fromunicode() argument must be str, not %.50s",
                     Py_TYPE(ustr)->tp_name);
        return NULL;
    }
    if (self->ob_descr->typecode != 'u') {
        PyErr_SetString(PyExc_ValueError,
                        "fromunicode() may only be called on unicode type arrays");
        return NULL;
    }
    Py_ssize_t ustr_length = PyUnicode_AsWideChar(ustr, NULL, 0);
    if (ustr_length < 0)
        return NULL;
    if (ustr_length > 1) {
        ustr_length--;   /* trim trailing NUL character */
        Py_ssize_t old_size = Py_SIZE(self);
        if (array_resize(self, old_size + ustr_length) == -1)
            return NULL;
        PyUnicode_AsWideChar(ustr, ((wchar_t *)self->ob_item) + old_size, ustr_length);
    }
    Py_RETURN_NONE;
}

static PyObject *array_index(arrayobject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("index", nargs, 1, 3))
        return NULL;
    Py_ssize_t start = 0, stop = PY_SSIZE_T_MAX;
    if (nargs > 1 && !_PyEval_SliceIndexNotNone(args[1], &start))
        return NULL;
    if (nargs > 2 && !_PyEval_SliceIndexNotNone(args[2], &stop))
        return NULL;
    if (start < 0) {
        start += Py_SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += Py_SIZE(self);
    /* Don't use the cached size: the array may shrink during the comparisons. */
    for (Py_ssize_t i = start; i < stop && i < Py_SIZE(self); i++) {
        PyObject *item = getarrayitem((PyObject *)self, i);
        if (item == NULL)
            return NULL;
        int cmp = PyObject_RichCompareBool(item, args[0], Py_EQ);
        Py_DECREF(item);
        if (cmp > 0)
            return PyLong_FromSsize_t(i);
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "array.index(x): x not in array");
    return NULL;
}

static PyObject *array_insert(arrayobject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("insert", nargs, 2, 2))
        return NULL;
    Py_ssize_t i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if (ins1(self, i, args[1]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *array_pop(arrayobject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 0, 1))
        return NULL;
    Py_ssize_t i = -1;
    if (nargs > 0) {
        i = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
    }
    if (Py_SIZE(self) == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty array");
        return NULL;
    }
    if (i < 0)
        i += Py_SIZE(self);
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    PyObject *v = getarrayitem((PyObject *)self, i);
    if (v == NULL)
        return NULL;
    if (array_del_slice(self, i, i + 1) != 0) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *array_remove(arrayobject *self, PyObject *v)
{
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *item = getarrayitem((PyObject *)self, i);
        if (item == NULL)
            return NULL;
        int cmp = PyObject_RichCompareBool(item, v, Py_EQ);
        Py_DECREF(item);
        if (cmp > 0) {
            if (array_del_slice(self, i, i + 1) != 0)
                return NULL;
            Py_RETURN_NONE;
        }
        if (cmp < 0)
            return NULL;
    }
    PyErr_SetString(PyExc_ValueError, "array.remove(x): x not in array");
    return NULL;
}

static PyObject *array_reverse(arrayobject *self, PyObject *unused)
{
    Py_ssize_t sz = self->ob_descr->itemsize;
    char tmp[32];
    if (Py_SIZE(self) > 1) {
        for (char *p = self->ob_item, *q = self->ob_item + (Py_SIZE(self) - 1) * sz; p < q;
             p += sz, q -= sz) {
            memcpy(tmp, p, sz);
            memcpy(p, q, sz);
            memcpy(q, tmp, sz);
        }
    }
    Py_RETURN_NONE;
}

static PyObject *array_tobytes(arrayobject *self, PyObject *unused)
{
    if (Py_SIZE(self) > PY_SSIZE_T_MAX / self->ob_descr->itemsize)
        return PyErr_NoMemory();
    return PyBytes_FromStringAndSize(self->ob_item, Py_SIZE(self) * self->ob_descr->itemsize);
}

static PyObject *array_tofile(arrayobject *self, PyObject *f)
{
    Py_ssize_t nbytes = Py_SIZE(self) * self->ob_descr->itemsize;
    const Py_ssize_t BLOCKSIZE = 64 * 1024;   /* write in blocks so huge arrays stream */
    Py_ssize_t nblocks = (nbytes + BLOCKSIZE - 1) / BLOCKSIZE;
    for (Py_ssize_t i = 0; i < nblocks; i++) {
        char *ptr = self->ob_item + i * BLOCKSIZE;
        Py_ssize_t size = BLOCKSIZE;
        if (i * BLOCKSIZE + size > nbytes)
            size = nbytes - i * BLOCKSIZE;
        PyObject *bytes = PyBytes_FromStringAndSize(ptr, size);
        if (bytes == NULL)
            return NULL;
        PyObject *res = PyObject_CallMethod(f, "write", "O", bytes);
        Py_DECREF(bytes);
        if (res == NULL)
            return NULL;
        Py_DECREF(res);
    }
    Py_RETURN_NONE;
}

static PyObject *array_tolist_impl(arrayobject *self)
{
    PyObject *list = PyList_New(Py_SIZE(self));
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < Py_SIZE(self); i++) {
        PyObject *v = getarrayitem((PyObject *)self, i);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, v);
    }
    return list;
}

static PyObject *array_tolist(arrayobject *self, PyObject *unused) { return array_tolist_impl(self); }

static PyObject *array_tounicode_impl(arrayobject *self)
{
    return PyUnicode_FromWideChar((wchar_t *)self->ob_item, Py_SIZE(self));
}

static PyObject *array_tounicode(arrayobject *self, PyObject *unused)
{
    if (self->ob_descr->typecode != 'u') {
        PyErr_SetString(PyExc_ValueError, "tounicode() may only be called on unicode type arrays");
        return NULL;
    }
    return array_tounicode_impl(self);
}

static PyObject *array_copy(arrayobject *self, PyObject *unused)
{
    return array_slice(self, 0, Py_SIZE(self));
}

static PyObject *array_sizeof(arrayobject *self, PyObject *unused)
{
    Py_ssize_t res = _PyObject_SIZE(Py_TYPE(self)) + self->allocated * self->ob_descr->itemsize;
    return PyLong_FromSsize_t(res);
}

/* ------------------------------------------------------------ pickling */

static enum machine_format_code typecode_to_mformat_code(char typecode)
{
    const int is_big_endian = __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__;
    size_t intsize;
    int is_signed;
    switch (typecode) {
    case 'b': return SIGNED_INT8;
    case 'B': return UNSIGNED_INT8;
    case 'u':
        if (sizeof(wchar_t) == 2)
            return UTF16_LE + is_big_endian;
        return UTF32_LE + is_big_endian;
    case 'f': return IEEE_754_FLOAT_LE + is_big_endian;
    case 'd': return IEEE_754_DOUBLE_LE + is_big_endian;
    case 'h': intsize = sizeof(short); is_signed = 1; break;
    case 'H': intsize = sizeof(short); is_signed = 0; break;
    case 'i': intsize = sizeof(int); is_signed = 1; break;
    case 'I': intsize = sizeof(int); is_signed = 0; break;
    case 'l': intsize = sizeof(long); is_signed = 1; break;
    case 'L': intsize = sizeof(long); is_signed = 0; break;
    case 'q': intsize = sizeof(long long); is_signed = 1; break;
    case 'Q': intsize = sizeof(long long); is_signed = 0; break;
    default: return UNKNOWN_FORMAT;
    }
    switch (intsize) {
    case 2: return UNSIGNED_INT16_LE + is_big_endian + (2 * is_signed);
    case 4: return UNSIGNED_INT32_LE + is_big_endian + (2 * is_signed);
    case 8: return UNSIGNED_INT64_LE + is_big_endian + (2 * is_signed);
    default: return UNKNOWN_FORMAT;
    }
}

static PyObject *get_reconstructor(void)
{
    PyObject *mod = PyImport_ImportModule("array");
    if (mod == NULL)
        return NULL;
    PyObject *f = PyObject_GetAttrString(mod, "_array_reconstructor");
    Py_DECREF(mod);
    return f;
}

static PyObject *array_reduce_ex(arrayobject *array, PyObject *value)
{
    long protocol = PyLong_AsLong(value);
    if (protocol == -1 && PyErr_Occurred())
        return NULL;
    PyObject *dict;
    if (_PyObject_LookupAttr((PyObject *)array, _Py_ID(__dict__), &dict) < 0)
        return NULL;
    if (dict == NULL) {
        dict = Py_None;
        Py_INCREF(dict);
    }
    int typecode = array->ob_descr->typecode;
    int mformat_code = typecode_to_mformat_code((char)typecode);
    if (mformat_code == UNKNOWN_FORMAT || protocol < 3) {
        /* Pickle as a list for old protocols (no bytes object) and odd formats. */
        PyObject *list = array_tolist_impl(array);
        if (list == NULL) {
            Py_DECREF(dict);
            return NULL;
        }
        /* "N": the tuple takes over our reference to the list (with "O" it leaked) */
        return Py_BuildValue("O(CN)N", Py_TYPE(array), typecode, list, dict);
    }
    PyObject *array_str = array_tobytes(array, NULL);
    if (array_str == NULL) {
        Py_DECREF(dict);
        return NULL;
    }
    PyObject *recon = get_reconstructor();
    if (recon == NULL) {
        Py_DECREF(array_str);
        Py_DECREF(dict);
        return NULL;
    }
    return Py_BuildValue("N(OCiN)N", recon, Py_TYPE(array), typecode, mformat_code, array_str,
                         dict);
}

static PyObject *make_array(PyTypeObject *arraytype, char typecode, PyObject *items)
{
    PyObject *tc = PyUnicode_FromOrdinal(typecode);
    if (tc == NULL)
        return NULL;
    PyObject *new_args = PyTuple_Pack(2, tc, items);
    Py_DECREF(tc);
    if (new_args == NULL)
        return NULL;
    PyObject *array_obj = PyObject_Call((PyObject *)arraytype, new_args, NULL);
    Py_DECREF(new_args);
    return array_obj;
}

static const struct mformatdescr {
    size_t size;
    int is_signed;
    int is_big_endian;
} mformat_descriptors[] = {
    {1, 0, 0}, {1, 1, 0},
    {2, 0, 0}, {2, 0, 1}, {2, 1, 0}, {2, 1, 1},
    {4, 0, 0}, {4, 0, 1}, {4, 1, 0}, {4, 1, 1},
    {8, 0, 0}, {8, 0, 1}, {8, 1, 0}, {8, 1, 1},
    {4, 0, 0}, {4, 0, 1}, {8, 0, 0}, {8, 0, 1},
    {4, 0, 0}, {4, 0, 1}, {8, 0, 0}, {8, 0, 1},
};

/* Rebuild an array pickled on a machine whose native layout may differ from ours. */
static PyObject *array_reconstructor(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_array_reconstructor", nargs, 4, 4))
        return NULL;
    PyObject *arraytype_o = args[0], *tc = args[1], *items = args[3];
    if (!PyType_Check(arraytype_o)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a type object, not %.200s",
                     Py_TYPE(arraytype_o)->tp_name);
        return NULL;
    }
    PyTypeObject *arraytype = (PyTypeObject *)arraytype_o;
    if (!PyType_IsSubtype(arraytype, &Arraytype)) {
        PyErr_Format(PyExc_TypeError, "%.200s is not a subtype of %.200s", arraytype->tp_name,
                     Arraytype.tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(tc) || PyUnicode_GetLength(tc) != 1) {
        PyErr_Format(PyExc_TypeError,
                     "_array_reconstructor() argument 2 must be a unicode character, not %.50s",
                     PyUnicode_Check(tc) ? "a string of length != 1" : Py_TYPE(tc)->tp_name);
        return NULL;
    }
    Py_UCS4 typecode = PyUnicode_ReadChar(tc, 0);
    int mformat_code = _PyLong_AsInt(args[2]);
    if (mformat_code == -1 && PyErr_Occurred())
        return NULL;
    const struct arraydescr *descr = typecode < 128 ? find_descr((int)typecode) : NULL;
    if (descr == NULL) {
        PyErr_SetString(PyExc_ValueError, "second argument must be a valid type code");
        return NULL;
    }
    if (mformat_code < MACHINE_FORMAT_CODE_MIN || mformat_code > MACHINE_FORMAT_CODE_MAX) {
        PyErr_SetString(PyExc_ValueError, "third argument must be a valid machine format code.");
        return NULL;
    }
    if (!PyBytes_Check(items)) {
        PyErr_Format(PyExc_TypeError, "fourth argument should be bytes, not %.200s",
                     Py_TYPE(items)->tp_name);
        return NULL;
    }
    if (mformat_code == typecode_to_mformat_code((char)typecode))
        return make_array(arraytype, (char)typecode, items);

    const unsigned char *memstr = (const unsigned char *)PyBytes_AS_STRING(items);
    Py_ssize_t memlen = PyBytes_GET_SIZE(items);
    const struct mformatdescr mf = mformat_descriptors[mformat_code];
    PyObject *converted_items;
    switch (mformat_code) {
    case IEEE_754_FLOAT_LE: case IEEE_754_FLOAT_BE:
    case IEEE_754_DOUBLE_LE: case IEEE_754_DOUBLE_BE: {
        Py_ssize_t n = memlen / mf.size;
        int le = !mf.is_big_endian;
        converted_items = PyList_New(n);
        if (converted_items == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            double x = mf.size == 4 ? PyFloat_Unpack4((const char *)memstr + i * 4, le)
                                    : PyFloat_Unpack8((const char *)memstr + i * 8, le);
            PyObject *pyfloat = x == -1.0 && PyErr_Occurred() ? NULL : PyFloat_FromDouble(x);
            if (pyfloat == NULL) {
                Py_DECREF(converted_items);
                return NULL;
            }
            PyList_SET_ITEM(converted_items, i, pyfloat);
        }
        break;
    }
    case UTF16_LE: case UTF16_BE: case UTF32_LE: case UTF32_BE: {
        int byteorder = mf.is_big_endian ? 1 : -1;
        converted_items = mf.size == 4
            ? PyUnicode_DecodeUTF16((const char *)memstr, memlen, "strict", &byteorder)
            : PyUnicode_DecodeUTF32((const char *)memstr, memlen, "strict", &byteorder);
        if (converted_items == NULL)
            return NULL;
        break;
    }
    default: {
        /* Integers: find a native typecode of the same signedness at least as wide. */
        Py_ssize_t itemcount = memlen / mf.size;
        /* The last matching descriptor wins, as in CPython ('q' over 'l'). */
        int found = 0;
        for (const struct arraydescr *d = descriptors; d->typecode; d++)
            if (d->is_integer_type && (size_t)d->itemsize == mf.size && d->is_signed == mf.is_signed) {
                typecode = d->typecode;
                found = 1;
            }
        if (!found)
            for (const struct arraydescr *d = descriptors; d->typecode; d++)
                if (d->is_integer_type && (size_t)d->itemsize > mf.size && d->is_signed == mf.is_signed) {
                    typecode = d->typecode;
                    found = 1;
                }
        if (!found) {
            PyErr_SetString(PyExc_ValueError, "second argument must be a valid type code");
            return NULL;
        }
        converted_items = PyList_New(itemcount);
        if (converted_items == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < itemcount; i++) {
            PyObject *pylong = _PyLong_FromByteArray(memstr + i * mf.size, mf.size,
                                                     !mf.is_big_endian, mf.is_signed);
            if (pylong == NULL) {
                Py_DECREF(converted_items);
                return NULL;
            }
            PyList_SET_ITEM(converted_items, i, pylong);
        }
        break;
    }
    }
    PyObject *result = make_array(arraytype, (char)typecode, converted_items);
    Py_DECREF(converted_items);
    return result;
}

/* ------------------------------------------------------------ getters */

static PyObject *array_get_typecode(arrayobject *a, void *closure)
{
    return PyUnicode_FromOrdinal(a->ob_descr->typecode);
}

static PyObject *array_get_itemsize(arrayobject *a, void *closure)
{
    return PyLong_FromLong((long)a->ob_descr->itemsize);
}

static PyGetSetDef array_getsets[] = {
    {"typecode", (getter)array_get_typecode, NULL, "the typecode character used to create the array", NULL},
    {"itemsize", (getter)array_get_itemsize, NULL, "the size, in bytes, of one array item", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define FAST (PyCFunction)(void (*)(void))
static PyMethodDef array_methods[] = {
    {"append", (PyCFunction)array_append, METH_O,
     "append($self, v, /)\n--\n\n"
     "Append new value v to the end of the array."},
    {"buffer_info", (PyCFunction)array_buffer_info, METH_NOARGS,
     "buffer_info($self, /)\n--\n\n"
     "Return a tuple (address, length) giving the current memory address and the length in "
     "items of the buffer used to hold array's contents.\n\n"
     "The length should be multiplied by the itemsize attribute to calculate\n"
     "the buffer length in bytes."},
    {"byteswap", (PyCFunction)array_byteswap, METH_NOARGS,
     "byteswap($self, /)\n--\n\n"
     "Byteswap all items of the array.\n\n"
     "If the items in the array are not 1, 2, 4, or 8 bytes in size, RuntimeError is\n"
     "raised."},
    {"__copy__", (PyCFunction)array_copy, METH_NOARGS,
     "__copy__($self, /)\n--\n\n"
     "Return a copy of the array."},
    {"count", (PyCFunction)array_count, METH_O,
     "count($self, v, /)\n--\n\n"
     "Return number of occurrences of v in the array."},
    {"__deepcopy__", (PyCFunction)array_copy, METH_O,
     "__deepcopy__($self, unused, /)\n--\n\n"
     "Return a copy of the array."},
    {"extend", (PyCFunction)array_extend, METH_O,
     "extend($self, bb, /)\n--\n\n"
     "Append items to the end of the array."},
    {"frombytes", (PyCFunction)array_frombytes, METH_O,
     "frombytes($self, buffer, /)\n--\n\n"
     "Appends items from the string, interpreting it as an array of machine values, as if it "
     "had been read from a file using the fromfile() method."},
    {"fromfile", FAST array_fromfile, METH_FASTCALL,
     "fromfile($self, f, n, /)\n--\n\n"
     "Read n objects from the file object f and append them to the end of the array."},
    {"fromlist", (PyCFunction)array_fromlist, METH_O,
     "fromlist($self, list, /)\n--\n\n"
     "Append items to array from list."},
    {"fromunicode", (PyCFunction)array_fromunicode, METH_O,
     "fromunicode($self, ustr, /)\n--\n\n"
     "Extends this array with data from the unicode string ustr.\n\n"
     "The array must be a unicode type array; otherwise a ValueError is raised.\n"
     "Use array.frombytes(ustr.encode(...)) to append Unicode data to an array of\n"
     "some other type."},
    {"index", FAST array_index, METH_FASTCALL,
     "index($self, v, start=0, stop=sys.maxsize, /)\n--\n\n"
     "Return index of first occurrence of v in the array.\n\n"
     "Raise ValueError if the value is not present."},
    {"insert", FAST array_insert, METH_FASTCALL,
     "insert($self, i, v, /)\n--\n\n"
     "Insert a new item v into the array before position i."},
    {"pop", FAST array_pop, METH_FASTCALL,
     "pop($self, i=-1, /)\n--\n\n"
     "Return the i-th element and delete it from the array.\n\n"
     "i defaults to -1."},
    {"__reduce_ex__", (PyCFunction)array_reduce_ex, METH_O,
     "__reduce_ex__($self, value, /)\n--\n\n"
     "Return state information for pickling."},
    {"remove", (PyCFunction)array_remove, METH_O,
     "remove($self, v, /)\n--\n\n"
     "Remove the first occurrence of v in the array."},
    {"reverse", (PyCFunction)array_reverse, METH_NOARGS,
     "reverse($self, /)\n--\n\n"
     "Reverse the order of the items in the array."},
    {"tofile", (PyCFunction)array_tofile, METH_O,
     "tofile($self, f, /)\n--\n\n"
     "Write all items (as machine values) to the file object f."},
    {"tolist", (PyCFunction)array_tolist, METH_NOARGS,
     "tolist($self, /)\n--\n\n"
     "Convert array to an ordinary list with the same items."},
    {"tobytes", (PyCFunction)array_tobytes, METH_NOARGS,
     "tobytes($self, /)\n--\n\n"
     "Convert the array to an array of machine values and return the bytes representation."},
    {"tounicode", (PyCFunction)array_tounicode, METH_NOARGS,
     "tounicode($self, /)\n--\n\n"
     "Extends this array with data from the unicode string ustr.\n\n"
     "Convert the array to a unicode string.  The array must be a unicode type array;\n"
     "otherwise a ValueError is raised.  Use array.tobytes().decode() to obtain a\n"
     "unicode string from an array of some other type."},
    {"__sizeof__", (PyCFunction)array_sizeof, METH_NOARGS,
     "__sizeof__($self, /)\n--\n\n"
     "Size of the array in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------ buffer protocol */

static char emptybuf[] = "";   /* buf of an empty array: never NULL */

static int array_buffer_getbuf(arrayobject *self, Py_buffer *view, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "array_buffer_getbuf: view==NULL argument is obsolete");
        return -1;
    }
    view->buf = (void *)self->ob_item;
    view->obj = (PyObject *)self;
    Py_INCREF(self);
    if (view->buf == NULL)
        view->buf = (void *)emptybuf;
    view->len = Py_SIZE(self) * self->ob_descr->itemsize;
    view->readonly = 0;
    view->ndim = 1;
    view->itemsize = self->ob_descr->itemsize;
    view->suboffsets = NULL;
    view->shape = NULL;
    if ((flags & PyBUF_ND) == PyBUF_ND)
        view->shape = &((PyVarObject *)self)->ob_size;
    view->strides = NULL;
    if ((flags & PyBUF_STRIDES) == PyBUF_STRIDES)
        view->strides = &(view->itemsize);
    view->format = NULL;
    view->internal = NULL;
    if ((flags & PyBUF_FORMAT) == PyBUF_FORMAT)
        view->format = (char *)self->ob_descr->formats;
    self->ob_exports++;
    return 0;
}

static void array_buffer_relbuf(arrayobject *self, Py_buffer *view)
{
    self->ob_exports--;
}

/* ------------------------------------------------------------ construction */

static PyObject *array_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &Arraytype || type->tp_init == Arraytype.tp_init) &&
        !_PyArg_NoKeywords("array.array", kwds))
        return NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            PyErr_SetString(PyExc_TypeError, "array() takes at least 1 argument (0 given)");
        else
            PyErr_Format(PyExc_TypeError, "array() takes at most 2 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *tc = PyTuple_GET_ITEM(args, 0);
    PyObject *initial = nargs > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    if (!PyUnicode_Check(tc) || PyUnicode_GetLength(tc) != 1) {
        PyErr_Format(PyExc_TypeError, "array() argument 1 must be a unicode character, not %.50s",
                     Py_TYPE(tc)->tp_name);
        return NULL;
    }
    Py_UCS4 c = PyUnicode_ReadChar(tc, 0);

    if (PySys_Audit("array.__new__", "CO", (int)c, initial ? initial : Py_None) < 0)
        return NULL;

    if (initial && c != 'u') {
        if (PyUnicode_Check(initial)) {
            PyErr_Format(PyExc_TypeError,
                         "cannot use a str to initialize an array with typecode '%c'", (int)c);
            return NULL;
        }
        if (array_Check(initial) && ((arrayobject *)initial)->ob_descr->typecode == 'u') {
            PyErr_Format(PyExc_TypeError,
                         "cannot use a unicode array to initialize an array with typecode '%c'",
                         (int)c);
            return NULL;
        }
    }

    /* Lists, tuples, strings, bytes and arrays get fast paths; anything else is iterated. */
    PyObject *it = NULL;
    if (!(initial == NULL || PyList_Check(initial) || PyByteArray_Check(initial) ||
          PyBytes_Check(initial) || PyTuple_Check(initial) ||
          (c == 'u' && PyUnicode_Check(initial)) ||
          (array_Check(initial) && c == (Py_UCS4)((arrayobject *)initial)->ob_descr->typecode))) {
        it = PyObject_GetIter(initial);
        if (it == NULL)
            return NULL;
        initial = NULL;   /* extended from `it` below */
    }
    const struct arraydescr *descr = c < 128 ? find_descr((int)c) : NULL;
    if (descr == NULL) {
        Py_XDECREF(it);
        PyErr_SetString(PyExc_ValueError,
                        "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
        return NULL;
    }
    Py_ssize_t len = 0;
    if (initial != NULL && (PyList_Check(initial) || PyTuple_Check(initial)))
        len = PySequence_Size(initial);
    PyObject *a = newarrayobject(type, len, descr);
    if (a == NULL) {
        Py_XDECREF(it);
        return NULL;
    }
    if (len > 0) {
        for (Py_ssize_t i = 0; i < len; i++) {
            PyObject *v = PySequence_GetItem(initial, i);
            if (v == NULL) {
                Py_DECREF(a);
                return NULL;
            }
            int r = descr->setitem((arrayobject *)a, i, v);
            Py_DECREF(v);
            if (r != 0) {
                Py_DECREF(a);
                return NULL;
            }
        }
    }
    else if (initial != NULL && (PyByteArray_Check(initial) || PyBytes_Check(initial))) {
        PyObject *v = array_frombytes((arrayobject *)a, initial);
        if (v == NULL) {
            Py_DECREF(a);
            return NULL;
        }
        Py_DECREF(v);
    }
    else if (initial != NULL && PyUnicode_Check(initial)) {
        PyObject *v = array_fromunicode((arrayobject *)a, initial);
        if (v == NULL) {
            Py_DECREF(a);
            return NULL;
        }
        Py_DECREF(v);
    }
    else if (initial != NULL && array_Check(initial) && len == 0) {
        arrayobject *self = (arrayobject *)a, *other = (arrayobject *)initial;
        if (array_resize(self, Py_SIZE(other)) < 0) {
            Py_DECREF(a);
            return NULL;
        }
        if (Py_SIZE(other))
            memcpy(self->ob_item, other->ob_item, Py_SIZE(other) * other->ob_descr->itemsize);
    }
    if (it != NULL) {
        if (array_iter_extend((arrayobject *)a, it) == -1) {
            Py_DECREF(it);
            Py_DECREF(a);
            return NULL;
        }
        Py_DECREF(it);
    }
    return a;
}

static PyObject *array_iter(arrayobject *ao);

static PySequenceMethods array_as_sequence = {
    .sq_length = (lenfunc)array_length,
    .sq_concat = (binaryfunc)array_concat,
    .sq_repeat = (ssizeargfunc)array_repeat,
    .sq_item = (ssizeargfunc)array_item,
    .sq_ass_item = (ssizeobjargproc)array_ass_item,
    .sq_contains = (objobjproc)array_contains,
    .sq_inplace_concat = (binaryfunc)array_inplace_concat,
    .sq_inplace_repeat = (ssizeargfunc)array_inplace_repeat,
};

static PyMappingMethods array_as_mapping = {
    .mp_length = (lenfunc)array_length,
    .mp_subscript = (binaryfunc)array_subscr,
    .mp_ass_subscript = (objobjargproc)array_ass_subscr,
};

static PyBufferProcs array_as_buffer = {
    .bf_getbuffer = (getbufferproc)array_buffer_getbuf,
    .bf_releasebuffer = (releasebufferproc)array_buffer_relbuf,
};

static PyTypeObject Arraytype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "array.array",
    .tp_basicsize = sizeof(arrayobject),
    .tp_dealloc = (destructor)array_dealloc,
    .tp_repr = (reprfunc)array_repr,
    .tp_as_sequence = &array_as_sequence,
    .tp_as_mapping = &array_as_mapping,
    .tp_as_buffer = &array_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC |
                Py_TPFLAGS_SEQUENCE,
    .tp_doc = "array(typecode [, initializer]) -> array\n\n"
              "Return a new array whose items are restricted by typecode, and\n"
              "initialized from the optional initializer value, which must be a list,\n"
              "string or iterable over elements of the appropriate type.\n\n"
              "Arrays represent basic values and behave very much like lists, except\n"
              "the type of objects stored in them is constrained. The type is specified\n"
              "at object creation time by using a type code, which is a single character.\n"
              "The following type codes are defined:\n\n"
              "    Type code   C Type             Minimum size in bytes\n"
              "    'b'         signed integer     1\n"
              "    'B'         unsigned integer   1\n"
              "    'u'         Unicode character  2 (see note)\n"
              "    'h'         signed integer     2\n"
              "    'H'         unsigned integer   2\n"
              "    'i'         signed integer     2\n"
              "    'I'         unsigned integer   2\n"
              "    'l'         signed integer     4\n"
              "    'L'         unsigned integer   4\n"
              "    'q'         signed integer     8 (see note)\n"
              "    'Q'         unsigned integer   8 (see note)\n"
              "    'f'         floating point     4\n"
              "    'd'         floating point     8\n\n"
              "NOTE: The 'u' typecode corresponds to Python's unicode character. On\n"
              "narrow builds this is 2-bytes on wide builds this is 4-bytes.\n\n"
              "NOTE: The 'q' and 'Q' type codes are only available if the platform\n"
              "C compiler used to build Python supports 'long long', or, on Windows,\n"
              "'__int64'.\n\n"
              "Methods:\n\n"
              "append() -- append a new item to the end of the array\n"
              "buffer_info() -- return information giving the current memory info\n"
              "byteswap() -- byteswap all the items of the array\n"
              "count() -- return number of occurrences of an object\n"
              "extend() -- extend array by appending multiple elements from an iterable\n"
              "fromfile() -- read items from a file object\n"
              "fromlist() -- append items from the list\n"
              "frombytes() -- append items from the string\n"
              "index() -- return index of first occurrence of an object\n"
              "insert() -- insert a new item into the array at a provided position\n"
              "pop() -- remove and return item (default last)\n"
              "remove() -- remove first occurrence of an object\n"
              "reverse() -- reverse the order of the items in the array\n"
              "tofile() -- write all items to a file object\n"
              "tolist() -- return the array converted to an ordinary list\n"
              "tobytes() -- return the array converted to a string\n\n"
              "Attributes:\n\n"
              "typecode -- the typecode character used to create the array\n"
              "itemsize -- the length in bytes of one array item\n",
    .tp_traverse = (traverseproc)array_traverse,
    .tp_richcompare = array_richcompare,
    .tp_weaklistoffset = offsetof(arrayobject, weakreflist),
    .tp_iter = (getiterfunc)array_iter,
    .tp_methods = array_methods,
    .tp_getset = array_getsets,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = array_new,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------ iterator */

typedef struct {
    PyObject_HEAD
    Py_ssize_t index;
    arrayobject *ao;   /* NULL once exhausted */
} arrayiterobject;

static PyObject *array_iter(arrayobject *ao)
{
    arrayiterobject *it = PyObject_GC_New(arrayiterobject, &PyArrayIter_Type);
    if (it == NULL)
        return NULL;
    Py_INCREF(ao);
    it->ao = ao;
    it->index = 0;
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

static PyObject *arrayiter_next(arrayiterobject *it)
{
    arrayobject *ao = it->ao;
    if (ao == NULL)
        return NULL;
    if (it->index < Py_SIZE(ao))
        return getarrayitem((PyObject *)ao, it->index++);
    it->ao = NULL;
    Py_DECREF(ao);
    return NULL;
}

static void arrayiter_dealloc(arrayiterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->ao);
    PyObject_GC_Del(it);
}

static int arrayiter_traverse(arrayiterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->ao);
    return 0;
}

static PyObject *arrayiter_reduce(arrayiterobject *self, PyObject *unused)
{
    PyObject *func = _PyEval_GetBuiltin(_Py_ID(iter));
    if (func == NULL)
        return NULL;
    if (self->ao == NULL)
        return Py_BuildValue("N(())", func);
    return Py_BuildValue("N(O)n", func, self->ao, self->index);
}

static PyObject *arrayiter_setstate(arrayiterobject *self, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (self->ao != NULL) {
        if (index < 0)
            index = 0;
        else if (index > Py_SIZE(self->ao))
            index = Py_SIZE(self->ao);   /* iterator exhausted */
        self->index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef arrayiter_methods[] = {
    {"__reduce__", (PyCFunction)arrayiter_reduce, METH_NOARGS,
     "__reduce__($self, /)\n--\n\n"
     "Return state information for pickling."},
    {"__setstate__", (PyCFunction)arrayiter_setstate, METH_O,
     "__setstate__($self, state, /)\n--\n\n"
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PyArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "array.arrayiterator",
    .tp_basicsize = sizeof(arrayiterobject),
    .tp_dealloc = (destructor)arrayiter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)arrayiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)arrayiter_next,
    .tp_methods = arrayiter_methods,
};

/* ------------------------------------------------------------ module */

static PyMethodDef array_module_methods[] = {
    {"_array_reconstructor", FAST array_reconstructor, METH_FASTCALL,
     "_array_reconstructor($module, arraytype, typecode, mformat_code, items,\n"
     "                     /)\n"
     "--\n\n"
     "Internal. Used for pickling support."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef arraymodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "array",
    .m_doc = "This module defines an object type which can efficiently represent\n"
             "an array of basic values: characters, integers, floating point\n"
             "numbers.  Arrays are sequence types and behave very much like lists,\n"
             "except that the type of objects stored in them is constrained.\n",
    .m_size = -1,
    .m_methods = array_module_methods,
};

/* As CPython: array is registered as a collections.abc.MutableSequence. */
static int register_mutable_sequence(void)
{
    PyObject *abc = PyImport_ImportModule("collections.abc");
    if (abc == NULL)
        return -1;
    PyObject *mutseq = PyObject_GetAttrString(abc, "MutableSequence");
    Py_DECREF(abc);
    if (mutseq == NULL)
        return -1;
    PyObject *res = PyObject_CallMethod(mutseq, "register", "O", (PyObject *)&Arraytype);
    Py_DECREF(mutseq);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

PyObject *PyInit_array(void)
{
    if (PyType_Ready(&Arraytype) < 0 || PyType_Ready(&PyArrayIter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&arraymodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Arraytype) < 0 ||
        PyModule_AddObjectRef(m, "ArrayType", (PyObject *)&Arraytype) < 0 ||
        PyModule_AddStringConstant(m, "typecodes", "bBuhHiIlLqQfd") < 0 ||
        register_mutable_sequence() < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
