/* call.c — the call protocol: PyObject_Call (tuple + dict), vectorcall (a C array of
 * arguments plus a tuple of keyword names) and the convenience wrappers built on them.
 * A callable's own behaviour is its tp_call / vectorcall slot; Python functions are
 * run by compiler-vm (ceval.c), argument building by the runtime (Py_BuildValue). */
#include "Python.h"

/* A NULL result must come with an exception, a non-NULL one without. */
PyObject *_Py_CheckFunctionResult(PyObject *callable, PyObject *result, const char *where)
{
    if (result == NULL) {
        if (!PyErr_Occurred()) {
            if (callable)
                PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception",
                             callable);
            else
                PyErr_Format(PyExc_SystemError, "%s returned NULL without setting an exception",
                             where);
        }
        return NULL;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        if (callable)
            _PyErr_FormatFromCause(PyExc_SystemError, "%R returned a result with an exception set",
                                   callable);
        else
            _PyErr_FormatFromCause(PyExc_SystemError, "%s returned a result with an exception set",
                                   where);
        return NULL;
    }
    return result;
}

/* The common case of _Py_CheckFunctionResult inline: a result and no exception set. */
static inline PyObject *check_result(PyObject *callable, PyObject *result)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (result != NULL && (ts == NULL || ts->curexc_type == NULL))
        return result;
    return _Py_CheckFunctionResult(callable, result, NULL);
}

vectorcallfunc PyVectorcall_Function(PyObject *callable)
{
    PyTypeObject *tp = Py_TYPE(callable);
    Py_ssize_t offset;
    if (!PyType_HasFeature(tp, Py_TPFLAGS_HAVE_VECTORCALL))
        return NULL;
    offset = tp->tp_vectorcall_offset;
    if (offset <= 0)
        return NULL;
    return *(vectorcallfunc *)(((char *)callable) + offset);
}

static PyObject *object_is_not_callable(PyObject *callable)
{
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not callable", Py_TYPE(callable)->tp_name);
    return NULL;
}

/* kwnames + the values after the positional ones -> a new dict. */
PyObject *_PyStack_AsDict(PyObject *const *values, PyObject *kwnames)
{
    Py_ssize_t i, nkwargs = PyTuple_GET_SIZE(kwnames);
    PyObject *kwdict = PyDict_New();
    if (kwdict == NULL)
        return NULL;
    for (i = 0; i < nkwargs; i++) {
        if (PyDict_SetItem(kwdict, PyTuple_GET_ITEM(kwnames, i), values[i]) < 0) {
            Py_DECREF(kwdict);
            return NULL;
        }
    }
    return kwdict;
}

/* Call tp_call with a tuple and dict made from a vector (callables without vectorcall). */
PyObject *_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable, PyObject *const *args,
                               Py_ssize_t nargs, PyObject *keywords)
{
    ternaryfunc call = Py_TYPE(callable)->tp_call;
    PyObject *argstuple, *kwdict, *result;
    if (call == NULL)
        return object_is_not_callable(callable);
    argstuple = _PyTuple_FromArray(args, nargs);
    if (argstuple == NULL)
        return NULL;
    if (keywords == NULL || PyDict_Check(keywords)) {
        kwdict = keywords;
        Py_XINCREF(kwdict);
    }
    else if (PyTuple_GET_SIZE(keywords)) {
        kwdict = _PyStack_AsDict(args + nargs, keywords);
        if (kwdict == NULL) {
            Py_DECREF(argstuple);
            return NULL;
        }
    }
    else {
        kwdict = NULL;
    }
    if (Py_EnterRecursiveCall(" while calling a Python object")) {
        result = NULL;
    }
    else {
        result = call(callable, argstuple, kwdict);
        Py_LeaveRecursiveCall();
    }
    Py_DECREF(argstuple);
    Py_XDECREF(kwdict);
    return check_result(callable, result);
}

PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    PyObject *res;
    if (func == NULL) {
        Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
        return _PyObject_MakeTpCall(_PyThreadState_GET(), callable, args, nargs, kwnames);
    }
    res = func(callable, args, nargsf, kwnames);
    return check_result(callable, res);
}

/* Split a dict of keyword arguments into a vector tail + kwnames tuple. */
static PyObject *const *stack_unpack_dict(PyObject *const *args, Py_ssize_t nargs,
                                          PyObject *kwargs, PyObject **p_kwnames)
{
    Py_ssize_t nkwargs = PyDict_Size(kwargs), i, pos;
    PyObject **stack, *kwnames, *key, *value;
    int keys_are_strings = 1;
    stack = PyMem_Malloc((size_t)(1 + nargs + nkwargs) * sizeof(PyObject *));
    if (stack == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    kwnames = PyTuple_New(nkwargs);
    if (kwnames == NULL) {
        PyMem_Free(stack);
        return NULL;
    }
    stack++; /* For PY_VECTORCALL_ARGUMENTS_OFFSET */
    for (i = 0; i < nargs; i++)
        stack[i] = Py_NewRef(args[i]);
    pos = i = 0;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        keys_are_strings &= PyUnicode_Check(key) ? 1 : 0;
        PyTuple_SET_ITEM(kwnames, i, Py_NewRef(key));
        stack[nargs + i] = Py_NewRef(value);
        i++;
    }
    if (!keys_are_strings) {
        PyErr_SetString(PyExc_TypeError, "keywords must be strings");
        for (i = 0; i < nargs + nkwargs; i++)
            Py_DECREF(stack[i]);
        PyMem_Free(stack - 1);
        Py_DECREF(kwnames);
        return NULL;
    }
    *p_kwnames = kwnames;
    return stack;
}

static void stack_unpack_dict_free(PyObject *const *stack, Py_ssize_t nargs, PyObject *kwnames)
{
    Py_ssize_t i, n = PyTuple_GET_SIZE(kwnames) + nargs;
    for (i = 0; i < n; i++)
        Py_DECREF(stack[i]);
    PyMem_Free((PyObject **)stack - 1);
    Py_DECREF(kwnames);
}

PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwargs)
{
    vectorcallfunc func;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *res, *kwnames;
    PyObject *const *newargs;

    func = PyVectorcall_Function(callable);
    if (func == NULL)
        return _PyObject_MakeTpCall(_PyThreadState_GET(), callable, args, nargs, kwargs);
    if (kwargs == NULL || PyDict_Size(kwargs) == 0) {
        res = func(callable, args, nargsf, NULL);
    }
    else {
        newargs = stack_unpack_dict(args, nargs, kwargs, &kwnames);
        if (newargs == NULL)
            return NULL;
        res = func(callable, newargs, (size_t)nargs | PY_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
        stack_unpack_dict_free(newargs, nargs, kwnames);
    }
    return _Py_CheckFunctionResult(callable, res, NULL);
}

PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs)
{
    vectorcallfunc func = PyVectorcall_Function(callable);
    PyObject *const *args;
    Py_ssize_t nargs;
    if (func == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support vectorcall",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    nargs = PyTuple_GET_SIZE(tuple);
    args = &PyTuple_GET_ITEM(tuple, 0);
    if (kwargs == NULL || PyDict_Size(kwargs) == 0)
        return _Py_CheckFunctionResult(callable, func(callable, args, (size_t)nargs, NULL), NULL);
    return PyObject_VectorcallDict(callable, args, (size_t)nargs, kwargs);
}

PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs)
{
    ternaryfunc call;
    PyObject *result;
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_SetString(PyExc_TypeError, "keyword list must be a dictionary");
        return NULL;
    }
    if (PyVectorcall_Function(callable) != NULL)
        return PyVectorcall_Call(callable, args, kwargs);
    call = Py_TYPE(callable)->tp_call;
    if (call == NULL)
        return object_is_not_callable(callable);
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    result = (*call)(callable, args, kwargs);
    Py_LeaveRecursiveCall();
    return _Py_CheckFunctionResult(callable, result, NULL);
}

PyObject *PyObject_CallObject(PyObject *callable, PyObject *args)
{
    if (args == NULL)
        return PyObject_Vectorcall(callable, NULL, 0, NULL);
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "argument list must be a tuple");
        return NULL;
    }
    return PyObject_Call(callable, args, NULL);
}

PyObject *PyObject_CallNoArgs(PyObject *func)
{
    return PyObject_Vectorcall(func, NULL, 0, NULL);
}

PyObject *PyObject_CallOneArg(PyObject *func, PyObject *arg)
{
    PyObject *_args[2];
    PyObject **args = _args + 1; /* For PY_VECTORCALL_ARGUMENTS_OFFSET */
    args[0] = arg;
    return PyObject_Vectorcall(func, args, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* callable(obj, *args, **kwargs) */
PyObject *_PyObject_Call_Prepend(PyObject *callable, PyObject *obj, PyObject *args, PyObject *kwargs)
{
    PyObject *small_stack[8];
    PyObject **stack;
    Py_ssize_t argcount = PyTuple_GET_SIZE(args), i;
    PyObject *result;
    if ((size_t)argcount + 1 <= Py_ARRAY_LENGTH(small_stack)) {
        stack = small_stack;
    }
    else {
        stack = PyMem_Malloc((size_t)(argcount + 1) * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    stack[0] = obj;
    for (i = 0; i < argcount; i++)
        stack[i + 1] = PyTuple_GET_ITEM(args, i);
    result = PyObject_VectorcallDict(callable, stack, (size_t)argcount + 1, kwargs);
    if (stack != small_stack)
        PyMem_Free(stack);
    return result;
}

/* Call with arguments built by Py_BuildValue: a tuple result is the argument list. */
static PyObject *call_with_built_args(PyObject *callable, PyObject *built)
{
    PyObject *res;
    if (built == NULL)
        return NULL;
    if (PyTuple_Check(built)) {
        res = PyObject_Call(callable, built, NULL);
    }
    else {
        res = PyObject_CallOneArg(callable, built);
    }
    Py_DECREF(built);
    return res;
}

static PyObject *callmethod_va(PyObject *callable, const char *format, va_list va, int is_size_t)
{
    PyObject *built;
    if (!PyCallable_Check(callable)) {
        PyErr_Format(PyExc_TypeError, "attribute of type '%.200s' is not callable",
                     Py_TYPE(callable)->tp_name);
        return NULL;
    }
    if (format == NULL || *format == '\0')
        return PyObject_CallNoArgs(callable);
    built = is_size_t ? _Py_VaBuildValue_SizeT(format, va) : Py_VaBuildValue(format, va);
    return call_with_built_args(callable, built);
}

PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    PyObject *result, *built;
    if (format == NULL || *format == '\0')
        return PyObject_CallNoArgs(callable);
    va_start(va, format);
    built = Py_VaBuildValue(format, va);
    va_end(va);
    result = call_with_built_args(callable, built);
    return result;
}

PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...)
{
    va_list va;
    PyObject *built;
    if (format == NULL || *format == '\0')
        return PyObject_CallNoArgs(callable);
    va_start(va, format);
    built = _Py_VaBuildValue_SizeT(format, va);
    va_end(va);
    return call_with_built_args(callable, built);
}

PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    PyObject *callable, *retval;
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return NULL;
    }
    callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL)
        return NULL;
    va_start(va, format);
    retval = callmethod_va(callable, format, va, 0);
    va_end(va);
    Py_DECREF(callable);
    return retval;
}

PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    PyObject *callable, *retval;
    callable = PyObject_GetAttrString(obj, name);
    if (callable == NULL)
        return NULL;
    va_start(va, format);
    retval = callmethod_va(callable, format, va, 1);
    va_end(va);
    Py_DECREF(callable);
    return retval;
}

PyObject *_PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...)
{
    va_list va;
    PyObject *callable, *retval;
    callable = PyObject_GetAttr(obj, name);
    if (callable == NULL)
        return NULL;
    va_start(va, format);
    retval = callmethod_va(callable, format, va, 1);
    va_end(va);
    Py_DECREF(callable);
    return retval;
}

/* obj.name(*args) without building a bound method when possible. */
PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames)
{
    PyObject *callable = NULL, *result;
    int unbound = _PyObject_GetMethod(args[0], name, &callable);
    if (callable == NULL)
        return NULL;
    if (unbound) {
        /* We must remove PY_VECTORCALL_ARGUMENTS_OFFSET since that flag only applies
         * to args[-1] and we don't have that here. */
        nargsf &= ~PY_VECTORCALL_ARGUMENTS_OFFSET;
    }
    else {
        /* Skip "self". We can keep PY_VECTORCALL_ARGUMENTS_OFFSET since args[-1] is
         * not in use. */
        args++;
        nargsf--;
    }
    result = PyObject_Vectorcall(callable, args, nargsf, kwnames);
    Py_DECREF(callable);
    return result;
}

PyObject *PyObject_CallMethodNoArgs(PyObject *self, PyObject *name)
{
    return PyObject_VectorcallMethod(name, &self, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

PyObject *PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg)
{
    PyObject *args[2] = {self, arg};
    return PyObject_VectorcallMethod(name, args, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* Collect a NULL-terminated list of PyObject* varargs into a vector and call. */
static PyObject *object_vacall(PyObject *base, PyObject *callable, va_list vargs)
{
    PyObject *small_stack[8];
    PyObject **stack;
    Py_ssize_t nargs, i;
    PyObject *result;
    va_list countva;

    if (callable == NULL) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return NULL;
    }
    /* Count the number of arguments */
    va_copy(countva, vargs);
    nargs = base ? 1 : 0;
    while (1) {
        PyObject *arg = va_arg(countva, PyObject *);
        if (arg == NULL)
            break;
        nargs++;
    }
    va_end(countva);
    if ((size_t)nargs <= Py_ARRAY_LENGTH(small_stack)) {
        stack = small_stack;
    }
    else {
        stack = PyMem_Malloc((size_t)nargs * sizeof(stack[0]));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    i = 0;
    if (base)
        stack[i++] = base;
    for (; i < nargs; ++i)
        stack[i] = va_arg(vargs, PyObject *);
    result = PyObject_Vectorcall(callable, stack, (size_t)nargs, NULL);
    if (stack != small_stack)
        PyMem_Free(stack);
    return result;
}

PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    va_list vargs;
    PyObject *result;
    va_start(vargs, callable);
    result = object_vacall(NULL, callable, vargs);
    va_end(vargs);
    return result;
}

PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    va_list vargs;
    PyObject *callable = NULL, *result;
    int is_method;
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return NULL;
    }
    is_method = _PyObject_GetMethod(obj, name, &callable);
    if (callable == NULL)
        return NULL;
    obj = is_method ? obj : NULL;
    va_start(vargs, name);
    result = object_vacall(obj, callable, vargs);
    va_end(vargs);
    Py_DECREF(callable);
    return result;
}
