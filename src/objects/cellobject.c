/* cellobject.c — the cell type: a box shared between a scope and its nested functions.
 * Owner: compiler-vm.  Created by the eval loop for cell variables (LOAD_CLOSURE /
 * LOAD_DEREF / STORE_DEREF); the compiler decides which variables need them. */
#include "Python.h"

PyObject *PyCell_New(PyObject *obj)
{
    PyCellObject *op = PyObject_GC_New(PyCellObject, &PyCell_Type);
    if (op == NULL) return NULL;
    op->ob_ref = Py_XNewRef(obj);
    PyObject_GC_Track(op);
    return (PyObject *)op;
}

PyObject *PyCell_Get(PyObject *op)
{
    if (!PyCell_Check(op)) { PyErr_BadInternalCall(); return NULL; }
    return Py_XNewRef(PyCell_GET(op));
}

int PyCell_Set(PyObject *op, PyObject *value)
{
    if (!PyCell_Check(op)) { PyErr_BadInternalCall(); return -1; }
    PyObject *old = PyCell_GET(op);
    PyCell_SET(op, Py_XNewRef(value));
    Py_XDECREF(old);
    return 0;
}

static void cell_dealloc(PyCellObject *op)
{
    PyObject_GC_UnTrack(op);
    Py_XDECREF(op->ob_ref);
    PyObject_GC_Del(op);
}

static PyObject *cell_richcompare(PyObject *a, PyObject *b, int op)
{
    if (!PyCell_Check(a) || !PyCell_Check(b)) Py_RETURN_NOTIMPLEMENTED;
    PyObject *x = PyCell_GET(a), *y = PyCell_GET(b);
    if (x && y) return PyObject_RichCompare(x, y, op);
    /* empty cells sort before full ones */
    Py_RETURN_RICHCOMPARE(x != NULL, y != NULL, op);
}

static PyObject *cell_repr(PyCellObject *op)
{
    if (op->ob_ref == NULL)
        return PyUnicode_FromFormat("<cell at %p: empty>", op);
    return PyUnicode_FromFormat("<cell at %p: %.80s object at %p>", op,
                                Py_TYPE(op->ob_ref)->tp_name, op->ob_ref);
}

static int cell_traverse(PyCellObject *op, visitproc visit, void *arg)
{
    Py_VISIT(op->ob_ref);
    return 0;
}

static int cell_clear(PyCellObject *op)
{
    Py_CLEAR(op->ob_ref);
    return 0;
}

static PyObject *cell_get_contents(PyCellObject *op, void *closure)
{
    if (op->ob_ref == NULL) {
        PyErr_SetString(PyExc_ValueError, "Cell is empty");
        return NULL;
    }
    return Py_NewRef(op->ob_ref);
}

static int cell_set_contents(PyCellObject *op, PyObject *obj, void *closure)
{
    Py_XSETREF(op->ob_ref, Py_XNewRef(obj));
    return 0;
}

static PyObject *cell_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *obj = NULL;
    if (!_PyArg_NoKeywords("cell", kwargs)) return NULL;
    if (!PyArg_UnpackTuple(args, "cell", 0, 1, &obj)) return NULL;
    return PyCell_New(obj);
}

static PyGetSetDef cell_getsetlist[] = {
    {"cell_contents", (getter)cell_get_contents, (setter)cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyCell_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "cell",
    .tp_basicsize = sizeof(PyCellObject),
    .tp_dealloc = (destructor)cell_dealloc,
    .tp_repr = (reprfunc)cell_repr,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not "
              "specified, the cell will be empty,\n    and \n further attempts to access its "
              "cell_contents attribute will\n    raise a ValueError.",
    .tp_traverse = (traverseproc)cell_traverse,
    .tp_clear = (inquiry)cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getsetlist,
    .tp_new = cell_new,
};
