# marshal round-trips every field of a code object (what .pyc files hold) and writes
# data in CPython's format byte for byte.
import marshal
src = '''
def outer(a, b=1, *args, c, d=2, **kw):
    "docstring"
    x = [i for i in range(a)]
    def inner():
        nonlocal x
        return x, a
    try:
        y = 1 / b
    except ZeroDivisionError as e:
        y = None
    finally:
        pass
    async def co(): await co
    return inner, lambda q: q + b, {k: v for k, v in kw.items()}, (yield from args)
class K:
    z: int = 3
    def m(self): return super().__init__
'''
co = compile(src, 'mod.py', 'exec')
ATTRS = ['co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals',
         'co_stacksize', 'co_flags', 'co_code', 'co_names', 'co_varnames', 'co_freevars',
         'co_cellvars', 'co_filename', 'co_name', 'co_qualname', 'co_firstlineno',
         'co_linetable', 'co_exceptiontable']
def check(a, b, path):
    bad = 0
    for attr in ATTRS:
        if getattr(a, attr) != getattr(b, attr):
            print('DIFF', path, attr); bad += 1
    if list(a.co_positions()) != list(b.co_positions()):
        print('DIFF', path, 'positions'); bad += 1
    if list(a.co_lines()) != list(b.co_lines()):
        print('DIFF', path, 'lines'); bad += 1
    ca = [c for c in a.co_consts if type(c) is type(a)]
    cb = [c for c in b.co_consts if type(c) is type(b)]
    if [c for c in a.co_consts if type(c) is not type(a)] != [c for c in b.co_consts if type(c) is not type(b)]:
        print('DIFF', path, 'consts'); bad += 1
    n = 1
    for x, y in zip(ca, cb):
        r, k = check(x, y, path + '/' + x.co_name)
        bad += r; n += k
    return bad, n
co2 = marshal.loads(marshal.dumps(co))
bad, n = check(co, co2, co.co_name)
print('code objects', n > 5, 'differences', bad, co2 == co)
ns = {}
exec(co2, ns)
g = ns['outer'](3, c=1, e=5)
print(next(g) if False else type(g).__name__, ns['K'].__qualname__, ns['K'].__annotations__)
print(ns['outer'].__doc__, ns['outer'].__code__.co_qualname, ns['K'].m.__qualname__)
# data round trips are byte-identical with CPython's marshal
data = [None, True, False, Ellipsis, StopIteration, 0, -1, 2**31, -2**70, 1.5, -0.0, 2j,
        'a', 'é', '\U0001f600', b'xy', (1, (2,)), [3, [4]], {'k': {5}}, frozenset({6}),
        set(), (), '', b'']
for v in data:
    s = marshal.dumps(v)
    assert marshal.loads(s) == v or v != v, v
print(marshal.dumps([v for v in data if v not in ("é", (1, (2,)))]).hex())
print(marshal.dumps(data, 2).hex())
print(marshal.version)
