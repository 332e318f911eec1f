/* iterobject.h — sequence iterator (over __getitem__), callable iterator, and the
 * enumerate / reversed types (src/objects/iterobject.c, enumobject.c).
 * Owner: objects-containers. */
#ifndef PY_ITEROBJECT_H
#define PY_ITEROBJECT_H
#include "object.h"

extern PyTypeObject PySeqIter_Type;
extern PyTypeObject PyCallIter_Type;
extern PyTypeObject PyEnum_Type;     /* enumerate */
extern PyTypeObject PyReversed_Type; /* reversed */

#define PySeqIter_Check(op) Py_IS_TYPE(op, &PySeqIter_Type)
#define PyCallIter_Check(op) Py_IS_TYPE(op, &PyCallIter_Type)

PyObject *PySeqIter_New(PyObject *seq);
PyObject *PyCallIter_New(PyObject *callable, PyObject *sentinel);

/* __reduce__ of an iterator over a mutable container (dict, set, OrderedDict):
 * (iter, (list of what is left,)), drained from `copy`, a private copy of the iterator's
 * state, through `next` so that the real iterator is not consumed. */
PyObject *_PyIter_ReduceRemaining(PyObject *copy, iternextfunc next);

#endif
