/* pegen.h — parser state shared by parser.c and string_parser.c (owner: parser). */
#ifndef KRAIT_PEGEN_H
#define KRAIT_PEGEN_H
#include "Python.h"
#include "pycore_ast.h"
#include "tokenizer.h"
#include "parser.h"

typedef struct Parser {
    TokState ts;
    Token *toks;
    int ntoks;
    int mark;
    int maxmark;          /* furthest token looked at (CPython's p->fill) */
    PyArena *arena;
    int mode, flags;
    PyObject *filename;
    int error;            /* an exception is set: unwind */
    int depth;
    int fstring_lineno, fstring_col; /* shift for f-string sub-parsers (0 = none) */
    int in_fstring;
    int char_offsets;     /* report error columns in characters (else bytes), as pegen */
    int str_next;         /* token after the STRING+ run being decoded (pegen's fill-1) */
    int feature_version;  /* minor version for ast.parse(feature_version=...); 11 otherwise */
    int no_invalid_named; /* a `match` subject being tried: `x = y` may still be a valid
                           * simple statement, so invalid_named_expression waits */
    struct Parser *parent;
} Parser;

/* string_parser.c */
expr_ty _PyPegen_concatenate_strings(Parser *p, int first, int last);
/* parser.c: parse the text of an f-string replacement field as an expression */
expr_ty _PyPegen_parse_fstring_expr(Parser *p, const char *s, Py_ssize_t n, Token *t,
                                    int lines, int cols);
void *_PyPegen_raise_at(Parser *p, PyObject *type, int lineno, int col, int end_lineno,
                        int end_col, const char *fmt, ...);
void *_PyPegen_raise_tok(Parser *p, Token *t, const char *fmt, ...);
/* "<what> only supported in Python 3.<version> and greater" at the furthest token read
 * when p->feature_version < version (pegen's CHECK_VERSION); returns 0 after raising */
int _PyPegen_check_version(Parser *p, int version, const char *what, Token *at);
#endif
