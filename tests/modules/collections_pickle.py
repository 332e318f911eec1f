# pickle round trips of deque, defaultdict, their iterators, OrderedDict, Counter, namedtuple
import pickle
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

P = namedtuple('P', 'x y')
class Sub(deque):
    pass
objs = [deque('abc'), deque([1, 2], maxlen=3), Sub([1, 2], 3), defaultdict(list, {1: [2]}),
        defaultdict(None), OrderedDict(a=1, b=2), Counter('abracadabra'), P(1, 2)]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for o in objs:
        r = pickle.loads(pickle.dumps(o, proto))
        print(proto, type(r).__name__, r, r == o)
d = deque('abcde'); it = iter(d); next(it); next(it)
print(list(pickle.loads(pickle.dumps(it))))
it = reversed(d); next(it)
print(list(pickle.loads(pickle.dumps(it))))
