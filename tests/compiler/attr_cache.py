# LOAD_ATTR / LOAD_METHOD / STORE_ATTR caching must follow every change to the class,
# its bases and the instance.
class A:
    def m(self):
        return "A.m"

class S:
    __slots__ = ("x", "y")

def read_x(o):
    return o.x

def call_m(o):
    return o.m()

def write_x(o, v):
    o.x = v

out = []
a = A()
write_x(a, 1)
out.append(read_x(a))
write_x(a, 2)
out.append(read_x(a))
out.append(call_m(a))
a.m = lambda: "instance m"          # the instance dict shadows the method
out.append(call_m(a))
del a.m
out.append(call_m(a))
A.m = lambda self: "new A.m"        # class changed
out.append(call_m(a))

class B(A):
    pass
b = B()
write_x(b, 10)
out.append((read_x(b), call_m(b)))
A.m = lambda self: "base changed"   # a base changes: the subclass sees it
out.append(call_m(b))
A.x = property(lambda self: "property wins")   # a data descriptor now shadows the dict
out.append(read_x(b))
try:
    write_x(b, 5)
except AttributeError as e:
    out.append(str(e))
del A.x
out.append(read_x(b))
del b.x
try:
    read_x(b)
except AttributeError as e:
    out.append(str(e))
B.__getattr__ = lambda self, name: "getattr " + name
out.append(read_x(b))

s = S()
try:
    read_x(s)
except AttributeError as e:
    out.append(str(e))
write_x(s, 3)
out.append(read_x(s))
write_x(s, 4)
out.append(read_x(s))
del s.x
try:
    read_x(s)
except AttributeError as e:
    out.append(str(e))

# different types through the same instruction
class C:
    x = "class attr"
for o in [a, s, C(), b, a, C()]:
    try:
        out.append(read_x(o))
    except AttributeError as e:
        out.append("AE " + str(e))
for o in [a, b, a]:
    out.append(call_m(o))

class D:
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
d = D()
write_x(d, 21)
out.append(read_x(d))
e = A()
write_x(e, 1)
A.__setattr__ = lambda self, n, v: object.__setattr__(self, n, -v)
write_x(e, 7)
out.append(read_x(e))
for line in out:
    print(line)
