/* _lsprof.c — the `_lsprof` module behind cProfile: the Profiler type, driven by the
 * C-level profile hook (PyEval_SetProfile), counting calls and time per function and
 * per caller→callee pair; getstats() returns profiler_entry / profiler_subentry struct
 * sequences.  Owner: modnew2. */
#include "Python.h"
#include "structseq.h"
#include "frameobject.h"

#define PyDoc_STRVAR(name, str) static const char name[] = str

#include <stdint.h>
#include <string.h>
#include <time.h>

typedef int64_t ptime_t;   /* nanoseconds, or the external timer's own integer unit */

/* ================================================================ pointer map */

/* Open-addressing map from a key pointer (a code object or a PyMethodDef) to an entry:
 * keys are compared by identity, as CPython's profiler does. */
typedef struct {
    void **keys;
    void **values;
    size_t mask;   /* capacity - 1, capacity a power of two; 0 when empty */
    size_t used;
} ptrmap;

static size_t ptrmap_slot(const ptrmap *m, const void *key)
{
    size_t h = (size_t)(uintptr_t)key;
    h ^= h >> 4;
    h *= (size_t)0x9E3779B97F4A7C15ull;
    size_t i = (h >> 7) & m->mask;
    while (m->keys[i] != NULL && m->keys[i] != key)
        i = (i + 1) & m->mask;
    return i;
}

static void *ptrmap_get(const ptrmap *m, const void *key)
{
    if (m->mask == 0)
        return NULL;
    size_t i = ptrmap_slot(m, key);
    return m->keys[i] == key ? m->values[i] : NULL;
}

static int ptrmap_grow(ptrmap *m)
{
    size_t cap = m->mask == 0 ? 16 : (m->mask + 1) * 2;
    ptrmap n = {PyMem_Calloc(cap, sizeof(void *)), PyMem_Calloc(cap, sizeof(void *)),
                cap - 1, m->used};
    if (n.keys == NULL || n.values == NULL) {
        PyMem_Free(n.keys);
        PyMem_Free(n.values);
        return -1;
    }
    for (size_t i = 0; m->mask != 0 && i <= m->mask; i++) {
        if (m->keys[i] != NULL) {
            size_t j = ptrmap_slot(&n, m->keys[i]);
            n.keys[j] = m->keys[i];
            n.values[j] = m->values[i];
        }
    }
    PyMem_Free(m->keys);
    PyMem_Free(m->values);
    *m = n;
    return 0;
}

static int ptrmap_put(ptrmap *m, void *key, void *value)
{
    if ((m->used + 1) * 3 >= (m->mask + 1) * 2 && ptrmap_grow(m) < 0)
        return -1;
    size_t i = ptrmap_slot(m, key);
    if (m->keys[i] == NULL)
        m->used++;
    m->keys[i] = key;
    m->values[i] = value;
    return 0;
}

static void ptrmap_free(ptrmap *m)
{
    PyMem_Free(m->keys);
    PyMem_Free(m->values);
    memset(m, 0, sizeof *m);
}

/* ================================================================ entries */

typedef struct subentry {
    struct entry *callee;
    ptime_t tt, it;
    long callcount, recursivecallcount, recursionLevel;
    struct subentry *next;   /* creation order, for getstats */
} ProfilerSubEntry;

typedef struct entry {
    void *key;
    PyObject *userObj;   /* code object, or a string naming the builtin */
    ptime_t tt, it;      /* total time, inline time */
    long callcount, recursivecallcount, recursionLevel;
    ptrmap calls;        /* callee entry -> ProfilerSubEntry */
    ProfilerSubEntry *first_call, *last_call;
    struct entry *next;  /* creation order */
} ProfilerEntry;

typedef struct context {
    ptime_t t0, subt;
    struct context *previous;
    ProfilerEntry *ctxEntry;
} ProfilerContext;

#define POF_ENABLED 0x001
#define POF_SUBCALLS 0x002
#define POF_BUILTINS 0x004
#define POF_NOMEMORY 0x100

typedef struct {
    PyObject_HEAD
    ptrmap entries;
    ProfilerEntry *first_entry, *last_entry;
    ProfilerContext *currentProfilerContext;
    ProfilerContext *freelistProfilerContext;
    int flags;
    PyObject *externalTimer;
    double externalTimerUnit;
} ProfilerObject;

static PyTypeObject profiler_type;
static PyTypeObject StatsEntryType;
static PyTypeObject StatsSubEntryType;

/* ================================================================ timers */

static ptime_t perf_counter_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (ptime_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* The user's timer: an int in its own unit when timeunit > 0, else float seconds
 * (kept as nanoseconds).  Errors are reported as unraisable and count as 0. */
static ptime_t call_external_timer(ProfilerObject *pObj)
{
    PyObject *o = PyObject_CallNoArgs(pObj->externalTimer);
    if (o == NULL) {
        PyErr_WriteUnraisable(pObj->externalTimer);
        return 0;
    }
    ptime_t result = 0;
    if (pObj->externalTimerUnit > 0.0) {
        if (!PyLong_Check(o))
            PyErr_Format(PyExc_TypeError, "expect int, got %s", Py_TYPE(o)->tp_name);
        else
            result = (ptime_t)PyLong_AsLongLong(o);
    }
    else if (PyFloat_Check(o)) {
        result = (ptime_t)(PyFloat_AS_DOUBLE(o) * 1e9);
    } else {
        /* as _PyTime_FromSecondsObject: anything else must be an integer (__index__) */
        long long sec = PyLong_AsLongLong(o);
        if (!(sec == -1 && PyErr_Occurred()))
            result = (ptime_t)sec * 1000000000;
    }
    Py_DECREF(o);
    if (PyErr_Occurred()) {
        PyErr_WriteUnraisable(pObj->externalTimer);
        return 0;
    }
    return result;
}

static ptime_t call_timer(ProfilerObject *pObj)
{
    return pObj->externalTimer != NULL ? call_external_timer(pObj) : perf_counter_ns();
}

/* ================================================================ user objects */

/* Builtins are named by a string (keeping __self__ alive would be wrong): "<len>" style
 * for module-less functions, repr(type(self).name) for methods, else "<built-in method
 * module.name>", as CPython's profiler labels them. */
static PyObject *normalize_user_obj(PyObject *obj)
{
    if (!PyCFunction_Check(obj))
        return Py_NewRef(obj);
    PyCFunctionObject *fn = (PyCFunctionObject *)obj;
    const char *name = fn->m_ml->ml_name;
    if (fn->m_self == NULL) {
        PyObject *mod = fn->m_module, *modname = NULL;
        if (mod != NULL && PyUnicode_Check(mod)) {
            modname = Py_NewRef(mod);
        }
        else if (mod != NULL && PyModule_Check(mod)) {
            modname = PyModule_GetNameObject(mod);
            if (modname == NULL)
                PyErr_Clear();
        }
        if (modname != NULL) {
            if (PyUnicode_CompareWithASCIIString(modname, "builtins") != 0) {
                PyObject *result = PyUnicode_FromFormat("<%U.%s>", modname, name);
                Py_DECREF(modname);
                return result;
            }
            Py_DECREF(modname);
        }
        return PyUnicode_FromFormat("<%s>", name);
    }
    PyObject *pyname = PyUnicode_FromString(name);
    if (pyname != NULL) {
        PyObject *mo = _PyType_Lookup(Py_TYPE(fn->m_self), pyname);
        Py_DECREF(pyname);
        if (mo != NULL) {
            Py_INCREF(mo);
            PyObject *res = PyObject_Repr(mo);
            Py_DECREF(mo);
            if (res != NULL)
                return res;
        }
    }
    PyErr_Clear();
    if (fn->m_module != NULL && PyUnicode_Check(fn->m_module))
        return PyUnicode_FromFormat("<built-in method %S.%s>", fn->m_module, name);
    return PyUnicode_FromFormat("<built-in method %s>", name);
}

static ProfilerEntry *new_entry(ProfilerObject *pObj, void *key, PyObject *userObj)
{
    userObj = normalize_user_obj(userObj);
    if (userObj == NULL) {
        PyErr_Clear();
        pObj->flags |= POF_NOMEMORY;
        return NULL;
    }
    ProfilerEntry *e = PyMem_Calloc(1, sizeof *e);
    if (e == NULL || ptrmap_put(&pObj->entries, key, e) < 0) {
        PyMem_Free(e);
        Py_DECREF(userObj);
        pObj->flags |= POF_NOMEMORY;
        return NULL;
    }
    e->key = key;
    e->userObj = userObj;
    if (pObj->last_entry != NULL)
        pObj->last_entry->next = e;
    else
        pObj->first_entry = e;
    pObj->last_entry = e;
    return e;
}

static ProfilerSubEntry *get_subentry(ProfilerEntry *caller, ProfilerEntry *callee)
{
    return ptrmap_get(&caller->calls, callee);
}

static ProfilerSubEntry *new_subentry(ProfilerObject *pObj, ProfilerEntry *caller,
                                      ProfilerEntry *callee)
{
    ProfilerSubEntry *s = PyMem_Calloc(1, sizeof *s);
    if (s == NULL || ptrmap_put(&caller->calls, callee, s) < 0) {
        PyMem_Free(s);
        pObj->flags |= POF_NOMEMORY;
        return NULL;
    }
    s->callee = callee;
    if (caller->last_call != NULL)
        caller->last_call->next = s;
    else
        caller->first_call = s;
    caller->last_call = s;
    return s;
}

static void clear_entries(ProfilerObject *pObj)
{
    ProfilerEntry *e = pObj->first_entry;
    while (e != NULL) {
        ProfilerEntry *next = e->next;
        for (ProfilerSubEntry *s = e->first_call; s != NULL;) {
            ProfilerSubEntry *snext = s->next;
            PyMem_Free(s);
            s = snext;
        }
        ptrmap_free(&e->calls);
        Py_DECREF(e->userObj);
        PyMem_Free(e);
        e = next;
    }
    ptrmap_free(&pObj->entries);
    pObj->first_entry = pObj->last_entry = NULL;
    ProfilerContext *lists[2] = {pObj->currentProfilerContext, pObj->freelistProfilerContext};
    for (int i = 0; i < 2; i++) {
        for (ProfilerContext *c = lists[i]; c != NULL;) {
            ProfilerContext *prev = c->previous;
            PyMem_Free(c);
            c = prev;
        }
    }
    pObj->currentProfilerContext = pObj->freelistProfilerContext = NULL;
}

/* ================================================================ the hook */

static void init_context(ProfilerObject *pObj, ProfilerContext *self, ProfilerEntry *entry)
{
    self->ctxEntry = entry;
    self->subt = 0;
    self->previous = pObj->currentProfilerContext;
    pObj->currentProfilerContext = self;
    ++entry->recursionLevel;
    if ((pObj->flags & POF_SUBCALLS) && self->previous != NULL) {
        ProfilerEntry *caller = self->previous->ctxEntry;
        ProfilerSubEntry *sub = get_subentry(caller, entry);
        if (sub == NULL)
            sub = new_subentry(pObj, caller, entry);
        if (sub != NULL)
            ++sub->recursionLevel;
    }
    self->t0 = call_timer(pObj);
}

static void stop_context(ProfilerObject *pObj, ProfilerContext *self, ProfilerEntry *entry)
{
    ptime_t tt = call_timer(pObj) - self->t0;
    ptime_t it = tt - self->subt;
    if (self->previous != NULL)
        self->previous->subt += tt;
    pObj->currentProfilerContext = self->previous;
    if (--entry->recursionLevel == 0)
        entry->tt += tt;
    else
        ++entry->recursivecallcount;
    entry->it += it;
    entry->callcount++;
    if ((pObj->flags & POF_SUBCALLS) && self->previous != NULL) {
        ProfilerSubEntry *sub = get_subentry(self->previous->ctxEntry, entry);
        if (sub != NULL) {
            if (--sub->recursionLevel == 0)
                sub->tt += tt;
            else
                ++sub->recursivecallcount;
            sub->it += it;
            ++sub->callcount;
        }
    }
}

static void enter_call(ProfilerObject *pObj, void *key, PyObject *userObj)
{
    /* the hook must not disturb an exception being propagated */
    PyObject *exc = PyErr_GetRaisedException();
    ProfilerEntry *entry = ptrmap_get(&pObj->entries, key);
    if (entry == NULL)
        entry = new_entry(pObj, key, userObj);
    if (entry != NULL) {
        ProfilerContext *ctx = pObj->freelistProfilerContext;
        if (ctx != NULL)
            pObj->freelistProfilerContext = ctx->previous;
        else
            ctx = PyMem_Malloc(sizeof *ctx);
        if (ctx == NULL)
            pObj->flags |= POF_NOMEMORY;
        else
            init_context(pObj, ctx, entry);
    }
    PyErr_SetRaisedException(exc);
}

static void leave_call(ProfilerObject *pObj, void *key)
{
    ProfilerContext *ctx = pObj->currentProfilerContext;
    if (ctx == NULL)
        return;
    ProfilerEntry *entry = ptrmap_get(&pObj->entries, key);
    if (entry != NULL)
        stop_context(pObj, ctx, entry);
    else
        pObj->currentProfilerContext = ctx->previous;
    ctx->previous = pObj->freelistProfilerContext;
    pObj->freelistProfilerContext = ctx;
}

static int profiler_callback(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    ProfilerObject *pObj = (ProfilerObject *)self;
    switch (what) {
    case PyTrace_CALL:
    case PyTrace_RETURN: {
        PyCodeObject *code = PyFrame_GetCode(frame);
        if (what == PyTrace_CALL)
            enter_call(pObj, code, (PyObject *)code);
        else
            leave_call(pObj, code);
        Py_DECREF(code);
        break;
    }
    case PyTrace_C_CALL:
        if ((pObj->flags & POF_BUILTINS) && PyCFunction_Check(arg))
            enter_call(pObj, ((PyCFunctionObject *)arg)->m_ml, arg);
        break;
    case PyTrace_C_RETURN:
    case PyTrace_C_EXCEPTION:
        if ((pObj->flags & POF_BUILTINS) && PyCFunction_Check(arg))
            leave_call(pObj, ((PyCFunctionObject *)arg)->m_ml);
        break;
    default:
        break;
    }
    return 0;
}

/* Stop every context still open (the functions running when disable() was called). */
static void flush_unmatched(ProfilerObject *pObj)
{
    while (pObj->currentProfilerContext != NULL) {
        ProfilerContext *ctx = pObj->currentProfilerContext;
        if (ctx->ctxEntry != NULL)
            stop_context(pObj, ctx, ctx->ctxEntry);
        else
            pObj->currentProfilerContext = ctx->previous;
        PyMem_Free(ctx);
    }
}

/* ================================================================ methods */

static PyObject *subentry_stats(ProfilerSubEntry *s, double factor)
{
    return PyObject_CallFunction((PyObject *)&StatsSubEntryType, "((Olldd))",
                                 s->callee->userObj, s->callcount, s->recursivecallcount,
                                 factor * (double)s->tt, factor * (double)s->it);
}

static PyObject *entry_stats(ProfilerEntry *e, double factor)
{
    PyObject *sublist;
    if (e->first_call == NULL) {
        sublist = Py_NewRef(Py_None);
    }
    else {
        sublist = PyList_New(0);
        if (sublist == NULL)
            return NULL;
        for (ProfilerSubEntry *s = e->first_call; s != NULL; s = s->next) {
            PyObject *info = subentry_stats(s, factor);
            if (info == NULL || PyList_Append(sublist, info) < 0) {
                Py_XDECREF(info);
                Py_DECREF(sublist);
                return NULL;
            }
            Py_DECREF(info);
        }
    }
    PyObject *info = PyObject_CallFunction((PyObject *)&StatsEntryType, "((OllddO))",
                                           e->userObj, e->callcount, e->recursivecallcount,
                                           factor * (double)e->tt, factor * (double)e->it,
                                           sublist);
    Py_DECREF(sublist);
    return info;
}

PyDoc_STRVAR(getstats_doc,
"getstats() -> list of profiler_entry objects\n\n"
"Return all information collected by the profiler.\n"
"Each profiler_entry is a tuple-like object with the\n"
"following attributes:\n\n"
"    code          code object\n"
"    callcount     how many times this was called\n"
"    reccallcount  how many times called recursively\n"
"    totaltime     total time in this entry\n"
"    inlinetime    inline time in this entry (not in subcalls)\n"
"    calls         details of the calls\n\n"
"The calls attribute is either None or a list of\n"
"profiler_subentry objects:\n\n"
"    code          called code object\n"
"    callcount     how many times this is called\n"
"    reccallcount  how many times this is called recursively\n"
"    totaltime     total time spent in this call\n"
"    inlinetime    inline time (not in further subcalls)\n");

static PyObject *profiler_getstats(ProfilerObject *self, PyObject *Py_UNUSED(ignored))
{
    if (self->flags & POF_NOMEMORY) {
        PyErr_SetString(PyExc_MemoryError, "memory was exhausted while profiling");
        return NULL;
    }
    double factor = (self->externalTimer == NULL || self->externalTimerUnit == 0.0)
                        ? 1e-9 : self->externalTimerUnit;
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (ProfilerEntry *e = self->first_entry; e != NULL; e = e->next) {
        PyObject *info = entry_stats(e, factor);
        if (info == NULL || PyList_Append(list, info) < 0) {
            Py_XDECREF(info);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(info);
    }
    return list;
}

static int set_subcalls(ProfilerObject *pObj, int nvalue)
{
    if (nvalue == 0)
        pObj->flags &= ~POF_SUBCALLS;
    else if (nvalue > 0)
        pObj->flags |= POF_SUBCALLS;
    return 0;
}

static int set_builtins(ProfilerObject *pObj, int nvalue)
{
    if (nvalue == 0)
        pObj->flags &= ~POF_BUILTINS;
    else if (nvalue > 0)
        pObj->flags |= POF_BUILTINS;
    return 0;
}

PyDoc_STRVAR(enable_doc,
"enable(subcalls=True, builtins=True)\n\n"
"Start collecting profiling information.\n"
"If 'subcalls' is True, also records for each function\n"
"statistics separated according to its current caller.\n"
"If 'builtins' is True, records the time spent in\n"
"built-in functions separately from their caller.\n");

static PyObject *profiler_enable(ProfilerObject *self, PyObject *args, PyObject *kwds)
{
    int subcalls = -1, builtins = -1;
    static char *kwlist[] = {"subcalls", "builtins", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|pp:enable", kwlist, &subcalls, &builtins))
        return NULL;
    set_subcalls(self, subcalls);
    set_builtins(self, builtins);
    if (_PyEval_SetProfile(PyThreadState_Get(), profiler_callback, (PyObject *)self) < 0)
        return NULL;
    self->flags |= POF_ENABLED;
    Py_RETURN_NONE;
}

PyDoc_STRVAR(disable_doc,
"disable()\n\n"
"Stop collecting profiling information.\n");

static PyObject *profiler_disable(ProfilerObject *self, PyObject *Py_UNUSED(ignored))
{
    if (_PyEval_SetProfile(PyThreadState_Get(), NULL, NULL) < 0)
        return NULL;
    self->flags &= ~POF_ENABLED;
    flush_unmatched(self);
    if (self->flags & POF_NOMEMORY) {
        PyErr_SetString(PyExc_MemoryError, "memory was exhausted while profiling");
        return NULL;
    }
    Py_RETURN_NONE;
}

PyDoc_STRVAR(clear_doc,
"clear()\n\n"
"Clear all profiling information collected so far.\n");

static PyObject *profiler_clear(ProfilerObject *self, PyObject *Py_UNUSED(ignored))
{
    clear_entries(self);
    Py_RETURN_NONE;
}

static int profiler_init(ProfilerObject *pObj, PyObject *args, PyObject *kw)
{
    PyObject *timer = NULL;
    double timeunit = 0.0;
    int subcalls = 1, builtins = 1;
    static char *kwlist[] = {"timer", "timeunit", "subcalls", "builtins", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|Odpp:Profiler", kwlist, &timer, &timeunit,
                                     &subcalls, &builtins))
        return -1;
    set_subcalls(pObj, subcalls);
    set_builtins(pObj, builtins);
    pObj->externalTimerUnit = timeunit;
    Py_XINCREF(timer);
    Py_XSETREF(pObj->externalTimer, timer);
    return 0;
}

static void profiler_dealloc(ProfilerObject *op)
{
    PyObject_GC_UnTrack(op);
    if (op->flags & POF_ENABLED) {
        PyThreadState *tstate = PyThreadState_Get();
        /* not the dying profiler itself as the unraisable's object: the hook would
         * revive and free it again */
        if (_PyEval_SetProfile(tstate, NULL, NULL) < 0)
            _PyErr_WriteUnraisableMsg("When destroying _lsprof profiler", NULL);
    }
    flush_unmatched(op);
    clear_entries(op);
    Py_XDECREF(op->externalTimer);
    Py_TYPE(op)->tp_free(op);
}

static int profiler_traverse(ProfilerObject *op, visitproc visit, void *arg)
{
    Py_VISIT(op->externalTimer);
    return 0;
}

static PyMethodDef profiler_methods[] = {
    {"getstats", (PyCFunction)profiler_getstats, METH_NOARGS, getstats_doc},
    {"enable", (PyCFunction)(void (*)(void))profiler_enable, METH_VARARGS | METH_KEYWORDS,
     enable_doc},
    {"disable", (PyCFunction)profiler_disable, METH_NOARGS, disable_doc},
    {"clear", (PyCFunction)profiler_clear, METH_NOARGS, clear_doc},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(profiler_doc,
"Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n"
"    Builds a profiler object using the specified timer function.\n"
"    The default timer is a fast built-in one based on real time.\n"
"    For custom timer functions returning integers, timeunit can\n"
"    be a float specifying a scale (i.e. how long each integer unit\n"
"    is, in seconds).\n");

static PyTypeObject profiler_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_lsprof.Profiler",
    .tp_basicsize = sizeof(ProfilerObject),
    .tp_dealloc = (destructor)profiler_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = profiler_doc,
    .tp_traverse = (traverseproc)profiler_traverse,
    .tp_methods = profiler_methods,
    .tp_init = (initproc)profiler_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ================================================================ module */

static PyStructSequence_Field profiler_entry_fields[] = {
    {"code", "code object or built-in function name"},
    {"callcount", "how many times this was called"},
    {"reccallcount", "how many times called recursively"},
    {"totaltime", "total time in this entry"},
    {"inlinetime", "inline time in this entry (not in subcalls)"},
    {"calls", "details of the calls"},
    {NULL, NULL},
};

static PyStructSequence_Field profiler_subentry_fields[] = {
    {"code", "called code object or built-in function name"},
    {"callcount", "how many times this is called"},
    {"reccallcount", "how many times this is called recursively"},
    {"totaltime", "total time spent in this call"},
    {"inlinetime", "inline time (not in further subcalls)"},
    {NULL, NULL},
};

static PyStructSequence_Desc profiler_entry_desc = {
    "_lsprof.profiler_entry", NULL, profiler_entry_fields, 6,
};

static PyStructSequence_Desc profiler_subentry_desc = {
    "_lsprof.profiler_subentry", NULL, profiler_subentry_fields, 5,
};

static struct PyModuleDef lsprofmodule = {
    PyModuleDef_HEAD_INIT, "_lsprof", "Fast profiler", -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__lsprof(void)
{
    if (StatsEntryType.tp_name == NULL &&
        (PyStructSequence_InitType2(&StatsEntryType, &profiler_entry_desc) < 0 ||
         PyStructSequence_InitType2(&StatsSubEntryType, &profiler_subentry_desc) < 0))
        return NULL;
    if (PyType_Ready(&profiler_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&lsprofmodule);
    if (m == NULL)
        return NULL;
    struct { const char *name; PyTypeObject *type; } types[] = {
        {"Profiler", &profiler_type},
        {"profiler_entry", &StatsEntryType},
        {"profiler_subentry", &StatsSubEntryType},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        Py_INCREF(types[i].type);
        if (PyModule_AddObject(m, types[i].name, (PyObject *)types[i].type) < 0) {
            Py_DECREF(types[i].type);
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
