/* ast_validate.c — _PyAST_Validate: checks the integrity of an AST that may have been built
 * by hand from Python objects (compile() of an ast.AST goes PyAST_obj2mod → here → the
 * compiler).  Same checks and messages as CPython 3.11's Python/ast.c.  The parser's own
 * trees always pass; conversion of objects to nodes is Python-ast.c (generated). */
#include "Python.h"
#include "pycore_ast.h"

static int validate_stmts(asdl_stmt_seq *seq);
static int validate_exprs(asdl_expr_seq *exprs, expr_context_ty ctx, int null_ok);
static int validate_patterns(asdl_pattern_seq *patterns, int star_ok);
static int validate_stmt(stmt_ty stmt);
static int validate_expr(expr_ty exp, expr_context_ty ctx);
static int validate_pattern(pattern_ty p, int star_ok);

/* Positions: lines must not run backwards, negative values only as "no position". */
#define CHECK_POSITIONS(node)                                                                 \
    do {                                                                                      \
        if (!positions_ok((node)->lineno, (node)->col_offset, (node)->end_lineno,           \
                          (node)->end_col_offset))                                           \
            return 0;                                                                         \
    } while (0)

static int
positions_ok(int lineno, int col, int end_lineno, int end_col)
{
    if (lineno > end_lineno) {
        PyErr_Format(PyExc_ValueError, "AST node line range (%d, %d) is not valid", lineno,
                     end_lineno);
        return 0;
    }
    if ((lineno < 0 && end_lineno != lineno) || (col < 0 && col != end_col)) {
        PyErr_Format(PyExc_ValueError,
                     "AST node column range (%d, %d) for line range (%d, %d) is not valid", col,
                     end_col, lineno, end_lineno);
        return 0;
    }
    if (lineno == end_lineno && col > end_col) {
        PyErr_Format(PyExc_ValueError, "line %d, column %d-%d is not a valid range", lineno, col,
                     end_col);
        return 0;
    }
    return 1;
}

/* Deep trees: RecursionError instead of a C stack overflow. */
#define ENTER() if (Py_EnterRecursiveCall(" during compilation")) return 0
#define LEAVE() Py_LeaveRecursiveCall()

static int
validate_name(PyObject *name)
{
    static const char *const forbidden[] = {"None", "True", "False", NULL};
    for (int i = 0; forbidden[i]; i++) {
        if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, forbidden[i]) == 0) {
            PyErr_Format(PyExc_ValueError, "identifier field can't represent '%s' constant",
                         forbidden[i]);
            return 0;
        }
    }
    return 1;
}

static const char *
ctx_name(expr_context_ty ctx)
{
    switch (ctx) {
    case Load: return "Load";
    case Store: return "Store";
    case Del: return "Del";
    }
    return "?";
}

static int
nonempty(asdl_seq *seq, const char *what, const char *owner)
{
    if (asdl_seq_LEN(seq))
        return 1;
    PyErr_Format(PyExc_ValueError, "empty %s on %s", what, owner);
    return 0;
}
#define NONEMPTY(seq, what, owner) nonempty((asdl_seq *)(seq), what, owner)

static int
validate_comprehension(asdl_comprehension_seq *gens)
{
    if (!asdl_seq_LEN(gens)) {
        PyErr_SetString(PyExc_ValueError, "comprehension with no generators");
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(gens); i++) {
        comprehension_ty comp = asdl_seq_GET(gens, i);
        if (!validate_expr(comp->target, Store) || !validate_expr(comp->iter, Load) ||
            !validate_exprs(comp->ifs, Load, 0))
            return 0;
    }
    return 1;
}

static int
validate_keywords(asdl_keyword_seq *keywords)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(keywords); i++)
        if (!validate_expr(asdl_seq_GET(keywords, i)->value, Load))
            return 0;
    return 1;
}

static int
validate_args(asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty arg = asdl_seq_GET(args, i);
        CHECK_POSITIONS(arg);
        if (arg->annotation && !validate_expr(arg->annotation, Load))
            return 0;
    }
    return 1;
}

static int
validate_arguments(arguments_ty args)
{
    if (!validate_args(args->posonlyargs) || !validate_args(args->args))
        return 0;
    if (args->vararg && args->vararg->annotation && !validate_expr(args->vararg->annotation, Load))
        return 0;
    if (!validate_args(args->kwonlyargs))
        return 0;
    if (args->kwarg && args->kwarg->annotation && !validate_expr(args->kwarg->annotation, Load))
        return 0;
    if (asdl_seq_LEN(args->defaults) > asdl_seq_LEN(args->posonlyargs) + asdl_seq_LEN(args->args)) {
        PyErr_SetString(PyExc_ValueError, "more positional defaults than args on arguments");
        return 0;
    }
    if (asdl_seq_LEN(args->kw_defaults) != asdl_seq_LEN(args->kwonlyargs)) {
        PyErr_SetString(PyExc_ValueError,
                        "length of kwonlyargs is not the same as kw_defaults on arguments");
        return 0;
    }
    return validate_exprs(args->defaults, Load, 0) && validate_exprs(args->kw_defaults, Load, 1);
}

/* Constants: the literal types, and tuples/frozensets of them (what the optimizer folds). */
static int
validate_constant(PyObject *value)
{
    if (value == Py_None || value == Py_Ellipsis)
        return 1;
    if (PyLong_CheckExact(value) || PyFloat_CheckExact(value) || PyComplex_CheckExact(value) ||
        PyBool_Check(value) || PyUnicode_CheckExact(value) || PyBytes_CheckExact(value))
        return 1;
    if (PyTuple_CheckExact(value) || PyFrozenSet_CheckExact(value)) {
        ENTER();
        PyObject *it = PyObject_GetIter(value);
        int ok = it != NULL;
        while (ok) {
            PyObject *item = PyIter_Next(it);
            if (!item) {
                ok = !PyErr_Occurred();
                break;
            }
            ok = validate_constant(item);
            Py_DECREF(item);
        }
        Py_XDECREF(it);
        LEAVE();
        return ok;
    }
    if (!PyErr_Occurred())
        PyErr_Format(PyExc_TypeError, "got an invalid type in Constant: %s",
                     _PyType_Name(Py_TYPE(value)));
    return 0;
}

/* The context an expression carries, or 0 for kinds that have none. */
static int
expr_ctx(expr_ty exp, expr_context_ty *ctx)
{
    switch (exp->kind) {
    case Attribute_kind: *ctx = exp->v.Attribute.ctx; return 1;
    case Subscript_kind: *ctx = exp->v.Subscript.ctx; return 1;
    case Starred_kind: *ctx = exp->v.Starred.ctx; return 1;
    case Name_kind: *ctx = exp->v.Name.ctx; return 1;
    case List_kind: *ctx = exp->v.List.ctx; return 1;
    case Tuple_kind: *ctx = exp->v.Tuple.ctx; return 1;
    default: return 0;
    }
}

static int
validate_expr_body(expr_ty exp, expr_context_ty ctx)
{
    switch (exp->kind) {
    case BoolOp_kind:
        if (asdl_seq_LEN(exp->v.BoolOp.values) < 2) {
            PyErr_SetString(PyExc_ValueError, "BoolOp with less than 2 values");
            return 0;
        }
        return validate_exprs(exp->v.BoolOp.values, Load, 0);
    case BinOp_kind:
        return validate_expr(exp->v.BinOp.left, Load) && validate_expr(exp->v.BinOp.right, Load);
    case UnaryOp_kind:
        return validate_expr(exp->v.UnaryOp.operand, Load);
    case Lambda_kind:
        return validate_arguments(exp->v.Lambda.args) && validate_expr(exp->v.Lambda.body, Load);
    case IfExp_kind:
        return validate_expr(exp->v.IfExp.test, Load) && validate_expr(exp->v.IfExp.body, Load) &&
               validate_expr(exp->v.IfExp.orelse, Load);
    case Dict_kind:
        if (asdl_seq_LEN(exp->v.Dict.keys) != asdl_seq_LEN(exp->v.Dict.values)) {
            PyErr_SetString(PyExc_ValueError, "Dict doesn't have the same number of keys as values");
            return 0;
        }
        /* a None key is `**mapping` */
        return validate_exprs(exp->v.Dict.keys, Load, 1) && validate_exprs(exp->v.Dict.values, Load, 0);
    case Set_kind:
        return validate_exprs(exp->v.Set.elts, Load, 0);
    case ListComp_kind:
        return validate_comprehension(exp->v.ListComp.generators) &&
               validate_expr(exp->v.ListComp.elt, Load);
    case SetComp_kind:
        return validate_comprehension(exp->v.SetComp.generators) &&
               validate_expr(exp->v.SetComp.elt, Load);
    case GeneratorExp_kind:
        return validate_comprehension(exp->v.GeneratorExp.generators) &&
               validate_expr(exp->v.GeneratorExp.elt, Load);
    case DictComp_kind:
        return validate_comprehension(exp->v.DictComp.generators) &&
               validate_expr(exp->v.DictComp.key, Load) && validate_expr(exp->v.DictComp.value, Load);
    case Yield_kind:
        return !exp->v.Yield.value || validate_expr(exp->v.Yield.value, Load);
    case YieldFrom_kind:
        return validate_expr(exp->v.YieldFrom.value, Load);
    case Await_kind:
        return validate_expr(exp->v.Await.value, Load);
    case Compare_kind:
        if (!asdl_seq_LEN(exp->v.Compare.comparators)) {
            PyErr_SetString(PyExc_ValueError, "Compare with no comparators");
            return 0;
        }
        if (asdl_seq_LEN(exp->v.Compare.comparators) != asdl_seq_LEN(exp->v.Compare.ops)) {
            PyErr_SetString(PyExc_ValueError,
                            "Compare has a different number of comparators and operands");
            return 0;
        }
        return validate_exprs(exp->v.Compare.comparators, Load, 0) &&
               validate_expr(exp->v.Compare.left, Load);
    case Call_kind:
        return validate_expr(exp->v.Call.func, Load) && validate_exprs(exp->v.Call.args, Load, 0) &&
               validate_keywords(exp->v.Call.keywords);
    case Constant_kind:
        return validate_constant(exp->v.Constant.value);
    case JoinedStr_kind:
        return validate_exprs(exp->v.JoinedStr.values, Load, 0);
    case FormattedValue_kind:
        return validate_expr(exp->v.FormattedValue.value, Load) &&
               (!exp->v.FormattedValue.format_spec ||
                validate_expr(exp->v.FormattedValue.format_spec, Load));
    case Attribute_kind:
        return validate_expr(exp->v.Attribute.value, Load);
    case Subscript_kind:
        return validate_expr(exp->v.Subscript.slice, Load) &&
               validate_expr(exp->v.Subscript.value, Load);
    case Starred_kind:
        return validate_expr(exp->v.Starred.value, ctx);
    case Slice_kind:
        return (!exp->v.Slice.lower || validate_expr(exp->v.Slice.lower, Load)) &&
               (!exp->v.Slice.upper || validate_expr(exp->v.Slice.upper, Load)) &&
               (!exp->v.Slice.step || validate_expr(exp->v.Slice.step, Load));
    case List_kind:
        return validate_exprs(exp->v.List.elts, ctx, 0);
    case Tuple_kind:
        return validate_exprs(exp->v.Tuple.elts, ctx, 0);
    case NamedExpr_kind:
        return validate_expr(exp->v.NamedExpr.value, Load);
    case Name_kind:
        return 1;
    }
    PyErr_SetString(PyExc_SystemError, "unexpected expression");
    return 0;
}

static int
validate_expr(expr_ty exp, expr_context_ty ctx)
{
    CHECK_POSITIONS(exp);
    expr_context_ty actual;
    if (exp->kind == Name_kind && !validate_name(exp->v.Name.id))
        return 0;
    if (!expr_ctx(exp, &actual)) {
        if (ctx != Load) {
            PyErr_Format(PyExc_ValueError, "expression which can't be assigned to in %s context",
                         ctx_name(ctx));
            return 0;
        }
    }
    else if (actual != ctx) {
        PyErr_Format(PyExc_ValueError, "expression must have %s context but has %s instead",
                     ctx_name(ctx), ctx_name(actual));
        return 0;
    }
    ENTER();
    int ret = validate_expr_body(exp, ctx);
    LEAVE();
    return ret;
}

/* ---- patterns ---- */

static int
is_number(expr_ty exp, int allow_real, int allow_imag)
{
    PyObject *v = exp->v.Constant.value;
    return (allow_real && (PyFloat_CheckExact(v) || PyLong_CheckExact(v))) ||
           (allow_imag && PyComplex_CheckExact(v));
}

static int
is_negative_number(expr_ty exp, int allow_real, int allow_imag)
{
    expr_ty operand = exp->v.UnaryOp.operand;
    return exp->v.UnaryOp.op == USub && operand->kind == Constant_kind &&
           is_number(operand, allow_real, allow_imag);
}

/* real ± imaginary, the only BinOp a literal pattern may be */
static int
is_complex_literal(expr_ty exp)
{
    expr_ty left = exp->v.BinOp.left, right = exp->v.BinOp.right;
    if (exp->v.BinOp.op != Add && exp->v.BinOp.op != Sub)
        return 0;
    if (left->kind == Constant_kind) {
        if (!is_number(left, 1, 0))
            return 0;
    }
    else if (left->kind != UnaryOp_kind || !is_negative_number(left, 1, 0))
        return 0;
    return right->kind == Constant_kind && is_number(right, 0, 1);
}

static int
validate_pattern_match_value(expr_ty exp)
{
    if (!validate_expr(exp, Load))
        return 0;
    switch (exp->kind) {
    case Constant_kind: {
        /* True/False/None belong in MatchSingleton; Ellipsis and tuples are not literals */
        PyObject *v = exp->v.Constant.value;
        if (PyLong_CheckExact(v) || PyFloat_CheckExact(v) || PyBytes_CheckExact(v) ||
            PyComplex_CheckExact(v) || PyUnicode_CheckExact(v))
            return 1;
        PyErr_SetString(PyExc_ValueError, "unexpected constant inside of a literal pattern");
        return 0;
    }
    case Attribute_kind:
        return 1;
    case UnaryOp_kind:
        if (is_negative_number(exp, 1, 1))
            return 1;
        break;
    case BinOp_kind:
        if (is_complex_literal(exp))
            return 1;
        break;
    case JoinedStr_kind:
        return 1;  /* the compiler rejects it later */
    default:
        break;
    }
    PyErr_SetString(PyExc_ValueError, "patterns may only match literals and attribute lookups");
    return 0;
}

static int
validate_capture(PyObject *name)
{
    if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "_") == 0) {
        PyErr_Format(PyExc_ValueError, "can't capture name '_' in patterns");
        return 0;
    }
    return validate_name(name);
}

static int
validate_match_mapping(pattern_ty p)
{
    if (asdl_seq_LEN(p->v.MatchMapping.keys) != asdl_seq_LEN(p->v.MatchMapping.patterns)) {
        PyErr_SetString(PyExc_ValueError,
                        "MatchMapping doesn't have the same number of keys as patterns");
        return 0;
    }
    if (p->v.MatchMapping.rest && !validate_capture(p->v.MatchMapping.rest))
        return 0;
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(keys); i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key->kind == Constant_kind) {
            PyObject *v = key->v.Constant.value;
            if (v == Py_None || PyBool_Check(v))
                continue;  /* syntactically valid keys */
        }
        if (!validate_pattern_match_value(key))
            return 0;
    }
    return validate_patterns(p->v.MatchMapping.patterns, 0);
}

static int
validate_match_class(pattern_ty p)
{
    if (asdl_seq_LEN(p->v.MatchClass.kwd_attrs) != asdl_seq_LEN(p->v.MatchClass.kwd_patterns)) {
        PyErr_SetString(PyExc_ValueError,
                        "MatchClass doesn't have the same number of keyword attributes as patterns");
        return 0;
    }
    if (!validate_expr(p->v.MatchClass.cls, Load))
        return 0;
    expr_ty cls = p->v.MatchClass.cls;
    while (cls->kind == Attribute_kind)
        cls = cls->v.Attribute.value;
    if (cls->kind != Name_kind) {
        PyErr_SetString(PyExc_ValueError,
                        "MatchClass cls field can only contain Name or Attribute nodes.");
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(p->v.MatchClass.kwd_attrs); i++)
        if (!validate_name(asdl_seq_GET(p->v.MatchClass.kwd_attrs, i)))
            return 0;
    return validate_patterns(p->v.MatchClass.patterns, 0) &&
           validate_patterns(p->v.MatchClass.kwd_patterns, 0);
}

static int
validate_pattern_body(pattern_ty p, int star_ok)
{
    switch (p->kind) {
    case MatchValue_kind:
        return validate_pattern_match_value(p->v.MatchValue.value);
    case MatchSingleton_kind:
        if (p->v.MatchSingleton.value == Py_None || PyBool_Check(p->v.MatchSingleton.value))
            return 1;
        PyErr_SetString(PyExc_ValueError, "MatchSingleton can only contain True, False and None");
        return 0;
    case MatchSequence_kind:
        return validate_patterns(p->v.MatchSequence.patterns, 1);
    case MatchMapping_kind:
        return validate_match_mapping(p);
    case MatchClass_kind:
        return validate_match_class(p);
    case MatchStar_kind:
        if (!star_ok) {
            PyErr_SetString(PyExc_ValueError, "can't use MatchStar here");
            return 0;
        }
        return p->v.MatchStar.name == NULL || validate_capture(p->v.MatchStar.name);
    case MatchAs_kind:
        if (p->v.MatchAs.name && !validate_capture(p->v.MatchAs.name))
            return 0;
        if (p->v.MatchAs.pattern == NULL)
            return 1;
        if (p->v.MatchAs.name == NULL) {
            PyErr_SetString(PyExc_ValueError,
                            "MatchAs must specify a target name if a pattern is given");
            return 0;
        }
        return validate_pattern(p->v.MatchAs.pattern, 0);
    case MatchOr_kind:
        if (asdl_seq_LEN(p->v.MatchOr.patterns) < 2) {
            PyErr_SetString(PyExc_ValueError, "MatchOr requires at least 2 patterns");
            return 0;
        }
        return validate_patterns(p->v.MatchOr.patterns, 0);
    }
    PyErr_SetString(PyExc_SystemError, "unexpected pattern");
    return 0;
}

static int
validate_pattern(pattern_ty p, int star_ok)
{
    CHECK_POSITIONS(p);
    ENTER();
    int ret = validate_pattern_body(p, star_ok);
    LEAVE();
    return ret;
}

/* ---- statements ---- */

static int
validate_body(asdl_stmt_seq *body, const char *owner)
{
    return NONEMPTY(body, "body", owner) && validate_stmts(body);
}

static int
validate_assignlist(asdl_expr_seq *targets, expr_context_ty ctx)
{
    return NONEMPTY(targets, "targets", ctx == Del ? "Delete" : "Assign") &&
           validate_exprs(targets, ctx, 0);
}

static int
validate_withitems(asdl_withitem_seq *items, const char *owner)
{
    if (!NONEMPTY(items, "items", owner))
        return 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(items); i++) {
        withitem_ty item = asdl_seq_GET(items, i);
        if (!validate_expr(item->context_expr, Load) ||
            (item->optional_vars && !validate_expr(item->optional_vars, Store)))
            return 0;
    }
    return 1;
}

static int
validate_try(asdl_stmt_seq *body, asdl_excepthandler_seq *handlers, asdl_stmt_seq *orelse,
             asdl_stmt_seq *finalbody, const char *owner, int check_handler_positions)
{
    if (!validate_body(body, owner))
        return 0;
    if (!asdl_seq_LEN(handlers) && !asdl_seq_LEN(finalbody)) {
        PyErr_Format(PyExc_ValueError, "%s has neither except handlers nor finalbody", owner);
        return 0;
    }
    if (!asdl_seq_LEN(handlers) && asdl_seq_LEN(orelse)) {
        PyErr_Format(PyExc_ValueError, "%s has orelse but no except handlers", owner);
        return 0;
    }
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(handlers); i++) {
        excepthandler_ty h = asdl_seq_GET(handlers, i);
        if (check_handler_positions)  /* 3.11 checks them for Try only */
            CHECK_POSITIONS(h);
        if ((h->v.ExceptHandler.type && !validate_expr(h->v.ExceptHandler.type, Load)) ||
            !validate_body(h->v.ExceptHandler.body, "ExceptHandler"))
            return 0;
    }
    return validate_stmts(finalbody) && validate_stmts(orelse);
}

static int
validate_function(const char *owner, arguments_ty args, asdl_stmt_seq *body,
                  asdl_expr_seq *decorators, expr_ty returns)
{
    return validate_body(body, owner) && validate_arguments(args) &&
           validate_exprs(decorators, Load, 0) && (!returns || validate_expr(returns, Load));
}

static int
validate_match(stmt_ty stmt)
{
    if (!validate_expr(stmt->v.Match.subject, Load) ||
        !NONEMPTY(stmt->v.Match.cases, "cases", "Match"))
        return 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(stmt->v.Match.cases); i++) {
        match_case_ty m = asdl_seq_GET(stmt->v.Match.cases, i);
        if (!validate_pattern(m->pattern, 0) || (m->guard && !validate_expr(m->guard, Load)) ||
            !validate_body(m->body, "match_case"))
            return 0;
    }
    return 1;
}

static int
validate_stmt_body(stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return validate_function("FunctionDef", s->v.FunctionDef.args, s->v.FunctionDef.body,
                                 s->v.FunctionDef.decorator_list, s->v.FunctionDef.returns);
    case AsyncFunctionDef_kind:
        return validate_function("AsyncFunctionDef", s->v.AsyncFunctionDef.args,
                                 s->v.AsyncFunctionDef.body, s->v.AsyncFunctionDef.decorator_list,
                                 s->v.AsyncFunctionDef.returns);
    case ClassDef_kind:
        return validate_body(s->v.ClassDef.body, "ClassDef") &&
               validate_exprs(s->v.ClassDef.bases, Load, 0) &&
               validate_keywords(s->v.ClassDef.keywords) &&
               validate_exprs(s->v.ClassDef.decorator_list, Load, 0);
    case Return_kind:
        return !s->v.Return.value || validate_expr(s->v.Return.value, Load);
    case Delete_kind:
        return validate_assignlist(s->v.Delete.targets, Del);
    case Assign_kind:
        return validate_assignlist(s->v.Assign.targets, Store) &&
               validate_expr(s->v.Assign.value, Load);
    case AugAssign_kind:
        return validate_expr(s->v.AugAssign.target, Store) &&
               validate_expr(s->v.AugAssign.value, Load);
    case AnnAssign_kind:
        if (s->v.AnnAssign.target->kind != Name_kind && s->v.AnnAssign.simple) {
            PyErr_SetString(PyExc_TypeError, "AnnAssign with simple non-Name target");
            return 0;
        }
        return validate_expr(s->v.AnnAssign.target, Store) &&
               (!s->v.AnnAssign.value || validate_expr(s->v.AnnAssign.value, Load)) &&
               validate_expr(s->v.AnnAssign.annotation, Load);
    case For_kind:
        return validate_expr(s->v.For.target, Store) && validate_expr(s->v.For.iter, Load) &&
               validate_body(s->v.For.body, "For") && validate_stmts(s->v.For.orelse);
    case AsyncFor_kind:
        return validate_expr(s->v.AsyncFor.target, Store) &&
               validate_expr(s->v.AsyncFor.iter, Load) &&
               validate_body(s->v.AsyncFor.body, "AsyncFor") && validate_stmts(s->v.AsyncFor.orelse);
    case While_kind:
        return validate_expr(s->v.While.test, Load) && validate_body(s->v.While.body, "While") &&
               validate_stmts(s->v.While.orelse);
    case If_kind:
        return validate_expr(s->v.If.test, Load) && validate_body(s->v.If.body, "If") &&
               validate_stmts(s->v.If.orelse);
    case With_kind:
        return validate_withitems(s->v.With.items, "With") && validate_body(s->v.With.body, "With");
    case AsyncWith_kind:
        return validate_withitems(s->v.AsyncWith.items, "AsyncWith") &&
               validate_body(s->v.AsyncWith.body, "AsyncWith");
    case Match_kind:
        return validate_match(s);
    case Raise_kind:
        if (s->v.Raise.exc)
            return validate_expr(s->v.Raise.exc, Load) &&
                   (!s->v.Raise.cause || validate_expr(s->v.Raise.cause, Load));
        if (s->v.Raise.cause) {
            PyErr_SetString(PyExc_ValueError, "Raise with cause but no exception");
            return 0;
        }
        return 1;
    case Try_kind:
        return validate_try(s->v.Try.body, s->v.Try.handlers, s->v.Try.orelse, s->v.Try.finalbody,
                            "Try", 1);
    case TryStar_kind:
        return validate_try(s->v.TryStar.body, s->v.TryStar.handlers, s->v.TryStar.orelse,
                            s->v.TryStar.finalbody, "TryStar", 0);
    case Assert_kind:
        return validate_expr(s->v.Assert.test, Load) &&
               (!s->v.Assert.msg || validate_expr(s->v.Assert.msg, Load));
    case Import_kind:
        return NONEMPTY(s->v.Import.names, "names", "Import");
    case ImportFrom_kind:
        if (s->v.ImportFrom.level < 0) {
            PyErr_SetString(PyExc_ValueError, "Negative ImportFrom level");
            return 0;
        }
        return NONEMPTY(s->v.ImportFrom.names, "names", "ImportFrom");
    case Global_kind:
        return NONEMPTY(s->v.Global.names, "names", "Global");
    case Nonlocal_kind:
        return NONEMPTY(s->v.Nonlocal.names, "names", "Nonlocal");
    case Expr_kind:
        return validate_expr(s->v.Expr.value, Load);
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        return 1;
    }
    PyErr_SetString(PyExc_SystemError, "unexpected statement");
    return 0;
}

static int
validate_stmt(stmt_ty stmt)
{
    CHECK_POSITIONS(stmt);
    ENTER();
    int ret = validate_stmt_body(stmt);
    LEAVE();
    return ret;
}

static int
validate_stmts(asdl_stmt_seq *seq)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        stmt_ty stmt = asdl_seq_GET(seq, i);
        if (!stmt) {
            PyErr_SetString(PyExc_ValueError, "None disallowed in statement list");
            return 0;
        }
        if (!validate_stmt(stmt))
            return 0;
    }
    return 1;
}

static int
validate_exprs(asdl_expr_seq *exprs, expr_context_ty ctx, int null_ok)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(exprs); i++) {
        expr_ty e = asdl_seq_GET(exprs, i);
        if (e) {
            if (!validate_expr(e, ctx))
                return 0;
        }
        else if (!null_ok) {
            PyErr_SetString(PyExc_ValueError, "None disallowed in expression list");
            return 0;
        }
    }
    return 1;
}

static int
validate_patterns(asdl_pattern_seq *patterns, int star_ok)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(patterns); i++)
        if (!validate_pattern(asdl_seq_GET(patterns, i), star_ok))
            return 0;
    return 1;
}

int
_PyAST_Validate(mod_ty mod)
{
    switch (mod->kind) {
    case Module_kind:
        return validate_stmts(mod->v.Module.body);
    case Interactive_kind:
        return validate_stmts(mod->v.Interactive.body);
    case Expression_kind:
        return validate_expr(mod->v.Expression.body, Load);
    case FunctionType_kind:
        return validate_exprs(mod->v.FunctionType.argtypes, Load, 0) &&
               validate_expr(mod->v.FunctionType.returns, Load);
    }
    PyErr_SetString(PyExc_SystemError, "impossible module node");
    return 0;
}
