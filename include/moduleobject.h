/* moduleobject.h — module objects and PyModuleDef (single- and multi-phase init).
 * Implementation: src/objects/moduleobject.c.  Owner: objects-type.
 * PyModule_Add* helpers and PyModule_Create2 live in moduleobject.c too. */
#ifndef Py_MODULEOBJECT_H
#define Py_MODULEOBJECT_H

#include "object.h"
#include "methodobject.h"

extern PyTypeObject PyModule_Type;
extern PyTypeObject PyModuleDef_Type;
#define PyModule_Check(op) PyObject_TypeCheck(op, &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE(op, &PyModule_Type)

typedef struct PyModuleDef_Base {
    PyObject_HEAD
    PyObject *(*m_init)(void);
    Py_ssize_t m_index;
    PyObject *m_copy;
} PyModuleDef_Base;

#define PyModuleDef_HEAD_INIT { PyObject_HEAD_INIT(NULL) NULL, 0, NULL }

typedef struct PyModuleDef_Slot {
    int slot;
    void *value;
} PyModuleDef_Slot;

#define Py_mod_create 1
#define Py_mod_exec 2
#define _Py_mod_LAST_SLOT 2

typedef struct PyModuleDef {
    PyModuleDef_Base m_base;
    const char *m_name;
    const char *m_doc;
    Py_ssize_t m_size;
    PyMethodDef *m_methods;
    PyModuleDef_Slot *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
} PyModuleDef;

typedef struct {
    PyObject_HEAD
    PyObject *md_dict;
    PyModuleDef *md_def;
    void *md_state;
    PyObject *md_weaklist;
    PyObject *md_name; /* for logging purposes after md_dict is cleared */
} PyModuleObject;

#define PYTHON_API_VERSION 1013
#define PYTHON_ABI_VERSION 3

PyObject *PyModule_NewObject(PyObject *name);
PyObject *PyModule_New(const char *name);
PyObject *PyModule_GetDict(PyObject *);           /* borrowed */
PyObject *PyModule_GetNameObject(PyObject *);
const char *PyModule_GetName(PyObject *);
PyObject *PyModule_GetFilenameObject(PyObject *);
const char *PyModule_GetFilename(PyObject *);
PyModuleDef *PyModule_GetDef(PyObject *);
void *PyModule_GetState(PyObject *);
PyObject *PyModuleDef_Init(PyModuleDef *);

PyObject *PyModule_Create2(PyModuleDef *, int apiver);
#define PyModule_Create(module) PyModule_Create2((module), PYTHON_API_VERSION)
PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int module_api_version);
#define PyModule_FromDefAndSpec(module, spec) \
    PyModule_FromDefAndSpec2((module), (spec), PYTHON_API_VERSION)
int PyModule_ExecDef(PyObject *module, PyModuleDef *def);

int PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value);
/* Steals a reference to value on success only (CPython's quirk). */
int PyModule_AddObject(PyObject *mod, const char *name, PyObject *value);
int PyModule_AddIntConstant(PyObject *mod, const char *name, long value);
int PyModule_AddStringConstant(PyObject *mod, const char *name, const char *value);
#define PyModule_AddIntMacro(m, c) PyModule_AddIntConstant((m), #c, (c))
#define PyModule_AddStringMacro(m, c) PyModule_AddStringConstant((m), #c, (c))
int PyModule_AddType(PyObject *mod, PyTypeObject *type);
int PyModule_AddFunctions(PyObject *mod, PyMethodDef *functions);
int PyModule_SetDocString(PyObject *mod, const char *doc);

/* Module attribute lookup, optionally without raising AttributeError (suppress=1). */
PyObject *_PyModule_GetAttro(PyModuleObject *m, PyObject *name, int suppress);
void _PyModule_Clear(PyObject *);
void _PyModule_ClearDict(PyObject *);

#endif /* Py_MODULEOBJECT_H */
