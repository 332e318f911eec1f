/* pyport.h — basic integer types and portability macros shared by every file.
 * Mirrors CPython's pyport.h names so that the C API reads the same. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <sys/types.h>

typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)

#define Py_LOCAL_INLINE(type) static inline type
#define PyAPI_FUNC(RTYPE) RTYPE
#define PyAPI_DATA(RTYPE) extern RTYPE
/* An extension module's PyInit_ function: visible in its shared object (src/runtime/dynload.c) */
#define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#define PyMODINIT_FUNC Py_EXPORTED_SYMBOL PyObject *

#if defined(__GNUC__) || defined(__clang__)
#  define Py_LIKELY(x) __builtin_expect(!!(x), 1)
#  define Py_UNLIKELY(x) __builtin_expect(!!(x), 0)
#  define Py_UNUSED(name) _unused_##name __attribute__((unused))
#  define Py_NO_RETURN __attribute__((noreturn))
#else
#  define Py_LIKELY(x) (x)
#  define Py_UNLIKELY(x) (x)
#  define Py_UNUSED(name) _unused_##name
#  define Py_NO_RETURN
#endif

#define Py_ARRAY_LENGTH(a) (sizeof(a) / sizeof((a)[0]))
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))

/* Hash constants as CPython 3.11 on 64-bit Linux. */
#define _PyHASH_MODULUS (((size_t)1 << 61) - 1)
#define _PyHASH_BITS 61
#define _PyHASH_INF 314159
#define _PyHASH_IMAG 1000003UL
#define _PyHASH_MULTIPLIER 1000003UL

#endif /* Py_PYPORT_H */
