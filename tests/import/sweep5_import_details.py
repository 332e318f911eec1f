# Session 5 sweep: a package whose __init__ fails after importing its submodule is imported
# again (its error raised) by `import pkg.module`; a circular import of a submodule names it;
# module names with lone surrogates import from the filesystem; --check-hash-based-pycs.
import os, sys, tempfile, subprocess

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
sys.dont_write_bytecode = True
def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)

write('s5pkg/__init__.py', 'import s5pkg.module\n1/0\n')
write('s5pkg/module.py', 'x = 1\n')
for i in range(2):
    for name in ('s5pkg', 's5pkg.module'):
        try:
            __import__(name)
            print(name, 'imported')
        except ZeroDivisionError:
            print(name, 'ZeroDivisionError', 's5pkg' in sys.modules, 's5pkg.module' in sys.modules)

write('s5circ/__init__.py', '')
write('s5circ/parent/__init__.py', 'import s5circ.parent.child\n')
write('s5circ/parent/child.py', 'import s5circ.parent\ns5circ.parent\n')
try:
    import s5circ.parent
except AttributeError as e:
    print('AttributeError:', e)

name = 's5mod_\udcff'
path = os.path.join(tmp, name + '.py').encode('utf-8', 'surrogateescape')
with open(path, 'w') as f:
    f.write('value = 42\n')
mod = __import__(name)
print(mod.value, mod.__name__ == name, os.path.basename(mod.__file__) == name + '.py')
import _imp
print(_imp.is_builtin(name), _imp.is_builtin('sys') != 0, _imp.is_builtin('nosuch'))

for args in ([], ['--check-hash-based-pycs', 'always'], ['--check-hash-based-pycs', 'never'],
             ['--check-hash-based-pycs', 'default'], ['--check-hash-based-pycs', 'sometimes']):
    r = subprocess.run([sys.executable] + args + ['-c', 'import _imp; print(_imp.check_hash_based_pycs)'],
                       capture_output=True, text=True)
    print(args, r.returncode, r.stdout.strip(), r.stderr.splitlines()[:1])
