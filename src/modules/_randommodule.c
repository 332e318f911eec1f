/* _randommodule.c — the `_random` module: _random.Random, the Mersenne Twister (MT19937)
 * core under random.py, bit-for-bit compatible with CPython's seeding (int seeds split
 * into 32-bit words, init_by_array), random(), getrandbits(), getstate/setstate.
 * Owner: modules-os. */
#include "Python.h"

#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    PyObject_HEAD
    int index;
    uint32_t state[N];
} RandomObject;

static PyTypeObject Random_Type;

static uint32_t genrand_uint32(RandomObject *self)
{
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t y, *mt = self->state;
    if (self->index >= N) {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        self->index = 0;
    }
    y = mt[self->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(RandomObject *self, uint32_t s)
{
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int mti = 1; mti < N; mti++)
        mt[mti] = (1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + (uint32_t)mti);
    self->index = N;
}

static void init_by_array(RandomObject *self, const uint32_t *init_key, size_t key_length)
{
    uint32_t *mt = self->state;
    size_t i = 1, j = 0, k;
    init_genrand(self, 19650218U);
    for (k = N > key_length ? N : key_length; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + init_key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= key_length)
            j = 0;
    }
    for (k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;  /* MSB is 1, assuring a non-zero initial array */
}

/* random() -> float in [0, 1) with 53 random bits. */
static PyObject *random_random(RandomObject *self, PyObject *unused)
{
    uint32_t a = genrand_uint32(self) >> 5, b = genrand_uint32(self) >> 6;
    return PyFloat_FromDouble((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static int random_seed_urandom(RandomObject *self)
{
    uint32_t key[N];
    size_t got = 0;
    while (got < sizeof key) {
        ssize_t r = getrandom((char *)key + got, sizeof key - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        got += (size_t)r;
    }
    init_by_array(self, key, N);
    return 0;
}

static void random_seed_time_pid(RandomObject *self)
{
    struct timespec ts;
    uint32_t key[5];
    clock_gettime(CLOCK_REALTIME, &ts);
    key[0] = (uint32_t)ts.tv_nsec;
    key[1] = (uint32_t)ts.tv_sec;
    key[2] = (uint32_t)getpid();
    clock_gettime(CLOCK_MONOTONIC, &ts);
    key[3] = (uint32_t)ts.tv_nsec;
    key[4] = (uint32_t)ts.tv_sec;
    init_by_array(self, key, 5);
}

/* Seed from None (OS randomness), an int (its absolute value's 32-bit words, least
 * significant first) or anything else (its hash). */
static int random_seed(RandomObject *self, PyObject *arg)
{
    PyObject *n = NULL;
    int result = -1;
    if (arg == NULL || arg == Py_None) {
        if (random_seed_urandom(self) < 0) {
            PyErr_Clear();
            random_seed_time_pid(self);
        }
        return 0;
    }
    if (PyLong_CheckExact(arg)) {
        n = PyNumber_Absolute(arg);
    } else if (PyLong_Check(arg)) {
        /* int subclass: use the plain int value, ignoring overridden __abs__ */
        PyObject *plain = PyNumber_Long(arg);
        n = plain ? PyNumber_Absolute(plain) : NULL;
        Py_XDECREF(plain);
    } else {
        Py_hash_t hash = PyObject_Hash(arg);
        if (hash == -1)
            return -1;
        n = PyLong_FromSize_t((size_t)hash);
    }
    if (n == NULL)
        return -1;
    size_t bits = _PyLong_NumBits(n);
    if (bits == (size_t)-1 && PyErr_Occurred())
        goto done;
    size_t keyused = bits == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = PyMem_Malloc(keyused * 4);
    if (key == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* little-endian bytes of n are its 32-bit words, least significant first */
    if (_PyLong_AsByteArray((PyLongObject *)n, (unsigned char *)key, keyused * 4, 1, 0) < 0) {
        PyMem_Free(key);
        goto done;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    for (size_t i = 0; i < keyused; i++)
        key[i] = __builtin_bswap32(key[i]);
#endif
    init_by_array(self, key, keyused);
    PyMem_Free(key);
    result = 0;
done:
    Py_DECREF(n);
    return result;
}

static PyObject *random_seed_method(RandomObject *self, PyObject *args)
{
    PyObject *arg = NULL;
    if (!PyArg_UnpackTuple(args, "seed", 0, 1, &arg))
        return NULL;
    if (random_seed(self, arg) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *random_getstate(RandomObject *self, PyObject *unused)
{
    PyObject *state = PyTuple_New(N + 1);
    if (state == NULL)
        return NULL;
    for (int i = 0; i < N; i++) {
        PyObject *e = PyLong_FromUnsignedLong(self->state[i]);
        if (e == NULL) {
            Py_DECREF(state);
            return NULL;
        }
        PyTuple_SET_ITEM(state, i, e);
    }
    PyObject *idx = PyLong_FromLong(self->index);
    if (idx == NULL) {
        Py_DECREF(state);
        return NULL;
    }
    PyTuple_SET_ITEM(state, N, idx);
    return state;
}

static PyObject *random_setstate(RandomObject *self, PyObject *state)
{
    uint32_t new_state[N];
    if (!PyTuple_Check(state)) {
        PyErr_SetString(PyExc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (PyTuple_Size(state) != N + 1) {
        PyErr_SetString(PyExc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    for (int i = 0; i < N; i++) {
        unsigned long element = PyLong_AsUnsignedLong(PyTuple_GET_ITEM(state, i));
        if (element == (unsigned long)-1 && PyErr_Occurred())
            return NULL;
        new_state[i] = (uint32_t)element;
    }
    long index = PyLong_AsLong(PyTuple_GET_ITEM(state, N));
    if (index == -1 && PyErr_Occurred())
        return NULL;
    if (index < 0 || index > N) {
        PyErr_SetString(PyExc_ValueError, "invalid state");
        return NULL;
    }
    self->index = (int)index;
    memcpy(self->state, new_state, sizeof new_state);
    Py_RETURN_NONE;
}

static PyObject *random_getrandbits(RandomObject *self, PyObject *arg)
{
    int k = _PyLong_AsInt(arg);
    if (k == -1 && PyErr_Occurred())
        return NULL;
    if (k < 0) {
        PyErr_SetString(PyExc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0)
        return PyLong_FromLong(0);
    if (k <= 32)
        return PyLong_FromUnsignedLong(genrand_uint32(self) >> (32 - k));
    size_t words = (size_t)(k - 1) / 32 + 1;
    uint32_t *wordarray = PyMem_Malloc(words * 4);
    if (wordarray == NULL)
        return PyErr_NoMemory();
    /* fill least significant words first; the last one keeps only its top bits */
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t r = genrand_uint32(self);
        if (k < 32)
            r >>= (32 - k);
        wordarray[i] = r;
    }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    for (size_t i = 0; i < words; i++)
        wordarray[i] = __builtin_bswap32(wordarray[i]);
#endif
    PyObject *result = _PyLong_FromByteArray((unsigned char *)wordarray, words * 4, 1, 0);
    PyMem_Free(wordarray);
    return result;
}

static void random_dealloc(PyObject *self) { Py_TYPE(self)->tp_free(self); }

static int random_init(RandomObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *arg = NULL;
    if ((Py_IS_TYPE(self, &Random_Type) || Py_TYPE(self)->tp_init == Random_Type.tp_init) &&
        !_PyArg_NoKeywords("Random", kwds))
        return -1;
    if (PyTuple_GET_SIZE(args) > 1) {
        PyErr_SetString(PyExc_TypeError, "Random() requires 0 or 1 argument");
        return -1;
    }
    if (PyTuple_GET_SIZE(args) == 1)
        arg = PyTuple_GET_ITEM(args, 0);
    return random_seed(self, arg);
}

static PyMethodDef random_methods[] = {
    {"random", (PyCFunction)random_random, METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"seed", (PyCFunction)random_seed_method, METH_VARARGS, "seed([n]) -> None."},
    {"getstate", (PyCFunction)random_getstate, METH_NOARGS, "getstate() -> tuple containing the current state."},
    {"setstate", (PyCFunction)random_setstate, METH_O, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", (PyCFunction)random_getrandbits, METH_O, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Random_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_dealloc = random_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = random_methods,
    .tp_init = (initproc)random_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_Free,
};

static struct PyModuleDef randommodule = {
    PyModuleDef_HEAD_INIT, "_random", "Module implements the Mersenne Twister random number generator.",
    -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__random(void)
{
    if (PyType_Ready(&Random_Type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&randommodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddType(m, &Random_Type) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
