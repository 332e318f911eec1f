/* weakrefobject.c — weak references: weakref.ref (subclassable, with callbacks), proxy and
 * callable proxy, and PyObject_ClearWeakRefs, which every weakly-referenceable type's
 * dealloc calls.  Owner: modules-os.  Each referent keeps a doubly linked list of its
 * refs at tp_weaklistoffset; the basic ref and basic proxy (no callback) come first and
 * are shared, as in CPython.  The `_weakref` module itself is src/modules/_weakref.c. */
#include "Python.h"

/* As 3.11's macro (bpo-16602): a referent whose refcount already dropped to 0 (its
 * deallocation delayed, e.g. by the trashcan, before its weakrefs are cleared) reads as
 * dead, never as a live object.  (include/weakrefobject.h still has the plain one.) */
#undef PyWeakref_GET_OBJECT
#define PyWeakref_GET_OBJECT(ref)                                   \
    (Py_REFCNT(((PyWeakReference *)(ref))->wr_object) > 0           \
         ? ((PyWeakReference *)(ref))->wr_object : Py_None)

/* ------------------------------------------------------------------ list management */

static void insert_head(PyWeakReference *ref, PyWeakReference **list)
{
    PyWeakReference *next = *list;
    ref->wr_prev = NULL;
    ref->wr_next = next;
    if (next != NULL)
        next->wr_prev = ref;
    *list = ref;
}

static void insert_after(PyWeakReference *ref, PyWeakReference *prev)
{
    ref->wr_prev = prev;
    ref->wr_next = prev->wr_next;
    if (prev->wr_next != NULL)
        prev->wr_next->wr_prev = ref;
    prev->wr_next = ref;
}

/* Unlink ref from its referent's list and mark it dead (keeps the callback). */
static void clear_weakref(PyWeakReference *self)
{
    PyObject *callback = self->wr_callback;
    if (self->wr_object != Py_None) {
        PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(self->wr_object);
        if (*list == self)
            *list = self->wr_next;
        self->wr_object = Py_None;
        if (self->wr_prev != NULL)
            self->wr_prev->wr_next = self->wr_next;
        if (self->wr_next != NULL)
            self->wr_next->wr_prev = self->wr_prev;
        self->wr_prev = self->wr_next = NULL;
    }
    if (callback != NULL) {
        self->wr_callback = NULL;
        Py_DECREF(callback);
    }
}

void _PyWeakref_ClearRef(PyWeakReference *self)
{
    /* Used by the cycle collector: clear without dropping the callback's reference. */
    PyObject *callback = self->wr_callback;
    self->wr_callback = NULL;
    clear_weakref(self);
    self->wr_callback = callback;
}

Py_ssize_t _PyWeakref_GetWeakrefCount(PyWeakReference *head)
{
    Py_ssize_t n = 0;
    for (; head != NULL; head = head->wr_next)
        n++;
    return n;
}

/* The shared basic ref and proxy in a referent's list (CPython's get_basic_refs). */
static void get_basic_refs(PyWeakReference *head, PyWeakReference **refp, PyWeakReference **proxyp)
{
    *refp = *proxyp = NULL;
    if (head != NULL && head->wr_callback == NULL) {
        if (PyWeakref_CheckRefExact(head)) {
            *refp = head;
            head = head->wr_next;
        }
        if (head != NULL && head->wr_callback == NULL && PyWeakref_CheckProxy(head))
            *proxyp = head;
    }
}

/* ------------------------------------------------------------------ ref */

static PyObject *weakref_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                    PyObject *kwnames)
{
    if (!_PyArg_NoKwnames("weakref", kwnames))
        return NULL;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_CheckPositional("weakref", nargs, 0, 0))
        return NULL;
    return Py_NewRef(PyWeakref_GET_OBJECT(self));
}

static void init_weakref(PyWeakReference *self, PyObject *ob, PyObject *callback)
{
    self->hash = -1;
    self->wr_object = ob;
    self->wr_prev = self->wr_next = NULL;
    self->wr_callback = Py_XNewRef(callback);
    self->vectorcall = weakref_vectorcall;
}

static PyWeakReference *new_weakref(PyObject *ob, PyObject *callback)
{
    PyWeakReference *r = PyObject_GC_New(PyWeakReference, &_PyWeakref_RefType);
    if (r != NULL) {
        init_weakref(r, ob, callback);
        if (callback != NULL)
            PyObject_GC_Track(r);
    }
    return r;
}

static int parse_weakref_init_args(const char *funcname, PyObject *args, PyObject *kwargs,
                                   PyObject **obp, PyObject **callbackp)
{
    return PyArg_UnpackTuple(args, funcname, 1, 2, obp, callbackp);
}

static int check_weakrefable(PyObject *ob)
{
    if (!_PyType_SUPPORTS_WEAKREFS(Py_TYPE(ob))) {
        PyErr_Format(PyExc_TypeError, "cannot create weak reference to '%s' object",
                     Py_TYPE(ob)->tp_name);
        return 0;
    }
    return 1;
}

static PyObject *weakref___new__(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    PyObject *ob, *callback = NULL;
    if (!parse_weakref_init_args("__new__", args, kwargs, &ob, &callback))
        return NULL;
    if (!check_weakrefable(ob))
        return NULL;
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && type == &_PyWeakref_RefType && ref != NULL)
        return Py_NewRef(ref);
    PyWeakReference *self = (PyWeakReference *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    init_weakref(self, ob, callback);
    if (callback == NULL && type == &_PyWeakref_RefType) {
        insert_head(self, list);
    } else {
        PyWeakReference *prev = proxy == NULL ? ref : proxy;
        if (prev == NULL)
            insert_head(self, list);
        else
            insert_after(self, prev);
    }
    return (PyObject *)self;
}

static int weakref___init__(PyObject *self, PyObject *args, PyObject *kwargs)
{
    PyObject *tmp;
    /* as 3.11: keywords are refused here (ref(o, callback=f) is a TypeError); a subclass
       taking extra arguments overrides __init__ */
    if (!_PyArg_NoKeywords("ref", kwargs))
        return -1;
    if (!PyWeakref_CheckRefExact(self) || parse_weakref_init_args("__init__", args, kwargs, &tmp, &tmp))
        return 0;
    return -1;
}

static void weakref_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    clear_weakref((PyWeakReference *)self);
    Py_TYPE(self)->tp_free(self);
}

static int gc_traverse(PyWeakReference *self, visitproc visit, void *arg)
{
    Py_VISIT(self->wr_callback);
    return 0;
}

static int gc_clear(PyWeakReference *self)
{
    clear_weakref(self);
    return 0;
}

static PyObject *weakref_call(PyWeakReference *self, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("weakref", kw) || !PyArg_UnpackTuple(args, "weakref", 0, 0))
        return NULL;
    return Py_NewRef(PyWeakref_GET_OBJECT(self));
}

static Py_hash_t weakref_hash(PyWeakReference *self)
{
    if (self->hash != -1)
        return self->hash;
    PyObject *obj = PyWeakref_GET_OBJECT(self);
    if (obj == Py_None) {
        PyErr_SetString(PyExc_TypeError, "weak object has gone away");
        return -1;
    }
    Py_INCREF(obj);
    self->hash = PyObject_Hash(obj);
    Py_DECREF(obj);
    return self->hash;
}

static PyObject *weakref_repr(PyWeakReference *self)
{
    PyObject *obj = PyWeakref_GET_OBJECT(self), *name, *repr;
    if (obj == Py_None)
        return PyUnicode_FromFormat("<weakref at %p; dead>", self);
    Py_INCREF(obj);
    if (_PyObject_LookupAttr(obj, _Py_ID(__name__), &name) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    if (name == NULL || !PyUnicode_Check(name))
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p>", self,
                                    Py_TYPE(obj)->tp_name, obj);
    else
        repr = PyUnicode_FromFormat("<weakref at %p; to '%s' at %p (%U)>", self,
                                    Py_TYPE(obj)->tp_name, obj, name);
    Py_DECREF(obj);
    Py_XDECREF(name);
    return repr;
}

/* Live refs compare their referents; otherwise identity. */
static PyObject *weakref_richcompare(PyWeakReference *self, PyWeakReference *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyWeakref_Check(self) || !PyWeakref_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *a = PyWeakref_GET_OBJECT(self), *b = PyWeakref_GET_OBJECT(other);
    if (a == Py_None || b == Py_None) {
        int res = self == other;
        if (op == Py_NE)
            res = !res;
        return PyBool_FromLong(res);
    }
    Py_INCREF(a);
    Py_INCREF(b);
    PyObject *res = PyObject_RichCompare(a, b, op);
    Py_DECREF(a);
    Py_DECREF(b);
    return res;
}

static PyObject *weakref_class_getitem(PyObject *cls, PyObject *arg) { return Py_GenericAlias(cls, arg); }

static PyMemberDef weakref_members[] = {
    {"__callback__", T_OBJECT, offsetof(PyWeakReference, wr_callback), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyMethodDef weakref_methods[] = {
    {"__class_getitem__", weakref_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyWeakref_RefType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_vectorcall_offset = offsetof(PyWeakReference, vectorcall),
    .tp_call = (ternaryfunc)weakref_call,
    .tp_repr = (reprfunc)weakref_repr,
    .tp_hash = (hashfunc)weakref_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_HAVE_VECTORCALL |
                Py_TPFLAGS_BASETYPE,
    .tp_traverse = (traverseproc)gc_traverse,
    .tp_clear = (inquiry)gc_clear,
    .tp_richcompare = (richcmpfunc)weakref_richcompare,
    .tp_methods = weakref_methods,
    .tp_members = weakref_members,
    .tp_init = weakref___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = weakref___new__,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------------ proxy */

/* Replace a proxy argument by its live referent (new reference), or fail with
 * ReferenceError when it has died. */
static int proxy_check_ref(PyObject *obj)
{
    if (obj == Py_None) {
        PyErr_SetString(PyExc_ReferenceError, "weakly-referenced object no longer exists");
        return 0;
    }
    return 1;
}

#define UNWRAP(o)                                                        \
    if (PyWeakref_CheckProxy(o)) {                                       \
        o = PyWeakref_GET_OBJECT(o);                                     \
        if (!proxy_check_ref(o))                                         \
            return NULL;                                                 \
    }                                                                    \
    Py_INCREF(o);

#define WRAP_UNARY(method, generic)                                      \
    static PyObject *method(PyObject *proxy)                             \
    {                                                                    \
        UNWRAP(proxy);                                                   \
        PyObject *res = generic(proxy);                                  \
        Py_DECREF(proxy);                                                \
        return res;                                                      \
    }

#define WRAP_BINARY(method, generic)                                     \
    static PyObject *method(PyObject *x, PyObject *y)                    \
    {                                                                    \
        UNWRAP(x);                                                       \
        if (PyWeakref_CheckProxy(y)) {                                   \
            y = PyWeakref_GET_OBJECT(y);                                 \
            if (!proxy_check_ref(y)) {                                   \
                Py_DECREF(x);                                            \
                return NULL;                                             \
            }                                                            \
        }                                                                \
        Py_INCREF(y);                                                    \
        PyObject *res = generic(x, y);                                   \
        Py_DECREF(x);                                                    \
        Py_DECREF(y);                                                    \
        return res;                                                      \
    }

static PyObject *proxy_pow_impl(PyObject *x, PyObject *y) { return PyNumber_Power(x, y, Py_None); }
static PyObject *proxy_ipow_impl(PyObject *x, PyObject *y) { return PyNumber_InPlacePower(x, y, Py_None); }

WRAP_BINARY(proxy_getattr, PyObject_GetAttr)
WRAP_UNARY(proxy_str, PyObject_Str)
WRAP_BINARY(proxy_add, PyNumber_Add)
WRAP_BINARY(proxy_sub, PyNumber_Subtract)
WRAP_BINARY(proxy_mul, PyNumber_Multiply)
WRAP_BINARY(proxy_floor_div, PyNumber_FloorDivide)
WRAP_BINARY(proxy_true_div, PyNumber_TrueDivide)
WRAP_BINARY(proxy_mod, PyNumber_Remainder)
WRAP_BINARY(proxy_divmod, PyNumber_Divmod)
WRAP_BINARY(proxy_lshift, PyNumber_Lshift)
WRAP_BINARY(proxy_rshift, PyNumber_Rshift)
WRAP_BINARY(proxy_and, PyNumber_And)
WRAP_BINARY(proxy_xor, PyNumber_Xor)
WRAP_BINARY(proxy_or, PyNumber_Or)
WRAP_BINARY(proxy_matmul, PyNumber_MatrixMultiply)
WRAP_BINARY(proxy_iadd, PyNumber_InPlaceAdd)
WRAP_BINARY(proxy_isub, PyNumber_InPlaceSubtract)
WRAP_BINARY(proxy_imul, PyNumber_InPlaceMultiply)
WRAP_BINARY(proxy_ifloor_div, PyNumber_InPlaceFloorDivide)
WRAP_BINARY(proxy_itrue_div, PyNumber_InPlaceTrueDivide)
WRAP_BINARY(proxy_imod, PyNumber_InPlaceRemainder)
WRAP_BINARY(proxy_ilshift, PyNumber_InPlaceLshift)
WRAP_BINARY(proxy_irshift, PyNumber_InPlaceRshift)
WRAP_BINARY(proxy_iand, PyNumber_InPlaceAnd)
WRAP_BINARY(proxy_ixor, PyNumber_InPlaceXor)
WRAP_BINARY(proxy_ior, PyNumber_InPlaceOr)
WRAP_BINARY(proxy_imatmul, PyNumber_InPlaceMatrixMultiply)
WRAP_BINARY(proxy_getitem, PyObject_GetItem)
WRAP_BINARY(proxy_pow2, proxy_pow_impl)
WRAP_BINARY(proxy_ipow2, proxy_ipow_impl)
WRAP_UNARY(proxy_neg, PyNumber_Negative)
WRAP_UNARY(proxy_pos, PyNumber_Positive)
WRAP_UNARY(proxy_abs, PyNumber_Absolute)
WRAP_UNARY(proxy_invert, PyNumber_Invert)
WRAP_UNARY(proxy_int, PyNumber_Long)
WRAP_UNARY(proxy_float, PyNumber_Float)
WRAP_UNARY(proxy_index, PyNumber_Index)
WRAP_UNARY(proxy_iter, PyObject_GetIter)

static PyObject *proxy_pow(PyObject *x, PyObject *y, PyObject *z) { return proxy_pow2(x, y); }
static PyObject *proxy_ipow(PyObject *x, PyObject *y, PyObject *z) { return proxy_ipow2(x, y); }

static int proxy_setattr(PyObject *proxy, PyObject *name, PyObject *value)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (!proxy_check_ref(o))
        return -1;
    Py_INCREF(o);
    int r = PyObject_SetAttr(o, name, value);
    Py_DECREF(o);
    return r;
}

static PyObject *proxy_richcompare(PyObject *proxy, PyObject *v, int op)
{
    UNWRAP(proxy);
    if (PyWeakref_CheckProxy(v)) {
        v = PyWeakref_GET_OBJECT(v);
        if (!proxy_check_ref(v)) {
            Py_DECREF(proxy);
            return NULL;
        }
    }
    Py_INCREF(v);
    PyObject *res = PyObject_RichCompare(proxy, v, op);
    Py_DECREF(proxy);
    Py_DECREF(v);
    return res;
}

static int proxy_bool(PyObject *proxy)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (!proxy_check_ref(o))
        return -1;
    Py_INCREF(o);
    int r = PyObject_IsTrue(o);
    Py_DECREF(o);
    return r;
}

static int proxy_contains(PyObject *proxy, PyObject *value)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (!proxy_check_ref(o))
        return -1;
    Py_INCREF(o);
    int r = PySequence_Contains(o, value);
    Py_DECREF(o);
    return r;
}

static Py_ssize_t proxy_length(PyObject *proxy)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (!proxy_check_ref(o))
        return -1;
    Py_INCREF(o);
    Py_ssize_t r = PyObject_Length(o);
    Py_DECREF(o);
    return r;
}

static int proxy_setitem(PyObject *proxy, PyObject *key, PyObject *value)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (!proxy_check_ref(o))
        return -1;
    Py_INCREF(o);
    int r = value == NULL ? PyObject_DelItem(o, key) : PyObject_SetItem(o, key, value);
    Py_DECREF(o);
    return r;
}

static PyObject *proxy_iternext(PyObject *proxy)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (!proxy_check_ref(o))
        return NULL;
    if (!PyIter_Check(o)) {
        PyErr_Format(PyExc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                     Py_TYPE(o)->tp_name);
        return NULL;
    }
    Py_INCREF(o);
    PyObject *res = PyIter_Next(o);
    Py_DECREF(o);
    return res;
}

static PyObject *proxy_call(PyObject *proxy, PyObject *args, PyObject *kw)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    if (!proxy_check_ref(o))
        return NULL;
    Py_INCREF(o);
    PyObject *res = PyObject_Call(o, args, kw);
    Py_DECREF(o);
    return res;
}

static PyObject *proxy_repr(PyWeakReference *proxy)
{
    PyObject *o = PyWeakref_GET_OBJECT(proxy);
    return PyUnicode_FromFormat("<weakproxy at %p; to '%s' at %p>", proxy,
                                Py_TYPE(o)->tp_name, o);
}

static Py_hash_t proxy_hash(PyObject *self)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%s'", Py_TYPE(self)->tp_name);
    return -1;
}

static PyObject *proxy_bytes(PyObject *proxy, PyObject *unused)
{
    UNWRAP(proxy);
    PyObject *res = PyObject_CallMethod(proxy, "__bytes__", NULL);
    Py_DECREF(proxy);
    return res;
}

static PyObject *proxy_reversed(PyObject *proxy, PyObject *unused)
{
    UNWRAP(proxy);
    PyObject *res = PyObject_CallMethod(proxy, "__reversed__", NULL);
    Py_DECREF(proxy);
    return res;
}

static PyMethodDef proxy_methods[] = {
    {"__bytes__", proxy_bytes, METH_NOARGS, NULL},
    {"__reversed__", proxy_reversed, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyNumberMethods proxy_as_number = {
    .nb_add = proxy_add, .nb_subtract = proxy_sub, .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod, .nb_power = proxy_pow,
    .nb_negative = proxy_neg, .nb_positive = proxy_pos, .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool, .nb_invert = proxy_invert, .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift, .nb_and = proxy_and, .nb_xor = proxy_xor, .nb_or = proxy_or,
    .nb_int = proxy_int, .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd, .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul, .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow, .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift, .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor, .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floor_div, .nb_true_divide = proxy_true_div,
    .nb_inplace_floor_divide = proxy_ifloor_div, .nb_inplace_true_divide = proxy_itrue_div,
    .nb_index = proxy_index, .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static PySequenceMethods proxy_as_sequence = {
    .sq_length = proxy_length, .sq_contains = proxy_contains,
};

static PyMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length, .mp_subscript = proxy_getitem, .mp_ass_subscript = proxy_setitem,
};

PyTypeObject _PyWeakref_ProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.ProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = (reprfunc)proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = proxy_hash,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)gc_traverse,
    .tp_clear = (inquiry)gc_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
};

PyTypeObject _PyWeakref_CallableProxyType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "weakref.CallableProxyType",
    .tp_basicsize = sizeof(PyWeakReference),
    .tp_dealloc = weakref_dealloc,
    .tp_repr = (reprfunc)proxy_repr,
    .tp_as_number = &proxy_as_number,
    .tp_as_sequence = &proxy_as_sequence,
    .tp_as_mapping = &proxy_as_mapping,
    .tp_hash = proxy_hash,
    .tp_call = proxy_call,
    .tp_str = proxy_str,
    .tp_getattro = proxy_getattr,
    .tp_setattro = proxy_setattr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)gc_traverse,
    .tp_clear = (inquiry)gc_clear,
    .tp_richcompare = proxy_richcompare,
    .tp_iter = proxy_iter,
    .tp_iternext = proxy_iternext,
    .tp_methods = proxy_methods,
};

/* ------------------------------------------------------------------ C API */

PyObject *PyWeakref_NewRef(PyObject *ob, PyObject *callback)
{
    if (!check_weakrefable(ob))
        return NULL;
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && ref != NULL)
        return Py_NewRef(ref);
    PyWeakReference *result = new_weakref(ob, callback);
    if (result == NULL)
        return NULL;
    if (callback == NULL) {
        insert_head(result, list);
    } else {
        PyWeakReference *prev = proxy == NULL ? ref : proxy;
        if (prev == NULL)
            insert_head(result, list);
        else
            insert_after(result, prev);
    }
    return (PyObject *)result;
}

PyObject *PyWeakref_NewProxy(PyObject *ob, PyObject *callback)
{
    if (!check_weakrefable(ob))
        return NULL;
    if (callback == Py_None)
        callback = NULL;
    PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(ob);
    PyWeakReference *ref, *proxy;
    get_basic_refs(*list, &ref, &proxy);
    if (callback == NULL && proxy != NULL)
        return Py_NewRef(proxy);
    PyTypeObject *type = PyCallable_Check(ob) ? &_PyWeakref_CallableProxyType
                                              : &_PyWeakref_ProxyType;
    PyWeakReference *result = PyObject_GC_New(PyWeakReference, type);
    if (result == NULL)
        return NULL;
    init_weakref(result, ob, callback);
    PyObject_GC_Track(result);
    PyWeakReference *prev = callback == NULL ? ref : (proxy == NULL ? ref : proxy);
    if (prev == NULL)
        insert_head(result, list);
    else
        insert_after(result, prev);
    return (PyObject *)result;
}

PyObject *PyWeakref_GetObject(PyObject *ref)
{
    if (ref == NULL || !PyWeakref_Check(ref)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyWeakref_GET_OBJECT(ref);
}

static void handle_callback(PyWeakReference *ref, PyObject *callback)
{
    PyObject *res = PyObject_CallOneArg(callback, (PyObject *)ref);
    if (res == NULL)
        PyErr_WriteUnraisable(callback);
    else
        Py_DECREF(res);
}

/* Called by the referent's dealloc: kill every weak reference to it, then run the
 * callbacks (of refs that are themselves still alive), oldest last as in CPython. */
void PyObject_ClearWeakRefs(PyObject *object)
{
    if (object == NULL || !_PyType_SUPPORTS_WEAKREFS(Py_TYPE(object)) || Py_REFCNT(object) != 0) {
        PyErr_BadInternalCall();
        return;
    }
    PyWeakReference **list = (PyWeakReference **)_PyObject_GET_WEAKREFS_LISTPTR(object);
    /* The basic ref and proxy have no callbacks: just clear them. */
    if (*list != NULL && (*list)->wr_callback == NULL) {
        clear_weakref(*list);
        if (*list != NULL && (*list)->wr_callback == NULL)
            clear_weakref(*list);
    }
    if (*list == NULL)
        return;
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    Py_ssize_t count = _PyWeakref_GetWeakrefCount(*list);
    PyObject *tuple = PyTuple_New(count * 2);
    if (tuple == NULL) {
        while (*list != NULL)
            clear_weakref(*list);
        PyErr_WriteUnraisable(NULL);
        PyErr_Restore(exc_type, exc_value, exc_tb);
        return;
    }
    Py_ssize_t n = 0;
    while (*list != NULL) {
        PyWeakReference *current = *list;
        PyObject *callback = current->wr_callback;
        current->wr_callback = NULL;
        clear_weakref(current);
        if (callback != NULL) {
            if (Py_REFCNT((PyObject *)current) > 0) {
                /* Keep the ref alive while its callback runs. */
                PyTuple_SET_ITEM(tuple, n * 2, Py_NewRef(current));
                PyTuple_SET_ITEM(tuple, n * 2 + 1, callback);
                n++;
            } else {
                Py_DECREF(callback);
            }
        }
    }
    for (Py_ssize_t i = 0; i < n; i++)
        handle_callback((PyWeakReference *)PyTuple_GET_ITEM(tuple, i * 2),
                        PyTuple_GET_ITEM(tuple, i * 2 + 1));
    Py_DECREF(tuple);
    PyErr_Restore(exc_type, exc_value, exc_tb);
}
