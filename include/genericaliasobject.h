/* genericaliasobject.h — types.GenericAlias (PEP 585: list[int]) and types.UnionType
 * (PEP 604: int | str).  Owner: objects-type (src/objects/genericaliasobject.c,
 * src/objects/unionobject.c). */
#ifndef Py_GENERICALIASOBJECT_H
#define Py_GENERICALIASOBJECT_H

/* types.GenericAlias: origin[args]; `args` may be a single object or a tuple. */
PyObject *Py_GenericAlias(PyObject *origin, PyObject *args);
extern PyTypeObject Py_GenericAliasType;
#define _PyGenericAlias_Check(op) PyObject_TypeCheck((op), &Py_GenericAliasType)

/* Typing-variable helpers shared by GenericAlias and UnionType (CPython's internal names). */
PyObject *_Py_make_parameters(PyObject *args);
PyObject *_Py_subs_parameters(PyObject *self, PyObject *args, PyObject *parameters,
                              PyObject *item);

/* types.UnionType: the result of `X | Y` on types, aliases and None. */
extern PyTypeObject _PyUnion_Type;
#define _PyUnion_Check(op) Py_IS_TYPE((op), &_PyUnion_Type)
PyObject *_Py_union_type_or(PyObject *self, PyObject *other);
PyObject *_Py_union_args(PyObject *self); /* borrowed: the tuple of members */

#endif /* !Py_GENERICALIASOBJECT_H */
