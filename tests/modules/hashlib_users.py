# stdlib modules that sit on hashlib: random (str seeds), secrets, uuid, hmac.
import random, secrets, uuid, hmac, hashlib
random.seed("hello world")
print(random.random(), random.randint(1, 10**6))
random.seed(b"bytes seed")
print(random.random())
print(len(secrets.token_hex(16)), len(secrets.token_bytes(8)), secrets.compare_digest("a", "a"))
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x"))
print(uuid.uuid4().version, len(str(uuid.uuid4())))
print(hmac.HMAC(b"k", b"m", digestmod="sha1").hexdigest())
print(hashlib.pbkdf2_hmac("sha512", b"pw", b"salt" * 4, 50, dklen=70).hex())
