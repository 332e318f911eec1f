/* readline.c — the `readline` module on libedit's readline emulation: key bindings,
 * history (with libedit's index offsets probed at import), completion through a Python
 * completer, startup / pre-input / display hooks, and PyOS_ReadlineFunctionPointer so
 * the REPL and input() edit lines through it.  Owner: memory. */
#include "Python.h"

#include <editline/readline.h>
#include <string.h>
#include <unistd.h>

#define PyDoc_STRVAR(name, str) static const char name[] = str

/* ================================================================ state */

static PyObject *completer, *startup_hook, *pre_input_hook, *display_hook;
static PyObject *begidx, *endidx;
static int history_length_limit = -1;   /* set_history_length(); -1: unlimited */
static int should_auto_add_history = 1;
static char *completer_word_break_characters;
/* libedit versions differ from GNU readline: history_get() may be 0- or 1-based, and
 * replace_history_entry()/append_history() may be off by one.  Probed at import. */
static int libedit_history_offset = 0;
static int libedit_append_replace_history_offset = 0;

/* Text crosses to and from the C library in the locale encoding, as CPython does. */
static PyObject *encode(PyObject *s)
{
    return PyUnicode_EncodeLocale(s, "surrogateescape");
}

static PyObject *decode(const char *s)
{
    return PyUnicode_DecodeLocale(s, "surrogateescape");
}

static int history_len(void)
{
    HISTORY_STATE *st = history_get_history_state();
    int length = st->length;
    free(st);
    return length;
}

static PyObject *set_hook(const char *funcname, PyObject **hook, PyObject *function)
{
    if (function == Py_None) {
        Py_CLEAR(*hook);
    }
    else if (PyCallable_Check(function)) {
        Py_INCREF(function);
        Py_XSETREF(*hook, function);
    }
    else {
        PyErr_Format(PyExc_TypeError, "set_%.50s(func): argument not callable", funcname);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* libedit's free_history_entry() frees nothing (it returns NULL): the entry that
 * remove_history() and replace_history_entry() return is a malloc'd struct holding a
 * malloc'd copy of the line (and our data pointer, always NULL). */
static void free_hist_entry(HIST_ENTRY *entry)
{
    free((void *)entry->line);
    free(entry->data);
    free(entry);
}

/* libedit 3.1's replace_history_entry() (H_REPLACE) overwrites the entry's line with a
 * copy of the new one without freeing the old one (it hands back another copy).  The
 * orphaned line is kept here, reachable, rather than freed: a libedit that fixes the
 * bug would free it itself.  Only lines checked to be orphaned are kept. */
static char **orphaned_lines;
static size_t n_orphaned, orphaned_cap;

static void keep_orphaned_line(char *line)
{
    if (n_orphaned == orphaned_cap) {
        size_t cap = orphaned_cap ? 2 * orphaned_cap : 8;
        char **grown = realloc(orphaned_lines, cap * sizeof(char *));
        if (grown == NULL)
            return;   /* it stays leaked, as without this list */
        orphaned_lines = grown;
        orphaned_cap = cap;
    }
    orphaned_lines[n_orphaned++] = line;
}

static char *history_line(int get_index)
{
    HIST_ENTRY *cur = history_get(get_index);
    return cur != NULL ? (char *)cur->line : NULL;
}

/* After replace_history_entry() gave `old`: was `before`, the line of entry `get_index`
 * (history_get()'s numbering), replaced by `line` and orphaned? */
static void check_orphaned(HIST_ENTRY *old, int get_index, char *before, const char *line)
{
    char *now = history_line(get_index);
    if (old != NULL && before != NULL && now != NULL && now != before &&
        strcmp(now, line) == 0 && old->line != NULL && old->line != before &&
        strcmp(old->line, before) == 0)
        keep_orphaned_line(before);
}

/* replace_history_entry() plus the orphan bookkeeping. */
static HIST_ENTRY *replace_entry(int index, int get_index, const char *line)
{
    char *before = history_line(get_index);
    HIST_ENTRY *old = replace_history_entry(index, line, NULL);
    check_orphaned(old, get_index, before, line);
    return old;
}

/* ================================================================ init files, history files */

static PyObject *readline_parse_and_bind(PyObject *module, PyObject *string)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "parse_and_bind() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    PyObject *encoded = encode(string);
    if (encoded == NULL)
        return NULL;
    /* rl_parse_and_bind may modify its argument */
    char *copy = strdup(PyBytes_AS_STRING(encoded));
    Py_DECREF(encoded);
    if (copy == NULL)
        return PyErr_NoMemory();
    rl_parse_and_bind(copy);
    free(copy);
    Py_RETURN_NONE;
}

/* filename=None: the library's default file.  Returns 0, or -1 with an exception. */
static int optional_path(const char *fname, PyObject *args, const char *fmt, PyObject **bytes)
{
    PyObject *obj = Py_None;
    *bytes = NULL;
    if (!PyArg_ParseTuple(args, fmt, &obj))
        return -1;
    if (obj != Py_None && !PyUnicode_FSConverter(obj, bytes))
        return -1;
    (void)fname;
    return 0;
}

#define PATH_OR_NULL(b) ((b) != NULL ? PyBytes_AS_STRING(b) : NULL)

static PyObject *errno_result(int err, PyObject *bytes)
{
    Py_XDECREF(bytes);
    if (err) {
        errno = err;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    Py_RETURN_NONE;
}

static PyObject *readline_read_init_file(PyObject *module, PyObject *args)
{
    PyObject *b;
    if (optional_path("read_init_file", args, "|O:read_init_file", &b) < 0)
        return NULL;
    return errno_result(rl_read_init_file(PATH_OR_NULL(b)), b);
}

static PyObject *readline_read_history_file(PyObject *module, PyObject *args)
{
    PyObject *b;
    if (optional_path("read_history_file", args, "|O:read_history_file", &b) < 0)
        return NULL;
    return errno_result(read_history(PATH_OR_NULL(b)), b);
}

/* Keep the last n entries of a history file.  libedit's history_truncate_file() also
 * cuts its own "_HiStOrY_V2_" header line, after which read_history() fails: keep it. */
static void truncate_history_file(const char *path, int n)
{
    char *home = NULL;
    if (path == NULL) {
        const char *h = getenv("HOME");
        if (h == NULL || asprintf(&home, "%s/.history", h) < 0)
            return;
        path = home;
    }
    FILE *f = fopen(path, "r");
    char **lines = NULL, *line = NULL;
    size_t count = 0, cap = 0, lcap = 0;
    while (f != NULL && getline(&line, &lcap, f) >= 0) {
        if (count == cap) {
            char **grown = realloc(lines, (cap = cap ? cap * 2 : 64) * sizeof *lines);
            if (grown == NULL)
                break;
            lines = grown;
        }
        lines[count++] = line;
        line = NULL;
        lcap = 0;
    }
    free(line);
    if (f != NULL)
        fclose(f);
    size_t header = count > 0 && strcmp(lines[0], "_HiStOrY_V2_\n") == 0;
    size_t keep = (size_t)n < count - header ? (size_t)n : count - header;
    if (f != NULL && keep < count - header && (f = fopen(path, "w")) != NULL) {
        if (header)
            fputs(lines[0], f);
        for (size_t i = count - keep; i < count; i++)
            fputs(lines[i], f);
        fclose(f);
    }
    for (size_t i = 0; i < count; i++)
        free(lines[i]);
    free(lines);
    free(home);
}

static PyObject *readline_write_history_file(PyObject *module, PyObject *args)
{
    PyObject *b;
    if (optional_path("write_history_file", args, "|O:write_history_file", &b) < 0)
        return NULL;
    const char *path = PATH_OR_NULL(b);
    errno = 0;
    int err = write_history(path);
    if (!err && history_length_limit >= 0)
        truncate_history_file(path, history_length_limit);
    return errno_result(err ? errno ? errno : err : 0, b);
}

static PyObject *readline_append_history_file(PyObject *module, PyObject *args)
{
    int nelements;
    PyObject *obj = Py_None, *b = NULL;
    if (!PyArg_ParseTuple(args, "i|O:append_history_file", &nelements, &obj))
        return NULL;
    if (obj != Py_None && !PyUnicode_FSConverter(obj, &b))
        return NULL;
    const char *path = PATH_OR_NULL(b);
    errno = 0;
    int err = append_history(nelements - libedit_append_replace_history_offset, path);
    if (!err && history_length_limit >= 0)
        truncate_history_file(path, history_length_limit);
    return errno_result(err ? errno ? errno : err : 0, b);
}

/* ================================================================ history */

static PyObject *readline_set_history_length(PyObject *module, PyObject *arg)
{
    int length = _PyLong_AsInt(arg);
    if (length == -1 && PyErr_Occurred())
        return NULL;
    history_length_limit = length;
    Py_RETURN_NONE;
}

static PyObject *readline_get_history_length(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(history_length_limit);
}

static PyObject *readline_add_history(PyObject *module, PyObject *string)
{
    PyObject *encoded = encode(string);
    if (encoded == NULL)
        return NULL;
    add_history(PyBytes_AS_STRING(encoded));
    Py_DECREF(encoded);
    Py_RETURN_NONE;
}

static PyObject *readline_remove_history_item(PyObject *module, PyObject *arg)
{
    int pos = _PyLong_AsInt(arg);
    if (pos == -1 && PyErr_Occurred())
        return NULL;
    if (pos < 0) {
        PyErr_SetString(PyExc_ValueError, "History index cannot be negative");
        return NULL;
    }
    HIST_ENTRY *entry = remove_history(pos);
    if (entry == NULL) {
        PyErr_Format(PyExc_ValueError, "No history item at position %d", pos);
        return NULL;
    }
    free_hist_entry(entry);
    Py_RETURN_NONE;
}

static PyObject *readline_replace_history_item(PyObject *module, PyObject *args)
{
    int pos;
    PyObject *line;
    if (!PyArg_ParseTuple(args, "iU:replace_history_item", &pos, &line))
        return NULL;
    if (pos < 0) {
        PyErr_SetString(PyExc_ValueError, "History index cannot be negative");
        return NULL;
    }
    PyObject *encoded = encode(line);
    if (encoded == NULL)
        return NULL;
    HIST_ENTRY *old = replace_entry(pos + libedit_append_replace_history_offset,
                                    pos + libedit_history_offset, PyBytes_AS_STRING(encoded));
    Py_DECREF(encoded);
    if (old == NULL) {
        PyErr_Format(PyExc_ValueError, "No history item at position %d", pos);
        return NULL;
    }
    free_hist_entry(old);
    Py_RETURN_NONE;
}

/* index is 1-based, as in GNU readline. */
static PyObject *readline_get_history_item(PyObject *module, PyObject *arg)
{
    int idx = _PyLong_AsInt(arg);
    if (idx == -1 && PyErr_Occurred())
        return NULL;
    int length = history_len();
    idx = idx - 1 + libedit_history_offset;
    if (idx < libedit_history_offset || idx >= length + libedit_history_offset)
        Py_RETURN_NONE;
    HIST_ENTRY *ent = history_get(idx);
    if (ent == NULL)
        Py_RETURN_NONE;
    return decode(ent->line);
}

static PyObject *readline_get_current_history_length(PyObject *module,
                                                     PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(history_len());
}

static PyObject *readline_clear_history(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    clear_history();
    Py_RETURN_NONE;
}

static PyObject *readline_set_auto_history(PyObject *module, PyObject *arg)
{
    int enabled = PyObject_IsTrue(arg);
    if (enabled < 0)
        return NULL;
    should_auto_add_history = enabled;
    Py_RETURN_NONE;
}

/* ================================================================ line buffer */

static PyObject *readline_get_line_buffer(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return decode(rl_line_buffer != NULL ? rl_line_buffer : "");
}

static PyObject *readline_insert_text(PyObject *module, PyObject *string)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError, "insert_text() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    PyObject *encoded = encode(string);
    if (encoded == NULL)
        return NULL;
    rl_insert_text(PyBytes_AS_STRING(encoded));
    Py_DECREF(encoded);
    Py_RETURN_NONE;
}

static PyObject *readline_redisplay(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    rl_redisplay();
    Py_RETURN_NONE;
}

/* ================================================================ completion */

static PyObject *readline_set_completer(PyObject *module, PyObject *args)
{
    PyObject *function = Py_None;
    if (!PyArg_ParseTuple(args, "|O:set_completer", &function))
        return NULL;
    return set_hook("completer", &completer, function);
}

static PyObject *readline_get_completer(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(completer != NULL ? completer : Py_None);
}

static PyObject *readline_get_completion_type(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(rl_completion_type);
}

static PyObject *readline_get_begidx(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(begidx);
}

static PyObject *readline_get_endidx(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(endidx);
}

static PyObject *readline_set_completer_delims(PyObject *module, PyObject *string)
{
    if (!PyUnicode_Check(string)) {
        PyErr_Format(PyExc_TypeError,
                     "set_completer_delims() argument must be str, not %.50s",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    PyObject *encoded = encode(string);
    if (encoded == NULL)
        return NULL;
    char *copy = strdup(PyBytes_AS_STRING(encoded));
    Py_DECREF(encoded);
    if (copy == NULL)
        return PyErr_NoMemory();
    /* the library keeps the pointer: the old copy is ours to free */
    free(completer_word_break_characters);
    completer_word_break_characters = copy;
    rl_completer_word_break_characters = copy;
    Py_RETURN_NONE;
}

static PyObject *readline_get_completer_delims(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return decode(rl_completer_word_break_characters != NULL
                      ? rl_completer_word_break_characters : "");
}

static PyObject *readline_set_startup_hook(PyObject *module, PyObject *args)
{
    PyObject *function = Py_None;
    if (!PyArg_ParseTuple(args, "|O:set_startup_hook", &function))
        return NULL;
    return set_hook("startup_hook", &startup_hook, function);
}

static PyObject *readline_set_pre_input_hook(PyObject *module, PyObject *args)
{
    PyObject *function = Py_None;
    if (!PyArg_ParseTuple(args, "|O:set_pre_input_hook", &function))
        return NULL;
    return set_hook("pre_input_hook", &pre_input_hook, function);
}

static void on_completion_display_matches_hook(char **matches, int num_matches,
                                               int max_length);

static PyObject *readline_set_completion_display_matches_hook(PyObject *module,
                                                              PyObject *args)
{
    PyObject *function = Py_None;
    if (!PyArg_ParseTuple(args, "|O:set_completion_display_matches_hook", &function))
        return NULL;
    PyObject *r = set_hook("completion_display_matches_hook", &display_hook, function);
    /* libedit declares the hook as void(void) but calls it with GNU's arguments */
    rl_completion_display_matches_hook =
        display_hook != NULL ? (VFunction *)(void (*)(void))on_completion_display_matches_hook
                             : NULL;
    return r;
}

/* ================================================================ C callbacks */

/* The hooks run inside readline(), which is called with the GIL released. */
static int on_hook(PyObject *func)
{
    if (func == NULL)
        return 0;
    PyGILState_STATE gil = PyGILState_Ensure();
    int result = 0;
    PyObject *r = PyObject_CallNoArgs(func);
    if (r != NULL && r != Py_None)
        result = _PyLong_AsInt(r);
    if (PyErr_Occurred())
        PyErr_Clear();
    Py_XDECREF(r);
    PyGILState_Release(gil);
    return result;
}

static int on_startup_hook(void)
{
    return on_hook(startup_hook);
}

static int on_pre_input_hook(void)
{
    return on_hook(pre_input_hook);
}

static void on_completion_display_matches_hook(char **matches, int num_matches,
                                               int max_length)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *m = PyList_New(num_matches), *r = NULL;
    if (m == NULL)
        goto error;
    for (int i = 0; i < num_matches; i++) {
        PyObject *s = decode(matches[i + 1]);
        if (s == NULL)
            goto error;
        PyList_SET_ITEM(m, i, s);
    }
    PyObject *first = decode(matches[0]);
    if (first == NULL)
        goto error;
    r = PyObject_CallFunction(display_hook, "NNi", first, m, max_length);
    m = NULL;
    if (r == NULL || (r != Py_None && _PyLong_AsInt(r) == -1 && PyErr_Occurred()))
        goto error;
    Py_DECREF(r);
    PyGILState_Release(gil);
    return;
error:
    PyErr_Clear();
    Py_XDECREF(m);
    Py_XDECREF(r);
    PyGILState_Release(gil);
}

/* One match per call until the completer returns None (state counts up from 0). */
static char *on_completion(const char *text, int state)
{
    if (completer == NULL)
        return NULL;
    char *result = NULL;
    PyGILState_STATE gil = PyGILState_Ensure();
    rl_attempted_completion_over = 1;
    PyObject *t = decode(text);
    PyObject *r = t != NULL ? PyObject_CallFunction(completer, "Ni", t, state) : NULL;
    if (r != NULL && r != Py_None) {
        PyObject *encoded = encode(r);
        if (encoded != NULL) {
            result = strdup(PyBytes_AS_STRING(encoded));
            Py_DECREF(encoded);
        }
    }
    if (PyErr_Occurred())
        PyErr_Clear();
    Py_XDECREF(r);
    PyGILState_Release(gil);
    return result;
}

/* Count characters, not bytes, for begidx/endidx. */
static long char_count(const char *s, int nbytes)
{
    char *copy = strndup(s, (size_t)nbytes);
    if (copy == NULL)
        return nbytes;
    PyObject *u = decode(copy);
    free(copy);
    if (u == NULL) {
        PyErr_Clear();
        return nbytes;
    }
    long n = (long)PyUnicode_GET_LENGTH(u);
    Py_DECREF(u);
    return n;
}

static char **flex_complete(const char *text, int start, int end)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    rl_completion_append_character = '\0';
    rl_completion_suppress_append = 0;
    long s = char_count(rl_line_buffer, start);
    long e = s + char_count(rl_line_buffer + start, end - start);
    Py_XSETREF(begidx, PyLong_FromLong(s));
    Py_XSETREF(endidx, PyLong_FromLong(e));
    if (begidx == NULL || endidx == NULL)
        PyErr_Clear();
    PyGILState_Release(gil);
    return rl_completion_matches(text, on_completion);
}

/* ================================================================ line input */

/* PyOS_ReadlineFunctionPointer: a malloc'd line with its '\n', or NULL at EOF.  Not a
 * terminal: plain stdio, the prompt on stderr (as PyOS_StdioReadline does). */
static char *call_readline(FILE *sys_stdin, FILE *sys_stdout, const char *prompt)
{
    _PySys_FlushStdFiles();
    PyErr_Clear();
    char *p;
    if (!isatty(fileno(sys_stdin)) || !isatty(fileno(sys_stdout))) {
        fputs(prompt, stderr);
        fflush(stderr);
        size_t cap = 0;
        p = NULL;
        ssize_t n = getline(&p, &cap, sys_stdin);
        if (n < 0) {
            free(p);
            return NULL;
        }
        char *res = PyMem_Malloc((size_t)n + 1);
        if (res != NULL)
            memcpy(res, p, (size_t)n + 1);
        free(p);
        return res;
    }
    if (sys_stdin != rl_instream || sys_stdout != rl_outstream) {
        rl_instream = sys_stdin;
        rl_outstream = sys_stdout;
    }
    Py_BEGIN_ALLOW_THREADS
    p = readline(prompt);
    Py_END_ALLOW_THREADS
    if (p == NULL)
        return NULL;
    size_t n = strlen(p);
    if (should_auto_add_history && n > 0) {
        /* skip a line equal to the previous history entry */
        int length = history_len();
        HIST_ENTRY *last = length > 0 ? history_get(length + libedit_history_offset - 1)
                                      : NULL;
        if (last == NULL || strcmp(p, last->line) != 0)
            add_history(p);
    }
    char *res = PyMem_Malloc(n + 2);
    if (res != NULL) {
        memcpy(res, p, n);
        res[n] = '\n';
        res[n + 1] = '\0';
    }
    free(p);
    return res;
}

/* ================================================================ module */

static void probe_libedit(void)
{
    /* the REPL may already have history (and typed-ahead input): keep both */
    int saved_len = history_len();
    char **saved = saved_len > 0 ? calloc((size_t)saved_len, sizeof(char *)) : NULL;
    for (int i = 0; saved != NULL && i < saved_len; i++) {
        HIST_ENTRY *h = history_get(history_base + i);
        saved[i] = h != NULL && h->line != NULL ? strdup(h->line) : NULL;
    }
    clear_history();
    add_history("1");
    libedit_history_offset = history_get(1) == NULL ? 0 : 1;
    add_history("2");
    /* which of the two entries replace_history_entry(1) hits is what is probed */
    char *first = history_line(libedit_history_offset);
    char *second = history_line(libedit_history_offset + 1);
    HIST_ENTRY *old = replace_history_entry(1, "X", NULL);
    check_orphaned(old, libedit_history_offset, first, "X");
    check_orphaned(old, libedit_history_offset + 1, second, "X");
    if (old != NULL)
        free_hist_entry(old);
    HIST_ENTRY *item = history_get(libedit_history_offset);
    libedit_append_replace_history_offset =
        (item != NULL && item->line != NULL && strcmp(item->line, "X") != 0) ? 0 : 1;
    clear_history();
    for (int i = 0; saved != NULL && i < saved_len; i++) {
        if (saved[i] != NULL)
            add_history(saved[i]);
        free(saved[i]);
    }
    free(saved);
}

static int setup_readline(void)
{
    /* libedit re-creates its editor (dropping typed-ahead input) on every
     * rl_initialize(): only when the REPL has not used it yet */
    if (rl_line_buffer == NULL)
        rl_initialize();
    probe_libedit();
    using_history();
    rl_readline_name = "python";
    /* TAB inserts a tab until site.py (or the user) binds completion */
    rl_bind_key('\t', rl_insert);
    rl_startup_hook = on_startup_hook;
    rl_pre_input_hook = on_pre_input_hook;
    rl_attempted_completion_function = flex_complete;
    completer_word_break_characters = strdup(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
    if (completer_word_break_characters == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    rl_completer_word_break_characters = completer_word_break_characters;
    begidx = PyLong_FromLong(0);
    endidx = PyLong_FromLong(0);
    if (begidx == NULL || endidx == NULL)
        return -1;
    rl_read_init_file(NULL);
    return 0;
}

#define NOARGS(name, doc) {#name, (PyCFunction)readline_##name, METH_NOARGS, doc}
#define ONEARG(name, doc) {#name, (PyCFunction)readline_##name, METH_O, doc}
#define VARARGS(name, doc) {#name, (PyCFunction)readline_##name, METH_VARARGS, doc}

static PyMethodDef readline_methods[] = {
    ONEARG(parse_and_bind, "parse_and_bind($module, string, /)\n--\n\n"
                           "Execute the init line provided in the string argument."),
    VARARGS(read_init_file, "read_init_file($module, filename=None, /)\n--\n\n"
                            "Execute a readline initialization file.\n\n"
                            "The default filename is the last filename used."),
    VARARGS(read_history_file, "read_history_file($module, filename=None, /)\n--\n\n"
                               "Load a readline history file.\n\n"
                               "The default filename is ~/.history."),
    VARARGS(write_history_file, "write_history_file($module, filename=None, /)\n--\n\n"
                                "Save a readline history file.\n\n"
                                "The default filename is ~/.history."),
    VARARGS(append_history_file,
            "append_history_file($module, nelements, filename=None, /)\n--\n\n"
            "Append the last nelements items of the history list to file.\n\n"
            "The default filename is ~/.history."),
    ONEARG(set_history_length, "set_history_length($module, length, /)\n--\n\n"
                               "Set the maximal number of lines which will be written to\n"
                               "the history file. A negative length is used to inhibit\n"
                               "history truncation."),
    NOARGS(get_history_length, "get_history_length($module, /)\n--\n\n"
                               "Return the maximum number of lines that will be written to "
                               "the history file."),
    VARARGS(set_completer, "set_completer($module, function=None, /)\n--\n\n"
                           "Set or remove the completer function.\n\n"
                           "The function is called as function(text, state),\n"
                           "for state in 0, 1, 2, ..., until it returns a non-string.\n"
                           "It should return the next possible completion starting with "
                           "'text'."),
    NOARGS(get_completer, "get_completer($module, /)\n--\n\n"
                          "Get the current completer function."),
    NOARGS(get_completion_type, "get_completion_type($module, /)\n--\n\n"
                                "Get the type of completion being attempted."),
    NOARGS(get_begidx, "get_begidx($module, /)\n--\n\n"
                       "Get the beginning index of the completion scope."),
    NOARGS(get_endidx, "get_endidx($module, /)\n--\n\n"
                       "Get the ending index of the completion scope."),
    ONEARG(set_completer_delims, "set_completer_delims($module, string, /)\n--\n\n"
                                 "Set the word delimiters for completion."),
    NOARGS(get_completer_delims, "get_completer_delims($module, /)\n--\n\n"
                                 "Get the word delimiters for completion."),
    ONEARG(add_history, "add_history($module, string, /)\n--\n\n"
                        "Add an item to the history buffer."),
    ONEARG(remove_history_item, "remove_history_item($module, pos, /)\n--\n\n"
                                "Remove history item given by its position."),
    VARARGS(replace_history_item, "replace_history_item($module, pos, line, /)\n--\n\n"
                                  "Replaces history item given by its position with "
                                  "contents of line."),
    ONEARG(get_history_item, "get_history_item($module, index, /)\n--\n\n"
                             "Return the current contents of history item at index."),
    NOARGS(get_current_history_length,
           "get_current_history_length($module, /)\n--\n\n"
           "Return the current (not the maximum) length of history."),
    NOARGS(get_line_buffer, "get_line_buffer($module, /)\n--\n\n"
                            "Return the current contents of the line buffer."),
    NOARGS(clear_history, "clear_history($module, /)\n--\n\n"
                          "Clear the current readline history."),
    ONEARG(insert_text, "insert_text($module, string, /)\n--\n\n"
                        "Insert text into the line buffer at the cursor position."),
    NOARGS(redisplay, "redisplay($module, /)\n--\n\n"
                      "Change what's displayed on the screen to reflect contents of the "
                      "line buffer."),
    VARARGS(set_startup_hook, "set_startup_hook($module, function=None, /)\n--\n\n"
                              "Set or remove the function invoked by the rl_startup_hook "
                              "callback.\n\n"
                              "The function is called with no arguments just\n"
                              "before readline prints the first prompt."),
    VARARGS(set_pre_input_hook, "set_pre_input_hook($module, function=None, /)\n--\n\n"
                                "Set or remove the function invoked by the "
                                "rl_pre_input_hook callback.\n\n"
                                "The function is called with no arguments after the first "
                                "prompt\nhas been printed and just before readline starts "
                                "reading input\ncharacters."),
    VARARGS(set_completion_display_matches_hook,
            "set_completion_display_matches_hook($module, function=None, /)\n--\n\n"
            "Set or remove the completion display function.\n\n"
            "The function is called as\n"
            "  function(substitution, [matches], longest_match_length)\n"
            "once each time matches need to be displayed."),
    ONEARG(set_auto_history, "set_auto_history($module, enabled, /)\n--\n\n"
                             "Enables or disables automatic history."),
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef readlinemodule = {
    PyModuleDef_HEAD_INIT, "readline",
    "Importing this module enables command line editing using libedit readline.", -1,
    readline_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_readline(void)
{
    PyObject *m = PyModule_Create(&readlinemodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "_READLINE_VERSION", RL_READLINE_VERSION) < 0 ||
        PyModule_AddIntConstant(m, "_READLINE_RUNTIME_VERSION", rl_readline_version) < 0 ||
        PyModule_AddStringConstant(m, "_READLINE_LIBRARY_VERSION", rl_library_version) < 0)
        goto fail;
    if (begidx == NULL && setup_readline() < 0)
        goto fail;
    PyOS_ReadlineFunctionPointer = call_readline;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
