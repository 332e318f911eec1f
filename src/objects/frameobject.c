/* frameobject.c — frame objects: creation, the block stack, locals()/f_locals syncing,
 * and the Python-visible attributes (f_back, f_code, f_lineno, ...).
 * Owner: compiler-vm.  Executing a frame is src/vm/ceval.c's job; tracebacks
 * (src/runtime/traceback.c) keep frames alive and ask them for line numbers. */
#include "Python.h"
#include "opcode.h"

/* Free lists of dead frames, one per slot count (locals + stack) up to _PyFrame_MAXSLOTS:
 * a call then costs no malloc/free and no GC accounting.  Dead frames are linked
 * through f_back.  (Frames stay heap objects so generators and tracebacks can keep
 * them; the free list gives most of the win of 3.11's frame stack.)  The eval loop
 * takes frames from these lists inline (_PyFrame_NewCall, frameobject.h). */
#define FRAME_MAXSLOTS _PyFrame_MAXSLOTS
_PyFrameFreeList _PyFrame_FreeLists[FRAME_MAXSLOTS + 1];
#define frame_freelist _PyFrame_FreeLists

PyFrameObject *_PyFrame_Alloc(Py_ssize_t extras)
{
    if (extras <= FRAME_MAXSLOTS && frame_freelist[extras].head != NULL) {
        PyFrameObject *f = frame_freelist[extras].head;
        frame_freelist[extras].head = f->f_back;
        frame_freelist[extras].count--;
        /* type and size are already right (one list per size, static type) */
        Py_SET_REFCNT(f, 1);
        return f;
    }
    return PyObject_GC_NewVar(PyFrameObject, &PyFrame_Type, extras);
}
#define frame_alloc _PyFrame_Alloc

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
    _PyFrame_InitState(f);
    return f;
}

PyFrameObject *PyFrame_New(PyThreadState *tstate, PyCodeObject *code, PyObject *globals,
                           PyObject *locals)
{
    PyObject *builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
    if (builtins == NULL) return NULL;
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
    if (f->f_lineno != 0) return f->f_lineno;
    int lasti = _PyFrame_LASTI(f);
    if (lasti < 0) {
        /* not started: 3.11 reports its RESUME's line, which is 0 for module code */
        if (_PyUnicode_EqualToASCIIString(f->f_code->co_name, "<module>")) return 0;
        return f->f_code->co_firstlineno;
    }
    return PyCode_Addr2Line(f->f_code, lasti);
}

int PyFrame_GetLasti(PyFrameObject *f)
{
    int lasti = _PyFrame_LASTI(f);
    /* 3.11: a generator's frame is created by its RETURN_GENERATOR, at offset 0 */
    if (lasti < 0 && f->f_gen != NULL) return 0;
    return lasti;
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
    /* Unoptimized code (module, class body, exec) keeps its locals in f_locals already;
     * as 3.11, neither its cells (a class body's __class__) nor its free variables are
     * copied in: a class body's locals() does not list the enclosing function's names. */
    if (!(co->co_flags & CO_OPTIMIZED)) return 0;
    PyObject *locals = f->f_locals;
    for (Py_ssize_t i = 0; i < co->co_nlocalsplus; i++) {
        PyObject *name = slot_name(co, i);
        PyObject *value = f->f_localsplus[i];
        int is_cell = i >= co->co_nlocals;
        if (is_cell) value = (value && PyCell_Check(value)) ? PyCell_GET(value) : NULL;
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
    Py_CLEAR(f->f_init_self);
    Py_XDECREF(f->f_back);
    Py_DECREF(f->f_builtins);
    Py_DECREF(f->f_globals);
    Py_CLEAR(f->f_locals);
    Py_CLEAR(f->f_trace);
    Py_DECREF(f->f_code);
    _PyFrame_Free(f);
}

static int frame_traverse(PyFrameObject *f, visitproc visit, void *arg)
{
    Py_VISIT(f->f_back);
    Py_VISIT(f->f_code);
    Py_VISIT(f->f_builtins);
    Py_VISIT(f->f_globals);
    Py_VISIT(f->f_locals);
    Py_VISIT(f->f_trace);
    Py_VISIT(f->f_init_self);
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
    Py_XSETREF(f->f_trace, Py_XNewRef(v));
    return 0;
}

/* ---- f_lineno assignment: a jump made by a trace function ----
 * As 3.11: allowed only from a 'line' event; the target is the first line with code at
 * or after the one asked for; among its instructions, one whose value stack is a prefix
 * of the current one (what the jump pops) is chosen.  The stack kinds and the block stack
 * at every instruction come from an abstract run of the bytecode (jump_analyse): values
 * are plain objects, for-loop iterators, or the saved exception below an except handler
 * (popping one restores sys.exc_info(), as leaving the handler would). */

/* K_EXCEPT: the exception saved below a handler; K_EXCVAL: the one being handled */
enum { K_OBJECT = 1, K_ITERATOR, K_EXCEPT, K_NULL, K_EXCVAL };
#define JUMP_MAXDEPTH 64

typedef struct {
    int depth;                       /* -1: not reached; JUMP_MAXDEPTH+1: too deep */
    int nblocks;
    unsigned char kinds[JUMP_MAXDEPTH];
    PyTryBlock blocks[CO_MAXBLOCKS];
} jump_state;

static int instr_arg(const _Py_CODEUNIT *code, int i)
{
    int arg = _Py_OPARG(code[i]), shift = 8;
    for (int j = i - 1; j >= 0 && _Py_OPCODE(code[j]) == EXTENDED_ARG; j--, shift += 8)
        arg |= _Py_OPARG(code[j]) << shift;
    return arg;
}

static void js_push(jump_state *s, int kind)
{
    if (s->depth >= JUMP_MAXDEPTH) { s->depth = JUMP_MAXDEPTH + 1; return; }
    s->kinds[s->depth++] = (unsigned char)kind;
}

static void js_pop(jump_state *s, int n)
{
    if (s->depth > JUMP_MAXDEPTH) return;
    s->depth = s->depth >= n ? s->depth - n : 0;
}

static void js_block(jump_state *s, int type, int handler, int level)
{
    if (s->nblocks >= CO_MAXBLOCKS) return;
    PyTryBlock *b = &s->blocks[s->nblocks++];
    b->b_type = type;
    b->b_handler = handler;
    b->b_level = level;
}

/* Record state s at instruction i (first path wins), adding i to the work list. */
static void js_flow(jump_state *states, int *work, int *nwork, int n, int i,
                    const jump_state *s)
{
    if (i < 0 || i >= n || states[i].depth != -1) return;
    states[i] = *s;
    work[(*nwork)++] = i;
}

static jump_state *jump_analyse(PyCodeObject *co, int n)
{
    const _Py_CODEUNIT *code = _PyCode_CODE(co);
    jump_state *states = PyMem_Malloc(sizeof(jump_state) * (size_t)n);
    int *work = PyMem_Malloc(sizeof(int) * (size_t)(n + 1));
    if (states == NULL || work == NULL) {
        PyMem_Free(states);
        PyMem_Free(work);
        PyErr_NoMemory();
        return NULL;
    }
    for (int i = 0; i < n; i++) states[i].depth = -1;
    int nwork = 0;
    jump_state s = {0};
    js_flow(states, work, &nwork, n, 0, &s);
    while (nwork > 0) {
        int i = work[--nwork];
        s = states[i];
        int op = _Py_OPCODE(code[i]);
        if (op == EXTENDED_ARG) { js_flow(states, work, &nwork, n, i + 1, &s); continue; }
        int arg = instr_arg(code, i);
        jump_state t;
        switch (op) {
        case RETURN_VALUE: case RAISE_VARARGS: case RERAISE:
            break;
        case JUMP_FORWARD:
            js_flow(states, work, &nwork, n, i + 1 + arg, &s);
            break;
        case JUMP_ABSOLUTE:
            js_flow(states, work, &nwork, n, arg, &s);
            break;
        case POP_JUMP_IF_FALSE: case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_NOT_NONE: case JUMP_IF_NOT_EXC_MATCH:
            js_pop(&s, 1);
            js_flow(states, work, &nwork, n, arg, &s);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP:
            js_flow(states, work, &nwork, n, arg, &s);
            js_pop(&s, 1);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case FOR_ITER:
            t = s;
            js_pop(&t, 1);
            js_flow(states, work, &nwork, n, i + 1 + arg, &t);
            js_push(&s, K_OBJECT);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case GET_ITER: case GET_AITER:
            js_pop(&s, 1);
            js_push(&s, K_ITERATOR);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case SETUP_FINALLY: case SETUP_WITH: case SETUP_ASYNC_WITH: {
            if (op == SETUP_ASYNC_WITH) js_pop(&s, 1);   /* the awaited __aenter__ result */
            int level = s.depth;
            t = s;                                       /* the handler: [.., prev, exc] */
            js_block(&t, EXCEPT_HANDLER, -1, level);
            js_push(&t, K_EXCEPT);
            js_push(&t, K_EXCVAL);
            js_flow(states, work, &nwork, n, i + 1 + arg, &t);
            js_block(&s, SETUP_FINALLY, i + 1 + arg, level);
            if (op != SETUP_FINALLY) js_push(&s, K_OBJECT);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        }
        case POP_BLOCK:
            if (s.nblocks > 0) s.nblocks--;
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case POP_EXCEPT:
            if (s.nblocks > 0) s.nblocks--;
            js_pop(&s, 1);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case END_ASYNC_FOR:
            if (s.nblocks > 0) s.nblocks--;
            js_pop(&s, 3);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case LOAD_METHOD:   /* [NULL or method, self or callable] */
            js_pop(&s, 1);
            js_push(&s, K_NULL);
            js_push(&s, K_OBJECT);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        case CALL_METHOD: case CALL_METHOD_KW:
            js_pop(&s, arg + 2 + (op == CALL_METHOD_KW));
            js_push(&s, K_OBJECT);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        default: {
            int effect = PyCompile_OpcodeStackEffectWithJump(op, arg, 0);
            int pure_pop = op == POP_TOP || op == STORE_FAST || op == STORE_NAME ||
                           op == STORE_GLOBAL || op == STORE_DEREF || op == STORE_ATTR ||
                           op == STORE_SUBSCR || op == DELETE_SUBSCR || op == DELETE_ATTR ||
                           op == PRINT_EXPR || op == IMPORT_STAR || op == LIST_APPEND ||
                           op == SET_ADD || op == MAP_ADD || op == LIST_EXTEND ||
                           op == SET_UPDATE || op == DICT_MERGE || op == DICT_UPDATE;
            if (op == UNPACK_SEQUENCE || op == UNPACK_EX) {
                js_pop(&s, 1);
                effect += 1;
            } else if (effect < 0 && pure_pop) {
                js_pop(&s, -effect);
            } else if (effect < 0) {
                /* pops 1 - effect values, pushes one result */
                js_pop(&s, 1 - effect);
                js_push(&s, K_OBJECT);
            }
            for (int k = 0; k < effect; k++) js_push(&s, K_OBJECT);
            js_flow(states, work, &nwork, n, i + 1, &s);
            break;
        }
        }
    }
    PyMem_Free(work);
    return states;
}

/* Can a frame in state from reach state to by popping values? */
static int jump_compatible(const jump_state *from, const jump_state *to)
{
    if (from->depth < 0 || to->depth < 0 || from->depth > JUMP_MAXDEPTH ||
        to->depth > JUMP_MAXDEPTH || to->depth > from->depth)
        return 0;
    return memcmp(from->kinds, to->kinds, (size_t)to->depth) == 0;
}

static const char *jump_incompatible_reason(const jump_state *to)
{
    if (to->depth > JUMP_MAXDEPTH) return "stack is too deep to analyze";
    if (to->depth <= 0) return "incompatible stacks";
    switch (to->kinds[to->depth - 1]) {
    case K_EXCEPT: case K_EXCVAL:
        return "can't jump into an 'except' block as there's no exception";
    case K_ITERATOR: return "can't jump into the body of a for loop";
    default: return "incompatible stacks";
    }
}

/* Pop one value of the frame's stack; the saved exception of a handler is restored. */
static void jump_pop_value(PyFrameObject *f, int kind)
{
    PyObject *v = f->f_valuestack[--f->f_stackdepth];
    f->f_valuestack[f->f_stackdepth] = NULL;
    if (kind != K_EXCEPT) { Py_XDECREF(v); return; }
    _PyErr_StackItem *ei = _PyThreadState_GET()->exc_info;
    if (v == Py_None) { Py_DECREF(v); v = NULL; }
    PyObject *ot = ei->exc_type, *ov = ei->exc_value, *otb = ei->exc_traceback;
    ei->exc_value = v;
    ei->exc_type = v ? Py_NewRef(Py_TYPE(v)) : NULL;
    ei->exc_traceback = v ? PyException_GetTraceback(v) : NULL;
    Py_XDECREF(ot); Py_XDECREF(ov); Py_XDECREF(otb);
}

static int frame_jump_to_line(PyFrameObject *f, int new_lineno, long requested)
{
    PyCodeObject *co = f->f_code;
    int n = (int)(_PyCode_NBYTES(co) / (Py_ssize_t)sizeof(_Py_CODEUNIT));
    /* As 3.11, only the first instruction of each run of a line is a jump target. */
    int *linestarts = PyMem_Malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (linestarts == NULL) { PyErr_NoMemory(); return -1; }
    int target_line = -1, last_line = -1;
    for (int i = 0; i < n; i++) {
        int l = _PyEval_LineOfInstr(co, i * 2);
        linestarts[i] = -1;
        if (l != -1 && l != last_line) linestarts[i] = last_line = l;
        if (linestarts[i] >= new_lineno && (target_line < 0 || l < target_line)) target_line = l;
    }
    if (target_line < 0) {
        PyMem_Free(linestarts);
        PyErr_Format(PyExc_ValueError, "line %ld comes after the current code block", requested);
        return -1;
    }
    jump_state *states = jump_analyse(co, n);
    if (states == NULL) { PyMem_Free(linestarts); return -1; }
    int cur = _PyFrame_LASTI(f) / 2;
    const jump_state *start = &states[cur < n ? cur : 0];
    int best = -1, err = -1;
    const char *msg = "cannot find bytecode for specified line";
    for (int i = 0; i < n; i++) {
        if (linestarts[i] != target_line) continue;
        if (jump_compatible(start, &states[i])) {
            err = 0;
            if (best < 0 || states[i].depth > states[best].depth) best = i;
        } else if (err < 0) {
            if (start->depth > JUMP_MAXDEPTH) msg = "stack to deep to analyze";
            else if (start->depth < 0) msg = "can't jump from unreachable code";
            else if (states[i].depth < 0)
                msg = "can't jump into an exception handler, or code may be unreachable";
            else { msg = jump_incompatible_reason(&states[i]); err = 1; }
        }
    }
    PyMem_Free(linestarts);
    if (err) {
        PyMem_Free(states);
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    const jump_state *to = &states[best];
    while (f->f_stackdepth > to->depth)
        jump_pop_value(f, start->kinds[f->f_stackdepth - 1]);
    /* The block stack becomes the target's (entering or leaving try/with bodies);
     * handlers still active keep the offset they were entered from. */
    int keep = 0;
    while (keep < f->f_iblock && keep < to->nblocks &&
           f->f_blockstack[keep].b_type == to->blocks[keep].b_type &&
           f->f_blockstack[keep].b_level == to->blocks[keep].b_level &&
           (to->blocks[keep].b_type == EXCEPT_HANDLER ||
            f->f_blockstack[keep].b_handler == to->blocks[keep].b_handler))
        keep++;
    for (int k = keep; k < to->nblocks; k++) {
        f->f_blockstack[k] = to->blocks[k];
        if (f->f_blockstack[k].b_type == EXCEPT_HANDLER) f->f_blockstack[k].b_handler = best * 2;
    }
    f->f_iblock = to->nblocks;
    _PyFrame_SET_LASTI(f, best * 2);
    f->f_lineno = 0;   /* f_lineno now reads the target's line */
    PyMem_Free(states);
    return 0;
}

static int frame_setlineno(PyFrameObject *f, PyObject *v, void *c)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!PyLong_CheckExact(v)) {
        PyErr_SetString(PyExc_ValueError, "lineno must be an integer");
        return -1;
    }
    switch (_PyThreadState_GET()->tracing_what) {
    case PyTrace_EXCEPTION:
        PyErr_SetString(PyExc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    case PyTrace_CALL:
        PyErr_Format(PyExc_ValueError, "can't jump from the 'call' trace event of a new frame");
        return -1;
    case PyTrace_LINE:
        break;
    default:   /* 'return' (Krait does not jump in suspended generators either) */
        PyErr_SetString(PyExc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    if (!f->f_trace) {
        PyErr_Format(PyExc_ValueError, "f_lineno can only be set by a trace function");
        return -1;
    }
    int overflow;
    long l_new_lineno = PyLong_AsLongAndOverflow(v, &overflow);
    if (overflow || l_new_lineno > INT_MAX || l_new_lineno < INT_MIN) {
        PyErr_SetString(PyExc_ValueError, "lineno out of range");
        return -1;
    }
    if (l_new_lineno < f->f_code->co_firstlineno) {
        PyErr_Format(PyExc_ValueError, "line %d comes before the current code block",
                     (int)l_new_lineno);
        return -1;
    }
    return frame_jump_to_line(f, (int)l_new_lineno, l_new_lineno);
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
