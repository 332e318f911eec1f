# symtable uses the C _symtable (the compiler's symbol table): scopes, symbol flags,
# parameters, globals/nonlocals/frees, classes and methods, errors.
import symtable, _symtable
print({k: getattr(_symtable, k) for k in sorted(dir(_symtable)) if k.isupper()})
src = '''
import os, sys as system
from collections import deque
x = 1
def f(a, /, b, *args, c, d=2, **kw):
    global x
    y = a + x
    def g():
        nonlocal y
        y += 1
        return y + z + b
    return g
class C(object):
    attr: int = 3
    __private = 1
    def m(self): return __class__
    @staticmethod
    def s(): pass
async def co():
    await something
def gen():
    yield 1
'''
t = symtable.symtable(src, "<src>", "exec")
def dump(t, ind=0):
    print(" " * ind, t.get_type(), t.get_name(), t.get_lineno(), t.is_optimized(), t.is_nested(),
          t.has_children(), sorted(t.get_identifiers()))
    for s in sorted(t.get_symbols(), key=lambda s: s.get_name()):
        flags = [k for k in ("referenced", "imported", "parameter", "global", "nonlocal",
                             "declared_global", "local", "annotated", "free", "assigned",
                             "namespace") if getattr(s, "is_" + k)()]
        print(" " * ind, "  ", s.get_name(), flags)
    if t.get_type() == "function":
        print(" " * ind, "  params", t.get_parameters(), "locals", t.get_locals(), "globals",
              t.get_globals(), "nonlocals", t.get_nonlocals(), "frees", t.get_frees())
    if t.get_type() == "class":
        print(" " * ind, "  methods", t.get_methods())
    for c in t.get_children():
        dump(c, ind + 4)
dump(t)
print(repr(t).startswith("<SymbolTable for module <src>>"), t.lookup("x").get_name())
print(sorted(symtable.symtable("a + b", "e", "eval").get_identifiers()))
print(sorted(symtable.symtable(b"q = 1\n", "b", "single").get_identifiers()))
ns = t.lookup("f").get_namespace(); print(ns.get_name(), ns.get_type())
for bad in [("x=", "f", "exec"), (1, "f", "exec"), ("x", "f", "bad"),
            ("def f(x): global x", "spam", "exec"), ("x", 1, "exec")]:
    try:
        symtable.symtable(*bad)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.filename, e.lineno, e.offset)
    except Exception as e:
        print(type(e).__name__, e)
