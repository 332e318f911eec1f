/* gc.c — the cycle collector: GC-tracked allocation (a PyGC_Head in front of each
 * container, objimpl.h), three generations plus the permanent (frozen) one, and
 * CPython 3.11's collection algorithm (refcount copies minus internal references found
 * through tp_traverse, unreachable set, weakref clearing, PEP 442 finalizers,
 * resurrection check, tp_clear).  The Python-facing `gc` module is src/modules/gcmodule.c;
 * every container type's tp_traverse/tp_clear belongs to that type's owner. */
#include "Python.h"
#include "pycore_gc.h"
#include <time.h>

/* Bit 0 of _gc_next: tentatively unreachable (only between move_unreachable and
 * move_legacy_finalizers).  The flags of _gc_prev are objimpl.h's. */
#define NEXT_MASK_UNREACHABLE ((uintptr_t)1)
#define PREV_MASK_COLLECTING  _PyGC_PREV_MASK_COLLECTING

#define NUM_GENERATIONS 3
#ifndef GC_THRESHOLD0
#define GC_THRESHOLD0 700   /* build with -DGC_THRESHOLD0=1 to stress-test tp_traverse */
#endif

#define GEN_INIT(h) {(uintptr_t)(h), (uintptr_t)(h)}
struct gc_state _PyGC_State = {
    .enabled = 1,
    .generations = {
        {GEN_INIT(&_PyGC_State.generations[0].head), GC_THRESHOLD0, 0},
        {GEN_INIT(&_PyGC_State.generations[1].head), 10, 0},
        {GEN_INIT(&_PyGC_State.generations[2].head), 10, 0},
    },
    .permanent = {GEN_INIT(&_PyGC_State.permanent.head), 0, 0},
};
#define GCST (&_PyGC_State)
#define GEN_HEAD(n) (&GCST->generations[n].head)
#define GC_NEXT _PyGCHead_NEXT
#define GC_PREV _PyGCHead_PREV

/* ------------------------------------------------------------------ list helpers */

static inline void gc_list_init(PyGC_Head *list)
{
    list->_gc_prev = (uintptr_t)list;
    list->_gc_next = (uintptr_t)list;
}

static inline int gc_list_is_empty(PyGC_Head *list) { return list->_gc_next == (uintptr_t)list; }

/* The flag bits of `node`'s _gc_prev survive every list operation. */
static inline void gc_list_append(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *last = (PyGC_Head *)list->_gc_prev;
    _PyGCHead_SET_PREV(node, last);
    _PyGCHead_SET_NEXT(last, node);
    _PyGCHead_SET_NEXT(node, list);
    list->_gc_prev = (uintptr_t)node;
}

static inline void gc_list_remove(PyGC_Head *node)
{
    PyGC_Head *prev = GC_PREV(node), *next = GC_NEXT(node);
    _PyGCHead_SET_NEXT(prev, next);
    _PyGCHead_SET_PREV(next, prev);
    node->_gc_next = 0;
}

static inline void gc_list_move(PyGC_Head *node, PyGC_Head *list)
{
    PyGC_Head *from_prev = GC_PREV(node), *from_next = GC_NEXT(node);
    _PyGCHead_SET_NEXT(from_prev, from_next);
    _PyGCHead_SET_PREV(from_next, from_prev);
    gc_list_append(node, list);
}

/* Append everything in `from` to `to`, leaving `from` empty. */
static void gc_list_merge(PyGC_Head *from, PyGC_Head *to)
{
    if (gc_list_is_empty(from))
        return;
    PyGC_Head *to_tail = GC_PREV(to);
    PyGC_Head *from_head = GC_NEXT(from), *from_tail = GC_PREV(from);
    _PyGCHead_SET_NEXT(to_tail, from_head);
    _PyGCHead_SET_PREV(from_head, to_tail);
    _PyGCHead_SET_NEXT(from_tail, to);
    _PyGCHead_SET_PREV(to, from_tail);
    gc_list_init(from);
}

static Py_ssize_t gc_list_size(PyGC_Head *list)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *g = GC_NEXT(list); g != list; g = GC_NEXT(g))
        n++;
    return n;
}

/* While collecting, _gc_prev holds the refcount copy above the two flag bits. */
static inline Py_ssize_t gc_get_refs(PyGC_Head *g) { return (Py_ssize_t)(g->_gc_prev >> _PyGC_PREV_SHIFT); }
static inline void gc_set_refs(PyGC_Head *g, Py_ssize_t n)
{
    g->_gc_prev = (g->_gc_prev & ~_PyGC_PREV_MASK) | ((uintptr_t)n << _PyGC_PREV_SHIFT);
}
static inline void gc_reset_refs(PyGC_Head *g, Py_ssize_t n)
{
    g->_gc_prev = (g->_gc_prev & _PyGC_PREV_MASK_FINALIZED) | PREV_MASK_COLLECTING |
                  ((uintptr_t)n << _PyGC_PREV_SHIFT);
}
static inline void gc_decref(PyGC_Head *g) { g->_gc_prev -= (uintptr_t)1 << _PyGC_PREV_SHIFT; }
static inline int gc_is_collecting(PyGC_Head *g) { return (g->_gc_prev & PREV_MASK_COLLECTING) != 0; }
static inline void gc_clear_collecting(PyGC_Head *g) { g->_gc_prev &= ~PREV_MASK_COLLECTING; }

/* ------------------------------------------------------------------ allocation */

/* Collect from an allocation that took generation 0 over its threshold (the new object
 * is not tracked yet, so it is safe), as CPython 3.11 does. */
static __attribute__((noinline)) void gc_collect_from_alloc(void)
{
    struct gc_state *st = GCST;
    if (st->enabled && st->generations[0].threshold && !st->collecting &&
        _PyThreadState_GET() != NULL && !PyErr_Occurred()) {
        st->collecting = 1;
        _PyGC_CollectGenerations();
        st->collecting = 0;
    }
}

/* Count an allocation: one increment and compare inline, the rest out of line. */
static inline void gc_on_alloc(void)
{
    struct gc_state *st = GCST;
    if (Py_UNLIKELY(++st->generations[0].count > st->generations[0].threshold))
        gc_collect_from_alloc();
}

/* Everything allocated here has a PyGC_Head, whatever the type says; managed-dict
 * types also have their two words in front of it (objimpl.h's _PyType_PreHeaderSize). */
static inline size_t gc_presize(PyTypeObject *tp)
{
    return sizeof(PyGC_Head) +
           (PyType_HasFeature(tp, Py_TPFLAGS_MANAGED_DICT) ? 2 * sizeof(PyObject *) : 0);
}

/* Room for the pre-header (the PyGC_Head, and before it the managed-dict words of
 * Py_TPFLAGS_MANAGED_DICT types, zeroed) in front of `basicsize` bytes of object. */
static PyObject *gc_alloc(size_t presize, size_t basicsize)
{
    if (basicsize > (size_t)PY_SSIZE_T_MAX - presize)
        return PyErr_NoMemory();
    char *mem = PyObject_Malloc(presize + basicsize);
    if (mem == NULL)
        return PyErr_NoMemory();
    /* untracked until PyObject_GC_Track; word stores, as a memset of a variable size
     * would be a libc call on every allocation */
    uintptr_t *words = (uintptr_t *)mem;
    for (size_t i = 0; i < presize / sizeof(uintptr_t); i++)
        words[i] = 0;
    gc_on_alloc();
    return (PyObject *)(mem + presize);
}

PyObject *_PyObject_GC_Malloc(size_t basicsize) { return gc_alloc(sizeof(PyGC_Head), basicsize); }

PyObject *_PyObject_GC_New(PyTypeObject *tp)
{
    PyObject *op = gc_alloc(gc_presize(tp), (size_t)_PyObject_SIZE(tp));
    if (op == NULL)
        return NULL;
    return PyObject_Init(op, tp);
}

/* PyType_GenericAlloc's common case (a fixed-size GC type): the object zeroed, its type
 * and refcount set, and tracked -- one call, the zeroing inline (no memset call for the
 * few words of a small instance). */
PyObject *_PyObject_GC_NewZeroedTracked(PyTypeObject *tp)
{
    size_t presize = gc_presize(tp);
    size_t size = ((size_t)tp->tp_basicsize + 7) & ~(size_t)7;
    if (size > (size_t)PY_SSIZE_T_MAX - presize)
        return PyErr_NoMemory();
    char *mem = PyObject_Malloc(presize + size);
    if (mem == NULL)
        return PyErr_NoMemory();
    if (presize > sizeof(PyGC_Head)) {   /* the managed-dict words */
        ((uintptr_t *)mem)[0] = 0;
        ((uintptr_t *)mem)[1] = 0;
    }
    PyObject *op = (PyObject *)(mem + presize);
    /* Only what follows the object header needs zeroing: the header and the PyGC_Head
     * are written below. */
    uintptr_t *w = (uintptr_t *)(op + 1), *end = (uintptr_t *)((char *)op + size);
    while (w < end) {
        *w++ = 0;
        __asm__("" : "+r"(w)); /* keeps the compiler from turning this into a memset call */
    }
    gc_on_alloc();
    Py_SET_TYPE(op, tp);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(tp);   /* instances of heap types keep their class alive */
    Py_SET_REFCNT(op, 1);
    /* appended to generation 0; a fresh head has no flags to keep */
    PyGC_Head *g = _Py_AS_GC(op), *gen0 = GEN_HEAD(0);
    PyGC_Head *last = (PyGC_Head *)gen0->_gc_prev;
    g->_gc_prev = (uintptr_t)last;
    g->_gc_next = (uintptr_t)gen0;
    _PyGCHead_SET_NEXT(last, g);
    gen0->_gc_prev = (uintptr_t)g;
    return op;
}

PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    if (nitems < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if ((size_t)nitems > ((size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head) - (size_t)tp->tp_basicsize - 8)
                             / (tp->tp_itemsize ? (size_t)tp->tp_itemsize : 1)) {
        PyErr_NoMemory();
        return NULL;
    }
    PyObject *op = gc_alloc(gc_presize(tp), _PyObject_VAR_SIZE(tp, nitems));
    if (op == NULL)
        return NULL;
    return PyObject_InitVar((PyVarObject *)op, tp, nitems);
}

PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems)
{
    PyTypeObject *tp = Py_TYPE(op);
    if (nitems < 0 || (size_t)nitems > ((size_t)PY_SSIZE_T_MAX - sizeof(PyGC_Head) -
                                        (size_t)tp->tp_basicsize - 8)
                                           / (tp->tp_itemsize ? (size_t)tp->tp_itemsize : 1)) {
        PyErr_NoMemory();
        return NULL;
    }
    size_t size = _PyObject_VAR_SIZE(tp, nitems);
    size_t presize = gc_presize(tp);
    PyGC_Head *g = _Py_AS_GC(op);
    int tracked = g->_gc_next != 0;
    PyGC_Head *prev = tracked ? GC_PREV(g) : NULL, *next = tracked ? GC_NEXT(g) : NULL;
    char *mem = PyObject_Realloc((char *)op - presize, presize + size);
    if (mem == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    op = (PyVarObject *)(mem + presize);
    PyGC_Head *ng = _Py_AS_GC(op);
    if (tracked && ng != g) {   /* the block moved: relink the neighbours */
        _PyGCHead_SET_NEXT(prev, ng);
        _PyGCHead_SET_PREV(next, ng);
    }
    Py_SET_SIZE(op, nitems);
    return op;
}

void PyObject_GC_Track(void *op_raw)
{
    PyObject *op = _PyObject_CAST(op_raw);
    PyGC_Head *g = _Py_AS_GC(op);
    if (g->_gc_next != 0)
        Py_FatalError("GC object already tracked");
    gc_list_append(g, GEN_HEAD(0));
}

void PyObject_GC_UnTrack(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC(_PyObject_CAST(op_raw));
    if (g->_gc_next == 0)
        return;   /* untracking twice is allowed, as in CPython */
    gc_list_remove(g);
    g->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
}

void PyObject_GC_Del(void *op_raw)
{
    PyGC_Head *g = _Py_AS_GC(_PyObject_CAST(op_raw));
    if (g->_gc_next != 0)
        gc_list_remove(g);
    if (GCST->generations[0].count > 0)
        GCST->generations[0].count--;
    /* the type is still alive here: heap types' deallocs drop it after tp_free */
    PyObject_Free((char *)op_raw - gc_presize(Py_TYPE(_PyObject_CAST(op_raw))));
}

int PyObject_GC_IsTracked(PyObject *op)
{
    return PyObject_IS_GC(op) && _Py_AS_GC(op)->_gc_next != 0;
}

int PyObject_GC_IsFinalized(PyObject *op)
{
    return PyObject_IS_GC(op) && _PyGC_FINALIZED(op);
}

/* Number of tracked objects in all generations. */
Py_ssize_t _PyGC_TrackedCount(void)
{
    Py_ssize_t n = 0;
    for (int i = 0; i < NUM_GENERATIONS; i++)
        n += gc_list_size(GEN_HEAD(i));
    return n;
}

/* ------------------------------------------------------------------ the algorithm */

/* gc_refs := ob_refcnt for everything in `containers`, marking them COLLECTING.  From
 * here until move_unreachable the prev pointers of `containers` are not valid. */
static void update_refs(PyGC_Head *containers)
{
    for (PyGC_Head *g = GC_NEXT(containers); g != containers; g = GC_NEXT(g))
        gc_reset_refs(g, Py_REFCNT(_Py_FROM_GC(g)));
}

/* Only objects of the set being collected have COLLECTING (untracking clears it). */
static inline PyGC_Head *collecting_head(PyObject *op)
{
    if (!PyObject_IS_GC(op))
        return NULL;
    PyGC_Head *g = _Py_AS_GC(op);
    return gc_is_collecting(g) ? g : NULL;
}

static int visit_decref(PyObject *op, void *arg)
{
    PyGC_Head *g = collecting_head(op);
    if (g != NULL)
        gc_decref(g);
    return 0;
}

static void traverse(PyObject *op, visitproc visit, void *arg)
{
    traverseproc t = Py_TYPE(op)->tp_traverse;
    if (t != NULL)
        (void)t(op, visit, arg);
}

/* Subtract the references held by objects inside the set: what remains in gc_refs is
 * the number of references from outside (from the stack, globals, C code...). */
static void subtract_refs(PyGC_Head *containers)
{
    for (PyGC_Head *g = GC_NEXT(containers); g != containers; g = GC_NEXT(g))
        traverse(_Py_FROM_GC(g), visit_decref, NULL);
}

static int visit_reachable(PyObject *op, void *arg)
{
    PyGC_Head *reachable = arg;
    PyGC_Head *g = collecting_head(op);
    if (g == NULL)
        return 0;   /* not in the set, or already scanned as reachable */
    if (g->_gc_next & NEXT_MASK_UNREACHABLE) {
        /* Moved to unreachable too early: unlink it by hand (the unreachable list's
         * next links carry the mark) and bring it back to be scanned in turn. */
        PyGC_Head *prev = GC_PREV(g);
        PyGC_Head *next = (PyGC_Head *)(g->_gc_next & ~NEXT_MASK_UNREACHABLE);
        prev->_gc_next = g->_gc_next;   /* keeps the mark */
        _PyGCHead_SET_PREV(next, prev);
        gc_list_append(g, reachable);
        gc_set_refs(g, 1);
    } else if (gc_get_refs(g) == 0) {
        gc_set_refs(g, 1);   /* not scanned yet: it will be, as reachable */
    }
    return 0;
}

/* Split `young` into reachable (stays in young, prev pointers rebuilt, COLLECTING
 * cleared) and unreachable (COLLECTING kept, _gc_next marked).  Every object reached
 * from one with outside references is reachable; the scan order makes this one pass
 * plus the occasional move back. */
static void move_unreachable(PyGC_Head *young, PyGC_Head *unreachable)
{
    PyGC_Head *prev = young;
    PyGC_Head *g = GC_NEXT(young);
    while (g != young) {
        if (gc_get_refs(g) > 0) {
            /* visit_reachable may append to young (and so change g->_gc_next when g is
             * last): take the next pointer only afterwards. */
            traverse(_Py_FROM_GC(g), visit_reachable, young);
            _PyGCHead_SET_PREV(g, prev);
            gc_clear_collecting(g);
            prev = g;
        } else {
            /* Tentatively unreachable; young is singly linked for now, so only the
             * forward link needs mending. */
            prev->_gc_next = g->_gc_next;
            PyGC_Head *last = (PyGC_Head *)unreachable->_gc_prev;
            last->_gc_next = NEXT_MASK_UNREACHABLE | (uintptr_t)g;   /* may mark the head too */
            _PyGCHead_SET_PREV(g, last);
            g->_gc_next = NEXT_MASK_UNREACHABLE | (uintptr_t)unreachable;
            unreachable->_gc_prev = (uintptr_t)g;
        }
        g = (PyGC_Head *)prev->_gc_next;
    }
    young->_gc_prev = (uintptr_t)prev;
    unreachable->_gc_next &= ~NEXT_MASK_UNREACHABLE;
}

/* Collection sets: refcount copies, internal references subtracted, split. */
static void deduce_unreachable(PyGC_Head *base, PyGC_Head *unreachable)
{
    update_refs(base);
    subtract_refs(base);
    gc_list_init(unreachable);
    move_unreachable(base, unreachable);
}

static void clear_unreachable_mask(PyGC_Head *list)
{
    for (PyGC_Head *g = GC_NEXT(list); g != list; g = (PyGC_Head *)g->_gc_next)
        g->_gc_next &= ~NEXT_MASK_UNREACHABLE;
}

/* Tuples whose items can never be in a cycle stop being tracked (CPython does this
 * during collection rather than at creation). */
static void untrack_tuples(PyGC_Head *head)
{
    PyGC_Head *next;
    for (PyGC_Head *g = GC_NEXT(head); g != head; g = next) {
        next = GC_NEXT(g);
        PyObject *op = _Py_FROM_GC(g);
        if (PyTuple_CheckExact(op))
            _PyTuple_MaybeUntrack(op);
    }
}

static void untrack_dicts(PyGC_Head *head)
{
    PyGC_Head *next;
    for (PyGC_Head *g = GC_NEXT(head); g != head; g = next) {
        next = GC_NEXT(g);
        PyObject *op = _Py_FROM_GC(g);
        if (PyDict_CheckExact(op))
            _PyDict_MaybeUntrack(op);
    }
}

/* Does an instance of tp keep its __dict__ in a slot that CPython 3.11 manages lazily
 * (Py_TPFLAGS_MANAGED_DICT: added by a Python class whose base has no items)? */
static int has_lazy_dict(PyTypeObject *tp)
{
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) || tp->tp_dictoffset <= 0)
        return 0;
    while (tp->tp_base != NULL && tp->tp_base->tp_dictoffset != 0)
        tp = tp->tp_base;   /* up to the class that added the dict */
    return (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) && tp->tp_base != NULL &&
           tp->tp_base->tp_itemsize == 0;
}

/* How an unreachable object counts in the number collected, as CPython 3.11 counts.
 * An instance of a Python class whose attributes live in a real __dict__ (3.11 keeps
 * them in the object until the dict is asked for): that dict, dying with its instance
 * and referenced by nothing else, is not counted (gc.collect() returns 2 for a cycle of
 * two instances, as in 3.11).  Only while the set is COLLECTING. */
static inline Py_ssize_t collected_weight(PyObject *op)
{
    if (!has_lazy_dict(Py_TYPE(op)))
        return 1;
    PyObject *dict = *(PyObject **)((char *)op + Py_TYPE(op)->tp_dictoffset);
    if ((uintptr_t)dict & 1)
        return 1;   /* attribute values kept without a dict (dictobject.c): counted once, as 3.11 */
    if (dict != NULL && PyDict_CheckExact(dict) && Py_REFCNT(dict) == 1 &&
        _PyObject_GC_IS_TRACKED(dict) && gc_is_collecting(_Py_AS_GC(dict)))
        return 0;
    return 1;
}

/* What the weakref pass learns about the unreachable set on its way through it, so that
 * sets without finalizers need no further passes before tp_clear. */
struct unreachable_scan {
    Py_ssize_t to_finalize;   /* objects whose tp_finalize will run */
    Py_ssize_t collected;     /* sum of collected_weight */
    Py_ssize_t weakrefs;      /* weakrefs, and objects with weakrefs to clear */
};

static inline void scan_object(PyGC_Head *g, PyObject *op, struct unreachable_scan *scan)
{
    if (!_PyGCHead_FINALIZED(g) && Py_TYPE(op)->tp_finalize != NULL)
        scan->to_finalize++;
    scan->collected += collected_weight(op);
}

/* Is there weakref work for handle_weakrefs: a live weakref, or referents' weakrefs? */
static inline int has_weakref_work(PyObject *op)
{
    if (PyWeakref_Check(op) && ((PyWeakReference *)op)->wr_object != Py_None)
        return 1;
    return _PyType_SUPPORTS_WEAKREFS(Py_TYPE(op)) && *_PyObject_GET_WEAKREFS_LISTPTR(op) != NULL;
}

static int has_legacy_finalizer(PyObject *op) { return Py_TYPE(op)->tp_del != NULL; }

/* Objects with a legacy tp_del cannot be collected: they (and what they reach) go to
 * gc.garbage.  After move_unreachable only the unreachable set is COLLECTING. */
static int visit_move(PyObject *op, void *arg)
{
    PyGC_Head *tolist = arg;
    PyGC_Head *g = collecting_head(op);
    if (g != NULL) {
        gc_list_move(g, tolist);
        gc_clear_collecting(g);
    }
    return 0;
}

/* Also turns `unreachable` back into a normal list (drops the next-link marks), and
 * scans it on the way (one pass while the objects are in cache).  Returns 1 when the
 * scan is exact: no legacy finalizer took objects out of the set afterwards. */
static int move_legacy_finalizers(PyGC_Head *unreachable, PyGC_Head *finalizers,
                                  struct unreachable_scan *scan)
{
    PyGC_Head *next;
    scan->to_finalize = scan->collected = scan->weakrefs = 0;
    for (PyGC_Head *g = GC_NEXT(unreachable); g != unreachable; g = next) {
        g->_gc_next &= ~NEXT_MASK_UNREACHABLE;
        next = GC_NEXT(g);
        PyObject *op = _Py_FROM_GC(g);
        if (has_legacy_finalizer(op)) {
            gc_clear_collecting(g);
            gc_list_move(g, finalizers);
            continue;
        }
        scan_object(g, op, scan);
        scan->weakrefs += has_weakref_work(op);
    }
    if (gc_list_is_empty(finalizers))
        return 1;
    for (PyGC_Head *g = GC_NEXT(finalizers); g != finalizers; g = GC_NEXT(g))
        traverse(_Py_FROM_GC(g), visit_move, finalizers);
    return 0;
}

/* Clear weak references to unreachable objects before anything else runs, so no
 * finalizer or callback can reach a half-destroyed object through one; then call the
 * callbacks of the refs that are themselves reachable.  Returns the number freed. */
static int handle_weakrefs(PyGC_Head *unreachable, PyGC_Head *old,
                           struct unreachable_scan *scan)
{
    PyGC_Head wrcb_to_call;
    gc_list_init(&wrcb_to_call);
    scan->to_finalize = scan->collected = scan->weakrefs = 0;
    for (PyGC_Head *g = GC_NEXT(unreachable); g != unreachable; g = GC_NEXT(g)) {
        PyObject *op = _Py_FROM_GC(g);
        scan_object(g, op, scan);
        if (PyWeakref_Check(op)) {
            /* A dead weakref in the trash must not call its callback during tp_clear. */
            PyWeakReference *wr = (PyWeakReference *)op;
            if (wr->wr_object != Py_None)
                _PyWeakref_ClearRef(wr);
        }
        if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(op)))
            continue;
        PyWeakReference **wrlist = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(op);
        while (*wrlist != NULL) {
            PyWeakReference *wr = *wrlist;
            _PyWeakref_ClearRef(wr);   /* unlinks it from *wrlist */
            if (wr->wr_callback == NULL)
                continue;
            PyGC_Head *wrg = _Py_AS_GC((PyObject *)wr);
            if (wrg->_gc_next == 0 || gc_is_collecting(wrg))
                continue;   /* the ref is trash too (or untracked): no callback */
            Py_INCREF(wr);
            gc_list_move(wrg, &wrcb_to_call);
        }
    }
    int freed = 0;
    while (!gc_list_is_empty(&wrcb_to_call)) {
        PyGC_Head *g = GC_NEXT(&wrcb_to_call);
        PyWeakReference *wr = (PyWeakReference *)_Py_FROM_GC(g);
        PyObject *callback = wr->wr_callback;
        PyObject *res = PyObject_CallOneArg(callback, (PyObject *)wr);
        if (res == NULL)
            PyErr_WriteUnraisable(callback);
        else
            Py_DECREF(res);
        /* Drop our reference: often the last one (e.g. a WeakValueDictionary entry). */
        Py_DECREF(wr);
        if (GC_NEXT(&wrcb_to_call) == g)
            gc_list_move(g, old);   /* still alive */
        else
            freed++;
    }
    return freed;
}

/* PEP 442: run each unreachable object's tp_finalize once (the FINALIZED bit stays).
 * Returns the number of finalizers called. */
static Py_ssize_t finalize_garbage(PyGC_Head *collectable)
{
    Py_ssize_t called = 0;
    PyGC_Head seen;
    gc_list_init(&seen);
    while (!gc_list_is_empty(collectable)) {
        PyGC_Head *g = GC_NEXT(collectable);
        PyObject *op = _Py_FROM_GC(g);
        gc_list_move(g, &seen);
        destructor finalize = Py_TYPE(op)->tp_finalize;
        if (!_PyGCHead_FINALIZED(g) && finalize != NULL) {
            _PyGCHead_SET_FINALIZED(g);
            Py_INCREF(op);
            finalize(op);
            if (PyErr_Occurred())
                PyErr_WriteUnraisable(NULL);
            Py_DECREF(op);
            called++;
        }
    }
    gc_list_merge(&seen, collectable);
    return called;
}

/* After finalizers ran, anything now referenced from outside (resurrected), and all it
 * reaches, survives into the old generation; the rest is still_unreachable. */
static void gc_list_clear_collecting(PyGC_Head *list)
{
    for (PyGC_Head *g = GC_NEXT(list); g != list; g = GC_NEXT(g))
        gc_clear_collecting(g);
}

static void handle_resurrected_objects(PyGC_Head *unreachable, PyGC_Head *still_unreachable,
                                       PyGC_Head *old)
{
    gc_list_clear_collecting(unreachable);
    deduce_unreachable(unreachable, still_unreachable);   /* what is left: resurrected */
    clear_unreachable_mask(still_unreachable);
    gc_list_merge(unreachable, old);
}

/* The number of objects about to be freed (see collected_weight). */
static Py_ssize_t count_collected(PyGC_Head *collectable)
{
    Py_ssize_t n = 0;
    for (PyGC_Head *g = GC_NEXT(collectable); g != collectable; g = GC_NEXT(g))
        n += collected_weight(_Py_FROM_GC(g));
    return n;
}

static void debug_cycle(const char *msg, PyObject *op)
{
    PySys_FormatStderr("gc: %s <%s %p>\n", msg, Py_TYPE(op)->tp_name, (void *)op);
}

/* Break the cycles: tp_clear each object (holding a reference so it cannot vanish in
 * the middle); survivors of tp_clear go to the old generation. */
static void delete_garbage(PyGC_Head *collectable, PyGC_Head *old)
{
    struct gc_state *st = GCST;
    while (!gc_list_is_empty(collectable)) {
        PyGC_Head *g = GC_NEXT(collectable);
        PyObject *op = _Py_FROM_GC(g);
        if (st->debug & DEBUG_SAVEALL) {
            if (st->garbage != NULL && PyList_Append(st->garbage, op) < 0)
                PyErr_Clear();
        } else {
            inquiry clear = Py_TYPE(op)->tp_clear;
            if (clear != NULL) {
                Py_INCREF(op);
                (void)clear(op);
                if (PyErr_Occurred())
                    PyErr_WriteUnraisable(NULL);
                Py_DECREF(op);
            }
        }
        if (GC_NEXT(collectable) == g) {   /* still alive */
            gc_clear_collecting(g);
            gc_list_move(g, old);
        }
    }
}

static void handle_legacy_finalizers(PyGC_Head *finalizers, PyGC_Head *old)
{
    struct gc_state *st = GCST;
    if (st->garbage == NULL) {
        st->garbage = PyList_New(0);
        if (st->garbage == NULL)
            PyErr_Clear();
    }
    for (PyGC_Head *g = GC_NEXT(finalizers); g != finalizers; g = GC_NEXT(g)) {
        PyObject *op = _Py_FROM_GC(g);
        if (st->garbage != NULL && ((st->debug & DEBUG_SAVEALL) || has_legacy_finalizer(op))) {
            if (PyList_Append(st->garbage, op) < 0) {
                PyErr_Clear();
                break;
            }
        }
    }
    gc_list_merge(finalizers, old);
}

/* A full collection empties the free lists, as CPython's clear_freelists (the cached
 * blocks go back to the allocator; tracemalloc's test relies on it too). */
void _PyGC_ClearFreeLists(void)
{
    _PyList_Fini();
    _PyTuple_Fini();
    _PyDict_Fini();
    _PyLong_Fini();
    _PyFrame_ClearFreeList();
}

/* One collection of `generation` and everything younger.  Returns the number of
 * unreachable objects found (collected + uncollectable). */
static Py_ssize_t gc_collect_main(int generation, Py_ssize_t *n_collected,
                                  Py_ssize_t *n_uncollectable)
{
    struct gc_state *st = GCST;
    Py_ssize_t m = 0, n = 0;
    PyGC_Head unreachable, finalizers;
    struct timespec t0 = {0, 0};

    if (st->debug & DEBUG_STATS) {
        PySys_WriteStderr("gc: collecting generation %d...\n", generation);
        PySys_FormatStderr("gc: objects in each generation: %zd %zd %zd\n",
                           gc_list_size(GEN_HEAD(0)), gc_list_size(GEN_HEAD(1)),
                           gc_list_size(GEN_HEAD(2)));
        PySys_FormatStderr("gc: objects in permanent generation: %zd\n",
                           gc_list_size(&st->permanent.head));
        clock_gettime(CLOCK_MONOTONIC, &t0);
    }
    if (generation + 1 < NUM_GENERATIONS)
        st->generations[generation + 1].count += 1;
    for (int i = 0; i <= generation; i++)
        st->generations[i].count = 0;
    for (int i = 0; i < generation; i++)
        gc_list_merge(GEN_HEAD(i), GEN_HEAD(generation));

    PyGC_Head *young = GEN_HEAD(generation);
    PyGC_Head *old = generation < NUM_GENERATIONS - 1 ? GEN_HEAD(generation + 1) : young;

    deduce_unreachable(young, &unreachable);
    untrack_tuples(young);
    if (young != old) {
        if (generation == NUM_GENERATIONS - 2)
            st->long_lived_pending += gc_list_size(young);
        gc_list_merge(young, old);
    } else {
        untrack_dicts(young);
        st->long_lived_pending = 0;
        st->long_lived_total = gc_list_size(young);
    }

    gc_list_init(&finalizers);
    struct unreachable_scan scan;
    int scan_exact = move_legacy_finalizers(&unreachable, &finalizers, &scan);
    if (st->debug & DEBUG_COLLECTABLE)
        for (PyGC_Head *g = GC_NEXT(&unreachable); g != &unreachable; g = GC_NEXT(g))
            debug_cycle("collectable", _Py_FROM_GC(g));
    /* handle_weakrefs rescans the set (what legacy finalizers left of it) */
    if (!scan_exact || scan.weakrefs > 0)
        m += handle_weakrefs(&unreachable, old, &scan);

    PyGC_Head final_unreachable;
    gc_list_init(&final_unreachable);
    /* Only a finalizer can resurrect: the weakref callbacks called above are reachable
     * and cannot reach the trash (its weakrefs were cleared first).  Without one, the
     * whole set is still unreachable (COLLECTING, unmarked): the finalizer pass and the
     * second update/subtract/move pass over it (a third of a collection full of
     * garbage) are skipped, and the count taken on the way is final. */
    if (scan.to_finalize > 0 && finalize_garbage(&unreachable) > 0) {
        handle_resurrected_objects(&unreachable, &final_unreachable, old);
        /* as 3.11: what finalizers resurrected is not counted as collected */
        m += count_collected(&final_unreachable);
    } else {
        gc_list_merge(&unreachable, &final_unreachable);
        m += scan.collected;
    }
    delete_garbage(&final_unreachable, old);

    for (PyGC_Head *g = GC_NEXT(&finalizers); g != &finalizers; g = GC_NEXT(g)) {
        n++;
        if (st->debug & DEBUG_UNCOLLECTABLE)
            debug_cycle("uncollectable", _Py_FROM_GC(g));
    }
    if (st->debug & DEBUG_STATS) {
        struct timespec t1;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double d = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
        char buf[32];
        snprintf(buf, sizeof buf, "%.4f", d);
        PySys_FormatStderr("gc: done, %zd unreachable, %zd uncollectable, %ss elapsed\n",
                           n + m, n, buf);
    }
    handle_legacy_finalizers(&finalizers, old);
    if (generation == NUM_GENERATIONS - 1)
        _PyGC_ClearFreeLists();

    if (PyErr_Occurred())
        PyErr_WriteUnraisable(NULL);
    st->stats[generation].collections++;
    st->stats[generation].collected += m;
    st->stats[generation].uncollectable += n;
    if (n_collected)
        *n_collected = m;
    if (n_uncollectable)
        *n_uncollectable = n;
    return n + m;
}

/* gc.callbacks: each is called with ("start" | "stop", {generation, collected,
 * uncollectable}). */
static void invoke_gc_callback(const char *phase, int generation, Py_ssize_t collected,
                               Py_ssize_t uncollectable)
{
    struct gc_state *st = GCST;
    if (st->callbacks == NULL || PyList_GET_SIZE(st->callbacks) == 0)
        return;
    PyObject *info = Py_BuildValue("{sisnsn}", "generation", generation, "collected", collected,
                                   "uncollectable", uncollectable);
    if (info == NULL) {
        PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *phase_obj = PyUnicode_FromString(phase);
    if (phase_obj == NULL) {
        Py_DECREF(info);
        PyErr_WriteUnraisable(NULL);
        return;
    }
    /* Callbacks may change the list: iterate over a copy. */
    PyObject *copy = PyList_GetSlice(st->callbacks, 0, PyList_GET_SIZE(st->callbacks));
    if (copy != NULL) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(copy); i++) {
            PyObject *cb = PyList_GET_ITEM(copy, i);
            PyObject *r = PyObject_CallFunctionObjArgs(cb, phase_obj, info, NULL);
            if (r == NULL)
                PyErr_WriteUnraisable(cb);
            else
                Py_DECREF(r);
        }
        Py_DECREF(copy);
    } else {
        PyErr_WriteUnraisable(NULL);
    }
    Py_DECREF(phase_obj);
    Py_DECREF(info);
}

Py_ssize_t _PyGC_CollectWithCallback(int generation)
{
    Py_ssize_t collected = 0, uncollectable = 0;
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    invoke_gc_callback("start", generation, 0, 0);
    Py_ssize_t result = gc_collect_main(generation, &collected, &uncollectable);
    invoke_gc_callback("stop", generation, collected, uncollectable);
    PyErr_Restore(et, ev, tb);
    return result;
}

/* The automatic collection: the oldest generation over its threshold.  A full
 * collection also waits until 25% of the long-lived objects are new (CPython's rule,
 * which keeps collection cost linear). */
Py_ssize_t _PyGC_CollectGenerations(void)
{
    struct gc_state *st = GCST;
    for (int i = NUM_GENERATIONS - 1; i >= 0; i--) {
        if (st->generations[i].count > st->generations[i].threshold) {
            if (i == NUM_GENERATIONS - 1 && st->long_lived_pending < st->long_lived_total / 4)
                continue;
            return _PyGC_CollectWithCallback(i);
        }
    }
    return 0;
}

Py_ssize_t PyGC_Collect(void)
{
    struct gc_state *st = GCST;
    if (!st->enabled || st->collecting)
        return 0;
    st->collecting = 1;
    Py_ssize_t n = _PyGC_CollectWithCallback(NUM_GENERATIONS - 1);
    st->collecting = 0;
    return n;
}

/* At shutdown: collect even when disabled, without callbacks. */
Py_ssize_t _PyGC_CollectNoFail(void)
{
    struct gc_state *st = GCST;
    if (st->collecting)
        return 0;
    st->collecting = 1;
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    Py_ssize_t n = gc_collect_main(NUM_GENERATIONS - 1, NULL, NULL);
    PyErr_Restore(et, ev, tb);
    st->collecting = 0;
    return n;
}

int PyGC_Enable(void)
{
    int old = GCST->enabled;
    GCST->enabled = 1;
    return old;
}

int PyGC_Disable(void)
{
    int old = GCST->enabled;
    GCST->enabled = 0;
    return old;
}

int PyGC_IsEnabled(void) { return GCST->enabled; }

/* ------------------------------------------------------------------ for gcmodule.c */

PyGC_Head *_PyGC_GenerationHead(int generation)
{
    if (generation < 0)
        return &GCST->permanent.head;
    return GEN_HEAD(generation);
}

Py_ssize_t _PyGC_ListSize(PyGC_Head *list) { return gc_list_size(list); }

void _PyGC_Freeze(void)
{
    for (int i = 0; i < NUM_GENERATIONS; i++) {
        gc_list_merge(GEN_HEAD(i), &GCST->permanent.head);
        GCST->generations[i].count = 0;
    }
}

void _PyGC_Unfreeze(void)
{
    gc_list_merge(&GCST->permanent.head, GEN_HEAD(NUM_GENERATIONS - 1));
}

#if defined(KRAIT_ASAN) || defined(KRAIT_LEAKCHECK)
/* Unlink every object of `list` (they become untracked; a later dealloc is fine). */
static void gc_list_dissolve(PyGC_Head *list)
{
    PyGC_Head *g = GC_NEXT(list), *next;
    for (; g != list; g = next) {
        next = GC_NEXT(g);
        g->_gc_next = 0;
        g->_gc_prev &= _PyGC_PREV_MASK_FINALIZED;
    }
    gc_list_init(list);
}
#endif

/* At interpreter shutdown, after the last collection: drop the module's lists.  In
 * sanitizer builds also dissolve the generation lists, which otherwise link every
 * tracked object to a static head, so LeakSanitizer would count any leaked container
 * as reachable; after this only real references keep objects "reachable". */
void _PyGC_Fini(void)
{
    Py_CLEAR(GCST->garbage);
    Py_CLEAR(GCST->callbacks);
#if defined(KRAIT_ASAN) || defined(KRAIT_LEAKCHECK)
    GCST->enabled = 0;
    for (int i = 0; i < NUM_GENERATIONS; i++)
        gc_list_dissolve(GEN_HEAD(i));
    gc_list_dissolve(&GCST->permanent.head);
#endif
}
