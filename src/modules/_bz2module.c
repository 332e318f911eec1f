/* _bz2module.c — the `_bz2` module on libbz2: BZ2Compressor (compress/flush) and
 * BZ2Decompressor (decompress with max_length, eof, unused_data, needs_input), the
 * objects /usr/lib/python3.11/bz2.py wraps.  Owner: modules-xml.  File objects, open()
 * and the one-shot helpers are bz2.py's (pure Python).
 */
#include "Python.h"

#include <bzlib.h>
#include <limits.h>
#include <string.h>

#define INITIAL_OUT 8192

/* Map a libbzip2 status to an exception; 1 if one was raised. */
static int catch_bz2_error(int bzerror)
{
    switch (bzerror) {
    case BZ_OK: case BZ_RUN_OK: case BZ_FLUSH_OK: case BZ_FINISH_OK: case BZ_STREAM_END:
        return 0;
    case BZ_CONFIG_ERROR:
        PyErr_SetString(PyExc_SystemError, "libbzip2 was not compiled correctly");
        return 1;
    case BZ_PARAM_ERROR:
        PyErr_SetString(PyExc_ValueError, "Internal error - invalid parameters passed to libbzip2");
        return 1;
    case BZ_MEM_ERROR:
        PyErr_NoMemory();
        return 1;
    case BZ_DATA_ERROR: case BZ_DATA_ERROR_MAGIC:
        PyErr_SetString(PyExc_OSError, "Invalid data stream");
        return 1;
    case BZ_IO_ERROR:
        PyErr_SetString(PyExc_OSError, "Unknown I/O error");
        return 1;
    case BZ_UNEXPECTED_EOF:
        PyErr_SetString(PyExc_EOFError,
                        "Compressed file ended before the logical end-of-stream was detected");
        return 1;
    case BZ_SEQUENCE_ERROR:
        PyErr_SetString(PyExc_RuntimeError,
                        "Internal error - Invalid sequence of commands sent to libbzip2");
        return 1;
    default:
        PyErr_Format(PyExc_OSError, "Unrecognized error from libbzip2: %d", bzerror);
        return 1;
    }
}

/* Growable output: a bytes object, how much is used, and an optional cap (-1: none). */
typedef struct {
    PyObject *bytes;
    Py_ssize_t used, limit;
} outbuf;

static int outbuf_init(outbuf *ob, Py_ssize_t limit)
{
    Py_ssize_t size = INITIAL_OUT;
    if (limit >= 0 && size > limit)
        size = limit;
    ob->bytes = PyBytes_FromStringAndSize(NULL, size);
    ob->used = 0;
    ob->limit = limit;
    return ob->bytes ? 0 : -1;
}

/* Point next_out/avail_out at free space, growing when full: 1 ok, 0 cap reached, -1 error. */
static int outbuf_space(outbuf *ob, char **next_out, unsigned int *avail_out)
{
    Py_ssize_t size = PyBytes_GET_SIZE(ob->bytes);
    if (ob->used == size) {
        if (ob->limit >= 0 && size >= ob->limit)
            return 0;
        Py_ssize_t nsize = size < INITIAL_OUT ? INITIAL_OUT : size * 2;
        if (ob->limit >= 0 && nsize > ob->limit)
            nsize = ob->limit;
        if (_PyBytes_Resize(&ob->bytes, nsize) < 0)
            return -1;
        size = nsize;
    }
    Py_ssize_t avail = size - ob->used;
    *next_out = PyBytes_AS_STRING(ob->bytes) + ob->used;
    *avail_out = avail > (Py_ssize_t)UINT_MAX ? UINT_MAX : (unsigned int)avail;
    return 1;
}

static PyObject *outbuf_finish(outbuf *ob)
{
    if (_PyBytes_Resize(&ob->bytes, ob->used) < 0)
        return NULL;
    return ob->bytes;
}

/* ------------------------------------------------------------ BZ2Compressor */

typedef struct {
    PyObject_HEAD
    bz_stream bzs;
    int flushed;
} BZ2Compressor;

/* Run the compressor over data with the given action until all input is consumed (BZ_RUN)
 * or the stream is finished (BZ_FINISH). */
static PyObject *compress_run(BZ2Compressor *c, const char *data, Py_ssize_t len, int action)
{
    outbuf ob;
    if (outbuf_init(&ob, -1) < 0)
        return NULL;
    c->bzs.next_in = (char *)data;
    c->bzs.avail_in = 0;
    for (;;) {
        if (c->bzs.avail_in == 0 && len > 0) {
            unsigned int n = len > (Py_ssize_t)UINT_MAX ? UINT_MAX : (unsigned int)len;
            c->bzs.avail_in = n;
            len -= n;
        }
        if (action == BZ_RUN && c->bzs.avail_in == 0)
            break;
        if (outbuf_space(&ob, &c->bzs.next_out, &c->bzs.avail_out) < 0)
            goto fail;
        char *start = c->bzs.next_out;
        int ret = BZ2_bzCompress(&c->bzs, action);
        ob.used += c->bzs.next_out - start;
        if (catch_bz2_error(ret))
            goto fail;
        if (action == BZ_FINISH && ret == BZ_STREAM_END)
            break;
    }
    return outbuf_finish(&ob);
fail:
    Py_DECREF(ob.bytes);
    return NULL;
}

static PyObject *BZ2Compressor_compress(BZ2Compressor *self, PyObject *arg)
{
    Py_buffer data;
    if (PyObject_GetBuffer(arg, &data, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *r;
    if (self->flushed) {
        PyErr_SetString(PyExc_ValueError, "Compressor has been flushed");
        r = NULL;
    } else {
        r = compress_run(self, data.buf, data.len, BZ_RUN);
    }
    PyBuffer_Release(&data);
    return r;
}

static PyObject *BZ2Compressor_flush(BZ2Compressor *self, PyObject *unused)
{
    if (self->flushed) {
        PyErr_SetString(PyExc_ValueError, "Repeated call to flush()");
        return NULL;
    }
    self->flushed = 1;
    return compress_run(self, "", 0, BZ_FINISH);
}

static PyObject *BZ2Compressor_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int level = 9;
    if (!_PyArg_NoKeywords("BZ2Compressor", kwds))
        return NULL;
    if (!PyArg_ParseTuple(args, "|i:BZ2Compressor", &level))
        return NULL;
    if (level < 1 || level > 9) {
        PyErr_SetString(PyExc_ValueError, "compresslevel must be between 1 and 9");
        return NULL;
    }
    BZ2Compressor *self = (BZ2Compressor *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    memset(&self->bzs, 0, sizeof self->bzs);
    int ret = BZ2_bzCompressInit(&self->bzs, level, 0, 0);
    if (catch_bz2_error(ret)) {
        self->bzs.state = NULL;
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void BZ2Compressor_dealloc(BZ2Compressor *self)
{
    if (self->bzs.state != NULL)
        BZ2_bzCompressEnd(&self->bzs);
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free((PyObject *)self);
}

static PyMethodDef BZ2Compressor_methods[] = {
    {"compress", (PyCFunction)BZ2Compressor_compress, METH_O,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise.\n\nWhen you have finished providing data to the compressor, call the\nflush() method to finish the compression process."},
    {"flush", (PyCFunction)BZ2Compressor_flush, METH_NOARGS,
     "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\nThe compressor object may not be used after this method is called."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject BZ2Compressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_bz2.BZ2Compressor",
    .tp_basicsize = sizeof(BZ2Compressor),
    .tp_dealloc = (destructor)BZ2Compressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "BZ2Compressor(compresslevel=9, /)\n--\n\nCreate a compressor object for compressing data incrementally.\n\n  compresslevel\n    Compression level, as a number between 1 and 9.\n\nFor one-shot compression, use the compress() function instead.",
    .tp_methods = BZ2Compressor_methods,
    .tp_new = BZ2Compressor_new,
};

/* ------------------------------------------------------------ BZ2Decompressor */

typedef struct {
    PyObject_HEAD
    bz_stream bzs;
    char eof;
    char needs_input;
    char failed;               /* libbzip2 reported bad data: the stream state is unusable */
    PyObject *unused_data;     /* bytes */
    char *input_buffer;        /* input left over from a max_length-limited call */
    size_t input_buffer_size;
    size_t avail_in_real;      /* bytes of input not yet consumed (may exceed UINT_MAX) */
} BZ2Decompressor;

/* Decompress what is at bzs.next_in (avail_in_real bytes), at most max_length bytes out. */
static PyObject *decompress_buf(BZ2Decompressor *d, Py_ssize_t max_length)
{
    outbuf ob;
    if (outbuf_init(&ob, max_length) < 0)
        return NULL;
    bz_stream *bzs = &d->bzs;
    for (;;) {
        int r = outbuf_space(&ob, &bzs->next_out, &bzs->avail_out);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        bzs->avail_in = d->avail_in_real > UINT_MAX ? UINT_MAX : (unsigned int)d->avail_in_real;
        d->avail_in_real -= bzs->avail_in;
        char *start = bzs->next_out;
        int ret = BZ2_bzDecompress(bzs);
        ob.used += bzs->next_out - start;
        d->avail_in_real += bzs->avail_in;
        if (catch_bz2_error(ret)) {
            /* calling libbzip2 again on this stream would corrupt memory */
            d->failed = 1;
            goto fail;
        }
        if (ret == BZ_STREAM_END) {
            d->eof = 1;
            break;
        }
        if (d->avail_in_real == 0)
            break;
    }
    return outbuf_finish(&ob);
fail:
    Py_DECREF(ob.bytes);
    return NULL;
}

static PyObject *decompress(BZ2Decompressor *d, const char *data, size_t len,
                            Py_ssize_t max_length)
{
    bz_stream *bzs = &d->bzs;
    int in_buffer = 0;
    if (d->avail_in_real > 0) {
        /* Append to the leftover input, moving it to the front of the buffer first. */
        size_t offset = bzs->next_in - d->input_buffer;
        size_t used = offset + d->avail_in_real;
        if (d->input_buffer_size - used < len) {
            memmove(d->input_buffer, bzs->next_in, d->avail_in_real);
            bzs->next_in = d->input_buffer;
            if (d->input_buffer_size < d->avail_in_real + len) {
                size_t nsize = d->avail_in_real + len;
                char *nb = PyMem_Realloc(d->input_buffer, nsize);
                if (nb == NULL) {
                    PyErr_NoMemory();
                    return NULL;
                }
                d->input_buffer = nb;
                d->input_buffer_size = nsize;
                bzs->next_in = nb;
            }
        }
        memcpy(bzs->next_in + d->avail_in_real, data, len);
        d->avail_in_real += len;
        in_buffer = 1;
    } else {
        bzs->next_in = (char *)data;
        d->avail_in_real = len;
    }
    PyObject *result = decompress_buf(d, max_length);
    if (result == NULL) {
        bzs->next_in = NULL;
        d->avail_in_real = 0;
        if (d->failed)
            d->needs_input = 0;
        return NULL;
    }
    if (d->eof) {
        d->needs_input = 0;
        if (d->avail_in_real > 0) {
            PyObject *u = PyBytes_FromStringAndSize(bzs->next_in, d->avail_in_real);
            if (u == NULL) {
                Py_DECREF(result);
                return NULL;
            }
            Py_XSETREF(d->unused_data, u);
        }
    } else if (d->avail_in_real == 0) {
        bzs->next_in = NULL;
        d->needs_input = 1;
    } else {
        d->needs_input = 0;
        if (!in_buffer) {
            /* Keep the caller's unconsumed input for the next call. */
            if (d->input_buffer_size < d->avail_in_real) {
                char *nb = PyMem_Realloc(d->input_buffer, d->avail_in_real);
                if (nb == NULL) {
                    Py_DECREF(result);
                    PyErr_NoMemory();
                    return NULL;
                }
                d->input_buffer = nb;
                d->input_buffer_size = d->avail_in_real;
            }
            memcpy(d->input_buffer, bzs->next_in, d->avail_in_real);
            bzs->next_in = d->input_buffer;
        }
    }
    return result;
}

static PyObject *BZ2Decompressor_decompress(BZ2Decompressor *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "max_length", NULL};
    Py_buffer data;
    Py_ssize_t max_length = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|n:decompress", kwlist, &data, &max_length))
        return NULL;
    PyObject *r;
    if (self->eof) {
        PyErr_SetString(PyExc_EOFError, "End of stream already reached");
        r = NULL;
    } else if (self->failed) {
        PyErr_SetString(PyExc_ValueError, "Decompressor is unusable after a previous error");
        r = NULL;
    } else {
        r = decompress(self, data.buf, (size_t)data.len, max_length);
    }
    PyBuffer_Release(&data);
    return r;
}

static PyObject *BZ2Decompressor_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("BZ2Decompressor", kwds) ||
        !PyArg_ParseTuple(args, ":BZ2Decompressor"))
        return NULL;
    BZ2Decompressor *self = (BZ2Decompressor *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    memset(&self->bzs, 0, sizeof self->bzs);
    self->needs_input = 1;
    self->unused_data = PyBytes_FromStringAndSize(NULL, 0);
    if (self->unused_data == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    int ret = BZ2_bzDecompressInit(&self->bzs, 0, 0);
    if (catch_bz2_error(ret)) {
        self->bzs.state = NULL;
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void BZ2Decompressor_dealloc(BZ2Decompressor *self)
{
    if (self->bzs.state != NULL)
        BZ2_bzDecompressEnd(&self->bzs);
    PyMem_Free(self->input_buffer);
    Py_XDECREF(self->unused_data);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef BZ2Decompressor_methods[] = {
    {"decompress", (PyCFunction)(void (*)(void))BZ2Decompressor_decompress,
     METH_VARARGS | METH_KEYWORDS,
     "Decompress *data*, returning uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns at most *max_length* bytes of\ndecompressed data. If this limit is reached and further output can be\nproduced, *self.needs_input* will be set to ``False``. In this case, the next\ncall to *decompress()* may provide *data* as b'' to obtain more of the output.\n\nIf all of the input data was decompressed and returned (either because this\nwas less than *max_length* bytes, or because *max_length* was negative),\n*self.needs_input* will be set to True.\n\nAttempting to decompress data after the end of stream is reached raises an\nEOFError.  Any data found after the end of the stream is ignored and saved in\nthe unused_data attribute."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef BZ2Decompressor_members[] = {
    {"eof", T_BOOL, offsetof(BZ2Decompressor, eof), READONLY,
     "True if the end-of-stream marker has been reached."},
    {"unused_data", T_OBJECT_EX, offsetof(BZ2Decompressor, unused_data), READONLY,
     "Data found after the end of the compressed stream."},
    {"needs_input", T_BOOL, offsetof(BZ2Decompressor, needs_input), READONLY,
     "True if more input is needed before more decompressed data can be produced."},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject BZ2Decompressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_bz2.BZ2Decompressor",
    .tp_basicsize = sizeof(BZ2Decompressor),
    .tp_dealloc = (destructor)BZ2Decompressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "BZ2Decompressor()\n--\n\nCreate a decompressor object for decompressing data incrementally.\n\nFor one-shot decompression, use the decompress() function instead.",
    .tp_methods = BZ2Decompressor_methods,
    .tp_members = BZ2Decompressor_members,
    .tp_new = BZ2Decompressor_new,
};

static struct PyModuleDef bz2module = {
    PyModuleDef_HEAD_INIT, "_bz2", NULL, -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__bz2(void)
{
    if (PyType_Ready(&BZ2Compressor_Type) < 0 || PyType_Ready(&BZ2Decompressor_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&bz2module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &BZ2Compressor_Type) < 0 ||
        PyModule_AddType(m, &BZ2Decompressor_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
