# format(float, '.N') with no type switches to exponent form at exponent N-1 (test_float.test_issue5864).
for v in [1234.56, 1.0, 0.0, 10.0, 123.0, 99.99, 1e-5, 0.0001234, 1e16, 12345.0, -1234.56, 100.0, 1.5]:
    print([format(v, f) for f in ('.1', '.2', '.3', '.4', '.5', '.0', '#.3', '+.2', '.17')], f'{v:.3}', '%s' % v)
print(format(1234.56, '.4'))
print(format(1234.56+12345.6j, '.4'), format(1e3+1j, '.3'))
