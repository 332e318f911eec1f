# _testinternalcapi: SIZEOF_PYGC_HEAD, get_recursion_depth, EncodeLocaleEx/DecodeLocaleEx,
# normalize_path, and that -X no_debug_ranges drops the columns from co_positions().
import _testinternalcapi as t, itertools, posixpath, subprocess, sys

print(t.SIZEOF_PYGC_HEAD)

g = t.get_recursion_depth
print(g())
def f(n):
    return g() if n == 0 else f(n - 1)
print(f(0), f(5), list(map(lambda x: g(), [1])), eval("g()"))
class A:
    def __repr__(self): return str(g())
print(repr(A()))
def gen():
    yield g()
print(next(gen()))

for errors in ('strict', 'surrogateescape', 'surrogatepass', 'backslashreplace'):
    for current in (0, 1):
        for text in ('abc', '\xe9\udc80x', '\U0010ffff', '', 'a\0b'):
            try:
                print(errors, current, ascii(text), t.EncodeLocaleEx(text, current, errors))
            except Exception as e:
                print(errors, current, ascii(text), type(e).__name__, e)
        for data in (b'abc', b'\xe9x', b'\xed\xb2\x80', b'\xc3\xa9', b'ab\xc3', b'a\0b'):
            try:
                print(errors, current, data, ascii(t.DecodeLocaleEx(data, current, errors)))
            except Exception as e:
                print(errors, current, data, type(e).__name__, e)

parts = ['', '/', '//', '///', '.', '..', 'a', 'bc', 'a/', '/.', '../']
for k in range(1, 4):
    for combo in itertools.product(parts, repeat=k):
        p = ''.join(combo)
        r = t.normalize_path(p)
        if r != posixpath.normpath(p):
            print(repr(p), repr(r))
try:
    t.normalize_path(b'/a')
except TypeError as e:
    print('TypeError', e)

# (the instructions differ from CPython's: only what the positions say is compared)
code = ("pos = [p for p in compile('a+\\\\\\nb', 's', 'eval').co_positions() if p[0]]; "
        "print(any(p[2] is not None for p in pos), all(p[2] is None and p[3] is None for p in pos),"
        " all(p[0] == p[1] for p in pos), sorted({p[0] for p in pos}))")
for opts in ([], ['-X', 'no_debug_ranges']):
    print(opts, subprocess.run([sys.executable, *opts, '-c', code], capture_output=True,
                               text=True).stdout, end='')
env = {'PYTHONNODEBUGRANGES': '1'}
print(subprocess.run([sys.executable, '-c', code], capture_output=True, text=True,
                     env=env).stdout, end='')
