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
/* As CPython's: a count whose byte size would overflow Py_ssize_t gives NULL. */
#define PyMem_New(type, n) \
    ((size_t)(n) > (size_t)PY_SSIZE_T_MAX / sizeof(type) ? NULL \
     : ((type *)PyMem_Malloc((size_t)(n) * sizeof(type))))
#define PyMem_Resize(p, type, n) \
    ((p) = ((size_t)(n) > (size_t)PY_SSIZE_T_MAX / sizeof(type)) ? NULL \
     : (type *)PyMem_Realloc((p), (size_t)(n) * sizeof(type)))

void *PyObject_Malloc(size_t);
void *PyObject_Calloc(size_t, size_t);
void *PyObject_Realloc(void *, size_t);
void PyObject_Free(void *);
Py_ssize_t _Py_GetAllocatedBlocks(void);   /* sys.getallocatedblocks(): live pool blocks */

PyObject *PyObject_Init(PyObject *, PyTypeObject *);
PyVarObject *PyObject_InitVar(PyVarObject *, PyTypeObject *, Py_ssize_t);
#if !defined(__PIC__) || defined(__PIE__) /* not in a shared object */
/* Inside the interpreter (every allocation of an int, tuple...), inline; extension modules
 * call the functions (object.c), which stay exported. */
PyObject *PyErr_NoMemory(void);
static inline PyObject *_PyObject_InitInline(PyObject *op, PyTypeObject *tp)
{
    if (op == NULL)
        return PyErr_NoMemory();
    op->ob_type = tp;
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) /* instances of heap types keep their class alive */
        Py_INCREF(tp);
    op->ob_refcnt = 1;
    return op;
}
#define PyObject_Init(op, tp) _PyObject_InitInline((op), (tp))
#endif
PyObject *_PyObject_New(PyTypeObject *);
PyVarObject *_PyObject_NewVar(PyTypeObject *, Py_ssize_t);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NewVar(type, typeobj, n) ((type *)_PyObject_NewVar((typeobj), (n)))
#define PyObject_Del PyObject_Free
#define _PyObject_SIZE(typeobj) ((typeobj)->tp_basicsize)
#define _PyObject_VAR_SIZE(typeobj, nitems) \
    ((size_t)(((typeobj)->tp_basicsize + (nitems) * (typeobj)->tp_itemsize + 7) & ~(size_t)7))

/* ---- garbage-collector support (owner: memory; collector in src/runtime/gc.c) ---- */
/* Two words, as CPython 3.8+: the generation list is doubly linked through _gc_next
 * and _gc_prev.  The low two bits of _gc_prev are flags (FINALIZED, and COLLECTING
 * while a collection runs); during a collection the collector also keeps its copy of
 * the refcount in _gc_prev's upper bits (prev pointers are rebuilt afterwards), and
 * marks tentatively unreachable objects with bit 0 of _gc_next.  Only gc.c and
 * gcmodule.c touch the fields; everyone else uses the macros below. */
typedef struct _gc_head {
    uintptr_t _gc_next;   /* 0 while untracked */
    uintptr_t _gc_prev;
} PyGC_Head;

#define _PyGC_PREV_MASK_FINALIZED  ((uintptr_t)1)   /* tp_finalize already ran (PEP 442) */
#define _PyGC_PREV_MASK_COLLECTING ((uintptr_t)2)   /* in the set being collected */
#define _PyGC_PREV_SHIFT 2
#define _PyGC_PREV_MASK  (((uintptr_t)-1) << _PyGC_PREV_SHIFT)

#define _Py_AS_GC(o) ((PyGC_Head *)(o) - 1)
#define _Py_FROM_GC(g) ((PyObject *)((PyGC_Head *)(g) + 1))
#define _PyGCHead_NEXT(g) ((PyGC_Head *)(g)->_gc_next)
#define _PyGCHead_PREV(g) ((PyGC_Head *)((g)->_gc_prev & _PyGC_PREV_MASK))
#define _PyGCHead_SET_NEXT(g, p) ((g)->_gc_next = (uintptr_t)(p))
#define _PyGCHead_SET_PREV(g, p) \
    ((g)->_gc_prev = ((g)->_gc_prev & ~_PyGC_PREV_MASK) | (uintptr_t)(p))
#define PyObject_IS_GC(o) \
    (PyType_IS_GC(Py_TYPE(o)) && (Py_TYPE(o)->tp_is_gc == NULL || Py_TYPE(o)->tp_is_gc(o)))
#define _PyObject_IS_GC(o) PyObject_IS_GC(o)
#define PyType_IS_GC(t) PyType_HasFeature((t), Py_TPFLAGS_HAVE_GC)
#define _PyObject_GC_IS_TRACKED(o) (_Py_AS_GC(o)->_gc_next != 0)
#define _PyObject_GC_MAY_BE_TRACKED(o) (PyObject_IS_GC(o) && _PyObject_GC_IS_TRACKED(o))
#define _PyObject_GC_TRACK(o) PyObject_GC_Track(o)
#if !defined(__PIC__) || defined(__PIE__) /* inside the interpreter: inline */
/* PyObject_GC_UnTrack's body (gc.c), for the deallocators of the common containers:
 * unlink from the generation list, keeping only the FINALIZED flag.  Untracking an
 * untracked object does nothing, as in CPython. */
static inline void _PyObject_GC_UntrackInline(void *op)
{
    PyGC_Head *g = (PyGC_Head *)op - 1;
    if (g->_gc_next == 0)
        return;
    PyGC_Head *prev = (PyGC_Head *)(g->_gc_prev & _PyGC_PREV_MASK);
    PyGC_Head *next = (PyGC_Head *)g->_gc_next;
    prev->_gc_next = (uintptr_t)next;
    next->_gc_prev = (next->_gc_prev & ~_PyGC_PREV_MASK) | (uintptr_t)prev;
    g->_gc_next = 0;
    g->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
}
#define _PyObject_GC_UNTRACK(o) _PyObject_GC_UntrackInline(o)
#else
#define _PyObject_GC_UNTRACK(o) PyObject_GC_UnTrack(o)
#endif
#define _PyGCHead_FINALIZED(g) (((g)->_gc_prev & _PyGC_PREV_MASK_FINALIZED) != 0)
#define _PyGCHead_SET_FINALIZED(g) ((g)->_gc_prev |= _PyGC_PREV_MASK_FINALIZED)
#define _PyGC_FINALIZED(o) _PyGCHead_FINALIZED(_Py_AS_GC(o))
#define _PyGC_SET_FINALIZED(o) _PyGCHead_SET_FINALIZED(_Py_AS_GC(o))

/* Bytes allocated in front of an object of type tp, as CPython 3.11: the PyGC_Head of GC
 * types, and before it two words (values, dict) for Py_TPFLAGS_MANAGED_DICT types. */
#define _PyType_PreHeaderSize(tp) \
    ((PyType_IS_GC(tp) ? sizeof(PyGC_Head) : 0) + \
     (PyType_HasFeature((tp), Py_TPFLAGS_MANAGED_DICT) ? 2 * sizeof(PyObject *) : 0))

PyObject *_PyObject_GC_New(PyTypeObject *);
PyVarObject *_PyObject_GC_NewVar(PyTypeObject *, Py_ssize_t);
PyVarObject *_PyObject_GC_Resize(PyVarObject *, Py_ssize_t);
PyObject *_PyObject_GC_Malloc(size_t);
PyObject *_PyObject_GC_NewZeroedTracked(PyTypeObject *);   /* PyType_GenericAlloc(tp, 0) */
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
#define PyObject_GC_NewVar(type, typeobj, n) ((type *)_PyObject_GC_NewVar((typeobj), (n)))
#define PyObject_GC_Resize(type, op, n) ((type *)_PyObject_GC_Resize(_PyVarObject_CAST(op), (n)))
void PyObject_GC_Track(void *);
void PyObject_GC_UnTrack(void *);
void PyObject_GC_Del(void *);
int PyObject_GC_IsTracked(PyObject *);
int PyObject_GC_IsFinalized(PyObject *);
Py_ssize_t PyGC_Collect(void);
Py_ssize_t _PyGC_CollectNoFail(void);   /* at shutdown: even when disabled */
int PyGC_Enable(void);
int PyGC_Disable(void);
int PyGC_IsEnabled(void);
void _PyGC_Fini(void);

#define Py_VISIT(op)                                                \
    do {                                                            \
        if (op) {                                                   \
            int vret = visit(_PyObject_CAST(op), arg);              \
            if (vret) return vret;                                  \
        }                                                           \
    } while (0)

#endif /* Py_OBJIMPL_H */
