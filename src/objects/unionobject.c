/* unionobject.c — types.UnionType (PEP 604): `int | str`, produced by type.__or__,
 * GenericAlias.__or__ and `None | X`.  isinstance()/issubclass() accept a union
 * (abstract.c unpacks it with _Py_union_args); substitution of type variables
 * reuses the helpers of genericaliasobject.c. */
#include "Python.h"

typedef struct {
    PyObject_HEAD
    PyObject *args;       /* flattened, de-duplicated members; None stored as NoneType */
    PyObject *parameters; /* lazily computed type variables */
} unionobject;

PyObject *_Py_union_args(PyObject *self)
{
    return ((unionobject *)self)->args;
}

static void union_dealloc(PyObject *self)
{
    unionobject *alias = (unionobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(alias->args);
    Py_XDECREF(alias->parameters);
    Py_TYPE(self)->tp_free(self);
}

static int union_traverse(PyObject *self, visitproc visit, void *arg)
{
    unionobject *alias = (unionobject *)self;
    Py_VISIT(alias->args);
    Py_VISIT(alias->parameters);
    return 0;
}

static Py_hash_t union_hash(PyObject *self)
{
    PyObject *set = PyFrozenSet_New(((unionobject *)self)->args);
    if (set == NULL)
        return -1;
    Py_hash_t h = PyObject_Hash(set);
    Py_DECREF(set);
    return h;
}

/* Unions are equal when their member sets are (int | str == str | int). */
static PyObject *union_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!_PyUnion_Check(b) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *a_set = PySet_New(((unionobject *)a)->args), *b_set = NULL, *result = NULL;
    if (a_set != NULL && (b_set = PySet_New(((unionobject *)b)->args)) != NULL)
        result = PyObject_RichCompare(a_set, b_set, op);
    Py_XDECREF(a_set);
    Py_XDECREF(b_set);
    return result;
}

/* Members of nested unions are spliced in; None becomes NoneType. */
static PyObject *flatten_args(PyObject *args)
{
    PyObject *flat = PyList_New(0), *result;
    if (flat == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *arg = PyTuple_GET_ITEM(args, i);
        int err;
        if (_PyUnion_Check(arg))
            err = PyList_SetSlice(flat, PY_SSIZE_T_MAX, PY_SSIZE_T_MAX,
                                  ((unionobject *)arg)->args);
        else
            err = PyList_Append(flat, arg == Py_None ? (PyObject *)&_PyNone_Type : arg);
        if (err < 0) {
            Py_DECREF(flat);
            return NULL;
        }
    }
    result = PyList_AsTuple(flat);
    Py_DECREF(flat);
    return result;
}

/* Duplicates go by identity, except GenericAliases which compare by value. */
static PyObject *dedup_and_flatten_args(PyObject *args)
{
    PyObject *flat = flatten_args(args), *uniq, *result = NULL;
    if (flat == NULL)
        return NULL;
    uniq = PyList_New(0);
    if (uniq == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(flat); i++) {
        PyObject *x = PyTuple_GET_ITEM(flat, i);
        int dup = 0;
        for (Py_ssize_t j = 0; j < PyList_GET_SIZE(uniq) && !dup; j++) {
            PyObject *y = PyList_GET_ITEM(uniq, j);
            if (_PyGenericAlias_Check(x) && _PyGenericAlias_Check(y))
                dup = PyObject_RichCompareBool(x, y, Py_EQ);
            else
                dup = x == y;
            if (dup < 0)
                goto done;
        }
        if (!dup && PyList_Append(uniq, x) < 0)
            goto done;
    }
    result = PyList_AsTuple(uniq);
done:
    Py_XDECREF(uniq);
    Py_DECREF(flat);
    return result;
}

/* A union of `args`; a single distinct member is returned as itself (int | int → int). */
static PyObject *make_union(PyObject *args)
{
    args = dedup_and_flatten_args(args);
    if (args == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(args) == 1) {
        PyObject *only = Py_NewRef(PyTuple_GET_ITEM(args, 0));
        Py_DECREF(args);
        return only;
    }
    unionobject *result = PyObject_GC_New(unionobject, &_PyUnion_Type);
    if (result == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    result->args = args;
    result->parameters = NULL;
    PyObject_GC_Track(result);
    return (PyObject *)result;
}

static int is_unionable(PyObject *obj)
{
    return obj == Py_None || PyType_Check(obj) || _PyGenericAlias_Check(obj) ||
           _PyUnion_Check(obj);
}

PyObject *_Py_union_type_or(PyObject *self, PyObject *other)
{
    if (!is_unionable(self) || !is_unionable(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *tuple = PyTuple_Pack(2, self, other);
    if (tuple == NULL)
        return NULL;
    PyObject *u = make_union(tuple);
    Py_DECREF(tuple);
    return u;
}

/* Members print like GenericAlias arguments, NoneType as "None". */
static PyObject *union_repr_item(PyObject *p)
{
    PyObject *tmp, *qualname = NULL, *module = NULL, *r = NULL;
    if (p == (PyObject *)&_PyNone_Type)
        return PyUnicode_FromString("None");
    if (_PyObject_LookupAttr(p, _Py_ID(__origin__), &tmp) < 0)
        return NULL;
    if (tmp != NULL) {
        Py_DECREF(tmp);
        if (_PyObject_LookupAttr(p, _Py_ID(__args__), &tmp) < 0)
            return NULL;
        if (tmp != NULL) {
            Py_DECREF(tmp);
            return PyObject_Repr(p);
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

static PyObject *union_repr(PyObject *self)
{
    PyObject *args = ((unionobject *)self)->args, *parts, *sep, *result = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    parts = PyList_New(n);
    if (parts == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = union_repr_item(PyTuple_GET_ITEM(args, i));
        if (item == NULL) {
            Py_DECREF(parts);
            return NULL;
        }
        PyList_SET_ITEM(parts, i, item);
    }
    sep = PyUnicode_FromString(" | ");
    if (sep != NULL) {
        result = PyUnicode_Join(sep, parts);
        Py_DECREF(sep);
    }
    Py_DECREF(parts);
    return result;
}

static PyMemberDef union_members[] = {
    {"__args__", T_OBJECT, offsetof(unionobject, args), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int union_ensure_parameters(unionobject *alias)
{
    if (alias->parameters == NULL)
        alias->parameters = _Py_make_parameters(alias->args);
    return alias->parameters == NULL ? -1 : 0;
}

/* (int | T)[str] → int | str, rebuilt with `|` so the result is normalised again. */
static PyObject *union_getitem(PyObject *self, PyObject *item)
{
    unionobject *alias = (unionobject *)self;
    if (union_ensure_parameters(alias) < 0)
        return NULL;
    PyObject *newargs = _Py_subs_parameters(self, alias->args, alias->parameters, item);
    if (newargs == NULL)
        return NULL;
    PyObject *res;
    Py_ssize_t nargs = PyTuple_GET_SIZE(newargs);
    if (nargs == 0) {
        res = make_union(newargs);
    }
    else {
        res = Py_NewRef(PyTuple_GET_ITEM(newargs, 0));
        for (Py_ssize_t i = 1; i < nargs && res != NULL; i++)
            Py_SETREF(res, PyNumber_Or(res, PyTuple_GET_ITEM(newargs, i)));
    }
    Py_DECREF(newargs);
    return res;
}

static PyObject *union_parameters(PyObject *self, void *unused)
{
    unionobject *alias = (unionobject *)self;
    if (union_ensure_parameters(alias) < 0)
        return NULL;
    return Py_NewRef(alias->parameters);
}

static PyGetSetDef union_properties[] = {
    {"__parameters__", union_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* `__module__` comes from the type (typing.py relies on it); the rest is generic. */
static PyObject *union_getattro(PyObject *self, PyObject *name)
{
    if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__module__"))
        return PyObject_GetAttr((PyObject *)Py_TYPE(self), name);
    return PyObject_GenericGetAttr(self, name);
}

static PyNumberMethods union_as_number = {
    .nb_or = _Py_union_type_or,
};

static PyMappingMethods union_as_mapping = {
    .mp_subscript = union_getitem,
};

PyTypeObject _PyUnion_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "types.UnionType",
    .tp_doc = "Represent a PEP 604 union type\n"
              "\n"
              "E.g. for int | str",
    .tp_basicsize = sizeof(unionobject),
    .tp_dealloc = union_dealloc,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = union_traverse,
    .tp_hash = union_hash,
    .tp_getattro = union_getattro,
    .tp_members = union_members,
    .tp_as_number = &union_as_number,
    .tp_as_mapping = &union_as_mapping,
    .tp_repr = union_repr,
    .tp_richcompare = union_richcompare,
    .tp_getset = union_properties,
};
