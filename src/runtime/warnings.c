/* warnings.c — issuing warnings from C (PyErr_WarnEx and friends) with CPython's default
 * filters applied in C: DeprecationWarning shown only for __main__, Pending/Import/
 * ResourceWarning ignored, everything else shown once per location; -W / PYTHONWARNINGS
 * "action[:message[:category[:module[:lineno]]]]" entries (action and category honoured).
 * The stdlib `warnings` module takes over once it can be imported and used. */
#include "Python.h"

static PyObject *once_registry = NULL;   /* set of (text, category, filename, lineno) */

/* Category named in a -W option ("DeprecationWarning", "" = Warning). */
static int category_matches(const char *spec, size_t len, PyObject *category)
{
    if (len == 0)
        return 1;
    PyObject *name = PyUnicode_FromStringAndSize(spec, (Py_ssize_t)len);
    if (name == NULL)
        return -1;
    PyObject *cls = PyDict_GetItemWithError(_PyInterpreterState_GET()->builtins, name);
    Py_DECREF(name);
    if (cls == NULL)
        return PyErr_Occurred() ? -1 : 0;
    return PyObject_IsSubclass(category, cls);
}

/* The action for a warning: "error", "ignore", "always", "default", "module", "once". */
static const char *get_action(PyObject *category, PyObject *module)
{
    PyObject *opts = PySys_GetObject("warnoptions");
    const char *action = NULL;
    if (opts && PyList_Check(opts)) {
        /* later options take precedence, as warnings._processoptions inserts at the front */
        for (Py_ssize_t i = PyList_GET_SIZE(opts) - 1; i >= 0 && action == NULL; i--) {
            PyObject *o = PyList_GET_ITEM(opts, i);
            const char *s = PyUnicode_Check(o) ? PyUnicode_AsUTF8(o) : NULL;
            if (s == NULL) {
                PyErr_Clear();
                continue;
            }
            const char *c1 = strchr(s, ':');
            size_t alen = c1 ? (size_t)(c1 - s) : strlen(s);
            const char *cat = NULL;
            size_t clen = 0;
            if (c1) {
                const char *c2 = strchr(c1 + 1, ':');
                if (c2) {
                    cat = c2 + 1;
                    const char *c3 = strchr(cat, ':');
                    clen = c3 ? (size_t)(c3 - cat) : strlen(cat);
                }
            }
            int m = category_matches(cat ? cat : "", clen, category);
            if (m < 0) {
                PyErr_Clear();
                continue;
            }
            if (!m)
                continue;
            static const char *const actions[] = {"error", "ignore", "always", "default",
                                                  "module", "once", NULL};
            for (int k = 0; actions[k]; k++) {
                if (alen > 0 && strncmp(actions[k], s, alen) == 0) {
                    action = actions[k];
                    break;
                }
            }
        }
    }
    if (action != NULL)
        return action;
    if (PyErr_GivenExceptionMatches(category, PyExc_DeprecationWarning)) {
        if (module && PyUnicode_Check(module) && _PyUnicode_EqualToASCIIString(module, "__main__"))
            return "default";
        return "ignore";
    }
    if (PyErr_GivenExceptionMatches(category, PyExc_PendingDeprecationWarning) ||
        PyErr_GivenExceptionMatches(category, PyExc_ImportWarning) ||
        PyErr_GivenExceptionMatches(category, PyExc_ResourceWarning))
        return "ignore";
    return "default";
}

/* "file:lineno: Category: message\n  source line\n" on sys.stderr. */
static int show_warning(PyObject *filename, int lineno, PyObject *text, PyObject *category)
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
    PyObject *src = _PyTraceback_GetSourceLine(filename, lineno);
    if (src != NULL) {
        PyObject *stripped = _PyUnicode_XStrip(src, 2, NULL);
        Py_DECREF(src);
        if (stripped == NULL)
            return -1;
        PyObject *out = PyUnicode_FromFormat("  %U\n", stripped);
        Py_DECREF(stripped);
        if (out == NULL)
            return -1;
        r = PyFile_WriteObject(out, f, Py_PRINT_RAW);
        Py_DECREF(out);
    }
    return r;
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry)
{
    if (category == NULL)
        category = PyExc_UserWarning;
    PyObject *text, *instance = NULL;
    if (PyObject_IsInstance(message, PyExc_Warning) > 0) {
        instance = Py_NewRef(message);
        text = PyObject_Str(message);
        category = (PyObject *)Py_TYPE(message);
    } else {
        text = Py_NewRef(message);
    }
    if (text == NULL) {
        Py_XDECREF(instance);
        return -1;
    }
    int rc = 0;
    const char *action = get_action(category, module);
    if (strcmp(action, "error") == 0) {
        if (instance == NULL)
            instance = PyObject_CallOneArg(category, message);
        if (instance != NULL)
            PyErr_SetObject(category, instance);
        rc = -1;
    } else if (strcmp(action, "ignore") != 0) {
        int show = 1;
        if (strcmp(action, "always") != 0) {
            if (once_registry == NULL && (once_registry = PySet_New(NULL)) == NULL) {
                rc = -1;
                goto done;
            }
            PyObject *key = strcmp(action, "once") == 0
                ? Py_BuildValue("(OO)", text, category)
                : strcmp(action, "module") == 0
                ? Py_BuildValue("(OOO)", text, category, module ? module : Py_None)
                : Py_BuildValue("(OOOi)", text, category, filename, lineno);
            if (key == NULL) {
                rc = -1;
                goto done;
            }
            int seen = PySet_Contains(once_registry, key);
            if (seen == 0)
                seen = PySet_Add(once_registry, key) < 0 ? -1 : 0;
            else if (seen > 0)
                show = 0;
            Py_DECREF(key);
            if (seen < 0) {
                rc = -1;
                goto done;
            }
        }
        if (show)
            rc = show_warning(filename, lineno, text, category);
    }
done:
    Py_DECREF(text);
    Py_XDECREF(instance);
    return rc;
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

/* The location stack_level frames up (1 = the code calling the C function). */
static int warn_with_stack(PyObject *category, PyObject *message, Py_ssize_t stack_level)
{
    PyFrameObject *f = PyEval_GetFrame();
    while (f != NULL && --stack_level > 0)
        f = f->f_back;
    PyObject *filename, *module;
    int lineno;
    if (f == NULL) {
        filename = PyUnicode_FromString("sys");
        module = PyUnicode_FromString("sys");
        lineno = 1;
    } else {
        filename = Py_NewRef(f->f_code->co_filename);
        lineno = PyFrame_GetLineNumber(f);
        module = PyDict_GetItemString(f->f_globals, "__name__");
        module = module ? Py_NewRef(module) : PyUnicode_FromString("<string>");
    }
    int r = -1;
    if (filename && module)
        r = PyErr_WarnExplicitObject(category, message, filename, lineno, module, NULL);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return r;
}

int PyErr_WarnEx(PyObject *category, const char *text, Py_ssize_t stack_level)
{
    PyObject *message = PyUnicode_FromString(text);
    if (message == NULL)
        return -1;
    int r = warn_with_stack(category ? category : PyExc_RuntimeWarning, message, stack_level);
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
    int r = warn_with_stack(category ? category : PyExc_RuntimeWarning, message, stack_level);
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
    int r = warn_with_stack(PyExc_ResourceWarning, message, stack_level);
    Py_DECREF(message);
    return r;
}

/* The _warnings module is not provided yet: the stdlib warnings.py falls back to its
 * pure-Python implementation when `import _warnings` fails. */
PyObject *_PyWarnings_Init(void)
{
    PyErr_SetString(PyExc_ImportError, "No module named '_warnings'");
    return NULL;
}

void _PyWarnings_Fini(PyInterpreterState *interp)
{
    Py_CLEAR(once_registry);
}
