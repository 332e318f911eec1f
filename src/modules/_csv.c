/* _csv.c — the `_csv` accelerator under csv.py: Dialect, reader and writer objects, the
 * dialect registry, field_size_limit, QUOTE_* and csv.Error.  Owner: modules-data.
 * The reader is CPython's character state machine and the writer its quoting rules, so
 * parsed fields, written text and error messages match CPython 3.11 exactly. */
#include "Python.h"
#include <stdbool.h>
#include <string.h>

typedef enum { QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE } QuoteStyle;

#define NOT_SET ((Py_UCS4)-1)   /* unset delimiter/quotechar/escapechar */
#define EOL ((Py_UCS4)-2)       /* end of one input line, fed to the state machine */

static PyObject *error_obj;     /* _csv.Error */
static PyObject *dialects;      /* the registry, exposed as _csv._dialects */
static long field_limit = 128 * 1024;

typedef struct {
    PyObject_HEAD
    char doublequote;
    char skipinitialspace;
    char strict;
    int quoting;
    Py_UCS4 delimiter;
    Py_UCS4 quotechar;
    Py_UCS4 escapechar;
    PyObject *lineterminator;
} DialectObj;

static PyTypeObject Dialect_Type;
static PyTypeObject Reader_Type;
static PyTypeObject Writer_Type;

/* ------------------------------------------------------------ Dialect */

static PyObject *get_dialect_from_registry(PyObject *name_obj)
{
    PyObject *d = PyDict_GetItemWithError(dialects, name_obj);
    if (d == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(error_obj, "unknown dialect");
        return NULL;
    }
    Py_INCREF(d);
    return d;
}

static PyObject *get_char_or_none(Py_UCS4 c)
{
    if (c == NOT_SET)
        Py_RETURN_NONE;
    return PyUnicode_FromOrdinal((int)c);
}

static PyObject *Dialect_get_lineterminator(DialectObj *self, void *unused)
{
    Py_XINCREF(self->lineterminator);
    return self->lineterminator;
}

static PyObject *Dialect_get_delimiter(DialectObj *self, void *unused) { return get_char_or_none(self->delimiter); }
static PyObject *Dialect_get_escapechar(DialectObj *self, void *unused) { return get_char_or_none(self->escapechar); }
static PyObject *Dialect_get_quotechar(DialectObj *self, void *unused) { return get_char_or_none(self->quotechar); }
static PyObject *Dialect_get_quoting(DialectObj *self, void *unused) { return PyLong_FromLong(self->quoting); }

static int _set_bool(const char *name, char *target, PyObject *src, bool dflt)
{
    if (src == NULL)
        *target = dflt;
    else {
        int b = PyObject_IsTrue(src);
        if (b < 0)
            return -1;
        *target = (char)b;
    }
    return 0;
}

static int _set_int(const char *name, int *target, PyObject *src, int dflt)
{
    if (src == NULL) {
        *target = dflt;
        return 0;
    }
    if (!PyLong_CheckExact(src)) {
        PyErr_Format(PyExc_TypeError, "\"%s\" must be an integer", name);
        return -1;
    }
    int value = _PyLong_AsInt(src);
    if (value == -1 && PyErr_Occurred())
        return -1;
    *target = value;
    return 0;
}

static int _set_char(const char *name, Py_UCS4 *target, PyObject *src, Py_UCS4 dflt)
{
    if (src == NULL) {
        *target = dflt;
        return 0;
    }
    if (!PyUnicode_Check(src)) {
        PyErr_Format(PyExc_TypeError, "\"%s\" must be string, not %.200s", name,
                     Py_TYPE(src)->tp_name);
        return -1;
    }
    if (PyUnicode_GetLength(src) != 1) {
        PyErr_Format(PyExc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    *target = PyUnicode_ReadChar(src, 0);
    return 0;
}

static int _set_char_or_none(const char *name, Py_UCS4 *target, PyObject *src, Py_UCS4 dflt)
{
    if (src == Py_None) {
        *target = NOT_SET;
        return 0;
    }
    if (src != NULL && !PyUnicode_Check(src)) {
        PyErr_Format(PyExc_TypeError, "\"%s\" must be string or None, not %.200s", name,
                     Py_TYPE(src)->tp_name);
        return -1;
    }
    return _set_char(name, target, src, dflt);
}

static int _set_str(const char *name, PyObject **target, PyObject *src, const char *dflt)
{
    if (src == NULL)
        *target = PyUnicode_FromString(dflt);
    else if (src == Py_None)
        *target = NULL;
    else if (!PyUnicode_Check(src)) {
        PyErr_Format(PyExc_TypeError, "\"%s\" must be a string", name);
        return -1;
    }
    else {
        Py_INCREF(src);
        Py_XSETREF(*target, src);
    }
    return 0;
}

static int dialect_check_quoting(int quoting)
{
    if (quoting < QUOTE_MINIMAL || quoting > QUOTE_NONE) {
        PyErr_Format(PyExc_TypeError, "bad \"quoting\" value");
        return -1;
    }
    return 0;
}

static PyObject *dialect_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *dialect_kws[] = {"dialect", "delimiter", "doublequote", "escapechar",
                                  "lineterminator", "quotechar", "quoting",
                                  "skipinitialspace", "strict", NULL};
    PyObject *dialect = NULL, *delimiter = NULL, *doublequote = NULL, *escapechar = NULL,
             *lineterminator = NULL, *quotechar = NULL, *quoting = NULL,
             *skipinitialspace = NULL, *strict = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|OOOOOOOOO", dialect_kws, &dialect,
                                     &delimiter, &doublequote, &escapechar, &lineterminator,
                                     &quotechar, &quoting, &skipinitialspace, &strict))
        return NULL;

    if (dialect != NULL) {
        if (PyUnicode_Check(dialect)) {
            dialect = get_dialect_from_registry(dialect);
            if (dialect == NULL)
                return NULL;
        }
        else
            Py_INCREF(dialect);
        /* An existing Dialect with no overrides is immutable: reuse it. */
        if (PyObject_TypeCheck(dialect, &Dialect_Type) && delimiter == NULL &&
            doublequote == NULL && escapechar == NULL && lineterminator == NULL &&
            quotechar == NULL && quoting == NULL && skipinitialspace == NULL && strict == NULL)
            return dialect;
    }

    DialectObj *self = (DialectObj *)type->tp_alloc(type, 0);
    if (self == NULL) {
        Py_XDECREF(dialect);
        return NULL;
    }
    self->lineterminator = NULL;

    PyObject **slots[] = {&delimiter, &doublequote, &escapechar, &lineterminator,
                          &quotechar, &quoting, &skipinitialspace, &strict};
    const char *names[] = {"delimiter", "doublequote", "escapechar", "lineterminator",
                           "quotechar", "quoting", "skipinitialspace", "strict"};
    /* Our references: kwargs are borrowed, attributes of `dialect` are new. */
    for (int i = 0; i < 8; i++) {
        if (*slots[i] != NULL)
            Py_INCREF(*slots[i]);
        else if (dialect != NULL) {
            *slots[i] = PyObject_GetAttrString(dialect, names[i]);
            if (*slots[i] == NULL)
                PyErr_Clear();
        }
    }
    PyObject *ret = NULL;
    if (_set_char("delimiter", &self->delimiter, delimiter, ',') ||
        _set_bool("doublequote", &self->doublequote, doublequote, true) ||
        _set_char_or_none("escapechar", &self->escapechar, escapechar, NOT_SET) ||
        _set_str("lineterminator", &self->lineterminator, lineterminator, "\r\n") ||
        _set_char_or_none("quotechar", &self->quotechar, quotechar, '"') ||
        _set_int("quoting", &self->quoting, quoting, QUOTE_MINIMAL) ||
        _set_bool("skipinitialspace", &self->skipinitialspace, skipinitialspace, false) ||
        _set_bool("strict", &self->strict, strict, false))
        goto done;
    if (dialect_check_quoting(self->quoting))
        goto done;
    if (self->delimiter == NOT_SET) {
        PyErr_SetString(PyExc_TypeError, "\"delimiter\" must be a 1-character string");
        goto done;
    }
    if (quotechar == Py_None && quoting == NULL)
        self->quoting = QUOTE_NONE;
    if (self->quoting != QUOTE_NONE && self->quotechar == NOT_SET) {
        PyErr_SetString(PyExc_TypeError, "quotechar must be set if quoting enabled");
        goto done;
    }
    if (self->lineterminator == NULL) {
        PyErr_SetString(PyExc_TypeError, "lineterminator must be set");
        goto done;
    }
    ret = (PyObject *)self;
    Py_INCREF(self);
done:
    Py_DECREF(self);
    Py_XDECREF(dialect);
    for (int i = 0; i < 8; i++)
        Py_XDECREF(*slots[i]);
    return ret;
}

static void Dialect_dealloc(DialectObj *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->lineterminator);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int Dialect_traverse(DialectObj *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    return 0;
}

static PyGetSetDef Dialect_getsetlist[] = {
    {"delimiter", (getter)Dialect_get_delimiter, NULL, NULL, NULL},
    {"escapechar", (getter)Dialect_get_escapechar, NULL, NULL, NULL},
    {"lineterminator", (getter)Dialect_get_lineterminator, NULL, NULL, NULL},
    {"quotechar", (getter)Dialect_get_quotechar, NULL, NULL, NULL},
    {"quoting", (getter)Dialect_get_quoting, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static struct PyMemberDef Dialect_memberlist[] = {
    {"skipinitialspace", T_BOOL, offsetof(DialectObj, skipinitialspace), READONLY, NULL},
    {"doublequote", T_BOOL, offsetof(DialectObj, doublequote), READONLY, NULL},
    {"strict", T_BOOL, offsetof(DialectObj, strict), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Dialect_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_csv.Dialect",
    .tp_basicsize = sizeof(DialectObj),
    .tp_dealloc = (destructor)Dialect_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
    .tp_traverse = (traverseproc)Dialect_traverse,
    .tp_members = Dialect_memberlist,
    .tp_getset = Dialect_getsetlist,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = dialect_new,
    .tp_free = PyObject_GC_Del,
};

/* Dialect(dialect_inst, **kwargs): the same resolution reader/writer/register use. */
static PyObject *_call_dialect(PyObject *dialect_inst, PyObject *kwargs)
{
    PyObject *type = (PyObject *)&Dialect_Type;
    if (dialect_inst)
        return PyObject_VectorcallDict(type, &dialect_inst, 1, kwargs);
    return PyObject_VectorcallDict(type, NULL, 0, kwargs);
}

/* ------------------------------------------------------------ reader */

typedef enum {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
} ParserState;

typedef struct {
    PyObject_HEAD
    PyObject *input_iter;
    DialectObj *dialect;
    PyObject *fields;           /* the record being built */
    ParserState state;
    Py_UCS4 *field;             /* the field being built */
    Py_ssize_t field_size;
    Py_ssize_t field_len;
    int numeric_field;          /* QUOTE_NONNUMERIC and the field is unquoted */
    unsigned long line_num;
} ReaderObj;

static int parse_save_field(ReaderObj *self)
{
    PyObject *field = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->field, self->field_len);
    if (field == NULL)
        return -1;
    self->field_len = 0;
    if (self->numeric_field) {
        self->numeric_field = 0;
        PyObject *tmp = PyNumber_Float(field);
        Py_DECREF(field);
        if (tmp == NULL)
            return -1;
        field = tmp;
    }
    if (PyList_Append(self->fields, field) < 0) {
        Py_DECREF(field);
        return -1;
    }
    Py_DECREF(field);
    return 0;
}

static int parse_add_char(ReaderObj *self, Py_UCS4 c)
{
    if (self->field_len >= field_limit) {
        PyErr_Format(error_obj, "field larger than field limit (%ld)", field_limit);
        return -1;
    }
    if (self->field_len == self->field_size) {
        Py_ssize_t size = self->field_size ? self->field_size * 2 : 4096;
        Py_UCS4 *f = PyMem_Realloc(self->field, size * sizeof(Py_UCS4));
        if (f == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        self->field = f;
        self->field_size = size;
    }
    self->field[self->field_len++] = c;
    return 0;
}

static int parse_process_char(ReaderObj *self, Py_UCS4 c)
{
    DialectObj *dialect = self->dialect;
    switch (self->state) {
    case START_RECORD:
        if (c == EOL)
            break;   /* empty line: return [] */
        if (c == '\n' || c == '\r') {
            self->state = EAT_CRNL;
            break;
        }
        self->state = START_FIELD;   /* normal character: handle as START_FIELD */
        /* fallthrough */
    case START_FIELD:
        if (c == '\n' || c == '\r' || c == EOL) {
            if (parse_save_field(self) < 0)
                return -1;
            self->state = (c == EOL ? START_RECORD : EAT_CRNL);
        }
        else if (c == dialect->quotechar && dialect->quoting != QUOTE_NONE)
            self->state = IN_QUOTED_FIELD;
        else if (c == dialect->escapechar)
            self->state = ESCAPED_CHAR;
        else if (c == ' ' && dialect->skipinitialspace)
            ;   /* ignore spaces at the start of a field */
        else if (c == dialect->delimiter) {
            if (parse_save_field(self) < 0)
                return -1;
        }
        else {
            if (dialect->quoting == QUOTE_NONNUMERIC)
                self->numeric_field = 1;
            if (parse_add_char(self, c) < 0)
                return -1;
            self->state = IN_FIELD;
        }
        break;

    case ESCAPED_CHAR:
        if (c == '\n' || c == '\r') {
            if (parse_add_char(self, c) < 0)
                return -1;
            self->state = AFTER_ESCAPED_CRNL;
            break;
        }
        if (c == EOL)
            c = '\n';
        if (parse_add_char(self, c) < 0)
            return -1;
        self->state = IN_FIELD;
        break;

    case AFTER_ESCAPED_CRNL:
        if (c == EOL)
            break;
        /* fallthrough */
    case IN_FIELD:
        if (c == '\n' || c == '\r' || c == EOL) {
            if (parse_save_field(self) < 0)
                return -1;
            self->state = (c == EOL ? START_RECORD : EAT_CRNL);
        }
        else if (c == dialect->escapechar)
            self->state = ESCAPED_CHAR;
        else if (c == dialect->delimiter) {
            if (parse_save_field(self) < 0)
                return -1;
            self->state = START_FIELD;
        }
        else if (parse_add_char(self, c) < 0)
            return -1;
        break;

    case IN_QUOTED_FIELD:
        if (c == EOL)
            ;
        else if (c == dialect->escapechar)
            self->state = ESCAPE_IN_QUOTED_FIELD;
        else if (c == dialect->quotechar && dialect->quoting != QUOTE_NONE)
            self->state = dialect->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        else if (parse_add_char(self, c) < 0)
            return -1;
        break;

    case ESCAPE_IN_QUOTED_FIELD:
        if (c == EOL)
            c = '\n';
        if (parse_add_char(self, c) < 0)
            return -1;
        self->state = IN_QUOTED_FIELD;
        break;

    case QUOTE_IN_QUOTED_FIELD:
        /* a quote seen inside a quoted field with doublequote on */
        if (dialect->quoting != QUOTE_NONE && c == dialect->quotechar) {
            if (parse_add_char(self, c) < 0)
                return -1;
            self->state = IN_QUOTED_FIELD;
        }
        else if (c == dialect->delimiter) {
            if (parse_save_field(self) < 0)
                return -1;
            self->state = START_FIELD;
        }
        else if (c == '\n' || c == '\r' || c == EOL) {
            if (parse_save_field(self) < 0)
                return -1;
            self->state = (c == EOL ? START_RECORD : EAT_CRNL);
        }
        else if (!dialect->strict) {
            if (parse_add_char(self, c) < 0)
                return -1;
            self->state = IN_FIELD;
        }
        else {
            PyErr_Format(error_obj, "'%c' expected after '%c'", (int)dialect->delimiter,
                         (int)dialect->quotechar);
            return -1;
        }
        break;

    case EAT_CRNL:
        if (c == '\n' || c == '\r')
            ;
        else if (c == EOL)
            self->state = START_RECORD;
        else {
            PyErr_Format(error_obj, "new-line character seen in unquoted field - do you need "
                                    "to open the file in universal-newline mode?");
            return -1;
        }
        break;
    }
    return 0;
}

static int parse_reset(ReaderObj *self)
{
    Py_XSETREF(self->fields, PyList_New(0));
    if (self->fields == NULL)
        return -1;
    self->field_len = 0;
    self->state = START_RECORD;
    self->numeric_field = 0;
    return 0;
}

static PyObject *Reader_iternext(ReaderObj *self)
{
    if (parse_reset(self) < 0)
        return NULL;
    do {
        PyObject *lineobj = PyIter_Next(self->input_iter);
        if (lineobj == NULL) {
            /* end of input or an exception */
            if (!PyErr_Occurred() && (self->field_len != 0 || self->state == IN_QUOTED_FIELD)) {
                if (self->dialect->strict)
                    PyErr_SetString(error_obj, "unexpected end of data");
                else if (parse_save_field(self) >= 0)
                    break;
            }
            return NULL;
        }
        if (!PyUnicode_Check(lineobj)) {
            PyErr_Format(error_obj,
                         "iterator should return strings, not %.200s "
                         "(the file should be opened in text mode)",
                         Py_TYPE(lineobj)->tp_name);
            Py_DECREF(lineobj);
            return NULL;
        }
        ++self->line_num;
        Py_ssize_t linelen = PyUnicode_GetLength(lineobj);
        for (Py_ssize_t pos = 0; pos < linelen; pos++) {
            if (parse_process_char(self, PyUnicode_ReadChar(lineobj, pos)) < 0) {
                Py_DECREF(lineobj);
                return NULL;
            }
        }
        Py_DECREF(lineobj);
        if (parse_process_char(self, EOL) < 0)
            return NULL;
    } while (self->state != START_RECORD);
    PyObject *fields = self->fields;
    self->fields = NULL;
    return fields;
}

static void Reader_dealloc(ReaderObj *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->dialect);
    Py_CLEAR(self->input_iter);
    Py_CLEAR(self->fields);
    PyMem_Free(self->field);
    self->field = NULL;
    PyObject_GC_Del(self);
}

static int Reader_traverse(ReaderObj *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dialect);
    Py_VISIT(self->input_iter);
    Py_VISIT(self->fields);
    return 0;
}

static int Reader_clear(ReaderObj *self)
{
    Py_CLEAR(self->dialect);
    Py_CLEAR(self->input_iter);
    Py_CLEAR(self->fields);
    return 0;
}

static struct PyMemberDef Reader_memberlist[] = {
    {"dialect", T_OBJECT, offsetof(ReaderObj, dialect), READONLY, NULL},
    {"line_num", T_ULONG, offsetof(ReaderObj, line_num), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject Reader_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_csv.reader",
    .tp_basicsize = sizeof(ReaderObj),
    .tp_dealloc = (destructor)Reader_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\n"
              "in CSV format.\n",
    .tp_traverse = (traverseproc)Reader_traverse,
    .tp_clear = (inquiry)Reader_clear,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)Reader_iternext,
    .tp_members = Reader_memberlist,
};

static PyObject *csv_reader(PyObject *module, PyObject *args, PyObject *keyword_args)
{
    PyObject *iterator, *dialect = NULL;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &iterator, &dialect))
        return NULL;
    ReaderObj *self = PyObject_GC_New(ReaderObj, &Reader_Type);
    if (self == NULL)
        return NULL;
    self->dialect = NULL;
    self->fields = NULL;
    self->input_iter = NULL;
    self->field = NULL;
    self->field_size = 0;
    self->line_num = 0;
    if (parse_reset(self) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    self->input_iter = PyObject_GetIter(iterator);
    if (self->input_iter == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    self->dialect = (DialectObj *)_call_dialect(dialect, keyword_args);
    if (self->dialect == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

/* ------------------------------------------------------------ writer */

typedef struct {
    PyObject_HEAD
    PyObject *write;            /* the file's bound write method */
    DialectObj *dialect;
    Py_UCS4 *rec;               /* the record being built */
    Py_ssize_t rec_size;
    Py_ssize_t rec_len;
    int num_fields;
} WriterObj;

static int rec_addch(WriterObj *self, Py_UCS4 c)
{
    if (self->rec_len == self->rec_size) {
        Py_ssize_t size = self->rec_size ? self->rec_size * 2 : 1024;
        Py_UCS4 *r = PyMem_Realloc(self->rec, size * sizeof(Py_UCS4));
        if (r == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        self->rec = r;
        self->rec_size = size;
    }
    self->rec[self->rec_len++] = c;
    return 0;
}

/* One pass over a field: with copy == 0 only decides whether it must be quoted (sets
 * *quoted) and checks escapability; with copy == 1 appends it to the record. */
static int join_append_data(WriterObj *self, PyObject *field, int *quoted, int copy)
{
    DialectObj *dialect = self->dialect;
    PyObject *lineterm = dialect->lineterminator;
#define ADDCH(c) do { if (copy && rec_addch(self, (c)) < 0) return -1; } while (0)
    if (self->num_fields > 0)
        ADDCH(dialect->delimiter);
    if (*quoted)
        ADDCH(dialect->quotechar);
    Py_ssize_t field_len = field ? PyUnicode_GetLength(field) : 0;
    for (Py_ssize_t i = 0; i < field_len; i++) {
        Py_UCS4 c = PyUnicode_ReadChar(field, i);
        int want_escape = 0;
        if (c == dialect->delimiter || c == dialect->escapechar || c == dialect->quotechar ||
            PyUnicode_FindChar(lineterm, c, 0, PyUnicode_GetLength(lineterm), 1) >= 0) {
            if (dialect->quoting == QUOTE_NONE)
                want_escape = 1;
            else {
                if (c == dialect->quotechar) {
                    if (dialect->doublequote)
                        ADDCH(dialect->quotechar);
                    else
                        want_escape = 1;
                }
                else if (c == dialect->escapechar)
                    want_escape = 1;
                if (!want_escape)
                    *quoted = 1;
            }
            if (want_escape) {
                if (dialect->escapechar == NOT_SET) {
                    PyErr_Format(error_obj, "need to escape, but no escapechar set");
                    return -1;
                }
                ADDCH(dialect->escapechar);
            }
        }
        ADDCH(c);
    }
    if (*quoted)
        ADDCH(dialect->quotechar);
#undef ADDCH
    return 0;
}

static int join_append(WriterObj *self, PyObject *field, int quoted)
{
    /* The first pass may turn quoting on; the second copies with the final decision. */
    int q = quoted;
    if (join_append_data(self, field, &q, 0) < 0)
        return -1;
    if (join_append_data(self, field, &q, 1) < 0)
        return -1;
    self->num_fields++;
    return 0;
}

static PyObject *csv_writerow(WriterObj *self, PyObject *seq)
{
    DialectObj *dialect = self->dialect;
    PyObject *iter = PyObject_GetIter(seq);
    if (iter == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError))
            PyErr_Format(error_obj, "iterable expected, not %.200s", Py_TYPE(seq)->tp_name);
        return NULL;
    }
    self->rec_len = 0;
    self->num_fields = 0;
    PyObject *field;
    while ((field = PyIter_Next(iter))) {
        int quoted, r;
        switch (dialect->quoting) {
        case QUOTE_NONNUMERIC: quoted = !PyNumber_Check(field); break;
        case QUOTE_ALL: quoted = 1; break;
        default: quoted = 0; break;
        }
        if (PyUnicode_Check(field))
            r = join_append(self, field, quoted);
        else if (field == Py_None)
            r = join_append(self, NULL, quoted);
        else {
            PyObject *str = PyObject_Str(field);
            r = str == NULL ? -1 : join_append(self, str, quoted);
            Py_XDECREF(str);
        }
        Py_DECREF(field);
        if (r < 0) {
            Py_DECREF(iter);
            return NULL;
        }
    }
    Py_DECREF(iter);
    if (PyErr_Occurred())
        return NULL;

    if (self->num_fields > 0 && self->rec_len == 0) {
        /* a lone empty field must be quoted or it would read back as [] */
        if (dialect->quoting == QUOTE_NONE) {
            PyErr_Format(error_obj, "single empty field record must be quoted");
            return NULL;
        }
        self->num_fields--;
        if (join_append(self, NULL, 1) < 0)
            return NULL;
    }
    PyObject *lt = dialect->lineterminator;
    for (Py_ssize_t i = 0; i < PyUnicode_GetLength(lt); i++)
        if (rec_addch(self, PyUnicode_ReadChar(lt, i)) < 0)
            return NULL;
    PyObject *line = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, self->rec, self->rec_len);
    if (line == NULL)
        return NULL;
    PyObject *result = PyObject_CallOneArg(self->write, line);
    Py_DECREF(line);
    return result;
}

static PyObject *csv_writerows(WriterObj *self, PyObject *seqseq)
{
    PyObject *row_iter = PyObject_GetIter(seqseq);
    if (row_iter == NULL)
        return NULL;
    PyObject *row_obj;
    while ((row_obj = PyIter_Next(row_iter))) {
        PyObject *result = csv_writerow(self, row_obj);
        Py_DECREF(row_obj);
        if (!result) {
            Py_DECREF(row_iter);
            return NULL;
        }
        Py_DECREF(result);
    }
    Py_DECREF(row_iter);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

static struct PyMethodDef Writer_methods[] = {
    {"writerow", (PyCFunction)csv_writerow, METH_O,
     "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\n"
     "elements will be converted to string."},
    {"writerows", (PyCFunction)csv_writerows, METH_O,
     "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\n"
     "elements will be converted to string."},
    {NULL, NULL, 0, NULL},
};

static struct PyMemberDef Writer_memberlist[] = {
    {"dialect", T_OBJECT, offsetof(WriterObj, dialect), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static void Writer_dealloc(WriterObj *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->dialect);
    Py_CLEAR(self->write);
    PyMem_Free(self->rec);
    PyObject_GC_Del(self);
}

static int Writer_traverse(WriterObj *self, visitproc visit, void *arg)
{
    Py_VISIT(self->dialect);
    Py_VISIT(self->write);
    return 0;
}

static int Writer_clear(WriterObj *self)
{
    Py_CLEAR(self->dialect);
    Py_CLEAR(self->write);
    return 0;
}

static PyTypeObject Writer_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_csv.writer",
    .tp_basicsize = sizeof(WriterObj),
    .tp_dealloc = (destructor)Writer_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "CSV writer\n\nWriter objects are responsible for generating tabular data\n"
              "in CSV format from sequence input.\n",
    .tp_traverse = (traverseproc)Writer_traverse,
    .tp_clear = (inquiry)Writer_clear,
    .tp_methods = Writer_methods,
    .tp_members = Writer_memberlist,
};

static PyObject *csv_writer(PyObject *module, PyObject *args, PyObject *keyword_args)
{
    PyObject *output_file, *dialect = NULL;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &output_file, &dialect))
        return NULL;
    WriterObj *self = PyObject_GC_New(WriterObj, &Writer_Type);
    if (self == NULL)
        return NULL;
    self->dialect = NULL;
    self->write = NULL;
    self->rec = NULL;
    self->rec_size = 0;
    self->rec_len = 0;
    self->num_fields = 0;
    if (_PyObject_LookupAttr(output_file, _Py_ID(write), &self->write) < 0) {
        Py_DECREF(self);
        return NULL;
    }
    if (self->write == NULL || !PyCallable_Check(self->write)) {
        PyErr_SetString(PyExc_TypeError, "argument 1 must have a \"write\" method");
        Py_DECREF(self);
        return NULL;
    }
    self->dialect = (DialectObj *)_call_dialect(dialect, keyword_args);
    if (self->dialect == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    PyObject_GC_Track(self);
    return (PyObject *)self;
}

/* ------------------------------------------------------------ dialect registry */

static PyObject *csv_list_dialects(PyObject *module, PyObject *unused)
{
    return PyDict_Keys(dialects);
}

static PyObject *csv_register_dialect(PyObject *module, PyObject *args, PyObject *kwargs)
{
    PyObject *name_obj, *dialect_obj = NULL;
    if (!PyArg_UnpackTuple(args, "", 1, 2, &name_obj, &dialect_obj))
        return NULL;
    if (!PyUnicode_Check(name_obj)) {
        PyErr_SetString(PyExc_TypeError, "dialect name must be a string");
        return NULL;
    }
    PyObject *dialect = _call_dialect(dialect_obj, kwargs);
    if (dialect == NULL)
        return NULL;
    if (PyDict_SetItem(dialects, name_obj, dialect) < 0) {
        Py_DECREF(dialect);
        return NULL;
    }
    Py_DECREF(dialect);
    Py_RETURN_NONE;
}

static PyObject *csv_unregister_dialect(PyObject *module, PyObject *name_obj)
{
    PyObject *d = PyDict_GetItemWithError(dialects, name_obj);
    if (d == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(error_obj, "unknown dialect");
        return NULL;
    }
    if (PyDict_DelItem(dialects, name_obj) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *csv_get_dialect(PyObject *module, PyObject *name_obj)
{
    return get_dialect_from_registry(name_obj);
}

static PyObject *csv_field_size_limit(PyObject *module, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"new_limit", NULL};
    PyObject *new_limit = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "|O:field_size_limit", kwlist, &new_limit))
        return NULL;
    long old_limit = field_limit;
    if (new_limit != NULL) {
        if (!PyLong_CheckExact(new_limit)) {
            PyErr_Format(PyExc_TypeError, "limit must be an integer");
            return NULL;
        }
        long v = PyLong_AsLong(new_limit);
        if (v == -1 && PyErr_Occurred())
            return NULL;
        field_limit = v;
    }
    return PyLong_FromLong(old_limit);
}

/* ------------------------------------------------------------ module */

#define VARKW (PyCFunction)(void (*)(void))
static struct PyMethodDef csv_methods[] = {
    {"reader", VARKW csv_reader, METH_VARARGS | METH_KEYWORDS,
     "    csv_reader = reader(iterable [, dialect='excel']\n"
     "                        [optional keyword args])\n"
     "    for row in csv_reader:\n"
     "        process(row)\n\n"
     "The \"iterable\" argument can be any object that returns a line\n"
     "of input for each iteration, such as a file object or a list.  The\n"
     "optional \"dialect\" parameter is discussed below.  The function\n"
     "also accepts optional keyword arguments which override settings\n"
     "provided by the dialect.\n\n"
     "The returned object is an iterator.  Each iteration returns a row\n"
     "of the CSV file (which can span multiple input lines).\n"},
    {"writer", VARKW csv_writer, METH_VARARGS | METH_KEYWORDS,
     "    csv_writer = csv.writer(fileobj [, dialect='excel']\n"
     "                            [optional keyword args])\n"
     "    for row in sequence:\n"
     "        csv_writer.writerow(row)\n\n"
     "    [or]\n\n"
     "    csv_writer = csv.writer(fileobj [, dialect='excel']\n"
     "                            [optional keyword args])\n"
     "    csv_writer.writerows(rows)\n\n"
     "The \"fileobj\" argument can be any object that supports the file API.\n"},
    {"list_dialects", csv_list_dialects, METH_NOARGS,
     "Return a list of all know dialect names.\n    names = csv.list_dialects()"},
    {"register_dialect", VARKW csv_register_dialect, METH_VARARGS | METH_KEYWORDS,
     "Create a mapping from a string name to a dialect class.\n"
     "    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"},
    {"unregister_dialect", csv_unregister_dialect, METH_O,
     "Delete the name/dialect mapping associated with a string name.\n"
     "    csv.unregister_dialect(name)"},
    {"get_dialect", csv_get_dialect, METH_O,
     "Return the dialect instance associated with name.\n    dialect = csv.get_dialect(name)"},
    {"field_size_limit", VARKW csv_field_size_limit, METH_VARARGS | METH_KEYWORDS,
     "Sets an upper limit on parsed fields.\n    csv.field_size_limit([limit])\n\n"
     "Returns old limit. If limit is not given, no new limit is set and\n"
     "the old limit is returned"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef _csvmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_csv",
    .m_doc = "CSV parsing and writing.\n\n"
             "This module provides classes that assist in the reading and writing\n"
             "of Comma Separated Value (CSV) files, and implements the interface\n"
             "described by PEP 305.  Although many CSV files are simple to parse,\n"
             "the format is not formally defined by a stable specification and\n"
             "is subtle enough that parsing lines of a CSV file with something\n"
             "like line.split(\",\") is bound to fail.  The module supports three\n"
             "basic APIs: reading, writing, and registration of dialects.\n",
    .m_size = -1,
    .m_methods = csv_methods,
};

PyObject *PyInit__csv(void)
{
    if (PyType_Ready(&Dialect_Type) < 0 || PyType_Ready(&Reader_Type) < 0 ||
        PyType_Ready(&Writer_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&_csvmodule);
    if (m == NULL)
        return NULL;
    if (dialects == NULL && (dialects = PyDict_New()) == NULL)
        goto fail;
    if (error_obj == NULL &&
        (error_obj = PyErr_NewException("_csv.Error", NULL, NULL)) == NULL)
        goto fail;
    if (PyModule_AddStringConstant(m, "__version__", "1.0") < 0 ||
        PyModule_AddIntConstant(m, "QUOTE_MINIMAL", QUOTE_MINIMAL) < 0 ||
        PyModule_AddIntConstant(m, "QUOTE_ALL", QUOTE_ALL) < 0 ||
        PyModule_AddIntConstant(m, "QUOTE_NONNUMERIC", QUOTE_NONNUMERIC) < 0 ||
        PyModule_AddIntConstant(m, "QUOTE_NONE", QUOTE_NONE) < 0 ||
        PyModule_AddType(m, &Dialect_Type) < 0 ||
        PyModule_AddObjectRef(m, "Reader", (PyObject *)&Reader_Type) < 0 ||
        PyModule_AddObjectRef(m, "Writer", (PyObject *)&Writer_Type) < 0 ||
        PyModule_AddObjectRef(m, "_dialects", dialects) < 0 ||
        PyModule_AddObjectRef(m, "Error", error_obj) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
