/* dynload.c — C extension modules loaded from shared objects: _imp.create_dynamic /
 * exec_dynamic / extension_suffixes, the table of loaded single-phase extensions, and
 * PyState_AddModule / FindModule / RemoveModule.  Owner: dynload.
 *
 * Design (CPython 3.11's importdl.c + dynload_shlib.c + the extension parts of import.c):
 * - importlib's ExtensionFileLoader finds <name><suffix> on sys.path, where the only suffix
 *   is Krait's own (KRAIT_EXT_SUFFIX, ".krait-311-<arch>-linux-gnu.so"): CPython's modules
 *   in lib-dynload/dist-packages are never dlopen()ed (their ABI is CPython's, not Krait's).
 * - create_dynamic(spec) dlopen()s spec.origin with sys.getdlopenflags() and calls
 *   PyInit_<last name component> (PyInitU_<punycode> for a non-ASCII name).  The shared
 *   object resolves the C API against the krait executable, which exports its Py and _Py
 *   symbols (tools/exports.dynlist).
 * - The init function either returns a PyModuleDef (multi-phase, PEP 489: the module is
 *   made here by PyModule_FromDefAndSpec and exec_dynamic runs its Py_mod_exec slots) or a
 *   ready module (single-phase).  A single-phase module is recorded under (path, name):
 *   importing it again after `del sys.modules[name]` reuses the def instead of calling the
 *   init function again (m_size == -1: a fresh module with a copy of the first one's dict,
 *   kept in def->m_base.m_copy; otherwise m_init is called again), as CPython does.
 * - Handles are never dlclose()d (CPython neither): a def or type may outlive its module. */
#include "Python.h"
#include "dynload.h"
#include <dlfcn.h>

const char *_Py_PackageContext = NULL;

/* (path, name) -> PyLong(PyModuleDef *) for the single-phase modules loaded so far. */
static PyObject *extensions = NULL;

/* PyState_FindModule's table: index def->m_base.m_index -> the module (or None). */
static PyObject *modules_by_index = NULL;

/* ---- PyState_*Module: single-phase modules found again from their def ---- */

PyObject *PyState_FindModule(PyModuleDef *module)
{
    Py_ssize_t index = module->m_base.m_index;
    if (module->m_slots)
        return NULL;
    if (index == 0 || modules_by_index == NULL ||
        index >= PyList_GET_SIZE(modules_by_index))
        return NULL;
    PyObject *res = PyList_GET_ITEM(modules_by_index, index);
    return res == Py_None ? NULL : res;   /* borrowed, as in CPython */
}

static int state_add_module(PyObject *module, PyModuleDef *def)
{
    if (def->m_slots) {
        PyErr_SetString(PyExc_SystemError,
                        "PyState_AddModule called on module with slots");
        return -1;
    }
    if (modules_by_index == NULL && (modules_by_index = PyList_New(0)) == NULL)
        return -1;
    Py_ssize_t index = def->m_base.m_index;
    while (PyList_GET_SIZE(modules_by_index) <= index)
        if (PyList_Append(modules_by_index, Py_None) < 0)
            return -1;
    return PyList_SetItem(modules_by_index, index, Py_NewRef(module));
}

int PyState_AddModule(PyObject *module, PyModuleDef *def)
{
    if (def == NULL) {
        PyErr_SetString(PyExc_SystemError, "module definition is NULL");
        return -1;
    }
    Py_ssize_t index = def->m_base.m_index;
    if (modules_by_index && index > 0 && index < PyList_GET_SIZE(modules_by_index) &&
        PyList_GET_ITEM(modules_by_index, index) == module) {
        PyErr_Format(PyExc_SystemError, "module %p already added", module);
        return -1;
    }
    return state_add_module(module, def);
}

int PyState_RemoveModule(PyModuleDef *def)
{
    if (def->m_slots) {
        PyErr_SetString(PyExc_SystemError,
                        "PyState_RemoveModule called on module with slots");
        return -1;
    }
    Py_ssize_t index = def->m_base.m_index;
    if (index == 0) {
        PyErr_SetString(PyExc_SystemError, "invalid module index");
        return -1;
    }
    if (modules_by_index == NULL || index >= PyList_GET_SIZE(modules_by_index)) {
        PyErr_SetString(PyExc_SystemError, "Module index out of bounds.");
        return -1;
    }
    return PyList_SetItem(modules_by_index, index, Py_NewRef(Py_None));
}

/* ---- the table of loaded single-phase extensions ---- */

/* sys.modules[name] = mod, and remember def (and for m_size == -1 a copy of its dict). */
static int fixup_extension(PyObject *mod, PyObject *name, PyObject *path)
{
    PyModuleDef *def = PyModule_GetDef(mod);
    if (def == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (PyObject_SetItem(PyImport_GetModuleDict(), name, mod) < 0)
        return -1;
    if (state_add_module(mod, def) < 0) {
        PyMapping_DelItem(PyImport_GetModuleDict(), name);
        return -1;
    }
    if (def->m_size == -1) {
        Py_CLEAR(def->m_base.m_copy);
        def->m_base.m_copy = PyDict_Copy(PyModule_GetDict(mod));
        if (def->m_base.m_copy == NULL)
            return -1;
    }
    if (extensions == NULL && (extensions = PyDict_New()) == NULL)
        return -1;
    PyObject *key = PyTuple_Pack(2, path, name);
    PyObject *val = key ? PyLong_FromVoidPtr(def) : NULL;
    int r = val ? PyDict_SetItem(extensions, key, val) : -1;
    Py_XDECREF(key);
    Py_XDECREF(val);
    return r;
}

/* A single-phase module imported before from the same file: a new module from the
 * recorded def, also put in sys.modules.  NULL without an exception if there is none. */
static PyObject *find_extension(PyObject *name, PyObject *path)
{
    if (extensions == NULL)
        return NULL;
    PyObject *key = PyTuple_Pack(2, path, name);
    if (key == NULL)
        return NULL;
    PyObject *val = PyDict_GetItemWithError(extensions, key);
    Py_DECREF(key);
    if (val == NULL)
        return NULL;
    PyModuleDef *def = PyLong_AsVoidPtr(val);
    PyObject *mod, *modules = PyImport_GetModuleDict();
    if (def->m_size == -1) {
        if (def->m_base.m_copy == NULL)
            return NULL;
        mod = PyModule_NewObject(name);
        if (mod == NULL)
            return NULL;
        if (PyDict_Update(PyModule_GetDict(mod), def->m_base.m_copy) < 0 ||
            PyObject_SetItem(modules, name, mod) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
    } else {
        if (def->m_base.m_init == NULL)
            return NULL;
        mod = def->m_base.m_init();
        if (mod == NULL)
            return NULL;
        if (PyObject_SetItem(modules, name, mod) < 0) {
            Py_DECREF(mod);
            return NULL;
        }
    }
    if (state_add_module(mod, def) < 0) {
        PyMapping_DelItem(modules, name);
        Py_DECREF(mod);
        return NULL;
    }
    if (_PyInterpreterState_GET()->config.verbose)
        PySys_FormatStderr("import %U # previously loaded (%R)\n", name, path);
    return mod;
}

/* ---- dlopen ---- */

/* The last component of the dotted name, encoded for the PyInit_ symbol: ASCII as it is
 * ("PyInit"), otherwise punycode ("PyInitU"); '-' becomes '_' in both. */
static PyObject *encoded_name(PyObject *name, const char **hook_prefix)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, -1);
    if (dot == -2)
        return NULL;
    PyObject *tail = dot >= 0 ? PyUnicode_Substring(name, dot + 1, len) : Py_NewRef(name);
    if (tail == NULL)
        return NULL;
    *hook_prefix = "PyInit";
    PyObject *enc = PyUnicode_AsEncodedString(tail, "ascii", NULL);
    if (enc == NULL && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        PyErr_Clear();
        *hook_prefix = "PyInitU";
        enc = PyUnicode_AsEncodedString(tail, "punycode", NULL);
    }
    Py_DECREF(tail);
    if (enc == NULL)
        return NULL;
    PyObject *fixed = PyBytes_FromStringAndSize(PyBytes_AS_STRING(enc), PyBytes_GET_SIZE(enc));
    Py_DECREF(enc);
    if (fixed == NULL)
        return NULL;
    for (char *p = PyBytes_AS_STRING(fixed); *p; p++)
        if (*p == '-')
            *p = '_';
    return fixed;
}

static int dlopen_flags(void)
{
    PyObject *f = PySys_GetObject("getdlopenflags");
    PyObject *v = f ? PyObject_CallNoArgs(f) : NULL;
    int flags = v ? _PyLong_AsInt(v) : -1;
    Py_XDECREF(v);
    if (flags == -1) {
        PyErr_Clear();
        flags = RTLD_NOW;
    }
    return flags;
}

typedef PyObject *(*initfunc)(void);

/* dlopen() the file and find <hook_prefix>_<shortname>; NULL with ImportError set for a
 * file dlopen() rejects, NULL without an exception for a missing symbol. */
static initfunc find_init(const char *hook_prefix, const char *shortname, PyObject *path)
{
    PyObject *pathbytes = PyUnicode_EncodeFSDefault(path);
    if (pathbytes == NULL)
        return NULL;
    /* a bare file name would make dlopen() search LD_LIBRARY_PATH: "./" keeps it local */
    const char *p = PyBytes_AS_STRING(pathbytes);
    PyObject *full = strchr(p, '/') ? Py_NewRef(pathbytes) : PyBytes_FromFormat("./%s", p);
    Py_DECREF(pathbytes);
    if (full == NULL)
        return NULL;
    char funcname[258];
    snprintf(funcname, sizeof(funcname), "%.20s_%.200s", hook_prefix, shortname);
    void *handle = dlopen(PyBytes_AS_STRING(full), dlopen_flags());
    if (handle == NULL) {
        const char *error = dlerror();
        PyObject *msg = PyUnicode_DecodeLocale(error ? error : "unknown dlopen() error",
                                               "surrogateescape");
        PyObject *modname = PyUnicode_FromString(shortname);
        PyObject *upath = PyUnicode_DecodeFSDefault(PyBytes_AS_STRING(full));
        if (msg && modname && upath)
            PyErr_SetImportError(msg, modname, upath);
        Py_XDECREF(msg);
        Py_XDECREF(modname);
        Py_XDECREF(upath);
        Py_DECREF(full);
        return NULL;
    }
    Py_DECREF(full);
    initfunc f;
    void *sym = dlsym(handle, funcname);
    memcpy(&f, &sym, sizeof(f));   /* object pointer to function pointer, as POSIX allows */
    return f;
}

/* Calls the init function with the package context set; checks what it returned. */
static PyObject *run_init(initfunc init, PyObject *name, const char *shortname)
{
    const char *oldcontext = _Py_PackageContext;
    _Py_PackageContext = PyUnicode_AsUTF8(name);
    if (_Py_PackageContext == NULL) {
        _Py_PackageContext = oldcontext;
        return NULL;
    }
    PyObject *m = init();
    _Py_PackageContext = oldcontext;
    if (m == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_SystemError,
                         "initialization of %s failed without raising an exception",
                         shortname);
        return NULL;
    }
    if (PyErr_Occurred()) {
        /* CPython 3.11 replaces the stray exception (no __cause__) */
        PyErr_Clear();
        PyErr_Format(PyExc_SystemError, "initialization of %s raised unreported exception",
                     shortname);
        return NULL;   /* m is leaked on purpose: it may be in an inconsistent state */
    }
    if (Py_TYPE(m) == NULL) {
        /* a PyModuleDef returned without PyModuleDef_Init() */
        PyErr_Format(PyExc_SystemError, "init function of %s returned uninitialized object",
                     shortname);
        return NULL;
    }
    return m;
}

/* _imp.create_dynamic(spec, file=None): the module for spec (multi-phase: not yet
 * executed).  `file` only matters on Windows in CPython; it is accepted and unused. */
PyObject *_PyImport_CreateDynamic(PyObject *spec, PyObject *file)
{
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL)
        return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "spec.name must be a string");
        Py_DECREF(name);
        return NULL;
    }
    PyObject *path = PyObject_GetAttrString(spec, "origin");
    if (path == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    PyObject *m = find_extension(name, path);
    if (m != NULL || PyErr_Occurred())
        goto done;
    const char *hook_prefix;
    PyObject *short_bytes = encoded_name(name, &hook_prefix);
    if (short_bytes == NULL)
        goto done;
    const char *shortname = PyBytes_AS_STRING(short_bytes);
    if (PySys_Audit("import", "OOOOO", name, path, Py_None, Py_None, Py_None) < 0)
        goto done_short;
    initfunc init = find_init(hook_prefix, shortname, path);
    if (init == NULL) {
        if (!PyErr_Occurred()) {
            PyObject *msg = PyUnicode_FromFormat(
                "dynamic module does not define module export function (%s_%s)",
                hook_prefix, shortname);
            if (msg != NULL) {
                PyErr_SetImportError(msg, name, path);
                Py_DECREF(msg);
            }
        }
        goto done_short;
    }
    m = run_init(init, name, shortname);
    if (m == NULL)
        goto done_short;
    if (PyObject_TypeCheck(m, &PyModuleDef_Type)) {
        /* multi-phase: m is the def, owned by the shared object */
        m = PyModule_FromDefAndSpec((PyModuleDef *)m, spec);
        goto done_short;
    }
    if (strcmp(hook_prefix, "PyInitU") == 0) {
        /* single-phase init is not allowed for non-ASCII names */
        PyErr_Format(PyExc_SystemError, "initialization of %s did not return PyModuleDef",
                     shortname);
        Py_CLEAR(m);
        goto done_short;
    }
    PyModuleDef *def = PyModule_Check(m) ? PyModule_GetDef(m) : NULL;
    if (def == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_SystemError,
                     "initialization of %s did not return an extension module", shortname);
        Py_CLEAR(m);
        goto done_short;
    }
    def->m_base.m_init = init;
    if (PyModule_AddObjectRef(m, "__file__", path) < 0)
        PyErr_Clear();   /* not important enough to report, as in CPython */
    if (fixup_extension(m, name, path) < 0)
        Py_CLEAR(m);
done_short:
    Py_DECREF(short_bytes);
done:
    Py_DECREF(name);
    Py_DECREF(path);
    return m;
}

/* _imp.exec_dynamic(mod): runs a multi-phase module's Py_mod_exec slots, once. */
int _PyImport_ExecDynamic(PyObject *mod)
{
    if (!PyModule_Check(mod))
        return 0;
    PyModuleDef *def = PyModule_GetDef(mod);
    if (def == NULL)
        return 0;
    if (PyModule_GetState(mod) != NULL)
        return 0;   /* already executed: reload() does not run the slots again */
    return PyModule_ExecDef(mod, def);
}

PyObject *_PyImport_ExtensionSuffixes(void)
{
    PyObject *list = PyList_New(1);
    PyObject *s = list ? PyUnicode_FromString(KRAIT_EXT_SUFFIX) : NULL;
    if (s == NULL) {
        Py_XDECREF(list);
        return NULL;
    }
    PyList_SET_ITEM(list, 0, s);
    return list;
}

/* At finalisation: forget the modules and the dict copies (the defs stay mapped). */
void _PyImport_FiniDynamic(void)
{
    if (extensions != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *val;
        while (PyDict_Next(extensions, &pos, &key, &val)) {
            PyModuleDef *def = PyLong_AsVoidPtr(val);
            Py_CLEAR(def->m_base.m_copy);
        }
        Py_CLEAR(extensions);
    }
    Py_CLEAR(modules_by_index);
}
