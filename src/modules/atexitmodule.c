/* atexitmodule.c — the `atexit` module: register/unregister/_clear/_run_exitfuncs/
 * _ncallbacks as thin wrappers over the runtime's registry in pylifecycle.c
 * (_PyAtExit_*), which Py_FinalizeEx runs.  Owner: modules-os. */
#include "Python.h"

static PyObject *atexit_register(PyObject *m, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) == 0) {
        PyErr_SetString(PyExc_TypeError, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    PyObject *func = PyTuple_GET_ITEM(args, 0);
    if (!PyCallable_Check(func)) {
        PyErr_SetString(PyExc_TypeError, "the first argument must be callable");
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (rest == NULL)
        return NULL;
    PyObject *kw = NULL;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) > 0 && (kw = PyDict_Copy(kwargs)) == NULL) {
        Py_DECREF(rest);
        return NULL;
    }
    int r = _PyAtExit_Register(func, rest, kw);
    Py_DECREF(rest);
    Py_XDECREF(kw);
    return r < 0 ? NULL : Py_NewRef(func);
}

static PyObject *atexit_unregister(PyObject *m, PyObject *func)
{
    if (_PyAtExit_Unregister(func) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *atexit_clear(PyObject *m, PyObject *unused)
{
    _PyAtExit_Clear();
    Py_RETURN_NONE;
}

static PyObject *atexit_run_exitfuncs(PyObject *m, PyObject *unused)
{
    _PyAtExit_Call();
    Py_RETURN_NONE;
}

static PyObject *atexit_ncallbacks(PyObject *m, PyObject *unused)
{
    return PyLong_FromSsize_t(_PyAtExit_Count());
}

static PyMethodDef atexit_methods[] = {
    {"register", (PyCFunction)(void (*)(void))atexit_register, METH_VARARGS | METH_KEYWORDS,
     "register(func, *args, **kwargs) -> func\n\n"
     "Register a function to be executed upon normal program termination\n\n"
     "    func - function to be called at exit\n"
     "    args - optional arguments to pass to func\n"
     "    kwargs - optional keyword arguments to pass to func\n\n"
     "    func is returned to facilitate usage as a decorator."},
    {"_clear", atexit_clear, METH_NOARGS, "_clear() -> None\n\nClear the list of previously registered exit functions."},
    {"unregister", atexit_unregister, METH_O,
     "unregister(func) -> None\n\nUnregister an exit function which was previously registered using\n"
     "atexit.register\n\n    func - function to be unregistered"},
    {"_run_exitfuncs", atexit_run_exitfuncs, METH_NOARGS,
     "_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\n"
     "If a callback raises an exception, it is logged with sys.unraisablehook."},
    {"_ncallbacks", atexit_ncallbacks, METH_NOARGS,
     "_ncallbacks() -> int\n\nReturn the number of registered exit functions."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef atexitmodule = {
    PyModuleDef_HEAD_INIT, "atexit",
    "allow programmer to define multiple exit functions to be executed\n"
    "upon normal program termination.\n\n"
    "Two public functions, register and unregister, are defined.\n",
    -1, atexit_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_atexit(void) { return PyModule_Create(&atexitmodule); }
