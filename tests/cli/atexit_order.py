# atexit: LIFO order, unregister keeps the slot counted, errors (SystemExit too) reported
import atexit
class Named:
    def __init__(self, name, exc=None):
        self.name, self.exc = name, exc
    def __repr__(self):
        return "<cb %s>" % self.name
    def __call__(self):
        print("running", self.name)
        if self.exc is not None:
            raise self.exc
atexit.register(Named("first"))
atexit.register(Named("exit", SystemExit(3)))
atexit.register(Named("zero", ZeroDivisionError("boom")))
atexit.register(print)
atexit.unregister(print)
print(atexit._ncallbacks())
atexit.register(print, "with", "args", sep="-")
print(atexit._ncallbacks())
print("main done")
