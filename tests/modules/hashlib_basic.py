# hashlib on _hashlib (OpenSSL) and the builtin _md5/_sha*/_blake2 modules.
import hashlib, hmac, _hashlib

data = b"The quick brown fox jumps over the lazy dog"
for name in ("md5", "sha1", "sha224", "sha256", "sha384", "sha512",
             "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"):
    h = getattr(hashlib, name)(data)
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    h2 = hashlib.new(name)
    h2.update(data[:10]); c = h2.copy(); h2.update(data[10:])
    print(h2.hexdigest() == h.hexdigest(), c.digest() == getattr(hashlib, name)(data[:10]).digest())

for name in ("shake_128", "shake_256"):
    h = hashlib.new(name, data)
    print(name, h.name, h.digest_size, h.hexdigest(20), len(h.digest(100)), h.digest(0))

print(hashlib.new("SHA256", b"x").hexdigest(), hashlib.new("sha512_256", b"x").name)
print(type(hashlib.sha256()).__name__, type(hashlib.shake_128()).__name__)
print(repr(hashlib.md5()).startswith("<md5 _hashlib.HASH object @ 0x"))
print(sorted(hashlib.algorithms_guaranteed))
print("sha256" in hashlib.algorithms_available, "md5" in _hashlib.openssl_md_meth_names)

# big input, in pieces and at once
big = bytes(range(256)) * 1000
h = hashlib.sha256()
for i in range(0, len(big), 777):
    h.update(memoryview(big)[i:i + 777])
print(h.hexdigest() == hashlib.sha256(big).hexdigest(), hashlib.sha1(bytearray(big)).hexdigest())

# errors
for bad in (lambda: hashlib.sha256("abc"), lambda: hashlib.md5(12),
            lambda: hashlib.new("nope"), lambda: hashlib.new(5),
            lambda: hashlib.shake_128(b"").digest(-1),
            lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# pbkdf2 and scrypt
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2, 10).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=16, r=8, p=1, dklen=16).hex())

# hmac
m = hmac.new(b"key", b"msg", "sha256")
print(m.name, m.digest_size, m.block_size, m.hexdigest())
m2 = m.copy(); m2.update(b"more")
print(m.hexdigest() != m2.hexdigest(), hmac.new(b"key", b"msgmore", hashlib.sha256).hexdigest() == m2.hexdigest())
print(hmac.digest(b"k" * 200, b"data", "sha512").hex()[:32], hmac.new(b"k", digestmod=hashlib.md5).hexdigest())
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"))
print(hmac.new(b"key", b"msg", lambda d=b"": hashlib.sha1(d)).hexdigest())
try:
    hmac.new(b"key")
except TypeError as e:
    print(e)

# blake2 parameters
print(hashlib.blake2b(b"abc", digest_size=20, key=b"secret", salt=b"salty", person=b"me").hexdigest())
print(hashlib.blake2s(b"abc", digest_size=16, key=b"k" * 32, salt=b"12345678").hexdigest())
print(hashlib.blake2b(b"x" * 300, fanout=2, depth=3, leaf_size=4096, node_offset=7,
                      node_depth=1, inner_size=64, last_node=True).hexdigest())
print(hashlib.blake2s(b"", fanout=0, depth=255, leaf_size=1, node_offset=2**48 - 1,
                      node_depth=255, inner_size=32, last_node=True).hexdigest())
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE, hashlib.blake2b().block_size)
for kw in ({"digest_size": 65}, {"salt": b"x" * 17}, {"key": b"x" * 65}, {"depth": 0},
           {"inner_size": 70}, {"fanout": 256}):
    try:
        hashlib.blake2b(**kw)
    except ValueError as e:
        print(e)
b = hashlib.blake2b(b"a" * 128); c = b.copy(); c.update(b"b")
print(b.hexdigest()[:16], c.hexdigest()[:16])
