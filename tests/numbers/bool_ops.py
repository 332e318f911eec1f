# bool: a subclass of int with two instances
print(True, False, repr(True), str(False), int(True), float(False), True + True, True * 10, -True, ~True, ~False)
print(True & False, True | False, True ^ True, True & 1, False | 2, type(True & True).__name__, type(True & 1).__name__)
print(bool(), bool(0), bool(1), bool(""), bool("x"), bool([]), bool(0.0), bool(0j), bool(None))
print(isinstance(True, int), issubclass(bool, int), True == 1, False == 0, hash(True), True is bool(1))
print(sum([True, True, False]), sorted([True, False, 2]), f"{True:d} {False!r} {True:>6}")
try:
    class B(bool):
        pass
except TypeError as e:
    print(e)
try:
    bool(x=1)
except TypeError as e:
    print(e)
