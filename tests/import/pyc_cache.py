# SourceFileLoader writes __pycache__/<name>.<cache_tag>.pyc (marshal'd code after a
# 16-byte header with the implementation's own magic number) and reads it back; another
# implementation's cache file is never read; sys.dont_write_bytecode is honoured.
import sys, os, importlib, marshal, shutil
import importlib._bootstrap_external as ext
tag = sys.implementation.cache_tag
other = 'cpython-311' if tag != 'cpython-311' else 'krait-311'
d = os.path.join(os.path.dirname(os.path.abspath(__file__)), '_pyc_tmp')
shutil.rmtree(d, ignore_errors=True)
os.mkdir(d)
sys.path.insert(0, d)
def write(name, text):
    with open(os.path.join(d, name + '.py'), 'w') as f:
        f.write(text)
write('cached_mod', 'def f(x):\n    return [i * x for i in range(3)]\nv = 1\n')
os.utime(os.path.join(d, 'cached_mod.py'), (1000000000, 1000000000))
sys.dont_write_bytecode = False
import cached_mod
pyc = os.path.join(d, '__pycache__', 'cached_mod.%s.pyc' % tag)
print(cached_mod.f(2), cached_mod.__cached__ == pyc, os.listdir(os.path.join(d, '__pycache__')) == [os.path.basename(pyc)])
data = open(pyc, 'rb').read()
print(data[:4] == ext.MAGIC_NUMBER, data[2:4], int.from_bytes(data[4:8], 'little'),
      int.from_bytes(data[8:12], 'little'), int.from_bytes(data[12:16], 'little'))
co = marshal.loads(data[16:])
print(type(co).__name__, co.co_filename == cached_mod.__file__, co.co_name)
print(ext.MAGIC_NUMBER == ext._RAW_MAGIC_NUMBER.to_bytes(4, 'little'))
# the cache is what gets loaded the second time: replace its code, keep the header
fake = compile('v = "from the cache"\n', cached_mod.__file__, 'exec')
with open(pyc, 'wb') as f:
    f.write(data[:16] + marshal.dumps(fake))
del sys.modules['cached_mod']
import cached_mod
print(cached_mod.v)
# a bad magic number: recompiled from source, the cache rewritten
with open(pyc, 'wb') as f:
    f.write(b'\x00\x00\r\n' + data[4:16] + b'garbage')
del sys.modules['cached_mod']
import cached_mod
print(cached_mod.v, open(pyc, 'rb').read()[:4] == ext.MAGIC_NUMBER)
# the other implementation's cache file is ignored
write('other_mod', 'w = "source"\n')
os.utime(os.path.join(d, 'other_mod.py'), (1000000000, 1000000000))
st = os.stat(os.path.join(d, 'other_mod.py'))
hdr = ext.MAGIC_NUMBER[:0] + (3495).to_bytes(2, 'little') + b'\r\n' + bytes(4) + \
    int(st.st_mtime).to_bytes(4, 'little') + st.st_size.to_bytes(4, 'little')
with open(os.path.join(d, '__pycache__', 'other_mod.%s.pyc' % other), 'wb') as f:
    f.write(hdr + marshal.dumps(compile('w = "wrong cache"\n', 'x', 'exec')))
import other_mod
print(other_mod.w)
# no cache written when sys.dont_write_bytecode is set
sys.dont_write_bytecode = True
write('nocache_mod', 'z = 3\n')
import nocache_mod
print(nocache_mod.z, sorted(n.split('.')[0] for n in os.listdir(os.path.join(d, '__pycache__'))))
print(ext.cache_from_source('/a/b.py') == '/a/__pycache__/b.%s.pyc' % tag,
      ext.source_from_cache('/a/__pycache__/b.%s.pyc' % tag))
shutil.rmtree(d)
