# Source positions of attribute instructions (3.11's update_start_location_to_match_attr):
# an access spanning lines starts at the attribute's name; a method load covers obj.name.
# The tracebacks of failing multi-line chains point at the failing attribute.
import dis
import traceback

srcs = ["o.m(1)", "(\n lhs  \n   .    \n     rhs      \n       )()",
        "(\n lhs  \n   .    \n     rhs      \n       )", "x = (o.\n  m(\n  1))",
        "o.a.b(\n 2).c", "del (\n lhs  \n   .    \n     rhs      \n       )",
        "(\n o.\n a\n ) += (\n v\n )", "o.a += 1", "x = o.a", "o.a = 1",
        "(o\n .a\n .b) = 1", "o.m(k=1,\n   j=2)", "(o.\n m(k=1))"]
for s in srcs:
    co = compile(s, "<s>", "exec")
    print(repr(s))
    for ins, pos in zip(dis.Bytecode(co, show_caches=True), co.co_positions()):
        if ins.opname in ('LOAD_ATTR', 'STORE_ATTR', 'DELETE_ATTR', 'LOAD_METHOD'):
            print("  ", ins.opname, ins.argval, pos)


class A:
    def get(self):
        return self


def chain():
    return (A()
            .get()
            .get()
            .missing()
            .get())


def chain_attr():
    a = A()
    a.x = (a
           .get()
           .nope)


for f in (chain, chain_attr):
    try:
        f()
    except AttributeError:
        print(traceback.format_exc().replace(__file__, "FILE"))
