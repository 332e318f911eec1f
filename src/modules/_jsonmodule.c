/* _jsonmodule.c — the `_json` accelerator for the json package: scanstring,
 * encode_basestring(_ascii), make_scanner (_json.Scanner) and make_encoder
 * (_json.Encoder).  Owner: modules-data.  Results must equal the pure-Python
 * fallbacks' byte for byte; decode errors are json's own JSONDecodeError with
 * CPython's messages and positions. */
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

/* Length of c's escape: 2 for the short forms, 6 for \uXXXX, 12 for a surrogate pair. */
static Py_ssize_t escape_len(Py_UCS4 c)
{
    switch (c) {
    case '\\': case '"': case '\b': case '\f': case '\n': case '\r': case '\t':
        return 2;
    }
    return c >= 0x10000 ? 12 : 6;
}

/* The quoted JSON form of pystr.  One pass sizes the result (and finds its widest
 * character), the second writes it straight into the new str. */
static PyObject *encode_common(PyObject *pystr, int ascii_only)
{
    if (!PyUnicode_Check(pystr)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(pystr)->tp_name);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(pystr), outlen = 2, i, n;
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    Py_UCS4 maxchar = 127;
    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int plain = ascii_only ? (c >= ' ' && c <= '~' && c != '\\' && c != '"')
                               : (c >= ' ' && c != '\\' && c != '"');
        Py_ssize_t w = plain ? 1 : escape_len(c);
        if (plain && c > maxchar)
            maxchar = c;
        if (outlen > PY_SSIZE_T_MAX - w)
            return PyErr_NoMemory();
        outlen += w;
    }
    PyObject *res = PyUnicode_New(outlen, maxchar);
    if (res == NULL)
        return NULL;
    int okind = PyUnicode_KIND(res);
    void *odata = PyUnicode_DATA(res);
    n = 0;
    PyUnicode_WRITE(okind, odata, n++, '"');
    for (i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        int plain = ascii_only ? (c >= ' ' && c <= '~' && c != '\\' && c != '"')
                               : (c >= ' ' && c != '\\' && c != '"');
        if (plain) {
            PyUnicode_WRITE(okind, odata, n++, c);
        } else {
            Py_UCS4 esc[12];
            Py_ssize_t k, m = escape_char(esc, c);
            for (k = 0; k < m; k++)
                PyUnicode_WRITE(okind, odata, n++, esc[k]);
        }
    }
    PyUnicode_WRITE(okind, odata, n++, '"');
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
    int kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    for (;;) {
        Py_UCS4 c = 0;
        Py_ssize_t next;
        for (next = end; next < len; next++) {
            c = PyUnicode_READ(kind, data, next);
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
        if (c == '"' && writer.pos == 0) {
            /* No escapes (the common case): the body is a plain substring. */
            PyObject *rval = PyUnicode_Substring(pystr, end, next);
            _PyUnicodeWriter_Dealloc(&writer);
            *next_end = next + 1;
            return rval;
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

/* ------------------------------------------------------------ scanner (make_scanner) */

typedef struct {
    PyObject_HEAD
    char strict;
    PyObject *object_hook, *object_pairs_hook, *parse_float, *parse_int, *parse_constant;
    PyObject *memo;
} ScannerObject;

static PyTypeObject ScannerType;

static void raise_stop_iteration(Py_ssize_t idx)
{
    PyObject *value = PyLong_FromSsize_t(idx);
    if (value != NULL) {
        PyErr_SetObject(PyExc_StopIteration, value);
        Py_DECREF(value);
    }
}

#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

static PyObject *scan_once_unicode(ScannerObject *s, PyObject *pystr, Py_ssize_t idx,
                                   Py_ssize_t *next_idx);

static Py_ssize_t skip_ws(PyObject *pystr, Py_ssize_t idx, Py_ssize_t end_idx)
{
    while (idx <= end_idx && IS_WS(PyUnicode_READ_CHAR(pystr, idx)))
        idx++;
    return idx;
}

static PyObject *parse_object(ScannerObject *s, PyObject *pystr, Py_ssize_t idx,
                              Py_ssize_t *next_idx)
{
    Py_ssize_t end_idx = PyUnicode_GET_LENGTH(pystr) - 1, nidx;
    int has_pairs_hook = s->object_pairs_hook != Py_None;
    PyObject *rval = has_pairs_hook ? PyList_New(0) : PyDict_New();
    PyObject *key = NULL, *val = NULL;
    if (rval == NULL)
        return NULL;
    idx = skip_ws(pystr, idx, end_idx);
    if (idx > end_idx || PyUnicode_READ_CHAR(pystr, idx) != '}') {
        for (;;) {
            if (idx > end_idx || PyUnicode_READ_CHAR(pystr, idx) != '"') {
                raise_errmsg("Expecting property name enclosed in double quotes", pystr, idx);
                goto bail;
            }
            key = scanstring_unicode(pystr, idx + 1, s->strict, &nidx);
            if (key == NULL)
                goto bail;
            PyObject *memokey = PyDict_SetDefault(s->memo, key, key);   /* share equal keys */
            if (memokey == NULL)
                goto bail;
            Py_INCREF(memokey);
            Py_SETREF(key, memokey);
            idx = skip_ws(pystr, nidx, end_idx);
            if (idx > end_idx || PyUnicode_READ_CHAR(pystr, idx) != ':') {
                raise_errmsg("Expecting ':' delimiter", pystr, idx);
                goto bail;
            }
            idx = skip_ws(pystr, idx + 1, end_idx);
            val = scan_once_unicode(s, pystr, idx, &nidx);
            if (val == NULL)
                goto bail;
            if (has_pairs_hook) {
                PyObject *item = PyTuple_Pack(2, key, val);
                if (item == NULL)
                    goto bail;
                int r = PyList_Append(rval, item);
                Py_DECREF(item);
                if (r < 0)
                    goto bail;
            }
            else if (PyDict_SetItem(rval, key, val) < 0)
                goto bail;
            Py_CLEAR(key);
            Py_CLEAR(val);
            idx = skip_ws(pystr, nidx, end_idx);
            if (idx <= end_idx && PyUnicode_READ_CHAR(pystr, idx) == '}')
                break;
            if (idx > end_idx || PyUnicode_READ_CHAR(pystr, idx) != ',') {
                raise_errmsg("Expecting ',' delimiter", pystr, idx);
                goto bail;
            }
            idx = skip_ws(pystr, idx + 1, end_idx);
        }
    }
    *next_idx = idx + 1;
    if (has_pairs_hook) {
        val = PyObject_CallOneArg(s->object_pairs_hook, rval);
        Py_DECREF(rval);
        return val;
    }
    if (s->object_hook != Py_None) {
        val = PyObject_CallOneArg(s->object_hook, rval);
        Py_DECREF(rval);
        return val;
    }
    return rval;
bail:
    Py_XDECREF(key);
    Py_XDECREF(val);
    Py_DECREF(rval);
    return NULL;
}

static PyObject *parse_array(ScannerObject *s, PyObject *pystr, Py_ssize_t idx,
                             Py_ssize_t *next_idx)
{
    Py_ssize_t end_idx = PyUnicode_GET_LENGTH(pystr) - 1, nidx;
    PyObject *rval = PyList_New(0);
    if (rval == NULL)
        return NULL;
    idx = skip_ws(pystr, idx, end_idx);
    if (idx > end_idx || PyUnicode_READ_CHAR(pystr, idx) != ']') {
        for (;;) {
            PyObject *val = scan_once_unicode(s, pystr, idx, &nidx);
            if (val == NULL)
                goto bail;
            int r = PyList_Append(rval, val);
            Py_DECREF(val);
            if (r < 0)
                goto bail;
            idx = skip_ws(pystr, nidx, end_idx);
            if (idx <= end_idx && PyUnicode_READ_CHAR(pystr, idx) == ']')
                break;
            if (idx > end_idx || PyUnicode_READ_CHAR(pystr, idx) != ',') {
                raise_errmsg("Expecting ',' delimiter", pystr, idx);
                goto bail;
            }
            idx = skip_ws(pystr, idx + 1, end_idx);
        }
    }
    if (idx > end_idx) {
        raise_errmsg("Expecting value", pystr, end_idx);
        goto bail;
    }
    *next_idx = idx + 1;
    return rval;
bail:
    Py_DECREF(rval);
    return NULL;
}

static PyObject *parse_constant(ScannerObject *s, const char *constant, Py_ssize_t idx,
                                Py_ssize_t *next_idx)
{
    PyObject *cstr = PyUnicode_InternFromString(constant);
    if (cstr == NULL)
        return NULL;
    PyObject *rval = PyObject_CallOneArg(s->parse_constant, cstr);
    *next_idx = idx + PyUnicode_GET_LENGTH(cstr);
    Py_DECREF(cstr);
    return rval;
}

/* The float at pystr[start:end) when it can be had without a string conversion (Clinger's
 * fast path): at most 15 significant digits and a power of ten up to 22, both exact as
 * doubles, so one IEEE multiply or divide gives the correctly rounded value that
 * float(str) would.  Returns NULL with no exception set when the number does not qualify. */
static PyObject *fast_float(int kind, const void *data, Py_ssize_t start, Py_ssize_t end)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                   1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
                                   1e20, 1e21, 1e22};
    uint64_t mant = 0;
    int ndigits = 0, neg = 0, exp = 0, eneg = 0, edigits = 0, seen_dot = 0;
    Py_ssize_t i = start;
    double v;
    if (PyUnicode_READ(kind, data, i) == '-') {
        neg = 1;
        i++;
    }
    for (; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '.') {
            seen_dot = 1;
        } else if (c >= '0' && c <= '9') {
            if (mant != 0 || c != '0')
                ndigits++;
            if (ndigits > 15)
                return NULL;
            mant = mant * 10 + (c - '0');
            exp -= seen_dot;
        } else {
            break;   /* 'e' or 'E' */
        }
    }
    if (i < end) {
        int e = 0;
        i++;
        if (PyUnicode_READ(kind, data, i) == '-' || PyUnicode_READ(kind, data, i) == '+')
            eneg = PyUnicode_READ(kind, data, i++) == '-';
        for (; i < end; i++) {
            if (++edigits > 4)
                return NULL;
            e = e * 10 + (int)(PyUnicode_READ(kind, data, i) - '0');
        }
        exp += eneg ? -e : e;
    }
    if (exp < -22 || exp > 22)
        return NULL;
    v = exp >= 0 ? (double)mant * pow10[exp] : (double)mant / pow10[-exp];
    return PyFloat_FromDouble(neg ? -v : v);
}

static PyObject *match_number(ScannerObject *s, PyObject *pystr, Py_ssize_t start,
                              Py_ssize_t *next_idx)
{
    Py_ssize_t end_idx = PyUnicode_GET_LENGTH(pystr) - 1, idx = start;
    int is_float = 0, kind = PyUnicode_KIND(pystr);
    const void *data = PyUnicode_DATA(pystr);
#define CH(i) PyUnicode_READ(kind, data, (i))
    if (CH(idx) == '-') {
        idx++;
        if (idx > end_idx) {
            raise_stop_iteration(start);
            return NULL;
        }
    }
    if (CH(idx) >= '1' && CH(idx) <= '9') {
        idx++;
        while (idx <= end_idx && IS_DIGIT(CH(idx)))
            idx++;
    }
    else if (CH(idx) == '0')
        idx++;
    else {
        raise_stop_iteration(start);
        return NULL;
    }
    if (idx < end_idx && CH(idx) == '.' && IS_DIGIT(CH(idx + 1))) {
        is_float = 1;
        idx += 2;
        while (idx <= end_idx && IS_DIGIT(CH(idx)))
            idx++;
    }
    if (idx < end_idx && (CH(idx) == 'e' || CH(idx) == 'E')) {
        Py_ssize_t e_start = idx;
        idx++;
        if (idx < end_idx && (CH(idx) == '-' || CH(idx) == '+'))
            idx++;
        while (idx <= end_idx && IS_DIGIT(CH(idx)))
            idx++;
        if (IS_DIGIT(CH(idx - 1)))
            is_float = 1;
        else
            idx = e_start;   /* no exponent digits: back off */
    }
#undef CH
    PyObject *custom = NULL;
    if (is_float && s->parse_float != (PyObject *)&PyFloat_Type)
        custom = s->parse_float;
    else if (!is_float && s->parse_int != (PyObject *)&PyLong_Type)
        custom = s->parse_int;
    PyObject *numstr, *rval;
    if (is_float && custom == NULL) {
        rval = fast_float(kind, data, start, idx);
        if (rval != NULL) {
            *next_idx = idx;
            return rval;
        }
    }
    numstr = PyUnicode_Substring(pystr, start, idx);
    if (numstr == NULL)
        return NULL;
    if (custom)
        rval = PyObject_CallOneArg(custom, numstr);
    else if (is_float)
        rval = PyFloat_FromString(numstr);
    else
        rval = PyLong_FromUnicodeObject(numstr, 10);
    Py_DECREF(numstr);
    *next_idx = idx;
    return rval;
}

static int match_word(PyObject *pystr, Py_ssize_t idx, const char *word)
{
    Py_ssize_t n = (Py_ssize_t)strlen(word);
    if (idx + n > PyUnicode_GET_LENGTH(pystr))
        return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyUnicode_READ_CHAR(pystr, idx + i) != (Py_UCS4)(unsigned char)word[i])
            return 0;
    return 1;
}

static PyObject *scan_once_unicode(ScannerObject *s, PyObject *pystr, Py_ssize_t idx,
                                   Py_ssize_t *next_idx)
{
    Py_ssize_t length = PyUnicode_GET_LENGTH(pystr);
    PyObject *res;
    if (idx < 0) {
        PyErr_SetString(PyExc_ValueError, "idx cannot be negative");
        return NULL;
    }
    if (idx >= length) {
        raise_stop_iteration(idx);
        return NULL;
    }
    switch (PyUnicode_READ_CHAR(pystr, idx)) {
    case '"':
        return scanstring_unicode(pystr, idx + 1, s->strict, next_idx);
    case '{':
        if (Py_EnterRecursiveCall(" while decoding a JSON object from a unicode string"))
            return NULL;
        res = parse_object(s, pystr, idx + 1, next_idx);
        Py_LeaveRecursiveCall();
        return res;
    case '[':
        if (Py_EnterRecursiveCall(" while decoding a JSON array from a unicode string"))
            return NULL;
        res = parse_array(s, pystr, idx + 1, next_idx);
        Py_LeaveRecursiveCall();
        return res;
    case 'n':
        if (match_word(pystr, idx, "null")) {
            *next_idx = idx + 4;
            Py_RETURN_NONE;
        }
        break;
    case 't':
        if (match_word(pystr, idx, "true")) {
            *next_idx = idx + 4;
            Py_RETURN_TRUE;
        }
        break;
    case 'f':
        if (match_word(pystr, idx, "false")) {
            *next_idx = idx + 5;
            Py_RETURN_FALSE;
        }
        break;
    case 'N':
        if (match_word(pystr, idx, "NaN"))
            return parse_constant(s, "NaN", idx, next_idx);
        break;
    case 'I':
        if (match_word(pystr, idx, "Infinity"))
            return parse_constant(s, "Infinity", idx, next_idx);
        break;
    case '-':
        if (match_word(pystr, idx, "-Infinity"))
            return parse_constant(s, "-Infinity", idx, next_idx);
        break;
    }
    return match_number(s, pystr, idx, next_idx);
}

static PyObject *scanner_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *pystr;
    Py_ssize_t idx, next_idx = -1;
    static char *kwlist[] = {"string", "idx", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:scan_once", kwlist, &pystr, &idx))
        return NULL;
    if (!PyUnicode_Check(pystr)) {
        PyErr_Format(PyExc_TypeError, "first argument must be a string, not %.80s",
                     Py_TYPE(pystr)->tp_name);
        return NULL;
    }
    ScannerObject *s = (ScannerObject *)self;
    PyObject *rval = scan_once_unicode(s, pystr, idx, &next_idx);
    PyDict_Clear(s->memo);
    if (rval == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", rval, next_idx);
}

static PyObject *scanner_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *ctx;
    static char *kwlist[] = {"context", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:make_scanner", kwlist, &ctx))
        return NULL;
    ScannerObject *s = (ScannerObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->memo = PyDict_New();
    if (s->memo == NULL)
        goto bail;
    PyObject *strict = PyObject_GetAttrString(ctx, "strict");
    if (strict == NULL)
        goto bail;
    int st = PyObject_IsTrue(strict);
    Py_DECREF(strict);
    if (st < 0)
        goto bail;
    s->strict = (char)st;
    if ((s->object_hook = PyObject_GetAttrString(ctx, "object_hook")) == NULL ||
        (s->object_pairs_hook = PyObject_GetAttrString(ctx, "object_pairs_hook")) == NULL ||
        (s->parse_float = PyObject_GetAttrString(ctx, "parse_float")) == NULL ||
        (s->parse_int = PyObject_GetAttrString(ctx, "parse_int")) == NULL ||
        (s->parse_constant = PyObject_GetAttrString(ctx, "parse_constant")) == NULL)
        goto bail;
    return (PyObject *)s;
bail:
    Py_DECREF(s);
    return NULL;
}

static int scanner_traverse(PyObject *self, visitproc visit, void *arg)
{
    ScannerObject *s = (ScannerObject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(s->object_hook);
    Py_VISIT(s->object_pairs_hook);
    Py_VISIT(s->parse_float);
    Py_VISIT(s->parse_int);
    Py_VISIT(s->parse_constant);
    Py_VISIT(s->memo);
    return 0;
}

static int scanner_clear(PyObject *self)
{
    ScannerObject *s = (ScannerObject *)self;
    Py_CLEAR(s->object_hook);
    Py_CLEAR(s->object_pairs_hook);
    Py_CLEAR(s->parse_float);
    Py_CLEAR(s->parse_int);
    Py_CLEAR(s->parse_constant);
    Py_CLEAR(s->memo);
    return 0;
}

static void scanner_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    scanner_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyMemberDef scanner_members[] = {
    {"strict", T_BOOL, offsetof(ScannerObject, strict), READONLY, "strict"},
    {"object_hook", T_OBJECT, offsetof(ScannerObject, object_hook), READONLY, "object_hook"},
    {"object_pairs_hook", T_OBJECT, offsetof(ScannerObject, object_pairs_hook), READONLY},
    {"parse_float", T_OBJECT, offsetof(ScannerObject, parse_float), READONLY, "parse_float"},
    {"parse_int", T_OBJECT, offsetof(ScannerObject, parse_int), READONLY, "parse_int"},
    {"parse_constant", T_OBJECT, offsetof(ScannerObject, parse_constant), READONLY, "parse_constant"},
    {NULL}
};

static PyTypeObject ScannerType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_json.Scanner",
    .tp_basicsize = sizeof(ScannerObject),
    .tp_dealloc = scanner_dealloc,
    .tp_call = scanner_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "JSON scanner object",
    .tp_traverse = scanner_traverse,
    .tp_clear = scanner_clear,
    .tp_members = scanner_members,
    .tp_new = scanner_new,
};

/* ------------------------------------------------------------ encoder (make_encoder) */

typedef struct {
    PyObject_HEAD
    PyObject *markers, *defaultfn, *encoder, *indent, *key_separator, *item_separator;
    char sort_keys, skipkeys, allow_nan;
    int fast_encode;   /* 0: call encoder; 1: encode_basestring_ascii; 2: encode_basestring */
} EncoderObject;

static PyTypeObject EncoderType;

static PyObject *encoder_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"markers", "default", "encoder", "indent", "key_separator",
                             "item_separator", "sort_keys", "skipkeys", "allow_nan", NULL};
    PyObject *markers, *defaultfn, *encoder, *indent, *key_separator, *item_separator;
    int sort_keys, skipkeys, allow_nan;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOOOUUppp:make_encoder", kwlist, &markers,
                                     &defaultfn, &encoder, &indent, &key_separator,
                                     &item_separator, &sort_keys, &skipkeys, &allow_nan))
        return NULL;
    if (markers != Py_None && !PyDict_Check(markers)) {
        PyErr_Format(PyExc_TypeError, "make_encoder() argument 1 must be dict or None, not %.200s",
                     Py_TYPE(markers)->tp_name);
        return NULL;
    }
    EncoderObject *s = (EncoderObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->markers = Py_NewRef(markers);
    s->defaultfn = Py_NewRef(defaultfn);
    s->encoder = Py_NewRef(encoder);
    s->indent = Py_NewRef(indent);
    s->key_separator = Py_NewRef(key_separator);
    s->item_separator = Py_NewRef(item_separator);
    s->sort_keys = (char)sort_keys;
    s->skipkeys = (char)skipkeys;
    s->allow_nan = (char)allow_nan;
    s->fast_encode = 0;
    if (PyCFunction_Check(encoder)) {
        PyCFunction f = PyCFunction_GET_FUNCTION(encoder);
        if (f == py_encode_basestring_ascii)
            s->fast_encode = 1;
        else if (f == py_encode_basestring)
            s->fast_encode = 2;
    }
    return (PyObject *)s;
}

static PyObject *encoder_encode_string(EncoderObject *s, PyObject *obj)
{
    if (s->fast_encode == 1)
        return py_encode_basestring_ascii(NULL, obj);
    if (s->fast_encode == 2)
        return py_encode_basestring(NULL, obj);
    PyObject *encoded = PyObject_CallOneArg(s->encoder, obj);
    if (encoded != NULL && !PyUnicode_Check(encoded)) {
        PyErr_Format(PyExc_TypeError, "encoder() must return a string, not %.80s",
                     Py_TYPE(encoded)->tp_name);
        Py_DECREF(encoded);
        return NULL;
    }
    return encoded;
}

static PyObject *encoder_encode_float(EncoderObject *s, PyObject *obj)
{
    double i = PyFloat_AS_DOUBLE(obj);
    if (!isfinite(i)) {
        if (!s->allow_nan) {
            PyErr_SetString(PyExc_ValueError, "Out of range float values are not JSON compliant");
            return NULL;
        }
        return PyUnicode_FromString(i > 0 ? "Infinity" : i < 0 ? "-Infinity" : "NaN");
    }
    return PyFloat_Type.tp_repr(obj);
}

static int write_and_drop(_PyUnicodeWriter *w, PyObject *str)
{
    if (str == NULL)
        return -1;
    int r = _PyUnicodeWriter_WriteStr(w, str);
    Py_DECREF(str);
    return r;
}

/* Enter obj into the circular-reference markers; *ident gets the key to remove. */
static int markers_enter(EncoderObject *s, PyObject *obj, PyObject **ident)
{
    *ident = NULL;
    if (s->markers == Py_None)
        return 0;
    PyObject *id = PyLong_FromVoidPtr(obj);
    if (id == NULL)
        return -1;
    int has = PyDict_Contains(s->markers, id);
    if (has) {
        if (has > 0)
            PyErr_SetString(PyExc_ValueError, "Circular reference detected");
        Py_DECREF(id);
        return -1;
    }
    if (PyDict_SetItem(s->markers, id, obj) < 0) {
        Py_DECREF(id);
        return -1;
    }
    *ident = id;
    return 0;
}

static int markers_leave(EncoderObject *s, PyObject *ident)
{
    if (ident == NULL)
        return 0;
    int r = PyDict_DelItem(s->markers, ident);
    Py_DECREF(ident);
    return r;
}

static int encoder_listencode_obj(EncoderObject *s, _PyUnicodeWriter *w, PyObject *obj,
                                  Py_ssize_t indent_level);

static int encoder_listencode_list(EncoderObject *s, _PyUnicodeWriter *w, PyObject *seq,
                                   Py_ssize_t indent_level)
{
    PyObject *ident = NULL;
    PyObject *s_fast = PySequence_Fast(seq, "_iterencode_list needs a sequence");
    if (s_fast == NULL)
        return -1;
    if (PySequence_Fast_GET_SIZE(s_fast) == 0) {
        Py_DECREF(s_fast);
        return _PyUnicodeWriter_WriteASCIIString(w, "[]", 2);
    }
    if (markers_enter(s, seq, &ident) < 0)
        goto bail;
    if (_PyUnicodeWriter_WriteASCIIString(w, "[", 1) < 0)
        goto bail;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(s_fast); i++) {
        if (i && _PyUnicodeWriter_WriteStr(w, s->item_separator) < 0)
            goto bail;
        if (encoder_listencode_obj(s, w, PySequence_Fast_GET_ITEM(s_fast, i), indent_level))
            goto bail;
    }
    if (markers_leave(s, ident) < 0) {
        ident = NULL;
        goto bail;
    }
    ident = NULL;
    Py_DECREF(s_fast);
    return _PyUnicodeWriter_WriteASCIIString(w, "]", 1);
bail:
    Py_XDECREF(ident);
    Py_DECREF(s_fast);
    return -1;
}

static int encoder_listencode_dict(EncoderObject *s, _PyUnicodeWriter *w, PyObject *dct,
                                   Py_ssize_t indent_level)
{
    PyObject *ident = NULL, *items = NULL;
    if (PyDict_GET_SIZE(dct) == 0)
        return _PyUnicodeWriter_WriteASCIIString(w, "{}", 2);
    if (markers_enter(s, dct, &ident) < 0)
        return -1;
    if (_PyUnicodeWriter_WriteASCIIString(w, "{", 1) < 0)
        goto bail;
    items = PyMapping_Items(dct);
    if (items == NULL || (s->sort_keys && PyList_Sort(items) < 0))
        goto bail;
    Py_ssize_t written = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *item = PyList_GET_ITEM(items, i), *kstr;
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
            PyErr_SetString(PyExc_ValueError, "items must return 2-tuples");
            goto bail;
        }
        PyObject *key = PyTuple_GET_ITEM(item, 0);
        if (PyUnicode_Check(key))
            kstr = Py_NewRef(key);
        else if (PyFloat_Check(key))
            kstr = encoder_encode_float(s, key);
        else if (key == Py_True || key == Py_False || key == Py_None)
            kstr = PyUnicode_FromString(key == Py_True ? "true" : key == Py_False ? "false" : "null");
        else if (PyLong_Check(key))
            kstr = PyLong_Type.tp_repr(key);
        else if (s->skipkeys)
            continue;
        else {
            PyErr_Format(PyExc_TypeError,
                         "keys must be str, int, float, bool or None, not %.100s",
                         Py_TYPE(key)->tp_name);
            goto bail;
        }
        if (kstr == NULL)
            goto bail;
        if (written && _PyUnicodeWriter_WriteStr(w, s->item_separator) < 0) {
            Py_DECREF(kstr);
            goto bail;
        }
        PyObject *encoded = encoder_encode_string(s, kstr);
        Py_DECREF(kstr);
        if (write_and_drop(w, encoded) < 0 ||
            _PyUnicodeWriter_WriteStr(w, s->key_separator) < 0 ||
            encoder_listencode_obj(s, w, PyTuple_GET_ITEM(item, 1), indent_level))
            goto bail;
        written++;
    }
    Py_CLEAR(items);
    if (markers_leave(s, ident) < 0) {
        ident = NULL;
        goto bail;
    }
    return _PyUnicodeWriter_WriteASCIIString(w, "}", 1);
bail:
    Py_XDECREF(items);
    Py_XDECREF(ident);
    return -1;
}

static int encoder_listencode_obj(EncoderObject *s, _PyUnicodeWriter *w, PyObject *obj,
                                  Py_ssize_t indent_level)
{
    int rv;
    if (obj == Py_None)
        return _PyUnicodeWriter_WriteASCIIString(w, "null", 4);
    if (obj == Py_True)
        return _PyUnicodeWriter_WriteASCIIString(w, "true", 4);
    if (obj == Py_False)
        return _PyUnicodeWriter_WriteASCIIString(w, "false", 5);
    if (PyUnicode_Check(obj))
        return write_and_drop(w, encoder_encode_string(s, obj));
    if (PyLong_Check(obj))
        return write_and_drop(w, PyLong_Type.tp_repr(obj));
    if (PyFloat_Check(obj))
        return write_and_drop(w, encoder_encode_float(s, obj));
    if (PyList_Check(obj) || PyTuple_Check(obj)) {
        if (Py_EnterRecursiveCall(" while encoding a JSON object"))
            return -1;
        rv = encoder_listencode_list(s, w, obj, indent_level);
        Py_LeaveRecursiveCall();
        return rv;
    }
    if (PyDict_Check(obj)) {
        if (Py_EnterRecursiveCall(" while encoding a JSON object"))
            return -1;
        rv = encoder_listencode_dict(s, w, obj, indent_level);
        Py_LeaveRecursiveCall();
        return rv;
    }
    PyObject *ident;
    if (markers_enter(s, obj, &ident) < 0)
        return -1;
    PyObject *newobj = PyObject_CallOneArg(s->defaultfn, obj);
    if (newobj == NULL) {
        Py_XDECREF(ident);
        return -1;
    }
    if (Py_EnterRecursiveCall(" while encoding a JSON object")) {
        Py_DECREF(newobj);
        Py_XDECREF(ident);
        return -1;
    }
    rv = encoder_listencode_obj(s, w, newobj, indent_level);
    Py_LeaveRecursiveCall();
    Py_DECREF(newobj);
    if (rv) {
        Py_XDECREF(ident);
        return -1;
    }
    return markers_leave(s, ident);
}

static PyObject *encoder_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "_current_indent_level", NULL};
    PyObject *obj;
    Py_ssize_t indent_level;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "On:_iterencode", kwlist, &obj, &indent_level))
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    if (encoder_listencode_obj((EncoderObject *)self, &w, obj, indent_level)) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    PyObject *str = _PyUnicodeWriter_Finish(&w);
    if (str == NULL)
        return NULL;
    return Py_BuildValue("[N]", str);   /* 3.11 hands back a list of chunks */
}

static int encoder_traverse(PyObject *self, visitproc visit, void *arg)
{
    EncoderObject *s = (EncoderObject *)self;
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(s->markers);
    Py_VISIT(s->defaultfn);
    Py_VISIT(s->encoder);
    Py_VISIT(s->indent);
    Py_VISIT(s->key_separator);
    Py_VISIT(s->item_separator);
    return 0;
}

static int encoder_clear(PyObject *self)
{
    EncoderObject *s = (EncoderObject *)self;
    Py_CLEAR(s->markers);
    Py_CLEAR(s->defaultfn);
    Py_CLEAR(s->encoder);
    Py_CLEAR(s->indent);
    Py_CLEAR(s->key_separator);
    Py_CLEAR(s->item_separator);
    return 0;
}

static void encoder_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    encoder_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyMemberDef encoder_members[] = {
    {"markers", T_OBJECT, offsetof(EncoderObject, markers), READONLY, "markers"},
    {"default", T_OBJECT, offsetof(EncoderObject, defaultfn), READONLY, "default"},
    {"encoder", T_OBJECT, offsetof(EncoderObject, encoder), READONLY, "encoder"},
    {"indent", T_OBJECT, offsetof(EncoderObject, indent), READONLY, "indent"},
    {"key_separator", T_OBJECT, offsetof(EncoderObject, key_separator), READONLY, "key_separator"},
    {"item_separator", T_OBJECT, offsetof(EncoderObject, item_separator), READONLY, "item_separator"},
    {"sort_keys", T_BOOL, offsetof(EncoderObject, sort_keys), READONLY, "sort_keys"},
    {"skipkeys", T_BOOL, offsetof(EncoderObject, skipkeys), READONLY, "skipkeys"},
    {NULL}
};

static PyTypeObject EncoderType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_json.Encoder",
    .tp_basicsize = sizeof(EncoderObject),
    .tp_dealloc = encoder_dealloc,
    .tp_call = encoder_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "_iterencode(obj, _current_indent_level) -> iterable",
    .tp_traverse = encoder_traverse,
    .tp_clear = encoder_clear,
    .tp_members = encoder_members,
    .tp_new = encoder_new,
};

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
    if (PyType_Ready(&ScannerType) < 0 || PyType_Ready(&EncoderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&jsonmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "make_scanner", (PyObject *)&ScannerType) < 0 ||
        PyModule_AddObjectRef(m, "make_encoder", (PyObject *)&EncoderType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
