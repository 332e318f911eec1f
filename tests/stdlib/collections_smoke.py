from collections import namedtuple, deque, Counter, OrderedDict, defaultdict, ChainMap, UserDict, UserList, UserString
import collections.abc as cabc
P = namedtuple("P", "x y", defaults=[0]); p = P(1)
print(p, p._replace(y=5), p._asdict(), P._fields, P._field_defaults, p.x, p[1], P._make([3, 4]), repr(P))
d = deque([1, 2, 3], maxlen=4); d.appendleft(0); d.append(4); d.rotate(1); print(d, d.maxlen, d.popleft(), d.pop(), list(reversed(d)))
c = Counter("abracadabra"); print(c, c.most_common(2), c["z"], sorted(c.elements()), c + Counter("aaz"), c - Counter("aaaaaaa"), c.total())
od = OrderedDict.fromkeys("abc"); od.move_to_end("a"); print(od, od.popitem(last=False), list(od), od == OrderedDict([("c", None), ("a", None)]))
dd = defaultdict(list); dd["x"].append(1); dd["y"]; print(dd, dict(dd), dd.default_factory)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3}); print(cm["a"], cm["b"], len(cm), cm.new_child({"z": 0}), sorted(cm))
ud = UserDict(a=1); ud["b"] = 2; print(ud, UserList([3, 1]) + [2], UserString("abc").upper())
print(isinstance([], cabc.MutableSequence), isinstance({}, cabc.Mapping), issubclass(deque, cabc.Sequence), isinstance(iter([]), cabc.Iterator))
class MySeq(cabc.Sequence):
    def __getitem__(self, i): return [10, 20, 30][i]
    def __len__(self): return 3
s = MySeq(); print(list(s), 20 in s, s.index(30), list(reversed(s)))
try:
    P(1, 2, 3)
except TypeError as e:
    print(e)
