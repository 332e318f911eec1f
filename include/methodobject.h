/* methodobject.h — built-in functions and methods (PyCFunction) and PyMethodDef tables.
 * Implementation: src/objects/methodobject.c. */
#ifndef Py_METHODOBJECT_H
#define Py_METHODOBJECT_H

#include "object.h"

typedef PyObject *(*PyCFunction)(PyObject *, PyObject *);
typedef PyObject *(*_PyCFunctionFast)(PyObject *, PyObject *const *, Py_ssize_t);
typedef PyObject *(*PyCFunctionWithKeywords)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*_PyCFunctionFastWithKeywords)(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);

typedef struct PyMethodDef {
    const char *ml_name;
    PyCFunction ml_meth;
    int ml_flags;
    const char *ml_doc;
} PyMethodDef;

#define METH_VARARGS 0x0001
#define METH_KEYWORDS 0x0002
#define METH_NOARGS 0x0004
#define METH_O 0x0008
#define METH_CLASS 0x0010
#define METH_STATIC 0x0020
#define METH_COEXIST 0x0040
#define METH_FASTCALL 0x0080
#define METH_METHOD 0x0200

typedef struct {
    PyObject_HEAD
    PyMethodDef *m_ml;
    PyObject *m_self;   /* bound object, or the module for module functions */
    PyObject *m_module; /* __module__ */
    PyObject *m_weakreflist;
    vectorcallfunc vectorcall;
} PyCFunctionObject;

extern PyTypeObject PyCFunction_Type;
#define PyCFunction_Check(op) PyObject_TypeCheck(op, &PyCFunction_Type)
PyObject *PyCFunction_NewEx(PyMethodDef *, PyObject *self, PyObject *module);
#define PyCFunction_New(ml, self) PyCFunction_NewEx((ml), (self), NULL)
PyCFunction PyCFunction_GetFunction(PyObject *);
PyObject *PyCFunction_GetSelf(PyObject *);
#define PyCFunction_GET_FUNCTION(func) (((PyCFunctionObject *)(func))->m_ml->ml_meth)
#define PyCFunction_GET_SELF(func) \
    ((((PyCFunctionObject *)(func))->m_ml->ml_flags & METH_STATIC) ? NULL : ((PyCFunctionObject *)(func))->m_self)
#define PyCFunction_GET_FLAGS(func) (((PyCFunctionObject *)(func))->m_ml->ml_flags)

#endif
