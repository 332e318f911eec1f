# PEP 442: a finalizer (__del__) of an object in a collected cycle runs exactly once,
# even though the object is then freed through tp_clear/dealloc.
import gc
gc.disable()

class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = A("a"); a.self = a
del a
print("collect")
gc.collect()
print("after")

b = A("b"); c = A("c")
b.c = c; c.b = b
del b, c
gc.collect()
print("pair done")

# __del__ sees the other object intact: attributes are cleared only after all finalizers.
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(self.name, "->", self.peer.name)

x = Node("x"); y = Node("y")
x.peer = y; y.peer = x
del x, y
gc.collect()
print("is_finalized:", gc.is_finalized(A("tmp")))
print(gc.collect())
