/* weakrefobject.h — weak references (weakref.ref, proxies).  Implementation:
 * src/objects/weakrefobject.c.  Owner: modules-os.  Every type with tp_weaklistoffset must
 * call PyObject_ClearWeakRefs(self) from its tp_dealloc before freeing the object. */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H
#include "object.h"

typedef struct _PyWeakReference PyWeakReference;

struct _PyWeakReference {
    PyObject_HEAD
    PyObject *wr_object;        /* the referent (borrowed), Py_None once it has died */
    PyObject *wr_callback;      /* called with the ref when the referent dies, or NULL */
    Py_hash_t hash;             /* the referent's hash, cached (-1 until computed) */
    PyWeakReference *wr_prev;   /* the referent's list of weak references */
    PyWeakReference *wr_next;
    vectorcallfunc vectorcall;
};

extern PyTypeObject _PyWeakref_RefType;
extern PyTypeObject _PyWeakref_ProxyType;
extern PyTypeObject _PyWeakref_CallableProxyType;

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) \
    (Py_IS_TYPE((op), &_PyWeakref_ProxyType) || Py_IS_TYPE((op), &_PyWeakref_CallableProxyType))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

PyObject *PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyObject *PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
PyObject *PyWeakref_GetObject(PyObject *ref);   /* borrowed; Py_None when dead */
/* 3.11's: a referent whose refcount already reached 0 (being deallocated, e.g. through
   the trashcan) reads as None, so a callback cannot resurrect it (bpo-16602) */
#define PyWeakref_GET_OBJECT(ref) \
    (Py_REFCNT(((PyWeakReference *)(ref))->wr_object) > 0 ? ((PyWeakReference *)(ref))->wr_object : Py_None)

/* The head of ob's list of weak references (ob's type must support them). */
#define _PyObject_GET_WEAKREFS_LISTPTR(ob) \
    ((PyObject **)(((char *)(ob)) + Py_TYPE(ob)->tp_weaklistoffset))
#define _PyType_SUPPORTS_WEAKREFS(t) ((t)->tp_weaklistoffset > 0)

void PyObject_ClearWeakRefs(PyObject *);
Py_ssize_t _PyWeakref_GetWeakrefCount(PyWeakReference *head);
void _PyWeakref_ClearRef(PyWeakReference *self);

#endif /* Py_WEAKREFOBJECT_H */
