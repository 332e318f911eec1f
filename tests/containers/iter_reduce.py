# __reduce__ / __setstate__ of every container iterator (what pickle and copy use)
it = iter([1,2,3]); next(it)
print(it.__reduce__())
print(iter((1,2)).__reduce__())
r = reversed([1,2,3]); print(r.__reduce__()); next(r); print(r.__reduce__()); list(r); print(r.__reduce__())
print(iter(range(5)).__reduce__())
r = iter(range(5)); next(r); print(r.__reduce__()); r.__setstate__(4); print(list(r), r.__reduce__())
r = iter(range(2, 30, 3)); next(r); next(r); print(r.__reduce__(), r.__length_hint__())
print(reversed(range(5)).__reduce__(), reversed(range(1, 20, 4)).__reduce__(), reversed(range(0)).__reduce__())
r = iter(range(2**70)); next(r); print(r.__reduce__(), r.__length_hint__())
r.__setstate__(2**70 - 2); print(list(r)); print(r.__reduce__())
r = iter(range(-2**64, 2**64, 2**63)); print(list(r))
r = reversed(range(-2**64, 2**64, 2**63)); print(next(r), r.__reduce__())
print(reversed((1, 2)).__reduce__())
it = iter([1,2,3]); it.__setstate__(2); print(list(it), it.__reduce__())
t = iter((1,2,3)); list(t); print(t.__reduce__())
d = {1: 2, 3: 4, 5: 6}
i = iter(d); next(i); print(i.__reduce__(), list(i))
print(iter(d.values()).__reduce__(), iter(d.items()).__reduce__(), reversed(d).__reduce__(), reversed(d.items()).__reduce__())
s = {1, 2, 3}
i = iter(s); next(i); print(i.__reduce__(), list(i), i.__reduce__())
class Seq:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError
si = iter(Seq()); next(si); r = si.__reduce__(); print(type(si).__name__, r[0], type(r[1][0]).__name__, r[2], list(si), si.__reduce__())
ci = iter([1, 2, 0].pop, 0); print(ci.__reduce__()[0], list(ci), ci.__reduce__())
e = enumerate([5, 6], 2**64); print(e.__reduce__()[1][1], next(e))
l = list(range(10)); it = iter(l); next(it); 
