# Buffered close() goes through self.flush(); close errors chain the flush error;
# _IOBase.close keeps flush's error past a Python __setattr__; the finalizer's
# "unclosed file" ResourceWarning also for subclasses and cycles; FileIO's repr;
# a detached TextIOWrapper keeps repr, encoding, errors, line_buffering, write_through.
import gc, io, os, tempfile, warnings

record = []
class Raw(io.RawIOBase):
    def readable(self): return True
    def writable(self): return True
    def seekable(self): return True
    def readinto(self, b): return 0
    def write(self, b): return len(b)

for tp in (io.BufferedWriter, io.BufferedReader, io.BufferedRandom):
    class MyBuffered(tp):
        def __del__(self):
            record.append(1)
            super().__del__()
        def close(self):
            record.append(2)
            super().close()
        def flush(self):
            record.append(3)
            super().flush()
    b = MyBuffered(Raw())
    del b
    gc.collect()
    print(tp.__name__, record)
    record.clear()

    raw = Raw()
    def bad_flush():
        raise OSError('flush')
    def bad_close():
        raise OSError('close')
    raw.close = bad_close
    b = tp(raw)
    b.flush = bad_flush
    try:
        b.close()
    except OSError as e:
        print(" close:", e.args, type(e.__context__).__name__, e.__context__.args, b.closed)
    raw.close = lambda: None
    b.flush = lambda: None


class R(io.IOBase):
    def __setattr__(self, name, value):
        pass
    def flush(self):
        raise OSError("from flush")
try:
    R().close()
except OSError as e:
    print("IOBase.close:", e)

path = os.path.join(tempfile.mkdtemp(), "f.bin")
class MyFileIO(io.FileIO):
    pass
warnings.simplefilter("always")
for cls, cycle in ((io.FileIO, False), (io.FileIO, True), (MyFileIO, False), (MyFileIO, True)):
    with warnings.catch_warnings(record=True) as w:
        f = cls(path, "w")
        if cycle:
            f.f = f
        del f
        gc.collect()
    print(cls.__name__, cycle, [str(x.message).split(" name=")[0] for x in w])
with warnings.catch_warnings(record=True) as w:
    f = io.BufferedWriter(io.FileIO(path, "w"))
    f.f = f
    del f
    gc.collect()
print("buffered cycle", [str(x.message).split(" name=")[0] for x in w])
with MyFileIO(path, "r") as f:
    print(repr(f).replace(path, "PATH"))
print(repr(f))

t = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
t.write("howdy")
b = t.detach()
print(b.getvalue(), repr(t), t.encoding, t.errors, t.line_buffering, t.write_through, t.buffer)
try:
    t.detach()
except ValueError as e:
    print(e)
u = io.TextIOWrapper.__new__(io.TextIOWrapper)
print(u.encoding, u.buffer, u.line_buffering)
for op in (repr, lambda x: x.errors):
    try:
        op(u)
    except ValueError as e:
        print(e)
os.unlink(path)
