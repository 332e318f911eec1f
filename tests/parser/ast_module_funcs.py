# The ast module on top of _ast: dump/unparse/literal_eval/walk/visitors/copy of a tree.
import ast
src = '''
def f(a, /, b=2, *c, d, e=5, **g) -> int:
    """doc"""
    x = [i*i for i in range(a) if i]
    return sum(x) + b
class C(Base, metaclass=M):
    @property
    def p(self): return self._p
match v:
    case [1, *rest] | {"k": _} if rest: pass
    case Point(x=0) as pt: print(pt)
print(f(3, d=1), f"{x!r:>{w}}")
'''
t = ast.parse(src)
print(ast.dump(t, indent=1)[:600])
print(ast.unparse(t))
print(ast.literal_eval("{'a': (1, 2.5, -3j), 'b': [True, None, b'x'], 'c': {1, 2}}"))
print(sum(1 for _ in ast.walk(t)))
class V(ast.NodeVisitor):
    def __init__(self): self.names = []
    def visit_Name(self, n): self.names.append(n.id); self.generic_visit(n)
v = V(); v.visit(t); print(v.names)
class T(ast.NodeTransformer):
    def visit_Constant(self, n):
        if isinstance(n.value, int) and not isinstance(n.value, bool):
            return ast.Constant(n.value * 10)
        return n
t2 = ast.fix_missing_locations(T().visit(ast.parse("print(1 + 2, 'a')")))
print(ast.dump(t2, include_attributes=True))
print(ast.get_docstring(t.body[0]), ast.get_source_segment(src, t.body[0].body[1]))
n = ast.copy_location(ast.Name('z', ast.Load()), t.body[0]); print(n.lineno, n.end_col_offset)
print(ast.dump(ast.parse("x: int = 1", type_comments=True)))
import copy, pickle
c = copy.deepcopy(t.body[0]); print(ast.dump(c) == ast.dump(t.body[0]))
print(ast.increment_lineno(ast.parse("a\nb")).body[1].lineno)
print(repr(ast.Num(5).n), isinstance(ast.Constant(3), ast.Num), isinstance(ast.Constant("s"), ast.Num))
print(ast.dump(ast.parse("a[1:2, 3]").body[0].value.slice))
