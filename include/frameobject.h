/* frameobject.h — frame objects: one activation of a code object.
 * Owner: compiler-vm (src/objects/frameobject.c; executed by src/vm/ceval.c).
 * A frame holds its locals, cells and free variables ("localsplus"), then the value
 * stack, in one allocation, plus the block stack for try/with.  Frames are heap objects
 * linked by f_back, so generators keep theirs and Python calls need no C recursion. */
#ifndef Py_FRAMEOBJECT_H
#define Py_FRAMEOBJECT_H
#include "object.h"
#include "objimpl.h"
#include "code.h"
#include "bytesobject.h"
#include "pystate.h"

typedef struct {
    int b_type;    /* SETUP_FINALLY, SETUP_WITH, SETUP_ASYNC_WITH or EXCEPT_HANDLER */
    int b_handler; /* code-unit index of the handler */
    int b_level;   /* value-stack depth to restore */
} PyTryBlock;

#define EXCEPT_HANDLER 257 /* block type for a running except/finally handler */

typedef enum {
    FRAME_CREATED = -2,
    FRAME_SUSPENDED = -1,
    FRAME_EXECUTING = 0,
    FRAME_RETURNED = 1,
    FRAME_UNWINDING = 2,
    FRAME_RAISED = 3,
    FRAME_CLEARED = 4
} PyFrameState;

typedef struct _frame {
    PyObject_VAR_HEAD          /* ob_size = number of localsplus + stack slots */
    struct _frame *f_back;     /* caller, or NULL (strong reference) */
    PyCodeObject *f_code;
    PyObject *f_builtins;      /* builtins dict */
    PyObject *f_globals;       /* globals dict */
    PyObject *f_locals;        /* locals mapping, or NULL for optimized frames */
    PyObject **f_valuestack;   /* bottom of the value stack (in f_localsplus) */
    PyObject *f_trace;         /* per-frame trace function, or NULL */
    PyObject *f_gen;           /* generator/coroutine owning this frame (borrowed) */
    PyObject *f_init_self;     /* __init__ frame entered by the loop for a class call: the
                                * new instance, returned to the caller instead of None */
    /* The code unit after the last instruction started (the code's first before the
     * first): the eval loop stores its next_instr here as each instruction starts, one
     * store where a byte offset would take three more instructions.  Read and written as
     * 3.11's byte offset f_lasti (-1 at start) through _PyFrame_LASTI/_PyFrame_SET_LASTI. */
    const _Py_CODEUNIT *f_instr;
    int f_stackdepth;          /* saved stack depth while not executing */
    int f_lineno;              /* current line while tracing (else computed from f_lasti) */
    int f_iblock;              /* used entries of f_blockstack */
    char f_state;              /* PyFrameState */
    char f_trace_lines;
    char f_trace_opcodes;
    char f_is_entry;           /* evaluation of this frame started a C-level call of the loop */
    PyTryBlock f_blockstack[CO_MAXBLOCKS];
    PyObject *f_localsplus[1]; /* locals, cells, frees, then the value stack */
} PyFrameObject;

extern PyTypeObject PyFrame_Type;
#define PyFrame_Check(op) Py_IS_TYPE(op, &PyFrame_Type)

/* Free lists of dead frames, one per slot count (locals + stack), linked through f_back
 * (frameobject.c); in this header so that the eval loop's call path takes a frame inline. */
#define _PyFrame_MAXSLOTS 48
#define _PyFrame_MAXFREE 16     /* frames kept per slot count */
typedef struct {
    PyFrameObject *head;
    int count;
} _PyFrameFreeList;
extern _PyFrameFreeList _PyFrame_FreeLists[_PyFrame_MAXSLOTS + 1];
/* A frame of ob_size extras from the free list or the allocator (fields unset); NULL and
 * MemoryError on failure. */
PyFrameObject *_PyFrame_Alloc(Py_ssize_t extras);
/* Give back the memory of a dead frame (refcount 0, untracked, references dropped):
 * kept on its free list for reuse, or freed. */
static inline void _PyFrame_Free(PyFrameObject *f)
{
    Py_ssize_t extras = Py_SIZE(f);
    if (extras <= _PyFrame_MAXSLOTS && _PyFrame_FreeLists[extras].count < _PyFrame_MAXFREE) {
        _PyFrameFreeList *fl = &_PyFrame_FreeLists[extras];
        f->f_back = fl->head;
        fl->head = f;
        fl->count++;
        return;
    }
    PyObject_GC_Del(f);
}

/* f_lasti: the byte offset of the last instruction started, -1 before the first. */
static inline int _PyFrame_LASTI(const PyFrameObject *f)
{
    Py_ssize_t i = f->f_instr - _PyCode_CODE(f->f_code);
    return i > 0 ? (int)(i - 1) * (int)sizeof(_Py_CODEUNIT) : -1;
}

static inline void _PyFrame_SET_LASTI(PyFrameObject *f, int lasti)
{
    f->f_instr = _PyCode_CODE(f->f_code) + (lasti < 0 ? 0 : lasti / 2 + 1);
}

/* The execution state of a frame about to run for the first time (both constructors;
 * f_code set). */
static inline void _PyFrame_InitState(PyFrameObject *f)
{
    f->f_trace = NULL;
    f->f_gen = NULL;
    f->f_init_self = NULL;
    f->f_stackdepth = 0;
    f->f_instr = _PyCode_CODE(f->f_code);   /* f_lasti -1: not started */
    f->f_lineno = 0;   /* 0: computed from f_lasti (set only while a trace hook runs) */
    f->f_iblock = 0;
    f->f_state = FRAME_CREATED;
    f->f_trace_lines = 1;
    f->f_trace_opcodes = 0;
    f->f_is_entry = 0;
}

/* A frame for a call of code with optimized locals whose first nargs locals are args,
 * whose references move into the frame; the other locals start unbound, f_back is NULL
 * and the frame is not tracked.  The eval loop's call path (no locals mapping). */
static inline PyFrameObject *_PyFrame_NewCall(PyCodeObject *code, PyObject *globals,
                                              PyObject *builtins, PyObject *const *args,
                                              int nargs)
{
    Py_ssize_t nlocals = code->co_nlocalsplus, extras = nlocals + code->co_stacksize;
    PyFrameObject *f;
    if (extras <= _PyFrame_MAXSLOTS && _PyFrame_FreeLists[extras].head != NULL) {
        _PyFrameFreeList *fl = &_PyFrame_FreeLists[extras];
        f = fl->head;
        fl->head = f->f_back;
        fl->count--;
        Py_SET_REFCNT(f, 1);   /* type and size are already right */
    } else {
        f = _PyFrame_Alloc(extras);
        if (f == NULL) return NULL;
    }
    f->f_back = NULL;
    f->f_code = (PyCodeObject *)Py_NewRef(code);
    f->f_builtins = Py_NewRef(builtins);
    f->f_globals = Py_NewRef(globals);
    f->f_locals = NULL;
    PyObject **lp = f->f_localsplus;
    f->f_valuestack = lp + nlocals;
    for (int i = 0; i < nargs; i++) lp[i] = args[i];
    /* a plain loop: GCC would make a call of memset out of it, dearer for a few slots */
    for (Py_ssize_t i = nargs; i < nlocals; i++) {
        lp[i] = NULL;
#if defined(__GNUC__)
        __asm__("" : "+r"(i));
#endif
    }
    _PyFrame_InitState(f);
    return f;
}

/* A new frame for code (not yet tracked, f_back = NULL); locals may be NULL. */
PyFrameObject *_PyFrame_New_NoTrack(PyThreadState *tstate, PyCodeObject *code,
                                    PyObject *globals, PyObject *builtins, PyObject *locals);
PyFrameObject *PyFrame_New(PyThreadState *tstate, PyCodeObject *code, PyObject *globals,
                           PyObject *locals);
void PyFrame_BlockSetup(PyFrameObject *f, int type, int handler, int level);
PyTryBlock *PyFrame_BlockPop(PyFrameObject *f);

int PyFrame_GetLineNumber(PyFrameObject *f);
int PyFrame_GetLasti(PyFrameObject *f);   /* byte offset, as 3.11 */
PyCodeObject *PyFrame_GetCode(PyFrameObject *f);   /* new reference */
PyFrameObject *PyFrame_GetBack(PyFrameObject *f);  /* new reference or NULL */
PyObject *PyFrame_GetLocals(PyFrameObject *f);     /* new reference */
PyObject *PyFrame_GetGlobals(PyFrameObject *f);    /* new reference */
PyObject *PyFrame_GetBuiltins(PyFrameObject *f);   /* new reference */
PyObject *PyFrame_GetGenerator(PyFrameObject *f);  /* new reference or NULL */
/* Copy fast locals and cells into f_locals (creating it); 0 or -1 with an exception. */
int PyFrame_FastToLocalsWithError(PyFrameObject *f);
void PyFrame_FastToLocals(PyFrameObject *f);
/* Copy f_locals back into fast locals (clear: delete names missing from f_locals). */
void PyFrame_LocalsToFast(PyFrameObject *f, int clear);
/* Drop locals and stack of a finished frame (frame.clear()). */
void _PyFrame_Clear(PyFrameObject *f);
/* Free the frames kept for reuse (at finalization). */
void _PyFrame_ClearFreeList(void);

#endif
