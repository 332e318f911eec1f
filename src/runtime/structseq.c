/* structseq.c — struct sequences: tuple subclasses whose items also have names
 * (sys.version_info, sys.flags, time.struct_time).  Items past n_in_sequence are
 * stored after the visible ones and reachable only by attribute, as in CPython. */
#include "Python.h"

const char *const PyStructSequence_UnnamedField = "unnamed field";

static Py_ssize_t get_type_attr_as_size(PyTypeObject *tp, const char *name)
{
    PyObject *v = PyDict_GetItemString(tp->tp_dict, name);
    if (v == NULL) {
        PyErr_Format(PyExc_TypeError, "Missed attribute '%s' of type %s", name, tp->tp_name);
        return -1;
    }
    return PyLong_AsSsize_t(v);
}

#define VISIBLE_SIZE(op) Py_SIZE(op)
#define REAL_SIZE_TP(tp) get_type_attr_as_size(tp, "n_fields")
#define REAL_SIZE(op) REAL_SIZE_TP(Py_TYPE(op))
#define UNNAMED_FIELDS_TP(tp) get_type_attr_as_size(tp, "n_unnamed_fields")

PyObject *PyStructSequence_New(PyTypeObject *type)
{
    Py_ssize_t size = REAL_SIZE_TP(type);
    if (size < 0)
        return NULL;
    Py_ssize_t vsize = get_type_attr_as_size(type, "n_sequence_fields");
    if (vsize < 0)
        return NULL;
    PyTupleObject *obj = PyObject_GC_NewVar(PyTupleObject, type, size);
    if (obj == NULL)
        return NULL;
    Py_SET_SIZE(obj, vsize);   /* the tuple part; hidden fields follow */
    for (Py_ssize_t i = 0; i < size; i++)
        obj->ob_item[i] = NULL;
    return (PyObject *)obj;
}

void PyStructSequence_SetItem(PyObject *op, Py_ssize_t i, PyObject *v)
{
    ((PyTupleObject *)op)->ob_item[i] = v;
}

PyObject *PyStructSequence_GetItem(PyObject *op, Py_ssize_t i)
{
    return ((PyTupleObject *)op)->ob_item[i];
}

static int structseq_traverse(PyObject *obj, visitproc visit, void *arg)
{
    Py_ssize_t size = REAL_SIZE(obj);
    if (size < 0)
        return -1;
    for (Py_ssize_t i = 0; i < size; i++)
        Py_VISIT(((PyTupleObject *)obj)->ob_item[i]);
    if (Py_TYPE(obj)->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_VISIT(Py_TYPE(obj));
    return 0;
}

static void structseq_dealloc(PyObject *obj)
{
    PyTypeObject *tp = Py_TYPE(obj);
    PyObject_GC_UnTrack(obj);
    Py_ssize_t size = REAL_SIZE(obj);
    if (size < 0) {
        PyErr_Clear();
        size = Py_SIZE(obj);
    }
    for (Py_ssize_t i = 0; i < size; i++)
        Py_XDECREF(((PyTupleObject *)obj)->ob_item[i]);
    PyObject_GC_Del(obj);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(tp);
}

/* type(sequence, dict=None): as CPython, with its messages. */
static PyObject *structseq_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"sequence", "dict", NULL};
    PyObject *arg, *dict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:structseq", kwlist, &arg, &dict))
        return NULL;
    Py_ssize_t min_len = get_type_attr_as_size(type, "n_sequence_fields");
    Py_ssize_t max_len = REAL_SIZE_TP(type);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(type);
    if (min_len < 0 || max_len < 0 || n_unnamed < 0)
        return NULL;
    arg = PySequence_Fast(arg, "constructor requires a sequence");
    if (arg == NULL)
        return NULL;
    if (dict && !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%.500s() takes a dict as second arg, if any", type->tp_name);
        Py_DECREF(arg);
        return NULL;
    }
    Py_ssize_t len = PySequence_Fast_GET_SIZE(arg);
    if (min_len > len) {
        if (min_len == max_len)
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else
            PyErr_Format(PyExc_TypeError, "%.500s() takes an at least %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        Py_DECREF(arg);
        return NULL;
    }
    if (len > max_len) {
        if (min_len == max_len)
            PyErr_Format(PyExc_TypeError, "%.500s() takes a %zd-sequence (%zd-sequence given)",
                         type->tp_name, min_len, len);
        else
            PyErr_Format(PyExc_TypeError, "%.500s() takes an at most %zd-sequence (%zd-sequence given)",
                         type->tp_name, max_len, len);
        Py_DECREF(arg);
        return NULL;
    }
    PyObject *res = PyStructSequence_New(type);
    if (res == NULL) {
        Py_DECREF(arg);
        return NULL;
    }
    Py_ssize_t i;
    for (i = 0; i < len; ++i)
        PyStructSequence_SetItem(res, i, Py_NewRef(PySequence_Fast_GET_ITEM(arg, i)));
    for (; i < max_len; ++i) {
        PyObject *ob = NULL;
        if (dict && dict != Py_None) {
            const char *name = type->tp_members[i - n_unnamed].name;
            ob = PyDict_GetItemString(dict, name);
        }
        PyStructSequence_SetItem(res, i, Py_NewRef(ob ? ob : Py_None));
    }
    Py_DECREF(arg);
    PyObject_GC_Track(res);
    return res;
}

/* "sys.version_info(major=3, minor=11, ...)": only the visible fields. */
static PyObject *structseq_repr(PyObject *obj)
{
    PyTypeObject *typ = Py_TYPE(obj);
    PyObject *parts = PyList_New(0);
    if (parts == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < VISIBLE_SIZE(obj); i++) {
        const char *name = typ->tp_members[i].name;
        if (name == NULL) {
            PyErr_Format(PyExc_SystemError, "In structseq_repr(), member %zd name is NULL"
                         " for type %.500s", i, typ->tp_name);
            Py_DECREF(parts);
            return NULL;
        }
        PyObject *part = PyUnicode_FromFormat("%s=%R", name, ((PyTupleObject *)obj)->ob_item[i]);
        if (part == NULL || PyList_Append(parts, part) < 0) {
            Py_XDECREF(part);
            Py_DECREF(parts);
            return NULL;
        }
        Py_DECREF(part);
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *body = sep ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_DECREF(parts);
    if (body == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromFormat("%s(%U)", typ->tp_name, body);
    Py_DECREF(body);
    return res;
}

static PyObject *structseq_reduce(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n_fields = REAL_SIZE(self), n_visible = VISIBLE_SIZE(self);
    Py_ssize_t n_unnamed = UNNAMED_FIELDS_TP(Py_TYPE(self));
    if (n_fields < 0 || n_unnamed < 0)
        return NULL;
    PyObject *tup = _PyTuple_FromArray(((PyTupleObject *)self)->ob_item, n_visible);
    PyObject *dict = tup ? PyDict_New() : NULL;
    if (dict == NULL) {
        Py_XDECREF(tup);
        return NULL;
    }
    for (Py_ssize_t i = n_visible; i < n_fields; i++) {
        const char *n = Py_TYPE(self)->tp_members[i - n_unnamed].name;
        if (PyDict_SetItemString(dict, n, ((PyTupleObject *)self)->ob_item[i]) < 0) {
            Py_DECREF(tup);
            Py_DECREF(dict);
            return NULL;
        }
    }
    PyObject *result = Py_BuildValue("(O(OO))", Py_TYPE(self), tup, dict);
    Py_DECREF(tup);
    Py_DECREF(dict);
    return result;
}

static PyMethodDef structseq_methods[] = {
    {"__reduce__", (PyCFunction)structseq_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static Py_ssize_t count_members(PyStructSequence_Desc *desc, Py_ssize_t *n_unnamed)
{
    Py_ssize_t i;
    *n_unnamed = 0;
    for (i = 0; desc->fields[i].name != NULL; ++i)
        if (desc->fields[i].name == PyStructSequence_UnnamedField)
            (*n_unnamed)++;
    return i;
}

static int initialize_structseq_dict(PyStructSequence_Desc *desc, PyObject *dict,
                                     Py_ssize_t n_members, Py_ssize_t n_unnamed)
{
    PyObject *v;
#define SET_DICT_FROM_SIZE(key, value)                                  \
    do {                                                                \
        v = PyLong_FromSsize_t(value);                                  \
        if (v == NULL || PyDict_SetItemString(dict, key, v) < 0) {      \
            Py_XDECREF(v);                                              \
            return -1;                                                  \
        }                                                               \
        Py_DECREF(v);                                                   \
    } while (0)
    SET_DICT_FROM_SIZE("n_sequence_fields", desc->n_in_sequence);
    SET_DICT_FROM_SIZE("n_fields", n_members);
    SET_DICT_FROM_SIZE("n_unnamed_fields", n_unnamed);
    /* __match_args__: the visible named fields */
    PyObject *keys = PyTuple_New(desc->n_in_sequence);
    if (keys == NULL)
        return -1;
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < desc->n_in_sequence; ++i) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField)
            continue;
        PyObject *new_member = PyUnicode_FromString(desc->fields[i].name);
        if (new_member == NULL) {
            Py_DECREF(keys);
            return -1;
        }
        PyTuple_SET_ITEM(keys, k++, new_member);
    }
    if (_PyTuple_Resize(&keys, k) < 0)
        return -1;
    int r = PyDict_SetItemString(dict, "__match_args__", keys);
    Py_DECREF(keys);
    return r;
#undef SET_DICT_FROM_SIZE
}

static PyMemberDef *initialize_members(PyStructSequence_Desc *desc, Py_ssize_t n_members,
                                       Py_ssize_t n_unnamed)
{
    PyMemberDef *members = PyMem_New(PyMemberDef, n_members - n_unnamed + 1);
    if (members == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t i, k;
    for (i = k = 0; i < n_members; ++i) {
        if (desc->fields[i].name == PyStructSequence_UnnamedField)
            continue;
        members[k].name = desc->fields[i].name;
        members[k].type = T_OBJECT;
        members[k].offset = (Py_ssize_t)(offsetof(PyTupleObject, ob_item) + (size_t)i * sizeof(PyObject *));
        members[k].flags = READONLY;
        members[k].doc = desc->fields[i].doc;
        k++;
    }
    members[k].name = NULL;
    return members;
}

int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    Py_ssize_t n_unnamed, n_members = count_members(desc, &n_unnamed);
    if (type->tp_flags & Py_TPFLAGS_READY)
        return 0;   /* sys.flags etc. may be initialised twice across re-inits */
    type->tp_name = desc->name;
    type->tp_basicsize = (Py_ssize_t)(sizeof(PyTupleObject) - sizeof(PyObject *));
    type->tp_itemsize = sizeof(PyObject *);
    type->tp_dealloc = structseq_dealloc;
    type->tp_repr = structseq_repr;
    type->tp_doc = desc->doc;
    type->tp_base = &PyTuple_Type;
    type->tp_methods = structseq_methods;
    type->tp_new = structseq_new;
    type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_TUPLE_SUBCLASS;
    type->tp_traverse = structseq_traverse;
    PyMemberDef *members = initialize_members(desc, n_members, n_unnamed);
    if (members == NULL)
        return -1;
    type->tp_members = members;
    if (PyType_Ready(type) < 0) {
        PyMem_Free(members);
        return -1;
    }
    if (initialize_structseq_dict(desc, type->tp_dict, n_members, n_unnamed) < 0) {
        PyMem_Free(members);
        return -1;
    }
    return 0;
}

void PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc)
{
    (void)PyStructSequence_InitType2(type, desc);
}

PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc)
{
    /* A statically shaped type object on the heap (not a heap type: no __dict__ slots). */
    PyTypeObject *type = PyMem_Calloc(1, sizeof(PyTypeObject));
    if (type == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_SET_REFCNT(type, 1);
    Py_SET_TYPE(type, &PyType_Type);
    if (PyStructSequence_InitType2(type, desc) < 0) {
        PyMem_Free(type);
        return NULL;
    }
    return type;
}
