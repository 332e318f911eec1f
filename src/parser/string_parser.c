/* string_parser.c — string literals → Constant / JoinedStr (owner: parser).
 * Decodes prefixes, escapes (\N{...} via _PyUnicode_LookupName), bytes, implicit
 * concatenation and f-strings (fields parsed by parser.c), with 3.11's errors and the
 * invalid-escape DeprecationWarning.  Tokens come from tokenizer.c. */
#include "pegen.h"

typedef struct {
    Py_UCS4 *s;
    Py_ssize_t n, cap;
} UBuf;

static int
ub_put(UBuf *b, Py_UCS4 c)
{
    if (b->n == b->cap) {
        Py_ssize_t cap = b->cap ? b->cap * 2 : 64;
        Py_UCS4 *ns = PyMem_Realloc(b->s, (size_t)cap * sizeof(Py_UCS4));
        if (!ns) { PyErr_NoMemory(); return -1; }
        b->s = ns;
        b->cap = cap;
    }
    b->s[b->n++] = c;
    return 0;
}

static Py_UCS4
utf8_next(const char **pp)
{
    const unsigned char *s = (const unsigned char *)*pp;
    Py_UCS4 c;
    int n;
    if (s[0] < 0x80) { c = s[0]; n = 1; }
    else if ((s[0] & 0xE0) == 0xC0) { c = ((Py_UCS4)(s[0] & 0x1F) << 6) | (s[1] & 0x3F); n = 2; }
    else if ((s[0] & 0xF0) == 0xE0) { c = ((Py_UCS4)(s[0] & 0x0F) << 12) | ((Py_UCS4)(s[1] & 0x3F) << 6) | (s[2] & 0x3F); n = 3; }
    else { c = ((Py_UCS4)(s[0] & 0x07) << 18) | ((Py_UCS4)(s[1] & 0x3F) << 12) | ((Py_UCS4)(s[2] & 0x3F) << 6) | (s[3] & 0x3F); n = 4; }
    *pp += n;
    return c;
}

static int
warn_escape(Parser *p, Token *t, const char *esc, int octal)
{
    /* as CPython, the byte after the backslash is shown as a code point (so a UTF-8 lead
     * byte 0xD0 appears as 'Ð') */
    PyObject *m = octal ? PyUnicode_FromFormat("invalid octal escape sequence '\\%.3s'", esc)
                        : PyUnicode_FromFormat("invalid escape sequence '\\%c'", (int)(unsigned char)*esc);
    if (!m) { p->error = 1; return -1; }
    const char *msg = PyUnicode_AsUTF8(m);
    int rc = PyErr_WarnExplicitObject(PyExc_DeprecationWarning, m, p->filename, t->lineno, NULL, NULL);
    if (rc < 0) {
        if (PyErr_ExceptionMatches(PyExc_DeprecationWarning)) {
            PyErr_Clear();
            _PyPegen_raise_tok(p, t, "%s", msg);
        }
        p->error = 1;
    }
    Py_DECREF(m);
    return rc < 0 ? -1 : 0;
}

/* Decoding errors are raised like RAISE_SYNTAX_ERROR in pegen's string code: at the token
 * after the strings (t is unused). */
static void *str_error(Parser *p, const char *fmt, ...);

static void *
unicode_error(Parser *p, Token *t, int is_bytes, Py_ssize_t a, Py_ssize_t b, const char *why)
{
    (void)t;
    if (b > a + 1)
        return str_error(p, "(unicode error) '%s' codec can't decode bytes in position %zd-%zd: %s",
                                  is_bytes ? "unicodeescape" : "unicodeescape", a, b - 1, why);
    return str_error(p, "(unicode error) '%s' codec can't decode byte 0x5c in position %zd: %s",
                              "unicodeescape", a, why);
}

/* pegen's RAISE_SYNTAX_ERROR in the string code (every f-string error of 3.11): at the
 * token after the STRING+ run.  In eval/single input without a final newline that token
 * is the end of the input, which has no column in CPython: the offset is then the end of
 * the line and there is no end offset. */
static void *
str_error(Parser *p, const char *fmt, ...)
{
    char msg[512];
    va_list va;
    va_start(va, fmt);
    vsnprintf(msg, sizeof msg, fmt, va);
    va_end(va);
    Token *t = &p->toks[p->str_next];
    if (p->parent || p->mode == Py_file_input || !t->at_eof || t->type != NEWLINE ||
        t->start != t->end)
        return _PyPegen_raise_tok(p, t, "%s", msg);
    if (p->error)
        return NULL;
    int off = _PyTokenizer_ByteToChar(p->ts.buf, t->lineno, t->col_offset);
    PyObject *text = _PyTokenizer_LineText(p->ts.buf, t->lineno, 1);
    if (!text)
        PyErr_Clear();
    _PyTokenizer_RaiseSyntax(PyExc_SyntaxError, p->filename, msg, t->lineno, off, text,
                             t->lineno, -1);
    Py_XDECREF(text);
    p->error = 1;
    return NULL;
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Source given as bytes is not validated up front (as CPython's string tokenizer): a
 * literal holding invalid UTF-8 fails when decoded, as "(unicode error) <the decoder's
 * message>" at the token after the strings.  CPython decodes the whole text when there is
 * no escape to process (or it is raw), else each run of non-ASCII bytes by itself, so the
 * position in the message is relative to that. */
static int
check_utf8(Parser *p, const char *s, Py_ssize_t n, int whole)
{
    const char *end = s + n;
    while (s < end) {
        const char *run = s;
        if (whole) s = end;
        else {
            while (run < end && !((unsigned char)*run & 0x80)) run++;
            s = run;
            while (s < end && ((unsigned char)*s & 0x80)) s++;
        }
        if (s == run) break;
        PyObject *u = PyUnicode_DecodeUTF8(run, s - run, NULL);
        if (u) { Py_DECREF(u); continue; }
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        PyObject *msg = v ? PyObject_Str(v) : NULL;
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        if (msg) {
            str_error(p, "(unicode error) %s", PyUnicode_AsUTF8(msg));
            Py_DECREF(msg);
        }
        p->error = 1;
        return -1;
    }
    return 0;
}

static int
has_high_bytes(const char *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++)
        if ((unsigned char)s[i] & 0x80) return 1;
    return 0;
}

/* Decodes s[0:n] (a literal body or f-string literal part) into b. */
static int
decode_body(Parser *p, Token *t, const char *s, Py_ssize_t n, int raw, int is_bytes, UBuf *b)
{
    const char *end = s + n, *base = s;
    int warned = 0;
    while (s < end) {
        if (*s != '\\' || raw) {
            if (is_bytes && (unsigned char)*s >= 0x80) {
                str_error(p, "bytes can only contain ASCII literal characters");
                return -1;
            }
            if (ub_put(b, utf8_next(&s)) < 0) { p->error = 1; return -1; }
            continue;
        }
        const char *esc = s;
        s++;
        if (s >= end) { ub_put(b, '\\'); break; }
        char c = *s++;
        Py_UCS4 v;
        switch (c) {
        case '\n': continue;
        case '\\': v = '\\'; break;
        case '\'': v = '\''; break;
        case '"': v = '"'; break;
        case 'a': v = 7; break;
        case 'b': v = 8; break;
        case 'f': v = 12; break;
        case 'n': v = 10; break;
        case 'r': v = 13; break;
        case 't': v = 9; break;
        case 'v': v = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            v = (Py_UCS4)(c - '0');
            int k = 1;
            while (k < 3 && s < end && *s >= '0' && *s <= '7') { v = v * 8 + (Py_UCS4)(*s++ - '0'); k++; }
            if (v > 0377 && !warned) {
                if (warn_escape(p, t, esc + 1, 1) < 0) return -1;
                warned = 1;
            }
            if (is_bytes) v &= 0xFF;
            break;
        }
        case 'x': case 'u': case 'U': {
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            if (is_bytes && c != 'x') goto invalid;
            v = 0;
            for (int k = 0; k < digits; k++) {
                int h = s < end ? hexval(*s) : -1;
                if (h < 0) {
                    if (is_bytes) {
                        str_error(p, "(value error) invalid \\x escape at position %zd",
                                           esc - base);
                        return -1;
                    }
                    unicode_error(p, t, 0, esc - base, s - base,
                                  c == 'x' ? "truncated \\xXX escape" : c == 'u' ? "truncated \\uXXXX escape"
                                                                           : "truncated \\UXXXXXXXX escape");
                    return -1;
                }
                v = v * 16 + (Py_UCS4)h;
                s++;
            }
            if (v > 0x10FFFF) {
                unicode_error(p, t, 0, esc - base, s - base, "illegal Unicode character");
                return -1;
            }
            break;
        }
        case 'N':
            if (!is_bytes) {
                const char *q = s;
                if (q < end && *q == '{') {
                    const char *close = memchr(q, '}', (size_t)(end - q));
                    if (close && close > q + 1 && _PyUnicode_LookupName(q + 1, (int)(close - q - 1), &v)) {
                        s = close + 1;
                        break;
                    }
                    /* CPython steps over the '}' only after a non-empty name */
                    unicode_error(p, t, 0, esc - base, (close ? close + (close > q + 1) : end) - base,
                                  close && close > q + 1 ? "unknown Unicode character name" : "malformed \\N character escape");
                    return -1;
                }
                unicode_error(p, t, 0, esc - base, s - base, "malformed \\N character escape");
                return -1;
            }
            /* fall through */
        default:
        invalid:
            /* CPython turns a backslash before a non-ASCII character into "\u005c" before
             * decoding escapes: it stays, without a warning */
            if (!warned && !((unsigned char)c >= 0x80 && !is_bytes)) {
                if (warn_escape(p, t, esc + 1, 0) < 0) return -1;
                warned = 1;
            }
            if (ub_put(b, '\\') < 0) { p->error = 1; return -1; }
            s = esc + 1;
            continue;
        }
        if (ub_put(b, v) < 0) { p->error = 1; return -1; }
    }
    return 0;
}

static PyObject *
ub_finish(Parser *p, UBuf *b, int is_bytes)
{
    PyObject *o;
    if (is_bytes) {
        char *tmp = PyMem_Malloc((size_t)b->n + 1);
        if (!tmp) { PyErr_NoMemory(); p->error = 1; return NULL; }
        for (Py_ssize_t i = 0; i < b->n; i++) tmp[i] = (char)b->s[i];
        o = PyBytes_FromStringAndSize(tmp, b->n);
        PyMem_Free(tmp);
    } else {
        o = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b->s ? b->s : (Py_UCS4 *)"", b->n);
    }
    b->n = 0;
    if (!o || _PyArena_AddPyObject(p->arena, o) < 0) {
        Py_XDECREF(o);
        p->error = 1;
        return NULL;
    }
    return o;
}

/* ---- the parts of a JoinedStr under construction ---- */
typedef struct {
    expr_ty *v;
    Py_ssize_t n, cap;
    UBuf lit;          /* pending literal text */
    Token *first, *last;
    Token *spec_tok;   /* set for the final flush of a format spec: its trailing text sits at this token */
} Parts;

static int
parts_push(Parser *p, Parts *ps, expr_ty e)
{
    if (ps->n == ps->cap) {
        Py_ssize_t cap = ps->cap ? ps->cap * 2 : 8;
        expr_ty *nv = PyMem_Realloc(ps->v, (size_t)cap * sizeof(expr_ty));
        if (!nv) { PyErr_NoMemory(); p->error = 1; return -1; }
        ps->v = nv;
        ps->cap = cap;
    }
    ps->v[ps->n++] = e;
    return 0;
}

#define WHOLE(ps) (ps)->first->lineno, (ps)->first->col_offset, (ps)->last->end_lineno, (ps)->last->end_col_offset, p->arena
#define TOKPOS(t) (t)->lineno, (t)->col_offset, (t)->end_lineno, (t)->end_col_offset, p->arena

static int
flush_literal(Parser *p, Parts *ps)
{
    if (!ps->lit.n) return 0;
    PyObject *s = ub_finish(p, &ps->lit, 0);
    if (!s) return -1;
    expr_ty c = ps->spec_tok ? _PyAST_Constant(s, NULL, TOKPOS(ps->spec_tok))
                             : _PyAST_Constant(s, NULL, WHOLE(ps));
    return c ? parts_push(p, ps, c) : -1;
}

static asdl_expr_seq *
parts_seq(Parser *p, Parts *ps)
{
    asdl_expr_seq *seq = (asdl_expr_seq *)_Py_asdl_generic_seq_new(ps->n, p->arena);
    if (!seq) { p->error = 1; return NULL; }
    for (Py_ssize_t i = 0; i < ps->n; i++) asdl_seq_SET(seq, i, ps->v[i]);
    PyMem_Free(ps->v);
    ps->v = NULL;
    ps->n = ps->cap = 0;
    return seq;
}

static int fstring_parse(Parser *p, Token *t, const char **sp, const char *end, int raw, int recurse,
                         Parts *ps);

/* One replacement field; *sp points just after '{'. */
static int
fstring_field(Parser *p, Token *t, const char **sp, const char *end, int raw, int recurse, Parts *ps)
{
    const char *s = *sp, *expr_start = s;
    if (recurse >= 2) {
        str_error(p, "f-string: expressions nested too deeply");
        return -1;
    }
    int nest = 0;
    char quote = 0;
    int triple = 0;
    char parens[200];
    for (; s < end; s++) {
        char c = *s;
        if (c == '\\') {
            str_error(p, "f-string expression part cannot include a backslash");
            return -1;
        }
        if (quote) {
            if (c == quote) {
                if (triple) {
                    if (s + 2 < end && s[1] == c && s[2] == c) { s += 2; quote = 0; }
                } else quote = 0;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            if (s + 2 < end && s[1] == c && s[2] == c) { triple = 1; s += 2; } else triple = 0;
            quote = c;
            continue;
        }
        if (c == '[' || c == '(' || c == '{') {
            if (nest >= 200) { str_error(p, "f-string: too many nested parenthesis"); return -1; }
            parens[nest++] = c;
            continue;
        }
        if (c == '#') {
            str_error(p, "f-string expression part cannot include '#'");
            return -1;
        }
        if (nest == 0 && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<')) {
            if (s + 1 < end && s[1] == '=' && (c == '!' || c == '=' || c == '<' || c == '>')) { s++; continue; }
            if (c == '>' || c == '<') continue;
            if (c == '=' ) break;
            break;
        }
        if (c == ']' || c == ')' || c == '}') {
            if (!nest) { str_error(p, "f-string: unmatched '%c'", c); return -1; }
            char o = parens[--nest];
            if (!((o == '[' && c == ']') || (o == '(' && c == ')') || (o == '{' && c == '}'))) {
                str_error(p, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", c, o);
                return -1;
            }
        }
    }
    if (quote) { str_error(p, "f-string: unterminated string"); return -1; }
    if (nest) { str_error(p, "f-string: unmatched '%c'", parens[nest - 1]); return -1; }
    if (s >= end) { str_error(p, "f-string: expecting '}'"); return -1; }
    const char *expr_end = s;
    /* all-whitespace expression */
    const char *q = expr_start;
    while (q < expr_end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\f' || *q == '\r')) q++;
    if (q == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            str_error(p, "f-string: expression required before '%c'", *expr_end);
        else
            str_error(p, "f-string: empty expression not allowed");
        return -1;
    }
    /* location (fstring_find_expr_location): columns from the last newline in the token */
    int lines = 0, cols = 0;
    {
        const char *brace = expr_start - 1;
        int newline_after_brace = 1;
        for (const char *k = expr_start; k < end && *k != '}' && *k != '\n'; k++)
            if (*k != ' ' && *k != '\t' && *k != '\f') { newline_after_brace = 0; break; }
        if (!newline_after_brace) {
            const char *k = brace;
            while (k > t->start && *k != '\n') k--;
            cols = (int)(brace - k);
            if (*k == '\n') cols -= 1;
        }
        for (const char *k = t->start; k < brace; k++)
            if (*k == '\n') lines++;
    }
    expr_ty e = _PyPegen_parse_fstring_expr(p, expr_start, expr_end - expr_start, t, lines, cols);
    if (!e) return -1;
    int conversion = -1;
    int debug = 0;
    if (*s == '=') {
        if (p->feature_version < 8) {
            str_error(p, "f-string: self documenting expressions are "
                               "only supported in Python 3.8 and greater");
            return -1;
        }
        debug = 1;
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r')) s++;
        /* the expression text (with the '=' and trailing blanks) becomes literal text */
        const char *k = expr_start;
        while (k < s) {
            if (ub_put(&ps->lit, utf8_next(&k)) < 0) { p->error = 1; return -1; }
        }
    }
    if (s < end && *s == '!') {
        s++;
        if (s >= end) { str_error(p, "f-string: expecting '}'"); return -1; }
        char cc = *s++;
        if (cc != 's' && cc != 'r' && cc != 'a') {
            str_error(p, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            return -1;
        }
        conversion = (unsigned char)cc;
    }
    expr_ty spec = NULL;
    if (s < end && *s == ':') {
        s++;
        Parts sub = {0};
        sub.first = ps->first;
        sub.last = ps->last;
        /* pegen: literal text flushed before a nested field sits at the whole string, the
         * trailing text (flushed at the end) at the spec's own token */
        if (fstring_parse(p, t, &s, end, raw, recurse + 1, &sub) < 0) { PyMem_Free(sub.v); PyMem_Free(sub.lit.s); return -1; }
        sub.spec_tok = t;
        if (flush_literal(p, &sub) < 0) return -1;
        PyMem_Free(sub.lit.s);
        asdl_expr_seq *vals = parts_seq(p, &sub);
        if (!vals) return -1;
        spec = _PyAST_JoinedStr(vals, TOKPOS(t)); /* pegen: the spec sits at its own token */
        if (!spec) return -1;
    }
    if (s >= end || *s != '}') {
        str_error(p, "f-string: expecting '}'");
        return -1;
    }
    s++;
    if (debug && conversion == -1 && !spec)
        conversion = 'r';
    if (flush_literal(p, ps) < 0) return -1;
    expr_ty fv = _PyAST_FormattedValue(e, conversion, spec, WHOLE(ps));
    if (!fv || parts_push(p, ps, fv) < 0) return -1;
    *sp = s;
    return 0;
}

/* Literal text and fields up to `end` (or, in a format spec, up to the closing '}'). */
static int
fstring_parse(Parser *p, Token *t, const char **sp, const char *end, int raw, int recurse, Parts *ps)
{
    const char *s = *sp;
    while (s < end) {
        const char *lit = s;
        int escaped_brace = 0;   /* "\{" or "\}": the brace still counts, as in 3.11 */
        while (s < end && *s != '{' && *s != '}') {
            if (!raw && *s == '\\' && s + 1 < end) {
                if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                    const char *c = memchr(s, '}', (size_t)(end - s));
                    s = c ? c + 1 : end;
                    continue;
                }
                if (s[1] == '{' || s[1] == '}') {
                    escaped_brace = 1;
                    s++;
                    if (*s == '{' && warn_escape(p, t, s, 0) < 0)
                        return -1;
                    break;
                }
                s += 2;
                continue;
            }
            s++;
        }
        if (s > lit && has_high_bytes(lit, s - lit) && check_utf8(p, lit, s - lit, raw) < 0)
            return -1;
        if (s > lit && decode_body(p, t, lit, s - lit, raw, 0, &ps->lit) < 0)
            return -1;
        if (s >= end) break;
        /* a doubled brace after a backslash is decoded with it, which warns (again) */
        if (escaped_brace && recurse == 0 && s + 1 < end && s[1] == *s &&
            warn_escape(p, t, s, 0) < 0)
            return -1;
        if (*s == '{') {
            if (recurse == 0 && s + 1 < end && s[1] == '{') {
                if (ub_put(&ps->lit, '{') < 0) return -1;
                s += 2;
                continue;
            }
            s++;
            if (fstring_field(p, t, &s, end, raw, recurse, ps) < 0) return -1;
            continue;
        }
        /* '}' */
        if (recurse > 0) break; /* end of a format spec */
        if (s + 1 < end && s[1] == '}') {
            if (ub_put(&ps->lit, '}') < 0) return -1;
            s += 2;
            continue;
        }
        str_error(p, "f-string: single '}' is not allowed");
        return -1;
    }
    *sp = s;
    return 0;
}

expr_ty
_PyPegen_concatenate_strings(Parser *p, int first, int last)
{
    Token *t0 = &p->toks[first], *tn = &p->toks[last];
    /* RAISE_SYNTAX_ERROR in pegen's string code points at the token after the strings */
    p->str_next = last + 1 < p->ntoks ? last + 1 : last;
    int any_f = 0, bytes_mode = -1;
    PyObject *kind = NULL;
    Parts ps = {0};
    ps.first = t0;
    ps.last = tn;
    for (int i = first; i <= last; i++) {
        Token *t = &p->toks[i];
        const char *s = t->start;
        int raw = 0, is_b = 0, is_f = 0, is_u = 0;
        for (; *s != '\'' && *s != '"'; s++) {
            char c = *s;
            if (c == 'r' || c == 'R') raw = 1;
            else if (c == 'b' || c == 'B') is_b = 1;
            else if (c == 'f' || c == 'F') is_f = 1;
            else if (c == 'u' || c == 'U') is_u = 1;
        }
        if (i == first && is_u && t->start[0] == 'u') { /* only a lowercase u prefix, as pegen */
            kind = PyUnicode_FromString("u");
            if (!kind || _PyArena_AddPyObject(p->arena, kind) < 0) { Py_XDECREF(kind); p->error = 1; goto fail; }
        }
        if (bytes_mode != -1 && bytes_mode != is_b) {
            str_error(p, "cannot mix bytes and nonbytes literals");
            goto fail;
        }
        bytes_mode = is_b;
        char q = *s;
        int qn = (s[1] == q && s[2] == q) ? 3 : 1;
        if (s + 1 == t->end - 1) qn = 1; /* '' */
        const char *body = s + qn, *bend = t->end - qn;
        if (!is_b && !is_f && has_high_bytes(body, bend - body) &&
            check_utf8(p, body, bend - body, raw || !memchr(body, '\\', (size_t)(bend - body))) < 0)
            goto fail;
        if (is_f) {
            if (!_PyPegen_check_version(p, 6, "Format strings are", &p->toks[p->str_next]))
                goto fail;
            any_f = 1;
            if (fstring_parse(p, t, &body, bend, raw, 0, &ps) < 0) goto fail;
        } else if (decode_body(p, t, body, bend - body, raw, is_b, &ps.lit) < 0) {
            goto fail;
        }
    }
    if (bytes_mode == 1 || !any_f) {
        PyObject *v = ub_finish(p, &ps.lit, bytes_mode == 1);
        PyMem_Free(ps.lit.s);
        PyMem_Free(ps.v);
        if (!v) return NULL;
        return _PyAST_Constant(v, kind, t0->lineno, t0->col_offset, tn->end_lineno, tn->end_col_offset, p->arena);
    }
    if (flush_literal(p, &ps) < 0) goto fail;
    PyMem_Free(ps.lit.s);
    {
        asdl_expr_seq *vals = parts_seq(p, &ps);
        if (!vals) return NULL;
        return _PyAST_JoinedStr(vals, t0->lineno, t0->col_offset, tn->end_lineno, tn->end_col_offset, p->arena);
    }
fail:
    p->error = 1;
    PyMem_Free(ps.lit.s);
    PyMem_Free(ps.v);
    return NULL;
}
