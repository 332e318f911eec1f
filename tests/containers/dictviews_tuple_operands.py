# Set operations of dict views with a tuple (or other non-set iterable) operand: the
# operand is one argument, never splatted (test_dictviews.test_keys_set_operations).
d = {'a': 1, 'b': 2}
print(sorted(d.keys() ^ ('b', 'c')))
print(sorted(d.keys() - ('a',)))
print(sorted(d.keys() & ('a', 'b')))
print(sorted(d.items() ^ (('a', 1), ('z', 0))))
print(sorted(d.items() - (('a', 1),)))
print(sorted(('b', 'q') & d.keys()), sorted(['a'] ^ d.keys()))
print(sorted(d.keys() & {'a', 'b', 'c', 'd'}))
