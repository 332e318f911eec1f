/* unicodedata.c — the `unicodedata` module and its `UCD` type (ucd_3_2_0): character
 * properties, names, decompositions and normalisation.  Owner: modules-os.  The Unicode 14
 * database and the normaliser are objects-num's (unicodectype.c, unicodedata_db.h); the fields
 * that database lacks and the 3.2.0 records come from unicodedata_extra.h (tools/gen_ucd_extra.py). */
#include "Python.h"
#include <ctype.h>
#include <string.h>
#include "unicodedata_extra.h"

typedef struct {
    PyObject_HEAD
    const char *version;        /* "3.2.0": the only UCD instance */
} UCDObject;

static PyTypeObject UCD_Type;
#define IS_OLD(self) ((self) != NULL && Py_IS_TYPE((self), &UCD_Type))

static const ucdx_record *extra_record(Py_UCS4 c)
{
    unsigned i = ucdx_index1[c >> UCDX_SHIFT];
    return &ucdx_records[ucdx_index2[(i << UCDX_SHIFT) + (c & ((1u << UCDX_SHIFT) - 1))]];
}

static const ucdx_old_record *old_record(Py_UCS4 c)
{
    unsigned i = ucdx_old_index1[c >> UCDX_OLD_SHIFT];
    return &ucdx_old_records[ucdx_old_index2[(i << UCDX_OLD_SHIFT) + (c & ((1u << UCDX_OLD_SHIFT) - 1))]];
}

/* Unassigned in Unicode 3.2.0 (ucd_3_2_0 treats such characters as having no properties). */
static int old_unassigned(PyObject *self, Py_UCS4 c)
{
    return IS_OLD(self) && old_record(c)->category == 0;
}

/* The clinic-style "a unicode character" argument: a str of length 1. */
static int get_char(const char *fname, const char *argname, PyObject *arg, Py_UCS4 *c)
{
    if (!PyUnicode_Check(arg) || PyUnicode_GET_LENGTH(arg) != 1) {
        PyErr_Format(PyExc_TypeError, "%s() %s must be a unicode character, not %.50s", fname,
                     argname, arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
        return -1;
    }
    *c = PyUnicode_READ_CHAR(arg, 0);
    return 0;
}

static int check_nargs(const char *fname, Py_ssize_t nargs, Py_ssize_t lo, Py_ssize_t hi)
{
    if (nargs < lo) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     lo == hi ? "" : "at least ", lo, lo == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > hi) {
        PyErr_Format(PyExc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                     lo == hi ? "" : "at most ", hi, hi == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

/* decimal/digit/numeric share this: the value, or default, or ValueError(msg). */
static PyObject *number_func(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                             const char *fname, int kind, const char *msg)
{
    Py_UCS4 c;
    if (check_nargs(fname, nargs, 1, 2) < 0 || get_char(fname, "argument 1", args[0], &c) < 0)
        return NULL;
    double value = -1.0;
    if (kind == 0) {            /* decimal */
        if (IS_OLD(self)) {
            const ucdx_old_record *r = old_record(c);
            value = (r->category == 0 || r->decimal == 255) ? -1.0 : r->decimal;
        } else
            value = _PyUnicode_ToDecimalDigit(c);
    } else if (kind == 1)       /* digit: CPython ignores 3.2.0 changes here */
        value = _PyUnicode_ToDigit(c);
    else if (IS_OLD(self)) {    /* numeric */
        const ucdx_old_record *r = old_record(c);
        if (r->category != 0 && r->numeric != 0)
            return PyFloat_FromDouble(ucdx_old_numerics[r->numeric - 1]);
        value = -1.0;
    } else {
        if (_PyUnicode_IsNumeric(c))
            return PyFloat_FromDouble(_PyUnicode_ToNumeric(c));
        value = -1.0;
    }
    if (value < 0) {
        if (nargs < 2) {
            PyErr_SetString(PyExc_ValueError, msg);
            return NULL;
        }
        return Py_NewRef(args[1]);
    }
    return PyLong_FromLong((long)value);
}

static PyObject *ud_decimal(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return number_func(self, args, nargs, "decimal", 0, "not a decimal");
}

static PyObject *ud_digit(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return number_func(self, args, nargs, "digit", 1, "not a digit");
}

static PyObject *ud_numeric(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    return number_func(self, args, nargs, "numeric", 2, "not a numeric character");
}

static PyObject *ud_category(PyObject *self, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char("category", "argument", arg, &c) < 0)
        return NULL;
    if (IS_OLD(self))
        return PyUnicode_FromString(ucdx_cat_names[old_record(c)->category]);
    return PyUnicode_FromString(_PyUnicode_CategoryName(c));
}

static PyObject *ud_bidirectional(PyObject *self, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char("bidirectional", "argument", arg, &c) < 0)
        return NULL;
    int b = IS_OLD(self) ? old_record(c)->bidi : extra_record(c)->bidi;
    return PyUnicode_FromString(ucdx_bidi_names[b]);
}

static PyObject *ud_combining(PyObject *self, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char("combining", "argument", arg, &c) < 0)
        return NULL;
    return PyLong_FromLong(old_unassigned(self, c) ? 0 : _PyUnicode_CombiningClass(c));
}

static PyObject *ud_mirrored(PyObject *self, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char("mirrored", "argument", arg, &c) < 0)
        return NULL;
    return PyLong_FromLong(IS_OLD(self) ? old_record(c)->mirrored : extra_record(c)->mirrored);
}

static PyObject *ud_east_asian_width(PyObject *self, PyObject *arg)
{
    Py_UCS4 c;
    if (get_char("east_asian_width", "argument", arg, &c) < 0)
        return NULL;
    int w = IS_OLD(self) ? old_record(c)->eaw : extra_record(c)->eaw;
    return PyUnicode_FromString(ucdx_eaw_names[w]);
}

/* "<tag> XXXX XXXX": the character's own mapping (not recursive); '' for Hangul syllables. */
static PyObject *ud_decomposition(PyObject *self, PyObject *arg)
{
    Py_UCS4 c, parts[32];
    if (get_char("decomposition", "argument", arg, &c) < 0)
        return NULL;
    if (old_unassigned(self, c) || (c >= 0xAC00 && c < 0xAC00 + 11172))
        return PyUnicode_FromString("");
    int compat = 0, n = _PyUnicode_Decomposition(c, parts, &compat);
    char buf[32 * 7 + 16];
    size_t len = 0;
    const char *tag = ucdx_decomp_tags[extra_record(c)->decomp_tag];
    if (n > 0 && *tag)
        len = (size_t)snprintf(buf, sizeof buf, "%s", tag);
    buf[len] = '\0';
    for (int i = 0; i < n && len < sizeof buf - 8; i++)
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%04X", len ? " " : "", (unsigned)parts[i]);
    return PyUnicode_FromStringAndSize(buf, (Py_ssize_t)len);
}

static PyObject *ud_name(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    Py_UCS4 c;
    char buf[256];
    if (check_nargs("name", nargs, 1, 2) < 0 || get_char("name", "argument 1", args[0], &c) < 0)
        return NULL;
    if (!old_unassigned(self, c) && _PyUnicode_GetName(c, buf, (int)sizeof buf))
        return PyUnicode_FromString(buf);
    if (nargs < 2) {
        PyErr_SetString(PyExc_ValueError, "no such name");
        return NULL;
    }
    return Py_NewRef(args[1]);
}

/* 3.2.0 has no aliases or named sequences, and fewer characters: accept only a name that is
 * the character's own (compared case-insensitively, as lookup is) for a 3.2.0 character. */
static int old_name_ok(const char *name, Py_ssize_t len, Py_UCS4 c)
{
    char buf[256];
    if ((c >= 0xAC00 && c < 0xAC00 + 11172) || strncasecmp(name, "CJK UNIFIED IDEOGRAPH-", 22) == 0)
        return 1;
    if (old_record(c)->category == 0 || !_PyUnicode_GetName(c, buf, (int)sizeof buf))
        return 0;
    return (Py_ssize_t)strlen(buf) == len && strncasecmp(buf, name, (size_t)len) == 0;
}

static PyObject *ud_lookup(PyObject *self, PyObject *arg)
{
    const char *name;
    Py_ssize_t len;
    if (PyUnicode_Check(arg)) {
        name = PyUnicode_AsUTF8AndSize(arg, &len);
        if (name == NULL)
            return NULL;
    } else if (PyBytes_Check(arg)) {
        name = PyBytes_AS_STRING(arg);
        len = PyBytes_GET_SIZE(arg);
    } else {
        PyErr_Format(PyExc_TypeError, "a bytes-like object is required, not '%.100s'", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (len > 256) {
        PyErr_SetString(PyExc_KeyError, "name too long");
        return NULL;
    }
    Py_UCS4 c, seq[8];
    if (_PyUnicode_LookupName(name, (int)len, &c)) {
        if (!IS_OLD(self) || old_name_ok(name, len, c))
            return PyUnicode_FromOrdinal((int)c);
    } else if (!IS_OLD(self)) {
        int n = _PyUnicode_LookupNamedSequence(name, (int)len, seq, 8);
        if (n > 0)
            return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, seq, n);
    }
    PyErr_Format(PyExc_KeyError, "undefined character name '%s'", name);
    return NULL;
}

static int check_form(const char *fname, PyObject *const *args, Py_ssize_t nargs, const char **form)
{
    if (check_nargs(fname, nargs, 2, 2) < 0)
        return -1;
    for (int i = 0; i < 2; i++)
        if (!PyUnicode_Check(args[i])) {
            PyErr_Format(PyExc_TypeError, "%s() argument %d must be str, not %.50s", fname, i + 1,
                         args[i] == Py_None ? "None" : Py_TYPE(args[i])->tp_name);
            return -1;
        }
    static const char *const forms[] = {"NFC", "NFKC", "NFD", "NFKD"};
    for (int i = 0; i < 4; i++)
        if (PyUnicode_CompareWithASCIIString(args[0], forms[i]) == 0) {
            *form = forms[i];
            return 0;
        }
    PyErr_SetString(PyExc_ValueError, "invalid normalization form");
    return -1;
}

/* ucd_3_2_0 normalises with the current tables (an approximation: CPython leaves characters
 * unassigned in 3.2.0 alone and applies six 3.2.0 decomposition corrections). */
static PyObject *ud_normalize(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const char *form;
    if (check_form("normalize", args, nargs, &form) < 0)
        return NULL;
    if (PyUnicode_GET_LENGTH(args[1]) == 0)
        return Py_NewRef(args[1]);
    PyObject *r = _PyUnicode_Normalize(form, args[1]);
    if (r != NULL && PyUnicode_CheckExact(args[1]) && _PyUnicode_Equal(r, args[1])) {
        Py_DECREF(r);
        return Py_NewRef(args[1]);
    }
    return r;
}

static PyObject *ud_is_normalized(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const char *form;
    if (check_form("is_normalized", args, nargs, &form) < 0)
        return NULL;
    if (PyUnicode_GET_LENGTH(args[1]) == 0)
        Py_RETURN_TRUE;
    PyObject *r = _PyUnicode_Normalize(form, args[1]);
    if (r == NULL)
        return NULL;
    int eq = _PyUnicode_Equal(r, args[1]);
    Py_DECREF(r);
    return PyBool_FromLong(eq);
}

#define UD_METHODS \
    {"decimal", (PyCFunction)(void (*)(void))ud_decimal, METH_FASTCALL, \
     "decimal($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."}, \
    {"digit", (PyCFunction)(void (*)(void))ud_digit, METH_FASTCALL, \
     "digit($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."}, \
    {"numeric", (PyCFunction)(void (*)(void))ud_numeric, METH_FASTCALL, \
     "numeric($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."}, \
    {"category", ud_category, METH_O, \
     "category($self, chr, /)\n--\n\nReturns the general category assigned to the character chr as string."}, \
    {"bidirectional", ud_bidirectional, METH_O, \
     "bidirectional($self, chr, /)\n--\n\nReturns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned."}, \
    {"combining", ud_combining, METH_O, \
     "combining($self, chr, /)\n--\n\nReturns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined."}, \
    {"mirrored", ud_mirrored, METH_O, \
     "mirrored($self, chr, /)\n--\n\nReturns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."}, \
    {"east_asian_width", ud_east_asian_width, METH_O, \
     "east_asian_width($self, chr, /)\n--\n\nReturns the east asian width assigned to the character chr as string."}, \
    {"decomposition", ud_decomposition, METH_O, \
     "decomposition($self, chr, /)\n--\n\nReturns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined."}, \
    {"is_normalized", (PyCFunction)(void (*)(void))ud_is_normalized, METH_FASTCALL, \
     "is_normalized($self, form, unistr, /)\n--\n\nReturn whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."}, \
    {"normalize", (PyCFunction)(void (*)(void))ud_normalize, METH_FASTCALL, \
     "normalize($self, form, unistr, /)\n--\n\nReturn the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."}, \
    {"name", (PyCFunction)(void (*)(void))ud_name, METH_FASTCALL, \
     "name($self, chr, default=<unrepresentable>, /)\n--\n\nReturns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised."}, \
    {"lookup", ud_lookup, METH_O, \
     "lookup($self, name, /)\n--\n\nLook up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised."}, \
    {NULL, NULL, 0, NULL}

static PyMethodDef ucd_methods[] = { UD_METHODS };
static PyMethodDef unicodedata_functions[] = { UD_METHODS };

static PyMemberDef ucd_members[] = {
    {"unidata_version", T_STRING, offsetof(UCDObject, version), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static void ucd_dealloc(PyObject *self)
{
    PyObject_Free(self);
}

static PyTypeObject UCD_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "unicodedata.UCD",
    .tp_basicsize = sizeof(UCDObject),
    .tp_dealloc = ucd_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = ucd_methods,
    .tp_members = ucd_members,
};

static struct PyModuleDef unicodedatamodule = {
    PyModuleDef_HEAD_INIT, "unicodedata",
    "This module provides access to the Unicode Character Database which\n"
    "defines character properties for all Unicode characters. The data in\n"
    "this database is based on the UnicodeData.txt file version\n"
    "14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n"
    "The module uses the same names and symbols as defined by the\n"
    "UnicodeData File Format 14.0.0.",
    -1, unicodedata_functions, NULL, NULL, NULL, NULL
};

PyObject *PyInit_unicodedata(void)
{
    if (PyType_Ready(&UCD_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&unicodedatamodule);
    if (m == NULL)
        return NULL;
    UCDObject *old = PyObject_New(UCDObject, &UCD_Type);
    if (old == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    old->version = "3.2.0";
    Py_INCREF(&UCD_Type);
    if (PyModule_AddObject(m, "UCD", (PyObject *)&UCD_Type) < 0
        || PyModule_AddObject(m, "ucd_3_2_0", (PyObject *)old) < 0
        || PyModule_AddStringConstant(m, "unidata_version", "14.0.0") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
