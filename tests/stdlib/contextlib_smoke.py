import contextlib, io
@contextlib.contextmanager
def cm(name):
    print("enter", name)
    try:
        yield name.upper()
    except ValueError as e:
        print("handled", e)
    finally:
        print("exit", name)
with cm("a") as v:
    print("body", v)
with cm("b"):
    raise ValueError("boom")
with contextlib.suppress(KeyError):
    {}["x"]
print("suppressed")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
with contextlib.ExitStack() as st:
    for n in "xyz":
        st.enter_context(cm(n))
    st.callback(print, "callback")
class R:
    def close(self): print("closed")
with contextlib.closing(R()):
    pass
with contextlib.nullcontext(5) as n:
    print(n)
class D(contextlib.ContextDecorator):
    def __enter__(self): print("D in"); return self
    def __exit__(self, *a): print("D out"); return False
@D()
def fn(): print("fn")
fn()
try:
    with cm("c"):
        raise KeyError("k")
except KeyError as e:
    print("propagated", e)
