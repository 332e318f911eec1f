/* complexobject.c — complex: C-level arithmetic (_Py_c_*), the type with CPython's
 * repr "(1+2j)", parsing complex('1+2j'), hashing, comparison with int/float and
 * __format__.  Float formatting is shared with floatobject.c (PyOS_double_to_string). */
#include "Python.h"
#include "type_docs.h"
#include <ctype.h>
#include <float.h>

static Py_complex c_1 = {1., 0.};

Py_complex _Py_c_sum(Py_complex a, Py_complex b) { Py_complex r = {a.real + b.real, a.imag + b.imag}; return r; }
Py_complex _Py_c_diff(Py_complex a, Py_complex b) { Py_complex r = {a.real - b.real, a.imag - b.imag}; return r; }
Py_complex _Py_c_neg(Py_complex a) { Py_complex r = {-a.real, -a.imag}; return r; }

Py_complex _Py_c_prod(Py_complex a, Py_complex b)
{
    Py_complex r;
    r.real = a.real * b.real - a.imag * b.imag;
    r.imag = a.real * b.imag + a.imag * b.real;
    return r;
}

/* Smith's method, as CPython: avoids overflow in the intermediate products. */
Py_complex _Py_c_quot(Py_complex a, Py_complex b)
{
    Py_complex r;
    const double abs_breal = b.real < 0 ? -b.real : b.real;
    const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            const double ratio = b.imag / b.real;
            const double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        const double ratio = b.real / b.imag;
        const double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;   /* at least one of b.real, b.imag is a NaN */
    }
    return r;
}

Py_complex _Py_c_pow(Py_complex a, Py_complex b)
{
    Py_complex r;
    if (b.real == 0. && b.imag == 0.) {
        r.real = 1.;
        r.imag = 0.;
    } else if (a.real == 0. && a.imag == 0.) {
        if (b.imag != 0. || b.real < 0.)
            errno = EDOM;
        r.real = 0.;
        r.imag = 0.;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static Py_complex c_powu(Py_complex x, long n)
{
    Py_complex r = c_1, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = _Py_c_prod(r, p);
        mask <<= 1;
        p = _Py_c_prod(p, p);
    }
    return r;
}

static Py_complex c_powi(Py_complex x, long n)
{
    if (n > 0)
        return c_powu(x, n);
    return _Py_c_quot(c_1, c_powu(x, -n));
}

double _Py_c_abs(Py_complex z)
{
    double result;
    if (!isfinite(z.real) || !isfinite(z.imag)) {
        if (isinf(z.real)) {
            errno = 0;
            return fabs(z.real);
        }
        if (isinf(z.imag)) {
            errno = 0;
            return fabs(z.imag);
        }
        return NAN;
    }
    result = hypot(z.real, z.imag);
    errno = isfinite(result) ? 0 : ERANGE;
    return result;
}

/* ==== objects ==== */

static PyObject *complex_subtype_from_c_complex(PyTypeObject *type, Py_complex cval)
{
    PyObject *op = type->tp_alloc(type, 0);
    if (op != NULL)
        ((PyComplexObject *)op)->cval = cval;
    return op;
}

PyObject *PyComplex_FromCComplex(Py_complex cval)
{
    PyComplexObject *op = (PyComplexObject *)PyObject_Malloc(sizeof(PyComplexObject));
    if (op == NULL)
        return PyErr_NoMemory();
    PyObject_Init((PyObject *)op, &PyComplex_Type);
    op->cval = cval;
    return (PyObject *)op;
}

PyObject *PyComplex_FromDoubles(double real, double imag)
{
    Py_complex c = {real, imag};
    return PyComplex_FromCComplex(c);
}

static void complex_dealloc(PyObject *op) { Py_TYPE(op)->tp_free(op); }

double PyComplex_RealAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval.real;
    return PyFloat_AsDouble(op);
}

double PyComplex_ImagAsDouble(PyObject *op)
{
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval.imag;
    return 0.0;
}

/* __complex__ if defined (must return a complex), else NULL without error. */
static PyObject *try_complex_special_method(PyObject *op)
{
    /* looked up on the type and bound, so __complex__ may be any descriptor */
    PyObject *f = _PyObject_LookupSpecial(op, _Py_ID(__complex__));
    if (f == NULL)
        return NULL;
    PyObject *res = PyObject_CallNoArgs(f);
    Py_DECREF(f);
    if (res == NULL || PyComplex_CheckExact(res))
        return res;
    if (!PyComplex_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %.200s)", Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    /* Issue #29894: a strict subclass of complex is deprecated. */
    if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1,
                         "__complex__ returned non-complex (type %.200s).  "
                         "The ability to return an instance of a strict subclass of complex "
                         "is deprecated, and may be removed in a future version of Python.",
                         Py_TYPE(res)->tp_name)) {
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

Py_complex PyComplex_AsCComplex(PyObject *op)
{
    Py_complex cv = {-1.0, 0.0};
    if (PyComplex_Check(op))
        return ((PyComplexObject *)op)->cval;
    PyObject *newop = try_complex_special_method(op);
    if (newop) {
        cv = ((PyComplexObject *)newop)->cval;
        Py_DECREF(newop);
        return cv;
    }
    if (PyErr_Occurred())
        return cv;
    cv.real = PyFloat_AsDouble(op);
    return cv;
}

/* int/float/complex operand as a C complex; 0 ok, 1 NotImplemented, -1 error. */
static int to_complex(PyObject *obj, Py_complex *pc)
{
    pc->real = pc->imag = 0.0;
    if (PyComplex_Check(obj)) {
        *pc = ((PyComplexObject *)obj)->cval;
        return 0;
    }
    if (PyLong_Check(obj)) {
        pc->real = PyLong_AsDouble(obj);
        return (pc->real == -1.0 && PyErr_Occurred()) ? -1 : 0;
    }
    if (PyFloat_Check(obj)) {
        pc->real = PyFloat_AS_DOUBLE(obj);
        return 0;
    }
    return 1;
}

#define TO_COMPLEX(obj, c)                          \
    do {                                            \
        int _r = to_complex((obj), &(c));           \
        if (_r < 0) return NULL;                    \
        if (_r > 0) Py_RETURN_NOTIMPLEMENTED;       \
    } while (0)

static PyObject *complex_add(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_sum(a, b));
}

static PyObject *complex_sub(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_diff(a, b));
}

static PyObject *complex_mul(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    return PyComplex_FromCComplex(_Py_c_prod(a, b));
}

static PyObject *complex_div(PyObject *v, PyObject *w)
{
    Py_complex a, b;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, b);
    errno = 0;
    Py_complex quot = _Py_c_quot(a, b);
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return PyComplex_FromCComplex(quot);
}

static PyObject *complex_pow(PyObject *v, PyObject *w, PyObject *z)
{
    Py_complex a, exponent, p;
    TO_COMPLEX(v, a);
    TO_COMPLEX(w, exponent);
    if (z != Py_None) {
        PyErr_SetString(PyExc_ValueError, "complex modulo");
        return NULL;
    }
    errno = 0;
    if (exponent.imag == 0. && exponent.real == floor(exponent.real) && fabs(exponent.real) <= 100.0)
        p = c_powi(a, (long)exponent.real);
    else
        p = _Py_c_pow(a, exponent);
    /* As _Py_ADJUST_ERANGE2: an infinite part is an overflow; an underflow is not. */
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        PyErr_SetString(PyExc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return PyComplex_FromCComplex(p);
}

static PyObject *complex_neg(PyObject *v) { return PyComplex_FromCComplex(_Py_c_neg(((PyComplexObject *)v)->cval)); }

static PyObject *complex_pos(PyObject *v)
{
    if (PyComplex_CheckExact(v))
        return Py_NewRef(v);
    return PyComplex_FromCComplex(((PyComplexObject *)v)->cval);
}

static PyObject *complex_abs(PyObject *v)
{
    double result = _Py_c_abs(((PyComplexObject *)v)->cval);
    if (errno == ERANGE) {
        PyErr_SetString(PyExc_OverflowError, "absolute value too large");
        return NULL;
    }
    return PyFloat_FromDouble(result);
}

static int complex_bool(PyObject *v)
{
    Py_complex c = ((PyComplexObject *)v)->cval;
    return c.real != 0.0 || c.imag != 0.0;
}

static PyObject *complex_richcompare(PyObject *v, PyObject *w, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    Py_complex i = ((PyComplexObject *)v)->cval;
    int equal;
    if (PyLong_Check(w)) {
        /* Exact: only the real part can match, compared via float's rules. */
        if (i.imag == 0.0) {
            PyObject *j = PyFloat_FromDouble(i.real);
            if (j == NULL)
                return NULL;
            PyObject *sub = PyObject_RichCompare(j, w, op);
            Py_DECREF(j);
            return sub;
        }
        equal = 0;
    } else if (PyFloat_Check(w)) {
        equal = i.real == PyFloat_AS_DOUBLE(w) && i.imag == 0.0;
    } else if (PyComplex_Check(w)) {
        Py_complex j = ((PyComplexObject *)w)->cval;
        equal = i.real == j.real && i.imag == j.imag;
    } else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyBool_FromLong(op == Py_EQ ? equal : !equal);
}

static Py_hash_t complex_hash(PyObject *v)
{
    Py_complex c = ((PyComplexObject *)v)->cval;
    Py_uhash_t hashreal = (Py_uhash_t)_Py_HashDouble(v, c.real);
    if (hashreal == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t hashimag = (Py_uhash_t)_Py_HashDouble(v, c.imag);
    if (hashimag == (Py_uhash_t)-1)
        return -1;
    Py_uhash_t combined = hashreal + _PyHASH_IMAG * hashimag;
    if (combined == (Py_uhash_t)-1)
        combined = (Py_uhash_t)-2;
    return (Py_hash_t)combined;
}

static PyObject *complex_repr(PyObject *v)
{
    Py_complex c = ((PyComplexObject *)v)->cval;
    char *re = NULL, *im = NULL;
    PyObject *result = NULL;
    if (c.real == 0. && copysign(1.0, c.real) == 1.0) {
        im = PyOS_double_to_string(c.imag, 'r', 0, 0, NULL);
        if (im != NULL)
            result = PyUnicode_FromFormat("%sj", im);
    } else {
        re = PyOS_double_to_string(c.real, 'r', 0, 0, NULL);
        im = PyOS_double_to_string(c.imag, 'r', 0, Py_DTSF_SIGN, NULL);
        if (re != NULL && im != NULL)
            result = PyUnicode_FromFormat("(%s%sj)", re, im);
    }
    PyMem_Free(re);
    PyMem_Free(im);
    return result;
}

/* ==== parsing complex('...') ==== */

static PyObject *complex_from_string_inner(const char *s, Py_ssize_t len, PyTypeObject *type)
{
    double x = 0.0, y = 0.0, z;
    int got_bracket = 0;
    const char *start = s, *end;
    char *endp;
    while (*s && isspace((unsigned char)*s))
        s++;
    if (*s == '(') {
        got_bracket = 1;
        s++;
        while (*s && isspace((unsigned char)*s))
            s++;
    }
    /* a) real, b) imag with 'j', c) real+imag j, d) [+-]j */
    z = PyOS_string_to_double(s, &endp, NULL);
    if (z == -1.0 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_ValueError))
            PyErr_Clear();
        else
            return NULL;
    }
    if (endp != s) {
        s = endp;
        if (*s == '+' || *s == '-') {
            x = z;
            y = PyOS_string_to_double(s, &endp, NULL);
            if (y == -1.0 && PyErr_Occurred()) {
                if (PyErr_ExceptionMatches(PyExc_ValueError))
                    PyErr_Clear();
                else
                    return NULL;
            }
            if (endp != s) {
                s = endp;
            } else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (!(*s == 'j' || *s == 'J'))
                goto parse_error;
            s++;
        } else if (*s == 'j' || *s == 'J') {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (*s == '+' || *s == '-') {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        } else {
            y = 1.0;
        }
        if (!(*s == 'j' || *s == 'J'))
            goto parse_error;
        s++;
    }
    while (*s && isspace((unsigned char)*s))
        s++;
    if (got_bracket) {
        if (*s != ')')
            goto parse_error;
        s++;
        while (*s && isspace((unsigned char)*s))
            s++;
    }
    end = start + len;
    if (s != end)
        goto parse_error;
    {
        Py_complex c = {x, y};
        return complex_subtype_from_c_complex(type, c);
    }
parse_error:
    PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static PyObject *complex_subtype_from_string(PyTypeObject *type, PyObject *v)
{
    Py_ssize_t len = PyUnicode_GET_LENGTH(v);
    char *buf = PyMem_Malloc(len + 1);
    if (buf == NULL)
        return PyErr_NoMemory();
    /* Map to ASCII (Unicode digits and spaces as CPython), dropping valid underscores. */
    Py_ssize_t n = 0;
    for (Py_ssize_t i = 0; i < len; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(v, i);
        if (ch == '_') {
            int ok = i > 0 && i + 1 < len && isdigit((int)(buf[n - 1])) &&
                     PyUnicode_READ_CHAR(v, i + 1) < 128 && isdigit((int)PyUnicode_READ_CHAR(v, i + 1));
            if (!ok) {
                PyMem_Free(buf);
                PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
                return NULL;
            }
            continue;
        }
        if (ch < 128) buf[n++] = (char)ch;
        else if (Py_UNICODE_ISSPACE(ch)) buf[n++] = ' ';
        else {
            int d = _PyUnicode_ToDecimalDigit(ch);
            buf[n++] = d >= 0 ? (char)('0' + d) : '?';
        }
    }
    buf[n] = '\0';
    PyObject *res;
    if ((Py_ssize_t)strlen(buf) != n) {
        PyErr_SetString(PyExc_ValueError, "complex() arg is a malformed string");
        res = NULL;
    } else {
        res = complex_from_string_inner(buf, n, type);
    }
    PyMem_Free(buf);
    return res;
}

static PyObject *complex_new_impl(PyTypeObject *type, PyObject *r, PyObject *i)
{
    if (r == NULL)
        r = _PyLong_GetZero();
    if (PyUnicode_Check(r)) {
        if (i != NULL) {
            PyErr_SetString(PyExc_TypeError, "complex() can't take second arg if first is a string");
            return NULL;
        }
        return complex_subtype_from_string(type, r);
    }
    if (i != NULL && PyUnicode_Check(i)) {
        PyErr_SetString(PyExc_TypeError, "complex() second arg can't be a string");
        return NULL;
    }
    PyObject *tmp = try_complex_special_method(r);
    int own_r = 0;
    if (tmp) {
        r = tmp;
        own_r = 1;
    } else if (PyErr_Occurred()) {
        return NULL;
    }
    PyNumberMethods *nbr = Py_TYPE(r)->tp_as_number;
    if (nbr == NULL || (!PyComplex_Check(r) && nbr->nb_float == NULL && nbr->nb_index == NULL)) {
        PyErr_Format(PyExc_TypeError, "complex() first argument must be a string or a number, not '%.200s'",
                     Py_TYPE(r)->tp_name);
        if (own_r)
            Py_DECREF(r);
        return NULL;
    }
    if (i != NULL) {
        PyNumberMethods *nbi = Py_TYPE(i)->tp_as_number;
        if (nbi == NULL || (!PyComplex_Check(i) && nbi->nb_float == NULL && nbi->nb_index == NULL)) {
            PyErr_Format(PyExc_TypeError, "complex() second argument must be a number, not '%.200s'",
                         Py_TYPE(i)->tp_name);
            if (own_r)
                Py_DECREF(r);
            return NULL;
        }
    }
    Py_complex cr, ci = {0.0, 0.0};
    int cr_is_complex = 0, ci_is_complex = 0;
    if (PyComplex_Check(r)) {
        cr = ((PyComplexObject *)r)->cval;
        cr_is_complex = 1;
        if (own_r)
            Py_DECREF(r);
    } else {
        PyObject *f = PyNumber_Float(r);
        if (own_r)
            Py_DECREF(r);
        if (f == NULL)
            return NULL;
        cr.real = PyFloat_AsDouble(f);
        cr.imag = 0.0;
        Py_DECREF(f);
    }
    if (i == NULL) {
        ci.real = cr.imag;
    } else if (PyComplex_Check(i)) {
        ci = ((PyComplexObject *)i)->cval;
        ci_is_complex = 1;
    } else {
        PyObject *f = PyNumber_Float(i);
        if (f == NULL)
            return NULL;
        ci.real = PyFloat_AsDouble(f);
        Py_DECREF(f);
    }
    /* (a+bj) + (c+dj)j = (a-d) + (b+c)j */
    if (ci_is_complex)
        cr.real -= ci.imag;
    if (cr_is_complex && i != NULL)
        ci.real += cr.imag;
    Py_complex c = {cr.real, ci.real};
    return complex_subtype_from_c_complex(type, c);
}

static PyObject *complex_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"real", "imag", NULL};
    PyObject *r = NULL, *i = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO:complex", kwlist, &r, &i))
        return NULL;
    /* complex(c) for an exact complex returns it unchanged. */
    if (r != NULL && i == NULL && type == &PyComplex_Type && PyComplex_CheckExact(r))
        return Py_NewRef(r);
    return complex_new_impl(type, r, i);
}

/* ==== methods ==== */

static PyObject *complex_conjugate(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_complex c = ((PyComplexObject *)self)->cval;
    c.imag = -c.imag;
    return PyComplex_FromCComplex(c);
}

static PyObject *complex___getnewargs__(PyObject *self, PyObject *Py_UNUSED(a))
{
    Py_complex c = ((PyComplexObject *)self)->cval;
    return Py_BuildValue("(dd)", c.real, c.imag);
}

static PyObject *complex___complex__(PyObject *self, PyObject *Py_UNUSED(a))
{
    if (PyComplex_CheckExact(self))
        return Py_NewRef(self);
    return PyComplex_FromCComplex(((PyComplexObject *)self)->cval);
}

/* num (as PyOS_double_to_string made it, PyMem-allocated) with sep between each group of
 * three digits of its integer part; takes num over; NULL on no memory. */
static char *group_digits(char *num, char sep)
{
    if (num == NULL || sep == 0)
        return num;
    size_t len = strlen(num), i = 0, k = 0;
    while (num[i] == '+' || num[i] == '-' || num[i] == ' ')
        i++;
    size_t digits = 0;
    while (num[i + digits] >= '0' && num[i + digits] <= '9')
        digits++;
    char *out = PyMem_Malloc(len + digits / 3 + 1);
    if (out == NULL) {
        PyMem_Free(num);
        return NULL;
    }
    memcpy(out, num, i);
    k = i;
    for (size_t d = 0; d < digits; d++) {
        if (d > 0 && (digits - d) % 3 == 0)
            out[k++] = sep;
        out[k++] = num[i + d];
    }
    strcpy(out + k, num + i + digits);
    PyMem_Free(num);
    return out;
}

int _PyComplex_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj, PyObject *format_spec,
                                    Py_ssize_t start, Py_ssize_t end)
{
    if (start == end) {
        PyObject *s = PyObject_Str(obj);
        if (s == NULL)
            return -1;
        int r = _PyUnicodeWriter_WriteStr(writer, s);
        Py_DECREF(s);
        return r;
    }
    _PyFormatSpec spec;
    if (_PyUnicode_ParseFormatSpec(obj, format_spec, start, end, &spec, '\0', '>') < 0)
        return -1;
    Py_UCS4 type = spec.type;
    int add_parens = 0, skip_re = 0, default_precision = 6, flags = 0;
    Py_ssize_t precision = spec.precision;
    if (spec.fill_char == '0' && spec.align == '=') {
        PyErr_SetString(PyExc_ValueError, "Zero padding is not allowed in complex format specifier");
        return -1;
    }
    if (spec.align == '=') {
        PyErr_SetString(PyExc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
        return -1;
    }
    switch (type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n':
        break;
    default:
        if (type > 32 && type < 128)
            PyErr_Format(PyExc_ValueError, "Unknown format code '%c' for object of type '%.200s'",
                         (char)type, Py_TYPE(obj)->tp_name);
        else
            PyErr_Format(PyExc_ValueError, "Unknown format code '\\x%x' for object of type '%.200s'",
                         (unsigned int)type, Py_TYPE(obj)->tp_name);
        return -1;
    }
    Py_complex c = ((PyComplexObject *)obj)->cval;
    if (spec.alternate)
        flags |= Py_DTSF_ALT;
    if (spec.no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == '\0') {
        type = 'r';
        default_precision = 0;
        if (c.real == 0. && copysign(1.0, c.real) == 1.0)
            skip_re = 1;
        else
            add_parens = 1;
    }
    if (type == 'n')
        type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    int reflags = flags, imflags = flags;
    if (spec.sign == '+')
        reflags |= Py_DTSF_SIGN;
    if (skip_re) {
        if (spec.sign == '+')
            imflags |= Py_DTSF_SIGN;
    } else {
        imflags |= Py_DTSF_SIGN;
    }
    char *re = skip_re ? NULL : PyOS_double_to_string(c.real, (char)type, (int)precision, reflags, NULL);
    char *im = PyOS_double_to_string(c.imag, (char)type, (int)precision, imflags, NULL);
    if (spec.thousands_separators) {
        char sep = (char)spec.thousands_separators;
        if (re != NULL)
            re = group_digits(re, sep);
        im = group_digits(im, sep);
        if ((re == NULL && !skip_re) || im == NULL) {
            PyMem_Free(re);
            PyMem_Free(im);
            PyErr_NoMemory();
            return -1;
        }
    }
    int r = -1;
    if ((re != NULL || skip_re) && im != NULL) {
        char *buf = PyMem_Malloc(strlen(re ? re : "") + strlen(im) + 8);
        if (buf != NULL) {
            const char *lead = (spec.sign == ' ' && ((re && re[0] != '-') || (!re && im[0] != '-' && im[0] != '+'))) ? " " : "";
            sprintf(buf, "%s%s%s%sj%s", add_parens ? "(" : "", lead, re ? re : "", im, add_parens ? ")" : "");
            Py_ssize_t len = (Py_ssize_t)strlen(buf);
            Py_ssize_t padding = spec.width > len ? spec.width - len : 0, lpad = 0, rpad = 0;
            if (spec.align == '<') rpad = padding;
            else if (spec.align == '^') { lpad = padding / 2; rpad = padding - lpad; }
            else lpad = padding;
            r = 0;
            for (Py_ssize_t k = 0; r == 0 && k < lpad; k++)
                r = _PyUnicodeWriter_WriteChar(writer, spec.fill_char);
            if (r == 0)
                r = _PyUnicodeWriter_WriteASCIIString(writer, buf, len);
            for (Py_ssize_t k = 0; r == 0 && k < rpad; k++)
                r = _PyUnicodeWriter_WriteChar(writer, spec.fill_char);
            PyMem_Free(buf);
        } else {
            PyErr_NoMemory();
        }
    }
    PyMem_Free(re);
    PyMem_Free(im);
    return r;
}

static PyObject *complex___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s", Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    _PyUnicodeWriter w;
    _PyUnicodeWriter_Init(&w);
    if (_PyComplex_FormatAdvancedWriter(&w, self, format_spec, 0, PyUnicode_GET_LENGTH(format_spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&w);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&w);
}

static PyMethodDef complex_methods[] = {
    {"conjugate", complex_conjugate, METH_NOARGS, DOC_complex_conjugate},
    {"__complex__", complex___complex__, METH_NOARGS, DOC_complex___complex__},
    {"__getnewargs__", complex___getnewargs__, METH_NOARGS, DOC_complex___getnewargs__},
    {"__format__", complex___format__, METH_O, DOC_complex___format__},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef complex_members[] = {
    {"real", T_DOUBLE, offsetof(PyComplexObject, cval.real), READONLY, DOC_complex_real},
    {"imag", T_DOUBLE, offsetof(PyComplexObject, cval.imag), READONLY, DOC_complex_imag},
    {NULL, 0, 0, 0, NULL},
};

static PyNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

PyTypeObject PyComplex_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "complex",
    .tp_basicsize = sizeof(PyComplexObject),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_complex,
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = complex_new,
    .tp_free = PyObject_Del,
};
