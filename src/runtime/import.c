/* import.c — the import system: sys.modules, built-in modules (config.c's table) and,
 * until importlib takes over, a C path finder that loads .py modules and packages
 * (__init__.py) from sys.path / __path__, with CPython's error messages.
 * Compiling and running module code is Py_CompileStringObject + PyEval_EvalCode. */
#include "Python.h"
#include <sys/stat.h>
#include <unistd.h>

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
    const char *t = PyUnicode_AsUTF8(tail);
    if (t == NULL)
        return NULL;
    PyObject *snapshot = PyList_GetSlice(path, 0, PyList_GET_SIZE(path));
    if (snapshot == NULL)
        return NULL;
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(snapshot) && result == NULL; i++) {
        PyObject *entry = PyList_GET_ITEM(snapshot, i);
        if (!PyUnicode_Check(entry))
            continue;
        const char *e = PyUnicode_AsUTF8(entry);
        char d[4096];
        if (e == NULL || entry_dir(e, d, sizeof(d)) < 0) {
            PyErr_Clear();
            continue;
        }
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
    return result;
}

/* dir/__pycache__/name.krait-311.pyc, as importlib.util.cache_from_source would say. */
static PyObject *cache_from_source(PyObject *file)
{
    const char *f = PyUnicode_AsUTF8(file);
    if (f == NULL)
        return NULL;
    const char *slash = strrchr(f, '/');
    const char *base = slash ? slash + 1 : f;
    size_t blen = strlen(base);
    if (blen > 3 && strcmp(base + blen - 3, ".py") == 0)
        blen -= 3;
    return PyUnicode_FromFormat("%.*s__pycache__/%.*s.krait-311.pyc",
                                (int)(slash ? slash - f + 1 : 0), f, (int)blen, base);
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
        int builtin = _PyImport_IsBuiltin(PyUnicode_AsUTF8(fullname));
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
    PyObject *mod = import_dotted(abs_name);
    if (mod == NULL) {
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
            result = handle_fromlist(mod, fromlist, 0) < 0 ? NULL : Py_NewRef(mod);
        } else {
            result = Py_NewRef(mod);
        }
    }
    Py_DECREF(mod);
    Py_DECREF(abs_name);
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

PyObject *_PyImport_ImportFrom(PyObject *v, PyObject *name)
{
    PyObject *x;
    if (_PyObject_LookupAttr(v, name, &x) != 0)
        return x;
    PyObject *pkgname = PyObject_GetAttrString(v, "__name__");
    if (pkgname == NULL || !PyUnicode_Check(pkgname)) {
        Py_XDECREF(pkgname);
        PyErr_Clear();
        goto error;
    }
    PyObject *fullmodname = PyUnicode_FromFormat("%U.%U", pkgname, name);
    if (fullmodname == NULL) {
        Py_DECREF(pkgname);
        return NULL;
    }
    x = PyImport_GetModule(fullmodname);
    Py_DECREF(fullmodname);
    if (x == NULL && !PyErr_Occurred())
        goto error_pkg;
    Py_DECREF(pkgname);
    return x;
error_pkg:;
    PyObject *pkgpath = PyModule_Check(v) ? PyModule_GetFilenameObject(v) : NULL;
    if (pkgpath == NULL)
        PyErr_Clear();
    PyObject *errmsg;
    int initializing = is_initializing(v);
    if (initializing)
        errmsg = PyUnicode_FromFormat("cannot import name %R from partially initialized module %R "
                                      "(most likely due to a circular import) (%S)",
                                      name, pkgname, pkgpath ? pkgpath : Py_None);
    else if (pkgpath == NULL || !PyUnicode_Check(pkgpath))
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name, pkgname);
    else
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (%S)", name, pkgname, pkgpath);
    if (errmsg != NULL) {
        PyErr_SetImportError(errmsg, pkgname, pkgpath);
        Py_DECREF(errmsg);
    }
    Py_XDECREF(pkgpath);
    Py_DECREF(pkgname);
    return NULL;
error:
    PyErr_Format(PyExc_ImportError, "cannot import name %R", name);
    return NULL;
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

/* sys.path: PYTHONPATH, Krait's lib/, then the host's pure-Python stdlib. */
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
    const char *dirs[] = {KRAIT_LIBDIR, "/usr/lib/python3.11", NULL};
    for (int i = 0; dirs[i]; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(dirs[i]);
        if (s == NULL || PyList_Append(path, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(path);
            return -1;
        }
        Py_DECREF(s);
    }
    int r = PyDict_SetItemString(interp->sysdict, "path", path);
    Py_DECREF(path);
    if (importing == NULL && (importing = PySet_New(NULL)) == NULL)
        return -1;
    return r;
}

void _PyImport_Fini(PyInterpreterState *interp)
{
    Py_CLEAR(importing);
}
