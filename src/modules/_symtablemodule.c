/* _symtablemodule.c — the `_symtable` module behind symtable.py: symtable(source, filename,
 * startstr) parses the source, builds the compiler's symbol table (src/compiler/symtable.c)
 * and returns its top "symtable entry"; plus the DEF_* / scope / TYPE_* constants.
 * Owner: modnew. */
#include "Python.h"
#include "parser.h"
#include "symtable.h"

#include <stddef.h>
#include <string.h>

#define PyDoc_STR(str) str   /* docstrings are always compiled in */

/* The entry attributes symtable.py reads, as CPython's ste_memberlist.  The entry type
 * belongs to the compiler; if it does not define them itself, they are added to it when
 * this module is first imported. */
static PyMemberDef ste_members[] = {
    {"id", T_OBJECT, offsetof(PySTEntryObject, ste_id), READONLY, NULL},
    {"name", T_OBJECT, offsetof(PySTEntryObject, ste_name), READONLY, NULL},
    {"symbols", T_OBJECT, offsetof(PySTEntryObject, ste_symbols), READONLY, NULL},
    {"varnames", T_OBJECT, offsetof(PySTEntryObject, ste_varnames), READONLY, NULL},
    {"children", T_OBJECT, offsetof(PySTEntryObject, ste_children), READONLY, NULL},
    {"nested", T_INT, offsetof(PySTEntryObject, ste_nested), READONLY, NULL},
    {"type", T_INT, offsetof(PySTEntryObject, ste_type), READONLY, NULL},
    {"lineno", T_INT, offsetof(PySTEntryObject, ste_lineno), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static int add_entry_members(void)
{
    PyTypeObject *type = &PySTEntry_Type;
    if (type->tp_dict == NULL && PyType_Ready(type) < 0)
        return -1;
    for (PyMemberDef *m = ste_members; m->name != NULL; m++) {
        PyObject *name = PyUnicode_InternFromString(m->name);
        if (name == NULL)
            return -1;
        int r = PyDict_Contains(type->tp_dict, name);
        if (r == 0) {
            PyObject *descr = PyDescr_NewMember(type, m);
            r = descr == NULL ? -1 : PyDict_SetItem(type->tp_dict, name, descr);
            Py_XDECREF(descr);
        }
        Py_DECREF(name);
        if (r < 0)
            return -1;
    }
    PyType_Modified(type);
    return 0;
}

/* The source as UTF-8 text: str, or bytes (whose coding cookie is honoured). */
static const char *source_text(PyObject *source, PyCompilerFlags *cf, PyObject **copy)
{
    *copy = NULL;
    const char *str;
    Py_ssize_t size;
    if (PyUnicode_Check(source)) {
        cf->cf_flags |= PyCF_IGNORE_COOKIE;
        str = PyUnicode_AsUTF8AndSize(source, &size);
        if (str == NULL)
            return NULL;
    }
    else if (PyBytes_Check(source)) {
        str = PyBytes_AS_STRING(source);
        size = PyBytes_GET_SIZE(source);
    }
    else if (PyByteArray_Check(source)) {
        *copy = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(source),
                                          PyByteArray_GET_SIZE(source));
        if (*copy == NULL)
            return NULL;
        str = PyBytes_AS_STRING(*copy);
        size = PyBytes_GET_SIZE(*copy);
    }
    else {
        PyErr_SetString(PyExc_TypeError, "symtable() arg 1 must be a string or bytes object");
        return NULL;
    }
    if (strlen(str) != (size_t)size) {
        PyErr_SetString(PyExc_SyntaxError, "source code string cannot contain null bytes");
        Py_CLEAR(*copy);
        return NULL;
    }
    return str;
}

/* PyUnicode_FSDecoder, plus 3.11's deprecated acceptance of other buffer objects. */
static int fs_decode(PyObject *arg, PyObject **result)
{
    if (!PyBytes_Check(arg) && !PyUnicode_Check(arg) && PyObject_CheckBuffer(arg)) {
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "path should be string, bytes, or "
                             "os.PathLike, not %.200s", Py_TYPE(arg)->tp_name) < 0)
            return 0;
        PyObject *bytes = PyBytes_FromObject(arg);
        if (bytes == NULL)
            return 0;
        int r = PyUnicode_FSDecoder(bytes, result);
        Py_DECREF(bytes);
        return r;
    }
    return PyUnicode_FSDecoder(arg, result);
}

static PyObject *symtable_symtable(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("symtable", nargs, 3, 3))
        return NULL;
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    PyObject *source_copy, *filename = NULL, *result = NULL;
    const char *str = source_text(args[0], &cf, &source_copy);
    if (str == NULL)
        return NULL;
    if (!fs_decode(args[1], &filename))
        goto done;
    if (!PyUnicode_Check(args[2])) {
        PyErr_Format(PyExc_TypeError, "symtable() argument 3 must be str, not %.50s",
                     Py_TYPE(args[2])->tp_name);
        goto done;
    }
    const char *startstr = PyUnicode_AsUTF8(args[2]);
    if (startstr == NULL)
        goto done;
    int start;
    if (strcmp(startstr, "exec") == 0)
        start = Py_file_input;
    else if (strcmp(startstr, "eval") == 0)
        start = Py_eval_input;
    else if (strcmp(startstr, "single") == 0)
        start = Py_single_input;
    else {
        PyErr_SetString(PyExc_ValueError,
                        "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
        goto done;
    }
    PyArena *arena = _PyArena_New();
    if (arena == NULL)
        goto done;
    mod_ty mod = _PyParser_ASTFromString(str, filename, start, &cf, arena);
    int future = 0;
    if (mod != NULL && _PyFuture_FromAST(mod, filename, &future) == 0) {
        struct symtable *st = _PySymtable_Build(mod, filename, future);
        if (st != NULL) {
            result = Py_NewRef((PyObject *)st->st_top);
            _PySymtable_Free(st);
        }
    }
    _PyArena_Free(arena);
done:
    Py_XDECREF(filename);
    Py_XDECREF(source_copy);
    return result;
}

static PyMethodDef symtable_methods[] = {
    {"symtable", (PyCFunction)(void (*)(void))symtable_symtable, METH_FASTCALL,
     PyDoc_STR("symtable($module, source, filename, startstr, /)\n--\n\n"
               "Return symbol and scope dictionaries used internally by compiler.")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef symtablemodule = {
    PyModuleDef_HEAD_INIT, "_symtable", NULL, -1, symtable_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__symtable(void)
{
    if (add_entry_members() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&symtablemodule);
    if (m == NULL)
        return NULL;
    static const struct { const char *name; long value; } consts[] = {
        {"USE", USE}, {"DEF_GLOBAL", DEF_GLOBAL}, {"DEF_NONLOCAL", DEF_NONLOCAL},
        {"DEF_LOCAL", DEF_LOCAL}, {"DEF_PARAM", DEF_PARAM}, {"DEF_FREE", DEF_FREE},
        {"DEF_FREE_CLASS", DEF_FREE_CLASS}, {"DEF_IMPORT", DEF_IMPORT},
        {"DEF_BOUND", DEF_BOUND}, {"DEF_ANNOT", DEF_ANNOT},
        {"TYPE_FUNCTION", FunctionBlock}, {"TYPE_CLASS", ClassBlock},
        {"TYPE_MODULE", ModuleBlock},
        {"LOCAL", LOCAL}, {"GLOBAL_EXPLICIT", GLOBAL_EXPLICIT},
        {"GLOBAL_IMPLICIT", GLOBAL_IMPLICIT}, {"FREE", FREE}, {"CELL", CELL},
        {"SCOPE_OFF", SCOPE_OFFSET}, {"SCOPE_MASK", SCOPE_MASK},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
