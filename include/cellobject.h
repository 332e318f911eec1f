/* cellobject.h — cells: the boxes that hold variables shared with nested functions.
 * Owner: compiler-vm (src/objects/cellobject.c). */
#ifndef Py_CELLOBJECT_H
#define Py_CELLOBJECT_H
#include "object.h"

typedef struct {
    PyObject_HEAD
    PyObject *ob_ref; /* content, or NULL when empty */
} PyCellObject;

extern PyTypeObject PyCell_Type;
#define PyCell_Check(op) Py_IS_TYPE(op, &PyCell_Type)
PyObject *PyCell_New(PyObject *);
PyObject *PyCell_Get(PyObject *);     /* new reference */
int PyCell_Set(PyObject *, PyObject *);
#define PyCell_GET(op) (((PyCellObject *)(op))->ob_ref)
#define PyCell_SET(op, v) ((void)(((PyCellObject *)(op))->ob_ref = (v)))

#endif
