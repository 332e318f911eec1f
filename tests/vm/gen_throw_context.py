# throw() into a generator that is inside an except block: the thrown exception's
# __context__ is the exception being handled there (3.11's _PyErr_ChainStackItem).
def g():
    try:
        raise KeyError(3)
    except Exception:
        try:
            yield
        except Exception as e:
            print("context:", repr(e.__context__))


gen = g()
next(gen)
try:
    gen.throw(ValueError(1))
except StopIteration:
    print("stopped")


# no handled exception inside the generator: no context, even if the caller handles one
def h():
    try:
        yield
    except Exception as e:
        print("context:", repr(e.__context__))
        yield "done"


gen = h()
next(gen)
try:
    raise OSError("caller")
except OSError:
    print(gen.throw(ValueError(2)))


# the traceback of a thrown exception survives
def k():
    try:
        raise KeyError("k")
    except KeyError:
        yield


gen = k()
next(gen)
try:
    gen.throw(TypeError, TypeError("t"), None)
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__traceback__ is not None)
