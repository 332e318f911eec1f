/* _functoolsmodule.c — the `_functools` accelerator for functools.py: partial (flattening
 * nested partials, vectorcall, repr, pickling), reduce, cmp_to_key (KeyWrapper) and
 * _lru_cache_wrapper (unbounded, bounded LRU with a linked list, and uncached variants,
 * cache_info/cache_clear, method binding).  Owner: modnew. */
#include "Python.h"

#define PyDoc_STR(str) str   /* docstrings are always compiled in */
#define PyDoc_STRVAR(name, str) static const char name[] = str

#include <stddef.h>
#include <string.h>

/* ================================================================ partial */

typedef struct {
    PyObject_HEAD
    PyObject *fn;
    PyObject *args;       /* tuple */
    PyObject *kw;         /* dict */
    PyObject *dict;       /* __dict__, or NULL */
    PyObject *weakreflist;
    vectorcallfunc vectorcall;
} partialobject;

static PyTypeObject partial_type;
static PyObject *partial_call(partialobject *pto, PyObject *args, PyObject *kwargs);
static PyObject *partial_vectorcall(partialobject *pto, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);

/* Vectorcall only when the wrapped callable has it too (otherwise tp_call is as fast),
 * and only for partial itself: a subclass may override __call__. */
static void partial_setvectorcall(partialobject *pto)
{
    if (Py_TYPE(pto) != &partial_type || PyVectorcall_Function(pto->fn) == NULL)
        pto->vectorcall = NULL;
    else
        pto->vectorcall = (vectorcallfunc)partial_vectorcall;
}

static PyObject *partial_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError, "type 'partial' takes at least one argument");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0), *pargs = NULL, *pkw = NULL;
    if (Py_TYPE(func)->tp_call == (ternaryfunc)partial_call) {
        /* partial(partial(f, a), b) is partial(f, a, b) unless the inner one has a
         * __dict__ (its attributes would be lost) */
        partialobject *part = (partialobject *)func;
        if (part->dict == NULL) {
            pargs = part->args;
            pkw = part->kw;
            func = part->fn;
        }
    }
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    partialobject *pto = (partialobject *)type->tp_alloc(type, 0);
    if (pto == NULL)
        return NULL;
    pto->fn = Py_NewRef(func);
    PyObject *rest = PyTuple_GetSlice(args, 1, PY_SSIZE_T_MAX);
    if (rest == NULL)
        goto fail;
    if (pargs == NULL) {
        pto->args = rest;
    }
    else {
        pto->args = PySequence_Concat(pargs, rest);
        Py_DECREF(rest);
        if (pto->args == NULL)
            goto fail;
    }
    if (pkw == NULL || PyDict_GET_SIZE(pkw) == 0) {
        pto->kw = kw != NULL ? PyDict_Copy(kw) : PyDict_New();
    }
    else {
        pto->kw = PyDict_Copy(pkw);
        if (pto->kw != NULL && kw != NULL && PyDict_Merge(pto->kw, kw, 1) < 0)
            Py_CLEAR(pto->kw);
    }
    if (pto->kw == NULL)
        goto fail;
    partial_setvectorcall(pto);
    return (PyObject *)pto;
fail:
    Py_DECREF(pto);
    return NULL;
}

static int partial_clear(partialobject *pto)
{
    Py_CLEAR(pto->fn);
    Py_CLEAR(pto->args);
    Py_CLEAR(pto->kw);
    Py_CLEAR(pto->dict);
    return 0;
}

static void partial_dealloc(partialobject *pto)
{
    PyObject_GC_UnTrack(pto);
    if (pto->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)pto);
    partial_clear(pto);
    Py_TYPE(pto)->tp_free(pto);
}

static int partial_traverse(partialobject *pto, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(pto));
    Py_VISIT(pto->fn);
    Py_VISIT(pto->args);
    Py_VISIT(pto->kw);
    Py_VISIT(pto->dict);
    return 0;
}

/* The call with stored keywords: stored args + args, stored kw updated by kwargs. */
static PyObject *partial_call(partialobject *pto, PyObject *args, PyObject *kwargs)
{
    PyObject *kw = pto->kw, *call_args;
    Py_INCREF(kw);
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) != 0) {
        Py_SETREF(kw, PyDict_Copy(pto->kw));
        if (kw == NULL || PyDict_Merge(kw, kwargs, 1) < 0) {
            Py_XDECREF(kw);
            return NULL;
        }
    }
    if (PyTuple_GET_SIZE(pto->args) == 0)
        call_args = Py_NewRef(args);
    else if (PyTuple_GET_SIZE(args) == 0)
        call_args = Py_NewRef(pto->args);
    else
        call_args = PySequence_Concat(pto->args, args);
    if (call_args == NULL) {
        Py_DECREF(kw);
        return NULL;
    }
    PyObject *res = PyObject_Call(pto->fn, call_args, PyDict_GET_SIZE(kw) ? kw : NULL);
    Py_DECREF(call_args);
    Py_DECREF(kw);
    return res;
}

/* Vectorcall: stored keywords go through the dict path; otherwise prepend the stored
 * positionals on a small stack (or the caller's spare slot when there is just one). */
static PyObject *partial_vectorcall(partialobject *pto, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames)
{
    if (PyDict_GET_SIZE(pto->kw) != 0) {
        PyObject *res = NULL, *tuple, *kwdict = NULL;
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        tuple = PyTuple_New(nargs);
        if (tuple == NULL)
            return NULL;
        for (Py_ssize_t i = 0; i < nargs; i++)
            PyTuple_SET_ITEM(tuple, i, Py_NewRef(args[i]));
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
            kwdict = _PyStack_AsDict(args + nargs, kwnames);
            if (kwdict == NULL) {
                Py_DECREF(tuple);
                return NULL;
            }
        }
        res = partial_call(pto, tuple, kwdict);
        Py_DECREF(tuple);
        Py_XDECREF(kwdict);
        return res;
    }
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_ssize_t npargs = PyTuple_GET_SIZE(pto->args);
    if (npargs == 0)
        return PyObject_Vectorcall(pto->fn, args, nargs, kwnames);
    if (npargs == 1 && (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET)) {
        /* the caller lent us args[-1]: borrow it for the one stored argument */
        PyObject **newargs = (PyObject **)args - 1;
        PyObject *saved = newargs[0];
        newargs[0] = PyTuple_GET_ITEM(pto->args, 0);
        PyObject *res = PyObject_Vectorcall(pto->fn, newargs, nargs + 1, kwnames);
        newargs[0] = saved;
        return res;
    }
    Py_ssize_t total = npargs + nargs + nkw;
    PyObject *small[8], **stack = small;
    if (total > (Py_ssize_t)(sizeof small / sizeof small[0])) {
        stack = PyMem_Malloc((size_t)total * sizeof(PyObject *));
        if (stack == NULL)
            return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < npargs; i++)
        stack[i] = PyTuple_GET_ITEM(pto->args, i);
    for (Py_ssize_t i = 0; i < nargs + nkw; i++)
        stack[npargs + i] = args[i];
    PyObject *res = PyObject_Vectorcall(pto->fn, stack, npargs + nargs, kwnames);
    if (stack != small)
        PyMem_Free(stack);
    return res;
}

static PyObject *partial_repr(partialobject *pto)
{
    int status = Py_ReprEnter((PyObject *)pto);
    if (status != 0)
        return status < 0 ? NULL : PyUnicode_FromString("...");
    PyObject *result = NULL, *kw = NULL, *args = NULL;
    /* hold references: a repr may mutate the partial through __setstate__ */
    PyObject *arglist = PyObject_Repr(pto->fn);
    if (arglist == NULL)
        goto done;
    args = Py_NewRef(pto->args);
    kw = Py_NewRef(pto->kw);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        Py_SETREF(arglist, PyUnicode_FromFormat("%U, %R", arglist, PyTuple_GET_ITEM(args, i)));
        if (arglist == NULL)
            goto done;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kw, &pos, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        Py_SETREF(arglist, PyUnicode_FromFormat("%U, %S=%R", arglist, key, value));
        Py_DECREF(key);
        Py_DECREF(value);
        if (arglist == NULL)
            goto done;
    }
    result = PyUnicode_FromFormat("%s(%U)", Py_TYPE(pto)->tp_name, arglist);
    Py_DECREF(arglist);
done:
    Py_XDECREF(args);
    Py_XDECREF(kw);
    Py_ReprLeave((PyObject *)pto);
    return result;
}

static PyObject *partial_reduce(partialobject *pto, PyObject *unused)
{
    return Py_BuildValue("O(O)(OOOO)", Py_TYPE(pto), pto->fn, pto->fn, pto->args,
                         PyDict_GET_SIZE(pto->kw) ? pto->kw : Py_None,
                         pto->dict ? pto->dict : Py_None);
}

static PyObject *partial_setstate(partialobject *pto, PyObject *state)
{
    PyObject *fn, *fnargs, *kw, *dict;
    if (!PyTuple_Check(state) || PyTuple_GET_SIZE(state) != 4) {
        PyErr_SetString(PyExc_TypeError, "invalid partial state");
        return NULL;
    }
    fn = PyTuple_GET_ITEM(state, 0);
    fnargs = PyTuple_GET_ITEM(state, 1);
    kw = PyTuple_GET_ITEM(state, 2);
    dict = PyTuple_GET_ITEM(state, 3);
    if (!PyCallable_Check(fn) || !PyTuple_Check(fnargs) || (kw != Py_None && !PyDict_Check(kw))) {
        PyErr_SetString(PyExc_TypeError, "invalid partial state");
        return NULL;
    }
    if (PyTuple_CheckExact(fnargs))
        Py_INCREF(fnargs);
    else
        fnargs = PySequence_Tuple(fnargs);
    if (fnargs == NULL)
        return NULL;
    if (kw == Py_None)
        kw = PyDict_New();
    else if (!PyDict_CheckExact(kw))
        kw = PyDict_Copy(kw);
    else
        Py_INCREF(kw);
    if (kw == NULL) {
        Py_DECREF(fnargs);
        return NULL;
    }
    if (dict == Py_None)
        dict = NULL;
    else
        Py_INCREF(dict);
    Py_INCREF(fn);
    Py_SETREF(pto->fn, fn);
    Py_SETREF(pto->args, fnargs);
    Py_SETREF(pto->kw, kw);
    Py_XSETREF(pto->dict, dict);
    partial_setvectorcall(pto);
    Py_RETURN_NONE;
}

static PyMethodDef partial_methods[] = {
    {"__reduce__", (PyCFunction)partial_reduce, METH_NOARGS, NULL},
    {"__setstate__", (PyCFunction)partial_setstate, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     PyDoc_STR("See PEP 585")},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef partial_members[] = {
    {"func", T_OBJECT, offsetof(partialobject, fn), READONLY,
     "function object to use in future partial calls"},
    {"args", T_OBJECT, offsetof(partialobject, args), READONLY,
     "tuple of arguments to future partial calls"},
    {"keywords", T_OBJECT, offsetof(partialobject, kw), READONLY,
     "dictionary of keyword arguments to future partial calls"},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(partialobject, weakreflist), READONLY, NULL},
    {"__dictoffset__", T_PYSSIZET, offsetof(partialobject, dict), READONLY, NULL},
    {"__vectorcalloffset__", T_PYSSIZET, offsetof(partialobject, vectorcall), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef partial_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject partial_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.partial",
    .tp_basicsize = sizeof(partialobject),
    .tp_dealloc = (destructor)partial_dealloc,
    .tp_vectorcall_offset = offsetof(partialobject, vectorcall),
    .tp_repr = (reprfunc)partial_repr,
    .tp_call = (ternaryfunc)partial_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "partial(func, *args, **keywords) - new function with partial application\n"
              "    of the given arguments and keywords.\n",
    .tp_traverse = (traverseproc)partial_traverse,
    .tp_clear = (inquiry)partial_clear,
    .tp_weaklistoffset = offsetof(partialobject, weakreflist),
    .tp_methods = partial_methods,
    .tp_members = partial_members,
    .tp_getset = partial_getset,
    .tp_dictoffset = offsetof(partialobject, dict),
    .tp_new = partial_new,
    .tp_free = PyObject_GC_Del,
};

/* ================================================================ cmp_to_key */

typedef struct {
    PyObject_HEAD
    PyObject *cmp;
    PyObject *object;
} keyobject;

static PyTypeObject keyobject_type;

static void keyobject_dealloc(keyobject *ko)
{
    PyObject_GC_UnTrack(ko);
    Py_XDECREF(ko->cmp);
    Py_XDECREF(ko->object);
    PyObject_GC_Del(ko);
}

static int keyobject_traverse(keyobject *ko, visitproc visit, void *arg)
{
    Py_VISIT(ko->cmp);
    Py_VISIT(ko->object);
    return 0;
}

static int keyobject_clear(keyobject *ko)
{
    Py_CLEAR(ko->cmp);
    Py_CLEAR(ko->object);
    return 0;
}

static PyObject *new_keyobject(PyObject *cmp, PyObject *object)
{
    keyobject *ko = PyObject_GC_New(keyobject, &keyobject_type);
    if (ko == NULL)
        return NULL;
    ko->cmp = Py_NewRef(cmp);
    ko->object = Py_XNewRef(object);
    PyObject_GC_Track(ko);
    return (PyObject *)ko;
}

static PyObject *keyobject_call(keyobject *ko, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"obj", NULL};
    PyObject *object;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:K", kwlist, &object))
        return NULL;
    return new_keyobject(ko->cmp, object);
}

static PyObject *keyobject_richcompare(PyObject *ko, PyObject *other, int op)
{
    if (!Py_IS_TYPE(other, Py_TYPE(ko))) {
        PyErr_SetString(PyExc_TypeError, "other argument must be K instance");
        return NULL;
    }
    PyObject *x = ((keyobject *)ko)->object, *y = ((keyobject *)other)->object;
    if (x == NULL || y == NULL) {
        PyErr_SetString(PyExc_AttributeError, "object");
        return NULL;
    }
    PyObject *stack[2] = {x, y};
    PyObject *res = PyObject_Vectorcall(((keyobject *)ko)->cmp, stack, 2, NULL);
    if (res == NULL)
        return NULL;
    PyObject *answer = PyObject_RichCompare(res, _PyLong_GetZero(), op);
    Py_DECREF(res);
    return answer;
}

static PyMemberDef keyobject_members[] = {
    {"obj", T_OBJECT, offsetof(keyobject, object), 0, "Value wrapped by a key function."},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject keyobject_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools.KeyWrapper",
    .tp_basicsize = sizeof(keyobject),
    .tp_dealloc = (destructor)keyobject_dealloc,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_call = (ternaryfunc)keyobject_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)keyobject_traverse,
    .tp_clear = (inquiry)keyobject_clear,
    .tp_richcompare = keyobject_richcompare,
    .tp_members = keyobject_members,
};

static PyObject *functools_cmp_to_key(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"mycmp", NULL};
    PyObject *cmp;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:cmp_to_key", kwlist, &cmp))
        return NULL;
    return new_keyobject(cmp, NULL);
}

/* ================================================================ reduce */

static PyObject *functools_reduce(PyObject *module, PyObject *args)
{
    PyObject *func, *seq, *result = NULL;
    if (!PyArg_UnpackTuple(args, "reduce", 2, 3, &func, &seq, &result))
        return NULL;
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError))
            PyErr_SetString(PyExc_TypeError, "reduce() arg 2 must support iteration");
        return NULL;
    }
    Py_XINCREF(result);
    PyObject *item;
    while ((item = PyIter_Next(it)) != NULL) {
        if (result == NULL) {
            result = item;
            continue;
        }
        PyObject *stack[2] = {result, item};
        PyObject *r = PyObject_Vectorcall(func, stack, 2, NULL);
        Py_DECREF(result);
        Py_DECREF(item);
        result = r;
        if (result == NULL)
            break;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_XDECREF(result);
        return NULL;
    }
    if (result == NULL)
        PyErr_SetString(PyExc_TypeError, "reduce() of empty iterable with no initial value");
    return result;
}

/* ================================================================ lru_cache */

/* A cache entry: a node of the circular doubly-linked recency list (root is the
 * sentinel; root.next is the least recently used). */
typedef struct lru_list_elem {
    PyObject_HEAD
    struct lru_list_elem *prev, *next;
    Py_hash_t hash;
    PyObject *key, *result;
} lru_list_elem;

static void lru_list_elem_dealloc(lru_list_elem *link)
{
    Py_XDECREF(link->key);
    Py_XDECREF(link->result);
    PyObject_Free(link);
}

static PyTypeObject lru_list_elem_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools._lru_list_elem",
    .tp_basicsize = sizeof(lru_list_elem),
    .tp_dealloc = (destructor)lru_list_elem_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

struct lru_cache_object;
typedef PyObject *(*lru_cache_ternaryfunc)(struct lru_cache_object *, PyObject *, PyObject *);

typedef struct lru_cache_object {
    lru_list_elem root;   /* only prev/next used: the list sentinel */
    lru_cache_ternaryfunc wrapper;
    int typed;
    PyObject *cache;      /* key -> link (bounded) or key -> result */
    Py_ssize_t hits;
    PyObject *func;
    Py_ssize_t maxsize;
    Py_ssize_t misses;
    PyObject *kwd_mark;
    PyTypeObject *lru_list_elem_type;
    PyObject *cache_info_type;
    PyObject *dict;
    PyObject *weakreflist;
} lru_cache_object;

static PyTypeObject lru_cache_type;
static PyObject *kwd_mark;   /* separates positional from keyword parts of a key */

/* The cache key of a call: the lone argument itself for one int/str positional (cheap and
 * common), else a flat tuple args + (kwd_mark, k1, v1, ...) + (types if typed). */
static PyObject *lru_cache_make_key(PyObject *args, PyObject *kwds, int typed)
{
    Py_ssize_t kwds_size = kwds ? PyDict_GET_SIZE(kwds) : 0;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (!typed && kwds_size == 0) {
        if (nargs == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            if (PyUnicode_CheckExact(key) || PyLong_CheckExact(key))
                return Py_NewRef(key);
        }
        return Py_NewRef(args);
    }
    Py_ssize_t size = nargs;
    if (kwds_size)
        size += 1 + kwds_size * 2;
    if (typed)
        size += nargs + kwds_size;
    PyObject *key = PyTuple_New(size);
    if (key == NULL)
        return NULL;
    Py_ssize_t pos = 0, i = 0;
    for (; pos < nargs; pos++)
        PyTuple_SET_ITEM(key, pos, Py_NewRef(PyTuple_GET_ITEM(args, pos)));
    PyObject *k, *v;
    if (kwds_size) {
        PyTuple_SET_ITEM(key, pos++, Py_NewRef(kwd_mark));
        while (PyDict_Next(kwds, &i, &k, &v)) {
            PyTuple_SET_ITEM(key, pos++, Py_NewRef(k));
            PyTuple_SET_ITEM(key, pos++, Py_NewRef(v));
        }
    }
    if (typed) {
        for (Py_ssize_t j = 0; j < nargs; j++)
            PyTuple_SET_ITEM(key, pos++, Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, j))));
        if (kwds_size) {
            i = 0;
            while (PyDict_Next(kwds, &i, &k, &v))
                PyTuple_SET_ITEM(key, pos++, Py_NewRef(Py_TYPE(v)));
        }
    }
    return key;
}

static PyObject *uncached_lru_cache_wrapper(lru_cache_object *self, PyObject *args,
                                            PyObject *kwds)
{
    self->misses++;
    return PyObject_Call(self->func, args, kwds);
}

static PyObject *infinite_lru_cache_wrapper(lru_cache_object *self, PyObject *args,
                                            PyObject *kwds)
{
    PyObject *key = lru_cache_make_key(args, kwds, self->typed);
    if (key == NULL)
        return NULL;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *result = _PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (result != NULL) {
        self->hits++;
        Py_DECREF(key);
        return Py_NewRef(result);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    self->misses++;
    result = PyObject_Call(self->func, args, kwds);
    if (result == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    if (_PyDict_SetItem_KnownHash(self->cache, key, result, hash) < 0) {
        Py_DECREF(result);
        Py_DECREF(key);
        return NULL;
    }
    Py_DECREF(key);
    return result;
}

static void lru_cache_extract_link(lru_list_elem *link)
{
    link->prev->next = link->next;
    link->next->prev = link->prev;
}

static void lru_cache_append_link(lru_cache_object *self, lru_list_elem *link)
{
    lru_list_elem *root = &self->root, *last = root->prev;
    last->next = root->prev = link;
    link->prev = last;
    link->next = root;
}

static void lru_cache_prepend_link(lru_cache_object *self, lru_list_elem *link)
{
    lru_list_elem *root = &self->root, *first = root->next;
    first->prev = root->next = link;
    link->prev = root;
    link->next = first;
}

/* The bounded LRU cache.  Dict operations may run arbitrary __eq__/__hash__ code that
 * re-enters the cache, so every step re-checks the state it relies on. */
static PyObject *bounded_lru_cache_wrapper(lru_cache_object *self, PyObject *args,
                                           PyObject *kwds)
{
    PyObject *key = lru_cache_make_key(args, kwds, self->typed);
    if (key == NULL)
        return NULL;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        return NULL;
    }
    lru_list_elem *link = (lru_list_elem *)_PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (link != NULL) {
        lru_cache_extract_link(link);
        lru_cache_append_link(self, link);
        self->hits++;
        Py_DECREF(key);
        return Py_NewRef(link->result);
    }
    if (PyErr_Occurred()) {
        Py_DECREF(key);
        return NULL;
    }
    self->misses++;
    PyObject *result = PyObject_Call(self->func, args, kwds);
    if (result == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *testresult = _PyDict_GetItem_KnownHash(self->cache, key, hash);
    if (testresult != NULL || PyErr_Occurred()) {
        /* a recursive call already cached this key (or the lookup failed): keep that */
        Py_DECREF(key);
        if (testresult == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        return result;
    }
    if (PyDict_GET_SIZE(self->cache) < self->maxsize || self->root.next == &self->root) {
        /* not full: a new link at the most-recent end */
        link = PyObject_New(lru_list_elem, self->lru_list_elem_type);
        if (link == NULL) {
            Py_DECREF(key);
            Py_DECREF(result);
            return NULL;
        }
        link->hash = hash;
        link->key = key;
        link->result = Py_NewRef(result);
        if (_PyDict_SetItem_KnownHash(self->cache, key, (PyObject *)link, hash) < 0) {
            Py_DECREF(link);
            Py_DECREF(result);
            return NULL;
        }
        lru_cache_append_link(self, link);
        Py_DECREF(link);   /* the dict holds it */
        return result;
    }
    /* full: evict the oldest link and reuse it for the new entry */
    lru_list_elem *oldlink = self->root.next;
    lru_cache_extract_link(oldlink);
    PyObject *popresult = _PyDict_Pop_KnownHash(self->cache, oldlink->key, oldlink->hash,
                                                Py_None);
    if (popresult == Py_None) {
        /* someone removed the link meanwhile (cache_clear from a __eq__): nothing to reuse */
        Py_DECREF(popresult);
        Py_DECREF(key);
        return result;
    }
    if (popresult == NULL) {
        lru_cache_prepend_link(self, oldlink);   /* undo */
        Py_DECREF(key);
        Py_DECREF(result);
        return NULL;
    }
    /* popresult is our reference to oldlink */
    PyObject *oldkey = oldlink->key, *oldresult = oldlink->result;
    oldlink->hash = hash;
    oldlink->key = key;
    oldlink->result = Py_NewRef(result);
    if (_PyDict_SetItem_KnownHash(self->cache, key, (PyObject *)oldlink, hash) < 0) {
        Py_DECREF(popresult);
        Py_DECREF(oldkey);
        Py_DECREF(oldresult);
        Py_DECREF(result);
        return NULL;
    }
    lru_cache_append_link(self, oldlink);
    Py_DECREF(popresult);
    Py_DECREF(oldkey);      /* last: these may run arbitrary code */
    Py_DECREF(oldresult);
    return result;
}

static PyObject *lru_cache_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"user_function", "maxsize", "typed", "cache_info_type", NULL};
    PyObject *func, *maxsize_O, *cache_info_type;
    int typed;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OOpO:lru_cache", kwlist, &func, &maxsize_O,
                                     &typed, &cache_info_type))
        return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    lru_cache_ternaryfunc wrapper;
    Py_ssize_t maxsize;
    if (maxsize_O == Py_None) {
        wrapper = infinite_lru_cache_wrapper;
        maxsize = -1;   /* cache_info reports None */
    }
    else if (PyIndex_Check(maxsize_O)) {
        maxsize = PyNumber_AsSsize_t(maxsize_O, PyExc_OverflowError);
        if (maxsize == -1 && PyErr_Occurred())
            return NULL;
        if (maxsize < 0)
            maxsize = 0;
        wrapper = maxsize == 0 ? uncached_lru_cache_wrapper : bounded_lru_cache_wrapper;
    }
    else {
        PyErr_SetString(PyExc_TypeError, "maxsize should be integer or None");
        return NULL;
    }
    PyObject *cachedict = PyDict_New();
    if (cachedict == NULL)
        return NULL;
    lru_cache_object *obj = (lru_cache_object *)type->tp_alloc(type, 0);
    if (obj == NULL) {
        Py_DECREF(cachedict);
        return NULL;
    }
    obj->root.prev = obj->root.next = &obj->root;
    obj->wrapper = wrapper;
    obj->typed = typed;
    obj->cache = cachedict;
    obj->func = Py_NewRef(func);
    obj->misses = obj->hits = 0;
    obj->maxsize = maxsize;
    obj->kwd_mark = Py_NewRef(kwd_mark);
    obj->lru_list_elem_type = &lru_list_elem_type;
    obj->cache_info_type = Py_NewRef(cache_info_type);
    obj->dict = NULL;
    obj->weakreflist = NULL;
    return (PyObject *)obj;
}

/* Empty the recency list; the cache dict owns the links and frees them when cleared. */
static void lru_cache_unlink_list(lru_cache_object *self)
{
    self->root.next = self->root.prev = &self->root;
}

static int lru_cache_tp_clear(lru_cache_object *self)
{
    lru_cache_unlink_list(self);
    Py_CLEAR(self->cache);
    Py_CLEAR(self->func);
    Py_CLEAR(self->kwd_mark);
    Py_CLEAR(self->cache_info_type);
    Py_CLEAR(self->dict);
    return 0;
}

static void lru_cache_dealloc(lru_cache_object *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    lru_cache_tp_clear(self);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *lru_cache_call(lru_cache_object *self, PyObject *args, PyObject *kwds)
{
    return self->wrapper(self, args, kwds);
}

static PyObject *lru_cache_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL)
        return Py_NewRef(self);
    return PyMethod_New(self, obj);
}

static PyObject *lru_cache_cache_info(lru_cache_object *self, PyObject *unused)
{
    if (self->maxsize == -1)
        return PyObject_CallFunction(self->cache_info_type, "nnOn", self->hits, self->misses,
                                     Py_None, PyDict_GET_SIZE(self->cache));
    return PyObject_CallFunction(self->cache_info_type, "nnnn", self->hits, self->misses,
                                 self->maxsize, PyDict_GET_SIZE(self->cache));
}

static PyObject *lru_cache_cache_clear(lru_cache_object *self, PyObject *unused)
{
    lru_cache_unlink_list(self);
    self->hits = self->misses = 0;
    PyDict_Clear(self->cache);
    Py_RETURN_NONE;
}

static PyObject *lru_cache_reduce(PyObject *self, PyObject *unused)
{
    return PyObject_GetAttrString(self, "__qualname__");
}

static PyObject *lru_cache_copy(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyObject *lru_cache_deepcopy(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static int lru_cache_tp_traverse(lru_cache_object *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    /* The links are reachable through the cache dict but are not a GC type, so their own
     * references (key and result) are visited here; the key's second reference (the
     * dict's) is visited by dict_traverse.  Missing the key kept key <-> function cycles
     * alive (a method cached on its own instance, typing's caches). */
    for (lru_list_elem *link = self->root.next; link != &self->root; link = link->next) {
        Py_VISIT(link->key);
        Py_VISIT(link->result);
    }
    Py_VISIT(self->cache);
    Py_VISIT(self->func);
    Py_VISIT(self->kwd_mark);
    Py_VISIT(self->cache_info_type);
    Py_VISIT(self->dict);
    return 0;
}

PyDoc_STRVAR(lru_cache_doc,
"Create a cached callable that wraps another function.\n\n"
"user_function:      the function being cached\n\n"
"maxsize:  0         for no caching\n"
"          None      for unlimited cache size\n"
"          n         for a bounded cache\n\n"
"typed:    False     cache f(3) and f(3.0) as identical calls\n"
"          True      cache f(3) and f(3.0) as distinct calls\n\n"
"cache_info_type:    namedtuple class with the fields:\n"
"                        hits misses currsize maxsize\n");

static PyMethodDef lru_cache_methods[] = {
    {"cache_info", (PyCFunction)lru_cache_cache_info, METH_NOARGS, NULL},
    {"cache_clear", (PyCFunction)lru_cache_cache_clear, METH_NOARGS, NULL},
    {"__reduce__", (PyCFunction)lru_cache_reduce, METH_NOARGS, NULL},
    {"__copy__", (PyCFunction)lru_cache_copy, METH_VARARGS, NULL},
    {"__deepcopy__", (PyCFunction)lru_cache_deepcopy, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef lru_cache_members[] = {
    {"__dictoffset__", T_PYSSIZET, offsetof(lru_cache_object, dict), READONLY, NULL},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(lru_cache_object, weakreflist), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef lru_cache_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject lru_cache_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "functools._lru_cache_wrapper",
    .tp_basicsize = sizeof(lru_cache_object),
    .tp_dealloc = (destructor)lru_cache_dealloc,
    .tp_call = (ternaryfunc)lru_cache_call,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = lru_cache_doc,
    .tp_traverse = (traverseproc)lru_cache_tp_traverse,
    .tp_clear = (inquiry)lru_cache_tp_clear,
    .tp_weaklistoffset = offsetof(lru_cache_object, weakreflist),
    .tp_methods = lru_cache_methods,
    .tp_members = lru_cache_members,
    .tp_getset = lru_cache_getset,
    .tp_descr_get = lru_cache_descr_get,
    .tp_dictoffset = offsetof(lru_cache_object, dict),
    .tp_new = lru_cache_new,
    .tp_free = PyObject_GC_Del,
};

/* ================================================================ module */

static PyMethodDef functools_methods[] = {
    {"reduce", functools_reduce, METH_VARARGS,
     PyDoc_STR("reduce(function, iterable[, initial]) -> value\n\n"
               "Apply a function of two arguments cumulatively to the items of a sequence\n"
               "or iterable, from left to right, so as to reduce the iterable to a single\n"
               "value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4, 5]) calculates\n"
               "((((1+2)+3)+4)+5).  If initial is present, it is placed before the items\n"
               "of the iterable in the calculation, and serves as a default when the\n"
               "iterable is empty.")},
    {"cmp_to_key", (PyCFunction)(void (*)(void))functools_cmp_to_key,
     METH_VARARGS | METH_KEYWORDS, PyDoc_STR("Convert a cmp= function into a key= function.")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef functoolsmodule = {
    PyModuleDef_HEAD_INIT, "_functools", "Tools that operate on functions.", -1,
    functools_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__functools(void)
{
    if (kwd_mark == NULL) {
        kwd_mark = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        if (kwd_mark == NULL)
            return NULL;
    }
    if (PyType_Ready(&keyobject_type) < 0 || PyType_Ready(&lru_list_elem_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&functoolsmodule);
    if (m == NULL)
        return NULL;
    PyTypeObject *types[] = {&partial_type, &lru_cache_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (PyType_Ready(types[i]) < 0)
            goto fail;
        const char *dot = strrchr(types[i]->tp_name, '.');
        Py_INCREF(types[i]);
        if (PyModule_AddObject(m, dot + 1, (PyObject *)types[i]) < 0) {
            Py_DECREF(types[i]);
            goto fail;
        }
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
