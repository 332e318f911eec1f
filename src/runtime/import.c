/* import.c — the import system: sys.modules, built-in modules (config.c's table), the
 * "frozen" modules (importlib's _bootstrap/_bootstrap_external/zipimport, compiled from the
 * stdlib's sources and cached in Krait's own .pyc files), installing importlib at start-up
 * and the C side of `import` (fast path for sys.modules, else _bootstrap._find_and_load).
 * A small C path finder loads .py files only until importlib is installed.  The start-up
 * sys.path (with <exe dir>/lib-dynload) is computed here; extension modules: dynload.c. */
#include "Python.h"
#include "code.h"
#include "frameobject.h"
#include "opcode.h"
#include "dynload.h"
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>

PyObject *PyMarshal_WriteObjectToString(PyObject *v, int version);   /* marshal.c */
PyObject *PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len);

/* The host's pure-Python standard library (sys._stdlib_dir). */

struct _inittab *PyImport_Inittab = _PyImport_Inittab;
static struct _inittab *inittab_copy = NULL;

/* Names of modules whose code is running right now (for circular-import messages). */
static PyObject *importing = NULL;

PyObject *PyImport_GetModuleDict(void)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->modules == NULL)
        Py_FatalError("interpreter has no modules dictionary");
    return interp->modules;
}

PyObject *PyImport_GetModule(PyObject *name)
{
    PyObject *modules = _PyInterpreterState_GET()->modules;
    if (modules == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "unable to get sys.modules");
        return NULL;
    }
    PyObject *m = PyDict_GetItemWithError(modules, name);
    return Py_XNewRef(m);
}

PyObject *PyImport_AddModuleObject(PyObject *name)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *m = PyDict_GetItemWithError(modules, name);
    if (m != NULL && PyModule_Check(m))
        return m;
    if (PyErr_Occurred())
        return NULL;
    m = PyModule_NewObject(name);
    if (m == NULL)
        return NULL;
    if (PyDict_SetItem(modules, name, m) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(m);   /* sys.modules keeps it alive */
    return m;
}

PyObject *PyImport_AddModule(const char *name)
{
    PyObject *nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL)
        return NULL;
    PyObject *m = PyImport_AddModuleObject(nameobj);
    Py_DECREF(nameobj);
    return m;
}

int _PyImport_FixupBuiltin(PyObject *mod, const char *name, PyObject *modules)
{
    return PyDict_SetItemString(modules, name, mod);
}

int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void))
{
    size_t n = 0;
    while (PyImport_Inittab[n].name)
        n++;
    struct _inittab *p = realloc(inittab_copy, (n + 2) * sizeof(struct _inittab));
    if (p == NULL)
        return -1;
    if (inittab_copy == NULL)
        memcpy(p, PyImport_Inittab, n * sizeof(struct _inittab));
    p[n].name = name;
    p[n].initfunc = initfunc;
    p[n + 1].name = NULL;
    p[n + 1].initfunc = NULL;
    PyImport_Inittab = inittab_copy = p;
    return 0;
}

int _PyImport_IsBuiltin(const char *name)
{
    for (struct _inittab *p = PyImport_Inittab; p->name; p++)
        if (strcmp(p->name, name) == 0)
            return p->initfunc ? 1 : -1;
    return 0;
}

/* A module spec: a SimpleNamespace with ModuleSpec's attributes (importlib replaces it). */
static PyObject *make_spec(PyObject *name, PyObject *origin, PyObject *search_locations,
                           PyObject *cached, int has_location)
{
    PyObject *parent;
    if (search_locations != NULL) {
        parent = Py_NewRef(name);
    } else {
        Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), -1);
        parent = dot >= 0 ? PyUnicode_Substring(name, 0, dot) : PyUnicode_FromString("");
    }
    if (parent == NULL)
        return NULL;
    PyObject *kw = Py_BuildValue("{s:O,s:O,s:O,s:O,s:O,s:O,s:O,s:O}", "name", name, "loader",
                                 Py_None, "origin", origin ? origin : Py_None,
                                 "submodule_search_locations",
                                 search_locations ? search_locations : Py_None,
                                 "cached", cached ? cached : Py_None, "parent", parent,
                                 "has_location", has_location ? Py_True : Py_False,
                                 "loader_state", Py_None);
    Py_DECREF(parent);
    if (kw == NULL)
        return NULL;
    PyObject *spec = _PyNamespace_New(kw);
    Py_DECREF(kw);
    return spec;
}

PyObject *_PyImport_CreateBuiltin(PyObject *name)
{
    const char *cname = PyUnicode_AsUTF8(name);
    if (cname == NULL)
        return NULL;
    for (struct _inittab *p = PyImport_Inittab; p->name; p++) {
        if (strcmp(p->name, cname) != 0)
            continue;
        if (p->initfunc == NULL) {
            PyObject *m = PyImport_GetModule(name);
            if (m == NULL && !PyErr_Occurred())
                PyErr_Format(PyExc_ImportError, "Cannot re-init internal module %R", name);
            return m;
        }
        PyObject *mod = p->initfunc();
        if (mod == NULL)
            return NULL;
        if (PyObject_TypeCheck(mod, &PyModuleDef_Type)) {
            /* multi-phase initialisation (PEP 489) */
            PyModuleDef *def = (PyModuleDef *)mod;
            PyObject *spec = make_spec(name, NULL, NULL, NULL, 0);
            if (spec == NULL)
                return NULL;
            PyObject *origin = PyUnicode_FromString("built-in");
            if (origin) {
                PyObject_SetAttrString(spec, "origin", origin);
                Py_DECREF(origin);
            }
            mod = PyModule_FromDefAndSpec(def, spec);
            Py_DECREF(spec);
            if (mod == NULL)
                return NULL;
            if (PyModule_Check(mod) && PyModule_ExecDef(mod, def) < 0) {
                Py_DECREF(mod);
                return NULL;
            }
        }
        return mod;
    }
    PyErr_Format(PyExc_ModuleNotFoundError, "No module named %R", name);
    return NULL;
}

/* ---- the path finder ---- */

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Looks for `tail` (last name component) in the directories of `path` (a list).
 * Returns the source file (new ref) or NULL; *pkgdir set for packages. */
/* The directory a sys.path entry names, absolute as importlib's FileFinder makes it
 * ("" and "." are the current directory; trailing slashes dropped as _path_join does). */
static int entry_dir(const char *entry, char *buf, size_t size)
{
    char cwd[4096];
    int r;
    if (*entry == '/') {
        r = snprintf(buf, size, "%s", entry);
    } else {
        if (getcwd(cwd, sizeof(cwd)) == NULL)
            return -1;
        if (*entry == '\0' || strcmp(entry, ".") == 0)
            r = snprintf(buf, size, "%s", cwd);
        else
            r = snprintf(buf, size, "%s/%s", cwd, entry);
    }
    if (r < 0 || (size_t)r >= size)
        return -1;
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '/')
        buf[--n] = '\0';
    return 0;
}

static PyObject *find_in_path(PyObject *tail, PyObject *path, PyObject **pkgdir)
{
    *pkgdir = NULL;
    if (path == NULL || !PyList_Check(path))
        return NULL;
    /* names and path entries in the filesystem encoding (surrogateescape), as os does */
    PyObject *tbytes = PyUnicode_EncodeFSDefault(tail);
    if (tbytes == NULL)
        return NULL;
    const char *t = PyBytes_AS_STRING(tbytes);
    PyObject *snapshot = PyList_GetSlice(path, 0, PyList_GET_SIZE(path));
    if (snapshot == NULL) {
        Py_DECREF(tbytes);
        return NULL;
    }
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(snapshot) && result == NULL; i++) {
        PyObject *entry = PyList_GET_ITEM(snapshot, i);
        if (!PyUnicode_Check(entry))
            continue;
        PyObject *ebytes = PyUnicode_EncodeFSDefault(entry);
        char d[4096];
        if (ebytes == NULL || entry_dir(PyBytes_AS_STRING(ebytes), d, sizeof(d)) < 0) {
            Py_XDECREF(ebytes);
            PyErr_Clear();
            continue;
        }
        Py_DECREF(ebytes);
        const char *sep = strcmp(d, "/") == 0 ? "" : "/";
        char buf[4400];
        snprintf(buf, sizeof(buf), "%s%s%s", d, sep, t);
        if (is_dir(buf)) {
            char init[4500];
            snprintf(init, sizeof(init), "%s/__init__.py", buf);
            if (is_file(init)) {
                *pkgdir = PyUnicode_DecodeFSDefault(buf);
                result = PyUnicode_DecodeFSDefault(init);
                break;
            }
        }
        snprintf(buf, sizeof(buf), "%s%s%s.py", d, sep, t);
        if (is_file(buf))
            result = PyUnicode_DecodeFSDefault(buf);
    }
    Py_DECREF(snapshot);
    Py_DECREF(tbytes);
    return result;
}

/* dir/__pycache__/name.krait-311.pyc, as importlib.util.cache_from_source would say. */
static PyObject *cache_from_source(PyObject *file)
{
    PyObject *fbytes = PyUnicode_EncodeFSDefault(file);
    if (fbytes == NULL)
        return NULL;
    const char *f = PyBytes_AS_STRING(fbytes);
    const char *slash = strrchr(f, '/');
    const char *base = slash ? slash + 1 : f;
    size_t blen = strlen(base);
    if (blen > 3 && strcmp(base + blen - 3, ".py") == 0)
        blen -= 3;
    PyObject *cached = PyBytes_FromFormat("%.*s__pycache__/%.*s.krait-311.pyc",
                                          (int)(slash ? slash - f + 1 : 0), f, (int)blen, base);
    Py_DECREF(fbytes);
    if (cached == NULL)
        return NULL;
    PyObject *r = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(cached), PyBytes_GET_SIZE(cached));
    Py_DECREF(cached);
    return r;
}

PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname,
                                        PyObject *cpathname)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *m = PyImport_AddModuleObject(name);
    if (m == NULL)
        return NULL;
    Py_INCREF(m);
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_GetItemString(d, "__builtins__") == NULL &&
        PyDict_SetItemString(d, "__builtins__", _PyInterpreterState_GET()->builtins) < 0)
        goto error;
    if (pathname != NULL && PyDict_SetItemString(d, "__file__", pathname) < 0)
        goto error;
    if (cpathname != NULL && PyDict_SetItemString(d, "__cached__", cpathname) < 0)
        goto error;
    PyObject *v = PyEval_EvalCode(co, d, d);
    if (v == NULL)
        goto error;
    Py_DECREF(v);
    PyObject *res = PyDict_GetItemWithError(modules, name);
    if (res == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
        goto error;
    }
    Py_DECREF(m);
    return Py_NewRef(res);
error:
    if (PyDict_GetItem(modules, name) == m) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        PyDict_DelItem(modules, name);
        PyErr_Clear();
        PyErr_Restore(type, value, tb);
    }
    Py_DECREF(m);
    return NULL;
}

PyObject *PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co,
                                               const char *pathname, const char *cpathname)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *p = pathname ? PyUnicode_DecodeFSDefault(pathname) : NULL;
    PyObject *c = cpathname ? PyUnicode_DecodeFSDefault(cpathname) : NULL;
    PyObject *m = n ? PyImport_ExecCodeModuleObject(n, co, p, c) : NULL;
    Py_XDECREF(n);
    Py_XDECREF(p);
    Py_XDECREF(c);
    return m;
}

PyObject *PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char *pathname)
{
    return PyImport_ExecCodeModuleWithPathnames(name, co, pathname, NULL);
}

PyObject *PyImport_ExecCodeModule(const char *name, PyObject *co)
{
    return PyImport_ExecCodeModuleWithPathnames(name, co, NULL, NULL);
}

/* Creates the module for a source file, registers it, runs it. */
static PyObject *load_source_module(PyObject *fullname, PyObject *file, PyObject *pkgdir)
{
    FILE *fp = _Py_fopen_obj(file, "rb");
    if (fp == NULL)
        return NULL;
    size_t len;
    char *src = _Py_ReadFileContents(fp, &len);
    fclose(fp);
    if (src == NULL)
        return NULL;
    PyObject *co = NULL, *m = NULL, *cached = NULL, *spec = NULL, *path = NULL;
    PyObject *modules = PyImport_GetModuleDict();
    m = PyModule_NewObject(fullname);
    if (m == NULL)
        goto done;
    PyObject *d = PyModule_GetDict(m);
    cached = cache_from_source(file);
    if (cached == NULL)
        goto fail;
    if (pkgdir != NULL) {
        path = PyList_New(1);
        if (path == NULL)
            goto fail;
        PyList_SET_ITEM(path, 0, Py_NewRef(pkgdir));
    }
    spec = make_spec(fullname, file, path, cached, 1);
    if (spec == NULL)
        goto fail;
    PyObject *package = PyObject_GetAttrString(spec, "parent");
    if (package == NULL)
        goto fail;
    int r = PyDict_SetItemString(d, "__package__", package);
    Py_DECREF(package);
    if (r < 0 || PyDict_SetItemString(d, "__spec__", spec) < 0 ||
        PyDict_SetItemString(d, "__loader__", Py_None) < 0 ||
        PyDict_SetItemString(d, "__file__", file) < 0 ||
        PyDict_SetItemString(d, "__cached__", cached) < 0 ||
        PyDict_SetItemString(d, "__builtins__", _PyInterpreterState_GET()->builtins) < 0 ||
        (path != NULL && PyDict_SetItemString(d, "__path__", path) < 0))
        goto fail;
    if (strlen(src) != len) {
        PyErr_SetString(PyExc_SyntaxError, "source code cannot contain null bytes");
        goto fail;
    }
    co = Py_CompileStringObject(src, file, Py_file_input, NULL, -1);
    if (co == NULL)
        goto fail;
    if (PyDict_SetItem(modules, fullname, m) < 0)
        goto fail;
    PySet_Add(importing, fullname);
    /* spec._initializing marks a module still executing, as importlib does (3.11's
     * "partially initialized module" errors look at it) */
    PyObject_SetAttrString(spec, "_initializing", Py_True);
    PyObject *v = PyEval_EvalCode(co, d, d);
    PySet_Discard(importing, fullname);
    if (PyObject_SetAttrString(spec, "_initializing", Py_False) < 0)
        PyErr_Clear();
    if (v == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        if (PyDict_DelItem(modules, fullname) < 0)
            PyErr_Clear();
        PyErr_Restore(type, value, tb);
        goto fail;
    }
    Py_DECREF(v);
    /* the module may have replaced itself in sys.modules */
    Py_SETREF(m, Py_XNewRef(PyDict_GetItemWithError(modules, fullname)));
    if (m == NULL && !PyErr_Occurred())
        PyErr_Format(PyExc_KeyError, "%R", fullname);
    goto done;
fail:
    Py_CLEAR(m);
done:
    PyMem_Free(src);
    Py_XDECREF(co);
    Py_XDECREF(cached);
    Py_XDECREF(spec);
    Py_XDECREF(path);
    return m;
}

static PyObject *module_not_found(PyObject *fullname, const char *fmt_extra, PyObject *parent)
{
    PyObject *msg = parent ? PyUnicode_FromFormat("No module named %R; %R is not a package",
                                                  fullname, parent)
                           : PyUnicode_FromFormat("No module named %R", fullname);
    (void)fmt_extra;
    if (msg != NULL) {
        PyErr_SetImportErrorSubclass(PyExc_ModuleNotFoundError, msg, fullname, NULL);
        Py_DECREF(msg);
    }
    return NULL;
}

/* Imports one fully qualified name whose parent (if any) is already imported. */
static PyObject *import_one(PyObject *fullname)
{
    PyObject *mod = PyImport_GetModule(fullname);
    if (mod != NULL) {
        if (mod == Py_None) {
            Py_DECREF(mod);
            PyObject *msg = PyUnicode_FromFormat("import of %U halted; None in sys.modules", fullname);
            if (msg) {
                PyErr_SetImportErrorSubclass(PyExc_ModuleNotFoundError, msg, fullname, NULL);
                Py_DECREF(msg);
            }
            return NULL;
        }
        return mod;
    }
    if (PyErr_Occurred())
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(fullname);
    Py_ssize_t dot = PyUnicode_FindChar(fullname, '.', 0, len, -1);
    PyObject *search_path, *tail, *parent_mod = NULL, *parent_name = NULL;
    if (dot < 0) {
        const char *utf8 = PyUnicode_AsUTF8(fullname);
        if (utf8 == NULL)
            PyErr_Clear();   /* a lone surrogate: no built-in module has that name */
        int builtin = utf8 ? _PyImport_IsBuiltin(utf8) : 0;
        if (builtin != 0) {
            mod = _PyImport_CreateBuiltin(fullname);
            if (mod == NULL)
                return NULL;
            if (PyModule_Check(mod)) {
                PyObject *spec = make_spec(fullname, NULL, NULL, NULL, 0);
                PyObject *origin = PyUnicode_FromString("built-in");
                if (spec && origin) {
                    PyObject_SetAttrString(spec, "origin", origin);
                    PyObject *d = PyModule_GetDict(mod);
                    if (PyDict_GetItemString(d, "__spec__") == NULL)
                        PyDict_SetItemString(d, "__spec__", spec);
                    if (PyDict_GetItemString(d, "__loader__") == NULL)
                        PyDict_SetItemString(d, "__loader__", Py_None);
                }
                Py_XDECREF(spec);
                Py_XDECREF(origin);
                PyErr_Clear();
            }
            if (PyDict_SetItem(PyImport_GetModuleDict(), fullname, mod) < 0) {
                Py_DECREF(mod);
                return NULL;
            }
            return mod;
        }
        search_path = Py_XNewRef(PySys_GetObject("path"));
        tail = Py_NewRef(fullname);
    } else {
        parent_name = PyUnicode_Substring(fullname, 0, dot);
        if (parent_name == NULL)
            return NULL;
        parent_mod = PyImport_GetModule(parent_name);
        if (parent_mod == NULL) {
            Py_DECREF(parent_name);
            return PyErr_Occurred() ? NULL : module_not_found(fullname, NULL, NULL);
        }
        if (_PyObject_LookupAttr(parent_mod, _Py_ID(__path__), &search_path) < 0) {
            Py_DECREF(parent_mod);
            Py_DECREF(parent_name);
            return NULL;
        }
        if (search_path == NULL) {
            module_not_found(fullname, NULL, parent_name);
            Py_DECREF(parent_mod);
            Py_DECREF(parent_name);
            return NULL;
        }
        tail = PyUnicode_Substring(fullname, dot + 1, len);
    }
    PyObject *pkgdir = NULL;
    PyObject *file = tail ? find_in_path(tail, search_path, &pkgdir) : NULL;
    Py_XDECREF(tail);
    Py_XDECREF(search_path);
    if (file == NULL) {
        Py_XDECREF(parent_mod);
        Py_XDECREF(parent_name);
        return PyErr_Occurred() ? NULL : module_not_found(fullname, NULL, NULL);
    }
    if (_PyThreadState_GET()->interp->config.verbose)
        PySys_FormatStderr("# %U matches %U\n", fullname, file);
    mod = load_source_module(fullname, file, pkgdir);
    Py_DECREF(file);
    Py_XDECREF(pkgdir);
    if (mod != NULL && parent_mod != NULL) {
        /* bind the submodule on its parent package */
        PyObject *child = PyUnicode_Substring(fullname, dot + 1, len);
        if (child == NULL || PyObject_SetAttr(parent_mod, child, mod) < 0)
            Py_CLEAR(mod);
        Py_XDECREF(child);
    }
    Py_XDECREF(parent_mod);
    Py_XDECREF(parent_name);
    return mod;
}

/* Imports every prefix of a dotted name, returning the last module. */
static PyObject *import_dotted(PyObject *fullname)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(fullname), start = 0;
    PyObject *mod = NULL;
    for (;;) {
        Py_ssize_t dot = PyUnicode_FindChar(fullname, '.', start, len, 1);
        Py_ssize_t end = dot < 0 ? len : dot;
        PyObject *prefix = PyUnicode_Substring(fullname, 0, end);
        if (prefix == NULL) {
            Py_XDECREF(mod);
            return NULL;
        }
        Py_XDECREF(mod);
        mod = import_one(prefix);
        Py_DECREF(prefix);
        if (mod == NULL || dot < 0)
            return mod;
        start = dot + 1;
    }
}

/* The package a relative import is relative to (importlib's _calc___package__). */
static PyObject *resolve_name(PyObject *name, PyObject *globals, int level)
{
    if (globals == NULL || !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    PyObject *package = PyDict_GetItemString(globals, "__package__");
    PyObject *spec = PyDict_GetItemString(globals, "__spec__");
    if (package != NULL && package != Py_None) {
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "package must be a string");
            return NULL;
        }
        Py_INCREF(package);
        if (spec != NULL && spec != Py_None) {
            PyObject *parent = PyObject_GetAttrString(spec, "parent");
            int equal = parent ? PyObject_RichCompareBool(package, parent, Py_EQ) : -1;
            Py_XDECREF(parent);
            if (equal < 0 || (equal == 0 && PyErr_WarnEx(PyExc_ImportWarning,
                                                         "__package__ != __spec__.parent", 1) < 0)) {
                Py_DECREF(package);
                return NULL;
            }
        }
    } else if (spec != NULL && spec != Py_None) {
        package = PyObject_GetAttrString(spec, "parent");
        if (package == NULL)
            return NULL;
        if (!PyUnicode_Check(package)) {
            Py_DECREF(package);
            PyErr_SetString(PyExc_TypeError, "__spec__.parent must be a string");
            return NULL;
        }
    } else {
        if (PyErr_WarnEx(PyExc_ImportWarning, "can't resolve package from __spec__ or "
                         "__package__, falling back on __name__ and __path__", 1) < 0)
            return NULL;
        package = PyDict_GetItemString(globals, "__name__");
        if (package == NULL) {
            PyErr_SetString(PyExc_KeyError, "'__name__' not in globals");
            return NULL;
        }
        if (!PyUnicode_Check(package)) {
            PyErr_SetString(PyExc_TypeError, "__name__ must be a string");
            return NULL;
        }
        if (PyDict_GetItemString(globals, "__path__") == NULL) {
            /* a module, not a package: its parent */
            Py_ssize_t dot = PyUnicode_FindChar(package, '.', 0, PyUnicode_GET_LENGTH(package), -1);
            package = dot >= 0 ? PyUnicode_Substring(package, 0, dot) : PyUnicode_FromString("");
            if (package == NULL)
                return NULL;
        } else {
            Py_INCREF(package);
        }
    }
    if (PyUnicode_GET_LENGTH(package) == 0) {
        Py_DECREF(package);
        PyErr_SetString(PyExc_ImportError, "attempted relative import with no known parent package");
        return NULL;
    }
    PyObject *base = package;
    for (int l = 1; l < level; l++) {
        Py_ssize_t dot = PyUnicode_FindChar(base, '.', 0, PyUnicode_GET_LENGTH(base), -1);
        if (dot < 0) {
            Py_DECREF(base);
            PyErr_SetString(PyExc_ImportError, "attempted relative import beyond top-level package");
            return NULL;
        }
        PyObject *b = PyUnicode_Substring(base, 0, dot);
        Py_DECREF(base);
        if (b == NULL)
            return NULL;
        base = b;
    }
    if (PyUnicode_GET_LENGTH(name) == 0)
        return base;
    PyObject *abs = PyUnicode_FromFormat("%U.%U", base, name);
    Py_DECREF(base);
    return abs;
}

/* from package import x: import package.x when x is not an attribute yet. */
static int handle_fromlist(PyObject *mod, PyObject *fromlist, int recursive)
{
    PyObject *seq = PySequence_Fast(fromlist, "fromlist must be a sequence");
    if (seq == NULL)
        return -1;
    PyObject *modname = PyObject_GetAttrString(mod, "__name__");
    if (modname == NULL) {
        Py_DECREF(seq);
        return -1;
    }
    int r = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq) && r == 0; i++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyUnicode_Check(x)) {
            PyErr_Format(PyExc_TypeError, "Item in %s.__all__ must be str, not %.100s",
                         PyUnicode_AsUTF8(modname), Py_TYPE(x)->tp_name);
            r = -1;
            break;
        }
        if (_PyUnicode_EqualToASCIIString(x, "*")) {
            PyObject *all;
            if (!recursive && _PyObject_LookupAttr(mod, _Py_ID(__all__), &all) > 0) {
                r = handle_fromlist(mod, all, 1);
                Py_DECREF(all);
            }
            continue;
        }
        PyObject *attr;
        if (_PyObject_LookupAttr(mod, x, &attr) < 0) {
            r = -1;
            break;
        }
        if (attr != NULL) {
            Py_DECREF(attr);
            continue;
        }
        PyObject *sub = PyUnicode_FromFormat("%U.%U", modname, x);
        if (sub == NULL) {
            r = -1;
            break;
        }
        PyObject *m = import_one(sub);
        if (m == NULL) {
            /* a missing submodule is fine: the name may be defined some other way */
            if (PyErr_ExceptionMatches(PyExc_ModuleNotFoundError)) {
                PyObject *type, *value, *tb;
                PyErr_Fetch(&type, &value, &tb);
                PyErr_NormalizeException(&type, &value, &tb);
                PyObject *ename = value ? PyObject_GetAttrString(value, "name") : NULL;
                int same = ename && PyUnicode_Check(ename) && PyUnicode_Compare(ename, sub) == 0;
                Py_XDECREF(ename);
                if (same) {
                    Py_XDECREF(type);
                    Py_XDECREF(value);
                    Py_XDECREF(tb);
                    PyErr_Clear();
                } else {
                    PyErr_Restore(type, value, tb);
                    r = -1;
                }
            } else {
                r = -1;
            }
        }
        Py_XDECREF(m);
        Py_DECREF(sub);
    }
    Py_DECREF(modname);
    Py_DECREF(seq);
    return r;
}

static PyObject *import_module_via_importlib(PyInterpreterState *interp, PyObject *abs_name);
static void remove_importlib_frames(PyInterpreterState *interp);
static PyObject *import_func;
static int is_initializing(PyObject *m);

PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                           PyObject *fromlist, int level)
{
    if (name == NULL) {
        PyErr_SetString(PyExc_ValueError, "Empty module name");
        return NULL;
    }
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        PyErr_SetString(PyExc_ValueError, "level must be >= 0");
        return NULL;
    }
    if (importing == NULL && (importing = PySet_New(NULL)) == NULL)
        return NULL;
    PyObject *abs_name;
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
        if (abs_name == NULL)
            return NULL;
    } else {
        if (PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Py_NewRef(name);
    }
    PyInterpreterState *interp = _PyInterpreterState_GET();
    PyObject *mod = interp->importlib ? import_module_via_importlib(interp, abs_name)
                                      : import_dotted(abs_name);
    if (mod == NULL) {
        if (interp->importlib)
            remove_importlib_frames(interp);
        Py_DECREF(abs_name);
        return NULL;
    }
    int has_from = fromlist != NULL && fromlist != Py_None && PyObject_IsTrue(fromlist) > 0;
    PyObject *result;
    if (!has_from) {
        if (level == 0 || PyUnicode_GET_LENGTH(name) > 0) {
            /* the top-level package (for relative: cut the same number of parts) */
            Py_ssize_t n = PyUnicode_GET_LENGTH(name);
            Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, n, 1);
            if (dot < 0) {
                result = Py_NewRef(mod);
            } else if (level == 0) {
                PyObject *front = PyUnicode_Substring(name, 0, dot);
                result = front ? PyImport_GetModule(front) : NULL;
                /* gone from sys.modules (its __init__ failed after importing the
                 * submodule): imported again, as CPython does, raising its error */
                if (result == NULL && front != NULL && !PyErr_Occurred())
                    result = PyImport_ImportModuleLevelObject(front, NULL, NULL, NULL, 0);
                Py_XDECREF(front);
            } else {
                Py_ssize_t cut = n - dot;
                Py_ssize_t alen = PyUnicode_GET_LENGTH(abs_name);
                PyObject *front = PyUnicode_Substring(abs_name, 0, alen - cut);
                result = front ? PyImport_GetModule(front) : NULL;
                if (result == NULL && front && !PyErr_Occurred())
                    PyErr_Format(PyExc_KeyError, "%R not in sys.modules as expected", front);
                Py_XDECREF(front);
            }
        } else {
            result = Py_NewRef(mod);
        }
    } else {
        PyObject *path;
        if (_PyObject_LookupAttr(mod, _Py_ID(__path__), &path) < 0) {
            result = NULL;
        } else if (path != NULL) {
            Py_DECREF(path);
            if (interp->importlib != NULL)
                result = PyObject_CallMethod(interp->importlib, "_handle_fromlist", "OOO",
                                             mod, fromlist, import_func);
            else
                result = handle_fromlist(mod, fromlist, 0) < 0 ? NULL : Py_NewRef(mod);
        } else {
            result = Py_NewRef(mod);
        }
    }
    Py_DECREF(mod);
    Py_DECREF(abs_name);
    if (result == NULL && interp->importlib)
        remove_importlib_frames(interp);
    return result;
}

PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals,
                                     PyObject *fromlist, int level)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *m = PyImport_ImportModuleLevelObject(n, globals, locals, fromlist, level);
    Py_DECREF(n);
    return m;
}

/* Returns the module itself (not the top-level package) for a dotted name. */
PyObject *PyImport_Import(PyObject *module_name)
{
    PyObject *builtins_import = PyDict_GetItemString(_PyInterpreterState_GET()->builtins, "__import__");
    PyObject *fromlist = Py_BuildValue("[s]", "__doc__");
    if (fromlist == NULL)
        return NULL;
    PyObject *r;
    if (builtins_import != NULL) {
        PyObject *globals = PyEval_GetGlobals();
        r = PyObject_CallFunction(builtins_import, "OOOOi", module_name,
                                  globals ? globals : Py_None, globals ? globals : Py_None,
                                  fromlist, 0);
    } else {
        r = PyImport_ImportModuleLevelObject(module_name, NULL, NULL, fromlist, 0);
    }
    Py_DECREF(fromlist);
    if (r == NULL)
        return NULL;
    Py_DECREF(r);
    r = PyImport_GetModule(module_name);
    if (r == NULL && !PyErr_Occurred())
        PyErr_SetObject(PyExc_KeyError, module_name);
    return r;
}

PyObject *PyImport_ImportModule(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    PyObject *m = PyImport_Import(n);
    Py_DECREF(n);
    return m;
}

PyObject *PyImport_ImportModuleNoBlock(const char *name) { return PyImport_ImportModule(name); }

PyObject *PyImport_ReloadModule(PyObject *m)
{
    if (_PyInterpreterState_GET()->importlib != NULL) {
        PyObject *importlib = PyImport_ImportModule("importlib");
        if (importlib == NULL)
            return NULL;
        PyObject *r = PyObject_CallMethod(importlib, "reload", "O", m);
        Py_DECREF(importlib);
        return r;
    }
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return NULL;
    PyObject *modules = PyImport_GetModuleDict();
    if (PyDict_DelItem(modules, name) < 0)
        PyErr_Clear();
    PyObject *r = import_dotted(name);
    Py_DECREF(name);
    return r;
}

/* IMPORT_FROM: module.name, a submodule from sys.modules, or CPython's ImportError. */
/* Is module m still executing?  (its __spec__._initializing, as CPython checks) */
static int is_initializing(PyObject *m)
{
    PyObject *spec = NULL, *flag = NULL;
    int r = 0;
    if (_PyObject_LookupAttr(m, _Py_ID(__spec__), &spec) > 0 && spec != Py_None &&
        _PyObject_LookupAttr(spec, _Py_ID(_initializing), &flag) > 0)
        r = PyObject_IsTrue(flag) > 0;
    PyErr_Clear();
    Py_XDECREF(spec);
    Py_XDECREF(flag);
    return r;
}

/* IMPORT_STAR: public names (or __all__) into locals. */
int _PyImport_ImportStar(PyObject *v, PyObject *locals)
{
    PyObject *all, *dict, *name, *value;
    int skip_leading_underscores = 0, err = 0;
    if (_PyObject_LookupAttr(v, _Py_ID(__all__), &all) < 0)
        return -1;
    if (all == NULL) {
        if (_PyObject_LookupAttr(v, _Py_ID(__dict__), &dict) < 0)
            return -1;
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL)
            return -1;
        skip_leading_underscores = 1;
    }
    for (Py_ssize_t pos = 0;; pos++) {
        name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError))
                err = -1;
            else
                PyErr_Clear();
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttrString(v, "__name__");
            if (modname == NULL) {
                Py_DECREF(name);
                err = -1;
                break;
            }
            PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                         skip_leading_underscores ? "Key" : "Item", modname,
                         skip_leading_underscores ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
            Py_DECREF(modname);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores && PyUnicode_GET_LENGTH(name) > 0 &&
            PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        value = PyObject_GetAttr(v, name);
        if (value == NULL)
            err = -1;
        else if (PyDict_CheckExact(locals))
            err = PyDict_SetItem(locals, name, value);
        else
            err = PyObject_SetItem(locals, name, value);
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err != 0)
            break;
    }
    Py_DECREF(all);
    return err;
}

/* For -m: the source file of a module, importing its parent packages first. */
PyObject *_PyImport_FindSourceFile(PyObject *fullname, int *is_package)
{
    *is_package = 0;
    Py_ssize_t len = PyUnicode_GET_LENGTH(fullname);
    Py_ssize_t dot = PyUnicode_FindChar(fullname, '.', 0, len, -1);
    PyObject *path, *tail, *pkgdir = NULL;
    if (dot < 0) {
        path = Py_XNewRef(PySys_GetObject("path"));
        tail = Py_NewRef(fullname);
    } else {
        PyObject *parent = PyUnicode_Substring(fullname, 0, dot);
        PyObject *pmod = parent ? import_dotted(parent) : NULL;
        Py_XDECREF(parent);
        if (pmod == NULL)
            return NULL;
        path = PyObject_GetAttrString(pmod, "__path__");
        Py_DECREF(pmod);
        if (path == NULL) {
            PyErr_Clear();
            return NULL;
        }
        tail = PyUnicode_Substring(fullname, dot + 1, len);
    }
    PyObject *file = tail ? find_in_path(tail, path, &pkgdir) : NULL;
    Py_XDECREF(tail);
    Py_XDECREF(path);
    if (pkgdir != NULL) {
        /* a package runs its __main__.py */
        *is_package = 1;
        Py_DECREF(file);
        file = PyUnicode_FromFormat("%U/__main__.py", pkgdir);
        Py_DECREF(pkgdir);
    }
    return file;
}

/* sys.path as _PyImport_Init computed it, before site and sys.path[0]. */
static PyObject *module_search_paths = NULL;

PyObject *_PyImport_GetModuleSearchPaths(void)
{
    if (module_search_paths == NULL)
        return PyList_New(0);
    return PyList_GetSlice(module_search_paths, 0, PyList_GET_SIZE(module_search_paths));
}

/* <directory of the running executable>/lib-dynload (malloc'd; NULL if unknown): the
 * extension modules built with this krait (build/krait, build/asan/krait each have theirs). */
static char *lib_dynload_dir(void)
{
    const char *exe = _Py_GetProgramFullPath();
    const char *slash = exe ? strrchr(exe, '/') : NULL;
    if (slash == NULL)
        return NULL;
    size_t n = (size_t)(slash - exe);
    char *dir = malloc(n + sizeof("/lib-dynload"));
    if (dir != NULL) {
        memcpy(dir, exe, n);
        strcpy(dir + n, "/lib-dynload");
    }
    return dir;
}

/* sys.path: PYTHONPATH, Krait's lib/, the host's pure-Python stdlib, then Krait's
 * lib-dynload (where CPython has its own lib-dynload). */
int _PyImport_Init(PyInterpreterState *interp)
{
    PyObject *path = PyList_New(0);
    if (path == NULL)
        return -1;
    const char *pp = interp->config.use_environment ? getenv("PYTHONPATH") : NULL;
    if (pp && *pp) {
        char *copy = strdup(pp), *save = NULL;
        for (char *tok = strtok_r(copy, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
            char *abs = _Py_abspath(tok);
            PyObject *s = PyUnicode_DecodeFSDefault(abs ? abs : tok);
            free(abs);
            if (s == NULL || PyList_Append(path, s) < 0) {
                Py_XDECREF(s);
                free(copy);
                Py_DECREF(path);
                return -1;
            }
            Py_DECREF(s);
        }
        free(copy);
    }
    char *dynload = lib_dynload_dir();
    const char *dirs[] = {KRAIT_LIBDIR, KRAIT_STDLIB_DIR, dynload, NULL};
    for (int i = 0; dirs[i]; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(dirs[i]);
        if (s == NULL || PyList_Append(path, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(path);
            free(dynload);
            return -1;
        }
        Py_DECREF(s);
    }
    free(dynload);
    /* kept for _testinternalcapi.get_config()['module_search_paths'] (site changes sys.path) */
    Py_XSETREF(module_search_paths, PyList_GetSlice(path, 0, PyList_GET_SIZE(path)));
    if (module_search_paths == NULL) {
        Py_DECREF(path);
        return -1;
    }
    int r = PyDict_SetItemString(interp->sysdict, "path", path);
    Py_DECREF(path);
    if (importing == NULL && (importing = PySet_New(NULL)) == NULL)
        return -1;
    return r;
}

void _PyImport_Fini(PyInterpreterState *interp)
{
    _PyImport_FiniDynamic();
    Py_CLEAR(module_search_paths);
    Py_CLEAR(importing);
}

/* ---- frozen modules: importlib's bootstrap, compiled from the stdlib's sources ----
 * CPython freezes these into its binary; Krait compiles them once and keeps the code in
 * __pycache__/<name>.krait-311.pyc next to the source (Krait's magic number, the same
 * timestamp header importlib's SourceFileLoader writes), so start-up stays fast. */

typedef struct {
    const char *name;       /* the name it is imported as */
    const char *origname;   /* the stdlib module it comes from */
    const char *relpath;    /* its source under the stdlib directory */
    int ispkg;
    int bootstrap;          /* needed to start importlib: frozen whatever the options */
} frozen_entry;

/* The modules CPython 3.11 freezes (its Python/frozen.c), aliases included. */
static const frozen_entry frozen_modules[] = {
    {"_frozen_importlib", "importlib._bootstrap", "importlib/_bootstrap", 0, 1},
    {"_frozen_importlib_external", "importlib._bootstrap_external",
     "importlib/_bootstrap_external", 0, 1},
    {"zipimport", "zipimport", "zipimport", 0, 1},
    {"abc", "abc", "abc", 0, 0},
    {"codecs", "codecs", "codecs", 0, 0},
    {"io", "io", "io", 0, 0},
    {"_collections_abc", "_collections_abc", "_collections_abc", 0, 0},
    {"_sitebuiltins", "_sitebuiltins", "_sitebuiltins", 0, 0},
    {"genericpath", "genericpath", "genericpath", 0, 0},
    {"ntpath", "ntpath", "ntpath", 0, 0},
    {"posixpath", "posixpath", "posixpath", 0, 0},
    {"os.path", "posixpath", "posixpath", 0, 0},
    {"os", "os", "os", 0, 0},
    {"site", "site", "site", 0, 0},
    {"stat", "stat", "stat", 0, 0},
    {"importlib.util", "importlib.util", "importlib/util", 0, 0},
    {"importlib.machinery", "importlib.machinery", "importlib/machinery", 0, 0},
    {"runpy", "runpy", "runpy", 0, 0},
    {"__hello__", "__hello__", "__hello__", 0, 0},
    {"__hello_alias__", "__hello__", "__hello__", 0, 0},
    {"__phello_alias__", "__hello__", "__hello__", 1, 0},
    {"__phello_alias__.spam", "__hello__", "__hello__", 0, 0},
    {"__phello__", "__phello__", "__phello__/__init__", 1, 0},
    {"__phello__.spam", "__phello__.spam", "__phello__/spam", 0, 0},
    {NULL, NULL, NULL, 0, 0},
};

static int frozen_override = 0;

void _PyImport_OverrideFrozenModules(int override) { frozen_override = override; }

/* CPython's use_frozen(): -X frozen_modules=off (or _imp's test override) leaves only
 * the bootstrap modules frozen. */
static int use_frozen(void)
{
    if (frozen_override != 0)
        return frozen_override > 0;
    const PyConfig *c = &_PyInterpreterState_GET()->config;
    int on = 1;
    for (int i = 0; i < c->nxoptions; i++)
        if (strncmp(c->xoptions[i], "frozen_modules=", 15) == 0)
            on = strcmp(c->xoptions[i] + 15, "off") != 0;
    return on;
}

static const frozen_entry *find_frozen_entry(PyObject *name)
{
    if (!PyUnicode_Check(name))
        return NULL;
    for (const frozen_entry *f = frozen_modules; f->name; f++)
        if (_PyUnicode_EqualToASCIIString(name, f->name))
            return f->bootstrap || use_frozen() ? f : NULL;
    return NULL;
}

/* FNV-1a over the opcode table and the bytecode revision (see import.h). */
static uint32_t fnv_str(uint32_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return (h ^ 0xff) * 16777619u;
}

unsigned int _PyImport_MagicNumber(void)
{
    static unsigned int magic = 0;
    if (magic == 0) {
        uint32_t h = 2166136261u;
        char buf[64];
#define HASH_OPCODE(name, num, flags, effect)                                         \
        snprintf(buf, sizeof(buf), "%d/%d", (int)(num), (int)(flags));                \
        h = fnv_str(fnv_str(fnv_str(h, #name), buf), #effect);
        KRAIT_OPCODES(HASH_OPCODE)
#undef HASH_OPCODE
        snprintf(buf, sizeof(buf), "rev%d", KRAIT_BYTECODE_REVISION);
        h = fnv_str(h, buf);
        magic = 0x4000 + h % 0x4000;
        if (magic == 20121)   /* Python 1.5's */
            magic++;
    }
    return magic;
}

static void put_le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The 16-byte header of a timestamp-based pyc (PEP 552) for a source file. */
static void pyc_header(unsigned char h[16], const struct stat *st)
{
    put_le32(h, _PyImport_MagicNumber() | (uint32_t)'\r' << 16 | (uint32_t)'\n' << 24);
    put_le32(h + 4, 0);
    put_le32(h + 8, (uint32_t)st->st_mtime);
    put_le32(h + 12, (uint32_t)st->st_size);
}

static PyObject *read_frozen_cache(const char *cpath, const struct stat *st)
{
    FILE *fp = fopen(cpath, "rb");
    if (fp == NULL)
        return NULL;
    size_t len;
    char *data = _Py_ReadFileContents(fp, &len);
    fclose(fp);
    if (data == NULL) {
        PyErr_Clear();
        return NULL;
    }
    unsigned char want[16];
    pyc_header(want, st);
    PyObject *co = NULL;
    if (len > 16 && memcmp(data, want, 16) == 0) {
        co = PyMarshal_ReadObjectFromString(data + 16, (Py_ssize_t)(len - 16));
        if (co != NULL && !PyCode_Check(co))
            Py_CLEAR(co);
        PyErr_Clear();   /* a damaged cache is recompiled */
    }
    PyMem_Free(data);
    return co;
}

/* Written atomically (temporary file, then rename) as importlib's _write_atomic does;
 * any failure just means no cache. */
static void write_frozen_cache(const char *cdir, const char *cpath, const struct stat *st,
                               PyObject *co)
{
    PyObject *data = PyMarshal_WriteObjectToString(co, 4);
    if (data == NULL) {
        PyErr_Clear();
        return;
    }
    unsigned char h[16];
    pyc_header(h, st);
    char tmp[4300];
    snprintf(tmp, sizeof(tmp), "%s.%ld", cpath, (long)getpid());
    (void)mkdir(cdir, 0777);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666 & (st->st_mode | 0222));
    if (fd >= 0) {
        Py_ssize_t n = PyBytes_GET_SIZE(data);
        int ok = write(fd, h, 16) == 16 &&
                 write(fd, PyBytes_AS_STRING(data), (size_t)n) == (ssize_t)n;
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, cpath) < 0)
            unlink(tmp);
    }
    Py_DECREF(data);
}

/* The code object of a frozen module (new ref), from the cache or compiled. */
static PyObject *get_frozen_code(const frozen_entry *f)
{
    char src[4096], cdir[4096], cpath[4200];
    const char *slash = strrchr(f->relpath, '/');
    const char *base = slash ? slash + 1 : f->relpath;
    int dirlen = slash ? (int)(slash - f->relpath) : 0;
    snprintf(src, sizeof(src), "%s/%s.py", KRAIT_STDLIB_DIR, f->relpath);
    snprintf(cdir, sizeof(cdir), "%s/%.*s%s__pycache__", KRAIT_STDLIB_DIR, dirlen, f->relpath,
             dirlen ? "/" : "");
    /* not SourceFileLoader's NAME.krait-311.pyc: that one's code has the real path as
     * co_filename, this one "<frozen NAME>" */
    snprintf(cpath, sizeof(cpath), "%s/%s.%s.frozen.pyc", cdir, base, KRAIT_CACHE_TAG);
    struct stat st;
    if (stat(src, &st) < 0) {
        PyErr_Format(PyExc_ImportError, "No such frozen object named '%s'", f->name);
        return NULL;
    }
    PyObject *co = read_frozen_cache(cpath, &st);
    if (co != NULL)
        return co;
    FILE *fp = fopen(src, "rb");
    if (fp == NULL)
        return PyErr_SetFromErrnoWithFilename(PyExc_OSError, src);
    size_t len;
    char *text = _Py_ReadFileContents(fp, &len);
    fclose(fp);
    if (text == NULL)
        return NULL;
    PyObject *filename = PyUnicode_FromFormat("<frozen %s>", f->origname);
    if (filename != NULL)
        co = Py_CompileStringObject(text, filename, Py_file_input, NULL, -1);
    Py_XDECREF(filename);
    PyMem_Free(text);
    if (co == NULL)
        return NULL;
    /* written even under -B / PYTHONDONTWRITEBYTECODE: this cache stands in for the
     * frozen bytes CPython keeps in its binary, not for a module's bytecode */
    write_frozen_cache(cdir, cpath, &st, co);
    return co;
}

int _PyImport_IsFrozen(PyObject *name) { return find_frozen_entry(name) != NULL; }

int _PyImport_IsFrozenPackage(PyObject *name)
{
    const frozen_entry *f = find_frozen_entry(name);
    if (f == NULL) {
        PyErr_Format(PyExc_ImportError, "No such frozen object named %R", name);
        return -1;
    }
    return f->ispkg;
}

/* _imp.find_frozen(): (data, ispkg, origname), or None. */
PyObject *_PyImport_FindFrozen(PyObject *name)
{
    const frozen_entry *f = find_frozen_entry(name);
    if (f == NULL)
        Py_RETURN_NONE;
    return Py_BuildValue("(OOs)", Py_None, f->ispkg ? Py_True : Py_False, f->origname);
}

PyObject *_PyImport_GetFrozenObject(PyObject *name)
{
    const frozen_entry *f = find_frozen_entry(name);
    if (f == NULL) {
        PyErr_Format(PyExc_ImportError, "No such frozen object named %R", name);
        return NULL;
    }
    return get_frozen_code(f);
}

PyObject *_PyImport_FrozenModuleNames(void)
{
    PyObject *l = PyList_New(0);
    for (const frozen_entry *f = frozen_modules; l && f->name; f++) {
        PyObject *s = PyUnicode_FromString(f->name);
        if (s == NULL || PyList_Append(l, s) < 0)
            Py_CLEAR(l);
        Py_XDECREF(s);
    }
    return l;
}

/* Creates and runs a frozen module outside importlib (the bootstrap itself, _imp's
 * init_frozen).  __origname__ lets FrozenImporter._fix_up_module finish its spec. */
int PyImport_ImportFrozenModuleObject(PyObject *name)
{
    const frozen_entry *f = find_frozen_entry(name);
    if (f == NULL)
        return 0;
    PyObject *co = get_frozen_code(f);
    if (co == NULL)
        return -1;
    PyObject *m = PyImport_AddModuleObject(name);   /* borrowed */
    PyObject *origname = m ? PyUnicode_FromString(f->origname) : NULL;
    int r = origname ? PyObject_SetAttrString(m, "__origname__", origname) : -1;
    Py_XDECREF(origname);
    PyObject *res = r == 0 ? PyImport_ExecCodeModuleObject(name, co, NULL, NULL) : NULL;
    Py_DECREF(co);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 1;
}

int PyImport_ImportFrozenModule(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL)
        return -1;
    int r = PyImport_ImportFrozenModuleObject(n);
    Py_DECREF(n);
    return r;
}

/* ---- installing importlib (CPython's init_importlib / init_importlib_external) ---- */

static PyObject *import_func = NULL;   /* builtins.__import__ as start-up found it */

int _PyImport_InitImportlib(PyInterpreterState *interp)
{
    int verbose = interp->config.verbose;
    PyObject *name = PyUnicode_FromString("_frozen_importlib");
    if (name == NULL)
        return -1;
    /* Run _bootstrap's code in a module created by hand: __origname__ has to be set
     * before it runs, since _install() fixes up its spec from it. */
    const frozen_entry *f = find_frozen_entry(name);
    PyObject *co = get_frozen_code(f);
    if (co == NULL) {
        Py_DECREF(name);
        return -1;
    }
    PyObject *m = PyImport_AddModuleObject(name);
    Py_DECREF(name);
    if (m == NULL) {
        Py_DECREF(co);
        return -1;
    }
    PyObject *d = PyModule_GetDict(m);
    PyObject *origname = PyUnicode_FromString(f->origname);
    int bad = origname == NULL || PyDict_SetItemString(d, "__origname__", origname) < 0 ||
              PyDict_SetItemString(d, "__builtins__", interp->builtins) < 0;
    Py_XDECREF(origname);   /* SetItemString does not steal it */
    if (bad) {
        Py_DECREF(co);
        return -1;
    }
    PyObject *v = PyEval_EvalCode(co, d, d);
    Py_DECREF(co);
    if (v == NULL)
        return -1;
    Py_DECREF(v);
    if (verbose)
        PySys_FormatStderr("import _frozen_importlib # frozen\n");
    interp->importlib = Py_NewRef(m);
    import_func = PyDict_GetItemString(interp->builtins, "__import__");
    if (import_func == NULL) {
        PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return -1;
    }
    Py_INCREF(import_func);

    PyObject *impname = PyUnicode_FromString("_imp");
    PyObject *imp = impname ? PyImport_GetModule(impname) : NULL;
    if (imp == NULL && impname != NULL && !PyErr_Occurred()) {
        imp = _PyImport_CreateBuiltin(impname);
        if (imp != NULL && PyDict_SetItem(interp->modules, impname, imp) < 0)
            Py_CLEAR(imp);
    }
    Py_XDECREF(impname);
    if (imp == NULL)
        return -1;
    PyObject *sysmod = PyImport_AddModule("sys");
    v = sysmod ? PyObject_CallMethod(m, "_install", "OO", sysmod, imp) : NULL;
    Py_DECREF(imp);
    if (v == NULL)
        return -1;
    Py_DECREF(v);
    /* as in CPython, the frozen _bootstrap has no __file__; _bootstrap_external gets its
     * filename from sys._stdlib_dir, set from now on */
    PyObject *stdlib = PyUnicode_FromString(KRAIT_STDLIB_DIR);
    if (stdlib == NULL || PyDict_SetItemString(interp->sysdict, "_stdlib_dir", stdlib) < 0) {
        Py_XDECREF(stdlib);
        return -1;
    }
    Py_DECREF(stdlib);
    return 0;
}

int _PyImport_InitExternal(PyInterpreterState *interp)
{
    PyObject *v = PyObject_CallMethod(interp->importlib, "_install_external_importers", NULL);
    if (v == NULL)
        return -1;
    Py_DECREF(v);
    /* Krait's own bytecode: its magic number, so no CPython pyc is ever accepted */
    PyObject *ext = PyImport_ImportModule("_frozen_importlib_external");
    if (ext == NULL)
        return -1;
    unsigned int num = _PyImport_MagicNumber();
    unsigned char magic[4] = {num & 0xff, num >> 8, '\r', '\n'};
    PyObject *mb = PyBytes_FromStringAndSize((const char *)magic, 4);
    PyObject *raw = PyLong_FromUnsignedLong(get_le32(magic));
    int r = mb && raw && PyObject_SetAttrString(ext, "MAGIC_NUMBER", mb) == 0 &&
            PyObject_SetAttrString(ext, "_RAW_MAGIC_NUMBER", raw) == 0 ? 0 : -1;
    Py_XDECREF(mb);
    Py_XDECREF(raw);
    Py_DECREF(ext);
    if (r < 0)
        return -1;
    /* zipimport's hook goes first on sys.path_hooks; failing to import it is not fatal */
    PyObject *zipimport = PyImport_ImportModule("zipimport");
    if (zipimport == NULL) {
        PyErr_Clear();
        if (interp->config.verbose)
            PySys_WriteStderr("# can't import zipimport\n");
        return 0;
    }
    PyObject *zipimporter = PyObject_GetAttrString(zipimport, "zipimporter");
    Py_DECREF(zipimport);
    PyObject *hooks = PySys_GetObject("path_hooks");
    if (zipimporter == NULL || hooks == NULL || !PyList_Check(hooks) ||
        PyList_Insert(hooks, 0, zipimporter) < 0)
        PyErr_Clear();
    Py_XDECREF(zipimporter);
    return 0;
}

/* importlib.<name> of the running bootstrap, e.g. "BuiltinImporter" (new ref). */
PyObject *_PyImport_GetImportlibLoader(PyInterpreterState *interp, const char *name)
{
    if (interp->importlib == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "importlib is not initialized");
        return NULL;
    }
    return PyObject_GetAttrString(interp->importlib, name);
}

/* Import errors should not show importlib's own frames: drop every importlib frame for
 * ImportError, and otherwise the chunks ending in _call_with_frames_removed (as
 * CPython's remove_importlib_frames; -v keeps them all). */
static void remove_importlib_frames(PyInterpreterState *interp)
{
    PyObject *exc, *val, *base_tb;
    PyErr_Fetch(&exc, &val, &base_tb);
    if (exc == NULL || interp->config.verbose)
        goto done;
    int always_trim = PyType_Check(exc) &&
                      PyType_IsSubtype((PyTypeObject *)exc, (PyTypeObject *)PyExc_ImportError);
    int in_importlib = 0;
    PyObject **prev_link = &base_tb, **outer_link = NULL;
    PyObject *tb = base_tb;
    while (tb != NULL) {
        PyTracebackObject *t = (PyTracebackObject *)tb;
        PyObject *next = (PyObject *)t->tb_next;
        PyCodeObject *code = PyFrame_GetCode(t->tb_frame);
        int now = _PyUnicode_EqualToASCIIString(code->co_filename,
                                                "<frozen importlib._bootstrap>") ||
                  _PyUnicode_EqualToASCIIString(code->co_filename,
                                                "<frozen importlib._bootstrap_external>");
        if (now && !in_importlib)
            outer_link = prev_link;   /* where this chunk of importlib frames hangs */
        in_importlib = now;
        if (in_importlib &&
            (always_trim || _PyUnicode_EqualToASCIIString(code->co_name,
                                                          "_call_with_frames_removed"))) {
            Py_XINCREF(next);
            Py_XSETREF(*outer_link, next);
            prev_link = outer_link;
        } else {
            prev_link = (PyObject **)&t->tb_next;
        }
        Py_DECREF(code);
        tb = next;
    }
done:
    PyErr_Restore(exc, val, base_tb);
}

/* importlib's import of abs_name (not yet in sys.modules, or still initialising). */
static PyObject *import_find_and_load(PyInterpreterState *interp, PyObject *abs_name)
{
    return PyObject_CallMethod(interp->importlib, "_find_and_load", "OO", abs_name,
                               import_func);
}

/* sys.modules[name], or via importlib: CPython's import_get_module + fast path. */
static PyObject *import_module_via_importlib(PyInterpreterState *interp, PyObject *abs_name)
{
    PyObject *mod = PyImport_GetModule(abs_name);
    if (mod == NULL && PyErr_Occurred())
        return NULL;
    if (mod != NULL && mod != Py_None) {
        if (is_initializing(mod)) {
            /* another thread may be running it: wait for it, as CPython does */
            PyObject *v = PyObject_CallMethod(interp->importlib, "_lock_unlock_module", "O",
                                              abs_name);
            if (v == NULL) {
                Py_DECREF(mod);
                return NULL;
            }
            Py_DECREF(v);
        }
        return mod;
    }
    Py_XDECREF(mod);
    mod = import_find_and_load(interp, abs_name);
    return mod;
}

/* CPython's PyImport_GetImporter: the finder sys.path_importer_cache holds for `path`,
 * else the first of sys.path_hooks that accepts it (an ImportError means "not mine"),
 * cached; None when no hook accepts it.  New reference. */
PyObject *PyImport_GetImporter(PyObject *path)
{
    PyObject *cache = PySys_GetObject("path_importer_cache");
    PyObject *hooks = PySys_GetObject("path_hooks");
    if (cache == NULL || hooks == NULL || !PyDict_Check(cache) || !PyList_Check(hooks))
        return Py_NewRef(Py_None);
    PyObject *importer = PyDict_GetItemWithError(cache, path);
    if (importer != NULL || PyErr_Occurred())
        return Py_XNewRef(importer);
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(hooks); i++) {
        PyObject *hook = PyList_GET_ITEM(hooks, i);
        importer = PyObject_CallOneArg(hook, path);
        if (importer != NULL)
            break;
        if (!PyErr_ExceptionMatches(PyExc_ImportError))
            return NULL;
        PyErr_Clear();
    }
    if (importer == NULL)
        return Py_NewRef(Py_None);
    if (PyDict_SetItem(cache, path, importer) < 0) {
        Py_DECREF(importer);
        return NULL;
    }
    return importer;
}
