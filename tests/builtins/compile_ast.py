# compile() accepts AST objects (exec/eval/single), returns them as-is with PyCF_ONLY_AST,
# and reports invalid trees as CPython does.
import ast
exec(compile(ast.parse("print('from ast', 1 + 1)"), "<ast>", "exec"))
print(eval(compile(ast.parse("1+2", mode="eval"), "<ast>", "eval")))
t = ast.parse("x = 5")
print(compile(t, "<ast>", "exec", ast.PyCF_ONLY_AST) is t)
m = ast.Module([ast.Assign([ast.Name("y", ast.Store())], ast.Constant(7))], [])
ns = {}
exec(compile(ast.fix_missing_locations(m), "<m>", "exec"), ns)
print(ns["y"])
exec(compile(ast.parse("'single'", mode='single'), "<s>", "single"))
for bad in [ast.Module([ast.Expr(ast.Name("z", ast.Store()))], []),
            ast.Module([ast.Assign([ast.Name("y", ast.Store())], ast.Constant(7))], []),
            ast.Expression(ast.Constant(1))]:
    try:
        compile(ast.fix_missing_locations(bad) if bad.__class__ is ast.Module and
                isinstance(bad.body[0], ast.Expr) else bad, "<m>", "exec")
    except Exception as e:
        print(type(e).__name__, e)
co = compile(ast.parse("def f(a):\n    return a * 2\n"), "file.py", "exec")
ns = {}
exec(co, ns)
print(ns["f"](21), co.co_filename)
