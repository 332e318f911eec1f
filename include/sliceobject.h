/* sliceobject.h — slice objects and index clamping helpers used by every sequence.
 * Owner: objects-containers (src/objects/sliceobject.c).  The Ellipsis singleton is
 * declared in object.h. */
#ifndef PY_SLICEOBJECT_H
#define PY_SLICEOBJECT_H
#include "object.h"

typedef struct {
    PyObject_HEAD
    PyObject *start, *stop, *step; /* never NULL: None when omitted */
} PySliceObject;

extern PyTypeObject PySlice_Type;
#define PySlice_Check(op) Py_IS_TYPE(op, &PySlice_Type)

PyObject *PySlice_New(PyObject *start, PyObject *stop, PyObject *step);
PyObject *_PySlice_FromIndices(Py_ssize_t start, Py_ssize_t stop);
int PySlice_GetIndices(PyObject *r, Py_ssize_t length, Py_ssize_t *start,
                       Py_ssize_t *stop, Py_ssize_t *step);
int PySlice_GetIndicesEx(PyObject *r, Py_ssize_t length, Py_ssize_t *start,
                         Py_ssize_t *stop, Py_ssize_t *step, Py_ssize_t *slicelength);
int PySlice_Unpack(PyObject *slice, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step);
Py_ssize_t PySlice_AdjustIndices(Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop,
                                 Py_ssize_t step);
int _PySlice_GetLongIndices(PySliceObject *self, PyObject *length, PyObject **start_ptr,
                            PyObject **stop_ptr, PyObject **step_ptr);
void _PySlice_Fini(void);

#endif
