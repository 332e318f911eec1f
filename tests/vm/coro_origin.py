# sys.set_coroutine_origin_tracking_depth: cr_origin records (filename, lineno, funcname)
# of the frames creating a coroutine; the "never awaited" warning shows them.
import sys, warnings, gc

async def corofn():
    pass

def a(depth):
    sys.set_coroutine_origin_tracking_depth(depth)
    try:
        return b()
    finally:
        sys.set_coroutine_origin_tracking_depth(0)

def b():
    return corofn()

def short(origin):
    return [(f.rsplit('/', 1)[-1], line, name) for f, line, name in origin]

print(sys.get_coroutine_origin_tracking_depth())
c = corofn()
print(c.cr_origin)
c.close()
for depth in (1, 2, 3, 1000):
    c = a(depth)
    print(depth, short(c.cr_origin))
    c.close()
print(sys.get_coroutine_origin_tracking_depth())

try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print('ValueError', e)

# generators and async generators have no cr_origin
def gen(): yield
async def agen(): yield
sys.set_coroutine_origin_tracking_depth(5)
print(hasattr(gen(), 'cr_origin'), hasattr(agen(), 'cr_origin'), hasattr(agen(), 'ag_origin'))
# created from a lambda and a comprehension
c = (lambda: corofn())()
print(short(c.cr_origin)[:2])
c.close()
cs = [corofn() for i in range(1)]
print(short(cs[0].cr_origin)[:2])
cs[0].close()
sys.set_coroutine_origin_tracking_depth(0)

# the warning text for an unawaited coroutine
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c = a(2)
    del c
    gc.collect()
for x in w:
    print(x.category.__name__)
    print('\n'.join(l.replace(__file__, 'FILE') for l in str(x.message).splitlines()))

# a broken warnings._warn_unawaited_coroutine: its error is unraisable, then the plain warning
seen = []
sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, u.object.__qualname__))
orig = warnings._warn_unawaited_coroutine
warnings._warn_unawaited_coroutine = lambda coro: 1/0
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    c = corofn()
    del c
    gc.collect()
warnings._warn_unawaited_coroutine = orig
print(seen, [str(x.message) for x in w])
