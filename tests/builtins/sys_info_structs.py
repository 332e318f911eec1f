# sys.float_info / int_info / hash_info fields, getsizeof of containers, switch interval
import sys
fi = sys.float_info
print(fi)
print(fi.mant_dig, fi.dig, fi.epsilon, fi.radix, fi.rounds, fi.max_10_exp, fi.min_10_exp)
print(2 * sys.float_info.mant_dig + 3)
print(sys.int_info)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.algorithm)
print(sys.getsizeof([]), sys.getsizeof({}), sys.getsizeof(()), sys.getsizeof(1), sys.getsizeof(""))
print(sys.getsizeof(object(), "d") > 0)
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
import statistics
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
