/* tokenizer.c — Python 3.11 source → tokens (owner: parser).
 * Handles decoding (BOM, PEP 263 cookie), indentation (INDENT/DEDENT, TabError),
 * continuation lines, numbers and strings with CPython's error messages.  String
 * *contents* are decoded later by string_parser.c; the grammar is parser.c's. */
#include "Python.h"
#include "tokenizer.h"
#include <ctype.h>

const char *const _PyParser_TokenNames[] = {
    "ENDMARKER", "NAME", "NUMBER", "STRING", "NEWLINE", "INDENT", "DEDENT", "LPAR", "RPAR",
    "LSQB", "RSQB", "COLON", "COMMA", "SEMI", "PLUS", "MINUS", "STAR", "SLASH", "VBAR",
    "AMPER", "LESS", "GREATER", "EQUAL", "DOT", "PERCENT", "LBRACE", "RBRACE", "EQEQUAL",
    "NOTEQUAL", "LESSEQUAL", "GREATEREQUAL", "TILDE", "CIRCUMFLEX", "LEFTSHIFT",
    "RIGHTSHIFT", "DOUBLESTAR", "PLUSEQUAL", "MINEQUAL", "STAREQUAL", "SLASHEQUAL",
    "PERCENTEQUAL", "AMPEREQUAL", "VBAREQUAL", "CIRCUMFLEXEQUAL", "LEFTSHIFTEQUAL",
    "RIGHTSHIFTEQUAL", "DOUBLESTAREQUAL", "DOUBLESLASH", "DOUBLESLASHEQUAL", "AT", "ATEQUAL",
    "RARROW", "ELLIPSIS", "COLONEQUAL", "OP", "AWAIT", "ASYNC", "TYPE_IGNORE", "TYPE_COMMENT",
    "SOFT_KEYWORD", "ERRORTOKEN", "COMMENT", "NL", "ENCODING", "<N_TOKENS>",
};

int
PyToken_OneChar(int c)
{
    switch (c) {
    case '%': return PERCENT;  case '&': return AMPER;    case '(': return LPAR;
    case ')': return RPAR;     case '*': return STAR;     case '+': return PLUS;
    case ',': return COMMA;    case '-': return MINUS;    case '.': return DOT;
    case '/': return SLASH;    case ':': return COLON;    case ';': return SEMI;
    case '<': return LESS;     case '=': return EQUAL;    case '>': return GREATER;
    case '@': return AT;       case '[': return LSQB;     case ']': return RSQB;
    case '^': return CIRCUMFLEX; case '{': return LBRACE; case '|': return VBAR;
    case '}': return RBRACE;   case '~': return TILDE;
    }
    return OP;
}

int
PyToken_TwoChars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return NOTEQUAL; break;
    case '%': if (c2 == '=') return PERCENTEQUAL; break;
    case '&': if (c2 == '=') return AMPEREQUAL; break;
    case '*': if (c2 == '*') return DOUBLESTAR; if (c2 == '=') return STAREQUAL; break;
    case '+': if (c2 == '=') return PLUSEQUAL; break;
    case '-': if (c2 == '=') return MINEQUAL; if (c2 == '>') return RARROW; break;
    case '/': if (c2 == '/') return DOUBLESLASH; if (c2 == '=') return SLASHEQUAL; break;
    case ':': if (c2 == '=') return COLONEQUAL; break;
    case '<':
        if (c2 == '<') return LEFTSHIFT;
        if (c2 == '=') return LESSEQUAL;
        if (c2 == '>') return NOTEQUAL;
        break;
    case '=': if (c2 == '=') return EQEQUAL; break;
    case '>': if (c2 == '=') return GREATEREQUAL; if (c2 == '>') return RIGHTSHIFT; break;
    case '@': if (c2 == '=') return ATEQUAL; break;
    case '^': if (c2 == '=') return CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return VBAREQUAL; break;
    }
    return OP;
}

int
PyToken_ThreeChars(int c1, int c2, int c3)
{
    if (c3 == '=') {
        if (c1 == '*' && c2 == '*') return DOUBLESTAREQUAL;
        if (c1 == '.' && c2 == '.') return OP;
        if (c1 == '/' && c2 == '/') return DOUBLESLASHEQUAL;
        if (c1 == '<' && c2 == '<') return LEFTSHIFTEQUAL;
        if (c1 == '>' && c2 == '>') return RIGHTSHIFTEQUAL;
    }
    if (c1 == '.' && c2 == '.' && c3 == '.') return ELLIPSIS;
    return OP;
}

/* ---------------------------------------------------------------- helpers */

static const char *
line_start_of(const char *buf, int lineno)
{
    const char *p = buf;
    for (int l = 1; l < lineno && *p; p++)
        if (*p == '\n')
            l++;
    return p;
}

PyObject *
_PyTokenizer_LineText(const char *buf, int lineno, int keep_newline)
{
    const char *s = line_start_of(buf, lineno);
    size_t n = strcspn(s, "\n");
    if (keep_newline && s[n] == '\n')
        n++;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
}

static int
utf8_chars(const char *s, Py_ssize_t n)
{
    int c = 0;
    for (Py_ssize_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

int
_PyTokenizer_ByteToChar(const char *buf, int lineno, int col)
{
    return _PyTokenizer_ByteToCharIn(buf, lineno, col, 1);
}

int
_PyTokenizer_ByteToCharIn(const char *buf, int lineno, int col, int with_newline)
{
    const char *s = line_start_of(buf, lineno);
    Py_ssize_t len = (Py_ssize_t)strcspn(s, "\n");
    if (with_newline && s[len] == '\n')
        len++;
    if (col > len + 1)
        col = (int)len + 1;
    if (col <= 0)
        return col;
    return utf8_chars(s, col - 1) + 1;
}

void
_PyTokenizer_RaiseSyntax(PyObject *type, PyObject *filename, const char *msg, int lineno,
                         int offset, PyObject *text, int end_lineno, int end_offset)
{
    PyObject *m = PyUnicode_FromString(msg);
    if (!m)
        return;
    if (!text) {
        text = Py_None;
    }
    PyObject *loc = Py_BuildValue("(OiiOii)", filename ? filename : Py_None, lineno, offset,
                                  text, end_lineno, end_offset);
    if (!loc) {
        Py_DECREF(m);
        return;
    }
    PyObject *args = PyTuple_Pack(2, m, loc);
    Py_DECREF(m);
    Py_DECREF(loc);
    if (args) {
        PyErr_SetObject(type, args);
        Py_DECREF(args);
    }
}

int
_PyTokenizer_IsIdStart(Py_UCS4 c)
{
    if (c < 128)
        return isalpha((int)c) || c == '_';
    return _PyUnicode_IsXidStart(c);
}

int
_PyTokenizer_IsIdContinue(Py_UCS4 c)
{
    if (c < 128)
        return isalnum((int)c) || c == '_';
    return _PyUnicode_IsXidContinue(c);
}

static Py_UCS4
utf8_decode1(const unsigned char *s, int *len)
{
    if (s[0] < 0x80) { *len = 1; return s[0]; }
    if ((s[0] & 0xE0) == 0xC0) { *len = 2; return ((Py_UCS4)(s[0] & 0x1F) << 6) | (s[1] & 0x3F); }
    if ((s[0] & 0xF0) == 0xE0) {
        *len = 3;
        return ((Py_UCS4)(s[0] & 0x0F) << 12) | ((Py_UCS4)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    *len = 4;
    return ((Py_UCS4)(s[0] & 0x07) << 18) | ((Py_UCS4)(s[1] & 0x3F) << 12) |
           ((Py_UCS4)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* ---------------------------------------------------------------- decoding */

static int
find_cookie(const char *line, size_t n, char *enc, size_t encsz)
{
    /* ^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+) */
    size_t i = 0;
    while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f'))
        i++;
    if (i >= n || line[i] != '#')
        return 0;
    for (; i + 6 < n; i++) {
        if (memcmp(line + i, "coding", 6) == 0 && (line[i + 6] == ':' || line[i + 6] == '=')) {
            size_t j = i + 7;
            while (j < n && (line[j] == ' ' || line[j] == '\t'))
                j++;
            size_t k = 0;
            while (j < n && k + 1 < encsz &&
                   (isalnum((unsigned char)line[j]) || line[j] == '-' || line[j] == '_' ||
                    line[j] == '.'))
                enc[k++] = line[j++];
            enc[k] = 0;
            if (k)
                return 1;
        }
    }
    return 0;
}

/* CPython's get_normal_name(): utf-8 and latin-1 spellings. */
static const char *
normal_encoding(const char *s)
{
    char buf[13];
    int i;
    for (i = 0; i < 12 && s[i]; i++)
        buf[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    buf[i] = 0;
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0)
        return "utf-8";
    if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
        strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
        strncmp(buf, "iso-8859-1-", 11) == 0 || strncmp(buf, "iso-latin-1-", 12) == 0)
        return "iso-8859-1";
    return s;
}

static Py_ssize_t
utf8_invalid_at(const unsigned char *s, Py_ssize_t n)
{
    Py_ssize_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        int k;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) k = 1;
        else if (c >= 0xE0 && c <= 0xEF) k = 2;
        else if (c >= 0xF0 && c <= 0xF4) k = 3;
        else return i;
        if (i + k >= n + 0 && i + k > n - 1 + 1) return i;
        for (int j = 1; j <= k; j++)
            if (i + j >= n || (s[i + j] & 0xC0) != 0x80)
                return i;
        if (c == 0xE0 && s[i + 1] < 0xA0) return i;
        if (c == 0xED && s[i + 1] >= 0xA0) return i;
        if (c == 0xF0 && s[i + 1] < 0x90) return i;
        if (c == 0xF4 && s[i + 1] >= 0x90) return i;
        i += k + 1;
    }
    return -1;
}

/* The PEP 263 cookie of bytes (a UTF-8 BOM skipped): on line 1, or on line 2 if line 1
 * is blank or a comment.  1 and enc filled (as written) if found, else 0. */
static int
detect_cookie(const char *bytes, Py_ssize_t n, char *enc, size_t encsz)
{
    const char *l1 = bytes;
    size_t n1 = 0;
    while ((Py_ssize_t)n1 < n && l1[n1] != '\n')
        n1++;
    if (find_cookie(l1, n1, enc, encsz))
        return 1;
    if ((Py_ssize_t)n1 >= n)
        return 0;
    size_t k = 0;
    while (k < n1 && (l1[k] == ' ' || l1[k] == '\t' || l1[k] == '\f'))
        k++;
    if (k != n1 && l1[k] != '#' && l1[k] != '\r')
        return 0;
    const char *l2 = l1 + n1 + 1;
    size_t n2 = 0;
    while ((Py_ssize_t)(n1 + 1 + n2) < n && l2[n2] != '\n')
        n2++;
    return find_cookie(l2, n2, enc, encsz);
}

const char *
_PyTokenizer_FindEncoding(const char *bytes, Py_ssize_t n, char *enc, size_t encsz)
{
    if (n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        n -= 3;
    }
    if (!detect_cookie(bytes, n, enc, encsz))
        return "utf-8";
    return normal_encoding(enc);
}

/* Decoding errors: CPython's file tokenizer raises them without a location; its string
 * tokenizer gives (filename, 0, -1, None). */
static void
raise_plain_syntax(PyObject *filename, const char *msg, int from_file)
{
    PyObject *m = PyUnicode_FromString(msg);
    if (!m) return;
    if (from_file || !filename) {
        PyErr_SetObject(PyExc_SyntaxError, m);
        Py_DECREF(m);
        return;
    }
    PyObject *args = Py_BuildValue("(N(Oii O))", m, filename, 0, -1, Py_None);
    if (args) {
        PyErr_SetObject(PyExc_SyntaxError, args);
        Py_DECREF(args);
    }
}

char *
_PyTokenizer_DecodeSource(const char *bytes, Py_ssize_t n, PyObject *filename,
                          int ignore_cookie, Py_ssize_t *outlen)
{
    return _PyTokenizer_DecodeSourceEx(bytes, n, filename, ignore_cookie, outlen, NULL);
}

/* As above; *found_cookie (if given) tells whether a PEP 263 cookie named the encoding. */
char *
_PyTokenizer_DecodeSourceEx(const char *bytes, Py_ssize_t n, PyObject *filename,
                            int ignore_cookie, Py_ssize_t *outlen, int *found_cookie)
{
    /* bit 2 of ignore_cookie: the text comes from a file, whose UTF-8 CPython validates
     * line by line ("Non-UTF-8 code ..."); bytes given to compile() are only decoded
     * token by token (identifiers, string literals). */
    int from_file = (ignore_cookie & 2) != 0;
    ignore_cookie &= 1;
    if (found_cookie)
        *found_cookie = 0;
    int bom = 0;
    /* a str source (ignore_cookie) has no BOM: a leading U+FEFF is a character, and an
     * invalid one (3.11's tokenizer for UTF-8 strings skips the BOM check) */
    if (!ignore_cookie && n >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
        bytes += 3;
        n -= 3;
        bom = 1;
    }
    char enc[64] = "utf-8";
    const char *encoding = "utf-8";
    if (!ignore_cookie) {
        /* the cookie may be on line 1, or on line 2 if line 1 is blank/comment only */
        if (detect_cookie(bytes, n, enc, sizeof enc)) {
            if (found_cookie)
                *found_cookie = 1;
            encoding = normal_encoding(enc);
            if (bom && strcmp(encoding, "utf-8") != 0) {
                char msg[128];
                snprintf(msg, sizeof msg, "encoding problem: %s with BOM", encoding);
                raise_plain_syntax(filename, msg, from_file);
                return NULL;
            }
        }
    }
    char *out;
    Py_ssize_t olen;
    if (strcmp(encoding, "utf-8") == 0) {
        Py_ssize_t bad = from_file ? utf8_invalid_at((const unsigned char *)bytes, n) : -1;
        if (bad >= 0) {
            int line = 1;
            for (Py_ssize_t i = 0; i < bad; i++)
                if (bytes[i] == '\n') line++;
            char msg[512];
            PyObject *fs = filename ? PyObject_Str(filename) : NULL;
            const char *fn = fs ? PyUnicode_AsUTF8(fs) : "<string>";
            snprintf(msg, sizeof msg,
                     "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no "
                     "encoding declared; see https://peps.python.org/pep-0263/ for details",
                     (unsigned char)bytes[bad], fn ? fn : "?", line);
            Py_XDECREF(fs);
            PyErr_Clear();
            raise_plain_syntax(filename, msg, 1);
            return NULL;
        }
        out = PyMem_Malloc((size_t)n + 1);
        if (!out) { PyErr_NoMemory(); return NULL; }
        memcpy(out, bytes, (size_t)n);
        olen = n;
    } else if (strcmp(encoding, "iso-8859-1") == 0) {
        out = PyMem_Malloc((size_t)n * 2 + 1);
        if (!out) { PyErr_NoMemory(); return NULL; }
        olen = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)bytes[i];
            if (c < 0x80) out[olen++] = (char)c;
            else { out[olen++] = (char)(0xC0 | (c >> 6)); out[olen++] = (char)(0x80 | (c & 0x3F)); }
        }
    } else {
        PyObject *u = PyUnicode_Decode(bytes, n, encoding, "strict");
        if (!u) {
            if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                PyErr_Clear();
                char msg[128];
                snprintf(msg, sizeof msg, from_file ? "encoding problem: %s" : "unknown encoding: %s", encoding);
                raise_plain_syntax(filename, msg, from_file);
            } else if (PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
                /* undecodable with the declared encoding: a file says "encoding problem",
                 * a string source the codec's message at line 0 (3.11's E_DECODE) */
                PyObject *type, *value, *tb;
                PyErr_Fetch(&type, &value, &tb);
                PyObject *text = from_file ? NULL : PyObject_Str(value);
                Py_XDECREF(type);
                Py_XDECREF(value);
                Py_XDECREF(tb);
                if (from_file) {
                    char msg[128];
                    snprintf(msg, sizeof msg, "encoding problem: %s", encoding);
                    raise_plain_syntax(filename, msg, from_file);
                } else if (text != NULL) {
                    const char *t = PyUnicode_AsUTF8(text);
                    if (t != NULL)
                        raise_plain_syntax(filename, t, 0);
                    Py_DECREF(text);
                }
            }
            return NULL;
        }
        Py_ssize_t m;
        const char *s = PyUnicode_AsUTF8AndSize(u, &m);
        if (!s) { Py_DECREF(u); return NULL; }
        out = PyMem_Malloc((size_t)m + 1);
        if (!out) { Py_DECREF(u); PyErr_NoMemory(); return NULL; }
        memcpy(out, s, (size_t)m);
        olen = m;
        Py_DECREF(u);
    }
    out[olen] = 0;
    *outlen = olen;
    return out;
}

/* ---------------------------------------------------------------- tokenizer */

#define MAXINDENT 100
#define MAXLEVEL 200

typedef struct {
    TokState *ts;
    const char *cur, *line_start, *end;
    int lineno;
    int indstack[MAXINDENT], altindstack[MAXINDENT], indent;
    int level;
    char parenstack[MAXLEVEL];
    int parenlineno[MAXLEVEL], parencol[MAXLEVEL];
    int atbol, blankline;
    int saw_eof;
} Lexer;

static int
push_tok(Lexer *L, int type, const char *s, const char *e, int l1, int c1, int l2, int c2)
{
    TokState *ts = L->ts;
    if (ts->ntoks == ts->cap) {
        Py_ssize_t cap = ts->cap ? ts->cap * 2 : 256;
        Token *n = PyMem_Realloc(ts->toks, (size_t)cap * sizeof(Token));
        if (!n) {
            PyErr_NoMemory();
            return -1;
        }
        ts->toks = n;
        ts->cap = cap;
    }
    Token *t = &ts->toks[ts->ntoks++];
    t->type = type;
    t->kw = 0;
    t->start = s;
    t->end = e;
    t->lineno = l1;
    t->col_offset = c1;
    t->end_lineno = l2;
    t->end_col_offset = c2;
    t->at_eof = L->saw_eof;
    t->level = L->level;
    return 0;
}

/* Records a tokenizer error: offsets are 1-based characters on the current line, as
 * CPython's tokenizer computes them (col -1 = up to `upto`). */
static int deferred(Lexer *L);

/* (for the errors whose SyntaxError.text keeps the line's newline, as pegen's) */
static int
text_with_newline(Lexer *L)
{
    TokError *e = &L->ts->err;
    if (e->text && PyUnicode_Check(e->text)) {
        const char *ls = line_start_of(L->ts->buf, e->lineno);
        size_t n = strcspn(ls, "\n");
        if (ls[n] == '\n') {
            PyObject *t = PyUnicode_DecodeUTF8(ls, (Py_ssize_t)n + 1, "replace");
            if (t) Py_SETREF(e->text, t);
            else PyErr_Clear();
        }
    }
    return deferred(L);
}

static int
tok_error_at(Lexer *L, PyObject *type, const char *line_start, int lineno, const char *upto,
             int col, int end_col, const char *fmt, ...)
{
    TokError *e = &L->ts->err;
    va_list va;
    va_start(va, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, va);
    va_end(va);
    e->type = type;
    if (col == -1)
        col = utf8_chars(line_start, upto - line_start);
    if (end_col == -1)
        end_col = col;
    else if (end_col == TOK_END_NONE)
        end_col = -1; /* pegen reports end_offset -1 for these */
    e->lineno = e->end_lineno = lineno;
    e->offset = col;
    e->end_offset = end_col;
    size_t n = strcspn(line_start, "\n");
    e->text = PyUnicode_DecodeUTF8(line_start, (Py_ssize_t)n, "replace");
    if (!e->text)
        PyErr_Clear();
    L->ts->err_tok = (int)L->ts->ntoks;
    if (push_tok(L, ERRORTOKEN, upto, upto, lineno, (int)(upto - line_start), lineno,
                 (int)(upto - line_start)) < 0)
        return -1;
    return 1;
}

/* The error just recorded is pegen's E_EOF (a backslash continuing into the end): inside
 * brackets, 3.11's tokenizer_error reports the innermost unclosed bracket instead. */
static void
eof_in_brackets(Lexer *L)
{
    if (L->level <= 0)
        return;
    TokState *ts = L->ts;
    ts->err.in_brackets = 1;
    ts->unclosed_level = L->level;
    ts->unclosed_char = L->parenstack[L->level - 1];
    ts->unclosed_lineno = L->parenlineno[L->level - 1];
    ts->unclosed_col = L->parencol[L->level - 1];
}

/* marks the error just recorded as one pegen only sees on reaching its token */
static int
deferred(Lexer *L)
{
    L->ts->err.deferred = 1;
    return 1;
}

#define ERR(...) return tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur, -1, -1, __VA_ARGS__)

static int
next_line(Lexer *L)
{
    /* L->cur points just after a '\n' */
    L->line_start = L->cur;
    L->lineno++;
    return 0;
}

static int
is_potential_id_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (c >= '0' && c <= '9') || c >= 128;
}

static int
tok_warn(Lexer *L, const char *fmt, const char *kind)
{
    char msg[128];
    snprintf(msg, sizeof msg, fmt, kind);
    PyObject *m = PyUnicode_FromString(msg);
    if (!m)
        return -1;
    /* a SyntaxWarning, as python3.11 (3.11.2+deb12u9) warns about "0xfor x" */
    int rc = PyErr_WarnExplicitObject(PyExc_SyntaxWarning, m, L->ts->filename, L->lineno,
                                      NULL, NULL);
    Py_DECREF(m);
    if (rc < 0 && PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
        /* -Werror: turn the warning into the SyntaxError CPython would raise */
        PyErr_Clear();
        tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur, -1, -1, fmt, kind);
        return 1;
    }
    return rc;
}

/* After a number: a following keyword only warns, an identifier char is an error.
 * Returns 0 when fine, 1 when an error token was emitted, -1 on failure. */
static int
verify_end_of_number(Lexer *L, const char *kind)
{
    const char *c = L->cur;
    int r = 0;
    switch (*c) {
    case 'a': r = strncmp(c + 1, "nd", 2) == 0; break;
    case 'e': r = strncmp(c + 1, "lse", 3) == 0; break;
    case 'f': r = strncmp(c + 1, "or", 2) == 0; break;
    case 'i': r = c[1] == 'f' || c[1] == 'n' || c[1] == 's'; break;
    case 'o': r = c[1] == 'r'; break;
    case 'n': r = strncmp(c + 1, "ot", 2) == 0; break;
    }
    if (r)
        return tok_warn(L, "invalid %s literal", kind);
    if (c < L->end && is_potential_id_char((unsigned char)*c)) {
        /* CPython backs up over the offending character: the column is just before it */
        ERR("invalid %s literal", kind);
    }
    return 0;
}

/* digits with single underscores between; cur is after the first digit. 1 on error. */
static int
decimal_tail(Lexer *L)
{
    for (;;) {
        while (isdigit((unsigned char)*L->cur))
            L->cur++;
        if (*L->cur != '_')
            return 0;
        L->cur++;
        if (!isdigit((unsigned char)*L->cur)) {
            ERR("invalid decimal literal");
        }
    }
}

static int
lex_number(Lexer *L, const char *start)
{
    const char *c;
    int rc;
    if (*start == '0' && (start[1] == 'x' || start[1] == 'X' || start[1] == 'o' ||
                          start[1] == 'O' || start[1] == 'b' || start[1] == 'B')) {
        char k = (char)tolower((unsigned char)start[1]);
        const char *kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
        L->cur = start + 2;
        do {
            if (*L->cur == '_')
                L->cur++;
            c = L->cur;
            int ok = k == 'x' ? isxdigit((unsigned char)*c) : k == 'o' ? (*c >= '0' && *c <= '7')
                                                                        : (*c == '0' || *c == '1');
            if (!ok) {
                if (isdigit((unsigned char)*c) && k != 'x') {
                    L->cur++;
                    ERR("invalid digit '%c' in %s literal", *c, kind);
                }
                ERR("invalid %s literal", kind); /* CPython backs up over the bad char */
            }
            while (k == 'x' ? isxdigit((unsigned char)*L->cur)
                            : k == 'o' ? (*L->cur >= '0' && *L->cur <= '7')
                                       : (*L->cur == '0' || *L->cur == '1'))
                L->cur++;
        } while (*L->cur == '_');
        if (k != 'x' && isdigit((unsigned char)*L->cur)) {
            c = L->cur++;
            ERR("invalid digit '%c' in %s literal", *c, kind);
        }
        return verify_end_of_number(L, kind);
    }
    L->cur = start;
    if (*start == '.')
        goto fraction;
    if (*start == '0') {
        int nonzero = 0;
        L->cur++;
        while (*L->cur == '0' || *L->cur == '_') {
            if (*L->cur == '_') {
                L->cur++;
                if (!isdigit((unsigned char)*L->cur))
                    ERR("invalid decimal literal");
            }
            else
                L->cur++;
        }
        const char *zeros_end = L->cur;
        if (isdigit((unsigned char)*L->cur)) {
            nonzero = 1;
            L->cur++;
            if ((rc = decimal_tail(L)))
                return rc;
        }
        if (*L->cur == '.') { L->cur++; goto fraction_digits; }
        if (*L->cur == 'e' || *L->cur == 'E') goto exponent;
        if (*L->cur == 'j' || *L->cur == 'J') goto imaginary;
        if (nonzero) {
            return tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur,
                                utf8_chars(L->line_start, start - L->line_start) + 1,
                                utf8_chars(L->line_start, zeros_end - L->line_start) + 1,
                                "leading zeros in decimal integer literals are not permitted; "
                                "use an 0o prefix for octal integers");
        }
        return verify_end_of_number(L, "decimal");
    }
    L->cur++;
    if ((rc = decimal_tail(L)))
        return rc;
    if (*L->cur == '.') {
        L->cur++;
        goto fraction_digits;
    }
    goto after_fraction;
fraction:
    L->cur++; /* the '.' */
fraction_digits:
    if (isdigit((unsigned char)*L->cur)) {
        L->cur++;
        if ((rc = decimal_tail(L)))
            return rc;
    }
after_fraction:
    if (*L->cur == 'e' || *L->cur == 'E') {
    exponent:;
        const char *e = L->cur++;
        if (*L->cur == '+' || *L->cur == '-') {
            L->cur++;
            if (!isdigit((unsigned char)*L->cur))
                ERR("invalid decimal literal");
        } else if (!isdigit((unsigned char)*L->cur)) {
            L->cur = e;
            return verify_end_of_number(L, "decimal");
        }
        L->cur++;
        if ((rc = decimal_tail(L)))
            return rc;
    }
    if (*L->cur == 'j' || *L->cur == 'J') {
    imaginary:
        L->cur++;
        return verify_end_of_number(L, "imaginary");
    }
    return verify_end_of_number(L, "decimal");
}

static int
lex_string(Lexer *L, const char *start, const char *q)
{
    char quote = *q;
    int quote_size = 1, end_quote = 0;
    int first_lineno = L->lineno;
    const char *first_line_start = L->line_start;
    L->cur = q + 1;
    if (*L->cur == quote) {
        if (L->cur[1] == quote) {
            quote_size = 3;
            L->cur += 2;
        } else {
            L->cur++;
            return 0; /* empty string */
        }
    }
    while (end_quote != quote_size) {
        if (L->cur >= L->end || (quote_size == 1 && *L->cur == '\n')) {
            int detected = L->lineno + L->ts->line_base;
            int at_eof = L->cur >= L->end;
            if (at_eof && L->cur > L->ts->buf && L->cur[-1] == '\n' &&
                detected > first_lineno + L->ts->line_base)
                detected--; /* CPython has not started the (empty) line after the last '\n' */
            L->ts->err.eof_kind = at_eof;
            L->cur = start + 1;
            L->lineno = first_lineno;
            L->line_start = first_line_start;
            if (quote_size == 3)
                ERR("unterminated triple-quoted string literal (detected at line %d)", detected);
            ERR("unterminated string literal (detected at line %d)", detected);
        }
        char c = *L->cur++;
        if (c == quote) {
            end_quote++;
        } else {
            end_quote = 0;
            if (c == '\\' && L->cur < L->end)
                c = *L->cur++;
            if (c == '\n')
                next_line(L);
        }
    }
    return 0;
}

static int
verify_identifier(Lexer *L, const char *start)
{
    const unsigned char *s = (const unsigned char *)start;
    int first = 1;
    /* bytes given to compile() are not validated up front: undecodable UTF-8 in a name is
     * "(unicode error) ..." reported at the end of the name, end offset -1 */
    PyObject *u = PyUnicode_DecodeUTF8(start, L->cur - start, NULL);
    if (!u) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeDecodeError))
            return -1;
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        PyObject *m = v ? PyObject_Str(v) : NULL;
        Py_XDECREF(t); Py_XDECREF(tb);
        if (!m) { Py_XDECREF(v); return -1; }
        int r = tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur,
                             (int)(L->cur - L->line_start), TOK_END_NONE, "(unicode error) %s",
                             PyUnicode_AsUTF8(m));
        Py_DECREF(m);
        L->ts->err.decode_exc = v;
        return r;
    }
    Py_DECREF(u);
    while ((const char *)s < L->cur) {
        int n;
        Py_UCS4 ch = utf8_decode1(s, &n);
        int ok = first ? _PyTokenizer_IsIdStart(ch) : _PyTokenizer_IsIdContinue(ch);
        if (!ok && !first && ch >= 128) {
            /* NFKC may turn it into valid characters (CPython checks after normalising) */
            ok = 0;
        }
        if (!ok) {
            L->cur = (const char *)s + n;
            if (_PyUnicode_IsPrintable(ch))
                return tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur, -1, -1,
                                    "invalid character '%.*s' (U+%04X)", n, (const char *)s, (unsigned)ch);
            return tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur, -1, -1,
                                "invalid non-printable character U+%04X", (unsigned)ch);
        }
        first = 0;
        s += n;
    }
    return 0;
}

static int
emit(Lexer *L, int type, const char *s, const char *e)
{
    /* tokens never span lines except strings, handled by the caller */
    return push_tok(L, type, s, e, L->lineno, (int)(s - L->line_start), L->lineno,
                    (int)(e - L->line_start));
}

static int
indentation(Lexer *L)
{
    int col = 0, altcol = 0, cont_col = 0;
    const char *p = L->cur;
    for (;; p++) {
        if (*p == ' ')
            col++, altcol++;
        else if (*p == '\t') {
            col = (col / 8 + 1) * 8;
            altcol++;
        } else if (*p == '\f')
            col = altcol = 0;
        else if (*p == '\\' && p[1] == '\n' && p + 2 < L->end) {
            /* indentation is not split by backslashes: the first one found gives the
               level, and a blank line after it makes the whole a blank line (bpo-40847) */
            if (!cont_col)
                cont_col = col;
            L->cur = p + 2;
            next_line(L);
            p = L->cur - 1;
        } else
            break;
    }
    L->cur = p;
    L->blankline = (*p == '#' || *p == '\n' || p >= L->end);
    if (L->blankline || L->level > 0)
        return 0;
    if (cont_col)
        col = altcol = cont_col;
    if (col == L->indstack[L->indent]) {
        if (altcol != L->altindstack[L->indent])
            goto taberror;
    } else if (col > L->indstack[L->indent]) {
        if (L->indent + 1 >= MAXINDENT)
            return tok_error_at(L, PyExc_IndentationError, L->line_start, L->lineno, L->cur, 1, 0,
                                "too many levels of indentation") < 0 ? -1 : deferred(L);
        if (altcol <= L->altindstack[L->indent])
            goto taberror;
        L->indent++;
        L->indstack[L->indent] = col;
        L->altindstack[L->indent] = altcol;
        return push_tok(L, INDENT, NULL, NULL, L->lineno, -1, L->lineno, -1);
    } else {
        while (L->indent > 0 && col < L->indstack[L->indent]) {
            L->indent--;
            if (push_tok(L, DEDENT, NULL, NULL, L->lineno, -1, L->lineno, -1) < 0)
                return -1;
        }
        if (col != L->indstack[L->indent]) {
            L->ts->ntoks -= 0;
            /* pegen: column = the whole line (the tokenizer's cur is at its end), no end */
            const char *eol = L->cur + strcspn(L->cur, "\n");
            if (*eol == '\n') eol++; /* (exec input always has its final newline) */
            return tok_error_at(L, PyExc_IndentationError, L->line_start, L->lineno, L->cur,
                                (int)utf8_chars(L->line_start, eol - L->line_start), TOK_END_NONE,
                                "unindent does not match any outer indentation level") < 0 ? -1 : text_with_newline(L);
        }
        if (altcol != L->altindstack[L->indent])
            goto taberror;
    }
    return 0;
taberror:
    return tok_error_at(L, PyExc_TabError, L->line_start, L->lineno, L->cur, 1, 0,
                        "inconsistent use of tabs and spaces in indentation") < 0 ? -1 : deferred(L);
}

/* With PyCF_TYPE_COMMENTS, a comment matching "#[ \t]*type:[ \t]*" is a TYPE_COMMENT token
 * (its text after that prefix), or, for "type: ignore" followed by the end or an ASCII
 * non-alphanumeric, a type-ignore recorded aside with its tag.  A TYPE_COMMENT alone on
 * its line is followed by a NEWLINE (CPython's tokenizer forgets the line was blank).
 * Returns 1 when a token was pushed, 0 when not, -1 on memory errors. */
static int
type_comment(Lexer *L, const char *hash)
{
    const char *prefix = "# type: ", *p = hash;
    while (*prefix && p < L->cur) {
        if (*prefix == ' ') {
            while (*p == ' ' || *p == '\t') p++;
        } else if (*prefix == *p) {
            p++;
        } else {
            break;
        }
        prefix++;
    }
    if (*prefix)
        return 0;
    const char *ignore_end = p + 6;
    int is_ignore = L->cur >= ignore_end && memcmp(p, "ignore", 6) == 0 &&
                    !(L->cur > ignore_end && ((unsigned char)ignore_end[0] >= 128 ||
                                              isalnum((unsigned char)ignore_end[0])));
    if (is_ignore) {
        TokState *ts = L->ts;
        if (ts->nignores == ts->capignores) {
            Py_ssize_t cap = ts->capignores ? ts->capignores * 2 : 8;
            Token *n = PyMem_Realloc(ts->ignores, (size_t)cap * sizeof(Token));
            if (!n) { PyErr_NoMemory(); return -1; }
            ts->ignores = n;
            ts->capignores = cap;
        }
        Token *t = &ts->ignores[ts->nignores++];
        memset(t, 0, sizeof *t);
        t->start = ignore_end;
        t->end = L->cur;
        t->lineno = t->end_lineno = L->lineno;
        return 0;
    }
    if (emit(L, TYPE_COMMENT, p, L->cur) < 0)
        return -1;
    L->blankline = 0;
    return 1;
}

static const char *opening_of(char c) { return c == ')' ? "(" : c == ']' ? "[" : "{"; }

static int
lex(Lexer *L)
{
    int rc;
    for (;;) {
        if (L->atbol) {
            L->atbol = 0;
            if ((rc = indentation(L)))
                return rc;
        }
        /* skip spaces and comments */
        while (*L->cur == ' ' || *L->cur == '\t' || *L->cur == '\f')
            L->cur++;
        const char *hash = NULL;   /* a comment before the NEWLINE starts it, as in CPython */
        if (*L->cur == '#') {
            hash = L->cur;
            while (L->cur < L->end && *L->cur != '\n')
                L->cur++;
            if (L->ts->type_comments && (rc = type_comment(L, hash)))
                return rc < 0 ? rc : 0;
        }
        const char *s = L->cur;
        if (s >= L->end) {
            L->saw_eof = 1;
            if (L->level > 0) {
                TokState *ts = L->ts;
                ts->unclosed_level = L->level;
                ts->unclosed_char = L->parenstack[L->level - 1];
                ts->unclosed_lineno = L->parenlineno[L->level - 1];
                ts->unclosed_col = L->parencol[L->level - 1];
                ts->err_tok = (int)ts->ntoks;
                return emit(L, ERRORTOKEN, s, s) < 0 ? -1 : 1;
            }
            Token *last = L->ts->ntoks ? &L->ts->toks[L->ts->ntoks - 1] : NULL;
            if (last && last->type != NEWLINE && last->type != DEDENT && last->type != INDENT) {
                if (push_tok(L, NEWLINE, s, s, L->lineno, (int)((hash ? hash : s) - L->line_start),
                             L->lineno, (int)(s - L->line_start)) < 0) /* zero width, as CPython's */
                    return -1;
            }
            while (L->indent > 0) {
                L->indent--;
                if (push_tok(L, DEDENT, s, s, L->lineno, -1, L->lineno, -1) < 0)
                    return -1;
            }
            /* ENDMARKER sits on the line after the last newline */
            return emit(L, ENDMARKER, s, s) < 0 ? -1 : 1;
        }
        unsigned char c = (unsigned char)*s;
        if (c == '\n') {
            L->cur++;
            int blank = L->blankline || L->level > 0;
            if (!blank) {
                if (push_tok(L, NEWLINE, s, s + 1, L->lineno, (int)((hash ? hash : s) - L->line_start),
                             L->lineno, (int)(s - L->line_start)) < 0) /* CPython leaves '\n' out */
                    return -1;
            }
            next_line(L);
            L->atbol = 1;
            if (!blank)
                return 0;
            continue;
        }
        L->blankline = 0;
        if (c == '\\') {
            if (s + 1 >= L->end) {
                /* single/eval input gets no added newline (exec input always has one):
                 * the character after the backslash is the end */
                L->cur = L->end;
                return tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur,
                                    (int)utf8_chars(L->line_start, s - L->line_start) + 1, 0,
                                    "unexpected character after line continuation character") < 0 ? -1 : deferred(L);
            }
            if (s + 1 >= L->end) {
                /* a backslash ending the source: pegen's string input gets a newline added,
                 * so this is a continuation into EOF */
                L->cur = L->end;
                L->saw_eof = 1;
                if (tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur,
                                (int)utf8_chars(L->line_start, s - L->line_start) + 2, TOK_END_NONE,
                                "unexpected EOF while parsing") < 0)
                    return -1;
                L->ts->err.eof_kind = 2;   /* pegen's E_EOF: "incomplete input" if allowed */
                eof_in_brackets(L);
                return deferred(L);
            }
            if (s[1] == '\n' && s + 2 >= L->end) {
                /* a backslash continuing the last line into EOF: reported on its own line */
                L->cur = L->end;
                L->saw_eof = 1;
                if (tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur,
                                (int)utf8_chars(L->line_start, s - L->line_start) + 2, TOK_END_NONE,
                                "unexpected EOF while parsing") < 0)
                    return -1;
                L->ts->err.eof_kind = 2;   /* pegen's E_EOF: "incomplete input" if allowed */
                eof_in_brackets(L);
                return text_with_newline(L);
            }
            if (s[1] == '\n') {
                L->cur += 2;
                next_line(L);
                if (L->cur >= L->end) {
                    L->saw_eof = 1;
                    if (tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur,
                                    -1, -1, "unexpected EOF while parsing") < 0)
                        return -1;
                    L->ts->err.eof_kind = 2;
                    eof_in_brackets(L);
                    return deferred(L);
                }
                continue;
            }
            L->cur++;
            /* pegen (E_LINECONT): offset just past the character after the backslash, as
             * the tokenizer has read it; end offset 0 */
            return tok_error_at(L, PyExc_SyntaxError, L->line_start, L->lineno, L->cur,
                                (int)utf8_chars(L->line_start, s + 2 - L->line_start), 0,
                                "unexpected character after line continuation character") < 0 ? -1 : deferred(L);
        }
        /* identifiers, string prefixes */
        if (is_potential_id_char(c) && !isdigit(c)) {
            const char *p = s;
            int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0;
            for (;;) {
                char d = (char)tolower((unsigned char)*p);
                if (d == 'b' && !saw_b && !saw_u && !saw_f) saw_b = 1;
                else if (d == 'r' && !saw_r && !saw_u) saw_r = 1;
                else if (d == 'u' && !saw_b && !saw_r && !saw_f && !saw_u) saw_u = 1;
                else if (d == 'f' && !saw_f && !saw_b && !saw_u) saw_f = 1;
                else break;
                p++;
            }
            if (p > s && (*p == '"' || *p == '\'')) {
                int l1 = L->lineno, c1 = (int)(s - L->line_start);
                if ((rc = lex_string(L, s, p)))
                    return rc;
                return push_tok(L, STRING, s, L->cur, l1, c1, L->lineno,
                                (int)(L->cur - L->line_start));
            }
            L->cur = s;
            int nonascii = 0;
            while (L->cur < L->end && is_potential_id_char((unsigned char)*L->cur)) {
                if ((unsigned char)*L->cur >= 128)
                    nonascii = 1;
                L->cur++;
            }
            if (nonascii && (rc = verify_identifier(L, s)))
                return rc;
            return emit(L, NAME, s, L->cur);
        }
        if (isdigit(c) || (c == '.' && isdigit((unsigned char)s[1]))) {
            if ((rc = lex_number(L, s)))
                return rc;
            return emit(L, NUMBER, s, L->cur);
        }
        if (c == '"' || c == '\'') {
            int l1 = L->lineno, c1 = (int)(s - L->line_start);
            if ((rc = lex_string(L, s, s)))
                return rc;
            return push_tok(L, STRING, s, L->cur, l1, c1, L->lineno, (int)(L->cur - L->line_start));
        }
        /* an ASCII control character where a token should start (3.11's tok_get) */
        if (c < 0x20 || c == 0x7f) {
            L->cur = s + 1;
            ERR("invalid non-printable character U+%04X", (unsigned)c);
        }
        /* operators */
        int t3 = s[1] && s[2] ? PyToken_ThreeChars(c, s[1], s[2]) : OP;
        if (t3 != OP) {
            L->cur += 3;
            return emit(L, t3, s, L->cur);
        }
        int t2 = s[1] ? PyToken_TwoChars(c, s[1]) : OP;
        if (t2 != OP) {
            L->cur += 2;
            return emit(L, t2, s, L->cur);
        }
        L->cur++;
        if (c == '(' || c == '[' || c == '{') {
            if (L->level >= MAXLEVEL)
                ERR("too many nested parentheses");
            L->parenstack[L->level] = (char)c;
            L->parenlineno[L->level] = L->lineno;
            L->parencol[L->level] = (int)(s - L->line_start);
            L->level++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (!L->level)
                ERR("unmatched '%c'", c);
            L->level--;
            char open = L->parenstack[L->level];
            if (!((open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}'))) {
                if (L->parenlineno[L->level] != L->lineno)
                    ERR("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                        c, open, L->parenlineno[L->level]);
                ERR("closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
            }
            (void)opening_of;
        }
        return emit(L, PyToken_OneChar(c), s, L->cur);
    }
}

int
_PyTokenizer_Run(TokState *ts, const char *s, Py_ssize_t len, PyObject *filename)
{
    int type_comments = ts->type_comments, interactive = ts->interactive;
    int line_base = ts->line_base;
    memset(ts, 0, sizeof *ts);
    ts->type_comments = type_comments;
    ts->interactive = interactive;
    ts->line_base = line_base;
    ts->buf = s;
    ts->len = len;
    ts->err_tok = -1;
    ts->filename = filename;
    Lexer L;
    memset(&L, 0, sizeof L);
    L.ts = ts;
    L.cur = L.line_start = s;
    L.end = s + len;
    L.lineno = 1;
    L.atbol = 1;
    for (;;) {
        int rc = lex(&L);
        if (rc < 0)
            return -1;
        if (rc > 0)
            return 0;
    }
}

void
_PyTokenizer_Free(TokState *ts)
{
    PyMem_Free(ts->toks);
    ts->toks = NULL;
    PyMem_Free(ts->ignores);
    ts->ignores = NULL;
    Py_CLEAR(ts->err.text);
    Py_CLEAR(ts->err.decode_exc);
}
