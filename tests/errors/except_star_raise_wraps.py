# An exception raised in an except* handler is wrapped in ExceptionGroup("", [...]) even
# when it is the only one (3.11's _PyExc_PrepReraiseStar; 3.12 stopped wrapping it), and
# keeps the handled group as its __context__
def run(orig, handle, raise_from=False):
    try:
        try:
            raise orig
        except* handle as e:
            if raise_from:
                raise SyntaxError(3) from e
            raise SyntaxError(3)
    except BaseException as e:
        return e


for handle in ((TypeError, ValueError), TypeError, Exception):
    for raise_from in (False, True):
        r = run(ExceptionGroup("eg", [TypeError(1), ValueError(2)]), handle, raise_from)
        print(repr(r), [repr(x.__context__) for x in r.exceptions
                         if isinstance(x, SyntaxError)],
              [repr(x.__cause__) for x in r.exceptions if isinstance(x, SyntaxError)])
r = run(TypeError(1), TypeError)
print(repr(r), repr(r.__context__))
