# 'fmt' % (a, b) with only %s/%r/%a units compiles to an f-string (3.11's optimize_format):
# same results, errors, line events and traceback lines as 3.11; other formats stay BINARY_OP %.
import dis
class R:
    def __repr__(self): return "R!"
    def __str__(self): return "S!"
    def __format__(self, spec): return "F" + spec
cases = [
    lambda a, b: "%s/%s" % (a, b),
    lambda a, b: "x%r-%a" % (a, b),
    lambda a, b: "%5s|%-5s|%.1s|%05s|%+s|%#s|% s" % (a, b, a, b, a, b, a),
    lambda a, b: "%12.3s|%-1.2r" % (a, b),
    lambda a, b: "%123s" % (a,),
    lambda a, b: "%d %s" % (1, b),
    lambda a, b: "%s %%s %%" % (a,),
    lambda a, b: "%s" % (a, b),
    lambda a, b: "%s %s" % (a,),
    lambda a, b: "abc" % (),
    lambda a, b: "" % (),
    lambda a, b: "%" % (a,),
    lambda a, b: "%." % (a,),
    lambda a, b: "%(x)s" % (a,),
    lambda a, b: "%s" % (*a,),
    lambda a, b: "%s" % a,
    lambda a, b: "é%sñ" % (a,),
    lambda a, b: "%s" % (1,),
]
for i, f in enumerate(cases):
    for args in (("ab", R()), (R(), "xyz"), ((1,), [2])):
        try:
            print(i, repr(f(*args)))
        except Exception as e:
            print(i, type(e).__name__, e)
    print(i, [x.opname for x in dis.get_instructions(f) if x.opname not in ("RESUME", "CACHE", "PRECALL")])
import sys, traceback  # line events and traceback lines
class Bad:
    def __str__(self): raise ValueError("bad str")
def f(a, b):
    x = 1
    s = ("<%s>"
         " and %r") % (
        a,
        b)
    return s
def g(a):
    y = 2
    return "pre%s" % (
        a,)
events = []
def tr(frame, ev, arg):
    if frame.f_code.co_name in ("f", "g"):
        events.append((frame.f_code.co_name, ev, frame.f_lineno))
    return tr
sys.settrace(tr)
f(1, 2); g(3)
sys.settrace(None)
print(events)
for fn, args in ((f, (Bad(), 1)), (g, (Bad(),))):
    try:
        fn(*args)
    except ValueError:
        tb = traceback.format_exc().splitlines()
        print([l for l in tb if "line" in l or "^" in l or "%" in l])
