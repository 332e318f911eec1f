/* exceptions.c — the built-in exception hierarchy of Python 3.11 as static types:
 * BaseException and its attributes, the subclasses with extra state (OSError, SyntaxError,
 * ImportError, UnicodeError, StopIteration, SystemExit, NameError, AttributeError) and
 * BaseExceptionGroup/ExceptionGroup with split/subgroup/derive (and except*'s helper).
 * The error indicator API is in src/runtime/errors.c; printing is the runtime's. */
#include "Python.h"
#include "type_docs.h"
#include <stddef.h>

#define PyDoc_STR(s) s
#define EXC(o) ((PyBaseExceptionObject *)(o))

/* ==== BaseException ==== */

static PyObject *BaseException_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyBaseExceptionObject *self = (PyBaseExceptionObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->dict = NULL;
    self->notes = self->traceback = self->cause = self->context = NULL;
    self->suppress_context = 0;
    if (args != NULL) {
        self->args = Py_NewRef(args);
        return (PyObject *)self;
    }
    self->args = PyTuple_New(0);
    if (self->args == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static int no_keywords(PyObject *self, PyObject *kwds)
{
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", Py_TYPE(self)->tp_name);
        return 0;
    }
    return 1;
}

static int BaseException_init(PyBaseExceptionObject *self, PyObject *args, PyObject *kwds)
{
    if (!no_keywords((PyObject *)self, kwds))
        return -1;
    Py_XSETREF(self->args, Py_NewRef(args));
    return 0;
}

static int BaseException_clear(PyBaseExceptionObject *self)
{
    Py_CLEAR(self->dict);
    Py_CLEAR(self->args);
    Py_CLEAR(self->notes);
    Py_CLEAR(self->traceback);
    Py_CLEAR(self->cause);
    Py_CLEAR(self->context);
    return 0;
}

static void BaseException_dealloc(PyBaseExceptionObject *self)
{
    PyObject_GC_UnTrack(self);
    /* Long __context__ / __traceback__ chains must not overflow the C stack (bpo-44348). */
    Py_TRASHCAN_BEGIN(self, BaseException_dealloc)
    BaseException_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
    Py_TRASHCAN_END
}

static int BaseException_traverse(PyBaseExceptionObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dict);
    Py_VISIT(self->args);
    Py_VISIT(self->notes);
    Py_VISIT(self->traceback);
    Py_VISIT(self->cause);
    Py_VISIT(self->context);
    return 0;
}

static PyObject *BaseException_str(PyBaseExceptionObject *self)
{
    switch (PyTuple_GET_SIZE(self->args)) {
    case 0:
        return PyUnicode_FromString("");
    case 1:
        return PyObject_Str(PyTuple_GET_ITEM(self->args, 0));
    default:
        return PyObject_Str(self->args);
    }
}

static PyObject *BaseException_repr(PyBaseExceptionObject *self)
{
    const char *name = _PyType_Name(Py_TYPE(self));
    if (PyTuple_GET_SIZE(self->args) == 1)
        return PyUnicode_FromFormat("%s(%R)", name, PyTuple_GET_ITEM(self->args, 0));
    return PyUnicode_FromFormat("%s%R", name, self->args);
}

static PyObject *BaseException_reduce(PyBaseExceptionObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->args && self->dict && PyDict_GET_SIZE(self->dict) > 0)
        return PyTuple_Pack(3, Py_TYPE(self), self->args, self->dict);
    return PyTuple_Pack(2, Py_TYPE(self), self->args);
}

static PyObject *BaseException_setstate(PyObject *self, PyObject *state)
{
    if (state != Py_None) {
        if (!PyDict_Check(state)) {
            PyErr_SetString(PyExc_TypeError, "state is not a dictionary");
            return NULL;
        }
        Py_ssize_t i = 0;
        PyObject *d_key, *d_value;
        while (PyDict_Next(state, &i, &d_key, &d_value)) {
            /* gh-97591: the key's __hash__ may clear the dict: own both. */
            Py_INCREF(d_key);
            Py_INCREF(d_value);
            int res = PyObject_SetAttr(self, d_key, d_value);
            Py_DECREF(d_value);
            Py_DECREF(d_key);
            if (res < 0)
                return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *BaseException_with_traceback(PyObject *self, PyObject *tb)
{
    if (PyException_SetTraceback(self, tb))
        return NULL;
    return Py_NewRef(self);
}

static PyObject *BaseException_add_note(PyObject *self, PyObject *note)
{
    if (!PyUnicode_Check(note)) {
        PyErr_Format(PyExc_TypeError, "note must be a str, not '%s'", Py_TYPE(note)->tp_name);
        return NULL;
    }
    /* __notes__ lives in the instance __dict__ (as in CPython 3.11), so that it only
     * exists, and shows in dir(), once a note was added or it was assigned. */
    PyObject *notes;
    if (_PyObject_LookupAttr(self, _Py_ID(__notes__), &notes) < 0)
        return NULL;
    if (notes == NULL) {
        notes = PyList_New(0);
        if (notes == NULL)
            return NULL;
        if (PyObject_SetAttr(self, _Py_ID(__notes__), notes) < 0) {
            Py_DECREF(notes);
            return NULL;
        }
    }
    if (!PyList_Check(notes)) {
        Py_DECREF(notes);
        PyErr_SetString(PyExc_TypeError, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    int res = PyList_Append(notes, note);
    Py_DECREF(notes);
    if (res < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *BaseException_get_args(PyBaseExceptionObject *self, void *Py_UNUSED(c))
{
    if (self->args == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->args);
}

static int BaseException_set_args(PyBaseExceptionObject *self, PyObject *val, void *Py_UNUSED(c))
{
    if (val == NULL) {
        PyErr_SetString(PyExc_TypeError, "args may not be deleted");
        return -1;
    }
    PyObject *seq = PySequence_Tuple(val);
    if (seq == NULL)
        return -1;
    Py_XSETREF(self->args, seq);
    return 0;
}

static PyObject *BaseException_get_tb(PyBaseExceptionObject *self, void *Py_UNUSED(c))
{
    if (self->traceback == NULL)
        Py_RETURN_NONE;
    return Py_NewRef(self->traceback);
}

static int BaseException_set_tb(PyBaseExceptionObject *self, PyObject *tb, void *Py_UNUSED(c))
{
    if (tb == NULL) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (tb == Py_None) {
        Py_CLEAR(self->traceback);
        return 0;
    }
    if (!PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    Py_XSETREF(self->traceback, Py_NewRef(tb));
    return 0;
}

static PyObject *BaseException_get_context(PyObject *self, void *Py_UNUSED(c))
{
    PyObject *res = PyException_GetContext(self);
    return res ? res : Py_NewRef(Py_None);
}

static int BaseException_set_context(PyObject *self, PyObject *arg, void *Py_UNUSED(c))
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (arg == Py_None) {
        arg = NULL;
    } else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    } else {
        Py_INCREF(arg);
    }
    PyException_SetContext(self, arg);
    return 0;
}

static PyObject *BaseException_get_cause(PyObject *self, void *Py_UNUSED(c))
{
    PyObject *res = PyException_GetCause(self);
    return res ? res : Py_NewRef(Py_None);
}

static int BaseException_set_cause(PyObject *self, PyObject *arg, void *Py_UNUSED(c))
{
    if (arg == NULL) {
        PyErr_SetString(PyExc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (arg == Py_None) {
        arg = NULL;
    } else if (!PyExceptionInstance_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    } else {
        Py_INCREF(arg);
    }
    PyException_SetCause(self, arg);
    return 0;
}

/* ---- the C API on exception objects ---- */

PyObject *PyException_GetTraceback(PyObject *self)
{
    return Py_XNewRef(EXC(self)->traceback);
}

int PyException_SetTraceback(PyObject *self, PyObject *tb)
{
    return BaseException_set_tb(EXC(self), tb, NULL);
}

PyObject *PyException_GetCause(PyObject *self) { return Py_XNewRef(EXC(self)->cause); }

void PyException_SetCause(PyObject *self, PyObject *cause)
{
    EXC(self)->suppress_context = 1;
    Py_XSETREF(EXC(self)->cause, cause);
}

PyObject *PyException_GetContext(PyObject *self) { return Py_XNewRef(EXC(self)->context); }

void PyException_SetContext(PyObject *self, PyObject *context)
{
    Py_XSETREF(EXC(self)->context, context);
}

const char *PyExceptionClass_Name(PyObject *ob) { return ((PyTypeObject *)ob)->tp_name; }

static PyMethodDef BaseException_methods[] = {
    {"__reduce__", (PyCFunction)BaseException_reduce, METH_NOARGS, DOC_BaseException___reduce__},
    {"__setstate__", (PyCFunction)BaseException_setstate, METH_O, DOC_BaseException___setstate__},
    {"with_traceback", (PyCFunction)BaseException_with_traceback, METH_O, DOC_BaseException_with_traceback},
    {"add_note", (PyCFunction)BaseException_add_note, METH_O, DOC_BaseException_add_note},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef BaseException_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, DOC_BaseException___dict__, NULL},
    {"args", (getter)BaseException_get_args, (setter)BaseException_set_args, DOC_BaseException_args, NULL},
    {"__traceback__", (getter)BaseException_get_tb, (setter)BaseException_set_tb, DOC_BaseException___traceback__, NULL},
    {"__context__", BaseException_get_context, BaseException_set_context, DOC_BaseException___context__, NULL},
    {"__cause__", BaseException_get_cause, BaseException_set_cause, DOC_BaseException___cause__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef BaseException_members[] = {
    {"__suppress_context__", T_BOOL, offsetof(PyBaseExceptionObject, suppress_context), 0, DOC_BaseException___suppress_context__},
    {NULL, 0, 0, 0, NULL},
};

#define EXC_FLAGS (Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC | \
                   Py_TPFLAGS_BASE_EXC_SUBCLASS)

static PyTypeObject _PyExc_BaseException = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "BaseException",
    .tp_basicsize = sizeof(PyBaseExceptionObject),
    .tp_dealloc = (destructor)BaseException_dealloc,
    .tp_repr = (reprfunc)BaseException_repr,
    .tp_str = (reprfunc)BaseException_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = EXC_FLAGS,
    .tp_doc = TYPEDOC_BaseException,
    .tp_traverse = (traverseproc)BaseException_traverse,
    .tp_clear = (inquiry)BaseException_clear,
    .tp_methods = BaseException_methods,
    .tp_members = BaseException_members,
    .tp_getset = BaseException_getset,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
    .tp_init = (initproc)BaseException_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = BaseException_new,
    .tp_free = PyObject_GC_Del,
};
PyObject *PyExc_BaseException = (PyObject *)&_PyExc_BaseException;

/* A subclass that adds no state: inherits everything from its base. */
#define SimpleExtendsException(EXCBASE, EXCNAME, EXCDOC)                       \
    static PyTypeObject _PyExc_##EXCNAME = {                                    \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                  \
        .tp_name = #EXCNAME,                                                    \
        .tp_basicsize = sizeof(PyBaseExceptionObject),                          \
        .tp_dealloc = (destructor)BaseException_dealloc,                        \
        .tp_flags = EXC_FLAGS,                                                  \
        .tp_doc = EXCDOC,                                                       \
        .tp_traverse = (traverseproc)BaseException_traverse,                    \
        .tp_clear = (inquiry)BaseException_clear,                               \
        .tp_base = &_PyExc_##EXCBASE,                                           \
        .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),                 \
        .tp_init = (initproc)BaseException_init,                                \
        .tp_new = BaseException_new,                                            \
    };                                                                          \
    PyObject *PyExc_##EXCNAME = (PyObject *)&_PyExc_##EXCNAME;

/* A subclass with its own layout and slots. */
#define ComplexExtendsException(EXCBASE, EXCNAME, EXCSTORE, EXCNEW, EXCMETHODS,  \
                                EXCMEMBERS, EXCGETSET, EXCSTR, EXCDOC)           \
    static PyTypeObject _PyExc_##EXCNAME = {                                    \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                  \
        .tp_name = #EXCNAME,                                                    \
        .tp_basicsize = sizeof(Py##EXCSTORE##Object),                           \
        .tp_dealloc = (destructor)EXCSTORE##_dealloc,                           \
        .tp_str = (reprfunc)EXCSTR,                                             \
        .tp_flags = EXC_FLAGS,                                                  \
        .tp_doc = EXCDOC,                                                       \
        .tp_traverse = (traverseproc)EXCSTORE##_traverse,                       \
        .tp_clear = (inquiry)EXCSTORE##_clear,                                  \
        .tp_methods = EXCMETHODS,                                               \
        .tp_members = EXCMEMBERS,                                               \
        .tp_getset = EXCGETSET,                                                 \
        .tp_base = &_PyExc_##EXCBASE,                                           \
        .tp_dictoffset = offsetof(Py##EXCSTORE##Object, dict),                  \
        .tp_init = (initproc)EXCSTORE##_init,                                   \
        .tp_new = EXCNEW,                                                       \
    };                                                                          \
    PyObject *PyExc_##EXCNAME = (PyObject *)&_PyExc_##EXCNAME;

SimpleExtendsException(BaseException, Exception, "Common base class for all non-exit exceptions.")
SimpleExtendsException(Exception, TypeError, "Inappropriate argument type.")
SimpleExtendsException(Exception, StopAsyncIteration, "Signal the end from iterator.__anext__().")

/* ==== StopIteration ==== */

static int StopIteration_init(PyStopIterationObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) == -1)
        return -1;
    Py_CLEAR(self->value);
    self->value = Py_NewRef(PyTuple_GET_SIZE(args) > 0 ? PyTuple_GET_ITEM(args, 0) : Py_None);
    return 0;
}

static int StopIteration_clear(PyStopIterationObject *self)
{
    Py_CLEAR(self->value);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void StopIteration_dealloc(PyStopIterationObject *self)
{
    PyObject_GC_UnTrack(self);
    StopIteration_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int StopIteration_traverse(PyStopIterationObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->value);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef StopIteration_members[] = {
    {"value", T_OBJECT, offsetof(PyStopIterationObject, value), 0, DOC_StopIteration_value},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(Exception, StopIteration, StopIteration, 0, 0,
                        StopIteration_members, 0, 0, "Signal the end from iterator.__next__().")

SimpleExtendsException(BaseException, GeneratorExit, "Request that a generator exit.")

/* ==== SystemExit ==== */

static int SystemExit_init(PySystemExitObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t size = PyTuple_GET_SIZE(args);
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) == -1)
        return -1;
    if (size == 0)
        return 0;
    if (size == 1)
        Py_XSETREF(self->code, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    else
        Py_XSETREF(self->code, Py_NewRef(args));
    return 0;
}

static int SystemExit_clear(PySystemExitObject *self)
{
    Py_CLEAR(self->code);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void SystemExit_dealloc(PySystemExitObject *self)
{
    PyObject_GC_UnTrack(self);
    SystemExit_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int SystemExit_traverse(PySystemExitObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->code);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef SystemExit_members[] = {
    {"code", T_OBJECT, offsetof(PySystemExitObject, code), 0, DOC_SystemExit_code},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(BaseException, SystemExit, SystemExit, 0, 0,
                        SystemExit_members, 0, 0, "Request to exit from the interpreter.")

/* ==== BaseExceptionGroup ==== */

static int BaseExceptionGroup_init(PyBaseExceptionGroupObject *self, PyObject *args, PyObject *kwds)
{
    if (!no_keywords((PyObject *)self, kwds))
        return -1;
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) == -1)
        return -1;
    return 0;
}

static PyObject *BaseExceptionGroup_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *message = NULL, *exceptions = NULL;
    if (!PyArg_ParseTuple(args, "UO:BaseExceptionGroup.__new__", &message, &exceptions))
        return NULL;
    if (!PySequence_Check(exceptions)) {
        PyErr_SetString(PyExc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    exceptions = PySequence_Tuple(exceptions);
    if (exceptions == NULL)
        return NULL;
    Py_ssize_t numexcs = PyTuple_GET_SIZE(exceptions);
    if (numexcs == 0) {
        PyErr_SetString(PyExc_ValueError, "second argument (exceptions) must be a non-empty sequence");
        goto error;
    }
    int nested_base_exceptions = 0;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *exc = PyTuple_GET_ITEM(exceptions, i);
        if (!PyExceptionInstance_Check(exc)) {
            PyErr_Format(PyExc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
            goto error;
        }
        if (!PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_Exception))
            nested_base_exceptions = 1;
    }
    PyTypeObject *cls = type;
    if (cls == (PyTypeObject *)PyExc_ExceptionGroup) {
        if (nested_base_exceptions) {
            PyErr_SetString(PyExc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            goto error;
        }
    } else if (cls == (PyTypeObject *)PyExc_BaseExceptionGroup) {
        if (!nested_base_exceptions)
            cls = (PyTypeObject *)PyExc_ExceptionGroup;  /* all are Exceptions */
    } else {
        /* A user-defined subclass. */
        if (nested_base_exceptions && PyType_IsSubtype(cls, (PyTypeObject *)PyExc_Exception)) {
            PyErr_Format(PyExc_TypeError, "Cannot nest BaseExceptions in '%.200s'", cls->tp_name);
            goto error;
        }
    }
    PyBaseExceptionGroupObject *self =
        (PyBaseExceptionGroupObject *)BaseException_new(cls, args, kwds);
    if (self == NULL)
        goto error;
    self->msg = Py_NewRef(message);
    self->excs = exceptions;
    return (PyObject *)self;
error:
    Py_DECREF(exceptions);
    return NULL;
}

PyObject *_PyExc_CreateExceptionGroup(const char *msg_str, PyObject *excs)
{
    PyObject *msg = PyUnicode_FromString(msg_str);
    if (msg == NULL)
        return NULL;
    PyObject *args = PyTuple_Pack(2, msg, excs);
    Py_DECREF(msg);
    if (args == NULL)
        return NULL;
    PyObject *result = PyObject_CallObject(PyExc_BaseExceptionGroup, args);
    Py_DECREF(args);
    return result;
}

static int BaseExceptionGroup_clear(PyBaseExceptionGroupObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->excs);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void BaseExceptionGroup_dealloc(PyBaseExceptionGroupObject *self)
{
    PyObject_GC_UnTrack(self);
    BaseExceptionGroup_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int BaseExceptionGroup_traverse(PyBaseExceptionGroupObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->excs);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyObject *BaseExceptionGroup_str(PyBaseExceptionGroupObject *self)
{
    Py_ssize_t num_excs = PyTuple_Size(self->excs);
    return PyUnicode_FromFormat("%S (%zd sub-exception%s)", self->msg, num_excs,
                                num_excs > 1 ? "s" : "");
}

static PyObject *BaseExceptionGroup_derive(PyObject *self_, PyObject *excs)
{
    PyBaseExceptionGroupObject *self = (PyBaseExceptionGroupObject *)self_;
    PyObject *init_args = PyTuple_Pack(2, self->msg, excs);
    if (!init_args)
        return NULL;
    PyObject *eg = PyObject_CallObject(PyExc_BaseExceptionGroup, init_args);
    Py_DECREF(init_args);
    return eg;
}

static int exceptiongroup_subset(PyBaseExceptionGroupObject *orig, PyObject *excs, PyObject **result)
{
    /* Sets *result to an ExceptionGroup wrapping excs with metadata from orig. */
    *result = NULL;
    Py_ssize_t num_excs = PySequence_Size(excs);
    if (num_excs < 0)
        return -1;
    if (num_excs == 0)
        return 0;
    PyObject *eg = PyObject_CallMethod((PyObject *)orig, "derive", "(O)", excs);
    if (eg == NULL)
        return -1;
    if (!_PyBaseExceptionGroup_Check(eg)) {
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        goto error;
    }
    /* Copy the metadata: traceback, context, cause, notes. */
    PyObject *tb = PyException_GetTraceback((PyObject *)orig);
    if (tb) {
        int res = PyException_SetTraceback(eg, tb);
        Py_DECREF(tb);
        if (res < 0)
            goto error;
    }
    PyException_SetContext(eg, PyException_GetContext((PyObject *)orig));
    PyException_SetCause(eg, PyException_GetCause((PyObject *)orig));
    EXC(eg)->suppress_context = EXC(orig)->suppress_context;
    PyObject *notes;
    if (_PyObject_LookupAttr((PyObject *)orig, _Py_ID(__notes__), &notes) < 0)
        goto error;
    if (notes != NULL) {
        if (PySequence_Check(notes)) {
            /* a copy, so that the parts have independent notes lists */
            PyObject *notes_copy = PySequence_List(notes);
            Py_DECREF(notes);
            if (notes_copy == NULL)
                goto error;
            int res = PyObject_SetAttr(eg, _Py_ID(__notes__), notes_copy);
            Py_DECREF(notes_copy);
            if (res < 0)
                goto error;
        } else {
            Py_DECREF(notes);
        }
    }
    *result = eg;
    return 0;
error:
    Py_DECREF(eg);
    return -1;
}

typedef enum {
    EXCEPTION_GROUP_MATCH_BY_TYPE = 0,      /* exception type or tuple of types */
    EXCEPTION_GROUP_MATCH_BY_PREDICATE = 1, /* a callable */
    EXCEPTION_GROUP_MATCH_INSTANCE_IDS = 2, /* a set of id()s of leaf exceptions */
} _exceptiongroup_split_matcher_type;

static int get_matcher_type(PyObject *value, _exceptiongroup_split_matcher_type *type)
{
    if (PyCallable_Check(value) && !PyType_Check(value)) {
        *type = EXCEPTION_GROUP_MATCH_BY_PREDICATE;
        return 0;
    }
    if (PyExceptionClass_Check(value)) {
        *type = EXCEPTION_GROUP_MATCH_BY_TYPE;
        return 0;
    }
    if (PyTuple_CheckExact(value)) {
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(value, i)))
                goto error;
        }
        *type = EXCEPTION_GROUP_MATCH_BY_TYPE;
        return 0;
    }
error:
    PyErr_SetString(PyExc_TypeError,
                    "expected an exception type, a tuple of exception types, or a callable (other than a class)");
    return -1;
}

static int exceptiongroup_split_check_match(PyObject *exc, _exceptiongroup_split_matcher_type matcher_type,
                                            PyObject *matcher_value)
{
    switch (matcher_type) {
    case EXCEPTION_GROUP_MATCH_BY_TYPE:
        return PyErr_GivenExceptionMatches(exc, matcher_value);
    case EXCEPTION_GROUP_MATCH_BY_PREDICATE: {
        PyObject *exc_matches = PyObject_CallOneArg(matcher_value, exc);
        if (exc_matches == NULL)
            return -1;
        int is_true = PyObject_IsTrue(exc_matches);
        Py_DECREF(exc_matches);
        return is_true;
    }
    case EXCEPTION_GROUP_MATCH_INSTANCE_IDS:
        if (PySet_Check(matcher_value)) {
            PyObject *exc_id = PyLong_FromVoidPtr(exc);
            if (exc_id == NULL)
                return -1;
            int res = PySet_Contains(matcher_value, exc_id);
            Py_DECREF(exc_id);
            return res;
        }
        return 0;
    }
    return 0;
}

typedef struct {
    PyObject *match;
    PyObject *rest;
} _exceptiongroup_split_result;

static int exceptiongroup_split_recursive(PyObject *exc, _exceptiongroup_split_matcher_type matcher_type,
                                          PyObject *matcher_value, int construct_rest,
                                          _exceptiongroup_split_result *result)
{
    result->match = result->rest = NULL;
    int is_match = exceptiongroup_split_check_match(exc, matcher_type, matcher_value);
    if (is_match < 0)
        return -1;
    if (is_match) {
        result->match = Py_NewRef(exc);
        return 0;
    }
    if (!_PyBaseExceptionGroup_Check(exc)) {
        if (construct_rest)
            result->rest = Py_NewRef(exc);
        return 0;
    }
    PyBaseExceptionGroupObject *eg = (PyBaseExceptionGroupObject *)exc;
    Py_ssize_t num_excs = PyTuple_Size(eg->excs);
    if (num_excs < 0)
        return -1;
    int retval = -1;
    PyObject *match_list = PyList_New(0), *rest_list = NULL;
    if (match_list == NULL)
        return -1;
    if (construct_rest && (rest_list = PyList_New(0)) == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < num_excs; i++) {
        PyObject *e = PyTuple_GET_ITEM(eg->excs, i);
        _exceptiongroup_split_result rec_result;
        if (Py_EnterRecursiveCall(" in exceptiongroup_split_recursive"))
            goto done;
        int r = exceptiongroup_split_recursive(e, matcher_type, matcher_value, construct_rest, &rec_result);
        Py_LeaveRecursiveCall();
        if (r < 0)
            goto done;
        if (rec_result.match && PyList_Append(match_list, rec_result.match) < 0) {
            Py_XDECREF(rec_result.match);
            Py_XDECREF(rec_result.rest);
            goto done;
        }
        Py_XDECREF(rec_result.match);
        if (rec_result.rest) {
            int ar = PyList_Append(rest_list, rec_result.rest);
            Py_DECREF(rec_result.rest);
            if (ar < 0)
                goto done;
        }
    }
    if (exceptiongroup_subset(eg, match_list, &result->match) < 0)
        goto done;
    if (construct_rest && exceptiongroup_subset(eg, rest_list, &result->rest) < 0) {
        Py_CLEAR(result->match);
        goto done;
    }
    retval = 0;
done:
    Py_DECREF(match_list);
    Py_XDECREF(rest_list);
    return retval;
}

static PyObject *BaseExceptionGroup_split(PyObject *self, PyObject *matcher_value)
{
    _exceptiongroup_split_matcher_type matcher_type;
    if (get_matcher_type(matcher_value, &matcher_type) < 0)
        return NULL;
    _exceptiongroup_split_result split_result;
    if (exceptiongroup_split_recursive(self, matcher_type, matcher_value, 1, &split_result) < 0)
        return NULL;
    PyObject *result = PyTuple_Pack(2, split_result.match ? split_result.match : Py_None,
                                    split_result.rest ? split_result.rest : Py_None);
    Py_XDECREF(split_result.match);
    Py_XDECREF(split_result.rest);
    return result;
}

static PyObject *BaseExceptionGroup_subgroup(PyObject *self, PyObject *matcher_value)
{
    _exceptiongroup_split_matcher_type matcher_type;
    if (get_matcher_type(matcher_value, &matcher_type) < 0)
        return NULL;
    _exceptiongroup_split_result split_result;
    if (exceptiongroup_split_recursive(self, matcher_type, matcher_value, 0, &split_result) < 0)
        return NULL;
    PyObject *result = split_result.match ? split_result.match : Py_NewRef(Py_None);
    return result;
}

int _PyBaseExceptionGroup_Split(PyObject *eg, PyObject *matcher, PyObject **match, PyObject **rest)
{
    _exceptiongroup_split_matcher_type matcher_type;
    if (get_matcher_type(matcher, &matcher_type) < 0)
        return -1;
    _exceptiongroup_split_result r;
    if (exceptiongroup_split_recursive(eg, matcher_type, matcher, 1, &r) < 0)
        return -1;
    *match = r.match;
    *rest = r.rest;
    return 0;
}

/* ---- except*: combine the raised and re-raised exceptions of the handlers ---- */

static int collect_exception_group_leaf_ids(PyObject *exc, PyObject *leaf_ids)
{
    if (Py_IsNone(exc))
        return 0;
    if (!_PyBaseExceptionGroup_Check(exc)) {
        PyObject *exc_id = PyLong_FromVoidPtr(exc);
        if (exc_id == NULL)
            return -1;
        int res = PySet_Add(leaf_ids, exc_id);
        Py_DECREF(exc_id);
        return res;
    }
    PyBaseExceptionGroupObject *eg = (PyBaseExceptionGroupObject *)exc;
    Py_ssize_t num_excs = PyTuple_GET_SIZE(eg->excs);
    for (Py_ssize_t i = 0; i < num_excs; i++) {
        if (Py_EnterRecursiveCall(" in collect_exception_group_leaf_ids"))
            return -1;
        int res = collect_exception_group_leaf_ids(PyTuple_GET_ITEM(eg->excs, i), leaf_ids);
        Py_LeaveRecursiveCall();
        if (res < 0)
            return -1;
    }
    return 0;
}

/* The part of eg whose leaves are in `keep`'s leaves (a list of exceptions). */
static int exception_group_projection(PyObject *eg, PyObject *keep, PyObject **result)
{
    PyObject *leaf_ids = PySet_New(NULL);
    if (!leaf_ids)
        return -1;
    Py_ssize_t n = PyList_GET_SIZE(keep);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (collect_exception_group_leaf_ids(PyList_GET_ITEM(keep, i), leaf_ids) < 0) {
            Py_DECREF(leaf_ids);
            return -1;
        }
    }
    _exceptiongroup_split_result split_result;
    int err = exceptiongroup_split_recursive(eg, EXCEPTION_GROUP_MATCH_INSTANCE_IDS, leaf_ids, 0, &split_result);
    Py_DECREF(leaf_ids);
    if (err < 0)
        return -1;
    *result = split_result.match ? split_result.match : Py_NewRef(Py_None);
    return 0;
}

static int is_same_exception_metadata(PyObject *exc1, PyObject *exc2)
{
    PyBaseExceptionObject *e1 = EXC(exc1), *e2 = EXC(exc2);
    return e1->notes == e2->notes && e1->traceback == e2->traceback &&
           e1->cause == e2->cause && e1->context == e2->context;
}

PyObject *_PyExc_PrepReraiseStar(PyObject *orig, PyObject *excs)
{
    Py_ssize_t numexcs = PyList_GET_SIZE(excs);
    if (numexcs == 0)
        return Py_NewRef(Py_None);
    if (!_PyBaseExceptionGroup_Check(orig)) {
        /* A naked exception was caught and wrapped: only one except* clause ran. */
        PyObject *e = PyList_GET_ITEM(excs, 0);
        return Py_NewRef(e);
    }
    PyObject *raised_list = NULL, *reraised_list = NULL, *result = NULL, *reraised_eg = NULL;
    raised_list = PyList_New(0);
    reraised_list = PyList_New(0);
    if (raised_list == NULL || reraised_list == NULL)
        goto done;
    for (Py_ssize_t i = 0; i < numexcs; i++) {
        PyObject *e = PyList_GET_ITEM(excs, i);
        if (Py_IsNone(e))
            continue;
        int is_reraise = is_same_exception_metadata(e, orig);
        if (PyList_Append(is_reraise ? reraised_list : raised_list, e) < 0)
            goto done;
    }
    if (exception_group_projection(orig, reraised_list, &reraised_eg) < 0)
        goto done;
    Py_ssize_t num_raised = PyList_GET_SIZE(raised_list);
    if (num_raised == 0) {
        result = Py_NewRef(reraised_eg);
    } else {
        if (!Py_IsNone(reraised_eg) && PyList_Append(raised_list, reraised_eg) < 0)
            goto done;
        /* 3.11 wraps even a single raised exception (3.12 stopped doing so) */
        result = _PyExc_CreateExceptionGroup("", raised_list);
    }
done:
    Py_XDECREF(raised_list);
    Py_XDECREF(reraised_list);
    Py_XDECREF(reraised_eg);
    return result;
}

static PyMemberDef BaseExceptionGroup_members[] = {
    {"message", T_OBJECT, offsetof(PyBaseExceptionGroupObject, msg), READONLY, DOC_BaseExceptionGroup_message},
    {"exceptions", T_OBJECT, offsetof(PyBaseExceptionGroupObject, excs), READONLY, DOC_BaseExceptionGroup_exceptions},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef BaseExceptionGroup_methods[] = {
    {"derive", (PyCFunction)BaseExceptionGroup_derive, METH_O, DOC_BaseExceptionGroup_derive},
    {"split", (PyCFunction)BaseExceptionGroup_split, METH_O, DOC_BaseExceptionGroup_split},
    {"subgroup", (PyCFunction)BaseExceptionGroup_subgroup, METH_O, DOC_BaseExceptionGroup_subgroup},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_BaseExceptionGroup___class_getitem__},
    {NULL, NULL, 0, NULL},
};

ComplexExtendsException(BaseException, BaseExceptionGroup, BaseExceptionGroup, BaseExceptionGroup_new,
                        BaseExceptionGroup_methods, BaseExceptionGroup_members, 0,
                        BaseExceptionGroup_str, "A combination of multiple unrelated exceptions.")

/* ExceptionGroup(BaseExceptionGroup, Exception): made at start-up, it has two bases. */
static PyTypeObject _PyExc_ExceptionGroup = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ExceptionGroup",
    .tp_basicsize = sizeof(PyBaseExceptionGroupObject),
    .tp_dealloc = (destructor)BaseExceptionGroup_dealloc,
    .tp_flags = EXC_FLAGS,
    .tp_traverse = (traverseproc)BaseExceptionGroup_traverse,
    .tp_clear = (inquiry)BaseExceptionGroup_clear,
    .tp_base = &_PyExc_BaseExceptionGroup,
    .tp_dictoffset = offsetof(PyBaseExceptionGroupObject, dict),
};
PyObject *PyExc_ExceptionGroup = (PyObject *)&_PyExc_ExceptionGroup;

SimpleExtendsException(BaseException, KeyboardInterrupt, "Program interrupted by user.")

/* ==== ImportError ==== */

static int ImportError_init(PyImportErrorObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "path", 0};
    PyObject *empty_tuple, *msg = NULL, *name = NULL, *path = NULL;
    if (BaseException_init((PyBaseExceptionObject *)self, args, NULL) == -1)
        return -1;
    empty_tuple = PyTuple_New(0);
    if (!empty_tuple)
        return -1;
    if (!PyArg_ParseTupleAndKeywords(empty_tuple, kwds, "|$OO:ImportError", kwlist, &name, &path)) {
        Py_DECREF(empty_tuple);
        return -1;
    }
    Py_DECREF(empty_tuple);
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->path, Py_XNewRef(path));
    if (PyTuple_GET_SIZE(args) == 1)
        msg = Py_NewRef(PyTuple_GET_ITEM(args, 0));
    Py_XSETREF(self->msg, msg);
    return 0;
}

static int ImportError_clear(PyImportErrorObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->name);
    Py_CLEAR(self->path);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void ImportError_dealloc(PyImportErrorObject *self)
{
    PyObject_GC_UnTrack(self);
    ImportError_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int ImportError_traverse(PyImportErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->name);
    Py_VISIT(self->path);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyObject *ImportError_str(PyImportErrorObject *self)
{
    if (self->msg && PyUnicode_CheckExact(self->msg))
        return Py_NewRef(self->msg);
    return BaseException_str((PyBaseExceptionObject *)self);
}

static PyObject *ImportError_getstate(PyImportErrorObject *self)
{
    PyObject *dict = ((PyBaseExceptionObject *)self)->dict;
    if (self->name || self->path) {
        dict = dict ? PyDict_Copy(dict) : PyDict_New();
        if (dict == NULL)
            return NULL;
        if (self->name && PyDict_SetItemString(dict, "name", self->name) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        if (self->path && PyDict_SetItemString(dict, "path", self->path) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        return dict;
    }
    if (dict)
        return Py_NewRef(dict);
    Py_RETURN_NONE;
}

static PyObject *ImportError_reduce(PyImportErrorObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = ((PyBaseExceptionObject *)self)->args;
    PyObject *state = ImportError_getstate(self);
    if (state == NULL)
        return NULL;
    PyObject *res;
    if (state == Py_None)
        res = PyTuple_Pack(2, Py_TYPE(self), args);
    else
        res = PyTuple_Pack(3, Py_TYPE(self), args, state);
    Py_DECREF(state);
    return res;
}

static PyMemberDef ImportError_members[] = {
    {"msg", T_OBJECT, offsetof(PyImportErrorObject, msg), 0, DOC_ImportError_msg},
    {"name", T_OBJECT, offsetof(PyImportErrorObject, name), 0, DOC_ImportError_name},
    {"path", T_OBJECT, offsetof(PyImportErrorObject, path), 0, DOC_ImportError_path},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef ImportError_methods[] = {
    {"__reduce__", (PyCFunction)ImportError_reduce, METH_NOARGS, DOC_ImportError___reduce__},
    {NULL, NULL, 0, NULL},
};

ComplexExtendsException(Exception, ImportError, ImportError, 0, ImportError_methods,
                        ImportError_members, 0, ImportError_str,
                        "Import can't find module, or can't find name in module.")

static PyTypeObject _PyExc_ModuleNotFoundError = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ModuleNotFoundError",
    .tp_basicsize = sizeof(PyImportErrorObject),
    .tp_dealloc = (destructor)ImportError_dealloc,
    .tp_flags = EXC_FLAGS,
    .tp_doc = TYPEDOC_ModuleNotFoundError,
    .tp_traverse = (traverseproc)ImportError_traverse,
    .tp_clear = (inquiry)ImportError_clear,
    .tp_base = &_PyExc_ImportError,
    .tp_dictoffset = offsetof(PyImportErrorObject, dict),
    .tp_init = (initproc)ImportError_init,
};
PyObject *PyExc_ModuleNotFoundError = (PyObject *)&_PyExc_ModuleNotFoundError;

/* ==== OSError: errno picks the subclass ==== */

static PyObject *errnomap = NULL;   /* errno int -> subclass */

/* Parse (errno, strerror[, filename[, winerror[, filename2]]]). */
static int oserror_parse_args(PyObject **p_args, PyObject **myerrno, PyObject **strerror,
                              PyObject **filename, PyObject **filename2)
{
    PyObject *args = *p_args;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs >= 2 && nargs <= 5) {
        PyObject *winerror = NULL;
        if (!PyArg_UnpackTuple(args, "OSError", 2, 5, myerrno, strerror, filename, &winerror, filename2))
            return -1;
    }
    return 0;
}

static int oserror_init(PyOSErrorObject *self, PyObject **p_args, PyObject *myerrno,
                        PyObject *strerror, PyObject *filename, PyObject *filename2)
{
    PyObject *args = *p_args;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (filename && filename != Py_None) {
        if (Py_IS_TYPE(self, (PyTypeObject *)PyExc_BlockingIOError) && PyNumber_Check(filename)) {
            /* BlockingIOError's 3rd argument can be the number of characters written. */
            self->written = PyNumber_AsSsize_t(filename, PyExc_ValueError);
            if (self->written == -1 && PyErr_Occurred())
                return -1;
        } else {
            self->filename = Py_NewRef(filename);
            if (filename2 && filename2 != Py_None)
                self->filename2 = Py_NewRef(filename2);
            if (nargs >= 2 && nargs <= 5) {
                /* args becomes (errno, strerror) as CPython keeps it. */
                PyObject *subslice = PyTuple_GetSlice(args, 0, 2);
                if (!subslice)
                    return -1;
                Py_DECREF(args);
                *p_args = args = subslice;
            }
        }
    }
    self->myerrno = Py_XNewRef(myerrno);
    self->strerror = Py_XNewRef(strerror);
    Py_XSETREF(self->args, args);
    *p_args = args = NULL;
    return 0;
}

static PyObject *OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
static int OSError_init(PyOSErrorObject *self, PyObject *args, PyObject *kwds);

static int oserror_init_in_init(PyTypeObject *type)
{
    return type->tp_init != (initproc)OSError_init && type->tp_new == OSError_new;
}

static PyObject *OSError_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyOSErrorObject *self = NULL;
    PyObject *myerrno = NULL, *strerror = NULL, *filename = NULL, *filename2 = NULL;
    Py_INCREF(args);
    if (!oserror_init_in_init(type)) {
        if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
            PyErr_Format(PyExc_TypeError, "%s() takes no keyword arguments", type->tp_name);
            goto error;
        }
        if (oserror_parse_args(&args, &myerrno, &strerror, &filename, &filename2))
            goto error;
        if (myerrno && PyLong_Check(myerrno) && errnomap && type == (PyTypeObject *)PyExc_OSError) {
            PyObject *newtype = PyDict_GetItemWithError(errnomap, myerrno);
            if (newtype) {
                type = (PyTypeObject *)newtype;
            } else if (PyErr_Occurred()) {
                goto error;
            }
        }
    }
    self = (PyOSErrorObject *)type->tp_alloc(type, 0);
    if (!self)
        goto error;
    self->dict = NULL;
    self->traceback = self->cause = self->context = self->notes = NULL;
    self->written = -1;
    if (!oserror_init_in_init(type)) {
        if (oserror_init(self, &args, myerrno, strerror, filename, filename2))
            goto error;
    } else {
        self->args = PyTuple_New(0);
        if (self->args == NULL)
            goto error;
    }
    Py_XDECREF(args);
    return (PyObject *)self;
error:
    Py_XDECREF(args);
    Py_XDECREF(self);
    return NULL;
}

static int OSError_init(PyOSErrorObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *myerrno = NULL, *strerror = NULL, *filename = NULL, *filename2 = NULL;
    if (!oserror_init_in_init(Py_TYPE(self)))
        return 0;   /* everything was done in __new__ */
    if (!no_keywords((PyObject *)self, kwds))
        return -1;
    Py_INCREF(args);
    if (oserror_parse_args(&args, &myerrno, &strerror, &filename, &filename2))
        goto error;
    if (oserror_init(self, &args, myerrno, strerror, filename, filename2))
        goto error;
    return 0;
error:
    Py_DECREF(args);
    return -1;
}

static int OSError_clear(PyOSErrorObject *self)
{
    Py_CLEAR(self->myerrno);
    Py_CLEAR(self->strerror);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->filename2);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void OSError_dealloc(PyOSErrorObject *self)
{
    PyObject_GC_UnTrack(self);
    OSError_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int OSError_traverse(PyOSErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->myerrno);
    Py_VISIT(self->strerror);
    Py_VISIT(self->filename);
    Py_VISIT(self->filename2);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyObject *OSError_str(PyOSErrorObject *self)
{
#define OR_NONE(x) ((x) ? (x) : Py_None)
    if (self->filename) {
        if (self->filename2)
            return PyUnicode_FromFormat("[Errno %S] %S: %R -> %R", OR_NONE(self->myerrno),
                                        OR_NONE(self->strerror), self->filename, self->filename2);
        return PyUnicode_FromFormat("[Errno %S] %S: %R", OR_NONE(self->myerrno),
                                    OR_NONE(self->strerror), self->filename);
    }
    if (self->myerrno && self->strerror)
        return PyUnicode_FromFormat("[Errno %S] %S", self->myerrno, self->strerror);
    return BaseException_str((PyBaseExceptionObject *)self);
#undef OR_NONE
}

static PyObject *OSError_reduce(PyOSErrorObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *args = self->args, *res;
    if (PyTuple_GET_SIZE(args) == 2 && self->filename) {
        Py_ssize_t size = self->filename2 ? 5 : 3;
        args = PyTuple_New(size);
        if (!args)
            return NULL;
        PyTuple_SET_ITEM(args, 0, Py_NewRef(PyTuple_GET_ITEM(self->args, 0)));
        PyTuple_SET_ITEM(args, 1, Py_NewRef(PyTuple_GET_ITEM(self->args, 1)));
        PyTuple_SET_ITEM(args, 2, Py_NewRef(self->filename));
        if (self->filename2) {
            PyTuple_SET_ITEM(args, 3, Py_NewRef(Py_None));
            PyTuple_SET_ITEM(args, 4, Py_NewRef(self->filename2));
        }
    } else {
        Py_INCREF(args);
    }
    if (self->dict)
        res = PyTuple_Pack(3, Py_TYPE(self), args, self->dict);
    else
        res = PyTuple_Pack(2, Py_TYPE(self), args);
    Py_DECREF(args);
    return res;
}

static PyObject *OSError_written_get(PyOSErrorObject *self, void *context)
{
    if (self->written == -1) {
        PyErr_SetString(PyExc_AttributeError, "characters_written");
        return NULL;
    }
    return PyLong_FromSsize_t(self->written);
}

static int OSError_written_set(PyOSErrorObject *self, PyObject *arg, void *context)
{
    if (arg == NULL) {
        if (self->written == -1) {
            PyErr_SetString(PyExc_AttributeError, "characters_written");
            return -1;
        }
        self->written = -1;
        return 0;
    }
    Py_ssize_t n = PyNumber_AsSsize_t(arg, PyExc_ValueError);
    if (n == -1 && PyErr_Occurred())
        return -1;
    self->written = n;
    return 0;
}

static PyMemberDef OSError_members[] = {
    {"errno", T_OBJECT, offsetof(PyOSErrorObject, myerrno), 0, DOC_OSError_errno},
    {"strerror", T_OBJECT, offsetof(PyOSErrorObject, strerror), 0, DOC_OSError_strerror},
    {"filename", T_OBJECT, offsetof(PyOSErrorObject, filename), 0, DOC_OSError_filename},
    {"filename2", T_OBJECT, offsetof(PyOSErrorObject, filename2), 0, DOC_OSError_filename2},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef OSError_methods[] = {
    {"__reduce__", (PyCFunction)OSError_reduce, METH_NOARGS, DOC_OSError___reduce__},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef OSError_getset[] = {
    {"characters_written", (getter)OSError_written_get, (setter)OSError_written_set, DOC_OSError_characters_written, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

ComplexExtendsException(Exception, OSError, OSError, OSError_new, OSError_methods, OSError_members,
                        OSError_getset, OSError_str, "Base class for I/O related errors.")

#define MiddlingExtendsException(EXCBASE, EXCNAME, EXCSTORE, EXCDOC)             \
    static PyTypeObject _PyExc_##EXCNAME = {                                    \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                  \
        .tp_name = #EXCNAME,                                                    \
        .tp_basicsize = sizeof(Py##EXCSTORE##Object),                           \
        .tp_dealloc = (destructor)EXCSTORE##_dealloc,                           \
        .tp_flags = EXC_FLAGS,                                                  \
        .tp_doc = EXCDOC,                                                       \
        .tp_traverse = (traverseproc)EXCSTORE##_traverse,                       \
        .tp_clear = (inquiry)EXCSTORE##_clear,                                  \
        .tp_base = &_PyExc_##EXCBASE,                                           \
        .tp_dictoffset = offsetof(Py##EXCSTORE##Object, dict),                  \
        .tp_init = (initproc)EXCSTORE##_init,                                   \
    };                                                                          \
    PyObject *PyExc_##EXCNAME = (PyObject *)&_PyExc_##EXCNAME;

MiddlingExtendsException(OSError, BlockingIOError, OSError, "I/O operation would block.")
MiddlingExtendsException(OSError, ConnectionError, OSError, "Connection error.")
MiddlingExtendsException(OSError, ChildProcessError, OSError, "Child process error.")
MiddlingExtendsException(ConnectionError, BrokenPipeError, OSError, "Broken pipe.")
MiddlingExtendsException(ConnectionError, ConnectionAbortedError, OSError, "Connection aborted.")
MiddlingExtendsException(ConnectionError, ConnectionRefusedError, OSError, "Connection refused.")
MiddlingExtendsException(ConnectionError, ConnectionResetError, OSError, "Connection reset.")
MiddlingExtendsException(OSError, FileExistsError, OSError, "File already exists.")
MiddlingExtendsException(OSError, FileNotFoundError, OSError, "File not found.")
MiddlingExtendsException(OSError, IsADirectoryError, OSError, "Operation doesn't work on directories.")
MiddlingExtendsException(OSError, NotADirectoryError, OSError, "Operation only works on directories.")
MiddlingExtendsException(OSError, InterruptedError, OSError, "Interrupted by signal.")
MiddlingExtendsException(OSError, PermissionError, OSError, "Not enough permissions.")
MiddlingExtendsException(OSError, ProcessLookupError, OSError, "Process not found.")
MiddlingExtendsException(OSError, TimeoutError, OSError, "Timeout expired.")

SimpleExtendsException(Exception, EOFError, "Read beyond end of file.")
SimpleExtendsException(Exception, RuntimeError, "Unspecified run-time error.")
SimpleExtendsException(RuntimeError, RecursionError, "Recursion limit exceeded.")
SimpleExtendsException(RuntimeError, NotImplementedError, "Method or function hasn't been implemented yet.")

/* ==== NameError, AttributeError: keyword-only name (and obj) ==== */

static int NameError_init(PyNameErrorObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", NULL};
    PyObject *name = NULL;
    if (BaseException_init((PyBaseExceptionObject *)self, args, NULL) == -1)
        return -1;
    PyObject *empty_tuple = PyTuple_New(0);
    if (!empty_tuple)
        return -1;
    if (!PyArg_ParseTupleAndKeywords(empty_tuple, kwds, "|$O:NameError", kwlist, &name)) {
        Py_DECREF(empty_tuple);
        return -1;
    }
    Py_DECREF(empty_tuple);
    Py_XSETREF(self->name, Py_XNewRef(name));
    return 0;
}

static int NameError_clear(PyNameErrorObject *self)
{
    Py_CLEAR(self->name);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void NameError_dealloc(PyNameErrorObject *self)
{
    PyObject_GC_UnTrack(self);
    NameError_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int NameError_traverse(PyNameErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->name);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef NameError_members[] = {
    {"name", T_OBJECT, offsetof(PyNameErrorObject, name), 0, DOC_NameError_name},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(Exception, NameError, NameError, 0, 0, NameError_members, 0,
                        BaseException_str, "Name not found globally.")
MiddlingExtendsException(NameError, UnboundLocalError, NameError, "Local name referenced but not bound to a value.")

static int AttributeError_init(PyAttributeErrorObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"name", "obj", NULL};
    PyObject *name = NULL, *obj = NULL;
    if (BaseException_init((PyBaseExceptionObject *)self, args, NULL) == -1)
        return -1;
    PyObject *empty_tuple = PyTuple_New(0);
    if (!empty_tuple)
        return -1;
    if (!PyArg_ParseTupleAndKeywords(empty_tuple, kwds, "|$OO:AttributeError", kwlist, &name, &obj)) {
        Py_DECREF(empty_tuple);
        return -1;
    }
    Py_DECREF(empty_tuple);
    Py_XSETREF(self->name, Py_XNewRef(name));
    Py_XSETREF(self->obj, Py_XNewRef(obj));
    return 0;
}

static int AttributeError_clear(PyAttributeErrorObject *self)
{
    Py_CLEAR(self->obj);
    Py_CLEAR(self->name);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void AttributeError_dealloc(PyAttributeErrorObject *self)
{
    PyObject_GC_UnTrack(self);
    AttributeError_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int AttributeError_traverse(PyAttributeErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->obj);
    Py_VISIT(self->name);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef AttributeError_members[] = {
    {"name", T_OBJECT, offsetof(PyAttributeErrorObject, name), 0, DOC_AttributeError_name},
    {"obj", T_OBJECT, offsetof(PyAttributeErrorObject, obj), 0, DOC_AttributeError_obj},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(Exception, AttributeError, AttributeError, 0, 0,
                        AttributeError_members, 0, BaseException_str, "Attribute not found.")

/* ==== SyntaxError ==== */

static int SyntaxError_init(PySyntaxErrorObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *info = NULL;
    Py_ssize_t lenargs = PyTuple_GET_SIZE(args);
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) == -1)
        return -1;
    if (lenargs >= 1)
        Py_XSETREF(self->msg, Py_NewRef(PyTuple_GET_ITEM(args, 0)));
    if (lenargs == 2) {
        info = PySequence_Tuple(PyTuple_GET_ITEM(args, 1));
        if (!info)
            return -1;
        self->end_lineno = NULL;
        self->end_offset = NULL;
        if (!PyArg_ParseTuple(info, "OOOO|OO", &self->filename, &self->lineno, &self->offset,
                              &self->text, &self->end_lineno, &self->end_offset)) {
            Py_DECREF(info);
            return -1;
        }
        Py_INCREF(self->filename);
        Py_INCREF(self->lineno);
        Py_INCREF(self->offset);
        Py_INCREF(self->text);
        Py_XINCREF(self->end_lineno);
        Py_XINCREF(self->end_offset);
        Py_DECREF(info);
        if (self->end_lineno != NULL && self->end_offset == NULL) {
            PyErr_SetString(PyExc_TypeError, "end_offset must be provided when end_lineno is provided");
            return -1;
        }
    }
    return 0;
}

static int SyntaxError_clear(PySyntaxErrorObject *self)
{
    Py_CLEAR(self->msg);
    Py_CLEAR(self->filename);
    Py_CLEAR(self->lineno);
    Py_CLEAR(self->offset);
    Py_CLEAR(self->end_lineno);
    Py_CLEAR(self->end_offset);
    Py_CLEAR(self->text);
    Py_CLEAR(self->print_file_and_line);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void SyntaxError_dealloc(PySyntaxErrorObject *self)
{
    PyObject_GC_UnTrack(self);
    SyntaxError_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int SyntaxError_traverse(PySyntaxErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->msg);
    Py_VISIT(self->filename);
    Py_VISIT(self->lineno);
    Py_VISIT(self->offset);
    Py_VISIT(self->end_lineno);
    Py_VISIT(self->end_offset);
    Py_VISIT(self->text);
    Py_VISIT(self->print_file_and_line);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

/* The part of a path after the last '/', as CPython's my_basename. */
static PyObject *my_basename(PyObject *name)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(name), offset = 0;
    for (Py_ssize_t i = 0; i < size; i++)
        if (PyUnicode_READ_CHAR(name, i) == '/')
            offset = i + 1;
    if (offset != 0)
        return PyUnicode_Substring(name, offset, size);
    return Py_NewRef(name);
}

static PyObject *SyntaxError_str(PySyntaxErrorObject *self)
{
    PyObject *filename = NULL, *result;
    int have_lineno = 0;
    long lineno = 0;
    if (self->filename && PyUnicode_Check(self->filename)) {
        filename = my_basename(self->filename);
        if (filename == NULL)
            return NULL;
    }
    if (self->lineno && PyLong_CheckExact(self->lineno)) {
        int overflow;
        lineno = PyLong_AsLongAndOverflow(self->lineno, &overflow);
        have_lineno = !overflow;
    }
    PyObject *msg = self->msg ? self->msg : Py_None;
    if (filename && have_lineno)
        result = PyUnicode_FromFormat("%S (%U, line %ld)", msg, filename, lineno);
    else if (filename)
        result = PyUnicode_FromFormat("%S (%U)", msg, filename);
    else if (have_lineno)
        result = PyUnicode_FromFormat("%S (line %ld)", msg, lineno);
    else
        result = PyObject_Str(msg);
    Py_XDECREF(filename);
    return result;
}

static PyMemberDef SyntaxError_members[] = {
    {"msg", T_OBJECT, offsetof(PySyntaxErrorObject, msg), 0, DOC_SyntaxError_msg},
    {"filename", T_OBJECT, offsetof(PySyntaxErrorObject, filename), 0, DOC_SyntaxError_filename},
    {"lineno", T_OBJECT, offsetof(PySyntaxErrorObject, lineno), 0, DOC_SyntaxError_lineno},
    {"offset", T_OBJECT, offsetof(PySyntaxErrorObject, offset), 0, DOC_SyntaxError_offset},
    {"text", T_OBJECT, offsetof(PySyntaxErrorObject, text), 0, DOC_SyntaxError_text},
    {"end_lineno", T_OBJECT, offsetof(PySyntaxErrorObject, end_lineno), 0, DOC_SyntaxError_end_lineno},
    {"end_offset", T_OBJECT, offsetof(PySyntaxErrorObject, end_offset), 0, DOC_SyntaxError_end_offset},
    {"print_file_and_line", T_OBJECT, offsetof(PySyntaxErrorObject, print_file_and_line), 0, DOC_SyntaxError_print_file_and_line},
    {NULL, 0, 0, 0, NULL},
};

ComplexExtendsException(Exception, SyntaxError, SyntaxError, 0, 0, SyntaxError_members,
                        0, SyntaxError_str, "Invalid syntax.")
MiddlingExtendsException(SyntaxError, IndentationError, SyntaxError, "Improper indentation.")
MiddlingExtendsException(IndentationError, TabError, SyntaxError, "Improper mixture of spaces and tabs.")

SimpleExtendsException(Exception, LookupError, "Base class for lookup errors.")
SimpleExtendsException(LookupError, IndexError, "Sequence index out of range.")

/* KeyError's str is the repr of its key. */
static PyObject *KeyError_str(PyBaseExceptionObject *self)
{
    if (PyTuple_GET_SIZE(self->args) == 1)
        return PyObject_Repr(PyTuple_GET_ITEM(self->args, 0));
    return BaseException_str(self);
}

static PyTypeObject _PyExc_KeyError = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "KeyError",
    .tp_basicsize = sizeof(PyBaseExceptionObject),
    .tp_dealloc = (destructor)BaseException_dealloc,
    .tp_str = (reprfunc)KeyError_str,
    .tp_flags = EXC_FLAGS,
    .tp_doc = TYPEDOC_KeyError,
    .tp_traverse = (traverseproc)BaseException_traverse,
    .tp_clear = (inquiry)BaseException_clear,
    .tp_base = &_PyExc_LookupError,
    .tp_dictoffset = offsetof(PyBaseExceptionObject, dict),
    .tp_init = (initproc)BaseException_init,
};
PyObject *PyExc_KeyError = (PyObject *)&_PyExc_KeyError;

SimpleExtendsException(Exception, ValueError, "Inappropriate argument value (of correct type).")
SimpleExtendsException(ValueError, UnicodeError, "Unicode related error.")

/* ==== UnicodeEncodeError / DecodeError / TranslateError ==== */

static PyObject *get_string_attr(PyObject *attr, const char *name, int want_bytes)
{
    if (!attr) {
        PyErr_Format(PyExc_TypeError, "%.200s attribute not set", name);
        return NULL;
    }
    if (want_bytes ? !PyBytes_Check(attr) : !PyUnicode_Check(attr)) {
        PyErr_Format(PyExc_TypeError, "%.200s attribute must be %s", name, want_bytes ? "bytes" : "unicode");
        return NULL;
    }
    return Py_NewRef(attr);
}

#define UERR(o) ((PyUnicodeErrorObject *)(o))

PyObject *PyUnicodeEncodeError_GetEncoding(PyObject *exc) { return get_string_attr(UERR(exc)->encoding, "encoding", 0); }
PyObject *PyUnicodeDecodeError_GetEncoding(PyObject *exc) { return get_string_attr(UERR(exc)->encoding, "encoding", 0); }
PyObject *PyUnicodeEncodeError_GetObject(PyObject *exc) { return get_string_attr(UERR(exc)->object, "object", 0); }
PyObject *PyUnicodeDecodeError_GetObject(PyObject *exc) { return get_string_attr(UERR(exc)->object, "object", 1); }
PyObject *PyUnicodeTranslateError_GetObject(PyObject *exc) { return get_string_attr(UERR(exc)->object, "object", 0); }

static int get_start(PyObject *exc, Py_ssize_t *start, int is_bytes)
{
    PyObject *obj = get_string_attr(UERR(exc)->object, "object", is_bytes);
    if (!obj)
        return -1;
    Py_ssize_t size = is_bytes ? PyBytes_GET_SIZE(obj) : PyUnicode_GET_LENGTH(obj);
    Py_DECREF(obj);
    *start = UERR(exc)->start;
    if (*start < 0)
        *start = 0;
    if (*start >= size)
        *start = size == 0 ? 0 : size - 1;
    return 0;
}

static int get_end(PyObject *exc, Py_ssize_t *end, int is_bytes)
{
    PyObject *obj = get_string_attr(UERR(exc)->object, "object", is_bytes);
    if (!obj)
        return -1;
    Py_ssize_t size = is_bytes ? PyBytes_GET_SIZE(obj) : PyUnicode_GET_LENGTH(obj);
    Py_DECREF(obj);
    *end = UERR(exc)->end;
    if (*end < 1)
        *end = 1;
    if (*end > size)
        *end = size;
    return 0;
}

int PyUnicodeEncodeError_GetStart(PyObject *exc, Py_ssize_t *start) { return get_start(exc, start, 0); }
int PyUnicodeDecodeError_GetStart(PyObject *exc, Py_ssize_t *start) { return get_start(exc, start, 1); }
int PyUnicodeTranslateError_GetStart(PyObject *exc, Py_ssize_t *start) { return get_start(exc, start, 0); }
int PyUnicodeEncodeError_SetStart(PyObject *exc, Py_ssize_t start) { UERR(exc)->start = start; return 0; }
int PyUnicodeDecodeError_SetStart(PyObject *exc, Py_ssize_t start) { UERR(exc)->start = start; return 0; }
int PyUnicodeEncodeError_GetEnd(PyObject *exc, Py_ssize_t *end) { return get_end(exc, end, 0); }
int PyUnicodeDecodeError_GetEnd(PyObject *exc, Py_ssize_t *end) { return get_end(exc, end, 1); }
int PyUnicodeTranslateError_GetEnd(PyObject *exc, Py_ssize_t *end) { return get_end(exc, end, 0); }
int PyUnicodeEncodeError_SetEnd(PyObject *exc, Py_ssize_t end) { UERR(exc)->end = end; return 0; }
int PyUnicodeDecodeError_SetEnd(PyObject *exc, Py_ssize_t end) { UERR(exc)->end = end; return 0; }
PyObject *PyUnicodeEncodeError_GetReason(PyObject *exc) { return get_string_attr(UERR(exc)->reason, "reason", 0); }
PyObject *PyUnicodeDecodeError_GetReason(PyObject *exc) { return get_string_attr(UERR(exc)->reason, "reason", 0); }

static int set_reason(PyObject *exc, const char *reason)
{
    PyObject *obj = PyUnicode_FromString(reason);
    if (obj == NULL)
        return -1;
    Py_XSETREF(UERR(exc)->reason, obj);
    return 0;
}
int PyUnicodeEncodeError_SetReason(PyObject *exc, const char *reason) { return set_reason(exc, reason); }
int PyUnicodeDecodeError_SetReason(PyObject *exc, const char *reason) { return set_reason(exc, reason); }

static int UnicodeError_clear(PyUnicodeErrorObject *self)
{
    Py_CLEAR(self->encoding);
    Py_CLEAR(self->object);
    Py_CLEAR(self->reason);
    return BaseException_clear((PyBaseExceptionObject *)self);
}

static void UnicodeError_dealloc(PyUnicodeErrorObject *self)
{
    PyObject_GC_UnTrack(self);
    UnicodeError_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int UnicodeError_traverse(PyUnicodeErrorObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->encoding);
    Py_VISIT(self->object);
    Py_VISIT(self->reason);
    return BaseException_traverse((PyBaseExceptionObject *)self, visit, arg);
}

static PyMemberDef UnicodeError_members[] = {
    {"encoding", T_OBJECT, offsetof(PyUnicodeErrorObject, encoding), 0, DOC_UnicodeTranslateError_encoding},
    {"object", T_OBJECT, offsetof(PyUnicodeErrorObject, object), 0, DOC_UnicodeTranslateError_object},
    {"start", T_PYSSIZET, offsetof(PyUnicodeErrorObject, start), 0, DOC_UnicodeTranslateError_start},
    {"end", T_PYSSIZET, offsetof(PyUnicodeErrorObject, end), 0, DOC_UnicodeTranslateError_end},
    {"reason", T_OBJECT, offsetof(PyUnicodeErrorObject, reason), 0, DOC_UnicodeTranslateError_reason},
    {NULL, 0, 0, 0, NULL},
};

#define UnicodeErrorSubclass(EXCNAME, EXCDOC)                                   \
    static PyTypeObject _PyExc_##EXCNAME = {                                    \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                  \
        .tp_name = #EXCNAME,                                                    \
        .tp_basicsize = sizeof(PyUnicodeErrorObject),                           \
        .tp_dealloc = (destructor)UnicodeError_dealloc,                         \
        .tp_str = (reprfunc)EXCNAME##_str,                                      \
        .tp_flags = EXC_FLAGS,                                                  \
        .tp_doc = EXCDOC,                                                       \
        .tp_traverse = (traverseproc)UnicodeError_traverse,                     \
        .tp_clear = (inquiry)UnicodeError_clear,                                \
        .tp_members = UnicodeError_members,                                     \
        .tp_base = &_PyExc_UnicodeError,                                        \
        .tp_dictoffset = offsetof(PyUnicodeErrorObject, dict),                  \
        .tp_init = (initproc)EXCNAME##_init,                                    \
        .tp_new = BaseException_new,                                            \
    };                                                                          \
    PyObject *PyExc_##EXCNAME = (PyObject *)&_PyExc_##EXCNAME;

static int UnicodeEncodeError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) == -1)
        return -1;
    PyUnicodeErrorObject *err = UERR(self);
    Py_CLEAR(err->encoding);
    Py_CLEAR(err->object);
    Py_CLEAR(err->reason);
    if (!PyArg_ParseTuple(args, "UUnnU", &err->encoding, &err->object, &err->start, &err->end, &err->reason)) {
        err->encoding = err->object = err->reason = NULL;
        return -1;
    }
    Py_INCREF(err->encoding);
    Py_INCREF(err->object);
    Py_INCREF(err->reason);
    return 0;
}

static const char *char_escape_format(Py_UCS4 ch)
{
    if (ch <= 0xff)
        return "\\x%02x";
    if (ch <= 0xffff)
        return "\\u%04x";
    return "\\U%08x";
}

static PyObject *UnicodeEncodeError_str(PyObject *self)
{
    PyUnicodeErrorObject *exc = UERR(self);
    PyObject *result = NULL, *reason_str = NULL, *encoding_str = NULL;
    if (exc->object == NULL)
        return PyUnicode_FromString("");
    reason_str = PyObject_Str(exc->reason);
    if (reason_str == NULL)
        goto done;
    encoding_str = PyObject_Str(exc->encoding);
    if (encoding_str == NULL)
        goto done;
    Py_ssize_t len = PyUnicode_GET_LENGTH(exc->object);
    Py_ssize_t start = exc->start, end = exc->end;
    if (start >= 0 && start < len && end >= 0 && end <= len && end == start + 1) {
        Py_UCS4 badchar = PyUnicode_ReadChar(exc->object, start);
        char ch[16];
        snprintf(ch, sizeof ch, char_escape_format(badchar), (unsigned)badchar);
        result = PyUnicode_FromFormat("'%U' codec can't encode character '%s' in position %zd: %U",
                                      encoding_str, ch, start, reason_str);
    } else {
        result = PyUnicode_FromFormat("'%U' codec can't encode characters in position %zd-%zd: %U",
                                      encoding_str, start, end - 1, reason_str);
    }
done:
    Py_XDECREF(reason_str);
    Py_XDECREF(encoding_str);
    return result;
}

UnicodeErrorSubclass(UnicodeEncodeError, "Unicode encoding error.")

static int UnicodeDecodeError_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) == -1)
        return -1;
    PyUnicodeErrorObject *ude = UERR(self);
    PyObject *object;
    Py_CLEAR(ude->encoding);
    Py_CLEAR(ude->object);
    Py_CLEAR(ude->reason);
    if (!PyArg_ParseTuple(args, "UOnnU", &ude->encoding, &object, &ude->start, &ude->end, &ude->reason)) {
        ude->encoding = ude->object = ude->reason = NULL;
        return -1;
    }
    Py_INCREF(ude->encoding);
    Py_INCREF(ude->reason);
    if (!PyBytes_Check(object)) {
        Py_buffer view;
        if (PyObject_GetBuffer(object, &view, PyBUF_SIMPLE) != 0)
            goto error;
        ude->object = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (ude->object == NULL)
            goto error;
    } else {
        ude->object = Py_NewRef(object);
    }
    return 0;
error:
    Py_CLEAR(ude->encoding);
    Py_CLEAR(ude->object);
    Py_CLEAR(ude->reason);
    return -1;
}

static PyObject *UnicodeDecodeError_str(PyObject *self)
{
    PyUnicodeErrorObject *exc = UERR(self);
    PyObject *result = NULL, *reason_str = NULL, *encoding_str = NULL;
    if (exc->object == NULL)
        return PyUnicode_FromString("");
    reason_str = PyObject_Str(exc->reason);
    if (reason_str == NULL)
        goto done;
    encoding_str = PyObject_Str(exc->encoding);
    if (encoding_str == NULL)
        goto done;
    Py_ssize_t len = PyBytes_GET_SIZE(exc->object);
    Py_ssize_t start = exc->start, end = exc->end;
    if (start >= 0 && start < len && end >= 0 && end <= len && end == start + 1) {
        int byte = (int)(PyBytes_AS_STRING(exc->object)[start] & 0xff);
        result = PyUnicode_FromFormat("'%U' codec can't decode byte 0x%02x in position %zd: %U",
                                      encoding_str, byte, start, reason_str);
    } else {
        result = PyUnicode_FromFormat("'%U' codec can't decode bytes in position %zd-%zd: %U",
                                      encoding_str, start, end - 1, reason_str);
    }
done:
    Py_XDECREF(reason_str);
    Py_XDECREF(encoding_str);
    return result;
}

UnicodeErrorSubclass(UnicodeDecodeError, "Unicode decoding error.")

PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object, Py_ssize_t length,
                                      Py_ssize_t start, Py_ssize_t end, const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeDecodeError, "sy#nns", encoding, object, length,
                                 start, end, reason);
}

PyObject *_PyUnicodeEncodeError_Create(PyObject *encoding, PyObject *object, Py_ssize_t start,
                                       Py_ssize_t end, const char *reason)
{
    return PyObject_CallFunction(PyExc_UnicodeEncodeError, "OOnns", encoding, object, start, end, reason);
}

static int UnicodeTranslateError_init(PyUnicodeErrorObject *self, PyObject *args, PyObject *kwds)
{
    if (BaseException_init((PyBaseExceptionObject *)self, args, kwds) == -1)
        return -1;
    Py_CLEAR(self->object);
    Py_CLEAR(self->reason);
    if (!PyArg_ParseTuple(args, "UnnU", &self->object, &self->start, &self->end, &self->reason)) {
        self->object = self->reason = NULL;
        return -1;
    }
    Py_INCREF(self->object);
    Py_INCREF(self->reason);
    return 0;
}

static PyObject *UnicodeTranslateError_str(PyObject *self)
{
    PyUnicodeErrorObject *exc = UERR(self);
    if (exc->object == NULL)
        return PyUnicode_FromString("");
    PyObject *reason_str = PyObject_Str(exc->reason), *result;
    if (reason_str == NULL)
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(exc->object);
    Py_ssize_t start = exc->start, end = exc->end;
    if (start >= 0 && start < len && end >= 0 && end <= len && end == start + 1) {
        Py_UCS4 badchar = PyUnicode_ReadChar(exc->object, start);
        char ch[16];
        snprintf(ch, sizeof ch, char_escape_format(badchar), (unsigned)badchar);
        result = PyUnicode_FromFormat("can't translate character '%s' in position %zd: %U", ch, start, reason_str);
    } else {
        result = PyUnicode_FromFormat("can't translate characters in position %zd-%zd: %U", start, end - 1, reason_str);
    }
    Py_DECREF(reason_str);
    return result;
}

static PyTypeObject _PyExc_UnicodeTranslateError = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "UnicodeTranslateError",
    .tp_basicsize = sizeof(PyUnicodeErrorObject),
    .tp_dealloc = (destructor)UnicodeError_dealloc,
    .tp_str = (reprfunc)UnicodeTranslateError_str,
    .tp_flags = EXC_FLAGS,
    .tp_doc = TYPEDOC_UnicodeTranslateError,
    .tp_traverse = (traverseproc)UnicodeError_traverse,
    .tp_clear = (inquiry)UnicodeError_clear,
    .tp_members = UnicodeError_members,
    .tp_base = &_PyExc_UnicodeError,
    .tp_dictoffset = offsetof(PyUnicodeErrorObject, dict),
    .tp_init = (initproc)UnicodeTranslateError_init,
    .tp_new = BaseException_new,
};
PyObject *PyExc_UnicodeTranslateError = (PyObject *)&_PyExc_UnicodeTranslateError;

SimpleExtendsException(Exception, AssertionError, "Assertion failed.")
SimpleExtendsException(Exception, ArithmeticError, "Base class for arithmetic errors.")
SimpleExtendsException(ArithmeticError, FloatingPointError, "Floating point operation failed.")
SimpleExtendsException(ArithmeticError, OverflowError, "Result too large to be represented.")
SimpleExtendsException(ArithmeticError, ZeroDivisionError,
                       "Second argument to a division or modulo operation was zero.")
SimpleExtendsException(Exception, SystemError,
                       "Internal error in the Python interpreter.\n\n"
                       "Please report this to the Python maintainer, along with the traceback,\n"
                       "the Python version, and the hardware/OS platform and version.")
SimpleExtendsException(Exception, ReferenceError, "Weak ref proxy used after referent went away.")
SimpleExtendsException(Exception, MemoryError, "Out of memory.")
SimpleExtendsException(Exception, BufferError, "Buffer error.")

SimpleExtendsException(Exception, Warning, "Base class for warning categories.")
SimpleExtendsException(Warning, UserWarning, "Base class for warnings generated by user code.")
SimpleExtendsException(Warning, DeprecationWarning, "Base class for warnings about deprecated features.")
SimpleExtendsException(Warning, PendingDeprecationWarning,
                       "Base class for warnings about features which will be deprecated\nin the future.")
SimpleExtendsException(Warning, SyntaxWarning, "Base class for warnings about dubious syntax.")
SimpleExtendsException(Warning, RuntimeWarning, "Base class for warnings about dubious runtime behavior.")
SimpleExtendsException(Warning, FutureWarning,
                       "Base class for warnings about constructs that will change semantically\nin the future.")
SimpleExtendsException(Warning, ImportWarning, "Base class for warnings about probable mistakes in module imports")
SimpleExtendsException(Warning, UnicodeWarning,
                       "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems.")
SimpleExtendsException(Warning, BytesWarning,
                       "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str.")
SimpleExtendsException(Warning, EncodingWarning, "Base class for warnings about encodings.")
SimpleExtendsException(Warning, ResourceWarning, "Base class for warnings about resource usage.")

/* ==== start-up ==== */

static PyObject *memerror_instance = NULL;

/* The preallocated MemoryError (new reference), so PyErr_NoMemory need not allocate. */
PyObject *_PyExc_MemoryErrorInstance(void)
{
    return Py_XNewRef(memerror_instance);
}

static struct static_exception {
    PyTypeObject *exc;
    const char *name;
} static_exceptions[] = {
#define ITEM(NAME) {&_PyExc_##NAME, #NAME}
    ITEM(BaseException),
    ITEM(BaseExceptionGroup), ITEM(Exception), ITEM(GeneratorExit), ITEM(KeyboardInterrupt),
    ITEM(SystemExit),
    ITEM(ArithmeticError), ITEM(AssertionError), ITEM(AttributeError), ITEM(BufferError),
    ITEM(EOFError), ITEM(ImportError), ITEM(LookupError), ITEM(MemoryError), ITEM(NameError),
    ITEM(OSError), ITEM(ReferenceError), ITEM(RuntimeError), ITEM(StopAsyncIteration),
    ITEM(StopIteration), ITEM(SyntaxError), ITEM(SystemError), ITEM(TypeError), ITEM(ValueError),
    ITEM(Warning),
    ITEM(FloatingPointError), ITEM(OverflowError), ITEM(ZeroDivisionError),
    ITEM(BytesWarning), ITEM(DeprecationWarning), ITEM(EncodingWarning), ITEM(FutureWarning),
    ITEM(ImportWarning), ITEM(PendingDeprecationWarning), ITEM(ResourceWarning),
    ITEM(RuntimeWarning), ITEM(SyntaxWarning), ITEM(UnicodeWarning), ITEM(UserWarning),
    ITEM(BlockingIOError), ITEM(ChildProcessError), ITEM(ConnectionError), ITEM(FileExistsError),
    ITEM(FileNotFoundError), ITEM(InterruptedError), ITEM(IsADirectoryError),
    ITEM(NotADirectoryError), ITEM(PermissionError), ITEM(ProcessLookupError), ITEM(TimeoutError),
    ITEM(ModuleNotFoundError), ITEM(IndexError), ITEM(KeyError), ITEM(UnboundLocalError),
    ITEM(NotImplementedError), ITEM(RecursionError), ITEM(IndentationError), ITEM(TabError),
    ITEM(UnicodeError), ITEM(UnicodeDecodeError), ITEM(UnicodeEncodeError),
    ITEM(UnicodeTranslateError), ITEM(BrokenPipeError), ITEM(ConnectionAbortedError),
    ITEM(ConnectionRefusedError), ITEM(ConnectionResetError),
#undef ITEM
};

static int add_errno(int errnum, PyObject *type)
{
    PyObject *key = PyLong_FromLong(errnum);
    if (key == NULL)
        return -1;
    int res = PyDict_SetItem(errnomap, key, type);
    Py_DECREF(key);
    return res;
}

int _PyExc_InitTypes(void)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(static_exceptions); i++) {
        if (PyType_Ready(static_exceptions[i].exc) < 0)
            return -1;
    }
    /* ExceptionGroup has two bases: (BaseExceptionGroup, Exception). */
    PyTypeObject *eg = &_PyExc_ExceptionGroup;
    eg->tp_bases = PyTuple_Pack(2, PyExc_BaseExceptionGroup, PyExc_Exception);
    if (eg->tp_bases == NULL || PyType_Ready(eg) < 0)
        return -1;

    errnomap = PyDict_New();
    if (errnomap == NULL)
        return -1;
    struct { int e; PyObject *t; } map[] = {
        {EAGAIN, PyExc_BlockingIOError}, {EALREADY, PyExc_BlockingIOError},
        {EINPROGRESS, PyExc_BlockingIOError}, {EWOULDBLOCK, PyExc_BlockingIOError},
        {EPIPE, PyExc_BrokenPipeError},
#ifdef ESHUTDOWN
        {ESHUTDOWN, PyExc_BrokenPipeError},
#endif
        {ECHILD, PyExc_ChildProcessError}, {ECONNABORTED, PyExc_ConnectionAbortedError},
        {ECONNREFUSED, PyExc_ConnectionRefusedError}, {ECONNRESET, PyExc_ConnectionResetError},
        {EEXIST, PyExc_FileExistsError}, {ENOENT, PyExc_FileNotFoundError},
        {EISDIR, PyExc_IsADirectoryError}, {ENOTDIR, PyExc_NotADirectoryError},
        {EINTR, PyExc_InterruptedError}, {EACCES, PyExc_PermissionError},
        {EPERM, PyExc_PermissionError}, {ESRCH, PyExc_ProcessLookupError},
        {ETIMEDOUT, PyExc_TimeoutError},
    };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(map); i++)
        if (add_errno(map[i].e, map[i].t) < 0)
            return -1;

    memerror_instance = BaseException_new(&_PyExc_MemoryError, NULL, NULL);
    return memerror_instance == NULL ? -1 : 0;
}

int _PyBuiltins_AddExceptions(PyObject *bdict)
{
    for (size_t i = 0; i < Py_ARRAY_LENGTH(static_exceptions); i++) {
        if (PyDict_SetItemString(bdict, static_exceptions[i].name, (PyObject *)static_exceptions[i].exc) < 0)
            return -1;
    }
    if (PyDict_SetItemString(bdict, "ExceptionGroup", PyExc_ExceptionGroup) < 0)
        return -1;
    if (PyDict_SetItemString(bdict, "EnvironmentError", PyExc_OSError) < 0 ||
        PyDict_SetItemString(bdict, "IOError", PyExc_OSError) < 0)
        return -1;
    return 0;
}

void _PyExc_Fini(void)
{
    Py_CLEAR(memerror_instance);
    Py_CLEAR(errnomap);
}
