import uuid
u = uuid.UUID("12345678-1234-5678-1234-567812345678")
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.fields, u.version, u.variant, u.urn)
print(uuid.uuid3(uuid.NAMESPACE_DNS, "python.org"), uuid.uuid5(uuid.NAMESPACE_URL, "http://x"), uuid.NAMESPACE_OID)
r = uuid.uuid4(); print(r.version, len(str(r)), uuid.UUID(str(r)) == r, uuid.uuid1().version)
print(uuid.UUID(bytes=b"\x00" * 16), uuid.UUID(int=1), uuid.UUID("{12345678123456781234567812345678}"), uuid.UUID(u.hex) < uuid.UUID(int=2**127))
try:
    uuid.UUID("bad")
except ValueError as e:
    print(e)
