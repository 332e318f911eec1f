/* cmathmodule.c — the `cmath` module: complex elementary functions with C99 Annex G's
 * special values (7x7 tables indexed by the class of the real and imaginary parts),
 * Kahan-style algorithms that stay accurate near branch cuts and avoid spurious overflow,
 * and CPython 3.11's errors ("math domain error" / "math range error").  Owner: modnew. */
#include "Python.h"

#define PyDoc_STR(str) str   /* docstrings are always compiled in */

#include <errno.h>
#include <float.h>
#include <math.h>

/* Thresholds: beyond LARGE the usual formulas may overflow, so scaled ones are used. */
#define CM_LARGE_DOUBLE (DBL_MAX / 4.)
#define CM_SQRT_LARGE_DOUBLE 6.703903964971298e+153   /* sqrt(CM_LARGE_DOUBLE) */
#define CM_LOG_LARGE_DOUBLE 708.3964185322641         /* log(CM_LARGE_DOUBLE) */
#define CM_SQRT_DBL_MIN 1.4916681462400413e-154       /* sqrt(DBL_MIN) */
#define CM_SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define CM_SCALE_DOWN (-(CM_SCALE_UP + 1) / 2)

/* ------------------------------------------------------------ special values */

/* The class of a double, the index into the special-value tables. */
enum { ST_NINF, ST_NEG, ST_NZERO, ST_PZERO, ST_POS, ST_PINF, ST_NAN };

static int special_type(double d)
{
    if (isfinite(d)) {
        if (d != 0)
            return copysign(1., d) == 1. ? ST_POS : ST_NEG;
        return copysign(1., d) == 1. ? ST_PZERO : ST_NZERO;
    }
    if (isnan(d))
        return ST_NAN;
    return copysign(1., d) == 1. ? ST_PINF : ST_NINF;
}

/* One table cell: the result and whether the input is a domain error. */
typedef struct { double real, imag; int edom; } special_value;

#define INF_ INFINITY
#define NAN_ NAN
#define P M_PI
#define P12 (M_PI / 2)
#define P14 (M_PI / 4)
#define P34 (3 * M_PI / 4)
#define U {0., 0., 0}      /* unused: both parts finite */
#define C {NAN, NAN, 1}    /* unused: computed by the function from the finite part */

/* Tables [class of real part][class of imaginary part], following C99 Annex G. */
#include "cmath_special.h"

/* If z is not finite, store its special value in *r (errno = EDOM for a domain error)
 * and return 1. */
static int special_value_of(Py_complex z, const special_value table[7][7], Py_complex *r)
{
    if (isfinite(z.real) && isfinite(z.imag))
        return 0;
    const special_value *sv = &table[special_type(z.real)][special_type(z.imag)];
    r->real = sv->real;
    r->imag = sv->imag;
    errno = sv->edom ? EDOM : 0;
    return 1;
}

/* ------------------------------------------------------------ the functions */

static Py_complex c_sqrt(Py_complex z)
{
    Py_complex r;
    if (special_value_of(z, sqrt_special, &r))
        return r;
    if (z.real == 0. && z.imag == 0.) {
        r.real = 0.;
        r.imag = z.imag;
        return r;
    }
    double ax = fabs(z.real), ay = fabs(z.imag), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        /* subnormal: scale up so that hypot keeps its precision */
        ax = ldexp(ax, CM_SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
    }
    else {
        ax /= 8.;   /* avoids overflow in ax + hypot */
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.real >= 0.) {
        r.real = s;
        r.imag = copysign(d, z.imag);
    }
    else {
        r.real = d;
        r.imag = copysign(s, z.imag);
    }
    errno = 0;
    return r;
}

/* log(hypot(x, y)) for huge x or y, without overflow. */
static double log_hypot_large(double x, double y)
{
    return log(hypot(x / 2., y / 2.)) + M_LN2 * 2.;
}

static Py_complex c_acos(Py_complex z)
{
    Py_complex r;
    if (special_value_of(z, acos_special, &r))
        return r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = atan2(fabs(z.imag), z.real);
        if (z.real < 0)
            r.imag = -copysign(log_hypot_large(z.real, z.imag), z.imag);
        else
            r.imag = copysign(log_hypot_large(z.real, z.imag), -z.imag);
    }
    else {
        Py_complex s1 = c_sqrt((Py_complex){1. - z.real, -z.imag});
        Py_complex s2 = c_sqrt((Py_complex){1. + z.real, z.imag});
        r.real = 2. * atan2(s1.real, s2.real);
        r.imag = asinh(s2.real * s1.imag - s2.imag * s1.real);
    }
    errno = 0;
    return r;
}

static Py_complex c_acosh(Py_complex z)
{
    Py_complex r;
    if (special_value_of(z, acosh_special, &r))
        return r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        r.real = log_hypot_large(z.real, z.imag);
        r.imag = atan2(z.imag, z.real);
    }
    else {
        Py_complex s1 = c_sqrt((Py_complex){z.real - 1., z.imag});
        Py_complex s2 = c_sqrt((Py_complex){z.real + 1., z.imag});
        r.real = asinh(s1.real * s2.real + s1.imag * s2.imag);
        r.imag = 2. * atan2(s1.imag, s2.real);
    }
    errno = 0;
    return r;
}

static Py_complex c_asinh(Py_complex z)
{
    Py_complex r;
    if (special_value_of(z, asinh_special, &r))
        return r;
    if (fabs(z.real) > CM_LARGE_DOUBLE || fabs(z.imag) > CM_LARGE_DOUBLE) {
        if (z.imag >= 0.)
            r.real = copysign(log_hypot_large(z.real, z.imag), z.real);
        else
            r.real = -copysign(log_hypot_large(z.real, z.imag), -z.real);
        r.imag = atan2(z.imag, fabs(z.real));
    }
    else {
        Py_complex s1 = c_sqrt((Py_complex){1. + z.imag, -z.real});
        Py_complex s2 = c_sqrt((Py_complex){1. - z.imag, z.real});
        r.real = asinh(s1.real * s2.imag - s2.real * s1.imag);
        r.imag = atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
    }
    errno = 0;
    return r;
}

/* asin(z) = -i asinh(iz) */
static Py_complex c_asin(Py_complex z)
{
    Py_complex s = c_asinh((Py_complex){-z.imag, z.real});
    return (Py_complex){s.imag, -s.real};
}

static Py_complex c_atanh(Py_complex z)
{
    Py_complex r;
    if (special_value_of(z, atanh_special, &r))
        return r;
    if (z.real < 0.) {
        /* odd function: keeps the algorithm to the right half-plane */
        r = c_atanh((Py_complex){-z.real, -z.imag});
        return (Py_complex){-r.real, -r.imag};
    }
    double ay = fabs(z.imag);
    errno = 0;
    if (z.real > CM_SQRT_LARGE_DOUBLE || ay > CM_SQRT_LARGE_DOUBLE) {
        double h = hypot(z.real / 2., z.imag / 2.);
        r.real = z.real / 4. / h / h;
        r.imag = -copysign(M_PI / 2., -z.imag);
    }
    else if (z.real == 1. && ay < CM_SQRT_DBL_MIN) {
        if (ay == 0.) {
            r.real = INFINITY;
            r.imag = z.imag;
            errno = EDOM;
        }
        else {
            r.real = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.imag = copysign(atan2(2., -ay) / 2., z.imag);
        }
    }
    else {
        r.real = log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.;
        r.imag = -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.;
    }
    return r;
}

/* atan(z) = -i atanh(iz) */
static Py_complex c_atan(Py_complex z)
{
    Py_complex s = c_atanh((Py_complex){-z.imag, z.real});
    return (Py_complex){s.imag, -s.real};
}

/* cosh and sinh share the infinite-real-part rule and the overflow-avoiding scaling. */
static Py_complex c_cosh(Py_complex z)
{
    Py_complex r;
    if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
        r.real = copysign(INFINITY, cos(z.imag));
        r.imag = z.real > 0 ? copysign(INFINITY, sin(z.imag)) : -copysign(INFINITY, sin(z.imag));
        errno = 0;
        return r;
    }
    if (special_value_of(z, cosh_special, &r))
        return r;
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        double xm1 = z.real - copysign(1., z.real);
        r.real = cos(z.imag) * cosh(xm1) * M_E;
        r.imag = sin(z.imag) * sinh(xm1) * M_E;
    }
    else {
        r.real = cos(z.imag) * cosh(z.real);
        r.imag = sin(z.imag) * sinh(z.real);
    }
    errno = (isinf(r.real) || isinf(r.imag)) ? ERANGE : 0;
    return r;
}

static Py_complex c_sinh(Py_complex z)
{
    Py_complex r;
    if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
        r.real = z.real > 0 ? copysign(INFINITY, cos(z.imag)) : -copysign(INFINITY, cos(z.imag));
        r.imag = copysign(INFINITY, sin(z.imag));
        errno = 0;
        return r;
    }
    if (special_value_of(z, sinh_special, &r))
        return r;
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        double xm1 = z.real - copysign(1., z.real);
        r.real = cos(z.imag) * sinh(xm1) * M_E;
        r.imag = sin(z.imag) * cosh(xm1) * M_E;
    }
    else {
        r.real = cos(z.imag) * sinh(z.real);
        r.imag = sin(z.imag) * cosh(z.real);
    }
    errno = (isinf(r.real) || isinf(r.imag)) ? ERANGE : 0;
    return r;
}

/* cos(z) = cosh(iz) */
static Py_complex c_cos(Py_complex z)
{
    return c_cosh((Py_complex){-z.imag, z.real});
}

/* sin(z) = -i sinh(iz) */
static Py_complex c_sin(Py_complex z)
{
    Py_complex s = c_sinh((Py_complex){-z.imag, z.real});
    return (Py_complex){s.imag, -s.real};
}

static Py_complex c_tanh(Py_complex z)
{
    Py_complex r;
    if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
        r.real = copysign(1., z.real);
        r.imag = copysign(0., 2. * sin(z.imag) * cos(z.imag));
        errno = 0;
        return r;
    }
    if (special_value_of(z, tanh_special, &r))
        return r;
    if (fabs(z.real) > CM_LOG_LARGE_DOUBLE) {
        /* tanh(x) is 1 to double precision; the imaginary part decays like exp(-2|x|) */
        r.real = copysign(1., z.real);
        r.imag = 4. * sin(z.imag) * cos(z.imag) * exp(-2. * fabs(z.real));
    }
    else {
        double tx = tanh(z.real), ty = tan(z.imag), cx = 1. / cosh(z.real);
        double txty = tx * ty, denom = 1. + txty * txty;
        r.real = tx * (1. + ty * ty) / denom;
        r.imag = ((ty / denom) * cx) * cx;
    }
    errno = 0;
    return r;
}

/* tan(z) = -i tanh(iz) */
static Py_complex c_tan(Py_complex z)
{
    Py_complex s = c_tanh((Py_complex){-z.imag, z.real});
    return (Py_complex){s.imag, -s.real};
}

static Py_complex c_exp(Py_complex z)
{
    Py_complex r;
    if (isinf(z.real) && isfinite(z.imag) && z.imag != 0.) {
        if (z.real > 0) {
            r.real = copysign(INFINITY, cos(z.imag));
            r.imag = copysign(INFINITY, sin(z.imag));
        }
        else {
            r.real = copysign(0., cos(z.imag));
            r.imag = copysign(0., sin(z.imag));
        }
        errno = 0;
        return r;
    }
    if (special_value_of(z, exp_special, &r))
        return r;
    double l;
    if (z.real > CM_LOG_LARGE_DOUBLE) {
        l = exp(z.real - 1.);
        r.real = l * cos(z.imag) * M_E;
        r.imag = l * sin(z.imag) * M_E;
    }
    else {
        l = exp(z.real);
        r.real = l * cos(z.imag);
        r.imag = l * sin(z.imag);
    }
    errno = (isinf(r.real) || isinf(r.imag)) ? ERANGE : 0;
    return r;
}

static Py_complex c_log(Py_complex z)
{
    Py_complex r;
    if (special_value_of(z, log_special, &r))
        return r;
    double ax = fabs(z.real), ay = fabs(z.imag);
    errno = 0;
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
        r.real = log(hypot(ax / 2., ay / 2.)) + M_LN2;
    }
    else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) {
            /* subnormal: scale by 2**DBL_MANT_DIG first */
            r.real = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) -
                     DBL_MANT_DIG * M_LN2;
        }
        else {
            r.real = -INFINITY;   /* log(0) */
            r.imag = atan2(z.imag, z.real);
            errno = EDOM;
            return r;
        }
    }
    else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            /* near |z| = 1: log1p keeps the relative accuracy of the small result */
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.real = log1p((am - 1) * (am + 1) + an * an) / 2.;
        }
        else {
            r.real = log(h);
        }
    }
    r.imag = atan2(z.imag, z.real);
    return r;
}

static Py_complex c_log10(Py_complex z)
{
    Py_complex r = c_log(z);
    int saved = errno;
    r.real /= M_LN10;
    r.imag /= M_LN10;
    errno = saved;
    return r;
}

/* ------------------------------------------------------------ Python wrappers */

/* errno → the exception CPython raises; NULL if one was set. */
static PyObject *math_error(void)
{
    if (errno == EDOM)
        PyErr_SetString(PyExc_ValueError, "math domain error");
    else if (errno == ERANGE)
        PyErr_SetString(PyExc_OverflowError, "math range error");
    else
        PyErr_SetString(PyExc_ValueError, "unexpected libm error");
    return NULL;
}

static PyObject *math_1(PyObject *arg, Py_complex (*func)(Py_complex))
{
    Py_complex z = PyComplex_AsCComplex(arg);
    if (z.real == -1.0 && PyErr_Occurred())
        return NULL;
    errno = 0;
    Py_complex r = func(z);
    if (errno != 0)
        return math_error();
    return PyComplex_FromCComplex(r);
}

#define FUNC1(name)                                                  \
    static PyObject *cmath_##name(PyObject *module, PyObject *arg)   \
    { return math_1(arg, c_##name); }

FUNC1(acos)
FUNC1(acosh)
FUNC1(asin)
FUNC1(asinh)
FUNC1(atan)
FUNC1(atanh)
FUNC1(cos)
FUNC1(cosh)
FUNC1(exp)
FUNC1(log10)
FUNC1(sin)
FUNC1(sinh)
FUNC1(sqrt)
FUNC1(tan)
FUNC1(tanh)

static PyObject *cmath_log(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("log", nargs, 1, 2))
        return NULL;
    Py_complex x = PyComplex_AsCComplex(args[0]);
    if (x.real == -1.0 && PyErr_Occurred())
        return NULL;
    errno = 0;
    x = c_log(x);
    if (nargs == 2) {
        Py_complex y = PyComplex_AsCComplex(args[1]);
        if (y.real == -1.0 && PyErr_Occurred())
            return NULL;
        /* as in CPython, only the base's log and the division decide errno: log(0, 2)
         * is (-inf+nanj), log(2, 0) and log(2, 1) are domain errors */
        y = c_log(y);
        x = _Py_c_quot(x, y);
    }
    if (errno != 0)
        return math_error();
    return PyComplex_FromCComplex(x);
}

static PyObject *cmath_phase(PyObject *module, PyObject *arg)
{
    Py_complex z = PyComplex_AsCComplex(arg);
    if (z.real == -1.0 && PyErr_Occurred())
        return NULL;
    return PyFloat_FromDouble(atan2(z.imag, z.real));
}

static PyObject *cmath_polar(PyObject *module, PyObject *arg)
{
    Py_complex z = PyComplex_AsCComplex(arg);
    if (z.real == -1.0 && PyErr_Occurred())
        return NULL;
    double phi = atan2(z.imag, z.real);
    errno = 0;
    double r = _Py_c_abs(z);   /* ERANGE if |z| overflows */
    if (errno != 0)
        return math_error();
    return Py_BuildValue("dd", r, phi);
}

static PyObject *cmath_rect(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("rect", nargs, 2, 2))
        return NULL;
    double r = PyFloat_AsDouble(args[0]);
    if (r == -1.0 && PyErr_Occurred())
        return NULL;
    double phi = PyFloat_AsDouble(args[1]);
    if (phi == -1.0 && PyErr_Occurred())
        return NULL;
    Py_complex z;
    errno = 0;
    if (isinf(r) && isfinite(phi) && phi != 0.) {
        double c = copysign(INFINITY, cos(phi)), s = copysign(INFINITY, sin(phi));
        z.real = r > 0 ? c : -c;
        z.imag = r > 0 ? s : -s;
    }
    else if (special_value_of((Py_complex){r, phi}, rect_special, &z)) {
        if (errno != 0)
            return math_error();
    }
    else if (phi == 0.) {
        z.real = r;           /* keeps the sign of a zero r*sin(phi) */
        z.imag = r * phi;
    }
    else {
        z.real = r * cos(phi);
        z.imag = r * sin(phi);
    }
    return PyComplex_FromCComplex(z);
}

static PyObject *cmath_isfinite(PyObject *module, PyObject *arg)
{
    Py_complex z = PyComplex_AsCComplex(arg);
    if (z.real == -1.0 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(isfinite(z.real) && isfinite(z.imag));
}

static PyObject *cmath_isnan(PyObject *module, PyObject *arg)
{
    Py_complex z = PyComplex_AsCComplex(arg);
    if (z.real == -1.0 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(isnan(z.real) || isnan(z.imag));
}

static PyObject *cmath_isinf(PyObject *module, PyObject *arg)
{
    Py_complex z = PyComplex_AsCComplex(arg);
    if (z.real == -1.0 && PyErr_Occurred())
        return NULL;
    return PyBool_FromLong(isinf(z.real) || isinf(z.imag));
}

static PyObject *cmath_isclose(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    Py_complex a, b;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "DD|$dd:isclose", kwlist, &a, &b, &rel_tol,
                                     &abs_tol))
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        PyErr_SetString(PyExc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a.real == b.real && a.imag == b.imag)
        Py_RETURN_TRUE;   /* also covers equal infinities */
    if (isinf(a.real) || isinf(a.imag) || isinf(b.real) || isinf(b.imag))
        Py_RETURN_FALSE;
    errno = 0;
    double diff = _Py_c_abs(_Py_c_diff(a, b));
    return PyBool_FromLong((diff <= rel_tol * _Py_c_abs(b)) || (diff <= rel_tol * _Py_c_abs(a)) ||
                           diff <= abs_tol);
}

/* ------------------------------------------------------------ module */

#define DOC1(name, text) PyDoc_STR(name "($module, z, /)\n--\n\n" text)
#define FAST(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL
static PyMethodDef cmath_methods[] = {
    {"acos", cmath_acos, METH_O, DOC1("acos", "Return the arc cosine of z.")},
    {"acosh", cmath_acosh, METH_O, DOC1("acosh", "Return the inverse hyperbolic cosine of z.")},
    {"asin", cmath_asin, METH_O, DOC1("asin", "Return the arc sine of z.")},
    {"asinh", cmath_asinh, METH_O, DOC1("asinh", "Return the inverse hyperbolic sine of z.")},
    {"atan", cmath_atan, METH_O, DOC1("atan", "Return the arc tangent of z.")},
    {"atanh", cmath_atanh, METH_O, DOC1("atanh", "Return the inverse hyperbolic tangent of z.")},
    {"cos", cmath_cos, METH_O, DOC1("cos", "Return the cosine of z.")},
    {"cosh", cmath_cosh, METH_O, DOC1("cosh", "Return the hyperbolic cosine of z.")},
    {"exp", cmath_exp, METH_O, DOC1("exp", "Return the exponential value e**z.")},
    {"isclose", (PyCFunction)(void (*)(void))cmath_isclose, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("isclose($module, /, a, b, *, rel_tol=1e-09, abs_tol=0.0)\n--\n\n"
               "Determine whether two complex numbers are close in value.\n\n"
               "  rel_tol\n    maximum difference for being considered \"close\", relative to the\n"
               "    magnitude of the input values\n"
               "  abs_tol\n    maximum difference for being considered \"close\", regardless of the\n"
               "    magnitude of the input values\n\n"
               "Return True if a is close in value to b, and False otherwise.\n\n"
               "For the values to be considered close, the difference between them must be\n"
               "smaller than at least one of the tolerances.\n\n"
               "-inf, inf and NaN behave similarly to the IEEE 754 Standard. That is, NaN is\n"
               "not close to anything, even itself. inf and -inf are only close to themselves.")},
    {"isfinite", cmath_isfinite, METH_O,
     DOC1("isfinite", "Return True if both the real and imaginary parts of z are finite, else False.")},
    {"isinf", cmath_isinf, METH_O,
     DOC1("isinf", "Checks if the real or imaginary part of z is infinite.")},
    {"isnan", cmath_isnan, METH_O,
     DOC1("isnan", "Checks if the real or imaginary part of z not a number (NaN).")},
    {"log", FAST(cmath_log),
     PyDoc_STR("log($module, z, base=<unrepresentable>, /)\n--\n\n"
               "log(z[, base]) -> the logarithm of z to the given base.\n\n"
               "If the base not specified, returns the natural logarithm (base e) of z.")},
    {"log10", cmath_log10, METH_O, DOC1("log10", "Return the base-10 logarithm of z.")},
    {"phase", cmath_phase, METH_O,
     DOC1("phase", "Return argument, also known as the phase angle, of a complex.")},
    {"polar", cmath_polar, METH_O,
     DOC1("polar", "Convert a complex from rectangular coordinates to polar coordinates.\n\n"
                   "r is the distance from 0 and phi the phase angle.")},
    {"rect", FAST(cmath_rect),
     PyDoc_STR("rect($module, r, phi, /)\n--\n\n"
               "Convert from polar coordinates to rectangular coordinates.")},
    {"sin", cmath_sin, METH_O, DOC1("sin", "Return the sine of z.")},
    {"sinh", cmath_sinh, METH_O, DOC1("sinh", "Return the hyperbolic sine of z.")},
    {"sqrt", cmath_sqrt, METH_O, DOC1("sqrt", "Return the square root of z.")},
    {"tan", cmath_tan, METH_O, DOC1("tan", "Return the tangent of z.")},
    {"tanh", cmath_tanh, METH_O, DOC1("tanh", "Return the hyperbolic tangent of z.")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cmathmodule = {
    PyModuleDef_HEAD_INIT, "cmath",
    "This module provides access to mathematical functions for complex\nnumbers.",
    -1, cmath_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_cmath(void)
{
    PyObject *m = PyModule_Create(&cmathmodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObject(m, "pi", PyFloat_FromDouble(M_PI)) < 0 ||
        PyModule_AddObject(m, "e", PyFloat_FromDouble(M_E)) < 0 ||
        PyModule_AddObject(m, "tau", PyFloat_FromDouble(2 * M_PI)) < 0 ||
        PyModule_AddObject(m, "inf", PyFloat_FromDouble(INFINITY)) < 0 ||
        PyModule_AddObject(m, "infj", PyComplex_FromDoubles(0.0, INFINITY)) < 0 ||
        PyModule_AddObject(m, "nan", PyFloat_FromDouble(NAN)) < 0 ||
        PyModule_AddObject(m, "nanj", PyComplex_FromDoubles(0.0, NAN)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
