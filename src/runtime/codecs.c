/* codecs.c — the codec registry (search functions, the lookup cache, PyCodec_Encode/Decode)
 * and the error-handler registry with the built-in handlers strict, ignore, replace,
 * xmlcharrefreplace, backslashreplace, namereplace, surrogatepass, surrogateescape.
 * The codecs themselves are objects-num's (unicodeobject.c) and the encodings package;
 * the Python face of all this is _codecs (src/modules/_codecsmodule.c). */
#include "Python.h"
#include <ctype.h>

static PyObject *codec_search_path;    /* list of search functions */
static PyObject *codec_search_cache;   /* normalized name -> CodecInfo */
static PyObject *codec_error_registry; /* name -> handler */

static int codec_registry_init(void);

/* ================================================================ registry */

int PyCodec_Register(PyObject *search_function)
{
    if (codec_search_path == NULL && codec_registry_init() < 0)
        return -1;
    if (search_function == NULL) {
        PyErr_BadArgument();
        return -1;
    }
    if (!PyCallable_Check(search_function)) {
        PyErr_SetString(PyExc_TypeError, "argument must be callable");
        return -1;
    }
    return PyList_Append(codec_search_path, search_function);
}

int PyCodec_Unregister(PyObject *search_function)
{
    if (codec_search_path == NULL)
        return 0;
    Py_ssize_t n = PyList_GET_SIZE(codec_search_path);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyList_GET_ITEM(codec_search_path, i) == search_function) {
            PyDict_Clear(codec_search_cache);
            return PySequence_DelItem(codec_search_path, i);
        }
    }
    return 0;
}

/* Lower-case the name and turn spaces into underscores (as CPython's normalizestring). */
static PyObject *normalizestring(const char *string)
{
    size_t len = strlen(string);
    char *p = PyMem_Malloc(len + 1);
    if (p == NULL)
        return PyErr_NoMemory();
    for (size_t i = 0; i < len; i++) {
        char c = string[i];
        p[i] = c == ' ' ? '_' : (char)tolower((unsigned char)c);
    }
    p[len] = '\0';
    PyObject *v = PyUnicode_FromString(p);
    PyMem_Free(p);
    return v;
}

PyObject *_PyCodec_Lookup(const char *encoding)
{
    if (encoding == NULL) {
        PyErr_BadArgument();
        return NULL;
    }
    if (codec_search_path == NULL && codec_registry_init() < 0)
        return NULL;
    PyObject *v = normalizestring(encoding);
    if (v == NULL)
        return NULL;
    PyUnicode_InternInPlace(&v);
    PyObject *result = PyDict_GetItemWithError(codec_search_cache, v);
    if (result != NULL) {
        Py_INCREF(result);
        Py_DECREF(v);
        return result;
    }
    if (PyErr_Occurred())
        goto error;
    Py_ssize_t len = PyList_Size(codec_search_path);
    if (len == 0) {
        PyErr_SetString(PyExc_LookupError, "no codec search functions registered: can't find encoding");
        goto error;
    }
    Py_ssize_t i;
    for (i = 0; i < len; i++) {
        PyObject *func = PyList_GetItem(codec_search_path, i);
        if (func == NULL)
            goto error;
        result = PyObject_CallOneArg(func, v);
        if (result == NULL)
            goto error;
        if (result == Py_None) {
            Py_DECREF(result);
            continue;
        }
        if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 4) {
            PyErr_SetString(PyExc_TypeError, "codec search functions must return 4-tuples");
            Py_DECREF(result);
            goto error;
        }
        break;
    }
    if (i == len) {
        PyErr_Format(PyExc_LookupError, "unknown encoding: %s", encoding);
        goto error;
    }
    if (PyDict_SetItem(codec_search_cache, v, result) < 0) {
        Py_DECREF(result);
        goto error;
    }
    Py_DECREF(v);
    return result;
error:
    Py_DECREF(v);
    return NULL;
}

int _PyCodec_Forget(const char *encoding)
{
    if (codec_search_cache == NULL)
        return 0;
    PyObject *v = normalizestring(encoding);
    if (v == NULL)
        return -1;
    int r = PyDict_DelItem(codec_search_cache, v);
    Py_DECREF(v);
    return r;
}

int PyCodec_KnownEncoding(const char *encoding)
{
    PyObject *codecs = _PyCodec_Lookup(encoding);
    if (codecs == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(codecs);
    return 1;
}

/* ================================================================ encode / decode */

static PyObject *codec_getitem(const char *encoding, int index)
{
    PyObject *codecs = _PyCodec_Lookup(encoding);
    if (codecs == NULL)
        return NULL;
    PyObject *v = PyTuple_GET_ITEM(codecs, index);
    Py_INCREF(v);
    Py_DECREF(codecs);
    return v;
}

static PyObject *codec_makeincrementalcodec(PyObject *codec_info, const char *errors,
                                            const char *attrname)
{
    PyObject *inccodec = PyObject_GetAttrString(codec_info, attrname);
    if (inccodec == NULL)
        return NULL;
    PyObject *ret = errors ? PyObject_CallFunction(inccodec, "s", errors)
                           : PyObject_CallNoArgs(inccodec);
    Py_DECREF(inccodec);
    return ret;
}

static PyObject *codec_getincrementalcodec(const char *encoding, const char *errors,
                                           const char *attrname)
{
    PyObject *codec_info = _PyCodec_Lookup(encoding);
    if (codec_info == NULL)
        return NULL;
    PyObject *ret = codec_makeincrementalcodec(codec_info, errors, attrname);
    Py_DECREF(codec_info);
    return ret;
}

static PyObject *codec_getstreamcodec(const char *encoding, PyObject *stream, const char *errors,
                                      const int index)
{
    PyObject *codecs = _PyCodec_Lookup(encoding);
    if (codecs == NULL)
        return NULL;
    PyObject *codeccls = PyTuple_GET_ITEM(codecs, index);
    PyObject *streamcodec = errors ? PyObject_CallFunction(codeccls, "Os", stream, errors)
                                   : PyObject_CallOneArg(codeccls, stream);
    Py_DECREF(codecs);
    return streamcodec;
}

PyObject *_PyCodecInfo_GetIncrementalDecoder(PyObject *codec_info, const char *errors)
{
    return codec_makeincrementalcodec(codec_info, errors, "incrementaldecoder");
}

PyObject *_PyCodecInfo_GetIncrementalEncoder(PyObject *codec_info, const char *errors)
{
    return codec_makeincrementalcodec(codec_info, errors, "incrementalencoder");
}

PyObject *PyCodec_Encoder(const char *encoding) { return codec_getitem(encoding, 0); }
PyObject *PyCodec_Decoder(const char *encoding) { return codec_getitem(encoding, 1); }

PyObject *PyCodec_IncrementalEncoder(const char *encoding, const char *errors)
{
    return codec_getincrementalcodec(encoding, errors, "incrementalencoder");
}

PyObject *PyCodec_IncrementalDecoder(const char *encoding, const char *errors)
{
    return codec_getincrementalcodec(encoding, errors, "incrementaldecoder");
}

PyObject *PyCodec_StreamReader(const char *encoding, PyObject *stream, const char *errors)
{
    return codec_getstreamcodec(encoding, stream, errors, 2);
}

PyObject *PyCodec_StreamWriter(const char *encoding, PyObject *stream, const char *errors)
{
    return codec_getstreamcodec(encoding, stream, errors, 3);
}

/* Re-raise the pending exception as "encoding with 'x' codec failed (TypeError: …)" of the
 * same type, chained, when that type can be rebuilt from a message alone. */
static void wrap_codec_error(const char *operation, const char *encoding)
{
    PyObject *exc, *val, *tb;
    PyErr_Fetch(&exc, &val, &tb);
    PyErr_NormalizeException(&exc, &val, &tb);
    if (val == NULL || !PyType_Check(exc)) {
        PyErr_Restore(exc, val, tb);
        return;
    }
    PyTypeObject *caught = (PyTypeObject *)exc;
    PyTypeObject *base = (PyTypeObject *)PyExc_BaseException;
    int simple = caught->tp_init == base->tp_init && caught->tp_new == base->tp_new &&
                 caught->tp_basicsize == base->tp_basicsize;
    if (simple) {
        /* Instance state beyond args would be lost: leave such exceptions alone. */
        PyObject **dictptr = _PyObject_GetDictPtr(val);
        if (dictptr != NULL && *dictptr != NULL && PyDict_GET_SIZE(*dictptr) > 0)
            simple = 0;
    }
    if (!simple) {
        PyErr_Restore(exc, val, tb);
        return;
    }
    PyObject *msg = PyUnicode_FromFormat("%s with '%s' codec failed (%s: %S)", operation, encoding,
                                         _PyType_Name(caught), val);
    PyObject *newval = msg ? PyObject_CallOneArg(exc, msg) : NULL;
    Py_XDECREF(msg);
    if (newval == NULL) {
        PyErr_Clear();
        PyErr_Restore(exc, val, tb);
        return;
    }
    if (tb != NULL)
        PyException_SetTraceback(val, tb);
    Py_INCREF(val);
    PyException_SetCause(newval, val);
    PyException_SetContext(newval, val);
    Py_XDECREF(tb);
    PyErr_SetObject(exc, newval);
    Py_DECREF(exc);
    Py_DECREF(newval);
}

static PyObject *codec_call(PyObject *object, PyObject *coder, const char *encoding,
                            const char *errors, const char *operation, const char *what)
{
    PyObject *args = errors ? Py_BuildValue("(Os)", object, errors) : PyTuple_Pack(1, object);
    if (args == NULL)
        return NULL;
    PyObject *result = PyObject_Call(coder, args, NULL);
    Py_DECREF(args);
    if (result == NULL) {
        wrap_codec_error(operation, encoding);
        return NULL;
    }
    if (!PyTuple_Check(result) || PyTuple_GET_SIZE(result) != 2) {
        PyErr_Format(PyExc_TypeError, "%s must return a tuple (object, integer)", what);
        Py_DECREF(result);
        return NULL;
    }
    PyObject *v = PyTuple_GET_ITEM(result, 0);
    Py_INCREF(v);
    Py_DECREF(result);
    return v;
}

static PyObject *_PyCodec_EncodeInternal(PyObject *object, PyObject *encoder, const char *encoding,
                                         const char *errors)
{
    return codec_call(object, encoder, encoding, errors, "encoding", "encoder");
}

static PyObject *_PyCodec_DecodeInternal(PyObject *object, PyObject *decoder, const char *encoding,
                                         const char *errors)
{
    return codec_call(object, decoder, encoding, errors, "decoding", "decoder");
}

PyObject *PyCodec_Encode(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *encoder = PyCodec_Encoder(encoding);
    if (encoder == NULL)
        return NULL;
    PyObject *r = _PyCodec_EncodeInternal(object, encoder, encoding, errors);
    Py_DECREF(encoder);
    return r;
}

PyObject *PyCodec_Decode(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *decoder = PyCodec_Decoder(encoding);
    if (decoder == NULL)
        return NULL;
    PyObject *r = _PyCodec_DecodeInternal(object, decoder, encoding, errors);
    Py_DECREF(decoder);
    return r;
}

PyObject *_PyCodec_LookupTextEncoding(const char *encoding, const char *alternate_command)
{
    PyObject *codec = _PyCodec_Lookup(encoding);
    if (codec == NULL)
        return NULL;
    /* Only CodecInfo objects can say they are not text encodings. */
    if (!PyTuple_CheckExact(codec)) {
        PyObject *attr;
        if (_PyObject_LookupAttr(codec, _Py_ID(_is_text_encoding), &attr) < 0) {
            Py_DECREF(codec);
            return NULL;
        }
        if (attr != NULL) {
            int is_text_codec = PyObject_IsTrue(attr);
            Py_DECREF(attr);
            if (is_text_codec <= 0) {
                Py_DECREF(codec);
                if (!is_text_codec)
                    PyErr_Format(PyExc_LookupError,
                                 "'%.400s' is not a text encoding; use %s to handle arbitrary codecs",
                                 encoding, alternate_command);
                return NULL;
            }
        }
    }
    return codec;
}

static PyObject *codec_getitem_checked(const char *encoding, const char *alternate_command, int index)
{
    PyObject *codec = _PyCodec_LookupTextEncoding(encoding, alternate_command);
    if (codec == NULL)
        return NULL;
    PyObject *v = PyTuple_GET_ITEM(codec, index);
    Py_INCREF(v);
    Py_DECREF(codec);
    return v;
}

PyObject *_PyCodec_EncodeText(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *encoder = codec_getitem_checked(encoding, "codecs.encode()", 0);
    if (encoder == NULL)
        return NULL;
    PyObject *r = _PyCodec_EncodeInternal(object, encoder, encoding, errors);
    Py_DECREF(encoder);
    return r;
}

PyObject *_PyCodec_DecodeText(PyObject *object, const char *encoding, const char *errors)
{
    PyObject *decoder = codec_getitem_checked(encoding, "codecs.decode()", 1);
    if (decoder == NULL)
        return NULL;
    PyObject *r = _PyCodec_DecodeInternal(object, decoder, encoding, errors);
    Py_DECREF(decoder);
    return r;
}

/* ================================================================ error registry */

int PyCodec_RegisterError(const char *name, PyObject *error)
{
    if (codec_error_registry == NULL && codec_registry_init() < 0)
        return -1;
    if (!PyCallable_Check(error)) {
        PyErr_SetString(PyExc_TypeError, "handler must be callable");
        return -1;
    }
    return PyDict_SetItemString(codec_error_registry, name, error);
}

int _PyCodec_UnregisterError(const char *name)
{
    static const char *const builtin[] = {"strict", "ignore", "replace", "xmlcharrefreplace",
                                          "backslashreplace", "namereplace", "surrogatepass",
                                          "surrogateescape"};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(builtin); i++) {
        if (strcmp(name, builtin[i]) == 0) {
            PyErr_Format(PyExc_ValueError, "cannot un-register built-in error handler '%s'", name);
            return -1;
        }
    }
    if (codec_error_registry == NULL && codec_registry_init() < 0)
        return -1;
    PyObject *key = PyUnicode_FromString(name);
    if (key == NULL)
        return -1;
    PyObject *v = PyDict_GetItemWithError(codec_error_registry, key);
    int r = 0;
    if (v != NULL)
        r = PyDict_DelItem(codec_error_registry, key) < 0 ? -1 : 1;
    else if (PyErr_Occurred())
        r = -1;
    Py_DECREF(key);
    return r;
}

PyObject *PyCodec_LookupError(const char *name)
{
    if (codec_error_registry == NULL && codec_registry_init() < 0)
        return NULL;
    if (name == NULL)
        name = "strict";
    PyObject *handler = PyDict_GetItemString(codec_error_registry, name);
    if (handler == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_LookupError, "unknown error handler name '%.400s'", name);
        return NULL;
    }
    Py_INCREF(handler);
    return handler;
}

/* ================================================================ built-in handlers */

static void wrong_exception_type(PyObject *exc)
{
    PyErr_Format(PyExc_TypeError, "don't know how to handle %.200s in error callback",
                 Py_TYPE(exc)->tp_name);
}

#define IS_ENCODE(exc) PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeEncodeError)
#define IS_DECODE(exc) PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeDecodeError)
#define IS_TRANSLATE(exc) PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeTranslateError)

/* start/end of any of the three UnicodeError kinds; -1 if exc is none of them. */
static int get_range(PyObject *exc, Py_ssize_t *start, Py_ssize_t *end)
{
    if (IS_ENCODE(exc)) {
        if (PyUnicodeEncodeError_GetStart(exc, start) < 0 || PyUnicodeEncodeError_GetEnd(exc, end) < 0)
            return -1;
    } else if (IS_DECODE(exc)) {
        if (PyUnicodeDecodeError_GetStart(exc, start) < 0 || PyUnicodeDecodeError_GetEnd(exc, end) < 0)
            return -1;
    } else if (IS_TRANSLATE(exc)) {
        if (PyUnicodeTranslateError_GetStart(exc, start) < 0 ||
            PyUnicodeTranslateError_GetEnd(exc, end) < 0)
            return -1;
    } else {
        wrong_exception_type(exc);
        return -1;
    }
    if (*end < *start)
        *end = *start;
    return 0;
}

static PyObject *raise_original(PyObject *exc)
{
    PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
    return NULL;
}

PyObject *PyCodec_StrictErrors(PyObject *exc)
{
    if (PyExceptionInstance_Check(exc))
        PyErr_SetObject(PyExceptionInstance_Class(exc), exc);
    else
        PyErr_SetString(PyExc_TypeError, "codec must pass exception instance");
    return NULL;
}

PyObject *PyCodec_IgnoreErrors(PyObject *exc)
{
    Py_ssize_t start, end;
    if (get_range(exc, &start, &end) < 0)
        return NULL;
    return Py_BuildValue("(Nn)", PyUnicode_New(0, 0), end);
}

PyObject *PyCodec_ReplaceErrors(PyObject *exc)
{
    Py_ssize_t start, end;
    if (get_range(exc, &start, &end) < 0)
        return NULL;
    PyObject *res;
    if (IS_DECODE(exc)) {
        res = PyUnicode_FromOrdinal(0xFFFD);
    } else {
        Py_UCS4 ch = IS_ENCODE(exc) ? '?' : 0xFFFD;
        res = PyUnicode_New(end - start, ch);
        if (res != NULL && end > start)
            PyUnicode_Fill(res, 0, end - start, ch);
    }
    if (res == NULL)
        return NULL;
    return Py_BuildValue("(Nn)", res, end);
}

PyObject *PyCodec_XMLCharRefReplaceErrors(PyObject *exc)
{
    if (!IS_ENCODE(exc)) {
        wrong_exception_type(exc);
        return NULL;
    }
    Py_ssize_t start, end;
    if (get_range(exc, &start, &end) < 0)
        return NULL;
    PyObject *obj = PyUnicodeEncodeError_GetObject(exc);
    if (obj == NULL)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = start; i < end; i++) {
        char buf[16];
        int n = snprintf(buf, sizeof buf, "&#%u;", (unsigned)PyUnicode_READ_CHAR(obj, i));
        if (_PyUnicodeWriter_WriteASCIIString(&w, buf, n) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            Py_DECREF(obj);
            return NULL;
        }
    }
    Py_DECREF(obj);
    PyObject *res = _PyUnicodeWriter_Finish(&w);
    return res ? Py_BuildValue("(Nn)", res, end) : NULL;
}

static int write_escape(_PyUnicodeWriter *w, Py_UCS4 c)
{
    char buf[16];
    int n;
    if (c < 0x100)
        n = snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
    else if (c < 0x10000)
        n = snprintf(buf, sizeof buf, "\\u%04x", (unsigned)c);
    else
        n = snprintf(buf, sizeof buf, "\\U%08x", (unsigned)c);
    return _PyUnicodeWriter_WriteASCIIString(w, buf, n);
}

PyObject *PyCodec_BackslashReplaceErrors(PyObject *exc)
{
    Py_ssize_t start, end;
    if (get_range(exc, &start, &end) < 0)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (IS_DECODE(exc)) {
        PyObject *obj = PyUnicodeDecodeError_GetObject(exc);
        if (obj == NULL)
            return NULL;
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(obj);
        for (Py_ssize_t i = start; i < end; i++) {
            if (write_escape(&w, p[i]) < 0) {
                Py_DECREF(obj);
                _PyUnicodeWriter_Dealloc(&w);
                return NULL;
            }
        }
        Py_DECREF(obj);
    } else {
        PyObject *obj = IS_ENCODE(exc) ? PyUnicodeEncodeError_GetObject(exc)
                                       : PyUnicodeTranslateError_GetObject(exc);
        if (obj == NULL)
            return NULL;
        for (Py_ssize_t i = start; i < end; i++) {
            if (write_escape(&w, PyUnicode_READ_CHAR(obj, i)) < 0) {
                Py_DECREF(obj);
                _PyUnicodeWriter_Dealloc(&w);
                return NULL;
            }
        }
        Py_DECREF(obj);
    }
    PyObject *res = _PyUnicodeWriter_Finish(&w);
    return res ? Py_BuildValue("(Nn)", res, end) : NULL;
}

PyObject *PyCodec_NameReplaceErrors(PyObject *exc)
{
    if (!IS_ENCODE(exc)) {
        wrong_exception_type(exc);
        return NULL;
    }
    Py_ssize_t start, end;
    if (get_range(exc, &start, &end) < 0)
        return NULL;
    PyObject *obj = PyUnicodeEncodeError_GetObject(exc);
    if (obj == NULL)
        return NULL;
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ_CHAR(obj, i);
        char name[256];
        int r;
        if (_PyUnicode_GetName(c, name, sizeof name)) {
            r = _PyUnicodeWriter_WriteASCIIString(&w, "\\N{", 3);
            if (r == 0)
                r = _PyUnicodeWriter_WriteASCIIString(&w, name, (Py_ssize_t)strlen(name));
            if (r == 0)
                r = _PyUnicodeWriter_WriteASCIIString(&w, "}", 1);
        } else {
            r = write_escape(&w, c);
        }
        if (r < 0) {
            Py_DECREF(obj);
            _PyUnicodeWriter_Dealloc(&w);
            return NULL;
        }
    }
    Py_DECREF(obj);
    PyObject *res = _PyUnicodeWriter_Finish(&w);
    return res ? Py_BuildValue("(Nn)", res, end) : NULL;
}

/* surrogatepass: which UTF the error's encoding is, and its byte order. */
enum { ENC_UNKNOWN, ENC_UTF8, ENC_UTF16LE, ENC_UTF16BE, ENC_UTF32LE, ENC_UTF32BE };

static int get_standard_encoding(const char *encoding, int *bytelength)
{
    if (tolower((unsigned char)encoding[0]) == 'u' && tolower((unsigned char)encoding[1]) == 't' &&
        tolower((unsigned char)encoding[2]) == 'f') {
        encoding += 3;
        if (*encoding == '-' || *encoding == '_')
            encoding++;
        if (encoding[0] == '8' && encoding[1] == '\0') {
            *bytelength = 3;
            return ENC_UTF8;
        }
        if (encoding[0] == '1' && encoding[1] == '6') {
            encoding += 2;
            *bytelength = 2;
            if (*encoding == '\0')
                return (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) ? ENC_UTF16LE : ENC_UTF16BE;
            if (*encoding == '-' || *encoding == '_')
                encoding++;
            if (tolower((unsigned char)encoding[1]) == 'e' && encoding[2] == '\0') {
                if (tolower((unsigned char)encoding[0]) == 'b')
                    return ENC_UTF16BE;
                if (tolower((unsigned char)encoding[0]) == 'l')
                    return ENC_UTF16LE;
            }
        } else if (encoding[0] == '3' && encoding[1] == '2') {
            encoding += 2;
            *bytelength = 4;
            if (*encoding == '\0')
                return (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__) ? ENC_UTF32LE : ENC_UTF32BE;
            if (*encoding == '-' || *encoding == '_')
                encoding++;
            if (tolower((unsigned char)encoding[1]) == 'e' && encoding[2] == '\0') {
                if (tolower((unsigned char)encoding[0]) == 'b')
                    return ENC_UTF32BE;
                if (tolower((unsigned char)encoding[0]) == 'l')
                    return ENC_UTF32LE;
            }
        }
    } else if (strcmp(encoding, "CP_UTF8") == 0) {
        *bytelength = 3;
        return ENC_UTF8;
    }
    return ENC_UNKNOWN;
}

static int exc_encoding(PyObject *exc, int *code, int *bytelength)
{
    PyObject *encode = IS_ENCODE(exc) ? PyUnicodeEncodeError_GetEncoding(exc)
                                      : PyUnicodeDecodeError_GetEncoding(exc);
    if (encode == NULL)
        return -1;
    const char *encoding = PyUnicode_AsUTF8(encode);
    if (encoding == NULL) {
        Py_DECREF(encode);
        return -1;
    }
    *code = get_standard_encoding(encoding, bytelength);
    Py_DECREF(encode);
    return 0;
}

static PyObject *surrogatepass_errors(PyObject *self, PyObject *exc)
{
    Py_ssize_t start, end;
    int code, bytelength;
    if (IS_ENCODE(exc)) {
        if (get_range(exc, &start, &end) < 0 || exc_encoding(exc, &code, &bytelength) < 0)
            return NULL;
        if (code == ENC_UNKNOWN)
            return raise_original(exc);
        PyObject *obj = PyUnicodeEncodeError_GetObject(exc);
        if (obj == NULL)
            return NULL;
        PyObject *res = PyBytes_FromStringAndSize(NULL, bytelength * (end - start));
        if (res == NULL) {
            Py_DECREF(obj);
            return NULL;
        }
        unsigned char *o = (unsigned char *)PyBytes_AS_STRING(res);
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(obj, i);
            if (!Py_UNICODE_IS_SURROGATE(ch)) {
                /* Not a surrogate, fail with the original exception. */
                Py_DECREF(res);
                Py_DECREF(obj);
                return raise_original(exc);
            }
            switch (code) {
            case ENC_UTF8:
                *o++ = (unsigned char)(0xe0 | (ch >> 12));
                *o++ = (unsigned char)(0x80 | ((ch >> 6) & 0x3f));
                *o++ = (unsigned char)(0x80 | (ch & 0x3f));
                break;
            case ENC_UTF16LE: *o++ = (unsigned char)ch; *o++ = (unsigned char)(ch >> 8); break;
            case ENC_UTF16BE: *o++ = (unsigned char)(ch >> 8); *o++ = (unsigned char)ch; break;
            case ENC_UTF32LE:
                *o++ = (unsigned char)ch; *o++ = (unsigned char)(ch >> 8);
                *o++ = (unsigned char)(ch >> 16); *o++ = (unsigned char)(ch >> 24);
                break;
            case ENC_UTF32BE:
                *o++ = (unsigned char)(ch >> 24); *o++ = (unsigned char)(ch >> 16);
                *o++ = (unsigned char)(ch >> 8); *o++ = (unsigned char)ch;
                break;
            }
        }
        Py_DECREF(obj);
        return Py_BuildValue("(Nn)", res, end);
    }
    if (IS_DECODE(exc)) {
        if (get_range(exc, &start, &end) < 0 || exc_encoding(exc, &code, &bytelength) < 0)
            return NULL;
        PyObject *obj = PyUnicodeDecodeError_GetObject(exc);
        if (obj == NULL)
            return NULL;
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(obj) + start;
        Py_ssize_t avail = PyBytes_GET_SIZE(obj) - start;
        Py_UCS4 ch = 0;
        if (code != ENC_UNKNOWN && avail >= bytelength) {
            switch (code) {
            case ENC_UTF8:
                if ((p[0] & 0xf0) == 0xe0 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80)
                    ch = ((p[0] & 0x0f) << 12) + ((p[1] & 0x3f) << 6) + (p[2] & 0x3f);
                break;
            case ENC_UTF16LE: ch = p[1] << 8 | p[0]; break;
            case ENC_UTF16BE: ch = p[0] << 8 | p[1]; break;
            case ENC_UTF32LE: ch = ((Py_UCS4)p[3] << 24) | (p[2] << 16) | (p[1] << 8) | p[0]; break;
            case ENC_UTF32BE: ch = ((Py_UCS4)p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]; break;
            }
        }
        Py_DECREF(obj);
        if (!Py_UNICODE_IS_SURROGATE(ch))
            return raise_original(exc);
        return Py_BuildValue("(Nn)", PyUnicode_FromOrdinal((int)ch), start + bytelength);
    }
    wrong_exception_type(exc);
    return NULL;
}

static PyObject *surrogateescape_errors(PyObject *self, PyObject *exc)
{
    Py_ssize_t start, end;
    if (IS_ENCODE(exc)) {
        if (get_range(exc, &start, &end) < 0)
            return NULL;
        PyObject *obj = PyUnicodeEncodeError_GetObject(exc);
        if (obj == NULL)
            return NULL;
        PyObject *res = PyBytes_FromStringAndSize(NULL, end - start);
        if (res == NULL) {
            Py_DECREF(obj);
            return NULL;
        }
        char *o = PyBytes_AS_STRING(res);
        for (Py_ssize_t i = start; i < end; i++) {
            Py_UCS4 ch = PyUnicode_READ_CHAR(obj, i);
            if (ch < 0xdc80 || ch > 0xdcff) {
                Py_DECREF(res);
                Py_DECREF(obj);
                return raise_original(exc);
            }
            *o++ = (char)(ch - 0xdc00);
        }
        Py_DECREF(obj);
        return Py_BuildValue("(Nn)", res, end);
    }
    if (IS_DECODE(exc)) {
        if (get_range(exc, &start, &end) < 0)
            return NULL;
        PyObject *obj = PyUnicodeDecodeError_GetObject(exc);
        if (obj == NULL)
            return NULL;
        const unsigned char *p = (const unsigned char *)PyBytes_AS_STRING(obj);
        Py_UCS4 ch[4];
        int consumed = 0;
        while (consumed < 4 && start + consumed < end) {
            unsigned char c = p[start + consumed];
            if (c < 128)
                break;
            ch[consumed++] = 0xdc00 + c;
        }
        Py_DECREF(obj);
        if (consumed == 0)
            return raise_original(exc);
        PyObject *str = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, ch, consumed);
        return str ? Py_BuildValue("(Nn)", str, start + consumed) : NULL;
    }
    wrong_exception_type(exc);
    return NULL;
}

static PyObject *strict_errors(PyObject *self, PyObject *exc) { return PyCodec_StrictErrors(exc); }
static PyObject *ignore_errors(PyObject *self, PyObject *exc) { return PyCodec_IgnoreErrors(exc); }
static PyObject *replace_errors(PyObject *self, PyObject *exc) { return PyCodec_ReplaceErrors(exc); }
static PyObject *xmlcharrefreplace_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_XMLCharRefReplaceErrors(exc);
}
static PyObject *backslashreplace_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_BackslashReplaceErrors(exc);
}
static PyObject *namereplace_errors(PyObject *self, PyObject *exc)
{
    return PyCodec_NameReplaceErrors(exc);
}

/* ================================================================ calling handlers */

/* Check a handler's result: (replacement, newpos) with newpos normalised to [0, size]. */
static PyObject *unpack_handler_result(PyObject *res, Py_ssize_t size, int allow_bytes,
                                       const char *msg, Py_ssize_t *newpos)
{
    if (!PyTuple_Check(res) || PyTuple_GET_SIZE(res) != 2 ||
        !(PyUnicode_Check(PyTuple_GET_ITEM(res, 0)) ||
          (allow_bytes && PyBytes_Check(PyTuple_GET_ITEM(res, 0)))) ||
        !PyLong_Check(PyTuple_GET_ITEM(res, 1))) {
        PyErr_SetString(PyExc_TypeError, msg);
        return NULL;
    }
    Py_ssize_t pos = PyLong_AsSsize_t(PyTuple_GET_ITEM(res, 1));
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    if (pos < 0)
        pos = size + pos;
    if (pos < 0 || pos > size) {
        PyErr_Format(PyExc_IndexError, "position %zd from error handler out of bounds", pos);
        return NULL;
    }
    *newpos = pos;
    PyObject *rep = PyTuple_GET_ITEM(res, 0);
    Py_INCREF(rep);
    return rep;
}

/* The codec's registered name for an encoding name used in decode errors. */
static const char *codec_name_of(const char *encoding)
{
    if (strcmp(encoding, "unicodeescape") == 0)
        return "unicode_escape";
    if (strcmp(encoding, "rawunicodeescape") == 0)
        return "raw_unicode_escape";
    return encoding;
}

/* A decode error handler replaced exc.object: the decoder only knows the old input, so
 * decode the rest of the new object here (obj[*newpos:], same codec and errors), append it
 * to the replacement and tell the decoder to resume at the end of its input. */
static PyObject *decode_replaced_input(PyObject *rep, PyObject *obj, const char *encoding,
                                       const char *errors, Py_ssize_t *newpos, Py_ssize_t size)
{
    Py_ssize_t pos = *newpos;
    PyObject *rest = PyUnicode_Decode(PyBytes_AS_STRING(obj) + pos, PyBytes_GET_SIZE(obj) - pos,
                                      codec_name_of(encoding), errors);
    if (rest == NULL) {
        Py_DECREF(rep);
        return NULL;
    }
    PyObject *all = PyUnicode_Concat(rep, rest);
    Py_DECREF(rep);
    Py_DECREF(rest);
    *newpos = size;
    return all;
}

PyObject *_PyCodec_CallDecodeErrorHandler(const char *errors, const char *encoding,
                                          const char *input, Py_ssize_t size, Py_ssize_t start,
                                          Py_ssize_t end, const char *reason, Py_ssize_t *newpos)
{
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL)
        return NULL;
    PyObject *exc = PyUnicodeDecodeError_Create(encoding, input, size, start, end, reason);
    if (exc == NULL) {
        Py_DECREF(handler);
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(handler, exc);
    Py_DECREF(handler);
    if (res == NULL) {
        Py_DECREF(exc);
        return NULL;
    }
    /* The handler may replace exc.object: decoding resumes in the new object at newpos
     * (CPython re-reads it; not doing so loops forever when newpos <= start). */
    PyObject *obj = PyUnicodeDecodeError_GetObject(exc);
    Py_DECREF(exc);
    if (obj == NULL) {
        Py_DECREF(res);
        return NULL;
    }
    Py_ssize_t objsize = PyBytes_GET_SIZE(obj);
    PyObject *rep = unpack_handler_result(res, objsize, 0,
                                          "decoding error handler must return (str, int) tuple", newpos);
    Py_DECREF(res);
    if (rep != NULL && (objsize != size || memcmp(PyBytes_AS_STRING(obj), input, size) != 0))
        rep = decode_replaced_input(rep, obj, encoding, errors, newpos, size);
    Py_DECREF(obj);
    return rep;
}

PyObject *_PyCodec_CallEncodeErrorHandler(const char *errors, const char *encoding,
                                          PyObject *unicode, Py_ssize_t start, Py_ssize_t end,
                                          const char *reason, Py_ssize_t *newpos)
{
    PyObject *handler = PyCodec_LookupError(errors);
    if (handler == NULL)
        return NULL;
    PyObject *enc = PyUnicode_FromString(encoding);
    PyObject *exc = enc ? _PyUnicodeEncodeError_Create(enc, unicode, start, end, reason) : NULL;
    Py_XDECREF(enc);
    if (exc == NULL) {
        Py_DECREF(handler);
        return NULL;
    }
    PyObject *res = PyObject_CallOneArg(handler, exc);
    Py_DECREF(handler);
    if (res == NULL) {
        Py_DECREF(exc);
        return NULL;
    }
    PyObject *rep = unpack_handler_result(res, PyUnicode_GET_LENGTH(unicode), 1,
                                          "encoding error handler must return (str/bytes, int) tuple",
                                          newpos);
    Py_DECREF(res);
    Py_DECREF(exc);
    return rep;
}

/* ================================================================ start-up */

static PyMethodDef builtin_handlers[] = {
    {"strict_errors", strict_errors, METH_O,
     "Implements the 'strict' error handling, which raises a UnicodeError on coding errors."},
    {"ignore_errors", ignore_errors, METH_O,
     "Implements the 'ignore' error handling, which ignores malformed data and continues."},
    {"replace_errors", replace_errors, METH_O,
     "Implements the 'replace' error handling, which replaces malformed data with a replacement marker."},
    {"xmlcharrefreplace_errors", xmlcharrefreplace_errors, METH_O,
     "Implements the 'xmlcharrefreplace' error handling, which replaces an unencodable character "
     "with the appropriate XML character reference."},
    {"backslashreplace_errors", backslashreplace_errors, METH_O,
     "Implements the 'backslashreplace' error handling, which replaces malformed data with a "
     "backslashed escape sequence."},
    {"namereplace_errors", namereplace_errors, METH_O,
     "Implements the 'namereplace' error handling, which replaces an unencodable character with "
     "a \\N{...} escape sequence."},
    {"surrogatepass", surrogatepass_errors, METH_O, NULL},
    {"surrogateescape", surrogateescape_errors, METH_O, NULL},
};

/* Built lazily on first use, like CPython: the handlers, then `import encodings`, which
 * registers the standard search function. */
static int codec_registry_init(void)
{
    static const char *const names[] = {"strict", "ignore", "replace", "xmlcharrefreplace",
                                        "backslashreplace", "namereplace", "surrogatepass",
                                        "surrogateescape"};
    if (codec_search_path != NULL)
        return 0;
    codec_search_path = PyList_New(0);
    codec_search_cache = PyDict_New();
    codec_error_registry = PyDict_New();
    if (codec_search_path == NULL || codec_search_cache == NULL || codec_error_registry == NULL)
        goto fail;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(builtin_handlers); i++) {
        PyObject *func = PyCFunction_NewEx(&builtin_handlers[i], NULL, NULL);
        if (func == NULL)
            goto fail;
        int r = PyDict_SetItemString(codec_error_registry, names[i], func);
        Py_DECREF(func);
        if (r < 0)
            goto fail;
    }
    PyObject *mod = PyImport_ImportModule("encodings");
    if (mod == NULL)
        return -1;   /* keep the registry: a later import may succeed */
    Py_DECREF(mod);
    return 0;
fail:
    Py_CLEAR(codec_search_path);
    Py_CLEAR(codec_search_cache);
    Py_CLEAR(codec_error_registry);
    return -1;
}
