# types.SimpleNamespace (reached through sys.implementation without importing types)
import sys
NS = type(sys.implementation)
print(NS, NS.__name__, NS.__module__)
ns = NS(a=1, b='x')
print(ns, ns.a, ns.b, vars(ns))
ns.c = [1]
del ns.a
print(ns, NS() == NS(), NS(a=1) == NS(a=1), NS(a=1) != NS(a=2))
n = NS(b=1, a=2)
n.x = n
n.__dict__[1] = 2
n.__dict__[''] = 3
print(n, vars(n) is n.__dict__)
class S(NS):
    pass
print(S(q=1), S.__mro__, S(a=1) == NS(a=1))
print(ns.__reduce__()[:2])
try:
    NS(1)
except TypeError as e:
    print("TypeError:", e)
try:
    NS(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    ns.zz
except AttributeError as e:
    print("AttributeError:", e)
try:
    NS(a=1) < NS(a=1)
except TypeError as e:
    print("TypeError:", e)
