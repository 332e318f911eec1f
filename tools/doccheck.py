# Lists __text_signature__ and __doc__ of every built-in type and its attributes, one line
# each, so that `krait tools/doccheck.py` can be diffed against `/usr/bin/python3.11
# tools/doccheck.py`.  Owner: objects.  Usage: doccheck.py [--nodoc]
import builtins, sys, types

def extra_types():
    """Built-in types not bound in builtins: iterators, views, and the types module's."""
    out = {}
    samples = [iter([]), reversed([]), iter(()), iter(""), iter(b""), iter(bytearray()),
               iter(set()), iter({}), iter({}.values()), iter({}.items()), reversed({}),
               reversed({}.values()), reversed({}.items()), iter(range(0)), reversed(range(0)),
               {}.keys(), {}.values(), {}.items(), enumerate([]), iter(lambda: 0, 0),
               iter(memoryview(b"")) if hasattr(memoryview, "__iter__") else None]
    for s in samples:
        if s is not None:
            out[type(s).__name__] = type(s)
    for name in sorted(vars(types)):
        v = getattr(types, name)
        if isinstance(v, type) and v.__module__ == "builtins" and v.__name__ not in vars(builtins):
            out.setdefault(v.__name__, v)
    return out

def all_types():
    """name -> object for the builtins' types and functions and extra_types()."""
    objs = {}
    for name, v in vars(builtins).items():
        if isinstance(v, type) or isinstance(v, types.BuiltinFunctionType):
            objs[name] = v
    for name, v in extra_types().items():
        objs.setdefault(name, v)
    return objs

def main():
    nodoc = "--nodoc" in sys.argv
    objs = all_types()
    for name in sorted(objs):
        v = objs[name]
        show(name, v, nodoc)
        if isinstance(v, type):
            for m in sorted(vars(v)):
                mv = vars(v)[m]
                if hasattr(mv, "__text_signature__") or isinstance(mv, (types.GetSetDescriptorType, types.MemberDescriptorType)):
                    show(name + "." + m, mv, nodoc)

def show(name, v, nodoc):
    sig = getattr(v, "__text_signature__", None)
    if nodoc:
        print(name, sig)
    else:
        print(name, sig, repr(getattr(v, "__doc__", None)))

if __name__ == "__main__":
    main()
