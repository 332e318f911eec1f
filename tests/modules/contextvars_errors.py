# contextvars: reprs, Token, errors (addresses stripped)
import contextvars as cv
v=cv.ContextVar('v', default=1); w=cv.ContextVar('w')
print(repr(v)[:30], repr(w)[:24])
t=v.set(5); print(repr(t)[:40], t.var is v, t.old_value, cv.Token.MISSING)
c=cv.copy_context(); print(type(c.keys()), type(c.items()), type(iter(c)), len(c), c[v], v in c, w in c, c.get(w,'d'))
def e(f):
  try: print(f())
  except Exception as x: print(type(x).__name__, str(x).split(' at 0x')[0])
e(lambda: c[1]); e(lambda: w.get()); e(lambda: cv.ContextVar(1)); e(lambda: cv.Token()); e(lambda: cv.Context(1)); e(lambda: v.reset(1))
v.reset(t); e(lambda: v.reset(t)); e(lambda: w.reset(t)); e(lambda: c.run()); e(lambda: c.run(c.run, len, []))
e(lambda: hash(c)); e(lambda: c == cv.copy_context()); e(lambda: type('X',(cv.ContextVar,),{}))
print(cv.ContextVar[int], v.name)
e(lambda: setattr(v,'name','q'))
