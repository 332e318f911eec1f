/* _io_stringio.c — _io.StringIO: an in-memory text stream over a buffer of code
 * points, with the newline= translation rules of TextIOWrapper (the translation
 * itself is IncrementalNewlineDecoder's, in _io_textio.c, as is _TextIOBase). */
#include "Python.h"
#include "_iomodule.h"

typedef struct {
    PyObject_HEAD
    Py_UCS4 *buf;
    Py_ssize_t pos;
    Py_ssize_t string_size;
    Py_ssize_t buf_size;
    int ok;                /* initialized? */
    int closed;
    int readuniversal;
    int readtranslate;
    PyObject *decoder;     /* IncrementalNewlineDecoder or NULL */
    PyObject *readnl;      /* the newline= argument as str, or NULL for None */
    PyObject *writenl;     /* what "\n" becomes on write, or NULL */
    PyObject *dict;
    PyObject *weakreflist;
} stringio;

static int check(stringio *self)
{
    if (!self->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (self->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}
#define CHECK(self) if (check(self) < 0) return NULL

static int resize_buffer(stringio *self, Py_ssize_t size)
{
    if (size <= self->buf_size)
        return 0;
    Py_ssize_t alloc = size + (size >> 3) + 16;
    Py_UCS4 *nb = PyMem_Realloc(self->buf, alloc * sizeof(Py_UCS4));
    if (nb == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    self->buf = nb;
    self->buf_size = alloc;
    return 0;
}

/* Write a str at the current position after newline translation; returns its
 * original length (what write() reports) or -1. */
static Py_ssize_t write_str(stringio *self, PyObject *obj)
{
    Py_ssize_t orig = PyUnicode_GET_LENGTH(obj);
    PyObject *decoded;
    if (self->decoder != NULL) {
        decoded = _PyIncrementalNewlineDecoder_decode(self->decoder, obj, 1);
    } else {
        decoded = Py_NewRef(obj);
    }
    if (decoded == NULL)
        return -1;
    if (self->writenl) {
        PyObject *nl = PyUnicode_FromString("\n");
        PyObject *t = nl ? PyUnicode_Replace(decoded, nl, self->writenl, -1) : NULL;
        Py_XDECREF(nl);
        Py_DECREF(decoded);
        if (t == NULL)
            return -1;
        decoded = t;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(decoded);
    if (len > 0) {
        if (resize_buffer(self, self->pos + len) < 0) {
            Py_DECREF(decoded);
            return -1;
        }
        if (self->pos > self->string_size)
            memset(self->buf + self->string_size, 0,
                   (self->pos - self->string_size) * sizeof(Py_UCS4));
        int kind = PyUnicode_KIND(decoded);
        const void *data = PyUnicode_DATA(decoded);
        for (Py_ssize_t i = 0; i < len; i++)
            self->buf[self->pos + i] = PyUnicode_READ(kind, data, i);
        self->pos += len;
        if (self->pos > self->string_size)
            self->string_size = self->pos;
    }
    Py_DECREF(decoded);
    return orig;
}

static PyObject *make_str(stringio *self, Py_ssize_t start, Py_ssize_t len)
{
    if (len <= 0)
        return PyUnicode_FromStringAndSize(NULL, 0);
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->buf + start, len);
}

static PyObject *stringio_getvalue(stringio *self, PyObject *unused)
{
    CHECK(self);
    return make_str(self, 0, self->string_size);
}

static PyObject *stringio_tell(stringio *self, PyObject *unused)
{
    CHECK(self);
    return PyLong_FromSsize_t(self->pos);
}

static PyObject *stringio_read(stringio *self, PyObject *args)
{
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "|O&:read", _PyIO_ConvertSsize_t, &size))
        return NULL;
    CHECK(self);
    Py_ssize_t avail = self->string_size - self->pos;
    if (avail < 0)
        avail = 0;
    if (size < 0 || size > avail)
        size = avail;
    PyObject *res = make_str(self, self->pos, size);
    if (res)
        self->pos += size;
    return res;
}

static PyObject *readline_impl(stringio *self, Py_ssize_t limit)
{
    if (self->pos >= self->string_size)
        return PyUnicode_FromStringAndSize(NULL, 0);
    Py_ssize_t end = self->string_size;
    if (limit >= 0 && self->pos + limit < end)
        end = self->pos + limit;
    PyObject *rest = make_str(self, self->pos, end - self->pos);
    if (rest == NULL)
        return NULL;
    Py_ssize_t consumed;
    Py_ssize_t len = _PyIO_find_line_ending(self->readtranslate, self->readuniversal,
                                            self->readnl, rest, 0, PyUnicode_GET_LENGTH(rest),
                                            &consumed);
    if (len < 0)
        len = PyUnicode_GET_LENGTH(rest);
    PyObject *line = PyUnicode_Substring(rest, 0, len);
    Py_DECREF(rest);
    if (line)
        self->pos += len;
    return line;
}

static PyObject *stringio_readline(stringio *self, PyObject *args)
{
    Py_ssize_t size = -1;
    if (!PyArg_ParseTuple(args, "|O&:readline", _PyIO_ConvertSsize_t, &size))
        return NULL;
    CHECK(self);
    return readline_impl(self, size);
}

static PyObject *stringio_iternext(stringio *self)
{
    CHECK(self);
    PyObject *line;
    if (Py_IS_TYPE(self, &PyStringIO_Type)) {
        line = readline_impl(self, -1);
    } else {
        /* A subclass may override readline(). */
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
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

static PyObject *stringio_truncate(stringio *self, PyObject *args)
{
    PyObject *arg = Py_None;
    if (!PyArg_ParseTuple(args, "|O:truncate", &arg))
        return NULL;
    CHECK(self);
    Py_ssize_t size;
    if (arg == Py_None) {
        size = self->pos;
    } else {
        size = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
        if (size == -1 && PyErr_Occurred())
            return NULL;
        if (size < 0) {
            PyErr_Format(PyExc_ValueError, "Negative size value %zd", size);
            return NULL;
        }
    }
    if (size < self->string_size)
        self->string_size = size;
    return PyLong_FromSsize_t(size);
}

static PyObject *stringio_seek(stringio *self, PyObject *args)
{
    Py_ssize_t pos;
    int mode = 0;
    if (!PyArg_ParseTuple(args, "n|i:seek", &pos, &mode))
        return NULL;
    CHECK(self);
    if (mode != 0 && mode != 1 && mode != 2) {
        PyErr_Format(PyExc_ValueError, "Invalid whence (%i, should be 0, 1 or 2)", mode);
        return NULL;
    }
    if (pos < 0 && mode == 0) {
        PyErr_Format(PyExc_ValueError, "Negative seek position %zd", pos);
        return NULL;
    }
    if (mode != 0 && pos != 0) {
        PyErr_SetString(PyExc_OSError, "Can't do nonzero cur-relative seeks");
        return NULL;
    }
    if (mode == 1)
        pos = self->pos;
    else if (mode == 2)
        pos = self->string_size;
    self->pos = pos;
    return PyLong_FromSsize_t(pos);
}

static PyObject *stringio_write(stringio *self, PyObject *obj)
{
    CHECK(self);
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "string argument expected, got '%s'", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    Py_ssize_t n = write_str(self, obj);
    return n < 0 ? NULL : PyLong_FromSsize_t(n);
}

static PyObject *stringio_close(stringio *self, PyObject *unused)
{
    self->closed = 1;
    PyMem_Free(self->buf);
    self->buf = NULL;
    self->buf_size = self->string_size = 0;
    Py_RETURN_NONE;
}

static PyObject *stringio_true(stringio *self, PyObject *unused)
{
    CHECK(self);
    Py_RETURN_TRUE;
}

static PyObject *stringio_getstate(stringio *self, PyObject *unused)
{
    PyObject *value = stringio_getvalue(self, NULL);
    if (value == NULL)
        return NULL;
    PyObject *dict = self->dict ? PyDict_Copy(self->dict) : Py_NewRef(Py_None);
    if (dict == NULL) {
        Py_DECREF(value);
        return NULL;
    }
    PyObject *state = Py_BuildValue("(OOnN)", value, self->readnl ? self->readnl : Py_None,
                                    self->pos, dict);
    Py_DECREF(value);
    return state;
}

static PyObject *stringio_get_closed(stringio *self, void *c)
{
    if (!self->ok) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return PyBool_FromLong(self->closed);
}

static PyObject *stringio_get_line_buffering(stringio *self, void *c)
{
    CHECK(self);
    Py_RETURN_FALSE;
}

static PyObject *stringio_get_newlines(stringio *self, void *c)
{
    CHECK(self);
    if (self->decoder == NULL)
        Py_RETURN_NONE;
    return PyObject_GetAttrString(self->decoder, "newlines");
}

static int stringio_init(PyObject *oself, PyObject *args, PyObject *kwds)
{
    stringio *self = (stringio *)oself;
    static char *kwlist[] = {"initial_value", "newline", NULL};
    PyObject *value = NULL, *newline_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:StringIO", kwlist, &value, &newline_obj))
        return -1;
    const char *newline = "\n";
    if (newline_obj == Py_None) {
        newline = NULL;
    } else if (newline_obj) {
        if (!PyUnicode_Check(newline_obj)) {
            PyErr_Format(PyExc_TypeError, "newline must be str or None, not %.200s",
                         Py_TYPE(newline_obj)->tp_name);
            return -1;
        }
        newline = PyUnicode_AsUTF8(newline_obj);
        if (newline == NULL)
            return -1;
    }
    if (newline && newline[0] != '\0' && !(newline[0] == '\n' && newline[1] == '\0') &&
        !(newline[0] == '\r' && newline[1] == '\0') &&
        !(newline[0] == '\r' && newline[1] == '\n' && newline[2] == '\0')) {
        PyErr_Format(PyExc_ValueError, "illegal newline value: %R", newline_obj);
        return -1;
    }
    if (value && value != Py_None && !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "initial_value must be str or None, not %.200s",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    self->ok = 0;
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->writenl);
    Py_CLEAR(self->decoder);
    if (newline) {
        self->readnl = PyUnicode_FromString(newline);
        if (self->readnl == NULL)
            return -1;
    }
    self->readuniversal = (newline == NULL || newline[0] == '\0');
    self->readtranslate = (newline == NULL);
    /* If newline == "", we don't translate anything; if newline == "\n" or
     * newline == None, "\n" is written as is; "\r" and "\r\n" translate on write. */
    if (newline && newline[0] == '\r')
        self->writenl = Py_NewRef(self->readnl);
    if (self->readuniversal) {
        self->decoder = PyObject_CallFunction((PyObject *)&PyIncrementalNewlineDecoder_Type, "Oi",
                                              Py_None, self->readtranslate);
        if (self->decoder == NULL)
            return -1;
    }
    self->string_size = 0;
    self->pos = 0;
    self->closed = 0;
    self->ok = 1;
    if (value && value != Py_None && PyUnicode_GET_LENGTH(value) > 0) {
        if (write_str(self, value) < 0)
            return -1;
    }
    self->pos = 0;
    return 0;
}

static PyObject *stringio_setstate(stringio *self, PyObject *state)
{
    if (self->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
        return NULL;
    }
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) < 4) {
        PyErr_Format(PyExc_TypeError, "%.200s.__setstate__ argument should be 4-tuple, got %.200s",
                     Py_TYPE(self)->tp_name, Py_TYPE(state)->tp_name);
        return NULL;
    }
    PyObject *initarg = PyTuple_GetSlice(state, 0, 2);
    if (initarg == NULL)
        return NULL;
    int r = stringio_init((PyObject *)self, initarg, NULL);
    Py_DECREF(initarg);
    if (r < 0)
        return NULL;
    /* Restore the buffer exactly, bypassing newline translation. */
    PyObject *value = PyTuple_GET_ITEM(state, 0);
    if (PyUnicode_Check(value)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(value);
        if (resize_buffer(self, len) < 0)
            return NULL;
        for (Py_ssize_t i = 0; i < len; i++)
            self->buf[i] = PyUnicode_READ_CHAR(value, i);
        self->string_size = len;
    }
    PyObject *posobj = PyTuple_GET_ITEM(state, 2);
    if (!PyLong_Check(posobj)) {
        PyErr_Format(PyExc_TypeError, "third item of state must be an integer, got %.200s",
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
    PyObject *dict = PyTuple_GET_ITEM(state, 3);
    if (dict != Py_None) {
        if (!PyDict_Check(dict)) {
            PyErr_Format(PyExc_TypeError, "fourth item of state should be a dict, got a %.200s",
                         Py_TYPE(dict)->tp_name);
            return NULL;
        }
        if (self->dict == NULL && (self->dict = PyDict_New()) == NULL)
            return NULL;
        if (PyDict_Update(self->dict, dict) < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *stringio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

static int stringio_traverse(stringio *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    Py_VISIT(self->decoder);
    return 0;
}

static int stringio_clear(stringio *self)
{
    Py_CLEAR(self->dict);
    Py_CLEAR(self->decoder);
    return 0;
}

static void stringio_dealloc(stringio *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    self->ok = 0;
    PyMem_Free(self->buf);
    Py_CLEAR(self->readnl);
    Py_CLEAR(self->writenl);
    Py_CLEAR(self->decoder);
    Py_CLEAR(self->dict);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef stringio_methods[] = {
    {"close", (PyCFunction)stringio_close, METH_NOARGS,
     "close($self, /)\n--\n\n"
     "Close the IO object.\n\n"
     "Attempting any further operation after the object is closed\n"
     "will raise a ValueError.\n\n"
     "This method has no effect if the file is already closed."},
    {"getvalue", (PyCFunction)stringio_getvalue, METH_NOARGS,
     "getvalue($self, /)\n--\n\n"
     "Retrieve the entire contents of the object."},
    {"read", (PyCFunction)stringio_read, METH_VARARGS,
     "read($self, size=-1, /)\n--\n\n"
     "Read at most size characters, returned as a string.\n\n"
     "If the argument is negative or omitted, read until EOF\n"
     "is reached. Return an empty string at EOF."},
    {"readline", (PyCFunction)stringio_readline, METH_VARARGS,
     "readline($self, size=-1, /)\n--\n\n"
     "Read until newline or EOF.\n\n"
     "Returns an empty string if EOF is hit immediately."},
    {"tell", (PyCFunction)stringio_tell, METH_NOARGS,
     "tell($self, /)\n--\n\n"
     "Tell the current file position."},
    {"truncate", (PyCFunction)stringio_truncate, METH_VARARGS,
     "truncate($self, pos=None, /)\n--\n\n"
     "Truncate size to pos.\n\n"
     "The pos argument defaults to the current file position, as\n"
     "returned by tell().  The current file position is unchanged.\n"
     "Returns the new absolute position."},
    {"seek", (PyCFunction)stringio_seek, METH_VARARGS,
     "seek($self, pos, whence=0, /)\n--\n\n"
     "Change stream position.\n\n"
     "Seek to character offset pos relative to position indicated by whence:\n"
     "    0  Start of stream (the default).  pos should be >= 0;\n"
     "    1  Current position - pos must be 0;\n"
     "    2  End of stream - pos must be 0.\n"
     "Returns the new absolute position."},
    {"write", (PyCFunction)stringio_write, METH_O,
     "write($self, s, /)\n--\n\n"
     "Write string to file.\n\n"
     "Returns the number of characters written, which is always equal to\n"
     "the length of the string."},
    {"seekable", (PyCFunction)stringio_true, METH_NOARGS,
     "seekable($self, /)\n--\n\n"
     "Returns True if the IO object can be seeked."},
    {"readable", (PyCFunction)stringio_true, METH_NOARGS,
     "readable($self, /)\n--\n\n"
     "Returns True if the IO object can be read."},
    {"writable", (PyCFunction)stringio_true, METH_NOARGS,
     "writable($self, /)\n--\n\n"
     "Returns True if the IO object can be written."},
    {"__getstate__", (PyCFunction)stringio_getstate, METH_NOARGS, NULL},
    {"__setstate__", (PyCFunction)stringio_setstate, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef stringio_getset[] = {
    {"closed", (getter)stringio_get_closed, NULL, NULL, NULL},
    {"newlines", (getter)stringio_get_newlines, NULL, NULL, NULL},
    {"line_buffering", (getter)stringio_get_line_buffering, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyStringIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(stringio),
    .tp_dealloc = (destructor)stringio_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "StringIO(initial_value='', newline='\\n')\n--\n\n"
              "Text I/O implementation using an in-memory buffer.\n\n"
              "The initial_value argument sets the value of object.  The newline\n"
              "argument is like the one of TextIOWrapper's constructor.",
    .tp_traverse = (traverseproc)stringio_traverse,
    .tp_clear = (inquiry)stringio_clear,
    .tp_weaklistoffset = offsetof(stringio, weakreflist),
    .tp_iternext = (iternextfunc)stringio_iternext,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
    .tp_base = &PyTextIOBase_Type,
    .tp_dictoffset = offsetof(stringio, dict),
    .tp_init = stringio_init,
    .tp_new = stringio_new,
};
