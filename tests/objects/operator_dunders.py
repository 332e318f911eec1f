# arithmetic, comparison, conversion and container dunders, incl. reflected and in-place
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
    def __iadd__(self, o): self.v += 100; return self
    def __sub__(self, o): return NotImplemented
    def __rsub__(self, o): return "rsub"
    def __mul__(self, o): return V(self.v * o)
    def __rmul__(self, o): return "rmul"
    def __matmul__(self, o): return "matmul"
    def __truediv__(self, o): return "truediv"
    def __floordiv__(self, o): return "floordiv"
    def __mod__(self, o): return "mod"
    def __divmod__(self, o): return "divmod"
    def __pow__(self, o, m=None): return ("pow", o, m)
    def __rpow__(self, o): return "rpow"
    def __lshift__(self, o): return "lshift"
    def __rshift__(self, o): return "rshift"
    def __and__(self, o): return "and"
    def __xor__(self, o): return "xor"
    def __or__(self, o): return "or"
    def __neg__(self): return "neg"
    def __pos__(self): return "pos"
    def __abs__(self): return "abs"
    def __invert__(self): return "invert"
    def __int__(self): return 42
    def __float__(self): return 4.5
    def __complex__(self): return 1j
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 7
    def __floor__(self): return 8
    def __ceil__(self): return 9
    def __lt__(self, o): return "lt"
    def __le__(self, o): return "le"
    def __gt__(self, o): return "gt"
    def __ge__(self, o): return "ge"
    def __eq__(self, o): return "eq"
    def __ne__(self, o): return "ne"
    __hash__ = object.__hash__
    def __format__(self, spec): return "fmt:" + spec
a = V(1)
print(a + 1, 1 + a, a + a, 5 - a, 3 * a, a * 3, a @ a, a / 1, a // 1, a % 1, divmod(a, 1))
print(a ** 2, pow(a, 2, 5), 2 ** a, a << 1, a >> 1, a & 1, a ^ 1, a | 1)
print(-a, +a, abs(a), ~a, int(a), float(a), complex(a), round(a), round(a, 2))
print(math.trunc(a), math.floor(a), math.ceil(a)) if False else None
print(a < 1, a <= 1, a > 1, a >= 1, a == 1, a != 1, 1 < a, 1 > a, 1 == a)
print(format(a, "x>5"), f"{a:abc}", "{}".format(a) if hasattr(str, 'format') else '')
b = a
b += 1
print(b, a is b)
class Seq:
    def __init__(self): self.d = {}
    def __getitem__(self, k): return ("get", k)
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): print("delitem", k)
    def __reversed__(self): return iter([3, 2, 1])
s = Seq()
print(s[1], s[1:2], s[1:2:3], s[..., 1], s[:])
s["k"] = 1; del s[0:1]; print(s.d, list(reversed(s)))
class OldIter:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(OldIter()), 20 in OldIter(), 25 in OldIter())
class DD(dict):
    def __missing__(self, k): return "missing:" + str(k)
print(DD(a=1)["a"], DD()["zz"])
class CM:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a); return False
with CM() as c: print("body", type(c).__name__)
class LH:
    def __length_hint__(self): return 5
    def __iter__(self): return iter([1, 2])
print(list(LH()))
class Sub(int):
    def __add__(self, o): return "Sub.add"
    def __radd__(self, o): return "Sub.radd"
print(1 + Sub(2), Sub(2) + 1, Sub(5) * 2, repr(Sub(5)), Sub(5) == 5)
class StrSub(str):
    pass
print(StrSub("ab") + "c", type(StrSub("ab") + "c").__name__, StrSub("x").upper())
class ListSub(list):
    def append(self, x): super().append(x * 2)
l = ListSub([1]); l.append(5); print(l, len(l), type(l).__name__, l == [1, 10])
