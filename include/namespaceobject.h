/* namespaceobject.h — types.SimpleNamespace (CPython's pycore_namespace.h).
 * Owner: objects-type (src/objects/namespaceobject.c). */
#ifndef Py_NAMESPACEOBJECT_H
#define Py_NAMESPACEOBJECT_H

extern PyTypeObject _PyNamespace_Type;
/* A new SimpleNamespace holding a copy of the dict `kwds` (may be NULL). */
PyObject *_PyNamespace_New(PyObject *kwds);

#endif /* !Py_NAMESPACEOBJECT_H */
