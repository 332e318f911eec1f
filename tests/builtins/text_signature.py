# builtins and sys functions carry CPython's "name(sig)\n--\n\n" docstrings:
# __text_signature__, __doc__ and inspect.signature as in 3.11
import builtins, sys, types, inspect
for mod in (builtins, sys):
    for name in sorted(vars(mod)):
        v = vars(mod)[name]
        if isinstance(v, types.BuiltinFunctionType) and name in dir(mod):
            if name in ("open", "_clear_type_cache", "_current_exceptions", "_current_frames",
                        "_debugmallocstats", "_getquickenedcount", "get_asyncgen_hooks",
                        "set_asyncgen_hooks", "get_coroutine_origin_tracking_depth",
                        "set_coroutine_origin_tracking_depth"):
                continue
            print(mod.__name__, name, v.__text_signature__)
print(inspect.signature(len), inspect.signature(sorted), inspect.signature(print))
print(inspect.signature(divmod), inspect.signature(sys.exit))
print(repr(len.__doc__))
print(repr(abs.__doc__), repr(max.__doc__[:40]))
print(sys.getdlopenflags())
print(sys.breakpointhook is sys.__breakpointhook__)
