/* longobject.h — int: a machine word inline for small values, a GMP mpz for big ones.
 * Owner: objects-num (src/objects/longobject.c).  API names are CPython 3.11's; the
 * compact-value helpers are 3.12's names, for the eval loop's fast paths. */
#ifndef PY_LONGOBJECT_H
#define PY_LONGOBJECT_H
#include "object.h"

/* Invariant: big == NULL exactly when the value fits in a C long; then it is ival.
 * Otherwise big points to an initialised mpz (mpz_ptr) owned by the object. */
typedef struct _longobject {
    PyObject_HEAD
    void *big;
    long ival;
} PyLongObject;

extern PyTypeObject PyLong_Type;
#define PyLong_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_LONG_SUBCLASS)
#define PyLong_CheckExact(op) Py_IS_TYPE(op, &PyLong_Type)

static inline int _PyLong_IsCompact(const PyLongObject *op) { return op->big == NULL; }
static inline long _PyLong_CompactValue(const PyLongObject *op) { return op->ival; }

/* Small ints −5…256 are preallocated: identity as CPython's. */
#define _PY_NSMALLNEGINTS 5
#define _PY_NSMALLPOSINTS 257
extern PyLongObject _PyLong_SmallInts[_PY_NSMALLNEGINTS + _PY_NSMALLPOSINTS];
#define _PyLong_GetZero() ((PyObject *)&_PyLong_SmallInts[_PY_NSMALLNEGINTS])
#define _PyLong_GetOne() ((PyObject *)&_PyLong_SmallInts[_PY_NSMALLNEGINTS + 1])
#define _PyLong_Zero _PyLong_GetZero()
#define _PyLong_One _PyLong_GetOne()

PyObject *PyLong_FromLong(long);
PyObject *PyLong_FromUnsignedLong(unsigned long);
PyObject *PyLong_FromLongLong(long long);
PyObject *PyLong_FromUnsignedLongLong(unsigned long long);
PyObject *PyLong_FromSsize_t(Py_ssize_t);
PyObject *PyLong_FromSize_t(size_t);
PyObject *PyLong_FromDouble(double);
PyObject *PyLong_FromVoidPtr(void *);
PyObject *PyLong_FromString(const char *str, char **pend, int base);
PyObject *PyLong_FromUnicodeObject(PyObject *u, int base);
/* Parse a str/bytes literal (already validated by the tokenizer or not). */
PyObject *_PyLong_FromBytes(const char *s, Py_ssize_t len, int base);

long PyLong_AsLong(PyObject *);
long PyLong_AsLongAndOverflow(PyObject *, int *overflow);
long long PyLong_AsLongLong(PyObject *);
long long PyLong_AsLongLongAndOverflow(PyObject *, int *overflow);
unsigned long PyLong_AsUnsignedLong(PyObject *);
unsigned long long PyLong_AsUnsignedLongLong(PyObject *);
unsigned long PyLong_AsUnsignedLongMask(PyObject *);
unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *);
Py_ssize_t PyLong_AsSsize_t(PyObject *);
size_t PyLong_AsSize_t(PyObject *);
double PyLong_AsDouble(PyObject *);
void *PyLong_AsVoidPtr(PyObject *);
int _PyLong_AsInt(PyObject *);
PyObject *PyLong_GetInfo(void);

int _PyLong_Sign(PyObject *);            /* -1, 0, 1 */
size_t _PyLong_NumBits(PyObject *);      /* bits of abs(v); (size_t)-1 + OverflowError */
double _PyLong_Frexp(PyLongObject *a, Py_ssize_t *e);
PyObject *_PyLong_FromByteArray(const unsigned char *bytes, size_t n,
                                int little_endian, int is_signed);
int _PyLong_AsByteArray(PyLongObject *v, unsigned char *bytes, size_t n,
                        int little_endian, int is_signed);
PyObject *_PyLong_Format(PyObject *obj, int base);   /* "0x1f"-style with prefix for 2/8/16 */
PyObject *_PyLong_Copy(PyLongObject *src);
PyObject *_PyLong_Negate_New(PyObject *);
int _PyLong_Eq(PyObject *a, PyObject *b);            /* both ints, no errors */
PyObject *_PyLong_GCD(PyObject *, PyObject *);
PyObject *_PyLong_Lshift(PyObject *, size_t);
PyObject *_PyLong_Rshift(PyObject *, size_t);
PyObject *_PyLong_DivmodNear(PyObject *, PyObject *);
/* Compare to a double exactly (used by float's richcompare). */
int _PyLong_CompareDouble(PyObject *v, double d);     /* -1/0/1; d is finite */
/* For fast paths: arithmetic on two ints (both PyLong_Check). */
PyObject *_PyLong_Add(PyLongObject *a, PyLongObject *b);
PyObject *_PyLong_Subtract(PyLongObject *a, PyLongObject *b);
PyObject *_PyLong_Multiply(PyLongObject *a, PyLongObject *b);
/* __format__ with a format spec (shares the mini-language with str and float). */
PyObject *_PyLong_FormatSpec(PyObject *obj, PyObject *format_spec);
/* Size limit on int<->str conversion (sys.set_int_max_str_digits, 3.11.7). */
#define _PY_LONG_DEFAULT_MAX_STR_DIGITS 4300
#define _PY_LONG_MAX_STR_DIGITS_THRESHOLD 640
extern int _Py_int_max_str_digits;   /* 0 = unlimited */

int _PyLong_Init(void);
void _PyLong_Fini(void);

/* Index protocol (the abstract layer owns PyNumber_Index; this is int's part). */
Py_ssize_t _PyLong_AsSsize_tOrClamp(PyObject *);

#endif
