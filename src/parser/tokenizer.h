/* tokenizer.h — internal interface between the tokenizer and the parser (owner: parser).
 * The tokenizer turns a whole UTF-8 buffer into an array of tokens up front; an error
 * stops it and is remembered (not raised) so the parser can decide, as CPython's pegen
 * does, which error wins. */
#ifndef KRAIT_TOKENIZER_H
#define KRAIT_TOKENIZER_H
#include "Python.h"
#include "token.h"

typedef struct {
    int type;               /* token.h number; keywords stay NAME (parser classifies) */
    int kw;                 /* keyword id (parser.c) or 0 */
    const char *start, *end;
    int lineno, col_offset, end_lineno, end_col_offset; /* cols: UTF-8 byte offsets */
    int at_eof;             /* produced after the end of the source was reached */
    int level;              /* bracket nesting depth where the token starts */
} Token;

typedef struct {
    PyObject *type;         /* SyntaxError, IndentationError, TabError; NULL = none */
    char msg[256];
    int lineno, offset, end_lineno, end_offset; /* 1-based character offsets */
    PyObject *text;         /* the line (new reference) or NULL */
    int eof_kind;           /* 1: unterminated triple-quoted string at EOF, 2: a line
                             * continuation into EOF (both "incomplete input" if allowed) */
    int in_brackets;        /* a line continuation into the end (pegen's E_EOF) inside
                             * brackets: reported as "'(' was never closed" (ts->unclosed_*) */
    int deferred;           /* pegen learns of it only on reaching the token (E_EOF, E_DEDENT,
                             * E_TABSPACE, E_TOODEEP, E_LINECONT): an earlier parser error wins */
    PyObject *decode_exc;   /* undecodable name: the UnicodeDecodeError (new reference) */
} TokError;

typedef struct {
    const char *buf;        /* whole source, UTF-8, '\n' newlines, NUL-terminated */
    Py_ssize_t len;
    Token *toks;
    Py_ssize_t ntoks, cap;
    TokError err;
    int unclosed_level;     /* parens still open at EOF */
    char unclosed_char;
    int unclosed_lineno, unclosed_col;
    int interactive;        /* set before _PyTokenizer_Run for single-input (no newline is
                             * added at the end of the source) */
    int err_tok;            /* index of the ERRORTOKEN that ends the stream, or -1 */
    PyObject *filename;
    int feature_async;      /* unused (3.11 treats async/await as keywords) */
    int type_comments;      /* set before _PyTokenizer_Run: PyCF_TYPE_COMMENTS */
    int line_base;          /* set before _PyTokenizer_Run: added to line numbers quoted in
                             * messages (an f-string expression's lines count from its own) */
    Token *ignores;         /* `# type: ignore<tag>` comments: lineno + tag text (start..end);
                             * kept out of the token stream, as pegen does */
    Py_ssize_t nignores, capignores;
} TokState;

/* Tokenizes s (must stay alive while tokens are used). Returns 0, or -1 on memory
 * errors (exception set).  Syntax errors are recorded in ts->err and end the stream
 * with ERRORTOKEN. */
int _PyTokenizer_Run(TokState *ts, const char *s, Py_ssize_t len, PyObject *filename);
void _PyTokenizer_Free(TokState *ts);
/* Converts a file's bytes (BOM, PEP 263 cookie) to a UTF-8 string (PyMem_Malloc'ed).
 * NULL with SyntaxError on undecodable input.  ignore_cookie: bit 1 ignores the cookie
 * (str source), bit 2 says the bytes come from a file (UTF-8 validated up front). */
char *_PyTokenizer_DecodeSource(const char *bytes, Py_ssize_t n, PyObject *filename,
                                int ignore_cookie, Py_ssize_t *outlen);
/* The encoding named by the PEP 263 cookie of a file's first bytes (normalised as the
 * tokenizer does: "utf-8", "iso-8859-1", else as written, in enc), "utf-8" without one. */
const char *_PyTokenizer_FindEncoding(const char *bytes, Py_ssize_t n, char *enc, size_t encsz);
char *_PyTokenizer_DecodeSourceEx(const char *bytes, Py_ssize_t n, PyObject *filename,
                                  int ignore_cookie, Py_ssize_t *outlen, int *found_cookie);
/* Text of line `lineno` (1-based) of buf, without its newline. */
PyObject *_PyTokenizer_LineText(const char *buf, int lineno, int keep_newline);
/* 1-based character offset of byte offset `col` (0-based) in the line text. */
#define TOK_END_NONE (-1000) /* tok error end offset: report -1 */
int _PyTokenizer_ByteToChar(const char *buf, int lineno, int col);
/* The same within the line's text without its newline when with_newline is 0 (offsets
 * past the text's end are clamped to its length + 1, as pegen does). */
int _PyTokenizer_ByteToCharIn(const char *buf, int lineno, int col, int with_newline);
/* Sets the exception (type)(msg, (filename, lineno, offset, text, end_lineno, end_offset)). */
void _PyTokenizer_RaiseSyntax(PyObject *type, PyObject *filename, const char *msg, int lineno,
                              int offset, PyObject *text, int end_lineno, int end_offset);
int _PyTokenizer_IsIdStart(Py_UCS4 c);
int _PyTokenizer_IsIdContinue(Py_UCS4 c);

#endif
