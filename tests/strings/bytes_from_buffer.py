# bytes()/bytearray() of a non-contiguous buffer copy the logical items.
m = memoryview(b'abcdef')
print(bytes(m[::2]), bytearray(m[::-1]), bytes(m[1::3]), bytearray(m[::2]))
print(bytes(memoryview(bytearray(b'0123456789'))[8:1:-3]))
