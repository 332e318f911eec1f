# Allocations too large to ever succeed raise MemoryError/OverflowError, never abort.
def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, e)

attempt("list repeat", lambda: [0] * (2**62))
attempt("list repeat 2", lambda: [0, 1] * (2**61))
attempt("str repeat", lambda: "a" * (2**62))
attempt("bytes repeat", lambda: b"ab" * (2**62))
attempt("bytearray", lambda: bytearray(2**62))
attempt("tuple repeat", lambda: (1,) * (2**62))
attempt("list extend", lambda: [None] * (2**40) * (2**30))
x = list(range(10))
attempt("still fine", lambda: x * 2)
