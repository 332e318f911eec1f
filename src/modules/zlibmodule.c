/* zlibmodule.c — the `zlib` module on Debian's libz (zlib1g-dev): compress/decompress,
 * Compress/Decompress stream objects (flush, copy, unused_data, unconsumed_tail, eof),
 * crc32, adler32, zlib.error and the Z_* constants.  Owner: modules-os.
 */
#include "Python.h"

#include <string.h>
#include <zlib.h>


#define DEF_BUF_SIZE (16 * 1024)

static PyObject *ZlibError;

static void zlib_error(z_stream *zst, int err, const char *msg)
{
    const char *zmsg = err == Z_VERSION_ERROR ? "library version mismatch" : NULL;
    if (zmsg == NULL)
        zmsg = zst->msg;
    if (zmsg == NULL) {
        switch (err) {
        case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
        case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
        case Z_DATA_ERROR: zmsg = "invalid input data"; break;
        }
    }
    if (zmsg == NULL)
        PyErr_Format(ZlibError, "Error %d %s", err, msg);
    else
        PyErr_Format(ZlibError, "Error %d %s: %.200s", err, msg, zmsg);
}

/* Growable output: a bytes object and how much of it is used. */
typedef struct {
    PyObject *bytes;
    Py_ssize_t used, limit;   /* limit: maximum total length, or -1 */
} outbuf;

static int outbuf_init(outbuf *ob, Py_ssize_t size, Py_ssize_t limit)
{
    if (limit >= 0 && size > limit)
        size = limit;
    ob->bytes = PyBytes_FromStringAndSize(NULL, size > 0 ? size : 1);
    ob->used = 0;
    ob->limit = limit;
    return ob->bytes ? 0 : -1;
}

/* Point the stream at the free space, growing the buffer when full.  0 if the limit is
 * reached (no space can be given). */
static int outbuf_space(outbuf *ob, z_stream *zst)
{
    Py_ssize_t size = PyBytes_GET_SIZE(ob->bytes);
    if (ob->used == size) {
        if (ob->limit >= 0 && size >= ob->limit)
            return 0;
        Py_ssize_t nsize = size * 2;
        if (ob->limit >= 0 && nsize > ob->limit)
            nsize = ob->limit;
        if (_PyBytes_Resize(&ob->bytes, nsize) < 0)
            return -1;
        size = nsize;
    }
    Py_ssize_t avail = size - ob->used;
    if (avail > (Py_ssize_t)UINT_MAX)
        avail = UINT_MAX;
    zst->next_out = (Bytef *)PyBytes_AS_STRING(ob->bytes) + ob->used;
    zst->avail_out = (uInt)avail;
    return 1;
}

static void outbuf_account(outbuf *ob, z_stream *zst)
{
    ob->used = (char *)zst->next_out - PyBytes_AS_STRING(ob->bytes);
}

static PyObject *outbuf_finish(outbuf *ob)
{
    if (_PyBytes_Resize(&ob->bytes, ob->used) < 0)
        return NULL;
    return ob->bytes;
}

/* Feed the whole of the input, in chunks of at most UINT_MAX bytes. */
static void set_input(z_stream *zst, const unsigned char **in, Py_ssize_t *left)
{
    uInt n = *left > (Py_ssize_t)UINT_MAX ? UINT_MAX : (uInt)*left;
    zst->next_in = (Bytef *)*in;
    zst->avail_in = n;
    *in += n;
    *left -= n;
}

/* ------------------------------------------------------------ one-shot */

static PyObject *zlib_compress(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "level", "wbits", NULL};
    Py_buffer data;
    int level = Z_DEFAULT_COMPRESSION, wbits = MAX_WBITS;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|ii:compress", kwlist, &data, &level, &wbits))
        return NULL;
    z_stream zst;
    memset(&zst, 0, sizeof zst);
    int err = deflateInit2(&zst, level, Z_DEFLATED, wbits, 8, Z_DEFAULT_STRATEGY);
    if (err == Z_MEM_ERROR) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_MemoryError, "Out of memory while compressing data");
        return NULL;
    }
    if (err != Z_OK) {
        deflateEnd(&zst);
        zlib_error(&zst, err, "while compressing data");
        PyBuffer_Release(&data);
        return NULL;
    }
    outbuf ob;
    if (outbuf_init(&ob, data.len / 2 + 64, -1) < 0)
        goto fail;
    const unsigned char *in = data.buf;
    Py_ssize_t left = data.len;
    int flush;
    do {
        set_input(&zst, &in, &left);
        flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (outbuf_space(&ob, &zst) < 0)
                goto fail_ob;
            err = deflate(&zst, flush);
            outbuf_account(&ob, &zst);
            if (err == Z_STREAM_ERROR) {
                zlib_error(&zst, err, "while compressing data");
                goto fail_ob;
            }
        } while (zst.avail_out == 0);
    } while (flush != Z_FINISH);
    deflateEnd(&zst);
    PyBuffer_Release(&data);
    return outbuf_finish(&ob);
fail_ob:
    Py_DECREF(ob.bytes);
fail:
    deflateEnd(&zst);
    PyBuffer_Release(&data);
    return NULL;
}

static PyObject *zlib_decompress(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "wbits", "bufsize", NULL};
    Py_buffer data;
    int wbits = MAX_WBITS;
    Py_ssize_t bufsize = DEF_BUF_SIZE;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|in:decompress", kwlist, &data, &wbits,
                                     &bufsize))
        return NULL;
    if (bufsize < 0) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "bufsize must be non-negative");
        return NULL;
    }
    z_stream zst;
    memset(&zst, 0, sizeof zst);
    int err = inflateInit2(&zst, wbits);
    if (err != Z_OK) {
        if (err == Z_MEM_ERROR)
            PyErr_SetString(PyExc_MemoryError, "Out of memory while decompressing data");
        else
            zlib_error(&zst, err, "while preparing to decompress data");
        inflateEnd(&zst);
        PyBuffer_Release(&data);
        return NULL;
    }
    outbuf ob;
    if (outbuf_init(&ob, bufsize ? bufsize : 1, -1) < 0)
        goto fail;
    const unsigned char *in = data.buf;
    Py_ssize_t left = data.len;
    do {
        set_input(&zst, &in, &left);
        int flush = left == 0 ? Z_FINISH : Z_NO_FLUSH;
        do {
            if (outbuf_space(&ob, &zst) < 0)
                goto fail_ob;
            err = inflate(&zst, flush);
            outbuf_account(&ob, &zst);
            if (err == Z_MEM_ERROR) {
                PyErr_SetString(PyExc_MemoryError, "Out of memory while decompressing data");
                goto fail_ob;
            }
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                zlib_error(&zst, err, "while decompressing data");
                goto fail_ob;
            }
        } while (zst.avail_out == 0 && err != Z_STREAM_END);
    } while (err != Z_STREAM_END && left != 0);
    if (err != Z_STREAM_END) {
        zlib_error(&zst, err == Z_OK ? Z_BUF_ERROR : err, "while decompressing data");
        goto fail_ob;
    }
    err = inflateEnd(&zst);
    PyBuffer_Release(&data);
    if (err != Z_OK) {
        Py_DECREF(ob.bytes);
        zlib_error(&zst, err, "while finishing decompression");
        return NULL;
    }
    return outbuf_finish(&ob);
fail_ob:
    Py_DECREF(ob.bytes);
fail:
    inflateEnd(&zst);
    PyBuffer_Release(&data);
    return NULL;
}

/* ------------------------------------------------------------ stream objects */

typedef struct {
    PyObject_HEAD
    z_stream zst;
    PyObject *unused_data, *unconsumed_tail, *zdict;
    char eof, is_initialised;
} compobject;

static PyTypeObject Comptype, Decomptype;

static compobject *newcompobject(PyTypeObject *type)
{
    compobject *self = PyObject_New(compobject, type);
    if (self == NULL)
        return NULL;
    memset(&self->zst, 0, sizeof self->zst);
    self->eof = 0;
    self->is_initialised = 0;
    self->zdict = NULL;
    self->unused_data = PyBytes_FromStringAndSize("", 0);
    self->unconsumed_tail = PyBytes_FromStringAndSize("", 0);
    if (self->unused_data == NULL || self->unconsumed_tail == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static void comp_dealloc(compobject *self)
{
    if (self->is_initialised) {
        if (Py_IS_TYPE(self, &Comptype))
            deflateEnd(&self->zst);
        else
            inflateEnd(&self->zst);
    }
    Py_XDECREF(self->unused_data);
    Py_XDECREF(self->unconsumed_tail);
    Py_XDECREF(self->zdict);
    PyObject_Free(self);
}

static PyObject *zlib_compressobj(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"level", "method", "wbits", "memLevel", "strategy", "zdict", NULL};
    int level = Z_DEFAULT_COMPRESSION, method = Z_DEFLATED, wbits = MAX_WBITS;
    int memLevel = 8, strategy = Z_DEFAULT_STRATEGY;
    Py_buffer zdict = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iiiiiy*:compressobj", kwlist, &level,
                                     &method, &wbits, &memLevel, &strategy, &zdict))
        return NULL;
    compobject *self = newcompobject(&Comptype);
    if (self == NULL)
        goto done;
    int err = deflateInit2(&self->zst, level, method, wbits, memLevel, strategy);
    if (err == Z_OK) {
        self->is_initialised = 1;
        if (zdict.buf != NULL) {
            err = deflateSetDictionary(&self->zst, zdict.buf, (uInt)zdict.len);
            if (err != Z_OK) {
                Py_CLEAR(self);
                PyErr_SetString(PyExc_ValueError, "Invalid dictionary");
            }
        }
    } else if (err == Z_MEM_ERROR) {
        Py_CLEAR(self);
        PyErr_SetString(PyExc_MemoryError, "Can't allocate memory for compression object");
    } else if (err == Z_STREAM_ERROR) {
        Py_CLEAR(self);
        PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
    } else {
        zlib_error(&self->zst, err, "while creating compression object");
        Py_CLEAR(self);
    }
done:
    if (zdict.buf != NULL)
        PyBuffer_Release(&zdict);
    return (PyObject *)self;
}

static PyObject *zlib_decompressobj(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"wbits", "zdict", NULL};
    int wbits = MAX_WBITS;
    PyObject *zdict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iO:decompressobj", kwlist, &wbits, &zdict))
        return NULL;
    if (zdict != NULL && !PyObject_CheckBuffer(zdict)) {
        PyErr_SetString(PyExc_TypeError, "zdict argument must support the buffer protocol");
        return NULL;
    }
    compobject *self = newcompobject(&Decomptype);
    if (self == NULL)
        return NULL;
    self->zdict = Py_XNewRef(zdict);
    int err = inflateInit2(&self->zst, wbits);
    if (err == Z_OK) {
        self->is_initialised = 1;
        if (zdict != NULL && wbits < 0) {   /* raw streams take the dictionary up front */
            Py_buffer zv;
            if (PyObject_GetBuffer(zdict, &zv, PyBUF_SIMPLE) < 0) {
                Py_DECREF(self);
                return NULL;
            }
            err = inflateSetDictionary(&self->zst, zv.buf, (uInt)zv.len);
            PyBuffer_Release(&zv);
            if (err != Z_OK) {
                zlib_error(&self->zst, err, "while setting zdict");
                Py_DECREF(self);
                return NULL;
            }
        }
        return (PyObject *)self;
    }
    if (err == Z_STREAM_ERROR)
        PyErr_SetString(PyExc_ValueError, "Invalid initialization option");
    else if (err == Z_MEM_ERROR)
        PyErr_SetString(PyExc_MemoryError, "Can't allocate memory for decompression object");
    else
        zlib_error(&self->zst, err, "while creating decompression object");
    Py_DECREF(self);
    return NULL;
}

static PyObject *comp_compress(compobject *self, PyObject *arg)
{
    Py_buffer data;
    if (PyObject_GetBuffer(arg, &data, PyBUF_SIMPLE) < 0)
        return NULL;
    outbuf ob;
    if (outbuf_init(&ob, DEF_BUF_SIZE, -1) < 0) {
        PyBuffer_Release(&data);
        return NULL;
    }
    const unsigned char *in = data.buf;
    Py_ssize_t left = data.len;
    do {
        set_input(&self->zst, &in, &left);
        do {
            if (outbuf_space(&ob, &self->zst) < 0)
                goto fail;
            int err = deflate(&self->zst, Z_NO_FLUSH);
            outbuf_account(&ob, &self->zst);
            if (err == Z_STREAM_ERROR) {
                zlib_error(&self->zst, err, "while compressing data");
                goto fail;
            }
        } while (self->zst.avail_out == 0);
    } while (left != 0);
    PyBuffer_Release(&data);
    return outbuf_finish(&ob);
fail:
    Py_DECREF(ob.bytes);
    PyBuffer_Release(&data);
    return NULL;
}

static PyObject *comp_flush(compobject *self, PyObject *args)
{
    int mode = Z_FINISH;
    if (!PyArg_ParseTuple(args, "|i:flush", &mode))
        return NULL;
    if (mode == Z_NO_FLUSH)
        return PyBytes_FromStringAndSize(NULL, 0);
    outbuf ob;
    if (outbuf_init(&ob, DEF_BUF_SIZE, -1) < 0)
        return NULL;
    self->zst.avail_in = 0;
    int err;
    do {
        if (outbuf_space(&ob, &self->zst) < 0)
            goto fail;
        err = deflate(&self->zst, mode);
        outbuf_account(&ob, &self->zst);
        if (err == Z_STREAM_ERROR) {
            zlib_error(&self->zst, err, "while flushing");
            goto fail;
        }
    } while (self->zst.avail_out == 0);
    if (err == Z_STREAM_END && mode == Z_FINISH) {
        err = deflateEnd(&self->zst);
        self->is_initialised = 0;
        if (err != Z_OK) {
            zlib_error(&self->zst, err, "while finishing compression");
            goto fail;
        }
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        zlib_error(&self->zst, err, "while flushing");
        goto fail;
    }
    return outbuf_finish(&ob);
fail:
    Py_DECREF(ob.bytes);
    return NULL;
}

static PyObject *comp_copy(compobject *self, PyObject *unused)
{
    if (!self->is_initialised) {
        PyErr_SetString(PyExc_ValueError, "Inconsistent stream state");
        return NULL;
    }
    int is_comp = Py_IS_TYPE(self, &Comptype);
    compobject *c = newcompobject(Py_TYPE(self));
    if (c == NULL)
        return NULL;
    int err = is_comp ? deflateCopy(&c->zst, &self->zst) : inflateCopy(&c->zst, &self->zst);
    if (err != Z_OK) {
        if (err == Z_STREAM_ERROR)
            PyErr_SetString(PyExc_ValueError, "Inconsistent stream state");
        else if (err == Z_MEM_ERROR)
            PyErr_SetString(PyExc_MemoryError, "Can't allocate memory for compression object");
        else
            zlib_error(&self->zst, err, "while copying compression object");
        Py_DECREF(c);
        return NULL;
    }
    Py_SETREF(c->unused_data, Py_NewRef(self->unused_data));
    Py_SETREF(c->unconsumed_tail, Py_NewRef(self->unconsumed_tail));
    c->zdict = Py_XNewRef(self->zdict);
    c->eof = self->eof;
    c->is_initialised = 1;
    return (PyObject *)c;
}

/* After inflate: keep unread input as unconsumed_tail (max_length hit) or unused_data
 * (past the end of the stream). */
static int save_unconsumed(compobject *self, const unsigned char *rest, Py_ssize_t restlen,
                           int err)
{
    Py_ssize_t left = (Py_ssize_t)self->zst.avail_in + restlen;
    if (err == Z_STREAM_END) {
        if (left > 0) {
            PyObject *tail = PyBytes_FromStringAndSize(NULL, left);
            if (tail == NULL)
                return -1;
            memcpy(PyBytes_AS_STRING(tail), self->zst.next_in, self->zst.avail_in);
            memcpy(PyBytes_AS_STRING(tail) + self->zst.avail_in, rest, (size_t)restlen);
            PyObject *joined = PyBytes_FromStringAndSize(NULL, PyBytes_GET_SIZE(self->unused_data) + left);
            if (joined == NULL) {
                Py_DECREF(tail);
                return -1;
            }
            memcpy(PyBytes_AS_STRING(joined), PyBytes_AS_STRING(self->unused_data),
                   PyBytes_GET_SIZE(self->unused_data));
            memcpy(PyBytes_AS_STRING(joined) + PyBytes_GET_SIZE(self->unused_data),
                   PyBytes_AS_STRING(tail), left);
            Py_DECREF(tail);
            Py_SETREF(self->unused_data, joined);
        }
        /* all of it went to unused_data: nothing is left for unconsumed_tail (the stale
         * avail_in used to be copied into a 0-byte tail: heap overflow) */
        self->zst.avail_in = 0;
        restlen = 0;
        left = 0;
    }
    if (left > 0 || PyBytes_GET_SIZE(self->unconsumed_tail) > 0) {
        PyObject *tail = PyBytes_FromStringAndSize(NULL, left);
        if (tail == NULL)
            return -1;
        memcpy(PyBytes_AS_STRING(tail), self->zst.next_in, self->zst.avail_in);
        memcpy(PyBytes_AS_STRING(tail) + self->zst.avail_in, rest, (size_t)restlen);
        Py_SETREF(self->unconsumed_tail, tail);
    }
    return 0;
}

static int set_inflate_zdict(compobject *self)
{
    Py_buffer zv;
    if (PyObject_GetBuffer(self->zdict, &zv, PyBUF_SIMPLE) < 0)
        return -1;
    int err = inflateSetDictionary(&self->zst, zv.buf, (uInt)zv.len);
    PyBuffer_Release(&zv);
    if (err != Z_OK) {
        zlib_error(&self->zst, err, "while setting zdict");
        return -1;
    }
    return 0;
}

static PyObject *decomp_run(compobject *self, Py_buffer *data, Py_ssize_t max_length, int flush)
{
    outbuf ob;
    if (outbuf_init(&ob, max_length > 0 && max_length < DEF_BUF_SIZE ? max_length : DEF_BUF_SIZE,
                    max_length > 0 ? max_length : -1) < 0)
        return NULL;
    const unsigned char *in = data->buf;
    Py_ssize_t left = data->len;
    int err = Z_OK;
    do {
        set_input(&self->zst, &in, &left);
        for (;;) {
            int r = outbuf_space(&ob, &self->zst);
            if (r < 0)
                goto fail;
            if (r == 0)
                goto save;   /* max_length reached */
            err = inflate(&self->zst, flush);
            if (err == Z_NEED_DICT && self->zdict != NULL) {
                if (set_inflate_zdict(self) < 0)
                    goto fail;
                err = inflate(&self->zst, flush);
            }
            outbuf_account(&ob, &self->zst);
            if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                zlib_error(&self->zst, err, "while decompressing data");
                goto fail;
            }
            if (self->zst.avail_out != 0 || err == Z_STREAM_END)
                break;
        }
    } while (err != Z_STREAM_END && left != 0);
save:
    if (save_unconsumed(self, in, left, err) < 0)
        goto fail;
    if (err == Z_STREAM_END) {
        self->eof = 1;
        if (flush == Z_FINISH) {
            inflateEnd(&self->zst);
            self->is_initialised = 0;
        }
    }
    return outbuf_finish(&ob);
fail:
    Py_DECREF(ob.bytes);
    return NULL;
}

static PyObject *decomp_decompress(compobject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "max_length", NULL};
    Py_buffer data;
    Py_ssize_t max_length = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|n:decompress", kwlist, &data, &max_length))
        return NULL;
    if (max_length < 0) {
        PyBuffer_Release(&data);
        PyErr_SetString(PyExc_ValueError, "max_length must be non-negative");
        return NULL;
    }
    PyObject *r = decomp_run(self, &data, max_length, Z_SYNC_FLUSH);
    PyBuffer_Release(&data);
    return r;
}

static PyObject *decomp_flush(compobject *self, PyObject *args)
{
    Py_ssize_t length = DEF_BUF_SIZE;
    if (!PyArg_ParseTuple(args, "|n:flush", &length))
        return NULL;
    if (length <= 0) {
        PyErr_SetString(PyExc_ValueError, "length must be greater than zero");
        return NULL;
    }
    if (!self->is_initialised)
        return PyBytes_FromStringAndSize(NULL, 0);
    Py_buffer data;
    PyObject *tail = Py_NewRef(self->unconsumed_tail);
    if (PyObject_GetBuffer(tail, &data, PyBUF_SIMPLE) < 0) {
        Py_DECREF(tail);
        return NULL;
    }
    Py_SETREF(self->unconsumed_tail, PyBytes_FromStringAndSize("", 0));
    PyObject *r = decomp_run(self, &data, 0, Z_FINISH);
    PyBuffer_Release(&data);
    Py_DECREF(tail);
    return r;
}

/* __deepcopy__(memo): the same copy (the stream holds no Python objects to recurse into) */
static PyObject *comp_deepcopy(compobject *self, PyObject *memo)
{
    return comp_copy(self, NULL);
}

static PyMethodDef comp_methods[] = {
    {"compress", (PyCFunction)comp_compress, METH_O, "Returns a bytes object containing compressed data."},
    {"flush", (PyCFunction)comp_flush, METH_VARARGS, "Return a bytes object containing any remaining compressed data."},
    {"copy", (PyCFunction)comp_copy, METH_NOARGS, "Return a copy of the compression object."},
    {"__copy__", (PyCFunction)comp_copy, METH_NOARGS, NULL},
    {"__deepcopy__", (PyCFunction)comp_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef decomp_methods[] = {
    {"decompress", (PyCFunction)(void (*)(void))decomp_decompress, METH_VARARGS | METH_KEYWORDS,
     "Return a bytes object containing the decompressed version of the data."},
    {"flush", (PyCFunction)decomp_flush, METH_VARARGS, "Return a bytes object containing any remaining decompressed data."},
    {"copy", (PyCFunction)comp_copy, METH_NOARGS, "Return a copy of the decompression object."},
    {"__copy__", (PyCFunction)comp_copy, METH_NOARGS, NULL},
    {"__deepcopy__", (PyCFunction)comp_deepcopy, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef decomp_members[] = {
    {"unused_data", T_OBJECT, offsetof(compobject, unused_data), READONLY, NULL},
    {"unconsumed_tail", T_OBJECT, offsetof(compobject, unconsumed_tail), READONLY, NULL},
    {"eof", T_BOOL, offsetof(compobject, eof), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Comptype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zlib.Compress",
    .tp_basicsize = sizeof(compobject),
    .tp_dealloc = (destructor)comp_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = comp_methods,
};

static PyTypeObject Decomptype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zlib.Decompress",
    .tp_basicsize = sizeof(compobject),
    .tp_dealloc = (destructor)comp_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = decomp_methods,
    .tp_members = decomp_members,
};

/* ------------------------------------------------------------ checksums */

static PyObject *checksum(PyObject *args, const char *fmt, unsigned int start,
                          uLong (*fn)(uLong, const Bytef *, uInt))
{
    Py_buffer data;
    unsigned int value = start;
    if (!PyArg_ParseTuple(args, fmt, &data, &value))
        return NULL;
    uLong v = value;
    const unsigned char *p = data.buf;
    Py_ssize_t left = data.len;
    while (left > 0) {
        uInt n = left > (Py_ssize_t)UINT_MAX ? UINT_MAX : (uInt)left;
        v = fn(v, p, n);
        p += n;
        left -= n;
    }
    PyBuffer_Release(&data);
    return PyLong_FromUnsignedLong(v & 0xffffffffU);
}

static PyObject *zlib_crc32(PyObject *m, PyObject *args) { return checksum(args, "y*|I:crc32", 0, crc32); }
static PyObject *zlib_adler32(PyObject *m, PyObject *args) { return checksum(args, "y*|I:adler32", 1, adler32); }

static PyMethodDef zlib_methods[] = {
    {"adler32", zlib_adler32, METH_VARARGS, "Compute an Adler-32 checksum of data."},
    {"compress", (PyCFunction)(void (*)(void))zlib_compress, METH_VARARGS | METH_KEYWORDS, "Returns a bytes object containing compressed data."},
    {"compressobj", (PyCFunction)(void (*)(void))zlib_compressobj, METH_VARARGS | METH_KEYWORDS, "Return a compressor object."},
    {"crc32", zlib_crc32, METH_VARARGS, "Compute a CRC-32 checksum of data."},
    {"decompress", (PyCFunction)(void (*)(void))zlib_decompress, METH_VARARGS | METH_KEYWORDS, "Returns a bytes object containing the uncompressed data."},
    {"decompressobj", (PyCFunction)(void (*)(void))zlib_decompressobj, METH_VARARGS | METH_KEYWORDS, "Return a decompressor object."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef zlibmodule = {
    PyModuleDef_HEAD_INIT, "zlib",
    "The functions in this module allow compression and decompression using the\n"
    "zlib library, which is based on GNU zip.",
    -1, zlib_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_zlib(void)
{
    if (PyType_Ready(&Comptype) < 0 || PyType_Ready(&Decomptype) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&zlibmodule);
    if (m == NULL)
        return NULL;
    if (ZlibError == NULL && (ZlibError = PyErr_NewException("zlib.error", NULL, NULL)) == NULL)
        goto fail;
    if (PyModule_AddObjectRef(m, "error", ZlibError) < 0)
        goto fail;
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) goto fail;
    C(MAX_WBITS) C(Z_NO_COMPRESSION) C(Z_BEST_SPEED) C(Z_BEST_COMPRESSION)
    C(Z_DEFAULT_COMPRESSION) C(Z_FILTERED) C(Z_HUFFMAN_ONLY) C(Z_RLE) C(Z_FIXED)
    C(Z_DEFAULT_STRATEGY) C(Z_NO_FLUSH) C(Z_PARTIAL_FLUSH) C(Z_SYNC_FLUSH) C(Z_FULL_FLUSH)
    C(Z_FINISH) C(Z_BLOCK) C(Z_TREES)
#undef C
    if (PyModule_AddIntConstant(m, "DEFLATED", Z_DEFLATED) < 0 ||
        PyModule_AddIntConstant(m, "DEF_MEM_LEVEL", 8) < 0 ||
        PyModule_AddIntConstant(m, "DEF_BUF_SIZE", DEF_BUF_SIZE) < 0 ||
        PyModule_AddStringConstant(m, "ZLIB_VERSION", ZLIB_VERSION) < 0 ||
        PyModule_AddStringConstant(m, "ZLIB_RUNTIME_VERSION", zlibVersion()) < 0 ||
        PyModule_AddStringConstant(m, "__version__", "1.0") < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
