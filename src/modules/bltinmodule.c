/* bltinmodule.c — the builtins module: the built-in functions (print, len, isinstance,
 * __build_class__, __import__, eval/exec/compile, min/max/sum, ...), the iterator types
 * CPython keeps here (map, filter, zip), and the table of built-in names (types and
 * constants).  The types themselves live in src/objects. */
#include "Python.h"
#include "../objects/type_docs.h"
#include "builtin_docs.h"
#include "pycore_ast.h"   /* AST objects as compile()'s source */
#include <unistd.h>

/* ===================== __build_class__ ===================== */

/* Replaces bases that define __mro_entries__ (PEP 560). */
static PyObject *update_bases(PyObject *bases, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *new_bases = NULL;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject *base = args[i], *meth, *new_base;
        if (PyType_Check(base)) {
            if (new_bases && PyList_Append(new_bases, base) < 0)
                goto error;
            continue;
        }
        if (_PyObject_LookupAttr(base, _Py_ID(__mro_entries__), &meth) < 0)
            goto error;
        if (meth == NULL) {
            if (new_bases && PyList_Append(new_bases, base) < 0)
                goto error;
            continue;
        }
        new_base = PyObject_CallOneArg(meth, bases);
        Py_DECREF(meth);
        if (new_base == NULL)
            goto error;
        if (!PyTuple_Check(new_base)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(new_base);
            goto error;
        }
        if (new_bases == NULL) {
            /* first replacement: copy the bases seen so far */
            new_bases = PyList_New(i);
            if (new_bases == NULL) {
                Py_DECREF(new_base);
                goto error;
            }
            for (Py_ssize_t j = 0; j < i; j++)
                PyList_SET_ITEM(new_bases, j, Py_NewRef(args[j]));
        }
        Py_ssize_t end = PyList_GET_SIZE(new_bases);
        if (PyList_SetSlice(new_bases, end, end, new_base) < 0) {
            Py_DECREF(new_base);
            goto error;
        }
        Py_DECREF(new_base);
    }
    if (new_bases == NULL)
        return bases;   /* borrowed, as CPython: the caller owns `bases` once either way */
    PyObject *result = PyList_AsTuple(new_bases);
    Py_DECREF(new_bases);
    return result;
error:
    Py_XDECREF(new_bases);
    return NULL;
}

static PyObject *builtin___build_class__(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                         PyObject *kwnames)
{
    PyObject *func, *name, *winner, *prep;
    PyObject *cls = NULL, *cell = NULL, *ns = NULL, *meta = NULL, *orig_bases = NULL;
    PyObject *mkw = NULL, *bases = NULL;
    int isclass = 0;

    if (nargs < 2) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    func = args[0];
    if (!PyFunction_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    name = args[1];
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    orig_bases = _PyTuple_FromArray(args + 2, nargs - 2);
    if (orig_bases == NULL)
        return NULL;
    bases = update_bases(orig_bases, args + 2, nargs - 2);
    if (bases == NULL) {
        Py_DECREF(orig_bases);
        return NULL;
    }
    if (kwnames == NULL) {
        meta = NULL;
        mkw = NULL;
    } else {
        mkw = _PyStack_AsDict(args + nargs, kwnames);
        if (mkw == NULL)
            goto error;
        meta = PyDict_GetItemWithError(mkw, _Py_ID(metaclass));
        if (meta != NULL) {
            Py_INCREF(meta);
            if (PyDict_DelItem(mkw, _Py_ID(metaclass)) < 0)
                goto error;
            isclass = PyType_Check(meta);   /* metaclass is explicitly given */
        } else if (PyErr_Occurred()) {
            goto error;
        }
    }
    if (meta == NULL) {
        /* no explicit metaclass: the type of the first base, or type */
        if (PyTuple_GET_SIZE(bases) == 0)
            meta = (PyObject *)&PyType_Type;
        else
            meta = (PyObject *)Py_TYPE(PyTuple_GET_ITEM(bases, 0));
        Py_INCREF(meta);
        isclass = 1;
    }
    if (isclass) {
        /* the most derived metaclass of meta and all bases' types */
        winner = (PyObject *)_PyType_CalculateMetaclass((PyTypeObject *)meta, bases);
        if (winner == NULL)
            goto error;
        if (winner != meta)
            Py_SETREF(meta, Py_NewRef(winner));
    }
    /* meta.__prepare__(name, bases, **kwds) gives the class namespace */
    if (_PyObject_LookupAttr(meta, _Py_ID(__prepare__), &prep) < 0) {
        ns = NULL;
    } else if (prep == NULL) {
        ns = PyDict_New();
    } else {
        PyObject *pargs[2] = {name, bases};
        ns = PyObject_VectorcallDict(prep, pargs, 2, mkw);
        Py_DECREF(prep);
    }
    if (ns == NULL)
        goto error;
    if (!PyMapping_Check(ns)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? ((PyTypeObject *)meta)->tp_name : "<metaclass>",
                     Py_TYPE(ns)->tp_name);
        goto error;
    }
    /* run the class body with ns as its locals; it returns the __class__ cell or None */
    cell = _PyEval_Vector(_PyThreadState_GET(), func, ns, NULL, 0, NULL);
    if (cell != NULL) {
        if (bases != orig_bases && PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0)
            goto error;
        PyObject *margs[3] = {name, bases, ns};
        cls = PyObject_VectorcallDict(meta, margs, 3, mkw);
        if (cls != NULL && PyType_Check(cls) && PyCell_Check(cell)) {
            PyObject *cell_cls = PyCell_GET(cell);
            if (cell_cls != cls) {
                if (cell_cls == NULL)
                    PyErr_Format(PyExc_RuntimeError,
                                 "__class__ not set defining %.200R as %.200R. "
                                 "Was __classcell__ propagated to type.__new__?", name, cls);
                else
                    PyErr_Format(PyExc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                                 cell_cls, name, cls);
                Py_CLEAR(cls);
                goto error;
            }
        }
    }
error:
    Py_XDECREF(cell);
    Py_XDECREF(ns);
    Py_XDECREF(meta);
    Py_XDECREF(mkw);
    if (bases != orig_bases)
        Py_DECREF(orig_bases);
    Py_DECREF(bases);
    return cls;
}

/* ===================== import ===================== */

static PyObject *builtin___import__(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "globals", "locals", "fromlist", "level", 0};
    PyObject *name, *globals = NULL, *locals = NULL, *fromlist = NULL;
    int level = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U|OOOi:__import__", kwlist, &name, &globals,
                                     &locals, &fromlist, &level))
        return NULL;
    return PyImport_ImportModuleLevelObject(name, globals, locals, fromlist, level);
}

/* ===================== simple functions ===================== */

static PyObject *builtin_abs(PyObject *m, PyObject *x) { return PyNumber_Absolute(x); }

static PyObject *builtin_all_any(PyObject *v, int want_all)
{
    PyObject *it = PyObject_GetIter(v), *item;
    if (it == NULL)
        return NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        int cmp = PyObject_IsTrue(item);
        Py_DECREF(item);
        if (cmp < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (cmp != want_all) {
            Py_DECREF(it);
            return PyBool_FromLong(!want_all);
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(want_all);
}

static PyObject *builtin_all(PyObject *m, PyObject *v) { return builtin_all_any(v, 1); }
static PyObject *builtin_any(PyObject *m, PyObject *v) { return builtin_all_any(v, 0); }
static PyObject *builtin_ascii(PyObject *m, PyObject *o) { return PyObject_ASCII(o); }
static PyObject *builtin_bin(PyObject *m, PyObject *n) { return PyNumber_ToBase(n, 2); }
static PyObject *builtin_oct(PyObject *m, PyObject *n) { return PyNumber_ToBase(n, 8); }
static PyObject *builtin_hex(PyObject *m, PyObject *n) { return PyNumber_ToBase(n, 16); }
static PyObject *builtin_callable(PyObject *m, PyObject *o) { return PyBool_FromLong(PyCallable_Check(o)); }
static PyObject *builtin_repr(PyObject *m, PyObject *o) { return PyObject_Repr(o); }
static PyObject *builtin_id(PyObject *m, PyObject *o) { return PyLong_FromVoidPtr(o); }

static PyObject *builtin_aiter(PyObject *m, PyObject *o) { return PyObject_GetAIter(o); }

/* anext(aiterator, default) returns an "anext_awaitable": it awaits the wrapped
 * __anext__() awaitable and turns its StopAsyncIteration into StopIteration(default),
 * i.e. the coroutine "returns" the default. */
typedef struct {
    PyObject_HEAD
    PyObject *wrapped;
    PyObject *default_value;
} anextawaitableobject;

static void anextawaitable_dealloc(anextawaitableobject *obj)
{
    PyObject_GC_UnTrack(obj);
    Py_XDECREF(obj->wrapped);
    Py_XDECREF(obj->default_value);
    PyObject_GC_Del(obj);
}

static int anextawaitable_traverse(anextawaitableobject *obj, visitproc visit, void *arg)
{
    Py_VISIT(obj->wrapped);
    Py_VISIT(obj->default_value);
    return 0;
}

/* The iterator to drive: a coroutine is unwrapped through its __await__ (it has no
 * tp_iternext of its own); generators and other iterators are driven directly. */
static PyObject *anextawaitable_getiter(anextawaitableobject *obj)
{
    PyObject *awaitable = _PyCoro_GetAwaitableIter(obj->wrapped);
    if (awaitable == NULL)
        return NULL;
    if (Py_TYPE(awaitable)->tp_iternext == NULL) {
        unaryfunc getter = Py_TYPE(awaitable)->tp_as_async ?
                           Py_TYPE(awaitable)->tp_as_async->am_await : NULL;
        PyObject *inner = getter ? getter(awaitable) : NULL;
        Py_DECREF(awaitable);
        if (inner == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "__await__ returned a non-iterable");
            return NULL;
        }
        if (!PyIter_Check(inner)) {
            PyErr_SetString(PyExc_TypeError, "__await__ returned a non-iterable");
            Py_DECREF(inner);
            return NULL;
        }
        awaitable = inner;
    }
    return awaitable;
}

static PyObject *anextawaitable_result(anextawaitableobject *obj, PyObject *result)
{
    if (result == NULL && PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        PyErr_Clear();
        _PyGen_SetStopIterationValue(obj->default_value);
    }
    return result;
}

static PyObject *anextawaitable_iternext(anextawaitableobject *obj)
{
    PyObject *awaitable = anextawaitable_getiter(obj);
    if (awaitable == NULL)
        return NULL;
    PyObject *result = (*Py_TYPE(awaitable)->tp_iternext)(awaitable);
    Py_DECREF(awaitable);
    return anextawaitable_result(obj, result);
}

/* send/throw/close go to the same method of the driven iterator. */
static PyObject *anextawaitable_proxy(anextawaitableobject *obj, const char *meth,
                                      PyObject *args)
{
    PyObject *awaitable = anextawaitable_getiter(obj);
    if (awaitable == NULL)
        return NULL;
    PyObject *func = PyObject_GetAttrString(awaitable, meth);
    Py_DECREF(awaitable);
    if (func == NULL)
        return NULL;
    PyObject *result = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    return anextawaitable_result(obj, result);
}

static PyObject *anextawaitable_send(anextawaitableobject *obj, PyObject *arg)
{
    PyObject *args = PyTuple_Pack(1, arg);
    if (args == NULL)
        return NULL;
    PyObject *result = anextawaitable_proxy(obj, "send", args);
    Py_DECREF(args);
    return result;
}

static PyObject *anextawaitable_throw(anextawaitableobject *obj, PyObject *args)
{
    return anextawaitable_proxy(obj, "throw", args);
}

static PyObject *anextawaitable_close(anextawaitableobject *obj, PyObject *unused)
{
    PyObject *args = PyTuple_New(0);
    if (args == NULL)
        return NULL;
    PyObject *result = anextawaitable_proxy(obj, "close", args);
    Py_DECREF(args);
    return result;
}

static PyMethodDef anextawaitable_methods[] = {
    {"send", (PyCFunction)anextawaitable_send, METH_O,
     "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."},
    {"throw", (PyCFunction)anextawaitable_throw, METH_VARARGS,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in the wrapped iterator, return next yielded value\nor raise StopIteration."},
    {"close", (PyCFunction)anextawaitable_close, METH_NOARGS,
     "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL},
};

static PyAsyncMethods anextawaitable_as_async = {
    .am_await = PyObject_SelfIter,
};

static PyTypeObject PyAnextAwaitable_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(anextawaitableobject),
    .tp_dealloc = (destructor)anextawaitable_dealloc,
    .tp_as_async = &anextawaitable_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)anextawaitable_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)anextawaitable_iternext,
    .tp_methods = anextawaitable_methods,
};

static PyObject *anextawaitable_new(PyObject *awaitable, PyObject *default_value)
{
    anextawaitableobject *obj = PyObject_GC_New(anextawaitableobject, &PyAnextAwaitable_Type);
    if (obj == NULL)
        return NULL;
    Py_INCREF(awaitable);
    obj->wrapped = awaitable;
    Py_INCREF(default_value);
    obj->default_value = default_value;
    PyObject_GC_Track(obj);
    return (PyObject *)obj;
}

static PyObject *builtin_anext(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("anext", nargs, 1, 2))
        return NULL;
    PyObject *aiterator = args[0];
    PyTypeObject *t = Py_TYPE(aiterator);
    if (t->tp_as_async == NULL || t->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterator", t->tp_name);
        return NULL;
    }
    PyObject *awaitable = (*t->tp_as_async->am_anext)(aiterator);
    if (nargs == 1 || awaitable == NULL)
        return awaitable;
    PyObject *result = anextawaitable_new(awaitable, args[1]);
    Py_DECREF(awaitable);
    return result;
}

static PyObject *builtin_chr(PyObject *m, PyObject *arg)
{
    int overflow;
    long v = PyLong_AsLongAndOverflow(arg, &overflow);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    if (overflow) {
        v = overflow < 0 ? INT_MIN : INT_MAX;   /* out of range either way */
    }
    if (v < 0 || v > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return PyUnicode_FromOrdinal((int)v);
}

static PyObject *builtin_ord(PyObject *m, PyObject *c)
{
    Py_ssize_t size;
    if (PyBytes_Check(c)) {
        size = PyBytes_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((unsigned char)PyBytes_AS_STRING(c)[0]);
    } else if (PyUnicode_Check(c)) {
        size = PyUnicode_GET_LENGTH(c);
        if (size == 1)
            return PyLong_FromLong((long)PyUnicode_READ_CHAR(c, 0));
    } else if (PyByteArray_Check(c)) {
        size = PyByteArray_GET_SIZE(c);
        if (size == 1)
            return PyLong_FromLong((unsigned char)PyByteArray_AS_STRING(c)[0]);
    } else {
        PyErr_Format(PyExc_TypeError, "ord() expected string of length 1, but %.200s found",
                     Py_TYPE(c)->tp_name);
        return NULL;
    }
    PyErr_Format(PyExc_TypeError, "ord() expected a character, but string of length %zd found", size);
    return NULL;
}

static int check_attr_name(PyObject *name, const char *fname)
{
    if (!PyUnicode_Check(name)) {
        /* 3.11 reports it from PyObject_GetAttr's check, not per builtin */
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *builtin_getattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("getattr", nargs, 2, 3))
        return NULL;
    PyObject *v = args[0], *name = args[1], *result;
    if (check_attr_name(name, "getattr") < 0)
        return NULL;
    if (nargs > 2) {
        if (_PyObject_LookupAttr(v, name, &result) == 0)
            return Py_NewRef(args[2]);
        return result;
    }
    return PyObject_GetAttr(v, name);
}

static PyObject *builtin_hasattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("hasattr", nargs, 2, 2))
        return NULL;
    PyObject *v;
    if (check_attr_name(args[1], "hasattr") < 0)
        return NULL;
    if (_PyObject_LookupAttr(args[0], args[1], &v) < 0)
        return NULL;
    if (v == NULL)
        Py_RETURN_FALSE;
    Py_DECREF(v);
    Py_RETURN_TRUE;
}

static PyObject *builtin_setattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setattr", nargs, 3, 3))
        return NULL;
    if (PyObject_SetAttr(args[0], args[1], args[2]) != 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *builtin_delattr(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("delattr", nargs, 2, 2))
        return NULL;
    if (PyObject_DelAttr(args[0], args[1]) != 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *builtin_dir(PyObject *m, PyObject *args)
{
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, "dir", 0, 1, &arg))
        return NULL;
    return PyObject_Dir(arg);
}

static PyObject *builtin_divmod(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("divmod", nargs, 2, 2))
        return NULL;
    return PyNumber_Divmod(args[0], args[1]);
}

static PyObject *builtin_format(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("format", nargs, 1, 2))
        return NULL;
    if (nargs == 2 && !PyUnicode_Check(args[1])) {
        _PyArg_BadArgument("format", "argument 2", "str", args[1]);
        return NULL;
    }
    return PyObject_Format(args[0], nargs == 2 ? args[1] : NULL);
}

static PyObject *builtin_globals(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyEval_GetGlobals();
    return Py_XNewRef(d);
}

static PyObject *builtin_locals(PyObject *m, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyEval_GetLocals();
    return Py_XNewRef(d);
}

static PyObject *builtin_hash(PyObject *m, PyObject *v)
{
    Py_hash_t x = PyObject_Hash(v);
    if (x == -1)
        return NULL;
    return PyLong_FromSsize_t(x);
}

static PyObject *builtin_isinstance(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("isinstance", nargs, 2, 2))
        return NULL;
    int r = PyObject_IsInstance(args[0], args[1]);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *builtin_issubclass(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("issubclass", nargs, 2, 2))
        return NULL;
    int r = PyObject_IsSubclass(args[0], args[1]);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *builtin_iter(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("iter", nargs, 1, 2))
        return NULL;
    if (nargs == 1)
        return PyObject_GetIter(args[0]);
    if (!PyCallable_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return PyCallIter_New(args[0], args[1]);
}

static PyObject *builtin_len(PyObject *m, PyObject *obj)
{
    Py_ssize_t res = PyObject_Size(obj);
    if (res < 0)
        return NULL;
    return PyLong_FromSsize_t(res);
}

static PyObject *builtin_next(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("next", nargs, 1, 2))
        return NULL;
    PyObject *it = args[0];
    if (!PyIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an iterator", Py_TYPE(it)->tp_name);
        return NULL;
    }
    PyObject *res = (*Py_TYPE(it)->tp_iternext)(it);
    if (res != NULL)
        return res;
    if (nargs > 1) {
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
        return Py_NewRef(args[1]);
    }
    if (!PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return NULL;
}

static PyObject *builtin_pow(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"base", "exp", "mod", NULL};
    PyObject *base, *exp, *mod = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|O:pow", kwlist, &base, &exp, &mod))
        return NULL;
    return PyNumber_Power(base, exp, mod);
}

static PyObject *builtin_round(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"number", "ndigits", NULL};
    PyObject *number, *ndigits = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:round", kwlist, &number, &ndigits))
        return NULL;
    PyObject *round = _PyObject_LookupSpecial(number, _Py_ID(__round__));
    if (round == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "type %.100s doesn't define __round__ method",
                         Py_TYPE(number)->tp_name);
        return NULL;
    }
    PyObject *result = ndigits == Py_None ? PyObject_CallNoArgs(round)
                                          : PyObject_CallOneArg(round, ndigits);
    Py_DECREF(round);
    return result;
}

static PyObject *builtin_vars(PyObject *m, PyObject *args)
{
    PyObject *v = NULL, *d;
    if (!PyArg_UnpackTuple(args, "vars", 0, 1, &v))
        return NULL;
    if (v == NULL)
        return Py_XNewRef(PyEval_GetLocals());
    if (_PyObject_LookupAttr(v, _Py_ID(__dict__), &d) == 0)
        PyErr_SetString(PyExc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

/* ---- print / input ---- */

static PyObject *builtin_print(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const keywords[] = {"sep", "end", "file", "flush", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "print", NULL, 0, 0, 0, NULL, NULL};
    PyObject *sep = Py_None, *end = Py_None, *file = Py_None, *flush = Py_False;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
        PyObject *buf[4];
        PyObject *const *kw = _PyArg_UnpackKeywords(args + nargs, 0, NULL, kwnames, &parser,
                                                    0, 0, 0, buf);
        if (kw == NULL)
            return NULL;
        if (kw[0]) sep = kw[0];
        if (kw[1]) end = kw[1];
        if (kw[2]) file = kw[2];
        if (kw[3]) flush = kw[3];
    }
    if (file == Py_None) {
        file = PySys_GetObject("stdout");
        if (file == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == Py_None)   /* sys.stdout may be None when FILE* stdout isn't connected */
            Py_RETURN_NONE;
    }
    if (sep != Py_None && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "sep must be None or a string, not %.200s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    if (end != Py_None && !PyUnicode_Check(end)) {
        PyErr_Format(PyExc_TypeError, "end must be None or a string, not %.200s", Py_TYPE(end)->tp_name);
        return NULL;
    }
    Py_INCREF(file);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        int err = 0;
        if (i > 0)
            err = sep == Py_None ? PyFile_WriteString(" ", file)
                                 : PyFile_WriteObject(sep, file, Py_PRINT_RAW);
        if (err == 0)
            err = PyFile_WriteObject(args[i], file, Py_PRINT_RAW);
        if (err) {
            Py_DECREF(file);
            return NULL;
        }
    }
    int err = end == Py_None ? PyFile_WriteString("\n", file)
                             : PyFile_WriteObject(end, file, Py_PRINT_RAW);
    if (err) {
        Py_DECREF(file);
        return NULL;
    }
    int do_flush = PyObject_IsTrue(flush);
    if (do_flush < 0) {
        Py_DECREF(file);
        return NULL;
    }
    if (do_flush) {
        PyObject *r = PyObject_CallMethodNoArgs(file, _Py_ID(flush));
        if (r == NULL) {
            Py_DECREF(file);
            return NULL;
        }
        Py_DECREF(r);
    }
    Py_DECREF(file);
    Py_RETURN_NONE;
}

static int stream_fd(PyObject *f)
{
    PyObject *r = PyObject_CallMethodNoArgs(f, _Py_ID(fileno));
    if (r == NULL) {
        PyErr_Clear();
        return -1;
    }
    long fd = PyLong_AsLong(r);
    Py_DECREF(r);
    if (fd == -1)
        PyErr_Clear();
    return (int)fd;
}

static PyObject *builtin_input(PyObject *m, PyObject *args)
{
    PyObject *prompt = NULL;
    if (!PyArg_UnpackTuple(args, "input", 0, 1, &prompt))
        return NULL;
    PyObject *fin = PySys_GetObject("stdin"), *fout = PySys_GetObject("stdout"),
             *ferr = PySys_GetObject("stderr");
    if (fin == NULL || fin == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (fout == NULL || fout == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    if (ferr != NULL && ferr != Py_None) {
        PyObject *r = PyObject_CallMethodNoArgs(ferr, _Py_ID(flush));
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
    }
    if (PySys_Audit("builtins.input", "(O)", prompt ? prompt : Py_None) < 0)
        return NULL;
    /* Both ends on the terminal: line editing through PyOS_Readline. */
    int in_fd = stream_fd(fin), out_fd = stream_fd(fout);
    if (in_fd == 0 && out_fd == 1 && isatty(0) && isatty(1)) {
        PyObject *po = NULL;
        const char *promptstr = "";
        PyObject *r = PyObject_CallMethodNoArgs(fout, _Py_ID(flush));
        if (r == NULL)
            PyErr_Clear();
        Py_XDECREF(r);
        if (prompt != NULL) {
            po = PyObject_Str(prompt);
            if (po == NULL)
                return NULL;
            promptstr = PyUnicode_AsUTF8(po);
            if (promptstr == NULL) {
                Py_DECREF(po);
                return NULL;
            }
        }
        char *s = PyOS_Readline(stdin, stdout, promptstr);
        Py_XDECREF(po);
        if (s == NULL) {
            if (!PyErr_Occurred() && PyErr_CheckSignals() == 0)
                PyErr_SetNone(PyExc_EOFError);
            return NULL;
        }
        size_t len = strlen(s);
        PyObject *result;
        if (len == 0) {
            PyErr_SetNone(PyExc_EOFError);
            result = NULL;
        } else {
            if (s[len - 1] == '\n')
                len--;
            result = PyUnicode_DecodeUTF8(s, (Py_ssize_t)len, "surrogateescape");
        }
        PyMem_Free(s);
        return result;
    }
    if (prompt != NULL && PyFile_WriteObject(prompt, fout, Py_PRINT_RAW) != 0)
        return NULL;
    PyObject *r = PyObject_CallMethodNoArgs(fout, _Py_ID(flush));
    if (r == NULL)
        PyErr_Clear();
    Py_XDECREF(r);
    return PyFile_GetLine(fin, -1);
}

static PyObject *builtin_breakpoint(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    PyObject *hook = PySys_GetObject("breakpointhook");
    if (hook == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.breakpointhook");
        return NULL;
    }
    Py_INCREF(hook);
    PyObject *r = PyObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
    Py_DECREF(hook);
    return r;
}

/* ---- min / max / sum / sorted ---- */

static PyObject *min_max(PyObject *args, PyObject *kwds, int op)
{
    static char *kwlist[] = {"key", "default", NULL};
    const char *name = op == Py_LT ? "min" : "max";
    PyObject *v, *it, *item, *val, *maxitem = NULL, *maxval = NULL;
    PyObject *emptytuple, *defaultval = NULL, *keyfunc = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs == 0) {
        PyErr_Format(PyExc_TypeError, "%s expected at least 1 argument, got 0", name);
        return NULL;
    }
    int positional = nargs > 1;
    v = positional ? args : PyTuple_GET_ITEM(args, 0);
    if (kwds != NULL) {   /* parse key=/default= only when given (hot path: min(x, y)) */
        emptytuple = PyTuple_New(0);
        if (emptytuple == NULL)
            return NULL;
        char fmt[32];
        snprintf(fmt, sizeof(fmt), "|$OO:%s", name);
        int ret = PyArg_ParseTupleAndKeywords(emptytuple, kwds, fmt, kwlist, &keyfunc, &defaultval);
        Py_DECREF(emptytuple);
        if (!ret)
            return NULL;
    }
    if (positional && defaultval != NULL) {
        PyErr_Format(PyExc_TypeError, "Cannot specify a default for %s() with multiple "
                     "positional arguments", name);
        return NULL;
    }
    if (keyfunc == Py_None)
        keyfunc = NULL;
    it = PyObject_GetIter(v);
    if (it == NULL)
        return NULL;
    while ((item = PyIter_Next(it))) {
        if (keyfunc != NULL) {
            val = PyObject_CallOneArg(keyfunc, item);
            if (val == NULL)
                goto fail_it_item;
        } else {
            val = Py_NewRef(item);
        }
        if (maxval == NULL) {
            maxitem = item;
            maxval = val;
        } else {
            int cmp = PyObject_RichCompareBool(val, maxval, op);
            if (cmp < 0)
                goto fail_it_item_and_val;
            if (cmp > 0) {
                Py_DECREF(maxval);
                Py_DECREF(maxitem);
                maxval = val;
                maxitem = item;
            } else {
                Py_DECREF(item);
                Py_DECREF(val);
            }
        }
    }
    if (PyErr_Occurred())
        goto fail_it;
    if (maxval == NULL) {
        if (defaultval != NULL)
            maxitem = Py_NewRef(defaultval);
        else
            PyErr_Format(PyExc_ValueError, "%s() arg is an empty sequence", name);
    } else {
        Py_DECREF(maxval);
    }
    Py_DECREF(it);
    return maxitem;
fail_it_item_and_val:
    Py_DECREF(val);
fail_it_item:
    Py_DECREF(item);
fail_it:
    Py_XDECREF(maxval);
    Py_XDECREF(maxitem);
    Py_DECREF(it);
    return NULL;
}

static PyObject *builtin_min(PyObject *m, PyObject *args, PyObject *kwds) { return min_max(args, kwds, Py_LT); }
static PyObject *builtin_max(PyObject *m, PyObject *args, PyObject *kwds) { return min_max(args, kwds, Py_GT); }

static PyObject *builtin_sum(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                             PyObject *kwnames)
{
    static const char *const keywords[] = {"", "start", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "sum", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[2];
    PyObject *const *a = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 2, 0, buf);
    if (a == NULL)
        return NULL;
    PyObject *iterable = a[0];
    PyObject *result = (nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0)) > 1 && a[1] ? a[1] : NULL;
    PyObject *iter = PyObject_GetIter(iterable), *item;
    if (iter == NULL)
        return NULL;
    if (result == NULL) {
        result = PyLong_FromLong(0);
        if (result == NULL) {
            Py_DECREF(iter);
            return NULL;
        }
    } else {
        if (PyUnicode_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            Py_DECREF(iter);
            return NULL;
        }
        if (PyBytes_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
            Py_DECREF(iter);
            return NULL;
        }
        if (PyByteArray_Check(result)) {
            PyErr_SetString(PyExc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
            Py_DECREF(iter);
            return NULL;
        }
        Py_INCREF(result);
    }
    /* exact ints and floats add without objects for speed */
    if (PyLong_CheckExact(result)) {
        int overflow;
        long i_result = PyLong_AsLongAndOverflow(result, &overflow);
        if (overflow == 0) {
            Py_SETREF(result, NULL);
            while (result == NULL) {
                item = PyIter_Next(iter);
                if (item == NULL) {
                    Py_DECREF(iter);
                    if (PyErr_Occurred())
                        return NULL;
                    return PyLong_FromLong(i_result);
                }
                if (PyLong_CheckExact(item) || PyBool_Check(item)) {
                    long b = PyLong_AsLongAndOverflow(item, &overflow);
                    if (overflow == 0 && (i_result >= 0 ? (b <= LONG_MAX - i_result)
                                                        : (b >= LONG_MIN - i_result))) {
                        i_result += b;
                        Py_DECREF(item);
                        continue;
                    }
                }
                result = PyLong_FromLong(i_result);
                if (result == NULL) {
                    Py_DECREF(item);
                    Py_DECREF(iter);
                    return NULL;
                }
                PyObject *temp = PyNumber_Add(result, item);
                Py_DECREF(result);
                Py_DECREF(item);
                result = temp;
                if (result == NULL) {
                    Py_DECREF(iter);
                    return NULL;
                }
            }
        }
    }
    if (PyFloat_CheckExact(result)) {
        double f_result = PyFloat_AS_DOUBLE(result);
        Py_SETREF(result, NULL);
        while (result == NULL) {
            item = PyIter_Next(iter);
            if (item == NULL) {
                Py_DECREF(iter);
                if (PyErr_Occurred())
                    return NULL;
                return PyFloat_FromDouble(f_result);
            }
            if (PyFloat_CheckExact(item)) {
                f_result += PyFloat_AS_DOUBLE(item);
                Py_DECREF(item);
                continue;
            }
            if (PyLong_Check(item)) {
                int overflow;
                long value = PyLong_AsLongAndOverflow(item, &overflow);
                if (!overflow) {
                    f_result += (double)value;
                    Py_DECREF(item);
                    continue;
                }
            }
            result = PyFloat_FromDouble(f_result);
            if (result == NULL) {
                Py_DECREF(item);
                Py_DECREF(iter);
                return NULL;
            }
            PyObject *temp = PyNumber_Add(result, item);
            Py_DECREF(result);
            Py_DECREF(item);
            result = temp;
            if (result == NULL) {
                Py_DECREF(iter);
                return NULL;
            }
        }
    }
    for (;;) {
        item = PyIter_Next(iter);
        if (item == NULL) {
            if (PyErr_Occurred())
                Py_CLEAR(result);
            break;
        }
        PyObject *temp = PyNumber_Add(result, item);
        Py_DECREF(result);
        Py_DECREF(item);
        result = temp;
        if (result == NULL)
            break;
    }
    Py_DECREF(iter);
    return result;
}

static PyObject *builtin_sorted(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    if (nargs != 1) {
        if (nargs == 0)
            PyErr_SetString(PyExc_TypeError, "sorted expected 1 argument, got 0");
        else
            PyErr_Format(PyExc_TypeError, "sorted expected 1 argument, got %zd", nargs);
        return NULL;
    }
    PyObject *newlist = PySequence_List(args[0]);
    if (newlist == NULL)
        return NULL;
    PyObject *callable = PyObject_GetAttrString(newlist, "sort");
    if (callable == NULL) {
        Py_DECREF(newlist);
        return NULL;
    }
    PyObject *v = PyObject_Vectorcall(callable, args + 1, 0, kwnames);
    Py_DECREF(callable);
    if (v == NULL) {
        Py_DECREF(newlist);
        return NULL;
    }
    Py_DECREF(v);
    return newlist;
}

/* ---- compile / eval / exec ---- */

/* The source text of str/bytes/buffer, as UTF-8; sets PyCF_IGNORE_COOKIE for str. */
static const char *source_as_string(PyObject *cmd, const char *funcname, const char *what,
                                    PyCompilerFlags *cf, PyObject **cmd_copy)
{
    const char *str;
    Py_ssize_t size;
    Py_buffer view;
    *cmd_copy = NULL;
    if (PyUnicode_Check(cmd)) {
        cf->cf_flags |= PyCF_IGNORE_COOKIE;
        str = PyUnicode_AsUTF8AndSize(cmd, &size);
        if (str == NULL)
            return NULL;
    } else if (PyBytes_Check(cmd)) {
        str = PyBytes_AS_STRING(cmd);
        size = PyBytes_GET_SIZE(cmd);
    } else if (PyByteArray_Check(cmd)) {
        str = PyByteArray_AS_STRING(cmd);
        size = PyByteArray_GET_SIZE(cmd);
    } else if (PyObject_GetBuffer(cmd, &view, PyBUF_SIMPLE) == 0) {
        *cmd_copy = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (*cmd_copy == NULL)
            return NULL;
        str = PyBytes_AS_STRING(*cmd_copy);
        size = PyBytes_GET_SIZE(*cmd_copy);
    } else {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s() arg 1 must be a %s object", funcname, what);
        return NULL;
    }
    if (strlen(str) != (size_t)size) {
        PyErr_SetString(PyExc_ValueError, "source code string cannot contain null bytes");
        Py_CLEAR(*cmd_copy);
        return NULL;
    }
    return str;
}

static PyObject *builtin_compile(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit", "optimize",
                             "_feature_version", NULL};
    PyObject *source, *filename, *source_copy;
    const char *mode;
    int flags = 0, dont_inherit = 0, optimize = -1, feature_version = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO&s|ipi$i:compile", kwlist, &source,
                                     PyUnicode_FSDecoder, &filename, &mode, &flags,
                                     &dont_inherit, &optimize, &feature_version))
        return NULL;
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags = flags | PyCF_SOURCE_IS_UTF8;
    if (feature_version >= 0 && (flags & PyCF_ONLY_AST))
        cf.cf_feature_version = feature_version;
    PyObject *result = NULL;
    /* CO_NESTED is __future__.nested_scopes' flag: obsolete but still accepted */
    if (flags & ~(PyCF_MASK | CO_NESTED | PyCF_DONT_IMPLY_DEDENT | PyCF_ONLY_AST |
                  PyCF_TYPE_COMMENTS | PyCF_ALLOW_TOP_LEVEL_AWAIT | PyCF_ALLOW_INCOMPLETE_INPUT)) {
        PyErr_SetString(PyExc_ValueError, "compile(): unrecognised flags");
        goto done;
    }
    if (optimize < -1 || optimize > 2) {
        PyErr_SetString(PyExc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    if (!dont_inherit)
        PyEval_MergeCompilerFlags(&cf);
    int compile_mode;
    if (strcmp(mode, "exec") == 0)
        compile_mode = Py_file_input;
    else if (strcmp(mode, "eval") == 0)
        compile_mode = Py_eval_input;
    else if (strcmp(mode, "single") == 0)
        compile_mode = Py_single_input;
    else if (strcmp(mode, "func_type") == 0) {
        if (!(flags & PyCF_ONLY_AST)) {
            PyErr_SetString(PyExc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
            goto done;
        }
        compile_mode = Py_func_type_input;
    } else {
        PyErr_SetString(PyExc_ValueError, (flags & PyCF_ONLY_AST)
                        ? "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"
                        : "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    int is_ast = PyAST_Check(source);
    if (is_ast < 0)
        goto done;
    if (is_ast) {
        if (flags & PyCF_ONLY_AST) {
            result = Py_NewRef(source);
        } else {
            PyArena *arena = _PyArena_New();
            if (arena == NULL)
                goto done;
            /* PyAST_obj2mod's modes: 0 exec, 1 eval, 2 single */
            int ast_mode = compile_mode == Py_file_input ? 0
                           : compile_mode == Py_eval_input ? 1 : 2;
            mod_ty mod = PyAST_obj2mod(source, arena, ast_mode);
            if (mod == NULL || !_PyAST_Validate(mod)) {
                _PyArena_Free(arena);
                goto done;
            }
            result = (PyObject *)_PyAST_Compile(mod, filename, &cf, optimize, arena);
            _PyArena_Free(arena);
        }
        goto done;
    }
    const char *str = source_as_string(source, "compile", "string, bytes or AST", &cf, &source_copy);
    if (str == NULL)
        goto done;
    /* PyCF_ONLY_AST (and AST objects as source) need the ast <-> object converters,
     * which Py_CompileStringObject handles when the compiler supports them */
    result = Py_CompileStringObject(str, filename, compile_mode, &cf, optimize);
    Py_XDECREF(source_copy);
done:
    Py_DECREF(filename);
    return result;
}

static int ensure_builtins(PyObject *globals)
{
    int r = PyDict_Contains(globals, _Py_ID(__builtins__));
    if (r < 0)
        return -1;
    if (r == 0)
        return PyDict_SetItem(globals, _Py_ID(__builtins__), PyEval_GetBuiltins());
    return 0;
}

static PyObject *builtin_eval(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const keywords[] = {"", "globals", "locals", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "eval", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[3] = {NULL, NULL, NULL};
    PyObject *const *a = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 3, 0, buf);
    if (a == NULL)
        return NULL;
    Py_ssize_t total = nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    PyObject *source = a[0];
    PyObject *globals = total > 1 && a[1] ? a[1] : Py_None;
    PyObject *locals = total > 2 && a[2] ? a[2] : Py_None;
    if (locals != Py_None && !PyMapping_Check(locals)) {
        PyErr_SetString(PyExc_TypeError, "locals must be a mapping");
        return NULL;
    }
    if (globals != Py_None && !PyDict_Check(globals)) {
        PyErr_SetString(PyExc_TypeError, PyMapping_Check(globals)
                        ? "globals must be a real dict; try eval(expr, {}, mapping)"
                        : "globals must be a dict");
        return NULL;
    }
    if (globals == Py_None) {
        globals = PyEval_GetGlobals();
        if (locals == Py_None) {
            locals = PyEval_GetLocals();
            if (locals == NULL)
                return NULL;
        }
    } else if (locals == Py_None) {
        locals = globals;
    }
    if (globals == NULL || locals == NULL) {
        PyErr_SetString(PyExc_TypeError, "eval must be given globals and locals when called without a frame");
        return NULL;
    }
    if (ensure_builtins(globals) < 0)
        return NULL;
    if (PyCode_Check(source)) {
        if (PySys_Audit("exec", "O", source) < 0)
            return NULL;
        if (PyCode_GetNumFree((PyCodeObject *)source) > 0) {
            PyErr_SetString(PyExc_TypeError, "code object passed to eval() may not contain free variables");
            return NULL;
        }
        return PyEval_EvalCode(source, globals, locals);
    }
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags = PyCF_SOURCE_IS_UTF8;
    PyObject *source_copy;
    const char *str = source_as_string(source, "eval", "string, bytes or code", &cf, &source_copy);
    if (str == NULL)
        return NULL;
    while (*str == ' ' || *str == '\t')
        str++;
    (void)PyEval_MergeCompilerFlags(&cf);
    PyObject *result = PyRun_StringFlags(str, Py_eval_input, globals, locals, &cf);
    Py_XDECREF(source_copy);
    return result;
}

static PyObject *builtin_exec(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    static const char *const keywords[] = {"", "globals", "locals", "closure", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "exec", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[4] = {NULL, NULL, NULL, NULL};
    PyObject *const *a = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 3, 0, buf);
    if (a == NULL)
        return NULL;
    /* With keywords a is buf (every slot set, NULL if absent); else only nargs are. */
    Py_ssize_t avail = kwnames ? 4 : nargs;
    PyObject *source = a[0];
    PyObject *globals = avail > 1 && a[1] ? a[1] : Py_None;
    PyObject *locals = avail > 2 && a[2] ? a[2] : Py_None;
    PyObject *closure = avail > 3 && a[3] ? a[3] : NULL;
    if (globals == Py_None) {
        globals = PyEval_GetGlobals();
        if (locals == Py_None) {
            locals = PyEval_GetLocals();
            if (locals == NULL)
                return NULL;
        }
        if (!globals || !locals) {
            PyErr_SetString(PyExc_SystemError, "globals and locals cannot be NULL");
            return NULL;
        }
    } else if (locals == Py_None) {
        locals = globals;
    }
    if (!PyDict_Check(globals)) {
        PyErr_Format(PyExc_TypeError, "exec() globals must be a dict, not %.100s",
                     Py_TYPE(globals)->tp_name);
        return NULL;
    }
    if (!PyMapping_Check(locals)) {
        PyErr_Format(PyExc_TypeError, "locals must be a mapping or None, not %.100s",
                     Py_TYPE(locals)->tp_name);
        return NULL;
    }
    if (ensure_builtins(globals) < 0)
        return NULL;
    if (closure == Py_None)
        closure = NULL;
    PyObject *v;
    if (PyCode_Check(source)) {
        Py_ssize_t num_free = PyCode_GetNumFree((PyCodeObject *)source);
        if (num_free == 0) {
            if (closure) {
                PyErr_SetString(PyExc_TypeError, "cannot use a closure with this code object");
                return NULL;
            }
        } else {
            int closure_is_ok = closure && PyTuple_CheckExact(closure) &&
                                PyTuple_GET_SIZE(closure) == num_free;
            for (Py_ssize_t i = 0; closure_is_ok && i < num_free; i++)
                closure_is_ok = PyCell_Check(PyTuple_GET_ITEM(closure, i));
            if (!closure_is_ok) {
                PyErr_Format(PyExc_TypeError, "code object requires a closure of exactly length %zd",
                             num_free);
                return NULL;
            }
        }
        if (PySys_Audit("exec", "O", source) < 0)
            return NULL;
        if (!closure)
            v = PyEval_EvalCode(source, globals, locals);
        else
            v = PyEval_EvalCodeEx(source, globals, locals, NULL, 0, NULL, 0, NULL, 0, NULL, closure);
    } else {
        if (closure != NULL) {
            PyErr_SetString(PyExc_TypeError, "closure can only be used when source is a code object");
            return NULL;
        }
        PyCompilerFlags cf = _PyCompilerFlags_INIT;
        cf.cf_flags = PyCF_SOURCE_IS_UTF8;
        PyObject *source_copy;
        const char *str = source_as_string(source, "exec", "string, bytes or code", &cf, &source_copy);
        if (str == NULL)
            return NULL;
        if (PyEval_MergeCompilerFlags(&cf))
            v = PyRun_StringFlags(str, Py_file_input, globals, locals, &cf);
        else
            v = PyRun_StringFlags(str, Py_file_input, globals, locals, NULL);
        Py_XDECREF(source_copy);
    }
    if (v == NULL)
        return NULL;
    Py_DECREF(v);
    Py_RETURN_NONE;
}

/* ===================== map, filter, zip ===================== */

typedef struct {
    PyObject_HEAD
    PyObject *iters;
    PyObject *func;
} mapobject;

static PyObject *map_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if ((type == &PyMap_Type || type->tp_init == PyMap_Type.tp_init) &&
        !_PyArg_NoKeywords("map", kwds))
        return NULL;
    Py_ssize_t numargs = PyTuple_Size(args);
    if (numargs < 2) {
        PyErr_SetString(PyExc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    PyObject *iters = PyTuple_New(numargs - 1);
    if (iters == NULL)
        return NULL;
    for (Py_ssize_t i = 1; i < numargs; i++) {
        PyObject *it = PyObject_GetIter(PyTuple_GET_ITEM(args, i));
        if (it == NULL) {
            Py_DECREF(iters);
            return NULL;
        }
        PyTuple_SET_ITEM(iters, i - 1, it);
    }
    mapobject *lz = (mapobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(iters);
        return NULL;
    }
    lz->iters = iters;
    lz->func = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    return (PyObject *)lz;
}

static void map_dealloc(mapobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->iters);
    Py_XDECREF(lz->func);
    Py_TYPE(lz)->tp_free(lz);
}

static int map_traverse(mapobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->iters);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *map_next(mapobject *lz)
{
    PyObject *small_stack[5] = {NULL}, **stack;   /* initialised: PGO builds warn otherwise */
    Py_ssize_t niters = PyTuple_GET_SIZE(lz->iters), nargs = 0;
    stack = niters <= 5 ? small_stack : PyMem_Malloc((size_t)niters * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *result = NULL;
    for (Py_ssize_t i = 0; i < niters; i++) {
        PyObject *it = PyTuple_GET_ITEM(lz->iters, i);
        PyObject *val = Py_TYPE(it)->tp_iternext(it);
        if (val == NULL)
            goto exit;
        stack[i] = val;
        nargs++;
    }
    result = PyObject_Vectorcall(lz->func, stack, (size_t)nargs, NULL);
exit:
    for (Py_ssize_t i = 0; i < nargs; i++)
        Py_DECREF(stack[i]);
    if (stack != small_stack)
        PyMem_Free(stack);
    return result;
}

static PyObject *map_reduce(mapobject *lz, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t numargs = PyTuple_GET_SIZE(lz->iters);
    PyObject *args = PyTuple_New(numargs + 1);
    if (args == NULL)
        return NULL;
    PyTuple_SET_ITEM(args, 0, Py_NewRef(lz->func));
    for (Py_ssize_t i = 0; i < numargs; i++)
        PyTuple_SET_ITEM(args, i + 1, Py_NewRef(PyTuple_GET_ITEM(lz->iters, i)));
    return Py_BuildValue("ON", Py_TYPE(lz), args);
}

static PyMethodDef map_methods[] = {
    {"__reduce__", (PyCFunction)map_reduce, METH_NOARGS, DOC_map___reduce__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyMap_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "map",
    .tp_basicsize = sizeof(mapobject),
    .tp_dealloc = (destructor)map_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_map,
    .tp_traverse = (traverseproc)map_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)map_next,
    .tp_methods = map_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = map_new,
    .tp_free = PyObject_GC_Del,
};

typedef struct {
    PyObject_HEAD
    PyObject *func;
    PyObject *it;
} filterobject;

static PyObject *filter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func, *seq;
    if ((type == &PyFilter_Type || type->tp_init == PyFilter_Type.tp_init) &&
        !_PyArg_NoKeywords("filter", kwds))
        return NULL;
    if (!PyArg_UnpackTuple(args, "filter", 2, 2, &func, &seq))
        return NULL;
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    filterobject *lz = (filterobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    lz->func = Py_NewRef(func);
    lz->it = it;
    return (PyObject *)lz;
}

static void filter_dealloc(filterobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->func);
    Py_XDECREF(lz->it);
    Py_TYPE(lz)->tp_free(lz);
}

static int filter_traverse(filterobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->it);
    Py_VISIT(lz->func);
    return 0;
}

static PyObject *filter_next(filterobject *lz)
{
    PyObject *it = lz->it;
    iternextfunc iternext = Py_TYPE(it)->tp_iternext;
    int checktrue = lz->func == Py_None || lz->func == (PyObject *)&PyBool_Type;
    for (;;) {
        PyObject *item = iternext(it);
        if (item == NULL)
            return NULL;
        long ok;
        if (checktrue) {
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
        if (ok > 0)
            return item;
        Py_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

static PyObject *filter_reduce(filterobject *lz, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("O(OO)", Py_TYPE(lz), lz->func, lz->it);
}

static PyMethodDef filter_methods[] = {
    {"__reduce__", (PyCFunction)filter_reduce, METH_NOARGS, DOC_filter___reduce__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyFilter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "filter",
    .tp_basicsize = sizeof(filterobject),
    .tp_dealloc = (destructor)filter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_filter,
    .tp_traverse = (traverseproc)filter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)filter_next,
    .tp_methods = filter_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = filter_new,
    .tp_free = PyObject_GC_Del,
};

typedef struct {
    PyObject_HEAD
    Py_ssize_t tuplesize;
    PyObject *ittuple;
    PyObject *result;   /* reused result tuple when nobody else holds it */
    int strict;
} zipobject;

static PyObject *zip_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    int strict = 0;
    if (kwds) {
        PyObject *empty = PyTuple_New(0);
        if (empty == NULL)
            return NULL;
        static char *kwlist[] = {"strict", NULL};
        int parsed = PyArg_ParseTupleAndKeywords(empty, kwds, "|$p:zip", kwlist, &strict);
        Py_DECREF(empty);
        if (!parsed)
            return NULL;
    }
    Py_ssize_t tuplesize = PyTuple_GET_SIZE(args);
    PyObject *ittuple = PyTuple_New(tuplesize);
    if (ittuple == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < tuplesize; ++i) {
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
    zipobject *lz = (zipobject *)type->tp_alloc(type, 0);
    if (lz == NULL) {
        Py_DECREF(ittuple);
        Py_DECREF(result);
        return NULL;
    }
    lz->ittuple = ittuple;
    lz->tuplesize = tuplesize;
    lz->result = result;
    lz->strict = strict;
    return (PyObject *)lz;
}

static void zip_dealloc(zipobject *lz)
{
    PyObject_GC_UnTrack(lz);
    Py_XDECREF(lz->ittuple);
    Py_XDECREF(lz->result);
    Py_TYPE(lz)->tp_free(lz);
}

static int zip_traverse(zipobject *lz, visitproc visit, void *arg)
{
    Py_VISIT(lz->ittuple);
    Py_VISIT(lz->result);
    return 0;
}

static PyObject *zip_next(zipobject *lz)
{
    Py_ssize_t tuplesize = lz->tuplesize, i;
    PyObject *result = lz->result, *it, *item, *olditem;
    if (tuplesize == 0)
        return NULL;
    if (Py_REFCNT(result) == 1) {
        Py_INCREF(result);
        for (i = 0; i < tuplesize; i++) {
            it = PyTuple_GET_ITEM(lz->ittuple, i);
            item = (*Py_TYPE(it)->tp_iternext)(it);
            if (item == NULL) {
                Py_DECREF(result);
                if (lz->strict)
                    goto check;
                return NULL;
            }
            olditem = PyTuple_GET_ITEM(result, i);
            PyTuple_SET_ITEM(result, i, item);
            Py_DECREF(olditem);
        }
    } else {
        result = PyTuple_New(tuplesize);
        if (result == NULL)
            return NULL;
        for (i = 0; i < tuplesize; i++) {
            it = PyTuple_GET_ITEM(lz->ittuple, i);
            item = (*Py_TYPE(it)->tp_iternext)(it);
            if (item == NULL) {
                Py_DECREF(result);
                if (lz->strict)
                    goto check;
                return NULL;
            }
            PyTuple_SET_ITEM(result, i, item);
        }
    }
    return result;
check:
    if (PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_StopIteration))
            return NULL;
        PyErr_Clear();
    }
    if (i) {
        /* argument i ran out before argument 1 */
        const char *plural = i == 1 ? " " : "s 1-";
        return PyErr_Format(PyExc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                            i + 1, plural, i);
    }
    for (i = 1; i < tuplesize; i++) {
        it = PyTuple_GET_ITEM(lz->ittuple, i);
        item = (*Py_TYPE(it)->tp_iternext)(it);
        if (item) {
            Py_DECREF(item);
            const char *plural = i == 1 ? " " : "s 1-";
            return PyErr_Format(PyExc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                                i + 1, plural, i);
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration))
                return NULL;
            PyErr_Clear();
        }
    }
    return NULL;
}

static PyObject *zip_reduce(zipobject *lz, PyObject *Py_UNUSED(ignored))
{
    if (lz->strict)
        return PyTuple_Pack(3, Py_TYPE(lz), lz->ittuple, Py_True);
    return PyTuple_Pack(2, Py_TYPE(lz), lz->ittuple);
}

static PyObject *zip_setstate(zipobject *lz, PyObject *state)
{
    int strict = PyObject_IsTrue(state);
    if (strict < 0)
        return NULL;
    lz->strict = strict;
    Py_RETURN_NONE;
}

static PyMethodDef zip_methods[] = {
    {"__reduce__", (PyCFunction)zip_reduce, METH_NOARGS, DOC_zip___reduce__},
    {"__setstate__", (PyCFunction)zip_setstate, METH_O, DOC_zip___setstate__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyZip_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "zip",
    .tp_basicsize = sizeof(zipobject),
    .tp_dealloc = (destructor)zip_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_zip,
    .tp_traverse = (traverseproc)zip_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)zip_next,
    .tp_methods = zip_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = zip_new,
    .tp_free = PyObject_GC_Del,
};

/* ===================== the module ===================== */

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f)

static PyMethodDef builtin_methods[] = {
    {"__build_class__", FASTCALL(builtin___build_class__), METH_FASTCALL | METH_KEYWORDS,
     DOC_builtins___build_class__},
    {"__import__", FASTCALL(builtin___import__), METH_VARARGS | METH_KEYWORDS,
     DOC_builtins___import__},
    {"abs", builtin_abs, METH_O, DOC_builtins_abs},
    {"all", builtin_all, METH_O, DOC_builtins_all},
    {"any", builtin_any, METH_O, DOC_builtins_any},
    {"ascii", builtin_ascii, METH_O, DOC_builtins_ascii},
    {"bin", builtin_bin, METH_O, DOC_builtins_bin},
    {"breakpoint", FASTCALL(builtin_breakpoint), METH_FASTCALL | METH_KEYWORDS, DOC_builtins_breakpoint},
    {"callable", builtin_callable, METH_O, DOC_builtins_callable},
    {"chr", builtin_chr, METH_O, DOC_builtins_chr},
    {"compile", FASTCALL(builtin_compile), METH_VARARGS | METH_KEYWORDS, DOC_builtins_compile},
    {"delattr", FASTCALL(builtin_delattr), METH_FASTCALL, DOC_builtins_delattr},
    {"dir", builtin_dir, METH_VARARGS, DOC_builtins_dir},
    {"divmod", FASTCALL(builtin_divmod), METH_FASTCALL, DOC_builtins_divmod},
    {"eval", FASTCALL(builtin_eval), METH_FASTCALL | METH_KEYWORDS, DOC_builtins_eval},
    {"exec", FASTCALL(builtin_exec), METH_FASTCALL | METH_KEYWORDS, DOC_builtins_exec},
    {"format", FASTCALL(builtin_format), METH_FASTCALL, DOC_builtins_format},
    {"getattr", FASTCALL(builtin_getattr), METH_FASTCALL, DOC_builtins_getattr},
    {"globals", builtin_globals, METH_NOARGS, DOC_builtins_globals},
    {"hasattr", FASTCALL(builtin_hasattr), METH_FASTCALL, DOC_builtins_hasattr},
    {"hash", builtin_hash, METH_O, DOC_builtins_hash},
    {"hex", builtin_hex, METH_O, DOC_builtins_hex},
    {"id", builtin_id, METH_O, DOC_builtins_id},
    {"input", builtin_input, METH_VARARGS, DOC_builtins_input},
    {"isinstance", FASTCALL(builtin_isinstance), METH_FASTCALL, DOC_builtins_isinstance},
    {"issubclass", FASTCALL(builtin_issubclass), METH_FASTCALL, DOC_builtins_issubclass},
    {"iter", FASTCALL(builtin_iter), METH_FASTCALL, DOC_builtins_iter},
    {"aiter", builtin_aiter, METH_O, DOC_builtins_aiter},
    {"len", builtin_len, METH_O, DOC_builtins_len},
    {"locals", builtin_locals, METH_NOARGS, DOC_builtins_locals},
    {"max", FASTCALL(builtin_max), METH_VARARGS | METH_KEYWORDS, DOC_builtins_max},
    {"min", FASTCALL(builtin_min), METH_VARARGS | METH_KEYWORDS, DOC_builtins_min},
    {"next", FASTCALL(builtin_next), METH_FASTCALL, DOC_builtins_next},
    {"anext", FASTCALL(builtin_anext), METH_FASTCALL, DOC_builtins_anext},
    {"oct", builtin_oct, METH_O, DOC_builtins_oct},
    {"ord", builtin_ord, METH_O, DOC_builtins_ord},
    {"pow", FASTCALL(builtin_pow), METH_VARARGS | METH_KEYWORDS, DOC_builtins_pow},
    {"print", FASTCALL(builtin_print), METH_FASTCALL | METH_KEYWORDS, DOC_builtins_print},
    {"repr", builtin_repr, METH_O, DOC_builtins_repr},
    {"round", FASTCALL(builtin_round), METH_VARARGS | METH_KEYWORDS, DOC_builtins_round},
    {"setattr", FASTCALL(builtin_setattr), METH_FASTCALL, DOC_builtins_setattr},
    {"sorted", FASTCALL(builtin_sorted), METH_FASTCALL | METH_KEYWORDS, DOC_builtins_sorted},
    {"sum", FASTCALL(builtin_sum), METH_FASTCALL | METH_KEYWORDS, DOC_builtins_sum},
    {"vars", builtin_vars, METH_VARARGS, DOC_builtins_vars},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef builtinsmodule = {
    PyModuleDef_HEAD_INIT, "builtins",
    "Built-in functions, exceptions, and other objects.\n\n"
    "Noteworthy: None is the `nil' object; Ellipsis represents `...' in slices.",
    -1, builtin_methods, NULL, NULL, NULL, NULL,
};


PyObject *_PyBuiltin_Init(PyInterpreterState *interp)
{
    if (PyType_Ready(&PyFilter_Type) < 0 || PyType_Ready(&PyMap_Type) < 0 ||
        PyType_Ready(&PyZip_Type) < 0 || PyType_Ready(&PyAnextAwaitable_Type) < 0)
        return NULL;
    PyObject *mod = PyModule_Create(&builtinsmodule);
    if (mod == NULL)
        return NULL;
    PyObject *dict = PyModule_GetDict(mod);
#define SETBUILTIN(NAME, OBJECT)                                          \
    if (PyDict_SetItemString(dict, NAME, (PyObject *)(OBJECT)) < 0) {     \
        Py_DECREF(mod);                                                   \
        return NULL;                                                      \
    }
    SETBUILTIN("None", Py_None);
    SETBUILTIN("Ellipsis", Py_Ellipsis);
    SETBUILTIN("NotImplemented", Py_NotImplemented);
    SETBUILTIN("False", Py_False);
    SETBUILTIN("True", Py_True);
    SETBUILTIN("bool", &PyBool_Type);
    SETBUILTIN("bytearray", &PyByteArray_Type);
    SETBUILTIN("bytes", &PyBytes_Type);
    SETBUILTIN("classmethod", &PyClassMethod_Type);
    SETBUILTIN("complex", &PyComplex_Type);
    SETBUILTIN("dict", &PyDict_Type);
    SETBUILTIN("enumerate", &PyEnum_Type);
    SETBUILTIN("filter", &PyFilter_Type);
    SETBUILTIN("float", &PyFloat_Type);
    SETBUILTIN("frozenset", &PyFrozenSet_Type);
    SETBUILTIN("property", &PyProperty_Type);
    SETBUILTIN("int", &PyLong_Type);
    SETBUILTIN("list", &PyList_Type);
    SETBUILTIN("map", &PyMap_Type);
    SETBUILTIN("memoryview", &PyMemoryView_Type);
    SETBUILTIN("object", &PyBaseObject_Type);
    SETBUILTIN("range", &PyRange_Type);
    SETBUILTIN("reversed", &PyReversed_Type);
    SETBUILTIN("set", &PySet_Type);
    SETBUILTIN("slice", &PySlice_Type);
    SETBUILTIN("staticmethod", &PyStaticMethod_Type);
    SETBUILTIN("str", &PyUnicode_Type);
    SETBUILTIN("super", &PySuper_Type);
    SETBUILTIN("tuple", &PyTuple_Type);
    SETBUILTIN("type", &PyType_Type);
    SETBUILTIN("zip", &PyZip_Type);
    PyObject *debug = PyBool_FromLong(interp->config.optimization_level == 0);
    if (PyDict_SetItemString(dict, "__debug__", debug) < 0) {
        Py_DECREF(debug);
        Py_DECREF(mod);
        return NULL;
    }
    Py_DECREF(debug);
    return mod;
#undef SETBUILTIN
}
