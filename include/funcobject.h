/* funcobject.h — Python function objects, plus classmethod and staticmethod.
 * Owner: compiler-vm (src/objects/funcobject.c).  Calling binds arguments to a new
 * frame in src/vm/ceval.c (_PyEval_Vector). */
#ifndef Py_FUNCOBJECT_H
#define Py_FUNCOBJECT_H
#include "object.h"

typedef struct {
    PyObject_HEAD
    PyObject *func_globals;
    PyObject *func_builtins;
    PyObject *func_name;
    PyObject *func_qualname;
    PyObject *func_code;        /* a PyCodeObject */
    PyObject *func_defaults;    /* tuple or NULL */
    PyObject *func_kwdefaults;  /* dict or NULL */
    PyObject *func_closure;     /* tuple of cells or NULL */
    PyObject *func_doc;
    PyObject *func_dict;
    PyObject *func_weakreflist;
    PyObject *func_module;      /* __module__ */
    PyObject *func_annotations; /* dict or NULL (built lazily from a tuple) */
    vectorcallfunc vectorcall;
    uint32_t func_version;
} PyFunctionObject;

extern PyTypeObject PyFunction_Type;
extern PyTypeObject PyClassMethod_Type;
extern PyTypeObject PyStaticMethod_Type;
#define PyFunction_Check(op) Py_IS_TYPE(op, &PyFunction_Type)

PyObject *PyFunction_New(PyObject *code, PyObject *globals);
PyObject *PyFunction_NewWithQualName(PyObject *code, PyObject *globals, PyObject *qualname);
PyObject *PyFunction_GetCode(PyObject *);
PyObject *PyFunction_GetGlobals(PyObject *);
PyObject *PyFunction_GetModule(PyObject *);
PyObject *PyFunction_GetDefaults(PyObject *);
int PyFunction_SetDefaults(PyObject *, PyObject *);
PyObject *PyFunction_GetKwDefaults(PyObject *);
int PyFunction_SetKwDefaults(PyObject *, PyObject *);
PyObject *PyFunction_GetClosure(PyObject *);
int PyFunction_SetClosure(PyObject *, PyObject *);
PyObject *PyFunction_GetAnnotations(PyObject *);
int PyFunction_SetAnnotations(PyObject *, PyObject *);
PyObject *_PyFunction_Vectorcall(PyObject *func, PyObject *const *stack, size_t nargsf,
                                 PyObject *kwnames);
#define PyFunction_GET_CODE(func) (((PyFunctionObject *)(func))->func_code)
#define PyFunction_GET_GLOBALS(func) (((PyFunctionObject *)(func))->func_globals)
#define PyFunction_GET_MODULE(func) (((PyFunctionObject *)(func))->func_module)
#define PyFunction_GET_DEFAULTS(func) (((PyFunctionObject *)(func))->func_defaults)
#define PyFunction_GET_KW_DEFAULTS(func) (((PyFunctionObject *)(func))->func_kwdefaults)
#define PyFunction_GET_CLOSURE(func) (((PyFunctionObject *)(func))->func_closure)
#define PyFunction_GET_ANNOTATIONS(func) (((PyFunctionObject *)(func))->func_annotations)

PyObject *PyClassMethod_New(PyObject *);
PyObject *PyStaticMethod_New(PyObject *);

#include "classobject.h" /* bound methods: declared next to functions */

#endif
