/* floatobject.c — float, and CPython's pystrtod API (PyOS_double_to_string /
 * PyOS_string_to_double): shortest round-trip repr, the 'e/f/g/%' formats, parsing with
 * Python's syntax, arithmetic with CPython's errors, exact comparison with ints, hashing,
 * round(), hex()/fromhex().  The shared format-spec machinery is in unicodeobject.c. */
#include "Python.h"
#include "type_docs.h"
#include <float.h>
#include <ctype.h>

/* ==== allocation ==== */

#define FLOAT_FREELIST_MAX 100
static PyFloatObject *float_free_list = NULL;   /* chained through ob_type */
static int float_numfree = 0;
extern int _PyTraceMalloc_active;                  /* obmalloc.c */
void _PyTraceMalloc_NewReference(PyObject *op);    /* _tracemalloc.c */

PyObject *PyFloat_FromDouble(double fval)
{
    PyFloatObject *op = float_free_list;
    if (op != NULL) {
        float_free_list = (PyFloatObject *)Py_TYPE(op);
        float_numfree--;
        if (_PyTraceMalloc_active)   /* a reused block is a new allocation to tracemalloc */
            _PyTraceMalloc_NewReference((PyObject *)op);
    } else {
        op = (PyFloatObject *)PyObject_Malloc(sizeof(PyFloatObject));
        if (op == NULL)
            return PyErr_NoMemory();
    }
    PyObject_Init((PyObject *)op, &PyFloat_Type);
    op->ob_fval = fval;
    return (PyObject *)op;
}

static void float_dealloc(PyObject *op)
{
    if (PyFloat_CheckExact(op)) {
        if (float_numfree >= FLOAT_FREELIST_MAX) {
            PyObject_Free(op);
            return;
        }
        float_numfree++;
        Py_SET_TYPE(op, (PyTypeObject *)float_free_list);
        float_free_list = (PyFloatObject *)op;
        return;
    }
    Py_TYPE(op)->tp_free(op);
}

double PyFloat_GetMax(void) { return DBL_MAX; }
double PyFloat_GetMin(void) { return DBL_MIN; }

double PyFloat_AsDouble(PyObject *op)
{
    if (op == NULL) {
        PyErr_BadArgument();
        return -1;
    }
    if (PyFloat_Check(op))
        return PyFloat_AS_DOUBLE(op);
    PyNumberMethods *nb = Py_TYPE(op)->tp_as_number;
    if (nb == NULL || nb->nb_float == NULL) {
        if (nb && nb->nb_index) {
            PyObject *res = _PyNumber_Index(op);
            if (!res)
                return -1;
            double val = PyLong_AsDouble(res);
            Py_DECREF(res);
            return val;
        }
        PyErr_Format(PyExc_TypeError, "must be real number, not %.50s", Py_TYPE(op)->tp_name);
        return -1;
    }
    PyObject *res = nb->nb_float(op);
    if (res == NULL)
        return -1;
    if (!PyFloat_CheckExact(res)) {
        if (!PyFloat_Check(res)) {
            PyErr_Format(PyExc_TypeError, "%.50s.__float__ returned non-float (type %.50s)",
                         Py_TYPE(op)->tp_name, Py_TYPE(res)->tp_name);
            Py_DECREF(res);
            return -1;
        }
    }
    double val = PyFloat_AS_DOUBLE(res);
    Py_DECREF(res);
    return val;
}

/* ==== double -> string ==== */

/* The significant digits of x (positive, finite) at prec digits: the correctly rounded
 * ones, or, when those do not read back as x, the neighbour on the other side of x
 * (the shortest string may round the other way, e.g. 2**-24 -> 5.960464477539063e-08).
 * Returns 1 and fills digits/exponent (value = d.ddd * 10**exp) when it round-trips. */
static int digits_at(double x, int prec, char *digits, int *exp)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[n++] = *p;
    digits[n] = '\0';
    *exp = atoi(p + 1);
    double back = strtod(buf, NULL);
    if (back == x)
        return 1;
    /* Step one unit in the last place towards x. */
    int i = n - 1;
    if (back < x) {
        while (i >= 0 && digits[i] == '9')
            digits[i--] = '0';
        if (i < 0) {        /* 99..9 -> 100..0: one more decade */
            digits[0] = '1';
            ++*exp;
        } else
            digits[i]++;
    } else {
        while (i >= 0 && digits[i] == '0')
            digits[i--] = '9';
        if (i < 0)
            return 0;
        digits[i]--;
        if (i == 0 && digits[0] == '0') {   /* 10..0 -> 9..9 (one digit fewer) */
            memmove(digits, digits + 1, n);
            n--;
            --*exp;
            if (n == 0)
                return 0;
        }
    }
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits + 1, *exp);
    return strtod(buf, NULL) == x;
}

/* Digits of an integral x below 2**53: its exact decimal form is the shortest (any string
 * with fewer significant digits is another integer, exactly representable, or needs more
 * digits), so no conversion round-trip is needed. */
static int integral_digits(double x, char *digits, int *decpt)
{
    char tmp[24];
    uint64_t v = (uint64_t)x;
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    *decpt = n;
    for (int i = 0; i < n; i++)
        digits[i] = tmp[n - 1 - i];
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    return n;
}

/* Shortest digits that round-trip (David Gay's mode 0, as CPython's repr): fills digits
 * (no dot, no trailing zeros) and the decimal point position (value = 0.ddd * 10**decpt).
 * Fast paths: integral values below 2**53; then, for normal doubles, 15 digits: every
 * decimal of at most DBL_DIG (15) digits survives decimal -> double -> 15 digits, so if the
 * shortest string has k <= 15 digits, x rounded to 15 digits is that string padded with
 * zeros, and if x at 15 digits does not round-trip the answer has 16 or 17 digits.
 * Subnormals (fewer digits of precision) take the general binary search: whether some
 * prec-digit string round-trips is monotone in prec. */
static int shortest_digits(double x, char *digits, int *decpt)
{
    char cand[32];
    int exp = 0, lo = 1, hi = 17;
    if (x > 0 && x < 9007199254740992.0 && x == floor(x))
        return integral_digits(x, digits, decpt);
    if (x >= DBL_MIN) {
        char buf[48];
        snprintf(buf, sizeof buf, "%.14e", x);
        if (strtod(buf, NULL) == x) {
            int n = 0;
            const char *p = buf;
            for (; *p != 'e'; p++)
                if (*p != '.')
                    digits[n++] = *p;
            while (n > 1 && digits[n - 1] == '0')
                n--;
            digits[n] = '\0';
            *decpt = atoi(p + 1) + 1;
            return n;
        }
        lo = digits_at(x, 16, cand, &exp) ? 16 : 17;
        hi = lo;
    }
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (digits_at(x, mid, cand, &exp))
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo == 16 && x >= DBL_MIN)
        strcpy(digits, cand);   /* already computed above */
    else
        digits_at(x, lo, digits, &exp);
    int n = (int)strlen(digits);
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = '\0';
    *decpt = exp + 1;
    return n;
}

/* Format per repr: fixed notation if -4 <= exp < 16, else exponent notation. */
static void format_repr(double x, char *out, int add_dot_0)
{
    char digits[32];
    int decpt;
    int n = shortest_digits(x, digits, &decpt);
    char *o = out;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            *o++ = '0';
            *o++ = '.';
            for (int i = 0; i < -decpt; i++)
                *o++ = '0';
            memcpy(o, digits, n);
            o += n;
        } else if (n <= decpt) {
            memcpy(o, digits, n);
            o += n;
            for (int i = n; i < decpt; i++)
                *o++ = '0';
            if (add_dot_0) {
                *o++ = '.';
                *o++ = '0';
            }
        } else {
            memcpy(o, digits, decpt);
            o += decpt;
            *o++ = '.';
            memcpy(o, digits + decpt, n - decpt);
            o += n - decpt;
        }
    } else {
        *o++ = digits[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, n - 1);
            o += n - 1;
        }
        int e = decpt - 1;
        o += sprintf(o, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    *o = '\0';
}

static int round_fast(double x, int ndigits, double *out);

/* The 'f' format of a (non-negative, finite) with prec <= 22 places when a * 10**prec is
 * below 2**52: the digits are the integer nearest the exact product (round_fast's
 * reasoning, ties to even as glibc's printf), with the point put back in.  0: use printf. */
static int fixed_fast(double a, int prec, int alt, char *body)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                   1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
                                   1e20, 1e21, 1e22};
    if (prec < 0 || prec > 22)
        return 0;
    double p = a * pow10[prec];
    if (!(p < 4503599627370496.0))
        return 0;
    double e = fma(a, pow10[prec], -p), f = floor(p), frac = p - f;
    if (frac > 0.5 || (frac == 0.5 && (e > 0 || (e == 0 && fmod(f, 2.0) != 0))))
        f += 1;
    char tmp[40];
    int n = 0;
    uint64_t v = (uint64_t)f;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n <= prec)          /* at least one digit before the point */
        tmp[n++] = '0';
    char *o = body;
    for (int i = n - 1; i >= 0; i--) {
        if (i == prec - 1)
            *o++ = '.';
        *o++ = tmp[i];
    }
    if (prec == 0 && alt)
        *o++ = '.';
    *o = '\0';
    return 1;
}

/* 'g' with ADD_DOT_0 (the '' presentation with a precision) switches to exponent form
 * when the decimal exponent reaches precision - 1, not precision as %g does: otherwise the
 * ".0" it appends would show one digit too many (format(1234.56, '.4') == '1.235e+03').
 * Writes the exponent form into body and returns 1, or returns 0 to let %g do it. */
static int g_dot0_exponent(double a, int precision, int alt, int upper, char *body)
{
    int p = precision == 0 ? 1 : precision, exp;
    char *e, *m;
    snprintf(body, 512, upper ? "%.*E" : "%.*e", p - 1, a);
    e = strpbrk(body, "eE");
    exp = atoi(e + 1);
    if (exp < -4 || exp < p - 1)
        return 0;
    if (!alt && (m = strchr(body, '.')) != NULL && m < e) {
        /* strip trailing zeros of the mantissa, and the dot if nothing is left */
        char *z = e;
        while (z > m + 1 && z[-1] == '0')
            z--;
        if (z == m + 1)
            z = m;
        memmove(z, e, strlen(e) + 1);
    }
    return 1;
}

char *PyOS_double_to_string(double val, char format_code, int precision, int flags, int *type)
{
    char body[512];
    int upper = 0;
    char *result;
    if (type)
        *type = Py_DTST_FINITE;
    switch (format_code) {
    case 'E': case 'F': case 'G':
        upper = 1;
        format_code = (char)(format_code - 'A' + 'a');
        break;
    case 'e': case 'f': case 'g': case 'r':
        break;
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
    int negative = signbit(val) != 0;
    if (isnan(val)) {
        negative = 0;   /* Python never shows a sign on nan */
        strcpy(body, upper ? "NAN" : "nan");
        if (type)
            *type = Py_DTST_NAN;
    } else if (isinf(val)) {
        strcpy(body, upper ? "INF" : "inf");
        if (type)
            *type = Py_DTST_INFINITE;
    } else {
        double a = fabs(val);
        if (format_code == 'r') {
            format_repr(a, body, flags & Py_DTSF_ADD_DOT_0);
        } else if (format_code == 'f' && fixed_fast(a, precision, flags & Py_DTSF_ALT, body)) {
            /* done: exact digits without printf */
        } else if (format_code == 'g' && (flags & Py_DTSF_ADD_DOT_0) &&
                   g_dot0_exponent(a, precision, flags & Py_DTSF_ALT, upper, body)) {
            /* done: exponent form chosen one decimal place earlier than %g */
        } else {
            char fmt[16];
            snprintf(fmt, sizeof fmt, "%%%s.%d%c", (flags & Py_DTSF_ALT) ? "#" : "", precision,
                     upper ? (char)(format_code - 'a' + 'A') : format_code);
            int n = snprintf(body, sizeof body, fmt, a);
            if (n >= (int)sizeof body) {
                char *big = PyMem_Malloc(n + 1);
                if (big == NULL) {
                    PyErr_NoMemory();
                    return NULL;
                }
                snprintf(big, n + 1, fmt, a);
                result = PyMem_Malloc(n + 3);
                if (result == NULL) {
                    PyMem_Free(big);
                    PyErr_NoMemory();
                    return NULL;
                }
                int neg = negative && !((flags & Py_DTSF_NO_NEG_0) && strspn(big, "0.") == strlen(big));
                sprintf(result, "%s%s", neg ? "-" : (flags & Py_DTSF_SIGN) ? "+" : "", big);
                PyMem_Free(big);
                return result;
            }
            /* 'g' with ADD_DOT_0 (the '' presentation with a precision): ensure a dot. */
            if ((flags & Py_DTSF_ADD_DOT_0) && format_code == 'g' &&
                strpbrk(body, ".eE") == NULL) {
                strcat(body, ".0");
            }
        }
        if ((flags & Py_DTSF_NO_NEG_0) && negative) {
            /* -0.0 after rounding becomes 0.0 */
            int allzero = 1;
            for (const char *p = body; *p && *p != 'e' && *p != 'E'; p++)
                if (*p >= '1' && *p <= '9')
                    allzero = 0;
            if (allzero)
                negative = 0;
        }
    }
    size_t len = strlen(body);
    result = PyMem_Malloc(len + 2);
    if (result == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    char *o = result;
    if (negative)
        *o++ = '-';
    else if (flags & Py_DTSF_SIGN)
        *o++ = '+';
    memcpy(o, body, len + 1);
    return result;
}

static PyObject *float_repr(PyObject *v)
{
    char *buf = PyOS_double_to_string(PyFloat_AS_DOUBLE(v), 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    if (buf == NULL)
        return NULL;
    PyObject *result = _PyUnicode_FromASCII(buf, (Py_ssize_t)strlen(buf));
    PyMem_Free(buf);
    return result;
}

/* ==== string -> double ==== */

static int case_prefix(const char *s, const char *word)
{
    size_t n = strlen(word);
    return strncasecmp(s, word, n) == 0 ? (int)n : 0;
}

double _Py_parse_inf_or_nan(const char *p, char **endptr)
{
    const char *s = p;
    int negate = 0;
    double retval;
    if (*s == '-') {
        negate = 1;
        s++;
    } else if (*s == '+') {
        s++;
    }
    int n;
    if ((n = case_prefix(s, "inf"))) {
        s += n;
        if ((n = case_prefix(s, "inity")))
            s += n;
        retval = negate ? -INFINITY : INFINITY;
    } else if ((n = case_prefix(s, "nan"))) {
        s += n;
        retval = negate ? -NAN : NAN;
    } else {
        s = p;
        retval = -1.0;
    }
    *endptr = (char *)s;
    return retval;
}

/* Python's float syntax (no hex, no "nan(...)") then strtod for the rounding. */
double _Py_dg_strtod(const char *s00, char **se)
{
    const char *s = s00;
    if (*s == '+' || *s == '-')
        s++;
    const char *digits = s;
    while (isdigit((unsigned char)*s))
        s++;
    int ndig = (int)(s - digits);
    if (*s == '.') {
        s++;
        const char *frac = s;
        while (isdigit((unsigned char)*s))
            s++;
        ndig += (int)(s - frac);
    }
    if (ndig == 0) {
        *se = (char *)s00;
        return 0.0;
    }
    if (*s == 'e' || *s == 'E') {
        const char *e = s + 1;
        if (*e == '+' || *e == '-')
            e++;
        if (isdigit((unsigned char)*e)) {
            while (isdigit((unsigned char)*e))
                e++;
            s = e;
        }
    }
    /* strtod on a copy of exactly the accepted span. */
    size_t len = (size_t)(s - s00);
    char stackbuf[128];
    char *copy = len < sizeof stackbuf ? stackbuf : malloc(len + 1);
    if (copy == NULL) {
        *se = (char *)s00;
        errno = ENOMEM;
        return -1.0;
    }
    memcpy(copy, s00, len);
    copy[len] = '\0';
    errno = 0;
    double x = strtod(copy, NULL);
    if (copy != stackbuf)
        free(copy);
    *se = (char *)s;
    return x;
}

double PyOS_string_to_double(const char *s, char **endptr, PyObject *overflow_exception)
{
    char *fail_pos;
    double x = _Py_dg_strtod(s, &fail_pos);
    if (fail_pos == s)
        x = _Py_parse_inf_or_nan(s, &fail_pos);
    if (errno == ENOMEM) {
        PyErr_NoMemory();
        return -1.0;
    }
    if (endptr)
        *endptr = fail_pos;
    if (fail_pos == s || (!endptr && *fail_pos != '\0')) {
        PyErr_Format(PyExc_ValueError, "could not convert string to float: '%.200s'", s);
        return -1.0;
    }
    if (endptr)
        *endptr = fail_pos;
    if (overflow_exception != NULL && isinf(x) && errno == ERANGE) {
        PyErr_Format(overflow_exception, "value too large to convert to float: '%.200s'", s);
        return -1.0;
    }
    return x;
}

/* Copy s without single underscores between digits; NULL if an underscore is misplaced. */
static char *strip_underscores(const char *s, Py_ssize_t len)
{
    char *dup = PyMem_Malloc(len + 1);
    if (dup == NULL)
        return NULL;
    char *o = dup;
    for (Py_ssize_t i = 0; i < len; i++) {
        if (s[i] == '_') {
            if (i == 0 || i == len - 1 || !isdigit((unsigned char)s[i - 1]) || !isdigit((unsigned char)s[i + 1])) {
                PyMem_Free(dup);
                return (char *)-1;
            }
            continue;
        }
        *o++ = s[i];
    }
    *o = '\0';
    return dup;
}

/* float(str/bytes): ASCII after mapping Unicode digits/spaces, whitespace-stripped. */
static PyObject *float_from_ascii(const char *s, Py_ssize_t len, PyObject *orig)
{
    while (len > 0 && isspace((unsigned char)*s)) {
        s++;
        len--;
    }
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        len--;
    char *clean = NULL;
    if (memchr(s, '\0', len) != NULL)
        goto error;   /* embedded NUL */
    if (memchr(s, '_', len) != NULL) {
        clean = strip_underscores(s, len);
        if (clean == NULL)
            return PyErr_NoMemory();
        if (clean == (char *)-1)
            goto error;
    } else {
        clean = PyMem_Malloc(len + 1);
        if (clean == NULL)
            return PyErr_NoMemory();
        memcpy(clean, s, len);
        clean[len] = '\0';
    }
    char *end;
    double x = _Py_dg_strtod(clean, &end);
    if (end == clean)
        x = _Py_parse_inf_or_nan(clean, &end);
    int ok = end != clean && *end == '\0';
    PyMem_Free(clean);
    if (!ok)
        goto error;
    return PyFloat_FromDouble(x);
error:
    PyErr_Format(PyExc_ValueError, "could not convert string to float: %R", orig);
    return NULL;
}

PyObject *PyFloat_FromString(PyObject *v)
{
    if (PyUnicode_Check(v)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(v);
        int kind = PyUnicode_KIND(v);
        const void *data = PyUnicode_DATA(v);
        char *buf = PyMem_Malloc(len + 1);
        if (buf == NULL)
            return PyErr_NoMemory();
        for (Py_ssize_t i = 0; i < len; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch < 128)
                buf[i] = (char)ch;
            else if (Py_UNICODE_ISSPACE(ch))
                buf[i] = ' ';
            else {
                int d = _PyUnicode_ToDecimalDigit(ch);
                buf[i] = d >= 0 ? (char)('0' + d) : '?';
            }
        }
        buf[len] = '\0';
        PyObject *res = float_from_ascii(buf, len, v);
        PyMem_Free(buf);
        return res;
    }
    if (PyBytes_Check(v))
        return float_from_ascii(PyBytes_AS_STRING(v), PyBytes_GET_SIZE(v), v);
    if (PyByteArray_Check(v))
        return float_from_ascii(PyByteArray_AS_STRING(v), PyByteArray_GET_SIZE(v), v);
    Py_buffer view;
    if (PyObject_GetBuffer(v, &view, PyBUF_SIMPLE) == 0) {
        PyObject *b = PyBytes_FromStringAndSize(view.buf, view.len);
        PyBuffer_Release(&view);
        if (b == NULL)
            return NULL;
        PyObject *res = float_from_ascii(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), v);
        Py_DECREF(b);
        return res;
    }
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "float() argument must be a string or a real number, not '%.200s'",
                 Py_TYPE(v)->tp_name);
    return NULL;
}

/* ==== arithmetic ==== */

/* Load v as a double: float or int; otherwise NotImplemented. */
#define CONVERT_TO_DOUBLE(obj, dbl)                     \
    if (PyFloat_Check(obj))                             \
        dbl = PyFloat_AS_DOUBLE(obj);                   \
    else if (convert_to_double(&(obj), &(dbl)) < 0)     \
        return obj;

static int convert_to_double(PyObject **v, double *dbl)
{
    PyObject *obj = *v;
    if (PyLong_Check(obj)) {
        *dbl = PyLong_AsDouble(obj);
        if (*dbl == -1.0 && PyErr_Occurred()) {
            *v = NULL;
            return -1;
        }
        return 0;
    }
    *v = Py_NewRef(Py_NotImplemented);
    return -1;
}

static PyObject *float_add(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a + b);
}

static PyObject *float_sub(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a - b);
}

static PyObject *float_mul(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    return PyFloat_FromDouble(a * b);
}

static PyObject *float_div(PyObject *v, PyObject *w)
{
    double a, b;
    CONVERT_TO_DOUBLE(v, a);
    CONVERT_TO_DOUBLE(w, b);
    if (b == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return PyFloat_FromDouble(a / b);
}

static PyObject *float_rem(PyObject *v, PyObject *w)
{
    double vx, wx;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0))
            mod += wx;   /* the result takes the divisor's sign */
    } else {
        mod = copysign(0.0, wx);
    }
    return PyFloat_FromDouble(mod);
}

static void _float_div_mod(double vx, double wx, double *floordiv, double *mod)
{
    double div;
    *mod = fmod(vx, wx);
    div = (vx - *mod) / wx;   /* exact up to rounding of the division */
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5)
            *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static PyObject *float_divmod(PyObject *v, PyObject *w)
{
    double vx, wx, mod, floordiv;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    _float_div_mod(vx, wx, &floordiv, &mod);
    return Py_BuildValue("(dd)", floordiv, mod);
}

static PyObject *float_floor_div(PyObject *v, PyObject *w)
{
    double vx, wx, mod, floordiv;
    CONVERT_TO_DOUBLE(v, vx);
    CONVERT_TO_DOUBLE(w, wx);
    if (wx == 0.0) {
        PyErr_SetString(PyExc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    _float_div_mod(vx, wx, &floordiv, &mod);
    return PyFloat_FromDouble(floordiv);
}

#define DOUBLE_IS_ODD_INTEGER(x) (fmod(fabs(x), 2.0) == 1.0)

static PyObject *float_pow(PyObject *v, PyObject *w, PyObject *z)
{
    double iv, iw, ix;
    int negate_result = 0;
    if (z != Py_None) {
        PyErr_SetString(PyExc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    CONVERT_TO_DOUBLE(v, iv);
    CONVERT_TO_DOUBLE(w, iw);
    if (iw == 0)
        return PyFloat_FromDouble(1.0);
    if (isnan(iv))
        return PyFloat_FromDouble(iv);
    if (isnan(iw))
        return PyFloat_FromDouble(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return PyFloat_FromDouble(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return PyFloat_FromDouble(fabs(iw));
        return PyFloat_FromDouble(0.0);
    }
    if (isinf(iv)) {
        int iw_is_odd = DOUBLE_IS_ODD_INTEGER(iw);
        if (iw > 0.0)
            return PyFloat_FromDouble(iw_is_odd ? iv : fabs(iv));
        return PyFloat_FromDouble(iw_is_odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        int iw_is_odd = DOUBLE_IS_ODD_INTEGER(iw);
        if (iw < 0.0) {
            PyErr_SetString(PyExc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return PyFloat_FromDouble(iw_is_odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* A negative base to a fractional power is complex. */
            return PyComplex_Type.tp_as_number->nb_power(v, w, z);
        }
        iv = -iv;
        negate_result = DOUBLE_IS_ODD_INTEGER(iw);
    }
    if (iv == 1.0)
        return PyFloat_FromDouble(negate_result ? -1.0 : 1.0);
    errno = 0;
    ix = pow(iv, iw);
    if (errno == 0) {
        if (isinf(ix))
            errno = ERANGE;
    } else if (errno == ERANGE && ix == 0.0) {
        errno = 0;   /* underflow to zero is fine */
    }
    if (negate_result)
        ix = -ix;
    if (errno != 0) {
        PyErr_SetFromErrno(errno == ERANGE ? PyExc_OverflowError : PyExc_ValueError);
        return NULL;
    }
    return PyFloat_FromDouble(ix);
}

static PyObject *float_neg(PyObject *v) { return PyFloat_FromDouble(-PyFloat_AS_DOUBLE(v)); }
static PyObject *float_abs(PyObject *v) { return PyFloat_FromDouble(fabs(PyFloat_AS_DOUBLE(v))); }
static int float_bool(PyObject *v) { return PyFloat_AS_DOUBLE(v) != 0.0; }

static PyObject *float_float(PyObject *v)
{
    if (PyFloat_CheckExact(v))
        return Py_NewRef(v);
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(v));
}

static PyObject *float_pos(PyObject *v) { return float_float(v); }

static PyObject *float___trunc__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(PyFloat_AS_DOUBLE(self));
}

static PyObject *float_int(PyObject *self) { return PyLong_FromDouble(PyFloat_AS_DOUBLE(self)); }

static PyObject *float___floor__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(floor(PyFloat_AS_DOUBLE(self)));
}

static PyObject *float___ceil__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromDouble(ceil(PyFloat_AS_DOUBLE(self)));
}

/* ==== comparison and hashing ==== */

static PyObject *float_richcompare(PyObject *v, PyObject *w, int op)
{
    double i = PyFloat_AS_DOUBLE(v), j;
    int r;
    if (PyFloat_Check(w)) {
        j = PyFloat_AS_DOUBLE(w);
    } else if (!isfinite(i)) {
        if (!PyLong_Check(w))
            Py_RETURN_NOTIMPLEMENTED;
        j = 0.0;   /* inf/nan vs any int: the int's magnitude is irrelevant */
    } else if (PyLong_Check(w)) {
        /* Exact: compare the int to the double without rounding either. */
        int c = _PyLong_CompareDouble(w, i);   /* sign of (w - i) */
        switch (op) {
        case Py_EQ: r = c == 0; break;
        case Py_NE: r = c != 0; break;
        case Py_LT: r = c > 0; break;
        case Py_LE: r = c >= 0; break;
        case Py_GT: r = c < 0; break;
        default: r = c <= 0; break;
        }
        return PyBool_FromLong(r);
    } else {
        Py_RETURN_NOTIMPLEMENTED;
    }
    switch (op) {
    case Py_EQ: r = i == j; break;
    case Py_NE: r = i != j; break;
    case Py_LE: r = i <= j; break;
    case Py_GE: r = i >= j; break;
    case Py_LT: r = i < j; break;
    default: r = i > j; break;
    }
    return PyBool_FromLong(r);
}

static Py_hash_t float_hash(PyObject *v)
{
    return _Py_HashDouble(v, PyFloat_AS_DOUBLE(v));
}

/* ==== construction ==== */

static PyObject *float_subtype_new(PyTypeObject *type, PyObject *x);

static PyObject *float_new_impl(PyTypeObject *type, PyObject *x)
{
    if (type != &PyFloat_Type) {
        if (x == NULL)
            x = _PyLong_GetZero();
        return float_subtype_new(type, x);
    }
    if (x == NULL)
        return PyFloat_FromDouble(0.0);
    if (PyUnicode_CheckExact(x))
        return PyFloat_FromString(x);
    return PyNumber_Float(x);
}

static PyObject *float_subtype_new(PyTypeObject *type, PyObject *x)
{
    PyObject *tmp = float_new_impl(&PyFloat_Type, x);
    if (tmp == NULL)
        return NULL;
    PyObject *newobj = type->tp_alloc(type, 0);
    if (newobj == NULL) {
        Py_DECREF(tmp);
        return NULL;
    }
    ((PyFloatObject *)newobj)->ob_fval = PyFloat_AS_DOUBLE(tmp);
    Py_DECREF(tmp);
    return newobj;
}

static PyObject *float_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *x = NULL;
    /* a subclass may take keywords only if it defines its own __init__ */
    if ((type == &PyFloat_Type || type->tp_init == PyFloat_Type.tp_init) && kwds != NULL && PyDict_Check(kwds) && PyDict_GET_SIZE(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_UnpackTuple(args, "float", 0, 1, &x))
        return NULL;
    return float_new_impl(type, x);
}

static PyObject *float_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) != 0) {
        PyErr_SetString(PyExc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "float expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    return float_new_impl((PyTypeObject *)type, nargs ? args[0] : NULL);
}

/* ==== methods ==== */

static PyObject *float_is_integer(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self);
    if (!isfinite(x))
        Py_RETURN_FALSE;
    return PyBool_FromLong(floor(x) == x);
}

static PyObject *float_conjugate(PyObject *self, PyObject *Py_UNUSED(ignored)) { return float_float(self); }

static PyObject *float_as_integer_ratio(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double self_double = PyFloat_AS_DOUBLE(self);
    if (isinf(self_double)) {
        PyErr_SetString(PyExc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(self_double)) {
        PyErr_SetString(PyExc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int exponent;
    double float_part = frexp(self_double, &exponent);
    for (int i = 0; i < 300 && float_part != floor(float_part); i++) {
        float_part *= 2.0;
        exponent--;
    }
    PyObject *numerator = PyLong_FromDouble(float_part), *denominator = NULL, *result = NULL;
    if (numerator == NULL)
        return NULL;
    PyObject *one = PyLong_FromLong(1);
    if (exponent > 0) {
        Py_SETREF(numerator, _PyLong_Lshift(numerator, (size_t)exponent));
        denominator = one;
    } else {
        denominator = _PyLong_Lshift(one, (size_t)-exponent);
        Py_DECREF(one);
    }
    if (numerator && denominator)
        result = PyTuple_Pack(2, numerator, denominator);
    Py_XDECREF(numerator);
    Py_XDECREF(denominator);
    return result;
}

/* round(x, ndigits) correctly rounded: via the shortest decimal string with ndigits
 * places (glibc rounds exactly, half to even on the true binary value). */
/* round(x, ndigits) for 0 <= ndigits <= 22 without decimal strings: 10**ndigits is an
 * exact double, fma() gives the product's exact value as p + e, the integer nearest that
 * (ties to even, a tie decided by e's sign when p is exactly halfway) is exact while below
 * 2**52, and r / 10**ndigits is then the correctly rounded double of the decimal result --
 * the same value strtod gives for the "%.*f" string.  Returns 0 when out of range. */
static int round_fast(double x, int ndigits, double *out)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                   1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
                                   1e20, 1e21, 1e22};
    if (ndigits > 22 || !isfinite(x))
        return 0;
    double a = fabs(x), m = pow10[ndigits];
    double p = a * m;
    if (!(p < 4503599627370496.0))  /* 2**52 */
        return 0;
    double e = fma(a, m, -p);       /* a * m == p + e exactly */
    double f = floor(p), frac = p - f, r;
    if (frac > 0.5 || (frac == 0.5 && (e > 0 || (e == 0 && fmod(f, 2.0) != 0))))
        r = f + 1;
    else
        r = f;                      /* also when just below the integer f (frac 0, e < 0) */
    *out = copysign(r / m, x);
    return 1;
}

static PyObject *double_round(double x, int ndigits)
{
    double fast;
    if (ndigits >= 0 && round_fast(x, ndigits, &fast))
        return PyFloat_FromDouble(fast);
    if (ndigits >= 0) {
        char buf[400];
        if (ndigits > 320)
            return PyFloat_FromDouble(x);
        snprintf(buf, sizeof buf, "%.*f", ndigits, x);
        errno = 0;
        double r = strtod(buf, NULL);
        if (isinf(r)) {
            PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
            return NULL;
        }
        return PyFloat_FromDouble(r);
    }
    /* Negative ndigits: round the exact value to a multiple of 10**-ndigits. */
    if (ndigits < -308)
        return PyFloat_FromDouble(0.0 * x);
    PyObject *xobj = PyFloat_FromDouble(x);
    if (xobj == NULL)
        return NULL;
    PyObject *ratio = float_as_integer_ratio(xobj, NULL), *res = NULL;
    Py_DECREF(xobj);
    if (ratio == NULL)
        return NULL;
    PyObject *pow10 = NULL, *denom = NULL, *qr = NULL, *q = NULL;
    PyObject *ten = PyLong_FromLong(10), *k = PyLong_FromLong(-ndigits);
    pow10 = PyNumber_Power(ten, k, Py_None);
    Py_DECREF(ten);
    Py_DECREF(k);
    if (pow10 == NULL)
        goto done;
    denom = PyNumber_Multiply(PyTuple_GET_ITEM(ratio, 1), pow10);
    if (denom == NULL)
        goto done;
    qr = _PyLong_DivmodNear(PyTuple_GET_ITEM(ratio, 0), denom);
    if (qr == NULL)
        goto done;
    q = PyNumber_Multiply(PyTuple_GET_ITEM(qr, 0), pow10);
    if (q == NULL)
        goto done;
    {
        double d = PyLong_AsDouble(q);
        if (d == -1.0 && PyErr_Occurred()) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "rounded value too large to represent");
            goto done;
        }
        res = PyFloat_FromDouble(d == 0.0 ? copysign(0.0, x) : d);
    }
done:
    Py_XDECREF(ratio);
    Py_XDECREF(pow10);
    Py_XDECREF(denom);
    Py_XDECREF(qr);
    Py_XDECREF(q);
    return res;
}

static PyObject *float___round__(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "__round__ expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    double x = PyFloat_AS_DOUBLE(self);
    if (nargs == 0 || args[0] == Py_None) {
        /* Round half to even, to an int. */
        double rounded = round(x);
        if (fabs(x - rounded) == 0.5)
            rounded = 2.0 * round(x / 2.0);
        return PyLong_FromDouble(rounded);
    }
    PyObject *o = PyNumber_Index(args[0]);
    if (o == NULL)
        return NULL;
    Py_ssize_t ndigits = PyNumber_AsSsize_t(o, NULL);
    Py_DECREF(o);
    if (ndigits == -1 && PyErr_Occurred())
        return NULL;
    if (!isfinite(x) || x == 0.0)
        return PyFloat_FromDouble(x);
    if (ndigits > 400)
        return PyFloat_FromDouble(x);
    if (ndigits < -400)
        return PyFloat_FromDouble(0.0 * x);
    return double_round(x, (int)ndigits);
}

static char char_from_hex(int x) { return "0123456789abcdef"[x]; }

static PyObject *float_hex(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    double x = PyFloat_AS_DOUBLE(self), m;
    int e, shift, i, si, esign;
    char s[64];
    if (isnan(x) || isinf(x))
        return float_repr(self);
    if (x == 0.0)
        return PyUnicode_FromString(copysign(1.0, x) == -1.0 ? "-0x0.0p+0" : "0x0.0p+0");
    m = frexp(fabs(x), &e);
    shift = 1 - Py_MAX(DBL_MIN_EXP - e, 0);
    m = ldexp(m, shift);
    e -= shift;
    si = 0;
    s[si++] = char_from_hex((int)m);
    m -= (int)m;
    s[si++] = '.';
    for (i = 0; i < 13; i++) {
        m *= 16.0;
        s[si++] = char_from_hex((int)m);
        m -= (int)m;
    }
    s[si] = '\0';
    if (e < 0) {
        esign = '-';
        e = -e;
    } else {
        esign = '+';
    }
    return PyUnicode_FromFormat(x < 0.0 ? "-0x%sp%c%d" : "0x%sp%c%d", s, esign, e);
}

static int hexval(char c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* Bit i (0 = most significant) of the hex digit string d (nd digits, lz leading zero bits). */
static int hex_bit(const char *d, Py_ssize_t nd, int lz, Py_ssize_t i)
{
    Py_ssize_t k = i + lz;
    if (i < 0 || k / 4 >= nd)
        return 0;
    return (hexval(d[k / 4]) >> (3 - k % 4)) & 1;
}

/* Round the hex digits d (value = int(d, 16) * 2**exp2, d without leading zeros) to the
 * nearest double, ties to even, subnormals included: glibc's strtod rounds some hex
 * subnormals wrongly.  Returns -1.0 after setting OverflowError. */
static double hex_to_double(const char *d, Py_ssize_t nd, long exp2)
{
    int lz = 0, top = hexval(d[0]);
    while (!(top & (8 >> lz)))
        lz++;
    Py_ssize_t nbits = 4 * nd - lz;
    long e = exp2 + (long)nbits - 1;             /* value is in [2**e, 2**(e+1)) */
    if (e > DBL_MAX_EXP)
        goto overflow;
    long bits = e >= DBL_MIN_EXP - 1 ? DBL_MANT_DIG : DBL_MANT_DIG - (DBL_MIN_EXP - 1 - e);
    if (bits < 0)
        return 0.0;
    uint64_t mant = 0;
    for (long i = 0; i < bits; i++)
        mant = (mant << 1) | (uint64_t)hex_bit(d, nd, lz, i);
    int round = hex_bit(d, nd, lz, bits), sticky = 0;
    for (Py_ssize_t i = bits + 1; i < nbits && !sticky; i++)
        sticky = hex_bit(d, nd, lz, i);
    if (round && (sticky || (mant & 1)))
        mant++;
    double x = ldexp((double)mant, (int)(e - bits + 1));
    if (isinf(x))
        goto overflow;
    return x;
overflow:
    PyErr_SetString(PyExc_OverflowError, "hexadecimal value too large to represent as a float");
    return -1.0;
}

/* Parse [sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits] at p; *end after it. */
static int parse_hex_float(const char *p, const char **end, double *result)
{
    const char *q = p, *intp, *fracp = NULL;
    Py_ssize_t nint = 0, nfrac = 0;
    int negative = 0;
    long pexp = 0;
    if (*q == '+' || *q == '-')
        negative = *q++ == '-';
    if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X'))
        q += 2;
    intp = q;
    while (isxdigit((unsigned char)*q))
        q++, nint++;
    if (*q == '.') {
        fracp = ++q;
        while (isxdigit((unsigned char)*q))
            q++, nfrac++;
    }
    if (nint + nfrac == 0)
        return 0;
    if (*q == 'p' || *q == 'P') {
        int eneg = 0;
        q++;
        if (*q == '+' || *q == '-')
            eneg = *q++ == '-';
        if (!isdigit((unsigned char)*q))
            return 0;
        for (; isdigit((unsigned char)*q); q++)
            if (pexp < 100000000)          /* far beyond any double: clamp */
                pexp = pexp * 10 + (*q - '0');
        if (eneg)
            pexp = -pexp;
    }
    *end = q;
    /* gather the digits without the dot, dropping leading zeros */
    char *digits = PyMem_Malloc((size_t)(nint + nfrac + 1));
    if (digits == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t nd = 0;
    for (Py_ssize_t i = 0; i < nint; i++)
        if (nd || intp[i] != '0')
            digits[nd++] = intp[i];
    for (Py_ssize_t i = 0; i < nfrac; i++)
        if (nd || fracp[i] != '0')
            digits[nd++] = fracp[i];
    double x = 0.0;
    if (nd > 0) {
        long exp2 = pexp - 4 * (long)nfrac;
        x = hex_to_double(digits, nd, exp2);
        if (x == -1.0 && PyErr_Occurred()) {
            PyMem_Free(digits);
            return -1;
        }
    }
    PyMem_Free(digits);
    *result = negative ? -x : x;
    return 1;
}

static PyObject *float_fromhex(PyObject *type, PyObject *string)
{
    Py_ssize_t size;
    const char *s = PyUnicode_Check(string) ? PyUnicode_AsUTF8AndSize(string, &size) : NULL;
    if (s == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "fromhex() argument must be str, not %.50s", Py_TYPE(string)->tp_name);
        return NULL;
    }
    const char *p = s, *end;
    while (isspace((unsigned char)*p))
        p++;
    char *iend;
    double x = _Py_parse_inf_or_nan(p, &iend);
    end = iend;
    if (end == p) {
        int r = parse_hex_float(p, &end, &x);
        if (r < 0)
            return NULL;
        if (r == 0)
            goto parse_error;
    }
    while (isspace((unsigned char)*end))
        end++;
    if (end != s + size)      /* trailing junk, or an embedded NUL */
        goto parse_error;
    PyObject *result = PyFloat_FromDouble(x);
    if (result != NULL && type != (PyObject *)&PyFloat_Type)
        Py_SETREF(result, PyObject_CallOneArg(type, result));
    return result;
parse_error:
    PyErr_SetString(PyExc_ValueError, "invalid hexadecimal floating-point string");
    return NULL;
}

static PyObject *float___getformat__(PyObject *type, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_Format(PyExc_TypeError, "__getformat__() argument must be str, not %.50s", Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!_PyUnicode_EqualToASCIIString(arg, "double") && !_PyUnicode_EqualToASCIIString(arg, "float")) {
        PyErr_SetString(PyExc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return PyUnicode_FromString("IEEE, little-endian");
}

static PyObject *float___getnewargs__(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_BuildValue("(d)", PyFloat_AS_DOUBLE(self));
}

PyObject *_PyFloat_FormatSpec(PyObject *obj, PyObject *format_spec)
{
    _PyUnicodeWriter writer;
    _PyUnicodeWriter_Init(&writer);
    if (_PyFloat_FormatAdvancedWriter(&writer, obj, format_spec, 0, PyUnicode_GET_LENGTH(format_spec)) < 0) {
        _PyUnicodeWriter_Dealloc(&writer);
        return NULL;
    }
    return _PyUnicodeWriter_Finish(&writer);
}

static PyObject *float___format__(PyObject *self, PyObject *format_spec)
{
    if (!PyUnicode_Check(format_spec)) {
        PyErr_Format(PyExc_TypeError, "__format__() argument must be str, not %.200s",
                     Py_TYPE(format_spec)->tp_name);
        return NULL;
    }
    return _PyFloat_FormatSpec(self, format_spec);
}

/* The float part of format(): spec already parsed by the shared parser. */
int _PyFloat_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj, PyObject *format_spec,
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
    int flags = 0, add_pct = 0;
    int default_precision = 6;
    Py_ssize_t precision = spec.precision;
    switch (type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%': case '\0':
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
    if (spec.alternate)
        flags |= Py_DTSF_ALT;
    if (spec.no_neg_0)
        flags |= Py_DTSF_NO_NEG_0;
    if (type == '\0') {
        flags |= Py_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    double val = PyFloat_AsDouble(obj);
    if (val == -1.0 && PyErr_Occurred())
        return -1;
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = 1;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    if (precision > INT_MAX) {
        PyErr_SetString(PyExc_ValueError, "precision too big");
        return -1;
    }
    char *buf = PyOS_double_to_string(val, (char)type, (int)precision, flags, NULL);
    if (buf == NULL)
        return -1;
    int negative = buf[0] == '-';
    const char *digits = buf + negative;
    int r = _PyUnicode_FormatNumber(writer, &spec, negative, "", digits, (Py_ssize_t)strlen(digits),
                                    add_pct ? "%" : "", 1);
    PyMem_Free(buf);
    return r;
}

static PyObject *float_get_real(PyObject *self, void *c) { return float_float(self); }
static PyObject *float_get_imag(PyObject *self, void *c) { return PyFloat_FromDouble(0.0); }

PyObject *PyFloat_GetInfo(void)
{
    return Py_BuildValue("(diidiiiidii)", DBL_MAX, DBL_MAX_EXP, DBL_MAX_10_EXP, DBL_MIN, DBL_MIN_EXP,
                         DBL_MIN_10_EXP, DBL_DIG, DBL_MANT_DIG, DBL_EPSILON, FLT_RADIX, FLT_ROUNDS);
}

/* ==== PyFloat_Pack/Unpack (IEEE 754 binary16/32/64, for struct, array, memoryview) ==== */

/* Store the n bytes of v (host order) into p in the requested byte order. */
static void store_bytes(const unsigned char *v, int n, unsigned char *p, int le)
{
    int host_le = 1;
    host_le = *(unsigned char *)&host_le;
    for (int i = 0; i < n; i++)
        p[i] = v[le == host_le ? i : n - 1 - i];
}

int PyFloat_Pack2(double x, char *data, int le)
{
    unsigned char *p = (unsigned char *)data;
    int sign, e;
    unsigned short bits;
    if (x == 0.0) {
        sign = copysign(1.0, x) == -1.0;
        e = 0;
        bits = 0;
    } else if (isinf(x)) {
        sign = x < 0.0;
        e = 0x1f;
        bits = 0;
    } else if (isnan(x)) {
        sign = copysign(1.0, x) == -1.0;
        e = 0x1f;
        bits = 512;
    } else {
        sign = x < 0.0;
        double f = frexp(fabs(x), &e) * 2.0;    /* 1 <= f < 2 */
        e--;
        if (e >= 16)
            goto overflow;
        if (e < -25) {          /* |x| < 2**-25: underflows to zero */
            f = 0.0;
            e = 0;
        } else if (e < -14) {   /* subnormal */
            f = ldexp(f, 14 + e);
            e = 0;
        } else {
            e += 15;
            f -= 1.0;
        }
        f *= 1024.0;
        bits = (unsigned short)f;
        f -= bits;
        if (f > 0.5 || (f == 0.5 && bits % 2 == 1)) {   /* round half to even */
            if (++bits == 1024) {
                bits = 0;
                if (++e == 31)
                    goto overflow;
            }
        }
    }
    bits |= (unsigned short)((e << 10) | (sign << 15));
    p[le ? 0 : 1] = (unsigned char)(bits & 0xff);
    p[le ? 1 : 0] = (unsigned char)(bits >> 8);
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
    return -1;
}

int PyFloat_Pack4(double x, char *data, int le)
{
    float y = (float)x;
    if (isinf(y) && !isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
        return -1;
    }
    unsigned char v[4];
    memcpy(v, &y, 4);
    store_bytes(v, 4, (unsigned char *)data, le);
    return 0;
}

int PyFloat_Pack8(double x, char *data, int le)
{
    unsigned char v[8];
    memcpy(v, &x, 8);
    store_bytes(v, 8, (unsigned char *)data, le);
    return 0;
}

double PyFloat_Unpack2(const char *data, int le)
{
    const unsigned char *p = (const unsigned char *)data;
    unsigned bits = p[le ? 0 : 1] | ((unsigned)p[le ? 1 : 0] << 8);
    int sign = (bits >> 15) & 1, e = (bits >> 10) & 0x1f;
    unsigned f = bits & 0x3ff;
    double x;
    if (e == 0x1f)
        x = f == 0 ? HUGE_VAL : NAN;
    else if (e == 0)
        x = ldexp((double)f / 1024.0, -14);
    else
        x = ldexp(1.0 + (double)f / 1024.0, e - 15);
    return sign ? -x : x;
}

double PyFloat_Unpack4(const char *data, int le)
{
    unsigned char v[4];
    float y;
    store_bytes((const unsigned char *)data, 4, v, le);     /* the swap is symmetric */
    memcpy(&y, v, 4);
    return y;
}

double PyFloat_Unpack8(const char *data, int le)
{
    unsigned char v[8];
    double x;
    store_bytes((const unsigned char *)data, 8, v, le);
    memcpy(&x, v, 8);
    return x;
}

int _PyFloat_Init(void) { return 0; }

static PyMethodDef float_methods[] = {
    {"conjugate", float_conjugate, METH_NOARGS, DOC_float_conjugate},
    {"__trunc__", float___trunc__, METH_NOARGS, DOC_float___trunc__},
    {"__floor__", float___floor__, METH_NOARGS, DOC_float___floor__},
    {"__ceil__", float___ceil__, METH_NOARGS, DOC_float___ceil__},
    {"__round__", (PyCFunction)(void (*)(void))float___round__, METH_FASTCALL, DOC_float___round__},
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS, DOC_float_as_integer_ratio},
    {"fromhex", float_fromhex, METH_O | METH_CLASS, DOC_float_fromhex},
    {"hex", float_hex, METH_NOARGS, DOC_float_hex},
    {"is_integer", float_is_integer, METH_NOARGS, DOC_float_is_integer},
    {"__getnewargs__", float___getnewargs__, METH_NOARGS, DOC_float___getnewargs__},
    {"__getformat__", float___getformat__, METH_O | METH_CLASS, DOC_float___getformat__},
    {"__format__", float___format__, METH_O, DOC_float___format__},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, DOC_float_real, NULL},
    {"imag", float_get_imag, NULL, DOC_float_imag, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floor_div,
    .nb_true_divide = float_div,
};

PyTypeObject PyFloat_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "float",
    .tp_basicsize = sizeof(PyFloatObject),
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_float,
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
    .tp_free = PyObject_Free,
    .tp_vectorcall = float_vectorcall,
};
