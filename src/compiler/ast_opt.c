/* ast_opt.c — AST-level optimisation before code generation: folds operations on
 * constants (with CPython's size limits) and turns -O's __debug__ into a constant.
 * Owner: compiler-vm.  Never changes behaviour: a fold that raises is left alone. */
#include "Python.h"
#include "pycore_ast.h"
#include "pyarena.h"
#include "compile.h"

#define MAX_INT_SIZE 128   /* bits */
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096

static int make_const(expr_ty node, PyObject *val, PyArena *arena)
{
    if (val == NULL) {
        if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) return 0;
        PyErr_Clear();  /* leave it to run time */
        return 1;
    }
    if (_PyArena_AddPyObject(arena, val) < 0) { Py_DECREF(val); return 0; }
    node->kind = Constant_kind;
    node->v.Constant.kind = NULL;
    node->v.Constant.value = val;
    return 1;
}

static int is_number(PyObject *o)
{
    return PyLong_CheckExact(o) || PyFloat_CheckExact(o) || PyComplex_CheckExact(o);
}

/* Refuse folds whose result would be huge (2**100000, "a"*10**6). */
static int safe_binop(operator_ty op, PyObject *v, PyObject *w)
{
    if (op == Pow && PyLong_CheckExact(v) && PyLong_CheckExact(w)) {
        size_t vbits = _PyLong_NumBits(v);
        long wv = PyLong_AsLong(w);
        if (wv == -1 && PyErr_Occurred()) { PyErr_Clear(); return 0; }
        if (wv < 0) return 1;
        return vbits <= MAX_INT_SIZE && (size_t)wv <= MAX_INT_SIZE / (vbits ? vbits : 1);
    }
    if (op == LShift && PyLong_CheckExact(v) && PyLong_CheckExact(w)) {
        long wv = PyLong_AsLong(w);
        if (wv == -1 && PyErr_Occurred()) { PyErr_Clear(); return 0; }
        return wv >= 0 && wv <= MAX_INT_SIZE && _PyLong_NumBits(v) <= MAX_INT_SIZE - (size_t)wv;
    }
    if (op == Mult) {
        if ((PyUnicode_CheckExact(v) || PyBytes_CheckExact(v) || PyTuple_CheckExact(v)) &&
            PyLong_CheckExact(w)) {
            long n = PyLong_AsLong(w);
            if (n == -1 && PyErr_Occurred()) { PyErr_Clear(); return 0; }
            Py_ssize_t size = PyObject_Size(v);
            if (size < 0) { PyErr_Clear(); return 0; }
            return n >= 0 && (size == 0 || n <= MAX_STR_SIZE / size);
        }
        if (PyLong_CheckExact(v) && PyLong_CheckExact(w))
            return _PyLong_NumBits(v) + _PyLong_NumBits(w) <= MAX_INT_SIZE;
        return is_number(v) && is_number(w);
    }
    if (op == Add && ((PyUnicode_CheckExact(v) && PyUnicode_CheckExact(w)) ||
                      (PyBytes_CheckExact(v) && PyBytes_CheckExact(w))))
        return PyObject_Size(v) + PyObject_Size(w) <= MAX_STR_SIZE;
    if (op == Mod && (PyUnicode_CheckExact(v) || PyBytes_CheckExact(v)))
        return 0;  /* formatting: may depend on the argument's methods */
    return is_number(v) && is_number(w);
}

/* ---- 'fmt' % (a, b) as an f-string (3.11's optimize_format) ---- */

#define FMT_MAXDIGITS 3   /* widths and precisions of at most two digits */

/* A str constant node for arena-owned text; NULL on error. */
static expr_ty str_const_node(PyObject *str, PyArena *arena)
{
    if (str == NULL) return NULL;
    if (_PyArena_AddPyObject(arena, str) < 0) { Py_DECREF(str); return NULL; }
    return _PyAST_Constant(str, NULL, -1, -1, -1, -1, arena);
}

/* The literal text from *pos up to the next lone '%' ('%%' becomes '%'), or NULL (no
 * error) when there is none.  *pos moves past it. */
static expr_ty fmt_literal(PyObject *fmt, Py_ssize_t *pos, PyArena *arena)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(fmt), start = *pos, i = start;
    int doubled = 0;
    while (i < len) {
        if (PyUnicode_READ_CHAR(fmt, i) != '%') {
            i++;
        } else if (i + 1 < len && PyUnicode_READ_CHAR(fmt, i + 1) == '%') {
            doubled = 1;
            i += 2;
        } else {
            break;
        }
    }
    *pos = i;
    if (i == start) return NULL;
    PyObject *text = PyUnicode_Substring(fmt, start, i);
    if (text != NULL && doubled) {
        PyObject *pct = PyUnicode_FromString("%"), *pct2 = PyUnicode_FromString("%%");
        if (pct && pct2) Py_SETREF(text, PyUnicode_Replace(text, pct2, pct, -1));
        else Py_CLEAR(text);
        Py_XDECREF(pct);
        Py_XDECREF(pct2);
    }
    return str_const_node(text, arena);
}

/* One conversion after its '%': flags, width, precision, type letter.  0 when it is not
 * one of the simple forms handled here (the whole optimisation is then skipped). */
static int fmt_parse_unit(PyObject *fmt, Py_ssize_t *pos, Py_UCS4 *type, int *ljust,
                          int *width, int *prec)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(fmt), i = *pos;
    Py_UCS4 ch;
#define FMT_NEXT() do { if (i >= len) return 0; ch = PyUnicode_READ_CHAR(fmt, i); i++; } while (0)
    *ljust = 0;
    for (;;) {
        FMT_NEXT();
        if (ch == '-') *ljust = 1;
        else if (ch != '+' && ch != ' ' && ch != '#' && ch != '0') break;
    }
    if (ch >= '0' && ch <= '9') {
        int digits = 0;
        *width = 0;
        while (ch >= '0' && ch <= '9') {
            *width = *width * 10 + (int)(ch - '0');
            FMT_NEXT();
            if (++digits >= FMT_MAXDIGITS) return 0;
        }
    }
    if (ch == '.') {
        int digits = 0;
        FMT_NEXT();
        *prec = 0;
        while (ch >= '0' && ch <= '9') {
            *prec = *prec * 10 + (int)(ch - '0');
            FMT_NEXT();
            if (++digits >= FMT_MAXDIGITS) return 0;
        }
    }
#undef FMT_NEXT
    *type = ch;
    *pos = i;
    return 1;
}

/* %s / %r / %a with its width and precision as a FormattedValue of arg; NULL without an
 * error when the unit is another kind. */
static expr_ty fmt_unit(PyObject *fmt, Py_ssize_t *pos, expr_ty arg, PyArena *arena)
{
    Py_UCS4 type;
    int ljust, width = -1, prec = -1;
    if (!fmt_parse_unit(fmt, pos, &type, &ljust, &width, &prec)) return NULL;
    if (type != 's' && type != 'r' && type != 'a') return NULL;
    char spec[2 + 2 * FMT_MAXDIGITS + 2];
    int n = 0;
    if (!ljust && width > 0) spec[n++] = '>';
    if (width >= 0) n += snprintf(spec + n, sizeof(spec) - (size_t)n, "%d", width);
    if (prec >= 0) n += snprintf(spec + n, sizeof(spec) - (size_t)n, ".%d", prec);
    expr_ty spec_node = NULL;
    if (n > 0) {
        spec_node = str_const_node(PyUnicode_FromStringAndSize(spec, n), arena);
        if (spec_node == NULL) return NULL;
    }
    return _PyAST_FormattedValue(arg, (int)type, spec_node, arg->lineno, arg->col_offset,
                                 arg->end_lineno, arg->end_col_offset, arena);
}

/* node is `fmt % (elts)`: when fmt only has %s/%r/%a units (plus '%%'), as many as there
 * are items, it becomes the f-string of those conversions — no tuple, no format parsing
 * at run time.  0 on error (1 also when left alone). */
static int optimize_format(expr_ty node, PyObject *fmt, asdl_expr_seq *elts, PyArena *arena)
{
    Py_ssize_t nelts = asdl_seq_LEN(elts), pos = 0, used = 0;
    for (Py_ssize_t i = 0; i < nelts; i++)
        if (asdl_seq_GET(elts, i)->kind == Starred_kind) return 1;
    asdl_expr_seq *parts = _Py_asdl_expr_seq_new(nelts * 2 + 1, arena);
    if (parts == NULL) return 0;
    Py_ssize_t nparts = 0;
    for (;;) {
        expr_ty lit = fmt_literal(fmt, &pos, arena);
        if (lit != NULL) asdl_seq_SET(parts, nparts++, lit);
        else if (PyErr_Occurred()) return 0;
        if (pos >= PyUnicode_GET_LENGTH(fmt)) break;
        if (used >= nelts) return 1;  /* more units than items: the run-time error */
        pos++;                        /* the '%' */
        expr_ty unit = fmt_unit(fmt, &pos, asdl_seq_GET(elts, used), arena);
        used++;
        if (unit == NULL) return !PyErr_Occurred();
        asdl_seq_SET(parts, nparts++, unit);
    }
    if (used < nelts) return 1;  /* more items than units: the run-time error */
    parts->size = nparts;
    expr_ty res = _PyAST_JoinedStr(parts, node->lineno, node->col_offset, node->end_lineno,
                                   node->end_col_offset, arena);
    if (res == NULL) return 0;
    *node = *res;
    return 1;
}

static int fold_binop(expr_ty node, PyArena *arena)
{
    expr_ty lhs = node->v.BinOp.left, rhs = node->v.BinOp.right;
    if (lhs->kind == Constant_kind && node->v.BinOp.op == Mod && rhs->kind == Tuple_kind &&
        PyUnicode_Check(lhs->v.Constant.value))
        return optimize_format(node, lhs->v.Constant.value, rhs->v.Tuple.elts, arena);
    if (lhs->kind != Constant_kind || rhs->kind != Constant_kind) return 1;
    PyObject *v = lhs->v.Constant.value, *w = rhs->v.Constant.value, *r;
    if (!safe_binop(node->v.BinOp.op, v, w)) return 1;
    switch (node->v.BinOp.op) {
    case Add: r = PyNumber_Add(v, w); break;
    case Sub: r = PyNumber_Subtract(v, w); break;
    case Mult: r = PyNumber_Multiply(v, w); break;
    case Div: r = PyNumber_TrueDivide(v, w); break;
    case FloorDiv: r = PyNumber_FloorDivide(v, w); break;
    case Mod: r = PyNumber_Remainder(v, w); break;
    case Pow: r = PyNumber_Power(v, w, Py_None); break;
    case LShift: r = PyNumber_Lshift(v, w); break;
    case RShift: r = PyNumber_Rshift(v, w); break;
    case BitOr: r = PyNumber_Or(v, w); break;
    case BitXor: r = PyNumber_Xor(v, w); break;
    case BitAnd: r = PyNumber_And(v, w); break;
    default: return 1;
    }
    return make_const(node, r, arena);
}

static int fold_unaryop(expr_ty node, PyArena *arena)
{
    expr_ty arg = node->v.UnaryOp.operand;
    if (arg->kind != Constant_kind) return 1;
    PyObject *v = arg->v.Constant.value, *r;
    switch (node->v.UnaryOp.op) {
    case USub: if (!is_number(v)) return 1; r = PyNumber_Negative(v); break;
    case UAdd: if (!is_number(v)) return 1; r = PyNumber_Positive(v); break;
    case Invert: if (!PyLong_CheckExact(v)) return 1; r = PyNumber_Invert(v); break;
    default: return 1;  /* `not` is left to the compiler's jumps */
    }
    return make_const(node, r, arena);
}

/* b"."[0], "abc"[1:], (1, 2)[0]: a constant indexed by a constant (3.11's fold_subscr;
 * an index that raises is left to run time). */
static int fold_subscr(expr_ty node, PyArena *arena)
{
    expr_ty value = node->v.Subscript.value, index = node->v.Subscript.slice;
    if (node->v.Subscript.ctx != Load || value->kind != Constant_kind ||
        index->kind != Constant_kind)
        return 1;
    return make_const(node, PyObject_GetItem(value->v.Constant.value, index->v.Constant.value),
                      arena);
}

/* (1, 2, 3) as one constant tuple. */
static int fold_tuple(expr_ty node, PyArena *arena)
{
    asdl_expr_seq *elts = node->v.Tuple.elts;
    if (node->v.Tuple.ctx != Load) return 1;
    Py_ssize_t n = asdl_seq_LEN(elts);
    for (Py_ssize_t i = 0; i < n; i++)
        if (asdl_seq_GET(elts, i)->kind != Constant_kind) return 1;
    PyObject *t = PyTuple_New(n);
    if (!t) return 0;
    for (Py_ssize_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(t, i, Py_NewRef(asdl_seq_GET(elts, i)->v.Constant.value));
    return make_const(node, t, arena);
}

/* A tuple of the constants elts holds (new reference), NULL without error if one is not. */
static PyObject *const_tuple(asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    for (Py_ssize_t i = 0; i < n; i++)
        if (asdl_seq_GET(elts, i)->kind != Constant_kind) return NULL;
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; t && i < n; i++)
        PyTuple_SET_ITEM(t, i, Py_NewRef(asdl_seq_GET(elts, i)->v.Constant.value));
    return t;
}

/* CPython's fold_iter: a list or set only iterated over (`for`, comprehensions, the right
 * side of `in`) becomes a tuple or frozenset — a constant when its items are. */
static int fold_iter(expr_ty arg, PyArena *arena)
{
    PyObject *val;
    if (arg->kind == List_kind) {
        asdl_expr_seq *elts = arg->v.List.elts;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++)
            if (asdl_seq_GET(elts, i)->kind == Starred_kind) return 1;
        expr_context_ty ctx = arg->v.List.ctx;
        arg->kind = Tuple_kind;
        arg->v.Tuple.elts = elts;
        arg->v.Tuple.ctx = ctx;
        val = const_tuple(elts);
    } else if (arg->kind == Set_kind) {
        val = const_tuple(arg->v.Set.elts);
        if (val) Py_SETREF(val, PyFrozenSet_New(val));
    } else {
        return 1;
    }
    return make_const(arg, val, arena);
}

/* `x in [...]` / `x not in {...}`: only the last comparison's operand, as 3.11. */
static int fold_compare(expr_ty e, PyArena *arena)
{
    asdl_int_seq *ops = e->v.Compare.ops;
    Py_ssize_t i = asdl_seq_LEN(ops) - 1;
    if (i < 0) return 1;
    int op = asdl_seq_GET(ops, i);
    if (op == In || op == NotIn)
        return fold_iter(asdl_seq_GET(e->v.Compare.comparators, i), arena);
    return 1;
}

typedef struct { int optimize; int ff_features; PyArena *arena; } opt_state;

static int opt_expr(expr_ty e, opt_state *st);
static int opt_stmt(stmt_ty s, opt_state *st);

#define OPT_EXPR(x) do { if ((x) && !opt_expr((x), st)) return 0; } while (0)
#define OPT_EXPRS(seq) do { \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(seq); _i++) OPT_EXPR(asdl_seq_GET((seq), _i)); \
    } while (0)
#define OPT_STMTS(seq) do { \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(seq); _i++) \
            if (!opt_stmt(asdl_seq_GET((seq), _i), st)) return 0; \
    } while (0)

/* Annotations are folded too, unless PEP 563 keeps them as source text. */
static int opt_annotations(asdl_arg_seq *args, opt_state *st)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++)
        OPT_EXPR(asdl_seq_GET(args, i)->annotation);
    return 1;
}

static int opt_args(arguments_ty a, opt_state *st)
{
    if (!(st->ff_features & CO_FUTURE_ANNOTATIONS)) {
        if (!opt_annotations(a->posonlyargs, st) || !opt_annotations(a->args, st) ||
            !opt_annotations(a->kwonlyargs, st))
            return 0;
        if (a->vararg) OPT_EXPR(a->vararg->annotation);
        if (a->kwarg) OPT_EXPR(a->kwarg->annotation);
    }
    OPT_EXPRS(a->defaults);
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(a->kw_defaults); i++)
        OPT_EXPR(asdl_seq_GET(a->kw_defaults, i));
    return 1;
}

static int opt_comprehensions(asdl_comprehension_seq *gens, opt_state *st)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty g = asdl_seq_GET(gens, i);
        OPT_EXPR(g->iter);
        if (!fold_iter(g->iter, st->arena)) return 0;
        OPT_EXPRS(g->ifs);
    }
    return 1;
}

static int opt_expr(expr_ty e, opt_state *st);

/* Patterns: fold the value expressions (so `case -1 + 2j:` is a constant) and keys. */
static int opt_pattern(pattern_ty p, opt_state *st)
{
    switch (p->kind) {
    case MatchValue_kind: OPT_EXPR(p->v.MatchValue.value); break;
    case MatchSingleton_kind: case MatchStar_kind: break;
    case MatchSequence_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchSequence.patterns); i++)
            if (!opt_pattern(asdl_seq_GET(p->v.MatchSequence.patterns, i), st)) return 0;
        break;
    case MatchMapping_kind:
        OPT_EXPRS(p->v.MatchMapping.keys);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchMapping.patterns); i++)
            if (!opt_pattern(asdl_seq_GET(p->v.MatchMapping.patterns, i), st)) return 0;
        break;
    case MatchClass_kind:
        OPT_EXPR(p->v.MatchClass.cls);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchClass.patterns); i++)
            if (!opt_pattern(asdl_seq_GET(p->v.MatchClass.patterns, i), st)) return 0;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchClass.kwd_patterns); i++)
            if (!opt_pattern(asdl_seq_GET(p->v.MatchClass.kwd_patterns, i), st)) return 0;
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern && !opt_pattern(p->v.MatchAs.pattern, st)) return 0;
        break;
    case MatchOr_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchOr.patterns); i++)
            if (!opt_pattern(asdl_seq_GET(p->v.MatchOr.patterns, i), st)) return 0;
        break;
    }
    return 1;
}

static int opt_expr(expr_ty e, opt_state *st)
{
    switch (e->kind) {
    case BoolOp_kind: OPT_EXPRS(e->v.BoolOp.values); break;
    case BinOp_kind:
        OPT_EXPR(e->v.BinOp.left);
        OPT_EXPR(e->v.BinOp.right);
        return fold_binop(e, st->arena);
    case UnaryOp_kind:
        OPT_EXPR(e->v.UnaryOp.operand);
        return fold_unaryop(e, st->arena);
    case Lambda_kind: if (!opt_args(e->v.Lambda.args, st)) return 0; OPT_EXPR(e->v.Lambda.body); break;
    case IfExp_kind: OPT_EXPR(e->v.IfExp.test); OPT_EXPR(e->v.IfExp.body); OPT_EXPR(e->v.IfExp.orelse); break;
    case Dict_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Dict.keys); i++) OPT_EXPR(asdl_seq_GET(e->v.Dict.keys, i));
        OPT_EXPRS(e->v.Dict.values);
        break;
    case Set_kind: OPT_EXPRS(e->v.Set.elts); break;
    case ListComp_kind: OPT_EXPR(e->v.ListComp.elt); return opt_comprehensions(e->v.ListComp.generators, st);
    case SetComp_kind: OPT_EXPR(e->v.SetComp.elt); return opt_comprehensions(e->v.SetComp.generators, st);
    case DictComp_kind:
        OPT_EXPR(e->v.DictComp.key);
        OPT_EXPR(e->v.DictComp.value);
        return opt_comprehensions(e->v.DictComp.generators, st);
    case GeneratorExp_kind: OPT_EXPR(e->v.GeneratorExp.elt); return opt_comprehensions(e->v.GeneratorExp.generators, st);
    case Await_kind: OPT_EXPR(e->v.Await.value); break;
    case Yield_kind: OPT_EXPR(e->v.Yield.value); break;
    case YieldFrom_kind: OPT_EXPR(e->v.YieldFrom.value); break;
    case Compare_kind:
        OPT_EXPR(e->v.Compare.left);
        OPT_EXPRS(e->v.Compare.comparators);
        return fold_compare(e, st->arena);
    case Call_kind:
        OPT_EXPR(e->v.Call.func);
        OPT_EXPRS(e->v.Call.args);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++)
            OPT_EXPR(asdl_seq_GET(e->v.Call.keywords, i)->value);
        break;
    case FormattedValue_kind: OPT_EXPR(e->v.FormattedValue.value); OPT_EXPR(e->v.FormattedValue.format_spec); break;
    case JoinedStr_kind: OPT_EXPRS(e->v.JoinedStr.values); break;
    case Attribute_kind: OPT_EXPR(e->v.Attribute.value); break;
    case Subscript_kind:
        OPT_EXPR(e->v.Subscript.value);
        OPT_EXPR(e->v.Subscript.slice);
        return fold_subscr(e, st->arena);
    case Starred_kind: OPT_EXPR(e->v.Starred.value); break;
    case Slice_kind: OPT_EXPR(e->v.Slice.lower); OPT_EXPR(e->v.Slice.upper); OPT_EXPR(e->v.Slice.step); break;
    case List_kind: OPT_EXPRS(e->v.List.elts); break;
    case Tuple_kind:
        OPT_EXPRS(e->v.Tuple.elts);
        return fold_tuple(e, st->arena);
    case Name_kind:
        if (e->v.Name.ctx == Load && _PyUnicode_EqualToASCIIString(e->v.Name.id, "__debug__"))
            return make_const(e, Py_NewRef(st->optimize ? Py_False : Py_True), st->arena);
        break;
    case NamedExpr_kind: OPT_EXPR(e->v.NamedExpr.value); break;
    case Constant_kind: break;
    }
    return 1;
}

static int opt_stmt(stmt_ty s, opt_state *st)
{
    switch (s->kind) {
    case FunctionDef_kind:
        if (!opt_args(s->v.FunctionDef.args, st)) return 0;
        if (!(st->ff_features & CO_FUTURE_ANNOTATIONS)) OPT_EXPR(s->v.FunctionDef.returns);
        OPT_STMTS(s->v.FunctionDef.body);
        OPT_EXPRS(s->v.FunctionDef.decorator_list);
        break;
    case AsyncFunctionDef_kind:
        if (!opt_args(s->v.AsyncFunctionDef.args, st)) return 0;
        if (!(st->ff_features & CO_FUTURE_ANNOTATIONS)) OPT_EXPR(s->v.AsyncFunctionDef.returns);
        OPT_STMTS(s->v.AsyncFunctionDef.body);
        OPT_EXPRS(s->v.AsyncFunctionDef.decorator_list);
        break;
    case ClassDef_kind:
        OPT_EXPRS(s->v.ClassDef.bases);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.ClassDef.keywords); i++)
            OPT_EXPR(asdl_seq_GET(s->v.ClassDef.keywords, i)->value);
        OPT_STMTS(s->v.ClassDef.body);
        OPT_EXPRS(s->v.ClassDef.decorator_list);
        break;
    case Return_kind: OPT_EXPR(s->v.Return.value); break;
    case Delete_kind: OPT_EXPRS(s->v.Delete.targets); break;
    case Assign_kind: OPT_EXPRS(s->v.Assign.targets); OPT_EXPR(s->v.Assign.value); break;
    case AugAssign_kind: OPT_EXPR(s->v.AugAssign.target); OPT_EXPR(s->v.AugAssign.value); break;
    case AnnAssign_kind:
        OPT_EXPR(s->v.AnnAssign.target);
        if (!(st->ff_features & CO_FUTURE_ANNOTATIONS)) OPT_EXPR(s->v.AnnAssign.annotation);
        OPT_EXPR(s->v.AnnAssign.value);
        break;
    case For_kind:
        OPT_EXPR(s->v.For.iter);
        if (!fold_iter(s->v.For.iter, st->arena)) return 0;
        OPT_STMTS(s->v.For.body);
        OPT_STMTS(s->v.For.orelse);
        break;
    case AsyncFor_kind: OPT_EXPR(s->v.AsyncFor.iter); OPT_STMTS(s->v.AsyncFor.body); OPT_STMTS(s->v.AsyncFor.orelse); break;
    case While_kind: OPT_EXPR(s->v.While.test); OPT_STMTS(s->v.While.body); OPT_STMTS(s->v.While.orelse); break;
    case If_kind: OPT_EXPR(s->v.If.test); OPT_STMTS(s->v.If.body); OPT_STMTS(s->v.If.orelse); break;
    case With_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.With.items); i++)
            OPT_EXPR(asdl_seq_GET(s->v.With.items, i)->context_expr);
        OPT_STMTS(s->v.With.body);
        break;
    case AsyncWith_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.AsyncWith.items); i++)
            OPT_EXPR(asdl_seq_GET(s->v.AsyncWith.items, i)->context_expr);
        OPT_STMTS(s->v.AsyncWith.body);
        break;
    case Raise_kind: OPT_EXPR(s->v.Raise.exc); OPT_EXPR(s->v.Raise.cause); break;
    case Try_kind:
    case TryStar_kind: {
        asdl_excepthandler_seq *hs = s->kind == Try_kind ? s->v.Try.handlers : s->v.TryStar.handlers;
        OPT_STMTS(s->kind == Try_kind ? s->v.Try.body : s->v.TryStar.body);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(hs); i++) {
            excepthandler_ty h = asdl_seq_GET(hs, i);
            OPT_EXPR(h->v.ExceptHandler.type);
            OPT_STMTS(h->v.ExceptHandler.body);
        }
        OPT_STMTS(s->kind == Try_kind ? s->v.Try.orelse : s->v.TryStar.orelse);
        OPT_STMTS(s->kind == Try_kind ? s->v.Try.finalbody : s->v.TryStar.finalbody);
        break;
    }
    case Assert_kind: OPT_EXPR(s->v.Assert.test); OPT_EXPR(s->v.Assert.msg); break;
    case Expr_kind: OPT_EXPR(s->v.Expr.value); break;
    case Match_kind:
        OPT_EXPR(s->v.Match.subject);
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty mc = asdl_seq_GET(s->v.Match.cases, i);
            if (!opt_pattern(mc->pattern, st)) return 0;
            OPT_EXPR(mc->guard);
            OPT_STMTS(mc->body);
        }
        break;
    default: break;
    }
    return 1;
}

int _PyAST_Optimize(struct _mod *mod, struct _arena *arena, int optimize, int ff_features)
{
    opt_state state = { optimize, ff_features, arena }, *st = &state;
    switch (mod->kind) {
    case Module_kind: OPT_STMTS(mod->v.Module.body); break;
    case Interactive_kind: OPT_STMTS(mod->v.Interactive.body); break;
    case Expression_kind: OPT_EXPR(mod->v.Expression.body); break;
    default: break;
    }
    return 1;
}
