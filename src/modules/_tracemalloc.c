/* _tracemalloc.c — the `_tracemalloc` module tracemalloc.py imports.  Owner: memory.
 * While tracing, obmalloc.c calls our hooks on every PyMem_* / PyObject_* block: each live
 * block gets a trace (size, traceback of the Python frames that allocated it, most recent
 * first, at most get_traceback_limit() frames); tracebacks are interned.  The tables use
 * the C library's malloc, never the traced allocators, under one mutex (PyMem_* may be
 * called without the GIL: such a thread's blocks get the "<unknown>" frame). */
#include "Python.h"
#include "pythread.h"
#include <pthread.h>

/* Same struct as obmalloc.c's (kept out of the headers every object file depends on). */
typedef struct {
    void (*alloc)(void *ptr, size_t size);
    void (*free)(void *ptr);
} _PyTraceMalloc_Hooks;
extern const _PyTraceMalloc_Hooks *_PyTraceMalloc_hooks;
extern int _PyTraceMalloc_active;

#define MAX_NFRAME 65535

typedef struct {
    PyObject *filename;          /* strong reference (a str) */
    unsigned int lineno;
} tm_frame;

typedef struct tm_traceback {
    struct tm_traceback *next;   /* chain of the intern table */
    Py_uhash_t hash;
    int nframe;
    int total_nframe;            /* depth of the stack, capped at MAX_NFRAME */
    tm_frame frames[1];
} tm_traceback;

typedef struct {                 /* one slot of the trace table; ptr NULL = empty */
    void *ptr;
    size_t size;
    tm_traceback *tb;
} tm_trace;

typedef struct {                 /* interned tracebacks: chained hash table */
    tm_traceback **buckets;
    size_t nbuckets, count;
} tb_table;

static pthread_mutex_t tm_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local int tm_reentrant;   /* the hooks never trace their own work */
static int tracing;
static int max_nframe = 1;
static PyObject *unknown_filename;       /* "<unknown>" */

static tm_trace *traces;                 /* open addressing, linear probing */
static size_t traces_cap, traces_count;
static tb_table tbs;
static size_t traced_memory, peak_traced_memory;
static tm_frame *scratch;                /* max_nframe frames: the traceback being built */
static size_t scratch_cap;
/* While _get_traces & co. turn tracebacks into tuples (which allocates, so may run a
 * collection and Python code that clears the traces), cleared tracebacks wait here. */
static int readers;
static tm_traceback *zombies;

/* ------------------------------------------------------------------ trace table */

static inline size_t ptr_slot(void *ptr, size_t cap)
{
    uintptr_t x = (uintptr_t)ptr >> 4;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ULL;
    return (size_t)(x ^ (x >> 29)) & (cap - 1);
}

static tm_trace *trace_find(void *ptr)
{
    if (traces_cap == 0)
        return NULL;
    for (size_t i = ptr_slot(ptr, traces_cap);; i = (i + 1) & (traces_cap - 1)) {
        if (traces[i].ptr == ptr)
            return &traces[i];
        if (traces[i].ptr == NULL)
            return NULL;
    }
}

static int traces_grow(void)
{
    size_t cap = traces_cap ? traces_cap * 2 : 4096;
    tm_trace *t = calloc(cap, sizeof(tm_trace));
    if (t == NULL)
        return -1;
    for (size_t i = 0; i < traces_cap; i++) {
        if (traces[i].ptr == NULL)
            continue;
        size_t j = ptr_slot(traces[i].ptr, cap);
        while (t[j].ptr != NULL)
            j = (j + 1) & (cap - 1);
        t[j] = traces[i];
    }
    free(traces);
    traces = t;
    traces_cap = cap;
    return 0;
}

/* Insert or replace the trace of ptr; 0, or -1 when the table cannot grow (the block
 * is then simply not traced). */
static int trace_put(void *ptr, size_t size, tm_traceback *tb)
{
    tm_trace *t = trace_find(ptr);
    if (t != NULL) {
        traced_memory -= t->size;
    } else {
        if ((traces_count + 1) * 4 > traces_cap * 3 && traces_grow() < 0)
            return -1;
        size_t i = ptr_slot(ptr, traces_cap);
        while (traces[i].ptr != NULL)
            i = (i + 1) & (traces_cap - 1);
        t = &traces[i];
        t->ptr = ptr;
        traces_count++;
    }
    t->size = size;
    t->tb = tb;
    traced_memory += size;
    if (traced_memory > peak_traced_memory)
        peak_traced_memory = traced_memory;
    return 0;
}

/* Remove slot i, shifting back the entries of its probe run (no tombstones). */
static void trace_remove(tm_trace *t)
{
    size_t mask = traces_cap - 1, i = (size_t)(t - traces), j = i;
    traced_memory -= t->size;
    traces_count--;
    for (;;) {
        traces[i].ptr = NULL;
        for (;;) {
            j = (j + 1) & mask;
            if (traces[j].ptr == NULL)
                return;
            size_t home = ptr_slot(traces[j].ptr, traces_cap);
            /* may entry j move to the hole at i?  only if its home is not in (i, j] */
            if (i <= j ? (home <= i || home > j) : (home <= i && home > j))
                break;
        }
        traces[i] = traces[j];
        i = j;
    }
}

/* ------------------------------------------------------------------ tracebacks */

static Py_uhash_t frames_hash(const tm_frame *f, int n, int total)
{
    Py_uhash_t h = 0x345678UL ^ (Py_uhash_t)total;
    for (int i = 0; i < n; i++) {
        h = (h ^ (Py_uhash_t)(uintptr_t)f[i].filename) * 1000003UL;
        h = (h ^ f[i].lineno) * 1000003UL;
    }
    return h;
}

static int tbs_grow(void)
{
    size_t n = tbs.nbuckets ? tbs.nbuckets * 2 : 1024;
    tm_traceback **b = calloc(n, sizeof(*b));
    if (b == NULL)
        return -1;
    for (size_t i = 0; i < tbs.nbuckets; i++) {
        for (tm_traceback *tb = tbs.buckets[i], *next; tb != NULL; tb = next) {
            next = tb->next;
            tb->next = b[tb->hash & (n - 1)];
            b[tb->hash & (n - 1)] = tb;
        }
    }
    free(tbs.buckets);
    tbs.buckets = b;
    tbs.nbuckets = n;
    return 0;
}

/* The interned traceback equal to scratch[0:n], created if new; NULL on no memory. */
static tm_traceback *traceback_intern(int n, int total)
{
    Py_uhash_t h = frames_hash(scratch, n, total);
    if (tbs.nbuckets) {
        for (tm_traceback *tb = tbs.buckets[h & (tbs.nbuckets - 1)]; tb; tb = tb->next)
            if (tb->hash == h && tb->nframe == n && tb->total_nframe == total &&
                memcmp(tb->frames, scratch, (size_t)n * sizeof(tm_frame)) == 0)
                return tb;
    }
    if (tbs.count >= tbs.nbuckets && tbs_grow() < 0)
        return NULL;
    tm_traceback *tb = malloc(sizeof(tm_traceback) + (size_t)(n - 1) * sizeof(tm_frame));
    if (tb == NULL)
        return NULL;
    tb->hash = h;
    tb->nframe = n;
    tb->total_nframe = total;
    memcpy(tb->frames, scratch, (size_t)n * sizeof(tm_frame));
    for (int i = 0; i < n; i++)
        if (scratch[i].filename != unknown_filename)   /* never touched off the GIL */
            Py_INCREF(scratch[i].filename);
    tb->next = tbs.buckets[h & (tbs.nbuckets - 1)];
    tbs.buckets[h & (tbs.nbuckets - 1)] = tb;
    tbs.count++;
    return tb;
}

/* The Python frames of the calling thread, most recent first, into scratch. */
static tm_traceback *traceback_get(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    int n = 0, total = 0;
    /* only the GIL holder may read its frames (and touch refcounts) */
    if (ts != NULL && ts->thread_id == PyThread_get_thread_ident()) {
        for (PyFrameObject *f = ts->frame; f != NULL; f = f->f_back) {
            if (n < max_nframe) {
                PyObject *name = f->f_code->co_filename;
                scratch[n].filename = name && PyUnicode_Check(name) ? name : unknown_filename;
                int line = PyFrame_GetLineNumber(f);
                scratch[n].lineno = line < 0 ? 0 : (unsigned int)line;
                n++;
            }
            if (total < MAX_NFRAME)
                total++;
        }
    }
    if (n == 0) {
        scratch[0].filename = unknown_filename;
        scratch[0].lineno = 0;
        n = 1;
    }
    return traceback_intern(n, total);
}

/* ------------------------------------------------------------------ the hooks */

static void hook_alloc(void *ptr, size_t size)
{
    if (tm_reentrant)
        return;
    tm_reentrant = 1;
    pthread_mutex_lock(&tm_lock);
    if (tracing) {
        tm_traceback *tb = traceback_get();
        if (tb == NULL || trace_put(ptr, size, tb) < 0) {
            tm_trace *t = trace_find(ptr);   /* a stale trace of a reused address */
            if (t != NULL)
                trace_remove(t);
        }
    }
    pthread_mutex_unlock(&tm_lock);
    tm_reentrant = 0;
}

static void hook_free(void *ptr)
{
    if (tm_reentrant)
        return;
    tm_reentrant = 1;
    pthread_mutex_lock(&tm_lock);
    tm_trace *t = trace_find(ptr);
    if (t != NULL)
        trace_remove(t);
    pthread_mutex_unlock(&tm_lock);
    tm_reentrant = 0;
}

static const _PyTraceMalloc_Hooks tm_hooks = {hook_alloc, hook_free};

static void traceback_free(tm_traceback *tb)
{
    for (int k = 0; k < tb->nframe; k++)
        if (tb->frames[k].filename != unknown_filename)
            Py_DECREF(tb->frames[k].filename);
    free(tb);
}

static void readers_enter(void) { readers++; }

static void readers_exit(void)
{
    if (--readers == 0) {
        for (tm_traceback *tb = zombies, *next; tb != NULL; tb = next) {
            next = tb->next;
            traceback_free(tb);
        }
        zombies = NULL;
    }
}

/* Forget every trace and traceback.  The filenames are released after the lock is
 * dropped: their deallocation goes through the hooks. */
static void clear_all(void)
{
    pthread_mutex_lock(&tm_lock);
    tm_trace *old_traces = traces;
    tb_table old_tbs = tbs;
    traces = NULL;
    traces_cap = traces_count = 0;
    memset(&tbs, 0, sizeof(tbs));
    traced_memory = peak_traced_memory = 0;
    pthread_mutex_unlock(&tm_lock);
    free(old_traces);
    for (size_t i = 0; i < old_tbs.nbuckets; i++) {
        for (tm_traceback *tb = old_tbs.buckets[i], *next; tb != NULL; tb = next) {
            next = tb->next;
            if (readers > 0) {
                tb->next = zombies;
                zombies = tb;
            } else {
                traceback_free(tb);
            }
        }
    }
    free(old_tbs.buckets);
}

/* ------------------------------------------------------------------ module functions */

static PyObject *tm_is_tracing(PyObject *m, PyObject *unused) { return PyBool_FromLong(tracing); }

static PyObject *tm_clear_traces(PyObject *m, PyObject *unused)
{
    if (tracing)
        clear_all();
    Py_RETURN_NONE;
}

static int tracemalloc_start(int nframe)
{
    if (unknown_filename == NULL) {
        unknown_filename = PyUnicode_InternFromString("<unknown>");
        if (unknown_filename == NULL)
            return -1;
    }
    if (tracing)
        return 0;
    tm_frame *s = realloc(scratch, (size_t)nframe * sizeof(tm_frame));
    if (s == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    scratch = s;
    scratch_cap = (size_t)nframe;
    max_nframe = nframe;
    tracing = 1;
    _PyTraceMalloc_hooks = &tm_hooks;
    _PyTraceMalloc_active = 1;
    return 0;
}

static PyObject *tm_start(PyObject *m, PyObject *args)
{
    int nframe = 1;
    if (!PyArg_ParseTuple(args, "|i:start", &nframe))
        return NULL;
    if (nframe < 1 || nframe > MAX_NFRAME) {
        PyErr_Format(PyExc_ValueError, "the number of frames must be in range [1; %lu]",
                     (unsigned long)MAX_NFRAME);
        return NULL;
    }
    if (tracemalloc_start(nframe) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *tm_stop(PyObject *m, PyObject *unused)
{
    if (tracing) {
        _PyTraceMalloc_hooks = NULL;
        _PyTraceMalloc_active = 0;
        pthread_mutex_lock(&tm_lock);
        tracing = 0;
        pthread_mutex_unlock(&tm_lock);
        clear_all();
    }
    Py_RETURN_NONE;
}

/* (filename, lineno), ... of a traceback, most recent first, as 3.11's _tracemalloc */
static PyObject *traceback_to_tuple(tm_traceback *tb)
{
    PyObject *t = PyTuple_New(tb->nframe);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < tb->nframe; i++) {
        PyObject *fr = Py_BuildValue("(OI)", tb->frames[i].filename, tb->frames[i].lineno);
        if (fr == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, fr);
    }
    return t;
}

typedef struct { size_t size; tm_traceback *tb; } trace_copy;

/* [(domain, size, traceback, total_nframe), ...].  The table is copied under the lock;
 * readers_enter keeps its tracebacks alive while the list is built. */
static PyObject *tm_get_traces(PyObject *m, PyObject *unused)
{
    if (!tracing)
        return PyList_New(0);
    readers_enter();
    pthread_mutex_lock(&tm_lock);
    size_t n = 0;
    trace_copy *copy = malloc((traces_count ? traces_count : 1) * sizeof(trace_copy));
    if (copy != NULL)
        for (size_t i = 0; i < traces_cap; i++)
            if (traces[i].ptr != NULL)
                copy[n++] = (trace_copy){traces[i].size, traces[i].tb};
    pthread_mutex_unlock(&tm_lock);
    PyObject *result = NULL, *cache = NULL;
    if (copy == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyList_New(0);
    cache = PyDict_New();       /* traceback address -> its tuple: shared like the C data */
    if (result == NULL || cache == NULL)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        PyObject *key = PyLong_FromVoidPtr(copy[i].tb);
        if (key == NULL)
            goto fail;
        PyObject *tbt = PyDict_GetItemWithError(cache, key);
        if (tbt != NULL) {
            Py_INCREF(tbt);
        } else if (PyErr_Occurred() || (tbt = traceback_to_tuple(copy[i].tb)) == NULL ||
                   PyDict_SetItem(cache, key, tbt) < 0) {
            Py_XDECREF(tbt);
            Py_DECREF(key);
            goto fail;
        }
        Py_DECREF(key);
        PyObject *item = Py_BuildValue("(inNi)", 0, (Py_ssize_t)copy[i].size, tbt,
                                       copy[i].tb->total_nframe);
        if (item == NULL || PyList_Append(result, item) < 0) {
            Py_XDECREF(item);
            goto fail;
        }
        Py_DECREF(item);
    }
    goto done;
fail:
    Py_CLEAR(result);
done:
    Py_XDECREF(cache);
    free(copy);
    readers_exit();
    return result;
}

static PyObject *tm_get_object_traceback(PyObject *m, PyObject *obj)
{
    if (!tracing)
        Py_RETURN_NONE;
    void *ptr = (char *)obj - _PyType_PreHeaderSize(Py_TYPE(obj));
    readers_enter();
    pthread_mutex_lock(&tm_lock);
    tm_trace *t = trace_find(ptr);
    tm_traceback *tb = t ? t->tb : NULL;
    pthread_mutex_unlock(&tm_lock);
    PyObject *res = tb ? traceback_to_tuple(tb) : Py_NewRef(Py_None);
    readers_exit();
    return res;
}

static PyObject *tm_get_traceback_limit(PyObject *m, PyObject *unused)
{
    return PyLong_FromLong(max_nframe);
}

/* bytes the tables themselves use */
static PyObject *tm_get_tracemalloc_memory(PyObject *m, PyObject *unused)
{
    pthread_mutex_lock(&tm_lock);
    size_t size = traces_cap * sizeof(tm_trace) + tbs.nbuckets * sizeof(tm_traceback *) +
                  scratch_cap * sizeof(tm_frame);
    for (size_t i = 0; i < tbs.nbuckets; i++)
        for (tm_traceback *tb = tbs.buckets[i]; tb; tb = tb->next)
            size += sizeof(tm_traceback) + (size_t)(tb->nframe - 1) * sizeof(tm_frame);
    pthread_mutex_unlock(&tm_lock);
    return PyLong_FromSize_t(size);
}

static PyObject *tm_get_traced_memory(PyObject *m, PyObject *unused)
{
    if (!tracing)
        return Py_BuildValue("(ii)", 0, 0);
    pthread_mutex_lock(&tm_lock);
    size_t cur = traced_memory, peak = peak_traced_memory;
    pthread_mutex_unlock(&tm_lock);
    return Py_BuildValue("(nn)", (Py_ssize_t)cur, (Py_ssize_t)peak);
}

static PyObject *tm_reset_peak(PyObject *m, PyObject *unused)
{
    if (tracing) {
        pthread_mutex_lock(&tm_lock);
        peak_traced_memory = traced_memory;
        pthread_mutex_unlock(&tm_lock);
    }
    Py_RETURN_NONE;
}

/* An object taken again from a free list (its block was not freed, so is still traced
 * from its first allocation): its trace gets the current traceback, as 3.11's
 * _PyTraceMalloc_NewReference.  Callers test _PyTraceMalloc_active first.  The object's
 * type is not read (a free list may call this before setting it): the block is the traced
 * one that starts at op or a pre-header before it and contains op (blocks never overlap). */
void _PyTraceMalloc_NewReference(PyObject *op)
{
    if (!tracing || tm_reentrant)
        return;
    tm_reentrant = 1;
    pthread_mutex_lock(&tm_lock);
    for (size_t pre = 0; pre <= 2 * sizeof(PyGC_Head); pre += sizeof(PyGC_Head)) {
        tm_trace *t = trace_find((char *)op - pre);
        if (t != NULL && t->size > pre) {
            tm_traceback *tb = traceback_get();
            if (tb != NULL)
                t->tb = tb;
            break;
        }
    }
    pthread_mutex_unlock(&tm_lock);
    tm_reentrant = 0;
}

/* -X tracemalloc[=N] / PYTHONTRACEMALLOC=N at start-up (pylifecycle.c) */
int _PyTraceMalloc_Start(int nframe)
{
    return tracemalloc_start(nframe < 1 ? 1 : nframe > MAX_NFRAME ? MAX_NFRAME : nframe);
}

/* Py_FinalizeEx: stop tracing and release the tables and the filenames. */
void _PyTraceMalloc_Fini(void)
{
    _PyTraceMalloc_hooks = NULL;
    _PyTraceMalloc_active = 0;
    tracing = 0;
    clear_all();
    free(scratch);
    scratch = NULL;
    scratch_cap = 0;
    Py_CLEAR(unknown_filename);
}

static PyMethodDef tm_methods[] = {
    {"is_tracing", tm_is_tracing, METH_NOARGS, "Return True if the tracemalloc module is tracing Python memory allocations."},
    {"clear_traces", tm_clear_traces, METH_NOARGS, "Clear traces of memory blocks allocated by Python."},
    {"_get_traces", tm_get_traces, METH_NOARGS, "Get traces of all memory blocks allocated by Python."},
    {"_get_object_traceback", tm_get_object_traceback, METH_O, "Get the traceback where the Python object obj was allocated."},
    {"start", tm_start, METH_VARARGS, "Start tracing Python memory allocations."},
    {"stop", tm_stop, METH_NOARGS, "Stop tracing Python memory allocations."},
    {"get_traceback_limit", tm_get_traceback_limit, METH_NOARGS, "Get the maximum number of frames stored in the traceback of a trace."},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory, METH_NOARGS, "Get the memory usage in bytes of the tracemalloc module."},
    {"get_traced_memory", tm_get_traced_memory, METH_NOARGS, "Get the current size and peak size of memory blocks traced by tracemalloc."},
    {"reset_peak", tm_reset_peak, METH_NOARGS, "Set the peak size of memory blocks traced by tracemalloc to the current size."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef tmmodule = {
    PyModuleDef_HEAD_INIT, "_tracemalloc", "Debug module to trace memory blocks allocated by Python.",
    -1, tm_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__tracemalloc(void)
{
    return PyModule_Create(&tmmodule);
}
