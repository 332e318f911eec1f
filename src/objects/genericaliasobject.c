/* genericaliasobject.c — types.GenericAlias (PEP 585): `list[int]`, what every
 * `__class_getitem__` of a built-in container returns.  Also the typing-variable
 * helpers (_Py_make_parameters, _Py_subs_parameters) shared with unionobject.c.
 * TypeVar itself lives in typing.py; here we only talk to it through
 * `__typing_subst__` / `__parameters__` like CPython does. */
#include "Python.h"

typedef struct {
    PyObject_HEAD
    PyObject *origin;
    PyObject *args;
    PyObject *parameters; /* computed lazily from args */
    PyObject *weakreflist;
    int starred;          /* `*tuple[int]` (PEP 646) */
} gaobject;

/* ---------------------------------------------------------------- repr */

/* How one argument is shown: `...`, aliases by their repr, classes by (module.)qualname. */
static PyObject *ga_repr_item(PyObject *p)
{
    PyObject *tmp, *qualname = NULL, *module = NULL, *r = NULL;
    if (p == Py_Ellipsis)
        return PyUnicode_FromString("...");
    if (_PyObject_LookupAttr(p, _Py_ID(__origin__), &tmp) < 0)
        return NULL;
    if (tmp != NULL) {
        Py_DECREF(tmp);
        if (_PyObject_LookupAttr(p, _Py_ID(__args__), &tmp) < 0)
            return NULL;
        if (tmp != NULL) {
            Py_DECREF(tmp);
            return PyObject_Repr(p); /* looks like a GenericAlias */
        }
    }
    if (_PyObject_LookupAttr(p, _Py_ID(__qualname__), &qualname) < 0)
        return NULL;
    if (qualname == NULL)
        return PyObject_Repr(p);
    if (_PyObject_LookupAttr(p, _Py_ID(__module__), &module) < 0)
        goto done;
    if (module == NULL || module == Py_None)
        r = PyObject_Repr(p);
    else if (PyUnicode_Check(module) && _PyUnicode_EqualToASCIIString(module, "builtins"))
        r = PyObject_Str(qualname);
    else
        r = PyUnicode_FromFormat("%S.%S", module, qualname);
done:
    Py_XDECREF(qualname);
    Py_XDECREF(module);
    return r;
}

static PyObject *ga_repr(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_ssize_t len = PyTuple_GET_SIZE(alias->args);
    PyObject *parts = PyList_New(0), *item = NULL, *result = NULL;
    if (parts == NULL)
        return NULL;
    if (alias->starred && (item = PyUnicode_FromString("*")) == NULL)
        goto error;
    if (item != NULL && PyList_Append(parts, item) < 0)
        goto error;
    Py_CLEAR(item);
    if ((item = ga_repr_item(alias->origin)) == NULL || PyList_Append(parts, item) < 0)
        goto error;
    Py_CLEAR(item);
    if ((item = PyUnicode_FromString("[")) == NULL || PyList_Append(parts, item) < 0)
        goto error;
    Py_CLEAR(item);
    for (Py_ssize_t i = 0; i < len; i++) {
        if (i > 0) {
            if ((item = PyUnicode_FromString(", ")) == NULL || PyList_Append(parts, item) < 0)
                goto error;
            Py_CLEAR(item);
        }
        item = ga_repr_item(PyTuple_GET_ITEM(alias->args, i));
        if (item == NULL || PyList_Append(parts, item) < 0)
            goto error;
        Py_CLEAR(item);
    }
    /* tuple[()] keeps its empty parentheses */
    item = PyUnicode_FromString(len == 0 ? "()]" : "]");
    if (item == NULL || PyList_Append(parts, item) < 0)
        goto error;
    Py_CLEAR(item);
    {
        PyObject *empty = PyUnicode_FromString("");
        if (empty != NULL) {
            result = PyUnicode_Join(empty, parts);
            Py_DECREF(empty);
        }
    }
error:
    Py_XDECREF(item);
    Py_DECREF(parts);
    return result;
}

/* ---------------------------------------------------------------- parameters */

static Py_ssize_t tuple_index(PyObject *tuple, Py_ssize_t len, PyObject *item)
{
    for (Py_ssize_t i = 0; i < len; i++)
        if (PyTuple_GET_ITEM(tuple, i) == item)
            return i;
    return -1;
}

/* Append `item` to list `params` unless it is already there (identity). */
static int add_unique(PyObject *params, PyObject *item)
{
    Py_ssize_t n = PyList_GET_SIZE(params);
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyList_GET_ITEM(params, i) == item)
            return 0;
    return PyList_Append(params, item);
}

/* The type variables in `args`, in order of first appearance: objects with a
 * `__typing_subst__` (TypeVar & co.), and the `__parameters__` of nested aliases.
 * Bare classes are skipped: their `__parameters__` descriptor is not wanted. */
PyObject *_Py_make_parameters(PyObject *args)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    PyObject *params = PyList_New(0), *result;
    if (params == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *t = PyTuple_GET_ITEM(args, i), *subst, *subparams;
        if (PyType_Check(t))
            continue;
        if (_PyObject_LookupAttr(t, _Py_ID(__typing_subst__), &subst) < 0)
            goto error;
        if (subst != NULL) {
            Py_DECREF(subst);
            if (add_unique(params, t) < 0)
                goto error;
            continue;
        }
        if (_PyObject_LookupAttr(t, _Py_ID(__parameters__), &subparams) < 0)
            goto error;
        if (subparams != NULL && PyTuple_Check(subparams)) {
            for (Py_ssize_t j = 0; j < PyTuple_GET_SIZE(subparams); j++) {
                if (add_unique(params, PyTuple_GET_ITEM(subparams, j)) < 0) {
                    Py_DECREF(subparams);
                    goto error;
                }
            }
        }
        Py_XDECREF(subparams);
    }
    result = PyList_AsTuple(params);
    Py_DECREF(params);
    return result;
error:
    Py_DECREF(params);
    return NULL;
}

/* `*tuple[int, str]` → (int, str); NULL (no error) for anything else. */
static PyObject *unpacked_tuple_args(PyObject *arg)
{
    PyObject *result;
    if (_PyGenericAlias_Check(arg) && ((gaobject *)arg)->starred &&
        ((gaobject *)arg)->origin == (PyObject *)&PyTuple_Type)
        return Py_NewRef(((gaobject *)arg)->args);
    if (_PyObject_LookupAttr(arg, _Py_ID(__typing_unpacked_tuple_args__), &result) > 0) {
        if (result == Py_None) {
            Py_DECREF(result);
            return NULL;
        }
        return result;
    }
    return NULL;
}

/* The subscript as a tuple, with unpacked fixed-length tuples spliced in. */
static PyObject *unpack_args(PyObject *item)
{
    PyObject *newargs = PyList_New(0), *result;
    int is_tuple = PyTuple_Check(item);
    Py_ssize_t nitems = is_tuple ? PyTuple_GET_SIZE(item) : 1;
    PyObject **argitems = is_tuple ? &PyTuple_GET_ITEM(item, 0) : &item;
    if (newargs == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nitems; i++) {
        PyObject *it = argitems[i];
        if (!PyType_Check(it)) {
            PyObject *sub = unpacked_tuple_args(it);
            if (sub != NULL && PyTuple_Check(sub) &&
                !(PyTuple_GET_SIZE(sub) &&
                  PyTuple_GET_ITEM(sub, PyTuple_GET_SIZE(sub) - 1) == Py_Ellipsis)) {
                int err = PyList_SetSlice(newargs, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, sub);
                Py_DECREF(sub);
                if (err < 0)
                    goto error;
                continue;
            }
            Py_XDECREF(sub);
            if (PyErr_Occurred())
                goto error;
        }
        if (PyList_Append(newargs, it) < 0)
            goto error;
    }
    result = PyList_AsTuple(newargs);
    Py_DECREF(newargs);
    return result;
error:
    Py_DECREF(newargs);
    return NULL;
}

static int is_unpacked_typevartuple(PyObject *arg)
{
    PyObject *tmp;
    if (PyType_Check(arg))
        return 0;
    int res = _PyObject_LookupAttr(arg, _Py_ID(__typing_is_unpacked_typevartuple__), &tmp);
    if (res > 0) {
        res = PyObject_IsTrue(tmp);
        Py_DECREF(tmp);
    }
    return res;
}

/* Append the items of tuple `t` to list `l`. */
static int list_extend_tuple(PyObject *l, PyObject *t)
{
    return PyList_SetSlice(l, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX, t);
}

/* Substitute inside a nested alias: obj[params mapped to argitems]. */
static PyObject *subs_tvars(PyObject *obj, PyObject *params, PyObject **argitems)
{
    PyObject *subparams, *result;
    if (_PyObject_LookupAttr(obj, _Py_ID(__parameters__), &subparams) < 0)
        return NULL;
    if (subparams == NULL || !PyTuple_Check(subparams) || PyTuple_GET_SIZE(subparams) == 0) {
        Py_XDECREF(subparams);
        return Py_NewRef(obj);
    }
    Py_ssize_t nparams = PyTuple_GET_SIZE(params);
    PyObject *subargs = PyList_New(0);
    if (subargs == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(subparams); i++) {
        PyObject *arg = PyTuple_GET_ITEM(subparams, i);
        Py_ssize_t iparam = tuple_index(params, nparams, arg);
        if (iparam >= 0) {
            PyObject *param = PyTuple_GET_ITEM(params, iparam);
            arg = argitems[iparam];
            if (Py_TYPE(param)->tp_iter && PyTuple_Check(arg)) { /* TypeVarTuple */
                if (list_extend_tuple(subargs, arg) < 0)
                    goto error;
                continue;
            }
        }
        if (PyList_Append(subargs, arg) < 0)
            goto error;
    }
    {
        PyObject *t = PyList_AsTuple(subargs);
        if (t == NULL)
            goto error;
        result = PyObject_GetItem(obj, t);
        Py_DECREF(t);
    }
    Py_DECREF(subargs);
    Py_DECREF(subparams);
    return result;
error:
    Py_XDECREF(subargs);
    Py_DECREF(subparams);
    return NULL;
}

/* alias[item]: replace each type variable of `parameters` in `args` by its value.
 *   list[T][int] -> (int,)   dict[T, list[S]][str, int] -> (str, list[int]) */
PyObject *_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *parameters,
                              PyObject *item)
{
    Py_ssize_t nparams = PyTuple_GET_SIZE(parameters);
    if (nparams == 0)
        return PyErr_Format(PyExc_TypeError, "%R is not a generic class", self);
    item = unpack_args(item);
    if (item == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < nparams; i++) {
        PyObject *param = PyTuple_GET_ITEM(parameters, i), *prepare, *tmp;
        if (_PyObject_LookupAttr(param, _Py_ID(__typing_prepare_subst__), &prepare) < 0)
            goto error_item;
        if (prepare != NULL && prepare != Py_None) {
            tmp = PyObject_CallFunctionObjArgs(prepare, self, item, NULL);
            Py_DECREF(prepare);
            Py_SETREF(item, tmp);
            if (item == NULL)
                return NULL;
        }
        else {
            Py_XDECREF(prepare);
        }
    }
    int is_tuple = PyTuple_Check(item);
    Py_ssize_t nitems = is_tuple ? PyTuple_GET_SIZE(item) : 1;
    PyObject **argitems = is_tuple ? &PyTuple_GET_ITEM(item, 0) : &item;
    if (nitems != nparams) {
        PyErr_Format(PyExc_TypeError, "Too %s arguments for %R; actual %zd, expected %zd",
                     nitems > nparams ? "many" : "few", self, nitems, nparams);
        goto error_item;
    }
    PyObject *newargs = PyList_New(0);
    if (newargs == NULL)
        goto error_item;
    for (Py_ssize_t iarg = 0; iarg < PyTuple_GET_SIZE(args); iarg++) {
        PyObject *arg = PyTuple_GET_ITEM(args, iarg), *subst;
        if (PyType_Check(arg)) {
            if (PyList_Append(newargs, arg) < 0)
                goto error_newargs;
            continue;
        }
        int unpack = is_unpacked_typevartuple(arg);
        if (unpack < 0)
            goto error_newargs;
        if (_PyObject_LookupAttr(arg, _Py_ID(__typing_subst__), &subst) < 0)
            goto error_newargs;
        if (subst != NULL) {
            Py_ssize_t iparam = tuple_index(parameters, nparams, arg);
            arg = iparam >= 0 ? PyObject_CallOneArg(subst, argitems[iparam]) : Py_NewRef(arg);
            Py_DECREF(subst);
        }
        else {
            arg = subs_tvars(arg, parameters, argitems);
        }
        if (arg == NULL)
            goto error_newargs;
        int err = (unpack && PyTuple_Check(arg)) ? list_extend_tuple(newargs, arg)
                                                 : PyList_Append(newargs, arg);
        Py_DECREF(arg);
        if (err < 0)
            goto error_newargs;
    }
    Py_DECREF(item);
    {
        PyObject *t = PyList_AsTuple(newargs);
        Py_DECREF(newargs);
        return t;
    }
error_newargs:
    Py_DECREF(newargs);
error_item:
    Py_DECREF(item);
    return NULL;
}

/* ---------------------------------------------------------------- the type */

static void ga_dealloc(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    PyObject_GC_UnTrack(self);
    if (alias->weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(alias->origin);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int ga_traverse(PyObject *self, visitproc visit, void *arg)
{
    gaobject *alias = (gaobject *)self;
    Py_VISIT(alias->origin);
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

static int ga_clear(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_CLEAR(alias->origin);
    Py_CLEAR(alias->args);
    Py_CLEAR(alias->parameters);
    return 0;
}

static int setup_ga(gaobject *alias, PyObject *origin, PyObject *args)
{
    if (!PyTuple_Check(args)) {
        args = PyTuple_Pack(1, args);
        if (args == NULL)
            return 0;
    }
    else {
        Py_INCREF(args);
    }
    alias->origin = Py_NewRef(origin);
    alias->args = args;
    alias->parameters = NULL;
    alias->weakreflist = NULL;
    alias->starred = 0;
    return 1;
}

PyObject *Py_GenericAlias(PyObject *origin, PyObject *args)
{
    gaobject *alias = PyObject_GC_New(gaobject, &Py_GenericAliasType);
    if (alias == NULL)
        return NULL;
    if (!setup_ga(alias, origin, args)) {
        alias->origin = alias->args = alias->parameters = NULL;
        Py_DECREF(alias);
        return NULL;
    }
    PyObject_GC_Track(alias);
    return (PyObject *)alias;
}

static PyObject *ga_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("GenericAlias", kwds))
        return NULL;
    if (!_PyArg_CheckPositional("GenericAlias", PyTuple_GET_SIZE(args), 2, 2))
        return NULL;
    gaobject *self = (gaobject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (!setup_ga(self, PyTuple_GET_ITEM(args, 0), PyTuple_GET_ITEM(args, 1))) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* Calling the alias calls the origin, then records the alias on the instance. */
static PyObject *ga_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    gaobject *alias = (gaobject *)self;
    PyObject *obj = PyObject_Call(alias->origin, args, kwds);
    if (obj != NULL && PyObject_SetAttr(obj, _Py_ID(__orig_class__), self) < 0) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError) &&
            !PyErr_ExceptionMatches(PyExc_TypeError)) {
            Py_DECREF(obj);
            return NULL;
        }
        PyErr_Clear();
    }
    return obj;
}

/* Everything except these few names is looked up on the origin (list[int].append). */
static const char *const attr_exceptions[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__",
    "__reduce_ex__", /* so object.__reduce_ex__ is not taken from the origin */
    "__reduce__", "__copy__", "__deepcopy__", NULL,
};

static PyObject *ga_getattro(PyObject *self, PyObject *name)
{
    gaobject *alias = (gaobject *)self;
    if (PyUnicode_Check(name)) {
        for (const char *const *p = attr_exceptions;; p++) {
            if (*p == NULL)
                return PyObject_GetAttr(alias->origin, name);
            if (_PyUnicode_EqualToASCIIString(name, *p))
                break;
        }
    }
    return PyObject_GenericGetAttr(self, name);
}

static PyObject *ga_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyGenericAlias_Check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    if (op == Py_NE) {
        PyObject *eq = ga_richcompare(a, b, Py_EQ);
        if (eq == NULL)
            return NULL;
        Py_DECREF(eq);
        return PyBool_FromLong(eq == Py_False);
    }
    gaobject *x = (gaobject *)a, *y = (gaobject *)b;
    if (x->starred != y->starred)
        Py_RETURN_FALSE;
    int eq = PyObject_RichCompareBool(x->origin, y->origin, Py_EQ);
    if (eq < 0)
        return NULL;
    if (!eq)
        Py_RETURN_FALSE;
    return PyObject_RichCompare(x->args, y->args, Py_EQ);
}

static Py_hash_t ga_hash(PyObject *self)
{
    gaobject *alias = (gaobject *)self;
    Py_hash_t h0 = PyObject_Hash(alias->origin);
    if (h0 == -1)
        return -1;
    Py_hash_t h1 = PyObject_Hash(alias->args);
    if (h1 == -1)
        return -1;
    return h0 ^ h1;
}

static PyObject *ga_getitem(PyObject *self, PyObject *item)
{
    gaobject *alias = (gaobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = _Py_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    PyObject *newargs = _Py_subs_parameters(self, alias->args, alias->parameters, item);
    if (newargs == NULL)
        return NULL;
    PyObject *res = Py_GenericAlias(alias->origin, newargs);
    Py_DECREF(newargs);
    if (res != NULL)
        ((gaobject *)res)->starred = alias->starred;
    return res;
}

static PyObject *ga_mro_entries(PyObject *self, PyObject *args)
{
    return PyTuple_Pack(1, ((gaobject *)self)->origin);
}

static PyObject *ga_instancecheck(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *ga_subclasscheck(PyObject *self, PyObject *obj)
{
    PyErr_SetString(PyExc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

static PyObject *ga_iter(PyObject *self);

static PyObject *ga_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    gaobject *alias = (gaobject *)self;
    if (alias->starred) {
        /* *tuple[int] pickles as next(iter(tuple[int])) */
        PyObject *tmp = Py_GenericAlias(alias->origin, alias->args), *next;
        if (tmp != NULL)
            Py_SETREF(tmp, PyObject_GetIter(tmp));
        if (tmp == NULL)
            return NULL;
        next = _PyEval_GetBuiltin(_Py_ID(next));
        if (next == NULL) {
            Py_DECREF(tmp);
            return NULL;
        }
        PyObject *r = Py_BuildValue("N(N)", next, tmp);
        return r;
    }
    return Py_BuildValue("O(OO)", Py_TYPE(alias), alias->origin, alias->args);
}

static PyObject *ga_dir(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *dir = PyObject_Dir(((gaobject *)self)->origin);
    if (dir == NULL)
        return NULL;
    for (const char *const *p = attr_exceptions; *p != NULL; p++) {
        PyObject *name = PyUnicode_FromString(*p);
        if (name == NULL)
            goto error;
        int contains = PySequence_Contains(dir, name);
        if (contains == 0 && PyList_Append(dir, name) < 0)
            contains = -1;
        Py_DECREF(name);
        if (contains < 0)
            goto error;
    }
    return dir;
error:
    Py_DECREF(dir);
    return NULL;
}

static PyMethodDef ga_methods[] = {
    {"__mro_entries__", ga_mro_entries, METH_O, NULL},
    {"__instancecheck__", ga_instancecheck, METH_O, NULL},
    {"__subclasscheck__", ga_subclasscheck, METH_O, NULL},
    {"__reduce__", ga_reduce, METH_NOARGS, NULL},
    {"__dir__", ga_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef ga_members[] = {
    {"__origin__", T_OBJECT, offsetof(gaobject, origin), READONLY, NULL},
    {"__args__", T_OBJECT, offsetof(gaobject, args), READONLY, NULL},
    {"__unpacked__", T_BOOL, offsetof(gaobject, starred), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *ga_parameters(PyObject *self, void *unused)
{
    gaobject *alias = (gaobject *)self;
    if (alias->parameters == NULL) {
        alias->parameters = _Py_make_parameters(alias->args);
        if (alias->parameters == NULL)
            return NULL;
    }
    return Py_NewRef(alias->parameters);
}

static PyObject *ga_unpacked_tuple_args(PyObject *self, void *unused)
{
    gaobject *alias = (gaobject *)self;
    if (alias->starred && alias->origin == (PyObject *)&PyTuple_Type)
        return Py_NewRef(alias->args);
    Py_RETURN_NONE;
}

static PyGetSetDef ga_properties[] = {
    {"__parameters__", ga_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__typing_unpacked_tuple_args__", ga_unpacked_tuple_args, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods ga_as_number = {
    .nb_or = _Py_union_type_or, /* list[int] | None */
};

static PyMappingMethods ga_as_mapping = {
    .mp_subscript = ga_getitem,
};

PyTypeObject Py_GenericAliasType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.GenericAlias",
    .tp_doc = "Represent a PEP 585 generic type\n"
              "\n"
              "E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    .tp_basicsize = sizeof(gaobject),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_as_mapping = &ga_as_mapping,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_traverse = ga_traverse,
    .tp_clear = ga_clear,
    .tp_richcompare = ga_richcompare,
    .tp_weaklistoffset = offsetof(gaobject, weakreflist),
    .tp_iter = ga_iter,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = ga_new,
    .tp_free = PyObject_GC_Del,
    .tp_getset = ga_properties,
};

/* ---------------------------------------------------------------- iterator */

/* iter(tuple[int]) yields one item, *tuple[int] (PEP 646 star-unpacking). */
typedef struct {
    PyObject_HEAD
    PyObject *obj; /* NULL once exhausted */
} gaiterobject;

static PyTypeObject Py_GenericAliasIterType;

static PyObject *ga_iternext(PyObject *self)
{
    gaiterobject *gi = (gaiterobject *)self;
    if (gi->obj == NULL) {
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    gaobject *alias = (gaobject *)gi->obj;
    PyObject *starred = Py_GenericAlias(alias->origin, alias->args);
    if (starred == NULL)
        return NULL;
    ((gaobject *)starred)->starred = 1;
    Py_CLEAR(gi->obj);
    return starred;
}

static void ga_iter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((gaiterobject *)self)->obj);
    PyObject_GC_Del(self);
}

static int ga_iter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((gaiterobject *)self)->obj);
    return 0;
}

static int ga_iter_clear(PyObject *self)
{
    Py_CLEAR(((gaiterobject *)self)->obj);
    return 0;
}

static PyObject *ga_iter_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    gaiterobject *gi = (gaiterobject *)self;
    PyObject *iter = _PyEval_GetBuiltin(_Py_ID(iter));
    if (iter == NULL)
        return NULL;
    if (gi->obj != NULL)
        return Py_BuildValue("N(O)", iter, gi->obj);
    return Py_BuildValue("N(())", iter);
}

static PyMethodDef ga_iter_methods[] = {
    {"__reduce__", ga_iter_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Py_GenericAliasIterType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generic_alias_iterator",
    .tp_basicsize = sizeof(gaiterobject),
    .tp_dealloc = ga_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = ga_iter_traverse,
    .tp_clear = ga_iter_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = ga_iternext,
    .tp_methods = ga_iter_methods,
};

static PyObject *ga_iter(PyObject *self)
{
    if (PyType_Ready(&Py_GenericAliasIterType) < 0)
        return NULL;
    gaiterobject *gi = PyObject_GC_New(gaiterobject, &Py_GenericAliasIterType);
    if (gi == NULL)
        return NULL;
    gi->obj = Py_NewRef(self);
    PyObject_GC_Track(gi);
    return (PyObject *)gi;
}
