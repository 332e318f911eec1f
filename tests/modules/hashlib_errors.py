# _hashlib/_blake2 error messages, module contents, subclassing rules.
import _hashlib,hashlib,hmac
for f in (lambda: _hashlib.new('nope'), lambda: _hashlib.hmac_new(b'k', digestmod='nope'), lambda: hashlib.pbkdf2_hmac('nope', b'', b'', 1),lambda: _hashlib.openssl_md5(b'', usedforsecurity=False).name, lambda: hmac.new(b'k', digestmod='nope'), lambda: _hashlib.new('ripemd160').name, lambda:_hashlib.new('md5-sha1').block_size, lambda: hashlib.blake2b(node_offset=-1), lambda: hashlib.blake2s(node_offset=2**48), lambda: hashlib.sha256(string=b'a').hexdigest()[:4], lambda: _hashlib.new(name='md5', string=b'').name,
 lambda: _hashlib.new(5), lambda: hashlib.shake_128().hexdigest(-1), lambda: hashlib.shake_128().digest(2**62), lambda: hashlib.shake_128().digest('a'), lambda: hashlib.shake_128().digest(), lambda: hashlib.blake2b(leaf_size=-1),lambda: hashlib.blake2b(leaf_size=2**32), lambda: _hashlib.hmac_new(b'k', digestmod=len), lambda: _hashlib.hmac_digest(b'k', b'', 'nope'), lambda: hashlib.blake2b(person='a'), lambda: hashlib.shake_256(b'x').hexdigest(length=3),
 lambda: hashlib.md5(b'', b''), lambda: hashlib.blake2b(b'', b''), lambda: hashlib.sha3_256(data=b''), lambda: hashlib.file_digest(__import__('io').BytesIO(b'abc'), 'sha1').hexdigest(),
 lambda: _hashlib.get_fips_mode(), lambda: sorted(_hashlib._constructors.values()), lambda: _hashlib.HASH(), lambda: type(_hashlib.openssl_sha256)):
  try: print(f())
  except BaseException as e: print(type(e).__name__, e)
import _md5, _sha1, _sha256,_sha512,_sha3,_blake2
for m in (_md5, _sha1, _sha256,_sha512,_sha3,_blake2): print(m.__name__, [x for x in dir(m) if x not in ('__file__', '__spec__', '__loader__')])
print(type(_md5.md5()), _sha3.sha3_224(b'a').hexdigest(), _sha256.sha224().name, _sha512.sha384(b'q').hexdigest()[:10], _sha3.shake_128(b'a').hexdigest(4))
S = _sha3.sha3_256
print(S(b'abc').hexdigest()[:8], type(S().copy()).__name__)
for t in (_hashlib.HASH,_hashlib.HASHXOF,_hashlib.HMAC,_md5.MD5Type,_sha3.sha3_224,_sha3.shake_128,_sha256.SHA256Type,_blake2.blake2b):
  try:
    class X(t): pass
    print(t, 'ok')
  except TypeError as e: print(e)
B = hashlib.blake2s
print(B(b'abc', digest_size=4).hexdigest(), type(B().copy()).__name__)
print(sorted(_hashlib.openssl_md_meth_names))
