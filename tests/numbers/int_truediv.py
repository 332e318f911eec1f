# int / int is correctly rounded, including huge operands
print(1 / 3, 2 / 3, -7 / 2, 7 / -2, 0 / -5)
print(2 ** 63 / 3, 2 ** 64 / 2 ** 63)
print((2 ** 1000) / (3 ** 500))
print(10 ** 400 / 10 ** 399)
print(1 / 2 ** 1074, 1 / 2 ** 1075, 3 / 2 ** 1076, 1 / 2 ** 1100)
print((2 ** 53 + 1) / 1, (2 ** 54 + 3) / 2)
print(123456789 ** 5 / 987654321 ** 3)
try:
    print(2 ** 1024 / 1)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
