# StringIO/BytesIO __setstate__ validation, including on a closed object.
import io

for cls, states in [
    (io.StringIO, [("no error", "\n", 0, None), ("no error", "", 0, {'spam': 3}),
                   ("", "f", 0, None), ("", "", -1, None), (b"", "", 0, None),
                   ("", b"", 0, None), ("", "", 0.0, None), ("", "", 0, 0),
                   ("len-test", 0), 0, ("abc", None, 2, None)]),
    (io.BytesIO, [(b"no error", 0, None), (b"x", 0, {'spam': 3}), (b"", -1, None),
                  ("", 0, None), (b"", 0.0, None), (b"", 0, 0), (b"len-test",), 0,
                  (b"abc", 2, None)])]:
    m = cls()
    for st in states:
        try:
            m.__setstate__(st)
            print(cls.__name__, st, "ok", m.tell(), m.getvalue(), getattr(m, "spam", None))
        except (TypeError, ValueError) as e:
            print(cls.__name__, st, type(e).__name__, e)
    m.close()
    try:
        m.__setstate__(states[0])
        print(cls.__name__, "closed: no error")
    except ValueError as e:
        print(cls.__name__, "closed: ValueError", e)
