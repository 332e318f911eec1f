/* ceval.c — the evaluation loop: runs frames instruction by instruction.
 * Owner: compiler-vm.  Dispatch uses computed gotos (switch fallback); Python-to-Python
 * calls push a new frame and continue in the same C loop (no C recursion).  Operations
 * on objects are delegated to the abstract layer (src/objects/abstract.c, call.c);
 * argument binding, raising, importing and unpacking live in named helpers below.
 * Exceptions unwind the block stack as 3.10 did (see include/opcode.h). */
#include "Python.h"
#include "opcode.h"
#include <pthread.h>

#if defined(__GNUC__) || defined(__clang__)
#  define USE_COMPUTED_GOTOS 1
#else
#  define USE_COMPUTED_GOTOS 0
#endif

/* The eval breaker, pending calls and signals live in ceval_gil.c (owner: threads):
 * the loop tests _Py_EVAL_BREAKER() and calls _Py_HandlePending(). */

/* ---- -X dxp: dynamic execution profile ---- */

static unsigned long *dxp_counts;  /* [256] opcodes, then [256*256] pairs */
static int dxp_registered;

void _PyEval_DumpDxp(void)
{
    if (dxp_counts == NULL) return;
    fprintf(stderr, "Dynamic execution profile (opcode counts):\n");
    for (int i = 0; i < 256; i++)
        if (dxp_counts[i])
            fprintf(stderr, "%10lu %s\n", dxp_counts[i],
                    _PyOpcode_OpName[i] ? _PyOpcode_OpName[i] : "<unknown>");
    fprintf(stderr, "Opcode pairs:\n");
    for (int i = 0; i < 256; i++)
        for (int j = 0; j < 256; j++) {
            unsigned long n = dxp_counts[256 + i * 256 + j];
            if (n)
                fprintf(stderr, "%10lu %s -> %s\n", n, _PyOpcode_OpName[i],
                        _PyOpcode_OpName[j]);
        }
}

static void dxp_atexit(void) { _PyEval_DumpDxp(); }

static void dxp_enable(void)
{
    if (dxp_counts) return;
    dxp_counts = calloc(256 + 256 * 256, sizeof(unsigned long));
    if (dxp_counts && !dxp_registered) {
        dxp_registered = 1;
        atexit(dxp_atexit);
    }
}

/* ---- recursion limit ---- */

int Py_GetRecursionLimit(void) { return _PyInterpreterState_GET()->recursion_limit; }
void Py_SetRecursionLimit(int limit) { _PyInterpreterState_GET()->recursion_limit = limit; }

/* ---- C stack guard ----
 * The recursion limit counts Python frames and C-level re-entries alike, but a user may
 * set it (e.g. to 100000) far beyond what the C stack holds when the recursion goes
 * through C (__repr__, __eq__, callbacks).  So each C-level entry also checks the stack
 * pointer against the thread's real stack (pthread_getattr_np), keeping a margin for
 * the code that reports the error: below it, RecursionError instead of a segfault. */
static _Thread_local uintptr_t c_stack_lo, c_stack_guard;   /* 0: not yet known */

/* cold and out of line: inlined, its pthread calls made every caller save registers */
__attribute__((noinline, cold)) static void init_c_stack_guard(void)
{
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    c_stack_lo = c_stack_guard = 1;   /* unknown: never report exhaustion */
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return;
    int r = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (r != 0 || size < (size_t)1 << 20) return;
    size_t margin = size / 8;
    if (margin < (size_t)256 << 10) margin = (size_t)256 << 10;
    if (margin > (size_t)2 << 20) margin = (size_t)2 << 20;
    c_stack_lo = (uintptr_t)addr;
    c_stack_guard = (uintptr_t)addr + margin;
}

static inline int c_stack_exhausted(void)
{
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    if (Py_UNLIKELY(c_stack_guard == 0)) init_c_stack_guard();
    return sp < c_stack_guard && sp >= c_stack_lo;
}

/* Raise RecursionError, instantiated at once while calls are still allowed (headroom):
 * normalising it later, at the limit, would itself fail the recursion check. */
static void raise_recursion_error(PyThreadState *tstate, const char *where)
{
    tstate->recursion_headroom++;
    PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
    _PyErr_SetRaisedException(tstate, _PyErr_GetRaisedException(tstate));
    tstate->recursion_headroom--;
}

int _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where)
{
    int limit = tstate->interp->recursion_limit;
    if (limit <= 0) limit = 1000;
    if (tstate->recursion_headroom) {
        if (tstate->recursion_depth > limit + 50)
            Py_FatalError("Cannot recover from stack overflow.");
        return 0;
    }
    if (tstate->recursion_depth > limit) {
        raise_recursion_error(tstate, where);
        tstate->recursion_depth--;
        return -1;
    }
    return 0;
}

/* Py_EnterRecursiveCall with the thread state at hand (the eval loop's direct C calls). */
static inline int enter_recursive_call(PyThreadState *tstate, const char *where)
{
    int limit = tstate->interp->recursion_limit;
    if (Py_UNLIKELY(++tstate->recursion_depth > (limit > 0 ? limit : 1000)))
        return _Py_CheckRecursiveCall(tstate, where);
    if (Py_UNLIKELY(c_stack_exhausted()) && !tstate->recursion_headroom) {
        raise_recursion_error(tstate, where);
        tstate->recursion_depth--;
        return -1;
    }
    return 0;
}

int Py_EnterRecursiveCall(const char *where)
{
    return enter_recursive_call(_PyThreadState_GET(), where);
}

void Py_LeaveRecursiveCall(void)
{
    _PyThreadState_GET()->recursion_depth--;
}

/* ---- introspection ---- */

PyFrameObject *PyEval_GetFrame(void)
{
    return _PyThreadState_GET()->frame;
}

PyObject *PyEval_GetBuiltins(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->frame) return tstate->frame->f_builtins;
    return tstate->interp->builtins;
}

PyObject *PyEval_GetGlobals(void)
{
    PyFrameObject *f = _PyThreadState_GET()->frame;
    return f ? f->f_globals : NULL;
}

PyObject *PyEval_GetLocals(void)
{
    PyFrameObject *f = _PyThreadState_GET()->frame;
    if (f == NULL) {
        PyErr_SetString(PyExc_SystemError, "frame does not exist");
        return NULL;
    }
    if (PyFrame_FastToLocalsWithError(f) < 0) return NULL;
    return f->f_locals;
}

PyObject *_PyEval_GetBuiltin(PyObject *name)
{
    PyObject *attr = PyDict_GetItemWithError(PyEval_GetBuiltins(), name);
    if (attr) return Py_NewRef(attr);
    if (!PyErr_Occurred()) PyErr_SetObject(PyExc_AttributeError, name);
    return NULL;
}

PyObject *_PyEval_GetBuiltinId(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    if (!n) return NULL;
    PyObject *r = _PyEval_GetBuiltin(n);
    Py_DECREF(n);
    return r;
}

const char *PyEval_GetFuncName(PyObject *func)
{
    if (PyMethod_Check(func)) return PyEval_GetFuncName(PyMethod_GET_FUNCTION(func));
    if (PyFunction_Check(func))
        return PyUnicode_AsUTF8(((PyFunctionObject *)func)->func_name);
    if (PyCFunction_Check(func))
        return ((PyCFunctionObject *)func)->m_ml->ml_name;
    return Py_TYPE(func)->tp_name;
}

const char *PyEval_GetFuncDesc(PyObject *func)
{
    if (PyMethod_Check(func) || PyFunction_Check(func) || PyCFunction_Check(func))
        return "()";
    return " object";
}

int PyEval_MergeCompilerFlags(void *cfp)
{
    PyCompilerFlags *cf = cfp;
    PyFrameObject *f = PyEval_GetFrame();
    int result = cf->cf_flags != 0;
    if (f != NULL) {
        int codeflags = f->f_code->co_flags;
        int compilerflags = codeflags & PyCF_MASK;
        if (compilerflags) {
            result = 1;
            cf->cf_flags |= compilerflags;
        }
    }
    return result;
}

/* ---- the handled exception (sys.exc_info) ---- */

static PyObject *get_handled(PyThreadState *tstate)
{
    PyObject *v = tstate->exc_info->exc_value;
    return v ? v : Py_None;
}

/* Make exc (stolen; NULL/None = nothing) the exception being handled. */
static void set_handled(PyThreadState *tstate, PyObject *exc)
{
    _PyErr_StackItem *ei = tstate->exc_info;
    if (exc == Py_None) { Py_DECREF(exc); exc = NULL; }
    PyObject *ot = ei->exc_type, *ov = ei->exc_value, *otb = ei->exc_traceback;
    ei->exc_value = exc;
    ei->exc_type = exc ? Py_NewRef(Py_TYPE(exc)) : NULL;
    ei->exc_traceback = exc ? PyException_GetTraceback(exc) : NULL;
    Py_XDECREF(ot); Py_XDECREF(ov); Py_XDECREF(otb);
}

/* ---- argument binding (CPython's messages) ---- */

static void format_missing(PyThreadState *tstate, const char *kind, PyCodeObject *co,
                           PyObject *names, PyObject *qualname)
{
    Py_ssize_t len = PyList_GET_SIZE(names);
    PyObject *name_str = NULL, *comma = NULL, *tail = NULL, *tmp;
    switch (len) {
    case 1:
        name_str = Py_NewRef(PyList_GET_ITEM(names, 0));
        break;
    case 2:
        name_str = PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(names, len - 2),
                                        PyList_GET_ITEM(names, len - 1));
        break;
    default:
        tail = PyUnicode_FromFormat(", %U, and %U", PyList_GET_ITEM(names, len - 2),
                                    PyList_GET_ITEM(names, len - 1));
        if (tail == NULL) return;
        if (PyList_SetSlice(names, len - 2, len, NULL) == -1) { Py_DECREF(tail); return; }
        comma = PyUnicode_FromString(", ");
        if (comma == NULL) { Py_DECREF(tail); return; }
        tmp = PyUnicode_Join(comma, names);
        Py_DECREF(comma);
        if (tmp == NULL) { Py_DECREF(tail); return; }
        name_str = PyUnicode_Concat(tmp, tail);
        Py_DECREF(tmp);
        Py_DECREF(tail);
        break;
    }
    if (name_str == NULL) return;
    PyErr_Format(PyExc_TypeError, "%U() missing %i required %s argument%s: %U",
                 qualname, (int)len, kind, len == 1 ? "" : "s", name_str);
    Py_DECREF(name_str);
}

static void missing_arguments(PyThreadState *tstate, PyCodeObject *co, Py_ssize_t missing,
                              Py_ssize_t defcount, PyObject **localsplus, PyObject *qualname)
{
    Py_ssize_t i, j = 0, start, end;
    int positional = defcount != -1;
    const char *kind = positional ? "positional" : "keyword-only";
    PyObject *missing_names = PyList_New(missing);
    if (missing_names == NULL) return;
    if (positional) {
        start = 0;
        end = co->co_argcount - defcount;
    } else {
        start = co->co_argcount;
        end = start + co->co_kwonlyargcount;
    }
    for (i = start; i < end; i++) {
        if (localsplus[i] == NULL) {
            PyObject *raw = PyTuple_GET_ITEM(co->co_varnames, i);
            PyObject *name = PyObject_Repr(raw);
            if (name == NULL) { Py_DECREF(missing_names); return; }
            PyList_SET_ITEM(missing_names, j++, name);
        }
    }
    format_missing(tstate, kind, co, missing_names, qualname);
    Py_DECREF(missing_names);
}

static void too_many_positional(PyThreadState *tstate, PyCodeObject *co, Py_ssize_t given,
                                PyObject *defaults, PyObject **localsplus, PyObject *qualname)
{
    int plural;
    Py_ssize_t kwonly_given = 0, i;
    PyObject *sig, *kwonly_sig;
    Py_ssize_t co_argcount = co->co_argcount;
    for (i = co_argcount; i < co_argcount + co->co_kwonlyargcount; i++)
        if (localsplus[i] != NULL) kwonly_given++;
    Py_ssize_t defcount = defaults == NULL ? 0 : PyTuple_GET_SIZE(defaults);
    if (defcount) {
        plural = 1;
        sig = PyUnicode_FromFormat("from %zd to %zd", co_argcount - defcount, co_argcount);
    } else {
        plural = co_argcount != 1;
        sig = PyUnicode_FromFormat("%zd", co_argcount);
    }
    if (sig == NULL) return;
    if (kwonly_given)
        kwonly_sig = PyUnicode_FromFormat(" positional argument%s (and %zd keyword-only argument%s)",
                                          given != 1 ? "s" : "", kwonly_given,
                                          kwonly_given != 1 ? "s" : "");
    else
        kwonly_sig = PyUnicode_FromString("");
    if (kwonly_sig == NULL) { Py_DECREF(sig); return; }
    PyErr_Format(PyExc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                 qualname, sig, plural ? "s" : "", given, kwonly_sig,
                 given == 1 && !kwonly_given ? "was" : "were");
    Py_DECREF(sig);
    Py_DECREF(kwonly_sig);
}

static int positional_only_passed_as_keyword(PyThreadState *tstate, PyCodeObject *co,
                                             Py_ssize_t kwcount, PyObject *kwnames,
                                             PyObject *qualname)
{
    PyObject *posonly_names = PyList_New(0);
    if (posonly_names == NULL) return 1;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        PyObject *posonly_name = PyTuple_GET_ITEM(co->co_varnames, k);
        for (Py_ssize_t k2 = 0; k2 < kwcount; k2++) {
            PyObject *kwname = PyTuple_GET_ITEM(kwnames, k2);
            if (kwname == posonly_name ||
                (PyUnicode_Check(kwname) && PyUnicode_Compare(kwname, posonly_name) == 0)) {
                if (PyList_Append(posonly_names, kwname) != 0) goto fail;
            }
        }
    }
    if (PyList_GET_SIZE(posonly_names) != 0) {
        PyObject *comma = PyUnicode_FromString(", ");
        if (comma == NULL) goto fail;
        PyObject *error_names = PyUnicode_Join(comma, posonly_names);
        Py_DECREF(comma);
        if (error_names == NULL) goto fail;
        PyErr_Format(PyExc_TypeError,
                     "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                     qualname, error_names);
        Py_DECREF(error_names);
        goto fail;
    }
    Py_DECREF(posonly_names);
    return 0;
fail:
    Py_XDECREF(posonly_names);
    return 1;
}

/* Bind args (argcount positional, then one value per name in kwnames) to the frame's
 * parameters, applying defaults; then create cells and copy the closure. */
static int initialize_locals(PyThreadState *tstate, PyFunctionObject *func,
                             PyFrameObject *frame, PyObject *const *args,
                             Py_ssize_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    PyObject **localsplus = frame->f_localsplus;
    const Py_ssize_t total_args = co->co_argcount + co->co_kwonlyargcount;
    PyObject *kwdict = NULL;
    Py_ssize_t i, j, n;

    if (co->co_flags & CO_VARKEYWORDS) {
        kwdict = PyDict_New();
        if (kwdict == NULL) return -1;
        i = total_args + ((co->co_flags & CO_VARARGS) ? 1 : 0);
        localsplus[i] = kwdict;
    }
    n = argcount > co->co_argcount ? co->co_argcount : argcount;
    for (j = 0; j < n; j++) localsplus[j] = Py_NewRef(args[j]);
    if (co->co_flags & CO_VARARGS) {
        PyObject *u = _PyTuple_FromArray(args + n, argcount - n);
        if (u == NULL) return -1;
        localsplus[total_args] = u;
    }
    if (kwnames != NULL) {
        Py_ssize_t kwcount = PyTuple_GET_SIZE(kwnames);
        for (i = 0; i < kwcount; i++) {
            PyObject *keyword = PyTuple_GET_ITEM(kwnames, i);
            PyObject *value = args[argcount + i];
            if (keyword == NULL || !PyUnicode_Check(keyword)) {
                PyErr_Format(PyExc_TypeError, "%U() keywords must be strings",
                             func->func_qualname);
                return -1;
            }
            PyObject **co_varnames = &PyTuple_GET_ITEM(co->co_varnames, 0);
            for (j = co->co_posonlyargcount; j < total_args; j++)
                if (co_varnames[j] == keyword) goto kw_found;
            for (j = co->co_posonlyargcount; j < total_args; j++) {
                int cmp = PyObject_RichCompareBool(keyword, co_varnames[j], Py_EQ);
                if (cmp > 0) goto kw_found;
                if (cmp < 0) return -1;
            }
            if (kwdict == NULL) {
                if (co->co_posonlyargcount &&
                    positional_only_passed_as_keyword(tstate, co, kwcount, kwnames,
                                                      func->func_qualname))
                    return -1;
                PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%S'",
                             func->func_qualname, keyword);
                return -1;
            }
            if (PyDict_SetItem(kwdict, keyword, value) == -1) return -1;
            continue;
        kw_found:
            if (localsplus[j] != NULL) {
                PyErr_Format(PyExc_TypeError, "%U() got multiple values for argument '%S'",
                             func->func_qualname, keyword);
                return -1;
            }
            localsplus[j] = Py_NewRef(value);
        }
    }
    if (argcount > co->co_argcount && !(co->co_flags & CO_VARARGS)) {
        too_many_positional(tstate, co, argcount, func->func_defaults, localsplus,
                            func->func_qualname);
        return -1;
    }
    if (argcount < co->co_argcount) {
        Py_ssize_t defcount = func->func_defaults ? PyTuple_GET_SIZE(func->func_defaults) : 0;
        Py_ssize_t m = co->co_argcount - defcount, missing = 0;
        for (i = argcount; i < m; i++)
            if (localsplus[i] == NULL) missing++;
        if (missing) {
            missing_arguments(tstate, co, missing, defcount, localsplus, func->func_qualname);
            return -1;
        }
        i = n > m ? n - m : 0;
        for (; i < defcount; i++) {
            if (localsplus[m + i] == NULL)
                localsplus[m + i] = Py_NewRef(PyTuple_GET_ITEM(func->func_defaults, i));
        }
    }
    if (co->co_kwonlyargcount > 0) {
        Py_ssize_t missing = 0;
        for (i = co->co_argcount; i < total_args; i++) {
            if (localsplus[i] != NULL) continue;
            PyObject *varname = PyTuple_GET_ITEM(co->co_varnames, i);
            if (func->func_kwdefaults != NULL) {
                PyObject *def = PyDict_GetItemWithError(func->func_kwdefaults, varname);
                if (def) { localsplus[i] = Py_NewRef(def); continue; }
                if (PyErr_Occurred()) return -1;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(tstate, co, missing, -1, localsplus, func->func_qualname);
            return -1;
        }
    }
    /* Cells (an argument that is a cell starts with the argument's value), then frees. */
    for (i = 0; i < co->co_ncellvars; i++) {
        PyObject *c;
        Py_ssize_t arg;
        if (co->co_cell2arg && (arg = co->co_cell2arg[i]) != CO_CELL_NOT_AN_ARG) {
            c = PyCell_New(localsplus[arg]);
            Py_CLEAR(localsplus[arg]);
        } else {
            c = PyCell_New(NULL);
        }
        if (c == NULL) return -1;
        localsplus[co->co_nlocals + i] = c;
    }
    for (i = 0; i < co->co_nfreevars; i++) {
        PyObject *o = PyTuple_GET_ITEM(func->func_closure, i);
        localsplus[co->co_nlocals + co->co_ncellvars + i] = Py_NewRef(o);
    }
    return 0;
}

/* A new frame for func with its arguments bound, or NULL with an exception.  The frame is
 * not GC-tracked: a frame runs untracked, as 3.11's interpreter frames (its references
 * count as external ones for the collector, which is right while it runs), and is tracked
 * by release_frame only if something still holds it when it ends (a traceback,
 * sys._getframe, a callee's f_back), or by the generator that owns it. */
static PyFrameObject *make_function_frame(PyThreadState *tstate, PyFunctionObject *func,
                                          PyObject *locals, PyObject *const *args,
                                          Py_ssize_t argcount, PyObject *kwnames)
{
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    /* a function made from module-level code (LOAD_NAME) runs with its globals as locals */
    if (locals == NULL && !(co->co_flags & CO_OPTIMIZED)) locals = func->func_globals;
    PyFrameObject *f = _PyFrame_New_NoTrack(tstate, co, func->func_globals,
                                            func->func_builtins, locals);
    if (f == NULL) return NULL;
    if (initialize_locals(tstate, func, f, args, argcount, kwnames) < 0) {
        Py_DECREF(f);
        return NULL;
    }
    return f;
}

/* Drop the runner's reference to a frame that ran untracked: one that outlives its run
 * can be part of a cycle (a local holding a traceback that holds the frame), so the
 * collector must see it from now on. */
static inline void release_frame(PyFrameObject *f)
{
    if (Py_UNLIKELY(Py_REFCNT(f) > 1)) {
        if (!_PyObject_GC_IS_TRACKED(f)) PyObject_GC_Track(f);
        Py_DECREF(f);
        return;
    }
    /* The last reference, as on nearly every return: frame_dealloc's work inline, without
     * its calls, and without storing NULL into slots of a frame nobody can see again (its
     * refcount is 0 and it is not tracked, so no finalizer run from here can reach it). */
    Py_SET_REFCNT(f, 0);
    if (Py_UNLIKELY(_PyObject_GC_IS_TRACKED(f))) PyObject_GC_UnTrack(f);
    PyCodeObject *co = f->f_code;
    PyObject **p = f->f_localsplus;
    for (Py_ssize_t i = 0, n = co->co_nlocalsplus; i < n; i++) Py_XDECREF(p[i]);
    for (int i = 0; i < f->f_stackdepth; i++) Py_XDECREF(f->f_valuestack[i]);
    Py_XDECREF(f->f_init_self);
    Py_XDECREF(f->f_back);
    Py_XDECREF(f->f_locals);
    Py_XDECREF(f->f_trace);
    Py_DECREF(f->f_builtins);
    Py_DECREF(f->f_globals);
    Py_DECREF(co);
    _PyFrame_Free(f);
}

/* The frame for func(*callargs, **kwargs) (callargs a tuple, kwargs a dict or NULL),
 * NULL with an exception, or Py_None (no reference) when the keywords are not all
 * strings: the caller then takes the generic path, which reports that error. */
static PyFrameObject *make_frame_ex(PyThreadState *tstate, PyFunctionObject *func,
                                    PyObject *callargs, PyObject *kwargs)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(callargs);
    Py_ssize_t nkw = kwargs ? PyDict_GET_SIZE(kwargs) : 0;
    if (nkw == 0)
        return make_function_frame(tstate, func, NULL, &PyTuple_GET_ITEM(callargs, 0),
                                   nargs, NULL);
    PyObject **stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(nargs + nkw));
    if (stack == NULL) { PyErr_NoMemory(); return NULL; }
    PyObject *kwnames = PyTuple_New(nkw);
    if (kwnames == NULL) { PyMem_Free(stack); return NULL; }
    for (Py_ssize_t i = 0; i < nargs; i++) stack[i] = PyTuple_GET_ITEM(callargs, i);
    Py_ssize_t pos = 0, i = 0;
    PyObject *key, *value;
    PyFrameObject *nf = (PyFrameObject *)Py_None;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) goto done;
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        stack[nargs + i++] = value;
    }
    nf = make_function_frame(tstate, func, NULL, stack, nargs, kwnames);
done:
    Py_DECREF(kwnames);
    PyMem_Free(stack);
    return nf;
}

PyObject *_PyEval_Vector(PyThreadState *tstate, PyObject *funcobj, PyObject *locals,
                         PyObject *const *args, size_t argcount, PyObject *kwnames)
{
    PyFunctionObject *func = (PyFunctionObject *)funcobj;
    PyCodeObject *co = (PyCodeObject *)func->func_code;
    PyFrameObject *f = make_function_frame(tstate, func, locals, args, (Py_ssize_t)argcount,
                                           kwnames);
    if (f == NULL) return NULL;
    if (co->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        PyObject_GC_Track(f);   /* owned by the generator from now on */
        return _Py_MakeCoro(f, func->func_name, func->func_qualname);
    }
    PyObject *retval = _PyEval_EvalFrame(tstate, f, 0);
    release_frame(f);
    return retval;
}

/* The builtins of code run with these globals (borrowed): globals['__builtins__'] (a module's
 * dict; any other object is kept as is, as 3.11 does, so that a non-mapping raises TypeError
 * at the first LOAD_GLOBAL), else the running frame's builtins.  NULL with an error set. */
PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals)
{
    PyObject *builtins = PyDict_GetItemWithError(globals, _Py_ID(__builtins__));
    if (builtins) {
        if (PyModule_Check(builtins)) builtins = PyModule_GetDict(builtins);
        return builtins;
    }
    if (PyErr_Occurred()) return NULL;
    return tstate->frame ? tstate->frame->f_builtins : tstate->interp->builtins;
}

PyObject *PyEval_EvalCode(PyObject *co, PyObject *globals, PyObject *locals)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (locals == NULL) locals = globals;
    if (globals == NULL || !PyDict_Check(globals) || !PyCode_Check(co)) {
        PyErr_SetString(PyExc_SystemError, "PyEval_EvalCode: bad arguments");
        return NULL;
    }
    PyObject *builtins = _PyEval_BuiltinsFromGlobals(tstate, globals);
    if (builtins == NULL) return NULL;
    PyFrameObject *f = _PyFrame_New_NoTrack(tstate, (PyCodeObject *)co, globals, builtins,
                                            locals);
    if (f == NULL) return NULL;
    /* top-level await (compile()'s PyCF_ALLOW_TOP_LEVEL_AWAIT) makes coroutine code:
     * running it creates the coroutine, as 3.11's PyEval_EvalCode does through a function */
    if (((PyCodeObject *)co)->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) {
        PyObject_GC_Track(f);
        return _Py_MakeCoro(f, NULL, ((PyCodeObject *)co)->co_qualname);
    }
    PyObject *r = _PyEval_EvalFrame(tstate, f, 0);   /* untracked while it runs */
    release_frame(f);
    return r;
}

PyObject *PyEval_EvalCodeEx(PyObject *_co, PyObject *globals, PyObject *locals,
                            PyObject *const *args, int argcount, PyObject *const *kws,
                            int kwcount, PyObject *const *defs, int defcount,
                            PyObject *kwdefs, PyObject *closure)
{
    PyObject *res = NULL, *kwnames = NULL, *defaults = NULL;
    PyObject **newargs = NULL;
    PyFunctionObject *func = (PyFunctionObject *)PyFunction_New(_co, globals);
    if (func == NULL) return NULL;
    if (defcount) {
        defaults = _PyTuple_FromArray(defs, defcount);
        if (defaults == NULL) goto done;
        func->func_defaults = defaults;
    }
    if (kwdefs) func->func_kwdefaults = Py_NewRef(kwdefs);
    if (closure) func->func_closure = Py_NewRef(closure);
    newargs = PyMem_Malloc(sizeof(PyObject *) * (size_t)(argcount + kwcount + 1));
    if (newargs == NULL) { PyErr_NoMemory(); goto done; }
    for (int i = 0; i < argcount; i++) newargs[i] = args[i];
    if (kwcount) {
        kwnames = PyTuple_New(kwcount);
        if (kwnames == NULL) goto done;
        for (int i = 0; i < kwcount; i++) {
            PyTuple_SET_ITEM(kwnames, i, Py_NewRef(kws[2 * i]));
            newargs[argcount + i] = kws[2 * i + 1];
        }
    }
    res = _PyEval_Vector(_PyThreadState_GET(), (PyObject *)func, locals, newargs,
                         (size_t)argcount, kwnames);
done:
    PyMem_Free(newargs);
    Py_XDECREF(kwnames);
    Py_DECREF(func);
    return res;
}

PyObject *PyEval_EvalFrame(PyFrameObject *f)
{
    return _PyEval_EvalFrame(_PyThreadState_GET(), f, 0);
}

PyObject *PyEval_EvalFrameEx(PyFrameObject *f, int throwflag)
{
    return _PyEval_EvalFrame(_PyThreadState_GET(), f, throwflag);
}

/* ---- helpers for individual instructions ---- */

static void format_exc_check_arg(PyThreadState *tstate, PyObject *exc, const char *fmt,
                                 PyObject *name)
{
    const char *s = PyUnicode_AsUTF8(name);
    if (s == NULL) return;
    PyErr_Format(exc, fmt, s);
    if (PyErr_GivenExceptionMatches(exc, PyExc_NameError)) {
        /* Attach .name so tracebacks can suggest "Did you mean ...?" */
        PyObject *value = _PyErr_GetRaisedException(tstate);
        if (value && PyObject_SetAttrString(value, "name", name) < 0) PyErr_Clear();
        _PyErr_SetRaisedException(tstate, value);
    }
}

#define NAME_ERROR_MSG "name '%.200s' is not defined"
#define UNBOUNDLOCAL_ERROR_MSG \
    "cannot access local variable '%s' where it is not associated with a value"
#define UNBOUNDFREE_ERROR_MSG \
    "cannot access free variable '%s' where it is not associated with a value in enclosing scope"

static void format_exc_unbound(PyThreadState *tstate, PyCodeObject *co, int oparg)
{
    if (PyErr_Occurred()) return;
    if (oparg < co->co_ncellvars) {
        format_exc_check_arg(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                             PyTuple_GET_ITEM(co->co_cellvars, oparg));
    } else {
        format_exc_check_arg(tstate, PyExc_NameError, UNBOUNDFREE_ERROR_MSG,
                             PyTuple_GET_ITEM(co->co_freevars, oparg - co->co_ncellvars));
    }
}

/* Name of localsplus slot nlocals + i (cells then frees). */
static PyObject *deref_name(PyCodeObject *co, int i)
{
    if (i < co->co_ncellvars) return PyTuple_GET_ITEM(co->co_cellvars, i);
    return PyTuple_GET_ITEM(co->co_freevars, i - co->co_ncellvars);
}

static PyObject *load_name(PyThreadState *tstate, PyFrameObject *f, PyObject *name)
{
    PyObject *locals = f->f_locals, *v;
    if (locals == NULL) {
        PyErr_Format(PyExc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    if (PyDict_CheckExact(locals)) {
        v = PyDict_GetItemWithError(locals, name);
        if (v) return Py_NewRef(v);
        if (PyErr_Occurred()) return NULL;
    } else {
        v = PyObject_GetItem(locals, name);
        if (v) return v;
        if (!PyErr_ExceptionMatches(PyExc_KeyError)) return NULL;
        PyErr_Clear();
    }
    v = PyDict_GetItemWithError(f->f_globals, name);
    if (v) return Py_NewRef(v);
    if (PyErr_Occurred()) return NULL;
    if (PyDict_CheckExact(f->f_builtins)) {
        v = PyDict_GetItemWithError(f->f_builtins, name);
        if (v) return Py_NewRef(v);
        if (!PyErr_Occurred())
            format_exc_check_arg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
        return NULL;
    }
    v = PyObject_GetItem(f->f_builtins, name);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        format_exc_check_arg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
    }
    return v;
}

static PyObject *load_global(PyThreadState *tstate, PyFrameObject *f, PyObject *name)
{
    PyObject *v;
    if (PyDict_CheckExact(f->f_globals)) {
        v = PyDict_GetItemWithError(f->f_globals, name);
        if (v) return Py_NewRef(v);
        if (PyErr_Occurred()) return NULL;
    } else {
        /* a dict subclass: its __getitem__/__missing__ answer, as 3.11's LOAD_GLOBAL */
        v = PyObject_GetItem(f->f_globals, name);
        if (v) return v;
        if (!PyErr_ExceptionMatches(PyExc_KeyError)) return NULL;
        PyErr_Clear();
    }
    if (PyDict_CheckExact(f->f_builtins)) {
        v = PyDict_GetItemWithError(f->f_builtins, name);
        if (v) return Py_NewRef(v);
        if (!PyErr_Occurred())
            format_exc_check_arg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
        return NULL;
    }
    v = PyObject_GetItem(f->f_builtins, name);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyErr_Clear();
        format_exc_check_arg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
    }
    return v;
}

/* ---- per-code caches (co_cache), one entry per name in co_names ----
 * LOAD_GLOBAL: the value found for the name, valid while the globals and builtins dicts
 * are the same objects with the same ma_version_tag (every mutation of a dict gives it a
 * new, globally unique tag), so a hit costs two compares and no hashing.  The value is
 * borrowed: one of the two unchanged dicts holds it. */
typedef struct {
    PyObject *globals, *builtins;  /* identity of the dicts (borrowed) */
    uint64_t gver, bver;
    PyObject *value;               /* borrowed */
} global_cache;

/* LOAD_ATTR / LOAD_METHOD / STORE_ATTR: what the generic attribute protocol found for
 * this name on a type, valid while the type's tp_version_tag is unchanged (any change to
 * the type or its bases' dicts or MRO gives it a new tag). */
/* ATTR_NONE: nothing to do inline for this type version (a property, a bound method...):
 * the generic path runs without re-filling the cache each time.  ATTR_CLASS: LOAD_ATTR of
 * a plain class attribute (no __get__), when the instance does not shadow it. */
enum { ATTR_NONE = 0, ATTR_INSTANCE_DICT, ATTR_SLOT, ATTR_METHOD, ATTR_CLASS };
typedef struct {
    unsigned int tp_version;   /* 0: empty */
    int kind;
    Py_ssize_t offset;         /* tp_dictoffset (> 0) or the slot's offset */
    PyObject *descr;           /* ATTR_METHOD: the method descriptor; ATTR_CLASS: the class
                                * attribute (both borrowed from the type's MRO) */
    Py_ssize_t hint;           /* ATTR_INSTANCE_DICT: entry index of the name last time;
                                * ATTR_METHOD/ATTR_CLASS: entry count of `keys` when the
                                * name was not among them */
    PyDictKeysObject *keys;    /* ATTR_METHOD/ATTR_CLASS: the type's shared keys (borrowed)
                                * or NULL */
} attr_cache;

/* co_cache: n global_cache entries, then two attr_cache ("ways") per name for loads, then
 * two per name for stores.  Two ways, so that code running on instances of a class and of
 * its subclass (a base's method, super().__init__) hits for both types instead of
 * re-filling one entry back and forth. */
static global_cache *code_cache(PyCodeObject *co)
{
    if (co->co_cache == NULL) {
        size_t n = (size_t)PyTuple_GET_SIZE(co->co_names);
        co->co_cache = PyMem_Calloc(1, n * (sizeof(global_cache) + 4 * sizeof(attr_cache)) + 1);
    }
    return co->co_cache;
}

static inline attr_cache *load_attr_cache(PyCodeObject *co, int i)
{
    Py_ssize_t n = PyTuple_GET_SIZE(co->co_names);
    return (attr_cache *)((global_cache *)co->co_cache + n) + 2 * i;
}

static inline attr_cache *store_attr_cache(PyCodeObject *co, int i)
{
    Py_ssize_t n = PyTuple_GET_SIZE(co->co_names);
    return (attr_cache *)((global_cache *)co->co_cache + n) + 2 * n + 2 * i;
}

/* The way of a pair filled for tp's current version, or else the second way (whose
 * version the caller still checks). */
static inline attr_cache *attr_cache_way(attr_cache *pair, PyTypeObject *tp)
{
    return pair->tp_version == tp->tp_version_tag ? pair : pair + 1;
}

/* Whether the pair was already filled for this version of the type (a miss then has
 * nothing new to learn). */
static inline int attr_cache_current(attr_cache *pair, PyTypeObject *tp)
{
    attr_cache *c = attr_cache_way(pair, tp);
    return c->tp_version == tp->tp_version_tag && c->tp_version != 0;
}

/* Record how owner.name resolves, after a successful generic lookup or store: into the
 * way already holding the type, else into the first, the previous first moving to the
 * second. */
static void attr_cache_fill(PyCodeObject *co, int oparg, PyObject *owner, int what)
{
    PyTypeObject *tp = Py_TYPE(owner);
    PyObject *name = PyTuple_GET_ITEM(co->co_names, oparg);
    if (!PyUnicode_CheckExact(name) || code_cache(co) == NULL) return;
    attr_cache *c = what == STORE_ATTR ? store_attr_cache(co, oparg) : load_attr_cache(co, oparg);
    if (tp->tp_version_tag == 0 || c[1].tp_version != tp->tp_version_tag) {
        if (c->tp_version != tp->tp_version_tag || tp->tp_version_tag == 0)
            c[1] = c[0];
    } else {
        c++;
    }
    c->tp_version = 0;
    c->hint = -1;
    if (what == STORE_ATTR ? tp->tp_setattro != PyObject_GenericSetAttr
                           : tp->tp_getattro != PyObject_GenericGetAttr)
        return;
    PyObject *descr = _PyType_Lookup(tp, name);   /* also assigns the version tag */
    if (!(tp->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) || tp->tp_version_tag == 0) return;
    if (descr == NULL) {
        c->kind = tp->tp_dictoffset > 0 ? ATTR_INSTANCE_DICT : ATTR_NONE;
        c->offset = tp->tp_dictoffset;
    } else if (Py_IS_TYPE(descr, &PyMemberDescr_Type) &&
               ((PyMemberDescrObject *)descr)->d_member->type == T_OBJECT_EX &&
               !(what == STORE_ATTR && (((PyMemberDescrObject *)descr)->d_member->flags & READONLY))) {
        c->kind = ATTR_SLOT;
        c->offset = ((PyMemberDescrObject *)descr)->d_member->offset;
    } else if (what == LOAD_METHOD && tp->tp_dictoffset >= 0 &&
               PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        c->kind = ATTR_METHOD;
        c->offset = tp->tp_dictoffset;
        c->descr = descr;
        c->hint = _PyType_SharedKeysLacking(tp, name, &c->keys);
    } else if (what == LOAD_ATTR && tp->tp_dictoffset >= 0 &&
               Py_TYPE(descr)->tp_descr_get == NULL) {
        c->kind = ATTR_CLASS;
        c->offset = tp->tp_dictoffset;
        c->descr = descr;
        c->hint = _PyType_SharedKeysLacking(tp, name, &c->keys);
    } else {
        c->kind = ATTR_NONE;
    }
    c->tp_version = tp->tp_version_tag;
}


static PyObject *load_global_cached(PyThreadState *tstate, PyFrameObject *f, int oparg)
{
    PyCodeObject *co = f->f_code;
    PyObject *name = PyTuple_GET_ITEM(co->co_names, oparg);
    PyDictObject *g = (PyDictObject *)f->f_globals, *b = (PyDictObject *)f->f_builtins;
    if (!PyDict_CheckExact(g) || !PyDict_CheckExact(b))
        return load_global(tstate, f, name);
    global_cache *c = code_cache(co);
    if (c == NULL)
        return load_global(tstate, f, name);
    c += oparg;
    if (c->globals == (PyObject *)g && c->gver == g->ma_version_tag &&
        c->builtins == (PyObject *)b && c->bver == b->ma_version_tag)
        return Py_NewRef(c->value);
    PyObject *v = load_global(tstate, f, name);
    if (v != NULL) {
        c->globals = (PyObject *)g;
        c->gver = g->ma_version_tag;
        c->builtins = (PyObject *)b;
        c->bver = b->ma_version_tag;
        c->value = v;
    }
    return v;
}

/* raise [exc [from cause]] */
static int do_raise(PyThreadState *tstate, PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (exc == NULL) {
        /* the topmost handled exception: a generator's own empty entry does not hide
         * the one its caller is handling (3.11) */
        _PyErr_StackItem *top = _PyErr_GetTopmostException(tstate);
        PyObject *handled = top && top->exc_value ? top->exc_value : Py_None;
        if (handled == Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        Py_INCREF(handled);
        PyObject *tb = PyException_GetTraceback(handled);
        _PyErr_Restore(tstate, Py_NewRef(Py_TYPE(handled)), handled, tb);
        return 1;
    }
    if (PyExceptionClass_Check(exc)) {
        type = exc;
        value = PyObject_CallNoArgs(exc);
        if (value == NULL) goto raise_error;
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of BaseException, "
                         "not %R", type, Py_TYPE(value));
            goto raise_error;
        }
    } else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        type = PyExceptionInstance_Class(exc);
        Py_INCREF(value);
    } else {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        goto raise_error;
    }
    if (cause) {
        PyObject *fixed_cause;
        if (PyExceptionClass_Check(cause)) {
            fixed_cause = PyObject_CallNoArgs(cause);
            if (fixed_cause == NULL) goto raise_error;
        } else if (PyExceptionInstance_Check(cause)) {
            fixed_cause = Py_NewRef(cause);
        } else if (cause == Py_None) {
            fixed_cause = NULL;
        } else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            goto raise_error;
        }
        PyException_SetCause(value, fixed_cause); /* steals; sets __suppress_context__ */
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
    return 0;
raise_error:
    Py_XDECREF(value);
    return 0;
}

static int unpack_iterable(PyThreadState *tstate, PyObject *v, int argcnt, int argcntafter,
                           PyObject **sp)
{
    int i = 0, j = 0;
    Py_ssize_t ll;
    PyObject *it, *w, *l;
    it = PyObject_GetIter(v);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(v)->tp_iter == NULL &&
            !PySequence_Check(v)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                         Py_TYPE(v)->tp_name);
        }
        return 0;
    }
    for (; i < argcnt; i++) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (!PyErr_Occurred()) {
                if (argcntafter == -1)
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected %d, got %d)",
                                 argcnt, i);
                else
                    PyErr_Format(PyExc_ValueError,
                                 "not enough values to unpack (expected at least %d, got %d)",
                                 argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        w = PyIter_Next(it);
        if (w == NULL) {
            if (PyErr_Occurred()) goto error;
            Py_DECREF(it);
            return 1;
        }
        Py_DECREF(w);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    l = PySequence_List(it);
    if (l == NULL) goto error;
    *--sp = l;
    i++;
    ll = PyList_GET_SIZE(l);
    if (ll < argcntafter) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %d, got %zd)",
                     argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    for (j = argcntafter; j > 0; j--, i++)
        *--sp = PyList_GET_ITEM(l, ll - j);
    Py_SET_SIZE(l, ll - argcntafter);
    Py_DECREF(it);
    return 1;
error:
    for (; i > 0; i--, sp++) Py_DECREF(*sp);
    Py_XDECREF(it);
    return 0;
}

PyObject *_PyEval_ImportName(PyThreadState *tstate, PyFrameObject *f, PyObject *name,
                             PyObject *fromlist, PyObject *level)
{
    PyObject *import_func = PyDict_Check(f->f_builtins)
        ? PyDict_GetItemWithError(f->f_builtins, _Py_ID(__import__))
        : PyDict_GetItemString(f->f_builtins, "__import__");
    if (import_func == NULL) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_ImportError, "__import__ not found");
        return NULL;
    }
    PyObject *locals = f->f_locals == NULL ? Py_None : f->f_locals;
    PyObject *stack[5] = { name, f->f_globals, locals, fromlist, level };
    Py_INCREF(import_func);
    PyObject *res = PyObject_Vectorcall(import_func, stack, 5, NULL);
    Py_DECREF(import_func);
    return res;
}

/* Is the module whose __spec__ is spec still executing (spec._initializing)?  Never fails. */
static int spec_is_initializing(PyObject *spec)
{
    PyObject *value = NULL;
    int r = 0;
    if (spec != NULL && _PyObject_LookupAttr(spec, _Py_ID(_initializing), &value) > 0)
        r = PyObject_IsTrue(value) > 0;
    Py_XDECREF(value);
    PyErr_Clear();
    return r;
}

/* IMPORT_FROM: v.name; failing that sys.modules[v.__name__ + '.' + name] (a submodule being
 * imported circularly, bpo-17636); failing that 3.11's ImportError naming the module (or
 * '<unknown module name>') and its file, or 'unknown location'. */
static PyObject *import_from(PyThreadState *tstate, PyObject *v, PyObject *name)
{
    PyObject *x;
    if (_PyObject_LookupAttr(v, name, &x) != 0)
        return x;
    PyObject *pkgname = PyObject_GetAttr(v, _Py_ID(__name__));
    if (pkgname != NULL && !PyUnicode_Check(pkgname))
        Py_CLEAR(pkgname);
    if (pkgname != NULL) {
        PyObject *fullname = PyUnicode_FromFormat("%U.%U", pkgname, name);
        if (fullname == NULL) {
            Py_DECREF(pkgname);
            return NULL;
        }
        x = PyImport_GetModule(fullname);
        Py_DECREF(fullname);
        if (x != NULL || PyErr_Occurred()) {
            Py_DECREF(pkgname);
            return x;
        }
    }
    PyErr_Clear();
    PyObject *pkgpath = PyModule_Check(v) ? PyModule_GetFilenameObject(v) : NULL;
    PyErr_Clear();
    PyObject *shown = pkgname ? Py_NewRef(pkgname) : PyUnicode_FromString("<unknown module name>");
    PyObject *errmsg = NULL;
    if (shown != NULL && pkgpath == NULL) {
        errmsg = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)",
                                      name, shown);
    } else if (shown != NULL) {
        PyObject *spec = PyObject_GetAttr(v, _Py_ID(__spec__));
        const char *fmt = spec_is_initializing(spec)
            ? "cannot import name %R from partially initialized module %R "
              "(most likely due to a circular import) (%S)"
            : "cannot import name %R from %R (%S)";
        Py_XDECREF(spec);
        errmsg = PyUnicode_FromFormat(fmt, name, shown, pkgpath);
    }
    if (errmsg != NULL)
        PyErr_SetImportError(errmsg, pkgname, pkgpath);
    Py_XDECREF(errmsg);
    Py_XDECREF(shown);
    Py_XDECREF(pkgname);
    Py_XDECREF(pkgpath);
    return NULL;
}


static int import_all_from(PyThreadState *tstate, PyObject *locals, PyObject *v)
{
    PyObject *all, *dict, *name, *value;
    int skip_leading_underscores = 0, pos, err;
    PyObject *all_str = PyUnicode_FromString("__all__");
    if (!all_str) return -1;
    int r = _PyObject_LookupAttr(v, all_str, &all);
    Py_DECREF(all_str);
    if (r < 0) return -1;
    if (all == NULL) {
        PyObject *dict_str = PyUnicode_FromString("__dict__");
        if (!dict_str) return -1;
        r = _PyObject_LookupAttr(v, dict_str, &dict);
        Py_DECREF(dict_str);
        if (r < 0) return -1;
        if (dict == NULL) {
            PyErr_SetString(PyExc_ImportError,
                            "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (all == NULL) return -1;
        skip_leading_underscores = 1;
    }
    for (pos = 0, err = 0;; pos++) {
        name = PySequence_GetItem(all, pos);
        if (name == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_IndexError)) err = -1;
            else PyErr_Clear();
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttrString(v, "__name__");
            if (modname == NULL) { Py_DECREF(name); err = -1; break; }
            if (!PyUnicode_Check(modname))
                PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s",
                             Py_TYPE(modname)->tp_name);
            else
                PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                             skip_leading_underscores ? "Key" : "Item", modname,
                             skip_leading_underscores ? "__dict__" : "__all__",
                             Py_TYPE(name)->tp_name);
            Py_DECREF(modname);
            Py_DECREF(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores && PyUnicode_GET_LENGTH(name) > 0 &&
            PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        value = PyObject_GetAttr(v, name);
        if (value == NULL) err = -1;
        else if (PyDict_CheckExact(locals)) err = PyDict_SetItem(locals, name, value);
        else err = PyObject_SetItem(locals, name, value);
        Py_DECREF(name);
        Py_XDECREF(value);
        if (err != 0) break;
    }
    Py_DECREF(all);
    return err;
}

#define CANNOT_CATCH_MSG "catching classes that do not inherit from BaseException is not allowed"

static int check_except_type_valid(PyThreadState *tstate, PyObject *right)
{
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++) {
            PyObject *exc = PyTuple_GET_ITEM(right, i);
            if (!PyExceptionClass_Check(exc)) {
                PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG);
                return -1;
            }
        }
    } else if (!PyExceptionClass_Check(right)) {
        PyErr_SetString(PyExc_TypeError, CANNOT_CATCH_MSG);
        return -1;
    }
    return 0;
}

/* except*'s type check: as except's, and ExceptionGroup itself may not be named. */
static int check_except_star_type_valid(PyThreadState *tstate, PyObject *right)
{
    if (check_except_type_valid(tstate, right) < 0) return -1;
    int is_eg = 0;
    if (PyTuple_Check(right)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(right); i++)
            if (PyObject_IsSubclass(PyTuple_GET_ITEM(right, i),
                                    PyExc_BaseExceptionGroup) == 1) is_eg = 1;
    } else if (PyObject_IsSubclass(right, PyExc_BaseExceptionGroup) == 1) {
        is_eg = 1;
    }
    if (is_eg) {
        PyErr_SetString(PyExc_TypeError, "catching ExceptionGroup with except* is not allowed. "
                        "Use except instead.");
        return -1;
    }
    return 0;
}

/* Split exc for `except* match_type`: new references to the matching part (None when
 * nothing matches; a naked matching exception is wrapped in a group) and the rest. */
static int exception_group_match(PyObject *exc, PyObject *match_type, PyObject **match,
                                 PyObject **rest)
{
    if (Py_IsNone(exc)) {
        *match = Py_NewRef(Py_None);
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (PyErr_GivenExceptionMatches(exc, match_type)) {
        if (_PyBaseExceptionGroup_Check(exc)) {
            *match = Py_NewRef(exc);
        } else {
            PyObject *excs = PyTuple_Pack(1, exc);
            if (excs == NULL) return -1;
            *match = _PyExc_CreateExceptionGroup("", excs);
            Py_DECREF(excs);
            if (*match == NULL) return -1;
        }
        *rest = Py_NewRef(Py_None);
        return 0;
    }
    if (_PyBaseExceptionGroup_Check(exc)) {
        PyObject *pair = PyObject_CallMethod(exc, "split", "(O)", match_type);
        if (pair == NULL) return -1;
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            Py_DECREF(pair);
            PyErr_SetString(PyExc_TypeError, "ExceptionGroup.split must return a 2-tuple");
            return -1;
        }
        *match = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
        *rest = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        Py_DECREF(pair);
        return 0;
    }
    *match = Py_NewRef(Py_None);
    *rest = Py_NewRef(Py_None);
    return 0;
}

static void format_kwargs_error(PyThreadState *tstate, PyObject *func, PyObject *kwargs)
{
    /* the function is named as 3.11 does (_PyObject_FunctionStr: module.qualname()) */
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyObject *funcstr = _PyObject_FunctionStr(func);
        if (funcstr == NULL) return;
        PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                     funcstr, Py_TYPE(kwargs)->tp_name);
        Py_DECREF(funcstr);
    } else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
        PyObject *exc = _PyErr_GetRaisedException(tstate);
        PyObject *args = exc ? PyObject_GetAttrString(exc, "args") : NULL;
        if (args && PyTuple_Check(args) && PyTuple_GET_SIZE(args) == 1) {
            PyObject *key = PyTuple_GET_ITEM(args, 0);
            PyObject *funcstr = _PyObject_FunctionStr(func);
            /* a repeated key of any type (3.11: the str check comes later, at the call) */
            if (funcstr == NULL) {
                /* the error from naming the function stands */
            } else {
                PyErr_Format(PyExc_TypeError,
                             "%U got multiple values for keyword argument '%S'", funcstr, key);
            }
            Py_XDECREF(funcstr);
            Py_XDECREF(exc);
        } else {
            _PyErr_SetRaisedException(tstate, exc);
        }
        Py_XDECREF(args);
    }
}

static void format_awaitable_error(PyThreadState *tstate, PyTypeObject *type, int oparg)
{
    if (type->tp_as_async == NULL || type->tp_as_async->am_await == NULL) {
        if (oparg == 1)
            PyErr_Format(PyExc_TypeError, "'async with' received an object from __aenter__ "
                         "that does not implement __await__: %.100s", type->tp_name);
        else if (oparg == 2)
            PyErr_Format(PyExc_TypeError, "'async with' received an object from __aexit__ "
                         "that does not implement __await__: %.100s", type->tp_name);
    }
}

static PyObject *trace_call_function(PyThreadState *tstate, PyObject *func,
                                     PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames, PyObject *kwdict);

static PyObject *do_call_ex(PyThreadState *tstate, PyObject *func, PyObject *callargs,
                            PyObject *kwdict)
{
    if (Py_UNLIKELY(tstate->use_tracing) && tstate->c_profilefunc != NULL &&
        (PyCFunction_Check(func) || Py_IS_TYPE(func, &PyMethodDescr_Type)))
        return trace_call_function(tstate, func, &PyTuple_GET_ITEM(callargs, 0),
                                   (size_t)PyTuple_GET_SIZE(callargs), NULL,
                                   kwdict && PyDict_GET_SIZE(kwdict) ? kwdict : NULL);
    return PyObject_Call(func, callargs, kwdict);
}

static PyObject *pow2(PyObject *a, PyObject *b) { return PyNumber_Power(a, b, Py_None); }
static PyObject *ipow2(PyObject *a, PyObject *b) { return PyNumber_InPlacePower(a, b, Py_None); }

static binaryfunc const binary_ops[26] = {
    [NB_ADD] = PyNumber_Add, [NB_AND] = PyNumber_And,
    [NB_FLOOR_DIVIDE] = PyNumber_FloorDivide, [NB_LSHIFT] = PyNumber_Lshift,
    [NB_MATRIX_MULTIPLY] = PyNumber_MatrixMultiply, [NB_MULTIPLY] = PyNumber_Multiply,
    [NB_REMAINDER] = PyNumber_Remainder, [NB_OR] = PyNumber_Or, [NB_POWER] = pow2,
    [NB_RSHIFT] = PyNumber_Rshift, [NB_SUBTRACT] = PyNumber_Subtract,
    [NB_TRUE_DIVIDE] = PyNumber_TrueDivide, [NB_XOR] = PyNumber_Xor,
    [NB_INPLACE_ADD] = PyNumber_InPlaceAdd, [NB_INPLACE_AND] = PyNumber_InPlaceAnd,
    [NB_INPLACE_FLOOR_DIVIDE] = PyNumber_InPlaceFloorDivide,
    [NB_INPLACE_LSHIFT] = PyNumber_InPlaceLshift,
    [NB_INPLACE_MATRIX_MULTIPLY] = PyNumber_InPlaceMatrixMultiply,
    [NB_INPLACE_MULTIPLY] = PyNumber_InPlaceMultiply,
    [NB_INPLACE_REMAINDER] = PyNumber_InPlaceRemainder, [NB_INPLACE_OR] = PyNumber_InPlaceOr,
    [NB_INPLACE_POWER] = ipow2, [NB_INPLACE_RSHIFT] = PyNumber_InPlaceRshift,
    [NB_INPLACE_SUBTRACT] = PyNumber_InPlaceSubtract,
    [NB_INPLACE_TRUE_DIVIDE] = PyNumber_InPlaceTrueDivide,
    [NB_INPLACE_XOR] = PyNumber_InPlaceXor,
};

/* ---- fast paths for exact int (machine-word values) and float operands ----
 * Each returns a new reference, or NULL *without* an exception when it does not apply
 * (then the generic abstract-layer call runs and produces the result or the error). */

static inline int is_compact_int(PyObject *o)
{
    return PyLong_CheckExact(o) && _PyLong_IsCompact((PyLongObject *)o);
}

/* container[sub] for an exact list or tuple with an in-range machine-word int index, or an
 * exact dict holding the key (3.11's BINARY_SUBSCR_LIST_INT/TUPLE_INT/DICT).  A new
 * reference; NULL with no exception when the generic path must run (also for a missing
 * dict key, so the KeyError comes from the one place); NULL with an exception on error. */
static inline PyObject *subscr_fast(PyObject *container, PyObject *sub)
{
    PyTypeObject *ct = Py_TYPE(container);
    if ((ct == &PyList_Type || ct == &PyTuple_Type) && is_compact_int(sub)) {
        long i = _PyLong_CompactValue((PyLongObject *)sub);
        Py_ssize_t n = Py_SIZE(container);
        if (i < 0) i += n;
        if (i < 0 || i >= n) return NULL;
        return Py_NewRef(ct == &PyList_Type ? PyList_GET_ITEM(container, i)
                                            : PyTuple_GET_ITEM(container, i));
    }
    if (ct == &PyDict_Type) {
        PyObject *v = PyDict_GetItemWithError(container, sub);
        return v != NULL ? Py_NewRef(v) : NULL;
    }
    return NULL;
}

static inline PyObject *small_int_result(long v)
{
    if (v >= -_PY_NSMALLNEGINTS && v < _PY_NSMALLPOSINTS)
        return Py_NewRef((PyObject *)&_PyLong_SmallInts[v + _PY_NSMALLNEGINTS]);
    return PyLong_FromLong(v);
}

static PyObject *int_binop_fast(int op, long a, long b)
{
    long r;
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD:
        if (__builtin_add_overflow(a, b, &r)) return NULL;
        return small_int_result(r);
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT:
        if (__builtin_sub_overflow(a, b, &r)) return NULL;
        return small_int_result(r);
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY:
        if (__builtin_mul_overflow(a, b, &r)) return NULL;
        return small_int_result(r);
    case NB_FLOOR_DIVIDE: case NB_INPLACE_FLOOR_DIVIDE:
        if (b == 0 || (b == -1 && a == LONG_MIN)) return NULL;
        r = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) r--;
        return small_int_result(r);
    case NB_REMAINDER: case NB_INPLACE_REMAINDER:
        if (b == 0 || b == -1) return NULL;
        r = a % b;
        if (r != 0 && ((r < 0) != (b < 0))) r += b;
        return small_int_result(r);
    case NB_AND: case NB_INPLACE_AND: return small_int_result(a & b);
    case NB_OR: case NB_INPLACE_OR: return small_int_result(a | b);
    case NB_XOR: case NB_INPLACE_XOR: return small_int_result(a ^ b);
    case NB_RSHIFT: case NB_INPLACE_RSHIFT:
        if (b < 0) return NULL;
        return small_int_result(b >= (long)(8 * sizeof(long)) ? (a < 0 ? -1 : 0) : a >> b);
    case NB_LSHIFT: case NB_INPLACE_LSHIFT:
        if (b < 0 || b >= (long)(8 * sizeof(long)) - 1) return NULL;
        r = (long)((unsigned long)a << b);
        if ((r >> b) != a) return NULL;
        return small_int_result(r);
    default:
        return NULL;
    }
}

static PyObject *float_binop_fast(int op, double a, double b)
{
    switch (op) {
    case NB_ADD: case NB_INPLACE_ADD: return PyFloat_FromDouble(a + b);
    case NB_SUBTRACT: case NB_INPLACE_SUBTRACT: return PyFloat_FromDouble(a - b);
    case NB_MULTIPLY: case NB_INPLACE_MULTIPLY: return PyFloat_FromDouble(a * b);
    case NB_TRUE_DIVIDE: case NB_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) return NULL;
        return PyFloat_FromDouble(a / b);
    default:
        return NULL;
    }
}

static inline PyObject *binary_op_fast(int op, PyObject *lhs, PyObject *rhs)
{
    PyTypeObject *lt = Py_TYPE(lhs), *rt = Py_TYPE(rhs);
    if (lt == &PyLong_Type) {
        if (!_PyLong_IsCompact((PyLongObject *)lhs)) return NULL;
        long a = _PyLong_CompactValue((PyLongObject *)lhs);
        if (rt == &PyLong_Type) {
            if (!_PyLong_IsCompact((PyLongObject *)rhs)) return NULL;
            long b = _PyLong_CompactValue((PyLongObject *)rhs);
            if (op == NB_TRUE_DIVIDE || op == NB_INPLACE_TRUE_DIVIDE) {
                /* exact only while both fit a double's mantissa */
                if (b == 0 || a > (1L << 53) || a < -(1L << 53) || b > (1L << 53) ||
                    b < -(1L << 53))
                    return NULL;
                return PyFloat_FromDouble((double)a / (double)b);
            }
            return int_binop_fast(op, a, b);
        }
        if (rt == &PyFloat_Type)
            return float_binop_fast(op, (double)a, PyFloat_AS_DOUBLE(rhs));
        return NULL;
    }
    if (lt == &PyFloat_Type) {
        if (rt == &PyFloat_Type)
            return float_binop_fast(op, PyFloat_AS_DOUBLE(lhs), PyFloat_AS_DOUBLE(rhs));
        if (is_compact_int(rhs))
            return float_binop_fast(op, PyFloat_AS_DOUBLE(lhs),
                                    (double)_PyLong_CompactValue((PyLongObject *)rhs));
        return NULL;
    }
    if (lt == &PyUnicode_Type && rt == &PyUnicode_Type &&
        (op == NB_ADD || op == NB_INPLACE_ADD))
        return PyUnicode_Concat(lhs, rhs);
    return NULL;
}

/* COMPARE_OP on two exact machine-word ints or two exact floats: 1 or 0, or -1 when it
 * does not apply. */
static inline int compare_op_fast(int op, PyObject *l, PyObject *r)
{
    int res;
    if (Py_TYPE(l) == &PyLong_Type && Py_TYPE(r) == &PyLong_Type) {
        if (!_PyLong_IsCompact((PyLongObject *)l) || !_PyLong_IsCompact((PyLongObject *)r))
            return -1;
        long a = _PyLong_CompactValue((PyLongObject *)l);
        long b = _PyLong_CompactValue((PyLongObject *)r);
        switch (op) {
        case Py_LT: res = a < b; break;
        case Py_LE: res = a <= b; break;
        case Py_EQ: res = a == b; break;
        case Py_NE: res = a != b; break;
        case Py_GT: res = a > b; break;
        case Py_GE: res = a >= b; break;
        default: return -1;
        }
    } else if (Py_TYPE(l) == &PyFloat_Type && Py_TYPE(r) == &PyFloat_Type) {
        double a = PyFloat_AS_DOUBLE(l), b = PyFloat_AS_DOUBLE(r);
        switch (op) {
        case Py_LT: res = a < b; break;
        case Py_LE: res = a <= b; break;
        case Py_EQ: res = a == b; break;
        case Py_NE: res = a != b; break;
        case Py_GT: res = a > b; break;
        case Py_GE: res = a >= b; break;
        default: return -1;
        }
    } else {
        return -1;
    }
    return res;
}

/* The generator protocol of YIELD_FROM: send v into receiver. */
static PySendResult send_into(PyThreadState *tstate, PyObject *receiver, PyObject *v,
                              PyObject **presult)
{
    if (PyGen_CheckExact(receiver) || PyCoro_CheckExact(receiver))
        return PyGen_Send((PyGenObject *)receiver, v, presult);
    PyObject *ret;
    if (v == Py_None && Py_TYPE(receiver)->tp_iternext != NULL) {
        ret = Py_TYPE(receiver)->tp_iternext(receiver);
    } else {
        ret = PyObject_CallMethodOneArg(receiver, _Py_ID(send), v);
    }
    if (ret != NULL) { *presult = ret; return PYGEN_NEXT; }
    if (_PyGen_FetchStopIterationValue(presult) == 0) return PYGEN_RETURN;
    *presult = NULL;
    return PYGEN_ERROR;
}

/* -X lltrace / __lltrace__: print each instruction and the stack before it. */
static void lltrace_instr(PyFrameObject *f, PyObject **stack_pointer, int offset,
                          int opcode, int oparg)
{
    printf("  stack=[");
    for (PyObject **p = f->f_valuestack; p < stack_pointer; p++) {
        if (p != f->f_valuestack) printf(", ");
        if (*p == NULL) { printf("<nil>"); continue; }
        PyObject *r = PyObject_Repr(*p);
        if (r == NULL) { PyErr_Clear(); printf("<%s object at %p>", Py_TYPE(*p)->tp_name, (void *)*p); }
        else { printf("%s", PyUnicode_AsUTF8(r)); Py_DECREF(r); }
    }
    printf("]\n");
    if (_PyOpcode_Flags[opcode] & OPF_ARG)
        printf("%d: %s %d\n", offset, _PyOpcode_OpName[opcode], oparg);
    else
        printf("%d: %s\n", offset, _PyOpcode_OpName[opcode]);
    fflush(stdout);
}

/* The pushes and pops of each instruction are printed as "push <repr>" / "pop <repr>"
 * by comparing the frame's value stack with a copy taken before the instruction (the
 * copy holds references, so popped values can still be shown).  One copy per frame on
 * the call stack; dropped when the frame is left. */
#define LLTRACE_FRAMES 64
static struct {
    PyFrameObject *f;
    int n;
    PyObject **items;
} ll_snap[LLTRACE_FRAMES];

static void lltrace_print_value(const char *what, PyObject *v)
{
    if (v == NULL) { printf("%s <nil>\n", what); return; }
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *r = PyObject_Repr(v);
    if (r == NULL) { PyErr_Clear(); printf("%s <%s object at %p>\n", what, Py_TYPE(v)->tp_name, (void *)v); }
    else { printf("%s %s\n", what, PyUnicode_AsUTF8(r)); Py_DECREF(r); }
    PyErr_SetRaisedException(exc);
}

static void lltrace_release(int i)
{
    for (int k = 0; k < ll_snap[i].n; k++) Py_XDECREF(ll_snap[i].items[k]);
    PyMem_Free(ll_snap[i].items);
    ll_snap[i].f = NULL;
    ll_snap[i].items = NULL;
    ll_snap[i].n = 0;
}

/* Print what changed on f's stack since the last call; keep a copy unless leaving. */
static void lltrace_stack(PyFrameObject *f, PyObject **stack_pointer, int leaving)
{
    int slot = -1, n = (int)(stack_pointer - f->f_valuestack);
    for (int i = 0; i < LLTRACE_FRAMES; i++)
        if (ll_snap[i].f == f) { slot = i; break; }
    if (slot >= 0) {
        int common = 0, old = ll_snap[slot].n;
        while (common < old && common < n && ll_snap[slot].items[common] == f->f_valuestack[common])
            common++;
        for (int k = old - 1; k >= common; k--) lltrace_print_value("pop", ll_snap[slot].items[k]);
        for (int k = common; k < n; k++) lltrace_print_value("push", f->f_valuestack[k]);
        lltrace_release(slot);
    }
    if (leaving) { fflush(stdout); return; }
    for (int i = 0; i < LLTRACE_FRAMES && slot < 0; i++)
        if (ll_snap[i].f == NULL) slot = i;
    if (slot < 0) return;   /* deeper than the table: pushes/pops not shown there */
    ll_snap[slot].items = PyMem_Malloc(sizeof(PyObject *) * (size_t)(n ? n : 1));
    if (ll_snap[slot].items == NULL) return;
    for (int k = 0; k < n; k++) ll_snap[slot].items[k] = Py_XNewRef(f->f_valuestack[k]);
    ll_snap[slot].n = n;
    ll_snap[slot].f = f;
}

/* The answer for the globals last seen on entering or returning to a frame, shared by all
 * evaluations (the GIL serialises them): (dict, version tag) identifies the dict's
 * contents, as version tags are never reused, so the common case (same module as last time)
 * costs two compares and no lookup, also on each C-level entry (a generator resume). */
static struct {
    PyObject *globals;   /* a dict (exact or subclass), or NULL: nothing cached */
    uint64_t version;
    int answer;
} lltrace_cache;

static int lltrace_wanted(PyThreadState *tstate, PyFrameObject *f)
{
    static PyObject *name;  /* interned once */
    /* Older answers, direct-mapped by the dict's address, so that calls alternating
     * between modules skip the lookup too. */
    static struct { PyObject *globals; uint64_t version; int answer; } seen[16];
    if (tstate->interp->config.lltrace) return 1;
    PyDictObject *g = (PyDictObject *)f->f_globals;
    size_t slot = ((uintptr_t)g >> 6) & 15;
    if (PyDict_CheckExact(g) && (PyObject *)g == seen[slot].globals &&
        g->ma_version_tag == seen[slot].version)
        return seen[slot].answer;
    if (name == NULL && (name = PyUnicode_InternFromString("__lltrace__")) == NULL) {
        PyErr_Clear();
        return 0;
    }
    PyObject *v = PyDict_GetItem(f->f_globals, name);
    int answer = v != NULL && PyObject_IsTrue(v) > 0;
    if (PyDict_CheckExact(g)) {
        seen[slot].globals = (PyObject *)g;
        seen[slot].version = g->ma_version_tag;
        seen[slot].answer = answer;
    }
    return answer;
}

/* Fill lltrace_cache for f's globals (the slow path of UPDATE_LLTRACE). */
static void lltrace_refresh(PyThreadState *tstate, PyFrameObject *f)
{
    int answer = lltrace_wanted(tstate, f);
    PyObject *g = f->f_globals;
    /* only a dict has a version tag to compare: anything else is looked up every time */
    lltrace_cache.globals = PyDict_Check(g) ? g : NULL;
    lltrace_cache.version = PyDict_Check(g) ? ((PyDictObject *)g)->ma_version_tag : 0;
    lltrace_cache.answer = answer;
}

/* ---- tracing and profiling (sys.settrace / sys.setprofile) ----
 * As CPython 3.11: one per-thread flag, tstate->use_tracing, is nonzero while a trace or
 * profile function is set and none is running; the loop tests it in DISPATCH() (one load
 * and a predicted branch) and takes the slow dispatch path, which delivers 'line' and
 * 'opcode' events.  'call' is sent on entering a frame (also on each generator resume and
 * throw), 'return' on return, yield and unwinding, 'exception' on each new traceback
 * entry, 'c_call'/'c_return'/'c_exception' around calls of builtins when profiling. */

static void update_tracing_state(PyThreadState *tstate)
{
    tstate->use_tracing = tstate->tracing == 0 &&
                          (tstate->c_tracefunc != NULL || tstate->c_profilefunc != NULL);
}

void PyThreadState_EnterTracing(PyThreadState *tstate)
{
    tstate->tracing++;
    tstate->use_tracing = 0;
}

void PyThreadState_LeaveTracing(PyThreadState *tstate)
{
    tstate->tracing--;
    update_tracing_state(tstate);
}

/* Line numbers per code unit, built once per code object from co_lines() while tracing
 * (PyCode_Addr2Line decodes from the start of the table: too slow per instruction).
 * A small direct-mapped cache; each entry keeps its code object alive. */
#define LINE_CACHE_SIZE 64
static struct {
    PyCodeObject *code;
    int *lines;
    Py_ssize_t n;
} line_cache[LINE_CACHE_SIZE];

static void line_cache_clear(void)
{
    for (int i = 0; i < LINE_CACHE_SIZE; i++) {
        PyCodeObject *co = line_cache[i].code;
        if (co == NULL) continue;
        line_cache[i].code = NULL;
        PyMem_Free(line_cache[i].lines);
        line_cache[i].lines = NULL;
        Py_DECREF(co);
    }
}

static int *build_line_array(PyCodeObject *co, Py_ssize_t n)
{
    int *lines = PyMem_Malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (lines == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) lines[i] = -1;
    PyObject *exc = PyErr_GetRaisedException();
    PyObject *it = PyObject_CallMethod((PyObject *)co, "co_lines", NULL);
    PyObject *item;
    while (it != NULL && (item = PyIter_Next(it)) != NULL) {
        Py_ssize_t start, end;
        PyObject *line;
        if (PyTuple_Check(item) && PyArg_ParseTuple(item, "nnO", &start, &end, &line) &&
            line != Py_None) {
            int l = _PyLong_AsInt(line);
            for (Py_ssize_t i = start / 2; i < end / 2 && i < n; i++) lines[i] = l;
        }
        Py_DECREF(item);
    }
    Py_XDECREF(it);
    PyErr_Clear();
    PyErr_SetRaisedException(exc);
    return lines;
}

int _PyEval_LineOfInstr(PyCodeObject *co, int lasti)
{
    if (lasti < 0) return co->co_firstlineno;
    size_t h = ((uintptr_t)co >> 4) % LINE_CACHE_SIZE;
    if (line_cache[h].code != co) {
        Py_ssize_t n = _PyCode_NBYTES(co) / (Py_ssize_t)sizeof(_Py_CODEUNIT);
        int *lines = build_line_array(co, n);
        if (lines == NULL) return PyCode_Addr2Line(co, lasti);
        PyCodeObject *old = line_cache[h].code;
        PyMem_Free(line_cache[h].lines);
        line_cache[h].code = (PyCodeObject *)Py_NewRef(co);
        line_cache[h].lines = lines;
        line_cache[h].n = n;
        Py_XDECREF(old);
    }
    Py_ssize_t i = lasti / (int)sizeof(_Py_CODEUNIT);
    return i < line_cache[h].n ? line_cache[h].lines[i] : -1;
}

/* Module code's 'call' event is on line 0 in 3.11 (its RESUME has no source line). */
static int frame_entry_line(PyFrameObject *f)
{
    int lasti = _PyFrame_LASTI(f);
    if (lasti >= 0) return _PyEval_LineOfInstr(f->f_code, lasti);
    if (_PyUnicode_EqualToASCIIString(f->f_code->co_name, "<module>")) return 0;
    return f->f_code->co_firstlineno;
}

static int call_trace(Py_tracefunc func, PyObject *obj, PyThreadState *tstate,
                      PyFrameObject *f, int what, PyObject *arg)
{
    if (tstate->tracing) return 0;
    int old_what = tstate->tracing_what;
    tstate->tracing_what = what;
    PyThreadState_EnterTracing(tstate);
    f->f_lineno = frame_entry_line(f);
    int result = func(obj, f, what, arg);
    f->f_lineno = 0;
    PyThreadState_LeaveTracing(tstate);
    tstate->tracing_what = old_what;
    return result;
}

/* call_trace keeping the exception being raised (if any) unless the hook fails. */
static int call_trace_protected(Py_tracefunc func, PyObject *obj, PyThreadState *tstate,
                                PyFrameObject *f, int what, PyObject *arg)
{
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    int err = call_trace(func, obj, tstate, f, what, arg);
    if (err == 0) {
        _PyErr_SetRaisedException(tstate, exc);
        return 0;
    }
    Py_XDECREF(exc);
    return -1;
}

/* 'exception' event: arg is (type, value, traceback). */
static void call_exc_trace(Py_tracefunc func, PyObject *obj, PyThreadState *tstate,
                           PyFrameObject *f)
{
    PyObject *exc = _PyErr_GetRaisedException(tstate);
    if (exc == NULL) return;
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *arg = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    if (arg == NULL) {
        _PyErr_SetRaisedException(tstate, exc);
        return;
    }
    int err = call_trace(func, obj, tstate, f, PyTrace_EXCEPTION, arg);
    Py_DECREF(arg);
    if (err == 0) _PyErr_SetRaisedException(tstate, exc);
    else Py_DECREF(exc);
}

static int trace_function_entry(PyThreadState *tstate, PyFrameObject *f)
{
    if (tstate->c_tracefunc != NULL &&
        call_trace_protected(tstate->c_tracefunc, tstate->c_traceobj, tstate, f,
                             PyTrace_CALL, Py_None))
        return -1;
    if (tstate->c_profilefunc != NULL &&
        call_trace_protected(tstate->c_profilefunc, tstate->c_profileobj, tstate, f,
                             PyTrace_CALL, Py_None))
        return -1;
    return 0;
}

static int trace_function_exit(PyThreadState *tstate, PyFrameObject *f, PyObject *retval)
{
    if (tstate->c_tracefunc != NULL &&
        call_trace_protected(tstate->c_tracefunc, tstate->c_traceobj, tstate, f,
                             PyTrace_RETURN, retval))
        return -1;
    if (tstate->c_profilefunc != NULL &&
        call_trace_protected(tstate->c_profilefunc, tstate->c_profileobj, tstate, f,
                             PyTrace_RETURN, retval))
        return -1;
    return 0;
}

/* Before the instruction at f_lasti (instr_prev: the one run before it in this frame):
 * a 'line' event on the first instruction of a new line or after a backward jump (not
 * for instructions without a line), then an 'opcode' event if f_trace_opcodes. */
static int maybe_call_line_trace(Py_tracefunc func, PyObject *obj, PyThreadState *tstate,
                                 PyFrameObject *f, int instr_prev)
{
    int result = 0, lasti = _PyFrame_LASTI(f);
    int line = _PyEval_LineOfInstr(f->f_code, lasti);
    int lastline = instr_prev < 0 ? -1 : _PyEval_LineOfInstr(f->f_code, instr_prev);
    if (line != -1 && f->f_trace_lines) {
        if (line != lastline || lasti < instr_prev)
            result = call_trace(func, obj, tstate, f, PyTrace_LINE, Py_None);
    }
    if (f->f_trace_opcodes && result == 0)
        result = call_trace(func, obj, tstate, f, PyTrace_OPCODE, Py_None);
    return result;
}

/* C_TRACE: call a builtin with 'c_call' / 'c_return' / 'c_exception' profile events. */
static PyObject *c_trace_call(PyThreadState *tstate, PyObject *func, PyObject *const *args,
                              size_t nargsf, PyObject *kwnames, PyObject *kwdict)
{
    PyFrameObject *f = tstate->frame;
    if (call_trace(tstate->c_profilefunc, tstate->c_profileobj, tstate, f, PyTrace_C_CALL,
                   func))
        return NULL;
    PyObject *x = kwdict == NULL ? PyObject_Vectorcall(func, args, nargsf, kwnames)
                                 : PyObject_VectorcallDict(func, args, nargsf, kwdict);
    if (tstate->c_profilefunc != NULL) {
        if (x == NULL) {
            call_trace_protected(tstate->c_profilefunc, tstate->c_profileobj, tstate, f,
                                 PyTrace_C_EXCEPTION, func);
        } else if (call_trace(tstate->c_profilefunc, tstate->c_profileobj, tstate, f,
                              PyTrace_C_RETURN, func)) {
            Py_CLEAR(x);
        }
    }
    return x;
}

/* A call from the loop while tracing: builtins (and method descriptors, bound to their
 * first argument as 3.11 does) get profile events.  kwdict: CALL_FUNCTION_EX's. */
static PyObject *trace_call_function(PyThreadState *tstate, PyObject *func,
                                     PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames, PyObject *kwdict)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (tstate->c_profilefunc != NULL) {
        if (PyCFunction_Check(func))
            return c_trace_call(tstate, func, args, nargsf, kwnames, kwdict);
        if (Py_IS_TYPE(func, &PyMethodDescr_Type) && nargs > 0) {
            PyObject *self = args[0];
            PyObject *bound = Py_TYPE(func)->tp_descr_get(func, self, (PyObject *)Py_TYPE(self));
            if (bound == NULL) return NULL;
            PyObject *x = c_trace_call(tstate, bound, args + 1, (size_t)(nargs - 1), kwnames,
                                       kwdict);
            Py_DECREF(bound);
            return x;
        }
    }
    if (kwdict != NULL) return PyObject_VectorcallDict(func, args, nargsf, kwdict);
    return PyObject_Vectorcall(func, args, nargsf, kwnames);
}

static PyObject *vectorcall_maybe_traced(PyThreadState *tstate, PyObject *callable,
                                         PyObject *const *args, size_t nargsf,
                                         PyObject *kwnames)
{
    if (Py_UNLIKELY(tstate->use_tracing))
        return trace_call_function(tstate, callable, args, nargsf, kwnames, NULL);
    return PyObject_Vectorcall(callable, args, nargsf, kwnames);
}

/* 3.11's CALL_BUILTIN_O/_FAST and CALL_NO_KW_METHOD_DESCRIPTOR_O/_NOARGS/_FAST: a builtin
 * function or method descriptor called without keywords runs its C function directly, with
 * no vectorcall dispatch or argument re-checking.  The caller makes sure nothing traces or
 * profiles (c_call events come from the generic path).  *done = 0 when the generic call must
 * run instead (other callables, wrong arity or self type: it raises those errors). */
/* A class call the loop can run as allocation + a Python __init__ call (see
 * _PyType_PrepareInitCall): only classes whose metaclass calls them the way type does. */
static inline int prepare_init_call(PyObject *callable, PyObject **obj, PyObject **init)
{
    if (Py_TYPE(callable)->tp_call != PyType_Type.tp_call) return 0;
    return _PyType_PrepareInitCall((PyTypeObject *)callable, obj, init);
}

/* Leaving an __init__ frame entered for a class call: the caller gets the instance,
 * and an __init__ returning something else is slot_tp_init's TypeError.  Both
 * references are consumed. */
static PyObject *init_return(PyObject *retval, PyObject *self)
{
    if (retval == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    if (retval != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(retval)->tp_name);
        Py_DECREF(retval);
        Py_DECREF(self);
        return NULL;
    }
    Py_DECREF(retval);
    return self;
}

static inline PyObject *call_builtin_fast(PyThreadState *tstate, PyObject *callable,
                                          PyObject *const *args, Py_ssize_t nargs, int *done)
{
    PyTypeObject *ct = Py_TYPE(callable);
    PyMethodDef *ml;
    PyObject *self;
    if (ct == &PyCFunction_Type) {
        ml = ((PyCFunctionObject *)callable)->m_ml;
        self = (ml->ml_flags & METH_STATIC) ? NULL : ((PyCFunctionObject *)callable)->m_self;
    } else if (ct == &PyMethodDescr_Type && nargs >= 1 &&
               PyObject_TypeCheck(args[0], PyDescr_TYPE(callable))) {
        ml = ((PyMethodDescrObject *)callable)->d_method;
        self = args[0];
        args++;
        nargs--;
    } else {
        *done = 0;
        return NULL;
    }
    int flags = ml->ml_flags & (METH_VARARGS | METH_FASTCALL | METH_NOARGS | METH_O |
                                METH_KEYWORDS | METH_METHOD);
    if (!(flags == METH_O ? nargs == 1 : flags == METH_NOARGS ? nargs == 0 :
          flags == METH_FASTCALL || flags == (METH_FASTCALL | METH_KEYWORDS))) {
        *done = 0;
        return NULL;
    }
    if (enter_recursive_call(tstate, " while calling a Python object")) return NULL;
    PyObject *res;
    if (flags == METH_O)
        res = ml->ml_meth(self, args[0]);
    else if (flags == METH_NOARGS)
        res = ml->ml_meth(self, NULL);
    else if (flags == METH_FASTCALL)
        res = ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
    else
        res = ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(self, args, nargs, NULL);
    tstate->recursion_depth--;
    if (Py_UNLIKELY((res == NULL) != (tstate->curexc_type != NULL)))
        res = _Py_CheckFunctionResult(callable, res, NULL);
    return res;
}

int _PyEval_SetProfile(PyThreadState *tstate, Py_tracefunc func, PyObject *arg)
{
    /* Freeing the old function can run a __del__ that installs another: 3.11 refuses. */
    static int installing;
    if (PySys_Audit("sys.setprofile", NULL) < 0) return -1;
    if (installing) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot install a profile function "
                        "while another profile function is being installed");
        return -1;
    }
    PyObject *old = tstate->c_profileobj;
    tstate->c_profilefunc = NULL;
    tstate->c_profileobj = NULL;
    update_tracing_state(tstate);
    installing = 1;
    Py_XDECREF(old);
    installing = 0;
    tstate->c_profileobj = Py_XNewRef(arg);
    tstate->c_profilefunc = func;
    update_tracing_state(tstate);
    return 0;
}

int _PyEval_SetTrace(PyThreadState *tstate, Py_tracefunc func, PyObject *arg)
{
    static int installing;  /* as in _PyEval_SetProfile */
    if (PySys_Audit("sys.settrace", NULL) < 0) return -1;
    if (installing) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot install a trace function "
                        "while another trace function is being installed");
        return -1;
    }
    PyObject *old = tstate->c_traceobj;
    tstate->c_tracefunc = NULL;
    tstate->c_traceobj = NULL;
    update_tracing_state(tstate);
    installing = 1;
    Py_XDECREF(old);
    installing = 0;
    tstate->c_traceobj = Py_XNewRef(arg);
    tstate->c_tracefunc = func;
    update_tracing_state(tstate);
    if (func == NULL && tstate->c_profilefunc == NULL) line_cache_clear();
    return 0;
}

void PyEval_SetProfile(Py_tracefunc func, PyObject *arg)
{
    if (_PyEval_SetProfile(_PyThreadState_GET(), func, arg) < 0) PyErr_WriteUnraisable(NULL);
}

void PyEval_SetTrace(Py_tracefunc func, PyObject *arg)
{
    if (_PyEval_SetTrace(_PyThreadState_GET(), func, arg) < 0) PyErr_WriteUnraisable(NULL);
}

PyObject *_PyEval_CallTracing(PyObject *func, PyObject *args)
{
    PyThreadState *tstate = _PyThreadState_GET();
    int save_tracing = tstate->tracing;
    tstate->tracing = 0;
    update_tracing_state(tstate);
    PyObject *result = PyObject_Call(func, args, NULL);
    tstate->tracing = save_tracing;
    update_tracing_state(tstate);
    return result;
}

/* ---- the loop ---- */

PyObject *_PyEval_EvalFrame(PyThreadState *tstate, PyFrameObject *f, int throwflag)
{
#if USE_COMPUTED_GOTOS
    /* unknown opcodes first, then each known one overrides its slot */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
#ifdef __clang__
#pragma clang diagnostic ignored "-Winitializer-overrides"
#endif
    static void *opcode_targets[256] = {
        [0 ... 255] = &&unknown_opcode,
#define OP_TARGET(name, num, flags, effect) [name] = &&TARGET_##name,
        KRAIT_OPCODES(OP_TARGET)
#undef OP_TARGET
    };
#pragma GCC diagnostic pop
    /* While instrumented (tracing, lltrace, dxp), DISPATCH indexes this table instead, so the
     * fast path tests no flag: every opcode goes to the slow path at 'dispatch'. */
    static void *const instrumented_targets[256] = { [0 ... 255] = &&instrumented_dispatch };
    void *const *targets;
#define SET_TARGETS() (targets = instrumented ? instrumented_targets : opcode_targets)
#else
#define SET_TARGETS() ((void)0)
#endif
    PyObject **stack_pointer;
    const _Py_CODEUNIT *first_instr, *next_instr;
    int opcode, oparg, lastop = 0;
    PyObject *retval = NULL;
    PyCodeObject *co;
    PyObject *consts, *names;
    int ll_dxp;        /* lltrace or dxp is on for this frame */
    /* Take the slow dispatch path (lltrace, dxp, or tracing/profiling).  tstate->use_tracing
     * is copied in when entering or returning to a frame and after each call or backward
     * jump (CHECK_EVAL_BREAKER), where a trace function can have been set — so the fast
     * path tests one local, as before tracing existed. */
    int instrumented;
    int lltrace = 0;
    /* __lltrace__ is looked up again only when the globals (or their version) change */
#define UPDATE_LLTRACE() do { \
        PyObject *g_ = f->f_globals; \
        if (Py_UNLIKELY(g_ != lltrace_cache.globals || \
                        ((PyDictObject *)g_)->ma_version_tag != lltrace_cache.version)) \
            lltrace_refresh(tstate, f); \
        lltrace = lltrace_cache.answer; \
    } while (0)
    PyFrameObject *entry_frame = f;
    PyFrameObject *saved_frame = tstate->frame;
    PyObject *call_kwnames = NULL;  /* CALL_*_KW → call_python hand-off */
    PyFrameObject *nf = NULL;       /* CALL_FUNCTION_EX → enter_frame_nf hand-off */
    PyObject *init_self = NULL;     /* class call → call_python: the new instance (owned) */
    PyObject *init_func = NULL;     /* ... and its __init__ (borrowed from the class) */

    /* Entering a frame: link it, count it against the recursion limit. */
    Py_XSETREF(f->f_back, (PyFrameObject *)Py_XNewRef(tstate->frame));
    f->f_is_entry = 1;
    if (Py_EnterRecursiveCall("")) {
        Py_CLEAR(f->f_back);
        return NULL;
    }
    tstate->frame = f;

#define STACK_LEVEL_OF(sp) ((int)((sp) - f->f_valuestack))
resume_frame:
    co = f->f_code;
    f->f_state = FRAME_EXECUTING;
    first_instr = _PyCode_CODE(co);
    next_instr = f->f_instr;
    stack_pointer = f->f_valuestack + f->f_stackdepth;
    f->f_stackdepth = -1;
    consts = co->co_consts;
    names = co->co_names;
    UPDATE_LLTRACE();
    if (tstate->interp->config.dxp) dxp_enable();
    ll_dxp = lltrace || dxp_counts != NULL;
    instrumented = ll_dxp | tstate->use_tracing;
    SET_TARGETS();
    if (Py_UNLIKELY(tstate->use_tracing)) {
        /* 'call': a new frame, a resumed generator, or a throw() into one */
        f->f_stackdepth = STACK_LEVEL_OF(stack_pointer);
        int err = trace_function_entry(tstate, f);
        stack_pointer = f->f_valuestack + f->f_stackdepth;
        f->f_stackdepth = -1;
        if (err) { throwflag = 0; goto error; }
    }
    if (throwflag) {
        throwflag = 0;
        goto error;
    }
    if (_Py_EVAL_BREAKER() && _Py_HandlePending(tstate) < 0) goto error;

#define INSTR_OFFSET() ((int)(next_instr - first_instr))
/* Two byte loads instead of a 16-bit load, mask and shift (which GCC turns into five
 * instructions on x86-64); the code unit is (oparg << 8) | opcode in host order. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define READ_OPARG_WORD(p) do { \
        opcode = ((const uint8_t *)(p))[0]; oparg = ((const uint8_t *)(p))[1]; \
    } while (0)
#else
#define READ_OPARG_WORD(p) do { \
        _Py_CODEUNIT word_ = *(p); \
        opcode = _Py_OPCODE(word_); oparg = _Py_OPARG(word_); \
    } while (0)
#endif
#define NEXTOPARG() do { \
        READ_OPARG_WORD(next_instr); \
        next_instr++; \
        f->f_instr = next_instr; \
    } while (0)
#define JUMPTO(x) (next_instr = first_instr + (x))
#define JUMPBY(x) (next_instr += (x))
/* a jump that may close a loop: backward ones poll the eval breaker, as JUMP_ABSOLUTE */
#define JUMPTO_CHECKED(x) do { \
        int target_ = (x); \
        int backward_ = target_ < INSTR_OFFSET(); \
        JUMPTO(target_); \
        if (backward_) CHECK_EVAL_BREAKER(); \
    } while (0)
#define TOP() (stack_pointer[-1])
#define SECOND() (stack_pointer[-2])
#define THIRD() (stack_pointer[-3])
#define FOURTH() (stack_pointer[-4])
#define PEEK(n) (stack_pointer[-(n)])
#define SET_TOP(v) (stack_pointer[-1] = (v))
#define SET_SECOND(v) (stack_pointer[-2] = (v))
#define SET_THIRD(v) (stack_pointer[-3] = (v))
#define PUSH(v) (*stack_pointer++ = (v))
#define POP() (*--stack_pointer)
#define STACK_LEVEL() ((int)(stack_pointer - f->f_valuestack))
#define STACK_SHRINK(n) (stack_pointer -= (n))
/* f_localsplus is inline in the frame: indexing off f (already in a register) needs no
 * separate base pointer, which GCC would spill in this large function. */
#define GETLOCAL(i) (f->f_localsplus[i])
#define SETLOCAL(i, value) do { PyObject *_tmp = GETLOCAL(i); GETLOCAL(i) = (value); Py_XDECREF(_tmp); } while (0)
#define GETITEM(t, i) PyTuple_GET_ITEM(t, i)

#if USE_COMPUTED_GOTOS
/* DISPATCH leaves f_instr (f_lasti) to the target, so that the slow path reached through
 * instrumented_targets still sees the previous instruction's offset (line events). */
#define TARGET(op) TARGET_##op: f->f_instr = next_instr;
#define DISPATCH() do { \
        READ_OPARG_WORD(next_instr); \
        next_instr++; \
        goto *targets[opcode]; \
    } while (0)
#else
#define TARGET(op) case op:
#define DISPATCH() goto dispatch
#endif
#define CHECK_EVAL_BREAKER() do { \
        instrumented = ll_dxp | tstate->use_tracing; \
        SET_TARGETS(); \
        if (Py_UNLIKELY(_Py_EVAL_BREAKER()) && _Py_HandlePending(tstate) < 0) goto error; \
    } while (0)

#if USE_COMPUTED_GOTOS
    if (0) {
instrumented_dispatch:
        next_instr--;  /* DISPATCH read this instruction: the slow path reads it again */
        goto dispatch;
    }
#endif
dispatch:
    if (Py_UNLIKELY(tstate->use_tracing) && tstate->c_tracefunc != NULL) {
        /* 'line' / 'opcode' events before the next instruction; a trace function may
         * move the frame to another line (f_lineno setter), so reload from the frame. */
        int instr_prev = _PyFrame_LASTI(f);
        f->f_instr = next_instr + 1;
        f->f_stackdepth = STACK_LEVEL();
        int err = maybe_call_line_trace(tstate->c_tracefunc, tstate->c_traceobj, tstate, f,
                                        instr_prev);
        stack_pointer = f->f_valuestack + f->f_stackdepth;
        f->f_stackdepth = -1;
        if (err) goto error;
        next_instr = f->f_instr - 1;
    }
    NEXTOPARG();
dispatch_opcode:
    if (Py_UNLIKELY(instrumented)) {
        if (lltrace) {
            lltrace_stack(f, stack_pointer, 0);
            lltrace_instr(f, stack_pointer, _PyFrame_LASTI(f), opcode, oparg);
        }
        if (dxp_counts) {
            dxp_counts[opcode]++;
            dxp_counts[256 + lastop * 256 + opcode]++;
            lastop = opcode;
        }
    }
#if USE_COMPUTED_GOTOS
    goto *opcode_targets[opcode];
#endif
    switch (opcode) {

    TARGET(NOP) { DISPATCH(); }

    TARGET(EXTENDED_ARG) {
        int oldoparg = oparg;
        NEXTOPARG();
        oparg |= oldoparg << 8;
        goto dispatch_opcode;
    }

    TARGET(LOAD_FAST) {
        PyObject *value = GETLOCAL(oparg);
        if (value == NULL) {
            format_exc_check_arg(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                 PyTuple_GET_ITEM(co->co_varnames, oparg));
            goto error;
        }
        PUSH(Py_NewRef(value));
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(Py_NewRef(GETITEM(consts, oparg)));
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        PyObject *value = POP();
        SETLOCAL(oparg, value);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        PyObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            format_exc_check_arg(tstate, PyExc_UnboundLocalError, UNBOUNDLOCAL_ERROR_MSG,
                                 PyTuple_GET_ITEM(co->co_varnames, oparg));
            goto error;
        }
        SETLOCAL(oparg, NULL);
        DISPATCH();
    }

    TARGET(POP_TOP) {
        PyObject *value = POP();
        Py_XDECREF(value);
        DISPATCH();
    }

    TARGET(ROT_TWO) {
        PyObject *top = TOP(), *second = SECOND();
        SET_TOP(second);
        SET_SECOND(top);
        DISPATCH();
    }

    TARGET(ROT_THREE) {
        PyObject *top = TOP(), *second = SECOND(), *third = THIRD();
        SET_TOP(second);
        SET_SECOND(third);
        SET_THIRD(top);
        DISPATCH();
    }

    TARGET(ROT_FOUR) {
        PyObject *top = TOP();
        stack_pointer[-1] = stack_pointer[-2];
        stack_pointer[-2] = stack_pointer[-3];
        stack_pointer[-3] = stack_pointer[-4];
        stack_pointer[-4] = top;
        DISPATCH();
    }

    TARGET(ROT_N) {
        PyObject *top = TOP();
        memmove(&PEEK(oparg - 1), &PEEK(oparg), sizeof(PyObject *) * (size_t)(oparg - 1));
        PEEK(oparg) = top;
        DISPATCH();
    }

    TARGET(DUP_TOP) {
        PyObject *top = TOP();
        PUSH(Py_NewRef(top));
        DISPATCH();
    }

    TARGET(DUP_TOP_TWO) {
        PyObject *top = TOP(), *second = SECOND();
        PUSH(Py_NewRef(second));
        PUSH(Py_NewRef(top));
        DISPATCH();
    }

    TARGET(COPY) {
        PyObject *peek = PEEK(oparg);
        PUSH(Py_NewRef(peek));
        DISPATCH();
    }

    TARGET(SWAP) {
        PyObject *top = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = top;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        PyObject *value = TOP();
        PyObject *res = PyNumber_Positive(value);
        Py_DECREF(value);
        SET_TOP(res);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        PyObject *value = TOP();
        PyObject *res = PyNumber_Negative(value);
        Py_DECREF(value);
        SET_TOP(res);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        PyObject *value = TOP();
        int err = PyObject_IsTrue(value);
        Py_DECREF(value);
        if (err < 0) { STACK_SHRINK(1); goto error; }
        SET_TOP(Py_NewRef(err ? Py_False : Py_True));
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        PyObject *value = TOP();
        PyObject *res = PyNumber_Invert(value);
        Py_DECREF(value);
        SET_TOP(res);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        PyObject *rhs = POP(), *lhs = TOP();
        PyObject *res;
        if (Py_IS_TYPE(lhs, &PyLong_Type) && Py_IS_TYPE(rhs, &PyLong_Type) &&
            _PyLong_IsCompact((PyLongObject *)lhs) && _PyLong_IsCompact((PyLongObject *)rhs)) {
            /* int + int and int - int inline (3.11's BINARY_OP_ADD_INT/SUBTRACT_INT); the
             * rest of the machine-word cases are binary_op_fast's */
            long a = _PyLong_CompactValue((PyLongObject *)lhs), r;
            long b = _PyLong_CompactValue((PyLongObject *)rhs);
            int done = 0;
            if (oparg == NB_ADD || oparg == NB_INPLACE_ADD)
                done = !__builtin_add_overflow(a, b, &r);
            else if (oparg == NB_SUBTRACT || oparg == NB_INPLACE_SUBTRACT)
                done = !__builtin_sub_overflow(a, b, &r);
            if (done) {
                res = small_int_result(r);
                goto binary_op_fail;
            }
        }
        if (oparg == NB_INPLACE_ADD && PyUnicode_CheckExact(lhs) && Py_REFCNT(lhs) == 2 &&
            PyUnicode_CheckExact(rhs) && _Py_OPCODE(*next_instr) == STORE_FAST &&
            GETLOCAL(_Py_OPARG(*next_instr)) == lhs) {
            /* s += t with s only in this local: grow it in place (3.11 does the same);
             * the following STORE_FAST puts the result back. */
            GETLOCAL(_Py_OPARG(*next_instr)) = NULL;
            Py_DECREF(lhs);
            PyUnicode_Append(&lhs, rhs);
            Py_DECREF(rhs);
            SET_TOP(lhs);
            if (lhs == NULL) goto error;
            DISPATCH();
        }
        res = binary_op_fast(oparg, lhs, rhs);
        if (res == NULL) {
            if (Py_UNLIKELY(_PyErr_Occurred(tstate) != NULL)) goto binary_op_fail;
            res = binary_ops[oparg](lhs, rhs);
        }
    binary_op_fail:
        Py_DECREF(lhs);
        Py_DECREF(rhs);
        SET_TOP(res);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        PyObject *sub = POP(), *container = TOP();
        PyObject *res = subscr_fast(container, sub);
        if (res == NULL) {
            if (_PyErr_Occurred(tstate)) goto subscr_done;
            res = PyObject_GetItem(container, sub);
        }
    subscr_done:
        Py_DECREF(container);
        Py_DECREF(sub);
        SET_TOP(res);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        PyObject *sub = TOP(), *container = SECOND(), *v = THIRD();
        STACK_SHRINK(3);
        int err;
        if (Py_IS_TYPE(container, &PyList_Type) && is_compact_int(sub)) {
            /* 3.11's STORE_SUBSCR_LIST_INT: an in-range index replaces the item */
            long i = _PyLong_CompactValue((PyLongObject *)sub);
            Py_ssize_t n = PyList_GET_SIZE(container);
            if (i < 0) i += n;
            if (i >= 0 && i < n) {
                PyObject *old = PyList_GET_ITEM(container, i);
                PyList_SET_ITEM(container, i, v);   /* the stack's reference moves in */
                Py_DECREF(old);
                Py_DECREF(container);
                Py_DECREF(sub);
                DISPATCH();
            }
        }
        if (Py_IS_TYPE(container, &PyDict_Type))
            err = PyDict_SetItem(container, sub, v);
        else
            err = PyObject_SetItem(container, sub, v);
        Py_DECREF(v);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        PyObject *sub = TOP(), *container = SECOND();
        STACK_SHRINK(2);
        int err = PyObject_DelItem(container, sub);
        Py_DECREF(container);
        Py_DECREF(sub);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        PyObject *right = POP(), *left = TOP();
        PyObject *res;
        int cmp = compare_op_fast(oparg, left, right);
        if (cmp >= 0) {
            int next_op = _Py_OPCODE(*next_instr);
            if ((next_op == POP_JUMP_IF_FALSE || next_op == POP_JUMP_IF_TRUE) && !instrumented) {
                /* compare-and-branch (3.11's COMPARE_OP_INT_JUMP): no bool object, one
                 * dispatch; not while tracing, which must see the jump's own events */
                STACK_SHRINK(1);
                Py_DECREF(left);
                Py_DECREF(right);
                if (cmp == (next_op == POP_JUMP_IF_TRUE)) JUMPTO_CHECKED(_Py_OPARG(*next_instr));
                else next_instr++;
                DISPATCH();
            }
            res = Py_NewRef(cmp ? Py_True : Py_False);
        } else {
            res = PyObject_RichCompare(left, right, oparg);
        }
        SET_TOP(res);
        Py_DECREF(left);
        Py_DECREF(right);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(IS_OP) {
        PyObject *right = POP(), *left = TOP();
        int res = (left == right) ^ oparg;
        SET_TOP(Py_NewRef(res ? Py_True : Py_False));
        Py_DECREF(left);
        Py_DECREF(right);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        PyObject *right = POP(), *left = POP();
        int res = PySequence_Contains(right, left);
        Py_DECREF(left);
        Py_DECREF(right);
        if (res < 0) goto error;
        PUSH(Py_NewRef((res ^ oparg) ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        PyObject *value = POP();
        PyObject *hook = PySys_GetObject("displayhook");
        if (hook == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "lost sys.displayhook");
            Py_DECREF(value);
            goto error;
        }
        PyObject *res = PyObject_CallOneArg(hook, value);
        Py_DECREF(value);
        if (res == NULL) goto error;
        Py_DECREF(res);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        PyObject *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2: cause = POP(); /* fall through */
        case 1: exc = POP(); /* fall through */
        case 0:
            if (do_raise(tstate, exc, cause)) {
                Py_XDECREF(exc);
                Py_XDECREF(cause);
                goto exception_unwind;  /* bare raise: no new traceback entry */
            }
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad RAISE_VARARGS oparg");
            break;
        }
        Py_XDECREF(exc);
        Py_XDECREF(cause);
        goto error;
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        if (Py_UNLIKELY(tstate->use_tracing)) {
            f->f_stackdepth = STACK_LEVEL();
            if (trace_function_exit(tstate, f, retval)) {
                Py_CLEAR(retval);
                goto exit_unwind;
            }
        }
        f->f_state = FRAME_RETURNED;
        f->f_stackdepth = 0;
        goto exiting;
    }

    TARGET(GET_AITER) {
        PyObject *obj = TOP();
        PyTypeObject *type = Py_TYPE(obj);
        unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_aiter : NULL;
        if (getter == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "'async for' requires an object with __aiter__ method, got %.100s",
                         type->tp_name);
            goto error;
        }
        PyObject *iter = getter(obj);
        if (iter == NULL) goto error;
        if (Py_TYPE(iter)->tp_as_async == NULL || Py_TYPE(iter)->tp_as_async->am_anext == NULL) {
            PyErr_Format(PyExc_TypeError,
                         "'async for' received an object from __aiter__ that does not "
                         "implement __anext__: %.100s", Py_TYPE(iter)->tp_name);
            Py_DECREF(iter);
            goto error;
        }
        Py_DECREF(obj);
        SET_TOP(iter);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        PyObject *aiter = TOP(), *next_iter, *awaitable;
        PyTypeObject *type = Py_TYPE(aiter);
        if (PyAsyncGen_CheckExact(aiter)) {
            awaitable = type->tp_as_async->am_anext(aiter);
            if (awaitable == NULL) goto error;
        } else {
            unaryfunc getter = type->tp_as_async ? type->tp_as_async->am_anext : NULL;
            if (getter == NULL) {
                PyErr_Format(PyExc_TypeError,
                             "'async for' requires an iterator with __anext__ method, got %.100s",
                             type->tp_name);
                goto error;
            }
            next_iter = getter(aiter);
            if (next_iter == NULL) goto error;
            awaitable = _PyCoro_GetAwaitableIter(next_iter);
            if (awaitable == NULL) {
                PyErr_Format(PyExc_TypeError,
                             "'async for' received an invalid object from __anext__: %.100s",
                             Py_TYPE(next_iter)->tp_name);
                Py_DECREF(next_iter);
                goto error;
            }
            Py_DECREF(next_iter);
        }
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        PyObject *iterable = TOP();
        PyObject *iter = _PyCoro_GetAwaitableIter(iterable);
        if (iter == NULL) format_awaitable_error(tstate, Py_TYPE(iterable), oparg);
        Py_DECREF(iterable);
        if (iter != NULL && PyCoro_CheckExact(iter)) {
            PyFrameObject *cf = ((PyCoroObject *)iter)->cr_frame;
            if (cf && cf->f_state == FRAME_SUSPENDED && _PyFrame_LASTI(cf) >= 0 &&
                _Py_OPCODE(*cf->f_instr) == YIELD_FROM) {
                Py_CLEAR(iter);
                PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            }
        }
        SET_TOP(iter);
        if (iter == NULL) goto error;
        DISPATCH();
    }

    TARGET(YIELD_FROM) {
        PyObject *v = POP(), *receiver = TOP(), *res;
        PySendResult gen_status;
        if (Py_UNLIKELY(tstate->c_tracefunc != NULL)) {
            /* traced: as 3.11's SEND, the sub-iterator's StopIteration is an event here */
            if (Py_IsNone(v) && Py_TYPE(receiver)->tp_iternext != NULL) {
                res = Py_TYPE(receiver)->tp_iternext(receiver);
            } else {
                res = PyObject_CallMethodOneArg(receiver, _Py_ID(send), v);
            }
            gen_status = PYGEN_NEXT;
            if (res == NULL) {
                if (tstate->c_tracefunc != NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {
                    f->f_stackdepth = STACK_LEVEL();
                    call_exc_trace(tstate->c_tracefunc, tstate->c_traceobj, tstate, f);
                    f->f_stackdepth = -1;
                }
                gen_status = _PyGen_FetchStopIterationValue(&res) == 0 ? PYGEN_RETURN
                                                                      : PYGEN_ERROR;
            }
        } else {
            gen_status = send_into(tstate, receiver, v, &res);
        }
        Py_DECREF(v);
        if (gen_status == PYGEN_ERROR) goto error;
        if (gen_status == PYGEN_RETURN) {
            Py_DECREF(receiver);
            SET_TOP(res);
            DISPATCH();
        }
        /* receiver yielded: suspend and re-run YIELD_FROM with the next sent value */
        retval = res;
        f->f_instr--;
        f->f_state = FRAME_SUSPENDED;
        f->f_stackdepth = STACK_LEVEL();
        if (Py_UNLIKELY(tstate->use_tracing) && trace_function_exit(tstate, f, retval)) {
            Py_CLEAR(retval);
            f->f_instr++;
            goto exit_unwind;
        }
        goto exiting;
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        if (co->co_flags & CO_ASYNC_GENERATOR) {
            PyObject *w = _PyAsyncGenValueWrapperNew(retval);
            Py_DECREF(retval);
            if (w == NULL) { retval = NULL; goto error; }
            retval = w;
        }
        f->f_state = FRAME_SUSPENDED;
        f->f_stackdepth = STACK_LEVEL();
        if (Py_UNLIKELY(tstate->use_tracing) && trace_function_exit(tstate, f, retval)) {
            Py_CLEAR(retval);
            goto exit_unwind;
        }
        goto exiting;
    }

    TARGET(POP_EXCEPT) {
        PyTryBlock *b = PyFrame_BlockPop(f);
        if (b->b_type != EXCEPT_HANDLER) {
            PyErr_SetString(PyExc_SystemError, "popped block is not an except handler");
            goto error;
        }
        set_handled(tstate, POP());
        DISPATCH();
    }

    TARGET(POP_BLOCK) {
        PyFrame_BlockPop(f);
        DISPATCH();
    }

    TARGET(RERAISE) {
        PyObject *exc = POP();
        if (oparg && f->f_iblock > 0 &&
            f->f_blockstack[f->f_iblock - 1].b_type == EXCEPT_HANDLER) {
            /* as 3.11's RERAISE with oparg: the frame is again at the instruction that
             * raised (what f_lineno shows while the exception leaves the frame) */
            _PyFrame_SET_LASTI(f, f->f_blockstack[f->f_iblock - 1].b_handler);
        }
        PyObject *tb = PyException_GetTraceback(exc);
        _PyErr_Restore(tstate, Py_NewRef(Py_TYPE(exc)), exc, tb);
        goto exception_unwind;
    }

    TARGET(END_ASYNC_FOR) {
        /* stack: aiter, previous exception, exception */
        PyObject *exc = TOP();
        if (PyErr_GivenExceptionMatches(exc, PyExc_StopAsyncIteration)) {
            PyTryBlock *b = PyFrame_BlockPop(f);
            (void)b;
            Py_DECREF(POP());
            set_handled(tstate, POP());
            Py_DECREF(POP());  /* the async iterator */
            DISPATCH();
        }
        exc = POP();
        PyObject *tb = PyException_GetTraceback(exc);
        _PyErr_Restore(tstate, Py_NewRef(Py_TYPE(exc)), exc, tb);
        goto exception_unwind;
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(Py_NewRef(PyExc_AssertionError));
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        PyObject *bc;
        if (PyDict_CheckExact(f->f_builtins)) {
            bc = PyDict_GetItemString(f->f_builtins, "__build_class__");
            if (bc == NULL) {
                if (!PyErr_Occurred())
                    PyErr_SetString(PyExc_NameError, "__build_class__ not found");
                goto error;
            }
            Py_INCREF(bc);
        } else {
            bc = PyMapping_GetItemString(f->f_builtins, "__build_class__");
            if (bc == NULL) {
                if (PyErr_ExceptionMatches(PyExc_KeyError))
                    PyErr_SetString(PyExc_NameError, "__build_class__ not found");
                goto error;
            }
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        PyObject *name = GETITEM(names, oparg), *v = POP(), *ns = f->f_locals;
        int err;
        if (ns == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals found when storing %R", name);
            Py_DECREF(v);
            goto error;
        }
        if (PyDict_CheckExact(ns)) err = PyDict_SetItem(ns, name, v);
        else err = PyObject_SetItem(ns, name, v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        PyObject *name = GETITEM(names, oparg), *ns = f->f_locals;
        if (ns == NULL) {
            PyErr_Format(PyExc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (PyObject_DelItem(ns, name) != 0) {
            if (PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                format_exc_check_arg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        PyObject *seq = POP(), **items;
        if (PyTuple_CheckExact(seq) && PyTuple_GET_SIZE(seq) == oparg) {
            items = &PyTuple_GET_ITEM(seq, 0);
            while (oparg--) PUSH(Py_NewRef(items[oparg]));
        } else if (PyList_CheckExact(seq) && PyList_GET_SIZE(seq) == oparg) {
            items = &PyList_GET_ITEM(seq, 0);
            while (oparg--) PUSH(Py_NewRef(items[oparg]));
        } else if (unpack_iterable(tstate, seq, oparg, -1, stack_pointer + oparg)) {
            STACK_SHRINK(-oparg);
        } else {
            Py_DECREF(seq);
            goto error;
        }
        Py_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int totalargs = 1 + (oparg & 0xFF) + (oparg >> 8);
        PyObject *seq = POP();
        if (unpack_iterable(tstate, seq, oparg & 0xFF, oparg >> 8, stack_pointer + totalargs)) {
            stack_pointer += totalargs;
        } else {
            Py_DECREF(seq);
            goto error;
        }
        Py_DECREF(seq);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        PyObject *name = GETITEM(names, oparg), *owner = TOP(), *v = SECOND();
        PyTypeObject *tp = Py_TYPE(owner);
        STACK_SHRINK(2);
        if (co->co_cache != NULL) {
            attr_cache *c = attr_cache_way(store_attr_cache(co, oparg), tp);
            if (c->tp_version == tp->tp_version_tag && c->tp_version != 0) {
                PyObject **slot = (PyObject **)((char *)owner + c->offset);
                if (c->kind == ATTR_SLOT) {
                    PyObject *old = *slot;
                    *slot = v;   /* the stack's reference moves into the slot */
                    Py_XDECREF(old);
                    Py_DECREF(owner);
                    DISPATCH();
                }
                /* a fresh instance's first attribute: give it its values array here (as
                 * 3.11 does at creation), so that this store is a hit too */
                if (c->kind == ATTR_INSTANCE_DICT && *slot == NULL &&
                    _PyObject_InitInstanceValues(tp, slot) < 0) {
                    Py_DECREF(v);
                    Py_DECREF(owner);
                    goto error;
                }
                if (c->kind == ATTR_INSTANCE_DICT && *slot != NULL) {
                    /* same entry as last time: a pointer compare, no hashing.  The slot
                     * holds a dict or the instance's values for its class's shared keys
                     * (dictobject.c), so the hint also appends a fresh object's next
                     * attribute. */
                    if (_PyObject_StoreAttrHint(slot, name, v, c->hint)) {
                        Py_DECREF(owner);   /* the hint hit inline: v's reference stored */
                        DISPATCH();
                    }
                    Py_ssize_t ix = _PyObject_SetAttrHint(slot, name, v, c->hint);
                    Py_DECREF(v);
                    Py_DECREF(owner);
                    if (ix < -1) goto error;
                    if (ix >= 0) c->hint = ix;
                    DISPATCH();
                }
            }
        }
        int err = PyObject_SetAttr(owner, name, v);
        if (err == 0 && tp->tp_setattro == PyObject_GenericSetAttr &&
            !(co->co_cache != NULL && attr_cache_current(store_attr_cache(co, oparg), tp)))
            attr_cache_fill(co, oparg, owner, STORE_ATTR);
        Py_DECREF(v);
        Py_DECREF(owner);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        PyObject *name = GETITEM(names, oparg), *owner = POP();
        int err = PyObject_SetAttr(owner, name, NULL);
        Py_DECREF(owner);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        PyObject *name = GETITEM(names, oparg), *v = POP();
        int err = PyDict_SetItem(f->f_globals, name, v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        PyObject *name = GETITEM(names, oparg);
        if (PyDict_DelItem(f->f_globals, name) != 0) {
            if (PyErr_ExceptionMatches(PyExc_KeyError)) {
                PyErr_Clear();
                format_exc_check_arg(tstate, PyExc_NameError, NAME_ERROR_MSG, name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        PyObject *v = load_name(tstate, f, GETITEM(names, oparg));
        if (v == NULL) goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        PyObject *v;
        global_cache *c = (global_cache *)co->co_cache;
        PyDictObject *g = (PyDictObject *)f->f_globals, *b = (PyDictObject *)f->f_builtins;
        if (c != NULL && (c += oparg)->globals == (PyObject *)g &&
            c->gver == g->ma_version_tag && c->builtins == (PyObject *)b &&
            c->bver == b->ma_version_tag) {
            v = Py_NewRef(c->value);   /* hit: implies both are exact dicts */
        } else {
            v = load_global_cached(tstate, f, oparg);
            if (v == NULL) goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        PyObject *cell = GETLOCAL(co->co_nlocals + oparg);
        PyObject *oldobj = PyCell_GET(cell);
        if (oldobj != NULL) {
            PyCell_SET(cell, NULL);
            Py_DECREF(oldobj);
            DISPATCH();
        }
        format_exc_unbound(tstate, co, oparg);
        goto error;
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(Py_NewRef(GETLOCAL(co->co_nlocals + oparg)));
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        PyObject *name = deref_name(co, oparg), *value, *locals = f->f_locals;
        if (PyDict_CheckExact(locals)) {
            value = PyDict_GetItemWithError(locals, name);
            if (value) Py_INCREF(value);
            else if (PyErr_Occurred()) goto error;
        } else {
            value = PyObject_GetItem(locals, name);
            if (value == NULL) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError)) goto error;
                PyErr_Clear();
            }
        }
        if (!value) {
            PyObject *cell = GETLOCAL(co->co_nlocals + oparg);
            value = PyCell_GET(cell);
            if (value == NULL) {
                format_exc_unbound(tstate, co, oparg);
                goto error;
            }
            Py_INCREF(value);
        }
        PUSH(value);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        PyObject *value = PyCell_GET(GETLOCAL(co->co_nlocals + oparg));
        if (value == NULL) {
            format_exc_unbound(tstate, co, oparg);
            goto error;
        }
        PUSH(Py_NewRef(value));
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        PyObject *v = POP(), *cell = GETLOCAL(co->co_nlocals + oparg);
        PyObject *oldobj = PyCell_GET(cell);
        PyCell_SET(cell, v);
        Py_XDECREF(oldobj);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        /* the empty str is interned once (_Py_ID's table), not made per f-string */
        PyObject *empty = _PyUnicode_FromId("");
        PyObject *str = empty ? _PyUnicode_JoinArray(empty, stack_pointer - oparg, oparg) : NULL;
        if (str == NULL) goto error;
        while (--oparg >= 0) Py_DECREF(POP());
        PUSH(str);
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        PyObject *tup = _PyTuple_FromArraySteal(stack_pointer - oparg, oparg);
        if (tup == NULL) goto error;
        STACK_SHRINK(oparg);
        PUSH(tup);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        PyObject *list = PyList_New(oparg);
        if (list == NULL) goto error;
        while (--oparg >= 0) PyList_SET_ITEM(list, oparg, POP());
        PUSH(list);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        PyObject *list = POP();
        PyObject *tuple = PyList_AsTuple(list);
        Py_DECREF(list);
        if (tuple == NULL) goto error;
        PUSH(tuple);
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        PyObject *iterable = POP(), *list = PEEK(oparg);
        PyObject *none_val = _PyList_Extend((PyListObject *)list, iterable);
        if (none_val == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(iterable)->tp_iter == NULL &&
                !PySequence_Check(iterable)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                             Py_TYPE(iterable)->tp_name);
            }
            Py_DECREF(iterable);
            goto error;
        }
        Py_DECREF(none_val);
        Py_DECREF(iterable);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        PyObject *iterable = POP(), *set = PEEK(oparg);
        int err = _PySet_Update(set, iterable);
        Py_DECREF(iterable);
        if (err < 0) goto error;
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        PyObject *set = PySet_New(NULL);
        int err = set == NULL;
        for (int i = oparg; i > 0; i--) {
            PyObject *item = PEEK(i);
            if (err == 0) err = PySet_Add(set, item);
            Py_DECREF(item);
        }
        STACK_SHRINK(oparg);
        if (err != 0) { Py_XDECREF(set); goto error; }
        PUSH(set);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        PyObject *map = _PyDict_NewPresized((Py_ssize_t)oparg);
        if (map == NULL) goto error;
        for (Py_ssize_t i = oparg; i > 0; i--) {
            if (PyDict_SetItem(map, PEEK(2 * i), PEEK(2 * i - 1)) != 0) {
                Py_DECREF(map);
                goto error;
            }
        }
        while (oparg--) { Py_DECREF(POP()); Py_DECREF(POP()); }
        PUSH(map);
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        PyObject *ann_dict, *key;
        if (f->f_locals == NULL) {
            PyErr_SetString(PyExc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        key = PyUnicode_FromString("__annotations__");
        if (key == NULL) goto error;
        if (PyDict_CheckExact(f->f_locals)) {
            ann_dict = PyDict_GetItemWithError(f->f_locals, key);
            if (ann_dict == NULL) {
                if (PyErr_Occurred()) { Py_DECREF(key); goto error; }
                ann_dict = PyDict_New();
                int err = ann_dict ? PyDict_SetItem(f->f_locals, key, ann_dict) : -1;
                Py_XDECREF(ann_dict);
                if (err != 0) { Py_DECREF(key); goto error; }
            }
        } else {
            ann_dict = PyObject_GetItem(f->f_locals, key);
            if (ann_dict == NULL) {
                if (!PyErr_ExceptionMatches(PyExc_KeyError)) { Py_DECREF(key); goto error; }
                PyErr_Clear();
                ann_dict = PyDict_New();
                int err = ann_dict ? PyObject_SetItem(f->f_locals, key, ann_dict) : -1;
                Py_XDECREF(ann_dict);
                if (err != 0) { Py_DECREF(key); goto error; }
            } else {
                Py_DECREF(ann_dict);
            }
        }
        Py_DECREF(key);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        PyObject *keys = TOP();
        if (!PyTuple_CheckExact(keys) || PyTuple_GET_SIZE(keys) != (Py_ssize_t)oparg) {
            PyErr_SetString(PyExc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        /* one presized table (a str-keys table when every key is an exact str),
         * filled in order: duplicate keys keep the first place and the last value */
        PyObject *map = _PyDict_FromItems(&PyTuple_GET_ITEM(keys, 0), 1,
                                          &PEEK(oparg + 1), 1, (Py_ssize_t)oparg);
        if (map == NULL) goto error;
        Py_DECREF(POP());
        while (oparg--) Py_DECREF(POP());
        PUSH(map);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        PyObject *update = POP(), *dict = PEEK(oparg);
        if (PyDict_Update(dict, update) < 0) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping",
                             Py_TYPE(update)->tp_name);
            }
            Py_DECREF(update);
            goto error;
        }
        Py_DECREF(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        PyObject *update = POP(), *dict = PEEK(oparg);
        if (_PyDict_MergeEx(dict, update, 2) < 0) {
            format_kwargs_error(tstate, PEEK(2 + oparg), update);
            Py_DECREF(update);
            goto error;
        }
        Py_DECREF(update);
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        PyObject *value = TOP(), *key = SECOND();
        STACK_SHRINK(2);
        PyObject *map = PEEK(oparg);
        int err = PyDict_SetItem(map, key, value);
        Py_DECREF(value);
        Py_DECREF(key);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        PyObject *v = POP(), *list = PEEK(oparg);
        int err = PyList_Append(list, v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        PyObject *v = POP(), *set = PEEK(oparg);
        int err = PySet_Add(set, v);
        Py_DECREF(v);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        PyObject *owner = TOP();
        PyTypeObject *tp = Py_TYPE(owner);
        if (co->co_cache != NULL) {
            attr_cache *c = attr_cache_way(load_attr_cache(co, oparg), tp);
            if (c->tp_version == tp->tp_version_tag && c->tp_version != 0) {
                PyObject *v = NULL;
                if (c->kind == ATTR_INSTANCE_DICT) {
                    PyObject *dict = *(PyObject **)((char *)owner + c->offset);
                    if (dict != NULL) {
                        /* the hint checked inline against the slot's own keys (no call);
                         * a miss looks the name up and learns its index */
                        v = _PyDict_AttrHintValue(dict, GETITEM(names, oparg), c->hint);
                        if (v == NULL) {
                            Py_ssize_t ix = _PyDict_GetItemHint((PyDictObject *)dict,
                                                                GETITEM(names, oparg), c->hint, &v);
                            if (ix >= 0) c->hint = ix;
                        }
                    }
                } else if (c->kind == ATTR_SLOT) {
                    v = *(PyObject **)((char *)owner + c->offset);
                } else if (c->kind == ATTR_CLASS) {
                    /* the class's value, unless the instance has the name: not if it
                     * uses the class's keys, unchanged since the name was seen absent */
                    PyObject *dict = c->offset ? *(PyObject **)((char *)owner + c->offset) : NULL;
                    if (dict == NULL || _PyDict_SlotLacksSharedName(dict, c->keys, c->hint))
                        v = c->descr;
                }
                if (v != NULL) {
                    Py_INCREF(v);
                    Py_DECREF(owner);
                    SET_TOP(v);
                    DISPATCH();
                }
                if (_PyErr_Occurred(tstate)) goto error;
            }
        }
        PyObject *res = PyObject_GetAttr(owner, GETITEM(names, oparg));
        if (res != NULL && tp->tp_getattro == PyObject_GenericGetAttr &&
            !(co->co_cache != NULL && attr_cache_current(load_attr_cache(co, oparg), tp)))
            attr_cache_fill(co, oparg, owner, LOAD_ATTR);
        Py_DECREF(owner);
        SET_TOP(res);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        PyObject *obj = TOP(), *meth = NULL;
        PyTypeObject *tp = Py_TYPE(obj);
        if (co->co_cache != NULL) {
            attr_cache *c = attr_cache_way(load_attr_cache(co, oparg), tp);
            if (c->tp_version == tp->tp_version_tag && c->tp_version != 0 &&
                c->kind == ATTR_METHOD) {
                PyObject *dict = c->offset ? *(PyObject **)((char *)obj + c->offset) : NULL;
                /* the instance dict (or values without a dict) may shadow the method;
                 * not if it uses the class's keys, unchanged since the name was seen
                 * absent from them */
                if (dict == NULL || _PyDict_SlotLacksSharedName(dict, c->keys, c->hint) ||
                    (_PyObject_SLOT_HAS_VALUES(dict)
                         ? _PyObject_GetInstanceValue(dict, GETITEM(names, oparg)) == NULL
                         : (PyDict_GET_SIZE(dict) == 0 ||
                            (PyDict_GetItemWithError(dict, GETITEM(names, oparg)) == NULL &&
                             !_PyErr_Occurred(tstate))))) {
                    SET_TOP(Py_NewRef(c->descr));   /* [meth, self] */
                    PUSH(obj);
                    DISPATCH();
                }
                if (_PyErr_Occurred(tstate)) goto error;
            }
        }
        int meth_found = _PyObject_GetMethod(obj, GETITEM(names, oparg), &meth);
        if (meth == NULL) goto error;
        if (meth_found &&
            !(co->co_cache != NULL && attr_cache_current(load_attr_cache(co, oparg), tp) &&
              attr_cache_way(load_attr_cache(co, oparg), tp)->kind == ATTR_METHOD))
            attr_cache_fill(co, oparg, obj, LOAD_METHOD);
        if (meth_found) {
            SET_TOP(meth);   /* [meth, self] */
            PUSH(obj);
        } else {
            SET_TOP(NULL);   /* [NULL, callable] */
            Py_DECREF(obj);
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        PyObject *name = GETITEM(names, oparg), *fromlist = POP(), *level = TOP();
        PyObject *res = _PyEval_ImportName(tstate, f, name, fromlist, level);
        Py_DECREF(level);
        Py_DECREF(fromlist);
        SET_TOP(res);
        if (res == NULL) goto error;
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        PyObject *from = POP();
        if (PyFrame_FastToLocalsWithError(f) < 0) { Py_DECREF(from); goto error; }
        if (f->f_locals == NULL) {
            PyErr_SetString(PyExc_SystemError, "no locals found during 'import *'");
            Py_DECREF(from);
            goto error;
        }
        int err = import_all_from(tstate, f->f_locals, from);
        PyFrame_LocalsToFast(f, 0);
        Py_DECREF(from);
        if (err != 0) goto error;
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        PyObject *from = TOP();
        PyObject *res = import_from(tstate, from, GETITEM(names, oparg));
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(JUMP_FORWARD) {
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_ABSOLUTE) {
        JUMPTO_CHECKED(oparg);
        DISPATCH();
    }

    /* The conditional jumps can close a loop too (jump threading makes them backward,
     * as 3.11's POP_JUMP_BACKWARD_IF_*): JUMPTO_CHECKED polls for signals and GIL drops. */
    TARGET(POP_JUMP_IF_FALSE) {
        PyObject *cond = POP();
        if (Py_IsTrue(cond)) { Py_DECREF(cond); DISPATCH(); }
        if (Py_IsFalse(cond)) { Py_DECREF(cond); JUMPTO_CHECKED(oparg); DISPATCH(); }
        int err = PyObject_IsTrue(cond);
        Py_DECREF(cond);
        if (err < 0) goto error;
        if (err == 0) JUMPTO_CHECKED(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        PyObject *cond = POP();
        if (Py_IsFalse(cond)) { Py_DECREF(cond); DISPATCH(); }
        if (Py_IsTrue(cond)) { Py_DECREF(cond); JUMPTO_CHECKED(oparg); DISPATCH(); }
        int err = PyObject_IsTrue(cond);
        Py_DECREF(cond);
        if (err < 0) goto error;
        if (err > 0) JUMPTO_CHECKED(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        PyObject *value = POP();
        int jump = Py_IsNone(value);
        Py_DECREF(value);
        if (jump) JUMPTO_CHECKED(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        PyObject *value = POP();
        int jump = !Py_IsNone(value);
        Py_DECREF(value);
        if (jump) JUMPTO_CHECKED(oparg);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        PyObject *cond = TOP();
        int err = PyObject_IsTrue(cond);
        if (err < 0) goto error;
        if (err == 0) { JUMPTO(oparg); DISPATCH(); }
        STACK_SHRINK(1);
        Py_DECREF(cond);
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        PyObject *cond = TOP();
        int err = PyObject_IsTrue(cond);
        if (err < 0) goto error;
        if (err > 0) { JUMPTO(oparg); DISPATCH(); }
        STACK_SHRINK(1);
        Py_DECREF(cond);
        DISPATCH();
    }

    TARGET(JUMP_IF_NOT_EXC_MATCH) {
        PyObject *right = POP(), *left = TOP();
        if (check_except_type_valid(tstate, right) < 0) { Py_DECREF(right); goto error; }
        int res = PyErr_GivenExceptionMatches(left, right);
        Py_DECREF(right);
        if (!res) JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        /* [exc, type] -> [rest, match] on a (partial) match, else [exc, None] */
        PyObject *match_type = POP(), *exc_value = TOP();
        if (check_except_star_type_valid(tstate, match_type) < 0) {
            Py_DECREF(match_type);
            goto error;
        }
        PyObject *match = NULL, *rest = NULL;
        int res = exception_group_match(exc_value, match_type, &match, &rest);
        Py_DECREF(match_type);
        if (res < 0) goto error;
        if (Py_IsNone(match)) {
            Py_DECREF(rest);
            PUSH(match);
            DISPATCH();
        }
        Py_DECREF(exc_value);
        SET_TOP(rest);
        PUSH(match);
        set_handled(tstate, Py_NewRef(match));
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        PyObject *excs = POP(), *orig = TOP();
        PyObject *val = _PyExc_PrepReraiseStar(orig, excs);
        Py_DECREF(excs);
        if (val == NULL) goto error;
        Py_DECREF(orig);
        SET_TOP(val);
        DISPATCH();
    }

    TARGET(GET_LEN) {
        Py_ssize_t len_i = PyObject_Length(TOP());
        if (len_i < 0) goto error;
        PyObject *len_o = PyLong_FromSsize_t(len_i);
        if (len_o == NULL) goto error;
        PUSH(len_o);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        int match = Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_MAPPING;
        PUSH(Py_NewRef(match ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        int match = Py_TYPE(TOP())->tp_flags & Py_TPFLAGS_SEQUENCE;
        PUSH(Py_NewRef(match ? Py_True : Py_False));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        /* [subject, keys] -> [subject, keys, values tuple or None] */
        PyObject *values = _PyEval_MatchKeys(tstate, SECOND(), TOP());
        if (values == NULL) goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(COPY_DICT_WITHOUT_KEYS) {
        /* [subject, keys] -> [subject, rest] */
        PyObject *keys = TOP(), *subject = SECOND();
        PyObject *rest = PyDict_New();
        if (rest == NULL || PyDict_Update(rest, subject) < 0) { Py_XDECREF(rest); goto error; }
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(keys); i++) {
            if (PyDict_DelItem(rest, PyTuple_GET_ITEM(keys, i)) < 0) {
                Py_DECREF(rest);
                goto error;
            }
        }
        Py_DECREF(keys);
        SET_TOP(rest);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        /* [subject, type, names] -> attrs tuple or None */
        PyObject *kwnames = POP(), *type = POP(), *subject = TOP();
        PyObject *attrs = _PyEval_MatchClass(tstate, subject, type, oparg, kwnames);
        Py_DECREF(kwnames);
        Py_DECREF(type);
        if (attrs == NULL) goto error;
        Py_DECREF(subject);
        SET_TOP(attrs);
        DISPATCH();
    }

    TARGET(GET_ITER) {
        PyObject *iterable = TOP();
        PyObject *iter = PyObject_GetIter(iterable);
        Py_DECREF(iterable);
        SET_TOP(iter);
        if (iter == NULL) goto error;
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        PyObject *iterable = TOP(), *iter;
        if (PyCoro_CheckExact(iterable)) {
            if (!(co->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
                PyErr_SetString(PyExc_TypeError, "cannot 'yield from' a coroutine object "
                                "in a non-coroutine generator");
                goto error;
            }
        } else if (!PyGen_CheckExact(iterable)) {
            iter = PyObject_GetIter(iterable);
            Py_DECREF(iterable);
            SET_TOP(iter);
            if (iter == NULL) goto error;
        }
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        PyObject *iter = TOP(), *next;
        /* list and range iterators stepped inline (3.11's FOR_ITER_LIST/_RANGE);
         * exhausting them sets no exception, as their tp_iternext */
        if (Py_IS_TYPE(iter, &PyListIter_Type)) {
            _PyListIterObject *it = (_PyListIterObject *)iter;
            PyListObject *seq = it->it_seq;
            if (seq != NULL) {
                if (it->it_index < PyList_GET_SIZE(seq)) {
                    PUSH(Py_NewRef(PyList_GET_ITEM(seq, it->it_index++)));
                    DISPATCH();
                }
                it->it_seq = NULL;
                Py_DECREF(seq);
            }
            goto for_iter_end;
        }
        if (Py_IS_TYPE(iter, &PyRangeIter_Type)) {
            _PyRangeIterObject *r = (_PyRangeIterObject *)iter;
            if (r->index < r->len) {
                /* unsigned: wraps exactly where the true value fits in a long */
                unsigned long v = (unsigned long)r->start +
                                  (unsigned long)r->index * (unsigned long)r->step;
                r->index++;
                next = small_int_result((long)v);
                if (next == NULL) goto error;
                PUSH(next);
                DISPATCH();
            }
            goto for_iter_end;
        }
        next = (*Py_TYPE(iter)->tp_iternext)(iter);
        if (next != NULL) {
            PUSH(next);
            DISPATCH();
        }
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_StopIteration)) goto error;
            if (tstate->c_tracefunc != NULL) {
                f->f_stackdepth = STACK_LEVEL();
                call_exc_trace(tstate->c_tracefunc, tstate->c_traceobj, tstate, f);
                f->f_stackdepth = -1;
            }
            PyErr_Clear();
        }
    for_iter_end:
        STACK_SHRINK(1);
        Py_DECREF(iter);
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        PyObject *mgr = TOP(), *res;
        /* special-method lookup on the type, as 3.11 (an instance attribute is ignored) */
        PyObject *enter = _PyObject_LookupSpecial(mgr, _Py_ID(__aenter__));
        if (enter == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                             "asynchronous context manager protocol", Py_TYPE(mgr)->tp_name);
            }
            goto error;
        }
        PyObject *exit = _PyObject_LookupSpecial(mgr, _Py_ID(__aexit__));
        if (exit == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                             "asynchronous context manager protocol (missed __aexit__ method)",
                             Py_TYPE(mgr)->tp_name);
            }
            Py_DECREF(enter);
            goto error;
        }
        SET_TOP(exit);
        Py_DECREF(mgr);
        res = PyObject_CallNoArgs(enter);
        Py_DECREF(enter);
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(SETUP_ASYNC_WITH) {
        PyObject *res = POP();
        PyFrame_BlockSetup(f, SETUP_FINALLY, INSTR_OFFSET() + oparg, STACK_LEVEL());
        PUSH(res);
        DISPATCH();
    }

    TARGET(SETUP_FINALLY) {
        PyFrame_BlockSetup(f, SETUP_FINALLY, INSTR_OFFSET() + oparg, STACK_LEVEL());
        DISPATCH();
    }

    TARGET(SETUP_WITH) {
        PyObject *mgr = TOP(), *res;
        /* special-method lookup on the type, as 3.11 (an instance attribute is ignored) */
        PyObject *enter = _PyObject_LookupSpecial(mgr, _Py_ID(__enter__));
        if (enter == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                             "context manager protocol", Py_TYPE(mgr)->tp_name);
            }
            goto error;
        }
        PyObject *exit = _PyObject_LookupSpecial(mgr, _Py_ID(__exit__));
        if (exit == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the "
                             "context manager protocol (missed __exit__ method)",
                             Py_TYPE(mgr)->tp_name);
            }
            Py_DECREF(enter);
            goto error;
        }
        SET_TOP(exit);
        Py_DECREF(mgr);
        res = PyObject_CallNoArgs(enter);
        Py_DECREF(enter);
        if (res == NULL) goto error;
        PyFrame_BlockSetup(f, SETUP_FINALLY, INSTR_OFFSET() + oparg, STACK_LEVEL());
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        /* [exit, prev_exc, exc] -> push exit(type, exc, tb) */
        PyObject *exc = TOP(), *exit_func = THIRD();
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *stack[3] = { (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None };
        PyObject *res = PyObject_Vectorcall(exit_func, stack, 3, NULL);
        Py_XDECREF(tb);
        if (res == NULL) goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(CALL_METHOD) {
        /* [meth, self, args...] or [NULL, callable, args...] */
        PyObject *meth = PEEK(oparg + 2);
        int is_meth = meth != NULL;
        int nargs = oparg + is_meth;
        PyObject **args = stack_pointer - nargs;
        PyObject *callable = is_meth ? meth : PEEK(oparg + 1);
        if (PyFunction_Check(callable)) goto call_python;
        PyObject *res = NULL;
        int done = !tstate->use_tracing;
        if (PyType_Check(callable) && !ll_dxp) {
            int r = prepare_init_call(callable, &init_self, &init_func);
            if (r > 0) goto call_python;
            if (r < 0) done = 1;
        }
        if (done) res = call_builtin_fast(tstate, callable, args, nargs, &done);
        if (!done)
            res = vectorcall_maybe_traced(tstate, callable, args,
                                          (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        for (int i = 0; i < oparg + 2; i++) { PyObject *o = POP(); Py_XDECREF(o); }
        PUSH(res);
        if (res == NULL) goto error;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_METHOD_KW) {
        PyObject *kwnames = POP();
        PyObject *meth = PEEK(oparg + 2);
        int is_meth = meth != NULL;
        int nargs = oparg + is_meth;
        PyObject **args = stack_pointer - nargs;
        PyObject *callable = is_meth ? meth : PEEK(oparg + 1);
        if (PyFunction_Check(callable)) { call_kwnames = kwnames; goto call_python; }
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        PyObject *res = NULL;
        int r = 0;
        if (PyType_Check(callable) && !ll_dxp) {
            r = prepare_init_call(callable, &init_self, &init_func);
            if (r > 0) { call_kwnames = kwnames; goto call_python; }
        }
        if (r == 0)
            res = vectorcall_maybe_traced(tstate, callable, args,
                                          (size_t)(nargs - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                          kwnames);
        Py_DECREF(kwnames);
        for (int i = 0; i < oparg + 2; i++) { PyObject *o = POP(); Py_XDECREF(o); }
        PUSH(res);
        if (res == NULL) goto error;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION) {
        PyObject **args = stack_pointer - oparg;
        PyObject *callable = args[-1];
        if (PyFunction_Check(callable)) goto call_python;
        PyObject *res = NULL;
        int done = !tstate->use_tracing;
        if (PyType_Check(callable) && !ll_dxp) {
            int r = prepare_init_call(callable, &init_self, &init_func);
            if (r > 0) goto call_python;
            if (r < 0) done = 1;
        }
        if (done) res = call_builtin_fast(tstate, callable, args, oparg, &done);
        if (!done)
            res = vectorcall_maybe_traced(tstate, callable, args,
                                          (size_t)oparg | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        while (stack_pointer > args - 1) { PyObject *o = POP(); Py_DECREF(o); }
        PUSH(res);
        if (res == NULL) goto error;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_KW) {
        PyObject *kwnames = POP();
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        PyObject **args = stack_pointer - oparg;
        PyObject *callable = args[-1];
        if (PyFunction_Check(callable)) { call_kwnames = kwnames; goto call_python; }
        PyObject *res = NULL;
        int r = 0;
        if (PyType_Check(callable) && !ll_dxp) {
            r = prepare_init_call(callable, &init_self, &init_func);
            if (r > 0) { call_kwnames = kwnames; goto call_python; }
        }
        if (r == 0)
            res = vectorcall_maybe_traced(tstate, callable, args,
                                          (size_t)(oparg - nkw) | PY_VECTORCALL_ARGUMENTS_OFFSET,
                                          kwnames);
        Py_DECREF(kwnames);
        while (stack_pointer > args - 1) { PyObject *o = POP(); Py_DECREF(o); }
        PUSH(res);
        if (res == NULL) goto error;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        PyObject *func, *callargs, *kwargs = NULL, *result;
        if (oparg & 0x01) {
            kwargs = POP();
            if (!PyDict_CheckExact(kwargs)) {
                PyObject *d = PyDict_New();
                if (d == NULL) goto error;
                if (_PyDict_MergeEx(d, kwargs, 2) < 0) {
                    Py_DECREF(d);
                    format_kwargs_error(tstate, SECOND(), kwargs);
                    Py_DECREF(kwargs);
                    goto error;
                }
                Py_DECREF(kwargs);
                kwargs = d;
            }
        }
        callargs = POP();
        func = TOP();
        if (!PyTuple_CheckExact(callargs)) {
            if (Py_TYPE(callargs)->tp_iter == NULL && !PySequence_Check(callargs)) {
                PyObject *funcstr = _PyObject_FunctionStr(func);
                if (funcstr != NULL) {
                    PyErr_Format(PyExc_TypeError,
                                 "%U argument after * must be an iterable, not %.200s",
                                 funcstr, Py_TYPE(callargs)->tp_name);
                    Py_DECREF(funcstr);
                }
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                goto error;
            }
            Py_SETREF(callargs, PySequence_Tuple(callargs));
            if (callargs == NULL) { Py_XDECREF(kwargs); goto error; }
        }
        if (PyFunction_Check(func) && !ll_dxp &&
            !(((PyCodeObject *)((PyFunctionObject *)func)->func_code)->co_flags &
              (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR))) {
            /* A Python function: bind f(*args, **kw) into a new frame, no C recursion. */
            nf = make_frame_ex(tstate, (PyFunctionObject *)func, callargs,
                                              kwargs);
            if (nf != (PyFrameObject *)Py_None) {
                Py_DECREF(callargs);
                Py_XDECREF(kwargs);
                PyObject *o = POP();  /* func */
                Py_DECREF(o);
                if (nf == NULL) goto error;
                goto enter_frame_nf;
            }
        }
        result = do_call_ex(tstate, func, callargs, kwargs);
        Py_DECREF(func);
        Py_DECREF(callargs);
        Py_XDECREF(kwargs);
        SET_TOP(result);
        if (result == NULL) goto error;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        PyObject *codeobj = POP();
        PyFunctionObject *func = (PyFunctionObject *)PyFunction_NewWithQualName(
            codeobj, f->f_globals, ((PyCodeObject *)codeobj)->co_qualname);
        Py_DECREF(codeobj);
        if (func == NULL) goto error;
        if (oparg & MAKE_FUNCTION_CLOSURE) func->func_closure = POP();
        if (oparg & MAKE_FUNCTION_ANNOTATIONS) func->func_annotations = POP();
        if (oparg & MAKE_FUNCTION_KWDEFAULTS) func->func_kwdefaults = POP();
        if (oparg & MAKE_FUNCTION_DEFAULTS) func->func_defaults = POP();
        PUSH((PyObject *)func);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        PyObject *start, *stop, *step = NULL, *slice;
        if (oparg == 3) step = POP();
        stop = POP();
        start = TOP();
        slice = PySlice_New(start, stop, step);
        Py_DECREF(start);
        Py_DECREF(stop);
        Py_XDECREF(step);
        SET_TOP(slice);
        if (slice == NULL) goto error;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        PyObject *result, *fmt_spec = (oparg & FVS_MASK) == FVS_HAVE_SPEC ? POP() : NULL;
        PyObject *value = POP();
        PyObject *(*conv_fn)(PyObject *) = NULL;
        switch (oparg & FVC_MASK) {
        case FVC_STR: conv_fn = PyObject_Str; break;
        case FVC_REPR: conv_fn = PyObject_Repr; break;
        case FVC_ASCII: conv_fn = PyObject_ASCII; break;
        default: break;
        }
        if (conv_fn != NULL) {
            result = conv_fn(value);
            Py_DECREF(value);
            if (result == NULL) { Py_XDECREF(fmt_spec); goto error; }
            value = result;
        }
        if (PyUnicode_CheckExact(value) && fmt_spec == NULL) {
            result = value;
        } else {
            result = PyObject_Format(value, fmt_spec);
            Py_DECREF(value);
            Py_XDECREF(fmt_spec);
            if (result == NULL) goto error;
        }
        PUSH(result);
        DISPATCH();
    }

#if USE_COMPUTED_GOTOS
    unknown_opcode:
#endif
    default:
        fprintf(stderr, "XXX lineno: %d, opcode: %d\n", PyFrame_GetLineNumber(f), opcode);
        PyErr_SetString(PyExc_SystemError, "unknown opcode");
        goto error;
    } /* switch */

    Py_UNREACHABLE();

    /* ---- Python-to-Python call: push a frame, continue in this loop ---- */
    /* a class call failed before its __init__ frame was entered: give back the instance
     * and the recursion level taken for the class call */
#define DROP_INIT_SELF() do { \
        if (init_self != NULL) { Py_CLEAR(init_self); tstate->recursion_depth--; } \
    } while (0)
call_python: {
        /* Stack: CALL_FUNCTION[_KW]: [func, args...]; CALL_METHOD[_KW]: [func, self,
         * args...] or [NULL, func, args...].  The _KW forms already popped their
         * keyword names into call_kwnames (owned); the last len(kwnames) args are the
         * keyword values. */
        int nargs, below;
        PyObject **args;
        PyObject *kwnames = call_kwnames;
        Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
        call_kwnames = NULL;
        if (opcode == CALL_FUNCTION || opcode == CALL_FUNCTION_KW) {
            nargs = oparg;
            below = 1;
        } else {
            int is_meth = PEEK(oparg + 2) != NULL;
            nargs = oparg + is_meth;
            below = is_meth ? 1 : 2;
        }
        args = stack_pointer - nargs;
        nargs -= (int)nkw;
        PyFunctionObject *func = (PyFunctionObject *)args[-1];
        PyObject *res;
        if (init_self != NULL) {
            /* A class call.  3.11 counts it as two levels of recursion: the call of the
             * class (_PyObject_MakeTpCall's check, with its message), then the __init__
             * frame; the first is given back when the frame returns (init_return). */
            if (enter_recursive_call(tstate, " while calling a Python object") < 0) {
                Py_CLEAR(init_self);
                Py_XDECREF(kwnames);
                res = NULL;
                goto call_python_done;
            }
            /* The instance takes the class's slot and becomes __init__'s first argument
             * (the instance keeps the class alive, and with it init_func). */
            func = (PyFunctionObject *)init_func;
            Py_SETREF(args[-1], Py_NewRef(init_self));
            args--;
            nargs++;
            below--;
        }
        PyCodeObject *fco = (PyCodeObject *)func->func_code;
        if (fco->co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) || ll_dxp) {
            res = _PyEval_Vector(tstate, (PyObject *)func, NULL, args, (size_t)nargs, kwnames);
            Py_XDECREF(kwnames);
        } else if (kwnames == NULL && nargs == fco->co_argcount &&
                   fco->co_kwonlyargcount == 0 && fco->co_ncellvars == 0 &&
                   (fco->co_flags & (CO_VARARGS | CO_VARKEYWORDS | CO_OPTIMIZED)) == CO_OPTIMIZED) {
            /* Exact positional call of a simple function: move the arguments from
             * the stack into the new frame (no incref/decref per argument). */
            nf = _PyFrame_NewCall(fco, func->func_globals, func->func_builtins, args, nargs);
            if (nf == NULL) { DROP_INIT_SELF(); goto error; }
            PyObject **lp = nf->f_localsplus;
            for (int i = 0; i < fco->co_nfreevars; i++)
                lp[fco->co_nlocals + i] = Py_NewRef(PyTuple_GET_ITEM(func->func_closure, i));
            stack_pointer = args;
            while (stack_pointer > args - below) { PyObject *o = POP(); Py_XDECREF(o); }
            goto enter_frame_nf;   /* untracked while it runs: see make_function_frame */
        } else {
            nf = make_function_frame(tstate, func, NULL, args, nargs, kwnames);
            Py_XDECREF(kwnames);
            for (PyObject **p = args - below; stack_pointer > p;) {
                PyObject *o = POP();
                Py_XDECREF(o);
            }
            if (nf == NULL) { DROP_INIT_SELF(); goto error; }
        enter_frame_nf:
            /* Suspend the caller and enter the callee. */
            nf->f_init_self = init_self;  /* NULL unless a class call */
            init_self = NULL;
            f->f_stackdepth = STACK_LEVEL();
            nf->f_back = (PyFrameObject *)Py_NewRef(f);
            nf->f_is_entry = 0;
            if (++tstate->recursion_depth > tstate->interp->recursion_limit &&
                _Py_CheckRecursiveCall(tstate, "") < 0) {
                if (nf->f_init_self != NULL) tstate->recursion_depth--;
                Py_DECREF(nf);
                goto error;
            }
            tstate->frame = nf;
            f = nf;
            goto resume_frame;
        }
    call_python_done:
        for (PyObject **p = args - below; stack_pointer > p;) {
            PyObject *o = POP();
            Py_XDECREF(o);
        }
        PUSH(res);
        if (res == NULL) goto error;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

error:
    if (!PyErr_Occurred())
        PyErr_SetString(PyExc_SystemError, "error return without exception set");
    PyTraceBack_Here(f);
    if (tstate->c_tracefunc != NULL) {
        f->f_stackdepth = STACK_LEVEL();
        call_exc_trace(tstate->c_tracefunc, tstate->c_traceobj, tstate, f);
        f->f_stackdepth = -1;
    }

exception_unwind:
    f->f_state = FRAME_UNWINDING;
    while (f->f_iblock > 0) {
        PyTryBlock *b = &f->f_blockstack[--f->f_iblock];
        if (b->b_type == EXCEPT_HANDLER) {
            /* leaving a handler: drop its values, restore the previous exception */
            while (STACK_LEVEL() > b->b_level + 1) { PyObject *v = POP(); Py_XDECREF(v); }
            set_handled(tstate, POP());
            continue;
        }
        while (STACK_LEVEL() > b->b_level) { PyObject *v = POP(); Py_XDECREF(v); }
        /* SETUP_FINALLY (also with/async with): enter the handler */
        PyObject *exc = _PyErr_GetRaisedException(tstate);
        int handler = b->b_handler;  /* read before the slot is reused just below */
        PyFrame_BlockSetup(f, EXCEPT_HANDLER, _PyFrame_LASTI(f), STACK_LEVEL());
        PUSH(Py_NewRef(get_handled(tstate)));
        PUSH(exc);
        set_handled(tstate, Py_NewRef(exc));
        JUMPTO(handler);
        f->f_state = FRAME_EXECUTING;
        DISPATCH();
    }
    while (STACK_LEVEL() > 0) { PyObject *v = POP(); Py_XDECREF(v); }
    f->f_state = FRAME_RAISED;
    f->f_stackdepth = 0;
    retval = NULL;
    if (Py_UNLIKELY(tstate->use_tracing)) trace_function_exit(tstate, f, NULL);
    goto exiting;

exit_unwind:
    /* leave the frame with the exception set, without looking for handlers */
    while (STACK_LEVEL() > 0) { PyObject *v = POP(); Py_XDECREF(v); }
    f->f_iblock = 0;
    f->f_state = FRAME_RAISED;
    f->f_stackdepth = 0;
    retval = NULL;

exiting:
    if (Py_UNLIKELY(lltrace)) lltrace_stack(f, f->f_valuestack + (f->f_stackdepth > 0 ? f->f_stackdepth : 0), 1);
    tstate->recursion_depth--;
    if (f != entry_frame) {
        /* Return (or raise) into the caller frame of this same loop. */
        PyFrameObject *caller = f->f_back;
        PyObject *self = f->f_init_self;
        tstate->frame = caller;
        if (self != NULL) {
            f->f_init_self = NULL;
            tstate->recursion_depth--;  /* the class call's level (see call_python) */
            retval = init_return(retval, self);
        }
        release_frame(f);
        f = caller;
        co = f->f_code;
        first_instr = _PyCode_CODE(co);
        next_instr = f->f_instr;
        stack_pointer = f->f_valuestack + f->f_stackdepth;
        f->f_stackdepth = -1;
        f->f_state = FRAME_EXECUTING;
        consts = co->co_consts;
        names = co->co_names;
        UPDATE_LLTRACE();
        ll_dxp = lltrace || dxp_counts != NULL;
        instrumented = ll_dxp | tstate->use_tracing;
        SET_TARGETS();
        if (retval == NULL) goto error;
        PUSH(retval);
        retval = NULL;
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }
    tstate->frame = saved_frame;
    if (f->f_gen != NULL) Py_CLEAR(f->f_back); /* a suspended generator has no caller */
    return retval;
}

/* ---- structural pattern matching helpers (MATCH_KEYS, MATCH_CLASS) ---- */

/* values of keys in the mapping subject as a tuple, or None if one is missing. */
PyObject *_PyEval_MatchKeys(PyThreadState *tstate, PyObject *map, PyObject *keys)
{
    Py_ssize_t nkeys = PyTuple_GET_SIZE(keys);
    if (!nkeys) return PyTuple_New(0);
    PyObject *get = NULL, *seen = NULL, *values = NULL;
    PyObject *dummy = PyObject_New(PyObject, &PyBaseObject_Type);
    if (dummy == NULL) return NULL;
    get = PyObject_GetAttrString(map, "get");
    if (get == NULL) goto fail;
    seen = PySet_New(NULL);
    if (seen == NULL) goto fail;
    values = PyList_New(0);
    if (values == NULL) goto fail;
    for (Py_ssize_t i = 0; i < nkeys; i++) {
        PyObject *key = PyTuple_GET_ITEM(keys, i);
        if (PySet_Contains(seen, key) || PySet_Add(seen, key)) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        PyObject *args[2] = { key, dummy };
        PyObject *value = PyObject_Vectorcall(get, args, 2, NULL);
        if (value == NULL) goto fail;
        if (value == dummy) {
            Py_DECREF(value);
            Py_DECREF(values);
            values = Py_NewRef(Py_None);
            goto done;
        }
        PyList_Append(values, value);
        Py_DECREF(value);
    }
    Py_SETREF(values, PyList_AsTuple(values));
done:
    Py_DECREF(get);
    Py_DECREF(seen);
    Py_DECREF(dummy);
    return values;
fail:
    Py_XDECREF(get);
    Py_XDECREF(seen);
    Py_XDECREF(values);
    Py_DECREF(dummy);
    return NULL;
}

static PyObject *match_class_attr(PyThreadState *tstate, PyObject *subject, PyObject *type,
                                  PyObject *name, PyObject *seen)
{
    if (PySet_Contains(seen, name) || PySet_Add(seen, name)) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                         ((PyTypeObject *)type)->tp_name, name);
        return NULL;
    }
    PyObject *attr = PyObject_GetAttr(subject, name);
    if (attr == NULL && PyErr_ExceptionMatches(PyExc_AttributeError)) PyErr_Clear();
    return attr;
}

/* Attributes of subject for a class pattern: tuple, None when it does not match. */
PyObject *_PyEval_MatchClass(PyThreadState *tstate, PyObject *subject, PyObject *type,
                             Py_ssize_t nargs, PyObject *kwargs)
{
    if (!PyType_Check(type)) {
        PyErr_Format(PyExc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    if (PyObject_IsInstance(subject, type) <= 0) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    PyObject *seen = PySet_New(NULL), *attrs = PyList_New(0), *match_args = NULL;
    if (!seen || !attrs) goto fail;
    int match_self = 0;
    if (nargs) {
        PyObject *ma_name = PyUnicode_FromString("__match_args__");
        int r = ma_name ? _PyObject_LookupAttr(type, ma_name, &match_args) : -1;
        Py_XDECREF(ma_name);
        if (r < 0) goto fail;
        if (match_args) {
            if (!PyTuple_CheckExact(match_args)) {
                PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                             ((PyTypeObject *)type)->tp_name, Py_TYPE(match_args)->tp_name);
                goto fail;
            }
        } else {
            match_args = PyTuple_New(0);
            if (!match_args) goto fail;
            /* builtins like int match themselves positionally */
            unsigned long flags = ((PyTypeObject *)type)->tp_flags;
            match_self = (flags & (Py_TPFLAGS_LONG_SUBCLASS | Py_TPFLAGS_LIST_SUBCLASS |
                                   Py_TPFLAGS_TUPLE_SUBCLASS | Py_TPFLAGS_BYTES_SUBCLASS |
                                   Py_TPFLAGS_UNICODE_SUBCLASS | Py_TPFLAGS_DICT_SUBCLASS)) != 0 ||
                         type == (PyObject *)&PyBool_Type || type == (PyObject *)&PyFloat_Type ||
                         type == (PyObject *)&PyByteArray_Type ||
                         type == (PyObject *)&PySet_Type || type == (PyObject *)&PyFrozenSet_Type;
        }
        Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
        if (allowed < nargs) {
            PyErr_Format(PyExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)",
                         ((PyTypeObject *)type)->tp_name, allowed, allowed == 1 ? "" : "s", nargs);
            goto fail;
        }
        if (match_self) {
            PyList_Append(attrs, subject);
        } else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings "
                                 "(got %s)", Py_TYPE(name)->tp_name);
                    goto fail;
                }
                PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
                if (attr == NULL) goto none_or_fail;
                PyList_Append(attrs, attr);
                Py_DECREF(attr);
            }
        }
        Py_CLEAR(match_args);
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwargs); i++) {
        PyObject *name = PyTuple_GET_ITEM(kwargs, i);
        PyObject *attr = match_class_attr(tstate, subject, type, name, seen);
        if (attr == NULL) goto none_or_fail;
        PyList_Append(attrs, attr);
        Py_DECREF(attr);
    }
    Py_DECREF(seen);
    Py_SETREF(attrs, PyList_AsTuple(attrs));
    return attrs;
none_or_fail:
    Py_XDECREF(match_args);
    Py_DECREF(seen);
    Py_DECREF(attrs);
    if (PyErr_Occurred()) return NULL;
    Py_RETURN_NONE;
fail:
    Py_XDECREF(match_args);
    Py_XDECREF(seen);
    Py_XDECREF(attrs);
    return NULL;
}

/* ---- slice index helpers (used by BUILD_SLICE users and sliceobject.c) ---- */

int _PyEval_SliceIndex(PyObject *v, Py_ssize_t *pi)
{
    if (!Py_IsNone(v)) {
        Py_ssize_t x;
        if (PyIndex_Check(v)) {
            x = PyNumber_AsSsize_t(v, NULL);
            if (x == -1 && PyErr_Occurred()) return 0;
        } else {
            PyErr_SetString(PyExc_TypeError, "slice indices must be integers or "
                            "None or have an __index__ method");
            return 0;
        }
        *pi = x;
    }
    return 1;
}

int _PyEval_SliceIndexNotNone(PyObject *v, Py_ssize_t *pi)
{
    Py_ssize_t x;
    if (PyIndex_Check(v)) {
        x = PyNumber_AsSsize_t(v, NULL);
        if (x == -1 && PyErr_Occurred()) return 0;
    } else {
        PyErr_SetString(PyExc_TypeError, "slice indices must be integers or "
                        "have an __index__ method");
        return 0;
    }
    *pi = x;
    return 1;
}
