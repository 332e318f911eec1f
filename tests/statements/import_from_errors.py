# IMPORT_FROM failures: 3.11's ImportError messages, name/path attributes, and the
# sys.modules fallback for a submodule whose parent attribute is not set yet.
import os, sys, tempfile, types

def show(thunk):
    try:
        thunk()
    except ImportError as e:
        print(type(e).__name__, str(e).replace(tmp, '<tmp>'), e.name,
              e.path.replace(tmp, '<tmp>') if e.path else e.path)

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
def write(name, text):
    path = os.path.join(tmp, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)

# a module object without __name__ / __file__
m = types.ModuleType('gone')
del m.__name__
sys.modules['gone'] = m
def f1():
    from gone import does_not_exist
show(f1)

# __name__ kept, no __file__: unknown location
sys.modules['nofile'] = types.ModuleType('nofile')
def f2():
    from nofile import nothing
show(f2)

# a non-str __name__ counts as unknown
m3 = types.ModuleType('badname'); m3.__name__ = 42
sys.modules['badname'] = m3
def f3():
    from badname import x
show(f3)

# a non-module object
class Obj: __name__ = 'objname'
sys.modules['objmod'] = Obj()
def f4():
    from objmod import x
show(f4)

# an ordinary file module: its path in the message
write('plain_mod.py', 'a = 1\n')
def f5():
    from plain_mod import b
show(f5)

# circular import: the importing module is partially initialised
write('circ_a.py', 'from circ_b import thing\ndef other(): pass\n')
write('circ_b.py', 'from circ_a import other\nthing = 1\n')
def f6():
    import circ_a
show(f6)

# a submodule in sys.modules but not yet an attribute of its package
write('fpkg/__init__.py', '')
import fpkg
sys.modules['fpkg.hidden'] = types.ModuleType('fpkg.hidden')
from fpkg import hidden
print(hidden.__name__, hasattr(fpkg, 'hidden'))

# relative circular import inside a package resolves through sys.modules
write('rpkg/__init__.py', 'from . import one\n')
write('rpkg/one.py', 'from . import two\n')
write('rpkg/two.py', 'from . import one\nprint("two sees", one.__name__)\n')
import rpkg
print(rpkg.one.two.one is rpkg.one)

# the lookup error of the attribute itself propagates unchanged
class Raising(types.ModuleType):
    def __getattr__(self, name):
        if name == 'zz':
            raise KeyError(name)
        raise AttributeError(name)
sys.modules['raising'] = Raising('raising')
try:
    from raising import zz
except KeyError as e:
    print('KeyError', e)
