/* _codecsmodule.c — the _codecs module: the registry functions of codecs.c and the
 * stateless codec entry points the encodings package calls (utf_8_decode, charmap_encode,
 * …), each returning (result, length consumed).  The codecs themselves are objects-num's
 * (unicodeobject.c); error handlers registered from Python (codecs.register_error) are
 * applied here around them, since the native codecs only know the built-in handler names. */
#include "Python.h"

#define LITTLE_ENDIAN_HOST (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)

/* ================================================================ registry */

static PyObject *codecs_register(PyObject *module, PyObject *search_function)
{
    if (PyCodec_Register(search_function) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *codecs_unregister(PyObject *module, PyObject *search_function)
{
    if (PyCodec_Unregister(search_function) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *codecs_lookup(PyObject *module, PyObject *args)
{
    const char *encoding;
    if (!PyArg_ParseTuple(args, "s:lookup", &encoding))
        return NULL;
    return _PyCodec_Lookup(encoding);
}

static PyObject *codecs_encode(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "encoding", "errors", NULL};
    PyObject *obj;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|ss:encode", kwlist, &obj, &encoding, &errors))
        return NULL;
    return PyCodec_Encode(obj, encoding ? encoding : "utf-8", errors);
}

static PyObject *codecs_decode(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "encoding", "errors", NULL};
    PyObject *obj;
    const char *encoding = NULL, *errors = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|ss:decode", kwlist, &obj, &encoding, &errors))
        return NULL;
    return PyCodec_Decode(obj, encoding ? encoding : "utf-8", errors);
}

static PyObject *codecs_register_error(PyObject *module, PyObject *args)
{
    const char *name;
    PyObject *handler;
    if (!PyArg_ParseTuple(args, "sO:register_error", &name, &handler))
        return NULL;
    if (PyCodec_RegisterError(name, handler) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *codecs_lookup_error(PyObject *module, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:lookup_error", &name))
        return NULL;
    return PyCodec_LookupError(name);
}

/* ================================================================ helpers */

static PyObject *codec_tuple(PyObject *decoded, Py_ssize_t len)
{
    if (decoded == NULL)
        return NULL;
    return Py_BuildValue("Nn", decoded, len);
}

/* Error handler names the native codecs implement themselves. */
static int is_builtin_handler(const char *errors)
{
    static const char *const names[] = {"strict", "ignore", "replace", "surrogateescape",
                                        "backslashreplace", "surrogatepass",
                                        "xmlcharrefreplace", "namereplace"};
    if (errors == NULL)
        return 1;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(names); i++)
        if (strcmp(errors, names[i]) == 0)
            return 1;
    return 0;
}

/* A native decoder run in strict mode; *state carries the byte order between chunks. */
typedef PyObject *(*chunk_decoder)(const char *s, Py_ssize_t size, int *state);

/* Decode with a handler registered from Python: decode strictly, and at each error call the
 * handler (through codecs.c) and resume where it says. */
static PyObject *dec_utf16(const char *s, Py_ssize_t n, int *st);
static PyObject *dec_utf32(const char *s, Py_ssize_t n, int *st);

static PyObject *decode_with_handler(chunk_decoder dec, const char *encoding, const char *s,
                                     Py_ssize_t size, const char *errors, int *state)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t pos = 0;
    while (pos <= size) {
        int saved = *state;   /* a failed attempt must not settle the byte order */
        PyObject *part = dec(s + pos, size - pos, state);
        if (part == NULL)
            *state = saved;
        if (part != NULL) {
            int r = _PyUnicodeWriter_WriteStr(&w, part);
            Py_DECREF(part);
            if (r < 0)
                goto error;
            break;
        }
        if (!PyErr_ExceptionMatches(PyExc_UnicodeDecodeError))
            goto error;
        PyObject *type, *exc, *tb;
        PyErr_Fetch(&type, &exc, &tb);
        PyErr_NormalizeException(&type, &exc, &tb);
        Py_ssize_t start, end;
        PyObject *reason = PyUnicodeDecodeError_GetReason(exc);
        int ok = PyUnicodeDecodeError_GetStart(exc, &start) == 0 &&
                 PyUnicodeDecodeError_GetEnd(exc, &end) == 0 && reason != NULL;
        Py_DECREF(type);
        Py_DECREF(exc);
        Py_XDECREF(tb);
        if (!ok) {
            Py_XDECREF(reason);
            goto error;
        }
        /* The prefix before the error decodes cleanly. */
        if (start > 0) {
            int st = *state;
            part = dec(s + pos, start, &st);
            if (part == NULL || _PyUnicodeWriter_WriteStr(&w, part) < 0) {
                Py_XDECREF(part);
                Py_DECREF(reason);
                goto error;
            }
            Py_DECREF(part);
            *state = st;
        }
        Py_ssize_t newpos;
        const char *why = PyUnicode_AsUTF8(reason);
        PyObject *rep = why ? _PyCodec_CallDecodeErrorHandler(errors, encoding, s, size, pos + start,
                                                              pos + end, why, &newpos)
                            : NULL;
        Py_DECREF(reason);
        if (rep == NULL)
            goto error;
        int r = _PyUnicodeWriter_WriteStr(&w, rep);
        Py_DECREF(rep);
        if (r < 0)
            goto error;
        /* only the start of the input can hold a BOM (utf-16/32: 0 = not yet seen) */
        if (dec == dec_utf16 || dec == dec_utf32) {
            if (*state == 0)
                *state = -1;
        }
        if (newpos >= size)
            break;
        pos = newpos;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

/* An encoder run in strict mode on str[start:end]; *state as for decoding. */
typedef PyObject *(*chunk_encoder)(PyObject *str, int *state);

static PyObject *encode_with_handler(chunk_encoder enc, const char *encoding, PyObject *str,
                                     const char *errors, int *state)
{
    PyObject *out = PyBytes_FromStringAndSize(NULL, 0);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), pos = 0;
    while (out != NULL && pos <= len) {
        PyObject *sub = PyUnicode_Substring(str, pos, len);
        if (sub == NULL)
            goto error;
        PyObject *part = enc(sub, state);
        Py_DECREF(sub);
        if (part != NULL) {
            PyBytes_ConcatAndDel(&out, part);
            break;
        }
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            goto error;
        PyObject *type, *exc, *tb;
        PyErr_Fetch(&type, &exc, &tb);
        PyErr_NormalizeException(&type, &exc, &tb);
        Py_ssize_t start, end;
        PyObject *reason = PyUnicodeEncodeError_GetReason(exc);
        int ok = PyUnicodeEncodeError_GetStart(exc, &start) == 0 &&
                 PyUnicodeEncodeError_GetEnd(exc, &end) == 0 && reason != NULL;
        Py_DECREF(type);
        Py_DECREF(exc);
        Py_XDECREF(tb);
        if (!ok) {
            Py_XDECREF(reason);
            goto error;
        }
        if (start > 0) {
            sub = PyUnicode_Substring(str, pos, pos + start);
            part = sub ? enc(sub, state) : NULL;
            Py_XDECREF(sub);
            if (part == NULL) {
                Py_DECREF(reason);
                goto error;
            }
            PyBytes_ConcatAndDel(&out, part);
            if (out == NULL) {
                Py_DECREF(reason);
                goto error;
            }
        }
        Py_ssize_t newpos;
        const char *why = PyUnicode_AsUTF8(reason);
        PyObject *rep = why ? _PyCodec_CallEncodeErrorHandler(errors, encoding, str, pos + start,
                                                              pos + end, why, &newpos)
                            : NULL;
        Py_DECREF(reason);
        if (rep == NULL)
            goto error;
        if (PyUnicode_Check(rep)) {
            /* A str replacement must itself be encodable. */
            PyObject *b = enc(rep, state);
            Py_DECREF(rep);
            if (b == NULL)
                goto error;
            rep = b;
        }
        PyBytes_ConcatAndDel(&out, rep);
        if (newpos >= len)
            break;
        pos = newpos;
    }
    return out;
error:
    Py_XDECREF(out);
    return NULL;
}

/* ================================================================ decoders */

static PyObject *dec_utf8(const char *s, Py_ssize_t n, int *st) { return PyUnicode_DecodeUTF8(s, n, NULL); }
static PyObject *dec_latin1(const char *s, Py_ssize_t n, int *st) { return PyUnicode_DecodeLatin1(s, n, NULL); }
static PyObject *dec_ascii(const char *s, Py_ssize_t n, int *st) { return PyUnicode_DecodeASCII(s, n, NULL); }
/* UTF-16/32 chunks between errors: once the first chunk is read the order is settled (a
 * BOM-less start means native), so a later FF FE is not taken for a BOM */
static PyObject *dec_utf16(const char *s, Py_ssize_t n, int *st)
{
    PyObject *r = PyUnicode_DecodeUTF16(s, n, NULL, st);
    if (*st == 0)
        *st = -1;
    return r;
}
static PyObject *dec_utf32(const char *s, Py_ssize_t n, int *st)
{
    PyObject *r = PyUnicode_DecodeUTF32(s, n, NULL, st);
    if (*st == 0)
        *st = -1;
    return r;
}
static PyObject *dec_uesc(const char *s, Py_ssize_t n, int *st) { return PyUnicode_DecodeUnicodeEscape(s, n, NULL); }
static PyObject *dec_rawuesc(const char *s, Py_ssize_t n, int *st) { return PyUnicode_DecodeRawUnicodeEscape(s, n, NULL); }

static PyObject *decode_buffer(PyObject *args, const char *fname, chunk_decoder dec, const char *encoding)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 0;
    char fmt[64];
    snprintf(fmt, sizeof fmt, "y*|zi:%s", fname);
    if (!PyArg_ParseTuple(args, fmt, &data, &errors, &final))
        return NULL;
    PyObject *res;
    if (is_builtin_handler(errors)) {
        if (dec == dec_latin1)
            res = PyUnicode_DecodeLatin1(data.buf, data.len, errors);
        else
            res = PyUnicode_DecodeASCII(data.buf, data.len, errors);
    } else {
        int st = 0;
        res = decode_with_handler(dec, encoding, data.buf, data.len, errors, &st);
    }
    Py_ssize_t len = data.len;
    PyBuffer_Release(&data);
    return codec_tuple(res, len);
}

static PyObject *codecs_latin_1_decode(PyObject *m, PyObject *args)
{
    return decode_buffer(args, "latin_1_decode", dec_latin1, "latin-1");
}

static PyObject *codecs_ascii_decode(PyObject *m, PyObject *args)
{
    return decode_buffer(args, "ascii_decode", dec_ascii, "ascii");
}

static PyObject *codecs_utf_8_decode(PyObject *m, PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 0;
    if (!PyArg_ParseTuple(args, "y*|zi:utf_8_decode", &data, &errors, &final))
        return NULL;
    Py_ssize_t consumed = data.len;
    PyObject *res;
    if (is_builtin_handler(errors)) {
        res = PyUnicode_DecodeUTF8Stateful(data.buf, data.len, errors, final ? NULL : &consumed);
    } else {
        /* Hold back an incomplete sequence at the end when not final. */
        Py_ssize_t n = data.len;
        if (!final) {
            PyObject *probe = PyUnicode_DecodeUTF8Stateful(data.buf, data.len, "ignore", &n);
            if (probe == NULL) {
                PyBuffer_Release(&data);
                return NULL;
            }
            Py_DECREF(probe);
        }
        int st = 0;
        res = decode_with_handler(dec_utf8, "utf-8", data.buf, n, errors, &st);
        consumed = n;
    }
    PyBuffer_Release(&data);
    return codec_tuple(res, consumed);
}

/* How many bytes of a UTF-16/32 input a non-final decode can take: whole code units,
 * and for UTF-16 not a trailing high surrogate waiting for its pair. */
static Py_ssize_t utf_complete_prefix(const unsigned char *s, Py_ssize_t size, int width, int bo)
{
    Py_ssize_t n = size - size % width;
    if (width == 2 && n >= 2) {
        if (bo == 0) {
            /* Unknown order: a BOM, if present, settles it; else native. */
            bo = (size >= 2 && s[0] == 0xFE && s[1] == 0xFF) ? 1 : -1;
        }
        unsigned u = bo < 0 ? (s[n - 2] | (s[n - 1] << 8)) : ((s[n - 2] << 8) | s[n - 1]);
        if (u >= 0xD800 && u <= 0xDBFF)
            n -= 2;
    }
    return n;
}

/* The utf_16/32 family: byteorder 0 (detect BOM), -1 (little), 1 (big). */
static PyObject *utf_16_32_decode(PyObject *args, const char *fname, int width, int byteorder, int ex)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 0;
    char fmt[64];
    int ok;
    if (ex) {
        snprintf(fmt, sizeof fmt, "y*|zii:%s", fname);
        ok = PyArg_ParseTuple(args, fmt, &data, &errors, &byteorder, &final);
    } else {
        snprintf(fmt, sizeof fmt, "y*|zi:%s", fname);
        ok = PyArg_ParseTuple(args, fmt, &data, &errors, &final);
    }
    if (!ok)
        return NULL;
    Py_ssize_t n = final ? data.len : utf_complete_prefix(data.buf, data.len, width, byteorder);
    int bo = byteorder;
    const unsigned char *b = data.buf;
    int bom = n >= width && (width == 2 ? ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))
                                        : ((b[0] == 0xFF && b[1] == 0xFE && !b[2] && !b[3]) ||
                                           (!b[0] && !b[1] && b[2] == 0xFE && b[3] == 0xFF)));
    PyObject *res;
    /* errors name the order in effect: a big-endian BOM, else little-endian (native) */
    int big = bo > 0 || (bo == 0 && bom && b[0] != 0xFF);
    const char *enc = width == 2 ? (big ? "utf-16-be" : "utf-16-le") : (big ? "utf-32-be" : "utf-32-le");
    if (is_builtin_handler(errors))
        res = width == 2 ? PyUnicode_DecodeUTF16(data.buf, n, errors, &bo)
                         : PyUnicode_DecodeUTF32(data.buf, n, errors, &bo);
    else
        res = decode_with_handler(width == 2 ? dec_utf16 : dec_utf32, enc, data.buf, n, errors, &bo);
    PyBuffer_Release(&data);
    if (res == NULL)
        return NULL;
    if (ex) {
        /* Nothing read yet, or no BOM: the byte order is still undecided (0). */
        if (byteorder == 0 && !bom)
            bo = 0;
        return Py_BuildValue("Nni", res, n, bo);
    }
    return Py_BuildValue("Nn", res, n);
}

static PyObject *codecs_utf_16_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_16_decode", 2, 0, 0); }
static PyObject *codecs_utf_16_le_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_16_le_decode", 2, -1, 0); }
static PyObject *codecs_utf_16_be_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_16_be_decode", 2, 1, 0); }
static PyObject *codecs_utf_16_ex_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_16_ex_decode", 2, 0, 1); }
static PyObject *codecs_utf_32_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_32_decode", 4, 0, 0); }
static PyObject *codecs_utf_32_le_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_32_le_decode", 4, -1, 0); }
static PyObject *codecs_utf_32_be_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_32_be_decode", 4, 1, 0); }
static PyObject *codecs_utf_32_ex_decode(PyObject *m, PyObject *a) { return utf_16_32_decode(a, "utf_32_ex_decode", 4, 0, 1); }

/* The DeprecationWarning for the first invalid escape a decoder met (3.11's wording; an
 * octal escape above 0o377 names all three digits). -1 when the warning became an error. */
static int warn_invalid_escape(const char *first_invalid)
{
    unsigned char c = (unsigned char)*first_invalid;
    if ('4' <= c && c <= '7')
        return PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                                "invalid octal escape sequence '\\%.3s'", first_invalid);
    return PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "invalid escape sequence '\\%c'", c);
}

static PyObject *codecs_unicode_escape_decode(PyObject *m, PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 1;
    if (!PyArg_ParseTuple(args, "s*|zi:unicode_escape_decode", &data, &errors, &final))
        return NULL;
    Py_ssize_t consumed = data.len;
    PyObject *res;
    if (is_builtin_handler(errors)) {
        const char *first_invalid = NULL;
        res = _PyUnicode_DecodeUnicodeEscapeInternal(data.buf, data.len, errors,
                                                     final ? NULL : &consumed, &first_invalid);
        if (res != NULL && first_invalid != NULL) {
            /* an octal escape above 0o377 names all three digits */
            if (warn_invalid_escape(first_invalid) < 0)
                Py_CLEAR(res);
        }
    } else {
        int st = 0;
        res = decode_with_handler(dec_uesc, "unicodeescape", data.buf, data.len, errors, &st);
    }
    PyBuffer_Release(&data);
    return codec_tuple(res, consumed);
}

static PyObject *codecs_raw_unicode_escape_decode(PyObject *m, PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 1;
    if (!PyArg_ParseTuple(args, "s*|zi:raw_unicode_escape_decode", &data, &errors, &final))
        return NULL;
    Py_ssize_t n = data.len;
    if (!final) {
        /* Keep back a trailing, possibly incomplete \uXXXX / \UXXXXXXXX escape. */
        const char *s = data.buf;
        for (Py_ssize_t i = n - 1; i >= 0 && i >= n - 10; i--) {
            if (s[i] == '\\') {
                Py_ssize_t bs = 0;
                while (i - bs >= 0 && s[i - bs] == '\\')
                    bs++;
                if (bs % 2 == 1) {
                    int need = (i + 1 < n && s[i + 1] == 'U') ? 10 : 6;
                    if (i + 1 == n || ((s[i + 1] == 'u' || s[i + 1] == 'U') && n - i < need))
                        n = i;
                }
                break;
            }
        }
    }
    PyObject *res;
    if (is_builtin_handler(errors)) {
        res = PyUnicode_DecodeRawUnicodeEscape(data.buf, n, errors);
    } else {
        int st = 0;
        res = decode_with_handler(dec_rawuesc, "rawunicodeescape", data.buf, n, errors, &st);
    }
    PyBuffer_Release(&data);
    return codec_tuple(res, n);
}

static PyObject *codecs_escape_decode(PyObject *m, PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "s*|z:escape_decode", &data, &errors))
        return NULL;
    const char *bad = NULL;
    PyObject *res = _PyBytes_DecodeEscape(data.buf, data.len, errors, &bad);
    Py_ssize_t len = data.len;
    /* as CPython's PyBytes_DecodeEscape: the first invalid escape warns (3.11) */
    if (res != NULL && bad != NULL) {
        if (warn_invalid_escape(bad) < 0)
            Py_CLEAR(res);
    }
    PyBuffer_Release(&data);
    return codec_tuple(res, len);
}

static PyObject *codecs_escape_encode(PyObject *m, PyObject *args)
{
    PyObject *data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "O!|z:escape_encode", &PyBytes_Type, &data, &errors))
        return NULL;
    Py_ssize_t size = PyBytes_GET_SIZE(data);
    const unsigned char *s = (const unsigned char *)PyBytes_AS_STRING(data);
    if (size > PY_SSIZE_T_MAX / 4) {
        PyErr_SetString(PyExc_OverflowError, "string is too large to encode");
        return NULL;
    }
    PyObject *v = PyBytes_FromStringAndSize(NULL, size * 4);
    if (v == NULL)
        return NULL;
    char *p = PyBytes_AS_STRING(v), *start = p;
    static const char hex[] = "0123456789abcdef";
    for (Py_ssize_t i = 0; i < size; i++) {
        unsigned char c = s[i];
        if (c == '\'' || c == '\\') {
            *p++ = '\\';
            *p++ = (char)c;
        } else if (c == '\t') {
            *p++ = '\\'; *p++ = 't';
        } else if (c == '\n') {
            *p++ = '\\'; *p++ = 'n';
        } else if (c == '\r') {
            *p++ = '\\'; *p++ = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            *p++ = '\\'; *p++ = 'x';
            *p++ = hex[c >> 4];
            *p++ = hex[c & 0xf];
        } else {
            *p++ = (char)c;
        }
    }
    if (_PyBytes_Resize(&v, p - start) < 0)
        return NULL;
    return codec_tuple(v, size);
}

/* ---------------------------------------------------------------- charmap decode */

static PyObject *charmap_decode_impl(const unsigned char *s, Py_ssize_t size, const char *errors,
                                     PyObject *mapping)
{
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    Py_ssize_t i = 0;
    while (i < size) {
        unsigned char ch = s[i];
        PyObject *x = NULL;
        int undefined = 0;
        if (PyUnicode_Check(mapping)) {
            if (ch < PyUnicode_GET_LENGTH(mapping)) {
                Py_UCS4 c = PyUnicode_READ_CHAR(mapping, ch);
                if (c == 0xFFFE)
                    undefined = 1;
                else if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                    goto error;
            } else {
                undefined = 1;
            }
        } else {
            PyObject *key = PyLong_FromLong(ch);
            if (key == NULL)
                goto error;
            x = PyObject_GetItem(mapping, key);
            Py_DECREF(key);
            if (x == NULL) {
                if (!PyErr_ExceptionMatches(PyExc_LookupError))
                    goto error;
                PyErr_Clear();
                undefined = 1;
            } else if (x == Py_None) {
                undefined = 1;
            } else if (PyLong_Check(x)) {
                long value = PyLong_AsLong(x);
                if (value == -1 && PyErr_Occurred())
                    goto error_x;
                if (value < 0 || value > 0x10FFFF) {
                    PyErr_SetString(PyExc_TypeError, "character mapping must be in range(0x110000)");
                    goto error_x;
                }
                if (value == 0xFFFE)
                    undefined = 1;
                else if (_PyUnicodeWriter_WriteChar(&w, (Py_UCS4)value) < 0)
                    goto error_x;
            } else if (PyUnicode_Check(x)) {
                if (PyUnicode_GET_LENGTH(x) == 1 && PyUnicode_READ_CHAR(x, 0) == 0xFFFE)
                    undefined = 1;
                else if (_PyUnicodeWriter_WriteStr(&w, x) < 0)
                    goto error_x;
            } else {
                PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
                goto error_x;
            }
            Py_XDECREF(x);
        }
        if (!undefined) {
            i++;
            continue;
        }
        Py_ssize_t newpos;
        const char *reason = "character maps to <undefined>";
        if (errors == NULL || strcmp(errors, "strict") == 0) {
            PyObject *exc = PyUnicodeDecodeError_Create("charmap", (const char *)s, size, i, i + 1, reason);
            if (exc != NULL) {
                PyErr_SetObject(PyExc_UnicodeDecodeError, exc);
                Py_DECREF(exc);
            }
            goto error;
        }
        if (strcmp(errors, "ignore") == 0) {
            i++;
            continue;
        }
        if (strcmp(errors, "replace") == 0) {
            if (_PyUnicodeWriter_WriteChar(&w, 0xFFFD) < 0)
                goto error;
            i++;
            continue;
        }
        PyObject *rep = _PyCodec_CallDecodeErrorHandler(errors, "charmap", (const char *)s, size, i,
                                                        i + 1, reason, &newpos);
        if (rep == NULL)
            goto error;
        int r = _PyUnicodeWriter_WriteStr(&w, rep);
        Py_DECREF(rep);
        if (r < 0)
            goto error;
        i = newpos;
        continue;
    error_x:
        Py_XDECREF(x);
        goto error;
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *codecs_charmap_decode(PyObject *m, PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    PyObject *mapping = Py_None;
    if (!PyArg_ParseTuple(args, "y*|zO:charmap_decode", &data, &errors, &mapping))
        return NULL;
    PyObject *res = mapping == Py_None ? PyUnicode_DecodeLatin1(data.buf, data.len, errors)
                                       : charmap_decode_impl(data.buf, data.len, errors, mapping);
    Py_ssize_t len = data.len;
    PyBuffer_Release(&data);
    return codec_tuple(res, len);
}

static PyObject *codecs_readbuffer_encode(PyObject *m, PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "s*|z:readbuffer_encode", &data, &errors))
        return NULL;
    PyObject *res = PyBytes_FromStringAndSize(data.buf, data.len);
    Py_ssize_t len = data.len;
    PyBuffer_Release(&data);
    return codec_tuple(res, len);
}

/* ================================================================ encoders */

static PyObject *enc_utf8(PyObject *s, int *st) { return PyUnicode_AsEncodedString(s, "utf-8", NULL); }
static PyObject *enc_latin1(PyObject *s, int *st) { return PyUnicode_AsEncodedString(s, "latin-1", NULL); }
static PyObject *enc_ascii(PyObject *s, int *st) { return PyUnicode_AsEncodedString(s, "ascii", NULL); }
static PyObject *enc_uesc(PyObject *s, int *st) { return PyUnicode_AsUnicodeEscapeString(s); }
static PyObject *enc_rawuesc(PyObject *s, int *st) { return PyUnicode_AsRawUnicodeEscapeString(s); }

static PyObject *enc_utf16(PyObject *s, int *st)
{
    PyObject *r = _PyUnicode_EncodeUTF16(s, NULL, *st);
    if (r != NULL && *st == 0)
        *st = LITTLE_ENDIAN_HOST ? -1 : 1;   /* the BOM goes out once */
    return r;
}

static PyObject *enc_utf32(PyObject *s, int *st)
{
    PyObject *r = _PyUnicode_EncodeUTF32(s, NULL, *st);
    if (r != NULL && *st == 0)
        *st = LITTLE_ENDIAN_HOST ? -1 : 1;
    return r;
}

static PyObject *encode_str(PyObject *args, const char *fname, chunk_encoder enc, const char *encoding,
                            int byteorder, int has_byteorder)
{
    PyObject *str;
    const char *errors = NULL;
    char fmt[64];
    int ok;
    if (has_byteorder) {
        snprintf(fmt, sizeof fmt, "U|zi:%s", fname);
        ok = PyArg_ParseTuple(args, fmt, &str, &errors, &byteorder);
    } else {
        snprintf(fmt, sizeof fmt, "U|z:%s", fname);
        ok = PyArg_ParseTuple(args, fmt, &str, &errors);
    }
    if (!ok)
        return NULL;
    PyObject *res;
    if (is_builtin_handler(errors)) {
        if (enc == enc_utf16)
            res = _PyUnicode_EncodeUTF16(str, errors, byteorder);
        else if (enc == enc_utf32)
            res = _PyUnicode_EncodeUTF32(str, errors, byteorder);
        else if (enc == enc_uesc)
            res = PyUnicode_AsUnicodeEscapeString(str);
        else if (enc == enc_rawuesc)
            res = PyUnicode_AsRawUnicodeEscapeString(str);
        else
            res = PyUnicode_AsEncodedString(str, encoding, errors);
    } else {
        int st = byteorder;
        res = encode_with_handler(enc, encoding, str, errors, &st);
    }
    return codec_tuple(res, PyUnicode_GET_LENGTH(str));
}

static PyObject *codecs_utf_8_encode(PyObject *m, PyObject *a) { return encode_str(a, "utf_8_encode", enc_utf8, "utf-8", 0, 0); }
static PyObject *codecs_latin_1_encode(PyObject *m, PyObject *a) { return encode_str(a, "latin_1_encode", enc_latin1, "latin-1", 0, 0); }
static PyObject *codecs_ascii_encode(PyObject *m, PyObject *a) { return encode_str(a, "ascii_encode", enc_ascii, "ascii", 0, 0); }
static PyObject *codecs_utf_16_encode(PyObject *m, PyObject *a) { return encode_str(a, "utf_16_encode", enc_utf16, "utf-16", 0, 1); }
static PyObject *codecs_utf_16_le_encode(PyObject *m, PyObject *a) { return encode_str(a, "utf_16_le_encode", enc_utf16, "utf-16-le", -1, 0); }
static PyObject *codecs_utf_16_be_encode(PyObject *m, PyObject *a) { return encode_str(a, "utf_16_be_encode", enc_utf16, "utf-16-be", 1, 0); }
static PyObject *codecs_utf_32_encode(PyObject *m, PyObject *a) { return encode_str(a, "utf_32_encode", enc_utf32, "utf-32", 0, 1); }
static PyObject *codecs_utf_32_le_encode(PyObject *m, PyObject *a) { return encode_str(a, "utf_32_le_encode", enc_utf32, "utf-32-le", -1, 0); }
static PyObject *codecs_utf_32_be_encode(PyObject *m, PyObject *a) { return encode_str(a, "utf_32_be_encode", enc_utf32, "utf-32-be", 1, 0); }
static PyObject *codecs_unicode_escape_encode(PyObject *m, PyObject *a) { return encode_str(a, "unicode_escape_encode", enc_uesc, "unicodeescape", 0, 0); }
static PyObject *codecs_raw_unicode_escape_encode(PyObject *m, PyObject *a) { return encode_str(a, "raw_unicode_escape_encode", enc_rawuesc, "rawunicodeescape", 0, 0); }

/* ---------------------------------------------------------------- UTF-7 (RFC 2152)
 * objects-num's unicodeobject.c has no UTF-7 codec (PyUnicode_DecodeUTF7Stateful), so it
 * lives here, with CPython's rules: set D, set O and whitespace are written directly,
 * everything else in '+'...'-' base64 sections of UTF-16 code units. */

/* 0: set D, 1: set O, 2: whitespace, 3: must be base64-encoded. */
static const unsigned char utf7_category[128] = {
    3, 3, 3, 3, 3, 3, 3, 3, 3, 2, 2, 3, 3, 2, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 3, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 3, 3,
};

#define UTF7_IS_BASE64(c) \
    (((c) >= 'A' && (c) <= 'Z') || ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') || \
     (c) == '+' || (c) == '/')
#define UTF7_FROM_BASE64(c) \
    (((c) >= 'A' && (c) <= 'Z') ? (c) - 'A' : ((c) >= 'a' && (c) <= 'z') ? (c) - 'a' + 26 : \
     ((c) >= '0' && (c) <= '9') ? (c) - '0' + 52 : (c) == '+' ? 62 : 63)
#define UTF7_TO_BASE64(n) \
    ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[(n) & 0x3f])
/* The codec always writes sets D and O and whitespace directly. */
#define UTF7_ENCODE_DIRECT(c) ((c) > 0 && (c) < 128 && utf7_category[(c)] != 3)
#define UTF7_DECODE_DIRECT(c) ((c) <= 127 && (c) != '+')

static PyObject *utf7_encode(PyObject *str)
{
    Py_ssize_t i, len = PyUnicode_GET_LENGTH(str);
    int kind = PyUnicode_KIND(str), in_shift = 0, bits = 0;
    const void *data = PyUnicode_DATA(str);
    unsigned long buffer = 0;
    char *out;
    PyObject *v;
    if (len > PY_SSIZE_T_MAX / 8)
        return PyErr_NoMemory();
    v = PyBytes_FromStringAndSize(NULL, len * 8); /* at most 8 bytes per character */
    if (v == NULL)
        return NULL;
    out = PyBytes_AS_STRING(v);
    for (i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (in_shift) {
            if (UTF7_ENCODE_DIRECT(ch)) {
                if (bits) { /* flush the remaining bits */
                    *out++ = UTF7_TO_BASE64(buffer << (6 - bits));
                    buffer = 0;
                    bits = 0;
                }
                in_shift = 0;
                /* a non-base64 character ends the section by itself; '-' is then needed
                 * only before base64 characters and '-' itself */
                if (UTF7_IS_BASE64(ch) || ch == '-')
                    *out++ = '-';
                *out++ = (char)ch;
                continue;
            }
        }
        else if (ch == '+') {
            *out++ = '+';
            *out++ = '-';
            continue;
        }
        else if (UTF7_ENCODE_DIRECT(ch)) {
            *out++ = (char)ch;
            continue;
        }
        else {
            *out++ = '+';
            in_shift = 1;
        }
        if (ch >= 0x10000) { /* as a surrogate pair */
            bits += 16;
            buffer = (buffer << 16) | Py_UNICODE_HIGH_SURROGATE(ch);
            while (bits >= 6) {
                *out++ = UTF7_TO_BASE64(buffer >> (bits - 6));
                bits -= 6;
            }
            ch = Py_UNICODE_LOW_SURROGATE(ch);
        }
        bits += 16;
        buffer = (buffer << 16) | ch;
        while (bits >= 6) {
            *out++ = UTF7_TO_BASE64(buffer >> (bits - 6));
            bits -= 6;
        }
    }
    if (bits)
        *out++ = UTF7_TO_BASE64(buffer << (6 - bits));
    if (in_shift)
        *out++ = '-';
    if (_PyBytes_Resize(&v, out - PyBytes_AS_STRING(v)) < 0)
        return NULL;
    return v;
}

/* Call the error handler for starts[startpos:endpos]; write its replacement, move *pos. */
static int utf7_decode_error(_PyUnicodeWriter *w, const char *errors, const char *starts,
                             Py_ssize_t size, Py_ssize_t startpos, Py_ssize_t endpos,
                             const char *reason, Py_ssize_t *pos)
{
    Py_ssize_t newpos;
    PyObject *rep = _PyCodec_CallDecodeErrorHandler(errors ? errors : "strict", "utf7", starts,
                                                    size, startpos, endpos, reason, &newpos);
    int r;
    if (rep == NULL)
        return -1;
    r = _PyUnicodeWriter_WriteStr(w, rep);
    Py_DECREF(rep);
    *pos = newpos;
    return r;
}

static PyObject *utf7_decode(const char *starts, Py_ssize_t size, const char *errors,
                             Py_ssize_t *consumed)
{
    _PyUnicodeWriter w;
    Py_ssize_t pos = 0, startpos = 0, shift_out_start = 0;
    int in_shift = 0, bits = 0;
    unsigned long buffer = 0;
    Py_UCS4 surrogate = 0;
    const char *errmsg;
    _PyUnicodeWriter_Init(&w);
    w.min_length = size;
restart:
    while (pos < size) {
        unsigned char ch = (unsigned char)starts[pos];
        if (in_shift) {
            if (UTF7_IS_BASE64(ch)) {
                buffer = (buffer << 6) | (unsigned long)UTF7_FROM_BASE64(ch);
                bits += 6;
                pos++;
                if (bits >= 16) { /* a whole UTF-16 code unit */
                    Py_UCS4 unit = (Py_UCS4)(buffer >> (bits - 16));
                    bits -= 16;
                    buffer &= (1UL << bits) - 1;
                    if (surrogate) {
                        if (Py_UNICODE_IS_LOW_SURROGATE(unit)) {
                            if (_PyUnicodeWriter_WriteChar(&w, Py_UNICODE_JOIN_SURROGATES(surrogate, unit)) < 0)
                                goto error;
                            surrogate = 0;
                            continue;
                        }
                        if (_PyUnicodeWriter_WriteChar(&w, surrogate) < 0)
                            goto error;
                        surrogate = 0;
                    }
                    if (Py_UNICODE_IS_HIGH_SURROGATE(unit))
                        surrogate = unit;
                    else if (_PyUnicodeWriter_WriteChar(&w, unit) < 0)
                        goto error;
                }
                continue;
            }
            /* leaving the base64 section */
            in_shift = 0;
            if (bits >= 6) {
                pos++;
                errmsg = "partial character in shift sequence";
                goto utf7_error;
            }
            if (bits > 0 && buffer != 0) {
                pos++;
                errmsg = "non-zero padding bits in shift sequence";
                goto utf7_error;
            }
            if (surrogate && UTF7_DECODE_DIRECT(ch) && _PyUnicodeWriter_WriteChar(&w, surrogate) < 0)
                goto error;
            surrogate = 0;
            if (ch == '-') /* absorbed; other terminators are kept */
                pos++;
        }
        else if (ch == '+') {
            startpos = pos++;
            if (pos < size && starts[pos] == '-') { /* "+-" is '+' */
                pos++;
                if (_PyUnicodeWriter_WriteChar(&w, '+') < 0)
                    goto error;
            }
            else if (pos < size && !UTF7_IS_BASE64((unsigned char)starts[pos])) {
                pos++;
                errmsg = "ill-formed sequence";
                goto utf7_error;
            }
            else {
                in_shift = 1;
                surrogate = 0;
                shift_out_start = w.pos;
                bits = 0;
                buffer = 0;
            }
        }
        else if (UTF7_DECODE_DIRECT(ch)) {
            pos++;
            if (_PyUnicodeWriter_WriteChar(&w, ch) < 0)
                goto error;
        }
        else {
            startpos = pos++;
            errmsg = "unexpected special character";
            goto utf7_error;
        }
        continue;
    utf7_error:
        if (utf7_decode_error(&w, errors, starts, size, startpos, pos, errmsg, &pos) < 0)
            goto error;
    }
    if (in_shift && consumed == NULL) {
        /* the input ends inside a section: an error unless it ended cleanly */
        in_shift = 0;
        if (surrogate || bits >= 6 || (bits > 0 && buffer != 0)) {
            if (utf7_decode_error(&w, errors, starts, size, startpos, size,
                                  "unterminated shift sequence", &pos) < 0)
                goto error;
            if (pos < size)
                goto restart;
        }
    }
    if (consumed != NULL) {
        if (in_shift) { /* hand the open section back to the caller */
            *consumed = startpos;
            if (w.pos != shift_out_start && w.data != NULL) {
                /* rebuilt so the result's kind fits what is kept */
                PyObject *res = PyUnicode_FromKindAndData(w.kind, w.data, shift_out_start);
                _PyUnicodeWriter_Dealloc(&w);
                return res;
            }
        }
        else {
            *consumed = pos;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
error:
    _PyUnicodeWriter_Dealloc(&w);
    return NULL;
}

static PyObject *codecs_utf_7_encode(PyObject *m, PyObject *args)
{
    PyObject *str;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "U|z:utf_7_encode", &str, &errors))
        return NULL;
    return codec_tuple(utf7_encode(str), PyUnicode_GET_LENGTH(str));
}

static PyObject *codecs_utf_7_decode(PyObject *m, PyObject *args)
{
    Py_buffer data;
    const char *errors = NULL;
    int final = 0;
    Py_ssize_t consumed;
    PyObject *res;
    if (!PyArg_ParseTuple(args, "y*|zi:utf_7_decode", &data, &errors, &final))
        return NULL;
    consumed = data.len;
    res = utf7_decode(data.buf, data.len, errors, final ? NULL : &consumed);
    PyBuffer_Release(&data);
    return codec_tuple(res, consumed);
}

/* ---------------------------------------------------------------- charmap encode */

/* Encode one character through the mapping: 1 done, 0 undefined, -1 error. */
static int charmap_encode_one(Py_UCS4 c, PyObject *mapping, PyObject **out)
{
    PyObject *key = PyLong_FromLong((long)c);
    if (key == NULL)
        return -1;
    PyObject *x = PyObject_GetItem(mapping, key);
    Py_DECREF(key);
    if (x == NULL) {
        if (PyErr_ExceptionMatches(PyExc_LookupError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    if (x == Py_None) {
        Py_DECREF(x);
        return 0;
    }
    if (PyLong_Check(x)) {
        long value = PyLong_AsLong(x);
        Py_DECREF(x);
        if (value == -1 && PyErr_Occurred())
            return -1;
        if (value < 0 || value > 255) {
            PyErr_SetString(PyExc_TypeError, "character mapping must be in range(256)");
            return -1;
        }
        char b = (char)value;
        PyObject *bytes = PyBytes_FromStringAndSize(&b, 1);
        PyBytes_ConcatAndDel(out, bytes);
        return *out ? 1 : -1;
    }
    if (PyBytes_Check(x)) {
        PyBytes_ConcatAndDel(out, x);
        return *out ? 1 : -1;
    }
    PyErr_Format(PyExc_TypeError, "character mapping must return integer, bytes or None, not %.400s",
                 Py_TYPE(x)->tp_name);
    Py_DECREF(x);
    return -1;
}

static PyObject *charmap_encode_impl(PyObject *str, const char *errors, PyObject *mapping)
{
    PyObject *out = PyBytes_FromStringAndSize(NULL, 0);
    Py_ssize_t len = PyUnicode_GET_LENGTH(str), i = 0;
    const char *reason = "character maps to <undefined>";
    while (out != NULL && i < len) {
        int r = charmap_encode_one(PyUnicode_READ_CHAR(str, i), mapping, &out);
        if (r < 0)
            goto error;
        if (r > 0) {
            i++;
            continue;
        }
        /* A run of unencodable characters goes to the error handler at once. */
        Py_ssize_t end = i + 1;
        while (end < len) {
            PyObject *probe = PyBytes_FromStringAndSize(NULL, 0);
            if (probe == NULL)
                goto error;
            r = charmap_encode_one(PyUnicode_READ_CHAR(str, end), mapping, &probe);
            Py_XDECREF(probe);
            if (r < 0)
                goto error;
            if (r > 0)
                break;
            end++;
        }
        if (errors == NULL || strcmp(errors, "strict") == 0) {
            PyObject *enc = PyUnicode_FromString("charmap");
            PyObject *exc = enc ? _PyUnicodeEncodeError_Create(enc, str, i, end, reason) : NULL;
            Py_XDECREF(enc);
            if (exc != NULL) {
                PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
                Py_DECREF(exc);
            }
            goto error;
        }
        if (strcmp(errors, "ignore") == 0) {
            i = end;
            continue;
        }
        Py_ssize_t newpos;
        PyObject *rep = _PyCodec_CallEncodeErrorHandler(errors, "charmap", str, i, end, reason, &newpos);
        if (rep == NULL)
            goto error;
        if (PyBytes_Check(rep)) {
            PyBytes_ConcatAndDel(&out, rep);
        } else {
            for (Py_ssize_t k = 0; k < PyUnicode_GET_LENGTH(rep); k++) {
                r = charmap_encode_one(PyUnicode_READ_CHAR(rep, k), mapping, &out);
                if (r <= 0) {
                    if (r == 0) {
                        PyObject *enc = PyUnicode_FromString("charmap");
                        PyObject *exc = enc ? _PyUnicodeEncodeError_Create(enc, str, i, end, reason) : NULL;
                        Py_XDECREF(enc);
                        if (exc != NULL) {
                            PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
                            Py_DECREF(exc);
                        }
                    }
                    Py_DECREF(rep);
                    goto error;
                }
            }
            Py_DECREF(rep);
        }
        i = newpos;
    }
    return out;
error:
    Py_XDECREF(out);
    return NULL;
}

static PyObject *codecs_charmap_encode(PyObject *m, PyObject *args)
{
    PyObject *str, *mapping = Py_None;
    const char *errors = NULL;
    if (!PyArg_ParseTuple(args, "U|zO:charmap_encode", &str, &errors, &mapping))
        return NULL;
    PyObject *res = mapping == Py_None ? PyUnicode_AsEncodedString(str, "latin-1", errors)
                                       : charmap_encode_impl(str, errors, mapping);
    return codec_tuple(res, PyUnicode_GET_LENGTH(str));
}

/* The decoding table as an encoding map: {code point: byte}. */
static PyObject *codecs_charmap_build(PyObject *m, PyObject *args)
{
    PyObject *map;
    if (!PyArg_ParseTuple(args, "U:charmap_build", &map))
        return NULL;
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(map) && i < 256; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(map, i);
        if (c == 0xFFFE)
            continue;
        PyObject *k = PyLong_FromLong((long)c), *v = PyLong_FromSsize_t(i);
        int r = (k && v) ? PyDict_SetItem(d, k, v) : -1;
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (r < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* ================================================================ module */

#define VA(name) {#name, (PyCFunction)codecs_##name, METH_VARARGS, NULL}

static PyMethodDef codecs_methods[] = {
    {"register", codecs_register, METH_O,
     "Register a codec search function.\n\nSearch functions are expected to take one argument, "
     "the encoding name in all lower case letters, and either return None, or a tuple of "
     "functions (encoder, decoder, stream_reader, stream_writer) (or a CodecInfo object)."},
    {"unregister", codecs_unregister, METH_O, "Unregister a codec search function and clear the registry's cache."},
    {"lookup", codecs_lookup, METH_VARARGS, "Looks up a codec tuple in the Python codec registry and returns a CodecInfo object."},
    {"encode", (PyCFunction)(void (*)(void))codecs_encode, METH_VARARGS | METH_KEYWORDS,
     "Encodes obj using the codec registered for encoding."},
    {"decode", (PyCFunction)(void (*)(void))codecs_decode, METH_VARARGS | METH_KEYWORDS,
     "Decodes obj using the codec registered for encoding."},
    VA(escape_decode), VA(escape_encode),
    VA(utf_7_decode), VA(utf_7_encode),
    VA(utf_8_decode), VA(utf_16_decode), VA(utf_16_le_decode), VA(utf_16_be_decode),
    VA(utf_16_ex_decode), VA(utf_32_decode), VA(utf_32_le_decode), VA(utf_32_be_decode),
    VA(utf_32_ex_decode), VA(unicode_escape_decode), VA(raw_unicode_escape_decode),
    VA(latin_1_decode), VA(ascii_decode), VA(charmap_decode), VA(readbuffer_encode),
    VA(utf_8_encode), VA(utf_16_encode), VA(utf_16_le_encode), VA(utf_16_be_encode),
    VA(utf_32_encode), VA(utf_32_le_encode), VA(utf_32_be_encode), VA(unicode_escape_encode),
    VA(raw_unicode_escape_encode), VA(latin_1_encode), VA(ascii_encode), VA(charmap_encode),
    VA(charmap_build),
    {"register_error", codecs_register_error, METH_VARARGS,
     "Register the specified error handler under the name errors."},
    {"lookup_error", codecs_lookup_error, METH_VARARGS,
     "lookup_error(errors) -> handler\n\nReturn the error handler for the specified error handling name or raise a\nLookupError, if no handler exists under this name."},
    {NULL, NULL},
};

static struct PyModuleDef codecsmodule = {
    PyModuleDef_HEAD_INIT, "_codecs", NULL, -1, codecs_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__codecs(void)
{
    return PyModule_Create(&codecsmodule);
}
