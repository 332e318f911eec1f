# PYTHONIOENCODING, PEP 538 locale coercion and PEP 540 UTF-8 mode, as python3.11 applies them.
import os
import subprocess
import sys

PROBE = ('import os, sys, locale; s = sys.stdin, sys.stdout, sys.stderr; '
         'print([(f.encoding, f.errors) for f in s], sys.flags.utf8_mode, '
         'os.environ.get("LC_CTYPE"), locale.getpreferredencoding(False))')

def run(*env, args=()):
    e = {'PATH': os.environ.get('PATH', '/usr/bin')}
    e.update(kv.split('=', 1) for kv in env)
    r = subprocess.run([sys.executable, *args, '-c', PROBE], env=e, capture_output=True, text=True)
    print(env, args, r.returncode, r.stdout.strip(), r.stderr.strip()[-80:])

run('LC_ALL=C.UTF-8')
run('LC_ALL=C')
run('LC_ALL=POSIX')
run('LANG=C')
run('LANG=xx_YY.UTF-8')            # not installed: falls back to C, coerced
run('LANG=C', 'PYTHONCOERCECLOCALE=0')
run('LC_ALL=C.UTF-8', 'PYTHONIOENCODING=latin-1')
run('LC_ALL=C.UTF-8', 'PYTHONIOENCODING=:replace')
run('LC_ALL=C.UTF-8', 'PYTHONIOENCODING=ascii:ignore')
run('LC_ALL=C.UTF-8', 'PYTHONIOENCODING=utf8:')
run('LC_ALL=C.UTF-8', 'PYTHONIOENCODING=latin-1', args=('-E',))
run('LC_ALL=C.UTF-8', 'PYTHONUTF8=1')
run('LANG=C', 'PYTHONUTF8=0')
run('LC_ALL=C.UTF-8', args=('-X', 'utf8'))
run('LANG=C', args=('-X', 'utf8=0'))

# the encoding is really used: latin-1 output of a non-ASCII character
e = dict(PATH=os.environ.get('PATH', '/usr/bin'), LC_ALL='C.UTF-8', PYTHONIOENCODING='latin-1')
r = subprocess.run([sys.executable, '-c', 'print("caf\\xe9")'], env=e, capture_output=True)
print(r.stdout)
e['PYTHONIOENCODING'] = 'ascii'
r = subprocess.run([sys.executable, '-c', 'print("caf\\xe9")'], env=e, capture_output=True)
print(r.returncode, r.stderr.splitlines()[-1])
