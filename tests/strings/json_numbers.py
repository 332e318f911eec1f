# json.loads numbers: floats the scanner converts without a string round trip (<= 15
# significant digits, power of ten within 22) and the ones it hands to float(); both must
# give float(text) exactly, including signs, zeros, exponents and the boundaries.
import json

cases = ["1.5", "-0.0", "0.0", "0.1", "-0.1", "123456789012345.5", "1234567890123456.5",
         "999999999999999.9", "1e22", "1e23", "1.5e-22", "1.5e-23", "2.5E+3", "2.5e-0",
         "-0.000123", "9007199254740993.0", "0.30000000000000004", "1e-400", "1e400",
         "-1e400", "123.456e-7", "0.1e1", "100000000000000000000000.0", "4.35", "1E5",
         "1e-5", "0.0000000000000000000001", "0.00000000000000000000001",
         "17976931348623157e292", "5e-324", "2.2250738585072014e-308", "1.0000000000000002",
         "0.000000000000000000000000000000000000000001e40", "12345678901234567890e-10",
         "1.00000000000000000000", "7.0e00000", "3.14159e+0010", "-2.5e-10000"]
for t in cases:
    a = json.loads(t)
    b = float(t)
    print(t, repr(a), repr(a) == repr(b), type(a).__name__)
doc = "[" + ", ".join(cases) + ", 1, -1, 10, 0, -0]"
print(json.loads(doc))
print(json.loads('{"a": 1.25, "b": [0.5, -7e2, 3]}', parse_float=lambda s: "F" + s))
print(json.loads("[1.0, 2]", parse_int=lambda s: "I" + s))
for bad in ["1.", ".5", "-", "1e", "1e+", "01", "-.5", "1.5e"]:
    try:
        print(bad, json.loads(bad))
    except json.JSONDecodeError as e:
        print(bad, "JSONDecodeError", e)
