import operator as op
print(op.add(1, 2), op.mul("a", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.neg(5), op.pow(2, 10), op.matmul.__name__)
print(op.lt(1, 2), op.eq("a", "a"), op.not_(0), op.truth([]), op.is_(None, None), op.contains([1], 1), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"))
g = op.itemgetter(1, 0); print(g("abc"), op.itemgetter("k")({"k": 9}), repr(op.itemgetter(1)))
a = op.attrgetter("real", "imag"); print(a(3 + 4j), op.attrgetter("__class__.__name__")(1), repr(op.attrgetter("x.y")))
m = op.methodcaller("split", ","); print(m("a,b"), repr(op.methodcaller("f", 1, k=2)))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, -1), op.concat([1], [2]), op.index(5), op.length_hint(iter([1, 2])))
x = [1]; x = op.iadd(x, [2]); print(x, op.iconcat("a", "b"), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(0), op.lshift(1, 4))
try:
    op.itemgetter()
except TypeError as e:
    print(e)
