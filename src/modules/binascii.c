/* binascii.c — the `binascii` module: base64 (a2b/b2a, strict mode), hex (hexlify/
 * unhexlify with sep), uu, quoted-printable, crc32 and crc_hqx, with binascii.Error and
 * binascii.Incomplete.  CRCs are computed here (no zlib dependency).  Owner: modules-os. */
#include "Python.h"

#include <string.h>

static PyObject *Error, *Incomplete;

/* Input for the a2b functions: a bytes-like object or an ASCII-only str. */
static int ascii_input(PyObject *arg, Py_buffer *view)
{
    if (PyUnicode_Check(arg)) {
        if (!PyUnicode_IS_ASCII(arg)) {
            PyErr_SetString(PyExc_ValueError,
                            "string argument should contain only ASCII characters");
            return -1;
        }
        view->obj = NULL;
        view->buf = PyUnicode_DATA(arg);
        view->len = PyUnicode_GET_LENGTH(arg);
        return 0;
    }
    if (!PyObject_CheckBuffer(arg)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be bytes, buffer or ASCII string, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(arg, view, PyBUF_SIMPLE);
}

static int bytes_input(PyObject *arg, Py_buffer *view)
{
    if (!PyObject_CheckBuffer(arg)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(arg)->tp_name);
        return -1;
    }
    return PyObject_GetBuffer(arg, view, PyBUF_SIMPLE);
}

static void release(Py_buffer *view)
{
    if (view->obj != NULL)
        PyBuffer_Release(view);
}

/* ------------------------------------------------------------ base64 */

static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static PyObject *binascii_a2b_base64(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "strict_mode", NULL};
    PyObject *data;
    int strict = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$p:a2b_base64", kwlist, &data, &strict))
        return NULL;
    Py_buffer v;
    if (ascii_input(data, &v) < 0)
        return NULL;
    const unsigned char *s = v.buf;
    Py_ssize_t len = v.len;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (len / 4) * 3 + 3);
    if (out == NULL) {
        release(&v);
        return NULL;
    }
    unsigned char *o = (unsigned char *)PyBytes_AS_STRING(out), *start = o;
    int quad = 0, pads = 0, padding_started = 0;
    unsigned int left = 0;
    const char *err = NULL;

    if (strict && len > 0 && s[0] == '=') {
        err = "Leading padding not allowed";
        goto error;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c == '=') {
            padding_started = 1;
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < len) {
                    err = "Excess data after padding";
                    goto error;
                }
                goto done;
            }
            continue;
        }
        int d = b64value(c);
        if (d < 0) {
            if (strict) {
                err = "Only base64 data is allowed";
                goto error;
            }
            continue;
        }
        if (strict && padding_started) {
            err = "Discontinuous padding not allowed";
            goto error;
        }
        pads = 0;
        switch (quad) {
        case 0: quad = 1; left = (unsigned)d; break;
        case 1: quad = 2; *o++ = (unsigned char)((left << 2) | ((unsigned)d >> 4)); left = (unsigned)d & 0x0f; break;
        case 2: quad = 3; *o++ = (unsigned char)((left << 4) | ((unsigned)d >> 2)); left = (unsigned)d & 0x03; break;
        default: quad = 0; *o++ = (unsigned char)((left << 6) | (unsigned)d); left = 0; break;
        }
    }
    if (quad == 1) {
        release(&v);
        Py_DECREF(out);
        PyErr_Format(Error,
                     "Invalid base64-encoded string: number of data characters (%zd) cannot "
                     "be 1 more than a multiple of 4",
                     (Py_ssize_t)((o - start) / 3 * 4 + 1));
        return NULL;
    }
    if (quad != 0) {
        err = "Incorrect padding";
        goto error;
    }
done:
    release(&v);
    _PyBytes_Resize(&out, o - start);
    return out;
error:
    release(&v);
    Py_DECREF(out);
    PyErr_SetString(Error, err);
    return NULL;
}

static PyObject *binascii_b2a_base64(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "newline", NULL};
    PyObject *data;
    int newline = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$p:b2a_base64", kwlist, &data, &newline))
        return NULL;
    Py_buffer v;
    if (bytes_input(data, &v) < 0)
        return NULL;
    const unsigned char *s = v.buf;
    Py_ssize_t n = v.len;
    PyObject *out = PyBytes_FromStringAndSize(NULL, (n + 2) / 3 * 4 + (newline ? 1 : 0));
    if (out == NULL) {
        release(&v);
        return NULL;
    }
    char *o = PyBytes_AS_STRING(out);
    Py_ssize_t i = 0;
    for (; i + 2 < n; i += 3) {
        unsigned int t = ((unsigned)s[i] << 16) | ((unsigned)s[i + 1] << 8) | s[i + 2];
        *o++ = b64chars[t >> 18];
        *o++ = b64chars[(t >> 12) & 63];
        *o++ = b64chars[(t >> 6) & 63];
        *o++ = b64chars[t & 63];
    }
    if (n - i == 1) {
        unsigned int t = (unsigned)s[i] << 16;
        *o++ = b64chars[t >> 18];
        *o++ = b64chars[(t >> 12) & 63];
        *o++ = '=';
        *o++ = '=';
    } else if (n - i == 2) {
        unsigned int t = ((unsigned)s[i] << 16) | ((unsigned)s[i + 1] << 8);
        *o++ = b64chars[t >> 18];
        *o++ = b64chars[(t >> 12) & 63];
        *o++ = b64chars[(t >> 6) & 63];
        *o++ = '=';
    }
    if (newline)
        *o++ = '\n';
    release(&v);
    return out;
}

/* ------------------------------------------------------------ hex */

static PyObject *hexlify_impl(PyObject *data, PyObject *sep, int bytes_per_sep)
{
    Py_buffer v;
    if (bytes_input(data, &v) < 0)
        return NULL;
    char sepc = 0;
    if (sep != NULL && sep != Py_None) {
        Py_ssize_t seplen;
        const char *sepbuf;
        if (PyUnicode_Check(sep)) {
            if (!PyUnicode_IS_ASCII(sep)) {
                release(&v);
                PyErr_SetString(PyExc_ValueError, "sep must be ASCII.");
                return NULL;
            }
            sepbuf = PyUnicode_DATA(sep);
            seplen = PyUnicode_GET_LENGTH(sep);
        } else if (PyBytes_Check(sep)) {
            sepbuf = PyBytes_AS_STRING(sep);
            seplen = PyBytes_GET_SIZE(sep);
        } else {
            release(&v);
            PyErr_SetString(PyExc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (seplen != 1) {
            release(&v);
            PyErr_SetString(PyExc_ValueError, "sep must be length 1.");
            return NULL;
        }
        sepc = sepbuf[0];
    }
    const unsigned char *s = v.buf;
    Py_ssize_t n = v.len;
    Py_ssize_t group = bytes_per_sep < 0 ? -(Py_ssize_t)bytes_per_sep : bytes_per_sep;
    Py_ssize_t nseps = 0;
    if (sepc && group > 0 && n > 0)
        nseps = (n - 1) / group;
    PyObject *out = PyBytes_FromStringAndSize(NULL, n * 2 + nseps);
    if (out == NULL) {
        release(&v);
        return NULL;
    }
    char *o = PyBytes_AS_STRING(out);
    static const char hexdigits[] = "0123456789abcdef";
    for (Py_ssize_t i = 0; i < n; i++) {
        if (nseps && i > 0) {
            /* positive: groups counted from the right; negative: from the left */
            Py_ssize_t k = bytes_per_sep > 0 ? (n - i) : i;
            if (k % group == 0)
                *o++ = sepc;
        }
        *o++ = hexdigits[s[i] >> 4];
        *o++ = hexdigits[s[i] & 15];
    }
    release(&v);
    return out;
}

static PyObject *binascii_hexlify(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "sep", "bytes_per_sep", NULL};
    PyObject *data, *sep = NULL;
    int bps = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Oi:hexlify", kwlist, &data, &sep, &bps))
        return NULL;
    return hexlify_impl(data, sep, bps);
}

static PyObject *binascii_b2a_hex(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "sep", "bytes_per_sep", NULL};
    PyObject *data, *sep = NULL;
    int bps = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|Oi:b2a_hex", kwlist, &data, &sep, &bps))
        return NULL;
    return hexlify_impl(data, sep, bps);
}

static int hexval(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static PyObject *unhexlify_impl(PyObject *data)
{
    Py_buffer v;
    if (ascii_input(data, &v) < 0)
        return NULL;
    if (v.len % 2) {
        release(&v);
        PyErr_SetString(Error, "Odd-length string");
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, v.len / 2);
    if (out == NULL) {
        release(&v);
        return NULL;
    }
    const unsigned char *s = v.buf;
    char *o = PyBytes_AS_STRING(out);
    for (Py_ssize_t i = 0; i < v.len; i += 2) {
        int hi = hexval(s[i]), lo = hexval(s[i + 1]);
        if (hi < 0 || lo < 0) {
            release(&v);
            Py_DECREF(out);
            PyErr_SetString(Error, "Non-hexadecimal digit found");
            return NULL;
        }
        *o++ = (char)((hi << 4) | lo);
    }
    release(&v);
    return out;
}

static PyObject *binascii_unhexlify(PyObject *m, PyObject *data) { return unhexlify_impl(data); }
static PyObject *binascii_a2b_hex(PyObject *m, PyObject *data) { return unhexlify_impl(data); }

/* ------------------------------------------------------------ uu */

static PyObject *binascii_a2b_uu(PyObject *m, PyObject *data)
{
    Py_buffer v;
    if (ascii_input(data, &v) < 0)
        return NULL;
    const unsigned char *s = v.buf;
    Py_ssize_t len = v.len;
    Py_ssize_t bin_len = len > 0 ? (s[0] - ' ') & 077 : 0;
    PyObject *out = PyBytes_FromStringAndSize(NULL, bin_len);
    if (out == NULL) {
        release(&v);
        return NULL;
    }
    unsigned char *o = (unsigned char *)PyBytes_AS_STRING(out);
    Py_ssize_t i = 1, produced = 0;
    unsigned int left = 0;
    int leftbits = 0;
    for (; produced < bin_len; i++) {
        unsigned char c;
        if (i >= len || s[i] == '\n' || s[i] == '\r') {
            c = 0;   /* whitespace may have been stripped: assume zeros */
        } else {
            c = s[i];
            if (c < ' ' || c > (' ' + 64)) {
                release(&v);
                Py_DECREF(out);
                PyErr_SetString(Error, "Illegal char");
                return NULL;
            }
            c = (c - ' ') & 077;
        }
        left = (left << 6) | c;
        leftbits += 6;
        if (leftbits >= 8) {
            leftbits -= 8;
            o[produced++] = (unsigned char)(left >> leftbits);
            left &= (1u << leftbits) - 1;
        }
    }
    /* the rest of the line may only hold padding */
    for (; i < len; i++) {
        unsigned char c = s[i];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            if (c != '`') {   /* '`' is an alias of ' ' */
                release(&v);
                Py_DECREF(out);
                PyErr_SetString(Error, "Trailing garbage");
                return NULL;
            }
        }
    }
    release(&v);
    return out;
}

static PyObject *binascii_b2a_uu(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "backtick", NULL};
    PyObject *data;
    int backtick = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$p:b2a_uu", kwlist, &data, &backtick))
        return NULL;
    Py_buffer v;
    if (bytes_input(data, &v) < 0)
        return NULL;
    if (v.len > 45) {
        release(&v);
        PyErr_SetString(Error, "At most 45 bytes at once");
        return NULL;
    }
    const unsigned char *s = v.buf;
    Py_ssize_t n = v.len;
    PyObject *out = PyBytes_FromStringAndSize(NULL, 2 + (n + 2) / 3 * 4);
    if (out == NULL) {
        release(&v);
        return NULL;
    }
    char *o = PyBytes_AS_STRING(out);
#define UUENC(c) ((backtick && (c) == 0) ? '`' : ' ' + (c))
    *o++ = (char)UUENC(n & 077);
    for (Py_ssize_t i = 0; i < n; i += 3) {
        unsigned int t = (unsigned)s[i] << 16;
        if (i + 1 < n) t |= (unsigned)s[i + 1] << 8;
        if (i + 2 < n) t |= s[i + 2];
        for (int k = 3; k >= 0; k--)
            *o++ = (char)UUENC((t >> (6 * k)) & 077);
    }
#undef UUENC
    *o++ = '\n';
    release(&v);
    return out;
}

/* ------------------------------------------------------------ CRCs */

static unsigned int crc32_table[256];

static void init_crc32_table(void)
{
    for (unsigned int i = 0; i < 256; i++) {
        unsigned int c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc32_table[i] = c;
    }
}

static PyObject *binascii_crc32(PyObject *m, PyObject *args)
{
    PyObject *data, *crcobj = NULL;
    if (!PyArg_ParseTuple(args, "O|O:crc32", &data, &crcobj))
        return NULL;
    unsigned int crc = 0;
    if (crcobj != NULL) {
        crc = (unsigned int)PyLong_AsUnsignedLongMask(crcobj);
        if (PyErr_Occurred())
            return NULL;
    }
    Py_buffer v;
    if (bytes_input(data, &v) < 0)
        return NULL;
    const unsigned char *s = v.buf;
    crc = ~crc;
    for (Py_ssize_t i = 0; i < v.len; i++)
        crc = crc32_table[(crc ^ s[i]) & 0xff] ^ (crc >> 8);
    release(&v);
    return PyLong_FromUnsignedLong(~crc & 0xffffffffu);
}

static PyObject *binascii_crc_hqx(PyObject *m, PyObject *args)
{
    PyObject *data;
    unsigned int crc;
    if (!PyArg_ParseTuple(args, "OI:crc_hqx", &data, &crc))
        return NULL;
    Py_buffer v;
    if (bytes_input(data, &v) < 0)
        return NULL;
    const unsigned char *s = v.buf;
    crc &= 0xffff;
    for (Py_ssize_t i = 0; i < v.len; i++) {
        crc ^= (unsigned)s[i] << 8;
        for (int k = 0; k < 8; k++)
            crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
    release(&v);
    return PyLong_FromUnsignedLong(crc);
}

/* ------------------------------------------------------------ quoted-printable */

static PyObject *binascii_a2b_qp(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "header", NULL};
    PyObject *data;
    int header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|p:a2b_qp", kwlist, &data, &header))
        return NULL;
    Py_buffer v;
    if (ascii_input(data, &v) < 0)
        return NULL;
    const unsigned char *s = v.buf;
    Py_ssize_t n = v.len, i = 0;
    PyObject *out = PyBytes_FromStringAndSize(NULL, n);
    if (out == NULL) {
        release(&v);
        return NULL;
    }
    char *o = PyBytes_AS_STRING(out), *start = o;
    while (i < n) {
        if (s[i] == '=') {
            i++;
            if (i >= n)
                break;
            if (s[i] == '\n' || s[i] == '\r') {       /* soft line break */
                if (s[i] != '\n') {
                    while (i < n && s[i] != '\n')
                        i++;
                }
                if (i < n)
                    i++;
            } else if (s[i] == '=') {
                *o++ = '=';
                i++;
            } else if (i + 1 < n && hexval(s[i]) >= 0 && hexval(s[i + 1]) >= 0) {
                *o++ = (char)((hexval(s[i]) << 4) | hexval(s[i + 1]));
                i += 2;
            } else {
                *o++ = '=';
            }
        } else if (header && s[i] == '_') {
            *o++ = ' ';
            i++;
        } else {
            *o++ = (char)s[i++];
        }
    }
    release(&v);
    _PyBytes_Resize(&out, o - start);
    return out;
}

#define QP_MAXLINE 76

/* Must byte i of s (n bytes, at column col) be written as =XX? */
static int qp_needs_quoting(const unsigned char *s, Py_ssize_t n, Py_ssize_t i,
                            Py_ssize_t col, int quotetabs, int istext, int header)
{
    unsigned char c = s[i];
    if (c > 126 || c == '=' || (header && c == '_'))
        return 1;
    /* a lone '.' at the start of a line means end-of-message to SMTP */
    if (c == '.' && col == 0 &&
        (i + 1 == n || s[i + 1] == '\n' || s[i + 1] == '\r' || s[i + 1] == 0))
        return 1;
    if (!istext && (c == '\r' || c == '\n'))
        return 1;
    if ((c == '\t' || c == ' ') && i + 1 == n)     /* trailing whitespace is lost */
        return 1;
    return c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' '));
}

/* A soft line break: '=' then the data's own line ending. */
static char *qp_soft_break(char *o, int crlf)
{
    *o++ = '=';
    if (crlf)
        *o++ = '\r';
    *o++ = '\n';
    return o;
}

static char *qp_hex(char *o, unsigned char c)
{
    static const char upper[] = "0123456789ABCDEF";
    *o++ = '=';
    *o++ = upper[c >> 4];
    *o++ = upper[c & 15];
    return o;
}

static PyObject *binascii_b2a_qp(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "quotetabs", "istext", "header", NULL};
    Py_buffer v;
    int quotetabs = 0, istext = 1, header = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|iii:b2a_qp", kwlist, &v,
                                     &quotetabs, &istext, &header))
        return NULL;
    const unsigned char *s = v.buf;
    Py_ssize_t n = v.len;
    /* The output uses CRLF line ends when the data's first line ends in CRLF. */
    const unsigned char *nl = memchr(s, '\n', n);
    int crlf = nl != NULL && nl > s && nl[-1] == '\r';
    /* Each byte gives at most 3 characters plus a 3-character soft break. */
    if (n > (PY_SSIZE_T_MAX - 8) / 6) {
        PyBuffer_Release(&v);
        return PyErr_NoMemory();
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, 6 * n + 8);
    if (out == NULL) {
        PyBuffer_Release(&v);
        return NULL;
    }
    char *start = PyBytes_AS_STRING(out), *o = start;
    Py_ssize_t i = 0, col = 0;
    while (i < n) {
        if (qp_needs_quoting(s, n, i, col, quotetabs, istext, header)) {
            if (col + 3 >= QP_MAXLINE) {
                o = qp_soft_break(o, crlf);
                col = 0;
            }
            o = qp_hex(o, s[i++]);
            col += 3;
        } else if (istext && (s[i] == '\n' ||
                              (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n'))) {
            /* whitespace before a hard line break would be lost: quote it */
            if (o > start && (o[-1] == ' ' || o[-1] == '\t')) {
                unsigned char c = (unsigned char)o[-1];
                o = qp_hex(o - 1, c);
            }
            if (crlf)
                *o++ = '\r';
            *o++ = '\n';
            i += s[i] == '\r' ? 2 : 1;
            col = 0;
        } else {
            if (i + 1 != n && s[i + 1] != '\n' && col + 1 >= QP_MAXLINE) {
                o = qp_soft_break(o, crlf);
                col = 0;
            }
            *o++ = (header && s[i] == ' ') ? '_' : (char)s[i];
            i++;
            col++;
        }
    }
    PyBuffer_Release(&v);
    if (_PyBytes_Resize(&out, o - start) < 0)
        return NULL;
    return out;
}

static PyMethodDef binascii_methods[] = {
    {"a2b_uu", binascii_a2b_uu, METH_O, "Decode a line of uuencoded data."},
    {"b2a_uu", (PyCFunction)(void (*)(void))binascii_b2a_uu, METH_VARARGS | METH_KEYWORDS, "Uuencode line of data."},
    {"a2b_base64", (PyCFunction)(void (*)(void))binascii_a2b_base64, METH_VARARGS | METH_KEYWORDS,
     "Decode a line of base64 data."},
    {"b2a_base64", (PyCFunction)(void (*)(void))binascii_b2a_base64, METH_VARARGS | METH_KEYWORDS,
     "Base64-code line of data."},
    {"a2b_hex", binascii_a2b_hex, METH_O, "Binary data of hexadecimal representation."},
    {"b2a_hex", (PyCFunction)(void (*)(void))binascii_b2a_hex, METH_VARARGS | METH_KEYWORDS,
     "Hexadecimal representation of binary data."},
    {"hexlify", (PyCFunction)(void (*)(void))binascii_hexlify, METH_VARARGS | METH_KEYWORDS,
     "Hexadecimal representation of binary data."},
    {"unhexlify", binascii_unhexlify, METH_O, "Binary data of hexadecimal representation."},
    {"crc_hqx", binascii_crc_hqx, METH_VARARGS, "Compute CRC-CCITT incrementally."},
    {"crc32", binascii_crc32, METH_VARARGS, "Compute CRC-32 incrementally."},
    {"a2b_qp", (PyCFunction)(void (*)(void))binascii_a2b_qp, METH_VARARGS | METH_KEYWORDS,
     "Decode a string of qp-encoded data."},
    {"b2a_qp", (PyCFunction)(void (*)(void))binascii_b2a_qp, METH_VARARGS | METH_KEYWORDS,
     "Encode a string using quoted-printable encoding.\n\nOn encoding, when istext is set, newlines are not encoded, and white\nspace at end of lines is.  When istext is not set, \\r and \\n (CR/LF)\nare both encoded.  When quotetabs is set, space and tabs are encoded."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef binasciimodule = {
    PyModuleDef_HEAD_INIT, "binascii", "Conversion between binary data and ASCII",
    -1, binascii_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_binascii(void)
{
    init_crc32_table();
    PyObject *m = PyModule_Create(&binasciimodule);
    if (m == NULL)
        return NULL;
    if (Error == NULL) {
        Error = PyErr_NewException("binascii.Error", PyExc_ValueError, NULL);
        Incomplete = PyErr_NewException("binascii.Incomplete", NULL, NULL);
    }
    if (Error == NULL || Incomplete == NULL ||
        PyModule_AddObjectRef(m, "Error", Error) < 0 ||
        PyModule_AddObjectRef(m, "Incomplete", Incomplete) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
