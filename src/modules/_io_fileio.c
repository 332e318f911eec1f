/* _io_fileio.c — _io.FileIO: raw, unbuffered binary I/O on an OS file descriptor
 * (open/close, read/readinto/readall/write, seek/tell/truncate, mode parsing and
 * CPython's error messages).  Buffering lives in _io_bufferedio.c, text in _io_textio.c. */
#include "Python.h"
#include "_iomodule.h"
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
    PyObject_HEAD
    int fd;
    unsigned int created : 1;
    unsigned int readable : 1;
    unsigned int writable : 1;
    unsigned int appending : 1;
    signed int seekable : 2;     /* -1 means unknown */
    unsigned int closefd : 1;
    char finalizing;
    long blksize;
    PyObject *weakreflist;
    PyObject *dict;
} fileio;

#define SMALLCHUNK 8192

static PyObject *err_closed(void)
{
    PyErr_SetString(PyExc_ValueError, "I/O operation on closed file");
    return NULL;
}

static PyObject *err_mode(const char *action)
{
    PyErr_Format(_PyIO_unsupported_operation, "File not open for %s", action);
    return NULL;
}

static PyObject *fileio_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    fileio *self = (fileio *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->fd = -1;
    self->seekable = -1;
    self->closefd = 1;
    self->blksize = 0;
    return (PyObject *)self;
}

static int internal_close(fileio *self)
{
    int err = 0, save_errno = 0;
    if (self->fd >= 0) {
        int fd = self->fd, r;
        self->fd = -1;
        Py_BEGIN_ALLOW_THREADS
        r = close(fd);
        save_errno = errno;
        Py_END_ALLOW_THREADS
        if (r < 0)
            err = -1;
    }
    if (err < 0) {
        errno = save_errno;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static int fileio_init(PyObject *oself, PyObject *args, PyObject *kwds)
{
    fileio *self = (fileio *)oself;
    static char *kwlist[] = {"file", "mode", "closefd", "opener", NULL};
    PyObject *nameobj, *stringobj = NULL, *opener = Py_None;
    const char *mode = "r";
    int closefd = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|spO:FileIO", kwlist, &nameobj, &mode,
                                     &closefd, &opener))
        return -1;

    if (self->fd >= 0) {
        if (self->closefd) {
            if (internal_close(self) < 0)
                return -1;
        } else {
            self->fd = -1;
        }
    }

    int fd = -1;
    if (PyFloat_Check(nameobj)) {
        PyErr_SetString(PyExc_TypeError, "integer argument expected, got float");
        return -1;
    }
    if (PyLong_Check(nameobj)) {
        int overflow;
        long v = PyLong_AsLongAndOverflow(nameobj, &overflow);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (overflow || v > INT_MAX || v < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return -1;
        }
        if (v < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
    }
    const char *path = NULL;
    if (fd < 0) {
        if (!PyUnicode_FSConverter(nameobj, &stringobj))
            return -1;
        path = PyBytes_AS_STRING(stringobj);
        if ((Py_ssize_t)strlen(path) != PyBytes_GET_SIZE(stringobj)) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            goto error;
        }
    }

    int rwa = 0, plus = 0, flags = 0;
    self->readable = self->writable = self->created = self->appending = 0;
    for (const char *s = mode; *s; s++) {
        switch (*s) {
        case 'x':
            if (rwa) goto bad_mode;
            rwa = 1; self->created = 1; self->writable = 1;
            flags |= O_EXCL | O_CREAT;
            break;
        case 'r':
            if (rwa) goto bad_mode;
            rwa = 1; self->readable = 1;
            break;
        case 'w':
            if (rwa) goto bad_mode;
            rwa = 1; self->writable = 1;
            flags |= O_CREAT | O_TRUNC;
            break;
        case 'a':
            if (rwa) goto bad_mode;
            rwa = 1; self->writable = 1; self->appending = 1;
            flags |= O_APPEND | O_CREAT;
            break;
        case 'b':
            break;
        case '+':
            if (plus) goto bad_mode;
            self->readable = self->writable = 1;
            plus = 1;
            break;
        default:
            PyErr_Format(PyExc_ValueError, "invalid mode: %.200s", mode);
            goto error;
        }
    }
    if (!rwa)
        goto bad_mode;
    if (self->readable && self->writable)
        flags |= O_RDWR;
    else if (self->readable)
        flags |= O_RDONLY;
    else
        flags |= O_WRONLY;
    flags |= O_CLOEXEC;

    if (PySys_Audit("open", "Osi", nameobj, mode, flags) < 0)
        goto error;

    if (fd >= 0) {
        self->fd = fd;
        self->closefd = closefd;
    } else {
        self->closefd = 1;
        if (!closefd) {
            PyErr_SetString(PyExc_ValueError, "Cannot use closefd=False with file name");
            goto error;
        }
        errno = 0;
        if (opener == Py_None) {
            int fdr, err;
            do {
                Py_BEGIN_ALLOW_THREADS
                fdr = open(path, flags, 0666);
                err = errno;
                Py_END_ALLOW_THREADS
                errno = err;
                self->fd = fdr;
            } while (self->fd < 0 && errno == EINTR && !PyErr_CheckSignals());
            if (PyErr_Occurred())
                goto error;
        } else {
            PyObject *fdobj = PyObject_CallFunction(opener, "Oi", nameobj, flags);
            if (fdobj == NULL)
                goto error;
            if (!PyLong_Check(fdobj)) {
                Py_DECREF(fdobj);
                PyErr_SetString(PyExc_TypeError, "expected integer from opener");
                goto error;
            }
            self->fd = (int)PyLong_AsLong(fdobj);
            Py_DECREF(fdobj);
            if (self->fd < 0) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_ValueError, "opener returned %d", self->fd);
                goto error;
            }
        }
        if (self->fd < 0) {
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
            goto error;
        }
    }

    self->blksize = DEFAULT_BUFFER_SIZE;
    struct stat st;
    if (fstat(self->fd, &st) < 0) {
        /* A bad fd passed in by the caller: CPython reports EBADF here. */
        if (errno == EBADF) {
            PyErr_SetFromErrno(PyExc_OSError);
            goto error;
        }
    } else {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, nameobj);
            goto error;
        }
        if (st.st_blksize > 1)
            self->blksize = st.st_blksize;
    }

    if (PyObject_SetAttrString(oself, "name", nameobj) < 0)
        goto error;
    if (self->appending) {
        /* For consistent behaviour, explicitly seek to the end of file (otherwise, it
         * might be done only on the first write()). */
        if (lseek(self->fd, 0, SEEK_END) < 0 && errno != ESPIPE) {
            PyErr_SetFromErrno(PyExc_OSError);
            goto error;
        }
    }
    Py_XDECREF(stringobj);
    return 0;

bad_mode:
    PyErr_SetString(PyExc_ValueError,
                    "Must have exactly one of create/read/write/append mode and at most one plus");
error:
    if (self->fd >= 0 && fd < 0) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        close(self->fd);
        PyErr_Restore(t, v, tb);
    }
    self->fd = -1;
    Py_XDECREF(stringobj);
    return -1;
}

static int fileio_traverse(fileio *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    return 0;
}

static int fileio_clear(fileio *self)
{
    Py_CLEAR(self->dict);
    return 0;
}

static void fileio_dealloc(fileio *self)
{
    self->finalizing = 1;
    if (PyObject_CallFinalizerFromDealloc((PyObject *)self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)     /* else a weakref proxy would reach freed memory */
        PyObject_ClearWeakRefs((PyObject *)self);
    Py_CLEAR(self->dict);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* ---- methods ---- */

static PyObject *fileio_close(fileio *self, PyObject *unused)
{
    /* _RawIOBase.close(self) flushes and sets the closed flag; then the fd goes. */
    PyObject *res = PyObject_CallMethod((PyObject *)&PyRawIOBase_Type, "close", "O", self);
    if (!self->closefd) {
        self->fd = -1;
        return res;
    }
    PyObject *t = NULL, *v = NULL, *tb = NULL;
    if (res == NULL)
        PyErr_Fetch(&t, &v, &tb);
    if (self->finalizing && self->fd >= 0) {
        PyObject *r = PyObject_CallMethod((PyObject *)self, "_dealloc_warn", "O", self);
        if (r)
            Py_DECREF(r);
        else
            PyErr_Clear();
    }
    int rc = internal_close(self);
    if (res == NULL)
        _PyErr_ChainExceptions(t, v, tb);
    if (rc < 0)
        Py_CLEAR(res);
    return res;
}

static PyObject *fileio_dealloc_warn(fileio *self, PyObject *source)
{
    if (self->fd >= 0 && self->closefd) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        if (PyErr_ResourceWarning(source, 1, "unclosed file %R", source))
            PyErr_Clear();
        PyErr_Restore(t, v, tb);
    }
    Py_RETURN_NONE;
}

static PyObject *fileio_readable(fileio *self, PyObject *unused)
{
    if (self->fd < 0)
        return err_closed();
    return PyBool_FromLong(self->readable);
}

static PyObject *fileio_writable(fileio *self, PyObject *unused)
{
    if (self->fd < 0)
        return err_closed();
    return PyBool_FromLong(self->writable);
}

static PyObject *fileio_seekable(fileio *self, PyObject *unused)
{
    if (self->fd < 0)
        return err_closed();
    if (self->seekable < 0) {
        off_t pos = lseek(self->fd, 0, SEEK_CUR);
        self->seekable = pos < 0 ? 0 : 1;
    }
    return PyBool_FromLong(self->seekable);
}

int _PyFileIO_closed(PyObject *self)
{
    return ((fileio *)self)->fd < 0;
}

static PyObject *fileio_fileno(fileio *self, PyObject *unused)
{
    if (self->fd < 0)
        return err_closed();
    return PyLong_FromLong(self->fd);
}

static PyObject *fileio_isatty(fileio *self, PyObject *unused)
{
    if (self->fd < 0)
        return err_closed();
    return PyBool_FromLong(isatty(self->fd));
}

/* Read up to n bytes into buf; -2 means EAGAIN (return None), -1 an error is set. */
static Py_ssize_t fileio_read_raw(fileio *self, char *buf, Py_ssize_t n)
{
    Py_ssize_t r;
    for (;;) {
        int err;
        /* Blocking reads (pipes, ttys) must not stop the other threads. */
        Py_BEGIN_ALLOW_THREADS
        errno = 0;
        r = read(self->fd, buf, (size_t)n);
        err = errno;
        Py_END_ALLOW_THREADS
        errno = err;
        if (r >= 0)
            return r;
        if (errno == EINTR) {
            if (PyErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        if (errno == EAGAIN)
            return -2;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
}

static PyObject *fileio_readall(fileio *self, PyObject *unused)
{
    if (self->fd < 0)
        return err_closed();
    if (!self->readable)
        return err_mode("reading");
    Py_ssize_t bufsize = SMALLCHUNK, total = 0;
    struct stat st;
    off_t pos = lseek(self->fd, 0, SEEK_CUR);
    if (fstat(self->fd, &st) == 0 && pos >= 0 && st.st_size >= pos && S_ISREG(st.st_mode))
        bufsize = (Py_ssize_t)(st.st_size - pos) + 1;
    PyObject *result = PyBytes_FromStringAndSize(NULL, bufsize);
    if (result == NULL)
        return NULL;
    for (;;) {
        if (total >= bufsize) {
            bufsize = total + (total >> 3) + SMALLCHUNK;
            if (_PyBytes_Resize(&result, bufsize) < 0)
                return NULL;
        }
        Py_ssize_t n = fileio_read_raw(self, PyBytes_AS_STRING(result) + total, bufsize - total);
        if (n == -1) {
            Py_DECREF(result);
            return NULL;
        }
        if (n == -2) {
            if (total > 0)
                break;
            Py_DECREF(result);
            Py_RETURN_NONE;
        }
        if (n == 0)
            break;
        total += n;
    }
    if (PyBytes_GET_SIZE(result) > total && _PyBytes_Resize(&result, total) < 0)
        return NULL;
    return result;
}

static PyObject *fileio_read(fileio *self, PyObject *args)
{
    Py_ssize_t size = -1;
    if (self->fd < 0)
        return err_closed();
    if (!self->readable)
        return err_mode("reading");
    if (!PyArg_ParseTuple(args, "|O&:read", _PyIO_ConvertSsize_t, &size))
        return NULL;
    if (size < 0)
        return fileio_readall(self, NULL);
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, size);
    if (bytes == NULL)
        return NULL;
    Py_ssize_t n = fileio_read_raw(self, PyBytes_AS_STRING(bytes), size);
    if (n < 0) {
        Py_DECREF(bytes);
        if (n == -2)
            Py_RETURN_NONE;
        return NULL;
    }
    if (n != size && _PyBytes_Resize(&bytes, n) < 0)
        return NULL;
    return bytes;
}

static PyObject *fileio_readinto(fileio *self, PyObject *arg)
{
    if (self->fd < 0)
        return err_closed();
    if (!self->readable)
        return err_mode("reading");
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, "readinto") < 0)
        return NULL;
    Py_ssize_t n = fileio_read_raw(self, view.buf, view.len);
    PyBuffer_Release(&view);
    if (n == -2)
        Py_RETURN_NONE;
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *fileio_write(fileio *self, PyObject *arg)
{
    if (self->fd < 0)
        return err_closed();
    if (!self->writable)
        return err_mode("writing");
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    Py_ssize_t n;
    for (;;) {
        int err;
        Py_BEGIN_ALLOW_THREADS
        errno = 0;
        n = write(self->fd, view.buf, (size_t)view.len);
        err = errno;
        Py_END_ALLOW_THREADS
        errno = err;
        if (n >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0) {
            PyBuffer_Release(&view);
            return NULL;
        }
    }
    PyBuffer_Release(&view);
    if (n < 0) {
        if (errno == EAGAIN)
            Py_RETURN_NONE;
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *portable_lseek(fileio *self, PyObject *posobj, int whence, int suppress_pipe_error)
{
    Py_off_t pos = 0;
    if (posobj != NULL) {
        if (PyFloat_Check(posobj)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return NULL;
        }
        pos = PyLong_AsOff_t(posobj);
        if (pos == -1 && PyErr_Occurred())
            return NULL;
    }
    off_t res;
    int err;
    Py_BEGIN_ALLOW_THREADS
    res = lseek(self->fd, (off_t)pos, whence);
    err = errno;
    Py_END_ALLOW_THREADS
    errno = err;
    if (self->seekable < 0)
        self->seekable = res >= 0;
    if (res < 0) {
        if (suppress_pipe_error && errno == ESPIPE) {
            res = 0;
        } else {
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
    }
    return PyLong_FromOff_t(res);
}

static PyObject *fileio_seek(fileio *self, PyObject *args)
{
    PyObject *pos;
    int whence = 0;
    if (!PyArg_ParseTuple(args, "O|i:seek", &pos, &whence))
        return NULL;
    if (self->fd < 0)
        return err_closed();
    return portable_lseek(self, pos, whence, 0);
}

static PyObject *fileio_tell(fileio *self, PyObject *unused)
{
    if (self->fd < 0)
        return err_closed();
    return portable_lseek(self, NULL, SEEK_CUR, 0);
}

static PyObject *fileio_truncate(fileio *self, PyObject *args)
{
    PyObject *posobj = Py_None;
    if (!PyArg_ParseTuple(args, "|O:truncate", &posobj))
        return NULL;
    if (self->fd < 0)
        return err_closed();
    if (!self->writable)
        return err_mode("writing");
    PyObject *pos;
    if (posobj == Py_None) {
        pos = portable_lseek(self, NULL, SEEK_CUR, 0);
        if (pos == NULL)
            return NULL;
    } else {
        pos = Py_NewRef(posobj);
    }
    Py_off_t p = PyLong_AsOff_t(pos);
    if (p == -1 && PyErr_Occurred()) {
        Py_DECREF(pos);
        return NULL;
    }
    int r, err;
    Py_BEGIN_ALLOW_THREADS
    r = ftruncate(self->fd, (off_t)p);
    err = errno;
    Py_END_ALLOW_THREADS
    errno = err;
    if (r < 0) {
        Py_DECREF(pos);
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return pos;
}

static const char *mode_string(fileio *self)
{
    if (self->created)
        return self->readable ? "xb+" : "xb";
    if (self->appending)
        return self->readable ? "ab+" : "ab";
    if (self->readable)
        return self->writable ? "rb+" : "rb";
    return "wb";
}

/* CPython spells the class "_io.FileIO" here even for subclasses. */
static PyObject *fileio_repr(fileio *self)
{
    if (self->fd < 0)
        return PyUnicode_FromFormat("<_io.FileIO [closed]>");
    PyObject *nameobj, *name = PyUnicode_FromString("name");
    if (name == NULL)
        return NULL;
    int r = _PyObject_LookupAttr((PyObject *)self, name, &nameobj);
    Py_DECREF(name);
    if (r < 0)
        return NULL;
    const char *closefd = self->closefd ? "True" : "False";
    if (nameobj == NULL)
        return PyUnicode_FromFormat("<_io.FileIO fd=%d mode='%s' closefd=%s>",
                                    self->fd, mode_string(self), closefd);
    PyObject *res = NULL;
    if (Py_ReprEnter((PyObject *)self) > 0) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__", Py_TYPE(self)->tp_name);
    } else {
        res = PyUnicode_FromFormat("<_io.FileIO name=%R mode='%s' closefd=%s>",
                                   nameobj, mode_string(self), closefd);
        Py_ReprLeave((PyObject *)self);
    }
    Py_DECREF(nameobj);
    return res;
}

static PyObject *fileio_getstate(fileio *self, PyObject *unused)
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' object", Py_TYPE(self)->tp_name);
    return NULL;
}

static PyObject *fileio_get_closed(fileio *self, void *c) { return PyBool_FromLong(self->fd < 0); }
static PyObject *fileio_get_closefd(fileio *self, void *c) { return PyBool_FromLong(self->closefd); }
static PyObject *fileio_get_mode(fileio *self, void *c) { return PyUnicode_FromString(mode_string(self)); }
static PyObject *fileio_get_blksize(fileio *self, void *c) { return PyLong_FromLong(self->blksize); }

static PyMethodDef fileio_methods[] = {
    {"read", (PyCFunction)fileio_read, METH_VARARGS,
     "read($self, size=-1, /)\n--\n\n"
     "Read at most size bytes, returned as bytes.\n\n"
     "Only makes one system call, so less data may be returned than requested.\n"
     "In non-blocking mode, returns None if no data is available.\n"
     "Return an empty bytes object at EOF."},
    {"readall", (PyCFunction)fileio_readall, METH_NOARGS,
     "readall($self, /)\n--\n\n"
     "Read all data from the file, returned as bytes.\n\n"
     "In non-blocking mode, returns as much as is immediately available,\n"
     "or None if no data is available.  Return an empty bytes object at EOF."},
    {"readinto", (PyCFunction)fileio_readinto, METH_O,
     "readinto($self, buffer, /)\n--\n\n"
     "Same as RawIOBase.readinto()."},
    {"write", (PyCFunction)fileio_write, METH_O,
     "write($self, b, /)\n--\n\n"
     "Write buffer b to file, return number of bytes written.\n\n"
     "Only makes one system call, so not all of the data may be written.\n"
     "The number of bytes actually written is returned.  In non-blocking mode,\n"
     "returns None if the write would block."},
    {"seek", (PyCFunction)fileio_seek, METH_VARARGS,
     "seek($self, pos, whence=0, /)\n--\n\n"
     "Move to new file position and return the file position.\n\n"
     "Argument offset is a byte count.  Optional argument whence defaults to\n"
     "SEEK_SET or 0 (offset from start of file, offset should be >= 0); other values\n"
     "are SEEK_CUR or 1 (move relative to current position, positive or negative),\n"
     "and SEEK_END or 2 (move relative to end of file, usually negative, although\n"
     "many platforms allow seeking beyond the end of a file).\n\n"
     "Note that not all file objects are seekable."},
    {"tell", (PyCFunction)fileio_tell, METH_NOARGS,
     "tell($self, /)\n--\n\n"
     "Current file position.\n\n"
     "Can raise OSError for non seekable files."},
    {"truncate", (PyCFunction)fileio_truncate, METH_VARARGS,
     "truncate($self, size=None, /)\n--\n\n"
     "Truncate the file to at most size bytes and return the truncated size.\n\n"
     "Size defaults to the current file position, as returned by tell().\n"
     "The current file position is changed to the value of size."},
    {"close", (PyCFunction)fileio_close, METH_NOARGS,
     "close($self, /)\n--\n\n"
     "Close the file.\n\n"
     "A closed file cannot be used for further I/O operations.  close() may be\n"
     "called more than once without error."},
    {"seekable", (PyCFunction)fileio_seekable, METH_NOARGS,
     "seekable($self, /)\n--\n\n"
     "True if file supports random-access."},
    {"readable", (PyCFunction)fileio_readable, METH_NOARGS,
     "readable($self, /)\n--\n\n"
     "True if file was opened in a read mode."},
    {"writable", (PyCFunction)fileio_writable, METH_NOARGS,
     "writable($self, /)\n--\n\n"
     "True if file was opened in a write mode."},
    {"fileno", (PyCFunction)fileio_fileno, METH_NOARGS,
     "fileno($self, /)\n--\n\n"
     "Return the underlying file descriptor (an integer)."},
    {"isatty", (PyCFunction)fileio_isatty, METH_NOARGS,
     "isatty($self, /)\n--\n\n"
     "True if the file is connected to a TTY device."},
    {"_dealloc_warn", (PyCFunction)fileio_dealloc_warn, METH_O, NULL},
    {"__getstate__", (PyCFunction)fileio_getstate, METH_NOARGS,
     "__getstate__($self, /)\n--\n\n"
     "Helper for pickle."},
    {NULL, NULL, 0, NULL}
};

/* _finalizing is writable, as in CPython: _IOBase's finalizer sets it before close(), which
 * then emits the "unclosed file" ResourceWarning (subclasses and cycles included). */
static PyMemberDef fileio_members[] = {
    {"_finalizing", T_BOOL, offsetof(fileio, finalizing), 0, NULL},
    {NULL},
};

static PyGetSetDef fileio_getsetlist[] = {
    {"closed", (getter)fileio_get_closed, NULL, "True if the file is closed", NULL},
    {"closefd", (getter)fileio_get_closefd, NULL, "True if the file descriptor will be closed by close().", NULL},
    {"mode", (getter)fileio_get_mode, NULL, "String giving the file mode", NULL},
    {"_blksize", (getter)fileio_get_blksize, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyFileIO_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.FileIO",
    .tp_basicsize = sizeof(fileio),
    .tp_dealloc = (destructor)fileio_dealloc,
    .tp_members = fileio_members,
    .tp_repr = (reprfunc)fileio_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "FileIO(file, mode='r', closefd=True, opener=None)\n--\n\n"
              "Open a file.\n\n"
              "The mode can be 'r' (default), 'w', 'x' or 'a' for reading,\n"
              "writing, exclusive creation or appending.  The file will be created if it\n"
              "doesn't exist when opened for writing or appending; it will be truncated\n"
              "when opened for writing.  A FileExistsError will be raised if it already\n"
              "exists when opened for creating. Opening a file for creating implies\n"
              "writing so this mode behaves in a similar way to 'w'.Add a '+' to the mode\n"
              "to allow simultaneous reading and writing. A custom opener can be used by\n"
              "passing a callable as *opener*. The underlying file descriptor for the file\n"
              "object is then obtained by calling opener with (*name*, *flags*).\n"
              "*opener* must return an open file descriptor (passing os.open as *opener*\n"
              "results in functionality similar to passing None).",
    .tp_traverse = (traverseproc)fileio_traverse,
    .tp_clear = (inquiry)fileio_clear,
    .tp_weaklistoffset = offsetof(fileio, weakreflist),
    .tp_methods = fileio_methods,
    .tp_getset = fileio_getsetlist,
    .tp_base = &PyRawIOBase_Type,
    .tp_dictoffset = offsetof(fileio, dict),
    .tp_init = fileio_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = fileio_new,
    .tp_free = PyObject_GC_Del,
};
