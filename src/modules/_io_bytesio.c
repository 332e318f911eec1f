/* _io_bytesio.c — _io.BytesIO: an in-memory binary stream over a growable byte
 * buffer (read/read1/readinto/readline(s), write/writelines, seek/tell/truncate,
 * getvalue, getbuffer() views, pickling state).  Its base _BufferedIOBase is in _io_bufferedio.c. */
#include "Python.h"
#include "_iomodule.h"

typedef struct {
    PyObject_HEAD
    char *buf;
    Py_ssize_t pos;
    Py_ssize_t string_size;
    Py_ssize_t allocated;
    int closed;
    Py_ssize_t exports;         /* live getbuffer() views: no resizing while > 0 */
    PyObject *dict;
    PyObject *weakreflist;
} bytesio;

static int check_closed(bytesio *self)
{
    if (self->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}
#define CHECK_CLOSED(self) if (check_closed(self) < 0) return NULL

/* A getbuffer() memoryview points into buf, so nothing may move or shrink it. */
static int check_exports(bytesio *self)
{
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "Existing exports of data: object cannot be re-sized");
        return -1;
    }
    return 0;
}
#define CHECK_EXPORTS(self) if (check_exports(self) < 0) return NULL

static int resize_buffer(bytesio *self, Py_ssize_t size)
{
    if (size <= self->allocated)
        return 0;
    Py_ssize_t alloc = size < 8 ? 8 : size + (size >> 3) + 16;
    char *nb = PyMem_Realloc(self->buf, alloc);
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = nb;
    self->allocated = alloc;
    return 0;
}

/* Write len bytes at the current position (zero-filling a gap past the end). */
static Py_ssize_t write_bytes(bytesio *self, const char *bytes, Py_ssize_t len)
{
    if (len == 0)
        return 0;
    Py_ssize_t endpos = self->pos + len;
    if (resize_buffer(self, endpos) < 0)
        return -1;
    if (self->pos > self->string_size)
        memset(self->buf + self->string_size, 0, self->pos - self->string_size);
    memcpy(self->buf + self->pos, bytes, len);
    self->pos = endpos;
    if (endpos > self->string_size)
        self->string_size = endpos;
    return len;
}

static PyObject *read_bytes(bytesio *self, Py_ssize_t size)
{
    Py_ssize_t avail = self->string_size - self->pos;
    if (avail < 0)
        avail = 0;
    if (size < 0 || size > avail)
        size = avail;
    PyObject *res = PyBytes_FromStringAndSize(self->buf + (avail ? self->pos : 0), size);
    if (res != NULL)
        self->pos += size;
    return res;
}

static PyObject *bytesio_read(bytesio *self, PyObject *args)
{
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "|O&:read", _PyIO_ConvertSsize_t, &size))
        return NULL;
    CHECK_CLOSED(self);
    return read_bytes(self, size);
}

static PyObject *bytesio_read1(bytesio *self, PyObject *args)
{
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "|O&:read1", _PyIO_ConvertSsize_t, &size))
        return NULL;
    CHECK_CLOSED(self);
    return read_bytes(self, size);
}

static Py_ssize_t scan_eol(bytesio *self, Py_ssize_t size)
{
    if (self->pos >= self->string_size)
        return 0;
    Py_ssize_t maxlen = self->string_size - self->pos;
    if (size < 0 || size > maxlen)
        size = maxlen;
    const char *start = self->buf + self->pos;
    const char *n = memchr(start, '\n', size);
    return n ? n - start + 1 : size;
}

static PyObject *bytesio_readline(bytesio *self, PyObject *args)
{
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "|O&:readline", _PyIO_ConvertSsize_t, &size))
        return NULL;
    CHECK_CLOSED(self);
    return read_bytes(self, scan_eol(self, size));
}

static PyObject *bytesio_readlines(bytesio *self, PyObject *args)
{
    Py_ssize_t hint = -1;
    if (!PyArg_ParseTuple(args, "|O&:readlines", _PyIO_ConvertSsize_t, &hint))
        return NULL;
    CHECK_CLOSED(self);
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    Py_ssize_t n, size = 0;
    while ((n = scan_eol(self, -1)) != 0) {
        PyObject *line = read_bytes(self, n);
        if (line == NULL || PyList_Append(result, line) < 0) {
            Py_XDECREF(line);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(line);
        size += n;
        if (hint > 0 && size >= hint)
            break;
    }
    return result;
}

static PyObject *bytesio_readinto(bytesio *self, PyObject *arg)
{
    CHECK_CLOSED(self);
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, "readinto") < 0)
        return NULL;
    Py_ssize_t avail = self->string_size - self->pos;
    if (avail < 0)
        avail = 0;
    Py_ssize_t n = view.len < avail ? view.len : avail;
    memcpy(view.buf, self->buf + self->pos, n);
    self->pos += n;
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(n);
}

static PyObject *bytesio_write(bytesio *self, PyObject *arg)
{
    CHECK_CLOSED(self);
    CHECK_EXPORTS(self);
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t n = write_bytes(self, view.buf, view.len);
    PyBuffer_Release(&view);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *bytesio_writelines(bytesio *self, PyObject *lines)
{
    CHECK_CLOSED(self);
    PyObject *it = PyObject_GetIter(lines);
    if (it == NULL)
        return NULL;
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = bytesio_write(self, item);
        Py_DECREF(item);
        if (r == NULL) {
            Py_DECREF(it);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *bytesio_getvalue(bytesio *self, PyObject *unused)
{
    CHECK_CLOSED(self);
    return PyBytes_FromStringAndSize(self->buf, self->string_size);
}

static PyObject *bytesio_tell(bytesio *self, PyObject *unused)
{
    CHECK_CLOSED(self);
    return PyLong_FromSsize_t(self->pos);
}

static PyObject *bytesio_seek(bytesio *self, PyObject *args)
{
    Py_ssize_t pos;
    int mode = 0;
    if (!PyArg_ParseTuple(args, "n|i:seek", &pos, &mode))
        return NULL;
    CHECK_CLOSED(self);
    if (pos < 0 && mode == 0) {
        PyErr_Format(PyExc_ValueError, "negative seek value %zd", pos);
        return NULL;
    }
    if (mode == 1) {
        if (pos > PY_SSIZE_T_MAX - self->pos) {
            PyErr_SetString(PyExc_OverflowError, "new position too large");
            return NULL;
        }
        pos += self->pos;
    } else if (mode == 2) {
        if (pos > PY_SSIZE_T_MAX - self->string_size) {
            PyErr_SetString(PyExc_OverflowError, "new position too large");
            return NULL;
        }
        pos += self->string_size;
    } else if (mode != 0) {
        PyErr_Format(PyExc_ValueError, "invalid whence (%i, should be 0, 1 or 2)", mode);
        return NULL;
    }
    if (pos < 0)
        pos = 0;
    self->pos = pos;
    return PyLong_FromSsize_t(pos);
}

static PyObject *bytesio_truncate(bytesio *self, PyObject *args)
{
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "|O&:truncate", _PyIO_ConvertSsize_t, &size))
        return NULL;
    CHECK_CLOSED(self);
    CHECK_EXPORTS(self);
    if (PyTuple_GET_SIZE(args) == 0 || PyTuple_GET_ITEM(args, 0) == Py_None) {
        size = self->pos;
    } else if (size < 0) {
        PyErr_Format(PyExc_ValueError, "negative size value %zd", size);
        return NULL;
    }
    if (size < self->string_size)
        self->string_size = size;
    return PyLong_FromSsize_t(size);
}

static PyObject *bytesio_true(bytesio *self, PyObject *unused)
{
    CHECK_CLOSED(self);
    Py_RETURN_TRUE;
}

static PyObject *bytesio_isatty(bytesio *self, PyObject *unused)
{
    CHECK_CLOSED(self);
    Py_RETURN_FALSE;
}

static PyObject *bytesio_flush(bytesio *self, PyObject *unused)
{
    CHECK_CLOSED(self);
    Py_RETURN_NONE;
}

static PyObject *bytesio_close(bytesio *self, PyObject *unused)
{
    CHECK_EXPORTS(self);
    self->closed = 1;
    PyMem_Free(self->buf);
    self->buf = NULL;
    self->allocated = self->string_size = 0;
    Py_RETURN_NONE;
}

static PyObject *bytesio_iternext(bytesio *self)
{
    if (check_closed(self) < 0)
        return NULL;
    Py_ssize_t n = scan_eol(self, -1);
    if (n == 0)
        return NULL;
    return read_bytes(self, n);
}

/* ---- getbuffer(): a memoryview over the live buffer through _io._BytesIOBuffer ---- */

typedef struct {
    PyObject_HEAD
    bytesio *source;
} bytesiobuf;

static int bytesiobuf_getbuffer(PyObject *op, Py_buffer *view, int flags)
{
    bytesio *b = ((bytesiobuf *)op)->source;
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "bytesiobuf_getbuffer: view==NULL argument is obsolete");
        return -1;
    }
    /* An empty BytesIO may have no allocation yet; a view still needs a pointer. */
    if (b->buf == NULL && resize_buffer(b, 1) < 0)
        return -1;
    if (PyBuffer_FillInfo(view, op, b->buf, b->string_size, 0, flags) < 0)
        return -1;
    b->exports++;
    return 0;
}

static void bytesiobuf_releasebuffer(PyObject *op, Py_buffer *view)
{
    ((bytesiobuf *)op)->source->exports--;
}

static int bytesiobuf_traverse(PyObject *op, visitproc visit, void *arg)
{
    Py_VISIT(((bytesiobuf *)op)->source);
    return 0;
}

static void bytesiobuf_dealloc(PyObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_CLEAR(((bytesiobuf *)op)->source);
    Py_TYPE(op)->tp_free(op);
}

static PyBufferProcs bytesiobuf_as_buffer = {
    bytesiobuf_getbuffer,
    bytesiobuf_releasebuffer,
};

PyTypeObject _PyBytesIOBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BytesIOBuffer",
    .tp_basicsize = sizeof(bytesiobuf),
    .tp_dealloc = bytesiobuf_dealloc,
    .tp_as_buffer = &bytesiobuf_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = bytesiobuf_traverse,
};

static PyObject *bytesio_getbuffer(bytesio *self, PyObject *unused)
{
    CHECK_CLOSED(self);
    bytesiobuf *buf = PyObject_GC_New(bytesiobuf, &_PyBytesIOBuffer_Type);
    if (buf == NULL)
        return NULL;
    buf->source = (bytesio *)Py_NewRef(self);
    PyObject_GC_Track(buf);
    PyObject *view = PyMemoryView_FromObject((PyObject *)buf);
    Py_DECREF(buf);
    return view;
}

static PyObject *bytesio_getstate(bytesio *self, PyObject *unused)
{
    PyObject *value = bytesio_getvalue(self, NULL);
    if (value == NULL)
        return NULL;
    PyObject *dict = self->dict ? PyDict_Copy(self->dict) : Py_NewRef(Py_None);
    if (dict == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    PyObject *state = Py_BuildValue("(OnN)", value, self->pos, dict);
    Py_DECREF(value);
    return state;
}

static PyObject *bytesio_setstate(bytesio *self, PyObject *state)
{
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) < 3) {
        PyErr_Format(PyExc_TypeError, "%.200s.__setstate__ argument should be 3-tuple, got %.200s",
                     Py_TYPE(self)->tp_name, Py_TYPE(state)->tp_name);
        return NULL;
    }
    CHECK_CLOSED(self);
    CHECK_EXPORTS(self);
    Py_buffer view;
    if (PyObject_GetBuffer(PyTuple_GET_ITEM(state, 0), &view, PyBUF_SIMPLE) < 0)
        return NULL;
    self->string_size = 0;
    self->pos = 0;
    Py_ssize_t r = write_bytes(self, view.buf, view.len);
    PyBuffer_Release(&view);
    if (r < 0)
        return NULL;
    PyObject *posobj = PyTuple_GET_ITEM(state, 1);
    if (!PyLong_Check(posobj)) {
        PyErr_Format(PyExc_TypeError, "second item of state must be an integer, not %.200s",
                     Py_TYPE(posobj)->tp_name);
        return NULL;
    }
    Py_ssize_t pos = PyLong_AsSsize_t(posobj);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    if (pos < 0) {
        PyErr_SetString(PyExc_ValueError, "position value cannot be negative");
        return NULL;
    }
    self->pos = pos;
    PyObject *dict = PyTuple_GET_ITEM(state, 2);
    if (dict != Py_None) {
        if (!PyDict_Check(dict)) {
            PyErr_Format(PyExc_TypeError, "third item of state should be a dict, got a %.200s",
                         Py_TYPE(dict)->tp_name);
            return NULL;
        }
        if (self->dict == NULL) {
            self->dict = PyDict_New();
            if (self->dict == NULL)
                return NULL;
        }
        if (PyDict_Update(self->dict, dict) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *bytesio_sizeof(bytesio *self, PyObject *unused)
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(bytesio) + self->allocated);
}

static int bytesio_init(PyObject *oself, PyObject *args, PyObject *kwds)
{
    bytesio *self = (bytesio *)oself;
    static char *kwlist[] = {"initial_bytes", NULL};
    PyObject *initvalue = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:BytesIO", kwlist, &initvalue))
        return -1;
    /* __init__ may run again on a live object. */
    self->string_size = 0;
    self->pos = 0;
    if (check_exports(self) < 0)
        return -1;
    if (initvalue && initvalue != Py_None) {
        Py_buffer view;
        if (PyObject_GetBuffer(initvalue, &view, PyBUF_SIMPLE) < 0)
            return -1;
        Py_ssize_t r = write_bytes(self, view.buf, view.len);
        PyBuffer_Release(&view);
        if (r < 0)
            return -1;
        self->pos = 0;
    }
    return 0;
}

static PyObject *bytesio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    bytesio *self = (bytesio *)type->tp_alloc(type, 0);
    return (PyObject *)self;
}

static int bytesio_traverse(bytesio *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    return 0;
}

static int bytesio_clear(bytesio *self)
{
    Py_CLEAR(self->dict);
    return 0;
}

static void bytesio_dealloc(bytesio *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    PyMem_Free(self->buf);
    Py_CLEAR(self->dict);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *bytesio_get_closed(bytesio *self, void *c) { return PyBool_FromLong(self->closed); }

static PyGetSetDef bytesio_getsetlist[] = {
    {"closed", (getter)bytesio_get_closed, NULL, "True if the file is closed.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef bytesio_methods[] = {
    {"readable", (PyCFunction)bytesio_true, METH_NOARGS,
     "readable($self, /)\n--\n\n"
     "Returns True if the IO object can be read."},
    {"seekable", (PyCFunction)bytesio_true, METH_NOARGS,
     "seekable($self, /)\n--\n\n"
     "Returns True if the IO object can be seeked."},
    {"writable", (PyCFunction)bytesio_true, METH_NOARGS,
     "writable($self, /)\n--\n\n"
     "Returns True if the IO object can be written."},
    {"close", (PyCFunction)bytesio_close, METH_NOARGS,
     "close($self, /)\n--\n\n"
     "Disable all I/O operations."},
    {"flush", (PyCFunction)bytesio_flush, METH_NOARGS,
     "flush($self, /)\n--\n\n"
     "Does nothing."},
    {"isatty", (PyCFunction)bytesio_isatty, METH_NOARGS,
     "isatty($self, /)\n--\n\n"
     "Always returns False.\n\n"
     "BytesIO objects are not connected to a TTY-like device."},
    {"tell", (PyCFunction)bytesio_tell, METH_NOARGS,
     "tell($self, /)\n--\n\n"
     "Current file position, an integer."},
    {"write", (PyCFunction)bytesio_write, METH_O,
     "write($self, b, /)\n--\n\n"
     "Write bytes to file.\n\n"
     "Return the number of bytes written."},
    {"writelines", (PyCFunction)bytesio_writelines, METH_O,
     "writelines($self, lines, /)\n--\n\n"
     "Write lines to the file.\n\n"
     "Note that newlines are not added.  lines can be any iterable object\n"
     "producing bytes-like objects. This is equivalent to calling write() for\n"
     "each element."},
    {"read1", (PyCFunction)bytesio_read1, METH_VARARGS,
     "read1($self, size=-1, /)\n--\n\n"
     "Read at most size bytes, returned as a bytes object.\n\n"
     "If the size argument is negative or omitted, read until EOF is reached.\n"
     "Return an empty bytes object at EOF."},
    {"readinto", (PyCFunction)bytesio_readinto, METH_O,
     "readinto($self, buffer, /)\n--\n\n"
     "Read bytes into buffer.\n\n"
     "Returns number of bytes read (0 for EOF), or None if the object\n"
     "is set not to block and has no data to read."},
    {"readline", (PyCFunction)bytesio_readline, METH_VARARGS,
     "readline($self, size=-1, /)\n--\n\n"
     "Next line from the file, as a bytes object.\n\n"
     "Retain newline.  A non-negative size argument limits the maximum\n"
     "number of bytes to return (an incomplete line may be returned then).\n"
     "Return an empty bytes object at EOF."},
    {"readlines", (PyCFunction)bytesio_readlines, METH_VARARGS,
     "readlines($self, size=None, /)\n--\n\n"
     "List of bytes objects, each a line from the file.\n\n"
     "Call readline() repeatedly and return a list of the lines so read.\n"
     "The optional size argument, if given, is an approximate bound on the\n"
     "total number of bytes in the lines returned."},
    {"read", (PyCFunction)bytesio_read, METH_VARARGS,
     "read($self, size=-1, /)\n--\n\n"
     "Read at most size bytes, returned as a bytes object.\n\n"
     "If the size argument is negative, read until EOF is reached.\n"
     "Return an empty bytes object at EOF."},
    {"getvalue", (PyCFunction)bytesio_getvalue, METH_NOARGS,
     "getvalue($self, /)\n--\n\n"
     "Retrieve the entire contents of the BytesIO object."},
    {"getbuffer", (PyCFunction)bytesio_getbuffer, METH_NOARGS,
     "getbuffer($self, /)\n--\n\n"
     "Get a read-write view over the contents of the BytesIO object."},
    {"seek", (PyCFunction)bytesio_seek, METH_VARARGS,
     "seek($self, pos, whence=0, /)\n--\n\n"
     "Change stream position.\n\n"
     "Seek to byte offset pos relative to position indicated by whence:\n"
     "     0  Start of stream (the default).  pos should be >= 0;\n"
     "     1  Current position - pos may be negative;\n"
     "     2  End of stream - pos usually negative.\n"
     "Returns the new absolute position."},
    {"truncate", (PyCFunction)bytesio_truncate, METH_VARARGS,
     "truncate($self, size=None, /)\n--\n\n"
     "Truncate the file to at most size bytes.\n\n"
     "Size defaults to the current file position, as returned by tell().\n"
     "The current file position is unchanged.  Returns the new size."},
    {"__getstate__", (PyCFunction)bytesio_getstate, METH_NOARGS, NULL},
    {"__setstate__", (PyCFunction)bytesio_setstate, METH_O, NULL},
    {"__sizeof__", (PyCFunction)bytesio_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBytesIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(bytesio),
    .tp_dealloc = (destructor)bytesio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "BytesIO(initial_bytes=b'')\n--\n\n"
              "Buffered I/O implementation using an in-memory bytes buffer.",
    .tp_traverse = (traverseproc)bytesio_traverse,
    .tp_clear = (inquiry)bytesio_clear,
    .tp_weaklistoffset = offsetof(bytesio, weakreflist),
    .tp_iternext = (iternextfunc)bytesio_iternext,
    .tp_methods = bytesio_methods,
    .tp_getset = bytesio_getsetlist,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(bytesio, dict),
    .tp_init = bytesio_init,
    .tp_new = bytesio_new,
};
