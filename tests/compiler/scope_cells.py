# Free and cell variables: late binding, cells shared by several closures, deleting a
# cell variable, locals() with free variables, cells for parameters, and the
# co_cellvars / co_freevars the compiler records.
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 'rebound'
    return [f() for f in fs]


print(late_binding())


def shared_cell():
    v = 0
    def get():
        return v
    def set_(x):
        nonlocal v
        v = x
    return get, set_


get, set_ = shared_cell()
set_(42)
print(get(), get.__closure__[0] is set_.__closure__[0], get.__closure__[0].cell_contents)


def delete_cell():
    v = 'alive'
    def read():
        return v
    print(read())
    del v
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
    try:
        print(v)
    except NameError as e:
        print(type(e).__name__, e)
    v = 'again'
    return read()


print(delete_cell())


def locals_with_free():
    a = 1
    b = 2
    def inner():
        c = 3
        return sorted(locals().items()), a
    return inner()


print(locals_with_free())


def param_cell(p, *args, kw=5, **kws):
    def show():
        return p, args, kw, kws
    return show


print(param_cell(1, 2, 3, kw=4, z=0)())
print(param_cell.__code__.co_cellvars, param_cell(0)().__class__.__name__)


def code_vars():
    outer_only = 1
    shared = 2
    def inner():
        nonlocal shared
        shared += outer_only
        return shared
    return inner


inner = code_vars()
print(code_vars.__code__.co_cellvars, inner.__code__.co_freevars,
      inner.__code__.co_varnames, inner())


def cell_in_generator():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for k in range(4):
        add(k)
        yield total


print(list(cell_in_generator()))


def closure_over_loop_var_in_class():
    out = []
    for n in range(2):
        class K:
            val = n
            def m(self):
                return n
        out.append((K.val, K().m))
    return [(v, m()) for v, m in out]


print(closure_over_loop_var_in_class())


def make_adders():
    return [(lambda x, n=n: x + n) for n in range(3)]


print([f(10) for f in make_adders()])


def unbound_free():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 'bound'
    return inner()


print(unbound_free())
