/* blake2module.c — `_blake2`: the blake2b and blake2s hash types with the whole BLAKE2
 * parameter block (digest_size, key, salt, person, tree hashing parameters, last_node),
 * which OpenSSL's EVP interface does not expose.  BLAKE2 itself is written here from
 * RFC 7693.  Owner: modules-os (the OpenSSL-backed hashes are _hashopenssl.c).
 */
#include "Python.h"

#include <stdint.h>
#include <string.h>

/* ------------------------------------------------------------ BLAKE2 (RFC 7693) */

static const uint8_t sigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static const uint64_t iv64[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint32_t iv32[8] = {
    0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A,
    0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
};

static uint64_t load64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static uint32_t load32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rotr64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
static uint32_t rotr32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

/* One state for both variants: b uses the 64-bit words, s the 32-bit ones. */
typedef struct {
    int is_b;
    uint64_t h64[8], t64[2], f64[2];
    uint32_t h32[8], t32[2], f32[2];
    uint8_t buf[128];
    size_t buflen;
    int outlen, last_node;
} blake2_state;

static size_t blocklen(const blake2_state *S) { return S->is_b ? 128 : 64; }

static void compress_b(blake2_state *S, const uint8_t *block)
{
    uint64_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = load64(block + 8 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = S->h64[i];
        v[i + 8] = iv64[i];
    }
    v[12] ^= S->t64[0];
    v[13] ^= S->t64[1];
    v[14] ^= S->f64[0];
    v[15] ^= S->f64[1];
#define GB(r, i, a, b, c, d)                                                                \
    do {                                                                                    \
        a = a + b + m[sigma[r][2 * i]]; d = rotr64(d ^ a, 32); c = c + d;                   \
        b = rotr64(b ^ c, 24); a = a + b + m[sigma[r][2 * i + 1]]; d = rotr64(d ^ a, 16);   \
        c = c + d; b = rotr64(b ^ c, 63);                                                   \
    } while (0)
    for (int r = 0; r < 12; r++) {
        GB(r, 0, v[0], v[4], v[8], v[12]);
        GB(r, 1, v[1], v[5], v[9], v[13]);
        GB(r, 2, v[2], v[6], v[10], v[14]);
        GB(r, 3, v[3], v[7], v[11], v[15]);
        GB(r, 4, v[0], v[5], v[10], v[15]);
        GB(r, 5, v[1], v[6], v[11], v[12]);
        GB(r, 6, v[2], v[7], v[8], v[13]);
        GB(r, 7, v[3], v[4], v[9], v[14]);
    }
#undef GB
    for (int i = 0; i < 8; i++)
        S->h64[i] ^= v[i] ^ v[i + 8];
}

static void compress_s(blake2_state *S, const uint8_t *block)
{
    uint32_t m[16], v[16];
    for (int i = 0; i < 16; i++)
        m[i] = load32(block + 4 * i);
    for (int i = 0; i < 8; i++) {
        v[i] = S->h32[i];
        v[i + 8] = iv32[i];
    }
    v[12] ^= S->t32[0];
    v[13] ^= S->t32[1];
    v[14] ^= S->f32[0];
    v[15] ^= S->f32[1];
#define GS(r, i, a, b, c, d)                                                                \
    do {                                                                                    \
        a = a + b + m[sigma[r][2 * i]]; d = rotr32(d ^ a, 16); c = c + d;                   \
        b = rotr32(b ^ c, 12); a = a + b + m[sigma[r][2 * i + 1]]; d = rotr32(d ^ a, 8);    \
        c = c + d; b = rotr32(b ^ c, 7);                                                    \
    } while (0)
    for (int r = 0; r < 10; r++) {
        GS(r, 0, v[0], v[4], v[8], v[12]);
        GS(r, 1, v[1], v[5], v[9], v[13]);
        GS(r, 2, v[2], v[6], v[10], v[14]);
        GS(r, 3, v[3], v[7], v[11], v[15]);
        GS(r, 4, v[0], v[5], v[10], v[15]);
        GS(r, 5, v[1], v[6], v[11], v[12]);
        GS(r, 6, v[2], v[7], v[8], v[13]);
        GS(r, 7, v[3], v[4], v[9], v[14]);
    }
#undef GS
    for (int i = 0; i < 8; i++)
        S->h32[i] ^= v[i] ^ v[i + 8];
}

static void increment(blake2_state *S, size_t inc)
{
    if (S->is_b) {
        S->t64[0] += inc;
        S->t64[1] += S->t64[0] < inc;
    } else {
        S->t32[0] += (uint32_t)inc;
        S->t32[1] += S->t32[0] < (uint32_t)inc;
    }
}

static void compress(blake2_state *S, const uint8_t *block)
{
    if (S->is_b)
        compress_b(S, block);
    else
        compress_s(S, block);
}

/* Absorb data; the last (possibly full) block stays buffered for final(). */
static void blake2_update(blake2_state *S, const uint8_t *in, size_t inlen)
{
    size_t bl = blocklen(S);
    while (inlen > 0) {
        if (S->buflen == bl) {
            increment(S, bl);
            compress(S, S->buf);
            S->buflen = 0;
        }
        size_t take = bl - S->buflen;
        if (take > inlen)
            take = inlen;
        memcpy(S->buf + S->buflen, in, take);
        S->buflen += take;
        in += take;
        inlen -= take;
    }
}

static void blake2_final(const blake2_state *S0, uint8_t *out)
{
    blake2_state S = *S0;
    size_t bl = blocklen(&S);
    increment(&S, S.buflen);
    memset(S.buf + S.buflen, 0, bl - S.buflen);
    if (S.is_b) {
        S.f64[0] = ~(uint64_t)0;
        if (S.last_node)
            S.f64[1] = ~(uint64_t)0;
    } else {
        S.f32[0] = ~(uint32_t)0;
        if (S.last_node)
            S.f32[1] = ~(uint32_t)0;
    }
    compress(&S, S.buf);
    uint8_t full[64];
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < (S.is_b ? 8 : 4); j++)
            full[i * (S.is_b ? 8 : 4) + j] =
                (uint8_t)(S.is_b ? S.h64[i] >> (8 * j) : S.h32[i] >> (8 * j));
    memcpy(out, full, S.outlen);
}

/* ------------------------------------------------------------ the Python types */

typedef struct {
    PyObject_HEAD
    blake2_state S;
} BLAKE2object;

static PyTypeObject Blake2bType, Blake2sType;

static int get_view(PyObject *obj, Py_buffer *view)
{
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_SetString(PyExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0)
        return -1;
    if (view->ndim > 1) {
        PyErr_SetString(PyExc_BufferError, "Buffer must be single dimension");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static int feed(BLAKE2object *self, PyObject *data)
{
    Py_buffer view;
    if (get_view(data, &view) < 0)
        return -1;
    blake2_update(&self->S, view.buf, view.len);
    PyBuffer_Release(&view);
    return 0;
}

/* An optional bytes-like parameter no longer than `max`. */
static int small_buffer(PyObject *o, Py_buffer *view, Py_ssize_t max, const char *what)
{
    if (o == NULL)
        return 0;
    if (PyObject_GetBuffer(o, view, PyBUF_SIMPLE) < 0)
        return -1;
    if (view->len > max) {
        PyErr_Format(PyExc_ValueError, "maximum %s length is %zd bytes", what, max);
        PyBuffer_Release(view);
        view->obj = NULL;
        view->buf = NULL;
        return -1;
    }
    return 0;
}

static PyObject *blake2_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "digest_size", "key", "salt", "person", "fanout", "depth",
                             "leaf_size", "node_offset", "node_depth", "inner_size",
                             "last_node", "usedforsecurity", NULL};
    int is_b = type == &Blake2bType;
    const int max_digest = is_b ? 64 : 32, salt_size = is_b ? 16 : 8;
    PyObject *data = NULL, *key = NULL, *salt = NULL, *person = NULL;
    int digest_size = max_digest, fanout = 1, depth = 1, node_depth = 0, inner_size = 0;
    int last_node = 0, ufs = 1;
    unsigned long leaf_size = 0;
    unsigned long long node_offset = 0;
    PyObject *leaf_obj = NULL, *offset_obj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds,
                                     is_b ? "|O$iOOOiiOOiipp:blake2b" : "|O$iOOOiiOOiipp:blake2s",
                                     kwlist, &data, &digest_size, &key, &salt, &person,
                                     &fanout, &depth, &leaf_obj, &offset_obj, &node_depth,
                                     &inner_size, &last_node, &ufs))
        return NULL;
    if ((leaf_obj && PyLong_Check(leaf_obj) && _PyLong_Sign(leaf_obj) < 0) ||
        (offset_obj && PyLong_Check(offset_obj) && _PyLong_Sign(offset_obj) < 0)) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return NULL;
    }
    if (leaf_obj) {
        leaf_size = PyLong_AsUnsignedLong(leaf_obj);
        if (leaf_size == (unsigned long)-1 && PyErr_Occurred())
            return NULL;
        if (leaf_size > 0xFFFFFFFFUL) {
            PyErr_SetString(PyExc_OverflowError, "leaf_size is too large");
            return NULL;
        }
    }
    if (offset_obj) {
        node_offset = PyLong_AsUnsignedLongLong(offset_obj);
        if (node_offset == (unsigned long long)-1 && PyErr_Occurred())
            return NULL;
        if (!is_b && node_offset > 0xFFFFFFFFFFFFULL) {
            PyErr_SetString(PyExc_OverflowError, "node_offset is too large");
            return NULL;
        }
    }
    if (digest_size <= 0 || digest_size > max_digest) {
        PyErr_Format(PyExc_ValueError, "digest_size must be between 1 and %d bytes",
                     max_digest);
        return NULL;
    }
    if (fanout < 0 || fanout > 255) {
        PyErr_SetString(PyExc_ValueError, "fanout must be between 0 and 255");
        return NULL;
    }
    if (depth <= 0 || depth > 255) {
        PyErr_SetString(PyExc_ValueError, "depth must be between 1 and 255");
        return NULL;
    }
    if (node_depth < 0 || node_depth > 255) {
        PyErr_SetString(PyExc_ValueError, "node_depth must be between 0 and 255");
        return NULL;
    }
    if (inner_size < 0 || inner_size > max_digest) {
        PyErr_Format(PyExc_ValueError, "inner_size must be between 0 and is %d", max_digest);
        return NULL;
    }
    Py_buffer vsalt = {0}, vperson = {0}, vkey = {0};
    if (small_buffer(salt, &vsalt, salt_size, "salt") < 0)
        return NULL;
    if (small_buffer(person, &vperson, salt_size, "person") < 0)
        goto fail;
    if (small_buffer(key, &vkey, max_digest, "key") < 0)
        goto fail;

    /* The parameter block, little-endian, then XORed into the IV. */
    uint8_t P[64] = {0};
    P[0] = (uint8_t)digest_size;
    P[1] = (uint8_t)vkey.len;
    P[2] = (uint8_t)fanout;
    P[3] = (uint8_t)depth;
    for (int i = 0; i < 4; i++)
        P[4 + i] = (uint8_t)(leaf_size >> (8 * i));
    if (is_b) {
        for (int i = 0; i < 8; i++)
            P[8 + i] = (uint8_t)(node_offset >> (8 * i));
        P[16] = (uint8_t)node_depth;
        P[17] = (uint8_t)inner_size;
        if (vsalt.len)
            memcpy(P + 32, vsalt.buf, vsalt.len);
        if (vperson.len)
            memcpy(P + 48, vperson.buf, vperson.len);
    } else {
        for (int i = 0; i < 6; i++)
            P[8 + i] = (uint8_t)(node_offset >> (8 * i));
        P[14] = (uint8_t)node_depth;
        P[15] = (uint8_t)inner_size;
        if (vsalt.len)
            memcpy(P + 16, vsalt.buf, vsalt.len);
        if (vperson.len)
            memcpy(P + 24, vperson.buf, vperson.len);
    }
    BLAKE2object *self = (BLAKE2object *)type->tp_alloc(type, 0);
    if (self == NULL)
        goto fail;
    blake2_state *S = &self->S;
    memset(S, 0, sizeof *S);
    S->is_b = is_b;
    S->outlen = digest_size;
    S->last_node = last_node;
    for (int i = 0; i < 8; i++) {
        if (is_b)
            S->h64[i] = iv64[i] ^ load64(P + 8 * i);
        else
            S->h32[i] = iv32[i] ^ load32(P + 4 * i);
    }
    if (vkey.len) {
        uint8_t block[128] = {0};
        memcpy(block, vkey.buf, vkey.len);
        blake2_update(S, block, blocklen(S));
        memset(block, 0, sizeof block);
    }
    PyBuffer_Release(&vsalt);
    PyBuffer_Release(&vperson);
    PyBuffer_Release(&vkey);
    if (data && feed(self, data) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
fail:
    if (vsalt.obj)
        PyBuffer_Release(&vsalt);
    if (vperson.obj)
        PyBuffer_Release(&vperson);
    if (vkey.obj)
        PyBuffer_Release(&vkey);
    return NULL;
}

static PyObject *b2_update(BLAKE2object *self, PyObject *data)
{
    if (feed(self, data) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *b2_copy(BLAKE2object *self, PyObject *unused)
{
    PyTypeObject *tp = Py_TYPE(self);
    BLAKE2object *n = (BLAKE2object *)tp->tp_alloc(tp, 0);
    if (n == NULL)
        return NULL;
    n->S = self->S;
    return (PyObject *)n;
}

static PyObject *b2_digest(BLAKE2object *self, PyObject *unused)
{
    uint8_t out[64];
    blake2_final(&self->S, out);
    return PyBytes_FromStringAndSize((char *)out, self->S.outlen);
}

static PyObject *b2_hexdigest(BLAKE2object *self, PyObject *unused)
{
    static const char hexd[] = "0123456789abcdef";
    uint8_t out[64];
    char hex[128];
    blake2_final(&self->S, out);
    for (int i = 0; i < self->S.outlen; i++) {
        hex[2 * i] = hexd[out[i] >> 4];
        hex[2 * i + 1] = hexd[out[i] & 15];
    }
    return PyUnicode_FromStringAndSize(hex, 2 * self->S.outlen);
}

static PyObject *b2_get_name(BLAKE2object *self, void *c)
{
    return PyUnicode_FromString(self->S.is_b ? "blake2b" : "blake2s");
}

static PyObject *b2_get_block_size(BLAKE2object *self, void *c)
{
    return PyLong_FromSize_t(blocklen(&self->S));
}

static PyObject *b2_get_digest_size(BLAKE2object *self, void *c)
{
    return PyLong_FromLong(self->S.outlen);
}

static PyMethodDef b2_methods[] = {
    {"copy", (PyCFunction)b2_copy, METH_NOARGS, "Return a copy of the hash object."},
    {"digest", (PyCFunction)b2_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", (PyCFunction)b2_hexdigest, METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"update", (PyCFunction)b2_update, METH_O, "Update this hash object's state with the provided bytes-like object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef b2_getset[] = {
    {"name", (getter)b2_get_name, NULL, NULL, NULL},
    {"block_size", (getter)b2_get_block_size, NULL, NULL, NULL},
    {"digest_size", (getter)b2_get_digest_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define B2TYPE(tpname, doc)                                                                 \
    PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                  \
    .tp_name = tpname,                                                                      \
    .tp_basicsize = sizeof(BLAKE2object),                                                   \
    .tp_flags = Py_TPFLAGS_DEFAULT,                                   \
    .tp_doc = doc,                                                                          \
    .tp_methods = b2_methods,                                                               \
    .tp_getset = b2_getset,                                                                 \
    .tp_new = blake2_new,

static PyTypeObject Blake2bType = { B2TYPE("_blake2.blake2b", "Return a new BLAKE2b hash object.") };
static PyTypeObject Blake2sType = { B2TYPE("_blake2.blake2s", "Return a new BLAKE2s hash object.") };

static int add_sizes(PyObject *m, PyTypeObject *t, const char *prefix, int salt, int key)
{
    const char *names[] = {"SALT_SIZE", "PERSON_SIZE", "MAX_KEY_SIZE", "MAX_DIGEST_SIZE"};
    int values[] = {salt, salt, key, key};
    for (int i = 0; i < 4; i++) {
        PyObject *v = PyLong_FromLong(values[i]);
        if (v == NULL || PyDict_SetItemString(t->tp_dict, names[i], v) < 0) {
            Py_XDECREF(v);
            return -1;
        }
        Py_DECREF(v);
        char full[64];
        snprintf(full, sizeof full, "%s_%s", prefix, names[i]);
        if (PyModule_AddIntConstant(m, full, values[i]) < 0)
            return -1;
    }
    return 0;
}

static struct PyModuleDef blake2module = {
    PyModuleDef_HEAD_INIT, "_blake2", "_blake2b provides BLAKE2b for hashlib\n", -1,
    NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__blake2(void)
{
    if (PyType_Ready(&Blake2bType) < 0 || PyType_Ready(&Blake2sType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&blake2module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "blake2b", (PyObject *)&Blake2bType) < 0 ||
        PyModule_AddObjectRef(m, "blake2s", (PyObject *)&Blake2sType) < 0 ||
        add_sizes(m, &Blake2bType, "BLAKE2B", 16, 64) < 0 ||
        add_sizes(m, &Blake2sType, "BLAKE2S", 8, 32) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    PyType_Modified(&Blake2bType);
    PyType_Modified(&Blake2sType);
    return m;
}
