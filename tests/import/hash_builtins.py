# The hash modules built into the interpreter (_md5, _sha1, _sha256, _sha512, _sha3), as
# CPython 3.11 has them: digests at every length around the block boundaries, chunked
# updates, copies, SHAKE lengths, attributes and errors.  (random uses _sha512.)
import _md5, _sha1, _sha256, _sha512, _sha3, sys, zlib

for name in ("_md5", "_sha1", "_sha256", "_sha512", "_sha3"):
    print(name, name in sys.builtin_module_names,
          sorted(k for k in dir(sys.modules[name]) if not k.startswith("__")))

ctors = [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384,
         _sha512.sha512, _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512]
data = bytes(range(256)) * 5
for ctor in ctors:
    h = ctor()
    print(type(h).__module__, type(h).__name__, h.name, h.digest_size, h.block_size)
    print("  empty", h.hexdigest())
    print("  abc", ctor(b"abc").hexdigest())
    # every length 0..300 through one checksum of the digests (boundaries at 55/56/64/112/128...)
    acc = 0
    for n in range(301):
        acc = zlib.crc32(ctor(data[:n]).digest(), acc)
    print("  lengths 0..300 crc", acc)
    g = ctor()
    for i in range(0, 1280, 37):
        g.update(data[i:i + 37])
    c = g.copy()
    print("  chunked == one", g.digest() == ctor(data).digest(), "copy", c.hexdigest() == g.hexdigest())
    c.update(b"more")
    print("  copy independent", c.digest() != g.digest(), "digest twice", g.digest() == g.digest())
    print("  memoryview/bytearray", ctor(memoryview(b"abc")).digest() == ctor(bytearray(b"abc")).digest())
    print("  million a", ctor(b"a" * 1000000).hexdigest()[:32])

for ctor in (_sha3.shake_128, _sha3.shake_256):
    h = ctor(b"abc")
    print(h.name, h.digest_size, h.block_size, h._capacity_bits, h._rate_bits, h._suffix)
    print("  ", h.hexdigest(0), h.hexdigest(10), h.digest(3))
    print("  long", zlib.crc32(h.digest(1000)), len(h.hexdigest(500)))
    for a in (-1, 2**40, "a"):
        try:
            h.digest(a)
        except Exception as e:
            print("  ", type(e).__name__, e)
s3 = _sha3.sha3_256(b"x")
print(s3._capacity_bits, s3._rate_bits, s3._suffix, _sha3.implementation, _sha3.keccakopt)
print(_sha512.sha512(string=b"abc").hexdigest()[:16], _md5.md5(b"", usedforsecurity=False).hexdigest())

for f in (lambda: _md5.md5("s"), lambda: _md5.md5(1), lambda: _sha1.sha1().update("s"),
          lambda: _sha3.sha3_224(data=b""), lambda: type(_md5.md5())(),
          lambda: _md5.md5(b"", b""), lambda: _sha3.sha3_224("s"), lambda: _sha256.sha256(x=1)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(_sha512.sha512.__doc__)
print(_sha3.sha3_224.__doc__)
print(_md5.md5().update.__doc__)

import random
random.seed("a string seed uses sha512")
print(random.random())
