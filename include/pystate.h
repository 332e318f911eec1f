/* pystate.h — the interpreter state (one per interpreter: modules, builtins, config)
 * and the thread state (one per OS thread: current frame, exception state, recursion
 * depth).  All runtime state hangs off these two; no scattered globals.
 * Implementation: src/runtime/pystate.c. */
#ifndef Py_PYSTATE_H
#define Py_PYSTATE_H

#include "object.h"

struct _frame;

/* Trace/profile hooks (CPython's Py_tracefunc and PyTrace_* event codes). */
typedef int (*Py_tracefunc)(PyObject *, struct _frame *, int, PyObject *);
#define PyTrace_CALL 0
#define PyTrace_EXCEPTION 1
#define PyTrace_LINE 2
#define PyTrace_RETURN 3
#define PyTrace_C_CALL 4
#define PyTrace_C_EXCEPTION 5
#define PyTrace_C_RETURN 6
#define PyTrace_OPCODE 7

/* Start-up configuration, filled by the command line (src/runtime/main.c). */
typedef struct PyConfig {
    int argc;
    wchar_t **wargv_unused;
    char **argv;            /* sys.argv as CPython builds it (utf-8) */
    char *program_name;     /* argv[0] of the process */
    char *run_command;      /* -c */
    char *run_module;       /* -m */
    char *run_filename;     /* script path, or NULL for stdin/REPL */
    int interactive;        /* -i */
    int inspect;            /* -i or PYTHONINSPECT */
    int optimization_level; /* -O count */
    int write_bytecode;     /* !-B */
    int use_environment;    /* !-E */
    int isolated;           /* -I */
    int safe_path;          /* -P or -I */
    int buffered_stdio;     /* !-u */
    int quiet;              /* -q */
    int verbose;            /* -v count */
    int bytes_warnings;     /* -b count */
    int site_import;        /* !-S */
    int user_site_directory;/* !-s */
    int dont_write_bytecode;
    int dev_mode;           /* -X dev */
    int lltrace;            /* -X lltrace */
    int dxp;                /* -X dxp: dump the dynamic execution profile at exit */
    int ignore_environment;
    int nxoptions;
    char **xoptions;        /* -X values, in order */
    int nwarnoptions;
    char **warnoptions;     /* -W values */
    int utf8_mode;          /* PEP 540: -X utf8, PYTHONUTF8, or a C/POSIX locale */
    char *stdio_encoding;   /* PYTHONIOENCODING's encoding, or NULL for utf-8 */
    char *stdio_errors;     /* PYTHONIOENCODING's error handler, or NULL */
    int int_max_str_digits; /* -X int_max_str_digits / PYTHONINTMAXSTRDIGITS, -1 unset */
    char *pycache_prefix;   /* -X pycache_prefix / PYTHONPYCACHEPREFIX, NULL unset */
    char *hash_seed;        /* PYTHONHASHSEED unless -E/-R; NULL or "random": random key */
    int parser_debug;       /* -d / PYTHONDEBUG (sys.flags.debug) */
    int faulthandler;       /* -X faulthandler, PYTHONFAULTHANDLER or -X dev */
    int no_debug_ranges;    /* -X no_debug_ranges / PYTHONNODEBUGRANGES: no columns in co_positions */
    int skip_source_first_line; /* -x */
    char *check_hash_pycs_mode; /* --check-hash-based-pycs: "always"/"never", NULL = "default" */
} PyConfig;

/* One entry of the handled-exception stack (sys.exc_info()). */
typedef struct _err_stackitem {
    PyObject *exc_type, *exc_value, *exc_traceback;
    struct _err_stackitem *previous_item;
} _PyErr_StackItem;

typedef struct _is PyInterpreterState;
typedef struct _ts PyThreadState;

struct _is {
    struct _is *next;
    struct _ts *tstate_head;
    int64_t id;
    PyObject *modules;       /* sys.modules */
    PyObject *sysdict;       /* sys.__dict__ */
    PyObject *builtins;      /* builtins.__dict__ */
    PyObject *importlib;
    PyObject *codec_search_path;
    PyObject *codec_search_cache;
    PyObject *codec_error_registry;
    PyObject *dict;          /* per-interpreter storage for modules */
    PyObject *audit_hooks;
    PyConfig config;
    int finalizing;
    int recursion_limit;     /* sys.getrecursionlimit() */
    void *gc;                /* collector state (src/runtime/gc.c) */
    void *ceval;             /* eval-breaker / pending calls state (src/vm/ceval.c) */
    uint64_t dict_version;   /* global counter for dict version tags */
    PyObject *dxp;           /* dynamic execution profile, if enabled */
};

struct _ts {
    struct _ts *prev, *next;
    PyInterpreterState *interp;
    struct _frame *frame;    /* innermost executing frame */
    int recursion_depth;     /* Python-level calls in progress */
    int recursion_headroom;  /* allowance while handling RecursionError */
    int tracing;             /* > 0 while a trace/profile function runs */
    int tracing_what;        /* PyTrace_* event being delivered (frame.f_lineno setter) */
    int use_tracing;         /* (c_tracefunc || c_profilefunc) && !tracing: the eval loop's one flag */
    /* sys.setprofile / sys.settrace (PyEval_SetProfile / PyEval_SetTrace), CPython's layout */
    Py_tracefunc c_profilefunc, c_tracefunc;
    PyObject *c_profileobj, *c_traceobj;
    /* The exception being raised (PyErr_Occurred). */
    PyObject *curexc_type, *curexc_value, *curexc_traceback;
    /* The exception being handled: exc_info points into this chain. */
    _PyErr_StackItem exc_state;
    _PyErr_StackItem *exc_info;
    PyObject *dict;          /* thread-local storage (PyThreadState_GetDict) */
    unsigned long thread_id;
    unsigned long native_thread_id;
    PyObject *async_exc;
    uint64_t id;
    /* Called when the state is deleted (threading's sentinel lock; owner: threads). */
    void (*on_delete)(void *);
    void *on_delete_data;
    int gilstate_counter;    /* PyGILState_Ensure nesting (owner: threads) */
    /* sys.set_asyncgen_hooks (set by sysmodule.c; called by genobject.c). */
    PyObject *async_gen_firstiter, *async_gen_finalizer;
    int coroutine_origin_tracking_depth;   /* sys.set_coroutine_origin_tracking_depth */
};

/* The running thread's state (fast: a plain global read under the GIL). */
extern PyThreadState *_Py_tstate_current;
static inline PyThreadState *_PyThreadState_GET(void) { return _Py_tstate_current; }
PyThreadState *PyThreadState_Get(void);
PyInterpreterState *PyInterpreterState_Get(void);
#define _PyInterpreterState_GET() (_PyThreadState_GET()->interp)
PyInterpreterState *PyInterpreterState_New(void);
void PyInterpreterState_Clear(PyInterpreterState *);
void PyInterpreterState_Delete(PyInterpreterState *);
PyThreadState *PyThreadState_New(PyInterpreterState *);
void PyThreadState_Clear(PyThreadState *);
void PyThreadState_Delete(PyThreadState *);
PyThreadState *PyThreadState_Swap(PyThreadState *);
PyObject *PyThreadState_GetDict(void);
PyObject *PyEval_GetBuiltins(void);
/* single-phase extension modules found from their def (src/runtime/dynload.c) */
struct PyModuleDef;
PyObject *PyState_FindModule(struct PyModuleDef *);
int PyState_AddModule(PyObject *, struct PyModuleDef *);
int PyState_RemoveModule(struct PyModuleDef *);

#endif
