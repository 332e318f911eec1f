/* _lzmamodule.c — the `_lzma` module on liblzma: LZMACompressor/LZMADecompressor (xz,
 * alone and raw formats, custom filter chains), is_check_supported, the filter-property
 * helpers, LZMAError and the FORMAT_/CHECK_/FILTER_/MF_/MODE_/PRESET_ constants that
 * /usr/lib/python3.11/lzma.py wraps.  Owner: modules-xml.  LZMAFile/open are lzma.py's.
 */
#include "Python.h"

#include <lzma.h>
#include <string.h>

#define INITIAL_OUT 8192

enum { FORMAT_AUTO, FORMAT_XZ, FORMAT_ALONE, FORMAT_RAW };
#define LZMA_CHECK_UNKNOWN (LZMA_CHECK_ID_MAX + 1)

static PyObject *LZMAError;

static int catch_lzma_error(lzma_ret lzret)
{
    switch (lzret) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END:
        return 0;
    case LZMA_UNSUPPORTED_CHECK:
        PyErr_SetString(LZMAError, "Unsupported integrity check");
        return 1;
    case LZMA_MEM_ERROR:
        PyErr_NoMemory();
        return 1;
    case LZMA_MEMLIMIT_ERROR:
        PyErr_SetString(LZMAError, "Memory usage limit exceeded");
        return 1;
    case LZMA_FORMAT_ERROR:
        PyErr_SetString(LZMAError, "Input format not supported by decoder");
        return 1;
    case LZMA_OPTIONS_ERROR:
        PyErr_SetString(LZMAError, "Invalid or unsupported options");
        return 1;
    case LZMA_DATA_ERROR:
        PyErr_SetString(LZMAError, "Corrupt input data");
        return 1;
    case LZMA_BUF_ERROR:
        PyErr_SetString(LZMAError, "Insufficient buffer space");
        return 1;
    case LZMA_PROG_ERROR:
        PyErr_SetString(LZMAError, "Internal error");
        return 1;
    default:
        PyErr_Format(LZMAError, "Unrecognized error from liblzma: %d", (int)lzret);
        return 1;
    }
}

/* Growable output buffer (see _bz2module.c), capped at limit when limit >= 0. */
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

static int outbuf_space(outbuf *ob, lzma_stream *lzs)
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
    lzs->next_out = (uint8_t *)PyBytes_AS_STRING(ob->bytes) + ob->used;
    lzs->avail_out = (size_t)(size - ob->used);
    return 1;
}

static PyObject *outbuf_finish(outbuf *ob)
{
    if (_PyBytes_Resize(&ob->bytes, ob->used) < 0)
        return NULL;
    return ob->bytes;
}

/* ------------------------------------------------------------ filter specifiers */

static int uint32_converter(PyObject *obj, void *ptr)
{
    unsigned long long val = PyLong_AsUnsignedLongLong(obj);
    if (PyErr_Occurred())
        return 0;
    if ((uint32_t)val != val) {
        PyErr_SetString(PyExc_OverflowError, "Value too large for uint32_t type");
        return 0;
    }
    *(uint32_t *)ptr = (uint32_t)val;
    return 1;
}

static int enum_converter(PyObject *obj, void *ptr)
{
    return uint32_converter(obj, ptr);
}

static PyObject *empty_tuple(void)
{
    static PyObject *t;
    if (t == NULL)
        t = PyTuple_New(0);
    return t;
}

static void *parse_lzma_options(PyObject *spec)
{
    static char *kw[] = {"id", "preset", "dict_size", "lc", "lp", "pb", "mode", "nice_len",
                         "mf", "depth", NULL};
    PyObject *id, *preset_obj = NULL;
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if (!PyMapping_Check(spec)) {
        PyErr_SetString(PyExc_TypeError, "Filter specifier must be a dict or dict-like object");
        return NULL;
    }
    PyObject *po = PyMapping_HasKeyString(spec, "preset") ? PyMapping_GetItemString(spec, "preset") : NULL;
    if (po != NULL) {
        int ok = uint32_converter(po, &preset);
        Py_DECREF(po);
        if (!ok)
            return NULL;
    }
    lzma_options_lzma *opts = PyMem_Calloc(1, sizeof *opts);
    if (opts == NULL)
        return PyErr_NoMemory();
    if (lzma_lzma_preset(opts, preset)) {
        PyMem_Free(opts);
        PyErr_Format(LZMAError, "Invalid compression preset: %u", preset);
        return NULL;
    }
    if (!PyArg_ParseTupleAndKeywords(empty_tuple(), spec, "|OOO&O&O&O&O&O&O&O&", kw, &id,
                                     &preset_obj, uint32_converter, &opts->dict_size,
                                     uint32_converter, &opts->lc, uint32_converter, &opts->lp,
                                     uint32_converter, &opts->pb, enum_converter, &opts->mode,
                                     uint32_converter, &opts->nice_len, enum_converter, &opts->mf,
                                     uint32_converter, &opts->depth)) {
        PyErr_SetString(PyExc_ValueError, "Invalid filter specifier for LZMA filter");
        PyMem_Free(opts);
        return NULL;
    }
    return opts;
}

static void *parse_delta_options(PyObject *spec)
{
    static char *kw[] = {"id", "dist", NULL};
    PyObject *id;
    uint32_t dist = 1;
    if (!PyArg_ParseTupleAndKeywords(empty_tuple(), spec, "|OO&", kw, &id, uint32_converter, &dist)) {
        PyErr_SetString(PyExc_ValueError, "Invalid filter specifier for delta filter");
        return NULL;
    }
    lzma_options_delta *opts = PyMem_Calloc(1, sizeof *opts);
    if (opts == NULL)
        return PyErr_NoMemory();
    opts->type = LZMA_DELTA_TYPE_BYTE;
    opts->dist = dist;
    return opts;
}

static void *parse_bcj_options(PyObject *spec)
{
    static char *kw[] = {"id", "start_offset", NULL};
    PyObject *id;
    uint32_t start_offset = 0;
    if (!PyArg_ParseTupleAndKeywords(empty_tuple(), spec, "|OO&", kw, &id, uint32_converter,
                                     &start_offset)) {
        PyErr_SetString(PyExc_ValueError, "Invalid filter specifier for BCJ filter");
        return NULL;
    }
    lzma_options_bcj *opts = PyMem_Calloc(1, sizeof *opts);
    if (opts == NULL)
        return PyErr_NoMemory();
    opts->start_offset = start_offset;
    return opts;
}

static int parse_filter_spec(lzma_filter *f, PyObject *spec)
{
    if (!PyMapping_Check(spec)) {
        PyErr_SetString(PyExc_TypeError, "Filter specifier must be a dict or dict-like object");
        return -1;
    }
    PyObject *id_obj = PyMapping_GetItemString(spec, "id");
    if (id_obj == NULL) {
        if (PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "Filter specifier must have an \"id\" entry");
        }
        return -1;
    }
    f->id = PyLong_AsUnsignedLongLong(id_obj);
    Py_DECREF(id_obj);
    if (PyErr_Occurred())
        return -1;
    switch (f->id) {
    case LZMA_FILTER_LZMA1: case LZMA_FILTER_LZMA2:
        f->options = parse_lzma_options(spec);
        break;
    case LZMA_FILTER_DELTA:
        f->options = parse_delta_options(spec);
        break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC:
        f->options = parse_bcj_options(spec);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "Invalid filter ID: %llu", (unsigned long long)f->id);
        return -1;
    }
    return f->options != NULL ? 0 : -1;
}

static void free_filter_chain(lzma_filter filters[])
{
    for (int i = 0; filters[i].id != LZMA_VLI_UNKNOWN; i++)
        PyMem_Free(filters[i].options);
}

static int parse_filter_chain(lzma_filter filters[], PyObject *seq)
{
    Py_ssize_t n = PySequence_Length(seq);
    if (n < 0)
        return -1;
    if (n > LZMA_FILTERS_MAX) {
        PyErr_Format(PyExc_ValueError, "Too many filters - liblzma supports a maximum of %d",
                     LZMA_FILTERS_MAX);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *spec = PySequence_GetItem(seq, i);
        int ok = spec != NULL ? parse_filter_spec(&filters[i], spec) : -1;
        Py_XDECREF(spec);
        if (ok < 0) {
            filters[i].id = LZMA_VLI_UNKNOWN;
            free_filter_chain(filters);
            return -1;
        }
    }
    filters[n].id = LZMA_VLI_UNKNOWN;
    return 0;
}

/* Add key = value (an unsigned integer) to a filter-spec dict. */
static int spec_add(PyObject *d, const char *key, unsigned long long value)
{
    PyObject *v = PyLong_FromUnsignedLongLong(value);
    if (v == NULL)
        return -1;
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static PyObject *build_filter_spec(const lzma_filter *f)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    if (spec_add(d, "id", f->id) < 0)
        goto fail;
    switch (f->id) {
    case LZMA_FILTER_LZMA1: {
        lzma_options_lzma *o = f->options;
        if (spec_add(d, "lc", o->lc) < 0 || spec_add(d, "lp", o->lp) < 0 ||
            spec_add(d, "pb", o->pb) < 0 || spec_add(d, "dict_size", o->dict_size) < 0)
            goto fail;
        break;
    }
    case LZMA_FILTER_LZMA2:
        if (spec_add(d, "dict_size", ((lzma_options_lzma *)f->options)->dict_size) < 0)
            goto fail;
        break;
    case LZMA_FILTER_DELTA:
        if (spec_add(d, "dist", ((lzma_options_delta *)f->options)->dist) < 0)
            goto fail;
        break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC: {
        lzma_options_bcj *o = f->options;
        if (o != NULL && spec_add(d, "start_offset", o->start_offset) < 0)
            goto fail;
        break;
    }
    default:
        PyErr_Format(PyExc_ValueError, "Invalid filter ID: %llu", (unsigned long long)f->id);
        goto fail;
    }
    return d;
fail:
    Py_DECREF(d);
    return NULL;
}

/* ------------------------------------------------------------ LZMACompressor */

typedef struct {
    PyObject_HEAD
    lzma_stream lzs;
    int flushed;
} Compressor;

static PyObject *compress_run(Compressor *c, const uint8_t *data, size_t len, lzma_action action)
{
    outbuf ob;
    if (outbuf_init(&ob, -1) < 0)
        return NULL;
    c->lzs.next_in = data;
    c->lzs.avail_in = len;
    for (;;) {
        if (outbuf_space(&ob, &c->lzs) < 0)
            goto fail;
        uint8_t *start = c->lzs.next_out;
        lzma_ret ret = lzma_code(&c->lzs, action);
        ob.used += c->lzs.next_out - start;
        if (ret == LZMA_BUF_ERROR && len == 0 && c->lzs.avail_out > 0)
            ret = LZMA_OK;   /* nothing to do: not an error */
        if (catch_lzma_error(ret))
            goto fail;
        if ((action == LZMA_RUN && c->lzs.avail_in == 0) ||
            (action == LZMA_FINISH && ret == LZMA_STREAM_END))
            break;
    }
    return outbuf_finish(&ob);
fail:
    Py_DECREF(ob.bytes);
    return NULL;
}

static PyObject *Compressor_compress(Compressor *self, PyObject *arg)
{
    Py_buffer data;
    if (PyObject_GetBuffer(arg, &data, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *r;
    if (self->flushed) {
        PyErr_SetString(PyExc_ValueError, "Compressor has been flushed");
        r = NULL;
    } else {
        r = compress_run(self, data.buf, (size_t)data.len, LZMA_RUN);
    }
    PyBuffer_Release(&data);
    return r;
}

static PyObject *Compressor_flush(Compressor *self, PyObject *unused)
{
    if (self->flushed) {
        PyErr_SetString(PyExc_ValueError, "Repeated call to flush()");
        return NULL;
    }
    self->flushed = 1;
    return compress_run(self, NULL, 0, LZMA_FINISH);
}

static int init_xz(lzma_stream *lzs, int check, uint32_t preset, PyObject *filterspecs)
{
    lzma_ret ret;
    if (filterspecs == Py_None) {
        ret = lzma_easy_encoder(lzs, preset, check);
    } else {
        lzma_filter filters[LZMA_FILTERS_MAX + 1];
        if (parse_filter_chain(filters, filterspecs) < 0)
            return -1;
        ret = lzma_stream_encoder(lzs, filters, check);
        free_filter_chain(filters);
    }
    return catch_lzma_error(ret) ? -1 : 0;
}

static int init_alone(lzma_stream *lzs, uint32_t preset, PyObject *filterspecs)
{
    lzma_ret ret;
    if (filterspecs == Py_None) {
        lzma_options_lzma options;
        if (lzma_lzma_preset(&options, preset)) {
            PyErr_Format(LZMAError, "Invalid compression preset: %u", preset);
            return -1;
        }
        ret = lzma_alone_encoder(lzs, &options);
    } else {
        lzma_filter filters[LZMA_FILTERS_MAX + 1];
        if (parse_filter_chain(filters, filterspecs) < 0)
            return -1;
        if (filters[0].id == LZMA_FILTER_LZMA1 && filters[1].id == LZMA_VLI_UNKNOWN) {
            ret = lzma_alone_encoder(lzs, filters[0].options);
        } else {
            PyErr_SetString(PyExc_ValueError,
                            "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
            free_filter_chain(filters);
            return -1;
        }
        free_filter_chain(filters);
    }
    return catch_lzma_error(ret) ? -1 : 0;
}

static int init_raw(lzma_stream *lzs, PyObject *filterspecs, int encoder)
{
    if (filterspecs == Py_None) {
        PyErr_SetString(PyExc_ValueError, "Must specify filters for FORMAT_RAW");
        return -1;
    }
    lzma_filter filters[LZMA_FILTERS_MAX + 1];
    if (parse_filter_chain(filters, filterspecs) < 0)
        return -1;
    lzma_ret ret = encoder ? lzma_raw_encoder(lzs, filters) : lzma_raw_decoder(lzs, filters);
    free_filter_chain(filters);
    return catch_lzma_error(ret) ? -1 : 0;
}

static PyObject *Compressor_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kw[] = {"format", "check", "preset", "filters", NULL};
    int format = FORMAT_XZ, check = -1;
    uint32_t preset = LZMA_PRESET_DEFAULT;
    PyObject *preset_obj = Py_None, *filterspecs = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iiOO:LZMACompressor", kw, &format, &check,
                                     &preset_obj, &filterspecs))
        return NULL;
    if (format != FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE) {
        PyErr_SetString(PyExc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
        return NULL;
    }
    if (preset_obj != Py_None && filterspecs != Py_None) {
        PyErr_SetString(PyExc_ValueError, "Cannot specify both preset and filter chain");
        return NULL;
    }
    if (preset_obj != Py_None && !uint32_converter(preset_obj, &preset))
        return NULL;
    Compressor *self = (Compressor *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    lzma_stream init = LZMA_STREAM_INIT;
    self->lzs = init;
    int r;
    switch (format) {
    case FORMAT_XZ:
        if (check == -1)
            check = LZMA_CHECK_CRC64;
        r = init_xz(&self->lzs, check, preset, filterspecs);
        break;
    case FORMAT_ALONE:
        r = init_alone(&self->lzs, preset, filterspecs);
        break;
    case FORMAT_RAW:
        r = init_raw(&self->lzs, filterspecs, 1);
        break;
    default:
        PyErr_Format(PyExc_ValueError, "Invalid container format: %d", format);
        r = -1;
    }
    if (r < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static void Compressor_dealloc(Compressor *self)
{
    lzma_end(&self->lzs);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Compressor_methods[] = {
    {"compress", (PyCFunction)Compressor_compress, METH_O,
     "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, or b'' otherwise.\n\nWhen you have finished providing data to the compressor, call the\nflush() method to finish the compression process."},
    {"flush", (PyCFunction)Compressor_flush, METH_NOARGS,
     "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\nThe compressor object may not be used after this method is called."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Compressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_lzma.LZMACompressor",
    .tp_basicsize = sizeof(Compressor),
    .tp_dealloc = (destructor)Compressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n\nCreate a compressor object for compressing data incrementally.",
    .tp_methods = Compressor_methods,
    .tp_new = Compressor_new,
};

/* ------------------------------------------------------------ LZMADecompressor */

typedef struct {
    PyObject_HEAD
    lzma_stream lzs;
    int check;
    char eof;
    char needs_input;
    PyObject *unused_data;
    uint8_t *input_buffer;
    size_t input_buffer_size;
} Decompressor;

static PyObject *decompress_buf(Decompressor *d, Py_ssize_t max_length)
{
    outbuf ob;
    if (outbuf_init(&ob, max_length) < 0)
        return NULL;
    lzma_stream *lzs = &d->lzs;
    for (;;) {
        int r = outbuf_space(&ob, lzs);
        if (r < 0)
            goto fail;
        if (r == 0)
            break;
        uint8_t *start = lzs->next_out;
        lzma_ret ret = lzma_code(lzs, LZMA_RUN);
        ob.used += lzs->next_out - start;
        if (ret == LZMA_BUF_ERROR && lzs->avail_in == 0 && lzs->avail_out > 0)
            ret = LZMA_OK;   /* no progress possible yet: need more input */
        if (catch_lzma_error(ret))
            goto fail;
        if (ret == LZMA_GET_CHECK || ret == LZMA_NO_CHECK)
            d->check = lzma_get_check(lzs);
        if (ret == LZMA_STREAM_END) {
            d->eof = 1;
            break;
        }
        if (lzs->avail_out == 0)
            continue;   /* grow, or stop at max_length */
        if (lzs->avail_in == 0)
            break;
    }
    return outbuf_finish(&ob);
fail:
    Py_DECREF(ob.bytes);
    return NULL;
}

static PyObject *decompress(Decompressor *d, const uint8_t *data, size_t len,
                            Py_ssize_t max_length)
{
    lzma_stream *lzs = &d->lzs;
    int in_buffer = 0;
    if (lzs->avail_in > 0 && lzs->next_in != NULL) {
        size_t offset = lzs->next_in - d->input_buffer;
        if (d->input_buffer_size - offset - lzs->avail_in < len) {
            memmove(d->input_buffer, lzs->next_in, lzs->avail_in);
            lzs->next_in = d->input_buffer;
            if (d->input_buffer_size < lzs->avail_in + len) {
                size_t nsize = lzs->avail_in + len;
                uint8_t *nb = PyMem_Realloc(d->input_buffer, nsize);
                if (nb == NULL) {
                    PyErr_NoMemory();
                    return NULL;
                }
                d->input_buffer = nb;
                d->input_buffer_size = nsize;
                lzs->next_in = nb;
            }
        }
        memcpy((uint8_t *)lzs->next_in + lzs->avail_in, data, len);
        lzs->avail_in += len;
        in_buffer = 1;
    } else {
        lzs->next_in = data;
        lzs->avail_in = len;
    }
    PyObject *result = decompress_buf(d, max_length);
    if (result == NULL) {
        lzs->next_in = NULL;
        lzs->avail_in = 0;
        return NULL;
    }
    if (d->eof) {
        d->needs_input = 0;
        if (lzs->avail_in > 0) {
            PyObject *u = PyBytes_FromStringAndSize((const char *)lzs->next_in, lzs->avail_in);
            if (u == NULL) {
                Py_DECREF(result);
                return NULL;
            }
            Py_XSETREF(d->unused_data, u);
        }
    } else if (lzs->avail_in == 0) {
        lzs->next_in = NULL;
        /* More output may be pending when the output buffer was filled exactly. */
        d->needs_input = !(max_length >= 0 && PyBytes_GET_SIZE(result) == max_length);
    } else {
        d->needs_input = 0;
        if (!in_buffer) {
            if (d->input_buffer_size < lzs->avail_in) {
                uint8_t *nb = PyMem_Realloc(d->input_buffer, lzs->avail_in);
                if (nb == NULL) {
                    Py_DECREF(result);
                    PyErr_NoMemory();
                    return NULL;
                }
                d->input_buffer = nb;
                d->input_buffer_size = lzs->avail_in;
            }
            memcpy(d->input_buffer, lzs->next_in, lzs->avail_in);
            lzs->next_in = d->input_buffer;
        }
    }
    return result;
}

static PyObject *Decompressor_decompress(Decompressor *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", "max_length", NULL};
    Py_buffer data;
    Py_ssize_t max_length = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|n:decompress", kwlist, &data, &max_length))
        return NULL;
    PyObject *r;
    if (self->eof) {
        PyErr_SetString(PyExc_EOFError, "Already at end of stream");
        r = NULL;
    } else {
        r = decompress(self, data.buf, (size_t)data.len, max_length);
    }
    PyBuffer_Release(&data);
    return r;
}

static PyObject *Decompressor_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kw[] = {"format", "memlimit", "filters", NULL};
    int format = FORMAT_AUTO;
    PyObject *memlimit_obj = Py_None, *filters = Py_None;
    uint64_t memlimit = UINT64_MAX;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iOO:LZMADecompressor", kw, &format,
                                     &memlimit_obj, &filters))
        return NULL;
    if (memlimit_obj != Py_None && format == FORMAT_RAW) {
        PyErr_SetString(PyExc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
        return NULL;
    }
    if (format == FORMAT_RAW && filters == Py_None) {
        PyErr_SetString(PyExc_ValueError, "Must specify filters for FORMAT_RAW");
        return NULL;
    }
    if (format != FORMAT_RAW && filters != Py_None) {
        PyErr_SetString(PyExc_ValueError, "Cannot specify filters except with FORMAT_RAW");
        return NULL;
    }
    if (memlimit_obj != Py_None) {
        memlimit = PyLong_AsUnsignedLongLong(memlimit_obj);
        if (PyErr_Occurred())
            return NULL;
    }
    Decompressor *self = (Decompressor *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    lzma_stream init = LZMA_STREAM_INIT;
    self->lzs = init;
    self->check = LZMA_CHECK_UNKNOWN;
    self->needs_input = 1;
    self->unused_data = PyBytes_FromStringAndSize(NULL, 0);
    if (self->unused_data == NULL)
        goto fail;
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    lzma_ret ret;
    switch (format) {
    case FORMAT_AUTO:
        ret = lzma_auto_decoder(&self->lzs, memlimit, flags);
        if (catch_lzma_error(ret))
            goto fail;
        break;
    case FORMAT_XZ:
        ret = lzma_stream_decoder(&self->lzs, memlimit, flags);
        if (catch_lzma_error(ret))
            goto fail;
        break;
    case FORMAT_ALONE:
        self->check = LZMA_CHECK_NONE;
        ret = lzma_alone_decoder(&self->lzs, memlimit);
        if (catch_lzma_error(ret))
            goto fail;
        break;
    case FORMAT_RAW:
        self->check = LZMA_CHECK_NONE;
        if (init_raw(&self->lzs, filters, 0) < 0)
            goto fail;
        break;
    default:
        PyErr_Format(PyExc_ValueError, "Invalid container format: %d", format);
        goto fail;
    }
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static void Decompressor_dealloc(Decompressor *self)
{
    lzma_end(&self->lzs);
    PyMem_Free(self->input_buffer);
    Py_XDECREF(self->unused_data);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Decompressor_methods[] = {
    {"decompress", (PyCFunction)(void (*)(void))Decompressor_decompress,
     METH_VARARGS | METH_KEYWORDS,
     "Decompress *data*, returning uncompressed data as bytes.\n\nIf *max_length* is nonnegative, returns at most *max_length* bytes of\ndecompressed data."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef Decompressor_members[] = {
    {"check", T_INT, offsetof(Decompressor, check), READONLY,
     "ID of the integrity check used by the input stream."},
    {"eof", T_BOOL, offsetof(Decompressor, eof), READONLY,
     "True if the end-of-stream marker has been reached."},
    {"needs_input", T_BOOL, offsetof(Decompressor, needs_input), READONLY,
     "True if more input is needed before more decompressed data can be produced."},
    {"unused_data", T_OBJECT_EX, offsetof(Decompressor, unused_data), READONLY,
     "Data found after the end of the compressed stream."},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Decompressor_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_lzma.LZMADecompressor",
    .tp_basicsize = sizeof(Decompressor),
    .tp_dealloc = (destructor)Decompressor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "LZMADecompressor(format=FORMAT_AUTO, memlimit=None, filters=None)\n--\n\nCreate a decompressor object for decompressing data incrementally.",
    .tp_methods = Decompressor_methods,
    .tp_members = Decompressor_members,
    .tp_new = Decompressor_new,
};

/* ------------------------------------------------------------ module functions */

static PyObject *lzma_is_check_supported(PyObject *m, PyObject *arg)
{
    int check = _PyLong_AsInt(arg);
    if (check == -1 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(lzma_check_is_supported(check));
}

static PyObject *lzma_encode_filter_properties(PyObject *m, PyObject *spec)
{
    lzma_filter filter;
    if (parse_filter_spec(&filter, spec) < 0)
        return NULL;
    uint32_t size;
    lzma_ret ret = lzma_properties_size(&size, &filter);
    PyObject *r = NULL;
    if (!catch_lzma_error(ret)) {
        r = PyBytes_FromStringAndSize(NULL, size);
        if (r != NULL) {
            ret = lzma_properties_encode(&filter, (uint8_t *)PyBytes_AS_STRING(r));
            if (catch_lzma_error(ret))
                Py_CLEAR(r);
        }
    }
    PyMem_Free(filter.options);
    return r;
}

static PyObject *lzma_decode_filter_properties(PyObject *m, PyObject *args)
{
    PyObject *id_obj;
    Py_buffer props;
    if (!PyArg_ParseTuple(args, "Oy*:_decode_filter_properties", &id_obj, &props))
        return NULL;
    lzma_filter filter;
    filter.id = PyLong_AsUnsignedLongLong(id_obj);
    if (PyErr_Occurred()) {
        PyBuffer_Release(&props);
        return NULL;
    }
    filter.options = NULL;
    lzma_ret ret = lzma_properties_decode(&filter, NULL, props.buf, (size_t)props.len);
    PyBuffer_Release(&props);
    if (catch_lzma_error(ret))
        return NULL;
    PyObject *r = build_filter_spec(&filter);
    free(filter.options);   /* allocated by liblzma with malloc */
    return r;
}

static PyMethodDef lzma_methods[] = {
    {"is_check_supported", lzma_is_check_supported, METH_O,
     "Test whether the given integrity check is supported.\n\nAlways returns True for CHECK_NONE and CHECK_CRC32."},
    {"_encode_filter_properties", lzma_encode_filter_properties, METH_O,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n\nThe result does not include the filter ID itself, only the options."},
    {"_decode_filter_properties", lzma_decode_filter_properties, METH_VARARGS,
     "Return a bytes object encoding the options (properties) of the filter specified by *filter* (a dict).\n\nThe result does not include the filter ID itself, only the options."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef lzmamodule = {
    PyModuleDef_HEAD_INIT, "_lzma", NULL, -1, lzma_methods, NULL, NULL, NULL, NULL,
};

static int add_u64(PyObject *m, const char *name, unsigned long long v)
{
    PyObject *o = PyLong_FromUnsignedLongLong(v);
    if (o == NULL)
        return -1;
    int r = PyModule_AddObjectRef(m, name, o);
    Py_DECREF(o);
    return r;
}

PyObject *PyInit__lzma(void)
{
    if (PyType_Ready(&Compressor_Type) < 0 || PyType_Ready(&Decompressor_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&lzmamodule);
    if (m == NULL)
        return NULL;
#define I(name, v) if (PyModule_AddIntConstant(m, name, v) < 0) goto fail;
#define U(name, v) if (add_u64(m, name, v) < 0) goto fail;
    I("FORMAT_AUTO", FORMAT_AUTO) I("FORMAT_XZ", FORMAT_XZ) I("FORMAT_ALONE", FORMAT_ALONE)
    I("FORMAT_RAW", FORMAT_RAW)
    I("CHECK_NONE", LZMA_CHECK_NONE) I("CHECK_CRC32", LZMA_CHECK_CRC32)
    I("CHECK_CRC64", LZMA_CHECK_CRC64) I("CHECK_SHA256", LZMA_CHECK_SHA256)
    I("CHECK_ID_MAX", LZMA_CHECK_ID_MAX) I("CHECK_UNKNOWN", LZMA_CHECK_UNKNOWN)
    U("FILTER_LZMA1", LZMA_FILTER_LZMA1) U("FILTER_LZMA2", LZMA_FILTER_LZMA2)
    U("FILTER_DELTA", LZMA_FILTER_DELTA) U("FILTER_X86", LZMA_FILTER_X86)
    U("FILTER_IA64", LZMA_FILTER_IA64) U("FILTER_ARM", LZMA_FILTER_ARM)
    U("FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB) U("FILTER_SPARC", LZMA_FILTER_SPARC)
    U("FILTER_POWERPC", LZMA_FILTER_POWERPC)
    I("MF_HC3", LZMA_MF_HC3) I("MF_HC4", LZMA_MF_HC4) I("MF_BT2", LZMA_MF_BT2)
    I("MF_BT3", LZMA_MF_BT3) I("MF_BT4", LZMA_MF_BT4)
    I("MODE_FAST", LZMA_MODE_FAST) I("MODE_NORMAL", LZMA_MODE_NORMAL)
    U("PRESET_DEFAULT", LZMA_PRESET_DEFAULT) U("PRESET_EXTREME", LZMA_PRESET_EXTREME)
#undef I
#undef U
    if (LZMAError == NULL &&
        (LZMAError = PyErr_NewExceptionWithDoc("_lzma.LZMAError", "Call to liblzma failed.",
                                               NULL, NULL)) == NULL)
        goto fail;
    if (PyModule_AddObjectRef(m, "LZMAError", LZMAError) < 0 ||
        PyModule_AddType(m, &Compressor_Type) < 0 ||
        PyModule_AddType(m, &Decompressor_Type) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
