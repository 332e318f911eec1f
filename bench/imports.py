# imports: import several large pure-Python standard modules from scratch, repeatedly
# (dropping them from sys.modules in between).  Fails cleanly until `import` works.
import sys

MODULES = ["json", "textwrap", "argparse", "dataclasses", "string", "fractions",
           "email.parser", "configparser", "pprint", "difflib"]
before = set(sys.modules)
try:
    loaded = 0
    for _ in range(30):
        for name in MODULES:
            __import__(name)
        new = set(sys.modules) - before
        loaded += len(new)
        for name in new:
            del sys.modules[name]
except ImportError as e:
    print("imports benchmark unsupported:", e, file=sys.stderr)
    sys.exit(1)
print(loaded > 0, len(MODULES))
