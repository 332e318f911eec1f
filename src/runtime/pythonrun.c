/* pythonrun.c — running code: files, strings and the interactive loop (REPL), and
 * printing uncaught exceptions in CPython 3.11's format (chains, exception groups,
 * SyntaxError carets, __notes__, "Did you mean" suggestions).  Tracebacks themselves
 * are printed by traceback.c; compiling is the compiler's (Py_CompileStringObject). */
#include "Python.h"
#include <unistd.h>
#include "parser.h"   /* E_EOF */
#include <ctype.h>

/* ===================== printing exceptions ===================== */

struct exception_print_context {
    PyObject *file;
    PyObject *seen;            /* ids of exceptions already printed (chains may loop) */
    int exception_group_depth; /* nesting depth of the group being printed */
    int need_close;            /* the innermost group still needs its closing line */
    int max_group_width, max_group_depth;
};

#define EXC_MARGIN(ctx) ((ctx)->exception_group_depth ? "| " : "")
#define EXC_INDENT(ctx) (2 * (ctx)->exception_group_depth)

static int write_indented_margin(struct exception_print_context *ctx, PyObject *f)
{
    return _Py_WriteIndentedMargin(EXC_INDENT(ctx), EXC_MARGIN(ctx), f);
}

static int write_indent(int n, PyObject *f)
{
    return _Py_WriteIndentedMargin(n, NULL, f);
}

static int print_exception_recursive(struct exception_print_context *, PyObject *);

/* SyntaxError fields; 0 (with an exception) if they are unusable. */
static int parse_syntax_error(PyObject *err, PyObject **message, PyObject **filename,
                              Py_ssize_t *lineno, Py_ssize_t *offset, Py_ssize_t *end_lineno,
                              Py_ssize_t *end_offset, PyObject **text)
{
    PyObject *v;
    *message = *filename = *text = NULL;
    *offset = *end_lineno = *end_offset = -1;
    if ((*message = PyObject_GetAttrString(err, "msg")) == NULL)
        goto finally;
    if ((v = PyObject_GetAttrString(err, "filename")) == NULL)
        goto finally;
    if (v == Py_None) {
        Py_DECREF(v);
        *filename = PyUnicode_FromString("<string>");
        if (*filename == NULL)
            goto finally;
    } else {
        *filename = v;
    }
    if ((v = PyObject_GetAttrString(err, "lineno")) == NULL)
        goto finally;
    *lineno = PyLong_AsSsize_t(v);
    Py_DECREF(v);
    if (*lineno == -1 && PyErr_Occurred())
        goto finally;
    if ((v = PyObject_GetAttrString(err, "offset")) == NULL)
        goto finally;
    if (v != Py_None) {
        *offset = PyLong_AsSsize_t(v);
        Py_DECREF(v);
        if (*offset == -1 && PyErr_Occurred())
            goto finally;
    } else {
        Py_DECREF(v);
    }
    if (Py_TYPE(err) == (PyTypeObject *)PyExc_SyntaxError ||
        PyObject_HasAttrString(err, "end_lineno")) {
        if ((v = PyObject_GetAttrString(err, "end_lineno")) == NULL)
            goto finally;
        if (v == Py_None) {
            *end_lineno = *lineno;
            Py_DECREF(v);
        } else {
            *end_lineno = PyLong_AsSsize_t(v);
            Py_DECREF(v);
            if (*end_lineno == -1 && PyErr_Occurred())
                goto finally;
        }
        if ((v = PyObject_GetAttrString(err, "end_offset")) == NULL)
            goto finally;
        if (v == Py_None) {
            Py_DECREF(v);
        } else {
            *end_offset = PyLong_AsSsize_t(v);
            Py_DECREF(v);
            if (*end_offset == -1 && PyErr_Occurred())
                goto finally;
        }
    }
    if ((v = PyObject_GetAttrString(err, "text")) == NULL)
        goto finally;
    if (v == Py_None)
        Py_DECREF(v);
    else
        *text = v;
    return 1;
finally:
    Py_CLEAR(*message);
    Py_CLEAR(*filename);
    Py_CLEAR(*text);
    return 0;
}

static int print_error_text(PyObject *f, Py_ssize_t offset, Py_ssize_t end_offset,
                            PyObject *text_obj)
{
    size_t caret_repetitions = (end_offset > 0 && end_offset > offset) ?
                               (size_t)(end_offset - offset) : 1;
    const char *text = PyUnicode_AsUTF8(text_obj);
    if (text == NULL)
        return -1;
    offset--;   /* 1-based to 0-based */
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    Py_ssize_t len = (Py_ssize_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;
    for (;;) {   /* skip past newlines embedded in text */
        const char *nl = strchr(text, '\n');
        if (nl == NULL)
            break;
        Py_ssize_t inl = nl - text;
        if (inl >= offset)
            break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    if (PyFile_WriteString("    ", f) < 0 || PyFile_WriteString(text, f) < 0)
        return -1;
    if (text[len] != '\n' && PyFile_WriteString("\n", f) < 0)
        return -1;
    if (offset < 0)
        return 0;   /* caret would point left of the text */
    size_t n = 4 + (size_t)offset + caret_repetitions;
    char *buf = PyMem_Malloc(n + 2);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    memset(buf, ' ', 4 + (size_t)offset);
    memset(buf + 4 + offset, '^', caret_repetitions);
    buf[n] = '\n';
    buf[n + 1] = '\0';
    int r = PyFile_WriteString(buf, f);
    PyMem_Free(buf);
    return r;
}

static int print_exception_invalid_type(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file;
    if (write_indent(EXC_INDENT(ctx), f) < 0)
        return -1;
    if (PyFile_WriteString("TypeError: print_exception(): Exception expected for value, ", f) < 0)
        return -1;
    if (PyFile_WriteString(Py_TYPE(value)->tp_name, f) < 0)
        return -1;
    return PyFile_WriteString(" found\n", f);
}

static int print_exception_traceback(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file;
    int err = 0;
    PyObject *tb = PyException_GetTraceback(value);
    if (tb && tb != Py_None) {
        const char *header = "Traceback (most recent call last):\n";
        const char *header_margin = EXC_MARGIN(ctx);
        if (_PyBaseExceptionGroup_Check(value)) {
            header = "Exception Group Traceback (most recent call last):\n";
            if (ctx->exception_group_depth == 1)
                header_margin = "+ ";
        }
        err = _PyTraceBack_Print_Indented(tb, EXC_INDENT(ctx), EXC_MARGIN(ctx), header_margin,
                                          header, f);
    }
    Py_XDECREF(tb);
    return err;
}

/* SyntaxError: '  File "x", line N' and the text with carets; *value_p becomes msg. */
static int print_exception_file_and_line(struct exception_print_context *ctx, PyObject **value_p)
{
    PyObject *f = ctx->file, *tmp;
    int res = _PyObject_LookupAttr(*value_p, _Py_ID(print_file_and_line), &tmp);
    if (res <= 0) {
        if (res < 0)
            PyErr_Clear();
        return 0;
    }
    Py_DECREF(tmp);
    PyObject *message, *filename, *text;
    Py_ssize_t lineno, offset, end_lineno, end_offset;
    if (!parse_syntax_error(*value_p, &message, &filename, &lineno, &offset, &end_lineno,
                            &end_offset, &text)) {
        PyErr_Clear();
        return 0;
    }
    Py_SETREF(*value_p, message);
    PyObject *line = PyUnicode_FromFormat("  File \"%S\", line %zd\n", filename, lineno);
    Py_DECREF(filename);
    if (line == NULL)
        goto error;
    if (write_indented_margin(ctx, f) < 0 || PyFile_WriteObject(line, f, Py_PRINT_RAW) < 0) {
        Py_DECREF(line);
        goto error;
    }
    Py_DECREF(line);
    if (text != NULL) {
        Py_ssize_t line_size;
        const char *error_line = PyUnicode_AsUTF8AndSize(text, &line_size);
        /* a multi-line location: highlight to the end of the first line */
        if (end_lineno > lineno)
            end_offset = error_line != NULL ? line_size : -1;
        if (error_line != NULL && end_offset > line_size + 1)
            end_offset = line_size + 1;
        if (print_error_text(f, offset, end_offset, text) < 0)
            goto error;
        Py_DECREF(text);
    }
    return 0;
error:
    Py_XDECREF(text);
    return -1;
}

/* "module.Qualname: str(value)" (module omitted for builtins and __main__). */
static int print_exception_message(struct exception_print_context *ctx, PyObject *type,
                                   PyObject *value)
{
    PyObject *f = ctx->file;
    if (write_indented_margin(ctx, f) < 0)
        return -1;
    PyObject *modulename = PyObject_GetAttrString(type, "__module__");
    if (modulename == NULL || !PyUnicode_Check(modulename)) {
        Py_XDECREF(modulename);
        PyErr_Clear();
        if (PyFile_WriteString("<unknown>.", f) < 0)
            return -1;
    } else {
        if (!_PyUnicode_EqualToASCIIString(modulename, "builtins") &&
            !_PyUnicode_EqualToASCIIString(modulename, "__main__")) {
            int r = PyFile_WriteObject(modulename, f, Py_PRINT_RAW);
            if (r == 0)
                r = PyFile_WriteString(".", f);
            if (r < 0) {
                Py_DECREF(modulename);
                return -1;
            }
        }
        Py_DECREF(modulename);
    }
    PyObject *qualname = PyType_GetQualName((PyTypeObject *)type);
    if (qualname == NULL || !PyUnicode_Check(qualname)) {
        Py_XDECREF(qualname);
        PyErr_Clear();
        if (PyFile_WriteString("<unknown>", f) < 0)
            return -1;
    } else {
        int r = PyFile_WriteObject(qualname, f, Py_PRINT_RAW);
        Py_DECREF(qualname);
        if (r < 0)
            return -1;
    }
    if (value == Py_None)
        return 0;
    PyObject *s = PyObject_Str(value);
    if (s == NULL) {
        PyErr_Clear();
        return PyFile_WriteString(": <exception str() failed>", f);
    }
    int r = 0;
    if (!PyUnicode_Check(s) || PyUnicode_GetLength(s) != 0) {
        r = PyFile_WriteString(": ", f);
        if (r == 0)
            r = PyFile_WriteObject(s, f, Py_PRINT_RAW);
    }
    Py_DECREF(s);
    return r;
}

static int print_exception_suggestions(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file;
    PyObject *suggestion = _Py_Offer_Suggestions(value);
    if (suggestion == NULL) {
        PyErr_Clear();
        return 0;
    }
    PyObject *line = PyUnicode_FromFormat(". Did you mean: %R?", suggestion);
    Py_DECREF(suggestion);
    if (line == NULL)
        return -1;
    int r = PyFile_WriteObject(line, f, Py_PRINT_RAW);
    Py_DECREF(line);
    return r;
}

static int print_exception_notes(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file, *notes;
    if (!PyExceptionInstance_Check(value))
        return 0;
    int res = _PyObject_LookupAttr(value, _Py_ID(__notes__), &notes);
    if (res <= 0)
        return res;
    if (!PySequence_Check(notes) || PyUnicode_Check(notes) || PyBytes_Check(notes)) {
        res = write_indented_margin(ctx, f);
        PyObject *s = PyObject_Repr(notes);
        if (s == NULL) {
            PyErr_Clear();
            res = PyFile_WriteString("<__notes__ repr() failed>", f);
        } else {
            res = PyFile_WriteObject(s, f, Py_PRINT_RAW);
            Py_DECREF(s);
        }
        Py_DECREF(notes);
        if (PyFile_WriteString("\n", f) < 0)
            res = -1;
        return res;
    }
    Py_ssize_t num_notes = PySequence_Length(notes);
    for (Py_ssize_t ni = 0; ni < num_notes; ni++) {
        PyObject *note = PySequence_GetItem(notes, ni);
        if (note == NULL)
            goto error;
        PyObject *note_str = PyObject_Str(note);
        Py_DECREF(note);
        if (note_str == NULL) {
            PyErr_Clear();
            if (PyFile_WriteString("<note str() failed>", f) < 0)
                goto error;
        } else {
            PyObject *lines = PyUnicode_Splitlines(note_str, 1);
            Py_DECREF(note_str);
            if (lines == NULL)
                goto error;
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lines); i++) {
                if (write_indented_margin(ctx, f) < 0 ||
                    PyFile_WriteObject(PyList_GET_ITEM(lines, i), f, Py_PRINT_RAW) < 0) {
                    Py_DECREF(lines);
                    goto error;
                }
            }
            Py_DECREF(lines);
        }
        if (PyFile_WriteString("\n", f) < 0)
            goto error;
    }
    Py_DECREF(notes);
    return 0;
error:
    Py_DECREF(notes);
    return -1;
}

static int print_exception(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file;
    if (!PyExceptionInstance_Check(value))
        return print_exception_invalid_type(ctx, value);
    Py_INCREF(value);
    fflush(stdout);
    PyObject *type = (PyObject *)Py_TYPE(value);  /* value may be replaced below */
    if (print_exception_traceback(ctx, value) < 0 ||
        print_exception_file_and_line(ctx, &value) < 0 ||
        print_exception_message(ctx, type, value) < 0 ||
        print_exception_suggestions(ctx, value) < 0 ||
        PyFile_WriteString("\n", f) < 0 ||
        print_exception_notes(ctx, value) < 0) {
        Py_DECREF(value);
        return -1;
    }
    Py_DECREF(value);
    return 0;
}

static int print_exception_seen_lookup(struct exception_print_context *ctx, PyObject *value)
{
    if (ctx->seen == NULL)
        return 0;
    PyObject *id = PyLong_FromVoidPtr(value);
    if (id == NULL) {
        PyErr_Clear();
        return 1;
    }
    int r = PySet_Contains(ctx->seen, id);
    Py_DECREF(id);
    if (r < 0) {
        PyErr_Clear();
        return 1;
    }
    return r;
}

static int print_chained(struct exception_print_context *ctx, PyObject *value,
                         const char *message)
{
    PyObject *f = ctx->file;
    if (Py_EnterRecursiveCall(" in print_chained") < 0)
        return -1;
    int need_close = ctx->need_close;
    int res = print_exception_recursive(ctx, value);
    ctx->need_close = need_close;
    Py_LeaveRecursiveCall();
    if (res < 0)
        return -1;
    if (write_indented_margin(ctx, f) < 0 || PyFile_WriteString("\n", f) < 0 ||
        write_indented_margin(ctx, f) < 0 || PyFile_WriteString(message, f) < 0 ||
        write_indented_margin(ctx, f) < 0 || PyFile_WriteString("\n", f) < 0)
        return -1;
    return 0;
}

static int print_exception_cause_and_context(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *value_id = PyLong_FromVoidPtr(value);
    if (value_id == NULL || PySet_Add(ctx->seen, value_id) == -1) {
        PyErr_Clear();
        Py_XDECREF(value_id);
        return 0;
    }
    Py_DECREF(value_id);
    if (!PyExceptionInstance_Check(value))
        return 0;
    PyObject *cause = PyException_GetCause(value);
    if (cause) {
        int err = 0;
        if (!print_exception_seen_lookup(ctx, cause))
            err = print_chained(ctx, cause,
                                "The above exception was the direct cause of the following exception:\n");
        Py_DECREF(cause);
        return err;
    }
    if (((PyBaseExceptionObject *)value)->suppress_context)
        return 0;
    PyObject *context = PyException_GetContext(value);
    if (context) {
        int err = 0;
        if (!print_exception_seen_lookup(ctx, context))
            err = print_chained(ctx, context,
                                "During handling of the above exception, another exception occurred:\n");
        Py_DECREF(context);
        return err;
    }
    return 0;
}

static int print_exception_group(struct exception_print_context *ctx, PyObject *value)
{
    PyObject *f = ctx->file;
    if (ctx->exception_group_depth > ctx->max_group_depth) {
        if (write_indented_margin(ctx, f) < 0)
            return -1;
        PyObject *line = PyUnicode_FromFormat("... (max_group_depth is %d)\n", ctx->max_group_depth);
        if (line == NULL)
            return -1;
        int err = PyFile_WriteObject(line, f, Py_PRINT_RAW);
        Py_DECREF(line);
        return err;
    }
    if (ctx->exception_group_depth == 0)
        ctx->exception_group_depth += 1;
    if (print_exception(ctx, value) < 0)
        return -1;
    PyObject *excs = ((PyBaseExceptionGroupObject *)value)->excs;
    Py_ssize_t num_excs = PyTuple_GET_SIZE(excs);
    Py_ssize_t n = num_excs <= ctx->max_group_width ? num_excs : ctx->max_group_width + 1;
    ctx->need_close = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int last_exc = (i == n - 1);
        if (last_exc)
            ctx->need_close = 1;   /* the closing frame may be added in a recursive call */
        if (write_indent(EXC_INDENT(ctx), f) < 0)
            return -1;
        int truncated = (i >= ctx->max_group_width);
        PyObject *line = truncated
            ? PyUnicode_FromFormat("%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ")
            : PyUnicode_FromFormat("%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ", i + 1);
        if (line == NULL)
            return -1;
        int err = PyFile_WriteObject(line, f, Py_PRINT_RAW);
        Py_DECREF(line);
        if (err < 0)
            return -1;
        ctx->exception_group_depth += 1;
        PyObject *exc = PyTuple_GET_ITEM(excs, i);
        if (!truncated) {
            if (Py_EnterRecursiveCall(" in print_exception_group") != 0)
                return -1;
            int res = print_exception_recursive(ctx, exc);
            Py_LeaveRecursiveCall();
            if (res < 0)
                return -1;
        } else {
            Py_ssize_t remaining = num_excs - ctx->max_group_width;
            if (write_indented_margin(ctx, f) < 0)
                return -1;
            line = PyUnicode_FromFormat("and %zd more exception%s\n", remaining,
                                        remaining > 1 ? "s" : "");
            if (line == NULL)
                return -1;
            err = PyFile_WriteObject(line, f, Py_PRINT_RAW);
            Py_DECREF(line);
            if (err < 0)
                return -1;
        }
        if (last_exc && ctx->need_close) {
            if (write_indent(EXC_INDENT(ctx), f) < 0 ||
                PyFile_WriteString("+------------------------------------\n", f) < 0)
                return -1;
            ctx->need_close = 0;
        }
        ctx->exception_group_depth -= 1;
    }
    if (ctx->exception_group_depth == 1)
        ctx->exception_group_depth -= 1;
    return 0;
}

static int print_exception_recursive(struct exception_print_context *ctx, PyObject *value)
{
    if (Py_EnterRecursiveCall(" in print_exception_recursive") != 0)
        return -1;
    int r = 0;
    if (ctx->seen != NULL && print_exception_cause_and_context(ctx, value) < 0)
        r = -1;
    else if (!_PyBaseExceptionGroup_Check(value))
        r = print_exception(ctx, value);
    else
        r = print_exception_group(ctx, value);
    Py_LeaveRecursiveCall();
    return r;
}

void _PyErr_Display(PyObject *file, PyObject *exception, PyObject *value, PyObject *tb)
{
    if (PyExceptionInstance_Check(value) && tb != NULL && PyTraceBack_Check(tb)) {
        /* put the traceback on the exception, otherwise it won't be displayed */
        PyObject *cur_tb = PyException_GetTraceback(value);
        if (cur_tb == NULL)
            PyException_SetTraceback(value, tb);
        else
            Py_DECREF(cur_tb);
    }
    struct exception_print_context ctx;
    ctx.file = file;
    ctx.exception_group_depth = 0;
    ctx.need_close = 0;
    ctx.max_group_width = 15;
    ctx.max_group_depth = 10;
    ctx.seen = PySet_New(NULL);
    if (ctx.seen == NULL)
        PyErr_Clear();
    if (print_exception_recursive(&ctx, value) < 0) {
        PyErr_Clear();
        fprintf(stderr, "lost sys.stderr\n");
    }
    Py_XDECREF(ctx.seen);
    PyObject *res = PyObject_CallMethodNoArgs(file, _Py_ID(flush));
    if (res == NULL)
        PyErr_Clear();
    else
        Py_DECREF(res);
}

void PyErr_Display(PyObject *exception, PyObject *value, PyObject *tb)
{
    PyObject *file = PySys_GetObject("stderr");
    if (file == NULL) {
        fprintf(stderr, "lost sys.stderr\n");
        return;
    }
    if (file == Py_None)
        return;
    Py_INCREF(file);
    _PyErr_Display(file, exception, value, tb);
    Py_DECREF(file);
}

/* ---- SystemExit ---- */

int _Py_HandleSystemExit(int *exitcode_p)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->interp->config.inspect)
        return 0;   /* -i: don't exit, go to the REPL */
    if (!PyErr_ExceptionMatches(PyExc_SystemExit))
        return 0;
    PyObject *exception, *value, *tb;
    PyErr_Fetch(&exception, &value, &tb);
    _PySys_FlushStdFiles();
    int exitcode = 0;
    if (value == NULL || value == Py_None)
        goto done;
    if (PyExceptionInstance_Check(value)) {
        PyObject *code = PyObject_GetAttr(value, _Py_ID(code));
        if (code) {
            Py_SETREF(value, code);
            if (value == Py_None)
                goto done;
        }
    }
    if (PyLong_Check(value)) {
        exitcode = (int)PyLong_AsLong(value);
    } else {
        PyObject *sys_stderr = PySys_GetObject("stderr");
        PyErr_Clear();
        if (sys_stderr != NULL && sys_stderr != Py_None) {
            PyFile_WriteObject(value, sys_stderr, Py_PRINT_RAW);
        } else {
            PyObject_Print(value, stderr, Py_PRINT_RAW);
            fflush(stderr);
        }
        PySys_WriteStderr("\n");
        exitcode = 1;
    }
done:
    PyErr_Restore(exception, value, tb);
    PyErr_Clear();
    *exitcode_p = exitcode;
    return 1;
}

static void handle_system_exit(void)
{
    int exitcode;
    if (_Py_HandleSystemExit(&exitcode))
        Py_Exit(exitcode);
}

void PyErr_PrintEx(int set_sys_last_vars)
{
    PyObject *exception, *v, *tb, *hook;
    handle_system_exit();
    PyErr_Fetch(&exception, &v, &tb);
    if (exception == NULL)
        return;
    PyErr_NormalizeException(&exception, &v, &tb);
    if (tb == NULL)
        tb = Py_NewRef(Py_None);
    PyException_SetTraceback(v, tb);
    if (exception == NULL)
        goto done;
    if (set_sys_last_vars) {
        if (PySys_SetObject("last_type", exception) < 0 ||
            PySys_SetObject("last_value", v) < 0 ||
            PySys_SetObject("last_traceback", tb) < 0)
            PyErr_Clear();
    }
    hook = PySys_GetObject("excepthook");
    if (PySys_Audit("sys.excepthook", "OOOO", hook ? hook : Py_None, exception, v, tb) < 0) {
        /* a hook raising RuntimeError suppresses the report */
        if (PyErr_ExceptionMatches(PyExc_RuntimeError)) {
            PyErr_Clear();
            goto done;
        }
        _PyErr_WriteUnraisableMsg("in audit hook", NULL);
    }
    if (hook) {
        PyObject *args[3] = {exception, v, tb};
        PyObject *result = PyObject_Vectorcall(hook, args, 3, NULL);
        if (result == NULL) {
            handle_system_exit();
            PyObject *exception2, *v2, *tb2;
            PyErr_Fetch(&exception2, &v2, &tb2);
            PyErr_NormalizeException(&exception2, &v2, &tb2);
            fflush(stdout);
            PySys_WriteStderr("Error in sys.excepthook:\n");
            PyErr_Display(exception2, v2, tb2);
            PySys_WriteStderr("\nOriginal exception was:\n");
            PyErr_Display(exception, v, tb);
            Py_XDECREF(exception2);
            Py_XDECREF(v2);
            Py_XDECREF(tb2);
        }
        Py_XDECREF(result);
    } else {
        PySys_WriteStderr("sys.excepthook is missing\n");
        PyErr_Display(exception, v, tb);
    }
done:
    Py_XDECREF(exception);
    Py_XDECREF(v);
    Py_XDECREF(tb);
}

void PyErr_Print(void) { PyErr_PrintEx(1); }

/* ===================== "Did you mean" ===================== */

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static inline int substitution_cost(char a, char b)
{
    if (a == b)
        return 0;
    if ('A' <= a && a <= 'Z')
        a += ('a' - 'A');
    if ('A' <= b && b <= 'Z')
        b += ('a' - 'A');
    return a == b ? CASE_COST : MOVE_COST;
}

/* Levenshtein distance with case changes cheaper; stops early above max_cost. */
static Py_ssize_t levenshtein_distance(const char *a, size_t a_size, const char *b,
                                       size_t b_size, size_t max_cost, size_t *buffer)
{
    if (a == b)
        return 0;
    while (a_size && b_size && a[0] == b[0]) {
        a++; a_size--; b++; b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
        a_size--; b_size--;
    }
    if (a_size == 0 || b_size == 0)
        return (Py_ssize_t)((a_size + b_size) * MOVE_COST);
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE)
        return (Py_ssize_t)max_cost + 1;
    if (b_size < a_size) {   /* prefer the shorter buffer */
        const char *t = a; a = b; b = t;
        size_t ts = a_size; a_size = b_size; b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost)
        return (Py_ssize_t)max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t b_index = 0; b_index < b_size; b_index++) {
        char code = b[b_index];
        size_t distance = result = b_index * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a_size; index++) {
            size_t substitute = distance + (size_t)substitution_cost(code, a[index]);
            distance = buffer[index];
            size_t insert_delete = Py_MIN(result, distance) + MOVE_COST;
            result = Py_MIN(insert_delete, substitute);
            buffer[index] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return (Py_ssize_t)max_cost + 1;
    }
    return (Py_ssize_t)result;
}

Py_ssize_t _Py_UTF8_Edit_Cost(PyObject *a, PyObject *b, Py_ssize_t max_cost)
{
    Py_ssize_t na, nb;
    const char *sa = PyUnicode_AsUTF8AndSize(a, &na);
    const char *sb = sa ? PyUnicode_AsUTF8AndSize(b, &nb) : NULL;
    if (sb == NULL)
        return -1;
    size_t buffer[MAX_STRING_SIZE];
    if (max_cost == -1)
        max_cost = MOVE_COST * Py_MAX(na, nb);
    return levenshtein_distance(sa, (size_t)na, sb, (size_t)nb, (size_t)max_cost, buffer);
}

static PyObject *calculate_suggestions(PyObject *dir, PyObject *name)
{
    Py_ssize_t dir_size = PyList_GET_SIZE(dir);
    if (dir_size >= MAX_CANDIDATE_ITEMS)
        return NULL;
    Py_ssize_t suggestion_distance = PY_SSIZE_T_MAX;
    PyObject *suggestion = NULL;
    Py_ssize_t name_size;
    const char *name_str = PyUnicode_AsUTF8AndSize(name, &name_size);
    if (name_str == NULL)
        return NULL;
    size_t buffer[MAX_STRING_SIZE];
    for (Py_ssize_t i = 0; i < dir_size; ++i) {
        PyObject *item = PyList_GET_ITEM(dir, i);
        if (!PyUnicode_Check(item))
            continue;
        if (_PyUnicode_Equal(name, item))
            continue;
        Py_ssize_t item_size;
        const char *item_str = PyUnicode_AsUTF8AndSize(item, &item_size);
        if (item_str == NULL)
            return NULL;
        /* no more than 1/3 of the characters should need changing */
        Py_ssize_t max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        max_distance = Py_MIN(max_distance, suggestion_distance - 1);
        Py_ssize_t current_distance = levenshtein_distance(name_str, (size_t)name_size, item_str,
                                                           (size_t)item_size,
                                                           (size_t)max_distance, buffer);
        if (current_distance > max_distance)
            continue;
        if (!suggestion || current_distance < suggestion_distance) {
            suggestion = item;
            suggestion_distance = current_distance;
        }
    }
    return Py_XNewRef(suggestion);
}

static PyObject *offer_suggestions_for_attribute_error(PyObject *exc)
{
    PyAttributeErrorObject *e = (PyAttributeErrorObject *)exc;
    if (e->name == NULL || e->obj == NULL || !PyUnicode_CheckExact(e->name))
        return NULL;
    PyObject *dir = PyObject_Dir(e->obj);
    if (dir == NULL)
        return NULL;
    PyObject *suggestions = calculate_suggestions(dir, e->name);
    Py_DECREF(dir);
    return suggestions;
}

static PyObject *suggest_from_mapping(PyObject *mapping, PyObject *name)
{
    if (mapping == NULL)
        return NULL;
    PyObject *dir = PySequence_List(mapping);
    if (dir == NULL)
        return NULL;
    PyObject *s = calculate_suggestions(dir, name);
    Py_DECREF(dir);
    return s;
}

static PyObject *offer_suggestions_for_name_error(PyObject *exc)
{
    PyObject *name = ((PyNameErrorObject *)exc)->name;
    PyObject *tbo = PyException_GetTraceback(exc);
    if (name == NULL || !PyUnicode_CheckExact(name) || tbo == NULL || !PyTraceBack_Check(tbo)) {
        Py_XDECREF(tbo);
        return NULL;
    }
    PyTracebackObject *tb = (PyTracebackObject *)tbo;
    while (tb->tb_next != NULL && PyTraceBack_Check(tb->tb_next))
        tb = tb->tb_next;
    PyFrameObject *frame = tb->tb_frame;
    Py_DECREF(tbo);
    if (frame == NULL)
        return NULL;
    PyCodeObject *code = PyFrame_GetCode(frame);
    PyObject *s = suggest_from_mapping(code->co_varnames, name);
    Py_DECREF(code);
    if (s != NULL || PyErr_Occurred())
        return s;
    PyObject *globals = PyFrame_GetGlobals(frame);
    s = suggest_from_mapping(globals, name);
    Py_XDECREF(globals);
    if (s != NULL || PyErr_Occurred())
        return s;
    PyObject *builtins = PyFrame_GetBuiltins(frame);
    s = suggest_from_mapping(builtins, name);
    Py_XDECREF(builtins);
    return s;
}

PyObject *_Py_Offer_Suggestions(PyObject *exception)
{
    PyObject *result = NULL;
    /* exact types, as 3.11: an UnboundLocalError or a subclass gets no suggestion */
    if (Py_IS_TYPE(exception, (PyTypeObject *)PyExc_AttributeError))
        result = offer_suggestions_for_attribute_error(exception);
    else if (Py_IS_TYPE(exception, (PyTypeObject *)PyExc_NameError))
        result = offer_suggestions_for_name_error(exception);
    return result;
}

/* ===================== running code ===================== */

char *_Py_ReadFileContents(FILE *fp, size_t *plen)
{
    size_t cap = 8192, len = 0;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (;;) {
        if (cap - len < 4096) {
            cap *= 2;
            char *nb = PyMem_Realloc(buf, cap);
            if (nb == NULL) {
                PyMem_Free(buf);
                PyErr_NoMemory();
                return NULL;
            }
            buf = nb;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0) {
            if (ferror(fp)) {
                PyMem_Free(buf);
                PyErr_SetFromErrno(PyExc_OSError);
                return NULL;
            }
            break;
        }
    }
    buf[len] = '\0';
    if (plen)
        *plen = len;
    return buf;
}

/* Set when the program ended with an uncaught KeyboardInterrupt (main.c re-raises SIGINT). */
int _Py_UnhandledKeyboardInterrupt = 0;

static PyObject *run_eval_code_obj(PyObject *co, PyObject *globals, PyObject *locals)
{
    /* make sure the namespace has builtins (exec()'s rule) */
    if (PyDict_GetItemString(globals, "__builtins__") == NULL) {
        if (PyErr_Occurred())
            return NULL;
        if (PyDict_SetItemString(globals, "__builtins__", _PyInterpreterState_GET()->builtins) < 0)
            return NULL;
    }
    _Py_UnhandledKeyboardInterrupt = 0;
    PyObject *v = PyEval_EvalCode(co, globals, locals);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyboardInterrupt))
        _Py_UnhandledKeyboardInterrupt = 1;
    return v;
}

static PyObject *run_source(const char *str, size_t len, PyObject *filename, int start,
                            PyObject *globals, PyObject *locals, PyCompilerFlags *flags)
{
    if (strlen(str) != len) {
        PyErr_SetString(PyExc_SyntaxError, "source code cannot contain null bytes");
        return NULL;
    }
    PyObject *co = Py_CompileStringObject(str, filename, start, flags, -1);
    if (co == NULL)
        return NULL;
    /* CPython's run_mod: the "exec" audit event for the compiled code */
    PyObject *v = PySys_Audit("exec", "O", co) < 0 ? NULL : run_eval_code_obj(co, globals, locals);
    Py_DECREF(co);
    return v;
}

PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals,
                            PyCompilerFlags *flags)
{
    PyObject *filename = PyUnicode_FromString("<string>");
    if (filename == NULL)
        return NULL;
    PyObject *v = run_source(str, strlen(str), filename, start, globals, locals, flags);
    Py_DECREF(filename);
    return v;
}

/* As CPython's pyrun_file: the file tokenizer reads the script (PEP 263 cookie, BOM, and
 * its own error messages such as "Non-UTF-8 code starting with ..."), then the AST is
 * compiled and run. */
static PyObject *run_file_obj(FILE *fp, PyObject *filename, int start, PyObject *globals,
                              PyObject *locals, int closeit, PyCompilerFlags *flags)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) {
        if (closeit)
            fclose(fp);
        return NULL;
    }
    mod_ty mod = _PyParser_ASTFromFile(fp, filename, NULL, start, NULL, NULL, flags, NULL, arena);
    if (closeit)
        fclose(fp);
    PyObject *v = NULL;
    if (mod != NULL) {
        PyCodeObject *co = _PyAST_Compile(mod, filename, flags, -1, arena);
        if (co != NULL) {
            if (PySys_Audit("exec", "O", (PyObject *)co) == 0)
                v = run_eval_code_obj((PyObject *)co, globals, locals);
            Py_DECREF(co);
        }
    }
    _PyArena_Free(arena);
    return v;
}

PyObject *PyRun_FileExFlags(FILE *fp, const char *filename, int start, PyObject *globals,
                            PyObject *locals, int closeit, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL) {
        if (closeit)
            fclose(fp);
        return NULL;
    }
    PyObject *v = run_file_obj(fp, fn, start, globals, locals, closeit, flags);
    Py_DECREF(fn);
    return v;
}

static void flush_io(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    _PySys_FlushStdFiles();
    PyErr_Clear();
    PyErr_Restore(type, value, tb);
}

/* __main__.__loader__ = importlib's <loader_name>("__main__", filename). */
static int set_main_loader(PyObject *d, PyObject *filename, const char *loader_name)
{
    PyObject *ext = PyImport_ImportModule("_frozen_importlib_external");
    if (ext == NULL)
        return -1;
    PyObject *loader_type = PyObject_GetAttrString(ext, loader_name);
    Py_DECREF(ext);
    if (loader_type == NULL)
        return -1;
    PyObject *loader = PyObject_CallFunction(loader_type, "sO", "__main__", filename);
    Py_DECREF(loader_type);
    if (loader == NULL)
        return -1;
    int r = PyDict_SetItemString(d, "__loader__", loader);
    Py_DECREF(loader);
    return r;
}

/* A compiled file: its name ends in .pyc (CPython also sniffs the magic number). */
static int maybe_pyc_file(FILE *fp, PyObject *filename)
{
    const char *fn = PyUnicode_AsUTF8(filename);
    size_t n = fn ? strlen(fn) : 0;
    PyErr_Clear();
    if (n >= 4 && strcmp(fn + n - 4, ".pyc") == 0)
        return 1;
    /* other names: look for Krait's magic number at the start */
    long pos = ftell(fp);
    unsigned char buf[2];
    int ispyc = 0;
    if (pos >= 0 && fread(buf, 1, 2, fp) == 2)
        ispyc = (unsigned)(buf[0] | buf[1] << 8) == _PyImport_MagicNumber();
    if (pos >= 0)
        fseek(fp, pos, SEEK_SET);
    return ispyc;
}

PyObject *PyMarshal_ReadObjectFromString(const char *data, Py_ssize_t len);   /* marshal.c */

/* Runs a Krait .pyc: 16-byte header (magic, flags, mtime/hash, size), then marshal data. */
static PyObject *run_pyc_file(FILE *fp, PyObject *globals, PyObject *locals)
{
    size_t len;
    char *data = _Py_ReadFileContents(fp, &len);
    if (data == NULL)
        return NULL;
    unsigned int magic = _PyImport_MagicNumber();
    PyObject *v = NULL;
    if (len < 16 || (unsigned char)data[0] != (magic & 0xff) ||
        (unsigned char)data[1] != (magic >> 8) || data[2] != '\r' || data[3] != '\n') {
        PyErr_SetString(PyExc_RuntimeError, "Bad magic number in .pyc file");
    } else {
        PyObject *co = PyMarshal_ReadObjectFromString(data + 16, (Py_ssize_t)(len - 16));
        if (co != NULL && !PyCode_Check(co)) {
            PyErr_SetString(PyExc_RuntimeError, "Bad code object in .pyc file");
            Py_CLEAR(co);
        }
        if (co != NULL) {
            v = run_eval_code_obj(co, globals, locals);
            Py_DECREF(co);
        }
    }
    PyMem_Free(data);
    return v;
}

int _PyRun_SimpleFileObject(FILE *fp, PyObject *filename, int closeit, PyCompilerFlags *flags)
{
    int ret = -1, set_file_name = 0;
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL) {
        if (closeit)
            fclose(fp);
        return -1;
    }
    Py_INCREF(m);
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_GetItemString(d, "__file__") == NULL) {
        if (PyDict_SetItemString(d, "__file__", filename) < 0 ||
            PyDict_SetItemString(d, "__cached__", Py_None) < 0) {
            if (closeit)
                fclose(fp);
            goto done;
        }
        set_file_name = 1;
    }
    PyObject *v;
    if (maybe_pyc_file(fp, filename)) {
        if (set_main_loader(d, filename, "SourcelessFileLoader") < 0) {
            fprintf(stderr, "python: failed to set __main__.__loader__\n");
            if (closeit)
                fclose(fp);
            goto done;
        }
        v = run_pyc_file(fp, d, d);
        if (closeit)
            fclose(fp);
    } else {
        /* when running from stdin, __main__.__loader__ stays BuiltinImporter */
        if (!_PyUnicode_EqualToASCIIString(filename, "<stdin>") &&
            set_main_loader(d, filename, "SourceFileLoader") < 0) {
            fprintf(stderr, "python: failed to set __main__.__loader__\n");
            if (closeit)
                fclose(fp);
            goto done;
        }
        v = run_file_obj(fp, filename, Py_file_input, d, d, closeit, flags);
    }
    flush_io();
    if (v == NULL) {
        Py_CLEAR(m);
        PyErr_Print();
        goto done;
    }
    Py_DECREF(v);
    ret = 0;
done:
    if (set_file_name) {
        if (PyDict_DelItemString(d, "__file__") < 0)
            PyErr_Clear();
        if (PyDict_DelItemString(d, "__cached__") < 0)
            PyErr_Clear();
    }
    Py_XDECREF(m);
    return ret;
}

int PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename);
    if (fn == NULL) {
        PyErr_Print();
        return -1;
    }
    int r = _PyRun_SimpleFileObject(fp, fn, closeit, flags);
    Py_DECREF(fn);
    return r;
}

int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags)
{
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL)
        return -1;
    PyObject *d = PyModule_GetDict(m);
    PyObject *v = PyRun_StringFlags(command, Py_file_input, d, d, flags);
    if (v == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(v);
    return 0;
}

/* ===================== the interactive loop ===================== */

char *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *) = NULL;
int (*PyOS_InputHook)(void) = NULL;

/* One line of input (malloc'd, with its '\n'), or NULL at EOF. */
char *PyOS_Readline(FILE *sys_stdin, FILE *sys_stdout, const char *prompt)
{
    if (PyOS_ReadlineFunctionPointer)
        return PyOS_ReadlineFunctionPointer(sys_stdin, sys_stdout, prompt);
    _PySys_FlushStdFiles();
    PyErr_Clear();
    /* CPython's PyOS_StdioReadline: line editing comes only from the readline module
       (lib-dynload), which sets PyOS_ReadlineFunctionPointer; the prompt goes to stderr */
    fputs(prompt, stderr);
    fflush(stderr);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, sys_stdin);
    if (n < 0) {
        free(line);
        return NULL;
    }
    char *res = PyMem_Malloc((size_t)n + 1);
    if (res)
        memcpy(res, line, (size_t)n + 1);
    free(line);
    return res;
}

static char *prompt_from_sys(const char *name, const char *dflt)
{
    PyObject *v = PySys_GetObject(name);
    if (v == NULL)
        return strdup(dflt);
    PyObject *s = PyObject_Str(v);
    if (s == NULL) {
        PyErr_Clear();
        return strdup("");
    }
    const char *u = PyUnicode_AsUTF8(s);
    char *res = strdup(u ? u : "");
    PyErr_Clear();
    Py_DECREF(s);
    return res;
}

/* The compiler reports "incomplete input" when more lines are needed. */
static int is_incomplete_input(void)
{
    if (!PyErr_ExceptionMatches(PyExc_SyntaxError))
        return 0;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    int incomplete = 0;
    PyObject *msg = value ? PyObject_GetAttrString(value, "msg") : NULL;
    if (msg && PyUnicode_Check(msg) && _PyUnicode_EqualToASCIIString(msg, "incomplete input"))
        incomplete = 1;
    Py_XDECREF(msg);
    PyErr_Clear();
    PyErr_Restore(type, value, tb);
    return incomplete;
}

/* Does this line open a compound statement?  In the REPL such a statement only ends at a
 * blank line, as CPython's interactive tokenizer decides (it must see that no elif/else/
 * except/decorated def follows). */
static int opens_compound(const char *line)
{
    static const char *const kw[] = {"if", "while", "for", "try", "with", "def", "class",
                                     "async", NULL};
    while (*line == ' ' || *line == '\t')
        line++;
    if (*line == '@')
        return 1;
    for (int i = 0; kw[i]; i++) {
        size_t n = strlen(kw[i]);
        if (strncmp(line, kw[i], n) == 0 && !isalnum((unsigned char)line[n]) && line[n] != '_')
            return 1;
    }
    return 0;
}

static int is_blank(const char *line)
{
    for (; *line; line++)
        if (!isspace((unsigned char)*line))
            return 0;
    return 1;
}

/* Reads, compiles and runs one statement.  0 ok/error printed, E_EOF at end of input.
 * Lines are joined without the last newline, as code.InteractiveConsole does, so that the
 * compiler reports "incomplete input" until a block is closed by a blank line. */
int PyRun_InteractiveOneObject(FILE *fp, PyObject *filename, PyCompilerFlags *flags)
{
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL)
        return -1;
    PyObject *d = PyModule_GetDict(m);
    size_t len = 0, cap = 256;
    char *src = PyMem_Malloc(cap);
    if (src == NULL)
        return -1;
    src[0] = '\0';
    int first = 1, compound = 0;
    for (;;) {
        char *prompt = prompt_from_sys(first ? "ps1" : "ps2", first ? ">>> " : "... ");
        char *line = PyOS_Readline(fp, stdout, prompt);
        free(prompt);
        if (PyErr_CheckSignals() < 0) {
            PyMem_Free(line);
            PyMem_Free(src);
            PyErr_Print();
            return 0;
        }
        if (line == NULL) {
            PyMem_Free(src);
            if (first) {
                if (isatty(fileno(fp)))
                    fputs("\n", stdout);
                return E_EOF;
            }
            return 0;   /* EOF in the middle of a statement: drop it */
        }
        size_t n = strlen(line);
        if (n > 0 && line[n - 1] == '\n')
            line[--n] = '\0';
        if (first && is_blank(line)) {   /* an empty line at ">>> " just prompts again */
            PyMem_Free(line);
            PyMem_Free(src);
            return 0;
        }
        int blank = is_blank(line);
        if (first)
            compound = opens_compound(line);
        if (len + n + 2 > cap) {
            while (len + n + 2 > cap)
                cap *= 2;
            char *ns = PyMem_Realloc(src, cap);
            if (ns == NULL) {
                PyMem_Free(line);
                PyMem_Free(src);
                return -1;
            }
            src = ns;
        }
        if (!first)
            src[len++] = '\n';
        memcpy(src + len, line, n + 1);
        len += n;
        PyMem_Free(line);
        first = 0;
        PyCompilerFlags cf = flags ? *flags : (PyCompilerFlags)_PyCompilerFlags_INIT;
        cf.cf_flags |= PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT;
        /* a blank line ends a block: compile with the newline it contributes */
        if (blank) {
            src[len] = '\n';
            src[len + 1] = '\0';
        }
        PyObject *co = Py_CompileStringObject(src, filename, Py_single_input, &cf, -1);
        if (blank)
            src[len] = '\0';
        if (co == NULL && is_incomplete_input()) {
            PyErr_Clear();
            continue;
        }
        if (co != NULL && compound && !blank) {   /* wait for the blank line */
            Py_DECREF(co);
            continue;
        }
        PyMem_Free(src);
        if (co == NULL) {
            PyErr_Print();
            return 0;
        }
        PyObject *v = run_eval_code_obj(co, d, d);
        Py_DECREF(co);
        flush_io();
        if (v == NULL) {
            PyErr_Print();
            return 0;
        }
        Py_DECREF(v);
        return 0;
    }
}

int _PyRun_InteractiveLoopObject(FILE *fp, PyObject *filename, PyCompilerFlags *flags)
{
    if (PySys_GetObject("ps1") == NULL) {
        PyObject *v = PyUnicode_FromString(">>> ");
        if (v)
            PySys_SetObject("ps1", v);
        Py_XDECREF(v);
    }
    if (PySys_GetObject("ps2") == NULL) {
        PyObject *v = PyUnicode_FromString("... ");
        if (v)
            PySys_SetObject("ps2", v);
        Py_XDECREF(v);
    }
    for (;;) {
        int ret = PyRun_InteractiveOneObject(fp, filename, flags);
        if (ret == E_EOF)
            return 0;
        if (ret < 0) {
            PyErr_Print();
            flush_io();
        }
    }
}

int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename ? filename : "???");
    if (fn == NULL) {
        PyErr_Print();
        return -1;
    }
    int r = _PyRun_InteractiveLoopObject(fp, fn, flags);
    Py_DECREF(fn);
    return r;
}

int _PyRun_AnyFileObject(FILE *fp, PyObject *filename, int closeit, PyCompilerFlags *flags)
{
    int interactive = isatty(fileno(fp)) &&
                      (filename == NULL || _PyUnicode_EqualToASCIIString(filename, "<stdin>") ||
                       _PyUnicode_EqualToASCIIString(filename, "???"));
    if (interactive) {
        int err = _PyRun_InteractiveLoopObject(fp, filename, flags);
        if (closeit)
            fclose(fp);
        return err;
    }
    return _PyRun_SimpleFileObject(fp, filename, closeit, flags);
}

int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags)
{
    PyObject *fn = PyUnicode_DecodeFSDefault(filename ? filename : "???");
    if (fn == NULL) {
        PyErr_Print();
        return -1;
    }
    int r = _PyRun_AnyFileObject(fp, fn, closeit, flags);
    Py_DECREF(fn);
    return r;
}
