# Float literals: every spelling of a float the tokenizer accepts.
print(1.0, 1., .5, 0.0, 00.5, 1e10, 1E10, 1e-3, 1.5e+3, 3.14_15, 1_0.0_1)
print(1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1e22, 1e23)
print(1e400, -1e400, 1e-400)
print(0e0, 0.1 + 0.2, 2.5e-324 > 0, 5e-324)
print(type(1.), type(.1e1), 1_000.000_1)
print(9007199254740993.0, 1.7976931348623157e308)
