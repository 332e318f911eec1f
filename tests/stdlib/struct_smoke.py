import struct
print(struct.pack("<hIq", -2, 3, -4), struct.pack(">d", 1.5), struct.pack("@i", 1) == (1).to_bytes(4, "little"))
print(struct.unpack("<hIq", struct.pack("<hIq", -2, 3, -4)), struct.calcsize("<hIq"), struct.calcsize("@bi"))
print(struct.pack("3s5p?x", b"abcdef", b"hi", True), struct.unpack("2H", b"\x01\x00\x02\x00"))
s = struct.Struct(">HH"); print(s.size, s.format, s.pack(1, 2), list(s.iter_unpack(b"\x00\x01\x00\x02" * 2)))
buf = bytearray(8); struct.pack_into("<I", buf, 2, 0xdeadbeef); print(buf, struct.unpack_from("<I", buf, 2))
print(struct.pack("e", 0.5), struct.unpack("<f", struct.pack("<f", 0.1)))
for fmt, args in [("b", (200,)), ("h", ("x",)), ("i", (1, 2)), ("z", (1,))]:
    try:
        struct.pack(fmt, *args)
    except struct.error as e:
        print("error:", e)
