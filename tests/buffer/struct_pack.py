import struct
print(struct.calcsize('i'), struct.calcsize('@bi'), struct.calcsize('<bi'), struct.calcsize('P'), struct.calcsize('3s2x?q'), struct.calcsize('0i'))
print(struct.pack('<hHiIqQ', -2, 65535, -3, 7, -1, 2**64-1))
print(struct.pack('>hHiIqQ', -2, 65535, -3, 7, -1, 2**64-1))
print(struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2), struct.pack('!l', 5))
print(struct.unpack('<hHiIqQ', struct.pack('<hHiIqQ', -2, 65535, -3, 7, -1, 2**64-1)))
print(struct.pack('<efd', 1.5, -2.25, 3.125), struct.unpack('<efd', struct.pack('<efd', 1.5, -2.25, 3.125)))
print(struct.pack('>e', 65504.0), struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x00\x02'))
print(struct.pack('5s', b'ab'), struct.pack('3p', b'abcdef'), struct.unpack('3p', b'\x05ab'), struct.pack('c?x', b'z', 7))
print(struct.unpack_from('<h', b'\x00\x01\x02', 1), struct.unpack_from('<h', buffer=b'\x00\x01\x02', offset=-2))
b = bytearray(8); struct.pack_into('<i', b, 2, -1); print(b)
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00'); print(it.__length_hint__(), type(it).__name__)
s = struct.Struct('<2i'); print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00\x00\x00'), type(s))
s2 = struct.Struct(b'>h'); print(s2.format, s2.unpack(b'\x01\x02'))
print(struct.pack('n N P', -1, 5, 0) == struct.pack('@qQQ', -1, 5, 0))
print(struct.pack('<i', True), struct.pack('<d', 3))
class I:
    def __index__(self): return 7
print(struct.pack('<B', I()))
tests = [lambda: struct.pack('<b', 200), lambda: struct.pack('<B', -1), lambda: struct.pack('<h', 40000), lambda: struct.pack('<H', -1),
  lambda: struct.pack('<i', 2**31), lambda: struct.pack('<I', 2**32), lambda: struct.pack('<q', 2**63), lambda: struct.pack('<Q', -1),
  lambda: struct.pack('i', 2**31), lambda: struct.pack('I', -1), lambda: struct.pack('l', 2**63), lambda: struct.pack('h', 2**15), lambda: struct.pack('H', -1),
  lambda: struct.pack('<i', 'x'), lambda: struct.pack('<i', 1.5), lambda: struct.pack('<d', 'x'), lambda: struct.pack('<f', 1e300), lambda: struct.pack('<e', 1e6),
  lambda: struct.pack('<c', b'ab'), lambda: struct.pack('<s', 'x'), lambda: struct.pack('<i'), lambda: struct.pack('<i', 1, 2),
  lambda: struct.unpack('<i', b'abc'), lambda: struct.unpack_from('<i', b'abc', 1), lambda: struct.unpack_from('<i', b'abc', -5),
  lambda: struct.pack_into('<i', bytearray(3), 0, 1), lambda: struct.pack_into('<i', bytearray(3), -2, 1), lambda: struct.pack_into('<i', bytearray(3)),
  lambda: struct.pack_into('<i'), lambda: struct.pack_into('<i', b'abcd', 0, 1),
  lambda: struct.calcsize('<n'), lambda: struct.calcsize('z'), lambda: struct.calcsize('12'), lambda: struct.Struct(5),
  lambda: list(struct.iter_unpack('', b'')), lambda: struct.iter_unpack('<h', b'abc'), lambda: struct.pack(), lambda: struct.calcsize('99999999999999999999i'),
  lambda: struct.pack('<Q', 2**64), lambda: struct.pack('q', 2**63), lambda: struct.pack('Q', -1), lambda: struct.pack('<l', 2**31)]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
print(struct.error, struct.error.__module__, struct.Struct.__module__)
print(struct.pack('<?', []), struct.unpack('<?', b'\x02'), struct.unpack('2c', b'ab'))
print(struct.pack('<i h ', 1, 2), struct.calcsize('ci'), struct.calcsize('ic'), struct.calcsize('cd'), struct.calcsize('hq'))
for f,v in [('>q',2**63),('>Q',-1),('>Q',2**64),('>H',-1),('>I',-1),('>H',70000),('>h',2**70),('>q',2**70),('<Q',2**70),('>L',-1),('>l',2**70),
            ('<I',-1),('<I',2**32),('<L',-1),('<i',-2**31-1),('>h',-40000),('=H',70000),('<l',2**40),('I',2**40),('<b',1000),('=q',2**64),('L',-1),('i',2**70),('<h',2**70), ('<H', 2**70)]:
    try: print(struct.pack(f,v))
    except Exception as e: print(f, v, type(e).__name__, e)
