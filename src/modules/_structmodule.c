/* _structmodule.c — the _struct module behind struct.py: format parsing (byte order,
 * sizes and native alignment), packing/unpacking of every format character, the Struct
 * type, the unpack iterator and the module-level functions with a format cache.
 * Buffers come through the buffer protocol (abstract.c); half floats are
 * memoryobject.c's _PyFloat_Pack2/_PyFloat_Unpack2. */
#include "Python.h"
#include <float.h>
#include <math.h>
#include <stddef.h>
#include <ctype.h>

static PyObject *StructError;
static PyObject *cache;

/* One format character: its standard and native sizes and native alignment. */
typedef struct {
    char format;
    Py_ssize_t std_size;     /* 0: native-only code */
    Py_ssize_t native_size;
    Py_ssize_t alignment;
} formatdef;

#define ALIGNOF(type) offsetof(struct { char c; type x; }, x)

static const formatdef formatdefs[] = {
    {'x', 1, 1, 1},
    {'b', 1, 1, 1},
    {'B', 1, 1, 1},
    {'c', 1, 1, 1},
    {'s', 1, 1, 1},
    {'p', 1, 1, 1},
    {'?', 1, sizeof(_Bool), ALIGNOF(_Bool)},
    {'h', 2, sizeof(short), ALIGNOF(short)},
    {'H', 2, sizeof(short), ALIGNOF(short)},
    {'i', 4, sizeof(int), ALIGNOF(int)},
    {'I', 4, sizeof(int), ALIGNOF(int)},
    {'l', 4, sizeof(long), ALIGNOF(long)},
    {'L', 4, sizeof(long), ALIGNOF(long)},
    {'q', 8, sizeof(long long), ALIGNOF(long long)},
    {'Q', 8, sizeof(long long), ALIGNOF(long long)},
    {'n', 0, sizeof(Py_ssize_t), ALIGNOF(Py_ssize_t)},
    {'N', 0, sizeof(size_t), ALIGNOF(size_t)},
    {'e', 2, 2, 2},
    {'f', 4, sizeof(float), ALIGNOF(float)},
    {'d', 8, sizeof(double), ALIGNOF(double)},
    {'P', 0, sizeof(void *), ALIGNOF(void *)},
};

enum { MODE_NATIVE, MODE_NATIVE_STD, MODE_LITTLE, MODE_BIG };

typedef struct {
    char code;
    Py_ssize_t offset;
    Py_ssize_t size;
    Py_ssize_t repeat; /* for 's'/'p': the byte count */
} formatcode;

typedef struct {
    PyObject_HEAD
    Py_ssize_t s_size;   /* bytes */
    Py_ssize_t s_len;    /* items */
    formatcode *s_codes; /* terminated by code 0 */
    int s_mode;
    PyObject *s_format;  /* str */
    PyObject *weakreflist;
} PyStructObject;

static PyTypeObject PyStructType;
#define PyStruct_Check(op) PyObject_TypeCheck(op, &PyStructType)

static const formatdef *getentry(char c, int mode)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(formatdefs); i++) {
        if (formatdefs[i].format == c) {
            if (mode != MODE_NATIVE && formatdefs[i].std_size == 0)
                break;
            return &formatdefs[i];
        }
    }
    PyErr_SetString(StructError, "bad char in struct format");
    return NULL;
}

static int is_little(int mode)
{
    if (mode == MODE_LITTLE)
        return 1;
    if (mode == MODE_BIG)
        return 0;
    return __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
}

/* ================================================================ format parsing */

static int prepare_s(PyStructObject *self, const char *fmt)
{
    int mode = MODE_NATIVE;
    const char *s = fmt;
    switch (*s) {
    case '<': mode = MODE_LITTLE; s++; break;
    case '>': case '!': mode = MODE_BIG; s++; break;
    case '=': mode = MODE_NATIVE_STD; s++; break;
    case '@': s++; break;
    }
    /* First pass: sizes and item count. */
    Py_ssize_t size = 0, len = 0, ncodes = 0;
    const char *start = s;
    while (*s) {
        char c = *s++;
        if (isspace((unsigned char)c))
            continue;
        Py_ssize_t num = 1;
        if ('0' <= c && c <= '9') {
            num = c - '0';
            while ('0' <= (c = *s++) && c <= '9') {
                if (num >= PY_SSIZE_T_MAX / 10 && (num > PY_SSIZE_T_MAX / 10 || (c - '0') > PY_SSIZE_T_MAX % 10))
                    goto overflow;
                num = num * 10 + (c - '0');
            }
            if (c == '\0') {
                PyErr_SetString(StructError, "repeat count given without format specifier");
                return -1;
            }
        }
        const formatdef *e = getentry(c, mode);
        if (e == NULL)
            return -1;
        Py_ssize_t isize = mode == MODE_NATIVE ? e->native_size : e->std_size;
        switch (c) {
        case 's': case 'p': len++; ncodes++; break;
        case 'x': break;
        default: len += num; if (num) ncodes++; break;
        }
        if (mode == MODE_NATIVE && e->alignment > 1 && size > 0) {
            Py_ssize_t extra = (e->alignment - 1) - (size - 1) % e->alignment;
            if (extra > PY_SSIZE_T_MAX - size)
                goto overflow;
            size += extra;
        }
        if (num > (PY_SSIZE_T_MAX - size) / isize)
            goto overflow;
        size += num * isize;
    }
    self->s_size = size;
    self->s_len = len;
    self->s_mode = mode;
    formatcode *codes = PyMem_Malloc((ncodes + 1) * sizeof(formatcode));
    if (codes == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyMem_Free(self->s_codes);
    self->s_codes = codes;
    /* Second pass: the codes with their offsets. */
    s = start;
    size = 0;
    while (*s) {
        char c = *s++;
        if (isspace((unsigned char)c))
            continue;
        Py_ssize_t num = 1;
        if ('0' <= c && c <= '9') {
            num = c - '0';
            while ('0' <= (c = *s++) && c <= '9')
                num = num * 10 + (c - '0');
        }
        const formatdef *e = getentry(c, mode);
        Py_ssize_t isize = mode == MODE_NATIVE ? e->native_size : e->std_size;
        if (mode == MODE_NATIVE && e->alignment > 1 && size > 0)
            size += (e->alignment - 1) - (size - 1) % e->alignment;
        if (c == 's' || c == 'p') {
            codes->code = c;
            codes->offset = size;
            codes->size = num;
            codes->repeat = num;
            codes++;
            size += num;
        } else if (c == 'x') {
            size += num;
        } else if (num) {
            codes->code = c;
            codes->offset = size;
            codes->size = isize;
            codes->repeat = num;
            codes++;
            size += isize * num;
        }
    }
    codes->code = 0;
    codes->offset = size;
    codes->size = 0;
    codes->repeat = 0;
    return 0;
overflow:
    PyErr_SetString(StructError, "total struct size too long");
    return -1;
}

/* ================================================================ unpacking */

static PyObject *unpack_int(const unsigned char *p, Py_ssize_t size, int little, int is_signed)
{
    unsigned long long x = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char b = little ? p[size - 1 - i] : p[i];
        x = (x << 8) | b;
    }
    if (is_signed) {
        if (size < 8 && (x >> (size * 8 - 1)) & 1)
            x |= ~0ULL << (size * 8);
        return PyLong_FromLongLong((long long)x);
    }
    return PyLong_FromUnsignedLongLong(x);
}

static double unpack_double(const unsigned char *p, Py_ssize_t size, int little)
{
    unsigned char buf[8];
    int host_little = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
    for (Py_ssize_t i = 0; i < size; i++)
        buf[i] = little == host_little ? p[i] : p[size - 1 - i];
    if (size == 4) {
        float f;
        memcpy(&f, buf, 4);
        return f;
    }
    double d;
    memcpy(&d, buf, 8);
    return d;
}

static PyObject *unpack_item(const formatcode *code, const char *p, int mode)
{
    const unsigned char *u = (const unsigned char *)p;
    int little = is_little(mode);
    switch (code->code) {
    case 'c': return PyBytes_FromStringAndSize(p, 1);
    case 'b': return PyLong_FromLong(*(const signed char *)p);
    case 'B': return PyLong_FromLong(*u);
    case '?': {
        if (mode == MODE_NATIVE) {
            _Bool x;
            memcpy(&x, p, sizeof x);
            return PyBool_FromLong(x != 0);
        }
        return PyBool_FromLong(*p != 0);
    }
    case 'h': case 'i': case 'l': case 'q': case 'n':
        return unpack_int(u, code->size, little, 1);
    case 'H': case 'I': case 'L': case 'Q': case 'N':
        return unpack_int(u, code->size, little, 0);
    case 'P': {
        void *x;
        memcpy(&x, p, sizeof x);
        return PyLong_FromVoidPtr(x);
    }
    case 'e': return PyFloat_FromDouble(_PyFloat_Unpack2(u, little));
    case 'f': case 'd': return PyFloat_FromDouble(unpack_double(u, code->size, little));
    }
    PyErr_SetString(StructError, "bad char in struct format");
    return NULL;
}

static PyObject *s_unpack_internal(PyStructObject *so, const char *startfrom)
{
    PyObject *result = PyTuple_New(so->s_len);
    if (result == NULL)
        return NULL;
    Py_ssize_t i = 0;
    for (const formatcode *code = so->s_codes; code->code != 0; code++) {
        const char *res = startfrom + code->offset;
        if (code->code == 's') {
            PyObject *v = PyBytes_FromStringAndSize(res, code->size);
            if (v == NULL)
                goto fail;
            PyTuple_SET_ITEM(result, i++, v);
            continue;
        }
        if (code->code == 'p') {
            Py_ssize_t n = *(const unsigned char *)res;
            if (n >= code->size)
                n = code->size - 1;
            PyObject *v = PyBytes_FromStringAndSize(res + 1, n < 0 ? 0 : n);
            if (v == NULL)
                goto fail;
            PyTuple_SET_ITEM(result, i++, v);
            continue;
        }
        for (Py_ssize_t k = 0; k < code->repeat; k++, res += code->size) {
            PyObject *v = unpack_item(code, res, so->s_mode);
            if (v == NULL)
                goto fail;
            PyTuple_SET_ITEM(result, i++, v);
        }
    }
    return result;
fail:
    Py_DECREF(result);
    return NULL;
}

/* ================================================================ packing */

static PyObject *get_pylong(PyObject *v)
{
    if (PyLong_Check(v)) {
        Py_INCREF(v);
        return v;
    }
    if (PyIndex_Check(v))
        return PyNumber_Index(v);
    PyErr_SetString(StructError, "required argument is not an integer");
    return NULL;
}

static int out_of_range(void)
{
    if (PyErr_ExceptionMatches(PyExc_OverflowError))
        PyErr_SetString(StructError, "argument out of range");
    return -1;
}

static int range_error(char format, Py_ssize_t size, int is_unsigned)
{
    size_t ulargest = (size_t)-1 >> ((sizeof(size_t) - (size_t)size) * 8);
    if (is_unsigned) {
        PyErr_Format(StructError, "'%c' format requires 0 <= number <= %zu", format, ulargest);
    } else {
        Py_ssize_t largest = (Py_ssize_t)(ulargest >> 1);
        PyErr_Format(StructError, "'%c' format requires %zd <= number <= %zd", format, ~largest, largest);
    }
    return -1;
}

static void store_int(unsigned char *p, unsigned long long x, Py_ssize_t size, int little)
{
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char b = (unsigned char)(x >> (8 * i));
        if (little)
            p[i] = b;
        else
            p[size - 1 - i] = b;
    }
}

/* Whether a code packs with the native routine: always in native mode, and (as CPython
 * swaps them in) in the native-order standard table where the sizes agree. */
static int packs_natively(char c, int mode)
{
    if (mode == MODE_NATIVE || c == 'b' || c == 'B')
        return 1;
    if (is_little(mode) != (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) || mode == MODE_BIG)
        return 0;
    switch (c) {
    case 'h': case 'H': return sizeof(short) == 2;
    case 'i': case 'I': return sizeof(int) == 4;
    case 'l': case 'L': return sizeof(long) == 4;
    case 'q': case 'Q': return sizeof(long long) == 8;
    }
    return 0;
}

static int pack_int(const formatcode *code, unsigned char *p, PyObject *v, int mode)
{
    char c = code->code;
    int little = is_little(mode);
    PyObject *num = get_pylong(v);
    if (num == NULL)
        return -1;
    int is_unsigned = (c == 'B' || c == 'H' || c == 'I' || c == 'L' || c == 'Q' || c == 'N');
    unsigned long long bits;
    if (packs_natively(c, mode)) {
        const char *msg = NULL;
        if (c == 'b' || c == 'B' || c == 'h' || c == 'H') {
            long x = PyLong_AsLong(num);
            Py_DECREF(num);
            if (x == -1 && PyErr_Occurred())
                return out_of_range();
            if (c == 'b' && (x < -128 || x > 127))
                msg = "byte format requires -128 <= number <= 127";
            else if (c == 'B' && (x < 0 || x > 255))
                msg = "ubyte format requires 0 <= number <= 255";
            else if (c == 'h' && (x < SHRT_MIN || x > SHRT_MAX))
                msg = "short format requires -32768 <= number <= 32767";
            else if (c == 'H' && (x < 0 || x > USHRT_MAX))
                msg = "ushort format requires 0 <= number <= 65535";
            if (msg) {
                PyErr_SetString(StructError, msg);
                return -1;
            }
            bits = (unsigned long long)x;
        } else if (is_unsigned) {
            unsigned long long x = PyLong_AsUnsignedLongLong(num);
            Py_DECREF(num);
            if (x == (unsigned long long)-1 && PyErr_Occurred())
                return out_of_range();
            if (code->size < 8 && x >> (code->size * 8))
                return range_error(c, code->size, 1);
            bits = x;
        } else {
            long long x = PyLong_AsLongLong(num);
            Py_DECREF(num);
            if (x == -1 && PyErr_Occurred())
                return out_of_range();
            if (code->size < 8) {
                long long lim = 1LL << (code->size * 8 - 1);
                if (x < -lim || x >= lim)
                    return range_error(c, code->size, 0);
            }
            bits = (unsigned long long)x;
        }
        store_int(p, bits, code->size, little);
        return 0;
    }
    if (code->size == 8) {
        int r = _PyLong_AsByteArray((PyLongObject *)num, p, 8, little, !is_unsigned);
        Py_DECREF(num);
        if (r < 0) {
            PyErr_SetString(StructError, "int too large to convert");
            return -1;
        }
        return 0;
    }
    /* Standard 2- and 4-byte integers. */
    if (is_unsigned) {
        unsigned long x = PyLong_AsUnsignedLong(num);
        Py_DECREF(num);
        if (x == (unsigned long)-1 && PyErr_Occurred())
            return out_of_range();
        if (x >= (1UL << (code->size * 8)))
            return range_error(c, code->size, 1);
        bits = x;
    } else {
        long x = PyLong_AsLong(num);
        Py_DECREF(num);
        if (x == -1 && PyErr_Occurred())
            return out_of_range();
        long lim = 1L << (code->size * 8 - 1);
        if (x < -lim || x >= lim)
            return range_error(c, code->size, 0);
        bits = (unsigned long long)x;
    }
    store_int(p, bits, code->size, little);
    return 0;
}

static int pack_item(const formatcode *code, char *p, PyObject *v, int mode)
{
    unsigned char *u = (unsigned char *)p;
    int little = is_little(mode);
    switch (code->code) {
    case 'c':
        if (!PyBytes_Check(v) || PyBytes_GET_SIZE(v) != 1) {
            PyErr_SetString(StructError, "char format requires a bytes object of length 1");
            return -1;
        }
        *p = PyBytes_AS_STRING(v)[0];
        return 0;
    case '?': {
        int t = PyObject_IsTrue(v);
        if (t < 0)
            return -1;
        if (mode == MODE_NATIVE) {
            _Bool x = t != 0;
            memcpy(p, &x, sizeof x);
        } else {
            *p = (char)(t != 0);
        }
        return 0;
    }
    case 'P': {
        PyObject *num = get_pylong(v);
        if (num == NULL)
            return -1;
        void *x = PyLong_AsVoidPtr(num);
        Py_DECREF(num);
        if (x == NULL && PyErr_Occurred())
            return -1;
        memcpy(p, &x, sizeof x);
        return 0;
    }
    case 'e': case 'f': case 'd': {
        double x = PyFloat_AsDouble(v);
        if (x == -1 && PyErr_Occurred()) {
            PyErr_SetString(StructError, "required argument is not a float");
            return -1;
        }
        if (code->code == 'e')
            return _PyFloat_Pack2(x, u, little);
        unsigned char buf[8];
        if (code->code == 'f') {
            float f = (float)x;
            /* native mode casts like C (inf); standard mode packs like PyFloat_Pack4 */
            if (mode != MODE_NATIVE && isinf(f) && !isinf(x)) {
                PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
                return -1;
            }
            memcpy(buf, &f, 4);
        } else {
            memcpy(buf, &x, 8);
        }
        int host_little = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
        for (Py_ssize_t i = 0; i < code->size; i++)
            u[i] = little == host_little ? buf[i] : buf[code->size - 1 - i];
        return 0;
    }
    }
    return pack_int(code, u, v, mode);
}

/* Pack args into buf (s_size bytes, zeroed here for the pad bytes). */
static int s_pack_internal(PyStructObject *soself, PyObject *const *args, int offset, char *buf)
{
    memset(buf, '\0', soself->s_size);
    Py_ssize_t i = offset;
    for (const formatcode *code = soself->s_codes; code->code != 0; code++) {
        char *res = buf + code->offset;
        if (code->code == 's' || code->code == 'p') {
            PyObject *v = args[i++];
            const char *data;
            Py_ssize_t n;
            if (PyBytes_Check(v)) {
                data = PyBytes_AS_STRING(v);
                n = PyBytes_GET_SIZE(v);
            } else if (PyByteArray_Check(v)) {
                data = PyByteArray_AS_STRING(v);
                n = PyByteArray_GET_SIZE(v);
            } else {
                PyErr_Format(StructError, "argument for '%c' must be a bytes object", code->code);
                return -1;
            }
            if (code->code == 's') {
                if (n > code->size)
                    n = code->size;
                if (n > 0)
                    memcpy(res, data, n);
            } else {
                if (n > (code->size - 1))
                    n = code->size - 1;
                if (n < 0)
                    n = 0;
                if (n > 0)
                    memcpy(res + 1, data, n);
                if (code->size > 0)
                    *res = (unsigned char)(n > 255 ? 255 : n);
            }
            continue;
        }
        for (Py_ssize_t k = 0; k < code->repeat; k++, res += code->size) {
            PyObject *v = args[i++];
            if (pack_item(code, res, v, soself->s_mode) < 0) {
                /* an int overflowing a float or pointer conversion is a struct.error */
                if (PyLong_Check(v) && PyErr_ExceptionMatches(PyExc_OverflowError))
                    PyErr_SetString(StructError, "int too large to convert");
                return -1;
            }
        }
    }
    return 0;
}

/* ================================================================ Struct */

static PyObject *s_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyStructObject *s = (PyStructObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->s_format = PyUnicode_FromStringAndSize("", 0);
    s->s_codes = NULL;
    s->s_size = -1;
    s->s_len = -1;
    s->weakreflist = NULL;
    if (s->s_format == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

static int s_set_format(PyStructObject *self, PyObject *format)
{
    if (PyUnicode_Check(format)) {
        Py_INCREF(format);
    } else if (PyBytes_Check(format)) {
        format = PyUnicode_DecodeASCII(PyBytes_AS_STRING(format), PyBytes_GET_SIZE(format), NULL);
        if (format == NULL)
            return -1;
    } else {
        PyErr_Format(PyExc_TypeError, "Struct() argument 1 must be a str or bytes object, not %.200s",
                     _PyType_Name(Py_TYPE(format)));
        return -1;
    }
    Py_ssize_t n;
    const char *fmt = PyUnicode_AsUTF8AndSize(format, &n);
    if (fmt == NULL) {
        Py_DECREF(format);
        return -1;
    }
    if ((Py_ssize_t)strlen(fmt) != n) {
        PyErr_SetString(StructError, "embedded null character");
        Py_DECREF(format);
        return -1;
    }
    Py_SETREF(self->s_format, format);
    return prepare_s(self, fmt);
}

static int s_init(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"format", NULL};
    PyObject *format;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:Struct", kwlist, &format))
        return -1;
    return s_set_format((PyStructObject *)op, format);
}

static void s_dealloc(PyObject *op)
{
    PyStructObject *s = (PyStructObject *)op;
    if (s->weakreflist != NULL)
        PyObject_ClearWeakRefs(op);
    PyMem_Free(s->s_codes);
    Py_XDECREF(s->s_format);
    Py_TYPE(op)->tp_free(op);
}

static PyObject *s_unpack(PyObject *op, PyObject *arg)
{
    PyStructObject *self = (PyStructObject *)op;
    Py_buffer buffer;
    if (PyObject_GetBuffer(arg, &buffer, PyBUF_SIMPLE) < 0)
        return NULL;
    if (buffer.len != self->s_size) {
        PyErr_Format(StructError, "unpack requires a buffer of %zd bytes", self->s_size);
        PyBuffer_Release(&buffer);
        return NULL;
    }
    PyObject *r = s_unpack_internal(self, buffer.buf);
    PyBuffer_Release(&buffer);
    return r;
}

static PyObject *unpack_from_impl(PyStructObject *self, PyObject *bufobj, Py_ssize_t offset)
{
    Py_buffer buffer;
    if (PyObject_GetBuffer(bufobj, &buffer, PyBUF_SIMPLE) < 0)
        return NULL;
    if (offset < 0) {
        if (offset + buffer.len < 0) {
            PyErr_Format(StructError, "offset %zd out of range for %zd-byte buffer", offset, buffer.len);
            PyBuffer_Release(&buffer);
            return NULL;
        }
        if (offset + self->s_size > 0) {
            PyErr_Format(StructError, "not enough data to unpack %zd bytes at offset %zd",
                         self->s_size, offset);
            PyBuffer_Release(&buffer);
            return NULL;
        }
        offset += buffer.len;
    }
    if ((buffer.len - offset) < self->s_size) {
        PyErr_Format(StructError,
                     "unpack_from requires a buffer of at least %zu bytes for unpacking %zd bytes at "
                     "offset %zd (actual buffer size is %zd)",
                     (size_t)self->s_size + (size_t)offset, self->s_size, offset, buffer.len);
        PyBuffer_Release(&buffer);
        return NULL;
    }
    PyObject *r = s_unpack_internal(self, (char *)buffer.buf + offset);
    PyBuffer_Release(&buffer);
    return r;
}

static PyObject *s_unpack_from(PyObject *op, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"buffer", "offset", NULL};
    PyObject *buf;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:unpack_from", kwlist, &buf, &offset))
        return NULL;
    return unpack_from_impl((PyStructObject *)op, buf, offset);
}

static PyObject *s_pack(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PyStructObject *soself = (PyStructObject *)op;
    if (nargs != soself->s_len) {
        PyErr_Format(StructError, "pack expected %zd items for packing (got %zd)", soself->s_len, nargs);
        return NULL;
    }
    PyObject *result = PyBytes_FromStringAndSize(NULL, soself->s_size);
    if (result == NULL)
        return NULL;
    if (s_pack_internal(soself, args, 0, PyBytes_AS_STRING(result)) != 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *s_pack_into(PyObject *op, PyObject *const *args, Py_ssize_t nargs)
{
    PyStructObject *soself = (PyStructObject *)op;
    if (nargs != (soself->s_len + 2)) {
        if (nargs == 0) {
            PyErr_Format(StructError, "pack_into expected buffer argument");
        } else if (nargs == 1) {
            PyErr_Format(StructError, "pack_into expected offset argument");
        } else {
            PyErr_Format(StructError, "pack_into expected %zd items for packing (got %zd)",
                         soself->s_len, (nargs - 2));
        }
        return NULL;
    }
    Py_buffer buffer;
    if (PyObject_GetBuffer(args[0], &buffer, PyBUF_WRITABLE) < 0) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) || PyErr_ExceptionMatches(PyExc_BufferError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "argument must be read-write bytes-like object, not %.50s",
                         Py_TYPE(args[0])->tp_name);
        }
        return NULL;
    }
    Py_ssize_t offset = PyNumber_AsSsize_t(args[1], PyExc_IndexError);
    if (offset == -1 && PyErr_Occurred()) {
        PyBuffer_Release(&buffer);
        return NULL;
    }
    if (offset < 0) {
        if (offset + soself->s_size > 0) {
            PyErr_Format(StructError, "no space to pack %zd bytes at offset %zd", soself->s_size, offset);
            PyBuffer_Release(&buffer);
            return NULL;
        }
        if (offset + buffer.len < 0) {
            PyErr_Format(StructError, "offset %zd out of range for %zd-byte buffer", offset, buffer.len);
            PyBuffer_Release(&buffer);
            return NULL;
        }
        offset += buffer.len;
    }
    if ((buffer.len - offset) < soself->s_size) {
        PyErr_Format(StructError,
                     "pack_into requires a buffer of at least %zu bytes for packing %zd bytes at "
                     "offset %zd (actual buffer size is %zd)",
                     (size_t)soself->s_size + (size_t)offset, soself->s_size, offset, buffer.len);
        PyBuffer_Release(&buffer);
        return NULL;
    }
    /* Packed in place, as CPython: a failed pack leaves the bytes written so far. */
    int r = s_pack_internal(soself, args, 2, (char *)buffer.buf + offset);
    PyBuffer_Release(&buffer);
    if (r != 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---------------------------------------------------------------- unpack iterator */

typedef struct {
    PyObject_HEAD
    PyStructObject *so;
    Py_buffer buf;
    Py_ssize_t index;
} unpackiterobject;

static void unpackiter_dealloc(PyObject *op)
{
    unpackiterobject *self = (unpackiterobject *)op;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->so);
    PyBuffer_Release(&self->buf);
    PyObject_GC_Del(self);
}

static int unpackiter_traverse(PyObject *op, visitproc visit, void *arg)
{
    unpackiterobject *self = (unpackiterobject *)op;
    Py_VISIT(self->so);
    Py_VISIT(self->buf.obj);
    return 0;
}

static PyObject *unpackiter_len(PyObject *op, PyObject *noargs)
{
    unpackiterobject *self = (unpackiterobject *)op;
    Py_ssize_t len = 0;
    if (self->so != NULL)
        len = (self->buf.len - self->index) / self->so->s_size;
    return PyLong_FromSsize_t(len);
}

static PyObject *unpackiter_iternext(PyObject *op)
{
    unpackiterobject *self = (unpackiterobject *)op;
    if (self->so == NULL)
        return NULL;
    if (self->index >= self->buf.len) {
        /* Iterator exhausted */
        Py_CLEAR(self->so);
        PyBuffer_Release(&self->buf);
        return NULL;
    }
    PyObject *result = s_unpack_internal(self->so, (char *)self->buf.buf + self->index);
    self->index += self->so->s_size;
    return result;
}

static PyMethodDef unpackiter_methods[] = {
    {"__length_hint__", unpackiter_len, METH_NOARGS, NULL},
    {NULL, NULL},
};

static PyTypeObject unpackiter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.unpack_iterator",
    .tp_basicsize = sizeof(unpackiterobject),
    .tp_dealloc = unpackiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = unpackiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = unpackiter_iternext,
    .tp_methods = unpackiter_methods,
};

static PyObject *s_iter_unpack(PyObject *op, PyObject *buffer)
{
    PyStructObject *self = (PyStructObject *)op;
    if (self->s_size == 0) {
        PyErr_Format(StructError, "cannot iteratively unpack with a struct of length %zd", self->s_size);
        return NULL;
    }
    unpackiterobject *iter = PyObject_GC_New(unpackiterobject, &unpackiter_type);
    if (iter == NULL)
        return NULL;
    iter->so = NULL;
    iter->buf.obj = NULL;
    iter->index = 0;
    PyObject_GC_Track(iter);
    if (PyObject_GetBuffer(buffer, &iter->buf, PyBUF_SIMPLE) < 0) {
        iter->buf.obj = NULL;
        Py_DECREF(iter);
        return NULL;
    }
    if (iter->buf.len % self->s_size != 0) {
        PyErr_Format(StructError, "iterative unpacking requires a buffer of a multiple of %zd bytes",
                     self->s_size);
        Py_DECREF(iter);
        return NULL;
    }
    Py_INCREF(self);
    iter->so = self;
    return (PyObject *)iter;
}

static PyObject *s_get_format(PyObject *op, void *c)
{
    PyObject *f = ((PyStructObject *)op)->s_format;
    Py_INCREF(f);
    return f;
}

static PyObject *s_get_size(PyObject *op, void *c)
{
    return PyLong_FromSsize_t(((PyStructObject *)op)->s_size);
}

static PyObject *s_sizeof(PyObject *op, PyObject *noargs)
{
    PyStructObject *self = (PyStructObject *)op;
    size_t size = sizeof(PyStructObject) + sizeof(formatcode);
    for (formatcode *code = self->s_codes; code && code->code != 0; code++)
        size += sizeof(formatcode);
    return PyLong_FromSize_t(size);
}

static PyMethodDef s_methods[] = {
    {"iter_unpack", s_iter_unpack, METH_O,
     "Return an iterator yielding tuples.\n\nTuples are unpacked from the given bytes source, like a "
     "repeated invocation of unpack_from().\n\nRequires that the bytes length be a multiple of the "
     "struct size."},
    {"pack", (PyCFunction)(void (*)(void))s_pack, METH_FASTCALL,
     "S.pack(v1, v2, ...) -> bytes\n\nReturn a bytes object containing values v1, v2, ... packed "
     "according\nto the format string S.format.  See help(struct) for more on format\nstrings."},
    {"pack_into", (PyCFunction)(void (*)(void))s_pack_into, METH_FASTCALL,
     "S.pack_into(buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the format "
     "string S.format\nand write the packed bytes into the writable buffer buf starting at\noffset.  "
     "Note that the offset is a required argument.  See\nhelp(struct) for more on format strings."},
    {"unpack", s_unpack, METH_O,
     "Return a tuple containing unpacked values.\n\nUnpack according to the format string "
     "Struct.format. The buffer's size\nin bytes must be Struct.size.\n\nSee help(struct) for more on "
     "format strings."},
    {"unpack_from", (PyCFunction)(void (*)(void))s_unpack_from, METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing unpacked values.\n\nValues are unpacked according to the format string "
     "Struct.format.\n\nThe buffer's size in bytes, starting at position offset, must be\nat least "
     "Struct.size.\n\nSee help(struct) for more on format strings."},
    {"__sizeof__", s_sizeof, METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"},
    {NULL, NULL},
};

static PyGetSetDef s_getsetlist[] = {
    {"format", s_get_format, NULL, "struct format string", NULL},
    {"size", s_get_size, NULL, "struct size in bytes", NULL},
    {NULL},
};

static PyTypeObject PyStructType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(PyStructObject),
    .tp_dealloc = s_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Struct(format)\n--\n\nCreate a compiled struct object.\n\nReturn a new Struct object "
              "which writes and reads binary data according to\nthe format string.\n\nSee help(struct) "
              "for more on format strings.",
    .tp_weaklistoffset = offsetof(PyStructObject, weakreflist),
    .tp_methods = s_methods,
    .tp_getset = s_getsetlist,
    .tp_init = s_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = s_new,
    .tp_free = PyObject_Free,
};

/* ================================================================ module functions */

#define MAXCACHE 100

/* The compiled Struct for a format, from the cache when possible. */
static PyStructObject *cache_struct(PyObject *fmt)
{
    if (PyStruct_Check(fmt)) {
        Py_INCREF(fmt);
        return (PyStructObject *)fmt;
    }
    if (cache == NULL && (cache = PyDict_New()) == NULL)
        return NULL;
    PyObject *s_object = PyDict_GetItemWithError(cache, fmt);
    if (s_object != NULL) {
        Py_INCREF(s_object);
        return (PyStructObject *)s_object;
    }
    if (PyErr_Occurred())
        return NULL;
    s_object = PyObject_CallOneArg((PyObject *)&PyStructType, fmt);
    if (s_object != NULL) {
        if (PyDict_GET_SIZE(cache) >= MAXCACHE)
            PyDict_Clear(cache);
        /* Attempt to cache the result */
        if (PyDict_SetItem(cache, fmt, s_object) == -1)
            PyErr_Clear();
    }
    return (PyStructObject *)s_object;
}

static PyObject *clearcache(PyObject *module, PyObject *noargs)
{
    Py_CLEAR(cache);
    Py_RETURN_NONE;
}

static PyObject *calcsize(PyObject *module, PyObject *fmt)
{
    PyStructObject *s = cache_struct(fmt);
    if (s == NULL)
        return NULL;
    PyObject *r = PyLong_FromSsize_t(s->s_size);
    Py_DECREF(s);
    return r;
}

static PyObject *pack(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    PyStructObject *s = cache_struct(args[0]);
    if (s == NULL)
        return NULL;
    PyObject *r = s_pack((PyObject *)s, args + 1, nargs - 1);
    Py_DECREF(s);
    return r;
}

static PyObject *pack_into(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "missing format argument");
        return NULL;
    }
    PyStructObject *s = cache_struct(args[0]);
    if (s == NULL)
        return NULL;
    PyObject *r = s_pack_into((PyObject *)s, args + 1, nargs - 1);
    Py_DECREF(s);
    return r;
}

static PyObject *unpack(PyObject *module, PyObject *args)
{
    PyObject *fmt, *buffer;
    if (!PyArg_ParseTuple(args, "OO:unpack", &fmt, &buffer))
        return NULL;
    PyStructObject *s = cache_struct(fmt);
    if (s == NULL)
        return NULL;
    PyObject *r = s_unpack((PyObject *)s, buffer);
    Py_DECREF(s);
    return r;
}

static PyObject *unpack_from(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "buffer", "offset", NULL};
    PyObject *fmt, *buffer;
    Py_ssize_t offset = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|n:unpack_from", kwlist, &fmt, &buffer, &offset))
        return NULL;
    PyStructObject *s = cache_struct(fmt);
    if (s == NULL)
        return NULL;
    PyObject *r = unpack_from_impl(s, buffer, offset);
    Py_DECREF(s);
    return r;
}

static PyObject *iter_unpack(PyObject *module, PyObject *args)
{
    PyObject *fmt, *buffer;
    if (!PyArg_ParseTuple(args, "OO:iter_unpack", &fmt, &buffer))
        return NULL;
    PyStructObject *s = cache_struct(fmt);
    if (s == NULL)
        return NULL;
    PyObject *r = s_iter_unpack((PyObject *)s, buffer);
    Py_DECREF(s);
    return r;
}

static PyMethodDef module_functions[] = {
    {"_clearcache", clearcache, METH_NOARGS, "Clear the internal cache."},
    {"calcsize", calcsize, METH_O, "Return size in bytes of the struct described by the format string."},
    {"iter_unpack", iter_unpack, METH_VARARGS,
     "Return an iterator yielding tuples unpacked from the given bytes.\n\nThe bytes are unpacked "
     "according to the format string, like\na repeated invocation of unpack_from().\n\nRequires that "
     "the bytes length be a multiple of the format struct size."},
    {"pack", (PyCFunction)(void (*)(void))pack, METH_FASTCALL,
     "pack(format, v1, v2, ...) -> bytes\n\nReturn a bytes object containing the values v1, v2, ... "
     "packed according\nto the format string.  See help(struct) for more on format strings."},
    {"pack_into", (PyCFunction)(void (*)(void))pack_into, METH_FASTCALL,
     "pack_into(format, buffer, offset, v1, v2, ...)\n\nPack the values v1, v2, ... according to the "
     "format string and write\nthe packed bytes into the writable buffer buf starting at offset.  "
     "Note\nthat the offset is a required argument.  See help(struct) for more\non format strings."},
    {"unpack", unpack, METH_VARARGS,
     "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size "
     "in bytes must be calcsize(format).\n\nSee help(struct) for more on format strings."},
    {"unpack_from", (PyCFunction)(void (*)(void))unpack_from, METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing values unpacked according to the format string.\n\nThe buffer's size, "
     "minus offset, must be at least calcsize(format).\n\nSee help(struct) for more on format strings."},
    {NULL, NULL},
};

static const char module_doc[] =
    "Functions to convert between Python values and C structs.\n"
    "Python bytes objects are used to hold the data representing the C struct\n"
    "and also as format strings (explained below) to describe the layout of data\n"
    "in the C struct.\n\n"
    "The optional first format char indicates byte order, size and alignment:\n"
    "  @: native order, size & alignment (default)\n"
    "  =: native order, std. size & alignment\n"
    "  <: little-endian, std. size & alignment\n"
    "  >: big-endian, std. size & alignment\n"
    "  !: same as >\n\n"
    "The remaining chars indicate types of args and must match exactly;\n"
    "these can be preceded by a decimal repeat count:\n"
    "  x: pad byte (no data); c:char; b:signed byte; B:unsigned byte;\n"
    "  ?: _Bool (requires C99; if not available, char is used instead)\n"
    "  h:short; H:unsigned short; i:int; I:unsigned int;\n"
    "  l:long; L:unsigned long; f:float; d:double; e:half-float.\n"
    "Special cases (preceding decimal count indicates length):\n"
    "  s:string (array of char); p: pascal string (with count byte).\n"
    "Special cases (only available in native format):\n"
    "  n:ssize_t; N:size_t;\n"
    "  P:an integer type that is wide enough to hold a pointer.\n"
    "Special case (not in native mode unless 'long long' in platform C):\n"
    "  q:long long; Q:unsigned long long\n"
    "Whitespace between formats is ignored.\n\n"
    "The variable struct.error is an exception raised on errors.\n";

static struct PyModuleDef _structmodule = {
    PyModuleDef_HEAD_INIT, "_struct", module_doc, -1, module_functions, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__struct(void)
{
    if (PyType_Ready(&PyStructType) < 0 || PyType_Ready(&unpackiter_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&_structmodule);
    if (m == NULL)
        return NULL;
    if (StructError == NULL) {
        StructError = PyErr_NewException("struct.error", NULL, NULL);
        if (StructError == NULL)
            goto fail;
    }
    if (PyModule_AddObjectRef(m, "error", StructError) < 0 ||
        PyModule_AddObjectRef(m, "Struct", (PyObject *)&PyStructType) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
