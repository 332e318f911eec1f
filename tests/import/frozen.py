# importlib's bootstrap is the "frozen" _frozen_importlib / _frozen_importlib_external,
# installed at start-up: specs of built-in and frozen modules, sys's import hooks.
import sys, _imp
import _frozen_importlib as b, _frozen_importlib_external as e
print(b.__name__, b.__spec__, b.__spec__.loader_state)
print(e.__spec__, e.__spec__.loader_state, e.__file__)
print(getattr(b, '__file__', 'no __file__'), hasattr(b, '__origname__'))
print(_imp.is_frozen('_frozen_importlib'), _imp.is_frozen('os.path') and False, _imp.is_frozen('nothing'))
print(_imp.find_frozen('_frozen_importlib'), _imp.find_frozen('_frozen_importlib_external'))
print(_imp.find_frozen('not_frozen_at_all'), _imp.is_frozen_package('_frozen_importlib'))
print(type(_imp.get_frozen_object('_frozen_importlib')).__name__)
try:
    _imp.get_frozen_object('not_frozen_at_all')
except ImportError as exc:
    print('ImportError', exc)
import importlib
print(importlib._bootstrap is b, importlib._bootstrap_external is e, b.__name__)
print([m.__name__ for m in sys.meta_path if m.__module__.startswith('_frozen')])
print([getattr(h, '__qualname__', '') for h in sys.path_hooks])
print(sys._stdlib_dir, type(sys.path_importer_cache).__name__)
print(sys.modules['sys'].__spec__, sys.__loader__ is b.BuiltinImporter)
print(sys.modules['builtins'].__spec__.origin, _imp.__spec__.name)
import math, zipimport
print(math.__spec__, zipimport.__spec__.origin, zipimport.__loader__ is b.FrozenImporter)
print(b.FrozenImporter.find_spec('_frozen_importlib_external').origin)
print(type(__loader__).__name__, __spec__, __loader__.name, __loader__.path == __file__)
