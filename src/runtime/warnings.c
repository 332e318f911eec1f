/* warnings.c — issuing warnings from C (PyErr_WarnEx and friends) with CPython's filter
 * algorithm: a `filters` list of (action, message, category, module, lineno) tuples, the
 * per-module __warningregistry__, the once registry and the default action.  That state is
 * shared with the `_warnings` module (src/modules/_warnings.c) and so with the stdlib
 * `warnings` module, whose filters/_showwarnmsg are used once it is imported. */
#include "Python.h"
#include "frameobject.h"

static PyObject *filters = NULL;        /* list */
static PyObject *once_registry = NULL;  /* dict */
static PyObject *default_action = NULL; /* str */
static long filters_version = 0;

/* One built-in filter: (action, None, category, module-or-None, 0). */
static int append_filter(PyObject *list, const char *action, PyObject *category,
                         const char *module)
{
    PyObject *t = Py_BuildValue("(sOOOi)", action, Py_None, category, Py_None, 0);
    if (t == NULL)
        return -1;
    if (module != NULL) {
        PyObject *m = PyUnicode_FromString(module);
        if (m == NULL) {
            Py_DECREF(t);
            return -1;
        }
        Py_SETREF(PyTuple_GET_ITEM(t, 3), m);
    }
    int r = PyList_Append(list, t);
    Py_DECREF(t);
    return r;
}

/* A -W / PYTHONWARNINGS entry "action:message:category:module:lineno" as a filter at the
 * front (later options win, as warnings._processoptions does).  Malformed entries are
 * left for the stdlib warnings module to report; message and module are matched as plain
 * text here. */
static int add_option(PyObject *list, const char *s)
{
    const char *parts[5] = {0};
    size_t lens[5] = {0};
    int n = 0;
    for (const char *p = s; n < 5;) {
        const char *c = strchr(p, ':');
        parts[n] = p;
        lens[n] = c ? (size_t)(c - p) : strlen(p);
        n++;
        if (c == NULL)
            break;
        p = c + 1;
    }
    static const char *const actions[] = {"error", "ignore", "always", "default", "module",
                                          "once", NULL};
    const char *action = NULL;
    for (int k = 0; actions[k] && lens[0] > 0; k++)
        if (strncmp(actions[k], parts[0], lens[0]) == 0)
            action = actions[k];
    if (action == NULL)
        return 0;
    PyObject *category = PyExc_Warning;
    if (n > 2 && lens[2] > 0) {
        PyObject *cname = PyUnicode_FromStringAndSize(parts[2], (Py_ssize_t)lens[2]);
        if (cname == NULL)
            return -1;
        category = PyDict_GetItemWithError(_PyInterpreterState_GET()->builtins, cname);
        Py_DECREF(cname);
        if (category == NULL || !PyType_Check(category) ||
            !PyType_IsSubtype((PyTypeObject *)category, (PyTypeObject *)PyExc_Warning)) {
            PyErr_Clear();
            return 0;
        }
    }
    long lineno = n > 4 && lens[4] > 0 ? strtol(parts[4], NULL, 10) : 0;
    PyObject *msg = n > 1 && lens[1] > 0
        ? PyUnicode_FromStringAndSize(parts[1], (Py_ssize_t)lens[1]) : Py_NewRef(Py_None);
    PyObject *mod = n > 3 && lens[3] > 0
        ? PyUnicode_FromStringAndSize(parts[3], (Py_ssize_t)lens[3]) : Py_NewRef(Py_None);
    PyObject *t = msg && mod ? Py_BuildValue("(sOOOl)", action, msg, category, mod, lineno)
                             : NULL;
    Py_XDECREF(msg);
    Py_XDECREF(mod);
    if (t == NULL)
        return -1;
    int r = PyList_Insert(list, 0, t);
    Py_DECREF(t);
    return r;
}

/* The state, created on first use: CPython 3.11's default filters plus -W options. */
int _PyWarnings_InitState(void)
{
    if (filters != NULL)
        return 0;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return -1;
    if (append_filter(list, "default", PyExc_DeprecationWarning, "__main__") < 0 ||
        append_filter(list, "ignore", PyExc_DeprecationWarning, NULL) < 0 ||
        append_filter(list, "ignore", PyExc_PendingDeprecationWarning, NULL) < 0 ||
        append_filter(list, "ignore", PyExc_ImportWarning, NULL) < 0 ||
        append_filter(list, "ignore", PyExc_ResourceWarning, NULL) < 0)
        goto error;
    PyObject *opts = PySys_GetObject("warnoptions");
    if (opts != NULL && PyList_Check(opts)) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(opts); i++) {
            PyObject *o = PyList_GET_ITEM(opts, i);
            const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
            if (s == NULL) {
                PyErr_Clear();
                continue;
            }
            if (add_option(list, s) < 0)
                goto error;
        }
    }
    if ((once_registry = PyDict_New()) == NULL ||
        (default_action = PyUnicode_FromString("default")) == NULL)
        goto error;
    filters = list;
    return 0;
error:
    Py_DECREF(list);
    Py_CLEAR(once_registry);
    Py_CLEAR(default_action);
    return -1;
}

PyObject *_PyWarnings_GetFilters(void) { return filters; }
PyObject *_PyWarnings_GetOnceRegistry(void) { return once_registry; }
PyObject *_PyWarnings_GetDefaultAction(void) { return default_action; }
void _PyWarnings_FiltersMutated(void) { filters_version++; }

/* warnings.<attr> if the stdlib module has been imported (borrowed-free: new ref or NULL
 * without an exception when it is absent). */
static PyObject *get_warnings_attr(const char *attr)
{
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *mod = modules ? PyDict_GetItemString(modules, "warnings") : NULL;
    if (mod == NULL || mod == Py_None)
        return NULL;
    PyObject *v = PyObject_GetAttrString(mod, attr);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_AttributeError))
        PyErr_Clear();
    return v;
}

/* None matches anything, an exact str matches exactly, anything else is a regex. */
static int check_matched(PyObject *obj, PyObject *arg)
{
    if (obj == Py_None)
        return 1;
    if (PyUnicode_CheckExact(obj)) {
        int c = PyUnicode_Compare(obj, arg);
        return c == -1 && PyErr_Occurred() ? -1 : c == 0;
    }
    PyObject *r = PyObject_CallMethod(obj, "match", "O", arg);
    if (r == NULL)
        return -1;
    int ok = PyObject_IsTrue(r);
    Py_DECREF(r);
    return ok;
}

/* The action (new ref) of the first matching filter; *item gets the filter (or None). */
static PyObject *get_filter(PyObject *category, PyObject *text, Py_ssize_t lineno,
                            PyObject *module, PyObject **item)
{
    /* As CPython: the warnings module's current list becomes the state's, which is what
     * is used once warnings.filters is gone (deleted, or catch_warnings swapped it). */
    PyObject *list = get_warnings_attr("filters");
    if (list == NULL) {
        if (PyErr_Occurred())
            return NULL;
        list = Py_NewRef(filters);
    } else {
        Py_SETREF(filters, Py_NewRef(list));
    }
    if (!PyList_Check(list)) {
        PyErr_SetString(PyExc_ValueError, "_warnings.filters must be a list");
        Py_DECREF(list);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *f = PyList_GET_ITEM(list, i);
        if (!PyTuple_Check(f) || PyTuple_GET_SIZE(f) != 5) {
            PyErr_Format(PyExc_ValueError, "_warnings.filters item %zd isn't a 5-tuple", i);
            Py_DECREF(list);
            return NULL;
        }
        Py_INCREF(f);
        PyObject *action = PyTuple_GET_ITEM(f, 0), *msg = PyTuple_GET_ITEM(f, 1);
        PyObject *cat = PyTuple_GET_ITEM(f, 2), *mod = PyTuple_GET_ITEM(f, 3);
        PyObject *ln_obj = PyTuple_GET_ITEM(f, 4);
        if (!PyUnicode_Check(action)) {
            PyErr_Format(PyExc_TypeError, "action must be a string, not '%.200s'",
                         Py_TYPE(action)->tp_name);
            Py_DECREF(f);
            Py_DECREF(list);
            return NULL;
        }
        int good_msg = check_matched(msg, text);
        int good_mod = good_msg > 0 ? check_matched(mod, module) : good_msg;
        int is_sub = good_mod > 0 ? PyObject_IsSubclass(category, cat) : good_mod;
        Py_ssize_t ln = is_sub > 0 ? PyLong_AsSsize_t(ln_obj) : 0;
        if (is_sub < 0 || (ln == -1 && PyErr_Occurred())) {
            Py_DECREF(f);
            Py_DECREF(list);
            return NULL;
        }
        if (good_msg && good_mod && is_sub && (ln == 0 || ln == lineno)) {
            *item = f;
            Py_DECREF(list);
            return Py_NewRef(action);
        }
        Py_DECREF(f);
    }
    Py_DECREF(list);
    *item = Py_NewRef(Py_None);
    PyObject *action = get_warnings_attr("defaultaction");
    if (action == NULL && !PyErr_Occurred())
        action = Py_NewRef(default_action);
    else if (action != NULL && !PyUnicode_Check(action)) {
        PyErr_Format(PyExc_TypeError, "_warnings.defaultaction must be a string, not '%.200s'",
                     Py_TYPE(action)->tp_name);
        Py_CLEAR(action);
    } else if (action != NULL) {
        Py_SETREF(default_action, Py_NewRef(action));
    }
    if (action == NULL)
        Py_CLEAR(*item);
    return action;
}

/* 1 if key was already warned about in registry (setting it when should_set), else 0. */
static int already_warned(PyObject *registry, PyObject *key, int should_set)
{
    if (!PyDict_Check(registry))
        return 0;
    PyObject *version = PyDict_GetItemString(registry, "version");
    if (version == NULL || !PyLong_Check(version) || PyLong_AsLong(version) != filters_version) {
        PyDict_Clear(registry);
        PyObject *v = PyLong_FromLong(filters_version);
        if (v == NULL || PyDict_SetItemString(registry, "version", v) < 0) {
            Py_XDECREF(v);
            return -1;
        }
        Py_DECREF(v);
    } else {
        PyObject *seen = PyDict_GetItemWithError(registry, key);
        if (seen != NULL)
            return PyObject_IsTrue(seen);
        if (PyErr_Occurred())
            return -1;
    }
    return should_set ? (PyDict_SetItem(registry, key, Py_True) < 0 ? -1 : 0) : 0;
}

static int update_registry(PyObject *registry, PyObject *text, PyObject *category, int add_zero)
{
    PyObject *altkey = add_zero ? Py_BuildValue("(OOi)", text, category, 0)
                                : Py_BuildValue("(OO)", text, category);
    if (altkey == NULL)
        return -1;
    int r = already_warned(registry, altkey, 1);
    Py_DECREF(altkey);
    return r;
}

/* "file:lineno: Category: message\n  source line\n" on sys.stderr, as CPython's C
 * fallback prints it. */
static int show_warning(PyObject *filename, int lineno, PyObject *text, PyObject *category,
                        PyObject *sourceline)
{
    PyObject *f = PySys_GetObject("stderr");
    if (f == NULL || f == Py_None)
        return 0;
    PyObject *name = PyObject_GetAttrString(category, "__name__");
    if (name == NULL)
        return -1;
    PyObject *line = PyUnicode_FromFormat("%S:%d: %S: %S\n", filename, lineno, name, text);
    Py_DECREF(name);
    if (line == NULL)
        return -1;
    int r = PyFile_WriteObject(line, f, Py_PRINT_RAW);
    Py_DECREF(line);
    if (r < 0)
        return -1;
    PyObject *src = sourceline ? Py_NewRef(sourceline)
                               : _PyTraceback_GetSourceLine(filename, lineno);
    if (src != NULL && PyUnicode_Check(src)) {
        PyObject *ws = PyUnicode_FromString(" \t\f");
        PyObject *stripped = ws ? _PyUnicode_XStrip(src, 0, ws) : NULL; /* leading only */
        Py_XDECREF(ws);
        Py_DECREF(src);
        if (stripped == NULL)
            return -1;
        PyObject *out = PyUnicode_FromFormat("  %U\n", stripped);
        Py_DECREF(stripped);
        if (out == NULL)
            return -1;
        r = PyFile_WriteObject(out, f, Py_PRINT_RAW);
        Py_DECREF(out);
    } else {
        Py_XDECREF(src);
        PyErr_Clear();
    }
    return r;
}

/* Through warnings._showwarnmsg when the stdlib module is loaded, else the C printer. */
static int call_show_warning(PyObject *category, PyObject *text, PyObject *message,
                             PyObject *filename, int lineno, PyObject *sourceline,
                             PyObject *source)
{
    PyObject *show_fn = get_warnings_attr("_showwarnmsg");
    if (show_fn == NULL) {
        if (PyErr_Occurred())
            return -1;
        return show_warning(filename, lineno, text, category, sourceline);
    }
    if (!PyCallable_Check(show_fn)) {
        PyErr_SetString(PyExc_TypeError, "warnings._showwarnmsg() must be set to a callable");
        Py_DECREF(show_fn);
        return -1;
    }
    PyObject *cls = get_warnings_attr("WarningMessage");
    if (cls == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError,
                            "unable to get warnings.WarningMessage");
        Py_DECREF(show_fn);
        return -1;
    }
    PyObject *msg = PyObject_CallFunction(cls, "OOOiOOO", message, category, filename, lineno,
                                          Py_None, Py_None, source ? source : Py_None);
    Py_DECREF(cls);
    PyObject *r = msg ? PyObject_CallOneArg(show_fn, msg) : NULL;
    Py_XDECREF(msg);
    Py_DECREF(show_fn);
    Py_XDECREF(r);
    return r ? 0 : -1;
}

/* "spam.py" -> "spam", "" -> "<unknown>": the module name CPython guesses from a file. */
static PyObject *normalize_module(PyObject *filename)
{
    Py_ssize_t len = PyUnicode_GetLength(filename);
    if (len < 0)
        return NULL;
    if (len == 0)
        return PyUnicode_FromString("<unknown>");
    PyObject *suffix = PyUnicode_Substring(filename, len >= 3 ? len - 3 : 0, len);
    if (suffix == NULL)
        return NULL;
    int py = _PyUnicode_EqualToASCIIString(suffix, ".py");
    Py_DECREF(suffix);
    return py ? PyUnicode_Substring(filename, 0, len - 3) : Py_NewRef(filename);
}

/* The heart: CPython's warn_explicit().  Returns 0 (shown or suppressed) or -1. */
int _PyWarnings_WarnExplicit(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry,
                             PyObject *sourceline, PyObject *source)
{
    if (_PyWarnings_InitState() < 0)
        return -1;
    if (registry && registry != Py_None && !PyDict_Check(registry)) {
        PyErr_SetString(PyExc_TypeError, "'registry' must be a dict or None");
        return -1;
    }
    PyObject *text = NULL, *key = NULL, *action = NULL, *item = NULL;
    int rc = -1;
    module = module ? Py_NewRef(module) : normalize_module(filename);
    if (module == NULL)
        return -1;
    Py_INCREF(message);
    Py_INCREF(category);
    int is_warning = PyObject_IsInstance(message, PyExc_Warning);
    if (is_warning < 0)
        goto done;
    if (is_warning) {
        text = PyObject_Str(message);
        Py_SETREF(category, Py_NewRef((PyObject *)Py_TYPE(message)));
    } else {
        text = Py_NewRef(message);
        Py_SETREF(message, PyObject_CallOneArg(category, message));
    }
    if (text == NULL || message == NULL)
        goto done;
    key = Py_BuildValue("(OOi)", text, category, lineno);
    if (key == NULL)
        goto done;
    if (registry && registry != Py_None) {
        int already = already_warned(registry, key, 0);
        if (already != 0) {
            rc = already < 0 ? -1 : 0;
            goto done;
        }
    }
    action = get_filter(category, text, lineno, module, &item);
    if (action == NULL)
        goto done;
    if (_PyUnicode_EqualToASCIIString(action, "error")) {
        PyErr_SetObject(category, message);
        goto done;
    }
    if (_PyUnicode_EqualToASCIIString(action, "ignore")) {
        rc = 0;   /* as CPython: before the registry is touched */
        goto done;
    }
    int seen = 0;
    if (!_PyUnicode_EqualToASCIIString(action, "always")) {
        if (registry && registry != Py_None && PyDict_SetItem(registry, key, Py_True) < 0)
            goto done;
        if (_PyUnicode_EqualToASCIIString(action, "ignore")) {
            rc = 0;
            goto done;
        } else if (_PyUnicode_EqualToASCIIString(action, "once")) {
            PyObject *reg = registry && registry != Py_None ? Py_NewRef(registry)
                                                            : get_warnings_attr("onceregistry");
            if (reg == NULL && PyErr_Occurred())
                goto done;
            if (reg == NULL) {
                reg = Py_NewRef(once_registry);
            } else if (reg != registry) {
                if (!PyDict_Check(reg)) {
                    PyErr_Format(PyExc_TypeError,
                                 "_warnings.onceregistry must be a dict, not '%.200s'",
                                 Py_TYPE(reg)->tp_name);
                    Py_DECREF(reg);
                    goto done;
                }
                Py_SETREF(once_registry, Py_NewRef(reg));
            }
            seen = update_registry(reg, text, category, 0);
            Py_DECREF(reg);
        } else if (_PyUnicode_EqualToASCIIString(action, "module")) {
            if (registry && registry != Py_None)
                seen = update_registry(registry, text, category, 0);
        } else if (!_PyUnicode_EqualToASCIIString(action, "default")) {
            PyErr_Format(PyExc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R",
                         action, item);
            goto done;
        }
    }
    if (seen < 0)
        goto done;
    rc = seen == 1 ? 0 : call_show_warning(category, text, message, filename, lineno,
                                           sourceline, source);
done:
    Py_XDECREF(text);
    Py_XDECREF(key);
    Py_XDECREF(action);
    Py_XDECREF(item);
    Py_XDECREF(message);
    Py_XDECREF(category);
    Py_DECREF(module);
    return rc;
}

/* importlib's bootstrap frames are skipped when counting stack levels. */
static int is_internal_frame(PyFrameObject *f)
{
    if (f == NULL)
        return 0;
    const char *fn = PyUnicode_Check(f->f_code->co_filename)
        ? PyUnicode_AsUTF8(f->f_code->co_filename) : NULL;
    if (fn == NULL) {
        PyErr_Clear();
        return 0;
    }
    return strstr(fn, "importlib") != NULL && strstr(fn, "_bootstrap") != NULL;
}

static PyFrameObject *next_external_frame(PyFrameObject *f)
{
    do {
        f = f->f_back;
    } while (f != NULL && is_internal_frame(f));
    return f;
}

/* The caller's location stack_level frames up, as CPython's setup_context(). */
int _PyWarnings_WarnWithStack(PyObject *category, PyObject *message, Py_ssize_t stack_level,
                              PyObject *source)
{
    PyFrameObject *f = PyEval_GetFrame();
    if (stack_level <= 0 || is_internal_frame(f)) {
        while (--stack_level > 0 && f != NULL)
            f = f->f_back;
    } else {
        while (--stack_level > 0 && f != NULL)
            f = next_external_frame(f);
    }
    PyObject *globals, *filename;
    int lineno;
    if (f == NULL) {
        globals = _PyInterpreterState_GET()->sysdict;
        filename = PyUnicode_FromString("sys");
        lineno = 1;
    } else {
        globals = f->f_globals;
        filename = Py_NewRef(f->f_code->co_filename);
        lineno = PyFrame_GetLineNumber(f);
    }
    if (filename == NULL)
        return -1;
    PyObject *registry = PyDict_GetItemString(globals, "__warningregistry__");
    if (registry == NULL) {
        registry = PyDict_New();
        if (registry == NULL || PyDict_SetItemString(globals, "__warningregistry__", registry) < 0) {
            Py_XDECREF(registry);
            Py_DECREF(filename);
            return -1;
        }
    } else {
        Py_INCREF(registry);
    }
    PyObject *module = PyDict_GetItemString(globals, "__name__");
    module = module && (module == Py_None || PyUnicode_Check(module))
        ? Py_NewRef(module) : PyUnicode_FromString("<string>");
    int r = -1;
    if (module != NULL)
        r = _PyWarnings_WarnExplicit(category, message, filename, lineno, module, registry,
                                     NULL, source);
    Py_XDECREF(module);
    Py_DECREF(registry);
    Py_DECREF(filename);
    return r;
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry)
{
    return _PyWarnings_WarnExplicit(category ? category : PyExc_UserWarning, message, filename,
                                    lineno, module, registry, NULL, NULL);
}

int PyErr_WarnExplicit(PyObject *category, const char *text, const char *filename_str,
                       int lineno, const char *module_str, PyObject *registry)
{
    PyObject *message = PyUnicode_FromString(text);
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = module_str ? PyUnicode_FromString(module_str) : NULL;
    int ret = -1;
    if (message && filename && (module || !module_str))
        ret = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
    Py_XDECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return ret;
}

int PyErr_WarnExplicitFormat(PyObject *category, const char *filename_str, int lineno,
                             const char *module_str, PyObject *registry, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *message = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (message == NULL)
        return -1;
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    PyObject *module = module_str ? PyUnicode_FromString(module_str) : NULL;
    int ret = -1;
    if (filename && (module || !module_str))
        ret = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
    Py_DECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return ret;
}

int PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL)
        return -1;
    int r = _PyWarnings_WarnWithStack(category ? category : PyExc_RuntimeWarning, message,
                                      stack_level, NULL);
    Py_DECREF(message);
    return r;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *message = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (message == NULL)
        return -1;
    int r = _PyWarnings_WarnWithStack(category ? category : PyExc_RuntimeWarning, message,
                                      stack_level, NULL);
    Py_DECREF(message);
    return r;
}

int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    PyObject *message = PyUnicode_FromFormatV(format, vargs);
    va_end(vargs);
    if (message == NULL)
        return -1;
    int r = _PyWarnings_WarnWithStack(PyExc_ResourceWarning, message, stack_level, source);
    Py_DECREF(message);
    return r;
}

void _PyWarnings_Fini(PyInterpreterState *interp)
{
    Py_CLEAR(filters);
    Py_CLEAR(once_registry);
    Py_CLEAR(default_action);
}
