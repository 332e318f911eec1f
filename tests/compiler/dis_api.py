# lib/dis.py: CPython's API over Krait's bytecode (only bytecode-independent facts printed).
import dis

def f(a, b=1, *args, k, **kw):
    x = a + b
    return x

print(dis.pretty_flags(f.__code__.co_flags))
print(dis.Instruction._fields)
print(sorted({i.argval for i in dis.get_instructions(f) if i.opname in ('LOAD_FAST', 'STORE_FAST')}))
print(sorted({i.argval for i in dis.Bytecode(f) if i.opname == 'LOAD_CONST'} - {None}))
print("\n".join(dis.code_info(f).splitlines()[:6]))
print(dis.opname[dis.opmap['LOAD_FAST']], dis.opmap['EXTENDED_ARG'] == dis.EXTENDED_ARG)
print(all(isinstance(i.offset, int) and i.offset % 2 == 0 for i in dis.get_instructions(f)))
print(sorted({l for _, l in dis.findlinestarts(f.__code__)} - {4}))
try:
    dis.dis(42)
except TypeError as e:
    print(e)
