# StringIO and BytesIO.
import _io
s = _io.StringIO("line1\nline2\r\nline3\rline4", newline=None)
print(list(s), s.newlines)
s = _io.StringIO(newline="\r\n")
s.write("a\nb\n"); print(repr(s.getvalue()))
s = _io.StringIO("abcdef")
print(s.read(2), s.tell(), s.seek(0, 2), s.read(), s.seek(1), s.truncate(), repr(s.getvalue()))
s.seek(10); s.write("z"); print(repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering)
b = _io.BytesIO(b"one\ntwo\nthree")
print(b.readlines(), b.tell(), b.seek(-3, 2), b.read(), b.seek(20), b.write(b"!"), b.getvalue())
b = _io.BytesIO()
b.writelines([b"a", b"b"]); print(b.getvalue(), b.truncate(1), b.getvalue(), b.tell())
with _io.BytesIO(b"x") as b:
    print(b.read(), b.closed)
print(b.closed)
print(_io.StringIO("x\ny").readlines(), _io.StringIO("abc").__getstate__())
