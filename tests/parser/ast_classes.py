# The _ast node classes: hierarchy, _fields/_attributes/__match_args__, docs, constructor
# rules and errors, class-level None for optional fields, shared context singletons.
import _ast
import ast

names = sorted(k for k in dir(_ast) if not k.startswith('__'))
print(len(names), names[:8], names[-8:])
for n in ["AST", "mod", "Module", "stmt", "FunctionDef", "expr", "BinOp", "expr_context",
          "Load", "arguments", "arg", "keyword", "comprehension", "type_ignore", "TypeIgnore",
          "cmpop", "NotIn", "ExceptHandler", "pattern", "MatchAs", "withitem", "alias"]:
    c = getattr(_ast, n)
    print(n, c.__module__, c.__bases__, c._fields, c._attributes, c.__match_args__)
print(_ast.stmt.__doc__)
print(_ast.operator.__doc__, "|", _ast.Pass.__doc__, "|", _ast.alias.__doc__)
print(_ast.FunctionDef.returns, _ast.stmt.end_lineno, _ast.arguments.vararg, _ast.Constant.kind)
print(hasattr(_ast.pattern, "end_lineno"), hasattr(_ast.Name, "ctx"))
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

n = _ast.Name("a", _ast.Load(), lineno=3)
print(n.id, type(n.ctx).__name__, n.lineno, sorted(n.__dict__))
print(n.__reduce__()[0], n.__reduce__()[1], sorted(n.__reduce__()[2]))
print(_ast.Load().__reduce__())
for args, kw in [((1, 2, 3, 4), {}), ((1,), {"id": 2}), ((1,), {}), ((), {"foo": 1})]:
    try:
        x = _ast.Name(*args, **kw)
        print("ok", x.__dict__)
    except TypeError as e:
        print("TypeError:", e)
for cls in (_ast.Pass, _ast.Load, _ast.AST):
    try:
        cls(1)
    except TypeError as e:
        print("TypeError:", e)
try:
    _ast.Name().id
except AttributeError as e:
    print("AttributeError:", e)

t = ast.parse("a < b > c; x = y")
ops = t.body[0].value.ops
print([type(o).__name__ for o in ops], ops[0] is ast.parse("p < q").body[0].value.ops[0])
print(t.body[1].targets[0].ctx is ast.parse("z = 1").body[0].targets[0].ctx)
print(ast.Load() is ast.Load(), isinstance(t, ast.AST), isinstance(t.body[0], ast.stmt))
print(type(t).__mro__)


class MyName(ast.Name):
    _fields = ("id", "ctx", "extra")


m = MyName("i", ast.Load(), 5)
print(m.extra, isinstance(m, ast.expr))
match ast.parse("f(1)").body[0].value:
    case ast.Call(ast.Name(fid), [ast.Constant(v)]):
        print("matched", fid, v)
