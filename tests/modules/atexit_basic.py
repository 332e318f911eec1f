import atexit
def bye(*a, **k): print("bye", a, k)
atexit.register(bye, 1, x=2)
atexit.register(print, "first registered last run")
atexit.unregister(print); atexit.register(print, "x"); atexit.unregister(print)
atexit.register(lambda: print("runs before bye"))
class Boom:
    def __repr__(self): return "<boom>"
    def __call__(self): raise ValueError("in atexit")
atexit.register(Boom())
