/* _io_bufferedio.c — _io._BufferedIOBase and the buffered binary streams over a raw
 * stream: BufferedReader, BufferedWriter, BufferedRandom (one shared implementation
 * with a read buffer and a write buffer, at most one of them non-empty at a time) and
 * BufferedRWPair.  The raw stream is driven only through its Python-level methods
 * (readinto/write/seek/tell/... on memoryviews of our buffers), so any _RawIOBase
 * subclass works. */
#include "Python.h"
#include "pythread.h"
#include "_iomodule.h"

/* ===================== _BufferedIOBase ===================== */

static PyObject *bufferediobase_unsupported(const char *name)
{
    return _PyIOBase_raise_unsupported(name);
}

static PyObject *bufferediobase_read(PyObject *self, PyObject *args) { return bufferediobase_unsupported("read"); }
static PyObject *bufferediobase_read1(PyObject *self, PyObject *args) { return bufferediobase_unsupported("read1"); }
static PyObject *bufferediobase_write(PyObject *self, PyObject *args) { return bufferediobase_unsupported("write"); }
static PyObject *bufferediobase_detach(PyObject *self, PyObject *args) { return bufferediobase_unsupported("detach"); }

/* readinto(b) via read(len(b)) (or read1 for readinto1). */
static PyObject *readinto_generic(PyObject *self, PyObject *arg, const char *method)
{
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, strcmp(method, "read1") ? "readinto" : "readinto1") < 0)
        return NULL;
    PyObject *data = PyObject_CallMethod(self, method, "n", view.len);
    if (data == NULL)
        goto fail;
    if (!PyBytes_Check(data)) {
        Py_DECREF(data);
        PyErr_SetString(PyExc_TypeError, "read() should return bytes");
        goto fail;
    }
    Py_ssize_t len = PyBytes_GET_SIZE(data);
    if (len > view.len) {
        PyErr_Format(PyExc_ValueError, "read() returned too much data: %zd bytes requested, %zd returned",
                     view.len, len);
        Py_DECREF(data);
        goto fail;
    }
    memcpy(view.buf, PyBytes_AS_STRING(data), len);
    PyBuffer_Release(&view);
    Py_DECREF(data);
    return PyLong_FromSsize_t(len);
fail:
    PyBuffer_Release(&view);
    return NULL;
}

static PyObject *bufferediobase_readinto(PyObject *self, PyObject *arg) { return readinto_generic(self, arg, "read"); }
static PyObject *bufferediobase_readinto1(PyObject *self, PyObject *arg) { return readinto_generic(self, arg, "read1"); }

static PyMethodDef bufferediobase_methods[] = {
    {"detach", bufferediobase_detach, METH_NOARGS,
     "detach($self, /)\n--\n\n"
     "Disconnect this buffer from its underlying raw stream and return it.\n\n"
     "After the raw stream has been detached, the buffer is in an unusable\n"
     "state."},
    {"read", bufferediobase_read, METH_VARARGS,
     "Read and return up to n bytes.\n\n"
     "If the argument is omitted, None, or negative, reads and\n"
     "returns all data until EOF.\n\n"
     "If the argument is positive, and the underlying raw stream is\n"
     "not 'interactive', multiple raw reads may be issued to satisfy\n"
     "the byte count (unless EOF is reached first).  But for\n"
     "interactive raw streams (as well as sockets and pipes), at most\n"
     "one raw read will be issued, and a short result does not imply\n"
     "that EOF is imminent.\n\n"
     "Returns an empty bytes object on EOF.\n\n"
     "Returns None if the underlying raw stream was open in non-blocking\n"
     "mode and no data is available at the moment.\n"},
    {"read1", bufferediobase_read1, METH_VARARGS,
     "Read and return up to n bytes, with at most one read() call\n"
     "to the underlying raw stream. A short result does not imply\n"
     "that EOF is imminent.\n\n"
     "Returns an empty bytes object on EOF.\n"},
    {"readinto", bufferediobase_readinto, METH_O,
     "readinto($self, buffer, /)\n--\n\n"},
    {"readinto1", bufferediobase_readinto1, METH_O,
     "readinto1($self, buffer, /)\n--\n\n"},
    {"write", bufferediobase_write, METH_VARARGS,
     "Write the given buffer to the IO stream.\n\n"
     "Returns the number of bytes written, which is always the length of b\n"
     "in bytes.\n\n"
     "Raises BlockingIOError if the buffer is full and the\n"
     "underlying raw stream cannot accept more data at the moment.\n"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyBufferedIOBase_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io._BufferedIOBase",
    .tp_basicsize = sizeof(PyObject) + 2 * sizeof(PyObject *),   /* _IOBase's layout */
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Base class for buffered IO objects.\n\n"
              "The main difference with RawIOBase is that the read() method\n"
              "supports omitting the size argument, and does not have a default\n"
              "implementation that defers to readinto().\n\n"
              "In addition, read(), readinto() and write() may raise\n"
              "BlockingIOError if the underlying raw stream is in non-blocking\n"
              "mode and not ready; unlike their raw counterparts, they will never\n"
              "return None.\n\n"
              "A typical implementation should not inherit from a RawIOBase\n"
              "implementation, but wrap one.\n",
    .tp_methods = bufferediobase_methods,
    .tp_base = &PyIOBase_Type,
};

/* ===================== Buffered{Reader,Writer,Random} ===================== */

typedef struct {
    PyObject_HEAD
    PyObject *raw;
    int ok;               /* initialized? */
    int detached;
    int readable, writable;
    char finalizing;
    PyThread_type_lock lock;      /* held by the thread inside a method (the GIL is released */
    volatile unsigned long owner; /* around raw I/O, so another thread could get in) */
    Py_ssize_t buffer_size;
    char *rbuf;           /* read-ahead: rbuf[rpos:rend] not yet returned */
    Py_ssize_t rpos, rend;
    char *wbuf;           /* pending writes: wbuf[0:wlen] */
    Py_ssize_t wlen;
    PyObject *dict;
    PyObject *weakreflist;
} buffered;

static int check_init(buffered *self)
{
    if (self->ok)
        return 0;
    if (self->detached)
        PyErr_SetString(PyExc_ValueError, "raw stream has been detached");
    else
        PyErr_SetString(PyExc_ValueError, "I/O operation on uninitialized object");
    return -1;
}
#define CHECK_INIT(self, err) if (check_init(self) < 0) return err

/* repr(self) for the fatal error below (a placeholder if repr fails). */
static const char *buffered_repr_for_fatal(buffered *self)
{
    static char buf[256];
    static int reporting = 0;
    /* repr() runs Python code, which may write to this very stream and come back here:
     * the nested report must not call it again */
    if (reporting)
        return "<buffered io object>";
    reporting = 1;
    PyObject *r = PyObject_Repr((PyObject *)self);
    const char *u = r ? PyUnicode_AsUTF8(r) : NULL;
    snprintf(buf, sizeof buf, "%s", u ? u : "<buffered io object>");
    PyErr_Clear();
    Py_XDECREF(r);
    return buf;
}

/* As CPython's ENTER_BUFFERED: take the object's lock, waiting with the GIL released; a
 * thread re-entering its own call (a signal handler printing mid-print) gets RuntimeError. */
static int enter_buffered_busy(buffered *self)
{
    if (self->owner == PyThread_get_thread_ident()) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %R", self);
        return 0;
    }
    /* At shutdown a daemon thread may have died holding the lock: wait only a while. */
    int relax = _Py_IsFinalizing();
    PyLockStatus st;
    Py_BEGIN_ALLOW_THREADS
    if (!relax)
        st = PyThread_acquire_lock(self->lock, 1) ? PY_LOCK_ACQUIRED : PY_LOCK_FAILURE;
    else
        st = PyThread_acquire_lock_timed(self->lock, (PY_TIMEOUT_T)1000000, 0);
    Py_END_ALLOW_THREADS
    if (st != PY_LOCK_ACQUIRED)
        _Py_FatalErrorFormat("_enter_buffered_busy",
                             "could not acquire lock for %s at interpreter shutdown, "
                             "possibly due to daemon threads", buffered_repr_for_fatal(self));
    return 1;
}

static int enter_buffered(buffered *self)
{
    if (!PyThread_acquire_lock(self->lock, 0) && !enter_buffered_busy(self))
        return 0;
    self->owner = PyThread_get_thread_ident();
    return 1;
}

static void leave_buffered(buffered *self)
{
    self->owner = 0;
    PyThread_release_lock(self->lock);
}

/* Method-table entry points: the lock around an unlocked implementation. */
#define LOCKED(name, impl, argtype) \
    static PyObject *name(buffered *self, argtype arg) \
    { \
        CHECK_INIT(self, NULL); \
        if (!enter_buffered(self)) \
            return NULL; \
        PyObject *res = impl(self, arg); \
        leave_buffered(self); \
        return res; \
    }

static int raw_closed(buffered *self)
{
    if (Py_IS_TYPE(self->raw, &PyFileIO_Type))
        return _PyFileIO_closed(self->raw);
    PyObject *res = PyObject_GetAttrString(self->raw, "closed");
    if (res == NULL)
        return -1;
    int r = PyObject_IsTrue(res);
    Py_DECREF(res);
    return r;
}

PyObject *_PyBuffered_fast_raw(PyObject *buffer)
{
    PyTypeObject *tp = Py_TYPE(buffer);
    if (tp != &PyBufferedReader_Type && tp != &PyBufferedWriter_Type && tp != &PyBufferedRandom_Type)
        return NULL;
    buffered *b = (buffered *)buffer;
    if (!b->ok || b->raw == NULL || !Py_IS_TYPE(b->raw, &PyFileIO_Type))
        return NULL;
    return b->raw;
}

/* CPython's CHECK_CLOSED only raises when there is nothing buffered left to return
 * for reads; we keep it simple and check the raw stream's flag. */
static int check_closed(buffered *self, const char *msg)
{
    int r = raw_closed(self);
    if (r < 0)
        return -1;
    if (r) {
        if (self->rend - self->rpos > 0 && strcmp(msg, "read of closed file") == 0)
            return 0;
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    return 0;
}

static Py_off_t raw_tell(buffered *self)
{
    PyObject *res = PyObject_CallMethod(self->raw, "tell", NULL);
    if (res == NULL)
        return -1;
    Py_off_t n = PyLong_AsOff_t(res);
    Py_DECREF(res);
    if (n < 0) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_OSError, "Raw stream returned invalid position %lld", n);
        return -1;
    }
    return n;
}

static Py_off_t raw_seek(buffered *self, Py_off_t target, int whence)
{
    PyObject *res = PyObject_CallMethod(self->raw, "seek", "Li", target, whence);
    if (res == NULL)
        return -1;
    Py_off_t n = PyLong_AsOff_t(res);
    Py_DECREF(res);
    if (n < 0) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_OSError, "Raw stream returned invalid position %lld", n);
        return -1;
    }
    return n;
}

/* Like CPython's _set_BlockingIOError: errno (EAGAIN from the raw write), message, and
 * how many bytes of this call were accepted (characters_written). */
static void set_blocking_error(const char *msg, Py_ssize_t written)
{
    PyObject *err = PyObject_CallFunction(PyExc_BlockingIOError, "isn", errno, msg, written);
    if (err != NULL) {
        PyErr_SetObject(PyExc_BlockingIOError, err);
        Py_DECREF(err);
    }
}

/* A memoryview over dst[0:n] for handing to the raw stream's readinto()/write(): the raw
 * stream fills or drains our own buffer directly, without an intermediate bytes object. */
static PyObject *view_of(char *dst, Py_ssize_t n, int readonly)
{
    Py_buffer buf;
    if (PyBuffer_FillInfo(&buf, NULL, dst, n, readonly, readonly ? PyBUF_CONTIG_RO : PyBUF_CONTIG) < 0)
        return NULL;
    return PyMemoryView_FromBuffer(&buf);
}

/* Release (best effort, keeping any pending exception) and drop a view_of() view. */
static void release_view(PyObject *mem)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *r = PyObject_CallMethodNoArgs(mem, _Py_ID(release));
    if (r != NULL)
        Py_DECREF(r);
    else
        PyErr_Clear();
    PyErr_Restore(t, v, tb);
    Py_DECREF(mem);
}

/* raw.readinto(dst[:n]): bytes read, 0 at EOF, -2 for "no data now" (None), -1 error. */
static Py_ssize_t raw_read(buffered *self, char *dst, Py_ssize_t n)
{
    PyObject *mem = view_of(dst, n, 0);
    if (mem == NULL)
        return -1;
    PyObject *res;
    do {
        res = PyObject_CallMethodOneArg(self->raw, _Py_ID(readinto), mem);
    } while (res == NULL && _PyIO_trap_eintr());
    /* The raw stream must not keep using our buffer after the call. */
    release_view(mem);
    if (res == NULL)
        return -1;
    if (res == Py_None) {
        Py_DECREF(res);
        return -2;
    }
    Py_ssize_t len = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (len == -1 && PyErr_Occurred()) {
        _PyErr_FormatFromCause(PyExc_OSError, "raw readinto() failed");
        return -1;
    }
    if (len < 0 || len > n) {
        PyErr_Format(PyExc_OSError, "raw readinto() returned invalid length %zd (should have been between 0 and %zd)",
                     len, n);
        return -1;
    }
    return len;
}

/* raw.write(data[:n]) once: bytes written, -2 if it would block (errno kept), -1 on error. */
static Py_ssize_t raw_write(buffered *self, const char *data, Py_ssize_t n)
{
    PyObject *mem = view_of((char *)data, n, 1);
    if (mem == NULL)
        return -1;
    PyObject *res;
    int errnum;
    do {
        errno = 0;
        res = PyObject_CallMethodOneArg(self->raw, _Py_ID(write), mem);
        errnum = errno;
    } while (res == NULL && _PyIO_trap_eintr());
    release_view(mem);
    if (res == NULL)
        return -1;
    if (res == Py_None) {
        Py_DECREF(res);
        errno = errnum;
        return -2;
    }
    Py_ssize_t w = PyNumber_AsSsize_t(res, PyExc_ValueError);
    Py_DECREF(res);
    if (w == -1 && PyErr_Occurred())
        return -1;
    if (w < 0 || w > n) {
        PyErr_Format(PyExc_OSError, "raw write() returned invalid length %zd (should have been between 0 and %zd)",
                     w, n);
        return -1;
    }
    return w;
}

/* Write out the pending write buffer. */
static int flush_writes(buffered *self)
{
    Py_ssize_t done = 0;
    while (done < self->wlen) {
        Py_ssize_t n = raw_write(self, self->wbuf + done, self->wlen - done);
        if (n == -1)
            goto fail;
        if (n == -2) {
            set_blocking_error("write could not complete without blocking", 0);
            goto fail;
        }
        done += n;
        if (PyErr_CheckSignals() < 0)
            goto fail;
    }
    self->wlen = 0;
    return 0;
fail:
    memmove(self->wbuf, self->wbuf + done, self->wlen - done);
    self->wlen -= done;
    return -1;
}

/* Forget the read-ahead, moving the raw position back to the logical one. */
static int drop_read_buffer(buffered *self)
{
    Py_ssize_t ahead = self->rend - self->rpos;
    self->rpos = self->rend = 0;
    if (ahead > 0 && raw_seek(self, -ahead, SEEK_CUR) < 0)
        return -1;
    return 0;
}

/* Read more data from raw into the (empty) read buffer: like raw_read. */
static Py_ssize_t fill_buffer(buffered *self)
{
    self->rpos = self->rend = 0;
    Py_ssize_t n = raw_read(self, self->rbuf, self->buffer_size);
    if (n > 0)
        self->rend = n;
    return n;
}

static PyObject *buffered_read_all(buffered *self)
{
    if (flush_writes(self) < 0)
        return NULL;
    PyObject *chunks = PyList_New(0);
    if (chunks == NULL)
        return NULL;
    Py_ssize_t avail = self->rend - self->rpos;
    if (avail > 0) {
        PyObject *b = PyBytes_FromStringAndSize(self->rbuf + self->rpos, avail);
        if (b == NULL || PyList_Append(chunks, b) < 0) {
            Py_XDECREF(b);
            goto fail;
        }
        Py_DECREF(b);
    }
    self->rpos = self->rend = 0;
    PyObject *readall = NULL, *name = PyUnicode_FromString("readall");
    if (name == NULL || _PyObject_LookupAttr(self->raw, name, &readall) < 0) {
        Py_XDECREF(name);
        goto fail;
    }
    Py_DECREF(name);
    for (;;) {
        PyObject *data = readall ? PyObject_CallNoArgs(readall) : PyObject_CallMethod(self->raw, "read", NULL);
        if (data == NULL) {
            Py_XDECREF(readall);
            goto fail;
        }
        if (data == Py_None) {
            Py_XDECREF(readall);
            if (PyList_GET_SIZE(chunks) == 0) {
                Py_DECREF(chunks);
                return data;
            }
            Py_DECREF(data);
            break;
        }
        if (!PyBytes_Check(data)) {
            Py_XDECREF(readall);
            Py_DECREF(data);
            PyErr_SetString(PyExc_TypeError, "readall() should return bytes");
            goto fail;
        }
        Py_ssize_t len = PyBytes_GET_SIZE(data);
        if (len > 0 && PyList_Append(chunks, data) < 0) {
            Py_DECREF(data);
            Py_XDECREF(readall);
            goto fail;
        }
        Py_DECREF(data);
        if (len == 0 || readall != NULL) {
            Py_XDECREF(readall);
            break;
        }
    }
    PyObject *empty = PyBytes_FromStringAndSize(NULL, 0);
    PyObject *res = empty ? _PyBytes_Join(empty, chunks) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(chunks);
    return res;
fail:
    Py_DECREF(chunks);
    return NULL;
}

/* Read exactly n bytes unless EOF (or a would-block) comes first. */
static PyObject *buffered_read_n(buffered *self, Py_ssize_t n)
{
    if (flush_writes(self) < 0)
        return NULL;
    PyObject *res = PyBytes_FromStringAndSize(NULL, n);
    if (res == NULL)
        return NULL;
    char *out = PyBytes_AS_STRING(res);
    Py_ssize_t got = self->rend - self->rpos;
    if (got > n)
        got = n;
    memcpy(out, self->rbuf + self->rpos, got);
    self->rpos += got;
    while (got < n) {
        Py_ssize_t r;
        if (n - got >= self->buffer_size) {
            /* Large reads bypass the buffer. */
            self->rpos = self->rend = 0;
            r = raw_read(self, out + got, n - got);
            if (r > 0) {
                got += r;
                continue;
            }
        } else {
            r = fill_buffer(self);
            if (r > 0) {
                Py_ssize_t k = self->rend < n - got ? self->rend : n - got;
                memcpy(out + got, self->rbuf, k);
                self->rpos = k;
                got += k;
                continue;
            }
        }
        if (r == -1) {
            Py_DECREF(res);
            return NULL;
        }
        if (r == -2 && got == 0) {
            Py_DECREF(res);
            Py_RETURN_NONE;
        }
        break;   /* EOF or would-block with some data */
    }
    if (got != n && _PyBytes_Resize(&res, got) < 0)
        return NULL;
    return res;
}

static int check_readable(buffered *self)
{
    if (!self->readable) {
        _PyIOBase_raise_unsupported("read");
        return -1;
    }
    return 0;
}

static PyObject *buffered_read(buffered *self, PyObject *args)
{
    Py_ssize_t n = -1;
    CHECK_INIT(self, NULL);
    if (!PyArg_ParseTuple(args, "|O&:read", &_PyIO_ConvertSsize_t, &n))
        return NULL;
    if (n < -1) {
        PyErr_SetString(PyExc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    if (check_readable(self) < 0 || check_closed(self, "read of closed file") < 0)
        return NULL;
    if (n == -1)
        return buffered_read_all(self);
    return buffered_read_n(self, n);
}

static PyObject *buffered_read1(buffered *self, PyObject *args)
{
    Py_ssize_t n = -1;
    CHECK_INIT(self, NULL);
    if (!PyArg_ParseTuple(args, "|n:read1", &n))
        return NULL;
    if (n < 0)
        n = self->buffer_size;
    if (check_readable(self) < 0 || check_closed(self, "read of closed file") < 0)
        return NULL;
    if (n == 0)
        return PyBytes_FromStringAndSize(NULL, 0);
    Py_ssize_t avail = self->rend - self->rpos;
    if (avail == 0) {
        if (flush_writes(self) < 0)
            return NULL;
        if (n > self->buffer_size) {
            PyObject *res = PyBytes_FromStringAndSize(NULL, n);
            if (res == NULL)
                return NULL;
            Py_ssize_t r = raw_read(self, PyBytes_AS_STRING(res), n);
            if (r < 0) {
                Py_DECREF(res);
                if (r == -2)
                    Py_RETURN_NONE;
                return NULL;
            }
            if (r != n && _PyBytes_Resize(&res, r) < 0)
                return NULL;
            return res;
        }
        Py_ssize_t r = fill_buffer(self);
        if (r == -1)
            return NULL;
        if (r == -2)
            Py_RETURN_NONE;
        avail = self->rend;
    }
    if (n > avail)
        n = avail;
    PyObject *res = PyBytes_FromStringAndSize(self->rbuf + self->rpos, n);
    if (res)
        self->rpos += n;
    return res;
}

static PyObject *buffered_peek(buffered *self, PyObject *args)
{
    Py_ssize_t n = 0;
    CHECK_INIT(self, NULL);
    if (!PyArg_ParseTuple(args, "|n:peek", &n))
        return NULL;
    if (check_readable(self) < 0 || check_closed(self, "peek of closed file") < 0)
        return NULL;
    if (flush_writes(self) < 0)
        return NULL;
    if (self->rend - self->rpos == 0) {
        Py_ssize_t r = fill_buffer(self);
        if (r == -1)
            return NULL;
    }
    return PyBytes_FromStringAndSize(self->rbuf + self->rpos, self->rend - self->rpos);
}

static PyObject *buffered_readinto_impl(buffered *self, PyObject *arg, int one)
{
    CHECK_INIT(self, NULL);
    Py_buffer view;
    if (_PyIO_GetWritableBuffer(arg, &view, one ? "readinto1" : "readinto") < 0)
        return NULL;
    PyObject *data;
    if (one && view.len > self->buffer_size && self->rend - self->rpos < view.len &&
        check_readable(self) == 0 && check_closed(self, "read of closed file") == 0) {
        /* As CPython: what is buffered, then at most one raw read straight into the
         * caller's buffer for the rest (which is larger than our buffer). */
        Py_ssize_t written = self->rend - self->rpos;
        memcpy(view.buf, self->rbuf + self->rpos, written);
        self->rpos = self->rend = 0;
        if (flush_writes(self) < 0) {
            PyBuffer_Release(&view);
            return NULL;
        }
        Py_ssize_t r = raw_read(self, (char *)view.buf + written, view.len - written);
        PyBuffer_Release(&view);
        if (r == -1)
            return NULL;
        if (r == -2) {
            if (written == 0)
                Py_RETURN_NONE;
            r = 0;
        }
        return PyLong_FromSsize_t(written + r);
    }
    if (PyErr_Occurred()) {
        PyBuffer_Release(&view);
        return NULL;
    }
    if (one) {
        PyObject *args = Py_BuildValue("(n)", view.len);
        data = args ? buffered_read1(self, args) : NULL;
        Py_XDECREF(args);
    } else {
        data = (check_readable(self) < 0 || check_closed(self, "readinto of closed file") < 0)
                   ? NULL : buffered_read_n(self, view.len);
    }
    if (data == NULL || data == Py_None) {
        PyBuffer_Release(&view);
        return data;
    }
    Py_ssize_t len = PyBytes_GET_SIZE(data);
    memcpy(view.buf, PyBytes_AS_STRING(data), len);
    Py_DECREF(data);
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(len);
}

static PyObject *buffered_readinto(buffered *self, PyObject *arg) { return buffered_readinto_impl(self, arg, 0); }
static PyObject *buffered_readinto1(buffered *self, PyObject *arg) { return buffered_readinto_impl(self, arg, 1); }

static PyObject *buffered_readline_impl(buffered *self, Py_ssize_t limit)
{
    if (check_closed(self, "readline of closed file") < 0)
        return NULL;
    if (flush_writes(self) < 0)
        return NULL;
    /* Fast path: the whole line is already in the read buffer. */
    Py_ssize_t have = self->rend - self->rpos;
    if (limit >= 0 && have > limit)
        have = limit;
    const char *nl0 = have > 0 ? memchr(self->rbuf + self->rpos, '\n', have) : NULL;
    if (nl0 != NULL || (limit >= 0 && have == limit && have > 0)) {
        Py_ssize_t take = nl0 ? nl0 - (self->rbuf + self->rpos) + 1 : have;
        PyObject *res = PyBytes_FromStringAndSize(self->rbuf + self->rpos, take);
        if (res != NULL)
            self->rpos += take;
        return res;
    }
    char *line = NULL;
    Py_ssize_t len = 0, cap = 0;
    for (;;) {
        Py_ssize_t avail = self->rend - self->rpos;
        if (avail == 0) {
            Py_ssize_t r = fill_buffer(self);
            if (r == -1) {
                PyMem_Free(line);
                return NULL;
            }
            if (r <= 0)
                break;
            avail = r;
        }
        if (limit >= 0 && avail > limit - len)
            avail = limit - len;
        const char *start = self->rbuf + self->rpos;
        const char *nl = memchr(start, '\n', avail);
        Py_ssize_t take = nl ? nl - start + 1 : avail;
        if (len + take > cap) {
            cap = (len + take) * 2;
            char *nb = PyMem_Realloc(line, cap);
            if (nb == NULL) {
                PyMem_Free(line);
                return PyErr_NoMemory();
            }
            line = nb;
        }
        memcpy(line + len, start, take);
        len += take;
        self->rpos += take;
        if (nl || (limit >= 0 && len >= limit))
            break;
    }
    PyObject *res = PyBytes_FromStringAndSize(line, len);
    PyMem_Free(line);
    return res;
}

static PyObject *buffered_readline(buffered *self, PyObject *args)
{
    Py_ssize_t limit = -1;
    CHECK_INIT(self, NULL);
    if (!PyArg_ParseTuple(args, "|O&:readline", &_PyIO_ConvertSsize_t, &limit))
        return NULL;
    if (check_readable(self) < 0)
        return NULL;
    return buffered_readline_impl(self, limit);
}

static PyObject *buffered_iternext(buffered *self)
{
    CHECK_INIT(self, NULL);
    PyObject *line;
    PyTypeObject *tp = Py_TYPE(self);
    if (tp == &PyBufferedReader_Type || tp == &PyBufferedRandom_Type) {
        if (check_readable(self) < 0 || !enter_buffered(self))
            return NULL;
        line = buffered_readline_impl(self, -1);
        leave_buffered(self);
    } else {
        line = PyObject_CallMethod((PyObject *)self, "readline", NULL);
        if (line && !PyBytes_Check(line)) {
            PyErr_Format(PyExc_OSError, "readline() should have returned a bytes object, not '%.200s'",
                         Py_TYPE(line)->tp_name);
            Py_DECREF(line);
            return NULL;
        }
    }
    if (line == NULL)
        return NULL;
    if (PyBytes_GET_SIZE(line) == 0) {
        Py_DECREF(line);
        return NULL;
    }
    return line;
}

/* As CPython's bufferedwriter_write: buffer what fits; otherwise flush, write large data
 * straight to the raw stream, and buffer the tail.  A non-blocking raw stream that would
 * block gives BlockingIOError whose characters_written counts the bytes accepted. */
static PyObject *buffered_write(buffered *self, PyObject *arg)
{
    CHECK_INIT(self, NULL);
    if (!self->writable)
        return _PyIOBase_raise_unsupported("write");
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0)
        return NULL;
    const char *data = view.buf;
    Py_ssize_t len = view.len, written = 0;
    if (check_closed(self, "write to closed file") < 0)
        goto fail;
    if (self->rend - self->rpos > 0 && drop_read_buffer(self) < 0)
        goto fail;
    self->rpos = self->rend = 0;
    if (len <= self->buffer_size - self->wlen) {
        memcpy(self->wbuf + self->wlen, data, len);
        self->wlen += len;
        written = len;
        goto end;
    }
    if (flush_writes(self) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_BlockingIOError))
            goto fail;
        /* flush_writes() kept the unwritten bytes at the front of wbuf. */
        Py_ssize_t avail = self->buffer_size - self->wlen;
        if (len <= avail) {
            PyErr_Clear();
            memcpy(self->wbuf + self->wlen, data, len);
            self->wlen += len;
            written = len;
            goto end;
        }
        PyErr_Clear();
        memcpy(self->wbuf + self->wlen, data, avail);
        self->wlen += avail;
        set_blocking_error("write could not complete without blocking", avail);
        goto fail;
    }
    Py_ssize_t remaining = len;
    while (remaining > self->buffer_size) {
        Py_ssize_t n = raw_write(self, data + written, len - written);
        if (n == -1)
            goto fail;
        if (n == -2) {
            /* Can't buffer everything: still buffer as much as possible. */
            memcpy(self->wbuf, data + written, self->buffer_size);
            self->wlen = self->buffer_size;
            written += self->buffer_size;
            set_blocking_error("write could not complete without blocking", written);
            goto fail;
        }
        written += n;
        remaining -= n;
        /* A partial write may come from a signal: run handlers before blocking again. */
        if (PyErr_CheckSignals() < 0)
            goto fail;
    }
    if (remaining > 0) {
        memcpy(self->wbuf, data + written, remaining);
        written += remaining;
    }
    self->wlen = remaining;
end:
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(written);
fail:
    PyBuffer_Release(&view);
    return NULL;
}

static PyObject *buffered_flush(buffered *self, PyObject *unused)
{
    CHECK_INIT(self, NULL);
    if (check_closed(self, "flush of closed file") < 0)
        return NULL;
    if (self->writable && flush_writes(self) < 0)
        return NULL;
    /* as 3.11's buffered_flush_and_rewind_unlocked: the read-ahead is dropped and raw
     * rewound to the logical position, so data written to raw behind our back is seen */
    if (self->readable && self->writable && drop_read_buffer(self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *buffered_tell(buffered *self, PyObject *unused)
{
    CHECK_INIT(self, NULL);
    Py_off_t pos = raw_tell(self);
    if (pos == -1)
        return NULL;
    pos -= self->rend - self->rpos;
    pos += self->wlen;
    if (pos < 0)
        pos = 0;
    return PyLong_FromOff_t(pos);
}

static PyObject *buffered_seek(buffered *self, PyObject *args)
{
    PyObject *targetobj;
    int whence = 0;
    CHECK_INIT(self, NULL);
    if (!PyArg_ParseTuple(args, "O|i:seek", &targetobj, &whence))
        return NULL;
    if (whence < 0 || whence > 2) {
        PyErr_Format(PyExc_ValueError, "whence value %d unsupported", whence);
        return NULL;
    }
    if (check_closed(self, "seek of closed file") < 0)
        return NULL;
    PyObject *r = _PyIOBase_check_seekable(self->raw, NULL);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    Py_off_t target = PyNumber_AsSsize_t(targetobj, PyExc_ValueError);
    if (target == -1 && PyErr_Occurred())
        return NULL;
    /* Fast path: the target lies in the read buffer. */
    if (whence != 2 && self->rend > 0 && self->wlen == 0) {
        Py_off_t rawpos = raw_tell(self);
        if (rawpos == -1)
            return NULL;
        Py_off_t start = rawpos - self->rend;
        Py_off_t cur = rawpos - (self->rend - self->rpos);
        Py_off_t abs = whence == 0 ? target : cur + target;
        if (abs >= start && abs <= rawpos) {
            self->rpos = (Py_ssize_t)(abs - start);
            return PyLong_FromOff_t(abs);
        }
    }
    if (flush_writes(self) < 0)
        return NULL;
    if (whence == 1)
        target -= self->rend - self->rpos;
    self->rpos = self->rend = 0;
    Py_off_t n = raw_seek(self, target, whence);
    if (n == -1)
        return NULL;
    return PyLong_FromOff_t(n);
}

static PyObject *buffered_truncate(buffered *self, PyObject *args)
{
    PyObject *pos = Py_None;
    CHECK_INIT(self, NULL);
    if (!PyArg_ParseTuple(args, "|O:truncate", &pos))
        return NULL;
    if (check_closed(self, "truncate of closed file") < 0)
        return NULL;
    if (!self->writable)
        return _PyIOBase_raise_unsupported("truncate");
    if (flush_writes(self) < 0)
        return NULL;
    if (self->rend - self->rpos > 0 && drop_read_buffer(self) < 0)
        return NULL;
    self->rpos = self->rend = 0;
    return PyObject_CallMethod(self->raw, "truncate", "O", pos);
}

/* Flushes through self.flush() as CPython does, so that a subclass's flush() runs; the
 * lock is dropped around that call since flush() takes it again. */
static PyObject *buffered_close_unlocked(buffered *self);

static PyObject *locked_close(buffered *self, PyObject *unused)
{
    CHECK_INIT(self, NULL);
    if (!enter_buffered(self))
        return NULL;
    PyObject *res = buffered_close_unlocked(self);
    if (self->owner == PyThread_get_thread_ident())
        leave_buffered(self);
    return res;
}

/* Returns with the lock held, except when retaking it after flush() failed. */
static PyObject *buffered_close_unlocked(buffered *self)
{
    int r = raw_closed(self);
    if (r < 0)
        return NULL;
    if (r)
        Py_RETURN_NONE;
    if (self->finalizing) {
        PyObject *res = PyObject_CallMethod(self->raw, "_dealloc_warn", "O", self);
        if (res)
            Py_DECREF(res);
        else
            PyErr_Clear();
    }
    PyObject *t = NULL, *v = NULL, *tb = NULL;
    leave_buffered(self);
    PyObject *res = PyObject_CallMethod((PyObject *)self, "flush", NULL);
    if (!enter_buffered(self)) {
        Py_XDECREF(res);
        return NULL;
    }
    if (res == NULL)
        PyErr_Fetch(&t, &v, &tb);
    else
        Py_DECREF(res);
    res = PyObject_CallMethod(self->raw, "close", NULL);
    if (t != NULL) {
        _PyErr_ChainExceptions(t, v, tb);
        Py_CLEAR(res);
    }
    self->rpos = self->rend = 0;
    return res;
}

static PyObject *buffered_detach(buffered *self, PyObject *unused)
{
    CHECK_INIT(self, NULL);
    PyObject *res = buffered_flush(self, NULL);
    if (res == NULL)
        return NULL;
    Py_DECREF(res);
    PyObject *raw = self->raw;
    self->raw = NULL;
    self->detached = 1;
    self->ok = 0;
    return raw;
}

static PyObject *forward0(buffered *self, const char *name)
{
    CHECK_INIT(self, NULL);
    return PyObject_CallMethod(self->raw, name, NULL);
}

static PyObject *buffered_seekable(buffered *self, PyObject *u) { return forward0(self, "seekable"); }
static PyObject *buffered_readable(buffered *self, PyObject *u) { return forward0(self, "readable"); }
static PyObject *buffered_writable(buffered *self, PyObject *u) { return forward0(self, "writable"); }
static PyObject *buffered_fileno(buffered *self, PyObject *u) { return forward0(self, "fileno"); }
static PyObject *buffered_isatty(buffered *self, PyObject *u) { return forward0(self, "isatty"); }

static PyObject *buffered_dealloc_warn(buffered *self, PyObject *source)
{
    if (self->ok && self->raw) {
        PyObject *r = PyObject_CallMethod(self->raw, "_dealloc_warn", "O", source);
        if (r)
            Py_DECREF(r);
        else
            PyErr_Clear();
    }
    Py_RETURN_NONE;
}

static PyObject *buffered_getstate(buffered *self, PyObject *unused)
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' object", Py_TYPE(self)->tp_name);
    return NULL;
}

static PyObject *buffered_sizeof(buffered *self, PyObject *unused)
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(buffered) + 2 * self->buffer_size);
}

static PyObject *buffered_get_raw(buffered *self, void *c)
{
    CHECK_INIT(self, NULL);
    return Py_NewRef(self->raw);
}

static PyObject *buffered_get_closed(buffered *self, void *c)
{
    CHECK_INIT(self, NULL);
    return PyObject_GetAttrString(self->raw, "closed");
}

static PyObject *buffered_get_name(buffered *self, void *c)
{
    CHECK_INIT(self, NULL);
    return PyObject_GetAttrString(self->raw, "name");
}

static PyObject *buffered_get_mode(buffered *self, void *c)
{
    CHECK_INIT(self, NULL);
    return PyObject_GetAttrString(self->raw, "mode");
}

static PyObject *buffered_repr(buffered *self)
{
    PyObject *nameobj = NULL;
    if (self->ok) {
        nameobj = PyObject_GetAttrString((PyObject *)self, "name");
        if (nameobj == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_Exception))
                return NULL;
            PyErr_Clear();
        }
    }
    if (nameobj == NULL)
        return PyUnicode_FromFormat("<%s>", Py_TYPE(self)->tp_name);
    PyObject *res = NULL;
    if (Py_ReprEnter((PyObject *)self) > 0) {
        PyErr_Format(PyExc_RuntimeError, "reentrant call inside %s.__repr__", Py_TYPE(self)->tp_name);
    } else {
        res = PyUnicode_FromFormat("<%s name=%R>", Py_TYPE(self)->tp_name, nameobj);
        Py_ReprLeave((PyObject *)self);
    }
    Py_DECREF(nameobj);
    return res;
}

/* Common __init__: kind is 'r', 'w' or '+'. */
static int buffered_init_common(buffered *self, PyObject *args, PyObject *kwds, int kind,
                                const char *fmt)
{
    static char *kwlist[] = {"raw", "buffer_size", NULL};
    PyObject *raw;
    Py_ssize_t buffer_size = DEFAULT_BUFFER_SIZE;
    self->ok = 0;
    self->detached = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &raw, &buffer_size))
        return -1;
    PyObject *r;
    if (kind == '+') {
        r = _PyIOBase_check_seekable(raw, NULL);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    if (kind != 'w') {
        r = _PyIOBase_check_readable(raw, NULL);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    if (kind != 'r') {
        r = _PyIOBase_check_writable(raw, NULL);
        if (r == NULL)
            return -1;
        Py_DECREF(r);
    }
    if (buffer_size <= 0) {
        PyErr_SetString(PyExc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    if (self->lock == NULL && (self->lock = PyThread_allocate_lock()) == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "can't allocate read lock");
        return -1;
    }
    Py_XSETREF(self->raw, Py_NewRef(raw));
    self->readable = kind != 'w';
    self->writable = kind != 'r';
    self->buffer_size = buffer_size;
    PyMem_Free(self->rbuf);
    PyMem_Free(self->wbuf);
    self->rbuf = self->readable ? PyMem_Malloc(buffer_size) : NULL;
    self->wbuf = self->writable ? PyMem_Malloc(buffer_size) : NULL;
    if ((self->readable && !self->rbuf) || (self->writable && !self->wbuf)) {
        PyErr_NoMemory();
        return -1;
    }
    self->rpos = self->rend = self->wlen = 0;
    self->ok = 1;
    return 0;
}

static int bufferedreader_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return buffered_init_common((buffered *)self, args, kwds, 'r', "O|n:BufferedReader");
}

static int bufferedwriter_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return buffered_init_common((buffered *)self, args, kwds, 'w', "O|n:BufferedWriter");
}

static int bufferedrandom_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return buffered_init_common((buffered *)self, args, kwds, '+', "O|n:BufferedRandom");
}

static int buffered_traverse(buffered *self, visitproc visit, void *arg)
{
    Py_VISIT(self->raw);
    Py_VISIT(self->dict);
    return 0;
}

static int buffered_clear(buffered *self)
{
    self->ok = 0;
    Py_CLEAR(self->raw);
    Py_CLEAR(self->dict);
    return 0;
}

static void buffered_dealloc(buffered *self)
{
    self->finalizing = 1;
    if (PyObject_CallFinalizerFromDealloc((PyObject *)self) < 0)
        return;
    PyObject_GC_UnTrack(self);
    self->ok = 0;
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    Py_CLEAR(self->raw);
    PyMem_Free(self->rbuf);
    PyMem_Free(self->wbuf);
    self->rbuf = self->wbuf = NULL;
    if (self->lock != NULL) {
        PyThread_free_lock(self->lock);
        self->lock = NULL;
    }
    Py_CLEAR(self->dict);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *buffered_simple_flush(buffered *self, PyObject *unused)
{
    /* BufferedReader.flush: pass through to the raw stream. */
    CHECK_INIT(self, NULL);
    return PyObject_CallMethod(self->raw, "flush", NULL);
}

LOCKED(locked_detach, buffered_detach, PyObject *)
LOCKED(locked_seek, buffered_seek, PyObject *)
LOCKED(locked_read, buffered_read, PyObject *)
LOCKED(locked_peek, buffered_peek, PyObject *)
LOCKED(locked_read1, buffered_read1, PyObject *)
LOCKED(locked_readinto, buffered_readinto, PyObject *)
LOCKED(locked_readinto1, buffered_readinto1, PyObject *)
LOCKED(locked_readline, buffered_readline, PyObject *)
LOCKED(locked_write, buffered_write, PyObject *)
LOCKED(locked_truncate, buffered_truncate, PyObject *)
LOCKED(locked_flush, buffered_flush, PyObject *)

#define COMMON_METHODS \
    {"detach", (PyCFunction)locked_detach, METH_NOARGS, NULL}, \
    {"close", (PyCFunction)locked_close, METH_NOARGS, NULL}, \
    {"seekable", (PyCFunction)buffered_seekable, METH_NOARGS, NULL}, \
    {"fileno", (PyCFunction)buffered_fileno, METH_NOARGS, NULL}, \
    {"isatty", (PyCFunction)buffered_isatty, METH_NOARGS, NULL}, \
    {"_dealloc_warn", (PyCFunction)buffered_dealloc_warn, METH_O, NULL}, \
    {"seek", (PyCFunction)locked_seek, METH_VARARGS, \
     "seek($self, target, whence=0, /)\n--\n\n"}, \
    {"tell", (PyCFunction)buffered_tell, METH_NOARGS, NULL}, \
    {"__getstate__", (PyCFunction)buffered_getstate, METH_NOARGS, \
     "__getstate__($self, /)\n--\n\n" \
     "Helper for pickle."}, \
    {"__sizeof__", (PyCFunction)buffered_sizeof, METH_NOARGS, NULL}

#define READ_METHODS \
    {"read", (PyCFunction)locked_read, METH_VARARGS, \
     "read($self, size=-1, /)\n--\n\n"}, \
    {"peek", (PyCFunction)locked_peek, METH_VARARGS, \
     "peek($self, size=0, /)\n--\n\n"}, \
    {"read1", (PyCFunction)locked_read1, METH_VARARGS, \
     "read1($self, size=-1, /)\n--\n\n"}, \
    {"readinto", (PyCFunction)locked_readinto, METH_O, \
     "readinto($self, buffer, /)\n--\n\n"}, \
    {"readinto1", (PyCFunction)locked_readinto1, METH_O, \
     "readinto1($self, buffer, /)\n--\n\n"}, \
    {"readline", (PyCFunction)locked_readline, METH_VARARGS, \
     "readline($self, size=-1, /)\n--\n\n"}

/* As CPython, a reader has no writable() and a writer no readable() of their own:
 * _IOBase's answer False, whatever the raw stream says. */
static PyMethodDef bufferedreader_methods[] = {
    COMMON_METHODS,
    {"readable", (PyCFunction)buffered_readable, METH_NOARGS, NULL},
    READ_METHODS,
    {"flush", (PyCFunction)buffered_simple_flush, METH_NOARGS, NULL},
    {"truncate", (PyCFunction)locked_truncate, METH_VARARGS,
     "truncate($self, pos=None, /)\n--\n\n"},
    {NULL, NULL, 0, NULL}
};

static PyMethodDef bufferedwriter_methods[] = {
    COMMON_METHODS,
    {"writable", (PyCFunction)buffered_writable, METH_NOARGS, NULL},
    {"write", (PyCFunction)locked_write, METH_O,
     "write($self, buffer, /)\n--\n\n"},
    {"truncate", (PyCFunction)locked_truncate, METH_VARARGS,
     "truncate($self, pos=None, /)\n--\n\n"},
    {"flush", (PyCFunction)locked_flush, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMethodDef bufferedrandom_methods[] = {
    COMMON_METHODS,
    {"readable", (PyCFunction)buffered_readable, METH_NOARGS, NULL},
    {"writable", (PyCFunction)buffered_writable, METH_NOARGS, NULL},
    READ_METHODS,
    {"write", (PyCFunction)locked_write, METH_O,
     "write($self, buffer, /)\n--\n\n"},
    {"truncate", (PyCFunction)locked_truncate, METH_VARARGS,
     "truncate($self, pos=None, /)\n--\n\n"},
    {"flush", (PyCFunction)locked_flush, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef buffered_members[] = {
    {"_finalizing", T_BOOL, offsetof(buffered, finalizing), 0, NULL},
    {NULL},
};

static PyGetSetDef buffered_getset[] = {
    {"raw", (getter)buffered_get_raw, NULL, NULL, NULL},
    {"closed", (getter)buffered_get_closed, NULL, NULL, NULL},
    {"name", (getter)buffered_get_name, NULL, NULL, NULL},
    {"mode", (getter)buffered_get_mode, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

#define BUFFERED_TYPE(cname, pyname, methods, init, doc) \
PyTypeObject cname = { \
    PyVarObject_HEAD_INIT(&PyType_Type, 0) \
    .tp_name = pyname, \
    .tp_basicsize = sizeof(buffered), \
    .tp_dealloc = (destructor)buffered_dealloc, \
    .tp_members = buffered_members, \
    .tp_repr = (reprfunc)buffered_repr, \
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC, \
    .tp_doc = doc, \
    .tp_traverse = (traverseproc)buffered_traverse, \
    .tp_clear = (inquiry)buffered_clear, \
    .tp_weaklistoffset = offsetof(buffered, weakreflist), \
    .tp_iternext = (iternextfunc)buffered_iternext, \
    .tp_methods = methods, \
    .tp_getset = buffered_getset, \
    .tp_base = &PyBufferedIOBase_Type, \
    .tp_dictoffset = offsetof(buffered, dict), \
    .tp_init = init, \
    .tp_new = PyType_GenericNew, \
};

BUFFERED_TYPE(PyBufferedReader_Type, "_io.BufferedReader", bufferedreader_methods, bufferedreader_init,
              "BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\n"
              "Create a new buffered reader using the given readable raw IO object.")
BUFFERED_TYPE(PyBufferedWriter_Type, "_io.BufferedWriter", bufferedwriter_methods, bufferedwriter_init,
              "BufferedWriter(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\n"
              "A buffer for a writeable sequential RawIO object.\n\n"
              "The constructor creates a BufferedWriter for the given writeable raw\n"
              "stream. If the buffer_size is not given, it defaults to\n"
              "DEFAULT_BUFFER_SIZE.")
BUFFERED_TYPE(PyBufferedRandom_Type, "_io.BufferedRandom", bufferedrandom_methods, bufferedrandom_init,
              "BufferedRandom(raw, buffer_size=DEFAULT_BUFFER_SIZE)\n--\n\n"
              "A buffered interface to random access streams.\n\n"
              "The constructor creates a reader and writer for a seekable stream,\n"
              "raw, given in the first argument. If the buffer_size is omitted it\n"
              "defaults to DEFAULT_BUFFER_SIZE.")

/* ===================== BufferedRWPair ===================== */

typedef struct {
    PyObject_HEAD
    PyObject *reader;
    PyObject *writer;
    PyObject *dict;
    PyObject *weakreflist;
} rwpair;

static int rwpair_init(PyObject *oself, PyObject *args, PyObject *kwds)
{
    rwpair *self = (rwpair *)oself;
    PyObject *reader, *writer;
    Py_ssize_t buffer_size = DEFAULT_BUFFER_SIZE;
    if (kwds != NULL && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "BufferedRWPair() takes no keyword arguments");
        return -1;
    }
    if (!PyArg_ParseTuple(args, "OO|n:BufferedRWPair", &reader, &writer, &buffer_size))
        return -1;
    PyObject *r = _PyIOBase_check_readable(reader, NULL);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    r = _PyIOBase_check_writable(writer, NULL);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    Py_CLEAR(self->reader);
    Py_CLEAR(self->writer);
    self->reader = PyObject_CallFunction((PyObject *)&PyBufferedReader_Type, "On", reader, buffer_size);
    if (self->reader == NULL)
        return -1;
    self->writer = PyObject_CallFunction((PyObject *)&PyBufferedWriter_Type, "On", writer, buffer_size);
    if (self->writer == NULL) {
        Py_CLEAR(self->reader);
        return -1;
    }
    return 0;
}

static int rwpair_traverse(rwpair *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    Py_VISIT(self->reader);
    Py_VISIT(self->writer);
    return 0;
}

static int rwpair_clear(rwpair *self)
{
    Py_CLEAR(self->reader);
    Py_CLEAR(self->writer);
    Py_CLEAR(self->dict);
    return 0;
}

static void rwpair_dealloc(rwpair *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    rwpair_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *rwpair_forward(PyObject *stream, const char *name, PyObject *args)
{
    if (stream == NULL) {
        PyErr_Format(PyExc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    PyObject *func = PyObject_GetAttrString(stream, name);
    if (func == NULL)
        return NULL;
    PyObject *ret = PyObject_CallObject(func, args);
    Py_DECREF(func);
    return ret;
}

static PyObject *rwpair_read(rwpair *self, PyObject *args) { return rwpair_forward(self->reader, "read", args); }
static PyObject *rwpair_peek(rwpair *self, PyObject *args) { return rwpair_forward(self->reader, "peek", args); }
static PyObject *rwpair_read1(rwpair *self, PyObject *args) { return rwpair_forward(self->reader, "read1", args); }
static PyObject *rwpair_readinto(rwpair *self, PyObject *args) { return rwpair_forward(self->reader, "readinto", args); }
static PyObject *rwpair_readinto1(rwpair *self, PyObject *args) { return rwpair_forward(self->reader, "readinto1", args); }
static PyObject *rwpair_write(rwpair *self, PyObject *args) { return rwpair_forward(self->writer, "write", args); }
static PyObject *rwpair_flush(rwpair *self, PyObject *args) { return rwpair_forward(self->writer, "flush", args); }
static PyObject *rwpair_readable(rwpair *self, PyObject *args) { return rwpair_forward(self->reader, "readable", args); }
static PyObject *rwpair_writable(rwpair *self, PyObject *args) { return rwpair_forward(self->writer, "writable", args); }

static PyObject *rwpair_close(rwpair *self, PyObject *args)
{
    PyObject *t = NULL, *v = NULL, *tb = NULL;
    PyObject *ret = rwpair_forward(self->writer, "close", args);
    if (ret == NULL)
        PyErr_Fetch(&t, &v, &tb);
    else
        Py_DECREF(ret);
    ret = rwpair_forward(self->reader, "close", args);
    if (t != NULL) {
        _PyErr_ChainExceptions(t, v, tb);
        Py_CLEAR(ret);
    }
    return ret;
}

static PyObject *rwpair_isatty(rwpair *self, PyObject *args)
{
    PyObject *ret = rwpair_forward(self->writer, "isatty", args);
    if (ret != Py_False)
        return ret;
    Py_DECREF(ret);
    return rwpair_forward(self->reader, "isatty", args);
}

static PyObject *rwpair_get_closed(rwpair *self, void *c)
{
    if (self->writer == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
        return NULL;
    }
    return PyObject_GetAttrString(self->writer, "closed");
}

static PyMethodDef rwpair_methods[] = {
    {"read", (PyCFunction)rwpair_read, METH_VARARGS, NULL},
    {"peek", (PyCFunction)rwpair_peek, METH_VARARGS, NULL},
    {"read1", (PyCFunction)rwpair_read1, METH_VARARGS, NULL},
    {"readinto", (PyCFunction)rwpair_readinto, METH_VARARGS, NULL},
    {"readinto1", (PyCFunction)rwpair_readinto1, METH_VARARGS, NULL},
    {"write", (PyCFunction)rwpair_write, METH_VARARGS, NULL},
    {"flush", (PyCFunction)rwpair_flush, METH_NOARGS, NULL},
    {"readable", (PyCFunction)rwpair_readable, METH_NOARGS, NULL},
    {"writable", (PyCFunction)rwpair_writable, METH_NOARGS, NULL},
    {"close", (PyCFunction)rwpair_close, METH_NOARGS, NULL},
    {"isatty", (PyCFunction)rwpair_isatty, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef rwpair_getset[] = {
    {"closed", (getter)rwpair_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyBufferedRWPair_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.BufferedRWPair",
    .tp_basicsize = sizeof(rwpair),
    .tp_dealloc = (destructor)rwpair_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "BufferedRWPair(reader, writer, buffer_size=DEFAULT_BUFFER_SIZE, /)\n--\n\n"
              "A buffered reader and writer object together.\n\n"
              "A buffered reader object and buffered writer object put together to\n"
              "form a sequential IO object that can read and write. This is typically\n"
              "used with a socket or two-way pipe.\n\n"
              "reader and writer are RawIOBase objects that are readable and\n"
              "writeable respectively. If the buffer_size is omitted it defaults to\n"
              "DEFAULT_BUFFER_SIZE.",
    .tp_traverse = (traverseproc)rwpair_traverse,
    .tp_clear = (inquiry)rwpair_clear,
    .tp_weaklistoffset = offsetof(rwpair, weakreflist),
    .tp_methods = rwpair_methods,
    .tp_getset = rwpair_getset,
    .tp_base = &PyBufferedIOBase_Type,
    .tp_dictoffset = offsetof(rwpair, dict),
    .tp_init = rwpair_init,
    .tp_new = PyType_GenericNew,
};
