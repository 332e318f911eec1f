# 3.11.7's limit on int<->str conversion for non power-of-two bases
import sys
print(sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print(e)
try:
    int("1" * 5000)
except ValueError as e:
    print(e)
print(len(hex(10 ** 5000)), int("1" * 4300) % 1000)
sys.set_int_max_str_digits(6000)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 10000)))
