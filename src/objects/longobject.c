/* longobject.c — int: values that fit a C long are stored inline (the fast path of every
 * operation), larger ones in a GMP mpz.  Arithmetic with Python's floor semantics,
 * correctly rounded true division, str<->int with the 3.11.7 digit limit, hashing,
 * bytes conversion and int's methods.  bool (boolobject.c) subclasses this type;
 * the format-spec mini-language's shared part is in unicodeobject.c. */
#include "Python.h"
#include "type_docs.h"

/* tracemalloc: an object reused from a free list gets the traceback of its reuse
 * (CPython's _Py_NewReference does this); kept out of the headers. */
extern int _PyTraceMalloc_active;                 /* obmalloc.c: 1 while tracing */
void _PyTraceMalloc_NewReference(PyObject *op);   /* src/modules/_tracemalloc.c */
#include <gmp.h>
#include <float.h>
#include <ctype.h>
#include <setjmp.h>

#define BIG(v) ((mpz_ptr)((PyLongObject *)(v))->big)
#define IS_SMALL(v) (((PyLongObject *)(v))->big == NULL)
#define IVAL(v) (((PyLongObject *)(v))->ival)

int _Py_int_max_str_digits = _PY_LONG_DEFAULT_MAX_STR_DIGITS;

/* The small-int cache: statically initialised, so ints work before any start-up call. */
#define S(n) { { 1 << 30, &PyLong_Type }, NULL, (n) }
PyLongObject _PyLong_SmallInts[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS] = {
    S(-5), S(-4), S(-3), S(-2), S(-1), S(0),
    S(1), S(2), S(3), S(4), S(5), S(6),
    S(7), S(8), S(9), S(10), S(11), S(12),
    S(13), S(14), S(15), S(16), S(17), S(18),
    S(19), S(20), S(21), S(22), S(23), S(24),
    S(25), S(26), S(27), S(28), S(29), S(30),
    S(31), S(32), S(33), S(34), S(35), S(36),
    S(37), S(38), S(39), S(40), S(41), S(42),
    S(43), S(44), S(45), S(46), S(47), S(48),
    S(49), S(50), S(51), S(52), S(53), S(54),
    S(55), S(56), S(57), S(58), S(59), S(60),
    S(61), S(62), S(63), S(64), S(65), S(66),
    S(67), S(68), S(69), S(70), S(71), S(72),
    S(73), S(74), S(75), S(76), S(77), S(78),
    S(79), S(80), S(81), S(82), S(83), S(84),
    S(85), S(86), S(87), S(88), S(89), S(90),
    S(91), S(92), S(93), S(94), S(95), S(96),
    S(97), S(98), S(99), S(100), S(101), S(102),
    S(103), S(104), S(105), S(106), S(107), S(108),
    S(109), S(110), S(111), S(112), S(113), S(114),
    S(115), S(116), S(117), S(118), S(119), S(120),
    S(121), S(122), S(123), S(124), S(125), S(126),
    S(127), S(128), S(129), S(130), S(131), S(132),
    S(133), S(134), S(135), S(136), S(137), S(138),
    S(139), S(140), S(141), S(142), S(143), S(144),
    S(145), S(146), S(147), S(148), S(149), S(150),
    S(151), S(152), S(153), S(154), S(155), S(156),
    S(157), S(158), S(159), S(160), S(161), S(162),
    S(163), S(164), S(165), S(166), S(167), S(168),
    S(169), S(170), S(171), S(172), S(173), S(174),
    S(175), S(176), S(177), S(178), S(179), S(180),
    S(181), S(182), S(183), S(184), S(185), S(186),
    S(187), S(188), S(189), S(190), S(191), S(192),
    S(193), S(194), S(195), S(196), S(197), S(198),
    S(199), S(200), S(201), S(202), S(203), S(204),
    S(205), S(206), S(207), S(208), S(209), S(210),
    S(211), S(212), S(213), S(214), S(215), S(216),
    S(217), S(218), S(219), S(220), S(221), S(222),
    S(223), S(224), S(225), S(226), S(227), S(228),
    S(229), S(230), S(231), S(232), S(233), S(234),
    S(235), S(236), S(237), S(238), S(239), S(240),
    S(241), S(242), S(243), S(244), S(245), S(246),
    S(247), S(248), S(249), S(250), S(251), S(252),
    S(253), S(254), S(255), S(256),
};
#undef S

/* ==== allocation ==== */

#define FREELIST_MAX 256
static PyLongObject *free_list[FREELIST_MAX];
static int numfree = 0;

static PyLongObject *long_alloc(void)
{
    PyLongObject *op;
    int reused = numfree > 0;
    if (reused) {
        op = free_list[--numfree];
    } else {
        op = (PyLongObject *)PyObject_Malloc(sizeof(PyLongObject));
        if (op == NULL)
            return (PyLongObject *)PyErr_NoMemory();
    }
    PyObject_Init((PyObject *)op, &PyLong_Type);
    if (reused && _PyTraceMalloc_active)
        _PyTraceMalloc_NewReference((PyObject *)op);
    op->big = NULL;
    op->ival = 0;
    return op;
}

/* ==== GMP memory: through PyMem, and out of memory becomes MemoryError ====
 * GMP's own allocator aborts on failure, and GMP aborts ("overflow in mpz type") on
 * sizes over INT_MAX limbs.  So (1) operations whose result can be huge check the
 * result's size first (check_bits: MemoryError when it cannot be represented or a
 * trial allocation of that size fails), and (2) they run under a guard: if an allocation
 * inside GMP still fails, the allocator longjmps back to the guard, which frees what the
 * operation had allocated and raises MemoryError.  Outside a guard a failure is fatal. */

#define GUARD_MAX_BLOCKS 64
static _Thread_local struct {
    int active;
    int nblocks;
    void *blocks[GUARD_MAX_BLOCKS];   /* heap blocks GMP allocated under the guard */
    jmp_buf jb;
} guard;

static void guard_track(void *p)
{
    if (guard.active && guard.nblocks < GUARD_MAX_BLOCKS)
        guard.blocks[guard.nblocks++] = p;
}

static void guard_untrack(void *p)
{
    if (!guard.active)
        return;
    for (int i = 0; i < guard.nblocks; i++) {
        if (guard.blocks[i] == p) {
            guard.blocks[i] = guard.blocks[--guard.nblocks];
            return;
        }
    }
}

static void gmp_out_of_memory(void)
{
    if (guard.active)
        longjmp(guard.jb, 1);
    Py_FatalError("out of memory in an int operation");
}

static void *gmp_alloc(size_t n)
{
    void *p = PyMem_Malloc(n);
    if (p == NULL)
        gmp_out_of_memory();
    guard_track(p);
    return p;
}

static void *gmp_realloc(void *p, size_t oldsize, size_t n)
{
    void *q = PyMem_Realloc(p, n);
    if (q == NULL)
        gmp_out_of_memory();   /* p is still valid and owned by its mpz */
    guard_untrack(p);
    guard_track(q);
    return q;
}

static void gmp_free(void *p, size_t n)
{
    guard_untrack(p);
    PyMem_Free(p);
}

/* Before main(): every mpz, including static ones, must use these functions. */
__attribute__((constructor)) static void gmp_set_allocator(void)
{
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

static void guard_on(void)
{
    guard.nblocks = 0;
    guard.active = 1;
}

static void guard_off(void) { guard.active = 0; }

/* After a longjmp: release the outputs (their blocks untrack themselves), then every
 * other block GMP had allocated (its temporaries); outputs are left valid and zero. */
static int guard_failed(mpz_ptr o1, mpz_ptr o2)
{
    if (o1)
        mpz_clear(o1);
    if (o2)
        mpz_clear(o2);
    while (guard.nblocks > 0)
        PyMem_Free(guard.blocks[--guard.nblocks]);
    guard.active = 0;
    if (o1)
        mpz_init(o1);
    if (o2)
        mpz_init(o2);
    PyErr_NoMemory();
    return -1;
}

/* One guarded GMP call; o1/o2 are its outputs (fresh mpz's, not aliasing inputs).
 * The parameters are not modified after setjmp, so they survive the longjmp. */
#define GUARDED(call, o1, o2)                  \
    do {                                       \
        if (guard.active) {                    \
            call;                              \
            return 0;                          \
        }                                      \
        if (setjmp(guard.jb))                  \
            return guard_failed((o1), (o2));   \
        guard_on();                            \
        call;                                  \
        guard_off();                           \
        return 0;                              \
    } while (0)

typedef void (*mpz_binop)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static int g_binop(mpz_binop op, mpz_ptr z, mpz_srcptr a, mpz_srcptr b) { GUARDED(op(z, a, b), z, NULL); }
static int g_fdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { GUARDED(mpz_fdiv_qr(q, r, a, b), q, r); }
static int g_pow_ui(mpz_ptr z, mpz_srcptr b, unsigned long e) { GUARDED(mpz_pow_ui(z, b, e), z, NULL); }
static int g_powm(mpz_ptr z, mpz_srcptr b, mpz_srcptr e, mpz_srcptr m) { GUARDED(mpz_powm(z, b, e, m), z, NULL); }
static int g_mul_2exp(mpz_ptr z, mpz_srcptr a, mp_bitcnt_t n) { GUARDED(mpz_mul_2exp(z, a, n), z, NULL); }
static int g_set_str(mpz_ptr z, const char *s, int base) { GUARDED(mpz_set_str(z, s, base), z, NULL); }
static int g_get_str(char *buf, int base, mpz_srcptr z) { GUARDED(mpz_get_str(buf, base, z), NULL, NULL); }

/* Can a result of about `bits` bits (plus `extra` times that for temporaries) be made?
 * MemoryError if GMP cannot represent it or the memory cannot be had right now. */
static int check_bits(double bits, double extra)
{
    if (bits < (double)(1 << 26))   /* up to 8 MB: let the guard handle failures */
        return 0;
    if (bits >= (double)INT_MAX * GMP_NUMB_BITS) {
        PyErr_NoMemory();
        return -1;
    }
    double bytes = bits / 8.0 * (1.0 + extra) + 64.0;
    if (bytes >= (double)PY_SSIZE_T_MAX) {
        PyErr_NoMemory();
        return -1;
    }
    void *trial = PyMem_Malloc((size_t)bytes);   /* reserves address space only */
    if (trial == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    PyMem_Free(trial);
    return 0;
}

static inline PyObject *get_small_int(long v)
{
    PyObject *o = (PyObject *)&_PyLong_SmallInts[v + _PY_NSMALLNEGINTS];
    Py_INCREF(o);
    return o;
}

#define IS_SMALL_INT(v) (-_PY_NSMALLNEGINTS <= (v) && (v) < _PY_NSMALLPOSINTS)

PyObject *PyLong_FromLong(long v)
{
    if (IS_SMALL_INT(v))
        return get_small_int(v);
    PyLongObject *op = long_alloc();
    if (op != NULL)
        op->ival = v;
    return (PyObject *)op;
}

/* Take ownership of z's value (z is cleared or moved; do not use it afterwards). */
static PyObject *long_from_mpz_steal(mpz_ptr z)
{
    if (mpz_fits_slong_p(z)) {
        long v = mpz_get_si(z);
        mpz_clear(z);
        return PyLong_FromLong(v);
    }
    mpz_ptr heap = PyMem_Malloc(sizeof(__mpz_struct));
    if (heap == NULL) {
        mpz_clear(z);
        return PyErr_NoMemory();
    }
    *heap = *z;   /* move the limbs: no copy */
    PyLongObject *op = long_alloc();
    if (op == NULL) {
        mpz_clear(heap);
        PyMem_Free(heap);
        return NULL;
    }
    op->big = heap;
    return (PyObject *)op;
}

static PyObject *long_from_mpz(mpz_srcptr z)
{
    if (mpz_fits_slong_p(z))
        return PyLong_FromLong(mpz_get_si(z));
    mpz_t copy;
    mpz_init_set(copy, z);
    return long_from_mpz_steal(copy);
}

static void long_dealloc(PyObject *self)
{
    PyLongObject *op = (PyLongObject *)self;
    if (op->big != NULL) {
        mpz_clear(BIG(op));
        PyMem_Free(op->big);
        op->big = NULL;
    }
    if (Py_IS_TYPE(self, &PyLong_Type)) {
        if (numfree < FREELIST_MAX) {
            free_list[numfree++] = op;
            return;
        }
        PyObject_Free(self);
        return;
    }
    Py_TYPE(self)->tp_free(self);
}

/* A read-only mpz view of any int (a temporary for inline values). */
typedef struct {
    mpz_t tmp;
    mpz_srcptr z;
    int owned;
} zref;

static void zref_init(zref *r, PyObject *v)
{
    if (IS_SMALL(v)) {
        mpz_init_set_si(r->tmp, IVAL(v));
        r->z = r->tmp;
        r->owned = 1;
    } else {
        r->z = BIG(v);
        r->owned = 0;
    }
}

static void zref_clear(zref *r)
{
    if (r->owned)
        mpz_clear(r->tmp);
}

PyObject *PyLong_FromUnsignedLong(unsigned long v)
{
    if (v <= (unsigned long)LONG_MAX)
        return PyLong_FromLong((long)v);
    mpz_t z;
    mpz_init_set_ui(z, v);
    return long_from_mpz_steal(z);
}

PyObject *PyLong_FromLongLong(long long v) { return PyLong_FromLong((long)v); }
PyObject *PyLong_FromUnsignedLongLong(unsigned long long v) { return PyLong_FromUnsignedLong((unsigned long)v); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return PyLong_FromLong((long)v); }
PyObject *PyLong_FromSize_t(size_t v) { return PyLong_FromUnsignedLong((unsigned long)v); }
PyObject *PyLong_FromVoidPtr(void *p) { return PyLong_FromUnsignedLong((unsigned long)(uintptr_t)p); }

PyObject *PyLong_FromDouble(double dval)
{
    if (dval > (double)LONG_MIN && dval < (double)LONG_MAX)
        return PyLong_FromLong((long)dval);   /* truncates toward zero, as int() */
    if (isinf(dval)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(dval)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    mpz_t z;
    mpz_init_set_d(z, dval);
    return long_from_mpz_steal(z);
}

PyObject *_PyLong_Copy(PyLongObject *src)
{
    if (IS_SMALL(src))
        return PyLong_FromLong(src->ival);
    return long_from_mpz(BIG(src));
}

/* ==== conversion to C types ==== */

/* Returns a new reference to an exact-or-subclass int for v, via __index__. */
static PyObject *as_index(PyObject *v)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (PyLong_Check(v))
        return Py_NewRef(v);
    return PyNumber_Index(v);
}

long PyLong_AsLongAndOverflow(PyObject *vv, int *overflow)
{
    *overflow = 0;
    PyObject *v = as_index(vv);
    if (v == NULL)
        return -1;
    long res;
    if (IS_SMALL(v)) {
        res = IVAL(v);
    } else {
        *overflow = mpz_sgn(BIG(v));
        res = -1;
    }
    Py_DECREF(v);
    return res;
}

long PyLong_AsLong(PyObject *obj)
{
    int overflow;
    long result = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return result;
}

long long PyLong_AsLongLongAndOverflow(PyObject *v, int *overflow)
{
    return PyLong_AsLongAndOverflow(v, overflow);
}

long long PyLong_AsLongLong(PyObject *obj)
{
    int overflow;
    long result = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow) {
        /* CPython 3.11 converts through _PyLong_AsByteArray here, hence the wording. */
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    return result;
}

int _PyLong_AsInt(PyObject *obj)
{
    int overflow;
    long result = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow || result > INT_MAX || result < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)result;
}

Py_ssize_t PyLong_AsSsize_t(PyObject *v)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    if (IS_SMALL(v))
        return IVAL(v);
    PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

Py_ssize_t _PyLong_AsSsize_tOrClamp(PyObject *v)
{
    if (IS_SMALL(v))
        return IVAL(v);
    return mpz_sgn(BIG(v)) < 0 ? PY_SSIZE_T_MIN : PY_SSIZE_T_MAX;
}

static unsigned long as_unsigned(PyObject *v, const char *ctype, const char *negmsg)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return (unsigned long)-1;
    }
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return (unsigned long)-1;
    }
    if (IS_SMALL(v)) {
        if (IVAL(v) < 0) {
            PyErr_SetString(PyExc_OverflowError, negmsg);
            return (unsigned long)-1;
        }
        return (unsigned long)IVAL(v);
    }
    if (mpz_sgn(BIG(v)) < 0) {
        PyErr_SetString(PyExc_OverflowError, negmsg);
        return (unsigned long)-1;
    }
    if (mpz_fits_ulong_p(BIG(v)))
        return mpz_get_ui(BIG(v));
    if (strcmp(ctype, "unsigned long long") == 0)     /* via _PyLong_AsByteArray in 3.11 */
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
    else
        PyErr_Format(PyExc_OverflowError, "Python int too large to convert to C %s", ctype);
    return (unsigned long)-1;
}

unsigned long PyLong_AsUnsignedLong(PyObject *v)
{
    return as_unsigned(v, "unsigned long", "can't convert negative value to unsigned int");
}

unsigned long long PyLong_AsUnsignedLongLong(PyObject *v)
{
    return as_unsigned(v, "unsigned long long", "can't convert negative int to unsigned");
}

size_t PyLong_AsSize_t(PyObject *v)
{
    return as_unsigned(v, "size_t", "can't convert negative value to size_t");
}

unsigned long PyLong_AsUnsignedLongMask(PyObject *op)
{
    PyObject *v = as_index(op);
    if (v == NULL)
        return (unsigned long)-1;
    unsigned long res;
    if (IS_SMALL(v)) {
        res = (unsigned long)IVAL(v);
    } else {
        /* Low bits of the two's complement. */
        mpz_t r;
        mpz_init(r);
        mpz_fdiv_r_2exp(r, BIG(v), sizeof(unsigned long) * 8);
        res = mpz_get_ui(r);
        mpz_clear(r);
    }
    Py_DECREF(v);
    return res;
}

unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *op) { return PyLong_AsUnsignedLongMask(op); }

void *PyLong_AsVoidPtr(PyObject *v)
{
    uintptr_t x;
    if (PyLong_Check(v) && _PyLong_Sign(v) < 0)
        x = (uintptr_t)PyLong_AsLong(v);
    else
        x = (uintptr_t)PyLong_AsUnsignedLong(v);
    /* NULL on failure, as 3.11 (the -1 of the conversions is not NULL) */
    if (x == (uintptr_t)-1 && PyErr_Occurred())
        return NULL;
    return (void *)x;
}

int _PyLong_Sign(PyObject *v)
{
    if (IS_SMALL(v))
        return IVAL(v) > 0 ? 1 : IVAL(v) < 0 ? -1 : 0;
    return mpz_sgn(BIG(v));
}

static size_t ulong_bits(unsigned long u)
{
    return u == 0 ? 0 : (size_t)(64 - __builtin_clzl(u));
}

static unsigned long abs_small(long v)
{
    return v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
}

size_t _PyLong_NumBits(PyObject *v)
{
    if (IS_SMALL(v))
        return ulong_bits(abs_small(IVAL(v)));
    return mpz_sizeinbase(BIG(v), 2);
}

/* Round the non-negative integer z to a double, correctly (half to even).
 * Sets *overflow when the result does not fit. */
static double mpz_to_double(mpz_srcptr z, int *overflow)
{
    *overflow = 0;
    size_t nbits = mpz_sizeinbase(z, 2);
    if (mpz_sgn(z) == 0)
        return 0.0;
    if (nbits <= DBL_MANT_DIG)
        return mpz_get_d(z);   /* exact */
    if (nbits > DBL_MAX_EXP) {
        *overflow = 1;
        return -1.0;
    }
    /* Keep 55 bits plus a sticky bit for the rest, then round to 53. */
    size_t shift = nbits - (DBL_MANT_DIG + 2);
    mpz_t q;
    mpz_init(q);
    mpz_tdiv_q_2exp(q, z, shift);
    uint64_t m = mpz_get_ui(q);
    if (mpz_scan1(z, 0) < shift)
        m |= 1;
    mpz_clear(q);
    /* Round off the low 2 bits, half to even. */
    uint64_t low = m & 3, top = m >> 2;
    if (low > 2 || (low == 2 && (top & 1)))
        top++;
    double d = ldexp((double)top, (int)shift + 2);
    if (isinf(d)) {
        *overflow = 1;
        return -1.0;
    }
    return d;
}

double PyLong_AsDouble(PyObject *v)
{
    if (v == NULL) {
        PyErr_BadInternalCall();
        return -1.0;
    }
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    if (IS_SMALL(v))
        return (double)IVAL(v);   /* C rounds to nearest even */
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, BIG(v));
    int overflow;
    double d = mpz_to_double(a, &overflow);
    mpz_clear(a);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return mpz_sgn(BIG(v)) < 0 ? -d : d;
}

/* x = m * 2**e with 0.5 <= |m| < 1, as CPython (m is correctly rounded). */
double _PyLong_Frexp(PyLongObject *a, Py_ssize_t *e)
{
    zref r;
    zref_init(&r, (PyObject *)a);
    size_t nbits = mpz_sizeinbase(r.z, 2);
    double m;
    if (mpz_sgn(r.z) == 0) {
        *e = 0;
        zref_clear(&r);
        return 0.0;
    }
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, r.z);
    if (nbits > DBL_MANT_DIG + 2) {
        /* Reduce to 55 bits + sticky, then round like mpz_to_double. */
        size_t shift = nbits - (DBL_MANT_DIG + 2);
        int sticky = mpz_scan1(t, 0) < shift;
        mpz_tdiv_q_2exp(t, t, shift);
        if (sticky)
            mpz_setbit(t, 0);
        uint64_t mm = mpz_get_ui(t);
        uint64_t low = mm & 3, top = mm >> 2;
        if (low > 2 || (low == 2 && (top & 1)))
            top++;
        m = ldexp((double)top, -(int)(DBL_MANT_DIG));
        *e = (Py_ssize_t)nbits;
        if (m >= 1.0) {
            m /= 2;
            *e += 1;
        }
    } else {
        int ee;
        m = frexp(mpz_get_d(t), &ee);
        *e = ee;
    }
    if (mpz_sgn(r.z) < 0)
        m = -m;
    mpz_clear(t);
    zref_clear(&r);
    return m;
}

/* ==== bytes <-> int ==== */

PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n, int little_endian, int is_signed)
{
    if (n == 0)
        return PyLong_FromLong(0);
    mpz_t z;
    mpz_init(z);
    mpz_import(z, n, little_endian ? -1 : 1, 1, 0, 0, bytes);
    unsigned char msb = little_endian ? bytes[n - 1] : bytes[0];
    if (is_signed && (msb & 0x80)) {
        /* Two's complement: subtract 2**(8n). */
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, n * 8);
        mpz_sub(z, z, p);
        mpz_clear(p);
    }
    return long_from_mpz_steal(z);
}

int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n, int little_endian, int is_signed)
{
    zref r;
    zref_init(&r, (PyObject *)v);
    int sign = mpz_sgn(r.z);
    if (sign < 0 && !is_signed) {
        zref_clear(&r);
        PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    /* Value as an unsigned number in 8n bits (two's complement for negatives). */
    mpz_t t;
    mpz_init_set(t, r.z);
    zref_clear(&r);
    size_t bits = mpz_sizeinbase(t, 2);
    int fits;
    if (sign == 0) {
        fits = 1;
    } else if (!is_signed) {
        fits = bits <= n * 8;
    } else if (sign > 0) {
        fits = bits < n * 8;
    } else {
        /* -2**(8n-1) <= t: |t|-1 must fit in 8n-1 bits. */
        mpz_t m;
        mpz_init(m);
        mpz_neg(m, t);
        mpz_sub_ui(m, m, 1);
        fits = mpz_sgn(m) == 0 || mpz_sizeinbase(m, 2) < n * 8;
        mpz_clear(m);
    }
    if (!fits) {
        mpz_clear(t);
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return -1;
    }
    if (sign < 0) {
        mpz_t p;
        mpz_init(p);
        mpz_setbit(p, n * 8);
        mpz_add(t, t, p);
        mpz_clear(p);
    }
    memset(bytes, 0, n);
    size_t count = 0;
    unsigned char *buf = mpz_export(NULL, &count, -1, 1, 0, 0, t);   /* little-endian */
    for (size_t i = 0; i < count && i < n; i++) {
        if (little_endian)
            bytes[i] = buf[i];
        else
            bytes[n - 1 - i] = buf[i];
    }
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    if (buf)
        freefunc(buf, count);
    mpz_clear(t);
    return 0;
}

/* ==== str <-> int ==== */

static int digit_value(unsigned char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 37;
}

static int is_py_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
           (c >= 0x1c && c <= 0x1f);
}

/* Parse s[0:len) as Python's int() does. Returns NULL with *invalid=1 on a bad literal
 * (the caller words the error), or NULL with an exception for other failures. */
static PyObject *parse_int(const char *s, Py_ssize_t len, int base, int *invalid, const char **pend)
{
    const char *p = s, *end = s + len;
    int negative = 0;
    *invalid = 0;
    while (p < end && is_py_space((unsigned char)*p))
        p++;
    if (p < end && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        p++;
    }
    int prefixed = 0;
    if (p + 1 < end && p[0] == '0') {
        char c = p[1];
        int pb = (c == 'x' || c == 'X') ? 16 : (c == 'o' || c == 'O') ? 8 : (c == 'b' || c == 'B') ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            prefixed = 1;
        }
    }
    int base0_decimal = 0;
    if (base == 0) {
        base = 10;
        base0_decimal = 1;
    }
    if (prefixed && p < end && *p == '_')
        p++;   /* one underscore allowed right after the prefix */
    char stackbuf[64] = {0};
    char *buf = stackbuf;
    Py_ssize_t cap = sizeof stackbuf, n = 0;
    int prev_underscore = 0, nonzero = 0;
    const char *digits_start = p;
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (c == '_') {
            if (prev_underscore || p == digits_start)
                goto invalid;
            prev_underscore = 1;
            p++;
            continue;
        }
        if (digit_value(c) >= base)
            break;
        if (n + 2 > cap) {
            Py_ssize_t ncap = cap * 2;
            char *nb = PyMem_Malloc(ncap);
            if (nb == NULL)
                goto nomem;
            memcpy(nb, buf, n);
            if (buf != stackbuf)
                PyMem_Free(buf);
            buf = nb;
            cap = ncap;
        }
        if (c != '0')
            nonzero = 1;
        buf[n++] = (char)c;
        prev_underscore = 0;
        p++;
    }
    if (n == 0 || prev_underscore)
        goto invalid;
    if (base0_decimal && buf[0] == '0' && nonzero)
        goto invalid;   /* "010" is not a literal */
    if (pend != NULL) {
        *pend = p;
    } else {
        while (p < end && is_py_space((unsigned char)*p))
            p++;
        if (p != end)
            goto invalid;
    }
    buf[n] = '\0';
    /* The digit limit applies to bases that are not powers of two. */
    if ((base & (base - 1)) != 0 && _Py_int_max_str_digits > 0 && n > _Py_int_max_str_digits) {
        if (buf != stackbuf)
            PyMem_Free(buf);
        PyErr_Format(PyExc_ValueError,
                     "Exceeds the limit (%d digits) for integer string conversion: value has %zd digits; "
                     "use sys.set_int_max_str_digits() to increase the limit",
                     _Py_int_max_str_digits, n);
        return NULL;
    }
    PyObject *result;
    if (n <= 15 && base <= 16) {
        long v = strtol(buf, NULL, base);
        result = PyLong_FromLong(negative ? -v : v);
    } else {
        mpz_t z;
        mpz_init(z);
        if (g_set_str(z, buf, base) < 0) {
            mpz_clear(z);
            if (buf != stackbuf)
                PyMem_Free(buf);
            return NULL;
        }
        if (negative)
            mpz_neg(z, z);
        result = long_from_mpz_steal(z);
    }
    if (buf != stackbuf)
        PyMem_Free(buf);
    return result;
invalid:
    if (buf != stackbuf)
        PyMem_Free(buf);
    *invalid = 1;
    return NULL;
nomem:
    if (buf != stackbuf)
        PyMem_Free(buf);
    return PyErr_NoMemory();
}

static int check_base(int base)
{
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return -1;
    }
    return 0;
}

PyObject *PyLong_FromString(const char *str, char **pend, int base)
{
    if (check_base(base) < 0)
        return NULL;
    int invalid;
    const char *end = NULL;
    PyObject *res = parse_int(str, (Py_ssize_t)strlen(str), base, &invalid, pend ? &end : NULL);
    if (pend)
        *pend = (char *)(end ? end : str);
    if (invalid) {
        Py_ssize_t slen = (Py_ssize_t)strlen(str);
        PyObject *strobj = PyUnicode_FromStringAndSize(str, slen < 200 ? slen : 200);
        if (strobj == NULL)
            return NULL;
        PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %R", base, strobj);
        Py_DECREF(strobj);
        return NULL;
    }
    return res;
}

/* int(bytes_or_bytearray, base): the error shows the bytes' repr. */
PyObject *_PyLong_FromBytes(const char *s, Py_ssize_t len, int base)
{
    if (check_base(base) < 0)
        return NULL;
    int invalid;
    PyObject *res = parse_int(s, len, base, &invalid, NULL);
    if (invalid) {
        PyObject *b = PyBytes_FromStringAndSize(s, len);
        if (b == NULL)
            return NULL;
        PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %.200R", base, b);
        Py_DECREF(b);
    }
    return res;
}

PyObject *PyLong_FromUnicodeObject(PyObject *u, int base)
{
    if (check_base(base) < 0)
        return NULL;
    /* Map Unicode decimal digits and spaces to ASCII first, as CPython. */
    Py_ssize_t len = PyUnicode_GET_LENGTH(u);
    int kind = PyUnicode_KIND(u);
    const void *data = PyUnicode_DATA(u);
    char stackbuf[128] = {0};
    char *buf = len < (Py_ssize_t)sizeof stackbuf ? stackbuf : PyMem_Malloc(len + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    int bad = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 128) {
            buf[i] = (char)ch;
        } else if (Py_UNICODE_ISSPACE(ch)) {
            buf[i] = ' ';
        } else {
            int d = _PyUnicode_ToDecimalDigit(ch);
            if (d < 0) {
                bad = 1;
                buf[i] = '?';
            } else {
                buf[i] = (char)('0' + d);
            }
        }
    }
    int invalid = bad;
    PyObject *res = NULL;
    if (!bad)
        res = parse_int(buf, len, base, &invalid, NULL);
    if (buf != stackbuf)
        PyMem_Free(buf);
    if (invalid) {
        PyObject *shown = len > 200 ? PyUnicode_Substring(u, 0, 200) : Py_NewRef(u);
        if (shown == NULL)
            return NULL;
        PyErr_Format(PyExc_ValueError, "invalid literal for int() with base %d: %R", base, shown);
        Py_DECREF(shown);
        return NULL;
    }
    return res;
}

static int exceeds_str_limit(PyObject *v)
{
    if (_Py_int_max_str_digits <= 0 || IS_SMALL(v))
        return 0;
    /* Only check sizes that can be over: 1 bit ~ 0.30103 digits. */
    size_t bits = mpz_sizeinbase(BIG(v), 2);
    if ((double)bits * 0.30102999566398 < _Py_int_max_str_digits - 1)
        return 0;
    return 1;
}

/* Decimal digits of v (for str/repr), honouring the digit limit. */
static PyObject *long_to_decimal_string(PyObject *v)
{
    if (IS_SMALL(v)) {
        /* Digits right to left: several times cheaper than snprintf("%ld"). */
        char buf[32], *p = buf + sizeof buf;
        long ival = IVAL(v);
        unsigned long u = ival < 0 ? 0UL - (unsigned long)ival : (unsigned long)ival;
        do {
            *--p = (char)('0' + u % 10);
            u /= 10;
        } while (u != 0);
        if (ival < 0)
            *--p = '-';
        return _PyUnicode_FromASCII(p, buf + sizeof buf - p);
    }
    if (exceeds_str_limit(v)) {
        size_t need = mpz_sizeinbase(BIG(v), 10);
        char *tmp = PyMem_Malloc(need + 2);
        if (tmp == NULL)
            return PyErr_NoMemory();
        if (g_get_str(tmp, 10, BIG(v)) < 0) {
            PyMem_Free(tmp);
            return NULL;
        }
        size_t nd = strlen(tmp) - (tmp[0] == '-');
        PyObject *res = NULL;
        if ((Py_ssize_t)nd > _Py_int_max_str_digits)
            PyErr_Format(PyExc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion; "
                         "use sys.set_int_max_str_digits() to increase the limit",
                         _Py_int_max_str_digits);
        else
            res = _PyUnicode_FromASCII(tmp, (Py_ssize_t)strlen(tmp));
        PyMem_Free(tmp);
        return res;
    }
    size_t need = mpz_sizeinbase(BIG(v), 10) + 2;
    char *tmp = PyMem_Malloc(need);
    if (tmp == NULL)
        return PyErr_NoMemory();
    if (g_get_str(tmp, 10, BIG(v)) < 0) {
        PyMem_Free(tmp);
        return NULL;
    }
    PyObject *res = _PyUnicode_FromASCII(tmp, (Py_ssize_t)strlen(tmp));
    PyMem_Free(tmp);
    return res;
}

/* Digits of |v| in base 2/8/10/16 into a PyMem buffer (lowercase); *len set. */
static char *long_abs_digits(PyObject *v, int base, Py_ssize_t *len)
{
    if (IS_SMALL(v)) {   /* the common case: no GMP temporaries */
        char tmp[72], *p = tmp + sizeof tmp;
        unsigned long u = abs_small(IVAL(v));
        do {
            *--p = "0123456789abcdef"[u % (unsigned)base];
            u /= (unsigned)base;
        } while (u);
        Py_ssize_t n = tmp + sizeof tmp - p;
        char *buf = PyMem_Malloc((size_t)n + 1);
        if (buf == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        memcpy(buf, p, (size_t)n);
        buf[n] = '\0';
        *len = n;
        return buf;
    }
    zref r;
    zref_init(&r, v);
    size_t need = mpz_sizeinbase(r.z, base) + 2;
    char *buf = PyMem_Malloc(need);
    if (buf == NULL) {
        zref_clear(&r);
        PyErr_NoMemory();
        return NULL;
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, r.z);
    int rc = g_get_str(buf, base, a);
    mpz_clear(a);
    zref_clear(&r);
    if (rc < 0) {
        PyMem_Free(buf);
        return NULL;
    }
    *len = (Py_ssize_t)strlen(buf);
    return buf;
}

PyObject *_PyLong_Format(PyObject *obj, int base)
{
    if (base == 10)
        return long_to_decimal_string(obj);
    Py_ssize_t n;
    char *digits = long_abs_digits(obj, base, &n);
    if (digits == NULL)
        return NULL;
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    PyObject *res = PyUnicode_FromFormat("%s%s%s", _PyLong_Sign(obj) < 0 ? "-" : "", prefix, digits);
    PyMem_Free(digits);
    return res;
}

static PyObject *long_repr(PyObject *v) { return long_to_decimal_string(v); }

/* ==== arithmetic ==== */

#define CHECK_BINOP(v, w)                                   \
    do {                                                    \
        if (!PyLong_Check(v) || !PyLong_Check(w))           \
            Py_RETURN_NOTIMPLEMENTED;                       \
    } while (0)

static PyObject *big_binop(PyObject *a, PyObject *b, mpz_binop op)
{
    zref ra, rb;
    zref_init(&ra, a);
    zref_init(&rb, b);
    if (op == mpz_mul &&
        check_bits((double)mpz_sizeinbase(ra.z, 2) + (double)mpz_sizeinbase(rb.z, 2), 1.0) < 0) {
        zref_clear(&ra);
        zref_clear(&rb);
        return NULL;
    }
    mpz_t z;
    mpz_init(z);
    int rc = g_binop(op, z, ra.z, rb.z);
    zref_clear(&ra);
    zref_clear(&rb);
    if (rc < 0) {
        mpz_clear(z);
        return NULL;
    }
    return long_from_mpz_steal(z);
}

PyObject *_PyLong_Add(PyLongObject *a, PyLongObject *b)
{
    long r;
    if (IS_SMALL(a) && IS_SMALL(b) && !__builtin_add_overflow(a->ival, b->ival, &r))
        return PyLong_FromLong(r);
    return big_binop((PyObject *)a, (PyObject *)b, mpz_add);
}

PyObject *_PyLong_Subtract(PyLongObject *a, PyLongObject *b)
{
    long r;
    if (IS_SMALL(a) && IS_SMALL(b) && !__builtin_sub_overflow(a->ival, b->ival, &r))
        return PyLong_FromLong(r);
    return big_binop((PyObject *)a, (PyObject *)b, mpz_sub);
}

PyObject *_PyLong_Multiply(PyLongObject *a, PyLongObject *b)
{
    long r;
    if (IS_SMALL(a) && IS_SMALL(b) && !__builtin_mul_overflow(a->ival, b->ival, &r))
        return PyLong_FromLong(r);
    return big_binop((PyObject *)a, (PyObject *)b, mpz_mul);
}

static PyObject *long_add(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Add((PyLongObject *)a, (PyLongObject *)b);
}

static PyObject *long_sub(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Subtract((PyLongObject *)a, (PyLongObject *)b);
}

static PyObject *long_mul(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    return _PyLong_Multiply((PyLongObject *)a, (PyLongObject *)b);
}

static int is_zero(PyObject *v) { return IS_SMALL(v) && IVAL(v) == 0; }

/* Floor division and modulo; either output may be NULL. */
static int l_divmod(PyObject *a, PyObject *b, PyObject **pdiv, PyObject **pmod)
{
    if (IS_SMALL(a) && IS_SMALL(b) && !(IVAL(a) == LONG_MIN && IVAL(b) == -1)) {
        long x = IVAL(a), y = IVAL(b);
        long q = x / y, r = x % y;
        if (r != 0 && ((r ^ y) < 0)) {
            r += y;
            q -= 1;
        }
        if (pdiv && (*pdiv = PyLong_FromLong(q)) == NULL)
            return -1;
        if (pmod && (*pmod = PyLong_FromLong(r)) == NULL) {
            if (pdiv)
                Py_CLEAR(*pdiv);
            return -1;
        }
        return 0;
    }
    zref ra, rb;
    zref_init(&ra, a);
    zref_init(&rb, b);
    mpz_t q, r;
    mpz_init(q);
    mpz_init(r);
    int rc = g_fdiv_qr(q, r, ra.z, rb.z);
    zref_clear(&ra);
    zref_clear(&rb);
    if (rc < 0) {
        mpz_clear(q);
        mpz_clear(r);
        return -1;
    }
    if (pdiv)
        *pdiv = long_from_mpz_steal(q);
    else
        mpz_clear(q);
    if (pmod)
        *pmod = long_from_mpz_steal(r);
    else
        mpz_clear(r);
    if ((pdiv && *pdiv == NULL) || (pmod && *pmod == NULL)) {
        if (pdiv)
            Py_CLEAR(*pdiv);
        if (pmod)
            Py_CLEAR(*pmod);
        return -1;
    }
    return 0;
}

static PyObject *long_div(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    PyObject *div;
    if (l_divmod(a, b, &div, NULL) < 0)
        return NULL;
    return div;
}

static PyObject *long_mod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    PyObject *mod;
    if (l_divmod(a, b, NULL, &mod) < 0)
        return NULL;
    return mod;
}

static PyObject *long_divmod(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    PyObject *div, *mod;
    if (l_divmod(a, b, &div, &mod) < 0)
        return NULL;
    PyObject *z = PyTuple_New(2);
    if (z == NULL) {
        Py_DECREF(div);
        Py_DECREF(mod);
        return NULL;
    }
    PyTuple_SET_ITEM(z, 0, div);
    PyTuple_SET_ITEM(z, 1, mod);
    return z;
}

/* a / b correctly rounded (CPython's long_true_divide semantics). */
static PyObject *long_true_divide(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (is_zero(b)) {
        PyErr_SetString(PyExc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    int negate = (_PyLong_Sign(a) < 0) != (_PyLong_Sign(b) < 0);
    if (is_zero(a))
        return PyFloat_FromDouble(negate ? -0.0 : 0.0);
    const long lim = 1L << DBL_MANT_DIG;
    if (IS_SMALL(a) && IS_SMALL(b) && IVAL(a) <= lim && IVAL(a) >= -lim && IVAL(b) <= lim && IVAL(b) >= -lim)
        return PyFloat_FromDouble((double)IVAL(a) / (double)IVAL(b));   /* exact operands: one rounding */
    zref ra, rb;
    zref_init(&ra, a);
    zref_init(&rb, b);
    mpz_t A, B, q, r;
    mpz_init(A);
    mpz_init(B);
    mpz_init(q);
    mpz_init(r);
    mpz_abs(A, ra.z);
    mpz_abs(B, rb.z);
    zref_clear(&ra);
    zref_clear(&rb);
    long na = (long)mpz_sizeinbase(A, 2), nb = (long)mpz_sizeinbase(B, 2);
    long diff = na - nb;
    PyObject *result = NULL;
    if (diff > DBL_MAX_EXP + 1) {
        PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
        goto done;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2) {
        result = PyFloat_FromDouble(negate ? -0.0 : 0.0);
        goto done;
    }
    /* Scale so the quotient has DBL_MANT_DIG+2 or +3 bits, keep a sticky bit. */
    long shift = (DBL_MANT_DIG + 2) - diff;
    if (shift >= 0)
        mpz_mul_2exp(A, A, (mp_bitcnt_t)shift);
    else
        mpz_mul_2exp(B, B, (mp_bitcnt_t)-shift);
    mpz_tdiv_qr(q, r, A, B);
    uint64_t m = mpz_get_ui(q);
    if (mpz_sgn(r) != 0)
        m |= 1;
    int qbits = (int)ulong_bits(m);
    long e = qbits - shift;              /* value in [2**(e-1), 2**e) */
    long keep = e - (DBL_MIN_EXP - DBL_MANT_DIG);   /* bits available above 2**-1074 */
    if (keep > DBL_MANT_DIG)
        keep = DBL_MANT_DIG;
    double d;
    if (keep < 0) {
        d = 0.0;
    } else {
        int drop = qbits - (int)keep;
        uint64_t top = drop >= 64 ? 0 : m >> drop;
        uint64_t rem = drop >= 64 ? m : m & ((1ULL << drop) - 1);
        uint64_t half = 1ULL << (drop - 1);
        if (rem > half || (rem == half && (top & 1)))
            top++;
        d = ldexp((double)top, (int)(drop - shift));
    }
    if (isinf(d) || e > DBL_MAX_EXP) {
        PyErr_SetString(PyExc_OverflowError, "integer division result too large for a float");
        goto done;
    }
    result = PyFloat_FromDouble(negate ? -d : d);
done:
    mpz_clear(A);
    mpz_clear(B);
    mpz_clear(q);
    mpz_clear(r);
    return result;
}

static PyObject *long_pow(PyObject *v, PyObject *w, PyObject *x)
{
    CHECK_BINOP(v, w);
    if (x != Py_None && !PyLong_Check(x))
        Py_RETURN_NOTIMPLEMENTED;
    int wsign = _PyLong_Sign(w);
    if (x == Py_None) {
        if (wsign < 0) /* a negative exponent gives a float */
            return PyFloat_Type.tp_as_number->nb_power(v, w, x);
        if (IS_SMALL(v) && IS_SMALL(w)) {
            /* Square-and-multiply while it fits in a long. */
            long base = IVAL(v), e = IVAL(w), result = 1;
            int overflow = 0;
            while (e > 0) {
                if (e & 1) {
                    if (__builtin_mul_overflow(result, base, &result)) {
                        overflow = 1;
                        break;
                    }
                }
                e >>= 1;
                if (e && __builtin_mul_overflow(base, base, &base)) {
                    overflow = 1;
                    break;
                }
            }
            if (!overflow)
                return PyLong_FromLong(result);
        }
        zref rv;
        zref_init(&rv, v);
        /* 0, 1 and -1 stay small whatever the exponent. */
        if (mpz_cmpabs_ui(rv.z, 1) <= 0) {
            long b = mpz_get_si(rv.z);
            zref_clear(&rv);
            if (b == -1)
                return PyLong_FromLong(IS_SMALL(w) ? ((IVAL(w) & 1) ? -1 : 1)
                                                   : (mpz_odd_p(BIG(w)) ? -1 : 1));
            return PyLong_FromLong(b == 0 ? (wsign == 0 ? 1 : 0) : 1);
        }
        if (!IS_SMALL(w)) {
            zref_clear(&rv);
            PyErr_NoMemory();
            return NULL;
        }
        /* |v|**w has about w*log2|v| bits. */
        long exp2;
        double mant = fabs(mpz_get_d_2exp(&exp2, rv.z));
        if (check_bits((double)IVAL(w) * ((double)exp2 + log2(mant)), 1.0) < 0) {
            zref_clear(&rv);
            return NULL;
        }
        mpz_t z;
        mpz_init(z);
        int rc = g_pow_ui(z, rv.z, (unsigned long)IVAL(w));
        zref_clear(&rv);
        if (rc < 0) {
            mpz_clear(z);
            return NULL;
        }
        return long_from_mpz_steal(z);
    }
    /* Three-argument pow: modular exponentiation. */
    if (is_zero(x)) {
        PyErr_SetString(PyExc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    zref rv, rw, rx;
    zref_init(&rv, v);
    zref_init(&rw, w);
    zref_init(&rx, x);
    mpz_t mod, base, z;
    mpz_init(mod);
    mpz_init(base);
    mpz_init(z);
    mpz_abs(mod, rx.z);
    mpz_set(base, rv.z);
    PyObject *result = NULL;
    if (wsign < 0) {
        if (mpz_invert(base, base, mod) == 0) {
            PyErr_SetString(PyExc_ValueError, "base is not invertible for the given modulus");
            goto done3;
        }
        mpz_t e;
        mpz_init(e);
        mpz_neg(e, rw.z);
        int rc = g_powm(z, base, e, mod);
        mpz_clear(e);
        if (rc < 0)
            goto done3;
    } else if (g_powm(z, base, rw.z, mod) < 0) {
        goto done3;
    }
    /* The result takes the sign of the modulus (floor semantics). */
    if (mpz_sgn(rx.z) < 0 && mpz_sgn(z) != 0)
        mpz_sub(z, z, mod);
    result = long_from_mpz_steal(z);
    mpz_init(z);
done3:
    mpz_clear(mod);
    mpz_clear(base);
    mpz_clear(z);
    zref_clear(&rv);
    zref_clear(&rw);
    zref_clear(&rx);
    return result;
}

static PyObject *long_neg(PyObject *v)
{
    if (IS_SMALL(v) && IVAL(v) != LONG_MIN)
        return PyLong_FromLong(-IVAL(v));
    zref r;
    zref_init(&r, v);
    mpz_t z;
    mpz_init(z);
    mpz_neg(z, r.z);
    zref_clear(&r);
    return long_from_mpz_steal(z);
}

PyObject *_PyLong_Negate_New(PyObject *v) { return long_neg(v); }

static PyObject *long_long(PyObject *v)
{
    if (PyLong_CheckExact(v))
        return Py_NewRef(v);
    return _PyLong_Copy((PyLongObject *)v);
}

static PyObject *long_pos(PyObject *v) { return long_long(v); }

static PyObject *long_abs(PyObject *v)
{
    if (_PyLong_Sign(v) < 0)
        return long_neg(v);
    return long_long(v);
}

static int long_bool(PyObject *v) { return !is_zero(v); }

static PyObject *long_invert(PyObject *v)
{
    if (IS_SMALL(v))
        return PyLong_FromLong(~IVAL(v));   /* ~x == -(x+1), never overflows */
    mpz_t z;
    mpz_init(z);
    mpz_com(z, BIG(v));
    return long_from_mpz_steal(z);
}

/* Shift count as a non-negative size; -1 with ValueError for negatives. 
 * Sets *huge when the count does not fit in a Py_ssize_t. */
static Py_ssize_t shift_count(PyObject *b, int *huge)
{
    *huge = 0;
    if (_PyLong_Sign(b) < 0) {
        PyErr_SetString(PyExc_ValueError, "negative shift count");
        return -1;
    }
    if (!IS_SMALL(b)) {
        *huge = 1;
        return PY_SSIZE_T_MAX;
    }
    return IVAL(b);
}

PyObject *_PyLong_Lshift(PyObject *a, size_t shiftby)
{
    if (is_zero(a))
        return PyLong_FromLong(0);
    if (IS_SMALL(a) && shiftby < 63) {
        long x = IVAL(a);
        long r = (long)((unsigned long)x << shiftby);
        if ((r >> shiftby) == x)
            return PyLong_FromLong(r);
    }
    zref ra;
    zref_init(&ra, a);
    if (check_bits((double)mpz_sizeinbase(ra.z, 2) + (double)shiftby, 0.0) < 0) {
        zref_clear(&ra);
        return NULL;
    }
    mpz_t z;
    mpz_init(z);
    int rc = g_mul_2exp(z, ra.z, shiftby);
    zref_clear(&ra);
    if (rc < 0) {
        mpz_clear(z);
        return NULL;
    }
    return long_from_mpz_steal(z);
}

PyObject *_PyLong_Rshift(PyObject *a, size_t shiftby)
{
    if (IS_SMALL(a)) {
        long x = IVAL(a);
        return PyLong_FromLong(shiftby >= 63 ? (x < 0 ? -1 : 0) : x >> shiftby);
    }
    mpz_t z;
    mpz_init(z);
    mpz_fdiv_q_2exp(z, BIG(a), shiftby);   /* floor: -1 >> n == -1 */
    return long_from_mpz_steal(z);
}

/* CPython's limit on an int's size, in its 30-bit digits: a left shift past it is an
 * OverflowError there (a smaller impossible one a MemoryError), so the same here. */
#define CPY_DIGIT_BITS 30
#define CPY_MAX_LONG_DIGITS ((unsigned long long)(PY_SSIZE_T_MAX - 24) / 4)

static PyObject *long_lshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int huge;
    Py_ssize_t n = shift_count(b, &huge);
    if (n < 0)
        return NULL;
    if (is_zero(a))
        return PyLong_FromLong(0);
    if (!huge && n < 64)
        return _PyLong_Lshift(a, (size_t)n);
    /* As CPython's divmod_shift + _PyLong_New: digits = digits(a) + n/30 (+1). */
    unsigned long long wordshift;
    unsigned long remshift;
    if (!huge) {
        wordshift = (unsigned long long)n / CPY_DIGIT_BITS;
        remshift = (unsigned long)n % CPY_DIGIT_BITS;
    } else {
        mpz_t q;
        mpz_init(q);
        remshift = mpz_fdiv_q_ui(q, BIG(b), CPY_DIGIT_BITS);
        if (mpz_cmp_ui(q, (unsigned long)(PY_SSIZE_T_MAX / 4)) < 0) {
            wordshift = mpz_get_ui(q);
        } else {
            wordshift = PY_SSIZE_T_MAX / 4;
            remshift = 0;
        }
        mpz_clear(q);
    }
    unsigned long long digits = (_PyLong_NumBits(a) + CPY_DIGIT_BITS - 1) / CPY_DIGIT_BITS;
    if (digits + wordshift + (remshift != 0) > CPY_MAX_LONG_DIGITS) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    if (huge)
        return PyErr_NoMemory();
    return _PyLong_Lshift(a, (size_t)n);
}

static PyObject *long_rshift(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    int huge;
    Py_ssize_t n = shift_count(b, &huge);
    if (n < 0)
        return NULL;
    if (huge)
        return PyLong_FromLong(_PyLong_Sign(a) < 0 ? -1 : 0);
    return _PyLong_Rshift(a, (size_t)n);
}

static PyObject *long_and(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (IS_SMALL(a) && IS_SMALL(b))
        return PyLong_FromLong(IVAL(a) & IVAL(b));
    return big_binop(a, b, mpz_and);   /* GMP uses two's complement semantics */
}

static PyObject *long_or(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (IS_SMALL(a) && IS_SMALL(b))
        return PyLong_FromLong(IVAL(a) | IVAL(b));
    return big_binop(a, b, mpz_ior);
}

static PyObject *long_xor(PyObject *a, PyObject *b)
{
    CHECK_BINOP(a, b);
    if (IS_SMALL(a) && IS_SMALL(b))
        return PyLong_FromLong(IVAL(a) ^ IVAL(b));
    return big_binop(a, b, mpz_xor);
}

static PyObject *long_float(PyObject *v)
{
    double result = PyLong_AsDouble(v);
    if (result == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(result);
}

/* ==== comparison and hashing ==== */

static int long_compare(PyObject *a, PyObject *b)
{
    if (IS_SMALL(a) && IS_SMALL(b))
        return IVAL(a) < IVAL(b) ? -1 : IVAL(a) > IVAL(b);
    zref ra, rb;
    zref_init(&ra, a);
    zref_init(&rb, b);
    int c = mpz_cmp(ra.z, rb.z);
    zref_clear(&ra);
    zref_clear(&rb);
    return c < 0 ? -1 : c > 0;
}

int _PyLong_Eq(PyObject *a, PyObject *b) { return long_compare(a, b) == 0; }

int _PyLong_CompareDouble(PyObject *v, double d)
{
    if (IS_SMALL(v)) {
        long x = IVAL(v);
        if (x > -(1L << 53) && x < (1L << 53)) {
            double dx = (double)x;
            return dx < d ? -1 : dx > d;
        }
    }
    zref r;
    zref_init(&r, v);
    int c = mpz_cmp_d(r.z, d);   /* exact */
    zref_clear(&r);
    return c < 0 ? -1 : c > 0;
}

static PyObject *long_richcompare(PyObject *self, PyObject *other, int op)
{
    CHECK_BINOP(self, other);
    if (self == other) {
        Py_RETURN_RICHCOMPARE(0, 0, op);
    }
    int result = long_compare(self, other);
    Py_RETURN_RICHCOMPARE(result, 0, op);
}

static Py_hash_t long_hash(PyObject *v)
{
    Py_uhash_t x;
    int neg;
    if (IS_SMALL(v)) {
        long iv = IVAL(v);
        neg = iv < 0;
        x = (Py_uhash_t)abs_small(iv) % _PyHASH_MODULUS;
    } else {
        neg = mpz_sgn(BIG(v)) < 0;
        x = mpz_fdiv_ui(BIG(v), _PyHASH_MODULUS);
        if (neg && x != 0) /* fdiv gave the remainder of the negative value */
            x = _PyHASH_MODULUS - x;
    }
    Py_hash_t h = neg ? -(Py_hash_t)x : (Py_hash_t)x;
    return h == -1 ? -2 : h;
}

/* ==== construction: int(x=0, base=10) ==== */

static PyObject *long_subtype_new(PyTypeObject *type, PyObject *x, PyObject *obase);

static PyObject *long_new_impl(PyTypeObject *type, PyObject *x, PyObject *obase)
{
    if (type != &PyLong_Type)
        return long_subtype_new(type, x, obase);
    if (x == NULL) {
        if (obase != NULL) {
            PyErr_SetString(PyExc_TypeError, "int() missing string argument");
            return NULL;
        }
        return PyLong_FromLong(0);
    }
    if (obase == NULL)
        return PyNumber_Long(x);
    Py_ssize_t base = PyNumber_AsSsize_t(obase, NULL);
    if (base == -1 && PyErr_Occurred())
        return NULL;
    if ((base != 0 && base < 2) || base > 36) {
        PyErr_SetString(PyExc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    if (PyUnicode_Check(x))
        return PyLong_FromUnicodeObject(x, (int)base);
    if (PyByteArray_Check(x) || PyBytes_Check(x)) {
        const char *s = PyByteArray_Check(x) ? PyByteArray_AS_STRING(x) : PyBytes_AS_STRING(x);
        Py_ssize_t n = PyByteArray_Check(x) ? PyByteArray_GET_SIZE(x) : PyBytes_GET_SIZE(x);
        return _PyLong_FromBytes(s, n, (int)base);
    }
    PyErr_SetString(PyExc_TypeError, "int() can't convert non-string with explicit base");
    return NULL;
}

static PyObject *long_subtype_new(PyTypeObject *type, PyObject *x, PyObject *obase)
{
    PyObject *tmp = long_new_impl(&PyLong_Type, x, obase);
    if (tmp == NULL)
        return NULL;
    PyLongObject *newobj = (PyLongObject *)type->tp_alloc(type, 0);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    newobj->ival = IVAL(tmp);
    newobj->big = NULL;
    if (!IS_SMALL(tmp)) {
        newobj->big = PyMem_Malloc(sizeof(__mpz_struct));
        if (newobj->big == NULL) {
            Py_DECREF(tmp);
            Py_DECREF(newobj);
            return PyErr_NoMemory();
        }
        mpz_init_set(BIG(newobj), BIG(tmp));
    }
    Py_DECREF(tmp);
    return (PyObject *)newobj;
}

static PyObject *long_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "base", NULL};
    PyObject *x = NULL, *obase = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:int", kwlist, &x, &obase))
        return NULL;
    return long_new_impl(type, x, obase);
}

/* ==== methods ==== */

static PyObject *int_bit_length(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromSize_t(_PyLong_NumBits(self));
}

static PyObject *int_bit_count(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    if (IS_SMALL(self))
        return PyLong_FromLong(__builtin_popcountl(abs_small(IVAL(self))));
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, BIG(self));
    mp_bitcnt_t c = mpz_popcount(a);
    mpz_clear(a);
    return PyLong_FromUnsignedLong(c);
}

static PyObject *int_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored)) { return long_long(self); }

static PyObject *int_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *numerator = long_long(self);
    if (numerator == NULL)
        return NULL;
    PyObject *ratio = PyTuple_Pack(2, numerator, _PyLong_GetOne());
    Py_DECREF(numerator);
    return ratio;
}

/* Round to the nearest multiple of b, half to even: (q, r) with a = q*b + r. */
PyObject *_PyLong_DivmodNear(PyObject *a, PyObject *b)
{
    if (!PyLong_Check(a) || !PyLong_Check(b)) {
        PyErr_SetString(PyExc_TypeError, "non-integer arguments in division");
        return NULL;
    }
    if (_PyLong_Sign(b) == 0) {   /* g_fdiv_qr would trap (SIGFPE) */
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    zref ra, rb;
    zref_init(&ra, a);
    zref_init(&rb, b);
    mpz_t q, r, twice;
    mpz_init(q);
    mpz_init(r);
    mpz_init(twice);
    if (g_fdiv_qr(q, r, ra.z, rb.z) < 0) {
        mpz_clear(q);
        mpz_clear(r);
        mpz_clear(twice);
        zref_clear(&ra);
        zref_clear(&rb);
        return NULL;
    }
    /* Compare 2r with b (for b > 0; mirrored for b < 0). */
    mpz_mul_2exp(twice, r, 1);
    int cmp = mpz_sgn(rb.z) > 0 ? mpz_cmp(twice, rb.z) : -mpz_cmp(twice, rb.z);
    if (cmp > 0 || (cmp == 0 && mpz_odd_p(q))) {
        mpz_add_ui(q, q, 1);
        mpz_sub(r, r, rb.z);
    }
    mpz_clear(twice);
    zref_clear(&ra);
    zref_clear(&rb);
    PyObject *pq = long_from_mpz_steal(q);
    PyObject *pr = long_from_mpz_steal(r);
    if (pq == NULL || pr == NULL) {
        Py_XDECREF(pq);
        Py_XDECREF(pr);
        return NULL;
    }
    PyObject *res = PyTuple_Pack(2, pq, pr);
    Py_DECREF(pq);
    Py_DECREF(pr);
    return res;
}

static PyObject *int___round__(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 0 || args[0] == Py_None)
        return long_long(self);
    PyObject *ndigits = PyNumber_Index(args[0]);
    if (ndigits == NULL)
        return NULL;
    if (_PyLong_Sign(ndigits) >= 0) {
        Py_DECREF(ndigits);
        return long_long(self);
    }
    /* result = self - divmod_near(self, 10**-ndigits)[1] */
    PyObject *neg = long_neg(ndigits);
    Py_DECREF(ndigits);
    if (neg == NULL)
        return NULL;
    PyObject *ten = PyLong_FromLong(10);
    PyObject *pow10 = ten ? long_pow(ten, neg, Py_None) : NULL;
    Py_XDECREF(ten);
    Py_DECREF(neg);
    if (pow10 == NULL)
        return NULL;
    PyObject *qr = _PyLong_DivmodNear(self, pow10);
    Py_DECREF(pow10);
    if (qr == NULL)
        return NULL;
    PyObject *result = long_sub(self, PyTuple_GET_ITEM(qr, 1));
    Py_DECREF(qr);
    return result;
}

static PyObject *int___sizeof__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    size_t bits = _PyLong_NumBits(self);
    size_t ndigits = (bits + 29) / 30;
    if (ndigits == 0)
        ndigits = 1;
    return PyLong_FromSize_t(24 + 4 * ndigits);
}

static PyObject *int___getnewargs__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *v = _PyLong_Copy((PyLongObject *)self);
    if (v == NULL)
        return NULL;
    PyObject *res = PyTuple_Pack(1, v);
    Py_DECREF(v);
    return res;
}

static PyObject *int___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    return _PyLong_FormatSpec(self, format_spec);
}

PyObject *_PyLong_FormatSpec(PyObject *obj, PyObject *format_spec)
{
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (_PyLong_FormatAdvancedWriter(&writer, obj, format_spec, 0, PyUnicode_GET_LENGTH(format_spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

static int parse_byteorder(PyObject *byteorder, int *little_endian)
{
    if (byteorder == NULL) {
        *little_endian = 0;
        return 0;
    }
    if (!PyUnicode_Check(byteorder)) {
        PyErr_Format(PyExc_TypeError, "to_bytes() argument 'byteorder' must be str, not %.50s",
                     Py_TYPE(byteorder)->tp_name);
        return -1;
    }
    if (_PyUnicode_EqualToASCIIString(byteorder, "little"))
        *little_endian = 1;
    else if (_PyUnicode_EqualToASCIIString(byteorder, "big"))
        *little_endian = 0;
    else {
        PyErr_SetString(PyExc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static PyObject *int_to_bytes(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"length", "byteorder", "signed", NULL};
    Py_ssize_t length = 1;
    PyObject *byteorder = NULL;
    int is_signed = 0, little_endian;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|nU$p:to_bytes", kwlist, &length, &byteorder, &is_signed))
        return NULL;
    if (parse_byteorder(byteorder, &little_endian) < 0)
        return NULL;
    if (length < 0) {
        PyErr_SetString(PyExc_ValueError, "length argument must be non-negative");
        return NULL;
    }
    PyObject *bytes = PyBytes_FromStringAndSize(NULL, length);
    if (bytes == NULL)
        return NULL;
    if (_PyLong_AsByteArray((PyLongObject *)self, (unsigned char *)PyBytes_AS_STRING(bytes), length,
                            little_endian, is_signed) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    return bytes;
}

static PyObject *int_from_bytes(PyObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"bytes", "byteorder", "signed", NULL};
    PyObject *bytes_obj, *byteorder = NULL;
    int is_signed = 0, little_endian;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|U$p:from_bytes", kwlist, &bytes_obj, &byteorder, &is_signed))
        return NULL;
    if (parse_byteorder(byteorder, &little_endian) < 0)
        return NULL;
    PyObject *bytes = PyObject_Bytes(bytes_obj);
    if (bytes == NULL)
        return NULL;
    PyObject *long_obj = _PyLong_FromByteArray((unsigned char *)PyBytes_AS_STRING(bytes),
                                               PyBytes_GET_SIZE(bytes), little_endian, is_signed);
    Py_DECREF(bytes);
    if (long_obj != NULL && type != (PyObject *)&PyLong_Type)
        Py_SETREF(long_obj, PyObject_CallOneArg(type, long_obj));
    return long_obj;
}

/* int.__format__: the integer presentation types; float types convert first. */
int _PyLong_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj, PyObject *format_spec,
                                 Py_ssize_t start, Py_ssize_t end)
{
    if (start == end) {
        PyObject *str = PyObject_Str(obj);
        if (str == NULL)
            return -1;
        int r = _PyUnicodeWriter_WriteStr(writer, str);
        Py_DECREF(str);
        return r;
    }
    _PyFormatSpec spec;
    if (_PyUnicode_ParseFormatSpec(obj, format_spec, start, end, &spec, 'd', '>') < 0)
        return -1;
    switch (spec.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        PyObject *f = PyNumber_Float(obj);
        if (f == NULL)
            return -1;
        int r = _PyFloat_FormatAdvancedWriter(writer, f, format_spec, start, end);
        Py_DECREF(f);
        return r;
    }
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        break;
    default:
        if (spec.type > 32 && spec.type < 128)
            PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                         (char)spec.type, Py_TYPE(obj)->tp_name);
        else
            PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                         (unsigned int)spec.type, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (spec.precision != -1) {
        PyErr_SetString(PyExc_ValueError, "Precision not allowed in integer format specifier");
        return -1;
    }
    if (spec.no_neg_0) {
        PyErr_SetString(PyExc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return -1;
    }
    if (spec.type == 'c') {
        if (spec.sign != 0) {
            PyErr_SetString(PyExc_ValueError, "Sign not allowed with integer format specifier 'c'");
            return -1;
        }
        if (spec.alternate) {
            PyErr_SetString(PyExc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return -1;
        }
        long x = PyLong_AsLong(obj);
        if (x == -1 && PyErr_Occurred())
            return -1;
        if (x < 0 || x > 0x10ffff) {
            PyErr_SetString(PyExc_OverflowError, "%c arg not in range(0x110000)");
            return -1;
        }
        Py_ssize_t padding = spec.width > 1 ? spec.width - 1 : 0, lpad = 0, rpad = 0;
        if (spec.align == '<') rpad = padding;
        else if (spec.align == '^') { lpad = padding / 2; rpad = padding - lpad; }
        else lpad = padding;
        for (Py_ssize_t i = 0; i < lpad; i++)
            if (_PyUnicodeWriter_WriteChar(writer, spec.fill_char) < 0)
                return -1;
        if (_PyUnicodeWriter_WriteChar(writer, (Py_UCS4)x) < 0)
            return -1;
        for (Py_ssize_t i = 0; i < rpad; i++)
            if (_PyUnicodeWriter_WriteChar(writer, spec.fill_char) < 0)
                return -1;
        return 0;
    }
    int base = spec.type == 'b' ? 2 : spec.type == 'o' ? 8 : (spec.type == 'x' || spec.type == 'X') ? 16 : 10;
    const char *prefix = "";
    if (spec.alternate)
        prefix = base == 2 ? "0b" : base == 8 ? "0o" : spec.type == 'X' ? "0X" : base == 16 ? "0x" : "";
    Py_ssize_t n;
    if (base == 10 && exceeds_str_limit(obj)) {
        PyObject *check = long_to_decimal_string(obj);   /* raises the limit error */
        if (check == NULL)
            return -1;
        Py_DECREF(check);
    }
    char *digits = long_abs_digits(obj, base, &n);
    if (digits == NULL)
        return -1;
    if (spec.type == 'X')
        for (Py_ssize_t i = 0; i < n; i++)
            digits[i] = (char)toupper((unsigned char)digits[i]);
    int r = _PyUnicode_FormatNumber(writer, &spec, _PyLong_Sign(obj) < 0, prefix, digits, n, "", 1);
    PyMem_Free(digits);
    return r;
}

static PyObject *long_get0(PyObject *self, void *c) { return PyLong_FromLong(0); }
static PyObject *long_get1(PyObject *self, void *c) { return PyLong_FromLong(1); }
static PyObject *long_getself(PyObject *self, void *c) { return long_long(self); }

PyObject *_PyLong_GCD(PyObject *a, PyObject *b)
{
    if (IS_SMALL(a) && IS_SMALL(b)) {
        unsigned long x = abs_small(IVAL(a)), y = abs_small(IVAL(b));
        while (y) {
            unsigned long t = x % y;
            x = y;
            y = t;
        }
        return PyLong_FromUnsignedLong(x);
    }
    return big_binop(a, b, mpz_gcd);
}

PyObject *PyLong_GetInfo(void)
{
    /* sys.int_info's values for a 30-bit-digit CPython, for compatibility. */
    return Py_BuildValue("(iiii)", 30, 4, _PY_LONG_DEFAULT_MAX_STR_DIGITS, _PY_LONG_MAX_STR_DIGITS_THRESHOLD);
}

int _PyLong_Init(void) { return 0; }

void _PyLong_Fini(void)
{
    while (numfree > 0)
        PyObject_Free(free_list[--numfree]);
}

static PyMethodDef long_methods[] = {
    {"conjugate", int_conjugate, METH_NOARGS, DOC_int_conjugate},
    {"bit_length", int_bit_length, METH_NOARGS, DOC_int_bit_length},
    {"bit_count", int_bit_count, METH_NOARGS, DOC_int_bit_count},
    {"to_bytes", (PyCFunction)(void (*)(void))int_to_bytes, METH_VARARGS | METH_KEYWORDS, DOC_int_to_bytes},
    {"from_bytes", (PyCFunction)(void (*)(void))int_from_bytes, METH_VARARGS | METH_KEYWORDS | METH_CLASS, DOC_int_from_bytes},
    {"as_integer_ratio", int_as_integer_ratio, METH_NOARGS, DOC_int_as_integer_ratio},
    {"__trunc__", int_conjugate, METH_NOARGS, DOC_int___trunc__},
    {"__floor__", int_conjugate, METH_NOARGS, DOC_int___floor__},
    {"__ceil__", int_conjugate, METH_NOARGS, DOC_int___ceil__},
    {"__round__", (PyCFunction)(void (*)(void))int___round__, METH_FASTCALL, DOC_int___round__},
    {"__getnewargs__", int___getnewargs__, METH_NOARGS, DOC_int___getnewargs__},
    {"__format__", int___format__, METH_O, DOC_int___format__},
    {"__sizeof__", int___sizeof__, METH_NOARGS, DOC_int___sizeof__},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef long_getset[] = {
    {"real", long_getself, NULL, DOC_int_real, NULL},
    {"imag", long_get0, NULL, DOC_int_imag, NULL},
    {"numerator", long_getself, NULL, DOC_int_numerator, NULL},
    {"denominator", long_get1, NULL, DOC_int_denominator, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods long_as_number = {
    .nb_add = long_add,
    .nb_subtract = long_sub,
    .nb_multiply = long_mul,
    .nb_remainder = long_mod,
    .nb_divmod = long_divmod,
    .nb_power = long_pow,
    .nb_negative = long_neg,
    .nb_positive = long_pos,
    .nb_absolute = long_abs,
    .nb_bool = long_bool,
    .nb_invert = long_invert,
    .nb_lshift = long_lshift,
    .nb_rshift = long_rshift,
    .nb_and = long_and,
    .nb_xor = long_xor,
    .nb_or = long_or,
    .nb_int = long_long,
    .nb_float = long_float,
    .nb_floor_divide = long_div,
    .nb_true_divide = long_true_divide,
    .nb_index = long_long,
};

PyTypeObject PyLong_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "int",
    .tp_basicsize = sizeof(PyLongObject),
    .tp_dealloc = long_dealloc,
    .tp_repr = long_repr,
    .tp_as_number = &long_as_number,
    .tp_hash = long_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_LONG_SUBCLASS | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_int,
    .tp_richcompare = long_richcompare,
    .tp_methods = long_methods,
    .tp_getset = long_getset,
    .tp_new = long_new,
    .tp_free = PyObject_Free,
};
