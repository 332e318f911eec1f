/* gcmodule.c — the `gc` module: the Python interface to the cycle collector
 * (collect, thresholds and counts, enable/disable, debug flags, object introspection,
 * freeze, callbacks, garbage, stats).  Owner: memory.  The collector itself and the
 * GC allocation API are src/runtime/gc.c; they share state through pycore_gc.h. */
#include "Python.h"
#include "pycore_gc.h"

#define GCST (&_PyGC_State)

static PyObject *gc_enable(PyObject *m, PyObject *noargs)
{
    PyGC_Enable();
    Py_RETURN_NONE;
}

static PyObject *gc_disable(PyObject *m, PyObject *noargs)
{
    PyGC_Disable();
    Py_RETURN_NONE;
}

static PyObject *gc_isenabled(PyObject *m, PyObject *noargs)
{
    return PyBool_FromLong(PyGC_IsEnabled());
}

static PyObject *gc_collect(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"generation", NULL};
    int generation = 2;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|i:collect", kwlist, &generation))
        return NULL;
    if (generation < 0 || generation > 2) {
        PyErr_SetString(PyExc_ValueError, "invalid generation");
        return NULL;
    }
    Py_ssize_t n = 0;
    if (!GCST->collecting) {
        GCST->collecting = 1;
        n = _PyGC_CollectWithCallback(generation);
        GCST->collecting = 0;
    }
    return PyLong_FromSsize_t(n);
}

static PyObject *gc_set_debug(PyObject *m, PyObject *arg)
{
    int flags = _PyLong_AsInt(arg);
    if (flags == -1 && PyErr_Occurred())
        return NULL;
    GCST->debug = flags;
    Py_RETURN_NONE;
}

static PyObject *gc_get_debug(PyObject *m, PyObject *noargs)
{
    return PyLong_FromLong(GCST->debug);
}

static PyObject *gc_set_threshold(PyObject *m, PyObject *args)
{
    struct gc_state *st = GCST;
    int t0 = st->generations[0].threshold, t1 = st->generations[1].threshold,
        t2 = st->generations[2].threshold;
    if (!PyArg_ParseTuple(args, "i|ii:set_threshold", &t0, &t1, &t2))
        return NULL;
    st->generations[0].threshold = t0;
    st->generations[1].threshold = t1;
    st->generations[2].threshold = t2;
    Py_RETURN_NONE;
}

static PyObject *gc_get_threshold(PyObject *m, PyObject *noargs)
{
    struct gc_state *st = GCST;
    return Py_BuildValue("(iii)", st->generations[0].threshold, st->generations[1].threshold,
                         st->generations[2].threshold);
}

static PyObject *gc_get_count(PyObject *m, PyObject *noargs)
{
    struct gc_state *st = GCST;
    return Py_BuildValue("(iii)", st->generations[0].count, st->generations[1].count,
                         st->generations[2].count);
}

/* Append every object of a generation list to `result` (but never `result` itself). */
static int append_objects(PyObject *result, PyGC_Head *list)
{
    for (PyGC_Head *g = _PyGCHead_NEXT(list); g != list; g = _PyGCHead_NEXT(g)) {
        PyObject *op = _Py_FROM_GC(g);
        if (op == result)
            continue;
        if (PyList_Append(result, op) < 0)
            return -1;
    }
    return 0;
}

static PyObject *gc_get_objects(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"generation", NULL};
    PyObject *genobj = Py_None;
    Py_ssize_t generation = -1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:get_objects", kwlist, &genobj))
        return NULL;
    if (genobj != Py_None) {
        if (!PyLong_Check(genobj)) {
            PyErr_Format(PyExc_TypeError,
                         "argument should be integer or None, not '%.200s'",
                         Py_TYPE(genobj)->tp_name);
            return NULL;
        }
        generation = PyLong_AsSsize_t(genobj);
        if (generation == -1 && PyErr_Occurred())
            return NULL;
    }
    if (PySys_Audit("gc.get_objects", "n", generation) < 0)
        return NULL;
    if (genobj != Py_None) {
        if (generation >= 3) {
            PyErr_Format(PyExc_ValueError,
                         "generation parameter must be less than the number of "
                         "available generations (%i)", 3);
            return NULL;
        }
        if (generation < -1) {   /* -1 stands for None, as in CPython */
            PyErr_SetString(PyExc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (int i = 0; i < 3; i++) {
        if (generation != -1 && i != generation)
            continue;
        if (append_objects(result, _PyGC_GenerationHead(i)) < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

/* get_referrers: does this object refer to any of `objs`? */
static int referrers_visit(PyObject *obj, void *arg)
{
    PyObject *objs = arg;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(objs); i++)
        if (PyTuple_GET_ITEM(objs, i) == obj)
            return 1;
    return 0;
}

static PyObject *gc_get_referrers(PyObject *m, PyObject *args)
{
    if (PySys_Audit("gc.get_referrers", "(O)", args) < 0)
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (int i = 0; i < 3; i++) {
        PyGC_Head *list = _PyGC_GenerationHead(i);
        for (PyGC_Head *g = _PyGCHead_NEXT(list); g != list; g = _PyGCHead_NEXT(g)) {
            PyObject *op = _Py_FROM_GC(g);
            traverseproc traverse = Py_TYPE(op)->tp_traverse;
            if (op == args || op == result || traverse == NULL)
                continue;
            if (traverse(op, referrers_visit, args) && PyList_Append(result, op) < 0) {
                Py_DECREF(result);
                return NULL;
            }
        }
    }
    return result;
}

static int referents_visit(PyObject *obj, void *arg)
{
    return PyList_Append((PyObject *)arg, obj) < 0;
}

static PyObject *gc_get_referents(PyObject *m, PyObject *args)
{
    if (PySys_Audit("gc.get_referents", "(O)", args) < 0)
        return NULL;
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *obj = PyTuple_GET_ITEM(args, i);
        if (!PyObject_IS_GC(obj))
            continue;
        traverseproc traverse = Py_TYPE(obj)->tp_traverse;
        if (traverse == NULL)
            continue;
        if (traverse(obj, referents_visit, result)) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *gc_is_tracked(PyObject *m, PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsTracked(obj));
}

static PyObject *gc_is_finalized(PyObject *m, PyObject *obj)
{
    return PyBool_FromLong(PyObject_GC_IsFinalized(obj));
}

static PyObject *gc_get_stats(PyObject *m, PyObject *noargs)
{
    /* Copy first: building the result can itself trigger a collection. */
    struct gc_generation_stats stats[3];
    memcpy(stats, GCST->stats, sizeof stats);
    PyObject *result = PyList_New(0);
    if (result == NULL)
        return NULL;
    for (int i = 0; i < 3; i++) {
        PyObject *d = Py_BuildValue("{snsnsn}", "collections", stats[i].collections,
                                    "collected", stats[i].collected,
                                    "uncollectable", stats[i].uncollectable);
        if (d == NULL || PyList_Append(result, d) < 0) {
            Py_XDECREF(d);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(d);
    }
    return result;
}

static PyObject *gc_freeze(PyObject *m, PyObject *noargs)
{
    _PyGC_Freeze();
    Py_RETURN_NONE;
}

static PyObject *gc_unfreeze(PyObject *m, PyObject *noargs)
{
    _PyGC_Unfreeze();
    Py_RETURN_NONE;
}

static PyObject *gc_get_freeze_count(PyObject *m, PyObject *noargs)
{
    return PyLong_FromSsize_t(_PyGC_ListSize(_PyGC_GenerationHead(-1)));
}

static const char gc_doc[] =
"This module provides access to the garbage collector for reference cycles.\n"
"\n"
"enable() -- Enable automatic garbage collection.\n"
"disable() -- Disable automatic garbage collection.\n"
"isenabled() -- Returns true if automatic collection is enabled.\n"
"collect() -- Do a full collection right now.\n"
"get_count() -- Return the current collection counts.\n"
"get_stats() -- Return list of dictionaries containing per-generation stats.\n"
"set_debug() -- Set debugging flags.\n"
"get_debug() -- Get debugging flags.\n"
"set_threshold() -- Set the collection thresholds.\n"
"get_threshold() -- Return the current the collection thresholds.\n"
"get_objects() -- Return a list of all objects tracked by the collector.\n"
"is_tracked() -- Returns true if a given object is tracked.\n"
"is_finalized() -- Returns true if a given object has been already finalized.\n"
"get_referrers() -- Return the list of objects that refer to an object.\n"
"get_referents() -- Return the list of objects that an object refers to.\n"
"freeze() -- Freeze all tracked objects and ignore them for future collections.\n"
"unfreeze() -- Unfreeze all objects in the permanent generation.\n"
"get_freeze_count() -- Return the number of objects in the permanent generation.\n";

static PyMethodDef gc_methods[] = {
    {"enable", gc_enable, METH_NOARGS,
     "enable($module, /)\n--\n\nEnable automatic garbage collection."},
    {"disable", gc_disable, METH_NOARGS,
     "disable($module, /)\n--\n\nDisable automatic garbage collection."},
    {"isenabled", gc_isenabled, METH_NOARGS,
     "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."},
    {"collect", (PyCFunction)(void (*)(void))gc_collect, METH_VARARGS | METH_KEYWORDS,
     "collect($module, /, generation=2)\n--\n\nRun the garbage collector.\n\n"
     "With no arguments, run a full collection.  The optional argument\n"
     "may be an integer specifying which generation to collect.  A ValueError\n"
     "is raised if the generation number is invalid.\n\n"
     "The number of unreachable objects is returned."},
    {"set_debug", gc_set_debug, METH_O,
     "set_debug($module, flags, /)\n--\n\nSet the garbage collection debugging flags."},
    {"get_debug", gc_get_debug, METH_NOARGS,
     "get_debug($module, /)\n--\n\nGet the garbage collection debugging flags."},
    {"set_threshold", gc_set_threshold, METH_VARARGS,
     "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\n"
     "Sets the collection thresholds.  Setting threshold0 to zero disables\n"
     "collection.\n"},
    {"get_threshold", gc_get_threshold, METH_NOARGS,
     "get_threshold($module, /)\n--\n\nReturn the current collection thresholds."},
    {"get_count", gc_get_count, METH_NOARGS,
     "get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."},
    {"get_objects", (PyCFunction)(void (*)(void))gc_get_objects, METH_VARARGS | METH_KEYWORDS,
     "get_objects($module, /, generation=None)\n--\n\n"
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_stats", gc_get_stats, METH_NOARGS,
     "get_stats($module, /)\n--\n\n"
     "Return a list of dictionaries containing per-generation statistics."},
    {"is_tracked", gc_is_tracked, METH_O,
     "is_tracked($module, obj, /)\n--\n\n"
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", gc_is_finalized, METH_O,
     "is_finalized($module, obj, /)\n--\n\n"
     "Returns true if the object has been already finalized by the GC."},
    {"get_referrers", gc_get_referrers, METH_VARARGS,
     "get_referrers(*objs) -> list\n"
     "Return the list of objects that directly refer to any of objs."},
    {"get_referents", gc_get_referents, METH_VARARGS,
     "get_referents(*objs) -> list\n"
     "Return the list of objects that are directly referred to by objs."},
    {"freeze", gc_freeze, METH_NOARGS,
     "freeze($module, /)\n--\n\n"
     "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", gc_unfreeze, METH_NOARGS,
     "unfreeze($module, /)\n--\n\n"
     "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", gc_get_freeze_count, METH_NOARGS,
     "get_freeze_count($module, /)\n--\n\n"
     "Return the number of objects in the permanent generation."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef gcmodule = {
    PyModuleDef_HEAD_INIT, "gc", gc_doc, -1, gc_methods,
};

PyObject *PyInit_gc(void)
{
    struct gc_state *st = GCST;
    PyObject *m = PyModule_Create(&gcmodule);
    if (m == NULL)
        return NULL;
    if (st->garbage == NULL && (st->garbage = PyList_New(0)) == NULL)
        goto fail;
    if (st->callbacks == NULL && (st->callbacks = PyList_New(0)) == NULL)
        goto fail;
    if (PyModule_AddObjectRef(m, "garbage", st->garbage) < 0 ||
        PyModule_AddObjectRef(m, "callbacks", st->callbacks) < 0)
        goto fail;
#define ADD_INT(name) if (PyModule_AddIntConstant(m, #name, name) < 0) goto fail;
    ADD_INT(DEBUG_STATS);
    ADD_INT(DEBUG_COLLECTABLE);
    ADD_INT(DEBUG_UNCOLLECTABLE);
    ADD_INT(DEBUG_SAVEALL);
    ADD_INT(DEBUG_LEAK);
#undef ADD_INT
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
