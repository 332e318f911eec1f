# exec(code, globals, closure=...) given by keyword; compile()/exec()/eval() of source with
# a NUL byte raise ValueError in 3.11.2.
from types import CellType

result = 0
def make():
    a = 2
    b = 3
    def three():
        nonlocal a, b
        global result
        result = a * b
    return three
three = make()
exec(three.__code__, three.__globals__, closure=three.__closure__)
print(result)
exec(three.__code__, three.__globals__, closure=(CellType(5), CellType(7)))
print(result)
for kw in ({}, {"closure": None}, {"closure": (CellType(1),)}):
    try:
        exec(three.__code__, three.__globals__, **kw)
    except TypeError as e:
        print("TypeError", e)
try:
    exec("x = 1", {}, closure=())
except TypeError as e:
    print("TypeError", e)

for src in ("a=1\0", b"\0", bytearray(b"1\0")):
    for f in (lambda s: compile(s, "f", "exec"), exec, eval):
        try:
            f(src)
        except ValueError as e:
            print("ValueError", e)
