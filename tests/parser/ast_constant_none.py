# compile() of an AST whose Constant holds None / True / False / Ellipsis (obj2ast keeps None).
import ast
for v in (None, True, False, ..., 0, "s", b"b"):
    t = ast.parse("x = 1")
    t.body[0].value = ast.Constant(value=v, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5)
    ns = {}
    exec(compile(t, "<s>", "exec"), ns)
    print(repr(ns["x"]))
print(ast.literal_eval(ast.Expression(body=ast.Constant(value=None))))
try:
    c = ast.Constant(lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)
    compile(ast.Expression(body=c), "<s>", "eval")
except Exception as e:
    print(type(e).__name__, e)
