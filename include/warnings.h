/* warnings.h — issuing warnings from C (PyErr_Warn*), with CPython's default filters in
 * C until the stdlib `warnings` module takes over (src/runtime/warnings.c).  Owner: runtime. */
#ifndef PY_WARNINGS_H
#define PY_WARNINGS_H
#include "object.h"

int PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level);
int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...);
int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...);
int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry);
int PyErr_WarnExplicit(PyObject *category, const char *message, const char *filename,
                       int lineno, const char *module, PyObject *registry);
int PyErr_WarnExplicitFormat(PyObject *category, const char *filename, int lineno,
                             const char *module, PyObject *registry, const char *format, ...);
#define PyErr_Warn(category, msg) PyErr_WarnEx((category), (msg), 1)
/* The _warnings module (warn, warn_explicit, filters, _defaultaction, _onceregistry). */
PyObject *_PyWarnings_Init(void);
void _PyWarnings_Fini(PyInterpreterState *);

#endif
