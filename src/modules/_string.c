/* _string.c — the `_string` module behind string.Formatter: formatter_parser (split a
 * format string into (literal, field_name, format_spec, conversion) tuples) and
 * formatter_field_name_split ("a.b[0]" -> ('a', iterator of (is_attr, key))).  The
 * grammar and error messages are str.format's.  Owner: modules-os. */
#include "Python.h"

/* A slice [start, end) of a str; str == NULL means "absent" (becomes None). */
typedef struct {
    PyObject *str;
    Py_ssize_t start, end;
} SubString;

static PyObject *substring_obj(const SubString *s)
{
    if (s->str == NULL)
        Py_RETURN_NONE;
    return PyUnicode_Substring(s->str, s->start, s->end);
}

static PyObject *substring_obj_or_empty(const SubString *s)
{
    if (s->str == NULL)
        return PyUnicode_FromString("");
    return substring_obj(s);
}

#define CHAR_AT(s, i) PyUnicode_READ_CHAR((s), (i))

/* The decimal value of s, or -1 if any character is not a decimal digit. */
static Py_ssize_t get_integer(const SubString *s)
{
    Py_ssize_t acc = 0;
    if (s->start >= s->end)
        return -1;
    for (Py_ssize_t i = s->start; i < s->end; i++) {
        int digit = Py_UNICODE_TODECIMAL(CHAR_AT(s->str, i));
        if (digit < 0)
            return -1;
        if (acc > (PY_SSIZE_T_MAX - digit) / 10) {
            PyErr_Format(PyExc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + digit;
    }
    return acc;
}

/* ------------------------------------------------------------ formatter_parser */

typedef struct {
    PyObject_HEAD
    PyObject *str;
    Py_ssize_t pos, end;
} formatteriterobject;

/* A field after its '{': "name", "name!c", "name:spec" or "name!c:spec", up to the '}'
 * that closes it (nested braces in the spec count); advances *pos past that '}'. */
static int parse_field(PyObject *str, Py_ssize_t *pos, Py_ssize_t end, SubString *name,
                       SubString *spec, Py_UCS4 *conversion)
{
    Py_UCS4 c = 0;
    Py_ssize_t i = *pos;
    name->str = str;
    name->start = i;
    while (i < end) {
        c = CHAR_AT(str, i++);
        if (c == '{') {
            PyErr_SetString(PyExc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < end && CHAR_AT(str, i) != ']')
                i++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    name->end = i - 1;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (i >= end) {
                PyErr_SetString(PyExc_ValueError,
                                "end of string while looking for conversion specifier");
                return -1;
            }
            *conversion = CHAR_AT(str, i++);
            if (i < end) {
                c = CHAR_AT(str, i++);
                if (c == '}') {
                    *pos = i;
                    return 0;
                }
                if (c != ':') {
                    PyErr_SetString(PyExc_ValueError,
                                    "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        spec->str = str;
        spec->start = i;
        int count = 1;
        while (i < end) {
            c = CHAR_AT(str, i++);
            if (c == '{')
                count++;
            else if (c == '}' && --count == 0) {
                spec->end = i - 1;
                *pos = i;
                return 0;
            }
        }
        PyErr_SetString(PyExc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}') {
        PyErr_SetString(PyExc_ValueError, "expected '}' before end of string");
        return -1;
    }
    *pos = i;
    return 0;
}

/* 1: produced a piece, 0: done, -1: error (CPython's MarkupIterator_next). */
static int markup_next(formatteriterobject *it, SubString *literal, int *field_present,
                       SubString *name, SubString *spec, Py_UCS4 *conversion)
{
    PyObject *s = it->str;
    Py_UCS4 c = 0;
    int markup_follows = 0;
    *literal = (SubString){NULL, 0, 0};
    *name = (SubString){NULL, 0, 0};
    *spec = (SubString){NULL, 0, 0};
    *conversion = 0;
    *field_present = 0;
    if (it->pos >= it->end)
        return 0;

    Py_ssize_t start = it->pos;
    while (it->pos < it->end) {
        c = CHAR_AT(s, it->pos++);
        if (c == '{' || c == '}') {
            markup_follows = 1;
            break;
        }
    }
    int at_end = it->pos >= it->end;
    Py_ssize_t len = it->pos - start;
    if (c == '}' && (at_end || c != CHAR_AT(s, it->pos))) {
        PyErr_SetString(PyExc_ValueError, "Single '}' encountered in format string");
        return -1;
    }
    if (at_end && c == '{') {
        PyErr_SetString(PyExc_ValueError, "Single '{' encountered in format string");
        return -1;
    }
    if (!at_end) {
        if (c == CHAR_AT(s, it->pos)) {
            it->pos++;            /* "{{" or "}}": the literal keeps one brace */
            markup_follows = 0;
        } else {
            len--;
        }
    }
    *literal = (SubString){s, start, start + len};
    if (!markup_follows)
        return 1;

    *field_present = 1;
    return parse_field(s, &it->pos, it->end, name, spec, conversion) < 0 ? -1 : 1;
}

static PyObject *formatteriter_next(formatteriterobject *it)
{
    SubString literal, name, spec;
    Py_UCS4 conversion;
    int field_present;
    int r = markup_next(it, &literal, &field_present, &name, &spec, &conversion);
    if (r <= 0)
        return NULL;
    PyObject *lit = substring_obj(&literal);
    PyObject *fname = substring_obj(&name);
    PyObject *fspec = field_present ? substring_obj_or_empty(&spec) : substring_obj(&spec);
    PyObject *conv = NULL;
    if (conversion == 0)
        conv = Py_NewRef(Py_None);
    else
        conv = PyUnicode_FromOrdinal((int)conversion);
    PyObject *res = NULL;
    if (lit && fname && fspec && conv)
        res = PyTuple_Pack(4, lit, fname, fspec, conv);
    Py_XDECREF(lit);
    Py_XDECREF(fname);
    Py_XDECREF(fspec);
    Py_XDECREF(conv);
    return res;
}

static void formatteriter_dealloc(formatteriterobject *it)
{
    Py_XDECREF(it->str);
    PyObject_Free(it);
}

static PyTypeObject formatteriter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "formatteriterator",
    .tp_basicsize = sizeof(formatteriterobject),
    .tp_dealloc = (destructor)formatteriter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)formatteriter_next,
};

static PyObject *formatter_parser(PyObject *m, PyObject *self)
{
    if (!PyUnicode_Check(self)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %s", Py_TYPE(self)->tp_name);
        return NULL;
    }
    formatteriterobject *it = PyObject_New(formatteriterobject, &formatteriter_type);
    if (it == NULL)
        return NULL;
    it->str = Py_NewRef(self);
    it->pos = 0;
    it->end = PyUnicode_GET_LENGTH(self);
    return (PyObject *)it;
}

/* ------------------------------------------------------------ field name split */

typedef struct {
    PyObject_HEAD
    PyObject *str;
    Py_ssize_t pos, end;
} fieldnameiterobject;

static PyObject *fieldnameiter_next(fieldnameiterobject *it)
{
    PyObject *s = it->str;
    SubString name = {s, 0, 0};
    int is_attr;
    Py_ssize_t idx = -1;
    if (it->pos >= it->end)
        return NULL;
    Py_UCS4 c = CHAR_AT(s, it->pos++);
    if (c == '.') {
        is_attr = 1;
        name.start = it->pos;
        while (it->pos < it->end) {
            Py_UCS4 d = CHAR_AT(s, it->pos);
            if (d == '[' || d == '.')
                break;
            it->pos++;
        }
        name.end = it->pos;
    } else if (c == '[') {
        is_attr = 0;
        name.start = it->pos;
        int bracket_seen = 0;
        while (it->pos < it->end) {
            if (CHAR_AT(s, it->pos++) == ']') {
                bracket_seen = 1;
                break;
            }
        }
        if (!bracket_seen) {
            PyErr_SetString(PyExc_ValueError, "Missing ']' in format string");
            return NULL;
        }
        name.end = it->pos - 1;
        idx = get_integer(&name);
        if (idx == -1 && PyErr_Occurred())
            return NULL;
    } else {
        PyErr_SetString(PyExc_ValueError,
                        "Only '.' or '[' may follow ']' in format field specifier");
        return NULL;
    }
    if (name.start == name.end) {
        PyErr_SetString(PyExc_ValueError, "Empty attribute in format string");
        return NULL;
    }
    PyObject *key = idx != -1 ? PyLong_FromSsize_t(idx) : substring_obj(&name);
    if (key == NULL)
        return NULL;
    PyObject *res = PyTuple_Pack(2, is_attr ? Py_True : Py_False, key);
    Py_DECREF(key);
    return res;
}

static void fieldnameiter_dealloc(fieldnameiterobject *it)
{
    Py_XDECREF(it->str);
    PyObject_Free(it);
}

static PyTypeObject fieldnameiter_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "fieldnameiterator",
    .tp_basicsize = sizeof(fieldnameiterobject),
    .tp_dealloc = (destructor)fieldnameiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)fieldnameiter_next,
};

static PyObject *formatter_field_name_split(PyObject *m, PyObject *self)
{
    if (!PyUnicode_Check(self)) {
        PyErr_Format(PyExc_TypeError, "expected str, got %s", Py_TYPE(self)->tp_name);
        return NULL;
    }
    Py_ssize_t end = PyUnicode_GET_LENGTH(self), i = 0;
    while (i < end) {
        Py_UCS4 c = CHAR_AT(self, i);
        if (c == '[' || c == '.')
            break;
        i++;
    }
    SubString first = {self, 0, i};
    Py_ssize_t idx = get_integer(&first);
    if (idx == -1 && PyErr_Occurred())
        return NULL;
    PyObject *first_obj = idx != -1 ? PyLong_FromSsize_t(idx) : substring_obj(&first);
    if (first_obj == NULL)
        return NULL;
    fieldnameiterobject *it = PyObject_New(fieldnameiterobject, &fieldnameiter_type);
    if (it == NULL) {
        Py_DECREF(first_obj);
        return NULL;
    }
    it->str = Py_NewRef(self);
    it->pos = i;
    it->end = end;
    PyObject *res = PyTuple_Pack(2, first_obj, (PyObject *)it);
    Py_DECREF(first_obj);
    Py_DECREF(it);
    return res;
}

static PyMethodDef string_methods[] = {
    {"formatter_field_name_split", formatter_field_name_split, METH_O,
     "split the argument as a field name"},
    {"formatter_parser", formatter_parser, METH_O, "parse the argument as a format string"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef stringmodule = {
    PyModuleDef_HEAD_INIT, "_string", "string helper module", -1, string_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__string(void)
{
    if (PyType_Ready(&formatteriter_type) < 0 || PyType_Ready(&fieldnameiter_type) < 0)
        return NULL;
    return PyModule_Create(&stringmodule);
}
