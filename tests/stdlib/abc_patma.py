# Classes deriving from collections.abc.Mapping/Sequence (flagged by _abc from
# __abc_tpflags__) and from list/dict inherit the flags `match` looks at.
import collections.abc
class MyMap(collections.abc.Mapping):
    def __getitem__(self, k): return 1
    def __len__(self): return 1
    def __iter__(self): return iter(["k"])
class MySeq(collections.abc.Sequence):
    def __getitem__(self, i):
        if i >= 2: raise IndexError
        return i * 10
    def __len__(self): return 2
class L(list): pass
class D(dict): pass
for obj in [MyMap(), MySeq(), L([1, 2]), D(k=3), "ab", {"k": 4}]:
    match obj:
        case {"k": v}:
            print(type(obj).__name__, "mapping", v)
        case [a, b]:
            print(type(obj).__name__, "sequence", a, b)
        case _:
            print(type(obj).__name__, "neither")
