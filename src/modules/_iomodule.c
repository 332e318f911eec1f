/* _iomodule.c — the _io module: open(), open_code(), text_encoding(),
 * UnsupportedOperation, DEFAULT_BUFFER_SIZE, the module table, and the creation of
 * sys.stdin/stdout/stderr and builtins.open at start-up (_PyIO_InitStdio).
 * The stream types live in _io_{iobase,fileio,bufferedio,textio,stringio,bytesio}.c. */
#include "Python.h"
#include "_iomodule.h"
#include <unistd.h>
#include <errno.h>
#include <sys/stat.h>

PyObject *_PyIO_unsupported_operation = NULL;

int _PyIO_GetWritableBuffer(PyObject *arg, Py_buffer *view, const char *fname)
{
    if (PyObject_GetBuffer(arg, view, PyBUF_WRITABLE) == 0)
        return 0;
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "%s() argument must be read-write bytes-like object, not %.50s",
                 fname, arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
    return -1;
}

int _PyIO_ConvertSsize_t(PyObject *obj, void *result)
{
    Py_ssize_t limit;
    if (obj == Py_None) {
        limit = -1;
    } else if (PyIndex_Check(obj)) {
        limit = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
        if (limit == -1 && PyErr_Occurred())
            return 0;
    } else {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return 0;
    }
    *(Py_ssize_t *)result = limit;
    return 1;
}

int _PyIO_trap_eintr(void)
{
    if (!PyErr_ExceptionMatches(PyExc_InterruptedError))
        return 0;
    PyErr_Clear();
    return 1;
}

PyObject *_PyIO_get_locale_encoding(void)
{
    /* Krait's locale encoding is always UTF-8 (CPython in a UTF-8 locale). */
    return PyUnicode_FromString("UTF-8");
}

/* ---- open() ---- */

typedef struct {
    int creating, reading, writing, appending, updating, text, binary;
} open_mode;

static int parse_mode(PyObject *modeobj, const char *mode, open_mode *m)
{
    memset(m, 0, sizeof(*m));
    for (const char *p = mode; *p; p++) {
        int *flag;
        switch (*p) {
        case 'x': flag = &m->creating; break;
        case 'r': flag = &m->reading; break;
        case 'w': flag = &m->writing; break;
        case 'a': flag = &m->appending; break;
        case '+': flag = &m->updating; break;
        case 't': flag = &m->text; break;
        case 'b': flag = &m->binary; break;
        default: flag = NULL;
        }
        if (flag == NULL || *flag) {
            PyErr_Format(PyExc_ValueError, "invalid mode: %R", modeobj);
            return -1;
        }
        *flag = 1;
    }
    if (m->text && m->binary) {
        PyErr_SetString(PyExc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    int n = m->creating + m->reading + m->writing + m->appending;
    if (n > 1) {
        PyErr_SetString(PyExc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (n == 0) {
        PyErr_SetString(PyExc_ValueError,
                        "Must have exactly one of create/read/write/append mode and at most one plus");
        return -1;
    }
    return 0;
}

static PyObject *io_open_impl(PyObject *file, PyObject *modeobj, int buffering,
                              const char *encoding, const char *errors, const char *newline,
                              int closefd, PyObject *opener)
{
    const char *mode = PyUnicode_AsUTF8(modeobj);
    if (mode == NULL)
        return NULL;
    if (!PyUnicode_Check(file) && !PyBytes_Check(file) && !PyLong_Check(file)) {
        /* os.PathLike: FileIO accepts it too, but the error must name open's types. */
        PyObject *meth = _PyType_Lookup(Py_TYPE(file), PyUnicode_InternFromString("__fspath__"));
        if (meth == NULL && !PyNumber_Check(file)) {
            PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(file)->tp_name);
            return NULL;
        }
        if (meth == NULL && PyFloat_Check(file)) {
            PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(file)->tp_name);
            return NULL;
        }
        if (meth != NULL) {
            file = PyObject_CallMethod(file, "__fspath__", NULL);
            if (file == NULL)
                return NULL;
            if (!PyUnicode_Check(file) && !PyBytes_Check(file)) {
                PyErr_Format(PyExc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                             Py_TYPE(file)->tp_name, Py_TYPE(file)->tp_name);
                Py_DECREF(file);
                return NULL;
            }
        } else {
            Py_INCREF(file);
        }
    } else {
        Py_INCREF(file);
    }

    open_mode m;
    if (parse_mode(modeobj, mode, &m) < 0)
        goto fail_file;
    if (m.binary && encoding != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an encoding argument");
        goto fail_file;
    }
    if (m.binary && errors != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take an errors argument");
        goto fail_file;
    }
    if (m.binary && newline != NULL) {
        PyErr_SetString(PyExc_ValueError, "binary mode doesn't take a newline argument");
        goto fail_file;
    }
    if (m.binary && buffering == 1) {
        if (PyErr_WarnEx(PyExc_RuntimeWarning,
                         "line buffering (buffering=1) isn't supported in binary mode, the default "
                         "buffer size will be used", 1) < 0)
            goto fail_file;
    }

    char rawmode[6], *q = rawmode;
    if (m.creating) *q++ = 'x';
    if (m.reading) *q++ = 'r';
    if (m.writing) *q++ = 'w';
    if (m.appending) *q++ = 'a';
    if (m.updating) *q++ = '+';
    *q = '\0';

    PyObject *result = NULL;
    PyObject *raw = PyObject_CallFunction((PyObject *)&PyFileIO_Type, "OsOO", file, rawmode,
                                          closefd ? Py_True : Py_False, opener);
    Py_DECREF(file);
    if (raw == NULL)
        return NULL;
    result = raw;

    int line_buffering = 0;
    if (buffering == 1 || buffering < 0) {
        PyObject *res = PyObject_CallMethod(raw, "isatty", NULL);
        if (res == NULL)
            goto fail;
        int isatty = PyObject_IsTrue(res);
        Py_DECREF(res);
        if (isatty < 0)
            goto fail;
        if (buffering == 1 || isatty) {
            buffering = -1;
            line_buffering = 1;
        }
    }
    if (buffering < 0) {
        PyObject *bs = PyObject_GetAttrString(raw, "_blksize");
        if (bs == NULL)
            goto fail;
        buffering = (int)PyLong_AsLong(bs);
        Py_DECREF(bs);
        if (buffering == -1 && PyErr_Occurred())
            goto fail;
        if (buffering <= 1)
            buffering = DEFAULT_BUFFER_SIZE;
    }
    if (buffering < 0) {
        PyErr_SetString(PyExc_ValueError, "invalid buffering size");
        goto fail;
    }
    if (buffering == 0) {
        if (m.binary)
            return result;
        PyErr_SetString(PyExc_ValueError, "can't have unbuffered text I/O");
        goto fail;
    }

    PyTypeObject *btype;
    if (m.updating)
        btype = &PyBufferedRandom_Type;
    else if (m.creating || m.writing || m.appending)
        btype = &PyBufferedWriter_Type;
    else
        btype = &PyBufferedReader_Type;
    PyObject *buffer = PyObject_CallFunction((PyObject *)btype, "Oi", raw, buffering);
    if (buffer == NULL)
        goto fail;
    result = buffer;
    Py_DECREF(raw);
    if (m.binary)
        return result;

    PyObject *wrapper = PyObject_CallFunction((PyObject *)&PyTextIOWrapper_Type, "OsssO", buffer,
                                              encoding, errors, newline,
                                              line_buffering ? Py_True : Py_False);
    if (wrapper == NULL)
        goto fail;
    result = wrapper;
    Py_DECREF(buffer);
    if (PyObject_SetAttrString(wrapper, "mode", modeobj) < 0)
        goto fail;
    return result;

fail:
    {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyObject *close_result = PyObject_CallMethod(result, "close", NULL);
        _PyErr_ChainExceptions(t, v, tb);
        Py_XDECREF(close_result);
        Py_DECREF(result);
        return NULL;
    }
fail_file:
    Py_DECREF(file);
    return NULL;
}

static PyObject *io_open(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "mode", "buffering", "encoding", "errors", "newline",
                             "closefd", "opener", NULL};
    PyObject *file, *mode = NULL, *opener = Py_None;
    int buffering = -1, closefd = 1;
    const char *encoding = NULL, *errors = NULL, *newline = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|UizzzpO:open", kwlist, &file, &mode,
                                     &buffering, &encoding, &errors, &newline, &closefd, &opener))
        return NULL;
    PyObject *modeobj = mode ? Py_NewRef(mode) : PyUnicode_FromString("r");
    if (modeobj == NULL)
        return NULL;
    PyObject *res = io_open_impl(file, modeobj, buffering, encoding, errors, newline, closefd, opener);
    Py_DECREF(modeobj);
    return res;
}

static PyObject *io_open_code(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U:open_code", kwlist, &path))
        return NULL;
    PyObject *mode = PyUnicode_FromString("rb");
    if (mode == NULL)
        return NULL;
    PyObject *res = io_open_impl(path, mode, -1, NULL, NULL, NULL, 1, Py_None);
    Py_DECREF(mode);
    return res;
}

static PyObject *io_text_encoding(PyObject *module, PyObject *args)
{
    PyObject *encoding;
    int stacklevel = 2;
    if (!PyArg_ParseTuple(args, "O|i:text_encoding", &encoding, &stacklevel))
        return NULL;
    if (encoding == NULL || encoding == Py_None) {
        if (_PyIO_warn_default_encoding() &&
            PyErr_WarnEx(PyExc_EncodingWarning, "'encoding' argument not specified", stacklevel) < 0)
            return NULL;
        /* PEP 540: under UTF-8 mode the default text encoding is UTF-8 */
        return PyUnicode_FromString(_PyInterpreterState_GET()->config.utf8_mode ? "utf-8"
                                                                                 : "locale");
    }
    return Py_NewRef(encoding);
}

/* CPython's config.warn_default_encoding: -X warn_default_encoding[=...] or a non-empty
 * PYTHONWARNDEFAULTENCODING (unless -E/-I).  PyConfig has no such field, so read the
 * options the runtime recorded. */
int _PyIO_warn_default_encoding(void)
{
    static int cached = -1;
    if (cached >= 0)
        return cached;
    const PyConfig *c = &_PyInterpreterState_GET()->config;
    int on = 0;
    for (int i = 0; i < c->nxoptions && !on; i++) {
        const char *x = c->xoptions[i];
        size_t n = strlen("warn_default_encoding");
        on = strncmp(x, "warn_default_encoding", n) == 0 && (x[n] == '\0' || x[n] == '=');
    }
    if (!on && c->use_environment) {
        const char *v = getenv("PYTHONWARNDEFAULTENCODING");
        on = v != NULL && v[0] != '\0';
    }
    cached = on;
    return on;
}

static PyMethodDef io_methods[] = {
    {"open", (PyCFunction)(void (*)(void))io_open, METH_VARARGS | METH_KEYWORDS,
     "open($module, /, file, mode='r', buffering=-1, encoding=None,\n"
     "     errors=None, newline=None, closefd=True, opener=None)\n"
     "--\n\n"
     "Open file and return a stream.  Raise OSError upon failure.\n\n"
     "file is either a text or byte string giving the name (and the path\n"
     "if the file isn't in the current working directory) of the file to\n"
     "be opened or an integer file descriptor of the file to be\n"
     "wrapped. (If a file descriptor is given, it is closed when the\n"
     "returned I/O object is closed, unless closefd is set to False.)\n\n"
     "mode is an optional string that specifies the mode in which the file\n"
     "is opened. It defaults to 'r' which means open for reading in text\n"
     "mode.  Other common values are 'w' for writing (truncating the file if\n"
     "it already exists), 'x' for creating and writing to a new file, and\n"
     "'a' for appending (which on some Unix systems, means that all writes\n"
     "append to the end of the file regardless of the current seek position).\n"
     "In text mode, if encoding is not specified the encoding used is platform\n"
     "dependent: locale.getencoding() is called to get the current locale encoding.\n"
     "(For reading and writing raw bytes use binary mode and leave encoding\n"
     "unspecified.) The available modes are:\n\n"
     "========= ===============================================================\n"
     "Character Meaning\n"
     "--------- ---------------------------------------------------------------\n"
     "'r'       open for reading (default)\n"
     "'w'       open for writing, truncating the file first\n"
     "'x'       create a new file and open it for writing\n"
     "'a'       open for writing, appending to the end of the file if it exists\n"
     "'b'       binary mode\n"
     "'t'       text mode (default)\n"
     "'+'       open a disk file for updating (reading and writing)\n"
     "========= ===============================================================\n\n"
     "The default mode is 'rt' (open for reading text). For binary random\n"
     "access, the mode 'w+b' opens and truncates the file to 0 bytes, while\n"
     "'r+b' opens the file without truncation. The 'x' mode implies 'w' and\n"
     "raises an `FileExistsError` if the file already exists.\n\n"
     "Python distinguishes between files opened in binary and text modes,\n"
     "even when the underlying operating system doesn't. Files opened in\n"
     "binary mode (appending 'b' to the mode argument) return contents as\n"
     "bytes objects without any decoding. In text mode (the default, or when\n"
     "'t' is appended to the mode argument), the contents of the file are\n"
     "returned as strings, the bytes having been first decoded using a\n"
     "platform-dependent encoding or using the specified encoding if given.\n\n"
     "buffering is an optional integer used to set the buffering policy.\n"
     "Pass 0 to switch buffering off (only allowed in binary mode), 1 to select\n"
     "line buffering (only usable in text mode), and an integer > 1 to indicate\n"
     "the size of a fixed-size chunk buffer.  When no buffering argument is\n"
     "given, the default buffering policy works as follows:\n\n"
     "* Binary files are buffered in fixed-size chunks; the size of the buffer\n"
     "  is chosen using a heuristic trying to determine the underlying device's\n"
     "  \"block size\" and falling back on `io.DEFAULT_BUFFER_SIZE`.\n"
     "  On many systems, the buffer will typically be 4096 or 8192 bytes long.\n\n"
     "* \"Interactive\" text files (files for which isatty() returns True)\n"
     "  use line buffering.  Other text files use the policy described above\n"
     "  for binary files.\n\n"
     "encoding is the name of the encoding used to decode or encode the\n"
     "file. This should only be used in text mode. The default encoding is\n"
     "platform dependent, but any encoding supported by Python can be\n"
     "passed.  See the codecs module for the list of supported encodings.\n\n"
     "errors is an optional string that specifies how encoding errors are to\n"
     "be handled---this argument should not be used in binary mode. Pass\n"
     "'strict' to raise a ValueError exception if there is an encoding error\n"
     "(the default of None has the same effect), or pass 'ignore' to ignore\n"
     "errors. (Note that ignoring encoding errors can lead to data loss.)\n"
     "See the documentation for codecs.register or run 'help(codecs.Codec)'\n"
     "for a list of the permitted encoding error strings.\n\n"
     "newline controls how universal newlines works (it only applies to text\n"
     "mode). It can be None, '', '\\n', '\\r', and '\\r\\n'.  It works as\n"
     "follows:\n\n"
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
     "If closefd is False, the underlying file descriptor will be kept open\n"
     "when the file is closed. This does not work when a file name is given\n"
     "and must be True in that case.\n\n"
     "A custom opener can be used by passing a callable as *opener*. The\n"
     "underlying file descriptor for the file object is then obtained by\n"
     "calling *opener* with (*file*, *flags*). *opener* must return an open\n"
     "file descriptor (passing os.open as *opener* results in functionality\n"
     "similar to passing None).\n\n"
     "open() returns a file object whose type depends on the mode, and\n"
     "through which the standard file operations such as reading and writing\n"
     "are performed. When open() is used to open a file in a text mode ('w',\n"
     "'r', 'wt', 'rt', etc.), it returns a TextIOWrapper. When used to open\n"
     "a file in a binary mode, the returned class varies: in read binary\n"
     "mode, it returns a BufferedReader; in write binary and append binary\n"
     "modes, it returns a BufferedWriter, and in read/write mode, it returns\n"
     "a BufferedRandom.\n\n"
     "It is also possible to use a string or bytearray as a file for both\n"
     "reading and writing. For strings StringIO can be used like a file\n"
     "opened in a text mode, and for bytes a BytesIO can be used like a file\n"
     "opened in a binary mode."},
    {"open_code", (PyCFunction)(void (*)(void))io_open_code, METH_VARARGS | METH_KEYWORDS,
     "open_code($module, /, path)\n--\n\n"
     "Opens the provided file with the intent to import the contents.\n\n"
     "This may perform extra validation beyond open(), but is otherwise interchangeable\n"
     "with calling open(path, 'rb')."},
    {"text_encoding", io_text_encoding, METH_VARARGS,
     "text_encoding($module, encoding, stacklevel=2, /)\n--\n\n"
     "A helper function to choose the text encoding.\n\n"
     "When encoding is not None, this function returns it.\n"
     "Otherwise, this function returns the default text encoding\n"
     "(i.e. \"locale\" or \"utf-8\" depends on UTF-8 mode).\n\n"
     "This function emits an EncodingWarning if encoding is None and\n"
     "sys.flags.warn_default_encoding is true.\n\n"
     "This can be used in APIs with an encoding=None parameter.\n"
     "However, please consider using encoding=\"utf-8\" for new APIs."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef io_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "io",
    .m_doc = "The io module provides the Python interfaces to stream handling.",
    .m_size = -1,
    .m_methods = io_methods,
};

static int add_type(PyObject *m, PyTypeObject *type, const char *name)
{
    if (PyType_Ready(type) < 0)
        return -1;
    if (name == NULL)
        return 0;
    return PyModule_AddObjectRef(m, name, (PyObject *)type);
}

PyObject *PyInit__io(void)
{
    PyObject *m = PyModule_Create(&io_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "DEFAULT_BUFFER_SIZE", DEFAULT_BUFFER_SIZE) < 0)
        goto fail;
    if (_PyIO_unsupported_operation == NULL) {
        PyObject *bases = PyTuple_Pack(2, PyExc_OSError, PyExc_ValueError);
        if (bases == NULL)
            goto fail;
        _PyIO_unsupported_operation = PyObject_CallFunction((PyObject *)&PyType_Type, "s(OO){s:s}",
                                                             "UnsupportedOperation", PyExc_OSError,
                                                             PyExc_ValueError, "__module__", "io");
        Py_DECREF(bases);
        if (_PyIO_unsupported_operation == NULL)
            goto fail;
    }
    if (PyModule_AddObjectRef(m, "UnsupportedOperation", _PyIO_unsupported_operation) < 0 ||
        PyModule_AddObjectRef(m, "BlockingIOError", PyExc_BlockingIOError) < 0)
        goto fail;
    if (add_type(m, &PyIOBase_Type, "_IOBase") < 0 ||
        add_type(m, &PyRawIOBase_Type, "_RawIOBase") < 0 ||
        add_type(m, &PyBufferedIOBase_Type, "_BufferedIOBase") < 0 ||
        add_type(m, &PyTextIOBase_Type, "_TextIOBase") < 0 ||
        add_type(m, &PyFileIO_Type, "FileIO") < 0 ||
        add_type(m, &PyBytesIO_Type, "BytesIO") < 0 ||
        add_type(m, &PyStringIO_Type, "StringIO") < 0 ||
        add_type(m, &PyBufferedReader_Type, "BufferedReader") < 0 ||
        add_type(m, &PyBufferedWriter_Type, "BufferedWriter") < 0 ||
        add_type(m, &PyBufferedRWPair_Type, "BufferedRWPair") < 0 ||
        add_type(m, &PyBufferedRandom_Type, "BufferedRandom") < 0 ||
        add_type(m, &PyTextIOWrapper_Type, "TextIOWrapper") < 0 ||
        add_type(m, &PyIncrementalNewlineDecoder_Type, "IncrementalNewlineDecoder") < 0 ||
        add_type(m, &_PyBytesIOBuffer_Type, NULL) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}

/* ---- start-up: sys.std* streams and builtins.open ---- */

static PyObject *create_stdio(PyObject *io, int fd, int write_mode, const char *name,
                              const char *encoding, const char *errors, int unbuffered)
{
    /* As CPython's create_stdio(): a FileIO that does not close its fd, a
     * Buffered{Reader,Writer} (none for output with -u), and a TextIOWrapper that is
     * line-buffered on a TTY and for stderr, and write-through with -u. */
    struct stat st;
    if (fstat(fd, &st) < 0 && errno == EBADF)
        Py_RETURN_NONE;          /* the fd is closed: sys.std* is None */
    int buffered = !(unbuffered && write_mode);
    PyObject *raw = NULL, *text = NULL, *res;
    PyObject *buf = PyObject_CallMethod(io, "open", "isiOOOO", fd, write_mode ? "wb" : "rb",
                                        buffered ? -1 : 0, Py_None, Py_None, Py_None, Py_False);
    if (buf == NULL)
        return NULL;
    raw = buffered ? PyObject_GetAttrString(buf, "raw") : Py_NewRef(buf);
    if (raw == NULL)
        goto fail;
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL || PyObject_SetAttrString(raw, "name", nameobj) < 0) {
        Py_XDECREF(nameobj);
        goto fail;
    }
    Py_DECREF(nameobj);
    res = PyObject_CallMethod(raw, "isatty", NULL);
    if (res == NULL)
        goto fail;
    int isatty = PyObject_IsTrue(res);
    Py_DECREF(res);
    int line_buffering = !unbuffered && (isatty || fd == 2);
    text = PyObject_CallFunction((PyObject *)&PyTextIOWrapper_Type, "OsssOO", buf, encoding, errors,
                                 "\n", line_buffering ? Py_True : Py_False,
                                 unbuffered ? Py_True : Py_False);
    if (text == NULL)
        goto fail;
    Py_CLEAR(raw);
    Py_CLEAR(buf);
    PyObject *modeobj = PyUnicode_FromString(write_mode ? "w" : "r");
    if (modeobj == NULL || PyObject_SetAttrString(text, "mode", modeobj) < 0) {
        Py_XDECREF(modeobj);
        Py_DECREF(text);
        return NULL;
    }
    Py_DECREF(modeobj);
    return text;
fail:
    Py_XDECREF(raw);
    Py_XDECREF(buf);
    return NULL;
}

/* Replace sys.stdin/stdout/stderr (and the __std*__ copies) with TextIOWrappers and
 * set builtins.open = io.open, as CPython's init_sys_streams/init_set_builtins_open. */
int _PyIO_InitStdio(int unbuffered)
{
    PyObject *io = PyImport_ImportModule("_io");
    if (io == NULL)
        return -1;
    int r = -1;
    PyObject *in = NULL, *out = NULL, *err = NULL, *open = NULL;
    PyObject *builtins = PyImport_ImportModule("builtins");
    if (builtins == NULL)
        goto done;
    open = PyObject_GetAttrString(io, "open");
    if (open == NULL || PyObject_SetAttrString(builtins, "open", open) < 0)
        goto done;
    /* PYTHONIOENCODING (main.c) picks the encoding of all three and the error handler
       of stdin/stdout; stderr always uses backslashreplace */
    const PyConfig *cfg = &_PyInterpreterState_GET()->config;
    const char *enc = "utf-8";
    const char *errs = cfg->stdio_errors ? cfg->stdio_errors : "surrogateescape";
    PyObject *codec = NULL, *codec_name = NULL;
    if (cfg->stdio_encoding != NULL) {
        /* the codec's own name, as CPython's config_get_codec_name ("latin-1" -> "iso8859-1") */
        codec = _PyCodec_Lookup(cfg->stdio_encoding);
        codec_name = codec ? PyObject_GetAttrString(codec, "name") : NULL;
        Py_XDECREF(codec);
        if (codec_name == NULL || (enc = PyUnicode_AsUTF8(codec_name)) == NULL) {
            Py_XDECREF(codec_name);
            goto done;
        }
    }
    in = create_stdio(io, 0, 0, "<stdin>", enc, errs, unbuffered);
    if (in == NULL)
        goto done;
    out = create_stdio(io, 1, 1, "<stdout>", enc, errs, unbuffered);
    if (out == NULL)
        goto done;
    err = create_stdio(io, 2, 1, "<stderr>", enc, "backslashreplace", unbuffered);
    Py_XDECREF(codec_name);
    if (err == NULL)
        goto done;
    /* Flush whatever the start-up streams buffered before swapping them out. */
    const char *names[3] = {"stdout", "stderr", NULL};
    for (int i = 0; names[i]; i++) {
        PyObject *old = PySys_GetObject(names[i]);
        if (old != NULL && old != Py_None) {
            PyObject *res = PyObject_CallMethod(old, "flush", NULL);
            if (res == NULL)
                PyErr_Clear();
            Py_XDECREF(res);
        }
    }
    if (PySys_SetObject("stdin", in) == 0 && PySys_SetObject("__stdin__", in) == 0 &&
        PySys_SetObject("stdout", out) == 0 && PySys_SetObject("__stdout__", out) == 0 &&
        PySys_SetObject("stderr", err) == 0 && PySys_SetObject("__stderr__", err) == 0)
        r = 0;
done:
    Py_XDECREF(in);
    Py_XDECREF(out);
    Py_XDECREF(err);
    Py_XDECREF(open);
    Py_XDECREF(builtins);
    Py_DECREF(io);
    return r;
}
