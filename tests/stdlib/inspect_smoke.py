import inspect
def f(a, b: int = 2, *args, c, d=4, **kw) -> str:
    "Doc."
    return ""
sig = inspect.signature(f)
print(sig, list(sig.parameters), sig.parameters["b"].annotation, sig.return_annotation, sig.parameters["c"].kind)
print(sig.bind(1, c=3).arguments, inspect.getdoc(f), inspect.isfunction(f), inspect.isclass(int), inspect.ismethod(f))
class C:
    x = 1
    def m(self): pass
    @staticmethod
    def s(): pass
    @property
    def p(self): return 1
print([n for n, _ in inspect.getmembers(C) if not n.startswith("__")], inspect.getmro(bool), inspect.isbuiltin(len))
print(inspect.getsource(f).splitlines()[0], inspect.getsourcelines(C.m)[1], inspect.getfile(f).endswith("inspect_smoke.py"))
def gen(): yield 1
print(inspect.isgeneratorfunction(gen), inspect.getgeneratorstate(gen()), inspect.iscoroutinefunction(f))
print(inspect.getfullargspec(f), inspect.cleandoc("  a\n    b\n"), inspect.getmodulename("x/y.py"))
fr = inspect.currentframe(); print(fr.f_code.co_name, inspect.getframeinfo(fr).function, inspect.stack()[0].function)
print(inspect.signature(lambda x, /, y: 0), inspect.Parameter.empty, inspect.unwrap(f) is f, inspect.ismodule(inspect))
print(inspect.getattr_static(C, "p").__class__.__name__, inspect.classify_class_attrs(C)[0].kind if False else "", inspect.formatannotation(int))
