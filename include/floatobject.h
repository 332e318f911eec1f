/* floatobject.h — float, plus CPython's pystrtod API (double <-> string).
 * Owner: objects-num (src/objects/floatobject.c). */
#ifndef PY_FLOATOBJECT_H
#define PY_FLOATOBJECT_H
#include "object.h"

typedef struct {
    PyObject_HEAD
    double ob_fval;
} PyFloatObject;

extern PyTypeObject PyFloat_Type;
#define PyFloat_Check(op) PyObject_TypeCheck(op, &PyFloat_Type)
#define PyFloat_CheckExact(op) Py_IS_TYPE(op, &PyFloat_Type)
#define PyFloat_AS_DOUBLE(op) (((PyFloatObject *)(op))->ob_fval)

PyObject *PyFloat_FromDouble(double);
PyObject *PyFloat_FromString(PyObject *);   /* str, bytes, bytearray */
double PyFloat_AsDouble(PyObject *);        /* -1.0 + exception on error */
double PyFloat_GetMax(void);
double PyFloat_GetMin(void);
PyObject *PyFloat_GetInfo(void);
PyObject *_PyFloat_FormatSpec(PyObject *obj, PyObject *format_spec);
int _PyFloat_Init(void);
/* IEEE 754 binary16/32/64 packing (le: 1 = little-endian); Pack returns -1 and raises
 * OverflowError when x does not fit, Unpack cannot fail. */
int PyFloat_Pack2(double x, char *p, int le);
int PyFloat_Pack4(double x, char *p, int le);
int PyFloat_Pack8(double x, char *p, int le);
double PyFloat_Unpack2(const char *p, int le);
double PyFloat_Unpack4(const char *p, int le);
double PyFloat_Unpack8(const char *p, int le);

/* ---- pystrtod: CPython's names and flags ---- */
#define Py_DTSF_SIGN 0x01       /* always add the sign */
#define Py_DTSF_ADD_DOT_0 0x02  /* if the result is an integer add ".0" */
#define Py_DTSF_ALT 0x04        /* "alternate" formatting ('#') */
#define Py_DTSF_NO_NEG_0 0x08   /* negative zero becomes 0 ('z') */
#define Py_DTST_FINITE 0
#define Py_DTST_INFINITE 1
#define Py_DTST_NAN 2
/* format_code: 'e','E','f','F','g','G','r' (repr: shortest round-trip, precision 0). */
char *PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type);
double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception);
double _Py_parse_inf_or_nan(const char *p, char **endptr);
/* Parse a float literal like float(): strips whitespace, allows '_' between digits. */
double _Py_dg_strtod(const char *s, char **endptr);
PyObject *_Py_string_to_number_with_underscores(const char *str, Py_ssize_t len,
        const char *what, PyObject *obj, void *arg,
        PyObject *(*innerfunc)(const char *, Py_ssize_t, void *));

#endif
