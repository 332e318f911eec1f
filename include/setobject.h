/* setobject.h — set and frozenset: CPython's open-addressing table (linear probes +
 * perturbation), so iteration order matches CPython.
 * Owner: objects-containers (src/objects/setobject.c). */
#ifndef PY_SETOBJECT_H
#define PY_SETOBJECT_H
#include "object.h"

#define PySet_MINSIZE 8

/* Unused: key NULL, hash 0.  Dummy: key == _PySet_Dummy, hash -1.  Else active. */
typedef struct {
    PyObject *key;
    Py_hash_t hash;
} setentry;

typedef struct {
    PyObject_HEAD
    Py_ssize_t fill;   /* active + dummy entries */
    Py_ssize_t used;   /* active entries */
    Py_ssize_t mask;   /* table size - 1 (a power of two minus one) */
    setentry *table;   /* smalltable or a heap array */
    Py_hash_t hash;    /* frozenset only; -1 until computed */
    Py_ssize_t finger; /* where set.pop() resumes */
    setentry smalltable[PySet_MINSIZE];
    PyObject *weakreflist;
} PySetObject;

extern PyTypeObject PySet_Type;
extern PyTypeObject PyFrozenSet_Type;
extern PyTypeObject PySetIter_Type;
extern PyObject *_PySet_Dummy;

#define PyFrozenSet_CheckExact(ob) Py_IS_TYPE(ob, &PyFrozenSet_Type)
#define PyFrozenSet_Check(ob) \
    (Py_IS_TYPE(ob, &PyFrozenSet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PySet_CheckExact(op) Py_IS_TYPE(op, &PySet_Type)
#define PySet_Check(ob) (Py_IS_TYPE(ob, &PySet_Type) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type))
#define PyAnySet_CheckExact(ob) (Py_IS_TYPE(ob, &PySet_Type) || Py_IS_TYPE(ob, &PyFrozenSet_Type))
#define PyAnySet_Check(ob) \
    (PyAnySet_CheckExact(ob) || PyType_IsSubtype(Py_TYPE(ob), &PySet_Type) || \
     PyType_IsSubtype(Py_TYPE(ob), &PyFrozenSet_Type))
#define PySet_GET_SIZE(so) (((PySetObject *)(so))->used)

PyObject *PySet_New(PyObject *iterable);
PyObject *PyFrozenSet_New(PyObject *iterable);
int PySet_Add(PyObject *set, PyObject *key);
int PySet_Clear(PyObject *set);
int PySet_Contains(PyObject *anyset, PyObject *key);
int PySet_Discard(PyObject *set, PyObject *key);
PyObject *PySet_Pop(PyObject *set);
Py_ssize_t PySet_Size(PyObject *anyset);
int _PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash);
int _PySet_Update(PyObject *set, PyObject *iterable);
void _PySet_Fini(void);

#endif
