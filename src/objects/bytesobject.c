/* bytesobject.c — bytes: immutable byte strings with CPython's layout, the methods shared
 * with bytearray (_Py_bytes_*: searching, splitting, case, padding, hex, translate,
 * % formatting), repr, the escape decoder used for b'' literals, and the buffer
 * protocol.  bytearray's own storage and mutation live in bytearrayobject.c. */
#include "Python.h"
#include "type_docs.h"
#include <ctype.h>
#include <stddef.h>

#define BYTES(op) ((PyBytesObject *)(op))

static PyBytesObject *characters[256];
static PyBytesObject *empty_bytes;

/* ==== allocation ==== */

static PyObject *bytes_alloc(Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if ((size_t)size > (size_t)PY_SSIZE_T_MAX - offsetof(PyBytesObject, ob_sval) - 1)
        return PyErr_NoMemory();
    PyBytesObject *op = PyObject_Malloc(offsetof(PyBytesObject, ob_sval) + size + 1);
    if (op == NULL)
        return PyErr_NoMemory();
    PyObject_InitVar((PyVarObject *)op, &PyBytes_Type, size);
    op->ob_shash = -1;
    op->ob_sval[size] = '\0';
    return (PyObject *)op;
}

PyObject *PyBytes_FromStringAndSize(const char *str, Py_ssize_t size)
{
    if (size == 1 && str != NULL) {
        PyBytesObject *op = characters[(unsigned char)*str];
        if (op != NULL)
            return Py_NewRef(op);
    }
    if (size == 0 && empty_bytes != NULL)
        return Py_NewRef(empty_bytes);
    PyObject *op = bytes_alloc(size);
    if (op == NULL)
        return NULL;
    if (str != NULL && size > 0 && size < PY_SSIZE_T_MAX / 2)
        memcpy(BYTES(op)->ob_sval, str, (size_t)size);
    if (str != NULL && size == 1) {
        characters[(unsigned char)*str] = BYTES(Py_NewRef(op));
        Py_SET_REFCNT(op, Py_REFCNT(op) + (1 << 29));   /* immortal */
    } else if (size == 0) {
        empty_bytes = BYTES(Py_NewRef(op));
        Py_SET_REFCNT(op, Py_REFCNT(op) + (1 << 29));
    }
    return op;
}

PyObject *PyBytes_FromString(const char *str)
{
    return PyBytes_FromStringAndSize(str, (Py_ssize_t)strlen(str));
}

static void bytes_dealloc(PyObject *op)
{
    Py_TYPE(op)->tp_free(op);
}

Py_ssize_t PyBytes_Size(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return -1;
    }
    return Py_SIZE(op);
}

char *PyBytes_AsString(PyObject *op)
{
    if (!PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(op)->tp_name);
        return NULL;
    }
    return BYTES(op)->ob_sval;
}

int PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len)
{
    if (s == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyBytes_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", Py_TYPE(obj)->tp_name);
        return -1;
    }
    *s = PyBytes_AS_STRING(obj);
    if (len != NULL) {
        *len = PyBytes_GET_SIZE(obj);
    } else if (strlen(*s) != (size_t)PyBytes_GET_SIZE(obj)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

int _PyBytes_Resize(PyObject **pv, Py_ssize_t newsize)
{
    PyObject *v = *pv;
    if (!PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (Py_SIZE(v) == newsize)
        return 0;
    if (Py_SIZE(v) == 0 || Py_REFCNT(v) != 1 || v == (PyObject *)empty_bytes) {
        /* Shared objects cannot be resized in place: copy. */
        PyObject *n = PyBytes_FromStringAndSize(NULL, newsize);
        if (n == NULL) {
            *pv = NULL;
            Py_DECREF(v);
            return -1;
        }
        memcpy(PyBytes_AS_STRING(n), PyBytes_AS_STRING(v), Py_MIN(newsize, Py_SIZE(v)));
        Py_DECREF(v);
        *pv = n;
        return 0;
    }
    PyBytesObject *sv = PyObject_Realloc(v, offsetof(PyBytesObject, ob_sval) + newsize + 1);
    if (sv == NULL) {
        *pv = NULL;
        PyObject_Free(v);
        PyErr_NoMemory();
        return -1;
    }
    *pv = (PyObject *)sv;
    Py_SET_SIZE(sv, newsize);
    sv->ob_sval[newsize] = '\0';
    sv->ob_shash = -1;
    return 0;
}

/* ==== getting bytes out of arguments ==== */

/* Borrow the bytes of a bytes-like object; view must be released with release_arg. */
static int get_buffer(PyObject *obj, Py_buffer *view)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

/* A "sub" argument: bytes-like, or an int 0..255 (find/count/index/in). */
typedef struct {
    Py_buffer view;
    int has_view;
    char byte;
    const char *buf;
    Py_ssize_t len;
} subarg;

static int get_sub(PyObject *obj, subarg *sa)
{
    sa->has_view = 0;
    if (!PyObject_CheckBuffer(obj) && PyIndex_Check(obj)) {
        Py_ssize_t v = PyNumber_AsSsize_t(obj, NULL);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0 || v > 255) {
            PyErr_SetString(PyExc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        sa->byte = (char)v;
        sa->buf = &sa->byte;
        sa->len = 1;
        return 0;
    }
    if (PyObject_GetBuffer(obj, &sa->view, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "argument should be integer or bytes-like object, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return -1;
    }
    sa->has_view = 1;
    sa->buf = sa->view.buf;
    sa->len = sa->view.len;
    return 0;
}

static void release_sub(subarg *sa)
{
    if (sa->has_view)
        PyBuffer_Release(&sa->view);
}

static PyObject *make(int ba, const char *s, Py_ssize_t n)
{
    return ba ? PyByteArray_FromStringAndSize(s, n) : PyBytes_FromStringAndSize(s, n);
}

static int parse_slice_arg(PyObject *v, Py_ssize_t *pi)
{
    if (v == NULL || v == Py_None)
        return 1;
    return _PyEval_SliceIndex(v, pi);
}

static void adjust(Py_ssize_t len, Py_ssize_t *start, Py_ssize_t *end)
{
    if (*end > len) *end = len;
    else if (*end < 0) { *end += len; if (*end < 0) *end = 0; }
    if (*start < 0) { *start += len; if (*start < 0) *start = 0; }
}

static Py_ssize_t bfind(const char *s, Py_ssize_t n, const char *sub, Py_ssize_t m,
                        Py_ssize_t start, Py_ssize_t end, int dir)
{
    adjust(n, &start, &end);
    if (end - start < m || start > n)
        return -1;
    if (m == 0)
        return dir > 0 ? start : end;
    if (dir > 0) {
        const char *p = memmem(s + start, end - start, sub, m);
        return p ? p - s : -1;
    }
    for (Py_ssize_t i = end - m; i >= start; i--)
        if (s[i] == sub[0] && memcmp(s + i, sub, m) == 0)
            return i;
    return -1;
}

/* ==== shared methods (bytes and bytearray) ==== */

static int find_args(const char *name, PyObject *args, PyObject **sub, Py_ssize_t *start, Py_ssize_t *end)
{
    PyObject *a = NULL, *b = NULL;
    char format[64];
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    /* ParseTuple, as CPython's stringlib: its errors read "find() takes at most 3 ..." */
    snprintf(format, sizeof format, "O|OO:%s", name);
    if (!PyArg_ParseTuple(args, format, sub, &a, &b))
        return 0;
    return parse_slice_arg(a, start) && parse_slice_arg(b, end);
}

PyObject *_Py_bytes_find_impl(const char *s, Py_ssize_t n, PyObject *args, const char *name, int dir, int raise)
{
    PyObject *subobj;
    Py_ssize_t start, end;
    subarg sa;
    if (!find_args(name, args, &subobj, &start, &end) || get_sub(subobj, &sa) < 0)
        return NULL;
    Py_ssize_t r = bfind(s, n, sa.buf, sa.len, start, end, dir);
    release_sub(&sa);
    if (r < 0 && raise) {
        PyErr_SetString(PyExc_ValueError, "subsection not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

PyObject *_Py_bytes_count(const char *s, Py_ssize_t n, PyObject *args)
{
    PyObject *subobj;
    Py_ssize_t start, end;
    subarg sa;
    if (!find_args("count", args, &subobj, &start, &end) || get_sub(subobj, &sa) < 0)
        return NULL;
    adjust(n, &start, &end);
    Py_ssize_t count = 0;
    if (start <= n && end - start >= sa.len) {
        if (sa.len == 0) {
            count = end - start + 1;
        } else {
            Py_ssize_t i = start;
            while ((i = bfind(s, n, sa.buf, sa.len, i, end, 1)) >= 0) {
                count++;
                i += sa.len;
            }
        }
    }
    release_sub(&sa);
    return PyLong_FromSsize_t(count);
}

int _Py_bytes_contains(const char *s, Py_ssize_t n, PyObject *arg)
{
    subarg sa;
    if (get_sub(arg, &sa) < 0)
        return -1;
    int r = bfind(s, n, sa.buf, sa.len, 0, n, 1) >= 0;
    release_sub(&sa);
    return r;
}

static int tailmatch(const char *s, Py_ssize_t n, const char *sub, Py_ssize_t m,
                     Py_ssize_t start, Py_ssize_t end, int dir)
{
    adjust(n, &start, &end);
    if (start > n)
        return 0;
    if (end - start < m)
        return 0;
    Py_ssize_t off = dir > 0 ? end - m : start;
    return m == 0 || memcmp(s + off, sub, m) == 0;
}

PyObject *_Py_bytes_tailmatch(const char *s, Py_ssize_t n, PyObject *args, const char *name, int dir)
{
    PyObject *subobj;
    Py_ssize_t start, end;
    if (!find_args(name, args, &subobj, &start, &end))
        return NULL;
    if (PyTuple_Check(subobj)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(subobj); i++) {
            Py_buffer v;
            if (get_buffer(PyTuple_GET_ITEM(subobj, i), &v) < 0)
                return NULL;
            int r = tailmatch(s, n, v.buf, v.len, start, end, dir);
            PyBuffer_Release(&v);
            if (r)
                Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    Py_buffer v;
    if (PyObject_GetBuffer(subobj, &v, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name,
                     Py_TYPE(subobj)->tp_name);
        return NULL;
    }
    int r = tailmatch(s, n, v.buf, v.len, start, end, dir);
    PyBuffer_Release(&v);
    return PyBool_FromLong(r);
}

#define BYTE_PREDICATE(name, test, empty)                                   \
    PyObject *_Py_bytes_##name(const char *s, Py_ssize_t n)                 \
    {                                                                       \
        if (n == 0)                                                         \
            return PyBool_FromLong(empty);                                  \
        for (Py_ssize_t i = 0; i < n; i++) {                                \
            unsigned char c = (unsigned char)s[i];                          \
            if (!(test))                                                    \
                Py_RETURN_FALSE;                                            \
        }                                                                   \
        Py_RETURN_TRUE;                                                     \
    }

#define ISSPACE(c) ((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))
#define ISLOWER(c) ((c) >= 'a' && (c) <= 'z')
#define ISUPPER(c) ((c) >= 'A' && (c) <= 'Z')
#define ISALPHA(c) (ISLOWER(c) || ISUPPER(c))
#define ISDIGIT(c) ((c) >= '0' && (c) <= '9')
BYTE_PREDICATE(isspace, ISSPACE(c), 0)
BYTE_PREDICATE(isalpha, ISALPHA(c), 0)
BYTE_PREDICATE(isalnum, ISALPHA(c) || ISDIGIT(c), 0)
BYTE_PREDICATE(isdigit, ISDIGIT(c), 0)
BYTE_PREDICATE(isascii, c < 128, 1)

PyObject *_Py_bytes_islower(const char *s, Py_ssize_t n)
{
    int cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ISUPPER(c))
            Py_RETURN_FALSE;
        if (ISLOWER(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

PyObject *_Py_bytes_isupper(const char *s, Py_ssize_t n)
{
    int cased = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ISLOWER(c))
            Py_RETURN_FALSE;
        if (ISUPPER(c))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

PyObject *_Py_bytes_istitle(const char *s, Py_ssize_t n)
{
    int cased = 0, prev = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (ISUPPER(c)) {
            if (prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        } else if (ISLOWER(c)) {
            if (!prev)
                Py_RETURN_FALSE;
            prev = cased = 1;
        } else {
            prev = 0;
        }
    }
    return PyBool_FromLong(cased);
}

/* Case conversions; op: 'l'ower 'u'pper 's'wapcase 't'itle 'c'apitalize. */
PyObject *_Py_bytes_case(const char *s, Py_ssize_t n, int op, int ba)
{
    PyObject *res = make(ba, NULL, n);
    if (res == NULL)
        return NULL;
    char *o = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    int prev = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (op) {
        case 'l': c = ISUPPER(c) ? c + 32 : c; break;
        case 'u': c = ISLOWER(c) ? c - 32 : c; break;
        case 's': c = ISUPPER(c) ? c + 32 : ISLOWER(c) ? c - 32 : c; break;
        case 'c': c = i == 0 ? (ISLOWER(c) ? c - 32 : c) : (ISUPPER(c) ? c + 32 : c); break;
        default:
            if (ISALPHA(c)) {
                c = prev ? (ISUPPER(c) ? c + 32 : c) : (ISLOWER(c) ? c - 32 : c);
                prev = 1;
            } else {
                prev = 0;
            }
        }
        o[i] = (char)c;
    }
    return res;
}

static int fill_args(const char *name, PyObject *args, Py_ssize_t *width, char *fill)
{
    PyObject *w, *f = NULL;
    if (!PyArg_UnpackTuple(args, name, 1, 2, &w, &f))
        return 0;
    *width = PyNumber_AsSsize_t(w, PyExc_OverflowError);
    if (*width == -1 && PyErr_Occurred())
        return 0;
    *fill = ' ';
    if (f != NULL) {
        if ((PyBytes_Check(f) && PyBytes_GET_SIZE(f) == 1))
            *fill = PyBytes_AS_STRING(f)[0];
        else if (PyByteArray_Check(f) && PyByteArray_GET_SIZE(f) == 1)
            *fill = PyByteArray_AS_STRING(f)[0];
        else {
            PyErr_Format(PyExc_TypeError,
                         "%s() argument 2 must be a byte string of length 1, not %s", name, Py_TYPE(f)->tp_name);
            return 0;
        }
    }
    return 1;
}

static PyObject *bpad(const char *s, Py_ssize_t n, Py_ssize_t left, Py_ssize_t right, char fill, int ba)
{
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    PyObject *res = make(ba, NULL, left + n + right);
    if (res == NULL)
        return NULL;
    char *o = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    memset(o, fill, left);
    memcpy(o + left, s, n);
    memset(o + left + n, fill, right);
    return res;
}

PyObject *_Py_bytes_just(const char *s, Py_ssize_t n, PyObject *args, int which, int ba)
{
    Py_ssize_t width;
    char fill;
    const char *name = which == 'l' ? "ljust" : which == 'r' ? "rjust" : "center";
    if (!fill_args(name, args, &width, &fill))
        return NULL;
    if (n >= width)
        return make(ba, s, n);
    Py_ssize_t marg = width - n;
    if (which == 'l')
        return bpad(s, n, 0, marg, fill, ba);
    if (which == 'r')
        return bpad(s, n, marg, 0, fill, ba);
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return bpad(s, n, left, marg - left, fill, ba);
}

PyObject *_Py_bytes_zfill(const char *s, Py_ssize_t n, PyObject *arg, int ba)
{
    Py_ssize_t width = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred())
        return NULL;
    if (n >= width)
        return make(ba, s, n);
    Py_ssize_t fill = width - n;
    PyObject *res = bpad(s, n, fill, 0, '0', ba);
    if (res == NULL)
        return NULL;
    char *o = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    if (o[fill] == '+' || o[fill] == '-') {
        o[0] = o[fill];
        o[fill] = '0';
    }
    return res;
}

PyObject *_Py_bytes_expandtabs(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba)
{
    static char *kwlist[] = {"tabsize", NULL};
    int tabsize = 8;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:expandtabs", kwlist, &tabsize))
        return NULL;
    Py_ssize_t total = 0, col = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t inc = tabsize - (col % tabsize);
                col += inc;
                total += inc;
            }
        } else {
            total++;
            col++;
            if (s[i] == '\n' || s[i] == '\r')
                col = 0;
        }
    }
    PyObject *res = make(ba, NULL, total);
    if (res == NULL)
        return NULL;
    char *o = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
    col = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\t') {
            if (tabsize > 0) {
                Py_ssize_t inc = tabsize - (col % tabsize);
                col += inc;
                while (inc--)
                    *o++ = ' ';
            }
        } else {
            *o++ = s[i];
            col++;
            if (s[i] == '\n' || s[i] == '\r')
                col = 0;
        }
    }
    return res;
}

PyObject *_Py_bytes_strip(const char *s, Py_ssize_t n, PyObject *args, int type, int ba)
{
    PyObject *chars = Py_None;
    const char *name = type == 0 ? "lstrip" : type == 1 ? "rstrip" : "strip";
    if (!PyArg_UnpackTuple(args, name, 0, 1, &chars))
        return NULL;
    Py_buffer v;
    const char *set = NULL;
    Py_ssize_t setlen = 0;
    int has_view = 0;
    if (chars != Py_None) {
        if (get_buffer(chars, &v) < 0)
            return NULL;
        set = v.buf;
        setlen = v.len;
        has_view = 1;
    }
#define INSET(c) (set ? memchr(set, (c), setlen) != NULL : ISSPACE((unsigned char)(c)))
    Py_ssize_t i = 0, j = n;
    if (type != 1)
        while (i < n && INSET(s[i]))
            i++;
    if (type != 0)
        while (j > i && INSET(s[j - 1]))
            j--;
#undef INSET
    if (has_view)
        PyBuffer_Release(&v);
    return make(ba, s + i, j - i);
}

static int append_piece(PyObject *list, const char *s, Py_ssize_t n, int ba)
{
    PyObject *piece = make(ba, s, n);
    if (piece == NULL)
        return -1;
    int r = PyList_Append(list, piece);
    Py_DECREF(piece);
    return r;
}

PyObject *_Py_bytes_split(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int reverse, int ba)
{
    static char *kwlist[] = {"sep", "maxsplit", NULL};
    PyObject *sep = Py_None;
    Py_ssize_t maxsplit = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, reverse ? "|On:rsplit" : "|On:split", kwlist, &sep, &maxsplit))
        return NULL;
    if (maxsplit < 0)
        maxsplit = PY_SSIZE_T_MAX;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    if (sep == Py_None) {
        if (!reverse) {
            Py_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < n && ISSPACE((unsigned char)s[i])) i++;
                if (i == n) break;
                Py_ssize_t j = i;
                while (i < n && !ISSPACE((unsigned char)s[i])) i++;
                if (append_piece(list, s + j, i - j, ba) < 0) goto error;
            }
            while (i < n && ISSPACE((unsigned char)s[i])) i++;
            if (i != n && append_piece(list, s + i, n - i, ba) < 0) goto error;
        } else {
            Py_ssize_t i = n - 1;
            while (maxsplit-- > 0) {
                while (i >= 0 && ISSPACE((unsigned char)s[i])) i--;
                if (i < 0) break;
                Py_ssize_t j = i;
                while (i >= 0 && !ISSPACE((unsigned char)s[i])) i--;
                if (append_piece(list, s + i + 1, j - i, ba) < 0) goto error;
            }
            while (i >= 0 && ISSPACE((unsigned char)s[i])) i--;
            if (i >= 0 && append_piece(list, s, i + 1, ba) < 0) goto error;
            if (PyList_Reverse(list) < 0) goto error;
        }
        return list;
    }
    Py_buffer v;
    if (get_buffer(sep, &v) < 0)
        goto error;
    if (v.len == 0) {
        PyBuffer_Release(&v);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto error;
    }
    if (!reverse) {
        Py_ssize_t i = 0, pos;
        while (maxsplit-- > 0 && (pos = bfind(s, n, v.buf, v.len, i, n, 1)) >= 0) {
            if (append_piece(list, s + i, pos - i, ba) < 0) { PyBuffer_Release(&v); goto error; }
            i = pos + v.len;
        }
        if (append_piece(list, s + i, n - i, ba) < 0) { PyBuffer_Release(&v); goto error; }
    } else {
        Py_ssize_t j = n, pos;
        while (maxsplit-- > 0 && (pos = bfind(s, n, v.buf, v.len, 0, j, -1)) >= 0) {
            if (append_piece(list, s + pos + v.len, j - pos - v.len, ba) < 0) { PyBuffer_Release(&v); goto error; }
            j = pos;
        }
        if (append_piece(list, s, j, ba) < 0) { PyBuffer_Release(&v); goto error; }
        if (PyList_Reverse(list) < 0) { PyBuffer_Release(&v); goto error; }
    }
    PyBuffer_Release(&v);
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

PyObject *_Py_bytes_splitlines(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba)
{
    static char *kwlist[] = {"keepends", NULL};
    int keepends = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:splitlines", kwlist, &keepends))
        return NULL;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t j = i;
        while (i < n && s[i] != '\n' && s[i] != '\r')
            i++;
        Py_ssize_t eol = i;
        if (i < n) {
            i += (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
            if (keepends)
                eol = i;
        }
        if (append_piece(list, s + j, eol - j, ba) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

PyObject *_Py_bytes_partition(const char *s, Py_ssize_t n, PyObject *sepobj, int reverse, int ba)
{
    Py_buffer v;
    if (get_buffer(sepobj, &v) < 0)
        return NULL;
    if (v.len == 0) {
        PyBuffer_Release(&v);
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t pos = bfind(s, n, v.buf, v.len, 0, n, reverse ? -1 : 1);
    PyObject *a, *b, *c;
    if (pos < 0) {
        a = reverse ? make(ba, NULL, 0) : make(ba, s, n);
        b = make(ba, NULL, 0);
        c = reverse ? make(ba, s, n) : make(ba, NULL, 0);
    } else {
        a = make(ba, s, pos);
        b = make(ba, v.buf, v.len);
        c = make(ba, s + pos + v.len, n - pos - v.len);
    }
    PyBuffer_Release(&v);
    PyObject *res = (a && b && c) ? PyTuple_Pack(3, a, b, c) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return res;
}

PyObject *_Py_bytes_replace(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba)
{
    static char *kwlist[] = {"", "", "count", NULL};
    Py_buffer oldv, newv;
    Py_ssize_t count = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*y*|n:replace", kwlist, &oldv, &newv, &count))
        return NULL;
    if (count < 0)
        count = PY_SSIZE_T_MAX;
    /* Build into a growable buffer. */
    Py_ssize_t cap = n + 16, pos = 0, i = 0, done = 0;
    char *out = PyMem_Malloc(cap);
    PyObject *res = NULL;
    if (out == NULL) {
        PyErr_NoMemory();
        goto done;
    }
#define ENSURE(extra)                                                   \
    do {                                                                \
        if (pos + (extra) > cap) {                                      \
            cap = (pos + (extra)) * 2;                                  \
            char *nb = PyMem_Realloc(out, cap);                         \
            if (nb == NULL) { PyErr_NoMemory(); goto done; }            \
            out = nb;                                                   \
        }                                                               \
    } while (0)
    if (oldv.len == 0) {
        for (i = 0; i <= n; i++) {
            if (done < count) {
                ENSURE(newv.len);
                memcpy(out + pos, newv.buf, newv.len);
                pos += newv.len;
                done++;
            }
            if (i < n) {
                ENSURE(1);
                out[pos++] = s[i];
            }
        }
    } else {
        while (done < count) {
            Py_ssize_t f = bfind(s, n, oldv.buf, oldv.len, i, n, 1);
            if (f < 0)
                break;
            ENSURE(f - i + newv.len);
            memcpy(out + pos, s + i, f - i);
            pos += f - i;
            memcpy(out + pos, newv.buf, newv.len);
            pos += newv.len;
            i = f + oldv.len;
            done++;
        }
        ENSURE(n - i);
        memcpy(out + pos, s + i, n - i);
        pos += n - i;
    }
#undef ENSURE
    res = make(ba, out, pos);
done:
    PyMem_Free(out);
    PyBuffer_Release(&oldv);
    PyBuffer_Release(&newv);
    return res;
}

PyObject *_Py_bytes_fix(const char *s, Py_ssize_t n, PyObject *arg, int prefix, int ba)
{
    Py_buffer v;
    if (get_buffer(arg, &v) < 0)
        return NULL;
    PyObject *res;
    if (v.len <= n && memcmp(prefix ? s : s + n - v.len, v.buf, v.len) == 0)
        res = prefix ? make(ba, s + v.len, n - v.len) : make(ba, s, n - v.len);
    else
        res = make(ba, s, n);
    PyBuffer_Release(&v);
    return res;
}

PyObject *_Py_bytes_join(PyObject *sep, const char *s, Py_ssize_t n, PyObject *iterable, int ba)
{
    PyObject *seq = PySequence_Fast(iterable, "can only join an iterable");
    if (seq == NULL)
        return NULL;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq), total = 0;
    PyObject **items = PySequence_Fast_ITEMS(seq);
    Py_buffer *views = PyMem_Malloc(sizeof(Py_buffer) * (count + 1));
    PyObject *res = NULL;
    Py_ssize_t got = 0;
    if (views == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (; got < count; got++) {
        if (PyObject_GetBuffer(items[got], &views[got], PyBUF_SIMPLE) != 0) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected a bytes-like object, %.80s found", got,
                         Py_TYPE(items[got])->tp_name);
            goto done;
        }
        total += views[got].len + (got ? n : 0);
    }
    res = make(ba, NULL, total);
    if (res != NULL) {
        char *o = ba ? PyByteArray_AS_STRING(res) : PyBytes_AS_STRING(res);
        for (Py_ssize_t i = 0; i < count; i++) {
            if (i) {
                memcpy(o, s, n);
                o += n;
            }
            memcpy(o, views[i].buf, views[i].len);
            o += views[i].len;
        }
    }
done:
    for (Py_ssize_t i = 0; i < got; i++)
        PyBuffer_Release(&views[i]);
    PyMem_Free(views);
    Py_DECREF(seq);
    return res;
}

PyObject *_PyBytes_Join(PyObject *sep, PyObject *iterable)
{
    return _Py_bytes_join(sep, PyBytes_AS_STRING(sep), PyBytes_GET_SIZE(sep), iterable, 0);
}

PyObject *_Py_bytes_translate(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba)
{
    static char *kwlist[] = {"", "delete", NULL};
    PyObject *table, *deletechars = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:translate", kwlist, &table, &deletechars))
        return NULL;
    Py_buffer tv, dv;
    int has_t = 0, has_d = 0;
    if (table != Py_None) {
        if (get_buffer(table, &tv) < 0)
            return NULL;
        has_t = 1;
        if (tv.len != 256) {
            PyBuffer_Release(&tv);
            PyErr_SetString(PyExc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (deletechars != NULL) {
        if (get_buffer(deletechars, &dv) < 0) {
            if (has_t)
                PyBuffer_Release(&tv);
            return NULL;
        }
        has_d = 1;
    }
    char *out = PyMem_Malloc(n + 1);
    Py_ssize_t pos = 0;
    if (out != NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (has_d && memchr(dv.buf, c, dv.len))
                continue;
            out[pos++] = has_t ? ((char *)tv.buf)[c] : (char)c;
        }
    }
    PyObject *res = out ? make(ba, out, pos) : PyErr_NoMemory();
    PyMem_Free(out);
    if (has_t)
        PyBuffer_Release(&tv);
    if (has_d)
        PyBuffer_Release(&dv);
    return res;
}

PyObject *_Py_bytes_maketrans(PyObject *frm, PyObject *to)
{
    Py_buffer f, t;
    if (get_buffer(frm, &f) < 0)
        return NULL;
    if (get_buffer(to, &t) < 0) {
        PyBuffer_Release(&f);
        return NULL;
    }
    PyObject *res = NULL;
    if (f.len != t.len) {
        PyErr_Format(PyExc_ValueError, "maketrans arguments must have same length");
    } else if ((res = PyBytes_FromStringAndSize(NULL, 256)) != NULL) {
        char *p = PyBytes_AS_STRING(res);
        for (int i = 0; i < 256; i++)
            p[i] = (char)i;
        for (Py_ssize_t i = 0; i < f.len; i++)
            p[((unsigned char *)f.buf)[i]] = ((char *)t.buf)[i];
    }
    PyBuffer_Release(&f);
    PyBuffer_Release(&t);
    return res;
}

/* ==== hex ==== */

PyObject *_Py_strhex_bytes_with_sep(const char *argbuf, Py_ssize_t arglen, PyObject *sep, int bytes_per_sep_group,
                                     int return_bytes)
{
    char sepchar = 0;
    if (sep != NULL) {   /* as CPython: the length first, so sep=None is a TypeError */
        Py_ssize_t seplen = PyObject_Length(sep);
        if (seplen < 0)
            return NULL;
        if (seplen != 1) {
            PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        Py_UCS4 c;
        if (PyUnicode_Check(sep)) {
            c = PyUnicode_READ_CHAR(sep, 0);
            if (c > 255) {
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
        } else if (PyBytes_Check(sep)) {
            c = (unsigned char)PyBytes_AS_STRING(sep)[0];
        } else {
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (c > 127 && !return_bytes) {
            PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
            return NULL;
        }
        sepchar = (char)c;
    }
    Py_ssize_t abs_group = bytes_per_sep_group < 0 ? -(Py_ssize_t)bytes_per_sep_group : bytes_per_sep_group;
    if (sep == NULL || abs_group == 0 || arglen == 0)   /* sep may be NUL */
        abs_group = 0;
    Py_ssize_t nseps = abs_group ? (arglen - 1) / abs_group : 0;
    Py_ssize_t total = arglen * 2 + nseps;
    char *buf = PyMem_Malloc(total + 1), *o = buf;
    if (buf == NULL)
        return PyErr_NoMemory();
    static const char hexdigits[] = "0123456789abcdef";
    for (Py_ssize_t i = 0; i < arglen; i++) {
        if (abs_group && i > 0) {
            /* Groups are counted from the right for positive bytes_per_sep. */
            Py_ssize_t from = bytes_per_sep_group > 0 ? arglen - i : i;
            if (from % abs_group == 0)
                *o++ = sepchar;
        }
        unsigned char c = (unsigned char)argbuf[i];
        *o++ = hexdigits[c >> 4];
        *o++ = hexdigits[c & 15];
    }
    PyObject *res = return_bytes ? PyBytes_FromStringAndSize(buf, o - buf) : _PyUnicode_FromASCII(buf, o - buf);
    PyMem_Free(buf);
    return res;
}

PyObject *_Py_bytes_hex(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sep", "bytes_per_sep", NULL};
    PyObject *sep = NULL;
    int bytes_per_sep = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oi:hex", kwlist, &sep, &bytes_per_sep))
        return NULL;
    return _Py_strhex_bytes_with_sep(s, n, sep, bytes_per_sep, 0);
}

PyObject *_PyBytes_FromHex(PyObject *string, int use_bytearray)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %.50s", Py_TYPE(string)->tp_name);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(string), pos = 0;
    char *buf = PyMem_Malloc(len / 2 + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    Py_ssize_t i = 0;
    while (i < len) {
        Py_UCS4 c = PyUnicode_READ_CHAR(string, i);
        if (c < 128 && ISSPACE(c)) {
            i++;
            continue;
        }
        int hi = c < 128 ? (isxdigit((int)c) ? (isdigit((int)c) ? (int)c - '0' : tolower((int)c) - 'a' + 10) : -1) : -1;
        if (hi < 0)
            goto error;
        if (i + 1 >= len) {
            i++;
            goto error;
        }
        Py_UCS4 c2 = PyUnicode_READ_CHAR(string, i + 1);
        int lo = c2 < 128 ? (isxdigit((int)c2) ? (isdigit((int)c2) ? (int)c2 - '0' : tolower((int)c2) - 'a' + 10) : -1) : -1;
        if (lo < 0) {
            i++;
            goto error;
        }
        buf[pos++] = (char)((hi << 4) | lo);
        i += 2;
    }
    PyObject *res = use_bytearray ? PyByteArray_FromStringAndSize(buf, pos) : PyBytes_FromStringAndSize(buf, pos);
    PyMem_Free(buf);
    return res;
error:
    PyMem_Free(buf);
    PyErr_Format(PyExc_ValueError, "non-hexadecimal number found in fromhex() arg at position %zd", i);
    return NULL;
}

/* ==== repr ==== */

PyObject *_Py_bytes_repr(const char *s, Py_ssize_t n, int smartquotes, const char *prefix, const char *suffix)
{
    int quote = '\'';
    if (smartquotes && memchr(s, '\'', n) && !memchr(s, '"', n))
        quote = '"';
    size_t plen = strlen(prefix), slen = strlen(suffix);
    char *buf = PyMem_Malloc(plen + slen + 3 + (size_t)n * 4), *o = buf;
    if (buf == NULL)
        return PyErr_NoMemory();
    memcpy(o, prefix, plen);
    o += plen;
    *o++ = (char)quote;
    for (Py_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == quote || c == '\\') {
            *o++ = '\\';
            *o++ = (char)c;
        } else if (c == '\t') {
            *o++ = '\\'; *o++ = 't';
        } else if (c == '\n') {
            *o++ = '\\'; *o++ = 'n';
        } else if (c == '\r') {
            *o++ = '\\'; *o++ = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            o += sprintf(o, "\\x%02x", c);
        } else {
            *o++ = (char)c;
        }
    }
    *o++ = (char)quote;
    memcpy(o, suffix, slen);
    o += slen;
    PyObject *res = _PyUnicode_FromASCII(buf, o - buf);
    PyMem_Free(buf);
    return res;
}

PyObject *PyBytes_Repr(PyObject *obj, int smartquotes)
{
    return _Py_bytes_repr(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), smartquotes, "b", "");
}

static PyObject *bytes_repr(PyObject *op) { return PyBytes_Repr(op, 1); }

/* ==== escapes (b'' literals and codecs.escape_decode) ==== */

PyObject *_PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors, const char **first_invalid_escape)
{
    const char *end = s + len;
    char *buf = PyMem_Malloc(len + 1), *p = buf;
    if (buf == NULL)
        return PyErr_NoMemory();
    if (first_invalid_escape)
        *first_invalid_escape = NULL;
    while (s < end) {
        if (*s != '\\') {
            *p++ = *s++;
            continue;
        }
        s++;
        if (s >= end) {
            PyErr_SetString(PyExc_ValueError, "Trailing \\ in string");
            goto failed;
        }
        char c = *s++;
        switch (c) {
        case '\n': break;
        case '\\': *p++ = '\\'; break;
        case '\'': *p++ = '\''; break;
        case '\"': *p++ = '\"'; break;
        case 'b': *p++ = '\b'; break;
        case 'f': *p++ = '\014'; break;
        case 't': *p++ = '\t'; break;
        case 'n': *p++ = '\n'; break;
        case 'r': *p++ = '\r'; break;
        case 'v': *p++ = '\013'; break;
        case 'a': *p++ = '\007'; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = c - '0';
            if (s < end && '0' <= *s && *s <= '7') {
                v = (v << 3) + *s++ - '0';
                if (s < end && '0' <= *s && *s <= '7')
                    v = (v << 3) + *s++ - '0';
            }
            if (v > 0377 && first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = s - 3;
            *p++ = (char)v;
            break;
        }
        case 'x':
            if (s + 1 < end && isxdigit((unsigned char)s[0]) && isxdigit((unsigned char)s[1])) {
                int hi = isdigit((unsigned char)s[0]) ? s[0] - '0' : tolower((unsigned char)s[0]) - 'a' + 10;
                int lo = isdigit((unsigned char)s[1]) ? s[1] - '0' : tolower((unsigned char)s[1]) - 'a' + 10;
                *p++ = (char)((hi << 4) | lo);
                s += 2;
                break;
            }
            if (errors == NULL || strcmp(errors, "strict") == 0) {
                PyErr_Format(PyExc_ValueError, "invalid \\x escape at position %zd", s - 2 - (end - len));
                goto failed;
            }
            if (strcmp(errors, "replace") == 0) {
                *p++ = '?';
            } else if (strcmp(errors, "ignore") != 0) {
                PyErr_Format(PyExc_ValueError, "decoding error; unknown error handling code: %.400s", errors);
                goto failed;
            }
            if (s < end && isxdigit((unsigned char)s[0]))
                s++;
            break;
        default:
            if (first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = s - 1;
            *p++ = '\\';
            s--;
        }
    }
    PyObject *res = PyBytes_FromStringAndSize(buf, p - buf);
    PyMem_Free(buf);
    return res;
failed:
    PyMem_Free(buf);
    return NULL;
}

/* As 3.11: a DeprecationWarning for the first invalid escape. */
PyObject *PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors, Py_ssize_t unicode_unused,
                               const char *recode_unused)
{
    const char *first_invalid_escape;
    PyObject *result = _PyBytes_DecodeEscape(s, len, errors, &first_invalid_escape);
    if (result == NULL || first_invalid_escape == NULL)
        return result;
    unsigned char c = (unsigned char)*first_invalid_escape;
    int r;
    if ('4' <= c && c <= '7')
        r = PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid octal escape sequence '\\%.3s'",
                             first_invalid_escape);
    else
        r = PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid escape sequence '\\%c'", c);
    if (r < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* ==== % formatting ==== */

static int bf_append(char **buf, Py_ssize_t *pos, Py_ssize_t *cap, const char *s, Py_ssize_t n)
{
    if (*pos + n > *cap) {
        Py_ssize_t ncap = (*pos + n) * 2 + 16;
        char *nb = PyMem_Realloc(*buf, ncap);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        *buf = nb;
        *cap = ncap;
    }
    memcpy(*buf + *pos, s, n);
    *pos += n;
    return 0;
}

/* The bytes of a %s/%b argument: buffer protocol or __bytes__. */
static PyObject *format_obj_bytes(PyObject *v)
{
    if (PyBytes_Check(v))
        return Py_NewRef(v);
    if (PyObject_CheckBuffer(v)) {
        Py_buffer view;
        if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        PyObject *res = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        return res;
    }
    /* looked up on the type and bound, so __bytes__ may be any descriptor */
    PyObject *func = _PyObject_LookupSpecial(v, _Py_ID(__bytes__));
    if (func == NULL)
        PyErr_Clear();   /* a failing lookup ends in the TypeError below, as 3.11 */
    if (func != NULL) {
        PyObject *res = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (res != NULL && !PyBytes_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)", Py_TYPE(res)->tp_name);
            Py_CLEAR(res);
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError,
                 "%%b requires a bytes-like object, or an object that implements __bytes__, not '%.100s'",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

PyObject *_PyBytes_FormatEx(const char *format, Py_ssize_t format_len, PyObject *args, int use_bytearray)
{
    /* Strategy: numeric conversions are delegated to str's % formatting (same rules),
     * %s/%b/%c/%r/%a are handled here. */
    Py_ssize_t pos = 0, cap = format_len + 64, argidx = 0, arglen;
    char *out = PyMem_Malloc(cap);
    if (out == NULL)
        return PyErr_NoMemory();
    PyObject *dict = NULL;
    if (PyTuple_Check(args)) {
        arglen = PyTuple_GET_SIZE(args);
    } else {
        arglen = -1;
        argidx = -2;
    }
    if (PyMapping_Check(args) && !PyTuple_Check(args) && !PyBytes_Check(args) && !PyByteArray_Check(args))
        dict = args;
    const char *f = format, *end = format + format_len;
    PyObject *cur_args = args;
    Py_ssize_t cur_arglen = arglen, *cur_idx = &argidx, dict_idx = -2;
    while (f < end) {
        if (*f != '%') {
            const char *q = memchr(f, '%', end - f);
            if (q == NULL)
                q = end;
            if (bf_append(&out, &pos, &cap, f, q - f) < 0)
                goto error;
            f = q;
            continue;
        }
        const char *spec_start = f++;
        PyObject *keyobj = NULL;
        if (f < end && *f == '%') {
            /* "%%" only when the two are adjacent, as 3.11 */
            if (bf_append(&out, &pos, &cap, "%", 1) < 0)
                goto error;
            f++;
            continue;
        }
        if (f < end && *f == '(') {
            if (dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto error;
            }
            int depth = 1;
            const char *kstart = ++f;
            while (f < end && depth) {
                if (*f == ')') depth--;
                else if (*f == '(') depth++;
                f++;
            }
            if (depth) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto error;
            }
            PyObject *key = PyBytes_FromStringAndSize(kstart, f - 1 - kstart);
            if (key == NULL)
                goto error;
            keyobj = PyObject_GetItem(dict, key);
            Py_DECREF(key);
            if (keyobj == NULL)
                goto error;
            cur_args = keyobj;
            cur_arglen = -1;
            dict_idx = -2;
            cur_idx = &dict_idx;
        }
        const char *flags_start = f;
        while (f < end && strchr("-+ #0", *f) && *f)
            f++;
        int flag_minus = memchr(flags_start, '-', f - flags_start) != NULL;
        /* width / precision, possibly '*' */
        Py_ssize_t width = -1, prec = -1;
        PyObject *star_args[2] = {NULL, NULL};
        int nstar = 0;
        if (f < end && *f == '*') {
            f++;
            PyObject *v = *cur_idx < cur_arglen ? PyTuple_GET_ITEM(cur_args, (*cur_idx)++) : (cur_arglen < 0 && *cur_idx == -2 ? ((*cur_idx) = -1, cur_args) : NULL);
            if (v == NULL) {
                PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                goto error_key;
            }
            if (!PyLong_Check(v)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto error_key;
            }
            width = PyLong_AsSsize_t(v);
            if (width == -1 && PyErr_Occurred())
                goto error_key;
            star_args[nstar++] = v;
            if (width < 0) {
                flag_minus = 1;
                width = -width;
            }
        } else {
            while (f < end && isdigit((unsigned char)*f)) {
                if (width < 0) width = 0;
                width = width * 10 + (*f++ - '0');
            }
        }
        if (f < end && *f == '.') {
            f++;
            prec = 0;
            if (f < end && *f == '*') {
                f++;
                PyObject *v = *cur_idx < cur_arglen ? PyTuple_GET_ITEM(cur_args, (*cur_idx)++) : NULL;
                if (v == NULL) {
                    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
                    goto error_key;
                }
                if (!PyLong_Check(v)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    goto error_key;
                }
                prec = PyLong_AsSsize_t(v);
                star_args[nstar++] = v;
            } else {
                while (f < end && isdigit((unsigned char)*f))
                    prec = prec * 10 + (*f++ - '0');
            }
        }
        while (f < end && (*f == 'h' || *f == 'l' || *f == 'L'))
            f++;
        if (f >= end) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto error_key;
        }
        char c = *f++;
        /* a '%' after flags, width or a key is an ordinary (unsupported) conversion */
        PyObject *v;
        if (*cur_idx >= 0 && *cur_idx < cur_arglen) {
            v = PyTuple_GET_ITEM(cur_args, (*cur_idx)++);
        } else if (cur_arglen < 0 && *cur_idx == -2) {
            v = cur_args;
            *cur_idx = -1;
        } else {
            PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
            goto error_key;
        }
        PyObject *piece = NULL;   /* bytes for the converted value, unpadded */
        switch (c) {
        case 's': case 'b':
            piece = format_obj_bytes(v);
            if (piece && prec >= 0 && PyBytes_GET_SIZE(piece) > prec)
                Py_SETREF(piece, PyBytes_FromStringAndSize(PyBytes_AS_STRING(piece), prec));
            break;
        case 'r': case 'a': {
            PyObject *s = PyObject_ASCII(v);
            if (s == NULL)
                goto error_key;
            piece = PyBytes_FromStringAndSize(PyUnicode_AsUTF8(s), PyUnicode_GET_LENGTH(s));
            Py_DECREF(s);
            if (piece && prec >= 0 && PyBytes_GET_SIZE(piece) > prec)
                Py_SETREF(piece, PyBytes_FromStringAndSize(PyBytes_AS_STRING(piece), prec));
            break;
        }
        case 'c':
            if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1) {
                piece = Py_NewRef(v);
            } else if (PyByteArray_Check(v) && PyByteArray_GET_SIZE(v) == 1) {
                piece = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(v), 1);
            } else if (PyLong_Check(v) || PyIndex_Check(v)) {
                PyObject *iobj = PyNumber_Index(v);
                if (iobj == NULL)
                    goto error_key;
                int overflow;
                long x = PyLong_AsLongAndOverflow(iobj, &overflow);
                Py_DECREF(iobj);
                if (x == -1 && PyErr_Occurred())
                    goto error_key;
                if (overflow || x < 0 || x > 255) {
                    PyErr_SetString(PyExc_OverflowError, "%c arg not in range(256)");
                    goto error_key;
                }
                char ch = (char)x;
                piece = PyBytes_FromStringAndSize(&ch, 1);
            } else {
                PyErr_SetString(PyExc_TypeError, "%c requires an integer in range(256) or a single byte");
                goto error_key;
            }
            break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            /* Same rules as str: format via str % (v,) with the same spec. */
            PyObject *spec = PyUnicode_FromStringAndSize(spec_start, f - spec_start);
            if (spec == NULL)
                goto error_key;
            if (keyobj != NULL) {
                /* Drop the "(key)" part: the value is passed positionally. */
                Py_ssize_t close = PyUnicode_FindChar(spec, ')', 0, PyUnicode_GET_LENGTH(spec), 1);
                PyObject *head = PyUnicode_FromString("%");
                PyObject *tail = PyUnicode_Substring(spec, close + 1, PyUnicode_GET_LENGTH(spec));
                Py_SETREF(spec, (head && tail) ? PyUnicode_Concat(head, tail) : NULL);
                Py_XDECREF(head);
                Py_XDECREF(tail);
                if (spec == NULL)
                    goto error_key;
            }
            PyObject *targs = nstar == 0 ? PyTuple_Pack(1, v)
                            : nstar == 1 ? PyTuple_Pack(2, star_args[0], v)
                                         : PyTuple_Pack(3, star_args[0], star_args[1], v);
            PyObject *s = targs ? PyUnicode_Format(spec, targs) : NULL;
            Py_XDECREF(targs);
            Py_DECREF(spec);
            if (s == NULL)
                goto error_key;
            Py_ssize_t slen;
            const char *u = PyUnicode_AsUTF8AndSize(s, &slen);
            if (u == NULL || bf_append(&out, &pos, &cap, u, slen) < 0) {
                Py_DECREF(s);
                goto error_key;
            }
            Py_DECREF(s);
            goto next;
        }
        default:
            PyErr_Format(PyExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                         c >= 32 && c < 127 ? c : '?', (unsigned char)c, (Py_ssize_t)(f - 1 - format));
            goto error_key;
        }
        if (piece == NULL)
            goto error_key;
        {
            Py_ssize_t plen = PyBytes_GET_SIZE(piece);
            Py_ssize_t padding = width > plen ? width - plen : 0;
            char spaces[64];
            memset(spaces, ' ', sizeof spaces);
            int r = 0;
            if (!flag_minus)
                for (Py_ssize_t k = padding; r == 0 && k > 0; k -= 64)
                    r = bf_append(&out, &pos, &cap, spaces, k > 64 ? 64 : k);
            if (r == 0)
                r = bf_append(&out, &pos, &cap, PyBytes_AS_STRING(piece), plen);
            if (flag_minus)
                for (Py_ssize_t k = padding; r == 0 && k > 0; k -= 64)
                    r = bf_append(&out, &pos, &cap, spaces, k > 64 ? 64 : k);
            Py_DECREF(piece);
            if (r < 0)
                goto error_key;
        }
    next:
        if (keyobj != NULL) {
            Py_CLEAR(keyobj);
            cur_args = args;
            cur_arglen = arglen;
            cur_idx = &argidx;
        }
        continue;
    error_key:
        Py_XDECREF(keyobj);
        goto error;
    }
    if (argidx < arglen && !dict) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during bytes formatting");
        goto error;
    }
    {
        PyObject *res = make(use_bytearray, out, pos);
        PyMem_Free(out);
        return res;
    }
error:
    PyMem_Free(out);
    return NULL;
}

static PyObject *bytes_mod(PyObject *self, PyObject *arg)
{
    if (!PyBytes_Check(self))
        Py_RETURN_NOTIMPLEMENTED;
    return _PyBytes_FormatEx(PyBytes_AS_STRING(self), PyBytes_GET_SIZE(self), arg, 0);
}

/* ==== concatenation, sequence protocol, comparison ==== */

void PyBytes_Concat(PyObject **pv, PyObject *w)
{
    if (*pv == NULL)
        return;
    if (w == NULL) {
        Py_CLEAR(*pv);
        return;
    }
    Py_buffer va, vb;
    if (get_buffer(*pv, &va) < 0) {
        Py_CLEAR(*pv);
        return;
    }
    if (PyObject_GetBuffer(w, &vb, PyBUF_SIMPLE) != 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "can't concat %.100s to %.100s", Py_TYPE(w)->tp_name, Py_TYPE(*pv)->tp_name);
        PyBuffer_Release(&va);
        Py_CLEAR(*pv);
        return;
    }
    PyObject *res = NULL;
    if (va.len > PY_SSIZE_T_MAX - vb.len) {
        PyErr_NoMemory();
    } else if ((res = PyBytes_FromStringAndSize(NULL, va.len + vb.len)) != NULL) {
        memcpy(PyBytes_AS_STRING(res), va.buf, va.len);
        memcpy(PyBytes_AS_STRING(res) + va.len, vb.buf, vb.len);
    }
    PyBuffer_Release(&va);
    PyBuffer_Release(&vb);
    Py_SETREF(*pv, res);
}

void PyBytes_ConcatAndDel(PyObject **pv, PyObject *w)
{
    PyBytes_Concat(pv, w);
    Py_XDECREF(w);
}

static PyObject *bytes_concat(PyObject *a, PyObject *b)
{
    Py_INCREF(a);
    PyBytes_Concat(&a, b);
    return a;
}

static Py_ssize_t bytes_length(PyObject *a) { return Py_SIZE(a); }

static PyObject *bytes_repeat(PyObject *a, Py_ssize_t n)
{
    if (n < 0)
        n = 0;
    Py_ssize_t size = Py_SIZE(a);
    if (n > 0 && size > PY_SSIZE_T_MAX / n) {
        PyErr_SetString(PyExc_OverflowError, "repeated bytes are too long");
        return NULL;
    }
    if (size * n == size && PyBytes_CheckExact(a))
        return Py_NewRef(a);
    /* A fresh object otherwise, even when empty (b'x' * 0 is not b''), as 3.11. */
    PyObject *res = bytes_alloc(size * n);
    if (res == NULL)
        return NULL;
    char *o = PyBytes_AS_STRING(res);
    for (Py_ssize_t i = 0; i < n; i++)
        memcpy(o + i * size, PyBytes_AS_STRING(a), size);
    return res;
}

static PyObject *bytes_item(PyObject *a, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(a)) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(a)[i]);
}

static PyObject *bytes_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += PyBytes_GET_SIZE(self);
        return bytes_item(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t slicelength = PySlice_AdjustIndices(PyBytes_GET_SIZE(self), &start, &stop, step);
        if (slicelength <= 0)
            return PyBytes_FromStringAndSize("", 0);
        if (step == 1) {
            if (start == 0 && slicelength == PyBytes_GET_SIZE(self) && PyBytes_CheckExact(self))
                return Py_NewRef(self);
            return PyBytes_FromStringAndSize(PyBytes_AS_STRING(self) + start, slicelength);
        }
        PyObject *res = PyBytes_FromStringAndSize(NULL, slicelength);
        if (res == NULL)
            return NULL;
        const char *src = PyBytes_AS_STRING(self);
        char *dst = PyBytes_AS_STRING(res);
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur = (Py_ssize_t)((size_t)cur + (size_t)step), i++)
            dst[i] = src[cur];
        return res;
    }
    PyErr_Format(PyExc_TypeError, "byte indices must be integers or slices, not %.200s", Py_TYPE(item)->tp_name);
    return NULL;
}

static int bytes_contains(PyObject *self, PyObject *arg)
{
    return _Py_bytes_contains(PyBytes_AS_STRING(self), PyBytes_GET_SIZE(self), arg);
}

static PyObject *bytes_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyBytes_Check(a) || !PyBytes_Check(b)) {
        /* bytes == str is False (a BytesWarning under -b, not raised here). */
        Py_RETURN_NOTIMPLEMENTED;
    }
    Py_ssize_t la = Py_SIZE(a), lb = Py_SIZE(b);
    if (op == Py_EQ || op == Py_NE) {
        int eq = la == lb && (a == b || memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), la) == 0);
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    int c = memcmp(PyBytes_AS_STRING(a), PyBytes_AS_STRING(b), Py_MIN(la, lb));
    if (c == 0)
        c = la < lb ? -1 : la > lb;
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

static Py_hash_t bytes_hash(PyObject *a)
{
    PyBytesObject *b = BYTES(a);
    if (b->ob_shash == -1)
        b->ob_shash = _Py_HashBytes(b->ob_sval, Py_SIZE(b));
    return b->ob_shash;
}

static int bytes_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    return PyBuffer_FillInfo(view, self, PyBytes_AS_STRING(self), PyBytes_GET_SIZE(self), 1, flags);
}

/* ==== construction ==== */

PyObject *PyBytes_FromObject(PyObject *x)
{
    if (PyBytes_CheckExact(x))
        return Py_NewRef(x);
    if (PyObject_CheckBuffer(x)) {
        Py_buffer view;
        if (PyObject_GetBuffer(x, &view, PyBUF_FULL_RO) < 0)
            return NULL;
        /* A strided view (memoryview(b)[::2]) is copied item by item, in C order. */
        PyObject *res = PyBytes_FromStringAndSize(NULL, view.len);
        if (res != NULL && PyBuffer_ToContiguous(PyBytes_AS_STRING(res), &view, view.len, 'C') < 0)
            Py_CLEAR(res);
        PyBuffer_Release(&view);
        return res;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "cannot convert 'str' object to bytes");
        return NULL;
    }
    /* Any iterable of ints in range(256). */
    PyObject *it = PyObject_GetIter(x);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot convert '%.200s' object to bytes", Py_TYPE(x)->tp_name);
        }
        return NULL;
    }
    Py_ssize_t cap = 64, n = 0;
    char *buf = PyMem_Malloc(cap);
    PyObject *item;
    if (buf == NULL) {
        Py_DECREF(it);
        return PyErr_NoMemory();
    }
    while ((item = PyIter_Next(it)) != NULL) {
        Py_ssize_t value = PyNumber_AsSsize_t(item, NULL);
        Py_DECREF(item);
        if (value == -1 && PyErr_Occurred())
            goto error;
        if (value < 0 || value >= 256) {
            PyErr_SetString(PyExc_ValueError, "bytes must be in range(0, 256)");
            goto error;
        }
        if (n == cap) {
            cap *= 2;
            char *nb = PyMem_Realloc(buf, cap);
            if (nb == NULL) {
                PyErr_NoMemory();
                goto error;
            }
            buf = nb;
        }
        buf[n++] = (char)value;
    }
    if (PyErr_Occurred())
        goto error;
    Py_DECREF(it);
    PyObject *res = PyBytes_FromStringAndSize(buf, n);
    PyMem_Free(buf);
    return res;
error:
    Py_DECREF(it);
    PyMem_Free(buf);
    return NULL;
}

static PyObject *bytes_new_impl(PyObject *x, const char *encoding, const char *errors)
{
    if (x == NULL) {
        if (encoding != NULL || errors != NULL) {
            PyErr_SetString(PyExc_TypeError, encoding != NULL ? "encoding without a string argument"
                                                              : "errors without a string argument");
            return NULL;
        }
        return PyBytes_FromStringAndSize(NULL, 0);
    }
    if (encoding != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "encoding without a string argument");
            return NULL;
        }
        return PyUnicode_AsEncodedString(x, encoding, errors);
    }
    if (errors != NULL) {
        PyErr_SetString(PyExc_TypeError, PyUnicode_Check(x) ? "string argument without an encoding"
                                                            : "errors without a string argument");
        return NULL;
    }
    /* __bytes__ first, even on a str subclass (issue #25766) */
    /* looked up on the type and bound, so __bytes__ may be any descriptor */
    PyObject *func = _PyObject_LookupSpecial(x, _Py_ID(__bytes__));
    if (func == NULL && PyErr_Occurred())
        return NULL;
    if (func != NULL) {
        PyObject *res = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (res != NULL && !PyBytes_Check(res)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)", Py_TYPE(res)->tp_name);
            Py_CLEAR(res);
        }
        return res;
    }
    if (PyUnicode_Check(x)) {
        PyErr_SetString(PyExc_TypeError, "string argument without an encoding");
        return NULL;
    }
    if (PyIndex_Check(x)) {
        Py_ssize_t size = PyNumber_AsSsize_t(x, PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_TypeError))
                return NULL;
            PyErr_Clear();
        } else {
            if (size < 0) {
                PyErr_SetString(PyExc_ValueError, "negative count");
                return NULL;
            }
            PyObject *res = PyBytes_FromStringAndSize(NULL, size);
            if (res != NULL)
                memset(PyBytes_AS_STRING(res), 0, size);
            return res;
        }
    }
    return PyBytes_FromObject(x);
}

static PyObject *bytes_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "encoding", "errors", NULL};
    PyObject *x = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Oss:bytes", kwlist, &x, &encoding, &errors))
        return NULL;
    PyObject *res = bytes_new_impl(x, encoding, errors);
    if (res == NULL || type == &PyBytes_Type)
        return res;
    /* Subclass: copy into an instance of the subtype. */
    Py_ssize_t n = PyBytes_GET_SIZE(res);
    PyObject *pnew = type->tp_alloc(type, n);
    if (pnew != NULL) {
        memcpy(PyBytes_AS_STRING(pnew), PyBytes_AS_STRING(res), n + 1);
        BYTES(pnew)->ob_shash = -1;
    }
    Py_DECREF(res);
    return pnew;
}

/* ==== bytes methods (thin wrappers over the shared implementations) ==== */

#define S_ PyBytes_AS_STRING(self), PyBytes_GET_SIZE(self)

static PyObject *bytes_find(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "find", 1, 0); }
static PyObject *bytes_rfind(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "rfind", -1, 0); }
static PyObject *bytes_index(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "index", 1, 1); }
static PyObject *bytes_rindex(PyObject *self, PyObject *args) { return _Py_bytes_find_impl(S_, args, "rindex", -1, 1); }
static PyObject *bytes_count(PyObject *self, PyObject *args) { return _Py_bytes_count(S_, args); }
static PyObject *bytes_startswith(PyObject *self, PyObject *args) { return _Py_bytes_tailmatch(S_, args, "startswith", -1); }
static PyObject *bytes_endswith(PyObject *self, PyObject *args) { return _Py_bytes_tailmatch(S_, args, "endswith", 1); }
static PyObject *bytes_isspace(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isspace(S_); }
static PyObject *bytes_isalpha(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isalpha(S_); }
static PyObject *bytes_isalnum(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isalnum(S_); }
static PyObject *bytes_isdigit(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isdigit(S_); }
static PyObject *bytes_isascii(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isascii(S_); }
static PyObject *bytes_islower(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_islower(S_); }
static PyObject *bytes_isupper(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_isupper(S_); }
static PyObject *bytes_istitle(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_istitle(S_); }
static PyObject *bytes_lower(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 'l', 0); }
static PyObject *bytes_upper(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 'u', 0); }
static PyObject *bytes_swapcase(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 's', 0); }
static PyObject *bytes_title(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 't', 0); }
static PyObject *bytes_capitalize(PyObject *self, PyObject *Py_UNUSED(a)) { return _Py_bytes_case(S_, 'c', 0); }
static PyObject *bytes_ljust(PyObject *self, PyObject *args) { return _Py_bytes_just(S_, args, 'l', 0); }
static PyObject *bytes_rjust(PyObject *self, PyObject *args) { return _Py_bytes_just(S_, args, 'r', 0); }
static PyObject *bytes_center(PyObject *self, PyObject *args) { return _Py_bytes_just(S_, args, 'c', 0); }
static PyObject *bytes_zfill(PyObject *self, PyObject *arg) { return _Py_bytes_zfill(S_, arg, 0); }
static PyObject *bytes_expandtabs(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_expandtabs(S_, args, kw, 0); }
static PyObject *bytes_strip(PyObject *self, PyObject *args) { return _Py_bytes_strip(S_, args, 2, 0); }
static PyObject *bytes_lstrip(PyObject *self, PyObject *args) { return _Py_bytes_strip(S_, args, 0, 0); }
static PyObject *bytes_rstrip(PyObject *self, PyObject *args) { return _Py_bytes_strip(S_, args, 1, 0); }
static PyObject *bytes_split(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_split(S_, args, kw, 0, 0); }
static PyObject *bytes_rsplit(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_split(S_, args, kw, 1, 0); }
static PyObject *bytes_splitlines(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_splitlines(S_, args, kw, 0); }
static PyObject *bytes_partition(PyObject *self, PyObject *sep) { return _Py_bytes_partition(S_, sep, 0, 0); }
static PyObject *bytes_rpartition(PyObject *self, PyObject *sep) { return _Py_bytes_partition(S_, sep, 1, 0); }
static PyObject *bytes_replace(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_replace(S_, args, kw, 0); }
static PyObject *bytes_removeprefix(PyObject *self, PyObject *arg) { return _Py_bytes_fix(S_, arg, 1, 0); }
static PyObject *bytes_removesuffix(PyObject *self, PyObject *arg) { return _Py_bytes_fix(S_, arg, 0, 0); }
static PyObject *bytes_join(PyObject *self, PyObject *it) { return _Py_bytes_join(self, S_, it, 0); }
static PyObject *bytes_translate(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_translate(S_, args, kw, 0); }
static PyObject *bytes_hex(PyObject *self, PyObject *args, PyObject *kw) { return _Py_bytes_hex(S_, args, kw); }

static PyObject *bytes_maketrans(PyObject *null, PyObject *args)
{
    PyObject *frm, *to;
    if (!PyArg_UnpackTuple(args, "maketrans", 2, 2, &frm, &to))
        return NULL;
    return _Py_bytes_maketrans(frm, to);
}

static PyObject *bytes_fromhex(PyObject *type, PyObject *string)
{
    PyObject *res = _PyBytes_FromHex(string, 0);
    if (res != NULL && type != (PyObject *)&PyBytes_Type)
        Py_SETREF(res, PyObject_CallOneArg(type, res));
    return res;
}

static PyObject *bytes_decode(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", NULL};
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ss:decode", kwlist, &encoding, &errors))
        return NULL;
    return PyUnicode_Decode(S_, encoding, errors);
}

static PyObject *bytes_getnewargs(PyObject *self, PyObject *Py_UNUSED(a))
{
    return Py_BuildValue("(y#)", S_);
}

static PyObject *bytes___bytes__(PyObject *self, PyObject *Py_UNUSED(a))
{
    if (PyBytes_CheckExact(self))
        return Py_NewRef(self);
    return PyBytes_FromStringAndSize(S_);
}

#undef S_

/* ==== iterator ==== */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;
} striterobject;

static void striter_dealloc(striterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int striter_traverse(striterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_seq);
    return 0;
}

static PyObject *striter_next(striterobject *it)
{
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < PyBytes_GET_SIZE(seq))
        return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(seq)[it->it_index++]);
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *striter_len(striterobject *it, PyObject *Py_UNUSED(a))
{
    return PyLong_FromSsize_t(it->it_seq ? PyBytes_GET_SIZE(it->it_seq) - it->it_index : 0);
}

/* (iter, (seq,), index) — or (iter, ((),)) once exhausted — for pickling. */
static PyObject *striter_reduce(striterobject *it, PyObject *Py_UNUSED(a))
{
    PyObject *iter = _PyEval_GetBuiltinId("iter");
    if (iter == NULL)
        return NULL;
    if (it->it_seq != NULL)
        return Py_BuildValue("N(O)n", iter, it->it_seq, it->it_index);
    return Py_BuildValue("N(())", iter);
}

static PyObject *striter_setstate(striterobject *it, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > PyBytes_GET_SIZE(it->it_seq))
            index = PyBytes_GET_SIZE(it->it_seq);   /* iterator exhausted */
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef striter_methods[] = {
    {"__reduce__", (PyCFunction)striter_reduce, METH_NOARGS, DOC_bytes_iterator___reduce__},
    {"__setstate__", (PyCFunction)striter_setstate, METH_O, DOC_bytes_iterator___setstate__},
    {"__length_hint__", (PyCFunction)striter_len, METH_NOARGS, DOC_bytes_iterator___length_hint__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBytesIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(striterobject),
    .tp_dealloc = (destructor)striter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)striter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)striter_next,
    .tp_methods = striter_methods,
};

static PyObject *bytes_iter(PyObject *seq)
{
    striterobject *it = PyObject_GC_New(striterobject, &PyBytesIter_Type);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* ==== PyBytes_FromFormat ==== */

PyObject *PyBytes_FromFormatV(const char *format, va_list vargs)
{
    /* The formats are those of PyUnicode_FromFormat restricted to ASCII results. */
    PyObject *u = PyUnicode_FromFormatV(format, vargs);
    if (u == NULL)
        return NULL;
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(u, &n);
    PyObject *res = s ? PyBytes_FromStringAndSize(s, n) : NULL;
    Py_DECREF(u);
    return res;
}

PyObject *PyBytes_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *ret = PyBytes_FromFormatV(format, vargs);
    va_end(vargs);
    return ret;
}

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef bytes_methods[] = {
    {"__getnewargs__", bytes_getnewargs, METH_NOARGS, DOC_bytes___getnewargs__},
    {"__bytes__", bytes___bytes__, METH_NOARGS, DOC_bytes___bytes__},
    {"capitalize", bytes_capitalize, METH_NOARGS, DOC_bytes_capitalize},
    {"center", bytes_center, METH_VARARGS, DOC_bytes_center},
    {"count", bytes_count, METH_VARARGS, DOC_bytes_count},
    {"decode", KW(bytes_decode), DOC_bytes_decode},
    {"endswith", bytes_endswith, METH_VARARGS, DOC_bytes_endswith},
    {"expandtabs", KW(bytes_expandtabs), DOC_bytes_expandtabs},
    {"find", bytes_find, METH_VARARGS, DOC_bytes_find},
    {"fromhex", bytes_fromhex, METH_O | METH_CLASS, DOC_bytes_fromhex},
    {"hex", KW(bytes_hex), DOC_bytes_hex},
    {"index", bytes_index, METH_VARARGS, DOC_bytes_index},
    {"isalnum", bytes_isalnum, METH_NOARGS, DOC_bytes_isalnum},
    {"isalpha", bytes_isalpha, METH_NOARGS, DOC_bytes_isalpha},
    {"isascii", bytes_isascii, METH_NOARGS, DOC_bytes_isascii},
    {"isdigit", bytes_isdigit, METH_NOARGS, DOC_bytes_isdigit},
    {"islower", bytes_islower, METH_NOARGS, DOC_bytes_islower},
    {"isspace", bytes_isspace, METH_NOARGS, DOC_bytes_isspace},
    {"istitle", bytes_istitle, METH_NOARGS, DOC_bytes_istitle},
    {"isupper", bytes_isupper, METH_NOARGS, DOC_bytes_isupper},
    {"join", bytes_join, METH_O, DOC_bytes_join},
    {"ljust", bytes_ljust, METH_VARARGS, DOC_bytes_ljust},
    {"lower", bytes_lower, METH_NOARGS, DOC_bytes_lower},
    {"lstrip", bytes_lstrip, METH_VARARGS, DOC_bytes_lstrip},
    {"maketrans", bytes_maketrans, METH_VARARGS | METH_STATIC, NULL},
    {"partition", bytes_partition, METH_O, DOC_bytes_partition},
    {"replace", KW(bytes_replace), DOC_bytes_replace},
    {"removeprefix", bytes_removeprefix, METH_O, DOC_bytes_removeprefix},
    {"removesuffix", bytes_removesuffix, METH_O, DOC_bytes_removesuffix},
    {"rfind", bytes_rfind, METH_VARARGS, DOC_bytes_rfind},
    {"rindex", bytes_rindex, METH_VARARGS, DOC_bytes_rindex},
    {"rjust", bytes_rjust, METH_VARARGS, DOC_bytes_rjust},
    {"rpartition", bytes_rpartition, METH_O, DOC_bytes_rpartition},
    {"rsplit", KW(bytes_rsplit), DOC_bytes_rsplit},
    {"rstrip", bytes_rstrip, METH_VARARGS, DOC_bytes_rstrip},
    {"split", KW(bytes_split), DOC_bytes_split},
    {"splitlines", KW(bytes_splitlines), DOC_bytes_splitlines},
    {"startswith", bytes_startswith, METH_VARARGS, DOC_bytes_startswith},
    {"strip", bytes_strip, METH_VARARGS, DOC_bytes_strip},
    {"swapcase", bytes_swapcase, METH_NOARGS, DOC_bytes_swapcase},
    {"title", bytes_title, METH_NOARGS, DOC_bytes_title},
    {"translate", KW(bytes_translate), DOC_bytes_translate},
    {"upper", bytes_upper, METH_NOARGS, DOC_bytes_upper},
    {"zfill", bytes_zfill, METH_O, DOC_bytes_zfill},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static PySequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static PyMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

static PyBufferProcs bytes_as_buffer = {
    .bf_getbuffer = bytes_getbuffer,
};

PyTypeObject PyBytes_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bytes",
    .tp_basicsize = offsetof(PyBytesObject, ob_sval) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_as_buffer = &bytes_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BYTES_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_bytes,
    .tp_richcompare = bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_new,
    .tp_free = PyObject_Del,
};
