import pickle, copy, copyreg
from collections import namedtuple
P = namedtuple('P', 'x y')
p = P(1, 2)
r = p.__reduce_ex__(2)
print(r[0].__name__, r[1:])
print(pickle.loads(pickle.dumps(p, 2)), copy.copy(p), copy.deepcopy(p))
class I(int):
    pass
i = I(5); i.a = 1
r = i.__reduce_ex__(2); print(r[0].__name__, r[1:])
j = pickle.loads(pickle.dumps(i)); print(j, type(j).__name__, j.__dict__)
class T(tuple): pass
print(copy.copy(T((1,2))), pickle.loads(pickle.dumps(T((3,4)))))
class K:
    def __init__(self, a, *, b): self.a = a; self.b = b
    def __getnewargs_ex__(self): return ((self.a,), {'b': self.b})
    def __new__(cls, a, *, b): return super().__new__(cls)
k = K(1, b=2); r = k.__reduce_ex__(4); print(r[0].__name__, r[1][1:], r[2])
k2 = pickle.loads(pickle.dumps(k, 4)); print(k2.a, k2.b)
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = 1
print(s.__reduce_ex__(2)[1:], copyreg.__dict__.get('x'), S.__slotnames__)
print(object().__reduce_ex__(2)[1:])
class Bad:
    def __getnewargs__(self): return 5
try: Bad().__reduce_ex__(2)
except TypeError as e: print(e)
class Bad2:
    def __getnewargs_ex__(self): return (1,)
try: Bad2().__reduce_ex__(2)
except ValueError as e: print(e)
class Bad3:
    def __getnewargs_ex__(self): return ([], {})
try: Bad3().__reduce_ex__(2)
except TypeError as e: print(e)
class Bad4:
    def __getnewargs_ex__(self): return ((), [])
try: Bad4().__reduce_ex__(2)
except TypeError as e: print(e)
class G:
    def __init__(self): self.x = 1
    def __getstate__(self): return {'y': 2}
print(G().__reduce_ex__(2)[2], G().__getstate__(), object.__getstate__(G()))
class D(dict): pass
d = D(a=1); r = d.__reduce_ex__(2); print(r[1], r[2], list(r[4]))
class L(list): pass
l = L([1,2]); l.z = 3; r = l.__reduce_ex__(2); print(r[1], r[2], list(r[3]))
print(copy.deepcopy(l), copy.deepcopy(l).z)
try: pickle.dumps(iter([]).__class__)
except Exception as e: print(type(e).__name__)
print((1).__reduce_ex__(2)[1:], 1.5.__reduce_ex__(2)[1:], "s".__reduce_ex__(2)[1:])
