/* classobject.h — bound methods ("method" objects: a function plus its self).
 * Owner: compiler-vm (src/objects/classobject.c). */
#ifndef Py_CLASSOBJECT_H
#define Py_CLASSOBJECT_H
#include "object.h"

typedef struct {
    PyObject_HEAD
    PyObject *im_func;  /* the callable */
    PyObject *im_self;  /* the instance it is bound to */
    PyObject *im_weakreflist;
    vectorcallfunc vectorcall;
} PyMethodObject;

extern PyTypeObject PyMethod_Type;
extern PyTypeObject PyInstanceMethod_Type;
#define PyMethod_Check(op) Py_IS_TYPE(op, &PyMethod_Type)
PyObject *PyMethod_New(PyObject *func, PyObject *self);
PyObject *PyMethod_Function(PyObject *);
PyObject *PyMethod_Self(PyObject *);
#define PyMethod_GET_FUNCTION(meth) (((PyMethodObject *)(meth))->im_func)
#define PyMethod_GET_SELF(meth) (((PyMethodObject *)(meth))->im_self)
PyObject *PyInstanceMethod_New(PyObject *);

#endif
