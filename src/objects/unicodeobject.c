/* unicodeobject.c — str: PEP 393 storage (1/2/4-byte code units, O(1) indexing, cached
 * UTF-8), interning, the built-in codecs (utf-8/16/32, latin-1, ascii, unicode-escape)
 * with CPython's error handlers, PyUnicode_FromFormat, _PyUnicodeWriter, every str
 * method, str % args, str.format and the format-spec mini-language shared with int and
 * float.  Character properties come from unicodectype.c (Unicode 14.0.0 tables). */
#include "Python.h"
#include "type_docs.h"
#include <ctype.h>

#define U(op) ((PyUnicodeObject *)(op))

/* ==== storage ==== */

static struct {
    PyUnicodeObject u;
    Py_UCS1 data[4];
} unicode_empty_struct = {
    { { 1 << 30, &PyUnicode_Type }, 0, 0, { SSTATE_INTERNED_IMMORTAL, PyUnicode_1BYTE_KIND, 1, 1, 1 }, 0,
      unicode_empty_struct.data, (char *)unicode_empty_struct.data, 0 },
    { 0, 0, 0, 0 },
};
#define unicode_empty ((PyObject *)&unicode_empty_struct.u)

PyObject *_PyUnicode_GetEmpty(void) { return unicode_empty; }

static PyObject *get_empty(void) { return Py_NewRef(unicode_empty); }

static PyObject *latin1_cache[256];

static Py_UCS4 kind_maxchar(int kind)
{
    return kind == 1 ? 0xff : kind == 2 ? 0xffff : 0x10ffff;
}

PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar)
{
    if (size == 0)
        return get_empty();
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    if (maxchar > MAX_UNICODE) {
        PyErr_SetString(PyExc_SystemError, "invalid maximum character passed to PyUnicode_New");
        return NULL;
    }
    int kind = maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
    if (size > (PY_SSIZE_T_MAX - (Py_ssize_t)sizeof(PyUnicodeObject)) / kind - 1)
        return PyErr_NoMemory();
    PyUnicodeObject *op = PyObject_Malloc(sizeof(PyUnicodeObject) + (size_t)(size + 1) * kind);
    if (op == NULL)
        return PyErr_NoMemory();
    PyObject_Init((PyObject *)op, &PyUnicode_Type);
    op->length = size;
    op->hash = -1;
    op->state.interned = 0;
    op->state.kind = kind;
    op->state.compact = 1;
    op->state.ascii = maxchar < 128;
    op->state.ready = 1;
    op->maxchar_hint = maxchar;
    op->data = op + 1;
    op->utf8 = NULL;
    op->utf8_length = 0;
    if (op->state.ascii) {
        op->utf8 = op->data;   /* ASCII is its own UTF-8 */
        op->utf8_length = size;
    }
    PyUnicode_WRITE(kind, op->data, size, 0);
    return (PyObject *)op;
}

static void unicode_dealloc(PyObject *self)
{
    PyUnicodeObject *op = U(self);
    if ((op->state.interned == SSTATE_INTERNED_IMMORTAL && self != unicode_empty) ||
        (op->length == 1 && op->state.kind == PyUnicode_1BYTE_KIND &&
         latin1_cache[((Py_UCS1 *)op->data)[0]] == self)) {
        /* Interned strings live as long as the interpreter. */
        Py_SET_REFCNT(self, 1 << 30);
        return;
    }
    if (op->utf8 != NULL && op->utf8 != (char *)op->data)
        PyObject_Free(op->utf8);
    if (!op->state.compact)
        PyObject_Free(op->data);
    if (PyUnicode_CheckExact(self))
        PyObject_Free(self);
    else
        Py_TYPE(self)->tp_free(self);
}

/* Number of leading bytes below 0x80 in p[0..n), eight at a time (unaligned loads through
 * memcpy, which compilers turn into plain moves). */
static inline Py_ssize_t ascii_prefix(const unsigned char *p, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    for (; i + 32 <= n; i += 32) {
        uint64_t a, b, c, d;
        memcpy(&a, p + i, 8);
        memcpy(&b, p + i + 8, 8);
        memcpy(&c, p + i + 16, 8);
        memcpy(&d, p + i + 24, 8);
        if ((a | b | c | d) & 0x8080808080808080ULL)
            break;
    }
    for (; i + 8 <= n; i += 8) {
        uint64_t a;
        memcpy(&a, p + i, 8);
        if (a & 0x8080808080808080ULL)
            break;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

/* Largest char actually present (for canonical results of slicing etc).  For kind 1 only
 * whether some byte is >= 0x80 matters (ASCII or not): 0x7f or 0xff, found word-wise. */
static Py_UCS4 find_maxchar(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    Py_UCS4 m = 0;
    if (kind == 1) {
        const Py_UCS1 *p = (const Py_UCS1 *)data + start;
        Py_ssize_t n = end - start;
        if (n <= 0)
            return 0;
        return ascii_prefix(p, n) == n ? 0x7f : 0xff;
    }
    if (kind == 2) {
        const Py_UCS2 *p = (const Py_UCS2 *)data;
        for (Py_ssize_t i = start; i < end; i++) {
            if (p[i] > m) {
                m = p[i];
                if (m >= 0x100)
                    return 0xffff;
            }
        }
        return m;
    }
    const Py_UCS4 *p = (const Py_UCS4 *)data;
    for (Py_ssize_t i = start; i < end; i++) {
        if (p[i] > m) {
            m = p[i];
            if (m >= 0x10000)
                return 0x10ffff;
        }
    }
    return m;
}

Py_UCS4 _PyUnicode_FindMaxChar(PyObject *u, Py_ssize_t start, Py_ssize_t end)
{
    if (PyUnicode_IS_ASCII(u))
        return 0x7f;
    return find_maxchar(PyUnicode_KIND(u), PyUnicode_DATA(u), start, end);
}

PyObject *_PyUnicode_Latin1Char(Py_UCS4 ch)
{
    PyObject *s = latin1_cache[ch];
    if (s == NULL) {
        s = PyUnicode_New(1, ch);
        if (s == NULL)
            return NULL;
        PyUnicode_1BYTE_DATA(s)[0] = (Py_UCS1)ch;
        /* Immortal singletons, but not interned until something interns them (a name
         * or identifier-like constant), as in 3.11: visible through marshal. */
        Py_SET_REFCNT(s, 1 << 30);
        latin1_cache[ch] = s;
    }
    return Py_NewRef(s);
}

/* New string from code units of any kind, converting to the smallest kind. */
PyObject *PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "size must be positive");
        return NULL;
    }
    if (size == 0)
        return get_empty();
    Py_UCS4 maxchar = find_maxchar(kind, buffer, 0, size);
    if (kind == 1 && maxchar >= 128)
        maxchar = 0xff;
    if (size == 1 && maxchar < 256)
        return _PyUnicode_Latin1Char(PyUnicode_READ(kind, buffer, 0));
    PyObject *res = PyUnicode_New(size, maxchar);
    if (res == NULL)
        return NULL;
    int rkind = PyUnicode_KIND(res);
    void *rdata = PyUnicode_DATA(res);
    if (rkind == kind) {
        memcpy(rdata, buffer, (size_t)size * kind);
    } else {
        for (Py_ssize_t i = 0; i < size; i++)
            PyUnicode_WRITE(rkind, rdata, i, PyUnicode_READ(kind, buffer, i));
    }
    return res;
}

PyObject *_PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t size) { return PyUnicode_FromKindAndData(1, s, size); }
PyObject *_PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t size) { return PyUnicode_FromKindAndData(2, s, size); }
PyObject *_PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t size) { return PyUnicode_FromKindAndData(4, s, size); }

PyObject *_PyUnicode_FromASCII(const char *s, Py_ssize_t size)
{
    if (size == 0)
        return get_empty();
    if (size == 1)
        return _PyUnicode_Latin1Char((Py_UCS1)s[0]);
    PyObject *res = PyUnicode_New(size, 127);
    if (res != NULL)
        memcpy(PyUnicode_DATA(res), s, size);
    return res;
}

PyObject *PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size)
{
    if (size < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (u == NULL) {
        if (size == 0)
            return get_empty();
        PyErr_SetString(PyExc_SystemError, "NULL string with positive size with NULL passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, size, NULL, NULL);
}

PyObject *PyUnicode_FromString(const char *u)
{
    size_t size = strlen(u);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_SetString(PyExc_OverflowError, "input too long");
        return NULL;
    }
    return PyUnicode_DecodeUTF8Stateful(u, (Py_ssize_t)size, NULL, NULL);
}

PyObject *PyUnicode_FromOrdinal(int ordinal)
{
    if (ordinal < 0 || ordinal > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    Py_UCS4 ch = (Py_UCS4)ordinal;
    if (ch < 256)
        return _PyUnicode_Latin1Char(ch);
    PyObject *res = PyUnicode_New(1, ch);
    if (res != NULL)
        PyUnicode_WRITE(PyUnicode_KIND(res), PyUnicode_DATA(res), 0, ch);
    return res;
}

PyObject *_PyUnicode_Copy(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    PyObject *copy = PyUnicode_New(len, PyUnicode_MAX_CHAR_VALUE(unicode));
    if (copy == NULL)
        return NULL;
    memcpy(PyUnicode_DATA(copy), PyUnicode_DATA(unicode), (size_t)len * PyUnicode_KIND(unicode));
    return copy;
}

/* Exact str with the same value (for str subclasses and str(x)). */
static PyObject *unicode_result_exact(PyObject *u)
{
    if (PyUnicode_CheckExact(u))
        return Py_NewRef(u);
    return PyUnicode_FromKindAndData(PyUnicode_KIND(u), PyUnicode_DATA(u), PyUnicode_GET_LENGTH(u));
}

PyObject *PyUnicode_Substring(PyObject *self, Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(self);
    if (start < 0)
        start = 0;
    if (end > length)
        end = length;
    if (start == 0 && end == length)
        return unicode_result_exact(self);
    if (start >= end)
        return get_empty();
    int kind = PyUnicode_KIND(self);
    const char *data = (const char *)PyUnicode_DATA(self) + start * kind;
    if (PyUnicode_IS_ASCII(self))
        return _PyUnicode_FromASCII(data, end - start);
    return PyUnicode_FromKindAndData(kind, data, end - start);
}

Py_ssize_t PyUnicode_GetLength(PyObject *unicode)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(unicode);
}

Py_UCS4 PyUnicode_ReadChar(PyObject *unicode, Py_ssize_t index)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return (Py_UCS4)-1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return (Py_UCS4)-1;
    }
    return PyUnicode_READ_CHAR(unicode, index);
}

int PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch)
{
    if (!PyUnicode_Check(unicode) || Py_REFCNT(unicode) != 1 || U(unicode)->hash != -1) {
        PyErr_SetString(PyExc_SystemError, "PyUnicode_WriteChar: string is not modifiable");
        return -1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (ch > kind_maxchar(PyUnicode_KIND(unicode))) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), index, ch);
    return 0;
}

void _PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                                   Py_ssize_t from_start, Py_ssize_t how_many)
{
    int fk = PyUnicode_KIND(from), tk = PyUnicode_KIND(to);
    const void *fd = PyUnicode_DATA(from);
    void *td = PyUnicode_DATA(to);
    if (how_many <= 0)
        return;
    if (fk == tk) {
        memmove((char *)td + to_start * tk, (const char *)fd + from_start * fk, (size_t)how_many * fk);
        return;
    }
    for (Py_ssize_t i = 0; i < how_many; i++)
        PyUnicode_WRITE(tk, td, to_start + i, PyUnicode_READ(fk, fd, from_start + i));
}

Py_ssize_t PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                                    Py_ssize_t from_start, Py_ssize_t how_many)
{
    if (!PyUnicode_Check(from) || !PyUnicode_Check(to)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if ((size_t)from_start > (size_t)PyUnicode_GET_LENGTH(from) ||
        (size_t)to_start > (size_t)PyUnicode_GET_LENGTH(to)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    how_many = Py_MIN(PyUnicode_GET_LENGTH(from) - from_start, how_many);
    how_many = Py_MIN(PyUnicode_GET_LENGTH(to) - to_start, how_many);
    if (how_many == 0)
        return 0;
    if (_PyUnicode_FindMaxChar(from, from_start, from_start + how_many) > kind_maxchar(PyUnicode_KIND(to))) {
        PyErr_Format(PyExc_SystemError, "Cannot write characters into a narrower string");
        return -1;
    }
    _PyUnicode_FastCopyCharacters(to, to_start, from, from_start, how_many);
    return how_many;
}

Py_ssize_t PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(unicode);
    if (start < 0 || start > n) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    length = Py_MIN(n - start, length);
    for (Py_ssize_t i = 0; i < length; i++)
        PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), start + i, fill_char);
    return length;
}

Py_UCS4 *PyUnicode_AsUCS4(PyObject *string, Py_UCS4 *target, Py_ssize_t targetsize, int copy_null)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(string);
    if (targetsize < len + copy_null) {
        PyErr_SetString(PyExc_SystemError, "string is longer than the buffer");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++)
        target[i] = PyUnicode_READ_CHAR(string, i);
    if (copy_null)
        target[len] = 0;
    return target;
}

Py_UCS4 *PyUnicode_AsUCS4Copy(PyObject *string)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(string);
    Py_UCS4 *buf = PyMem_Malloc((size_t)(len + 1) * sizeof(Py_UCS4));
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return PyUnicode_AsUCS4(string, buf, len + 1, 1);
}

/* ==== _PyUnicodeWriter ==== */

void _PyUnicodeWriter_Init(_PyUnicodeWriter *writer)
{
    memset(writer, 0, sizeof(*writer));
    writer->kind = PyUnicode_1BYTE_KIND;
}

/* The writer builds its result in place: `buffer` is a str allocation (header then code
 * units, as PyUnicode_New lays out an exact str) whose header is filled in by Finish,
 * so finishing needs neither a copy nor a scan for the largest char. */
#define WRITER_HDR sizeof(PyUnicodeObject)

/* Grow to hold `length` more units and chars up to maxchar, widening if needed. */
int _PyUnicodeWriter_Prepare(_PyUnicodeWriter *writer, Py_ssize_t length, Py_UCS4 maxchar)
{
    int newkind = maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4;
    if (length > PY_SSIZE_T_MAX - writer->pos) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t need = writer->pos + length;
    if (need < writer->min_length)
        need = writer->min_length;
    int kind = newkind > writer->kind ? newkind : writer->kind;
    if (writer->data != NULL && need <= writer->size && kind == writer->kind) {
        if (maxchar > writer->maxchar)
            writer->maxchar = maxchar;
        return 0;
    }
    Py_ssize_t newsize = writer->size;
    if (need > newsize) {
        newsize = need;
        /* Amortised growth (+25%) for a series of appends; one big write that at least
         * doubles the buffer gets exactly what it asked for. */
        if (writer->overallocate || (writer->data != NULL && length < writer->size)) {
            Py_ssize_t extra = need / 4 + 16;
            if (newsize <= PY_SSIZE_T_MAX / 4 - extra)
                newsize += extra;
        }
    }
    if (newsize > (PY_SSIZE_T_MAX - (Py_ssize_t)WRITER_HDR) / 4 - 1) {
        PyErr_NoMemory();
        return -1;
    }
    size_t bytes = WRITER_HDR + (size_t)(newsize + 1) * kind;
    char *buf;
    if (kind == writer->kind || writer->buffer == NULL) {
        buf = PyObject_Realloc(writer->buffer, bytes);
        if (buf == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    } else {
        buf = PyObject_Malloc(bytes);
        if (buf == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        void *nd = buf + WRITER_HDR;
        if (writer->kind == 1 && kind == 2)
            for (Py_ssize_t i = 0; i < writer->pos; i++)
                ((Py_UCS2 *)nd)[i] = ((Py_UCS1 *)writer->data)[i];
        else if (writer->kind == 1)
            for (Py_ssize_t i = 0; i < writer->pos; i++)
                ((Py_UCS4 *)nd)[i] = ((Py_UCS1 *)writer->data)[i];
        else
            for (Py_ssize_t i = 0; i < writer->pos; i++)
                ((Py_UCS4 *)nd)[i] = ((Py_UCS2 *)writer->data)[i];
        PyObject_Free(writer->buffer);
    }
    writer->buffer = (PyObject *)buf;
    writer->data = buf + WRITER_HDR;
    writer->kind = kind;
    writer->size = newsize;
    if (maxchar > writer->maxchar)
        writer->maxchar = maxchar;
    return 0;
}

int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *writer, Py_UCS4 ch)
{
    if (ch > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "character must be in range(0x110000)");
        return -1;
    }
    if (writer->data == NULL || writer->pos >= writer->size || ch > kind_maxchar(writer->kind)) {
        if (_PyUnicodeWriter_Prepare(writer, 1, ch) < 0)
            return -1;
    } else if (ch > writer->maxchar) {
        writer->maxchar = ch;
    }
    PyUnicode_WRITE(writer->kind, writer->data, writer->pos, ch);
    writer->pos++;
    return 0;
}

/* n copies of ch, in one reservation (padding can be huge: no per-char calls). */
static int writer_fill(_PyUnicodeWriter *writer, Py_UCS4 ch, Py_ssize_t n)
{
    if (n <= 0)
        return 0;
    if (ch > MAX_UNICODE) {
        PyErr_SetString(PyExc_ValueError, "character must be in range(0x110000)");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(writer, n, ch) < 0)
        return -1;
    if (writer->kind == PyUnicode_1BYTE_KIND) {
        memset((char *)writer->data + writer->pos, (int)ch, (size_t)n);
    } else {
        for (Py_ssize_t i = 0; i < n; i++)
            PyUnicode_WRITE(writer->kind, writer->data, writer->pos + i, ch);
    }
    writer->pos += n;
    return 0;
}

int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *writer, PyObject *str, Py_ssize_t start, Py_ssize_t end)
{
    if (end <= start)
        return 0;
    Py_UCS4 maxchar = _PyUnicode_FindMaxChar(str, start, end);
    if (_PyUnicodeWriter_Prepare(writer, end - start, maxchar) < 0)
        return -1;
    int sk = PyUnicode_KIND(str);
    const void *sd = PyUnicode_DATA(str);
    if (sk == writer->kind) {
        memcpy((char *)writer->data + writer->pos * sk, (const char *)sd + start * sk, (size_t)(end - start) * sk);
    } else {
        for (Py_ssize_t i = start; i < end; i++)
            PyUnicode_WRITE(writer->kind, writer->data, writer->pos + i - start, PyUnicode_READ(sk, sd, i));
    }
    writer->pos += end - start;
    return 0;
}

int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *writer, PyObject *str)
{
    return _PyUnicodeWriter_WriteSubstring(writer, str, 0, PyUnicode_GET_LENGTH(str));
}

int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    if (len < 0)
        len = (Py_ssize_t)strlen(str);
    if (len == 0)
        return 0;
    if (_PyUnicodeWriter_Prepare(writer, len, 127) < 0)
        return -1;
    if (writer->kind == 1) {
        memcpy((char *)writer->data + writer->pos, str, len);
    } else {
        for (Py_ssize_t i = 0; i < len; i++)
            PyUnicode_WRITE(writer->kind, writer->data, writer->pos + i, (Py_UCS1)str[i]);
    }
    writer->pos += len;
    return 0;
}

int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = 0; i < len; i++)
        maxchar |= (Py_UCS1)str[i];
    if (_PyUnicodeWriter_Prepare(writer, len, maxchar) < 0)
        return -1;
    for (Py_ssize_t i = 0; i < len; i++)
        PyUnicode_WRITE(writer->kind, writer->data, writer->pos + i, (Py_UCS1)str[i]);
    writer->pos += len;
    return 0;
}

int _PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *writer, const char *str, Py_ssize_t len)
{
    PyObject *s = PyUnicode_DecodeUTF8(str, len, "replace");
    if (s == NULL)
        return -1;
    int r = _PyUnicodeWriter_WriteStr(writer, s);
    Py_DECREF(s);
    return r;
}

PyObject *_PyUnicodeWriter_Finish(_PyUnicodeWriter *writer)
{
    Py_ssize_t n = writer->pos;
    PyObject *res;
    if (n == 0 || (n == 1 && writer->kind == PyUnicode_1BYTE_KIND)) {
        /* The shared empty string and one-char singletons. */
        res = n == 0 ? get_empty() : _PyUnicode_Latin1Char(((Py_UCS1 *)writer->data)[0]);
        _PyUnicodeWriter_Dealloc(writer);
        return res;
    }
    int kind = writer->kind;
    PyUnicodeObject *op = (PyUnicodeObject *)writer->buffer;
    if (writer->size - n > 16) {
        PyUnicodeObject *shrunk = PyObject_Realloc(op, WRITER_HDR + (size_t)(n + 1) * kind);
        if (shrunk != NULL)
            op = shrunk;
    }
    writer->buffer = NULL;
    writer->data = NULL;
    writer->size = writer->pos = 0;
    PyObject_Init((PyObject *)op, &PyUnicode_Type);
    op->length = n;
    op->hash = -1;
    op->state.interned = 0;
    op->state.kind = kind;
    op->state.compact = 1;
    op->state.ascii = writer->maxchar < 128;
    op->state.ready = 1;
    op->maxchar_hint = writer->maxchar;
    op->data = op + 1;
    op->utf8 = NULL;
    op->utf8_length = 0;
    if (op->state.ascii) {
        op->utf8 = op->data;
        op->utf8_length = n;
    }
    PyUnicode_WRITE(kind, op->data, n, 0);
    return (PyObject *)op;
}

void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *writer)
{
    PyObject_Free(writer->buffer);
    writer->buffer = NULL;
    writer->data = NULL;
    writer->size = writer->pos = 0;
}

/* ==== interning and identifiers ==== */

static PyObject *interned = NULL;   /* dict: str -> the same str */

void PyUnicode_InternInPlace(PyObject **p)
{
    PyObject *s = *p;
    if (s == NULL || !PyUnicode_CheckExact(s) || U(s)->state.interned)
        return;
    if (interned == NULL) {
        interned = PyDict_New();
        if (interned == NULL) {
            PyErr_Clear();
            return;
        }
    }
    PyObject *t = PyDict_SetDefault(interned, s, s);
    if (t == NULL) {
        PyErr_Clear();
        return;
    }
    if (t != s) {
        Py_INCREF(t);
        Py_SETREF(*p, t);
        return;
    }
    /* Interned strings are immortal: the dict's references keep them alive. */
    U(s)->state.interned = SSTATE_INTERNED_IMMORTAL;
}

void PyUnicode_InternImmortal(PyObject **p) { PyUnicode_InternInPlace(p); }

PyObject *PyUnicode_InternFromString(const char *cp)
{
    PyObject *s = PyUnicode_FromString(cp);
    if (s == NULL)
        return NULL;
    PyUnicode_InternInPlace(&s);
    return s;
}

/* _Py_ID(name): literal addresses are stable, so cache by pointer. */
#define ID_TABLE_SIZE 4096
static struct { const char *key; PyObject *value; } id_table[ID_TABLE_SIZE];

PyObject *_PyUnicode_FromId(const char *name)
{
    size_t h = ((uintptr_t)name >> 3) & (ID_TABLE_SIZE - 1);
    for (size_t probe = 0; probe < ID_TABLE_SIZE; probe++) {
        size_t i = (h + probe) & (ID_TABLE_SIZE - 1);
        if (id_table[i].key == name)
            return id_table[i].value;
        if (id_table[i].key == NULL) {
            PyObject *s = PyUnicode_InternFromString(name);
            if (s == NULL)
                return NULL;
            id_table[i].key = name;
            id_table[i].value = s;   /* immortal */
            return s;
        }
    }
    /* Table full (should not happen): fall back to a leaked interned string. */
    return PyUnicode_InternFromString(name);
}

PyObject *_PyUnicode_FromIdentifier(_Py_Identifier *id)
{
    if (id->obj == NULL)
        id->obj = PyUnicode_InternFromString(id->string);
    return id->obj;
}

/* ==== error handlers ==== */

typedef enum {
    ERR_UNKNOWN, ERR_STRICT, ERR_SURROGATEESCAPE, ERR_REPLACE, ERR_IGNORE,
    ERR_BACKSLASHREPLACE, ERR_SURROGATEPASS, ERR_XMLCHARREFREPLACE, ERR_NAMEREPLACE,
} error_handler;

static error_handler get_error_handler(const char *errors)
{
    if (errors == NULL || strcmp(errors, "strict") == 0)
        return ERR_STRICT;
    if (strcmp(errors, "surrogateescape") == 0)
        return ERR_SURROGATEESCAPE;
    if (strcmp(errors, "replace") == 0)
        return ERR_REPLACE;
    if (strcmp(errors, "ignore") == 0)
        return ERR_IGNORE;
    if (strcmp(errors, "backslashreplace") == 0)
        return ERR_BACKSLASHREPLACE;
    if (strcmp(errors, "surrogatepass") == 0)
        return ERR_SURROGATEPASS;
    if (strcmp(errors, "xmlcharrefreplace") == 0)
        return ERR_XMLCHARREFREPLACE;
    if (strcmp(errors, "namereplace") == 0)
        return ERR_NAMEREPLACE;
    return ERR_UNKNOWN;
}


static void raise_decode_error(const char *encoding, const char *input, Py_ssize_t length,
                               Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    PyObject *exc = PyUnicodeDecodeError_Create(encoding, input, length, start, end, reason);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_UnicodeDecodeError, exc);
        Py_DECREF(exc);
    }
}

static void raise_encode_error(const char *encoding, PyObject *unicode, Py_ssize_t start,
                               Py_ssize_t end, const char *reason)
{
    PyObject *enc = PyUnicode_FromString(encoding);
    if (enc == NULL)
        return;
    PyObject *exc = _PyUnicodeEncodeError_Create(enc, unicode, start, end, reason);
    Py_DECREF(enc);
    if (exc != NULL) {
        PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
        Py_DECREF(exc);
    }
}

/* Run an error handler registered with codecs.register_error on an encode error in
 * unicode[start:end]: returns the replacement as bytes (a str replacement must consist
 * of characters below limit, else the original error is raised) and sets *newpos. */
static PyObject *encode_handler_bytes(const char *errors, const char *encoding, PyObject *unicode,
                                      Py_ssize_t start, Py_ssize_t end, const char *reason,
                                      Py_UCS4 limit, Py_ssize_t *newpos)
{
    PyObject *rep = _PyCodec_CallEncodeErrorHandler(errors, encoding, unicode, start, end, reason,
                                                    newpos);
    if (rep == NULL || PyBytes_Check(rep))
        return rep;
    Py_ssize_t n = PyUnicode_GET_LENGTH(rep);
    PyObject *b = PyBytes_FromStringAndSize(NULL, n);
    if (b == NULL) {
        Py_DECREF(rep);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(rep, k);
        if (c >= limit) {
            Py_DECREF(rep);
            Py_DECREF(b);
            raise_encode_error(encoding, unicode, start, end, reason);
            return NULL;
        }
        PyBytes_AS_STRING(b)[k] = (char)c;
    }
    Py_DECREF(rep);
    return b;
}

/* Apply a decode error handler to input[start:end]; writes the replacement and sets
 * *newpos (when not NULL) to where decoding resumes: end, or what a handler registered
 * with codecs.register_error returned (decoders passing NULL always resume at end). */
static int decode_error(error_handler h, const char *errors, _PyUnicodeWriter *w, const char *encoding,
                        const char *input, Py_ssize_t length, Py_ssize_t start, Py_ssize_t end,
                        const char *reason, Py_ssize_t *newpos)
{
    if (newpos)
        *newpos = end;
    switch (h) {
    case ERR_IGNORE:
        return 0;
    case ERR_REPLACE:
        return _PyUnicodeWriter_WriteChar(w, Py_UNICODE_REPLACEMENT_CHARACTER);
    case ERR_SURROGATEESCAPE:
        for (Py_ssize_t i = start; i < end; i++) {
            unsigned char c = (unsigned char)input[i];
            if (c < 128) {
                raise_decode_error(encoding, input, length, start, end, reason);
                return -1;
            }
        }
        for (Py_ssize_t i = start; i < end; i++)
            if (_PyUnicodeWriter_WriteChar(w, 0xdc00 + (unsigned char)input[i]) < 0)
                return -1;
        return 0;
    case ERR_BACKSLASHREPLACE:
        for (Py_ssize_t i = start; i < end; i++) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned char)input[i]);
            if (_PyUnicodeWriter_WriteASCIIString(w, buf, 4) < 0)
                return -1;
        }
        return 0;
    case ERR_UNKNOWN: {
        Py_ssize_t np;
        PyObject *rep = _PyCodec_CallDecodeErrorHandler(errors, encoding, input, length, start, end,
                                                        reason, &np);
        if (rep == NULL)
            return -1;
        int r = _PyUnicodeWriter_WriteStr(w, rep);
        Py_DECREF(rep);
        if (newpos)
            *newpos = np;
        return r;
    }
    case ERR_XMLCHARREFREPLACE:
    case ERR_NAMEREPLACE:
        PyErr_Format(PyExc_TypeError, "don't know how to handle UnicodeDecodeError in error callback");
        return -1;
    default:
        raise_decode_error(encoding, input, length, start, end, reason);
        return -1;
    }
}

/* ==== UTF-8 ==== */

/* Length of the valid prefix of a UTF-8 sequence starting at s (lead byte included);
 * *need is the full sequence length (0 for an invalid start byte). */
static int utf8_check(const unsigned char *s, const unsigned char *end, int *need)
{
    unsigned char c = s[0];
    int n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) { *need = 1; return 1; }
    else if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else { *need = 0; return 0; }
    *need = n;
    int valid = 1;
    for (int i = 1; i < n; i++) {
        if (s + i >= end)
            return valid;
        unsigned char cc = s[i];
        if (i == 1 ? (cc < lo || cc > hi) : (cc < 0x80 || cc > 0xBF))
            return valid;
        valid++;
    }
    return valid;
}

PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors, Py_ssize_t *consumed)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + size;
    if (size == 0) {
        if (consumed)
            *consumed = 0;
        return get_empty();
    }
    /* Fast path: pure ASCII. */
    Py_ssize_t i = ascii_prefix(p, size);
    if (i == size) {
        if (consumed)
            *consumed = size;
        return _PyUnicode_FromASCII(s, size);
    }
    error_handler h = ERR_UNKNOWN;
    int have_handler = 0;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    if (_PyUnicodeWriter_WriteASCIIString(&w, s, i) < 0)
        goto error;
    p += i;
    while (p < end) {
        if (*p < 0x80) {
            const unsigned char *q = p + ascii_prefix(p, end - p);
            if (_PyUnicodeWriter_WriteASCIIString(&w, (const char *)p, q - p) < 0)
                goto error;
            p = q;
            continue;
        }
        /* Two-byte sequences (U+0080..U+07FF) written straight into a buffer that is
         * already wide enough: the common non-ASCII case of Latin text. */
        if (p[0] >= 0xC2 && p[0] <= 0xDF && p + 1 < end && (p[1] & 0xC0) == 0x80 &&
            w.data != NULL && w.pos < w.size) {
            Py_UCS4 ch = ((Py_UCS4)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            if (ch <= kind_maxchar(w.kind)) {
                if (ch > w.maxchar)
                    w.maxchar = ch;
                PyUnicode_WRITE(w.kind, w.data, w.pos, ch);
                w.pos++;
                p += 2;
                continue;
            }
        }
        int need;
        int valid = utf8_check(p, end, &need);
        if (need > 0 && valid == need) {
            Py_UCS4 ch;
            if (need == 2) ch = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            else if (need == 3) ch = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            else ch = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto error;
            p += need;
            continue;
        }
        const char *reason;
        Py_ssize_t startpos = (const char *)p - s, endpos;
        if (need == 0) {
            reason = "invalid start byte";
            endpos = startpos + 1;
        } else if (p + valid >= end) {
            if (consumed) {
                /* Incomplete sequence at the end: leave it for the next call. */
                break;
            }
            reason = "unexpected end of data";
            endpos = size;
        } else if (consumed && p[0] == 0xED && end - p == 2 && p[1] >= 0xA0 && p[1] <= 0xBF) {
            break;   /* a truncated encoded surrogate: wait for more, as 3.11 */
        } else {
            reason = "invalid continuation byte";
            endpos = startpos + valid;
        }
        if (!have_handler) {
            h = get_error_handler(errors);
            have_handler = 1;
        }
        /* surrogatepass: an encoded surrogate ED A0..BF xx */
        if (h == ERR_SURROGATEPASS && p[0] == 0xED && p + 2 < end && p[1] >= 0xA0 && p[1] <= 0xBF &&
            (p[2] & 0xC0) == 0x80) {
            Py_UCS4 ch = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto error;
            p += 3;
            continue;
        }
        if (h == ERR_SURROGATEPASS)
            h = ERR_STRICT;
        if (decode_error(h, errors, &w, "utf-8", s, size, startpos, endpos, reason, &endpos) < 0)
            goto error;
        p = (const unsigned char *)s + endpos;
    }
    if (consumed)
        *consumed = (const char *)p - s;
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
}

/* Encode to UTF-8 applying the error handler to lone surrogates. */
static PyObject *encode_utf8(PyObject *unicode, const char *errors)
{
    if (PyUnicode_IS_ASCII(unicode))
        return PyBytes_FromStringAndSize(PyUnicode_DATA(unicode), PyUnicode_GET_LENGTH(unicode));
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    Py_ssize_t cap = len * (kind == 1 ? 2 : kind == 2 ? 3 : 4);
    char *buf = PyMem_Malloc(cap + 1), *o = buf;
    if (buf == NULL)
        return PyErr_NoMemory();
    if (kind == PyUnicode_1BYTE_KIND) {
        /* Latin-1 text: ASCII runs copied whole, the rest two bytes each; no surrogates,
         * so no error handling. */
        const Py_UCS1 *u = (const Py_UCS1 *)data;
        Py_ssize_t i = 0;
        while (i < len) {
            Py_ssize_t run = ascii_prefix(u + i, len - i);
            memcpy(o, u + i, (size_t)run);
            o += run;
            i += run;
            for (; i < len && u[i] >= 0x80; i++) {
                *o++ = (char)(0xC0 | (u[i] >> 6));
                *o++ = (char)(0x80 | (u[i] & 0x3F));
            }
        }
        PyObject *res = PyBytes_FromStringAndSize(buf, o - buf);
        PyMem_Free(buf);
        return res;
    }
    error_handler h = ERR_UNKNOWN;
    int have_handler = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x80) {
            *o++ = (char)ch;
        } else if (ch < 0x800) {
            *o++ = (char)(0xC0 | (ch >> 6));
            *o++ = (char)(0x80 | (ch & 0x3F));
        } else if (Py_UNICODE_IS_SURROGATE(ch)) {
            if (!have_handler) {
                h = get_error_handler(errors);
                have_handler = 1;
            }
            Py_ssize_t endpos = i + 1;
            while (endpos < len && Py_UNICODE_IS_SURROGATE(PyUnicode_READ(kind, data, endpos)))
                endpos++;
            /* Replacements may be longer than the space reserved: grow. */
            Py_ssize_t used = o - buf, extra = (endpos - i) * 12;
            char *nb = PyMem_Realloc(buf, cap + extra + 1);
            if (nb == NULL) {
                PyMem_Free(buf);
                return PyErr_NoMemory();
            }
            buf = nb;
            o = buf + used;
            cap += extra;
            for (Py_ssize_t j = i; j < endpos; j++) {
                Py_UCS4 c = PyUnicode_READ(kind, data, j);
                switch (h) {
                case ERR_SURROGATEPASS:
                    *o++ = (char)(0xE0 | (c >> 12));
                    *o++ = (char)(0x80 | ((c >> 6) & 0x3F));
                    *o++ = (char)(0x80 | (c & 0x3F));
                    break;
                case ERR_SURROGATEESCAPE:
                    if (c < 0xDC80 || c > 0xDCFF)
                        goto strict;
                    *o++ = (char)(c - 0xDC00);
                    break;
                case ERR_IGNORE:
                    break;
                case ERR_REPLACE:
                    *o++ = '?';
                    break;
                case ERR_BACKSLASHREPLACE:
                case ERR_NAMEREPLACE:
                    o += sprintf(o, "\\u%04x", (unsigned)c);
                    break;
                case ERR_XMLCHARREFREPLACE:
                    o += sprintf(o, "&#%u;", (unsigned)c);
                    break;
                case ERR_UNKNOWN: {
                    Py_ssize_t np;
                    PyObject *rep = encode_handler_bytes(errors, "utf-8", unicode, i, endpos,
                                                         "surrogates not allowed", 128, &np);
                    if (rep == NULL) {
                        PyMem_Free(buf);
                        return NULL;
                    }
                    Py_ssize_t used = o - buf, rn = PyBytes_GET_SIZE(rep);
                    Py_ssize_t need = used + rn + (len - np) * 4 + 1;
                    if (need > cap) {
                        char *nb2 = PyMem_Realloc(buf, need);
                        if (nb2 == NULL) {
                            Py_DECREF(rep);
                            PyMem_Free(buf);
                            return PyErr_NoMemory();
                        }
                        buf = nb2;
                        cap = need;
                    }
                    memcpy(buf + used, PyBytes_AS_STRING(rep), rn);
                    o = buf + used + rn;
                    Py_DECREF(rep);
                    endpos = np;
                    j = endpos;     /* the handler replaced the whole run */
                    break;
                }
                default:
                strict:
                    PyMem_Free(buf);
                    /* from the first character the handler could not take (surrogateescape) */
                    raise_encode_error("utf-8", unicode, j, endpos, "surrogates not allowed");
                    return NULL;
                }
            }
            i = endpos - 1;
        } else if (ch < 0x10000) {
            *o++ = (char)(0xE0 | (ch >> 12));
            *o++ = (char)(0x80 | ((ch >> 6) & 0x3F));
            *o++ = (char)(0x80 | (ch & 0x3F));
        } else {
            *o++ = (char)(0xF0 | (ch >> 18));
            *o++ = (char)(0x80 | ((ch >> 12) & 0x3F));
            *o++ = (char)(0x80 | ((ch >> 6) & 0x3F));
            *o++ = (char)(0x80 | (ch & 0x3F));
        }
    }
    PyObject *res = PyBytes_FromStringAndSize(buf, o - buf);
    PyMem_Free(buf);
    return res;
}

PyObject *_PyUnicode_AsUTF8String(PyObject *unicode, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    return encode_utf8(unicode, errors);
}

PyObject *PyUnicode_AsUTF8String(PyObject *unicode) { return _PyUnicode_AsUTF8String(unicode, NULL); }

const char *PyUnicode_AsUTF8AndSize(PyObject *unicode, Py_ssize_t *psize)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyUnicodeObject *op = U(unicode);
    if (op->utf8 == NULL) {
        PyObject *b = encode_utf8(unicode, "strict");
        if (b == NULL)
            return NULL;
        Py_ssize_t n = PyBytes_GET_SIZE(b);
        char *copy = PyObject_Malloc(n + 1);
        if (copy == NULL) {
            Py_DECREF(b);
            PyErr_NoMemory();
            return NULL;
        }
        memcpy(copy, PyBytes_AS_STRING(b), n + 1);
        Py_DECREF(b);
        op->utf8 = copy;
        op->utf8_length = n;
    }
    if (psize)
        *psize = op->utf8_length;
    return op->utf8;
}

const char *PyUnicode_AsUTF8(PyObject *unicode) { return PyUnicode_AsUTF8AndSize(unicode, NULL); }

/* ==== Latin-1 and ASCII ==== */

PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors)
{
    return PyUnicode_FromKindAndData(PyUnicode_1BYTE_KIND, s, size);
}

PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors)
{
    Py_ssize_t i = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (i < size && p[i] < 128)
        i++;
    if (i == size)
        return _PyUnicode_FromASCII(s, size);
    error_handler h = get_error_handler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicodeWriter_WriteASCIIString(&w, s, i) < 0)
        goto error;
    for (; i < size; i++) {
        if (p[i] < 128) {
            if (_PyUnicodeWriter_WriteChar(&w, p[i]) < 0)
                goto error;
        } else {
            Py_ssize_t np;
            if (decode_error(h, errors, &w, "ascii", s, size, i, i + 1, "ordinal not in range(128)", &np) < 0)
                goto error;
            i = np - 1;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* Encode to a one-byte charset (latin-1 or ascii) with error handlers. */
static PyObject *encode_ucs1(PyObject *unicode, const char *errors, Py_UCS4 limit)
{
    const char *encoding = limit == 256 ? "latin-1" : "ascii";
    const char *reason = limit == 256 ? "ordinal not in range(256)" : "ordinal not in range(128)";
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (PyUnicode_MAX_CHAR_VALUE(unicode) < limit && kind == 1)
        return PyBytes_FromStringAndSize(data, len);
    Py_ssize_t cap = len + 16, pos = 0;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL)
        return PyErr_NoMemory();
    error_handler h = ERR_UNKNOWN;
    int have_handler = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (pos + 16 > cap) {
            cap = cap * 2 + 16;
            char *nb = PyMem_Realloc(buf, cap);
            if (nb == NULL) {
                PyMem_Free(buf);
                return PyErr_NoMemory();
            }
            buf = nb;
        }
        if (ch < limit) {
            buf[pos++] = (char)ch;
            continue;
        }
        if (!have_handler) {
            h = get_error_handler(errors);
            have_handler = 1;
        }
        Py_ssize_t endpos = i + 1;
        while (endpos < len && PyUnicode_READ(kind, data, endpos) >= limit)
            endpos++;
        for (Py_ssize_t j = i; j < endpos; j++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, j);
            char tmp[64];
            int n = 0;
            switch (h) {
            case ERR_IGNORE:
                break;
            case ERR_REPLACE:
                tmp[n++] = '?';
                break;
            case ERR_SURROGATEESCAPE:
                if (c < 0xDC80 || c > 0xDCFF)
                    goto strict;
                tmp[n++] = (char)(c - 0xDC00);
                break;
            case ERR_BACKSLASHREPLACE:
                n = c < 0x100 ? sprintf(tmp, "\\x%02x", c) : c < 0x10000 ? sprintf(tmp, "\\u%04x", c)
                                                                        : sprintf(tmp, "\\U%08x", c);
                break;
            case ERR_NAMEREPLACE: {
                char name[128];
                if (_PyUnicode_GetName(c, name, sizeof name))
                    n = snprintf(tmp, sizeof tmp, "\\N{%s}", name);
                else
                    n = c < 0x100 ? sprintf(tmp, "\\x%02x", c) : c < 0x10000 ? sprintf(tmp, "\\u%04x", c)
                                                                            : sprintf(tmp, "\\U%08x", c);
                break;
            }
            case ERR_XMLCHARREFREPLACE:
                n = sprintf(tmp, "&#%u;", (unsigned)c);
                break;
            case ERR_UNKNOWN: {
                Py_ssize_t np;
                PyObject *rep = encode_handler_bytes(errors, encoding, unicode, i, endpos, reason,
                                                     limit, &np);
                if (rep == NULL) {
                    PyMem_Free(buf);
                    return NULL;
                }
                Py_ssize_t rn = PyBytes_GET_SIZE(rep);
                if (pos + rn + (len - np) + 16 > cap) {
                    cap = pos + rn + (len - np) + 16;
                    char *nb = PyMem_Realloc(buf, cap);
                    if (nb == NULL) {
                        Py_DECREF(rep);
                        PyMem_Free(buf);
                        return PyErr_NoMemory();
                    }
                    buf = nb;
                }
                memcpy(buf + pos, PyBytes_AS_STRING(rep), rn);
                pos += rn;
                Py_DECREF(rep);
                endpos = np;
                j = endpos;     /* the handler replaced the whole run */
                continue;
            }
            default:
            strict:
                PyMem_Free(buf);
                raise_encode_error(encoding, unicode, i, endpos, reason);
                return NULL;
            }
            if (pos + n + 16 > cap) {
                cap = cap * 2 + n + 16;
                char *nb = PyMem_Realloc(buf, cap);
                if (nb == NULL) {
                    PyMem_Free(buf);
                    return PyErr_NoMemory();
                }
                buf = nb;
            }
            memcpy(buf + pos, tmp, n);
            pos += n;
        }
        i = endpos - 1;
    }
    PyObject *res = PyBytes_FromStringAndSize(buf, pos);
    PyMem_Free(buf);
    return res;
}

PyObject *PyUnicode_AsLatin1String(PyObject *unicode) { return encode_ucs1(unicode, NULL, 256); }
PyObject *PyUnicode_AsASCIIString(PyObject *unicode) { return encode_ucs1(unicode, NULL, 128); }

/* ==== UTF-16 and UTF-32 ==== */

PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    const unsigned char *q = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t i = 0;
    if (bo == 0 && size >= 2) {
        if (q[0] == 0xFF && q[1] == 0xFE) { bo = -1; i = 2; }
        else if (q[0] == 0xFE && q[1] == 0xFF) { bo = 1; i = 2; }
    }
    /* *byteorder stays 0 without a BOM (utf_16_ex_decode's callers test it); the data
     * is then read in the native order, little-endian */
    if (byteorder)
        *byteorder = bo;
    if (bo == 0)
        bo = -1;
    /* errors name the order actually used, as CPython's */
    const char *enc = bo < 0 ? "utf-16-le" : "utf-16-be";
    error_handler h = get_error_handler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    while (i < size) {
        Py_ssize_t np;   /* where a registered error handler resumes */
        if (i + 1 >= size) {
            if (decode_error(h, errors, &w, enc, s, size, i, size, "truncated data", &np) < 0)
                goto error;
            i = np;
            continue;
        }
        Py_UCS4 u = bo < 0 ? (q[i] | (q[i + 1] << 8)) : ((q[i] << 8) | q[i + 1]);
        if (!Py_UNICODE_IS_SURROGATE(u)) {
            if (_PyUnicodeWriter_WriteChar(&w, u) < 0)
                goto error;
            i += 2;
            continue;
        }
        if (Py_UNICODE_IS_HIGH_SURROGATE(u)) {
            if (i + 3 >= size) {
                if (h == ERR_SURROGATEPASS) {   /* the handler passes the lone high surrogate */
                    if (_PyUnicodeWriter_WriteChar(&w, u) < 0)
                        goto error;
                    i += 2;
                    continue;
                }
                if (decode_error(h, errors, &w, enc, s, size, i, size, "unexpected end of data", &np) < 0)
                    goto error;
                i = np;
                continue;
            }
            Py_UCS4 u2 = bo < 0 ? (q[i + 2] | (q[i + 3] << 8)) : ((q[i + 2] << 8) | q[i + 3]);
            if (Py_UNICODE_IS_LOW_SURROGATE(u2)) {
                if (_PyUnicodeWriter_WriteChar(&w, Py_UNICODE_JOIN_SURROGATES(u, u2)) < 0)
                    goto error;
                i += 4;
                continue;
            }
            if (h == ERR_SURROGATEPASS) {
                if (_PyUnicodeWriter_WriteChar(&w, u) < 0)
                    goto error;
                i += 2;
                continue;
            }
            if (decode_error(h, errors, &w, enc, s, size, i, i + 2, "illegal UTF-16 surrogate", &np) < 0)
                goto error;
            i = np;
            continue;
        }
        if (h == ERR_SURROGATEPASS) {
            if (_PyUnicodeWriter_WriteChar(&w, u) < 0)
                goto error;
            i += 2;
            continue;
        }
        if (decode_error(h, errors, &w, enc, s, size, i, i + 2, "illegal encoding", &np) < 0)
            goto error;
        i = np;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors, int *byteorder)
{
    const unsigned char *q = (const unsigned char *)s;
    int bo = byteorder ? *byteorder : 0;
    Py_ssize_t i = 0;
    if (bo == 0 && size >= 4) {
        if (q[0] == 0xFF && q[1] == 0xFE && q[2] == 0 && q[3] == 0) { bo = -1; i = 4; }
        else if (q[0] == 0 && q[1] == 0 && q[2] == 0xFE && q[3] == 0xFF) { bo = 1; i = 4; }
    }
    if (byteorder)
        *byteorder = bo;   /* 0 without a BOM, as for UTF-16 */
    if (bo == 0)
        bo = -1;
    const char *enc = bo < 0 ? "utf-32-le" : "utf-32-be";
    error_handler h = get_error_handler(errors);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    while (i < size) {
        Py_ssize_t np;   /* where a registered error handler resumes */
        if (i + 3 >= size) {
            if (decode_error(h, errors, &w, enc, s, size, i, size, "truncated data", &np) < 0)
                goto error;
            i = np;
            continue;
        }
        Py_UCS4 ch = bo < 0 ? ((Py_UCS4)q[i] | (q[i + 1] << 8) | (q[i + 2] << 16) | ((Py_UCS4)q[i + 3] << 24))
                            : (((Py_UCS4)q[i] << 24) | (q[i + 1] << 16) | (q[i + 2] << 8) | q[i + 3]);
        if (ch > MAX_UNICODE) {
            if (decode_error(h, errors, &w, enc, s, size, i, i + 4, "code point not in range(0x110000)", &np) < 0)
                goto error;
            i = np;
            continue;
        } else if (Py_UNICODE_IS_SURROGATE(ch) && h != ERR_SURROGATEPASS) {
            if (decode_error(h, errors, &w, enc, s, size, i, i + 4, "code point in surrogate code point range(0xd800, 0xe000)", &np) < 0)
                goto error;
            i = np;
            continue;
        } else if (_PyUnicodeWriter_WriteChar(&w, ch) < 0) {
            goto error;
        }
        i += 4;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* Growable output of the UTF-16/32 encoder. */
typedef struct {
    unsigned char *buf;
    Py_ssize_t len, cap;
    int width, little;
} utf_out;

static int utf_out_reserve(utf_out *o, Py_ssize_t extra)
{
    if (o->len + extra <= o->cap)
        return 0;
    Py_ssize_t cap = (o->len + extra) * 2;
    unsigned char *nb = PyMem_Realloc(o->buf, (size_t)cap);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    o->buf = nb;
    o->cap = cap;
    return 0;
}

static inline void utf_out_put(utf_out *o, Py_UCS4 v)
{
    for (int k = 0; k < o->width; k++)
        o->buf[o->len++] = (unsigned char)(v >> (8 * (o->little ? k : o->width - 1 - k)));
}

/* A lone surrogate at str[i] under any handler but surrogatepass: the handler (strict,
 * ignore, replace, backslashreplace, ... or a registered one) runs as in 3.11.  A bytes
 * replacement is copied if it is whole code units; a str one must be ASCII, each character
 * becoming one code unit.  Returns the position to resume at, or -1. */
static Py_ssize_t utf_encode_surrogate(utf_out *o, PyObject *str, Py_ssize_t i, const char *errors,
                                       const char *enc)
{
    Py_ssize_t newpos;
    PyObject *rep = _PyCodec_CallEncodeErrorHandler(errors ? errors : "strict", enc, str, i, i + 1,
                                                    "surrogates not allowed", &newpos);
    if (rep == NULL)
        return -1;
    if (PyBytes_Check(rep)) {
        Py_ssize_t n = PyBytes_GET_SIZE(rep);
        if (n % o->width != 0)
            goto bad;
        if (utf_out_reserve(o, n) < 0)
            goto fail;
        memcpy(o->buf + o->len, PyBytes_AS_STRING(rep), (size_t)n);
        o->len += n;
    }
    else {
        Py_ssize_t n = PyUnicode_GET_LENGTH(rep);
        if (PyUnicode_MAX_CHAR_VALUE(rep) >= 128)
            goto bad;
        if (utf_out_reserve(o, n * o->width) < 0)
            goto fail;
        for (Py_ssize_t k = 0; k < n; k++)
            utf_out_put(o, PyUnicode_READ_CHAR(rep, k));
    }
    Py_DECREF(rep);
    return newpos;
bad:
    raise_encode_error(enc, str, i, i + 1, "surrogates not allowed");
fail:
    Py_DECREF(rep);
    return -1;
}

static PyObject *encode_utf16_32(PyObject *str, const char *errors, int byteorder, int width)
{
    const char *enc = width == 2 ? (byteorder == 0 ? "utf-16" : byteorder < 0 ? "utf-16-le" : "utf-16-be")
                                 : (byteorder == 0 ? "utf-32" : byteorder < 0 ? "utf-32-le" : "utf-32-be");
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    utf_out o = {NULL, 0, 0, width, byteorder <= 0};
    if (utf_out_reserve(&o, (len * 2 + 1) * width) < 0)
        return NULL;
    error_handler h = ERR_UNKNOWN;
    if (byteorder == 0)
        utf_out_put(&o, 0xFEFF);
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (utf_out_reserve(&o, 2 * width) < 0)
            goto error;
        if (Py_UNICODE_IS_SURROGATE(ch)) {
            if (h == ERR_UNKNOWN)
                h = get_error_handler(errors);
            if (h == ERR_SURROGATEPASS) {
                utf_out_put(&o, ch);
                continue;
            }
            Py_ssize_t next = utf_encode_surrogate(&o, str, i, errors, enc);
            if (next < 0)
                goto error;
            i = next - 1;
            continue;
        }
        if (width == 2 && ch >= 0x10000) {
            utf_out_put(&o, Py_UNICODE_HIGH_SURROGATE(ch));
            utf_out_put(&o, Py_UNICODE_LOW_SURROGATE(ch));
        } else {
            utf_out_put(&o, ch);
        }
    }
    PyObject *res = PyBytes_FromStringAndSize((char *)o.buf, o.len);
    PyMem_Free(o.buf);
    return res;
error:
    PyMem_Free(o.buf);
    return NULL;
}

PyObject *_PyUnicode_EncodeUTF16(PyObject *str, const char *errors, int byteorder)
{
    return encode_utf16_32(str, errors, byteorder, 2);
}

PyObject *_PyUnicode_EncodeUTF32(PyObject *str, const char *errors, int byteorder)
{
    return encode_utf16_32(str, errors, byteorder, 4);
}

/* ==== unicode-escape and raw-unicode-escape ==== */

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

PyObject *_PyUnicode_DecodeUnicodeEscapeInternal(const char *s, Py_ssize_t size, const char *errors,
                                                 Py_ssize_t *consumed, const char **first_invalid_escape)
{
    const char *end = s + size, *start = s;
    error_handler h = ERR_UNKNOWN;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
    if (first_invalid_escape)
        *first_invalid_escape = NULL;
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            /* Non-escape bytes are Latin-1. */
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto error;
            s++;
            continue;
        }
        Py_ssize_t startinpos = s - start;
        s++;
        if (s >= end) {
            if (consumed) {
                s--;
                break;
            }
            if (h == ERR_UNKNOWN)
                h = get_error_handler(errors);
            Py_ssize_t np;
            if (decode_error(h, errors, &w, "unicodeescape", start, size, startinpos, size, "\\ at end of string", &np) < 0)
                goto error;
            s = start + np;
            continue;
        }
        c = (unsigned char)*s++;
        Py_UCS4 ch;
        int count = 0;
        const char *message = NULL;
        switch (c) {
        case '\n': continue;
        case '\\': ch = '\\'; goto write;
        case '\'': ch = '\''; goto write;
        case '\"': ch = '\"'; goto write;
        case 'b': ch = '\b'; goto write;
        case 'f': ch = '\014'; goto write;
        case 't': ch = '\t'; goto write;
        case 'n': ch = '\n'; goto write;
        case 'r': ch = '\r'; goto write;
        case 'v': ch = '\013'; goto write;
        case 'a': ch = '\007'; goto write;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            ch = c - '0';
            if (s < end && *s >= '0' && *s <= '7') {
                ch = (ch << 3) + *s++ - '0';
                if (s < end && *s >= '0' && *s <= '7')
                    ch = (ch << 3) + *s++ - '0';
            }
            if (ch > 0377 && first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = s - 3;
            goto write;
        case 'x': count = 2; message = "truncated \\xXX escape"; goto hexescape;
        case 'u': count = 4; message = "truncated \\uXXXX escape"; goto hexescape;
        case 'U': count = 8; message = "truncated \\UXXXXXXXX escape"; goto hexescape;
        case 'N': {
            message = "malformed \\N character escape";
            if (s < end && *s == '{') {
                const char *nstart = ++s;
                while (s < end && *s != '}')
                    s++;
                if (s < end && s > nstart) {
                    Py_UCS4 code;
                    if (_PyUnicode_LookupName(nstart, (int)(s - nstart), &code)) {
                        s++;
                        ch = code;
                        goto write;
                    }
                    message = "unknown Unicode character name";
                    s++;
                }   /* an empty name: the error ends before the '}' (as CPython) */
            }
            goto onerror;
        }
        default:
            if (first_invalid_escape && *first_invalid_escape == NULL)
                *first_invalid_escape = s - 1;
            if (_PyUnicodeWriter_WriteChar(&w, '\\') < 0 || _PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto error;
            continue;
        }
    hexescape:
        ch = 0;
        for (int k = 0; k < count; k++, s++) {
            if (s >= end || hexval((unsigned char)*s) < 0) {
                if (consumed && s >= end) {
                    s = start + startinpos;
                    goto done;
                }
                goto onerror;
            }
            ch = (ch << 4) + hexval((unsigned char)*s);
        }
        if (ch > MAX_UNICODE) {
            message = "illegal Unicode character";
            goto onerror;
        }
    write:
        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
            goto error;
        continue;
    onerror:
        if (h == ERR_UNKNOWN)
            h = get_error_handler(errors);
        Py_ssize_t np;
        if (decode_error(h, errors, &w, "unicodeescape", start, size, startinpos, s - start, message, &np) < 0)
            goto error;
        s = start + np;   /* where the handler resumes */
    }
done:
    if (consumed)
        *consumed = s - start;
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    return _PyUnicode_DecodeUnicodeEscapeInternal(s, size, errors, NULL, NULL);
}

PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors)
{
    const char *end = s + size, *start = s;
    error_handler h = ERR_UNKNOWN;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\' || s + 1 >= end || (s[1] != 'u' && s[1] != 'U')) {
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto error;
            s++;
            continue;
        }
        /* Count preceding backslashes: only an odd run escapes. */
        Py_ssize_t startinpos = s - start;
        int count = s[1] == 'u' ? 4 : 8;
        s += 2;
        Py_UCS4 ch = 0;
        int k;
        for (k = 0; k < count && s < end && hexval((unsigned char)*s) >= 0; k++, s++)
            ch = (ch << 4) + hexval((unsigned char)*s);
        if (k < count || ch > MAX_UNICODE) {
            if (h == ERR_UNKNOWN)
                h = get_error_handler(errors);
            Py_ssize_t np;
            if (decode_error(h, errors, &w, "rawunicodeescape", start, size, startinpos, s - start,
                             k < count ? (count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape")
                                       : "\\Uxxxxxxxx out of range", &np) < 0)
                goto error;
            s = start + np;   /* where the handler resumes */
            continue;
        }
        if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
            goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *escape_encode(PyObject *unicode, int raw)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    char *buf = PyMem_Malloc((size_t)len * 10 + 1), *o = buf;
    if (buf == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (raw) {
            if (ch >= 0x10000)
                o += sprintf(o, "\\U%08x", ch);
            else if (ch >= 0x100)
                o += sprintf(o, "\\u%04x", ch);
            else
                *o++ = (char)ch;
            continue;
        }
        if (ch == '\\') { *o++ = '\\'; *o++ = '\\'; }
        else if (ch == '\t') { *o++ = '\\'; *o++ = 't'; }
        else if (ch == '\n') { *o++ = '\\'; *o++ = 'n'; }
        else if (ch == '\r') { *o++ = '\\'; *o++ = 'r'; }
        else if (ch < ' ' || (ch >= 0x7f && ch < 0x100)) o += sprintf(o, "\\x%02x", ch);
        else if (ch < 0x7f) *o++ = (char)ch;
        else if (ch < 0x10000) o += sprintf(o, "\\u%04x", ch);
        else o += sprintf(o, "\\U%08x", ch);
    }
    PyObject *res = PyBytes_FromStringAndSize(buf, o - buf);
    PyMem_Free(buf);
    return res;
}

PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *unicode) { return escape_encode(unicode, 0); }
PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *unicode) { return escape_encode(unicode, 1); }

/* ==== codec dispatch by name ==== */

const char *_PyUnicode_NormalizeEncodingName(const char *encoding, char *buf, size_t bufsize)
{
    size_t n = 0;
    for (const char *p = encoding; *p && n + 1 < bufsize; p++) {
        char c = (char)tolower((unsigned char)*p);
        buf[n++] = (c == '_' || c == ' ') ? '-' : c;
    }
    buf[n] = '\0';
    static const struct { const char *alias, *name; } aliases[] = {
        {"utf-8", "utf-8"}, {"utf8", "utf-8"}, {"u8", "utf-8"}, {"utf", "utf-8"}, {"cp65001", "utf-8"},
        {"utf-8-sig", "utf-8-sig"}, {"utf8-sig", "utf-8-sig"},
        {"latin-1", "latin-1"}, {"latin1", "latin-1"}, {"iso-8859-1", "latin-1"}, {"iso8859-1", "latin-1"},
        {"8859", "latin-1"}, {"cp819", "latin-1"}, {"l1", "latin-1"}, {"latin", "latin-1"},
        {"iso-ir-100", "latin-1"}, {"ascii", "ascii"}, {"us-ascii", "ascii"}, {"646", "ascii"},
        {"utf-16", "utf-16"}, {"utf16", "utf-16"}, {"utf-16-le", "utf-16-le"}, {"utf-16le", "utf-16-le"},
        {"utf-16-be", "utf-16-be"}, {"utf-16be", "utf-16-be"}, {"utf-32", "utf-32"}, {"utf32", "utf-32"},
        {"utf-32-le", "utf-32-le"}, {"utf-32le", "utf-32-le"}, {"utf-32-be", "utf-32-be"},
        {"utf-32be", "utf-32-be"}, {"unicode-escape", "unicode-escape"},
        {"raw-unicode-escape", "raw-unicode-escape"},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(aliases); i++)
        if (strcmp(buf, aliases[i].alias) == 0)
            return aliases[i].name;
    return NULL;
}

/* Encodings the native table does not know go through the codec registry (codecs.c),
 * which accepts only text encodings; the result type is checked as CPython does. */
static PyObject *decode_via_registry(const char *s, Py_ssize_t size, const char *encoding,
                                     const char *errors)
{
    PyObject *buffer = PyBytes_FromStringAndSize(s, size);
    if (buffer == NULL)
        return NULL;
    PyObject *res = _PyCodec_DecodeText(buffer, encoding, errors);
    Py_DECREF(buffer);
    if (res != NULL && !PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "'%.400s' decoder returned '%.400s' instead of 'str'; "
                     "use codecs.decode() to decode to arbitrary types",
                     encoding, Py_TYPE(res)->tp_name);
        Py_CLEAR(res);
    }
    return res;
}

static PyObject *encode_via_registry(PyObject *unicode, const char *encoding, const char *errors)
{
    PyObject *res = _PyCodec_EncodeText(unicode, encoding, errors);
    if (res == NULL || PyBytes_Check(res))
        return res;
    if (PyByteArray_Check(res)) {   /* CPython accepts a bytearray result (with a warning) */
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "encoder %s returned bytearray instead of "
                             "bytes; use codecs.encode() to encode to arbitrary types",
                             encoding) < 0) {
            Py_DECREF(res);
            return NULL;
        }
        PyObject *b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(res), PyByteArray_GET_SIZE(res));
        Py_DECREF(res);
        return b;
    }
    PyErr_Format(PyExc_TypeError, "'%.400s' encoder returned '%.400s' instead of 'bytes'; "
                 "use codecs.encode() to encode to arbitrary types",
                 encoding, Py_TYPE(res)->tp_name);
    Py_DECREF(res);
    return NULL;
}

/* In development mode (-X dev) an unknown encoding or error handler is reported even when
 * the data would never need it (bpo-37388); release runs skip the lookups. */
static int check_encoding_errors(const char *encoding, const char *errors)
{
    if (encoding == NULL && errors == NULL)
        return 0;
    if (!_PyInterpreterState_GET()->config.dev_mode || _Py_IsFinalizing())
        return 0;
    if (encoding != NULL) {
        PyObject *handler = _PyCodec_Lookup(encoding);
        if (handler == NULL)
            return -1;
        Py_DECREF(handler);
    }
    if (errors != NULL && strcmp(errors, "strict") != 0) {
        PyObject *handler = PyCodec_LookupError(errors);
        if (handler == NULL)
            return -1;
        Py_DECREF(handler);
    }
    return 0;
}

PyObject *PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors)
{
    char buf[64];
    if (check_encoding_errors(encoding, errors) < 0)
        return NULL;
    if (size == 0)   /* as CPython: no codec lookup at all for empty data */
        return PyUnicode_New(0, 0);
    const char *name = encoding ? _PyUnicode_NormalizeEncodingName(encoding, buf, sizeof buf) : "utf-8";
    if (name == NULL)
        return decode_via_registry(s, size, encoding, errors);
    if (strcmp(name, "utf-8") == 0)
        return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    if (strcmp(name, "utf-8-sig") == 0) {
        if (size >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
            s += 3;
            size -= 3;
        }
        return PyUnicode_DecodeUTF8Stateful(s, size, errors, NULL);
    }
    if (strcmp(name, "latin-1") == 0)
        return PyUnicode_DecodeLatin1(s, size, errors);
    if (strcmp(name, "ascii") == 0)
        return PyUnicode_DecodeASCII(s, size, errors);
    if (strncmp(name, "utf-16", 6) == 0 || strncmp(name, "utf-32", 6) == 0) {
        int bo = name[6] == '\0' ? 0 : name[7] == 'l' ? -1 : 1;
        return name[4] == '1' ? PyUnicode_DecodeUTF16(s, size, errors, &bo)
                              : PyUnicode_DecodeUTF32(s, size, errors, &bo);
    }
    if (strcmp(name, "unicode-escape") == 0)
        return PyUnicode_DecodeUnicodeEscape(s, size, errors);
    if (strcmp(name, "raw-unicode-escape") == 0)
        return PyUnicode_DecodeRawUnicodeEscape(s, size, errors);
    return decode_via_registry(s, size, encoding, errors);
}

PyObject *PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding, const char *errors)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (check_encoding_errors(encoding, errors) < 0)
        return NULL;
    char buf[64];
    const char *name = encoding ? _PyUnicode_NormalizeEncodingName(encoding, buf, sizeof buf) : "utf-8";
    if (name == NULL)
        return encode_via_registry(unicode, encoding, errors);
    if (strcmp(name, "utf-8") == 0)
        return encode_utf8(unicode, errors);
    if (strcmp(name, "utf-8-sig") == 0) {
        PyObject *b = encode_utf8(unicode, errors);
        if (b == NULL)
            return NULL;
        PyObject *bom = PyBytes_FromStringAndSize("\xef\xbb\xbf", 3);
        PyBytes_ConcatAndDel(&bom, b);
        return bom;
    }
    if (strcmp(name, "latin-1") == 0)
        return encode_ucs1(unicode, errors, 256);
    if (strcmp(name, "ascii") == 0)
        return encode_ucs1(unicode, errors, 128);
    if (strncmp(name, "utf-16", 6) == 0 || strncmp(name, "utf-32", 6) == 0) {
        int bo = name[6] == '\0' ? 0 : name[7] == 'l' ? -1 : 1;
        return encode_utf16_32(unicode, errors, bo, name[4] == '1' ? 2 : 4);
    }
    if (strcmp(name, "unicode-escape") == 0)
        return escape_encode(unicode, 0);
    if (strcmp(name, "raw-unicode-escape") == 0)
        return escape_encode(unicode, 1);
    return encode_via_registry(unicode, encoding, errors);
}

PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors)
{
    if (obj == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyBytes_Check(obj))
        return PyUnicode_Decode(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), encoding, errors);
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "decoding str is not supported");
        return NULL;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "decoding to str: need a bytes-like object, %.80s found",
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    PyObject *v = PyUnicode_Decode(view.buf, view.len, encoding, errors);
    PyBuffer_Release(&view);
    return v;
}

PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size)
{
    return PyUnicode_DecodeUTF8Stateful(s, size, "surrogateescape", NULL);
}

PyObject *PyUnicode_DecodeFSDefault(const char *s)
{
    return PyUnicode_DecodeFSDefaultAndSize(s, (Py_ssize_t)strlen(s));
}

PyObject *PyUnicode_EncodeFSDefault(PyObject *unicode) { return encode_utf8(unicode, "surrogateescape"); }
PyObject *PyUnicode_DecodeLocale(const char *str, const char *errors)
{
    return PyUnicode_DecodeUTF8Stateful(str, (Py_ssize_t)strlen(str), errors ? errors : "surrogateescape", NULL);
}
PyObject *PyUnicode_EncodeLocale(PyObject *unicode, const char *errors)
{
    return encode_utf8(unicode, errors ? errors : "surrogateescape");
}

/* os.fspath(): str and bytes pass through, else __fspath__. */
static PyObject *fspath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path))
        return Py_NewRef(path);
    PyObject *func = _PyType_Lookup(Py_TYPE(path), _Py_ID(__fspath__));
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                     Py_TYPE(path)->tp_name);
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(func, path);
    if (res != NULL && !PyUnicode_Check(res) && !PyBytes_Check(res)) {
        PyErr_Format(PyExc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(res)->tp_name);
        Py_CLEAR(res);
    }
    return res;
}

int PyUnicode_FSConverter(PyObject *arg, void *addr)
{
    PyObject *output = NULL;
    if (arg == NULL) {
        Py_DECREF(*(PyObject **)addr);
        *(PyObject **)addr = NULL;
        return 1;
    }
    PyObject *path = fspath(arg);
    if (path == NULL)
        return 0;
    if (PyBytes_Check(path)) {
        output = path;
    } else {
        output = PyUnicode_EncodeFSDefault(path);
        Py_DECREF(path);
        if (!output)
            return 0;
    }
    if ((size_t)PyBytes_GET_SIZE(output) != strlen(PyBytes_AS_STRING(output))) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return 0x20000;   /* Py_CLEANUP_SUPPORTED */
}

int PyUnicode_FSDecoder(PyObject *arg, void *addr)
{
    if (arg == NULL) {
        Py_DECREF(*(PyObject **)addr);
        *(PyObject **)addr = NULL;
        return 1;
    }
    /* Buffer objects other than bytes (bytearray, memoryview) are still accepted by 3.11,
     * with a DeprecationWarning; anything else goes through os.fspath(). */
    int is_buffer = PyObject_CheckBuffer(arg);
    PyObject *path = is_buffer ? Py_NewRef(arg) : fspath(arg), *output;
    if (path == NULL)
        return 0;
    if (PyUnicode_Check(path)) {
        output = path;
    } else {
        PyObject *bytes;
        if (!PyBytes_Check(path) &&
            PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                             "path should be string, bytes, or os.PathLike, not %.200s",
                             Py_TYPE(arg)->tp_name) < 0) {
            Py_DECREF(path);
            return 0;
        }
        bytes = PyBytes_FromObject(path);
        Py_DECREF(path);
        if (bytes == NULL)
            return 0;
        output = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(bytes), PyBytes_GET_SIZE(bytes));
        Py_DECREF(bytes);
        if (!output)
            return 0;
    }
    if (PyUnicode_FindChar(output, 0, 0, PyUnicode_GET_LENGTH(output), 1) >= 0) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return 0x20000;
}

/* ==== wchar_t ==== */

PyObject *PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size)
{
    if (w == NULL && size != 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == -1)
        size = (Py_ssize_t)wcslen(w);
    /* wchar_t is UCS-4 on Linux; values past U+10FFFF would make an invalid str */
    for (Py_ssize_t i = 0; i < size; i++) {
        if ((Py_UCS4)w[i] > MAX_UNICODE) {
            PyErr_Format(PyExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]",
                         (Py_UCS4)w[i]);
            return NULL;
        }
    }
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, w, size);
}

Py_ssize_t PyUnicode_AsWideChar(PyObject *unicode, wchar_t *w, Py_ssize_t size)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    if (w == NULL)
        return len + 1;
    Py_ssize_t n = Py_MIN(len, size);
    for (Py_ssize_t i = 0; i < n; i++)
        w[i] = (wchar_t)PyUnicode_READ_CHAR(unicode, i);
    if (n < size)
        w[n] = 0;
    return n;
}

wchar_t *PyUnicode_AsWideCharString(PyObject *unicode, Py_ssize_t *size)
{
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    wchar_t *buf = PyMem_Malloc((size_t)(len + 1) * sizeof(wchar_t));
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < len; i++)
        buf[i] = (wchar_t)PyUnicode_READ_CHAR(unicode, i);
    buf[len] = 0;
    if (size != NULL) {
        *size = len;
    } else if ((size_t)len != wcslen(buf)) {
        PyMem_Free(buf);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return buf;
}

/* ==== PyUnicode_FromFormat ==== */

static int write_padded(_PyUnicodeWriter *w, PyObject *str, Py_ssize_t width, Py_ssize_t precision, int left)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (precision >= 0 && len > precision)
        len = precision;
    Py_ssize_t pad = width > len ? width - len : 0;
    if (!left && writer_fill(w, ' ', pad) < 0)
        return -1;
    if (_PyUnicodeWriter_WriteSubstring(w, str, 0, len) < 0)
        return -1;
    if (left && writer_fill(w, ' ', pad) < 0)
        return -1;
    return 0;
}

PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    va_list va;
    va_copy(va, vargs);
    const char *f = format;
    while (*f) {
        if (*f != '%') {
            const char *p = f;
            while (*p && *p != '%')
                p++;
            if (_PyUnicodeWriter_WriteASCIIString(&w, f, p - f) < 0)
                goto error;
            f = p;
            continue;
        }
        const char *start = f++;
        if (*f == '%') {
            if (_PyUnicodeWriter_WriteChar(&w, '%') < 0)
                goto error;
            f++;
            continue;
        }
        int left = 0, zeropad = 0;
        while (*f == '-' || *f == '0') {
            if (*f == '-')
                left = 1;
            else
                zeropad = 1;
            f++;
        }
        Py_ssize_t width = -1, precision = -1;
        if (*f == '*') {
            width = va_arg(va, int);
            f++;
        } else if (isdigit((unsigned char)*f)) {
            width = 0;
            while (isdigit((unsigned char)*f))
                width = width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            if (*f == '*') {
                precision = va_arg(va, int);
                f++;
            } else {
                precision = 0;
                while (isdigit((unsigned char)*f))
                    precision = precision * 10 + (*f++ - '0');
            }
        }
        int longflag = 0, longlongflag = 0, size_tflag = 0;
        if (*f == 'l') {
            if (f[1] == 'l') {
                longlongflag = 1;
                f += 2;
            } else {
                longflag = 1;
                f++;
            }
        } else if (*f == 'z') {
            size_tflag = 1;
            f++;
        } else if (*f == 'j' || *f == 't') {
            size_tflag = 1;
            f++;
        }
        char buf[128];
        char fmt[32];
        switch (*f) {
        case 'c': {
            int ordinal = va_arg(va, int);
            if (ordinal < 0 || ordinal > MAX_UNICODE) {
                PyErr_SetString(PyExc_OverflowError, "character argument not in range(0x110000)");
                goto error;
            }
            if (_PyUnicodeWriter_WriteChar(&w, (Py_UCS4)ordinal) < 0)
                goto error;
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            char conv = *f == 'i' ? 'd' : *f;
            int n;
            const char *lm = longlongflag ? "ll" : longflag ? "l" : size_tflag ? "z" : "";
            if (precision >= 0)
                snprintf(fmt, sizeof fmt, "%%%s%s.%zd%s%c", left ? "-" : "", zeropad ? "0" : "", precision, lm, conv);
            else
                snprintf(fmt, sizeof fmt, "%%%s%s%s%c", left ? "-" : "", zeropad ? "0" : "", lm, conv);
            if (width > 0) {
                /* Put the width in the format after the flags. */
                char fmt2[48];
                const char *p = fmt + 1;
                size_t flags_len = strspn(p, "-0");
                snprintf(fmt2, sizeof fmt2, "%%%.*s%zd%s", (int)flags_len, p, width, p + flags_len);
                strcpy(fmt, fmt2);
            }
            if (conv == 'd') {
                if (longlongflag) n = snprintf(buf, sizeof buf, fmt, va_arg(va, long long));
                else if (longflag) n = snprintf(buf, sizeof buf, fmt, va_arg(va, long));
                else if (size_tflag) n = snprintf(buf, sizeof buf, fmt, va_arg(va, Py_ssize_t));
                else n = snprintf(buf, sizeof buf, fmt, va_arg(va, int));
            } else {
                if (longlongflag) n = snprintf(buf, sizeof buf, fmt, va_arg(va, unsigned long long));
                else if (longflag) n = snprintf(buf, sizeof buf, fmt, va_arg(va, unsigned long));
                else if (size_tflag) n = snprintf(buf, sizeof buf, fmt, va_arg(va, size_t));
                else n = snprintf(buf, sizeof buf, fmt, va_arg(va, unsigned int));
            }
            if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0)
                goto error;
            break;
        }
        case 'p': {
            int n = snprintf(buf, sizeof buf, "%p", va_arg(va, void *));
            if (buf[1] == 'X')
                buf[1] = 'x';
            else if (buf[1] != 'x') {
                memmove(buf + 2, buf, n + 1);
                buf[0] = '0';
                buf[1] = 'x';
                n += 2;
            }
            if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0)
                goto error;
            break;
        }
        case 's': {
            const char *s = va_arg(va, const char *);
            Py_ssize_t len = 0;
            if (precision < 0)
                len = (Py_ssize_t)strlen(s);
            else
                while (len < precision && s[len])
                    len++;
            PyObject *str = PyUnicode_DecodeUTF8Stateful(s, len, "replace", NULL);
            if (str == NULL)
                goto error;
            int r = write_padded(&w, str, width, -1, left);
            Py_DECREF(str);
            if (r < 0)
                goto error;
            break;
        }
        case 'U': {
            PyObject *obj = va_arg(va, PyObject *);
            if (write_padded(&w, obj, width, precision, left) < 0)
                goto error;
            break;
        }
        case 'V': {
            PyObject *obj = va_arg(va, PyObject *);
            const char *str = va_arg(va, const char *);
            if (obj != NULL) {
                if (write_padded(&w, obj, width, precision, left) < 0)
                    goto error;
            } else {
                PyObject *s = PyUnicode_DecodeUTF8Stateful(str, (Py_ssize_t)strlen(str), "replace", NULL);
                if (s == NULL)
                    goto error;
                int r = write_padded(&w, s, width, precision, left);
                Py_DECREF(s);
                if (r < 0)
                    goto error;
            }
            break;
        }
        case 'S': case 'R': case 'A': {
            PyObject *obj = va_arg(va, PyObject *);
            PyObject *s = *f == 'S' ? PyObject_Str(obj) : *f == 'R' ? PyObject_Repr(obj) : PyObject_ASCII(obj);
            if (s == NULL)
                goto error;
            int r = write_padded(&w, s, width, precision, left);
            Py_DECREF(s);
            if (r < 0)
                goto error;
            break;
        }
        default:
            /* Unknown: copy the rest of the format string verbatim, as CPython. */
            if (_PyUnicodeWriter_WriteASCIIString(&w, start, (Py_ssize_t)strlen(start)) < 0)
                goto error;
            va_end(va);
            return _PyUnicodeWriter_Finish(&w);
        }
        f++;
    }
    va_end(va);
    return _PyUnicodeWriter_Finish(&w);
error:
    va_end(va);
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

PyObject *PyUnicode_FromFormat(const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *ret = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    return ret;
}

PyObject *PyUnicode_FromObject(PyObject *obj)
{
    if (PyUnicode_CheckExact(obj))
        return Py_NewRef(obj);
    if (PyUnicode_Check(obj))
        return _PyUnicode_Copy(obj);
    PyErr_Format(PyExc_TypeError, "Can't convert '%.100s' object to str implicitly", Py_TYPE(obj)->tp_name);
    return NULL;
}

/* ==== hashing and comparison ==== */

static Py_hash_t unicode_hash(PyObject *self)
{
    PyUnicodeObject *op = U(self);
    if (op->hash != -1)
        return op->hash;
    Py_hash_t x = _Py_HashBytes(op->data, op->length * op->state.kind);
    op->hash = x;
    return x;
}

static int unicode_compare(PyObject *a, PyObject *b)
{
    int ka = PyUnicode_KIND(a), kb = PyUnicode_KIND(b);
    const void *da = PyUnicode_DATA(a), *db = PyUnicode_DATA(b);
    Py_ssize_t la = PyUnicode_GET_LENGTH(a), lb = PyUnicode_GET_LENGTH(b);
    Py_ssize_t n = Py_MIN(la, lb);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, n);
        if (c != 0)
            return c < 0 ? -1 : 1;
    } else {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c1 = PyUnicode_READ(ka, da, i), c2 = PyUnicode_READ(kb, db, i);
            if (c1 != c2)
                return c1 < c2 ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb;
}

static int unicode_eq(PyObject *a, PyObject *b)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(a);
    if (len != PyUnicode_GET_LENGTH(b))
        return 0;
    if (len == 0)
        return 1;
    int ka = PyUnicode_KIND(a);
    if (ka != PyUnicode_KIND(b))
        return 0;   /* canonical forms: different kinds never hold equal strings */
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)len * ka) == 0;
}

int _PyUnicode_EQ(PyObject *a, PyObject *b) { return unicode_eq(a, b); }
int _PyUnicode_Equal(PyObject *a, PyObject *b) { return a == b || unicode_eq(a, b); }

int PyUnicode_Compare(PyObject *left, PyObject *right)
{
    if (PyUnicode_Check(left) && PyUnicode_Check(right))
        return left == right ? 0 : unicode_compare(left, right);
    PyErr_Format(PyExc_TypeError, "Can't compare %.100s and %.100s", Py_TYPE(left)->tp_name,
                 Py_TYPE(right)->tp_name);
    return -1;
}

int PyUnicode_CompareWithASCIIString(PyObject *uni, const char *str)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(uni), i;
    for (i = 0; i < len && str[i]; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(uni, i);
        if (c != (unsigned char)str[i])
            return c < (unsigned char)str[i] ? -1 : 1;
    }
    if (i < len)
        return 1;
    return str[i] ? -1 : 0;
}

int _PyUnicode_EqualToASCIIString(PyObject *unicode, const char *str)
{
    if (!PyUnicode_IS_ASCII(unicode))
        return 0;
    size_t len = (size_t)PyUnicode_GET_LENGTH(unicode);
    return strlen(str) == len && memcmp(PyUnicode_DATA(unicode), str, len) == 0;
}

int _PyUnicode_EqualToASCIIId(PyObject *left, _Py_Identifier *right)
{
    return _PyUnicode_EqualToASCIIString(left, right->string);
}

PyObject *PyUnicode_RichCompare(PyObject *left, PyObject *right, int op)
{
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    if (left == right) {
        switch (op) {
        case Py_EQ: case Py_LE: case Py_GE: Py_RETURN_TRUE;
        default: Py_RETURN_FALSE;
        }
    }
    if (op == Py_EQ || op == Py_NE) {
        int eq = unicode_eq(left, right);
        return PyBool_FromLong(op == Py_EQ ? eq : !eq);
    }
    int c = unicode_compare(left, right);
    Py_RETURN_RICHCOMPARE(c, 0, op);
}

/* ==== repr ==== */

PyObject *_PyUnicode_Repr(PyObject *unicode)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    int squote = 0, dquote = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch == '\'') squote++;
        else if (ch == '"') dquote++;
    }
    Py_UCS4 quote = (squote && !dquote) ? '"' : '\'';
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = len + 2;
    if (_PyUnicodeWriter_WriteChar(&w, quote) < 0)
        goto error;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        char buf[16];
        if (ch == quote || ch == '\\') {
            buf[0] = '\\';
            buf[1] = (char)ch;
            if (_PyUnicodeWriter_WriteASCIIString(&w, buf, 2) < 0)
                goto error;
        } else if (ch == '\t' || ch == '\n' || ch == '\r') {
            buf[0] = '\\';
            buf[1] = ch == '\t' ? 't' : ch == '\n' ? 'n' : 'r';
            if (_PyUnicodeWriter_WriteASCIIString(&w, buf, 2) < 0)
                goto error;
        } else if (ch < ' ' || ch == 0x7f) {
            int n = snprintf(buf, sizeof buf, "\\x%02x", ch);
            if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0)
                goto error;
        } else if (ch < 0x7f) {
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto error;
        } else if (Py_UNICODE_ISPRINTABLE(ch)) {
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto error;
        } else {
            int n = ch <= 0xff ? snprintf(buf, sizeof buf, "\\x%02x", ch)
                  : ch <= 0xffff ? snprintf(buf, sizeof buf, "\\u%04x", ch)
                                 : snprintf(buf, sizeof buf, "\\U%08x", ch);
            if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0)
                goto error;
        }
    }
    if (_PyUnicodeWriter_WriteChar(&w, quote) < 0)
        goto error;
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *unicode_repr(PyObject *self) { return _PyUnicode_Repr(self); }

static PyObject *unicode_str(PyObject *self) { return unicode_result_exact(self); }

/* ==== concatenation, repetition, indexing ==== */

PyObject *PyUnicode_Concat(PyObject *left, PyObject *right)
{
    if (!PyUnicode_Check(left)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(left)->tp_name);
        return NULL;
    }
    if (!PyUnicode_Check(right)) {
        PyErr_Format(PyExc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                     Py_TYPE(right)->tp_name);
        return NULL;
    }
    Py_ssize_t ll = PyUnicode_GET_LENGTH(left), rl = PyUnicode_GET_LENGTH(right);
    if (ll == 0)
        return unicode_result_exact(right);
    if (rl == 0)
        return unicode_result_exact(left);
    if (ll > PY_SSIZE_T_MAX - rl) {
        PyErr_SetString(PyExc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(left), PyUnicode_MAX_CHAR_VALUE(right));
    PyObject *result = PyUnicode_New(ll + rl, maxchar);
    if (result == NULL)
        return NULL;
    _PyUnicode_FastCopyCharacters(result, 0, left, 0, ll);
    _PyUnicode_FastCopyCharacters(result, ll, right, 0, rl);
    return result;
}

void PyUnicode_Append(PyObject **p_left, PyObject *right)
{
    PyObject *left = *p_left;
    if (left == NULL)
        return;
    if (right == NULL) {
        Py_CLEAR(*p_left);
        return;
    }
    /* In place when nobody else can see `left` (the `s += t` loop case). */
    if (PyUnicode_CheckExact(left) && PyUnicode_Check(right) && Py_REFCNT(left) == 1 &&
        left != unicode_empty && !U(left)->state.interned && U(left)->state.compact &&
        PyUnicode_KIND(right) <= PyUnicode_KIND(left) &&
        (PyUnicode_IS_ASCII(left) ? PyUnicode_IS_ASCII(right) : 1) &&
        (U(left)->utf8 == NULL || U(left)->utf8 == (char *)U(left)->data)) {
        Py_ssize_t ll = PyUnicode_GET_LENGTH(left), rl = PyUnicode_GET_LENGTH(right);
        int kind = PyUnicode_KIND(left);
        if (rl == 0)
            return;
        if (ll <= (PY_SSIZE_T_MAX - (Py_ssize_t)sizeof(PyUnicodeObject)) / kind - rl - 1) {
            PyUnicodeObject *op = PyObject_Realloc(left, sizeof(PyUnicodeObject) + (size_t)(ll + rl + 1) * kind);
            if (op == NULL) {
                PyErr_NoMemory();
                Py_CLEAR(*p_left);   /* the old block is still valid: release it */
                return;
            }
            op->data = op + 1;
            if (op->utf8 != NULL)
                op->utf8 = op->data;
            op->length = ll + rl;
            op->utf8_length = op->state.ascii ? ll + rl : 0;
            op->hash = -1;
            *p_left = (PyObject *)op;
            _PyUnicode_FastCopyCharacters((PyObject *)op, ll, right, 0, rl);
            PyUnicode_WRITE(kind, op->data, ll + rl, 0);
            return;
        }
    }
    PyObject *res = PyUnicode_Concat(left, right);
    Py_DECREF(left);
    *p_left = res;
}

void PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right)
{
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

static Py_ssize_t unicode_length(PyObject *self) { return PyUnicode_GET_LENGTH(self); }

static PyObject *unicode_getitem(PyObject *self, Py_ssize_t index)
{
    if (index < 0 || index >= PyUnicode_GET_LENGTH(self)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return NULL;
    }
    Py_UCS4 ch = PyUnicode_READ_CHAR(self, index);
    if (ch < 256)
        return _PyUnicode_Latin1Char(ch);
    PyObject *res = PyUnicode_New(1, ch);
    if (res != NULL)
        PyUnicode_WRITE(PyUnicode_KIND(res), PyUnicode_DATA(res), 0, ch);
    return res;
}

static PyObject *unicode_subscript(PyObject *self, PyObject *item)
{
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += PyUnicode_GET_LENGTH(self);
        return unicode_getitem(self, i);
    }
    if (PySlice_Check(item)) {
        Py_ssize_t start, stop, step, slicelength;
        if (PySlice_Unpack(item, &start, &stop, &step) < 0)
            return NULL;
        slicelength = PySlice_AdjustIndices(PyUnicode_GET_LENGTH(self), &start, &stop, step);
        if (slicelength <= 0)
            return get_empty();
        if (step == 1)
            return PyUnicode_Substring(self, start, start + slicelength);
        int kind = PyUnicode_KIND(self);
        const void *src = PyUnicode_DATA(self);
        Py_UCS4 maxchar = 0;
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur = (Py_ssize_t)((size_t)cur + (size_t)step), i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, src, cur);
            if (ch > maxchar)
                maxchar = ch;
        }
        PyObject *result = PyUnicode_New(slicelength, maxchar);
        if (result == NULL)
            return NULL;
        for (Py_ssize_t cur = start, i = 0; i < slicelength; cur = (Py_ssize_t)((size_t)cur + (size_t)step), i++)
            PyUnicode_WRITE(PyUnicode_KIND(result), PyUnicode_DATA(result), i, PyUnicode_READ(kind, src, cur));
        return result;
    }
    PyErr_Format(PyExc_TypeError, "string indices must be integers, not '%.200s'", Py_TYPE(item)->tp_name);
    return NULL;
}

static PyObject *unicode_repeat(PyObject *str, Py_ssize_t len)
{
    if (len < 1)
        return get_empty();
    if (len == 1)
        return unicode_result_exact(str);
    Py_ssize_t slen = PyUnicode_GET_LENGTH(str);
    if (slen == 0)
        return get_empty();
    if (slen > PY_SSIZE_T_MAX / len) {
        PyErr_SetString(PyExc_OverflowError, "repeated string is too long");
        return NULL;
    }
    Py_ssize_t nchars = len * slen;
    PyObject *u = PyUnicode_New(nchars, PyUnicode_MAX_CHAR_VALUE(str));
    if (u == NULL)
        return NULL;
    int kind = PyUnicode_KIND(u);
    size_t unit = (size_t)slen * kind;
    char *to = PyUnicode_DATA(u);
    memcpy(to, PyUnicode_DATA(str), unit);
    /* Doubling copies. */
    size_t done = unit, total = (size_t)nchars * kind;
    while (done < total) {
        size_t n = Py_MIN(done, total - done);
        memcpy(to + done, to, n);
        done += n;
    }
    return u;
}

/* ==== searching ==== */

/* Index of needle in haystack[start:end], or -1; direction > 0 forward. */
static Py_ssize_t find_sub(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len1 = PyUnicode_GET_LENGTH(str), len2 = PyUnicode_GET_LENGTH(sub);
    if (end > len1) end = len1;
    if (end < 0) { end += len1; if (end < 0) end = 0; }
    if (start < 0) { start += len1; if (start < 0) start = 0; }
    if (end - start < len2)
        return -1;
    if (len2 == 0)
        return direction > 0 ? start : end;
    int k1 = PyUnicode_KIND(str), k2 = PyUnicode_KIND(sub);
    if (k2 > k1)
        return -1;
    const void *d1 = PyUnicode_DATA(str), *d2 = PyUnicode_DATA(sub);
    if (k1 == 1 && direction > 0) {
        const char *hay = (const char *)d1 + start;
        const char *p = memmem(hay, end - start, d2, len2);
        return p ? start + (p - hay) : -1;
    }
    Py_UCS4 first = PyUnicode_READ(k2, d2, 0);
    if (direction > 0) {
        for (Py_ssize_t i = start; i <= end - len2; i++) {
            if (PyUnicode_READ(k1, d1, i) != first)
                continue;
            Py_ssize_t j = 1;
            while (j < len2 && PyUnicode_READ(k1, d1, i + j) == PyUnicode_READ(k2, d2, j))
                j++;
            if (j == len2)
                return i;
        }
    } else {
        for (Py_ssize_t i = end - len2; i >= start; i--) {
            if (PyUnicode_READ(k1, d1, i) != first)
                continue;
            Py_ssize_t j = 1;
            while (j < len2 && PyUnicode_READ(k1, d1, i + j) == PyUnicode_READ(k2, d2, j))
                j++;
            if (j == len2)
                return i;
        }
    }
    return -1;
}

static Py_ssize_t count_sub(PyObject *str, PyObject *sub, Py_ssize_t start, Py_ssize_t end, Py_ssize_t maxcount)
{
    Py_ssize_t len1 = PyUnicode_GET_LENGTH(str), len2 = PyUnicode_GET_LENGTH(sub);
    if (end > len1) end = len1;
    if (end < 0) { end += len1; if (end < 0) end = 0; }
    if (start < 0) { start += len1; if (start < 0) start = 0; }
    if (end - start < len2)
        return 0;
    if (len2 == 0)
        return Py_MIN(end - start + 1, maxcount);
    Py_ssize_t count = 0;
    while (count < maxcount) {
        Py_ssize_t pos = find_sub(str, sub, start, end, 1);
        if (pos < 0)
            break;
        count++;
        start = pos + len2;
    }
    return count;
}

Py_ssize_t PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadArgument();
        return -2;
    }
    return find_sub(str, substr, start, end, direction);
}

Py_ssize_t PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (end > len) end = len;
    if (start < 0) start = 0;
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    if (direction > 0) {
        for (Py_ssize_t i = start; i < end; i++)
            if (PyUnicode_READ(kind, data, i) == ch)
                return i;
    } else {
        for (Py_ssize_t i = end - 1; i >= start; i--)
            if (PyUnicode_READ(kind, data, i) == ch)
                return i;
    }
    return -1;
}

Py_ssize_t PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadArgument();
        return -1;
    }
    return count_sub(str, substr, start, end, PY_SSIZE_T_MAX);
}

int PyUnicode_Contains(PyObject *str, PyObject *substr)
{
    if (!PyUnicode_Check(substr)) {
        PyErr_Format(PyExc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                     Py_TYPE(substr)->tp_name);
        return -1;
    }
    if (!PyUnicode_Check(str)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(str)->tp_name);
        return -1;
    }
    return find_sub(str, substr, 0, PY_SSIZE_T_MAX, 1) >= 0;
}

static int tailmatch(PyObject *self, PyObject *substring, Py_ssize_t start, Py_ssize_t end, int direction)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), sublen = PyUnicode_GET_LENGTH(substring);
    if (end > len) end = len;
    if (end < 0) { end += len; if (end < 0) end = 0; }
    if (start < 0) { start += len; if (start < 0) start = 0; }
    if (start > len)
        return 0;
    end -= sublen;
    if (end < start)
        return 0;
    Py_ssize_t offset = direction > 0 ? end : start;
    for (Py_ssize_t i = 0; i < sublen; i++)
        if (PyUnicode_READ_CHAR(self, offset + i) != PyUnicode_READ_CHAR(substring, i))
            return 0;
    return 1;
}

Py_ssize_t PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction)
{
    if (!PyUnicode_Check(str) || !PyUnicode_Check(substr)) {
        PyErr_BadArgument();
        return -1;
    }
    return tailmatch(str, substr, start, end, direction);
}

/* Convert a slice bound argument (int, None or __index__). */
static int slice_index(PyObject *v, Py_ssize_t *pi)
{
    if (v == NULL || v == Py_None)
        return 1;
    if (!PyIndex_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return 0;
    }
    Py_ssize_t x = PyNumber_AsSsize_t(v, NULL);
    if (x == -1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return 0;
        PyErr_Clear();
        x = _PyLong_Sign(v) < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
    }
    *pi = x;
    return 1;
}

/* Parse (sub[, start[, end]]) for find/count/index/startswith... */
static int parse_find_args(const char *name, PyObject *const *args, Py_ssize_t nargs, PyObject **sub,
                           Py_ssize_t *start, Py_ssize_t *end)
{
    if (nargs < 1 || nargs > 3) {
        if (nargs < 1)
            PyErr_Format(PyExc_TypeError, "%s() takes at least 1 argument (%zd given)", name, nargs);
        else
            PyErr_Format(PyExc_TypeError, "%s() takes at most 3 arguments (%zd given)", name, nargs);
        return 0;
    }
    *sub = args[0];
    *start = 0;
    *end = PY_SSIZE_T_MAX;
    if (nargs > 1 && !slice_index(args[1], start))
        return 0;
    if (nargs > 2 && !slice_index(args[2], end))
        return 0;
    return 1;
}

static int need_str(PyObject *o)
{
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(o)->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *unicode_find_impl(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                   const char *name, int direction, int raise)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_find_args(name, args, nargs, &sub, &start, &end) || !need_str(sub))
        return NULL;
    Py_ssize_t r = find_sub(self, sub, start, end, direction);
    if (r == -1 && raise) {
        PyErr_SetString(PyExc_ValueError, "substring not found");
        return NULL;
    }
    return PyLong_FromSsize_t(r);
}

static PyObject *unicode_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return unicode_find_impl(self, args, nargs, "find", 1, 0); }
static PyObject *unicode_rfind(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return unicode_find_impl(self, args, nargs, "rfind", -1, 0); }
static PyObject *unicode_index(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return unicode_find_impl(self, args, nargs, "index", 1, 1); }
static PyObject *unicode_rindex(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return unicode_find_impl(self, args, nargs, "rindex", -1, 1); }

static PyObject *unicode_count(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *sub;
    Py_ssize_t start, end;
    if (!parse_find_args("count", args, nargs, &sub, &start, &end) || !need_str(sub))
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_ssize_t s = start, e = end;
    if (e > len) e = len;
    if (e < 0) { e += len; if (e < 0) e = 0; }
    if (s < 0) { s += len; if (s < 0) s = 0; }
    if (s > len)
        return PyLong_FromLong(0);
    return PyLong_FromSsize_t(count_sub(self, sub, start, end, PY_SSIZE_T_MAX));
}

static PyObject *tailmatch_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                  const char *name, int direction)
{
    PyObject *subobj;
    Py_ssize_t start, end;
    if (!parse_find_args(name, args, nargs, &subobj, &start, &end))
        return NULL;
    if (PyTuple_Check(subobj)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(subobj); i++) {
            PyObject *substring = PyTuple_GET_ITEM(subobj, i);
            if (!PyUnicode_Check(substring)) {
                PyErr_Format(PyExc_TypeError, "tuple for %s must only contain str, not %.100s", name,
                             Py_TYPE(substring)->tp_name);
                return NULL;
            }
            if (tailmatch(self, substring, start, end, direction))
                Py_RETURN_TRUE;
        }
        Py_RETURN_FALSE;
    }
    if (!PyUnicode_Check(subobj)) {
        PyErr_Format(PyExc_TypeError, "%s first arg must be str or a tuple of str, not %.100s", name,
                     Py_TYPE(subobj)->tp_name);
        return NULL;
    }
    return PyBool_FromLong(tailmatch(self, subobj, start, end, direction));
}

static PyObject *unicode_startswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return tailmatch_method(self, args, nargs, "startswith", -1); }
static PyObject *unicode_endswith(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return tailmatch_method(self, args, nargs, "endswith", 1); }

static int unicode_contains(PyObject *self, PyObject *sub) { return PyUnicode_Contains(self, sub); }

/* ==== replace ==== */

PyObject *PyUnicode_Replace(PyObject *self, PyObject *str1, PyObject *str2, Py_ssize_t maxcount)
{
    if (!need_str(self) || !need_str(str1) || !need_str(str2))
        return NULL;
    if (maxcount < 0)
        maxcount = PY_SSIZE_T_MAX;
    Py_ssize_t slen = PyUnicode_GET_LENGTH(self), len1 = PyUnicode_GET_LENGTH(str1);
    if (maxcount == 0 || slen < len1)
        return unicode_result_exact(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = slen;
    Py_ssize_t pos = 0, count = 0;
    if (len1 == 0) {
        /* Insert str2 before every char and at the end. */
        for (Py_ssize_t i = 0; i <= slen; i++) {
            if (count < maxcount) {
                if (_PyUnicodeWriter_WriteStr(&w, str2) < 0)
                    goto error;
                count++;
            }
            if (i < slen && _PyUnicodeWriter_WriteSubstring(&w, self, i, i + 1) < 0)
                goto error;
        }
        return _PyUnicodeWriter_Finish(&w);
    }
    while (count < maxcount) {
        Py_ssize_t found = find_sub(self, str1, pos, slen, 1);
        if (found < 0)
            break;
        if (_PyUnicodeWriter_WriteSubstring(&w, self, pos, found) < 0 || _PyUnicodeWriter_WriteStr(&w, str2) < 0)
            goto error;
        pos = found + len1;
        count++;
    }
    if (count == 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return unicode_result_exact(self);
    }
    if (_PyUnicodeWriter_WriteSubstring(&w, self, pos, slen) < 0)
        goto error;
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *unicode_replace(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "", "count", NULL};
    PyObject *old, *new;
    Py_ssize_t count = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "UU|n:replace", kwlist, &old, &new, &count))
        return NULL;
    return PyUnicode_Replace(self, old, new, count);
}

static PyObject *unicode_removeprefix(PyObject *self, PyObject *prefix)
{
    if (!PyUnicode_Check(prefix)) {
        PyErr_Format(PyExc_TypeError, "removeprefix() argument must be str, not %.50s", Py_TYPE(prefix)->tp_name);
        return NULL;
    }
    if (tailmatch(self, prefix, 0, PY_SSIZE_T_MAX, -1))
        return PyUnicode_Substring(self, PyUnicode_GET_LENGTH(prefix), PyUnicode_GET_LENGTH(self));
    return unicode_result_exact(self);
}

static PyObject *unicode_removesuffix(PyObject *self, PyObject *suffix)
{
    if (!PyUnicode_Check(suffix)) {
        PyErr_Format(PyExc_TypeError, "removesuffix() argument must be str, not %.50s", Py_TYPE(suffix)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(suffix) && tailmatch(self, suffix, 0, PY_SSIZE_T_MAX, 1))
        return PyUnicode_Substring(self, 0, PyUnicode_GET_LENGTH(self) - PyUnicode_GET_LENGTH(suffix));
    return unicode_result_exact(self);
}

/* ==== split, join, partition, strip ==== */

static int list_append_sub(PyObject *list, PyObject *str, Py_ssize_t i, Py_ssize_t j)
{
    PyObject *sub = PyUnicode_Substring(str, i, j);
    if (sub == NULL)
        return -1;
    int r = PyList_Append(list, sub);
    Py_DECREF(sub);
    return r;
}

static PyObject *split_impl(PyObject *self, PyObject *sep, Py_ssize_t maxsplit, int reverse)
{
    if (maxsplit < 0)
        maxsplit = PY_SSIZE_T_MAX;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (sep == NULL || sep == Py_None) {
        if (!reverse) {
            Py_ssize_t i = 0;
            while (maxsplit-- > 0) {
                while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                    i++;
                if (i == len)
                    break;
                Py_ssize_t j = i;
                while (i < len && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                    i++;
                if (list_append_sub(list, self, j, i) < 0)
                    goto error;
            }
            while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i++;
            if (i != len && list_append_sub(list, self, i, len) < 0)
                goto error;
        } else {
            Py_ssize_t i = len - 1;
            while (maxsplit-- > 0) {
                while (i >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                    i--;
                if (i < 0)
                    break;
                Py_ssize_t j = i;
                while (i >= 0 && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                    i--;
                if (list_append_sub(list, self, i + 1, j + 1) < 0)
                    goto error;
            }
            while (i >= 0 && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i--;
            if (i >= 0 && list_append_sub(list, self, 0, i + 1) < 0)
                goto error;
            if (PyList_Reverse(list) < 0)
                goto error;
        }
        return list;
    }
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str or None, not %.100s", Py_TYPE(sep)->tp_name);
        goto error;
    }
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        goto error;
    }
    if (!reverse) {
        Py_ssize_t i = 0;
        while (maxsplit-- > 0) {
            Py_ssize_t pos = find_sub(self, sep, i, len, 1);
            if (pos < 0)
                break;
            if (list_append_sub(list, self, i, pos) < 0)
                goto error;
            i = pos + seplen;
        }
        if (list_append_sub(list, self, i, len) < 0)
            goto error;
    } else {
        Py_ssize_t j = len;
        while (maxsplit-- > 0) {
            Py_ssize_t pos = find_sub(self, sep, 0, j, -1);
            if (pos < 0)
                break;
            if (list_append_sub(list, self, pos + seplen, j) < 0)
                goto error;
            j = pos;
        }
        if (list_append_sub(list, self, 0, j) < 0)
            goto error;
        if (PyList_Reverse(list) < 0)
            goto error;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit) { return split_impl(s, sep, maxsplit, 0); }
PyObject *PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit) { return split_impl(s, sep, maxsplit, 1); }

static PyObject *unicode_split(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sep", "maxsplit", NULL};
    PyObject *sep = Py_None;
    Py_ssize_t maxsplit = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|On:split", kwlist, &sep, &maxsplit))
        return NULL;
    return split_impl(self, sep, maxsplit, 0);
}

static PyObject *unicode_rsplit(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sep", "maxsplit", NULL};
    PyObject *sep = Py_None;
    Py_ssize_t maxsplit = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|On:rsplit", kwlist, &sep, &maxsplit))
        return NULL;
    return split_impl(self, sep, maxsplit, 1);
}

/* replace/split/rsplit are METH_FASTCALL|METH_KEYWORDS: the common positional call with
 * str arguments and a small exact int count needs no argument tuple and no format parser;
 * anything else (keywords, other types, wrong counts) goes through the tuple+dict parser
 * above, so its conversions and error messages stay exactly getargs'. */
static PyObject *call_with_tuple(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                 PyObject *kwnames,
                                 PyObject *(*impl)(PyObject *, PyObject *, PyObject *))
{
    PyObject *tuple = _PyTuple_FromArray(args, nargs), *kwargs = NULL, *res = NULL;
    if (tuple == NULL)
        return NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        kwargs = _PyStack_AsDict(args + nargs, kwnames);
        if (kwargs == NULL)
            goto done;
    }
    res = impl(self, tuple, kwargs);
done:
    Py_DECREF(tuple);
    Py_XDECREF(kwargs);
    return res;
}

/* A small exact int as a Py_ssize_t; 0 (no error set) when the fast path does not apply. */
static int small_index(PyObject *o, Py_ssize_t *out)
{
    if (!PyLong_CheckExact(o))
        return 0;
    int overflow;
    long v = PyLong_AsLongAndOverflow(o, &overflow);
    if (overflow || (v == -1 && PyErr_Occurred())) {
        PyErr_Clear();
        return 0;
    }
    *out = (Py_ssize_t)v;
    return 1;
}

static PyObject *unicode_replace_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                      PyObject *kwnames)
{
    Py_ssize_t count = -1;
    if ((kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) && (nargs == 2 || nargs == 3) &&
        PyUnicode_Check(args[0]) && PyUnicode_Check(args[1]) &&
        (nargs == 2 || small_index(args[2], &count)))
        return PyUnicode_Replace(self, args[0], args[1], count);
    /* 3.11's replace is positional-only (count= arrived in 3.13) */
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        PyErr_SetString(PyExc_TypeError, "str.replace() takes no keyword arguments");
        return NULL;
    }
    if (nargs < 2 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "replace expected %s %d arguments, got %zd",
                     nargs < 2 ? "at least" : "at most", nargs < 2 ? 2 : 3, nargs);
        return NULL;
    }
    return call_with_tuple(self, args, nargs, NULL, unicode_replace);
}

static PyObject *split_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames, int right)
{
    Py_ssize_t maxsplit = -1;
    if ((kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0) && nargs <= 2 &&
        (nargs < 2 || small_index(args[1], &maxsplit)))
        return split_impl(self, nargs > 0 ? args[0] : Py_None, maxsplit, right);
    return call_with_tuple(self, args, nargs, kwnames, right ? unicode_rsplit : unicode_split);
}

static PyObject *unicode_split_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    return split_fast(self, args, nargs, kwnames, 0);
}

static PyObject *unicode_rsplit_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                     PyObject *kwnames)
{
    return split_fast(self, args, nargs, kwnames, 1);
}

static int is_linebreak(Py_UCS4 ch)
{
    return ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f' || ch == 0x1c || ch == 0x1d || ch == 0x1e ||
           ch == 0x85 || ch == 0x2028 || ch == 0x2029;
}

PyObject *PyUnicode_Splitlines(PyObject *self, int keepends)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), i = 0;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    while (i < len) {
        Py_ssize_t j = i;
        while (i < len && !is_linebreak(PyUnicode_READ(kind, data, i)))
            i++;
        Py_ssize_t eol = i;
        if (i < len) {
            if (PyUnicode_READ(kind, data, i) == '\r' && i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n')
                i += 2;
            else
                i++;
            if (keepends)
                eol = i;
        }
        if (list_append_sub(list, self, j, eol) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyObject *unicode_splitlines(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"keepends", NULL};
    int keepends = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|p:splitlines", kwlist, &keepends))
        return NULL;
    return PyUnicode_Splitlines(self, keepends);
}

PyObject *_PyUnicode_JoinArray(PyObject *separator, PyObject *const *items, Py_ssize_t seqlen)
{
    if (seqlen == 0)
        return get_empty();
    if (seqlen == 1 && PyUnicode_CheckExact(items[0]))
        return Py_NewRef(items[0]);
    Py_ssize_t seplen = separator ? PyUnicode_GET_LENGTH(separator) : 0, sz = 0;
    Py_UCS4 maxchar = separator && seplen ? PyUnicode_MAX_CHAR_VALUE(separator) : 0;
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        PyObject *item = items[i];
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_TypeError, "sequence item %zd: expected str instance, %.80s found", i,
                         Py_TYPE(item)->tp_name);
            return NULL;
        }
        Py_ssize_t add = PyUnicode_GET_LENGTH(item) + (i ? seplen : 0);
        if (sz > PY_SSIZE_T_MAX - add) {
            PyErr_SetString(PyExc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
        sz += add;
        Py_UCS4 m = PyUnicode_MAX_CHAR_VALUE(item);
        if (m > maxchar)
            maxchar = m;
    }
    PyObject *res = PyUnicode_New(sz, maxchar);
    if (res == NULL)
        return NULL;
    Py_ssize_t pos = 0;
    for (Py_ssize_t i = 0; i < seqlen; i++) {
        if (i && seplen) {
            _PyUnicode_FastCopyCharacters(res, pos, separator, 0, seplen);
            pos += seplen;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(items[i]);
        _PyUnicode_FastCopyCharacters(res, pos, items[i], 0, n);
        pos += n;
    }
    return res;
}

PyObject *PyUnicode_Join(PyObject *separator, PyObject *seq)
{
    PyObject *fseq = PySequence_Fast(seq, "can only join an iterable");
    if (fseq == NULL)
        return NULL;
    PyObject *res = _PyUnicode_JoinArray(separator, PySequence_Fast_ITEMS(fseq), PySequence_Fast_GET_SIZE(fseq));
    Py_DECREF(fseq);
    return res;
}

static PyObject *unicode_join(PyObject *self, PyObject *iterable) { return PyUnicode_Join(self, iterable); }

static PyObject *partition_impl(PyObject *str, PyObject *sep, int reverse)
{
    if (!PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    Py_ssize_t seplen = PyUnicode_GET_LENGTH(sep), len = PyUnicode_GET_LENGTH(str);
    if (seplen == 0) {
        PyErr_SetString(PyExc_ValueError, "empty separator");
        return NULL;
    }
    Py_ssize_t pos = find_sub(str, sep, 0, len, reverse ? -1 : 1);
    PyObject *a, *b, *c;
    if (pos < 0) {
        PyObject *whole = unicode_result_exact(str);
        if (whole == NULL)
            return NULL;
        PyObject *res = reverse ? PyTuple_Pack(3, unicode_empty, unicode_empty, whole)
                                : PyTuple_Pack(3, whole, unicode_empty, unicode_empty);
        Py_DECREF(whole);
        return res;
    }
    a = PyUnicode_Substring(str, 0, pos);
    b = unicode_result_exact(sep);
    c = PyUnicode_Substring(str, pos + seplen, len);
    PyObject *res = (a && b && c) ? PyTuple_Pack(3, a, b, c) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    return res;
}

PyObject *PyUnicode_Partition(PyObject *s, PyObject *sep) { return partition_impl(s, sep, 0); }
PyObject *PyUnicode_RPartition(PyObject *s, PyObject *sep) { return partition_impl(s, sep, 1); }

#define LEFTSTRIP 0
#define RIGHTSTRIP 1
#define BOTHSTRIP 2

PyObject *_PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), i = 0, j = len;
    int kind = PyUnicode_KIND(self);
    const void *data = PyUnicode_DATA(self);
    if (sepobj == NULL || sepobj == Py_None) {
        if (striptype != RIGHTSTRIP)
            while (i < len && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
                i++;
        if (striptype != LEFTSTRIP)
            while (j > i && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, j - 1)))
                j--;
    } else {
        if (!PyUnicode_Check(sepobj)) {
            PyErr_Format(PyExc_TypeError, "%s arg must be None or str",
                         striptype == LEFTSTRIP ? "lstrip" : striptype == RIGHTSTRIP ? "rstrip" : "strip");
            return NULL;
        }
        if (striptype != RIGHTSTRIP)
            while (i < len && PyUnicode_FindChar(sepobj, PyUnicode_READ(kind, data, i), 0,
                                                 PyUnicode_GET_LENGTH(sepobj), 1) >= 0)
                i++;
        if (striptype != LEFTSTRIP)
            while (j > i && PyUnicode_FindChar(sepobj, PyUnicode_READ(kind, data, j - 1), 0,
                                               PyUnicode_GET_LENGTH(sepobj), 1) >= 0)
                j--;
    }
    return PyUnicode_Substring(self, i, j);
}

static PyObject *strip_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs, int type, const char *name)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "%s expected at most 1 argument, got %zd", name, nargs);
        return NULL;
    }
    return _PyUnicode_XStrip(self, type, nargs ? args[0] : NULL);
}

static PyObject *unicode_strip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return strip_method(self, args, nargs, BOTHSTRIP, "strip"); }
static PyObject *unicode_lstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return strip_method(self, args, nargs, LEFTSTRIP, "lstrip"); }
static PyObject *unicode_rstrip(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{ return strip_method(self, args, nargs, RIGHTSTRIP, "rstrip"); }

/* ==== padding ==== */

static PyObject *pad(PyObject *self, Py_ssize_t left, Py_ssize_t right, Py_UCS4 fill)
{
    if (left < 0) left = 0;
    if (right < 0) right = 0;
    if (left == 0 && right == 0)
        return unicode_result_exact(self);
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    Py_UCS4 maxchar = Py_MAX(PyUnicode_MAX_CHAR_VALUE(self), fill);
    PyObject *u = PyUnicode_New(left + len + right, maxchar);
    if (u == NULL)
        return NULL;
    int kind = PyUnicode_KIND(u);
    void *data = PyUnicode_DATA(u);
    for (Py_ssize_t i = 0; i < left; i++)
        PyUnicode_WRITE(kind, data, i, fill);
    _PyUnicode_FastCopyCharacters(u, left, self, 0, len);
    for (Py_ssize_t i = 0; i < right; i++)
        PyUnicode_WRITE(kind, data, left + len + i, fill);
    return u;
}

static int parse_fill(PyObject *const *args, Py_ssize_t nargs, const char *name, Py_ssize_t *width, Py_UCS4 *fill)
{
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got %zd", name, nargs);
        else
            PyErr_Format(PyExc_TypeError, "%s expected at most 2 arguments, got %zd", name, nargs);
        return 0;
    }
    if (!PyIndex_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer", Py_TYPE(args[0])->tp_name);
        return 0;
    }
    *width = PyNumber_AsSsize_t(args[0], PyExc_OverflowError);
    if (*width == -1 && PyErr_Occurred())
        return 0;
    *fill = ' ';
    if (nargs == 2) {
        if (!PyUnicode_Check(args[1])) {
            PyErr_Format(PyExc_TypeError, "%s() argument 2 must be str, not %.50s", name, Py_TYPE(args[1])->tp_name);
            return 0;
        }
        if (PyUnicode_GET_LENGTH(args[1]) != 1) {
            PyErr_SetString(PyExc_TypeError, "The fill character must be exactly one character long");
            return 0;
        }
        *fill = PyUnicode_READ_CHAR(args[1], 0);
    }
    return 1;
}

static PyObject *unicode_center(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_fill(args, nargs, "center", &width, &fill))
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len >= width)
        return unicode_result_exact(self);
    Py_ssize_t marg = width - len;
    Py_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static PyObject *unicode_ljust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_fill(args, nargs, "ljust", &width, &fill))
        return NULL;
    return pad(self, 0, width - PyUnicode_GET_LENGTH(self), fill);
}

static PyObject *unicode_rjust(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t width;
    Py_UCS4 fill;
    if (!parse_fill(args, nargs, "rjust", &width, &fill))
        return NULL;
    return pad(self, width - PyUnicode_GET_LENGTH(self), 0, fill);
}

static PyObject *unicode_zfill(PyObject *self, PyObject *arg)
{
    Py_ssize_t width = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (width == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len >= width)
        return unicode_result_exact(self);
    Py_ssize_t fill = width - len;
    PyObject *u = pad(self, fill, 0, '0');
    if (u == NULL)
        return NULL;
    Py_UCS4 c = PyUnicode_READ_CHAR(u, fill);
    if (c == '+' || c == '-') {
        /* Move the sign in front of the zeros. */
        PyUnicode_WRITE(PyUnicode_KIND(u), PyUnicode_DATA(u), 0, c);
        PyUnicode_WRITE(PyUnicode_KIND(u), PyUnicode_DATA(u), fill, '0');
    }
    return u;
}

static PyObject *unicode_expandtabs(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"tabsize", NULL};
    int tabsize = 8;
    PyObject *tabobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:expandtabs", kwlist, &tabobj))
        return NULL;
    if (tabobj != NULL && (tabsize = _PyLong_AsInt(tabobj)) == -1 && PyErr_Occurred())
        return NULL;   /* as 3.11's clinic int converter: its messages, not getargs' */
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), col = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(self, i);
        if (ch == '\t') {
            if (tabsize > 0) {
                Py_ssize_t incr = tabsize - (col % tabsize);
                col += incr;
                if (writer_fill(&w, ' ', incr) < 0)
                    goto error;
            }
        } else {
            col++;
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto error;
            if (ch == '\n' || ch == '\r')
                col = 0;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* ==== case mapping ==== */

static int is_cased_or_ignorable_before(PyObject *s, Py_ssize_t i)
{
    /* Final sigma: preceded by a cased letter (skipping case-ignorables). */
    Py_ssize_t j;
    for (j = i - 1; j >= 0; j--) {
        Py_UCS4 c = PyUnicode_READ_CHAR(s, j);
        if (!_PyUnicode_IsCaseIgnorable(c))
            break;
    }
    int final_sigma = j >= 0 && _PyUnicode_IsCased(PyUnicode_READ_CHAR(s, j));
    if (final_sigma) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(s);
        for (j = i + 1; j < len; j++) {
            Py_UCS4 c = PyUnicode_READ_CHAR(s, j);
            if (!_PyUnicode_IsCaseIgnorable(c))
                break;
        }
        final_sigma = j == len || !_PyUnicode_IsCased(PyUnicode_READ_CHAR(s, j));
    }
    return final_sigma;
}

static int lower_char(PyObject *s, Py_ssize_t i, Py_UCS4 c, Py_UCS4 *mapped)
{
    if (c == 0x3A3) {
        mapped[0] = is_cased_or_ignorable_before(s, i) ? 0x3C2 : 0x3C3;
        return 1;
    }
    return _PyUnicode_ToLowerFull(c, mapped);
}

typedef enum { CASE_LOWER, CASE_UPPER, CASE_TITLE, CASE_CAPITALIZE, CASE_SWAPCASE, CASE_FOLD } case_op;

static PyObject *case_map(PyObject *self, case_op op)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (PyUnicode_IS_ASCII(self)) {
        PyObject *res = PyUnicode_New(len, 127);
        if (res == NULL)
            return NULL;
        const Py_UCS1 *src = PyUnicode_1BYTE_DATA(self);
        Py_UCS1 *dst = PyUnicode_1BYTE_DATA(res);
        int previous_cased = 0;
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS1 c = src[i];
            switch (op) {
            case CASE_LOWER: case CASE_FOLD: c = (Py_UCS1)tolower(c); break;
            case CASE_UPPER: c = (Py_UCS1)toupper(c); break;
            case CASE_SWAPCASE: c = islower(c) ? (Py_UCS1)toupper(c) : (Py_UCS1)tolower(c); break;
            case CASE_CAPITALIZE: c = i == 0 ? (Py_UCS1)toupper(c) : (Py_UCS1)tolower(c); break;
            case CASE_TITLE:
                c = previous_cased ? (Py_UCS1)tolower(c) : (Py_UCS1)toupper(c);
                previous_cased = isalpha(c);
                break;
            }
            dst[i] = c;
        }
        return res;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = len;
    int previous_cased = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(self, i), mapped[3];
        int n;
        switch (op) {
        case CASE_LOWER: n = lower_char(self, i, c, mapped); break;
        case CASE_UPPER: n = _PyUnicode_ToUpperFull(c, mapped); break;
        case CASE_FOLD: n = _PyUnicode_ToFoldedFull(c, mapped); break;
        case CASE_SWAPCASE:
            if (_PyUnicode_IsUppercase(c))
                n = lower_char(self, i, c, mapped);
            else if (_PyUnicode_IsLowercase(c))
                n = _PyUnicode_ToUpperFull(c, mapped);
            else {
                mapped[0] = c;
                n = 1;
            }
            break;
        case CASE_CAPITALIZE:
            n = i == 0 ? _PyUnicode_ToTitleFull(c, mapped) : lower_char(self, i, c, mapped);
            break;
        default: /* CASE_TITLE */
            n = previous_cased ? lower_char(self, i, c, mapped) : _PyUnicode_ToTitleFull(c, mapped);
            previous_cased = _PyUnicode_IsCased(c);
            break;
        }
        for (int k = 0; k < n; k++)
            if (_PyUnicodeWriter_WriteChar(&w, mapped[k]) < 0) {
                _PyUnicodeWriter_Dealloc(&w);
                return NULL;
            }
    }
    return _PyUnicodeWriter_Finish(&w);
}

static PyObject *unicode_lower(PyObject *self, PyObject *Py_UNUSED(i)) { return case_map(self, CASE_LOWER); }
static PyObject *unicode_upper(PyObject *self, PyObject *Py_UNUSED(i)) { return case_map(self, CASE_UPPER); }
static PyObject *unicode_title(PyObject *self, PyObject *Py_UNUSED(i)) { return case_map(self, CASE_TITLE); }
static PyObject *unicode_capitalize(PyObject *self, PyObject *Py_UNUSED(i))
{
    if (PyUnicode_GET_LENGTH(self) == 0)
        return unicode_result_exact(self);
    return case_map(self, CASE_CAPITALIZE);
}
static PyObject *unicode_swapcase(PyObject *self, PyObject *Py_UNUSED(i)) { return case_map(self, CASE_SWAPCASE); }
static PyObject *unicode_casefold(PyObject *self, PyObject *Py_UNUSED(i)) { return case_map(self, CASE_FOLD); }

/* ==== predicates ==== */

#define PREDICATE(name, test, empty_result)                                  \
    static PyObject *unicode_##name(PyObject *self, PyObject *Py_UNUSED(i))  \
    {                                                                        \
        Py_ssize_t len = PyUnicode_GET_LENGTH(self);                         \
        if (len == 0)                                                        \
            return PyBool_FromLong(empty_result);                            \
        for (Py_ssize_t i = 0; i < len; i++) {                               \
            Py_UCS4 ch = PyUnicode_READ_CHAR(self, i);                       \
            if (!(test))                                                     \
                Py_RETURN_FALSE;                                             \
        }                                                                    \
        Py_RETURN_TRUE;                                                      \
    }

PREDICATE(isspace, Py_UNICODE_ISSPACE(ch), 0)
PREDICATE(isalpha, Py_UNICODE_ISALPHA(ch), 0)
PREDICATE(isalnum, Py_UNICODE_ISALNUM(ch), 0)
PREDICATE(isdecimal, Py_UNICODE_ISDECIMAL(ch), 0)
PREDICATE(isdigit, Py_UNICODE_ISDIGIT(ch), 0)
PREDICATE(isnumeric, Py_UNICODE_ISNUMERIC(ch), 0)
PREDICATE(isprintable, Py_UNICODE_ISPRINTABLE(ch), 1)

static PyObject *unicode_isascii(PyObject *self, PyObject *Py_UNUSED(i))
{
    return PyBool_FromLong(PyUnicode_IS_ASCII(self) || PyUnicode_GET_LENGTH(self) == 0);
}

static PyObject *unicode_islower(PyObject *self, PyObject *Py_UNUSED(i))
{
    int cased = 0;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(self); i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(self, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsLowercase(ch))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *unicode_isupper(PyObject *self, PyObject *Py_UNUSED(i))
{
    int cased = 0;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(self); i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(self, i);
        if (_PyUnicode_IsLowercase(ch) || _PyUnicode_IsTitlecase(ch))
            Py_RETURN_FALSE;
        if (!cased && _PyUnicode_IsUppercase(ch))
            cased = 1;
    }
    return PyBool_FromLong(cased);
}

static PyObject *unicode_istitle(PyObject *self, PyObject *Py_UNUSED(i))
{
    int cased = 0, previous_is_cased = 0;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(self); i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(self, i);
        if (_PyUnicode_IsUppercase(ch) || _PyUnicode_IsTitlecase(ch)) {
            if (previous_is_cased)
                Py_RETURN_FALSE;
            previous_is_cased = 1;
            cased = 1;
        } else if (_PyUnicode_IsLowercase(ch)) {
            if (!previous_is_cased)
                Py_RETURN_FALSE;
            previous_is_cased = 1;
            cased = 1;
        } else {
            previous_is_cased = 0;
        }
    }
    return PyBool_FromLong(cased);
}

Py_ssize_t _PyUnicode_ScanIdentifier(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    if (len == 0)
        return 0;
    Py_UCS4 ch = PyUnicode_READ_CHAR(self, 0);
    if (!_PyUnicode_IsXidStart(ch) && ch != '_')
        return 0;
    Py_ssize_t i;
    for (i = 1; i < len; i++)
        if (!_PyUnicode_IsXidContinue(PyUnicode_READ_CHAR(self, i)))
            break;
    return i;
}

int PyUnicode_IsIdentifier(PyObject *self)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(self);
    return len > 0 && _PyUnicode_ScanIdentifier(self) == len;
}

static PyObject *unicode_isidentifier(PyObject *self, PyObject *Py_UNUSED(i))
{
    return PyBool_FromLong(PyUnicode_IsIdentifier(self));
}

/* ==== encode, translate, maketrans ==== */

static PyObject *unicode_encode(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", NULL};
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ss:encode", kwlist, &encoding, &errors))
        return NULL;
    return PyUnicode_AsEncodedString(self, encoding, errors);
}

PyObject *PyUnicode_Translate(PyObject *str, PyObject *table, const char *errors)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    w.min_length = len;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(str, i);
        PyObject *key = PyLong_FromLong(ch);
        if (key == NULL)
            goto error;
        PyObject *item = PyObject_GetItem(table, key);
        Py_DECREF(key);
        if (item == NULL) {
            if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                PyErr_Clear();
                if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                    goto error;
                continue;
            }
            goto error;
        }
        int r = 0;
        if (item == Py_None) {
        } else if (PyLong_Check(item)) {
            long value = PyLong_AsLong(item);
            if (value == -1 && PyErr_Occurred())
                r = -1;
            else if (value < 0 || value > MAX_UNICODE) {
                PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
                r = -1;
            } else {
                r = _PyUnicodeWriter_WriteChar(&w, (Py_UCS4)value);
            }
        } else if (PyUnicode_Check(item)) {
            r = _PyUnicodeWriter_WriteStr(&w, item);
        } else {
            PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
            r = -1;
        }
        Py_DECREF(item);
        if (r < 0)
            goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *unicode_translate(PyObject *self, PyObject *table) { return PyUnicode_Translate(self, table, NULL); }

static PyObject *unicode_maketrans(PyObject *Py_UNUSED(null), PyObject *args)
{
    PyObject *x, *y = NULL, *z = NULL;
    if (!PyArg_ParseTuple(args, "O|UU:maketrans", &x, &y, &z))
        return NULL;
    PyObject *new = PyDict_New();
    if (new == NULL)
        return NULL;
    if (y != NULL) {
        if (!PyUnicode_Check(x)) {
            PyErr_SetString(PyExc_TypeError, "first maketrans argument must be a string if there is a second argument");
            goto error;
        }
        Py_ssize_t n = PyUnicode_GET_LENGTH(x);
        if (n != PyUnicode_GET_LENGTH(y)) {
            PyErr_SetString(PyExc_ValueError, "the first two maketrans arguments must have equal length");
            goto error;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *key = PyLong_FromLong(PyUnicode_READ_CHAR(x, i));
            PyObject *value = PyLong_FromLong(PyUnicode_READ_CHAR(y, i));
            int r = (key && value) ? PyDict_SetItem(new, key, value) : -1;
            Py_XDECREF(key);
            Py_XDECREF(value);
            if (r < 0)
                goto error;
        }
        if (z != NULL) {
            for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(z); i++) {
                PyObject *key = PyLong_FromLong(PyUnicode_READ_CHAR(z, i));
                int r = key ? PyDict_SetItem(new, key, Py_None) : -1;
                Py_XDECREF(key);
                if (r < 0)
                    goto error;
            }
        }
        return new;
    }
    if (!PyDict_CheckExact(x)) {
        PyErr_SetString(PyExc_TypeError, "if you give only one argument to maketrans it must be a dict");
        goto error;
    }
    Py_ssize_t i = 0;
    PyObject *key, *value;
    while (PyDict_Next(x, &i, &key, &value)) {
        PyObject *newkey;
        if (PyUnicode_Check(key)) {
            if (PyUnicode_GET_LENGTH(key) != 1) {
                PyErr_SetString(PyExc_ValueError, "string keys in translate table must be of length 1");
                goto error;
            }
            newkey = PyLong_FromLong(PyUnicode_READ_CHAR(key, 0));
        } else if (PyLong_Check(key)) {
            newkey = Py_NewRef(key);
        } else {
            PyErr_SetString(PyExc_TypeError, "keys in translate table must be strings or integers");
            goto error;
        }
        if (newkey == NULL)
            goto error;
        int r = PyDict_SetItem(new, newkey, value);
        Py_DECREF(newkey);
        if (r < 0)
            goto error;
    }
    return new;
error:
    Py_DECREF(new);
    return NULL;
}

/* ==== the format-spec mini-language ==== */

static int is_align(Py_UCS4 c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

int _PyUnicode_ParseFormatSpec(PyObject *obj, PyObject *format_spec, Py_ssize_t start, Py_ssize_t end,
                               _PyFormatSpec *format, char default_type, char default_align)
{
    Py_ssize_t pos = start;
    int kind = PyUnicode_KIND(format_spec);
    const void *data = PyUnicode_DATA(format_spec);
#define READ_spec(i) PyUnicode_READ(kind, data, i)
    int fill_char_specified = 0, align_specified = 0;
    format->fill_char = ' ';
    format->align = default_align;
    format->alternate = 0;
    format->no_neg_0 = 0;
    format->sign = '\0';
    format->width = -1;
    format->thousands_separators = 0;
    format->precision = -1;
    format->type = default_type;
    if (end - pos >= 2 && is_align(READ_spec(pos + 1))) {
        format->align = READ_spec(pos + 1);
        format->fill_char = READ_spec(pos);
        fill_char_specified = align_specified = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(READ_spec(pos))) {
        format->align = READ_spec(pos);
        align_specified = 1;
        pos++;
    }
    if (end - pos >= 1 && (READ_spec(pos) == '+' || READ_spec(pos) == '-' || READ_spec(pos) == ' ')) {
        format->sign = READ_spec(pos);
        pos++;
    }
    if (end - pos >= 1 && READ_spec(pos) == 'z') {
        format->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && READ_spec(pos) == '#') {
        format->alternate = 1;
        pos++;
    }
    if (!fill_char_specified && end - pos >= 1 && READ_spec(pos) == '0') {
        format->fill_char = '0';
        if (!align_specified && default_align == '>')
            format->align = '=';
        pos++;
    }
    /* width */
    Py_ssize_t digits_start = pos;
    Py_ssize_t width = 0;
    while (pos < end && READ_spec(pos) >= '0' && READ_spec(pos) <= '9') {
        if (width > (PY_SSIZE_T_MAX - 9) / 10) {
            PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        width = width * 10 + (READ_spec(pos) - '0');
        pos++;
    }
    if (pos > digits_start)
        format->width = width;
    if (end - pos >= 1 && READ_spec(pos) == ',') {
        format->thousands_separators = ',';
        pos++;
    }
    if (end - pos >= 1 && READ_spec(pos) == '_') {
        if (format->thousands_separators != 0) {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        format->thousands_separators = '_';
        pos++;
    }
    if (end - pos >= 1 && READ_spec(pos) == ',') {
        if (format->thousands_separators == '_') {
            PyErr_SetString(PyExc_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
        PyErr_SetString(PyExc_ValueError, "Cannot specify ',' with ','.");
        return -1;
    }
    if (end - pos >= 1 && READ_spec(pos) == '.') {
        pos++;
        Py_ssize_t pstart = pos, precision = 0;
        while (pos < end && READ_spec(pos) >= '0' && READ_spec(pos) <= '9') {
            if (precision > (PY_SSIZE_T_MAX - 9) / 10) {
                PyErr_SetString(PyExc_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            precision = precision * 10 + (READ_spec(pos) - '0');
            pos++;
        }
        if (pos == pstart) {
            PyErr_SetString(PyExc_ValueError, "Format specifier missing precision");
            return -1;
        }
        format->precision = precision;
    }
    if (end - pos > 1) {
        /* More than one char left: invalid. */
        PyObject *spec = PyUnicode_Substring(format_spec, start, end);
        if (spec != NULL) {
            PyErr_Format(PyExc_ValueError, "Invalid format specifier '%U' for object of type '%.200s'",
                         spec, Py_TYPE(obj)->tp_name);
            Py_DECREF(spec);
        }
        return -1;
    }
    if (end - pos == 1) {
        format->type = READ_spec(pos);
        pos++;
    }
    if (format->thousands_separators) {
        switch (format->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0':
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (format->thousands_separators == '_')
                break;
            /* fall through */
        default:
            if (format->type > 32 && format->type < 128)
                PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '%c'.",
                             (char)format->thousands_separators, (char)format->type);
            else
                PyErr_Format(PyExc_ValueError, "Cannot specify '%c' with '\\x%x'.",
                             (char)format->thousands_separators, (unsigned int)format->type);
            return -1;
        }
    }
#undef READ_spec
    return 0;
}

/* Write fill chars. */
static int write_fill(_PyUnicodeWriter *w, Py_UCS4 fill, Py_ssize_t n)
{
    return writer_fill(w, fill, n);
}

int _PyUnicode_FormatNumber(_PyUnicodeWriter *writer, const _PyFormatSpec *spec, int negative,
                            const char *prefix, const char *digits, Py_ssize_t ndigits, const char *suffix,
                            int group_digits)
{
    char signbuf[2] = {0, 0};
    if (negative)
        signbuf[0] = '-';
    else if (spec->sign == '+')
        signbuf[0] = '+';
    else if (spec->sign == ' ')
        signbuf[0] = ' ';
    Py_ssize_t nsign = signbuf[0] ? 1 : 0, nprefix = (Py_ssize_t)strlen(prefix), nsuffix = (Py_ssize_t)strlen(suffix);
    /* Leading run of decimal (or hex) digits gets grouped. */
    int is_hexlike = spec->type == 'x' || spec->type == 'X' || spec->type == 'b' || spec->type == 'o';
    Py_ssize_t nint = 0;
    while (nint < ndigits && (is_hexlike ? isxdigit((unsigned char)digits[nint]) : isdigit((unsigned char)digits[nint])))
        nint++;
    Py_UCS4 sep = group_digits ? spec->thousands_separators : 0;
    int groupsize = is_hexlike ? 4 : 3;
    Py_ssize_t rest = ndigits - nint;
    /* Zero padding with '=' alignment fills inside the grouped number. */
    Py_ssize_t intwidth = nint;
    if (sep)
        intwidth = nint + (nint > 0 ? (nint - 1) / groupsize : 0);
    Py_ssize_t zeros = 0;
    int zero_fill = spec->fill_char == '0' && spec->align == '=';
    if (zero_fill && spec->width > 0) {
        Py_ssize_t avail = spec->width - nsign - nprefix - rest - nsuffix;
        if (avail > intwidth) {
            if (sep) {
                /* Find the digit count whose grouped width reaches avail. */
                Py_ssize_t d = nint;
                while (d + (d - 1) / groupsize < avail)
                    d++;
                zeros = d - nint;
                intwidth = d + (d - 1) / groupsize;
            } else {
                zeros = avail - nint;
                intwidth = avail;
            }
        }
    }
    Py_ssize_t total = nsign + nprefix + intwidth + rest + nsuffix;
    Py_ssize_t padding = spec->width > total ? spec->width - total : 0;
    Py_UCS4 align = spec->align ? spec->align : '>';
    Py_ssize_t lpad = 0, rpad = 0, mpad = 0;
    if (!zero_fill || zeros == 0) {
        if (align == '<') rpad = padding;
        else if (align == '^') { lpad = padding / 2; rpad = padding - lpad; }
        else if (align == '=') mpad = padding;
        else lpad = padding;
    }
    /* One reservation for the whole field, so the writes below do not reallocate (ASCII:
     * a non-ASCII fill or separator widens the buffer when it is actually written). */
    if (_PyUnicodeWriter_Prepare(writer, lpad + total + rpad + mpad, 127) < 0)
        return -1;
    if (write_fill(writer, spec->fill_char, lpad) < 0)
        return -1;
    if (nsign && _PyUnicodeWriter_WriteASCIIString(writer, signbuf, 1) < 0)
        return -1;
    if (_PyUnicodeWriter_WriteASCIIString(writer, prefix, nprefix) < 0)
        return -1;
    if (write_fill(writer, spec->fill_char, mpad) < 0)
        return -1;
    /* Integer digits (with zero padding) and separators. */
    Py_ssize_t alld = nint + zeros;
    if (!sep) {
        if (write_fill(writer, '0', zeros) < 0 ||
            _PyUnicodeWriter_WriteASCIIString(writer, digits, nint) < 0)
            return -1;
        alld = 0;
    }
    for (Py_ssize_t i = 0; i < alld; i++) {
        char c = i < zeros ? '0' : digits[i - zeros];
        if (_PyUnicodeWriter_WriteChar(writer, (Py_UCS1)c) < 0)
            return -1;
        Py_ssize_t remaining = alld - 1 - i;
        if (sep && remaining > 0 && remaining % groupsize == 0)
            if (_PyUnicodeWriter_WriteChar(writer, sep) < 0)
                return -1;
    }
    if (_PyUnicodeWriter_WriteASCIIString(writer, digits + nint, rest) < 0)
        return -1;
    if (_PyUnicodeWriter_WriteASCIIString(writer, suffix, nsuffix) < 0)
        return -1;
    return write_fill(writer, spec->fill_char, rpad);
}

int _PyUnicode_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj, PyObject *format_spec,
                                    Py_ssize_t start, Py_ssize_t end)
{
    if (start == end) {
        /* an empty spec means str(obj): a subclass's __str__ counts */
        if (PyUnicode_CheckExact(obj))
            return _PyUnicodeWriter_WriteStr(writer, obj);
        PyObject *str = PyObject_Str(obj);
        if (str == NULL)
            return -1;
        int r = _PyUnicodeWriter_WriteStr(writer, str);
        Py_DECREF(str);
        return r;
    }
    _PyFormatSpec spec;
    if (_PyUnicode_ParseFormatSpec(obj, format_spec, start, end, &spec, 's', '<') < 0)
        return -1;
    if (spec.type != 's') {
        if (spec.type > 32 && spec.type < 128)
            PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                         (char)spec.type, Py_TYPE(obj)->tp_name);
        else
            PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                         (unsigned int)spec.type, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (spec.sign == ' ') {
        PyErr_SetString(PyExc_ValueError, "Space not allowed in string format specifier");
        return -1;
    }
    if (spec.sign) {
        PyErr_SetString(PyExc_ValueError, "Sign not allowed in string format specifier");
        return -1;
    }
    if (spec.no_neg_0) {
        PyErr_SetString(PyExc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return -1;
    }
    if (spec.alternate) {
        PyErr_SetString(PyExc_ValueError, "Alternate form (#) not allowed in string format specifier");
        return -1;
    }
    if (spec.align == '=') {
        PyErr_SetString(PyExc_ValueError, "'=' alignment not allowed in string format specifier");
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(obj);
    if (spec.precision >= 0 && len > spec.precision)
        len = spec.precision;
    Py_ssize_t padding = spec.width > len ? spec.width - len : 0, lpad = 0, rpad = 0;
    if (spec.align == '>') lpad = padding;
    else if (spec.align == '^') { lpad = padding / 2; rpad = padding - lpad; }
    else rpad = padding;
    if (write_fill(writer, spec.fill_char, lpad) < 0 || _PyUnicodeWriter_WriteSubstring(writer, obj, 0, len) < 0 ||
        write_fill(writer, spec.fill_char, rpad) < 0)
        return -1;
    return 0;
}

static PyObject *unicode___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s", Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    if (PyUnicode_GET_LENGTH(format_spec) == 0)
        return PyUnicode_CheckExact(self) ? Py_NewRef(self) : PyObject_Str(self);
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyUnicode_FormatAdvancedWriter(&w, self, format_spec, 0, PyUnicode_GET_LENGTH(format_spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* ==== str.format ==== */

typedef struct {
    PyObject *args, *kwargs;
    int auto_number;    /* 0 unknown, 1 automatic, 2 manual */
    Py_ssize_t next_index;
} format_state;

static int build_string(_PyUnicodeWriter *w, PyObject *fmt, Py_ssize_t start, Py_ssize_t end,
                        format_state *st, int recursion_depth);

/* Parse an integer from fmt[start:end], -1 if not all digits. */
static Py_ssize_t get_integer(PyObject *fmt, Py_ssize_t start, Py_ssize_t end)
{
    if (start >= end)
        return -1;
    Py_ssize_t accumulator = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, i);
        int digitval = _PyUnicode_ToDecimalDigit(c);
        if (digitval < 0)
            return -1;
        if (accumulator > (PY_SSIZE_T_MAX - digitval) / 10) {
            PyErr_Format(PyExc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        accumulator = accumulator * 10 + digitval;
    }
    return accumulator;
}

/* Resolve "name.attr[key]..." to an object. */
static PyObject *get_field_object(PyObject *fmt, Py_ssize_t start, Py_ssize_t end, format_state *st)
{
    Py_ssize_t first_end = start;
    while (first_end < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, first_end);
        if (c == '.' || c == '[')
            break;
        first_end++;
    }
    PyObject *obj;
    Py_ssize_t index = get_integer(fmt, start, first_end);
    if (index == -2)
        return NULL;
    if (start == first_end) {
        /* Automatic numbering. */
        if (st->auto_number == 2) {
            PyErr_SetString(PyExc_ValueError, "cannot switch from manual field specification to automatic field numbering");
            return NULL;
        }
        st->auto_number = 1;
        index = st->next_index++;
    } else if (index >= 0) {
        if (st->auto_number == 1) {
            PyErr_SetString(PyExc_ValueError, "cannot switch from automatic field numbering to manual field specification");
            return NULL;
        }
        st->auto_number = 2;
    }
    if (index < 0) {
        PyObject *key = PyUnicode_Substring(fmt, start, first_end);
        if (key == NULL)
            return NULL;
        if (st->kwargs == NULL) {
            PyErr_SetObject(PyExc_KeyError, key);
            Py_DECREF(key);
            return NULL;
        }
        obj = PyObject_GetItem(st->kwargs, key);
        Py_DECREF(key);
        if (obj == NULL)
            return NULL;
    } else {
        if (st->args == NULL) {   /* format_map() */
            PyErr_SetString(PyExc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        if (index >= PyTuple_GET_SIZE(st->args)) {
            PyErr_Format(PyExc_IndexError, "Replacement index %zd out of range for positional args tuple", index);
            return NULL;
        }
        obj = Py_NewRef(PyTuple_GET_ITEM(st->args, index));
    }
    /* Attribute and index lookups. */
    Py_ssize_t pos = first_end;
    while (pos < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, pos++);
        Py_ssize_t nstart = pos;
        if (c == '.') {
            while (pos < end && PyUnicode_READ_CHAR(fmt, pos) != '.' && PyUnicode_READ_CHAR(fmt, pos) != '[')
                pos++;
            if (pos == nstart) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto error;
            }
            PyObject *name = PyUnicode_Substring(fmt, nstart, pos);
            if (name == NULL)
                goto error;
            PyObject *tmp = PyObject_GetAttr(obj, name);
            Py_DECREF(name);
            Py_SETREF(obj, tmp);
            if (obj == NULL)
                return NULL;
        } else if (c == '[') {
            while (pos < end && PyUnicode_READ_CHAR(fmt, pos) != ']')
                pos++;
            if (pos >= end) {
                PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
                goto error;
            }
            if (pos == nstart) {
                PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
                goto error;
            }
            Py_ssize_t idx = get_integer(fmt, nstart, pos);
            if (idx == -2)
                goto error;
            PyObject *key = idx >= 0 ? PyLong_FromSsize_t(idx) : PyUnicode_Substring(fmt, nstart, pos);
            if (key == NULL)
                goto error;
            PyObject *tmp = PyObject_GetItem(obj, key);
            Py_DECREF(key);
            Py_SETREF(obj, tmp);
            if (obj == NULL)
                return NULL;
            pos++;
            if (pos < end && PyUnicode_READ_CHAR(fmt, pos) != '.' && PyUnicode_READ_CHAR(fmt, pos) != '[') {
                PyErr_SetString(PyExc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
                goto error;
            }
        } else {
            PyErr_SetString(PyExc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            goto error;
        }
    }
    return obj;
error:
    Py_DECREF(obj);
    return NULL;
}

/* One replacement field: fmt[start:end] is the text between the braces. */
static int output_field(_PyUnicodeWriter *w, PyObject *fmt, Py_ssize_t start, Py_ssize_t end,
                        format_state *st, int recursion_depth)
{
    /* Split into field_name, !conversion and :format_spec (brackets protect ':' and '!'). */
    Py_ssize_t pos = start, name_end, spec_start = -1;
    Py_UCS4 conversion = 0;
    int bracket = 0;
    while (pos < end) {
        Py_UCS4 c = PyUnicode_READ_CHAR(fmt, pos);
        if (c == '[') bracket = 1;
        else if (c == ']') bracket = 0;
        else if (!bracket && (c == ':' || c == '!')) break;
        pos++;
    }
    name_end = pos;
    if (pos < end && PyUnicode_READ_CHAR(fmt, pos) == '!') {
        pos++;
        if (pos >= end) {
            PyErr_SetString(PyExc_ValueError, "end of string while looking for conversion specifier");
            return -1;
        }
        conversion = PyUnicode_READ_CHAR(fmt, pos++);
        if (pos < end) {
            if (PyUnicode_READ_CHAR(fmt, pos) != ':') {
                PyErr_SetString(PyExc_ValueError, "expected ':' after conversion specifier");
                return -1;
            }
        }
    }
    if (pos < end && PyUnicode_READ_CHAR(fmt, pos) == ':')
        spec_start = pos + 1;
    PyObject *obj = get_field_object(fmt, start, name_end, st);
    if (obj == NULL)
        return -1;
    if (conversion) {
        PyObject *tmp;
        switch (conversion) {
        case 'r': tmp = PyObject_Repr(obj); break;
        case 's': tmp = PyObject_Str(obj); break;
        case 'a': tmp = PyObject_ASCII(obj); break;
        default:
            if (conversion > 32 && conversion < 127)
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier %c", (char)conversion);
            else
                PyErr_Format(PyExc_ValueError, "Unknown conversion specifier \\x%x", (unsigned int)conversion);
            tmp = NULL;
        }
        Py_SETREF(obj, tmp);
        if (obj == NULL)
            return -1;
    }
    PyObject *spec;
    if (spec_start >= 0 && PyUnicode_FindChar(fmt, '{', spec_start, end, 1) < 0) {
        /* a plain spec: no expansion, so it costs no recursion level (as CPython) */
        spec = PyUnicode_Substring(fmt, spec_start, end);
        if (spec == NULL) {
            Py_DECREF(obj);
            return -1;
        }
    } else if (spec_start >= 0) {
        /* The spec contains replacement fields: expand them one level deeper. */
        _PyUnicodeWriter sw;
        _PyUnicodeWriter_Init(&sw);
        if (build_string(&sw, fmt, spec_start, end, st, recursion_depth - 1) < 0) {
            _PyUnicodeWriter_Dealloc(&sw);
            Py_DECREF(obj);
            return -1;
        }
        spec = _PyUnicodeWriter_Finish(&sw);
    } else {
        spec = get_empty();
    }
    if (spec == NULL) {
        Py_DECREF(obj);
        return -1;
    }
    PyObject *formatted;
    if (PyUnicode_CheckExact(obj) && PyUnicode_GET_LENGTH(spec) == 0)
        formatted = Py_NewRef(obj);
    else
        formatted = PyObject_Format(obj, spec);
    Py_DECREF(obj);
    Py_DECREF(spec);
    if (formatted == NULL)
        return -1;
    int r = _PyUnicodeWriter_WriteStr(w, formatted);
    Py_DECREF(formatted);
    return r;
}

static int build_string(_PyUnicodeWriter *w, PyObject *fmt, Py_ssize_t start, Py_ssize_t end,
                        format_state *st, int recursion_depth)
{
    if (recursion_depth <= 0) {
        PyErr_SetString(PyExc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    Py_ssize_t pos = start;
    while (pos < end) {
        Py_ssize_t lit_start = pos;
        Py_UCS4 c = 0;
        while (pos < end) {
            c = PyUnicode_READ_CHAR(fmt, pos);
            if (c == '{' || c == '}')
                break;
            pos++;
        }
        if (_PyUnicodeWriter_WriteSubstring(w, fmt, lit_start, pos) < 0)
            return -1;
        if (pos >= end)
            break;
        pos++;
        if (c == '}') {
            if (pos < end && PyUnicode_READ_CHAR(fmt, pos) == '}') {
                if (_PyUnicodeWriter_WriteChar(w, '}') < 0)
                    return -1;
                pos++;
                continue;
            }
            PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (pos < end && PyUnicode_READ_CHAR(fmt, pos) == '{') {
            if (_PyUnicodeWriter_WriteChar(w, '{') < 0)
                return -1;
            pos++;
            continue;
        }
        if (pos >= end) {
            PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        /* Find the matching '}' (nested braces allowed in the spec). */
        int count = 1, in_name = 1;
        Py_ssize_t field_start = pos;
        while (pos < end) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(fmt, pos);
            if (in_name && ch == '[') {
                /* Brackets in the field name protect '}', ':' and '!'. */
                while (pos < end && PyUnicode_READ_CHAR(fmt, pos) != ']')
                    pos++;
                if (pos < end)
                    pos++;
                continue;
            }
            if (ch == ':' || ch == '!')
                in_name = 0;
            if (in_name && ch == '{') {
                PyErr_SetString(PyExc_ValueError, "unexpected '{' in field name");
                return -1;
            }
            if (ch == '{') count++;
            else if (ch == '}') {
                if (--count == 0)
                    break;
            }
            pos++;
        }
        if (count > 0) {
            PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
            return -1;
        }
        if (output_field(w, fmt, field_start, pos, st, recursion_depth) < 0)
            return -1;
        pos++;
    }
    return 0;
}

static PyObject *do_string_format(PyObject *self, PyObject *args, PyObject *kwargs)
{
    format_state st = {args, kwargs, 0, 0};
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = PyUnicode_GET_LENGTH(self) + 16;
    if (build_string(&w, self, 0, PyUnicode_GET_LENGTH(self), &st, 2) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

static PyObject *unicode_format_map(PyObject *self, PyObject *mapping)
{
    return do_string_format(self, NULL, mapping);
}

/* ==== str % args ==== */

static PyObject *getnextarg(PyObject *args, Py_ssize_t arglen, Py_ssize_t *p_argidx)
{
    Py_ssize_t argidx = *p_argidx;
    if (argidx < arglen) {
        (*p_argidx)++;
        if (arglen < 0)
            return args;
        return PyTuple_GetItem(args, argidx);
    }
    PyErr_SetString(PyExc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Format an integer for %d/%x/%o with flags; returns digits string (no sign). */
static PyObject *format_long_arg(PyObject *v, Py_UCS4 c, const char *typename_for_error)
{
    PyObject *iobj;
    if (PyLong_Check(v)) {
        iobj = Py_NewRef(v);
    } else if (c == 'd' || c == 'i' || c == 'u') {
        if (!PyNumber_Check(v) || PyUnicode_Check(v)) {
            PyErr_Format(PyExc_TypeError, "%%%c format: a real number is required, not %.200s", (char)c,
                         Py_TYPE(v)->tp_name);
            return NULL;
        }
        iobj = PyNumber_Long(v);
        /* e.g. complex passes PyNumber_Check but has no int() */
        if (iobj == NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "%%%c format: a real number is required, not %.200s", (char)c,
                         Py_TYPE(v)->tp_name);
        }
    } else {
        if (!PyIndex_Check(v)) {
            PyErr_Format(PyExc_TypeError, "%%%c format: an integer is required, not %.200s", (char)c,
                         Py_TYPE(v)->tp_name);
            return NULL;
        }
        iobj = PyNumber_Index(v);
    }
    return iobj;
}

PyObject *PyUnicode_Format(PyObject *format, PyObject *args)
{
    if (format == NULL || args == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t fmtcnt = PyUnicode_GET_LENGTH(format), fmtpos = 0, arglen, argidx;
    PyObject *dict = NULL;
    if (PyTuple_Check(args)) {
        arglen = PyTuple_GET_SIZE(args);
        argidx = 0;
    } else {
        arglen = -1;
        argidx = -2;
    }
    if (PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args))
        dict = args;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.min_length = fmtcnt + 100;
    while (fmtpos < fmtcnt) {
        Py_UCS4 c = PyUnicode_READ_CHAR(format, fmtpos);
        if (c != '%') {
            Py_ssize_t nonfmtpos = fmtpos++;
            while (fmtpos < fmtcnt && PyUnicode_READ_CHAR(format, fmtpos) != '%')
                fmtpos++;
            if (_PyUnicodeWriter_WriteSubstring(&w, format, nonfmtpos, fmtpos) < 0)
                goto error;
            continue;
        }
        Py_ssize_t fmtstart = fmtpos++;
        PyObject *v = NULL, *key_obj = NULL;
        if (fmtpos < fmtcnt && PyUnicode_READ_CHAR(format, fmtpos) == '%') {
            /* "%%" only when the two are adjacent, as 3.11 */
            if (_PyUnicodeWriter_WriteChar(&w, '%') < 0)
                goto error;
            fmtpos++;
            continue;
        }
        if (fmtpos < fmtcnt && PyUnicode_READ_CHAR(format, fmtpos) == '(') {
            if (dict == NULL) {
                PyErr_SetString(PyExc_TypeError, "format requires a mapping");
                goto error;
            }
            int pcount = 1;
            Py_ssize_t keystart = ++fmtpos;
            while (pcount > 0 && fmtpos < fmtcnt) {
                Py_UCS4 ch = PyUnicode_READ_CHAR(format, fmtpos);
                if (ch == ')') pcount--;
                else if (ch == '(') pcount++;
                fmtpos++;
            }
            if (pcount > 0) {
                PyErr_SetString(PyExc_ValueError, "incomplete format key");
                goto error;
            }
            PyObject *key = PyUnicode_Substring(format, keystart, fmtpos - 1);
            if (key == NULL)
                goto error;
            key_obj = PyObject_GetItem(dict, key);
            Py_DECREF(key);
            if (key_obj == NULL)
                goto error;
            args = key_obj;
            arglen = -1;
            argidx = -2;
        }
        int flags_minus = 0, flags_plus = 0, flags_space = 0, flags_alt = 0, flags_zero = 0;
        while (fmtpos < fmtcnt) {
            c = PyUnicode_READ_CHAR(format, fmtpos);
            if (c == '-') flags_minus = 1;
            else if (c == '+') flags_plus = 1;
            else if (c == ' ') flags_space = 1;
            else if (c == '#') flags_alt = 1;
            else if (c == '0') flags_zero = 1;
            else break;
            fmtpos++;
        }
        Py_ssize_t width = -1, prec = -1;
        if (fmtpos < fmtcnt && PyUnicode_READ_CHAR(format, fmtpos) == '*') {
            fmtpos++;
            v = getnextarg(args, arglen, &argidx);
            if (v == NULL)
                goto error_key;
            if (!PyLong_Check(v)) {
                PyErr_SetString(PyExc_TypeError, "* wants int");
                goto error_key;
            }
            width = PyLong_AsSsize_t(v);
            if (width == -1 && PyErr_Occurred())
                goto error_key;
            if (width < 0) {
                flags_minus = 1;
                width = -width;
            }
        } else {
            while (fmtpos < fmtcnt && isdigit((int)(c = PyUnicode_READ_CHAR(format, fmtpos))) && c < 128) {
                if (width < 0)
                    width = 0;
                if (width > (PY_SSIZE_T_MAX - 9) / 10) {
                    PyErr_SetString(PyExc_ValueError, "width too big");
                    goto error_key;
                }
                width = width * 10 + (c - '0');
                fmtpos++;
            }
        }
        if (fmtpos < fmtcnt && PyUnicode_READ_CHAR(format, fmtpos) == '.') {
            fmtpos++;
            prec = 0;
            if (fmtpos < fmtcnt && PyUnicode_READ_CHAR(format, fmtpos) == '*') {
                fmtpos++;
                v = getnextarg(args, arglen, &argidx);
                if (v == NULL)
                    goto error_key;
                if (!PyLong_Check(v)) {
                    PyErr_SetString(PyExc_TypeError, "* wants int");
                    goto error_key;
                }
                prec = _PyLong_AsInt(v);    /* a C int, as CPython */
                if (prec == -1 && PyErr_Occurred())
                    goto error_key;
                if (prec < 0)
                    prec = 0;
            } else {
                while (fmtpos < fmtcnt && (c = PyUnicode_READ_CHAR(format, fmtpos)) < 128 && isdigit((int)c)) {
                    if (prec > (INT_MAX - ((int)c - '0')) / 10) {
                        PyErr_SetString(PyExc_ValueError, "precision too big");
                        goto error_key;
                    }
                    prec = prec * 10 + (c - '0');
                    fmtpos++;
                }
            }
        }
        /* Length modifiers are accepted and ignored, as CPython. */
        while (fmtpos < fmtcnt && ((c = PyUnicode_READ_CHAR(format, fmtpos)) == 'h' || c == 'l' || c == 'L'))
            fmtpos++;
        if (fmtpos >= fmtcnt) {
            PyErr_SetString(PyExc_ValueError, "incomplete format");
            goto error_key;
        }
        c = PyUnicode_READ_CHAR(format, fmtpos++);
        /* a '%' after flags, width or a key is an ordinary (unsupported) conversion */
        v = getnextarg(args, arglen, &argidx);
        if (v == NULL)
            goto error_key;
        PyObject *temp = NULL;   /* the text for s/r/a/c */
        _PyFormatSpec spec;
        spec.fill_char = flags_zero && !flags_minus ? '0' : ' ';
        spec.align = flags_minus ? '<' : (flags_zero ? '=' : '>');
        spec.alternate = flags_alt;
        spec.no_neg_0 = 0;
        spec.sign = flags_plus ? '+' : flags_space ? ' ' : 0;
        spec.width = width;
        spec.thousands_separators = 0;
        spec.precision = prec;
        spec.type = c;
        switch (c) {
        case 's': case 'r': case 'a':
            temp = c == 's' ? PyObject_Str(v) : c == 'r' ? PyObject_Repr(v) : PyObject_ASCII(v);
            break;
        case 'c':
            if (PyUnicode_Check(v)) {
                if (PyUnicode_GET_LENGTH(v) != 1) {
                    PyErr_SetString(PyExc_TypeError, "%c requires int or char");
                    goto error_key;
                }
                temp = Py_NewRef(v);
            } else {
                if (!PyLong_Check(v) && !PyIndex_Check(v)) {
                    PyErr_SetString(PyExc_TypeError, "%c requires int or char");
                    goto error_key;
                }
                PyObject *iobj = PyNumber_Index(v);
                if (iobj == NULL)
                    goto error_key;
                long x = PyLong_AsLong(iobj);
                Py_DECREF(iobj);
                if (x == -1 && PyErr_Occurred()) {
                    if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                        PyErr_Clear();
                        PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
                    }
                    goto error_key;
                }
                if (x < 0 || x > MAX_UNICODE) {
                    PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
                    goto error_key;
                }
                temp = PyUnicode_FromOrdinal((int)x);
            }
            break;
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
            PyObject *iobj = format_long_arg(v, c, NULL);
            if (iobj == NULL)
                goto error_key;
            int base = (c == 'o') ? 8 : (c == 'x' || c == 'X') ? 16 : 10;
            PyObject *str = _PyLong_Format(iobj, base);
            int negative = _PyLong_Sign(iobj) < 0;
            Py_DECREF(iobj);
            if (str == NULL)
                goto error_key;
            const char *s = PyUnicode_AsUTF8(str);
            if (negative)
                s++;
            if (base != 10)
                s += 2;   /* drop "0x"/"0o" */
            char *digits = PyMem_Malloc(strlen(s) + (prec > 0 ? (size_t)prec : 0) + 1);
            if (digits == NULL) {
                Py_DECREF(str);
                PyErr_NoMemory();
                goto error_key;
            }
            size_t nd = strlen(s), zeros = prec > (Py_ssize_t)nd ? (size_t)prec - nd : 0;
            memset(digits, '0', zeros);
            memcpy(digits + zeros, s, nd + 1);
            if (c == 'X')
                for (char *p = digits; *p; p++)
                    *p = (char)toupper((unsigned char)*p);
            const char *prefix = !flags_alt ? "" : c == 'o' ? "0o" : c == 'x' ? "0x" : c == 'X' ? "0X" : "";
            spec.type = 'd';
            int r = _PyUnicode_FormatNumber(&w, &spec, negative, prefix, digits, (Py_ssize_t)strlen(digits), "", 0);
            PyMem_Free(digits);
            Py_DECREF(str);
            if (r < 0)
                goto error_key;
            goto next;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            double x = PyFloat_AsDouble(v);
            if (x == -1.0 && PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                    PyErr_Clear();
                    PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(v)->tp_name);
                }
                goto error_key;
            }
            char *buf = PyOS_double_to_string(x, (char)c, prec < 0 ? 6 : (int)prec, flags_alt ? Py_DTSF_ALT : 0, NULL);
            if (buf == NULL)
                goto error_key;
            int negative = buf[0] == '-';
            if (!isfinite(x) && spec.fill_char == '0') {
                spec.fill_char = ' ';
                spec.align = '>';
            }
            int r = _PyUnicode_FormatNumber(&w, &spec, negative, "", buf + negative,
                                            (Py_ssize_t)strlen(buf + negative), "", 0);
            PyMem_Free(buf);
            if (r < 0)
                goto error_key;
            goto next;
        }
        default:
            if (c < 128 && c > 31)
                PyErr_Format(PyExc_ValueError, "unsupported format character '%c' (0x%x) at index %zd",
                             (int)c, (unsigned int)c, fmtpos - 1);
            else
                PyErr_Format(PyExc_ValueError, "unsupported format character '\\x%x' (0x%x) at index %zd",
                             (unsigned int)c, (unsigned int)c, fmtpos - 1);
            goto error_key;
        }
        if (temp == NULL)
            goto error_key;
        {
            Py_ssize_t len = PyUnicode_GET_LENGTH(temp);
            if (prec >= 0 && len > prec && c != 'c')
                len = prec;
            Py_ssize_t padding = width > len ? width - len : 0;
            int r = 0;
            if (!flags_minus)
                r = write_fill(&w, ' ', padding);
            if (r == 0)
                r = _PyUnicodeWriter_WriteSubstring(&w, temp, 0, len);
            if (r == 0 && flags_minus)
                r = write_fill(&w, ' ', padding);
            Py_DECREF(temp);
            if (r < 0)
                goto error_key;
        }
    next:
        (void)fmtstart;
        if (key_obj != NULL) {
            Py_CLEAR(key_obj);
            args = dict;
            arglen = -1;
            argidx = -2;
        }
        continue;
    error_key:
        Py_XDECREF(key_obj);
        goto error;
    }
    if (argidx < arglen && !dict) {
        PyErr_SetString(PyExc_TypeError, "not all arguments converted during string formatting");
        goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *unicode_mod(PyObject *v, PyObject *w)
{
    if (!PyUnicode_Check(v))
        Py_RETURN_NOTIMPLEMENTED;
    return PyUnicode_Format(v, w);
}

/* ==== iterator ==== */

typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyObject *it_seq;   /* NULL when exhausted */
} unicodeiterobject;

static void unicodeiter_dealloc(unicodeiterobject *it)
{
    PyObject_GC_UnTrack(it);
    Py_XDECREF(it->it_seq);
    PyObject_GC_Del(it);
}

static int unicodeiter_traverse(unicodeiterobject *it, visitproc visit, void *arg)
{
    Py_VISIT(it->it_seq);
    return 0;
}

static PyObject *unicodeiter_next(unicodeiterobject *it)
{
    PyObject *seq = it->it_seq;
    if (seq == NULL)
        return NULL;
    if (it->it_index < PyUnicode_GET_LENGTH(seq)) {
        Py_UCS4 chr = PyUnicode_READ_CHAR(seq, it->it_index);
        it->it_index++;
        if (chr < 256)
            return _PyUnicode_Latin1Char(chr);
        PyObject *res = PyUnicode_New(1, chr);
        if (res != NULL)
            PyUnicode_WRITE(PyUnicode_KIND(res), PyUnicode_DATA(res), 0, chr);
        return res;
    }
    it->it_seq = NULL;
    Py_DECREF(seq);
    return NULL;
}

static PyObject *unicodeiter_len(unicodeiterobject *it, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = 0;
    if (it->it_seq)
        len = PyUnicode_GET_LENGTH(it->it_seq) - it->it_index;
    return PyLong_FromSsize_t(len);
}

static PyObject *unicodeiter_reduce(unicodeiterobject *it, PyObject *Py_UNUSED(ignored))
{
    PyObject *iter = PyEval_GetBuiltins() ? PyDict_GetItemString(PyEval_GetBuiltins(), "iter") : NULL;
    if (iter == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "builtins.iter not found");
        return NULL;
    }
    if (it->it_seq != NULL)
        return Py_BuildValue("O(O)n", iter, it->it_seq, it->it_index);
    PyObject *u = get_empty();
    PyObject *res = Py_BuildValue("O(N)", iter, u);
    return res;
}

static PyObject *unicodeiter_setstate(unicodeiterobject *it, PyObject *state)
{
    Py_ssize_t index = PyLong_AsSsize_t(state);
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (it->it_seq != NULL) {
        if (index < 0)
            index = 0;
        else if (index > PyUnicode_GET_LENGTH(it->it_seq))
            index = PyUnicode_GET_LENGTH(it->it_seq);
        it->it_index = index;
    }
    Py_RETURN_NONE;
}

static PyMethodDef unicodeiter_methods[] = {
    {"__length_hint__", (PyCFunction)unicodeiter_len, METH_NOARGS, DOC_str_ascii_iterator___length_hint__},
    {"__reduce__", (PyCFunction)unicodeiter_reduce, METH_NOARGS, DOC_str_ascii_iterator___reduce__},
    {"__setstate__", (PyCFunction)unicodeiter_setstate, METH_O, DOC_str_ascii_iterator___setstate__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyUnicodeIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = (destructor)unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

/* Non-ASCII strings iterate with a type named "str_iterator", as CPython. */
static PyTypeObject PyUnicodeIterNonASCII_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(unicodeiterobject),
    .tp_dealloc = (destructor)unicodeiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)unicodeiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)unicodeiter_next,
    .tp_methods = unicodeiter_methods,
};

static PyObject *unicode_iter(PyObject *seq)
{
    PyTypeObject *tp = PyUnicode_IS_ASCII(seq) || PyUnicode_GET_LENGTH(seq) == 0 ? &PyUnicodeIter_Type
                                                                                 : &PyUnicodeIterNonASCII_Type;
    if (!(tp->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(tp) < 0)
        return NULL;
    unicodeiterobject *it = PyObject_GC_New(unicodeiterobject, tp);
    if (it == NULL)
        return NULL;
    it->it_index = 0;
    it->it_seq = Py_NewRef(seq);
    PyObject_GC_Track(it);
    return (PyObject *)it;
}

/* ==== construction ==== */

static PyObject *unicode_subtype_new(PyTypeObject *type, PyObject *unicode)
{
    PyUnicodeObject *self = (PyUnicodeObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    Py_ssize_t length = PyUnicode_GET_LENGTH(unicode);
    int kind = PyUnicode_KIND(unicode);
    self->length = length;
    self->hash = U(unicode)->hash;
    self->state.interned = 0;
    self->state.kind = kind;
    self->state.compact = 0;
    self->state.ascii = U(unicode)->state.ascii;
    self->state.ready = 1;
    self->maxchar_hint = PyUnicode_MAX_CHAR_VALUE(unicode);
    self->utf8 = NULL;
    self->utf8_length = 0;
    self->data = PyObject_Malloc((size_t)(length + 1) * kind);
    if (self->data == NULL) {
        self->state.compact = 1;   /* nothing to free */
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    memcpy(self->data, PyUnicode_DATA(unicode), (size_t)(length + 1) * kind);
    if (self->state.ascii) {
        self->utf8 = self->data;
        self->utf8_length = length;
    }
    return (PyObject *)self;
}

/* A str argument as a C string for str(): no embedded NULs (clinic's "str" converter). */
static const char *str_arg_as_utf8(PyObject *arg, const char *displayname)
{
    if (!PyUnicode_Check(arg)) {
        _PyArg_BadArgument("str", displayname, "str", arg);
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
    if (s != NULL && strlen(s) != (size_t)len) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

static PyObject *unicode_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "encoding", "errors", NULL};
    PyObject *x = NULL, *enc = NULL, *err = NULL;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOO:str", kwlist, &x, &enc, &err))
        return NULL;
    /* Argument Clinic's wording: the arguments are named, not numbered. */
    if (enc != NULL && (encoding = str_arg_as_utf8(enc, "argument 'encoding'")) == NULL)
        return NULL;
    if (err != NULL && (errors = str_arg_as_utf8(err, "argument 'errors'")) == NULL)
        return NULL;
    PyObject *unicode;
    if (x == NULL)
        unicode = get_empty();
    else if (encoding == NULL && errors == NULL)
        unicode = PyObject_Str(x);
    else
        unicode = PyUnicode_FromEncodedObject(x, encoding, errors);
    if (unicode != NULL && type != &PyUnicode_Type)
        Py_SETREF(unicode, unicode_subtype_new(type, unicode));
    return unicode;
}

static PyObject *unicode_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (type == (PyObject *)&PyUnicode_Type && kwnames == NULL && nargs == 1)
        return PyObject_Str(args[0]);
    if (type == (PyObject *)&PyUnicode_Type && kwnames == NULL && nargs == 0)
        return get_empty();
    /* General case through tp_new. */
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++)
        PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
    PyObject *kwds = NULL;
    if (kwnames != NULL) {
        kwds = PyDict_New();
        if (kwds == NULL) {
            Py_DECREF(tuple);
            return NULL;
        }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++)
            if (PyDict_SetItem(kwds, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Py_DECREF(tuple);
                Py_DECREF(kwds);
                return NULL;
            }
    }
    PyObject *res = unicode_new((PyTypeObject *)type, tuple, kwds);
    Py_DECREF(tuple);
    Py_XDECREF(kwds);
    return res;
}

static PyObject *unicode_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    /* CPython's sizes: compact ASCII 48+len+1, compact 72+(len+1)*kind (+utf8 if cached). */
    Py_ssize_t len = PyUnicode_GET_LENGTH(self), size;
    if (PyUnicode_IS_ASCII(self))
        size = 48 + len + 1;
    else
        size = 72 + (len + 1) * PyUnicode_KIND(self);
    if (!PyUnicode_IS_ASCII(self) && U(self)->utf8 != NULL)
        size += U(self)->utf8_length + 1;
    return PyLong_FromSsize_t(size);
}

static PyObject *unicode_getnewargs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *copy = _PyUnicode_Copy(self);
    if (copy == NULL)
        return NULL;
    return Py_BuildValue("(N)", copy);
}

static PyObject *unicode_format_method(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return do_string_format(self, args, kwargs);
}

static PyObject *unicode_partition(PyObject *self, PyObject *sep) { return PyUnicode_Partition(self, sep); }
static PyObject *unicode_rpartition(PyObject *self, PyObject *sep) { return PyUnicode_RPartition(self, sep); }

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL
#define KWARGS(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS
#define FASTCALL_KW(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL | METH_KEYWORDS

static PyMethodDef unicode_methods[] = {
    {"encode", KWARGS(unicode_encode), DOC_str_encode},
    {"replace", FASTCALL_KW(unicode_replace_fast), DOC_str_replace},
    {"split", FASTCALL_KW(unicode_split_fast), DOC_str_split},
    {"rsplit", FASTCALL_KW(unicode_rsplit_fast), DOC_str_rsplit},
    {"join", unicode_join, METH_O, DOC_str_join},
    {"capitalize", unicode_capitalize, METH_NOARGS, DOC_str_capitalize},
    {"casefold", unicode_casefold, METH_NOARGS, DOC_str_casefold},
    {"title", unicode_title, METH_NOARGS, DOC_str_title},
    {"center", FASTCALL(unicode_center), DOC_str_center},
    {"count", FASTCALL(unicode_count), DOC_str_count},
    {"expandtabs", KWARGS(unicode_expandtabs), DOC_str_expandtabs},
    {"find", FASTCALL(unicode_find), DOC_str_find},
    {"partition", unicode_partition, METH_O, DOC_str_partition},
    {"index", FASTCALL(unicode_index), DOC_str_index},
    {"ljust", FASTCALL(unicode_ljust), DOC_str_ljust},
    {"lower", unicode_lower, METH_NOARGS, DOC_str_lower},
    {"lstrip", FASTCALL(unicode_lstrip), DOC_str_lstrip},
    {"rfind", FASTCALL(unicode_rfind), DOC_str_rfind},
    {"rindex", FASTCALL(unicode_rindex), DOC_str_rindex},
    {"rjust", FASTCALL(unicode_rjust), DOC_str_rjust},
    {"rstrip", FASTCALL(unicode_rstrip), DOC_str_rstrip},
    {"rpartition", unicode_rpartition, METH_O, DOC_str_rpartition},
    {"splitlines", KWARGS(unicode_splitlines), DOC_str_splitlines},
    {"strip", FASTCALL(unicode_strip), DOC_str_strip},
    {"swapcase", unicode_swapcase, METH_NOARGS, DOC_str_swapcase},
    {"translate", unicode_translate, METH_O, DOC_str_translate},
    {"upper", unicode_upper, METH_NOARGS, DOC_str_upper},
    {"startswith", FASTCALL(unicode_startswith), DOC_str_startswith},
    {"endswith", FASTCALL(unicode_endswith), DOC_str_endswith},
    {"removeprefix", unicode_removeprefix, METH_O, DOC_str_removeprefix},
    {"removesuffix", unicode_removesuffix, METH_O, DOC_str_removesuffix},
    {"isascii", unicode_isascii, METH_NOARGS, DOC_str_isascii},
    {"islower", unicode_islower, METH_NOARGS, DOC_str_islower},
    {"isupper", unicode_isupper, METH_NOARGS, DOC_str_isupper},
    {"istitle", unicode_istitle, METH_NOARGS, DOC_str_istitle},
    {"isspace", unicode_isspace, METH_NOARGS, DOC_str_isspace},
    {"isdecimal", unicode_isdecimal, METH_NOARGS, DOC_str_isdecimal},
    {"isdigit", unicode_isdigit, METH_NOARGS, DOC_str_isdigit},
    {"isnumeric", unicode_isnumeric, METH_NOARGS, DOC_str_isnumeric},
    {"isalpha", unicode_isalpha, METH_NOARGS, DOC_str_isalpha},
    {"isalnum", unicode_isalnum, METH_NOARGS, DOC_str_isalnum},
    {"isidentifier", unicode_isidentifier, METH_NOARGS, DOC_str_isidentifier},
    {"isprintable", unicode_isprintable, METH_NOARGS, DOC_str_isprintable},
    {"zfill", unicode_zfill, METH_O, DOC_str_zfill},
    {"format", KWARGS(unicode_format_method), DOC_str_format},
    {"format_map", unicode_format_map, METH_O, DOC_str_format_map},
    {"__format__", unicode___format__, METH_O, DOC_str___format__},
    {"maketrans", unicode_maketrans, METH_VARARGS | METH_STATIC, "Return a translation table usable for str.translate()."},
    {"__sizeof__", unicode_sizeof, METH_NOARGS, DOC_str___sizeof__},
    {"__getnewargs__", unicode_getnewargs, METH_NOARGS, DOC_str___getnewargs__},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods unicode_as_number = {
    .nb_remainder = unicode_mod,
};

static PySequenceMethods unicode_as_sequence = {
    .sq_length = unicode_length,
    .sq_concat = PyUnicode_Concat,
    .sq_repeat = unicode_repeat,
    .sq_item = unicode_getitem,
    .sq_contains = unicode_contains,
};

static PyMappingMethods unicode_as_mapping = {
    .mp_length = unicode_length,
    .mp_subscript = unicode_subscript,
};

int _PyUnicode_Init(void)
{
    if (PyType_Ready(&PyUnicodeIter_Type) < 0 || PyType_Ready(&PyUnicodeIterNonASCII_Type) < 0)
        return -1;
    return 0;
}

void _PyUnicode_Fini(void) {}

PyTypeObject PyUnicode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "str",
    .tp_basicsize = sizeof(PyUnicodeObject),
    .tp_dealloc = unicode_dealloc,
    .tp_repr = unicode_repr,
    .tp_as_number = &unicode_as_number,
    .tp_as_sequence = &unicode_as_sequence,
    .tp_as_mapping = &unicode_as_mapping,
    .tp_hash = unicode_hash,
    .tp_str = unicode_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_UNICODE_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_str,
    .tp_richcompare = PyUnicode_RichCompare,
    .tp_iter = unicode_iter,
    .tp_methods = unicode_methods,
    .tp_new = unicode_new,
    .tp_free = PyObject_Del,
    .tp_vectorcall = unicode_vectorcall,
};
