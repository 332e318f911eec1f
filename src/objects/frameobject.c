/* frameobject.c — frame objects: creation, the block stack, locals()/f_locals syncing,
 * and the Python-visible attributes (f_back, f_code, f_lineno, ...).
 * Owner: compiler-vm.  Executing a frame is src/vm/ceval.c's job; tracebacks
 * (src/runtime/traceback.c) keep frames alive and ask them for line numbers. */
#include "Python.h"
#include "opcode.h"

/* Free lists of dead frames, one per slot count (locals + stack) up to FRAME_MAXSLOTS:
 * a call then costs no malloc/free and no GC accounting.  Dead frames are linked
 * through f_back.  (Frames stay heap objects so generators and tracebacks can keep
 * them; the free list gives most of the win of 3.11's frame stack.) */
#define FRAME_MAXSLOTS 48
#define FRAME_MAXFREE 16
static struct {
    PyFrameObject *head;
    int count;
} frame_freelist[FRAME_MAXSLOTS + 1];

static PyFrameObject *frame_alloc(Py_ssize_t extras)
{
    if (extras <= FRAME_MAXSLOTS && frame_freelist[extras].head != NULL) {
        PyFrameObject *f = frame_freelist[extras].head;
        frame_freelist[extras].head = f->f_back;
        frame_freelist[extras].count--;
        PyObject_InitVar((PyVarObject *)f, &PyFrame_Type, extras);
        return f;
    }
    return PyObject_GC_NewVar(PyFrameObject, &PyFrame_Type, extras);
}

/* Give a dead (untracked, cleared) frame back: kept for reuse or freed. */
static void frame_free(PyFrameObject *f)
{
    Py_ssize_t extras = Py_SIZE(f);
    if (extras <= FRAME_MAXSLOTS && frame_freelist[extras].count < FRAME_MAXFREE) {
        f->f_back = frame_freelist[extras].head;
        frame_freelist[extras].head = f;
        frame_freelist[extras].count++;
        return;
    }
    PyObject_GC_Del(f);
}

void _PyFrame_ClearFreeList(void)
{
    for (int i = 0; i <= FRAME_MAXSLOTS; i++) {
        while (frame_freelist[i].head != NULL) {
            PyFrameObject *f = frame_freelist[i].head;
            frame_freelist[i].head = f->f_back;
            PyObject_GC_Del(f);
        }
        frame_freelist[i].count = 0;
    }
}

PyFrameObject *_PyFrame_New_NoTrack(PyThreadState *tstate, PyCodeObject *code,
                                    PyObject *globals, PyObject *builtins, PyObject *locals)
{
    Py_ssize_t extras = code->co_nlocalsplus + code->co_stacksize;
    if (builtins == NULL) {
        builtins = tstate->interp->builtins;
        if (builtins == NULL) {
            PyErr_SetString(PyExc_SystemError, "no builtins");
            return NULL;
        }
    }
    PyFrameObject *f = frame_alloc(extras);
    if (f == NULL) return NULL;
    f->f_back = NULL;
    f->f_code = (PyCodeObject *)Py_NewRef(code);
    f->f_builtins = Py_NewRef(builtins);
    f->f_globals = Py_NewRef(globals);
    f->f_locals = Py_XNewRef(locals);
    f->f_valuestack = f->f_localsplus + code->co_nlocalsplus;
    /* the value stack is only read below f_stackdepth: no need to clear it */
    for (Py_ssize_t i = 0; i < code->co_nlocalsplus; i++) f->f_localsplus[i] = NULL;
    f->f_trace = NULL;
    f->f_gen = NULL;
    f->f_stackdepth = 0;
    f->f_lasti = -1;
    f->f_lineno = code->co_firstlineno;
    f->f_iblock = 0;
    f->f_state = FRAME_CREATED;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    f->f_is_entry = 0;
    return f;
}

PyFrameObject *PyFrame_New(PyThreadState *tstate, PyCodeObject *code, PyObject *globals,
                           PyObject *locals)
{
    PyObject *builtins = NULL;
    PyObject *b = PyDict_GetItemString(globals, "__builtins__");
    if (b && PyModule_Check(b)) b = PyModule_GetDict(b);
    if (b && PyDict_Check(b)) builtins = b;
    PyFrameObject *f = _PyFrame_New_NoTrack(tstate, code, globals, builtins, locals);
    if (f) PyObject_GC_Track(f);
    return f;
}

void PyFrame_BlockSetup(PyFrameObject *f, int type, int handler, int level)
{
    if (f->f_iblock >= CO_MAXBLOCKS)
        Py_FatalError("block stack overflow");
    PyTryBlock *b = &f->f_blockstack[f->f_iblock++];
    b->b_type = type;
    b->b_handler = handler;
    b->b_level = level;
}

PyTryBlock *PyFrame_BlockPop(PyFrameObject *f)
{
    if (f->f_iblock <= 0)
        Py_FatalError("block stack underflow");
    return &f->f_blockstack[--f->f_iblock];
}

/* ---- line numbers ---- */

int PyFrame_GetLineNumber(PyFrameObject *f)
{
    if (f->f_trace) return f->f_lineno;
    if (f->f_lasti < 0) return f->f_code->co_firstlineno;
    return PyCode_Addr2Line(f->f_code, f->f_lasti);
}

int PyFrame_GetLasti(PyFrameObject *f)
{
    return f->f_lasti < 0 ? -1 : f->f_lasti;
}

PyCodeObject *PyFrame_GetCode(PyFrameObject *f) { return (PyCodeObject *)Py_NewRef(f->f_code); }
PyFrameObject *PyFrame_GetBack(PyFrameObject *f) { return (PyFrameObject *)Py_XNewRef(f->f_back); }
PyObject *PyFrame_GetGlobals(PyFrameObject *f) { return Py_NewRef(f->f_globals); }
PyObject *PyFrame_GetBuiltins(PyFrameObject *f) { return Py_NewRef(f->f_builtins); }
PyObject *PyFrame_GetGenerator(PyFrameObject *f) { return Py_XNewRef(f->f_gen); }

/* ---- fast locals <-> f_locals ---- */

/* Name of localsplus slot i. */
static PyObject *slot_name(PyCodeObject *co, Py_ssize_t i)
{
    if (i < co->co_nlocals) return PyTuple_GET_ITEM(co->co_varnames, i);
    i -= co->co_nlocals;
    if (i < co->co_ncellvars) return PyTuple_GET_ITEM(co->co_cellvars, i);
    return PyTuple_GET_ITEM(co->co_freevars, i - co->co_ncellvars);
}

int PyFrame_FastToLocalsWithError(PyFrameObject *f)
{
    PyCodeObject *co = f->f_code;
    if (f->f_locals == NULL) {
        f->f_locals = PyDict_New();
        if (f->f_locals == NULL) return -1;
    }
    if (!(co->co_flags & CO_OPTIMIZED) && co->co_nfreevars == 0 && co->co_ncellvars == 0)
        return 0;
    PyObject *locals = f->f_locals;
    for (Py_ssize_t i = 0; i < co->co_nlocalsplus; i++) {
        PyObject *name = slot_name(co, i);
        PyObject *value = f->f_localsplus[i];
        int is_cell = i >= co->co_nlocals;
        if (is_cell) {
            /* A class body's own __class__ cell is not one of its locals. */
            if (!(co->co_flags & CO_OPTIMIZED) && i < co->co_nlocals + co->co_ncellvars)
                continue;
            value = (value && PyCell_Check(value)) ? PyCell_GET(value) : NULL;
        } else if (!(co->co_flags & CO_OPTIMIZED)) {
            continue;
        }
        if (value == NULL) {
            if (PyObject_DelItem(locals, name) < 0) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError)) return -1;
                PyErr_Clear();
            }
        } else if (PyObject_SetItem(locals, name, value) < 0) {
            return -1;
        }
    }
    return 0;
}

void PyFrame_FastToLocals(PyFrameObject *f)
{
    if (PyFrame_FastToLocalsWithError(f) < 0) PyErr_Clear();
}

void PyFrame_LocalsToFast(PyFrameObject *f, int clear)
{
    PyCodeObject *co = f->f_code;
    PyObject *locals = f->f_locals;
    if (locals == NULL || !(co->co_flags & CO_OPTIMIZED)) return;
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    for (Py_ssize_t i = 0; i < co->co_nlocalsplus; i++) {
        PyObject *value = PyObject_GetItem(locals, slot_name(co, i));
        if (value == NULL) {
            PyErr_Clear();
            if (!clear) continue;
        }
        if (i < co->co_nlocals) {
            Py_XSETREF(f->f_localsplus[i], value);
        } else {
            PyObject *cell = f->f_localsplus[i];
            if (cell && PyCell_Check(cell) && PyCell_GET(cell) != value)
                PyCell_Set(cell, value);
            Py_XDECREF(value);
        }
    }
    PyErr_Restore(et, ev, tb);
}

PyObject *PyFrame_GetLocals(PyFrameObject *f)
{
    if (PyFrame_FastToLocalsWithError(f) < 0) return NULL;
    return Py_NewRef(f->f_locals);
}

/* ---- lifetime ---- */

static void clear_locals_and_stack(PyFrameObject *f)
{
    PyObject **p = f->f_localsplus;
    Py_ssize_t n = f->f_code->co_nlocalsplus;
    for (Py_ssize_t i = 0; i < n; i++) Py_CLEAR(p[i]);
    for (int i = 0; i < f->f_stackdepth; i++) Py_CLEAR(f->f_valuestack[i]);
    f->f_stackdepth = 0;
}

void _PyFrame_Clear(PyFrameObject *f)
{
    clear_locals_and_stack(f);
    f->f_iblock = 0;
    f->f_state = FRAME_CLEARED;
}

static void frame_dealloc(PyFrameObject *f)
{
    PyObject_GC_UnTrack(f);
    clear_locals_and_stack(f);
    Py_XDECREF(f->f_back);
    Py_DECREF(f->f_builtins);
    Py_DECREF(f->f_globals);
    Py_CLEAR(f->f_locals);
    Py_CLEAR(f->f_trace);
    Py_DECREF(f->f_code);
    frame_free(f);
}

static int frame_traverse(PyFrameObject *f, visitproc visit, void *arg)
{
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_code);
    Py_VISIT(f->f_builtins);
    Py_VISIT(f->f_globals);
    Py_VISIT(f->f_locals);
    Py_VISIT(f->f_trace);
    for (Py_ssize_t i = 0; i < f->f_code->co_nlocalsplus; i++)
        Py_VISIT(f->f_localsplus[i]);
    for (int i = 0; i < f->f_stackdepth; i++)
        Py_VISIT(f->f_valuestack[i]);
    return 0;
}

static int frame_tp_clear(PyFrameObject *f)
{
    f->f_state = FRAME_CLEARED;
    Py_CLEAR(f->f_trace);
    clear_locals_and_stack(f);
    return 0;
}

/* frame.clear(): drop locals of a frame that is not running. */
static PyObject *frame_clear(PyFrameObject *f, PyObject *Py_UNUSED(ignored))
{
    if (f->f_state == FRAME_EXECUTING) {
        PyErr_SetString(PyExc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
    if (f->f_gen) {
        PyObject *r = _PyGen_Close(f->f_gen);
        if (r == NULL) return NULL;
        Py_DECREF(r);
    }
    frame_tp_clear(f);
    Py_RETURN_NONE;
}

static PyObject *frame_sizeof(PyFrameObject *f, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(PyFrameObject) +
                              (Py_SIZE(f) - 1) * (Py_ssize_t)sizeof(PyObject *));
}

static PyObject *frame_repr(PyFrameObject *f)
{
    return PyUnicode_FromFormat("<frame at %p, file %R, line %d, code %S>", f,
                                f->f_code->co_filename, PyFrame_GetLineNumber(f),
                                f->f_code->co_name);
}

/* ---- attributes ---- */

static PyObject *frame_getlocals(PyFrameObject *f, void *c) { return PyFrame_GetLocals(f); }
static PyObject *frame_getlineno(PyFrameObject *f, void *c)
{
    int line = PyFrame_GetLineNumber(f);
    if (line < 0) Py_RETURN_NONE;
    return PyLong_FromLong(line);
}
static PyObject *frame_getlasti(PyFrameObject *f, void *c) { return PyLong_FromLong(PyFrame_GetLasti(f)); }
static PyObject *frame_getback(PyFrameObject *f, void *c)
{
    if (f->f_back == NULL) Py_RETURN_NONE;
    return Py_NewRef(f->f_back);
}
static PyObject *frame_getcode(PyFrameObject *f, void *c) { return Py_NewRef(f->f_code); }
static PyObject *frame_getglobals(PyFrameObject *f, void *c) { return Py_NewRef(f->f_globals); }
static PyObject *frame_getbuiltins(PyFrameObject *f, void *c) { return Py_NewRef(f->f_builtins); }

static PyObject *frame_gettrace(PyFrameObject *f, void *c)
{
    return Py_NewRef(f->f_trace ? f->f_trace : Py_None);
}

static int frame_settrace(PyFrameObject *f, PyObject *v, void *c)
{
    if (v == Py_None) v = NULL;
    if (v) f->f_lineno = PyFrame_GetLineNumber(f);
    Py_XSETREF(f->f_trace, Py_XNewRef(v));
    return 0;
}

static int frame_setlineno(PyFrameObject *f, PyObject *v, void *c)
{
    if (v == NULL || !PyLong_CheckExact(v)) {
        PyErr_SetString(PyExc_ValueError, "lineno must be an integer");
        return -1;
    }
    if (f->f_trace == NULL) {
        PyErr_Format(PyExc_ValueError,
                     "f_lineno can only be set by a trace function");
        return -1;
    }
    PyErr_SetString(PyExc_ValueError, "Krait does not support jumping from a trace function");
    return -1;
}

static PyObject *frame_gettrace_lines(PyFrameObject *f, void *c) { return PyBool_FromLong(f->f_trace_lines); }
static int frame_settrace_lines(PyFrameObject *f, PyObject *v, void *c)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    f->f_trace_lines = v == Py_True;
    return 0;
}
static PyObject *frame_gettrace_opcodes(PyFrameObject *f, void *c) { return PyBool_FromLong(f->f_trace_opcodes); }
static int frame_settrace_opcodes(PyFrameObject *f, PyObject *v, void *c)
{
    if (v == NULL || !PyBool_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
        return -1;
    }
    f->f_trace_opcodes = v == Py_True;
    return 0;
}

static PyGetSetDef frame_getsetlist[] = {
    {"f_back", (getter)frame_getback, NULL, NULL, NULL},
    {"f_locals", (getter)frame_getlocals, NULL, NULL, NULL},
    {"f_lineno", (getter)frame_getlineno, (setter)frame_setlineno, NULL, NULL},
    {"f_trace", (getter)frame_gettrace, (setter)frame_settrace, NULL, NULL},
    {"f_lasti", (getter)frame_getlasti, NULL, NULL, NULL},
    {"f_globals", (getter)frame_getglobals, NULL, NULL, NULL},
    {"f_builtins", (getter)frame_getbuiltins, NULL, NULL, NULL},
    {"f_code", (getter)frame_getcode, NULL, NULL, NULL},
    {"f_trace_lines", (getter)frame_gettrace_lines, (setter)frame_settrace_lines, NULL, NULL},
    {"f_trace_opcodes", (getter)frame_gettrace_opcodes, (setter)frame_settrace_opcodes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef frame_methods[] = {
    {"clear", (PyCFunction)frame_clear, METH_NOARGS,
     "F.clear(): clear most references held by the frame"},
    {"__sizeof__", (PyCFunction)frame_sizeof, METH_NOARGS,
     "F.__sizeof__() -> size of F in memory, in bytes"},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyFrame_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frame",
    .tp_basicsize = offsetof(PyFrameObject, f_localsplus),
    .tp_itemsize = sizeof(PyObject *),
    .tp_dealloc = (destructor)frame_dealloc,
    .tp_repr = (reprfunc)frame_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)frame_traverse,
    .tp_clear = (inquiry)frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_getset = frame_getsetlist,
};
