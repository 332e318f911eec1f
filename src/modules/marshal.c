/* marshal.c — the `marshal` module: dumps/loads/dump/load in CPython's format (version 4:
 * object references, short strings and tuples), byte-compatible with CPython for data
 * (None, bools, Ellipsis, StopIteration, int, float, complex, str, bytes, tuple, list,
 * dict, set, frozenset).  Code objects use Krait's own field layout under type 'c' (Krait's
 * bytecode differs from CPython's anyway).  Owner: runtime. */
#include "Python.h"
#include "code.h"

#define TYPE_NULL '0'
#define TYPE_NONE 'N'
#define TYPE_FALSE 'F'
#define TYPE_TRUE 'T'
#define TYPE_STOPITER 'S'
#define TYPE_ELLIPSIS '.'
#define TYPE_INT 'i'
#define TYPE_INT64 'I'   /* read only */
#define TYPE_FLOAT 'f'
#define TYPE_BINARY_FLOAT 'g'
#define TYPE_COMPLEX 'x'
#define TYPE_BINARY_COMPLEX 'y'
#define TYPE_LONG 'l'
#define TYPE_STRING 's'
#define TYPE_INTERNED 't'
#define TYPE_REF 'r'
#define TYPE_TUPLE '('
#define TYPE_LIST '['
#define TYPE_DICT '{'
#define TYPE_CODE 'c'
#define TYPE_UNICODE 'u'
#define TYPE_UNKNOWN '?'
#define TYPE_SET '<'
#define TYPE_FROZENSET '>'
#define FLAG_REF '\x80'
#define TYPE_ASCII 'a'
#define TYPE_ASCII_INTERNED 'A'
#define TYPE_SMALL_TUPLE ')'
#define TYPE_SHORT_ASCII 'z'
#define TYPE_SHORT_ASCII_INTERNED 'Z'

#define MARSHAL_VERSION 4
#define MAX_DEPTH 2000
#define PyLong_MARSHAL_SHIFT 15
#define PyLong_MARSHAL_BASE (1 << PyLong_MARSHAL_SHIFT)

/* ---------------- writing ---------------- */

typedef struct {
    char *buf;
    size_t len, cap;
    int error;          /* 0, or one of the W_* below */
    int depth;
    int version;
    PyObject *refs;     /* dict: id(obj) -> index, version >= 3 */
    PyObject *keep;     /* list keeping referenced objects alive while writing */
} WFILE;

enum { W_OK, W_NOMEMORY, W_UNMARSHALLABLE, W_NESTEDTOODEEP, W_EXC };

static void w_bytes(WFILE *p, const void *s, size_t n)
{
    if (p->error)
        return;
    if (p->len + n > p->cap) {
        size_t cap = p->cap ? p->cap : 64;
        while (cap < p->len + n)
            cap *= 2;
        char *b = PyMem_Realloc(p->buf, cap);
        if (b == NULL) {
            p->error = W_NOMEMORY;
            return;
        }
        p->buf = b;
        p->cap = cap;
    }
    memcpy(p->buf + p->len, s, n);
    p->len += n;
}

static void w_byte(WFILE *p, int c)
{
    char ch = (char)c;
    w_bytes(p, &ch, 1);
}

static void w_long(WFILE *p, long x)   /* 32-bit little-endian */
{
    unsigned char b[4] = {(unsigned char)(x & 0xff), (unsigned char)((x >> 8) & 0xff),
                          (unsigned char)((x >> 16) & 0xff), (unsigned char)((x >> 24) & 0xff)};
    w_bytes(p, b, 4);
}

static void w_short(WFILE *p, int x)
{
    w_byte(p, x & 0xff);
    w_byte(p, (x >> 8) & 0xff);
}

static void w_size(WFILE *p, Py_ssize_t n)
{
    if (n > INT32_MAX) {
        p->error = W_UNMARSHALLABLE;
        return;
    }
    w_long(p, (long)n);
}

static void w_double(WFILE *p, double d)
{
    unsigned char b[8];
    memcpy(b, &d, 8);   /* IEEE 754 little-endian host, as everywhere in Krait */
    w_bytes(p, b, 8);
}

static void w_float_str(WFILE *p, double d)   /* version < 2: repr as text */
{
    char *s = PyOS_double_to_string(d, 'g', 17, 0, NULL);
    if (s == NULL) {
        p->error = W_EXC;
        return;
    }
    size_t n = strlen(s);
    w_byte(p, (int)n);
    w_bytes(p, s, n);
    PyMem_Free(s);
}

static void w_object(PyObject *v, WFILE *p);

/* A shared object already written becomes a TYPE_REF; a new one gets FLAG_REF and an
 * index.  Objects referenced once are never shared (CPython's rule), except interned
 * strings, which always get an index so that output is stable. */
static int w_ref(PyObject *v, char *flag, WFILE *p)
{
    if (p->version < 3 || p->refs == NULL)
        return 0;
    if (Py_REFCNT(v) == 1 && !(PyUnicode_CheckExact(v) && PyUnicode_CHECK_INTERNED(v)))
        return 0;
    PyObject *id = PyLong_FromVoidPtr(v);
    if (id == NULL) {
        p->error = W_EXC;
        return 1;
    }
    PyObject *idx = PyDict_GetItemWithError(p->refs, id);
    if (idx != NULL) {
        w_byte(p, TYPE_REF);
        w_long(p, PyLong_AsLong(idx));
        Py_DECREF(id);
        return 1;
    }
    PyObject *n = PyErr_Occurred() ? NULL : PyLong_FromSsize_t(PyDict_GET_SIZE(p->refs));
    if (n == NULL || PyDict_SetItem(p->refs, id, n) < 0 || PyList_Append(p->keep, v) < 0)
        p->error = W_EXC;
    Py_XDECREF(n);
    Py_DECREF(id);
    *flag |= FLAG_REF;
    return 0;
}

static void w_pstring(const char *s, Py_ssize_t n, WFILE *p)
{
    w_size(p, n);
    w_bytes(p, s, (size_t)n);
}

static void w_long_object(PyObject *v, char flag, WFILE *p)
{
    int overflow;
    long x = PyLong_AsLongAndOverflow(v, &overflow);
    if (!overflow && x >= INT32_MIN && x <= INT32_MAX) {
        w_byte(p, TYPE_INT | flag);
        w_long(p, x);
        return;
    }
    /* base-2**15 digits of abs(v), least significant first; the count carries the sign */
    int sign = _PyLong_Sign(v);
    PyObject *a = PyNumber_Absolute(v);
    size_t nbits = a ? _PyLong_NumBits(a) : (size_t)-1;
    if (nbits == (size_t)-1) {
        Py_XDECREF(a);
        p->error = W_EXC;
        return;
    }
    size_t nbytes = nbits / 8 + 1;
    unsigned char *bytes = PyMem_Malloc(nbytes);
    if (bytes == NULL || _PyLong_AsByteArray((PyLongObject *)a, bytes, nbytes, 1, 0) < 0) {
        PyMem_Free(bytes);
        Py_DECREF(a);
        p->error = bytes ? W_EXC : W_NOMEMORY;
        return;
    }
    Py_DECREF(a);
    size_t ndigits = (nbits + PyLong_MARSHAL_SHIFT - 1) / PyLong_MARSHAL_SHIFT;
    w_byte(p, TYPE_LONG | flag);
    w_long(p, sign < 0 ? -(long)ndigits : (long)ndigits);
    for (size_t d = 0; d < ndigits; d++) {
        int digit = 0;
        for (int b = 0; b < PyLong_MARSHAL_SHIFT; b++) {
            size_t bit = d * PyLong_MARSHAL_SHIFT + b;
            if (bit < nbytes * 8 && (bytes[bit / 8] >> (bit % 8)) & 1)
                digit |= 1 << b;
        }
        w_short(p, digit);
    }
    PyMem_Free(bytes);
}

static void w_str_object(PyObject *v, char flag, WFILE *p)
{
    int interned = PyUnicode_CHECK_INTERNED(v) != 0;
    if (p->version >= 4 && PyUnicode_IS_ASCII(v)) {
        Py_ssize_t n = PyUnicode_GET_LENGTH(v);
        const char *s = PyUnicode_AsUTF8(v);
        if (s == NULL) {
            p->error = W_EXC;
            return;
        }
        if (n < 256) {
            w_byte(p, (interned ? TYPE_SHORT_ASCII_INTERNED : TYPE_SHORT_ASCII) | flag);
            w_byte(p, (int)n);
            w_bytes(p, s, (size_t)n);
        } else {
            w_byte(p, (interned ? TYPE_ASCII_INTERNED : TYPE_ASCII) | flag);
            w_pstring(s, n, p);
        }
        return;
    }
    PyObject *utf8 = PyUnicode_AsEncodedString(v, "utf8", "surrogatepass");
    if (utf8 == NULL) {
        p->error = W_EXC;
        return;
    }
    w_byte(p, (interned && p->version >= 3 ? TYPE_INTERNED : TYPE_UNICODE) | flag);
    w_pstring(PyBytes_AS_STRING(utf8), PyBytes_GET_SIZE(utf8), p);
    Py_DECREF(utf8);
}

static void w_sequence(PyObject *seq, Py_ssize_t n, WFILE *p)
{
    for (Py_ssize_t i = 0; i < n && !p->error; i++)
        w_object(PySequence_Fast_GET_ITEM(seq, i), p);
}

PyObject *PyMarshal_WriteObjectToString(PyObject *v, int version);

static void w_set(PyObject *v, char flag, WFILE *p)
{
    w_byte(p, (PyFrozenSet_CheckExact(v) ? TYPE_FROZENSET : TYPE_SET) | flag);
    w_size(p, PySet_GET_SIZE(v));
    /* in the order of their own marshalled bytes, not the hash order, so that the
       output does not depend on the hash seed (as 3.11 writes sets) */
    PyObject *pairs = PyList_New(0), *it = PyObject_GetIter(v), *item;
    if (pairs == NULL || it == NULL) {
        Py_XDECREF(pairs);
        Py_XDECREF(it);
        p->error = W_EXC;
        return;
    }
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *dump = PyMarshal_WriteObjectToString(item, p->version);
        PyObject *pair = dump ? PyTuple_Pack(2, dump, item) : NULL;
        Py_XDECREF(dump);
        Py_DECREF(item);
        if (pair == NULL || PyList_Append(pairs, pair) < 0) {
            Py_XDECREF(pair);
            break;
        }
        Py_DECREF(pair);
    }
    Py_DECREF(it);
    if (PyErr_Occurred() || PyList_Sort(pairs) < 0) {
        Py_DECREF(pairs);
        p->error = W_EXC;
        return;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pairs) && !p->error; i++)
        w_object(PyTuple_GET_ITEM(PyList_GET_ITEM(pairs, i), 1), p);
    Py_DECREF(pairs);
}

/* Krait's code layout: the PyCode_NewWithPosOnlyArgs arguments in order. */
static void w_code(PyCodeObject *co, char flag, WFILE *p)
{
    w_byte(p, TYPE_CODE | flag);
    w_long(p, co->co_argcount);
    w_long(p, co->co_posonlyargcount);
    w_long(p, co->co_kwonlyargcount);
    w_long(p, co->co_nlocals);
    w_long(p, co->co_stacksize);
    w_long(p, co->co_flags);
    w_object(co->co_code, p);
    w_object(co->co_consts, p);
    w_object(co->co_names, p);
    w_object(co->co_varnames, p);
    w_object(co->co_freevars, p);
    w_object(co->co_cellvars, p);
    w_object(co->co_filename, p);
    w_object(co->co_name, p);
    w_object(co->co_qualname, p);
    w_long(p, co->co_firstlineno);
    w_object(co->co_linetable, p);
    w_object(co->co_exceptiontable, p);
}

static void w_complex_object(PyObject *v, char flag, WFILE *p)
{
    if (PyLong_CheckExact(v)) {
        w_long_object(v, flag, p);
    } else if (PyFloat_CheckExact(v)) {
        if (p->version > 1) {
            w_byte(p, TYPE_BINARY_FLOAT | flag);
            w_double(p, PyFloat_AS_DOUBLE(v));
        } else {
            w_byte(p, TYPE_FLOAT | flag);
            w_float_str(p, PyFloat_AS_DOUBLE(v));
        }
    } else if (PyComplex_CheckExact(v)) {
        if (p->version > 1) {
            w_byte(p, TYPE_BINARY_COMPLEX | flag);
            w_double(p, PyComplex_RealAsDouble(v));
            w_double(p, PyComplex_ImagAsDouble(v));
        } else {
            w_byte(p, TYPE_COMPLEX | flag);
            w_float_str(p, PyComplex_RealAsDouble(v));
            w_float_str(p, PyComplex_ImagAsDouble(v));
        }
    } else if (PyBytes_CheckExact(v)) {
        w_byte(p, TYPE_STRING | flag);
        w_pstring(PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v), p);
    } else if (PyUnicode_CheckExact(v)) {
        w_str_object(v, flag, p);
    } else if (PyTuple_CheckExact(v)) {
        Py_ssize_t n = PyTuple_GET_SIZE(v);
        if (p->version >= 4 && n < 256) {
            w_byte(p, TYPE_SMALL_TUPLE | flag);
            w_byte(p, (int)n);
        } else {
            w_byte(p, TYPE_TUPLE | flag);
            w_size(p, n);
        }
        w_sequence(v, n, p);
    } else if (PyList_CheckExact(v)) {
        w_byte(p, TYPE_LIST | flag);
        w_size(p, PyList_GET_SIZE(v));
        w_sequence(v, PyList_GET_SIZE(v), p);
    } else if (PyDict_CheckExact(v)) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        w_byte(p, TYPE_DICT | flag);
        while (!p->error && PyDict_Next(v, &pos, &key, &value)) {
            w_object(key, p);
            w_object(value, p);
        }
        w_byte(p, TYPE_NULL);
    } else if (PyAnySet_CheckExact(v)) {
        w_set(v, flag, p);
    } else if (PyCode_Check(v)) {
        w_code((PyCodeObject *)v, flag, p);
    } else if (PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0) {
            p->error = W_EXC;
            return;
        }
        w_byte(p, TYPE_STRING | flag);
        w_pstring(view.buf, view.len, p);
        PyBuffer_Release(&view);
    } else {
        w_byte(p, TYPE_UNKNOWN);
        p->error = W_UNMARSHALLABLE;
    }
}

static void w_object(PyObject *v, WFILE *p)
{
    char flag = '\0';
    if (p->error)
        return;
    if (++p->depth > MAX_DEPTH) {
        p->error = W_NESTEDTOODEEP;
    } else if (v == NULL) {
        w_byte(p, TYPE_NULL);
    } else if (v == Py_None) {
        w_byte(p, TYPE_NONE);
    } else if (v == PyExc_StopIteration) {
        w_byte(p, TYPE_STOPITER);
    } else if (v == Py_Ellipsis) {
        w_byte(p, TYPE_ELLIPSIS);
    } else if (v == Py_False) {
        w_byte(p, TYPE_FALSE);
    } else if (v == Py_True) {
        w_byte(p, TYPE_TRUE);
    } else if (!w_ref(v, &flag, p)) {
        w_complex_object(v, flag, p);
    }
    p->depth--;
}

/* dumps() proper: the bytes for v, or NULL with CPython's exception. */
static PyObject *marshal_to_bytes(PyObject *v, int version)
{
    WFILE wf = {0};
    wf.version = version;
    if (version >= 3) {
        wf.refs = PyDict_New();
        wf.keep = PyList_New(0);
        if (wf.refs == NULL || wf.keep == NULL) {
            Py_XDECREF(wf.refs);
            Py_XDECREF(wf.keep);
            return NULL;
        }
    }
    w_object(v, &wf);
    Py_XDECREF(wf.refs);
    Py_XDECREF(wf.keep);
    PyObject *res = NULL;
    switch (wf.error) {
    case W_OK:
        res = PyBytes_FromStringAndSize(wf.buf ? wf.buf : "", (Py_ssize_t)wf.len);
        break;
    case W_NOMEMORY:
        PyErr_NoMemory();
        break;
    case W_UNMARSHALLABLE:
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "unmarshallable object");
        break;
    case W_NESTEDTOODEEP:
        PyErr_SetString(PyExc_ValueError, "object too deeply nested to marshal");
        break;
    default:   /* W_EXC: the exception is already set */
        break;
    }
    PyMem_Free(wf.buf);
    return res;
}

PyObject *PyMarshal_WriteObjectToString(PyObject *v, int version)
{
    return marshal_to_bytes(v, version);
}

/* ---------------- reading ---------------- */

typedef struct {
    const unsigned char *ptr, *end;   /* in-memory data, or NULL when reading a file */
    PyObject *readable;               /* file object for load() */
    PyObject *refs;                   /* list */
    int depth;
} RFILE;

/* n bytes into buf; -1 with EOFError ("marshal data too short") at the end. */
static int r_bytes(RFILE *p, void *buf, Py_ssize_t n)
{
    if (p->readable == NULL) {
        if (p->end - p->ptr < n) {
            PyErr_SetString(PyExc_EOFError, "marshal data too short");
            return -1;
        }
        memcpy(buf, p->ptr, (size_t)n);
        p->ptr += n;
        return 0;
    }
    /* file.readinto(memoryview), as CPython's r_string */
    PyObject *view = PyMemoryView_FromMemory((char *)buf, n, PyBUF_WRITE);
    if (view == NULL)
        return -1;
    PyObject *res = PyObject_CallMethod(p->readable, "readinto", "O", view);
    Py_DECREF(view);   /* ("N" would leak it when readinto is missing) */
    if (res == NULL)
        return -1;
    Py_ssize_t got = PyLong_AsSsize_t(res);
    Py_DECREF(res);
    if (got == -1 && PyErr_Occurred())
        return -1;
    if (got != n) {
        if (got > n)
            PyErr_Format(PyExc_ValueError, "read() returned too much data: %zd bytes "
                         "requested, %zd returned", n, got);
        else
            PyErr_SetString(PyExc_EOFError, "EOF read where not expected");
        return -1;
    }
    return 0;
}

static int r_byte(RFILE *p)   /* -1 at EOF (no exception set) */
{
    unsigned char c;
    if (p->readable == NULL) {
        if (p->ptr >= p->end)
            return -1;
        return *p->ptr++;
    }
    if (r_bytes(p, &c, 1) < 0) {
        /* whatever failed, the caller reports EOF (3.11 overwrites the error too) */
        PyErr_Clear();
        return -1;
    }
    return c;
}

static int r_long(RFILE *p, long *x)
{
    unsigned char b[4];
    if (r_bytes(p, b, 4) < 0)
        return -1;
    uint32_t u = (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
                 ((uint32_t)b[3] << 24);
    *x = (long)(int32_t)u;
    return 0;
}

static int r_double(RFILE *p, double *d)
{
    unsigned char b[8];
    if (r_bytes(p, b, 8) < 0)
        return -1;
    memcpy(d, b, 8);
    return 0;
}

static int r_float_str(RFILE *p, double *d)
{
    int n = r_byte(p);
    char buf[256];
    if (n < 0) {
        PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
        return -1;
    }
    if (r_bytes(p, buf, n) < 0)
        return -1;
    buf[n] = '\0';
    *d = PyOS_string_to_double(buf, NULL, NULL);
    return *d == -1.0 && PyErr_Occurred() ? -1 : 0;
}

static PyObject *bad_data(const char *what)
{
    PyErr_Format(PyExc_ValueError, "bad marshal data (%s)", what);
    return NULL;
}

static int r_size(RFILE *p, Py_ssize_t *n, const char *what)
{
    long x;
    if (r_long(p, &x) < 0)
        return -1;
    if (x < 0) {
        bad_data(what);
        return -1;
    }
    *n = x;
    return 0;
}

static PyObject *r_object(RFILE *p);

/* The object read next, which must not be NULL (inside containers and code). */
static PyObject *r_nonnull(RFILE *p, const char *what)
{
    PyObject *v = r_object(p);
    if (v == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_TypeError, "NULL object in marshal data for %s", what);
    return v;
}

static PyObject *r_long_object(RFILE *p)
{
    long n;
    if (r_long(p, &n) < 0)
        return NULL;
    size_t ndigits = (size_t)(n < 0 ? -n : n);
    uint16_t *digits = PyMem_Malloc((ndigits ? ndigits : 1) * sizeof(uint16_t));
    if (digits == NULL)
        return PyErr_NoMemory();
    for (size_t i = 0; i < ndigits; i++) {
        unsigned char b[2];
        if (r_bytes(p, b, 2) < 0) {
            PyMem_Free(digits);
            return NULL;
        }
        digits[i] = (uint16_t)(b[0] | (b[1] << 8));
        if (digits[i] >= PyLong_MARSHAL_BASE || (i == ndigits - 1 && digits[i] == 0)) {
            PyMem_Free(digits);
            return bad_data("digit out of range in long");
        }
    }
    /* pack the 15-bit digits into little-endian bytes and build the int in one go */
    size_t nbytes = (ndigits * PyLong_MARSHAL_SHIFT + 7) / 8 + 1;
    unsigned char *bytes = PyMem_Calloc(nbytes, 1);
    if (bytes == NULL) {
        PyMem_Free(digits);
        return PyErr_NoMemory();
    }
    for (size_t i = 0; i < ndigits; i++)
        for (int b = 0; b < PyLong_MARSHAL_SHIFT; b++)
            if ((digits[i] >> b) & 1) {
                size_t bit = i * PyLong_MARSHAL_SHIFT + b;
                bytes[bit / 8] |= (unsigned char)(1 << (bit % 8));
            }
    PyMem_Free(digits);
    PyObject *v = _PyLong_FromByteArray(bytes, nbytes, 1, 0);
    PyMem_Free(bytes);
    if (v != NULL && n < 0)
        Py_SETREF(v, PyNumber_Negative(v));
    return v;
}

/* Reserve a reference slot (for containers, filled once built); returns its index. */
static Py_ssize_t r_ref_reserve(int flag, RFILE *p)
{
    if (!flag)
        return 0;
    Py_ssize_t idx = PyList_GET_SIZE(p->refs);
    if (PyList_Append(p->refs, Py_None) < 0)
        return -1;
    return idx;
}

static PyObject *r_ref_insert(PyObject *o, Py_ssize_t idx, int flag, RFILE *p)
{
    if (o != NULL && flag) {
        Py_INCREF(o);
        if (PyList_SetItem(p->refs, idx, o) < 0) {
            Py_DECREF(o);
            return NULL;
        }
    }
    return o;
}

static PyObject *r_ref(PyObject *o, int flag, RFILE *p)
{
    if (o != NULL && flag && PyList_Append(p->refs, o) < 0) {
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static PyObject *r_string(RFILE *p, Py_ssize_t n)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, n);
    if (b != NULL && r_bytes(p, PyBytes_AS_STRING(b), n) < 0)
        Py_CLEAR(b);
    return b;
}

static PyObject *r_str(RFILE *p, Py_ssize_t n, int ascii, int interned)
{
    PyObject *b = r_string(p, n);
    if (b == NULL)
        return NULL;
    PyObject *s = ascii ? PyUnicode_DecodeLatin1(PyBytes_AS_STRING(b), n, NULL)
                        : PyUnicode_DecodeUTF8(PyBytes_AS_STRING(b), n, "surrogatepass");
    Py_DECREF(b);
    if (s != NULL && interned)
        PyUnicode_InternInPlace(&s);
    return s;
}

static PyObject *r_code(RFILE *p, int flag)
{
    Py_ssize_t idx = r_ref_reserve(flag, p);
    if (idx < 0)
        return NULL;
    long ints[6];
    for (int i = 0; i < 6; i++)
        if (r_long(p, &ints[i]) < 0)
            return NULL;
    PyObject *objs[9] = {0}, *linetable = NULL, *exctable = NULL, *v = NULL;
    long firstlineno;
    for (int i = 0; i < 9; i++)
        if ((objs[i] = r_nonnull(p, "object")) == NULL)
            goto done;
    if (r_long(p, &firstlineno) < 0 || (linetable = r_nonnull(p, "object")) == NULL ||
        (exctable = r_nonnull(p, "object")) == NULL)
        goto done;
    for (int i = 1; i < 6; i++)
        if (!PyTuple_Check(objs[i])) {
            bad_data("code object field is not a tuple");
            goto done;
        }
    v = (PyObject *)PyCode_NewWithPosOnlyArgs((int)ints[0], (int)ints[1], (int)ints[2],
                                              (int)ints[3], (int)ints[4], (int)ints[5],
                                              objs[0], objs[1], objs[2], objs[3], objs[4],
                                              objs[5], objs[6], objs[7], objs[8],
                                              (int)firstlineno, linetable, exctable);
    v = r_ref_insert(v, idx, flag, p);
done:
    for (int i = 0; i < 9; i++)
        Py_XDECREF(objs[i]);
    Py_XDECREF(linetable);
    Py_XDECREF(exctable);
    return v;
}

static PyObject *r_object_inner(RFILE *p, int code)
{
    int flag = code & FLAG_REF;
    int type = code & ~FLAG_REF;
    Py_ssize_t n, idx;
    PyObject *v;
    long x;
    double d, d2;
    switch (type) {
    case TYPE_NULL:
        return NULL;
    case TYPE_NONE:
        return Py_NewRef(Py_None);
    case TYPE_STOPITER:
        return Py_NewRef(PyExc_StopIteration);
    case TYPE_ELLIPSIS:
        return Py_NewRef(Py_Ellipsis);
    case TYPE_FALSE:
        return Py_NewRef(Py_False);
    case TYPE_TRUE:
        return Py_NewRef(Py_True);
    case TYPE_INT:
        return r_long(p, &x) < 0 ? NULL : r_ref(PyLong_FromLong(x), flag, p);
    case TYPE_INT64: {
        unsigned char b[8];
        if (r_bytes(p, b, 8) < 0)
            return NULL;
        return r_ref(_PyLong_FromByteArray(b, 8, 1, 1), flag, p);
    }
    case TYPE_LONG:
        return r_ref(r_long_object(p), flag, p);
    case TYPE_FLOAT:
        return r_float_str(p, &d) < 0 ? NULL : r_ref(PyFloat_FromDouble(d), flag, p);
    case TYPE_BINARY_FLOAT:
        return r_double(p, &d) < 0 ? NULL : r_ref(PyFloat_FromDouble(d), flag, p);
    case TYPE_COMPLEX:
        if (r_float_str(p, &d) < 0 || r_float_str(p, &d2) < 0)
            return NULL;
        return r_ref(PyComplex_FromDoubles(d, d2), flag, p);
    case TYPE_BINARY_COMPLEX:
        if (r_double(p, &d) < 0 || r_double(p, &d2) < 0)
            return NULL;
        return r_ref(PyComplex_FromDoubles(d, d2), flag, p);
    case TYPE_STRING:
        if (r_size(p, &n, "bytes object size out of range") < 0)
            return NULL;
        return r_ref(r_string(p, n), flag, p);
    case TYPE_ASCII:
    case TYPE_ASCII_INTERNED:
        if (r_size(p, &n, "string size out of range") < 0)
            return NULL;
        return r_ref(r_str(p, n, 1, type == TYPE_ASCII_INTERNED), flag, p);
    case TYPE_SHORT_ASCII:
    case TYPE_SHORT_ASCII_INTERNED: {
        int c = r_byte(p);
        if (c < 0) {
            PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
            return NULL;
        }
        return r_ref(r_str(p, c, 1, type == TYPE_SHORT_ASCII_INTERNED), flag, p);
    }
    case TYPE_INTERNED:
    case TYPE_UNICODE:
        if (r_size(p, &n, "string size out of range") < 0)
            return NULL;
        return r_ref(r_str(p, n, 0, type == TYPE_INTERNED), flag, p);
    case TYPE_SMALL_TUPLE:
    case TYPE_TUPLE:
    case TYPE_LIST:
    case TYPE_SET:
    case TYPE_FROZENSET: {
        if (type == TYPE_SMALL_TUPLE) {
            int c = r_byte(p);
            if (c < 0) {
                PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
                return NULL;
            }
            n = c;
        } else if (r_size(p, &n, type == TYPE_LIST ? "list size out of range"
                                 : type == TYPE_TUPLE ? "tuple size out of range"
                                 : "set size out of range") < 0) {
            return NULL;
        }
        const char *what = type == TYPE_LIST ? "list" : type == TYPE_SET ? "set"
                         : type == TYPE_FROZENSET ? "set" : "tuple";
        if (type == TYPE_SET || type == TYPE_FROZENSET) {
            /* a frozenset is referenced only once complete, as in CPython */
            v = type == TYPE_SET ? PySet_New(NULL) : PyFrozenSet_New(NULL);
            idx = r_ref_reserve(flag, p);
            if (v == NULL || idx < 0) {
                Py_XDECREF(v);
                return NULL;
            }
            if (type == TYPE_SET && r_ref_insert(v, idx, flag, p) == NULL)
                return NULL;
            for (Py_ssize_t i = 0; i < n; i++) {
                PyObject *item = r_nonnull(p, what);
                if (item == NULL || PySet_Add(v, item) < 0) {
                    Py_XDECREF(item);
                    Py_DECREF(v);
                    return NULL;
                }
                Py_DECREF(item);
            }
            return type == TYPE_FROZENSET ? r_ref_insert(v, idx, flag, p) : v;
        }
        v = type == TYPE_LIST ? PyList_New(n) : PyTuple_New(n);
        idx = r_ref_reserve(flag, p);
        if (v == NULL || idx < 0 || r_ref_insert(v, idx, flag, p) == NULL) {
            Py_XDECREF(v);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = r_nonnull(p, what);
            if (item == NULL) {
                Py_DECREF(v);
                return NULL;
            }
            if (type == TYPE_LIST)
                PyList_SET_ITEM(v, i, item);
            else
                PyTuple_SET_ITEM(v, i, item);
        }
        return v;
    }
    case TYPE_DICT:
        v = PyDict_New();
        idx = r_ref_reserve(flag, p);
        if (v == NULL || idx < 0 || r_ref_insert(v, idx, flag, p) == NULL) {
            Py_XDECREF(v);
            return NULL;
        }
        for (;;) {
            PyObject *key = r_object(p);
            if (key == NULL)
                break;
            PyObject *val = r_object(p);
            if (val == NULL) {
                Py_DECREF(key);
                break;
            }
            int r = PyDict_SetItem(v, key, val);
            Py_DECREF(key);
            Py_DECREF(val);
            if (r < 0)
                break;
        }
        if (PyErr_Occurred()) {
            Py_DECREF(v);
            return NULL;
        }
        return v;
    case TYPE_CODE:
        return r_code(p, flag);
    case TYPE_REF:
        if (r_long(p, &x) < 0)
            return NULL;
        if (x < 0 || x >= PyList_GET_SIZE(p->refs))
            return bad_data("invalid reference");
        v = PyList_GET_ITEM(p->refs, x);
        if (v == Py_None)
            return bad_data("invalid reference");
        return Py_NewRef(v);
    default:
        return bad_data("unknown type code");
    }
}

static PyObject *r_object(RFILE *p)
{
    int code = r_byte(p);
    if (code < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_EOFError, "EOF read where object expected");
        return NULL;
    }
    if (++p->depth > MAX_DEPTH) {
        p->depth--;
        PyErr_SetString(PyExc_ValueError, "recursion limit exceeded");
        return NULL;
    }
    PyObject *v = r_object_inner(p, code);
    p->depth--;
    return v;
}

/* The top-level object: NULL data is an error there. */
static PyObject *read_object(RFILE *p)
{
    p->refs = PyList_New(0);
    if (p->refs == NULL)
        return NULL;
    PyObject *v = r_object(p);
    if (v == NULL && !PyErr_Occurred())
        PyErr_SetString(PyExc_TypeError, "NULL object in marshal data for object");
    Py_CLEAR(p->refs);
    return v;
}

PyObject *PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len)
{
    RFILE rf = {0};
    rf.ptr = (const unsigned char *)data;
    rf.end = rf.ptr + len;
    return read_object(&rf);
}

/* ---------------- the module ---------------- */

/* METH_FASTCALL, as CPython's: no argument tuple holds an extra reference to the value,
 * which would change which objects get FLAG_REF in the output. */
static PyObject *marshal_dumps(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    int version = MARSHAL_VERSION;
    if (!_PyArg_CheckPositional("dumps", nargs, 1, 2))
        return NULL;
    if (nargs == 2) {
        version = _PyLong_AsInt(args[1]);
        if (version == -1 && PyErr_Occurred())
            return NULL;
    }
    if (PySys_Audit("marshal.dumps", "Oi", args[0], version) < 0)
        return NULL;
    return marshal_to_bytes(args[0], version);
}

static PyObject *marshal_dump(PyObject *self, PyObject *args)
{
    PyObject *value, *file;
    int version = MARSHAL_VERSION;
    if (!PyArg_ParseTuple(args, "OO|i:dump", &value, &file, &version))
        return NULL;
    if (PySys_Audit("marshal.dumps", "Oi", value, version) < 0)
        return NULL;
    PyObject *s = marshal_to_bytes(value, version);
    if (s == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(file, "write", "O", s);
    Py_DECREF(s);
    return r;
}

static PyObject *marshal_loads(PyObject *self, PyObject *arg)
{
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    if (PySys_Audit("marshal.loads", "y#", (const char *)view.buf, view.len) < 0) {
        PyBuffer_Release(&view);
        return NULL;
    }
    PyObject *v = PyMarshal_ReadObjectFromString(view.buf, view.len);
    PyBuffer_Release(&view);
    return v;
}

static PyObject *marshal_load(PyObject *self, PyObject *file)
{
    if (PySys_Audit("marshal.load", NULL) < 0)
        return NULL;
    /* CPython checks the result type of a first 0-byte read */
    PyObject *data = PyObject_CallMethod(file, "read", "i", 0);
    if (data == NULL)
        return NULL;
    if (!PyBytes_Check(data)) {
        PyErr_Format(PyExc_TypeError, "file.read() returned not bytes but %.100s",
                     Py_TYPE(data)->tp_name);
        Py_DECREF(data);
        return NULL;
    }
    Py_DECREF(data);
    RFILE rf = {0};
    rf.readable = file;
    return read_object(&rf);
}

static PyMethodDef marshal_methods[] = {
    {"dump", marshal_dump, METH_VARARGS,
     "Write the value on the open file.\n\n  value\n    Must be a supported type.\n  file\n"
     "    Must be a writeable binary file.\n  version\n    Indicates the data format that "
     "dump should use."},
    {"load", marshal_load, METH_O, "Read one value from the open file and return it."},
    {"dumps", (PyCFunction)(void (*)(void))marshal_dumps, METH_FASTCALL,
     "Return the bytes object that would be written to a file by dump(value, file)."},
    {"loads", marshal_loads, METH_O, "Convert the bytes-like object to a value."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef marshal_module = {
    PyModuleDef_HEAD_INIT, "marshal",
    "This module contains functions that can read and write Python values in\n"
    "a binary format. The format is specific to Python, but independent of\n"
    "machine architecture issues.\n", -1, marshal_methods,
};

PyObject *PyInit_marshal(void)
{
    PyObject *m = PyModule_Create(&marshal_module);
    if (m != NULL && PyModule_AddIntConstant(m, "version", MARSHAL_VERSION) < 0)
        Py_CLEAR(m);
    return m;
}
