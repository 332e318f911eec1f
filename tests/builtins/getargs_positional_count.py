# PyArg_ParseTupleAndKeywords with positional-only parameters: "exactly"/"at least" in
# the missing-argument message depends on the format's '|' and '$' (ContextVar is "O|$O").
import contextvars
for args, kw in [((), {}), ((), {"default": 1}), (("a", "b"), {})]:
    try:
        contextvars.ContextVar(*args, **kw)
    except TypeError as e:
        print(e)
print(contextvars.ContextVar("v", default=3).get())
