/* memoryobject.h — memoryview and the managed buffer behind it (PEP 3118).
 * Owner: objects-buffer (src/objects/memoryobject.c). */
#ifndef Py_MEMORYOBJECT_H
#define Py_MEMORYOBJECT_H

extern PyTypeObject _PyManagedBuffer_Type;
extern PyTypeObject PyMemoryView_Type;
#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)

#ifndef PyBUF_MAX_NDIM
#define PyBUF_MAX_NDIM 64
#endif
#ifndef PyBUF_READ
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200
#endif

PyObject *PyMemoryView_FromObject(PyObject *base);
PyObject *PyMemoryView_FromMemory(char *mem, Py_ssize_t size, int flags);
PyObject *PyMemoryView_FromBuffer(const Py_buffer *info);
PyObject *PyMemoryView_GetContiguous(PyObject *base, int buffertype, char order);

/* One exporter's buffer, shared by every memoryview taken (directly or by slicing) from it. */
typedef struct {
    PyObject_HEAD
    int flags;          /* _Py_MANAGED_BUFFER_* */
    Py_ssize_t exports; /* memoryviews registered with this buffer */
    Py_buffer master;   /* as the exporter filled it in */
} _PyManagedBufferObject;

#define _Py_MANAGED_BUFFER_RELEASED 0x001
#define _Py_MANAGED_BUFFER_FREE_FORMAT 0x002

#define _Py_MEMORYVIEW_RELEASED 0x001
#define _Py_MEMORYVIEW_C 0x002
#define _Py_MEMORYVIEW_FORTRAN 0x004
#define _Py_MEMORYVIEW_SCALAR 0x008
#define _Py_MEMORYVIEW_PIL 0x010

typedef struct {
    PyObject_VAR_HEAD
    _PyManagedBufferObject *mbuf;
    Py_hash_t hash;
    int flags;              /* _Py_MEMORYVIEW_* */
    Py_ssize_t exports;     /* buffers exported from this view */
    Py_buffer view;         /* shape/strides/suboffsets point into ob_array */
    PyObject *weakreflist;
    Py_ssize_t ob_array[1];
} PyMemoryViewObject;

#define PyMemoryView_GET_BUFFER(op) (&((PyMemoryViewObject *)(op))->view)
#define PyMemoryView_GET_BASE(op) (((PyMemoryViewObject *)(op))->view.obj)

/* IEEE 754 half precision ('e' in struct and memoryview): le != 0 for little-endian.
 * Pack returns -1 with OverflowError when x does not fit. */
int _PyFloat_Pack2(double x, unsigned char *p, int le);
double _PyFloat_Unpack2(const unsigned char *p, int le);

#endif /* Py_MEMORYOBJECT_H */
