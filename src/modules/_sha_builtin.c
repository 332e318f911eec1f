/* _sha_builtin.c — the hash modules CPython 3.11 builds in (_md5, _sha1, _sha256, _sha512,
 * _sha3), written out here rather than borrowed from OpenSSL so that `import random`
 * (which takes sha512 from _sha512) and hashlib's fallbacks never map libcrypto; _hashlib
 * (OpenSSL, a shared object in lib-dynload) is what hashlib prefers when it is loaded.
 * MD5 (RFC 1321), SHA-1/SHA-2 (FIPS 180-4) and Keccak/SHA-3/SHAKE (FIPS 202).  Owner: dynload. */
#include "Python.h"
#include <stdint.h>

/* The constants, computed exactly from their definitions (square / cube roots of primes,
 * sines, the Keccak LFSR) by a Python script and written out. */
/* MD5: floor(|sin(i + 1)| * 2^32) */
static const uint32_t md5_k[64] = {
    0xd76aa478U, 0xe8c7b756U, 0x242070dbU, 0xc1bdceeeU, 0xf57c0fafU, 0x4787c62aU,
    0xa8304613U, 0xfd469501U, 0x698098d8U, 0x8b44f7afU, 0xffff5bb1U, 0x895cd7beU,
    0x6b901122U, 0xfd987193U, 0xa679438eU, 0x49b40821U, 0xf61e2562U, 0xc040b340U,
    0x265e5a51U, 0xe9b6c7aaU, 0xd62f105dU, 0x02441453U, 0xd8a1e681U, 0xe7d3fbc8U,
    0x21e1cde6U, 0xc33707d6U, 0xf4d50d87U, 0x455a14edU, 0xa9e3e905U, 0xfcefa3f8U,
    0x676f02d9U, 0x8d2a4c8aU, 0xfffa3942U, 0x8771f681U, 0x6d9d6122U, 0xfde5380cU,
    0xa4beea44U, 0x4bdecfa9U, 0xf6bb4b60U, 0xbebfbc70U, 0x289b7ec6U, 0xeaa127faU,
    0xd4ef3085U, 0x04881d05U, 0xd9d4d039U, 0xe6db99e5U, 0x1fa27cf8U, 0xc4ac5665U,
    0xf4292244U, 0x432aff97U, 0xab9423a7U, 0xfc93a039U, 0x655b59c3U, 0x8f0ccc92U,
    0xffeff47dU, 0x85845dd1U, 0x6fa87e4fU, 0xfe2ce6e0U, 0xa3014314U, 0x4e0811a1U,
    0xf7537e82U, 0xbd3af235U, 0x2ad7d2bbU, 0xeb86d391U,
};
/* SHA-256: the first 32 bits of the fractional parts of the cube roots of the first 64 primes */
static const uint32_t sha256_k[64] = {
    0x428a2f98U, 0x71374491U, 0xb5c0fbcfU, 0xe9b5dba5U, 0x3956c25bU, 0x59f111f1U,
    0x923f82a4U, 0xab1c5ed5U, 0xd807aa98U, 0x12835b01U, 0x243185beU, 0x550c7dc3U,
    0x72be5d74U, 0x80deb1feU, 0x9bdc06a7U, 0xc19bf174U, 0xe49b69c1U, 0xefbe4786U,
    0x0fc19dc6U, 0x240ca1ccU, 0x2de92c6fU, 0x4a7484aaU, 0x5cb0a9dcU, 0x76f988daU,
    0x983e5152U, 0xa831c66dU, 0xb00327c8U, 0xbf597fc7U, 0xc6e00bf3U, 0xd5a79147U,
    0x06ca6351U, 0x14292967U, 0x27b70a85U, 0x2e1b2138U, 0x4d2c6dfcU, 0x53380d13U,
    0x650a7354U, 0x766a0abbU, 0x81c2c92eU, 0x92722c85U, 0xa2bfe8a1U, 0xa81a664bU,
    0xc24b8b70U, 0xc76c51a3U, 0xd192e819U, 0xd6990624U, 0xf40e3585U, 0x106aa070U,
    0x19a4c116U, 0x1e376c08U, 0x2748774cU, 0x34b0bcb5U, 0x391c0cb3U, 0x4ed8aa4aU,
    0x5b9cca4fU, 0x682e6ff3U, 0x748f82eeU, 0x78a5636fU, 0x84c87814U, 0x8cc70208U,
    0x90befffaU, 0xa4506cebU, 0xbef9a3f7U, 0xc67178f2U,
};
/* SHA-512: the first 64 bits of the same for the first 80 primes */
static const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};
/* initial values: fractional parts of the square roots of the first 8 primes (SHA-256,
 * SHA-512), of the 9th to 16th (SHA-384; SHA-224 takes their low 32 bits) */
static const uint32_t sha256_iv[8] = {
    0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU,
    0x510e527fU, 0x9b05688cU, 0x1f83d9abU, 0x5be0cd19U,
};
static const uint32_t sha224_iv[8] = {
    0xc1059ed8U, 0x367cd507U, 0x3070dd17U, 0xf70e5939U,
    0xffc00b31U, 0x68581511U, 0x64f98fa7U, 0xbefa4fa4U,
};
static const uint64_t sha512_iv[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint64_t sha384_iv[8] = {
    0xcbbb9d5dc1059ed8ULL, 0x629a292a367cd507ULL, 0x9159015a3070dd17ULL, 0x152fecd8f70e5939ULL,
    0x67332667ffc00b31ULL, 0x8eb44a8768581511ULL, 0xdb0c2e0d64f98fa7ULL, 0x47b5481dbefa4fa4ULL,
};
/* Keccak-f[1600] round constants (the rc(t) LFSR of FIPS 202) */
static const uint64_t keccak_rc[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};
/* rho rotation offsets, indexed [x + 5 * y] */
static const unsigned keccak_rho[25] = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
};
/* MD5 and SHA-1 start from the same words */
static const uint32_t sha1_iv[8] = {
    0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U, 0xc3d2e1f0U,
};

/* ================================================================ the algorithms */

static inline uint32_t rol32(uint32_t x, unsigned n) { return (x << n) | (x >> ((32 - n) & 31)); }
static inline uint32_t ror32(uint32_t x, unsigned n) { return (x >> n) | (x << ((32 - n) & 31)); }
static inline uint64_t rol64(uint64_t x, unsigned n) { return (x << n) | (x >> ((64 - n) & 63)); }
static inline uint64_t ror64(uint64_t x, unsigned n) { return (x >> n) | (x << ((64 - n) & 63)); }

static inline uint32_t load_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint32_t load_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static inline uint64_t load_be64(const unsigned char *p)
{
    return (uint64_t)load_be32(p) << 32 | load_be32(p + 4);
}

/* Merkle-Damgard hashes (MD5, SHA-1, SHA-2) share the buffering and the padding. */
typedef struct {
    union {
        uint32_t w32[8];
        uint64_t w64[8];
    } h;
    uint64_t len;               /* bytes hashed so far */
    unsigned char buf[128];
    unsigned buflen;
} md_state;

static void md5_block(md_state *s, const unsigned char *p)
{
    static const unsigned char shift[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23,
                                            6, 10, 15, 21};
    uint32_t w[16], *h = s->h.w32;
    for (int i = 0; i < 16; i++)
        w[i] = load_le32(p + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        switch (i >> 4) {
        case 0: f = (b & c) | (~b & d); g = i; break;
        case 1: f = (d & b) | (~d & c); g = (5 * i + 1) & 15; break;
        case 2: f = b ^ c ^ d; g = (3 * i + 5) & 15; break;
        default: f = c ^ (b | ~d); g = (7 * i) & 15; break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b += rol32(a + f + md5_k[i] + w[g], shift[(i >> 4) * 4 + (i & 3)]);
        a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

static void sha1_block(md_state *s, const unsigned char *p)
{
    uint32_t w[80], *h = s->h.w32;
    for (int i = 0; i < 16; i++)
        w[i] = load_be32(p + 4 * i);
    for (int i = 16; i < 80; i++)
        w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (b & c) | (~b & d); k = 0x5a827999U; }
        else if (i < 40) { f = b ^ c ^ d; k = 0x6ed9eba1U; }
        else if (i < 60) { f = (b & c) | (b & d) | (c & d); k = 0x8f1bbcdcU; }
        else { f = b ^ c ^ d; k = 0xca62c1d6U; }
        uint32_t t = rol32(a, 5) + f + e + k + w[i];
        e = d; d = c; c = rol32(b, 30); b = a; a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

static void sha256_block(md_state *s, const unsigned char *p)
{
    uint32_t w[64], v[8], *h = s->h.w32;
    for (int i = 0; i < 16; i++)
        w[i] = load_be32(p + 4 * i);
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror32(w[i - 15], 7) ^ ror32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror32(w[i - 2], 17) ^ ror32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, h, sizeof(v));
    for (int i = 0; i < 64; i++) {
        uint32_t e = v[4], a = v[0];
        uint32_t t1 = v[7] + (ror32(e, 6) ^ ror32(e, 11) ^ ror32(e, 25)) +
                      ((e & v[5]) ^ (~e & v[6])) + sha256_k[i] + w[i];
        uint32_t t2 = (ror32(a, 2) ^ ror32(a, 13) ^ ror32(a, 22)) +
                      ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(uint32_t));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += v[i];
}

static void sha512_block(md_state *s, const unsigned char *p)
{
    uint64_t w[80], v[8], *h = s->h.w64;
    for (int i = 0; i < 16; i++)
        w[i] = load_be64(p + 8 * i);
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(v, h, sizeof(v));
    for (int i = 0; i < 80; i++) {
        uint64_t e = v[4], a = v[0];
        uint64_t t1 = v[7] + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) +
                      ((e & v[5]) ^ (~e & v[6])) + sha512_k[i] + w[i];
        uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) +
                      ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(uint64_t));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        h[i] += v[i];
}

/* Keccak-f[1600]: the sponge of SHA-3 and SHAKE. */
typedef struct {
    uint64_t a[25];
    unsigned rate;              /* bytes absorbed per permutation */
    unsigned pos;               /* bytes absorbed into the current block */
    unsigned char suffix;       /* domain bits: 0x06 SHA-3, 0x1f SHAKE */
} keccak_state;

static void keccak_f(uint64_t a[25])
{
    for (int round = 0; round < 24; round++) {
        uint64_t c[5], b[25];
        for (int x = 0; x < 5; x++)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) {
            uint64_t d = c[(x + 4) % 5] ^ rol64(c[(x + 1) % 5], 1);
            for (int y = 0; y < 25; y += 5)
                a[x + y] ^= d;
        }
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = rol64(a[x + 5 * y], keccak_rho[x + 5 * y]);
        for (int y = 0; y < 25; y += 5)
            for (int x = 0; x < 5; x++)
                a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        a[0] ^= keccak_rc[round];
    }
}

static void keccak_absorb(keccak_state *k, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        k->a[k->pos / 8] ^= (uint64_t)p[i] << (8 * (k->pos % 8));
        if (++k->pos == k->rate) {
            keccak_f(k->a);
            k->pos = 0;
        }
    }
}

/* Pads a copy of the state and squeezes n bytes out of it (the object can go on). */
static void keccak_squeeze(const keccak_state *src, unsigned char *out, size_t n)
{
    keccak_state k = *src;
    k.a[k.pos / 8] ^= (uint64_t)k.suffix << (8 * (k.pos % 8));
    k.a[(k.rate - 1) / 8] ^= (uint64_t)0x80 << (8 * ((k.rate - 1) % 8));
    keccak_f(k.a);
    for (size_t i = 0, pos = 0; i < n; i++, pos++) {
        if (pos == k.rate) {
            keccak_f(k.a);
            pos = 0;
        }
        out[i] = (unsigned char)(k.a[pos / 8] >> (8 * (pos % 8)));
    }
}

/* ================================================================ the hash objects */

typedef struct hash_algo {
    const char *name;
    PyTypeObject *type;
    unsigned digest_size, block_size;
    /* Merkle-Damgard: the block function, the initial value, its word size and order */
    void (*block)(md_state *, const unsigned char *);
    const void *iv;
    unsigned word, big_endian;
    /* Keccak: the domain suffix (0: not Keccak) */
    unsigned char suffix;
} hash_algo;

typedef struct {
    PyObject_HEAD
    const hash_algo *algo;
    union {
        md_state md;
        keccak_state k;
    } s;
} HashObject;

static void md_update(md_state *s, const hash_algo *algo, const unsigned char *p, size_t n)
{
    unsigned bs = algo->block_size;
    s->len += n;
    if (s->buflen) {
        size_t take = bs - s->buflen < n ? bs - s->buflen : n;
        memcpy(s->buf + s->buflen, p, take);
        s->buflen += (unsigned)take;
        p += take;
        n -= take;
        if (s->buflen < bs)
            return;
        algo->block(s, s->buf);
        s->buflen = 0;
    }
    for (; n >= bs; p += bs, n -= bs)
        algo->block(s, p);
    memcpy(s->buf, p, n);
    s->buflen = (unsigned)n;
}

/* Pads a copy of the state (0x80, zeros, the length in bits) and writes the digest. */
static void md_final(const md_state *src, const hash_algo *algo, unsigned char *out)
{
    md_state s = *src;
    unsigned bs = algo->block_size, lenbytes = bs / 8;   /* 8 for 64-byte blocks, 16 for 128 */
    uint64_t bits = s.len * 8;
    s.buf[s.buflen++] = 0x80;
    if (s.buflen > bs - lenbytes) {
        memset(s.buf + s.buflen, 0, bs - s.buflen);
        algo->block(&s, s.buf);
        s.buflen = 0;
    }
    memset(s.buf + s.buflen, 0, bs - s.buflen);
    for (int i = 0; i < 8; i++) {
        if (algo->big_endian)
            s.buf[bs - 1 - i] = (unsigned char)(bits >> (8 * i));
        else
            s.buf[bs - lenbytes + i] = (unsigned char)(bits >> (8 * i));
    }
    if (algo->big_endian && lenbytes == 16)
        s.buf[bs - 9] = (unsigned char)(src->len >> 61);   /* the high bits of len * 8 */
    algo->block(&s, s.buf);
    for (unsigned i = 0; i < algo->digest_size; i++) {
        unsigned wi = i / algo->word, bi = i % algo->word;
        uint64_t w = algo->word == 8 ? s.h.w64[wi] : s.h.w32[wi];
        unsigned shift = algo->big_endian ? 8 * (algo->word - 1 - bi) : 8 * bi;
        out[i] = (unsigned char)(w >> shift);
    }
}

static void hash_init(HashObject *h, const hash_algo *algo)
{
    h->algo = algo;
    memset(&h->s, 0, sizeof(h->s));
    if (algo->suffix) {
        h->s.k.rate = algo->block_size;
        h->s.k.suffix = algo->suffix;
    } else {
        memcpy(&h->s.md.h, algo->iv, algo->word == 8 ? 64 : 32);
    }
}

static void hash_feed(HashObject *h, const unsigned char *p, size_t n)
{
    if (h->algo->suffix)
        keccak_absorb(&h->s.k, p, n);
    else
        md_update(&h->s.md, h->algo, p, n);
}

/* Feeds obj (a bytes-like object; str is refused, as in CPython). */
static int hash_feed_object(HashObject *h, PyObject *obj)
{
    if (PyUnicode_Check(obj)) {
        PyErr_SetString(PyExc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_SetString(PyExc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    Py_buffer view;
    if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0)
        return -1;
    if (view.ndim > 1) {
        PyErr_SetString(PyExc_BufferError, "Buffer must be single dimension");
        PyBuffer_Release(&view);
        return -1;
    }
    hash_feed(h, view.buf, (size_t)view.len);
    PyBuffer_Release(&view);
    return 0;
}

static PyObject *hash_new_object(const hash_algo *algo, PyObject *data)
{
    HashObject *h = PyObject_New(HashObject, algo->type);
    if (h == NULL)
        return NULL;
    hash_init(h, algo);
    if (data != NULL && hash_feed_object(h, data) < 0) {
        Py_DECREF(h);
        return NULL;
    }
    return (PyObject *)h;
}

static void hash_dealloc(PyObject *self)
{
    Py_TYPE(self)->tp_free(self);
}

static PyObject *hash_update(PyObject *self, PyObject *obj)
{
    if (hash_feed_object((HashObject *)self, obj) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *hash_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    HashObject *h = (HashObject *)self;
    HashObject *c = PyObject_New(HashObject, Py_TYPE(self));
    if (c == NULL)
        return NULL;
    c->algo = h->algo;
    c->s = h->s;
    return (PyObject *)c;
}

static PyObject *hash_digest_bytes(HashObject *h, size_t n, int hex)
{
    unsigned char small[64], *out = small;
    if (n > sizeof(small) && (out = PyMem_Malloc(n)) == NULL)
        return PyErr_NoMemory();
    if (h->algo->suffix)
        keccak_squeeze(&h->s.k, out, n);
    else
        md_final(&h->s.md, h->algo, out);
    PyObject *r = hex ? _Py_strhex_bytes_with_sep((const char *)out, (Py_ssize_t)n, NULL, 0, 0)
                      : PyBytes_FromStringAndSize((const char *)out, (Py_ssize_t)n);
    if (out != small)
        PyMem_Free(out);
    return r;
}

static PyObject *hash_digest(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    HashObject *h = (HashObject *)self;
    return hash_digest_bytes(h, h->algo->digest_size, 0);
}

static PyObject *hash_hexdigest(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    HashObject *h = (HashObject *)self;
    return hash_digest_bytes(h, h->algo->digest_size, 1);
}

/* SHAKE's digest(length) / hexdigest(length). */
static PyObject *shake_digest_common(PyObject *self, PyObject *arg, int hex)
{
    if (!PyLong_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    if (_PyLong_Sign(arg) < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return NULL;
    }
    size_t n = PyLong_AsSize_t(arg);
    if (n == (size_t)-1 && PyErr_Occurred()) {
        if (!PyErr_ExceptionMatches(PyExc_OverflowError))
            return NULL;
        PyErr_Clear();
        n = (size_t)1 << 29;
    }
    if (n >= ((size_t)1 << 29)) {
        PyErr_SetString(PyExc_ValueError, "length is too large");
        return NULL;
    }
    if (n == 0)
        return hex ? PyUnicode_New(0, 0x7f) : PyBytes_FromStringAndSize(NULL, 0);
    return hash_digest_bytes((HashObject *)self, n, hex);
}

static PyObject *shake_digest(PyObject *self, PyObject *arg)
{
    return shake_digest_common(self, arg, 0);
}

static PyObject *shake_hexdigest(PyObject *self, PyObject *arg)
{
    return shake_digest_common(self, arg, 1);
}

static PyObject *get_name(PyObject *self, void *c)
{
    return PyUnicode_FromString(((HashObject *)self)->algo->name);
}

static PyObject *get_digest_size(PyObject *self, void *c)
{
    return PyLong_FromLong(((HashObject *)self)->algo->digest_size);
}

static PyObject *get_block_size(PyObject *self, void *c)
{
    return PyLong_FromLong(((HashObject *)self)->algo->block_size);
}

static PyObject *get_capacity_bits(PyObject *self, void *c)
{
    return PyLong_FromLong(1600 - 8 * (long)((HashObject *)self)->algo->block_size);
}

static PyObject *get_rate_bits(PyObject *self, void *c)
{
    return PyLong_FromLong(8 * (long)((HashObject *)self)->algo->block_size);
}

static PyObject *get_suffix(PyObject *self, void *c)
{
    char s = (char)((HashObject *)self)->algo->suffix;
    return PyBytes_FromStringAndSize(&s, 1);
}

#define DOC_UPDATE(what)                                                                    \
    "update($self, obj, /)\n--\n\nUpdate this hash object's state with the provided " what "."
#define DOC_DIGEST "Return the digest value as a bytes object."
#define DOC_HEXDIGEST "Return the digest value as a string of hexadecimal digits."
#define DOC_COPY "copy($self, /)\n--\n\nReturn a copy of the hash object."

static PyMethodDef md_methods[] = {
    {"copy", hash_copy, METH_NOARGS, DOC_COPY},
    {"digest", hash_digest, METH_NOARGS, "digest($self, /)\n--\n\n" DOC_DIGEST},
    {"hexdigest", hash_hexdigest, METH_NOARGS, "hexdigest($self, /)\n--\n\n" DOC_HEXDIGEST},
    {"update", hash_update, METH_O, DOC_UPDATE("string")},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef sha3_methods[] = {
    {"copy", hash_copy, METH_NOARGS, DOC_COPY},
    {"digest", hash_digest, METH_NOARGS, "digest($self, /)\n--\n\n" DOC_DIGEST},
    {"hexdigest", hash_hexdigest, METH_NOARGS, "hexdigest($self, /)\n--\n\n" DOC_HEXDIGEST},
    {"update", hash_update, METH_O, DOC_UPDATE("bytes-like object")},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef shake_methods[] = {
    {"copy", hash_copy, METH_NOARGS, DOC_COPY},
    {"digest", shake_digest, METH_O, "digest($self, length, /)\n--\n\n" DOC_DIGEST},
    {"hexdigest", shake_hexdigest, METH_O, "hexdigest($self, length, /)\n--\n\n" DOC_HEXDIGEST},
    {"update", hash_update, METH_O, DOC_UPDATE("bytes-like object")},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef md_getset[] = {
    {"name", get_name, NULL, NULL, NULL},
    {"digest_size", get_digest_size, NULL, NULL, NULL},
    {"block_size", get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyGetSetDef sha3_getset[] = {
    {"name", get_name, NULL, NULL, NULL},
    {"digest_size", get_digest_size, NULL, NULL, NULL},
    {"block_size", get_block_size, NULL, NULL, NULL},
    {"_capacity_bits", get_capacity_bits, NULL, NULL, NULL},
    {"_rate_bits", get_rate_bits, NULL, NULL, NULL},
    {"_suffix", get_suffix, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyObject *sha3_new(PyTypeObject *type, PyObject *args, PyObject *kwargs);

/* The md5/sha types are made by their module's functions only; the _sha3 types are called. */
#define NO_NEW NULL, Py_TPFLAGS_DISALLOW_INSTANTIATION
#define SHA3_NEW sha3_new, 0
#define HASH_TYPE(var, tpname, methods, getset, new_and_flags, doc)                         \
    HASH_TYPE_(var, tpname, methods, getset, new_and_flags, doc)
#define HASH_TYPE_(var, tpname, methods, getset, new, flags, doc)                           \
    static PyTypeObject var = {                                                             \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                              \
        .tp_name = tpname,                                                                  \
        .tp_basicsize = sizeof(HashObject),                                                 \
        .tp_dealloc = hash_dealloc,                                                         \
        .tp_flags = Py_TPFLAGS_DEFAULT | (flags),                                           \
        .tp_doc = doc,                                                                      \
        .tp_methods = methods,                                                              \
        .tp_getset = getset,                                                                \
        .tp_new = new,                                                                      \
    };

HASH_TYPE(MD5_type, "_md5.md5", md_methods, md_getset, NO_NEW, NULL)
HASH_TYPE(SHA1_type, "_sha1.sha1", md_methods, md_getset, NO_NEW, NULL)
HASH_TYPE(SHA224_type, "_sha256.sha224", md_methods, md_getset, NO_NEW, NULL)
HASH_TYPE(SHA256_type, "_sha256.sha256", md_methods, md_getset, NO_NEW, NULL)
HASH_TYPE(SHA384_type, "_sha512.sha384", md_methods, md_getset, NO_NEW, NULL)
HASH_TYPE(SHA512_type, "_sha512.sha512", md_methods, md_getset, NO_NEW, NULL)
#define SHA3_DOC(n, bytes)                                                                  \
    n "([data], *, usedforsecurity=True) -> SHA3 object\n\nReturn a new SHA3 hash object "  \
      "with a hashbit length of " #bytes " bytes."
#define SHAKE_DOC(n)                                                                        \
    n "([data], *, usedforsecurity=True) -> SHAKE object\n\nReturn a new SHAKE hash object."
HASH_TYPE(SHA3_224_type, "_sha3.sha3_224", sha3_methods, sha3_getset, SHA3_NEW,
          SHA3_DOC("sha3_224", 28))
HASH_TYPE(SHA3_256_type, "_sha3.sha3_256", sha3_methods, sha3_getset, SHA3_NEW,
          SHA3_DOC("sha3_256", 32))
HASH_TYPE(SHA3_384_type, "_sha3.sha3_384", sha3_methods, sha3_getset, SHA3_NEW,
          SHA3_DOC("sha3_384", 48))
HASH_TYPE(SHA3_512_type, "_sha3.sha3_512", sha3_methods, sha3_getset, SHA3_NEW,
          SHA3_DOC("sha3_512", 64))
HASH_TYPE(SHAKE128_type, "_sha3.shake_128", shake_methods, sha3_getset, SHA3_NEW,
          SHAKE_DOC("shake_128"))
HASH_TYPE(SHAKE256_type, "_sha3.shake_256", shake_methods, sha3_getset, SHA3_NEW,
          SHAKE_DOC("shake_256"))

static const hash_algo algo_md5 = {"md5", &MD5_type, 16, 64, md5_block, sha1_iv, 4, 0, 0};
static const hash_algo algo_sha1 = {"sha1", &SHA1_type, 20, 64, sha1_block, sha1_iv, 4, 1, 0};
static const hash_algo algo_sha224 = {"sha224", &SHA224_type, 28, 64, sha256_block, sha224_iv,
                                      4, 1, 0};
static const hash_algo algo_sha256 = {"sha256", &SHA256_type, 32, 64, sha256_block, sha256_iv,
                                      4, 1, 0};
static const hash_algo algo_sha384 = {"sha384", &SHA384_type, 48, 128, sha512_block, sha384_iv,
                                      8, 1, 0};
static const hash_algo algo_sha512 = {"sha512", &SHA512_type, 64, 128, sha512_block, sha512_iv,
                                      8, 1, 0};
static const hash_algo algo_sha3_224 = {"sha3_224", &SHA3_224_type, 28, 144, NULL, NULL, 0, 0, 6};
static const hash_algo algo_sha3_256 = {"sha3_256", &SHA3_256_type, 32, 136, NULL, NULL, 0, 0, 6};
static const hash_algo algo_sha3_384 = {"sha3_384", &SHA3_384_type, 48, 104, NULL, NULL, 0, 0, 6};
static const hash_algo algo_sha3_512 = {"sha3_512", &SHA3_512_type, 64, 72, NULL, NULL, 0, 0, 6};
static const hash_algo algo_shake128 = {"shake_128", &SHAKE128_type, 0, 168, NULL, NULL, 0, 0,
                                        0x1f};
static const hash_algo algo_shake256 = {"shake_256", &SHAKE256_type, 0, 136, NULL, NULL, 0, 0,
                                        0x1f};

/* sha3_224(data=b'', /, *, usedforsecurity=True) and the other _sha3 types. */
static PyObject *sha3_new(PyTypeObject *type, PyObject *args, PyObject *kwargs)
{
    static const hash_algo *const algos[] = {&algo_sha3_224, &algo_sha3_256, &algo_sha3_384,
                                             &algo_sha3_512, &algo_shake128, &algo_shake256};
    const hash_algo *algo = NULL;
    for (size_t i = 0; i < Py_ARRAY_LENGTH(algos); i++)
        if (PyType_IsSubtype(type, algos[i]->type))
            algo = algos[i];
    static char *kwlist[] = {"", "usedforsecurity", NULL};
    PyObject *data = NULL;
    int usedforsecurity = 1;
    char fmt[64];
    snprintf(fmt, sizeof(fmt), "|O$p:%s", algo ? algo->name : "sha3");
    if (algo == NULL || !PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, &data,
                                                     &usedforsecurity))
        return NULL;
    HashObject *h = (HashObject *)type->tp_alloc(type, 0);
    if (h == NULL)
        return NULL;
    hash_init(h, algo);
    if (data != NULL && hash_feed_object(h, data) < 0) {
        Py_DECREF(h);
        return NULL;
    }
    return (PyObject *)h;
}

/* md5(string=b'', *, usedforsecurity=True) and the other module-level constructors. */
static PyObject *construct(const hash_algo *algo, PyObject *args, PyObject *kwargs)
{
    static char *kwlist[] = {"string", "usedforsecurity", NULL};
    PyObject *data = NULL;
    int usedforsecurity = 1;
    char fmt[32];
    snprintf(fmt, sizeof(fmt), "|O$p:%s", algo->name);
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, fmt, kwlist, &data, &usedforsecurity))
        return NULL;
    return hash_new_object(algo, data);
}

#define CONSTRUCTOR(fn)                                                                     \
    static PyObject *ctor_##fn(PyObject *m, PyObject *args, PyObject *kwargs)               \
    {                                                                                       \
        return construct(&algo_##fn, args, kwargs);                                         \
    }
CONSTRUCTOR(md5)
CONSTRUCTOR(sha1)
CONSTRUCTOR(sha224)
CONSTRUCTOR(sha256)
CONSTRUCTOR(sha384)
CONSTRUCTOR(sha512)

#define CTOR_DEF(fn, label)                                                                 \
    {#fn, (PyCFunction)(void (*)(void))ctor_##fn, METH_VARARGS | METH_KEYWORDS,             \
     #fn "($module, /, string=b'', *, usedforsecurity=True)\n--\n\nReturn a new " label     \
         " hash object; optionally initialized with a string."}

static PyMethodDef md5_functions[] = {CTOR_DEF(md5, "MD5"), {NULL, NULL, 0, NULL}};
static PyMethodDef sha1_functions[] = {CTOR_DEF(sha1, "SHA1"), {NULL, NULL, 0, NULL}};
static PyMethodDef sha256_functions[] = {CTOR_DEF(sha224, "SHA-224"),
                                         CTOR_DEF(sha256, "SHA-256"), {NULL, NULL, 0, NULL}};
static PyMethodDef sha512_functions[] = {CTOR_DEF(sha384, "SHA-384"),
                                         CTOR_DEF(sha512, "SHA-512"), {NULL, NULL, 0, NULL}};

static struct PyModuleDef md5_module = {PyModuleDef_HEAD_INIT, "_md5", NULL, -1, md5_functions};
static struct PyModuleDef sha1_module = {PyModuleDef_HEAD_INIT, "_sha1", NULL, -1, sha1_functions};
static struct PyModuleDef sha256_module = {PyModuleDef_HEAD_INIT, "_sha256", NULL, -1,
                                           sha256_functions};
static struct PyModuleDef sha512_module = {PyModuleDef_HEAD_INIT, "_sha512", NULL, -1,
                                           sha512_functions};
static struct PyModuleDef sha3_module = {PyModuleDef_HEAD_INIT, "_sha3", NULL, -1, NULL};

/* The module of `def` with each (attribute name, type) of the NULL-terminated lists. */
static PyObject *make_module(struct PyModuleDef *def, const char *const *names,
                             PyTypeObject *const *types)
{
    for (int i = 0; names[i]; i++)
        if (PyType_Ready(types[i]) < 0)
            return NULL;
    PyObject *m = PyModule_Create(def);
    if (m == NULL)
        return NULL;
    for (int i = 0; names[i]; i++)
        if (PyModule_AddObjectRef(m, names[i], (PyObject *)types[i]) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    return m;
}

PyObject *PyInit__md5(void)
{
    static const char *const n[] = {"MD5Type", NULL};
    static PyTypeObject *const t[] = {&MD5_type};
    return make_module(&md5_module, n, t);
}

PyObject *PyInit__sha1(void)
{
    static const char *const n[] = {"SHA1Type", NULL};
    static PyTypeObject *const t[] = {&SHA1_type};
    return make_module(&sha1_module, n, t);
}

PyObject *PyInit__sha256(void)
{
    static const char *const n[] = {"SHA224Type", "SHA256Type", NULL};
    static PyTypeObject *const t[] = {&SHA224_type, &SHA256_type};
    return make_module(&sha256_module, n, t);
}

PyObject *PyInit__sha512(void)
{
    /* CPython 3.11 names only SHA384Type in the module (both types exist) */
    static const char *const n[] = {"SHA384Type", NULL};
    static PyTypeObject *const t[] = {&SHA384_type};
    if (PyType_Ready(&SHA512_type) < 0)
        return NULL;
    return make_module(&sha512_module, n, t);
}

PyObject *PyInit__sha3(void)
{
    static const char *const n[] = {"sha3_224", "sha3_256", "sha3_384", "sha3_512",
                                    "shake_128", "shake_256", NULL};
    static PyTypeObject *const t[] = {&SHA3_224_type, &SHA3_256_type, &SHA3_384_type,
                                      &SHA3_512_type, &SHAKE128_type, &SHAKE256_type};
    PyObject *m = make_module(&sha3_module, n, t);
    if (m == NULL)
        return NULL;
    if (PyModule_AddStringConstant(m, "implementation", "tiny_sha3") < 0 ||
        PyModule_AddIntConstant(m, "keccakopt", 0) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
