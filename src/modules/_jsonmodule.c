/* _jsonmodule.c — the `_json` accelerator for the json package: scanstring,
 * encode_basestring and encode_basestring_ascii.  Owner: modules-data.
 * json/ imports each name separately and falls back to its pure-Python version for
 * what is missing here (make_scanner, make_encoder: not written yet), so results
 * must equal the pure functions' byte for byte; decode errors are json's own
 * JSONDecodeError with CPython's messages and positions. */
#include "Python.h"

/* ------------------------------------------------------------ encoding */

static const char hexdigits[] = "0123456789abcdef";

/* Append c's JSON escape (short form or \uXXXX, surrogate pairs above the BMP). */
static Py_ssize_t escape_char(Py_UCS4 *out, Py_UCS4 c)
{
    Py_ssize_t n = 0;
    out[n++] = '\\';
    switch (c) {
    case '\\': out[n++] = '\\'; return n;
    case '"': out[n++] = '"'; return n;
    case '\b': out[n++] = 'b'; return n;
    case '\f': out[n++] = 'f'; return n;
    case '\n': out[n++] = 'n'; return n;
    case '\r': out[n++] = 'r'; return n;
    case '\t': out[n++] = 't'; return n;
    }
    if (c >= 0x10000) {
        Py_UCS4 v = c - 0x10000;
        Py_UCS4 hi = 0xd800 | ((v >> 10) & 0x3ff);
        out[n++] = 'u';
        out[n++] = hexdigits[(hi >> 12) & 0xf];
        out[n++] = hexdigits[(hi >> 8) & 0xf];
        out[n++] = hexdigits[(hi >> 4) & 0xf];
        out[n++] = hexdigits[hi & 0xf];
        c = 0xdc00 | (v & 0x3ff);
        out[n++] = '\\';
    }
    out[n++] = 'u';
    out[n++] = hexdigits[(c >> 12) & 0xf];
    out[n++] = hexdigits[(c >> 8) & 0xf];
    out[n++] = hexdigits[(c >> 4) & 0xf];
    out[n++] = hexdigits[c & 0xf];
    return n;
}

static PyObject *encode_common(PyObject *pystr, int ascii_only)
{
    if (!PyUnicode_Check(pystr)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(pystr)->tp_name);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GetLength(pystr);
    if (len > (PY_SSIZE_T_MAX - 2) / 12)
        return PyErr_NoMemory();
    Py_UCS4 *out = PyMem_Malloc((len * 12 + 2) * sizeof(Py_UCS4));   /* worst case */
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t n = 0;
    out[n++] = '"';
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_ReadChar(pystr, i);
        int plain = ascii_only ? (c >= ' ' && c <= '~' && c != '\\' && c != '"')
                               : (c >= ' ' && c != '\\' && c != '"');
        if (plain)
            out[n++] = c;
        else
            n += escape_char(out + n, c);
    }
    out[n++] = '"';
    PyObject *res = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, n);
    PyMem_Free(out);
    return res;
}

static PyObject *py_encode_basestring_ascii(PyObject *self, PyObject *pystr)
{
    return encode_common(pystr, 1);
}

static PyObject *py_encode_basestring(PyObject *self, PyObject *pystr)
{
    return encode_common(pystr, 0);
}

/* ------------------------------------------------------------ scanstring */

/* Raise json.decoder.JSONDecodeError(msg, s, end). */
static void raise_errmsg(const char *msg, PyObject *s, Py_ssize_t end)
{
    PyObject *decoder = PyImport_ImportModule("json.decoder");
    if (decoder == NULL)
        return;
    PyObject *JSONDecodeError = PyObject_GetAttrString(decoder, "JSONDecodeError");
    Py_DECREF(decoder);
    if (JSONDecodeError == NULL)
        return;
    PyObject *exc = PyObject_CallFunction(JSONDecodeError, "(zOn)", msg, s, end);
    Py_DECREF(JSONDecodeError);
    if (exc) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
}

static int hexval(Py_UCS4 d)
{
    if (d >= '0' && d <= '9')
        return (int)(d - '0');
    if (d >= 'a' && d <= 'f')
        return (int)(d - 'a' + 10);
    if (d >= 'A' && d <= 'F')
        return (int)(d - 'A' + 10);
    return -1;
}

/* Decode the JSON string whose body starts at pystr[end] (just after the opening
 * quote); *next_end is set past the closing quote. */
static PyObject *scanstring_unicode(PyObject *pystr, Py_ssize_t end, int strict,
                                    Py_ssize_t *next_end)
{
    Py_ssize_t len = PyUnicode_GetLength(pystr);
    Py_ssize_t begin = end - 1;
    if (end < 0 || len < end) {
        PyErr_SetString(PyExc_ValueError, "end is out of bounds");
        return NULL;
    }
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    for (;;) {
        Py_UCS4 c = 0;
        Py_ssize_t next;
        for (next = end; next < len; next++) {
            c = PyUnicode_ReadChar(pystr, next);
            if (c == '"' || c == '\\')
                break;
            if (c <= 0x1f && strict) {
                raise_errmsg("Invalid control character at", pystr, next);
                goto bail;
            }
        }
        if (next >= len || !(c == '"' || c == '\\')) {
            raise_errmsg("Unterminated string starting at", pystr, begin);
            goto bail;
        }
        if (next != end &&
            _PyUnicodeWriter_WriteSubstring(&writer, pystr, end, next) < 0)
            goto bail;
        next++;
        if (c == '"') {
            end = next;
            break;
        }
        if (next == len) {
            raise_errmsg("Unterminated string starting at", pystr, begin);
            goto bail;
        }
        c = PyUnicode_ReadChar(pystr, next);
        if (c != 'u') {
            /* Non-unicode backslash escapes */
            end = next + 1;
            switch (c) {
            case '"': case '\\': case '/': break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            default: c = 0;
            }
            if (c == 0) {
                raise_errmsg("Invalid \\escape", pystr, end - 2);
                goto bail;
            }
        }
        else {
            c = 0;
            next++;
            end = next + 4;
            if (end >= len) {
                raise_errmsg("Invalid \\uXXXX escape", pystr, next - 1);
                goto bail;
            }
            for (; next < end; next++) {
                int v = hexval(PyUnicode_ReadChar(pystr, next));
                if (v < 0) {
                    raise_errmsg("Invalid \\uXXXX escape", pystr, end - 5);
                    goto bail;
                }
                c = (c << 4) | (Py_UCS4)v;
            }
            /* A high surrogate followed by \uDCxx joins into one code point. */
            if (c >= 0xd800 && c <= 0xdbff && end + 6 < len &&
                PyUnicode_ReadChar(pystr, next++) == '\\' &&
                PyUnicode_ReadChar(pystr, next++) == 'u') {
                Py_UCS4 c2 = 0;
                end += 6;
                for (; next < end; next++) {
                    int v = hexval(PyUnicode_ReadChar(pystr, next));
                    if (v < 0) {
                        raise_errmsg("Invalid \\uXXXX escape", pystr, end - 5);
                        goto bail;
                    }
                    c2 = (c2 << 4) | (Py_UCS4)v;
                }
                if (c2 >= 0xdc00 && c2 <= 0xdfff)
                    c = 0x10000 + (((c & 0x3ff) << 10) | (c2 & 0x3ff));
                else
                    end -= 6;
            }
        }
        if (_PyUnicodeWriter_WriteChar(&writer, c) < 0)
            goto bail;
    }
    *next_end = end;
    return _PyUnicodeWriter_Finish(&writer);
bail:
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static PyObject *py_scanstring(PyObject *self, PyObject *args)
{
    PyObject *pystr;
    Py_ssize_t end, next_end = -1;
    int strict = 1;
    if (!PyArg_ParseTuple(args, "On|p:scanstring", &pystr, &end, &strict))
        return NULL;
    if (!PyUnicode_Check(pystr)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(pystr)->tp_name);
        return NULL;
    }
    PyObject *rval = scanstring_unicode(pystr, end, strict, &next_end);
    if (rval == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", rval, next_end);
}

/* ------------------------------------------------------------ module */

static PyMethodDef speedups_methods[] = {
    {"encode_basestring_ascii", py_encode_basestring_ascii, METH_O,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", py_encode_basestring, METH_O,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {"scanstring", py_scanstring, METH_VARARGS,
     "scanstring(string, end, strict=True) -> (string, end)\n\n"
     "Scan the string s for a JSON string. End is the index of the\n"
     "character in s after the quote that started the JSON string.\n"
     "Unescapes all valid JSON string escape sequences and raises ValueError\n"
     "on attempt to decode an invalid string. If strict is False then literal\n"
     "control characters are allowed in the string.\n\n"
     "Returns a tuple of the decoded string and the index of the character in s\n"
     "after the end quote."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef jsonmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_json",
    .m_doc = "json speedups\n",
    .m_size = -1,
    .m_methods = speedups_methods,
};

PyObject *PyInit__json(void)
{
    return PyModule_Create(&jsonmodule);
}
