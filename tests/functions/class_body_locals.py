# locals()/vars() in a class body list the body's own names only: not the enclosing
# function's variables it reads (free variables), nor its __class__ cell.
def f():
    foo = 1
    bar = 2

    class C:
        foo
        x = bar
        print(sorted(locals()))
        print(sorted(vars()))

        def m(self):
            return __class__

    print(sorted(k for k in C.__dict__ if not k.startswith("__")), C().m() is C)
    return C


f()


def g():
    y = 10

    class D:
        y = y + 1 if False else 5   # the class's own y, not the cell
        z = [y]
        print(sorted(locals()), y)

    def inner():
        return y

    return inner()


print(g())


def h():
    v = "outer"

    class E:
        print("E sees", v)
        locals()["w"] = 1
        print(sorted(locals()))

    return E.w


print(h())
