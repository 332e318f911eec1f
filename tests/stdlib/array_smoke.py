import array
a = array.array("i", [1, 2, 3])
a.append(4); a.extend([5, 6]); a.insert(0, 0)
print(a, a.typecode, a.itemsize, len(a), a[2], a[1:3], a.index(3), a.count(2))
a.reverse(); print(a.tolist(), a.pop(), a.buffer_info()[1])
b = array.array("d", [1.5, 2.5]); print(b, b.tobytes(), array.array("d", b.tobytes()))
print(array.array("u", "héllo"), array.array("u", "hi").tounicode(), array.array("B", b"\x01\x02"))
c = array.array("h", [1, 2]); c.byteswap(); print(c, c * 2, c + c, c == array.array("h", [256, 512]))
print(array.typecodes)
try:
    array.array("b", [300])
except OverflowError as e:
    print(e)
try:
    array.array("q", [1.5])
except TypeError as e:
    print(e)
m = memoryview(array.array("i", [7, 8])); print(m.format, m.tolist())
