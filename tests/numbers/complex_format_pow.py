# complex: thousands separators in format(), pow() underflow is no overflow,
# __complex__ returning a complex subclass warns; int() of bytes with a NUL fails.
import warnings

print(format(1.5e20 + 3j, "^40,.2f"), format(1234567.5 - 7654321j, "_"))
print(format(1e6 + 1e7j, ",g"), format(-1234.5j, ",.1f"), format(12345678 + 0j, ","))
print(type(pow(-2.0, -2000.5)), pow(-2.0, -2000.5) == 0)
print((1e-200 + 1e-200j) ** 3)
try:
    (1e200 + 1e200j) ** 3
except OverflowError as e:
    print("OverflowError", e)

class C1(complex):
    def __new__(cls, value=0j):
        return complex.__new__(cls, 2 * value)
    def __complex__(self):
        return self
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(complex(C1(1j)), [str(x.category.__name__) for x in w])
    print(str(w[0].message))

for s in (b"123\x00", bytearray(b"1\x002"), memoryview(b"12\x00")):
    try:
        int(s)
    except ValueError as e:
        print("ValueError", e)
print(int(b" 42 "), int(bytearray(b"7")), int(memoryview(b"99")))
