/* memoryobject.c — memoryview (PEP 3118) and the managed buffer it shares with its slices,
 * plus the memory_iterator type and the half-float helpers used with struct's 'e'.
 * The buffer protocol entry points (PyObject_GetBuffer, PyBuffer_*) live in abstract.c;
 * exporters (bytes, bytearray, array, mmap…) are their owners' business.  Like CPython,
 * item access knows the native single-character formats (3.11: not 'e'); comparisons of other formats
 * go through the struct module. */
#include "Python.h"
#include "type_docs.h"
#include <float.h>
#include <math.h>
#include <stdbool.h>

#ifndef PY_LITTLE_ENDIAN
#define PY_LITTLE_ENDIAN (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
#endif

/* ================================================================ half floats */

int _PyFloat_Pack2(double x, unsigned char *p, int le)
{
    unsigned short bits;
    int sign = signbit(x) ? 1 : 0;
    if (x == 0.0) {
        bits = (unsigned short)(sign << 15);
    } else if (isinf(x)) {
        bits = (unsigned short)((sign << 15) | 0x7c00);
    } else if (isnan(x)) {
        bits = (unsigned short)((sign << 15) | 0x7e00);
    } else {
        int e;
        double f = frexp(fabs(x), &e);   /* x = f * 2**e, 0.5 <= f < 1 */
        if (f < 0.5 || f >= 1.0)
            goto overflow;
        f *= 2.0;                        /* 1 <= f < 2 */
        e--;
        if (e >= 16)
            goto overflow;
        if (e < -14) {
            f = ldexp(f, 14 + e);        /* subnormal */
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        unsigned int mant = (unsigned int)f;
        double rest = f - mant;
        /* round half to even */
        if (rest > 0.5 || (rest == 0.5 && (mant & 1))) {
            mant++;
            if (mant == 1024) {
                mant = 0;
                e++;
                if (e == 31)
                    goto overflow;
            }
        }
        bits = (unsigned short)((sign << 15) | (e << 10) | mant);
    }
    if (le) {
        p[0] = (unsigned char)(bits & 0xff);
        p[1] = (unsigned char)(bits >> 8);
    } else {
        p[0] = (unsigned char)(bits >> 8);
        p[1] = (unsigned char)(bits & 0xff);
    }
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
    return -1;
}

double _PyFloat_Unpack2(const unsigned char *p, int le)
{
    unsigned int bits = le ? (p[0] | (p[1] << 8)) : ((p[0] << 8) | p[1]);
    int sign = (bits >> 15) & 1, e = (bits >> 10) & 0x1f;
    unsigned int mant = bits & 0x3ff;
    double x;
    if (e == 0x1f) {
        if (mant == 0)
            return sign ? -INFINITY : INFINITY;
        return sign ? -NAN : NAN;
    }
    if (e == 0)
        x = ldexp((double)mant, -24);
    else
        x = ldexp((double)(mant + 1024), e - 25);
    return sign ? -x : x;
}

/* ================================================================ managed buffer */

static _PyManagedBufferObject *mbuf_alloc(void)
{
    _PyManagedBufferObject *mbuf = PyObject_GC_New(_PyManagedBufferObject, &_PyManagedBuffer_Type);
    if (mbuf == NULL)
        return NULL;
    mbuf->flags = 0;
    mbuf->exports = 0;
    mbuf->master.obj = NULL;
    PyObject_GC_Track(mbuf);
    return mbuf;
}

static PyObject *_PyManagedBuffer_FromObject(PyObject *base)
{
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL)
        return NULL;
    if (PyObject_GetBuffer(base, &mbuf->master, PyBUF_FULL_RO) < 0) {
        mbuf->master.obj = NULL;
        Py_DECREF(mbuf);
        return NULL;
    }
    return (PyObject *)mbuf;
}

static void mbuf_release(_PyManagedBufferObject *self)
{
    if (self->flags & _Py_MANAGED_BUFFER_RELEASED)
        return;
    /* Untrack first: the exporter may run Python code while releasing. */
    self->flags |= _Py_MANAGED_BUFFER_RELEASED;
    PyObject_GC_UnTrack(self);
    PyBuffer_Release(&self->master);
}

static void mbuf_dealloc(PyObject *op)
{
    _PyManagedBufferObject *self = (_PyManagedBufferObject *)op;
    mbuf_release(self);
    if (self->flags & _Py_MANAGED_BUFFER_FREE_FORMAT)
        PyMem_Free(self->master.format);
    PyObject_GC_Del(self);
}

static int mbuf_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((_PyManagedBufferObject *)op)->master.obj);
    return 0;
}

static int mbuf_clear(PyObject *op)
{
    mbuf_release((_PyManagedBufferObject *)op);
    return 0;
}

PyTypeObject _PyManagedBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "managedbuffer",
    .tp_basicsize = sizeof(_PyManagedBufferObject),
    .tp_dealloc = mbuf_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = mbuf_traverse,
    .tp_clear = mbuf_clear,
};

/* ================================================================ helpers */

#define MV(op) ((PyMemoryViewObject *)(op))
#define BASE_INACCESSIBLE(mv) \
    ((MV(mv)->flags & _Py_MEMORYVIEW_RELEASED) || (MV(mv)->mbuf->flags & _Py_MANAGED_BUFFER_RELEASED))
#define MV_C_CONTIGUOUS(flags) ((flags) & (_Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C))
#define MV_F_CONTIGUOUS(flags) ((flags) & (_Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_FORTRAN))
#define MV_ANY_CONTIGUOUS(flags) \
    ((flags) & (_Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN))
#define IS_BYTE_FORMAT(f) ((f) == 'b' || (f) == 'B' || (f) == 'c')

static int released_error(void)
{
    PyErr_SetString(PyExc_ValueError, "operation forbidden on released memoryview object");
    return -1;
}

#define CHECK_RELEASED(mv)                      \
    if (BASE_INACCESSIBLE(mv)) {                \
        released_error();                       \
        return NULL;                            \
    }
#define CHECK_RELEASED_INT(mv)                  \
    if (BASE_INACCESSIBLE(mv))                  \
        return released_error();

/* Follow a PIL-style indirection if the dimension has one. */
#define ADJUST_PTR(ptr, suboffsets, dim) \
    (((suboffsets) && (suboffsets)[dim] >= 0) ? *((char **)(ptr)) + (suboffsets)[dim] : (ptr))

/* Item size of a native single-character format ("@" prefix allowed), or -1. */
static Py_ssize_t get_native_fmtchar(char *result, const char *fmt)
{
    Py_ssize_t size = -1;
    if (fmt[0] == '@')
        fmt++;
    if (fmt[0] == '\0' || fmt[1] != '\0')
        return -1;
    switch (fmt[0]) {
    case 'c': case 'b': case 'B': size = sizeof(char); break;
    case 'h': case 'H': size = sizeof(short); break;
    case 'i': case 'I': size = sizeof(int); break;
    case 'l': case 'L': size = sizeof(long); break;
    case 'q': case 'Q': size = sizeof(long long); break;
    case 'n': case 'N': size = sizeof(Py_ssize_t); break;
    case 'f': size = sizeof(float); break;
    case 'd': size = sizeof(double); break;
    case '?': size = sizeof(_Bool); break;
    case 'P': size = sizeof(void *); break;
    }
    if (size > 0)
        *result = fmt[0];
    return size;
}

/* A static copy of a native format string, so a cast view does not depend on its argument. */
static const char *get_native_fmtstr(const char *fmt)
{
    static const char *const table[] = {"c", "b", "B", "h", "H", "i", "I", "l", "L",
                                        "q", "Q", "n", "N", "f", "d", "?", "P"};
    int at = fmt[0] == '@';
    for (size_t i = 0; i < Py_ARRAY_LENGTH(table); i++)
        if (table[i][0] == fmt[at])
            return table[i];
    return NULL;
}

/* The format for item access: single native characters only (as CPython). */
static const char *adjust_fmt(const Py_buffer *view)
{
    const char *fmt = (view->format[0] == '@') ? view->format + 1 : view->format;
    if (fmt[0] && fmt[1] == '\0')
        return fmt;
    PyErr_Format(PyExc_NotImplementedError, "memoryview: unsupported format %s", view->format);
    return NULL;
}

static void init_strides_from_shape(Py_buffer *view)
{
    Py_ssize_t i;
    view->strides[view->ndim - 1] = view->itemsize;
    for (i = view->ndim - 2; i >= 0; i--)
        view->strides[i] = view->strides[i + 1] * view->shape[i + 1];
}

static void init_fortran_strides_from_shape(Py_buffer *view)
{
    view->strides[0] = view->itemsize;
    for (Py_ssize_t i = 1; i < view->ndim; i++)
        view->strides[i] = view->strides[i - 1] * view->shape[i - 1];
}

/* ================================================================ creation */

static PyMemoryViewObject *memory_alloc(int ndim)
{
    PyMemoryViewObject *mv =
        PyObject_GC_NewVar(PyMemoryViewObject, &PyMemoryView_Type, 3 * ndim);
    if (mv == NULL)
        return NULL;
    mv->mbuf = NULL;
    mv->hash = -1;
    mv->flags = 0;
    mv->exports = 0;
    mv->view.ndim = ndim;
    mv->view.shape = mv->ob_array;
    mv->view.strides = mv->ob_array + ndim;
    mv->view.suboffsets = mv->ob_array + 2 * ndim;
    mv->weakreflist = NULL;
    PyObject_GC_Track(mv);
    return mv;
}

static void init_shared_values(Py_buffer *dest, const Py_buffer *src)
{
    dest->obj = src->obj;
    dest->buf = src->buf;
    dest->len = src->len;
    dest->itemsize = src->itemsize;
    dest->readonly = src->readonly;
    dest->format = src->format ? src->format : "B";
    dest->internal = src->internal;
}

static void init_shape_strides(Py_buffer *dest, const Py_buffer *src)
{
    if (src->ndim == 0) {
        dest->shape = NULL;
        dest->strides = NULL;
        return;
    }
    if (src->ndim == 1) {
        dest->shape[0] = src->shape ? src->shape[0] : src->len / src->itemsize;
        dest->strides[0] = src->strides ? src->strides[0] : src->itemsize;
        return;
    }
    for (Py_ssize_t i = 0; i < src->ndim; i++)
        dest->shape[i] = src->shape[i];
    if (src->strides) {
        for (Py_ssize_t i = 0; i < src->ndim; i++)
            dest->strides[i] = src->strides[i];
    } else {
        init_strides_from_shape(dest);
    }
}

static void init_suboffsets(Py_buffer *dest, const Py_buffer *src)
{
    if (src->suboffsets == NULL) {
        dest->suboffsets = NULL;
        return;
    }
    for (Py_ssize_t i = 0; i < src->ndim; i++)
        dest->suboffsets[i] = src->suboffsets[i];
}

static void init_len(Py_buffer *view)
{
    Py_ssize_t len = 1;
    for (Py_ssize_t i = 0; i < view->ndim; i++)
        len *= view->shape[i];
    view->len = len * view->itemsize;
}

static void init_flags(PyMemoryViewObject *mv)
{
    const Py_buffer *view = &mv->view;
    int flags = 0;
    switch (view->ndim) {
    case 0:
        flags |= _Py_MEMORYVIEW_SCALAR | _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
        break;
    case 1:
        if (view->shape[0] == 1 || view->strides[0] == view->itemsize)
            flags |= _Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN;
        break;
    default:
        if (PyBuffer_IsContiguous(view, 'C'))
            flags |= _Py_MEMORYVIEW_C;
        if (PyBuffer_IsContiguous(view, 'F'))
            flags |= _Py_MEMORYVIEW_FORTRAN;
        break;
    }
    if (view->suboffsets) {
        flags |= _Py_MEMORYVIEW_PIL;
        flags &= ~(_Py_MEMORYVIEW_C | _Py_MEMORYVIEW_FORTRAN);
    }
    mv->flags = flags;
}

static int check_ndim(int ndim)
{
    if (ndim > PyBUF_MAX_NDIM) {
        PyErr_Format(PyExc_ValueError, "memoryview: number of dimensions must not exceed %d",
                     PyBUF_MAX_NDIM);
        return -1;
    }
    return 0;
}

/* A new view registered with mbuf, with room for ndim dimensions but nothing else set. */
static PyObject *mbuf_add_incomplete_view(_PyManagedBufferObject *mbuf, const Py_buffer *src, int ndim)
{
    if (src == NULL)
        src = &mbuf->master;
    if (check_ndim(ndim) < 0)
        return NULL;
    PyMemoryViewObject *mv = memory_alloc(ndim);
    if (mv == NULL)
        return NULL;
    init_shared_values(&mv->view, src);
    Py_INCREF(mbuf);
    mv->mbuf = mbuf;
    mbuf->exports++;
    return (PyObject *)mv;
}

/* A new view registered with mbuf, describing src (the master buffer if src is NULL). */
static PyObject *mbuf_add_view(_PyManagedBufferObject *mbuf, const Py_buffer *src)
{
    if (src == NULL)
        src = &mbuf->master;
    if (check_ndim(src->ndim) < 0)
        return NULL;
    PyMemoryViewObject *mv = memory_alloc(src->ndim);
    if (mv == NULL)
        return NULL;
    init_shared_values(&mv->view, src);
    init_shape_strides(&mv->view, src);
    init_suboffsets(&mv->view, src);
    init_flags(mv);
    Py_INCREF(mbuf);
    mv->mbuf = mbuf;
    mbuf->exports++;
    return (PyObject *)mv;
}

PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags)
{
    int readonly = (flags == PyBUF_WRITE) ? 0 : 1;
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL)
        return NULL;
    (void)PyBuffer_FillInfo(&mbuf->master, NULL, mem, size, readonly, PyBUF_FULL_RO);
    PyObject *mv = mbuf_add_view(mbuf, NULL);
    Py_DECREF(mbuf);
    return mv;
}

PyObject *PyMemoryView_FromBuffer(const Py_buffer *info)
{
    if (info->buf == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyMemoryView_FromBuffer(): info->buf must not be NULL");
        return NULL;
    }
    _PyManagedBufferObject *mbuf = mbuf_alloc();
    if (mbuf == NULL)
        return NULL;
    /* The caller keeps ownership of the buffer: no exporter to release. */
    mbuf->master = *info;
    mbuf->master.obj = NULL;
    PyObject *mv = mbuf_add_view(mbuf, NULL);
    Py_DECREF(mbuf);
    return mv;
}

PyObject *PyMemoryView_FromObject(PyObject *v)
{
    if (PyMemoryView_Check(v)) {
        CHECK_RELEASED(v);
        return mbuf_add_view(MV(v)->mbuf, &MV(v)->view);
    }
    if (PyObject_CheckBuffer(v)) {
        PyObject *mbuf = _PyManagedBuffer_FromObject(v);
        if (mbuf == NULL)
            return NULL;
        PyObject *ret = mbuf_add_view((_PyManagedBufferObject *)mbuf, NULL);
        Py_DECREF(mbuf);
        return ret;
    }
    PyErr_Format(PyExc_TypeError, "memoryview: a bytes-like object is required, not '%.200s'",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

/* A C-contiguous (or order) copy of a non-contiguous buffer, as a memoryview on bytes. */
PyObject *PyMemoryView_GetContiguous(PyObject *obj, int buffertype, char order)
{
    PyObject *mv = PyMemoryView_FromObject(obj);
    if (mv == NULL)
        return NULL;
    Py_buffer *view = &MV(mv)->view;
    if (buffertype == PyBUF_WRITE && view->readonly) {
        PyErr_SetString(PyExc_BufferError, "underlying buffer is not writable");
        Py_DECREF(mv);
        return NULL;
    }
    if (PyBuffer_IsContiguous(view, order))
        return mv;
    if (buffertype == PyBUF_WRITE) {
        PyErr_SetString(PyExc_BufferError,
                        "writable contiguous buffer requested for a non-contiguous object.");
        Py_DECREF(mv);
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, view->len);
    if (bytes == NULL || PyBuffer_ToContiguous(PyBytes_AS_STRING(bytes), view, view->len,
                                               order == 'A' ? 'C' : order) < 0) {
        Py_XDECREF(bytes);
        Py_DECREF(mv);
        return NULL;
    }
    /* Keep the original format and shape, over the contiguous copy. */
    PyObject *flat = PyMemoryView_FromObject(bytes);
    Py_DECREF(bytes);
    if (flat == NULL) {
        Py_DECREF(mv);
        return NULL;
    }
    PyMemoryViewObject *res = (PyMemoryViewObject *)mbuf_add_incomplete_view(MV(flat)->mbuf, NULL, view->ndim);
    Py_DECREF(flat);
    if (res == NULL) {
        Py_DECREF(mv);
        return NULL;
    }
    res->view.format = view->format;   /* points into obj's own format, kept alive by mv */
    res->view.itemsize = view->itemsize;
    res->view.readonly = 1;
    if (view->ndim > 0) {
        for (Py_ssize_t i = 0; i < view->ndim; i++)
            res->view.shape[i] = view->shape[i];
        if (order == 'F')
            init_fortran_strides_from_shape(&res->view);
        else
            init_strides_from_shape(&res->view);
    }
    res->view.suboffsets = NULL;
    init_flags(res);
    /* The format string belongs to the original exporter: keep it alive via a copy. */
    size_t flen = strlen(view->format) + 1;
    char *fcopy = PyMem_Malloc(flen);
    if (fcopy == NULL) {
        Py_DECREF(res);
        Py_DECREF(mv);
        return PyErr_NoMemory();
    }
    memcpy(fcopy, view->format, flen);
    if (res->mbuf->flags & _Py_MANAGED_BUFFER_FREE_FORMAT)
        PyMem_Free(res->mbuf->master.format);
    res->mbuf->master.format = fcopy;
    res->mbuf->flags |= _Py_MANAGED_BUFFER_FREE_FORMAT;
    res->view.format = fcopy;
    Py_DECREF(mv);
    return (PyObject *)res;
}

static PyObject *memory_new(PyTypeObject *subtype, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", NULL};
    PyObject *obj;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:memoryview", kwlist, &obj))
        return NULL;
    return PyMemoryView_FromObject(obj);
}

/* ================================================================ release, dealloc */

static int _memory_release(PyMemoryViewObject *self)
{
    if (self->flags & _Py_MEMORYVIEW_RELEASED)
        return 0;
    if (self->exports == 0) {
        self->flags |= _Py_MEMORYVIEW_RELEASED;
        if (--self->mbuf->exports == 0)
            mbuf_release(self->mbuf);
        return 0;
    }
    if (self->exports > 0) {
        PyErr_Format(PyExc_BufferError, "memoryview has %zd exported buffer%s", self->exports,
                     self->exports == 1 ? "" : "s");
        return -1;
    }
    PyErr_SetString(PyExc_SystemError, "_memory_release(): negative export count");
    return -1;
}

static PyObject *memory_release(PyObject *self, PyObject *noargs)
{
    if (_memory_release(MV(self)) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static void memory_dealloc(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    PyObject_GC_UnTrack(self);
    (void)_memory_release(self);
    Py_CLEAR(self->mbuf);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    PyObject_GC_Del(self);
}

static int memory_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(MV(op)->mbuf);
    return 0;
}

static int memory_clear(PyObject *op)
{
    (void)_memory_release(MV(op));
    Py_CLEAR(MV(op)->mbuf);
    return 0;
}

static PyObject *memory_enter(PyObject *self, PyObject *noargs)
{
    CHECK_RELEASED(self);
    Py_INCREF(self);
    return self;
}

static PyObject *memory_exit(PyObject *self, PyObject *args)
{
    return memory_release(self, NULL);
}

/* ================================================================ exporting */

static int memory_getbuf(PyObject *op, Py_buffer *view, int flags)
{
    PyMemoryViewObject *self = MV(op);
    Py_buffer *base = &self->view;
    int baseflags = self->flags;
    CHECK_RELEASED_INT(self);
    *view = *base;
    view->obj = NULL;
    if ((flags & PyBUF_WRITABLE) && base->readonly) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not writable");
        return -1;
    }
    if (!(flags & PyBUF_FORMAT))
        view->format = NULL;
    if ((flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS && !MV_C_CONTIGUOUS(baseflags)) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
        return -1;
    }
    if ((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !MV_F_CONTIGUOUS(baseflags)) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not Fortran contiguous");
        return -1;
    }
    if ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !MV_ANY_CONTIGUOUS(baseflags)) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_INDIRECT) != PyBUF_INDIRECT && (baseflags & _Py_MEMORYVIEW_PIL)) {
        PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer requires suboffsets");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        if (!MV_C_CONTIGUOUS(baseflags)) {
            PyErr_SetString(PyExc_BufferError, "memoryview: underlying buffer is not C-contiguous");
            return -1;
        }
        view->strides = NULL;
    }
    if ((flags & PyBUF_ND) != PyBUF_ND) {
        /* A flat byte view: only meaningful when the caller does not ask for the format. */
        if (view->format != NULL) {
            PyErr_Format(PyExc_BufferError,
                         "memoryview: cannot cast to unsigned bytes if the format flag is present");
            return -1;
        }
        view->ndim = 1;
        view->shape = NULL;
    }
    view->obj = op;
    Py_INCREF(op);
    self->exports++;
    return 0;
}

static void memory_releasebuf(PyObject *op, Py_buffer *view)
{
    MV(op)->exports--;
}

/* ================================================================ unpack / pack */

static PyObject *unpack_single(const char *ptr, const char *fmt)
{
    unsigned long long llu;
    long long lld;
    double d;
    switch (fmt[0]) {
    case 'B': return PyLong_FromLong(*(const unsigned char *)ptr);
    case 'b': return PyLong_FromLong(*(const signed char *)ptr);
    case 'h': { short x; memcpy(&x, ptr, sizeof x); return PyLong_FromLong(x); }
    case 'H': { unsigned short x; memcpy(&x, ptr, sizeof x); return PyLong_FromLong(x); }
    case 'i': { int x; memcpy(&x, ptr, sizeof x); return PyLong_FromLong(x); }
    case 'I': { unsigned int x; memcpy(&x, ptr, sizeof x); return PyLong_FromUnsignedLong(x); }
    case 'l': { long x; memcpy(&x, ptr, sizeof x); return PyLong_FromLong(x); }
    case 'L': { unsigned long x; memcpy(&x, ptr, sizeof x); return PyLong_FromUnsignedLong(x); }
    case 'q': memcpy(&lld, ptr, sizeof lld); return PyLong_FromLongLong(lld);
    case 'Q': memcpy(&llu, ptr, sizeof llu); return PyLong_FromUnsignedLongLong(llu);
    case 'n': { Py_ssize_t x; memcpy(&x, ptr, sizeof x); return PyLong_FromSsize_t(x); }
    case 'N': { size_t x; memcpy(&x, ptr, sizeof x); return PyLong_FromSize_t(x); }
    case 'f': { float x; memcpy(&x, ptr, sizeof x); return PyFloat_FromDouble(x); }
    case 'd': memcpy(&d, ptr, sizeof d); return PyFloat_FromDouble(d);
    case '?': { _Bool x; memcpy(&x, ptr, sizeof x); return PyBool_FromLong(x); }
    case 'c': return PyBytes_FromStringAndSize(ptr, 1);
    case 'P': { void *x; memcpy(&x, ptr, sizeof x); return PyLong_FromVoidPtr(x); }
    }
    PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", fmt);
    return NULL;
}

static int type_error_int(const char *fmt)
{
    PyErr_Format(PyExc_TypeError, "memoryview: invalid type for format '%s'", fmt);
    return -1;
}

static int value_error_int(const char *fmt)
{
    PyErr_Format(PyExc_ValueError, "memoryview: invalid value for format '%s'", fmt);
    return -1;
}

/* Conversion errors become the two memoryview messages, as in CPython. */
static int fix_error_int(const char *fmt)
{
    if (PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        return type_error_int(fmt);
    }
    if (PyErr_ExceptionMatches(PyExc_OverflowError) || PyErr_ExceptionMatches(PyExc_ValueError)) {
        PyErr_Clear();
        return value_error_int(fmt);
    }
    return -1;
}

static long long pylong_as_lld(PyObject *item)
{
    PyObject *tmp = PyNumber_Index(item);
    if (tmp == NULL)
        return -1;
    long long v = PyLong_AsLongLong(tmp);
    Py_DECREF(tmp);
    return v;
}

static unsigned long long pylong_as_llu(PyObject *item)
{
    PyObject *tmp = PyNumber_Index(item);
    if (tmp == NULL)
        return (unsigned long long)-1;
    unsigned long long v = PyLong_AsUnsignedLongLong(tmp);
    Py_DECREF(tmp);
    return v;
}

static int pack_single(char *ptr, PyObject *item, const char *fmt)
{
    long long ld;
    unsigned long long lu;
    double d;
    switch (fmt[0]) {
    case 'b': case 'h': case 'i': case 'l': case 'q': case 'n':
        ld = pylong_as_lld(item);
        if (ld == -1 && PyErr_Occurred())
            return fix_error_int(fmt);
        switch (fmt[0]) {
        case 'b':
            if (ld < SCHAR_MIN || ld > SCHAR_MAX) return value_error_int(fmt);
            *(signed char *)ptr = (signed char)ld;
            break;
        case 'h': {
            if (ld < SHRT_MIN || ld > SHRT_MAX) return value_error_int(fmt);
            short x = (short)ld; memcpy(ptr, &x, sizeof x);
            break;
        }
        case 'i': {
            if (ld < INT_MIN || ld > INT_MAX) return value_error_int(fmt);
            int x = (int)ld; memcpy(ptr, &x, sizeof x);
            break;
        }
        case 'l': {
            if (ld < LONG_MIN || ld > LONG_MAX) return value_error_int(fmt);
            long x = (long)ld; memcpy(ptr, &x, sizeof x);
            break;
        }
        case 'n': {
            if (ld < PY_SSIZE_T_MIN || ld > PY_SSIZE_T_MAX) return value_error_int(fmt);
            Py_ssize_t x = (Py_ssize_t)ld; memcpy(ptr, &x, sizeof x);
            break;
        }
        default:
            memcpy(ptr, &ld, sizeof ld);
        }
        return 0;
    case 'B': case 'H': case 'I': case 'L': case 'Q': case 'N':
        lu = pylong_as_llu(item);
        if (lu == (unsigned long long)-1 && PyErr_Occurred())
            return fix_error_int(fmt);
        switch (fmt[0]) {
        case 'B':
            if (lu > UCHAR_MAX) return value_error_int(fmt);
            *(unsigned char *)ptr = (unsigned char)lu;
            break;
        case 'H': {
            if (lu > USHRT_MAX) return value_error_int(fmt);
            unsigned short x = (unsigned short)lu; memcpy(ptr, &x, sizeof x);
            break;
        }
        case 'I': {
            if (lu > UINT_MAX) return value_error_int(fmt);
            unsigned int x = (unsigned int)lu; memcpy(ptr, &x, sizeof x);
            break;
        }
        case 'L': {
            if (lu > ULONG_MAX) return value_error_int(fmt);
            unsigned long x = (unsigned long)lu; memcpy(ptr, &x, sizeof x);
            break;
        }
        case 'N': {
            if (lu > SIZE_MAX) return value_error_int(fmt);
            size_t x = (size_t)lu; memcpy(ptr, &x, sizeof x);
            break;
        }
        default:
            memcpy(ptr, &lu, sizeof lu);
        }
        return 0;
    case 'f': case 'd':
        d = PyFloat_AsDouble(item);
        if (d == -1.0 && PyErr_Occurred())
            return fix_error_int(fmt);
        if (fmt[0] == 'f') {
            float x = (float)d;
            if (isinf(x) && !isinf(d))
                return value_error_int(fmt);
            memcpy(ptr, &x, sizeof x);
        } else {
            memcpy(ptr, &d, sizeof d);
        }
        return 0;
    case '?': {
        int t = PyObject_IsTrue(item);
        if (t < 0)
            return -1;
        _Bool x = t != 0;
        memcpy(ptr, &x, sizeof x);
        return 0;
    }
    case 'c':
        if (!PyBytes_Check(item))
            return type_error_int(fmt);
        if (PyBytes_GET_SIZE(item) != 1)
            return value_error_int(fmt);
        *ptr = PyBytes_AS_STRING(item)[0];
        return 0;
    case 'P': {
        void *p = PyLong_AsVoidPtr(item);
        if (p == NULL && PyErr_Occurred())
            return fix_error_int(fmt);
        memcpy(ptr, &p, sizeof p);
        return 0;
    }
    }
    PyErr_Format(PyExc_NotImplementedError, "memoryview: format %s not supported", fmt);
    return -1;
}

/* pack_single into the view, but write only if the view survived the conversion of
 * value (gh-92888: its __index__/__float__/__bool__ may release the memoryview). */
static int pack_into_view(PyMemoryViewObject *self, char *ptr, PyObject *value, const char *fmt)
{
    char tmp[16];
    Py_ssize_t itemsize = self->view.itemsize;
    if (itemsize > (Py_ssize_t)sizeof tmp)
        return pack_single(ptr, value, fmt);
    if (pack_single(tmp, value, fmt) < 0)
        return -1;
    CHECK_RELEASED_INT(self);
    memcpy(ptr, tmp, (size_t)itemsize);
    return 0;
}

/* ================================================================ copying */

/* Copy an ndim-dimensional array src (shape, strides, suboffsets) to dest, item by item,
 * recursively; mem is scratch space of at least one row for overlapping 1-D copies. */
static void copy_rec(const Py_ssize_t *shape, Py_ssize_t ndim, Py_ssize_t itemsize,
                     char *dptr, const Py_ssize_t *dstrides, const Py_ssize_t *dsuboffsets,
                     char *sptr, const Py_ssize_t *sstrides, const Py_ssize_t *ssuboffsets)
{
    if (ndim == 1) {
        for (Py_ssize_t i = 0; i < shape[0]; dptr += dstrides[0], sptr += sstrides[0], i++) {
            char *xd = ADJUST_PTR(dptr, dsuboffsets, 0);
            char *xs = ADJUST_PTR(sptr, ssuboffsets, 0);
            memmove(xd, xs, itemsize);
        }
        return;
    }
    for (Py_ssize_t i = 0; i < shape[0]; dptr += dstrides[0], sptr += sstrides[0], i++) {
        char *xd = ADJUST_PTR(dptr, dsuboffsets, 0);
        char *xs = ADJUST_PTR(sptr, ssuboffsets, 0);
        copy_rec(shape + 1, ndim - 1, itemsize, xd, dstrides + 1, dsuboffsets ? dsuboffsets + 1 : NULL,
                 xs, sstrides + 1, ssuboffsets ? ssuboffsets + 1 : NULL);
    }
}

static int equiv_format(const Py_buffer *dest, const Py_buffer *src)
{
    const char *dfmt = dest->format[0] == '@' ? dest->format + 1 : dest->format;
    const char *sfmt = src->format[0] == '@' ? src->format + 1 : src->format;
    return strcmp(dfmt, sfmt) == 0 && dest->itemsize == src->itemsize;
}

static int equiv_shape(const Py_buffer *dest, const Py_buffer *src)
{
    if (dest->ndim != src->ndim)
        return 0;
    for (int i = 0; i < dest->ndim; i++) {
        if (dest->shape[i] != src->shape[i])
            return 0;
        if (dest->shape[i] == 0)
            break;
    }
    return 1;
}

/* dest[...] = src for two 1-D buffers of the same structure; overlapping memory is safe
 * because src is first copied out when the two may overlap. */
static int copy_single(Py_buffer *dest, const Py_buffer *src)
{
    if (!equiv_format(dest, src) || !equiv_shape(dest, src)) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview assignment: lvalue and rvalue have different structures");
        return -1;
    }
    Py_ssize_t n = dest->shape[0], isz = dest->itemsize;
    Py_ssize_t sstride = src->strides ? src->strides[0] : isz;
    char *tmp = PyMem_Malloc(n * isz + 1);
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    const char *sp = src->buf;
    for (Py_ssize_t i = 0; i < n; i++, sp += sstride) {
        const char *x = (src->suboffsets && src->suboffsets[0] >= 0) ? *(char **)sp + src->suboffsets[0] : sp;
        memcpy(tmp + i * isz, x, isz);
    }
    char *dp = dest->buf;
    for (Py_ssize_t i = 0; i < n; i++, dp += dest->strides[0]) {
        char *x = ADJUST_PTR(dp, dest->suboffsets, 0);
        memcpy(x, tmp + i * isz, isz);
    }
    PyMem_Free(tmp);
    return 0;
}

/* The whole buffer in C (or Fortran) order into dest (len bytes). */
static int buffer_to_contiguous(char *mem, const Py_buffer *src, char order)
{
    if (src->ndim == 0) {
        memcpy(mem, src->buf, src->itemsize);
        return 0;
    }
    Py_ssize_t *arr = PyMem_Malloc(sizeof(Py_ssize_t) * 2 * src->ndim);
    if (arr == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_buffer dest = *src;
    dest.buf = mem;
    dest.shape = arr;
    dest.strides = arr + src->ndim;
    dest.suboffsets = NULL;
    for (int i = 0; i < src->ndim; i++)
        arr[i] = src->shape ? src->shape[i] : src->len / src->itemsize;
    if (order == 'F')
        init_fortran_strides_from_shape(&dest);
    else
        init_strides_from_shape(&dest);
    Py_ssize_t one = src->itemsize;
    const Py_ssize_t *sstrides = src->strides ? src->strides : (src->ndim == 1 ? &one : NULL);
    Py_ssize_t *tmpstr = NULL;
    if (sstrides == NULL) {
        tmpstr = PyMem_Malloc(sizeof(Py_ssize_t) * src->ndim);
        if (tmpstr == NULL) {
            PyMem_Free(arr);
            PyErr_NoMemory();
            return -1;
        }
        Py_buffer t = *src;
        t.strides = tmpstr;
        init_strides_from_shape(&t);
        sstrides = tmpstr;
    }
    int empty = 0;
    for (int i = 0; i < src->ndim; i++)
        if (arr[i] == 0)
            empty = 1;
    if (!empty)
        copy_rec(arr, src->ndim, src->itemsize, mem, dest.strides, NULL, src->buf, sstrides,
                 src->suboffsets);
    PyMem_Free(tmpstr);
    PyMem_Free(arr);
    return 0;
}

/* Exported for abstract.c's PyBuffer_ToContiguous on non-contiguous buffers. */
int _PyBuffer_CopyToContiguous(char *mem, const Py_buffer *src, char order)
{
    return buffer_to_contiguous(mem, src, order);
}

/* ================================================================ item access */

static char *ptr_from_index(const Py_buffer *view, Py_ssize_t index)
{
    Py_ssize_t nitems = view->shape[0];
    if (index < 0)
        index += nitems;
    if (index < 0 || index >= nitems) {
        PyErr_SetString(PyExc_IndexError, "index out of bounds on dimension 1");
        return NULL;
    }
    char *ptr = (char *)view->buf + view->strides[0] * index;
    return ADJUST_PTR(ptr, view->suboffsets, 0);
}

static char *ptr_from_tuple(const Py_buffer *view, PyObject *tup)
{
    Py_ssize_t nindices = PyTuple_GET_SIZE(tup);
    if (nindices > view->ndim) {
        PyErr_Format(PyExc_TypeError, "cannot index %zd-dimension view with %zd-element tuple",
                     (Py_ssize_t)view->ndim, nindices);
        return NULL;
    }
    char *ptr = view->buf;
    for (Py_ssize_t dim = 0; dim < nindices; dim++) {
        Py_ssize_t index = PyNumber_AsSsize_t(PyTuple_GET_ITEM(tup, dim), PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return NULL;
        Py_ssize_t nitems = view->shape[dim];
        if (index < 0)
            index += nitems;
        if (index < 0 || index >= nitems) {
            PyErr_Format(PyExc_IndexError, "index out of bounds on dimension %d", (int)dim + 1);
            return NULL;
        }
        ptr += view->strides[dim] * index;
        ptr = ADJUST_PTR(ptr, view->suboffsets, dim);
    }
    return ptr;
}

static PyObject *memory_item(PyObject *op, Py_ssize_t index)
{
    PyMemoryViewObject *self = MV(op);
    Py_buffer *view = &self->view;
    CHECK_RELEASED(self);
    const char *fmt = adjust_fmt(view);
    if (fmt == NULL)
        return NULL;
    if (view->ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (view->ndim == 1) {
        char *ptr = ptr_from_index(view, index);
        return ptr ? unpack_single(ptr, fmt) : NULL;
    }
    PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
    return NULL;
}

static int is_multiindex(PyObject *key)
{
    if (!PyTuple_Check(key))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++)
        if (!PyIndex_Check(PyTuple_GET_ITEM(key, i)))
            return 0;
    return 1;
}

static int is_multislice(PyObject *key)
{
    if (!PyTuple_Check(key))
        return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(key); i++)
        if (!PySlice_Check(PyTuple_GET_ITEM(key, i)))
            return 0;
    return 1;
}

static int init_slice(Py_buffer *base, PyObject *key, int dim)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(key, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t slicelength = PySlice_AdjustIndices(base->shape[dim], &start, &stop, step);
    if (base->suboffsets == NULL || dim == 0) {
        base->buf = (char *)base->buf + base->strides[dim] * start;
    } else {
        Py_ssize_t n = dim - 1;
        while (n >= 0 && base->suboffsets[n] < 0)
            n--;
        if (n < 0) {
            base->buf = (char *)base->buf + base->strides[dim] * start;
        } else {
            base->suboffsets[n] = base->suboffsets[n] + base->strides[dim] * start;
        }
    }
    base->shape[dim] = slicelength;
    base->strides[dim] = base->strides[dim] * step;
    return 0;
}

static PyObject *memory_subscript(PyObject *op, PyObject *key)
{
    PyMemoryViewObject *self = MV(op);
    Py_buffer *view = &self->view;
    CHECK_RELEASED(self);
    if (view->ndim == 0) {
        if (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0) {
            const char *fmt = adjust_fmt(view);
            return fmt ? unpack_single(view->buf, fmt) : NULL;
        }
        if (key == Py_Ellipsis) {
            Py_INCREF(op);
            return op;
        }
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return NULL;
        return memory_item(op, index);
    }
    if (PySlice_Check(key)) {
        PyMemoryViewObject *sliced = (PyMemoryViewObject *)mbuf_add_view(self->mbuf, view);
        if (sliced == NULL)
            return NULL;
        if (init_slice(&sliced->view, key, 0) < 0) {
            Py_DECREF(sliced);
            return NULL;
        }
        init_len(&sliced->view);
        init_flags(sliced);
        return (PyObject *)sliced;
    }
    if (is_multiindex(key)) {
        const char *fmt = adjust_fmt(view);
        if (fmt == NULL)
            return NULL;
        if (PyTuple_GET_SIZE(key) < view->ndim) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return NULL;
        }
        char *ptr = ptr_from_tuple(view, key);
        if (ptr == NULL)
            return NULL;
        CHECK_RELEASED(self);   /* an index's __index__ may have released it */
        return unpack_single(ptr, fmt);
    }
    if (is_multislice(key)) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional slicing is not implemented");
        return NULL;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return NULL;
}

static int memory_ass_sub(PyObject *op, PyObject *key, PyObject *value)
{
    PyMemoryViewObject *self = MV(op);
    Py_buffer *view = &self->view;
    CHECK_RELEASED_INT(self);
    if (view->readonly) {
        PyErr_SetString(PyExc_TypeError, "cannot modify read-only memory");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete memory");
        return -1;
    }
    const char *fmt = adjust_fmt(view);
    if (fmt == NULL)
        return -1;
    if (view->ndim == 0) {
        if (key == Py_Ellipsis || (PyTuple_Check(key) && PyTuple_GET_SIZE(key) == 0))
            return pack_into_view(self, view->buf, value, fmt);
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return -1;
    }
    if (PyIndex_Check(key)) {
        if (view->ndim > 1) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        Py_ssize_t index = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (index == -1 && PyErr_Occurred())
            return -1;
        CHECK_RELEASED_INT(self);
        char *ptr = ptr_from_index(view, index);
        return ptr ? pack_into_view(self, ptr, value, fmt) : -1;
    }
    if (PySlice_Check(key) && view->ndim == 1) {
        Py_buffer src, dest = *view;
        Py_ssize_t arrays[3];
        if (PyObject_GetBuffer(value, &src, PyBUF_FULL_RO) < 0)
            return -1;
        dest.shape = &arrays[0];
        dest.shape[0] = view->shape[0];
        dest.strides = &arrays[1];
        dest.strides[0] = view->strides[0];
        if (view->suboffsets) {
            dest.suboffsets = &arrays[2];
            dest.suboffsets[0] = view->suboffsets[0];
        }
        int ret = -1;
        if (init_slice(&dest, key, 0) == 0 && !BASE_INACCESSIBLE(self)) {
            dest.len = dest.shape[0] * dest.itemsize;
            Py_ssize_t sarr[2];
            /* Give a flat source its implicit shape/strides for the comparison. */
            if (src.ndim == 1 && src.shape == NULL) {
                sarr[0] = src.len / src.itemsize;
                src.shape = &sarr[0];
            }
            if (src.ndim == 1 && src.strides == NULL) {
                sarr[1] = src.itemsize;
                src.strides = &sarr[1];
            }
            if (src.format == NULL)
                src.format = "B";
            ret = copy_single(&dest, &src);
        } else if (!PyErr_Occurred()) {
            released_error();   /* the slice's __index__ released it */
        }
        PyBuffer_Release(&src);
        return ret;
    }
    if (is_multiindex(key)) {
        if (PyTuple_GET_SIZE(key) < view->ndim) {
            PyErr_SetString(PyExc_NotImplementedError, "sub-views are not implemented");
            return -1;
        }
        char *ptr = ptr_from_tuple(view, key);
        if (ptr == NULL)
            return -1;
        CHECK_RELEASED_INT(self);
        return pack_into_view(self, ptr, value, fmt);
    }
    if (PySlice_Check(key) || is_multislice(key)) {
        PyErr_SetString(PyExc_NotImplementedError,
                        "memoryview slice assignments are currently restricted to ndim = 1");
        return -1;
    }
    PyErr_SetString(PyExc_TypeError, "memoryview: invalid slice key");
    return -1;
}

static Py_ssize_t memory_length(PyObject *op)
{
    CHECK_RELEASED_INT(op);
    return MV(op)->view.ndim == 0 ? 1 : MV(op)->view.shape[0];
}

/* ================================================================ conversions */

static PyObject *tolist_base(const char *ptr, const Py_ssize_t *shape, const Py_ssize_t *strides,
                             const Py_ssize_t *suboffsets, const char *fmt)
{
    PyObject *lst = PyList_New(shape[0]);
    if (lst == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < shape[0]; ptr += strides[0], i++) {
        const char *xptr = ADJUST_PTR((char *)ptr, suboffsets, 0);
        PyObject *item = unpack_single(xptr, fmt);
        if (item == NULL) {
            Py_DECREF(lst);
            return NULL;
        }
        PyList_SET_ITEM(lst, i, item);
    }
    return lst;
}

static PyObject *tolist_rec(const char *ptr, Py_ssize_t ndim, const Py_ssize_t *shape,
                            const Py_ssize_t *strides, const Py_ssize_t *suboffsets, const char *fmt)
{
    if (ndim == 1)
        return tolist_base(ptr, shape, strides, suboffsets, fmt);
    PyObject *lst = PyList_New(shape[0]);
    if (lst == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < shape[0]; ptr += strides[0], i++) {
        const char *xptr = ADJUST_PTR((char *)ptr, suboffsets, 0);
        PyObject *item = tolist_rec(xptr, ndim - 1, shape + 1, strides + 1,
                                    suboffsets ? suboffsets + 1 : NULL, fmt);
        if (item == NULL) {
            Py_DECREF(lst);
            return NULL;
        }
        PyList_SET_ITEM(lst, i, item);
    }
    return lst;
}

static PyObject *memory_tolist(PyObject *op, PyObject *noargs)
{
    Py_buffer *view = &MV(op)->view;
    CHECK_RELEASED(op);
    const char *fmt = adjust_fmt(view);
    if (fmt == NULL)
        return NULL;
    if (view->ndim == 0)
        return unpack_single(view->buf, fmt);
    return tolist_rec(view->buf, view->ndim, view->shape, view->strides, view->suboffsets, fmt);
}

static PyObject *memory_tobytes(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"order", NULL};
    const char *order = NULL;
    Py_buffer *src = &MV(op)->view;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|z:tobytes", kwlist, &order))
        return NULL;
    char ord = 'C';
    CHECK_RELEASED(op);
    if (order) {
        if (strcmp(order, "F") == 0)
            ord = 'F';
        else if (strcmp(order, "A") == 0)
            ord = 'A';
        else if (strcmp(order, "C") != 0) {
            PyErr_SetString(PyExc_ValueError, "order must be 'C', 'F' or 'A'");
            return NULL;
        }
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, src->len);
    if (bytes == NULL)
        return NULL;
    if (PyBuffer_ToContiguous(PyBytes_AS_STRING(bytes), src, src->len, ord) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *memory_hex(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sep", "bytes_per_sep", NULL};
    PyObject *sep = NULL;
    int bytes_per_sep = 1;
    Py_buffer *src = &MV(op)->view;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oi:hex", kwlist, &sep, &bytes_per_sep))
        return NULL;
    CHECK_RELEASED(op);
    if (MV_C_CONTIGUOUS(MV(op)->flags))
        return _Py_strhex_bytes_with_sep(src->buf, src->len, sep, bytes_per_sep, 0);
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, src->len);
    if (bytes == NULL)
        return NULL;
    if (PyBuffer_ToContiguous(PyBytes_AS_STRING(bytes), src, src->len, 'C') < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    PyObject *ret = _Py_strhex_bytes_with_sep(PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes),
                                              sep, bytes_per_sep, 0);
    Py_DECREF(bytes);
    return ret;
}

static PyObject *memory_toreadonly(PyObject *op, PyObject *noargs)
{
    CHECK_RELEASED(op);
    PyObject *mv = mbuf_add_view(MV(op)->mbuf, &MV(op)->view);
    if (mv != NULL)
        MV(mv)->view.readonly = 1;
    return mv;
}

/* ---------------------------------------------------------------- cast */

static int zero_in_shape(PyMemoryViewObject *mv)
{
    for (int i = 0; i < mv->view.ndim; i++)
        if (mv->view.shape[i] == 0)
            return 1;
    return 0;
}

static int cast_to_1D(PyMemoryViewObject *mv, PyObject *format)
{
    Py_buffer *view = &mv->view;
    char srcchar, destchar;
    if (!PyUnicode_Check(format)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: format argument must be a string");
        return -1;
    }
    PyObject *asciifmt = PyUnicode_AsASCIIString(format);
    if (asciifmt == NULL)
        return -1;
    Py_ssize_t itemsize = get_native_fmtchar(&destchar, PyBytes_AS_STRING(asciifmt));
    if (itemsize < 0) {
        PyErr_SetString(PyExc_ValueError,
                        "memoryview: destination format must be a native single character format "
                        "prefixed with an optional '@'");
        Py_DECREF(asciifmt);
        return -1;
    }
    if ((get_native_fmtchar(&srcchar, view->format) < 0 || !IS_BYTE_FORMAT(srcchar)) &&
        !IS_BYTE_FORMAT(destchar)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: cannot cast between two non-byte formats");
        Py_DECREF(asciifmt);
        return -1;
    }
    if (view->len % itemsize) {
        PyErr_SetString(PyExc_TypeError, "memoryview: length is not a multiple of itemsize");
        Py_DECREF(asciifmt);
        return -1;
    }
    view->format = (char *)get_native_fmtstr(PyBytes_AS_STRING(asciifmt));
    Py_DECREF(asciifmt);
    view->itemsize = itemsize;
    view->ndim = 1;
    view->shape[0] = view->len / view->itemsize;
    view->strides[0] = view->itemsize;
    view->suboffsets = NULL;
    init_flags(mv);
    return 0;
}

static Py_ssize_t copy_shape(Py_ssize_t *shape, PyObject *seq, Py_ssize_t ndim, Py_ssize_t itemsize)
{
    Py_ssize_t len = itemsize;
    for (Py_ssize_t i = 0; i < ndim; i++) {
        PyObject *tmp = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyLong_Check(tmp)) {
            PyErr_SetString(PyExc_TypeError, "memoryview.cast(): elements of shape must be integers");
            return -1;
        }
        Py_ssize_t x = PyLong_AsSsize_t(tmp);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (x <= 0) {
            PyErr_Format(PyExc_ValueError, "memoryview.cast(): elements of shape must be integers > 0");
            return -1;
        }
        if (x > PY_SSIZE_T_MAX / len) {
            PyErr_Format(PyExc_ValueError, "memoryview.cast(): product(shape) > SSIZE_MAX");
            return -1;
        }
        len *= x;
        shape[i] = x;
    }
    return len;
}

static int cast_to_ND(PyMemoryViewObject *mv, PyObject *shape, int ndim)
{
    Py_buffer *view = &mv->view;
    Py_ssize_t len;
    view->ndim = ndim;
    if (ndim == 0) {
        view->shape = NULL;
        view->strides = NULL;
        len = view->itemsize;
    } else {
        len = copy_shape(view->shape, shape, ndim, view->itemsize);
        if (len < 0)
            return -1;
        init_strides_from_shape(view);
    }
    if (view->len != len) {
        PyErr_SetString(PyExc_TypeError, "memoryview: product(shape) * itemsize != buffer size");
        return -1;
    }
    init_flags(mv);
    return 0;
}

static PyObject *memory_cast(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", "shape", NULL};
    PyMemoryViewObject *self = MV(op);
    PyObject *format, *shape = NULL;
    Py_ssize_t ndim = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|O:cast", kwlist, &format, &shape))
        return NULL;
    CHECK_RELEASED(self);
    if (!MV_C_CONTIGUOUS(self->flags)) {
        PyErr_SetString(PyExc_TypeError, "memoryview: casts are restricted to C-contiguous views");
        return NULL;
    }
    if ((shape || self->view.ndim != 1) && zero_in_shape(self)) {
        PyErr_SetString(PyExc_TypeError,
                        "memoryview: cannot cast view with zeros in shape or strides");
        return NULL;
    }
    if (shape) {
        if (!PyList_Check(shape) && !PyTuple_Check(shape)) {
            PyErr_SetString(PyExc_TypeError, "shape must be a list or a tuple");
            return NULL;
        }
        ndim = PySequence_Fast_GET_SIZE(shape);
        if (ndim > PyBUF_MAX_NDIM) {
            PyErr_SetString(PyExc_ValueError, "memoryview: number of dimensions must not exceed 64");
            return NULL;
        }
        if (self->view.ndim != 1 && ndim != 1) {
            PyErr_SetString(PyExc_TypeError, "memoryview: cast must be 1D -> ND or ND -> 1D");
            return NULL;
        }
    }
    PyMemoryViewObject *mv = (PyMemoryViewObject *)mbuf_add_incomplete_view(
        self->mbuf, &self->view, ndim == 0 ? 1 : (int)ndim);
    if (mv == NULL)
        return NULL;
    if (cast_to_1D(mv, format) < 0 || (shape && cast_to_ND(mv, shape, (int)ndim) < 0)) {
        Py_DECREF(mv);
        return NULL;
    }
    return (PyObject *)mv;
}

/* ================================================================ comparison, hash, repr */

#define MV_COMPARE_EX -1
#define MV_COMPARE_NOT_IMPL -2

/* Compare two native items of the same format (NaN is unequal to itself, as for floats). */
static int unpack_cmp_native(const char *p, const char *q, char fmt)
{
    switch (fmt) {
    case 'f': { float a, b; memcpy(&a, p, sizeof a); memcpy(&b, q, sizeof b); return a == b; }
    case 'd': { double a, b; memcpy(&a, p, sizeof a); memcpy(&b, q, sizeof b); return a == b; }
    case '?': { _Bool a, b; memcpy(&a, p, sizeof a); memcpy(&b, q, sizeof b); return a == b; }
    default: {
        char c;
        Py_ssize_t size = get_native_fmtchar(&c, (char[]){fmt, 0});
        return memcmp(p, q, size) == 0;
    }
    }
}

typedef struct {
    PyObject *unpack_from; /* bound Struct.unpack_from */
    PyObject *mview;       /* a writable memoryview over item */
    char *item;
    Py_ssize_t itemsize;
} unpacker;

static void unpacker_free(unpacker *x)
{
    if (x == NULL)
        return;
    Py_XDECREF(x->unpack_from);
    Py_XDECREF(x->mview);
    PyMem_Free(x->item);
    PyMem_Free(x);
}

static unpacker *struct_get_unpacker(const char *fmt, Py_ssize_t itemsize)
{
    PyObject *structmod = PyImport_ImportModule("struct");
    if (structmod == NULL)
        return NULL;
    PyObject *Struct = PyObject_GetAttrString(structmod, "Struct");
    Py_DECREF(structmod);
    if (Struct == NULL)
        return NULL;
    unpacker *x = PyMem_Calloc(1, sizeof(unpacker));
    if (x == NULL) {
        Py_DECREF(Struct);
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *format = PyBytes_FromString(fmt);
    PyObject *structobj = format ? PyObject_CallOneArg(Struct, format) : NULL;
    Py_XDECREF(format);
    Py_DECREF(Struct);
    if (structobj == NULL)
        goto error;
    x->unpack_from = PyObject_GetAttrString(structobj, "unpack_from");
    Py_DECREF(structobj);
    if (x->unpack_from == NULL)
        goto error;
    x->item = PyMem_Malloc(itemsize ? itemsize : 1);
    if (x->item == NULL) {
        PyErr_NoMemory();
        goto error;
    }
    x->itemsize = itemsize;
    x->mview = PyMemoryView_FromMemory(x->item, itemsize, PyBUF_WRITE);
    if (x->mview == NULL)
        goto error;
    return x;
error:
    unpacker_free(x);
    return NULL;
}

static PyObject *struct_unpack_single(const char *ptr, unpacker *x)
{
    memcpy(x->item, ptr, x->itemsize);
    PyObject *v = PyObject_CallOneArg(x->unpack_from, x->mview);
    if (v == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(v) == 1) {
        PyObject *item = PyTuple_GET_ITEM(v, 0);
        Py_INCREF(item);
        Py_DECREF(v);
        return item;
    }
    return v;
}

static int unpack_cmp(const char *p, const char *q, char fmt, unpacker *uv, unpacker *uw)
{
    if (fmt != '_')
        return unpack_cmp_native(p, q, fmt);
    PyObject *v = struct_unpack_single(p, uv);
    if (v == NULL)
        return MV_COMPARE_EX;
    PyObject *w = struct_unpack_single(q, uw);
    if (w == NULL) {
        Py_DECREF(v);
        return MV_COMPARE_EX;
    }
    int equal = PyObject_RichCompareBool(v, w, Py_EQ);
    Py_DECREF(v);
    Py_DECREF(w);
    return equal;
}

static int cmp_rec(const char *p, const char *q, Py_ssize_t ndim, const Py_ssize_t *shape,
                   const Py_ssize_t *pstrides, const Py_ssize_t *psub,
                   const Py_ssize_t *qstrides, const Py_ssize_t *qsub,
                   char fmt, unpacker *uv, unpacker *uw)
{
    for (Py_ssize_t i = 0; i < shape[0]; p += pstrides[0], q += qstrides[0], i++) {
        const char *xp = ADJUST_PTR((char *)p, psub, 0);
        const char *xq = ADJUST_PTR((char *)q, qsub, 0);
        int equal = ndim == 1 ? unpack_cmp(xp, xq, fmt, uv, uw)
                              : cmp_rec(xp, xq, ndim - 1, shape + 1, pstrides + 1,
                                        psub ? psub + 1 : NULL, qstrides + 1,
                                        qsub ? qsub + 1 : NULL, fmt, uv, uw);
        if (equal <= 0)
            return equal;
    }
    return 1;
}

static PyObject *memory_richcompare(PyObject *v, PyObject *w, int op)
{
    Py_buffer wbuf, *vv, *ww = NULL;
    Py_ssize_t wshape[1], wstrides[1];
    unpacker *uv = NULL, *uw = NULL;
    char vfmt, wfmt;
    int equal = MV_COMPARE_NOT_IMPL;
    wbuf.obj = NULL;
    if (op != Py_EQ && op != Py_NE)
        goto result;
    if (BASE_INACCESSIBLE(v)) {
        equal = (v == w);
        goto result;
    }
    vv = &MV(v)->view;
    if (PyMemoryView_Check(w)) {
        if (BASE_INACCESSIBLE(w)) {
            equal = (v == w);
            goto result;
        }
        ww = &MV(w)->view;
    } else {
        if (PyObject_GetBuffer(w, &wbuf, PyBUF_FULL_RO) < 0) {
            PyErr_Clear();
            goto result;
        }
        ww = &wbuf;
        if (ww->ndim == 1 && ww->shape == NULL) {
            wshape[0] = ww->len / ww->itemsize;
            ww->shape = wshape;
        }
        if (ww->ndim == 1 && ww->strides == NULL) {
            wstrides[0] = ww->itemsize;
            ww->strides = wstrides;
        }
    }
    if (!equiv_shape(vv, ww)) {
        equal = 0;
        goto result;
    }
    const char *vformat = vv->format ? vv->format : "B";
    const char *wformat = ww->format ? ww->format : "B";
    if (get_native_fmtchar(&vfmt, vformat) < 0)
        vfmt = '_';
    if (get_native_fmtchar(&wfmt, wformat) < 0)
        wfmt = '_';
    if (vfmt == '_' || wfmt == '_' || vfmt != wfmt) {
        /* Different or non-native formats: compare the values struct unpacks. */
        vfmt = '_';
        uv = struct_get_unpacker(vformat, vv->itemsize);
        if (uv != NULL)
            uw = struct_get_unpacker(wformat, ww->itemsize);
        if (uv == NULL || uw == NULL) {
            if (PyErr_ExceptionMatches(PyExc_MemoryError)) {
                equal = MV_COMPARE_EX;
            } else {
                PyErr_Clear();
                equal = MV_COMPARE_NOT_IMPL;
            }
            goto result;
        }
    }
    if (vv->ndim == 0)
        equal = unpack_cmp(vv->buf, ww->buf, vfmt, uv, uw);
    else
        equal = cmp_rec(vv->buf, ww->buf, vv->ndim, vv->shape, vv->strides, vv->suboffsets,
                        ww->strides, ww->suboffsets, vfmt, uv, uw);
result:
    unpacker_free(uv);
    unpacker_free(uw);
    if (ww == &wbuf)
        PyBuffer_Release(&wbuf);
    if (equal == MV_COMPARE_NOT_IMPL)
        Py_RETURN_NOTIMPLEMENTED;
    if (equal < 0)
        return NULL;
    if ((equal && op == Py_EQ) || (!equal && op == Py_NE))
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static Py_hash_t memory_hash(PyObject *op)
{
    PyMemoryViewObject *self = MV(op);
    if (self->hash == -1) {
        Py_buffer *view = &self->view;
        char fmt;
        CHECK_RELEASED_INT(self);
        if (!view->readonly) {
            PyErr_SetString(PyExc_ValueError, "cannot hash writable memoryview object");
            return -1;
        }
        if (get_native_fmtchar(&fmt, view->format) < 0 || !IS_BYTE_FORMAT(fmt)) {
            PyErr_SetString(PyExc_ValueError,
                            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
            return -1;
        }
        if (view->obj != NULL && PyObject_Hash(view->obj) == -1)
            return -1;
        if (MV_C_CONTIGUOUS(self->flags)) {
            self->hash = _Py_HashBytes(view->buf, view->len);
        } else {
            char *mem = PyMem_Malloc(view->len ? view->len : 1);
            if (mem == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            if (buffer_to_contiguous(mem, view, 'C') < 0) {
                PyMem_Free(mem);
                return -1;
            }
            self->hash = _Py_HashBytes(mem, view->len);
            PyMem_Free(mem);
        }
        if (self->hash == -1)
            self->hash = -2;
    }
    return self->hash;
}

static PyObject *memory_repr(PyObject *op)
{
    if (MV(op)->flags & _Py_MEMORYVIEW_RELEASED)
        return PyUnicode_FromFormat("<released memory at %p>", op);
    return PyUnicode_FromFormat("<memory at %p>", op);
}

/* ================================================================ attributes */

static PyObject *ssize_tuple(const Py_ssize_t *array, Py_ssize_t len)
{
    if (array == NULL)
        return PyTuple_New(0);
    PyObject *t = PyTuple_New(len);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < len; i++) {
        PyObject *x = PyLong_FromSsize_t(array[i]);
        if (x == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, x);
    }
    return t;
}

static PyObject *memory_obj_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    PyObject *obj = MV(op)->view.obj;
    if (obj == NULL)
        Py_RETURN_NONE;
    Py_INCREF(obj);
    return obj;
}

static PyObject *memory_nbytes_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyLong_FromSsize_t(MV(op)->view.len);
}

static PyObject *memory_format_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyUnicode_FromString(MV(op)->view.format);
}

static PyObject *memory_itemsize_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyLong_FromSsize_t(MV(op)->view.itemsize);
}

static PyObject *memory_shape_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return ssize_tuple(MV(op)->view.shape, MV(op)->view.ndim);
}

static PyObject *memory_strides_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return ssize_tuple(MV(op)->view.strides, MV(op)->view.ndim);
}

static PyObject *memory_suboffsets_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return ssize_tuple(MV(op)->view.suboffsets, MV(op)->view.ndim);
}

static PyObject *memory_readonly_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong(MV(op)->view.readonly);
}

static PyObject *memory_ndim_get(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyLong_FromLong(MV(op)->view.ndim);
}

static PyObject *memory_c_contiguous(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong(MV_C_CONTIGUOUS(MV(op)->flags));
}

static PyObject *memory_f_contiguous(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong(MV_F_CONTIGUOUS(MV(op)->flags));
}

static PyObject *memory_contiguous(PyObject *op, void *c)
{
    CHECK_RELEASED(op);
    return PyBool_FromLong(MV_ANY_CONTIGUOUS(MV(op)->flags));
}

/* ================================================================ iteration */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyMemoryViewObject *it_seq; /* NULL when exhausted */
    Py_ssize_t it_length;
    const char *it_fmt;
} memoryiterobject;

static void memoryiter_dealloc(PyObject *op)
{
    memoryiterobject *it = (memoryiterobject *)op;
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int memoryiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((memoryiterobject *)op)->it_seq);
    return 0;
}

static PyObject *memoryiter_next(PyObject *op)
{
    memoryiterobject *it = (memoryiterobject *)op;
    PyMemoryViewObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < it->it_length) {
        CHECK_RELEASED(seq);
        Py_buffer *view = &seq->view;
        char *ptr = (char *)view->buf + view->strides[0] * it->it_index++;
        ptr = ADJUST_PTR(ptr, view->suboffsets, 0);
        return unpack_single(ptr, it->it_fmt);
    }
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}


extern PyTypeObject _PyMemoryIter_Type;

static PyObject *memory_iter(PyObject *seq)
{
    CHECK_RELEASED(seq);
    Py_buffer *view = &MV(seq)->view;
    if (view->ndim == 0) {
        PyErr_SetString(PyExc_TypeError, "invalid indexing of 0-dim memory");
        return NULL;
    }
    if (view->ndim != 1) {
        PyErr_SetString(PyExc_NotImplementedError, "multi-dimensional sub-views are not implemented");
        return NULL;
    }
    const char *fmt = adjust_fmt(view);
    if (fmt == NULL)
        return NULL;
    memoryiterobject *it = PyObject_GC_New(memoryiterobject, &_PyMemoryIter_Type);
    if (it == NULL)
        return NULL;
    it->it_fmt = fmt;
    it->it_length = view->shape[0];
    it->it_index = 0;
    Py_INCREF(seq);
    it->it_seq = MV(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

PyTypeObject _PyMemoryIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memory_iterator",
    .tp_basicsize = sizeof(memoryiterobject),
    .tp_dealloc = memoryiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = memoryiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = memoryiter_next,
};

/* ================================================================ type */

static PyGetSetDef memory_getsetlist[] = {
    {"obj", memory_obj_get, NULL, DOC_memoryview_obj},
    {"nbytes", memory_nbytes_get, NULL, DOC_memoryview_nbytes},
    {"readonly", memory_readonly_get, NULL, DOC_memoryview_readonly},
    {"itemsize", memory_itemsize_get, NULL, DOC_memoryview_itemsize},
    {"format", memory_format_get, NULL, DOC_memoryview_format},
    {"ndim", memory_ndim_get, NULL, DOC_memoryview_ndim},
    {"shape", memory_shape_get, NULL, DOC_memoryview_shape},
    {"strides", memory_strides_get, NULL, DOC_memoryview_strides},
    {"suboffsets", memory_suboffsets_get, NULL, DOC_memoryview_suboffsets},
    {"c_contiguous", memory_c_contiguous, NULL, DOC_memoryview_c_contiguous},
    {"f_contiguous", memory_f_contiguous, NULL, DOC_memoryview_f_contiguous},
    {"contiguous", memory_contiguous, NULL, DOC_memoryview_contiguous},
    {NULL},
};

static PyMethodDef memory_methods[] = {
    {"release", memory_release, METH_NOARGS, DOC_memoryview_release},
    {"tobytes", (PyCFunction)(void (*)(void))memory_tobytes, METH_VARARGS | METH_KEYWORDS, DOC_memoryview_tobytes},
    {"hex", (PyCFunction)(void (*)(void))memory_hex, METH_VARARGS | METH_KEYWORDS, DOC_memoryview_hex},
    {"tolist", memory_tolist, METH_NOARGS, DOC_memoryview_tolist},
    {"cast", (PyCFunction)(void (*)(void))memory_cast, METH_VARARGS | METH_KEYWORDS, DOC_memoryview_cast},
    {"toreadonly", memory_toreadonly, METH_NOARGS, DOC_memoryview_toreadonly},
    {"__enter__", memory_enter, METH_NOARGS, DOC_memoryview___enter__},
    {"__exit__", memory_exit, METH_VARARGS, DOC_memoryview___exit__},
    {NULL, NULL},
};

static PyBufferProcs memory_as_buffer = {
    memory_getbuf,
    memory_releasebuf,
};

static PyMappingMethods memory_as_mapping = {
    memory_length,
    memory_subscript,
    memory_ass_sub,
};

static PySequenceMethods memory_as_sequence = {
    .sq_length = memory_length,
    .sq_item = memory_item,
};

PyTypeObject PyMemoryView_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "memoryview",
    .tp_basicsize = offsetof(PyMemoryViewObject, ob_array),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = memory_dealloc,
    .tp_repr = memory_repr,
    .tp_as_sequence = &memory_as_sequence,
    .tp_as_mapping = &memory_as_mapping,
    .tp_hash = memory_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &memory_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_SEQUENCE,
    .tp_doc = TYPEDOC_memoryview,
    .tp_traverse = memory_traverse,
    .tp_clear = memory_clear,
    .tp_richcompare = memory_richcompare,
    .tp_weaklistoffset = offsetof(PyMemoryViewObject, weakreflist),
    .tp_iter = memory_iter,
    .tp_methods = memory_methods,
    .tp_getset = memory_getsetlist,
    .tp_new = memory_new,
};
