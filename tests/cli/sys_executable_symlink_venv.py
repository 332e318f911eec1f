# sys.executable keeps the path the interpreter was started by (symbolic links not resolved,
# relative paths made absolute, a bare name looked up along $PATH, "" if not found), so a
# virtual environment's bin/python is seen as such: site sets sys.prefix to the venv.
import os, subprocess, sys, tempfile
real = os.path.realpath(sys.executable)
d = os.path.realpath(tempfile.mkdtemp())
link = os.path.join(d, 'pylink')
os.symlink(real, link)
code = 'import sys; print(sys.executable)'
def run(argv, **kw):
    r = subprocess.run(argv, capture_output=True, text=True, **kw)
    return r.stdout.strip().replace(d, 'TMP')
print(run([link, '-c', code]))
print(run(['./pylink', '-c', code], cwd=d))
print(run(['pylink', '-c', code], env=dict(os.environ, PATH=d + os.pathsep + os.environ['PATH'])))
print(repr(run(['no-such-name', '-c', code], executable=real)))
print(run(['sub/../pylink', '-c', code], cwd=d) if os.makedirs(os.path.join(d, 'sub')) is None else '')

venv = os.path.join(d, 'venv')
subprocess.run([real, '-m', 'venv', '--without-pip', venv], check=True)
py = os.path.join(venv, 'bin', 'python')
out = run([py, '-c', 'import sys, sysconfig, os; print(sys.executable); print(sys.prefix); '
           'print(sys.prefix != sys.base_prefix); print(sysconfig.get_preferred_scheme("prefix")); '
           'print(any(p.startswith(sys.prefix) and p.endswith("site-packages") for p in sys.path)); '
           'print(os.path.isabs(sys._base_executable))'])
print(out)
