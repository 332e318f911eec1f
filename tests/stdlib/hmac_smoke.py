import hmac, hashlib
h = hmac.new(b"key", b"The quick brown fox", hashlib.sha256)
print(h.hexdigest(), h.name, h.digest_size)
h2 = h.copy(); h2.update(b"!"); print(h2.hexdigest())
print(hmac.digest(b"key", b"msg", "md5").hex(), hmac.compare_digest(b"a", b"a"), hmac.compare_digest("a", "b"))
try:
    hmac.new(b"k")
except TypeError as e:
    print(e)
