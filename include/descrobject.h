/* descrobject.h — descriptors for C-level attributes: method descriptors, slot wrappers,
 * getset and member descriptors, mappingproxy, property.  src/objects/descrobject.c. */
#ifndef Py_DESCROBJECT_H
#define Py_DESCROBJECT_H

#include "object.h"
#include "methodobject.h"

typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);

typedef struct PyGetSetDef {
    const char *name;
    getter get;
    setter set;
    const char *doc;
    void *closure;
} PyGetSetDef;

/* structmember: member types */
typedef struct PyMemberDef {
    const char *name;
    int type;
    Py_ssize_t offset;
    int flags;
    const char *doc;
} PyMemberDef;
#define T_SHORT 0
#define T_INT 1
#define T_LONG 2
#define T_FLOAT 3
#define T_DOUBLE 4
#define T_STRING 5
#define T_OBJECT 6
#define T_CHAR 7
#define T_BYTE 8
#define T_UBYTE 9
#define T_UINT 11
#define T_USHORT 12
#define T_ULONG 13
#define T_STRING_INPLACE 14
#define T_BOOL 15
#define T_OBJECT_EX 16
#define T_LONGLONG 17
#define T_ULONGLONG 18
#define T_PYSSIZET 19
#define T_NONE 20
#define READONLY 1
#define PY_AUDIT_READ 2
PyObject *PyMember_GetOne(const char *, PyMemberDef *);
int PyMember_SetOne(char *, PyMemberDef *, PyObject *);

typedef struct {
    PyObject_HEAD
    PyTypeObject *d_type;
    PyObject *d_name;
    PyObject *d_qualname;
} PyDescrObject;

#define PyDescr_COMMON PyDescrObject d_common
#define PyDescr_TYPE(x) (((PyDescrObject *)(x))->d_type)
#define PyDescr_NAME(x) (((PyDescrObject *)(x))->d_name)

typedef struct { PyDescr_COMMON; PyMethodDef *d_method; vectorcallfunc vectorcall; } PyMethodDescrObject;
typedef struct { PyDescr_COMMON; PyMemberDef *d_member; } PyMemberDescrObject;
typedef struct { PyDescr_COMMON; PyGetSetDef *d_getset; } PyGetSetDescrObject;

/* Slot wrappers ("<slot wrapper '__add__' of 'int' objects>"). */
typedef PyObject *(*wrapperfunc)(PyObject *self, PyObject *args, void *wrapped);
typedef PyObject *(*wrapperfunc_kwds)(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds);
struct wrapperbase {
    const char *name;
    int offset;
    void *function;
    wrapperfunc wrapper;
    const char *doc;
    int flags;
    PyObject *name_strobj;
};
#define PyWrapperFlag_KEYWORDS 1
typedef struct { PyDescr_COMMON; struct wrapperbase *d_base; void *d_wrapped; } PyWrapperDescrObject;

extern PyTypeObject PyClassMethodDescr_Type;
extern PyTypeObject PyGetSetDescr_Type;
extern PyTypeObject PyMemberDescr_Type;
extern PyTypeObject PyMethodDescr_Type;
extern PyTypeObject PyWrapperDescr_Type;
extern PyTypeObject PyDictProxy_Type;
extern PyTypeObject _PyMethodWrapper_Type;
extern PyTypeObject PyProperty_Type;

PyObject *PyDescr_NewMethod(PyTypeObject *, PyMethodDef *);
PyObject *PyDescr_NewClassMethod(PyTypeObject *, PyMethodDef *);
PyObject *PyDescr_NewMember(PyTypeObject *, PyMemberDef *);
PyObject *PyDescr_NewGetSet(PyTypeObject *, PyGetSetDef *);
PyObject *PyDescr_NewWrapper(PyTypeObject *, struct wrapperbase *, void *);
PyObject *PyDictProxy_New(PyObject *);
PyObject *PyWrapper_New(PyObject *, PyObject *);
#define PyDescr_IsData(d) (Py_TYPE(d)->tp_descr_set != NULL)

#endif
