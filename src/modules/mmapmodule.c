/* mmapmodule.c — the `mmap` module: mmap.mmap, a memory-mapped file or anonymous region
 * with a file-like cursor (read/write/seek/find/readline), indexing and slicing, the
 * buffer protocol, resize (mremap), flush (msync), madvise, and the ACCESS_*, PROT_*,
 * MAP_*, MADV_* constants, as CPython 3.11's Modules/mmapmodule.c (Unix part only).
 * Owner: posixextra. */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

typedef enum { ACCESS_DEFAULT, ACCESS_READ, ACCESS_WRITE, ACCESS_COPY } access_mode;

typedef struct {
    PyObject_HEAD
    char *data;            /* NULL once closed */
    Py_ssize_t size;
    Py_ssize_t pos;        /* the file-like cursor, 0 <= pos <= size */
    long long offset;      /* where the map starts in the file */
    Py_ssize_t exports;    /* live buffer views: no close/resize while > 0 */
    int fd;                /* our dup of the file, -1 for anonymous memory */
    PyObject *weakreflist;
    access_mode access;
} mmap_object;

static PyTypeObject mmap_type;

#define CHECK_VALID(self, err)                                                  \
    do {                                                                        \
        if ((self)->data == NULL) {                                             \
            PyErr_SetString(PyExc_ValueError, "mmap closed or invalid");        \
            return err;                                                         \
        }                                                                       \
    } while (0)

static int is_writable(mmap_object *self)
{
    if (self->access != ACCESS_READ)
        return 1;
    PyErr_Format(PyExc_TypeError, "mmap can't modify a readonly memory map.");
    return 0;
}

static int is_resizeable(mmap_object *self)
{
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "mmap can't resize with extant buffers exported.");
        return 0;
    }
    if (self->access == ACCESS_WRITE || self->access == ACCESS_DEFAULT)
        return 1;
    PyErr_Format(PyExc_TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
    return 0;
}

/* ---------------------------------------------------------------- life cycle */

static void mmap_dealloc(mmap_object *self)
{
    if (self->data != NULL)
        munmap(self->data, (size_t)self->size);
    if (self->fd >= 0)
        close(self->fd);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Fill in or check map_size against a regular file's size, with CPython's messages. */
static int check_file_size(int fd, long long offset, Py_ssize_t *map_size)
{
    struct stat st;
    if (fd == -1 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    if (*map_size == 0) {
        if (st.st_size == 0) {
            PyErr_SetString(PyExc_ValueError, "cannot mmap an empty file");
            return -1;
        }
        if (offset >= st.st_size) {
            PyErr_SetString(PyExc_ValueError, "mmap offset is greater than file size");
            return -1;
        }
        *map_size = (Py_ssize_t)(st.st_size - offset);
    }
    else if (offset > st.st_size || st.st_size - offset < *map_size) {
        PyErr_SetString(PyExc_ValueError, "mmap length is greater than file size");
        return -1;
    }
    return 0;
}

static PyObject *mmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"fileno", "length", "flags", "prot", "access", "offset", NULL};
    Py_ssize_t map_size;
    long long offset = 0;
    int fd, flags = MAP_SHARED, prot = PROT_WRITE | PROT_READ, access = ACCESS_DEFAULT;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "in|iiiL", keywords, &fd, &map_size, &flags,
                                     &prot, &access, &offset))
        return NULL;
    if (map_size < 0) {
        PyErr_SetString(PyExc_OverflowError, "memory mapped length must be positive");
        return NULL;
    }
    if (offset < 0) {
        PyErr_SetString(PyExc_OverflowError, "memory mapped offset must be positive");
        return NULL;
    }
    if (access != ACCESS_DEFAULT && (flags != MAP_SHARED || prot != (PROT_WRITE | PROT_READ))) {
        PyErr_SetString(PyExc_ValueError, "mmap can't specify both access and flags, prot.");
        return NULL;
    }
    switch (access) {
    case ACCESS_READ:
        flags = MAP_SHARED;
        prot = PROT_READ;
        break;
    case ACCESS_WRITE:
        flags = MAP_SHARED;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_COPY:
        flags = MAP_PRIVATE;
        prot = PROT_READ | PROT_WRITE;
        break;
    case ACCESS_DEFAULT:
        /* An explicit prot decides whether the object accepts writes. */
        if (!((prot & PROT_READ) && (prot & PROT_WRITE)))
            access = (prot & PROT_WRITE) ? ACCESS_WRITE : ACCESS_READ;
        break;
    default:
        PyErr_SetString(PyExc_ValueError, "mmap invalid access parameter.");
        return NULL;
    }
    if (PySys_Audit("mmap.__new__", "iniL", fd, map_size, access, offset) < 0)
        return NULL;
    if (check_file_size(fd, offset, &map_size) < 0)
        return NULL;
    mmap_object *self = (mmap_object *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->data = NULL;
    self->size = map_size;
    self->pos = 0;
    self->offset = offset;
    self->exports = 0;
    self->weakreflist = NULL;
    self->access = (access_mode)access;
    if (fd == -1) {
        self->fd = -1;
        flags |= MAP_ANONYMOUS;
    }
    else {
        /* Our own descriptor: size() and resize() must work after the caller closes its. */
        self->fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        if (self->fd == -1) {
            PyErr_SetFromErrno(PyExc_OSError);
            Py_DECREF(self);
            return NULL;
        }
    }
    void *data = mmap(NULL, (size_t)map_size, prot, flags, fd, (off_t)offset);
    if (data == MAP_FAILED) {
        PyErr_SetFromErrno(PyExc_OSError);
        Py_DECREF(self);
        return NULL;
    }
    self->data = data;
    return (PyObject *)self;
}

static PyObject *mmap_close(mmap_object *self, PyObject *unused)
{
    if (self->exports > 0) {
        PyErr_SetString(PyExc_BufferError, "cannot close exported pointers exist");
        return NULL;
    }
    if (self->fd >= 0)
        close(self->fd);
    self->fd = -1;
    if (self->data != NULL)
        munmap(self->data, (size_t)self->size);
    self->data = NULL;
    Py_RETURN_NONE;
}

static PyObject *mmap_enter(mmap_object *self, PyObject *unused)
{
    CHECK_VALID(self, NULL);
    Py_INCREF(self);
    return (PyObject *)self;
}

static PyObject *mmap_exit(mmap_object *self, PyObject *args)
{
    return mmap_close(self, NULL);
}

static PyObject *mmap_closed_get(mmap_object *self, void *closure)
{
    return PyBool_FromLong(self->data == NULL);
}

/* ---------------------------------------------------------------- file-like cursor */

static Py_ssize_t remaining(mmap_object *self)
{
    return self->pos < self->size ? self->size - self->pos : 0;
}

static PyObject *mmap_read(mmap_object *self, PyObject *args)
{
    Py_ssize_t n = PY_SSIZE_T_MAX;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "|O&:read", _Py_convert_optional_to_ssize_t, &n))
        return NULL;
    CHECK_VALID(self, NULL);
    if (n < 0 || n > remaining(self))
        n = remaining(self);
    PyObject *result = PyBytes_FromStringAndSize(self->data + self->pos, n);
    self->pos += n;
    return result;
}

static PyObject *mmap_read_byte(mmap_object *self, PyObject *unused)
{
    CHECK_VALID(self, NULL);
    if (self->pos >= self->size) {
        PyErr_SetString(PyExc_ValueError, "read byte out of range");
        return NULL;
    }
    return PyLong_FromLong((unsigned char)self->data[self->pos++]);
}

static PyObject *mmap_readline(mmap_object *self, PyObject *unused)
{
    CHECK_VALID(self, NULL);
    Py_ssize_t left = remaining(self);
    if (left == 0)
        return PyBytes_FromStringAndSize(NULL, 0);
    char *start = self->data + self->pos;
    char *eol = memchr(start, '\n', (size_t)left);
    eol = eol ? eol + 1 : self->data + self->size;
    PyObject *result = PyBytes_FromStringAndSize(start, eol - start);
    self->pos += eol - start;
    return result;
}

static PyObject *mmap_write(mmap_object *self, PyObject *args)
{
    Py_buffer data;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "y*:write", &data))
        return NULL;
    if (!is_writable(self)) {
        PyBuffer_Release(&data);
        return NULL;
    }
    if (self->pos > self->size || self->size - self->pos < data.len) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "data out of range");
        return NULL;
    }
    memcpy(self->data + self->pos, data.buf, (size_t)data.len);
    self->pos += data.len;
    PyBuffer_Release(&data);
    return PyLong_FromSsize_t(data.len);
}

static PyObject *mmap_write_byte(mmap_object *self, PyObject *args)
{
    char value;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "b:write_byte", &value))
        return NULL;
    if (!is_writable(self))
        return NULL;
    if (self->pos >= self->size) {
        PyErr_SetString(PyExc_ValueError, "write byte out of range");
        return NULL;
    }
    self->data[self->pos++] = value;
    Py_RETURN_NONE;
}

static PyObject *mmap_seek(mmap_object *self, PyObject *args)
{
    Py_ssize_t dist, where;
    int how = 0;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "n|i:seek", &dist, &how))
        return NULL;
    switch (how) {
    case 0:
        if (dist < 0)
            goto out_of_range;
        where = dist;
        break;
    case 1:
        if (PY_SSIZE_T_MAX - self->pos < dist)
            goto out_of_range;
        where = self->pos + dist;
        break;
    case 2:
        if (PY_SSIZE_T_MAX - self->size < dist)
            goto out_of_range;
        where = self->size + dist;
        break;
    default:
        PyErr_SetString(PyExc_ValueError, "unknown seek type");
        return NULL;
    }
    if (where > self->size || where < 0)
        goto out_of_range;
    self->pos = where;
    Py_RETURN_NONE;
out_of_range:
    PyErr_SetString(PyExc_ValueError, "seek out of range");
    return NULL;
}

static PyObject *mmap_tell(mmap_object *self, PyObject *unused)
{
    CHECK_VALID(self, NULL);
    return PyLong_FromSize_t((size_t)self->pos);
}

/* The size of the underlying file (not of the map).  3.11 asks fstat() even for anonymous
 * memory, so those get OSError(EBADF). */
static PyObject *mmap_size(mmap_object *self, PyObject *unused)
{
    CHECK_VALID(self, NULL);
    struct stat st;
    if (fstat(self->fd, &st) == -1)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLongLong((long long)st.st_size);
}

/* ---------------------------------------------------------------- searching */

/* Clamp a slice bound the way str.find does. */
static Py_ssize_t clamp_bound(Py_ssize_t i, Py_ssize_t size)
{
    if (i < 0) {
        i += size;
        if (i < 0)
            i = 0;
    }
    else if (i > size) {
        i = size;
    }
    return i;
}

static Py_ssize_t search(const char *hay, Py_ssize_t n, const char *needle, Py_ssize_t m,
                         int reverse)
{
    if (m > n)
        return -1;
    if (!reverse) {
        const char *p = memmem(hay, (size_t)n, needle, (size_t)m);
        return p ? p - hay : -1;
    }
    for (Py_ssize_t i = n - m; i >= 0; i--) {
        if (memcmp(hay + i, needle, (size_t)m) == 0)
            return i;
    }
    return -1;
}

static PyObject *mmap_gfind(mmap_object *self, PyObject *args, int reverse)
{
    Py_ssize_t start = self->pos, end = self->size;
    Py_buffer view;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, reverse ? "y*|nn:rfind" : "y*|nn:find", &view, &start, &end))
        return NULL;
    start = clamp_bound(start, self->size);
    end = clamp_bound(end, self->size);
    if (self->data == NULL) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_ValueError, "mmap closed or invalid");
        return NULL;
    }
    Py_ssize_t res = -1;
    if (end >= start) {
        res = search(self->data + start, end - start, view.buf, view.len, reverse);
        if (res >= 0)
            res += start;
    }
    PyBuffer_Release(&view);
    return PyLong_FromSsize_t(res);
}

static PyObject *mmap_find(mmap_object *self, PyObject *args)
{
    return mmap_gfind(self, args, 0);
}

static PyObject *mmap_rfind(mmap_object *self, PyObject *args)
{
    return mmap_gfind(self, args, 1);
}

/* ---------------------------------------------------------------- whole-map operations */

static PyObject *mmap_flush(mmap_object *self, PyObject *args)
{
    Py_ssize_t offset = 0, size = self->size;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "|nn:flush", &offset, &size))
        return NULL;
    if (size < 0 || offset < 0 || self->size - offset < size) {
        PyErr_SetString(PyExc_ValueError, "flush values out of range");
        return NULL;
    }
    if (self->access == ACCESS_READ || self->access == ACCESS_COPY)
        Py_RETURN_NONE;
    if (msync(self->data + offset, (size_t)size, MS_SYNC) == -1)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *mmap_move(mmap_object *self, PyObject *args)
{
    Py_ssize_t dest, src, cnt;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "nnn:move", &dest, &src, &cnt) || !is_writable(self))
        return NULL;
    if (dest < 0 || src < 0 || cnt < 0 || self->size - dest < cnt || self->size - src < cnt) {
        PyErr_SetString(PyExc_ValueError, "source, destination, or count out of range");
        return NULL;
    }
    memmove(self->data + dest, self->data + src, (size_t)cnt);
    Py_RETURN_NONE;
}

static PyObject *mmap_resize(mmap_object *self, PyObject *args)
{
    Py_ssize_t new_size;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "n:resize", &new_size) || !is_resizeable(self))
        return NULL;
    if (new_size < 0 || PY_SSIZE_T_MAX - new_size < self->offset) {
        PyErr_SetString(PyExc_ValueError, "new size out of range");
        return NULL;
    }
    /* A file-backed map grows or shrinks its file too. */
    if (self->fd != -1 && ftruncate(self->fd, (off_t)(self->offset + new_size)) == -1)
        return PyErr_SetFromErrno(PyExc_OSError);
    void *newmap = mremap(self->data, (size_t)self->size, (size_t)new_size, MREMAP_MAYMOVE);
    if (newmap == MAP_FAILED)
        return PyErr_SetFromErrno(PyExc_OSError);
    self->data = newmap;
    self->size = new_size;
    Py_RETURN_NONE;
}

static PyObject *mmap_madvise(mmap_object *self, PyObject *args)
{
    int option;
    Py_ssize_t start = 0, length = self->size;
    CHECK_VALID(self, NULL);
    if (!PyArg_ParseTuple(args, "i|nn:madvise", &option, &start, &length))
        return NULL;
    if (start < 0 || start >= self->size) {
        PyErr_SetString(PyExc_ValueError, "madvise start out of bounds");
        return NULL;
    }
    if (length < 0) {
        PyErr_SetString(PyExc_ValueError, "madvise length invalid");
        return NULL;
    }
    if (PY_SSIZE_T_MAX - start < length) {
        PyErr_SetString(PyExc_OverflowError, "madvise length too large");
        return NULL;
    }
    if (start + length > self->size)
        length = self->size - start;
    if (madvise(self->data + start, (size_t)length, option) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyObject *mmap_repr(mmap_object *self)
{
    const char *name = Py_TYPE(self)->tp_name;
    if (self->data == NULL)
        return PyUnicode_FromFormat("<%s closed=True>", name);
    static const char *const access_names[] = {
        "ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY",
    };
    return PyUnicode_FromFormat("<%s closed=False, access=%s, length=%zd, pos=%zd, offset=%lld>",
                                name, access_names[self->access], self->size, self->pos,
                                self->offset);
}

/* ---------------------------------------------------------------- sequence and mapping */

static Py_ssize_t mmap_length(mmap_object *self)
{
    CHECK_VALID(self, -1);
    return self->size;
}

/* Iteration goes through sq_item, which (unlike m[i]) gives 1-byte bytes objects. */
static PyObject *mmap_item(mmap_object *self, Py_ssize_t i)
{
    CHECK_VALID(self, NULL);
    if (i < 0 || i >= self->size) {
        PyErr_SetString(PyExc_IndexError, "mmap index out of range");
        return NULL;
    }
    return PyBytes_FromStringAndSize(self->data + i, 1);
}

static PyObject *mmap_subscript(mmap_object *self, PyObject *item)
{
    CHECK_VALID(self, NULL);
    if (PyIndex_Check(item)) {
        Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += self->size;
        if (i < 0 || i >= self->size) {
            PyErr_SetString(PyExc_IndexError, "mmap index out of range");
            return NULL;
        }
        return PyLong_FromLong((unsigned char)self->data[i]);
    }
    if (!PySlice_Check(item)) {
        PyErr_SetString(PyExc_TypeError, "mmap indices must be integers");
        return NULL;
    }
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return NULL;
    Py_ssize_t len = PySlice_AdjustIndices(self->size, &start, &stop, step);
    CHECK_VALID(self, NULL);   /* __index__ of the slice bounds may have closed us */
    if (step == 1)
        return PyBytes_FromStringAndSize(self->data + start, len);
    PyObject *result = PyBytes_FromStringAndSize(NULL, len);
    if (result == NULL)
        return NULL;
    char *out = PyBytes_AS_STRING(result);
    for (Py_ssize_t k = 0; k < len; k++)   /* no running index: it would overflow on a huge step */
        out[k] = self->data[start + k * step];
    return result;
}

static int assign_index(mmap_object *self, PyObject *item, PyObject *value)
{
    Py_ssize_t i = PyNumber_AsSsize_t(item, PyExc_IndexError);
    if (i == -1 && PyErr_Occurred())
        return -1;
    if (i < 0)
        i += self->size;
    if (i < 0 || i >= self->size) {
        PyErr_SetString(PyExc_IndexError, "mmap index out of range");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "mmap doesn't support item deletion");
        return -1;
    }
    if (!PyIndex_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "mmap item value must be an int");
        return -1;
    }
    Py_ssize_t v = PyNumber_AsSsize_t(value, PyExc_TypeError);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v < 0 || v > 255) {
        PyErr_SetString(PyExc_ValueError, "mmap item value must be in range(0, 256)");
        return -1;
    }
    CHECK_VALID(self, -1);
    self->data[i] = (char)v;
    return 0;
}

static int assign_slice(mmap_object *self, PyObject *item, PyObject *value)
{
    Py_ssize_t start, stop, step;
    if (PySlice_Unpack(item, &start, &stop, &step) < 0)
        return -1;
    Py_ssize_t len = PySlice_AdjustIndices(self->size, &start, &stop, step);
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "mmap object doesn't support slice deletion");
        return -1;
    }
    Py_buffer vbuf;
    if (PyObject_GetBuffer(value, &vbuf, PyBUF_SIMPLE) < 0)
        return -1;
    if (vbuf.len != len) {
        PyErr_SetString(PyExc_IndexError, "mmap slice assignment is wrong size");
        PyBuffer_Release(&vbuf);
        return -1;
    }
    if (self->data == NULL) {
        PyBuffer_Release(&vbuf);
        PyErr_SetString(PyExc_ValueError, "mmap closed or invalid");
        return -1;
    }
    if (step == 1) {
        memcpy(self->data + start, vbuf.buf, (size_t)len);
    }
    else {
        const char *src = vbuf.buf;
        for (Py_ssize_t k = 0; k < len; k++)
            self->data[start + k * step] = src[k];
    }
    PyBuffer_Release(&vbuf);
    return 0;
}

static int mmap_ass_subscript(mmap_object *self, PyObject *item, PyObject *value)
{
    CHECK_VALID(self, -1);
    if (!is_writable(self))
        return -1;
    if (PyIndex_Check(item))
        return assign_index(self, item, value);
    if (PySlice_Check(item))
        return assign_slice(self, item, value);
    PyErr_SetString(PyExc_TypeError, "mmap indices must be integer");
    return -1;
}

/* ---------------------------------------------------------------- buffer protocol */

static int mmap_getbuffer(mmap_object *self, Py_buffer *view, int flags)
{
    CHECK_VALID(self, -1);
    if (PyBuffer_FillInfo(view, (PyObject *)self, self->data, self->size,
                          self->access == ACCESS_READ, flags) < 0)
        return -1;
    self->exports++;
    return 0;
}

static void mmap_releasebuffer(mmap_object *self, Py_buffer *view)
{
    self->exports--;
}

/* ---------------------------------------------------------------- type */

#define VARARGS(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS
#define NOARGS(f) (PyCFunction)(void (*)(void))(f), METH_NOARGS

static PyMethodDef mmap_methods[] = {
    {"close", NOARGS(mmap_close), NULL},
    {"find", VARARGS(mmap_find), NULL},
    {"rfind", VARARGS(mmap_rfind), NULL},
    {"flush", VARARGS(mmap_flush), NULL},
    {"madvise", VARARGS(mmap_madvise), NULL},
    {"move", VARARGS(mmap_move), NULL},
    {"read", VARARGS(mmap_read), NULL},
    {"read_byte", NOARGS(mmap_read_byte), NULL},
    {"readline", NOARGS(mmap_readline), NULL},
    {"resize", VARARGS(mmap_resize), NULL},
    {"seek", VARARGS(mmap_seek), NULL},
    {"size", NOARGS(mmap_size), NULL},
    {"tell", NOARGS(mmap_tell), NULL},
    {"write", VARARGS(mmap_write), NULL},
    {"write_byte", VARARGS(mmap_write_byte), NULL},
    {"__enter__", NOARGS(mmap_enter), NULL},
    {"__exit__", VARARGS(mmap_exit), NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef mmap_getset[] = {
    {"closed", (getter)mmap_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PySequenceMethods mmap_as_sequence = {
    .sq_length = (lenfunc)mmap_length,
    .sq_item = (ssizeargfunc)mmap_item,
};

static PyMappingMethods mmap_as_mapping = {
    .mp_length = (lenfunc)mmap_length,
    .mp_subscript = (binaryfunc)mmap_subscript,
    .mp_ass_subscript = (objobjargproc)mmap_ass_subscript,
};

static PyBufferProcs mmap_as_buffer = {
    .bf_getbuffer = (getbufferproc)mmap_getbuffer,
    .bf_releasebuffer = (releasebufferproc)mmap_releasebuffer,
};

static const char mmap_doc[] =
    "Windows: mmap(fileno, length[, tagname[, access[, offset]]])\n\n"
    "Maps length bytes from the file specified by the file handle fileno,\n"
    "and returns a mmap object.  If length is larger than the current size\n"
    "of the file, the file is extended to contain length bytes.  If length\n"
    "is 0, the maximum length of the map is the current size of the file,\n"
    "except that if the file is empty Windows raises an exception (you cannot\n"
    "create an empty mapping on Windows).\n\n"
    "Unix: mmap(fileno, length[, flags[, prot[, access[, offset]]]])\n\n"
    "Maps length bytes from the file specified by the file descriptor fileno,\n"
    "and returns a mmap object.  If length is 0, the maximum length of the map\n"
    "will be the current size of the file when mmap is called.\n"
    "flags specifies the nature of the mapping. MAP_PRIVATE creates a\n"
    "private copy-on-write mapping, so changes to the contents of the mmap\n"
    "object will be private to this process, and MAP_SHARED creates a mapping\n"
    "that's shared with all other processes mapping the same areas of the file.\n"
    "The default value is MAP_SHARED.\n\n"
    "To map anonymous memory, pass -1 as the fileno (both versions).";

static PyTypeObject mmap_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mmap.mmap",
    .tp_basicsize = sizeof(mmap_object),
    .tp_dealloc = (destructor)mmap_dealloc,
    .tp_repr = (reprfunc)mmap_repr,
    .tp_as_sequence = &mmap_as_sequence,
    .tp_as_mapping = &mmap_as_mapping,
    .tp_as_buffer = &mmap_as_buffer,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = mmap_doc,
    .tp_weaklistoffset = offsetof(mmap_object, weakreflist),
    .tp_methods = mmap_methods,
    .tp_getset = mmap_getset,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = mmap_new,
    .tp_free = PyObject_Del,
};

static struct PyModuleDef mmapmodule = {
    PyModuleDef_HEAD_INIT, "mmap", NULL, -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_mmap(void)
{
    if (PyType_Ready(&mmap_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&mmapmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 ||
        PyModule_AddType(m, &mmap_type) < 0)
        goto error;
    long pagesize = sysconf(_SC_PAGESIZE);
#define C(name) {#name, name}
    const struct { const char *name; long value; } consts[] = {
        C(PROT_EXEC), C(PROT_READ), C(PROT_WRITE),
        C(MAP_SHARED), C(MAP_PRIVATE), C(MAP_DENYWRITE), C(MAP_EXECUTABLE),
        {"MAP_ANON", MAP_ANONYMOUS}, C(MAP_ANONYMOUS), C(MAP_POPULATE), C(MAP_STACK),
        {"PAGESIZE", pagesize}, {"ALLOCATIONGRANULARITY", pagesize},
        C(ACCESS_DEFAULT), C(ACCESS_READ), C(ACCESS_WRITE), C(ACCESS_COPY),
        C(MADV_NORMAL), C(MADV_RANDOM), C(MADV_SEQUENTIAL), C(MADV_WILLNEED),
        C(MADV_DONTNEED), C(MADV_REMOVE), C(MADV_DONTFORK), C(MADV_DOFORK),
        C(MADV_HWPOISON), C(MADV_MERGEABLE), C(MADV_UNMERGEABLE), C(MADV_HUGEPAGE),
        C(MADV_NOHUGEPAGE), C(MADV_DONTDUMP), C(MADV_DODUMP), C(MADV_FREE),
    };
#undef C
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0)
            goto error;
    }
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
