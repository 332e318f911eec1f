/* itertoolsmodule.c — the `itertools` module: every iterator type of CPython 3.11
 * (count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile, filterfalse,
 * groupby, islice, pairwise, starmap, tee, zip_longest, product, permutations,
 * combinations, combinations_with_replacement).  Owner: modules-os.
 * All are GC-tracked, subclassable, allocated through tp_alloc. */
#include "Python.h"

/* Common shapes: a dealloc that untracks, drops `n` object fields laid out after the
 * header, and frees; and a traverse that visits them. */
#define OBJ_FIELDS(o) ((PyObject **)((char *)(o) + sizeof(PyObject)))

static void generic_dealloc_n(PyObject *self, int n)
{
    PyObject_GC_UnTrack(self);
    for (int i = 0; i < n; i++)
        Py_CLEAR(OBJ_FIELDS(self)[i]);
    Py_TYPE(self)->tp_free(self);
}

static int generic_traverse_n(PyObject *self, visitproc visit, void *arg, int n)
{
    for (int i = 0; i < n; i++)
        Py_VISIT(OBJ_FIELDS(self)[i]);
    return 0;
}

/* Each type stores its object pointers first; NOBJ(type) says how many. */
#define DEFINE_GC(name, nobj)                                                         \
    static void name##_dealloc(PyObject *self) { generic_dealloc_n(self, nobj); }      \
    static int name##_traverse(PyObject *self, visitproc visit, void *arg)             \
    { return generic_traverse_n(self, visit, arg, nobj); }

#define ITER_TYPE(var, pyname, cname, ...)                                        \
    static PyTypeObject var = {                                                       \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                        \
        .tp_name = "itertools." pyname,                                               \
        .tp_basicsize = sizeof(cname##object),                                        \
        .tp_dealloc = cname##_dealloc,                                                \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,    \
        .tp_traverse = cname##_traverse,                                              \
        .tp_iter = PyObject_SelfIter,                                                 \
        .tp_iternext = (iternextfunc)cname##_next,                                    \
        .tp_alloc = PyType_GenericAlloc,                                              \
        .tp_new = cname##_new,                                                        \
        .tp_free = PyObject_GC_Del,                                                   \
        __VA_ARGS__                                                                   \
    };

static PyTypeObject cycle_type, dropwhile_type, takewhile_type, islice_type, starmap_type,
    chain_type, filterfalse_type, pairwise_type;

/* Subclasses that define their own __init__ may take keyword arguments (as CPython). */
static int no_keywords(PyTypeObject *type, PyTypeObject *exact, const char *name, PyObject *kwds)
{
    if ((type == exact || type->tp_init == exact->tp_init) && kwds != NULL &&
        !_PyArg_NoKeywords(name, kwds))
        return 0;
    return 1;
}

/* Pickling (CPython 3.11 still supports it; 3.12 deprecates it): each type has a
 * __reduce__ giving (type, args[, state]) and, where the state is not in the args, a
 * __setstate__. */
#define REDUCE_DOC "Return state information for pickling."
#define SETSTATE_DOC "Set state information for unpickling."
#define REDUCE_METHOD(cname) \
    {"__reduce__", (PyCFunction)cname##_reduce, METH_NOARGS, REDUCE_DOC}
#define SETSTATE_METHOD(cname) \
    {"__setstate__", (PyCFunction)cname##_setstate, METH_O, SETSTATE_DOC}

static int check_state_tuple(PyObject *state)
{
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state is not a tuple");
        return -1;
    }
    return 0;
}

/* An index from a pickled state, clamped to [lo, hi]; -1 with an exception if not an int. */
static int state_index(PyObject *obj, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t *out)
{
    Py_ssize_t index = PyLong_AsSsize_t(obj);
    if (index == -1 && PyErr_Occurred())
        return -1;
    if (index > hi)
        index = hi;
    if (index < lo)
        index = lo;
    *out = index;
    return 0;
}

/* A tuple of the n indices, for the combinatoric iterators' states. */
static PyObject *indices_tuple(const Py_ssize_t *indices, Py_ssize_t n)
{
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; t != NULL && i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(indices[i]);
        if (v == NULL)
            Py_CLEAR(t);
        else
            PyTuple_SET_ITEM(t, i, v);
    }
    return t;
}

/* result = tuple(pool[indices[i]] for i in range(r)) */
static PyObject *result_from_indices(PyObject *pool, const Py_ssize_t *indices, Py_ssize_t r)
{
    PyObject *result = PyTuple_New(r);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < r; i++)
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, indices[i])));
    return result;
}

/* ================================================================== groupby */

typedef struct {
    PyObject_HEAD
    PyObject *it, *keyfunc, *tgtkey, *tgtkey_unused, *currkey, *currvalue;
    /* Borrowed, as in CPython: only compared with a grouper to tell whether it is still the
     * current one; a strong reference would make a groupby <-> _grouper cycle. */
    PyObject *currgrouper;
} groupbyobject;

static PyTypeObject groupby_type, _grouper_type;
DEFINE_GC(groupby, 6)

static PyObject *groupby_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"iterable", "key", NULL};
    PyObject *it, *keyfunc = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:groupby", kwargs, &it, &keyfunc))
        return NULL;
    groupbyobject *gbo = (groupbyobject *)type->tp_alloc(type, 0);
    if (gbo == NULL)
        return NULL;
    gbo->keyfunc = Py_NewRef(keyfunc);
    gbo->it = PyObject_GetIter(it);
    if (gbo->it == NULL) {
        Py_DECREF(gbo);
        return NULL;
    }
    return (PyObject *)gbo;
}

static int groupby_step(groupbyobject *gbo)
{
    PyObject *newvalue = PyIter_Next(gbo->it), *newkey;
    if (newvalue == NULL)
        return -1;
    if (gbo->keyfunc == Py_None) {
        newkey = Py_NewRef(newvalue);
    } else {
        newkey = PyObject_CallOneArg(gbo->keyfunc, newvalue);
        if (newkey == NULL) {
            Py_DECREF(newvalue);
            return -1;
        }
    }
    Py_XSETREF(gbo->currvalue, newvalue);
    Py_XSETREF(gbo->currkey, newkey);
    return 0;
}

typedef struct {
    PyObject_HEAD
    PyObject *parent, *tgtkey;
} _grouperobject;
DEFINE_GC(_grouper, 2)

static PyObject *_grouper_create(groupbyobject *parent, PyObject *tgtkey)
{
    _grouperobject *igo = PyObject_GC_New(_grouperobject, &_grouper_type);
    if (igo == NULL)
        return NULL;
    igo->parent = Py_NewRef(parent);
    igo->tgtkey = Py_NewRef(tgtkey);
    parent->currgrouper = (PyObject *)igo;     /* borrowed */
    PyObject_GC_Track(igo);
    return (PyObject *)igo;
}

static PyObject *groupby_next(groupbyobject *gbo)
{
    gbo->currgrouper = NULL;
    /* skip to the next key */
    for (;;) {
        if (gbo->currkey == NULL)
            ;
        else if (gbo->tgtkey == NULL)
            break;
        else {
            int rcmp = PyObject_RichCompareBool(gbo->tgtkey, gbo->currkey, Py_EQ);
            if (rcmp == -1)
                return NULL;
            if (rcmp == 0)
                break;
        }
        if (groupby_step(gbo) < 0)
            return NULL;
    }
    Py_XSETREF(gbo->tgtkey, Py_NewRef(gbo->currkey));
    PyObject *grouper = _grouper_create(gbo, gbo->tgtkey);
    if (grouper == NULL)
        return NULL;
    return Py_BuildValue("(ON)", gbo->currkey, grouper);
}

static PyObject *_grouper_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *parent, *tgtkey;
    if (!PyArg_ParseTuple(args, "O!O", &groupby_type, &parent, &tgtkey))
        return NULL;
    return _grouper_create((groupbyobject *)parent, tgtkey);
}

static PyObject *_grouper_next(_grouperobject *igo)
{
    groupbyobject *gbo = (groupbyobject *)igo->parent;
    if (gbo->currgrouper != (PyObject *)igo)
        return NULL;
    if (gbo->currvalue == NULL) {
        if (groupby_step(gbo) < 0)
            return NULL;
    }
    int rcmp = PyObject_RichCompareBool(igo->tgtkey, gbo->currkey, Py_EQ);
    if (rcmp <= 0)
        return NULL;
    PyObject *r = gbo->currvalue;
    gbo->currvalue = NULL;
    Py_CLEAR(gbo->currkey);
    return r;
}

static PyObject *groupby_reduce(groupbyobject *lz, PyObject *unused)
{
    /* a started groupby is rebuilt then given its current key, value and target */
    if (lz->tgtkey && lz->currkey && lz->currvalue)
        return Py_BuildValue("O(OO)(OOO)", Py_TYPE(lz), lz->it, lz->keyfunc,
                             lz->currkey, lz->currvalue, lz->tgtkey);
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->it, lz->keyfunc);
}

static PyObject *groupby_setstate(groupbyobject *lz, PyObject *state)
{
    PyObject *currkey, *currvalue, *tgtkey;
    if (check_state_tuple(state) < 0 ||
        !PyArg_ParseTuple(state, "OOO", &currkey, &currvalue, &tgtkey))
        return NULL;
    Py_XSETREF(lz->currkey, Py_NewRef(currkey));
    Py_XSETREF(lz->currvalue, Py_NewRef(currvalue));
    Py_XSETREF(lz->tgtkey, Py_NewRef(tgtkey));
    Py_RETURN_NONE;
}

static PyMethodDef groupby_methods[] = {
    REDUCE_METHOD(groupby), SETSTATE_METHOD(groupby), {NULL, NULL, 0, NULL},
};

static PyObject *_grouper_reduce(_grouperobject *lz, PyObject *unused)
{
    /* a grouper its groupby has moved past is empty: pickle it as iter(()) */
    if (((groupbyobject *)lz->parent)->currgrouper != (PyObject *)lz) {
        PyObject *iter = PyDict_GetItemString(PyEval_GetBuiltins(), "iter");
        if (iter == NULL)
            return PyErr_Format(PyExc_RuntimeError, "lost builtins.iter");
        return Py_BuildValue("O(())", iter);
    }
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->parent, lz->tgtkey);
}

static PyMethodDef _grouper_methods[] = { REDUCE_METHOD(_grouper), {NULL, NULL, 0, NULL} };

ITER_TYPE(groupby_type, "groupby", groupby, .tp_methods = groupby_methods,)
ITER_TYPE(_grouper_type, "_grouper", _grouper, .tp_methods = _grouper_methods,)

/* ================================================================== tee */

#define LINKCELLS 57

typedef struct teedataobject {
    PyObject_HEAD
    PyObject *it;
    PyObject *nextlink;
    PyObject *values[LINKCELLS];
    int numread;
    int running;
} teedataobject;

typedef struct {
    PyObject_HEAD
    teedataobject *dataobj;
    PyObject *weakreflist;
    int index;
} teeobject;

static PyTypeObject teedataobject_type, tee_type;

static PyObject *teedataobject_newinternal(PyObject *it)
{
    teedataobject *tdo = PyObject_GC_New(teedataobject, &teedataobject_type);
    if (tdo == NULL)
        return NULL;
    tdo->running = 0;
    tdo->numread = 0;
    tdo->nextlink = NULL;
    tdo->it = Py_NewRef(it);
    PyObject_GC_Track(tdo);
    return (PyObject *)tdo;
}

static PyObject *teedataobject_jumplink(teedataobject *tdo)
{
    if (tdo->nextlink == NULL)
        tdo->nextlink = teedataobject_newinternal(tdo->it);
    return Py_XNewRef(tdo->nextlink);
}

static PyObject *teedataobject_getitem(teedataobject *tdo, int i)
{
    if (i < tdo->numread)
        return Py_NewRef(tdo->values[i]);
    if (tdo->running) {
        PyErr_SetString(PyExc_RuntimeError, "cannot re-enter the tee iterator");
        return NULL;
    }
    tdo->running = 1;
    PyObject *value = PyIter_Next(tdo->it);
    tdo->running = 0;
    if (value == NULL)
        return NULL;
    tdo->numread++;
    tdo->values[i] = value;
    return Py_NewRef(value);
}

static int teedataobject_traverse(teedataobject *tdo, visitproc visit, void *arg)
{
    Py_VISIT(tdo->it);
    for (int i = 0; i < tdo->numread; i++)
        Py_VISIT(tdo->values[i]);
    Py_VISIT(tdo->nextlink);
    return 0;
}

static void teedataobject_safe_decref(PyObject *obj)
{
    /* Break long chains iteratively so deallocation does not recurse per link. */
    while (obj && Py_IS_TYPE(obj, &teedataobject_type) && Py_REFCNT(obj) == 1) {
        PyObject *nextlink = ((teedataobject *)obj)->nextlink;
        ((teedataobject *)obj)->nextlink = NULL;
        Py_DECREF(obj);
        obj = nextlink;
    }
    Py_XDECREF(obj);
}

static int teedataobject_clear(teedataobject *tdo)
{
    Py_CLEAR(tdo->it);
    for (int i = 0; i < tdo->numread; i++)
        Py_CLEAR(tdo->values[i]);
    tdo->numread = 0;
    PyObject *tmp = tdo->nextlink;
    tdo->nextlink = NULL;
    teedataobject_safe_decref(tmp);
    return 0;
}

static void teedataobject_dealloc(teedataobject *tdo)
{
    PyObject_GC_UnTrack(tdo);
    teedataobject_clear(tdo);
    PyObject_GC_Del(tdo);
}

static PyObject *teedataobject_reduce(teedataobject *tdo, PyObject *unused)
{
    PyObject *values = PyList_New(tdo->numread);
    if (values == NULL)
        return NULL;
    for (int i = 0; i < tdo->numread; i++)
        PyList_SET_ITEM(values, i, Py_NewRef(tdo->values[i]));
    return Py_BuildValue("O(ONO)", Py_TYPE(tdo), tdo->it, values,
                         tdo->nextlink ? tdo->nextlink : Py_None);
}

static PyObject *teedataobject_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *it, *values, *next;
    if (!PyArg_ParseTuple(args, "OO!O", &it, &PyList_Type, &values, &next))
        return NULL;
    Py_ssize_t len = PyList_GET_SIZE(values);
    /* only a full link may have a successor */
    if (len > LINKCELLS || (len < LINKCELLS && next != Py_None) ||
        (next != Py_None && !Py_IS_TYPE(next, &teedataobject_type))) {
        PyErr_SetString(PyExc_ValueError, "Invalid arguments");
        return NULL;
    }
    teedataobject *tdo = (teedataobject *)teedataobject_newinternal(it);
    if (tdo == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < len; i++)
        tdo->values[i] = Py_NewRef(PyList_GET_ITEM(values, i));
    tdo->numread = (int)len;
    if (next != Py_None)
        tdo->nextlink = Py_NewRef(next);
    return (PyObject *)tdo;
}

static PyMethodDef teedataobject_methods[] = {
    REDUCE_METHOD(teedataobject), {NULL, NULL, 0, NULL},
};

static PyTypeObject teedataobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee_dataobject",
    .tp_basicsize = sizeof(teedataobject),
    .tp_dealloc = (destructor)teedataobject_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)teedataobject_traverse,
    .tp_clear = (inquiry)teedataobject_clear,
    .tp_methods = teedataobject_methods,
    .tp_new = teedataobject_new,
    .tp_free = PyObject_GC_Del,
};

static PyObject *tee_next(teeobject *to)
{
    if (to->index >= LINKCELLS) {
        PyObject *link = teedataobject_jumplink(to->dataobj);
        if (link == NULL)
            return NULL;
        Py_SETREF(to->dataobj, (teedataobject *)link);
        to->index = 0;
    }
    PyObject *value = teedataobject_getitem(to->dataobj, to->index);
    if (value == NULL)
        return NULL;
    to->index++;
    return value;
}

static int tee_traverse(teeobject *to, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)to->dataobj);
    return 0;
}

static PyObject *tee_copy(teeobject *to, PyObject *unused)
{
    teeobject *newto = PyObject_GC_New(teeobject, &tee_type);
    if (newto == NULL)
        return NULL;
    newto->dataobj = (teedataobject *)Py_NewRef(to->dataobj);
    newto->index = to->index;
    newto->weakreflist = NULL;
    PyObject_GC_Track(newto);
    return (PyObject *)newto;
}

static PyObject *tee_fromiterable(PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    if (Py_IS_TYPE(it, &tee_type)) {
        PyObject *r = tee_copy((teeobject *)it, NULL);
        Py_DECREF(it);
        return r;
    }
    PyObject *dataobj = teedataobject_newinternal(it);
    Py_DECREF(it);
    if (dataobj == NULL)
        return NULL;
    teeobject *to = PyObject_GC_New(teeobject, &tee_type);
    if (to == NULL) {
        Py_DECREF(dataobj);
        return NULL;
    }
    to->dataobj = (teedataobject *)dataobj;
    to->index = 0;
    to->weakreflist = NULL;
    PyObject_GC_Track(to);
    return (PyObject *)to;
}

static PyObject *tee_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *iterable;
    if (!PyArg_UnpackTuple(args, "_tee", 1, 1, &iterable))
        return NULL;
    return tee_fromiterable(iterable);
}

static int tee_clear(teeobject *to)
{
    if (to->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)to);
    Py_CLEAR(to->dataobj);
    return 0;
}

static void tee_dealloc(teeobject *to)
{
    PyObject_GC_UnTrack(to);
    tee_clear(to);
    PyObject_GC_Del(to);
}

static PyObject *tee_reduce(teeobject *to, PyObject *unused)
{
    return Py_BuildValue("O(())(Oi)", Py_TYPE(to), to->dataobj, to->index);
}

static PyObject *tee_setstate(teeobject *to, PyObject *state)
{
    teedataobject *tdo;
    int index;
    if (check_state_tuple(state) < 0 ||
        !PyArg_ParseTuple(state, "O!i", &teedataobject_type, &tdo, &index))
        return NULL;
    if (index < 0 || index > LINKCELLS) {
        PyErr_SetString(PyExc_ValueError, "Index out of range");
        return NULL;
    }
    Py_XSETREF(to->dataobj, (teedataobject *)Py_NewRef(tdo));
    to->index = index;
    Py_RETURN_NONE;
}

static PyMethodDef tee_methods[] = {
    {"__copy__", (PyCFunction)tee_copy, METH_NOARGS, "Returns an independent iterator."},
    REDUCE_METHOD(tee), SETSTATE_METHOD(tee),
    {NULL, NULL, 0, NULL},
};

static PyTypeObject tee_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "itertools._tee",
    .tp_basicsize = sizeof(teeobject),
    .tp_dealloc = (destructor)tee_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)tee_traverse,
    .tp_clear = (inquiry)tee_clear,
    .tp_weaklistoffset = offsetof(teeobject, weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)tee_next,
    .tp_methods = tee_methods,
    .tp_new = tee_new,
    .tp_free = PyObject_GC_Del,
};

static PyObject *itertools_tee(PyObject *module, PyObject *args)
{
    PyObject *iterable;
    Py_ssize_t n = 2;
    if (!PyArg_ParseTuple(args, "O|n:tee", &iterable, &n))
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "n must be >= 0");
        return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL || n == 0)
        return result;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    PyObject *copyfunc;
    if (_PyObject_LookupAttr(it, _Py_ID(__copy__), &copyfunc) < 0) {
        Py_DECREF(it);
        Py_DECREF(result);
        return NULL;
    }
    PyObject *to;
    if (copyfunc != NULL) {
        to = it;
    } else {
        to = tee_fromiterable(it);
        Py_DECREF(it);
        if (to == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        copyfunc = PyObject_GetAttr(to, _Py_ID(__copy__));
        if (copyfunc == NULL) {
            Py_DECREF(to);
            Py_DECREF(result);
            return NULL;
        }
    }
    PyTuple_SET_ITEM(result, 0, to);
    for (Py_ssize_t i = 1; i < n; i++) {
        to = PyObject_CallNoArgs(copyfunc);
        if (to == NULL) {
            Py_DECREF(copyfunc);
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, to);
    }
    Py_DECREF(copyfunc);
    return result;
}

/* ================================================================== cycle */

typedef struct {
    PyObject_HEAD
    PyObject *it, *saved;
    Py_ssize_t index;
    int firstpass;
} cycleobject;
DEFINE_GC(cycle, 2)

static PyObject *cycle_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (!no_keywords(type, &cycle_type, "cycle", kwds) || !PyArg_UnpackTuple(args, "cycle", 1, 1, &iterable))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    PyObject *saved = PyList_New(0);
    cycleobject *lz = saved ? (cycleobject *)type->tp_alloc(type, 0) : NULL;
    if (lz == NULL) {
        Py_DECREF(it);
        Py_XDECREF(saved);
        return NULL;
    }
    lz->it = it;
    lz->saved = saved;
    lz->index = 0;
    lz->firstpass = 0;
    return (PyObject *)lz;
}

static PyObject *cycle_next(cycleobject *lz)
{
    if (lz->it != NULL) {
        PyObject *item = PyIter_Next(lz->it);
        if (item != NULL) {
            if (lz->firstpass)
                return item;
            if (PyList_Append(lz->saved, item)) {
                Py_DECREF(item);
                return NULL;
            }
            return item;
        }
        if (PyErr_Occurred())
            return NULL;
        Py_CLEAR(lz->it);
    }
    if (PyList_GET_SIZE(lz->saved) == 0)
        return NULL;
    PyObject *item = PyList_GET_ITEM(lz->saved, lz->index);
    lz->index++;
    if (lz->index >= PyList_GET_SIZE(lz->saved))
        lz->index = 0;
    return Py_NewRef(item);
}

static PyObject *cycle_reduce(cycleobject *lz, PyObject *unused)
{
    if (lz->it == NULL) {
        /* past the first pass: an iterator over saved, positioned at index */
        PyObject *it = PyObject_GetIter(lz->saved);
        if (it == NULL)
            return NULL;
        if (lz->index != 0) {
            PyObject *r = PyObject_CallMethod(it, "__setstate__", "n", lz->index);
            if (r == NULL) {
                Py_DECREF(it);
                return NULL;
            }
            Py_DECREF(r);
        }
        return Py_BuildValue("O(N)(OO)", Py_TYPE(lz), it, lz->saved, Py_True);
    }
    return Py_BuildValue("O(O)(OO)", Py_TYPE(lz), lz->it, lz->saved,
                         lz->firstpass ? Py_True : Py_False);
}

static PyObject *cycle_setstate(cycleobject *lz, PyObject *state)
{
    PyObject *saved;
    int firstpass;
    if (check_state_tuple(state) < 0 ||
        !PyArg_ParseTuple(state, "O!i", &PyList_Type, &saved, &firstpass))
        return NULL;
    Py_XSETREF(lz->saved, Py_NewRef(saved));
    lz->firstpass = firstpass != 0;
    lz->index = 0;
    Py_RETURN_NONE;
}

static PyMethodDef cycle_methods[] = {
    REDUCE_METHOD(cycle), SETSTATE_METHOD(cycle), {NULL, NULL, 0, NULL},
};

ITER_TYPE(cycle_type, "cycle", cycle, .tp_methods = cycle_methods,)

/* ================================================================== dropwhile / takewhile */

typedef struct {
    PyObject_HEAD
    PyObject *func, *it;
    long start;
} dropwhileobject;
typedef dropwhileobject takewhileobject;
DEFINE_GC(dropwhile, 2)
DEFINE_GC(takewhile, 2)

static PyObject *pred_iter_new(PyTypeObject *type, PyObject *args, PyObject *kwds,
                               PyTypeObject *exact, const char *name)
{
    PyObject *func, *seq;
    if (!no_keywords(type, exact, name, kwds) || !PyArg_UnpackTuple(args, name, 2, 2, &func, &seq))
        return NULL;
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    dropwhileobject *lz = (dropwhileobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    lz->start = 0;
    return (PyObject *)lz;
}

static PyObject *dropwhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{ return pred_iter_new(type, args, kwds, &dropwhile_type, "dropwhile"); }
static PyObject *takewhile_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{ return pred_iter_new(type, args, kwds, &takewhile_type, "takewhile"); }

static PyObject *dropwhile_next(dropwhileobject *lz)
{
    for (;;) {
        PyObject *item = PyIter_Next(lz->it);
        if (item == NULL)
            return NULL;
        if (lz->start == 1)
            return item;
        PyObject *good = PyObject_CallOneArg(lz->func, item);
        if (good == NULL) {
            Py_DECREF(item);
            return NULL;
        }
        int ok = PyObject_IsTrue(good);
        Py_DECREF(good);
        if (ok == 0) {
            lz->start = 1;
            return item;
        }
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *takewhile_next(takewhileobject *lz)
{
    if (lz->start == 1)
        return NULL;
    PyObject *item = PyIter_Next(lz->it);
    if (item == NULL)
        return NULL;
    PyObject *good = PyObject_CallOneArg(lz->func, item);
    if (good == NULL) {
        Py_DECREF(item);
        return NULL;
    }
    int ok = PyObject_IsTrue(good);
    Py_DECREF(good);
    if (ok > 0)
        return item;
    Py_DECREF(item);
    if (ok == 0)
        lz->start = 1;
    return NULL;
}

static PyObject *dropwhile_reduce(dropwhileobject *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)l", Py_TYPE(lz), lz->func, lz->it, lz->start);
}

static PyObject *dropwhile_setstate(dropwhileobject *lz, PyObject *state)
{
    int start = PyObject_IsTrue(state);
    if (start < 0)
        return NULL;
    lz->start = start;
    Py_RETURN_NONE;
}

static PyMethodDef dropwhile_methods[] = {
    REDUCE_METHOD(dropwhile), SETSTATE_METHOD(dropwhile), {NULL, NULL, 0, NULL},
};

ITER_TYPE(dropwhile_type, "dropwhile", dropwhile, .tp_methods = dropwhile_methods,)
ITER_TYPE(takewhile_type, "takewhile", takewhile, .tp_methods = dropwhile_methods,)

/* ================================================================== islice */

typedef struct {
    PyObject_HEAD
    PyObject *it;
    Py_ssize_t next, stop, step, cnt;
} isliceobject;
DEFINE_GC(islice, 1)

static PyObject *islice_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *seq, *a1 = NULL, *a2 = NULL, *a3 = NULL;
    Py_ssize_t start = 0, stop = -1, step = 1;
    if (!no_keywords(type, &islice_type, "islice", kwds))
        return NULL;
    if (!PyArg_UnpackTuple(args, "islice", 2, 4, &seq, &a1, &a2, &a3))
        return NULL;
    Py_ssize_t numargs = PyTuple_GET_SIZE(args);
    if (numargs == 2) {
        if (a1 != Py_None) {
            stop = PyNumber_AsSsize_t(a1, PyExc_OverflowError);
            if (stop == -1) {
                if (PyErr_Occurred())
                    PyErr_Clear();
                PyErr_SetString(PyExc_ValueError,
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
                return NULL;
            }
        }
    } else {
        if (a1 != Py_None)
            start = PyNumber_AsSsize_t(a1, PyExc_OverflowError);
        if (start == -1 && PyErr_Occurred())
            PyErr_Clear();
        if (a2 != Py_None) {
            stop = PyNumber_AsSsize_t(a2, PyExc_OverflowError);
            if (stop == -1) {
                if (PyErr_Occurred())
                    PyErr_Clear();
                PyErr_SetString(PyExc_ValueError,
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
                return NULL;
            }
        }
    }
    if (start < 0 || stop < -1) {
        PyErr_SetString(PyExc_ValueError,
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
        return NULL;
    }
    if (a3 != NULL) {
        if (a3 != Py_None)
            step = PyNumber_AsSsize_t(a3, PyExc_OverflowError);
        if (step == -1 && PyErr_Occurred())
            PyErr_Clear();
    }
    if (step < 1) {
        PyErr_SetString(PyExc_ValueError,
            "Step for islice() must be a positive integer or None.");
        return NULL;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    isliceobject *lz = (isliceobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->it = it;
    lz->next = start;
    lz->stop = stop;
    lz->step = step;
    lz->cnt = 0;
    return (PyObject *)lz;
}

static PyObject *islice_next(isliceobject *lz)
{
    PyObject *it = lz->it;
    if (it == NULL)
        return NULL;
    Py_ssize_t stop = lz->stop;
    while (lz->cnt < lz->next) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL)
            goto empty;
        Py_DECREF(item);
        lz->cnt++;
    }
    if (stop != -1 && lz->cnt >= stop)
        goto empty;
    PyObject *item = PyIter_Next(it);
    if (item == NULL)
        goto empty;
    lz->cnt++;
    Py_ssize_t oldnext = lz->next;
    lz->next += lz->step;
    if (lz->next < oldnext || (stop != -1 && lz->next > stop))
        lz->next = stop;
    return item;
empty:
    Py_CLEAR(lz->it);
    return NULL;
}

static PyObject *islice_reduce(isliceobject *lz, PyObject *unused)
{
    if (lz->it == NULL) {               /* exhausted: an islice of an empty iterator */
        PyObject *empty = PyList_New(0);
        PyObject *it = empty ? PyObject_GetIter(empty) : NULL;
        Py_XDECREF(empty);
        if (it == NULL)
            return NULL;
        return Py_BuildValue("O(Nn)n", Py_TYPE(lz), it, (Py_ssize_t)0, (Py_ssize_t)0);
    }
    PyObject *stop = lz->stop == -1 ? Py_NewRef(Py_None) : PyLong_FromSsize_t(lz->stop);
    if (stop == NULL)
        return NULL;
    return Py_BuildValue("O(OnNn)n", Py_TYPE(lz), lz->it, lz->next, stop, lz->step, lz->cnt);
}

static PyObject *islice_setstate(isliceobject *lz, PyObject *state)
{
    Py_ssize_t cnt = PyLong_AsSsize_t(state);
    if (cnt == -1 && PyErr_Occurred())
        return NULL;
    lz->cnt = cnt;
    Py_RETURN_NONE;
}

static PyMethodDef islice_methods[] = {
    REDUCE_METHOD(islice), SETSTATE_METHOD(islice), {NULL, NULL, 0, NULL},
};

ITER_TYPE(islice_type, "islice", islice, .tp_methods = islice_methods,)

/* ================================================================== starmap */

typedef struct {
    PyObject_HEAD
    PyObject *func, *it;
} starmapobject;
DEFINE_GC(starmap, 2)

static PyObject *starmap_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func, *seq;
    if (!no_keywords(type, &starmap_type, "starmap", kwds) || !PyArg_UnpackTuple(args, "starmap", 2, 2, &func, &seq))
        return NULL;
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    starmapobject *lz = (starmapobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static PyObject *starmap_next(starmapobject *lz)
{
    PyObject *args = PyIter_Next(lz->it);
    if (args == NULL)
        return NULL;
    if (!PyTuple_CheckExact(args)) {
        PyObject *newargs = PySequence_Tuple(args);
        Py_DECREF(args);
        if (newargs == NULL)
            return NULL;
        args = newargs;
    }
    PyObject *result = PyObject_Call(lz->func, args, NULL);
    Py_DECREF(args);
    return result;
}

static PyObject *starmap_reduce(starmapobject *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->func, lz->it);
}

static PyMethodDef starmap_methods[] = { REDUCE_METHOD(starmap), {NULL, NULL, 0, NULL} };

ITER_TYPE(starmap_type, "starmap", starmap, .tp_methods = starmap_methods,)

/* ================================================================== chain */

typedef struct {
    PyObject_HEAD
    PyObject *source, *active;
} chainobject;
DEFINE_GC(chain, 2)

static PyTypeObject chain_type;

static PyObject *chain_new_internal(PyTypeObject *type, PyObject *source)
{
    chainobject *lz = (chainobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(source);
        return NULL;
    }
    lz->source = source;
    lz->active = NULL;
    return (PyObject *)lz;
}

static PyObject *chain_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!no_keywords(type, &chain_type, "chain", kwds))
        return NULL;
    PyObject *source = PyObject_GetIter(args);
    if (source == NULL)
        return NULL;
    return chain_new_internal(type, source);
}

static PyObject *chain_new_from_iterable(PyTypeObject *type, PyObject *arg)
{
    PyObject *source = PyObject_GetIter(arg);
    if (source == NULL)
        return NULL;
    return chain_new_internal(type, source);
}

static PyObject *chain_next(chainobject *lz)
{
    while (lz->source != NULL) {
        if (lz->active == NULL) {
            PyObject *iterable = PyIter_Next(lz->source);
            if (iterable == NULL) {
                Py_CLEAR(lz->source);
                return NULL;
            }
            lz->active = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            if (lz->active == NULL) {
                Py_CLEAR(lz->source);
                return NULL;
            }
        }
        PyObject *item = (*Py_TYPE(lz->active)->tp_iternext)(lz->active);
        if (item != NULL)
            return item;
        if (PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_StopIteration))
                PyErr_Clear();
            else
                return NULL;
        }
        Py_CLEAR(lz->active);
    }
    return NULL;
}

static PyObject *generic_class_getitem(PyObject *cls, PyObject *arg) { return Py_GenericAlias(cls, arg); }

static PyObject *chain_reduce(chainobject *lz, PyObject *unused)
{
    /* chain.from_iterable's source cannot be passed to chain(): restore it by setstate */
    if (lz->source == NULL)
        return Py_BuildValue("O()", Py_TYPE(lz));          /* exhausted */
    if (lz->active != NULL)
        return Py_BuildValue("O()(OO)", Py_TYPE(lz), lz->source, lz->active);
    return Py_BuildValue("O()(O)", Py_TYPE(lz), lz->source);
}

static PyObject *chain_setstate(chainobject *lz, PyObject *state)
{
    PyObject *source, *active = NULL;
    if (check_state_tuple(state) < 0 || !PyArg_ParseTuple(state, "O|O", &source, &active))
        return NULL;
    if (!PyIter_Check(source) || (active != NULL && !PyIter_Check(active))) {
        PyErr_SetString(PyExc_TypeError, "Arguments must be iterators.");
        return NULL;
    }
    Py_XSETREF(lz->source, Py_NewRef(source));
    Py_XSETREF(lz->active, Py_XNewRef(active));
    Py_RETURN_NONE;
}

static PyMethodDef chain_methods[] = {
    REDUCE_METHOD(chain), SETSTATE_METHOD(chain),
    {"from_iterable", (PyCFunction)chain_new_from_iterable, METH_O | METH_CLASS,
     "Alternative chain() constructor taking a single iterable argument that evaluates lazily."},
    {"__class_getitem__", generic_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

ITER_TYPE(chain_type, "chain", chain, .tp_methods = chain_methods,)

/* ================================================================== product */

typedef struct {
    PyObject_HEAD
    PyObject *pools, *result;
    Py_ssize_t *indices;
    int stopped;
} productobject;

static void product_dealloc(PyObject *self)
{
    productobject *lz = (productobject *)self;
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->pools);
    Py_XDECREF(lz->result);
    PyMem_Free(lz->indices);
    Py_TYPE(lz)->tp_free(lz);
}
static int product_traverse(PyObject *self, visitproc visit, void *arg)
{ return generic_traverse_n(self, visit, arg, 2); }

static PyObject *product_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    Py_ssize_t repeat = 1;
    if (kwds != NULL) {
        static char *kwlist[] = {"repeat", 0};
        PyObject *tmpargs = PyTuple_New(0);
        if (tmpargs == NULL)
            return NULL;
        int ok = PyArg_ParseTupleAndKeywords(tmpargs, kwds, "|n:product", kwlist, &repeat);
        Py_DECREF(tmpargs);
        if (!ok)
            return NULL;
        if (repeat < 0) {
            PyErr_SetString(PyExc_ValueError, "repeat argument cannot be negative");
            return NULL;
        }
    }
    Py_ssize_t nargs = repeat == 0 ? 0 : PyTuple_GET_SIZE(args);
    if (repeat && nargs > PY_SSIZE_T_MAX / (Py_ssize_t)sizeof(Py_ssize_t) / repeat) {
        PyErr_SetString(PyExc_OverflowError, "repeat argument too large");
        return NULL;
    }
    Py_ssize_t npools = nargs * repeat;
    Py_ssize_t *indices = PyMem_New(Py_ssize_t, npools ? npools : 1);
    if (indices == NULL)
        return PyErr_NoMemory();
    PyObject *pools = PyTuple_New(npools);
    if (pools == NULL)
        goto error;
    for (Py_ssize_t i = 0; i < nargs; ++i) {
        PyObject *pool = PySequence_Tuple(PyTuple_GET_ITEM(args, i));
        if (pool == NULL)
            goto error;
        PyTuple_SET_ITEM(pools, i, pool);
        indices[i] = 0;
    }
    for (Py_ssize_t i = nargs; i < npools; ++i) {
        PyTuple_SET_ITEM(pools, i, Py_NewRef(PyTuple_GET_ITEM(pools, i - nargs)));
        indices[i] = 0;
    }
    productobject *lz = (productobject *)type->tp_alloc(type, 0);
    if (lz == NULL)
        goto error;
    lz->pools = pools;
    lz->indices = indices;
    lz->result = NULL;
    lz->stopped = 0;
    return (PyObject *)lz;
error:
    PyMem_Free(indices);
    Py_XDECREF(pools);
    return NULL;
}

/* Copy the tuple if someone else still holds the previous result (CPython reuses it). */
static PyObject *fresh_result(PyObject **resultp)
{
    PyObject *result = *resultp;
    if (Py_REFCNT(result) > 1) {
        PyObject *old = result;
        Py_ssize_t n = PyTuple_GET_SIZE(old);
        result = PyTuple_New(n);
        if (result == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < n; i++)
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(old, i)));
        Py_SETREF(*resultp, result);
    }
    return result;
}

static PyObject *product_next(productobject *lz)
{
    PyObject *pools = lz->pools, *result = lz->result;
    Py_ssize_t npools = PyTuple_GET_SIZE(pools);
    if (lz->stopped)
        return NULL;
    if (result == NULL) {
        result = PyTuple_New(npools);
        if (result == NULL)
            goto empty;
        lz->result = result;
        for (Py_ssize_t i = 0; i < npools; i++) {
            PyObject *pool = PyTuple_GET_ITEM(pools, i);
            if (PyTuple_GET_SIZE(pool) == 0)
                goto empty;
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, 0)));
        }
    } else {
        Py_ssize_t *indices = lz->indices;
        if (npools == 0)
            goto empty;
        result = fresh_result(&lz->result);
        if (result == NULL)
            goto empty;
        Py_ssize_t i;
        for (i = npools - 1; i >= 0; i--) {
            PyObject *pool = PyTuple_GET_ITEM(pools, i);
            indices[i]++;
            if (indices[i] == PyTuple_GET_SIZE(pool)) {
                indices[i] = 0;
                Py_SETREF(PyTuple_GET_ITEM(result, i), Py_NewRef(PyTuple_GET_ITEM(pool, 0)));
            } else {
                Py_SETREF(PyTuple_GET_ITEM(result, i),
                          Py_NewRef(PyTuple_GET_ITEM(pool, indices[i])));
                break;
            }
        }
        if (i < 0)
            goto empty;
    }
    return Py_NewRef(result);
empty:
    lz->stopped = 1;
    return NULL;
}

static PyObject *product_reduce(productobject *lz, PyObject *unused)
{
    if (lz->stopped)
        return Py_BuildValue("O(())", Py_TYPE(lz));
    if (lz->result == NULL)
        return Py_BuildValue("OO", Py_TYPE(lz), lz->pools);
    /* started: the indices go to setstate */
    PyObject *indices = indices_tuple(lz->indices, PyTuple_GET_SIZE(lz->pools));
    if (indices == NULL)
        return NULL;
    return Py_BuildValue("OON", Py_TYPE(lz), lz->pools, indices);
}

static PyObject *product_setstate(productobject *lz, PyObject *state)
{
    Py_ssize_t n = PyTuple_GET_SIZE(lz->pools);
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != n) {
        PyErr_SetString(PyExc_ValueError, "invalid arguments");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t poolsize = PyTuple_GET_SIZE(PyTuple_GET_ITEM(lz->pools, i));
        if (PyLong_AsSsize_t(PyTuple_GET_ITEM(state, i)) == -1 && PyErr_Occurred())
            return NULL;
        if (poolsize == 0) {
            lz->stopped = 1;
            Py_RETURN_NONE;
        }
        if (state_index(PyTuple_GET_ITEM(state, i), 0, poolsize - 1, &lz->indices[i]) < 0)
            return NULL;
    }
    PyObject *result = PyTuple_New(n);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *pool = PyTuple_GET_ITEM(lz->pools, i);
        PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, lz->indices[i])));
    }
    Py_XSETREF(lz->result, result);
    Py_RETURN_NONE;
}

static PyMethodDef product_methods[] = {
    REDUCE_METHOD(product), SETSTATE_METHOD(product), {NULL, NULL, 0, NULL},
};

ITER_TYPE(product_type, "product", product, .tp_methods = product_methods,)

/* ================================================================== combinations */

typedef struct {
    PyObject_HEAD
    PyObject *pool, *result;
    Py_ssize_t *indices;
    Py_ssize_t r;
    int stopped;
} combinationsobject;

static void combinations_dealloc(PyObject *self)
{
    combinationsobject *co = (combinationsobject *)self;
    PyObject_GC_UnTrack(co);
    Py_XDECREF(co->pool);
    Py_XDECREF(co->result);
    PyMem_Free(co->indices);
    Py_TYPE(co)->tp_free(co);
}
static int combinations_traverse(PyObject *self, visitproc visit, void *arg)
{ return generic_traverse_n(self, visit, arg, 2); }
typedef combinationsobject cwrobject;
#define cwr_dealloc combinations_dealloc
#define cwr_traverse combinations_traverse

static PyObject *comb_new(PyTypeObject *type, PyObject *args, PyObject *kwds, const char *fmt, int cwr)
{
    static char *kwargs[] = {"iterable", "r", NULL};
    PyObject *iterable;
    Py_ssize_t r;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwargs, &iterable, &r))
        return NULL;
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        return NULL;
    }
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pool);
    Py_ssize_t *indices = PyMem_New(Py_ssize_t, r ? r : 1);
    if (indices == NULL) {
        Py_DECREF(pool);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < r; i++)
        indices[i] = cwr ? 0 : i;
    combinationsobject *co = (combinationsobject *)type->tp_alloc(type, 0);
    if (co == NULL) {
        PyMem_Free(indices);
        Py_DECREF(pool);
        return NULL;
    }
    co->pool = pool;
    co->indices = indices;
    co->result = NULL;
    co->r = r;
    co->stopped = cwr ? (n == 0 && r > 0) : r > n;
    return (PyObject *)co;
}

static PyObject *combinations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{ return comb_new(type, args, kwds, "On:combinations", 0); }
static PyObject *cwr_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{ return comb_new(type, args, kwds, "On:combinations_with_replacement", 1); }

static PyObject *combinations_next(combinationsobject *co)
{
    PyObject *pool = co->pool, *result = co->result;
    Py_ssize_t *indices = co->indices, n = PyTuple_GET_SIZE(pool), r = co->r, i, j;
    if (co->stopped)
        return NULL;
    if (result == NULL) {
        result = PyTuple_New(r);
        if (result == NULL)
            goto empty;
        co->result = result;
        for (i = 0; i < r; i++)
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, indices[i])));
    } else {
        if ((result = fresh_result(&co->result)) == NULL)
            goto empty;
        /* rightmost index that is not at its maximum */
        for (i = r - 1; i >= 0 && indices[i] == i + n - r; i--)
            ;
        if (i < 0)
            goto empty;
        indices[i]++;
        for (j = i + 1; j < r; j++)
            indices[j] = indices[j - 1] + 1;
        for (; i < r; i++)
            Py_SETREF(PyTuple_GET_ITEM(result, i), Py_NewRef(PyTuple_GET_ITEM(pool, indices[i])));
    }
    return Py_NewRef(result);
empty:
    co->stopped = 1;
    return NULL;
}

static PyObject *cwr_next(cwrobject *co)
{
    PyObject *pool = co->pool, *result = co->result;
    Py_ssize_t *indices = co->indices, n = PyTuple_GET_SIZE(pool), r = co->r, i, index;
    if (co->stopped)
        return NULL;
    if (result == NULL) {
        result = PyTuple_New(r);
        if (result == NULL)
            goto empty;
        co->result = result;
        if (n > 0) {
            PyObject *elem = PyTuple_GET_ITEM(pool, 0);
            for (i = 0; i < r; i++)
                PyTuple_SET_ITEM(result, i, Py_NewRef(elem));
        }
    } else {
        if ((result = fresh_result(&co->result)) == NULL)
            goto empty;
        for (i = r - 1; i >= 0 && indices[i] == n - 1; i--)
            ;
        if (i < 0)
            goto empty;
        index = indices[i] + 1;
        PyObject *elem = PyTuple_GET_ITEM(pool, index);
        for (; i < r; i++) {
            indices[i] = index;
            Py_SETREF(PyTuple_GET_ITEM(result, i), Py_NewRef(elem));
        }
    }
    return Py_NewRef(result);
empty:
    co->stopped = 1;
    return NULL;
}

static PyObject *combinations_reduce(combinationsobject *lz, PyObject *unused)
{
    if (lz->result == NULL)
        return Py_BuildValue("O(On)", Py_TYPE(lz), lz->pool, lz->r);
    if (lz->stopped)
        return Py_BuildValue("O(()n)", Py_TYPE(lz), lz->r);
    PyObject *indices = indices_tuple(lz->indices, lz->r);
    if (indices == NULL)
        return NULL;
    return Py_BuildValue("O(On)N", Py_TYPE(lz), lz->pool, lz->r, indices);
}
#define cwr_reduce combinations_reduce

/* Shared by combinations (index i at most i+n-r) and cwr (at most n-1). */
static PyObject *comb_setstate(combinationsobject *lz, PyObject *state, int cwr)
{
    Py_ssize_t n = PyTuple_GET_SIZE(lz->pool);
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != lz->r) {
        PyErr_SetString(PyExc_ValueError, "invalid arguments");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < lz->r; i++) {
        Py_ssize_t max = cwr ? n - 1 : i + n - lz->r;
        if (state_index(PyTuple_GET_ITEM(state, i), 0, max, &lz->indices[i]) < 0)
            return NULL;
    }
    if (n == 0 || (!cwr && lz->r > n)) {       /* nothing to index: stay exhausted */
        lz->stopped = 1;
        Py_RETURN_NONE;
    }
    PyObject *result = result_from_indices(lz->pool, lz->indices, lz->r);
    if (result == NULL)
        return NULL;
    Py_XSETREF(lz->result, result);
    Py_RETURN_NONE;
}

static PyObject *combinations_setstate(combinationsobject *lz, PyObject *state)
{ return comb_setstate(lz, state, 0); }
static PyObject *cwr_setstate(combinationsobject *lz, PyObject *state)
{ return comb_setstate(lz, state, 1); }

static PyMethodDef combinations_methods[] = {
    REDUCE_METHOD(combinations), SETSTATE_METHOD(combinations), {NULL, NULL, 0, NULL},
};
static PyMethodDef cwr_methods[] = {
    REDUCE_METHOD(cwr), SETSTATE_METHOD(cwr), {NULL, NULL, 0, NULL},
};

ITER_TYPE(combinations_type, "combinations", combinations, .tp_methods = combinations_methods,)
ITER_TYPE(cwr_type, "combinations_with_replacement", cwr, .tp_methods = cwr_methods,)

/* ================================================================== permutations */

typedef struct {
    PyObject_HEAD
    PyObject *pool, *result;
    Py_ssize_t *indices, *cycles;
    Py_ssize_t r;
    int stopped;
} permutationsobject;

static void permutations_dealloc(PyObject *self)
{
    permutationsobject *po = (permutationsobject *)self;
    PyObject_GC_UnTrack(po);
    Py_XDECREF(po->pool);
    Py_XDECREF(po->result);
    PyMem_Free(po->indices);
    PyMem_Free(po->cycles);
    Py_TYPE(po)->tp_free(po);
}
static int permutations_traverse(PyObject *self, visitproc visit, void *arg)
{ return generic_traverse_n(self, visit, arg, 2); }

static PyObject *permutations_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"iterable", "r", NULL};
    PyObject *iterable, *robj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:permutations", kwargs, &iterable, &robj))
        return NULL;
    PyObject *pool = PySequence_Tuple(iterable);
    if (pool == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r = n;
    if (robj != Py_None) {
        if (!PyLong_Check(robj)) {
            PyErr_SetString(PyExc_TypeError, "Expected int as r");
            Py_DECREF(pool);
            return NULL;
        }
        r = PyLong_AsSsize_t(robj);
        if (r == -1 && PyErr_Occurred()) {
            Py_DECREF(pool);
            return NULL;
        }
    }
    if (r < 0) {
        PyErr_SetString(PyExc_ValueError, "r must be non-negative");
        Py_DECREF(pool);
        return NULL;
    }
    Py_ssize_t *indices = PyMem_New(Py_ssize_t, n ? n : 1);
    Py_ssize_t *cycles = PyMem_New(Py_ssize_t, r ? r : 1);
    if (indices == NULL || cycles == NULL) {
        PyMem_Free(indices);
        PyMem_Free(cycles);
        Py_DECREF(pool);
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++)
        indices[i] = i;
    for (Py_ssize_t i = 0; i < r; i++)
        cycles[i] = n - i;
    permutationsobject *po = (permutationsobject *)type->tp_alloc(type, 0);
    if (po == NULL) {
        PyMem_Free(indices);
        PyMem_Free(cycles);
        Py_DECREF(pool);
        return NULL;
    }
    po->pool = pool;
    po->indices = indices;
    po->cycles = cycles;
    po->result = NULL;
    po->r = r;
    po->stopped = r > n;
    return (PyObject *)po;
}

static PyObject *permutations_next(permutationsobject *po)
{
    PyObject *pool = po->pool, *result = po->result;
    Py_ssize_t *indices = po->indices, *cycles = po->cycles;
    Py_ssize_t n = PyTuple_GET_SIZE(pool), r = po->r, i, j, k, index;
    if (po->stopped)
        return NULL;
    if (result == NULL) {
        result = PyTuple_New(r);
        if (result == NULL)
            goto empty;
        po->result = result;
        for (i = 0; i < r; i++)
            PyTuple_SET_ITEM(result, i, Py_NewRef(PyTuple_GET_ITEM(pool, indices[i])));
    } else {
        if (n == 0)
            goto empty;
        if ((result = fresh_result(&po->result)) == NULL)
            goto empty;
        for (i = r - 1; i >= 0; i--) {
            cycles[i] -= 1;
            if (cycles[i] == 0) {
                /* rotate indices[i:] left by one */
                index = indices[i];
                for (j = i; j < n - 1; j++)
                    indices[j] = indices[j + 1];
                indices[n - 1] = index;
                cycles[i] = n - i;
            } else {
                j = cycles[i];
                index = indices[i];
                indices[i] = indices[n - j];
                indices[n - j] = index;
                for (k = i; k < r; k++)
                    Py_SETREF(PyTuple_GET_ITEM(result, k),
                              Py_NewRef(PyTuple_GET_ITEM(pool, indices[k])));
                break;
            }
        }
        if (i < 0)
            goto empty;
    }
    return Py_NewRef(result);
empty:
    po->stopped = 1;
    return NULL;
}

static PyObject *permutations_reduce(permutationsobject *po, PyObject *unused)
{
    if (po->result == NULL)
        return Py_BuildValue("O(On)", Py_TYPE(po), po->pool, po->r);
    if (po->stopped)
        return Py_BuildValue("O(()n)", Py_TYPE(po), po->r);
    PyObject *indices = indices_tuple(po->indices, PyTuple_GET_SIZE(po->pool));
    PyObject *cycles = indices ? indices_tuple(po->cycles, po->r) : NULL;
    if (cycles == NULL) {
        Py_XDECREF(indices);
        return NULL;
    }
    return Py_BuildValue("O(On)(NN)", Py_TYPE(po), po->pool, po->r, indices, cycles);
}

static PyObject *permutations_setstate(permutationsobject *po, PyObject *state)
{
    PyObject *indices, *cycles;
    if (!PyArg_ParseTuple(state, "O!O!", &PyTuple_Type, &indices, &PyTuple_Type, &cycles))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(po->pool);
    if (PyTuple_GET_SIZE(indices) != n || PyTuple_GET_SIZE(cycles) != po->r) {
        PyErr_SetString(PyExc_ValueError, "invalid arguments");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (state_index(PyTuple_GET_ITEM(indices, i), 0, n - 1, &po->indices[i]) < 0)
            return NULL;
    for (Py_ssize_t i = 0; i < po->r; i++)
        if (state_index(PyTuple_GET_ITEM(cycles, i), 1, n - i, &po->cycles[i]) < 0)
            return NULL;
    if (po->r > n) {                    /* nothing to index: stay exhausted */
        po->stopped = 1;
        Py_RETURN_NONE;
    }
    PyObject *result = result_from_indices(po->pool, po->indices, po->r);
    if (result == NULL)
        return NULL;
    Py_XSETREF(po->result, result);
    Py_RETURN_NONE;
}

static PyMethodDef permutations_methods[] = {
    REDUCE_METHOD(permutations), SETSTATE_METHOD(permutations), {NULL, NULL, 0, NULL},
};

ITER_TYPE(permutations_type, "permutations", permutations, .tp_methods = permutations_methods,)

/* ================================================================== accumulate */

typedef struct {
    PyObject_HEAD
    PyObject *total, *it, *binop, *initial;
} accumulateobject;
DEFINE_GC(accumulate, 4)

static PyObject *accumulate_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"iterable", "func", "initial", NULL};
    PyObject *iterable, *binop = Py_None, *initial = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O$O:accumulate", kwargs, &iterable, &binop,
                                     &initial))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    accumulateobject *lz = (accumulateobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    if (binop != Py_None)
        lz->binop = Py_NewRef(binop);
    lz->total = NULL;
    lz->it = it;
    if (initial != Py_None)
        lz->initial = Py_NewRef(initial);
    return (PyObject *)lz;
}

static PyObject *accumulate_next(accumulateobject *lz)
{
    if (lz->initial != Py_None && lz->initial != NULL) {
        lz->total = lz->initial;
        lz->initial = Py_NewRef(Py_None);
        return Py_NewRef(lz->total);
    }
    PyObject *val = PyIter_Next(lz->it);
    if (val == NULL)
        return NULL;
    if (lz->total == NULL) {
        lz->total = Py_NewRef(val);
        return val;
    }
    PyObject *newtotal = lz->binop == NULL ? PyNumber_Add(lz->total, val)
                                           : PyObject_CallFunctionObjArgs(lz->binop, lz->total, val, NULL);
    Py_DECREF(val);
    if (newtotal == NULL)
        return NULL;
    Py_SETREF(lz->total, Py_NewRef(newtotal));
    return newtotal;
}

static PyObject *accumulate_reduce(accumulateobject *lz, PyObject *unused)
{
    PyObject *binop = lz->binop ? lz->binop : Py_None;
    if (lz->initial != NULL && lz->initial != Py_None) {
        /* not started: accumulate(chain((initial,), it), func) */
        PyObject *it = PyObject_CallFunction((PyObject *)&chain_type, "(O)O", lz->initial, lz->it);
        if (it == NULL)
            return NULL;
        return Py_BuildValue("O(NO)O", Py_TYPE(lz), it, binop, Py_None);
    }
    if (lz->total == Py_None) {
        /* a None total would read as "no state": replay it and drop it with islice */
        PyObject *it = PyObject_CallFunction((PyObject *)&chain_type, "(O)O", lz->total, lz->it);
        if (it == NULL)
            return NULL;
        it = PyObject_CallFunction((PyObject *)Py_TYPE(lz), "NO", it, binop);
        if (it == NULL)
            return NULL;
        return Py_BuildValue("O(NiO)", &islice_type, it, 1, Py_None);
    }
    return Py_BuildValue("O(OO)O", Py_TYPE(lz), lz->it, binop,
                         lz->total ? lz->total : Py_None);
}

static PyObject *accumulate_setstate(accumulateobject *lz, PyObject *state)
{
    Py_XSETREF(lz->total, Py_NewRef(state));
    Py_RETURN_NONE;
}

static PyMethodDef accumulate_methods[] = {
    REDUCE_METHOD(accumulate), SETSTATE_METHOD(accumulate), {NULL, NULL, 0, NULL},
};

ITER_TYPE(accumulate_type, "accumulate", accumulate, .tp_methods = accumulate_methods,)

/* ================================================================== compress */

typedef struct {
    PyObject_HEAD
    PyObject *data, *selectors;
} compressobject;
DEFINE_GC(compress, 2)

static PyObject *compress_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"data", "selectors", NULL};
    PyObject *seq1, *seq2;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO:compress", kwargs, &seq1, &seq2))
        return NULL;
    PyObject *data = PyObject_GetIter(seq1);
    PyObject *selectors = data ? PyObject_GetIter(seq2) : NULL;
    compressobject *lz = selectors ? (compressobject *)type->tp_alloc(type, 0) : NULL;
    if (lz == NULL) {
        Py_XDECREF(data);
        Py_XDECREF(selectors);
        return NULL;
    }
    lz->data = data;
    lz->selectors = selectors;
    return (PyObject *)lz;
}

static PyObject *compress_next(compressobject *lz)
{
    for (;;) {
        PyObject *datum = PyIter_Next(lz->data);
        if (datum == NULL)
            return NULL;
        PyObject *selector = PyIter_Next(lz->selectors);
        if (selector == NULL) {
            Py_DECREF(datum);
            return NULL;
        }
        int ok = PyObject_IsTrue(selector);
        Py_DECREF(selector);
        if (ok > 0)
            return datum;
        Py_DECREF(datum);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *compress_reduce(compressobject *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->data, lz->selectors);
}

static PyMethodDef compress_methods[] = { REDUCE_METHOD(compress), {NULL, NULL, 0, NULL} };

ITER_TYPE(compress_type, "compress", compress, .tp_methods = compress_methods,)

/* ================================================================== filterfalse */

typedef struct {
    PyObject_HEAD
    PyObject *func, *it;
} filterfalseobject;
DEFINE_GC(filterfalse, 2)

static PyObject *filterfalse_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func, *seq;
    if (!no_keywords(type, &filterfalse_type, "filterfalse", kwds) ||
        !PyArg_UnpackTuple(args, "filterfalse", 2, 2, &func, &seq))
        return NULL;
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    filterfalseobject *lz = (filterfalseobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static PyObject *filterfalse_next(filterfalseobject *lz)
{
    for (;;) {
        PyObject *item = PyIter_Next(lz->it);
        if (item == NULL)
            return NULL;
        int ok;
        if (lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type) {
            ok = PyObject_IsTrue(item);
        } else {
            PyObject *good = PyObject_CallOneArg(lz->func, item);
            if (good == NULL) {
                Py_DECREF(item);
                return NULL;
            }
            ok = PyObject_IsTrue(good);
            Py_DECREF(good);
        }
        if (ok == 0)
            return item;
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *filterfalse_reduce(filterfalseobject *lz, PyObject *unused)
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->func, lz->it);
}

static PyMethodDef filterfalse_methods[] = { REDUCE_METHOD(filterfalse), {NULL, NULL, 0, NULL} };

ITER_TYPE(filterfalse_type, "filterfalse", filterfalse, .tp_methods = filterfalse_methods,)

/* ================================================================== count */

/* cnt counts in C while it fits and no step object is needed ("fast mode"); otherwise
 * long_cnt/long_step hold Python numbers. */
typedef struct {
    PyObject_HEAD
    PyObject *long_cnt, *long_step;
    Py_ssize_t cnt;
} countobject;
DEFINE_GC(count, 2)

static PyObject *count_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"start", "step", 0};
    PyObject *long_cnt = NULL, *long_step = NULL;
    Py_ssize_t cnt = 0;
    int fast_mode, slow_mode = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:count", kwlist, &long_cnt, &long_step))
        return NULL;
    if ((long_cnt != NULL && !PyNumber_Check(long_cnt)) ||
        (long_step != NULL && !PyNumber_Check(long_step))) {
        PyErr_SetString(PyExc_TypeError, "a number is required");
        return NULL;
    }
    fast_mode = (long_cnt == NULL || PyLong_Check(long_cnt)) &&
                (long_step == NULL || PyLong_Check(long_step));
    if (long_cnt != NULL) {
        if (fast_mode) {
            cnt = PyLong_AsSsize_t(long_cnt);
            if (cnt == -1 && PyErr_Occurred()) {
                PyErr_Clear();
                slow_mode = 1;
            }
        }
        Py_INCREF(long_cnt);
    } else {
        cnt = 0;
        long_cnt = PyLong_FromLong(0);
        if (long_cnt == NULL)
            return NULL;
    }
    if (long_step == NULL)
        long_step = PyLong_FromLong(1);
    else
        Py_INCREF(long_step);
    if (long_step == NULL) {
        Py_DECREF(long_cnt);
        return NULL;
    }
    if (fast_mode) {
        long step = PyLong_AsLong(long_step);
        if (step != 1) {
            fast_mode = 0;
            if (step == -1 && PyErr_Occurred())
                PyErr_Clear();
        }
    }
    if (slow_mode)
        cnt = PY_SSIZE_T_MAX;
    else if (fast_mode)
        Py_CLEAR(long_cnt);
    countobject *lz = (countobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_XDECREF(long_cnt);
        Py_DECREF(long_step);
        return NULL;
    }
    lz->cnt = fast_mode ? cnt : PY_SSIZE_T_MAX;
    lz->long_cnt = long_cnt;
    lz->long_step = long_step;
    return (PyObject *)lz;
}

static PyObject *count_nextlong(countobject *lz)
{
    PyObject *long_cnt = lz->long_cnt;
    if (long_cnt == NULL) {
        long_cnt = PyLong_FromSsize_t(PY_SSIZE_T_MAX);
        if (long_cnt == NULL)
            return NULL;
    }
    PyObject *stepped_up = PyNumber_Add(long_cnt, lz->long_step);
    if (stepped_up == NULL)
        return NULL;
    lz->long_cnt = stepped_up;
    return long_cnt;
}

static PyObject *count_next(countobject *lz)
{
    if (lz->cnt == PY_SSIZE_T_MAX)
        return count_nextlong(lz);
    return PyLong_FromSsize_t(lz->cnt++);
}

static PyObject *count_repr(countobject *lz)
{
    if (lz->cnt != PY_SSIZE_T_MAX)
        return PyUnicode_FromFormat("%s(%zd)", _PyType_Name(Py_TYPE(lz)), lz->cnt);
    if (PyLong_Check(lz->long_step)) {
        long step = PyLong_AsLong(lz->long_step);
        if (step == -1 && PyErr_Occurred())
            PyErr_Clear();
        if (step == 1)
            return PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(lz)), lz->long_cnt);
    }
    return PyUnicode_FromFormat("%s(%R, %R)", _PyType_Name(Py_TYPE(lz)), lz->long_cnt, lz->long_step);
}

static PyObject *count_reduce(countobject *lz, PyObject *unused)
{
    if (lz->cnt == PY_SSIZE_T_MAX)
        return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->long_cnt, lz->long_step);
    return Py_BuildValue("O(n)", Py_TYPE(lz), lz->cnt);
}

static PyMethodDef count_methods[] = { REDUCE_METHOD(count), {NULL, NULL, 0, NULL} };

ITER_TYPE(count_type, "count", count, .tp_repr = (reprfunc)count_repr, .tp_methods = count_methods,)

/* ================================================================== repeat */

typedef struct {
    PyObject_HEAD
    PyObject *element;
    Py_ssize_t cnt;
} repeatobject;
DEFINE_GC(repeat, 1)

static PyObject *repeat_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwargs[] = {"object", "times", NULL};
    PyObject *element;
    Py_ssize_t cnt = -1, n_args = PyTuple_GET_SIZE(args);
    if (kwds != NULL)
        n_args += PyDict_GET_SIZE(kwds);
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|n:repeat", kwargs, &element, &cnt))
        return NULL;
    if (n_args == 2 && cnt < 0)
        cnt = 0;
    repeatobject *ro = (repeatobject *)type->tp_alloc(type, 0);
    if (ro == NULL)
        return NULL;
    ro->element = Py_NewRef(element);
    ro->cnt = cnt;
    return (PyObject *)ro;
}

static PyObject *repeat_next(repeatobject *ro)
{
    if (ro->cnt == 0)
        return NULL;
    if (ro->cnt > 0)
        ro->cnt--;
    return Py_NewRef(ro->element);
}

static PyObject *repeat_repr(repeatobject *ro)
{
    if (ro->cnt == -1)
        return PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(ro)), ro->element);
    return PyUnicode_FromFormat("%s(%R, %zd)", _PyType_Name(Py_TYPE(ro)), ro->element, ro->cnt);
}

static PyObject *repeat_len(repeatobject *ro, PyObject *unused)
{
    if (ro->cnt == -1) {
        PyErr_SetString(PyExc_TypeError, "len() of unsized object");
        return NULL;
    }
    return PyLong_FromSsize_t(ro->cnt);
}

static PyObject *repeat_reduce(repeatobject *ro, PyObject *unused)
{
    if (ro->cnt >= 0)
        return Py_BuildValue("O(On)", Py_TYPE(ro), ro->element, ro->cnt);
    return Py_BuildValue("O(O)", Py_TYPE(ro), ro->element);
}

static PyMethodDef repeat_methods[] = {
    REDUCE_METHOD(repeat),
    {"__length_hint__", (PyCFunction)repeat_len, METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, 0, NULL},
};

ITER_TYPE(repeat_type, "repeat", repeat, .tp_repr = (reprfunc)repeat_repr, .tp_methods = repeat_methods,)

/* ================================================================== zip_longest */

typedef struct {
    PyObject_HEAD
    PyObject *ittuple, *result, *fillvalue;
    Py_ssize_t tuplesize, numactive;
} zip_longestobject;
DEFINE_GC(zip_longest, 3)

static PyObject *zip_longest_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *fillvalue = Py_None;
    if (kwds != NULL && PyDict_CheckExact(kwds) && PyDict_GET_SIZE(kwds) > 0) {
        fillvalue = NULL;
        if (PyDict_GET_SIZE(kwds) == 1)
            fillvalue = PyDict_GetItemString(kwds, "fillvalue");
        if (fillvalue == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "zip_longest() got an unexpected keyword argument");
            return NULL;
        }
    }
    Py_ssize_t tuplesize = PyTuple_GET_SIZE(args);
    PyObject *ittuple = PyTuple_New(tuplesize);
    if (ittuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < tuplesize; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(ittuple);
            return NULL;
        }
        PyTuple_SET_ITEM(ittuple, i, it);
    }
    PyObject *result = PyTuple_New(tuplesize);
    if (result == NULL) {
        Py_DECREF(ittuple);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < tuplesize; i++)
        PyTuple_SET_ITEM(result, i, Py_NewRef(Py_None));
    zip_longestobject *lz = (zip_longestobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        Py_DECREF(result);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = tuplesize;
    lz->numactive = tuplesize;
    lz->result = result;
    lz->fillvalue = Py_NewRef(fillvalue);
    return (PyObject *)lz;
}

static PyObject *zip_longest_next(zip_longestobject *lz)
{
    Py_ssize_t tuplesize = lz->tuplesize;
    if (tuplesize == 0 || lz->numactive == 0)
        return NULL;
    PyObject *result = PyTuple_New(tuplesize);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < tuplesize; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->ittuple, i), *item;
        if (it == NULL) {
            item = Py_NewRef(lz->fillvalue);
        } else {
            item = PyIter_Next(it);
            if (item == NULL) {
                lz->numactive -= 1;
                if (lz->numactive == 0 || PyErr_Occurred()) {
                    lz->numactive = 0;
                    Py_DECREF(result);
                    return NULL;
                }
                item = Py_NewRef(lz->fillvalue);
                PyTuple_SET_ITEM(lz->ittuple, i, NULL);
                Py_DECREF(it);
            }
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *zip_longest_reduce(zip_longestobject *lz, PyObject *unused)
{
    /* exhausted inputs become empty tuples; the fill value goes to setstate */
    Py_ssize_t n = PyTuple_GET_SIZE(lz->ittuple);
    PyObject *args = PyTuple_New(n);
    if (args == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *elem = PyTuple_GET_ITEM(lz->ittuple, i);
        elem = elem ? Py_NewRef(elem) : PyTuple_New(0);
        if (elem == NULL) {
            Py_DECREF(args);
            return NULL;
        }
        PyTuple_SET_ITEM(args, i, elem);
    }
    return Py_BuildValue("ONO", Py_TYPE(lz), args, lz->fillvalue);
}

static PyObject *zip_longest_setstate(zip_longestobject *lz, PyObject *state)
{
    Py_XSETREF(lz->fillvalue, Py_NewRef(state));
    Py_RETURN_NONE;
}

static PyMethodDef zip_longest_methods[] = {
    REDUCE_METHOD(zip_longest), SETSTATE_METHOD(zip_longest), {NULL, NULL, 0, NULL},
};

ITER_TYPE(ziplongest_type, "zip_longest", zip_longest, .tp_methods = zip_longest_methods,)

/* ================================================================== pairwise */

typedef struct {
    PyObject_HEAD
    PyObject *it, *old;
} pairwiseobject;
DEFINE_GC(pairwise, 2)

static PyObject *pairwise_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable;
    if (!no_keywords(type, &pairwise_type, "pairwise", kwds) || !PyArg_UnpackTuple(args, "pairwise", 1, 1, &iterable))
        return NULL;
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return NULL;
    pairwiseobject *po = (pairwiseobject *)type->tp_alloc(type, 0);
    if (po == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    po->it = it;
    po->old = NULL;
    return (PyObject *)po;
}

static PyObject *pairwise_next(pairwiseobject *po)
{
    PyObject *it = po->it, *old = po->old, *new, *result;
    if (it == NULL)
        return NULL;
    if (old == NULL) {
        po->old = old = (*Py_TYPE(it)->tp_iternext)(it);
        if (old == NULL) {
            Py_CLEAR(po->it);
            return NULL;
        }
    }
    new = (*Py_TYPE(it)->tp_iternext)(it);
    if (new == NULL) {
        Py_CLEAR(po->it);
        Py_CLEAR(po->old);
        return NULL;
    }
    result = PyTuple_Pack(2, old, new);
    Py_SETREF(po->old, new);
    return result;
}

ITER_TYPE(pairwise_type, "pairwise", pairwise, )

/* ================================================================== module */

static PyMethodDef module_methods[] = {
    {"tee", itertools_tee, METH_VARARGS, "Returns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef itertoolsmodule = {
    PyModuleDef_HEAD_INIT, "itertools",
    "Functional tools for creating and using iterators.",
    -1, module_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_itertools(void)
{
    PyTypeObject *typelist[] = {
        &accumulate_type, &combinations_type, &cwr_type, &cycle_type, &dropwhile_type,
        &takewhile_type, &islice_type, &starmap_type, &chain_type, &compress_type,
        &filterfalse_type, &count_type, &ziplongest_type, &pairwise_type, &permutations_type,
        &product_type, &repeat_type, &groupby_type, &_grouper_type, &tee_type,
        &teedataobject_type,
    };
    PyObject *m = PyModule_Create(&itertoolsmodule);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof typelist / sizeof typelist[0]; i++) {
        if (PyType_Ready(typelist[i]) < 0 || PyModule_AddType(m, typelist[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
