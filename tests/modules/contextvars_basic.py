# contextvars: get/set/reset, Context.run isolation, copy_context snapshots, mapping API, threads
import contextvars
from contextvars import ContextVar, Context, copy_context

a = ContextVar('a', default='A0')
b = ContextVar('b')
print(a.get(), b.get('bdef'), a.name)
tok = a.set('A1')
print(a.get(), tok.old_value, tok.var is a)
snap = copy_context()
a.set('A2')
print(a.get(), snap[a], len(snap), a in snap, b in snap)

def work(x, y=0):
    b.set(x + y)
    a.set('inner')
    return a.get(), b.get()

ctx = Context()
print(ctx.run(work, 1, y=2), a.get(), b.get('unset'))
print(sorted(v.name for v in ctx), sorted(map(str, ctx.values())), ctx.get(b), ctx.get(a, 'no'))
print(sorted((k.name, v) for k, v in ctx.items()), sorted(k.name for k in ctx.keys()))  # HAMT order depends on addresses
print(ctx.run(lambda: (a.get(), b.get())))   # state kept between runs
c2 = ctx.copy(); c2.run(b.set, 99); print(ctx[b], c2[b], ctx == c2, ctx == ctx.copy())
a.reset(tok); print(a.get())

# nested run, exceptions restore the context
def boom():
    a.set('boom')
    raise ValueError('x')
try:
    Context().run(boom)
except ValueError as e:
    print('caught', e, a.get())

def nested():
    t = a.set('n1')
    r = copy_context().run(lambda: (a.set('n2'), a.get())[1])
    return r, a.get()
print(Context().run(nested), a.get())

# threads start with an empty context
import threading
out = []
a.set('main')
th = threading.Thread(target=lambda: out.append((a.get(), b.get('none'))))
th.start(); th.join()
print(out, a.get())

t1 = b.set(1); t2 = b.set(2)
b.reset(t2); print(b.get()); b.reset(t1); print(b.get('gone'))
try:
    copy_context().run(b.reset, t1)
except Exception as e:
    print(type(e).__name__, str(e).split(' at 0x')[0])
t3 = b.set(3)
try:
    Context().run(b.reset, t3)
except Exception as e:
    print(type(e).__name__, str(e).split(' at 0x')[0][:20], 'different Context' in str(e))
print(contextvars.Token.MISSING, type(copy_context()).__name__)
