# Lambda defaults and scopes, and annotation scopes: defaults and annotations are
# evaluated where the def/lambda is (at definition time), annotations of locals are not
# evaluated, class and module annotations fill __annotations__.
x = 'module'


def lambdas():
    x = 'local'
    f = lambda: x                  # closure over the function's x
    g = lambda x=x: x              # default evaluated now
    h = lambda *a, k=len(x), **kw: (a, k, kw)
    nested = lambda a: lambda b: a + b
    x = 'changed'
    return f(), g(), h(1, 2, z=3), nested(1)(2), (lambda: (yield 5))().__next__()


print(lambdas())
print((lambda: x)(), (lambda x: x)(0), (lambda: [x for x in 'ab'])(), x)
print((lambda a, /, b, *, c: (a, b, c))(1, 2, c=3))


def default_eval_order():
    log = []
    def d(v):
        log.append(v)
        return v
    def f(a=d(1), b=d(2), *, c=d(3), e=d(4)) -> d('ret'):
        pass
    return log, f.__defaults__, f.__kwdefaults__


print(default_eval_order())


def annotated(a: 'A', b: int = 2, *args: 'Star', k: float = 1.0, **kw: 'KW') -> 'R':
    local: undefined_name_is_fine = 1   # annotation of a local is never evaluated
    unset: also_undefined
    return local


print(annotated.__annotations__, annotated(1))


def ann_scope():
    T = 'closure T'
    def inner(p: T) -> T:
        return p
    return inner.__annotations__


print(ann_scope())


class Annotated:
    a: int
    b: str = 'b'
    (c): 'paren'               # parenthesised: not simple, so not recorded
    d.e if False else None     # an expression statement, nothing recorded
    lst = [1]
    lst[0]: 'subscript target' = 5   # not recorded, but evaluated
    attr_obj = type('O', (), {})()
    attr_obj.x: 'attr' = 3


print(Annotated.__annotations__, Annotated.lst, Annotated.attr_obj.x)
mod_ann: 'module level' = 1
print(__annotations__)


def ann_side_effects():
    log = []
    class K:
        v: log.append('class annotation evaluated') or int
    def f():
        w: log.append('never') = 1
        return w
    f()
    return log


print(ann_side_effects())


class Priv:
    __secret: int = 1
    def get(self):
        return self.__secret, sorted(Priv.__annotations__)


print(Priv().get())
