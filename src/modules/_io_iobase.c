/* _io_iobase.c — _io._IOBase and _io._RawIOBase: the abstract bases every stream
 * inherits (closed flag, context manager, iteration, readline(s), writelines, the
 * finalizer that closes on deallocation).  Concrete streams live in the other
 * _io_*.c files; _BufferedIOBase is in _io_bufferedio.c, _TextIOBase in _io_textio.c. */
#include "Python.h"
#include "_iomodule.h"

typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
} iobase;

/* ---- helpers shared by the module ---- */

PyObject *_PyIOBase_raise_unsupported(const char *msg)
{
    PyErr_SetString(_PyIO_unsupported_operation, msg);
    return NULL;
}

static PyObject *closed_attr(void) { return PyUnicode_InternFromString("__IOBase_closed"); }

/* The closed flag of a plain IOBase lives in its instance dict as __IOBase_closed,
 * as in CPython, so Python subclasses that override `closed` still work. */
static int iobase_closed_flag(PyObject *self)
{
    PyObject *name = closed_attr(), *res;
    if (name == NULL)
        return -1;
    int r = _PyObject_LookupAttr(self, name, &res);
    Py_DECREF(name);
    Py_XDECREF(res);
    return r;
}

/* Looks at the (possibly overridden) `closed` property. */
int _PyIOBase_is_closed(PyObject *self)
{
    PyObject *res = PyObject_GetAttrString(self, "closed");
    if (res == NULL)
        return -1;
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}

PyObject *_PyIOBase_check_closed(PyObject *self, PyObject *unused)
{
    int r = _PyIOBase_is_closed(self);
    if (r < 0)
        return NULL;
    if (r) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *check_method(PyObject *self, const char *meth, const char *msg)
{
    PyObject *res = PyObject_CallMethod(self, meth, NULL);
    if (res == NULL)
        return NULL;
    if (res != Py_True) {
        Py_DECREF(res);
        return _PyIOBase_raise_unsupported(msg);
    }
    return res;
}

PyObject *_PyIOBase_check_readable(PyObject *self, PyObject *unused)
{
    return check_method(self, "readable", "File or stream is not readable.");
}

PyObject *_PyIOBase_check_writable(PyObject *self, PyObject *unused)
{
    return check_method(self, "writable", "File or stream is not writable.");
}

PyObject *_PyIOBase_check_seekable(PyObject *self, PyObject *unused)
{
    return check_method(self, "seekable", "File or stream is not seekable.");
}

/* Called from tp_finalize: close the stream unless it is already closed, and swallow
 * errors (CPython reports them as unraisable). */
int _PyIOBase_finalize(PyObject *self)
{
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    int closed;
    PyObject *res = PyObject_GetAttrString(self, "closed");
    if (res == NULL) {
        PyErr_Clear();
        closed = -1;
    } else {
        closed = PyObject_IsTrue(res);
        Py_DECREF(res);
        if (closed == -1)
            PyErr_Clear();
    }
    if (closed == 0) {
        /* Tell close() it runs as part of finalization. */
        if (PyObject_SetAttrString(self, "_finalizing", Py_True) < 0)
            PyErr_Clear();
        res = PyObject_CallMethod(self, "close", NULL);
        /* As CPython 3.11: errors closing a forgotten file are only reported under -X dev
         * (spurious tracebacks at shutdown would be worse than silence). */
        if (res == NULL) {
            if (_PyInterpreterState_GET()->config.dev_mode)
                PyErr_WriteUnraisable(self);
            else
                PyErr_Clear();
        } else {
            Py_DECREF(res);
        }
    }
    PyErr_Restore(exc_type, exc_value, exc_tb);
    return 0;
}

/* ---- _IOBase methods ---- */

static PyObject *iobase_unsupported_method(const char *msg) { return _PyIOBase_raise_unsupported(msg); }

static PyObject *iobase_seek(PyObject *self, PyObject *args) { return iobase_unsupported_method("seek"); }
static PyObject *iobase_truncate(PyObject *self, PyObject *args) { return iobase_unsupported_method("truncate"); }
static PyObject *iobase_fileno(PyObject *self, PyObject *args) { return iobase_unsupported_method("fileno"); }

static PyObject *iobase_tell(PyObject *self, PyObject *unused)
{
    return PyObject_CallMethod(self, "seek", "ii", 0, 1);
}

static PyObject *iobase_flush(PyObject *self, PyObject *unused)
{
    int r = iobase_closed_flag(self);
    if (r < 0)
        return NULL;
    if (r) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *iobase_close(PyObject *self, PyObject *unused)
{
    int r = iobase_closed_flag(self);
    if (r < 0)
        return NULL;
    if (r)
        Py_RETURN_NONE;
    PyObject *res = PyObject_CallMethod(self, "flush", NULL);
    /* mark closed even when flush() failed; flush's error stays the one raised, chained
     * under a failure of the assignment (which may run a Python __setattr__) */
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *name = closed_attr();
    int set = name ? PyObject_SetAttr(self, name, Py_True) : -1;
    Py_XDECREF(name);
    _PyErr_ChainExceptions(t, v, tb);
    if (set < 0)
        Py_CLEAR(res);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    Py_RETURN_NONE;
}

static PyObject *iobase_closed_get(PyObject *self, void *context)
{
    int r = iobase_closed_flag(self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *iobase_false(PyObject *self, PyObject *unused) { Py_RETURN_FALSE; }

static PyObject *iobase_isatty(PyObject *self, PyObject *unused)
{
    PyObject *r = _PyIOBase_check_closed(self, NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_FALSE;
}

static PyObject *iobase_enter(PyObject *self, PyObject *unused)
{
    PyObject *r = _PyIOBase_check_closed(self, NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return Py_NewRef(self);
}

static PyObject *iobase_exit(PyObject *self, PyObject *args)
{
    return PyObject_CallMethod(self, "close", NULL);
}

static PyObject *iobase_iter(PyObject *self)
{
    PyObject *r = _PyIOBase_check_closed(self, NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    return Py_NewRef(self);
}

static PyObject *iobase_iternext(PyObject *self)
{
    PyObject *line = PyObject_CallMethod(self, "readline", NULL);
    if (line == NULL)
        return NULL;
    if (PyObject_Size(line) <= 0) {
        /* An error from Size() propagates; an empty line means the end. */
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

/* readline() for binary streams built on read(1) (and peek() when there is one, to
 * read up to the newline in one call). */
static PyObject *iobase_readline(PyObject *self, PyObject *args)
{
    Py_ssize_t limit = -1;
    if (!PyArg_ParseTuple(args, "|O&:readline", &_PyIO_ConvertSsize_t, &limit))
        return NULL;
    PyObject *peek, *name = PyUnicode_FromString("peek");
    if (name == NULL)
        return NULL;
    int found = _PyObject_LookupAttr(self, name, &peek);
    Py_DECREF(name);
    if (found < 0)
        return NULL;
    char *buf = NULL;
    Py_ssize_t len = 0, cap = 0;
    while (limit < 0 || len < limit) {
        Py_ssize_t nreadahead = 1;
        if (peek != NULL) {
            PyObject *ra = PyObject_CallFunction(peek, "i", 1);
            if (ra == NULL)
                goto fail;
            if (!PyBytes_Check(ra)) {
                PyErr_Format(PyExc_OSError, "peek() should have returned a bytes object, not '%.200s'",
                             Py_TYPE(ra)->tp_name);
                Py_DECREF(ra);
                goto fail;
            }
            Py_ssize_t n = PyBytes_GET_SIZE(ra);
            if (n > 0) {
                const char *s = PyBytes_AS_STRING(ra);
                if (limit >= 0 && n > limit - len)
                    n = limit - len;
                Py_ssize_t k = 0;
                while (k < n) {
                    if (s[k++] == '\n')
                        break;
                }
                nreadahead = k;
            }
            Py_DECREF(ra);
        }
        PyObject *b = PyObject_CallMethod(self, "read", "n", nreadahead);
        if (b == NULL)
            goto fail;
        if (b == Py_None) {
            Py_DECREF(b);
            break;
        }
        if (!PyBytes_Check(b)) {
            PyErr_Format(PyExc_OSError, "read() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(b)->tp_name);
            Py_DECREF(b);
            goto fail;
        }
        Py_ssize_t n = PyBytes_GET_SIZE(b);
        if (n == 0) {
            Py_DECREF(b);
            break;
        }
        if (len + n > cap) {
            cap = (len + n) * 2 + 16;
            char *nb = PyMem_Realloc(buf, cap);
            if (nb == NULL) {
                Py_DECREF(b);
                PyErr_NoMemory();
                goto fail;
            }
            buf = nb;
        }
        memcpy(buf + len, PyBytes_AS_STRING(b), n);
        len += n;
        Py_DECREF(b);
        if (buf[len - 1] == '\n')
            break;
    }
    Py_XDECREF(peek);
    PyObject *res = PyBytes_FromStringAndSize(buf, len);
    PyMem_Free(buf);
    return res;
fail:
    Py_XDECREF(peek);
    PyMem_Free(buf);
    return NULL;
}

PyObject *_PyIOBase_readlines_impl(PyObject *self, Py_ssize_t hint)
{
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    if (hint <= 0) {
        /* list(self) without the extra method lookups of extend(). */
        PyObject *it = PyObject_GetIter(self);
        if (it == NULL)
            goto fail;
        PyObject *line;
        while ((line = PyIter_Next(it)) != NULL) {
            if (PyList_Append(result, line) < 0) {
                Py_DECREF(line);
                Py_DECREF(it);
                goto fail;
            }
            Py_DECREF(line);
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            goto fail;
        return result;
    }
    PyObject *it = PyObject_GetIter(self);
    if (it == NULL)
        goto fail;
    Py_ssize_t length = 0;
    for (;;) {
        PyObject *line = PyIter_Next(it);
        if (line == NULL) {
            Py_DECREF(it);
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        if (PyList_Append(result, line) < 0) {
            Py_DECREF(line);
            Py_DECREF(it);
            goto fail;
        }
        Py_ssize_t n = PyObject_Size(line);
        Py_DECREF(line);
        if (n < 0) {
            Py_DECREF(it);
            goto fail;
        }
        length += n;
        if (length >= hint) {
            Py_DECREF(it);
            break;
        }
    }
    return result;
fail:
    Py_DECREF(result);
    return NULL;
}

static PyObject *iobase_readlines(PyObject *self, PyObject *args)
{
    Py_ssize_t hint = -1;
    if (!PyArg_ParseTuple(args, "|O&:readlines", &_PyIO_ConvertSsize_t, &hint))
        return NULL;
    return _PyIOBase_readlines_impl(self, hint);
}

static PyObject *iobase_writelines(PyObject *self, PyObject *lines)
{
    PyObject *r = _PyIOBase_check_closed(self, NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL)
        return NULL;
    PyObject *line;
    while ((line = PyIter_Next(it)) != NULL) {
        PyObject *res = PyObject_CallMethodOneArg(self, _Py_ID(write), line);
        Py_DECREF(line);
        if (res == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(res);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static void iobase_finalize(PyObject *self) { _PyIOBase_finalize(self); }

static int iobase_traverse(iobase *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    return 0;
}

static int iobase_clear(iobase *self)
{
    Py_CLEAR(self->dict);
    return 0;
}

static void iobase_dealloc(iobase *self)
{
    if (PyObject_CallFinalizerFromDealloc((PyObject *)self) < 0)
        return;   /* resurrected */
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    Py_CLEAR(self->dict);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *iobase_check_closed_meth(PyObject *self, PyObject *args) { return _PyIOBase_check_closed(self, NULL); }
static PyObject *iobase_check_readable_meth(PyObject *self, PyObject *args) { return _PyIOBase_check_readable(self, NULL); }
static PyObject *iobase_check_writable_meth(PyObject *self, PyObject *args) { return _PyIOBase_check_writable(self, NULL); }
static PyObject *iobase_check_seekable_meth(PyObject *self, PyObject *args) { return _PyIOBase_check_seekable(self, NULL); }

static PyMethodDef iobase_methods[] = {
    {"seek", iobase_seek, METH_VARARGS,
     "Change stream position.\n\n"
     "Change the stream position to the given byte offset. The offset is\n"
     "interpreted relative to the position indicated by whence.  Values\n"
     "for whence are:\n\n"
     "* 0 -- start of stream (the default); offset should be zero or positive\n"
     "* 1 -- current stream position; offset may be negative\n"
     "* 2 -- end of stream; offset is usually negative\n\n"
     "Return the new absolute position."},
    {"tell", iobase_tell, METH_NOARGS,
     "tell($self, /)\n--\n\n"
     "Return current stream position."},
    {"truncate", iobase_truncate, METH_VARARGS,
     "Truncate file to size bytes.\n\n"
     "File pointer is left unchanged.  Size defaults to the current IO\n"
     "position as reported by tell().  Returns the new size."},
    {"flush", iobase_flush, METH_NOARGS,
     "flush($self, /)\n--\n\n"
     "Flush write buffers, if applicable.\n\n"
     "This is not implemented for read-only and non-blocking streams."},
    {"close", iobase_close, METH_NOARGS,
     "close($self, /)\n--\n\n"
     "Flush and close the IO object.\n\n"
     "This method has no effect if the file is already closed."},
    {"seekable", iobase_false, METH_NOARGS,
     "seekable($self, /)\n--\n\n"
     "Return whether object supports random access.\n\n"
     "If False, seek(), tell() and truncate() will raise OSError.\n"
     "This method may need to do a test seek()."},
    {"readable", iobase_false, METH_NOARGS,
     "readable($self, /)\n--\n\n"
     "Return whether object was opened for reading.\n\n"
     "If False, read() will raise OSError."},
    {"writable", iobase_false, METH_NOARGS,
     "writable($self, /)\n--\n\n"
     "Return whether object was opened for writing.\n\n"
     "If False, write() will raise OSError."},
    {"_checkClosed", iobase_check_closed_meth, METH_VARARGS, NULL},
    {"_checkSeekable", iobase_check_seekable_meth, METH_VARARGS, NULL},
    {"_checkReadable", iobase_check_readable_meth, METH_VARARGS, NULL},
    {"_checkWritable", iobase_check_writable_meth, METH_VARARGS, NULL},
    {"fileno", iobase_fileno, METH_NOARGS,
     "fileno($self, /)\n--\n\n"
     "Returns underlying file descriptor if one exists.\n\n"
     "OSError is raised if the IO object does not use a file descriptor."},
    {"isatty", iobase_isatty, METH_NOARGS,
     "isatty($self, /)\n--\n\n"
     "Return whether this is an 'interactive' stream.\n\n"
     "Return False if it can't be determined."},
    {"__enter__", iobase_enter, METH_NOARGS, NULL},
    {"__exit__", iobase_exit, METH_VARARGS, NULL},
    {"readline", iobase_readline, METH_VARARGS,
     "readline($self, size=-1, /)\n--\n\n"
     "Read and return a line from the stream.\n\n"
     "If size is specified, at most size bytes will be read.\n\n"
     "The line terminator is always b'\\n' for binary files; for text\n"
     "files, the newlines argument to open can be used to select the line\n"
     "terminator(s) recognized."},
    {"readlines", iobase_readlines, METH_VARARGS,
     "readlines($self, hint=-1, /)\n--\n\n"
     "Return a list of lines from the stream.\n\n"
     "hint can be specified to control the number of lines read: no more\n"
     "lines will be read if the total size (in bytes/characters) of all\n"
     "lines so far exceeds hint."},
    {"writelines", iobase_writelines, METH_O,
     "writelines($self, lines, /)\n--\n\n"
     "Write a list of lines to stream.\n\n"
     "Line separators are not added, so it is usual for each of the\n"
     "lines provided to have a line separator at the end."},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef iobase_getset[] = {
    {"__dict__", PyObject_GenericGetDict, NULL, NULL, NULL},
    {"closed", iobase_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._IOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_dealloc = (destructor)iobase_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "The abstract base class for all I/O classes.\n\n"
              "This class provides dummy implementations for many methods that\n"
              "derived classes can override selectively; the default implementations\n"
              "represent a file that cannot be read, written or seeked.\n\n"
              "Even though IOBase does not declare read, readinto, or write because\n"
              "their signatures will vary, implementations and clients should\n"
              "consider those methods part of the interface. Also, implementations\n"
              "may raise UnsupportedOperation when operations they do not support are\n"
              "called.\n\n"
              "The basic type used for binary data read from or written to a file is\n"
              "bytes. Other bytes-like objects are accepted as method arguments too.\n"
              "In some cases (such as readinto), a writable object is required. Text\n"
              "I/O classes work with str data.\n\n"
              "Note that calling any method (except additional calls to close(),\n"
              "which are ignored) on a closed stream should raise a ValueError.\n\n"
              "IOBase (and its subclasses) support the iterator protocol, meaning\n"
              "that an IOBase object can be iterated over yielding the lines in a\n"
              "stream.\n\n"
              "IOBase also supports the :keyword:`with` statement. In this example,\n"
              "fp is closed after the suite of the with statement is complete:\n\n"
              "with open('spam.txt', 'r') as fp:\n"
              "    fp.write('Spam and eggs!')\n",
    .tp_traverse = (traverseproc)iobase_traverse,
    .tp_clear = (inquiry)iobase_clear,
    .tp_weaklistoffset = offsetof(iobase, weakreflist),
    .tp_iter = iobase_iter,
    .tp_iternext = iobase_iternext,
    .tp_methods = iobase_methods,
    .tp_getset = iobase_getset,
    .tp_dictoffset = offsetof(iobase, dict),
    .tp_new = PyType_GenericNew,
    .tp_finalize = iobase_finalize,
};

/* ---- _RawIOBase ---- */

/* read(size=-1): readall() for a negative size, else readinto() a fresh bytearray. */
static PyObject *rawiobase_read(PyObject *self, PyObject *args)
{
    Py_ssize_t n = -1;
    if (!PyArg_ParseTuple(args, "|n:read", &n))
        return NULL;
    if (n < 0)
        return PyObject_CallMethod(self, "readall", NULL);
    PyObject *b = PyByteArray_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    PyObject *res = PyObject_CallMethod(self, "readinto", "O", b);
    if (res == NULL || res == Py_None) {
        Py_DECREF(b);
        return res;
    }
    Py_ssize_t got = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (got == -1 && PyErr_Occurred()) {
        Py_DECREF(b);
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(b), got);
    Py_DECREF(b);
    return out;
}

static PyObject *rawiobase_readall(PyObject *self, PyObject *unused)
{
    PyObject *chunks = PyList_New(0);
    if (chunks == NULL)
        return NULL;
    for (;;) {
        PyObject *data = PyObject_CallMethod(self, "read", "i", DEFAULT_BUFFER_SIZE);
        if (data == NULL) {
            Py_DECREF(chunks);
            return NULL;
        }
        if (data == Py_None) {
            if (PyList_GET_SIZE(chunks) == 0) {
                Py_DECREF(chunks);
                return data;
            }
            Py_DECREF(data);
            break;
        }
        if (!PyBytes_Check(data)) {
            Py_DECREF(chunks);
            Py_DECREF(data);
            PyErr_SetString(PyExc_TypeError, "read() should return bytes");
            return NULL;
        }
        if (PyBytes_GET_SIZE(data) == 0) {
            Py_DECREF(data);
            break;
        }
        int r = PyList_Append(chunks, data);
        Py_DECREF(data);
        if (r < 0) {
            Py_DECREF(chunks);
            return NULL;
        }
    }
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *res = empty ? _PyBytes_Join(empty, chunks) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(chunks);
    return res;
}

static PyObject *rawiobase_not_implemented(PyObject *self, PyObject *args)
{
    PyErr_SetNone(PyExc_NotImplementedError);
    return NULL;
}

static PyMethodDef rawiobase_methods[] = {
    {"read", rawiobase_read, METH_VARARGS,
     "read($self, size=-1, /)\n--\n\n"},
    {"readall", rawiobase_readall, METH_NOARGS,
     "readall($self, /)\n--\n\n"
     "Read until EOF, using multiple read() call."},
    {"readinto", rawiobase_not_implemented, METH_VARARGS, NULL},
    {"write", rawiobase_not_implemented, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyRawIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._RawIOBase",
    .tp_basicsize = sizeof(iobase),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Base class for raw binary I/O.",
    .tp_methods = rawiobase_methods,
    .tp_base = &PyIOBase_Type,
};
