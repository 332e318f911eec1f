/* _abcmodule.c — the `_abc` accelerator for abc.py: per-class _abc_data (registry,
 * positive and negative caches held as sets of weak references), abstract-method
 * computation, register with cycle check, the instance/subclass checks with CPython's
 * caching order, __abc_tpflags__ (Sequence/Mapping flags for `match`) and the global cache
 * token.  Owner: modnew. */
#include "Python.h"

#define PyDoc_STR(str) str   /* docstrings are always compiled in */

#define COLLECTION_FLAGS (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)

static unsigned long long abc_invalidation_counter;   /* bumped by every register() */
static PyObject *str_abc_impl, *str_abstractmethods, *str_isabstractmethod,
    *str_subclasscheck, *str_subclasshook, *str_abc_tpflags, *str_class, *str_subclasses;

/* ================================================================ _abc_data */

typedef struct {
    PyObject_HEAD
    PyObject *_abc_registry;         /* set of weakrefs, or NULL until needed */
    PyObject *_abc_cache;
    PyObject *_abc_negative_cache;
    unsigned long long _abc_negative_cache_version;
} _abc_data;

static int abc_data_traverse(_abc_data *self, visitproc visit, void *arg)
{
    Py_VISIT(self->_abc_registry);
    Py_VISIT(self->_abc_cache);
    Py_VISIT(self->_abc_negative_cache);
    return 0;
}

static int abc_data_clear(_abc_data *self)
{
    Py_CLEAR(self->_abc_registry);
    Py_CLEAR(self->_abc_cache);
    Py_CLEAR(self->_abc_negative_cache);
    return 0;
}

static void abc_data_dealloc(_abc_data *self)
{
    PyObject_GC_UnTrack(self);
    abc_data_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *abc_data_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    _abc_data *self = (_abc_data *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->_abc_negative_cache_version = abc_invalidation_counter;
    return (PyObject *)self;
}

static PyTypeObject _abc_data_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_abc._abc_data",
    .tp_basicsize = sizeof(_abc_data),
    .tp_dealloc = (destructor)abc_data_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Internal state held by ABC machinery.",
    .tp_traverse = (traverseproc)abc_data_traverse,
    .tp_clear = (inquiry)abc_data_clear,
    .tp_new = abc_data_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

static _abc_data *get_impl(PyObject *self)
{
    PyObject *impl = PyObject_GetAttr(self, str_abc_impl);
    if (impl == NULL)
        return NULL;
    if (!Py_IS_TYPE(impl, &_abc_data_type)) {
        PyErr_SetString(PyExc_TypeError, "_abc_impl is set to a wrong type");
        Py_DECREF(impl);
        return NULL;
    }
    return (_abc_data *)impl;
}

/* ================================================================ weak sets */

/* 1 if obj is in the set of weakrefs, 0 if not (or obj cannot be weakly referenced). */
static int in_weak_set(PyObject *set, PyObject *obj)
{
    if (set == NULL || PySet_GET_SIZE(set) == 0)
        return 0;
    PyObject *ref = PyWeakref_NewRef(obj, NULL);
    if (ref == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    int res = PySet_Contains(set, ref);
    Py_DECREF(ref);
    return res;
}

/* The weakref callback: self is a weakref to the set; drop the dead reference from it. */
static PyObject *destroy_cb(PyObject *setweakref, PyObject *objweakref)
{
    PyObject *set = PyWeakref_GetObject(setweakref);
    if (set == Py_None)
        Py_RETURN_NONE;
    Py_INCREF(set);
    if (PySet_Discard(set, objweakref) < 0) {
        Py_DECREF(set);
        return NULL;
    }
    Py_DECREF(set);
    Py_RETURN_NONE;
}

static PyMethodDef destroy_def = {"_destroy", destroy_cb, METH_O, NULL};

static int add_to_weak_set(PyObject **pset, PyObject *obj)
{
    if (*pset == NULL) {
        *pset = PySet_New(NULL);
        if (*pset == NULL)
            return -1;
    }
    PyObject *wr = PyWeakref_NewRef(*pset, NULL);
    if (wr == NULL)
        return -1;
    PyObject *destroy = PyCFunction_New(&destroy_def, wr);
    Py_DECREF(wr);
    if (destroy == NULL)
        return -1;
    PyObject *ref = PyWeakref_NewRef(obj, destroy);
    Py_DECREF(destroy);
    if (ref == NULL)
        return -1;
    int ret = PySet_Add(*pset, ref);
    Py_DECREF(ref);
    return ret;
}

/* ================================================================ _abc_init */

static int is_abstract(PyObject *obj)
{
    PyObject *isabstract;
    if (_PyObject_LookupAttr(obj, str_isabstractmethod, &isabstract) < 0)
        return -1;
    if (isabstract == NULL)
        return 0;
    int res = PyObject_IsTrue(isabstract);
    Py_DECREF(isabstract);
    return res;
}

/* __abstractmethods__ = names in the namespace whose value is abstract, plus the
 * abstract names of the bases that are still abstract here. */
static int compute_abstract_methods(PyObject *self)
{
    int ret = -1;
    PyObject *abstracts = PyFrozenSet_New(NULL);
    PyObject *ns = NULL, *keys = NULL, *bases = NULL;
    if (abstracts == NULL)
        return -1;
    ns = PyObject_GetAttrString(self, "__dict__");
    if (ns == NULL)
        goto done;
    keys = PyMapping_Keys(ns);
    if (keys == NULL)
        goto done;
    for (Py_ssize_t pos = 0; pos < PyList_GET_SIZE(keys); pos++) {
        PyObject *key = PyList_GET_ITEM(keys, pos);
        PyObject *value = PyObject_GetItem(ns, key);
        if (value == NULL)
            goto done;
        int r = is_abstract(value);
        Py_DECREF(value);
        if (r < 0 || (r > 0 && PySet_Add(abstracts, key) < 0))
            goto done;
    }
    bases = PyObject_GetAttrString(self, "__bases__");
    if (bases == NULL)
        goto done;
    if (!PyTuple_Check(bases)) {
        PyErr_SetString(PyExc_TypeError, "__bases__ is not tuple");
        goto done;
    }
    for (Py_ssize_t pos = 0; pos < PyTuple_GET_SIZE(bases); pos++) {
        PyObject *base_abstracts, *iter, *key;
        if (_PyObject_LookupAttr(PyTuple_GET_ITEM(bases, pos), str_abstractmethods,
                                 &base_abstracts) < 0)
            goto done;
        if (base_abstracts == NULL)
            continue;
        iter = PyObject_GetIter(base_abstracts);
        Py_DECREF(base_abstracts);
        if (iter == NULL)
            goto done;
        while ((key = PyIter_Next(iter)) != NULL) {
            PyObject *value;
            if (_PyObject_LookupAttr(self, key, &value) < 0) {
                Py_DECREF(key);
                Py_DECREF(iter);
                goto done;
            }
            if (value == NULL) {
                Py_DECREF(key);
                continue;
            }
            int r = is_abstract(value);
            Py_DECREF(value);
            if (r < 0 || (r > 0 && PySet_Add(abstracts, key) < 0)) {
                Py_DECREF(key);
                Py_DECREF(iter);
                goto done;
            }
            Py_DECREF(key);
        }
        Py_DECREF(iter);
        if (PyErr_Occurred())
            goto done;
    }
    ret = PyObject_SetAttr(self, str_abstractmethods, abstracts);
done:
    Py_DECREF(abstracts);
    Py_XDECREF(ns);
    Py_XDECREF(keys);
    Py_XDECREF(bases);
    return ret;
}

/* collections.abc.Sequence/Mapping say `__abc_tpflags__ = 1 << 5` (or 6) in their body:
 * move that into tp_flags, where `match` looks. */
static int apply_abc_tpflags(PyTypeObject *cls)
{
    PyObject *flags = PyDict_GetItemWithError(cls->tp_dict, str_abc_tpflags);
    if (flags == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (PyLong_CheckExact(flags)) {
        long val = PyLong_AsLong(flags);
        if (val == -1 && PyErr_Occurred())
            return -1;
        if ((val & COLLECTION_FLAGS) == COLLECTION_FLAGS) {
            PyErr_SetString(PyExc_TypeError, "__abc_tpflags__ cannot be both "
                                             "Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
            return -1;
        }
        cls->tp_flags |= (unsigned long)(val & COLLECTION_FLAGS);
    }
    return PyDict_DelItem(cls->tp_dict, str_abc_tpflags);
}

static PyObject *abc_init(PyObject *module, PyObject *self)
{
    if (compute_abstract_methods(self) < 0)
        return NULL;
    PyObject *data = abc_data_new(&_abc_data_type, NULL, NULL);
    if (data == NULL)
        return NULL;
    if (PyObject_SetAttr(self, str_abc_impl, data) < 0) {
        Py_DECREF(data);
        return NULL;
    }
    Py_DECREF(data);
    if (PyType_Check(self) && apply_abc_tpflags((PyTypeObject *)self) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ================================================================ register */

/* A registered Sequence/Mapping passes its flag to the class and its subclasses. */
static int set_collection_flag_recursive(PyTypeObject *child, unsigned long flag)
{
    if (PyType_HasFeature(child, Py_TPFLAGS_IMMUTABLETYPE) ||
        (child->tp_flags & COLLECTION_FLAGS) == flag)
        return 0;
    child->tp_flags &= ~COLLECTION_FLAGS;
    child->tp_flags |= flag;
    PyObject *subs = PyObject_CallMethod((PyObject *)child, "__subclasses__", NULL);
    if (subs == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(subs); i++) {
        PyObject *grandchild = PyList_GET_ITEM(subs, i);
        if (PyType_Check(grandchild) &&
            set_collection_flag_recursive((PyTypeObject *)grandchild, flag) < 0) {
            Py_DECREF(subs);
            return -1;
        }
    }
    Py_DECREF(subs);
    return 0;
}

static PyObject *abc_register(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_abc_register", nargs, 2, 2))
        return NULL;
    PyObject *self = args[0], *subclass = args[1];
    if (!PyType_Check(subclass)) {
        PyErr_SetString(PyExc_TypeError, "Can only register classes");
        return NULL;
    }
    int result = PyObject_IsSubclass(subclass, self);
    if (result > 0)
        return Py_NewRef(subclass);   /* already a subclass */
    if (result < 0)
        return NULL;
    /* Subtle: test for cycles *after* testing for "already a subclass"; this means we
     * allow X.register(X) and interpret it as a no-op. */
    result = PyObject_IsSubclass(self, subclass);
    if (result > 0) {
        PyErr_SetString(PyExc_RuntimeError, "Refusing to create an inheritance cycle");
        return NULL;
    }
    if (result < 0)
        return NULL;
    _abc_data *impl = get_impl(self);
    if (impl == NULL)
        return NULL;
    if (add_to_weak_set(&impl->_abc_registry, subclass) < 0) {
        Py_DECREF(impl);
        return NULL;
    }
    Py_DECREF(impl);
    abc_invalidation_counter++;   /* invalidates every negative cache */
    if (PyType_Check(self)) {
        unsigned long collection_flag = ((PyTypeObject *)self)->tp_flags & COLLECTION_FLAGS;
        if (collection_flag &&
            set_collection_flag_recursive((PyTypeObject *)subclass, collection_flag) < 0)
            return NULL;
    }
    return Py_NewRef(subclass);
}

/* ================================================================ checks */

static PyObject *abc_instancecheck(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_abc_instancecheck", nargs, 2, 2))
        return NULL;
    PyObject *self = args[0], *instance = args[1];
    PyObject *subclass = NULL, *result = NULL;
    _abc_data *impl = get_impl(self);
    if (impl == NULL)
        return NULL;
    subclass = PyObject_GetAttr(instance, str_class);
    if (subclass == NULL)
        goto end;
    /* inline the cache checks */
    int incache = in_weak_set(impl->_abc_cache, subclass);
    if (incache < 0)
        goto end;
    if (incache > 0) {
        result = Py_NewRef(Py_True);
        goto end;
    }
    PyObject *subtype = (PyObject *)Py_TYPE(instance);
    if (subtype == subclass) {
        if (impl->_abc_negative_cache_version == abc_invalidation_counter) {
            incache = in_weak_set(impl->_abc_negative_cache, subclass);
            if (incache < 0)
                goto end;
            if (incache > 0) {
                result = Py_NewRef(Py_False);
                goto end;
            }
        }
        result = PyObject_CallMethodOneArg(self, str_subclasscheck, subclass);
        goto end;
    }
    result = PyObject_CallMethodOneArg(self, str_subclasscheck, subclass);
    if (result == NULL)
        goto end;
    switch (PyObject_IsTrue(result)) {
    case -1:
        Py_CLEAR(result);
        goto end;
    case 1:
        goto end;
    default:
        break;
    }
    Py_DECREF(result);
    result = PyObject_CallMethodOneArg(self, str_subclasscheck, subtype);
end:
    Py_DECREF(impl);
    Py_XDECREF(subclass);
    return result;
}

/* Step 5 of the subclass check: is subclass a subclass of a registered class?
 * Returns 1 (and *result) when decided, 0 to go on, -1 on error. */
static int subclasscheck_check_registry(_abc_data *impl, PyObject *subclass, PyObject **result)
{
    int ret = in_weak_set(impl->_abc_registry, subclass);   /* fast path: registered itself */
    if (ret < 0) {
        *result = NULL;
        return -1;
    }
    if (ret > 0) {
        *result = Py_True;
        return 1;
    }
    if (impl->_abc_registry == NULL || PySet_GET_SIZE(impl->_abc_registry) == 0)
        return 0;
    /* iterate over a snapshot: issubclass may register and resize the set */
    PyObject *copy = PySequence_List(impl->_abc_registry);
    if (copy == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(copy); i++) {
        PyObject *rkey = PyWeakref_GetObject(PyList_GET_ITEM(copy, i));
        if (rkey == Py_None)
            continue;
        Py_INCREF(rkey);
        int r = PyObject_IsSubclass(subclass, rkey);
        Py_DECREF(rkey);
        if (r < 0) {
            ret = -1;
            break;
        }
        if (r > 0) {
            if (add_to_weak_set(&impl->_abc_cache, subclass) < 0) {
                ret = -1;
                break;
            }
            *result = Py_True;
            ret = 1;
            break;
        }
    }
    Py_DECREF(copy);
    return ret;
}

static PyObject *abc_subclasscheck(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("_abc_subclasscheck", nargs, 2, 2))
        return NULL;
    PyObject *self = args[0], *subclass = args[1];
    if (!PyType_Check(subclass)) {
        PyErr_SetString(PyExc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    PyObject *ok = NULL, *result = NULL, *subclasses = NULL;
    _abc_data *impl = get_impl(self);
    if (impl == NULL)
        return NULL;
    /* 1. the positive cache */
    int incache = in_weak_set(impl->_abc_cache, subclass);
    if (incache < 0)
        goto end;
    if (incache > 0) {
        result = Py_True;
        goto end;
    }
    /* 2. the negative cache, invalidated by any register() since it was filled */
    if (impl->_abc_negative_cache_version < abc_invalidation_counter) {
        if (impl->_abc_negative_cache != NULL && PySet_Clear(impl->_abc_negative_cache) < 0)
            goto end;
        impl->_abc_negative_cache_version = abc_invalidation_counter;
    }
    else {
        incache = in_weak_set(impl->_abc_negative_cache, subclass);
        if (incache < 0)
            goto end;
        if (incache > 0) {
            result = Py_False;
            goto end;
        }
    }
    /* 3. the subclass hook */
    ok = PyObject_CallMethodOneArg(self, str_subclasshook, subclass);
    if (ok == NULL)
        goto end;
    if (ok == Py_True) {
        if (add_to_weak_set(&impl->_abc_cache, subclass) < 0)
            goto end;
        result = Py_True;
        goto end;
    }
    if (ok == Py_False) {
        if (add_to_weak_set(&impl->_abc_negative_cache, subclass) < 0)
            goto end;
        result = Py_False;
        goto end;
    }
    if (ok != Py_NotImplemented) {
        PyErr_SetString(PyExc_AssertionError, "__subclasshook__ must return either False, True, "
                                              "or NotImplemented");
        goto end;
    }
    /* 4. a direct subclass */
    PyObject *mro = ((PyTypeObject *)subclass)->tp_mro;
    if (mro != NULL && PyTuple_Check(mro)) {
        for (Py_ssize_t pos = 0; pos < PyTuple_GET_SIZE(mro); pos++) {
            if (PyTuple_GET_ITEM(mro, pos) == self) {
                if (add_to_weak_set(&impl->_abc_cache, subclass) < 0)
                    goto end;
                result = Py_True;
                goto end;
            }
        }
    }
    /* 5. a subclass of a registered class */
    int r = subclasscheck_check_registry(impl, subclass, &result);
    if (r != 0)
        goto end;
    /* 6. a subclass of a subclass */
    subclasses = PyObject_CallMethodNoArgs(self, str_subclasses);
    if (subclasses == NULL)
        goto end;
    if (!PyList_Check(subclasses)) {
        PyErr_SetString(PyExc_TypeError, "__subclasses__() must return a list");
        goto end;
    }
    for (Py_ssize_t pos = 0; pos < PyList_GET_SIZE(subclasses); pos++) {
        PyObject *scls = PyList_GET_ITEM(subclasses, pos);
        Py_INCREF(scls);
        r = PyObject_IsSubclass(subclass, scls);
        Py_DECREF(scls);
        if (r < 0)
            goto end;
        if (r > 0) {
            if (add_to_weak_set(&impl->_abc_cache, subclass) < 0)
                goto end;
            result = Py_True;
            goto end;
        }
    }
    /* no dice: remember the answer */
    if (add_to_weak_set(&impl->_abc_negative_cache, subclass) < 0)
        goto end;
    result = Py_False;
end:
    Py_DECREF(impl);
    Py_XDECREF(ok);
    Py_XDECREF(subclasses);
    return Py_XNewRef(result);
}

/* ================================================================ debugging helpers */

static PyObject *set_copy_or_empty(PyObject *set)
{
    return PySet_New(set);   /* PySet_New(NULL) is an empty set */
}

static PyObject *abc_get_dump(PyObject *module, PyObject *self)
{
    _abc_data *impl = get_impl(self);
    if (impl == NULL)
        return NULL;
    PyObject *reg = set_copy_or_empty(impl->_abc_registry);
    PyObject *cache = reg ? set_copy_or_empty(impl->_abc_cache) : NULL;
    PyObject *neg = cache ? set_copy_or_empty(impl->_abc_negative_cache) : NULL;
    PyObject *res = NULL;
    if (neg != NULL)
        res = Py_BuildValue("NNNK", reg, cache, neg, impl->_abc_negative_cache_version);
    else {
        Py_XDECREF(reg);
        Py_XDECREF(cache);
    }
    Py_DECREF(impl);
    return res;
}

static PyObject *abc_reset_registry(PyObject *module, PyObject *self)
{
    _abc_data *impl = get_impl(self);
    if (impl == NULL)
        return NULL;
    if (impl->_abc_registry != NULL && PySet_Clear(impl->_abc_registry) < 0) {
        Py_DECREF(impl);
        return NULL;
    }
    Py_DECREF(impl);
    Py_RETURN_NONE;
}

static PyObject *abc_reset_caches(PyObject *module, PyObject *self)
{
    _abc_data *impl = get_impl(self);
    if (impl == NULL)
        return NULL;
    if ((impl->_abc_cache != NULL && PySet_Clear(impl->_abc_cache) < 0) ||
        (impl->_abc_negative_cache != NULL && PySet_Clear(impl->_abc_negative_cache) < 0)) {
        Py_DECREF(impl);
        return NULL;
    }
    Py_DECREF(impl);
    Py_RETURN_NONE;
}

static PyObject *abc_get_cache_token(PyObject *module, PyObject *unused)
{
    return PyLong_FromUnsignedLongLong(abc_invalidation_counter);
}

/* ================================================================ module */

#define FAST(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL
static PyMethodDef abc_methods[] = {
    {"get_cache_token", abc_get_cache_token, METH_NOARGS,
     PyDoc_STR("get_cache_token($module, /)\n--\n\n"
               "Returns the current ABC cache token.\n\n"
               "The token is an opaque object (supporting equality testing) identifying the\n"
               "current version of the ABC cache for virtual subclasses. The token changes\n"
               "with every call to register() on any ABC.")},
    {"_abc_init", abc_init, METH_O,
     PyDoc_STR("_abc_init($module, self, /)\n--\n\n"
               "Internal ABC helper for class set-up. Should be never used outside abc module.")},
    {"_reset_registry", abc_reset_registry, METH_O,
     PyDoc_STR("_reset_registry($module, self, /)\n--\n\n"
               "Internal ABC helper to reset registry of a given class.\n\n"
               "Should be only used by refleak.py")},
    {"_reset_caches", abc_reset_caches, METH_O,
     PyDoc_STR("_reset_caches($module, self, /)\n--\n\n"
               "Internal ABC helper to reset both caches of a given class.\n\n"
               "Should be only used by refleak.py")},
    {"_get_dump", abc_get_dump, METH_O,
     PyDoc_STR("_get_dump($module, self, /)\n--\n\n"
               "Internal ABC helper for cache and registry debugging.\n\n"
               "Return shallow copies of registry, of both caches, and\n"
               "negative cache version. Don't call this function directly,\n"
               "instead use ABC._dump_registry() for a nice repr.")},
    {"_abc_register", FAST(abc_register),
     PyDoc_STR("_abc_register($module, self, subclass, /)\n--\n\n"
               "Internal ABC helper for subclasss registration. Should be never used outside "
               "abc module.")},
    {"_abc_instancecheck", FAST(abc_instancecheck),
     PyDoc_STR("_abc_instancecheck($module, self, instance, /)\n--\n\n"
               "Internal ABC helper for instance checks. Should be never used outside abc "
               "module.")},
    {"_abc_subclasscheck", FAST(abc_subclasscheck),
     PyDoc_STR("_abc_subclasscheck($module, self, subclass, /)\n--\n\n"
               "Internal ABC helper for subclasss checks. Should be never used outside abc "
               "module.")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef abcmodule = {
    PyModuleDef_HEAD_INIT, "_abc", "Module contains faster C implementation of abc.ABCMeta",
    -1, abc_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__abc(void)
{
    if (str_abc_impl == NULL) {
        str_abc_impl = PyUnicode_InternFromString("_abc_impl");
        str_abstractmethods = PyUnicode_InternFromString("__abstractmethods__");
        str_isabstractmethod = PyUnicode_InternFromString("__isabstractmethod__");
        str_subclasscheck = PyUnicode_InternFromString("__subclasscheck__");
        str_subclasshook = PyUnicode_InternFromString("__subclasshook__");
        str_abc_tpflags = PyUnicode_InternFromString("__abc_tpflags__");
        str_class = PyUnicode_InternFromString("__class__");
        str_subclasses = PyUnicode_InternFromString("__subclasses__");
        if (!str_abc_impl || !str_abstractmethods || !str_isabstractmethod ||
            !str_subclasscheck || !str_subclasshook || !str_abc_tpflags || !str_class ||
            !str_subclasses)
            return NULL;
    }
    if (PyType_Ready(&_abc_data_type) < 0)
        return NULL;
    return PyModule_Create(&abcmodule);
}
