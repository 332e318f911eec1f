# compile() of hand-built AST objects: PyAST_obj2mod conversion errors and _PyAST_Validate messages.
import ast
L = dict(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
def C(v): return ast.Constant(v, **L)
def N(i, ctx=None): return ast.Name(i, ctx or ast.Load(), **L)
def E(e): return ast.Expression(e)
def M(*stmts): return ast.Module(list(stmts), [])
cases = [
    ("eval", E(ast.BinOp(C(1), ast.Add(), None, **L))),
    ("eval", E(ast.BinOp(C(1), ast.Add(), **L))),
    ("eval", E(ast.BinOp(C(1), 5, C(2), **L))),
    ("eval", E(ast.Name("x", ast.Load()))),
    ("eval", E(ast.Name("x", ast.Load(), lineno=1, col_offset=0))),
    ("eval", E(ast.Name("x", ast.Load(), lineno=2, col_offset=0, end_lineno=1, end_col_offset=0))),
    ("eval", E(ast.Name("x", ast.Load(), lineno=1, col_offset=5, end_lineno=1, end_col_offset=2))),
    ("eval", E(N("None"))),
    ("eval", E(N("x", ast.Store()))),
    ("eval", E(C([1]))),
    ("eval", E(C((1, [2])))),
    ("eval", E(ast.BoolOp(ast.And(), [C(1)], **L))),
    ("eval", E(ast.Compare(C(1), [], [], **L))),
    ("eval", E(ast.Compare(C(1), [ast.Lt()], [], **L))),
    ("eval", E(ast.Dict([C(1)], [], **L))),
    ("eval", E(ast.ListComp(C(1), [], **L))),
    ("eval", E(ast.Call(N("f"), (C(1),), [], **L))),
    ("eval", E(ast.Name(5, ast.Load(), **L))),
    ("eval", E(ast.Constant(1, kind=5, **L))),
    ("eval", E(ast.Name("x", ast.Load(), lineno="a", col_offset=0))),
    ("eval", E(ast.Name("x", ast.Load(), lineno=2**40, col_offset=0))),
    ("exec", E(C(1))),
    ("eval", M()),
    ("exec", 5),
    ("exec", M(ast.Expr(C(1)))),
    ("exec", M(ast.Pass())),
    ("exec", ast.Module([ast.Pass(**L)])),
    ("exec", M(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], **L))),
    ("exec", M(ast.If(C(1), [], [], **L))),
    ("exec", M(ast.Assign([], C(1), **L))),
    ("exec", M(ast.Delete([N("x")], **L))),
    ("exec", M(ast.Try([ast.Pass(**L)], [], [], [], **L))),
    ("exec", M(ast.Try([ast.Pass(**L)], [], [ast.Pass(**L)], [ast.Pass(**L)], **L))),
    ("exec", M(ast.ImportFrom("m", [ast.alias("a", **L)], -1, **L))),
    ("exec", M(ast.ImportFrom("m", [], **L))),
    ("exec", M(ast.Raise(None, C(1), **L))),
    ("exec", M(ast.AnnAssign(ast.Attribute(N("a"), "b", ast.Store(), **L), N("int"), None, 1, **L))),
    ("exec", M(ast.Global([], **L))),
    ("exec", M(ast.Match(N("x"), [], **L))),
    ("exec", M(ast.Match(N("x"), [ast.match_case(ast.MatchSingleton(1, **L), None, [ast.Pass(**L)])], **L))),
    ("exec", M(ast.Match(N("x"), [ast.match_case(ast.MatchAs(ast.MatchStar(None, **L), None, **L), None, [ast.Pass(**L)])], **L))),
    ("exec", M(ast.Match(N("x"), [ast.match_case(ast.MatchValue(N("y"), **L), None, [ast.Pass(**L)])], **L))),
    ("exec", M(ast.Match(N("x"), [ast.match_case(ast.MatchOr([], **L), None, [ast.Pass(**L)])], **L))),
    ("exec", M(ast.Match(N("x"), [ast.match_case(ast.MatchAs(None, "_", **L), None, [ast.Pass(**L)])], **L))),
    ("exec", M(ast.Expr(ast.NamedExpr(ast.Attribute(N("a"), "b", ast.Store(), **L), C(1), **L), **L))),
    ("exec", M(ast.Expr(ast.Lambda(ast.arguments([], [], None, [ast.arg("a", **L)], [], None, []), C(1), **L), **L))),
    ("exec", M(ast.Expr(ast.Lambda(ast.arguments([], [], None, [], [], None, [C(1)]), C(1), **L), **L))),
    ("exec", M(ast.With([], [ast.Pass(**L)], **L))),
    ("exec", M(ast.Expr(C(1), **L), None)),
    ("exec", ast.Module([ast.Expr(C(1), **L)], None)),
    ("exec", ast.Module(body=[ast.Expr(C(1), **L)])),
    ("exec", M(ast.Expr(ast.Constant(1, lineno=1, col_offset=0)))),
    ("exec", M(ast.Expr(N("x", ast.Store()), **L))),
    ("exec", M(ast.AugAssign(C(1), ast.Add(), C(2), **L))),
    ("single", ast.Interactive([ast.Expr(ast.BinOp(C(1), ast.Add(), C(2), **L), **L)])),
]
for mode, tree in cases:
    try:
        co = compile(tree, "<t>", mode)
        print("ok", type(co).__name__)
    except Exception as e:
        print(type(e).__name__, e)
