/* context.h — contextvars C API (PEP 567), as CPython 3.11's cpython/context.h.
 * Owner: objects-containers (src/objects/contextobject.c). */
#ifndef Py_CONTEXT_H
#define Py_CONTEXT_H

extern PyTypeObject PyContext_Type;
extern PyTypeObject PyContextVar_Type;
extern PyTypeObject PyContextToken_Type;
typedef struct _pycontextobject PyContext;
typedef struct _pycontextvarobject PyContextVar;
typedef struct _pycontexttokenobject PyContextToken;

#define PyContext_CheckExact(o) Py_IS_TYPE((o), &PyContext_Type)
#define PyContextVar_CheckExact(o) Py_IS_TYPE((o), &PyContextVar_Type)
#define PyContextToken_CheckExact(o) Py_IS_TYPE((o), &PyContextToken_Type)

PyObject *PyContext_New(void);
PyObject *PyContext_Copy(PyObject *);
PyObject *PyContext_CopyCurrent(void);
int PyContext_Enter(PyObject *);
int PyContext_Exit(PyObject *);

PyObject *PyContextVar_New(const char *name, PyObject *default_value);
/* 0 with *value set (new reference, or NULL if absent and no default), -1 on error. */
int PyContextVar_Get(PyObject *var, PyObject *default_value, PyObject **value);
PyObject *PyContextVar_Set(PyObject *var, PyObject *value);   /* returns a Token */
int PyContextVar_Reset(PyObject *var, PyObject *token);

#endif /* !Py_CONTEXT_H */
