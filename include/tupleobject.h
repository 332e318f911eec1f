/* tupleobject.h — tuple: immutable sequence, items stored inline after the header.
 * Owner: objects-containers (src/objects/tupleobject.c). */
#ifndef PY_TUPLEOBJECT_H
#define PY_TUPLEOBJECT_H
#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    PyObject *ob_item[1]; /* ob_size items; NULL only while being filled */
} PyTupleObject;

extern PyTypeObject PyTuple_Type;
extern PyTypeObject PyTupleIter_Type;

#define PyTuple_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TUPLE_SUBCLASS)
#define PyTuple_CheckExact(op) Py_IS_TYPE(op, &PyTuple_Type)

PyObject *PyTuple_New(Py_ssize_t size);
Py_ssize_t PyTuple_Size(PyObject *);
PyObject *PyTuple_GetItem(PyObject *, Py_ssize_t);      /* borrowed */
int PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals the item */
PyObject *PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
int _PyTuple_Resize(PyObject **, Py_ssize_t);
PyObject *PyTuple_Pack(Py_ssize_t, ...);
PyObject *_PyTuple_FromArray(PyObject *const *, Py_ssize_t);      /* new refs */
PyObject *_PyTuple_FromArraySteal(PyObject *const *, Py_ssize_t); /* steals */
void _PyTuple_MaybeUntrack(PyObject *);
void _PyTuple_Fini(void); /* empties the free lists at shutdown */

#define _PyTuple_CAST(op) ((PyTupleObject *)(op))
#define PyTuple_GET_SIZE(op) Py_SIZE(op)
#define PyTuple_GET_ITEM(op, i) (_PyTuple_CAST(op)->ob_item[i])
#define PyTuple_SET_ITEM(op, i, v) ((void)(_PyTuple_CAST(op)->ob_item[i] = (v)))
#define _PyTuple_ITEMS(op) (_PyTuple_CAST(op)->ob_item)

#endif
