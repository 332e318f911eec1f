import ast
src = "def f(x, *, y=1):\n    return [i * 2 for i in x if i > y]\nprint(f([1, 2, 3]))\n"
t = ast.parse(src)
print(ast.dump(t))
print(ast.dump(t.body[0].args, indent=2))
print(ast.unparse(t))
print(ast.literal_eval("[1, 'a', {'b': (2.5, None)}, -3, {1, 2}]"))
print([type(n).__name__ for n in ast.walk(ast.parse("a + b * c"))])
class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        return ast.copy_location(ast.Name(id=node.id.upper(), ctx=node.ctx), node) if node.id != "print" else node
t2 = ast.fix_missing_locations(Renamer().visit(ast.parse("x = 1\nprint(x + 1)")))
X = 0
exec(compile(t2, "<ast>", "exec"))
class Counter(ast.NodeVisitor):
    n = 0
    def visit_Constant(self, node): self.n += 1
c = Counter(); c.visit(t); print(c.n, ast.get_docstring(ast.parse('"""doc"""')), t.body[0].lineno, t.body[0].end_col_offset)
try:
    ast.literal_eval("f()")
except ValueError as e:
    print(str(e).split(" at 0x")[0])
try:
    ast.parse("x = = 1")
except SyntaxError as e:
    print(e.msg, e.lineno, e.offset)
print(ast.dump(ast.parse("1", mode="eval")), ast.increment_lineno(ast.parse("a"), 2).body[0].lineno)
