/* codeobject.c — the code object type: bytecode, constants, names and the position table.
 * Owner: compiler-vm.  The assembler (src/compiler/assemble.c) builds code objects with
 * PyCode_NewWithPosOnlyArgs; the eval loop (src/vm/ceval.c) runs them; tracebacks ask
 * PyCode_Addr2Location for the source span of an instruction.
 *
 * Position table (co_linetable): one entry per code unit, varint encoded:
 *   a = 0 (no location) or 1 + zigzag(start_line - previous start_line);
 *   when a != 0: end_line - start_line, start_col + 1, end_col + 1 (0 = unknown column). */
#include "Python.h"
#include "opcode.h"

/* ---- position table ---- */

static int write_uvarint(PyObject **buf, Py_ssize_t *len, unsigned int v)
{
    do {
        if (*len + 1 > PyBytes_GET_SIZE(*buf)) {
            if (_PyBytes_Resize(buf, PyBytes_GET_SIZE(*buf) * 2 + 16) < 0)
                return -1;
        }
        unsigned char b = v & 0x7f;
        v >>= 7;
        if (v) b |= 0x80;
        PyBytes_AS_STRING(*buf)[(*len)++] = (char)b;
    } while (v);
    return 0;
}

int _PyCode_WriteLocation(PyObject **buf, Py_ssize_t *len, int *prevline, int line,
                          int end_line, int col, int end_col)
{
    if (line < 0)
        return write_uvarint(buf, len, 0);
    int delta = line - *prevline;
    unsigned int zz = delta >= 0 ? (unsigned)delta << 1 : (((unsigned)(-delta)) << 1) - 1;
    *prevline = line;
    if (end_line < line) end_line = line;
    if (write_uvarint(buf, len, zz + 1) < 0 ||
        write_uvarint(buf, len, (unsigned)(end_line - line)) < 0 ||
        write_uvarint(buf, len, (unsigned)(col + 1)) < 0 ||
        write_uvarint(buf, len, (unsigned)(end_col + 1)) < 0)
        return -1;
    return 0;
}

typedef struct {
    const unsigned char *p, *end;
    int prevline;
    int line, end_line, col, end_col;  /* -1 when unknown */
} loc_reader;

static unsigned int read_uvarint(loc_reader *r)
{
    unsigned int v = 0;
    int shift = 0;
    while (r->p < r->end) {
        unsigned char b = *r->p++;
        v |= (unsigned)(b & 0x7f) << shift;
        shift += 7;
        if (!(b & 0x80)) break;
    }
    return v;
}

/* Advance to the next code unit's entry; 0 at the end of the table. */
static int read_location(loc_reader *r)
{
    if (r->p >= r->end)
        return 0;
    unsigned int a = read_uvarint(r);
    if (a == 0) {
        r->line = r->end_line = r->col = r->end_col = -1;
        return 1;
    }
    unsigned int zz = a - 1;
    int delta = (zz & 1) ? -(int)((zz + 1) >> 1) : (int)(zz >> 1);
    r->line = r->prevline + delta;
    r->prevline = r->line;
    r->end_line = r->line + (int)read_uvarint(r);
    r->col = (int)read_uvarint(r) - 1;
    r->end_col = (int)read_uvarint(r) - 1;
    return 1;
}

static void init_reader(loc_reader *r, PyCodeObject *co)
{
    r->p = (const unsigned char *)PyBytes_AS_STRING(co->co_linetable);
    r->end = r->p + PyBytes_GET_SIZE(co->co_linetable);
    r->prevline = co->co_firstlineno;
    r->line = r->end_line = r->col = r->end_col = -1;
}

int PyCode_Addr2Location(PyCodeObject *co, int addrq, int *start_line, int *start_column,
                         int *end_line, int *end_column)
{
    loc_reader r;
    init_reader(&r, co);
    int found = 0;
    if (addrq >= 0) {
        for (int i = 0; i <= addrq / (int)sizeof(_Py_CODEUNIT); i++) {
            if (!read_location(&r)) { found = 0; break; }
            found = 1;
        }
    }
    if (!found) {
        r.line = addrq < 0 ? co->co_firstlineno : -1;
        r.end_line = r.col = r.end_col = -1;
    }
    *start_line = r.line;
    *end_line = r.end_line;
    *start_column = r.col;
    *end_column = r.end_col;
    return 1;
}

int PyCode_Addr2Line(PyCodeObject *co, int addrq)
{
    int l, c, el, ec;
    PyCode_Addr2Location(co, addrq, &l, &c, &el, &ec);
    return l;
}

/* ---- construction ---- */

static int all_strings(PyObject *t)
{
    if (!PyTuple_Check(t)) return 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(t); i++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(t, i))) return 0;
    return 1;
}

/* For each cell variable that is also an argument, the argument's index. */
static int compute_cell2arg(PyCodeObject *co)
{
    Py_ssize_t ncells = PyTuple_GET_SIZE(co->co_cellvars);
    int nargs = co->co_argcount + co->co_kwonlyargcount +
                ((co->co_flags & CO_VARARGS) != 0) + ((co->co_flags & CO_VARKEYWORDS) != 0);
    int used = 0;
    Py_ssize_t *c2a = NULL;
    for (Py_ssize_t i = 0; i < ncells; i++) {
        PyObject *cell = PyTuple_GET_ITEM(co->co_cellvars, i);
        for (int j = 0; j < nargs && j < PyTuple_GET_SIZE(co->co_varnames); j++) {
            if (PyUnicode_Compare(cell, PyTuple_GET_ITEM(co->co_varnames, j)) == 0) {
                if (c2a == NULL) {
                    c2a = PyMem_New(Py_ssize_t, ncells);
                    if (!c2a) { PyErr_NoMemory(); return -1; }
                    for (Py_ssize_t k = 0; k < ncells; k++) c2a[k] = CO_CELL_NOT_AN_ARG;
                }
                c2a[i] = j;
                used = 1;
                break;
            }
        }
    }
    co->co_cell2arg = used ? c2a : NULL;
    if (!used) PyMem_Free(c2a);
    return 0;
}

/* As 3.11's PyCode_New: names are interned, and so are str constants made only of
 * [A-Za-z0-9_] (also inside tuple constants) — identity and marshal output match. */
static int all_name_chars(PyObject *o)
{
    if (!PyUnicode_IS_ASCII(o)) return 0;
    const unsigned char *p = (const unsigned char *)PyUnicode_DATA(o);
    for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(o); i++)
        if (!(p[i] == '_' || (p[i] >= '0' && p[i] <= '9') || ((p[i] | 0x20) >= 'a' &&
                                                               (p[i] | 0x20) <= 'z')))
            return 0;
    return 1;
}

static void intern_strings(PyObject *tuple)
{
    for (Py_ssize_t i = PyTuple_GET_SIZE(tuple); --i >= 0; ) {
        PyObject *v = PyTuple_GET_ITEM(tuple, i);
        if (PyUnicode_CheckExact(v)) {
            PyUnicode_InternInPlace(&PyTuple_GET_ITEM(tuple, i));
        }
    }
}

static void intern_string_constants(PyObject *tuple)
{
    for (Py_ssize_t i = PyTuple_GET_SIZE(tuple); --i >= 0; ) {
        PyObject *v = PyTuple_GET_ITEM(tuple, i);
        if (PyUnicode_CheckExact(v)) {
            if (all_name_chars(v)) PyUnicode_InternInPlace(&PyTuple_GET_ITEM(tuple, i));
        } else if (PyTuple_CheckExact(v)) {
            intern_string_constants(v);
        }
    }
}

PyCodeObject *PyCode_NewWithPosOnlyArgs(int argcount, int posonlyargcount,
                         int kwonlyargcount, int nlocals, int stacksize, int flags,
                         PyObject *code, PyObject *consts, PyObject *names,
                         PyObject *varnames, PyObject *freevars, PyObject *cellvars,
                         PyObject *filename, PyObject *name, PyObject *qualname,
                         int firstlineno, PyObject *linetable, PyObject *exceptiontable)
{
    if (argcount < posonlyargcount || posonlyargcount < 0 || kwonlyargcount < 0 ||
        nlocals < 0 || stacksize < 0 || code == NULL || !PyBytes_Check(code) ||
        consts == NULL || !PyTuple_Check(consts) || !all_strings(names) ||
        !all_strings(varnames) || !all_strings(freevars) || !all_strings(cellvars) ||
        name == NULL || !PyUnicode_Check(name) || filename == NULL ||
        !PyUnicode_Check(filename) || linetable == NULL || !PyBytes_Check(linetable)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (qualname == NULL) qualname = name;
    intern_strings(names);
    intern_strings(varnames);
    intern_strings(freevars);
    intern_strings(cellvars);
    intern_string_constants(consts);
    if (exceptiontable == NULL) exceptiontable = PyBytes_FromStringAndSize("", 0);
    else Py_INCREF(exceptiontable);
    if (exceptiontable == NULL) return NULL;
    PyCodeObject *co = PyObject_New(PyCodeObject, &PyCode_Type);
    if (co == NULL) { Py_DECREF(exceptiontable); return NULL; }
    co->co_argcount = argcount;
    co->co_posonlyargcount = posonlyargcount;
    co->co_kwonlyargcount = kwonlyargcount;
    co->co_nlocals = (int)PyTuple_GET_SIZE(varnames);
    co->co_stacksize = stacksize;
    co->co_flags = flags;  /* 3.11 no longer sets CO_NOFREE */
    co->co_firstlineno = firstlineno;
    co->co_ncellvars = (int)PyTuple_GET_SIZE(cellvars);
    co->co_nfreevars = (int)PyTuple_GET_SIZE(freevars);
    co->co_nlocalsplus = co->co_nlocals + co->co_ncellvars + co->co_nfreevars;
    co->co_code = Py_NewRef(code);
    co->co_consts = Py_NewRef(consts);
    co->co_names = Py_NewRef(names);
    co->co_varnames = Py_NewRef(varnames);
    co->co_freevars = Py_NewRef(freevars);
    co->co_cellvars = Py_NewRef(cellvars);
    co->co_filename = Py_NewRef(filename);
    co->co_name = Py_NewRef(name);
    co->co_qualname = Py_NewRef(qualname);
    co->co_linetable = Py_NewRef(linetable);
    co->co_exceptiontable = exceptiontable;
    co->co_cell2arg = NULL;
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    co->co_cache = NULL;
    if (compute_cell2arg(co) < 0) { Py_DECREF(co); return NULL; }
    return co;
}

PyCodeObject *PyCode_New(int argcount, int kwonlyargcount, int nlocals, int stacksize,
                         int flags, PyObject *code, PyObject *consts, PyObject *names,
                         PyObject *varnames, PyObject *freevars, PyObject *cellvars,
                         PyObject *filename, PyObject *name, PyObject *qualname,
                         int firstlineno, PyObject *linetable, PyObject *exceptiontable)
{
    return PyCode_NewWithPosOnlyArgs(argcount, 0, kwonlyargcount, nlocals, stacksize, flags,
                                     code, consts, names, varnames, freevars, cellvars,
                                     filename, name, qualname, firstlineno, linetable,
                                     exceptiontable);
}

PyCodeObject *PyCode_NewEmpty(const char *filename, const char *funcname, int firstlineno)
{
    PyCodeObject *co = NULL;
    _Py_CODEUNIT ret[2] = { _Py_MAKECODEUNIT(LOAD_CONST, 0), _Py_MAKECODEUNIT(RETURN_VALUE, 0) };
    PyObject *code = PyBytes_FromStringAndSize((const char *)ret, sizeof(ret));
    PyObject *consts = PyTuple_Pack(1, Py_None);
    PyObject *empty = PyTuple_New(0);
    PyObject *fn = PyUnicode_FromString(filename);
    PyObject *name = PyUnicode_FromString(funcname);
    PyObject *lt = PyBytes_FromStringAndSize("", 0);
    if (code && consts && empty && fn && name && lt)
        co = PyCode_NewWithPosOnlyArgs(0, 0, 0, 0, 1, 0, code, consts, empty, empty, empty,
                                       empty, fn, name, name, firstlineno, lt, NULL);
    Py_XDECREF(code); Py_XDECREF(consts); Py_XDECREF(empty);
    Py_XDECREF(fn); Py_XDECREF(name); Py_XDECREF(lt);
    return co;
}

/* ---- constant keys (for the compiler's constant table and code equality) ---- */

PyObject *_PyCode_ConstantKey(PyObject *op)
{
    if (op == Py_None || op == Py_Ellipsis || PyLong_CheckExact(op) ||
        PyUnicode_CheckExact(op) || PyCode_Check(op))
        return Py_NewRef(op);
    if (PyBool_Check(op) || PyBytes_CheckExact(op))
        return PyTuple_Pack(2, Py_TYPE(op), op);
    if (PyFloat_CheckExact(op)) {
        double d = PyFloat_AS_DOUBLE(op);
        if (d == 0.0 && copysign(1.0, d) < 0.0)
            return PyTuple_Pack(3, Py_TYPE(op), op, Py_None);
        return PyTuple_Pack(2, Py_TYPE(op), op);
    }
    if (PyComplex_CheckExact(op)) {
        Py_complex z = PyComplex_AsCComplex(op);
        int re_neg = z.real == 0.0 && copysign(1.0, z.real) < 0.0;
        int im_neg = z.imag == 0.0 && copysign(1.0, z.imag) < 0.0;
        if (re_neg || im_neg)
            return PyTuple_Pack(3, Py_TYPE(op), op, re_neg && im_neg ? Py_Ellipsis :
                                                   re_neg ? Py_True : Py_False);
        return PyTuple_Pack(2, Py_TYPE(op), op);
    }
    if (PyTuple_CheckExact(op)) {
        Py_ssize_t n = PyTuple_GET_SIZE(op);
        PyObject *t = PyTuple_New(n);
        if (!t) return NULL;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = _PyCode_ConstantKey(PyTuple_GET_ITEM(op, i));
            if (!k) { Py_DECREF(t); return NULL; }
            PyTuple_SET_ITEM(t, i, k);
        }
        PyObject *key = PyTuple_Pack(2, t, op);
        Py_DECREF(t);
        return key;
    }
    if (PyFrozenSet_CheckExact(op)) {
        Py_ssize_t n = PySet_GET_SIZE(op), i = 0;
        PyObject *t = PyTuple_New(n), *item;
        Py_ssize_t pos = 0;
        Py_hash_t hash;
        if (!t) return NULL;
        while (_PySet_NextEntry(op, &pos, &item, &hash)) {
            PyObject *k = _PyCode_ConstantKey(item);
            if (!k) { Py_DECREF(t); return NULL; }
            PyTuple_SET_ITEM(t, i++, k);
        }
        PyObject *set = PyFrozenSet_New(t);
        Py_DECREF(t);
        if (!set) return NULL;
        PyObject *key = PyTuple_Pack(2, set, op);
        Py_DECREF(set);
        return key;
    }
    PyObject *id = PyLong_FromVoidPtr(op);
    if (!id) return NULL;
    PyObject *key = PyTuple_Pack(2, id, op);
    Py_DECREF(id);
    return key;
}

/* ---- Python-level methods ---- */

static void code_dealloc(PyCodeObject *co)
{
    if (co->co_weakreflist != NULL) PyObject_ClearWeakRefs((PyObject *)co);
    Py_XDECREF(co->co_code);
    Py_XDECREF(co->co_consts);
    Py_XDECREF(co->co_names);
    Py_XDECREF(co->co_varnames);
    Py_XDECREF(co->co_freevars);
    Py_XDECREF(co->co_cellvars);
    Py_XDECREF(co->co_filename);
    Py_XDECREF(co->co_name);
    Py_XDECREF(co->co_qualname);
    Py_XDECREF(co->co_linetable);
    Py_XDECREF(co->co_exceptiontable);
    PyMem_Free(co->co_cell2arg);
    PyMem_Free(co->co_cache);
    PyObject_Free(co);
}

static PyObject *code_repr(PyCodeObject *co)
{
    int lineno = co->co_firstlineno;
    if (co->co_filename && PyUnicode_Check(co->co_filename))
        return PyUnicode_FromFormat("<code object %U at %p, file \"%U\", line %d>",
                                    co->co_name, co, co->co_filename, lineno);
    return PyUnicode_FromFormat("<code object %U at %p, file ???, line %d>",
                                co->co_name, co, lineno);
}

static int consts_equal(PyObject *a, PyObject *b)
{
    Py_ssize_t n = PyTuple_GET_SIZE(a);
    if (n != PyTuple_GET_SIZE(b)) return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *ka = _PyCode_ConstantKey(PyTuple_GET_ITEM(a, i));
        PyObject *kb = ka ? _PyCode_ConstantKey(PyTuple_GET_ITEM(b, i)) : NULL;
        int eq = kb ? PyObject_RichCompareBool(ka, kb, Py_EQ) : -1;
        Py_XDECREF(ka); Py_XDECREF(kb);
        if (eq <= 0) return eq;
    }
    return 1;
}

static PyObject *code_richcompare(PyObject *self, PyObject *other, int op)
{
    if ((op != Py_EQ && op != Py_NE) || !PyCode_Check(self) || !PyCode_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyCodeObject *a = (PyCodeObject *)self, *b = (PyCodeObject *)other;
    int eq = a == b;
    if (!eq) {
        eq = a->co_argcount == b->co_argcount &&
             a->co_posonlyargcount == b->co_posonlyargcount &&
             a->co_kwonlyargcount == b->co_kwonlyargcount && a->co_flags == b->co_flags &&
             a->co_firstlineno == b->co_firstlineno;
        PyObject *pairs[][2] = {
            {a->co_name, b->co_name}, {a->co_code, b->co_code},
            {a->co_names, b->co_names}, {a->co_varnames, b->co_varnames},
            {a->co_freevars, b->co_freevars}, {a->co_cellvars, b->co_cellvars},
            {a->co_linetable, b->co_linetable},
        };
        for (size_t i = 0; eq > 0 && i < Py_ARRAY_LENGTH(pairs); i++)
            eq = PyObject_RichCompareBool(pairs[i][0], pairs[i][1], Py_EQ);
        if (eq > 0) eq = consts_equal(a->co_consts, b->co_consts);
        if (eq < 0) return NULL;
    }
    if (op == Py_NE) eq = !eq;
    return Py_NewRef(eq ? Py_True : Py_False);
}

static Py_hash_t code_hash(PyCodeObject *co)
{
    Py_uhash_t h = 20221211;
    PyObject *parts[] = { co->co_name, co->co_code, co->co_names, co->co_varnames,
                          co->co_freevars, co->co_cellvars };
    for (size_t i = 0; i < Py_ARRAY_LENGTH(parts); i++) {
        Py_hash_t x = PyObject_Hash(parts[i]);
        if (x == -1) return -1;
        h = h * _PyHASH_MULTIPLIER + (Py_uhash_t)x;
    }
    h = h * _PyHASH_MULTIPLIER + (Py_uhash_t)co->co_argcount;
    h = h * _PyHASH_MULTIPLIER + (Py_uhash_t)co->co_flags;
    if ((Py_hash_t)h == -1) h = (Py_uhash_t)-2;
    return (Py_hash_t)h;
}

static PyObject *int_or_none(int v)
{
    if (v < 0) Py_RETURN_NONE;
    return PyLong_FromLong(v);
}

/* co_positions(): an iterator of (line, end_line, col, end_col), one per code unit. */
static PyObject *code_positions(PyCodeObject *co, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = _PyCode_NBYTES(co) / (Py_ssize_t)sizeof(_Py_CODEUNIT);
    PyObject *list = PyList_New(0);
    if (!list) return NULL;
    loc_reader r;
    init_reader(&r, co);
    /* -X no_debug_ranges: no columns, also for code made elsewhere (marshal.load) */
    int no_ranges = _PyInterpreterState_GET()->config.no_debug_ranges;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!read_location(&r)) r.line = r.end_line = r.col = r.end_col = -1;
        if (no_ranges) r.col = r.end_col = -1;
        PyObject *t = PyTuple_New(4);
        if (!t) { Py_DECREF(list); return NULL; }
        PyTuple_SET_ITEM(t, 0, int_or_none(r.line));
        PyTuple_SET_ITEM(t, 1, int_or_none(r.line < 0 ? -1 : r.end_line));
        PyTuple_SET_ITEM(t, 2, int_or_none(r.line < 0 ? -1 : r.col));
        PyTuple_SET_ITEM(t, 3, int_or_none(r.line < 0 ? -1 : r.end_col));
        if (PyList_Append(list, t) < 0) { Py_DECREF(t); Py_DECREF(list); return NULL; }
        Py_DECREF(t);
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* co_lines(): an iterator of (start, end, line) byte ranges with the same line. */
static PyObject *code_lines(PyCodeObject *co, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = _PyCode_NBYTES(co) / (Py_ssize_t)sizeof(_Py_CODEUNIT);
    PyObject *list = PyList_New(0);
    if (!list) return NULL;
    loc_reader r;
    init_reader(&r, co);
    Py_ssize_t start = 0;
    int cur = -2;
    for (Py_ssize_t i = 0; i <= n; i++) {
        int line = -3;
        if (i < n) {
            if (!read_location(&r)) r.line = -1;
            line = r.line;
        }
        if (line != cur) {
            if (cur != -2) {
                PyObject *t = cur < 0 ? Py_BuildValue("(nnO)", start * 2, i * 2, Py_None)
                                      : Py_BuildValue("(nni)", start * 2, i * 2, cur);
                if (!t || PyList_Append(list, t) < 0) {
                    Py_XDECREF(t); Py_DECREF(list); return NULL;
                }
                Py_DECREF(t);
            }
            cur = line;
            start = i;
        }
    }
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

/* code.replace(**changes) */
static PyObject *code_replace(PyCodeObject *co, PyObject *args, PyObject *kwds)
{
    if (args && PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    int ints[] = { co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount,
                   co->co_nlocals, co->co_stacksize, co->co_flags, co->co_firstlineno };
    static const char *int_names[] = { "co_argcount", "co_posonlyargcount",
                                       "co_kwonlyargcount", "co_nlocals", "co_stacksize",
                                       "co_flags", "co_firstlineno" };
    PyObject *objs[] = { co->co_code, co->co_consts, co->co_names, co->co_varnames,
                         co->co_freevars, co->co_cellvars, co->co_filename, co->co_name,
                         co->co_qualname, co->co_linetable, co->co_exceptiontable };
    static const char *obj_names[] = { "co_code", "co_consts", "co_names", "co_varnames",
                                       "co_freevars", "co_cellvars", "co_filename",
                                       "co_name", "co_qualname", "co_linetable",
                                       "co_exceptiontable" };
    if (kwds) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwds, &pos, &key, &value)) {
            int done = 0;
            for (size_t i = 0; !done && i < Py_ARRAY_LENGTH(int_names); i++) {
                if (PyUnicode_CompareWithASCIIString(key, int_names[i]) == 0) {
                    long v = PyLong_AsLong(value);
                    if (v == -1 && PyErr_Occurred()) return NULL;
                    ints[i] = (int)v;
                    done = 1;
                }
            }
            for (size_t i = 0; !done && i < Py_ARRAY_LENGTH(obj_names); i++) {
                if (PyUnicode_CompareWithASCIIString(key, obj_names[i]) == 0) {
                    objs[i] = value;
                    done = 1;
                }
            }
            if (!done) {
                PyErr_Format(PyExc_TypeError,
                             "'%U' is an invalid keyword argument for replace()", key);
                return NULL;
            }
        }
    }
    return (PyObject *)PyCode_NewWithPosOnlyArgs(
        ints[0], ints[1], ints[2], ints[3], ints[4], ints[5], objs[0], objs[1], objs[2],
        objs[3], objs[4], objs[5], objs[6], objs[7], objs[8], ints[6], objs[9], objs[10]);
}

static PyObject *code_sizeof(PyCodeObject *co, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSsize_t((Py_ssize_t)sizeof(PyCodeObject) +
                              (co->co_cell2arg ? co->co_ncellvars * (Py_ssize_t)sizeof(Py_ssize_t) : 0));
}

/* co_lnotab is deprecated but still readable: synthesised from co_lines(). */
static PyObject *code_getlnotab(PyCodeObject *co, void *closure)
{
    return PyBytes_FromStringAndSize("", 0);
}

static PyObject *code_getcodeadaptive(PyCodeObject *co, void *closure)
{
    return Py_NewRef(co->co_code);
}

static PyObject *code_getnlocalsplus_names(PyCodeObject *co, void *closure)
{
    Py_ssize_t n = co->co_nlocalsplus;
    PyObject *t = PyTuple_New(n);
    if (!t) return NULL;
    Py_ssize_t k = 0;
    PyObject *parts[3] = { co->co_varnames, co->co_cellvars, co->co_freevars };
    for (int p = 0; p < 3; p++)
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(parts[p]); i++)
            PyTuple_SET_ITEM(t, k++, Py_NewRef(PyTuple_GET_ITEM(parts[p], i)));
    return t;
}

static PyMethodDef code_methods[] = {
    {"co_positions", (PyCFunction)code_positions, METH_NOARGS, NULL},
    {"co_lines", (PyCFunction)code_lines, METH_NOARGS, NULL},
    {"replace", (PyCFunction)(void (*)(void))code_replace, METH_VARARGS | METH_KEYWORDS,
     "Return a copy of the code object with new values for the specified fields."},
    {"__sizeof__", (PyCFunction)code_sizeof, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

#define OFF(x) offsetof(PyCodeObject, x)
static PyMemberDef code_members[] = {
    {"co_argcount", T_INT, OFF(co_argcount), READONLY, NULL},
    {"co_posonlyargcount", T_INT, OFF(co_posonlyargcount), READONLY, NULL},
    {"co_kwonlyargcount", T_INT, OFF(co_kwonlyargcount), READONLY, NULL},
    {"co_nlocals", T_INT, OFF(co_nlocals), READONLY, NULL},
    {"co_stacksize", T_INT, OFF(co_stacksize), READONLY, NULL},
    {"co_flags", T_INT, OFF(co_flags), READONLY, NULL},
    {"co_firstlineno", T_INT, OFF(co_firstlineno), READONLY, NULL},
    {"co_code", T_OBJECT, OFF(co_code), READONLY, NULL},
    {"co_consts", T_OBJECT, OFF(co_consts), READONLY, NULL},
    {"co_names", T_OBJECT, OFF(co_names), READONLY, NULL},
    {"co_varnames", T_OBJECT, OFF(co_varnames), READONLY, NULL},
    {"co_freevars", T_OBJECT, OFF(co_freevars), READONLY, NULL},
    {"co_cellvars", T_OBJECT, OFF(co_cellvars), READONLY, NULL},
    {"co_filename", T_OBJECT, OFF(co_filename), READONLY, NULL},
    {"co_name", T_OBJECT, OFF(co_name), READONLY, NULL},
    {"co_qualname", T_OBJECT, OFF(co_qualname), READONLY, NULL},
    {"co_linetable", T_OBJECT, OFF(co_linetable), READONLY, NULL},
    {"co_exceptiontable", T_OBJECT, OFF(co_exceptiontable), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef code_getset[] = {
    {"co_lnotab", (getter)code_getlnotab, NULL, NULL, NULL},
    {"_co_code_adaptive", (getter)code_getcodeadaptive, NULL, NULL, NULL},
    {"_co_localsplusnames", (getter)code_getnlocalsplus_names, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

PyTypeObject PyCode_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "code",
    .tp_basicsize = sizeof(PyCodeObject),
    .tp_dealloc = (destructor)code_dealloc,
    .tp_repr = (reprfunc)code_repr,
    .tp_hash = (hashfunc)code_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(PyCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
};
