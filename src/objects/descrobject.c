/* descrobject.c — descriptors for C-level attributes of types: method descriptors,
 * class-method descriptors, member and getset descriptors, slot wrappers and the
 * method-wrapper they bind to, mappingproxy (type.__dict__) and property.
 * PyMember_GetOne/SetOne (structmember access) are here too.  The slotdefs that
 * produce slot wrappers live in typeobject.c. */
#include "Python.h"
#include "type_docs.h"
#include <stddef.h>

/* object.h's Py_XSETREF re-declares _py_tmp inside Py_XDECREF; this one is safe. */
#define Py_XSETREF_SAFE(op, op2)                                  \
    do {                                                          \
        PyObject *_old_ref = _PyObject_CAST(op);                  \
        (op) = (op2);                                             \
        Py_XDECREF(_old_ref);                                     \
    } while (0)

/* ---------------------------------------------------------------- common */

static void descr_dealloc(PyObject *self)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    PyObject_GC_UnTrack(descr);
    Py_XDECREF(descr->d_type);
    Py_XDECREF(descr->d_name);
    Py_XDECREF(descr->d_qualname);
    PyObject_GC_Del(descr);
}

static PyObject *descr_name(PyDescrObject *descr)
{
    if (descr->d_name != NULL && PyUnicode_Check(descr->d_name))
        return descr->d_name;
    return NULL;
}

static PyObject *method_repr(PyObject *descr)
{
    return PyUnicode_FromFormat("<method '%U' of '%s' objects>", PyDescr_NAME(descr),
                                PyDescr_TYPE(descr)->tp_name);
}

static PyObject *member_repr(PyObject *descr)
{
    return PyUnicode_FromFormat("<member '%U' of '%s' objects>", PyDescr_NAME(descr),
                                PyDescr_TYPE(descr)->tp_name);
}

static PyObject *getset_repr(PyObject *descr)
{
    return PyUnicode_FromFormat("<attribute '%U' of '%s' objects>", PyDescr_NAME(descr),
                                PyDescr_TYPE(descr)->tp_name);
}

static PyObject *wrapperdescr_repr(PyObject *descr)
{
    return PyUnicode_FromFormat("<slot wrapper '%U' of '%s' objects>", PyDescr_NAME(descr),
                                PyDescr_TYPE(descr)->tp_name);
}

/* 0 if obj is an instance of the descriptor's type; else -1 with TypeError. */
static int descr_check(PyDescrObject *descr, PyObject *obj)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                     descr_name(descr) ? descr_name(descr) : _Py_ID(__name__),
                     descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *classmethod_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    /* Ensure a valid type.  Class methods ignore obj. */
    if (type == NULL) {
        if (obj != NULL)
            type = (PyObject *)Py_TYPE(obj);
        else {
            /* Wot - no type?! */
            PyErr_Format(PyExc_TypeError, "descriptor '%U' for type '%.100s' needs either an object or a type",
                         PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name);
            return NULL;
        }
    }
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                     PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name, Py_TYPE(type)->tp_name);
        return NULL;
    }
    if (!PyType_IsSubtype((PyTypeObject *)type, PyDescr_TYPE(descr))) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                     PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name, ((PyTypeObject *)type)->tp_name);
        return NULL;
    }
    return PyCFunction_NewEx(descr->d_method, type, NULL);
}

static PyObject *method_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(descr);
    if (descr_check((PyDescrObject *)descr, obj) < 0)
        return NULL;
    return PyCFunction_NewEx(descr->d_method, obj, NULL);
}

static PyObject *member_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(descr);
    if (descr_check((PyDescrObject *)descr, obj) < 0)
        return NULL;
    return PyMember_GetOne((char *)obj, descr->d_member);
}

static PyObject *getset_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (obj == NULL)
        return Py_NewRef(descr);
    if (descr_check((PyDescrObject *)descr, obj) < 0)
        return NULL;
    if (descr->d_getset->get != NULL)
        return descr->d_getset->get(obj, descr->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%U' of '%.100s' objects is not readable",
                 PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name);
    return NULL;
}

static PyObject *wrapperdescr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    if (obj == NULL)
        return Py_NewRef(self);
    if (descr_check((PyDescrObject *)self, obj) < 0)
        return NULL;
    return PyWrapper_New(self, obj);
}

static int descr_setcheck(PyDescrObject *descr, PyObject *obj, PyObject *value)
{
    if (!PyObject_TypeCheck(obj, descr->d_type)) {
        PyErr_Format(PyExc_TypeError,
                     "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                     PyDescr_NAME(descr), descr->d_type->tp_name, Py_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static int member_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (descr_setcheck((PyDescrObject *)descr, obj, value) < 0)
        return -1;
    return PyMember_SetOne((char *)obj, descr->d_member, value);
}

static int getset_set(PyObject *self, PyObject *obj, PyObject *value)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (descr_setcheck((PyDescrObject *)descr, obj, value) < 0)
        return -1;
    if (descr->d_getset->set != NULL)
        return descr->d_getset->set(obj, value, descr->d_getset->closure);
    PyErr_Format(PyExc_AttributeError, "attribute '%U' of '%.100s' objects is not writable",
                 PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name);
    return -1;
}

/* ---------------------------------------------------------------- calling descriptors */

/* list.append(lst, x): check and strip the self argument, then call the C function. */
static int method_check_args(PyObject *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyDescrObject *descr = (PyDescrObject *)func;
    if (nargs < 1) {
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr != NULL) {
            PyErr_Format(PyExc_TypeError, "unbound method %U needs an argument", funcstr);
            Py_DECREF(funcstr);
        }
        return -1;
    }
    if (!PyObject_TypeCheck(args[0], PyDescr_TYPE(descr))) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                     PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name, Py_TYPE(args[0])->tp_name);
        return -1;
    }
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

static PyObject *method_vectorcall(PyObject *func, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)func;
    PyMethodDef *ml = descr->d_method;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *result;
    int flags = ml->ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS);

    if (flags == (METH_FASTCALL | METH_KEYWORDS) || flags == (METH_VARARGS | METH_KEYWORDS)) {
        if (method_check_args(func, args, nargs, NULL))
            return NULL;
    }
    else if (method_check_args(func, args, nargs, kwnames)) {
        return NULL;
    }
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    switch (flags) {
    case METH_NOARGS:
        if (nargs != 1) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError, "%U takes no arguments (%zd given)", funcstr, nargs - 1);
                Py_DECREF(funcstr);
            }
            result = NULL;
            break;
        }
        result = ml->ml_meth(args[0], NULL);
        break;
    case METH_O:
        if (nargs != 2) {
            PyObject *funcstr = _PyObject_FunctionStr(func);
            if (funcstr != NULL) {
                PyErr_Format(PyExc_TypeError, "%U takes exactly one argument (%zd given)", funcstr,
                             nargs - 1);
                Py_DECREF(funcstr);
            }
            result = NULL;
            break;
        }
        result = ml->ml_meth(args[0], args[1]);
        break;
    case METH_FASTCALL:
        result = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(args[0], args + 1, nargs - 1);
        break;
    case METH_FASTCALL | METH_KEYWORDS:
        result = ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(args[0], args + 1, nargs - 1,
                                                                             kwnames);
        break;
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
        PyObject *argstuple = _PyTuple_FromArray(args + 1, nargs - 1);
        PyObject *kwdict = NULL;
        result = NULL;
        if (argstuple == NULL)
            break;
        if (kwnames && PyTuple_GET_SIZE(kwnames)) {
            kwdict = _PyStack_AsDict(args + nargs, kwnames);
            if (kwdict == NULL) {
                Py_DECREF(argstuple);
                break;
            }
        }
        if (flags & METH_KEYWORDS)
            result = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(args[0], argstuple, kwdict);
        else
            result = ml->ml_meth(args[0], argstuple);
        Py_DECREF(argstuple);
        Py_XDECREF(kwdict);
        break;
    }
    default:
        PyErr_SetString(PyExc_SystemError, "Bad call flags for method descriptor");
        result = NULL;
    }
    Py_LeaveRecursiveCall();
    return result;
}

/* dict.fromkeys's descriptor called directly: classmethoddescr(type, *args). */
static PyObject *classmethoddescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    PyObject *self_arg, *bound, *rest, *result;
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' of '%.100s' object needs an argument",
                     PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name);
        return NULL;
    }
    self_arg = PyTuple_GET_ITEM(args, 0);
    bound = classmethod_get(self, NULL, self_arg);
    if (bound == NULL)
        return NULL;
    rest = PyTuple_GetSlice(args, 1, argc);
    if (rest == NULL) {
        Py_DECREF(bound);
        return NULL;
    }
    result = PyObject_Call(bound, rest, kwds);
    Py_DECREF(bound);
    Py_DECREF(rest);
    return result;
}

static PyObject *wrapperdescr_raw_call(PyWrapperDescrObject *descr, PyObject *self, PyObject *args,
                                       PyObject *kwds)
{
    wrapperfunc wrapper = descr->d_base->wrapper;
    if (descr->d_base->flags & PyWrapperFlag_KEYWORDS) {
        wrapperfunc_kwds wk = (wrapperfunc_kwds)(void (*)(void))wrapper;
        return (*wk)(self, args, descr->d_wrapped, kwds);
    }
    if (kwds != NULL && (!PyDict_Check(kwds) || PyDict_Size(kwds) != 0)) {
        PyErr_Format(PyExc_TypeError, "wrapper %s() takes no keyword arguments", descr->d_base->name);
        return NULL;
    }
    return (*wrapper)(self, args, descr->d_wrapped);
}

static PyObject *wrapperdescr_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    Py_ssize_t argc = PyTuple_GET_SIZE(args);
    PyObject *obj, *rest, *result;
    /* Make sure that the first argument is acceptable as 'self' */
    if (argc < 1) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' of '%.100s' object needs an argument",
                     PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name);
        return NULL;
    }
    obj = PyTuple_GET_ITEM(args, 0);
    if (!PyObject_TypeCheck(obj, PyDescr_TYPE(descr))) {
        PyErr_Format(PyExc_TypeError, "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
                     PyDescr_NAME(descr), PyDescr_TYPE(descr)->tp_name, Py_TYPE(obj)->tp_name);
        return NULL;
    }
    rest = PyTuple_GetSlice(args, 1, argc);
    if (rest == NULL)
        return NULL;
    result = wrapperdescr_raw_call(descr, obj, rest, kwds);
    Py_DECREF(rest);
    return result;
}

/* ---------------------------------------------------------------- descriptor attributes */

static PyObject *method_get_doc(PyObject *self, void *closure)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    return _PyType_GetDocFromInternalDoc(descr->d_method->ml_name, descr->d_method->ml_doc);
}

static PyObject *method_get_text_signature(PyObject *self, void *closure)
{
    PyMethodDescrObject *descr = (PyMethodDescrObject *)self;
    return _PyType_GetTextSignatureFromInternalDoc(descr->d_method->ml_name, descr->d_method->ml_doc);
}

static PyObject *calculate_qualname(PyDescrObject *descr)
{
    PyObject *type_qualname, *res;
    if (descr->d_name == NULL || !PyUnicode_Check(descr->d_name)) {
        PyErr_SetString(PyExc_TypeError, "<descriptor>.__name__ is not a unicode object");
        return NULL;
    }
    type_qualname = PyObject_GetAttr((PyObject *)descr->d_type, _Py_ID(__qualname__));
    if (type_qualname == NULL)
        return NULL;
    if (!PyUnicode_Check(type_qualname)) {
        PyErr_SetString(PyExc_TypeError, "<descriptor>.__objclass__.__qualname__ is not a unicode object");
        Py_XDECREF(type_qualname);
        return NULL;
    }
    res = PyUnicode_FromFormat("%S.%S", type_qualname, descr->d_name);
    Py_DECREF(type_qualname);
    return res;
}

static PyObject *descr_get_qualname(PyObject *self, void *closure)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    if (descr->d_qualname == NULL)
        descr->d_qualname = calculate_qualname(descr);
    Py_XINCREF(descr->d_qualname);
    return descr->d_qualname;
}

static PyObject *descr_reduce(PyObject *self, PyObject *unused)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    return Py_BuildValue("N(OO)", _PyEval_GetBuiltin(_Py_ID(getattr)), PyDescr_TYPE(descr),
                         PyDescr_NAME(descr));
}

static PyMethodDef descr_methods[] = {
    {"__reduce__", descr_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef descr_members[] = {
    {"__objclass__", T_OBJECT, offsetof(PyDescrObject, d_type), READONLY, DOC_classmethod_descriptor___objclass__},
    {"__name__", T_OBJECT, offsetof(PyDescrObject, d_name), READONLY, DOC_classmethod_descriptor___name__},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, DOC_classmethod_descriptor___qualname__, NULL},
    {"__text_signature__", method_get_text_signature, NULL, DOC_classmethod_descriptor___text_signature__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *member_get_doc(PyObject *self, void *closure)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)self;
    if (descr->d_member->doc == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(descr->d_member->doc);
}

static PyGetSetDef member_getset[] = {
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, DOC_member_descriptor___qualname__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *getset_get_doc(PyObject *self, void *closure)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)self;
    if (descr->d_getset->doc == NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(descr->d_getset->doc);
}

static PyGetSetDef getset_getset[] = {
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, DOC_getset_descriptor___qualname__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *wrapperdescr_get_doc(PyObject *self, void *closure)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    return _PyType_GetDocFromInternalDoc(descr->d_base->name, descr->d_base->doc);
}

static PyObject *wrapperdescr_get_text_signature(PyObject *self, void *closure)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)self;
    return _PyType_GetTextSignatureFromInternalDoc(descr->d_base->name, descr->d_base->doc);
}

static PyGetSetDef wrapperdescr_getset[] = {
    {"__doc__", wrapperdescr_get_doc, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, DOC_wrapper_descriptor___qualname__, NULL},
    {"__text_signature__", wrapperdescr_get_text_signature, NULL, DOC_wrapper_descriptor___text_signature__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int descr_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyDescrObject *descr = (PyDescrObject *)self;
    Py_VISIT(descr->d_type);
    return 0;
}

PyTypeObject PyMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_vectorcall_offset = offsetof(PyMethodDescrObject, vectorcall),
    .tp_repr = method_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = method_get,
};

PyTypeObject PyClassMethodDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(PyMethodDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_repr,
    .tp_call = classmethoddescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    /* no __reduce__: 3.11 cannot pickle a classmethod_descriptor */
    .tp_members = descr_members,
    .tp_getset = method_getset,
    .tp_descr_get = classmethod_get,
};

PyTypeObject PyMemberDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(PyMemberDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

PyTypeObject PyGetSetDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(PyGetSetDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_members = descr_members,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

PyTypeObject PyWrapperDescr_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(PyWrapperDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapperdescr_repr,
    .tp_call = wrapperdescr_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_methods = descr_methods,
    .tp_members = descr_members,
    .tp_getset = wrapperdescr_getset,
    .tp_descr_get = wrapperdescr_get,
};

static PyDescrObject *descr_new(PyTypeObject *descrtype, PyTypeObject *type, const char *name)
{
    PyDescrObject *descr = (PyDescrObject *)PyType_GenericAlloc(descrtype, 0);
    if (descr != NULL) {
        Py_XINCREF(type);
        descr->d_type = type;
        descr->d_name = PyUnicode_InternFromString(name);
        if (descr->d_name == NULL) {
            Py_DECREF(descr);
            descr = NULL;
        }
        else {
            descr->d_qualname = NULL;
        }
    }
    return descr;
}

PyObject *PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr;
    int flags = method->ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O | METH_KEYWORDS);
    if (flags != METH_VARARGS && flags != (METH_VARARGS | METH_KEYWORDS) && flags != METH_FASTCALL &&
        flags != (METH_FASTCALL | METH_KEYWORDS) && flags != METH_NOARGS && flags != METH_O) {
        PyErr_Format(PyExc_SystemError, "%s() method: bad call flags", method->ml_name);
        return NULL;
    }
    descr = (PyMethodDescrObject *)descr_new(&PyMethodDescr_Type, type, method->ml_name);
    if (descr != NULL) {
        descr->d_method = method;
        descr->vectorcall = method_vectorcall;
    }
    return (PyObject *)descr;
}

PyObject *PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *method)
{
    PyMethodDescrObject *descr =
        (PyMethodDescrObject *)descr_new(&PyClassMethodDescr_Type, type, method->ml_name);
    if (descr != NULL)
        descr->d_method = method;
    return (PyObject *)descr;
}

PyObject *PyDescr_NewMember(PyTypeObject *type, PyMemberDef *member)
{
    PyMemberDescrObject *descr = (PyMemberDescrObject *)descr_new(&PyMemberDescr_Type, type, member->name);
    if (descr != NULL)
        descr->d_member = member;
    return (PyObject *)descr;
}

PyObject *PyDescr_NewGetSet(PyTypeObject *type, PyGetSetDef *getset)
{
    PyGetSetDescrObject *descr = (PyGetSetDescrObject *)descr_new(&PyGetSetDescr_Type, type, getset->name);
    if (descr != NULL)
        descr->d_getset = getset;
    return (PyObject *)descr;
}

PyObject *PyDescr_NewWrapper(PyTypeObject *type, struct wrapperbase *base, void *wrapped)
{
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)descr_new(&PyWrapperDescr_Type, type, base->name);
    if (descr != NULL) {
        descr->d_base = base;
        descr->d_wrapped = wrapped;
    }
    return (PyObject *)descr;
}

/* ---------------------------------------------------------------- method-wrapper */

typedef struct {
    PyObject_HEAD
    PyWrapperDescrObject *descr;
    PyObject *self;
} wrapperobject;

#define Wrapper_Check(v) Py_IS_TYPE(v, &_PyMethodWrapper_Type)

static void wrapper_dealloc(PyObject *op)
{
    wrapperobject *wp = (wrapperobject *)op;
    PyObject_GC_UnTrack(wp);
    Py_TRASHCAN_BEGIN(wp, wrapper_dealloc)   /* f.__call__.__call__... chains */
    Py_XDECREF(wp->descr);
    Py_XDECREF(wp->self);
    PyObject_GC_Del(wp);
    Py_TRASHCAN_END
}

static PyObject *wrapper_richcompare(PyObject *a, PyObject *b, int op)
{
    wrapperobject *wa, *wb;
    int eq;
    if ((op != Py_EQ && op != Py_NE) || !Wrapper_Check(a) || !Wrapper_Check(b))
        Py_RETURN_NOTIMPLEMENTED;
    wa = (wrapperobject *)a;
    wb = (wrapperobject *)b;
    eq = (wa->descr == wb->descr && wa->self == wb->self);
    if (eq == (op == Py_EQ))
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static Py_hash_t wrapper_hash(PyObject *self)
{
    wrapperobject *wp = (wrapperobject *)self;
    Py_hash_t x, y;
    x = _Py_HashPointer(wp->self);
    y = _Py_HashPointer(wp->descr);
    x = x ^ y;
    if (x == -1)
        x = -2;
    return x;
}

static PyObject *wrapper_repr(PyObject *self)
{
    wrapperobject *wp = (wrapperobject *)self;
    return PyUnicode_FromFormat("<method-wrapper '%s' of %s object at %p>", wp->descr->d_base->name,
                                Py_TYPE(wp->self)->tp_name, wp->self);
}

static PyObject *wrapper_reduce(PyObject *self, PyObject *unused)
{
    wrapperobject *wp = (wrapperobject *)self;
    return Py_BuildValue("N(OO)", _PyEval_GetBuiltin(_Py_ID(getattr)), wp->self, PyDescr_NAME(wp->descr));
}

static PyMethodDef wrapper_methods[] = {
    {"__reduce__", wrapper_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef wrapper_members[] = {
    {"__self__", T_OBJECT, offsetof(wrapperobject, self), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *wrapper_objclass(PyObject *self, void *ignored)
{
    return Py_NewRef(PyDescr_TYPE(((wrapperobject *)self)->descr));
}

static PyObject *wrapper_name(PyObject *self, void *ignored)
{
    return PyUnicode_FromString(((wrapperobject *)self)->descr->d_base->name);
}

static PyObject *wrapper_doc(PyObject *self, void *ignored)
{
    return wrapperdescr_get_doc((PyObject *)((wrapperobject *)self)->descr, NULL);
}

static PyObject *wrapper_text_signature(PyObject *self, void *ignored)
{
    return wrapperdescr_get_text_signature((PyObject *)((wrapperobject *)self)->descr, NULL);
}

static PyObject *wrapper_qualname(PyObject *self, void *ignored)
{
    return descr_get_qualname((PyObject *)((wrapperobject *)self)->descr, NULL);
}

static PyGetSetDef wrapper_getsets[] = {
    {"__objclass__", wrapper_objclass, NULL, NULL, NULL},
    {"__name__", wrapper_name, NULL, NULL, NULL},
    {"__qualname__", wrapper_qualname, NULL, NULL, NULL},
    {"__doc__", wrapper_doc, NULL, NULL, NULL},
    {"__text_signature__", wrapper_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *wrapper_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    wrapperobject *wp = (wrapperobject *)self;
    return wrapperdescr_raw_call(wp->descr, wp->self, args, kwds);
}

static int wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    wrapperobject *wp = (wrapperobject *)self;
    Py_VISIT(wp->descr);
    Py_VISIT(wp->self);
    return 0;
}

PyTypeObject _PyMethodWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(wrapperobject),
    .tp_dealloc = wrapper_dealloc,
    .tp_repr = wrapper_repr,
    .tp_hash = wrapper_hash,
    .tp_call = wrapper_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_richcompare = wrapper_richcompare,
    .tp_methods = wrapper_methods,
    .tp_members = wrapper_members,
    .tp_getset = wrapper_getsets,
};

PyObject *PyWrapper_New(PyObject *d, PyObject *self)
{
    wrapperobject *wp;
    PyWrapperDescrObject *descr = (PyWrapperDescrObject *)d;
    wp = PyObject_GC_New(wrapperobject, &_PyMethodWrapper_Type);
    if (wp != NULL) {
        wp->descr = (PyWrapperDescrObject *)Py_NewRef(descr);
        wp->self = Py_NewRef(self);
        PyObject_GC_Track(wp);
    }
    return (PyObject *)wp;
}

/* ---------------------------------------------------------------- mappingproxy */

typedef struct {
    PyObject_HEAD
    PyObject *mapping;
} mappingproxyobject;

static Py_ssize_t mappingproxy_len(PyObject *pp)
{
    return PyObject_Size(((mappingproxyobject *)pp)->mapping);
}

static PyObject *mappingproxy_getitem(PyObject *pp, PyObject *key)
{
    return PyObject_GetItem(((mappingproxyobject *)pp)->mapping, key);
}

static PyMappingMethods mappingproxy_as_mapping = {
    mappingproxy_len,     /* mp_length */
    mappingproxy_getitem, /* mp_subscript */
    0,                    /* mp_ass_subscript */
};

static PyObject *mappingproxy_or(PyObject *left, PyObject *right)
{
    if (Py_IS_TYPE(left, &PyDictProxy_Type))
        left = ((mappingproxyobject *)left)->mapping;
    if (Py_IS_TYPE(right, &PyDictProxy_Type))
        right = ((mappingproxyobject *)right)->mapping;
    return PyNumber_Or(left, right);
}

static PyObject *mappingproxy_ior(PyObject *self, PyObject *other)
{
    PyErr_Format(PyExc_TypeError, "'|=' is not supported by %s; use '|' instead", Py_TYPE(self)->tp_name);
    return NULL;
}

static PyNumberMethods mappingproxy_as_number = {
    .nb_or = mappingproxy_or,
    .nb_inplace_or = mappingproxy_ior,
};

static int mappingproxy_contains(PyObject *pp, PyObject *key)
{
    PyObject *mapping = ((mappingproxyobject *)pp)->mapping;
    if (PyDict_CheckExact(mapping))
        return PyDict_Contains(mapping, key);
    return PySequence_Contains(mapping, key);
}

static PySequenceMethods mappingproxy_as_sequence = {
    .sq_contains = mappingproxy_contains,
};

static PyObject *mappingproxy_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    mappingproxyobject *pp = (mappingproxyobject *)self;
    PyObject *newargs[3];
    if (nargs < 1 || nargs > 2) {
        if (nargs < 1)
            PyErr_Format(PyExc_TypeError, "get expected at least 1 argument, got %zd", nargs);
        else
            PyErr_Format(PyExc_TypeError, "get expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    newargs[0] = pp->mapping;
    newargs[1] = args[0];
    newargs[2] = nargs > 1 ? args[1] : Py_None;
    return PyObject_VectorcallMethod(_Py_ID(get), newargs, 3 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

#define PROXY_METHOD(NAME)                                                       \
    static PyObject *mappingproxy_##NAME(PyObject *self, PyObject *unused)       \
    {                                                                            \
        return PyObject_CallMethodNoArgs(((mappingproxyobject *)self)->mapping,  \
                                         _Py_ID(NAME));                          \
    }
PROXY_METHOD(keys)
PROXY_METHOD(values)
PROXY_METHOD(items)
PROXY_METHOD(copy)

static PyObject *mappingproxy_reversed(PyObject *self, PyObject *unused)
{
    return PyObject_CallMethodNoArgs(((mappingproxyobject *)self)->mapping, _Py_ID(__reversed__));
}

static PyMethodDef mappingproxy_methods[] = {
    {"get", (PyCFunction)(void (*)(void))mappingproxy_get, METH_FASTCALL, DOC_mappingproxy_get},
    {"keys", mappingproxy_keys, METH_NOARGS, DOC_mappingproxy_keys},
    {"values", mappingproxy_values, METH_NOARGS, DOC_mappingproxy_values},
    {"items", mappingproxy_items, METH_NOARGS, DOC_mappingproxy_items},
    {"copy", mappingproxy_copy, METH_NOARGS, DOC_mappingproxy_copy},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_mappingproxy___class_getitem__},
    {"__reversed__", mappingproxy_reversed, METH_NOARGS, DOC_mappingproxy___reversed__},
    {NULL, NULL, 0, NULL},
};

static void mappingproxy_dealloc(PyObject *self)
{
    mappingproxyobject *pp = (mappingproxyobject *)self;
    PyObject_GC_UnTrack(pp);
    Py_DECREF(pp->mapping);
    PyObject_GC_Del(pp);
}

static PyObject *mappingproxy_getiter(PyObject *self)
{
    return PyObject_GetIter(((mappingproxyobject *)self)->mapping);
}

static PyObject *mappingproxy_str(PyObject *self)
{
    return PyObject_Str(((mappingproxyobject *)self)->mapping);
}

static PyObject *mappingproxy_repr(PyObject *self)
{
    return PyUnicode_FromFormat("mappingproxy(%R)", ((mappingproxyobject *)self)->mapping);
}

static int mappingproxy_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((mappingproxyobject *)self)->mapping);
    return 0;
}

static PyObject *mappingproxy_richcompare(PyObject *self, PyObject *w, int op)
{
    return PyObject_RichCompare(((mappingproxyobject *)self)->mapping, w, op);
}

static int mappingproxy_check_mapping(PyObject *mapping)
{
    if (!PyMapping_Check(mapping) || PyList_Check(mapping) || PyTuple_Check(mapping)) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                     Py_TYPE(mapping)->tp_name);
        return -1;
    }
    return 0;
}

static PyObject *mappingproxy_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *mapping;
    if (kwds != NULL && PyDict_Size(kwds) != 0) {
        if (PyTuple_GET_SIZE(args) == 0 && PyDict_Size(kwds) == 1 &&
            (mapping = PyDict_GetItemString(kwds, "mapping")) != NULL)
            return PyDictProxy_New(mapping);
        PyErr_SetString(PyExc_TypeError, "mappingproxy() got an unexpected keyword argument");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != 1) {
        PyErr_Format(PyExc_TypeError, "mappingproxy() takes exactly 1 argument (%zd given)",
                     PyTuple_GET_SIZE(args));
        return NULL;
    }
    return PyDictProxy_New(PyTuple_GET_ITEM(args, 0));
}

PyObject *PyDictProxy_New(PyObject *mapping)
{
    mappingproxyobject *pp;
    if (mappingproxy_check_mapping(mapping) == -1)
        return NULL;
    pp = PyObject_GC_New(mappingproxyobject, &PyDictProxy_Type);
    if (pp != NULL) {
        pp->mapping = Py_NewRef(mapping);
        PyObject_GC_Track(pp);
    }
    return (PyObject *)pp;
}

PyTypeObject PyDictProxy_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(mappingproxyobject),
    .tp_dealloc = mappingproxy_dealloc,
    .tp_repr = mappingproxy_repr,
    .tp_as_number = &mappingproxy_as_number,
    .tp_as_sequence = &mappingproxy_as_sequence,
    .tp_as_mapping = &mappingproxy_as_mapping,
    .tp_str = mappingproxy_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_MAPPING,
    .tp_traverse = mappingproxy_traverse,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_getiter,
    .tp_methods = mappingproxy_methods,
    .tp_new = mappingproxy_new,
};

/* ---------------------------------------------------------------- property */

typedef struct {
    PyObject_HEAD
    PyObject *prop_get;
    PyObject *prop_set;
    PyObject *prop_del;
    PyObject *prop_doc;
    PyObject *prop_name;
    int getter_doc;
} propertyobject;

static PyMemberDef property_members[] = {
    {"fget", T_OBJECT, offsetof(propertyobject, prop_get), READONLY, DOC_property_fget},
    {"fset", T_OBJECT, offsetof(propertyobject, prop_set), READONLY, DOC_property_fset},
    {"fdel", T_OBJECT, offsetof(propertyobject, prop_del), READONLY, DOC_property_fdel},
    {"__doc__", T_OBJECT, offsetof(propertyobject, prop_doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *property_copy(PyObject *old, PyObject *get, PyObject *set, PyObject *del);

static PyObject *property_getter(PyObject *self, PyObject *getter)
{
    return property_copy(self, getter, NULL, NULL);
}

static PyObject *property_setter(PyObject *self, PyObject *setter)
{
    return property_copy(self, NULL, setter, NULL);
}

static PyObject *property_deleter(PyObject *self, PyObject *deleter)
{
    return property_copy(self, NULL, NULL, deleter);
}

static PyObject *property_set_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    propertyobject *prop = (propertyobject *)self;
    PyObject *name;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given", nargs);
        return NULL;
    }
    name = args[1];
    Py_XINCREF(name);
    {
        PyObject *old = prop->prop_name;
        prop->prop_name = name;
        Py_XDECREF(old);
    }
    Py_RETURN_NONE;
}

static PyMethodDef property_methods[] = {
    {"getter", property_getter, METH_O, DOC_property_getter},
    {"setter", property_setter, METH_O, DOC_property_setter},
    {"deleter", property_deleter, METH_O, DOC_property_deleter},
    {"__set_name__", (PyCFunction)(void (*)(void))property_set_name, METH_FASTCALL, DOC_property___set_name__},
    {NULL, NULL, 0, NULL},
};

static void property_dealloc(PyObject *self)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(gs->prop_get);
    Py_XDECREF(gs->prop_set);
    Py_XDECREF(gs->prop_del);
    Py_XDECREF(gs->prop_doc);
    Py_XDECREF(gs->prop_name);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *property_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    propertyobject *gs = (propertyobject *)self;
    if (obj == NULL || obj == Py_None)
        return Py_NewRef(self);
    if (gs->prop_get == NULL) {
        PyObject *qualname = PyType_GetQualName(Py_TYPE(obj));
        if (gs->prop_name != NULL && qualname != NULL)
            PyErr_Format(PyExc_AttributeError, "property %R of %R object has no getter", gs->prop_name,
                         qualname);
        else if (qualname != NULL)
            PyErr_Format(PyExc_AttributeError, "property of %R object has no getter", qualname);
        Py_XDECREF(qualname);
        return NULL;
    }
    return PyObject_CallOneArg(gs->prop_get, obj);
}

static int property_descr_set(PyObject *self, PyObject *obj, PyObject *value)
{
    propertyobject *gs = (propertyobject *)self;
    PyObject *func, *res;
    if (value == NULL)
        func = gs->prop_del;
    else
        func = gs->prop_set;
    if (func == NULL) {
        PyObject *qualname = NULL;
        if (obj != NULL)
            qualname = PyType_GetQualName(Py_TYPE(obj));
        if (gs->prop_name != NULL && qualname != NULL)
            PyErr_Format(PyExc_AttributeError,
                         value == NULL ? "property %R of %R object has no deleter"
                                       : "property %R of %R object has no setter",
                         gs->prop_name, qualname);
        else if (qualname != NULL)
            PyErr_Format(PyExc_AttributeError,
                         value == NULL ? "property of %R object has no deleter"
                                       : "property of %R object has no setter",
                         qualname);
        else
            PyErr_SetString(PyExc_AttributeError,
                            value == NULL ? "can't delete attribute" : "can't set attribute");
        Py_XDECREF(qualname);
        return -1;
    }
    if (value == NULL) {
        res = PyObject_CallOneArg(func, obj);
    }
    else {
        PyObject *args[2] = {obj, value};
        res = PyObject_Vectorcall(func, args, 2, NULL);
    }
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *property_copy(PyObject *old, PyObject *get, PyObject *set, PyObject *del)
{
    propertyobject *pold = (propertyobject *)old;
    PyObject *new, *type, *doc;
    type = PyObject_Type(old);
    if (type == NULL)
        return NULL;
    if (get == NULL || get == Py_None)
        get = pold->prop_get ? pold->prop_get : Py_None;
    if (set == NULL || set == Py_None)
        set = pold->prop_set ? pold->prop_set : Py_None;
    if (del == NULL || del == Py_None)
        del = pold->prop_del ? pold->prop_del : Py_None;
    if (pold->getter_doc && get != Py_None)
        /* make _init use __doc__ from getter */
        doc = Py_None;
    else
        doc = pold->prop_doc ? pold->prop_doc : Py_None;
    new = PyObject_CallFunctionObjArgs(type, get, set, del, doc, NULL);
    Py_DECREF(type);
    if (new == NULL)
        return NULL;
    if (PyObject_TypeCheck(new, &PyProperty_Type)) {
        PyObject *old_name = ((propertyobject *)new)->prop_name;
        Py_XINCREF(pold->prop_name);
        ((propertyobject *)new)->prop_name = pold->prop_name;
        Py_XDECREF(old_name);
    }
    return new;
}

static int property_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    propertyobject *prop = (propertyobject *)self;
    PyObject *vals[4] = {Py_None, Py_None, Py_None, Py_None};
    Py_ssize_t nargs = PyTuple_GET_SIZE(args), i;
    PyObject *fget, *fset, *fdel, *doc;

    if (nargs > 4) {
        PyErr_Format(PyExc_TypeError, "property() takes at most 4 arguments (%zd given)", nargs);
        return -1;
    }
    for (i = 0; i < nargs; i++)
        vals[i] = PyTuple_GET_ITEM(args, i);
    if (kwds != NULL) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            int found = 0;
            for (i = 0; i < 4; i++) {
                if (PyUnicode_Check(key) && _PyUnicode_EqualToASCIIString(key, kwlist[i])) {
                    if (i < nargs) {
                        PyErr_Format(PyExc_TypeError,
                                     "argument for property() given by name ('%s') and position (%zd)",
                                     kwlist[i], i + 1);
                        return -1;
                    }
                    vals[i] = value;
                    found = 1;
                }
            }
            if (!found) {
                PyErr_Format(PyExc_TypeError, "property() got an unexpected keyword argument '%S'", key);
                return -1;
            }
        }
    }
    fget = vals[0] == Py_None ? NULL : vals[0];
    fset = vals[1] == Py_None ? NULL : vals[1];
    fdel = vals[2] == Py_None ? NULL : vals[2];
    doc = vals[3];

    Py_XINCREF(fget);
    Py_XINCREF(fset);
    Py_XINCREF(fdel);
    Py_XSETREF_SAFE(prop->prop_get, fget);
    Py_XSETREF_SAFE(prop->prop_set, fset);
    Py_XSETREF_SAFE(prop->prop_del, fdel);
    Py_CLEAR(prop->prop_doc);
    Py_CLEAR(prop->prop_name);
    prop->getter_doc = 0;

    /* if no docstring given and the getter has one, use that one */
    if ((doc == NULL || doc == Py_None) && fget != NULL) {
        PyObject *get_doc;
        int rc = _PyObject_LookupAttr(fget, _Py_ID(__doc__), &get_doc);
        if (rc <= 0)
            return rc;
        if (Py_IS_TYPE(self, &PyProperty_Type)) {
            Py_XSETREF_SAFE(prop->prop_doc, get_doc);
        }
        else {
            /* If this is a property subclass, put __doc__ in dict of the subclass
             * instance instead, otherwise it gets shadowed by __doc__ in the class's
             * dict. */
            int err = PyObject_SetAttr(self, _Py_ID(__doc__), get_doc);
            Py_DECREF(get_doc);
            if (err < 0)
                return -1;
        }
        prop->getter_doc = 1;
    }
    else if (doc != NULL && doc != Py_None) {
        Py_INCREF(doc);
        Py_XSETREF_SAFE(prop->prop_doc, doc);
        if (!Py_IS_TYPE(self, &PyProperty_Type)) {
            if (PyObject_SetAttr(self, _Py_ID(__doc__), doc) < 0)
                return -1;
        }
    }
    return 0;
}

static PyObject *property_get___isabstractmethod__(PyObject *self, void *closure)
{
    propertyobject *prop = (propertyobject *)self;
    int res = _PyObject_IsAbstract(prop->prop_get);
    if (res == -1)
        return NULL;
    else if (res)
        Py_RETURN_TRUE;
    res = _PyObject_IsAbstract(prop->prop_set);
    if (res == -1)
        return NULL;
    else if (res)
        Py_RETURN_TRUE;
    res = _PyObject_IsAbstract(prop->prop_del);
    if (res == -1)
        return NULL;
    else if (res)
        Py_RETURN_TRUE;
    Py_RETURN_FALSE;
}

static PyGetSetDef property_getsetlist[] = {
    {"__isabstractmethod__", property_get___isabstractmethod__, NULL, DOC_property___isabstractmethod__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static int property_traverse(PyObject *self, visitproc visit, void *arg)
{
    propertyobject *pp = (propertyobject *)self;
    Py_VISIT(pp->prop_get);
    Py_VISIT(pp->prop_set);
    Py_VISIT(pp->prop_del);
    Py_VISIT(pp->prop_doc);
    Py_VISIT(pp->prop_name);
    return 0;
}

static int property_clear(PyObject *self)
{
    propertyobject *pp = (propertyobject *)self;
    Py_CLEAR(pp->prop_doc);
    return 0;
}

PyTypeObject PyProperty_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "property",
    .tp_basicsize = sizeof(propertyobject),
    .tp_dealloc = property_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_property,
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsetlist,
    .tp_descr_get = property_descr_get,
    .tp_descr_set = property_descr_set,
    .tp_init = property_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ---------------------------------------------------------------- structmember */

PyObject *PyMember_GetOne(const char *obj_addr, PyMemberDef *l)
{
    PyObject *v;
    const char *addr = obj_addr + l->offset;
    switch (l->type) {
    case T_BOOL: v = PyBool_FromLong(*(char *)addr); break;
    case T_BYTE: v = PyLong_FromLong(*(char *)addr); break;
    case T_UBYTE: v = PyLong_FromUnsignedLong(*(unsigned char *)addr); break;
    case T_SHORT: v = PyLong_FromLong(*(short *)addr); break;
    case T_USHORT: v = PyLong_FromUnsignedLong(*(unsigned short *)addr); break;
    case T_INT: v = PyLong_FromLong(*(int *)addr); break;
    case T_UINT: v = PyLong_FromUnsignedLong(*(unsigned int *)addr); break;
    case T_LONG: v = PyLong_FromLong(*(long *)addr); break;
    case T_ULONG: v = PyLong_FromUnsignedLong(*(unsigned long *)addr); break;
    case T_PYSSIZET: v = PyLong_FromSsize_t(*(Py_ssize_t *)addr); break;
    case T_FLOAT: v = PyFloat_FromDouble(*(float *)addr); break;
    case T_DOUBLE: v = PyFloat_FromDouble(*(double *)addr); break;
    case T_STRING:
        if (*(char **)addr == NULL)
            v = Py_NewRef(Py_None);
        else
            v = PyUnicode_FromString(*(char **)addr);
        break;
    case T_STRING_INPLACE: v = PyUnicode_FromString((char *)addr); break;
    case T_CHAR: v = PyUnicode_FromStringAndSize((char *)addr, 1); break;
    case T_OBJECT:
        v = *(PyObject **)addr;
        if (v == NULL)
            v = Py_None;
        Py_INCREF(v);
        break;
    case T_OBJECT_EX:
        v = *(PyObject **)addr;
        if (v == NULL) {
            PyObject *obj = (PyObject *)obj_addr;
            PyTypeObject *tp = Py_TYPE(obj);
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'", tp->tp_name, l->name);
            {
                PyObject *name = PyUnicode_FromString(l->name);
                if (name != NULL) {
                    _PyObject_SetAttributeErrorContext(obj, name);
                    Py_DECREF(name);
                }
            }
        }
        Py_XINCREF(v);
        break;
    case T_LONGLONG: v = PyLong_FromLongLong(*(long long *)addr); break;
    case T_ULONGLONG: v = PyLong_FromUnsignedLongLong(*(unsigned long long *)addr); break;
    case T_NONE: v = Py_NewRef(Py_None); break;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        v = NULL;
    }
    return v;
}

#define WARN(msg)                                              \
    do {                                                       \
        if (PyErr_WarnEx(PyExc_RuntimeWarning, msg, 1) < 0)    \
            return -1;                                         \
    } while (0)

int PyMember_SetOne(char *addr, PyMemberDef *l, PyObject *v)
{
    PyObject *oldv;
    addr += l->offset;
    if ((l->flags & READONLY)) {
        PyErr_SetString(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (v == NULL) {
        if (l->type == T_OBJECT_EX) {
            /* Check if the attribute is set. */
            if (*(PyObject **)addr == NULL) {
                PyErr_SetString(PyExc_AttributeError, l->name);
                return -1;
            }
        }
        else if (l->type != T_OBJECT) {
            PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
            return -1;
        }
    }
    switch (l->type) {
    case T_BOOL:
        if (!PyBool_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = (char)(v == Py_True);
        break;
    case T_BYTE: case T_UBYTE: case T_SHORT: case T_USHORT: case T_INT: case T_UINT:
    case T_LONG: case T_ULONG: case T_PYSSIZET: case T_LONGLONG: case T_ULONGLONG: {
        long long x;
        if (!PyLong_Check(v)) {
            PyErr_SetString(PyExc_TypeError, "an integer is required");
            return -1;
        }
        if (l->type == T_ULONG || l->type == T_ULONGLONG) {
            unsigned long long ux = PyLong_AsUnsignedLongLong(v);
            if (ux == (unsigned long long)-1 && PyErr_Occurred())
                return -1;
            if (l->type == T_ULONG)
                *(unsigned long *)addr = (unsigned long)ux;
            else
                *(unsigned long long *)addr = ux;
            break;
        }
        x = PyLong_AsLongLong(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        switch (l->type) {
        case T_BYTE: *(char *)addr = (char)x; if (x > CHAR_MAX || x < CHAR_MIN) WARN("Truncation of value to char"); break;
        case T_UBYTE: *(unsigned char *)addr = (unsigned char)x; if (x > UCHAR_MAX || x < 0) WARN("Truncation of value to unsigned char"); break;
        case T_SHORT: *(short *)addr = (short)x; if (x > SHRT_MAX || x < SHRT_MIN) WARN("Truncation of value to short"); break;
        case T_USHORT: *(unsigned short *)addr = (unsigned short)x; if (x > USHRT_MAX || x < 0) WARN("Truncation of value to unsigned short"); break;
        case T_INT: *(int *)addr = (int)x; if (x > INT_MAX || x < INT_MIN) WARN("Truncation of value to int"); break;
        case T_UINT: *(unsigned int *)addr = (unsigned int)x; if (x > UINT_MAX || x < 0) WARN("Truncation of value to unsigned int"); break;
        case T_LONG: *(long *)addr = (long)x; break;
        case T_PYSSIZET: *(Py_ssize_t *)addr = (Py_ssize_t)x; break;
        default: *(long long *)addr = x; break;
        }
        break;
    }
    case T_FLOAT: {
        double x = PyFloat_AsDouble(v);
        if (x == -1 && PyErr_Occurred())
            return -1;
        *(float *)addr = (float)x;
        break;
    }
    case T_DOUBLE:
        *(double *)addr = PyFloat_AsDouble(v);
        if (*(double *)addr == -1 && PyErr_Occurred())
            return -1;
        break;
    case T_OBJECT:
    case T_OBJECT_EX:
        Py_XINCREF(v);
        oldv = *(PyObject **)addr;
        *(PyObject **)addr = v;
        Py_XDECREF(oldv);
        break;
    case T_CHAR: {
        const char *string;
        Py_ssize_t len;
        string = PyUnicode_Check(v) ? PyUnicode_AsUTF8AndSize(v, &len) : NULL;
        if (string == NULL || len != 1) {
            if (!PyErr_Occurred() || PyUnicode_Check(v)) {
                PyErr_Clear();
                PyErr_BadArgument();
            }
            return -1;
        }
        *(char *)addr = string[0];
        break;
    }
    case T_STRING:
    case T_STRING_INPLACE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", l->name);
        return -1;
    }
    return 0;
}
