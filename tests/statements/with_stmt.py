# with: __enter__/__exit__ order, suppression, return inside with
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress

with CM("a") as x, CM("b") as y:
    print("inside", x, y)

with CM("s", True):
    raise RuntimeError("swallowed")
print("after suppress")

def h():
    with CM("r"):
        return 42
print(h())

try:
    with CM("p"):
        raise TypeError("propagates")
except TypeError as e:
    print("caught", e)
