import operator, _operator
from operator import itemgetter, attrgetter, methodcaller
print(itemgetter(1)("abc"), itemgetter(0, 2)("abc"), repr(itemgetter(1)), repr(itemgetter(1, 'x')))
class A: pass
a = A(); a.b = A(); a.b.c = 5; a.x = 1
print(attrgetter('b.c')(a), attrgetter('x', 'b.c')(a), repr(attrgetter('x', 'b.c')))
print(methodcaller('split', ',', maxsplit=1)('a,b,c'), repr(methodcaller('split', ',', maxsplit=1)))
print(itemgetter(1).__reduce__(), attrgetter('b.c').__reduce__(), methodcaller('f', 1).__reduce__())
print(operator.add(1, 2), operator.concat([1], [2]), operator.length_hint(iter([1,2,3])), operator.index(5))
print(_operator._compare_digest(b'abc', b'abc'), _operator._compare_digest('ab', 'ac'))
for f in (lambda: operator.concat(1, 2), lambda: itemgetter(), lambda: attrgetter(1), lambda: methodcaller(), lambda: _operator._compare_digest(1, 2), lambda: _operator._compare_digest('é', 'é')):
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(operator.lt(1, 2), operator.is_(None, None), operator.countOf([1,1,2], 1), operator.indexOf([1,2], 2), operator.contains([1], 1))
print(operator.__lt__ is operator.lt, operator.truth([]), operator.not_(0))
