# marshal: sets are written in the order of their items' own marshalled bytes (the same
# output under any hash seed); load() reads with readinto() and rejects a reader that
# claims more bytes than asked; code loaded under -X no_debug_ranges has no columns.
import io, marshal, os, subprocess, sys, tempfile
for s in ("set([float('nan'), b'a', b'b', b'c', 'x', 'y', 'z'])",
          "frozenset([('Spam', 0), ('Spam', 1), ('Spam', 2), ('Spam', 3), ('Spam', 4)])",
          "{1, 2.5, 'a', b'b', (1, 2), None, frozenset({3, 4})}"):
    outs = {subprocess.run([sys.executable, '-c', f"import marshal; print(marshal.dumps({s}))"],
                           capture_output=True, text=True, env={'PYTHONHASHSEED': seed}).stdout
            for seed in ('0', '1', '2')}
    print(len(outs), marshal.loads(eval(outs.pop())) == eval(s) if 'nan' not in s else True)

class BadReader(io.BytesIO):
    def readinto(self, buf):
        n = super().readinto(buf)
        if n is not None and n > 4:
            n += 10**6
        return n
for value in (1.0, 1j, b'0123456789', '0123456789'):
    try:
        marshal.load(BadReader(marshal.dumps(value)))
    except ValueError as e:
        print('ValueError', e)
print(marshal.load(io.BytesIO(marshal.dumps(('hello', [1, 2], {3: 4})))))
class ReadOnly:
    def __init__(self, data): self.data = data
    def read(self, n=-1): return b''
try:
    marshal.load(ReadOnly(marshal.dumps(1)))
except Exception as e:
    print(type(e).__name__, e)

def f(a):
    return a.b + 1
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'co.bin')
    with open(path, 'wb') as fh:
        marshal.dump(f.__code__, fh)
    code = ("import marshal, sys; co = marshal.load(open(sys.argv[1], 'rb')); "
            "print(all(p[2] is None and p[3] is None for p in co.co_positions()))")
    for opts in ([], ['-X', 'no_debug_ranges']):
        print(opts, subprocess.run([sys.executable, *opts, '-c', code, path],
                                   capture_output=True, text=True).stdout, end='')
