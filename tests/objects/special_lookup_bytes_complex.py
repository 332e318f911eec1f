# __bytes__/__complex__ are looked up as special methods: any descriptor works (test_descr.test_special_method_lookup).
import sys, math
class SpecialDescr(object):
    def __init__(self, impl):
        self.impl = impl
    def __get__(self, obj, owner):
        return self.impl.__get__(obj, owner)
def iden(self): return self
def hello(self): return b"hello"
def empty_seq(self): return []
def zero(self): return 0
def complex_num(self): return 1j
def stop(self): raise StopIteration
def return_true(self, thing=None): return True
def swallow(*args): pass
def format_impl(self, spec): return "hello"
def run_context(m):
    with m: pass
specials = [("__bytes__", bytes, hello, {}), ("__reversed__", reversed, empty_seq, {}),
    ("__length_hint__", list, zero, {"__iter__": iden, "__next__": stop}),
    ("__sizeof__", sys.getsizeof, zero, {}), ("__instancecheck__", lambda o: isinstance(int, o), return_true, {}),
    ("__subclasscheck__", lambda o: issubclass(int, o), return_true, {}),
    ("__enter__", run_context, iden, {"__exit__": swallow}), ("__exit__", run_context, swallow, {"__enter__": iden}),
    ("__complex__", complex, complex_num, {}), ("__format__", format, format_impl, {}),
    ("__floor__", math.floor, zero, {}), ("__trunc__", math.trunc, zero, {}), ("__ceil__", math.ceil, zero, {}),
    ("__dir__", dir, empty_seq, {}), ("__round__", round, zero, {})]
for name, runner, meth_impl, env in specials:
    X = type("X", (object,), dict(env, **{name: SpecialDescr(meth_impl)}))
    try:
        runner(X()); print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, e)
class Bad:
    @property
    def __bytes__(self):
        raise KeyError('prop')
    @property
    def __complex__(self):
        raise KeyError('cprop')
for f in (bytes, complex, lambda o: b'%b' % o):
    try: f(Bad())
    except Exception as e: print(type(e).__name__, e)
class B2:
    def __bytes__(self): return b'b2'
    def __complex__(self): return 2j
print(bytes(B2()), complex(B2()), b'%b' % B2())
