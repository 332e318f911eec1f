# Command-line options and PYTHON* variables that python3.11 applies at start-up.
import os
import subprocess
import sys

def run(*args, env=None, stdin=None, code=None):
    e = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON')}
    e.update(env or {})
    cmd = [sys.executable, *args] + (['-c', code] if code is not None else [])
    r = subprocess.run(cmd, env=e, input=stdin, capture_output=True)
    out = r.stdout.decode('utf-8', 'replace').replace(sys.executable, 'PY')
    err = r.stderr.decode('utf-8', 'replace').replace(sys.executable, 'PY')
    return r.returncode, out, err

# help texts: line counts and the first line of each
for opt in ('--help', '--help-env', '--help-xoptions', '--help-all'):
    rc, out, err = run(opt)
    lines = out.splitlines()
    print(opt, rc, len(lines), lines[0].replace('PY', 'python'))

FLAGS = 'import sys; f = sys.flags; print(f.debug, f.optimize, f.verbose, f.dont_write_bytecode, f.hash_randomization, f.int_max_str_digits, sys.get_int_max_str_digits())'
for value in ('', '1', 'text', '2'):
    env = dict(PYTHONDEBUG=value, PYTHONOPTIMIZE=value, PYTHONDONTWRITEBYTECODE=value)
    print(repr(value), run(env=env, code=FLAGS)[1].strip())
print(run('-d', '-d', code=FLAGS)[1].strip())

# int_max_str_digits: valid and invalid limits
for args, env in ((('-X', 'int_max_str_digits=0'), {}), (('-X', 'int_max_str_digits=5000'), {}),
                  ((), {'PYTHONINTMAXSTRDIGITS': '700'}), (('-X', 'int_max_str_digits'), {}),
                  (('-X', 'int_max_str_digits=100'), {}), ((), {'PYTHONINTMAXSTRDIGITS': 'foo'})):
    rc, out, err = run(*args, env=env, code=FLAGS)
    print(args, env, rc, out.strip(), err.strip().splitlines()[0] if err.strip() else '')

# hash seed: PYTHONHASHSEED fixes it, -E ignores it, -R overrides it, bad values are fatal
H = 'import sys; print(sys.flags.hash_randomization, hash("spam") == -7643603308804133256)'
for args, seed in (((), '0'), (('-E',), '0'), (('-R',), '0'), ((), ''), ((), 'random'), ((), 'abc'), (('-E',), 'abc')):
    rc, out, err = run(*args, env={'PYTHONHASHSEED': seed}, code=H)
    print(args, repr(seed), rc, out.strip(), err.strip().splitlines()[0] if err.strip() else '')

# warning options: -X dev first, then PYTHONWARNINGS, -W, then -b/-bb
W = 'import sys, warnings; print(sys.warnoptions, [f"{f[0]}::{f[2].__name__}" for f in warnings.filters][:3])'
for args in (('-X', 'dev'), ('-bb',), ('-b', '-W', 'once'), ('-W', 'ignore', '-X', 'dev')):
    print(args, run(*args, env={'PYTHONWARNINGS': 'always::UserWarning'}, code=W)[1].strip())

# pycache_prefix
P = 'import sys; print(sys.pycache_prefix)'
print(run('-X', 'pycache_prefix=bar', code=P)[1].strip(), run(env={'PYTHONPYCACHEPREFIX': 'foo'}, code=P)[1].strip(),
      run('-X', 'pycache_prefix=', env={'PYTHONPYCACHEPREFIX': 'foo'}, code=P)[1].strip())

# -c ignores a coding cookie; an undecodable command is an error
print(run(code='# coding: latin1\nprint(ascii("\u00e6"))')[1].strip())
r = subprocess.run([sys.executable, '-c', b'print(ascii("\xff"))'], capture_output=True)
print(r.returncode, r.stderr.decode().splitlines())

# REPL on a pipe with -i: exit() ends it with its code; PYTHONINSPECT set by the program
print(run('-i', stdin=b'print(1)\nexit(3)\nprint(2)\n')[:2])
print(run('-i', '-c', 'x = 5', stdin=b'print(x)\n')[:2])
print(run(code='import os; os.environ["PYTHONINSPECT"] = "1"', stdin=b'print(7)\n')[:2])
# sys.displayhook escapes what stdout cannot encode
print(run('-i', env={'PYTHONIOENCODING': 'ascii'}, stdin=b'"caf\\xe9 \\U00010000"\n')[:2])
