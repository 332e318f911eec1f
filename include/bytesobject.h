/* bytesobject.h — bytes (immutable; CPython's layout: the bytes follow the header,
 * always NUL-terminated).  Owner: objects-num (src/objects/bytesobject.c). */
#ifndef PY_BYTESOBJECT_H
#define PY_BYTESOBJECT_H
#include "object.h"
#include <stdarg.h>

typedef struct {
    PyObject_VAR_HEAD
    Py_hash_t ob_shash;   /* -1 until computed */
    char ob_sval[1];      /* ob_size + 1 bytes, ob_sval[ob_size] == 0 */
} PyBytesObject;

extern PyTypeObject PyBytes_Type;
extern PyTypeObject PyBytesIter_Type;
#define PyBytes_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_BYTES_SUBCLASS)
#define PyBytes_CheckExact(op) Py_IS_TYPE(op, &PyBytes_Type)
#define PyBytes_AS_STRING(op) (((PyBytesObject *)(op))->ob_sval)
#define PyBytes_GET_SIZE(op) Py_SIZE(op)

PyObject *PyBytes_FromStringAndSize(const char *, Py_ssize_t);  /* NULL data: uninitialised */
PyObject *PyBytes_FromString(const char *);
PyObject *PyBytes_FromObject(PyObject *);
PyObject *PyBytes_FromFormatV(const char *, va_list);
PyObject *PyBytes_FromFormat(const char *, ...);
Py_ssize_t PyBytes_Size(PyObject *);
char *PyBytes_AsString(PyObject *);
int PyBytes_AsStringAndSize(PyObject *obj, char **s, Py_ssize_t *len);
PyObject *PyBytes_Repr(PyObject *, int smartquotes);
void PyBytes_Concat(PyObject **, PyObject *);
void PyBytes_ConcatAndDel(PyObject **, PyObject *);
int _PyBytes_Resize(PyObject **, Py_ssize_t);
PyObject *_PyBytes_Join(PyObject *sep, PyObject *iterable);
PyObject *PyBytes_DecodeEscape(const char *, Py_ssize_t, const char *errors,
                               Py_ssize_t unicode_unused, const char *recode_unused);
/* Parser's decoder for b'' literals; *first_invalid_escape as for str. */
PyObject *_PyBytes_DecodeEscape(const char *, Py_ssize_t, const char *errors,
                                const char **first_invalid_escape);
PyObject *_PyBytes_FormatEx(const char *format, Py_ssize_t format_len, PyObject *args, int use_bytearray);
PyObject *_PyBytes_FromHex(PyObject *string, int use_bytearray);
/* bytes.hex()/bytearray.hex() shared helper. */
PyObject *_Py_strhex_bytes_with_sep(const char *argbuf, Py_ssize_t arglen, PyObject *sep, int bytes_per_group, int return_bytes);

/* Methods shared by bytes and bytearray (bytesobject.c); `ba` selects the result type. */
PyObject *_Py_bytes_find_impl(const char *s, Py_ssize_t n, PyObject *args, const char *name, int dir, int raise);
PyObject *_Py_bytes_count(const char *s, Py_ssize_t n, PyObject *args);
int _Py_bytes_contains(const char *s, Py_ssize_t n, PyObject *arg);
PyObject *_Py_bytes_tailmatch(const char *s, Py_ssize_t n, PyObject *args, const char *name, int dir);
PyObject *_Py_bytes_isspace(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_isalpha(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_isalnum(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_isdigit(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_isascii(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_islower(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_isupper(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_istitle(const char *s, Py_ssize_t n);
PyObject *_Py_bytes_case(const char *s, Py_ssize_t n, int op, int ba);
PyObject *_Py_bytes_just(const char *s, Py_ssize_t n, PyObject *args, int which, int ba);
PyObject *_Py_bytes_zfill(const char *s, Py_ssize_t n, PyObject *arg, int ba);
PyObject *_Py_bytes_expandtabs(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba);
PyObject *_Py_bytes_strip(const char *s, Py_ssize_t n, PyObject *args, int type, int ba);
PyObject *_Py_bytes_split(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int reverse, int ba);
PyObject *_Py_bytes_splitlines(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba);
PyObject *_Py_bytes_partition(const char *s, Py_ssize_t n, PyObject *sep, int reverse, int ba);
PyObject *_Py_bytes_replace(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba);
PyObject *_Py_bytes_fix(const char *s, Py_ssize_t n, PyObject *arg, int prefix, int ba);
PyObject *_Py_bytes_join(PyObject *sep, const char *s, Py_ssize_t n, PyObject *iterable, int ba);
PyObject *_Py_bytes_translate(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds, int ba);
PyObject *_Py_bytes_maketrans(PyObject *frm, PyObject *to);
PyObject *_Py_bytes_hex(const char *s, Py_ssize_t n, PyObject *args, PyObject *kwds);
PyObject *_Py_bytes_repr(const char *s, Py_ssize_t n, int smartquotes, const char *prefix, const char *suffix);

#endif
