/* genobject.c — generators (and, sharing the same machinery, coroutines): a suspended
 * frame resumed by send()/throw()/close().  Owner: compiler-vm.  The frame runs in
 * src/vm/ceval.c (_PyEval_EvalFrame); YIELD_VALUE/YIELD_FROM suspend it.
 * Async generators: __anext__()/asend() and athrow()/aclose() return awaitables
 * (async_generator_asend/_athrow) that drive the frame; the first of them calls the
 * thread's sys.set_asyncgen_hooks firstiter hook and keeps its finalizer for tp_finalize. */
#include "Python.h"
#include "opcode.h"

/* throw() into a generator that is handling an exception: the thrown one gets it as
 * __context__ (3.11's _PyErr_ChainStackItem), before the frame resumes. */
static void chain_thrown(PyThreadState *tstate)
{
    PyObject *typ, *val, *tb;
    _PyErr_Fetch(tstate, &typ, &val, &tb);
    _PyErr_NormalizeException(tstate, &typ, &val, &tb);
    if (val != NULL && tb != NULL && PyExceptionInstance_Check(val))
        PyException_SetTraceback(val, tb);
    _PyErr_SetObject(tstate, typ, val);   /* chains the handled exception */
    Py_XDECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
}

static PyObject *gen_send_ex(PyGenObject *gen, PyObject *arg, int exc, int closing);

/* ---- creation ---- */

static PyObject *make_gen(PyTypeObject *type, PyFrameObject *f, PyObject *name,
                          PyObject *qualname)
{
    PyGenObject *gen = PyObject_GC_New(PyGenObject, type);
    if (gen == NULL) { Py_DECREF(f); return NULL; }
    gen->gi_frame = f;  /* steals */
    f->f_gen = (PyObject *)gen;
    gen->gi_code = Py_NewRef(f->f_code);
    gen->gi_weakreflist = NULL;
    gen->gi_exc_state.exc_type = NULL;
    gen->gi_exc_state.exc_value = NULL;
    gen->gi_exc_state.exc_traceback = NULL;
    gen->gi_exc_state.previous_item = NULL;
    gen->gi_name = Py_NewRef(name ? name : f->f_code->co_name);
    gen->gi_qualname = Py_NewRef(qualname ? qualname : gen->gi_name);
    gen->gi_origin_or_finalizer = NULL;
    gen->gi_hooks_inited = 0;
    gen->gi_closed = 0;
    gen->gi_running_async = 0;
    PyObject_GC_Track(gen);
    return (PyObject *)gen;
}

PyObject *PyGen_NewWithQualName(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return make_gen(&PyGen_Type, f, name, qualname);
}

PyObject *PyGen_New(PyFrameObject *f) { return make_gen(&PyGen_Type, f, NULL, NULL); }

/* cr_origin: ((filename, lineno, funcname), ...) for up to depth frames from the creating
 * frame outwards (the innermost first), as 3.11's compute_cr_origin. */
static PyObject *compute_cr_origin(int depth, PyFrameObject *creator)
{
    int count = 0;
    for (PyFrameObject *f = creator; f != NULL && count < depth; f = f->f_back) count++;
    PyObject *origin = PyTuple_New(count);
    if (origin == NULL) return NULL;
    PyFrameObject *f = creator;
    for (int i = 0; i < count; i++, f = f->f_back) {
        PyObject *info = Py_BuildValue("OiO", f->f_code->co_filename, PyFrame_GetLineNumber(f),
                                       f->f_code->co_name);
        if (info == NULL) {
            Py_DECREF(origin);
            return NULL;
        }
        PyTuple_SET_ITEM(origin, i, info);
    }
    return origin;
}

/* A coroutine records where it was created when sys.set_coroutine_origin_tracking_depth()
 * asked for it: the frames calling its function (the running frame, as f is not run yet). */
PyObject *PyCoro_New(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    PyObject *coro = make_gen(&PyCoro_Type, f, name, qualname);
    PyThreadState *tstate = _PyThreadState_GET();
    if (coro == NULL || tstate->coroutine_origin_tracking_depth <= 0) return coro;
    PyFrameObject *creator = tstate->frame == f ? f->f_back : tstate->frame;
    PyObject *origin = compute_cr_origin(tstate->coroutine_origin_tracking_depth, creator);
    if (origin == NULL) {
        Py_DECREF(coro);
        return NULL;
    }
    ((PyCoroObject *)coro)->cr_origin_or_finalizer = origin;
    return coro;
}

PyObject *PyAsyncGen_New(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    return make_gen(&PyAsyncGen_Type, f, name, qualname);
}

PyObject *_Py_MakeCoro(PyFrameObject *f, PyObject *name, PyObject *qualname)
{
    int flags = f->f_code->co_flags;
    if (flags & CO_COROUTINE) return PyCoro_New(f, name, qualname);
    if (flags & CO_ASYNC_GENERATOR) return PyAsyncGen_New(f, name, qualname);
    return PyGen_NewWithQualName(f, name, qualname);
}

/* ---- StopIteration plumbing ---- */

int _PyGen_SetStopIterationValue(PyObject *value)
{
    if (value == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
        return 0;
    }
    /* wrap so that a tuple or exception value is not unpacked */
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e == NULL) return -1;
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return 0;
}

int _PyGen_FetchStopIterationValue(PyObject **pvalue)
{
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *exc = PyErr_GetRaisedException();
        value = PyObject_GetAttrString(exc, "value");
        Py_DECREF(exc);
        if (value == NULL) return -1;
    } else if (PyErr_Occurred()) {
        return -1;
    }
    if (value == NULL) value = Py_NewRef(Py_None);
    *pvalue = value;
    return 0;
}

static int gen_is_finished(PyGenObject *gen)
{
    return gen->gi_frame == NULL || gen->gi_frame->f_state >= FRAME_RETURNED;
}

static const char *gen_kind(PyGenObject *gen)
{
    if (PyCoro_CheckExact(gen)) return "coroutine";
    if (PyAsyncGen_CheckExact(gen)) return "async generator";
    return "generator";
}

/* ---- resuming ---- */

/* Resume gen.  iternext: the caller is the iteration protocol (tp_iternext), where
 * exhaustion (a plain return, or return None) is NULL with no exception set: raising and
 * then clearing a StopIteration would cost an exception object per exhausted generator. */
static PyObject *gen_send_ex2(PyGenObject *gen, PyObject *arg, int exc, int closing,
                              int iternext)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyFrameObject *f = gen->gi_frame;
    PyObject *result;

    if (f != NULL && f->f_state == FRAME_EXECUTING) {
        PyErr_Format(PyExc_ValueError, "%s already executing", gen_kind(gen));
        return NULL;
    }
    if (gen_is_finished(gen)) {
        if (PyCoro_CheckExact(gen) && !closing) {
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {
            PyErr_SetNone(PyAsyncGen_CheckExact(gen) ? PyExc_StopAsyncIteration
                                                     : PyExc_StopIteration);
        }
        return NULL;
    }
    if (f->f_state == FRAME_CREATED) {
        if (arg && arg != Py_None && !exc) {
            PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started %s",
                         gen_kind(gen));
            return NULL;
        }
    } else if (!exc) {
        /* the sent value becomes the result of the yield expression */
        f->f_valuestack[f->f_stackdepth++] = Py_NewRef(arg ? arg : Py_None);
    }
    /* the generator's handled-exception state is pushed on the thread's chain */
    gen->gi_exc_state.previous_item = tstate->exc_info;
    tstate->exc_info = &gen->gi_exc_state;
    if (exc && gen->gi_exc_state.exc_value != NULL && gen->gi_exc_state.exc_value != Py_None)
        chain_thrown(tstate);
    result = _PyEval_EvalFrame(tstate, f, exc);
    tstate->exc_info = gen->gi_exc_state.previous_item;
    gen->gi_exc_state.previous_item = NULL;

    if (result != NULL && f->f_state == FRAME_SUSPENDED) return result;

    /* The generator finished: return becomes StopIteration(value). */
    if (result) {
        if (result == Py_None) {
            if (!iternext)
                PyErr_SetNone(PyAsyncGen_CheckExact(gen) ? PyExc_StopAsyncIteration
                                                         : PyExc_StopIteration);
        } else {
            _PyGen_SetStopIterationValue(result);
        }
        Py_CLEAR(result);
    } else if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        const char *msg = PyCoro_CheckExact(gen) ? "coroutine raised StopIteration"
                        : PyAsyncGen_CheckExact(gen) ? "async generator raised StopIteration"
                        : "generator raised StopIteration";
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s", msg);
    } else if (PyAsyncGen_CheckExact(gen) &&
               PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
        _PyErr_FormatFromCause(PyExc_RuntimeError, "%s",
                               "async generator raised StopAsyncIteration");
    }
    /* drop the frame: a finished generator keeps nothing alive */
    Py_CLEAR(gen->gi_exc_state.exc_type);
    Py_CLEAR(gen->gi_exc_state.exc_value);
    Py_CLEAR(gen->gi_exc_state.exc_traceback);
    gen->gi_frame->f_gen = NULL;
    Py_CLEAR(gen->gi_frame);
    return result;
}

static PyObject *gen_send_ex(PyGenObject *gen, PyObject *arg, int exc, int closing)
{
    return gen_send_ex2(gen, arg, exc, closing, 0);
}

PySendResult PyGen_Send(PyGenObject *gen, PyObject *arg, PyObject **presult)
{
    PyObject *r = gen_send_ex(gen, arg, 0, 0);
    if (r != NULL) { *presult = r; return PYGEN_NEXT; }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) || !PyErr_Occurred()) {
        if (_PyGen_FetchStopIterationValue(presult) == 0) return PYGEN_RETURN;
    }
    *presult = NULL;
    return PYGEN_ERROR;
}

static PyObject *gen_send(PyGenObject *gen, PyObject *arg) { return gen_send_ex(gen, arg, 0, 0); }

static PyObject *gen_iternext(PyGenObject *gen)
{
    /* iteration protocol: plain exhaustion is NULL without an exception; a returned
     * value other than None still raises StopIteration(value), as 3.11 */
    return gen_send_ex2(gen, NULL, 0, 0, 1);
}

/* The object this generator is delegating to with yield from / await, if any. */
static PyObject *gen_yf(PyGenObject *gen)
{
    PyFrameObject *f = gen->gi_frame;
    if (f && f->f_state == FRAME_SUSPENDED && _PyFrame_LASTI(f) >= 0) {
        _Py_CODEUNIT next = *f->f_instr;
        if (_Py_OPCODE(next) == YIELD_FROM && f->f_stackdepth > 0)
            return Py_NewRef(f->f_valuestack[f->f_stackdepth - 1]);
    }
    return NULL;
}

static int gen_close_iter(PyObject *yf)
{
    PyObject *retval = NULL;
    if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
        retval = _PyGen_Close(yf);
        if (retval == NULL) return -1;
    } else {
        PyObject *meth;
        PyObject *name = PyUnicode_FromString("close");
        if (!name) return -1;
        int r = _PyObject_LookupAttr(yf, name, &meth);
        Py_DECREF(name);
        if (r < 0) PyErr_WriteUnraisable(yf);
        if (meth) {
            retval = PyObject_CallNoArgs(meth);
            Py_DECREF(meth);
            if (retval == NULL) return -1;
        }
    }
    Py_XDECREF(retval);
    return 0;
}

PyObject *_PyGen_Close(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    PyObject *retval, *yf = gen_yf(gen);
    int err = 0;
    if (yf) {
        PyFrameObject *f = gen->gi_frame;
        char state = f->f_state;
        f->f_state = FRAME_EXECUTING;
        err = gen_close_iter(yf);
        f->f_state = state;
        Py_DECREF(yf);
    }
    if (err == 0) PyErr_SetNone(PyExc_GeneratorExit);
    if (gen->gi_frame == NULL || gen->gi_frame->f_state == FRAME_CREATED) {
        PyErr_Clear();
        if (gen->gi_frame) { gen->gi_frame->f_gen = NULL; Py_CLEAR(gen->gi_frame); }
        Py_RETURN_NONE;
    }
    retval = gen_send_ex(gen, Py_None, 1, 1);
    if (retval) {
        Py_DECREF(retval);
        PyErr_Format(PyExc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

static PyObject *gen_close(PyGenObject *gen, PyObject *Py_UNUSED(args))
{
    return _PyGen_Close((PyObject *)gen);
}

static PyObject *gen_throw_impl(PyGenObject *gen, PyObject *typ, PyObject *val, PyObject *tb)
{
    PyObject *yf = gen_yf(gen);
    if (yf) {
        PyObject *ret;
        int err;
        if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit)) {
            char state = gen->gi_frame->f_state;
            gen->gi_frame->f_state = FRAME_EXECUTING;
            err = gen_close_iter(yf);
            gen->gi_frame->f_state = state;
            Py_DECREF(yf);
            if (err < 0) return gen_send_ex(gen, Py_None, 1, 0);
            goto throw_here;
        }
        char state = gen->gi_frame->f_state;
        gen->gi_frame->f_state = FRAME_EXECUTING;
        if (PyGen_CheckExact(yf) || PyCoro_CheckExact(yf)) {
            /* the delegate runs without this frame's eval loop: make this frame the
               current one meanwhile, so the stack seen from the delegate is the one a
               send() shows (3.11, gh-93592) */
            PyThreadState *tstate = _PyThreadState_GET();
            PyFrameObject *f = gen->gi_frame, *prev = tstate->frame;
            Py_XSETREF(f->f_back, (PyFrameObject *)Py_XNewRef(prev));
            tstate->frame = f;
            ret = gen_throw_impl((PyGenObject *)yf, typ, val, tb);
            tstate->frame = prev;
            Py_CLEAR(f->f_back);
        } else {
            PyObject *meth;
            PyObject *name = PyUnicode_FromString("throw");
            int r = name ? _PyObject_LookupAttr(yf, name, &meth) : -1;
            Py_XDECREF(name);
            if (r < 0) {
                gen->gi_frame->f_state = state;
                Py_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                gen->gi_frame->f_state = state;
                Py_DECREF(yf);
                goto throw_here;
            }
            ret = PyObject_CallFunctionObjArgs(meth, typ, val, tb, NULL);
            Py_DECREF(meth);
        }
        gen->gi_frame->f_state = state;
        Py_DECREF(yf);
        if (!ret) {
            /* the delegate finished: its value is the result of the yield from */
            PyFrameObject *f = gen->gi_frame;
            PyObject *receiver = f->f_valuestack[--f->f_stackdepth];
            Py_DECREF(receiver);
            f->f_instr++;  /* skip the YIELD_FROM */
            PyObject *val2;
            if (_PyGen_FetchStopIterationValue(&val2) == 0) {
                ret = gen_send_ex(gen, val2, 0, 0);
                Py_DECREF(val2);
            } else {
                ret = gen_send_ex(gen, Py_None, 1, 0);
            }
        }
        return ret;
    }
throw_here:
    Py_XINCREF(typ);
    Py_XINCREF(val);
    Py_XINCREF(tb);
    if (tb == Py_None) Py_CLEAR(tb);
    else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        goto failed;
    }
    if (PyExceptionClass_Check(typ)) {
        PyErr_NormalizeException(&typ, &val, &tb);
    } else if (PyExceptionInstance_Check(typ)) {
        if (val && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            goto failed;
        }
        Py_XDECREF(val);
        val = typ;
        typ = Py_NewRef(PyExceptionInstance_Class(typ));
        if (tb == NULL) tb = PyException_GetTraceback(val);
    } else {
        PyErr_Format(PyExc_TypeError, "exceptions must be classes or instances deriving from "
                     "BaseException, not %s", Py_TYPE(typ)->tp_name);
        goto failed;
    }
    PyErr_Restore(typ, val, tb);
    return gen_send_ex(gen, Py_None, 1, 0);
failed:
    Py_XDECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    return NULL;
}

static PyObject *gen_throw(PyGenObject *gen, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("throw", nargs, 1, 3)) return NULL;
    return gen_throw_impl(gen, args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
}

/* ---- finalisation and GC ---- */

/* "coroutine ... was never awaited": through warnings._warn_unawaited_coroutine when
 * the warnings module is there (it adds the tracemalloc hint), as 3.11 does. */
static void warn_unawaited_coroutine(PyObject *coro)
{
    int warned = 0;
    PyObject *mod = PyImport_ImportModule("warnings");
    PyObject *fn = mod ? PyObject_GetAttrString(mod, "_warn_unawaited_coroutine") : NULL;
    Py_XDECREF(mod);
    if (fn) {
        PyObject *res = PyObject_CallOneArg(fn, coro);
        Py_DECREF(fn);
        if (res || PyErr_ExceptionMatches(PyExc_RuntimeWarning)) warned = 1;
        Py_XDECREF(res);
    }
    /* a broken hook (e.g. at shutdown) is reported, then the plain warning is issued */
    if (PyErr_Occurred()) PyErr_WriteUnraisable(coro);
    if (!warned &&
        PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "coroutine '%S' was never awaited",
                         ((PyCoroObject *)coro)->cr_qualname) < 0)
        PyErr_WriteUnraisable(coro);
}

void _PyGen_Finalize(PyObject *self)
{
    PyGenObject *gen = (PyGenObject *)self;
    if (gen->gi_frame == NULL || gen->gi_frame->f_state >= FRAME_RETURNED) return;
    if (PyAsyncGen_CheckExact(self)) {
        /* the finalizer hook (asyncio's: schedule aclose()) replaces closing it here */
        PyAsyncGenObject *agen = (PyAsyncGenObject *)self;
        PyObject *finalizer = agen->ag_origin_or_finalizer;
        if (finalizer != NULL && !agen->ag_closed) {
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *res = PyObject_CallOneArg(finalizer, self);
            if (res == NULL) PyErr_WriteUnraisable(self);
            else Py_DECREF(res);
            PyErr_SetRaisedException(exc);
            return;
        }
    }
    PyObject *exc = PyErr_GetRaisedException();
    if (PyCoro_CheckExact(self) && gen->gi_frame->f_state == FRAME_CREATED) {
        warn_unawaited_coroutine(self);
    } else {
        PyObject *res = _PyGen_Close(self);
        if (res == NULL) PyErr_WriteUnraisable(self);
        else Py_DECREF(res);
    }
    PyErr_SetRaisedException(exc);
}

static void gen_dealloc(PyGenObject *gen)
{
    PyObject_GC_UnTrack(gen);
    /* generator, coroutine and async generator share this; their weakref lists sit
     * at tp_weaklistoffset */
    if (*(PyObject **)((char *)gen + Py_TYPE(gen)->tp_weaklistoffset) != NULL)
        PyObject_ClearWeakRefs((PyObject *)gen);
    if (gen->gi_frame && gen->gi_frame->f_state < FRAME_RETURNED) {
        Py_SET_REFCNT(gen, 1);  /* resurrect while closing */
        _PyGen_Finalize((PyObject *)gen);
        if (Py_REFCNT(gen) > 1) { Py_SET_REFCNT(gen, Py_REFCNT(gen) - 1); return; }
        Py_SET_REFCNT(gen, 0);
    }
    if (gen->gi_frame) {
        gen->gi_frame->f_gen = NULL;
        Py_CLEAR(gen->gi_frame);
    }
    Py_CLEAR(gen->gi_code);
    Py_CLEAR(gen->gi_name);
    Py_CLEAR(gen->gi_qualname);
    Py_CLEAR(gen->gi_exc_state.exc_type);
    Py_CLEAR(gen->gi_exc_state.exc_value);
    Py_CLEAR(gen->gi_exc_state.exc_traceback);
    Py_CLEAR(gen->gi_origin_or_finalizer);
    PyObject_GC_Del(gen);
}

static int gen_traverse(PyGenObject *gen, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)gen->gi_frame);
    Py_VISIT(gen->gi_code);
    Py_VISIT(gen->gi_name);
    Py_VISIT(gen->gi_qualname);
    Py_VISIT(gen->gi_exc_state.exc_value);
    Py_VISIT(gen->gi_origin_or_finalizer);
    return 0;
}

static PyObject *gen_repr(PyGenObject *gen)
{
    return PyUnicode_FromFormat("<%s object %U at %p>", gen_kind(gen), gen->gi_qualname, gen);
}

/* ---- attributes ---- */

static PyObject *gen_get_name(PyGenObject *op, void *c) { return Py_NewRef(op->gi_name); }
static int gen_set_name(PyGenObject *op, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->gi_name, Py_NewRef(value));
    return 0;
}
static PyObject *gen_get_qualname(PyGenObject *op, void *c) { return Py_NewRef(op->gi_qualname); }
static int gen_set_qualname(PyGenObject *op, PyObject *value, void *c)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    Py_XSETREF(op->gi_qualname, Py_NewRef(value));
    return 0;
}
static PyObject *gen_getyieldfrom(PyGenObject *gen, void *c)
{
    PyObject *yf = gen_yf(gen);
    if (yf == NULL) Py_RETURN_NONE;
    return yf;
}
static PyObject *gen_getrunning(PyGenObject *gen, void *c)
{
    return PyBool_FromLong(gen->gi_frame && gen->gi_frame->f_state == FRAME_EXECUTING);
}
static PyObject *gen_getsuspended(PyGenObject *gen, void *c)
{
    return PyBool_FromLong(gen->gi_frame && gen->gi_frame->f_state == FRAME_SUSPENDED);
}
static PyObject *gen_getframe(PyGenObject *gen, void *c)
{
    if (gen->gi_frame == NULL) Py_RETURN_NONE;
    return Py_NewRef(gen->gi_frame);
}
static PyObject *gen_getcode(PyGenObject *gen, void *c) { return Py_NewRef(gen->gi_code); }

static PyGetSetDef gen_getsetlist[] = {
    {"__name__", (getter)gen_get_name, (setter)gen_set_name, "name of the generator", NULL},
    {"__qualname__", (getter)gen_get_qualname, (setter)gen_set_qualname,
     "qualified name of the generator", NULL},
    {"gi_yieldfrom", (getter)gen_getyieldfrom, NULL,
     "object being iterated by yield from, or None", NULL},
    {"gi_running", (getter)gen_getrunning, NULL, NULL, NULL},
    {"gi_frame", (getter)gen_getframe, NULL, NULL, NULL},
    {"gi_suspended", (getter)gen_getsuspended, NULL, NULL, NULL},
    {"gi_code", (getter)gen_getcode, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* where the coroutine was created (None unless origin tracking was on) */
static PyObject *coro_get_origin(PyCoroObject *coro, void *Py_UNUSED(closure))
{
    return Py_NewRef(coro->cr_origin_or_finalizer ? coro->cr_origin_or_finalizer : Py_None);
}

static PyGetSetDef coro_getsetlist[] = {
    {"__name__", (getter)gen_get_name, (setter)gen_set_name, "name of the coroutine", NULL},
    {"__qualname__", (getter)gen_get_qualname, (setter)gen_set_qualname,
     "qualified name of the coroutine", NULL},
    {"cr_await", (getter)gen_getyieldfrom, NULL, "object being awaited on, or None", NULL},
    {"cr_running", (getter)gen_getrunning, NULL, NULL, NULL},
    {"cr_frame", (getter)gen_getframe, NULL, NULL, NULL},
    {"cr_code", (getter)gen_getcode, NULL, NULL, NULL},
    {"cr_suspended", (getter)gen_getsuspended, NULL, NULL, NULL},
    {"cr_origin", (getter)coro_get_origin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyObject *ag_getrunning(PyAsyncGenObject *ag, void *Py_UNUSED(closure))
{
    return Py_NewRef(ag->ag_running_async ? Py_True : Py_False);
}

static PyGetSetDef ag_getsetlist[] = {
    {"__name__", (getter)gen_get_name, (setter)gen_set_name, "name of the async generator", NULL},
    {"__qualname__", (getter)gen_get_qualname, (setter)gen_set_qualname,
     "qualified name of the async generator", NULL},
    {"ag_await", (getter)gen_getyieldfrom, NULL, "object being awaited on, or None", NULL},
    {"ag_frame", (getter)gen_getframe, NULL, NULL, NULL},
    {"ag_code", (getter)gen_getcode, NULL, NULL, NULL},
    {"ag_running", (getter)ag_getrunning, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMethodDef gen_methods[] = {
    {"send", (PyCFunction)gen_send, METH_O,
     "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", (PyCFunction)(void (*)(void))gen_throw, METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", (PyCFunction)gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL}
};

/* the same methods, with the coroutine wording of their docstrings (3.11's coro_methods) */
static PyMethodDef coro_methods[] = {
    {"send", (PyCFunction)gen_send, METH_O,
     "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", (PyCFunction)(void (*)(void))gen_throw, METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", (PyCFunction)gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {NULL, NULL, 0, NULL}
};

PyTypeObject PyGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "generator",
    .tp_basicsize = sizeof(PyGenObject),
    .tp_dealloc = (destructor)gen_dealloc,
    .tp_repr = (reprfunc)gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)gen_traverse,
    .tp_weaklistoffset = offsetof(PyGenObject, gi_weakreflist),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

/* ---- coroutines: awaitable through a coroutine_wrapper ---- */

typedef struct {
    PyObject_HEAD
    PyGenObject *cw_coroutine;
} PyCoroWrapper;

static PyObject *coro_await(PyGenObject *coro)
{
    PyCoroWrapper *cw = PyObject_GC_New(PyCoroWrapper, &_PyCoroWrapper_Type);
    if (cw == NULL) return NULL;
    cw->cw_coroutine = (PyGenObject *)Py_NewRef(coro);
    PyObject_GC_Track(cw);
    return (PyObject *)cw;
}

PyObject *_PyCoro_GetAwaitableIter(PyObject *o)
{
    PyTypeObject *ot = Py_TYPE(o);
    if (PyCoro_CheckExact(o) ||
        (PyGen_CheckExact(o) &&
         (((PyCodeObject *)((PyGenObject *)o)->gi_code)->co_flags & CO_ITERABLE_COROUTINE)))
        return Py_NewRef(o);
    if (ot->tp_as_async != NULL && ot->tp_as_async->am_await != NULL) {
        PyObject *res = (*ot->tp_as_async->am_await)(o);
        if (res != NULL) {
            if (PyCoro_CheckExact(res)) {
                PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
                Py_CLEAR(res);
            } else if (!PyIter_Check(res)) {
                PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                             Py_TYPE(res)->tp_name);
                Py_CLEAR(res);
            }
        }
        return res;
    }
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 ot->tp_name);
    return NULL;
}

static PyAsyncMethods coro_as_async = { (unaryfunc)coro_await, 0, 0, 0 };

PyTypeObject PyCoro_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(PyCoroObject),
    .tp_dealloc = (destructor)gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = (reprfunc)gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)gen_traverse,
    .tp_weaklistoffset = offsetof(PyCoroObject, cr_weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};

static void cw_dealloc(PyCoroWrapper *cw)
{
    PyObject_GC_UnTrack(cw);
    Py_CLEAR(cw->cw_coroutine);
    PyObject_GC_Del(cw);
}

static PyObject *cw_iternext(PyCoroWrapper *cw) { return gen_iternext(cw->cw_coroutine); }
static PyObject *cw_send(PyCoroWrapper *cw, PyObject *arg) { return gen_send(cw->cw_coroutine, arg); }
static PyObject *cw_throw(PyCoroWrapper *cw, PyObject *const *args, Py_ssize_t nargs)
{
    return gen_throw(cw->cw_coroutine, args, nargs);
}
static PyObject *cw_close(PyCoroWrapper *cw, PyObject *a) { return _PyGen_Close((PyObject *)cw->cw_coroutine); }
static int cw_traverse(PyCoroWrapper *cw, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)cw->cw_coroutine);
    return 0;
}

static PyMethodDef cw_methods[] = {
    {"send", (PyCFunction)cw_send, METH_O, NULL},
    {"throw", (PyCFunction)(void (*)(void))cw_throw, METH_FASTCALL, NULL},
    {"close", (PyCFunction)cw_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

PyTypeObject _PyCoroWrapper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(PyCoroWrapper),
    .tp_dealloc = (destructor)cw_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)cw_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)cw_iternext,
    .tp_methods = cw_methods,
};

/* ---- async generators ---- */

typedef struct {
    PyObject_HEAD
    PyObject *agw_val;
} _PyAsyncGenWrappedValue;

PyObject *_PyAsyncGenValueWrapperNew(PyObject *val)
{
    _PyAsyncGenWrappedValue *o = PyObject_GC_New(_PyAsyncGenWrappedValue,
                                                 &_PyAsyncGenWrappedValue_Type);
    if (o == NULL) return NULL;
    o->agw_val = Py_NewRef(val);
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static void agw_dealloc(_PyAsyncGenWrappedValue *o)
{
    PyObject_GC_UnTrack(o);
    Py_CLEAR(o->agw_val);
    PyObject_GC_Del(o);
}

static int agw_traverse(_PyAsyncGenWrappedValue *o, visitproc visit, void *arg)
{
    Py_VISIT(o->agw_val);
    return 0;
}

PyTypeObject _PyAsyncGenWrappedValue_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(_PyAsyncGenWrappedValue),
    .tp_dealloc = (destructor)agw_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)agw_traverse,
};

/* The result of one step of the async generator's frame, as an awaitable sees it:
 * a wrapped (async-yielded) value becomes StopIteration(value); the end of the
 * generator becomes StopAsyncIteration; values awaited inside pass through. */
static PyObject *async_gen_unwrap_value(PyAsyncGenObject *gen, PyObject *result)
{
    if (result == NULL) {
        if (!PyErr_Occurred()) PyErr_SetNone(PyExc_StopAsyncIteration);
        if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
            PyErr_ExceptionMatches(PyExc_GeneratorExit))
            gen->ag_closed = 1;
        gen->ag_running_async = 0;
        return NULL;
    }
    if (_PyAsyncGenWrappedValue_CheckExact(result)) {
        _PyGen_SetStopIterationValue(((_PyAsyncGenWrappedValue *)result)->agw_val);
        Py_DECREF(result);
        gen->ag_running_async = 0;
        return NULL;
    }
    return result;
}

enum { AWAITABLE_STATE_INIT, AWAITABLE_STATE_ITER, AWAITABLE_STATE_CLOSED };

typedef struct {
    PyObject_HEAD
    PyAsyncGenObject *ags_gen;
    PyObject *ags_sendval;  /* the value asend() sends first (None for __anext__) */
    int ags_state;
} PyAsyncGenASend;

typedef struct {
    PyObject_HEAD
    PyAsyncGenObject *agt_gen;
    PyObject *agt_args;     /* athrow()'s arguments; NULL for aclose() */
    int agt_state;
} PyAsyncGenAThrow;

PyTypeObject _PyAsyncGenASend_Type;
PyTypeObject _PyAsyncGenAThrow_Type;

static PyObject *async_gen_asend_new(PyAsyncGenObject *gen, PyObject *sendval)
{
    PyAsyncGenASend *o = PyObject_GC_New(PyAsyncGenASend, &_PyAsyncGenASend_Type);
    if (o == NULL) return NULL;
    o->ags_gen = (PyAsyncGenObject *)Py_NewRef(gen);
    o->ags_sendval = Py_XNewRef(sendval);
    o->ags_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

static PyObject *async_gen_athrow_new(PyAsyncGenObject *gen, PyObject *args)
{
    PyAsyncGenAThrow *o = PyObject_GC_New(PyAsyncGenAThrow, &_PyAsyncGenAThrow_Type);
    if (o == NULL) return NULL;
    o->agt_gen = (PyAsyncGenObject *)Py_NewRef(gen);
    o->agt_args = Py_XNewRef(args);
    o->agt_state = AWAITABLE_STATE_INIT;
    PyObject_GC_Track(o);
    return (PyObject *)o;
}

/* First use of an async generator: remember the thread's finalizer hook and call its
 * firstiter hook (sys.set_asyncgen_hooks), as CPython's async_gen_init_hooks. */
static int async_gen_init_hooks(PyAsyncGenObject *ag)
{
    if (ag->ag_hooks_inited) return 0;
    ag->ag_hooks_inited = 1;
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->async_gen_finalizer != NULL)
        ag->ag_origin_or_finalizer = Py_NewRef(tstate->async_gen_finalizer);
    PyObject *firstiter = tstate->async_gen_firstiter;
    if (firstiter != NULL) {
        Py_INCREF(firstiter);
        PyObject *res = PyObject_CallOneArg(firstiter, (PyObject *)ag);
        Py_DECREF(firstiter);
        if (res == NULL) return -1;
        Py_DECREF(res);
    }
    return 0;
}

static PyObject *async_gen_anext(PyAsyncGenObject *ag)
{
    if (async_gen_init_hooks(ag) < 0) return NULL;
    return async_gen_asend_new(ag, NULL);
}
static PyObject *async_gen_asend(PyAsyncGenObject *ag, PyObject *arg)
{
    if (async_gen_init_hooks(ag) < 0) return NULL;
    return async_gen_asend_new(ag, arg);
}
static PyObject *async_gen_aclose(PyAsyncGenObject *ag, PyObject *Py_UNUSED(a))
{
    if (async_gen_init_hooks(ag) < 0) return NULL;
    return async_gen_athrow_new(ag, NULL);
}
static PyObject *async_gen_athrow(PyAsyncGenObject *ag, PyObject *args)
{
    if (async_gen_init_hooks(ag) < 0) return NULL;
    return async_gen_athrow_new(ag, args);
}

/* -- async_generator_asend: the awaitable of __anext__()/asend() -- */

static PyObject *asend_send(PyAsyncGenASend *o, PyObject *arg)
{
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->ags_state == AWAITABLE_STATE_INIT) {
        if (o->ags_gen->ag_running_async) {
            PyErr_SetString(PyExc_RuntimeError,
                            "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None) arg = o->ags_sendval;
        o->ags_state = AWAITABLE_STATE_ITER;
    }
    o->ags_gen->ag_running_async = 1;
    PyObject *result = gen_send_ex((PyGenObject *)o->ags_gen, arg ? arg : Py_None, 0, 0);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) o->ags_state = AWAITABLE_STATE_CLOSED;
    return result;
}

static PyObject *asend_iternext(PyAsyncGenASend *o) { return asend_send(o, NULL); }

static PyObject *asend_throw(PyAsyncGenASend *o, PyObject *const *args, Py_ssize_t nargs)
{
    if (o->ags_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    PyObject *result = gen_throw((PyGenObject *)o->ags_gen, args, nargs);
    result = async_gen_unwrap_value(o->ags_gen, result);
    if (result == NULL) o->ags_state = AWAITABLE_STATE_CLOSED;
    return result;
}

static PyObject *asend_close(PyAsyncGenASend *o, PyObject *Py_UNUSED(a))
{
    o->ags_state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
}

static void asend_dealloc(PyAsyncGenASend *o)
{
    PyObject_GC_UnTrack(o);
    Py_CLEAR(o->ags_gen);
    Py_CLEAR(o->ags_sendval);
    PyObject_GC_Del(o);
}

static int asend_traverse(PyAsyncGenASend *o, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)o->ags_gen);
    Py_VISIT(o->ags_sendval);
    return 0;
}

static PyMethodDef asend_methods[] = {
    {"send", (PyCFunction)asend_send, METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", (PyCFunction)(void (*)(void))asend_throw, METH_FASTCALL, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", (PyCFunction)asend_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods asend_as_async = { PyObject_SelfIter, 0, 0, 0 };

PyTypeObject _PyAsyncGenASend_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(PyAsyncGenASend),
    .tp_dealloc = (destructor)asend_dealloc,
    .tp_as_async = &asend_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)asend_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)asend_iternext,
    .tp_methods = asend_methods,
};

/* -- async_generator_athrow: the awaitable of athrow()/aclose() -- */

#define ASYNC_GEN_IGNORED_EXIT_MSG "async generator ignored GeneratorExit"

/* aclose(): the generator yielded a value instead of finishing. */
static PyObject *athrow_yield_close(PyAsyncGenAThrow *o)
{
    o->agt_gen->ag_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    PyErr_SetString(PyExc_RuntimeError, ASYNC_GEN_IGNORED_EXIT_MSG);
    return NULL;
}

/* The generator stopped: aclose() reports success as StopIteration. */
static PyObject *athrow_check_error(PyAsyncGenAThrow *o)
{
    o->agt_gen->ag_running_async = 0;
    o->agt_state = AWAITABLE_STATE_CLOSED;
    if (o->agt_args == NULL && (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
                                PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return NULL;
}

static PyObject *athrow_send(PyAsyncGenAThrow *o, PyObject *arg)
{
    PyGenObject *gen = (PyGenObject *)o->agt_gen;
    PyObject *retval;
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen_is_finished(gen)) {
        o->agt_state = AWAITABLE_STATE_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (o->agt_state == AWAITABLE_STATE_INIT) {
        if (o->agt_gen->ag_running_async) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, o->agt_args == NULL
                            ? "aclose(): asynchronous generator is already running"
                            : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (o->agt_gen->ag_closed) {
            o->agt_state = AWAITABLE_STATE_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError,
                            "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        o->agt_state = AWAITABLE_STATE_ITER;
        o->agt_gen->ag_running_async = 1;
        if (o->agt_args == NULL) {
            o->agt_gen->ag_closed = 1;
            retval = gen_throw_impl(gen, PyExc_GeneratorExit, NULL, NULL);
            if (retval && _PyAsyncGenWrappedValue_CheckExact(retval)) {
                Py_DECREF(retval);
                return athrow_yield_close(o);
            }
        } else {
            PyObject *typ, *val = NULL, *tb = NULL;
            if (!PyArg_UnpackTuple(o->agt_args, "athrow", 1, 3, &typ, &val, &tb)) return NULL;
            retval = gen_throw_impl(gen, typ, val, tb);
            retval = async_gen_unwrap_value(o->agt_gen, retval);
        }
        if (retval == NULL) return athrow_check_error(o);
        return retval;
    }
    retval = gen_send_ex(gen, arg ? arg : Py_None, 0, 0);
    if (o->agt_args) return async_gen_unwrap_value(o->agt_gen, retval);
    if (retval == NULL) return athrow_check_error(o);
    if (_PyAsyncGenWrappedValue_CheckExact(retval)) {
        Py_DECREF(retval);
        return athrow_yield_close(o);
    }
    return retval;
}

static PyObject *athrow_iternext(PyAsyncGenAThrow *o) { return athrow_send(o, NULL); }

static PyObject *athrow_throw(PyAsyncGenAThrow *o, PyObject *const *args, Py_ssize_t nargs)
{
    if (o->agt_state == AWAITABLE_STATE_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    PyObject *retval = gen_throw((PyGenObject *)o->agt_gen, args, nargs);
    if (o->agt_args) return async_gen_unwrap_value(o->agt_gen, retval);
    if (retval && _PyAsyncGenWrappedValue_CheckExact(retval)) {
        Py_DECREF(retval);
        return athrow_yield_close(o);
    }
    if (retval == NULL && (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
                           PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);
    }
    return retval;
}

static PyObject *athrow_close(PyAsyncGenAThrow *o, PyObject *Py_UNUSED(a))
{
    o->agt_state = AWAITABLE_STATE_CLOSED;
    Py_RETURN_NONE;
}

static void athrow_dealloc(PyAsyncGenAThrow *o)
{
    PyObject_GC_UnTrack(o);
    Py_CLEAR(o->agt_gen);
    Py_CLEAR(o->agt_args);
    PyObject_GC_Del(o);
}

static int athrow_traverse(PyAsyncGenAThrow *o, visitproc visit, void *arg)
{
    Py_VISIT((PyObject *)o->agt_gen);
    Py_VISIT(o->agt_args);
    return 0;
}

static PyMethodDef athrow_methods[] = {
    {"send", (PyCFunction)athrow_send, METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", (PyCFunction)(void (*)(void))athrow_throw, METH_FASTCALL, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", (PyCFunction)athrow_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods athrow_as_async = { PyObject_SelfIter, 0, 0, 0 };

PyTypeObject _PyAsyncGenAThrow_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(PyAsyncGenAThrow),
    .tp_dealloc = (destructor)athrow_dealloc,
    .tp_as_async = &athrow_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)athrow_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)athrow_iternext,
    .tp_methods = athrow_methods,
};

static PyMethodDef ag_methods[] = {
    {"asend", (PyCFunction)async_gen_asend, METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", (PyCFunction)async_gen_athrow, METH_VARARGS, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", (PyCFunction)async_gen_aclose, METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PyAsyncMethods ag_as_async = { 0, PyObject_SelfIter, (unaryfunc)async_gen_anext, 0 };

PyTypeObject PyAsyncGen_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(PyAsyncGenObject),
    .tp_dealloc = (destructor)gen_dealloc,
    .tp_as_async = &ag_as_async,
    .tp_repr = (reprfunc)gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)gen_traverse,
    .tp_weaklistoffset = offsetof(PyAsyncGenObject, ag_weakreflist),
    .tp_methods = ag_methods,
    .tp_getset = ag_getsetlist,
    .tp_finalize = _PyGen_Finalize,
};
