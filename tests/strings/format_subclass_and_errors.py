# str.format: subclass __str__ with an empty spec, huge indices, format_map positional fields (test_unicode).
class S(str):
    def __str__(self): return '__str__ overridden'
s = S('xxx')
print("{}".format(s), format(s), format(s, ''), f"{s}", '%s' % s, "{0!s}".format(s), s.__format__(''))
big = '2345' * 10
for f, a in ((("{[" + big + "]}").format, [0]), (("{0[" + big + "]}").format, [0]), ('{}'.format_map, {'a': 2}), ('{a'.format_map, {'a':2})):
    try: print(f(a))
    except Exception as e: print(type(e).__name__, e)
