# Integer literals: decimal, hex, octal, binary, underscores, zeros, big values.
print(0, 00, 0_0, 7, 123456789)
print(0x1F, 0XfF, 0xdead_beef, 0o17, 0O777, 0b1010, 0B1111_0000)
print(1_000_000, 0x_ff, 0o_7, 0b_1)
print(123456789012345678901234567890)
print(0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF)
print(-0b1, -0o10, -0x10)
print(type(0x10), type(10**30))
