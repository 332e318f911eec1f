/* pyhash.c — hashing of bytes-like data (siphash13, exactly as CPython 3.11), of
 * doubles (the 2**61-1 modulus scheme shared with int) and of pointers.  The siphash key
 * comes from PYTHONHASHSEED: unset/"random" = urandom, 0 = zero key (no randomisation),
 * N = CPython's LCG expansion of N, so hashes and set order match CPython's. */
#include "Python.h"
#include <fcntl.h>
#include <unistd.h>

int _Py_HashSecret_Initialized = 0;
uint64_t _Py_HashSecret_k0 = 0, _Py_HashSecret_k1 = 0;

/* ---- siphash13 ---- */

#define ROTATE(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d;                  \
    b = ROTATE(b, s) ^ a;            \
    d = ROTATE(d, t) ^ c;            \
    a = ROTATE(a, 32);
#define SINGLE_ROUND(v0, v1, v2, v3)     \
    HALF_ROUND(v0, v1, v2, v3, 13, 16);  \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t siphash13(uint64_t k0, uint64_t k1, const void *src, Py_ssize_t src_sz)
{
    uint64_t b = (uint64_t)src_sz << 56;
    const uint8_t *in = (const uint8_t *)src;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    while (src_sz >= 8) {
        uint64_t mi;
        memcpy(&mi, in, sizeof(mi));   /* little-endian host assumed (x86-64, aarch64) */
        in += 8;
        src_sz -= 8;
        v3 ^= mi;
        SINGLE_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    uint8_t *pt = (uint8_t *)&t;
    switch (src_sz) {
    case 7: pt[6] = in[6]; /* fall through */
    case 6: pt[5] = in[5]; /* fall through */
    case 5: pt[4] = in[4]; /* fall through */
    case 4: memcpy(pt, in, sizeof(uint32_t)); break;
    case 3: pt[2] = in[2]; /* fall through */
    case 2: pt[1] = in[1]; /* fall through */
    case 1: pt[0] = in[0]; /* fall through */
    default: break;
    }
    b |= t;
    v3 ^= b;
    SINGLE_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    SINGLE_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

Py_hash_t _Py_HashBytes(const void *src, Py_ssize_t len)
{
    if (len == 0)
        return 0;
    if (!_Py_HashSecret_Initialized)
        _Py_HashSecret_Init();
    Py_hash_t x = (Py_hash_t)siphash13(_Py_HashSecret_k0, _Py_HashSecret_k1, src, len);
    return x == -1 ? -2 : x;
}

/* ---- numbers: hash(x) == hash(y) whenever x == y across int/float/Fraction ---- */

Py_hash_t _Py_HashDouble(PyObject *inst, double v)
{
    if (!isfinite(v)) {
        if (isinf(v))
            return v > 0 ? _PyHASH_INF : -_PyHASH_INF;
        return _Py_HashPointer(inst);   /* NaNs hash by identity (3.10+) */
    }
    int e, sign = 1;
    double m = frexp(v, &e);
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* Process 28 bits at a time, reducing modulo 2**61-1. */
    Py_uhash_t x = 0;
    while (m) {
        x = ((x << 28) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - 28);
        m *= 268435456.0;   /* 2**28 */
        e -= 28;
        Py_uhash_t y = (Py_uhash_t)m;
        m -= y;
        x += y;
        if (x >= _PyHASH_MODULUS)
            x -= _PyHASH_MODULUS;
    }
    e = e >= 0 ? e % _PyHASH_BITS : _PyHASH_BITS - 1 - ((-1 - e) % _PyHASH_BITS);
    x = ((x << e) & _PyHASH_MODULUS) | x >> (_PyHASH_BITS - e);
    x = x * sign;
    if (x == (Py_uhash_t)-1)
        x = (Py_uhash_t)-2;
    return (Py_hash_t)x;
}

Py_hash_t _Py_HashPointerRaw(const void *p)
{
    size_t y = (size_t)p;
    /* Bottom 3-4 bits are likely zero: rotate them to the top. */
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    return (Py_hash_t)y;
}

Py_hash_t _Py_HashPointer(const void *p)
{
    Py_hash_t x = _Py_HashPointerRaw(p);
    return x == -1 ? -2 : x;
}

/* ---- the secret ---- */

static void lcg_urandom(unsigned int x0, unsigned char *buffer, size_t size)
{
    unsigned int x = x0;
    for (size_t i = 0; i < size; i++) {
        x *= 214013;
        x += 2531011;
        buffer[i] = (x >> 16) & 0xff;   /* modulo 2**32 */
    }
}

int _Py_HashSecret_Init(void)
{
    unsigned char secret[24];   /* sizeof(_Py_HashSecret_t) in CPython */
    memset(secret, 0, sizeof secret);
    /* PyConfig.hash_seed: PYTHONHASHSEED, already dropped by main.c under -E and -R */
    const char *env = _PyInterpreterState_GET()->config.hash_seed;
    if (env != NULL && *env != '\0' && strcmp(env, "random") != 0) {
        char *endptr;
        unsigned long seed = strtoul(env, &endptr, 10);
        if (*endptr != '\0' || seed > 4294967295UL) {
            fprintf(stderr, "Fatal Python error: PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]\n");
            exit(1);
        }
        if (seed != 0)
            lcg_urandom((unsigned int)seed, secret, sizeof secret);
    } else {
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        size_t got = 0;
        if (fd >= 0) {
            while (got < sizeof secret) {
                ssize_t n = read(fd, secret + got, sizeof secret - got);
                if (n <= 0)
                    break;
                got += (size_t)n;
            }
            close(fd);
        }
        if (got < sizeof secret)
            lcg_urandom((unsigned int)getpid() ^ (unsigned int)(uintptr_t)&got, secret, sizeof secret);
    }
    memcpy(&_Py_HashSecret_k0, secret, 8);
    memcpy(&_Py_HashSecret_k1, secret + 8, 8);
    _Py_HashSecret_Initialized = 1;
    return 0;
}
