/* typeobject.c — the `type` and `object` types: PyType_Ready (inheritance, slot
 * wrappers, C3 MRO), class creation (type_new, __slots__, metaclasses), the slotdefs
 * table wiring Python dunders to C slots, the method cache behind _PyType_Lookup,
 * super, and PyType_FromSpec.  Descriptor objects themselves are in descrobject.c;
 * operator dispatch in abstract.c; bound methods/functions belong to compiler-vm. */
#include "Python.h"
#include "type_docs.h"
#include <stddef.h>

static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
static void subtype_dealloc(PyObject *self);
static void object_dealloc(PyObject *self);
static int update_slot(PyTypeObject *type, PyObject *name);
static void fixup_slot_dispatchers(PyTypeObject *type);
const char *_PyType_DocWithoutSignature(const char *name, const char *internal_doc);
static int add_subclass(PyTypeObject *base, PyTypeObject *type);
static void remove_subclass(PyTypeObject *base, PyTypeObject *type);
static PyObject *object_new(PyTypeObject *type, PyObject *args, PyObject *kwds);
static int object_init(PyObject *self, PyObject *args, PyObject *kwds);
static PyObject *type_module(PyTypeObject *type, void *context);
static PyObject *type_qualname(PyTypeObject *type, void *context);
static PyObject *tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds);

/* object.h's Py_XSETREF re-declares _py_tmp inside Py_XDECREF; this one is safe. */
#define Py_XSETREF_SAFE(op, op2)                                  \
    do {                                                          \
        PyObject *_old_ref = _PyObject_CAST(op);                  \
        (op) = (op2);                                             \
        Py_XDECREF(_old_ref);                                     \
    } while (0)

#define PyHeapType_GET_MEMBERS(etype) \
    ((PyMemberDef *)(((char *)(etype)) + Py_TYPE(etype)->tp_basicsize))

/* ---------------------------------------------------------------- small helpers */

const char *_PyType_Name(PyTypeObject *type)
{
    const char *s = strrchr(type->tp_name, '.');
    return s == NULL ? type->tp_name : s + 1;
}

PyObject *PyType_GetName(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_name);
    return PyUnicode_FromString(_PyType_Name(type));
}

PyObject *PyType_GetQualName(PyTypeObject *type)
{
    return type_qualname(type, NULL);
}

unsigned long PyType_GetFlags(PyTypeObject *type)
{
    return type->tp_flags;
}

PyObject *PyType_GetModule(PyTypeObject *type)
{
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) || ((PyHeapTypeObject *)type)->ht_module == NULL) {
        PyErr_Format(PyExc_TypeError, "PyType_GetModule: Type '%s' has no associated module",
                     type->tp_name);
        return NULL;
    }
    return ((PyHeapTypeObject *)type)->ht_module; /* borrowed, as CPython */
}

void *PyType_GetModuleState(PyTypeObject *type)
{
    PyObject *m = PyType_GetModule(type);
    return m == NULL ? NULL : PyModule_GetState(m);
}

/* "name(sig)\n--\n\ndoc": the part after the signature marker, else the whole. */
static const char *find_signature(const char *name, const char *doc)
{
    const char *dot;
    size_t length;
    if (doc == NULL)
        return NULL;
    dot = strrchr(name, '.');
    if (dot != NULL)
        name = dot + 1;
    length = strlen(name);
    if (strncmp(doc, name, length) != 0 || doc[length] != '(')
        return NULL;
    return doc + length;
}

#define SIGNATURE_END_MARKER ")\n--\n\n"
#define SIGNATURE_END_MARKER_LENGTH 6

static const char *skip_signature(const char *doc)
{
    while (*doc) {
        if (*doc == ')' && strncmp(doc, SIGNATURE_END_MARKER, SIGNATURE_END_MARKER_LENGTH) == 0)
            return doc + SIGNATURE_END_MARKER_LENGTH;
        if (*doc == '\n' && doc[1] == '\n')
            return NULL;
        doc++;
    }
    return NULL;
}

PyObject *_PyType_GetDocFromInternalDoc(const char *name, const char *internal_doc)
{
    const char *doc = find_signature(name, internal_doc);
    if (doc != NULL) {
        doc = skip_signature(doc);
        if (doc == NULL)
            doc = internal_doc;
    }
    else {
        doc = internal_doc;
    }
    if (doc == NULL || *doc == '\0')
        Py_RETURN_NONE;
    return PyUnicode_FromString(doc);
}

PyObject *_PyType_GetTextSignatureFromInternalDoc(const char *name, const char *internal_doc)
{
    const char *start = find_signature(name, internal_doc);
    const char *end;
    if (start != NULL)
        end = skip_signature(start);
    else
        end = NULL;
    if (end == NULL)
        Py_RETURN_NONE;
    /* back "end" up until it points just past the final ')' */
    end -= SIGNATURE_END_MARKER_LENGTH - 1;
    return PyUnicode_FromStringAndSize(start, end - start);
}

/* ---------------------------------------------------------------- method cache */

/* _PyType_Lookup results are cached per (version tag, name).  A type's tag is
 * invalidated (PyType_Modified) whenever its dict or MRO changes, and so are the
 * tags of all its subclasses. */
#define MCACHE_SIZE_EXP 12
#define MCACHE_SIZE (1 << MCACHE_SIZE_EXP)
#define MCACHE_HASH(version, name_p) \
    ((((unsigned int)(version)) ^ (unsigned int)((uintptr_t)(name_p) >> 3)) & (MCACHE_SIZE - 1))

static struct method_cache_entry {
    unsigned int version;
    PyObject *name;  /* strong reference */
    PyObject *value; /* borrowed: valid while the version is */
} method_cache[MCACHE_SIZE];
static unsigned int next_version_tag = 1;

unsigned int PyType_ClearCache(void)
{
    unsigned int cur = next_version_tag - 1;
    size_t i;
    for (i = 0; i < MCACHE_SIZE; i++) {
        method_cache[i].version = 0;
        Py_CLEAR(method_cache[i].name);
        method_cache[i].value = NULL;
    }
    return cur;
}

void PyType_Modified(PyTypeObject *type)
{
    PyObject *subclasses = type->tp_subclasses;
    if (!(type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return;
    if (subclasses != NULL) {
        Py_ssize_t i = 0;
        PyObject *key, *ref;
        while (PyDict_Next(subclasses, &i, &key, &ref)) {
            PyTypeObject *sub = (PyTypeObject *)PyLong_AsVoidPtr(ref);
            if (sub != NULL)
                PyType_Modified(sub);
        }
    }
    type->tp_flags &= ~Py_TPFLAGS_VALID_VERSION_TAG;
    type->tp_version_tag = 0;
}

static int assign_version_tag(PyTypeObject *type)
{
    Py_ssize_t i, n;
    PyObject *bases;
    if (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)
        return 1;
    if (!(type->tp_flags & Py_TPFLAGS_READY))
        return 0;
    if (next_version_tag == 0) /* wrapped around: stop caching */
        return 0;
    type->tp_version_tag = next_version_tag++;
    bases = type->tp_bases;
    n = PyTuple_GET_SIZE(bases);
    for (i = 0; i < n; i++) {
        if (!assign_version_tag((PyTypeObject *)PyTuple_GET_ITEM(bases, i)))
            return 0;
    }
    type->tp_flags |= Py_TPFLAGS_VALID_VERSION_TAG;
    return 1;
}

/* Walk the MRO (borrowed result; *error set to -1 on a lookup exception). */
static PyObject *find_name_in_mro(PyTypeObject *type, PyObject *name, int *error)
{
    Py_ssize_t i, n;
    PyObject *mro, *res = NULL;
    *error = 0;
    mro = type->tp_mro;
    if (mro == NULL) {
        if ((type->tp_flags & Py_TPFLAGS_READYING) == 0) {
            if (PyType_Ready(type) < 0) {
                *error = -1;
                return NULL;
            }
            mro = type->tp_mro;
        }
        if (mro == NULL) {
            *error = 1;
            return NULL;
        }
    }
    Py_INCREF(mro);
    n = PyTuple_GET_SIZE(mro);
    for (i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(mro, i);
        PyObject *dict = ((PyTypeObject *)base)->tp_dict;
        if (dict == NULL)
            continue;
        res = PyDict_GetItemWithError(dict, name);
        if (res != NULL)
            break;
        if (PyErr_Occurred()) {
            *error = -1;
            break;
        }
    }
    Py_DECREF(mro);
    return res;
}

PyObject *_PyType_Lookup(PyTypeObject *type, PyObject *name)
{
    PyObject *res;
    int error;
    unsigned int h = MCACHE_HASH(type->tp_version_tag, name);
    struct method_cache_entry *entry = &method_cache[h];
    /* only interned names (the _Py_ID and attribute names): a fresh str made per call
     * (PyObject_CallMethod's) would stay alive in its entry and pin its block */
    int cacheable = PyUnicode_CheckExact(name) && PyUnicode_CHECK_INTERNED(name);

    if (cacheable && entry->version == type->tp_version_tag && entry->name == name &&
        (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG))
        return entry->value;

    res = find_name_in_mro(type, name, &error);
    if (error) {
        /* Lookup errors are swallowed: callers treat them as "not found". */
        if (error == -1)
            PyErr_Clear();
        return NULL;
    }
    if (cacheable && assign_version_tag(type)) {
        h = MCACHE_HASH(type->tp_version_tag, name);
        entry = &method_cache[h];
        entry->version = type->tp_version_tag;
        entry->value = res;
        Py_INCREF(name);
        Py_XSETREF_SAFE(entry->name, name);
    }
    return res;
}

/* Special-method lookup: on the type only, bound to self.  NULL, no error, if absent. */
PyObject *_PyObject_LookupSpecial(PyObject *self, PyObject *attr)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(self), attr);
    if (res != NULL) {
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        if (f == NULL)
            Py_INCREF(res);
        else
            res = f(res, self, (PyObject *)(Py_TYPE(self)));
    }
    return res;
}

/* ---------------------------------------------------------------- subtype test */

int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b)
{
    PyObject *mro = a->tp_mro;
    if (mro != NULL) {
        Py_ssize_t i, n = PyTuple_GET_SIZE(mro);
        for (i = 0; i < n; i++) {
            if (PyTuple_GET_ITEM(mro, i) == (PyObject *)b)
                return 1;
        }
        return 0;
    }
    /* Not yet readied: follow tp_base. */
    do {
        if (a == b)
            return 1;
        a = a->tp_base;
    } while (a != NULL);
    return b == &PyBaseObject_Type;
}

/* ---------------------------------------------------------------- allocation */

PyObject *PyType_GenericAlloc(PyTypeObject *type, Py_ssize_t nitems)
{
    PyObject *obj;
    /* One extra item: variable-size objects may need a trailing sentinel. */
    const size_t size = _PyObject_VAR_SIZE(type, nitems + 1);
    if (PyType_IS_GC(type) && type->tp_itemsize == 0)
        return _PyObject_GC_NewZeroedTracked(type);
    if (PyType_IS_GC(type)) {
        if (type->tp_itemsize == 0)
            obj = _PyObject_GC_New(type);
        else
            obj = (PyObject *)_PyObject_GC_NewVar(type, nitems + 1);
        if (obj == NULL)
            return NULL;
    }
    else {
        obj = (PyObject *)PyObject_Malloc(size);
        if (obj == NULL)
            return PyErr_NoMemory();
        PyObject_Init(obj, type);
    }
    if (type->tp_itemsize == 0) {
        size_t n = PyType_IS_GC(type) ? (size_t)type->tp_basicsize : size;
        memset((char *)obj + sizeof(PyObject), 0, n - sizeof(PyObject));
    }
    else {
        memset((char *)obj + sizeof(PyVarObject), 0, size - sizeof(PyVarObject));
        Py_SET_SIZE(obj, nitems);
    }
    if (PyType_IS_GC(type))
        PyObject_GC_Track(obj);
    return obj;
}

PyObject *PyType_GenericNew(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return type->tp_alloc(type, 0);
}

/* ---------------------------------------------------------------- MRO (C3) */

static int tail_contains(PyObject *tuple, Py_ssize_t whence, PyObject *o)
{
    Py_ssize_t j, size = PyTuple_GET_SIZE(tuple);
    for (j = whence + 1; j < size; j++) {
        if (PyTuple_GET_ITEM(tuple, j) == o)
            return 1;
    }
    return 0;
}

static PyObject *class_name(PyObject *cls)
{
    PyObject *name;
    if (_PyObject_LookupAttr(cls, _Py_ID(__name__), &name) == 0)
        name = PyObject_Repr(cls);
    return name;
}

/* "Cannot create a consistent method resolution order (MRO) for bases A, B" naming
 * the bases still blocking the merge, in order of first appearance. */
static void set_mro_error(PyObject **to_merge, Py_ssize_t to_merge_size, Py_ssize_t *remain)
{
    Py_ssize_t i, n, off;
    char buf[1000];
    PyObject *k, *v, *set = PyDict_New();
    if (set == NULL)
        return;
    for (i = 0; i < to_merge_size; i++) {
        PyObject *L = to_merge[i];
        if (remain[i] < PyTuple_GET_SIZE(L)) {
            PyObject *c = PyTuple_GET_ITEM(L, remain[i]);
            if (PyDict_SetItem(set, c, Py_None) < 0) {
                Py_DECREF(set);
                return;
            }
        }
    }
    n = PyDict_Size(set);
    off = snprintf(buf, sizeof(buf), "Cannot create a consistent method resolution\norder (MRO) for bases");
    i = 0;
    while (PyDict_Next(set, &i, &k, &v) && (size_t)off < sizeof(buf)) {
        PyObject *name = class_name(k);
        const char *name_str = NULL;
        if (name != NULL) {
            name_str = PyUnicode_AsUTF8(name);
            if (name_str == NULL)
                PyErr_Clear();
        }
        if (name_str == NULL)
            name_str = "?";
        off += snprintf(buf + off, sizeof(buf) - (size_t)off, " %s", name_str);
        Py_XDECREF(name);
        if (--n && (size_t)(off + 1) < sizeof(buf)) {
            buf[off++] = ',';
            buf[off] = '\0';
        }
    }
    PyErr_SetString(PyExc_TypeError, buf);
    Py_DECREF(set);
}

static int pmerge(PyObject *acc, PyObject **to_merge, Py_ssize_t to_merge_size)
{
    int res = 0;
    Py_ssize_t i, j, empty_cnt;
    Py_ssize_t *remain = PyMem_New(Py_ssize_t, to_merge_size);
    if (remain == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (i = 0; i < to_merge_size; i++)
        remain[i] = 0;
again:
    empty_cnt = 0;
    for (i = 0; i < to_merge_size; i++) {
        PyObject *candidate;
        PyObject *cur_tuple = to_merge[i];
        if (remain[i] >= PyTuple_GET_SIZE(cur_tuple)) {
            empty_cnt++;
            continue;
        }
        /* A good candidate heads some list and appears in no list's tail. */
        candidate = PyTuple_GET_ITEM(cur_tuple, remain[i]);
        for (j = 0; j < to_merge_size; j++) {
            if (tail_contains(to_merge[j], remain[j], candidate))
                goto skip;
        }
        res = PyList_Append(acc, candidate);
        if (res < 0)
            goto out;
        for (j = 0; j < to_merge_size; j++) {
            PyObject *j_lst = to_merge[j];
            if (remain[j] < PyTuple_GET_SIZE(j_lst) && PyTuple_GET_ITEM(j_lst, remain[j]) == candidate)
                remain[j]++;
        }
        goto again;
    skip:;
    }
    if (empty_cnt != to_merge_size) {
        set_mro_error(to_merge, to_merge_size, remain);
        res = -1;
    }
out:
    PyMem_Free(remain);
    return res;
}

static int check_duplicates(PyObject *tuple)
{
    Py_ssize_t i, j, n = PyTuple_GET_SIZE(tuple);
    for (i = 0; i < n; i++) {
        PyObject *o = PyTuple_GET_ITEM(tuple, i);
        for (j = i + 1; j < n; j++) {
            if (PyTuple_GET_ITEM(tuple, j) == o) {
                PyObject *name = class_name(o);
                if (name != NULL) {
                    PyErr_Format(PyExc_TypeError, "duplicate base class %U", name);
                    Py_DECREF(name);
                }
                return -1;
            }
        }
    }
    return 0;
}

static PyObject *mro_implementation(PyTypeObject *type)
{
    Py_ssize_t i, n;
    int ok;
    PyObject *bases, *result;
    PyObject **to_merge;
    Py_ssize_t to_merge_size;

    if (type->tp_dict == NULL && PyType_Ready(type) < 0)
        return NULL;
    bases = type->tp_bases;
    n = PyTuple_GET_SIZE(bases);
    for (i = 0; i < n; i++) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, i);
        if (base->tp_mro == NULL) {
            PyErr_Format(PyExc_TypeError, "Cannot extend an incomplete type '%.100s'", base->tp_name);
            return NULL;
        }
    }
    if (n == 1) {
        /* Fast path: the MRO is the type followed by its single base's MRO. */
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(bases, 0);
        Py_ssize_t k = PyTuple_GET_SIZE(base->tp_mro);
        result = PyTuple_New(k + 1);
        if (result == NULL)
            return NULL;
        PyTuple_SET_ITEM(result, 0, Py_NewRef(type));
        for (i = 0; i < k; i++)
            PyTuple_SET_ITEM(result, i + 1, Py_NewRef(PyTuple_GET_ITEM(base->tp_mro, i)));
        return result;
    }
    if (check_duplicates(bases) < 0)
        return NULL;
    to_merge_size = n + 1;
    to_merge = PyMem_New(PyObject *, to_merge_size);
    if (to_merge == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (i = 0; i < n; i++)
        to_merge[i] = ((PyTypeObject *)PyTuple_GET_ITEM(bases, i))->tp_mro;
    to_merge[n] = bases;
    result = PyList_New(1);
    if (result == NULL) {
        PyMem_Free(to_merge);
        return NULL;
    }
    PyList_SET_ITEM(result, 0, Py_NewRef(type));
    ok = pmerge(result, to_merge, to_merge_size);
    PyMem_Free(to_merge);
    if (ok < 0) {
        Py_DECREF(result);
        return NULL;
    }
    {
        PyObject *tup = PyList_AsTuple(result);
        Py_DECREF(result);
        return tup;
    }
}

static PyObject *type_mro_impl(PyObject *self, PyObject *unused)
{
    PyObject *seq = mro_implementation((PyTypeObject *)self);
    PyObject *list;
    if (seq == NULL)
        return NULL;
    list = PySequence_List(seq);
    Py_DECREF(seq);
    return list;
}

/* The MRO as computed by the metaclass's mro() if overridden, validated. */
static PyTypeObject *solid_base(PyTypeObject *type);

static PyObject *mro_invoke(PyTypeObject *type)
{
    PyObject *mro_result, *new_mro;
    int custom = !Py_IS_TYPE(type, &PyType_Type);
    if (custom) {
        PyObject *mro_meth = _PyObject_LookupSpecial((PyObject *)type, _Py_ID(mro));
        if (mro_meth == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_AttributeError, "mro");
            return NULL;
        }
        mro_result = PyObject_CallNoArgs(mro_meth);
        Py_DECREF(mro_meth);
    }
    else {
        mro_result = mro_implementation(type);
    }
    if (mro_result == NULL)
        return NULL;
    new_mro = PySequence_Tuple(mro_result);
    Py_DECREF(mro_result);
    if (new_mro == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(new_mro) == 0) {
        Py_DECREF(new_mro);
        PyErr_Format(PyExc_TypeError, "type MRO must not be empty");
        return NULL;
    }
    if (custom) {
        Py_ssize_t i, n = PyTuple_GET_SIZE(new_mro);
        for (i = 0; i < n; i++) {
            PyObject *obj = PyTuple_GET_ITEM(new_mro, i);
            if (!PyType_Check(obj)) {
                PyErr_Format(PyExc_TypeError, "mro() returned a non-class ('%.500s')",
                             Py_TYPE(obj)->tp_name);
                Py_DECREF(new_mro);
                return NULL;
            }
            /* every class in a custom MRO must share the type's instance layout, or
             * slot functions would read instances as the wrong C struct */
            if (!PyType_IsSubtype(solid_base(type), solid_base((PyTypeObject *)obj))) {
                PyErr_Format(PyExc_TypeError, "mro() returned base with unsuitable layout ('%.500s')",
                             ((PyTypeObject *)obj)->tp_name);
                Py_DECREF(new_mro);
                return NULL;
            }
        }
    }
    return new_mro;
}

static int mro_internal(PyTypeObject *type, PyObject **p_old_mro)
{
    PyObject *new_mro, *old_mro = type->tp_mro;
    /* mro() may re-enter (assign __bases__) and replace tp_mro: then keep that one. */
    Py_XINCREF(old_mro);
    new_mro = mro_invoke(type);
    int reent = type->tp_mro != old_mro;
    Py_XDECREF(old_mro);
    if (new_mro == NULL)
        return -1;
    if (reent) {
        Py_DECREF(new_mro);
        return 0;
    }
    type->tp_mro = new_mro;
    PyType_Modified(type);
    if (p_old_mro != NULL)
        *p_old_mro = old_mro;
    else
        Py_XDECREF(old_mro);
    return 1;
}

/* ---------------------------------------------------------------- layout helpers */

static int extra_ivars(PyTypeObject *type, PyTypeObject *base)
{
    size_t t_size = (size_t)type->tp_basicsize;
    size_t b_size = (size_t)base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize) {
        /* If itemsize is involved, stricter rules */
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    }
    if (type->tp_weaklistoffset && base->tp_weaklistoffset == 0 &&
        type->tp_weaklistoffset + (Py_ssize_t)sizeof(PyObject *) == (Py_ssize_t)t_size &&
        type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        t_size -= sizeof(PyObject *);
    if (type->tp_dictoffset && base->tp_dictoffset == 0 &&
        type->tp_dictoffset + (Py_ssize_t)sizeof(PyObject *) == (Py_ssize_t)t_size &&
        type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        t_size -= sizeof(PyObject *);
    return t_size != b_size;
}

/* The most derived base that adds instance layout (the "solid" base). */
static PyTypeObject *solid_base(PyTypeObject *type)
{
    PyTypeObject *base;
    if (type->tp_base)
        base = solid_base(type->tp_base);
    else
        base = &PyBaseObject_Type;
    if (extra_ivars(type, base))
        return type;
    return base;
}

static PyTypeObject *best_base(PyObject *bases)
{
    Py_ssize_t i, n = PyTuple_GET_SIZE(bases);
    PyTypeObject *base = NULL, *winner = NULL, *candidate;
    for (i = 0; i < n; i++) {
        PyObject *base_proto = PyTuple_GET_ITEM(bases, i);
        PyTypeObject *base_i;
        if (!PyType_Check(base_proto)) {
            PyErr_SetString(PyExc_TypeError, "bases must be types");
            return NULL;
        }
        base_i = (PyTypeObject *)base_proto;
        if (base_i->tp_dict == NULL && PyType_Ready(base_i) < 0)
            return NULL;
        if (!(base_i->tp_flags & Py_TPFLAGS_BASETYPE)) {
            PyErr_Format(PyExc_TypeError, "type '%.100s' is not an acceptable base type",
                         base_i->tp_name);
            return NULL;
        }
        candidate = solid_base(base_i);
        if (winner == NULL) {
            winner = candidate;
            base = base_i;
        }
        else if (PyType_IsSubtype(winner, candidate)) {
            ;
        }
        else if (PyType_IsSubtype(candidate, winner)) {
            winner = candidate;
            base = base_i;
        }
        else {
            PyErr_SetString(PyExc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* ---------------------------------------------------------------- subclass registry */

/* tp_subclasses maps id(subclass) -> id(subclass): a borrowed link, removed when the
 * subclass dies (type_dealloc), so classes don't keep each other alive. */
static int add_subclass(PyTypeObject *base, PyTypeObject *type)
{
    int result;
    PyObject *key = PyLong_FromVoidPtr((void *)type);
    if (key == NULL)
        return -1;
    if (base->tp_subclasses == NULL) {
        base->tp_subclasses = PyDict_New();
        if (base->tp_subclasses == NULL) {
            Py_DECREF(key);
            return -1;
        }
    }
    result = PyDict_SetItem(base->tp_subclasses, key, key);
    Py_DECREF(key);
    return result;
}

static int add_all_subclasses(PyTypeObject *type, PyObject *bases)
{
    Py_ssize_t i;
    int res = 0;
    for (i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base) && add_subclass((PyTypeObject *)base, type) < 0)
            res = -1;
    }
    return res;
}

static void remove_subclass(PyTypeObject *base, PyTypeObject *type)
{
    PyObject *key;
    if (base->tp_subclasses == NULL)
        return;
    key = PyLong_FromVoidPtr((void *)type);
    if (key == NULL || PyDict_DelItem(base->tp_subclasses, key) < 0)
        PyErr_Clear();
    Py_XDECREF(key);
}

static void remove_all_subclasses(PyTypeObject *type, PyObject *bases)
{
    Py_ssize_t i;
    if (bases == NULL)
        return;
    for (i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i);
        if (PyType_Check(base))
            remove_subclass((PyTypeObject *)base, type);
    }
}

PyObject *_PyType_GetSubclasses(PyTypeObject *self)
{
    PyObject *list = PyList_New(0);
    Py_ssize_t i = 0;
    PyObject *key, *ref;
    if (list == NULL)
        return NULL;
    if (self->tp_subclasses == NULL)
        return list;
    while (PyDict_Next(self->tp_subclasses, &i, &key, &ref)) {
        PyObject *sub = (PyObject *)PyLong_AsVoidPtr(ref);
        if (sub != NULL && PyList_Append(list, sub) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

/* ---------------------------------------------------------------- PyType_Ready */

static void inherit_special(PyTypeObject *type, PyTypeObject *base)
{
    /* Copying tp_traverse and tp_clear is connected to the GC flags */
    if (!(type->tp_flags & Py_TPFLAGS_HAVE_GC) && (base->tp_flags & Py_TPFLAGS_HAVE_GC) &&
        (!type->tp_traverse && !type->tp_clear)) {
        type->tp_flags |= Py_TPFLAGS_HAVE_GC;
        if (type->tp_traverse == NULL)
            type->tp_traverse = base->tp_traverse;
        if (type->tp_clear == NULL)
            type->tp_clear = base->tp_clear;
    }
    if (type->tp_basicsize == 0)
        type->tp_basicsize = base->tp_basicsize;
    if (type->tp_itemsize == 0)
        type->tp_itemsize = base->tp_itemsize;
    if (type->tp_weaklistoffset == 0)
        type->tp_weaklistoffset = base->tp_weaklistoffset;
    if (type->tp_dictoffset == 0)
        type->tp_dictoffset = base->tp_dictoffset;

    /* The fast-subclass bits let PyLong_Check etc. be a flag test. */
    if (PyType_IsSubtype(base, (PyTypeObject *)PyExc_BaseException))
        type->tp_flags |= Py_TPFLAGS_BASE_EXC_SUBCLASS;
    else if (PyType_IsSubtype(base, &PyType_Type))
        type->tp_flags |= Py_TPFLAGS_TYPE_SUBCLASS;
    else if (PyType_IsSubtype(base, &PyLong_Type))
        type->tp_flags |= Py_TPFLAGS_LONG_SUBCLASS;
    else if (PyType_IsSubtype(base, &PyBytes_Type))
        type->tp_flags |= Py_TPFLAGS_BYTES_SUBCLASS;
    else if (PyType_IsSubtype(base, &PyUnicode_Type))
        type->tp_flags |= Py_TPFLAGS_UNICODE_SUBCLASS;
    else if (PyType_IsSubtype(base, &PyTuple_Type))
        type->tp_flags |= Py_TPFLAGS_TUPLE_SUBCLASS;
    else if (PyType_IsSubtype(base, &PyList_Type))
        type->tp_flags |= Py_TPFLAGS_LIST_SUBCLASS;
    else if (PyType_IsSubtype(base, &PyDict_Type))
        type->tp_flags |= Py_TPFLAGS_DICT_SUBCLASS;
}

static int overrides_hash(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    int r = PyDict_Contains(dict, _Py_ID(__eq__));
    if (r == 0)
        r = PyDict_Contains(dict, _Py_ID(__hash__));
    return r;
}

#define SLOTDEFINED(SLOT) \
    (base->SLOT != 0 && (basebase == NULL || base->SLOT != basebase->SLOT))
#define COPYSLOT(SLOT) \
    if (!type->SLOT && SLOTDEFINED(SLOT)) type->SLOT = base->SLOT
#define COPYASYNC(SLOT) COPYSLOT(tp_as_async->SLOT)
#define COPYNUM(SLOT) COPYSLOT(tp_as_number->SLOT)
#define COPYSEQ(SLOT) COPYSLOT(tp_as_sequence->SLOT)
#define COPYMAP(SLOT) COPYSLOT(tp_as_mapping->SLOT)
#define COPYBUF(SLOT) COPYSLOT(tp_as_buffer->SLOT)

static int inherit_slots(PyTypeObject *type, PyTypeObject *base)
{
    PyTypeObject *basebase;

    if (type->tp_as_number != NULL && base->tp_as_number != NULL) {
        basebase = base->tp_base;
        if (basebase->tp_as_number == NULL)
            basebase = NULL;
        COPYNUM(nb_add); COPYNUM(nb_subtract); COPYNUM(nb_multiply); COPYNUM(nb_remainder);
        COPYNUM(nb_divmod); COPYNUM(nb_power); COPYNUM(nb_negative); COPYNUM(nb_positive);
        COPYNUM(nb_absolute); COPYNUM(nb_bool); COPYNUM(nb_invert); COPYNUM(nb_lshift);
        COPYNUM(nb_rshift); COPYNUM(nb_and); COPYNUM(nb_xor); COPYNUM(nb_or);
        COPYNUM(nb_int); COPYNUM(nb_float); COPYNUM(nb_inplace_add);
        COPYNUM(nb_inplace_subtract); COPYNUM(nb_inplace_multiply);
        COPYNUM(nb_inplace_remainder); COPYNUM(nb_inplace_power); COPYNUM(nb_inplace_lshift);
        COPYNUM(nb_inplace_rshift); COPYNUM(nb_inplace_and); COPYNUM(nb_inplace_xor);
        COPYNUM(nb_inplace_or); COPYNUM(nb_true_divide); COPYNUM(nb_floor_divide);
        COPYNUM(nb_inplace_true_divide); COPYNUM(nb_inplace_floor_divide); COPYNUM(nb_index);
        COPYNUM(nb_matrix_multiply); COPYNUM(nb_inplace_matrix_multiply);
    }
    if (type->tp_as_async != NULL && base->tp_as_async != NULL) {
        basebase = base->tp_base;
        if (basebase->tp_as_async == NULL)
            basebase = NULL;
        COPYASYNC(am_await); COPYASYNC(am_aiter); COPYASYNC(am_anext); COPYASYNC(am_send);
    }
    if (type->tp_as_sequence != NULL && base->tp_as_sequence != NULL) {
        basebase = base->tp_base;
        if (basebase->tp_as_sequence == NULL)
            basebase = NULL;
        COPYSEQ(sq_length); COPYSEQ(sq_concat); COPYSEQ(sq_repeat); COPYSEQ(sq_item);
        COPYSEQ(sq_ass_item); COPYSEQ(sq_contains); COPYSEQ(sq_inplace_concat);
        COPYSEQ(sq_inplace_repeat);
    }
    if (type->tp_as_mapping != NULL && base->tp_as_mapping != NULL) {
        basebase = base->tp_base;
        if (basebase->tp_as_mapping == NULL)
            basebase = NULL;
        COPYMAP(mp_length); COPYMAP(mp_subscript); COPYMAP(mp_ass_subscript);
    }
    if (type->tp_as_buffer != NULL && base->tp_as_buffer != NULL) {
        basebase = base->tp_base;
        if (basebase->tp_as_buffer == NULL)
            basebase = NULL;
        COPYBUF(bf_getbuffer); COPYBUF(bf_releasebuffer);
    }

    basebase = base->tp_base;
    COPYSLOT(tp_dealloc);
    if (type->tp_getattr == NULL && type->tp_getattro == NULL) {
        type->tp_getattr = base->tp_getattr;
        type->tp_getattro = base->tp_getattro;
    }
    if (type->tp_setattr == NULL && type->tp_setattro == NULL) {
        type->tp_setattr = base->tp_setattr;
        type->tp_setattro = base->tp_setattro;
    }
    COPYSLOT(tp_repr);
    COPYSLOT(tp_vectorcall_offset);
    if (!type->tp_call && (base->tp_flags & Py_TPFLAGS_HAVE_VECTORCALL) &&
        (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE))
        type->tp_flags |= Py_TPFLAGS_HAVE_VECTORCALL;
    COPYSLOT(tp_call);
    COPYSLOT(tp_str);
    /* tp_hash goes with tp_richcompare: a class that defines __eq__ but not
     * __hash__ must not inherit the base's hash. */
    if (type->tp_richcompare == NULL && type->tp_hash == NULL) {
        int r = overrides_hash(type);
        if (r < 0)
            return -1;
        if (!r) {
            type->tp_richcompare = base->tp_richcompare;
            type->tp_hash = base->tp_hash;
        }
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    /* Inherit Py_TPFLAGS_METHOD_DESCRIPTOR if tp_descr_get was inherited */
    if (base->tp_descr_get && type->tp_descr_get == base->tp_descr_get &&
        (base->tp_flags & Py_TPFLAGS_METHOD_DESCRIPTOR))
        type->tp_flags |= Py_TPFLAGS_METHOD_DESCRIPTOR;
    COPYSLOT(tp_descr_set);
    COPYSLOT(tp_dictoffset);
    COPYSLOT(tp_init);
    COPYSLOT(tp_alloc);
    COPYSLOT(tp_is_gc);
    COPYSLOT(tp_finalize);
    if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) == (base->tp_flags & Py_TPFLAGS_HAVE_GC)) {
        COPYSLOT(tp_free);
    }
    else if ((type->tp_flags & Py_TPFLAGS_HAVE_GC) && type->tp_free == NULL &&
             base->tp_free == PyObject_Free) {
        /* A GC subclass of a non-GC base must free with the GC allocator. */
        type->tp_free = PyObject_GC_Del;
    }
    return 0;
}

static int add_methods(PyTypeObject *type, PyMethodDef *meth)
{
    PyObject *dict = type->tp_dict;
    for (; meth->ml_name != NULL; meth++) {
        PyObject *descr, *name;
        int err;
        int isdescr = 1;
        name = PyUnicode_InternFromString(meth->ml_name);
        if (name == NULL)
            return -1;
        if (!(meth->ml_flags & METH_COEXIST)) {
            int r = PyDict_Contains(dict, name);
            if (r != 0) {
                Py_DECREF(name);
                if (r < 0)
                    return -1;
                continue;
            }
        }
        if (meth->ml_flags & METH_CLASS) {
            if (meth->ml_flags & METH_STATIC) {
                PyErr_SetString(PyExc_ValueError, "method cannot be both class and static");
                Py_DECREF(name);
                return -1;
            }
            descr = PyDescr_NewClassMethod(type, meth);
        }
        else if (meth->ml_flags & METH_STATIC) {
            PyObject *cfunc = PyCFunction_NewEx(meth, (PyObject *)type, NULL);
            if (cfunc == NULL) {
                Py_DECREF(name);
                return -1;
            }
            descr = PyStaticMethod_New(cfunc);
            isdescr = 0;
            Py_DECREF(cfunc);
        }
        else {
            descr = PyDescr_NewMethod(type, meth);
        }
        (void)isdescr;
        if (descr == NULL) {
            Py_DECREF(name);
            return -1;
        }
        err = PyDict_SetItem(dict, name, descr);
        Py_DECREF(descr);
        Py_DECREF(name);
        if (err < 0)
            return -1;
    }
    return 0;
}

static int add_members(PyTypeObject *type, PyMemberDef *memb)
{
    PyObject *dict = type->tp_dict;
    for (; memb->name != NULL; memb++) {
        PyObject *descr = PyDescr_NewMember(type, memb);
        int r;
        if (descr == NULL)
            return -1;
        r = PyDict_SetDefault(dict, PyDescr_NAME(descr), descr) == NULL ? -1 : 0;
        Py_DECREF(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

static int add_getset(PyTypeObject *type, PyGetSetDef *gsp)
{
    PyObject *dict = type->tp_dict;
    for (; gsp->name != NULL; gsp++) {
        PyObject *descr = PyDescr_NewGetSet(type, gsp);
        int r;
        if (descr == NULL)
            return -1;
        r = PyDict_SetDefault(dict, PyDescr_NAME(descr), descr) == NULL ? -1 : 0;
        Py_DECREF(descr);
        if (r < 0)
            return -1;
    }
    return 0;
}

static PyMethodDef tp_new_methoddef[] = {
    {"__new__", (PyCFunction)(void (*)(void))tp_new_wrapper, METH_VARARGS | METH_KEYWORDS,
     "__new__($type, *args, **kwargs)\n--\n\n"
     "Create and return a new object.  See help(type) for accurate signature."},
    {NULL, NULL, 0, NULL},
};

static int add_tp_new_wrapper(PyTypeObject *type)
{
    PyObject *func;
    int r = PyDict_Contains(type->tp_dict, _Py_ID(__new__));
    if (r != 0)
        return r > 0 ? 0 : -1;
    func = PyCFunction_NewEx(tp_new_methoddef, (PyObject *)type, NULL);
    if (func == NULL)
        return -1;
    r = PyDict_SetItem(type->tp_dict, _Py_ID(__new__), func);
    Py_DECREF(func);
    return r;
}

static int add_operators(PyTypeObject *type);

static int type_ready_set_new(PyTypeObject *type)
{
    PyTypeObject *base = type->tp_base;
    /* Static types deriving directly from object don't inherit object.__new__:
     * they would become instantiable without their factory's invariants. */
    if (type->tp_new == NULL && base == &PyBaseObject_Type &&
        !(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        type->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
    if (!(type->tp_flags & Py_TPFLAGS_DISALLOW_INSTANTIATION)) {
        if (type->tp_new != NULL) {
            if (add_tp_new_wrapper(type) < 0)
                return -1;
        }
        else {
            type->tp_new = base->tp_new;
        }
    }
    else {
        type->tp_new = NULL;
    }
    return 0;
}

static int type_ready(PyTypeObject *type)
{
    PyObject *dict, *bases;
    PyTypeObject *base;
    Py_ssize_t i, n;

    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        type->tp_flags |= Py_TPFLAGS_IMMUTABLETYPE;

    /* Base: tp_base, else object (except for object itself). */
    base = type->tp_base;
    if (base == NULL && type != &PyBaseObject_Type) {
        base = &PyBaseObject_Type;
        if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
            type->tp_base = (PyTypeObject *)Py_NewRef(base);
        else
            type->tp_base = base;
    }
    if (base != NULL && base->tp_dict == NULL && PyType_Ready(base) < 0)
        return -1;
    if (Py_TYPE(type) == NULL && base != NULL)
        Py_SET_TYPE(type, Py_TYPE(base));

    bases = type->tp_bases;
    if (bases == NULL) {
        if (base == NULL)
            bases = PyTuple_New(0);
        else
            bases = PyTuple_Pack(1, (PyObject *)base);
        if (bases == NULL)
            return -1;
        type->tp_bases = bases;
    }

    dict = type->tp_dict;
    if (dict == NULL) {
        dict = PyDict_New();
        if (dict == NULL)
            return -1;
        type->tp_dict = dict;
    }

    if (mro_internal(type, NULL) < 0)
        return -1;
    if (type_ready_set_new(type) < 0)
        return -1;

    /* Own attributes first: slot wrappers, then methods, members, getsets. */
    if (add_operators(type) < 0)
        return -1;
    if (type->tp_methods != NULL && add_methods(type, type->tp_methods) < 0)
        return -1;
    if (type->tp_members != NULL && add_members(type, type->tp_members) < 0)
        return -1;
    if (type->tp_getset != NULL && add_getset(type, type->tp_getset) < 0)
        return -1;

    /* Inherit from the bases, in MRO order. */
    if (base != NULL)
        inherit_special(type, base);
    bases = type->tp_mro;
    n = PyTuple_GET_SIZE(bases);
    for (i = 1; i < n; i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        if (!PyType_Check(b))
            continue;
        if (inherit_slots(type, (PyTypeObject *)b) < 0)
            return -1;
        /* match/case: the first base in the MRO saying sequence or mapping decides. */
        if ((type->tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING)) == 0)
            type->tp_flags |= ((PyTypeObject *)b)->tp_flags & (Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING);
    }
    if (base != NULL) {
        /* Sub-tables not provided at all are shared with the base. */
        if (type->tp_as_async == NULL)
            type->tp_as_async = base->tp_as_async;
        if (type->tp_as_number == NULL)
            type->tp_as_number = base->tp_as_number;
        if (type->tp_as_sequence == NULL)
            type->tp_as_sequence = base->tp_as_sequence;
        if (type->tp_as_mapping == NULL)
            type->tp_as_mapping = base->tp_as_mapping;
        if (type->tp_as_buffer == NULL)
            type->tp_as_buffer = base->tp_as_buffer;
    }

    /* A type whose tp_hash is still NULL after inheritance is unhashable. */
    if (type->tp_hash == NULL) {
        int r = PyDict_Contains(type->tp_dict, _Py_ID(__hash__));
        if (r < 0)
            return -1;
        if (r == 0) {
            if (PyDict_SetItem(type->tp_dict, _Py_ID(__hash__), Py_None) < 0)
                return -1;
            type->tp_hash = PyObject_HashNotImplemented;
        }
    }

    /* __doc__ */
    {
        int r = PyDict_Contains(type->tp_dict, _Py_ID(__doc__));
        if (r < 0)
            return -1;
        if (r == 0) {
            PyObject *doc;
            if (type->tp_doc != NULL)
                doc = _PyType_GetDocFromInternalDoc(type->tp_name, type->tp_doc);
            else
                doc = Py_NewRef(Py_None);
            if (doc == NULL)
                return -1;
            r = PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), doc);
            Py_DECREF(doc);
            if (r < 0)
                return -1;
        }
    }

    if (add_all_subclasses(type, type->tp_bases) < 0)
        return -1;
    return 0;
}

int PyType_Ready(PyTypeObject *type)
{
    if (type->tp_flags & Py_TPFLAGS_READY)
        return 0;
    if (type->tp_flags & Py_TPFLAGS_READYING)
        return 0; /* recursion through a base being readied */
    type->tp_flags |= Py_TPFLAGS_READYING;
    if (type_ready(type) < 0) {
        type->tp_flags &= ~Py_TPFLAGS_READYING;
        return -1;
    }
    type->tp_flags = (type->tp_flags & ~Py_TPFLAGS_READYING) | Py_TPFLAGS_READY;
    return 0;
}

/* ---------------------------------------------------------------- wrap_*: C slot -> Python */

/* These are the `wrapper` half of the slotdefs: called by a slot wrapper descriptor
 * (e.g. int.__add__) with a tuple of arguments and the C slot function. */

static int slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value);

static int check_num_args(PyObject *ob, int n)
{
    if (!PyTuple_CheckExact(ob)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    if (n == PyTuple_GET_SIZE(ob))
        return 1;
    PyErr_Format(PyExc_TypeError, "expected %d argument%s, got %zd", n, n == 1 ? "" : "s",
                 PyTuple_GET_SIZE(ob));
    return 0;
}

static int unpack_args(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max,
                       PyObject **a, PyObject **b)
{
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n < min || n > max) {
        if (min == max)
            PyErr_Format(PyExc_TypeError, "expected %zd argument%s, got %zd", min,
                         min == 1 ? "" : "s", n);
        else
            PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                         n < min ? "at least " : "at most ", n < min ? min : max,
                         (n < min ? min : max) == 1 ? "" : "s", n);
        return 0;
    }
    *a = n > 0 ? PyTuple_GET_ITEM(args, 0) : NULL;
    if (b != NULL)
        *b = n > 1 ? PyTuple_GET_ITEM(args, 1) : NULL;
    return 1;
}

static PyObject *wrap_lenfunc(PyObject *self, PyObject *args, void *wrapped)
{
    lenfunc func = (lenfunc)wrapped;
    Py_ssize_t res;
    if (!check_num_args(args, 0))
        return NULL;
    res = (*func)(self);
    if (res == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(res);
}

static PyObject *wrap_inquirypred(PyObject *self, PyObject *args, void *wrapped)
{
    inquiry func = (inquiry)wrapped;
    int res;
    if (!check_num_args(args, 0))
        return NULL;
    res = (*func)(self);
    if (res == -1 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong((long)res);
}

static PyObject *wrap_binaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    binaryfunc func = (binaryfunc)wrapped;
    if (!check_num_args(args, 1))
        return NULL;
    return (*func)(self, PyTuple_GET_ITEM(args, 0));
}

static PyObject *wrap_binaryfunc_l(PyObject *self, PyObject *args, void *wrapped)
{
    return wrap_binaryfunc(self, args, wrapped);
}

static PyObject *wrap_binaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    binaryfunc func = (binaryfunc)wrapped;
    if (!check_num_args(args, 1))
        return NULL;
    return (*func)(PyTuple_GET_ITEM(args, 0), self);
}

static PyObject *wrap_ternaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    ternaryfunc func = (ternaryfunc)wrapped;
    PyObject *other, *third = Py_None;
    if (!unpack_args(args, "", 1, 2, &other, &third))
        return NULL;
    if (third == NULL)
        third = Py_None;
    return (*func)(self, other, third);
}

static PyObject *wrap_ternaryfunc_r(PyObject *self, PyObject *args, void *wrapped)
{
    ternaryfunc func = (ternaryfunc)wrapped;
    PyObject *other, *third = Py_None;
    if (!unpack_args(args, "", 1, 2, &other, &third))
        return NULL;
    if (third == NULL)
        third = Py_None;
    return (*func)(other, self, third);
}

static PyObject *wrap_unaryfunc(PyObject *self, PyObject *args, void *wrapped)
{
    unaryfunc func = (unaryfunc)wrapped;
    if (!check_num_args(args, 0))
        return NULL;
    return (*func)(self);
}

static PyObject *wrap_indexargfunc(PyObject *self, PyObject *args, void *wrapped)
{
    ssizeargfunc func = (ssizeargfunc)wrapped;
    Py_ssize_t i;
    if (!check_num_args(args, 1))
        return NULL;
    i = PyNumber_AsSsize_t(PyTuple_GET_ITEM(args, 0), PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    return (*func)(self, i);
}

static Py_ssize_t getindex(PyObject *self, PyObject *arg)
{
    Py_ssize_t i = PyNumber_AsSsize_t(arg, PyExc_OverflowError);
    if (i == -1 && PyErr_Occurred())
        return -1;
    if (i < 0) {
        PySequenceMethods *sq = Py_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            Py_ssize_t n = (*sq->sq_length)(self);
            if (n < 0)
                return -1;
            i += n;
        }
    }
    return i;
}

static PyObject *wrap_sq_item(PyObject *self, PyObject *args, void *wrapped)
{
    ssizeargfunc func = (ssizeargfunc)wrapped;
    Py_ssize_t i;
    if (!check_num_args(args, 1))
        return NULL;
    i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    return (*func)(self, i);
}

static PyObject *wrap_sq_setitem(PyObject *self, PyObject *args, void *wrapped)
{
    ssizeobjargproc func = (ssizeobjargproc)wrapped;
    Py_ssize_t i;
    PyObject *arg, *value;
    if (!unpack_args(args, "", 2, 2, &arg, &value))
        return NULL;
    i = getindex(self, arg);
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if ((*func)(self, i, value) == -1)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_sq_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    ssizeobjargproc func = (ssizeobjargproc)wrapped;
    Py_ssize_t i;
    if (!check_num_args(args, 1))
        return NULL;
    i = getindex(self, PyTuple_GET_ITEM(args, 0));
    if (i == -1 && PyErr_Occurred())
        return NULL;
    if ((*func)(self, i, NULL) == -1)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_objobjproc(PyObject *self, PyObject *args, void *wrapped)
{
    objobjproc func = (objobjproc)wrapped;
    int res;
    if (!check_num_args(args, 1))
        return NULL;
    res = (*func)(self, PyTuple_GET_ITEM(args, 0));
    if (res == -1 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(res);
}

static PyObject *wrap_objobjargproc(PyObject *self, PyObject *args, void *wrapped)
{
    objobjargproc func = (objobjargproc)wrapped;
    PyObject *key, *value;
    if (!unpack_args(args, "", 2, 2, &key, &value))
        return NULL;
    if ((*func)(self, key, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_delitem(PyObject *self, PyObject *args, void *wrapped)
{
    objobjargproc func = (objobjargproc)wrapped;
    if (!check_num_args(args, 1))
        return NULL;
    if ((*func)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Refuse object.__setattr__(int, 'x', 1) style end-runs around a C type's own
 * tp_setattro ("Carlo Verre hack"). */
static int hackcheck(PyObject *self, setattrofunc func, const char *what)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mro = type->tp_mro;
    PyTypeObject *defining_type = type;
    Py_ssize_t i;
    if (mro == NULL)
        return 1;
    /* Find the (base) type that defined the type's slot function. */
    for (i = PyTuple_GET_SIZE(mro) - 1; i >= 0; i--) {
        PyTypeObject *base = (PyTypeObject *)PyTuple_GET_ITEM(mro, i);
        if (base->tp_setattro == slot_tp_setattro) {
            /* Ignore Python classes: they never define their own C level setattro. */
        }
        else if (base->tp_setattro == type->tp_setattro) {
            defining_type = base;
            break;
        }
    }
    /* Reject calls that jump over intermediate C-level overrides. */
    for (PyTypeObject *base = defining_type; base; base = base->tp_base) {
        if (base->tp_setattro == func) {
            /* 'func' is the right slot function to call. */
            break;
        }
        else if (base->tp_setattro != slot_tp_setattro) {
            PyErr_Format(PyExc_TypeError, "can't apply this %s to %s object", what,
                         type->tp_name);
            return 0;
        }
    }
    return 1;
}

static PyObject *wrap_setattr(PyObject *self, PyObject *args, void *wrapped)
{
    setattrofunc func = (setattrofunc)wrapped;
    PyObject *name, *value;
    if (!unpack_args(args, "", 2, 2, &name, &value))
        return NULL;
    if (!hackcheck(self, func, "__setattr__"))
        return NULL;
    if ((*func)(self, name, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_delattr(PyObject *self, PyObject *args, void *wrapped)
{
    setattrofunc func = (setattrofunc)wrapped;
    if (!check_num_args(args, 1))
        return NULL;
    if (!hackcheck(self, func, "__delattr__"))
        return NULL;
    if ((*func)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_hashfunc(PyObject *self, PyObject *args, void *wrapped)
{
    hashfunc func = (hashfunc)wrapped;
    Py_hash_t res;
    if (!check_num_args(args, 0))
        return NULL;
    res = (*func)(self);
    if (res == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromSsize_t(res);
}

static PyObject *wrap_call(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    ternaryfunc func = (ternaryfunc)wrapped;
    return (*func)(self, args, kwds);
}

static PyObject *wrap_del(PyObject *self, PyObject *args, void *wrapped)
{
    destructor func = (destructor)wrapped;
    if (!check_num_args(args, 0))
        return NULL;
    (*func)(self);
    Py_RETURN_NONE;
}

static PyObject *wrap_richcmpfunc(PyObject *self, PyObject *args, void *wrapped, int op)
{
    richcmpfunc func = (richcmpfunc)wrapped;
    if (!check_num_args(args, 1))
        return NULL;
    return (*func)(self, PyTuple_GET_ITEM(args, 0), op);
}

#define RICHCMP_WRAPPER(NAME, OP)                                                  \
    static PyObject *richcmp_##NAME(PyObject *self, PyObject *args, void *wrapped) \
    {                                                                              \
        return wrap_richcmpfunc(self, args, wrapped, OP);                          \
    }
RICHCMP_WRAPPER(lt, Py_LT)
RICHCMP_WRAPPER(le, Py_LE)
RICHCMP_WRAPPER(eq, Py_EQ)
RICHCMP_WRAPPER(ne, Py_NE)
RICHCMP_WRAPPER(gt, Py_GT)
RICHCMP_WRAPPER(ge, Py_GE)

static PyObject *wrap_next(PyObject *self, PyObject *args, void *wrapped)
{
    unaryfunc func = (unaryfunc)wrapped;
    PyObject *res;
    if (!check_num_args(args, 0))
        return NULL;
    res = (*func)(self);
    if (res == NULL && !PyErr_Occurred())
        PyErr_SetNone(PyExc_StopIteration);
    return res;
}

static PyObject *wrap_descr_get(PyObject *self, PyObject *args, void *wrapped)
{
    descrgetfunc func = (descrgetfunc)wrapped;
    PyObject *obj, *type = NULL;
    if (!unpack_args(args, "__get__", 1, 2, &obj, &type))
        return NULL;
    if (obj == Py_None)
        obj = NULL;
    if (type == Py_None)
        type = NULL;
    if (type == NULL && obj == NULL) {
        PyErr_SetString(PyExc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return (*func)(self, obj, type);
}

static PyObject *wrap_descr_set(PyObject *self, PyObject *args, void *wrapped)
{
    descrsetfunc func = (descrsetfunc)wrapped;
    PyObject *obj, *value;
    if (!unpack_args(args, "", 2, 2, &obj, &value))
        return NULL;
    if ((*func)(self, obj, value) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_descr_delete(PyObject *self, PyObject *args, void *wrapped)
{
    descrsetfunc func = (descrsetfunc)wrapped;
    if (!check_num_args(args, 1))
        return NULL;
    if ((*func)(self, PyTuple_GET_ITEM(args, 0), NULL) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *wrap_init(PyObject *self, PyObject *args, void *wrapped, PyObject *kwds)
{
    initproc func = (initproc)wrapped;
    if ((*func)(self, args, kwds) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *tp_new_wrapper(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type, *subtype, *staticbase;
    PyObject *arg0, *res;
    if (self == NULL || !PyType_Check(self)) {
        PyErr_Format(PyExc_SystemError, "__new__() called with non-type 'self'");
        return NULL;
    }
    type = (PyTypeObject *)self;
    if (!PyTuple_Check(args) || PyTuple_GET_SIZE(args) < 1) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    arg0 = PyTuple_GET_ITEM(args, 0);
    if (!PyType_Check(arg0)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                     type->tp_name, Py_TYPE(arg0)->tp_name);
        return NULL;
    }
    subtype = (PyTypeObject *)arg0;
    if (!PyType_IsSubtype(subtype, type)) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->tp_name,
                     subtype->tp_name, subtype->tp_name, type->tp_name);
        return NULL;
    }
    /* Don't let object.__new__(dict) build a dict without dict's own __new__. */
    staticbase = subtype;
    while (staticbase && (staticbase->tp_new == slot_tp_new))
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new) {
        PyErr_Format(PyExc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                     type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    if (type->tp_new == NULL || (staticbase && staticbase->tp_new == NULL)) {
        /* tp_new cleared after PyType_Ready (e.g. sys.flags' type): never jump through NULL. */
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances",
                     (staticbase ? staticbase : subtype)->tp_name);
        return NULL;
    }
    args = PyTuple_GetSlice(args, 1, PyTuple_GET_SIZE(args));
    if (args == NULL)
        return NULL;
    res = type->tp_new(subtype, args, kwds);
    Py_DECREF(args);
    return res;
}

/* ---------------------------------------------------------------- slot_*: Python -> C slot */

/* These are installed in the C slots of classes that define the dunder in Python:
 * they look the method up on the type (never the instance) and call it. */

static PyObject *lookup_maybe_method(PyObject *self, PyObject *attr, int *unbound)
{
    PyObject *res = _PyType_Lookup(Py_TYPE(self), attr);
    if (res == NULL)
        return NULL;
    if (PyType_HasFeature(Py_TYPE(res), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        /* Avoid temporary PyMethodObject */
        *unbound = 1;
        Py_INCREF(res);
    }
    else {
        descrgetfunc f = Py_TYPE(res)->tp_descr_get;
        *unbound = 0;
        if (f == NULL)
            Py_INCREF(res);
        else
            res = f(res, self, (PyObject *)(Py_TYPE(self)));
    }
    return res;
}

static PyObject *lookup_method(PyObject *self, PyObject *attr, int *unbound)
{
    PyObject *res = lookup_maybe_method(self, attr, unbound);
    if (res == NULL && !PyErr_Occurred())
        PyErr_SetObject(PyExc_AttributeError, attr);
    return res;
}

static PyObject *vectorcall_unbound(int unbound, PyObject *func, PyObject *const *args,
                                    Py_ssize_t nargs)
{
    size_t nargsf = (size_t)nargs;
    if (!unbound) {
        /* Skip self argument, freeing up args[0] to use for PY_VECTORCALL_ARGUMENTS_OFFSET */
        args++;
        nargsf = (nargsf - 1) | PY_VECTORCALL_ARGUMENTS_OFFSET;
    }
    return PyObject_Vectorcall(func, args, nargsf, NULL);
}

static PyObject *call_unbound_noarg(int unbound, PyObject *func, PyObject *self)
{
    if (unbound)
        return PyObject_CallOneArg(func, self);
    return PyObject_CallNoArgs(func);
}

/* args[0] is self; AttributeError if the method is missing. */
static PyObject *vectorcall_method(PyObject *name, PyObject *const *args, Py_ssize_t nargs)
{
    int unbound;
    PyObject *retval, *func = lookup_method(args[0], name, &unbound);
    if (func == NULL)
        return NULL;
    retval = vectorcall_unbound(unbound, func, args, nargs);
    Py_DECREF(func);
    return retval;
}

/* Same, but NotImplemented if the method is missing. */
static PyObject *vectorcall_maybe(PyObject *name, PyObject **args, Py_ssize_t nargs)
{
    int unbound;
    PyObject *retval, *func = lookup_maybe_method(args[0], name, &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred())
            Py_RETURN_NOTIMPLEMENTED;
        return NULL;
    }
    retval = vectorcall_unbound(unbound, func, args, nargs);
    Py_DECREF(func);
    return retval;
}

/* Does type(right).name differ from type(left).name?  (Then the reflected method
 * of a subclass on the right must be tried first.) */
static int method_is_overloaded(PyObject *left, PyObject *right, PyObject *name)
{
    PyObject *a, *b;
    int ok;
    if (_PyObject_LookupAttr((PyObject *)(Py_TYPE(right)), name, &b) < 0)
        return -1;
    if (b == NULL)
        return 0; /* If right doesn't have it, it's not overloaded */
    if (_PyObject_LookupAttr((PyObject *)(Py_TYPE(left)), name, &a) < 0) {
        Py_DECREF(b);
        return -1;
    }
    if (a == NULL) {
        Py_DECREF(b);
        return 1; /* If right has it but left doesn't, it's overloaded */
    }
    ok = PyObject_RichCompareBool(a, b, Py_NE);
    Py_DECREF(a);
    Py_DECREF(b);
    return ok;
}

#define SLOT0(FUNCNAME, DUNDER)                               \
    static PyObject *FUNCNAME(PyObject *self)                 \
    {                                                         \
        PyObject *stack[1] = {self};                          \
        return vectorcall_method(_Py_ID(DUNDER), stack, 1);   \
    }

#define SLOT1(FUNCNAME, DUNDER)                                 \
    static PyObject *FUNCNAME(PyObject *self, PyObject *arg1)   \
    {                                                           \
        PyObject *stack[2] = {self, arg1};                      \
        return vectorcall_method(_Py_ID(DUNDER), stack, 2);     \
    }

/* Binary operator on a class: try self.__op__(other), other.__rop__(self), with a
 * subclass on the right going first if it overrides __rop__. */
#define SLOT1BINFULL(FUNCNAME, TESTFUNC, SLOTNAME, DUNDER, RDUNDER)                      \
    static PyObject *FUNCNAME(PyObject *self, PyObject *other)                           \
    {                                                                                    \
        PyObject *stack[2];                                                              \
        int do_other = !Py_IS_TYPE(self, Py_TYPE(other)) &&                              \
                       Py_TYPE(other)->tp_as_number != NULL &&                           \
                       Py_TYPE(other)->tp_as_number->SLOTNAME == TESTFUNC;               \
        if (Py_TYPE(self)->tp_as_number != NULL &&                                       \
            Py_TYPE(self)->tp_as_number->SLOTNAME == TESTFUNC) {                         \
            PyObject *r;                                                                 \
            if (do_other && PyType_IsSubtype(Py_TYPE(other), Py_TYPE(self))) {           \
                int ok = method_is_overloaded(self, other, _Py_ID(RDUNDER));             \
                if (ok < 0)                                                              \
                    return NULL;                                                         \
                if (ok) {                                                                \
                    stack[0] = other;                                                    \
                    stack[1] = self;                                                     \
                    r = vectorcall_maybe(_Py_ID(RDUNDER), stack, 2);                     \
                    if (r != Py_NotImplemented)                                          \
                        return r;                                                        \
                    Py_DECREF(r);                                                        \
                    do_other = 0;                                                        \
                }                                                                        \
            }                                                                            \
            stack[0] = self;                                                             \
            stack[1] = other;                                                            \
            r = vectorcall_maybe(_Py_ID(DUNDER), stack, 2);                              \
            if (r != Py_NotImplemented || Py_IS_TYPE(other, Py_TYPE(self)))              \
                return r;                                                                \
            Py_DECREF(r);                                                                \
        }                                                                                \
        if (do_other) {                                                                  \
            stack[0] = other;                                                            \
            stack[1] = self;                                                             \
            return vectorcall_maybe(_Py_ID(RDUNDER), stack, 2);                          \
        }                                                                                \
        Py_RETURN_NOTIMPLEMENTED;                                                        \
    }

#define SLOT1BIN(FUNCNAME, SLOTNAME, DUNDER, RDUNDER) \
    SLOT1BINFULL(FUNCNAME, FUNCNAME, SLOTNAME, DUNDER, RDUNDER)

SLOT1BIN(slot_nb_add, nb_add, __add__, __radd__)
SLOT1BIN(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT1BIN(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT1BIN(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
SLOT1BIN(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT1BIN(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT1BIN(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT1BIN(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT1BIN(slot_nb_and, nb_and, __and__, __rand__)
SLOT1BIN(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT1BIN(slot_nb_or, nb_or, __or__, __ror__)
SLOT1BIN(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT1BIN(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)

static PyObject *slot_nb_power(PyObject *, PyObject *, PyObject *);
static PyObject *slot_nb_power_binary(PyObject *self, PyObject *other);
SLOT1BINFULL(slot_nb_power_binary, slot_nb_power, nb_power, __pow__, __rpow__)

static PyObject *slot_nb_power(PyObject *self, PyObject *other, PyObject *modulus)
{
    if (modulus == Py_None)
        return slot_nb_power_binary(self, other);
    /* Three-arg power doesn't use __rpow__.  But ternary_op can call this when the
     * second argument's type uses slot_nb_power, so check before calling self.__pow__. */
    if (Py_TYPE(self)->tp_as_number != NULL &&
        Py_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        PyObject *stack[3] = {self, other, modulus};
        return vectorcall_method(_Py_ID(__pow__), stack, 3);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

SLOT0(slot_nb_negative, __neg__)
SLOT0(slot_nb_positive, __pos__)
SLOT0(slot_nb_absolute, __abs__)
SLOT0(slot_nb_invert, __invert__)
SLOT0(slot_nb_int, __int__)
SLOT0(slot_nb_float, __float__)
SLOT0(slot_nb_index, __index__)
SLOT1(slot_nb_inplace_add, __iadd__)
SLOT1(slot_nb_inplace_subtract, __isub__)
SLOT1(slot_nb_inplace_multiply, __imul__)
SLOT1(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT1(slot_nb_inplace_remainder, __imod__)
SLOT1(slot_nb_inplace_lshift, __ilshift__)
SLOT1(slot_nb_inplace_rshift, __irshift__)
SLOT1(slot_nb_inplace_and, __iand__)
SLOT1(slot_nb_inplace_xor, __ixor__)
SLOT1(slot_nb_inplace_or, __ior__)
SLOT1(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT1(slot_nb_inplace_true_divide, __itruediv__)

static PyObject *slot_nb_inplace_power(PyObject *self, PyObject *arg1, PyObject *arg2)
{
    PyObject *stack[2] = {self, arg1};
    return vectorcall_method(_Py_ID(__ipow__), stack, 2);
}

static int slot_nb_bool(PyObject *self)
{
    PyObject *func, *value;
    int result, unbound, using_len = 0;
    func = lookup_maybe_method(self, _Py_ID(__bool__), &unbound);
    if (func == NULL) {
        if (PyErr_Occurred())
            return -1;
        func = lookup_maybe_method(self, _Py_ID(__len__), &unbound);
        if (func == NULL) {
            if (PyErr_Occurred())
                return -1;
            return 1;
        }
        using_len = 1;
    }
    value = call_unbound_noarg(unbound, func, self);
    Py_DECREF(func);
    if (value == NULL)
        return -1;
    if (using_len) {
        result = PyObject_IsTrue(value);
    }
    else if (PyBool_Check(value)) {
        result = PyObject_IsTrue(value);
    }
    else {
        PyErr_Format(PyExc_TypeError, "__bool__ should return bool, returned %s",
                     Py_TYPE(value)->tp_name);
        result = -1;
    }
    Py_DECREF(value);
    return result;
}

static Py_ssize_t slot_sq_length(PyObject *self)
{
    PyObject *stack[1] = {self};
    PyObject *res = vectorcall_method(_Py_ID(__len__), stack, 1);
    PyObject *idx;
    Py_ssize_t len;
    if (res == NULL)
        return -1;
    idx = _PyNumber_Index(res);
    Py_DECREF(res);
    if (idx == NULL)
        return -1;
    if (_PyLong_Sign(idx) < 0) {
        Py_DECREF(idx);
        PyErr_SetString(PyExc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    len = PyNumber_AsSsize_t(idx, PyExc_OverflowError);
    Py_DECREF(idx);
    return len;
}

static PyObject *slot_sq_item(PyObject *self, Py_ssize_t i)
{
    PyObject *retval, *stack[2];
    PyObject *ival = PyLong_FromSsize_t(i);
    if (ival == NULL)
        return NULL;
    stack[0] = self;
    stack[1] = ival;
    retval = vectorcall_method(_Py_ID(__getitem__), stack, 2);
    Py_DECREF(ival);
    return retval;
}

static int slot_sq_ass_item(PyObject *self, Py_ssize_t index, PyObject *value)
{
    PyObject *stack[3], *res, *index_obj = PyLong_FromSsize_t(index);
    if (index_obj == NULL)
        return -1;
    stack[0] = self;
    stack[1] = index_obj;
    if (value == NULL) {
        res = vectorcall_method(_Py_ID(__delitem__), stack, 2);
    }
    else {
        stack[2] = value;
        res = vectorcall_method(_Py_ID(__setitem__), stack, 3);
    }
    Py_DECREF(index_obj);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static int slot_sq_contains(PyObject *self, PyObject *value)
{
    PyObject *func, *res;
    int result = -1, unbound;
    func = lookup_maybe_method(self, _Py_ID(__contains__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a container",
                     Py_TYPE(self)->tp_name);
        return -1;
    }
    if (func != NULL) {
        PyObject *args[2] = {self, value};
        res = vectorcall_unbound(unbound, func, args, 2);
        Py_DECREF(func);
        if (res != NULL) {
            result = PyObject_IsTrue(res);
            Py_DECREF(res);
        }
    }
    else if (!PyErr_Occurred()) {
        /* Possible results: -1 and 1 */
        result = (int)_PySequence_IterSearch(self, value, PY_ITERSEARCH_CONTAINS);
    }
    return result;
}

#define slot_mp_length slot_sq_length

SLOT1(slot_mp_subscript, __getitem__)

static int slot_mp_ass_subscript(PyObject *self, PyObject *key, PyObject *value)
{
    PyObject *stack[3], *res;
    stack[0] = self;
    stack[1] = key;
    if (value == NULL) {
        res = vectorcall_method(_Py_ID(__delitem__), stack, 2);
    }
    else {
        stack[2] = value;
        res = vectorcall_method(_Py_ID(__setitem__), stack, 3);
    }
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *slot_tp_repr(PyObject *self)
{
    PyObject *func, *res;
    int unbound;
    func = lookup_maybe_method(self, _Py_ID(__repr__), &unbound);
    if (func != NULL) {
        res = call_unbound_noarg(unbound, func, self);
        Py_DECREF(func);
        return res;
    }
    PyErr_Clear();
    return PyUnicode_FromFormat("<%s object at %p>", Py_TYPE(self)->tp_name, self);
}

SLOT0(slot_tp_str, __str__)

static Py_hash_t slot_tp_hash(PyObject *self)
{
    PyObject *func, *res;
    Py_ssize_t h;
    int unbound;
    func = lookup_maybe_method(self, _Py_ID(__hash__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        func = NULL;
    }
    if (func == NULL)
        return PyObject_HashNotImplemented(self);
    res = call_unbound_noarg(unbound, func, self);
    Py_DECREF(func);
    if (res == NULL)
        return -1;
    if (!PyLong_Check(res)) {
        PyErr_SetString(PyExc_TypeError, "__hash__ method should return an integer");
        Py_DECREF(res);
        return -1;
    }
    /* Transform the PyLong `res` to a Py_hash_t `h`.  For an existing hashable Python
     * object x, hash(x) will always lie within the range of Py_hash_t, so a huge int
     * must come from a user's __hash__: rehash it as int does. */
    h = PyLong_AsSsize_t(res);
    if (h == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        h = PyLong_Type.tp_hash(res);
    }
    /* -1 is reserved for errors. */
    if (h == -1)
        h = -2;
    Py_DECREF(res);
    return h;
}

static PyObject *slot_tp_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *meth, *res;
    int unbound;
    meth = lookup_method(self, _Py_ID(__call__), &unbound);
    if (meth == NULL)
        return NULL;
    if (Py_EnterRecursiveCall(" in __call__")) {
        Py_DECREF(meth);
        return NULL;
    }
    if (unbound)
        res = _PyObject_Call_Prepend(meth, self, args, kwds);
    else
        res = PyObject_Call(meth, args, kwds);
    Py_LeaveRecursiveCall();
    Py_DECREF(meth);
    return res;
}

static PyObject *slot_tp_getattro(PyObject *self, PyObject *name)
{
    PyObject *stack[2] = {self, name};
    return vectorcall_method(_Py_ID(__getattribute__), stack, 2);
}

static PyObject *call_attribute(PyObject *self, PyObject *attr, PyObject *name)
{
    PyObject *res, *descr = NULL;
    descrgetfunc f = Py_TYPE(attr)->tp_descr_get;
    if (f != NULL) {
        descr = f(attr, self, (PyObject *)(Py_TYPE(self)));
        if (descr == NULL)
            return NULL;
        attr = descr;
    }
    res = PyObject_CallOneArg(attr, name);
    Py_XDECREF(descr);
    return res;
}

/* tp_getattro of classes defining __getattr__: run __getattribute__ (generic lookup
 * when it is object's), and on AttributeError fall back to __getattr__. */
static PyObject *slot_tp_getattr_hook(PyObject *self, PyObject *name)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *getattr, *getattribute, *res;

    getattr = _PyType_Lookup(tp, _Py_ID(__getattr__));
    if (getattr == NULL) {
        /* No __getattr__ hook: use a simpler dispatcher */
        tp->tp_getattro = slot_tp_getattro;
        return slot_tp_getattro(self, name);
    }
    Py_INCREF(getattr);
    getattribute = _PyType_Lookup(tp, _Py_ID(__getattribute__));
    if (getattribute == NULL ||
        (Py_IS_TYPE(getattribute, &PyWrapperDescr_Type) &&
         ((PyWrapperDescrObject *)getattribute)->d_wrapped == (void *)PyObject_GenericGetAttr)) {
        res = _PyObject_GenericGetAttrWithDict(self, name, NULL, 1);
    }
    else {
        Py_INCREF(getattribute);
        res = call_attribute(self, getattribute, name);
        Py_DECREF(getattribute);
    }
    if (res == NULL && (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_AttributeError))) {
        PyErr_Clear();
        res = call_attribute(self, getattr, name);
    }
    Py_DECREF(getattr);
    return res;
}

static int slot_tp_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyObject *stack[3], *res;
    stack[0] = self;
    stack[1] = name;
    if (value == NULL) {
        res = vectorcall_method(_Py_ID(__delattr__), stack, 2);
    }
    else {
        stack[2] = value;
        res = vectorcall_method(_Py_ID(__setattr__), stack, 3);
    }
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static PyObject *name_op[6];

static PyObject *slot_tp_richcompare(PyObject *self, PyObject *other, int op)
{
    int unbound;
    PyObject *func, *res;
    if (name_op[0] == NULL) {
        name_op[Py_LT] = _Py_ID(__lt__);
        name_op[Py_LE] = _Py_ID(__le__);
        name_op[Py_EQ] = _Py_ID(__eq__);
        name_op[Py_NE] = _Py_ID(__ne__);
        name_op[Py_GT] = _Py_ID(__gt__);
        name_op[Py_GE] = _Py_ID(__ge__);
    }
    func = lookup_maybe_method(self, name_op[op], &unbound);
    if (func == NULL) {
        PyErr_Clear();
        Py_RETURN_NOTIMPLEMENTED;
    }
    {
        PyObject *stack[2] = {self, other};
        res = vectorcall_unbound(unbound, func, stack, 2);
    }
    Py_DECREF(func);
    return res;
}

static PyObject *slot_tp_iter(PyObject *self)
{
    int unbound;
    PyObject *func, *res;
    func = lookup_maybe_method(self, _Py_ID(__iter__), &unbound);
    if (func == Py_None) {
        Py_DECREF(func);
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable", Py_TYPE(self)->tp_name);
        return NULL;
    }
    if (func != NULL) {
        res = call_unbound_noarg(unbound, func, self);
        Py_DECREF(func);
        return res;
    }
    if (PyErr_Occurred())
        return NULL;
    func = lookup_maybe_method(self, _Py_ID(__getitem__), &unbound);
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not iterable",
                         Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_DECREF(func);
    return PySeqIter_New(self);
}

static PyObject *slot_tp_iternext(PyObject *self)
{
    PyObject *stack[1] = {self};
    return vectorcall_method(_Py_ID(__next__), stack, 1);
}

static PyObject *slot_tp_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    PyTypeObject *tp = Py_TYPE(self);
    PyObject *get = _PyType_Lookup(tp, _Py_ID(__get__));
    PyObject *stack[3];
    if (get == NULL) {
        /* Avoid further slowdowns */
        if (tp->tp_descr_get == slot_tp_descr_get)
            tp->tp_descr_get = NULL;
        return Py_NewRef(self);
    }
    if (obj == NULL)
        obj = Py_None;
    if (type == NULL)
        type = Py_None;
    stack[0] = self;
    stack[1] = obj;
    stack[2] = type;
    return PyObject_Vectorcall(get, stack, 3, NULL);
}

static int slot_tp_descr_set(PyObject *self, PyObject *target, PyObject *value)
{
    PyObject *stack[3], *res;
    stack[0] = self;
    stack[1] = target;
    if (value == NULL) {
        res = vectorcall_method(_Py_ID(__delete__), stack, 2);
    }
    else {
        stack[2] = value;
        res = vectorcall_method(_Py_ID(__set__), stack, 3);
    }
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static int slot_tp_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    int unbound;
    PyObject *res, *meth = lookup_method(self, _Py_ID(__init__), &unbound);
    if (meth == NULL)
        return -1;
    if (unbound)
        res = _PyObject_Call_Prepend(meth, self, args, kwds);
    else
        res = PyObject_Call(meth, args, kwds);
    Py_DECREF(meth);
    if (res == NULL)
        return -1;
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return -1;
    }
    Py_DECREF(res);
    return 0;
}

/* tp_vectorcall of classes made by type_new: Foo(x) without an args tuple or kwargs dict
 * when object.__new__ allocates and a Python __init__ (slot_tp_init) initialises — the
 * common case.  Anything else goes the tp_call way (type_call).  tp_new/tp_init are read
 * at each call, so later assignments to __new__/__init__ are honoured. */
static PyObject *heaptype_vectorcall_body(PyObject *callable, PyObject *const *args,
                                          size_t nargsf, PyObject *kwnames);

/* 3.11 calls classes through _PyObject_MakeTpCall, which counts one level of recursion
 * (" while calling a Python object") besides the __init__ frame: so does this. */
static PyObject *heaptype_vectorcall(PyObject *callable, PyObject *const *args, size_t nargsf,
                                     PyObject *kwnames)
{
    PyObject *res;
    if (Py_EnterRecursiveCall(" while calling a Python object"))
        return NULL;
    res = heaptype_vectorcall_body(callable, args, nargsf, kwnames);
    Py_LeaveRecursiveCall();
    return res;
}

static PyObject *heaptype_vectorcall_body(PyObject *callable, PyObject *const *args,
                                          size_t nargsf, PyObject *kwnames)
{
    PyTypeObject *type = (PyTypeObject *)callable;
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf), nkw;
    PyObject *empty, *obj, *meth, *res, *small[8], **stack;
    descrgetfunc f;
    if (type->tp_new != object_new)
        goto generic;
    nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (type->tp_init == object_init && nargs == 0 && nkw == 0)
        meth = NULL; /* object.__init__ with no arguments does nothing */
    else if (type->tp_init == slot_tp_init)
        meth = _PyType_Lookup(type, _Py_ID(__init__));
    else
        goto generic;
    if (type->tp_init == slot_tp_init && meth == NULL)
        goto generic;
    /* object_new with no arguments: the abstract-class check, then tp_alloc */
    empty = PyTuple_New(0);
    if (empty == NULL)
        return NULL;
    obj = object_new(type, empty, NULL);
    Py_DECREF(empty);
    if (obj == NULL || meth == NULL)
        return obj;
    Py_INCREF(meth);
    f = Py_TYPE(meth)->tp_descr_get;
    if (PyType_HasFeature(Py_TYPE(meth), Py_TPFLAGS_METHOD_DESCRIPTOR)) {
        /* call meth(obj, *args, **kw) with obj in front of the arguments */
        Py_ssize_t total = nargs + nkw;
        if (nargsf & PY_VECTORCALL_ARGUMENTS_OFFSET) {
            PyObject **slot = (PyObject **)args - 1, *saved = *slot;
            *slot = obj;
            res = PyObject_Vectorcall(meth, slot, (size_t)(nargs + 1), kwnames);
            *slot = saved;
        }
        else {
            if (total + 1 <= (Py_ssize_t)Py_ARRAY_LENGTH(small)) {
                stack = small;
            }
            else {
                stack = PyMem_Malloc((size_t)(total + 1) * sizeof(PyObject *));
                if (stack == NULL) {
                    Py_DECREF(meth);
                    Py_DECREF(obj);
                    return PyErr_NoMemory();
                }
            }
            stack[0] = obj;
            memcpy(stack + 1, args, (size_t)total * sizeof(PyObject *));
            res = PyObject_Vectorcall(meth, stack, (size_t)(nargs + 1), kwnames);
            if (stack != small)
                PyMem_Free(stack);
        }
    }
    else {
        PyObject *bound = f == NULL ? Py_NewRef(meth) : f(meth, obj, (PyObject *)type);
        res = bound == NULL ? NULL : PyObject_Vectorcall(bound, args, (size_t)nargs, kwnames);
        Py_XDECREF(bound);
    }
    Py_DECREF(meth);
    if (res == NULL) {
        Py_DECREF(obj);
        return NULL;
    }
    if (res != Py_None) {
        PyErr_Format(PyExc_TypeError, "__init__() should return None, not '%.200s'",
                     Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        Py_DECREF(obj);
        return NULL;
    }
    Py_DECREF(res);
    return obj;
generic:
    /* type_call by hand (_PyObject_MakeTpCall would count the recursion level again) */
    {
        PyObject *argstuple = _PyTuple_FromArray(args, nargs), *kwargs = NULL;
        if (argstuple == NULL)
            return NULL;
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) > 0) {
            kwargs = _PyStack_AsDict(args + nargs, kwnames);
            if (kwargs == NULL) {
                Py_DECREF(argstuple);
                return NULL;
            }
        }
        res = Py_TYPE(callable)->tp_call(callable, argstuple, kwargs);
        Py_DECREF(argstuple);
        Py_XDECREF(kwargs);
        return _Py_CheckFunctionResult(callable, res, NULL);
    }
}

/* The eval loop's instance creation (3.12's CALL_ALLOC_AND_ENTER_INIT): for a class made
 * by type_new whose instances come from object.__new__ and whose __init__ is a plain
 * Python function, allocate the instance here and hand __init__ back, so the loop runs it
 * as an ordinary Python call (no C recursion) and checks for None on the way back.
 * 1: *obj (new) and *init (borrowed from the MRO) are set; 0: not applicable, use the
 * generic call; -1: error (abstract class, no memory). */
/* What _PyType_Lookup(type, "__init__") found (borrowed, maybe NULL), remembered per
 * version tag as 3.11 keeps the init function on the type: a tag is never reused and any
 * change to the type, its bases or their dicts gives it a new one. */
#define INIT_CACHE_SIZE 64
static struct {
    unsigned int version;
    PyObject *init;
} init_cache[INIT_CACHE_SIZE];

static PyObject *lookup_init(PyTypeObject *type)
{
    unsigned int v = type->tp_version_tag;
    if (v != 0 && (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) &&
        init_cache[v % INIT_CACHE_SIZE].version == v)
        return init_cache[v % INIT_CACHE_SIZE].init;
    PyObject *meth = _PyType_Lookup(type, _Py_ID(__init__)); /* assigns the tag */
    v = type->tp_version_tag;
    if (v != 0 && (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG)) {
        init_cache[v % INIT_CACHE_SIZE].version = v;
        init_cache[v % INIT_CACHE_SIZE].init = meth;
    }
    return meth;
}

int _PyType_PrepareInitCall(PyTypeObject *type, PyObject **obj, PyObject **init)
{
    PyObject *meth;
    if (type->tp_vectorcall != heaptype_vectorcall || type->tp_new != object_new ||
        type->tp_init != slot_tp_init)
        return 0;
    meth = lookup_init(type);
    if (meth == NULL || !PyFunction_Check(meth) ||
        (((PyCodeObject *)((PyFunctionObject *)meth)->func_code)->co_flags &
         (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)))
        return 0;
    if (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
        /* object_new raises the "Can't instantiate abstract class" error */
        PyObject *empty = PyTuple_New(0), *res;
        if (empty == NULL)
            return -1;
        res = object_new(type, empty, NULL);
        Py_DECREF(empty);
        if (res == NULL)
            return -1;
        *obj = res;
    }
    else if ((*obj = type->tp_alloc == PyType_GenericAlloc && PyType_IS_GC(type) &&
                         type->tp_itemsize == 0
                     ? _PyObject_GC_NewZeroedTracked(type)  /* PyType_GenericAlloc's case */
                     : type->tp_alloc(type, 0)) == NULL) {
        return -1;
    }
    *init = meth;
    return 1;
}

static PyObject *slot_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *func, *result;
    func = PyObject_GetAttr((PyObject *)type, _Py_ID(__new__));
    if (func == NULL)
        return NULL;
    result = _PyObject_Call_Prepend(func, (PyObject *)type, args, kwds);
    Py_DECREF(func);
    return result;
}

static void slot_tp_finalize(PyObject *self)
{
    int unbound;
    PyObject *del, *res, *error_type, *error_value, *error_traceback;
    /* Save the current exception, if any. */
    PyErr_Fetch(&error_type, &error_value, &error_traceback);
    del = lookup_maybe_method(self, _Py_ID(__del__), &unbound);
    if (del != NULL) {
        res = call_unbound_noarg(unbound, del, self);
        if (res == NULL)
            PyErr_WriteUnraisable(del);
        else
            Py_DECREF(res);
        Py_DECREF(del);
    }
    PyErr_Restore(error_type, error_value, error_traceback);
}

static PyObject *slot_am_generic(PyObject *self, PyObject *name, const char *what)
{
    int unbound;
    PyObject *res, *func = lookup_maybe_method(self, name, &unbound);
    if (func != NULL) {
        res = call_unbound_noarg(unbound, func, self);
        Py_DECREF(func);
        return res;
    }
    PyErr_Format(PyExc_AttributeError, "object %.50s does not have %s method",
                 Py_TYPE(self)->tp_name, what);
    return NULL;
}

static PyObject *slot_am_await(PyObject *self)
{
    return slot_am_generic(self, _Py_ID(__await__), "__await__");
}

static PyObject *slot_am_aiter(PyObject *self)
{
    return slot_am_generic(self, _Py_ID(__aiter__), "__aiter__");
}

static PyObject *slot_am_anext(PyObject *self)
{
    return slot_am_generic(self, _Py_ID(__anext__), "__anext__");
}

/* ---------------------------------------------------------------- slotdefs */

/* The table mapping each dunder to its C slot: `function` is the slot_* installed in
 * classes defining the dunder, `wrapper` is the wrap_* exposing a C slot as a slot
 * wrapper descriptor.  Entries sharing a slot (offset) are adjacent. */
#undef TPSLOT
#undef FLSLOT
#undef AMSLOT
#undef ETSLOT
#undef SQSLOT
#undef MPSLOT
#undef NBSLOT
#undef UNSLOT
#undef IBSLOT
#undef BINSLOT
#undef RBINSLOT

#define ETSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    {#NAME, offsetof(PyHeapTypeObject, SLOT), (void *)(FUNCTION), WRAPPER, DOC, 0, NULL}
#define FLSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC, FLAGS)                              \
    {#NAME, offsetof(PyTypeObject, SLOT), (void *)(FUNCTION), (wrapperfunc)(void (*)(void))(WRAPPER), \
     DOC, FLAGS, NULL}
#define TPSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    {#NAME, offsetof(PyTypeObject, SLOT), (void *)(FUNCTION), WRAPPER, DOC, 0, NULL}
#define AMSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_async.SLOT, FUNCTION, WRAPPER, DOC)
#define SQSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_sequence.SLOT, FUNCTION, WRAPPER, DOC)
#define MPSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_mapping.SLOT, FUNCTION, WRAPPER, DOC)
#define NBSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, WRAPPER, DOC)
#define UNSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, WRAPPER, #NAME "($self, /)\n--\n\n" DOC)
#define IBSLOT(NAME, SLOT, FUNCTION, WRAPPER, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, WRAPPER, #NAME "($self, value, /)\n--\n\nReturn self" DOC "value.")
#define BINSLOT(NAME, SLOT, FUNCTION, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_l, #NAME "($self, value, /)\n--\n\nReturn self" DOC "value.")
#define BINSLOTNOTINFIX(NAME, SLOT, FUNCTION, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_l, #NAME "($self, value, /)\n--\n\n" DOC)
#define RBINSLOT(NAME, SLOT, FUNCTION, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_r, #NAME "($self, value, /)\n--\n\nReturn value" DOC "self.")
#define RBINSLOTNOTINFIX(NAME, SLOT, FUNCTION, DOC) \
    ETSLOT(NAME, as_number.SLOT, FUNCTION, wrap_binaryfunc_r, #NAME "($self, value, /)\n--\n\n" DOC)

static struct wrapperbase slotdefs[] = {
    TPSLOT(__repr__, tp_repr, slot_tp_repr, wrap_unaryfunc,
           "__repr__($self, /)\n--\n\nReturn repr(self)."),
    TPSLOT(__hash__, tp_hash, slot_tp_hash, wrap_hashfunc,
           "__hash__($self, /)\n--\n\nReturn hash(self)."),
    FLSLOT(__call__, tp_call, slot_tp_call, wrap_call,
           "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function.",
           PyWrapperFlag_KEYWORDS),
    TPSLOT(__str__, tp_str, slot_tp_str, wrap_unaryfunc,
           "__str__($self, /)\n--\n\nReturn str(self)."),
    TPSLOT(__getattribute__, tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
           "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
    TPSLOT(__getattr__, tp_getattro, slot_tp_getattr_hook, NULL, ""),
    TPSLOT(__setattr__, tp_setattro, slot_tp_setattro, wrap_setattr,
           "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    TPSLOT(__delattr__, tp_setattro, slot_tp_setattro, wrap_delattr,
           "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
    TPSLOT(__lt__, tp_richcompare, slot_tp_richcompare, richcmp_lt,
           "__lt__($self, value, /)\n--\n\nReturn self<value."),
    TPSLOT(__le__, tp_richcompare, slot_tp_richcompare, richcmp_le,
           "__le__($self, value, /)\n--\n\nReturn self<=value."),
    TPSLOT(__eq__, tp_richcompare, slot_tp_richcompare, richcmp_eq,
           "__eq__($self, value, /)\n--\n\nReturn self==value."),
    TPSLOT(__ne__, tp_richcompare, slot_tp_richcompare, richcmp_ne,
           "__ne__($self, value, /)\n--\n\nReturn self!=value."),
    TPSLOT(__gt__, tp_richcompare, slot_tp_richcompare, richcmp_gt,
           "__gt__($self, value, /)\n--\n\nReturn self>value."),
    TPSLOT(__ge__, tp_richcompare, slot_tp_richcompare, richcmp_ge,
           "__ge__($self, value, /)\n--\n\nReturn self>=value."),
    TPSLOT(__iter__, tp_iter, slot_tp_iter, wrap_unaryfunc,
           "__iter__($self, /)\n--\n\nImplement iter(self)."),
    TPSLOT(__next__, tp_iternext, slot_tp_iternext, wrap_next,
           "__next__($self, /)\n--\n\nImplement next(self)."),
    TPSLOT(__get__, tp_descr_get, slot_tp_descr_get, wrap_descr_get,
           "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
    TPSLOT(__set__, tp_descr_set, slot_tp_descr_set, wrap_descr_set,
           "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    TPSLOT(__delete__, tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
           "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
    FLSLOT(__init__, tp_init, slot_tp_init, wrap_init,
           "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature.",
           PyWrapperFlag_KEYWORDS),
    TPSLOT(__new__, tp_new, slot_tp_new, NULL,
           "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See help(type) for accurate signature."),
    TPSLOT(__del__, tp_finalize, slot_tp_finalize, wrap_del, ""),

    AMSLOT(__await__, am_await, slot_am_await, wrap_unaryfunc,
           "__await__($self, /)\n--\n\nReturn an iterator to be used in await expression."),
    AMSLOT(__aiter__, am_aiter, slot_am_aiter, wrap_unaryfunc,
           "__aiter__($self, /)\n--\n\nReturn an awaitable, that resolves in asynchronous iterator."),
    AMSLOT(__anext__, am_anext, slot_am_anext, wrap_unaryfunc,
           "__anext__($self, /)\n--\n\nReturn a value or raise StopAsyncIteration."),

    BINSLOT(__add__, nb_add, slot_nb_add, "+"),
    RBINSLOT(__radd__, nb_add, slot_nb_add, "+"),
    BINSLOT(__sub__, nb_subtract, slot_nb_subtract, "-"),
    RBINSLOT(__rsub__, nb_subtract, slot_nb_subtract, "-"),
    BINSLOT(__mul__, nb_multiply, slot_nb_multiply, "*"),
    RBINSLOT(__rmul__, nb_multiply, slot_nb_multiply, "*"),
    BINSLOT(__mod__, nb_remainder, slot_nb_remainder, "%"),
    RBINSLOT(__rmod__, nb_remainder, slot_nb_remainder, "%"),
    BINSLOTNOTINFIX(__divmod__, nb_divmod, slot_nb_divmod, "Return divmod(self, value)."),
    RBINSLOTNOTINFIX(__rdivmod__, nb_divmod, slot_nb_divmod, "Return divmod(value, self)."),
    NBSLOT(__pow__, nb_power, slot_nb_power, wrap_ternaryfunc,
           "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    NBSLOT(__rpow__, nb_power, slot_nb_power, wrap_ternaryfunc_r,
           "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    UNSLOT(__neg__, nb_negative, slot_nb_negative, wrap_unaryfunc, "-self"),
    UNSLOT(__pos__, nb_positive, slot_nb_positive, wrap_unaryfunc, "+self"),
    UNSLOT(__abs__, nb_absolute, slot_nb_absolute, wrap_unaryfunc, "abs(self)"),
    UNSLOT(__bool__, nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    UNSLOT(__invert__, nb_invert, slot_nb_invert, wrap_unaryfunc, "~self"),
    BINSLOT(__lshift__, nb_lshift, slot_nb_lshift, "<<"),
    RBINSLOT(__rlshift__, nb_lshift, slot_nb_lshift, "<<"),
    BINSLOT(__rshift__, nb_rshift, slot_nb_rshift, ">>"),
    RBINSLOT(__rrshift__, nb_rshift, slot_nb_rshift, ">>"),
    BINSLOT(__and__, nb_and, slot_nb_and, "&"),
    RBINSLOT(__rand__, nb_and, slot_nb_and, "&"),
    BINSLOT(__xor__, nb_xor, slot_nb_xor, "^"),
    RBINSLOT(__rxor__, nb_xor, slot_nb_xor, "^"),
    BINSLOT(__or__, nb_or, slot_nb_or, "|"),
    RBINSLOT(__ror__, nb_or, slot_nb_or, "|"),
    UNSLOT(__int__, nb_int, slot_nb_int, wrap_unaryfunc, "int(self)"),
    UNSLOT(__float__, nb_float, slot_nb_float, wrap_unaryfunc, "float(self)"),
    IBSLOT(__iadd__, nb_inplace_add, slot_nb_inplace_add, wrap_binaryfunc, "+="),
    IBSLOT(__isub__, nb_inplace_subtract, slot_nb_inplace_subtract, wrap_binaryfunc, "-="),
    IBSLOT(__imul__, nb_inplace_multiply, slot_nb_inplace_multiply, wrap_binaryfunc, "*="),
    IBSLOT(__imod__, nb_inplace_remainder, slot_nb_inplace_remainder, wrap_binaryfunc, "%="),
    IBSLOT(__ipow__, nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc, "**="),
    IBSLOT(__ilshift__, nb_inplace_lshift, slot_nb_inplace_lshift, wrap_binaryfunc, "<<="),
    IBSLOT(__irshift__, nb_inplace_rshift, slot_nb_inplace_rshift, wrap_binaryfunc, ">>="),
    IBSLOT(__iand__, nb_inplace_and, slot_nb_inplace_and, wrap_binaryfunc, "&="),
    IBSLOT(__ixor__, nb_inplace_xor, slot_nb_inplace_xor, wrap_binaryfunc, "^="),
    IBSLOT(__ior__, nb_inplace_or, slot_nb_inplace_or, wrap_binaryfunc, "|="),
    BINSLOT(__floordiv__, nb_floor_divide, slot_nb_floor_divide, "//"),
    RBINSLOT(__rfloordiv__, nb_floor_divide, slot_nb_floor_divide, "//"),
    BINSLOT(__truediv__, nb_true_divide, slot_nb_true_divide, "/"),
    RBINSLOT(__rtruediv__, nb_true_divide, slot_nb_true_divide, "/"),
    IBSLOT(__ifloordiv__, nb_inplace_floor_divide, slot_nb_inplace_floor_divide, wrap_binaryfunc, "//="),
    IBSLOT(__itruediv__, nb_inplace_true_divide, slot_nb_inplace_true_divide, wrap_binaryfunc, "/="),
    UNSLOT(__index__, nb_index, slot_nb_index, wrap_unaryfunc,
           "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BINSLOT(__matmul__, nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    RBINSLOT(__rmatmul__, nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBSLOT(__imatmul__, nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, wrap_binaryfunc, "@="),

    MPSLOT(__len__, mp_length, slot_mp_length, wrap_lenfunc,
           "__len__($self, /)\n--\n\nReturn len(self)."),
    MPSLOT(__getitem__, mp_subscript, slot_mp_subscript, wrap_binaryfunc,
           "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    MPSLOT(__setitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc,
           "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    MPSLOT(__delitem__, mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem,
           "__delitem__($self, key, /)\n--\n\nDelete self[key]."),

    SQSLOT(__len__, sq_length, slot_sq_length, wrap_lenfunc,
           "__len__($self, /)\n--\n\nReturn len(self)."),
    /* Heap types defining __add__/__mul__ have those slots filled in by slot_nb_add
       and slot_nb_multiply, so sq_concat / sq_repeat get no `function`. */
    SQSLOT(__add__, sq_concat, NULL, wrap_binaryfunc,
           "__add__($self, value, /)\n--\n\nReturn self+value."),
    SQSLOT(__mul__, sq_repeat, NULL, wrap_indexargfunc,
           "__mul__($self, value, /)\n--\n\nReturn self*value."),
    SQSLOT(__rmul__, sq_repeat, NULL, wrap_indexargfunc,
           "__rmul__($self, value, /)\n--\n\nReturn value*self."),
    SQSLOT(__getitem__, sq_item, slot_sq_item, wrap_sq_item,
           "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    SQSLOT(__setitem__, sq_ass_item, slot_sq_ass_item, wrap_sq_setitem,
           "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    SQSLOT(__delitem__, sq_ass_item, slot_sq_ass_item, wrap_sq_delitem,
           "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    SQSLOT(__contains__, sq_contains, slot_sq_contains, wrap_objobjproc,
           "__contains__($self, key, /)\n--\n\nReturn key in self."),
    SQSLOT(__iadd__, sq_inplace_concat, NULL, wrap_binaryfunc,
           "__iadd__($self, value, /)\n--\n\nImplement self+=value."),
    SQSLOT(__imul__, sq_inplace_repeat, NULL, wrap_indexargfunc,
           "__imul__($self, value, /)\n--\n\nImplement self*=value."),
    {NULL, 0, NULL, NULL, NULL, 0, NULL},
};

static int slotdefs_initialized;

static int init_slotdefs(void)
{
    struct wrapperbase *p;
    if (slotdefs_initialized)
        return 0;
    for (p = slotdefs; p->name; p++) {
        p->name_strobj = PyUnicode_InternFromString(p->name);
        if (p->name_strobj == NULL)
            return -1;
    }
    slotdefs_initialized = 1;
    return 0;
}

/* Address of the slot at `offset` (relative to PyHeapTypeObject) in type, or NULL
 * when the sub-table is missing. */
static void **slotptr(PyTypeObject *type, int ioffset)
{
    char *ptr;
    size_t offset = (size_t)ioffset;
    if (offset >= offsetof(PyHeapTypeObject, as_buffer)) {
        ptr = (char *)type->tp_as_buffer;
        offset -= offsetof(PyHeapTypeObject, as_buffer);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_sequence)) {
        ptr = (char *)type->tp_as_sequence;
        offset -= offsetof(PyHeapTypeObject, as_sequence);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_mapping)) {
        ptr = (char *)type->tp_as_mapping;
        offset -= offsetof(PyHeapTypeObject, as_mapping);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_number)) {
        ptr = (char *)type->tp_as_number;
        offset -= offsetof(PyHeapTypeObject, as_number);
    }
    else if (offset >= offsetof(PyHeapTypeObject, as_async)) {
        ptr = (char *)type->tp_as_async;
        offset -= offsetof(PyHeapTypeObject, as_async);
    }
    else {
        ptr = (char *)type;
    }
    if (ptr != NULL)
        ptr += offset;
    return (void **)ptr;
}

/* For a name served by several slots (__len__, __getitem__, ...): the one slot of
 * this type that is filled, or NULL if zero or several are. */
static void **resolve_slotdups(PyTypeObject *type, PyObject *name)
{
    struct wrapperbase *p;
    void **res = NULL, **ptr;
    for (p = slotdefs; p->name_strobj; p++) {
        if (p->name_strobj == name) {
            ptr = slotptr(type, p->offset);
            if (ptr == NULL || *ptr == NULL)
                continue;
            if (res != NULL)
                return NULL;
            res = ptr;
        }
    }
    return res;
}

/* Recompute one C slot of a class from the attributes its MRO now provides.  A C
 * slot wrapper for exactly this slot is short-circuited to the C function. */
static struct wrapperbase *update_one_slot(PyTypeObject *type, struct wrapperbase *p)
{
    PyObject *descr;
    PyWrapperDescrObject *d;
    void *generic = NULL, *specific = NULL;
    int use_generic = 0, error;
    int offset = p->offset;
    void **ptr = slotptr(type, offset);

    if (ptr == NULL) {
        do {
            ++p;
        } while (p->offset == offset);
        return p;
    }
    do {
        descr = find_name_in_mro(type, p->name_strobj, &error);
        if (descr == NULL) {
            if (error == -1)
                PyErr_Clear();
            if (ptr == (void **)&type->tp_iternext)
                specific = (void *)_PyObject_NextNotImplemented;
            continue;
        }
        if (Py_IS_TYPE(descr, &PyWrapperDescr_Type) &&
            ((PyWrapperDescrObject *)descr)->d_base->name_strobj == p->name_strobj) {
            void **tptr = resolve_slotdups(type, p->name_strobj);
            if (tptr == NULL || tptr == ptr)
                generic = p->function;
            d = (PyWrapperDescrObject *)descr;
            if ((specific == NULL || specific == d->d_wrapped) && d->d_base->wrapper == p->wrapper &&
                PyType_IsSubtype(type, PyDescr_TYPE(d)))
                specific = d->d_wrapped;
            else
                use_generic = 1;
        }
        else if (PyCFunction_Check(descr) &&
                 PyCFunction_GetFunction(descr) == (PyCFunction)(void (*)(void))tp_new_wrapper &&
                 ptr == (void **)&type->tp_new) {
            /* The __new__ wrapper is not a wrapper descriptor, so must be special-cased
             * differently.  If we don't do this, creating an instance will always use
             * slot_tp_new which will look up __new__ in the MRO which will call
             * tp_new_wrapper which will look through the base classes looking for a
             * static base and call its tp_new (usually PyType_GenericNew), after
             * performing various sanity checks and constructing a new argument list.
             * Cut all that nonsense short -- this speeds up instance creation
             * tremendously. */
            specific = (void *)type->tp_new;
            /* XXX I'm not 100% sure that there isn't a hole in this reasoning that
             * requires additional sanity checks. */
        }
        else if (descr == Py_None && ptr == (void **)&type->tp_hash) {
            /* We specifically allow __hash__ to be set to None to prevent inheritance
             * of the default implementation from object.__hash__ */
            specific = (void *)PyObject_HashNotImplemented;
        }
        else {
            use_generic = 1;
            generic = p->function;
            if (p->function == (void *)slot_tp_call) {
                /* A generic __call__ is incompatible with vectorcall */
                type->tp_flags &= ~Py_TPFLAGS_HAVE_VECTORCALL;
            }
        }
    } while ((++p)->offset == offset);
    if (specific && !use_generic)
        *ptr = specific;
    else
        *ptr = generic;
    return p;
}

/* After class creation: every slot from the class's (inherited) attributes. */
static void fixup_slot_dispatchers(PyTypeObject *type)
{
    struct wrapperbase *p;
    if (init_slotdefs() < 0)
        return;
    for (p = slotdefs; p->name;)
        p = update_one_slot(type, p);
}

/* Re-run the slots for `name` in type and every subclass that does not itself
 * define name (called when a dunder is assigned or deleted on a class). */
static void update_slots_recursive(PyTypeObject *type, PyObject *name, struct wrapperbase **pp)
{
    struct wrapperbase **ip;
    PyObject *subclasses = type->tp_subclasses;
    PyType_Modified(type);
    for (ip = pp; *ip; ip++) {
        struct wrapperbase *p = *ip;
        /* find the start of this slot's group */
        while (p > slotdefs && (p - 1)->offset == p->offset)
            p--;
        update_one_slot(type, p);
    }
    if (subclasses != NULL) {
        Py_ssize_t i = 0;
        PyObject *key, *ref;
        PyObject *snapshot = PyDict_Values(subclasses);
        Py_ssize_t n;
        (void)i;
        (void)key;
        (void)ref;
        if (snapshot == NULL) {
            PyErr_Clear();
            return;
        }
        n = PyList_GET_SIZE(snapshot);
        for (i = 0; i < n; i++) {
            PyTypeObject *sub = (PyTypeObject *)PyLong_AsVoidPtr(PyList_GET_ITEM(snapshot, i));
            int r;
            if (sub == NULL || sub->tp_dict == NULL)
                continue;
            r = PyDict_Contains(sub->tp_dict, name);
            if (r > 0)
                continue; /* the subclass overrides it: unaffected */
            if (r < 0)
                PyErr_Clear();
            update_slots_recursive(sub, name, pp);
        }
        Py_DECREF(snapshot);
    }
}

static int update_slot(PyTypeObject *type, PyObject *name)
{
    struct wrapperbase *ptrs[10];
    struct wrapperbase *p;
    int n = 0;
    if (init_slotdefs() < 0)
        return -1;
    for (p = slotdefs; p->name; p++) {
        if (p->name_strobj == name && n < 9)
            ptrs[n++] = p;
    }
    ptrs[n] = NULL;
    if (n == 0)
        return 0;
    update_slots_recursive(type, name, ptrs);
    return 0;
}

/* Static types: put a slot wrapper in the dict for every filled C slot. */
static int add_operators(PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    struct wrapperbase *p;
    PyObject *descr;
    void **ptr;
    if (init_slotdefs() < 0)
        return -1;
    for (p = slotdefs; p->name; p++) {
        int r;
        if (p->wrapper == NULL)
            continue;
        ptr = slotptr(type, p->offset);
        if (!ptr || !*ptr)
            continue;
        r = PyDict_Contains(dict, p->name_strobj);
        if (r > 0)
            continue;
        if (r < 0)
            return -1;
        if (*ptr == (void *)PyObject_HashNotImplemented) {
            /* Classes may prevent the inheritance of the tp_hash slot by storing
             * PyObject_HashNotImplemented in it.  Make it visible as a None value
             * for the __hash__ attribute. */
            if (PyDict_SetItem(dict, p->name_strobj, Py_None) < 0)
                return -1;
        }
        else {
            descr = PyDescr_NewWrapper(type, p, *ptr);
            if (descr == NULL)
                return -1;
            r = PyDict_SetItem(dict, p->name_strobj, descr);
            Py_DECREF(descr);
            if (r < 0)
                return -1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------- type attributes */

static int check_set_special_type_attr(PyTypeObject *type, PyObject *value, const char *name)
{
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                     type->tp_name);
        return 0;
    }
    if (!value) {
        PyErr_Format(PyExc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                     name, type->tp_name);
        return 0;
    }
    if (PySys_Audit("object.__setattr__", "OsO", type, name, value) < 0)
        return 0;
    return 1;
}

static PyObject *type_name(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_name);
    return PyUnicode_FromString(_PyType_Name(type));
}

static PyObject *type_qualname(PyTypeObject *type, void *context)
{
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE)
        return Py_NewRef(((PyHeapTypeObject *)type)->ht_qualname);
    return PyUnicode_FromString(_PyType_Name(type));
}

static int type_set_name(PyTypeObject *type, PyObject *value, void *context)
{
    const char *tp_name;
    Py_ssize_t name_size;
    if (!check_set_special_type_attr(type, value, "__name__"))
        return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__name__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    tp_name = PyUnicode_AsUTF8AndSize(value, &name_size);
    if (tp_name == NULL)
        return -1;
    if (strlen(tp_name) != (size_t)name_size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        return -1;
    }
    type->tp_name = tp_name;
    Py_INCREF(value);
    Py_SETREF(((PyHeapTypeObject *)type)->ht_name, value);
    return 0;
}

static int type_set_qualname(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__qualname__"))
        return -1;
    if (!PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                     type->tp_name, Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_INCREF(value);
    Py_SETREF(((PyHeapTypeObject *)type)->ht_qualname, value);
    return 0;
}

static PyObject *type_module(PyTypeObject *type, void *context)
{
    PyObject *mod;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__module__));
        if (mod == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_AttributeError, "__module__");
            return NULL;
        }
        return Py_NewRef(mod);
    }
    {
        const char *s = strrchr(type->tp_name, '.');
        if (s != NULL)
            return PyUnicode_FromStringAndSize(type->tp_name, (Py_ssize_t)(s - type->tp_name));
        return Py_NewRef(_Py_ID(builtins));
    }
}

static int type_set_module(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__module__"))
        return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID(__module__), value);
}

static PyObject *type_abstractmethods(PyTypeObject *type, void *context)
{
    PyObject *mod = NULL;
    /* type itself has an __abstractmethods__ descriptor (this). Don't return that. */
    if (type != &PyType_Type)
        mod = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__abstractmethods__));
    if (!mod) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
        return NULL;
    }
    return Py_NewRef(mod);
}

static int type_set_abstractmethods(PyTypeObject *type, PyObject *value, void *context)
{
    /* __abstractmethods__ should only be set once on a type, in abc.ABCMeta.__new__,
     * so this function doesn't do anything special to update subclasses. */
    int abstract, res;
    if (value != NULL) {
        abstract = PyObject_IsTrue(value);
        if (abstract < 0)
            return -1;
        res = PyDict_SetItem(type->tp_dict, _Py_ID(__abstractmethods__), value);
    }
    else {
        abstract = 0;
        res = PyDict_DelItem(type->tp_dict, _Py_ID(__abstractmethods__));
        if (res && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetObject(PyExc_AttributeError, _Py_ID(__abstractmethods__));
            return -1;
        }
    }
    if (res == 0) {
        PyType_Modified(type);
        if (abstract)
            type->tp_flags |= Py_TPFLAGS_IS_ABSTRACT;
        else
            type->tp_flags &= ~Py_TPFLAGS_IS_ABSTRACT;
    }
    return res;
}

static PyObject *type_get_bases(PyTypeObject *type, void *context)
{
    return Py_NewRef(type->tp_bases);
}

static int mro_hierarchy(PyTypeObject *type)
{
    PyObject *old_mro = NULL, *subs;
    Py_ssize_t i, n;
    int res = mro_internal(type, &old_mro);
    if (res <= 0)
        return res;   /* error, or a re-entrant call already did the work */
    Py_XDECREF(old_mro);
    subs = _PyType_GetSubclasses(type);
    if (subs == NULL)
        return -1;
    n = PyList_GET_SIZE(subs);
    for (i = 0; i < n; i++) {
        if (mro_hierarchy((PyTypeObject *)PyList_GET_ITEM(subs, i)) < 0) {
            Py_DECREF(subs);
            return -1;
        }
    }
    Py_DECREF(subs);
    return 0;
}

static int compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr);

static void update_all_slots(PyTypeObject *type)
{
    struct wrapperbase *p;
    PyObject *subs;
    Py_ssize_t i;
    PyType_Modified(type);
    for (p = slotdefs; p->name;)
        p = update_one_slot(type, p);
    subs = _PyType_GetSubclasses(type);
    if (subs == NULL) {
        PyErr_Clear();
        return;
    }
    for (i = 0; i < PyList_GET_SIZE(subs); i++)
        update_all_slots((PyTypeObject *)PyList_GET_ITEM(subs, i));
    Py_DECREF(subs);
}

/* A re-entrant __bases__ assignment made from mro() has already set tp_base, while tp_mro
 * is not updated yet: a cycle must be looked for along the tp_base chain too. */
static int is_subtype_base_chain(PyTypeObject *a, PyTypeObject *b)
{
    for (; a != NULL; a = a->tp_base)
        if (a == b)
            return 1;
    return b == &PyBaseObject_Type;
}

static int type_set_bases(PyTypeObject *type, PyObject *new_bases, void *context)
{
    Py_ssize_t i;
    PyTypeObject *new_base, *old_base;
    PyObject *old_bases;
    if (!check_set_special_type_attr(type, new_bases, "__bases__"))
        return -1;
    if (!PyTuple_Check(new_bases)) {
        PyErr_Format(PyExc_TypeError, "can only assign tuple to %s.__bases__, not %s",
                     type->tp_name, Py_TYPE(new_bases)->tp_name);
        return -1;
    }
    if (PyTuple_GET_SIZE(new_bases) == 0) {
        PyErr_Format(PyExc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()",
                     type->tp_name);
        return -1;
    }
    for (i = 0; i < PyTuple_GET_SIZE(new_bases); i++) {
        PyObject *ob = PyTuple_GET_ITEM(new_bases, i);
        PyTypeObject *base;
        if (!PyType_Check(ob)) {
            PyErr_Format(PyExc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'",
                         type->tp_name, Py_TYPE(ob)->tp_name);
            return -1;
        }
        base = (PyTypeObject *)ob;
        if (PyType_IsSubtype(base, type) ||
            /* In case of reentering here again through a custom mro() the above check
             * is not enough since it relies on base->tp_mro which would gonna be
             * updated inside mro_internal only upon returning from the mro(). */
            (base->tp_mro != NULL && is_subtype_base_chain(base, type))) {
            PyErr_SetString(PyExc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    new_base = best_base(new_bases);
    if (new_base == NULL)
        return -1;
    if (!compatible_for_assignment(type->tp_base, new_base, "__bases__"))
        return -1;
    old_bases = type->tp_bases;
    old_base = type->tp_base;
    type->tp_bases = Py_NewRef(new_bases);
    type->tp_base = (PyTypeObject *)Py_NewRef(new_base);
    if (mro_hierarchy(type) < 0) {
        /* restore, unless a re-entrant assignment from mro() replaced the bases already */
        if (type->tp_bases == new_bases) {
            Py_SETREF(type->tp_bases, old_bases);
            Py_SETREF(type->tp_base, old_base);
            PyObject *exc, *val, *tb;
            PyErr_Fetch(&exc, &val, &tb);
            if (mro_hierarchy(type) < 0)
                PyErr_Clear();
            PyErr_Restore(exc, val, tb);
        }
        else {
            Py_DECREF(old_bases);
            Py_DECREF(old_base);
        }
        return -1;
    }
    /* take no action if tp_bases was replaced through re-entrance */
    if (type->tp_bases == new_bases) {
        remove_all_subclasses(type, old_bases);
        add_all_subclasses(type, new_bases);
        update_all_slots(type);
    }
    Py_DECREF(old_bases);
    Py_DECREF(old_base);
    return 0;
}

static PyObject *type_dict(PyTypeObject *type, void *context)
{
    if (type->tp_dict == NULL)
        Py_RETURN_NONE;
    return PyDictProxy_New(type->tp_dict);
}

static PyObject *type_get_doc(PyTypeObject *type, void *context)
{
    PyObject *result;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE) && type->tp_doc != NULL)
        return _PyType_GetDocFromInternalDoc(type->tp_name, type->tp_doc);
    result = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__doc__));
    if (result == NULL) {
        if (PyErr_Occurred())
            return NULL;
        Py_RETURN_NONE;
    }
    if (Py_TYPE(result)->tp_descr_get)
        return Py_TYPE(result)->tp_descr_get(result, NULL, (PyObject *)type);
    return Py_NewRef(result);
}

static PyObject *type_get_text_signature(PyTypeObject *type, void *context)
{
    return _PyType_GetTextSignatureFromInternalDoc(type->tp_name, type->tp_doc);
}

static int type_set_doc(PyTypeObject *type, PyObject *value, void *context)
{
    if (!check_set_special_type_attr(type, value, "__doc__"))
        return -1;
    PyType_Modified(type);
    return PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), value);
}

static PyObject *type_get_annotations(PyTypeObject *type, void *context)
{
    PyObject *annotations;
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE)) {
        PyErr_Format(PyExc_AttributeError, "type object '%s' has no attribute '__annotations__'",
                     type->tp_name);
        return NULL;
    }
    annotations = PyDict_GetItemWithError(type->tp_dict, _Py_ID(__annotations__));
    if (annotations) {
        if (Py_TYPE(annotations)->tp_descr_get)
            annotations = Py_TYPE(annotations)->tp_descr_get(annotations, NULL, (PyObject *)type);
        else
            Py_INCREF(annotations);
    }
    else if (!PyErr_Occurred()) {
        annotations = PyDict_New();
        if (annotations) {
            int result = PyDict_SetItem(type->tp_dict, _Py_ID(__annotations__), annotations);
            if (result) {
                Py_CLEAR(annotations);
            }
            else {
                PyType_Modified(type);
            }
        }
    }
    return annotations;
}

static int type_set_annotations(PyTypeObject *type, PyObject *value, void *context)
{
    int result;
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                     type->tp_name);
        return -1;
    }
    if (value != NULL) {
        result = PyDict_SetItem(type->tp_dict, _Py_ID(__annotations__), value);
    }
    else {
        result = PyDict_DelItem(type->tp_dict, _Py_ID(__annotations__));
        if (result < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
            return -1;
        }
    }
    if (result == 0)
        PyType_Modified(type);
    return result;
}

static PyGetSetDef type_getsets[] = {
    {"__name__", (getter)type_name, (setter)type_set_name, DOC_type___name__, NULL},
    {"__qualname__", (getter)type_qualname, (setter)type_set_qualname, DOC_type___qualname__, NULL},
    {"__bases__", (getter)type_get_bases, (setter)type_set_bases, DOC_type___bases__, NULL},
    {"__module__", (getter)type_module, (setter)type_set_module, DOC_type___module__, NULL},
    {"__abstractmethods__", (getter)type_abstractmethods, (setter)type_set_abstractmethods, DOC_type___abstractmethods__, NULL},
    {"__dict__", (getter)type_dict, NULL, DOC_type___dict__, NULL},
    {"__doc__", (getter)type_get_doc, (setter)type_set_doc, NULL, NULL},
    {"__text_signature__", (getter)type_get_text_signature, NULL, DOC_type___text_signature__, NULL},
    {"__annotations__", (getter)type_get_annotations, (setter)type_set_annotations, DOC_type___annotations__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMemberDef type_members[] = {
    {"__basicsize__", T_PYSSIZET, offsetof(PyTypeObject, tp_basicsize), READONLY, DOC_type___basicsize__},
    {"__itemsize__", T_PYSSIZET, offsetof(PyTypeObject, tp_itemsize), READONLY, DOC_type___itemsize__},
    {"__flags__", T_ULONG, offsetof(PyTypeObject, tp_flags), READONLY, DOC_type___flags__},
    {"__weakrefoffset__", T_PYSSIZET, offsetof(PyTypeObject, tp_weaklistoffset), READONLY, DOC_type___weakrefoffset__},
    {"__base__", T_OBJECT, offsetof(PyTypeObject, tp_base), READONLY, DOC_type___base__},
    {"__dictoffset__", T_PYSSIZET, offsetof(PyTypeObject, tp_dictoffset), READONLY, DOC_type___dictoffset__},
    {"__mro__", T_OBJECT, offsetof(PyTypeObject, tp_mro), READONLY, DOC_type___mro__},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *type_repr(PyTypeObject *type)
{
    PyObject *mod, *name, *rtn;
    if (type->tp_name == NULL) {
        /* type_repr() called before the type is fully initialized by PyType_Ready(). */
        return PyUnicode_FromFormat("<class at %p>", type);
    }
    mod = type_module(type, NULL);
    if (mod == NULL)
        PyErr_Clear();
    else if (!PyUnicode_Check(mod))
        Py_CLEAR(mod);
    name = type_qualname(type, NULL);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins"))
        rtn = PyUnicode_FromFormat("<class '%U.%U'>", mod, name);
    else
        rtn = PyUnicode_FromFormat("<class '%s'>", type->tp_name);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

static PyObject *type_call(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyObject *obj;
    /* type(x) is special: the type of x, not a new class. */
    if (type == &PyType_Type) {
        Py_ssize_t nargs = PyTuple_GET_SIZE(args);
        if (nargs == 1 && (kwds == NULL || !PyDict_Size(kwds))) {
            obj = (PyObject *)Py_TYPE(PyTuple_GET_ITEM(args, 0));
            return Py_NewRef(obj);
        }
        /* SF bug 475327 -- if that didn't trigger, we need 3 arguments. */
        if (nargs != 3) {
            PyErr_SetString(PyExc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    obj = type->tp_new(type, args, kwds);
    obj = _Py_CheckFunctionResult((PyObject *)type, obj, NULL);
    if (obj == NULL)
        return NULL;
    /* If the returned object is not an instance of type, it won't be initialized. */
    if (!PyObject_TypeCheck(obj, type))
        return obj;
    type = Py_TYPE(obj);
    if (type->tp_init != NULL) {
        int res = type->tp_init(obj, args, kwds);
        if (res < 0) {
            Py_DECREF(obj);
            obj = NULL;
        }
    }
    return obj;
}

/* Attribute lookup on a class: data descriptors of the metaclass, then the class's
 * own MRO (descriptors bound with instance=None), then the metaclass attribute. */
static PyObject *type_getattro(PyObject *self, PyObject *name)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyTypeObject *metatype = Py_TYPE(type);
    PyObject *meta_attribute, *attribute;
    descrgetfunc meta_get, local_get;
    PyObject *res;

    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "attribute name must be string, not '%.200s'",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (type->tp_dict == NULL && PyType_Ready(type) < 0)
        return NULL;

    meta_get = NULL;
    meta_attribute = _PyType_Lookup(metatype, name);
    if (meta_attribute != NULL) {
        Py_INCREF(meta_attribute);
        meta_get = Py_TYPE(meta_attribute)->tp_descr_get;
        if (meta_get != NULL && PyDescr_IsData(meta_attribute)) {
            /* Data descriptors implement tp_descr_set to intercept writes.  Assume the
             * attribute is not overridden in type's tp_dict (and bases): call the
             * descriptor's getter. */
            res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
            Py_DECREF(meta_attribute);
            return res;
        }
    }

    attribute = _PyType_Lookup(type, name);
    if (attribute != NULL) {
        Py_INCREF(attribute);
        local_get = Py_TYPE(attribute)->tp_descr_get;
        Py_XDECREF(meta_attribute);
        if (local_get != NULL) {
            /* NULL 2nd argument indicates the descriptor was found on the target object
             * itself (or a base) */
            res = local_get(attribute, (PyObject *)NULL, (PyObject *)type);
            Py_DECREF(attribute);
            return res;
        }
        return attribute;
    }

    if (meta_get != NULL) {
        res = meta_get(meta_attribute, (PyObject *)type, (PyObject *)metatype);
        Py_DECREF(meta_attribute);
        return res;
    }
    if (meta_attribute != NULL)
        return meta_attribute;

    PyErr_Format(PyExc_AttributeError, "type object '%.50s' has no attribute '%U'",
                 type->tp_name, name);
    return NULL;
}

static int is_dunder_name(PyObject *name)
{
    Py_ssize_t length;
    const char *s = PyUnicode_AsUTF8AndSize(name, &length);
    if (s == NULL) {
        PyErr_Clear();
        return 0;
    }
    return length > 4 && s[0] == '_' && s[1] == '_' && s[length - 1] == '_' &&
           s[length - 2] == '_';
}

static int type_setattro(PyObject *self, PyObject *name, PyObject *value)
{
    PyTypeObject *type = (PyTypeObject *)self;
    int res;
    if (type->tp_flags & Py_TPFLAGS_IMMUTABLETYPE) {
        PyErr_Format(PyExc_TypeError, "cannot set %R attribute of immutable type '%s'", name,
                     type->tp_name);
        return -1;
    }
    if (PyUnicode_Check(name)) {
        if (PyUnicode_CheckExact(name)) {
            Py_INCREF(name);
        }
        else {
            name = PyUnicode_FromStringAndSize(PyUnicode_AsUTF8(name), PyUnicode_GetLength(name));
            if (name == NULL)
                return -1;
        }
        PyUnicode_InternInPlace(&name);
    }
    else {
        /* Will fail in _PyObject_GenericSetAttrWithDict. */
        Py_INCREF(name);
    }
    PyType_Modified(type);
    res = _PyObject_GenericSetAttrWithDict((PyObject *)type, name, value, NULL);
    if (res == 0) {
        /* A dunder assigned or deleted on a class re-wires the C slots of the class and
         * its subclasses (e.g. A.__add__ = f makes a + b call f). */
        PyType_Modified(type);
        if (is_dunder_name(name))
            res = update_slot(type, name);
    }
    Py_DECREF(name);
    return res;
}

static void type_dealloc(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    /* Assert this is a heap-allocated type object */
    PyObject_GC_UnTrack(type);
    PyType_Modified(type);
    if (type->tp_weaklist != NULL)
        PyObject_ClearWeakRefs((PyObject *)type);
    if (type->tp_bases != NULL) {
        /* a type whose creation failed is freed with its error pending, and was
         * maybe never registered with its bases: keep that error */
        PyObject *exc_type, *exc_value, *exc_tb;
        PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
        remove_all_subclasses(type, type->tp_bases);
        PyErr_Restore(exc_type, exc_value, exc_tb);
    }
    Py_XDECREF(type->tp_base);
    Py_XDECREF(type->tp_dict);
    Py_XDECREF(type->tp_bases);
    Py_XDECREF(type->tp_mro);
    Py_XDECREF(type->tp_cache);
    Py_XDECREF(type->tp_subclasses);
    /* A type's tp_doc is heap allocated, unlike the tp_doc slots in static types. */
    PyObject_Free((char *)type->tp_doc);
    Py_XDECREF(et->ht_name);
    Py_XDECREF(et->ht_qualname);
    Py_XDECREF(et->ht_slots);
    Py_XDECREF(et->ht_module);
    if (et->ht_cached_keys != NULL)
        _PyDictKeys_DecRef(et->ht_cached_keys);
    Py_TYPE(type)->tp_free((PyObject *)type);
}

static int type_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = (PyTypeObject *)self;
    /* Static types are immortal: nothing to find. */
    if (!(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return 0;
    Py_VISIT(type->tp_dict);
    Py_VISIT(type->tp_cache);
    Py_VISIT(type->tp_mro);
    Py_VISIT(type->tp_bases);
    Py_VISIT(type->tp_base);
    Py_VISIT(((PyHeapTypeObject *)type)->ht_module);
    return 0;
}

static int type_clear(PyObject *self)
{
    PyTypeObject *type = (PyTypeObject *)self;
    PyType_Modified(type);
    if (type->tp_dict)
        PyDict_Clear(type->tp_dict);
    Py_CLEAR(((PyHeapTypeObject *)type)->ht_module);
    Py_CLEAR(type->tp_mro);
    return 0;
}

static int type_is_gc(PyObject *type)
{
    return ((PyTypeObject *)type)->tp_flags & Py_TPFLAGS_HEAPTYPE;
}

static PyObject *type_subclasses(PyObject *self, PyObject *unused)
{
    return _PyType_GetSubclasses((PyTypeObject *)self);
}

static PyObject *type_prepare(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    return PyDict_New();
}

static PyObject *type___instancecheck__(PyObject *self, PyObject *instance)
{
    int r = _PyObject_RealIsInstance(instance, self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *type___subclasscheck__(PyObject *self, PyObject *subclass)
{
    int r = _PyObject_RealIsSubclass(subclass, self);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

/* Merge the __dict__ of aclass and its bases into dict (for dir()). */
static int merge_class_dict(PyObject *dict, PyObject *aclass)
{
    PyObject *classdict, *bases;
    if (_PyObject_LookupAttr(aclass, _Py_ID(__dict__), &classdict) < 0)
        return -1;
    if (classdict != NULL) {
        int status = PyDict_Update(dict, classdict);
        Py_DECREF(classdict);
        if (status < 0)
            return -1;
    }
    if (_PyObject_LookupAttr(aclass, _Py_ID(__bases__), &bases) < 0)
        return -1;
    if (bases != NULL) {
        Py_ssize_t i, n = PySequence_Size(bases);
        if (n < 0) {
            Py_DECREF(bases);
            return -1;
        }
        for (i = 0; i < n; i++) {
            int status;
            PyObject *base = PySequence_GetItem(bases, i);
            if (base == NULL) {
                Py_DECREF(bases);
                return -1;
            }
            status = merge_class_dict(dict, base);
            Py_DECREF(base);
            if (status < 0) {
                Py_DECREF(bases);
                return -1;
            }
        }
        Py_DECREF(bases);
    }
    return 0;
}

static PyObject *type___dir__(PyObject *self, PyObject *unused)
{
    PyObject *result = NULL, *dict = PyDict_New();
    if (dict != NULL && merge_class_dict(dict, self) == 0)
        result = PyDict_Keys(dict);
    Py_XDECREF(dict);
    return result;
}

static PyObject *type___sizeof__(PyObject *self, PyObject *unused)
{
    PyTypeObject *type = (PyTypeObject *)self;
    Py_ssize_t size;
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        size = (Py_ssize_t)sizeof(PyHeapTypeObject);
        if (((PyHeapTypeObject *)type)->ht_slots != NULL)
            size += (Py_ssize_t)sizeof(PyMemberDef) * PyTuple_GET_SIZE(((PyHeapTypeObject *)type)->ht_slots);
    }
    else {
        size = (Py_ssize_t)sizeof(PyTypeObject);
    }
    return PyLong_FromSsize_t(size);
}

static PyMethodDef type_methods[] = {
    {"mro", type_mro_impl, METH_NOARGS, DOC_type_mro},
    {"__subclasses__", type_subclasses, METH_NOARGS, DOC_type___subclasses__},
    {"__prepare__", (PyCFunction)(void (*)(void))type_prepare, METH_FASTCALL | METH_KEYWORDS | METH_CLASS, DOC_type___prepare__},
    {"__instancecheck__", type___instancecheck__, METH_O, DOC_type___instancecheck__},
    {"__subclasscheck__", type___subclasscheck__, METH_O, DOC_type___subclasscheck__},
    {"__dir__", type___dir__, METH_NOARGS, DOC_type___dir__},
    {"__sizeof__", type___sizeof__, METH_NOARGS, DOC_type___sizeof__},
    {NULL, NULL, 0, NULL},
};

static int type_init(PyObject *cls, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (kwds != NULL && nargs == 1 && PyDict_Size(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- instances of classes */

static void clear_slots(PyTypeObject *type, PyObject *self)
{
    Py_ssize_t i, n = Py_SIZE(type);
    PyMemberDef *mp = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)type);
    for (i = 0; i < n; i++, mp++) {
        if (mp->type == T_OBJECT_EX && !(mp->flags & READONLY)) {
            char *addr = (char *)self + mp->offset;
            PyObject *obj = *(PyObject **)addr;
            if (obj != NULL) {
                *(PyObject **)addr = NULL;
                Py_DECREF(obj);
            }
        }
    }
}

static int subtype_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyTypeObject *type = Py_TYPE(self), *base;
    traverseproc basetraverse;
    /* Find the nearest base with a different tp_traverse, and traverse slots while
     * we're at it */
    base = type;
    while ((basetraverse = base->tp_traverse) == subtype_traverse) {
        if (Py_SIZE(base)) {
            Py_ssize_t i, n = Py_SIZE(base);
            PyMemberDef *mp = PyHeapType_GET_MEMBERS((PyHeapTypeObject *)base);
            for (i = 0; i < n; i++, mp++) {
                if (mp->type == T_OBJECT_EX) {
                    PyObject *obj = *(PyObject **)((char *)self + mp->offset);
                    Py_VISIT(obj);
                }
            }
        }
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_DictSlot(self);
        if (dictptr && _PyObject_SLOT_HAS_VALUES(*dictptr)) {
            int err = _PyObject_VisitInstanceValues(*dictptr, visit, arg);
            if (err)
                return err;
        } else if (dictptr && *dictptr) {
            Py_VISIT(*dictptr);
        }
    }
    if (type->tp_flags & Py_TPFLAGS_HEAPTYPE && (!basetraverse || !(base->tp_flags & Py_TPFLAGS_HEAPTYPE)))
        /* For a heaptype, the instances count as references to the type.  Traverse the
         * type so the collector can find cycles involving this link. */
        Py_VISIT(type);
    if (basetraverse)
        return basetraverse(self, visit, arg);
    return 0;
}

/* May tp's instances keep attribute values without a dict in their dict slot?  Only if
 * the slot was added by a Python class, so that subtype_traverse/clear/dealloc (and no
 * C base's own functions) are what read it. */
int _PyType_DictSlotIsOwned(PyTypeObject *tp)
{
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) || tp->tp_dictoffset == 0)
        return 0;
    while (tp->tp_dealloc == subtype_dealloc)
        tp = tp->tp_base;
    return tp->tp_dictoffset == 0;
}

static int subtype_clear(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self), *base;
    inquiry baseclear;
    base = type;
    while ((baseclear = base->tp_clear) == subtype_clear) {
        if (Py_SIZE(base))
            clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset != base->tp_dictoffset) {
        PyObject **dictptr = _PyObject_DictSlot(self);
        if (dictptr && _PyObject_SLOT_HAS_VALUES(*dictptr))
            _PyObject_ClearInstanceValues(dictptr);
        else if (dictptr && *dictptr)
            Py_CLEAR(*dictptr);
    }
    if (baseclear)
        return baseclear(self);
    return 0;
}

/* Run tp_finalize (__del__) with the object temporarily resurrected.  Returns -1 if
 * the finalizer resurrected it for good (the caller must then not free it). */
void PyObject_CallFinalizer(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL)
        return;
    /* PEP 442: a finalizer runs at most once (the collector may already have run it). */
    if (PyType_IS_GC(tp) && _PyGC_FINALIZED(self))
        return;
    tp->tp_finalize(self);
    if (PyType_IS_GC(tp))
        _PyGC_SET_FINALIZED(self);
}

int PyObject_CallFinalizerFromDealloc(PyObject *self)
{
    if (Py_REFCNT(self) != 0) {
        Py_FatalError("PyObject_CallFinalizerFromDealloc called on object with a non-zero refcount");
    }
    /* Temporarily resurrect the object. */
    Py_SET_REFCNT(self, 1);
    PyObject_CallFinalizer(self);
    /* Undo the temporary resurrection; can't use DECREF here, it would cause a
     * recursive call. */
    Py_SET_REFCNT(self, Py_REFCNT(self) - 1);
    if (Py_REFCNT(self) == 0)
        return 0; /* this is the normal path out */
    /* tp_finalize resurrected it! */
    return -1;
}

static void subtype_dealloc_body(PyObject *self);

/* The dict slot a class added (tp_dictoffset, not its base's): empty it, releasing the
 * instance's values or its __dict__. */
static inline void clear_added_dict(PyTypeObject *type, PyObject *self)
{
    PyObject **dictptr = type->tp_dictoffset > 0
                             ? (PyObject **)((char *)self + type->tp_dictoffset)
                             : _PyObject_DictSlot(self);
    if (dictptr != NULL && _PyObject_SLOT_HAS_VALUES(*dictptr)) {
        _PyObject_ClearInstanceValues(dictptr);
    } else if (dictptr != NULL && *dictptr != NULL) {
        PyObject *dict = *dictptr;
        *dictptr = NULL;
        Py_DECREF(dict);
    }
}

/* subtype_dealloc_body's common case: an untracked instance of a class whose base is
 * object itself, without tp_finalize (no __del__).  The same steps with the base
 * chain known: weakrefs, slots, the dict slot, then object's dealloc (tp_free). */
static inline void direct_subtype_dealloc(PyTypeObject *type, PyObject *self)
{
    if (type->tp_weaklistoffset > 0 && *_PyObject_GET_WEAKREFS_LISTPTR(self) != NULL)
        PyObject_ClearWeakRefs(self);
    if (Py_SIZE(type))
        clear_slots(type, self);
    if (type->tp_dictoffset)
        clear_added_dict(type, self);
    type = Py_TYPE(self);
    int type_needs_decref = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
    type->tp_free(self);
    if (type_needs_decref)
        Py_DECREF(type);
}

static void subtype_dealloc(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    if (!PyType_IS_GC(type)) {
        subtype_dealloc_body(self);
        return;
    }
    /* Chains of instances (a.x = b; b.x = c; ...) must not overflow the C stack. */
    _PyObject_GC_UNTRACK(self);
    Py_TRASHCAN_BEGIN(self, subtype_dealloc)
    if (type->tp_base == &PyBaseObject_Type && type->tp_finalize == NULL)
        direct_subtype_dealloc(type, self);
    else
        subtype_dealloc_body(self);
    Py_TRASHCAN_END
}

static void subtype_dealloc_body(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self), *base;
    destructor basedealloc;
    int type_needs_decref;

    /* Find the nearest base with a different tp_dealloc */
    base = type;
    while ((basedealloc = base->tp_dealloc) == subtype_dealloc)
        base = base->tp_base;

    if (PyType_IS_GC(type) && _PyObject_GC_IS_TRACKED(self))
        PyObject_GC_UnTrack(self);

    if (type->tp_finalize) {
        if (PyObject_CallFinalizerFromDealloc(self) < 0) {
            /* Resurrected */
            if (PyType_IS_GC(type))
                PyObject_GC_Track(self);
            return;
        }
    }

    /* Weak references die first: their callbacks must not see a half-torn object. */
    if (type->tp_weaklistoffset > 0 && !base->tp_weaklistoffset &&
        *_PyObject_GET_WEAKREFS_LISTPTR(self) != NULL)
        PyObject_ClearWeakRefs(self);

    /* Clear slots up to the nearest base with a different tp_dealloc */
    base = type;
    while ((basedealloc = base->tp_dealloc) == subtype_dealloc) {
        if (Py_SIZE(base))
            clear_slots(base, self);
        base = base->tp_base;
    }
    /* If we added a dict, DECREF it. */
    if (type->tp_dictoffset && !base->tp_dictoffset)
        clear_added_dict(type, self);

    /* Extract the type again; tp_del may have changed it */
    type = Py_TYPE(self);
    if (basedealloc == object_dealloc) {
        /* object's dealloc is just tp_free: no need to re-track for it to untrack */
        type_needs_decref = (type->tp_flags & Py_TPFLAGS_HEAPTYPE) != 0;
        type->tp_free(self);
        if (type_needs_decref)
            Py_DECREF(type);
        return;
    }
    /* The base dealloc untracks if it is GC: make it look tracked. */
    if (PyType_IS_GC(base))
        PyObject_GC_Track(self);

    /* Heap types hold a reference to their type; static base deallocs don't drop it.
     * When the base is itself a heap type its dealloc (this function) does. */
    type_needs_decref = (type->tp_flags & Py_TPFLAGS_HEAPTYPE && !(base->tp_flags & Py_TPFLAGS_HEAPTYPE));
    basedealloc(self);
    if (type_needs_decref)
        Py_DECREF(type);
}

/* The nearest static base whose instances have a dict (e.g. type for a metaclass
 * deriving from a class with __dict__): its own __dict__ descriptor must be used. */
static PyTypeObject *get_builtin_base_with_dict(PyTypeObject *type)
{
    for (; type->tp_base != NULL; type = type->tp_base)
        if (type->tp_dictoffset != 0 && !(type->tp_flags & Py_TPFLAGS_HEAPTYPE))
            return type;
    return NULL;
}

static PyObject *get_dict_descriptor(PyTypeObject *type, PyObject *obj)
{
    int error = 0;
    PyObject *descr = find_name_in_mro(type, _Py_ID(__dict__), &error);
    if (descr == NULL || !PyDescr_IsData(descr)) {
        if (!error)
            PyErr_Format(PyExc_TypeError, "this __dict__ descriptor does not support '%.200s' objects",
                         Py_TYPE(obj)->tp_name);
        return NULL;
    }
    return descr;
}

static PyObject *subtype_dict(PyObject *obj, void *context)
{
    PyTypeObject *base = get_builtin_base_with_dict(Py_TYPE(obj));
    if (base != NULL) {
        PyObject *descr = get_dict_descriptor(base, obj);
        if (descr == NULL)
            return NULL;
        return Py_TYPE(descr)->tp_descr_get(descr, obj, (PyObject *)Py_TYPE(obj));
    }
    return PyObject_GenericGetDict(obj, context);
}

static int subtype_setdict(PyObject *obj, PyObject *value, void *context)
{
    PyTypeObject *base = get_builtin_base_with_dict(Py_TYPE(obj));
    if (base != NULL) {
        PyObject *descr = get_dict_descriptor(base, obj);
        if (descr == NULL)
            return -1;
        return Py_TYPE(descr)->tp_descr_set(descr, obj, value);
    }
    PyObject **dictptr = _PyObject_GetDictPtr(obj);
    PyObject *old;
    if (dictptr == NULL) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value != NULL && !PyDict_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    old = *dictptr;
    *dictptr = value;
    Py_XINCREF(value);
    Py_XDECREF(old);
    return 0;
}

static PyObject *subtype_getweakref(PyObject *obj, void *context)
{
    PyObject **weaklistptr;
    PyObject *result;
    PyTypeObject *type = Py_TYPE(obj);
    if (type->tp_weaklistoffset == 0) {
        PyErr_SetString(PyExc_AttributeError, "This object has no __weakref__");
        return NULL;
    }
    weaklistptr = (PyObject **)((char *)obj + type->tp_weaklistoffset);
    if (*weaklistptr == NULL)
        result = Py_None;
    else
        result = *weaklistptr;
    return Py_NewRef(result);
}

static PyGetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables (if defined)", NULL},
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static PyGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_dict, subtype_setdict, "dictionary for instance variables (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
static PyGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_getweakref, NULL, "list of weak references to the object (if defined)", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------- class creation */

PyTypeObject *_PyType_CalculateMetaclass(PyTypeObject *metatype, PyObject *bases)
{
    Py_ssize_t i, nbases = PyTuple_GET_SIZE(bases);
    PyTypeObject *winner = metatype;
    /* Determine the proper metatype to deal with this, and check for metatype
     * conflicts while we're at it.  Note that if some other metatype wins to
     * contract, it's possible that its instances are not types. */
    for (i = 0; i < nbases; i++) {
        PyTypeObject *tmptype = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, tmptype))
            continue;
        if (PyType_IsSubtype(tmptype, winner)) {
            winner = tmptype;
            continue;
        }
        PyErr_SetString(PyExc_TypeError,
                        "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* Private-name mangling for __slots__ entries (_Py_Mangle lives in the compiler;
 * this is the same rule, kept local so type creation does not depend on it). */
static PyObject *mangle_slot_name(PyObject *privateobj, PyObject *ident)
{
    Py_ssize_t nlen, plen, ipriv = 0;
    const char *name, *priv;
    if (privateobj == NULL || !PyUnicode_Check(privateobj))
        return Py_NewRef(ident);
    name = PyUnicode_AsUTF8AndSize(ident, &nlen);
    priv = PyUnicode_AsUTF8AndSize(privateobj, &plen);
    if (name == NULL || priv == NULL)
        return NULL;
    if (nlen < 2 || name[0] != '_' || name[1] != '_')
        return Py_NewRef(ident);
    if ((name[nlen - 1] == '_' && name[nlen - 2] == '_') || strchr(name, '.'))
        return Py_NewRef(ident); /* Don't mangle __id__ or names with dots. */
    while (priv[ipriv] == '_')
        ipriv++;
    if (ipriv == plen)
        return Py_NewRef(ident); /* Don't mangle if class is just underscores */
    return PyUnicode_FromFormat("_%s%s", priv + ipriv, name);
}

typedef struct {
    PyTypeObject *metatype;
    PyObject *args;
    PyObject *kwds;
    PyObject *orig_dict;
    PyObject *name;
    PyObject *bases;
    PyTypeObject *base;
    PyObject *slots;
    Py_ssize_t nslot;
    int add_dict;
    int add_weak;
    int may_add_dict;
    int may_add_weak;
} type_new_ctx;

static int type_new_visit_slots(type_new_ctx *ctx)
{
    PyObject *slots = ctx->slots;
    Py_ssize_t i, nslot = PyTuple_GET_SIZE(slots);
    for (i = 0; i < nslot; i++) {
        PyObject *name = PyTuple_GET_ITEM(slots, i);
        if (!PyUnicode_Check(name)) {
            PyErr_Format(PyExc_TypeError, "__slots__ items must be strings, not '%.200s'",
                         Py_TYPE(name)->tp_name);
            return -1;
        }
        if (!PyUnicode_IsIdentifier(name)) {
            PyErr_SetString(PyExc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (_PyUnicode_EqualToASCIIString(name, "__dict__")) {
            if (!ctx->may_add_dict || ctx->add_dict != 0) {
                PyErr_SetString(PyExc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            ctx->add_dict++;
        }
        if (_PyUnicode_EqualToASCIIString(name, "__weakref__")) {
            if (!ctx->may_add_weak || ctx->add_weak != 0) {
                PyErr_SetString(PyExc_TypeError,
                                "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
                return -1;
            }
            ctx->add_weak++;
        }
    }
    return 0;
}

/* Copy __slots__ without __dict__/__weakref__, mangled and sorted; check for
 * clashes with class variables. */
static PyObject *type_new_copy_slots(type_new_ctx *ctx, PyObject *dict)
{
    PyObject *slots = ctx->slots;
    Py_ssize_t i, nslot = PyTuple_GET_SIZE(slots), new_nslot;
    /* ctx->add_dict/add_weak may also count what secondary bases provide, so the
     * names are filtered here rather than the list pre-sized from those counts. */
    PyObject *new_slots = PyList_New(0);
    if (new_slots == NULL)
        return NULL;
    for (i = 0; i < nslot; i++) {
        PyObject *slot = PyTuple_GET_ITEM(slots, i);
        PyObject *mangled;
        if ((ctx->add_dict && _PyUnicode_EqualToASCIIString(slot, "__dict__")) ||
            (ctx->add_weak && _PyUnicode_EqualToASCIIString(slot, "__weakref__")))
            continue;
        mangled = mangle_slot_name(ctx->name, slot);
        if (mangled == NULL)
            goto error;
        int rc = PyList_Append(new_slots, mangled);
        Py_DECREF(mangled);
        if (rc < 0)
            goto error;
    }
    new_nslot = PyList_GET_SIZE(new_slots);
    if (PyList_Sort(new_slots) == -1)
        goto error;
    for (i = 0; i < new_nslot; i++) {
        PyObject *slot = PyList_GET_ITEM(new_slots, i);
        int r;
        if (i > 0 && PyObject_RichCompareBool(slot, PyList_GET_ITEM(new_slots, i - 1), Py_EQ) == 1) {
            /* duplicate slot names are an error only via the dict check below in
             * CPython; keep going */
        }
        r = PyDict_Contains(dict, slot);
        if (r < 0)
            goto error;
        if (r > 0) {
            /* CPython allows __qualname__/__classcell__ to coexist with a same-name slot */
            if (!_PyUnicode_EqualToASCIIString(slot, "__qualname__") &&
                !_PyUnicode_EqualToASCIIString(slot, "__classcell__")) {
                PyErr_Format(PyExc_ValueError, "%R in __slots__ conflicts with class variable", slot);
                goto error;
            }
        }
    }
    {
        PyObject *tuple = PyList_AsTuple(new_slots);
        Py_DECREF(new_slots);
        return tuple;
    }
error:
    Py_DECREF(new_slots);
    return NULL;
}

static int type_new_slots(type_new_ctx *ctx, PyObject *dict)
{
    /* Are slots allowed? */
    ctx->add_dict = 0;
    ctx->add_weak = 0;
    ctx->may_add_dict = (ctx->base->tp_dictoffset == 0);
    ctx->may_add_weak = (ctx->base->tp_weaklistoffset == 0 && ctx->base->tp_itemsize == 0);
    if (ctx->slots == NULL) {
        if (ctx->may_add_dict)
            ctx->add_dict++;
        if (ctx->may_add_weak)
            ctx->add_weak++;
        ctx->nslot = 0;
        return 0;
    }
    if (type_new_visit_slots(ctx) < 0)
        return -1;
    ctx->nslot = PyTuple_GET_SIZE(ctx->slots) - ctx->add_dict - ctx->add_weak;
    /* int is fixed-size in Krait (GMP) but variable-size in CPython: refuse alike */
    if (ctx->nslot > 0 && (ctx->base->tp_itemsize != 0 ||
                           PyType_FastSubclass(ctx->base, Py_TPFLAGS_LONG_SUBCLASS))) {
        PyErr_Format(PyExc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                     ctx->base->tp_name);
        return -1;
    }
    /* Secondary bases may provide weakrefs or dict */
    if (PyTuple_GET_SIZE(ctx->bases) > 1 &&
        ((ctx->may_add_dict && !ctx->add_dict) || (ctx->may_add_weak && !ctx->add_weak))) {
        Py_ssize_t i;
        for (i = 0; i < PyTuple_GET_SIZE(ctx->bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(ctx->bases, i);
            PyTypeObject *type;
            if (b == (PyObject *)ctx->base)
                continue;
            type = (PyTypeObject *)b;
            if (ctx->may_add_dict && !ctx->add_dict && type->tp_dictoffset != 0)
                ctx->add_dict++;
            if (ctx->may_add_weak && !ctx->add_weak && type->tp_weaklistoffset != 0)
                ctx->add_weak++;
            if (ctx->may_add_dict && !ctx->add_dict)
                continue;
            if (ctx->may_add_weak && !ctx->add_weak)
                continue;
            break;
        }
    }
    return 0;
}

/* Fill the instance layout: slot members, then __dict__ and __weakref__ pointers. */
static void type_new_descriptors(type_new_ctx *ctx, PyTypeObject *type)
{
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    Py_ssize_t slotoffset = ctx->base->tp_basicsize;
    if (et->ht_slots != NULL) {
        PyMemberDef *mp = PyHeapType_GET_MEMBERS(et);
        Py_ssize_t i, nslot = PyTuple_GET_SIZE(et->ht_slots);
        for (i = 0; i < nslot; i++, mp++) {
            mp->name = PyUnicode_AsUTF8(PyTuple_GET_ITEM(et->ht_slots, i));
            mp->type = T_OBJECT_EX;
            mp->offset = slotoffset;
            /* __dict__ and __weakref__ are already filtered out */
            slotoffset += (Py_ssize_t)sizeof(PyObject *);
        }
    }
    if (ctx->add_dict) {
        if (ctx->base->tp_itemsize)
            type->tp_dictoffset = -(Py_ssize_t)sizeof(PyObject *);
        else
            type->tp_dictoffset = slotoffset;
        slotoffset += (Py_ssize_t)sizeof(PyObject *);
    }
    if (ctx->add_weak) {
        type->tp_weaklistoffset = slotoffset;
        slotoffset += (Py_ssize_t)sizeof(PyObject *);
    }
    type->tp_basicsize = slotoffset;
    type->tp_itemsize = ctx->base->tp_itemsize;
    type->tp_members = PyHeapType_GET_MEMBERS(et);
    if (type->tp_weaklistoffset && type->tp_dictoffset)
        type->tp_getset = subtype_getsets_full;
    else if (type->tp_weaklistoffset && !type->tp_dictoffset)
        type->tp_getset = subtype_getsets_weakref_only;
    else if (!type->tp_weaklistoffset && type->tp_dictoffset)
        type->tp_getset = subtype_getsets_dict_only;
    else
        type->tp_getset = NULL;
    /* Special case some slots */
    if (type->tp_dictoffset != 0 || ctx->nslot > 0) {
        PyTypeObject *base = ctx->base;
        if (base->tp_getattr == NULL && base->tp_getattro == NULL)
            type->tp_getattro = PyObject_GenericGetAttr;
        if (base->tp_setattr == NULL && base->tp_setattro == NULL)
            type->tp_setattro = PyObject_GenericSetAttr;
    }
}

/* __new__ -> staticmethod; __init_subclass__, __class_getitem__ -> classmethod. */
static int type_new_wrap_implicit(PyObject *dict, PyObject *name, int as_static)
{
    PyObject *func = PyDict_GetItemWithError(dict, name), *wrapped;
    int r;
    if (func == NULL)
        return PyErr_Occurred() ? -1 : 0;
    if (!PyFunction_Check(func))
        return 0;
    wrapped = as_static ? PyStaticMethod_New(func) : PyClassMethod_New(func);
    if (wrapped == NULL)
        return -1;
    r = PyDict_SetItem(dict, name, wrapped);
    Py_DECREF(wrapped);
    return r;
}

static int type_new_set_attrs(type_new_ctx *ctx, PyTypeObject *type)
{
    PyObject *dict = type->tp_dict;
    PyHeapTypeObject *et = (PyHeapTypeObject *)type;
    PyObject *qualname, *doc, *cell;
    int r;

    /* __module__ from the caller's globals */
    r = PyDict_Contains(dict, _Py_ID(__module__));
    if (r < 0)
        return -1;
    if (r == 0) {
        PyObject *globals = PyEval_GetGlobals();
        if (globals != NULL) {
            PyObject *module = PyDict_GetItemWithError(globals, _Py_ID(__name__));
            if (module == NULL) {
                if (PyErr_Occurred())
                    return -1;
            }
            else if (PyDict_SetItem(dict, _Py_ID(__module__), module) < 0) {
                return -1;
            }
        }
    }

    /* __qualname__ */
    qualname = PyDict_GetItemWithError(dict, _Py_ID(__qualname__));
    if (qualname != NULL) {
        if (!PyUnicode_Check(qualname)) {
            PyErr_Format(PyExc_TypeError, "type __qualname__ must be a str, not %s",
                         Py_TYPE(qualname)->tp_name);
            return -1;
        }
        et->ht_qualname = Py_NewRef(qualname);
        if (PyDict_DelItem(dict, _Py_ID(__qualname__)) < 0)
            return -1;
    }
    else {
        if (PyErr_Occurred())
            return -1;
        et->ht_qualname = Py_NewRef(et->ht_name);
    }

    /* __doc__: tp_doc from a str docstring.  A missing key is filled with None
     * by PyType_Ready, after the slot members: '__doc__' may be a slot. */
    doc = PyDict_GetItemWithError(dict, _Py_ID(__doc__));
    if (doc == NULL) {
        if (PyErr_Occurred())
            return -1;
    }
    else if (PyUnicode_Check(doc)) {
        Py_ssize_t len;
        const char *doc_str = PyUnicode_AsUTF8AndSize(doc, &len);
        char *tp_doc;
        if (doc_str == NULL)
            return -1;
        tp_doc = PyObject_Malloc((size_t)len + 1);
        if (tp_doc == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        memcpy(tp_doc, doc_str, (size_t)len + 1);
        type->tp_doc = tp_doc;
    }

    if (type_new_wrap_implicit(dict, _Py_ID(__new__), 1) < 0)
        return -1;
    if (type_new_wrap_implicit(dict, _Py_ID(__init_subclass__), 0) < 0)
        return -1;
    if (type_new_wrap_implicit(dict, _Py_ID(__class_getitem__), 0) < 0)
        return -1;

    /* __classcell__: the cell behind zero-argument super() / __class__. */
    cell = PyDict_GetItemWithError(dict, _Py_ID(__classcell__));
    if (cell != NULL) {
        if (!PyCell_Check(cell)) {
            PyErr_Format(PyExc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                         Py_TYPE(cell));
            return -1;
        }
        PyCell_Set(cell, (PyObject *)type);
        if (PyDict_DelItem(dict, _Py_ID(__classcell__)) < 0)
            return -1;
    }
    else if (PyErr_Occurred()) {
        return -1;
    }
    return 0;
}

/* Call __set_name__(owner, name) on every attribute that has it. */
static int type_new_set_names(PyTypeObject *type)
{
    PyObject *names_to_set = PyDict_Copy(type->tp_dict);
    Py_ssize_t i = 0;
    PyObject *key, *value;
    if (names_to_set == NULL)
        return -1;
    while (PyDict_Next(names_to_set, &i, &key, &value)) {
        PyObject *set_name = _PyObject_LookupSpecial(value, _Py_ID(__set_name__));
        PyObject *res;
        if (set_name == NULL) {
            if (PyErr_Occurred())
                goto error;
            continue;
        }
        res = PyObject_CallFunctionObjArgs(set_name, type, key, NULL);
        Py_DECREF(set_name);
        if (res == NULL) {
            _PyErr_FormatFromCause(PyExc_RuntimeError,
                                   "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                                   Py_TYPE(value)->tp_name, key, type->tp_name);
            goto error;
        }
        Py_DECREF(res);
    }
    Py_DECREF(names_to_set);
    return 0;
error:
    Py_DECREF(names_to_set);
    return -1;
}

/* super(type, type).__init_subclass__(**kwds) */
static int type_new_init_subclass(PyTypeObject *type, PyObject *kwds)
{
    PyObject *args[2] = {(PyObject *)type, (PyObject *)type};
    PyObject *super, *func, *result;
    super = PyObject_Vectorcall((PyObject *)&PySuper_Type, args, 2, NULL);
    if (super == NULL)
        return -1;
    func = PyObject_GetAttr(super, _Py_ID(__init_subclass__));
    Py_DECREF(super);
    if (func == NULL)
        return -1;
    result = PyObject_VectorcallDict(func, NULL, 0, kwds);
    Py_DECREF(func);
    if (result == NULL)
        return -1;
    Py_DECREF(result);
    return 0;
}

static PyObject *type_new_impl(type_new_ctx *ctx)
{
    PyTypeObject *type;
    PyHeapTypeObject *et;
    PyObject *dict;
    Py_ssize_t name_size;
    const char *tp_name;

    dict = PyDict_Copy(ctx->orig_dict);
    if (dict == NULL)
        return NULL;

    /* __slots__ */
    ctx->slots = NULL;
    {
        PyObject *slots = PyDict_GetItemWithError(dict, _Py_ID(__slots__));
        if (slots == NULL && PyErr_Occurred())
            goto error_dict;
        if (slots != NULL) {
            /* Make it into a tuple */
            if (PyUnicode_Check(slots))
                ctx->slots = PyTuple_Pack(1, slots);
            else
                ctx->slots = PySequence_Tuple(slots);
            if (ctx->slots == NULL)
                goto error_dict;
        }
    }
    if (type_new_slots(ctx, dict) < 0)
        goto error_slots;

    /* Allocate the type object, with room for the slot member definitions. */
    type = (PyTypeObject *)ctx->metatype->tp_alloc(ctx->metatype, ctx->nslot);
    if (type == NULL)
        goto error_slots;
    et = (PyHeapTypeObject *)type;
    et->ht_name = Py_NewRef(ctx->name);
    et->ht_module = NULL;
    et->ht_cached_keys = NULL; /* made by the first instance __dict__ (dictobject.c) */

    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HEAPTYPE | Py_TPFLAGS_BASETYPE |
                     Py_TPFLAGS_HAVE_GC;
    type->tp_as_async = &et->as_async;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_as_buffer = &et->as_buffer;
    type->tp_bases = Py_NewRef(ctx->bases);
    type->tp_base = (PyTypeObject *)Py_NewRef(ctx->base);
    type->tp_dealloc = subtype_dealloc;
    type->tp_alloc = PyType_GenericAlloc;
    type->tp_free = PyObject_GC_Del;
    type->tp_traverse = subtype_traverse;
    type->tp_clear = subtype_clear;
    type->tp_dict = dict;
    dict = NULL;

    tp_name = PyUnicode_AsUTF8AndSize(ctx->name, &name_size);
    if (tp_name == NULL)
        goto error;
    if (strlen(tp_name) != (size_t)name_size) {
        PyErr_SetString(PyExc_ValueError, "type name must not contain null characters");
        goto error;
    }
    type->tp_name = tp_name;

    if (type_new_set_attrs(ctx, type) < 0)
        goto error;

    if (ctx->slots != NULL) {
        PyObject *new_slots = type_new_copy_slots(ctx, type->tp_dict);
        if (new_slots == NULL)
            goto error;
        et->ht_slots = new_slots;
        Py_SET_SIZE(type, PyTuple_GET_SIZE(new_slots));
    }
    type_new_descriptors(ctx, type);

    if (PyType_Ready(type) < 0)
        goto error;
    /* Put the proper slots in place */
    fixup_slot_dispatchers(type);
    type->tp_vectorcall = heaptype_vectorcall;

    Py_XDECREF(ctx->slots);
    return (PyObject *)type;

error:
    Py_XDECREF(ctx->slots);
    Py_DECREF(type);
    return NULL;
error_slots:
    Py_XDECREF(ctx->slots);
error_dict:
    Py_XDECREF(dict);
    return NULL;
}

static PyObject *type_new(PyTypeObject *metatype, PyObject *args, PyObject *kwds)
{
    PyObject *name, *bases, *orig_dict, *type;
    PyTypeObject *winner, *base;
    type_new_ctx ctx;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);

    if (nargs != 3) {
        if (nargs == 1 && metatype == &PyType_Type && (kwds == NULL || PyDict_Size(kwds) == 0))
            return Py_NewRef(Py_TYPE(PyTuple_GET_ITEM(args, 0)));
        if (nargs < 3)
            PyErr_Format(PyExc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", nargs);
        else
            PyErr_Format(PyExc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", nargs);
        return NULL;
    }
    name = PyTuple_GET_ITEM(args, 0);
    bases = PyTuple_GET_ITEM(args, 1);
    orig_dict = PyTuple_GET_ITEM(args, 2);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 1 must be str, not %.50s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    if (!PyTuple_Check(bases)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 2 must be tuple, not %.50s",
                     Py_TYPE(bases)->tp_name);
        return NULL;
    }
    if (!PyDict_Check(orig_dict)) {
        PyErr_Format(PyExc_TypeError, "type.__new__() argument 3 must be dict, not %.50s",
                     Py_TYPE(orig_dict)->tp_name);
        return NULL;
    }

    /* Determine the proper metatype to deal with this */
    winner = _PyType_CalculateMetaclass(metatype, bases);
    if (winner == NULL)
        return NULL;
    if (winner != metatype) {
        if (winner->tp_new != type_new) /* Pass it to the winner */
            return winner->tp_new(winner, args, kwds);
        metatype = winner;
    }

    /* Adjust for empty tuple bases */
    if (PyTuple_GET_SIZE(bases) == 0) {
        base = &PyBaseObject_Type;
        bases = PyTuple_Pack(1, base);
        if (bases == NULL)
            return NULL;
    }
    else {
        Py_ssize_t i;
        for (i = 0; i < PyTuple_GET_SIZE(bases); i++) {
            PyObject *b = PyTuple_GET_ITEM(bases, i);
            if (PyType_Check(b))
                continue;
            {
                PyObject *mro_entries;
                if (_PyObject_LookupAttr(b, _Py_ID(__mro_entries__), &mro_entries) < 0)
                    return NULL;
                if (mro_entries != NULL) {
                    PyErr_SetString(PyExc_TypeError,
                                    "type() doesn't support MRO entry resolution; use types.new_class()");
                    Py_DECREF(mro_entries);
                    return NULL;
                }
            }
        }
        base = best_base(bases);
        if (base == NULL)
            return NULL;
        Py_INCREF(bases);
    }

    ctx.metatype = metatype;
    ctx.args = args;
    ctx.kwds = kwds;
    ctx.orig_dict = orig_dict;
    ctx.name = name;
    ctx.bases = bases;
    ctx.base = base;
    ctx.slots = NULL;
    ctx.nslot = 0;
    ctx.add_dict = ctx.add_weak = ctx.may_add_dict = ctx.may_add_weak = 0;

    type = type_new_impl(&ctx);
    Py_DECREF(bases);
    if (type == NULL)
        return NULL;
    if (type_new_set_names((PyTypeObject *)type) < 0 ||
        type_new_init_subclass((PyTypeObject *)type, kwds) < 0) {
        Py_DECREF(type);
        return NULL;
    }
    return type;
}

static PyObject *type_vectorcall(PyObject *metatype, PyObject *const *args, size_t nargsf,
                                 PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs == 1 && metatype == (PyObject *)&PyType_Type) {
        if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
            PyErr_SetString(PyExc_TypeError, "type.__new__() takes no keyword arguments");
            return NULL;
        }
        return Py_NewRef(Py_TYPE(args[0]));
    }
    /* In other (much less common) cases, fall back to more flexible calling
     * conventions. */
    return _PyObject_MakeTpCall(_PyThreadState_GET(), metatype, args, nargs, kwnames);
}

/* `int | str` → types.UnionType (unionobject.c) */
static PyObject *type_or(PyObject *self, PyObject *other)
{
    return _Py_union_type_or(self, other);
}

static PyNumberMethods type_as_number = {
    .nb_or = type_or,
};

PyTypeObject PyType_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "type",
    .tp_basicsize = sizeof(PyHeapTypeObject),
    .tp_itemsize = sizeof(PyMemberDef),
    .tp_dealloc = type_dealloc,
    .tp_vectorcall_offset = offsetof(PyTypeObject, tp_vectorcall),
    .tp_repr = (reprfunc)type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_TYPE_SUBCLASS | Py_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_weaklistoffset = offsetof(PyTypeObject, tp_weaklist),
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getsets,
    .tp_base = NULL, /* set to object by PyType_Ready */
    .tp_dictoffset = offsetof(PyTypeObject, tp_dict),
    .tp_init = type_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = type_new,
    .tp_free = PyObject_GC_Del,
    .tp_is_gc = type_is_gc,
    .tp_vectorcall = type_vectorcall,
};

/* ---------------------------------------------------------------- object */

static int excess_args(PyObject *args, PyObject *kwds)
{
    return PyTuple_GET_SIZE(args) || (kwds && PyDict_Check(kwds) && PyDict_Size(kwds));
}

static int object_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyTypeObject *type = Py_TYPE(self);
    if (excess_args(args, kwds)) {
        if (type->tp_init != object_init) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            PyErr_Format(PyExc_TypeError,
                         "%.200s.__init__() takes exactly one argument (the instance to initialize)",
                         type->tp_name);
            return -1;
        }
    }
    return 0;
}

static PyObject *object_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (excess_args(args, kwds)) {
        if (type->tp_new != object_new) {
            PyErr_SetString(PyExc_TypeError,
                            "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (type->tp_flags & Py_TPFLAGS_IS_ABSTRACT) {
        PyObject *abstract_methods, *sorted_methods, *joined;
        Py_ssize_t method_count;
        /* Compute ", ".join(sorted(type.__abstractmethods__)) into joined. */
        abstract_methods = type_abstractmethods(type, NULL);
        if (abstract_methods == NULL)
            return NULL;
        sorted_methods = PySequence_List(abstract_methods);
        Py_DECREF(abstract_methods);
        if (sorted_methods == NULL)
            return NULL;
        if (PyList_Sort(sorted_methods)) {
            Py_DECREF(sorted_methods);
            return NULL;
        }
        {
            PyObject *comma = PyUnicode_FromString(", ");
            joined = comma ? PyUnicode_Join(comma, sorted_methods) : NULL;
            Py_XDECREF(comma);
        }
        method_count = PyList_GET_SIZE(sorted_methods);
        Py_DECREF(sorted_methods);
        if (joined == NULL)
            return NULL;
        PyErr_Format(PyExc_TypeError,
                     "Can't instantiate abstract class %s with abstract method%s %U",
                     type->tp_name, method_count > 1 ? "s" : "", joined);
        Py_DECREF(joined);
        return NULL;
    }
    return type->tp_alloc(type, 0);
}

static void object_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *object_repr(PyObject *self)
{
    PyTypeObject *type = Py_TYPE(self);
    PyObject *mod, *name, *rtn;
    mod = type_module(type, NULL);
    if (mod == NULL)
        PyErr_Clear();
    else if (!PyUnicode_Check(mod))
        Py_CLEAR(mod);
    name = type_qualname(type, NULL);
    if (name == NULL) {
        Py_XDECREF(mod);
        return NULL;
    }
    if (mod != NULL && !_PyUnicode_EqualToASCIIString(mod, "builtins"))
        rtn = PyUnicode_FromFormat("<%U.%U object at %p>", mod, name, self);
    else
        rtn = PyUnicode_FromFormat("<%s object at %p>", type->tp_name, self);
    Py_XDECREF(mod);
    Py_DECREF(name);
    return rtn;
}

static PyObject *object_str(PyObject *self)
{
    unaryfunc f = Py_TYPE(self)->tp_repr;
    if (f == NULL)
        f = object_repr;
    return f(self);
}

static PyObject *object_richcompare(PyObject *self, PyObject *other, int op)
{
    PyObject *res;
    switch (op) {
    case Py_EQ:
        /* Return NotImplemented instead of False, so if two objects are compared,
         * both get a chance at the comparison. */
        res = (self == other) ? Py_True : Py_NotImplemented;
        return Py_NewRef(res);
    case Py_NE:
        /* By default, __ne__() delegates to __eq__() and inverts the result, unless
         * the latter returns NotImplemented. */
        if (Py_TYPE(self)->tp_richcompare == NULL)
            Py_RETURN_NOTIMPLEMENTED;
        res = (*Py_TYPE(self)->tp_richcompare)(self, other, Py_EQ);
        if (res != NULL && res != Py_NotImplemented) {
            int ok = PyObject_IsTrue(res);
            Py_DECREF(res);
            if (ok < 0)
                return NULL;
            return PyBool_FromLong(!ok);
        }
        return res;
    default:
        Py_RETURN_NOTIMPLEMENTED;
    }
}

static Py_hash_t object_hash(PyObject *self)
{
    return _Py_HashPointer(self);
}

static PyObject *object_get_class(PyObject *self, void *closure)
{
    return Py_NewRef(Py_TYPE(self));
}

static int same_slots_added(PyTypeObject *a, PyTypeObject *b)
{
    PyTypeObject *base = a->tp_base;
    Py_ssize_t size;
    PyObject *slots_a, *slots_b;
    if (base != b->tp_base)
        return 0;
    size = base->tp_basicsize;
    if (a->tp_dictoffset == size && b->tp_dictoffset == size)
        size += (Py_ssize_t)sizeof(PyObject *);
    if (a->tp_weaklistoffset == size && b->tp_weaklistoffset == size)
        size += (Py_ssize_t)sizeof(PyObject *);
    /* Check slots compliance */
    if (!(a->tp_flags & Py_TPFLAGS_HEAPTYPE) || !(b->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return 0;
    slots_a = ((PyHeapTypeObject *)a)->ht_slots;
    slots_b = ((PyHeapTypeObject *)b)->ht_slots;
    if (slots_a && slots_b) {
        if (PyObject_RichCompareBool(slots_a, slots_b, Py_EQ) != 1)
            return 0;
        size += (Py_ssize_t)sizeof(PyObject *) * PyTuple_GET_SIZE(slots_a);
    }
    return size == a->tp_basicsize && size == b->tp_basicsize;
}

static int compatible_with_tp_base(PyTypeObject *child)
{
    PyTypeObject *parent = child->tp_base;
    return (parent != NULL && child->tp_basicsize == parent->tp_basicsize &&
            child->tp_itemsize == parent->tp_itemsize &&
            child->tp_dictoffset == parent->tp_dictoffset &&
            child->tp_weaklistoffset == parent->tp_weaklistoffset &&
            ((child->tp_flags & Py_TPFLAGS_HAVE_GC) == (parent->tp_flags & Py_TPFLAGS_HAVE_GC)) &&
            (child->tp_dealloc == subtype_dealloc || child->tp_dealloc == parent->tp_dealloc));
}

static int compatible_for_assignment(PyTypeObject *oldto, PyTypeObject *newto, const char *attr)
{
    PyTypeObject *newbase, *oldbase;
    if (newto->tp_free != oldto->tp_free) {
        PyErr_Format(PyExc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                     newto->tp_name, oldto->tp_name);
        return 0;
    }
    newbase = newto;
    oldbase = oldto;
    while (compatible_with_tp_base(newbase))
        newbase = newbase->tp_base;
    while (compatible_with_tp_base(oldbase))
        oldbase = oldbase->tp_base;
    if (newbase != oldbase &&
        (newbase->tp_base != oldbase->tp_base || !same_slots_added(newbase, oldbase))) {
        PyErr_Format(PyExc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr,
                     newto->tp_name, oldto->tp_name);
        return 0;
    }
    return 1;
}

static int object_set_class(PyObject *self, PyObject *value, void *closure)
{
    PyTypeObject *oldto = Py_TYPE(self), *newto;
    if (value == NULL) {
        PyErr_SetString(PyExc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (PySys_Audit("object.__setattr__", "OsO", self, "__class__", value) < 0)
        return -1;
    if (!PyType_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__class__ must be set to a class, not '%s' object",
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    newto = (PyTypeObject *)value;
    if (!(PyType_IsSubtype(newto, &PyModule_Type) && PyType_IsSubtype(oldto, &PyModule_Type)) &&
        (newto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE || oldto->tp_flags & Py_TPFLAGS_IMMUTABLETYPE)) {
        PyErr_Format(PyExc_TypeError,
                     "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (compatible_for_assignment(oldto, newto, "__class__")) {
        if (newto->tp_flags & Py_TPFLAGS_HEAPTYPE)
            Py_INCREF(newto);
        Py_SET_TYPE(self, newto);
        if (oldto->tp_flags & Py_TPFLAGS_HEAPTYPE)
            Py_DECREF(oldto);
        return 0;
    }
    return -1;
}

static PyGetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, DOC_object___class__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* object.__getstate__ / __reduce_ex__: pickling support via copyreg. */
static PyObject *import_copyreg(void)
{
    return PyImport_ImportModule("copyreg");
}

/* The slot names of cls (copyreg._slotnames caches them in cls.__slotnames__). */
static PyObject *_PyType_GetSlotNames(PyTypeObject *cls)
{
    PyObject *copyreg, *slotnames;
    slotnames = PyDict_GetItemWithError(cls->tp_dict, _Py_ID(__slotnames__));
    if (slotnames != NULL) {
        if (slotnames != Py_None && !PyList_Check(slotnames)) {
            PyErr_Format(PyExc_TypeError, "%.200s.__slotnames__ should be a list or None, not %.200s",
                         cls->tp_name, Py_TYPE(slotnames)->tp_name);
            return NULL;
        }
        return Py_NewRef(slotnames);
    }
    if (PyErr_Occurred())
        return NULL;
    copyreg = import_copyreg();
    if (copyreg == NULL)
        return NULL;
    slotnames = PyObject_CallMethod(copyreg, "_slotnames", "O", (PyObject *)cls);
    Py_DECREF(copyreg);
    if (slotnames == NULL)
        return NULL;
    if (slotnames != Py_None && !PyList_Check(slotnames)) {
        PyErr_SetString(PyExc_TypeError, "copyreg._slotnames didn't return a list or None");
        Py_DECREF(slotnames);
        return NULL;
    }
    return slotnames;
}

/* {slot: value} for the slots that are set, or NULL with no error when none are. */
static int object_slots_state(PyObject *obj, PyObject *slotnames, PyObject **out)
{
    Py_ssize_t i, n = PyList_GET_SIZE(slotnames);
    PyObject *slots = PyDict_New();
    *out = NULL;
    if (slots == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        PyObject *name = Py_NewRef(PyList_GET_ITEM(slotnames, i)), *value;
        int r = _PyObject_LookupAttr(obj, name, &value);
        if (r > 0) {
            r = PyDict_SetItem(slots, name, value);
            Py_DECREF(value);
        }
        Py_DECREF(name);
        if (r < 0)
            goto error;
        /* the list lives on the class, so it may change while we iterate */
        if (n != PyList_GET_SIZE(slotnames)) {
            PyErr_Format(PyExc_RuntimeError, "__slotsname__ changed size during iteration");
            goto error;
        }
    }
    if (PyDict_GET_SIZE(slots) > 0)
        *out = slots;
    else
        Py_DECREF(slots);
    return 0;
error:
    Py_DECREF(slots);
    return -1;
}

/* object.__getstate__(): the instance dict (or None), paired with the slot values
 * when there are some.  'required': the object has no other way to be rebuilt
 * (no __getnewargs__, not a list/dict), so C-level state that would be lost is an
 * error. */
static PyObject *object_getstate_default(PyObject *obj, int required)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject *state, *slotnames, *slots;
    PyObject **dictptr;
    if (required && tp->tp_itemsize)
        return PyErr_Format(PyExc_TypeError, "cannot pickle %.200s objects", tp->tp_name);
    dictptr = _PyObject_GetDictPtr(obj);
    if (dictptr == NULL || *dictptr == NULL || PyDict_GET_SIZE(*dictptr) == 0)
        state = Py_NewRef(Py_None);
    else
        state = Py_NewRef(*dictptr);
    slotnames = _PyType_GetSlotNames(tp);
    if (slotnames == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    if (required) {
        Py_ssize_t basicsize = PyBaseObject_Type.tp_basicsize;
        if (tp->tp_dictoffset)
            basicsize += (Py_ssize_t)sizeof(PyObject *);
        if (tp->tp_weaklistoffset)
            basicsize += (Py_ssize_t)sizeof(PyObject *);
        if (slotnames != Py_None)
            basicsize += (Py_ssize_t)sizeof(PyObject *) * PyList_GET_SIZE(slotnames);
        if (tp->tp_basicsize > basicsize) {
            Py_DECREF(slotnames);
            Py_DECREF(state);
            return PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", tp->tp_name);
        }
    }
    if (slotnames != Py_None && PyList_GET_SIZE(slotnames) > 0) {
        if (object_slots_state(obj, slotnames, &slots) < 0) {
            Py_DECREF(slotnames);
            Py_DECREF(state);
            return NULL;
        }
        if (slots != NULL) {
            PyObject *pair = PyTuple_Pack(2, state, slots);
            Py_DECREF(slots);
            Py_DECREF(state);
            state = pair;
        }
    }
    Py_DECREF(slotnames);
    return state;
}

static PyObject *object___getstate__(PyObject *self, PyObject *unused);

/* obj.__getstate__(), passing 'required' down when it is object's own. */
static PyObject *object_getstate(PyObject *obj, int required)
{
    PyObject *getstate, *state;
    getstate = PyObject_GetAttr(obj, _Py_ID(__getstate__));
    if (getstate == NULL)
        return NULL;
    if (PyCFunction_Check(getstate) && PyCFunction_GET_SELF(getstate) == obj &&
        PyCFunction_GET_FUNCTION(getstate) == (PyCFunction)object___getstate__)
        state = object_getstate_default(obj, required);
    else
        state = PyObject_CallNoArgs(getstate);
    Py_DECREF(getstate);
    return state;
}

PyObject *_PyObject_GetState(PyObject *obj)
{
    return object_getstate(obj, 0);
}

static PyObject *object___getstate__(PyObject *self, PyObject *unused)
{
    return object_getstate_default(self, 0);
}

/* __getnewargs_ex__() -> (args, kwargs), else __getnewargs__() -> args, else none. */
static int _PyObject_GetNewArguments(PyObject *obj, PyObject **args, PyObject **kwargs)
{
    PyObject *getnewargs, *getnewargs_ex, *newargs;
    *args = *kwargs = NULL;
    getnewargs_ex = _PyObject_LookupSpecial(obj, _Py_ID(__getnewargs_ex__));
    if (getnewargs_ex != NULL) {
        newargs = PyObject_CallNoArgs(getnewargs_ex);
        Py_DECREF(getnewargs_ex);
        if (newargs == NULL)
            return -1;
        if (!PyTuple_Check(newargs)) {
            PyErr_Format(PyExc_TypeError, "__getnewargs_ex__ should return a tuple, not '%.200s'",
                         Py_TYPE(newargs)->tp_name);
            Py_DECREF(newargs);
            return -1;
        }
        if (PyTuple_GET_SIZE(newargs) != 2) {
            PyErr_Format(PyExc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %zd",
                         PyTuple_GET_SIZE(newargs));
            Py_DECREF(newargs);
            return -1;
        }
        *args = Py_NewRef(PyTuple_GET_ITEM(newargs, 0));
        *kwargs = Py_NewRef(PyTuple_GET_ITEM(newargs, 1));
        Py_DECREF(newargs);
        if (!PyTuple_Check(*args)) {
            PyErr_Format(PyExc_TypeError,
                         "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%.200s'",
                         Py_TYPE(*args)->tp_name);
            goto fail;
        }
        if (!PyDict_Check(*kwargs)) {
            PyErr_Format(PyExc_TypeError,
                         "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%.200s'",
                         Py_TYPE(*kwargs)->tp_name);
            goto fail;
        }
        return 0;
    }
    if (PyErr_Occurred())
        return -1;
    getnewargs = _PyObject_LookupSpecial(obj, _Py_ID(__getnewargs__));
    if (getnewargs != NULL) {
        *args = PyObject_CallNoArgs(getnewargs);
        Py_DECREF(getnewargs);
        if (*args == NULL)
            return -1;
        if (!PyTuple_Check(*args)) {
            PyErr_Format(PyExc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                         Py_TYPE(*args)->tp_name);
            Py_CLEAR(*args);
            return -1;
        }
        return 0;
    }
    return PyErr_Occurred() ? -1 : 0;
fail:
    Py_CLEAR(*args);
    Py_CLEAR(*kwargs);
    return -1;
}

/* Iterators over a list's items / a dict's items for the reduce tuple, else None. */
static int _PyObject_GetItemsIter(PyObject *obj, PyObject **listitems, PyObject **dictitems)
{
    *listitems = PyList_Check(obj) ? PyObject_GetIter(obj) : Py_NewRef(Py_None);
    if (*listitems == NULL)
        return -1;
    if (!PyDict_Check(obj)) {
        *dictitems = Py_NewRef(Py_None);
    }
    else {
        PyObject *items = PyObject_CallMethod(obj, "items", NULL);
        *dictitems = items ? PyObject_GetIter(items) : NULL;
        Py_XDECREF(items);
        if (*dictitems == NULL) {
            Py_CLEAR(*listitems);
            return -1;
        }
    }
    return 0;
}

/* The protocol-2+ reduce tuple: (copyreg.__newobj__, (cls, *args), state, listitems,
 * dictitems), or copyreg.__newobj_ex__ with (cls, args, kwargs) when there are
 * keyword arguments. */
static PyObject *reduce_newobj(PyObject *obj)
{
    PyObject *args = NULL, *kwargs = NULL, *copyreg, *newobj, *newargs, *state;
    PyObject *listitems, *dictitems, *result;
    int hasargs;
    if (Py_TYPE(obj)->tp_new == NULL) {
        PyErr_Format(PyExc_TypeError, "cannot pickle '%.200s' object", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    if (_PyObject_GetNewArguments(obj, &args, &kwargs) < 0)
        return NULL;
    copyreg = import_copyreg();
    if (copyreg == NULL) {
        Py_XDECREF(args);
        Py_XDECREF(kwargs);
        return NULL;
    }
    hasargs = (args != NULL);
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        Py_ssize_t i, n = args ? PyTuple_GET_SIZE(args) : 0;
        Py_XDECREF(kwargs);
        newobj = PyObject_GetAttrString(copyreg, "__newobj__");
        Py_DECREF(copyreg);
        newargs = newobj ? PyTuple_New(n + 1) : NULL;
        if (newargs == NULL) {
            Py_XDECREF(newobj);
            Py_XDECREF(args);
            return NULL;
        }
        PyTuple_SET_ITEM(newargs, 0, Py_NewRef((PyObject *)Py_TYPE(obj)));
        for (i = 0; i < n; i++)
            PyTuple_SET_ITEM(newargs, i + 1, Py_NewRef(PyTuple_GET_ITEM(args, i)));
        Py_XDECREF(args);
    }
    else {
        newobj = PyObject_GetAttrString(copyreg, "__newobj_ex__");
        Py_DECREF(copyreg);
        newargs = newobj ? PyTuple_Pack(3, (PyObject *)Py_TYPE(obj), args, kwargs) : NULL;
        Py_DECREF(args);
        Py_DECREF(kwargs);
        if (newargs == NULL) {
            Py_XDECREF(newobj);
            return NULL;
        }
    }
    state = object_getstate(obj, !(hasargs || PyList_Check(obj) || PyDict_Check(obj)));
    if (state == NULL) {
        Py_DECREF(newobj);
        Py_DECREF(newargs);
        return NULL;
    }
    if (_PyObject_GetItemsIter(obj, &listitems, &dictitems) < 0) {
        Py_DECREF(newobj);
        Py_DECREF(newargs);
        Py_DECREF(state);
        return NULL;
    }
    result = PyTuple_Pack(5, newobj, newargs, state, listitems, dictitems);
    Py_DECREF(newobj);
    Py_DECREF(newargs);
    Py_DECREF(state);
    Py_DECREF(listitems);
    Py_DECREF(dictitems);
    return result;
}

static PyObject *common_reduce(PyObject *self, long proto)
{
    PyObject *copyreg, *res;
    if (proto >= 2)
        return reduce_newobj(self);
    copyreg = import_copyreg();
    if (copyreg == NULL)
        return NULL;
    res = PyObject_CallMethod(copyreg, "_reduce_ex", "Oi", self, (int)proto);
    Py_DECREF(copyreg);
    return res;
}

static PyObject *object___reduce__(PyObject *self, PyObject *unused)
{
    return common_reduce(self, 0);
}

static PyObject *object___reduce_ex__(PyObject *self, PyObject *arg)
{
    static PyObject *objreduce;
    PyObject *reduce, *res;
    long protocol = PyLong_AsLong(arg);
    if (protocol == -1 && PyErr_Occurred())
        return NULL;
    if (objreduce == NULL) {
        objreduce = PyDict_GetItemWithError(PyBaseObject_Type.tp_dict, _Py_ID(__reduce__));
        if (objreduce == NULL)
            return NULL;
    }
    if (_PyObject_LookupAttr(self, _Py_ID(__reduce__), &reduce) < 0)
        return NULL;
    if (reduce != NULL) {
        PyObject *cls = (PyObject *)Py_TYPE(self), *clsreduce;
        int override;
        clsreduce = PyObject_GetAttr(cls, _Py_ID(__reduce__));
        if (clsreduce == NULL) {
            Py_DECREF(reduce);
            return NULL;
        }
        override = (clsreduce != objreduce);
        Py_DECREF(clsreduce);
        if (override) {
            res = PyObject_CallNoArgs(reduce);
            Py_DECREF(reduce);
            return res;
        }
        Py_DECREF(reduce);
    }
    return common_reduce(self, protocol);
}

static PyObject *object___subclasshook__(PyObject *cls, PyObject *args)
{
    Py_RETURN_NOTIMPLEMENTED;
}

/* METH_NOARGS, so keyword arguments are rejected as "Bad.__init_subclass__() takes
 * no keyword arguments" (the bound method's qualified name), as in CPython. */
static PyObject *object___init_subclass__(PyObject *cls, PyObject *unused)
{
    Py_RETURN_NONE;
}

static PyObject *object___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.50s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    /* Issue 7994: If we're converting to a string, we should reject format
     * specifications */
    if (PyUnicode_GetLength(format_spec) > 0) {
        PyErr_Format(PyExc_TypeError, "unsupported format string passed to %.200s.__format__",
                     Py_TYPE(self)->tp_name);
        return NULL;
    }
    return PyObject_Str(self);
}

static PyObject *object___sizeof__(PyObject *self, PyObject *unused)
{
    Py_ssize_t res = 0, isize = Py_TYPE(self)->tp_itemsize;
    if (isize > 0) {
        Py_ssize_t n = Py_SIZE(self);
        res = (n < 0 ? -n : n) * isize;
    }
    res += Py_TYPE(self)->tp_basicsize;
    return PyLong_FromSsize_t(res);
}

/* object.__dir__: instance __dict__ keys plus everything its class offers. */
static PyObject *object___dir__(PyObject *self, PyObject *unused)
{
    PyObject *result = NULL, *dict = NULL, *itsclass = NULL;
    if (_PyObject_LookupAttr(self, _Py_ID(__dict__), &dict) < 0)
        return NULL;
    if (dict == NULL) {
        dict = PyDict_New();
    }
    else if (!PyDict_Check(dict)) {
        Py_DECREF(dict);
        dict = PyDict_New();
    }
    else {
        /* Copy __dict__ to avoid mutating it. */
        PyObject *temp = PyDict_Copy(dict);
        Py_DECREF(dict);
        dict = temp;
    }
    if (dict == NULL)
        goto error;
    if (_PyObject_LookupAttr(self, _Py_ID(__class__), &itsclass) < 0)
        goto error;
    if (itsclass != NULL && merge_class_dict(dict, itsclass) < 0)
        goto error;
    result = PyDict_Keys(dict);
error:
    Py_XDECREF(itsclass);
    Py_XDECREF(dict);
    return result;
}

static PyMethodDef object_methods[] = {
    {"__reduce_ex__", object___reduce_ex__, METH_O, DOC_object___reduce_ex__},
    {"__reduce__", object___reduce__, METH_NOARGS, DOC_object___reduce__},
    {"__getstate__", object___getstate__, METH_NOARGS, DOC_object___getstate__},
    {"__subclasshook__", object___subclasshook__, METH_CLASS | METH_VARARGS, DOC_object___subclasshook__},
    {"__init_subclass__", object___init_subclass__, METH_CLASS | METH_NOARGS, DOC_object___init_subclass__},
    {"__format__", object___format__, METH_O, DOC_object___format__},
    {"__sizeof__", object___sizeof__, METH_NOARGS, DOC_object___sizeof__},
    {"__dir__", object___dir__, METH_NOARGS, DOC_object___dir__},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyBaseObject_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "object",
    .tp_basicsize = sizeof(PyObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_object,
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getsets,
    .tp_init = object_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = object_new,
    .tp_free = PyObject_Free,
};

/* ---------------------------------------------------------------- super */

typedef struct {
    PyObject_HEAD
    PyTypeObject *type;     /* the class super() was called for */
    PyObject *obj;          /* the instance (or class) bound to */
    PyTypeObject *obj_type; /* type(obj) or obj itself if it is a class */
} superobject;

static PyMemberDef super_members[] = {
    {"__thisclass__", T_OBJECT, offsetof(superobject, type), READONLY, DOC_super___thisclass__},
    {"__self__", T_OBJECT, offsetof(superobject, obj), READONLY, DOC_super___self__},
    {"__self_class__", T_OBJECT, offsetof(superobject, obj_type), READONLY, DOC_super___self_class__},
    {NULL, 0, 0, 0, NULL},
};

static void super_dealloc(PyObject *self)
{
    superobject *su = (superobject *)self;
    PyObject_GC_UnTrack(self);
    Py_XDECREF(su->obj);
    Py_XDECREF(su->type);
    Py_XDECREF(su->obj_type);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *super_repr(PyObject *self)
{
    superobject *su = (superobject *)self;
    if (su->obj_type)
        return PyUnicode_FromFormat("<super: <class '%s'>, <%s object>>",
                                    su->type ? su->type->tp_name : "NULL", su->obj_type->tp_name);
    return PyUnicode_FromFormat("<super: <class '%s'>, NULL>",
                                su->type ? su->type->tp_name : "NULL");
}

/* Look name up in the MRO of obj_type, starting after su->type. */
static PyObject *super_getattro(PyObject *self, PyObject *name)
{
    superobject *su = (superobject *)self;
    PyTypeObject *starttype = su->obj_type;
    PyObject *mro;
    Py_ssize_t i, n;

    if (starttype == NULL)
        goto skip;
    /* We want __class__ to return the class of the super object (i.e. super, or a
     * subclass), not the class of su->obj. */
    if (PyUnicode_Check(name) && _PyUnicode_EqualToASCIIString(name, "__class__"))
        goto skip;
    mro = starttype->tp_mro;
    if (mro == NULL)
        goto skip;
    n = PyTuple_GET_SIZE(mro);
    /* No need to check the last one: it's gonna be skipped anyway.  */
    for (i = 0; i + 1 < n; i++) {
        if ((PyObject *)(su->type) == PyTuple_GET_ITEM(mro, i))
            break;
    }
    i++; /* skip su->type (if any)  */
    if (i >= n)
        goto skip;
    Py_INCREF(mro);
    do {
        PyObject *obj = PyTuple_GET_ITEM(mro, i);
        PyObject *dict = ((PyTypeObject *)obj)->tp_dict;
        PyObject *res;
        res = dict ? PyDict_GetItemWithError(dict, name) : NULL;
        if (res != NULL) {
            descrgetfunc f;
            Py_INCREF(res);
            f = Py_TYPE(res)->tp_descr_get;
            if (f != NULL) {
                PyObject *tmp = f(res,
                                  /* Only pass 'obj' param if this is instance-mode super
                                   * (See SF ID #743627)  */
                                  (su->obj == (PyObject *)starttype) ? NULL : su->obj,
                                  (PyObject *)starttype);
                Py_DECREF(res);
                res = tmp;
            }
            Py_DECREF(mro);
            return res;
        }
        else if (PyErr_Occurred()) {
            Py_DECREF(mro);
            return NULL;
        }
        i++;
    } while (i < n);
    Py_DECREF(mro);
skip:
    return PyObject_GenericGetAttr(self, name);
}

static PyTypeObject *supercheck(PyTypeObject *type, PyObject *obj)
{
    PyObject *class_attr;
    /* Check that a super() call makes sense.  Return a type object. */
    if (PyType_Check(obj) && PyType_IsSubtype((PyTypeObject *)obj, type))
        return (PyTypeObject *)Py_NewRef(obj);
    /* Normal case */
    if (PyType_IsSubtype(Py_TYPE(obj), type))
        return (PyTypeObject *)Py_NewRef(Py_TYPE(obj));
    /* Try the slow way: obj.__class__ (proxies may lie about their type). */
    if (_PyObject_LookupAttr(obj, _Py_ID(__class__), &class_attr) < 0)
        return NULL;
    if (class_attr != NULL && PyType_Check(class_attr) && (PyTypeObject *)class_attr != Py_TYPE(obj)) {
        int ok = PyType_IsSubtype((PyTypeObject *)class_attr, type);
        if (ok)
            return (PyTypeObject *)class_attr;
    }
    Py_XDECREF(class_attr);
    PyErr_SetString(PyExc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static PyObject *super_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    superobject *su = (superobject *)self, *newobj;
    if (obj == NULL || obj == Py_None || su->obj != NULL) {
        /* Not binding to an object, or already bound */
        return Py_NewRef(self);
    }
    if (!Py_IS_TYPE(su, &PySuper_Type))
        /* If su is an instance of a (strict) subclass of super, call its type */
        return PyObject_CallFunctionObjArgs((PyObject *)Py_TYPE(su), su->type, obj, NULL);
    {
        /* Inline the common case */
        PyTypeObject *obj_type = supercheck(su->type, obj);
        if (obj_type == NULL)
            return NULL;
        newobj = (superobject *)PySuper_Type.tp_new(&PySuper_Type, NULL, NULL);
        if (newobj == NULL) {
            Py_DECREF(obj_type);
            return NULL;
        }
        newobj->type = (PyTypeObject *)Py_NewRef(su->type);
        newobj->obj = Py_NewRef(obj);
        newobj->obj_type = obj_type;
        return (PyObject *)newobj;
    }
}

/* super() without arguments: the class from the __class__ cell and the first
 * argument of the calling function's frame. */
static int super_init_without_args(PyTypeObject **type_p, PyObject **obj_p)
{
    PyFrameObject *f = PyEval_GetFrame();
    PyCodeObject *co;
    PyObject *firstarg;
    Py_ssize_t i, n;

    if (f == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no current frame");
        return -1;
    }
    co = f->f_code;
    if (co == NULL || co->co_argcount == 0) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return -1;
    }
    firstarg = f->f_localsplus[0];
    /* The first argument might be a cell (if it is captured by a closure): the
     * value then lives in that cell. */
    if (co->co_cell2arg != NULL) {
        for (i = 0; i < co->co_ncellvars; i++) {
            if (co->co_cell2arg[i] == 0) {
                PyObject *cell = f->f_localsplus[co->co_nlocals + i];
                if (cell != NULL && PyCell_Check(cell))
                    firstarg = PyCell_GET(cell);
                break;
            }
        }
    }
    if (firstarg != NULL && PyCell_Check(firstarg) && co->co_ncellvars > 0 &&
        co->co_cell2arg == NULL)
        firstarg = PyCell_GET(firstarg);
    if (firstarg == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    n = PyTuple_GET_SIZE(co->co_freevars);
    for (i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(co->co_freevars, i);
        if (_PyUnicode_EqualToASCIIString(name, "__class__")) {
            PyObject *cell = f->f_localsplus[co->co_nlocals + co->co_ncellvars + i];
            PyObject *type;
            if (cell == NULL || !PyCell_Check(cell)) {
                PyErr_SetString(PyExc_RuntimeError, "super(): bad __class__ cell");
                return -1;
            }
            type = PyCell_GET(cell);
            if (type == NULL) {
                PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
                return -1;
            }
            if (!PyType_Check(type)) {
                PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)",
                             Py_TYPE(type)->tp_name);
                return -1;
            }
            *type_p = (PyTypeObject *)type;
            *obj_p = firstarg;
            return 0;
        }
    }
    PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

static int super_init_impl(PyObject *self, PyTypeObject *type, PyObject *obj)
{
    superobject *su = (superobject *)self;
    PyTypeObject *obj_type = NULL;
    if (type == NULL) {
        if (super_init_without_args(&type, &obj) < 0)
            return -1;
    }
    if (obj == Py_None)
        obj = NULL;
    if (obj != NULL) {
        obj_type = supercheck(type, obj);
        if (obj_type == NULL)
            return -1;
        Py_INCREF(obj);
    }
    Py_INCREF(type);
    Py_XSETREF_SAFE(su->type, type);
    Py_XSETREF_SAFE(su->obj, obj);
    Py_XSETREF_SAFE(su->obj_type, obj_type);
    return 0;
}

static int super_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *type = NULL, *obj = NULL;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (kwds != NULL && PyDict_Check(kwds) && PyDict_Size(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "super expected at most 2 arguments, got %zd", nargs);
        return -1;
    }
    if (nargs >= 1) {
        type = PyTuple_GET_ITEM(args, 0);
        if (!PyType_Check(type)) {
            PyErr_Format(PyExc_TypeError, "super() argument 1 must be a type, not %.200s",
                         Py_TYPE(type)->tp_name);
            return -1;
        }
    }
    if (nargs == 2)
        obj = PyTuple_GET_ITEM(args, 1);
    return super_init_impl(self, (PyTypeObject *)type, obj);
}

static PyObject *super_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf,
                                  PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *obj;
    PyTypeObject *type = NULL;
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "super() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 2) {
        PyErr_Format(PyExc_TypeError, "super expected at most 2 arguments, got %zd", nargs);
        return NULL;
    }
    if (nargs >= 1) {
        if (!PyType_Check(args[0])) {
            PyErr_Format(PyExc_TypeError, "super() argument 1 must be a type, not %.200s",
                         Py_TYPE(args[0])->tp_name);
            return NULL;
        }
        type = (PyTypeObject *)args[0];
    }
    obj = PySuper_Type.tp_alloc(&PySuper_Type, 0);
    if (obj == NULL)
        return NULL;
    if (super_init_impl(obj, type, nargs == 2 ? args[1] : NULL) < 0) {
        Py_DECREF(obj);
        return NULL;
    }
    return obj;
}

static int super_traverse(PyObject *self, visitproc visit, void *arg)
{
    superobject *su = (superobject *)self;
    Py_VISIT(su->obj);
    Py_VISIT(su->type);
    Py_VISIT(su->obj_type);
    return 0;
}

PyTypeObject PySuper_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "super",
    .tp_basicsize = sizeof(superobject),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_super,
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = super_vectorcall,
};

/* ---------------------------------------------------------------- PyType_FromSpec */

/* Slot id (typeslots numbering) -> offset in PyHeapTypeObject. */
static const short slotoffsets[] = {
    -1, /* invalid slot */
#define HT(F) (short)offsetof(PyHeapTypeObject, F)
    HT(as_buffer.bf_getbuffer), HT(as_buffer.bf_releasebuffer),
    HT(as_mapping.mp_ass_subscript), HT(as_mapping.mp_length), HT(as_mapping.mp_subscript),
    HT(as_number.nb_absolute), HT(as_number.nb_add), HT(as_number.nb_and), HT(as_number.nb_bool),
    HT(as_number.nb_divmod), HT(as_number.nb_float), HT(as_number.nb_floor_divide),
    HT(as_number.nb_index), HT(as_number.nb_inplace_add), HT(as_number.nb_inplace_and),
    HT(as_number.nb_inplace_floor_divide), HT(as_number.nb_inplace_lshift),
    HT(as_number.nb_inplace_multiply), HT(as_number.nb_inplace_or), HT(as_number.nb_inplace_power),
    HT(as_number.nb_inplace_remainder), HT(as_number.nb_inplace_rshift),
    HT(as_number.nb_inplace_subtract), HT(as_number.nb_inplace_true_divide),
    HT(as_number.nb_inplace_xor), HT(as_number.nb_int), HT(as_number.nb_invert),
    HT(as_number.nb_lshift), HT(as_number.nb_multiply), HT(as_number.nb_negative),
    HT(as_number.nb_or), HT(as_number.nb_positive), HT(as_number.nb_power),
    HT(as_number.nb_remainder), HT(as_number.nb_rshift), HT(as_number.nb_subtract),
    HT(as_number.nb_true_divide), HT(as_number.nb_xor), HT(as_sequence.sq_ass_item),
    HT(as_sequence.sq_concat), HT(as_sequence.sq_contains), HT(as_sequence.sq_inplace_concat),
    HT(as_sequence.sq_inplace_repeat), HT(as_sequence.sq_item), HT(as_sequence.sq_length),
    HT(as_sequence.sq_repeat), HT(ht_type.tp_alloc), HT(ht_type.tp_base), HT(ht_type.tp_bases),
    HT(ht_type.tp_call), HT(ht_type.tp_clear), HT(ht_type.tp_dealloc), HT(ht_type.tp_del),
    HT(ht_type.tp_descr_get), HT(ht_type.tp_descr_set), HT(ht_type.tp_doc),
    HT(ht_type.tp_getattr), HT(ht_type.tp_getattro), HT(ht_type.tp_hash), HT(ht_type.tp_init),
    HT(ht_type.tp_is_gc), HT(ht_type.tp_iter), HT(ht_type.tp_iternext), HT(ht_type.tp_methods),
    HT(ht_type.tp_new), HT(ht_type.tp_repr), HT(ht_type.tp_richcompare), HT(ht_type.tp_setattr),
    HT(ht_type.tp_setattro), HT(ht_type.tp_str), HT(ht_type.tp_traverse), HT(ht_type.tp_members),
    HT(ht_type.tp_getset), HT(ht_type.tp_free), HT(as_number.nb_matrix_multiply),
    HT(as_number.nb_inplace_matrix_multiply), HT(as_async.am_await), HT(as_async.am_aiter),
    HT(as_async.am_anext), HT(ht_type.tp_finalize), HT(as_async.am_send),
#undef HT
};

PyObject *PyType_FromModuleAndSpec(PyObject *module, PyType_Spec *spec, PyObject *bases)
{
    PyHeapTypeObject *res;
    PyTypeObject *type, *base;
    PyType_Slot *slot;
    Py_ssize_t nmembers = 0;
    const char *s;
    PyMemberDef *memb;
    PyObject *modname;

    for (slot = spec->slots; slot->slot; slot++) {
        if (slot->slot == Py_tp_members) {
            nmembers = 0;
            for (memb = slot->pfunc; memb->name != NULL; memb++)
                nmembers++;
        }
    }
    res = (PyHeapTypeObject *)PyType_GenericAlloc(&PyType_Type, nmembers);
    if (res == NULL)
        return NULL;
    type = &res->ht_type;
    /* The flags must be initialized early, before the GC traverses us */
    type->tp_flags = spec->flags | Py_TPFLAGS_HEAPTYPE;
    type->tp_as_async = &res->as_async;
    type->tp_as_number = &res->as_number;
    type->tp_as_sequence = &res->as_sequence;
    type->tp_as_mapping = &res->as_mapping;
    type->tp_as_buffer = &res->as_buffer;

    s = strrchr(spec->name, '.');
    if (s == NULL)
        s = spec->name;
    else
        s++;
    res->ht_name = PyUnicode_FromString(s);
    if (res->ht_name == NULL)
        goto fail;
    res->ht_qualname = Py_NewRef(res->ht_name);
    type->tp_name = spec->name;
    Py_XINCREF(module);
    res->ht_module = module;

    /* Bases: explicit, else Py_tp_bases / Py_tp_base slots, else object. */
    base = &PyBaseObject_Type;
    if (bases == NULL) {
        for (slot = spec->slots; slot->slot; slot++) {
            if (slot->slot == Py_tp_base)
                base = slot->pfunc;
            else if (slot->slot == Py_tp_bases)
                bases = slot->pfunc;
        }
    }
    if (bases != NULL && PyType_Check(bases)) {
        base = (PyTypeObject *)bases;
        bases = NULL;
    }
    if (bases == NULL) {
        bases = PyTuple_Pack(1, base);
        if (bases == NULL)
            goto fail;
    }
    else {
        Py_INCREF(bases);
        base = best_base(bases);
        if (base == NULL) {
            Py_DECREF(bases);
            goto fail;
        }
    }
    type->tp_bases = bases;
    type->tp_base = (PyTypeObject *)Py_NewRef(base);
    type->tp_basicsize = spec->basicsize;
    type->tp_itemsize = spec->itemsize;

    for (slot = spec->slots; slot->slot; slot++) {
        if (slot->slot < 0 || (size_t)slot->slot >= Py_ARRAY_LENGTH(slotoffsets)) {
            PyErr_SetString(PyExc_RuntimeError, "invalid slot offset");
            goto fail;
        }
        else if (slot->slot == Py_tp_base || slot->slot == Py_tp_bases) {
            /* Processed above */
            continue;
        }
        else if (slot->slot == Py_tp_doc) {
            /* For the docstring slot, which usually points to a static string literal,
             * we need to make a copy */
            const char *old_doc;
            size_t len;
            char *tp_doc;
            if (slot->pfunc == NULL) {
                type->tp_doc = NULL;
                continue;
            }
            old_doc = _PyType_DocWithoutSignature(type->tp_name, slot->pfunc);
            len = strlen(old_doc) + 1;
            tp_doc = PyObject_Malloc(len);
            if (tp_doc == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
            memcpy(tp_doc, old_doc, len);
            type->tp_doc = tp_doc;
        }
        else if (slot->slot == Py_tp_members) {
            /* Move the slots to the heap type itself */
            size_t len = Py_TYPE(type)->tp_itemsize * (size_t)nmembers;
            memcpy(PyHeapType_GET_MEMBERS(res), slot->pfunc, len);
            type->tp_members = PyHeapType_GET_MEMBERS(res);
        }
        else {
            /* Copy other slots directly */
            *(void **)((char *)res + slotoffsets[slot->slot]) = slot->pfunc;
        }
    }
    if (type->tp_dealloc == NULL) {
        /* It's a heap type, so needs the heap types' dealloc.  subtype_dealloc will
         * call the base type's tp_dealloc, if necessary. */
        type->tp_dealloc = subtype_dealloc;
    }
    if (type->tp_members != NULL) {
        for (memb = type->tp_members; memb->name != NULL; memb++) {
            if (strcmp(memb->name, "__weaklistoffset__") == 0)
                type->tp_weaklistoffset = memb->offset;
            if (strcmp(memb->name, "__dictoffset__") == 0)
                type->tp_dictoffset = memb->offset;
            if (strcmp(memb->name, "__vectorcalloffset__") == 0)
                type->tp_vectorcall_offset = memb->offset;
        }
    }
    if (PyType_Ready(type) < 0)
        goto fail;
    if (type->tp_doc) {
        PyObject *__doc__ = PyUnicode_FromString(_PyType_DocWithoutSignature(type->tp_name, type->tp_doc));
        if (!__doc__)
            goto fail;
        if (PyDict_SetItem(type->tp_dict, _Py_ID(__doc__), __doc__) < 0) {
            Py_DECREF(__doc__);
            goto fail;
        }
        Py_DECREF(__doc__);
    }
    /* Set type.__module__ */
    if (PyDict_GetItemWithError(type->tp_dict, _Py_ID(__module__)) == NULL) {
        if (PyErr_Occurred())
            goto fail;
        s = strrchr(spec->name, '.');
        if (s != NULL) {
            int err;
            modname = PyUnicode_FromStringAndSize(spec->name, (Py_ssize_t)(s - spec->name));
            if (modname == NULL)
                goto fail;
            err = PyDict_SetItem(type->tp_dict, _Py_ID(__module__), modname);
            Py_DECREF(modname);
            if (err != 0)
                goto fail;
        }
    }
    return (PyObject *)res;

fail:
    Py_DECREF(res);
    return NULL;
}

PyObject *PyType_FromSpecWithBases(PyType_Spec *spec, PyObject *bases)
{
    return PyType_FromModuleAndSpec(NULL, spec, bases);
}

PyObject *PyType_FromSpec(PyType_Spec *spec)
{
    return PyType_FromModuleAndSpec(NULL, spec, NULL);
}

void *PyType_GetSlot(PyTypeObject *type, int slot)
{
    void *parent_slot;
    int slots_len = (int)Py_ARRAY_LENGTH(slotoffsets);
    if (slot <= 0 || slot >= slots_len) {
        PyErr_BadInternalCall();
        return NULL;
    }
    parent_slot = *(void **)((char *)type + slotoffsets[slot]);
    if (parent_slot == NULL)
        return NULL;
    /* Return slot directly if we have no sub slot. */
    if (slotoffsets[slot] < (short)sizeof(PyTypeObject) &&
        (size_t)slotoffsets[slot] < offsetof(PyHeapTypeObject, as_async))
        return parent_slot;
    {
        void **p = slotptr(type, slotoffsets[slot]);
        return p ? *p : NULL;
    }
}

int _PyObject_IsAbstract(PyObject *obj)
{
    int res;
    PyObject *isabstract;
    if (obj == NULL)
        return 0;
    res = _PyObject_LookupAttr(obj, _Py_ID(__isabstractmethod__), &isabstract);
    if (res > 0) {
        res = PyObject_IsTrue(isabstract);
        Py_DECREF(isabstract);
    }
    return res;
}

/* "name(signature)\n--\n\ndoc" -> "doc" (for PyType_FromSpec tp_doc). */
const char *_PyType_DocWithoutSignature(const char *name, const char *internal_doc)
{
    const char *doc = find_signature(name, internal_doc);
    if (doc) {
        doc = skip_signature(doc);
        if (doc)
            return doc;
    }
    return internal_doc;
}
