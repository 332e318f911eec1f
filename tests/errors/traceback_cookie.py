# coding: latin-1
# A traceback quotes the source line decoded with the file's PEP 263 cookie (3.11 reads
# it through a TextIOWrapper in that encoding), not as UTF-8
def f():
    return "café" + 1

try:
    f()
except TypeError:
    import sys
    sys.stderr = sys.stdout
    sys.__excepthook__(*sys.exc_info())
raise RuntimeError("déjà vu")
