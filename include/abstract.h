/* abstract.h — the abstract object layer: call protocol (src/objects/call.c) and the
 * number / sequence / mapping / iterator / buffer protocols and item access
 * (src/objects/abstract.c).  Names and semantics are CPython 3.11's.
 * Owner: objects-type. */
#ifndef Py_ABSTRACT_H
#define Py_ABSTRACT_H

#include "object.h"
#include "pystate.h"

/* ---- call protocol (call.c) ---- */
#define PY_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline Py_ssize_t PyVectorcall_NARGS(size_t n)
{
    return (Py_ssize_t)(n & ~PY_VECTORCALL_ARGUMENTS_OFFSET);
}
/* The vectorcall function of callable, or NULL if it has none. */
vectorcallfunc PyVectorcall_Function(PyObject *callable);
#define _PyVectorcall_Function PyVectorcall_Function

PyObject *PyObject_Call(PyObject *callable, PyObject *args, PyObject *kwargs);
PyObject *PyObject_CallObject(PyObject *callable, PyObject *args);
PyObject *PyObject_CallNoArgs(PyObject *func);
PyObject *PyObject_CallOneArg(PyObject *func, PyObject *arg);
PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...);
PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...);
PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...);
PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...);
PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...);
PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...);
PyObject *PyObject_CallMethodNoArgs(PyObject *self, PyObject *name);
PyObject *PyObject_CallMethodOneArg(PyObject *self, PyObject *name, PyObject *arg);
#define PyEval_CallObject(callable, arg) PyObject_CallObject((callable), (arg))

PyObject *PyObject_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                              PyObject *kwnames);
PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf,
                                  PyObject *kwdict);
PyObject *PyObject_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames);
/* Call a callable that has a vectorcall slot with a tuple and a dict. */
PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *dict);
#define _PyObject_Vectorcall PyObject_Vectorcall
#define _PyObject_FastCall(func, args, nargs) PyObject_Vectorcall((func), (args), (size_t)(nargs), NULL)
#define _PyObject_CallNoArgs PyObject_CallNoArgs
#define _PyObject_FastCallDict PyObject_VectorcallDict
/* Slow path: call tp_call with a tuple and dict built from a vector. */
PyObject *_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable,
                               PyObject *const *args, Py_ssize_t nargs, PyObject *keywords);
/* Call callable(obj, *args, **kwargs). */
PyObject *_PyObject_Call_Prepend(PyObject *callable, PyObject *obj, PyObject *args,
                                 PyObject *kwargs);
/* kwnames tuple + values vector -> new dict. */
PyObject *_PyStack_AsDict(PyObject *const *values, PyObject *kwnames);
/* Validate a call result: NULL must come with an exception, non-NULL without. */
PyObject *_Py_CheckFunctionResult(PyObject *callable, PyObject *result, const char *where);
/* Vectorcall by method name: obj.name(*args). */
PyObject *_PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...);

/* ---- generic item / size / iteration (abstract.c) ---- */
PyObject *PyObject_Type(PyObject *o);
Py_ssize_t PyObject_Size(PyObject *o);
#define PyObject_Length PyObject_Size
Py_ssize_t PyObject_LengthHint(PyObject *o, Py_ssize_t defaultvalue);
int _PyObject_HasLen(PyObject *o);
PyObject *PyObject_GetItem(PyObject *o, PyObject *key);
int PyObject_SetItem(PyObject *o, PyObject *key, PyObject *v);
int PyObject_DelItem(PyObject *o, PyObject *key);
int PyObject_DelItemString(PyObject *o, const char *key);
PyObject *PyObject_Format(PyObject *obj, PyObject *format_spec);
PyObject *PyObject_GetIter(PyObject *o);
PyObject *PyObject_GetAIter(PyObject *o);
int PyIter_Check(PyObject *o);
int PyAIter_Check(PyObject *o);
PyObject *PyIter_Next(PyObject *o);
PySendResult PyIter_Send(PyObject *iter, PyObject *arg, PyObject **presult);
int PyObject_IsInstance(PyObject *inst, PyObject *cls);
int PyObject_IsSubclass(PyObject *derived, PyObject *cls);
/* The __instancecheck__/__subclasscheck__-free versions (used by type.__instancecheck__). */
int _PyObject_RealIsInstance(PyObject *inst, PyObject *cls);
int _PyObject_RealIsSubclass(PyObject *derived, PyObject *cls);

/* ---- buffer protocol ---- */
int PyObject_CheckBuffer(PyObject *obj);
int PyObject_GetBuffer(PyObject *obj, Py_buffer *view, int flags);
void PyBuffer_Release(Py_buffer *view);
int PyBuffer_FillInfo(Py_buffer *view, PyObject *o, void *buf, Py_ssize_t len, int readonly,
                      int flags);
int PyBuffer_IsContiguous(const Py_buffer *view, char fort);
void *PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices);
int PyBuffer_ToContiguous(void *buf, const Py_buffer *view, Py_ssize_t len, char order);
int PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len, char fort);
void PyBuffer_FillContiguousStrides(int ndims, Py_ssize_t *shape, Py_ssize_t *strides,
                                    int itemsize, char fort);
Py_ssize_t PyBuffer_SizeFromFormat(const char *format);
#define PyObject_CheckReadBuffer PyObject_CheckBuffer

/* ---- number protocol ---- */
int PyNumber_Check(PyObject *o);
PyObject *PyNumber_Add(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Subtract(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Multiply(PyObject *o1, PyObject *o2);
PyObject *PyNumber_MatrixMultiply(PyObject *o1, PyObject *o2);
PyObject *PyNumber_FloorDivide(PyObject *o1, PyObject *o2);
PyObject *PyNumber_TrueDivide(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Remainder(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Divmod(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Power(PyObject *o1, PyObject *o2, PyObject *o3);
PyObject *PyNumber_Negative(PyObject *o);
PyObject *PyNumber_Positive(PyObject *o);
PyObject *PyNumber_Absolute(PyObject *o);
PyObject *PyNumber_Invert(PyObject *o);
PyObject *PyNumber_Lshift(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Rshift(PyObject *o1, PyObject *o2);
PyObject *PyNumber_And(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Xor(PyObject *o1, PyObject *o2);
PyObject *PyNumber_Or(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceAdd(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceSubtract(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceMultiply(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceMatrixMultiply(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceFloorDivide(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceTrueDivide(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceRemainder(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlacePower(PyObject *o1, PyObject *o2, PyObject *o3);
PyObject *PyNumber_InPlaceLshift(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceRshift(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceAnd(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceXor(PyObject *o1, PyObject *o2);
PyObject *PyNumber_InPlaceOr(PyObject *o1, PyObject *o2);
int PyIndex_Check(PyObject *o);
PyObject *PyNumber_Index(PyObject *o);
/* Like PyNumber_Index but may return an int subclass instance. */
PyObject *_PyNumber_Index(PyObject *o);
Py_ssize_t PyNumber_AsSsize_t(PyObject *o, PyObject *exc);
PyObject *PyNumber_Long(PyObject *o);
PyObject *PyNumber_Float(PyObject *o);
PyObject *PyNumber_ToBase(PyObject *n, int base);

/* ---- sequence protocol ---- */
int PySequence_Check(PyObject *o);
Py_ssize_t PySequence_Size(PyObject *o);
#define PySequence_Length PySequence_Size
PyObject *PySequence_Concat(PyObject *o1, PyObject *o2);
PyObject *PySequence_Repeat(PyObject *o, Py_ssize_t count);
PyObject *PySequence_GetItem(PyObject *o, Py_ssize_t i);
PyObject *PySequence_GetSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2);
int PySequence_SetItem(PyObject *o, Py_ssize_t i, PyObject *v);
int PySequence_DelItem(PyObject *o, Py_ssize_t i);
int PySequence_SetSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2, PyObject *v);
int PySequence_DelSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2);
PyObject *PySequence_Tuple(PyObject *o);
PyObject *PySequence_List(PyObject *o);
/* A list or tuple with the items of o (m is the TypeError message if not iterable). */
PyObject *PySequence_Fast(PyObject *o, const char *m);
#define PySequence_Fast_GET_SIZE(o) \
    (PyList_Check(o) ? PyList_GET_SIZE(o) : PyTuple_GET_SIZE(o))
#define PySequence_Fast_GET_ITEM(o, i) \
    (PyList_Check(o) ? PyList_GET_ITEM(o, i) : PyTuple_GET_ITEM(o, i))
#define PySequence_Fast_ITEMS(sf) \
    (PyList_Check(sf) ? ((PyListObject *)(sf))->ob_item : ((PyTupleObject *)(sf))->ob_item)
#define PySequence_ITEM(o, i) (Py_TYPE(o)->tp_as_sequence->sq_item((o), (i)))
Py_ssize_t PySequence_Count(PyObject *o, PyObject *value);
int PySequence_Contains(PyObject *seq, PyObject *ob);
#define PySequence_In PySequence_Contains
Py_ssize_t PySequence_Index(PyObject *o, PyObject *value);
PyObject *PySequence_InPlaceConcat(PyObject *o1, PyObject *o2);
PyObject *PySequence_InPlaceRepeat(PyObject *o, Py_ssize_t count);
#define PY_ITERSEARCH_COUNT 1
#define PY_ITERSEARCH_INDEX 2
#define PY_ITERSEARCH_CONTAINS 3
Py_ssize_t _PySequence_IterSearch(PyObject *seq, PyObject *obj, int operation);

/* ---- mapping protocol ---- */
int PyMapping_Check(PyObject *o);
Py_ssize_t PyMapping_Size(PyObject *o);
#define PyMapping_Length PyMapping_Size
#define PyMapping_DelItemString(o, k) PyObject_DelItemString((o), (k))
#define PyMapping_DelItem(o, k) PyObject_DelItem((o), (k))
int PyMapping_HasKeyString(PyObject *o, const char *key);
int PyMapping_HasKey(PyObject *o, PyObject *key);
PyObject *PyMapping_Keys(PyObject *o);
PyObject *PyMapping_Values(PyObject *o);
PyObject *PyMapping_Items(PyObject *o);
PyObject *PyMapping_GetItemString(PyObject *o, const char *key);
int PyMapping_SetItemString(PyObject *o, const char *key, PyObject *value);

/* ---- internals of object.c / typeobject.c that other parts use (CPython keeps these
 * in pycore_object.h / pycore_typeobject.h) ---- */
int _PyTypes_InitTypes(void);            /* PyType_Ready every static type */
PyObject *_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject *dict,
                                           int suppress);
int _PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name, PyObject *value,
                                     PyObject *dict);
/* type(obj).name bound to obj (special-method lookup: skips the instance dict);
 * NULL without exception when missing. */
PyObject *_PyObject_LookupSpecial(PyObject *obj, PyObject *name);
int _PyObject_SetAttributeErrorContext(PyObject *v, PyObject *name);
PyObject *_PyObject_NextNotImplemented(PyObject *self);
extern int _Py_SwappedOp[];
PyTypeObject *_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases);
PyObject *_PyType_GetDocFromInternalDoc(const char *name, const char *doc);
PyObject *_PyType_GetTextSignatureFromInternalDoc(const char *name, const char *doc);
unsigned long PyType_GetFlags(PyTypeObject *);
void *PyType_GetSlot(PyTypeObject *, int);
PyObject *PyType_GetName(PyTypeObject *);
PyObject *PyType_GetModule(PyTypeObject *);
void *PyType_GetModuleState(PyTypeObject *);
PyObject *_PyObject_FunctionStr(PyObject *);
unsigned int PyType_ClearCache(void);
int _PyObject_IsAbstract(PyObject *);
PyObject *_PyObject_GetState(PyObject *);
PyObject *_PyType_GetSubclasses(PyTypeObject *);
const char *_PyType_DocWithoutSignature(const char *name, const char *internal_doc);
void PyObject_CallFinalizer(PyObject *);
int PyObject_CallFinalizerFromDealloc(PyObject *);

/* ---- PyType_FromSpec (heap types for C modules; typeslots.h numbering) ---- */
typedef struct {
    int slot;    /* slot id, see Py_tp_* below */
    void *pfunc; /* function pointer (or value) */
} PyType_Slot;

typedef struct {
    const char *name;
    int basicsize;
    int itemsize;
    unsigned int flags;
    PyType_Slot *slots; /* terminated by slot==0 */
} PyType_Spec;

PyObject *PyType_FromSpec(PyType_Spec *);
PyObject *PyType_FromSpecWithBases(PyType_Spec *, PyObject *bases);
PyObject *PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *, PyObject *bases);

#define Py_bf_getbuffer 1
#define Py_bf_releasebuffer 2
#define Py_mp_ass_subscript 3
#define Py_mp_length 4
#define Py_mp_subscript 5
#define Py_nb_absolute 6
#define Py_nb_add 7
#define Py_nb_and 8
#define Py_nb_bool 9
#define Py_nb_divmod 10
#define Py_nb_float 11
#define Py_nb_floor_divide 12
#define Py_nb_index 13
#define Py_nb_inplace_add 14
#define Py_nb_inplace_and 15
#define Py_nb_inplace_floor_divide 16
#define Py_nb_inplace_lshift 17
#define Py_nb_inplace_multiply 18
#define Py_nb_inplace_or 19
#define Py_nb_inplace_power 20
#define Py_nb_inplace_remainder 21
#define Py_nb_inplace_rshift 22
#define Py_nb_inplace_subtract 23
#define Py_nb_inplace_true_divide 24
#define Py_nb_inplace_xor 25
#define Py_nb_int 26
#define Py_nb_invert 27
#define Py_nb_lshift 28
#define Py_nb_multiply 29
#define Py_nb_negative 30
#define Py_nb_or 31
#define Py_nb_positive 32
#define Py_nb_power 33
#define Py_nb_remainder 34
#define Py_nb_rshift 35
#define Py_nb_subtract 36
#define Py_nb_true_divide 37
#define Py_nb_xor 38
#define Py_sq_ass_item 39
#define Py_sq_concat 40
#define Py_sq_contains 41
#define Py_sq_inplace_concat 42
#define Py_sq_inplace_repeat 43
#define Py_sq_item 44
#define Py_sq_length 45
#define Py_sq_repeat 46
#define Py_tp_alloc 47
#define Py_tp_base 48
#define Py_tp_bases 49
#define Py_tp_call 50
#define Py_tp_clear 51
#define Py_tp_dealloc 52
#define Py_tp_del 53
#define Py_tp_descr_get 54
#define Py_tp_descr_set 55
#define Py_tp_doc 56
#define Py_tp_getattr 57
#define Py_tp_getattro 58
#define Py_tp_hash 59
#define Py_tp_init 60
#define Py_tp_is_gc 61
#define Py_tp_iter 62
#define Py_tp_iternext 63
#define Py_tp_methods 64
#define Py_tp_new 65
#define Py_tp_repr 66
#define Py_tp_richcompare 67
#define Py_tp_setattr 68
#define Py_tp_setattro 69
#define Py_tp_str 70
#define Py_tp_traverse 71
#define Py_tp_members 72
#define Py_tp_getset 73
#define Py_tp_free 74
#define Py_nb_matrix_multiply 75
#define Py_nb_inplace_matrix_multiply 76
#define Py_am_await 77
#define Py_am_aiter 78
#define Py_am_anext 79
#define Py_tp_finalize 80
#define Py_am_send 81

#endif /* Py_ABSTRACT_H */
