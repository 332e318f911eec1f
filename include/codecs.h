/* codecs.h — the codec registry and the error-handler registry (CPython's codecs.h).
 * Owner: objects-buffer (src/runtime/codecs.c; the _codecs module is
 * src/modules/_codecsmodule.c). */
#ifndef Py_CODECREGISTRY_H
#define Py_CODECREGISTRY_H

int PyCodec_Register(PyObject *search_function);
int PyCodec_Unregister(PyObject *search_function);
PyObject *_PyCodec_Lookup(const char *encoding);
int _PyCodec_Forget(const char *encoding);
int PyCodec_KnownEncoding(const char *encoding);

PyObject *PyCodec_Encode(PyObject *object, const char *encoding, const char *errors);
PyObject *PyCodec_Decode(PyObject *object, const char *encoding, const char *errors);
/* Like PyCodec_Encode/Decode, but only for text encodings (str <-> bytes):
 * "'rot13' is not a text encoding; use codecs.encode() to handle arbitrary codecs". */
PyObject *_PyCodec_LookupTextEncoding(const char *encoding, const char *alternate_command);
PyObject *_PyCodec_EncodeText(PyObject *object, const char *encoding, const char *errors);
PyObject *_PyCodec_DecodeText(PyObject *object, const char *encoding, const char *errors);
PyObject *_PyCodecInfo_GetIncrementalDecoder(PyObject *codec_info, const char *errors);
PyObject *_PyCodecInfo_GetIncrementalEncoder(PyObject *codec_info, const char *errors);

PyObject *PyCodec_Encoder(const char *encoding);
PyObject *PyCodec_Decoder(const char *encoding);
PyObject *PyCodec_IncrementalEncoder(const char *encoding, const char *errors);
PyObject *PyCodec_IncrementalDecoder(const char *encoding, const char *errors);
PyObject *PyCodec_StreamReader(const char *encoding, PyObject *stream, const char *errors);
PyObject *PyCodec_StreamWriter(const char *encoding, PyObject *stream, const char *errors);

/* Error handlers: callables taking a UnicodeError and returning (replacement, newpos). */
int PyCodec_RegisterError(const char *name, PyObject *error);
int _PyCodec_UnregisterError(const char *name);
PyObject *PyCodec_LookupError(const char *name);   /* NULL name: "strict" */
PyObject *PyCodec_StrictErrors(PyObject *exc);
PyObject *PyCodec_IgnoreErrors(PyObject *exc);
PyObject *PyCodec_ReplaceErrors(PyObject *exc);
PyObject *PyCodec_XMLCharRefReplaceErrors(PyObject *exc);
PyObject *PyCodec_BackslashReplaceErrors(PyObject *exc);
PyObject *PyCodec_NameReplaceErrors(PyObject *exc);

/* Krait helper for codec implementations: run the `errors` handler on a decode error in
 * input[start:end]; returns the replacement str and sets *newpos (normalised, checked). */
PyObject *_PyCodec_CallDecodeErrorHandler(const char *errors, const char *encoding,
                                          const char *input, Py_ssize_t size, Py_ssize_t start,
                                          Py_ssize_t end, const char *reason, Py_ssize_t *newpos);
/* Same for encoding str[start:end]; the replacement is str or bytes. */
PyObject *_PyCodec_CallEncodeErrorHandler(const char *errors, const char *encoding,
                                          PyObject *unicode, Py_ssize_t start, Py_ssize_t end,
                                          const char *reason, Py_ssize_t *newpos);

#endif /* Py_CODECREGISTRY_H */
