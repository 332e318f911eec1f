/* errors.c — the error indicator: setting, fetching, matching and chaining exceptions
 * on the thread state (curexc_* is the exception being raised, exc_info the stack of
 * exceptions being handled).  The exception types live in src/objects/exceptions.c;
 * printing tracebacks is the runtime's (PyErr_Display in pythonrun.c). */
#include "Python.h"
#include <signal.h>

/* ---- the raised exception ---- */

void _PyErr_Restore(PyThreadState *tstate, PyObject *type, PyObject *value, PyObject *tb)
{
    PyObject *oldtype = tstate->curexc_type, *oldvalue = tstate->curexc_value,
             *oldtb = tstate->curexc_traceback;
    if (tb != NULL && tb == Py_None) { /* CPython tolerates None as "no traceback" */
        Py_DECREF(tb);
        tb = NULL;
    }
    tstate->curexc_type = type;
    tstate->curexc_value = value;
    tstate->curexc_traceback = tb;
    Py_XDECREF(oldtype);
    Py_XDECREF(oldvalue);
    Py_XDECREF(oldtb);
}

void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb)
{
    _PyErr_Restore(_PyThreadState_GET(), type, value, tb);
}

void _PyErr_Fetch(PyThreadState *tstate, PyObject **p_type, PyObject **p_value, PyObject **p_tb)
{
    *p_type = tstate->curexc_type;
    *p_value = tstate->curexc_value;
    *p_tb = tstate->curexc_traceback;
    tstate->curexc_type = tstate->curexc_value = tstate->curexc_traceback = NULL;
}

void PyErr_Fetch(PyObject **t, PyObject **v, PyObject **tb)
{
    _PyErr_Fetch(_PyThreadState_GET(), t, v, tb);
}

void _PyErr_Clear(PyThreadState *tstate) { _PyErr_Restore(tstate, NULL, NULL, NULL); }
void PyErr_Clear(void) { _PyErr_Clear(_PyThreadState_GET()); }

PyObject *PyErr_Occurred(void)
{
    PyThreadState *tstate = _PyThreadState_GET();
    return tstate == NULL ? NULL : tstate->curexc_type;
}

/* ---- matching ---- */

int PyErr_GivenExceptionMatches(PyObject *err, PyObject *exc)
{
    if (err == NULL || exc == NULL)
        return 0;
    if (PyTuple_Check(exc)) {
        Py_ssize_t n = PyTuple_GET_SIZE(exc);
        for (Py_ssize_t i = 0; i < n; i++)
            if (PyErr_GivenExceptionMatches(err, PyTuple_GET_ITEM(exc, i)))
                return 1;
        return 0;
    }
    if (PyExceptionInstance_Check(err))
        err = PyExceptionInstance_Class(err);
    if (PyExceptionClass_Check(err) && PyExceptionClass_Check(exc))
        return PyType_IsSubtype((PyTypeObject *)err, (PyTypeObject *)exc);
    return err == exc;
}

int _PyErr_ExceptionMatches(PyThreadState *tstate, PyObject *exc)
{
    return PyErr_GivenExceptionMatches(tstate->curexc_type, exc);
}

int PyErr_ExceptionMatches(PyObject *exc)
{
    return _PyErr_ExceptionMatches(_PyThreadState_GET(), exc);
}

/* ---- normalisation: turn (type, args) into (type, instance) ---- */

static PyObject *create_exception(PyObject *type, PyObject *value)
{
    PyObject *exc;
    if (value == NULL || value == Py_None)
        exc = PyObject_CallNoArgs(type);
    else if (PyTuple_Check(value))
        exc = PyObject_Call(type, value, NULL);
    else
        exc = PyObject_CallOneArg(type, value);
    /* A __new__ may return anything: only an exception instance will do. */
    if (exc != NULL && !PyExceptionInstance_Check(exc)) {
        PyErr_Format(PyExc_TypeError, "calling %R should have returned an instance of BaseException, not %s",
                     type, Py_TYPE(exc)->tp_name);
        Py_CLEAR(exc);
    }
    return exc;
}

static void normalize_exception(PyThreadState *tstate, PyObject **exc, PyObject **val, PyObject **tb);

/* As CPython: with recursion headroom, so that an exception set lazily (PyErr_Format) can
 * still be instantiated at the recursion limit. */
void _PyErr_NormalizeException(PyThreadState *tstate, PyObject **exc, PyObject **val, PyObject **tb)
{
    tstate->recursion_headroom++;
    normalize_exception(tstate, exc, val, tb);
    tstate->recursion_headroom--;
}

static void normalize_exception(PyThreadState *tstate, PyObject **exc, PyObject **val, PyObject **tb)
{
    int recursion = 0;
restart:
    if (*exc == NULL) {
        return;
    }
    PyObject *type = *exc, *value = *val;
    if (value == NULL) {
        value = Py_NewRef(Py_None);
        *val = value;
    }
    if (!PyExceptionClass_Check(type))
        return;
    int is_subclass = 0;
    if (PyExceptionInstance_Check(value))
        is_subclass = PyType_IsSubtype(Py_TYPE(value), (PyTypeObject *)type);
    if (is_subclass) {
        /* The instance may be of a subclass: report its class. */
        PyObject *inclass = PyExceptionInstance_Class(value);
        if (inclass != type) {
            Py_INCREF(inclass);
            Py_SETREF(*exc, inclass);
        }
        return;
    }
    PyObject *fixed = create_exception(type, value);
    if (fixed == NULL) {
        /* Normalising failed: normalise the new exception instead (bounded). */
        Py_DECREF(*exc);
        Py_DECREF(*val);
        PyObject *initial_tb = *tb;
        _PyErr_Fetch(tstate, exc, val, tb);
        if (initial_tb != NULL) {
            if (*tb == NULL)
                *tb = initial_tb;
            else
                Py_DECREF(initial_tb);
        }
        if (++recursion > 32) {
            /* Give up as CPython does: a RecursionError instance. */
            Py_XDECREF(*exc); Py_XDECREF(*val);
            *exc = Py_NewRef(PyExc_RecursionError);
            *val = PyObject_CallFunction(PyExc_RecursionError, "s",
                                         "maximum recursion depth exceeded while normalizing an exception");
            return;
        }
        goto restart;
    }
    Py_DECREF(value);
    *val = fixed;
}

void PyErr_NormalizeException(PyObject **exc, PyObject **val, PyObject **tb)
{
    _PyErr_NormalizeException(_PyThreadState_GET(), exc, val, tb);
}

/* ---- the handled exception (sys.exc_info()) ---- */

_PyErr_StackItem *_PyErr_GetTopmostException(PyThreadState *tstate)
{
    _PyErr_StackItem *info = tstate->exc_info;
    while (info != NULL && (info->exc_value == NULL || info->exc_value == Py_None) &&
           info->previous_item != NULL)
        info = info->previous_item;
    return info;
}

PyObject *_PyErr_GetHandledException(PyThreadState *tstate)
{
    _PyErr_StackItem *info = _PyErr_GetTopmostException(tstate);
    PyObject *exc = info ? info->exc_value : NULL;
    if (exc == NULL || exc == Py_None)
        return NULL;
    return Py_NewRef(exc);
}

PyObject *PyErr_GetHandledException(void)
{
    return _PyErr_GetHandledException(_PyThreadState_GET());
}

void _PyErr_SetHandledException(PyThreadState *tstate, PyObject *exc)
{
    _PyErr_StackItem *info = tstate->exc_info;
    PyObject *old_type = info->exc_type, *old_value = info->exc_value, *old_tb = info->exc_traceback;
    if (exc == NULL || exc == Py_None) {
        info->exc_type = info->exc_value = info->exc_traceback = NULL;
    } else {
        info->exc_type = Py_NewRef(PyExceptionInstance_Class(exc));
        info->exc_value = Py_NewRef(exc);
        info->exc_traceback = PyException_GetTraceback(exc);
    }
    Py_XDECREF(old_type);
    Py_XDECREF(old_value);
    Py_XDECREF(old_tb);
}

void PyErr_SetHandledException(PyObject *exc)
{
    _PyErr_SetHandledException(_PyThreadState_GET(), exc);
}

void PyErr_GetExcInfo(PyObject **p_type, PyObject **p_value, PyObject **p_tb)
{
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL) {
        *p_type = *p_value = *p_tb = NULL;
        return;
    }
    *p_type = Py_NewRef(PyExceptionInstance_Class(exc));
    *p_tb = PyException_GetTraceback(exc);
    *p_value = exc;
}

void PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *tb)
{
    /* Steals all three, as CPython; only the value matters since 3.11. */
    PyErr_SetHandledException(value);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

/* ---- raising ---- */

/* Set `value` (an instance) as the new exception and chain the handled exception as its
 * __context__, cutting any cycle the way CPython's _PyErr_SetObject does. */
void _PyErr_SetObject(PyThreadState *tstate, PyObject *exception, PyObject *value)
{
    if (exception != NULL && !PyExceptionClass_Check(exception)) {
        _PyErr_Format(tstate, PyExc_SystemError,
                      "_PyErr_SetObject: exception %R is not a BaseException subclass",
                      exception);
        return;
    }
    Py_XINCREF(value);
    PyObject *exc_value = _PyErr_GetHandledException(tstate);
    if (exc_value != NULL) {
        if (value == NULL || !PyExceptionInstance_Check(value)) {
            /* Normalise now so that the context can be attached. */
            PyObject *tb = NULL;
            Py_INCREF(exception);
            _PyErr_NormalizeException(tstate, &exception, &value, &tb);
            Py_XDECREF(tb);
            Py_DECREF(exception);
            if (value == NULL || !PyExceptionInstance_Check(value)) {
                Py_XDECREF(value);
                Py_DECREF(exc_value);
                return;
            }
        }
        if (exc_value != value) {
            /* Avoid creating a cycle: walk the context chain (Floyd's check keeps a
             * pre-existing cycle from looping forever) and cut at `value`. */
            PyObject *o = exc_value, *context, *slow_o = o;
            int slow_update_toggle = 0;
            while ((context = ((PyBaseExceptionObject *)o)->context) != NULL) {
                if (context == value) {
                    ((PyBaseExceptionObject *)o)->context = NULL;
                    Py_DECREF(context);
                    break;
                }
                o = context;
                if (o == slow_o)
                    break;
                if (slow_update_toggle)
                    slow_o = ((PyBaseExceptionObject *)slow_o)->context;
                slow_update_toggle = !slow_update_toggle;
            }
            PyException_SetContext(value, exc_value); /* steals exc_value */
        } else {
            Py_DECREF(exc_value);
        }
    }
    PyObject *tb = NULL;
    if (value != NULL && PyExceptionInstance_Check(value))
        tb = PyException_GetTraceback(value);
    Py_XINCREF(exception);
    _PyErr_Restore(tstate, exception, value, tb);
}

void PyErr_SetObject(PyObject *exception, PyObject *value)
{
    _PyErr_SetObject(_PyThreadState_GET(), exception, value);
}

void _PyErr_SetNone(PyThreadState *tstate, PyObject *exception)
{
    _PyErr_SetObject(tstate, exception, NULL);
}

void PyErr_SetNone(PyObject *exception) { _PyErr_SetNone(_PyThreadState_GET(), exception); }

void _PyErr_SetString(PyThreadState *tstate, PyObject *exception, const char *string)
{
    PyObject *value = PyUnicode_FromString(string);
    if (value == NULL)
        return;
    _PyErr_SetObject(tstate, exception, value);
    Py_DECREF(value);
}

void PyErr_SetString(PyObject *exception, const char *string)
{
    _PyErr_SetString(_PyThreadState_GET(), exception, string);
}

static PyObject *format_v(PyThreadState *tstate, PyObject *exception, const char *format, va_list vargs)
{
    /* The message is built with no exception set, as CPython does. */
    _PyErr_Clear(tstate);
    PyObject *string = PyUnicode_FromFormatV(format, vargs);
    if (string != NULL) {
        _PyErr_SetObject(tstate, exception, string);
        Py_DECREF(string);
    }
    return NULL;
}

PyObject *PyErr_FormatV(PyObject *exception, const char *format, va_list vargs)
{
    return format_v(_PyThreadState_GET(), exception, format, vargs);
}

PyObject *_PyErr_Format(PyThreadState *tstate, PyObject *exception, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    format_v(tstate, exception, format, vargs);
    va_end(vargs);
    return NULL;
}

PyObject *PyErr_Format(PyObject *exception, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    format_v(_PyThreadState_GET(), exception, format, vargs);
    va_end(vargs);
    return NULL;
}

/* raise KeyError(key): the key is wrapped in a tuple so a tuple key is not unpacked. */
void _PyErr_SetKeyError(PyObject *arg)
{
    PyObject *tup = PyTuple_Pack(1, arg);
    if (tup == NULL)
        return;
    PyErr_SetObject(PyExc_KeyError, tup);
    Py_DECREF(tup);
}

PyObject *_PyErr_GetRaisedException(PyThreadState *tstate)
{
    PyObject *type, *value, *tb;
    _PyErr_Fetch(tstate, &type, &value, &tb);
    if (type == NULL)
        return NULL;
    _PyErr_NormalizeException(tstate, &type, &value, &tb);
    if (tb != NULL && value != NULL && PyExceptionInstance_Check(value))
        PyException_SetTraceback(value, tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
}

void _PyErr_SetRaisedException(PyThreadState *tstate, PyObject *exc)
{
    if (exc == NULL) {
        _PyErr_Clear(tstate);
        return;
    }
    PyObject *type = Py_NewRef(PyExceptionInstance_Class(exc));
    PyObject *tb = PyException_GetTraceback(exc);
    _PyErr_Restore(tstate, type, exc, tb);
}

PyObject *PyErr_GetRaisedException(void) { return _PyErr_GetRaisedException(_PyThreadState_GET()); }
void PyErr_SetRaisedException(PyObject *exc) { _PyErr_SetRaisedException(_PyThreadState_GET(), exc); }

/* Make (typ, val, tb) — an exception fetched earlier — the __context__ of the current
 * exception; if none is set, restore it. */
void _PyErr_ChainExceptions(PyObject *typ, PyObject *val, PyObject *tb)
{
    if (typ == NULL)
        return;
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->curexc_type != NULL) {
        PyObject *typ2, *val2, *tb2;
        _PyErr_NormalizeException(tstate, &typ, &val, &tb);
        if (tb != NULL) {
            PyException_SetTraceback(val, tb);
            Py_DECREF(tb);
        }
        Py_DECREF(typ);
        _PyErr_Fetch(tstate, &typ2, &val2, &tb2);
        _PyErr_NormalizeException(tstate, &typ2, &val2, &tb2);
        PyException_SetContext(val2, val);
        _PyErr_Restore(tstate, typ2, val2, tb2);
    } else {
        _PyErr_Restore(tstate, typ, val, tb);
    }
}

static PyObject *format_from_cause(PyThreadState *tstate, PyObject *exception,
                                   const char *format, va_list vargs)
{
    PyObject *exc, *val, *val2, *tb;
    _PyErr_Fetch(tstate, &exc, &val, &tb);
    _PyErr_NormalizeException(tstate, &exc, &val, &tb);
    if (tb != NULL) {
        PyException_SetTraceback(val, tb);
        Py_DECREF(tb);
    }
    Py_DECREF(exc);
    format_v(tstate, exception, format, vargs);
    _PyErr_Fetch(tstate, &exc, &val2, &tb);
    _PyErr_NormalizeException(tstate, &exc, &val2, &tb);
    PyException_SetCause(val2, Py_NewRef(val));
    PyException_SetContext(val2, val);
    _PyErr_Restore(tstate, exc, val2, tb);
    return NULL;
}

PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    format_from_cause(_PyThreadState_GET(), exception, format, vargs);
    va_end(vargs);
    return NULL;
}

PyObject *_PyErr_FormatFromCauseTstate(PyThreadState *tstate, PyObject *exception, const char *format, ...)
{
    va_list vargs;
    va_start(vargs, format);
    format_from_cause(tstate, exception, format, vargs);
    va_end(vargs);
    return NULL;
}

/* ---- common errors ---- */

int PyErr_BadArgument(void)
{
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

extern PyObject *_PyExc_MemoryErrorInstance(void);

PyObject *PyErr_NoMemory(void)
{
    /* Use the preallocated instance: allocating here could fail again. */
    PyObject *exc = _PyExc_MemoryErrorInstance();
    if (exc == NULL) {
        PyErr_SetNone(PyExc_MemoryError);
        return NULL;
    }
    PyErr_SetObject(PyExc_MemoryError, exc);
    Py_DECREF(exc);
    return NULL;
}

void _PyErr_BadInternalCall(const char *filename, int lineno)
{
    PyErr_Format(PyExc_SystemError, "%s:%d: bad argument to internal function", filename, lineno);
}

#undef PyErr_BadInternalCall
void PyErr_BadInternalCall(void)
{
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *exc, PyObject *filenameObject,
                                                PyObject *filenameObject2)
{
    int i = errno;
    if (i == EINTR && PyErr_CheckSignals())
        return NULL;
    PyObject *message = i == 0 ? PyUnicode_FromString("Error")
                               : PyUnicode_FromString(strerror(i));
    if (message == NULL)
        return NULL;
    PyObject *args;
    if (filenameObject != NULL) {
        if (filenameObject2 != NULL)
            args = Py_BuildValue("(iOOiO)", i, message, filenameObject, 0, filenameObject2);
        else
            args = Py_BuildValue("(iOO)", i, message, filenameObject);
    } else {
        args = Py_BuildValue("(iO)", i, message);
    }
    Py_DECREF(message);
    if (args != NULL) {
        PyObject *v = PyObject_Call(exc, args, NULL);
        Py_DECREF(args);
        if (v != NULL) {
            PyErr_SetObject((PyObject *)Py_TYPE(v), v);
            Py_DECREF(v);
        }
    }
    return NULL;
}

PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *exc, PyObject *filenameObject)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, filenameObject, NULL);
}

PyObject *PyErr_SetFromErrno(PyObject *exc)
{
    return PyErr_SetFromErrnoWithFilenameObjects(exc, NULL, NULL);
}

PyObject *PyErr_SetFromErrnoWithFilename(PyObject *exc, const char *filename)
{
    int saved = errno;
    PyObject *name = filename ? PyUnicode_DecodeFSDefault(filename) : NULL;
    errno = saved;
    PyObject *result = PyErr_SetFromErrnoWithFilenameObjects(exc, name, NULL);
    Py_XDECREF(name);
    return result;
}

PyObject *PyErr_SetImportErrorSubclass(PyObject *exception, PyObject *msg, PyObject *name, PyObject *path)
{
    if (!PyType_IsSubtype((PyTypeObject *)exception, (PyTypeObject *)PyExc_ImportError)) {
        PyErr_SetString(PyExc_TypeError, "expected a subclass of ImportError");
        return NULL;
    }
    if (msg == NULL) {
        PyErr_SetString(PyExc_TypeError, "expected a message argument");
        return NULL;
    }
    PyObject *kwargs = PyDict_New();
    if (kwargs == NULL)
        return NULL;
    if (PyDict_SetItemString(kwargs, "name", name ? name : Py_None) < 0 ||
        PyDict_SetItemString(kwargs, "path", path ? path : Py_None) < 0) {
        Py_DECREF(kwargs);
        return NULL;
    }
    PyObject *args = PyTuple_Pack(1, msg);
    PyObject *error = args ? PyObject_Call(exception, args, kwargs) : NULL;
    Py_XDECREF(args);
    Py_DECREF(kwargs);
    if (error != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(error), error);
        Py_DECREF(error);
    }
    return NULL;
}

PyObject *PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path)
{
    return PyErr_SetImportErrorSubclass(PyExc_ImportError, msg, name, path);
}

/* ---- creating exception classes from C ---- */

PyObject *PyErr_NewException(const char *name, PyObject *base, PyObject *dict)
{
    const char *dot = strrchr(name, '.');
    if (dot == NULL) {
        PyErr_SetString(PyExc_SystemError, "PyErr_NewException: name must be module.class");
        return NULL;
    }
    if (base == NULL)
        base = PyExc_Exception;
    PyObject *mydict = NULL, *bases = NULL, *result = NULL, *modulename = NULL;
    if (dict == NULL)
        dict = mydict = PyDict_New();
    if (dict == NULL)
        return NULL;
    int has_module = PyDict_GetItemString(dict, "__module__") != NULL;
    if (!has_module) {
        modulename = PyUnicode_FromStringAndSize(name, dot - name);
        if (modulename == NULL || PyDict_SetItemString(dict, "__module__", modulename) < 0)
            goto done;
    }
    if (PyTuple_Check(base))
        bases = Py_NewRef(base);
    else if ((bases = PyTuple_Pack(1, base)) == NULL)
        goto done;
    result = PyObject_CallFunction((PyObject *)&PyType_Type, "sOO", dot + 1, bases, dict);
done:
    Py_XDECREF(bases);
    Py_XDECREF(mydict);
    Py_XDECREF(modulename);
    return result;
}

PyObject *PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict)
{
    PyObject *mydict = NULL, *ret;
    if (dict == NULL)
        dict = mydict = PyDict_New();
    if (dict == NULL)
        return NULL;
    if (doc != NULL) {
        PyObject *docobj = PyUnicode_FromString(doc);
        if (docobj == NULL || PyDict_SetItemString(dict, "__doc__", docobj) < 0) {
            Py_XDECREF(docobj);
            Py_XDECREF(mydict);
            return NULL;
        }
        Py_DECREF(docobj);
    }
    ret = PyErr_NewException(name, base, dict);
    Py_XDECREF(mydict);
    return ret;
}

/* ---- unraisable exceptions: sys.unraisablehook, or "Exception ignored in: <obj>" ----
 * As CPython 3.11: the exception and context go to sys.unraisablehook as an
 * UnraisableHookArgs; with no hook (or None) the default writer prints them to
 * sys.stderr; if the hook fails, its own exception is written by the default writer. */

static PyTypeObject UnraisableHookArgsType;

static PyStructSequence_Field unraisable_hook_args_fields[] = {
    {"exc_type", "Exception type"},
    {"exc_value", "Exception value"},
    {"exc_traceback", "Exception traceback"},
    {"err_msg", "Error message"},
    {"object", "Object causing the exception"},
    {NULL, NULL},
};

static PyStructSequence_Desc unraisable_hook_args_desc = {
    "UnraisableHookArgs",
    "UnraisableHookArgs\n\nType used to pass arguments to sys.unraisablehook.",
    unraisable_hook_args_fields,
    5,
};

PyTypeObject *_PyErr_GetUnraisableHookArgsType(void)
{
    if (UnraisableHookArgsType.tp_name == NULL &&
        PyStructSequence_InitType2(&UnraisableHookArgsType, &unraisable_hook_args_desc) < 0)
        return NULL;
    return &UnraisableHookArgsType;
}

static PyObject *make_unraisable_hook_args(PyObject *exc_type, PyObject *exc_value, PyObject *exc_tb,
                                           PyObject *err_msg, PyObject *obj)
{
    PyTypeObject *type = _PyErr_GetUnraisableHookArgsType();
    if (type == NULL)
        return NULL;
    PyObject *args = PyStructSequence_New(type);
    if (args == NULL)
        return NULL;
    PyObject *items[5] = {exc_type, exc_value, exc_tb, err_msg, obj};
    for (int i = 0; i < 5; i++)
        PyStructSequence_SetItem(args, i, Py_NewRef(items[i] ? items[i] : Py_None));
    return args;
}

/* The default hook's output (CPython's write_unraisable_exc_file). */
static int write_unraisable_exc_file(PyObject *exc_type, PyObject *exc_value, PyObject *exc_tb,
                                     PyObject *err_msg, PyObject *obj, PyObject *file)
{
    if (obj != NULL && obj != Py_None) {
        if (err_msg != NULL && err_msg != Py_None) {
            if (PyFile_WriteObject(err_msg, file, Py_PRINT_RAW) < 0 || PyFile_WriteString(": ", file) < 0)
                return -1;
        } else if (PyFile_WriteString("Exception ignored in: ", file) < 0) {
            return -1;
        }
        if (PyFile_WriteObject(obj, file, 0) < 0) {
            PyErr_Clear();
            if (PyFile_WriteString("<object repr() failed>", file) < 0)
                return -1;
        }
        if (PyFile_WriteString("\n", file) < 0)
            return -1;
    } else if (err_msg != NULL && err_msg != Py_None) {
        if (PyFile_WriteObject(err_msg, file, Py_PRINT_RAW) < 0 || PyFile_WriteString(":\n", file) < 0)
            return -1;
    }
    if (exc_tb != NULL && exc_tb != Py_None && PyTraceBack_Print(exc_tb, file) < 0)
        PyErr_Clear();   /* continue with the exception line, as CPython */
    if (exc_type == NULL || exc_type == Py_None)
        return -1;
    /* "module.QualName: value" (no module for builtins and __main__). */
    PyObject *modulename = PyObject_GetAttrString(exc_type, "__module__");
    if (modulename == NULL || !PyUnicode_Check(modulename)) {
        Py_XDECREF(modulename);
        PyErr_Clear();
        if (PyFile_WriteString("<unknown>", file) < 0)
            return -1;
    } else {
        if (!_PyUnicode_EqualToASCIIString(modulename, "builtins") &&
            !_PyUnicode_EqualToASCIIString(modulename, "__main__")) {
            if (PyFile_WriteObject(modulename, file, Py_PRINT_RAW) < 0 || PyFile_WriteString(".", file) < 0) {
                Py_DECREF(modulename);
                return -1;
            }
        }
        Py_DECREF(modulename);
    }
    PyObject *qualname = PyType_Check(exc_type) ? PyType_GetQualName((PyTypeObject *)exc_type) : NULL;
    if (qualname == NULL || !PyUnicode_Check(qualname)) {
        Py_XDECREF(qualname);
        PyErr_Clear();
        if (PyFile_WriteString("<unknown>", file) < 0)
            return -1;
    } else {
        int r = PyFile_WriteObject(qualname, file, Py_PRINT_RAW);
        Py_DECREF(qualname);
        if (r < 0)
            return -1;
    }
    if (exc_value != NULL && exc_value != Py_None) {
        if (PyFile_WriteString(": ", file) < 0)
            return -1;
        if (PyFile_WriteObject(exc_value, file, Py_PRINT_RAW) < 0) {
            PyErr_Clear();
            if (PyFile_WriteString("<exception str() failed>", file) < 0)
                return -1;
        }
    }
    if (PyFile_WriteString("\n", file) < 0)
        return -1;
    PyObject *res = PyObject_CallMethod(file, "flush", NULL);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static int write_unraisable_exc(PyObject *exc_type, PyObject *exc_value, PyObject *exc_tb,
                                PyObject *err_msg, PyObject *obj)
{
    PyObject *file = PySys_GetObject("stderr");   /* borrowed */
    if (file == NULL || file == Py_None)
        return 0;
    Py_INCREF(file);   /* the writes may replace sys.stderr */
    int res = write_unraisable_exc_file(exc_type, exc_value, exc_tb, err_msg, obj, file);
    Py_DECREF(file);
    return res;
}

/* sys.unraisablehook's and sys.__unraisablehook__'s implementation. */
PyObject *_PyErr_WriteUnraisableDefaultHook(PyObject *args)
{
    PyTypeObject *type = _PyErr_GetUnraisableHookArgsType();
    if (type == NULL)
        return NULL;
    if (!Py_IS_TYPE(args, type)) {
        PyErr_SetString(PyExc_TypeError, "sys.unraisablehook argument type must be UnraisableHookArgs");
        return NULL;
    }
    PyObject *exc_type = PyStructSequence_GET_ITEM(args, 0);
    PyObject *exc_value = PyStructSequence_GET_ITEM(args, 1);
    PyObject *exc_tb = PyStructSequence_GET_ITEM(args, 2);
    PyObject *err_msg = PyStructSequence_GET_ITEM(args, 3);
    PyObject *obj = PyStructSequence_GET_ITEM(args, 4);
    if (write_unraisable_exc(exc_type, exc_value, exc_tb, err_msg, obj) < 0)
        return NULL;
    Py_RETURN_NONE;
}

void _PyErr_WriteUnraisableMsg(const char *err_msg_str, PyObject *obj)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *err_msg = NULL, *exc_type, *exc_value, *exc_tb, *hook_args, *hook = NULL, *res;
    _PyErr_Fetch(tstate, &exc_type, &exc_value, &exc_tb);
    if (exc_type == NULL)
        goto done;   /* no exception set */
    _PyErr_NormalizeException(tstate, &exc_type, &exc_value, &exc_tb);
    if (exc_tb == NULL && exc_value != NULL && PyExceptionInstance_Check(exc_value)) {
        PyObject *tb = PyException_GetTraceback(exc_value);
        if (tb != NULL && tb != Py_None)
            exc_tb = tb;
        else
            Py_XDECREF(tb);
    }
    if (exc_tb != NULL && exc_value != NULL && PyExceptionInstance_Check(exc_value) &&
        PyException_SetTraceback(exc_value, exc_tb) < 0)
        PyErr_Clear();
    if (err_msg_str != NULL) {
        err_msg = PyUnicode_FromFormat("Exception ignored %s", err_msg_str);
        if (err_msg == NULL)
            PyErr_Clear();
    }
    hook_args = make_unraisable_hook_args(exc_type, exc_value, exc_tb, err_msg, obj);
    if (hook_args == NULL) {
        err_msg_str = "Exception ignored on building sys.unraisablehook arguments";
        goto error;
    }
    hook = PySys_GetObject("unraisablehook");   /* borrowed */
    if (hook == NULL || hook == Py_None) {
        hook = NULL;
        Py_DECREF(hook_args);
        goto default_hook;
    }
    Py_INCREF(hook);   /* the hook may replace sys.unraisablehook */
    res = PyObject_CallOneArg(hook, hook_args);
    Py_DECREF(hook_args);
    if (res != NULL) {
        Py_DECREF(res);
        goto done;
    }
    /* sys.unraisablehook failed: report its exception with the default writer. */
    obj = hook;
    err_msg_str = NULL;
error:
    Py_XSETREF(err_msg, PyUnicode_FromString(err_msg_str ? err_msg_str
                                                         : "Exception ignored in sys.unraisablehook"));
    if (err_msg == NULL)
        PyErr_Clear();
    Py_XDECREF(exc_type);
    Py_XDECREF(exc_value);
    Py_XDECREF(exc_tb);
    _PyErr_Fetch(tstate, &exc_type, &exc_value, &exc_tb);
    _PyErr_NormalizeException(tstate, &exc_type, &exc_value, &exc_tb);
    if (exc_tb == NULL && exc_value != NULL && PyExceptionInstance_Check(exc_value)) {
        PyObject *tb = PyException_GetTraceback(exc_value);
        if (tb != NULL && tb != Py_None)
            exc_tb = tb;
        else
            Py_XDECREF(tb);
    }
default_hook:
    (void)write_unraisable_exc(exc_type, exc_value, exc_tb, err_msg, obj);
done:
    Py_XDECREF(exc_type);
    Py_XDECREF(exc_value);
    Py_XDECREF(exc_tb);
    Py_XDECREF(err_msg);
    Py_XDECREF(hook);
    _PyErr_Clear(tstate);
}

void PyErr_WriteUnraisable(PyObject *obj)
{
    _PyErr_WriteUnraisableMsg(NULL, obj);
}

/* ---- SyntaxError locations ---- */

/* Sets an int attribute, or None when value < 0; errors are swallowed like CPython's. */
static void syntax_set_int_attr(PyObject *v, const char *name, int value)
{
    PyObject *tmp = NULL;
    if (value >= 0 && (tmp = PyLong_FromLong(value)) == NULL)
        PyErr_Clear();
    if (PyObject_SetAttrString(v, name, tmp ? tmp : Py_None) < 0)
        PyErr_Clear();
    Py_XDECREF(tmp);
}

static void syntax_location_ex(PyObject *filename, int lineno, int col_offset,
                               int end_lineno, int end_col_offset)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *exc, *v, *tb, *tmp;
    _PyErr_Fetch(tstate, &exc, &v, &tb);
    _PyErr_NormalizeException(tstate, &exc, &v, &tb);
    if ((tmp = PyLong_FromLong(lineno)) == NULL || PyObject_SetAttrString(v, "lineno", tmp) < 0)
        PyErr_Clear();
    Py_XDECREF(tmp);
    syntax_set_int_attr(v, "offset", col_offset);
    syntax_set_int_attr(v, "end_lineno", end_lineno);
    syntax_set_int_attr(v, "end_offset", end_col_offset);
    if (filename != NULL) {
        if (PyObject_SetAttrString(v, "filename", filename) < 0)
            PyErr_Clear();
        tmp = PyErr_ProgramTextObject(filename, lineno);
        if (tmp != NULL) {
            if (PyObject_SetAttrString(v, "text", tmp) < 0)
                PyErr_Clear();
            Py_DECREF(tmp);
        } else {
            PyErr_Clear();
        }
    }
    _PyErr_Restore(tstate, exc, v, tb);
}

/* As 3.11: the end line is the start line, the end offset unknown (None). */
void PyErr_SyntaxLocationObject(PyObject *filename, int lineno, int col_offset)
{
    syntax_location_ex(filename, lineno, col_offset, lineno, -1);
}

void PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset)
{
    PyObject *fileobj = NULL;
    if (filename != NULL && (fileobj = PyUnicode_DecodeFSDefault(filename)) == NULL)
        PyErr_Clear();
    PyErr_SyntaxLocationObject(fileobj, lineno, col_offset);
    Py_XDECREF(fileobj);
}

void PyErr_SyntaxLocation(const char *filename, int lineno)
{
    PyErr_SyntaxLocationEx(filename, lineno, -1);
}

/* Line `lineno` (1-based) of the file, decoded as UTF-8, or NULL (no exception). */
PyObject *PyErr_ProgramTextObject(PyObject *filename, int lineno)
{
    if (filename == NULL || lineno <= 0 || !PyUnicode_Check(filename))
        return NULL;
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp == NULL)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int i = 0; i < lineno; i++) {
        n = getline(&line, &cap, fp);
        if (n < 0)
            break;
    }
    fclose(fp);
    PyObject *res = NULL;
    if (n >= 0) {
        res = PyUnicode_DecodeUTF8(line, n, "replace");
        if (res == NULL)
            PyErr_Clear();
    }
    free(line);
    return res;
}

PyObject *PyErr_ProgramText(const char *filename, int lineno)
{
    if (filename == NULL)
        return NULL;
    PyObject *f = PyUnicode_DecodeFSDefault(filename);
    if (f == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *res = PyErr_ProgramTextObject(f, lineno);
    Py_DECREF(f);
    return res;
}

/* ---- signals: the SIGINT handler sets the flag, the eval loop polls it ---- */

volatile int _PyErr_InterruptPending = 0;

int _PySignal_HandleTripped(void);     /* src/modules/_signalmodule.c (modules-os) */

/* Signals are handled in the main thread only (a worker must not consume Ctrl-C); run
 * the Python-level handlers first, so blocking calls see them promptly. */
int _PyErr_CheckSignalsTstate(PyThreadState *tstate)
{
    if (!_Py_IsMainThread())
        return 0;
    if (_PySignal_HandleTripped() < 0)
        return -1;
    if (!_PyErr_InterruptPending)
        return 0;
    _PyErr_InterruptPending = 0;
    _PyErr_SetNone(tstate, PyExc_KeyboardInterrupt);
    return -1;
}

int PyErr_CheckSignals(void) { return _PyErr_CheckSignalsTstate(_PyThreadState_GET()); }
/* As CPython: SIGINT through the signal module, which honours SIG_IGN/SIG_DFL handlers. */
void PyErr_SetInterrupt(void) { (void)PyErr_SetInterruptEx(SIGINT); }

/* ---- fatal errors ---- */

void _Py_FatalErrorFunc(const char *func, const char *message)
{
    fflush(stdout);
    if (func != NULL)
        fprintf(stderr, "Fatal Python error: %s: %s\n", func, message);
    else
        fprintf(stderr, "Fatal Python error: %s\n", message);
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate != NULL && tstate->curexc_type != NULL) {
        fprintf(stderr, "Python runtime state: initialized\n");
        PyErr_Print();
    }
    fflush(stderr);
    abort();
}

void _Py_FatalErrorFormat(const char *func, const char *format, ...)
{
    char buf[1024];
    va_list vargs;
    va_start(vargs, format);
    vsnprintf(buf, sizeof buf, format, vargs);
    va_end(vargs);
    _Py_FatalErrorFunc(func, buf);
}

#undef Py_FatalError
void Py_FatalError(const char *message)
{
    _Py_FatalErrorFunc(NULL, message);
}
