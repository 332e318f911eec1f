import secrets, string
print(len(secrets.token_bytes(16)), len(secrets.token_hex(8)), len(secrets.token_urlsafe(9)), secrets.randbelow(1), secrets.randbits(0) if False else "")
print(secrets.choice("a"), secrets.compare_digest("abc", "abc"), all(c in string.hexdigits for c in secrets.token_hex()))
print(0 <= secrets.randbelow(10) < 10, secrets.randbits(8) < 256, type(secrets.SystemRandom().random()).__name__)
try:
    secrets.randbelow(0)
except ValueError as e:
    print(e)
