/* _contextvarsmodule.c — the `_contextvars` module (PEP 567): exports Context,
 * ContextVar, Token and copy_context().  Owner: objects-containers; the types and the
 * PyContext* C API live in src/objects/contextobject.c. */
#include "Python.h"
#include "context.h"

int _PyContext_Init(void);

static PyObject *copy_context(PyObject *module, PyObject *unused)
{
    return PyContext_CopyCurrent();
}

static PyMethodDef contextvars_functions[] = {
    {"copy_context", copy_context, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef contextvarsmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_contextvars",
    .m_doc = "Context Variables",
    .m_size = -1,
    .m_methods = contextvars_functions,
};

PyObject *PyInit__contextvars(void)
{
    if (_PyContext_Init() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&contextvarsmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &PyContext_Type) < 0 || PyModule_AddType(m, &PyContextVar_Type) < 0 ||
        PyModule_AddType(m, &PyContextToken_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
