/* genobject.h — generators, coroutines and async generators: a suspended frame.
 * Owner: compiler-vm (src/objects/genobject.c; resumed through src/vm/ceval.c). */
#ifndef Py_GENOBJECT_H
#define Py_GENOBJECT_H
#include "object.h"
#include "frameobject.h"

#define _PyGenObject_HEAD(prefix)                                              \
    PyObject_HEAD                                                              \
    PyFrameObject *prefix##_frame;   /* NULL once finished */                  \
    PyObject *prefix##_code;                                                   \
    PyObject *prefix##_weakreflist;                                            \
    PyObject *prefix##_name;                                                   \
    PyObject *prefix##_qualname;                                               \
    _PyErr_StackItem prefix##_exc_state; /* exception being handled inside */ \
    PyObject *prefix##_origin_or_finalizer;                                    \
    char prefix##_hooks_inited;                                                \
    char prefix##_closed;                                                      \
    char prefix##_running_async;

typedef struct { _PyGenObject_HEAD(gi) } PyGenObject;
typedef struct { _PyGenObject_HEAD(cr) } PyCoroObject;
typedef struct { _PyGenObject_HEAD(ag) } PyAsyncGenObject;

extern PyTypeObject PyGen_Type;
extern PyTypeObject PyCoro_Type;
extern PyTypeObject PyAsyncGen_Type;
extern PyTypeObject _PyCoroWrapper_Type;
extern PyTypeObject _PyAsyncGenWrappedValue_Type;
#define PyGen_Check(op) PyObject_TypeCheck(op, &PyGen_Type)
#define PyGen_CheckExact(op) Py_IS_TYPE(op, &PyGen_Type)
#define PyCoro_CheckExact(op) Py_IS_TYPE(op, &PyCoro_Type)
#define PyAsyncGen_CheckExact(op) Py_IS_TYPE(op, &PyAsyncGen_Type)
#define _PyAsyncGenWrappedValue_CheckExact(o) Py_IS_TYPE(o, &_PyAsyncGenWrappedValue_Type)

/* Wrap frame f (steals the reference) in a generator/coroutine/async generator,
 * according to its code's flags. */
PyObject *_Py_MakeCoro(PyFrameObject *f, PyObject *name, PyObject *qualname);
PyObject *PyGen_New(PyFrameObject *);
PyObject *PyGen_NewWithQualName(PyFrameObject *, PyObject *name, PyObject *qualname);
PyObject *PyCoro_New(PyFrameObject *, PyObject *name, PyObject *qualname);
PyObject *PyAsyncGen_New(PyFrameObject *, PyObject *name, PyObject *qualname);
/* gen.send(arg) as the eval loop needs it: PYGEN_NEXT yields, PYGEN_RETURN returns. */
PySendResult PyGen_Send(PyGenObject *gen, PyObject *arg, PyObject **presult);
/* StopIteration's value from the current exception (0, or -1 on another error). */
int _PyGen_FetchStopIterationValue(PyObject **pvalue);
int _PyGen_SetStopIterationValue(PyObject *);
/* The awaitable behind o (for `await o`), or NULL with TypeError. */
PyObject *_PyCoro_GetAwaitableIter(PyObject *o);
PyObject *_PyAsyncGenValueWrapperNew(PyObject *);
/* gen.close()/finalizer support. */
PyObject *_PyGen_Close(PyObject *gen);
void _PyGen_Finalize(PyObject *self);

#endif
