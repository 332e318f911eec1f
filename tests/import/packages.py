# Packages, relative imports, namespace packages and importlib's API (importlib/_bootstrap).
import sys, importlib, os
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '_nsroot'))
import _pkg
print(_pkg.x, _pkg.helper.f(), _pkg.sub.leaf.val)
print(_pkg.__spec__.name, _pkg.__package__, _pkg.__spec__.parent, _pkg.sub.leaf.__package__)
print(_pkg.__spec__.submodule_search_locations == _pkg.__path__, _pkg.__spec__.has_location)
print(type(_pkg.__loader__).__name__, _pkg.__loader__ is _pkg.__spec__.loader)
print(os.path.basename(_pkg.__file__), os.path.basename(os.path.dirname(_pkg.__cached__)))
print(os.path.basename(_pkg.__cached__) == '__init__.%s.pyc' % sys.implementation.cache_tag)
import _nspkg.inner.mod
print(type(_nspkg.__path__).__name__, [os.path.basename(p) for p in _nspkg.__path__])
print(_nspkg.__spec__.origin, getattr(_nspkg, '__file__', 'no __file__'), _nspkg.inner.mod.y)
print(type(_nspkg.__loader__).__name__)
m = importlib.import_module('_pkg.helper')
print(m.__name__, m is _pkg.helper, importlib.import_module('.helper', '_pkg') is m)
m.f = None
print(importlib.reload(m) is m, m.f())
try:
    importlib.import_module('.helper')
except TypeError as e:
    print('TypeError', e)
import importlib.machinery as mach
print(mach.PathFinder.find_spec('_pkg').name, mach.PathFinder.find_spec('not_a_module_at_all'))
print(mach.SOURCE_SUFFIXES, mach.BYTECODE_SUFFIXES)
print(mach.BuiltinImporter.find_spec('math').origin, mach.BuiltinImporter.find_spec('os'))
for stmt in ['import _pkg.raises', 'import not_a_module_x.y', 'from _pkg import nothing',
             'import _pkg.helper.x', 'import _pkg.badfrom', 'from . import x']:
    try:
        exec(stmt)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'name', '-'), '_pkg.raises' in sys.modules)
print(sorted(k for k in sys.modules if k.startswith('_pkg')))
print('_pkg.badfrom' in sys.modules, '_nspkg.inner' in sys.modules)
