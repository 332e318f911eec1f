import traceback, sys
def inner(): return 1 / 0
def outer(): return inner()
try:
    outer()
except ZeroDivisionError as e:
    print("".join(traceback.format_exc()).replace(__file__, "FILE"))
    tb = traceback.extract_tb(e.__traceback__)
    print([(fs.name, fs.lineno, fs.line) for fs in tb])
    print(traceback.format_exception_only(type(e), e), traceback.format_exception(e)[-1])
    te = traceback.TracebackException.from_exception(e); print(te.exc_type.__name__, list(te.format_exception_only()))
try:
    try:
        raise KeyError("a")
    except KeyError as e:
        raise ValueError("b") from e
except ValueError as e:
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
print(traceback.format_list([("f.py", 3, "fn", "x = 1")]))
def h(): return traceback.extract_stack()[-1].name
print(h(), traceback.format_stack()[-1].replace(__file__, "FILE"))
traceback.print_exception(SyntaxError("bad", ("f.py", 2, 5, "x = = 1\n")), file=sys.stdout)
try:
    {}["missing"]
except KeyError:
    traceback.print_exc(file=sys.stdout, limit=1)
