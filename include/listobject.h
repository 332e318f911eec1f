/* listobject.h — list: mutable sequence over a separately allocated item array.
 * Owner: objects-containers (src/objects/listobject.c). */
#ifndef PY_LISTOBJECT_H
#define PY_LISTOBJECT_H
#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    PyObject **ob_item;   /* ob_size used slots of `allocated` */
    Py_ssize_t allocated; /* over-allocation as CPython (affects sys.getsizeof) */
} PyListObject;

extern PyTypeObject PyList_Type;
extern PyTypeObject PyListIter_Type;
extern PyTypeObject PyListRevIter_Type;

/* The forward iterator, visible so the eval loop's FOR_ITER can step it inline. */
typedef struct {
    PyObject_HEAD
    Py_ssize_t it_index;
    PyListObject *it_seq; /* NULL when exhausted */
} _PyListIterObject;

#define PyList_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LIST_SUBCLASS)
#define PyList_CheckExact(op) Py_IS_TYPE(op, &PyList_Type)

PyObject *PyList_New(Py_ssize_t size);
Py_ssize_t PyList_Size(PyObject *);
PyObject *PyList_GetItem(PyObject *, Py_ssize_t);      /* borrowed */
int PyList_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals the item */
int PyList_Insert(PyObject *, Py_ssize_t, PyObject *);
int PyList_Append(PyObject *, PyObject *);
PyObject *PyList_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
int PyList_SetSlice(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *); /* v NULL: delete */
int PyList_Sort(PyObject *);
int PyList_Reverse(PyObject *);
PyObject *PyList_AsTuple(PyObject *);
int PyList_Extend(PyObject *list, PyObject *iterable); /* 3.13 name; 0 or -1 */
PyObject *_PyList_Extend(PyListObject *, PyObject *);  /* returns None */
int _PyList_AppendTakeRefListResize(PyListObject *, PyObject *);
void _PyList_Fini(void);

#define _PyList_CAST(op) ((PyListObject *)(op))
#define PyList_GET_ITEM(op, i) (_PyList_CAST(op)->ob_item[i])
#define PyList_SET_ITEM(op, i, v) ((void)(_PyList_CAST(op)->ob_item[i] = (v)))
#define PyList_GET_SIZE(op) Py_SIZE(op)
#define _PyList_ITEMS(op) (_PyList_CAST(op)->ob_item)

/* Append stealing a reference (the VM's LIST_APPEND); 0 or -1. */
static inline int _PyList_AppendTakeRef(PyListObject *self, PyObject *newitem)
{
    Py_ssize_t len = Py_SIZE(self);
    if (self->allocated > len) {
        self->ob_item[len] = newitem;
        Py_SET_SIZE(self, len + 1);
        return 0;
    }
    return _PyList_AppendTakeRefListResize(self, newitem);
}

#endif
