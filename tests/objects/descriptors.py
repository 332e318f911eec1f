class Desc:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get('_' + self.name, 0) * 10
    def __set__(self, obj, value):
        obj.__dict__['_' + self.name] = value

class NonData:
    def __get__(self, obj, objtype=None):
        return "nondata"

class K:
    d = Desc()
    n = NonData()

k = K()
k.d = 4
print(k.d, K.d.name, type(K.__dict__['d']).__name__)
print(k.n)
k.__dict__['n'] = "instance wins"
print(k.n)
k.__dict__['d'] = "ignored"
print(k.d)

class P:
    def __init__(self):
        self._x = 1
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v
    @property
    def ro(self):
        return 42

p = P()
p.x = 9
print(p.x, P.x.__doc__, p.ro)
try:
    p.ro = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.ro
except AttributeError as e:
    print("AttributeError:", e)
print(int.__dict__['__add__'])
print(list.append, repr(dict.fromkeys).split(' at ')[0])
print(type(int.__add__).__name__, type((1).__add__).__name__, type([].append).__name__)
print(len, [].append.__qualname__, len.__name__)
