/* classobject.c — bound methods ("method": a callable plus the instance it is bound to)
 * and instancemethod.  Owner: compiler-vm.  Functions create them in their __get__
 * (funcobject.c); the eval loop avoids them for obj.meth() calls with LOAD_METHOD. */
#include "Python.h"

/* Call im_func(im_self, *args) without building a tuple: borrow the slot in front of
 * args when the caller allows it (PY_VECTORCALL_ARGUMENTS_OFFSET). */
static PyObject *method_vectorcall(PyObject *method, PyObject *const *args, size_t nargsf,
                                   PyObject *kwnames)
{
    PyObject *self = PyMethod_GET_SELF(method);
    PyObject *func = PyMethod_GET_FUNCTION(method);
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *result;
    if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
        PyObject **newargs = (PyObject **)args - 1;
        nargs += 1;
        PyObject *tmp = newargs[0];
        newargs[0] = self;
        result = PyObject_Vectorcall(func, newargs, (size_t)nargs, kwnames);
        newargs[0] = tmp;
        return result;
    }
    Py_ssize_t nkwargs = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    Py_ssize_t total = nargs + nkwargs;
    PyObject *small[8], **newargs;
    if (total + 1 <= (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
        newargs = small;
    } else {
        newargs = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
        if (newargs == NULL) return PyErr_NoMemory();
    }
    newargs[0] = self;
    if (total) memcpy(newargs + 1, args, (size_t)total * sizeof(PyObject *));
    result = PyObject_Vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
    if (newargs != small) PyMem_Free(newargs);
    return result;
}

PyObject *PyMethod_New(PyObject *func, PyObject *self)
{
    if (self == NULL) { PyErr_BadInternalCall(); return NULL; }
    PyMethodObject *im = PyObject_GC_New(PyMethodObject, &PyMethod_Type);
    if (im == NULL) return NULL;
    im->im_weakreflist = NULL;
    im->im_func = Py_NewRef(func);
    im->im_self = Py_NewRef(self);
    im->vectorcall = method_vectorcall;
    PyObject_GC_Track(im);
    return (PyObject *)im;
}

PyObject *PyMethod_Function(PyObject *im)
{
    if (!PyMethod_Check(im)) { PyErr_BadInternalCall(); return NULL; }
    return PyMethod_GET_FUNCTION(im);
}

PyObject *PyMethod_Self(PyObject *im)
{
    if (!PyMethod_Check(im)) { PyErr_BadInternalCall(); return NULL; }
    return PyMethod_GET_SELF(im);
}

static void method_dealloc(PyMethodObject *im)
{
    PyObject_GC_UnTrack(im);
    /* chains of bound methods (MethodType(MethodType(...))) free iteratively */
    Py_TRASHCAN_BEGIN(im, method_dealloc)
    if (im->im_weakreflist != NULL) PyObject_ClearWeakRefs((PyObject *)im);
    Py_DECREF(im->im_func);
    Py_XDECREF(im->im_self);
    PyObject_GC_Del(im);
    Py_TRASHCAN_END
}

static PyObject *method_repr(PyMethodObject *a)
{
    PyObject *self = a->im_self, *func = a->im_func, *funcname = NULL, *result;
    PyObject *qn = PyUnicode_FromString("__qualname__");
    if (!qn) return NULL;
    if (_PyObject_LookupAttr(func, qn, &funcname) < 0) { Py_DECREF(qn); return NULL; }
    Py_DECREF(qn);
    if (funcname == NULL) {
        PyObject *n = PyUnicode_FromString("__name__");
        if (!n) return NULL;
        if (_PyObject_LookupAttr(func, n, &funcname) < 0) { Py_DECREF(n); return NULL; }
        Py_DECREF(n);
    }
    if (funcname != NULL && !PyUnicode_Check(funcname)) Py_CLEAR(funcname);
    result = PyUnicode_FromFormat("<bound method %V of %R>", funcname, "?", self);
    Py_XDECREF(funcname);
    return result;
}

static PyObject *method_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyMethod_Check(self) || !PyMethod_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyMethodObject *a = (PyMethodObject *)self, *b = (PyMethodObject *)other;
    int eq = PyObject_RichCompareBool(a->im_func, b->im_func, Py_EQ);
    if (eq == 1) eq = a->im_self == b->im_self;
    else if (eq < 0) return NULL;
    if (op == Py_EQ) return Py_NewRef(eq ? Py_True : Py_False);
    return Py_NewRef(eq ? Py_False : Py_True);
}

static Py_hash_t method_hash(PyMethodObject *a)
{
    Py_hash_t x = _Py_HashPointer(a->im_self);
    Py_hash_t y = PyObject_Hash(a->im_func);
    if (y == -1) return -1;
    x = x ^ y;
    if (x == -1) x = -2;
    return x;
}

static int method_traverse(PyMethodObject *im, visitproc visit, void *arg)
{
    Py_VISIT(im->im_func);
    Py_VISIT(im->im_self);
    return 0;
}

static PyObject *method_call(PyObject *m, PyObject *args, PyObject *kwargs)
{
    return PyVectorcall_Call(m, args, kwargs);
}

/* Attributes not found on the method are looked up on the function (m.__doc__, etc.). */
static PyObject *method_getattro(PyObject *obj, PyObject *name)
{
    PyMethodObject *im = (PyMethodObject *)obj;
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        descrgetfunc f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL) return f(descr, obj, (PyObject *)tp);
        return Py_NewRef(descr);
    }
    return PyObject_GetAttr(im->im_func, name);
}

static PyObject *method_get_doc(PyMethodObject *im, void *context)
{
    PyObject *name = PyUnicode_FromString("__doc__");
    if (!name) return NULL;
    PyObject *r = PyObject_GetAttr(im->im_func, name);
    Py_DECREF(name);
    return r;
}

static PyObject *method_reduce(PyMethodObject *im, PyObject *Py_UNUSED(ignored))
{
    PyObject *funcname = PyObject_GetAttrString(im->im_func, "__name__");
    if (!funcname) return NULL;
    PyObject *getattr = _PyEval_GetBuiltinId("getattr");
    if (!getattr) { Py_DECREF(funcname); return NULL; }
    PyObject *r = Py_BuildValue("N(ON)", getattr, im->im_self, funcname);
    return r;
}

static PyMethodDef method_methods[] = {
    {"__reduce__", (PyCFunction)method_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef method_memberlist[] = {
    {"__func__", T_OBJECT, offsetof(PyMethodObject, im_func), READONLY,
     "the function (or other callable) implementing a method"},
    {"__self__", T_OBJECT, offsetof(PyMethodObject, im_self), READONLY,
     "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef method_getset[] = {
    {"__doc__", (getter)method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *method_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *func, *self;
    if (!_PyArg_NoKeywords("method", kw)) return NULL;
    if (!PyArg_UnpackTuple(args, "method", 2, 2, &func, &self)) return NULL;
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "first argument must be callable");
        return NULL;
    }
    if (self == NULL || self == Py_None) {
        PyErr_SetString(PyExc_TypeError, "instance must not be None");
        return NULL;
    }
    return PyMethod_New(func, self);
}

PyTypeObject PyMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method",
    .tp_basicsize = sizeof(PyMethodObject),
    .tp_dealloc = (destructor)method_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodObject, vectorcall),
    .tp_repr = (reprfunc)method_repr,
    .tp_hash = (hashfunc)method_hash,
    .tp_call = method_call,
    .tp_getattro = method_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "Create a bound instance method object.",
    .tp_traverse = (traverseproc)method_traverse,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(PyMethodObject, im_weakreflist),
    .tp_methods = method_methods,
    .tp_members = method_memberlist,
    .tp_getset = method_getset,
    .tp_new = method_new,
};

/* ---- instancemethod: binds any callable like a function does ---- */

typedef struct {
    PyObject_HEAD
    PyObject *func;
} PyInstanceMethodObject;

PyObject *PyInstanceMethod_New(PyObject *func)
{
    PyInstanceMethodObject *m = PyObject_GC_New(PyInstanceMethodObject, &PyInstanceMethod_Type);
    if (m == NULL) return NULL;
    m->func = Py_NewRef(func);
    PyObject_GC_Track(m);
    return (PyObject *)m;
}

static void instancemethod_dealloc(PyInstanceMethodObject *m)
{
    PyObject_GC_UnTrack(m);
    Py_DECREF(m->func);
    PyObject_GC_Del(m);
}

static int instancemethod_traverse(PyInstanceMethodObject *m, visitproc visit, void *arg)
{
    Py_VISIT(m->func);
    return 0;
}

static PyObject *instancemethod_call(PyObject *self, PyObject *arg, PyObject *kw)
{
    return PyObject_Call(((PyInstanceMethodObject *)self)->func, arg, kw);
}

static PyObject *instancemethod_descr_get(PyObject *descr, PyObject *obj, PyObject *type)
{
    PyObject *func = ((PyInstanceMethodObject *)descr)->func;
    if (obj == NULL) return Py_NewRef(func);
    return PyMethod_New(func, obj);
}

static PyObject *instancemethod_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<instancemethod at %p>", self);
}

PyTypeObject PyInstanceMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "instancemethod",
    .tp_basicsize = sizeof(PyInstanceMethodObject),
    .tp_dealloc = (destructor)instancemethod_dealloc,
    .tp_repr = instancemethod_repr,
    .tp_call = instancemethod_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)instancemethod_traverse,
    .tp_descr_get = instancemethod_descr_get,
};
