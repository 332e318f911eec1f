# find/count/index/startswith argument-count errors use 3.11's "find() takes ..." wording.
for m in ['find', 'rfind', 'index', 'rindex', 'count', 'startswith', 'endswith']:
    for a in [(), ('x', None, None, None)]:
        for obj in ('hello', b'hello', bytearray(b'hello')):
            try:
                getattr(obj, m)(*a)
            except TypeError as e:
                print(type(obj).__name__, m, e)
