/* funcobject.c — Python function objects, and the classmethod and staticmethod types.
 * Owner: compiler-vm.  MAKE_FUNCTION (src/vm/ceval.c) creates functions; calling one
 * binds its arguments into a new frame in ceval.c (_PyEval_Vector). */
#include "Python.h"

static uint32_t next_func_version = 1;

PyObject *PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname)
{
    if (!PyCode_Check(code) || !PyDict_Check(globals)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyCodeObject *co = (PyCodeObject *)code;
    PyObject *module = NULL, *builtins = NULL, *doc;
    /* interned once: a new str per call was a decode + hash for every MAKE_FUNCTION */
    module = PyDict_GetItemWithError(globals, _Py_ID(__name__));
    if (module == NULL && PyErr_Occurred()) return NULL;
    Py_XINCREF(module);

    builtins = _PyEval_BuiltinsFromGlobals(_PyThreadState_GET(), globals);
    if (builtins == NULL) { Py_XDECREF(module); return NULL; }
    Py_INCREF(builtins);

    /* The compiler makes the first constant the docstring, or None when there is none. */
    doc = Py_None;
    if (PyTuple_GET_SIZE(co->co_consts) > 0 &&
        PyUnicode_Check(PyTuple_GET_ITEM(co->co_consts, 0)))
        doc = PyTuple_GET_ITEM(co->co_consts, 0);

    PyFunctionObject *op = PyObject_GC_New(PyFunctionObject, &PyFunction_Type);
    if (op == NULL) { Py_XDECREF(module); Py_XDECREF(builtins); return NULL; }
    op->func_globals = Py_NewRef(globals);
    op->func_builtins = builtins;
    op->func_name = Py_NewRef(co->co_name);
    op->func_qualname = Py_NewRef(qualname ? qualname : co->co_qualname);
    op->func_code = Py_NewRef(code);
    op->func_defaults = NULL;
    op->func_kwdefaults = NULL;
    op->func_closure = NULL;
    op->func_doc = Py_NewRef(doc);
    op->func_dict = NULL;
    op->func_weakreflist = NULL;
    op->func_module = module;
    op->func_annotations = NULL;
    op->vectorcall = _PyFunction_Vectorcall;
    op->func_version = next_func_version++;
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyFunction_New(PyObject *code, PyObject *globals)
{
    return PyFunction_NewWithQualName(code, globals, NULL);
}

#define CHECK_FUNC(op, ret) \
    if (!PyFunction_Check(op)) { PyErr_BadInternalCall(); return ret; }

PyObject *PyFunction_GetCode(PyObject *op) { CHECK_FUNC(op, NULL) return PyFunction_GET_CODE(op); }
PyObject *PyFunction_GetGlobals(PyObject *op) { CHECK_FUNC(op, NULL) return PyFunction_GET_GLOBALS(op); }
PyObject *PyFunction_GetModule(PyObject *op) { CHECK_FUNC(op, NULL) return PyFunction_GET_MODULE(op); }
PyObject *PyFunction_GetDefaults(PyObject *op) { CHECK_FUNC(op, NULL) return PyFunction_GET_DEFAULTS(op); }
PyObject *PyFunction_GetKwDefaults(PyObject *op) { CHECK_FUNC(op, NULL) return PyFunction_GET_KW_DEFAULTS(op); }
PyObject *PyFunction_GetClosure(PyObject *op) { CHECK_FUNC(op, NULL) return PyFunction_GET_CLOSURE(op); }

int PyFunction_SetDefaults(PyObject *op, PyObject *defaults)
{
    CHECK_FUNC(op, -1)
    if (defaults == Py_None) defaults = NULL;
    else if (defaults && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_SystemError, "non-tuple default args");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_defaults, Py_XNewRef(defaults));
    return 0;
}

int PyFunction_SetKwDefaults(PyObject *op, PyObject *defaults)
{
    CHECK_FUNC(op, -1)
    if (defaults == Py_None) defaults = NULL;
    else if (defaults && !PyDict_Check(defaults)) {
        PyErr_SetString(PyExc_SystemError, "non-dict keyword only default args");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_kwdefaults, Py_XNewRef(defaults));
    return 0;
}

int PyFunction_SetClosure(PyObject *op, PyObject *closure)
{
    CHECK_FUNC(op, -1)
    if (closure == Py_None) closure = NULL;
    else if (closure && !PyTuple_Check(closure)) {
        PyErr_Format(PyExc_SystemError, "expected tuple for closure, got '%.100s'",
                     Py_TYPE(closure)->tp_name);
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_closure, Py_XNewRef(closure));
    return 0;
}

/* MAKE_FUNCTION stores annotations as a flat tuple (name, value, ...); the dict is
 * built on first access, as CPython does. */
static PyObject *func_get_annotation_dict(PyFunctionObject *op)
{
    if (op->func_annotations == NULL) return NULL;
    if (PyTuple_CheckExact(op->func_annotations)) {
        PyObject *ann_tuple = op->func_annotations;
        PyObject *ann_dict = PyDict_New();
        if (ann_dict == NULL) return NULL;
        for (Py_ssize_t i = 0; i + 1 < PyTuple_GET_SIZE(ann_tuple); i += 2) {
            if (PyDict_SetItem(ann_dict, PyTuple_GET_ITEM(ann_tuple, i),
                               PyTuple_GET_ITEM(ann_tuple, i + 1)) < 0) {
                Py_DECREF(ann_dict);
                return NULL;
            }
        }
        Py_SETREF(op->func_annotations, ann_dict);
    }
    return op->func_annotations;
}

PyObject *PyFunction_GetAnnotations(PyObject *op)
{
    CHECK_FUNC(op, NULL)
    return func_get_annotation_dict((PyFunctionObject *)op);
}

int PyFunction_SetAnnotations(PyObject *op, PyObject *annotations)
{
    CHECK_FUNC(op, -1)
    if (annotations == Py_None) annotations = NULL;
    else if (annotations && !PyDict_Check(annotations)) {
        PyErr_SetString(PyExc_SystemError, "non-dict annotations");
        return -1;
    }
    Py_XSETREF(((PyFunctionObject *)op)->func_annotations, Py_XNewRef(annotations));
    return 0;
}

PyObject *_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack, size_t nargsf,
                                 PyObject *kwnames)
{
    PyThreadState *tstate = _PyThreadState_GET();
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    return _PyEval_Vector(tstate, func, NULL, stack, (size_t)nargs, kwnames);
}

/* ---- attributes ---- */

#define OFF(x) offsetof(PyFunctionObject, x)
static PyMemberDef func_memberlist[] = {
    {"__closure__", T_OBJECT, OFF(func_closure), READONLY, NULL},
    {"__doc__", T_OBJECT, OFF(func_doc), 0, NULL},
    {"__globals__", T_OBJECT, OFF(func_globals), READONLY, NULL},
    {"__module__", T_OBJECT, OFF(func_module), 0, NULL},
    {"__builtins__", T_OBJECT, OFF(func_builtins), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyObject *func_get_code(PyFunctionObject *op, void *c) { return Py_NewRef(op->func_code); }

static int func_set_code(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == NULL || !PyCode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    Py_ssize_t nfree = ((PyCodeObject *)value)->co_nfreevars;
    Py_ssize_t nclosure = op->func_closure ? PyTuple_GET_SIZE(op->func_closure) : 0;
    if (nclosure != nfree) {
        PyErr_Format(PyExc_ValueError,
                     "%U() requires a code object with %zd free vars, not %zd",
                     op->func_name, nclosure, nfree);
        return -1;
    }
    op->func_version = next_func_version++;
    Py_XSETREF(op->func_code, Py_NewRef(value));
    return 0;
}

static PyObject *func_get_name(PyFunctionObject *op, void *c) { return Py_NewRef(op->func_name); }

static int func_set_name(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->func_name, Py_NewRef(value));
    return 0;
}

static PyObject *func_get_qualname(PyFunctionObject *op, void *c) { return Py_NewRef(op->func_qualname); }

static int func_set_qualname(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->func_qualname, Py_NewRef(value));
    return 0;
}

static PyObject *func_get_defaults(PyFunctionObject *op, void *c)
{
    if (op->func_defaults == NULL) Py_RETURN_NONE;
    return Py_NewRef(op->func_defaults);
}

static int func_set_defaults(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == Py_None) value = NULL;
    if (value != NULL && !PyTuple_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    op->func_version = next_func_version++;
    Py_XSETREF(op->func_defaults, Py_XNewRef(value));
    return 0;
}

static PyObject *func_get_kwdefaults(PyFunctionObject *op, void *c)
{
    if (op->func_kwdefaults == NULL) Py_RETURN_NONE;
    return Py_NewRef(op->func_kwdefaults);
}

static int func_set_kwdefaults(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == Py_None) value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    op->func_version = next_func_version++;
    Py_XSETREF(op->func_kwdefaults, Py_XNewRef(value));
    return 0;
}

static PyObject *func_get_annotations(PyFunctionObject *op, void *c)
{
    if (op->func_annotations == NULL) {
        op->func_annotations = PyDict_New();
        if (op->func_annotations == NULL) return NULL;
    }
    PyObject *d = func_get_annotation_dict(op);
    return Py_XNewRef(d);
}

static int func_set_annotations(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == Py_None) value = NULL;
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    Py_XSETREF(op->func_annotations, Py_XNewRef(value));
    return 0;
}

static PyObject *func_get_dict(PyFunctionObject *op, void *c)
{
    if (op->func_dict == NULL) {
        op->func_dict = PyDict_New();
        if (op->func_dict == NULL) return NULL;
    }
    return Py_NewRef(op->func_dict);
}

static int func_set_dict(PyFunctionObject *op, PyObject *value, void *c)
{
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError,
                     "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_XSETREF(op->func_dict, Py_NewRef(value));
    return 0;
}

static PyGetSetDef func_getsetlist[] = {
    {"__code__", (getter)func_get_code, (setter)func_set_code, NULL, NULL},
    {"__defaults__", (getter)func_get_defaults, (setter)func_set_defaults, NULL, NULL},
    {"__kwdefaults__", (getter)func_get_kwdefaults, (setter)func_set_kwdefaults, NULL, NULL},
    {"__annotations__", (getter)func_get_annotations, (setter)func_set_annotations, NULL, NULL},
    {"__dict__", (getter)func_get_dict, (setter)func_set_dict, NULL, NULL},
    {"__name__", (getter)func_get_name, (setter)func_set_name, NULL, NULL},
    {"__qualname__", (getter)func_get_qualname, (setter)func_set_qualname, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ---- type slots ---- */

static int func_clear(PyFunctionObject *op)
{
    op->func_version = 0;
    /* As 3.11: a cleared function (in a collected cycle, maybe resurrected by a late
     * finalizer) keeps valid, empty names. */
    PyObject *empty = PyUnicode_New(0, 0);
    if (empty != NULL) {
        Py_XSETREF(op->func_name, Py_NewRef(empty));
        Py_XSETREF(op->func_qualname, empty);
    }
    Py_CLEAR(op->func_globals);
    Py_CLEAR(op->func_builtins);
    Py_CLEAR(op->func_module);
    Py_CLEAR(op->func_defaults);
    Py_CLEAR(op->func_kwdefaults);
    Py_CLEAR(op->func_doc);
    Py_CLEAR(op->func_dict);
    Py_CLEAR(op->func_closure);
    Py_CLEAR(op->func_annotations);
    return 0;
}

static void func_dealloc(PyFunctionObject *op)
{
    PyObject_GC_UnTrack(op);
    if (op->func_weakreflist != NULL) PyObject_ClearWeakRefs((PyObject *)op);
    func_clear(op);
    Py_CLEAR(op->func_code);
    Py_CLEAR(op->func_name);
    Py_CLEAR(op->func_qualname);
    PyObject_GC_Del(op);
}

static PyObject *func_repr(PyFunctionObject *op)
{
    return PyUnicode_FromFormat("<function %U at %p>", op->func_qualname, op);
}

static int func_traverse(PyFunctionObject *f, visitproc visit, void *arg)
{
    Py_VISIT(f->func_code);
    Py_VISIT(f->func_globals);
    Py_VISIT(f->func_builtins);
    Py_VISIT(f->func_module);
    Py_VISIT(f->func_defaults);
    Py_VISIT(f->func_kwdefaults);
    Py_VISIT(f->func_doc);
    Py_VISIT(f->func_name);
    Py_VISIT(f->func_dict);
    Py_VISIT(f->func_closure);
    Py_VISIT(f->func_annotations);
    Py_VISIT(f->func_qualname);
    return 0;
}

static PyObject *func_call(PyObject *func, PyObject *args, PyObject *kwargs)
{
    return PyVectorcall_Call(func, args, kwargs);
}

/* Functions are descriptors: looked up on an instance they bind to it. */
static PyObject *func_descr_get(PyObject *func, PyObject *obj, PyObject *type)
{
    if (obj == Py_None || obj == NULL) return Py_NewRef(func);
    return PyMethod_New(func, obj);
}

/* function(code, globals, name=None, argdefs=None, closure=None) */
static PyObject *func_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"code", "globals", "name", "argdefs", "closure", NULL};
    PyObject *code, *globals, *name = Py_None, *defaults = Py_None, *closure = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!|OOO:function", kwlist,
                                     &PyCode_Type, &code, &PyDict_Type, &globals,
                                     &name, &defaults, &closure))
        return NULL;
    if (name != Py_None && !PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defaults != Py_None && !PyTuple_Check(defaults)) {
        PyErr_SetString(PyExc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    Py_ssize_t nfree = ((PyCodeObject *)code)->co_nfreevars;
    if (closure != Py_None && !PyTuple_Check(closure)) {
        PyErr_SetString(PyExc_TypeError, "arg 5 (closure) must be tuple");
        return NULL;
    }
    Py_ssize_t nclosure = closure == Py_None ? 0 : PyTuple_GET_SIZE(closure);
    if (nfree != nclosure) {
        PyErr_Format(PyExc_ValueError, "%U requires closure of length %zd, not %zd",
                     ((PyCodeObject *)code)->co_name, nfree, nclosure);
        return NULL;
    }
    PyFunctionObject *f = (PyFunctionObject *)PyFunction_New(code, globals);
    if (f == NULL) return NULL;
    if (name != Py_None) Py_SETREF(f->func_name, Py_NewRef(name));
    if (defaults != Py_None) f->func_defaults = Py_NewRef(defaults);
    if (closure != Py_None) f->func_closure = Py_NewRef(closure);
    return (PyObject *)f;
}

PyTypeObject PyFunction_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "function",
    .tp_basicsize = sizeof(PyFunctionObject),
    .tp_dealloc = (destructor)func_dealloc,
    .tp_vectorcall_offset = offsetof(PyFunctionObject, vectorcall),
    .tp_repr = (reprfunc)func_repr,
    .tp_call = func_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.",
    .tp_traverse = (traverseproc)func_traverse,
    .tp_clear = (inquiry)func_clear,
    .tp_weaklistoffset = offsetof(PyFunctionObject, func_weakreflist),
    .tp_members = func_memberlist,
    .tp_getset = func_getsetlist,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(PyFunctionObject, func_dict),
    .tp_new = func_new,
};

/* ---- classmethod and staticmethod ---- */

typedef struct {
    PyObject_HEAD
    PyObject *sm_callable;
    PyObject *sm_dict;
} staticmethod;

/* Copy __module__, __name__, __qualname__, __doc__ and __annotations__ (PEP 614 era). */
static int functools_wraps(PyObject *wrapper, PyObject *wrapped)
{
    static const char *attrs[] = {"__module__", "__name__", "__qualname__", "__doc__",
                                  "__annotations__"};
    for (size_t i = 0; i < Py_ARRAY_LENGTH(attrs); i++) {
        PyObject *name = PyUnicode_FromString(attrs[i]), *value;
        if (!name) return -1;
        int r = _PyObject_LookupAttr(wrapped, name, &value);
        if (r > 0) {
            r = PyObject_SetAttr(wrapper, name, value);
            Py_DECREF(value);
        }
        Py_DECREF(name);
        if (r < 0) return -1;
    }
    return 0;
}

static void sm_dealloc(staticmethod *sm)
{
    PyObject_GC_UnTrack(sm);
    Py_XDECREF(sm->sm_callable);
    Py_XDECREF(sm->sm_dict);
    Py_TYPE(sm)->tp_free((PyObject *)sm);
}

static int sm_traverse(staticmethod *sm, visitproc visit, void *arg)
{
    Py_VISIT(sm->sm_callable);
    Py_VISIT(sm->sm_dict);
    return 0;
}

static int sm_clear(staticmethod *sm)
{
    Py_CLEAR(sm->sm_callable);
    Py_CLEAR(sm->sm_dict);
    return 0;
}

static PyObject *cm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    staticmethod *cm = (staticmethod *)self;
    if (cm->sm_callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (type == NULL) type = (PyObject *)Py_TYPE(obj);
    if (Py_TYPE(cm->sm_callable)->tp_descr_get != NULL)
        return Py_TYPE(cm->sm_callable)->tp_descr_get(cm->sm_callable, type, type);
    return PyMethod_New(cm->sm_callable, type);
}

static int cm_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    staticmethod *cm = (staticmethod *)self;
    PyObject *callable;
    if (!_PyArg_NoKeywords(Py_TYPE(self) == &PyClassMethod_Type ? "classmethod" :
                           "staticmethod", kwds))
        return -1;
    if (!PyArg_UnpackTuple(args, Py_TYPE(self) == &PyClassMethod_Type ? "classmethod" :
                           "staticmethod", 1, 1, &callable))
        return -1;
    Py_XSETREF(cm->sm_callable, Py_NewRef(callable));
    return functools_wraps(self, callable);
}

static PyObject *sm_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    staticmethod *sm = (staticmethod *)self;
    if (sm->sm_callable == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return Py_NewRef(sm->sm_callable);
}

static PyObject *sm_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    return PyObject_Call(((staticmethod *)self)->sm_callable, args, kwargs);
}

static PyObject *sm_get___isabstractmethod__(staticmethod *sm, void *c)
{
    PyObject *res;
    PyObject *name = PyUnicode_FromString("__isabstractmethod__");
    if (!name) return NULL;
    int r = _PyObject_LookupAttr(sm->sm_callable, name, &res);
    Py_DECREF(name);
    if (r < 0) return NULL;
    if (r == 0) Py_RETURN_FALSE;
    int t = PyObject_IsTrue(res);
    Py_DECREF(res);
    if (t < 0) return NULL;
    return Py_NewRef(t ? Py_True : Py_False);
}

static PyObject *sm_get_dict(staticmethod *sm, void *c)
{
    if (sm->sm_dict == NULL && (sm->sm_dict = PyDict_New()) == NULL) return NULL;
    return Py_NewRef(sm->sm_dict);
}

static PyObject *sm_repr(staticmethod *sm)
{
    const char *kind = Py_TYPE(sm) == &PyClassMethod_Type ? "classmethod" : "staticmethod";
    return PyUnicode_FromFormat("<%s(%R)>", kind, sm->sm_callable);
}

static PyMemberDef sm_memberlist[] = {
    {"__func__", T_OBJECT, offsetof(staticmethod, sm_callable), READONLY, NULL},
    {"__wrapped__", T_OBJECT, offsetof(staticmethod, sm_callable), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef sm_getsetlist[] = {
    {"__isabstractmethod__", (getter)sm_get___isabstractmethod__, NULL, NULL, NULL},
    {"__dict__", (getter)sm_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyClassMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(staticmethod),
    .tp_dealloc = (destructor)sm_dealloc,
    .tp_repr = (reprfunc)sm_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function) -> method\n\nConvert a function to be a class method.",
    .tp_traverse = (traverseproc)sm_traverse,
    .tp_clear = (inquiry)sm_clear,
    .tp_members = sm_memberlist,
    .tp_getset = sm_getsetlist,
    .tp_descr_get = cm_descr_get,
    .tp_dictoffset = offsetof(staticmethod, sm_dict),
    .tp_init = cm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

PyTypeObject PyStaticMethod_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(staticmethod),
    .tp_dealloc = (destructor)sm_dealloc,
    .tp_repr = (reprfunc)sm_repr,
    .tp_call = sm_call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function) -> method\n\nConvert a function to be a static method.",
    .tp_traverse = (traverseproc)sm_traverse,
    .tp_clear = (inquiry)sm_clear,
    .tp_members = sm_memberlist,
    .tp_getset = sm_getsetlist,
    .tp_descr_get = sm_descr_get,
    .tp_dictoffset = offsetof(staticmethod, sm_dict),
    .tp_init = cm_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

static PyObject *wrap_callable(PyTypeObject *type, PyObject *callable)
{
    staticmethod *sm = (staticmethod *)PyType_GenericAlloc(type, 0);
    if (sm != NULL) sm->sm_callable = Py_NewRef(callable);
    return (PyObject *)sm;
}

PyObject *PyClassMethod_New(PyObject *callable) { return wrap_callable(&PyClassMethod_Type, callable); }
PyObject *PyStaticMethod_New(PyObject *callable) { return wrap_callable(&PyStaticMethod_Type, callable); }
