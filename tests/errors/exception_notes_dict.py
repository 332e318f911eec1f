# __notes__ lives in the exception's __dict__: absent until add_note() or assignment,
# not listed by dir() before; derived exception groups get a copy of the list.
e = ValueError(1)
print('__notes__' in dir(e), hasattr(e, '__notes__'), e.__dict__)
e.add_note("first")
e.add_note("second")
print(e.__notes__, e.__dict__, '__notes__' in dir(e))
e.__notes__ = ("not", "a", "list")
try:
    e.add_note("x")
except TypeError as x:
    print(x)
del e.__notes__
print(hasattr(e, '__notes__'))
try:
    e.add_note(3)
except TypeError as x:
    print(x)

eg = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
eg.add_note("group note")
match, rest = eg.split(ValueError)
print(match.__notes__, rest.__notes__, match.__notes__ is eg.__notes__)
match.__notes__.append("only match")
print(eg.__notes__, rest.__notes__)

class E(Exception):
    __slots__ = ()
x = E()
x.add_note("slotted")
print(x.__notes__)
try:
    raise KeyError("k")
except KeyError as k:
    k.add_note("while testing")
    import traceback
    print(traceback.format_exception_only(type(k), k))
