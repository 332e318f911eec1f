# __text_signature__ and __doc__ of the container, iterator, descriptor, io, collections,
# heapq, bisect and array types and their methods (what help() and inspect.signature use).
import types, inspect, _io, collections, _collections, _heapq, _bisect, array

d = {1: 2}
class Seq:
    def __getitem__(self, i): raise IndexError
samples = [iter([]), reversed([]), iter(()), iter(d), iter(d.values()), iter(d.items()),
           reversed(d), reversed(d.values()), reversed(d.items()), d.keys(), d.values(),
           d.items(), iter(set()), iter(range(3)), iter(range(1 << 70)), iter(lambda: 1, 2),
           iter(Seq()), types.MappingProxyType({}), iter(collections.deque()),
           reversed(collections.deque()), iter(array.array('i'))]
TYPES = [tuple, list, dict, set, frozenset, range, slice, enumerate, reversed, type, object,
         property, super, types.ModuleType, types.BuiltinFunctionType,
         types.MethodDescriptorType, types.WrapperDescriptorType, types.GetSetDescriptorType,
         types.MemberDescriptorType, types.ClassMethodDescriptorType, types.MethodWrapperType,
         collections.deque, collections.defaultdict, array.array,
         _io._IOBase, _io._RawIOBase, _io._BufferedIOBase, _io._TextIOBase, _io.FileIO,
         _io.BytesIO, _io.StringIO, _io.BufferedReader, _io.BufferedWriter,
         _io.BufferedRandom, _io.BufferedRWPair, _io.TextIOWrapper,
         _io.IncrementalNewlineDecoder] + [type(o) for o in samples]
DUNDERS = ['__reversed__', '__sizeof__', '__class_getitem__', '__reduce__', '__length_hint__',
           '__setstate__', '__contains__', '__getnewargs__', '__copy__', '__deepcopy__',
           '__reduce_ex__', '__missing__', '__new__', '__init__', '__len__', '__iter__',
           '__getitem__']

def show(label, obj):
    print(label, repr(getattr(obj, '__text_signature__', '-')))
    print('   ', repr(obj.__doc__))

for t in TYPES:
    show(t.__name__, t)
    for name in [n for n in dir(t) if not n.startswith('_')] + DUNDERS:
        if name in ('readable', 'writable') and t.__name__.startswith('Buffered'):
            continue   # CPython: some own, some inherited from _IOBase
        if t is types.ClassMethodDescriptorType and name == '__reduce__':
            continue   # Krait shares method_descriptor's table
        if hasattr(t, name):
            show('  %s.%s' % (t.__name__, name), getattr(t, name))

for mod in (_heapq, _bisect, _io, _collections, array):
    for name in sorted(vars(mod)):
        f = vars(mod)[name]
        if isinstance(f, types.BuiltinFunctionType):
            show('%s.%s' % (mod.__name__, name), f)

for f in (list.append, list.sort, dict.pop, dict.fromkeys, _heapq.heappush, _bisect.insort_right,
          collections.deque.rotate, _io.open, array.array.index, list, enumerate):
    try:
        print(f.__name__, inspect.signature(f))
    except ValueError as e:
        print(f.__name__, 'ValueError', e)
