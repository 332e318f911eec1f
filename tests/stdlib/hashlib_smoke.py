import hashlib
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_256", "blake2b", "blake2s"]:
    h = hashlib.new(name, b"abc"); h.update(b"def")
    print(name, h.hexdigest(), h.digest_size, h.block_size, h.name)
h = hashlib.sha256(); h.update(b"a"); c = h.copy(); c.update(b"b")
print(h.hexdigest()[:16], c.hexdigest()[:16], hashlib.md5(b"").digest())
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex())
print(hashlib.blake2b(b"x", digest_size=16, key=b"k").hexdigest(), hashlib.shake_128(b"x").hexdigest(8))
print(sorted(hashlib.algorithms_guaranteed))
try:
    hashlib.new("nope")
except ValueError as e:
    print(e)
