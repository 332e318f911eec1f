# Compile-time SyntaxWarnings: 'is' with a literal, calling/subscripting literals (and as errors).
def f():
    a = "abc"["x"] if 0 else 1
    b = [1, 2](3) if 0 else 2
    c = (1, 2)[1.5] if 0 else 3
    d = {1}[0] if 0 else 4
    e = [1][0]
    g = "x" is "y"
    return a, b, c, d, e
print(f())
import warnings
warnings.simplefilter("error")
try:
    compile("x = (1, 2)(3)", "<w>", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
