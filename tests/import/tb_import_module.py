import importlib
importlib.import_module("_pkg.raises")
