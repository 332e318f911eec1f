# CPython 3.11 freezes os, posixpath, codecs, io, abc, runpy, site, stat, importlib.util...:
# spec origin 'frozen', FrozenImporter loader, __file__ kept, tracebacks show <frozen os>
import os, sys, _imp, posixpath, importlib.util, __hello__
print(os.__spec__, os.__file__, os.__loader__, os.__spec__.loader_state)
print(getattr(os, '__cached__', 'no __cached__'), sys.modules['os.path'] is posixpath)
print(importlib.util.__spec__, importlib.util.__file__)
print(os.makedirs.__code__.co_filename, posixpath.__file__, posixpath.__spec__.origin)
__hello__.main()
for n in ("os", "os.path", "io", "codecs", "abc", "stat", "runpy", "__hello_alias__",
          "__phello__", "json"):
    print(n, _imp.is_frozen(n), _imp.find_frozen(n) and _imp.find_frozen(n)[1:])
print(_imp.is_frozen_package("__phello__"), _imp.is_frozen_package("os"))
def f():
    os.makedirs("/")
f()
