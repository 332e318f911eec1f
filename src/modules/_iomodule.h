/* _iomodule.h — private declarations shared by the files of the _io module
 * (_iomodule.c, _io_iobase.c, _io_fileio.c, _io_bufferedio.c, _io_textio.c,
 * _io_stringio.c, _io_bytesio.c).  Owner: io.  Nothing outside src/modules/_io*.c
 * includes it except the start-up code that calls _PyIO_InitStdio(). */
#ifndef Py_IOMODULE_H
#define Py_IOMODULE_H

#include "Python.h"

#define DEFAULT_BUFFER_SIZE (8 * 1024)

typedef long long Py_off_t;
#define PyLong_AsOff_t PyLong_AsLongLong
#define PyLong_FromOff_t PyLong_FromLongLong

extern PyTypeObject PyIOBase_Type;
extern PyTypeObject PyRawIOBase_Type;
extern PyTypeObject PyBufferedIOBase_Type;
extern PyTypeObject PyTextIOBase_Type;
extern PyTypeObject PyFileIO_Type;
extern PyTypeObject PyBytesIO_Type;
extern PyTypeObject PyStringIO_Type;
extern PyTypeObject PyBufferedReader_Type;
extern PyTypeObject PyBufferedWriter_Type;
extern PyTypeObject PyBufferedRWPair_Type;
extern PyTypeObject PyBufferedRandom_Type;
extern PyTypeObject PyTextIOWrapper_Type;
extern PyTypeObject PyIncrementalNewlineDecoder_Type;
extern PyTypeObject _PyBytesIOBuffer_Type;   /* getbuffer() exporter, not in the module */

/* io.UnsupportedOperation (subclass of OSError and ValueError). */
extern PyObject *_PyIO_unsupported_operation;

/* "O&" converter: None -> -1, else an index. */
int _PyIO_ConvertSsize_t(PyObject *obj, void *result);
/* A read-write buffer for readinto-style methods; TypeError as CPython's 'w*' otherwise. */
int _PyIO_GetWritableBuffer(PyObject *arg, Py_buffer *view, const char *fname);

/* Fast paths for the usual stack (exact types only, so overriding subclasses still work):
 * is an exact FileIO closed?  the exact FileIO under an exact Buffered* (borrowed, or
 * NULL when there is no such fast path). */
int _PyFileIO_closed(PyObject *self);
PyObject *_PyBuffered_fast_raw(PyObject *buffer);

/* IOBase helpers (defined in _io_iobase.c). */
int _PyIOBase_finalize(PyObject *self);
int _PyIOBase_is_closed(PyObject *self);           /* -1 on error */
PyObject *_PyIOBase_check_closed(PyObject *self, PyObject *unused);
PyObject *_PyIOBase_check_readable(PyObject *self, PyObject *unused);
PyObject *_PyIOBase_check_writable(PyObject *self, PyObject *unused);
PyObject *_PyIOBase_check_seekable(PyObject *self, PyObject *unused);
PyObject *_PyIOBase_raise_unsupported(const char *msg);
PyObject *_PyIOBase_readlines_impl(PyObject *self, Py_ssize_t hint);

/* Line endings: find the end of the first line of str[start:]; returns the index
 * just past the line ending, or -1 with *consumed = how far it is safe to skip. */
Py_ssize_t _PyIO_find_line_ending(int translated, int universal, PyObject *readnl,
                                  PyObject *str, Py_ssize_t start, Py_ssize_t end,
                                  Py_ssize_t *consumed);

/* IncrementalNewlineDecoder core (defined in _io_textio.c). */
PyObject *_PyIncrementalNewlineDecoder_decode(PyObject *self, PyObject *input, int final);

/* Is -X warn_default_encoding in effect (EncodingWarning for a missing encoding=)? */
int _PyIO_warn_default_encoding(void);

/* The locale encoding Krait uses for text files ("UTF-8"). */
PyObject *_PyIO_get_locale_encoding(void);

/* Is errno EINTR?  Clears the exception and returns 1 when the call should be retried. */
int _PyIO_trap_eintr(void);

/* Create sys.stdin/stdout/stderr and builtins.open (called by start-up). */
int _PyIO_InitStdio(int unbuffered);

PyObject *PyInit__io(void);

#endif
