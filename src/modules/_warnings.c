/* _warnings.c — the `_warnings` module: warn(), warn_explicit(), filters, _onceregistry,
 * _defaultaction, _filters_mutated(), over the C warning machinery of
 * src/runtime/warnings.c (runtime).  The stdlib warnings.py imports these names and so
 * shares one filter list with warnings issued from C. */
#include "Python.h"

/* The category to use: the message's class for a Warning instance, else the argument
 * (UserWarning for None), which must subclass Warning. */
static PyObject *get_category(PyObject *message, PyObject *category)
{
    int is_warning = PyObject_IsInstance(message, PyExc_Warning);
    if (is_warning < 0)
        return NULL;
    if (is_warning)
        return (PyObject *)Py_TYPE(message);
    if (category == NULL || category == Py_None)
        return PyExc_UserWarning;
    int ok = PyType_Check(category) ? PyObject_IsSubclass(category, PyExc_Warning) : 0;
    if (ok < 0)
        return NULL;
    if (!ok) {
        PyErr_Format(PyExc_TypeError, "category must be a Warning subclass, not '%s'",
                     Py_TYPE(category)->tp_name);
        return NULL;
    }
    return category;
}

static PyObject *warnings_warn(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"message", "category", "stacklevel", "source", NULL};
    PyObject *message, *category = Py_None, *source = Py_None;
    Py_ssize_t stacklevel = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "O|OnO:warn", kwlist, &message, &category,
                                     &stacklevel, &source))
        return NULL;
    category = get_category(message, category);
    if (category == NULL)
        return NULL;
    if (_PyWarnings_WarnWithStack(category, message, stacklevel,
                                  source == Py_None ? NULL : source) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Source line lineno from module_globals' __loader__.get_source(__name__), or None. */
static PyObject *loader_source_line(PyObject *module_globals, int lineno)
{
    if (!PyDict_Check(module_globals)) {
        PyErr_Format(PyExc_TypeError, "module_globals must be a dict, not '%.200s'",
                     Py_TYPE(module_globals)->tp_name);
        return NULL;
    }
    PyObject *loader = PyDict_GetItemString(module_globals, "__loader__");
    PyObject *name = PyDict_GetItemString(module_globals, "__name__");
    if (loader == NULL || loader == Py_None || name == NULL)
        return Py_NewRef(Py_None);
    PyObject *source = PyObject_CallMethod(loader, "get_source", "O", name);
    if (source == NULL)
        return NULL;
    if (source == Py_None)
        return source;
    PyObject *lines = PyUnicode_Splitlines(source, 0);
    Py_DECREF(source);
    if (lines == NULL)
        return NULL;
    PyObject *line = lineno >= 1 && lineno <= PyList_GET_SIZE(lines)
        ? Py_NewRef(PyList_GET_ITEM(lines, lineno - 1)) : Py_NewRef(Py_None);
    Py_DECREF(lines);
    return line;
}

static PyObject *warnings_warn_explicit(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"message", "category", "filename", "lineno", "module",
                             "registry", "module_globals", "source", NULL};
    PyObject *message, *category, *filename, *module = NULL, *registry = Py_None;
    PyObject *module_globals = Py_None, *source = Py_None;
    int lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OOUi|OOOO:warn_explicit", kwlist,
                                     &message, &category, &filename, &lineno, &module,
                                     &registry, &module_globals, &source))
        return NULL;
    PyObject *sourceline = NULL;
    if (module_globals != Py_None) {
        sourceline = loader_source_line(module_globals, lineno);
        if (sourceline == NULL)
            return NULL;
        if (sourceline == Py_None)
            Py_CLEAR(sourceline);
    }
    int r = _PyWarnings_WarnExplicit(category, message, filename, lineno,
                                     module == Py_None ? NULL : module, registry, sourceline,
                                     source == Py_None ? NULL : source);
    Py_XDECREF(sourceline);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *warnings_filters_mutated(PyObject *self, PyObject *unused)
{
    _PyWarnings_FiltersMutated();
    Py_RETURN_NONE;
}

static PyMethodDef warnings_methods[] = {
    {"warn", (PyCFunction)(void (*)(void))warnings_warn, METH_VARARGS | METH_KEYWORDS,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", (PyCFunction)(void (*)(void))warnings_warn_explicit,
     METH_VARARGS | METH_KEYWORDS, "Low-level interface to warnings functionality."},
    {"_filters_mutated", warnings_filters_mutated, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef warnings_module = {
    PyModuleDef_HEAD_INIT, "_warnings",
    "_warnings provides basic warning filtering support.\n"
    "It is a helper module to speed up interpreter start-up.", -1, warnings_methods,
};

PyObject *PyInit__warnings(void)
{
    if (_PyWarnings_InitState() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&warnings_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "filters", _PyWarnings_GetFilters()) < 0 ||
        PyModule_AddObjectRef(m, "_onceregistry", _PyWarnings_GetOnceRegistry()) < 0 ||
        PyModule_AddObjectRef(m, "_defaultaction", _PyWarnings_GetDefaultAction()) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* CPython's name for the same thing (pylifecycle may call it). */
PyObject *_PyWarnings_Init(void)
{
    return PyInit__warnings();
}
