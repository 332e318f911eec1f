/* object.h — the object header, the type object and its slot tables.
 * Every Python object starts with PyObject (refcount + type); behaviour lives in the
 * type's slots.  Layout and names follow CPython 3.11 so the C API maps one to one.
 * Generic operations on objects are declared here and implemented in
 * src/objects/object.c; slot-table dispatch for numbers/sequences is in abstract.h. */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H

#include "pyport.h"
#include <stdio.h>

struct _typeobject;

typedef struct _object {
    Py_ssize_t ob_refcnt;
    struct _typeobject *ob_type;
} PyObject;

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size; /* number of items in variable part */
} PyVarObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;

#define _PyObject_CAST(op) ((PyObject *)(op))
#define _PyVarObject_CAST(op) ((PyVarObject *)(op))

#define PyObject_HEAD_INIT(type) { 1, (type) },
#define PyVarObject_HEAD_INIT(type, size) { PyObject_HEAD_INIT(type) (size) },

#define Py_REFCNT(ob) (_PyObject_CAST(ob)->ob_refcnt)
#define Py_TYPE(ob) (_PyObject_CAST(ob)->ob_type)
#define Py_SIZE(ob) (_PyVarObject_CAST(ob)->ob_size)
#define Py_SET_REFCNT(ob, n) (_PyObject_CAST(ob)->ob_refcnt = (n))
#define Py_SET_TYPE(ob, t) (_PyObject_CAST(ob)->ob_type = (t))
#define Py_SET_SIZE(ob, n) (_PyVarObject_CAST(ob)->ob_size = (n))
#define Py_IS_TYPE(ob, t) (Py_TYPE(ob) == (t))
#define Py_Is(x, y) ((x) == (y))

/* ---- function pointer types for the slots ---- */
typedef PyObject *(*unaryfunc)(PyObject *);
typedef PyObject *(*binaryfunc)(PyObject *, PyObject *);
typedef PyObject *(*ternaryfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*inquiry)(PyObject *);
typedef Py_ssize_t (*lenfunc)(PyObject *);
typedef PyObject *(*ssizeargfunc)(PyObject *, Py_ssize_t);
typedef PyObject *(*ssizessizeargfunc)(PyObject *, Py_ssize_t, Py_ssize_t);
typedef int (*ssizeobjargproc)(PyObject *, Py_ssize_t, PyObject *);
typedef int (*ssizessizeobjargproc)(PyObject *, Py_ssize_t, Py_ssize_t, PyObject *);
typedef int (*objobjargproc)(PyObject *, PyObject *, PyObject *);
typedef int (*objobjproc)(PyObject *, PyObject *);
typedef int (*visitproc)(PyObject *, void *);
typedef int (*traverseproc)(PyObject *, visitproc, void *);
typedef void (*freefunc)(void *);
typedef void (*destructor)(PyObject *);
typedef PyObject *(*getattrfunc)(PyObject *, char *);
typedef PyObject *(*getattrofunc)(PyObject *, PyObject *);
typedef int (*setattrfunc)(PyObject *, char *, PyObject *);
typedef int (*setattrofunc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*reprfunc)(PyObject *);
typedef Py_hash_t (*hashfunc)(PyObject *);
typedef PyObject *(*richcmpfunc)(PyObject *, PyObject *, int);
typedef PyObject *(*getiterfunc)(PyObject *);
typedef PyObject *(*iternextfunc)(PyObject *);
typedef PyObject *(*descrgetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*descrsetfunc)(PyObject *, PyObject *, PyObject *);
typedef int (*initproc)(PyObject *, PyObject *, PyObject *);
typedef PyObject *(*newfunc)(struct _typeobject *, PyObject *, PyObject *);
typedef PyObject *(*allocfunc)(struct _typeobject *, Py_ssize_t);
typedef PyObject *(*vectorcallfunc)(PyObject *callable, PyObject *const *args,
                                    size_t nargsf, PyObject *kwnames);

/* Buffer protocol (PEP 3118). */
typedef struct bufferinfo {
    void *buf;
    PyObject *obj; /* owned reference */
    Py_ssize_t len;
    Py_ssize_t itemsize;
    int readonly;
    int ndim;
    char *format;
    Py_ssize_t *shape;
    Py_ssize_t *strides;
    Py_ssize_t *suboffsets;
    void *internal;
} Py_buffer;
typedef int (*getbufferproc)(PyObject *, Py_buffer *, int);
typedef void (*releasebufferproc)(PyObject *, Py_buffer *);

#define PyBUF_SIMPLE 0
#define PyBUF_WRITABLE 0x0001
#define PyBUF_FORMAT 0x0004
#define PyBUF_ND 0x0008
#define PyBUF_STRIDES (0x0010 | PyBUF_ND)
#define PyBUF_C_CONTIGUOUS (0x0020 | PyBUF_STRIDES)
#define PyBUF_F_CONTIGUOUS (0x0040 | PyBUF_STRIDES)
#define PyBUF_ANY_CONTIGUOUS (0x0080 | PyBUF_STRIDES)
#define PyBUF_INDIRECT (0x0100 | PyBUF_STRIDES)
#define PyBUF_FULL_RO (PyBUF_INDIRECT | PyBUF_FORMAT)
#define PyBUF_RECORDS_RO (PyBUF_STRIDES | PyBUF_FORMAT)
#define PyBUF_CONTIG_RO (PyBUF_ND)
#define PyBUF_WRITEABLE PyBUF_WRITABLE
#define PyBUF_CONTIG (PyBUF_ND | PyBUF_WRITABLE)
#define PyBUF_STRIDED (PyBUF_STRIDES | PyBUF_WRITABLE)
#define PyBUF_STRIDED_RO (PyBUF_STRIDES)
#define PyBUF_RECORDS (PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_FULL (PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT)
#define PyBUF_MAX_NDIM 64
#define PyBUF_READ 0x100
#define PyBUF_WRITE 0x200

typedef struct {
    binaryfunc nb_add;
    binaryfunc nb_subtract;
    binaryfunc nb_multiply;
    binaryfunc nb_remainder;
    binaryfunc nb_divmod;
    ternaryfunc nb_power;
    unaryfunc nb_negative;
    unaryfunc nb_positive;
    unaryfunc nb_absolute;
    inquiry nb_bool;
    unaryfunc nb_invert;
    binaryfunc nb_lshift;
    binaryfunc nb_rshift;
    binaryfunc nb_and;
    binaryfunc nb_xor;
    binaryfunc nb_or;
    unaryfunc nb_int;
    void *nb_reserved;
    unaryfunc nb_float;
    binaryfunc nb_inplace_add;
    binaryfunc nb_inplace_subtract;
    binaryfunc nb_inplace_multiply;
    binaryfunc nb_inplace_remainder;
    ternaryfunc nb_inplace_power;
    binaryfunc nb_inplace_lshift;
    binaryfunc nb_inplace_rshift;
    binaryfunc nb_inplace_and;
    binaryfunc nb_inplace_xor;
    binaryfunc nb_inplace_or;
    binaryfunc nb_floor_divide;
    binaryfunc nb_true_divide;
    binaryfunc nb_inplace_floor_divide;
    binaryfunc nb_inplace_true_divide;
    unaryfunc nb_index;
    binaryfunc nb_matrix_multiply;
    binaryfunc nb_inplace_matrix_multiply;
} PyNumberMethods;

typedef struct {
    lenfunc sq_length;
    binaryfunc sq_concat;
    ssizeargfunc sq_repeat;
    ssizeargfunc sq_item;
    void *was_sq_slice;
    ssizeobjargproc sq_ass_item;
    void *was_sq_ass_slice;
    objobjproc sq_contains;
    binaryfunc sq_inplace_concat;
    ssizeargfunc sq_inplace_repeat;
} PySequenceMethods;

typedef struct {
    lenfunc mp_length;
    binaryfunc mp_subscript;
    objobjargproc mp_ass_subscript;
} PyMappingMethods;

typedef enum { PYGEN_RETURN = 0, PYGEN_ERROR = -1, PYGEN_NEXT = 1 } PySendResult;
typedef PySendResult (*sendfunc)(PyObject *iter, PyObject *value, PyObject **result);

typedef struct {
    unaryfunc am_await;
    unaryfunc am_aiter;
    unaryfunc am_anext;
    sendfunc am_send;
} PyAsyncMethods;

typedef struct {
    getbufferproc bf_getbuffer;
    releasebufferproc bf_releasebuffer;
} PyBufferProcs;

struct PyMethodDef;
struct PyMemberDef;
struct PyGetSetDef;

typedef struct _typeobject {
    PyObject_VAR_HEAD
    const char *tp_name; /* "module.name" for C types, as CPython */
    Py_ssize_t tp_basicsize, tp_itemsize;

    destructor tp_dealloc;
    Py_ssize_t tp_vectorcall_offset;
    getattrfunc tp_getattr;
    setattrfunc tp_setattr;
    PyAsyncMethods *tp_as_async;
    reprfunc tp_repr;

    PyNumberMethods *tp_as_number;
    PySequenceMethods *tp_as_sequence;
    PyMappingMethods *tp_as_mapping;

    hashfunc tp_hash;
    ternaryfunc tp_call;
    reprfunc tp_str;
    getattrofunc tp_getattro;
    setattrofunc tp_setattro;

    PyBufferProcs *tp_as_buffer;
    unsigned long tp_flags;
    const char *tp_doc;

    traverseproc tp_traverse;
    inquiry tp_clear;
    richcmpfunc tp_richcompare;
    Py_ssize_t tp_weaklistoffset;

    getiterfunc tp_iter;
    iternextfunc tp_iternext;

    struct PyMethodDef *tp_methods;
    struct PyMemberDef *tp_members;
    struct PyGetSetDef *tp_getset;
    struct _typeobject *tp_base;
    PyObject *tp_dict;
    descrgetfunc tp_descr_get;
    descrsetfunc tp_descr_set;
    Py_ssize_t tp_dictoffset;
    initproc tp_init;
    allocfunc tp_alloc;
    newfunc tp_new;
    freefunc tp_free;
    inquiry tp_is_gc;
    PyObject *tp_bases;
    PyObject *tp_mro;
    PyObject *tp_cache;
    PyObject *tp_subclasses; /* dict of weakrefs/ids to subclasses */
    PyObject *tp_weaklist;
    destructor tp_del;
    unsigned int tp_version_tag; /* for attribute inline caches */
    destructor tp_finalize;
    vectorcallfunc tp_vectorcall;
} PyTypeObject;

/* Heap types (classes created by `class`) carry their slot tables inline. */
typedef struct _heaptypeobject {
    PyTypeObject ht_type;
    PyAsyncMethods as_async;
    PyNumberMethods as_number;
    PyMappingMethods as_mapping;
    PySequenceMethods as_sequence;
    PyBufferProcs as_buffer;
    PyObject *ht_name, *ht_slots, *ht_qualname;
    PyObject *ht_module;
    struct _dictkeysobject *ht_cached_keys; /* shared keys of the instances' __dict__s */
} PyHeapTypeObject;

/* tp_flags, with CPython's bit values. */
#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_SEQUENCE (1UL << 5)
#define Py_TPFLAGS_MAPPING (1UL << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define _Py_TPFLAGS_MATCH_SELF (1UL << 22) /* class pattern C(x) matches the subject itself */
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT 0UL
#define PyType_HasFeature(t, f) (((t)->tp_flags & (f)) != 0)
#define PyType_FastSubclass(t, f) PyType_HasFeature(t, f)

/* ---- reference counting ---- */
void _Py_Dealloc(PyObject *op);

static inline void _Py_INCREF(PyObject *op) { op->ob_refcnt++; }
static inline void _Py_DECREF(PyObject *op)
{
    if (--op->ob_refcnt == 0)
        _Py_Dealloc(op);
}
#define Py_INCREF(op) _Py_INCREF(_PyObject_CAST(op))
#define Py_DECREF(op) _Py_DECREF(_PyObject_CAST(op))
#define Py_XINCREF(op) do { PyObject *_py_xincref_tmp = _PyObject_CAST(op); if (_py_xincref_tmp) Py_INCREF(_py_xincref_tmp); } while (0)
#define Py_XDECREF(op) do { PyObject *_py_xdecref_tmp = _PyObject_CAST(op); if (_py_xdecref_tmp) Py_DECREF(_py_xdecref_tmp); } while (0)
#define Py_CLEAR(op) do { PyObject *_py_tmp = _PyObject_CAST(op); if (_py_tmp) { (op) = NULL; Py_DECREF(_py_tmp); } } while (0)
#define Py_SETREF(op, op2) do { PyObject *_py_setref_tmp = _PyObject_CAST(op); (op) = (op2); Py_DECREF(_py_setref_tmp); } while (0)
#define Py_XSETREF(op, op2) do { PyObject *_py_setref_tmp = _PyObject_CAST(op); (op) = (op2); Py_XDECREF(_py_setref_tmp); } while (0)
static inline PyObject *_Py_NewRef(PyObject *o) { Py_INCREF(o); return o; }
static inline PyObject *_Py_XNewRef(PyObject *o) { Py_XINCREF(o); return o; }
#define Py_NewRef(o) _Py_NewRef(_PyObject_CAST(o))
#define Py_XNewRef(o) _Py_XNewRef(_PyObject_CAST(o))

/* ---- trashcan (CPython's Py_TRASHCAN_BEGIN/END; object.c, owner objects): bounds the C
 * recursion of container deallocators.  Past _PyTrash_UNWIND_LEVEL nested deallocs the
 * object (already untracked) is queued and freed by the outermost one.  The body between
 * the macros must not return. ---- */
#define _PyTrash_UNWIND_LEVEL 50
int _PyTrash_cond(PyObject *op, destructor dealloc);
int _PyTrash_begin(PyObject *op);
void _PyTrash_end(void);
#if defined(__PIC__) && !defined(__PIE__)
/* extension modules (shared objects): the out-of-line versions */
#define _PyTrash_ENTER(op) _PyTrash_begin(op)
#define _PyTrash_LEAVE() _PyTrash_end()
#define _PyTrash_COND(op, dealloc) _PyTrash_cond((op), (dealloc))
#else
/* the interpreter itself (every container dealloc): the common case inline -- a depth
 * below the limit on the way in, no queued objects on the way out */
extern _Thread_local int _PyTrash_nesting;   /* object.c: per thread, as CPython's */
extern _Thread_local size_t _PyTrash_count;
static inline int _PyTrash_ENTER(PyObject *op)
{
    if (_PyTrash_nesting >= _PyTrash_UNWIND_LEVEL)
        return _PyTrash_begin(op);
    ++_PyTrash_nesting;
    return 0;
}
static inline void _PyTrash_LEAVE(void)
{
    if (_PyTrash_nesting > 1 || _PyTrash_count == 0)
        --_PyTrash_nesting;
    else
        _PyTrash_end();
}
#define _PyTrash_COND(op, dealloc) (Py_TYPE(op)->tp_dealloc == (dealloc))
#endif
#define Py_TRASHCAN_BEGIN_CONDITION(op, cond) \
    do { \
        int _py_trash_on = 0; \
        if (cond) { \
            if (_PyTrash_ENTER(_PyObject_CAST(op))) \
                break; \
            _py_trash_on = 1; \
        }
#define Py_TRASHCAN_END \
        if (_py_trash_on) \
            _PyTrash_LEAVE(); \
    } while (0);
#define Py_TRASHCAN_BEGIN(op, dealloc) \
    Py_TRASHCAN_BEGIN_CONDITION(op, _PyTrash_COND(_PyObject_CAST(op), (destructor)(dealloc)))

/* ---- singletons (defined in src/objects/object.c and boolobject.c) ---- */
extern PyObject _Py_NoneStruct;
extern PyObject _Py_NotImplementedStruct;
extern PyObject _Py_EllipsisObject;
#define Py_None (&_Py_NoneStruct)
#define Py_NotImplemented (&_Py_NotImplementedStruct)
#define Py_Ellipsis (&_Py_EllipsisObject)
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_RETURN_NONE return Py_NewRef(Py_None)
#define Py_RETURN_NOTIMPLEMENTED return Py_NewRef(Py_NotImplemented)

/* Rich comparison opcodes (also COMPARE_OP's argument). */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5
#define Py_RETURN_RICHCOMPARE(val1, val2, op)                                  \
    do {                                                                        \
        switch (op) {                                                           \
        case Py_EQ: if ((val1) == (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;      \
        case Py_NE: if ((val1) != (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;      \
        case Py_LT: if ((val1) < (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;       \
        case Py_GT: if ((val1) > (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;       \
        case Py_LE: if ((val1) <= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;      \
        case Py_GE: if ((val1) >= (val2)) Py_RETURN_TRUE; Py_RETURN_FALSE;      \
        default: Py_UNREACHABLE();                                              \
        }                                                                       \
    } while (0)
#define Py_UNREACHABLE() __builtin_unreachable()

/* ---- core types defined in src/objects ---- */
extern PyTypeObject PyType_Type;
extern PyTypeObject PyBaseObject_Type;
extern PyTypeObject _PyNone_Type;
extern PyTypeObject _PyNotImplemented_Type;
extern PyTypeObject PyEllipsis_Type;
extern PyTypeObject PySuper_Type;

#define PyType_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_TYPE_SUBCLASS)
#define PyType_CheckExact(op) Py_IS_TYPE(op, &PyType_Type)

/* ---- generic object protocol (src/objects/object.c, typeobject.c) ---- */
PyObject *PyObject_Repr(PyObject *);
PyObject *PyObject_Str(PyObject *);
PyObject *PyObject_ASCII(PyObject *);
PyObject *PyObject_Bytes(PyObject *);
PyObject *PyObject_RichCompare(PyObject *, PyObject *, int);
int PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyObject *PyObject_GetAttrString(PyObject *, const char *);
int PyObject_SetAttrString(PyObject *, const char *, PyObject *);
int PyObject_HasAttrString(PyObject *, const char *);
PyObject *PyObject_GetAttr(PyObject *, PyObject *);
int PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
int PyObject_DelAttr(PyObject *, PyObject *);
int PyObject_HasAttr(PyObject *, PyObject *);
/* Like GetAttr but returns 0 and *result=NULL on AttributeError (no exception). */
int _PyObject_LookupAttr(PyObject *, PyObject *, PyObject **result);
/* Method lookup without creating a bound method: returns 1 if *method is an unbound
 * function to be called with obj as first argument, 0 if it is an ordinary attribute. */
int _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method);
PyObject *PyObject_GenericGetAttr(PyObject *, PyObject *);
int PyObject_GenericSetAttr(PyObject *, PyObject *, PyObject *);
PyObject *PyObject_GenericGetDict(PyObject *, void *);
int PyObject_GenericSetDict(PyObject *, PyObject *, void *);
PyObject **_PyObject_GetDictPtr(PyObject *);
/* The raw dict slot: NULL, a dict, or tagged instance values (see dictobject.h). */
PyObject **_PyObject_DictSlot(PyObject *);
/* Is tp's dict slot added by a Python class (it may then hold instance values)? */
int _PyType_DictSlotIsOwned(PyTypeObject *tp);
Py_hash_t PyObject_Hash(PyObject *);
Py_hash_t PyObject_HashNotImplemented(PyObject *);
int PyObject_IsTrue(PyObject *);
int PyObject_Not(PyObject *);
int PyCallable_Check(PyObject *);
PyObject *PyObject_Dir(PyObject *);
int Py_ReprEnter(PyObject *);
void Py_ReprLeave(PyObject *);
PyObject *PyObject_SelfIter(PyObject *);
int PyObject_Print(PyObject *, FILE *, int);
#define Py_PRINT_RAW 1

/* Types */
int PyType_Ready(PyTypeObject *);
PyObject *PyType_GenericAlloc(PyTypeObject *, Py_ssize_t);
PyObject *PyType_GenericNew(PyTypeObject *, PyObject *, PyObject *);
int PyType_IsSubtype(PyTypeObject *, PyTypeObject *);
#define PyObject_TypeCheck(ob, tp) (Py_IS_TYPE(ob, tp) || PyType_IsSubtype(Py_TYPE(ob), (tp)))
PyObject *_PyType_Lookup(PyTypeObject *, PyObject *); /* borrowed, no exception */
void PyType_Modified(PyTypeObject *);
const char *_PyType_Name(PyTypeObject *); /* tp_name after the last dot */
PyObject *PyType_GetQualName(PyTypeObject *);

#endif /* Py_OBJECT_H */
