/* methodobject.c — builtin_function_or_method: a C function from a PyMethodDef,
 * optionally bound to a self (a module for module functions).  One vectorcall per
 * METH_ calling convention.  Method descriptors that create these live in
 * descrobject.c; argument parsing helpers are the runtime's (getargs.c). */
#include "Python.h"
#include "type_docs.h"
#include <stddef.h>

static PyObject *cfunction_vectorcall_FASTCALL(PyObject *, PyObject *const *, size_t, PyObject *);
static PyObject *cfunction_vectorcall_FASTCALL_KEYWORDS(PyObject *, PyObject *const *, size_t, PyObject *);
static PyObject *cfunction_vectorcall_NOARGS(PyObject *, PyObject *const *, size_t, PyObject *);
static PyObject *cfunction_vectorcall_O(PyObject *, PyObject *const *, size_t, PyObject *);

PyObject *PyCFunction_NewEx(PyMethodDef *ml, PyObject *self, PyObject *module)
{
    PyCFunctionObject *op;
    vectorcallfunc vectorcall;
    switch (ml->ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS | METH_METHOD)) {
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS:
        /* For METH_VARARGS functions, it's more efficient to use tp_call instead of
         * vectorcall. */
        vectorcall = NULL;
        break;
    case METH_FASTCALL:
        vectorcall = cfunction_vectorcall_FASTCALL;
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        vectorcall = cfunction_vectorcall_FASTCALL_KEYWORDS;
        break;
    case METH_NOARGS:
        vectorcall = cfunction_vectorcall_NOARGS;
        break;
    case METH_O:
        vectorcall = cfunction_vectorcall_O;
        break;
    default:
        PyErr_Format(PyExc_SystemError, "%s() method: bad call flags", ml->ml_name);
        return NULL;
    }
    op = PyObject_GC_New(PyCFunctionObject, &PyCFunction_Type);
    if (op == NULL)
        return NULL;
    op->m_weakreflist = NULL;
    op->m_ml = ml;
    Py_XINCREF(self);
    op->m_self = self;
    Py_XINCREF(module);
    op->m_module = module;
    op->vectorcall = vectorcall;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyCFunction PyCFunction_GetFunction(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyCFunctionObject *)op)->m_ml->ml_meth;
}

PyObject *PyCFunction_GetSelf(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyCFunctionObject *)op)->m_self;
}

int PyCFunction_GetFlags(PyObject *op)
{
    if (!PyCFunction_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ((PyCFunctionObject *)op)->m_ml->ml_flags;
}

/* ---------------------------------------------------------------- attributes */

static void meth_dealloc(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    PyObject_GC_UnTrack(m);
    Py_TRASHCAN_BEGIN(m, meth_dealloc)   /* x.__sizeof__.__self__-style chains */
    if (m->m_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_XDECREF(m->m_self);
    Py_XDECREF(m->m_module);
    PyObject_GC_Del(m);
    Py_TRASHCAN_END
}

static PyObject *meth_reduce(PyObject *self, PyObject *unused)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromString(m->m_ml->ml_name);
    return Py_BuildValue("N(Os)", _PyEval_GetBuiltin(_Py_ID(getattr)), m->m_self, m->m_ml->ml_name);
}

static PyMethodDef meth_methods[] = {
    {"__reduce__", meth_reduce, METH_NOARGS, DOC_builtin_function_or_method___reduce__},
    {NULL, NULL, 0, NULL},
};

static PyObject *meth_get__text_signature__(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    return _PyType_GetTextSignatureFromInternalDoc(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *meth_get__doc__(PyObject *self, void *closure)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    return _PyType_GetDocFromInternalDoc(m->m_ml->ml_name, m->m_ml->ml_doc);
}

static PyObject *meth_get__name__(PyObject *self, void *closure)
{
    return PyUnicode_FromString(((PyCFunctionObject *)self)->m_ml->ml_name);
}

static PyObject *meth_get__qualname__(PyObject *self, void *closure)
{
    /* If __self__ is a module or NULL, return m.__name__ (e.g. len.__qualname__ ==
     * 'len').  If __self__ is a type, return m.__self__.__qualname__ + '.' +
     * m.__name__ (e.g. dict.fromkeys.__qualname__ == 'dict.fromkeys').  Otherwise
     * return type(m.__self__).__qualname__ + '.' + m.__name__ (e.g.
     * [].append.__qualname__ == 'list.append'). */
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    PyObject *type, *type_qualname, *res;
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromString(m->m_ml->ml_name);
    type = PyType_Check(m->m_self) ? m->m_self : (PyObject *)Py_TYPE(m->m_self);
    type_qualname = PyObject_GetAttr(type, _Py_ID(__qualname__));
    if (type_qualname == NULL)
        return NULL;
    if (!PyUnicode_Check(type_qualname)) {
        PyErr_SetString(PyExc_TypeError, "<method>.__class__.__qualname__ is not a unicode object");
        Py_XDECREF(type_qualname);
        return NULL;
    }
    res = PyUnicode_FromFormat("%S.%s", type_qualname, m->m_ml->ml_name);
    Py_DECREF(type_qualname);
    return res;
}

static int meth_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    Py_VISIT(m->m_self);
    Py_VISIT(m->m_module);
    return 0;
}

static PyObject *meth_get__self__(PyObject *self, void *closure)
{
    PyObject *s = ((PyCFunctionObject *)self)->m_self;
    if (s == NULL)
        s = Py_None;
    return Py_NewRef(s);
}

static PyGetSetDef meth_getsets[] = {
    {"__doc__", meth_get__doc__, NULL, NULL, NULL},
    {"__name__", meth_get__name__, NULL, DOC_builtin_function_or_method___name__, NULL},
    {"__qualname__", meth_get__qualname__, NULL, DOC_builtin_function_or_method___qualname__, NULL},
    {"__self__", meth_get__self__, NULL, DOC_builtin_function_or_method___self__, NULL},
    {"__text_signature__", meth_get__text_signature__, NULL, DOC_builtin_function_or_method___text_signature__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef meth_members[] = {
    {"__module__", T_OBJECT, offsetof(PyCFunctionObject, m_module), 0, DOC_builtin_function_or_method___module__},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *meth_repr(PyObject *self)
{
    PyCFunctionObject *m = (PyCFunctionObject *)self;
    if (m->m_self == NULL || PyModule_Check(m->m_self))
        return PyUnicode_FromFormat("<built-in function %s>", m->m_ml->ml_name);
    return PyUnicode_FromFormat("<built-in method %s of %s object at %p>", m->m_ml->ml_name,
                                Py_TYPE(m->m_self)->tp_name, m->m_self);
}

static PyObject *meth_richcompare(PyObject *self, PyObject *other, int op)
{
    PyCFunctionObject *a, *b;
    PyObject *res;
    int eq;
    if ((op != Py_EQ && op != Py_NE) || !PyCFunction_Check(self) || !PyCFunction_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    a = (PyCFunctionObject *)self;
    b = (PyCFunctionObject *)other;
    eq = a->m_self == b->m_self;
    if (eq)
        eq = a->m_ml->ml_meth == b->m_ml->ml_meth;
    if (op == Py_EQ)
        res = eq ? Py_True : Py_False;
    else
        res = eq ? Py_False : Py_True;
    return Py_NewRef(res);
}

static Py_hash_t meth_hash(PyObject *self)
{
    PyCFunctionObject *a = (PyCFunctionObject *)self;
    Py_hash_t x, y;
    x = _Py_HashPointer(a->m_self);
    y = _Py_HashPointer((void *)(a->m_ml->ml_meth));
    x ^= y;
    if (x == -1)
        x = -2;
    return x;
}

/* ---------------------------------------------------------------- calling */

/* "len()" / "list.append()" / "mod.f()" for error messages. */
PyObject *_PyObject_FunctionStr(PyObject *x)
{
    PyObject *qualname = NULL, *module = NULL, *result = NULL;
    int ret;
    ret = _PyObject_LookupAttr(x, _Py_ID(__qualname__), &qualname);
    if (qualname == NULL) {
        if (ret < 0)
            return NULL;
        return PyObject_Str(x);
    }
    ret = _PyObject_LookupAttr(x, _Py_ID(__module__), &module);
    if (module != NULL && module != Py_None) {
        ret = PyObject_RichCompareBool(module, _Py_ID(builtins), Py_NE);
        if (ret < 0)
            goto done;
        if (ret > 0) {
            result = PyUnicode_FromFormat("%S.%S()", module, qualname);
            goto done;
        }
    }
    else if (ret < 0) {
        goto done;
    }
    result = PyUnicode_FromFormat("%S()", qualname);
done:
    Py_DECREF(qualname);
    Py_XDECREF(module);
    return result;
}

static int cfunction_check_kwargs(PyObject *func, PyObject *kwnames)
{
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U takes no keyword arguments", funcstr);
            Py_DECREF(funcstr);
        }
        return -1;
    }
    return 0;
}

typedef void (*funcptr)(void);

static inline funcptr cfunction_enter_call(PyObject *func)
{
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    return (funcptr)((PyCFunctionObject *)func)->m_ml->ml_meth;
}

#define PyCFunction_GET_SELF(func) \
    ((((PyCFunctionObject *)(func))->m_ml->ml_flags & METH_STATIC) ? NULL : ((PyCFunctionObject *)(func))->m_self)

static PyObject *cfunction_vectorcall_FASTCALL(PyObject *func, PyObject *const *args, size_t nargsf,
                                               PyObject *kwnames)
{
    Py_ssize_t nargs;
    _PyCFunctionFast meth;
    PyObject *result;
    if (cfunction_check_kwargs(func, kwnames))
        return NULL;
    nargs = PyVectorcall_NARGS(nargsf);
    meth = (_PyCFunctionFast)cfunction_enter_call(func);
    if (meth == NULL)
        return NULL;
    result = meth(PyCFunction_GET_SELF(func), args, nargs);
    Py_LeaveRecursiveCall();
    return result;
}

static PyObject *cfunction_vectorcall_FASTCALL_KEYWORDS(PyObject *func, PyObject *const *args,
                                                        size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    _PyCFunctionFastWithKeywords meth = (_PyCFunctionFastWithKeywords)cfunction_enter_call(func);
    PyObject *result;
    if (meth == NULL)
        return NULL;
    result = meth(PyCFunction_GET_SELF(func), args, nargs, kwnames);
    Py_LeaveRecursiveCall();
    return result;
}

static PyObject *cfunction_vectorcall_NOARGS(PyObject *func, PyObject *const *args, size_t nargsf,
                                             PyObject *kwnames)
{
    Py_ssize_t nargs;
    PyCFunction meth;
    PyObject *result;
    if (cfunction_check_kwargs(func, kwnames))
        return NULL;
    nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 0) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U takes no arguments (%zd given)", funcstr, nargs);
            Py_DECREF(funcstr);
        }
        return NULL;
    }
    meth = (PyCFunction)cfunction_enter_call(func);
    if (meth == NULL)
        return NULL;
    result = meth(PyCFunction_GET_SELF(func), NULL);
    Py_LeaveRecursiveCall();
    return result;
}

static PyObject *cfunction_vectorcall_O(PyObject *func, PyObject *const *args, size_t nargsf,
                                        PyObject *kwnames)
{
    Py_ssize_t nargs;
    PyCFunction meth;
    PyObject *result;
    if (cfunction_check_kwargs(func, kwnames))
        return NULL;
    nargs = PyVectorcall_NARGS(nargsf);
    if (nargs != 1) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "%U takes exactly one argument (%zd given)", funcstr, nargs);
            Py_DECREF(funcstr);
        }
        return NULL;
    }
    meth = (PyCFunction)cfunction_enter_call(func);
    if (meth == NULL)
        return NULL;
    result = meth(PyCFunction_GET_SELF(func), args[0]);
    Py_LeaveRecursiveCall();
    return result;
}

/* tp_call: METH_VARARGS functions take the tuple directly; others go through their
 * vectorcall. */
static PyObject *cfunction_call(PyObject *func, PyObject *args, PyObject *kwargs)
{
    int flags = PyCFunction_GetFlags(func);
    PyCFunction meth;
    PyObject *self, *result;
    if (((PyCFunctionObject *)func)->vectorcall != NULL)
        return PyVectorcall_Call(func, args, kwargs);
    if (!(flags & METH_VARARGS)) {
        /* If this is not a METH_VARARGS function, delegate to vectorcall */
        return PyVectorcall_Call(func, args, kwargs);
    }
    meth = PyCFunction_GetFunction(func);
    self = PyCFunction_GET_SELF(func);
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    if (flags & METH_KEYWORDS) {
        result = ((PyCFunctionWithKeywords)(void (*)(void))meth)(self, args, kwargs);
    }
    else {
        if (kwargs != NULL && PyDict_Size(kwargs) != 0) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments",
                         ((PyCFunctionObject *)func)->m_ml->ml_name);
            Py_LeaveRecursiveCall();
            return NULL;
        }
        result = meth(self, args);
    }
    Py_LeaveRecursiveCall();
    return _Py_CheckFunctionResult(func, result, NULL);
}

PyTypeObject PyCFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(PyCFunctionObject),
    .tp_dealloc = meth_dealloc,
    .tp_vectorcall_offset = offsetof(PyCFunctionObject, vectorcall),
    .tp_repr = meth_repr,
    .tp_hash = meth_hash,
    .tp_call = cfunction_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_traverse = meth_traverse,
    .tp_richcompare = meth_richcompare,
    .tp_weaklistoffset = offsetof(PyCFunctionObject, m_weakreflist),
    .tp_methods = meth_methods,
    .tp_members = meth_members,
    .tp_getset = meth_getsets,
};
