# The symbol table names lambda and comprehension blocks as CPython 3.11 does.
import symtable
src = "f = lambda: 0\nc = [i for i in x]\ns = {i for i in x}\nd = {i: i for i in x}\ng = (i for i in x)\n"
print([c.get_name() for c in symtable.symtable(src, "s", "exec").get_children()])
