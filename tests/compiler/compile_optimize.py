# compile()'s optimize=0/1/2 and -1 (inherit): asserts, __debug__, docstrings; flags and
# dont_inherit; code objects of each level run and marshal round-trip.
import marshal
SRC = '''
"""module doc"""
def f(x):
    """f doc"""
    assert x > 0, "must be positive"
    if __debug__:
        return "debug", x
    return "nodebug", x
class C:
    """C doc"""
    def m(self):
        "m doc"
        return __debug__
'''
for opt in (-1, 0, 1, 2):
    co = compile(SRC, "<opt>", "exec", optimize=opt)
    co2 = marshal.loads(marshal.dumps(co))
    for c in (co, co2):
        ns = {}
        exec(c, ns)
        f, C = ns["f"], ns["C"]
        try:
            r = f(-1)
        except AssertionError as e:
            r = "AssertionError " + str(e)
        print(opt, ns.get("__doc__"), f.__doc__, C.__doc__, C.m.__doc__, C().m(), f(2), r)
    print(co == co2, co.co_flags == co2.co_flags)
# eval/single modes with optimize
print(eval(compile("__debug__", "<e>", "eval", optimize=1)), eval(compile("__debug__", "<e>", "eval")))
import __future__
for name in ("annotations", "generator_stop", "division", "barry_as_FLUFL"):
    flag = getattr(__future__, name).compiler_flag
    co = compile("x = 1", "<f>", "exec", flags=flag, dont_inherit=True)
    print(name, hex(flag), bool(co.co_flags & flag))
try:
    compile("x", "<f>", "exec", flags=0x8000000)
except ValueError as e:
    print("ValueError", e)
