/* traceback.c — traceback objects (one per frame an exception passed through), built
 * by the eval loop with PyTraceBack_Here, and their printing in CPython 3.11's format:
 * file/line/name, the source line, and the ~~~^^^ position markers.  Printing the
 * exception itself (chains, groups, SyntaxError) is pythonrun.c. */
#include "Python.h"
#include "parser.h"
#include "../parser/tokenizer.h"

#define TB_RECURSIVE_CUTOFF 3
#define IS_WHITESPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\f')

/* ---- the traceback type ---- */

static PyObject *tb_create_raw(PyTracebackObject *next, PyFrameObject *frame, int lasti,
                               int lineno)
{
    if (next != NULL && !PyTraceBack_Check(next)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyTracebackObject *tb = PyObject_GC_New(PyTracebackObject, &PyTraceBack_Type);
    if (tb == NULL)
        return NULL;
    tb->tb_next = (PyTracebackObject *)Py_XNewRef(next);
    tb->tb_frame = (PyFrameObject *)Py_XNewRef(frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    PyObject_GC_Track(tb);
    return (PyObject *)tb;
}

static PyObject *tb_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    PyObject *tb_next;
    PyFrameObject *tb_frame;
    int tb_lasti, tb_lineno;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO!ii:traceback", kwlist, &tb_next,
                                     &PyFrame_Type, &tb_frame, &tb_lasti, &tb_lineno))
        return NULL;
    if (tb_next == Py_None) {
        tb_next = NULL;
    } else if (!PyTraceBack_Check(tb_next)) {
        return PyErr_Format(PyExc_TypeError, "expected traceback object or None, got '%s'",
                            Py_TYPE(tb_next)->tp_name);
    }
    return tb_create_raw((PyTracebackObject *)tb_next, tb_frame, tb_lasti, tb_lineno);
}

static PyObject *tb_dir(PyTracebackObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("[ssss]", "tb_frame", "tb_next", "tb_lasti", "tb_lineno");
}

static PyObject *tb_next_get(PyTracebackObject *self, void *Py_UNUSED(_))
{
    return Py_NewRef(self->tb_next ? (PyObject *)self->tb_next : Py_None);
}

static int tb_next_set(PyTracebackObject *self, PyObject *new_next, void *Py_UNUSED(_))
{
    if (!new_next) {
        PyErr_Format(PyExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (new_next == Py_None) {
        new_next = NULL;
    } else if (!PyTraceBack_Check(new_next)) {
        PyErr_Format(PyExc_TypeError, "expected traceback object, got '%s'",
                     Py_TYPE(new_next)->tp_name);
        return -1;
    }
    /* no loops in the chain */
    for (PyTracebackObject *cursor = (PyTracebackObject *)new_next; cursor; cursor = cursor->tb_next) {
        if (cursor == self) {
            PyErr_Format(PyExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    PyObject *old = (PyObject *)self->tb_next;
    self->tb_next = (PyTracebackObject *)Py_XNewRef(new_next);
    Py_XDECREF(old);
    return 0;
}

static PyObject *tb_lineno_get(PyTracebackObject *self, void *Py_UNUSED(_))
{
    if (self->tb_lineno < 0 && self->tb_frame != NULL) {
        PyCodeObject *co = PyFrame_GetCode(self->tb_frame);
        int line = PyCode_Addr2Line(co, self->tb_lasti);
        Py_DECREF(co);
        if (line < 0)
            Py_RETURN_NONE;
        self->tb_lineno = line;
    }
    return PyLong_FromLong(self->tb_lineno);
}

static PyObject *tb_frame_get(PyTracebackObject *self, void *Py_UNUSED(_))
{
    return Py_NewRef(self->tb_frame ? (PyObject *)self->tb_frame : Py_None);
}

static PyObject *tb_lasti_get(PyTracebackObject *self, void *Py_UNUSED(_))
{
    return PyLong_FromLong(self->tb_lasti);
}

static PyMethodDef tb_methods[] = {
    {"__dir__", (PyCFunction)tb_dir, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef tb_getsetters[] = {
    {"tb_next", (getter)tb_next_get, (setter)tb_next_set, NULL, NULL},
    {"tb_frame", (getter)tb_frame_get, NULL, NULL, NULL},
    {"tb_lasti", (getter)tb_lasti_get, NULL, NULL, NULL},
    {"tb_lineno", (getter)tb_lineno_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void tb_dealloc(PyTracebackObject *tb)
{
    PyObject_GC_UnTrack(tb);
    Py_XDECREF(tb->tb_next);
    Py_XDECREF(tb->tb_frame);
    PyObject_GC_Del(tb);
}

static int tb_traverse(PyTracebackObject *tb, visitproc visit, void *arg)
{
    Py_VISIT(tb->tb_next);
    Py_VISIT(tb->tb_frame);
    return 0;
}

static int tb_clear(PyTracebackObject *tb)
{
    Py_CLEAR(tb->tb_next);
    Py_CLEAR(tb->tb_frame);
    return 0;
}

PyTypeObject PyTraceBack_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "traceback",
    .tp_basicsize = sizeof(PyTracebackObject),
    .tp_dealloc = (destructor)tb_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)tb_traverse,
    .tp_clear = (inquiry)tb_clear,
    .tp_methods = tb_methods,
    .tp_getset = tb_getsetters,
    .tp_new = tb_new,
};

PyObject *_PyTraceBack_FromFrame(PyObject *tb_next, PyFrameObject *frame)
{
    /* the line is computed from tb_lasti only when someone asks (tb_lineno, printing),
       as CPython 3.11 does: decoding the location table for every frame an exception
       crosses cost a third of an exception-heavy program */
    int lasti = PyFrame_GetLasti(frame);
    return tb_create_raw((PyTracebackObject *)tb_next, frame, lasti, -1);
}

/* Called by the eval loop for each frame the current exception leaves. */
int PyTraceBack_Here(PyFrameObject *frame)
{
    PyObject *exc, *val, *tb;
    PyErr_Fetch(&exc, &val, &tb);
    PyObject *newtb = _PyTraceBack_FromFrame(tb, frame);
    if (newtb == NULL) {
        _PyErr_ChainExceptions(exc, val, tb);
        return -1;
    }
    PyErr_Restore(exc, val, newtb);
    Py_XDECREF(tb);
    return 0;
}

/* A traceback entry for C code (funcname in filename at lineno) on the exception being
 * raised, as CPython's _PyTraceback_Add: a frame of an empty code object. */
void _PyTraceback_Add(const char *funcname, const char *filename, int lineno)
{
    PyObject *exc, *val, *tb;
    PyErr_Fetch(&exc, &val, &tb);
    PyObject *globals = PyDict_New();
    PyCodeObject *code = globals ? PyCode_NewEmpty(filename, funcname, lineno) : NULL;
    PyFrameObject *frame = code ? PyFrame_New(_PyThreadState_GET(), code, globals, NULL) : NULL;
    Py_XDECREF(globals);
    Py_XDECREF(code);
    if (frame == NULL) {
        _PyErr_ChainExceptions(exc, val, tb);
        return;
    }
    frame->f_lineno = lineno;
    PyObject *newtb = tb_create_raw((PyTracebackObject *)tb, frame, -1, lineno);
    Py_DECREF(frame);
    if (newtb == NULL) {
        _PyErr_ChainExceptions(exc, val, tb);
        return;
    }
    Py_XDECREF(tb);
    PyErr_Restore(exc, val, newtb);
}

int _PyTraceBack_Init(void) { return PyType_Ready(&PyTraceBack_Type); }

/* ---- source lines ---- */

/* Opens filename, or (when relative and missing) its tail along sys.path. */
static FILE *open_source(PyObject *filename)
{
    const char *path = PyUnicode_AsUTF8(filename);
    if (path == NULL) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (fp != NULL || path[0] == '/' || path[0] == '<')
        return fp;
    PyObject *syspath = PySys_GetObject("path");
    if (syspath == NULL || !PyList_Check(syspath))
        return NULL;
    const char *tail = strrchr(path, '/');
    tail = tail ? tail + 1 : path;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(syspath); i++) {
        PyObject *dir = PyList_GET_ITEM(syspath, i);
        if (!PyUnicode_Check(dir))
            continue;
        const char *d = PyUnicode_AsUTF8(dir);
        if (d == NULL) {
            PyErr_Clear();
            continue;
        }
        char buf[4096];
        snprintf(buf, sizeof(buf), "%s/%s", d, tail);
        fp = fopen(buf, "rb");
        if (fp != NULL)
            return fp;
    }
    return NULL;
}

PyObject *_PyTraceback_GetSourceLine(PyObject *filename, int lineno)
{
    if (filename == NULL || !PyUnicode_Check(filename) || lineno <= 0)
        return NULL;
    FILE *fp = open_source(filename);
    if (fp == NULL)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = -1;
    /* the file is read in the encoding its PEP 263 cookie names (lines 1-2), as 3.11's
     * _Py_DisplaySourceLine reads it through a TextIOWrapper */
    char head[512], enc[64];
    size_t headlen = 0;
    for (int i = 0; i < lineno; i++) {
        n = getline(&line, &cap, fp);
        if (n < 0)
            break;
        if (i < 2 && headlen < sizeof head) {
            size_t k = (size_t)n < sizeof head - headlen ? (size_t)n : sizeof head - headlen;
            memcpy(head + headlen, line, k);
            headlen += k;
        }
    }
    fclose(fp);
    const char *encoding = _PyTokenizer_FindEncoding(head, (Py_ssize_t)headlen, enc, sizeof enc);
    PyObject *res = NULL;
    if (n >= 0) {
        /* UTF-8 BOM on the first line is not part of the text */
        const char *start = line;
        if (lineno == 1 && n >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
            start += 3;
            n -= 3;
        }
        if (n > 0 && start[n - 1] == '\n')
            n--;
        if (n > 0 && start[n - 1] == '\r')
            n--;
        if (strcmp(encoding, "utf-8") == 0)
            res = PyUnicode_DecodeUTF8(start, n, "replace");
        else   /* (undecodable: no line shown, as 3.11) */
            res = PyUnicode_Decode(start, n, encoding, "strict");
        if (res == NULL)
            PyErr_Clear();
    }
    free(line);
    return res;
}

void _PyTraceback_AddSource(PyObject *filename, const char *text) { }
void _PyTraceback_ClearCache(void) { }

static int write_indented_margin(int indent, const char *margin, PyObject *f)
{
    char buf[64];
    if (indent > 0) {
        if (indent > 60)
            indent = 60;
        memset(buf, ' ', (size_t)indent);
        buf[indent] = '\0';
        if (PyFile_WriteString(buf, f) < 0)
            return -1;
    }
    if (margin != NULL && PyFile_WriteString(margin, f) < 0)
        return -1;
    return 0;
}

int _Py_WriteIndentedMargin(int indent, const char *margin, PyObject *f)
{
    return write_indented_margin(indent, margin, f);
}

/* Writes the source line with `indent` spaces instead of its own indentation.
 * *truncation = removed whitespace - indent; *line = the full line (new ref). */
static int display_source_line_with_margin(PyObject *f, PyObject *filename, int lineno,
                                           int indent, int margin_indent, const char *margin,
                                           int *truncation, PyObject **line)
{
    PyObject *lineobj = _PyTraceback_GetSourceLine(filename, lineno);
    if (lineobj == NULL)
        return 0;
    if (line)
        *line = Py_NewRef(lineobj);
    Py_ssize_t i, n = PyUnicode_GET_LENGTH(lineobj);
    for (i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(lineobj, i);
        if (ch != ' ' && ch != '\t' && ch != '\014')
            break;
    }
    PyObject *stripped = PyUnicode_Substring(lineobj, i, n);
    Py_DECREF(lineobj);
    if (stripped == NULL)
        return -1;
    if (truncation != NULL)
        *truncation = (int)i - indent;
    int err = write_indented_margin(margin_indent, margin, f);
    char spaces[16];
    memset(spaces, ' ', sizeof(spaces));
    spaces[indent < 15 ? indent : 15] = '\0';
    if (err == 0)
        err = PyFile_WriteString(spaces, f);
    if (err == 0)
        err = PyFile_WriteObject(stripped, f, Py_PRINT_RAW);
    if (err == 0)
        err = PyFile_WriteString("\n", f);
    Py_DECREF(stripped);
    return err;
}

int _Py_DisplaySourceLine(PyObject *f, PyObject *filename, int lineno, int indent,
                          int *truncation, PyObject **line)
{
    return display_source_line_with_margin(f, filename, lineno, indent, 0, NULL, truncation, line);
}

/* Character offset for a UTF-8 byte offset within line (as the PEG parser's helper). */
static Py_ssize_t byte_offset_to_character_offset(PyObject *line, Py_ssize_t col_offset)
{
    const char *str = PyUnicode_AsUTF8(line);
    if (str == NULL)
        return -1;
    Py_ssize_t len = (Py_ssize_t)strlen(str);
    if (col_offset > len + 1)
        col_offset = len + 1;
    PyObject *text = PyUnicode_DecodeUTF8(str, col_offset, "replace");
    if (text == NULL)
        return -1;
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    Py_DECREF(text);
    return size;
}

/* Anchors inside a single-line expression: the operator of a BinOp, the [...] of a
 * Subscript (3.11's rules).  1 if found, 0 if none, -1 on error. */
static int extract_anchors_from_expr(const char *segment_str, expr_ty expr,
                                     Py_ssize_t *left_anchor, Py_ssize_t *right_anchor,
                                     const char **primary, const char **secondary)
{
    switch (expr->kind) {
    case BinOp_kind: {
        expr_ty left = expr->v.BinOp.left, right = expr->v.BinOp.right;
        for (int i = left->end_col_offset; i < right->col_offset; i++) {
            if (IS_WHITESPACE(segment_str[i]))
                continue;
            *left_anchor = i;
            *right_anchor = i + 1;
            /* two-character operators (//, **, <<, ...) */
            if (i + 1 < right->col_offset && !IS_WHITESPACE(segment_str[i + 1]))
                ++*right_anchor;
            /* skip the closing parentheses of the left operand */
            if (i + 1 < right->col_offset && segment_str[i] == ')')
                continue;
            *primary = "~";
            *secondary = "^";
            break;
        }
        return 1;
    }
    case Subscript_kind: {
        *left_anchor = expr->v.Subscript.value->end_col_offset;
        *right_anchor = expr->v.Subscript.slice->end_col_offset + 1;
        Py_ssize_t str_len = (Py_ssize_t)strlen(segment_str);
        while (*left_anchor < str_len &&
               (IS_WHITESPACE(segment_str[*left_anchor]) || segment_str[*left_anchor] != '['))
            ++*left_anchor;
        while (*right_anchor < str_len &&
               (IS_WHITESPACE(segment_str[*right_anchor]) || segment_str[*right_anchor] != ']'))
            ++*right_anchor;
        if (*right_anchor < str_len)
            *right_anchor += 1;
        *primary = "~";
        *secondary = "^";
        return 1;
    }
    default:
        return 0;
    }
}

static int extract_anchors_from_line(PyObject *filename, PyObject *line, Py_ssize_t start_offset,
                                     Py_ssize_t end_offset, Py_ssize_t *left_anchor,
                                     Py_ssize_t *right_anchor, const char **primary,
                                     const char **secondary)
{
    int res = -1;
    PyArena *arena = NULL;
    PyObject *segment = PyUnicode_Substring(line, start_offset, end_offset);
    if (segment == NULL)
        goto done;
    const char *segment_str = PyUnicode_AsUTF8(segment);
    if (segment_str == NULL)
        goto done;
    arena = _PyArena_New();
    if (arena == NULL)
        goto done;
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    mod_ty module = _PyParser_ASTFromString(segment_str, filename, Py_file_input, &flags, arena);
    if (module == NULL)
        goto done;
    if (module->kind == Module_kind && asdl_seq_LEN(module->v.Module.body) == 1) {
        stmt_ty statement = asdl_seq_GET(module->v.Module.body, 0);
        res = statement->kind == Expr_kind
                  ? extract_anchors_from_expr(segment_str, statement->v.Expr.value, left_anchor,
                                              right_anchor, primary, secondary)
                  : 0;
    } else {
        res = 0;
    }
done:
    if (res > 0) {
        *left_anchor = byte_offset_to_character_offset(segment, *left_anchor) + start_offset;
        *right_anchor = byte_offset_to_character_offset(segment, *right_anchor) + start_offset;
    }
    Py_XDECREF(segment);
    if (arena)
        _PyArena_Free(arena);
    return res;
}

static int print_error_location_carets(PyObject *f, int offset, Py_ssize_t start_offset,
                                       Py_ssize_t end_offset, Py_ssize_t right_start_offset,
                                       Py_ssize_t left_end_offset, const char *primary,
                                       const char *secondary)
{
    int special_chars = (left_end_offset != -1 || right_start_offset != -1);
    Py_ssize_t n = end_offset - offset;
    if (n <= 0)
        return PyFile_WriteString("\n", f);
    char *buf = PyMem_Malloc((size_t)n + 2), *p = buf;
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t o = offset + 1; o <= end_offset; o++) {
        if (o <= start_offset)
            *p++ = ' ';
        else if (special_chars && left_end_offset < o && o <= right_start_offset)
            *p++ = secondary[0];
        else
            *p++ = primary[0];
    }
    *p++ = '\n';
    *p = '\0';
    int r = PyFile_WriteString(buf, f);
    PyMem_Free(buf);
    return r;
}

/* After a failed anchor parse, swallow the error unless it is a real failure. */
static int ignore_source_errors(void)
{
    if (PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt))
            return -1;
        PyErr_Clear();
    }
    return 0;
}

static int tb_displayline(PyTracebackObject *tb, PyObject *f, PyObject *filename, int lineno,
                          PyFrameObject *frame, PyObject *name, int margin_indent,
                          const char *margin)
{
    if (filename == NULL || name == NULL)
        return -1;
    if (write_indented_margin(margin_indent, margin, f) < 0)
        return -1;
    PyObject *line = PyUnicode_FromFormat("  File \"%U\", line %d, in %U\n", filename, lineno, name);
    if (line == NULL)
        return -1;
    int err = PyFile_WriteObject(line, f, Py_PRINT_RAW);
    Py_DECREF(line);
    if (err < 0)
        return -1;

    int truncation = _TRACEBACK_SOURCE_LINE_INDENT;
    PyObject *source_line = NULL;
    int rc = display_source_line_with_margin(f, filename, lineno, _TRACEBACK_SOURCE_LINE_INDENT,
                                             margin_indent, margin, &truncation, &source_line);
    if (rc != 0 || source_line == NULL) {
        /* ignore errors since we can't report them, can we? */
        err = ignore_source_errors();
        goto done;
    }

    PyCodeObject *code = PyFrame_GetCode(frame);
    int start_line, end_line, start_col_byte_offset, end_col_byte_offset;
    int ok = PyCode_Addr2Location(code, tb->tb_lasti, &start_line, &start_col_byte_offset,
                                  &end_line, &end_col_byte_offset);
    Py_DECREF(code);
    if (!ok || start_line < 0 || end_line < 0 || start_col_byte_offset < 0 ||
        end_col_byte_offset < 0)
        goto done;

    Py_ssize_t source_line_len = PyUnicode_GET_LENGTH(source_line);
    Py_ssize_t start_offset = byte_offset_to_character_offset(source_line, start_col_byte_offset);
    Py_ssize_t end_offset = start_offset < 0 ? -1
                            : byte_offset_to_character_offset(source_line, end_col_byte_offset);
    if (start_offset < 0 || end_offset < 0) {
        err = ignore_source_errors();
        goto done;
    }
    Py_ssize_t left_end_offset = -1, right_start_offset = -1;
    const char *primary = "^", *secondary = "^";
    if (start_line == end_line) {
        int res = extract_anchors_from_line(filename, source_line, start_offset, end_offset,
                                            &left_end_offset, &right_start_offset, &primary,
                                            &secondary);
        if (res < 0 && ignore_source_errors() < 0) {
            err = -1;
            goto done;
        }
    } else {
        /* a multi-line expression: highlight up to the last non-blank character */
        const char *s = PyUnicode_AsUTF8(source_line);
        if (s == NULL) {
            err = -1;
            goto done;
        }
        Py_ssize_t i = source_line_len;
        while (--i >= 0)
            if (!IS_WHITESPACE(s[i]))
                break;
        end_offset = i + 1;
    }
    /* elide the markers when the primary range spans the whole displayed line */
    Py_ssize_t stripped_line_len = source_line_len - truncation - _TRACEBACK_SOURCE_LINE_INDENT;
    int has_secondary = (left_end_offset != -1 || right_start_offset != -1);
    if (end_offset - start_offset == stripped_line_len && !has_secondary)
        goto done;
    if (write_indented_margin(margin_indent, margin, f) < 0) {
        err = -1;
        goto done;
    }
    if (print_error_location_carets(f, truncation, start_offset, end_offset, right_start_offset,
                                    left_end_offset, primary, secondary) < 0)
        err = -1;
done:
    Py_XDECREF(source_line);
    return err;
}

static int tb_print_line_repeated(PyObject *f, long cnt, int margin_indent, const char *margin)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    if (write_indented_margin(margin_indent, margin, f) < 0)
        return -1;
    PyObject *line = PyUnicode_FromFormat(
        (cnt > 1) ? "  [Previous line repeated %ld more times]\n"
                  : "  [Previous line repeated %ld more time]\n",
        cnt);
    if (line == NULL)
        return -1;
    int err = PyFile_WriteObject(line, f, Py_PRINT_RAW);
    Py_DECREF(line);
    return err;
}

static int tb_printinternal(PyTracebackObject *tb, PyObject *f, long limit, int indent,
                            const char *margin)
{
    PyObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    Py_ssize_t depth = 0;
    for (PyTracebackObject *tb1 = tb; tb1 != NULL; tb1 = tb1->tb_next)
        depth++;
    while (tb != NULL && depth > limit) {
        depth--;
        tb = tb->tb_next;
    }
    while (tb != NULL) {
        PyCodeObject *code = PyFrame_GetCode(tb->tb_frame);
        int lineno = tb->tb_lineno;
        if (lineno < 0)
            lineno = PyCode_Addr2Line(code, tb->tb_lasti);
        if (last_file == NULL || code->co_filename != last_file || last_line == -1 ||
            lineno != last_line || last_name == NULL || code->co_name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF && tb_print_line_repeated(f, cnt, indent, margin) < 0) {
                Py_DECREF(code);
                return -1;
            }
            last_file = code->co_filename;
            last_line = lineno;
            last_name = code->co_name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) {
            if (tb_displayline(tb, f, code->co_filename, lineno, tb->tb_frame, code->co_name,
                               indent, margin) < 0 ||
                PyErr_CheckSignals() < 0) {
                Py_DECREF(code);
                return -1;
            }
        }
        Py_DECREF(code);   /* co_filename/co_name stay alive through the frame */
        tb = tb->tb_next;
    }
    if (cnt > TB_RECURSIVE_CUTOFF && tb_print_line_repeated(f, cnt, indent, margin) < 0)
        return -1;
    return 0;
}

/* "Traceback (most recent call last):" and the entries; honours sys.tracebacklimit. */
int _PyTraceBack_Print_Indented(PyObject *v, int indent, const char *margin,
                                const char *header_margin, const char *header, PyObject *f)
{
    long limit = PyTraceBack_LIMIT;
    if (v == NULL)
        return 0;
    if (!PyTraceBack_Check(v)) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *limitv = PySys_GetObject("tracebacklimit");
    if (limitv && PyLong_Check(limitv)) {
        int overflow;
        limit = PyLong_AsLongAndOverflow(limitv, &overflow);
        if (overflow > 0)
            limit = LONG_MAX;
        else if (limit <= 0)
            return 0;
    }
    if (write_indented_margin(indent, header_margin, f) < 0)
        return -1;
    if (PyFile_WriteString(header, f) < 0)
        return -1;
    return tb_printinternal((PyTracebackObject *)v, f, limit, indent, margin);
}

int PyTraceBack_Print(PyObject *v, PyObject *f)
{
    return _PyTraceBack_Print_Indented(v, 0, NULL, NULL, "Traceback (most recent call last):\n", f);
}
