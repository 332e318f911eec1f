/* impmodule.c — the `_imp` module: the hooks importlib's bootstrap calls into (import
 * lock, built-in module creation, frozen-module queries, _fix_co_filename).  Krait's
 * frozen modules (importlib's bootstrap, compiled from source and cached) and the rest of
 * the import system live in src/runtime/import.c; extension modules (shared objects) are
 * loaded by src/runtime/dynload.c. */
#include "Python.h"
#include "code.h"
#include "dynload.h"

/* The import lock (imp.acquire_lock, importlib's module-lock table, os.fork): a lock that
 * its owning thread may take again.  Waiting drops the GIL, so that the owner can finish. */
#ifndef PYTHREAD_INVALID_THREAD_ID
#define PYTHREAD_INVALID_THREAD_ID ((unsigned long)-1)
#endif
static PyThread_type_lock import_lock;
static unsigned long import_lock_thread = PYTHREAD_INVALID_THREAD_ID;
static long import_lock_level = 0;

void _PyImport_AcquireLock(void)
{
    unsigned long me = PyThread_get_thread_ident();
    if (import_lock == NULL && (import_lock = PyThread_allocate_lock()) == NULL)
        return;   /* out of memory: run unlocked, as CPython does */
    if (import_lock_thread == me) {
        import_lock_level++;
        return;
    }
    if (import_lock_thread != PYTHREAD_INVALID_THREAD_ID ||
        !PyThread_acquire_lock(import_lock, NOWAIT_LOCK)) {
        Py_BEGIN_ALLOW_THREADS
        PyThread_acquire_lock(import_lock, WAIT_LOCK);
        Py_END_ALLOW_THREADS
    }
    import_lock_thread = me;
    import_lock_level = 1;
}

/* 1: released, -1: this thread does not hold it. */
int _PyImport_ReleaseLock(void)
{
    if (import_lock == NULL || import_lock_thread != PyThread_get_thread_ident())
        return -1;
    if (--import_lock_level == 0) {
        import_lock_thread = PYTHREAD_INVALID_THREAD_ID;
        PyThread_release_lock(import_lock);
    }
    return 1;
}

/* In a forked child: only the forking thread survives.  A lock it held (os.fork during an
 * import) stays held by it with one level less (its PyOS_BeforeFork level); otherwise free. */
void _PyImport_ReInitLock(void)
{
    if (import_lock == NULL)
        return;
    import_lock = PyThread_allocate_lock();
    if (import_lock == NULL)
        return;
    if (import_lock_level > 1) {
        PyThread_acquire_lock(import_lock, WAIT_LOCK);
        import_lock_thread = PyThread_get_thread_ident();
        import_lock_level--;
    } else {
        import_lock_thread = PYTHREAD_INVALID_THREAD_ID;
        import_lock_level = 0;
    }
}

static PyObject *imp_lock_held(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(import_lock_thread != PYTHREAD_INVALID_THREAD_ID);
}

static PyObject *imp_acquire_lock(PyObject *self, PyObject *unused)
{
    _PyImport_AcquireLock();
    Py_RETURN_NONE;
}

static PyObject *imp_release_lock(PyObject *self, PyObject *unused)
{
    if (_PyImport_ReleaseLock() < 0) {
        PyErr_SetString(PyExc_RuntimeError, "not holding the import lock");
        return NULL;
    }
    Py_RETURN_NONE;
}

/* 1: a built-in that can be (re)initialised, -1: one that cannot (sys, builtins), 0: no. */
static PyObject *imp_is_builtin(PyObject *self, PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "is_builtin() argument must be str, not %.200s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL) {
        /* not encodable (a lone surrogate): no built-in module has that name */
        PyErr_Clear();
        return PyLong_FromLong(0);
    }
    return PyLong_FromLong(_PyImport_IsBuiltin(s));
}

static PyObject *imp_create_builtin(PyObject *self, PyObject *spec)
{
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL)
        return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "name must be string, not %.200s",
                     Py_TYPE(name)->tp_name);
        Py_DECREF(name);
        return NULL;
    }
    /* An already-initialised built-in (e.g. sys) is handed back as it is. */
    PyObject *mod = PyImport_GetModule(name);
    if (mod == NULL && !PyErr_Occurred())
        mod = _PyImport_CreateBuiltin(name);
    Py_DECREF(name);
    return mod;
}

/* Built-ins are fully executed by create_builtin; nothing is left to do here. */
static PyObject *imp_exec_builtin(PyObject *self, PyObject *mod)
{
    return PyLong_FromLong(0);
}

/* Multi-phase extension modules run their Py_mod_exec slots here (src/runtime/dynload.c). */
static PyObject *imp_exec_dynamic(PyObject *self, PyObject *mod)
{
    int r = _PyImport_ExecDynamic(mod);
    return r < 0 ? NULL : PyLong_FromLong(r);
}

static PyObject *imp_create_dynamic(PyObject *self, PyObject *args)
{
    PyObject *spec, *file = NULL;
    if (!PyArg_UnpackTuple(args, "create_dynamic", 1, 2, &spec, &file))
        return NULL;
    return _PyImport_CreateDynamic(spec, file);
}

static PyObject *imp_extension_suffixes(PyObject *self, PyObject *unused)
{
    return _PyImport_ExtensionSuffixes();
}

/* ---- frozen modules: importlib's bootstrap and zipimport (src/runtime/import.c) ---- */

static PyObject *imp_is_frozen(PyObject *self, PyObject *name)
{
    return PyBool_FromLong(_PyImport_IsFrozen(name));
}

static PyObject *imp_find_frozen(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"", "withdata", NULL};
    PyObject *name;
    int withdata = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "U|$p:find_frozen", kwlist, &name,
                                     &withdata))
        return NULL;
    return _PyImport_FindFrozen(name);
}

static PyObject *imp_get_frozen_object(PyObject *self, PyObject *args)
{
    PyObject *name, *data = Py_None;
    if (!PyArg_ParseTuple(args, "U|O:get_frozen_object", &name, &data))
        return NULL;
    return _PyImport_GetFrozenObject(name);
}

static PyObject *imp_is_frozen_package(PyObject *self, PyObject *name)
{
    int r = _PyImport_IsFrozenPackage(name);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *imp_init_frozen(PyObject *self, PyObject *name)
{
    int r = PyImport_ImportFrozenModuleObject(name);
    if (r < 0)
        return NULL;
    if (r == 0)
        Py_RETURN_NONE;
    return PyImport_GetModule(name);
}

static PyObject *imp_frozen_module_names(PyObject *self, PyObject *unused)
{
    return _PyImport_FrozenModuleNames();
}

static PyObject *imp_override_frozen(PyObject *self, PyObject *override)
{
    int v = _PyLong_AsInt(override);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    _PyImport_OverrideFrozenModules(v);
    Py_RETURN_NONE;
}

/* ---- code objects ---- */

/* Replace co_filename in co and the code objects nested in its constants. */
static void fix_co_filename(PyCodeObject *co, PyObject *oldname, PyObject *newname)
{
    if (PyUnicode_Compare(co->co_filename, oldname) != 0)
        return;
    Py_SETREF(co->co_filename, Py_NewRef(newname));
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(co->co_consts); i++) {
        PyObject *c = PyTuple_GET_ITEM(co->co_consts, i);
        if (PyCode_Check(c))
            fix_co_filename((PyCodeObject *)c, oldname, newname);
    }
}

static PyObject *imp_fix_co_filename(PyObject *self, PyObject *args)
{
    PyObject *code, *path;
    if (!PyArg_ParseTuple(args, "O!U:_fix_co_filename", &PyCode_Type, &code, &path))
        return NULL;
    PyCodeObject *co = (PyCodeObject *)code;
    if (PyUnicode_Compare(co->co_filename, path) != 0) {
        PyObject *old = Py_NewRef(co->co_filename);
        fix_co_filename(co, old, path);
        Py_DECREF(old);
    }
    Py_RETURN_NONE;
}

/* SipHash-1-3 keyed with (key, 0), as CPython's _Py_KeyedHash: used for hash-based pycs. */
#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3)                                                      \
    do {                                                                              \
        v0 += v1; v1 = ROTL(v1, 13); v1 ^= v0; v0 = ROTL(v0, 32);                     \
        v2 += v3; v3 = ROTL(v3, 16); v3 ^= v2;                                        \
        v0 += v3; v3 = ROTL(v3, 21); v3 ^= v0;                                        \
        v2 += v1; v1 = ROTL(v1, 17); v1 ^= v2; v2 = ROTL(v2, 32);                     \
    } while (0)

static uint64_t keyed_hash(uint64_t k0, const unsigned char *in, Py_ssize_t len)
{
    uint64_t k1 = 0, b = (uint64_t)len << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL, v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
    for (; len >= 8; len -= 8, in += 8) {
        uint64_t m;
        memcpy(&m, in, 8);   /* little-endian host assumed, as everywhere in Krait */
        v3 ^= m;
        SIPROUND(v0, v1, v2, v3);
        v0 ^= m;
    }
    uint64_t t = 0;
    for (Py_ssize_t i = 0; i < len; i++)
        t |= (uint64_t)in[i] << (8 * i);
    b |= t;
    v3 ^= b;
    SIPROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    SIPROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

static PyObject *imp_source_hash(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"key", "source", NULL};
    long key;
    Py_buffer source;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "ly*:source_hash", kwlist, &key, &source))
        return NULL;
    uint64_t h = keyed_hash((uint64_t)key, source.buf, source.len);
    PyBuffer_Release(&source);
    return PyBytes_FromStringAndSize((const char *)&h, sizeof(h));
}

static PyMethodDef imp_methods[] = {
    {"lock_held", imp_lock_held, METH_NOARGS, NULL},
    {"acquire_lock", imp_acquire_lock, METH_NOARGS, NULL},
    {"release_lock", imp_release_lock, METH_NOARGS, NULL},
    {"is_builtin", imp_is_builtin, METH_O, NULL},
    {"create_builtin", imp_create_builtin, METH_O, NULL},
    {"exec_builtin", imp_exec_builtin, METH_O, NULL},
    {"create_dynamic", imp_create_dynamic, METH_VARARGS, NULL},
    {"exec_dynamic", imp_exec_dynamic, METH_O, NULL},
    {"extension_suffixes", imp_extension_suffixes, METH_NOARGS, NULL},
    {"is_frozen", imp_is_frozen, METH_O, NULL},
    {"find_frozen", (PyCFunction)(void (*)(void))imp_find_frozen,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {"get_frozen_object", imp_get_frozen_object, METH_VARARGS, NULL},
    {"is_frozen_package", imp_is_frozen_package, METH_O, NULL},
    {"init_frozen", imp_init_frozen, METH_O, NULL},
    {"_frozen_module_names", imp_frozen_module_names, METH_NOARGS, NULL},
    {"_override_frozen_modules_for_tests", imp_override_frozen, METH_O, NULL},
    {"_fix_co_filename", imp_fix_co_filename, METH_VARARGS, NULL},
    {"source_hash", (PyCFunction)(void (*)(void))imp_source_hash,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef imp_module = {
    PyModuleDef_HEAD_INIT, "_imp", "(Extremely) low-level import machinery bits as used by "
    "importlib and imp.", -1, imp_methods,
};

PyObject *PyInit__imp(void)
{
    PyObject *m = PyModule_Create(&imp_module);
    if (m == NULL)
        return NULL;
    const char *opt = _PyInterpreterState_GET()->config.check_hash_pycs_mode;
    PyObject *mode = PyUnicode_FromString(opt ? opt : "default");
    if (PyModule_AddObject(m, "check_hash_based_pycs", mode) < 0) {
        Py_XDECREF(mode);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
