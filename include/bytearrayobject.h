/* bytearrayobject.h — bytearray (mutable bytes with a growable buffer).
 * Owner: objects-num (src/objects/bytearrayobject.c). */
#ifndef PY_BYTEARRAYOBJECT_H
#define PY_BYTEARRAYOBJECT_H
#include "object.h"

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t ob_alloc;  /* bytes allocated at ob_bytes */
    char *ob_bytes;       /* the allocation */
    char *ob_start;       /* logical start (after del b[:k], as CPython) */
    Py_ssize_t ob_exports;/* buffers exported: resizing is refused while > 0 */
} PyByteArrayObject;

extern PyTypeObject PyByteArray_Type;
extern PyTypeObject PyByteArrayIter_Type;
extern char _PyByteArray_empty_string[];
#define PyByteArray_Check(self) PyObject_TypeCheck(self, &PyByteArray_Type)
#define PyByteArray_CheckExact(self) Py_IS_TYPE(self, &PyByteArray_Type)
#define PyByteArray_AS_STRING(self) \
    (Py_SIZE(self) ? ((PyByteArrayObject *)(self))->ob_start : _PyByteArray_empty_string)
#define PyByteArray_GET_SIZE(self) Py_SIZE(self)

PyObject *PyByteArray_FromObject(PyObject *);
PyObject *PyByteArray_FromStringAndSize(const char *, Py_ssize_t);
PyObject *PyByteArray_Concat(PyObject *, PyObject *);
Py_ssize_t PyByteArray_Size(PyObject *);
char *PyByteArray_AsString(PyObject *);
int PyByteArray_Resize(PyObject *, Py_ssize_t);

#endif
