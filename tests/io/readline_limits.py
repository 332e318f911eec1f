# TextIOWrapper.readline(limit) for every newline mode, with lines split across tiny chunks.
import io
data = "ab\r\ncd\ref\ngh" * 3 + "x" * 20 + "\r"
for newline in (None, "", "\n", "\r", "\r\n"):
    for cs in (1, 2, 3, 4, 8192):
        for limit in (-1, 0, 1, 2, 3, 5):
            t = io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8", newline=newline)
            t._CHUNK_SIZE = cs
            out = []
            for _ in range(40):
                l = t.readline(limit)
                if not l and limit != 0: break
                out.append(l)
                if limit == 0 and len(out) > 2: break
            print(repr(newline), cs, limit, out)
