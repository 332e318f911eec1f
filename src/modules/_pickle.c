/* _pickle.c — the C accelerator behind pickle.py: Pickler and Unpickler for protocols 0-5
 * (framing, memo, persistent_id/persistent_load, reducer_override, dispatch_table, the
 * copyreg extension registry, 2.x name fixing through _compat_pickle, out-of-band
 * buffers), dump/dumps/load/loads and the PickleError family, with CPython 3.11's output
 * bytes and error messages.  Owner: modnew. */
#include "Python.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#define PyDoc_STR(str) str   /* docstrings are always compiled in */

enum { HIGHEST_PROTOCOL = 5, DEFAULT_PROTOCOL = 4 };

/* Opcodes (pickletools documents them). */
enum opcode {
    MARK = '(', STOP = '.', POP = '0', POP_MARK = '1', DUP = '2', FLOAT = 'F', INT = 'I',
    BININT = 'J', BININT1 = 'K', LONG = 'L', BININT2 = 'M', NONE = 'N', PERSID = 'P',
    BINPERSID = 'Q', REDUCE = 'R', STRING = 'S', BINSTRING = 'T', SHORT_BINSTRING = 'U',
    UNICODE = 'V', BINUNICODE = 'X', APPEND = 'a', BUILD = 'b', GLOBAL = 'c', DICT = 'd',
    EMPTY_DICT = '}', APPENDS = 'e', GET = 'g', BINGET = 'h', INST = 'i', LONG_BINGET = 'j',
    LIST = 'l', EMPTY_LIST = ']', OBJ = 'o', PUT = 'p', BINPUT = 'q', LONG_BINPUT = 'r',
    SETITEM = 's', TUPLE = 't', EMPTY_TUPLE = ')', SETITEMS = 'u', BINFLOAT = 'G',
    /* protocol 2 */
    PROTO = '\x80', NEWOBJ = '\x81', EXT1 = '\x82', EXT2 = '\x83', EXT4 = '\x84',
    TUPLE1 = '\x85', TUPLE2 = '\x86', TUPLE3 = '\x87', NEWTRUE = '\x88', NEWFALSE = '\x89',
    LONG1 = '\x8a', LONG4 = '\x8b',
    /* protocol 3 */
    BINBYTES = 'B', SHORT_BINBYTES = 'C',
    /* protocol 4 */
    SHORT_BINUNICODE = '\x8c', BINUNICODE8 = '\x8d', BINBYTES8 = '\x8e', EMPTY_SET = '\x8f',
    ADDITEMS = '\x90', FROZENSET = '\x91', NEWOBJ_EX = '\x92', STACK_GLOBAL = '\x93',
    MEMOIZE = '\x94', FRAME = '\x95',
    /* protocol 5 */
    BYTEARRAY8 = '\x96', NEXT_BUFFER = '\x97', READONLY_BUFFER = '\x98',
};

enum {
    BATCHSIZE = 1000,             /* items per APPENDS/SETITEMS/ADDITEMS */
    FRAME_SIZE_MIN = 4,           /* smaller frames are not worth a FRAME opcode */
    FRAME_SIZE_TARGET = 64 * 1024,
    FRAME_HEADER_SIZE = 9,
};

/* ================================================================ module state */

static struct {
    PyObject *PickleError, *PicklingError, *UnpicklingError;
    PyObject *dispatch_table;          /* copyreg.dispatch_table */
    PyObject *extension_registry;      /* copyreg._extension_registry */
    PyObject *inverted_registry;       /* copyreg._inverted_registry */
    PyObject *extension_cache;         /* copyreg._extension_cache */
    PyObject *name_mapping_2to3, *import_mapping_2to3;     /* _compat_pickle */
    PyObject *name_mapping_3to2, *import_mapping_3to2;
    PyObject *codecs_encode;           /* codecs.encode */
    PyObject *getattr;                 /* builtins.getattr */
    PyObject *partial;                 /* functools.partial */
} st;

/* Interned attribute names used on hot paths. */
static PyObject *s_persistent_id, *s_persistent_load, *s_reducer_override,
    *s_dispatch_table, *s_find_class, *s_reduce_ex, *s_reduce, *s_qualname, *s_name,
    *s_module, *s_setstate, *s_dict, *s_append, *s_extend, *s_add, *s_new, *s_newobj,
    *s_newobj_ex, *s_getinitargs, *s_class, *s_write, *s_read, *s_readline, *s_readinto,
    *s_peek, *s_items, *s_latin1, *s_main, *s_mp_main, *s_dot;

/* ================================================================ memo table */

/* The pickler's memo: object identity -> memo index, an open-addressing hash table that
 * owns a reference to each key (so ids cannot be reused while pickling). */
typedef struct {
    PyObject *key;
    Py_ssize_t value;
} MemoEntry;

typedef struct {
    size_t mask;
    Py_ssize_t used;
    MemoEntry *table;
} MemoTable;

static int memo_init(MemoTable *m)
{
    m->mask = 63;
    m->used = 0;
    m->table = PyMem_Calloc(m->mask + 1, sizeof(MemoEntry));
    if (m->table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void memo_clear(MemoTable *m)
{
    if (m->table == NULL)
        return;
    for (size_t i = 0; i <= m->mask; i++)
        Py_CLEAR(m->table[i].key);
    m->used = 0;
}

static void memo_free(MemoTable *m)
{
    memo_clear(m);
    PyMem_Free(m->table);
    m->table = NULL;
}

static MemoEntry *memo_lookup(MemoTable *m, PyObject *key)
{
    size_t h = ((size_t)key >> 3) ^ ((size_t)key >> 12);
    size_t i = h & m->mask, perturb = h;
    for (;;) {
        MemoEntry *e = &m->table[i];
        if (e->key == NULL || e->key == key)
            return e;
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & m->mask;
    }
}

static Py_ssize_t *memo_get_index(MemoTable *m, PyObject *key)
{
    MemoEntry *e = memo_lookup(m, key);
    return e->key == NULL ? NULL : &e->value;
}

static int memo_resize(MemoTable *m, size_t minsize)
{
    size_t newsize = 64;
    while (newsize <= minsize)
        newsize <<= 1;
    MemoEntry *old = m->table;
    size_t oldsize = m->mask + 1;
    m->table = PyMem_Calloc(newsize, sizeof(MemoEntry));
    if (m->table == NULL) {
        m->table = old;
        PyErr_NoMemory();
        return -1;
    }
    m->mask = newsize - 1;
    for (size_t i = 0; i < oldsize; i++) {
        if (old[i].key != NULL) {
            MemoEntry *e = memo_lookup(m, old[i].key);
            *e = old[i];
        }
    }
    PyMem_Free(old);
    return 0;
}

static int memo_set(MemoTable *m, PyObject *key, Py_ssize_t value)
{
    MemoEntry *e = memo_lookup(m, key);
    if (e->key != NULL) {
        e->value = value;
        return 0;
    }
    e->key = Py_NewRef(key);
    e->value = value;
    m->used++;
    if ((size_t)m->used * 3 >= (m->mask + 1) * 2)
        return memo_resize(m, (size_t)m->used * 4);
    return 0;
}

/* ================================================================ Pickler object */

typedef struct {
    PyObject_HEAD
    MemoTable memo;
    PyObject *pers_func;          /* persistent_id, or NULL */
    PyObject *dispatch_table;     /* private dispatch table, or NULL */
    PyObject *reducer_override;   /* reducer_override method, or NULL */
    PyObject *write;              /* file.write, or NULL for dumps() */
    PyObject *output_buffer;      /* bytes being filled */
    Py_ssize_t output_len;
    Py_ssize_t max_output_len;
    int proto;
    int bin;                      /* proto > 0 */
    int framing;
    Py_ssize_t frame_start;       /* -1 when no frame is open */
    int fast;                     /* no memo (for trees without cycles) */
    int fast_nesting;
    int fix_imports;
    PyObject *fast_memo;
    PyObject *buffer_callback;
    int initialized;
} PicklerObject;

static PyTypeObject Pickler_Type;

static int pickler_clear_buffer(PicklerObject *self)
{
    Py_XDECREF(self->output_buffer);
    self->output_buffer = PyBytes_FromStringAndSize(NULL, self->max_output_len);
    if (self->output_buffer == NULL)
        return -1;
    self->output_len = 0;
    self->frame_start = -1;
    return 0;
}

static void write_size64(char *out, size_t value)
{
    for (int i = 0; i < 8; i++)
        out[i] = (char)((value >> (8 * i)) & 0xff);
}

/* Close the open frame: write its FRAME header, or drop the reserved header space if the
 * frame is too small to be worth one. */
static void pickler_commit_frame(PicklerObject *self)
{
    if (!self->framing || self->frame_start == -1)
        return;
    char *base = PyBytes_AS_STRING(self->output_buffer);
    Py_ssize_t frame_len = self->output_len - self->frame_start - FRAME_HEADER_SIZE;
    char *hdr = base + self->frame_start;
    if (frame_len >= FRAME_SIZE_MIN) {
        hdr[0] = FRAME;
        write_size64(hdr + 1, (size_t)frame_len);
    }
    else {
        memmove(hdr, hdr + FRAME_HEADER_SIZE, (size_t)frame_len);
        self->output_len -= FRAME_HEADER_SIZE;
    }
    self->frame_start = -1;
}

static int pickler_write(PicklerObject *self, const char *s, Py_ssize_t data_len)
{
    Py_ssize_t n = data_len, required;
    int need_frame = self->framing && self->frame_start == -1;
    if (need_frame)
        n += FRAME_HEADER_SIZE;
    required = self->output_len + n;
    if (required > self->max_output_len) {
        if (self->write != NULL && required > 1024 * 1024 * 64) {
            /* a huge buffer for a file: fine, it is flushed at frame boundaries */
        }
        if (self->max_output_len >= PY_SSIZE_T_MAX / 2 - n) {
            PyErr_NoMemory();
            return -1;
        }
        self->max_output_len = (self->output_len + n) / 2 * 3;
        if (_PyBytes_Resize(&self->output_buffer, self->max_output_len) < 0)
            return -1;
    }
    char *buffer = PyBytes_AS_STRING(self->output_buffer);
    if (need_frame) {
        self->frame_start = self->output_len;   /* header filled in at commit */
        memset(buffer + self->output_len, 0, FRAME_HEADER_SIZE);
        self->output_len += FRAME_HEADER_SIZE;
    }
    memcpy(buffer + self->output_len, s, (size_t)data_len);
    self->output_len += data_len;
    return 0;
}

static PyObject *pickler_get_string(PicklerObject *self)
{
    PyObject *out = self->output_buffer;
    pickler_commit_frame(self);
    self->output_buffer = NULL;
    if (_PyBytes_Resize(&out, self->output_len) < 0)
        return NULL;
    return out;
}

static int pickler_flush_to_file(PicklerObject *self)
{
    PyObject *output = pickler_get_string(self);
    if (output == NULL)
        return -1;
    PyObject *r = PyObject_CallOneArg(self->write, output);
    Py_DECREF(output);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

/* Between opcodes: a full frame is committed (and, with a file, written out). */
static int pickler_opcode_boundary(PicklerObject *self)
{
    if (!self->framing || self->frame_start == -1)
        return 0;
    Py_ssize_t frame_len = self->output_len - self->frame_start - FRAME_HEADER_SIZE;
    if (frame_len >= FRAME_SIZE_TARGET) {
        pickler_commit_frame(self);
        if (self->write != NULL) {
            if (pickler_flush_to_file(self) < 0)
                return -1;
            if (pickler_clear_buffer(self) < 0)
                return -1;
        }
    }
    return 0;
}

/* Header + payload; a large payload goes outside any frame, straight to the file. */
static int pickler_write_bytes(PicklerObject *self, const char *header, Py_ssize_t header_size,
                               const char *data, Py_ssize_t data_size, PyObject *payload)
{
    int bypass = data_size >= FRAME_SIZE_TARGET;
    int framing = self->framing;
    if (bypass) {
        pickler_commit_frame(self);
        self->framing = 0;
    }
    if (pickler_write(self, header, header_size) < 0)
        goto fail;
    if (bypass && self->write != NULL) {
        PyObject *mem = NULL, *r;
        if (pickler_flush_to_file(self) < 0)
            goto fail;
        if (payload == NULL) {
            payload = mem = PyBytes_FromStringAndSize(data, data_size);
            if (payload == NULL)
                goto fail;
        }
        r = PyObject_CallOneArg(self->write, payload);
        Py_XDECREF(mem);
        if (r == NULL)
            goto fail;
        Py_DECREF(r);
        if (pickler_clear_buffer(self) < 0)
            goto fail;
    }
    else if (pickler_write(self, data, data_size) < 0) {
        goto fail;
    }
    self->framing = framing;
    return 0;
fail:
    self->framing = framing;
    return -1;
}

static int write_op(PicklerObject *self, char op)
{
    return pickler_write(self, &op, 1);
}

/* ---------------------------------------------------------------- memo put/get */

static int memo_put(PicklerObject *self, PyObject *obj)
{
    if (self->fast)
        return 0;
    Py_ssize_t idx = self->memo.used;
    if (memo_set(&self->memo, obj, idx) < 0)
        return -1;
    char pdata[30];
    Py_ssize_t len;
    if (self->proto >= 4) {
        pdata[0] = MEMOIZE;
        len = 1;
    }
    else if (!self->bin) {
        len = snprintf(pdata, sizeof pdata, "%c%zd\n", PUT, idx);
    }
    else if (idx < 256) {
        pdata[0] = BINPUT;
        pdata[1] = (char)idx;
        len = 2;
    }
    else if ((size_t)idx <= 0xffffffffUL) {
        pdata[0] = LONG_BINPUT;
        for (int i = 0; i < 4; i++)
            pdata[1 + i] = (char)((idx >> (8 * i)) & 0xff);
        len = 5;
    }
    else {
        PyErr_SetString(st.PicklingError, "memo id too large for LONG_BINPUT");
        return -1;
    }
    return pickler_write(self, pdata, len);
}

static int memo_get(PicklerObject *self, PyObject *key)
{
    Py_ssize_t *value = memo_get_index(&self->memo, key);
    char pdata[30];
    Py_ssize_t len;
    if (value == NULL) {
        PyErr_SetObject(PyExc_KeyError, key);
        return -1;
    }
    if (!self->bin) {
        len = snprintf(pdata, sizeof pdata, "%c%zd\n", GET, *value);
    }
    else if (*value < 256) {
        pdata[0] = BINGET;
        pdata[1] = (char)*value;
        len = 2;
    }
    else if ((size_t)*value <= 0xffffffffUL) {
        pdata[0] = LONG_BINGET;
        for (int i = 0; i < 4; i++)
            pdata[1 + i] = (char)((*value >> (8 * i)) & 0xff);
        len = 5;
    }
    else {
        PyErr_SetString(st.PicklingError, "memo id too large for LONG_BINGET");
        return -1;
    }
    return pickler_write(self, pdata, len);
}

/* ---------------------------------------------------------------- fast mode */

enum { FAST_NESTING_LIMIT = 50 };

/* In fast mode (no memo) a self-referential container must still be detected. */
static int fast_save_enter(PicklerObject *self, PyObject *obj)
{
    if (self->fast_nesting++ >= FAST_NESTING_LIMIT) {
        if (self->fast_memo == NULL) {
            self->fast_memo = PyDict_New();
            if (self->fast_memo == NULL) {
                self->fast_nesting = -1;
                return 0;
            }
        }
        PyObject *key = PyLong_FromVoidPtr(obj);
        if (key == NULL) {
            self->fast_nesting = -1;
            return 0;
        }
        int r = PyDict_Contains(self->fast_memo, key);
        if (r != 0) {
            if (r > 0)
                PyErr_Format(PyExc_ValueError,
                             "fast mode: can't pickle cyclic objects including object "
                             "type %.200s at %p", Py_TYPE(obj)->tp_name, obj);
            Py_DECREF(key);
            self->fast_nesting = -1;
            return 0;
        }
        if (PyDict_SetItem(self->fast_memo, key, Py_None) < 0) {
            Py_DECREF(key);
            self->fast_nesting = -1;
            return 0;
        }
        Py_DECREF(key);
    }
    return 1;
}

static int fast_save_leave(PicklerObject *self, PyObject *obj)
{
    if (self->fast_nesting-- >= FAST_NESTING_LIMIT) {
        PyObject *key = PyLong_FromVoidPtr(obj);
        if (key == NULL)
            return 0;
        if (PyDict_DelItem(self->fast_memo, key) < 0) {
            Py_DECREF(key);
            return 0;
        }
        Py_DECREF(key);
    }
    return 1;
}

/* ================================================================ saving */

static int save(PicklerObject *self, PyObject *obj, int pers_save);
static int save_reduce(PicklerObject *self, PyObject *args, PyObject *obj);

static int save_none(PicklerObject *self)
{
    return write_op(self, NONE);
}

static int save_bool(PicklerObject *self, PyObject *obj)
{
    if (self->proto >= 2)
        return write_op(self, obj == Py_True ? NEWTRUE : NEWFALSE);
    /* protocols 0 and 1 spell booleans as INT 01 / 00 */
    return pickler_write(self, obj == Py_True ? "I01\n" : "I00\n", 4);
}

static int save_long(PicklerObject *self, PyObject *obj)
{
    int overflow;
    long val = PyLong_AsLongAndOverflow(obj, &overflow);
    if (val == -1 && PyErr_Occurred())
        return -1;
    if (!overflow && val <= 0x7fffffffL && val >= -0x7fffffffL - 1) {
        char pdata[32];
        Py_ssize_t len;
        if (!self->bin) {
            len = snprintf(pdata, sizeof pdata, "%c%ld\n", INT, val);
            return pickler_write(self, pdata, len);
        }
        for (int i = 0; i < 4; i++)
            pdata[1 + i] = (char)((unsigned long)val >> (8 * i) & 0xff);
        if (pdata[4] != 0 || pdata[3] != 0) {
            pdata[0] = BININT;
            len = 5;
        }
        else if (pdata[2] != 0) {
            pdata[0] = BININT2;
            len = 3;
        }
        else {
            pdata[0] = BININT1;
            len = 2;
        }
        return pickler_write(self, pdata, len);
    }
    if (self->proto >= 2) {
        /* LONG1/LONG4: little-endian two's complement, as few bytes as possible */
        size_t nbits = _PyLong_NumBits(obj);
        if (nbits == (size_t)-1 && PyErr_Occurred())
            return -1;
        size_t nbytes = (nbits >> 3) + 1;
        if (nbytes > 0x7fffffffL) {
            PyErr_SetString(PyExc_OverflowError, "int too large to pickle");
            return -1;
        }
        unsigned char *pdata = PyMem_Malloc(nbytes);
        if (pdata == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        if (_PyLong_AsByteArray((PyLongObject *)obj, pdata, nbytes, 1, 1) < 0) {
            PyMem_Free(pdata);
            return -1;
        }
        int sign = _PyLong_Sign(obj);
        if (sign < 0 && nbytes > 1 && pdata[nbytes - 1] == 0xff &&
            (pdata[nbytes - 2] & 0x80) != 0)
            nbytes--;   /* a redundant sign byte */
        char header[5];
        Py_ssize_t hlen;
        if (nbytes < 256) {
            header[0] = LONG1;
            header[1] = (char)nbytes;
            hlen = 2;
        }
        else {
            header[0] = LONG4;
            for (int i = 0; i < 4; i++)
                header[1 + i] = (char)((nbytes >> (8 * i)) & 0xff);
            hlen = 5;
        }
        int r = pickler_write(self, header, hlen);
        if (r == 0)
            r = pickler_write(self, (char *)pdata, (Py_ssize_t)nbytes);
        PyMem_Free(pdata);
        return r;
    }
    /* protocols 0 and 1: the decimal repr with Python 2's trailing L (quadratic) */
    PyObject *repr = PyObject_Repr(obj);
    if (repr == NULL)
        return -1;
    Py_ssize_t size;
    const char *s = PyUnicode_AsUTF8AndSize(repr, &size);
    int r = -1;
    if (s != NULL && write_op(self, LONG) == 0 && pickler_write(self, s, size) == 0 &&
        pickler_write(self, "L\n", 2) == 0)
        r = 0;
    Py_DECREF(repr);
    return r;
}

static int save_float(PicklerObject *self, PyObject *obj)
{
    double x = PyFloat_AS_DOUBLE(obj);
    if (self->bin) {
        char pdata[9];
        pdata[0] = BINFLOAT;
        if (PyFloat_Pack8(x, pdata + 1, 0) < 0)
            return -1;
        return pickler_write(self, pdata, 9);
    }
    char *buf = PyOS_double_to_string(x, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int r = -1;
    if (write_op(self, FLOAT) == 0 && pickler_write(self, buf, (Py_ssize_t)strlen(buf)) == 0 &&
        pickler_write(self, "\n", 1) == 0)
        r = 0;
    PyMem_Free(buf);
    return r;
}

/* A length-prefixed payload: the 1-byte form when it fits, else 4 or 8 bytes. */
static int save_sized(PicklerObject *self, char op1, char op4, char op8, const char *data,
                      Py_ssize_t size, PyObject *payload)
{
    char header[9];
    Py_ssize_t len;
    if (size <= 0xff && op1) {
        header[0] = op1;
        header[1] = (char)size;
        len = 2;
    }
    else if ((size_t)size <= 0xffffffffUL || !op8) {
        header[0] = op4;
        for (int i = 0; i < 4; i++)
            header[1 + i] = (char)(((size_t)size >> (8 * i)) & 0xff);
        len = 5;
    }
    else {
        header[0] = op8;
        write_size64(header + 1, (size_t)size);
        len = 9;
    }
    return pickler_write_bytes(self, header, len, data, size, payload);
}

static int save_bytes(PicklerObject *self, PyObject *obj)
{
    if (self->proto < 3) {
        /* Python 2 has no bytes: write codecs.encode(latin-1 str, 'latin1') (or bytes()) */
        PyObject *reduce_value;
        if (PyBytes_GET_SIZE(obj) == 0) {
            reduce_value = Py_BuildValue("(O())", (PyObject *)&PyBytes_Type);
        }
        else {
            PyObject *u = PyUnicode_DecodeLatin1(PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj),
                                                 NULL);
            if (u == NULL)
                return -1;
            reduce_value = Py_BuildValue("(O(OO))", st.codecs_encode, u, s_latin1);
            Py_DECREF(u);
        }
        if (reduce_value == NULL)
            return -1;
        int r = save_reduce(self, reduce_value, obj);
        Py_DECREF(reduce_value);
        return r;
    }
    if (PyBytes_GET_SIZE(obj) > 0xffffffffL && self->proto < 4) {
        PyErr_SetString(PyExc_OverflowError, "serializing a bytes object larger than 4 GiB "
                                             "requires pickle protocol 4 or higher");
        return -1;
    }
    if (save_sized(self, SHORT_BINBYTES, BINBYTES, self->proto >= 4 ? BINBYTES8 : 0,
                   PyBytes_AS_STRING(obj), PyBytes_GET_SIZE(obj), obj) < 0)
        return -1;
    return memo_put(self, obj);
}

static int save_bytearray(PicklerObject *self, PyObject *obj)
{
    if (self->proto < 5) {
        PyObject *reduce_value;
        if (PyByteArray_GET_SIZE(obj) == 0) {
            reduce_value = Py_BuildValue("(O())", (PyObject *)&PyByteArray_Type);
        }
        else {
            PyObject *b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(obj),
                                                    PyByteArray_GET_SIZE(obj));
            if (b == NULL)
                return -1;
            reduce_value = Py_BuildValue("(O(N))", (PyObject *)&PyByteArray_Type, b);
        }
        if (reduce_value == NULL)
            return -1;
        int r = save_reduce(self, reduce_value, obj);
        Py_DECREF(reduce_value);
        return r;
    }
    char header[9];
    header[0] = BYTEARRAY8;
    write_size64(header + 1, (size_t)PyByteArray_GET_SIZE(obj));
    if (pickler_write_bytes(self, header, 9, PyByteArray_AS_STRING(obj),
                            PyByteArray_GET_SIZE(obj), NULL) < 0)
        return -1;
    return memo_put(self, obj);
}

/* Protocol 0's UNICODE argument: raw-unicode-escape, but also escaping the characters
 * that would break the line-based format. */
static PyObject *raw_unicode_escape(PyObject *obj)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(obj);
    int kind = PyUnicode_KIND(obj);
    const void *data = PyUnicode_DATA(obj);
    PyObject *out = PyBytes_FromStringAndSize(NULL, size * 10 > size ? size * 10 : 0);
    if (out == NULL)
        return NULL;
    char *p = PyBytes_AS_STRING(out);
    static const char hexdigits[] = "0123456789abcdef";
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch >= 0x10000) {
            *p++ = '\\';
            *p++ = 'U';
            for (int sh = 28; sh >= 0; sh -= 4)
                *p++ = hexdigits[(ch >> sh) & 0xf];
        }
        else if (ch >= 256 || ch == '\\' || ch == 0 || ch == '\n' || ch == '\r' ||
                 ch == 0x1a) {
            *p++ = '\\';
            *p++ = 'u';
            for (int sh = 12; sh >= 0; sh -= 4)
                *p++ = hexdigits[(ch >> sh) & 0xf];
        }
        else {
            *p++ = (char)ch;
        }
    }
    if (_PyBytes_Resize(&out, p - PyBytes_AS_STRING(out)) < 0)
        return NULL;
    return out;
}

static int save_unicode(PicklerObject *self, PyObject *obj)
{
    if (self->bin) {
        Py_ssize_t size;
        const char *data;
        PyObject *encoded = NULL;
        data = PyUnicode_AsUTF8AndSize(obj, &size);
        if (data == NULL) {
            /* lone surrogates: encode them with surrogatepass */
            PyErr_Clear();
            encoded = PyUnicode_AsEncodedString(obj, "utf-8", "surrogatepass");
            if (encoded == NULL)
                return -1;
            data = PyBytes_AS_STRING(encoded);
            size = PyBytes_GET_SIZE(encoded);
        }
        int r;
        if (size > 0xffffffffL && self->proto < 4) {
            PyErr_SetString(PyExc_OverflowError, "serializing a string larger than 4 GiB "
                                                 "requires pickle protocol 4 or higher");
            r = -1;
        }
        else {
            r = save_sized(self, self->proto >= 4 ? SHORT_BINUNICODE : 0, BINUNICODE,
                           self->proto >= 4 ? BINUNICODE8 : 0, data, size, encoded);
        }
        Py_XDECREF(encoded);
        if (r < 0)
            return -1;
    }
    else {
        PyObject *encoded = raw_unicode_escape(obj);
        if (encoded == NULL)
            return -1;
        int r = -1;
        if (write_op(self, UNICODE) == 0 &&
            pickler_write(self, PyBytes_AS_STRING(encoded), PyBytes_GET_SIZE(encoded)) == 0 &&
            pickler_write(self, "\n", 1) == 0)
            r = 0;
        Py_DECREF(encoded);
        if (r < 0)
            return -1;
    }
    return memo_put(self, obj);
}

static int store_tuple_elements(PicklerObject *self, PyObject *t, Py_ssize_t len)
{
    for (Py_ssize_t i = 0; i < len; i++) {
        PyObject *element = PyTuple_GET_ITEM(t, i);
        if (element == NULL || save(self, element, 0) < 0)
            return -1;
    }
    return 0;
}

/* A tuple's elements are saved before the tuple exists, so a tuple reachable from its own
 * elements is in the memo by the time they are done: then pop them and fetch it. */
static int save_tuple(PicklerObject *self, PyObject *obj)
{
    static const char len2opcode[] = {EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3};
    Py_ssize_t len = PyTuple_GET_SIZE(obj);
    if (len == 0) {
        if (self->proto)
            return write_op(self, EMPTY_TUPLE);
        return pickler_write(self, "(t", 2);
    }
    if (len <= 3 && self->proto >= 2) {
        if (store_tuple_elements(self, obj, len) < 0)
            return -1;
        if (memo_get_index(&self->memo, obj)) {
            for (Py_ssize_t i = 0; i < len; i++)
                if (write_op(self, POP) < 0)
                    return -1;
            return memo_get(self, obj);
        }
        if (write_op(self, len2opcode[len]) < 0)
            return -1;
        return memo_put(self, obj);
    }
    if (write_op(self, MARK) < 0 || store_tuple_elements(self, obj, len) < 0)
        return -1;
    if (memo_get_index(&self->memo, obj)) {
        if (self->bin) {
            if (write_op(self, POP_MARK) < 0)
                return -1;
        }
        else {
            for (Py_ssize_t i = 0; i <= len; i++)   /* the MARK too */
                if (write_op(self, POP) < 0)
                    return -1;
        }
        return memo_get(self, obj);
    }
    if (write_op(self, TUPLE) < 0)
        return -1;
    return memo_put(self, obj);
}

/* Items from an iterator: APPEND each (protocol 0), else MARK ... APPENDS in batches. */
static int batch_list(PicklerObject *self, PyObject *iter)
{
    PyObject *obj = NULL, *firstitem = NULL;
    int n;
    if (self->proto == 0) {
        for (;;) {
            obj = PyIter_Next(iter);
            if (obj == NULL)
                return PyErr_Occurred() ? -1 : 0;
            int r = save(self, obj, 0);
            Py_DECREF(obj);
            if (r < 0 || write_op(self, APPEND) < 0)
                return -1;
        }
    }
    do {
        firstitem = PyIter_Next(iter);
        if (firstitem == NULL)
            return PyErr_Occurred() ? -1 : 0;
        obj = PyIter_Next(iter);
        if (obj == NULL) {
            if (PyErr_Occurred())
                goto error;
            if (save(self, firstitem, 0) < 0 || write_op(self, APPEND) < 0)
                goto error;
            Py_CLEAR(firstitem);
            return 0;
        }
        if (write_op(self, MARK) < 0 || save(self, firstitem, 0) < 0)
            goto error;
        Py_CLEAR(firstitem);
        n = 1;
        while (obj) {
            if (save(self, obj, 0) < 0)
                goto error;
            Py_CLEAR(obj);
            n += 1;
            if (n == BATCHSIZE)
                break;
            obj = PyIter_Next(iter);
            if (obj == NULL && PyErr_Occurred())
                goto error;
        }
        if (write_op(self, APPENDS) < 0)
            goto error;
    } while (n == BATCHSIZE);
    return 0;
error:
    Py_XDECREF(firstitem);
    Py_XDECREF(obj);
    return -1;
}

/* An exact list, indexed directly (it may change size while its items are saved). */
static int batch_list_exact(PicklerObject *self, PyObject *obj)
{
    Py_ssize_t total = 0;
    if (PyList_GET_SIZE(obj) == 1) {
        PyObject *item = Py_NewRef(PyList_GET_ITEM(obj, 0));
        int r = save(self, item, 0);
        Py_DECREF(item);
        if (r < 0)
            return -1;
        return write_op(self, APPEND);
    }
    do {
        int this_batch = 0;
        if (write_op(self, MARK) < 0)
            return -1;
        while (total < PyList_GET_SIZE(obj)) {
            PyObject *item = Py_NewRef(PyList_GET_ITEM(obj, total));
            int r = save(self, item, 0);
            Py_DECREF(item);
            if (r < 0)
                return -1;
            total++;
            if (++this_batch == BATCHSIZE)
                break;
        }
        if (write_op(self, APPENDS) < 0)
            return -1;
    } while (total < PyList_GET_SIZE(obj));
    return 0;
}

static int save_list(PicklerObject *self, PyObject *obj)
{
    int status = -1;
    if (self->fast && !fast_save_enter(self, obj))
        goto done;
    if (self->bin ? write_op(self, EMPTY_LIST) < 0 : pickler_write(self, "(l", 2) < 0)
        goto done;
    Py_ssize_t len = PyList_Size(obj);
    if (len < 0 || memo_put(self, obj) < 0)
        goto done;
    status = 0;
    if (len != 0) {
        if (PyList_CheckExact(obj) && self->proto > 0) {
            if (Py_EnterRecursiveCall(" while pickling an object"))
                return -1;
            status = batch_list_exact(self, obj);
            Py_LeaveRecursiveCall();
        }
        else {
            PyObject *iter = PyObject_GetIter(obj);
            if (iter == NULL)
                return -1;
            if (Py_EnterRecursiveCall(" while pickling an object")) {
                Py_DECREF(iter);
                return -1;
            }
            status = batch_list(self, iter);
            Py_LeaveRecursiveCall();
            Py_DECREF(iter);
        }
    }
done:
    if (self->fast && !fast_save_leave(self, obj))
        status = -1;
    return status;
}

/* (key, value) pairs from an iterator: SETITEM each (protocol 0), else batches. */
static int batch_dict(PicklerObject *self, PyObject *iter)
{
    PyObject *obj = NULL, *firstitem = NULL;
    int n;
    if (self->proto == 0) {
        for (;;) {
            obj = PyIter_Next(iter);
            if (obj == NULL)
                return PyErr_Occurred() ? -1 : 0;
            if (!PyTuple_Check(obj) || PyTuple_Size(obj) != 2) {
                PyErr_SetString(PyExc_TypeError, "dict items iterator must return 2-tuples");
                Py_DECREF(obj);
                return -1;
            }
            int r = save(self, PyTuple_GET_ITEM(obj, 0), 0);
            if (r == 0)
                r = save(self, PyTuple_GET_ITEM(obj, 1), 0);
            Py_DECREF(obj);
            if (r < 0 || write_op(self, SETITEM) < 0)
                return -1;
        }
    }
    do {
        firstitem = PyIter_Next(iter);
        if (firstitem == NULL)
            return PyErr_Occurred() ? -1 : 0;
        if (!PyTuple_Check(firstitem) || PyTuple_Size(firstitem) != 2) {
            PyErr_SetString(PyExc_TypeError, "dict items iterator must return 2-tuples");
            goto error;
        }
        obj = PyIter_Next(iter);
        if (obj == NULL) {
            if (PyErr_Occurred())
                goto error;
            if (save(self, PyTuple_GET_ITEM(firstitem, 0), 0) < 0 ||
                save(self, PyTuple_GET_ITEM(firstitem, 1), 0) < 0 || write_op(self, SETITEM) < 0)
                goto error;
            Py_CLEAR(firstitem);
            return 0;
        }
        if (write_op(self, MARK) < 0 || save(self, PyTuple_GET_ITEM(firstitem, 0), 0) < 0 ||
            save(self, PyTuple_GET_ITEM(firstitem, 1), 0) < 0)
            goto error;
        Py_CLEAR(firstitem);
        n = 1;
        while (obj) {
            if (!PyTuple_Check(obj) || PyTuple_Size(obj) != 2) {
                PyErr_SetString(PyExc_TypeError, "dict items iterator must return 2-tuples");
                goto error;
            }
            if (save(self, PyTuple_GET_ITEM(obj, 0), 0) < 0 ||
                save(self, PyTuple_GET_ITEM(obj, 1), 0) < 0)
                goto error;
            Py_CLEAR(obj);
            n += 1;
            if (n == BATCHSIZE)
                break;
            obj = PyIter_Next(iter);
            if (obj == NULL && PyErr_Occurred())
                goto error;
        }
        if (write_op(self, SETITEMS) < 0)
            goto error;
    } while (n == BATCHSIZE);
    return 0;
error:
    Py_XDECREF(firstitem);
    Py_XDECREF(obj);
    return -1;
}

static int save_pair(PicklerObject *self, PyObject *key, PyObject *value)
{
    Py_INCREF(key);
    Py_INCREF(value);
    int r = save(self, key, 0);
    if (r == 0)
        r = save(self, value, 0);
    Py_DECREF(key);
    Py_DECREF(value);
    return r;
}

static int batch_dict_exact(PicklerObject *self, PyObject *obj)
{
    PyObject *key = NULL, *value = NULL;
    Py_ssize_t ppos = 0, dict_size = PyDict_GET_SIZE(obj);
    int i;
    if (dict_size == 1) {
        PyDict_Next(obj, &ppos, &key, &value);
        if (save_pair(self, key, value) < 0)
            return -1;
        return write_op(self, SETITEM);
    }
    do {
        i = 0;
        if (write_op(self, MARK) < 0)
            return -1;
        while (PyDict_Next(obj, &ppos, &key, &value)) {
            if (save_pair(self, key, value) < 0)
                return -1;
            if (++i == BATCHSIZE)
                break;
        }
        if (write_op(self, SETITEMS) < 0)
            return -1;
        if (PyDict_GET_SIZE(obj) != dict_size) {
            PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
            return -1;
        }
    } while (i == BATCHSIZE);
    return 0;
}

static int save_dict(PicklerObject *self, PyObject *obj)
{
    int status = -1;
    if (self->fast && !fast_save_enter(self, obj))
        goto done;
    if (self->bin ? write_op(self, EMPTY_DICT) < 0 : pickler_write(self, "(d", 2) < 0)
        goto done;
    if (memo_put(self, obj) < 0)
        goto done;
    status = 0;
    if (PyDict_GET_SIZE(obj)) {
        if (PyDict_CheckExact(obj) && self->proto > 0) {
            if (Py_EnterRecursiveCall(" while pickling an object"))
                return -1;
            status = batch_dict_exact(self, obj);
            Py_LeaveRecursiveCall();
        }
        else {
            PyObject *items = PyObject_CallMethodNoArgs(obj, s_items);
            if (items == NULL)
                return -1;
            PyObject *iter = PyObject_GetIter(items);
            Py_DECREF(items);
            if (iter == NULL)
                return -1;
            if (Py_EnterRecursiveCall(" while pickling an object")) {
                Py_DECREF(iter);
                return -1;
            }
            status = batch_dict(self, iter);
            Py_LeaveRecursiveCall();
            Py_DECREF(iter);
        }
    }
done:
    if (self->fast && !fast_save_leave(self, obj))
        status = -1;
    return status;
}

/* Before protocol 4 a set is (set, (list(items),)); a frozenset likewise. */
static int save_set_as_reduce(PicklerObject *self, PyObject *obj, PyTypeObject *type)
{
    PyObject *items = PySequence_List(obj);
    if (items == NULL)
        return -1;
    PyObject *reduce_value = Py_BuildValue("(O(O))", (PyObject *)type, items);
    Py_DECREF(items);
    if (reduce_value == NULL)
        return -1;
    int r = save_reduce(self, reduce_value, obj);
    Py_DECREF(reduce_value);
    return r;
}

static int save_set(PicklerObject *self, PyObject *obj)
{
    if (self->proto < 4)
        return save_set_as_reduce(self, obj, &PySet_Type);
    if (write_op(self, EMPTY_SET) < 0 || memo_put(self, obj) < 0)
        return -1;
    Py_ssize_t set_size = PySet_GET_SIZE(obj);
    if (set_size == 0)
        return 0;
    Py_ssize_t ppos = 0;
    PyObject *item;
    Py_hash_t hash;
    int i;
    do {
        i = 0;
        if (write_op(self, MARK) < 0)
            return -1;
        while (_PySet_NextEntry(obj, &ppos, &item, &hash)) {
            Py_INCREF(item);
            int r = save(self, item, 0);
            Py_DECREF(item);
            if (r < 0)
                return -1;
            if (++i == BATCHSIZE)
                break;
        }
        if (write_op(self, ADDITEMS) < 0)
            return -1;
        if (PySet_GET_SIZE(obj) != set_size) {
            PyErr_SetString(PyExc_RuntimeError, "set changed size during iteration");
            return -1;
        }
    } while (i == BATCHSIZE);
    return 0;
}

static int save_frozenset(PicklerObject *self, PyObject *obj)
{
    if (self->proto < 4)
        return save_set_as_reduce(self, obj, &PyFrozenSet_Type);
    if (write_op(self, MARK) < 0)
        return -1;
    PyObject *iter = PyObject_GetIter(obj);
    if (iter == NULL)
        return -1;
    PyObject *item;
    while ((item = PyIter_Next(iter)) != NULL) {
        int r = save(self, item, 0);
        Py_DECREF(item);
        if (r < 0) {
            Py_DECREF(iter);
            return -1;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        return -1;
    /* a frozenset reachable from its items (through __reduce__) is memoized by now */
    if (memo_get_index(&self->memo, obj)) {
        if (write_op(self, POP_MARK) < 0)
            return -1;
        return memo_get(self, obj);
    }
    if (write_op(self, FROZENSET) < 0)
        return -1;
    return memo_put(self, obj);
}

/* ---------------------------------------------------------------- globals */

/* "a.b.c" -> ["a", "b", "c"]; a "<locals>" component cannot be pickled. */
static PyObject *get_dotted_path(PyObject *obj, PyObject *name)
{
    PyObject *dotted_path = PyUnicode_Split(name, s_dot, -1);
    if (dotted_path == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(dotted_path); i++) {
        PyObject *subpath = PyList_GET_ITEM(dotted_path, i);
        if (_PyUnicode_EqualToASCIIString(subpath, "<locals>")) {
            if (obj == NULL)
                PyErr_Format(PyExc_AttributeError, "Can't pickle local object %R", name);
            else
                PyErr_Format(PyExc_AttributeError, "Can't get local attribute %R on %R", name,
                             obj);
            Py_DECREF(dotted_path);
            return NULL;
        }
    }
    return dotted_path;
}

/* Follow the dotted path from obj; *pparent (if wanted) is the last container. */
static PyObject *get_deep_attribute(PyObject *obj, PyObject *names, PyObject **pparent)
{
    PyObject *parent = NULL;
    Py_INCREF(obj);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(names); i++) {
        Py_XSETREF(parent, obj);
        obj = PyObject_GetAttr(parent, PyList_GET_ITEM(names, i));
        if (obj == NULL) {
            Py_DECREF(parent);
            return NULL;
        }
    }
    if (pparent != NULL)
        *pparent = parent;
    else
        Py_XDECREF(parent);
    return obj;
}

static PyObject *getattribute(PyObject *obj, PyObject *name, int allow_qualname)
{
    if (!allow_qualname)
        return PyObject_GetAttr(obj, name);
    PyObject *dotted_path = get_dotted_path(obj, name);
    if (dotted_path == NULL)
        return NULL;
    PyObject *attr = get_deep_attribute(obj, dotted_path, NULL);
    Py_DECREF(dotted_path);
    return attr;
}

/* 0 if module.<dotted_path> is global, -1 if not (no error), -2 on error. */
static int checkmodule(PyObject *module_name, PyObject *module, PyObject *global,
                       PyObject *dotted_path)
{
    if (module == Py_None)
        return -1;
    if (PyUnicode_Check(module_name) && (_PyUnicode_EqualToASCIIString(module_name, "__main__") ||
                                         _PyUnicode_EqualToASCIIString(module_name, "__mp_main__")))
        return -1;
    PyObject *candidate = get_deep_attribute(module, dotted_path, NULL);
    if (candidate == NULL) {
        PyErr_Clear();
        return -1;
    }
    Py_DECREF(candidate);
    return candidate == global ? 0 : -1;
}

/* The module a global lives in: its __module__, else a search of sys.modules. */
static PyObject *whichmodule(PyObject *global, PyObject *dotted_path)
{
    PyObject *module_name;
    if (_PyObject_LookupAttr(global, s_module, &module_name) < 0)
        return NULL;
    if (module_name != NULL) {
        if (module_name != Py_None)
            return module_name;
        Py_CLEAR(module_name);
    }
    PyObject *modules = PySys_GetObject("modules");
    if (modules == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "unable to get sys.modules");
        return NULL;
    }
    if (PyDict_CheckExact(modules)) {
        Py_ssize_t i = 0;
        PyObject *module;
        while (PyDict_Next(modules, &i, &module_name, &module)) {
            Py_INCREF(module_name);
            Py_INCREF(module);
            int r = checkmodule(module_name, module, global, dotted_path);
            Py_DECREF(module);
            if (r == 0)
                return module_name;
            Py_DECREF(module_name);
        }
    }
    return PyUnicode_FromString("__main__");
}

/* Protocols < 3 write the Python 2 names of renamed modules and globals. */
static int fix_imports(PyObject **module_name, PyObject **global_name)
{
    PyObject *key = PyTuple_Pack(2, *module_name, *global_name);
    if (key == NULL)
        return -1;
    PyObject *item = PyDict_GetItemWithError(st.name_mapping_3to2, key);
    Py_DECREF(key);
    if (item) {
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
            PyErr_Format(PyExc_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values "
                         "should be 2-tuples, not %.200s", Py_TYPE(item)->tp_name);
            return -1;
        }
        PyObject *m = PyTuple_GET_ITEM(item, 0), *g = PyTuple_GET_ITEM(item, 1);
        if (!PyUnicode_Check(m) || !PyUnicode_Check(g)) {
            PyErr_Format(PyExc_RuntimeError, "_compat_pickle.REVERSE_NAME_MAPPING values "
                         "should be pairs of str, not (%.200s, %.200s)",
                         Py_TYPE(m)->tp_name, Py_TYPE(g)->tp_name);
            return -1;
        }
        Py_SETREF(*module_name, Py_NewRef(m));
        Py_SETREF(*global_name, Py_NewRef(g));
        return 0;
    }
    if (PyErr_Occurred())
        return -1;
    item = PyDict_GetItemWithError(st.import_mapping_3to2, *module_name);
    if (item) {
        if (!PyUnicode_Check(item)) {
            PyErr_Format(PyExc_RuntimeError, "_compat_pickle.REVERSE_IMPORT_MAPPING values "
                         "should be strings, not %.200s", Py_TYPE(item)->tp_name);
            return -1;
        }
        Py_SETREF(*module_name, Py_NewRef(item));
    }
    else if (PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

static int write_encoded_line(PicklerObject *self, PyObject *name, const char *what)
{
    PyObject *encoded = self->proto == 3 ? PyUnicode_AsUTF8String(name)
                                         : PyUnicode_AsASCIIString(name);
    if (encoded == NULL) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            PyErr_Format(st.PicklingError, "can't pickle %s identifier '%S' using pickle "
                         "protocol %i", what, name, self->proto);
        }
        return -1;
    }
    int r = pickler_write(self, PyBytes_AS_STRING(encoded), PyBytes_GET_SIZE(encoded));
    Py_DECREF(encoded);
    if (r < 0)
        return -1;
    return pickler_write(self, "\n", 1);
}

static int save_global(PicklerObject *self, PyObject *obj, PyObject *name)
{
    PyObject *global_name = NULL, *dotted_path = NULL, *module_name = NULL, *module = NULL;
    PyObject *parent = NULL, *cls = NULL, *lastname;
    int status = -1;

    if (name) {
        global_name = Py_NewRef(name);
    }
    else {
        if (_PyObject_LookupAttr(obj, s_qualname, &global_name) < 0)
            goto done;
        if (global_name == NULL) {
            global_name = PyObject_GetAttr(obj, s_name);
            if (global_name == NULL)
                goto done;
        }
    }
    dotted_path = get_dotted_path(module, global_name);
    if (dotted_path == NULL)
        goto done;
    module_name = whichmodule(obj, dotted_path);
    if (module_name == NULL)
        goto done;
    module = PyImport_Import(module_name);
    if (module == NULL) {
        PyErr_Format(st.PicklingError, "Can't pickle %R: import of module %R failed", obj,
                     module_name);
        goto done;
    }
    lastname = PyList_GET_ITEM(dotted_path, PyList_GET_SIZE(dotted_path) - 1);
    Py_INCREF(lastname);
    cls = get_deep_attribute(module, dotted_path, &parent);
    Py_CLEAR(dotted_path);
    if (cls == NULL) {
        PyErr_Format(st.PicklingError, "Can't pickle %R: attribute lookup %S on %S failed",
                     obj, global_name, module_name);
        Py_DECREF(lastname);
        goto done;
    }
    if (cls != obj) {
        PyErr_Format(st.PicklingError, "Can't pickle %R: it's not the same object as %S.%S",
                     obj, module_name, global_name);
        Py_DECREF(lastname);
        goto done;
    }
    if (self->proto >= 2) {
        /* a global in the copyreg extension registry is written as its code */
        PyObject *extension_key = PyTuple_Pack(2, module_name, global_name);
        if (extension_key == NULL) {
            Py_DECREF(lastname);
            goto done;
        }
        PyObject *code_obj = PyDict_GetItemWithError(st.extension_registry, extension_key);
        Py_DECREF(extension_key);
        if (code_obj != NULL) {
            Py_DECREF(lastname);
            if (!PyLong_Check(code_obj)) {
                PyErr_Format(st.PicklingError, "Can't pickle %R: extension code %R isn't an "
                             "integer", obj, code_obj);
                goto done;
            }
            long code = PyLong_AsLong(code_obj);
            if (code <= 0 || code > 0x7fffffffL) {
                if (!PyErr_Occurred())
                    PyErr_Format(st.PicklingError, "Can't pickle %R: extension code %ld is out "
                                 "of range", obj, code);
                goto done;
            }
            char pdata[5];
            Py_ssize_t n;
            if (code <= 0xff) {
                pdata[0] = EXT1;
                pdata[1] = (char)code;
                n = 2;
            }
            else if (code <= 0xffff) {
                pdata[0] = EXT2;
                pdata[1] = (char)(code & 0xff);
                pdata[2] = (char)((code >> 8) & 0xff);
                n = 3;
            }
            else {
                pdata[0] = EXT4;
                for (int i = 0; i < 4; i++)
                    pdata[1 + i] = (char)((code >> (8 * i)) & 0xff);
                n = 5;
            }
            status = pickler_write(self, pdata, n);
            goto done;
        }
        if (PyErr_Occurred()) {
            Py_DECREF(lastname);
            goto done;
        }
    }
    if (parent == module)
        Py_SETREF(global_name, Py_NewRef(lastname));
    if (self->proto >= 4) {
        Py_DECREF(lastname);
        if (save(self, module_name, 0) < 0 || save(self, global_name, 0) < 0 ||
            write_op(self, STACK_GLOBAL) < 0)
            goto done;
    }
    else if (parent != module) {
        /* a nested attribute before protocol 4: getattr(parent, lastname) */
        PyObject *reduce_value = Py_BuildValue("(O(OO))", st.getattr, parent, lastname);
        Py_DECREF(lastname);
        if (reduce_value == NULL)
            goto done;
        int r = save_reduce(self, reduce_value, NULL);
        Py_DECREF(reduce_value);
        if (r < 0)
            goto done;
    }
    else {
        Py_DECREF(lastname);
        if (write_op(self, GLOBAL) < 0)
            goto done;
        if (self->proto < 3 && self->fix_imports &&
            fix_imports(&module_name, &global_name) < 0)
            goto done;
        if (write_encoded_line(self, module_name, "module") < 0 ||
            write_encoded_line(self, global_name, "global") < 0)
            goto done;
    }
    status = memo_put(self, obj);
done:
    Py_XDECREF(module_name);
    Py_XDECREF(global_name);
    Py_XDECREF(dotted_path);
    Py_XDECREF(module);
    Py_XDECREF(parent);
    Py_XDECREF(cls);
    return status;
}

/* type(None) and friends are not globals: pickle them as type(singleton). */
static int save_singleton_type(PicklerObject *self, PyObject *obj, PyObject *singleton)
{
    PyObject *reduce_value = Py_BuildValue("(O(O))", (PyObject *)&PyType_Type, singleton);
    if (reduce_value == NULL)
        return -1;
    int status = save_reduce(self, reduce_value, obj);
    Py_DECREF(reduce_value);
    return status;
}

static int save_type(PicklerObject *self, PyObject *obj)
{
    if (obj == (PyObject *)Py_TYPE(Py_None))
        return save_singleton_type(self, obj, Py_None);
    if (obj == (PyObject *)Py_TYPE(Py_Ellipsis))
        return save_singleton_type(self, obj, Py_Ellipsis);
    if (obj == (PyObject *)Py_TYPE(Py_NotImplemented))
        return save_singleton_type(self, obj, Py_NotImplemented);
    return save_global(self, obj, NULL);
}

/* persistent_id(obj) not None: write it instead of obj.  1 if done, 0 if not, -1. */
static int save_pers(PicklerObject *self, PyObject *obj)
{
    PyObject *pid = PyObject_CallOneArg(self->pers_func, obj);
    if (pid == NULL)
        return -1;
    int status = 0;
    if (pid != Py_None) {
        status = 1;
        if (self->bin) {
            if (save(self, pid, 1) < 0 || write_op(self, BINPERSID) < 0)
                status = -1;
        }
        else {
            PyObject *pid_str = PyObject_Str(pid);
            PyObject *pid_ascii = NULL;
            if (pid_str != NULL) {
                pid_ascii = PyUnicode_AsASCIIString(pid_str);
                Py_DECREF(pid_str);
            }
            if (pid_ascii == NULL) {
                if (PyErr_Occurred() && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
                    PyErr_SetString(st.PicklingError,
                                    "persistent IDs in protocol 0 must be ASCII strings");
                status = -1;
            }
            else {
                if (write_op(self, PERSID) < 0 ||
                    pickler_write(self, PyBytes_AS_STRING(pid_ascii),
                                  PyBytes_GET_SIZE(pid_ascii)) < 0 ||
                    pickler_write(self, "\n", 1) < 0)
                    status = -1;
                Py_DECREF(pid_ascii);
            }
        }
    }
    Py_DECREF(pid);
    return status;
}

static PyObject *get_class(PyObject *obj)
{
    PyObject *cls;
    if (_PyObject_LookupAttr(obj, s_class, &cls) == 0)
        cls = Py_NewRef((PyObject *)Py_TYPE(obj));
    return cls;
}

/* NEWOBJ_EX (or, before protocol 4, partial(cls.__new__, cls, *args, **kwargs)). */
static int save_newobj_ex(PicklerObject *self, PyObject *argtup)
{
    if (PyTuple_GET_SIZE(argtup) != 3) {
        PyErr_Format(st.PicklingError, "length of the NEWOBJ_EX argument tuple must be "
                     "exactly 3, not %zd", PyTuple_GET_SIZE(argtup));
        return -1;
    }
    PyObject *cls = PyTuple_GET_ITEM(argtup, 0), *args = PyTuple_GET_ITEM(argtup, 1),
             *kwargs = PyTuple_GET_ITEM(argtup, 2);
    if (!PyType_Check(cls)) {
        PyErr_Format(st.PicklingError, "first item from NEWOBJ_EX argument tuple must be a "
                     "class, not %.200s", Py_TYPE(cls)->tp_name);
        return -1;
    }
    if (!PyTuple_Check(args)) {
        PyErr_Format(st.PicklingError, "second item from NEWOBJ_EX argument tuple must be a "
                     "tuple, not %.200s", Py_TYPE(args)->tp_name);
        return -1;
    }
    if (!PyDict_Check(kwargs)) {
        PyErr_Format(st.PicklingError, "third item from NEWOBJ_EX argument tuple must be a "
                     "dict, not %.200s", Py_TYPE(kwargs)->tp_name);
        return -1;
    }
    if (self->proto >= 4) {
        if (save(self, cls, 0) < 0 || save(self, args, 0) < 0 || save(self, kwargs, 0) < 0)
            return -1;
        return write_op(self, NEWOBJ_EX);
    }
    PyObject *cls_new = PyObject_GetAttr(cls, s_new);
    if (cls_new == NULL)
        return -1;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    PyObject *newargs = PyTuple_New(n + 2);
    if (newargs == NULL) {
        Py_DECREF(cls_new);
        return -1;
    }
    PyTuple_SET_ITEM(newargs, 0, cls_new);
    PyTuple_SET_ITEM(newargs, 1, Py_NewRef(cls));
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(newargs, i + 2, Py_NewRef(PyTuple_GET_ITEM(args, i)));
    PyObject *callable = PyObject_Call(st.partial, newargs, kwargs);
    Py_DECREF(newargs);
    if (callable == NULL)
        return -1;
    PyObject *empty = PyTuple_New(0);
    int r = -1;
    if (empty != NULL && save(self, callable, 0) == 0 && save(self, empty, 0) == 0 &&
        write_op(self, REDUCE) == 0)
        r = 0;
    Py_XDECREF(empty);
    Py_DECREF(callable);
    return r;
}

static int save_newobj(PicklerObject *self, PyObject *argtup, PyObject *obj)
{
    if (PyTuple_GET_SIZE(argtup) < 1) {
        PyErr_SetString(st.PicklingError, "__newobj__ arglist is empty");
        return -1;
    }
    PyObject *cls = PyTuple_GET_ITEM(argtup, 0);
    if (!PyType_Check(cls)) {
        PyErr_SetString(st.PicklingError, "args[0] from __newobj__ args is not a type");
        return -1;
    }
    if (obj != NULL) {
        PyObject *obj_class = get_class(obj);
        if (obj_class == NULL)
            return -1;
        Py_DECREF(obj_class);
        if (obj_class != cls) {
            PyErr_SetString(st.PicklingError, "args[0] from __newobj__ args has the wrong "
                                              "class");
            return -1;
        }
    }
    if (save(self, cls, 0) < 0)
        return -1;
    PyObject *newargtup = PyTuple_GetSlice(argtup, 1, PyTuple_GET_SIZE(argtup));
    if (newargtup == NULL)
        return -1;
    int p = save(self, newargtup, 0);
    Py_DECREF(newargtup);
    if (p < 0)
        return -1;
    return write_op(self, NEWOBJ);
}

/* Write the reduce tuple (callable, args[, state[, listitems[, dictitems[, setter]]]]). */
static int save_reduce(PicklerObject *self, PyObject *args, PyObject *obj)
{
    PyObject *callable, *argtup, *state = NULL, *listitems = Py_None, *dictitems = Py_None;
    PyObject *state_setter = Py_None;
    int use_newobj = 0, use_newobj_ex = 0;
    Py_ssize_t size = PyTuple_Size(args);
    if (size < 0)
        return -1;
    if (size < 2 || size > 6) {
        PyErr_SetString(st.PicklingError, "tuple returned by __reduce__ must contain 2 "
                                          "through 6 elements");
        return -1;
    }
    if (!PyArg_UnpackTuple(args, "save_reduce", 2, 6, &callable, &argtup, &state, &listitems,
                           &dictitems, &state_setter))
        return -1;
    if (!PyCallable_Check(callable)) {
        PyErr_SetString(st.PicklingError, "first item of the tuple returned by __reduce__ "
                                          "must be callable");
        return -1;
    }
    if (!PyTuple_Check(argtup)) {
        PyErr_SetString(st.PicklingError, "second item of the tuple returned by __reduce__ "
                                          "must be a tuple");
        return -1;
    }
    if (state == Py_None)
        state = NULL;
    if (listitems == Py_None)
        listitems = NULL;
    else if (!PyIter_Check(listitems)) {
        PyErr_Format(st.PicklingError, "fourth element of the tuple returned by __reduce__ "
                     "must be an iterator, not %s", Py_TYPE(listitems)->tp_name);
        return -1;
    }
    if (dictitems == Py_None)
        dictitems = NULL;
    else if (!PyIter_Check(dictitems)) {
        PyErr_Format(st.PicklingError, "fifth element of the tuple returned by __reduce__ "
                     "must be an iterator, not %s", Py_TYPE(dictitems)->tp_name);
        return -1;
    }
    if (state_setter == Py_None)
        state_setter = NULL;
    else if (!PyCallable_Check(state_setter)) {
        PyErr_Format(st.PicklingError, "sixth element of the tuple returned by __reduce__ "
                     "must be a function, not %s", Py_TYPE(state_setter)->tp_name);
        return -1;
    }
    if (self->proto >= 2) {
        PyObject *name;
        if (_PyObject_LookupAttr(callable, s_name, &name) < 0)
            return -1;
        if (name != NULL && PyUnicode_Check(name)) {
            use_newobj_ex = _PyUnicode_Equal(name, s_newobj_ex);
            if (!use_newobj_ex)
                use_newobj = _PyUnicode_Equal(name, s_newobj);
        }
        Py_XDECREF(name);
    }
    if (use_newobj_ex) {
        if (save_newobj_ex(self, argtup) < 0)
            return -1;
    }
    else if (use_newobj) {
        if (save_newobj(self, argtup, obj) < 0)
            return -1;
    }
    else {
        if (save(self, callable, 0) < 0 || save(self, argtup, 0) < 0 ||
            write_op(self, REDUCE) < 0)
            return -1;
    }
    /* obj NULL: the caller does not want it memoized */
    if (obj != NULL) {
        if (memo_get_index(&self->memo, obj)) {
            /* recursive: drop what we built and fetch the memoized object */
            if (write_op(self, POP) < 0)
                return -1;
            return memo_get(self, obj);
        }
        if (memo_put(self, obj) < 0)
            return -1;
    }
    if (listitems && batch_list(self, listitems) < 0)
        return -1;
    if (dictitems && batch_dict(self, dictitems) < 0)
        return -1;
    if (state) {
        if (state_setter == NULL) {
            if (save(self, state, 0) < 0 || write_op(self, BUILD) < 0)
                return -1;
        }
        else {
            /* state_setter(obj, state), keeping the stack as it was */
            if (save(self, state_setter, 0) < 0 || save(self, obj, 0) < 0 ||
                save(self, state, 0) < 0 || write_op(self, TUPLE2) < 0 ||
                write_op(self, REDUCE) < 0 || write_op(self, POP) < 0)
                return -1;
        }
    }
    return 0;
}


/* ================================================================ PickleBuffer */

/* pickle.PickleBuffer: a wrapper around a buffer-providing object, pickled in-band as
 * bytes/bytearray or out-of-band through buffer_callback (protocol 5, PEP 574). */
typedef struct {
    PyObject_HEAD
    Py_buffer view;       /* view.obj is NULL once released */
    PyObject *weakreflist;
} PyPickleBufferObject;

static PyTypeObject PyPickleBuffer_Type;

static const Py_buffer *picklebuffer_get(PyObject *obj)
{
    PyPickleBufferObject *self = (PyPickleBufferObject *)obj;
    if (self->view.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, "operation forbidden on released PickleBuffer object");
        return NULL;
    }
    return &self->view;
}

static PyObject *picklebuf_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *base;
    static char *kwlist[] = {"", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:PickleBuffer", kwlist, &base))
        return NULL;
    PyPickleBufferObject *self = (PyPickleBufferObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (PyObject_GetBuffer(base, &self->view, PyBUF_FULL_RO) < 0) {
        self->view.obj = NULL;
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int picklebuf_traverse(PyPickleBufferObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->view.obj);
    return 0;
}

static int picklebuf_clear(PyPickleBufferObject *self)
{
    if (self->view.obj != NULL)
        PyBuffer_Release(&self->view);
    return 0;
}

static void picklebuf_dealloc(PyPickleBufferObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    picklebuf_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int picklebuf_getbuf(PyPickleBufferObject *self, Py_buffer *view, int flags)
{
    if (self->view.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, "operation forbidden on released PickleBuffer object");
        return -1;
    }
    return PyObject_GetBuffer(self->view.obj, view, flags);
}

static void picklebuf_releasebuf(PyPickleBufferObject *self, Py_buffer *view)
{
    /* the view came from the wrapped object, which releases it */
}

static PyBufferProcs picklebuf_as_buffer = {
    .bf_getbuffer = (getbufferproc)picklebuf_getbuf,
    .bf_releasebuffer = (releasebufferproc)picklebuf_releasebuf,
};

static PyObject *picklebuf_raw(PyPickleBufferObject *self, PyObject *unused)
{
    if (self->view.obj == NULL) {
        PyErr_SetString(PyExc_ValueError, "operation forbidden on released PickleBuffer object");
        return NULL;
    }
    if (self->view.suboffsets != NULL || !PyBuffer_IsContiguous(&self->view, 'A')) {
        PyErr_SetString(PyExc_BufferError, "cannot extract raw buffer from non-contiguous buffer");
        return NULL;
    }
    PyObject *m = PyMemoryView_FromObject((PyObject *)self);
    if (m == NULL)
        return NULL;
    if (PyMemoryView_GET_BUFFER(m)->ndim == 1 && PyMemoryView_GET_BUFFER(m)->itemsize == 1 &&
        PyMemoryView_GET_BUFFER(m)->format != NULL &&
        strcmp(PyMemoryView_GET_BUFFER(m)->format, "B") == 0)
        return m;
    /* a flat unsigned-byte view of the same memory */
    PyObject *raw = PyObject_CallMethod(m, "cast", "s", "B");
    if (raw == NULL && PyErr_ExceptionMatches(PyExc_TypeError) &&
        PyBuffer_IsContiguous(&self->view, 'F')) {
        /* Fortran order: view the bytes through a 1-d buffer of the same memory */
        PyErr_Clear();
        Py_buffer flat = self->view;
        flat.format = "B";
        flat.ndim = 1;
        flat.itemsize = 1;
        flat.shape = &flat.len;
        flat.strides = &flat.itemsize;
        flat.suboffsets = NULL;
        flat.obj = NULL;
        raw = PyMemoryView_FromBuffer(&flat);
        if (raw != NULL && self->view.readonly == 0)
            ((Py_buffer *)PyMemoryView_GET_BUFFER(raw))->readonly = 0;
    }
    Py_DECREF(m);
    return raw;
}

static PyObject *picklebuf_release(PyPickleBufferObject *self, PyObject *unused)
{
    picklebuf_clear(self);
    Py_RETURN_NONE;
}

static PyMethodDef picklebuf_methods[] = {
    {"raw", (PyCFunction)picklebuf_raw, METH_NOARGS,
     PyDoc_STR("raw($self, /)\n--\n\nReturn a memoryview of the raw memory underlying this "
               "buffer.\nWill raise BufferError is the buffer isn't contiguous.")},
    {"release", (PyCFunction)picklebuf_release, METH_NOARGS,
     PyDoc_STR("release($self, /)\n--\n\nRelease the underlying buffer exposed by the "
               "PickleBuffer object.")},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject PyPickleBuffer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "pickle.PickleBuffer",
    .tp_basicsize = sizeof(PyPickleBufferObject),
    .tp_dealloc = (destructor)picklebuf_dealloc,
    .tp_as_buffer = &picklebuf_as_buffer,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Wrapper for potentially out-of-band buffers",
    .tp_traverse = (traverseproc)picklebuf_traverse,
    .tp_clear = (inquiry)picklebuf_clear,
    .tp_weaklistoffset = offsetof(PyPickleBufferObject, weakreflist),
    .tp_methods = picklebuf_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = picklebuf_new,
    .tp_free = PyObject_GC_Del,
};

/* Protocol 5: a PickleBuffer in-band (as bytes or bytearray) or out-of-band. */
static int save_picklebuffer(PicklerObject *self, PyObject *obj)
{
    if (self->proto < 5) {
        PyErr_SetString(st.PicklingError, "PickleBuffer can only pickled with protocol >= 5");
        return -1;
    }
    const Py_buffer *view = picklebuffer_get(obj);
    if (view == NULL)
        return -1;
    if (view->suboffsets != NULL || !PyBuffer_IsContiguous(view, 'A')) {
        PyErr_SetString(st.PicklingError, "PickleBuffer can not be pickled when pointing to a "
                                          "non-contiguous buffer");
        return -1;
    }
    int in_band = 1;
    if (self->buffer_callback != NULL) {
        PyObject *ret = PyObject_CallOneArg(self->buffer_callback, obj);
        if (ret == NULL)
            return -1;
        in_band = PyObject_IsTrue(ret);
        Py_DECREF(ret);
        if (in_band < 0)
            return -1;
    }
    if (in_band) {
        if (view->readonly) {
            if (save_sized(self, SHORT_BINBYTES, BINBYTES, BINBYTES8, view->buf, view->len,
                           NULL) < 0)
                return -1;
        }
        else {
            char header[9];
            header[0] = BYTEARRAY8;
            write_size64(header + 1, (size_t)view->len);
            if (pickler_write_bytes(self, header, 9, view->buf, view->len, NULL) < 0)
                return -1;
        }
        return memo_put(self, obj);
    }
    if (write_op(self, NEXT_BUFFER) < 0)
        return -1;
    if (view->readonly && write_op(self, READONLY_BUFFER) < 0)
        return -1;
    return 0;
}

/* ---------------------------------------------------------------- save() */

/* Call the reduction of obj: reducer_override, the dispatch tables, then __reduce_ex__. */
static PyObject *get_reduce_value(PicklerObject *self, PyObject *obj, int *done)
{
    PyTypeObject *type = Py_TYPE(obj);
    PyObject *reduce_func = NULL, *reduce_value = NULL;
    *done = 0;
    if (self->dispatch_table == NULL) {
        reduce_func = PyDict_GetItemWithError(st.dispatch_table, (PyObject *)type);
        if (reduce_func == NULL && PyErr_Occurred())
            return NULL;
        Py_XINCREF(reduce_func);
    }
    else {
        reduce_func = PyObject_GetItem(self->dispatch_table, (PyObject *)type);
        if (reduce_func == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_KeyError))
                return NULL;
            PyErr_Clear();
        }
    }
    if (reduce_func != NULL) {
        reduce_value = PyObject_CallOneArg(reduce_func, obj);
        Py_DECREF(reduce_func);
        return reduce_value;
    }
    if (PyType_IsSubtype(type, &PyType_Type)) {
        *done = 1;   /* a metaclass instance: a global */
        return NULL;
    }
    if (_PyObject_LookupAttr(obj, s_reduce_ex, &reduce_func) < 0)
        return NULL;
    if (reduce_func != NULL) {
        PyObject *proto = PyLong_FromLong(self->proto);
        if (proto != NULL)
            reduce_value = PyObject_CallOneArg(reduce_func, proto);
        Py_XDECREF(proto);
        Py_DECREF(reduce_func);
        return reduce_value;
    }
    if (_PyObject_LookupAttr(obj, s_reduce, &reduce_func) < 0)
        return NULL;
    if (reduce_func == NULL) {
        PyErr_Format(st.PicklingError, "can't pickle '%.200s' object: %R", type->tp_name, obj);
        return NULL;
    }
    reduce_value = PyObject_CallNoArgs(reduce_func);
    Py_DECREF(reduce_func);
    return reduce_value;
}

static int save(PicklerObject *self, PyObject *obj, int pers_save)
{
    PyTypeObject *type;
    PyObject *reduce_value = NULL;
    int status = 0;

    if (pickler_opcode_boundary(self) < 0)
        return -1;
    /* persistent_id first, except for the pid itself */
    if (!pers_save && self->pers_func) {
        status = save_pers(self, obj);
        if (status != 0)
            return status < 0 ? -1 : 0;
    }
    type = Py_TYPE(obj);
    /* atomic types, not memoized */
    if (obj == Py_None)
        return save_none(self);
    if (obj == Py_False || obj == Py_True)
        return save_bool(self, obj);
    if (type == &PyLong_Type)
        return save_long(self, obj);
    if (type == &PyFloat_Type)
        return save_float(self, obj);
    if (memo_get_index(&self->memo, obj))
        return memo_get(self, obj);
    if (type == &PyBytes_Type)
        return save_bytes(self, obj);
    if (type == &PyUnicode_Type)
        return save_unicode(self, obj);

    if (Py_EnterRecursiveCall(" while pickling an object"))
        return -1;
    if (type == &PyDict_Type) {
        status = save_dict(self, obj);
        goto done;
    }
    if (type == &PySet_Type) {
        status = save_set(self, obj);
        goto done;
    }
    if (type == &PyFrozenSet_Type) {
        status = save_frozenset(self, obj);
        goto done;
    }
    if (type == &PyList_Type) {
        status = save_list(self, obj);
        goto done;
    }
    if (type == &PyTuple_Type) {
        status = save_tuple(self, obj);
        goto done;
    }
    if (type == &PyByteArray_Type) {
        status = save_bytearray(self, obj);
        goto done;
    }
    if (type == &PyPickleBuffer_Type) {
        status = save_picklebuffer(self, obj);
        goto done;
    }
    if (self->reducer_override != NULL) {
        reduce_value = PyObject_CallOneArg(self->reducer_override, obj);
        if (reduce_value == NULL)
            goto error;
        if (reduce_value != Py_NotImplemented)
            goto reduce;
        Py_CLEAR(reduce_value);
    }
    if (type == &PyType_Type) {
        status = save_type(self, obj);
        goto done;
    }
    if (type == &PyFunction_Type) {
        status = save_global(self, obj, NULL);
        goto done;
    }
    int is_global;
    reduce_value = get_reduce_value(self, obj, &is_global);
    if (is_global) {
        status = save_global(self, obj, NULL);
        goto done;
    }
    if (reduce_value == NULL)
        goto error;
reduce:
    if (PyUnicode_Check(reduce_value)) {
        status = save_global(self, obj, reduce_value);
        goto done;
    }
    if (!PyTuple_Check(reduce_value)) {
        PyErr_SetString(st.PicklingError, "__reduce__ must return a string or tuple");
        goto error;
    }
    status = save_reduce(self, reduce_value, obj);
    goto done;
error:
    status = -1;
done:
    Py_LeaveRecursiveCall();
    Py_XDECREF(reduce_value);
    return status;
}

static int dump(PicklerObject *self, PyObject *obj)
{
    if (self->reducer_override == NULL &&
        _PyObject_LookupAttr((PyObject *)self, s_reducer_override, &self->reducer_override) < 0)
        return -1;
    int status = -1;
    if (self->proto >= 2) {
        char header[2] = {PROTO, (char)self->proto};
        if (pickler_write(self, header, 2) < 0)
            goto done;
        if (self->proto >= 4)
            self->framing = 1;
    }
    if (save(self, obj, 0) < 0 || write_op(self, STOP) < 0)
        goto done;
    pickler_commit_frame(self);
    status = 0;
done:
    self->framing = 0;
    /* reducer_override is looked up per dump: drop it so that a cycle through it breaks */
    Py_CLEAR(self->reducer_override);
    return status;
}

/* ---------------------------------------------------------------- Pickler type */

static int pickler_set_protocol(PicklerObject *self, PyObject *protocol, int fix_imports)
{
    long proto;
    if (protocol == NULL || protocol == Py_None) {
        proto = DEFAULT_PROTOCOL;
    }
    else {
        proto = PyLong_AsLong(protocol);
        if (proto == -1 && PyErr_Occurred())
            return -1;
        if (proto < 0)
            proto = HIGHEST_PROTOCOL;
        else if (proto > HIGHEST_PROTOCOL) {
            PyErr_Format(PyExc_ValueError, "pickle protocol must be <= %d", HIGHEST_PROTOCOL);
            return -1;
        }
    }
    self->proto = (int)proto;
    self->bin = proto > 0;
    self->fix_imports = fix_imports && proto < 3;
    return 0;
}

static int pickler_set_buffer_callback(PicklerObject *self, PyObject *buffer_callback)
{
    if (buffer_callback == Py_None)
        buffer_callback = NULL;
    if (buffer_callback != NULL && self->proto < 5) {
        PyErr_SetString(PyExc_ValueError, "buffer_callback needs protocol >= 5");
        return -1;
    }
    Py_XINCREF(buffer_callback);
    Py_XSETREF(self->buffer_callback, buffer_callback);
    return 0;
}

static PicklerObject *pickler_new(PyTypeObject *type)
{
    PicklerObject *self = (PicklerObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->max_output_len = 256;
    self->frame_start = -1;
    if (memo_init(&self->memo) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    self->output_buffer = PyBytes_FromStringAndSize(NULL, self->max_output_len);
    if (self->output_buffer == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return self;
}

static PyObject *Pickler_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return (PyObject *)pickler_new(type);
}

static int Pickler_clear(PicklerObject *self)
{
    Py_CLEAR(self->output_buffer);
    Py_CLEAR(self->write);
    Py_CLEAR(self->pers_func);
    Py_CLEAR(self->dispatch_table);
    Py_CLEAR(self->fast_memo);
    Py_CLEAR(self->reducer_override);
    Py_CLEAR(self->buffer_callback);
    memo_clear(&self->memo);
    return 0;
}

static void Pickler_dealloc(PicklerObject *self)
{
    PyObject_GC_UnTrack(self);
    Pickler_clear(self);
    memo_free(&self->memo);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Pickler_traverse(PicklerObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->write);
    Py_VISIT(self->pers_func);
    Py_VISIT(self->dispatch_table);
    Py_VISIT(self->fast_memo);
    Py_VISIT(self->reducer_override);
    Py_VISIT(self->buffer_callback);
    if (self->memo.table != NULL)
        for (size_t i = 0; i <= self->memo.mask; i++)
            Py_VISIT(self->memo.table[i].key);
    return 0;
}

static int Pickler_init(PicklerObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "protocol", "fix_imports", "buffer_callback", NULL};
    PyObject *file, *protocol = Py_None, *buffer_callback = Py_None;
    int fix_imports = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|OpO:Pickler", kwlist, &file, &protocol,
                                     &fix_imports, &buffer_callback))
        return -1;
    /* __init__ may be called again: start from a clean state */
    if (self->write != NULL)
        Pickler_clear(self);
    if (pickler_set_protocol(self, protocol, fix_imports) < 0)
        return -1;
    if (_PyObject_LookupAttr(file, s_write, &self->write) < 0)
        return -1;
    if (self->write == NULL) {
        PyErr_SetString(PyExc_TypeError, "file must have a 'write' attribute");
        return -1;
    }
    if (pickler_set_buffer_callback(self, buffer_callback) < 0)
        return -1;
    if (pickler_clear_buffer(self) < 0)
        return -1;
    memo_clear(&self->memo);
    self->fast = 0;
    self->fast_nesting = 0;
    Py_CLEAR(self->fast_memo);
    Py_CLEAR(self->pers_func);
    if (_PyObject_LookupAttr((PyObject *)self, s_persistent_id, &self->pers_func) < 0)
        return -1;
    Py_CLEAR(self->dispatch_table);
    if (_PyObject_LookupAttr((PyObject *)self, s_dispatch_table, &self->dispatch_table) < 0)
        return -1;
    self->initialized = 1;
    return 0;
}

static PyObject *Pickler_dump(PicklerObject *self, PyObject *obj)
{
    if (!self->initialized || self->write == NULL) {
        PyErr_Format(st.PicklingError, "Pickler.__init__() was not called by %s.__init__()",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (pickler_clear_buffer(self) < 0)
        return NULL;
    if (dump(self, obj) < 0)
        return NULL;
    if (pickler_flush_to_file(self) < 0)
        return NULL;
    if (pickler_clear_buffer(self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *Pickler_clear_memo(PicklerObject *self, PyObject *unused)
{
    memo_clear(&self->memo);
    Py_RETURN_NONE;
}

static PyObject *Pickler_sizeof(PicklerObject *self, PyObject *unused)
{
    Py_ssize_t res = _PyObject_SIZE(Py_TYPE(self));
    if (self->memo.table != NULL)
        res += (Py_ssize_t)((self->memo.mask + 1) * sizeof(MemoEntry));
    if (self->output_buffer != NULL)
        res += self->max_output_len;
    return PyLong_FromSsize_t(res);
}

/* The memo as a dict {id(obj): (index, obj)}, as pickle.py's Pickler.memo. */
static PyObject *pickler_memo_copy(PicklerObject *self)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (size_t i = 0; i <= self->memo.mask; i++) {
        MemoEntry *e = &self->memo.table[i];
        if (e->key == NULL)
            continue;
        PyObject *key = PyLong_FromVoidPtr(e->key);
        PyObject *value = key ? Py_BuildValue("nO", e->value, e->key) : NULL;
        if (value == NULL || PyDict_SetItem(d, key, value) < 0) {
            Py_XDECREF(key);
            Py_XDECREF(value);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(key);
        Py_DECREF(value);
    }
    return d;
}

/* ---- PicklerMemoProxy: a live view of a Pickler's memo */

typedef struct {
    PyObject_HEAD
    PicklerObject *pickler;
} PicklerMemoProxyObject;

static PyTypeObject PicklerMemoProxyType;

static PyObject *pmp_clear(PicklerMemoProxyObject *self, PyObject *unused)
{
    memo_clear(&self->pickler->memo);
    Py_RETURN_NONE;
}

static PyObject *pmp_copy(PicklerMemoProxyObject *self, PyObject *unused)
{
    return pickler_memo_copy(self->pickler);
}

static PyObject *pmp_reduce(PicklerMemoProxyObject *self, PyObject *unused)
{
    PyObject *contents = pickler_memo_copy(self->pickler);
    if (contents == NULL)
        return NULL;
    return Py_BuildValue("O(N)", (PyObject *)&PyDict_Type, contents);
}

static PyMethodDef pmp_methods[] = {
    {"clear", (PyCFunction)pmp_clear, METH_NOARGS, PyDoc_STR("Remove all items from memo.")},
    {"copy", (PyCFunction)pmp_copy, METH_NOARGS, PyDoc_STR("Copy the memo to a new object.")},
    {"__reduce__", (PyCFunction)pmp_reduce, METH_NOARGS,
     PyDoc_STR("Implement pickle support.")},
    {NULL, NULL, 0, NULL},
};

static void pmp_dealloc(PicklerMemoProxyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->pickler);
    PyObject_GC_Del(self);
}

static int pmp_traverse(PicklerMemoProxyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->pickler);
    return 0;
}

static int pmp_clear_slot(PicklerMemoProxyObject *self)
{
    Py_CLEAR(self->pickler);
    return 0;
}

static PyTypeObject PicklerMemoProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.PicklerMemoProxy",
    .tp_basicsize = sizeof(PicklerMemoProxyObject),
    .tp_dealloc = (destructor)pmp_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)pmp_traverse,
    .tp_clear = (inquiry)pmp_clear_slot,
    .tp_methods = pmp_methods,
};

static PyObject *Pickler_get_memo(PicklerObject *self, void *closure)
{
    PicklerMemoProxyObject *proxy = PyObject_GC_New(PicklerMemoProxyObject,
                                                    &PicklerMemoProxyType);
    if (proxy == NULL)
        return NULL;
    proxy->pickler = (PicklerObject *)Py_NewRef(self);
    PyObject_GC_Track(proxy);
    return (PyObject *)proxy;
}

static int Pickler_set_memo(PicklerObject *self, PyObject *obj, void *closure)
{
    if (obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    MemoTable new_memo;
    if (Py_IS_TYPE(obj, &PicklerMemoProxyType)) {
        PicklerObject *other = ((PicklerMemoProxyObject *)obj)->pickler;
        if (memo_init(&new_memo) < 0)
            return -1;
        for (size_t i = 0; i <= other->memo.mask; i++) {
            MemoEntry *e = &other->memo.table[i];
            if (e->key != NULL && memo_set(&new_memo, e->key, e->value) < 0)
                goto error;
        }
    }
    else if (PyDict_Check(obj)) {
        Py_ssize_t i = 0;
        PyObject *key, *value;
        if (memo_init(&new_memo) < 0)
            return -1;
        while (PyDict_Next(obj, &i, &key, &value)) {
            if (!PyTuple_Check(value) || PyTuple_GET_SIZE(value) != 2) {
                PyErr_SetString(PyExc_TypeError, "'memo' values must be 2-item tuples");
                goto error;
            }
            Py_ssize_t memo_id = PyLong_AsSsize_t(PyTuple_GET_ITEM(value, 0));
            if (memo_id == -1 && PyErr_Occurred())
                goto error;
            if (memo_set(&new_memo, PyTuple_GET_ITEM(value, 1), memo_id) < 0)
                goto error;
        }
    }
    else {
        PyErr_Format(PyExc_TypeError, "'memo' attribute must be a PicklerMemoProxy object "
                     "or dict, not %.200s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    memo_free(&self->memo);
    self->memo = new_memo;
    return 0;
error:
    memo_free(&new_memo);
    return -1;
}

static PyObject *Pickler_get_persid(PicklerObject *self, void *closure)
{
    if (self->pers_func == NULL) {
        PyErr_SetString(PyExc_AttributeError, "persistent_id");
        return NULL;
    }
    return Py_NewRef(self->pers_func);
}

static int Pickler_set_persid(PicklerObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (!PyCallable_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "persistent_id must be a callable taking one argument");
        return -1;
    }
    Py_INCREF(value);
    Py_XSETREF(self->pers_func, value);
    return 0;
}

static PyMemberDef Pickler_members[] = {
    {"bin", T_INT, offsetof(PicklerObject, bin), 0, NULL},
    {"fast", T_INT, offsetof(PicklerObject, fast), 0, NULL},
    {"dispatch_table", T_OBJECT_EX, offsetof(PicklerObject, dispatch_table), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef Pickler_getsets[] = {
    {"memo", (getter)Pickler_get_memo, (setter)Pickler_set_memo, NULL, NULL},
    {"persistent_id", (getter)Pickler_get_persid, (setter)Pickler_set_persid, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef Pickler_methods[] = {
    {"dump", (PyCFunction)Pickler_dump, METH_O,
     PyDoc_STR("dump($self, obj, /)\n--\n\nWrite a pickled representation of the given "
               "object to the open file.")},
    {"clear_memo", (PyCFunction)Pickler_clear_memo, METH_NOARGS,
     PyDoc_STR("clear_memo($self, /)\n--\n\nClears the pickler's \"memo\".\n\n"
               "The memo is the data structure that remembers which objects the\n"
               "pickler has already seen, so that shared or recursive objects are\n"
               "pickled by reference and not by value.  This method is useful when\n"
               "re-using picklers.")},
    {"__sizeof__", (PyCFunction)Pickler_sizeof, METH_NOARGS,
     PyDoc_STR("__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes.")},
    {NULL, NULL, 0, NULL},
};


static const char Pickler_doc[] =
"Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)\n--\n\n"
"This takes a binary file for writing a pickle data stream.\n\n"
"The optional *protocol* argument tells the pickler to use the given\n"
"protocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default\n"
"protocol is 4. It was introduced in Python 3.4, and is incompatible\n"
"with previous versions.\n\n"
"Specifying a negative protocol version selects the highest protocol\n"
"version supported.  The higher the protocol used, the more recent the\n"
"version of Python needed to read the pickle produced.\n\n"
"The *file* argument must have a write() method that accepts a single\n"
"bytes argument. It can thus be a file object opened for binary\n"
"writing, an io.BytesIO instance, or any other custom object that meets\n"
"this interface.\n\n"
"If *fix_imports* is True and protocol is less than 3, pickle will try\n"
"to map the new Python 3 names to the old module names used in Python\n"
"2, so that the pickle data stream is readable with Python 2.\n\n"
"If *buffer_callback* is None (the default), buffer views are\n"
"serialized into *file* as part of the pickle stream.\n\n"
"If *buffer_callback* is not None, then it can be called any number\n"
"of times with a buffer view.  If the callback returns a false value\n"
"(such as None), the given buffer is out-of-band; otherwise the\n"
"buffer is serialized in-band, i.e. inside the pickle stream.\n\n"
"It is an error if *buffer_callback* is not None and *protocol*\n"
"is None or smaller than 5.";

static PyTypeObject Pickler_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.Pickler",
    .tp_basicsize = sizeof(PicklerObject),
    .tp_dealloc = (destructor)Pickler_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = Pickler_doc,
    .tp_traverse = (traverseproc)Pickler_traverse,
    .tp_clear = (inquiry)Pickler_clear,
    .tp_methods = Pickler_methods,
    .tp_members = Pickler_members,
    .tp_getset = Pickler_getsets,
    .tp_init = (initproc)Pickler_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = Pickler_new,
    .tp_free = PyObject_GC_Del,
};

/* ================================================================ Unpickler */

typedef struct {
    PyObject_HEAD
    /* the stack: objects, with marks recording where MARK was pushed */
    PyObject **stack;
    Py_ssize_t stack_len, stack_alloc;
    Py_ssize_t fence;             /* items below the last mark are out of reach */
    Py_ssize_t *marks;
    Py_ssize_t num_marks, marks_size;
    /* the memo: index -> object */
    PyObject **memo;
    size_t memo_size;
    size_t memo_len;
    PyObject *pers_func;          /* persistent_load, or NULL */
    /* input: a bytes buffer consumed from pos, refilled from the file */
    PyObject *input_buffer;       /* bytes, or NULL */
    const char *input;
    Py_ssize_t input_len, next_read_idx;
    PyObject *read, *readline;    /* file methods, NULL for loads() */
    char *input_line;             /* the last line read, NUL-terminated */
    char *encoding, *errors;      /* for Python 2 str */
    PyObject *buffers;            /* iterator of out-of-band buffers, or NULL */
    int proto;
    int fix_imports;
    int initialized;
} UnpicklerObject;

static PyTypeObject Unpickler_Type;

static PyObject *stack_underflow(UnpicklerObject *self)
{
    PyErr_SetString(st.UnpicklingError,
                    self->num_marks ? "unexpected MARK found" : "unpickling stack underflow");
    return NULL;
}

static int stack_push(UnpicklerObject *self, PyObject *obj)   /* steals obj */
{
    if (self->stack_len == self->stack_alloc) {
        Py_ssize_t n = self->stack_alloc ? self->stack_alloc * 2 : 16;
        PyObject **s = PyMem_Realloc(self->stack, (size_t)n * sizeof(PyObject *));
        if (s == NULL) {
            Py_DECREF(obj);
            PyErr_NoMemory();
            return -1;
        }
        self->stack = s;
        self->stack_alloc = n;
    }
    self->stack[self->stack_len++] = obj;
    return 0;
}

static PyObject *stack_pop(UnpicklerObject *self)
{
    if (self->stack_len <= self->fence)
        return stack_underflow(self);
    return self->stack[--self->stack_len];
}

static void stack_clear_from(UnpicklerObject *self, Py_ssize_t start)
{
    while (self->stack_len > start) {
        PyObject *o = self->stack[--self->stack_len];
        Py_DECREF(o);
    }
}

/* The stack slice [start:] as a new tuple/list; the slice leaves the stack. */
static PyObject *stack_pop_tuple(UnpicklerObject *self, Py_ssize_t start)
{
    Py_ssize_t len = self->stack_len - start;
    PyObject *t = PyTuple_New(len);
    if (t == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < len; i++)
        PyTuple_SET_ITEM(t, i, self->stack[start + i]);
    self->stack_len = start;
    return t;
}

static PyObject *stack_pop_list(UnpicklerObject *self, Py_ssize_t start)
{
    Py_ssize_t len = self->stack_len - start;
    PyObject *l = PyList_New(len);
    if (l == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < len; i++)
        PyList_SET_ITEM(l, i, self->stack[start + i]);
    self->stack_len = start;
    return l;
}

/* Pop the last mark: the stack index where its items start. */
static Py_ssize_t marker(UnpicklerObject *self)
{
    if (self->num_marks < 1) {
        PyErr_SetString(st.UnpicklingError, "could not find MARK");
        return -1;
    }
    Py_ssize_t mark = self->marks[--self->num_marks];
    self->fence = self->num_marks ? self->marks[self->num_marks - 1] : 0;
    return mark;
}

static PyObject *memo_get_item(UnpicklerObject *self, size_t idx)
{
    return idx < self->memo_size ? self->memo[idx] : NULL;
}

static int memo_put_item(UnpicklerObject *self, size_t idx, PyObject *value)
{
    if (idx >= self->memo_size) {
        size_t new_size = idx * 2 + 16;
        PyObject **m = PyMem_Realloc(self->memo, new_size * sizeof(PyObject *));
        if (m == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memset(m + self->memo_size, 0, (new_size - self->memo_size) * sizeof(PyObject *));
        self->memo = m;
        self->memo_size = new_size;
    }
    Py_INCREF(value);
    PyObject *old = self->memo[idx];
    self->memo[idx] = value;
    if (old != NULL)
        Py_DECREF(old);
    else
        self->memo_len++;
    return 0;
}

static void unpickler_memo_clear(UnpicklerObject *self)
{
    for (size_t i = 0; i < self->memo_size; i++)
        Py_CLEAR(self->memo[i]);
    self->memo_len = 0;
}

/* ---------------------------------------------------------------- input */

static Py_ssize_t bad_readline(void)
{
    PyErr_SetString(st.UnpicklingError, "pickle data was truncated");
    return -1;
}

/* Replace the buffer by what is left of it plus data. */
static int unpickler_refill(UnpicklerObject *self, PyObject *data)
{
    if (!PyBytes_Check(data)) {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'",
                     Py_TYPE(data)->tp_name);
        return -1;
    }
    Py_ssize_t left = self->input_len - self->next_read_idx;
    PyObject *buf;
    if (left == 0) {
        buf = Py_NewRef(data);
    }
    else {
        buf = PyBytes_FromStringAndSize(NULL, left + PyBytes_GET_SIZE(data));
        if (buf == NULL)
            return -1;
        memcpy(PyBytes_AS_STRING(buf), self->input + self->next_read_idx, (size_t)left);
        memcpy(PyBytes_AS_STRING(buf) + left, PyBytes_AS_STRING(data),
               (size_t)PyBytes_GET_SIZE(data));
    }
    Py_XSETREF(self->input_buffer, buf);
    self->input = PyBytes_AS_STRING(buf);
    self->input_len = PyBytes_GET_SIZE(buf);
    self->next_read_idx = 0;
    return 0;
}

/* Point *s at the next n bytes; reads exactly what is missing from the file, so the file
 * position ends right after the pickle. */
static Py_ssize_t unpickler_read(UnpicklerObject *self, char **s, Py_ssize_t n)
{
    if (self->input_len - self->next_read_idx < n) {
        if (self->read == NULL)
            return bad_readline();
        Py_ssize_t need = n - (self->input_len - self->next_read_idx);
        PyObject *len = PyLong_FromSsize_t(need);
        if (len == NULL)
            return -1;
        PyObject *data = PyObject_CallOneArg(self->read, len);
        Py_DECREF(len);
        if (data == NULL)
            return -1;
        int r = unpickler_refill(self, data);
        Py_DECREF(data);
        if (r < 0)
            return -1;
        if (self->input_len - self->next_read_idx < n)
            return bad_readline();
    }
    *s = (char *)self->input + self->next_read_idx;
    self->next_read_idx += n;
    return n;
}

/* The next line including its '\n', copied NUL-terminated into self->input_line (the
 * number parsers need a C string); returns its length. */
static Py_ssize_t unpickler_readline(UnpicklerObject *self, char **result)
{
    const char *start = NULL;
    Py_ssize_t len = -1;
    for (Py_ssize_t i = self->next_read_idx; i < self->input_len; i++) {
        if (self->input[i] == '\n') {
            start = self->input + self->next_read_idx;
            len = i - self->next_read_idx + 1;
            self->next_read_idx = i + 1;
            break;
        }
    }
    if (start == NULL) {
        if (self->read == NULL)
            return bad_readline();
        PyObject *data = PyObject_CallNoArgs(self->readline);
        if (data == NULL)
            return -1;
        int r = unpickler_refill(self, data);
        Py_DECREF(data);
        if (r < 0)
            return -1;
        if (self->input_len == 0 || self->input[self->input_len - 1] != '\n')
            return bad_readline();
        start = self->input;
        len = self->input_len;
        self->next_read_idx = self->input_len;
    }
    char *line = PyMem_Realloc(self->input_line, (size_t)len + 1);
    if (line == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(line, start, (size_t)len);
    line[len] = '\0';
    self->input_line = line;
    *result = line;
    return len;
}

static size_t calc_binsize(const char *bytes, int nbytes)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t x = 0;
    for (int i = 0; i < nbytes; i++)
        x |= (size_t)s[i] << (8 * i);
    return x;
}

static long calc_binint(const char *bytes, int nbytes)
{
    const unsigned char *s = (const unsigned char *)bytes;
    long x = 0;
    for (int i = 0; i < nbytes; i++)
        x |= (long)s[i] << (8 * i);
    if (nbytes == 4 && (x & 0x80000000L))
        x -= 0x100000000L;   /* BININT is signed */
    return x;
}

/* ---------------------------------------------------------------- opcodes */

static int load_int(UnpicklerObject *self)
{
    char *s, *endptr;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 2)
        return bad_readline();
    PyObject *value;
    char *line = PyMem_Malloc((size_t)len + 1);
    if (line == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(line, s, (size_t)len);
    line[len] = '\0';
    errno = 0;
    long x = strtol(line, &endptr, 0);
    if (errno || (*endptr != '\n' && *endptr != '\0')) {
        /* maybe too long for a C long */
        errno = 0;
        value = PyLong_FromString(line, NULL, 0);
        if (value == NULL) {
            PyErr_SetString(PyExc_ValueError, "could not convert string to int");
            PyMem_Free(line);
            return -1;
        }
    }
    else if (len == 3 && (x == 0 || x == 1)) {
        value = PyBool_FromLong(x);   /* Python 2.2's I00/I01 booleans */
    }
    else {
        value = PyLong_FromLong(x);
    }
    PyMem_Free(line);
    if (value == NULL)
        return -1;
    return stack_push(self, value);
}

static int load_bool(UnpicklerObject *self, PyObject *boolean)
{
    return stack_push(self, Py_NewRef(boolean));
}

static int load_binintx(UnpicklerObject *self, int size)
{
    char *s;
    if (unpickler_read(self, &s, size) < 0)
        return -1;
    PyObject *value = PyLong_FromLong(calc_binint(s, size));
    if (value == NULL)
        return -1;
    return stack_push(self, value);
}

static int load_long(UnpicklerObject *self)
{
    char *s;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 2)
        return bad_readline();
    char *line = PyMem_Malloc((size_t)len + 1);
    if (line == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(line, s, (size_t)len);
    line[len] = '\0';
    /* Python 2's trailing L */
    if (len > 1 && line[len - 2] == 'L')
        line[len - 2] = '\0';
    PyObject *value = PyLong_FromString(line, NULL, 0);
    PyMem_Free(line);
    if (value == NULL)
        return -1;
    return stack_push(self, value);
}

static int load_counted_long(UnpicklerObject *self, int size)
{
    char *nbytes, *pdata;
    if (unpickler_read(self, &nbytes, size) < 0)
        return -1;
    long n = calc_binint(nbytes, size);
    if (n < 0) {
        PyErr_SetString(st.UnpicklingError, "LONG pickle has negative byte count");
        return -1;
    }
    PyObject *value;
    if (n == 0) {
        value = PyLong_FromLong(0);
    }
    else {
        if (unpickler_read(self, &pdata, n) < 0)
            return -1;
        value = _PyLong_FromByteArray((unsigned char *)pdata, (size_t)n, 1, 1);
    }
    if (value == NULL)
        return -1;
    return stack_push(self, value);
}

static int load_float(UnpicklerObject *self)
{
    char *s, *endptr;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 2)
        return bad_readline();
    char *line = PyMem_Malloc((size_t)len + 1);
    if (line == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memcpy(line, s, (size_t)len);
    line[len] = '\0';
    errno = 0;
    double d = PyOS_string_to_double(line, &endptr, PyExc_OverflowError);
    if (d == -1.0 && PyErr_Occurred()) {
        PyMem_Free(line);
        return -1;
    }
    if (endptr[0] != '\n' && endptr[0] != '\0') {
        PyErr_SetString(PyExc_ValueError, "could not convert string to float");
        PyMem_Free(line);
        return -1;
    }
    PyMem_Free(line);
    PyObject *value = PyFloat_FromDouble(d);
    if (value == NULL)
        return -1;
    return stack_push(self, value);
}

static int load_binfloat(UnpicklerObject *self)
{
    char *s;
    if (unpickler_read(self, &s, 8) < 0)
        return -1;
    double x = PyFloat_Unpack8(s, 0);
    if (x == -1.0 && PyErr_Occurred())
        return -1;
    PyObject *value = PyFloat_FromDouble(x);
    if (value == NULL)
        return -1;
    return stack_push(self, value);
}

/* A Python 2 str: bytes (encoding="bytes") or decoded with encoding/errors. */
static PyObject *decode_string(UnpicklerObject *self, PyObject *bytes)
{
    if (strcmp(self->encoding, "bytes") == 0)
        return Py_NewRef(bytes);
    return PyUnicode_FromEncodedObject(bytes, self->encoding, self->errors);
}

static int load_string(UnpicklerObject *self)
{
    char *s;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    /* strip the newline and outer quotes, which must match */
    if (len >= 2 && s[len - 1] == '\n')
        len--;
    if (len >= 2 && s[0] == s[len - 1] && (s[0] == '\'' || s[0] == '"')) {
        s++;
        len -= 2;
    }
    else {
        PyErr_SetString(st.UnpicklingError, "the STRING opcode argument must be quoted");
        return -1;
    }
    PyObject *bytes = PyBytes_DecodeEscape(s, len, NULL, 0, NULL);
    if (bytes == NULL)
        return -1;
    PyObject *obj = decode_string(self, bytes);
    Py_DECREF(bytes);
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static int load_counted_binstring(UnpicklerObject *self, int nbytes)
{
    char *s;
    if (unpickler_read(self, &s, nbytes) < 0)
        return -1;
    size_t size = calc_binsize(s, nbytes);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_Format(st.UnpicklingError, "BINSTRING exceeds system's maximum size of %zd bytes",
                     PY_SSIZE_T_MAX);
        return -1;
    }
    if (unpickler_read(self, &s, (Py_ssize_t)size) < 0)
        return -1;
    PyObject *bytes = PyBytes_FromStringAndSize(s, (Py_ssize_t)size);
    if (bytes == NULL)
        return -1;
    PyObject *obj = decode_string(self, bytes);
    Py_DECREF(bytes);
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static int load_counted_binbytes(UnpicklerObject *self, int nbytes)
{
    char *s;
    if (unpickler_read(self, &s, nbytes) < 0)
        return -1;
    size_t size = calc_binsize(s, nbytes);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_Format(PyExc_OverflowError, "BINBYTES exceeds system's maximum size of %zd bytes",
                     PY_SSIZE_T_MAX);
        return -1;
    }
    if (unpickler_read(self, &s, (Py_ssize_t)size) < 0)
        return -1;
    PyObject *bytes = PyBytes_FromStringAndSize(s, (Py_ssize_t)size);
    if (bytes == NULL)
        return -1;
    return stack_push(self, bytes);
}

static int load_counted_bytearray(UnpicklerObject *self)
{
    char *s;
    if (unpickler_read(self, &s, 8) < 0)
        return -1;
    size_t size = calc_binsize(s, 8);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_Format(PyExc_OverflowError, "BYTEARRAY8 exceeds system's maximum size of %zd "
                     "bytes", PY_SSIZE_T_MAX);
        return -1;
    }
    if (unpickler_read(self, &s, (Py_ssize_t)size) < 0)
        return -1;
    PyObject *ba = PyByteArray_FromStringAndSize(s, (Py_ssize_t)size);
    if (ba == NULL)
        return -1;
    return stack_push(self, ba);
}

static int load_unicode(UnpicklerObject *self)
{
    char *s;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 1)
        return bad_readline();
    PyObject *str = PyUnicode_DecodeRawUnicodeEscape(s, len - 1, NULL);
    if (str == NULL)
        return -1;
    return stack_push(self, str);
}

static int load_counted_binunicode(UnpicklerObject *self, int nbytes)
{
    char *s;
    if (unpickler_read(self, &s, nbytes) < 0)
        return -1;
    size_t size = calc_binsize(s, nbytes);
    if (size > PY_SSIZE_T_MAX) {
        PyErr_Format(PyExc_OverflowError, "BINUNICODE exceeds system's maximum size of %zd "
                     "bytes", PY_SSIZE_T_MAX);
        return -1;
    }
    if (unpickler_read(self, &s, (Py_ssize_t)size) < 0)
        return -1;
    PyObject *str = PyUnicode_DecodeUTF8(s, (Py_ssize_t)size, "surrogatepass");
    if (str == NULL)
        return -1;
    return stack_push(self, str);
}

static int load_counted_tuple(UnpicklerObject *self, Py_ssize_t len)
{
    if (self->stack_len - self->fence < len)
        return stack_underflow(self) ? 0 : -1;
    PyObject *tuple = stack_pop_tuple(self, self->stack_len - len);
    if (tuple == NULL)
        return -1;
    return stack_push(self, tuple);
}

static int load_tuple(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    return load_counted_tuple(self, self->stack_len - i);
}

static int load_empty(UnpicklerObject *self, PyObject *obj)
{
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static int load_list(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    PyObject *list = stack_pop_list(self, i);
    if (list == NULL)
        return -1;
    return stack_push(self, list);
}

static int load_dict(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    Py_ssize_t j = self->stack_len;
    if ((j - i) % 2 != 0) {
        PyErr_SetString(st.UnpicklingError, "odd number of items for DICT");
        return -1;
    }
    PyObject *dict = PyDict_New();
    if (dict == NULL)
        return -1;
    for (Py_ssize_t k = i + 1; k < j; k += 2) {
        if (PyDict_SetItem(dict, self->stack[k - 1], self->stack[k]) < 0) {
            Py_DECREF(dict);
            return -1;
        }
    }
    stack_clear_from(self, i);
    return stack_push(self, dict);
}

static int load_frozenset(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    PyObject *items = stack_pop_tuple(self, i);
    if (items == NULL)
        return -1;
    PyObject *fs = PyFrozenSet_New(items);
    Py_DECREF(items);
    if (fs == NULL)
        return -1;
    return stack_push(self, fs);
}

/* INST/OBJ: cls(*args), or cls.__new__(cls) for a class without init arguments. */
static PyObject *instantiate(PyObject *cls, PyObject *args)
{
    if (!PyTuple_GET_SIZE(args) && PyType_Check(cls)) {
        PyObject *func;
        if (_PyObject_LookupAttr(cls, s_getinitargs, &func) < 0)
            return NULL;
        if (func == NULL)
            return PyObject_CallMethodOneArg(cls, s_new, cls);
        Py_DECREF(func);
    }
    return PyObject_CallObject(cls, args);
}

static int load_obj(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    if (self->stack_len - i < 1)
        return stack_underflow(self) ? 0 : -1;
    PyObject *args = stack_pop_tuple(self, i + 1);
    if (args == NULL)
        return -1;
    PyObject *cls = stack_pop(self);
    PyObject *obj = NULL;
    if (cls != NULL) {
        obj = instantiate(cls, args);
        Py_DECREF(cls);
    }
    Py_DECREF(args);
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static PyObject *call_find_class(UnpicklerObject *self, PyObject *module_name,
                                 PyObject *global_name)
{
    return PyObject_CallMethodObjArgs((PyObject *)self, s_find_class, module_name,
                                      global_name, NULL);
}

/* Two lines, "module\n" "name\n", as str. */
static int read_global_names(UnpicklerObject *self, PyObject **module_name,
                             PyObject **global_name)
{
    char *s;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 2)
        return bad_readline();
    *module_name = PyUnicode_DecodeUTF8(s, len - 1, "strict");
    if (*module_name == NULL)
        return -1;
    len = unpickler_readline(self, &s);
    if (len < 2) {
        Py_DECREF(*module_name);
        return len < 0 ? -1 : bad_readline();
    }
    *global_name = PyUnicode_DecodeUTF8(s, len - 1, "strict");
    if (*global_name == NULL) {
        Py_DECREF(*module_name);
        return -1;
    }
    return 0;
}

static int load_inst(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    PyObject *module_name, *class_name;
    if (read_global_names(self, &module_name, &class_name) < 0)
        return -1;
    PyObject *cls = call_find_class(self, module_name, class_name);
    Py_DECREF(module_name);
    Py_DECREF(class_name);
    if (cls == NULL)
        return -1;
    PyObject *args = stack_pop_tuple(self, i);
    PyObject *obj = NULL;
    if (args != NULL) {
        obj = instantiate(cls, args);
        Py_DECREF(args);
    }
    Py_DECREF(cls);
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static int load_newobj(UnpicklerObject *self, int use_kwargs)
{
    const char *opname = use_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
    PyObject *cls = NULL, *args = NULL, *kwargs = NULL, *obj;
    int status = -1;
    if (use_kwargs) {
        kwargs = stack_pop(self);
        if (kwargs == NULL)
            return -1;
    }
    args = stack_pop(self);
    if (args == NULL)
        goto done;
    cls = stack_pop(self);
    if (cls == NULL)
        goto done;
    if (!PyType_Check(cls)) {
        PyErr_Format(st.UnpicklingError, "%s class argument must be a type, not %.200s",
                     opname, Py_TYPE(cls)->tp_name);
        goto done;
    }
    if (((PyTypeObject *)cls)->tp_new == NULL) {
        PyErr_Format(st.UnpicklingError, "%s class argument '%.200s' doesn't have __new__",
                     opname, ((PyTypeObject *)cls)->tp_name);
        goto done;
    }
    if (!PyTuple_Check(args)) {
        PyErr_Format(st.UnpicklingError, "%s args argument must be a tuple, not %.200s",
                     opname, Py_TYPE(args)->tp_name);
        goto done;
    }
    if (use_kwargs && !PyDict_Check(kwargs)) {
        PyErr_Format(st.UnpicklingError, "%s kwargs argument must be a dict, not %.200s",
                     opname, Py_TYPE(kwargs)->tp_name);
        goto done;
    }
    obj = ((PyTypeObject *)cls)->tp_new((PyTypeObject *)cls, args, kwargs);
    if (obj == NULL)
        goto done;
    status = stack_push(self, obj);
done:
    Py_XDECREF(cls);
    Py_XDECREF(args);
    Py_XDECREF(kwargs);
    return status;
}

static int load_global(UnpicklerObject *self)
{
    PyObject *module_name, *global_name;
    if (read_global_names(self, &module_name, &global_name) < 0)
        return -1;
    PyObject *global = call_find_class(self, module_name, global_name);
    Py_DECREF(module_name);
    Py_DECREF(global_name);
    if (global == NULL)
        return -1;
    return stack_push(self, global);
}

static int load_stack_global(UnpicklerObject *self)
{
    PyObject *global_name = stack_pop(self);
    if (global_name == NULL)
        return -1;
    PyObject *module_name = stack_pop(self);
    if (module_name == NULL) {
        Py_DECREF(global_name);
        return -1;
    }
    PyObject *global = NULL;
    if (!PyUnicode_CheckExact(module_name) || !PyUnicode_CheckExact(global_name))
        PyErr_SetString(st.UnpicklingError, "STACK_GLOBAL requires str");
    else
        global = call_find_class(self, module_name, global_name);
    Py_DECREF(global_name);
    Py_DECREF(module_name);
    if (global == NULL)
        return -1;
    return stack_push(self, global);
}

static int no_persistent_load(void)
{
    PyErr_SetString(st.UnpicklingError, "A load persistent id instruction was encountered,\n"
                                        "but no persistent_load function was specified.");
    return -1;
}

static int load_persid(UnpicklerObject *self)
{
    if (self->pers_func == NULL)
        return no_persistent_load();
    char *s;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 1)
        return bad_readline();
    PyObject *pid = PyUnicode_DecodeASCII(s, len - 1, "strict");
    if (pid == NULL) {
        if (PyErr_ExceptionMatches(PyExc_UnicodeDecodeError))
            PyErr_SetString(st.UnpicklingError,
                            "persistent IDs in protocol 0 must be ASCII strings");
        return -1;
    }
    PyObject *obj = PyObject_CallOneArg(self->pers_func, pid);
    Py_DECREF(pid);
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static int load_binpersid(UnpicklerObject *self)
{
    if (self->pers_func == NULL)
        return no_persistent_load();
    PyObject *pid = stack_pop(self);
    if (pid == NULL)
        return -1;
    PyObject *obj = PyObject_CallOneArg(self->pers_func, pid);
    Py_DECREF(pid);
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static int load_pop(UnpicklerObject *self)
{
    /* POP of an empty mark level pops the mark itself */
    if (self->stack_len > self->fence) {
        PyObject *o = self->stack[--self->stack_len];
        Py_DECREF(o);
    }
    else if (self->num_marks > 0) {
        self->num_marks--;
        self->fence = self->num_marks ? self->marks[self->num_marks - 1] : 0;
    }
    else {
        stack_underflow(self);
        return -1;
    }
    return 0;
}

static int load_pop_mark(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    stack_clear_from(self, i);
    return 0;
}

static int load_dup(UnpicklerObject *self)
{
    if (self->stack_len <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    return stack_push(self, Py_NewRef(self->stack[self->stack_len - 1]));
}

static int memo_missing(size_t idx)
{
    PyErr_Format(st.UnpicklingError, "Memo value not found at index %zd", (Py_ssize_t)idx);
    return -1;
}

static int load_get(UnpicklerObject *self)
{
    char *s;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 2)
        return bad_readline();
    PyObject *key = PyLong_FromString(s, NULL, 10);
    if (key == NULL)
        return -1;
    Py_ssize_t idx = PyLong_AsSsize_t(key);
    Py_DECREF(key);
    if (idx == -1 && PyErr_Occurred())
        return -1;
    PyObject *value = memo_get_item(self, (size_t)idx);
    if (value == NULL)
        return memo_missing((size_t)idx);
    return stack_push(self, Py_NewRef(value));
}

static int load_binget(UnpicklerObject *self, int nbytes)
{
    char *s;
    if (unpickler_read(self, &s, nbytes) < 0)
        return -1;
    size_t idx = calc_binsize(s, nbytes);
    PyObject *value = memo_get_item(self, idx);
    if (value == NULL)
        return memo_missing(idx);
    return stack_push(self, Py_NewRef(value));
}

static int load_put(UnpicklerObject *self)
{
    char *s;
    Py_ssize_t len = unpickler_readline(self, &s);
    if (len < 0)
        return -1;
    if (len < 2)
        return bad_readline();
    if (self->stack_len <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    PyObject *key = PyLong_FromString(s, NULL, 10);
    if (key == NULL)
        return -1;
    Py_ssize_t idx = PyLong_AsSsize_t(key);
    Py_DECREF(key);
    if (idx < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_ValueError, "negative PUT argument");
        return -1;
    }
    return memo_put_item(self, (size_t)idx, self->stack[self->stack_len - 1]);
}

static int load_binput(UnpicklerObject *self, int nbytes)
{
    char *s;
    if (unpickler_read(self, &s, nbytes) < 0)
        return -1;
    if (self->stack_len <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    size_t idx = calc_binsize(s, nbytes);
    if (nbytes == 4 && (Py_ssize_t)idx < 0) {
        PyErr_SetString(PyExc_ValueError, "negative LONG_BINPUT argument");
        return -1;
    }
    return memo_put_item(self, idx, self->stack[self->stack_len - 1]);
}

static int load_memoize(UnpicklerObject *self)
{
    if (self->stack_len <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    return memo_put_item(self, self->memo_len, self->stack[self->stack_len - 1]);
}

static int load_extension(UnpicklerObject *self, int nbytes)
{
    char *codebytes;
    if (unpickler_read(self, &codebytes, nbytes) < 0)
        return -1;
    long code = calc_binint(codebytes, nbytes);
    if (code <= 0) {
        PyErr_SetString(st.UnpicklingError, "EXT specifies code <= 0");
        return -1;
    }
    PyObject *py_code = PyLong_FromLong(code);
    if (py_code == NULL)
        return -1;
    PyObject *obj = PyDict_GetItemWithError(st.extension_cache, py_code);
    if (obj != NULL) {
        Py_DECREF(py_code);
        return stack_push(self, Py_NewRef(obj));
    }
    if (PyErr_Occurred()) {
        Py_DECREF(py_code);
        return -1;
    }
    PyObject *pair = PyDict_GetItemWithError(st.inverted_registry, py_code);
    if (pair == NULL) {
        Py_DECREF(py_code);
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ValueError, "unregistered extension code %ld", code);
        return -1;
    }
    if (!PyTuple_Check(pair) || PyTuple_Size(pair) != 2 ||
        !PyUnicode_Check(PyTuple_GET_ITEM(pair, 0)) ||
        !PyUnicode_Check(PyTuple_GET_ITEM(pair, 1))) {
        Py_DECREF(py_code);
        PyErr_Format(PyExc_ValueError, "_inverted_registry[%ld] isn't a 2-tuple of strings",
                     code);
        return -1;
    }
    obj = call_find_class(self, PyTuple_GET_ITEM(pair, 0), PyTuple_GET_ITEM(pair, 1));
    if (obj == NULL) {
        Py_DECREF(py_code);
        return -1;
    }
    int r = PyDict_SetItem(st.extension_cache, py_code, obj);
    Py_DECREF(py_code);
    if (r < 0) {
        Py_DECREF(obj);
        return -1;
    }
    return stack_push(self, obj);
}

/* APPEND/APPENDS: the items above stack[x] go into the list at stack[x-1]. */
static int do_append(UnpicklerObject *self, Py_ssize_t x)
{
    Py_ssize_t len = self->stack_len;
    if (x > len || x <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    if (len == x)   /* nothing to do */
        return 0;
    PyObject *list = self->stack[x - 1];
    if (PyList_CheckExact(list)) {
        PyObject *slice = stack_pop_list(self, x);
        if (slice == NULL)
            return -1;
        Py_ssize_t list_len = PyList_GET_SIZE(list);
        int ret = PyList_SetSlice(list, list_len, list_len, slice);
        Py_DECREF(slice);
        return ret;
    }
    PyObject *extend_func;
    if (_PyObject_LookupAttr(list, s_extend, &extend_func) < 0)
        return -1;
    if (extend_func != NULL) {
        PyObject *slice = stack_pop_list(self, x);
        if (slice == NULL) {
            Py_DECREF(extend_func);
            return -1;
        }
        PyObject *result = PyObject_CallOneArg(extend_func, slice);
        Py_DECREF(extend_func);
        Py_DECREF(slice);
        if (result == NULL)
            return -1;
        Py_DECREF(result);
        return 0;
    }
    /* no extend(): append one by one (PEP 307 compatibility) */
    PyObject *append_func = PyObject_GetAttr(list, s_append);
    if (append_func == NULL)
        return -1;
    for (Py_ssize_t i = x; i < len; i++) {
        PyObject *result = PyObject_CallOneArg(append_func, self->stack[i]);
        if (result == NULL) {
            stack_clear_from(self, i + 1);
            self->stack_len = x;
            Py_DECREF(append_func);
            return -1;
        }
        Py_DECREF(result);
    }
    stack_clear_from(self, x);
    Py_DECREF(append_func);
    return 0;
}

static int load_append(UnpicklerObject *self)
{
    if (self->stack_len - 1 <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    return do_append(self, self->stack_len - 1);
}

static int load_appends(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    return do_append(self, i);
}

static int do_setitems(UnpicklerObject *self, Py_ssize_t x)
{
    Py_ssize_t len = self->stack_len;
    if (x > len || x <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    if (len == x)
        return 0;
    if ((len - x) % 2 != 0) {
        PyErr_SetString(st.UnpicklingError, "odd number of items for SETITEMS");
        return -1;
    }
    PyObject *dict = self->stack[x - 1];
    int status = 0;
    for (Py_ssize_t i = x + 1; i < len; i += 2) {
        if (PyObject_SetItem(dict, self->stack[i - 1], self->stack[i]) < 0) {
            status = -1;
            break;
        }
    }
    stack_clear_from(self, x);
    return status;
}

static int load_setitem(UnpicklerObject *self)
{
    return do_setitems(self, self->stack_len - 2);
}

static int load_setitems(UnpicklerObject *self)
{
    Py_ssize_t i = marker(self);
    if (i < 0)
        return -1;
    return do_setitems(self, i);
}

static int load_additems(UnpicklerObject *self)
{
    Py_ssize_t mark = marker(self);
    if (mark < 0)
        return -1;
    Py_ssize_t len = self->stack_len;
    if (mark > len || mark <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    if (len == mark)
        return 0;
    PyObject *set = self->stack[mark - 1];
    if (PySet_Check(set)) {
        PyObject *items = stack_pop_tuple(self, mark);
        if (items == NULL)
            return -1;
        int status = _PySet_Update(set, items);
        Py_DECREF(items);
        return status;
    }
    PyObject *add_func = PyObject_GetAttr(set, s_add);
    if (add_func == NULL)
        return -1;
    int status = 0;
    for (Py_ssize_t i = mark; i < len; i++) {
        PyObject *result = PyObject_CallOneArg(add_func, self->stack[i]);
        if (result == NULL) {
            status = -1;
            break;
        }
        Py_DECREF(result);
    }
    stack_clear_from(self, mark);
    Py_DECREF(add_func);
    return status;
}

static int load_build(UnpicklerObject *self)
{
    PyObject *state = stack_pop(self), *inst, *slotstate = NULL, *setstate;
    if (state == NULL)
        return -1;
    if (self->stack_len <= self->fence) {
        Py_DECREF(state);
        stack_underflow(self);
        return -1;
    }
    inst = self->stack[self->stack_len - 1];
    if (_PyObject_LookupAttr(inst, s_setstate, &setstate) < 0) {
        Py_DECREF(state);
        return -1;
    }
    if (setstate != NULL) {
        PyObject *result = PyObject_CallOneArg(setstate, state);
        Py_DECREF(setstate);
        Py_DECREF(state);
        if (result == NULL)
            return -1;
        Py_DECREF(result);
        return 0;
    }
    /* no __setstate__: state is a dict for __dict__, or (dict, slotstate) */
    if (PyTuple_Check(state) && PyTuple_GET_SIZE(state) == 2) {
        PyObject *tmp = state;
        state = Py_NewRef(PyTuple_GET_ITEM(tmp, 0));
        slotstate = Py_NewRef(PyTuple_GET_ITEM(tmp, 1));
        Py_DECREF(tmp);
    }
    int status = -1;
    if (state != Py_None) {
        if (!PyDict_Check(state)) {
            PyErr_SetString(st.UnpicklingError, "state is not a dictionary");
            goto error;
        }
        PyObject *dict = PyObject_GetAttr(inst, s_dict);
        if (dict == NULL)
            goto error;
        Py_ssize_t i = 0;
        PyObject *d_key, *d_value;
        while (PyDict_Next(state, &i, &d_key, &d_value)) {
            /* keys are interned, as attribute names are */
            Py_INCREF(d_key);
            if (PyUnicode_CheckExact(d_key))
                PyUnicode_InternInPlace(&d_key);
            if (PyObject_SetItem(dict, d_key, d_value) < 0) {
                Py_DECREF(d_key);
                Py_DECREF(dict);
                goto error;
            }
            Py_DECREF(d_key);
        }
        Py_DECREF(dict);
    }
    if (slotstate != NULL && slotstate != Py_None) {
        if (!PyDict_Check(slotstate)) {
            PyErr_SetString(st.UnpicklingError, "slot state is not a dictionary");
            goto error;
        }
        Py_ssize_t i = 0;
        PyObject *d_key, *d_value;
        while (PyDict_Next(slotstate, &i, &d_key, &d_value))
            if (PyObject_SetAttr(inst, d_key, d_value) < 0)
                goto error;
    }
    status = 0;
error:
    Py_XDECREF(state);
    Py_XDECREF(slotstate);
    return status;
}

static int load_mark(UnpicklerObject *self)
{
    if (self->num_marks >= self->marks_size) {
        Py_ssize_t n = self->marks_size * 2 + 20;
        Py_ssize_t *m = PyMem_Realloc(self->marks, (size_t)n * sizeof(Py_ssize_t));
        if (m == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        self->marks = m;
        self->marks_size = n;
    }
    self->marks[self->num_marks++] = self->stack_len;
    self->fence = self->stack_len;
    return 0;
}

static int load_reduce(UnpicklerObject *self)
{
    PyObject *argtup = stack_pop(self);
    if (argtup == NULL)
        return -1;
    PyObject *callable = stack_pop(self);
    if (callable == NULL) {
        Py_DECREF(argtup);
        return -1;
    }
    PyObject *obj = PyObject_CallObject(callable, argtup);
    Py_DECREF(callable);
    Py_DECREF(argtup);
    if (obj == NULL)
        return -1;
    return stack_push(self, obj);
}

static int load_proto(UnpicklerObject *self)
{
    char *s;
    if (unpickler_read(self, &s, 1) < 0)
        return -1;
    int i = (unsigned char)s[0];
    if (i <= HIGHEST_PROTOCOL) {
        self->proto = i;
        return 0;
    }
    PyErr_Format(PyExc_ValueError, "unsupported pickle protocol: %d", i);
    return -1;
}

static int load_frame(UnpicklerObject *self)
{
    char *s;
    if (unpickler_read(self, &s, 8) < 0)
        return -1;
    size_t frame_len = calc_binsize(s, 8);
    if (frame_len > PY_SSIZE_T_MAX) {
        PyErr_Format(PyExc_OverflowError, "FRAME length exceeds system's maximum of %zd bytes",
                     PY_SSIZE_T_MAX);
        return -1;
    }
    /* load the whole frame now, then parse it from the buffer */
    if (unpickler_read(self, &s, (Py_ssize_t)frame_len) < 0)
        return -1;
    self->next_read_idx -= (Py_ssize_t)frame_len;
    return 0;
}

static int load_next_buffer(UnpicklerObject *self)
{
    if (self->buffers == NULL) {
        PyErr_SetString(st.UnpicklingError, "pickle stream refers to out-of-band data but no "
                                            "*buffers* argument was given");
        return -1;
    }
    PyObject *buf = PyIter_Next(self->buffers);
    if (buf == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(st.UnpicklingError, "not enough out-of-band buffers");
        return -1;
    }
    return stack_push(self, buf);
}

static int load_readonly_buffer(UnpicklerObject *self)
{
    if (self->stack_len <= self->fence) {
        stack_underflow(self);
        return -1;
    }
    PyObject *obj = self->stack[self->stack_len - 1];
    PyObject *view = PyMemoryView_FromObject(obj);
    if (view == NULL)
        return -1;
    if (!PyMemoryView_GET_BUFFER(view)->readonly) {
        /* a read-only view of a writable buffer */
        PyObject *ro = PyObject_CallMethod(view, "toreadonly", NULL);
        Py_DECREF(view);
        if (ro == NULL)
            return -1;
        view = ro;
    }
    else {
        Py_DECREF(view);
        return 0;
    }
    self->stack[self->stack_len - 1] = view;
    Py_DECREF(obj);
    return 0;
}

static PyObject *load(UnpicklerObject *self)
{
    char *s = NULL;
    self->num_marks = 0;
    self->fence = 0;
    self->proto = 0;
    stack_clear_from(self, 0);
    for (;;) {
        if (unpickler_read(self, &s, 1) < 0) {
            if (PyErr_ExceptionMatches(st.UnpicklingError))
                PyErr_SetString(PyExc_EOFError, "Ran out of input");
            return NULL;
        }
        int r;
        switch (s[0]) {   /* opcodes are char constants, signed or not */
        case NONE: r = load_empty(self, Py_NewRef(Py_None)); break;
        case BININT: r = load_binintx(self, 4); break;
        case BININT1: r = load_binintx(self, 1); break;
        case BININT2: r = load_binintx(self, 2); break;
        case INT: r = load_int(self); break;
        case LONG: r = load_long(self); break;
        case LONG1: r = load_counted_long(self, 1); break;
        case LONG4: r = load_counted_long(self, 4); break;
        case FLOAT: r = load_float(self); break;
        case BINFLOAT: r = load_binfloat(self); break;
        case SHORT_BINBYTES: r = load_counted_binbytes(self, 1); break;
        case BINBYTES: r = load_counted_binbytes(self, 4); break;
        case BINBYTES8: r = load_counted_binbytes(self, 8); break;
        case BYTEARRAY8: r = load_counted_bytearray(self); break;
        case NEXT_BUFFER: r = load_next_buffer(self); break;
        case READONLY_BUFFER: r = load_readonly_buffer(self); break;
        case SHORT_BINSTRING: r = load_counted_binstring(self, 1); break;
        case BINSTRING: r = load_counted_binstring(self, 4); break;
        case STRING: r = load_string(self); break;
        case UNICODE: r = load_unicode(self); break;
        case SHORT_BINUNICODE: r = load_counted_binunicode(self, 1); break;
        case BINUNICODE: r = load_counted_binunicode(self, 4); break;
        case BINUNICODE8: r = load_counted_binunicode(self, 8); break;
        case EMPTY_TUPLE: r = load_counted_tuple(self, 0); break;
        case TUPLE1: r = load_counted_tuple(self, 1); break;
        case TUPLE2: r = load_counted_tuple(self, 2); break;
        case TUPLE3: r = load_counted_tuple(self, 3); break;
        case TUPLE: r = load_tuple(self); break;
        case EMPTY_LIST: r = load_empty(self, PyList_New(0)); break;
        case LIST: r = load_list(self); break;
        case EMPTY_DICT: r = load_empty(self, PyDict_New()); break;
        case DICT: r = load_dict(self); break;
        case EMPTY_SET: r = load_empty(self, PySet_New(NULL)); break;
        case ADDITEMS: r = load_additems(self); break;
        case FROZENSET: r = load_frozenset(self); break;
        case OBJ: r = load_obj(self); break;
        case INST: r = load_inst(self); break;
        case NEWOBJ: r = load_newobj(self, 0); break;
        case NEWOBJ_EX: r = load_newobj(self, 1); break;
        case GLOBAL: r = load_global(self); break;
        case STACK_GLOBAL: r = load_stack_global(self); break;
        case APPEND: r = load_append(self); break;
        case APPENDS: r = load_appends(self); break;
        case BUILD: r = load_build(self); break;
        case DUP: r = load_dup(self); break;
        case BINGET: r = load_binget(self, 1); break;
        case LONG_BINGET: r = load_binget(self, 4); break;
        case GET: r = load_get(self); break;
        case MARK: r = load_mark(self); break;
        case BINPUT: r = load_binput(self, 1); break;
        case LONG_BINPUT: r = load_binput(self, 4); break;
        case PUT: r = load_put(self); break;
        case MEMOIZE: r = load_memoize(self); break;
        case POP: r = load_pop(self); break;
        case POP_MARK: r = load_pop_mark(self); break;
        case SETITEM: r = load_setitem(self); break;
        case SETITEMS: r = load_setitems(self); break;
        case PERSID: r = load_persid(self); break;
        case BINPERSID: r = load_binpersid(self); break;
        case REDUCE: r = load_reduce(self); break;
        case PROTO: r = load_proto(self); break;
        case FRAME: r = load_frame(self); break;
        case EXT1: r = load_extension(self, 1); break;
        case EXT2: r = load_extension(self, 2); break;
        case EXT4: r = load_extension(self, 4); break;
        case NEWTRUE: r = load_bool(self, Py_True); break;
        case NEWFALSE: r = load_bool(self, Py_False); break;
        case STOP: {
            if (PyErr_Occurred())
                return NULL;
            return stack_pop(self);
        }
        default: {
            unsigned char c = (unsigned char)s[0];
            if (0x20 <= c && c <= 0x7e && c != '\'' && c != '\\')
                PyErr_Format(st.UnpicklingError, "invalid load key, '%c'.", c);
            else
                PyErr_Format(st.UnpicklingError, "invalid load key, '\\x%02x'.", c);
            return NULL;
        }
        }
        if (r < 0)
            return NULL;
    }
}

/* ---------------------------------------------------------------- Unpickler type */

static PyObject *Unpickler_find_class(UnpicklerObject *self, PyObject *const *args,
                                      Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("find_class", nargs, 2, 2))
        return NULL;
    PyObject *module_name = args[0], *global_name = args[1], *module, *global;
    Py_INCREF(module_name);
    Py_INCREF(global_name);
    /* Python 2 names (old protocols): _compat_pickle's NAME_MAPPING, IMPORT_MAPPING */
    if (self->proto < 3 && self->fix_imports) {
        PyObject *key = PyTuple_Pack(2, module_name, global_name), *item;
        if (key == NULL)
            goto error;
        item = PyDict_GetItemWithError(st.name_mapping_2to3, key);
        Py_DECREF(key);
        if (item) {
            if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
                PyErr_Format(PyExc_RuntimeError, "_compat_pickle.NAME_MAPPING values should be "
                             "2-tuples, not %.200s", Py_TYPE(item)->tp_name);
                goto error;
            }
            PyObject *m = PyTuple_GET_ITEM(item, 0), *g = PyTuple_GET_ITEM(item, 1);
            if (!PyUnicode_Check(m) || !PyUnicode_Check(g)) {
                PyErr_Format(PyExc_RuntimeError, "_compat_pickle.NAME_MAPPING values should be "
                             "pairs of str, not (%.200s, %.200s)", Py_TYPE(m)->tp_name,
                             Py_TYPE(g)->tp_name);
                goto error;
            }
            Py_SETREF(module_name, Py_NewRef(m));
            Py_SETREF(global_name, Py_NewRef(g));
        }
        else if (PyErr_Occurred()) {
            goto error;
        }
        else {
            item = PyDict_GetItemWithError(st.import_mapping_2to3, module_name);
            if (item) {
                if (!PyUnicode_Check(item)) {
                    PyErr_Format(PyExc_RuntimeError, "_compat_pickle.IMPORT_MAPPING values "
                                 "should be strings, not %.200s", Py_TYPE(item)->tp_name);
                    goto error;
                }
                Py_SETREF(module_name, Py_NewRef(item));
            }
            else if (PyErr_Occurred()) {
                goto error;
            }
        }
    }
    if (PySys_Audit("pickle.find_class", "OO", module_name, global_name) < 0)
        goto error;
    /* Not PyImport_GetModule first: while another thread is still importing the
     * module, sys.modules holds it partially initialised; the import waits for it. */
    module = PyImport_Import(module_name);
    if (module == NULL)
        goto error;
    global = getattribute(module, global_name, self->proto >= 4);
    Py_DECREF(module);
    Py_DECREF(module_name);
    Py_DECREF(global_name);
    return global;
error:
    Py_DECREF(module_name);
    Py_DECREF(global_name);
    return NULL;
}

static int Unpickler_clear(UnpicklerObject *self)
{
    Py_CLEAR(self->read);
    Py_CLEAR(self->readline);
    Py_CLEAR(self->input_buffer);
    self->input = NULL;
    self->input_len = self->next_read_idx = 0;
    Py_CLEAR(self->pers_func);
    Py_CLEAR(self->buffers);
    stack_clear_from(self, 0);
    unpickler_memo_clear(self);
    PyMem_Free(self->encoding);
    self->encoding = NULL;
    PyMem_Free(self->errors);
    self->errors = NULL;
    return 0;
}

static void Unpickler_dealloc(UnpicklerObject *self)
{
    PyObject_GC_UnTrack(self);
    Unpickler_clear(self);
    PyMem_Free(self->stack);
    PyMem_Free(self->marks);
    PyMem_Free(self->memo);
    PyMem_Free(self->input_line);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Unpickler_traverse(UnpicklerObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->read);
    Py_VISIT(self->readline);
    Py_VISIT(self->pers_func);
    Py_VISIT(self->buffers);
    for (Py_ssize_t i = 0; i < self->stack_len; i++)
        Py_VISIT(self->stack[i]);
    for (size_t i = 0; i < self->memo_size; i++)
        Py_VISIT(self->memo[i]);
    return 0;
}

static char *dup_cstr(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = PyMem_Malloc(n);
    if (d == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(d, s, n);
    return d;
}

/* The keyword options shared by Unpickler(), load() and loads(). */
static int unpickler_set_options(UnpicklerObject *self, int fix_imports, const char *encoding,
                                 const char *errors, PyObject *buffers)
{
    self->fix_imports = fix_imports;
    PyMem_Free(self->encoding);
    PyMem_Free(self->errors);
    self->encoding = dup_cstr(encoding ? encoding : "ASCII");
    self->errors = dup_cstr(errors ? errors : "strict");
    if (self->encoding == NULL || self->errors == NULL)
        return -1;
    Py_CLEAR(self->buffers);
    if (buffers != NULL && buffers != Py_None) {
        self->buffers = PyObject_GetIter(buffers);
        if (self->buffers == NULL)
            return -1;
    }
    return 0;
}

static int unpickler_set_input_stream(UnpicklerObject *self, PyObject *file)
{
    if (_PyObject_LookupAttr(file, s_read, &self->read) < 0 ||
        _PyObject_LookupAttr(file, s_readline, &self->readline) < 0)
        return -1;
    if (self->read == NULL || self->readline == NULL) {
        PyErr_SetString(PyExc_TypeError, "file must have 'read' and 'readline' attributes");
        Py_CLEAR(self->read);
        Py_CLEAR(self->readline);
        return -1;
    }
    return 0;
}

static PyObject *Unpickler_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    UnpicklerObject *self = (UnpicklerObject *)type->tp_alloc(type, 0);
    return (PyObject *)self;
}

static int Unpickler_init(UnpicklerObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "fix_imports", "encoding", "errors", "buffers", NULL};
    PyObject *file, *buffers = NULL;
    int fix_imports = 1;
    const char *encoding = "ASCII", *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$pssO:Unpickler", kwlist, &file,
                                     &fix_imports, &encoding, &errors, &buffers))
        return -1;
    if (self->read != NULL)
        Unpickler_clear(self);
    if (unpickler_set_input_stream(self, file) < 0)
        return -1;
    if (unpickler_set_options(self, fix_imports, encoding, errors, buffers) < 0)
        return -1;
    Py_CLEAR(self->pers_func);
    if (_PyObject_LookupAttr((PyObject *)self, s_persistent_load, &self->pers_func) < 0)
        return -1;
    self->proto = 0;
    self->initialized = 1;
    return 0;
}

static PyObject *Unpickler_load(UnpicklerObject *self, PyObject *unused)
{
    if (!self->initialized || self->read == NULL) {
        PyErr_Format(st.UnpicklingError, "Unpickler.__init__() was not called by "
                     "%s.__init__()", Py_TYPE(self)->tp_name);
        return NULL;
    }
    return load(self);
}

static PyObject *Unpickler_sizeof(UnpicklerObject *self, PyObject *unused)
{
    Py_ssize_t res = _PyObject_SIZE(Py_TYPE(self));
    res += (Py_ssize_t)(self->memo_size * sizeof(PyObject *));
    res += self->marks_size * (Py_ssize_t)sizeof(Py_ssize_t);
    res += self->stack_alloc * (Py_ssize_t)sizeof(PyObject *);
    if (self->encoding)
        res += (Py_ssize_t)strlen(self->encoding) + 1;
    if (self->errors)
        res += (Py_ssize_t)strlen(self->errors) + 1;
    return PyLong_FromSsize_t(res);
}

/* ---- UnpicklerMemoProxy */

typedef struct {
    PyObject_HEAD
    UnpicklerObject *unpickler;
} UnpicklerMemoProxyObject;

static PyTypeObject UnpicklerMemoProxyType;

static PyObject *unpickler_memo_copy(UnpicklerObject *self)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (size_t i = 0; i < self->memo_size; i++) {
        if (self->memo[i] == NULL)
            continue;
        PyObject *key = PyLong_FromSsize_t((Py_ssize_t)i);
        if (key == NULL || PyDict_SetItem(d, key, self->memo[i]) < 0) {
            Py_XDECREF(key);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(key);
    }
    return d;
}

static PyObject *ump_clear(UnpicklerMemoProxyObject *self, PyObject *unused)
{
    unpickler_memo_clear(self->unpickler);
    Py_RETURN_NONE;
}

static PyObject *ump_copy(UnpicklerMemoProxyObject *self, PyObject *unused)
{
    return unpickler_memo_copy(self->unpickler);
}

static PyObject *ump_reduce(UnpicklerMemoProxyObject *self, PyObject *unused)
{
    PyObject *contents = unpickler_memo_copy(self->unpickler);
    if (contents == NULL)
        return NULL;
    return Py_BuildValue("O(N)", (PyObject *)&PyDict_Type, contents);
}

static PyMethodDef ump_methods[] = {
    {"clear", (PyCFunction)ump_clear, METH_NOARGS, PyDoc_STR("Remove all keys from memo.")},
    {"copy", (PyCFunction)ump_copy, METH_NOARGS, PyDoc_STR("Copy the memo to a new object.")},
    {"__reduce__", (PyCFunction)ump_reduce, METH_NOARGS,
     PyDoc_STR("Implement pickling support.")},
    {NULL, NULL, 0, NULL},
};

static void ump_dealloc(UnpicklerMemoProxyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->unpickler);
    PyObject_GC_Del(self);
}

static int ump_traverse(UnpicklerMemoProxyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->unpickler);
    return 0;
}

static int ump_clear_slot(UnpicklerMemoProxyObject *self)
{
    Py_CLEAR(self->unpickler);
    return 0;
}

static PyTypeObject UnpicklerMemoProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.UnpicklerMemoProxy",
    .tp_basicsize = sizeof(UnpicklerMemoProxyObject),
    .tp_dealloc = (destructor)ump_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)ump_traverse,
    .tp_clear = (inquiry)ump_clear_slot,
    .tp_methods = ump_methods,
};

static PyObject *Unpickler_get_memo(UnpicklerObject *self, void *closure)
{
    UnpicklerMemoProxyObject *proxy = PyObject_GC_New(UnpicklerMemoProxyObject,
                                                      &UnpicklerMemoProxyType);
    if (proxy == NULL)
        return NULL;
    proxy->unpickler = (UnpicklerObject *)Py_NewRef(self);
    PyObject_GC_Track(proxy);
    return (PyObject *)proxy;
}

static int Unpickler_set_memo(UnpicklerObject *self, PyObject *obj, void *closure)
{
    if (obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    PyObject *items;
    if (Py_IS_TYPE(obj, &UnpicklerMemoProxyType))
        items = unpickler_memo_copy(((UnpicklerMemoProxyObject *)obj)->unpickler);
    else if (PyDict_Check(obj))
        items = PyDict_Copy(obj);
    else {
        PyErr_Format(PyExc_TypeError, "'memo' attribute must be an UnpicklerMemoProxy object "
                     "or dict, not %.200s", Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (items == NULL)
        return -1;
    /* validate first, then replace */
    Py_ssize_t i = 0;
    PyObject *key, *value;
    while (PyDict_Next(items, &i, &key, &value)) {
        if (!PyLong_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "memo key must be integers");
            Py_DECREF(items);
            return -1;
        }
        Py_ssize_t idx = PyLong_AsSsize_t(key);
        if (idx == -1 && PyErr_Occurred()) {
            Py_DECREF(items);
            return -1;
        }
        if (idx < 0) {
            PyErr_SetString(PyExc_ValueError, "memo key must be positive integers.");
            Py_DECREF(items);
            return -1;
        }
    }
    unpickler_memo_clear(self);
    i = 0;
    while (PyDict_Next(items, &i, &key, &value)) {
        if (memo_put_item(self, (size_t)PyLong_AsSsize_t(key), value) < 0) {
            Py_DECREF(items);
            return -1;
        }
    }
    Py_DECREF(items);
    return 0;
}

static PyObject *Unpickler_get_persload(UnpicklerObject *self, void *closure)
{
    if (self->pers_func == NULL) {
        PyErr_SetString(PyExc_AttributeError, "persistent_load");
        return NULL;
    }
    return Py_NewRef(self->pers_func);
}

static int Unpickler_set_persload(UnpicklerObject *self, PyObject *value, void *closure)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (!PyCallable_Check(value)) {
        PyErr_SetString(PyExc_TypeError,
                        "persistent_load must be a callable taking one argument");
        return -1;
    }
    Py_INCREF(value);
    Py_XSETREF(self->pers_func, value);
    return 0;
}

static PyGetSetDef Unpickler_getsets[] = {
    {"memo", (getter)Unpickler_get_memo, (setter)Unpickler_set_memo, NULL, NULL},
    {"persistent_load", (getter)Unpickler_get_persload, (setter)Unpickler_set_persload, NULL,
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef Unpickler_methods[] = {
    {"load", (PyCFunction)Unpickler_load, METH_NOARGS,
     PyDoc_STR("load($self, /)\n--\n\nLoad a pickle.\n\n"
               "Read a pickled object representation from the open file object given\n"
               "in the constructor, and return the reconstituted object hierarchy\n"
               "specified therein.")},
    {"find_class", (PyCFunction)(void (*)(void))Unpickler_find_class, METH_FASTCALL,
     PyDoc_STR("find_class($self, module_name, global_name, /)\n--\n\n"
               "Return an object from a specified module.\n\n"
               "If necessary, the module will be imported. Subclasses may override\n"
               "this method (e.g. to restrict unpickling of arbitrary classes and\n"
               "functions).\n\n"
               "This method is called whenever a class or a function object is\n"
               "needed.  Both arguments passed are str objects.")},
    {"__sizeof__", (PyCFunction)Unpickler_sizeof, METH_NOARGS,
     PyDoc_STR("__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes.")},
    {NULL, NULL, 0, NULL},
};

static const char Unpickler_doc[] =
"Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict',\n"
"          buffers=())\n--\n\n"
"This takes a binary file for reading a pickle data stream.\n\n"
"The protocol version of the pickle is detected automatically, so no\n"
"protocol argument is needed.  Bytes past the pickled object's\n"
"representation are ignored.\n\n"
"The argument *file* must have two methods, a read() method that takes\n"
"an integer argument, and a readline() method that requires no\n"
"arguments.  Both methods should return bytes.  Thus *file* can be a\n"
"binary file object opened for reading, an io.BytesIO object, or any\n"
"other custom object that meets this interface.\n\n"
"Optional keyword arguments are *fix_imports*, *encoding* and *errors*,\n"
"which are used to control compatibility support for pickle stream\n"
"generated by Python 2.  If *fix_imports* is True, pickle will try to\n"
"map the old Python 2 names to the new names used in Python 3.  The\n"
"*encoding* and *errors* tell pickle how to decode 8-bit string\n"
"instances pickled by Python 2; these default to 'ASCII' and 'strict',\n"
"respectively.  The *encoding* can be 'bytes' to read these 8-bit\n"
"string instances as bytes objects.";

static PyTypeObject Unpickler_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_pickle.Unpickler",
    .tp_basicsize = sizeof(UnpicklerObject),
    .tp_dealloc = (destructor)Unpickler_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = Unpickler_doc,
    .tp_traverse = (traverseproc)Unpickler_traverse,
    .tp_clear = (inquiry)Unpickler_clear,
    .tp_methods = Unpickler_methods,
    .tp_getset = Unpickler_getsets,
    .tp_init = (initproc)Unpickler_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = Unpickler_new,
    .tp_free = PyObject_GC_Del,
};

/* ================================================================ module functions */

static PyObject *pickle_dump(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "file", "protocol", "fix_imports", "buffer_callback", NULL};
    PyObject *obj, *file, *protocol = Py_None, *buffer_callback = Py_None;
    int fix_imports = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O$pO:dump", kwlist, &obj, &file,
                                     &protocol, &fix_imports, &buffer_callback))
        return NULL;
    PicklerObject *p = pickler_new(&Pickler_Type);
    if (p == NULL)
        return NULL;
    PyObject *result = NULL;
    if (pickler_set_protocol(p, protocol, fix_imports) < 0)
        goto done;
    if (_PyObject_LookupAttr(file, s_write, &p->write) < 0)
        goto done;
    if (p->write == NULL) {
        PyErr_SetString(PyExc_TypeError, "file must have a 'write' attribute");
        goto done;
    }
    if (pickler_set_buffer_callback(p, buffer_callback) < 0)
        goto done;
    if (dump(p, obj) < 0 || pickler_flush_to_file(p) < 0)
        goto done;
    result = Py_NewRef(Py_None);
done:
    Py_DECREF(p);
    return result;
}

static PyObject *pickle_dumps(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", "protocol", "fix_imports", "buffer_callback", NULL};
    PyObject *obj, *protocol = Py_None, *buffer_callback = Py_None;
    int fix_imports = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$pO:dumps", kwlist, &obj, &protocol,
                                     &fix_imports, &buffer_callback))
        return NULL;
    PicklerObject *p = pickler_new(&Pickler_Type);
    if (p == NULL)
        return NULL;
    PyObject *result = NULL;
    if (pickler_set_protocol(p, protocol, fix_imports) == 0 &&
        pickler_set_buffer_callback(p, buffer_callback) == 0 && dump(p, obj) == 0)
        result = pickler_get_string(p);
    Py_DECREF(p);
    return result;
}

static PyObject *pickle_load(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "fix_imports", "encoding", "errors", "buffers", NULL};
    PyObject *file, *buffers = NULL;
    int fix_imports = 1;
    const char *encoding = "ASCII", *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$pssO:load", kwlist, &file, &fix_imports,
                                     &encoding, &errors, &buffers))
        return NULL;
    UnpicklerObject *u = (UnpicklerObject *)Unpickler_new(&Unpickler_Type, NULL, NULL);
    if (u == NULL)
        return NULL;
    PyObject *result = NULL;
    if (unpickler_set_input_stream(u, file) == 0 &&
        unpickler_set_options(u, fix_imports, encoding, errors, buffers) == 0)
        result = load(u);
    Py_DECREF(u);
    return result;
}

static PyObject *pickle_loads(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "fix_imports", "encoding", "errors", "buffers", NULL};
    PyObject *data, *buffers = NULL;
    int fix_imports = 1;
    const char *encoding = "ASCII", *errors = "strict";
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$pssO:loads", kwlist, &data, &fix_imports,
                                     &encoding, &errors, &buffers))
        return NULL;
    PyObject *bytes;
    if (PyBytes_Check(data)) {
        bytes = Py_NewRef(data);
    }
    else if (PyUnicode_Check(data)) {
        PyErr_SetString(PyExc_TypeError, "a bytes-like object is required, not 'str'");
        return NULL;
    }
    else {
        Py_buffer view;
        if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        bytes = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (bytes == NULL)
            return NULL;
    }
    UnpicklerObject *u = (UnpicklerObject *)Unpickler_new(&Unpickler_Type, NULL, NULL);
    if (u == NULL) {
        Py_DECREF(bytes);
        return NULL;
    }
    u->input_buffer = bytes;
    u->input = PyBytes_AS_STRING(bytes);
    u->input_len = PyBytes_GET_SIZE(bytes);
    PyObject *result = NULL;
    if (unpickler_set_options(u, fix_imports, encoding, errors, buffers) == 0)
        result = load(u);
    Py_DECREF(u);
    return result;
}

static PyMethodDef pickle_methods[] = {
    {"dump", (PyCFunction)(void (*)(void))pickle_dump, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("dump($module, /, obj, file, protocol=None, *, fix_imports=True,\n"
               "     buffer_callback=None)\n--\n\n"
               "Write a pickled representation of obj to the open file object file.\n\n"
               "This is equivalent to ``Pickler(file, protocol).dump(obj)``, but may\n"
               "be more efficient.\n\n"
               "The optional *protocol* argument tells the pickler to use the given\n"
               "protocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default\n"
               "protocol is 4. It was introduced in Python 3.4, and is incompatible\n"
               "with previous versions.\n\n"
               "Specifying a negative protocol version selects the highest protocol\n"
               "version supported.  The higher the protocol used, the more recent the\n"
               "version of Python needed to read the pickle produced.\n\n"
               "The *file* argument must have a write() method that accepts a single\n"
               "bytes argument.  It can thus be a file object opened for binary\n"
               "writing, an io.BytesIO instance, or any other custom object that meets\n"
               "this interface.\n\n"
               "If *fix_imports* is True and protocol is less than 3, pickle will try\n"
               "to map the new Python 3 names to the old module names used in Python\n"
               "2, so that the pickle data stream is readable with Python 2.\n\n"
               "If *buffer_callback* is None (the default), buffer views are serialized\n"
               "into *file* as part of the pickle stream.  It is an error if\n"
               "*buffer_callback* is not None and *protocol* is None or smaller than 5.")},
    {"dumps", (PyCFunction)(void (*)(void))pickle_dumps, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("dumps($module, /, obj, protocol=None, *, fix_imports=True,\n"
               "      buffer_callback=None)\n--\n\n"
               "Return the pickled representation of the object as a bytes object.\n\n"
               "The optional *protocol* argument tells the pickler to use the given\n"
               "protocol; supported protocols are 0, 1, 2, 3, 4 and 5.  The default\n"
               "protocol is 4. It was introduced in Python 3.4, and is incompatible\n"
               "with previous versions.\n\n"
               "Specifying a negative protocol version selects the highest protocol\n"
               "version supported.  The higher the protocol used, the more recent the\n"
               "version of Python needed to read the pickle produced.\n\n"
               "If *fix_imports* is True and *protocol* is less than 3, pickle will\n"
               "try to map the new Python 3 names to the old module names used in\n"
               "Python 2, so that the pickle data stream is readable with Python 2.\n\n"
               "If *buffer_callback* is None (the default), buffer views are serialized\n"
               "into *file* as part of the pickle stream.  It is an error if\n"
               "*buffer_callback* is not None and *protocol* is None or smaller than 5.")},
    {"load", (PyCFunction)(void (*)(void))pickle_load, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("load($module, /, file, *, fix_imports=True, encoding='ASCII',\n"
               "     errors='strict', buffers=())\n--\n\n"
               "Read and return an object from the pickle data stored in a file.\n\n"
               "This is equivalent to ``Unpickler(file).load()``, but may be more\n"
               "efficient.\n\n"
               "The protocol version of the pickle is detected automatically, so no\n"
               "protocol argument is needed.  Bytes past the pickled object's\n"
               "representation are ignored.\n\n"
               "The argument *file* must have two methods, a read() method that takes\n"
               "an integer argument, and a readline() method that requires no\n"
               "arguments.  Both methods should return bytes.  Thus *file* can be a\n"
               "binary file object opened for reading, an io.BytesIO object, or any\n"
               "other custom object that meets this interface.\n\n"
               "Optional keyword arguments are *fix_imports*, *encoding* and *errors*,\n"
               "which are used to control compatibility support for pickle stream\n"
               "generated by Python 2.  If *fix_imports* is True, pickle will try to\n"
               "map the old Python 2 names to the new names used in Python 3.  The\n"
               "*encoding* and *errors* tell pickle how to decode 8-bit string\n"
               "instances pickled by Python 2; these default to 'ASCII' and 'strict',\n"
               "respectively.  The *encoding* can be 'bytes' to read these 8-bit\n"
               "string instances as bytes objects.")},
    {"loads", (PyCFunction)(void (*)(void))pickle_loads, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("loads($module, data, /, *, fix_imports=True, encoding='ASCII',\n"
               "      errors='strict', buffers=())\n--\n\n"
               "Read and return an object from the given pickle data.\n\n"
               "The protocol version of the pickle is detected automatically, so no\n"
               "protocol argument is needed.  Bytes past the pickled object's\n"
               "representation are ignored.\n\n"
               "Optional keyword arguments are *fix_imports*, *encoding* and *errors*,\n"
               "which are used to control compatibility support for pickle stream\n"
               "generated by Python 2.  If *fix_imports* is True, pickle will try to\n"
               "map the old Python 2 names to the new names used in Python 3.  The\n"
               "*encoding* and *errors* tell pickle how to decode 8-bit string\n"
               "instances pickled by Python 2; these default to 'ASCII' and 'strict',\n"
               "respectively.  The *encoding* can be 'bytes' to read these 8-bit\n"
               "string instances as bytes objects.")},
    {NULL, NULL, 0, NULL},
};

/* ================================================================ module init */

static PyObject *import_attr(const char *module, const char *name)
{
    PyObject *m = PyImport_ImportModule(module);
    if (m == NULL)
        return NULL;
    PyObject *attr = PyObject_GetAttrString(m, name);
    Py_DECREF(m);
    return attr;
}

static PyObject *import_dict_attr(const char *module, const char *name)
{
    PyObject *d = import_attr(module, name);
    if (d != NULL && !PyDict_CheckExact(d)) {
        PyErr_Format(PyExc_RuntimeError, "%s.%s should be a dict, not %.200s", module, name,
                     Py_TYPE(d)->tp_name);
        Py_CLEAR(d);
    }
    return d;
}

static int init_state(void)
{
    if (st.dispatch_table != NULL)
        return 0;
    struct { PyObject **slot; const char *name; } names[] = {
        {&s_persistent_id, "persistent_id"}, {&s_persistent_load, "persistent_load"},
        {&s_reducer_override, "reducer_override"}, {&s_dispatch_table, "dispatch_table"},
        {&s_find_class, "find_class"}, {&s_reduce_ex, "__reduce_ex__"},
        {&s_reduce, "__reduce__"}, {&s_qualname, "__qualname__"}, {&s_name, "__name__"},
        {&s_module, "__module__"}, {&s_setstate, "__setstate__"}, {&s_dict, "__dict__"},
        {&s_append, "append"}, {&s_extend, "extend"}, {&s_add, "add"}, {&s_new, "__new__"},
        {&s_newobj, "__newobj__"}, {&s_newobj_ex, "__newobj_ex__"},
        {&s_getinitargs, "__getinitargs__"}, {&s_class, "__class__"}, {&s_write, "write"},
        {&s_read, "read"}, {&s_readline, "readline"}, {&s_readinto, "readinto"},
        {&s_peek, "peek"}, {&s_items, "items"}, {&s_latin1, "latin1"},
        {&s_main, "__main__"}, {&s_mp_main, "__mp_main__"}, {&s_dot, "."},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        *names[i].slot = PyUnicode_InternFromString(names[i].name);
        if (*names[i].slot == NULL)
            return -1;
    }
    st.dispatch_table = import_attr("copyreg", "dispatch_table");
    st.extension_registry = import_dict_attr("copyreg", "_extension_registry");
    st.inverted_registry = import_dict_attr("copyreg", "_inverted_registry");
    st.extension_cache = import_dict_attr("copyreg", "_extension_cache");
    if (!st.dispatch_table || !st.extension_registry || !st.inverted_registry ||
        !st.extension_cache)
        return -1;
    st.name_mapping_2to3 = import_dict_attr("_compat_pickle", "NAME_MAPPING");
    st.import_mapping_2to3 = import_dict_attr("_compat_pickle", "IMPORT_MAPPING");
    st.name_mapping_3to2 = import_dict_attr("_compat_pickle", "REVERSE_NAME_MAPPING");
    st.import_mapping_3to2 = import_dict_attr("_compat_pickle", "REVERSE_IMPORT_MAPPING");
    if (!st.name_mapping_2to3 || !st.import_mapping_2to3 || !st.name_mapping_3to2 ||
        !st.import_mapping_3to2)
        return -1;
    st.codecs_encode = import_attr("codecs", "encode");
    st.getattr = import_attr("builtins", "getattr");
    st.partial = import_attr("functools", "partial");
    if (!st.codecs_encode || !st.getattr || !st.partial)
        return -1;
    return 0;
}

static struct PyModuleDef picklemodule = {
    PyModuleDef_HEAD_INIT, "_pickle", "Optimized C implementation for the Python pickle module.",
    -1, pickle_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__pickle(void)
{
    if (init_state() < 0)
        return NULL;
    PyTypeObject *ready[] = {&Pickler_Type, &Unpickler_Type, &PicklerMemoProxyType,
                             &UnpicklerMemoProxyType, &PyPickleBuffer_Type};
    for (size_t i = 0; i < sizeof ready / sizeof ready[0]; i++)
        if (PyType_Ready(ready[i]) < 0)
            return NULL;
    if (st.PickleError == NULL) {
        st.PickleError = PyErr_NewException("_pickle.PickleError", NULL, NULL);
        if (st.PickleError == NULL)
            return NULL;
        st.PicklingError = PyErr_NewException("_pickle.PicklingError", st.PickleError, NULL);
        st.UnpicklingError = PyErr_NewException("_pickle.UnpicklingError", st.PickleError,
                                                NULL);
        if (st.PicklingError == NULL || st.UnpicklingError == NULL)
            return NULL;
    }
    PyObject *m = PyModule_Create(&picklemodule);
    if (m == NULL)
        return NULL;
    struct { const char *name; PyObject *obj; } objs[] = {
        {"Pickler", (PyObject *)&Pickler_Type}, {"Unpickler", (PyObject *)&Unpickler_Type},
        {"PickleBuffer", (PyObject *)&PyPickleBuffer_Type},
        {"PickleError", st.PickleError}, {"PicklingError", st.PicklingError},
        {"UnpicklingError", st.UnpicklingError},
    };
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        Py_INCREF(objs[i].obj);
        if (PyModule_AddObject(m, objs[i].name, objs[i].obj) < 0) {
            Py_DECREF(objs[i].obj);
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
