/* _weakref.c — the `_weakref` module that weakref.py builds on: ref/proxy constructors,
 * getweakrefcount, getweakrefs, _remove_dead_weakref and the reference types.
 * Owner: modules-os.  The types themselves are src/objects/weakrefobject.c. */
#include "Python.h"

/* As 3.11's macro (bpo-16602): a referent whose refcount already dropped to 0 (its
 * deallocation delayed, e.g. by the trashcan, before its weakrefs are cleared) reads as
 * dead, never as a live object.  (include/weakrefobject.h still has the plain one.) */
#undef PyWeakref_GET_OBJECT
#define PyWeakref_GET_OBJECT(ref)                                   \
    (Py_REFCNT(((PyWeakReference *)(ref))->wr_object) > 0           \
         ? ((PyWeakReference *)(ref))->wr_object : Py_None)

static PyObject *weakref_getweakrefcount(PyObject *module, PyObject *object)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(object)))
        return PyLong_FromLong(0);
    PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(object);
    return PyLong_FromSsize_t(_PyWeakref_GetWeakrefCount(*list));
}

static PyObject *weakref_getweakrefs(PyObject *module, PyObject *object)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(object)))
        return PyList_New(0);
    PyWeakReference *ref = *(PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(object);
    PyObject *result = PyList_New(_PyWeakref_GetWeakrefCount(ref));
    for (Py_ssize_t i = 0; result && ref; i++, ref = ref->wr_next)
        PyList_SET_ITEM(result, i, Py_NewRef(ref));
    return result;
}

/* Delete dct[key] if it is still a dead weak reference (WeakValueDictionary cleanup). */
static PyObject *weakref__remove_dead_weakref(PyObject *module, PyObject *args)
{
    PyObject *dct, *key;
    if (!PyArg_ParseTuple(args, "O!O:_remove_dead_weakref", &PyDict_Type, &dct, &key))
        return NULL;
    PyObject *value = PyDict_GetItemWithError(dct, key);
    if (value == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;   /* already gone */
    }
    if (PyWeakref_Check(value) && PyWeakref_GET_OBJECT(value) == Py_None) {
        if (PyDict_DelItem(dct, key) < 0) {
            if (!PyErr_ExceptionMatches(PyExc_KeyError))
                return NULL;
            PyErr_Clear();
        }
    }
    Py_RETURN_NONE;
}

static PyObject *weakref_proxy(PyObject *module, PyObject *args)
{
    PyObject *object, *callback = NULL;
    if (!PyArg_UnpackTuple(args, "proxy", 1, 2, &object, &callback))
        return NULL;
    return PyWeakref_NewProxy(object, callback);
}

static PyMethodDef weakref_functions[] = {
    {"getweakrefcount", weakref_getweakrefcount, METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", weakref_getweakrefs, METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", weakref__remove_dead_weakref, METH_VARARGS,
     "Atomically remove key from dict if it points to a dead weakref."},
    {"proxy", weakref_proxy, METH_VARARGS,
     "Create a proxy object that weakly references 'object'."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef weakrefmodule = {
    PyModuleDef_HEAD_INIT, "_weakref", "Weak-reference support module.",
    -1, weakref_functions, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__weakref(void)
{
    PyObject *m = PyModule_Create(&weakrefmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "ref", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ReferenceType", (PyObject *)&_PyWeakref_RefType) < 0 ||
        PyModule_AddObjectRef(m, "ProxyType", (PyObject *)&_PyWeakref_ProxyType) < 0 ||
        PyModule_AddObjectRef(m, "CallableProxyType",
                              (PyObject *)&_PyWeakref_CallableProxyType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
