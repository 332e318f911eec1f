# Comprehension scopes: each comprehension is its own function scope; the iteration
# variable does not leak, the first iterable is evaluated in the enclosing scope, a
# walrus binds in the enclosing function, class-body comprehensions can't see class names.
i = 'global i'
squares = [i * i for i in range(4)]
print(squares, i)
print(sorted({i for i in 'ab'}), {i: 0 for i in 'c'}, list(i for i in 'd'), i)


def order():
    log = []
    def it(name, n):
        log.append(name)
        return range(n)
    g = ((a, b) for a in it('outer', 2) for b in it('inner', 2))
    log.append('created')      # the outer iterable was evaluated before this
    print(list(g), log)


order()


def first_iter_scope():
    n = 3
    class K:
        n = 10
        # the first iterable sees the class scope; the rest of the comprehension does not
        vals = [j for j in range(n)]
        try:
            pairs = [(j, n) for j in range(1)]
        except NameError as e:
            pairs = 'NameError'
    return K.vals, K.pairs


print(first_iter_scope())


class C:
    y = 5
    try:
        got = [y for _ in range(2)]
    except NameError as e:
        got = 'NameError: ' + str(e)


print(C.got)


def walrus():
    data = [1, 5, 12, 3]
    if any((big := v) > 10 for v in data):
        print('first big', big)
    total = 0
    [total := total + v for v in data]
    print('total', total)
    [[last := (a, b) for b in range(2)] for a in range(2)]
    print('nested walrus', last)


walrus()
[top := n for n in range(3)]
print('module walrus', top)


def walrus_nonlocal():
    def inner():
        [found := v for v in 'xyz']
        return found
    return inner()


print(walrus_nonlocal())


def comp_closure():
    fs = [lambda: k for k in range(3)]
    gs = [lambda k=k: k for k in range(3)]
    return [f() for f in fs], [g() for g in gs]


print(comp_closure())


def nested_comp_free():
    base = 100
    return [[base + a + b for b in range(2)] for a in range(2)]


print(nested_comp_free())
for bad in ("[i := 0 for i in range(2)]", "[x for x in (y := [1])]",
            "class Q:\n    [(z := 1) for _ in '']"):
    try:
        compile(bad, '<s>', 'exec')
        print('compiled', bad)
    except SyntaxError as e:
        print('SyntaxError', e.msg)
