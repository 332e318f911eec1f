# range iterators at the C-long boundary: which iterator type CPython picks, reversed edges
print(list(reversed(range(0, 2**64, 2**62))), type(reversed(range(0, 2**64, 2**62))).__name__)
print(type(iter(range(0, 2**63-1, 2))).__name__, type(iter(range(0, 2**63-2, 2))).__name__, type(iter(range(2**63-1))).__name__)
print(list(reversed(range(-2**63, -2**63+5, 2))), type(reversed(range(-2**63, -2**63+5, 2))).__name__)
print(list(reversed(range(2**63-5, 2**63-1, 2))), type(reversed(range(2**63-5, 2**63-1, 2))).__name__)
print(list(reversed(range(10, -10, -3))), list(reversed(range(0))), list(reversed(range(5, 5))))
print(list(range(2**63-3, 2**63-1)), list(range(-2**63, -2**63+2)), list(range(2**63-1, 2**63-9, -3)))
print(reversed(range(0)).__reduce__(), iter(range(0, 2**63-1, 2)).__reduce__())
