/* objimpl.h — object memory: raw/object allocators and the GC-tracked allocation API.
 * Containers are allocated with a PyGC_Head in front of the object (as in CPython), so
 * the cycle collector (src/runtime/gc.c) can find them; untracked objects have none. */
#ifndef Py_OBJIMPL_H
#define Py_OBJIMPL_H

#include "object.h"

void *PyMem_Malloc(size_t);
void *PyMem_Calloc(size_t, size_t);
void *PyMem_Realloc(void *, size_t);
void PyMem_Free(void *);
#define PyMem_RawMalloc PyMem_Malloc
#define PyMem_RawRealloc PyMem_Realloc
#define PyMem_RawFree PyMem_Free
#define PyMem_New(type, n) ((type *)PyMem_Malloc((size_t)(n) * sizeof(type)))
#define PyMem_Resize(p, type, n) ((p) = (type *)PyMem_Realloc((p), (size_t)(n) * sizeof(type)))

void *PyObject_Malloc(size_t);
void *PyObject_Calloc(size_t, size_t);
void *PyObject_Realloc(void *, size_t);
void PyObject_Free(void *);

PyObject *PyObject_Init(PyObject *, PyTypeObject *);
PyVarObject *PyObject_InitVar(PyVarObject *, PyTypeObject *, Py_ssize_t);
PyObject *_PyObject_New(PyTypeObject *);
PyVarObject *_PyObject_NewVar(PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_Del PyObject_Free
#define _PyObject_SIZE(typeobj) ((typeobj)->tp_basicsize)
#define _PyObject_VAR_SIZE(typeobj, nitems) \
    ((size_t)(((typeobj)->tp_basicsize + (nitems) * (typeobj)->tp_itemsize + 7) & ~(size_t)7))

/* ---- garbage-collector support ---- */
typedef struct _gc_head {
    struct _gc_head *gc_next;
    struct _gc_head *gc_prev;
    Py_ssize_t gc_refs; /* used by the collector; -1 when untracked */
} PyGC_Head;

#define _Py_AS_GC(o) ((PyGC_Head *)(o) - 1)
#define _Py_FROM_GC(g) ((PyObject *)((PyGC_Head *)(g) + 1))
#define PyObject_IS_GC(o) \
    (PyType_IS_GC(Py_TYPE(o)) && (Py_TYPE(o)->tp_is_gc == NULL || Py_TYPE(o)->tp_is_gc(o)))
#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)

PyObject *_PyObject_GC_New(PyTypeObject *);
PyVarObject *_PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyVarObject *_PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) ((type *)_PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
void PyObject_GC_Track(void *);
void PyObject_GC_UnTrack(void *);
void PyObject_GC_Del(void *);
int PyObject_GC_IsTracked(PyObject *);
Py_ssize_t PyGC_Collect(void);

#define Py_VISIT(op)                                                \
    do {                                                            \
        if (op) {                                                   \
            int vret = visit(_PyObject_CAST(op), arg);              \
            if (vret) return vret;                                  \
        }                                                           \
    } while (0)

#endif /* Py_OBJIMPL_H */
