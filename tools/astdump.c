/* astdump.c — parser test driver (owner: parser): parses a file and prints
 * ast.dump(tree[, include_attributes=True]) as python3.11 would, or, on a syntax error,
 * "ExcType: msg (lineno, offset, end_lineno, end_offset)" — the fields tools/astcheck.py
 * compares.  Usage: astdump [-a] [-q] [-m exec|eval|single] FILE, or astdump [-a] -l < LIST */
#include "Python.h"
#include "parser.h"

static int
print_error(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    if (v && !PyErr_GivenExceptionMatches(t, PyExc_SyntaxError)) {
        /* ValueError, RecursionError, MemoryError: "Type: str(exc)" */
        PyObject *s = PyObject_Str(v);
        PyErr_Clear();
        printf("%s: %s\n", ((PyTypeObject *)t)->tp_name, s ? PyUnicode_AsUTF8(s) : "?");
        Py_XDECREF(s);
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        return 1;
    }
    PyObject *msg = v ? PyObject_GetAttrString(v, "msg") : NULL;
    long vals[4] = {0, 0, 0, 0};
    const char *names[4] = {"lineno", "offset", "end_lineno", "end_offset"};
    for (int i = 0; i < 4 && v; i++) {
        PyObject *o = PyObject_GetAttrString(v, names[i]);
        vals[i] = (o && o != Py_None) ? PyLong_AsLong(o) : 0;
        Py_XDECREF(o);
    }
    PyErr_Clear();
    const char *m = msg && PyUnicode_Check(msg) ? PyUnicode_AsUTF8(msg) : "?";
    printf("%s: %s (%ld, %ld, %ld, %ld)\n", t ? ((PyTypeObject *)t)->tp_name : "?", m, vals[0],
           vals[1], vals[2], vals[3]);
    Py_XDECREF(msg);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    return 1;
}

/* Parse one file and print its dump (or its error); returns 1 on error. */
static int
dump_file(const char *path, int attrs, int mode, int quiet)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        perror(path);
        return 2;
    }
    /* read it whole and parse it as ast.parse(bytes) does (string tokenizer, cookie
     * honoured, NUL bytes a ValueError) */
    size_t cap = 1 << 16, len = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + len, 1, cap - len - 1, fp)) > 0) {
        len += r;
        if (len + 1 >= cap) buf = realloc(buf, cap *= 2);
    }
    fclose(fp);
    if (!buf) return 2;
    buf[len] = 0;
    PyObject *fn = PyUnicode_FromString(path);
    PyArena *arena = _PyArena_New();
    PyCompilerFlags flags = _PyCompilerFlags_INIT;
    flags.cf_flags = PyCF_SOURCE_IS_UTF8 | PyCF_ONLY_AST;
    mod_ty m = NULL;
    if (strlen(buf) != len)
        PyErr_SetString(PyExc_ValueError, "source code string cannot contain null bytes");
    else
        m = _PyParser_ASTFromString(buf, fn, mode, &flags, arena);
    free(buf);
    int rc = 0;
    if (!m) {
        rc = print_error();
    } else if (!quiet) {
        PyObject *s = _PyAST_Dump(m, attrs);
        if (!s) rc = print_error();
        else {
            printf("%s\n", PyUnicode_AsUTF8(s));
            Py_DECREF(s);
        }
    }
    _PyArena_Free(arena);
    Py_XDECREF(fn);
    return rc;
}

/* -l: file names come one per line on stdin; each result is followed by a line holding
 * only a form feed, so tools/astcheck.py can check many files with one process.
 * -q: parse only, print nothing but errors (for timing the parser). */
int
main(int argc, char **argv)
{
    int attrs = 0, mode = Py_file_input, list = 0, quiet = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-a")) attrs = 1;
        else if (!strcmp(argv[i], "-l")) list = 1;
        else if (!strcmp(argv[i], "-q")) quiet = 1;
        else if (!strcmp(argv[i], "-m") && i + 1 < argc) {
            i++;
            mode = !strcmp(argv[i], "eval") ? Py_eval_input : !strcmp(argv[i], "single") ? Py_single_input : Py_file_input;
        } else path = argv[i];
    }
    if (!path && !list) {
        fprintf(stderr, "usage: astdump [-a] [-q] [-m exec|eval|single] FILE | -l < LIST\n");
        return 2;
    }
    Py_Initialize();
    if (!list)
        return dump_file(path, attrs, mode, quiet);
    char line[4096];
    int rc = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0]) continue;
        rc |= dump_file(line, attrs, mode, quiet);
        printf("\f\n");
        fflush(stdout);
    }
    return rc;
}
