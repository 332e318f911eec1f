# compile() of AST objects: parse → transform → compile → run, eval mode, single mode,
# ONLY_AST passthrough, and the mode/type checks.
import ast


class Times10(ast.NodeTransformer):
    def visit_Constant(self, n):
        if isinstance(n.value, int) and not isinstance(n.value, bool):
            return ast.copy_location(ast.Constant(n.value * 10), n)
        return n


t = ast.fix_missing_locations(Times10().visit(ast.parse("print(1 + 2, 'a')\nx = [i for i in range(3)]")))
ns = {}
exec(compile(t, "<ast>", "exec"), ns)
print(ns["x"])
e = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
print(eval(compile(ast.fix_missing_locations(e), "<e>", "eval")))
tree = ast.parse("def f(a, *, b=2):\n    return a * b\n")
code = compile(tree, "<def>", "exec")
exec(code, ns)
print(ns["f"](5), code.co_filename)
print(compile(tree, "<x>", "exec", ast.PyCF_ONLY_AST) is tree)
single = ast.fix_missing_locations(ast.Interactive([ast.Expr(ast.Constant("shown"))]))
exec(compile(single, "<s>", "single"))
for mode, node in [("eval", tree), ("exec", e), ("single", tree)]:
    try:
        compile(node, "<m>", mode)
    except TypeError as err:
        print("TypeError:", err)
