/* warnings.h — issuing warnings from C (PyErr_Warn*) with CPython's filter algorithm
 * (src/runtime/warnings.c); the state is shared with the _warnings module and so with
 * the stdlib `warnings`.  Owner: runtime. */
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
PyObject *PyInit__warnings(void);
/* The shared filter state and CPython's warn_explicit()/setup_context() (warnings.c),
 * used by src/modules/_warnings.c. */
int _PyWarnings_InitState(void);
PyObject *_PyWarnings_GetFilters(void);
PyObject *_PyWarnings_GetOnceRegistry(void);
PyObject *_PyWarnings_GetDefaultAction(void);
void _PyWarnings_FiltersMutated(void);
int _PyWarnings_WarnExplicit(PyObject *category, PyObject *message, PyObject *filename,
                             int lineno, PyObject *module, PyObject *registry,
                             PyObject *sourceline, PyObject *source);
int _PyWarnings_WarnWithStack(PyObject *category, PyObject *message, Py_ssize_t stack_level,
                              PyObject *source);

#endif
