/* _io_textio.c — text I/O: _io._TextIOBase, IncrementalNewlineDecoder (universal
 * newlines), the line-ending scanner shared with StringIO, and TextIOWrapper (a str
 * stream over a buffered binary stream: decoding/encoding, newline=, line_buffering,
 * write_through, reconfigure, and CPython's opaque tell()/seek() cookies).  UTF-8,
 * Latin-1 and ASCII are coded natively; other codecs come from the codecs module. */
#include "Python.h"
#include "_iomodule.h"

/* ===================== _TextIOBase ===================== */

static PyObject *textiobase_unsupported(const char *m) { return _PyIOBase_raise_unsupported(m); }
static PyObject *textiobase_detach(PyObject *s, PyObject *a) { return textiobase_unsupported("detach"); }
static PyObject *textiobase_read(PyObject *s, PyObject *a) { return textiobase_unsupported("read"); }
static PyObject *textiobase_readline(PyObject *s, PyObject *a) { return textiobase_unsupported("readline"); }
static PyObject *textiobase_write(PyObject *s, PyObject *a) { return textiobase_unsupported("write"); }
static PyObject *textiobase_none(PyObject *s, void *c) { Py_RETURN_NONE; }

static PyMethodDef textiobase_methods[] = {
    {"detach", textiobase_detach, METH_NOARGS,
     "Separate the underlying buffer from the TextIOBase and return it.\n\n"
     "After the underlying buffer has been detached, the TextIO is in an\n"
     "unusable state.\n"},
    {"read", textiobase_read, METH_VARARGS,
     "Read at most n characters from stream.\n\n"
     "Read from underlying buffer until we have n characters or we hit EOF.\n"
     "If n is negative or omitted, read until EOF.\n"},
    {"readline", textiobase_readline, METH_VARARGS,
     "Read until newline or EOF.\n\n"
     "Returns an empty string if EOF is hit immediately.\n"},
    {"write", textiobase_write, METH_VARARGS,
     "Write string to stream.\n"
     "Returns the number of characters written (which is always equal to\n"
     "the length of the string).\n"},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef textiobase_getset[] = {
    {"encoding", textiobase_none, NULL,
     "Encoding of the text stream.\n\n"
     "Subclasses should override.\n", NULL},
    {"newlines", textiobase_none, NULL,
     "Line endings translated so far.\n\n"
     "Only line endings translated during reading are considered.\n\n"
     "Subclasses should override.\n", NULL},
    {"errors", textiobase_none, NULL,
     "The error setting of the decoder or encoder.\n\n"
     "Subclasses should override.\n", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyTextIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._TextIOBase",
    .tp_basicsize = sizeof(PyObject) + 2 * sizeof(PyObject *),   /* _IOBase's layout */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Base class for text I/O.\n\n"
              "This class provides a character and line based interface to stream\n"
              "I/O. There is no readinto method because Python's character strings\n"
              "are immutable.\n",
    .tp_methods = textiobase_methods,
    .tp_getset = textiobase_getset,
    .tp_base = &PyIOBase_Type,
};

/* ===================== native codec decoder (internal) ===================== */

enum { ENC_OTHER = 0, ENC_UTF8, ENC_LATIN1, ENC_ASCII };

/* Recognise the codecs Krait codes natively, by their normalized name. */
static int native_encoding(const char *name)
{
    char norm[32];
    size_t i = 0;
    for (; name[i] && i < sizeof(norm) - 1; i++) {
        char c = name[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c == '_' || c == ' ')
            c = '-';
        norm[i] = c;
    }
    if (name[i])
        return ENC_OTHER;
    norm[i] = '\0';
    static const char *utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819",
                                   "latin", "l1", "iso-ir-100", NULL};
    static const char *ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    for (int k = 0; utf8[k]; k++) if (!strcmp(norm, utf8[k])) return ENC_UTF8;
    for (int k = 0; latin1[k]; k++) if (!strcmp(norm, latin1[k])) return ENC_LATIN1;
    for (int k = 0; ascii[k]; k++) if (!strcmp(norm, ascii[k])) return ENC_ASCII;
    return ENC_OTHER;
}

static const char *native_codec_name(int enc)
{
    return enc == ENC_UTF8 ? "utf-8" : enc == ENC_LATIN1 ? "latin-1" : "ascii";
}

typedef struct {
    PyObject_HEAD
    int enc;
    PyObject *errors;
    char pending[4];     /* an incomplete UTF-8 sequence */
    Py_ssize_t npending;
} nativedecoder;

static PyObject *nativedecoder_decode(nativedecoder *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"input", "final", NULL};
    Py_buffer view;
    int final = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|p:decode", kwlist, &view, &final))
        return NULL;
    const char *errors = PyUnicode_AsUTF8(self->errors);
    if (errors == NULL) {
        PyBuffer_Release(&view);
        return NULL;
    }
    PyObject *res;
    if (self->enc != ENC_UTF8) {
        res = self->enc == ENC_LATIN1 ? PyUnicode_DecodeLatin1(view.buf, view.len, errors)
                                      : PyUnicode_DecodeASCII(view.buf, view.len, errors);
        PyBuffer_Release(&view);
        return res;
    }
    /* Decode straight from the input unless an incomplete sequence is carried over. */
    Py_ssize_t total = self->npending + view.len;
    char *data = view.buf;
    if (self->npending > 0) {
        data = PyMem_Malloc(total);
        if (data == NULL) {
            PyBuffer_Release(&view);
            return PyErr_NoMemory();
        }
        memcpy(data, self->pending, self->npending);
        memcpy(data + self->npending, view.buf, view.len);
    }
    Py_ssize_t consumed = total;
    res = PyUnicode_DecodeUTF8Stateful(data, total, errors, final ? NULL : &consumed);
    if (res != NULL) {
        Py_ssize_t left = total - consumed;
        if (left > 4)
            left = 4;
        memcpy(self->pending, data + total - left, left);
        self->npending = left;
    }
    if (data != view.buf)
        PyMem_Free(data);
    PyBuffer_Release(&view);
    return res;
}

static PyObject *nativedecoder_getstate(nativedecoder *self, PyObject *unused)
{
    return Py_BuildValue("(y#i)", self->pending, self->npending, 0);
}

static PyObject *nativedecoder_setstate(nativedecoder *self, PyObject *state)
{
    PyObject *buf;
    int flags;
    if (!PyArg_ParseTuple(state, "Si:setstate", &buf, &flags))
        return NULL;
    Py_ssize_t n = PyBytes_GET_SIZE(buf);
    if (n > 4)
        n = 4;
    memcpy(self->pending, PyBytes_AS_STRING(buf), n);
    self->npending = n;
    Py_RETURN_NONE;
}

static PyObject *nativedecoder_reset(nativedecoder *self, PyObject *unused)
{
    self->npending = 0;
    Py_RETURN_NONE;
}

static void nativedecoder_dealloc(nativedecoder *self)
{
    Py_XDECREF(self->errors);
    PyObject_Free(self);
}

static PyMethodDef nativedecoder_methods[] = {
    {"decode", (PyCFunction)(void (*)(void))nativedecoder_decode, METH_VARARGS | METH_KEYWORDS, NULL},
    {"getstate", (PyCFunction)nativedecoder_getstate, METH_NOARGS, NULL},
    {"setstate", (PyCFunction)nativedecoder_setstate, METH_O, NULL},
    {"reset", (PyCFunction)nativedecoder_reset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject NativeDecoder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._NativeDecoder",
    .tp_basicsize = sizeof(nativedecoder),
    .tp_dealloc = (destructor)nativedecoder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = nativedecoder_methods,
};

static PyObject *nativedecoder_new(int enc, PyObject *errors)
{
    if (NativeDecoder_Type.tp_dict == NULL && PyType_Ready(&NativeDecoder_Type) < 0)
        return NULL;
    nativedecoder *d = PyObject_New(nativedecoder, &NativeDecoder_Type);
    if (d == NULL)
        return NULL;
    d->enc = enc;
    d->errors = Py_NewRef(errors);
    d->npending = 0;
    return (PyObject *)d;
}

/* ===================== IncrementalNewlineDecoder ===================== */

#define SEEN_CR 1
#define SEEN_LF 2
#define SEEN_CRLF 4
#define SEEN_ALL (SEEN_CR | SEEN_LF | SEEN_CRLF)

typedef struct {
    PyObject_HEAD
    PyObject *decoder;
    PyObject *errors;
    unsigned int pendingcr : 1;
    unsigned int translate : 1;
    unsigned int seennl : 3;
} nldecoder;

static int nldecoder_init(PyObject *oself, PyObject *args, PyObject *kwds)
{
    nldecoder *self = (nldecoder *)oself;
    static char *kwlist[] = {"decoder", "translate", "errors", NULL};
    PyObject *decoder, *errors = NULL;
    int translate;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Oi|O:IncrementalNewlineDecoder", kwlist,
                                     &decoder, &translate, &errors))
        return -1;
    Py_XSETREF(self->decoder, Py_NewRef(decoder));
    if (errors == NULL)
        errors = PyUnicode_FromString("strict");
    else
        Py_INCREF(errors);
    if (errors == NULL)
        return -1;
    Py_XSETREF(self->errors, errors);
    self->translate = translate ? 1 : 0;
    self->seennl = 0;
    self->pendingcr = 0;
    return 0;
}

static void nldecoder_dealloc(nldecoder *self)
{
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->errors);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int check_nldecoder(nldecoder *self)
{
    if (self->decoder == NULL) {
        PyErr_SetString(PyExc_ValueError, "IncrementalNewlineDecoder.__init__() not called");
        return -1;
    }
    return 0;
}

PyObject *_PyIncrementalNewlineDecoder_decode(PyObject *myself, PyObject *input, int final)
{
    nldecoder *self = (nldecoder *)myself;
    if (check_nldecoder(self) < 0)
        return NULL;
    PyObject *output;
    if (self->decoder != Py_None) {
        PyObject *args[3] = {self->decoder, input, final ? Py_True : Py_False};
        output = PyObject_VectorcallMethod(_Py_ID(decode), args, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                           NULL);
    } else {
        output = Py_NewRef(input);
    }
    if (output == NULL)
        return NULL;
    if (!PyUnicode_Check(output)) {
        PyErr_SetString(PyExc_TypeError, "decoder should return a string result");
        Py_DECREF(output);
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(output);
    /* Prefix a pending \r, and hold back a trailing \r unless final. */
    _PyUnicodeWriter w;
    int need_rebuild = self->pendingcr && (final || len > 0);
    int trailing_cr = !final && len > 0 && PyUnicode_READ_CHAR(output, len - 1) == '\r';
    if (need_rebuild || trailing_cr) {
        _PyUnicodeWriter_Init(&w);
        if (need_rebuild && _PyUnicodeWriter_WriteChar(&w, '\r') < 0)
            goto wfail;
        if (_PyUnicodeWriter_WriteSubstring(&w, output, 0, trailing_cr ? len - 1 : len) < 0)
            goto wfail;
        if (need_rebuild)
            self->pendingcr = 0;
        if (trailing_cr)
            self->pendingcr = 1;
        Py_DECREF(output);
        output = _PyUnicodeWriter_Finish(&w);
        if (output == NULL)
            return NULL;
        len = PyUnicode_GET_LENGTH(output);
    }
    if (len == 0)
        return output;

    /* Record which newlines were seen, and translate if asked. */
    int kind = PyUnicode_KIND(output);
    const void *data = PyUnicode_DATA(output);
    int seen = 0, has_cr = 0;
    if (kind == PyUnicode_1BYTE_KIND && memchr(data, '\r', len) == NULL) {
        /* The common case, no \r at all: one memchr instead of a character loop. */
        if (!(self->seennl & SEEN_LF) && memchr(data, '\n', len) != NULL)
            seen = SEEN_LF;
        len = 0;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == '\n') {
            seen |= SEEN_LF;
        } else if (c == '\r') {
            has_cr = 1;
            if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n') {
                seen |= SEEN_CRLF;
                i++;
            } else {
                seen |= SEEN_CR;
            }
        }
    }
    self->seennl |= seen;
    if (self->translate && has_cr) {
        _PyUnicodeWriter_Init(&w);
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == '\r') {
                if (i + 1 < len && PyUnicode_READ(kind, data, i + 1) == '\n')
                    i++;
                c = '\n';
            }
            if (_PyUnicodeWriter_WriteChar(&w, c) < 0)
                goto wfail;
        }
        Py_DECREF(output);
        return _PyUnicodeWriter_Finish(&w);
    }
    return output;
wfail:
    _PyUnicodeWriter_Dealloc(&w);
    Py_DECREF(output);
    return NULL;
}

static PyObject *nldecoder_decode(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"input", "final", NULL};
    PyObject *input;
    int final = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|i:decode", kwlist, &input, &final))
        return NULL;
    return _PyIncrementalNewlineDecoder_decode(self, input, final);
}

static PyObject *nldecoder_getstate(nldecoder *self, PyObject *unused)
{
    if (check_nldecoder(self) < 0)
        return NULL;
    PyObject *buffer;
    unsigned long long flag;
    if (self->decoder != Py_None) {
        PyObject *state = PyObject_CallMethod(self->decoder, "getstate", NULL);
        if (state == NULL)
            return NULL;
        if (!PyTuple_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
            Py_DECREF(state);
            return NULL;
        }
        if (!PyArg_ParseTuple(state, "OK;illegal decoder state", &buffer, &flag)) {
            Py_DECREF(state);
            return NULL;
        }
        Py_INCREF(buffer);
        Py_DECREF(state);
    } else {
        buffer = PyBytes_FromString("");
        flag = 0;
    }
    flag <<= 1;
    if (self->pendingcr)
        flag |= 1;
    return Py_BuildValue("NK", buffer, flag);
}

static PyObject *nldecoder_setstate(nldecoder *self, PyObject *state)
{
    PyObject *buffer;
    unsigned long long flag;
    if (check_nldecoder(self) < 0)
        return NULL;
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state argument must be a tuple");
        return NULL;
    }
    if (!PyArg_ParseTuple(state, "OK;setstate", &buffer, &flag))
        return NULL;
    self->pendingcr = (int)(flag & 1);
    flag >>= 1;
    if (self->decoder != Py_None)
        return PyObject_CallMethod(self->decoder, "setstate", "((OK))", buffer, flag);
    Py_RETURN_NONE;
}

static PyObject *nldecoder_reset(nldecoder *self, PyObject *unused)
{
    if (check_nldecoder(self) < 0)
        return NULL;
    self->seennl = 0;
    self->pendingcr = 0;
    if (self->decoder != Py_None)
        return PyObject_CallMethod(self->decoder, "reset", NULL);
    Py_RETURN_NONE;
}

static PyObject *nldecoder_newlines_get(nldecoder *self, void *context)
{
    if (check_nldecoder(self) < 0)
        return NULL;
    switch (self->seennl) {
    case SEEN_CR: return PyUnicode_FromString("\r");
    case SEEN_LF: return PyUnicode_FromString("\n");
    case SEEN_CRLF: return PyUnicode_FromString("\r\n");
    case SEEN_CR | SEEN_LF: return Py_BuildValue("ss", "\r", "\n");
    case SEEN_CR | SEEN_CRLF: return Py_BuildValue("ss", "\r", "\r\n");
    case SEEN_LF | SEEN_CRLF: return Py_BuildValue("ss", "\n", "\r\n");
    case SEEN_CR | SEEN_LF | SEEN_CRLF: return Py_BuildValue("sss", "\r", "\n", "\r\n");
    default: Py_RETURN_NONE;
    }
}

static PyMethodDef nldecoder_methods[] = {
    {"decode", (PyCFunction)(void (*)(void))nldecoder_decode, METH_VARARGS | METH_KEYWORDS,
     "decode($self, /, input, final=False)\n--\n\n"},
    {"getstate", (PyCFunction)nldecoder_getstate, METH_NOARGS,
     "getstate($self, /)\n--\n\n"},
    {"setstate", (PyCFunction)nldecoder_setstate, METH_O,
     "setstate($self, state, /)\n--\n\n"},
    {"reset", (PyCFunction)nldecoder_reset, METH_NOARGS,
     "reset($self, /)\n--\n\n"},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef nldecoder_getset[] = {
    {"newlines", (getter)nldecoder_newlines_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyIncrementalNewlineDecoder_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.IncrementalNewlineDecoder",
    .tp_basicsize = sizeof(nldecoder),
    .tp_dealloc = (destructor)nldecoder_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "IncrementalNewlineDecoder(decoder, translate, errors='strict')\n--\n\n"
              "Codec used when reading a file in universal newlines mode.\n\n"
              "It wraps another incremental decoder, translating \\r\\n and \\r into \\n.\n"
              "It also records the types of newlines encountered.  When used with\n"
              "translate=False, it ensures that the newline sequence is returned in\n"
              "one piece. When used with decoder=None, it expects unicode strings as\n"
              "decode input and translates newlines without first invoking an external\n"
              "decoder.",
    .tp_methods = nldecoder_methods,
    .tp_getset = nldecoder_getset,
    .tp_init = nldecoder_init,
    .tp_new = PyType_GenericNew,
};

/* ===================== line endings ===================== */

Py_ssize_t _PyIO_find_line_ending(int translated, int universal, PyObject *readnl,
                                  PyObject *str, Py_ssize_t start, Py_ssize_t end,
                                  Py_ssize_t *consumed)
{
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    if (translated) {
        /* Newlines are already translated, only search for \n */
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *p = (const Py_UCS1 *)data;
            const Py_UCS1 *nl = start < end ? memchr(p + start, '\n', end - start) : NULL;
            if (nl != NULL)
                return nl - p + 1;
            *consumed = end;
            return -1;
        }
        for (Py_ssize_t i = start; i < end; i++)
            if (PyUnicode_READ(kind, data, i) == '\n')
                return i + 1;
        *consumed = end;
        return -1;
    }
    if (universal) {
        /* Universal newline search: find any of \r, \r\n, \n.  The decoder ensures
         * that \r\n is not split in two pieces. */
        if (kind == PyUnicode_1BYTE_KIND) {
            const Py_UCS1 *p = (const Py_UCS1 *)data;
            for (Py_ssize_t i = start; i < end; i++) {
                if (p[i] > '\r')
                    continue;
                if (p[i] == '\n')
                    return i + 1;
                if (p[i] == '\r')
                    return (i + 1 < end && p[i + 1] == '\n') ? i + 2 : i + 1;
            }
            *consumed = end;
            return -1;
        }
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c == '\n')
                return i + 1;
            if (c == '\r') {
                if (i + 1 < end && PyUnicode_READ(kind, data, i + 1) == '\n')
                    return i + 2;
                return i + 1;
            }
        }
        *consumed = end;
        return -1;
    }
    /* Non-universal mode: search for readnl. */
    Py_ssize_t nllen = PyUnicode_GET_LENGTH(readnl);
    Py_UCS4 nl0 = PyUnicode_READ_CHAR(readnl, 0);
    for (Py_ssize_t i = start; i < end; i++) {
        if (PyUnicode_READ(kind, data, i) != nl0)
            continue;
        if (nllen == 1)
            return i + 1;
        if (i + nllen <= end) {
            Py_ssize_t k = 1;
            while (k < nllen && PyUnicode_READ(kind, data, i + k) == PyUnicode_READ_CHAR(readnl, k))
                k++;
            if (k == nllen)
                return i + nllen;
        }
    }
    /* A partial readnl at the end may complete in the next chunk. */
    Py_ssize_t c = end - nllen + 1;
    *consumed = c < start ? start : c;
    return -1;
}

/* ===================== TextIOWrapper ===================== */

typedef struct {
    PyObject_HEAD
    int ok;
    int detached;
    Py_ssize_t chunk_size;
    PyObject *buffer;
    PyObject *raw;          /* the FileIO under an exact Buffered*: fast closed checks */
    PyObject *encoding;
    PyObject *encoder;      /* a Python incremental encoder, or NULL when native */
    PyObject *decoder;      /* codec decoder, wrapped in IncrementalNewlineDecoder if universal */
    PyObject *readnl;
    PyObject *errors;
    const char *writenl;
    char line_buffering, write_through, readuniversal, readtranslate, writetranslate;
    char seekable, has_read1, telling, finalizing, writable;
    int native_enc;
    int encoding_start_of_stream;
    PyObject *decoded_chars;
    Py_ssize_t decoded_chars_used;
    PyObject *pending_bytes;     /* list of bytes, and ASCII str when the codec is native */
    Py_ssize_t pending_bytes_count;
    PyObject *snapshot;          /* (dec_flags, next_input) */
    double b2cratio;
    PyObject *dict;
    PyObject *weakreflist;
} textio;

static int textio_check_attached(textio *self)
{
    if (!self->ok) {
        if (self->detached)
            PyErr_SetString(PyExc_ValueError, "underlying buffer has been detached");
        else
            PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}
#define CHECK_ATTACHED(self) if (textio_check_attached(self) < 0) return NULL

static int textio_check_closed(textio *self)
{
    if (self->raw != NULL && Py_IS_TYPE(self, &PyTextIOWrapper_Type)) {
        if (!_PyFileIO_closed(self->raw))
            return 0;
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    PyObject *res = PyObject_GetAttrString((PyObject *)self, "closed");
    if (res == NULL)
        return -1;
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    if (r < 0)
        return -1;
    if (r) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}
#define CHECK_CLOSED(self) if (textio_check_closed(self) < 0) return NULL

static void set_decoded_chars(textio *self, PyObject *chars)
{
    Py_XSETREF(self->decoded_chars, chars);
    self->decoded_chars_used = 0;
}

/* Take up to n (all if n < 0) of the decoded characters not yet returned. */
static PyObject *get_decoded_chars(textio *self, Py_ssize_t n)
{
    if (self->decoded_chars == NULL)
        return PyUnicode_FromStringAndSize(NULL, 0);
    Py_ssize_t avail = PyUnicode_GET_LENGTH(self->decoded_chars) - self->decoded_chars_used;
    if (n < 0 || n > avail)
        n = avail;
    PyObject *chars = PyUnicode_Substring(self->decoded_chars, self->decoded_chars_used,
                                          self->decoded_chars_used + n);
    if (chars)
        self->decoded_chars_used += n;
    return chars;
}

static int textio_writeflush(textio *self)
{
    if (self->pending_bytes == NULL || PyList_GET_SIZE(self->pending_bytes) == 0)
        return 0;
    /* Concatenate the pending pieces; ASCII str pieces are their own encoding. */
    PyObject *b = PyBytes_FromStringAndSize(NULL, self->pending_bytes_count);
    if (b == NULL)
        return -1;
    char *out = PyBytes_AS_STRING(b);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(self->pending_bytes); i++) {
        PyObject *piece = PyList_GET_ITEM(self->pending_bytes, i);
        if (PyUnicode_Check(piece)) {
            memcpy(out, PyUnicode_DATA(piece), PyUnicode_GET_LENGTH(piece));
            out += PyUnicode_GET_LENGTH(piece);
        } else {
            memcpy(out, PyBytes_AS_STRING(piece), PyBytes_GET_SIZE(piece));
            out += PyBytes_GET_SIZE(piece);
        }
    }
    Py_CLEAR(self->pending_bytes);
    self->pending_bytes_count = 0;
    PyObject *ret;
    do {
        ret = PyObject_CallMethodOneArg(self->buffer, _Py_ID(write), b);
    } while (ret == NULL && _PyIO_trap_eintr());
    Py_DECREF(b);
    if (ret == NULL)
        return -1;
    Py_DECREF(ret);
    return 0;
}

static PyObject *encode_text(textio *self, PyObject *text)
{
    if (self->encoder != NULL) {
        PyObject *b = PyObject_CallMethodOneArg(self->encoder, _Py_ID(encode), text);
        if (b != NULL && !PyBytes_Check(b)) {
            PyErr_Format(PyExc_TypeError, "encoder should return a bytes object, not '%.200s'",
                         Py_TYPE(b)->tp_name);
            Py_DECREF(b);
            return NULL;
        }
        return b;
    }
    const char *errors = PyUnicode_AsUTF8(self->errors);
    if (errors == NULL)
        return NULL;
    return PyUnicode_AsEncodedString(text, native_codec_name(self->native_enc), errors);
}

/* Set up encoder/decoder for self->encoding and self->errors. */
static int set_codecs(textio *self, int readable, int writable)
{
    const char *enc = PyUnicode_AsUTF8(self->encoding);
    if (enc == NULL)
        return -1;
    self->native_enc = native_encoding(enc);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->encoder);
    PyObject *codecs = NULL;
    if (self->native_enc == ENC_OTHER) {
        codecs = PyImport_ImportModule("codecs");
        if (codecs == NULL)
            return -1;
        PyObject *info = PyObject_CallMethod(codecs, "lookup", "O", self->encoding);
        if (info == NULL)
            goto fail;
        PyObject *is_text = PyObject_GetAttrString(info, "_is_text_encoding");
        if (is_text == NULL) {
            PyErr_Clear();
        } else {
            int t = PyObject_IsTrue(is_text);
            Py_DECREF(is_text);
            if (t == 0) {
                PyErr_Format(PyExc_LookupError,
                             "%R is not a text encoding; use codecs.open() to handle arbitrary codecs",
                             self->encoding);
                Py_DECREF(info);
                goto fail;
            }
        }
        Py_DECREF(info);
    }
    if (readable) {
        PyObject *dec;
        if (self->native_enc != ENC_OTHER)
            dec = nativedecoder_new(self->native_enc, self->errors);
        else
            dec = PyObject_CallMethod(codecs, "getincrementaldecoder", "O", self->encoding);
        if (dec != NULL && self->native_enc == ENC_OTHER) {
            PyObject *d = PyObject_CallFunction(dec, "O", self->errors);
            Py_DECREF(dec);
            dec = d;
        }
        if (dec == NULL)
            goto fail;
        if (self->readuniversal) {
            PyObject *nl = PyObject_CallFunction((PyObject *)&PyIncrementalNewlineDecoder_Type, "Oi",
                                                 dec, (int)self->readtranslate);
            Py_DECREF(dec);
            if (nl == NULL)
                goto fail;
            dec = nl;
        }
        self->decoder = dec;
    }
    if (writable && self->native_enc == ENC_OTHER) {
        PyObject *f = PyObject_CallMethod(codecs, "getincrementalencoder", "O", self->encoding);
        if (f == NULL)
            goto fail;
        self->encoder = PyObject_CallFunction(f, "O", self->errors);
        Py_DECREF(f);
        if (self->encoder == NULL)
            goto fail;
    }
    Py_XDECREF(codecs);
    return 0;
fail:
    Py_XDECREF(codecs);
    return -1;
}

static int set_newline(textio *self, const char *newline)
{
    Py_CLEAR(self->readnl);
    if (newline) {
        self->readnl = PyUnicode_FromString(newline);
        if (self->readnl == NULL)
            return -1;
    }
    self->readuniversal = (newline == NULL || newline[0] == '\0');
    self->readtranslate = (newline == NULL);
    self->writetranslate = (newline == NULL || newline[0] != '\0');
    self->writenl = NULL;
    if (!self->readuniversal && newline) {
        if (!strcmp(newline, "\r"))
            self->writenl = "\r";
        else if (!strcmp(newline, "\r\n"))
            self->writenl = "\r\n";
    }
    return 0;
}

static int call_bool_method(PyObject *obj, const char *name)
{
    PyObject *res = PyObject_CallMethod(obj, name, NULL);
    if (res == NULL)
        return -1;
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}


/* Under -X dev an unknown error handler name fails at construction (3.11's
 * io_check_errors), not at the first encoding error. */
static int check_errors(PyObject *errors)
{
    if (!_PyInterpreterState_GET()->config.dev_mode)
        return 0;
    Py_ssize_t n;
    const char *name = PyUnicode_AsUTF8AndSize(errors, &n);
    if (name == NULL)
        return -1;
    if (strlen(name) != (size_t)n) {
        PyErr_SetString(PyExc_ValueError, "embedded null character in errors");
        return -1;
    }
    PyObject *handler = PyCodec_LookupError(name);
    if (handler == NULL)
        return -1;
    Py_DECREF(handler);
    return 0;
}

/* Don't write a BOM in the middle of a file: an encoder made for a seekable stream not
 * at its start is told it is past the start (3.11's _textiowrapper_fix_encoder_state,
 * at construction and when reconfigure() changes the encoding). */
static int fix_encoder_state(textio *self)
{
    self->encoding_start_of_stream = 0;
    if (!self->seekable || self->encoder == NULL)
        return 0;
    self->encoding_start_of_stream = 1;
    PyObject *cookie = PyObject_CallMethod(self->buffer, "tell", NULL);
    if (cookie == NULL)
        return -1;
    int nonzero = PyObject_IsTrue(cookie);
    Py_DECREF(cookie);
    if (nonzero < 0)
        return -1;
    if (nonzero) {
        self->encoding_start_of_stream = 0;
        PyObject *res = PyObject_CallMethod(self->encoder, "setstate", "i", 0);
        if (res == NULL)
            return -1;
        Py_DECREF(res);
    }
    return 0;
}

static int textio_init(PyObject *oself, PyObject *args, PyObject *kwds)
{
    textio *self = (textio *)oself;
    static char *kwlist[] = {"buffer", "encoding", "errors", "newline", "line_buffering",
                             "write_through", NULL};
    PyObject *buffer, *encoding = Py_None, *errors = Py_None, *newline_obj = Py_None;
    int line_buffering = 0, write_through = 0;
    self->ok = 0;
    self->detached = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OOOpp:TextIOWrapper", kwlist, &buffer,
                                     &encoding, &errors, &newline_obj, &line_buffering,
                                     &write_through))
        return -1;
    if (encoding != Py_None && !PyUnicode_Check(encoding)) {
        PyErr_Format(PyExc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %.50s",
                     Py_TYPE(encoding)->tp_name);
        return -1;
    }
    if (errors != Py_None && !PyUnicode_Check(errors)) {
        PyErr_Format(PyExc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %.50s",
                     Py_TYPE(errors)->tp_name);
        return -1;
    }
    const char *newline = NULL;
    if (newline_obj != Py_None) {
        if (!PyUnicode_Check(newline_obj)) {
            PyErr_Format(PyExc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %.50s",
                         Py_TYPE(newline_obj)->tp_name);
            return -1;
        }
        newline = PyUnicode_AsUTF8(newline_obj);
        if (newline == NULL)
            return -1;
        if (newline[0] != '\0' && strcmp(newline, "\n") && strcmp(newline, "\r") &&
            strcmp(newline, "\r\n")) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %s", newline);
            return -1;
        }
    }

    Py_CLEAR(self->buffer);
    Py_CLEAR(self->raw);
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->encoder);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->snapshot);
    Py_CLEAR(self->pending_bytes);
    set_decoded_chars(self, NULL);
    self->pending_bytes_count = 0;
    self->chunk_size = 8192;
    self->b2cratio = 0.0;

    if (encoding == Py_None && _PyIO_warn_default_encoding() &&
        PyErr_WarnEx(PyExc_EncodingWarning, "'encoding' argument not specified", 1) < 0)
        return -1;
    if (encoding == Py_None || _PyUnicode_EqualToASCIIString(encoding, "locale"))
        self->encoding = _PyIO_get_locale_encoding();
    else
        self->encoding = Py_NewRef(encoding);
    if (self->encoding == NULL)
        return -1;
    if (errors != Py_None && check_errors(errors) < 0)
        return -1;
    self->errors = errors == Py_None ? PyUnicode_FromString("strict") : Py_NewRef(errors);
    if (self->errors == NULL)
        return -1;
    if (set_newline(self, newline) < 0)
        return -1;
    self->line_buffering = (char)line_buffering;
    self->write_through = (char)write_through;

    int r = call_bool_method(buffer, "readable");
    if (r < 0)
        return -1;
    int w = call_bool_method(buffer, "writable");
    if (w < 0)
        return -1;
    self->writable = (char)w;
    self->buffer = Py_NewRef(buffer);
    self->raw = Py_XNewRef(_PyBuffered_fast_raw(buffer));
    if (set_codecs(self, r, w) < 0)
        return -1;

    PyObject *name = PyUnicode_FromString("read1"), *res = NULL;
    if (name == NULL || _PyObject_LookupAttr(buffer, name, &res) < 0) {
        Py_XDECREF(name);
        return -1;
    }
    Py_DECREF(name);
    self->has_read1 = res != NULL;
    Py_XDECREF(res);
    int s = call_bool_method(buffer, "seekable");
    if (s < 0)
        return -1;
    self->seekable = self->telling = (char)s;
    if (fix_encoder_state(self) < 0)
        return -1;
    self->ok = 1;
    return 0;
}

/* Read and decode the next chunk; returns 1 if data was read, 0 at EOF, -1 on error. */
static int read_chunk(textio *self, Py_ssize_t size_hint)
{
    if (self->decoder == NULL) {
        _PyIOBase_raise_unsupported("not readable");
        return -1;
    }
    PyObject *dec_buffer = NULL, *dec_flags = NULL;
    if (self->telling) {
        PyObject *state = PyObject_CallMethod(self->decoder, "getstate", NULL);
        if (state == NULL)
            return -1;
        if (!PyTuple_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "illegal decoder state");
            Py_DECREF(state);
            return -1;
        }
        if (!PyArg_ParseTuple(state, "OO;illegal decoder state", &dec_buffer, &dec_flags)) {
            Py_DECREF(state);
            return -1;
        }
        if (!PyBytes_Check(dec_buffer)) {
            PyErr_Format(PyExc_TypeError, "illegal decoder state: the first item should be a bytes object, not '%.200s'",
                         Py_TYPE(dec_buffer)->tp_name);
            Py_DECREF(state);
            return -1;
        }
        Py_INCREF(dec_buffer);
        Py_INCREF(dec_flags);
        Py_DECREF(state);
    }
    Py_ssize_t size = self->chunk_size;
    if (size_hint > 0) {
        double ratio = self->b2cratio > 1.0 ? self->b2cratio : 1.0;
        Py_ssize_t hint = (Py_ssize_t)(ratio * size_hint);
        if (hint > size)
            size = hint;
    }
    PyObject *sizeobj = PyLong_FromSsize_t(size);
    if (sizeobj == NULL)
        goto fail;
    /* interned names and a vectorcall: this runs once per chunk read */
    PyObject *input = PyObject_CallMethodOneArg(self->buffer, self->has_read1 ? _Py_ID(read1)
                                                                              : _Py_ID(read), sizeobj);
    Py_DECREF(sizeobj);
    if (input == NULL)
        goto fail;
    Py_buffer view;
    if (PyObject_GetBuffer(input, &view, PyBUF_SIMPLE) < 0) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "underlying %s() should have returned a bytes-like object, not '%.200s'",
                     self->has_read1 ? "read1" : "read", Py_TYPE(input)->tp_name);
        Py_DECREF(input);
        goto fail;
    }
    Py_ssize_t nbytes = view.len;
    PyBuffer_Release(&view);
    int eof = nbytes == 0;
    PyObject *decoded;
    if (Py_IS_TYPE(self->decoder, &PyIncrementalNewlineDecoder_Type))
        decoded = _PyIncrementalNewlineDecoder_decode(self->decoder, input, eof);
    else {
        PyObject *args[3] = {self->decoder, input, eof ? Py_True : Py_False};
        decoded = PyObject_VectorcallMethod(_Py_ID(decode), args,
                                            3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
    }
    if (decoded != NULL && !PyUnicode_Check(decoded)) {
        PyErr_Format(PyExc_TypeError, "decoder should return a string result, not '%.200s'",
                     Py_TYPE(decoded)->tp_name);
        Py_CLEAR(decoded);
    }
    if (decoded == NULL) {
        Py_DECREF(input);
        goto fail;
    }
    Py_ssize_t nchars = PyUnicode_GET_LENGTH(decoded);
    self->b2cratio = nchars > 0 ? (double)nbytes / nchars : 0.0;
    if (nchars > 0)
        eof = 0;
    set_decoded_chars(self, decoded);
    if (self->telling) {
        PyObject *next_input = PyBytes_FromStringAndSize(NULL, 0);
        PyObject *inb = PyBytes_Check(input) ? Py_NewRef(input) : PyBytes_FromObject(input);
        if (next_input == NULL || inb == NULL) {
            Py_XDECREF(next_input);
            Py_XDECREF(inb);
            Py_DECREF(input);
            goto fail;
        }
        Py_SETREF(next_input, PyNumber_Add(dec_buffer, inb));
        Py_DECREF(inb);
        if (next_input == NULL) {
            Py_DECREF(input);
            goto fail;
        }
        Py_XSETREF(self->snapshot, Py_BuildValue("NN", dec_flags, next_input));
        Py_DECREF(dec_buffer);
        dec_buffer = dec_flags = NULL;
        if (self->snapshot == NULL) {
            Py_DECREF(input);
            return -1;
        }
    }
    Py_DECREF(input);
    return !eof;
fail:
    Py_XDECREF(dec_buffer);
    Py_XDECREF(dec_flags);
    return -1;
}

static PyObject *textio_read(textio *self, PyObject *args)
{
    Py_ssize_t n = -1;
    CHECK_ATTACHED(self);
    if (!PyArg_ParseTuple(args, "|O&:read", &_PyIO_ConvertSsize_t, &n))
        return NULL;
    CHECK_CLOSED(self);
    if (self->decoder == NULL)
        return _PyIOBase_raise_unsupported("not readable");
    if (textio_writeflush(self) < 0)
        return NULL;
    if (n < 0) {
        PyObject *bytes = PyObject_CallMethod(self->buffer, "read", NULL);
        if (bytes == NULL)
            return NULL;
        PyObject *decoded;
        if (Py_IS_TYPE(self->decoder, &PyIncrementalNewlineDecoder_Type))
            decoded = _PyIncrementalNewlineDecoder_decode(self->decoder, bytes, 1);
        else
            decoded = PyObject_CallMethod(self->decoder, "decode", "OO", bytes, Py_True);
        Py_DECREF(bytes);
        if (decoded == NULL)
            return NULL;
        if (!PyUnicode_Check(decoded)) {
            PyErr_SetString(PyExc_TypeError, "decoder should return a string result");
            Py_DECREF(decoded);
            return NULL;
        }
        PyObject *result = get_decoded_chars(self, -1);
        if (result == NULL) {
            Py_DECREF(decoded);
            return NULL;
        }
        PyUnicode_Append(&result, decoded);
        Py_DECREF(decoded);
        set_decoded_chars(self, NULL);
        Py_CLEAR(self->snapshot);
        return result;
    }
    PyObject *result = get_decoded_chars(self, n);
    if (result == NULL)
        return NULL;
    Py_ssize_t remaining = n - PyUnicode_GET_LENGTH(result);
    while (remaining > 0) {
        int r = read_chunk(self, remaining);
        if (r < 0) {
            /* Don't lose what was read if interrupted. */
            Py_DECREF(result);
            return NULL;
        }
        if (r == 0)
            break;
        PyObject *more = get_decoded_chars(self, remaining);
        if (more == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        remaining -= PyUnicode_GET_LENGTH(more);
        PyUnicode_Append(&result, more);
        Py_DECREF(more);
        if (result == NULL)
            return NULL;
    }
    return result;
}

/* Search the decoded characters in place (as CPython does): a line that ends inside the
 * current chunk costs one substring; only a line spanning chunks is assembled from pieces. */
static PyObject *textio_readline_impl(textio *self, Py_ssize_t limit)
{
    CHECK_CLOSED(self);
    if (self->decoder == NULL)
        return _PyIOBase_raise_unsupported("not readable");
    if (textio_writeflush(self) < 0)
        return NULL;
    PyObject *line = NULL, *remaining = NULL, *chunks = NULL;
    Py_ssize_t start = 0, endpos = 0, offset_to_buffer = 0, chunked = 0;
    for (;;) {
        int r = 1;
        while (self->decoded_chars == NULL || PyUnicode_GET_LENGTH(self->decoded_chars) == 0) {
            r = read_chunk(self, 0);
            if (r < 0)
                goto error;
            if (r == 0)
                break;
        }
        if (r == 0) {
            /* End of file. */
            set_decoded_chars(self, NULL);
            Py_CLEAR(self->snapshot);
            start = endpos = offset_to_buffer = 0;
            break;
        }
        if (remaining == NULL) {
            line = Py_NewRef(self->decoded_chars);
            start = self->decoded_chars_used;
            offset_to_buffer = 0;
        } else {
            line = PyUnicode_Concat(remaining, self->decoded_chars);
            start = 0;
            offset_to_buffer = PyUnicode_GET_LENGTH(remaining);
            Py_CLEAR(remaining);
            if (line == NULL)
                goto error;
        }
        Py_ssize_t line_len = PyUnicode_GET_LENGTH(line), consumed = 0;
        endpos = _PyIO_find_line_ending(self->readtranslate, self->readuniversal, self->readnl,
                                        line, start, line_len, &consumed);
        if (endpos >= 0) {
            if (limit >= 0 && (endpos - start) + chunked >= limit)
                endpos = start + limit - chunked;
            break;
        }
        /* No line ending yet: everything up to `consumed` can be put aside. */
        endpos = consumed;
        if (limit >= 0 && (endpos - start) + chunked >= limit) {
            endpos = start + limit - chunked;
            break;
        }
        if (endpos > start) {
            if (chunks == NULL && (chunks = PyList_New(0)) == NULL)
                goto error;
            PyObject *piece = PyUnicode_Substring(line, start, endpos);
            if (piece == NULL || PyList_Append(chunks, piece) < 0) {
                Py_XDECREF(piece);
                goto error;
            }
            chunked += PyUnicode_GET_LENGTH(piece);
            Py_DECREF(piece);
        }
        /* A partial line ending is carried over to the next chunk. */
        if (endpos < line_len && (remaining = PyUnicode_Substring(line, endpos, line_len)) == NULL)
            goto error;
        Py_CLEAR(line);
        set_decoded_chars(self, NULL);
    }
    if (line != NULL) {
        /* The line ends in the current chunk. */
        self->decoded_chars_used = endpos - offset_to_buffer;
        if (start > 0 || endpos < PyUnicode_GET_LENGTH(line))
            Py_SETREF(line, PyUnicode_Substring(line, start, endpos));
        if (line == NULL)
            goto error;
    }
    if (remaining != NULL) {
        if (chunks == NULL && (chunks = PyList_New(0)) == NULL)
            goto error;
        if (PyList_Append(chunks, remaining) < 0)
            goto error;
        Py_CLEAR(remaining);
    }
    if (chunks != NULL) {
        if (line != NULL && PyList_Append(chunks, line) < 0)
            goto error;
        PyObject *empty = PyUnicode_FromStringAndSize(NULL, 0);
        Py_XSETREF(line, empty ? PyUnicode_Join(empty, chunks) : NULL);
        Py_XDECREF(empty);
        Py_CLEAR(chunks);
        return line;
    }
    return line ? line : PyUnicode_FromStringAndSize(NULL, 0);
error:
    Py_XDECREF(line);
    Py_XDECREF(remaining);
    Py_XDECREF(chunks);
    return NULL;
}

static PyObject *textio_readline(textio *self, PyObject *args)
{
    Py_ssize_t limit = -1;
    CHECK_ATTACHED(self);
    if (!PyArg_ParseTuple(args, "|n:readline", &limit))
        return NULL;
    return textio_readline_impl(self, limit);
}

static PyObject *textio_iternext(textio *self)
{
    CHECK_ATTACHED(self);
    self->telling = 0;
    PyObject *line;
    if (Py_IS_TYPE(self, &PyTextIOWrapper_Type)) {
        line = textio_readline_impl(self, -1);
    } else {
        line = PyObject_CallMethod((PyObject *)self, "readline", NULL);
        if (line && !PyUnicode_Check(line)) {
            PyErr_Format(PyExc_OSError, "readline() should have returned a str object, not '%.200s'",
                         Py_TYPE(line)->tp_name);
            Py_DECREF(line);
            return NULL;
        }
    }
    if (line == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(line) == 0) {
        /* Reached EOF or would have blocked. */
        Py_DECREF(line);
        Py_CLEAR(self->snapshot);
        self->telling = self->seekable;
        return NULL;
    }
    return line;
}

static PyObject *textio_write(textio *self, PyObject *text)
{
    CHECK_ATTACHED(self);
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    CHECK_CLOSED(self);
    if (!self->writable)
        return _PyIOBase_raise_unsupported("not writable");
    Py_ssize_t textlen = PyUnicode_GET_LENGTH(text);
    Py_INCREF(text);
    int haslf = 0;
    if ((self->writetranslate && self->writenl != NULL) || self->line_buffering)
        haslf = PyUnicode_FindChar(text, '\n', 0, textlen, 1) >= 0;
    if (haslf && self->writetranslate && self->writenl != NULL) {
        PyObject *nl = PyUnicode_FromString("\n"), *wnl = PyUnicode_FromString(self->writenl);
        PyObject *t = (nl && wnl) ? PyUnicode_Replace(text, nl, wnl, -1) : NULL;
        Py_XDECREF(nl);
        Py_XDECREF(wnl);
        Py_DECREF(text);
        if (t == NULL)
            return NULL;
        text = t;
    }
    int needflush = 0;
    if (self->line_buffering &&
        (haslf || PyUnicode_FindChar(text, '\r', 0, PyUnicode_GET_LENGTH(text), 1) >= 0))
        needflush = 1;
    PyObject *b;
    if (self->native_enc != ENC_OTHER && PyUnicode_IS_ASCII(text))
        b = text;     /* utf-8, latin-1 and ascii all encode ASCII as itself */
    else {
        b = encode_text(self, text);
        Py_DECREF(text);
    }
    if (b == NULL)
        return NULL;
    if (!PyBytes_Check(b) && !PyUnicode_Check(b)) {
        PyErr_Format(PyExc_TypeError, "encoder should return a bytes object, not '%.200s'",
                     Py_TYPE(b)->tp_name);
        Py_DECREF(b);
        return NULL;
    }
    Py_ssize_t blen = PyUnicode_Check(b) ? PyUnicode_GET_LENGTH(b) : PyBytes_GET_SIZE(b);
    /* as 3.11: never concatenate past chunk_size, what is pending goes out first */
    if (self->pending_bytes != NULL && PyList_GET_SIZE(self->pending_bytes) > 0 &&
        self->pending_bytes_count + blen > self->chunk_size && textio_writeflush(self) < 0) {
        Py_DECREF(b);
        return NULL;
    }
    if (self->pending_bytes == NULL && (self->pending_bytes = PyList_New(0)) == NULL) {
        Py_DECREF(b);
        return NULL;
    }
    self->pending_bytes_count += blen;
    int r = PyList_Append(self->pending_bytes, b);
    Py_DECREF(b);
    if (r < 0)
        return NULL;
    if (self->pending_bytes_count >= self->chunk_size || needflush || self->write_through) {
        if (textio_writeflush(self) < 0)
            return NULL;
    }
    if (needflush) {
        PyObject *ret = PyObject_CallMethod(self->buffer, "flush", NULL);
        if (ret == NULL)
            return NULL;
        Py_DECREF(ret);
    }
    set_decoded_chars(self, NULL);
    Py_CLEAR(self->snapshot);
    if (self->decoder) {
        PyObject *ret = PyObject_CallMethod(self->decoder, "reset", NULL);
        if (ret == NULL)
            return NULL;
        Py_DECREF(ret);
    }
    return PyLong_FromSsize_t(textlen);
}

static PyObject *textio_flush(textio *self, PyObject *unused)
{
    CHECK_ATTACHED(self);
    CHECK_CLOSED(self);
    self->telling = self->seekable;
    if (textio_writeflush(self) < 0)
        return NULL;
    return PyObject_CallMethod(self->buffer, "flush", NULL);
}

static PyObject *textio_close(textio *self, PyObject *unused)
{
    CHECK_ATTACHED(self);
    PyObject *res = PyObject_GetAttrString((PyObject *)self, "closed");
    if (res == NULL)
        return NULL;
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    if (r < 0)
        return NULL;
    if (r)
        Py_RETURN_NONE;
    if (self->finalizing) {
        res = PyObject_CallMethod(self->buffer, "_dealloc_warn", "O", self);
        if (res)
            Py_DECREF(res);
        else
            PyErr_Clear();
    }
    PyObject *t = NULL, *v = NULL, *tb = NULL;
    res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL)
        PyErr_Fetch(&t, &v, &tb);
    else
        Py_DECREF(res);
    res = PyObject_CallMethod(self->buffer, "close", NULL);
    if (t != NULL) {
        _PyErr_ChainExceptions(t, v, tb);
        Py_CLEAR(res);
    }
    return res;
}

/* ---- tell/seek cookies: start_pos | dec_flags<<64 | bytes_to_feed<<128 |
 *      chars_to_skip<<192 | need_eof<<256 (CPython's layout) ---- */

typedef struct {
    Py_off_t start_pos;
    int dec_flags;
    int bytes_to_feed;
    int chars_to_skip;
    char need_eof;
} cookie_t;

#define COOKIE_BUF_LEN 40

static PyObject *build_cookie(cookie_t *c)
{
    unsigned char buf[COOKIE_BUF_LEN];
    memset(buf, 0, sizeof(buf));
    unsigned long long parts[4] = {(unsigned long long)c->start_pos, (unsigned int)c->dec_flags,
                                   (unsigned int)c->bytes_to_feed, (unsigned int)c->chars_to_skip};
    for (int p = 0; p < 4; p++)
        for (int i = 0; i < 8; i++)
            buf[p * 8 + i] = (unsigned char)(parts[p] >> (8 * i));
    buf[32] = (unsigned char)c->need_eof;
    return _PyLong_FromByteArray(buf, sizeof(buf), 1, 0);
}

static int parse_cookie(cookie_t *c, PyObject *cookieobj)
{
    unsigned char buf[COOKIE_BUF_LEN];
    PyObject *cookieLong = PyNumber_Long(cookieobj);
    if (cookieLong == NULL)
        return -1;
    int r = _PyLong_AsByteArray((PyLongObject *)cookieLong, buf, sizeof(buf), 1, 0);
    Py_DECREF(cookieLong);
    if (r < 0)
        return -1;
    unsigned long long parts[4] = {0, 0, 0, 0};
    for (int p = 0; p < 4; p++)
        for (int i = 0; i < 8; i++)
            parts[p] |= (unsigned long long)buf[p * 8 + i] << (8 * i);
    c->start_pos = (Py_off_t)parts[0];
    c->dec_flags = (int)parts[1];
    c->bytes_to_feed = (int)parts[2];
    c->chars_to_skip = (int)parts[3];
    c->need_eof = (char)buf[32];
    if ((unsigned long long)c->dec_flags != parts[1] || (unsigned long long)c->bytes_to_feed != parts[2] ||
        (unsigned long long)c->chars_to_skip != parts[3]) {
        PyErr_SetString(PyExc_OverflowError, "cookie too large");
        return -1;
    }
    return 0;
}

static int decoder_setstate(textio *self, cookie_t *c)
{
    PyObject *res;
    /* When seeking to the start of the stream, reset rather than setstate() so a
     * BOM-aware decoder forgets what it saw. */
    if (c->start_pos == 0 && c->dec_flags == 0)
        res = PyObject_CallMethod(self->decoder, "reset", NULL);
    else
        res = PyObject_CallMethod(self->decoder, "setstate", "((yi))", "", c->dec_flags);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *textio_tell(textio *self, PyObject *unused)
{
    CHECK_ATTACHED(self);
    CHECK_CLOSED(self);
    if (!self->seekable)
        return _PyIOBase_raise_unsupported("underlying stream is not seekable");
    if (!self->telling) {
        PyErr_SetString(PyExc_OSError, "telling position disabled by next() call");
        return NULL;
    }
    if (textio_writeflush(self) < 0)
        return NULL;
    PyObject *res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    PyObject *posobj = PyObject_CallMethod(self->buffer, "tell", NULL);
    if (posobj == NULL)
        return NULL;
    if (self->decoder == NULL || self->snapshot == NULL)
        return posobj;
    cookie_t cookie = {0, 0, 0, 0, 0};
    cookie.start_pos = PyLong_AsOff_t(posobj);
    Py_DECREF(posobj);
    if (PyErr_Occurred())
        return NULL;
    PyObject *next_input;
    if (!PyArg_ParseTuple(self->snapshot, "iO", &cookie.dec_flags, &next_input))
        return NULL;
    Py_ssize_t next_len = PyBytes_GET_SIZE(next_input);
    cookie.start_pos -= next_len;
    if (self->decoded_chars_used == 0)
        return build_cookie(&cookie);
    Py_ssize_t chars_to_skip = self->decoded_chars_used;

    /* Decoder state will be restored at the end. */
    PyObject *saved_state = PyObject_CallMethod(self->decoder, "getstate", NULL);
    if (saved_state == NULL)
        return NULL;
    if (decoder_setstate(self, &cookie) < 0)
        goto fail;
    const char *input = PyBytes_AS_STRING(next_input);
    Py_ssize_t chars_decoded = 0;
    int bytes_fed = 0;
    Py_off_t start_pos = cookie.start_pos;
    int start_flags = cookie.dec_flags;
    Py_ssize_t i;
    for (i = 0; i < next_len; i++) {
        bytes_fed++;
        PyObject *d = PyObject_CallMethod(self->decoder, "decode", "y#", input + i, (Py_ssize_t)1);
        if (d == NULL)
            goto fail;
        chars_decoded += PyUnicode_GET_LENGTH(d);
        Py_DECREF(d);
        PyObject *state = PyObject_CallMethod(self->decoder, "getstate", NULL);
        if (state == NULL)
            goto fail;
        PyObject *dec_buffer;
        int dec_flags;
        if (!PyArg_ParseTuple(state, "Oi", &dec_buffer, &dec_flags)) {
            Py_DECREF(state);
            goto fail;
        }
        Py_ssize_t buflen = PyBytes_Check(dec_buffer) ? PyBytes_GET_SIZE(dec_buffer) : 0;
        Py_DECREF(state);
        if (buflen == 0 && chars_decoded <= chars_to_skip) {
            /* Decoder buffer is empty, so this is a safe start point. */
            start_pos += bytes_fed;
            chars_to_skip -= chars_decoded;
            start_flags = dec_flags;
            bytes_fed = 0;
            chars_decoded = 0;
        }
        if (chars_decoded >= chars_to_skip)
            break;
    }
    cookie.start_pos = start_pos;
    cookie.dec_flags = start_flags;
    cookie.bytes_to_feed = bytes_fed;
    if (i == next_len) {
        /* We didn't get enough decoded data; signal EOF to get more. */
        PyObject *d = PyObject_CallMethod(self->decoder, "decode", "yO", "", Py_True);
        if (d == NULL)
            goto fail;
        chars_decoded += PyUnicode_GET_LENGTH(d);
        Py_DECREF(d);
        cookie.need_eof = 1;
        if (chars_decoded < chars_to_skip) {
            PyErr_SetString(PyExc_OSError, "can't reconstruct logical file position");
            goto fail;
        }
    }
    cookie.chars_to_skip = (int)chars_to_skip;
    res = PyObject_CallMethod(self->decoder, "setstate", "(O)", saved_state);
    Py_DECREF(saved_state);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    return build_cookie(&cookie);
fail:
    {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        res = PyObject_CallMethod(self->decoder, "setstate", "(O)", saved_state);
        Py_XDECREF(res);
        Py_DECREF(saved_state);
        PyErr_Restore(t, v, tb);
        return NULL;
    }
}

static int is_zero(PyObject *obj)
{
    PyObject *zero = PyLong_FromLong(0);
    int r = zero ? PyObject_RichCompareBool(obj, zero, Py_EQ) : -1;
    Py_XDECREF(zero);
    return r;
}

static PyObject *textio_seek(textio *self, PyObject *args)
{
    PyObject *cookieObj;
    int whence = 0;
    CHECK_ATTACHED(self);
    if (!PyArg_ParseTuple(args, "O|i:seek", &cookieObj, &whence))
        return NULL;
    CHECK_CLOSED(self);
    Py_INCREF(cookieObj);
    if (!self->seekable) {
        _PyIOBase_raise_unsupported("underlying stream is not seekable");
        goto fail;
    }
    PyObject *res;
    int cmp;
    switch (whence) {
    case 1:
        cmp = is_zero(cookieObj);
        if (cmp < 0)
            goto fail;
        if (cmp == 0) {
            _PyIOBase_raise_unsupported("can't do nonzero cur-relative seeks");
            goto fail;
        }
        /* Seeking to the current position should attempt to sync the underlying
         * buffer with the current position. */
        Py_DECREF(cookieObj);
        cookieObj = PyObject_CallMethod((PyObject *)self, "tell", NULL);
        if (cookieObj == NULL)
            return NULL;
        break;
    case 2:
        cmp = is_zero(cookieObj);
        if (cmp < 0)
            goto fail;
        if (cmp == 0) {
            _PyIOBase_raise_unsupported("can't do nonzero end-relative seeks");
            goto fail;
        }
        res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
        if (res == NULL)
            goto fail;
        Py_DECREF(res);
        set_decoded_chars(self, NULL);
        Py_CLEAR(self->snapshot);
        if (self->decoder) {
            res = PyObject_CallMethod(self->decoder, "reset", NULL);
            if (res == NULL)
                goto fail;
            Py_DECREF(res);
        }
        res = PyObject_CallMethod(self->buffer, "seek", "ii", 0, 2);
        Py_DECREF(cookieObj);
        if (res != NULL && self->encoder) {
            /* If seek() == 0, we are at the start of stream, otherwise not. */
            int nz = PyObject_IsTrue(res);
            PyObject *r2 = nz ? PyObject_CallMethod(self->encoder, "setstate", "i", 0)
                              : PyObject_CallMethod(self->encoder, "reset", NULL);
            if (r2 == NULL)
                Py_CLEAR(res);
            Py_XDECREF(r2);
        }
        return res;
    case 0:
        break;
    default:
        PyErr_Format(PyExc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
        goto fail;
    }
    {
        PyObject *zero = PyLong_FromLong(0);
        cmp = zero ? PyObject_RichCompareBool(cookieObj, zero, Py_LT) : -1;
        Py_XDECREF(zero);
    }
    if (cmp < 0)
        goto fail;
    if (cmp == 1) {
        PyErr_Format(PyExc_ValueError, "negative seek position %R", cookieObj);
        goto fail;
    }
    res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL)
        goto fail;
    Py_DECREF(res);
    cookie_t cookie;
    if (parse_cookie(&cookie, cookieObj) < 0)
        goto fail;
    res = PyObject_CallMethod(self->buffer, "seek", "L", (long long)cookie.start_pos);
    if (res == NULL)
        goto fail;
    Py_DECREF(res);
    set_decoded_chars(self, NULL);
    Py_CLEAR(self->snapshot);
    if (self->decoder) {
        if (decoder_setstate(self, &cookie) < 0)
            goto fail;
    }
    if (cookie.chars_to_skip) {
        PyObject *input_chunk = PyObject_CallMethod(self->buffer, "read", "i", cookie.bytes_to_feed);
        if (input_chunk == NULL)
            goto fail;
        if (!PyBytes_Check(input_chunk)) {
            PyErr_Format(PyExc_TypeError, "underlying read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(input_chunk)->tp_name);
            Py_DECREF(input_chunk);
            goto fail;
        }
        self->snapshot = Py_BuildValue("iN", cookie.dec_flags, input_chunk);
        if (self->snapshot == NULL)
            goto fail;
        PyObject *decoded = PyObject_CallMethod(self->decoder, "decode", "Oi", input_chunk,
                                                (int)cookie.need_eof);
        if (decoded == NULL)
            goto fail;
        set_decoded_chars(self, decoded);
        if (PyUnicode_GET_LENGTH(decoded) < cookie.chars_to_skip) {
            PyErr_SetString(PyExc_OSError, "can't restore logical file position");
            goto fail;
        }
        self->decoded_chars_used = cookie.chars_to_skip;
    } else if (self->decoder) {
        self->snapshot = Py_BuildValue("iy", cookie.dec_flags, "");
        if (self->snapshot == NULL)
            goto fail;
    }
    if (self->encoder) {
        /* Finally, reset the encoder (merely useful for proper BOM handling). */
        res = cookie.start_pos == 0 ? PyObject_CallMethod(self->encoder, "reset", NULL)
                                    : PyObject_CallMethod(self->encoder, "setstate", "i", 0);
        if (res == NULL)
            goto fail;
        Py_DECREF(res);
    }
    return cookieObj;
fail:
    Py_XDECREF(cookieObj);
    return NULL;
}

static PyObject *textio_truncate(textio *self, PyObject *args)
{
    PyObject *pos = Py_None;
    CHECK_ATTACHED(self);
    if (!PyArg_ParseTuple(args, "|O:truncate", &pos))
        return NULL;
    PyObject *res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    return PyObject_CallMethod(self->buffer, "truncate", "O", pos);
}

static PyObject *textio_detach(textio *self, PyObject *unused)
{
    CHECK_ATTACHED(self);
    PyObject *res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    PyObject *buffer = self->buffer;
    self->buffer = NULL;
    Py_CLEAR(self->raw);
    self->detached = 1;
    self->ok = 0;
    return buffer;
}

static PyObject *textio_forward(textio *self, const char *name)
{
    CHECK_ATTACHED(self);
    return PyObject_CallMethod(self->buffer, name, NULL);
}

static PyObject *textio_fileno(textio *self, PyObject *u) { return textio_forward(self, "fileno"); }
static PyObject *textio_seekable(textio *self, PyObject *u) { return textio_forward(self, "seekable"); }
static PyObject *textio_readable(textio *self, PyObject *u) { return textio_forward(self, "readable"); }
static PyObject *textio_writable(textio *self, PyObject *u) { return textio_forward(self, "writable"); }
static PyObject *textio_isatty(textio *self, PyObject *u) { return textio_forward(self, "isatty"); }

static PyObject *textio_reconfigure(textio *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "errors", "newline", "line_buffering", "write_through", NULL};
    PyObject *encoding = Py_None, *errors = Py_None, *newline_obj = NULL;
    PyObject *line_buffering_obj = Py_None, *write_through_obj = Py_None;
    CHECK_ATTACHED(self);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|$OOOOO:reconfigure", kwlist, &encoding, &errors,
                                     &newline_obj, &line_buffering_obj, &write_through_obj))
        return NULL;
    const char *newline = NULL;
    if (newline_obj != NULL && newline_obj != Py_None) {
        if (!PyUnicode_Check(newline_obj)) {
            PyErr_Format(PyExc_TypeError, "reconfigure() argument 'newline' must be str or None, not %.50s",
                         Py_TYPE(newline_obj)->tp_name);
            return NULL;
        }
        newline = PyUnicode_AsUTF8(newline_obj);
        if (newline == NULL)
            return NULL;
        if (newline[0] != '\0' && strcmp(newline, "\n") && strcmp(newline, "\r") &&
            strcmp(newline, "\r\n")) {
            PyErr_Format(PyExc_ValueError, "illegal newline value: %s", newline);
            return NULL;
        }
    }
    int line_buffering = self->line_buffering, write_through = self->write_through;
    if (line_buffering_obj != Py_None && (line_buffering = PyObject_IsTrue(line_buffering_obj)) < 0)
        return NULL;
    if (write_through_obj != Py_None && (write_through = PyObject_IsTrue(write_through_obj)) < 0)
        return NULL;
    if (encoding != Py_None || errors != Py_None || newline_obj != NULL) {
        if (self->decoded_chars != NULL &&
            PyUnicode_GET_LENGTH(self->decoded_chars) > self->decoded_chars_used) {
            _PyIOBase_raise_unsupported("It is not possible to set the encoding or newline of stream after the first read");
            return NULL;
        }
    }
    PyObject *res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    self->b2cratio = 0;
    if (newline_obj != NULL && set_newline(self, newline) < 0)
        return NULL;
    if (encoding != Py_None || errors != Py_None || newline_obj != NULL) {
        if (encoding != Py_None) {
            if (!PyUnicode_Check(encoding)) {
                PyErr_Format(PyExc_TypeError, "reconfigure() argument 'encoding' must be str or None, not %.50s",
                             Py_TYPE(encoding)->tp_name);
                return NULL;
            }
            Py_SETREF(self->encoding, _PyUnicode_EqualToASCIIString(encoding, "locale")
                                          ? _PyIO_get_locale_encoding() : Py_NewRef(encoding));
            if (errors == Py_None)
                errors = NULL;   /* new encoding: errors back to strict */
        }
        if (errors != Py_None) {
            Py_SETREF(self->errors, errors ? Py_NewRef(errors) : PyUnicode_FromString("strict"));
            if (self->errors == NULL)
                return NULL;
        }
        int r = call_bool_method(self->buffer, "readable");
        if (r < 0)
            return NULL;
        if (set_codecs(self, r, self->writable) < 0)
            return NULL;
        if (fix_encoder_state(self) < 0)
            return NULL;
    }
    self->line_buffering = (char)line_buffering;
    self->write_through = (char)write_through;
    Py_RETURN_NONE;
}

static PyObject *textio_repr(textio *self)
{
    if (!self->ok && !self->detached) {   /* a detached wrapper still has a repr */
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    if (Py_ReprEnter((PyObject *)self) > 0) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__", Py_TYPE(self)->tp_name);
        return NULL;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    PyObject *tmp = NULL, *s = NULL;
    if (_PyUnicodeWriter_WriteASCIIString(&w, "<", 1) < 0 ||
        _PyUnicodeWriter_WriteASCIIString(&w, Py_TYPE(self)->tp_name, strlen(Py_TYPE(self)->tp_name)) < 0)
        goto error;
    const char *attrs[2] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        /* as CPython: a missing attribute is left out, and so is name's ValueError
         * (the buffer was detached); other errors propagate */
        PyObject *attr = PyUnicode_FromString(attrs[i]);
        int r = attr ? _PyObject_LookupAttr((PyObject *)self, attr, &tmp) : -1;
        Py_XDECREF(attr);
        if (r < 0) {
            if (i != 0 || !PyErr_ExceptionMatches(PyExc_ValueError))
                goto error;
            PyErr_Clear();
        }
        if (tmp == NULL)
            continue;
        s = PyUnicode_FromFormat(" %s=%R", attrs[i], tmp);
        Py_CLEAR(tmp);
        if (s == NULL || _PyUnicodeWriter_WriteStr(&w, s) < 0)
            goto error;
        Py_CLEAR(s);
    }
    s = PyUnicode_FromFormat(" encoding=%R>", self->encoding);
    if (s == NULL || _PyUnicodeWriter_WriteStr(&w, s) < 0)
        goto error;
    Py_CLEAR(s);
    Py_ReprLeave((PyObject *)self);
    return _PyUnicodeWriter_Finish(&w);
error:
    Py_XDECREF(tmp);
    Py_XDECREF(s);
    _PyUnicodeWriter_Dealloc(&w);
    Py_ReprLeave((PyObject *)self);
    return NULL;
}

static PyObject *textio_name_get(textio *self, void *c)
{
    CHECK_ATTACHED(self);
    return PyObject_GetAttrString(self->buffer, "name");
}

static PyObject *textio_closed_get(textio *self, void *c)
{
    CHECK_ATTACHED(self);
    return PyObject_GetAttrString(self->buffer, "closed");
}

static PyObject *textio_newlines_get(textio *self, void *c)
{
    CHECK_ATTACHED(self);
    if (self->decoder == NULL)
        Py_RETURN_NONE;
    PyObject *res, *name = PyUnicode_FromString("newlines");
    if (name == NULL)
        return NULL;
    int r = _PyObject_LookupAttr(self->decoder, name, &res);
    Py_DECREF(name);
    if (r == 0)
        Py_RETURN_NONE;
    return res;
}

/* encoding, buffer, line_buffering and write_through are plain members in CPython and
 * errors checks initialization only: all of them still answer once detached. */
static PyObject *textio_errors_get(textio *self, void *c)
{
    if (!self->ok && !self->detached) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return Py_NewRef(self->errors);
}

static PyObject *textio_encoding_get(textio *self, void *c)
{
    return Py_NewRef(self->encoding ? self->encoding : Py_None);
}

static PyObject *textio_buffer_get(textio *self, void *c)
{
    return Py_NewRef(self->buffer ? self->buffer : Py_None);
}

static PyObject *textio_line_buffering_get(textio *self, void *c)
{
    return PyBool_FromLong(self->line_buffering);
}

static PyObject *textio_write_through_get(textio *self, void *c)
{
    return PyBool_FromLong(self->write_through);
}

static PyObject *textio_chunk_size_get(textio *self, void *c)
{
    CHECK_ATTACHED(self);
    return PyLong_FromSsize_t(self->chunk_size);
}

static int textio_chunk_size_set(textio *self, PyObject *arg, void *c)
{
    if (textio_check_attached(self) < 0)
        return -1;
    if (arg == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred())
        return -1;
    if (n <= 0) {
        PyErr_SetString(PyExc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    self->chunk_size = n;
    return 0;
}

static PyObject *textio_getstate(textio *self, PyObject *unused)
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' object", Py_TYPE(self)->tp_name);
    return NULL;
}

static int textio_traverse(textio *self, visitproc visit, void *arg)
{
    Py_VISIT(self->buffer);
    Py_VISIT(self->encoding);
    Py_VISIT(self->encoder);
    Py_VISIT(self->decoder);
    Py_VISIT(self->readnl);
    Py_VISIT(self->decoded_chars);
    Py_VISIT(self->pending_bytes);
    Py_VISIT(self->snapshot);
    Py_VISIT(self->raw);
    Py_VISIT(self->errors);
    Py_VISIT(self->dict);
    return 0;
}

static int textio_clear(textio *self)
{
    self->ok = 0;
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->raw);
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->encoder);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->decoded_chars);
    Py_CLEAR(self->pending_bytes);
    Py_CLEAR(self->snapshot);
    Py_CLEAR(self->errors);
    Py_CLEAR(self->dict);
    return 0;
}

static void textio_dealloc(textio *self)
{
    self->finalizing = 1;
    if (PyObject_CallFinalizerFromDealloc((PyObject *)self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    textio_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef textio_methods[] = {
    {"detach", (PyCFunction)textio_detach, METH_NOARGS,
     "detach($self, /)\n--\n\n"},
    {"reconfigure", (PyCFunction)(void (*)(void))textio_reconfigure, METH_VARARGS | METH_KEYWORDS,
     "reconfigure($self, /, *, encoding=None, errors=None, newline=None,\n"
     "            line_buffering=None, write_through=None)\n"
     "--\n\n"
     "Reconfigure the text stream with new parameters.\n\n"
     "This also does an implicit stream flush."},
    {"write", (PyCFunction)textio_write, METH_O,
     "write($self, text, /)\n--\n\n"},
    {"read", (PyCFunction)textio_read, METH_VARARGS,
     "read($self, size=-1, /)\n--\n\n"},
    {"readline", (PyCFunction)textio_readline, METH_VARARGS,
     "readline($self, size=-1, /)\n--\n\n"},
    {"flush", (PyCFunction)textio_flush, METH_NOARGS,
     "flush($self, /)\n--\n\n"},
    {"close", (PyCFunction)textio_close, METH_NOARGS,
     "close($self, /)\n--\n\n"},
    {"fileno", (PyCFunction)textio_fileno, METH_NOARGS,
     "fileno($self, /)\n--\n\n"},
    {"seekable", (PyCFunction)textio_seekable, METH_NOARGS,
     "seekable($self, /)\n--\n\n"},
    {"readable", (PyCFunction)textio_readable, METH_NOARGS,
     "readable($self, /)\n--\n\n"},
    {"writable", (PyCFunction)textio_writable, METH_NOARGS,
     "writable($self, /)\n--\n\n"},
    {"isatty", (PyCFunction)textio_isatty, METH_NOARGS,
     "isatty($self, /)\n--\n\n"},
    {"seek", (PyCFunction)textio_seek, METH_VARARGS,
     "seek($self, cookie, whence=0, /)\n--\n\n"},
    {"tell", (PyCFunction)textio_tell, METH_NOARGS,
     "tell($self, /)\n--\n\n"},
    {"truncate", (PyCFunction)textio_truncate, METH_VARARGS,
     "truncate($self, pos=None, /)\n--\n\n"},
    {"__getstate__", (PyCFunction)textio_getstate, METH_NOARGS,
     "__getstate__($self, /)\n--\n\n"
     "Helper for pickle."},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef textio_members[] = {
    {"_finalizing", T_BOOL, offsetof(textio, finalizing), 0, NULL},
    {NULL},
};

static PyGetSetDef textio_getset[] = {
    {"name", (getter)textio_name_get, NULL, NULL, NULL},
    {"closed", (getter)textio_closed_get, NULL, NULL, NULL},
    {"newlines", (getter)textio_newlines_get, NULL, NULL, NULL},
    {"errors", (getter)textio_errors_get, NULL, NULL, NULL},
    {"encoding", (getter)textio_encoding_get, NULL, NULL, NULL},
    {"buffer", (getter)textio_buffer_get, NULL, NULL, NULL},
    {"line_buffering", (getter)textio_line_buffering_get, NULL, NULL, NULL},
    {"write_through", (getter)textio_write_through_get, NULL, NULL, NULL},
    {"_CHUNK_SIZE", (getter)textio_chunk_size_get, (setter)textio_chunk_size_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyTextIOWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(textio),
    .tp_dealloc = (destructor)textio_dealloc,
    .tp_members = textio_members,
    .tp_repr = (reprfunc)textio_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "TextIOWrapper(buffer, encoding=None, errors=None, newline=None,\n"
              "              line_buffering=False, write_through=False)\n"
              "--\n\n"
              "Character and line based layer over a BufferedIOBase object, buffer.\n\n"
              "encoding gives the name of the encoding that the stream will be\n"
              "decoded or encoded with. It defaults to locale.getencoding().\n\n"
              "errors determines the strictness of encoding and decoding (see\n"
              "help(codecs.Codec) or the documentation for codecs.register) and\n"
              "defaults to \"strict\".\n\n"
              "newline controls how line endings are handled. It can be None, '',\n"
              "'\\n', '\\r', and '\\r\\n'.  It works as follows:\n\n"
              "* On input, if newline is None, universal newlines mode is\n"
              "  enabled. Lines in the input can end in '\\n', '\\r', or '\\r\\n', and\n"
              "  these are translated into '\\n' before being returned to the\n"
              "  caller. If it is '', universal newline mode is enabled, but line\n"
              "  endings are returned to the caller untranslated. If it has any of\n"
              "  the other legal values, input lines are only terminated by the given\n"
              "  string, and the line ending is returned to the caller untranslated.\n\n"
              "* On output, if newline is None, any '\\n' characters written are\n"
              "  translated to the system default line separator, os.linesep. If\n"
              "  newline is '' or '\\n', no translation takes place. If newline is any\n"
              "  of the other legal values, any '\\n' characters written are translated\n"
              "  to the given string.\n\n"
              "If line_buffering is True, a call to flush is implied when a call to\n"
              "write contains a newline character.",
    .tp_traverse = (traverseproc)textio_traverse,
    .tp_clear = (inquiry)textio_clear,
    .tp_weaklistoffset = offsetof(textio, weakreflist),
    .tp_iternext = (iternextfunc)textio_iternext,
    .tp_methods = textio_methods,
    .tp_getset = textio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(textio, dict),
    .tp_init = textio_init,
    .tp_new = PyType_GenericNew,
};
