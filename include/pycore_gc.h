/* pycore_gc.h — the cycle collector's internal state and entry points, shared by
 * src/runtime/gc.c (the collector) and src/modules/gcmodule.c (the `gc` module).
 * Owner: memory.  Not part of the public C API. */
#ifndef Py_INTERNAL_GC_H
#define Py_INTERNAL_GC_H
#include "objimpl.h"

#define DEBUG_STATS         (1 << 0)   /* print collection statistics */
#define DEBUG_COLLECTABLE   (1 << 1)   /* print collectable objects */
#define DEBUG_UNCOLLECTABLE (1 << 2)   /* print uncollectable objects */
#define DEBUG_SAVEALL       (1 << 5)   /* save all garbage in gc.garbage */
#define DEBUG_LEAK (DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL)

struct _gc_generation {
    PyGC_Head head;
    int threshold;
    int count;   /* gen 0: allocations minus deallocations; others: younger collections */
};

struct gc_generation_stats {
    Py_ssize_t collections;
    Py_ssize_t collected;
    Py_ssize_t uncollectable;
};

struct gc_state {
    int enabled;
    int debug;
    int collecting;
    struct _gc_generation generations[3];
    struct _gc_generation permanent;   /* gc.freeze() */
    struct gc_generation_stats stats[3];
    PyObject *garbage;     /* gc.garbage (list) */
    PyObject *callbacks;   /* gc.callbacks (list) */
    Py_ssize_t long_lived_total;
    Py_ssize_t long_lived_pending;
};

extern struct gc_state _PyGC_State;

/* PyObject_GC_Track's body for the interpreter's own constructors (tuple, list, dict),
 * which track objects they have just made (never already tracked): append to
 * generation 0, keeping the flag bits of _gc_prev. */
static inline void _PyObject_GC_TrackInline(void *op)
{
    PyGC_Head *g = (PyGC_Head *)op - 1, *gen0 = &_PyGC_State.generations[0].head;
    PyGC_Head *last = (PyGC_Head *)gen0->_gc_prev;
    g->_gc_prev = (g->_gc_prev & ~_PyGC_PREV_MASK) | (uintptr_t)last;
    last->_gc_next = (uintptr_t)g;
    g->_gc_next = (uintptr_t)gen0;
    gen0->_gc_prev = (uintptr_t)g;
}

Py_ssize_t _PyGC_CollectWithCallback(int generation);
Py_ssize_t _PyGC_CollectGenerations(void);
PyGC_Head *_PyGC_GenerationHead(int generation);   /* -1: the permanent generation */
Py_ssize_t _PyGC_ListSize(PyGC_Head *list);
void _PyGC_Freeze(void);
void _PyGC_Unfreeze(void);

#endif /* Py_INTERNAL_GC_H */
