/* boolobject.h — bool, a subclass of int with the two singletons False and True.
 * Owner: objects-num (src/objects/boolobject.c). */
#ifndef PY_BOOLOBJECT_H
#define PY_BOOLOBJECT_H
#include "object.h"
#include "longobject.h"

extern PyTypeObject PyBool_Type;
#define PyBool_Check(x) Py_IS_TYPE(x, &PyBool_Type)

extern PyLongObject _Py_FalseStruct, _Py_TrueStruct;
#define Py_False ((PyObject *)&_Py_FalseStruct)
#define Py_True ((PyObject *)&_Py_TrueStruct)
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)
#define Py_RETURN_TRUE return Py_NewRef(Py_True)
#define Py_RETURN_FALSE return Py_NewRef(Py_False)

PyObject *PyBool_FromLong(long);

#endif
