/* _testext.c — a test extension module for tests/import/extension_modules.py, compiled
 * by that test against the running interpreter's headers (Krait's include/ or CPython's)
 * and imported under several names (symlinks), each name selecting one PyInit_ function:
 * single-phase and multi-phase init, module state, and the ways an init can fail. */
#define PY_SSIZE_T_CLEAN
#include "Python.h"

/* ---- single-phase: PyModule_Create, m_size -1, a static count of init calls ---- */

static int single_inits = 0;
static struct PyModuleDef single_def;

static PyObject *single_inits_fn(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(single_inits);
}

static PyObject *single_find_self(PyObject *self, PyObject *unused)
{
    PyObject *found = PyState_FindModule(&single_def);
    return PyBool_FromLong(found == self);
}

static PyMethodDef single_methods[] = {
    {"inits", single_inits_fn, METH_NOARGS, "number of PyInit calls"},
    {"find_self", single_find_self, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef single_def = {
    PyModuleDef_HEAD_INIT, "_testext_single", "a single-phase test module", -1,
    single_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__testext_single(void)
{
    single_inits++;
    PyObject *m = PyModule_Create(&single_def);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "answer", 42) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}

/* ---- multi-phase: a def with an exec slot and per-module state ---- */

typedef struct {
    long execs;
    long bumps;
} multi_state;

static int multi_inits = 0;

static int multi_exec(PyObject *m)
{
    multi_state *st = PyModule_GetState(m);
    st->execs++;
    return PyModule_AddIntConstant(m, "answer", 43);
}

static PyObject *multi_bump(PyObject *self, PyObject *unused)
{
    multi_state *st = PyModule_GetState(self);
    return PyLong_FromLong(++st->bumps);
}

static PyObject *multi_info(PyObject *self, PyObject *unused)
{
    multi_state *st = PyModule_GetState(self);
    return Py_BuildValue("(ill)", multi_inits, st->execs, st->bumps);
}

static PyMethodDef multi_methods[] = {
    {"bump", multi_bump, METH_NOARGS, NULL},
    {"info", multi_info, METH_NOARGS, "(PyInit calls, exec calls, bumps)"},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot multi_slots[] = {
    {Py_mod_exec, (void *)multi_exec},
    {0, NULL},
};

static struct PyModuleDef multi_def = {
    PyModuleDef_HEAD_INIT, "_testext_multi", "a multi-phase test module",
    sizeof(multi_state), multi_methods, multi_slots, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__testext_multi(void)
{
    multi_inits++;
    return PyModuleDef_Init(&multi_def);
}

/* ---- multi-phase with an exec slot that fails ---- */

static int badexec_exec(PyObject *m)
{
    PyErr_SetString(PyExc_ValueError, "exec slot failed");
    return -1;
}

static PyModuleDef_Slot badexec_slots[] = {
    {Py_mod_exec, (void *)badexec_exec},
    {0, NULL},
};

static struct PyModuleDef badexec_def = {
    PyModuleDef_HEAD_INIT, "_testext_badexec", NULL, 0, NULL, badexec_slots, NULL, NULL,
    NULL,
};

PyMODINIT_FUNC PyInit__testext_badexec(void)
{
    return PyModuleDef_Init(&badexec_def);
}

/* ---- init functions that fail ---- */

PyMODINIT_FUNC PyInit__testext_null(void)
{
    return NULL;   /* no exception set */
}

PyMODINIT_FUNC PyInit__testext_raise(void)
{
    PyErr_SetString(PyExc_RuntimeError, "init refused");
    return NULL;
}

PyMODINIT_FUNC PyInit__testext_unreported(void)
{
    PyErr_SetString(PyExc_KeyError, "left over");
    return PyLong_FromLong(1);
}

PyMODINIT_FUNC PyInit__testext_notmodule(void)
{
    return PyLong_FromLong(1);
}

static struct PyModuleDef uninit_def = {
    PyModuleDef_HEAD_INIT, "_testext_uninit", NULL, 0, NULL, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit__testext_uninit(void)
{
    return (PyObject *)&uninit_def;   /* PyModuleDef_Init not called */
}
