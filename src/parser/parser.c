/* parser.c — the Python 3.11 grammar: tokens → AST (owner: parser).
 * A hand-written recursive-descent parser with PEG-style backtracking (save/restore the
 * token position).  It builds the same AST, with the same positions, as CPython's pegen,
 * and reports SyntaxErrors with 3.11's messages.  Literals are decoded in
 * string_parser.c; tokens come from tokenizer.c; the compiler consumes the AST. */
#include "pegen.h"
#include <ctype.h>

enum {
    KW_NONE, KW_False, KW_None, KW_True, KW_and, KW_as, KW_assert, KW_async, KW_await,
    KW_break, KW_class, KW_continue, KW_def, KW_del, KW_elif, KW_else, KW_except,
    KW_finally, KW_for, KW_from, KW_global, KW_if, KW_import, KW_in, KW_is, KW_lambda,
    KW_nonlocal, KW_not, KW_or, KW_pass, KW_raise, KW_return, KW_try, KW_while, KW_with,
    KW_yield, KW_COUNT
};
static const char *const kwnames[KW_COUNT] = {
    "", "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
};

#define MAXSTACK 6000

/* ---------------------------------------------------------------- token access */

static Token *
peek(Parser *p)
{
    if (p->mark > p->maxmark)
        p->maxmark = p->mark;
    return &p->toks[p->mark];
}

static Token *
peek_n(Parser *p, int n)
{
    int m = p->mark + n;
    if (m >= p->ntoks)
        m = p->ntoks - 1;
    if (m > p->maxmark)
        p->maxmark = m;
    return &p->toks[m];
}

static Token *
advance(Parser *p)
{
    Token *t = peek(p);
    if (p->mark < p->ntoks - 1)
        p->mark++;
    return t;
}

static int at(Parser *p, int type) { Token *t = peek(p); return t->type == type && !t->kw; }
static int at_kw(Parser *p, int kw) { return peek(p)->kw == kw; }
static Token *expect(Parser *p, int type) { return at(p, type) ? advance(p) : NULL; }
static Token *expect_kw(Parser *p, int kw) { return at_kw(p, kw) ? advance(p) : NULL; }
static Token *last(Parser *p) { return &p->toks[p->mark > 0 ? p->mark - 1 : 0]; }

static int
tok_is(Token *t, const char *s)
{
    size_t n = strlen(s);
    return t->type == NAME && (size_t)(t->end - t->start) == n && memcmp(t->start, s, n) == 0;
}

static int at_soft(Parser *p, const char *s) { return tok_is(peek(p), s); }

#define START Token *_st = peek(p)
#define EXTRA _st->lineno, _st->col_offset, last(p)->end_lineno, last(p)->end_col_offset, p->arena
#define EXTRA_FROM(n) (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset, p->arena
#define ERR_CHECK(x) do { if (p->error) return NULL; } while (0)

/* ---------------------------------------------------------------- errors */

/* An error in an f-string's expression, as pegen reports it from its fstring parser: the
 * message gets "f-string: ", the text is the line of "(expression)" that was parsed and the
 * columns are byte offsets in that text; the line number stays the source's. */
static void *
raise_in_fstring(Parser *p, PyObject *type, int lineno, int col, int end_lineno, int end_col,
                 const char *msg)
{
    /* the tokens were moved to the source's positions: move them back */
    if (lineno == p->fstring_lineno)
        col -= p->fstring_col;
    if (end_lineno == p->fstring_lineno)
        end_col -= p->fstring_col;
    int bufline = lineno - p->fstring_lineno + 1;
    PyObject *text = _PyTokenizer_LineText(p->ts.buf, bufline, 1);
    if (text && PyUnicode_GET_LENGTH(text) &&
        PyUnicode_READ_CHAR(text, PyUnicode_GET_LENGTH(text) - 1) != '\n')
        Py_SETREF(text, PyUnicode_FromFormat("%U\n", text));
    if (!text)
        PyErr_Clear();
    /* pegen's fstring tokenizer has no encoding: the offsets stay in bytes */
    int off = col < 0 ? 0 : col + 1;
    int end_off = end_col < 0 ? 0 : end_col + 1;
    PyObject *full = PyUnicode_FromFormat("f-string: %s", msg);
    if (full != NULL) {
        _PyTokenizer_RaiseSyntax(type, p->filename, PyUnicode_AsUTF8(full), lineno, off, text,
                                 end_lineno, end_off);
        Py_DECREF(full);
    }
    Py_XDECREF(text);
    for (Parser *q = p; q; q = q->parent)
        q->error = 1;
    return NULL;
}

void *
_PyPegen_raise_at(Parser *p, PyObject *type, int lineno, int col, int end_lineno, int end_col,
                  const char *fmt, ...)
{
    if (p->error)
        return NULL;
    char msg[512];
    va_list va;
    va_start(va, fmt);
    vsnprintf(msg, sizeof msg, fmt, va);
    va_end(va);
    if (p->in_fstring)
        return raise_in_fstring(p, type, lineno, col, end_lineno, end_col, msg);
    Parser *root = p;
    while (root->parent)
        root = root->parent;
    const char *buf = root->ts.buf;
    /* pegen quotes the line from its tokenizer's current line (newline kept) while the
     * tokenizer has not read past it, else from the source text (no newline): an error
     * spanning lines was raised with the tokenizer past its first line */
    int nl = end_lineno <= lineno;
    PyObject *text = _PyTokenizer_LineText(buf, lineno, nl);
    if (!text)
        PyErr_Clear();
    /* byte offsets (0-based) → 1-based characters on the start line, as pegen does */
    int off = col < 0 ? col + 1
              : root->char_offsets ? _PyTokenizer_ByteToCharIn(buf, lineno, col + 1, nl) : col + 1;
    int end_off = end_col < 0 ? end_col + 1
                  : root->char_offsets ? _PyTokenizer_ByteToCharIn(buf, lineno, end_col + 1, nl)
                  : end_col + 1;
    if (end_col < 0)
        end_off = 0;
    _PyTokenizer_RaiseSyntax(type, root->filename, msg, lineno, off, text, end_lineno, end_off);
    Py_XDECREF(text);
    p->error = 1;
    for (Parser *q = p->parent; q; q = q->parent)
        q->error = 1;
    return NULL;
}

void *
_PyPegen_raise_tok(Parser *p, Token *t, const char *fmt, ...)
{
    char msg[512];
    va_list va;
    va_start(va, fmt);
    vsnprintf(msg, sizeof msg, fmt, va);
    va_end(va);
    return _PyPegen_raise_at(p, PyExc_SyntaxError, t->lineno, t->col_offset, t->end_lineno,
                             t->end_col_offset, "%s", msg);
}

#define RAISE_NODE(n, ...) _PyPegen_raise_at(p, PyExc_SyntaxError, (n)->lineno, (n)->col_offset, \
                                             (n)->end_lineno, (n)->end_col_offset, __VA_ARGS__)
#define RAISE_RANGE(a, b, ...) _PyPegen_raise_at(p, PyExc_SyntaxError, (a)->lineno, (a)->col_offset, \
                                                 (b)->end_lineno, (b)->end_col_offset, __VA_ARGS__)
/* RAISE_SYNTAX_ERROR: at the furthest token read */
#define RAISE_LAST(...) _PyPegen_raise_tok(p, &p->toks[p->maxmark], __VA_ARGS__)

int
_PyPegen_check_version(Parser *p, int version, const char *what, Token *t)
{
    if (p->feature_version >= version)
        return 1;
    if (!t) t = &p->toks[p->maxmark];
    if (t->at_eof && (t->type == DEDENT || t->type == ENDMARKER) && !p->parent) {
        /* a block closed by the end of the source: pegen's tokenizer is still on the last
         * line, past its newline, and the DEDENT has no end column */
        int i = (int)(t - p->toks);
        while (i > 0 && p->toks[i].type != NEWLINE) i--;
        Token *nl = &p->toks[i];
        PyObject *text = _PyTokenizer_LineText(p->ts.buf, nl->lineno, 1);
        if (!text) PyErr_Clear();
        PyObject *msg = PyUnicode_FromFormat("%s only supported in Python 3.%i and greater", what, version);
        if (msg) {
            _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, p->filename, PyUnicode_AsUTF8(msg), nl->lineno,
                                     nl->col_offset + 1, text, nl->lineno, -1);
            Py_DECREF(msg);
        }
        Py_XDECREF(text);
        p->error = 1;
        return 0;
    }
    _PyPegen_raise_tok(p, t, "%s only supported in Python 3.%i and greater", what, version);
    return 0;
}
#define CHECK_VERSION(v, what) _PyPegen_check_version(p, v, what, NULL)

/* pegen's RAISE_SYNTAX_ERROR (no known location) at a token that has no column in CPython
 * (DEDENT/ENDMARKER at the end of the input): the tokenizer's position, i.e. the end of the
 * last line counting its newline, and no end offset. */
static void *
raise_at_eof(Parser *p, const char *msg)
{
    Token *t = &p->toks[p->maxmark];
    int i = p->maxmark;
    while (i < p->ntoks - 1 && p->toks[i].type == DEDENT)
        i++;
    if (p->toks[i].type != ENDMARKER || p->parent)
        return RAISE_LAST("%s", msg);
    Parser *root = p;
    const char *buf = root->ts.buf;
    int lineno = t->lineno, off;
    if (t->col_offset == 0 && lineno > 1) {
        lineno--;
        const char *ls = buf;
        for (int l = 1; l < lineno && (ls = strchr(ls, '\n')); l++)
            ls++;
        if (!ls) return RAISE_LAST("%s", msg);
        off = _PyTokenizer_ByteToChar(buf, lineno, (int)strcspn(ls, "\n") + 1);
    } else {
        off = _PyTokenizer_ByteToChar(buf, lineno, t->col_offset + 1);
    }
    PyObject *text = _PyTokenizer_LineText(buf, lineno, 1);
    if (!text)
        PyErr_Clear();
    _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, p->filename, msg, lineno, off, text, lineno, -1);
    Py_XDECREF(text);
    p->error = 1;
    return NULL;
}

static void *
raise_indent_fmt(Parser *p, const char *fmt, ...)
{
    char msg[512];
    va_list va;
    va_start(va, fmt);
    vsnprintf(msg, sizeof msg, fmt, va);
    va_end(va);
    Token *t = &p->toks[p->maxmark];
    int at_eof = 0;
    for (int i = p->maxmark; i < p->ntoks && !at_eof; i++) {
        if (p->toks[i].type == ENDMARKER) at_eof = 1;
        else if (p->toks[i].type != DEDENT) break;
    }
    if (at_eof && !p->parent) {
        /* pegen's ENDMARKER has no column and stays on the last line: the error points
         * past that line's end (its newline included), with no end offset */
        const char *buf = p->ts.buf;
        size_t n = strlen(buf);
        int lineno = t->lineno;
        if (n > 0 && buf[n - 1] == '\n' && lineno > 1) lineno--;
        PyObject *text = _PyTokenizer_LineText(buf, lineno, 1);
        if (!text) PyErr_Clear();
        int len = text ? (int)PyUnicode_GET_LENGTH(text) : 0;
        _PyTokenizer_RaiseSyntax(PyExc_IndentationError, p->filename, msg, lineno, len, text,
                                 lineno, -1);
        Py_XDECREF(text);
        p->error = 1;
        return NULL;
    }
    return _PyPegen_raise_at(p, PyExc_IndentationError, t->lineno, t->col_offset, t->end_lineno,
                             t->end_col_offset, "%s", msg);
}

/* "unexpected indent"/"unexpected unindent": pegen reports the tokenizer's position
 * after the indentation as a 0-based character count, with no end offset (-1). */
static void *
raise_indent(Parser *p, const char *msg)
{
    if (p->error)
        return NULL;
    Parser *root = p;
    while (root->parent)
        root = root->parent;
    Token *t = &p->toks[p->maxmark];
    const char *buf = root->ts.buf;
    PyObject *text = _PyTokenizer_LineText(buf, t->lineno, 1);
    if (!text)
        PyErr_Clear();
    int off = t->col_offset > 0 ? _PyTokenizer_ByteToChar(buf, t->lineno, t->col_offset + 1) - 1 : 0;
    _PyTokenizer_RaiseSyntax(PyExc_IndentationError, root->filename, msg, t->lineno, off, text,
                             t->lineno, -1);
    Py_XDECREF(text);
    p->error = 1;
    for (Parser *q = p->parent; q; q = q->parent)
        q->error = 1;
    return NULL;
}

/* ---------------------------------------------------------------- sequences */

typedef struct {
    void **items;
    Py_ssize_t n, cap;
    void *small[8];
} Vec;

static void vec_init(Vec *v) { v->items = v->small; v->n = 0; v->cap = 8; }

static int
vec_push(Parser *p, Vec *v, void *x)
{
    if (v->n == v->cap) {
        Py_ssize_t cap = v->cap * 2;
        void **n = PyMem_Malloc((size_t)cap * sizeof(void *));
        if (!n) {
            PyErr_NoMemory();
            p->error = 1;
            return -1;
        }
        memcpy(n, v->items, (size_t)v->n * sizeof(void *));
        if (v->items != v->small)
            PyMem_Free(v->items);
        v->items = n;
        v->cap = cap;
    }
    v->items[v->n++] = x;
    return 0;
}

static void vec_free(Vec *v) { if (v->items != v->small) PyMem_Free(v->items); vec_init(v); }

static asdl_generic_seq *
vec_seq(Parser *p, Vec *v)
{
    asdl_generic_seq *s = _Py_asdl_generic_seq_new(v->n, p->arena);
    if (!s) {
        p->error = 1;
        vec_free(v);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < v->n; i++)
        s->typed_elements[i] = v->items[i];
    vec_free(v);
    return s;
}
#define SEQ(T, v) ((T *)vec_seq(p, (v)))

static asdl_generic_seq *
seq1(Parser *p, void *x)
{
    asdl_generic_seq *s = _Py_asdl_generic_seq_new(1, p->arena);
    if (!s) { p->error = 1; return NULL; }
    s->typed_elements[0] = x;
    return s;
}
#define EMPTY(T) ((T *)_Py_asdl_generic_seq_new(0, p->arena))

/* ---------------------------------------------------------------- identifiers */

static PyObject *
new_identifier(Parser *p, const char *s, Py_ssize_t n)
{
    PyObject *id = PyUnicode_DecodeUTF8(s, n, NULL);
    if (!id) {
        p->error = 1;
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 128) {
            /* PEP 3131: identifiers are NFKC-normalised */
            PyObject *norm = _PyUnicode_NFKC(id);
            if (!norm) {
                Py_DECREF(id);
                p->error = 1;
                return NULL;
            }
            Py_SETREF(id, norm);
            break;
        }
    }
    PyUnicode_InternInPlace(&id);
    if (_PyArena_AddPyObject(p->arena, id) < 0) {
        Py_DECREF(id);
        p->error = 1;
        return NULL;
    }
    return id;
}

static PyObject *
tok_identifier(Parser *p, Token *t)
{
    return new_identifier(p, t->start, t->end - t->start);
}

static Token *
name_token(Parser *p)
{
    Token *t = peek(p);
    if (t->type == NAME && !t->kw)
        return advance(p);
    return NULL;
}

static expr_ty
name_expr(Parser *p, Token *t, expr_context_ty ctx)
{
    PyObject *id = tok_identifier(p, t);
    if (!id)
        return NULL;
    return _PyAST_Name(id, ctx, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, p->arena);
}

/* ---------------------------------------------------------------- forward decls */

static expr_ty expression(Parser *p);
static expr_ty named_expression(Parser *p);
static expr_ty named_expression_plain(Parser *p);
static expr_ty star_expressions(Parser *p);
static expr_ty star_named_expression(Parser *p);
static expr_ty disjunction(Parser *p);
static expr_ty bitwise_or(Parser *p);
static expr_ty primary(Parser *p);
static expr_ty atom(Parser *p);
static expr_ty yield_expr(Parser *p);
static expr_ty lambdef(Parser *p);
static expr_ty slices(Parser *p);
static asdl_comprehension_seq *for_if_clauses(Parser *p);
static int call_args(Parser *p, asdl_expr_seq **args, asdl_keyword_seq **kws, int in_class);
static asdl_stmt_seq *block(Parser *p, Token *kwtok, const char *what);
static asdl_stmt_seq *statements(Parser *p);
static expr_ty set_context(Parser *p, expr_ty e, expr_context_ty ctx);
static int starts_expression(Token *t);

/* ---------------------------------------------------------------- expression helpers */

static const char *
expr_name(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind: case BinOp_kind: case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind: case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind: case FormattedValue_kind: return "f-string expression";
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (v == Py_None) return "None";
        if (v == Py_False) return "False";
        if (v == Py_True) return "True";
        if (v == Py_Ellipsis) return "ellipsis";
        return "literal";
    }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

/* CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be a target. */
static expr_ty
invalid_target(expr_ty e, int is_del)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            expr_ty c = invalid_target(asdl_seq_GET(elts, i), is_del);
            if (c)
                return c;
        }
        return NULL;
    }
    case Starred_kind:
        if (is_del)
            return e;
        return invalid_target(e->v.Starred.value, is_del);
    case Compare_kind:
        /* `for x in y` parsed as a comparison: blame the left side if it is invalid */
        if (!is_del && asdl_seq_GET(e->v.Compare.ops, 0) == In)
            return invalid_target(e->v.Compare.left, is_del);
        return e;
    case Name_kind: case Subscript_kind: case Attribute_kind:
        return NULL;
    default:
        return e;
    }
}

static expr_ty
set_context(Parser *p, expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind: e->v.Name.ctx = ctx; return e;
    case Attribute_kind: e->v.Attribute.ctx = ctx; return e;
    case Subscript_kind: e->v.Subscript.ctx = ctx; return e;
    case Starred_kind:
        if (!set_context(p, e->v.Starred.value, ctx)) return NULL;
        e->v.Starred.ctx = ctx;
        return e;
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++)
            if (!set_context(p, asdl_seq_GET(elts, i), ctx))
                return NULL;
        if (e->kind == List_kind) e->v.List.ctx = ctx; else e->v.Tuple.ctx = ctx;
        return e;
    }
    default:
        return NULL;
    }
}

/* Store/Del context or the 3.11 error ("cannot assign to ..."/"cannot delete ..."). */
static expr_ty
make_target(Parser *p, expr_ty e, expr_context_ty ctx)
{
    expr_ty bad = invalid_target(e, ctx == Del);
    if (bad)
        return RAISE_NODE(bad, ctx == Del ? "cannot delete %s" : "cannot assign to %s", expr_name(bad));
    return set_context(p, e, ctx);
}

static int
starts_expression(Token *t)
{
    switch (t->type) {
    case NAME:
        return !t->kw || t->kw == KW_None || t->kw == KW_True || t->kw == KW_False ||
               t->kw == KW_lambda || t->kw == KW_not || t->kw == KW_await;
    case NUMBER: case STRING: case LPAR: case LSQB: case LBRACE: case ELLIPSIS:
        return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- atoms */

/* A decimal literal over sys.get_int_max_str_digits(): the ValueError becomes a
 * SyntaxError with a hint, and no columns (as pegen: no wall of carets). */
static expr_ty
int_limit_error(Parser *p, Token *t)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *str = value ? PyObject_Str(value) : NULL;
    const char *msg = str ? PyUnicode_AsUTF8(str) : NULL;
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    if (msg)
        _PyPegen_raise_at(p, PyExc_SyntaxError, t->lineno, -1, t->end_lineno, -1,
                          "%s - Consider hexadecimal for huge integer literals to avoid "
                          "decimal conversion limits.", msg);
    Py_XDECREF(str);
    p->error = 1;
    return NULL;
}

static expr_ty
number(Parser *p, Token *t)
{
    Py_ssize_t n = t->end - t->start;
    /* (pegen's _PyPegen_number_token, for ast.parse(feature_version=(3, 5))) */
    if (p->feature_version < 6 && memchr(t->start, '_', (size_t)n) &&
        !_PyPegen_check_version(p, 6, "Underscores in numeric literals are", t))
        return NULL;
    char stackbuf[128];
    char *s = n < (Py_ssize_t)sizeof stackbuf ? stackbuf : PyMem_Malloc((size_t)n + 1);
    if (!s) { PyErr_NoMemory(); p->error = 1; return NULL; }
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (t->start[i] != '_')
            s[k++] = t->start[i];
    s[k] = 0;
    PyObject *v;
    char last_c = k ? s[k - 1] : 0;
    if (last_c == 'j' || last_c == 'J') {
        s[k - 1] = 0;
        double d = PyOS_string_to_double(s, NULL, NULL);
        v = (d == -1.0 && PyErr_Occurred()) ? NULL : PyComplex_FromDoubles(0.0, d);
    } else if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' ||
                               s[1] == 'b' || s[1] == 'B')) {
        v = PyLong_FromString(s, NULL, 0);
    } else if (strpbrk(s, ".eE")) {
        double d = PyOS_string_to_double(s, NULL, NULL);
        v = (d == -1.0 && PyErr_Occurred()) ? NULL : PyFloat_FromDouble(d);
    } else {
        v = PyLong_FromString(s, NULL, 10);
    }
    if (s != stackbuf)
        PyMem_Free(s);
    if (!v && PyErr_ExceptionMatches(PyExc_ValueError))
        return int_limit_error(p, t);
    if (!v || _PyArena_AddPyObject(p->arena, v) < 0) {
        Py_XDECREF(v);
        p->error = 1;
        return NULL;
    }
    return _PyAST_Constant(v, NULL, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, p->arena);
}

static expr_ty
constant_of(Parser *p, Token *t, PyObject *v)
{
    return _PyAST_Constant(v, NULL, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset, p->arena);
}

static expr_ty
strings(Parser *p)
{
    int first = p->mark;
    while (at(p, STRING))
        advance(p);
    return _PyPegen_concatenate_strings(p, first, p->mark - 1);
}

static void check_missing_comma(Parser *p, expr_ty a, Token *a_tok);

/* star_named_expressions inside [] or {} or (): comma separated, optional trailing comma
 * (stops before a `for`, which the caller reports) */
static int
star_named_list(Parser *p, Vec *v, int closing)
{
    for (;;) {
        if (at(p, closing) || at_kw(p, KW_for) ||
            (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for))
            return 0;
        Token *etok = peek(p);
        expr_ty e = star_named_expression(p);
        if (!e)
            return -1;
        if (vec_push(p, v, e) < 0)
            return -1;
        if (!expect(p, COMMA)) {
            if (!at(p, closing) && e->kind != NamedExpr_kind)
                check_missing_comma(p, e, etok);
            return 0;
        }
    }
}

/* "invalid syntax. Perhaps you forgot a comma?" inside brackets (invalid_expression) */
static void
check_missing_comma(Parser *p, expr_ty a, Token *a_tok)
{
    Token *t = peek(p);
    if (p->error || !starts_expression(t) || t->level == 0)
        return;
    if (a_tok->type == NAME && (a_tok + 1)->type == STRING && a->kind == Name_kind)
        return;
    if (tok_is(a_tok, "match") || tok_is(a_tok, "case") || tok_is(a_tok, "_"))
        if (a->kind == Name_kind)
            return;
    if (a->kind == Name_kind && (tok_is(a_tok, "print") || tok_is(a_tok, "exec")))
        return;
    int m = p->mark;
    expr_ty b = expression(p);
    if (b && !p->error) {
        RAISE_RANGE(a, b, "invalid syntax. Perhaps you forgot a comma?");
        return;
    }
    if (!p->error)
        p->mark = m;
}

/* pegen's invalid_comprehension: "[a, b for ...]" / "{a, for ...}" (items seen so far in v,
 * a comma read after the last) — 1 when the error was raised. */
static int
comprehension_target_error(Parser *p, Vec *v)
{
    if (p->error || v->n < 1 || !(at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for)))
        return 0;
    expr_ty a = (expr_ty)v->items[0];
    if (v->n >= 2) {
        expr_ty b = (expr_ty)v->items[v->n - 1];
        RAISE_RANGE(a, b, "did you forget parentheses around the comprehension target?");
        return 1;
    }
    if (v->n == 1 && p->toks[p->mark - 1].type == COMMA) {
        Token *b = &p->toks[p->mark - 1];
        RAISE_RANGE(a, b, "did you forget parentheses around the comprehension target?");
        return 1;
    }
    return 0;
}

static expr_ty
group_tuple_genexp(Parser *p)
{
    START;
    advance(p); /* ( */
    if (expect(p, RPAR))
        return _PyAST_Tuple(EMPTY(asdl_expr_seq), Load, EXTRA);
    if (at_kw(p, KW_yield)) {
        expr_ty y = yield_expr(p);
        if (!y) return NULL;
        if (!expect(p, RPAR)) return NULL;
        return y;
    }
    if (at(p, DOUBLESTAR)) {
        /* pegen's invalid_group: '(' '**' expression ')' */
        Token *a = peek(p);
        advance(p);
        expr_ty e = expression(p);
        if (e && at(p, RPAR))
            return _PyPegen_raise_tok(p, a, "cannot use double starred expression here");
        return NULL;
    }
    Token *ftok = peek(p);
    expr_ty first = star_named_expression(p);
    if (!first)
        return NULL;
    if (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for)) {
        if (first->kind == Starred_kind)
            return RAISE_NODE(first, "iterable unpacking cannot be used in comprehension");
        asdl_comprehension_seq *gens = for_if_clauses(p);
        if (!gens) return NULL;
        if (!expect(p, RPAR)) return NULL;
        return _PyAST_GeneratorExp(first, gens, EXTRA);
    }
    if (expect(p, RPAR)) {
        if (first->kind == Starred_kind)
            return RAISE_NODE(first, "cannot use starred expression here");
        return first;
    }
    if (!at(p, COMMA)) {
        if (first->kind != NamedExpr_kind)
            check_missing_comma(p, first, ftok);
        return NULL;
    }
    Vec v;
    vec_init(&v);
    vec_push(p, &v, first);
    advance(p);
    if (star_named_list(p, &v, RPAR) < 0 || !expect(p, RPAR)) {
        vec_free(&v);
        return NULL;
    }
    return _PyAST_Tuple(SEQ(asdl_expr_seq, &v), Load, EXTRA);
}

static expr_ty
list_or_listcomp(Parser *p)
{
    START;
    advance(p);
    Vec v;
    vec_init(&v);
    if (!at(p, RSQB)) {
        Token *ftok = peek(p);
        expr_ty first = star_named_expression(p);
        if (!first) return NULL;
        if (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for)) {
            if (first->kind == Starred_kind)
                return RAISE_NODE(first, "iterable unpacking cannot be used in comprehension");
            asdl_comprehension_seq *gens = for_if_clauses(p);
            if (!gens || !expect(p, RSQB)) return NULL;
            return _PyAST_ListComp(first, gens, EXTRA);
        }
        vec_push(p, &v, first);
        if (expect(p, COMMA)) {
            if (star_named_list(p, &v, RSQB) < 0) { vec_free(&v); return NULL; }
            if (comprehension_target_error(p, &v)) { vec_free(&v); return NULL; }
        } else if (!at(p, RSQB)) {
            check_missing_comma(p, first, ftok);
        }
    }
    if (!expect(p, RSQB)) { vec_free(&v); return NULL; }
    return _PyAST_List(SEQ(asdl_expr_seq, &v), Load, EXTRA);
}

static expr_ty
dict_or_set(Parser *p)
{
    START;
    advance(p);
    if (expect(p, RBRACE))
        return _PyAST_Dict(EMPTY(asdl_expr_seq), EMPTY(asdl_expr_seq), EXTRA);
    Vec keys, vals;
    vec_init(&keys);
    vec_init(&vals);
    int is_dict = -1;
    for (;;) {
        if (at(p, RBRACE))
            break;
        if (is_dict == 0 && comprehension_target_error(p, &keys))
            goto fail;
        if (is_dict != 0 && at(p, DOUBLESTAR)) {
            Token *dstar = advance(p);
            expr_ty v = bitwise_or(p);
            if (!v) goto fail;
            if (is_dict == -1 && (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for))) {
                /* invalid_dict_comprehension: `{**d for x in y}`, at the '**' */
                if (for_if_clauses(p) && at(p, RBRACE))
                    _PyPegen_raise_tok(p, dstar, "dict unpacking cannot be used in dict comprehension");
                goto fail;
            }
            vec_push(p, &keys, NULL);
            vec_push(p, &vals, v);
            is_dict = 1;
        } else {
            Token *ftok = peek(p);
            expr_ty k = is_dict == 1 ? expression(p) : star_named_expression(p);
            if (!k) goto fail;
            if (is_dict != 0 && at(p, COLON)) {
                if (k->kind == Starred_kind)
                    { RAISE_NODE(k, "cannot use a starred expression in a dictionary value"); goto fail; }
                advance(p);
                if (at(p, RBRACE) || at(p, COMMA)) {
                    RAISE_LAST("expression expected after dictionary key and ':'");
                    goto fail;
                }
                if (at(p, STAR)) {   /* invalid_double_starred_kvpairs */
                    Token *st = advance(p);
                    expr_ty sv = bitwise_or(p);
                    if (sv)
                        RAISE_RANGE(st, sv, "cannot use a starred expression in a dictionary value");
                    goto fail;
                }
                Token *vtok = peek(p);
                expr_ty v = expression(p);
                if (!v) goto fail;
                if (is_dict == -1 && (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for))) {
                    asdl_comprehension_seq *gens = for_if_clauses(p);
                    if (!gens || !expect(p, RBRACE)) goto fail;
                    vec_free(&keys); vec_free(&vals);
                    return _PyAST_DictComp(k, v, gens, EXTRA);
                }
                vec_push(p, &keys, k);
                vec_push(p, &vals, v);
                is_dict = 1;
                if (!at(p, COMMA) && !at(p, RBRACE))
                    check_missing_comma(p, v, vtok);
            } else if (is_dict == 1) {
                /* invalid_kvpair: at the key's last character, no end */
                if (!p->error)
                    _PyPegen_raise_at(p, PyExc_SyntaxError, k->lineno, k->end_col_offset - 1,
                                      k->end_lineno, -1, "':' expected after dictionary key");
                goto fail;
            } else {
                if (is_dict == -1 && (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for))) {
                    if (k->kind == Starred_kind)
                        { RAISE_NODE(k, "iterable unpacking cannot be used in comprehension"); goto fail; }
                    asdl_comprehension_seq *gens = for_if_clauses(p);
                    if (!gens || !expect(p, RBRACE)) goto fail;
                    vec_free(&keys); vec_free(&vals);
                    return _PyAST_SetComp(k, gens, EXTRA);
                }
                vec_push(p, &keys, k);
                is_dict = 0;
                if (comprehension_target_error(p, &keys)) goto fail;
                if (!at(p, COMMA) && !at(p, RBRACE))
                    check_missing_comma(p, k, ftok);
            }
        }
        if (!expect(p, COMMA))
            break;
    }
    if (!expect(p, RBRACE)) goto fail;
    if (is_dict == 0) {
        vec_free(&vals);
        return _PyAST_Set(SEQ(asdl_expr_seq, &keys), EXTRA);
    }
    {
        asdl_expr_seq *ks = SEQ(asdl_expr_seq, &keys);
        asdl_expr_seq *vs = SEQ(asdl_expr_seq, &vals);
        if (!ks || !vs) return NULL;
        return _PyAST_Dict(ks, vs, EXTRA);
    }
fail:
    vec_free(&keys);
    vec_free(&vals);
    return NULL;
}

static expr_ty
atom(Parser *p)
{
    Token *t = peek(p);
    switch (t->type) {
    case NAME:
        switch (t->kw) {
        case KW_NONE: advance(p); return name_expr(p, t, Load);
        case KW_True: advance(p); return constant_of(p, t, Py_True);
        case KW_False: advance(p); return constant_of(p, t, Py_False);
        case KW_None: advance(p); return constant_of(p, t, Py_None);
        default: return NULL;
        }
    case NUMBER: advance(p); return number(p, t);
    case STRING: return strings(p);
    case LPAR: return group_tuple_genexp(p);
    case LSQB: return list_or_listcomp(p);
    case LBRACE: return dict_or_set(p);
    case ELLIPSIS: advance(p); return constant_of(p, t, Py_Ellipsis);
    }
    return NULL;
}

/* ---------------------------------------------------------------- primary */

static expr_ty
slice_item(Parser *p)
{
    START;
    expr_ty lower = NULL, upper = NULL, step = NULL;
    if (!at(p, COLON)) {
        if (at(p, STAR)) {
            advance(p);
            expr_ty v = expression(p); /* starred_expression: '*' expression */
            if (!v) return NULL;
            return _PyAST_Starred(v, Load, EXTRA);
        }
        lower = named_expression(p);
        if (!lower) return NULL;
        if (!at(p, COLON))
            return lower;
    }
    advance(p); /* : */
    if (!at(p, COLON) && !at(p, COMMA) && !at(p, RSQB)) {
        upper = expression(p);
        if (!upper) return NULL;
    }
    if (expect(p, COLON)) {
        if (!at(p, COMMA) && !at(p, RSQB)) {
            step = expression(p);
            if (!step) return NULL;
        }
    }
    return _PyAST_Slice(lower, upper, step, EXTRA);
}

static expr_ty
slices(Parser *p)
{
    START;
    expr_ty first = slice_item(p);
    if (!first) return NULL;
    /* a lone starred item is still a tuple: a[*b] is a[(*b,)] */
    if (!at(p, COMMA) && first->kind != Starred_kind)
        return first;
    Vec v;
    vec_init(&v);
    vec_push(p, &v, first);
    while (expect(p, COMMA)) {
        if (at(p, RSQB)) break;
        expr_ty e = slice_item(p);
        if (!e) { vec_free(&v); return NULL; }
        vec_push(p, &v, e);
    }
    return _PyAST_Tuple(SEQ(asdl_expr_seq, &v), Load, EXTRA);
}

static expr_ty
primary_tail(Parser *p, Token *_st, expr_ty e)
{
    for (;;) {
        if (p->error) return NULL;
        if (at(p, DOT)) {
            advance(p);
            Token *n = name_token(p);
            if (!n) return NULL;
            PyObject *id = tok_identifier(p, n);
            if (!id) return NULL;
            e = _PyAST_Attribute(e, id, Load, EXTRA);
        } else if (at(p, LPAR)) {
            Token *lp = advance(p);
            asdl_expr_seq *args;
            asdl_keyword_seq *kws;
            /* a lone generator expression argument: f(x for x in y) */
            int m = p->mark;
            if (!at(p, RPAR) && !at(p, STAR) && !at(p, DOUBLESTAR)) {
                expr_ty g = named_expression_plain(p);
                if (g && (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for))) {
                    asdl_comprehension_seq *gens = for_if_clauses(p);
                    if (!gens) return NULL;
                    if (!expect(p, RPAR)) {
                        /* (3.11's rule reads on after the ',': a tokenizer error there
                         * is reported instead) */
                        if (at(p, COMMA) && peek_n(p, 1)->type != ERRORTOKEN)
                            return RAISE_RANGE(g, last(p), "Generator expression must be parenthesized");
                        return NULL;
                    }
                    expr_ty ge = _PyAST_GeneratorExp(g, gens, lp->lineno, lp->col_offset,
                                                     last(p)->end_lineno, last(p)->end_col_offset, p->arena);
                    if (!ge) return NULL;
                    e = _PyAST_Call(e, (asdl_expr_seq *)seq1(p, ge), EMPTY(asdl_keyword_seq), EXTRA);
                    continue;
                }
                ERR_CHECK(0);
                p->mark = m;
            }
            if (call_args(p, &args, &kws, 0) < 0) return NULL;
            if (!expect(p, RPAR)) return NULL;
            e = _PyAST_Call(e, args, kws, EXTRA);
        } else if (at(p, LSQB)) {
            advance(p);
            expr_ty s = slices(p);
            if (!s) return NULL;
            if (!expect(p, RSQB)) return NULL;
            e = _PyAST_Subscript(e, s, Load, EXTRA);
        } else {
            return e;
        }
        if (!e) return NULL;
    }
}

static expr_ty
primary(Parser *p)
{
    START;
    expr_ty a = atom(p);
    if (!a) return NULL;
    return primary_tail(p, _st, a);
}

static expr_ty
await_primary(Parser *p)
{
    START;
    if (expect_kw(p, KW_await)) {
        expr_ty a = primary(p);
        if (!a) return NULL;
        if (!CHECK_VERSION(5, "Await expressions are")) return NULL;
        return _PyAST_Await(a, EXTRA);
    }
    return primary(p);
}

static expr_ty factor(Parser *p);

static expr_ty
power(Parser *p)
{
    START;
    expr_ty a = await_primary(p);
    if (!a) return NULL;
    if (expect(p, DOUBLESTAR)) {
        expr_ty b = factor(p);
        if (!b) return NULL;
        return _PyAST_BinOp(a, Pow, b, EXTRA);
    }
    return a;
}

static expr_ty
factor(Parser *p)
{
    START;
    unaryop_ty op;
    if (at(p, PLUS)) op = UAdd;
    else if (at(p, MINUS)) op = USub;
    else if (at(p, TILDE)) op = Invert;
    else return power(p);
    if (++p->depth > MAXSTACK) {
        PyErr_SetString(PyExc_MemoryError, "");
        p->error = 1;
        return NULL;
    }
    advance(p);
    expr_ty a = factor(p);
    p->depth--;
    if (!a) return NULL;
    return _PyAST_UnaryOp(op, a, EXTRA);
}

static int
binop_of(Token *t, int level)
{
    if (t->kw) return 0;
    switch (level) {
    case 0: return t->type == STAR ? Mult : t->type == SLASH ? Div : t->type == DOUBLESLASH ? FloorDiv
                 : t->type == PERCENT ? Mod : t->type == AT ? MatMult : 0;
    case 1: return t->type == PLUS ? Add : t->type == MINUS ? Sub : 0;
    case 2: return t->type == LEFTSHIFT ? LShift : t->type == RIGHTSHIFT ? RShift : 0;
    case 3: return t->type == AMPER ? BitAnd : 0;
    case 4: return t->type == CIRCUMFLEX ? BitXor : 0;
    case 5: return t->type == VBAR ? BitOr : 0;
    }
    return 0;
}

static expr_ty
binary(Parser *p, int level)
{
    START;
    expr_ty a = level == 0 ? factor(p) : binary(p, level - 1);
    if (!a) return NULL;
    int op;
    while ((op = binop_of(peek(p), level))) {
        advance(p);
        expr_ty b = level == 0 ? factor(p) : binary(p, level - 1);
        if (!b) return NULL;
        if (op == MatMult && !CHECK_VERSION(5, "The '@' operator is")) return NULL;
        a = _PyAST_BinOp(a, (operator_ty)op, b, EXTRA);
        if (!a) return NULL;
    }
    return a;
}

static expr_ty bitwise_or(Parser *p) { return binary(p, 5); }

static int
compare_op(Parser *p)
{
    Token *t = peek(p);
    switch (t->type) {
    case EQEQUAL: advance(p); return Eq;
    case NOTEQUAL:
        /* `<>` only with barry_as_FLUFL (compile flag), which in turn rejects `!=` */
        if (!(p->flags & CO_FUTURE_BARRY_AS_BDFL)) {
            if (t->start[0] == '<') return 0;
        } else if (t->start[0] != '<') {
            _PyPegen_raise_tok(p, t, "with Barry as BDFL, use '<>' instead of '!='");
            return 0;
        }
        advance(p);
        return NotEq;
    case LESS: advance(p); return Lt;
    case LESSEQUAL: advance(p); return LtE;
    case GREATER: advance(p); return Gt;
    case GREATEREQUAL: advance(p); return GtE;
    case NAME:
        if (t->kw == KW_in) { advance(p); return In; }
        if (t->kw == KW_not && peek_n(p, 1)->kw == KW_in) { advance(p); advance(p); return NotIn; }
        if (t->kw == KW_is) {
            advance(p);
            if (expect_kw(p, KW_not)) return IsNot;
            return Is;
        }
    }
    return 0;
}

static expr_ty
comparison(Parser *p)
{
    START;
    expr_ty a = bitwise_or(p);
    if (!a) return NULL;
    int op = compare_op(p);
    if (!op) return a;
    Vec ops, cmps;
    vec_init(&ops);
    vec_init(&cmps);
    while (op) {
        expr_ty b = bitwise_or(p);
        if (!b) { vec_free(&ops); vec_free(&cmps); return NULL; }
        vec_push(p, &ops, (void *)(intptr_t)op);
        vec_push(p, &cmps, b);
        op = compare_op(p);
    }
    asdl_int_seq *is = _Py_asdl_int_seq_new(ops.n, p->arena);
    if (!is) { vec_free(&ops); vec_free(&cmps); return NULL; }
    for (Py_ssize_t i = 0; i < ops.n; i++)
        is->typed_elements[i] = (int)(intptr_t)ops.items[i];
    vec_free(&ops);
    return _PyAST_Compare(a, is, SEQ(asdl_expr_seq, &cmps), EXTRA);
}

static expr_ty
inversion(Parser *p)
{
    START;
    if (expect_kw(p, KW_not)) {
        if (++p->depth > MAXSTACK) { PyErr_SetString(PyExc_MemoryError, ""); p->error = 1; return NULL; }
        expr_ty a = inversion(p);
        p->depth--;
        if (!a) return NULL;
        return _PyAST_UnaryOp(Not, a, EXTRA);
    }
    return comparison(p);
}

static expr_ty
boolop(Parser *p, int kw)
{
    START;
    expr_ty a = kw == KW_and ? inversion(p) : boolop(p, KW_and);
    if (!a || !at_kw(p, kw)) return a;
    Vec v;
    vec_init(&v);
    vec_push(p, &v, a);
    while (expect_kw(p, kw)) {
        expr_ty b = kw == KW_and ? inversion(p) : boolop(p, KW_and);
        if (!b) { vec_free(&v); return NULL; }
        vec_push(p, &v, b);
    }
    return _PyAST_BoolOp(kw == KW_and ? And : Or, SEQ(asdl_expr_seq, &v), EXTRA);
}

static expr_ty disjunction(Parser *p) { return boolop(p, KW_or); }

static expr_ty
expression(Parser *p)
{
    if (at_kw(p, KW_lambda))
        return lambdef(p);
    START;
    if (++p->depth > MAXSTACK) {
        PyErr_SetString(PyExc_MemoryError, "");
        p->error = 1;
        return NULL;
    }
    expr_ty a = disjunction(p);
    p->depth--;
    if (!a) return NULL;
    if (at_kw(p, KW_if)) {
        advance(p);
        expr_ty b = disjunction(p);
        if (!b) return NULL;
        if (!expect_kw(p, KW_else)) {
            if (!at(p, COLON) && !p->error)
                return RAISE_RANGE(a, b, "expected 'else' after 'if' expression");
            return NULL;
        }
        expr_ty c = expression(p);
        if (!c) return NULL;
        return _PyAST_IfExp(b, a, c, EXTRA);
    }
    return a;
}

/* named_expression without 3.11's invalid_named_expression: call arguments (3.11's
 * `args` rule reads `assignment_expression | expression`, whose own errors differ). */
static expr_ty
named_expression_plain(Parser *p)
{
    START;
    Token *t = peek(p);
    if (t->type == NAME && !t->kw && peek_n(p, 1)->type == COLONEQUAL) {
        advance(p);
        advance(p);
        expr_ty v = expression(p);
        if (!v) return NULL;
        expr_ty target = name_expr(p, t, Store);
        if (!target) return NULL;
        if (!CHECK_VERSION(8, "Assignment expressions are")) return NULL;
        return _PyAST_NamedExpr(target, v, EXTRA);
    }
    expr_ty e = expression(p);
    if (e && at(p, COLONEQUAL))
        return RAISE_NODE(e, "cannot use assignment expressions with %s", expr_name(e));
    return e;
}

/* Is e something 3.11's bitwise_or rule reads whole (so `e =` can follow it)? */
static int is_bitwise_or_level(expr_ty e)
{
    switch (e->kind) {
    case BoolOp_kind: case Compare_kind: case IfExp_kind: case Lambda_kind: case NamedExpr_kind:
    case Starred_kind:
        return 0;
    case UnaryOp_kind:
        return e->v.UnaryOp.op != Not;
    default:
        return 1;
    }
}

/* 3.11's lookahead !(list|tuple|genexp|'True'|'None'|'False') at the start of e: the
 * leftmost atom of e is a list/tuple display or a generator expression beginning at
 * e's first token, or that token is one of the three keywords. */
static int starts_with_display(Token *first, expr_ty e)
{
    if (first->kw == KW_True || first->kw == KW_None || first->kw == KW_False)
        return 1;
    for (;;) {
        switch (e->kind) {
        case Attribute_kind: e = e->v.Attribute.value; continue;
        case Subscript_kind: e = e->v.Subscript.value; continue;
        case Call_kind: e = e->v.Call.func; continue;
        case BinOp_kind: e = e->v.BinOp.left; continue;
        default: break;
        }
        break;
    }
    if (e->kind != List_kind && e->kind != Tuple_kind && e->kind != GeneratorExp_kind)
        return 0;
    return e->lineno == first->lineno && e->col_offset == first->col_offset;
}

/* 3.11's invalid_named_expression for `e = b` where `==` (or `:=`) was meant, e.g.
 * `{'a'=1}` or `if x=1:`.  e was read from first; the parser is at the '='.  Raises
 * and returns NULL when the pattern matches, else returns e with the position kept. */
static expr_ty
invalid_named_expression(Parser *p, Token *first, expr_ty e)
{
    if (p->error || !at(p, EQUAL) || !is_bitwise_or_level(e))
        return e;
    /* (a probe: the generic error stays at the furthest token of the normal parse, as
     * 3.11 reports the first pass's last token) */
    int m = p->mark, maxmark = p->maxmark;
    advance(p);
    expr_ty b = bitwise_or(p);
    if (p->error)
        return NULL;
    int ok = b != NULL && !at(p, EQUAL) && !at(p, COLONEQUAL);
    p->mark = m;
    p->maxmark = maxmark;
    if (!ok)
        return e;
    if (e->kind == Name_kind && first->type == NAME && &p->toks[m] == first + 1)
        return RAISE_RANGE(e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    if (starts_with_display(first, e))
        return e;
    return RAISE_NODE(e, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      expr_name(e));
}

static expr_ty
named_expression(Parser *p)
{
    Token *first = peek(p);
    expr_ty e = named_expression_plain(p);
    if (e == NULL || !at(p, EQUAL) || p->no_invalid_named)
        return e;
    return invalid_named_expression(p, first, e);
}

static expr_ty
star_named_expression(Parser *p)
{
    START;
    if (expect(p, STAR)) {
        expr_ty a = bitwise_or(p);
        if (!a) return NULL;
        return _PyAST_Starred(a, Load, EXTRA);
    }
    return named_expression(p);
}

static expr_ty
star_expression(Parser *p)
{
    START;
    if (expect(p, STAR)) {
        expr_ty a = bitwise_or(p);
        if (!a) return NULL;
        return _PyAST_Starred(a, Load, EXTRA);
    }
    return expression(p);
}

/* comma-separated items; a tuple (without parentheses) when there is a comma */
static expr_ty
tuple_of(Parser *p, expr_ty (*item)(Parser *))
{
    START;
    expr_ty a = item(p);
    if (!a || !at(p, COMMA)) return a;
    Vec v;
    vec_init(&v);
    vec_push(p, &v, a);
    while (expect(p, COMMA)) {
        if (!starts_expression(peek(p)) && !at(p, STAR) && !at(p, MINUS) && !at(p, PLUS) &&
            !at(p, TILDE) && !at_kw(p, KW_await))
            break;
        expr_ty b = item(p);
        if (!b) { vec_free(&v); return NULL; }
        vec_push(p, &v, b);
    }
    return _PyAST_Tuple(SEQ(asdl_expr_seq, &v), Load, EXTRA);
}

static expr_ty star_expressions(Parser *p) { return tuple_of(p, star_expression); }

/* star_target for `for` / comprehension / `with ... as` targets: parsed at bitwise_or level
 * so that the `in` that follows is not taken as a comparison; make_target() validates. */
static expr_ty
star_target(Parser *p)
{
    START;
    if (expect(p, STAR)) {
        if (at(p, STAR))
            return RAISE_LAST("invalid syntax");
        expr_ty a = star_target(p);
        if (!a) return NULL;
        return _PyAST_Starred(a, Load, EXTRA);
    }
    return bitwise_or(p);
}

static expr_ty
yield_expr(Parser *p)
{
    START;
    advance(p); /* yield */
    if (expect_kw(p, KW_from)) {
        expr_ty a = expression(p);
        if (!a) return NULL;
        return _PyAST_YieldFrom(a, EXTRA);
    }
    expr_ty v = NULL;
    if (starts_expression(peek(p)) || at(p, STAR) || at(p, MINUS) || at(p, PLUS) || at(p, TILDE) ||
        at_kw(p, KW_await)) {
        v = star_expressions(p);
        if (!v) return NULL;
    }
    return _PyAST_Yield(v, EXTRA);
}

/* ---------------------------------------------------------------- comprehensions */

static asdl_comprehension_seq *
for_if_clauses(Parser *p)
{
    Vec v;
    vec_init(&v);
    while (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for)) {
        int is_async = 0;
        if (expect_kw(p, KW_async))
            is_async = 1;
        advance(p); /* for */
        expr_ty target = tuple_of(p, star_target);
        if (!target) { vec_free(&v); return NULL; }
        if (!expect_kw(p, KW_in)) {
            if (!p->error) {
                expr_ty bad = invalid_target(target, 0);
                if (bad) RAISE_NODE(bad, "cannot assign to %s", expr_name(bad));
                else RAISE_LAST("'in' expected after for-loop variables");
            }
            vec_free(&v);
            return NULL;
        }
        if (!make_target(p, target, Store)) { vec_free(&v); return NULL; }
        expr_ty iter = disjunction(p);
        if (!iter) { vec_free(&v); return NULL; }
        Vec ifs;
        vec_init(&ifs);
        while (expect_kw(p, KW_if)) {
            expr_ty c = disjunction(p);
            if (!c) { vec_free(&ifs); vec_free(&v); return NULL; }
            vec_push(p, &ifs, c);
        }
        if (at(p, COMMA) && peek(p)->level > 0 && 0) { }
        if (is_async && !CHECK_VERSION(6, "Async comprehensions are")) { vec_free(&ifs); vec_free(&v); return NULL; }
        comprehension_ty c = _PyAST_comprehension(target, iter, SEQ(asdl_expr_seq, &ifs), is_async, p->arena);
        if (!c) { vec_free(&v); return NULL; }
        vec_push(p, &v, c);
    }
    return SEQ(asdl_comprehension_seq, &v);
}

/* ---------------------------------------------------------------- call arguments */

static int
call_args(Parser *p, asdl_expr_seq **args_out, asdl_keyword_seq **kws_out, int in_class)
{
    Vec args, kws;
    vec_init(&args);
    vec_init(&kws);
    int seen_kw = 0, seen_dstar = 0;
    const char *late_error = NULL; /* pegen reports these after reading the following args */
    Token *first = peek(p);
    while (!at(p, RPAR)) {
        Token *st = peek(p);
        if (at(p, STAR)) {
            if (seen_dstar) {
                /* invalid_arguments: a=args ',' '*' — the args parsed so far */
                RAISE_RANGE(first, &p->toks[p->mark - 2], "iterable argument unpacking follows keyword argument unpacking");
                goto fail;
            }
            advance(p);
            expr_ty v = expression(p);
            if (!v) goto fail;
            expr_ty s = _PyAST_Starred(v, Load, st->lineno, st->col_offset, last(p)->end_lineno, last(p)->end_col_offset, p->arena);
            vec_push(p, &args, s);
        } else if (at(p, DOUBLESTAR)) {
            advance(p);
            expr_ty v = expression(p);
            if (!v) goto fail;
            keyword_ty k = _PyAST_keyword(NULL, v, st->lineno, st->col_offset, last(p)->end_lineno, last(p)->end_col_offset, p->arena);
            vec_push(p, &kws, k);
            seen_dstar = 1;
        } else if (st->type == NAME && !st->kw && peek_n(p, 1)->type == EQUAL) {
            advance(p);
            advance(p);
            expr_ty v = expression(p);
            if (!v) goto fail;
            if (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for)) {
                /* invalid_kwarg: `f(a = i for i in x)`, from the name to the '=' */
                RAISE_RANGE(st, st + 1, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                goto fail;
            }
            if (at(p, EQUAL)) {
                RAISE_RANGE(st, last(p), "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            PyObject *id = tok_identifier(p, st);
            if (!id) goto fail;
            keyword_ty k = _PyAST_keyword(id, v, st->lineno, st->col_offset, last(p)->end_lineno, last(p)->end_col_offset, p->arena);
            vec_push(p, &kws, k);
            seen_kw = 1;
        } else {
            expr_ty e = named_expression_plain(p);
            if (!e) goto fail;
            if (at(p, EQUAL)) {
                Token *eq = peek(p);
                if (e->kind == Constant_kind && (e->v.Constant.value == Py_True ||
                    e->v.Constant.value == Py_False || e->v.Constant.value == Py_None))
                    RAISE_RANGE(e, eq, "cannot assign to %s", expr_name(e));
                else
                    RAISE_RANGE(e, eq, "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            if (at_kw(p, KW_for) || (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_for)) {
                Token *for_tok = peek(p);
                asdl_comprehension_seq *g = for_if_clauses(p);
                if (!g) goto fail;
                if (in_class && args.n == 0 && kws.n == 0 && !at(p, COMMA)) {
                    /* `class C(x for x in y)`: 3.11's _PyPegen_nonparen_genexp_in_call
                     * leaves a lone argument to the generic error, at the `for` */
                    _PyPegen_raise_tok(p, for_tok, "invalid syntax");
                    goto fail;
                }
                expr_ty last_e = (expr_ty)last(p);
                (void)last_e;
                RAISE_RANGE(e, last(p), "Generator expression must be parenthesized");
                goto fail;
            }
            if (!late_error && seen_dstar)
                late_error = "positional argument follows keyword argument unpacking";
            else if (!late_error && seen_kw)
                late_error = "positional argument follows keyword argument";
            vec_push(p, &args, e);
            if (!at(p, COMMA) && !at(p, RPAR))
                check_missing_comma(p, e, st);
        }
        if (p->error) goto fail;
        if (!expect(p, COMMA))
            break;
    }
    if (late_error) {
        /* _PyPegen_arguments_parsing_error: at the last token read */
        RAISE_LAST("%s", late_error);
        goto fail;
    }
    *args_out = SEQ(asdl_expr_seq, &args);
    *kws_out = SEQ(asdl_keyword_seq, &kws);
    return (*args_out && *kws_out) ? 0 : -1;
fail:
    vec_free(&args);
    vec_free(&kws);
    return -1;
}

/* ---------------------------------------------------------------- parameters */

/* [TYPE_COMMENT] (only produced with PyCF_TYPE_COMMENTS): its text as a str, or NULL
 * when there is none (p->error tells failures apart). */
static PyObject *
opt_type_comment(Parser *p)
{
    if (!at(p, TYPE_COMMENT)) return NULL;
    Token *t = advance(p);
    PyObject *s = PyUnicode_DecodeUTF8(t->start, t->end - t->start, NULL);
    if (!s || _PyArena_AddPyObject(p->arena, s) < 0) {
        Py_XDECREF(s);
        p->error = 1;
        return NULL;
    }
    return s;
}

/* def parameters: param ',' TYPE_COMMENT? | param TYPE_COMMENT? &')'.  Called after the
 * optional ',' was taken (comma says whether it was there). */
static int
param_type_comment(Parser *p, arg_ty a, int closing, int comma)
{
    if (!a || closing != RPAR || !at(p, TYPE_COMMENT) || (!comma && peek_n(p, 1)->type != RPAR))
        return 0;
    a->type_comment = opt_type_comment(p);
    return p->error ? -1 : 0;
}

static arg_ty
param(Parser *p, int annotated, int star_annotation)
{
    Token *n = name_token(p);
    if (!n) return NULL;
    PyObject *id = tok_identifier(p, n);
    if (!id) return NULL;
    expr_ty ann = NULL;
    if (annotated && expect(p, COLON)) {
        if (star_annotation && at(p, STAR)) {
            Token *st = advance(p);
            expr_ty v = bitwise_or(p);
            if (!v) return NULL;
            ann = _PyAST_Starred(v, Load, st->lineno, st->col_offset, last(p)->end_lineno, last(p)->end_col_offset, p->arena);
        } else {
            ann = expression(p);
        }
        if (!ann) return NULL;
    }
    return _PyAST_arg(id, ann, NULL, n->lineno, n->col_offset, last(p)->end_lineno,
                      last(p)->end_col_offset, p->arena);
}

/* def/lambda parameters up to `closing` (RPAR or COLON). */
/* 3.11's `'(' param_no_default+ ','? ')'` where a parameter was expected (only plain
 * parameters before it): -1 with the error raised, else 0 with the position kept. */
static int
parenthesized_params(Parser *p, int annotated)
{
    int m = p->mark, maxmark = p->maxmark, n = 0;
    Token *lp = advance(p);
    while (at(p, NAME) && !peek(p)->kw) {
        advance(p);
        if (annotated && expect(p, COLON) && !expression(p))
            break;
        n++;
        if (!expect(p, COMMA))
            break;
    }
    if (!p->error && n > 0 && at(p, RPAR)) {
        RAISE_RANGE(lp, peek(p), annotated ? "Function parameters cannot be parenthesized"
                                           : "Lambda expression parameters cannot be parenthesized");
        return -1;
    }
    if (p->error)
        return -1;
    p->mark = m;
    p->maxmark = maxmark;
    return 0;
}

static arguments_ty
parameters(Parser *p, int closing, int annotated)
{
    Vec posonly, args, defaults, kwonly, kwdefaults;
    vec_init(&posonly); vec_init(&args); vec_init(&defaults); vec_init(&kwonly); vec_init(&kwdefaults);
    arg_ty vararg = NULL, kwarg = NULL;
    int seen_star = 0, seen_default = 0, seen_slash = 0;
    while (!at(p, closing)) {
        arg_ty cur = NULL; /* gets a type comment, if any */
        if (at(p, LPAR) && !seen_default && !seen_slash && !seen_star &&
            parenthesized_params(p, annotated) < 0)
            goto fail;
        if (at(p, SLASH)) {
            Token *sl = advance(p);
            if (seen_star) { _PyPegen_raise_tok(p, sl, "/ must be ahead of *"); goto fail; }
            if (seen_slash || !args.n) {
                if (seen_slash) _PyPegen_raise_tok(p, sl, "/ may appear only once");
                else _PyPegen_raise_tok(p, sl, "at least one argument must precede /");
                goto fail;
            }
            if (at(p, STAR)) {
                _PyPegen_raise_tok(p, peek(p), "expected comma between / and *");
                goto fail;
            }
            seen_slash = 1;
            for (Py_ssize_t i = 0; i < args.n; i++) vec_push(p, &posonly, args.items[i]);
            args.n = 0;
        } else if (at(p, STAR)) {
            Token *st = advance(p);
            if (seen_star) { _PyPegen_raise_tok(p, st, "* argument may appear only once"); goto fail; }
            seen_star = 1;
            if (at(p, COMMA) || at(p, closing)) {
                if (at(p, closing) || peek_n(p, 1)->type == closing ||
                    peek_n(p, 1)->type == DOUBLESTAR) {
                    /* pegen: at the '*' in a def (invalid_star_etc), at the last token
                       read in a lambda (invalid_lambda_star_etc) */
                    if (annotated)
                        _PyPegen_raise_tok(p, st, "named arguments must follow bare *");
                    else
                        RAISE_LAST("named arguments must follow bare *");
                    goto fail;
                }
            } else {
                vararg = cur = param(p, annotated, 1);
                if (!vararg) goto fail;
                if (at(p, EQUAL)) { RAISE_LAST("var-positional argument cannot have default value"); goto fail; }
            }
        } else if (at(p, DOUBLESTAR)) {
            advance(p);
            kwarg = param(p, annotated, 0);
            if (!kwarg) goto fail;
            if (at(p, EQUAL)) { RAISE_LAST("var-keyword argument cannot have default value"); goto fail; }
            int comma = expect(p, COMMA) != NULL;
            if (param_type_comment(p, kwarg, closing, comma) < 0) goto fail;
            if (!at(p, closing)) {
                if (!p->error) RAISE_LAST("arguments cannot follow var-keyword argument");
                goto fail;
            }
            break;
        } else {
            arg_ty a = cur = param(p, annotated, 0);
            if (!a) goto fail;
            expr_ty d = NULL;
            if (at(p, EQUAL)) {
                Token *eq = advance(p);
                if (at(p, RPAR) || at(p, COMMA)) {   /* invalid_default */
                    _PyPegen_raise_tok(p, eq, "expected default value expression");
                    goto fail;
                }
                d = expression(p);
                if (!d) goto fail;
            }
            if (seen_star) {
                vec_push(p, &kwonly, a);
                vec_push(p, &kwdefaults, d);
            } else {
                if (d) { vec_push(p, &defaults, d); seen_default = 1; }
                else if (seen_default) {
                    RAISE_NODE(a, "non-default argument follows default argument");
                    goto fail;
                }
                vec_push(p, &args, a);
            }
        }
        int comma = expect(p, COMMA) != NULL;
        if (seen_star && cur == NULL && vararg == NULL && comma && at(p, TYPE_COMMENT) &&
            last(p) == &p->toks[p->mark - 1] && p->toks[p->mark - 2].type == STAR) {
            RAISE_LAST("bare * has associated type comment");   /* invalid_star_etc */
            goto fail;
        }
        if (param_type_comment(p, cur, closing, comma) < 0) goto fail;
        if (!comma)
            break;
    }
    {
        arguments_ty r = _PyAST_arguments(SEQ(asdl_arg_seq, &posonly), SEQ(asdl_arg_seq, &args), vararg,
                                          SEQ(asdl_arg_seq, &kwonly), SEQ(asdl_expr_seq, &kwdefaults),
                                          kwarg, SEQ(asdl_expr_seq, &defaults), p->arena);
        return r;
    }
fail:
    vec_free(&posonly); vec_free(&args); vec_free(&defaults); vec_free(&kwonly); vec_free(&kwdefaults);
    return NULL;
}

static expr_ty
lambdef(Parser *p)
{
    START;
    advance(p);
    arguments_ty a = parameters(p, COLON, 0);
    if (!a) return NULL;
    if (asdl_seq_LEN(a->posonlyargs) && !CHECK_VERSION(8, "Positional-only parameters are")) return NULL;
    if (!expect(p, COLON)) return NULL;
    expr_ty body = expression(p);
    if (!body) return NULL;
    return _PyAST_Lambda(a, body, EXTRA);
}

/* ---------------------------------------------------------------- simple statements */

static stmt_ty
assignment_or_expr(Parser *p)
{
    START;
    Token *first = peek(p);
    expr_ty e;
    if (at_kw(p, KW_yield))
        e = yield_expr(p);
    else
        e = star_expressions(p);
    if (!e) {
        /* print "hello" → Missing parentheses (invalid_legacy_expression) */
        if (!p->error && (tok_is(first, "print") || tok_is(first, "exec")) && !first->kw) {
            int m = p->mark;
            p->mark = (int)(first - p->toks) + 1;
            if (!at(p, LPAR) && starts_expression(peek(p))) {
                expr_ty b = star_expressions(p);
                if (b)
                    return RAISE_RANGE(first, b, "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                                       (int)(first->end - first->start), first->start,
                                       (int)(first->end - first->start), first->start);
            }
            if (!p->error) p->mark = m;
        }
        return NULL;
    }
    Token *t = peek(p);
    if (t->type == COLON) {
        /* annotated assignment */
        if (e->kind == Tuple_kind)
            return RAISE_NODE(e, "only single target (not tuple) can be annotated");
        if (e->kind == List_kind)
            return RAISE_NODE(e, "only single target (not list) can be annotated");
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind)
            return RAISE_NODE(e, "illegal target for annotation");
        advance(p);
        expr_ty ann = expression(p);
        if (!ann) return NULL;
        expr_ty value = NULL;
        if (expect(p, EQUAL)) {
            value = at_kw(p, KW_yield) ? yield_expr(p) : star_expressions(p);
            if (!value) return NULL;
        }
        int simple = e->kind == Name_kind && first->type != LPAR;
        set_context(p, e, Store);
        if (!CHECK_VERSION(6, "Variable annotation syntax is")) return NULL;
        return _PyAST_AnnAssign(e, ann, value, simple, EXTRA);
    }
    if (t->type == EQUAL) {
        Vec targets;
        vec_init(&targets);
        expr_ty value = e;
        int count = 0;
        /* the first target that is a yield without parentheses (`yield = 1`): 3.11's
         * "assignment to yield expression not possible" rather than the target error */
        Py_ssize_t bare_yield = first->kw == KW_yield ? 0 : -1;
        while (expect(p, EQUAL)) {
            count++;
            vec_push(p, &targets, value);
            int bare = at_kw(p, KW_yield);
            if (bare && bare_yield < 0)
                bare_yield = targets.n;
            value = bare ? yield_expr(p) : star_expressions(p);
            if (!value) { vec_free(&targets); return NULL; }
        }
        for (Py_ssize_t i = 0; i < targets.n; i++) {
            expr_ty tg = targets.items[i];
            if (i == bare_yield) {
                vec_free(&targets);
                return RAISE_NODE(tg, "assignment to yield expression not possible");
            }
            expr_ty bad = invalid_target(tg, 0);
            if (bad) {
                vec_free(&targets);
                int here = count == 1 && bad == tg && tg->kind != List_kind && tg->kind != Tuple_kind &&
                           !(tg->kind == Constant_kind && (tg->v.Constant.value == Py_True ||
                             tg->v.Constant.value == Py_False || tg->v.Constant.value == Py_None)) &&
                           tg->kind != GeneratorExp_kind && tg->kind != NamedExpr_kind &&
                           tg->kind != Starred_kind && tg->kind != Lambda_kind && tg->kind != IfExp_kind &&
                           tg->kind != Await_kind;
                if (tg->kind == Compare_kind || tg->kind == BoolOp_kind) here = 0;
                if (here)
                    return RAISE_NODE(bad, "cannot assign to %s here. Maybe you meant '==' instead of '='?", expr_name(bad));
                return RAISE_NODE(bad, "cannot assign to %s", expr_name(bad));
            }
            set_context(p, tg, Store);
        }
        PyObject *tc = opt_type_comment(p);
        if (p->error) { vec_free(&targets); return NULL; }
        return _PyAST_Assign(SEQ(asdl_expr_seq, &targets), value, tc, EXTRA);
    }
    int aug = 0;
    switch (t->type) {
    case PLUSEQUAL: aug = Add; break;
    case MINEQUAL: aug = Sub; break;
    case STAREQUAL: aug = Mult; break;
    case ATEQUAL:
        aug = MatMult;
        if (!_PyPegen_check_version(p, 5, "The '@' operator is", t)) return NULL;
        break;
    case SLASHEQUAL: aug = Div; break;
    case PERCENTEQUAL: aug = Mod; break;
    case AMPEREQUAL: aug = BitAnd; break;
    case VBAREQUAL: aug = BitOr; break;
    case CIRCUMFLEXEQUAL: aug = BitXor; break;
    case LEFTSHIFTEQUAL: aug = LShift; break;
    case RIGHTSHIFTEQUAL: aug = RShift; break;
    case DOUBLESTAREQUAL: aug = Pow; break;
    case DOUBLESLASHEQUAL: aug = FloorDiv; break;
    }
    if (aug) {
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind)
            return RAISE_NODE(e, "'%s' is an illegal expression for augmented assignment", expr_name(e));
        advance(p);
        expr_ty value = at_kw(p, KW_yield) ? yield_expr(p) : star_expressions(p);
        if (!value) return NULL;
        set_context(p, e, Store);
        return _PyAST_AugAssign(e, (operator_ty)aug, value, EXTRA);
    }
    if (!p->error && (tok_is(first, "print") || tok_is(first, "exec")) && e->kind == Name_kind &&
        starts_expression(t) && t->type != LPAR) {
        expr_ty b = star_expressions(p);
        if (b)
            return RAISE_RANGE(first, b, "Missing parentheses in call to '%.*s'. Did you mean %.*s(...)?",
                               (int)(first->end - first->start), first->start,
                               (int)(first->end - first->start), first->start);
        return NULL;
    }
    return _PyAST_Expr(e, EXTRA);
}

static int
dotted_name(Parser *p, char *buf, size_t cap, size_t *len)
{
    Token *n = name_token(p);
    if (!n) return -1;
    size_t k = 0;
    for (;;) {
        size_t l = (size_t)(n->end - n->start);
        if (k + l + 2 > cap) return -1;
        memcpy(buf + k, n->start, l);
        k += l;
        if (!(at(p, DOT) && peek_n(p, 1)->type == NAME && !peek_n(p, 1)->kw))
            break;
        advance(p);
        buf[k++] = '.';
        n = advance(p);
    }
    *len = k;
    return 0;
}

static alias_ty
import_alias(Parser *p, int dotted)
{
    START;
    char buf[1024];
    size_t len;
    PyObject *name;
    if (dotted) {
        if (dotted_name(p, buf, sizeof buf, &len) < 0) return NULL;
        name = new_identifier(p, buf, (Py_ssize_t)len);
    } else {
        Token *n = name_token(p);
        if (!n) return NULL;
        name = tok_identifier(p, n);
    }
    if (!name) return NULL;
    PyObject *asname = NULL;
    if (expect_kw(p, KW_as)) {
        Token *n = name_token(p);
        if (!n) return NULL;
        asname = tok_identifier(p, n);
        if (!asname) return NULL;
    }
    return _PyAST_alias(name, asname, EXTRA);
}

static stmt_ty
import_stmt(Parser *p)
{
    START;
    advance(p);
    Vec v;
    vec_init(&v);
    do {
        alias_ty a = import_alias(p, 1);
        if (!a) { vec_free(&v); return NULL; }
        vec_push(p, &v, a);
    } while (expect(p, COMMA));
    return _PyAST_Import(SEQ(asdl_alias_seq, &v), EXTRA);
}

static stmt_ty
import_from(Parser *p)
{
    START;
    advance(p);
    int level = 0;
    for (;;) {
        if (expect(p, DOT)) level++;
        else if (expect(p, ELLIPSIS)) level += 3;
        else break;
    }
    PyObject *module = NULL;
    if (!at_kw(p, KW_import)) {
        char buf[1024];
        size_t len;
        if (dotted_name(p, buf, sizeof buf, &len) < 0) return NULL;
        module = new_identifier(p, buf, (Py_ssize_t)len);
        if (!module) return NULL;
    }
    if (!expect_kw(p, KW_import)) return NULL;
    Vec v;
    vec_init(&v);
    if (at(p, STAR)) {
        Token *s = advance(p);
        PyObject *star = new_identifier(p, "*", 1);
        if (!star) return NULL;
        alias_ty a = _PyAST_alias(star, NULL, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset, p->arena);
        vec_push(p, &v, a);
    } else if (expect(p, LPAR)) {
        do {
            if (at(p, RPAR) && v.n) break;
            alias_ty a = import_alias(p, 0);
            if (!a) { vec_free(&v); return NULL; }
            vec_push(p, &v, a);
        } while (expect(p, COMMA));
        if (!expect(p, RPAR)) { vec_free(&v); return NULL; }
    } else {
        do {
            if (v.n && at(p, NEWLINE))   /* invalid_import_from_targets */
                break;
            alias_ty a = import_alias(p, 0);
            if (!a) { vec_free(&v); return NULL; }
            vec_push(p, &v, a);
        } while (expect(p, COMMA));
        if (last(p)->type == COMMA) {
            vec_free(&v);
            return RAISE_LAST("trailing comma not allowed without surrounding parentheses");
        }
    }
    return _PyAST_ImportFrom(module, SEQ(asdl_alias_seq, &v), level, EXTRA);
}

static stmt_ty
del_stmt(Parser *p)
{
    START;
    advance(p);
    int after_del = p->mark;
    Vec v;
    vec_init(&v);
    do {
        if (at(p, SEMI) || at(p, NEWLINE)) break;
        expr_ty e = bitwise_or(p);
        if (!e) {
            vec_free(&v);
            if (!p->error) {
                /* pegen's invalid_del_stmt: 'del' star_expressions, e.g. "del *x" */
                int m = p->mark;
                p->mark = after_del;
                expr_ty all = star_expressions(p);
                expr_ty bad = all && !p->error ? invalid_target(all, 1) : NULL;
                if (bad)
                    return RAISE_NODE(bad, "cannot delete %s", expr_name(bad));
                if (!p->error)
                    p->mark = m;
            }
            return NULL;
        }
        if (!make_target(p, e, Del)) { vec_free(&v); return NULL; }
        vec_push(p, &v, e);
    } while (expect(p, COMMA));
    if (!v.n || !(at(p, SEMI) || at(p, NEWLINE))) {
        vec_free(&v);
        return NULL;
    }
    return _PyAST_Delete(SEQ(asdl_expr_seq, &v), EXTRA);
}

static stmt_ty
names_stmt(Parser *p, int global)
{
    START;
    advance(p);
    Vec v;
    vec_init(&v);
    do {
        Token *n = name_token(p);
        if (!n) { vec_free(&v); return NULL; }
        PyObject *id = tok_identifier(p, n);
        if (!id) { vec_free(&v); return NULL; }
        vec_push(p, &v, id);
    } while (expect(p, COMMA));
    asdl_identifier_seq *s = (asdl_identifier_seq *)vec_seq(p, &v);
    return global ? _PyAST_Global(s, EXTRA) : _PyAST_Nonlocal(s, EXTRA);
}

static int
at_stmt_end(Parser *p)
{
    return at(p, NEWLINE) || at(p, SEMI);
}

static stmt_ty
simple_stmt(Parser *p)
{
    START;
    Token *t = peek(p);
    switch (t->kw) {
    case KW_return: {
        advance(p);
        expr_ty v = NULL;
        if (!at_stmt_end(p)) {
            v = star_expressions(p);
            if (!v) return NULL;
        }
        return _PyAST_Return(v, EXTRA);
    }
    case KW_import: return import_stmt(p);
    case KW_from: return import_from(p);
    case KW_raise: {
        advance(p);
        expr_ty exc = NULL, cause = NULL;
        if (!at_stmt_end(p)) {
            exc = expression(p);
            if (!exc) return NULL;
            if (expect_kw(p, KW_from)) {
                cause = expression(p);
                if (!cause) return NULL;
            }
        }
        return _PyAST_Raise(exc, cause, EXTRA);
    }
    case KW_pass: advance(p); return _PyAST_Pass(EXTRA);
    case KW_break: advance(p); return _PyAST_Break(EXTRA);
    case KW_continue: advance(p); return _PyAST_Continue(EXTRA);
    case KW_del: return del_stmt(p);
    case KW_assert: {
        advance(p);
        expr_ty test = expression(p), msg = NULL;
        if (!test) return NULL;
        if (expect(p, COMMA)) {
            msg = expression(p);
            if (!msg) return NULL;
        }
        return _PyAST_Assert(test, msg, EXTRA);
    }
    case KW_global: return names_stmt(p, 1);
    case KW_nonlocal: return names_stmt(p, 0);
    }
    return assignment_or_expr(p);
}

static int
simple_stmts(Parser *p, Vec *out)
{
    for (;;) {
        stmt_ty s = simple_stmt(p);
        if (!s) return -1;
        vec_push(p, out, s);
        if (expect(p, NEWLINE)) return 0;
        if (!expect(p, SEMI)) {
            if (!p->error && peek(p)->type != NEWLINE) {
                /* a statement followed by junk: maybe a missing comma inside nothing */
            }
            return -1;
        }
        if (expect(p, NEWLINE)) return 0;
    }
}

/* ---------------------------------------------------------------- compound statements */

static asdl_stmt_seq *
block(Parser *p, Token *kwtok, const char *what)
{
    if (expect(p, NEWLINE)) {
        if (!expect(p, INDENT)) {
            if (!p->error && what && peek(p)->type != ERRORTOKEN)
                raise_indent_fmt(p, "expected an indented block after %s on line %d", what, kwtok->lineno);
            return NULL;
        }
        asdl_stmt_seq *body = statements(p);
        if (!body) return NULL;
        if (!expect(p, DEDENT)) return NULL;
        return body;
    }
    Vec v;
    vec_init(&v);
    if (simple_stmts(p, &v) < 0) { vec_free(&v); return NULL; }
    return SEQ(asdl_stmt_seq, &v);
}

static int
expect_colon(Parser *p)
{
    if (expect(p, COLON)) return 1;
    if (!p->error && (at(p, NEWLINE) || peek(p)->type == NEWLINE))
        RAISE_LAST("expected ':'");
    return 0;
}

/* A compound statement ends at the last token of its body that is not NEWLINE/INDENT/
 * DEDENT (pegen's _PyPegen_get_last_nonnwhitespace_token): a trailing ';' counts. */
static Token *
last_nonws(Parser *p)
{
    int i = p->mark - 1;
    while (i > 0 && ISWHITESPACE(p->toks[i].type))
        i--;
    return &p->toks[i > 0 ? i : 0];
}

#define EXTRA_TO_BODY _st->lineno, _st->col_offset, last_nonws(p)->end_lineno, last_nonws(p)->end_col_offset, p->arena

static asdl_stmt_seq *
else_block(Parser *p)
{
    Token *e = expect_kw(p, KW_else);
    if (!e) return NULL;
    if (!expect_colon(p)) return NULL;
    return block(p, e, "'else' statement");
}

static stmt_ty
if_stmt(Parser *p, int is_elif)
{
    START;
    advance(p);
    expr_ty test = named_expression(p);
    if (!test) return NULL;
    if (!expect_colon(p)) return NULL;
    asdl_stmt_seq *body = block(p, _st, is_elif ? "'elif' statement" : "'if' statement");
    if (!body) return NULL;
    asdl_stmt_seq *orelse = NULL;
    if (at_kw(p, KW_elif)) {
        stmt_ty s = if_stmt(p, 1);
        if (!s) return NULL;
        orelse = (asdl_stmt_seq *)seq1(p, s);
    } else if (at_kw(p, KW_else)) {
        orelse = else_block(p);
        if (!orelse) return NULL;
    } else {
        orelse = EMPTY(asdl_stmt_seq);
    }
    return _PyAST_If(test, body, orelse, EXTRA_TO_BODY);
}

static stmt_ty
while_stmt(Parser *p)
{
    START;
    advance(p);
    expr_ty test = named_expression(p);
    if (!test || !expect_colon(p)) return NULL;
    asdl_stmt_seq *body = block(p, _st, "'while' statement");
    if (!body) return NULL;
    asdl_stmt_seq *orelse = at_kw(p, KW_else) ? else_block(p) : EMPTY(asdl_stmt_seq);
    if (!orelse) return NULL;
    return _PyAST_While(test, body, orelse, EXTRA_TO_BODY);
}

static stmt_ty
for_stmt(Parser *p, Token *_st, int is_async)
{
    advance(p); /* for */
    expr_ty target = tuple_of(p, star_target);
    if (!target) return NULL;
    if (!expect_kw(p, KW_in)) {
        if (!p->error) {
            expr_ty bad = invalid_target(target, 0);
            if (bad) return RAISE_NODE(bad, "cannot assign to %s", expr_name(bad));
            RAISE_LAST("invalid syntax");
        }
        return NULL;
    }
    if (!make_target(p, target, Store)) return NULL;
    expr_ty iter = star_expressions(p);
    if (!iter || !expect_colon(p)) return NULL;
    PyObject *tc = opt_type_comment(p);
    if (p->error) return NULL;
    asdl_stmt_seq *body = block(p, _st, "'for' statement");
    if (!body) return NULL;
    asdl_stmt_seq *orelse = at_kw(p, KW_else) ? else_block(p) : EMPTY(asdl_stmt_seq);
    if (!orelse) return NULL;
    if (is_async) {
        if (!CHECK_VERSION(5, "Async for loops are")) return NULL;
        return _PyAST_AsyncFor(target, iter, body, orelse, tc, EXTRA_TO_BODY);
    }
    return _PyAST_For(target, iter, body, orelse, tc, EXTRA_TO_BODY);
}

static withitem_ty
with_item(Parser *p)
{
    expr_ty e = expression(p);
    if (!e) return NULL;
    expr_ty vars = NULL;
    if (expect_kw(p, KW_as)) {
        /* with_item: expression 'as' star_target &(',' | ')' | ':') */
        int m = p->mark;
        vars = star_target(p);
        if (!vars) return NULL;
        if (!at(p, COMMA) && !at(p, RPAR) && !at(p, COLON) && !at(p, NEWLINE)) {
            /* invalid_with_item: blame the whole expression after 'as' (a NEWLINE is
               left to with_stmt: "expected ':'", pegen's invalid_with_stmt) */
            p->mark = m;
            expr_ty e2 = expression(p);
            if (!e2) return NULL;
            if (at(p, COMMA) || at(p, RPAR) || at(p, COLON)) {
                expr_ty bad = invalid_target(e2, 0);
                if (bad) return RAISE_NODE(bad, "cannot assign to %s", expr_name(bad));
            }
            return RAISE_LAST("invalid syntax");
        }
        if (!make_target(p, vars, Store)) return NULL;
    }
    return _PyAST_withitem(e, vars, p->arena);
}

static stmt_ty
with_stmt(Parser *p, Token *_st, int is_async)
{
    Token *kw = advance(p); /* with */
    int parenthesised = 0;
    Vec v;
    vec_init(&v);
    if (at(p, LPAR)) {
        int m = p->mark;
        advance(p);
        int ok = 1;
        do {
            if (at(p, RPAR) && v.n) break;
            withitem_ty w = with_item(p);
            if (!w) { ok = 0; break; }
            vec_push(p, &v, w);
        } while (expect(p, COMMA));
        if (ok && expect(p, RPAR) && at(p, COLON)) {
            parenthesised = 1;
        } else if (ok && !p->error && last(p)->type == RPAR && at(p, NEWLINE)) {
            vec_free(&v);   /* invalid_with_stmt: '(' items ')' NEWLINE */
            return RAISE_LAST("expected ':'");
        } else {
            if (p->error) { vec_free(&v); return NULL; }
            vec_free(&v);
            p->mark = m;
        }
    }
    if (!v.n) {
        do {
            withitem_ty w = with_item(p);
            if (!w) { vec_free(&v); return NULL; }
            vec_push(p, &v, w);
        } while (expect(p, COMMA));
    }
    if (!expect_colon(p)) { vec_free(&v); return NULL; }
    PyObject *tc = parenthesised ? NULL : opt_type_comment(p); /* not after '(' items ')' */
    if (p->error) { vec_free(&v); return NULL; }
    asdl_stmt_seq *body = block(p, kw, "'with' statement");
    if (!body) { vec_free(&v); return NULL; }
    asdl_withitem_seq *items = SEQ(asdl_withitem_seq, &v);
    if (is_async ? !CHECK_VERSION(5, "Async with statements are")
                 : parenthesised && !CHECK_VERSION(9, "Parenthesized context managers are"))
        return NULL;
    if (is_async)
        return _PyAST_AsyncWith(items, body, tc, EXTRA_TO_BODY);
    return _PyAST_With(items, body, tc, EXTRA_TO_BODY);
}

static stmt_ty
try_stmt(Parser *p)
{
    START;
    advance(p);
    if (!expect_colon(p)) return NULL;
    asdl_stmt_seq *body = block(p, _st, "'try' statement");
    if (!body) return NULL;
    Vec handlers;
    vec_init(&handlers);
    int star = -1;
    while (at_kw(p, KW_except)) {
        Token *ex = advance(p);
        int is_star = 0;
        if (expect(p, STAR)) is_star = 1;
        if (star != -1 && star != is_star) {
            /* pegen's invalid_try_stmt: at 'except' (up to the '*' of an except*) */
            vec_free(&handlers);
            Token *last = is_star ? &p->toks[p->mark - 1] : ex;
            return _PyPegen_raise_at(p, PyExc_SyntaxError, ex->lineno, ex->col_offset,
                                     last->end_lineno, last->end_col_offset,
                                     "cannot have both 'except' and 'except*' on the same 'try'");
        }
        star = is_star;
        expr_ty type = NULL;
        PyObject *name = NULL;
        if (at(p, NEWLINE)) {   /* invalid_except_stmt: 'except' NEWLINE */
            vec_free(&handlers);
            return RAISE_LAST("expected ':'");
        }
        if (!at(p, COLON)) {
            type = expression(p);
            if (!type) { vec_free(&handlers); return NULL; }
            if (at(p, COMMA)) {
                int m = p->mark;
                expr_ty t2 = star_expressions(p);
                (void)t2;
                p->mark = m;
                vec_free(&handlers);
                if (!p->error) {
                    /* except A, B: → multiple exception types must be parenthesized */
                    advance(p);
                    expr_ty rest = expression(p);
                    if (rest) {
                        while (expect(p, COMMA)) { if (!expression(p)) break; }
                        RAISE_RANGE(type, last(p), "multiple exception types must be parenthesized");
                    }
                }
                return NULL;
            }
            if (expect_kw(p, KW_as)) {
                Token *n = name_token(p);
                if (!n) { vec_free(&handlers); return NULL; }
                name = tok_identifier(p, n);
                if (!name) { vec_free(&handlers); return NULL; }
            }
        } else if (is_star) {
            vec_free(&handlers);
            return RAISE_LAST("expected one or more exception types");
        }
        if (!expect_colon(p)) { vec_free(&handlers); return NULL; }
        asdl_stmt_seq *hbody = block(p, ex, is_star ? "'except*' statement" : "'except' statement");
        if (!hbody) { vec_free(&handlers); return NULL; }
        excepthandler_ty h = _PyAST_ExceptHandler(type, name, hbody, ex->lineno, ex->col_offset,
                                                  last_nonws(p)->end_lineno, last_nonws(p)->end_col_offset, p->arena);
        if (!h) { vec_free(&handlers); return NULL; }
        vec_push(p, &handlers, h);
    }
    asdl_stmt_seq *orelse = EMPTY(asdl_stmt_seq), *finalbody = EMPTY(asdl_stmt_seq);
    if (handlers.n && at_kw(p, KW_else)) {
        orelse = else_block(p);
        if (!orelse) { vec_free(&handlers); return NULL; }
    }
    if (at_kw(p, KW_finally)) {
        Token *f = advance(p);
        if (!expect_colon(p)) { vec_free(&handlers); return NULL; }
        finalbody = block(p, f, "'finally' statement");
        if (!finalbody) { vec_free(&handlers); return NULL; }
    } else if (!handlers.n) {
        if (!p->error) raise_at_eof(p, "expected 'except' or 'finally' block");
        return NULL;
    }
    int el = last_nonws(p)->end_lineno, ec = last_nonws(p)->end_col_offset;
    asdl_excepthandler_seq *hs = SEQ(asdl_excepthandler_seq, &handlers);
    if (star == 1 && !CHECK_VERSION(11, "Exception groups are")) return NULL;
    if (star == 1)
        return _PyAST_TryStar(body, hs, orelse, finalbody, _st->lineno, _st->col_offset, el, ec, p->arena);
    return _PyAST_Try(body, hs, orelse, finalbody, _st->lineno, _st->col_offset, el, ec, p->arena);
}

static stmt_ty
funcdef(Parser *p, Token *_st, asdl_expr_seq *decorators, int is_async)
{
    Token *def = advance(p);
    Token *n = name_token(p);
    if (!n) return NULL;
    PyObject *name = tok_identifier(p, n);
    if (!name) return NULL;
    if (!expect(p, LPAR))   /* a forced token (&&'(') in 3.11's grammar */
        return _PyPegen_raise_tok(p, peek(p), "expected '('");
    arguments_ty args = parameters(p, RPAR, 1);
    if (!args) return NULL;
    if (asdl_seq_LEN(args->posonlyargs) && !CHECK_VERSION(8, "Positional-only parameters are")) return NULL;
    if (!expect(p, RPAR)) return NULL;
    expr_ty returns = NULL;
    if (expect(p, RARROW)) {
        returns = expression(p);
        if (!returns) return NULL;
    }
    if (!expect_colon(p)) return NULL;
    /* func_type_comment: NEWLINE TYPE_COMMENT &(NEWLINE INDENT) | TYPE_COMMENT */
    PyObject *tc = NULL;
    if (at(p, NEWLINE) && peek_n(p, 1)->type == TYPE_COMMENT && peek_n(p, 2)->type == NEWLINE &&
        peek_n(p, 3)->type == INDENT) {
        advance(p);
        tc = opt_type_comment(p);
    } else if (at(p, TYPE_COMMENT) && peek_n(p, 1)->type == NEWLINE && peek_n(p, 2)->type == TYPE_COMMENT &&
               peek_n(p, 3)->type == NEWLINE && peek_n(p, 4)->type == INDENT) {
        /* invalid_double_type_comments: pegen blames the INDENT token, whose column is
         * the tokenizer's position after the indentation, with no end */
        Token *ind = peek_n(p, 4);
        PyObject *text = _PyTokenizer_LineText(p->ts.buf, ind->lineno, 1);
        if (!text) PyErr_Clear();
        _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, p->filename, "Cannot have two type comments on def",
                                 ind->lineno, ind->col_offset, text, ind->lineno, -1);
        Py_XDECREF(text);
        p->error = 1;
        return NULL;
    } else {
        tc = opt_type_comment(p);
    }
    if (p->error) return NULL;
    asdl_stmt_seq *body = block(p, def, "function definition");
    if (!body) return NULL;
    if (is_async && !CHECK_VERSION(5, "Async functions are")) return NULL;
    if (is_async)
        return _PyAST_AsyncFunctionDef(name, args, body, decorators, returns, tc, EXTRA_TO_BODY);
    return _PyAST_FunctionDef(name, args, body, decorators, returns, tc, EXTRA_TO_BODY);
}

static stmt_ty
classdef(Parser *p, asdl_expr_seq *decorators)
{
    START;
    advance(p);
    Token *n = name_token(p);
    if (!n) return NULL;
    PyObject *name = tok_identifier(p, n);
    if (!name) return NULL;
    asdl_expr_seq *bases = NULL;
    asdl_keyword_seq *kws = NULL;
    if (expect(p, LPAR)) {
        if (call_args(p, &bases, &kws, 1) < 0) return NULL;
        if (!expect(p, RPAR)) return NULL;
    } else {
        bases = EMPTY(asdl_expr_seq);
        kws = EMPTY(asdl_keyword_seq);
    }
    if (!expect_colon(p)) return NULL;
    asdl_stmt_seq *body = block(p, _st, "class definition");
    if (!body) return NULL;
    return _PyAST_ClassDef(name, bases, kws, body, decorators, EXTRA_TO_BODY);
}

static stmt_ty
decorated(Parser *p)
{
    Vec v;
    vec_init(&v);
    while (expect(p, AT)) {
        expr_ty d = named_expression(p);
        if (!d || !expect(p, NEWLINE)) { vec_free(&v); return NULL; }
        vec_push(p, &v, d);
    }
    asdl_expr_seq *decos = SEQ(asdl_expr_seq, &v);
    if (!decos) return NULL;
    START;
    if (at_kw(p, KW_def)) return funcdef(p, _st, decos, 0);
    if (at_kw(p, KW_async) && peek_n(p, 1)->kw == KW_def) {
        advance(p);
        return funcdef(p, _st, decos, 1);
    }
    if (at_kw(p, KW_class)) return classdef(p, decos);
    return NULL;
}

/* ---- match statement (PEP 634) ---- */

static pattern_ty pattern(Parser *p);
static pattern_ty closed_pattern(Parser *p);

#define PEXTRA _st->lineno, _st->col_offset, last(p)->end_lineno, last(p)->end_col_offset, p->arena

static expr_ty
signed_number(Parser *p)
{
    START;
    if (expect(p, MINUS)) {
        Token *t = expect(p, NUMBER);
        if (!t) return NULL;
        expr_ty n = number(p, t);
        if (!n) return NULL;
        return _PyAST_UnaryOp(USub, n, EXTRA);
    }
    Token *t = expect(p, NUMBER);
    if (!t) return NULL;
    return number(p, t);
}

/* literal_expr: signed numbers, complex numbers, strings, None/True/False */
static expr_ty
literal_expr(Parser *p)
{
    START;
    if (at(p, STRING)) {
        expr_ty s = strings(p);
        if (s && s->kind == JoinedStr_kind)
            return RAISE_NODE(s, "patterns may only match literals and attribute lookups");
        return s;
    }
    if (at(p, NUMBER) || at(p, MINUS)) {
        expr_ty a = signed_number(p);
        if (!a) return NULL;
        if (at(p, PLUS) || at(p, MINUS)) {
            operator_ty op = at(p, PLUS) ? Add : Sub;
            advance(p);
            Token *t = expect(p, NUMBER);
            if (!t) return NULL;
            expr_ty b = number(p, t);
            if (!b) return NULL;
            if (!PyComplex_Check(b->v.Constant.value))
                return RAISE_NODE(b, "imaginary number required in complex literal");
            if (a->kind == Constant_kind ? PyComplex_Check(a->v.Constant.value)
                                         : PyComplex_Check(a->v.UnaryOp.operand->v.Constant.value))
                return RAISE_NODE(a, "real number required in complex literal");
            return _PyAST_BinOp(a, op, b, EXTRA);
        }
        return a;
    }
    return NULL;
}

static expr_ty
name_or_attr(Parser *p)
{
    START;
    Token *n = name_token(p);
    if (!n) return NULL;
    expr_ty e = name_expr(p, n, Load);
    while (e && at(p, DOT)) {
        advance(p);
        Token *a = name_token(p);
        if (!a) return NULL;
        PyObject *id = tok_identifier(p, a);
        if (!id) return NULL;
        e = _PyAST_Attribute(e, id, Load, EXTRA);
    }
    return e;
}

static pattern_ty
star_pattern(Parser *p)
{
    START;
    advance(p);
    Token *n = name_token(p);
    if (!n) return NULL;
    PyObject *id = tok_is(n, "_") ? NULL : tok_identifier(p, n);
    return _PyAST_MatchStar(id, PEXTRA);
}

static pattern_ty
maybe_star_pattern(Parser *p)
{
    if (at(p, STAR)) return star_pattern(p);
    return pattern(p);
}

static asdl_pattern_seq *
pattern_list(Parser *p, int closing)
{
    Vec v;
    vec_init(&v);
    while (!at(p, closing)) {
        pattern_ty q = maybe_star_pattern(p);
        if (!q) { vec_free(&v); return NULL; }
        vec_push(p, &v, q);
        if (!expect(p, COMMA)) break;
    }
    return SEQ(asdl_pattern_seq, &v);
}

static pattern_ty
class_pattern_rest(Parser *p, Token *_st, expr_ty cls)
{
    advance(p); /* ( */
    Vec pos, kwn, kwp;
    vec_init(&pos); vec_init(&kwn); vec_init(&kwp);
    while (!at(p, RPAR)) {
        Token *t = peek(p);
        if (t->type == NAME && !t->kw && peek_n(p, 1)->type == EQUAL) {
            advance(p); advance(p);
            pattern_ty q = pattern(p);
            if (!q) goto fail;
            PyObject *id = tok_identifier(p, t);
            if (!id) goto fail;
            vec_push(p, &kwn, id);
            vec_push(p, &kwp, q);
        } else {
            pattern_ty q = pattern(p);
            if (!q) goto fail;
            if (kwn.n) {
                RAISE_NODE(q, "positional patterns follow keyword patterns");
                goto fail;
            }
            vec_push(p, &pos, q);
        }
        if (!expect(p, COMMA)) break;
    }
    if (!expect(p, RPAR)) goto fail;
    return _PyAST_MatchClass(cls, SEQ(asdl_pattern_seq, &pos), (asdl_identifier_seq *)vec_seq(p, &kwn),
                             SEQ(asdl_pattern_seq, &kwp), PEXTRA);
fail:
    vec_free(&pos); vec_free(&kwn); vec_free(&kwp);
    return NULL;
}

static pattern_ty
mapping_pattern(Parser *p)
{
    START;
    advance(p);
    Vec keys, pats;
    vec_init(&keys); vec_init(&pats);
    PyObject *rest = NULL;
    while (!at(p, RBRACE)) {
        if (expect(p, DOUBLESTAR)) {
            /* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
            if (tok_is(peek(p), "_")) goto fail;
            Token *n = name_token(p);
            if (!n) goto fail;
            if (at(p, DOT) || at(p, LPAR) || at(p, EQUAL)) goto fail;
            rest = tok_identifier(p, n);
            if (!rest) goto fail;
            expect(p, COMMA);
            break;
        }
        expr_ty k;
        if (at(p, NAME) && !peek(p)->kw) k = name_or_attr(p);
        else if (at_kw(p, KW_None) || at_kw(p, KW_True) || at_kw(p, KW_False)) k = atom(p);
        else k = literal_expr(p);
        if (!k) goto fail;
        if (!expect(p, COLON)) goto fail;
        pattern_ty q = pattern(p);
        if (!q) goto fail;
        vec_push(p, &keys, k);
        vec_push(p, &pats, q);
        if (!expect(p, COMMA)) break;
    }
    if (!expect(p, RBRACE)) {
        /* `**rest` must come last: pegen has no better message than the generic one */
        if (rest && !p->error) RAISE_LAST("invalid syntax");
        goto fail;
    }
    return _PyAST_MatchMapping(SEQ(asdl_expr_seq, &keys), SEQ(asdl_pattern_seq, &pats), rest, PEXTRA);
fail:
    vec_free(&keys); vec_free(&pats);
    return NULL;
}

static pattern_ty
closed_pattern(Parser *p)
{
    START;
    Token *t = peek(p);
    if (t->kw == KW_None || t->kw == KW_True || t->kw == KW_False) {
        advance(p);
        return _PyAST_MatchSingleton(t->kw == KW_None ? Py_None : t->kw == KW_True ? Py_True : Py_False, PEXTRA);
    }
    if (t->type == NUMBER || t->type == STRING || t->type == MINUS) {
        expr_ty v = literal_expr(p);
        if (!v) return NULL;
        return _PyAST_MatchValue(v, PEXTRA);
    }
    if (t->type == NAME && !t->kw) {
        Token *nx = peek_n(p, 1);
        if (nx->type != DOT && nx->type != LPAR) {
            advance(p);
            if (tok_is(t, "_"))
                return _PyAST_MatchAs(NULL, NULL, PEXTRA);
            PyObject *id = tok_identifier(p, t);
            if (!id) return NULL;
            return _PyAST_MatchAs(NULL, id, PEXTRA);
        }
        expr_ty e = name_or_attr(p);
        if (!e) return NULL;
        if (at(p, LPAR))
            return class_pattern_rest(p, _st, e);
        return _PyAST_MatchValue(e, PEXTRA);
    }
    if (t->type == LPAR) {
        advance(p);
        if (expect(p, RPAR))
            return _PyAST_MatchSequence(EMPTY(asdl_pattern_seq), PEXTRA);
        pattern_ty first = maybe_star_pattern(p);
        if (!first) return NULL;
        if (expect(p, RPAR)) {
            if (first->kind == MatchStar_kind)
                return _PyAST_MatchSequence((asdl_pattern_seq *)seq1(p, first), PEXTRA);
            return first; /* group pattern */
        }
        if (!expect(p, COMMA)) return NULL;
        asdl_pattern_seq *rest = pattern_list(p, RPAR);
        if (!rest || !expect(p, RPAR)) return NULL;
        asdl_pattern_seq *all = (asdl_pattern_seq *)_Py_asdl_generic_seq_new(asdl_seq_LEN(rest) + 1, p->arena);
        if (!all) return NULL;
        asdl_seq_SET(all, 0, first);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(rest); i++) asdl_seq_SET(all, i + 1, asdl_seq_GET(rest, i));
        return _PyAST_MatchSequence(all, PEXTRA);
    }
    if (t->type == LSQB) {
        advance(p);
        asdl_pattern_seq *ps = pattern_list(p, RSQB);
        if (!ps || !expect(p, RSQB)) return NULL;
        return _PyAST_MatchSequence(ps, PEXTRA);
    }
    if (t->type == LBRACE)
        return mapping_pattern(p);
    return NULL;
}

static pattern_ty
or_pattern(Parser *p)
{
    START;
    pattern_ty a = closed_pattern(p);
    if (!a || !at(p, VBAR)) return a;
    Vec v;
    vec_init(&v);
    vec_push(p, &v, a);
    while (expect(p, VBAR)) {
        pattern_ty b = closed_pattern(p);
        if (!b) { vec_free(&v); return NULL; }
        vec_push(p, &v, b);
    }
    return _PyAST_MatchOr(SEQ(asdl_pattern_seq, &v), PEXTRA);
}

static pattern_ty
pattern(Parser *p)
{
    START;
    pattern_ty a = or_pattern(p);
    if (!a) return NULL;
    if (expect_kw(p, KW_as)) {
        Token *n = name_token(p);
        if (!n) {
            if (!p->error) RAISE_LAST("invalid pattern target");
            return NULL;
        }
        if (tok_is(n, "_"))
            return _PyPegen_raise_tok(p, n, "cannot use '_' as a target");
        PyObject *id = tok_identifier(p, n);
        if (!id) return NULL;
        return _PyAST_MatchAs(a, id, PEXTRA);
    }
    return a;
}

static pattern_ty
patterns(Parser *p)
{
    START;
    pattern_ty a = maybe_star_pattern(p);
    if (!a) return NULL;
    if (!at(p, COMMA)) {
        if (a->kind == MatchStar_kind)
            return _PyAST_MatchSequence((asdl_pattern_seq *)seq1(p, a), PEXTRA);
        return a;
    }
    Vec v;
    vec_init(&v);
    vec_push(p, &v, a);
    while (expect(p, COMMA)) {
        if (at(p, COLON) || at_kw(p, KW_if)) break;
        pattern_ty b = maybe_star_pattern(p);
        if (!b) { vec_free(&v); return NULL; }
        vec_push(p, &v, b);
    }
    return _PyAST_MatchSequence(SEQ(asdl_pattern_seq, &v), PEXTRA);
}

static int simple_stmts(Parser *p, Vec *out);

/* `match <subject>` without ':' (start: the mark of `match`).  Unless the line is
 * a valid simple statement (`match(x).y = 1`), the errors of 3.11's second pass come
 * first, as compound statements are tried before simple ones there: the subject's
 * invalid_named_expression, then invalid_match_stmt's "expected ':'".  1 with the error
 * raised, 0 to go on (backtrack). */
static int
match_without_colon(Parser *p, int start)
{
    int m = p->mark, maxmark = p->maxmark;
    Token *after = peek(p);
    p->mark = start;
    Vec probe;
    vec_init(&probe);
    int ok = simple_stmts(p, &probe) == 0 && !p->error;
    vec_free(&probe);
    if (!ok && !p->parent) {   /* (then "expected ':'" only before a NEWLINE) */
        if (p->error) {
            PyErr_Clear();
            p->error = 0;
        }
        p->mark = start + 1;
        star_named_expression(p);
        if (p->error)
            return 1;
        if (after->type == NEWLINE) {
            _PyPegen_raise_tok(p, after, "expected ':'");
            return 1;
        }
    }
    p->mark = m;
    p->maxmark = maxmark;
    return 0;
}

static stmt_ty
match_stmt(Parser *p)
{
    START;
    int m = p->mark;
    advance(p); /* match */
    expr_ty subject;
    {
        Token *sst = peek(p);
        p->no_invalid_named++;
        expr_ty a = star_named_expression(p);
        p->no_invalid_named--;
        if (!a) goto backtrack;
        if (at(p, COMMA)) {
            Vec v;
            vec_init(&v);
            vec_push(p, &v, a);
            while (expect(p, COMMA)) {
                if (at(p, COLON)) break;
                p->no_invalid_named++;
                expr_ty b = star_named_expression(p);
                p->no_invalid_named--;
                if (!b) { vec_free(&v); goto backtrack; }
                vec_push(p, &v, b);
            }
            subject = _PyAST_Tuple(SEQ(asdl_expr_seq, &v), Load, sst->lineno, sst->col_offset,
                                   last(p)->end_lineno, last(p)->end_col_offset, p->arena);
        } else {
            if (a->kind == Starred_kind) goto backtrack;
            subject = a;
        }
    }
    if (subject && !at(p, COLON) && match_without_colon(p, m))
        return NULL;
    if (!subject || !at(p, COLON)) goto backtrack;
    advance(p);
    if (!expect(p, NEWLINE)) goto backtrack;
    if (!expect(p, INDENT)) {
        if (!p->error)
            raise_indent_fmt(p, "expected an indented block after 'match' statement on line %d", _st->lineno);
        return NULL;
    }
    Vec cases;
    vec_init(&cases);
    while (at_soft(p, "case")) {
        Token *ct = advance(p);
        pattern_ty pat = patterns(p);
        if (!pat) { vec_free(&cases); goto backtrack; }
        expr_ty guard = NULL;
        if (expect_kw(p, KW_if)) {
            guard = named_expression(p);
            if (!guard) { vec_free(&cases); goto backtrack; }
        }
        if (!expect_colon(p)) { vec_free(&cases); goto backtrack; }
        asdl_stmt_seq *body = block(p, ct, "'case' statement");
        if (!body) { vec_free(&cases); goto backtrack; }
        match_case_ty c = _PyAST_match_case(pat, guard, body, p->arena);
        vec_push(p, &cases, c);
    }
    /* (a case that does not parse, or none: not a match statement after all, the
     * generic error at the furthest token unless one was raised) */
    if (!cases.n) {
        vec_free(&cases);
        goto backtrack;
    }
    if (!expect(p, DEDENT)) { vec_free(&cases); goto backtrack; }
    asdl_match_case_seq *cs = SEQ(asdl_match_case_seq, &cases);
    if (!cs) return NULL;
    if (!CHECK_VERSION(10, "Pattern matching is")) return NULL;
    return _PyAST_Match(subject, cs, EXTRA_TO_BODY);
backtrack:
    if (p->error) return NULL;
    p->mark = m;
    return NULL;
}

static int
is_compound(stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind: case AsyncFunctionDef_kind: case ClassDef_kind: case If_kind:
    case For_kind: case AsyncFor_kind: case While_kind: case With_kind: case AsyncWith_kind:
    case Try_kind: case TryStar_kind: case Match_kind:
        return 1;
    default:
        return 0;
    }
}

static int
statement(Parser *p, Vec *out)
{
    START;
    Token *t = peek(p);
    stmt_ty s = NULL;
    switch (t->kw) {
    case KW_def: s = funcdef(p, _st, EMPTY(asdl_expr_seq), 0); break;
    case KW_if: s = if_stmt(p, 0); break;
    case KW_class: s = classdef(p, EMPTY(asdl_expr_seq)); break;
    case KW_with: s = with_stmt(p, _st, 0); break;
    case KW_for: s = for_stmt(p, _st, 0); break;
    case KW_try: s = try_stmt(p); break;
    case KW_while: s = while_stmt(p); break;
    case KW_async: {
        Token *n = peek_n(p, 1);
        if (n->kw == KW_def) { advance(p); s = funcdef(p, _st, EMPTY(asdl_expr_seq), 1); }
        else if (n->kw == KW_with) { advance(p); s = with_stmt(p, _st, 1); }
        else if (n->kw == KW_for) { advance(p); s = for_stmt(p, _st, 1); }
        else return -1;
        break;
    }
    default:
        if (t->type == AT) { s = decorated(p); break; }
        if (tok_is(t, "match")) {
            s = match_stmt(p);
            if (s || p->error) break;
        }
        return simple_stmts(p, out);
    }
    if (!s) return -1;
    return vec_push(p, out, s);
}

static asdl_stmt_seq *
statements(Parser *p)
{
    Vec v;
    vec_init(&v);
    do {
        if (statement(p, &v) < 0) { vec_free(&v); return NULL; }
    } while (!at(p, DEDENT) && !at(p, ENDMARKER) && !at(p, ERRORTOKEN));
    return SEQ(asdl_stmt_seq, &v);
}

/* ---------------------------------------------------------------- start rules */

/* TypeIgnore(lineno, tag) for each `# type: ignore<tag>` the tokenizer set aside */
static asdl_type_ignore_seq *
type_ignores(Parser *p)
{
    Py_ssize_t n = p->ts.nignores;
    asdl_type_ignore_seq *seq = _Py_asdl_type_ignore_seq_new(n, p->arena);
    if (!seq) { p->error = 1; return NULL; }
    for (Py_ssize_t i = 0; i < n; i++) {
        Token *t = &p->ts.ignores[i];
        PyObject *tag = PyUnicode_DecodeUTF8(t->start, t->end - t->start, NULL);
        if (!tag || _PyArena_AddPyObject(p->arena, tag) < 0) {
            Py_XDECREF(tag);
            p->error = 1;
            return NULL;
        }
        type_ignore_ty ti = _PyAST_TypeIgnore(t->lineno, tag, p->arena);
        if (!ti) { p->error = 1; return NULL; }
        asdl_seq_SET(seq, i, ti);
    }
    return seq;
}

static int
source_ends_with_newline(Parser *p)
{
    const char *buf = p->ts.buf;
    size_t n = buf ? strlen(buf) : 0;
    return n > 0 && buf[n - 1] == '\n';
}

static mod_ty
parse_start(Parser *p)
{
    START;
    switch (p->mode) {
    case Py_file_input: {
        asdl_stmt_seq *body;
        if (at(p, ENDMARKER))
            body = EMPTY(asdl_stmt_seq);
        else if (!(body = statements(p)))
            return NULL;
        if (!expect(p, ENDMARKER)) return NULL;
        return _PyAST_Module(body, type_ignores(p), p->arena);
    }
    case Py_eval_input: {
        expr_ty e = tuple_of(p, star_expression);
        if (!e) return NULL;
        while (expect(p, NEWLINE)) {}
        if (!expect(p, ENDMARKER)) return NULL;
        return _PyAST_Expression(e, p->arena);
    }
    case Py_single_input: {
        Vec v;
        vec_init(&v);
        if (at(p, NEWLINE) || at(p, ENDMARKER)) {
            expect(p, NEWLINE);
            return _PyAST_Interactive(EMPTY(asdl_stmt_seq), p->arena);
        }
        if (statement(p, &v) < 0) { vec_free(&v); return NULL; }
        /* pegen's statement_newline: a compound statement must be followed by NEWLINE (the
         * one implied at the end of input), else the next token is plain invalid syntax */
        stmt_ty last = v.n ? (stmt_ty)v.items[v.n - 1] : NULL;
        if (last && is_compound(last) && !at(p, NEWLINE) && !at(p, ENDMARKER)) {
            vec_free(&v);
            _PyPegen_raise_tok(p, peek(p), "invalid syntax");
            return NULL;
        }
        /* pegen turns the end of the input into one NEWLINE in this mode; a source without
         * a final newline whose last statement is a one-line compound statement (nothing
         * left to dedent) then lacks the NEWLINE that statement_newline requires */
        if (last && is_compound(last) && at(p, ENDMARKER) && p->mark > 0 &&
            p->toks[p->mark - 1].type != DEDENT && !source_ends_with_newline(p)) {
            vec_free(&v);
            int ln = p->toks[p->mark - 1].lineno;
            _PyPegen_raise_at(p, PyExc_SyntaxError, ln, -1, ln, -1, "invalid syntax");
            return NULL;
        }
        Token *end = p->mark > 0 ? &p->toks[p->mark - 1] : peek(p);  /* pegen: the last token read */
        while (expect(p, NEWLINE)) {}
        if (!at(p, ENDMARKER)) {
            vec_free(&v);
            if (!p->error)
                _PyPegen_raise_tok(p, end, "multiple statements found while compiling a single statement");
            return NULL;
        }
        return _PyAST_Interactive(SEQ(asdl_stmt_seq, &v), p->arena);
    }
    case Py_func_type_input: {
        if (!expect(p, LPAR)) return NULL;
        Vec v;
        vec_init(&v);
        /* type_expressions: a, b, *c, **d in that order, each starred kind at most once,
         * no trailing comma */
        int stage = 0;
        while (!at(p, RPAR) || v.n) {
            int kind = at(p, STAR) ? 1 : at(p, DOUBLESTAR) ? 2 : 0;
            if (kind ? kind <= stage : stage > 0) {
                RAISE_LAST("invalid syntax");
                vec_free(&v);
                return NULL;
            }
            if (kind) {
                advance(p);
                stage = kind;
            }
            expr_ty e = expression(p);
            if (!e) { vec_free(&v); return NULL; }
            vec_push(p, &v, e);
            if (stage == 2 || !expect(p, COMMA)) break;
        }
        if (!expect(p, RPAR) || !expect(p, RARROW)) { vec_free(&v); return NULL; }
        expr_ty r = expression(p);
        if (!r) { vec_free(&v); return NULL; }
        while (expect(p, NEWLINE)) {}
        if (!expect(p, ENDMARKER)) { vec_free(&v); return NULL; }
        return _PyAST_FunctionType(SEQ(asdl_expr_seq, &v), r, p->arena);
    }
    }
    (void)_st;
    PyErr_SetString(PyExc_SystemError, "invalid parser start rule");
    return NULL;
}

/* Before 3.7 (ast.parse feature_version < (3, 7)) `async` and `await` are keywords only in
 * `async def` and inside an async function's body, as 3.11's tokenizer async_hacks: elsewhere
 * they are names (`async = 12`).  The body ends on the first line indented no deeper than
 * the `async def`. */
static void
async_hacks(Parser *p)
{
    int level = 0, in_async_def = 0, def_level = 0, seen_nl = 0, line_start = 1;
    for (int i = 0; i < p->ntoks; i++) {
        Token *t = &p->toks[i];
        if (t->type == INDENT) { level++; continue; }
        if (t->type == DEDENT) { level--; continue; }
        if (t->type == TYPE_COMMENT)
            continue;   /* `# type:` lines come before the body's INDENT */
        if (t->type == NEWLINE) {
            if (in_async_def)
                seen_nl = 1;
            line_start = 1;
            continue;
        }
        if (line_start) {
            line_start = 0;
            if (in_async_def && seen_nl && level <= def_level)
                in_async_def = seen_nl = 0;
        }
        if (t->kw != KW_async && t->kw != KW_await)
            continue;
        if (in_async_def)
            continue;
        if (t->kw == KW_async && i + 1 < p->ntoks && p->toks[i + 1].kw == KW_def) {
            in_async_def = 1;
            def_level = level;
            seen_nl = 0;
            continue;
        }
        t->kw = 0;   /* an ordinary name */
    }
}

static void
classify_keywords(Parser *p)
{
    /* hot on big sources: compare lengths and first bytes before memcmp */
    static size_t kwlen[KW_COUNT];
    if (!kwlen[1])
        for (int k = 1; k < KW_COUNT; k++) kwlen[k] = strlen(kwnames[k]);
    for (int i = 0; i < p->ntoks; i++) {
        Token *t = &p->toks[i];
        if (t->type != NAME) continue;
        size_t n = (size_t)(t->end - t->start);
        if (n < 2 || n > 8) continue; /* keywords are 2 to 8 letters */
        for (int k = 1; k < KW_COUNT; k++)
            if (kwlen[k] == n && kwnames[k][0] == t->start[0] && memcmp(kwnames[k], t->start, n) == 0) {
                t->kw = k;
                break;
            }
    }
    if (p->feature_version < 7)
        async_hacks(p);
}

static void
raise_tok_error(Parser *p)
{
    TokError *e = &p->ts.err;
    if (e->in_brackets && p->ts.unclosed_level) {
        /* pegen quotes the bracket's line from its line buffer (newline kept) when the
         * tokenizer is still on it, else from the source (no newline) */
        int ln = p->ts.unclosed_lineno;
        PyObject *text = _PyTokenizer_LineText(p->ts.buf, ln, e->lineno <= ln);
        if (text == NULL)
            PyErr_Clear();
        int off = p->char_offsets ? _PyTokenizer_ByteToChar(p->ts.buf, ln, p->ts.unclosed_col + 1)
                                  : p->ts.unclosed_col + 1;
        char msg[32];
        snprintf(msg, sizeof msg, "'%c' was never closed", p->ts.unclosed_char);
        _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, p->filename, msg, ln, off, text, ln, 0);
        Py_XDECREF(text);
        return;
    }
    _PyTokenizer_RaiseSyntax(e->type, p->filename, e->msg, e->lineno, e->offset, e->text,
                             e->end_lineno, e->end_offset);
}

/* _PyPegen_tokenize_full_source_to_check_for_errors: a parser error is replaced by
 * "'(' was never closed" when the input ends inside a bracket opened on a line before the
 * furthest token the parser read. */
static void
check_unclosed(Parser *p)
{
    if (!p->ts.unclosed_level || p->parent)
        return;
    if (p->toks[p->maxmark].lineno <= p->ts.unclosed_lineno)
        return;
    PyErr_Clear();
    p->error = 0;
    _PyPegen_raise_at(p, PyExc_SyntaxError, p->ts.unclosed_lineno, p->ts.unclosed_col,
                      p->ts.unclosed_lineno, -1, "'%c' was never closed", p->ts.unclosed_char);
}

/* Decides which error to report after a failed parse, as pegen's
 * _PyPegen_set_syntax_error does (tokenizer errors win; EOF inside brackets → "'(' was
 * never closed"; INDENT/DEDENT → IndentationError; otherwise "invalid syntax"). */
static void
set_syntax_error(Parser *p)
{
    int incomplete_ok = (p->flags & PyCF_ALLOW_INCOMPLETE_INPUT) != 0;
    Token *lt = &p->toks[p->maxmark];
    /* a tokenizer error at EOF counts only once the parser has read up to it (pegen
     * tokenizes lazily: `a = 9+ \\` in eval mode fails at the '=' first) */
    int at_end = lt->at_eof || (p->ts.err.type && p->ts.err.eof_kind &&
                                (p->ts.err_tok < 0 || p->maxmark >= p->ts.err_tok));
    if (incomplete_ok && at_end && (!p->ts.err.type || p->ts.err.eof_kind)) {
        PyErr_Clear();
        Token *t = lt;
        if (p->ts.err.type && p->ts.err.eof_kind) {
            /* EOF inside a string or after a line continuation: pegen's E_EOFS / E_EOF,
             * at the tokenizer's position, no end */
            TokError *e = &p->ts.err;
            _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, p->filename, "incomplete input", e->lineno,
                                     e->offset, NULL, e->lineno, -1);
            return;
        }
        _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, p->filename, "incomplete input", t->lineno,
                                 t->col_offset + 1, NULL, t->lineno, t->col_offset + 1);
        return;
    }
    if (p->ts.err.type && p->ts.err_tok >= 0 && p->maxmark < p->ts.err_tok && !p->parent) {
        /* the parser failed before the tokenizer's error: pegen then tokenizes the rest
         * (_PyPegen_tokenize_full_source_to_check_for_errors), where an error the tokenizer
         * raises itself replaces the parser's — an undecodable name as the bare
         * UnicodeDecodeError — while the deferred kinds leave the parser's error */
        if (p->ts.err.deferred) {
            /* fall through to the parser's error */
        } else if (p->ts.err.decode_exc && !(PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_SyntaxError))) {
            PyErr_Clear();
            PyErr_SetObject((PyObject *)Py_TYPE(p->ts.err.decode_exc), p->ts.err.decode_exc);
            return;
        } else {
            if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_SyntaxError))
                return;
            PyErr_Clear();
            raise_tok_error(p);
            return;
        }
    } else if (p->ts.err.type) {
        if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_SyntaxError))
            return;
        PyErr_Clear();
        raise_tok_error(p);
        return;
    }
    if (PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxError))
            check_unclosed(p);
        return;
    }
    p->error = 0;
    if (lt->type == ERRORTOKEN && p->ts.unclosed_level) {
        _PyPegen_raise_at(p, PyExc_SyntaxError, p->ts.unclosed_lineno, p->ts.unclosed_col,
                          p->ts.unclosed_lineno, -1, "'%c' was never closed", p->ts.unclosed_char);
        return;
    }
    if (lt->type == INDENT) {
        raise_indent(p, "unexpected indent");
        return;
    }
    if (lt->type == DEDENT) {
        raise_indent(p, "unexpected unindent");
        return;
    }
    RAISE_LAST("invalid syntax");
    check_unclosed(p);
}

static void
fix_indent_positions(Parser *p)
{
    /* INDENT/DEDENT carry no columns in CPython (-1): errors there point past the line's
     * indentation; give them the position of the following token. */
    for (int i = p->ntoks - 1; i >= 0; i--) {
        Token *t = &p->toks[i];
        if ((t->type == INDENT || t->type == DEDENT) && t->col_offset < 0) {
            Token *n = i + 1 < p->ntoks ? &p->toks[i + 1] : t;
            t->lineno = n->lineno;
            t->col_offset = n->col_offset;
            t->end_lineno = n->lineno;
            t->end_col_offset = n->col_offset >= 0 ? n->col_offset : 0;
            if (n->type == INDENT || n->type == DEDENT) t->end_col_offset = t->col_offset;
        }
    }
}

/* Single-input mode as pegen runs it for codeop (PyCF_ALLOW_INCOMPLETE_INPUT): the
 * tokenizer adds no newline at the end of the source; the parser turns the ENDMARKER into
 * one NEWLINE, and without PyCF_DONT_IMPLY_DEDENT closes open blocks.  A compound statement
 * then needs the source's own final newline, an open block needs its DEDENT, and an empty
 * source reaches ENDMARKER: each of those ends in "incomplete input". */
static int
single_incomplete(Parser *p, mod_ty m, int flags)
{
    int i = p->ntoks - 1, dedents = 0, implicit_nl = 0;
    while (i > 0 && p->toks[i - 1].type == DEDENT) {
        i--;
        dedents++;
    }
    if (i > 0 && p->toks[i - 1].type == NEWLINE && p->toks[i - 1].start == p->toks[i - 1].end) {
        implicit_nl = 1;
        i--;
    }
    if (i == 0)
        return 1;
    if (dedents && implicit_nl)
        return (flags & PyCF_DONT_IMPLY_DEDENT) != 0;
    if (dedents) {
        /* a last line of only blanks: EOF is not at the start of a line, so the tokenizer
         * emits no DEDENT before pegen's extra NEWLINE, and the block fails there */
        const char *b = p->ts.buf, *e = b + strlen(b);
        if (e > b && e[-1] != '\n')
            return 1;
    }
    asdl_stmt_seq *body = m->v.Interactive.body;
    if (!asdl_seq_LEN(body))
        return 0;
    switch (asdl_seq_GET(body, 0)->kind) {
    case FunctionDef_kind: case AsyncFunctionDef_kind: case ClassDef_kind: case For_kind:
    case AsyncFor_kind: case While_kind: case If_kind: case With_kind: case AsyncWith_kind:
    case Match_kind: case Try_kind: case TryStar_kind:
        return implicit_nl;
    default:
        return 0;
    }
}

static mod_ty
run_parser(const char *src, Py_ssize_t len, PyObject *filename, int mode, int flags, PyArena *arena,
           int char_offsets, int feature_version)
{
    Parser p;
    memset(&p, 0, sizeof p);
    p.feature_version = feature_version;
    p.char_offsets = char_offsets;
    p.arena = arena;
    p.mode = mode;
    p.flags = flags;
    p.filename = filename;
    p.ts.type_comments = (flags & PyCF_TYPE_COMMENTS) != 0;
    p.ts.interactive = mode == Py_single_input;
    if (_PyTokenizer_Run(&p.ts, src, len, filename) < 0) {
        _PyTokenizer_Free(&p.ts);
        return NULL;
    }
    p.toks = p.ts.toks;
    p.ntoks = (int)p.ts.ntoks;
    classify_keywords(&p);
    fix_indent_positions(&p);
    mod_ty m = parse_start(&p);
    if (!m || p.error) {
        if (!m && !PyErr_Occurred() && !p.error) {}
        set_syntax_error(&p);
        m = NULL;
    } else if (p.ts.err.type) {
        raise_tok_error(&p);
        m = NULL;
    } else if (mode == Py_single_input && (flags & PyCF_ALLOW_INCOMPLETE_INPUT) &&
               single_incomplete(&p, m, flags)) {
        Token *t = &p.toks[p.ntoks - 1];
        _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, filename, "incomplete input", t->lineno,
                                 t->col_offset + 1, NULL, t->lineno, t->col_offset + 1);
        m = NULL;
    }
    _PyTokenizer_Free(&p.ts);
    return m;
}

/* Parses the text of an f-string replacement field, shifting positions so that they
 * point into the enclosing source as CPython 3.11's fstring_compile_expr does. */
expr_ty
_PyPegen_parse_fstring_expr(Parser *parent, const char *s, Py_ssize_t n, Token *t, int lines, int cols)
{
    char *buf = PyMem_Malloc((size_t)n + 3);
    if (!buf) { PyErr_NoMemory(); parent->error = 1; return NULL; }
    buf[0] = '(';
    memcpy(buf + 1, s, (size_t)n);
    buf[n + 1] = ')';
    buf[n + 2] = 0;
    Parser p;
    memset(&p, 0, sizeof p);
    p.arena = parent->arena;
    p.mode = Py_eval_input;
    p.flags = parent->flags;
    p.filename = parent->filename;
    p.parent = parent;
    p.feature_version = parent->feature_version;
    expr_ty result = NULL;
    int start_line = t->lineno + lines;
    int start_col = lines ? cols : t->col_offset + cols;
    p.ts.line_base = start_line - 1;
    if (_PyTokenizer_Run(&p.ts, buf, n + 2, parent->filename) < 0) {
        parent->error = 1;
        goto done;
    }
    p.toks = p.ts.toks;
    p.ntoks = (int)p.ts.ntoks;
    classify_keywords(&p);
    for (int i = 0; i < p.ntoks; i++) {
        Token *k = &p.toks[i];
        if (k->lineno == 1) k->col_offset += start_col;
        if (k->end_lineno == 1) k->end_col_offset += start_col;
        k->lineno += start_line - 1;
        k->end_lineno += start_line - 1;
    }
    if (p.ts.err.type) {
        /* 3.11's tokenizer for the expression counts lines from the f-string's own line
         * (its columns stay those of the "(expression)" text) */
        p.ts.err.lineno += start_line - 1;
        if (p.ts.err.end_lineno > 0)
            p.ts.err.end_lineno += start_line - 1;
        raise_tok_error(&p);
        parent->error = 1;
        goto done;
    }
    /* pegen's fstring rule: star_expressions over "(expression)", then the end */
    p.in_fstring = 1;
    p.fstring_lineno = start_line;
    p.fstring_col = start_col;
    expr_ty e = star_expressions(&p);
    if (e) {
        while (expect(&p, NEWLINE)) {}
        if (at(&p, ENDMARKER))
            result = e;
    }
    if (!result && !p.error)
        _PyPegen_raise_tok(&p, &p.toks[p.maxmark], "invalid syntax");
    if (p.error) parent->error = 1;
done:
    _PyTokenizer_Free(&p.ts);
    PyMem_Free(buf);
    return result;
}

/* from_file: the text was read from a file (its UTF-8 is validated up front, and
 * decoding errors carry no location, as CPython's file tokenizer). */
static mod_ty
parse_source(const char *str, PyObject *filename, int mode, PyCompilerFlags *flags,
             PyArena *arena, int from_file)
{
    int cf = flags ? flags->cf_flags : 0;
    Py_ssize_t n = (Py_ssize_t)strlen(str);
    Py_ssize_t len;
    int cookie = 0;
    /* only PyCF_IGNORE_COOKIE skips the cookie: compile() passes PyCF_SOURCE_IS_UTF8 for
     * bytes too, whose cookie still counts */
    char *src = _PyTokenizer_DecodeSourceEx(str, n, filename,
                                            ((cf & PyCF_IGNORE_COOKIE) ? 1 : 0) | (from_file ? 2 : 0),
                                            &len, &cookie);
    if (!src) return NULL;
    /* universal newlines */
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (src[i] == '\r') {
            src[k++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n') i++;
        } else {
            src[k++] = src[i];
        }
    }
    src[k] = 0;
    /* exec input always ends with a newline (3.11's translate_newlines for strings, its
     * file reader for files): it shows in SyntaxError.text and error positions */
    if (mode == Py_file_input && (k == 0 || src[k - 1] != '\n')) {
        char *grown = PyMem_Realloc(src, (size_t)k + 2);
        if (grown == NULL) {
            PyMem_Free(src);
            PyErr_NoMemory();
            return NULL;
        }
        src = grown;
        src[k++] = '\n';
        src[k] = 0;
    }
    /* the source text must outlive the AST only through objects, which are copied */
    /* CPython's tokenizer has an encoding (and parser errors get character offsets) only
     * for str sources (PyCF_IGNORE_COOKIE) or a coding cookie; otherwise offsets stay in
     * bytes (python3.11 file.py shows byte columns on non-ASCII lines). */
    int char_offsets = (cf & PyCF_IGNORE_COOKIE) || cookie;
    /* as pegen: feature_version only counts for ast.parse (PyCF_ONLY_AST) */
    int fv = flags && (cf & PyCF_ONLY_AST) ? flags->cf_feature_version : PY_MINOR_VERSION;
    mod_ty m = run_parser(src, k, filename, mode, cf, arena, char_offsets, fv);
    PyMem_Free(src);
    return m;
}

mod_ty
_PyParser_ASTFromString(const char *str, PyObject *filename, int mode, PyCompilerFlags *flags,
                        PyArena *arena)
{
    if (PySys_Audit("compile", "yO", str, filename ? filename : Py_None) < 0)
        return NULL;
    return parse_source(str, filename, mode, flags, arena, 0);
}

/* 3.11.2's file tokenizer reads lines with fgets and then sees them as C strings: a NUL
 * ends its line's text, and the rest of that line (through '\n') is lost.  (3.12 makes
 * this a SyntaxError; the oracle is 3.11.2.) */
static void
drop_after_nul(char *buf, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len; ) {
        size_t end = i;
        while (end < len && buf[end] != '\n')
            end++;
        if (end < len)
            end++;                              /* include the '\n' */
        size_t keep = strnlen(buf + i, end - i);
        memmove(buf + k, buf + i, keep);
        k += keep;
        i = end;
    }
    buf[k] = 0;
}

mod_ty
_PyParser_ASTFromFile(FILE *fp, PyObject *filename, const char *enc, int mode, const char *ps1,
                      const char *ps2, PyCompilerFlags *flags, int *errcode, PyArena *arena)
{
    size_t cap = 8192, len = 0;
    char *buf = PyMem_Malloc(cap);
    if (!buf) { PyErr_NoMemory(); return NULL; }
    if (ps1 && mode == Py_single_input) {
        /* interactive: read lines until the statement is complete */
        PyCompilerFlags f = {(flags ? flags->cf_flags : 0) | PyCF_ALLOW_INCOMPLETE_INPUT, 11};
        const char *prompt = ps1;
        for (;;) {
            fputs(prompt, stderr);
            fflush(stderr);
            char line[4096];
            if (!fgets(line, sizeof line, fp)) {
                PyMem_Free(buf);
                if (errcode) *errcode = E_EOF;
                return NULL;
            }
            size_t l = strlen(line);
            if (len + l + 1 > cap) {
                while (len + l + 1 > cap) cap *= 2;
                char *nb = PyMem_Realloc(buf, cap);
                if (!nb) { PyMem_Free(buf); PyErr_NoMemory(); return NULL; }
                buf = nb;
            }
            memcpy(buf + len, line, l);
            len += l;
            buf[len] = 0;
            /* a blank line ends a compound statement */
            int blank = strspn(line, " \t\r\n") == l;
            if (blank && prompt == ps2) f.cf_flags &= ~PyCF_ALLOW_INCOMPLETE_INPUT;
            mod_ty m = _PyParser_ASTFromString(buf, filename, mode, &f, arena);
            if (m) {
                /* a compound statement needs its terminating blank line */
                int compound = prompt == ps1 && len && m->v.Interactive.body &&
                               asdl_seq_LEN(m->v.Interactive.body) &&
                               asdl_seq_GET(m->v.Interactive.body, 0)->end_lineno > 1;
                if (!compound || blank) {
                    PyMem_Free(buf);
                    if (errcode) *errcode = E_OK;
                    return m;
                }
            } else {
                PyObject *t, *v, *tb;
                PyErr_Fetch(&t, &v, &tb);
                int incomplete = 0;
                if (t && PyErr_GivenExceptionMatches(t, PyExc_SyntaxError) && v) {
                    PyObject *msg = PyTuple_Check(v) && PyTuple_GET_SIZE(v) ? PyTuple_GET_ITEM(v, 0) : NULL;
                    PyObject *a = msg ? NULL : PyObject_GetAttrString(v, "msg");
                    PyObject *mm = msg ? msg : a;
                    if (mm && PyUnicode_Check(mm) &&
                        strcmp(PyUnicode_AsUTF8(mm), "incomplete input") == 0)
                        incomplete = 1;
                    Py_XDECREF(a);
                    PyErr_Clear();
                }
                if (!incomplete) {
                    PyErr_Restore(t, v, tb);
                    PyMem_Free(buf);
                    if (errcode) *errcode = E_ERROR;
                    return NULL;
                }
                Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
            }
            prompt = ps2 ? ps2 : "... ";
        }
    }
    size_t r;
    while ((r = fread(buf + len, 1, cap - len - 1, fp)) > 0) {
        len += r;
        if (len + 1 >= cap) {
            cap *= 2;
            char *nb = PyMem_Realloc(buf, cap);
            if (!nb) { PyMem_Free(buf); PyErr_NoMemory(); return NULL; }
            buf = nb;
        }
    }
    buf[len] = 0;
    if (strlen(buf) != len)
        drop_after_nul(buf, len);
    PyCompilerFlags f = {flags ? flags->cf_flags : 0, 11};
    if (enc) f.cf_flags |= PyCF_IGNORE_COOKIE;
    mod_ty m = parse_source(buf, filename, mode, &f, arena, 1);
    PyMem_Free(buf);
    if (errcode) *errcode = m ? E_OK : E_ERROR;
    return m;
}
