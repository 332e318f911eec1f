/* _hashopenssl.c — `_hashlib` on OpenSSL 3 EVP: HASH/HASHXOF objects, new, openssl_*,
 * pbkdf2_hmac, scrypt, HMAC (hmac_new/hmac_digest on EVP_MAC), compare_digest,
 * get_fips_mode, openssl_md_meth_names.  Built as an extension module in lib-dynload, so
 * only programs that import it map libcrypto.  `_md5 _sha1 _sha256 _sha512 _sha3` are built
 * in without OpenSSL (_sha_builtin.c); `_blake2` (keyed, tree parameters) is blake2module.c.
 * Owner: modules-os.
 */
#include "Python.h"

#include <string.h>
#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/crypto.h>
#include <openssl/core_names.h>

PyObject *_Py_compare_digest(PyObject *a, PyObject *b);   /* _operator.c */

static PyObject *UnsupportedDigestmodError;
static PyObject *constructors;       /* {openssl_md5: 'md5', ...}, read via _constructors */

/* Python name, upper-case alias and OpenSSL fetch name of the digests hashlib knows. */
typedef struct { const char *py_name, *py_alias, *ossl_name; int nid; } hashentry;
static const hashentry py_hashes[] = {
    {"md5", "MD5", "MD5", NID_md5},
    {"sha1", "SHA1", "SHA1", NID_sha1},
    {"sha224", "SHA224", "SHA224", NID_sha224},
    {"sha256", "SHA256", "SHA256", NID_sha256},
    {"sha384", "SHA384", "SHA384", NID_sha384},
    {"sha512", "SHA512", "SHA512", NID_sha512},
    {"sha512_224", "SHA512_224", "SHA512-224", NID_sha512_224},
    {"sha512_256", "SHA512_256", "SHA512-256", NID_sha512_256},
    {"sha3_224", NULL, "SHA3-224", NID_sha3_224},
    {"sha3_256", NULL, "SHA3-256", NID_sha3_256},
    {"sha3_384", NULL, "SHA3-384", NID_sha3_384},
    {"sha3_512", NULL, "SHA3-512", NID_sha3_512},
    {"shake_128", NULL, "SHAKE128", NID_shake128},
    {"shake_256", NULL, "SHAKE256", NID_shake256},
    {"blake2s", NULL, "BLAKE2s256", NID_blake2s256},
    {"blake2b", NULL, "BLAKE2b512", NID_blake2b512},
    {NULL, NULL, NULL, 0},
};

/* Raise ValueError (or `exc`) with OpenSSL's last error reason. */
static PyObject *ssl_error(PyObject *exc)
{
    unsigned long e = ERR_peek_last_error();
    ERR_clear_error();
    if (exc == NULL)
        exc = PyExc_ValueError;
    const char *reason = e ? ERR_reason_error_string(e) : NULL;
    const char *lib = e ? ERR_lib_error_string(e) : NULL;
    if (lib && reason)
        PyErr_Format(exc, "[%s] %s", lib, reason);
    else if (reason)
        PyErr_SetString(exc, reason);
    else
        PyErr_SetString(exc, "no reason supplied");
    return NULL;
}

static PyObject *digest_name(const EVP_MD *md)
{
    int nid = EVP_MD_get_type(md);
    for (const hashentry *h = py_hashes; h->py_name; h++)
        if (h->nid == nid)
            return PyUnicode_FromString(h->py_name);
    const char *name = OBJ_nid2ln(nid);
    if (name == NULL)
        name = OBJ_nid2sn(nid);
    return PyUnicode_FromString(name ? name : EVP_MD_get0_name(md));
}

/* Fetch a digest by its Python name, alias or any OpenSSL name; NULL with
 * UnsupportedDigestmodError set when OpenSSL does not have it. */
static EVP_MD *digest_by_name(const char *name, int usedforsecurity)
{
    const char *ossl = name;
    for (const hashentry *h = py_hashes; h->py_name; h++)
        if (strcmp(name, h->py_name) == 0 || (h->py_alias && strcmp(name, h->py_alias) == 0)) {
            ossl = h->ossl_name;
            break;
        }
    EVP_MD *md = EVP_MD_fetch(NULL, ossl, usedforsecurity ? NULL : "-fips");
    if (md == NULL)
        ssl_error(NULL);    /* CPython 3.11: "[digital envelope routines] unsupported" */
    return md;
}

/* A digest given as a name or as one of the openssl_* constructors. */
static EVP_MD *digest_by_digestmod(PyObject *digestmod)
{
    PyObject *name = NULL;
    if (PyUnicode_Check(digestmod))
        name = digestmod;
    else {
        name = PyDict_GetItemWithError(constructors, digestmod);
        if (name == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(UnsupportedDigestmodError, "Unsupported digestmod %R", digestmod);
            return NULL;
        }
    }
    const char *s = PyUnicode_AsUTF8(name);
    return s ? digest_by_name(s, 1) : NULL;
}

/* The bytes of a hashable argument, with CPython's messages for str and non-buffers. */
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

static PyObject *to_hex(const unsigned char *p, size_t n)
{
    static const char hexd[] = "0123456789abcdef";
    PyObject *s = PyUnicode_New((Py_ssize_t)n * 2, 127);
    if (s == NULL)
        return NULL;
    char *out = PyUnicode_DATA(s);
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = hexd[p[i] >> 4];
        out[2 * i + 1] = hexd[p[i] & 15];
    }
    return s;
}

/* ------------------------------------------------------------ HASH / HASHXOF */

typedef struct {
    PyObject_HEAD
    EVP_MD_CTX *ctx;
} EVPobject;

static PyTypeObject EVPtype, EVPXOFtype;

static EVPobject *evp_alloc(PyTypeObject *type)
{
    EVPobject *self = PyObject_New(EVPobject, type);
    if (self == NULL)
        return NULL;
    self->ctx = EVP_MD_CTX_new();
    if (self->ctx == NULL) {
        Py_DECREF(self);
        PyErr_NoMemory();
        return NULL;
    }
    return self;
}

static void evp_dealloc(EVPobject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (self->ctx)
        EVP_MD_CTX_free(self->ctx);
    tp->tp_free((PyObject *)self);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(tp);
}

static int evp_hash(EVPobject *self, const void *p, Py_ssize_t len)
{
    const char *cp = p;
    while (len > 0) {
        size_t chunk = len > (Py_ssize_t)1 << 30 ? (size_t)1 << 30 : (size_t)len;
        if (!EVP_DigestUpdate(self->ctx, cp, chunk)) {
            ssl_error(NULL);
            return -1;
        }
        cp += chunk;
        len -= chunk;
    }
    return 0;
}

static int evp_update_obj(EVPobject *self, PyObject *obj)
{
    Py_buffer view;
    if (get_view(obj, &view) < 0)
        return -1;
    int r = evp_hash(self, view.buf, view.len);
    PyBuffer_Release(&view);
    return r;
}

static PyObject *evp_update(EVPobject *self, PyObject *obj)
{
    if (evp_update_obj(self, obj) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *evp_copy(EVPobject *self, PyObject *unused)
{
    EVPobject *n = evp_alloc(Py_TYPE(self));
    if (n == NULL)
        return NULL;
    if (Py_TYPE(self)->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(Py_TYPE(self));
    if (!EVP_MD_CTX_copy(n->ctx, self->ctx)) {
        Py_DECREF(n);
        return ssl_error(NULL);
    }
    return (PyObject *)n;
}

/* Finish a copy of the context so the object can keep absorbing data. */
static int evp_final(EVPobject *self, unsigned char *out, unsigned int *len)
{
    EVP_MD_CTX *tmp = EVP_MD_CTX_new();
    if (tmp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    int ok = EVP_MD_CTX_copy(tmp, self->ctx) && EVP_DigestFinal(tmp, out, len);
    EVP_MD_CTX_free(tmp);
    if (!ok) {
        ssl_error(NULL);
        return -1;
    }
    return 0;
}

static PyObject *evp_digest(EVPobject *self, PyObject *unused)
{
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int n;
    if (evp_final(self, buf, &n) < 0)
        return NULL;
    return PyBytes_FromStringAndSize((char *)buf, n);
}

static PyObject *evp_hexdigest(EVPobject *self, PyObject *unused)
{
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int n;
    if (evp_final(self, buf, &n) < 0)
        return NULL;
    return to_hex(buf, n);
}

static PyObject *evp_get_name(EVPobject *self, void *c)
{
    return digest_name(EVP_MD_CTX_get0_md(self->ctx));
}

static PyObject *evp_get_digest_size(EVPobject *self, void *c)
{
    return PyLong_FromLong(EVP_MD_CTX_get_size(self->ctx));
}

static PyObject *evp_get_block_size(EVPobject *self, void *c)
{
    return PyLong_FromLong(EVP_MD_CTX_get_block_size(self->ctx));
}

static PyObject *evp_repr(EVPobject *self)
{
    PyObject *name = evp_get_name(self, NULL);
    if (name == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("<%U %s object @ %p>", name, Py_TYPE(self)->tp_name,
                                       self);
    Py_DECREF(name);
    return r;
}

/* XOF digests: digest(length) / hexdigest(length). */
static unsigned char *xof_final(EVPobject *self, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames, Py_ssize_t *plen, const char *fname, int hex)
{
    static const char *const kwlist[] = {"length", NULL};
    PyObject *lenobj = NULL;
    if (kwnames == NULL && nargs == 1)
        lenobj = args[0];
    else {
        PyObject *tup = PyTuple_New(nargs);
        if (tup == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < nargs; i++)
            PyTuple_SET_ITEM(tup, i, Py_NewRef(args[i]));
        PyObject *kw = NULL;
        if (kwnames) {
            kw = PyDict_New();
            for (Py_ssize_t i = 0; kw && i < PyTuple_GET_SIZE(kwnames); i++)
                if (PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0)
                    Py_CLEAR(kw);
            if (kw == NULL) {
                Py_DECREF(tup);
                return NULL;
            }
        }
        char fmt[64];
        snprintf(fmt, sizeof fmt, "O:%s", fname);
        int ok = PyArg_ParseTupleAndKeywords(tup, kw, fmt, (char **)kwlist, &lenobj);
        Py_DECREF(tup);
        Py_XDECREF(kw);
        if (!ok)
            return NULL;
    }
    if (!PyLong_Check(lenobj)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(lenobj)->tp_name);
        return NULL;
    }
    Py_ssize_t length = PyLong_AsSsize_t(lenobj);
    if (length == -1 && PyErr_Occurred())
        return NULL;
    /* CPython 3.11 passes negative lengths on unchecked: digest() fails creating the
     * bytes object, hexdigest() allocating its buffer.  Keep its exceptions. */
    if (length < 0 && !hex) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    unsigned char *buf = length < 0 ? NULL : PyMem_Malloc(length ? length : 1);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    EVP_MD_CTX *tmp = EVP_MD_CTX_new();
    int ok = tmp && EVP_MD_CTX_copy(tmp, self->ctx) &&
             (length == 0 || EVP_DigestFinalXOF(tmp, buf, length));
    EVP_MD_CTX_free(tmp);
    if (!ok) {
        PyMem_Free(buf);
        ssl_error(NULL);
        return NULL;
    }
    *plen = length;
    return buf;
}

static PyObject *xof_digest(EVPobject *self, PyObject *const *args, Py_ssize_t nargs,
                            PyObject *kwnames)
{
    Py_ssize_t n;
    unsigned char *buf = xof_final(self, args, nargs, kwnames, &n, "digest", 0);
    if (buf == NULL)
        return NULL;
    PyObject *r = PyBytes_FromStringAndSize((char *)buf, n);
    PyMem_Free(buf);
    return r;
}

static PyObject *xof_hexdigest(EVPobject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    Py_ssize_t n;
    unsigned char *buf = xof_final(self, args, nargs, kwnames, &n, "hexdigest", 1);
    if (buf == NULL)
        return NULL;
    PyObject *r = to_hex(buf, n);
    PyMem_Free(buf);
    return r;
}

static PyObject *xof_get_digest_size(EVPobject *self, void *c)
{
    return PyLong_FromLong(0);
}

static PyMethodDef evp_methods[] = {
    {"update", (PyCFunction)evp_update, METH_O, "Update this hash object's state with the provided string."},
    {"digest", (PyCFunction)evp_digest, METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", (PyCFunction)evp_hexdigest, METH_NOARGS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", (PyCFunction)evp_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef xof_methods[] = {
    {"update", (PyCFunction)evp_update, METH_O, "Update this hash object's state with the provided string."},
    {"digest", (PyCFunction)(void (*)(void))xof_digest, METH_FASTCALL | METH_KEYWORDS, "Return the digest value as a bytes object."},
    {"hexdigest", (PyCFunction)(void (*)(void))xof_hexdigest, METH_FASTCALL | METH_KEYWORDS, "Return the digest value as a string of hexadecimal digits."},
    {"copy", (PyCFunction)evp_copy, METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef evp_getset[] = {
    {"name", (getter)evp_get_name, NULL, NULL, NULL},
    {"digest_size", (getter)evp_get_digest_size, NULL, NULL, NULL},
    {"block_size", (getter)evp_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyGetSetDef xof_getset[] = {
    {"digest_size", (getter)xof_get_digest_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define EVP_TYPE_BODY(tpname, methods, getset, base, new, flags) \
    PyVarObject_HEAD_INIT(&PyType_Type, 0)                                                  \
    .tp_name = tpname,                                                                      \
    .tp_basicsize = sizeof(EVPobject),                                                      \
    .tp_dealloc = (destructor)evp_dealloc,                                                  \
    .tp_repr = (reprfunc)evp_repr,                                                          \
    .tp_flags = Py_TPFLAGS_DEFAULT | (flags),                                               \
    .tp_methods = methods,                                                                  \
    .tp_getset = getset,                                                                    \
    .tp_base = base,                                                                        \
    .tp_new = new,

static PyTypeObject EVPtype = { EVP_TYPE_BODY("_hashlib.HASH", evp_methods, evp_getset, NULL, NULL, Py_TPFLAGS_BASETYPE) };
static PyTypeObject EVPXOFtype = { EVP_TYPE_BODY("_hashlib.HASHXOF", xof_methods, xof_getset, &EVPtype, NULL, Py_TPFLAGS_BASETYPE) };

/* Make a hash object of `type` for `md`, fed with `data` (may be NULL). */
static PyObject *evp_make(PyTypeObject *type, EVP_MD *md, PyObject *data)
{
    Py_buffer view = {0};
    if (data && get_view(data, &view) < 0) {
        EVP_MD_free(md);
        return NULL;
    }
    if (type == NULL)
        type = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) ? &EVPXOFtype : &EVPtype;
    EVPobject *self = evp_alloc(type);
    if (self == NULL)
        goto fail;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(type);
    if (!EVP_DigestInit_ex(self->ctx, md, NULL)) {
        ssl_error(NULL);
        goto fail;
    }
    EVP_MD_free(md);
    md = NULL;
    if (data) {
        int r = evp_hash(self, view.buf, view.len);
        PyBuffer_Release(&view);
        if (r < 0) {
            Py_DECREF(self);
            return NULL;
        }
    }
    return (PyObject *)self;
fail:
    EVP_MD_free(md);
    Py_XDECREF(self);
    if (data)
        PyBuffer_Release(&view);
    return NULL;
}

/* new(name, string=b'', *, usedforsecurity=True) */
static PyObject *hashlib_new(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "string", "usedforsecurity", NULL};
    PyObject *name, *data = NULL;
    int ufs = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$p:new", kwlist, &name, &data, &ufs))
        return NULL;
    const char *s = PyUnicode_Check(name) ? PyUnicode_AsUTF8(name) : NULL;
    if (s == NULL) {
        PyErr_SetString(PyExc_TypeError, "name must be a string");
        return NULL;
    }
    EVP_MD *md = digest_by_name(s, ufs);
    return md ? evp_make(NULL, md, data) : NULL;
}

/* The openssl_md5(string=b'', *, usedforsecurity=True) family. */
static PyObject *named_constructor(const char *fname, const char *py_name, PyTypeObject *type,
                                   PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"string", "usedforsecurity", NULL};
    PyObject *data = NULL;
    int ufs = 1;
    char fmt[64];
    snprintf(fmt, sizeof fmt, "|O$p:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, &data, &ufs))
        return NULL;
    EVP_MD *md = digest_by_name(py_name, ufs);
    return md ? evp_make(type, md, data) : NULL;
}

#define OPENSSL_CTOR(name)                                                                  \
    static PyObject *openssl_##name(PyObject *m, PyObject *args, PyObject *kwds)            \
    {                                                                                       \
        return named_constructor("openssl_" #name, #name, NULL, args, kwds);                \
    }
OPENSSL_CTOR(md5)
OPENSSL_CTOR(sha1)
OPENSSL_CTOR(sha224)
OPENSSL_CTOR(sha256)
OPENSSL_CTOR(sha384)
OPENSSL_CTOR(sha512)
OPENSSL_CTOR(sha3_224)
OPENSSL_CTOR(sha3_256)
OPENSSL_CTOR(sha3_384)
OPENSSL_CTOR(sha3_512)
OPENSSL_CTOR(shake_128)
OPENSSL_CTOR(shake_256)

/* ------------------------------------------------------------ key derivation */

static PyObject *pbkdf2_hmac(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"hash_name", "password", "salt", "iterations", "dklen", NULL};
    const char *hash_name;
    Py_buffer password = {0}, salt = {0};
    long iterations;
    PyObject *dklen_obj = Py_None, *key = NULL;
    EVP_MD *md = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "sy*y*l|O:pbkdf2_hmac", kwlist, &hash_name,
                                     &password, &salt, &iterations, &dklen_obj))
        return NULL;
    md = digest_by_name(hash_name, 1);
    if (md == NULL)
        goto end;
    if (password.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "password is too long.");
        goto end;
    }
    if (salt.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "salt is too long.");
        goto end;
    }
    if (iterations < 1) {
        PyErr_SetString(PyExc_ValueError, "iteration value must be greater than 0.");
        goto end;
    }
    if (iterations > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "iteration value is too great.");
        goto end;
    }
    long dklen;
    if (dklen_obj == Py_None)
        dklen = EVP_MD_get_size(md);
    else {
        dklen = PyLong_AsLong(dklen_obj);
        if (dklen == -1 && PyErr_Occurred())
            goto end;
    }
    if (dklen < 1) {
        PyErr_SetString(PyExc_ValueError, "key length must be greater than 0.");
        goto end;
    }
    if (dklen > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "key length is too great.");
        goto end;
    }
    key = PyBytes_FromStringAndSize(NULL, dklen);
    if (key == NULL)
        goto end;
    if (!PKCS5_PBKDF2_HMAC(password.buf, (int)password.len, salt.buf, (int)salt.len,
                           (int)iterations, md, (int)dklen,
                           (unsigned char *)PyBytes_AS_STRING(key))) {
        Py_CLEAR(key);
        ssl_error(NULL);
    }
end:
    EVP_MD_free(md);
    PyBuffer_Release(&password);
    PyBuffer_Release(&salt);
    return key;
}

static int ulong_arg(PyObject *o, unsigned long *out)
{
    if (o == Py_None)
        return 0;
    if (!PyLong_Check(o)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    *out = PyLong_AsUnsignedLong(o);
    return *out == (unsigned long)-1 && PyErr_Occurred() ? -1 : 1;
}

/* scrypt(password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64) */
static PyObject *hashlib_scrypt(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"password", "salt", "n", "r", "p", "maxmem", "dklen", NULL};
    Py_buffer password = {0}, salt = {0};
    PyObject *n_obj = Py_None, *r_obj = Py_None, *p_obj = Py_None, *key = NULL;
    long maxmem = 0, dklen = 64;
    unsigned long n = 0, r = 0, p = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|$y*OOOll:scrypt", kwlist, &password,
                                     &salt, &n_obj, &r_obj, &p_obj, &maxmem, &dklen))
        return NULL;
    if (salt.buf == NULL) {
        PyErr_SetString(PyExc_TypeError, "salt is required");
        goto end;
    }
    if (password.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "password is too long.");
        goto end;
    }
    if (salt.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "salt is too long.");
        goto end;
    }
    int k;
    if ((k = ulong_arg(n_obj, &n)) < 0)
        goto end;
    if (k == 0 || n < 2 || (n & (n - 1))) {
        PyErr_SetString(PyExc_ValueError, "n must be a power of 2.");
        goto end;
    }
    if ((k = ulong_arg(r_obj, &r)) < 0)
        goto end;
    if (k == 0) {
        PyErr_SetString(PyExc_TypeError, "r is required and must be an unsigned int");
        goto end;
    }
    if ((k = ulong_arg(p_obj, &p)) < 0)
        goto end;
    if (k == 0) {
        PyErr_SetString(PyExc_TypeError, "p is required and must be an unsigned int");
        goto end;
    }
    if (maxmem < 0 || maxmem > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "maxmem must be positive and smaller than %d",
                     INT_MAX);
        goto end;
    }
    if (dklen < 1 || dklen > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "dklen must be greater than 0 and smaller than %d",
                     INT_MAX);
        goto end;
    }
    /* Validate the cost parameters the way OpenSSL would, without deriving. */
    if (!EVP_PBE_scrypt(NULL, 0, NULL, 0, n, r, p, maxmem, NULL, 0)) {
        ERR_clear_error();
        PyErr_SetString(PyExc_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
        goto end;
    }
    key = PyBytes_FromStringAndSize(NULL, dklen);
    if (key == NULL)
        goto end;
    if (!EVP_PBE_scrypt(password.buf, password.len, salt.buf, salt.len, n, r, p, maxmem,
                        (unsigned char *)PyBytes_AS_STRING(key), dklen)) {
        Py_CLEAR(key);
        ssl_error(NULL);
    }
end:
    PyBuffer_Release(&password);
    if (salt.buf)
        PyBuffer_Release(&salt);
    return key;
}

/* ------------------------------------------------------------ HMAC */

typedef struct {
    PyObject_HEAD
    EVP_MAC_CTX *ctx;
    EVP_MD *md;
} HMACobject;

static PyTypeObject HMACtype;

static EVP_MAC_CTX *hmac_ctx_new(EVP_MD *md, const void *key, size_t keylen)
{
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (mac == NULL)
        return NULL;
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (ctx == NULL)
        return NULL;
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                                 (char *)EVP_MD_get0_name(md), 0);
    params[1] = OSSL_PARAM_construct_end();
    static const unsigned char empty[1];
    if (!EVP_MAC_init(ctx, keylen ? key : empty, keylen, params)) {
        EVP_MAC_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

static int hmac_feed(EVP_MAC_CTX *ctx, PyObject *obj)
{
    Py_buffer view;
    if (get_view(obj, &view) < 0)
        return -1;
    int ok = EVP_MAC_update(ctx, view.buf, view.len);
    PyBuffer_Release(&view);
    if (!ok) {
        ssl_error(NULL);
        return -1;
    }
    return 0;
}

static PyObject *hmac_new(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "msg", "digestmod", NULL};
    Py_buffer key;
    PyObject *msg = NULL, *digestmod = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*|OO:hmac_new", kwlist, &key, &msg,
                                     &digestmod))
        return NULL;
    HMACobject *self = NULL;
    EVP_MD *md = NULL;
    if (key.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "key is too long.");
        goto fail;
    }
    if (digestmod == NULL) {
        PyErr_SetString(PyExc_TypeError, "Missing required parameter 'digestmod'.");
        goto fail;
    }
    md = digest_by_digestmod(digestmod);
    if (md == NULL)
        goto fail;
    EVP_MAC_CTX *ctx = hmac_ctx_new(md, key.buf, key.len);
    if (ctx == NULL) {
        ssl_error(NULL);
        goto fail;
    }
    self = PyObject_New(HMACobject, &HMACtype);
    if (self == NULL) {
        EVP_MAC_CTX_free(ctx);
        goto fail;
    }
    self->ctx = ctx;
    self->md = md;
    md = NULL;
    if (msg && msg != Py_None && hmac_feed(self->ctx, msg) < 0)
        goto fail;
    PyBuffer_Release(&key);
    return (PyObject *)self;
fail:
    EVP_MD_free(md);
    Py_XDECREF(self);
    PyBuffer_Release(&key);
    return NULL;
}

static void hmac_dealloc(HMACobject *self)
{
    EVP_MAC_CTX_free(self->ctx);
    EVP_MD_free(self->md);
    PyObject_Free(self);
}

static PyObject *hmac_update(HMACobject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"msg", NULL};
    PyObject *msg;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:update", kwlist, &msg))
        return NULL;
    if (hmac_feed(self->ctx, msg) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *hmac_copy(HMACobject *self, PyObject *unused)
{
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_dup(self->ctx);
    if (ctx == NULL)
        return ssl_error(NULL);
    HMACobject *n = PyObject_New(HMACobject, &HMACtype);
    if (n == NULL) {
        EVP_MAC_CTX_free(ctx);
        return NULL;
    }
    n->ctx = ctx;
    EVP_MD_up_ref(self->md);
    n->md = self->md;
    return (PyObject *)n;
}

static int hmac_final(HMACobject *self, unsigned char *buf, size_t *len)
{
    EVP_MAC_CTX *tmp = EVP_MAC_CTX_dup(self->ctx);
    if (tmp == NULL) {
        ssl_error(NULL);
        return -1;
    }
    int ok = EVP_MAC_final(tmp, buf, len, EVP_MAX_MD_SIZE);
    EVP_MAC_CTX_free(tmp);
    if (!ok) {
        ssl_error(NULL);
        return -1;
    }
    return 0;
}

static PyObject *hmac_digest_m(HMACobject *self, PyObject *unused)
{
    unsigned char buf[EVP_MAX_MD_SIZE];
    size_t n;
    if (hmac_final(self, buf, &n) < 0)
        return NULL;
    return PyBytes_FromStringAndSize((char *)buf, n);
}

static PyObject *hmac_hexdigest(HMACobject *self, PyObject *unused)
{
    unsigned char buf[EVP_MAX_MD_SIZE];
    size_t n;
    if (hmac_final(self, buf, &n) < 0)
        return NULL;
    return to_hex(buf, n);
}

static PyObject *hmac_get_name(HMACobject *self, void *c)
{
    PyObject *d = digest_name(self->md);
    if (d == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("hmac-%U", d);
    Py_DECREF(d);
    return r;
}

static PyObject *hmac_get_digest_size(HMACobject *self, void *c)
{
    return PyLong_FromLong(EVP_MD_get_size(self->md));
}

static PyObject *hmac_get_block_size(HMACobject *self, void *c)
{
    return PyLong_FromLong(EVP_MD_get_block_size(self->md));
}

static PyObject *hmac_repr(HMACobject *self)
{
    PyObject *d = digest_name(self->md);
    if (d == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("<%U HMAC object @ %p>", d, self);
    Py_DECREF(d);
    return r;
}

static PyMethodDef hmac_methods[] = {
    {"update", (PyCFunction)(void (*)(void))hmac_update, METH_VARARGS | METH_KEYWORDS, "Update the HMAC object with msg."},
    {"digest", (PyCFunction)hmac_digest_m, METH_NOARGS, "Return the digest of the bytes passed to the update() method so far."},
    {"hexdigest", (PyCFunction)hmac_hexdigest, METH_NOARGS, "Return hexadecimal digest of the bytes passed to the update() method so far."},
    {"copy", (PyCFunction)hmac_copy, METH_NOARGS, "Return a copy (\"clone\") of the HMAC object."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef hmac_getset[] = {
    {"name", (getter)hmac_get_name, NULL, NULL, NULL},
    {"digest_size", (getter)hmac_get_digest_size, NULL, NULL, NULL},
    {"block_size", (getter)hmac_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject HMACtype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_hashlib.HMAC",
    .tp_basicsize = sizeof(HMACobject),
    .tp_dealloc = (destructor)hmac_dealloc,
    .tp_repr = (reprfunc)hmac_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = hmac_methods,
    .tp_getset = hmac_getset,
};

/* hmac_digest(key, msg, digest): one-shot HMAC. */
static PyObject *hmac_singleshot(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"key", "msg", "digest", NULL};
    Py_buffer key, msg;
    PyObject *digest, *res = NULL;
    EVP_MD *md = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*y*O:hmac_digest", kwlist, &key, &msg,
                                     &digest))
        return NULL;
    if (key.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "key is too long.");
        goto end;
    }
    if (msg.len > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "msg is too long.");
        goto end;
    }
    md = digest_by_digestmod(digest);
    if (md == NULL)
        goto end;
    EVP_MAC_CTX *ctx = hmac_ctx_new(md, key.buf, key.len);
    unsigned char buf[EVP_MAX_MD_SIZE];
    size_t n;
    if (ctx == NULL || !EVP_MAC_update(ctx, msg.buf, msg.len) ||
        !EVP_MAC_final(ctx, buf, &n, sizeof buf))
        ssl_error(NULL);
    else
        res = PyBytes_FromStringAndSize((char *)buf, n);
    EVP_MAC_CTX_free(ctx);
end:
    EVP_MD_free(md);
    PyBuffer_Release(&key);
    PyBuffer_Release(&msg);
    return res;
}

/* ------------------------------------------------------------ module functions */

static PyObject *hashlib_compare_digest(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("compare_digest", n, 2, 2))
        return NULL;
    return _Py_compare_digest(args[0], args[1]);
}

static PyObject *get_fips_mode(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(EVP_default_properties_is_fips_enabled(NULL));
}

static void name_mapper(EVP_MD *md, void *arg)
{
    PyObject *set = arg;
    if (md == NULL || EVP_MD_get_type(md) == NID_undef || PyErr_Occurred())
        return;
    PyObject *name = digest_name(md);
    if (name == NULL)
        return;
    PySet_Add(set, name);
    Py_DECREF(name);
}

static PyObject *md_meth_names(void)
{
    PyObject *set = PySet_New(NULL);
    if (set == NULL)
        return NULL;
    EVP_MD_do_all_provided(NULL, name_mapper, set);
    if (PyErr_Occurred()) {
        Py_DECREF(set);
        return NULL;
    }
    PyObject *fs = PyFrozenSet_New(set);
    Py_DECREF(set);
    return fs;
}

#define KW (METH_VARARGS | METH_KEYWORDS)
#define CTOR_DEF(name)                                                                      \
    {"openssl_" #name, (PyCFunction)(void (*)(void))openssl_##name, KW,                     \
     "Returns a " #name " hash object; optionally initialized with a string"},

static PyMethodDef hashlib_functions[] = {
    {"new", (PyCFunction)(void (*)(void))hashlib_new, KW, "Return a new hash object using the named algorithm."},
    {"get_fips_mode", get_fips_mode, METH_NOARGS, "Determine the OpenSSL FIPS mode of operation."},
    {"compare_digest", (PyCFunction)(void (*)(void))hashlib_compare_digest, METH_FASTCALL, "Return 'a == b'."},
    {"pbkdf2_hmac", (PyCFunction)(void (*)(void))pbkdf2_hmac, KW, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"scrypt", (PyCFunction)(void (*)(void))hashlib_scrypt, KW, "scrypt password-based key derivation function."},
    {"hmac_digest", (PyCFunction)(void (*)(void))hmac_singleshot, KW, "Single-shot HMAC."},
    {"hmac_new", (PyCFunction)(void (*)(void))hmac_new, KW, "Return a new hmac object."},
    CTOR_DEF(md5) CTOR_DEF(sha1) CTOR_DEF(sha224) CTOR_DEF(sha256) CTOR_DEF(sha384)
    CTOR_DEF(sha512) CTOR_DEF(sha3_224) CTOR_DEF(sha3_256) CTOR_DEF(sha3_384)
    CTOR_DEF(sha3_512) CTOR_DEF(shake_128) CTOR_DEF(shake_256)
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef hashlibmodule = {
    PyModuleDef_HEAD_INIT, "_hashlib", "OpenSSL interface for hashlib module", -1,
    hashlib_functions, NULL, NULL, NULL, NULL,
};

/* Add `value` (a new reference, or NULL on error) to the module, stealing it. */
static int add_steal(PyObject *m, const char *name, PyObject *value)
{
    if (value == NULL)
        return -1;
    int r = PyModule_AddObjectRef(m, name, value);
    Py_DECREF(value);
    return r;
}

/* _constructors: each openssl_* function mapped to its digest name (read-only). */
static int add_constructors(PyObject *m)
{
    if (constructors == NULL) {
        constructors = PyDict_New();
        if (constructors == NULL)
            return -1;
    }
    for (PyMethodDef *d = hashlib_functions; d->ml_name; d++) {
        if (strncmp(d->ml_name, "openssl_", 8) != 0)
            continue;
        PyObject *func = PyObject_GetAttrString(m, d->ml_name);
        PyObject *name = PyUnicode_FromString(d->ml_name + 8);
        int r = func && name ? PyDict_SetItem(constructors, func, name) : -1;
        Py_XDECREF(func);
        Py_XDECREF(name);
        if (r < 0)
            return -1;
    }
    PyObject *proxy = PyDictProxy_New(constructors);
    if (proxy == NULL)
        return -1;
    return add_steal(m, "_constructors", proxy);
}

PyObject *PyInit__hashlib(void)
{
    if (PyType_Ready(&EVPtype) < 0 || PyType_Ready(&EVPXOFtype) < 0 ||
        PyType_Ready(&HMACtype) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&hashlibmodule);
    if (m == NULL)
        return NULL;
    if (UnsupportedDigestmodError == NULL) {
        UnsupportedDigestmodError = PyErr_NewException("_hashlib.UnsupportedDigestmodError",
                                                       PyExc_ValueError, NULL);
        if (UnsupportedDigestmodError == NULL)
            goto fail;
    }
    if (PyModule_AddObjectRef(m, "UnsupportedDigestmodError", UnsupportedDigestmodError) < 0 ||
        PyModule_AddObjectRef(m, "HASH", (PyObject *)&EVPtype) < 0 ||
        PyModule_AddObjectRef(m, "HASHXOF", (PyObject *)&EVPXOFtype) < 0 ||
        PyModule_AddObjectRef(m, "HMAC", (PyObject *)&HMACtype) < 0 ||
        add_steal(m, "openssl_md_meth_names", md_meth_names()) < 0 ||
        add_constructors(m) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
