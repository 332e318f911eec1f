/* _tokenize.c — the _tokenize module of CPython 3.11: TokenizerIter(source), the C
 * tokenizer's tokens as (string, type, lineno, end_lineno, col_offset, end_col_offset,
 * line) tuples (tokenize._generate_tokens_from_c_tokenizer).  The source is tokenized up
 * front by src/parser/tokenizer.c (Krait's design); a tokenizer error is raised when the
 * iteration reaches it.  Owner: sweep. */
#include "Python.h"
#include "../parser/tokenizer.h"

typedef struct {
    PyObject_HEAD
    char *src;              /* UTF-8, '\n' newlines, ends with '\n' (exec input) */
    Py_ssize_t len;
    TokState ts;
    Py_ssize_t *line_starts;  /* byte offset of each line (index lineno - 1) */
    Py_ssize_t nlines;
    Py_ssize_t next;        /* index of the next token */
    int done;
} tokenizeriterobject;

/* Universal newlines plus a final newline, as 3.11's tokenizer does for str input. */
static char *translate_source(const char *s, Py_ssize_t n, Py_ssize_t *outlen)
{
    char *buf = PyMem_Malloc((size_t)n + 2);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (s[i] == '\r') {
            buf[k++] = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else {
            buf[k++] = s[i];
        }
    }
    if (k == 0 || buf[k - 1] != '\n')
        buf[k++] = '\n';
    buf[k] = '\0';
    *outlen = k;
    return buf;
}

static int index_lines(tokenizeriterobject *it)
{
    Py_ssize_t n = 1;
    for (Py_ssize_t i = 0; i < it->len; i++)
        n += it->src[i] == '\n';
    it->line_starts = PyMem_Malloc(sizeof(Py_ssize_t) * (size_t)n);
    if (it->line_starts == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t line = 0;
    it->line_starts[line++] = 0;
    for (Py_ssize_t i = 0; i < it->len; i++) {
        if (it->src[i] == '\n' && line < n)
            it->line_starts[line++] = i + 1;
    }
    it->nlines = line;
    return 0;
}

/* Byte offset of (lineno, col) in the source, clamped to the buffer. */
static Py_ssize_t offset_of(tokenizeriterobject *it, int lineno, int col)
{
    if (lineno < 1)
        lineno = 1;
    if (lineno > it->nlines)
        return it->len;
    Py_ssize_t off = it->line_starts[lineno - 1] + (col < 0 ? 0 : col);
    return off > it->len ? it->len : off;
}

static PyObject *tokenizeriter_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"source", NULL};
    PyObject *source;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "U:tokenizeriter", kwlist, &source))
        return NULL;
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(source, &n);
    if (utf8 == NULL)
        return NULL;
    tokenizeriterobject *it = (tokenizeriterobject *)type->tp_alloc(type, 0);
    if (it == NULL)
        return NULL;
    it->src = translate_source(utf8, n, &it->len);
    if (it->src == NULL || index_lines(it) < 0) {
        Py_DECREF(it);
        return NULL;
    }
    PyObject *filename = PyUnicode_FromString("<string>");
    if (filename == NULL) {
        Py_DECREF(it);
        return NULL;
    }
    int rc = _PyTokenizer_Run(&it->ts, it->src, it->len, filename);
    it->ts.filename = NULL;
    Py_DECREF(filename);
    if (rc < 0) {
        Py_DECREF(it);
        return NULL;
    }
    return (PyObject *)it;
}

static void tokenizeriter_dealloc(tokenizeriterobject *it)
{
    PyTypeObject *tp = Py_TYPE(it);
    _PyTokenizer_Free(&it->ts);
    PyMem_Free(it->line_starts);
    PyMem_Free(it->src);
    tp->tp_free(it);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE)
        Py_DECREF(tp);
}

/* The tokenizer's recorded error as the exception CPython's tokenizer raises. */
static void raise_token_error(tokenizeriterobject *it)
{
    TokError *e = &it->ts.err;
    if (e->decode_exc != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(e->decode_exc), e->decode_exc);
        return;
    }
    PyObject *filename = PyUnicode_FromString("<string>");
    if (filename == NULL)
        return;
    PyObject *text = e->text;
    if (text == NULL)
        text = _PyTokenizer_LineText(it->src, e->lineno, 1);
    else
        Py_INCREF(text);
    if (text == NULL)
        PyErr_Clear();
    _PyTokenizer_RaiseSyntax(e->type, filename, e->msg, e->lineno, e->offset, text,
                             e->end_lineno, e->end_offset);
    Py_XDECREF(text);
    Py_DECREF(filename);
}

/* Krait's tokenizer emits the DEDENTs of an inconsistent dedent before its error token;
 * CPython's finds the error first and emits none of them. */
static Py_ssize_t dedents_before_bad_dedent(tokenizeriterobject *it, Py_ssize_t i)
{
    while (i < it->ts.ntoks && it->ts.toks[i].type == DEDENT)
        i++;
    if (i < it->ts.ntoks && it->ts.toks[i].type == ERRORTOKEN && it->ts.err.type != NULL &&
        strncmp(it->ts.err.msg, "unindent does not match", 23) == 0)
        return i;   /* the error token */
    return -1;
}

static PyObject *tokenizeriter_next(tokenizeriterobject *it)
{
    if (it->done || it->next >= it->ts.ntoks) {
        it->done = 1;
        return NULL;
    }
    Token *t = &it->ts.toks[it->next++];
    Py_ssize_t err_index;
    if (t->type == DEDENT && (err_index = dedents_before_bad_dedent(it, it->next - 1)) >= 0)
        t = &it->ts.toks[err_index];
    if (t->type == ERRORTOKEN || t->type == ENDMARKER) {
        it->done = 1;
        /* CPython's tokenizer only stops at an unclosed bracket at the end and at the
         * errors pegen reports later (bad dedent, too deep, tabs, EOF in a continuation
         * line: "deferred" here); the other errors are raised */
        if (t->type == ERRORTOKEN && it->ts.err.type != NULL && !it->ts.err.deferred)
            raise_token_error(it);
        return NULL;
    }
    PyObject *str;
    int col = t->col_offset, end_col = t->end_col_offset;
    int lineno = t->lineno, end_lineno = t->end_lineno;
    if (t->at_eof && lineno > 1 && offset_of(it, lineno, 0) >= it->len) {
        /* the DEDENTs at the end sit on the last line, as in CPython */
        lineno--;
        end_lineno = lineno;
    }
    if (col < 0 || end_col < 0) {
        /* INDENT/DEDENT: no text and no columns */
        str = PyUnicode_FromString("");
        col = end_col = -1;
    } else {
        /* from the start column to the end column: a NEWLINE after a comment spans the
         * comment (its '\n' left out), as the C tokenizer reports it */
        Py_ssize_t a = offset_of(it, lineno, col), b = offset_of(it, end_lineno, end_col);
        str = PyUnicode_DecodeUTF8(it->src + a, b > a ? b - a : 0, "replace");
    }
    if (str == NULL)
        return NULL;
    /* the lines the token spans, newline included */
    Py_ssize_t la = offset_of(it, lineno, 0), lb = offset_of(it, end_lineno + 1, 0);
    PyObject *line = PyUnicode_DecodeUTF8(it->src + la, lb > la ? lb - la : 0, "replace");
    if (line == NULL) {
        Py_DECREF(str);
        return NULL;
    }
    /* 3.11's C tokenizer types the async/await keywords ASYNC/AWAIT (Krait's keeps NAME) */
    int type = t->type;
    if (type == NAME && t->end - t->start == 5) {
        if (memcmp(t->start, "async", 5) == 0)
            type = ASYNC;
        else if (memcmp(t->start, "await", 5) == 0)
            type = AWAIT;
    }
    return Py_BuildValue("(NiiiiiN)", str, type, lineno, end_lineno, col, end_col, line);
}

static PyTypeObject TokenizerIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_tokenize.TokenizerIter",
    .tp_basicsize = sizeof(tokenizeriterobject),
    .tp_dealloc = (destructor)tokenizeriter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)tokenizeriter_next,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = tokenizeriter_new,
    .tp_free = PyObject_Del,
};

static struct PyModuleDef tokenizemodule = {
    PyModuleDef_HEAD_INIT, "_tokenize", NULL, -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__tokenize(void)
{
    if (PyType_Ready(&TokenizerIter_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&tokenizemodule);
    if (m == NULL)
        return NULL;
    Py_INCREF(&TokenizerIter_Type);
    if (PyModule_AddObject(m, "TokenizerIter", (PyObject *)&TokenizerIter_Type) < 0) {
        Py_DECREF(&TokenizerIter_Type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
