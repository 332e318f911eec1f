# A directory or zip file with __main__.py runs as a script (sys.path[0] is it, even
# under -I); __main__.__loader__ for -c / stdin; _imp.source_hash and hash-based pycs.
import _imp
import importlib.util
import os
import py_compile
import subprocess
import sys
import tempfile
import zipfile

MAIN = ('import sys\n'
        'print(sys.path[0] == TOP, __file__.endswith("__main__.py"), __spec__.name,\n'
        '      type(__spec__.loader).__name__, sys.argv[1:])\n')

TMP = None

def run(*args, cwd, stdin=None):
    r = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, input=stdin)
    err = r.stderr.replace(sys.executable, 'PY').replace(TMP, 'TMP').strip().splitlines()
    print(r.returncode, r.stdout.strip(), err[-1] if err else '')

with tempfile.TemporaryDirectory() as tmp:
    tmp = TMP = os.path.realpath(tmp)
    d = os.path.join(tmp, 'app')
    os.mkdir(d)
    with open(os.path.join(d, '__main__.py'), 'w') as f:
        f.write('TOP = %r\n' % d + MAIN)
    z = os.path.join(tmp, 'app.zip')
    with zipfile.ZipFile(z, 'w') as zf:
        zf.writestr('__main__.py', 'TOP = %r\n' % z + MAIN)
    run('app', 'x', cwd=tmp)
    run(d, 'y', cwd='/')
    run('-I', d, cwd='/')
    run('app.zip', 'z', cwd=tmp)
    os.mkdir(os.path.join(tmp, 'empty'))
    run('empty', cwd=tmp)
    with open(os.path.join(tmp, 'notzip.zip'), 'wb') as f:
        f.write(b'print("a script named .zip")\n')
    run('notzip.zip', cwd=tmp)
    # a zip holding only a hash-checked compiled __main__
    src = os.path.join(tmp, 'm.py')
    with open(src, 'w') as f:
        f.write('print("compiled main", __name__)\n')
    pyc = py_compile.compile(src, cfile=os.path.join(tmp, 'm.pyc'),
                             invalidation_mode=py_compile.PycInvalidationMode.CHECKED_HASH)
    print(os.path.basename(pyc))
    run('-c', 'print(__loader__.__name__, __spec__)', cwd=tmp)
    run('-', cwd=tmp, stdin='print(__loader__.__name__)\n')

# (importlib.util.source_hash keys with the magic number, which is Krait's own)
print(_imp.source_hash(3, b'abc'), _imp.source_hash(0, b''))
print(_imp.source_hash(3, b'abc') == _imp.source_hash(key=3, source=b'abc'), len(_imp.source_hash(1, b'')))
