/* object.c — the generic object protocol: dealloc, allocation helpers, repr/str,
 * rich comparison, hashing, truth, attribute access (generic lookup with descriptors),
 * dir(), the None / NotImplemented / Ellipsis singletons and _PyTypes_InitTypes().
 * Types and slots live in typeobject.c; operators in abstract.c; calls in call.c. */
#include "Python.h"
#include "type_docs.h"

/* ---------------------------------------------------------------- allocation */

void _Py_Dealloc(PyObject *op)
{
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
    dealloc(op);
}

/* ---------------------------------------------------------------- trashcan */

/* Per thread, as CPython's tstate->trash_delete_nesting / trash_delete_later: the depth of
 * nested trashcan deallocs and the objects whose dealloc was put off (a stack). */
_Thread_local int _PyTrash_nesting;
static _Thread_local PyObject **trash_later;
_Thread_local size_t _PyTrash_count;
static _Thread_local size_t trash_alloc;

/* Only the type's own dealloc uses the trashcan, not a subclass's calling it. */
int _PyTrash_cond(PyObject *op, destructor dealloc)
{
    return Py_TYPE(op)->tp_dealloc == dealloc;
}

/* Queues op; 0 if there is no memory (the caller then frees it now). */
static int trash_deposit(PyObject *op)
{
    if (_PyTrash_count == trash_alloc) {
        size_t n = trash_alloc ? trash_alloc * 2 : 64;
        PyObject **p = realloc(trash_later, n * sizeof(PyObject *));
        if (p == NULL)
            return 0;
        trash_later = p;
        trash_alloc = n;
    }
    trash_later[_PyTrash_count++] = op;
    return 1;
}

/* 1 if op was queued (skip the dealloc body), else 0 (run it one level deeper). */
int _PyTrash_begin(PyObject *op)
{
    if (_PyTrash_nesting >= _PyTrash_UNWIND_LEVEL && trash_deposit(op))
        return 1;
    ++_PyTrash_nesting;
    return 0;
}

/* Leaves one level; the outermost one frees the queued objects. */
void _PyTrash_end(void)
{
    if (--_PyTrash_nesting > 0 || _PyTrash_count == 0)
        return;
    ++_PyTrash_nesting;   /* deallocs below queue again instead of recursing */
    while (_PyTrash_count > 0) {
        PyObject *op = trash_later[--_PyTrash_count];
        Py_TYPE(op)->tp_dealloc(op);
    }
    --_PyTrash_nesting;
    free(trash_later);
    trash_later = NULL;
    trash_alloc = 0;
}

#undef PyObject_Init /* the exported function (objimpl.h inlines it elsewhere) */
PyObject *PyObject_Init(PyObject *op, PyTypeObject *tp)
{
    if (op == NULL)
        return PyErr_NoMemory();
    Py_SET_TYPE(op, tp);
    /* Instances of heap types keep their class alive. */
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_INCREF(tp);
    Py_SET_REFCNT(op, 1);
    return op;
}

PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size)
{
    if (op == NULL)
        return (PyVarObject *)PyErr_NoMemory();
    Py_SET_SIZE(op, size);
    PyObject_Init((PyObject *)op, tp);
    return op;
}

PyObject *_PyObject_New(PyTypeObject *tp)
{
    PyObject *op = (PyObject *)PyObject_Malloc((size_t)_PyObject_SIZE(tp));
    if (op == NULL)
        return PyErr_NoMemory();
    return PyObject_Init(op, tp);
}

PyVarObject *_PyObject_NewVar(PyTypeObject *tp, Py_ssize_t nitems)
{
    size_t size = _PyObject_VAR_SIZE(tp, nitems);
    PyVarObject *op = (PyVarObject *)PyObject_Malloc(size);
    if (op == NULL)
        return (PyVarObject *)PyErr_NoMemory();
    return PyObject_InitVar(op, tp, nitems);
}

/* ---------------------------------------------------------------- hashing */

/* _Py_HashPointer (the default object hash) lives in src/runtime/pyhash.c. */

Py_hash_t PyObject_HashNotImplemented(PyObject *v)
{
    PyErr_Format(PyExc_TypeError, "unhashable type: '%.200s'", Py_TYPE(v)->tp_name);
    return -1;
}

Py_hash_t PyObject_Hash(PyObject *v)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (tp->tp_hash != NULL)
        return tp->tp_hash(v);
    /* A type that was never readied may still inherit tp_hash from object. */
    if (tp->tp_dict == NULL) {
        if (PyType_Ready(tp) < 0)
            return -1;
        if (tp->tp_hash != NULL)
            return tp->tp_hash(v);
    }
    return PyObject_HashNotImplemented(v);
}

/* ---------------------------------------------------------------- repr / str */

PyObject *PyObject_Repr(PyObject *v)
{
    PyObject *res;
    if (v == NULL)
        return PyUnicode_FromString("<NULL>");
    if (Py_TYPE(v)->tp_repr == NULL)
        return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(v)->tp_name, v);
    if (Py_EnterRecursiveCall(" while getting the repr of an object"))
        return NULL;
    res = (*Py_TYPE(v)->tp_repr)(v);
    Py_LeaveRecursiveCall();
    if (res == NULL)
        return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__repr__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *PyObject_Str(PyObject *v)
{
    PyObject *res;
    if (v == NULL)
        return PyUnicode_FromString("<NULL>");
    if (PyUnicode_CheckExact(v))
        return Py_NewRef(v);
    if (Py_TYPE(v)->tp_str == NULL)
        return PyObject_Repr(v);
    if (Py_EnterRecursiveCall(" while getting the str of an object"))
        return NULL;
    res = (*Py_TYPE(v)->tp_str)(v);
    Py_LeaveRecursiveCall();
    if (res == NULL)
        return NULL;
    if (!PyUnicode_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__str__ returned non-string (type %.200s)",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

PyObject *PyObject_ASCII(PyObject *v)
{
    PyObject *repr, *ascii, *res;
    repr = PyObject_Repr(v);
    if (repr == NULL)
        return NULL;
    /* repr() then escape every non-ASCII character with \x, \u or \U. */
    ascii = PyUnicode_AsEncodedString(repr, "ascii", "backslashreplace");
    Py_DECREF(repr);
    if (ascii == NULL)
        return NULL;
    res = PyUnicode_DecodeASCII(PyBytes_AsString(ascii), PyBytes_Size(ascii), NULL);
    Py_DECREF(ascii);
    return res;
}

PyObject *PyObject_Bytes(PyObject *v)
{
    PyObject *result, *func;
    if (v == NULL)
        return PyBytes_FromString("<NULL>");
    if (PyBytes_CheckExact(v))
        return Py_NewRef(v);
    func = _PyObject_LookupSpecial(v, _Py_ID(__bytes__));
    if (func != NULL) {
        result = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (result == NULL)
            return NULL;
        if (!PyBytes_Check(result)) {
            PyErr_Format(PyExc_TypeError, "__bytes__ returned non-bytes (type %.200s)",
                         Py_TYPE(result)->tp_name);
            Py_DECREF(result);
            return NULL;
        }
        return result;
    }
    if (PyErr_Occurred())
        return NULL;
    return PyBytes_FromObject(v);
}

int PyObject_Print(PyObject *op, FILE *fp, int flags)
{
    PyObject *s;
    const char *utf8;
    if (op == NULL) {
        fputs("<nil>", fp);
        return 0;
    }
    s = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
    if (s == NULL)
        return -1;
    utf8 = PyUnicode_AsUTF8(s);
    if (utf8 == NULL) {
        Py_DECREF(s);
        return -1;
    }
    fputs(utf8, fp);
    Py_DECREF(s);
    return ferror(fp) ? -1 : 0;
}

/* Recursion guard for container reprs: a per-thread list of objects being printed. */
int Py_ReprEnter(PyObject *obj)
{
    PyObject *dict, *list;
    Py_ssize_t i;
    dict = PyThreadState_GetDict();
    if (dict == NULL)
        return 0;
    list = PyDict_GetItemWithError(dict, _Py_ID(Py_Repr));
    if (list == NULL) {
        if (PyErr_Occurred())
            return -1;
        list = PyList_New(0);
        if (list == NULL)
            return -1;
        if (PyDict_SetItem(dict, _Py_ID(Py_Repr), list) < 0) {
            Py_DECREF(list);
            return -1;
        }
        Py_DECREF(list);
    }
    for (i = PyList_GET_SIZE(list); --i >= 0;) {
        if (PyList_GET_ITEM(list, i) == obj)
            return 1;
    }
    if (PyList_Append(list, obj) < 0)
        return -1;
    return 0;
}

void Py_ReprLeave(PyObject *obj)
{
    PyObject *dict, *list, *t, *v, *tb;
    Py_ssize_t i;
    PyErr_Fetch(&t, &v, &tb); /* may run while an exception is pending */
    dict = PyThreadState_GetDict();
    list = dict ? PyDict_GetItemWithError(dict, _Py_ID(Py_Repr)) : NULL;
    if (list != NULL && PyList_Check(list)) {
        for (i = PyList_GET_SIZE(list); --i >= 0;) {
            if (PyList_GET_ITEM(list, i) == obj) {
                PySequence_DelItem(list, i);
                break;
            }
        }
    }
    PyErr_Restore(t, v, tb);
}

/* ---------------------------------------------------------------- comparison */

int _Py_SwappedOp[] = {Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

/* Try v's slot, then w's; a proper subclass on the right goes first. */
static PyObject *do_richcompare(PyObject *v, PyObject *w, int op)
{
    richcmpfunc f;
    PyObject *res;
    int checked_reverse_op = 0;

    if (!Py_IS_TYPE(v, Py_TYPE(w)) && PyType_IsSubtype(Py_TYPE(w), Py_TYPE(v)) &&
        (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        checked_reverse_op = 1;
        res = (*f)(w, v, _Py_SwappedOp[op]);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    if ((f = Py_TYPE(v)->tp_richcompare) != NULL) {
        res = (*f)(v, w, op);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    if (!checked_reverse_op && (f = Py_TYPE(w)->tp_richcompare) != NULL) {
        res = (*f)(w, v, _Py_SwappedOp[op]);
        if (res != Py_NotImplemented)
            return res;
        Py_DECREF(res);
    }
    /* Neither side knows: == and != fall back to identity. */
    switch (op) {
    case Py_EQ:
        res = (v == w) ? Py_True : Py_False;
        break;
    case Py_NE:
        res = (v != w) ? Py_True : Py_False;
        break;
    default:
        PyErr_Format(PyExc_TypeError,
                     "'%s' not supported between instances of '%.100s' and '%.100s'",
                     opstrings[op], Py_TYPE(v)->tp_name, Py_TYPE(w)->tp_name);
        return NULL;
    }
    return Py_NewRef(res);
}

PyObject *PyObject_RichCompare(PyObject *v, PyObject *w, int op)
{
    PyObject *res;
    if (v == NULL || w == NULL) {
        if (!PyErr_Occurred())
            PyErr_BadInternalCall();
        return NULL;
    }
    if (Py_EnterRecursiveCall(" in comparison"))
        return NULL;
    res = do_richcompare(v, w, op);
    Py_LeaveRecursiveCall();
    return res;
}

int PyObject_RichCompareBool(PyObject *v, PyObject *w, int op)
{
    PyObject *res;
    int ok;
    /* Identity implies equality, even for NaN-like objects (containers rely on it). */
    if (v == w) {
        if (op == Py_EQ)
            return 1;
        if (op == Py_NE)
            return 0;
    }
    res = PyObject_RichCompare(v, w, op);
    if (res == NULL)
        return -1;
    if (PyBool_Check(res))
        ok = (res == Py_True);
    else
        ok = PyObject_IsTrue(res);
    Py_DECREF(res);
    return ok;
}

/* ---------------------------------------------------------------- truth */

int PyObject_IsTrue(PyObject *v)
{
    Py_ssize_t res;
    if (v == Py_True)
        return 1;
    if (v == Py_False || v == Py_None)
        return 0;
    if (Py_TYPE(v)->tp_as_number != NULL && Py_TYPE(v)->tp_as_number->nb_bool != NULL)
        res = (*Py_TYPE(v)->tp_as_number->nb_bool)(v);
    else if (Py_TYPE(v)->tp_as_mapping != NULL && Py_TYPE(v)->tp_as_mapping->mp_length != NULL)
        res = (*Py_TYPE(v)->tp_as_mapping->mp_length)(v);
    else if (Py_TYPE(v)->tp_as_sequence != NULL &&
             Py_TYPE(v)->tp_as_sequence->sq_length != NULL)
        res = (*Py_TYPE(v)->tp_as_sequence->sq_length)(v);
    else
        return 1;
    return (res > 0) ? 1 : (int)res;
}

int PyObject_Not(PyObject *v)
{
    int res = PyObject_IsTrue(v);
    if (res < 0)
        return res;
    return res == 0;
}

int PyCallable_Check(PyObject *x)
{
    if (x == NULL)
        return 0;
    return Py_TYPE(x)->tp_call != NULL;
}

PyObject *PyObject_SelfIter(PyObject *obj)
{
    return Py_NewRef(obj);
}

/* tp_iternext of a heap type that defines no __next__ (so iter() can reject it). */
PyObject *_PyObject_NextNotImplemented(PyObject *self)
{
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
    return NULL;
}

/* ---------------------------------------------------------------- attributes */

PyObject *PyObject_GetAttrString(PyObject *v, const char *name)
{
    PyObject *w, *res;
    if (Py_TYPE(v)->tp_getattr != NULL)
        return (*Py_TYPE(v)->tp_getattr)(v, (char *)name);
    w = PyUnicode_FromString(name);
    if (w == NULL)
        return NULL;
    res = PyObject_GetAttr(v, w);
    Py_DECREF(w);
    return res;
}

int PyObject_HasAttrString(PyObject *v, const char *name)
{
    PyObject *res = PyObject_GetAttrString(v, name);
    if (res != NULL) {
        Py_DECREF(res);
        return 1;
    }
    PyErr_Clear();
    return 0;
}

int PyObject_SetAttrString(PyObject *v, const char *name, PyObject *w)
{
    PyObject *s;
    int res;
    if (Py_TYPE(v)->tp_setattr != NULL)
        return (*Py_TYPE(v)->tp_setattr)(v, (char *)name, w);
    s = PyUnicode_InternFromString(name);
    if (s == NULL)
        return -1;
    res = PyObject_SetAttr(v, s, w);
    Py_XDECREF(s);
    return res;
}

/* Fill AttributeError.name/.obj (3.10+) if the pending exception is an AttributeError
 * that does not already carry them. */
int _PyObject_SetAttributeErrorContext(PyObject *v, PyObject *name)
{
    PyObject *type, *value, *tb, *cur;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return 0;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    if (value != NULL && PyObject_TypeCheck(value, (PyTypeObject *)PyExc_AttributeError)) {
        /* Only the first attribute lookup that fails names the object. */
        cur = PyObject_GetAttr(value, _Py_ID(name));
        if (cur == NULL)
            PyErr_Clear();
        if (cur == NULL || cur == Py_None) {
            if (PyObject_SetAttr(value, _Py_ID(name), name) < 0 ||
                PyObject_SetAttr(value, _Py_ID(obj), v) < 0)
                PyErr_Clear();
        }
        Py_XDECREF(cur);
    }
    PyErr_Restore(type, value, tb);
    return 0;
}

static int check_attr_name(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return -1;
    }
    return 0;
}

PyObject *PyObject_GetAttr(PyObject *v, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(v);
    PyObject *result;
    if (check_attr_name(name) < 0)
        return NULL;
    if (tp->tp_getattro != NULL) {
        result = (*tp->tp_getattro)(v, name);
    }
    else if (tp->tp_getattr != NULL) {
        const char *name_str = PyUnicode_AsUTF8(name);
        if (name_str == NULL)
            return NULL;
        result = (*tp->tp_getattr)(v, (char *)name_str);
    }
    else {
        PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute '%U'",
                     tp->tp_name, name);
        result = NULL;
    }
    if (result == NULL)
        _PyObject_SetAttributeErrorContext(v, name);
    return result;
}

int _PyObject_LookupAttr(PyObject *v, PyObject *name, PyObject **result)
{
    PyTypeObject *tp = Py_TYPE(v);
    if (check_attr_name(name) < 0) {
        *result = NULL;
        return -1;
    }
    if (tp->tp_getattro == PyObject_GenericGetAttr) {
        /* Fast path: ask the generic lookup not to build an exception at all. */
        *result = _PyObject_GenericGetAttrWithDict(v, name, NULL, 1);
        if (*result != NULL)
            return 1;
        return PyErr_Occurred() ? -1 : 0;
    }
    *result = PyObject_GetAttr(v, name);
    if (*result != NULL)
        return 1;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return -1;
    PyErr_Clear();
    return 0;
}

int PyObject_HasAttr(PyObject *v, PyObject *name)
{
    PyObject *res;
    if (_PyObject_LookupAttr(v, name, &res) < 0) {
        PyErr_Clear();
        return 0;
    }
    if (res == NULL)
        return 0;
    Py_DECREF(res);
    return 1;
}

int PyObject_SetAttr(PyObject *v, PyObject *name, PyObject *value)
{
    PyTypeObject *tp = Py_TYPE(v);
    int err;
    if (check_attr_name(name) < 0)
        return -1;
    Py_INCREF(name);
    PyUnicode_InternInPlace(&name);
    if (tp->tp_setattro != NULL) {
        err = (*tp->tp_setattro)(v, name, value);
        Py_DECREF(name);
        return err;
    }
    if (tp->tp_setattr != NULL) {
        const char *name_str = PyUnicode_AsUTF8(name);
        if (name_str == NULL) {
            Py_DECREF(name);
            return -1;
        }
        err = (*tp->tp_setattr)(v, (char *)name_str, value);
        Py_DECREF(name);
        return err;
    }
    Py_DECREF(name);
    if (tp->tp_getattr == NULL && tp->tp_getattro == NULL)
        PyErr_Format(PyExc_TypeError, "'%.100s' object has no attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    else
        PyErr_Format(PyExc_TypeError, "'%.100s' object has only read-only attributes (%s .%U)",
                     tp->tp_name, value == NULL ? "del" : "assign to", name);
    return -1;
}

int PyObject_DelAttr(PyObject *v, PyObject *name)
{
    return PyObject_SetAttr(v, name, NULL);
}

/* Where an instance keeps its __dict__ pointer, or NULL if it has none.  A negative
 * tp_dictoffset counts from the end of a variable-size object.  The slot may hold
 * instance values instead of a dict (dictobject.c): this makes the dict. */
PyObject **_PyObject_GetDictPtr(PyObject *obj)
{
    PyObject **slot = _PyObject_DictSlot(obj);
    if (slot != NULL && _PyObject_SLOT_HAS_VALUES(*slot) && _PyObject_MaterializeDict(slot) == NULL) {
        PyErr_Clear(); /* no way to report it: as if there were no dict */
        return NULL;
    }
    return slot;
}

/* The dict slot itself: NULL, a dict, or tagged instance values. */
PyObject **_PyObject_DictSlot(PyObject *obj)
{
    Py_ssize_t dictoffset;
    PyTypeObject *tp = Py_TYPE(obj);
    dictoffset = tp->tp_dictoffset;
    if (dictoffset == 0)
        return NULL;
    if (dictoffset < 0) {
        Py_ssize_t tsize = Py_SIZE(obj);
        size_t size;
        if (tsize < 0)
            tsize = -tsize;
        size = _PyObject_VAR_SIZE(tp, tsize);
        dictoffset += (Py_ssize_t)size;
    }
    return (PyObject **)((char *)obj + dictoffset);
}

/* The generic attribute lookup (object.__getattribute__):
 *   1. a data descriptor found on the type wins;
 *   2. then the instance __dict__;
 *   3. then a non-data descriptor (bound via __get__) or a plain class attribute;
 *   4. else AttributeError (unless suppress, in which case NULL without exception). */
PyObject *_PyObject_GenericGetAttrWithDict(PyObject *obj, PyObject *name, PyObject *dict,
                                           int suppress)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr, *res = NULL;
    descrgetfunc f = NULL;

    if (check_attr_name(name) < 0)
        return NULL;
    Py_INCREF(name);
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        goto done_noref;

    descr = _PyType_Lookup(tp, name);
    Py_XINCREF(descr);
    if (descr != NULL) {
        f = Py_TYPE(descr)->tp_descr_get;
        if (f != NULL && PyDescr_IsData(descr)) {
            res = f(descr, obj, (PyObject *)tp);
            if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
                PyErr_Clear();
            goto done;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_DictSlot(obj);
        if (dictptr != NULL && _PyObject_SLOT_HAS_VALUES(*dictptr)) {
            if (PyUnicode_CheckExact(name)) {
                res = _PyObject_GetInstanceValue(*dictptr, name);
                if (res != NULL) {
                    Py_INCREF(res);
                    goto done;
                }
            } else if (_PyObject_MaterializeDict(dictptr) == NULL) {
                goto done;
            }
        }
        if (dictptr != NULL && !_PyObject_SLOT_HAS_VALUES(*dictptr))
            dict = *dictptr;
    }
    if (dict != NULL) {
        Py_INCREF(dict);
        res = PyDict_GetItemWithError(dict, name);
        if (res != NULL) {
            Py_INCREF(res);
            Py_DECREF(dict);
            goto done;
        }
        Py_DECREF(dict);
        if (PyErr_Occurred()) {
            if (suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
                PyErr_Clear();
            else
                goto done;
        }
    }
    if (f != NULL) {
        res = f(descr, obj, (PyObject *)Py_TYPE(obj));
        if (res == NULL && suppress && PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        goto done;
    }
    if (descr != NULL) {
        res = descr;
        descr = NULL;
        goto done;
    }
    if (!suppress) {
        PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute '%U'",
                     tp->tp_name, name);
        _PyObject_SetAttributeErrorContext(obj, name);
    }
done:
    Py_XDECREF(descr);
done_noref:
    Py_DECREF(name);
    return res;
}

PyObject *PyObject_GenericGetAttr(PyObject *obj, PyObject *name)
{
    return _PyObject_GenericGetAttrWithDict(obj, name, NULL, 0);
}

int _PyObject_GenericSetAttrWithDict(PyObject *obj, PyObject *name, PyObject *value,
                                     PyObject *dict)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr;
    descrsetfunc f;
    int res = -1;

    if (check_attr_name(name) < 0)
        return -1;
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        return -1;
    Py_INCREF(name);
    descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        Py_INCREF(descr);
        f = Py_TYPE(descr)->tp_descr_set;
        if (f != NULL) {
            res = f(descr, obj, value);
            goto done;
        }
    }
    if (dict == NULL) {
        PyObject **dictptr = _PyObject_DictSlot(obj);
        if (dictptr == NULL) {
            if (descr == NULL)
                PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                             tp->tp_name, name);
            else
                PyErr_Format(PyExc_AttributeError, "'%.50s' object attribute '%U' is read-only",
                             tp->tp_name, name);
            goto done;
        }
        if (*dictptr == NULL) {
            if (value == NULL) {
                PyErr_SetObject(PyExc_KeyError, name);
                goto keyerror;
            }
            /* attribute values without a dict, for the class's shared keys */
            res = _PyObject_InitInstanceValues(tp, dictptr);
            if (res < 0)
                goto done;
            if (res > 0) {
                *dictptr = _PyObjectDict_New(tp); /* split: shares the class's keys */
                if (*dictptr == NULL) {
                    res = -1;
                    goto done;
                }
            }
        }
        if (_PyObject_SLOT_HAS_VALUES(*dictptr)) {
            res = _PyObject_SetInstanceValue(dictptr, name, value);
            if (res <= 0)
                goto done;
            if (_PyObject_MaterializeDict(dictptr) == NULL) {
                res = -1;
                goto done;
            }
        }
        dict = *dictptr;
    }
    Py_INCREF(dict);
    if (value == NULL)
        res = PyDict_DelItem(dict, name);
    else
        res = PyDict_SetItem(dict, name, value);
    Py_DECREF(dict);
keyerror:
    if (res < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
        if (PyType_IsSubtype(tp, &PyType_Type))
            PyErr_Format(PyExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                         ((PyTypeObject *)obj)->tp_name, name);
        else
            PyErr_Format(PyExc_AttributeError, "'%.100s' object has no attribute '%U'",
                         tp->tp_name, name);
        _PyObject_SetAttributeErrorContext(obj, name);
    }
done:
    Py_XDECREF(descr);
    Py_DECREF(name);
    return res;
}

int PyObject_GenericSetAttr(PyObject *obj, PyObject *name, PyObject *value)
{
    return _PyObject_GenericSetAttrWithDict(obj, name, value, NULL);
}

PyObject *PyObject_GenericGetDict(PyObject *obj, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    if (*dictptr == NULL) {
        *dictptr = _PyObjectDict_New(Py_TYPE(obj));
        if (*dictptr == NULL)
            return NULL;
    }
    return Py_NewRef(*dictptr);
}

int PyObject_GenericSetDict(PyObject *obj, PyObject *value, void *context)
{
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    {
        PyObject *old = *dictptr;
        *dictptr = Py_NewRef(value);
        Py_XDECREF(old);
    }
    return 0; /* (_PyObject_GetDictPtr made a dict of any instance values first) */
}

/* Look up a method for a call without allocating a bound method.  Returns 1 with
 * *method an unbound function (call it with obj prepended), or 0 with *method the
 * plain attribute value (or NULL with an exception set). */
int _PyObject_GetMethod(PyObject *obj, PyObject *name, PyObject **method)
{
    int meth_found = 0;
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *descr, **dictptr, *attr;
    descrgetfunc f = NULL;

    if (tp->tp_getattro != PyObject_GenericGetAttr || !PyUnicode_CheckExact(name)) {
        *method = PyObject_GetAttr(obj, name);
        return 0;
    }
    if (tp->tp_dict == NULL && PyType_Ready(tp) < 0)
        return 0;
    descr = _PyType_Lookup(tp, name);
    if (descr != NULL) {
        Py_INCREF(descr);
        if (PyType_HasFeature(Py_TYPE(descr), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = 1;
        }
        else {
            f = Py_TYPE(descr)->tp_descr_get;
            if (f != NULL && PyDescr_IsData(descr)) {
                *method = f(descr, obj, (PyObject *)tp);
                Py_DECREF(descr);
                return 0;
            }
        }
    }
    dictptr = _PyObject_DictSlot(obj);
    if (dictptr != NULL && _PyObject_SLOT_HAS_VALUES(*dictptr)) {
        attr = _PyObject_GetInstanceValue(*dictptr, name); /* name: an exact str here */
        if (attr != NULL) {
            *method = Py_NewRef(attr);
            Py_XDECREF(descr);
            return 0;
        }
    } else if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = Py_NewRef(*dictptr);
        attr = PyDict_GetItemWithError(dict, name);
        if (attr != NULL) {
            *method = Py_NewRef(attr);
            Py_DECREF(dict);
            Py_XDECREF(descr);
            return 0;
        }
        Py_DECREF(dict);
        if (PyErr_Occurred()) {
            Py_XDECREF(descr);
            *method = NULL;
            return 0;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f != NULL) {
        *method = f(descr, obj, (PyObject *)Py_TYPE(obj));
        Py_DECREF(descr);
        return 0;
    }
    if (descr != NULL) {
        *method = descr;
        return 0;
    }
    PyErr_Format(PyExc_AttributeError, "'%.50s' object has no attribute '%U'", tp->tp_name,
                 name);
    _PyObject_SetAttributeErrorContext(obj, name);
    *method = NULL;
    return 0;
}

/* ---------------------------------------------------------------- dir() */

/* dir() without argument: the sorted names of the current local scope. */
static PyObject *dir_locals(void)
{
    PyObject *names, *locals = PyEval_GetLocals();
    if (locals == NULL)
        return NULL;
    names = PyMapping_Keys(locals);
    if (names == NULL)
        return NULL;
    if (!PyList_Check(names)) {
        PyErr_Format(PyExc_TypeError, "dir(): expected keys() of locals to be a list, not '%.200s'",
                     Py_TYPE(names)->tp_name);
        Py_DECREF(names);
        return NULL;
    }
    if (PyList_Sort(names)) {
        Py_DECREF(names);
        return NULL;
    }
    return names;
}

static PyObject *dir_object(PyObject *obj)
{
    PyObject *result, *sorted, *dirfunc = _PyObject_LookupSpecial(obj, _Py_ID(__dir__));
    if (dirfunc == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "object does not provide __dir__");
        return NULL;
    }
    result = PyObject_CallNoArgs(dirfunc);
    Py_DECREF(dirfunc);
    if (result == NULL)
        return NULL;
    sorted = PySequence_List(result);
    Py_DECREF(result);
    if (sorted == NULL)
        return NULL;
    if (PyList_Sort(sorted)) {
        Py_DECREF(sorted);
        return NULL;
    }
    return sorted;
}

PyObject *PyObject_Dir(PyObject *obj)
{
    return (obj == NULL) ? dir_locals() : dir_object(obj);
}

/* ---------------------------------------------------------------- None */

static PyObject *none_repr(PyObject *op)
{
    return PyUnicode_FromString("None");
}

static void none_dealloc(PyObject *op)
{
    /* Immortal in practice: a refcount bug elsewhere must not free it. */
    Py_FatalError("deallocating None");
}

static PyObject *none_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_Size(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NoneType takes no arguments");
        return NULL;
    }
    Py_RETURN_NONE;
}

static int none_bool(PyObject *v)
{
    return 0;
}

static PyNumberMethods none_as_number = {
    .nb_bool = none_bool,
};

/* CPython 3.11 hashes None by its address (object.__hash__), so the order of sets
 * holding None depends on where the binary puts _Py_NoneStruct.  A constant hash makes it
 * deterministic (as CPython 3.12 does); the value is what 3.11.2's hash(None) gives for
 * the oracle build (id(None) >> 4), so such sets iterate in the same order. */
static Py_hash_t none_hash(PyObject *op)
{
    return (Py_hash_t)611532;
}

PyTypeObject _PyNone_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NoneType",
    .tp_basicsize = 0,
    .tp_dealloc = none_dealloc,
    .tp_repr = none_repr,
    .tp_hash = none_hash,
    .tp_as_number = &none_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = none_new,
};

PyObject _Py_NoneStruct = {1, &_PyNone_Type};

/* ---------------------------------------------------------------- NotImplemented */

static PyObject *NotImplemented_repr(PyObject *op)
{
    return PyUnicode_FromString("NotImplemented");
}

static PyObject *NotImplemented_reduce(PyObject *op, PyObject *ignored)
{
    return PyUnicode_FromString("NotImplemented");
}

static PyMethodDef notimplemented_methods[] = {
    {"__reduce__", NotImplemented_reduce, METH_NOARGS, DOC_NotImplementedType___reduce__},
    {NULL, NULL, 0, NULL},
};

static PyObject *notimplemented_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_Size(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "NotImplementedType takes no arguments");
        return NULL;
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static void notimplemented_dealloc(PyObject *ignore)
{
    Py_FatalError("deallocating NotImplemented");
}

static int notimplemented_bool(PyObject *v)
{
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "NotImplemented should not be used in a boolean context", 1) < 0)
        return -1;
    return 1;
}

static PyNumberMethods notimplemented_as_number = {
    .nb_bool = notimplemented_bool,
};

PyTypeObject _PyNotImplemented_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "NotImplementedType",
    .tp_basicsize = 0,
    .tp_dealloc = notimplemented_dealloc,
    .tp_repr = NotImplemented_repr,
    .tp_as_number = &notimplemented_as_number,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = notimplemented_methods,
    .tp_new = notimplemented_new,
};

PyObject _Py_NotImplementedStruct = {1, &_PyNotImplemented_Type};

/* ---------------------------------------------------------------- Ellipsis */

static PyObject *ellipsis_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    if (PyTuple_GET_SIZE(args) || (kwargs && PyDict_Size(kwargs))) {
        PyErr_SetString(PyExc_TypeError, "ellipsis takes no arguments");
        return NULL;
    }
    return Py_NewRef(Py_Ellipsis);
}

static PyObject *ellipsis_repr(PyObject *op)
{
    return PyUnicode_FromString("Ellipsis");
}

static PyObject *ellipsis_reduce(PyObject *op, PyObject *ignored)
{
    return PyUnicode_FromString("Ellipsis");
}

static void ellipsis_dealloc(PyObject *ignore)
{
    Py_FatalError("deallocating Ellipsis");
}

static PyMethodDef ellipsis_methods[] = {
    {"__reduce__", ellipsis_reduce, METH_NOARGS, DOC_ellipsis___reduce__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyEllipsis_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "ellipsis",
    .tp_basicsize = 0,
    .tp_dealloc = ellipsis_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};

PyObject _Py_EllipsisObject = {1, &PyEllipsis_Type};

/* ---------------------------------------------------------------- type registry */

/* Every static type of the interpreter, readied once at start-up.  object and type
 * come first (everything inherits from them), then the types PyType_Ready itself
 * uses (str, dict, tuple, the descriptor types), then the rest. */
extern PyTypeObject PyDictKeys_Type, PyDictValues_Type, PyDictItems_Type;
extern PyTypeObject PyDictIterKey_Type, PyDictIterValue_Type, PyDictIterItem_Type;
extern PyTypeObject PyListIter_Type, PyTupleIter_Type, PyRangeIter_Type;
extern PyTypeObject PySeqIter_Type, PyCallIter_Type, PyEnum_Type, PyReversed_Type;
extern PyTypeObject PySetIter_Type;
extern PyTypeObject PyCode_Type, PyFrame_Type, PyFunction_Type, PyCell_Type, PyMethod_Type;
extern PyTypeObject PyClassMethod_Type, PyStaticMethod_Type;
extern PyTypeObject PyGen_Type, PyCoro_Type, PyAsyncGen_Type, PyTraceBack_Type;
extern PyTypeObject PyModule_Type, PyModuleDef_Type;
extern PyTypeObject PyProperty_Type, PySuper_Type;

/* Types some helper may or may not have written yet: weak references, so the
 * interpreter links either way; those that exist are readied. */
#define KRAIT_OPTIONAL_TYPES(X)                                                            \
    X(PyDictRevIterKey_Type) X(PyDictRevIterValue_Type) X(PyDictRevIterItem_Type)          \
    X(PyListRevIter_Type) X(PyLongRangeIter_Type) X(PyUnicodeIter_Type)                    \
    X(PyBytesIter_Type) X(PyByteArrayIter_Type) X(PyMemoryView_Type) X(PyCapsule_Type)    \
    X(_PyCoroWrapper_Type) X(_PyAsyncGenASend_Type) X(_PyAsyncGenAThrow_Type)              \
    X(_PyAsyncGenWrappedValue_Type) X(PyODict_Type) X(_PyNamespace_Type)                   \
    X(PyCmpWrapper_Type) X(_PyManagedBuffer_Type) X(PyStdPrinter_Type)                     \
    X(_PyInterpreterID_Type) X(_PyWeakref_RefType) X(_PyWeakref_ProxyType)                 \
    X(_PyWeakref_CallableProxyType) X(PyFilter_Type) X(PyMap_Type) X(PyZip_Type)           \
    X(PyFieldNameIter_Type) X(PyFormatterIter_Type) X(_PyUnion_Type) X(Py_GenericAliasType) \
    X(PyContext_Type) X(PyContextVar_Type) X(PyContextToken_Type) X(PyInstanceMethod_Type)   \
    X(_PyAnextAwaitable_Type) X(_PyMemoryIter_Type)
#define KRAIT_DECLARE_WEAK(t) extern PyTypeObject t __attribute__((weak));
KRAIT_OPTIONAL_TYPES(KRAIT_DECLARE_WEAK)

int _PyTypes_InitTypes(void)
{
    static PyTypeObject *const static_types[] = {
        &PyBaseObject_Type, &PyType_Type,
        &PyUnicode_Type, &PyDict_Type, &PyTuple_Type, &PyList_Type,
        &PyCFunction_Type, &PyMethodDescr_Type, &PyClassMethodDescr_Type,
        &PyGetSetDescr_Type, &PyMemberDescr_Type, &PyWrapperDescr_Type,
        &_PyMethodWrapper_Type, &PyDictProxy_Type, &PyProperty_Type, &PySuper_Type,
        &PyLong_Type, &PyBool_Type, &PyFloat_Type, &PyComplex_Type,
        &PyBytes_Type, &PyByteArray_Type,
        &PyDictKeys_Type, &PyDictValues_Type, &PyDictItems_Type,
        &PyDictIterKey_Type, &PyDictIterValue_Type, &PyDictIterItem_Type,
        &PyListIter_Type, &PyTupleIter_Type,
        &PySet_Type, &PyFrozenSet_Type, &PySetIter_Type,
        &PyRange_Type, &PyRangeIter_Type, &PySlice_Type,
        &PySeqIter_Type, &PyCallIter_Type, &PyEnum_Type, &PyReversed_Type,
        &PyModule_Type, &PyModuleDef_Type,
        &PyCode_Type, &PyFrame_Type, &PyFunction_Type, &PyCell_Type, &PyMethod_Type,
        &PyClassMethod_Type, &PyStaticMethod_Type,
        &PyGen_Type, &PyCoro_Type, &PyAsyncGen_Type, &PyTraceBack_Type,
        &_PyNone_Type, &_PyNotImplemented_Type, &PyEllipsis_Type,
    };
#define KRAIT_LIST_WEAK(t) &t,
    PyTypeObject *const optional_types[] = {KRAIT_OPTIONAL_TYPES(KRAIT_LIST_WEAK)};
    size_t i;
    for (i = 0; i < Py_ARRAY_LENGTH(static_types); i++) {
        if (PyType_Ready(static_types[i]) < 0)
            return -1;
    }
    for (i = 0; i < Py_ARRAY_LENGTH(optional_types); i++) {
        if (optional_types[i] != NULL && PyType_Ready(optional_types[i]) < 0)
            return -1;
    }
    return 0;
}
