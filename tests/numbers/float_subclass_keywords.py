# float subclasses reject keywords unless they define __init__ (test_float.test_keywords_in_subclass).
class sub(float):
    pass
class sub_init(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
for cls, kw in ((float, {'x': 0}), (sub, {'x': 0})):
    try:
        cls(**kw)
    except TypeError as e:
        print(cls.__name__, "TypeError:", e)
u = sub_init(2.5, newarg=3)
print(type(u).__name__, float(u), u.newarg, sub(1.5))
