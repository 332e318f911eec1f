/* namespaceobject.c — types.SimpleNamespace: an object whose attributes live in a
 * plain dict (sys.implementation, import specs, user code via types.py). */
#include "Python.h"

typedef struct {
    PyObject_HEAD
    PyObject *ns_dict;
} _PyNamespaceObject;

static PyObject *namespace_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    _PyNamespaceObject *ns = (_PyNamespaceObject *)type->tp_alloc(type, 0);
    if (ns == NULL)
        return NULL;
    ns->ns_dict = PyDict_New();
    if (ns->ns_dict == NULL) {
        Py_DECREF(ns);
        return NULL;
    }
    return (PyObject *)ns;
}

/* SimpleNamespace(**kwargs): keywords only, and they must be strings. */
static int namespace_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_Format(PyExc_TypeError, "no positional arguments expected");
        return -1;
    }
    if (kwds == NULL)
        return 0;
    if (!PyArg_ValidateKeywordArguments(kwds))
        return -1;
    return PyDict_Update(((_PyNamespaceObject *)self)->ns_dict, kwds);
}

static void namespace_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((_PyNamespaceObject *)self)->ns_dict);
    Py_TYPE(self)->tp_free(self);
}

static int namespace_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((_PyNamespaceObject *)self)->ns_dict);
    return 0;
}

static int namespace_clear(PyObject *self)
{
    Py_CLEAR(((_PyNamespaceObject *)self)->ns_dict);
    return 0;
}

/* "namespace(a=1, b='x')" in insertion order; only non-empty str keys are shown;
 * subclasses show their own name; a recursive reference shows as "namespace(...)". */
static PyObject *namespace_repr(PyObject *self)
{
    const char *name = Py_IS_TYPE(self, &_PyNamespace_Type) ? "namespace"
                                                              : Py_TYPE(self)->tp_name;
    int rec = Py_ReprEnter(self);
    if (rec != 0)
        return rec > 0 ? PyUnicode_FromFormat("%s(...)", name) : NULL;
    PyObject *d = ((_PyNamespaceObject *)self)->ns_dict;
    PyObject *pairs = PyList_New(0), *keys = NULL, *sep = NULL, *body = NULL, *result = NULL;
    if (pairs == NULL || (keys = PyDict_Keys(d)) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(keys); i++) {
        PyObject *key = PyList_GET_ITEM(keys, i), *value, *item;
        if (!PyUnicode_Check(key) || PyUnicode_GET_LENGTH(key) == 0)
            continue;
        value = PyDict_GetItemWithError(d, key);
        if (value == NULL) {
            if (PyErr_Occurred())
                goto done;
            continue;
        }
        Py_INCREF(value); /* the value's repr may run code that mutates the dict */
        item = PyUnicode_FromFormat("%U=%R", key, value);
        Py_DECREF(value);
        if (item == NULL || PyList_Append(pairs, item) < 0) {
            Py_XDECREF(item);
            goto done;
        }
        Py_DECREF(item);
    }
    if ((sep = PyUnicode_FromString(", ")) == NULL || (body = PyUnicode_Join(sep, pairs)) == NULL)
        goto done;
    result = PyUnicode_FromFormat("%s(%U)", name, body);
done:
    Py_XDECREF(body);
    Py_XDECREF(sep);
    Py_XDECREF(keys);
    Py_XDECREF(pairs);
    Py_ReprLeave(self);
    return result;
}

/* Two namespaces (of any subclass) compare like their dicts. */
static PyObject *namespace_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyObject_TypeCheck(self, &_PyNamespace_Type) &&
        PyObject_TypeCheck(other, &_PyNamespace_Type))
        return PyObject_RichCompare(((_PyNamespaceObject *)self)->ns_dict,
                                    ((_PyNamespaceObject *)other)->ns_dict, op);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *namespace_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = PyTuple_New(0);
    if (args == NULL)
        return NULL;
    PyObject *result = PyTuple_Pack(3, (PyObject *)Py_TYPE(self), args,
                                    ((_PyNamespaceObject *)self)->ns_dict);
    Py_DECREF(args);
    return result;
}

static PyMethodDef namespace_methods[] = {
    {"__reduce__", namespace_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef namespace_members[] = {
    {"__dict__", T_OBJECT, offsetof(_PyNamespaceObject, ns_dict), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject _PyNamespace_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(_PyNamespaceObject),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = "A simple attribute-based namespace.\n\nSimpleNamespace(**kwargs)",
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_richcompare = namespace_richcompare,
    .tp_methods = namespace_methods,
    .tp_members = namespace_members,
    .tp_dictoffset = offsetof(_PyNamespaceObject, ns_dict),
    .tp_init = namespace_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = namespace_new,
    .tp_free = PyObject_GC_Del,
};

PyObject *_PyNamespace_New(PyObject *kwds)
{
    PyObject *ns = namespace_new(&_PyNamespace_Type, NULL, NULL);
    if (ns == NULL)
        return NULL;
    if (kwds != NULL && PyDict_Update(((_PyNamespaceObject *)ns)->ns_dict, kwds) != 0) {
        Py_DECREF(ns);
        return NULL;
    }
    return ns;
}
