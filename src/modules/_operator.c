/* _operator.c — the `_operator` module: the operator functions (add, getitem, iadd, …),
 * length_hint, _compare_digest and the itemgetter / attrgetter / methodcaller types with
 * their reprs and pickling.  lib operator.py adds the dunder aliases on top.
 * Owner: modules-os. */
#include "Python.h"

/* ------------------------------------------------------------ plain functions */

#define UNARY(name, expr)                                                     \
    static PyObject *op_##name(PyObject *m, PyObject *a) { return expr; }
#define BINARY(name, func)                                                    \
    static PyObject *op_##name(PyObject *m, PyObject *const *args, Py_ssize_t n) \
    {                                                                         \
        if (!_PyArg_CheckPositional(#name, n, 2, 2))                          \
            return NULL;                                                      \
        return func(args[0], args[1]);                                        \
    }

UNARY(neg, PyNumber_Negative(a))
UNARY(pos, PyNumber_Positive(a))
UNARY(abs, PyNumber_Absolute(a))
UNARY(inv, PyNumber_Invert(a))
UNARY(invert, PyNumber_Invert(a))
UNARY(index, PyNumber_Index(a))

static PyObject *op_truth(PyObject *m, PyObject *a)
{
    int r = PyObject_IsTrue(a);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *op_not_(PyObject *m, PyObject *a)
{
    int r = PyObject_Not(a);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

BINARY(add, PyNumber_Add)
BINARY(sub, PyNumber_Subtract)
BINARY(mul, PyNumber_Multiply)
BINARY(matmul, PyNumber_MatrixMultiply)
BINARY(floordiv, PyNumber_FloorDivide)
BINARY(truediv, PyNumber_TrueDivide)
BINARY(mod, PyNumber_Remainder)
BINARY(lshift, PyNumber_Lshift)
BINARY(rshift, PyNumber_Rshift)
BINARY(and_, PyNumber_And)
BINARY(xor, PyNumber_Xor)
BINARY(or_, PyNumber_Or)
BINARY(iadd, PyNumber_InPlaceAdd)
BINARY(isub, PyNumber_InPlaceSubtract)
BINARY(imul, PyNumber_InPlaceMultiply)
BINARY(imatmul, PyNumber_InPlaceMatrixMultiply)
BINARY(ifloordiv, PyNumber_InPlaceFloorDivide)
BINARY(itruediv, PyNumber_InPlaceTrueDivide)
BINARY(imod, PyNumber_InPlaceRemainder)
BINARY(ilshift, PyNumber_InPlaceLshift)
BINARY(irshift, PyNumber_InPlaceRshift)
BINARY(iand, PyNumber_InPlaceAnd)
BINARY(ixor, PyNumber_InPlaceXor)
BINARY(ior, PyNumber_InPlaceOr)
BINARY(getitem, PyObject_GetItem)

static PyObject *pow2(PyObject *a, PyObject *b) { return PyNumber_Power(a, b, Py_None); }
static PyObject *ipow2(PyObject *a, PyObject *b) { return PyNumber_InPlacePower(a, b, Py_None); }
BINARY(pow, pow2)
BINARY(ipow, ipow2)

#define COMPARE(name, OP)                                                     \
    static PyObject *cmp_##name(PyObject *a, PyObject *b)                     \
    { return PyObject_RichCompare(a, b, OP); }                                \
    BINARY(name, cmp_##name)
COMPARE(lt, Py_LT)
COMPARE(le, Py_LE)
COMPARE(eq, Py_EQ)
COMPARE(ne, Py_NE)
COMPARE(gt, Py_GT)
COMPARE(ge, Py_GE)

static PyObject *is2(PyObject *a, PyObject *b) { return PyBool_FromLong(a == b); }
static PyObject *is_not2(PyObject *a, PyObject *b) { return PyBool_FromLong(a != b); }
BINARY(is_, is2)
BINARY(is_not, is_not2)

static PyObject *contains2(PyObject *a, PyObject *b)
{
    int r = PySequence_Contains(a, b);
    return r < 0 ? NULL : PyBool_FromLong(r);
}
BINARY(contains, contains2)

static PyObject *index_of2(PyObject *a, PyObject *b)
{
    Py_ssize_t r = PySequence_Index(a, b);
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}
BINARY(indexOf, index_of2)

static PyObject *count_of2(PyObject *a, PyObject *b)
{
    Py_ssize_t r = PySequence_Count(a, b);
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}
BINARY(countOf, count_of2)

static int check_concat(PyObject *a)
{
    if (!PySequence_Check(a)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object can't be concatenated",
                     Py_TYPE(a)->tp_name);
        return -1;
    }
    return 0;
}
static PyObject *concat2(PyObject *a, PyObject *b)
{ return check_concat(a) < 0 ? NULL : PyNumber_Add(a, b); }
static PyObject *iconcat2(PyObject *a, PyObject *b)
{ return check_concat(a) < 0 ? NULL : PyNumber_InPlaceAdd(a, b); }
BINARY(concat, concat2)
BINARY(iconcat, iconcat2)

static PyObject *delitem2(PyObject *a, PyObject *b)
{ return PyObject_DelItem(a, b) < 0 ? NULL : Py_NewRef(Py_None); }
BINARY(delitem, delitem2)

static PyObject *op_setitem(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("setitem", n, 3, 3))
        return NULL;
    if (PyObject_SetItem(args[0], args[1], args[2]) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *op_length_hint(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("length_hint", n, 1, 2))
        return NULL;
    Py_ssize_t def = 0;
    if (n == 2) {
        if (!PyLong_Check(args[1])) {
            PyErr_Format(PyExc_TypeError,
                         "'%.200s' object cannot be interpreted as an integer",
                         Py_TYPE(args[1])->tp_name);
            return NULL;
        }
        def = PyLong_AsSsize_t(args[1]);
        if (def == -1 && PyErr_Occurred())
            return NULL;
    }
    Py_ssize_t r = PyObject_LengthHint(args[0], def);
    return r == -1 && PyErr_Occurred() ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *op_call(PyObject *m, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < 1) {
        PyErr_SetString(PyExc_TypeError, "call() missing required argument 'obj' (pos 1)");
        return NULL;
    }
    PyObject *rest = PyTuple_GetSlice(args, 1, n);
    if (rest == NULL)
        return NULL;
    PyObject *res = PyObject_Call(PyTuple_GET_ITEM(args, 0), rest, kwargs);
    Py_DECREF(rest);
    return res;
}

/* Timing-safe comparison: the loop always runs over the whole of `b`, so the time taken
 * depends only on len(b), never on where the first difference is. */
static int tscmp(const unsigned char *a, Py_ssize_t len_a, const unsigned char *b,
                 Py_ssize_t len_b)
{
    volatile const unsigned char *left = a;
    volatile Py_ssize_t length = len_b;
    unsigned char result = 0;
    if (len_a == len_b)
        result = 0;
    else {
        left = b;
        result = 1;
    }
    for (Py_ssize_t i = 0; i < length; i++)
        result |= left[i] ^ b[i];
    return result == 0;
}

PyObject *_Py_compare_digest(PyObject *a, PyObject *b);

/* Shared with _hashlib.compare_digest (_hashopenssl.c). */
PyObject *_Py_compare_digest(PyObject *a, PyObject *b)
{
    int r;
    if (PyUnicode_Check(a) && PyUnicode_Check(b)) {
        if (!PyUnicode_IS_ASCII(a) || !PyUnicode_IS_ASCII(b)) {
            PyErr_SetString(PyExc_TypeError,
                            "comparing strings with non-ASCII characters is not supported");
            return NULL;
        }
        r = tscmp(PyUnicode_DATA(a), PyUnicode_GET_LENGTH(a), PyUnicode_DATA(b),
                  PyUnicode_GET_LENGTH(b));
    } else {
        if (!PyObject_CheckBuffer(a) || !PyObject_CheckBuffer(b)) {
            PyErr_Format(PyExc_TypeError,
                         "unsupported operand types(s) or combination of types: "
                         "'%.100s' and '%.100s'",
                         Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
            return NULL;
        }
        Py_buffer va, vb;
        if (PyObject_GetBuffer(a, &va, PyBUF_SIMPLE) < 0)
            return NULL;
        if (PyObject_GetBuffer(b, &vb, PyBUF_SIMPLE) < 0) {
            PyBuffer_Release(&va);
            return NULL;
        }
        if (va.ndim > 1 || vb.ndim > 1) {
            PyErr_SetString(PyExc_BufferError, "Buffer must be single dimension");
            PyBuffer_Release(&va);
            PyBuffer_Release(&vb);
            return NULL;
        }
        r = tscmp(va.buf, va.len, vb.buf, vb.len);
        PyBuffer_Release(&va);
        PyBuffer_Release(&vb);
    }
    return PyBool_FromLong(r);
}

static PyObject *op_compare_digest(PyObject *m, PyObject *const *args, Py_ssize_t n)
{
    if (!_PyArg_CheckPositional("_compare_digest", n, 2, 2))
        return NULL;
    return _Py_compare_digest(args[0], args[1]);
}

/* ------------------------------------------------------------ itemgetter */

typedef struct {
    PyObject_HEAD
    Py_ssize_t nitems;
    PyObject *item;      /* the single key, or the tuple of keys */
} itemgetterobject;

static PyTypeObject itemgetter_type, attrgetter_type, methodcaller_type;

static PyObject *itemgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("itemgetter", kwds))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n == 0) {
        PyErr_SetString(PyExc_TypeError, "itemgetter expected 1 argument, got 0");
        return NULL;
    }
    itemgetterobject *ig = PyObject_GC_New(itemgetterobject, type);
    if (ig == NULL)
        return NULL;
    ig->item = Py_NewRef(n == 1 ? PyTuple_GET_ITEM(args, 0) : args);
    ig->nitems = n;
    PyObject_GC_Track(ig);
    return (PyObject *)ig;
}

static void itemgetter_dealloc(itemgetterobject *ig)
{
    PyObject_GC_UnTrack(ig);
    Py_XDECREF(ig->item);
    PyObject_GC_Del(ig);
}

static int itemgetter_traverse(itemgetterobject *ig, visitproc visit, void *arg)
{
    Py_VISIT(ig->item);
    return 0;
}

static PyObject *itemgetter_call(itemgetterobject *ig, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("itemgetter", kw))
        return NULL;
    if (!_PyArg_CheckPositional("itemgetter", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    if (ig->nitems == 1)
        return PyObject_GetItem(obj, ig->item);
    PyObject *result = PyTuple_New(ig->nitems);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < ig->nitems; i++) {
        PyObject *v = PyObject_GetItem(obj, PyTuple_GET_ITEM(ig->item, i));
        if (v == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, v);
    }
    return result;
}

/* "operator.itemgetter(1, 2)"; recursion-safe as CPython's. */
static PyObject *getter_repr(PyObject *self, PyObject *contents, const char *tname)
{
    int status = Py_ReprEnter(self);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromFormat("%s(...)", tname);
    }
    PyObject *r = PyUnicode_FromFormat("%s%R", tname, contents);
    Py_ReprLeave(self);
    return r;
}

static PyObject *itemgetter_repr(itemgetterobject *ig)
{
    const char *name = Py_TYPE(ig)->tp_name;
    if (ig->nitems > 1)
        return getter_repr((PyObject *)ig, ig->item, name);
    int status = Py_ReprEnter((PyObject *)ig);
    if (status != 0)
        return status < 0 ? NULL : PyUnicode_FromFormat("%s(...)", name);
    PyObject *r = PyUnicode_FromFormat("%s(%R)", name, ig->item);
    Py_ReprLeave((PyObject *)ig);
    return r;
}

static PyObject *itemgetter_reduce(itemgetterobject *ig, PyObject *unused)
{
    if (ig->nitems == 1)
        return Py_BuildValue("O(O)", Py_TYPE(ig), ig->item);
    return PyTuple_Pack(2, Py_TYPE(ig), ig->item);
}

static PyMethodDef itemgetter_methods[] = {
    {"__reduce__", (PyCFunction)itemgetter_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------ attrgetter */

typedef struct {
    PyObject_HEAD
    Py_ssize_t nattrs;
    PyObject *attr;   /* tuple; each entry a str or, for dotted names, a tuple of strs */
} attrgetterobject;

static PyObject *attrgetter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (!_PyArg_NoKeywords("attrgetter", kwds))
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n == 0) {
        PyErr_SetString(PyExc_TypeError, "attrgetter expected 1 argument, got 0");
        return NULL;
    }
    PyObject *attr = PyTuple_New(n);
    if (attr == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyTuple_GET_ITEM(args, i);
        if (!PyUnicode_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "attribute name must be a string");
            Py_DECREF(attr);
            return NULL;
        }
        PyObject *dot = PyUnicode_FromString(".");
        PyObject *parts = dot ? PyUnicode_Split(item, dot, -1) : NULL;
        Py_XDECREF(dot);
        if (parts == NULL) {
            Py_DECREF(attr);
            return NULL;
        }
        Py_ssize_t np = PyList_GET_SIZE(parts);
        for (Py_ssize_t j = 0; j < np; j++) {
            PyObject *s = PyList_GET_ITEM(parts, j);
            Py_INCREF(s);
            PyUnicode_InternInPlace(&s);
            PyList_SetItem(parts, j, s);   /* drops the un-interned one */
        }
        PyObject *entry;
        if (np == 1) {
            entry = Py_NewRef(PyList_GET_ITEM(parts, 0));
        } else {
            entry = PyList_AsTuple(parts);
        }
        Py_DECREF(parts);
        if (entry == NULL) {
            Py_DECREF(attr);
            return NULL;
        }
        PyTuple_SET_ITEM(attr, i, entry);
    }
    attrgetterobject *ag = PyObject_GC_New(attrgetterobject, type);
    if (ag == NULL) {
        Py_DECREF(attr);
        return NULL;
    }
    ag->attr = attr;
    ag->nattrs = n;
    PyObject_GC_Track(ag);
    return (PyObject *)ag;
}

static void attrgetter_dealloc(attrgetterobject *ag)
{
    PyObject_GC_UnTrack(ag);
    Py_XDECREF(ag->attr);
    PyObject_GC_Del(ag);
}

static int attrgetter_traverse(attrgetterobject *ag, visitproc visit, void *arg)
{
    Py_VISIT(ag->attr);
    return 0;
}

static PyObject *dotted_getattr(PyObject *obj, PyObject *attr)
{
    if (PyTuple_CheckExact(attr)) {
        Py_INCREF(obj);
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(attr); i++) {
            PyObject *next = PyObject_GetAttr(obj, PyTuple_GET_ITEM(attr, i));
            Py_DECREF(obj);
            if (next == NULL)
                return NULL;
            obj = next;
        }
        return obj;
    }
    return PyObject_GetAttr(obj, attr);
}

static PyObject *attrgetter_call(attrgetterobject *ag, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("attrgetter", kw))
        return NULL;
    if (!_PyArg_CheckPositional("attrgetter", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    PyObject *obj = PyTuple_GET_ITEM(args, 0);
    if (ag->nattrs == 1)
        return dotted_getattr(obj, PyTuple_GET_ITEM(ag->attr, 0));
    PyObject *result = PyTuple_New(ag->nattrs);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < ag->nattrs; i++) {
        PyObject *v = dotted_getattr(obj, PyTuple_GET_ITEM(ag->attr, i));
        if (v == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, v);
    }
    return result;
}

/* The constructor arguments back: dotted tuples joined with '.'. */
static PyObject *attrgetter_args(attrgetterobject *ag)
{
    PyObject *res = PyTuple_New(ag->nattrs);
    if (res == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < ag->nattrs; i++) {
        PyObject *a = PyTuple_GET_ITEM(ag->attr, i);
        if (PyTuple_CheckExact(a)) {
            PyObject *dot = PyUnicode_FromString(".");
            a = dot ? PyUnicode_Join(dot, a) : NULL;
            Py_XDECREF(dot);
            if (a == NULL) {
                Py_DECREF(res);
                return NULL;
            }
        } else {
            Py_INCREF(a);
        }
        PyTuple_SET_ITEM(res, i, a);
    }
    return res;
}

static PyObject *attrgetter_repr(attrgetterobject *ag)
{
    PyObject *args = attrgetter_args(ag);
    if (args == NULL)
        return NULL;
    PyObject *r;
    if (ag->nattrs == 1)
        r = PyUnicode_FromFormat("%s(%R)", Py_TYPE(ag)->tp_name, PyTuple_GET_ITEM(args, 0));
    else
        r = getter_repr((PyObject *)ag, args, Py_TYPE(ag)->tp_name);
    Py_DECREF(args);
    return r;
}

static PyObject *attrgetter_reduce(attrgetterobject *ag, PyObject *unused)
{
    PyObject *args = attrgetter_args(ag);
    if (args == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(2, Py_TYPE(ag), args);
    Py_DECREF(args);
    return r;
}

static PyMethodDef attrgetter_methods[] = {
    {"__reduce__", (PyCFunction)attrgetter_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------ methodcaller */

typedef struct {
    PyObject_HEAD
    PyObject *name, *args, *kwds;
} methodcallerobject;

static PyObject *methodcaller_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) < 1) {
        PyErr_SetString(PyExc_TypeError,
                        "methodcaller needs at least one argument, the method name");
        return NULL;
    }
    PyObject *name = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "method name must be a string");
        return NULL;
    }
    methodcallerobject *mc = PyObject_GC_New(methodcallerobject, type);
    if (mc == NULL)
        return NULL;
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    mc->name = name;
    mc->kwds = kwds ? PyDict_Copy(kwds) : PyDict_New();
    mc->args = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    PyObject_GC_Track(mc);
    if (mc->kwds == NULL || mc->args == NULL) {
        Py_DECREF(mc);
        return NULL;
    }
    return (PyObject *)mc;
}

static void methodcaller_dealloc(methodcallerobject *mc)
{
    PyObject_GC_UnTrack(mc);
    Py_XDECREF(mc->name);
    Py_XDECREF(mc->args);
    Py_XDECREF(mc->kwds);
    PyObject_GC_Del(mc);
}

static int methodcaller_traverse(methodcallerobject *mc, visitproc visit, void *arg)
{
    Py_VISIT(mc->name);
    Py_VISIT(mc->args);
    Py_VISIT(mc->kwds);
    return 0;
}

static PyObject *methodcaller_call(methodcallerobject *mc, PyObject *args, PyObject *kw)
{
    if (!_PyArg_NoKeywords("methodcaller", kw))
        return NULL;
    if (!_PyArg_CheckPositional("methodcaller", PyTuple_GET_SIZE(args), 1, 1))
        return NULL;
    PyObject *method = PyObject_GetAttr(PyTuple_GET_ITEM(args, 0), mc->name);
    if (method == NULL)
        return NULL;
    PyObject *r = PyObject_Call(method, mc->args, mc->kwds);
    Py_DECREF(method);
    return r;
}

static PyObject *methodcaller_repr(methodcallerobject *mc)
{
    const char *tname = Py_TYPE(mc)->tp_name;
    int status = Py_ReprEnter((PyObject *)mc);
    if (status != 0)
        return status < 0 ? NULL : PyUnicode_FromFormat("%s(...)", tname);
    PyObject *parts = PyList_New(0), *r = NULL, *sep = NULL, *joined = NULL;
    if (parts == NULL)
        goto done;
    PyObject *s = PyObject_Repr(mc->name);
    if (s == NULL || PyList_Append(parts, s) < 0) {
        Py_XDECREF(s);
        goto done;
    }
    Py_DECREF(s);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(mc->args); i++) {
        s = PyObject_Repr(PyTuple_GET_ITEM(mc->args, i));
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            goto done;
        }
        Py_DECREF(s);
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(mc->kwds, &pos, &key, &value)) {
        s = PyUnicode_FromFormat("%U=%R", key, value);
        if (s == NULL || PyList_Append(parts, s) < 0) {
            Py_XDECREF(s);
            goto done;
        }
        Py_DECREF(s);
    }
    sep = PyUnicode_FromString(", ");
    joined = sep ? PyUnicode_Join(sep, parts) : NULL;
    if (joined)
        r = PyUnicode_FromFormat("%s(%U)", tname, joined);
done:
    Py_XDECREF(parts);
    Py_XDECREF(sep);
    Py_XDECREF(joined);
    Py_ReprLeave((PyObject *)mc);
    return r;
}

static PyObject *methodcaller_reduce(methodcallerobject *mc, PyObject *unused)
{
    if (PyDict_GET_SIZE(mc->kwds) == 0) {
        Py_ssize_t n = PyTuple_GET_SIZE(mc->args);
        PyObject *newargs = PyTuple_New(n + 1);
        if (newargs == NULL)
            return NULL;
        PyTuple_SET_ITEM(newargs, 0, Py_NewRef(mc->name));
        for (Py_ssize_t i = 0; i < n; i++)
            PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(mc->args, i)));
        PyObject *r = PyTuple_Pack(2, Py_TYPE(mc), newargs);
        Py_DECREF(newargs);
        return r;
    }
    /* keywords: partial(methodcaller, name, **kwds) applied to the positional args */
    PyObject *functools = PyImport_ImportModule("functools");
    if (functools == NULL)
        return NULL;
    PyObject *partial = PyObject_GetAttrString(functools, "partial");
    Py_DECREF(functools);
    if (partial == NULL)
        return NULL;
    PyObject *pargs = PyTuple_Pack(2, Py_TYPE(mc), mc->name);
    PyObject *constructor = pargs ? PyObject_Call(partial, pargs, mc->kwds) : NULL;
    Py_DECREF(partial);
    Py_XDECREF(pargs);
    if (constructor == NULL)
        return NULL;
    PyObject *r = PyTuple_Pack(2, constructor, mc->args);
    Py_DECREF(constructor);
    return r;
}

static PyMethodDef methodcaller_methods[] = {
    {"__reduce__", (PyCFunction)methodcaller_reduce, METH_NOARGS, "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

#define GETTER_TYPE(var, pyname, cname, doc)                                  \
    static PyTypeObject var = {                                               \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                \
        .tp_name = "operator." pyname,                                        \
        .tp_basicsize = sizeof(cname##object),                                \
        .tp_dealloc = (destructor)cname##_dealloc,                            \
        .tp_repr = (reprfunc)cname##_repr,                                    \
        .tp_call = (ternaryfunc)cname##_call,                                 \
        .tp_getattro = PyObject_GenericGetAttr,                               \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,                  \
        .tp_doc = doc,                                                        \
        .tp_traverse = (traverseproc)cname##_traverse,                        \
        .tp_methods = cname##_methods,                                        \
        .tp_new = cname##_new,                                                \
        .tp_free = PyObject_GC_Del,                                           \
    };

GETTER_TYPE(itemgetter_type, "itemgetter", itemgetter,
            "itemgetter(item, ...) --> itemgetter object\n\n"
            "Return a callable object that fetches the given item(s) from its operand.\n"
            "After f = itemgetter(2), the call f(r) returns r[2].\n"
            "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])")
GETTER_TYPE(attrgetter_type, "attrgetter", attrgetter,
            "attrgetter(attr, ...) --> attrgetter object\n\n"
            "Return a callable object that fetches the given attribute(s) from its operand.\n"
            "After f = attrgetter('name'), the call f(r) returns r.name.\n"
            "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
            "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
            "(r.name.first, r.name.last).")
GETTER_TYPE(methodcaller_type, "methodcaller", methodcaller,
            "methodcaller(name, ...) --> methodcaller object\n\n"
            "Return a callable object that calls the given method on its operand.\n"
            "After f = methodcaller('name'), the call f(r) returns r.name().\n"
            "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
            "r.name('date', foo=1).")

/* ------------------------------------------------------------ module */

#define F1(name, doc) {#name, (PyCFunction)op_##name, METH_O, doc},
#define F2(name, doc) {#name, (PyCFunction)(void (*)(void))op_##name, METH_FASTCALL, doc},

static PyMethodDef operator_methods[] = {
    F1(truth, "Return True if a is true, False otherwise.")
    F2(contains, "Same as b in a (note reversed operands).")
    F2(indexOf, "Return the first index of b in a.")
    F2(countOf, "Return the number of items in a which are, or which equal, b.")
    F2(is_, "Same as a is b.")
    F2(is_not, "Same as a is not b.")
    F1(index, "Same as a.__index__()")
    F2(add, "Same as a + b.")
    F2(sub, "Same as a - b.")
    F2(mul, "Same as a * b.")
    F2(matmul, "Same as a @ b.")
    F2(floordiv, "Same as a // b.")
    F2(truediv, "Same as a / b.")
    F2(mod, "Same as a % b.")
    F1(neg, "Same as -a.")
    F1(pos, "Same as +a.")
    F1(abs, "Same as abs(a).")
    F1(inv, "Same as ~a.")
    F1(invert, "Same as ~a.")
    F2(lshift, "Same as a << b.")
    F2(rshift, "Same as a >> b.")
    F1(not_, "Same as not a.")
    F2(and_, "Same as a & b.")
    F2(xor, "Same as a ^ b.")
    F2(or_, "Same as a | b.")
    F2(iadd, "Same as a += b.")
    F2(isub, "Same as a -= b.")
    F2(imul, "Same as a *= b.")
    F2(imatmul, "Same as a @= b.")
    F2(ifloordiv, "Same as a //= b.")
    F2(itruediv, "Same as a /= b.")
    F2(imod, "Same as a %= b.")
    F2(ilshift, "Same as a <<= b.")
    F2(irshift, "Same as a >>= b.")
    F2(iand, "Same as a &= b.")
    F2(ixor, "Same as a ^= b.")
    F2(ior, "Same as a |= b.")
    F2(concat, "Same as a + b, for a and b sequences.")
    F2(iconcat, "Same as a += b, for a and b sequences.")
    F2(getitem, "Same as a[b].")
    F2(setitem, "Same as a[b] = c.")
    F2(delitem, "Same as del a[b].")
    F2(pow, "Same as a ** b.")
    F2(ipow, "Same as a **= b.")
    F2(eq, "Same as a == b.")
    F2(ne, "Same as a != b.")
    F2(lt, "Same as a < b.")
    F2(le, "Same as a <= b.")
    F2(gt, "Same as a > b.")
    F2(ge, "Same as a >= b.")
    {"_compare_digest", (PyCFunction)(void (*)(void))op_compare_digest, METH_FASTCALL,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography."},
    F2(length_hint, "Return an estimate of the number of items in obj.")
    {"call", (PyCFunction)(void (*)(void))op_call, METH_VARARGS | METH_KEYWORDS,
     "Same as obj(*args, **kwargs)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef operatormodule = {
    PyModuleDef_HEAD_INIT, "_operator",
    "Operator interface.\n\nThis module exports a set of functions implemented in C "
    "corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\n"
    "is equivalent to the expression x+y.  The function names are those\nused for special "
    "methods; variants without leading and trailing\n'__' are also provided for convenience.",
    -1, operator_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__operator(void)
{
    PyTypeObject *types[] = {&itemgetter_type, &attrgetter_type, &methodcaller_type};
    PyObject *m = PyModule_Create(&operatormodule);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (PyType_Ready(types[i]) < 0 || PyModule_AddType(m, types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
