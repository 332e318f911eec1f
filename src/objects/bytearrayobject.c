/* bytearrayobject.c — bytearray: a mutable byte buffer with over-allocation and a
 * movable start (so del b[:k] is cheap), item/slice assignment, the mutating list-like
 * methods and buffer exports that pin the size.  The non-mutating methods are the
 * shared _Py_bytes_* implementations in bytesobject.c. */
#include "Python.h"
#include "type_docs.h"
#include <stddef.h>

#define BA(op) ((PyByteArrayObject *)(op))

char _PyByteArray_empty_string[] = "";

/* ==== storage ==== */

static int check_exports(PyByteArrayObject *self)
{
    if (self->ob_exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}

int PyByteArray_Resize(PyObject *self, Py_ssize_t requested_size)
{
    PyByteArrayObject *obj = BA(self);
    if (requested_size < 0) {
        PyErr_Format(PyExc_ValueError, "Can only resize to positive sizes, got %zd", requested_size);
        return -1;
    }
    if (requested_size == Py_SIZE(self))
        return 0;
    if (check_exports(obj) < 0)
        return -1;
    Py_ssize_t logical_offset = obj->ob_start - obj->ob_bytes;
    Py_ssize_t alloc = obj->ob_alloc;
    if (requested_size + logical_offset + 1 <= alloc) {
        /* Fits: shrink logically unless far too big. */
        if (requested_size < alloc / 2) {
            goto realloc_needed;
        }
        Py_SET_SIZE(self, requested_size);
        obj->ob_start[requested_size] = '\0';
        return 0;
    }
realloc_needed:
    if (requested_size + 1 > alloc || requested_size < alloc / 2) {
        /* Over-allocate by ~1/8 when growing (as CPython) for amortised appends. */
        alloc = requested_size + (requested_size >> 3) + (requested_size < 9 ? 3 : 6) + 1;
        if (requested_size + 1 > alloc)
            alloc = requested_size + 1;
    }
    char *sval;
    if (logical_offset > 0) {
        sval = PyObject_Malloc(alloc);
        if (sval == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(sval, obj->ob_start, Py_MIN(requested_size, Py_SIZE(self)));
        PyObject_Free(obj->ob_bytes);
    } else {
        sval = PyObject_Realloc(obj->ob_bytes, alloc);
        if (sval == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    obj->ob_bytes = obj->ob_start = sval;
    Py_SET_SIZE(self, requested_size);
    obj->ob_alloc = alloc;
    obj->ob_bytes[requested_size] = '\0';
    return 0;
}

PyObject *PyByteArray_FromStringAndSize(const char *bytes, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyByteArray_FromStringAndSize");
        return NULL;
    }
    PyByteArrayObject *new = PyObject_New(PyByteArrayObject, &PyByteArray_Type);
    if (new == NULL)
        return NULL;
    if (size == 0) {
        new->ob_bytes = NULL;
        new->ob_alloc = 0;
    } else {
        new->ob_bytes = PyObject_Malloc(size + 1);
        if (new->ob_bytes == NULL) {
            Py_DECREF(new);
            return PyErr_NoMemory();
        }
        if (bytes != NULL)
            memcpy(new->ob_bytes, bytes, size);
        new->ob_bytes[size] = '\0';
        new->ob_alloc = size + 1;
    }
    Py_SET_SIZE(new, size);
    new->ob_start = new->ob_bytes;
    new->ob_exports = 0;
    return (PyObject *)new;
}

PyObject *PyByteArray_FromObject(PyObject *input)
{
    return PyObject_CallOneArg((PyObject *)&PyByteArray_Type, input);
}

Py_ssize_t PyByteArray_Size(PyObject *self) { return Py_SIZE(self); }
char *PyByteArray_AsString(PyObject *self) { return PyByteArray_AS_STRING(self); }

static void bytearray_dealloc(PyObject *self)
{
    if (BA(self)->ob_exports > 0) {
        PyErr_SetString(PyExc_SystemError, "deallocated bytearray object has exported buffers");
        PyErr_Print();
    }
    PyObject_Free(BA(self)->ob_bytes);
    Py_TYPE(self)->tp_free(self);
}

static int bytearray_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytearray_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    char *ptr = PyByteArray_AS_STRING(self);
    if (PyBuffer_FillInfo(view, self, ptr, Py_SIZE(self), 0, flags) < 0)
        return -1;
    BA(self)->ob_exports++;
    return 0;
}

static void bytearray_releasebuffer(PyObject *self, Py_buffer *view)
{
    BA(self)->ob_exports--;
}

PyObject *PyByteArray_Concat(PyObject *a, PyObject *b)
{
    Py_buffer va, vb;
    if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) != 0 || PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(b)->tp_name, Py_TYPE(a)->tp_name);
        return NULL;
    }
    PyObject *result = PyByteArray_FromStringAndSize(NULL, va.len + vb.len);
    if (result != NULL) {
        memcpy(PyByteArray_AS_STRING(result), va.buf, va.len);
        memcpy(PyByteArray_AS_STRING(result) + va.len, vb.buf, vb.len);
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    return result;
}

/* ==== construction ==== */

/* Append the items of a non-buffer iterable one by one, as CPython: the bytearray is
 * visible (and growing) while the iterator runs (test_bytes.test_init_alloc). */
static int init_from_iterable(PyObject *self, PyObject *arg)
{
    PyObject *it = PyObject_GetIter(arg), *item;
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytearray",
                         Py_TYPE(arg)->tp_name);
        }
        return -1;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        int overflow;
        long v;
        if (!PyIndex_Check(item)) {
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(item)->tp_name);
            v = -1, overflow = 0;
        }
        else {
            PyObject *index = PyNumber_Index(item);
            v = index == NULL ? -1 : PyLong_AsLongAndOverflow(index, &overflow);
            Py_XDECREF(index);
            if (!PyErr_Occurred() && (overflow || v < 0 || v > 255)) {
                PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
                v = -1;
            }
        }
        Py_DECREF(item);
        Py_ssize_t n = Py_SIZE(self);
        if (v < 0 || PyByteArray_Resize(self, n + 1) < 0) {
            Py_DECREF(it);
            return -1;
        }
        PyByteArray_AS_STRING(self)[n] = (char)v;
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

static int bytearray_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *arg = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytearray", kwlist, &arg, &encoding, &errors))
        return -1;
    if (Py_SIZE(self) != 0 && PyByteArray_Resize(self, 0) < 0)
        return -1;
    if (arg == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL ? "encoding without a string argument"
                                                              : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    PyObject *encoded = NULL;
    if (PyUnicode_Check(arg)) {
        if (encoding == NULL) {
            PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
            return -1;
        }
        encoded = PyUnicode_AsEncodedString(arg, encoding, errors);
        if (encoded == NULL)
            return -1;
        arg = encoded;
    } else if (encoding != NULL || errors != NULL) {
        PyErr_SetString(PyExc_TypeError, encoding != NULL ? "encoding without a string argument"
                                                          : "errors without a string argument");
        return -1;
    }
    if (encoded == NULL && PyIndex_Check(arg) && !PyObject_CheckBuffer(arg)) {
        Py_ssize_t count = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
        if (count == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return -1;
            PyErr_Clear();
        } else {
            if (count < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return -1;
            }
            if (count > 0) {
                if (PyByteArray_Resize(self, count) < 0)
                    return -1;
                memset(PyByteArray_AS_STRING(self), 0, count);
            }
            return 0;
        }
    }
    if (encoded == NULL && !PyObject_CheckBuffer(arg))
        return init_from_iterable(self, arg);
    PyObject *b = PyBytes_FromObject(arg);
    Py_XDECREF(encoded);
    if (b == NULL)
        return -1;
    Py_ssize_t n = PyBytes_GET_SIZE(b);
    int r = PyByteArray_Resize(self, n);
    if (r == 0 && n > 0)
        memcpy(PyByteArray_AS_STRING(self), PyBytes_AS_STRING(b), n);
    Py_DECREF(b);
    return r;
}

static PyObject *bytearray_alloc_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyByteArrayObject *self = (PyByteArrayObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_SET_SIZE(self, 0);
    self->ob_alloc = 0;
    self->ob_bytes = self->ob_start = NULL;
    self->ob_exports = 0;
    return (PyObject *)self;
}

/* ==== sequence protocol ==== */

static Py_ssize_t bytearray_length(PyObject *self) { return Py_SIZE(self); }

static PyObject *bytearray_concat(PyObject *a, PyObject *b) { return PyByteArray_Concat(a, b); }

static PyObject *bytearray_iconcat(PyObject *self, PyObject *other)
{
    Py_buffer vo;
    if (PyObject_GetBuffer(other, &vo, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(other)->tp_name, Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_ssize_t size = Py_SIZE(self);
    if (PyByteArray_Resize(self, size + vo.len) < 0) {
        PyBuffer_Release(&vo);
        return NULL;
    }
    memcpy(PyByteArray_AS_STRING(self) + size, vo.buf, vo.len);
    PyBuffer_Release(&vo);
    return Py_NewRef(self);
}

static PyObject *bytearray_repeat(PyObject *self, Py_ssize_t count)
{
    if (count < 0)
        count = 0;
    Py_ssize_t mysize = Py_SIZE(self);
    if (count > 0 && mysize > PY_SSIZE_T_MAX / count)
        return PyErr_NoMemory();
    PyObject *result = PyByteArray_FromStringAndSize(NULL, mysize * count);
    if (result != NULL)
        for (Py_ssize_t i = 0; i < count; i++)
            memcpy(PyByteArray_AS_STRING(result) + i * mysize, PyByteArray_AS_STRING(self), mysize);
    return result;
}

static PyObject *bytearray_irepeat(PyObject *self, Py_ssize_t count)
{
    if (count < 0)
        count = 0;
    Py_ssize_t mysize = Py_SIZE(self);
    if (count > 0 && mysize > PY_SSIZE_T_MAX / count)
        return PyErr_NoMemory();
    if (PyByteArray_Resize(self, mysize * count) < 0)
        return NULL;
    char *buf = PyByteArray_AS_STRING(self);
    for (Py_ssize_t i = 1; i < count; i++)
        memcpy(buf + i * mysize, buf, mysize);
    return Py_NewRef(self);
}

static PyObject *bytearray_getitem(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(self)[i]);
}

static int byte_value(PyObject *arg, int *value)
{
    Py_ssize_t v = PyNumber_AsSsize_t(arg, NULL);
    if (v == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(arg)->tp_name);
        }
        return 0;
    }
    if (v < 0 || v >= 256) {
        PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
        return 0;
    }
    *value = (int)v;
    return 1;
}

static PyObject *bytearray_subscript(PyObject *self, PyObject *index)
{
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += Py_SIZE(self);
        return bytearray_getitem(self, i);
    }
    if (PySlice_Check(index)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(index, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t slicelength = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
        if (slicelength <= 0)
            return PyByteArray_FromStringAndSize("", 0);
        if (step == 1)
            return PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(self) + start, slicelength);
        PyObject *result = PyByteArray_FromStringAndSize(NULL, slicelength);
        if (result == NULL)
            return NULL;
        const char *src = PyByteArray_AS_STRING(self);
        char *dst = PyByteArray_AS_STRING(result);
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur = (Py_ssize_t)((size_t)cur + (size_t)step), i++)
            dst[i] = src[cur];
        return result;
    }
    PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s", Py_TYPE(index)->tp_name);
    return NULL;
}

/* Replace self[lo:hi] with bytes; resizes as needed. */
static int setslice_linear(PyObject *self, Py_ssize_t lo, Py_ssize_t hi, const char *bytes, Py_ssize_t needed)
{
    Py_ssize_t avail = hi - lo, size = Py_SIZE(self), growth = needed - avail;
    if (growth < 0) {
        if (check_exports(BA(self)) < 0)
            return -1;
        char *buf = PyByteArray_AS_STRING(self);
        if (lo == 0) {
            /* Shrink from the front by moving the start (cheap del b[:k]). */
            BA(self)->ob_start -= growth;
            Py_SET_SIZE(self, size + growth);
            buf = BA(self)->ob_start;
        } else {
            memmove(buf + lo + needed, buf + hi, size - hi);
            if (PyByteArray_Resize(self, size + growth) < 0)
                return -1;
            buf = PyByteArray_AS_STRING(self);
        }
        if (needed > 0)
            memcpy(buf + lo, bytes, needed);
        return 0;
    }
    if (growth > 0) {
        if (size > PY_SSIZE_T_MAX - growth) {
            PyErr_NoMemory();
            return -1;
        }
        if (PyByteArray_Resize(self, size + growth) < 0)
            return -1;
        char *buf = PyByteArray_AS_STRING(self);
        memmove(buf + lo + needed, buf + hi, size - hi);
    }
    if (needed > 0)
        memcpy(PyByteArray_AS_STRING(self) + lo, bytes, needed);
    return 0;
}

static int bytearray_setslice(PyObject *self, Py_ssize_t lo, Py_ssize_t hi, PyObject *values)
{
    if (values == self) {
        /* a[x:y] = a: copy first. */
        PyObject *copy = PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(self), Py_SIZE(self));
        if (copy == NULL)
            return -1;
        int r = bytearray_setslice(self, lo, hi, copy);
        Py_DECREF(copy);
        return r;
    }
    if (values == NULL)
        return setslice_linear(self, lo, hi, NULL, 0);
    Py_buffer v;
    if (PyObject_GetBuffer(values, &v, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "can't set bytearray slice from %.100s", Py_TYPE(values)->tp_name);
        return -1;
    }
    int r = setslice_linear(self, lo, hi, v.buf, v.len);
    PyBuffer_Release(&v);
    return r;
}

static int bytearray_setitem(PyObject *self, Py_ssize_t i, PyObject *value)
{
    int ival = -1;
    if (value != NULL && !byte_value(value, &ival))   /* GH-91153: before the size check */
        return -1;
    if (i < 0)
        i += Py_SIZE(self);
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (value == NULL)
        return bytearray_setslice(self, i, i + 1, NULL);
    PyByteArray_AS_STRING(self)[i] = (char)ival;
    return 0;
}

static int bytearray_ass_subscript(PyObject *self, PyObject *index, PyObject *values)
{
    if (PyIndex_Check(index)) {
        Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return -1;
        /* GH-91153: convert the value before the size check: its __index__ may resize. */
        int ival = -1;
        if (values != NULL && !byte_value(values, &ival))
            return -1;
        if (i < 0)
            i += Py_SIZE(self);
        if (i < 0 || i >= Py_SIZE(self)) {
            PyErr_SetString(PyExc_IndexError, "bytearray index out of range");
            return -1;
        }
        if (values == NULL)
            return bytearray_setslice(self, i, i + 1, NULL);
        PyByteArray_AS_STRING(self)[i] = (char)ival;
        return 0;
    }
    if (!PySlice_Check(index)) {
        PyErr_Format(PyExc_TypeError, "bytearray indices must be integers or slices, not %.200s",
                     Py_TYPE(index)->tp_name);
        return -1;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(index, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t slicelen = PySlice_AdjustIndices(Py_SIZE(self), &start, &stop, step);
    if (values != NULL && (values == self || !PyByteArray_Check(values))) {
        /* Any iterable of ints (or buffer): assign a bytearray copy of it. */
        if (PyNumber_Check(values) || PyUnicode_Check(values)) {
            PyErr_SetString(PyExc_TypeError,
                            "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        PyObject *copy = PyByteArray_FromObject(values);
        if (copy == NULL)
            return -1;
        int err = bytearray_ass_subscript(self, index, copy);
        Py_DECREF(copy);
        return err;
    }
    if (values != NULL && Py_SIZE(values) == 0)
        values = NULL;   /* b[::k] = b'' deletes, as in CPython */
    if (step == 1) {
        if (stop < start)
            stop = start;
        return bytearray_setslice(self, start, stop, values);
    }
    if (values == NULL) {
        /* del b[::k] */
        if (slicelen <= 0)
            return 0;
        if (check_exports(BA(self)) < 0)
            return -1;
        if (step < 0) {
            stop = start + 1;
            start = stop + step * (slicelen - 1) - 1;
            step = -step;
        }
        char *buf = PyByteArray_AS_STRING(self);
        size_t cur;   /* unsigned: cur + step may pass PY_SSIZE_T_MAX (step=sys.maxsize) */
        Py_ssize_t i;
        for (cur = (size_t)start, i = 0; i < slicelen; cur += (size_t)step, i++) {
            Py_ssize_t lim = step - 1;
            if (cur + (size_t)step >= (size_t)Py_SIZE(self))
                lim = Py_SIZE(self) - (Py_ssize_t)cur - 1;
            memmove(buf + cur - i, buf + cur + 1, lim);
        }
        cur = (size_t)start + (size_t)slicelen * (size_t)step;
        if (cur < (size_t)Py_SIZE(self))
            memmove(buf + cur - slicelen, buf + cur, Py_SIZE(self) - cur);
        return PyByteArray_Resize(self, Py_SIZE(self) - slicelen);
    }
    PyObject *b;
    if (PyByteArray_Check(values) || PyBytes_Check(values)) {
        b = PyBytes_FromObject(values);
    } else if (PyIndex_Check(values) || PyUnicode_Check(values)) {
        PyErr_SetString(PyExc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
    } else {
        b = PyBytes_FromObject(values);
    }
    if (b == NULL)
        return -1;
    Py_ssize_t needed = PyBytes_GET_SIZE(b);
    if (needed != slicelen) {
        PyErr_Format(PyExc_ValueError, "attempt to assign bytes of size %zd to extended slice of size %zd",
                     needed, slicelen);
        Py_DECREF(b);
        return -1;
    }
    char *buf = PyByteArray_AS_STRING(self);
    const char *bytes = PyBytes_AS_STRING(b);
    for (Py_ssize_t cur = start, i = 0; i < slicelen; cur = (Py_ssize_t)((size_t)cur + (size_t)step), i++)
        buf[cur] = bytes[i];
    Py_DECREF(b);
    return 0;
}

static int bytearray_contains(PyObject *self, PyObject *arg)
{
    return _Py_bytes_contains(PyByteArray_AS_STRING(self), Py_SIZE(self), arg);
}

static PyObject *bytearray_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyObject_CheckBuffer(self) || !PyObject_CheckBuffer(other) || PyUnicode_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    Py_buffer a, b;
    if (PyObject_GetBuffer(self, &a, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (PyObject_GetBuffer(other, &b, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyBuffer_Release(&a);
        Py_RETURN_NOTIMPLEMENTED;
    }
    int c = memcmp(a.buf, b.buf, Py_MIN(a.len, b.len));
    if (c == 0)
        c = a.len < b.len ? -1 : a.len > b.len;
    PyBuffer_Release(&a);
    PyBuffer_Release(&b);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

static PyObject *bytearray_repr(PyObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    char prefix[128], suffix[4] = ")";
    snprintf(prefix, sizeof prefix, "%s(b", name);
    return _Py_bytes_repr(PyByteArray_AS_STRING(self), Py_SIZE(self), 1, prefix, suffix);
}

static PyObject *bytearray_mod(PyObject *v, PyObject *w)
{
    if (!PyByteArray_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    return _PyBytes_FormatEx(PyByteArray_AS_STRING(v), Py_SIZE(v), w, 1);
}

/* ==== mutating methods ==== */

static PyObject *bytearray_append(PyObject *self, PyObject *arg)
{
    int item;
    if (!byte_value(arg, &item))
        return NULL;
    Py_ssize_t n = Py_SIZE(self);
    if (PyByteArray_Resize(self, n + 1) < 0)
        return NULL;
    PyByteArray_AS_STRING(self)[n] = (char)item;
    Py_RETURN_NONE;
}

static PyObject *bytearray_extend(PyObject *self, PyObject *iterable_of_ints)
{
    if (PyObject_CheckBuffer(iterable_of_ints)) {
        if (bytearray_setslice(self, Py_SIZE(self), Py_SIZE(self), iterable_of_ints) == -1)
            return NULL;
        Py_RETURN_NONE;
    }
    if (PyUnicode_Check(iterable_of_ints)) {
        PyErr_SetString(PyExc_TypeError, "expected iterable of integers; got: 'str'");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(iterable_of_ints);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "can't extend bytearray with %.100s", Py_TYPE(iterable_of_ints)->tp_name);
        }
        return NULL;
    }
    /* the hint is only for sizing, but its errors (other than TypeError) propagate */
    if (PyObject_LengthHint(iterable_of_ints, 64) == -1) {
        Py_DECREF(it);
        return NULL;
    }
    /* Collect first, so that a bad item leaves self unchanged. */
    PyObject *item, *tmp = PyByteArray_FromStringAndSize(NULL, 0);
    if (tmp == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = bytearray_append(tmp, item);
        Py_DECREF(item);
        if (r == NULL) {
            Py_DECREF(it);
            Py_DECREF(tmp);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred() || bytearray_setslice(self, Py_SIZE(self), Py_SIZE(self), tmp) < 0) {
        Py_DECREF(tmp);
        return NULL;
    }
    Py_DECREF(tmp);
    Py_RETURN_NONE;
}

static PyObject *bytearray_insert(PyObject *self, PyObject *args)
{
    Py_ssize_t index;
    int item;
    PyObject *itemobj;
    if (!PyArg_ParseTuple(args, "nO:insert", &index, &itemobj))
        return NULL;
    if (!byte_value(itemobj, &item))
        return NULL;
    Py_ssize_t n = Py_SIZE(self);
    if (PyByteArray_Resize(self, n + 1) < 0)
        return NULL;
    char *buf = PyByteArray_AS_STRING(self);
    if (index < 0) {
        index += n;
        if (index < 0)
            index = 0;
    }
    if (index > n)
        index = n;
    memmove(buf + index + 1, buf + index, n - index);
    buf[index] = (char)item;
    Py_RETURN_NONE;
}

static PyObject *bytearray_pop(PyObject *self, PyObject *args)
{
    Py_ssize_t index = -1, n = Py_SIZE(self);
    if (!PyArg_ParseTuple(args, "|n:pop", &index))
        return NULL;
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "pop from empty bytearray");
        return NULL;
    }
    if (index < 0)
        index += n;
    if (index < 0 || index >= n) {
        PyErr_SetString(PyExc_IndexError, "pop index out of range");
        return NULL;
    }
    if (check_exports(BA(self)) < 0)
        return NULL;
    char *buf = PyByteArray_AS_STRING(self);
    int value = (unsigned char)buf[index];
    memmove(buf + index, buf + index + 1, n - index);
    if (PyByteArray_Resize(self, n - 1) < 0)
        return NULL;
    return PyLong_FromLong(value);
}

static PyObject *bytearray_remove(PyObject *self, PyObject *arg)
{
    int value;
    if (!byte_value(arg, &value))
        return NULL;
    Py_ssize_t n = Py_SIZE(self);
    char *buf = PyByteArray_AS_STRING(self);
    char *where = memchr(buf, value, n);
    if (where == NULL) {
        PyErr_SetString(PyExc_ValueError, "value not found in bytearray");
        return NULL;
    }
    if (check_exports(BA(self)) < 0)
        return NULL;
    Py_ssize_t where_i = where - buf;
    memmove(buf + where_i, buf + where_i + 1, n - where_i);
    if (PyByteArray_Resize(self, n - 1) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytearray_clear(PyObject *self, PyObject *Py_UNUSED(a))
{
    if (PyByteArray_Resize(self, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytearray_copy(PyObject *self, PyObject *Py_UNUSED(a))
{
    return PyByteArray_FromStringAndSize(PyByteArray_AS_STRING(self), Py_SIZE(self));
}

static PyObject *bytearray_reverse(PyObject *self, PyObject *Py_UNUSED(a))
{
    char *buf = PyByteArray_AS_STRING(self);
    for (Py_ssize_t i = 0, j = Py_SIZE(self) - 1; i < j; i++, j--) {
        char t = buf[i];
        buf[i] = buf[j];
        buf[j] = t;
    }
    Py_RETURN_NONE;
}

static PyObject *bytearray_alloc(PyObject *self, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t(BA(self)->ob_alloc);
}

static PyObject *bytearray_sizeof(PyObject *self, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t(sizeof(PyByteArrayObject) + BA(self)->ob_alloc);
}

/* Pickling: (type, (latin-1 str, 'latin-1'), dict) below protocol 3 (Python 2
 * compatibility), else (type, (bytes,), dict); () for an empty one. */
static PyObject *bytearray_common_reduce(PyObject *self, int proto)
{
    PyObject *dict = _PyObject_GetState(self);   /* __dict__ and __slots__ state */
    if (dict == NULL)
        return NULL;
    if (proto < 3) {
        PyObject *latin1 = PyUnicode_DecodeLatin1(PyByteArray_AS_STRING(self), Py_SIZE(self), NULL);
        if (latin1 == NULL) {
            Py_DECREF(dict);
            return NULL;
        }
        return Py_BuildValue("(O(Ns)N)", Py_TYPE(self), latin1, "latin-1", dict);
    }
    if (Py_SIZE(self))
        return Py_BuildValue("(O(y#)N)", Py_TYPE(self), PyByteArray_AS_STRING(self), Py_SIZE(self), dict);
    return Py_BuildValue("(O()N)", Py_TYPE(self), dict);
}

static PyObject *bytearray_reduce(PyObject *self, PyObject *Py_UNUSED(a))
{
    return bytearray_common_reduce(self, 0);
}

static PyObject *bytearray_reduce_ex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int proto = 0;
    if (!_PyArg_CheckPositional("__reduce_ex__", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        proto = _PyLong_AsInt(args[0]);
        if (proto == -1 && PyErr_Occurred())
            return NULL;
    }
    return bytearray_common_reduce(self, proto);
}

#define S_ PyByteArray_AS_STRING(self), Py_SIZE(self)

static PyObject *ba_find(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "find", 1, 0); }
static PyObject *ba_rfind(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "rfind", -1, 0); }
static PyObject *ba_index(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "index", 1, 1); }
static PyObject *ba_rindex(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "rindex", -1, 1); }
static PyObject *ba_count(PyObject *self, PyObject *args) { return _Py_bytes_count(S_, args); }
static PyObject *ba_startswith(PyObject *self, PyObject *args) { return _Py_bytes_tailmatch(S_, args, "startswith", -1); }
static PyObject *ba_endswith(PyObject *self, PyObject *args) { return _Py_bytes_tailmatch(S_, args, "endswith", 1); }
static PyObject *ba_isspace(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isspace(S_); }
static PyObject *ba_isalpha(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isalpha(S_); }
static PyObject *ba_isalnum(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isalnum(S_); }
static PyObject *ba_isdigit(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isdigit(S_); }
static PyObject *ba_isascii(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isascii(S_); }
static PyObject *ba_islower(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_islower(S_); }
static PyObject *ba_isupper(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isupper(S_); }
static PyObject *ba_istitle(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_istitle(S_); }
static PyObject *ba_lower(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 'l', 1); }
static PyObject *ba_upper(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 'u', 1); }
static PyObject *ba_swapcase(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 's', 1); }
static PyObject *ba_title(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 't', 1); }
static PyObject *ba_capitalize(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 'c', 1); }
static PyObject *ba_ljust(PyObject *self, PyObject *args) { return _Py_bytes_just(S_, args, 'l', 1); }
static PyObject *ba_rjust(PyObject *self, PyObject *args) { return _Py_bytes_just(S_, args, 'r', 1); }
static PyObject *ba_center(PyObject *self, PyObject *args) { return _Py_bytes_just(S_, args, 'c', 1); }
static PyObject *ba_zfill(PyObject *self, PyObject *arg) { return _Py_bytes_zfill(S_, arg, 1); }
static PyObject *ba_expandtabs(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_expandtabs(S_, args, kw, 1); }
static PyObject *ba_strip(PyObject *self, PyObject *args) { return _Py_bytes_strip(S_, args, 2, 1); }
static PyObject *ba_lstrip(PyObject *self, PyObject *args) { return _Py_bytes_strip(S_, args, 0, 1); }
static PyObject *ba_rstrip(PyObject *self, PyObject *args) { return _Py_bytes_strip(S_, args, 1, 1); }
static PyObject *ba_split(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_split(S_, args, kw, 0, 1); }
static PyObject *ba_rsplit(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_split(S_, args, kw, 1, 1); }
static PyObject *ba_splitlines(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_splitlines(S_, args, kw, 1); }
static PyObject *ba_partition(PyObject *self, PyObject *sep) { return _Py_bytes_partition(S_, sep, 0, 1); }
static PyObject *ba_rpartition(PyObject *self, PyObject *sep) { return _Py_bytes_partition(S_, sep, 1, 1); }
static PyObject *ba_replace(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_replace(S_, args, kw, 1); }
static PyObject *ba_removeprefix(PyObject *self, PyObject *arg) { return _Py_bytes_fix(S_, arg, 1, 1); }
static PyObject *ba_removesuffix(PyObject *self, PyObject *arg) { return _Py_bytes_fix(S_, arg, 0, 1); }
static PyObject *ba_join(PyObject *self, PyObject *it) { return _Py_bytes_join(self, S_, it, 1); }
static PyObject *ba_translate(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_translate(S_, args, kw, 1); }
static PyObject *ba_hex(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_hex(S_, args, kw); }

static PyObject *ba_decode(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", NULL};
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ss:decode", kwlist, &encoding, &errors))
        return NULL;
    return PyUnicode_Decode(S_, encoding, errors);
}

#undef S_

static PyObject *ba_maketrans(PyObject *null, PyObject *args)
{
    PyObject *frm, *to;
    if (!PyArg_UnpackTuple(args, "maketrans", 2, 2, &frm, &to))
        return NULL;
    return _Py_bytes_maketrans(frm, to);
}

static PyObject *ba_fromhex(PyObject *type, PyObject *string)
{
    PyObject *res = _PyBytes_FromHex(string, 1);
    if (res != NULL && type != (PyObject *)&PyByteArray_Type)
        Py_SETREF(res, PyObject_CallOneArg(type, res));
    return res;
}

/* ==== iterator ==== */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;
} bytesiterobject;

static void bytearrayiter_dealloc(bytesiterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int bytearrayiter_traverse(bytesiterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_seq);
    return 0;
}

static PyObject *bytearrayiter_next(bytesiterobject *it)
{
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < Py_SIZE(seq))
        return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(seq)[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *bytearrayiter_length_hint(bytesiterobject *it, PyObject *Py_UNUSED(a))
{
    Py_ssize_t len = 0;
    if (it->it_seq) {
        len = Py_SIZE(it->it_seq) - it->it_index;
        if (len < 0)
            len = 0;
    }
    return PyLong_FromSsize_t(len);
}

/* (iter, (seq,), index) — or (iter, ((),)) once exhausted — for pickling. */
static PyObject *bytearrayiter_reduce(bytesiterobject *it, PyObject *Py_UNUSED(a))
{
    PyObject *iter = _PyEval_GetBuiltinId("iter");
    if (iter == NULL)
        return NULL;
    if (it->it_seq != NULL)
        return Py_BuildValue("N(O)n", iter, it->it_seq, it->it_index);
    return Py_BuildValue("N(())", iter);
}

static PyObject *bytearrayiter_setstate(bytesiterobject *it, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > PyByteArray_GET_SIZE(it->it_seq))
            index = PyByteArray_GET_SIZE(it->it_seq);   /* iterator exhausted */
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef bytearrayiter_methods[] = {
    {"__reduce__", (PyCFunction)bytearrayiter_reduce, METH_NOARGS, DOC_bytearray_iterator___reduce__},
    {"__setstate__", (PyCFunction)bytearrayiter_setstate, METH_O, DOC_bytearray_iterator___setstate__},
    {"__length_hint__", (PyCFunction)bytearrayiter_length_hint, METH_NOARGS, DOC_bytearray_iterator___length_hint__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyByteArrayIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(bytesiterobject),
    .tp_dealloc = (destructor)bytearrayiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)bytearrayiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)bytearrayiter_next,
    .tp_methods = bytearrayiter_methods,
};

static PyObject *bytearray_iter(PyObject *seq)
{
    bytesiterobject *it = PyObject_GC_New(bytesiterobject, &PyByteArrayIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef bytearray_methods[] = {
    {"__alloc__", bytearray_alloc, METH_NOARGS, DOC_bytearray___alloc__},
    {"__reduce__", bytearray_reduce, METH_NOARGS, DOC_bytearray___reduce__},
    {"__reduce_ex__", (PyCFunction)(void (*)(void))bytearray_reduce_ex, METH_FASTCALL, DOC_bytearray___reduce_ex__},
    {"__sizeof__", bytearray_sizeof, METH_NOARGS, DOC_bytearray___sizeof__},
    {"append", bytearray_append, METH_O, DOC_bytearray_append},
    {"capitalize", ba_capitalize, METH_NOARGS, DOC_bytearray_capitalize},
    {"center", ba_center, METH_VARARGS, DOC_bytearray_center},
    {"clear", bytearray_clear, METH_NOARGS, DOC_bytearray_clear},
    {"copy", bytearray_copy, METH_NOARGS, DOC_bytearray_copy},
    {"count", ba_count, METH_VARARGS, DOC_bytearray_count},
    {"decode", KW(ba_decode), DOC_bytearray_decode},
    {"endswith", ba_endswith, METH_VARARGS, DOC_bytearray_endswith},
    {"expandtabs", KW(ba_expandtabs), DOC_bytearray_expandtabs},
    {"extend", bytearray_extend, METH_O, DOC_bytearray_extend},
    {"find", ba_find, METH_VARARGS, DOC_bytearray_find},
    {"fromhex", ba_fromhex, METH_O | METH_CLASS, DOC_bytearray_fromhex},
    {"hex", KW(ba_hex), DOC_bytearray_hex},
    {"index", ba_index, METH_VARARGS, DOC_bytearray_index},
    {"insert", bytearray_insert, METH_VARARGS, DOC_bytearray_insert},
    {"isalnum", ba_isalnum, METH_NOARGS, DOC_bytearray_isalnum},
    {"isalpha", ba_isalpha, METH_NOARGS, DOC_bytearray_isalpha},
    {"isascii", ba_isascii, METH_NOARGS, DOC_bytearray_isascii},
    {"isdigit", ba_isdigit, METH_NOARGS, DOC_bytearray_isdigit},
    {"islower", ba_islower, METH_NOARGS, DOC_bytearray_islower},
    {"isspace", ba_isspace, METH_NOARGS, DOC_bytearray_isspace},
    {"istitle", ba_istitle, METH_NOARGS, DOC_bytearray_istitle},
    {"isupper", ba_isupper, METH_NOARGS, DOC_bytearray_isupper},
    {"join", ba_join, METH_O, DOC_bytearray_join},
    {"ljust", ba_ljust, METH_VARARGS, DOC_bytearray_ljust},
    {"lower", ba_lower, METH_NOARGS, DOC_bytearray_lower},
    {"lstrip", ba_lstrip, METH_VARARGS, DOC_bytearray_lstrip},
    {"maketrans", ba_maketrans, METH_VARARGS | METH_STATIC, NULL},
    {"partition", ba_partition, METH_O, DOC_bytearray_partition},
    {"pop", bytearray_pop, METH_VARARGS, DOC_bytearray_pop},
    {"remove", bytearray_remove, METH_O, DOC_bytearray_remove},
    {"replace", KW(ba_replace), DOC_bytearray_replace},
    {"removeprefix", ba_removeprefix, METH_O, DOC_bytearray_removeprefix},
    {"removesuffix", ba_removesuffix, METH_O, DOC_bytearray_removesuffix},
    {"reverse", bytearray_reverse, METH_NOARGS, DOC_bytearray_reverse},
    {"rfind", ba_rfind, METH_VARARGS, DOC_bytearray_rfind},
    {"rindex", ba_rindex, METH_VARARGS, DOC_bytearray_rindex},
    {"rjust", ba_rjust, METH_VARARGS, DOC_bytearray_rjust},
    {"rpartition", ba_rpartition, METH_O, DOC_bytearray_rpartition},
    {"rsplit", KW(ba_rsplit), DOC_bytearray_rsplit},
    {"rstrip", ba_rstrip, METH_VARARGS, DOC_bytearray_rstrip},
    {"split", KW(ba_split), DOC_bytearray_split},
    {"splitlines", KW(ba_splitlines), DOC_bytearray_splitlines},
    {"startswith", ba_startswith, METH_VARARGS, DOC_bytearray_startswith},
    {"strip", ba_strip, METH_VARARGS, DOC_bytearray_strip},
    {"swapcase", ba_swapcase, METH_NOARGS, DOC_bytearray_swapcase},
    {"title", ba_title, METH_NOARGS, DOC_bytearray_title},
    {"translate", KW(ba_translate), DOC_bytearray_translate},
    {"upper", ba_upper, METH_NOARGS, DOC_bytearray_upper},
    {"zfill", ba_zfill, METH_O, DOC_bytearray_zfill},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods bytearray_as_number = {
    .nb_remainder = bytearray_mod,
};

static PySequenceMethods bytearray_as_sequence = {
    .sq_length = bytearray_length,
    .sq_concat = bytearray_concat,
    .sq_repeat = bytearray_repeat,
    .sq_item = bytearray_getitem,
    .sq_ass_item = bytearray_setitem,
    .sq_contains = bytearray_contains,
    .sq_inplace_concat = bytearray_iconcat,
    .sq_inplace_repeat = bytearray_irepeat,
};

static PyMappingMethods bytearray_as_mapping = {
    .mp_length = bytearray_length,
    .mp_subscript = bytearray_subscript,
    .mp_ass_subscript = bytearray_ass_subscript,
};

static PyBufferProcs bytearray_as_buffer = {
    .bf_getbuffer = bytearray_getbuffer,
    .bf_releasebuffer = bytearray_releasebuffer,
};

PyTypeObject PyByteArray_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(PyByteArrayObject),
    .tp_dealloc = bytearray_dealloc,
    .tp_repr = bytearray_repr,
    .tp_as_number = &bytearray_as_number,
    .tp_as_sequence = &bytearray_as_sequence,
    .tp_as_mapping = &bytearray_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_str = bytearray_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytearray_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_bytearray,
    .tp_richcompare = bytearray_richcompare,
    .tp_iter = bytearray_iter,
    .tp_methods = bytearray_methods,
    .tp_init = bytearray_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = bytearray_alloc_new,
    .tp_free = PyObject_Del,
};
