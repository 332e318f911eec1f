/* boolobject.c — bool: a subclass of int with exactly two instances, False and True.
 * Arithmetic is int's (longobject.c); only repr, construction and the bitwise
 * operators (which keep bool-ness when both operands are bools) are defined here. */
#include "Python.h"
#include "type_docs.h"

PyLongObject _Py_FalseStruct = { { 1 << 30, &PyBool_Type }, NULL, 0 };
PyLongObject _Py_TrueStruct = { { 1 << 30, &PyBool_Type }, NULL, 1 };

PyObject *PyBool_FromLong(long ok)
{
    return Py_NewRef(ok ? Py_True : Py_False);
}

static PyObject *bool_repr(PyObject *self)
{
    return PyUnicode_FromString(self == Py_True ? "True" : "False");
}

static PyObject *bool_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    PyObject *x = Py_False;
    if (!PyArg_UnpackTuple(args, "bool", 0, 1, &x))
        return NULL;
    int ok = PyObject_IsTrue(x);
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

static PyObject *bool_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "bool expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0)
        Py_RETURN_FALSE;
    int ok = PyObject_IsTrue(args[0]);
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

static PyObject *bool_and(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return PyLong_Type.tp_as_number->nb_and(a, b);
    return PyBool_FromLong((a == Py_True) & (b == Py_True));
}

static PyObject *bool_or(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return PyLong_Type.tp_as_number->nb_or(a, b);
    return PyBool_FromLong((a == Py_True) | (b == Py_True));
}

static PyObject *bool_xor(PyObject *a, PyObject *b)
{
    if (!PyBool_Check(a) || !PyBool_Check(b))
        return PyLong_Type.tp_as_number->nb_xor(a, b);
    return PyBool_FromLong((a == Py_True) ^ (b == Py_True));
}

/* True and False are immortal: reaching zero references is a refcounting bug. */
static void bool_dealloc(PyObject *self)
{
    Py_SET_REFCNT(self, 1 << 30);
}

static PyNumberMethods bool_as_number = {
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

PyTypeObject PyBool_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "bool",
    .tp_basicsize = sizeof(PyLongObject),
    .tp_dealloc = bool_dealloc,
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_bool,
    .tp_base = &PyLong_Type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};
