# other types consuming strided (non-contiguous) memoryviews must copy in logical order
m = memoryview(b'abcdef')[::2]
print(bytes(m), bytearray(m), m.tobytes())
