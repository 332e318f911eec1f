/* ast_unparse.c — turns an expression AST back into source text, exactly as CPython 3.11
 * does for PEP 563 (`from __future__ import annotations`): _PyAST_ExprAsUnicode.
 * Parentheses come from operator precedence, constants from repr(), f-strings are
 * rebuilt and re-quoted through repr().  Owner: compiler. */
#include "Python.h"
#include "pycore_ast.h"
#include <float.h>
#include <stdbool.h>

/* Precedence levels, lowest first (same order as the grammar). */
enum {
    PR_TUPLE,
    PR_TEST,            /* 'if'-'else', 'lambda' */
    PR_OR,
    PR_AND,
    PR_NOT,
    PR_CMP,             /* '<', '>', '==', '>=', '<=', '!=', 'in', 'not in', 'is', 'is not' */
    PR_EXPR,
    PR_BOR = PR_EXPR,   /* '|' */
    PR_BXOR,            /* '^' */
    PR_BAND,            /* '&' */
    PR_SHIFT,           /* '<<', '>>' */
    PR_ARITH,           /* '+', '-' */
    PR_TERM,            /* '*', '@', '/', '%', '//' */
    PR_FACTOR,          /* unary '+', '-', '~' */
    PR_POWER,           /* '**' */
    PR_AWAIT,
    PR_ATOM,
};

typedef _PyUnicodeWriter writer_t;

static int append_expr(writer_t *w, expr_ty e, int level);
static int append_fstring_element(writer_t *w, expr_ty e, bool is_format_spec);

static int put(writer_t *w, const char *s)
{
    return _PyUnicodeWriter_WriteASCIIString(w, s, (Py_ssize_t)strlen(s));
}

#define PUT(s) do { if (put(w, (s)) < 0) return -1; } while (0)
#define PUT_IF(cond, s) do { if ((cond) && put(w, (s)) < 0) return -1; } while (0)
#define PUT_OBJ(o) do { if (_PyUnicodeWriter_WriteStr(w, (o)) < 0) return -1; } while (0)
#define EXPR(e, lvl) do { if (append_expr(w, (e), (lvl)) < 0) return -1; } while (0)
#define SEP(first) do { if (first) (first) = false; else PUT(", "); } while (0)

/* repr(), except that an infinite float or complex part is written as 1e309 (an
 * overflowing literal) so that the text evaluates back to the same value. */
static int append_repr(writer_t *w, PyObject *obj)
{
    PyObject *repr = PyObject_Repr(obj);
    if (!repr) return -1;
    if (PyFloat_CheckExact(obj) || PyComplex_CheckExact(obj)) {
        char big[32];
        snprintf(big, sizeof(big), "1e%d", 1 + DBL_MAX_10_EXP);
        PyObject *inf = PyUnicode_FromString("inf"), *rep = PyUnicode_FromString(big);
        PyObject *fixed = inf && rep ? PyUnicode_Replace(repr, inf, rep, -1) : NULL;
        Py_XDECREF(inf);
        Py_XDECREF(rep);
        Py_DECREF(repr);
        if (!fixed) return -1;
        repr = fixed;
    }
    int r = _PyUnicodeWriter_WriteStr(w, repr);
    Py_DECREF(repr);
    return r;
}

static int append_boolop(writer_t *w, expr_ty e, int level)
{
    int pr = e->v.BoolOp.op == And ? PR_AND : PR_OR;
    const char *op = e->v.BoolOp.op == And ? " and " : " or ";
    PUT_IF(level > pr, "(");
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.BoolOp.values); i++) {
        PUT_IF(i > 0, op);
        EXPR(asdl_seq_GET(e->v.BoolOp.values, i), pr + 1);
    }
    PUT_IF(level > pr, ")");
    return 0;
}

static int append_binop(writer_t *w, expr_ty e, int level)
{
    const char *op;
    int pr;
    switch (e->v.BinOp.op) {
    case Add: op = " + "; pr = PR_ARITH; break;
    case Sub: op = " - "; pr = PR_ARITH; break;
    case Mult: op = " * "; pr = PR_TERM; break;
    case MatMult: op = " @ "; pr = PR_TERM; break;
    case Div: op = " / "; pr = PR_TERM; break;
    case Mod: op = " % "; pr = PR_TERM; break;
    case FloorDiv: op = " // "; pr = PR_TERM; break;
    case LShift: op = " << "; pr = PR_SHIFT; break;
    case RShift: op = " >> "; pr = PR_SHIFT; break;
    case BitOr: op = " | "; pr = PR_BOR; break;
    case BitXor: op = " ^ "; pr = PR_BXOR; break;
    case BitAnd: op = " & "; pr = PR_BAND; break;
    case Pow: op = " ** "; pr = PR_POWER; break;
    default:
        PyErr_SetString(PyExc_SystemError, "unknown binary operator");
        return -1;
    }
    int rassoc = e->v.BinOp.op == Pow;   /* ** groups to the right */
    PUT_IF(level > pr, "(");
    EXPR(e->v.BinOp.left, pr + rassoc);
    PUT(op);
    EXPR(e->v.BinOp.right, pr + !rassoc);
    PUT_IF(level > pr, ")");
    return 0;
}

static int append_unaryop(writer_t *w, expr_ty e, int level)
{
    const char *op;
    int pr;
    switch (e->v.UnaryOp.op) {
    case Invert: op = "~"; pr = PR_FACTOR; break;
    case Not: op = "not "; pr = PR_NOT; break;
    case UAdd: op = "+"; pr = PR_FACTOR; break;
    case USub: op = "-"; pr = PR_FACTOR; break;
    default:
        PyErr_SetString(PyExc_SystemError, "unknown unary operator");
        return -1;
    }
    PUT_IF(level > pr, "(");
    PUT(op);
    EXPR(e->v.UnaryOp.operand, pr);
    PUT_IF(level > pr, ")");
    return 0;
}

static int append_arg(writer_t *w, arg_ty a)
{
    PUT_OBJ(a->arg);
    if (a->annotation) {
        PUT(": ");
        EXPR(a->annotation, PR_TEST);
    }
    return 0;
}

static int append_args(writer_t *w, arguments_ty args)
{
    bool first = true;
    Py_ssize_t nposonly = asdl_seq_LEN(args->posonlyargs);
    Py_ssize_t nargs = asdl_seq_LEN(args->args);
    Py_ssize_t ndefaults = asdl_seq_LEN(args->defaults);
    /* positional(-only) arguments; defaults belong to the last ones */
    for (Py_ssize_t i = 0; i < nposonly + nargs; i++) {
        SEP(first);
        arg_ty a = i < nposonly ? asdl_seq_GET(args->posonlyargs, i)
                                : asdl_seq_GET(args->args, i - nposonly);
        if (append_arg(w, a) < 0) return -1;
        Py_ssize_t di = i - nposonly - nargs + ndefaults;
        if (di >= 0) {
            PUT("=");
            EXPR(asdl_seq_GET(args->defaults, di), PR_TEST);
        }
        PUT_IF(nposonly && i + 1 == nposonly, ", /");
    }
    /* *vararg, or a bare '*' before keyword-only arguments */
    Py_ssize_t nkwonly = asdl_seq_LEN(args->kwonlyargs);
    if (args->vararg || nkwonly) {
        SEP(first);
        PUT("*");
        if (args->vararg && append_arg(w, args->vararg) < 0) return -1;
    }
    Py_ssize_t nkwdefaults = asdl_seq_LEN(args->kw_defaults);
    for (Py_ssize_t i = 0; i < nkwonly; i++) {
        SEP(first);
        if (append_arg(w, asdl_seq_GET(args->kwonlyargs, i)) < 0) return -1;
        Py_ssize_t di = i - nkwonly + nkwdefaults;
        expr_ty dflt = di >= 0 ? asdl_seq_GET(args->kw_defaults, di) : NULL;
        if (dflt) {
            PUT("=");
            EXPR(dflt, PR_TEST);
        }
    }
    if (args->kwarg) {
        SEP(first);
        PUT("**");
        if (append_arg(w, args->kwarg) < 0) return -1;
    }
    return 0;
}

static int append_lambda(writer_t *w, expr_ty e, int level)
{
    arguments_ty a = e->v.Lambda.args;
    Py_ssize_t npositional = asdl_seq_LEN(a->args) + asdl_seq_LEN(a->posonlyargs);
    PUT_IF(level > PR_TEST, "(");
    PUT(npositional ? "lambda " : "lambda");
    if (append_args(w, a) < 0) return -1;
    PUT(": ");
    EXPR(e->v.Lambda.body, PR_TEST);
    PUT_IF(level > PR_TEST, ")");
    return 0;
}

static int append_ifexp(writer_t *w, expr_ty e, int level)
{
    PUT_IF(level > PR_TEST, "(");
    EXPR(e->v.IfExp.body, PR_TEST + 1);
    PUT(" if ");
    EXPR(e->v.IfExp.test, PR_TEST + 1);
    PUT(" else ");
    EXPR(e->v.IfExp.orelse, PR_TEST);
    PUT_IF(level > PR_TEST, ")");
    return 0;
}

static int append_dict(writer_t *w, expr_ty e)
{
    PUT("{");
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.values); i++) {
        PUT_IF(i > 0, ", ");
        expr_ty key = asdl_seq_GET(e->v.Dict.keys, i);
        if (key) {
            EXPR(key, PR_TEST);
            PUT(": ");
            EXPR(asdl_seq_GET(e->v.Dict.values, i), PR_TEST);
        } else {
            PUT("**");
            EXPR(asdl_seq_GET(e->v.Dict.values, i), PR_EXPR);
        }
    }
    PUT("}");
    return 0;
}

/* elements of a list or set display, or of a call's positional arguments */
static int append_elts(writer_t *w, asdl_expr_seq *elts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        PUT_IF(i > 0, ", ");
        EXPR(asdl_seq_GET(elts, i), PR_TEST);
    }
    return 0;
}

static int append_tuple(writer_t *w, expr_ty e, int level)
{
    Py_ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
    if (n == 0) {
        PUT("()");
        return 0;
    }
    PUT_IF(level > PR_TUPLE, "(");
    if (append_elts(w, e->v.Tuple.elts) < 0) return -1;
    PUT_IF(n == 1, ",");
    PUT_IF(level > PR_TUPLE, ")");
    return 0;
}

static int append_comprehensions(writer_t *w, asdl_comprehension_seq *gens)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        PUT(g->is_async ? " async for " : " for ");
        EXPR(g->target, PR_TUPLE);
        PUT(" in ");
        EXPR(g->iter, PR_TEST + 1);
        for (Py_ssize_t j = 0; j < asdl_seq_LEN(g->ifs); j++) {
            PUT(" if ");
            EXPR(asdl_seq_GET(g->ifs, j), PR_TEST + 1);
        }
    }
    return 0;
}

static int append_comp(writer_t *w, const char *open, expr_ty elt,
                       asdl_comprehension_seq *gens, const char *close)
{
    PUT(open);
    EXPR(elt, PR_TEST);
    if (append_comprehensions(w, gens) < 0) return -1;
    PUT(close);
    return 0;
}

static int append_dictcomp(writer_t *w, expr_ty e)
{
    PUT("{");
    EXPR(e->v.DictComp.key, PR_TEST);
    PUT(": ");
    EXPR(e->v.DictComp.value, PR_TEST);
    if (append_comprehensions(w, e->v.DictComp.generators) < 0) return -1;
    PUT("}");
    return 0;
}

static int append_compare(writer_t *w, expr_ty e, int level)
{
    PUT_IF(level > PR_CMP, "(");
    EXPR(e->v.Compare.left, PR_CMP + 1);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.comparators); i++) {
        const char *op;
        switch ((cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i)) {
        case Eq: op = " == "; break;
        case NotEq: op = " != "; break;
        case Lt: op = " < "; break;
        case LtE: op = " <= "; break;
        case Gt: op = " > "; break;
        case GtE: op = " >= "; break;
        case Is: op = " is "; break;
        case IsNot: op = " is not "; break;
        case In: op = " in "; break;
        case NotIn: op = " not in "; break;
        default:
            PyErr_SetString(PyExc_SystemError, "unexpected comparison kind");
            return -1;
        }
        PUT(op);
        EXPR(asdl_seq_GET(e->v.Compare.comparators, i), PR_CMP + 1);
    }
    PUT_IF(level > PR_CMP, ")");
    return 0;
}

static int append_call(writer_t *w, expr_ty e)
{
    EXPR(e->v.Call.func, PR_ATOM);
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kws = e->v.Call.keywords;
    /* f(x for x in y): the generator's own parentheses serve as the call's */
    if (asdl_seq_LEN(args) == 1 && asdl_seq_LEN(kws) == 0) {
        expr_ty only = asdl_seq_GET(args, 0);
        if (only->kind == GeneratorExp_kind)
            return append_comp(w, "(", only->v.GeneratorExp.elt,
                               only->v.GeneratorExp.generators, ")");
    }
    PUT("(");
    bool first = true;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        SEP(first);
        EXPR(asdl_seq_GET(args, i), PR_TEST);
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kws); i++) {
        SEP(first);
        keyword_ty kw = asdl_seq_GET(kws, i);
        if (kw->arg) {
            PUT_OBJ(kw->arg);
            PUT("=");
        } else {
            PUT("**");
        }
        EXPR(kw->value, PR_TEST);
    }
    PUT(")");
    return 0;
}

/* Literal text of an f-string: braces doubled. */
static int append_fstring_unicode(writer_t *w, PyObject *text)
{
    PyObject *open = PyUnicode_FromString("{"), *open2 = PyUnicode_FromString("{{");
    PyObject *close = PyUnicode_FromString("}"), *close2 = PyUnicode_FromString("}}");
    PyObject *tmp = NULL, *escaped = NULL;
    int r = -1;
    if (open && open2 && close && close2) {
        tmp = PyUnicode_Replace(text, open, open2, -1);
        if (tmp) escaped = PyUnicode_Replace(tmp, close, close2, -1);
        if (escaped) r = _PyUnicodeWriter_WriteStr(w, escaped);
    }
    Py_XDECREF(open);
    Py_XDECREF(open2);
    Py_XDECREF(close);
    Py_XDECREF(close2);
    Py_XDECREF(tmp);
    Py_XDECREF(escaped);
    return r;
}

static PyObject *expr_as_unicode(expr_ty e, int level)
{
    writer_t w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = 64;
    if (append_expr(&w, e, level) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

static int append_formattedvalue(writer_t *w, expr_ty e)
{
    /* PR_TEST + 1 so that a lambda (whose ':' would start the spec) is parenthesised */
    PyObject *text = expr_as_unicode(e->v.FormattedValue.value, PR_TEST + 1);
    if (!text) return -1;
    /* "{ {...}}": a value starting with a brace must not read as an escaped '{{' */
    int starts_with_brace = PyUnicode_GET_LENGTH(text) > 0 &&
                            PyUnicode_READ_CHAR(text, 0) == '{';
    if (put(w, starts_with_brace ? "{ " : "{") < 0 || _PyUnicodeWriter_WriteStr(w, text) < 0) {
        Py_DECREF(text);
        return -1;
    }
    Py_DECREF(text);
    switch (e->v.FormattedValue.conversion) {
    case -1: case 0: break;
    case 'a': PUT("!a"); break;
    case 'r': PUT("!r"); break;
    case 's': PUT("!s"); break;
    default:
        PyErr_SetString(PyExc_SystemError, "unknown f-value conversion kind");
        return -1;
    }
    if (e->v.FormattedValue.format_spec) {
        PUT(":");
        if (append_fstring_element(w, e->v.FormattedValue.format_spec, true) < 0) return -1;
    }
    PUT("}");
    return 0;
}

static PyObject *fstring_body(asdl_expr_seq *values, bool is_format_spec)
{
    writer_t w;
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = 64;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(values); i++) {
        if (append_fstring_element(&w, asdl_seq_GET(values, i), is_format_spec) < 0) {
            _PyUnicodeWriter_Dealloc(&w);
            return NULL;
        }
    }
    return _PyUnicodeWriter_Finish(&w);
}

/* f'...': the body is built unquoted, then quoted by repr() with an 'f' prefix; a
 * format spec is written inline, unquoted. */
static int append_joinedstr(writer_t *w, expr_ty e, bool is_format_spec)
{
    PyObject *body = fstring_body(e->v.JoinedStr.values, is_format_spec);
    if (!body) return -1;
    int r;
    if (is_format_spec) {
        r = _PyUnicodeWriter_WriteStr(w, body);
    } else {
        r = put(w, "f");
        if (r >= 0) r = append_repr(w, body);
    }
    Py_DECREF(body);
    return r;
}

static int append_fstring_element(writer_t *w, expr_ty e, bool is_format_spec)
{
    switch (e->kind) {
    case Constant_kind:
        return append_fstring_unicode(w, e->v.Constant.value);
    case JoinedStr_kind:
        return append_joinedstr(w, e, is_format_spec);
    case FormattedValue_kind:
        return append_formattedvalue(w, e);
    default:
        PyErr_SetString(PyExc_SystemError, "unknown expression kind inside f-string");
        return -1;
    }
}

/* A constant tuple (only made by the optimizer) is written like a display. */
static int append_constant(writer_t *w, PyObject *value)
{
    if (PyTuple_CheckExact(value)) {
        Py_ssize_t n = PyTuple_GET_SIZE(value);
        PUT("(");
        for (Py_ssize_t i = 0; i < n; i++) {
            PUT_IF(i > 0, ", ");
            if (append_constant(w, PyTuple_GET_ITEM(value, i)) < 0) return -1;
        }
        PUT_IF(n == 1, ",");
        PUT(")");
        return 0;
    }
    if (value == Py_Ellipsis) {
        PUT("...");
        return 0;
    }
    return append_repr(w, value);
}

static int append_attribute(writer_t *w, expr_ty e)
{
    expr_ty v = e->v.Attribute.value;
    EXPR(v, PR_ATOM);
    /* "1 .real": without the space the dot would be read as a decimal point */
    int int_const = v->kind == Constant_kind && PyLong_CheckExact(v->v.Constant.value);
    PUT(int_const ? " ." : ".");
    PUT_OBJ(e->v.Attribute.attr);
    return 0;
}

static int append_slice(writer_t *w, expr_ty e)
{
    if (e->v.Slice.lower) EXPR(e->v.Slice.lower, PR_TEST);
    PUT(":");
    if (e->v.Slice.upper) EXPR(e->v.Slice.upper, PR_TEST);
    if (e->v.Slice.step) {
        PUT(":");
        EXPR(e->v.Slice.step, PR_TEST);
    }
    return 0;
}

static int append_expr(writer_t *w, expr_ty e, int level)
{
    switch (e->kind) {
    case BoolOp_kind: return append_boolop(w, e, level);
    case BinOp_kind: return append_binop(w, e, level);
    case UnaryOp_kind: return append_unaryop(w, e, level);
    case Lambda_kind: return append_lambda(w, e, level);
    case IfExp_kind: return append_ifexp(w, e, level);
    case Dict_kind: return append_dict(w, e);
    case Set_kind:
        PUT("{");
        if (append_elts(w, e->v.Set.elts) < 0) return -1;
        PUT("}");
        return 0;
    case GeneratorExp_kind:
        return append_comp(w, "(", e->v.GeneratorExp.elt, e->v.GeneratorExp.generators, ")");
    case ListComp_kind:
        return append_comp(w, "[", e->v.ListComp.elt, e->v.ListComp.generators, "]");
    case SetComp_kind:
        return append_comp(w, "{", e->v.SetComp.elt, e->v.SetComp.generators, "}");
    case DictComp_kind: return append_dictcomp(w, e);
    case Yield_kind:
        if (!e->v.Yield.value) {
            PUT("(yield)");
            return 0;
        }
        PUT("(yield ");
        EXPR(e->v.Yield.value, PR_TEST);
        PUT(")");
        return 0;
    case YieldFrom_kind:
        PUT("(yield from ");
        EXPR(e->v.YieldFrom.value, PR_TEST);
        PUT(")");
        return 0;
    case Await_kind:
        PUT_IF(level > PR_AWAIT, "(");
        PUT("await ");
        EXPR(e->v.Await.value, PR_ATOM);
        PUT_IF(level > PR_AWAIT, ")");
        return 0;
    case Compare_kind: return append_compare(w, e, level);
    case Call_kind: return append_call(w, e);
    case Constant_kind:
        if (e->v.Constant.value == Py_Ellipsis) {
            PUT("...");
            return 0;
        }
        if (e->v.Constant.kind) PUT_OBJ(e->v.Constant.kind);   /* u'...' */
        return append_constant(w, e->v.Constant.value);
    case JoinedStr_kind: return append_joinedstr(w, e, false);
    case FormattedValue_kind: return append_formattedvalue(w, e);
    case Attribute_kind: return append_attribute(w, e);
    case Subscript_kind:
        EXPR(e->v.Subscript.value, PR_ATOM);
        PUT("[");
        EXPR(e->v.Subscript.slice, PR_TUPLE);
        PUT("]");
        return 0;
    case Starred_kind:
        PUT("*");
        EXPR(e->v.Starred.value, PR_EXPR);
        return 0;
    case Slice_kind: return append_slice(w, e);
    case Name_kind:
        PUT_OBJ(e->v.Name.id);
        return 0;
    case List_kind:
        PUT("[");
        if (append_elts(w, e->v.List.elts) < 0) return -1;
        PUT("]");
        return 0;
    case Tuple_kind: return append_tuple(w, e, level);
    case NamedExpr_kind:
        PUT_IF(level > PR_TUPLE, "(");
        EXPR(e->v.NamedExpr.target, PR_ATOM);
        PUT(" := ");
        EXPR(e->v.NamedExpr.value, PR_ATOM);
        PUT_IF(level > PR_TUPLE, ")");
        return 0;
    }
    PyErr_SetString(PyExc_SystemError, "unknown expression kind");
    return -1;
}

PyObject *_PyAST_ExprAsUnicode(expr_ty e)
{
    return expr_as_unicode(e, PR_TEST);
}
