/* _datetimemodule.c — the `_datetime` C accelerator: timedelta, date, time, datetime,
 * tzinfo, timezone (and IsoCalendarDate), with CPython 3.11's reprs, arithmetic, rounding
 * and error messages.  Owner: modules-data.  strftime goes through time.strftime and
 * strptime through _strptime (as CPython does); the datetime C API capsule is not provided. */
#include "Python.h"
#include <math.h>
#include <string.h>
#include <time.h>
#include <errno.h>

#ifndef PyDoc_STR
#define PyDoc_STR(str) str
#endif

#define MINYEAR 1
#define MAXYEAR 9999
#define MAXORDINAL 3652059
#define MAX_DELTA_DAYS 999999999

typedef struct { PyObject_HEAD Py_hash_t hashcode; int days, seconds, us; } DeltaObject;
typedef struct { PyObject_HEAD Py_hash_t hashcode; int year, month, day; } DateObject;
/* datetime starts with date's layout: it is date's subclass. */
typedef struct {
    PyObject_HEAD Py_hash_t hashcode; int year, month, day;
    int hour, minute, second, us, fold; PyObject *tzinfo;   /* tzinfo: None when naive */
} DateTimeObject;
typedef struct {
    PyObject_HEAD Py_hash_t hashcode; int hour, minute, second, us, fold; PyObject *tzinfo;
} TimeObject;
typedef struct { PyObject_HEAD PyObject *offset; PyObject *name; } TimeZoneObject;

static PyTypeObject DeltaType, DateType, TimeType, DateTimeType, TZInfoType, TimeZoneType;
static PyTypeObject *IsoCalendarDateType;
static PyObject *TimeZone_UTC;   /* timezone.utc */
static PyObject *Epoch;          /* datetime(1970, 1, 1, tzinfo=timezone.utc) */

#define PyDelta_Check(o) PyObject_TypeCheck(o, &DeltaType)
#define PyDate_Check(o) PyObject_TypeCheck(o, &DateType)
#define PyDateTime_Check(o) PyObject_TypeCheck(o, &DateTimeType)
#define PyTime_Check(o) PyObject_TypeCheck(o, &TimeType)
#define PyTZInfo_Check(o) PyObject_TypeCheck(o, &TZInfoType)
#define PyTimezone_Check(o) PyObject_TypeCheck(o, &TimeZoneType)
#define TD(o) ((DeltaObject *)(o))
#define DA(o) ((DateObject *)(o))
#define DT(o) ((DateTimeObject *)(o))
#define TI(o) ((TimeObject *)(o))

/* ------------------------------------------------------------ calendar arithmetic */

static const int days_in_month_tab[] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
static const int days_before_month_tab[] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

static int is_leap(int year)
{
    unsigned int y = (unsigned int)year;
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

static int days_in_month(int year, int month)
{
    return month == 2 && is_leap(year) ? 29 : days_in_month_tab[month];
}

static int days_before_month(int year, int month)
{
    return days_before_month_tab[month] + (month > 2 && is_leap(year));
}

static int days_before_year(int year)
{
    int y = year - 1;
    return y * 365 + y / 4 - y / 100 + y / 400;
}

/* Floor division with the remainder's sign following y (Python's divmod on ints). */
static int divmod_int(int x, int y, int *r)
{
    int q = x / y;
    *r = x - q * y;
    if (*r && ((*r < 0) != (y < 0))) {
        *r += y;
        q--;
    }
    return q;
}

#define DI4Y 1461
#define DI100Y 36524
#define DI400Y 146097

static void ord_to_ymd(int ordinal, int *year, int *month, int *day)
{
    int n, n1, n4, n100, n400, leapyear, preceding;
    --ordinal;
    n400 = divmod_int(ordinal, DI400Y, &n);
    *year = n400 * 400 + 1;
    n100 = divmod_int(n, DI100Y, &n);
    n4 = divmod_int(n, DI4Y, &n);
    n1 = divmod_int(n, 365, &n);
    *year += n100 * 100 + n4 * 4 + n1;
    if (n1 == 4 || n100 == 4) {   /* last day of a 4- or 400-year cycle */
        *year -= 1; *month = 12; *day = 31;
        return;
    }
    leapyear = n1 == 3 && (n4 != 24 || n100 == 3);
    *month = (n + 50) >> 5;
    preceding = days_before_month_tab[*month] + (*month > 2 && leapyear);
    if (preceding > n) {
        *month -= 1;
        preceding -= days_in_month(*year, *month);
    }
    *day = n - preceding + 1;
}

static int ymd_to_ord(int year, int month, int day)
{
    return days_before_year(year) + days_before_month(year, month) + day;
}

static int weekday(int year, int month, int day)
{
    return (ymd_to_ord(year, month, day) + 6) % 7;
}

static int iso_week1_monday(int year)
{
    int first_day = ymd_to_ord(year, 1, 1);
    int first_weekday = (first_day + 6) % 7;
    int week1_monday = first_day - first_weekday;
    if (first_weekday > 3)
        week1_monday += 7;
    return week1_monday;
}

/* 0 ok, -2 bad week, -3 bad weekday. */
static int iso_to_ymd(int iso_year, int iso_week, int iso_day, int *year, int *month, int *day)
{
    if (iso_week <= 0 || iso_week >= 53) {
        int out_of_range = 1;
        if (iso_week == 53) {
            int first_weekday = (ymd_to_ord(iso_year, 1, 1) + 6) % 7;
            if (first_weekday == 3 || (first_weekday == 2 && is_leap(iso_year)))
                out_of_range = 0;
        }
        if (out_of_range)
            return -2;
    }
    if (iso_day <= 0 || iso_day >= 8)
        return -3;
    ord_to_ymd(iso_week1_monday(iso_year) + (iso_week - 1) * 7 + iso_day - 1, year, month, day);
    return 0;
}

/* Carry lo into hi so that 0 <= lo < factor. */
static void normalize_pair(int *hi, int *lo, int factor)
{
    if (*lo < 0 || *lo >= factor) {
        int r;
        int q = divmod_int(*lo, factor, &r);
        *hi += q;
        *lo = r;
    }
}

static void normalize_d_s_us(int *d, int *s, int *us)
{
    if (*us < 0 || *us >= 1000000)
        normalize_pair(s, us, 1000000);
    if (*s < 0 || *s >= 24 * 3600)
        normalize_pair(d, s, 24 * 3600);
}

static int date_range_error(void)
{
    PyErr_SetString(PyExc_OverflowError, "date value out of range");
    return -1;
}

static int normalize_y_m_d(int *y, int *m, int *d)
{
    if (*m < 1 || *m > 12) {
        --*m;
        normalize_pair(y, m, 12);
        ++*m;
    }
    int dim = days_in_month(*y, *m);
    if (*d < 1 || *d > dim) {
        if (*d == 0) {
            --*m;
            if (*m > 0)
                *d = days_in_month(*y, *m);
            else {
                --*y; *m = 12; *d = 31;
            }
        }
        else if (*d == dim + 1) {
            ++*m; *d = 1;
            if (*m > 12) {
                *m = 1; ++*y;
            }
        }
        else {
            if (*y < MINYEAR - 1 || *y > MAXYEAR + 1)
                return date_range_error();
            long long ordinal = (long long)ymd_to_ord(*y, *m, 1) + *d - 1;
            if (ordinal < 1 || ordinal > MAXORDINAL)
                return date_range_error();
            ord_to_ymd((int)ordinal, y, m, d);
        }
    }
    return 0;
}

static int normalize_date(int *y, int *m, int *d)
{
    if (normalize_y_m_d(y, m, d) < 0)
        return -1;
    if (*y < MINYEAR || *y > MAXYEAR)
        return date_range_error();
    return 0;
}

static int normalize_datetime(int *y, int *mo, int *d, int *h, int *mi, int *s, int *us)
{
    normalize_pair(s, us, 1000000);
    normalize_pair(mi, s, 60);
    normalize_pair(h, mi, 60);
    normalize_pair(d, h, 24);
    return normalize_date(y, mo, d);
}

/* ------------------------------------------------------------ argument checks */

static int check_date_args(int year, int month, int day)
{
    if (year < MINYEAR || year > MAXYEAR) {
        PyErr_Format(PyExc_ValueError, "year %i is out of range", year);
        return -1;
    }
    if (month < 1 || month > 12) {
        PyErr_SetString(PyExc_ValueError, "month must be in 1..12");
        return -1;
    }
    if (day < 1 || day > days_in_month(year, month)) {
        PyErr_SetString(PyExc_ValueError, "day is out of range for month");
        return -1;
    }
    return 0;
}

static int check_time_args(int h, int m, int s, int us, int fold)
{
    const char *msg = NULL;
    if (h < 0 || h > 23) msg = "hour must be in 0..23";
    else if (m < 0 || m > 59) msg = "minute must be in 0..59";
    else if (s < 0 || s > 59) msg = "second must be in 0..59";
    else if (us < 0 || us > 999999) msg = "microsecond must be in 0..999999";
    else if (fold != 0 && fold != 1) msg = "fold must be either 0 or 1";
    if (msg) {
        PyErr_SetString(PyExc_ValueError, msg);
        return -1;
    }
    return 0;
}

static int check_tzinfo_subclass(PyObject *p)
{
    if (p == Py_None || PyTZInfo_Check(p))
        return 0;
    PyErr_Format(PyExc_TypeError,
                 "tzinfo argument must be None or of a tzinfo subclass, not type '%s'",
                 Py_TYPE(p)->tp_name);
    return -1;
}

static PyObject *diff_to_bool(int diff, int op)
{
    int r = 0;
    switch (op) {
    case Py_EQ: r = diff == 0; break;
    case Py_NE: r = diff != 0; break;
    case Py_LE: r = diff <= 0; break;
    case Py_GE: r = diff >= 0; break;
    case Py_LT: r = diff < 0; break;
    case Py_GT: r = diff > 0; break;
    }
    return PyBool_FromLong(r);
}

static int cmp_ints(const int *a, const int *b, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

static PyObject *cmperror(PyObject *a, PyObject *b)
{
    PyErr_Format(PyExc_TypeError, "can't compare %s to %s",
                 Py_TYPE(a)->tp_name, Py_TYPE(b)->tp_name);
    return NULL;
}

static PyObject *call_method0(PyObject *obj, const char *name)
{
    return PyObject_CallMethod(obj, name, NULL);
}

/* ------------------------------------------------------------ object constructors */

static PyObject *new_delta_ex(int days, int seconds, int us, int normalize, PyTypeObject *type)
{
    if (normalize)
        normalize_d_s_us(&days, &seconds, &us);
    if (days < -MAX_DELTA_DAYS || days > MAX_DELTA_DAYS) {
        PyErr_Format(PyExc_OverflowError, "days=%d; must have magnitude <= %d",
                     days, MAX_DELTA_DAYS);
        return NULL;
    }
    DeltaObject *self = (DeltaObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->hashcode = -1;
        self->days = days;
        self->seconds = seconds;
        self->us = us;
    }
    return (PyObject *)self;
}
#define new_delta(d, s, us, n) new_delta_ex(d, s, us, n, &DeltaType)

static PyObject *new_date_ex(int year, int month, int day, PyTypeObject *type)
{
    if (check_date_args(year, month, day) < 0)
        return NULL;
    DateObject *self = (DateObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->hashcode = -1;
        self->year = year; self->month = month; self->day = day;
    }
    return (PyObject *)self;
}
#define new_date(y, m, d) new_date_ex(y, m, d, &DateType)

static PyObject *new_datetime_ex2(int year, int month, int day, int hour, int minute,
                                  int second, int us, PyObject *tzinfo, int fold,
                                  PyTypeObject *type)
{
    if (check_date_args(year, month, day) < 0 ||
        check_time_args(hour, minute, second, us, fold) < 0 ||
        check_tzinfo_subclass(tzinfo) < 0)
        return NULL;
    DateTimeObject *self = (DateTimeObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->hashcode = -1;
        self->year = year; self->month = month; self->day = day;
        self->hour = hour; self->minute = minute; self->second = second; self->us = us;
        self->fold = fold;
        Py_INCREF(tzinfo);
        self->tzinfo = tzinfo;
    }
    return (PyObject *)self;
}
#define new_datetime(y, m, d, hh, mm, ss, us, tz, fold) \
    new_datetime_ex2(y, m, d, hh, mm, ss, us, tz, fold, &DateTimeType)

static PyObject *new_time_ex2(int hour, int minute, int second, int us, PyObject *tzinfo,
                              int fold, PyTypeObject *type)
{
    if (check_time_args(hour, minute, second, us, fold) < 0 ||
        check_tzinfo_subclass(tzinfo) < 0)
        return NULL;
    TimeObject *self = (TimeObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->hashcode = -1;
        self->hour = hour; self->minute = minute; self->second = second; self->us = us;
        self->fold = fold;
        Py_INCREF(tzinfo);
        self->tzinfo = tzinfo;
    }
    return (PyObject *)self;
}
#define new_time(hh, mm, ss, us, tz, fold) new_time_ex2(hh, mm, ss, us, tz, fold, &TimeType)

/* Results of arithmetic keep the operand's subclass (bpo-32417): exact types are built
 * directly, subclasses through their constructor. */
static PyObject *new_date_subclass_ex(int year, int month, int day, PyObject *cls)
{
    if ((PyTypeObject *)cls == &DateType)
        return new_date(year, month, day);
    if ((PyTypeObject *)cls == &DateTimeType)
        return new_datetime(year, month, day, 0, 0, 0, 0, Py_None, 0);
    return PyObject_CallFunction(cls, "iii", year, month, day);
}

static PyObject *new_datetime_subclass_fold_ex(int year, int month, int day, int hour,
                                               int minute, int second, int us,
                                               PyObject *tzinfo, int fold, PyObject *cls)
{
    if ((PyTypeObject *)cls == &DateTimeType)
        return new_datetime(year, month, day, hour, minute, second, us, tzinfo, fold);
    PyObject *args = Py_BuildValue("iiiiiiiO", year, month, day, hour, minute, second,
                                   us, tzinfo);
    if (args == NULL)
        return NULL;
    PyObject *kwargs = NULL;
    if (fold) {
        kwargs = Py_BuildValue("{s:i}", "fold", fold);
        if (kwargs == NULL) {
            Py_DECREF(args);
            return NULL;
        }
    }
    PyObject *res = PyObject_Call(cls, args, kwargs);
    Py_DECREF(args);
    Py_XDECREF(kwargs);
    return res;
}
#define new_datetime_subclass_ex(y, m, d, hh, mm, ss, us, tz, cls) \
    new_datetime_subclass_fold_ex(y, m, d, hh, mm, ss, us, tz, 0, cls)

static PyObject *new_timezone(PyObject *offset, PyObject *name);

/* ------------------------------------------------------------ timedelta */

static PyObject *us_per_second, *us_per_ms, *us_per_minute, *us_per_hour, *us_per_day,
    *us_per_week, *seconds_per_day;

/* round(a / b) with halves to even; a ZeroDivisionError like int division's. */
static PyObject *divide_nearest(PyObject *a, PyObject *b)
{
    int zero = PyObject_Not(b);
    if (zero < 0)
        return NULL;
    if (zero) {
        PyErr_SetString(PyExc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    return _PyLong_DivmodNear(a, b);
}

static PyObject *delta_to_microseconds(DeltaObject *self)
{
    /* Seconds fit in 64 bits; microseconds may not (timedelta.max is ~8.6e19 us). */
    PyObject *secs = PyLong_FromLongLong((long long)self->days * 86400 + self->seconds);
    if (secs == NULL)
        return NULL;
    PyObject *x = PyNumber_Multiply(secs, us_per_second);
    Py_DECREF(secs);
    if (x == NULL)
        return NULL;
    PyObject *us = PyLong_FromLong(self->us);
    PyObject *r = us ? PyNumber_Add(x, us) : NULL;
    Py_XDECREF(us);
    Py_DECREF(x);
    return r;
}

static PyObject *checked_divmod(PyObject *a, PyObject *b)
{
    PyObject *r = PyNumber_Divmod(a, b);
    if (r != NULL && (!PyTuple_Check(r) || PyTuple_GET_SIZE(r) != 2)) {
        PyErr_Format(PyExc_TypeError, "divmod() returned non-tuple (type %.200s)",
                     Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

static PyObject *microseconds_to_delta_ex(PyObject *pyus, PyTypeObject *type)
{
    PyObject *t1 = checked_divmod(pyus, us_per_second);
    if (t1 == NULL)
        return NULL;
    int us = _PyLong_AsInt(PyTuple_GET_ITEM(t1, 1));
    if (us == -1 && PyErr_Occurred()) {
        Py_DECREF(t1);
        return NULL;
    }
    PyObject *t2 = checked_divmod(PyTuple_GET_ITEM(t1, 0), seconds_per_day);
    Py_DECREF(t1);
    if (t2 == NULL)
        return NULL;
    int s = _PyLong_AsInt(PyTuple_GET_ITEM(t2, 1));
    int d = s == -1 && PyErr_Occurred() ? -1 : _PyLong_AsInt(PyTuple_GET_ITEM(t2, 0));
    Py_DECREF(t2);
    if (d == -1 && PyErr_Occurred())
        return NULL;
    return new_delta_ex(d, s, us, 0, type);
}
#define microseconds_to_delta(pyus) microseconds_to_delta_ex(pyus, &DeltaType)

static int delta_cmp(PyObject *a, PyObject *b)
{
    int x[3] = {TD(a)->days, TD(a)->seconds, TD(a)->us};
    int y[3] = {TD(b)->days, TD(b)->seconds, TD(b)->us};
    return cmp_ints(x, y, 3);
}

static PyObject *delta_negative(PyObject *self)
{
    return new_delta(-TD(self)->days, -TD(self)->seconds, -TD(self)->us, 1);
}

static PyObject *delta_positive(PyObject *self)
{
    return new_delta(TD(self)->days, TD(self)->seconds, TD(self)->us, 0);
}

static PyObject *delta_abs(PyObject *self)
{
    return TD(self)->days < 0 ? delta_negative(self) : delta_positive(self);
}

static PyObject *delta_add(PyObject *left, PyObject *right)
{
    if (PyDelta_Check(left) && PyDelta_Check(right))
        return new_delta(TD(left)->days + TD(right)->days,
                         TD(left)->seconds + TD(right)->seconds,
                         TD(left)->us + TD(right)->us, 1);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_subtract(PyObject *left, PyObject *right)
{
    if (PyDelta_Check(left) && PyDelta_Check(right))
        return new_delta(TD(left)->days - TD(right)->days,
                         TD(left)->seconds - TD(right)->seconds,
                         TD(left)->us - TD(right)->us, 1);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyDelta_Check(other))
        return diff_to_bool(delta_cmp(self, other), op);
    Py_RETURN_NOTIMPLEMENTED;
}

static Py_hash_t delta_hash(PyObject *self)
{
    if (TD(self)->hashcode == -1) {
        PyObject *t = Py_BuildValue("iii", TD(self)->days, TD(self)->seconds, TD(self)->us);
        if (t == NULL)
            return -1;
        TD(self)->hashcode = PyObject_Hash(t);
        Py_DECREF(t);
    }
    return TD(self)->hashcode;
}

static PyObject *multiply_int_timedelta(PyObject *intobj, DeltaObject *delta)
{
    PyObject *us = delta_to_microseconds(delta);
    if (us == NULL)
        return NULL;
    PyObject *prod = PyNumber_Multiply(us, intobj);
    Py_DECREF(us);
    if (prod == NULL)
        return NULL;
    PyObject *res = microseconds_to_delta(prod);
    Py_DECREF(prod);
    return res;
}

static PyObject *get_float_as_integer_ratio(PyObject *floatobj)
{
    PyObject *ratio = PyObject_CallMethod(floatobj, "as_integer_ratio", NULL);
    if (ratio == NULL)
        return NULL;
    if (!PyTuple_Check(ratio)) {
        PyErr_Format(PyExc_TypeError,
                     "unexpected return type from as_integer_ratio(): expected tuple, got '%.200s'",
                     Py_TYPE(ratio)->tp_name);
        Py_DECREF(ratio);
        return NULL;
    }
    if (PyTuple_GET_SIZE(ratio) != 2) {
        PyErr_SetString(PyExc_ValueError, "as_integer_ratio() must return a 2-tuple");
        Py_DECREF(ratio);
        return NULL;
    }
    return ratio;
}

/* op 0: delta * float; op 1: delta / float — both rounded half to even. */
static PyObject *multiply_truedivide_timedelta_float(DeltaObject *delta, PyObject *floatobj,
                                                     int op)
{
    PyObject *result = NULL, *temp = NULL;
    PyObject *pyus_in = delta_to_microseconds(delta);
    if (pyus_in == NULL)
        return NULL;
    PyObject *ratio = get_float_as_integer_ratio(floatobj);
    if (ratio == NULL)
        goto done;
    temp = PyNumber_Multiply(pyus_in, PyTuple_GET_ITEM(ratio, op));
    if (temp == NULL)
        goto done;
    PyObject *pyus_out = divide_nearest(temp, PyTuple_GET_ITEM(ratio, !op));
    if (pyus_out != NULL) {
        PyObject *q = PyTuple_GET_ITEM(pyus_out, 0);
        result = microseconds_to_delta(q);
        Py_DECREF(pyus_out);
    }
done:
    Py_XDECREF(temp);
    Py_XDECREF(ratio);
    Py_DECREF(pyus_in);
    return result;
}

static PyObject *delta_multiply(PyObject *left, PyObject *right)
{
    if (PyDelta_Check(left)) {
        if (PyLong_Check(right))
            return multiply_int_timedelta(right, TD(left));
        if (PyFloat_Check(right))
            return multiply_truedivide_timedelta_float(TD(left), right, 0);
    }
    else if (PyLong_Check(left))
        return multiply_int_timedelta(left, TD(right));
    else if (PyFloat_Check(left))
        return multiply_truedivide_timedelta_float(TD(right), left, 0);
    Py_RETURN_NOTIMPLEMENTED;
}

/* Apply a Python-int binary operation to the microsecond counts of two deltas. */
static PyObject *delta_us_op(PyObject *a, PyObject *b, binaryfunc f)
{
    PyObject *x = delta_to_microseconds(TD(a));
    if (x == NULL)
        return NULL;
    PyObject *y = PyDelta_Check(b) ? delta_to_microseconds(TD(b)) : (Py_INCREF(b), b);
    if (y == NULL) {
        Py_DECREF(x);
        return NULL;
    }
    PyObject *r = f(x, y);
    Py_DECREF(x);
    Py_DECREF(y);
    return r;
}

static PyObject *delta_truedivide(PyObject *left, PyObject *right)
{
    if (PyDelta_Check(left)) {
        if (PyDelta_Check(right))
            return delta_us_op(left, right, PyNumber_TrueDivide);
        if (PyFloat_Check(right))
            return multiply_truedivide_timedelta_float(TD(left), right, 1);
        if (PyLong_Check(right)) {
            PyObject *q = delta_us_op(left, right, divide_nearest);
            if (q == NULL)
                return NULL;
            PyObject *r = microseconds_to_delta(PyTuple_GET_ITEM(q, 0));
            Py_DECREF(q);
            return r;
        }
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_floordivide(PyObject *left, PyObject *right)
{
    if (PyDelta_Check(left)) {
        if (PyDelta_Check(right))
            return delta_us_op(left, right, PyNumber_FloorDivide);
        if (PyLong_Check(right)) {
            PyObject *q = delta_us_op(left, right, PyNumber_FloorDivide);
            if (q == NULL)
                return NULL;
            PyObject *r = microseconds_to_delta(q);
            Py_DECREF(q);
            return r;
        }
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *delta_remainder(PyObject *left, PyObject *right)
{
    if (!PyDelta_Check(left) || !PyDelta_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *r = delta_us_op(left, right, PyNumber_Remainder);
    if (r == NULL)
        return NULL;
    PyObject *res = microseconds_to_delta(r);
    Py_DECREF(r);
    return res;
}

static PyObject *delta_divmod(PyObject *left, PyObject *right)
{
    if (!PyDelta_Check(left) || !PyDelta_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *qr = delta_us_op(left, right, PyNumber_Divmod);
    if (qr == NULL)
        return NULL;
    PyObject *d = microseconds_to_delta(PyTuple_GET_ITEM(qr, 1));
    PyObject *res = d ? PyTuple_Pack(2, PyTuple_GET_ITEM(qr, 0), d) : NULL;
    Py_XDECREF(d);
    Py_DECREF(qr);
    return res;
}

static int delta_bool(PyObject *self)
{
    return TD(self)->days != 0 || TD(self)->seconds != 0 || TD(self)->us != 0;
}

/* sofar + num * factor for one constructor keyword; float fractions go to *leftover. */
static PyObject *accum(const char *tag, PyObject *sofar, PyObject *num, PyObject *factor,
                       double *leftover)
{
    if (PyLong_Check(num)) {
        PyObject *prod = PyNumber_Multiply(num, factor);
        if (prod == NULL)
            return NULL;
        PyObject *sum = PyNumber_Add(sofar, prod);
        Py_DECREF(prod);
        return sum;
    }
    if (PyFloat_Check(num)) {
        double intpart, fracpart, dnum = PyFloat_AsDouble(num);
        if (dnum == -1.0 && PyErr_Occurred())
            return NULL;
        fracpart = modf(dnum, &intpart);
        PyObject *x = PyLong_FromDouble(intpart);
        if (x == NULL)
            return NULL;
        PyObject *prod = PyNumber_Multiply(x, factor);
        Py_DECREF(x);
        if (prod == NULL)
            return NULL;
        PyObject *sum = PyNumber_Add(sofar, prod);
        Py_DECREF(prod);
        if (sum == NULL || fracpart == 0.0)
            return sum;
        dnum = PyLong_AsDouble(factor);
        dnum *= fracpart;
        fracpart = modf(dnum, &intpart);
        x = PyLong_FromDouble(intpart);
        if (x == NULL) {
            Py_DECREF(sum);
            return NULL;
        }
        PyObject *y = PyNumber_Add(sum, x);
        Py_DECREF(sum);
        Py_DECREF(x);
        *leftover += fracpart;
        return y;
    }
    PyErr_Format(PyExc_TypeError, "unsupported type for timedelta %s component: %s",
                 tag, Py_TYPE(num)->tp_name);
    return NULL;
}

static PyObject *delta_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *day = NULL, *second = NULL, *us = NULL, *ms = NULL, *minute = NULL,
             *hour = NULL, *week = NULL;
    static char *keywords[] = {"days", "seconds", "microseconds", "milliseconds",
                               "minutes", "hours", "weeks", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|OOOOOOO:__new__", keywords, &day, &second,
                                     &us, &ms, &minute, &hour, &week))
        return NULL;
    double leftover_us = 0.0;
    PyObject *x = PyLong_FromLong(0), *y;
    if (x == NULL)
        return NULL;
    struct { const char *tag; PyObject *v; PyObject *factor; } parts[] = {
        {"microseconds", us, NULL}, {"milliseconds", ms, us_per_ms},
        {"seconds", second, us_per_second}, {"minutes", minute, us_per_minute},
        {"hours", hour, us_per_hour}, {"days", day, us_per_day}, {"weeks", week, us_per_week},
    };
    PyObject *one = PyLong_FromLong(1);
    parts[0].factor = one;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (parts[i].v == NULL)
            continue;
        y = accum(parts[i].tag, x, parts[i].v, parts[i].factor, &leftover_us);
        Py_DECREF(x);
        x = y;
        if (x == NULL) {
            Py_DECREF(one);
            return NULL;
        }
    }
    Py_DECREF(one);
    if (leftover_us) {
        /* Round to the nearest microsecond, halves to even (looking at x's parity). */
        double whole_us = round(leftover_us);
        if (fabs(whole_us - leftover_us) == 0.5) {
            PyObject *one1 = PyLong_FromLong(1);
            PyObject *t = PyNumber_And(x, one1);
            Py_DECREF(one1);
            if (t == NULL) {
                Py_DECREF(x);
                return NULL;
            }
            int x_is_odd = PyObject_IsTrue(t);
            Py_DECREF(t);
            whole_us = 2.0 * round((leftover_us + x_is_odd) * 0.5) - x_is_odd;
        }
        PyObject *t = PyLong_FromLong((long)whole_us);
        y = t ? PyNumber_Add(x, t) : NULL;
        Py_XDECREF(t);
        Py_DECREF(x);
        x = y;
        if (x == NULL)
            return NULL;
    }
    PyObject *self = microseconds_to_delta_ex(x, type);
    Py_DECREF(x);
    return self;
}

static PyObject *delta_repr(PyObject *self)
{
    char buf[120];
    size_t n = 0;
    const char *sep = "";
    if (TD(self)->days) {
        n += snprintf(buf + n, sizeof buf - n, "days=%d", TD(self)->days);
        sep = ", ";
    }
    if (TD(self)->seconds) {
        n += snprintf(buf + n, sizeof buf - n, "%sseconds=%d", sep, TD(self)->seconds);
        sep = ", ";
    }
    if (TD(self)->us)
        n += snprintf(buf + n, sizeof buf - n, "%smicroseconds=%d", sep, TD(self)->us);
    if (n == 0)
        snprintf(buf, sizeof buf, "0");
    return PyUnicode_FromFormat("%s(%s)", Py_TYPE(self)->tp_name, buf);
}

static PyObject *delta_str(PyObject *self)
{
    char buf[100];
    int us = TD(self)->us, seconds = TD(self)->seconds, days = TD(self)->days;
    int minutes = divmod_int(seconds, 60, &seconds);
    int hours = divmod_int(minutes, 60, &minutes);
    size_t n = 0;
    if (days)
        n = snprintf(buf, sizeof buf, "%d day%s, ", days, (days == 1 || days == -1) ? "" : "s");
    n += snprintf(buf + n, sizeof buf - n, "%d:%02d:%02d", hours, minutes, seconds);
    if (us)
        snprintf(buf + n, sizeof buf - n, ".%06d", us);
    return PyUnicode_FromString(buf);
}

static PyObject *delta_total_seconds(PyObject *self, PyObject *unused)
{
    PyObject *us = delta_to_microseconds(TD(self));
    if (us == NULL)
        return NULL;
    PyObject *r = PyNumber_TrueDivide(us, us_per_second);
    Py_DECREF(us);
    return r;
}

static PyObject *delta_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("O(iii)", Py_TYPE(self), TD(self)->days, TD(self)->seconds,
                         TD(self)->us);
}

static PyMemberDef delta_members[] = {
    {"days", T_INT, offsetof(DeltaObject, days), READONLY,
     PyDoc_STR("Number of days.")},
    {"seconds", T_INT, offsetof(DeltaObject, seconds), READONLY,
     PyDoc_STR("Number of seconds (>= 0 and less than 1 day).")},
    {"microseconds", T_INT, offsetof(DeltaObject, us), READONLY,
     PyDoc_STR("Number of microseconds (>= 0 and less than 1 second).")},
    {NULL}
};

static PyMethodDef delta_methods[] = {
    {"total_seconds", delta_total_seconds, METH_NOARGS,
     PyDoc_STR("Total seconds in the duration.")},
    {"__reduce__", delta_reduce, METH_NOARGS, PyDoc_STR("__reduce__() -> (cls, state)")},
    {NULL}
};

static PyNumberMethods delta_as_number = {
    .nb_add = delta_add, .nb_subtract = delta_subtract, .nb_multiply = delta_multiply,
    .nb_remainder = delta_remainder, .nb_divmod = delta_divmod,
    .nb_negative = (unaryfunc)delta_negative, .nb_positive = (unaryfunc)delta_positive,
    .nb_absolute = (unaryfunc)delta_abs, .nb_bool = (inquiry)delta_bool,
    .nb_floor_divide = delta_floordivide, .nb_true_divide = delta_truedivide,
};

static PyTypeObject DeltaType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.timedelta",
    .tp_basicsize = sizeof(DeltaObject),
    .tp_repr = delta_repr,
    .tp_as_number = &delta_as_number,
    .tp_hash = delta_hash,
    .tp_str = delta_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = PyDoc_STR("Difference between two datetime values.\n\n"
        "timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\n"
        "All arguments are optional and default to 0.\n"
        "Arguments may be integers or floats, and may be positive or negative."),
    .tp_richcompare = delta_richcompare,
    .tp_methods = delta_methods,
    .tp_members = delta_members,
    .tp_new = delta_new,
};

/* ------------------------------------------------------------ tzinfo helpers */

/* Check a utcoffset()/dst() result: None or a timedelta strictly within a day. */
static PyObject *call_tzinfo_method(PyObject *tzinfo, const char *name, PyObject *tzinfoarg)
{
    if (tzinfo == Py_None)
        Py_RETURN_NONE;
    PyObject *offset = PyObject_CallMethod(tzinfo, name, "O", tzinfoarg);
    if (offset == NULL || offset == Py_None)
        return offset;
    if (!PyDelta_Check(offset)) {
        PyErr_Format(PyExc_TypeError,
                     "tzinfo.%s() must return None or timedelta, not '%.200s'",
                     name, Py_TYPE(offset)->tp_name);
        Py_DECREF(offset);
        return NULL;
    }
    if ((TD(offset)->days == -1 && TD(offset)->seconds == 0 && TD(offset)->us < 1) ||
        TD(offset)->days < -1 || TD(offset)->days >= 1) {
        PyErr_SetString(PyExc_ValueError,
                        "offset must be a timedelta strictly between -timedelta(hours=24) and "
                        "timedelta(hours=24).");
        Py_DECREF(offset);
        return NULL;
    }
    return offset;
}
#define call_utcoffset(tz, arg) call_tzinfo_method(tz, "utcoffset", arg)
#define call_dst(tz, arg) call_tzinfo_method(tz, "dst", arg)

static PyObject *call_tzname(PyObject *tzinfo, PyObject *tzinfoarg)
{
    if (tzinfo == Py_None)
        Py_RETURN_NONE;
    PyObject *r = PyObject_CallMethod(tzinfo, "tzname", "O", tzinfoarg);
    if (r == NULL || r == Py_None)
        return r;
    if (!PyUnicode_Check(r)) {
        PyErr_Format(PyExc_TypeError,
                     "tzinfo.tzname() must return None or a string, not '%s'",
                     Py_TYPE(r)->tp_name);
        Py_DECREF(r);
        return NULL;
    }
    return r;
}

/* "+HH<sep>MM[<sep>SS[.ffffff]]" or "" when the offset is None. */
static int format_utcoffset(char *buf, size_t buflen, const char *sep, PyObject *tzinfo,
                            PyObject *tzinfoarg)
{
    PyObject *offset = call_utcoffset(tzinfo, tzinfoarg);
    if (offset == NULL)
        return -1;
    if (offset == Py_None) {
        Py_DECREF(offset);
        *buf = '\0';
        return 0;
    }
    char sign = '+';
    if (TD(offset)->days < 0) {
        sign = '-';
        Py_SETREF(offset, delta_negative(offset));
        if (offset == NULL)
            return -1;
    }
    int us = TD(offset)->us, seconds = TD(offset)->seconds;
    Py_DECREF(offset);
    int minutes = divmod_int(seconds, 60, &seconds);
    int hours = divmod_int(minutes, 60, &minutes);
    if (us)
        snprintf(buf, buflen, "%c%02d%s%02d%s%02d.%06d", sign, hours, sep, minutes, sep,
                 seconds, us);
    else if (seconds)
        snprintf(buf, buflen, "%c%02d%s%02d%s%02d", sign, hours, sep, minutes, sep, seconds);
    else
        snprintf(buf, buflen, "%c%02d%s%02d", sign, hours, sep, minutes);
    return 0;
}

static PyObject *get_tzinfo_member(PyObject *self)
{
    if (PyDateTime_Check(self))
        return DT(self)->tzinfo;
    if (PyTime_Check(self))
        return TI(self)->tzinfo;
    return Py_None;
}

/* strftime with %z, %Z and %f expanded here, the rest by time.strftime. */
static PyObject *wrap_strftime(PyObject *object, PyObject *format, PyObject *timetuple,
                               PyObject *tzinfoarg)
{
    Py_ssize_t flen;
    const char *pin = PyUnicode_AsUTF8AndSize(format, &flen);
    if (pin == NULL)
        return NULL;
    const char *end = pin + flen;
    PyObject *newfmt = NULL;
    char *out = PyMem_Malloc(flen + 1);
    size_t cap = flen + 1, n = 0;
    if (out == NULL)
        return PyErr_NoMemory();
#define PUT(s, len) do { size_t l_ = (len); \
        if (n + l_ + 1 > cap) { cap = (n + l_ + 1) * 2; char *o_ = PyMem_Realloc(out, cap); \
            if (o_ == NULL) { PyErr_NoMemory(); goto fail; } out = o_; } \
        memcpy(out + n, (s), l_); n += l_; } while (0)
    while (pin < end) {
        char ch = *pin++;
        if (ch != '%' || pin >= end) {
            PUT(&ch, 1);
            continue;
        }
        ch = *pin++;
        if (ch == 'z') {
            char buf[100];
            buf[0] = '\0';
            PyObject *tz = get_tzinfo_member(object);
            if (tz != Py_None && format_utcoffset(buf, sizeof buf, "", tz, tzinfoarg) < 0)
                goto fail;
            PUT(buf, strlen(buf));
        }
        else if (ch == 'Z') {
            PyObject *tz = get_tzinfo_member(object);
            if (tz != Py_None) {
                PyObject *name = call_tzname(tz, tzinfoarg);
                if (name == NULL)
                    goto fail;
                if (name != Py_None) {
                    /* as CPython, through the name's own replace(): a literal % stays */
                    PyObject *esc = PyObject_CallMethod(name, "replace", "ss", "%", "%%");
                    Py_DECREF(name);
                    if (esc == NULL)
                        goto fail;
                    if (!PyUnicode_Check(esc)) {
                        PyErr_SetString(PyExc_TypeError, "tzname.replace() did not return a string");
                        Py_DECREF(esc);
                        goto fail;
                    }
                    Py_ssize_t nl;
                    const char *s = PyUnicode_AsUTF8AndSize(esc, &nl);
                    if (s == NULL) {
                        Py_DECREF(esc);
                        goto fail;
                    }
                    PUT(s, nl);
                    Py_DECREF(esc);
                } else {
                    Py_DECREF(name);
                }
            }
        }
        else if (ch == 'f') {
            char buf[16];
            int us = PyDateTime_Check(object) ? DT(object)->us
                   : PyTime_Check(object) ? TI(object)->us : 0;
            snprintf(buf, sizeof buf, "%06d", us);
            PUT(buf, 6);
        }
        else {
            char pair[2] = {'%', ch};
            PUT(pair, 2);
        }
    }
#undef PUT
    newfmt = PyUnicode_FromStringAndSize(out, n);
    PyMem_Free(out);
    if (newfmt == NULL)
        return NULL;
    PyObject *time = PyImport_ImportModule("time");
    if (time == NULL) {
        Py_DECREF(newfmt);
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(time, "strftime", "OO", newfmt, timetuple);
    Py_DECREF(time);
    Py_DECREF(newfmt);
    return r;
fail:
    PyMem_Free(out);
    return NULL;
}

static PyObject *build_struct_time(int y, int m, int d, int hh, int mm, int ss, int dstflag)
{
    PyObject *time = PyImport_ImportModule("time");
    if (time == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(time, "struct_time", "((iiiiiiiii))", y, m, d, hh, mm,
                                      ss, weekday(y, m, d), days_before_month(y, m) + d,
                                      dstflag);
    Py_DECREF(time);
    return r;
}

/* ------------------------------------------------------------ date */

static PyObject *date_from_pickle(PyTypeObject *type, const unsigned char *data)
{
    DateObject *me = (DateObject *)type->tp_alloc(type, 0);
    if (me != NULL) {
        me->hashcode = -1;
        me->year = data[0] * 256 + data[1];
        me->month = data[2];
        me->day = data[3];
    }
    return (PyObject *)me;
}

/* The one-argument pickle form: bytes of the given size, or (pickles from Python 2 loaded
 * with encoding='latin1') a str of that size.  `sane` checks the byte at `index` (mask
 * applied) so that a real argument is not mistaken for a state.  Returns a new bytes
 * reference, NULL without an error when state is not a pickle state, NULL with an error
 * when a str state does not encode. */
static PyObject *pickle_state(PyObject *state, Py_ssize_t size, Py_ssize_t index,
                              unsigned mask, unsigned lo, unsigned hi, const char *what)
{
    if (PyBytes_Check(state)) {
        if (PyBytes_GET_SIZE(state) != size)
            return NULL;
        unsigned c = ((const unsigned char *)PyBytes_AS_STRING(state))[index] & mask;
        return c >= lo && c <= hi ? Py_NewRef(state) : NULL;
    }
    if (!PyUnicode_Check(state) || PyUnicode_GET_LENGTH(state) != size)
        return NULL;
    unsigned c = (unsigned)PyUnicode_READ_CHAR(state, index) & mask;
    if (c < lo || c > hi)
        return NULL;
    PyObject *b = PyUnicode_AsLatin1String(state);
    if (b == NULL && PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_ValueError,
                     "Failed to encode latin1 string when unpickling a %s object. "
                     "pickle.load(data, encoding='latin1') is assumed.", what);
    }
    return b;
}

static PyObject *date_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args) == 1) {
        PyObject *state = pickle_state(PyTuple_GET_ITEM(args, 0), 4, 2, 0xff, 1, 12, "date");
        if (state != NULL) {
            PyObject *r = date_from_pickle(type, (const unsigned char *)PyBytes_AS_STRING(state));
            Py_DECREF(state);
            return r;
        }
        if (PyErr_Occurred())
            return NULL;
    }
    int year, month, day;
    static char *keywords[] = {"year", "month", "day", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iii", keywords, &year, &month, &day))
        return NULL;
    return new_date_ex(year, month, day, type);
}

static PyObject *date_year(PyObject *self, void *c) { return PyLong_FromLong(DA(self)->year); }
static PyObject *date_month(PyObject *self, void *c) { return PyLong_FromLong(DA(self)->month); }
static PyObject *date_day(PyObject *self, void *c) { return PyLong_FromLong(DA(self)->day); }

static PyGetSetDef date_getset[] = {
    {"year", date_year}, {"month", date_month}, {"day", date_day}, {NULL}
};

/* Convert a timestamp to whole seconds (time_t) or seconds + microseconds, CPython's
 * _PyTime_ObjectToTime_t / _PyTime_ObjectToTimeval with the given rounding. */
static double round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return r;
}

static int time_t_overflow(void)
{
    PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
    return -1;
}

static int object_to_timet(PyObject *obj, time_t *sec, long *usec, int floor_only)
{
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj), intpart;
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        if (floor_only) {
            d = floor(d);
            modf(d, &intpart);
            *usec = 0;
        }
        else {
            double frac = modf(d, &intpart);
            frac = round_half_even(frac * 1e6);
            if (frac >= 1e6) {
                frac -= 1e6;
                intpart += 1.0;
            }
            else if (frac < 0) {
                frac += 1e6;
                intpart -= 1.0;
            }
            *usec = (long)frac;
        }
        if (!(intpart >= -9223372036854775808.0 && intpart < 9223372036854775808.0))
            return time_t_overflow();
        *sec = (time_t)intpart;
        return 0;
    }
    long long v = PyLong_AsLongLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            time_t_overflow();
        }
        return -1;
    }
    *sec = (time_t)v;
    *usec = 0;
    return 0;
}

static int py_localtime(time_t t, struct tm *tm)
{
    errno = 0;
    if (localtime_r(&t, tm) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static int py_gmtime(time_t t, struct tm *tm)
{
    errno = 0;
    if (gmtime_r(&t, tm) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static PyObject *date_fromtimestamp(PyObject *cls, PyObject *timestamp)
{
    time_t t;
    long us;
    struct tm tm;
    if (object_to_timet(timestamp, &t, &us, 1) < 0 || py_localtime(t, &tm) < 0)
        return NULL;
    return new_date_subclass_ex(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, cls);
}

static PyObject *date_today(PyObject *cls, PyObject *unused)
{
    PyObject *time = PyImport_ImportModule("time");
    if (time == NULL)
        return NULL;
    PyObject *now = PyObject_CallMethod(time, "time", NULL);
    Py_DECREF(time);
    if (now == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(cls, "fromtimestamp", "O", now);
    Py_DECREF(now);
    return r;
}

static PyObject *date_fromordinal(PyObject *cls, PyObject *args)
{
    int ordinal, y, m, d;
    if (!PyArg_ParseTuple(args, "i:fromordinal", &ordinal))
        return NULL;
    if (ordinal < 1) {
        PyErr_SetString(PyExc_ValueError, "ordinal must be >= 1");
        return NULL;
    }
    ord_to_ymd(ordinal, &y, &m, &d);
    return new_date_subclass_ex(y, m, d, cls);
}

static const char *parse_digits(const char *ptr, int *var, size_t num_digits)
{
    for (size_t i = 0; i < num_digits; ++i) {
        unsigned int tmp = (unsigned int)(*(ptr++) - '0');
        if (tmp > 9)
            return NULL;
        *var = *var * 10 + (int)tmp;
    }
    return ptr;
}

static int parse_isoformat_date(const char *dtstr, size_t len, int *year, int *month, int *day)
{
    const char *p = parse_digits(dtstr, year, 4);
    if (p == NULL)
        return -1;
    const int uses_separator = (*p == '-');
    if (uses_separator)
        ++p;
    if (*p == 'W') {
        p++;
        int iso_week = 0, iso_day = 0;
        p = parse_digits(p, &iso_week, 2);
        if (p == NULL)
            return -3;
        if ((size_t)(p - dtstr) < len) {
            if (uses_separator && *(p++) != '-')
                return -2;
            p = parse_digits(p, &iso_day, 1);
            if (p == NULL)
                return -4;
        }
        else
            iso_day = 1;
        int rv = iso_to_ymd(*year, iso_week, iso_day, year, month, day);
        return rv ? -3 + rv : 0;
    }
    p = parse_digits(p, month, 2);
    if (p == NULL)
        return -1;
    if (uses_separator && *(p++) != '-')
        return -2;
    p = parse_digits(p, day, 2);
    return p == NULL ? -1 : 0;
}

static PyObject *invalid_isoformat(PyObject *s)
{
    PyErr_Format(PyExc_ValueError, "Invalid isoformat string: %R", s);
    return NULL;
}

static PyObject *date_fromisoformat(PyObject *cls, PyObject *dtstr)
{
    if (!PyUnicode_Check(dtstr)) {
        PyErr_SetString(PyExc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    Py_ssize_t len;
    const char *p = PyUnicode_AsUTF8AndSize(dtstr, &len);
    if (p == NULL) {
        PyErr_Clear();
        return invalid_isoformat(dtstr);
    }
    int year = 0, month = 0, day = 0, rv = -1;
    if (len == 7 || len == 8 || len == 10)
        rv = parse_isoformat_date(p, len, &year, &month, &day);
    if (rv < 0)
        return invalid_isoformat(dtstr);
    return new_date_subclass_ex(year, month, day, cls);
}

static PyObject *date_fromisocalendar(PyObject *cls, PyObject *args, PyObject *kw)
{
    static char *keywords[] = {"year", "week", "day", NULL};
    int year, week, day, m, d;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iii:fromisocalendar", keywords, &year, &week,
                                     &day)) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_ValueError, "ISO calendar component out of range");
        }
        return NULL;
    }
    if (year < MINYEAR || year > MAXYEAR) {
        PyErr_Format(PyExc_ValueError, "Year is out of range: %d", year);
        return NULL;
    }
    int rv = iso_to_ymd(year, week, day, &year, &m, &d);
    if (rv == -2) {
        PyErr_Format(PyExc_ValueError, "Invalid week: %d", week);
        return NULL;
    }
    if (rv == -3) {
        PyErr_Format(PyExc_ValueError, "Invalid day: %d (range is [1, 7])", day);
        return NULL;
    }
    return new_date_subclass_ex(year, m, d, cls);
}

static PyObject *add_date_timedelta(PyObject *date, PyObject *delta, int negate)
{
    int y = DA(date)->year, m = DA(date)->month;
    int d = DA(date)->day + (negate ? -TD(delta)->days : TD(delta)->days);
    if (normalize_date(&y, &m, &d) < 0)
        return NULL;
    return new_date_subclass_ex(y, m, d, (PyObject *)Py_TYPE(date));
}

static PyObject *date_add(PyObject *left, PyObject *right)
{
    if (PyDateTime_Check(left) || PyDateTime_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    if (PyDate_Check(left)) {
        if (PyDelta_Check(right))
            return add_date_timedelta(left, right, 0);
    }
    else if (PyDelta_Check(left))
        return add_date_timedelta(right, left, 0);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *date_subtract(PyObject *left, PyObject *right)
{
    if (PyDateTime_Check(left) || PyDateTime_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    if (PyDate_Check(left)) {
        if (PyDate_Check(right)) {
            int l = ymd_to_ord(DA(left)->year, DA(left)->month, DA(left)->day);
            int r = ymd_to_ord(DA(right)->year, DA(right)->month, DA(right)->day);
            return new_delta(l - r, 0, 0, 0);
        }
        if (PyDelta_Check(right))
            return add_date_timedelta(left, right, 1);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *date_repr(PyObject *self)
{
    return PyUnicode_FromFormat("%s(%d, %d, %d)", Py_TYPE(self)->tp_name, DA(self)->year,
                                DA(self)->month, DA(self)->day);
}

static PyObject *date_isoformat(PyObject *self, PyObject *unused)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", DA(self)->year, DA(self)->month, DA(self)->day);
    return PyUnicode_FromString(buf);
}

static PyObject *date_str(PyObject *self)
{
    return call_method0(self, "isoformat");
}

static PyObject *format_ctime(PyObject *date, int hours, int minutes, int seconds)
{
    static const char *const DayNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const MonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char buf[64];
    int y = DA(date)->year, m = DA(date)->month, d = DA(date)->day;
    snprintf(buf, sizeof buf, "%s %s %2d %02d:%02d:%02d %04d", DayNames[weekday(y, m, d)],
             MonthNames[m - 1], d, hours, minutes, seconds, y);
    return PyUnicode_FromString(buf);
}

static PyObject *date_ctime(PyObject *self, PyObject *unused)
{
    return format_ctime(self, 0, 0, 0);
}

static PyObject *date_strftime(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *format;
    static char *keywords[] = {"format", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "U:strftime", keywords, &format))
        return NULL;
    PyObject *tuple = call_method0(self, "timetuple");
    if (tuple == NULL)
        return NULL;
    PyObject *r = wrap_strftime(self, format, tuple, self);
    Py_DECREF(tuple);
    return r;
}

static PyObject *date_format(PyObject *self, PyObject *args)
{
    PyObject *format;
    if (!PyArg_ParseTuple(args, "U:__format__", &format))
        return NULL;
    if (PyUnicode_GetLength(format) == 0)
        return PyObject_Str(self);
    return PyObject_CallMethod(self, "strftime", "O", format);
}

static PyObject *date_isoweekday(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(weekday(DA(self)->year, DA(self)->month, DA(self)->day) + 1);
}

static PyObject *date_weekday(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(weekday(DA(self)->year, DA(self)->month, DA(self)->day));
}

static PyObject *date_toordinal(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(ymd_to_ord(DA(self)->year, DA(self)->month, DA(self)->day));
}

static PyObject *date_isocalendar(PyObject *self, PyObject *unused)
{
    int year = DA(self)->year;
    int week1_monday = iso_week1_monday(year);
    int today = ymd_to_ord(year, DA(self)->month, DA(self)->day);
    int day;
    int week = divmod_int(today - week1_monday, 7, &day);
    if (week < 0) {
        --year;
        week1_monday = iso_week1_monday(year);
        week = divmod_int(today - week1_monday, 7, &day);
    }
    else if (week >= 52 && today >= iso_week1_monday(year + 1)) {
        ++year;
        week = 0;
    }
    PyObject *r = PyStructSequence_New(IsoCalendarDateType);
    if (r == NULL)
        return NULL;
    PyStructSequence_SetItem(r, 0, PyLong_FromLong(year));
    PyStructSequence_SetItem(r, 1, PyLong_FromLong(week + 1));
    PyStructSequence_SetItem(r, 2, PyLong_FromLong(day + 1));
    return r;
}

static PyObject *date_timetuple(PyObject *self, PyObject *unused)
{
    return build_struct_time(DA(self)->year, DA(self)->month, DA(self)->day, 0, 0, 0, -1);
}

static PyObject *date_replace(PyObject *self, PyObject *args, PyObject *kw)
{
    int y = DA(self)->year, m = DA(self)->month, d = DA(self)->day;
    static char *keywords[] = {"year", "month", "day", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|iii:replace", keywords, &y, &m, &d))
        return NULL;
    PyObject *tuple = Py_BuildValue("iii", y, m, d);
    if (tuple == NULL)
        return NULL;
    PyObject *clone = date_new(Py_TYPE(self), tuple, NULL);
    Py_DECREF(tuple);
    return clone;
}

static PyObject *date_getstate(PyObject *self)
{
    char data[4] = {(char)(DA(self)->year >> 8), (char)(DA(self)->year & 0xff),
                    (char)DA(self)->month, (char)DA(self)->day};
    return Py_BuildValue("(N)", PyBytes_FromStringAndSize(data, 4));
}

static PyObject *date_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ON)", Py_TYPE(self), date_getstate(self));
}

static Py_hash_t date_hash(PyObject *self)
{
    if (DA(self)->hashcode == -1) {
        unsigned char data[4] = {DA(self)->year >> 8, DA(self)->year & 0xff,
                                 DA(self)->month, DA(self)->day};
        DA(self)->hashcode = _Py_HashBytes(data, 4);
    }
    return DA(self)->hashcode;
}

static PyObject *date_richcompare(PyObject *self, PyObject *other, int op)
{
    if (PyDate_Check(other)) {
        int a[3] = {DA(self)->year, DA(self)->month, DA(self)->day};
        int b[3] = {DA(other)->year, DA(other)->month, DA(other)->day};
        return diff_to_bool(cmp_ints(a, b, 3), op);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

static PyMethodDef date_methods[] = {
    {"fromtimestamp", date_fromtimestamp, METH_O | METH_CLASS,
     PyDoc_STR("Create a date from a POSIX timestamp.")},
    {"fromordinal", date_fromordinal, METH_VARARGS | METH_CLASS,
     PyDoc_STR("int -> date corresponding to a proleptic Gregorian ordinal.")},
    {"fromisoformat", date_fromisoformat, METH_O | METH_CLASS,
     PyDoc_STR("str -> Construct a date from a string in ISO 8601 format.")},
    {"fromisocalendar", (PyCFunction)(void (*)(void))date_fromisocalendar,
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     PyDoc_STR("int, int, int -> Construct a date from the ISO year, week number and weekday.")},
    {"today", date_today, METH_NOARGS | METH_CLASS,
     PyDoc_STR("Current date or datetime:  same as self.__class__.fromtimestamp(time.time()).")},
    {"ctime", date_ctime, METH_NOARGS, PyDoc_STR("Return ctime() style string.")},
    {"strftime", (PyCFunction)(void (*)(void))date_strftime, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("format -> strftime() style string.")},
    {"__format__", date_format, METH_VARARGS, PyDoc_STR("Formats self with strftime.")},
    {"timetuple", date_timetuple, METH_NOARGS, PyDoc_STR("Return time tuple, compatible with time.localtime().")},
    {"isocalendar", date_isocalendar, METH_NOARGS,
     PyDoc_STR("Return a named tuple containing ISO year, week number, and weekday.")},
    {"isoformat", date_isoformat, METH_NOARGS, PyDoc_STR("Return string in ISO 8601 format, YYYY-MM-DD.")},
    {"isoweekday", date_isoweekday, METH_NOARGS,
     PyDoc_STR("Return the day of the week represented by the date.\nMonday == 1 ... Sunday == 7")},
    {"toordinal", date_toordinal, METH_NOARGS,
     PyDoc_STR("Return proleptic Gregorian ordinal.  January 1 of year 1 is day 1.")},
    {"weekday", date_weekday, METH_NOARGS,
     PyDoc_STR("Return the day of the week represented by the date.\nMonday == 0 ... Sunday == 6")},
    {"replace", (PyCFunction)(void (*)(void))date_replace, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("Return date with new specified fields.")},
    {"__reduce__", date_reduce, METH_NOARGS, PyDoc_STR("__reduce__() -> (cls, state)")},
    {NULL}
};

static PyNumberMethods date_as_number = {
    .nb_add = date_add, .nb_subtract = date_subtract,
};

static PyTypeObject DateType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.date",
    .tp_basicsize = sizeof(DateObject),
    .tp_repr = date_repr,
    .tp_as_number = &date_as_number,
    .tp_hash = date_hash,
    .tp_str = date_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = PyDoc_STR("date(year, month, day) --> date object"),
    .tp_richcompare = date_richcompare,
    .tp_methods = date_methods,
    .tp_getset = date_getset,
    .tp_new = date_new,
};

/* ------------------------------------------------------------ tzinfo */

static PyObject *tzinfo_nogo(const char *methodname)
{
    PyErr_Format(PyExc_NotImplementedError, "a tzinfo subclass must implement %s()",
                 methodname);
    return NULL;
}

static PyObject *tzinfo_tzname(PyObject *self, PyObject *dt) { return tzinfo_nogo("tzname"); }
static PyObject *tzinfo_utcoffset(PyObject *self, PyObject *dt) { return tzinfo_nogo("utcoffset"); }
static PyObject *tzinfo_dst(PyObject *self, PyObject *dt) { return tzinfo_nogo("dst"); }

static PyObject *add_datetime_timedelta(PyObject *date, PyObject *delta, int factor);

static PyObject *tzinfo_fromutc(PyObject *self, PyObject *dt)
{
    PyObject *off = NULL, *dst = NULL, *delta = NULL, *result = NULL;
    if (!PyDateTime_Check(dt)) {
        PyErr_SetString(PyExc_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    if (DT(dt)->tzinfo != self) {
        PyErr_SetString(PyExc_ValueError, "fromutc: dt.tzinfo is not self");
        return NULL;
    }
    off = call_utcoffset(DT(dt)->tzinfo, dt);
    if (off == NULL)
        return NULL;
    if (off == Py_None) {
        PyErr_SetString(PyExc_ValueError, "fromutc: non-None utcoffset() result required");
        goto fail;
    }
    dst = call_dst(DT(dt)->tzinfo, dt);
    if (dst == NULL)
        goto fail;
    if (dst == Py_None) {
        PyErr_SetString(PyExc_ValueError, "fromutc: non-None dst() result required");
        goto fail;
    }
    delta = delta_subtract(off, dst);
    if (delta == NULL)
        goto fail;
    result = add_datetime_timedelta(dt, delta, 1);
    if (result == NULL)
        goto fail;
    Py_DECREF(dst);
    dst = call_dst(DT(result)->tzinfo, result);
    if (dst == NULL)
        goto fail;
    if (dst == Py_None) {
        PyErr_SetString(PyExc_ValueError,
                        "fromutc: tz.dst() gave inconsistent results; cannot convert");
        goto fail;
    }
    if (delta_bool(dst))
        Py_SETREF(result, add_datetime_timedelta(result, dst, 1));
    Py_DECREF(off);
    Py_DECREF(dst);
    Py_DECREF(delta);
    return result;
fail:
    Py_XDECREF(off);
    Py_XDECREF(dst);
    Py_XDECREF(delta);
    Py_XDECREF(result);
    return NULL;
}

static PyObject *tzinfo_reduce(PyObject *self, PyObject *unused)
{
    static PyObject *name_getinitargs;
    PyObject *getinitargs, *args, *state;
    if (name_getinitargs == NULL &&
        (name_getinitargs = PyUnicode_InternFromString("__getinitargs__")) == NULL)
        return NULL;
    if (_PyObject_LookupAttr(self, name_getinitargs, &getinitargs) < 0)
        return NULL;
    if (getinitargs != NULL) {
        args = PyObject_CallNoArgs(getinitargs);
        Py_DECREF(getinitargs);
    }
    else
        args = PyTuple_New(0);
    if (args == NULL)
        return NULL;
    state = _PyObject_GetState(self);
    if (state == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    return Py_BuildValue("(ONN)", Py_TYPE(self), args, state);
}

static PyMethodDef tzinfo_methods[] = {
    {"tzname", tzinfo_tzname, METH_O, PyDoc_STR("datetime -> string name of time zone.")},
    {"utcoffset", tzinfo_utcoffset, METH_O,
     PyDoc_STR("datetime -> timedelta showing offset from UTC, negative values indicating West of UTC")},
    {"dst", tzinfo_dst, METH_O, PyDoc_STR("datetime -> DST offset as timedelta positive east of UTC.")},
    {"fromutc", tzinfo_fromutc, METH_O,
     PyDoc_STR("datetime in UTC -> datetime in local time.")},
    {"__reduce__", tzinfo_reduce, METH_NOARGS, PyDoc_STR("-> (cls, state)")},
    {NULL}
};

static PyTypeObject TZInfoType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.tzinfo",
    .tp_basicsize = sizeof(PyObject),
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = PyDoc_STR("Abstract base class for time zone info objects."),
    .tp_methods = tzinfo_methods,
    .tp_new = PyType_GenericNew,
};

/* ------------------------------------------------------------ timezone */

static PyObject *create_timezone(PyObject *offset, PyObject *name)
{
    TimeZoneObject *self = (TimeZoneObject *)TimeZoneType.tp_alloc(&TimeZoneType, 0);
    if (self == NULL)
        return NULL;
    Py_INCREF(offset);
    self->offset = offset;
    Py_XINCREF(name);
    self->name = name;
    return (PyObject *)self;
}

static PyObject *new_timezone(PyObject *offset, PyObject *name)
{
    if (name == NULL && !delta_bool(offset)) {
        Py_INCREF(TimeZone_UTC);
        return TimeZone_UTC;
    }
    if ((TD(offset)->days == -1 && TD(offset)->seconds == 0 && TD(offset)->us < 1) ||
        TD(offset)->days < -1 || TD(offset)->days >= 1) {
        PyErr_Format(PyExc_ValueError,
                     "offset must be a timedelta strictly between -timedelta(hours=24) and "
                     "timedelta(hours=24), not %R.", offset);
        return NULL;
    }
    return create_timezone(offset, name);
}

static PyObject *timezone_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *offset, *name = NULL;
    static char *keywords[] = {"offset", "name", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!|U:timezone", keywords, &DeltaType,
                                     &offset, &name))
        return NULL;
    return new_timezone(offset, name);
}

static void timezone_dealloc(PyObject *self)
{
    Py_CLEAR(((TimeZoneObject *)self)->offset);
    Py_CLEAR(((TimeZoneObject *)self)->name);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *timezone_richcompare(PyObject *self, PyObject *other, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    if (!PyTimezone_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return delta_richcompare(((TimeZoneObject *)self)->offset,
                             ((TimeZoneObject *)other)->offset, op);
}

static Py_hash_t timezone_hash(PyObject *self)
{
    return delta_hash(((TimeZoneObject *)self)->offset);
}

static int timezone_check_argument(PyObject *dt, const char *meth)
{
    if (dt == Py_None || PyDateTime_Check(dt))
        return 0;
    PyErr_Format(PyExc_TypeError,
                 "%s(dt) argument must be a datetime instance or None, not %.200s",
                 meth, Py_TYPE(dt)->tp_name);
    return -1;
}

static PyObject *timezone_repr(PyObject *self)
{
    TimeZoneObject *tz = (TimeZoneObject *)self;
    const char *type_name = Py_TYPE(self)->tp_name;
    if (self == TimeZone_UTC)
        return PyUnicode_FromFormat("%s.utc", type_name);
    if (tz->name == NULL)
        return PyUnicode_FromFormat("%s(%R)", type_name, tz->offset);
    return PyUnicode_FromFormat("%s(%R, %R)", type_name, tz->offset, tz->name);
}

static PyObject *timezone_str(PyObject *self)
{
    TimeZoneObject *tz = (TimeZoneObject *)self;
    if (tz->name != NULL) {
        Py_INCREF(tz->name);
        return tz->name;
    }
    if (self == TimeZone_UTC || !delta_bool(tz->offset))
        return PyUnicode_FromString("UTC");
    char sign = '+';
    PyObject *offset = tz->offset;
    Py_INCREF(offset);
    if (TD(offset)->days < 0) {
        sign = '-';
        Py_SETREF(offset, delta_negative(offset));
        if (offset == NULL)
            return NULL;
    }
    int us = TD(offset)->us, seconds = TD(offset)->seconds;
    Py_DECREF(offset);
    int minutes = divmod_int(seconds, 60, &seconds);
    int hours = divmod_int(minutes, 60, &minutes);
    char buf[64];
    if (us)
        snprintf(buf, sizeof buf, "UTC%c%02d:%02d:%02d.%06d", sign, hours, minutes, seconds, us);
    else if (seconds)
        snprintf(buf, sizeof buf, "UTC%c%02d:%02d:%02d", sign, hours, minutes, seconds);
    else
        snprintf(buf, sizeof buf, "UTC%c%02d:%02d", sign, hours, minutes);
    return PyUnicode_FromString(buf);
}

static PyObject *timezone_tzname(PyObject *self, PyObject *dt)
{
    if (timezone_check_argument(dt, "tzname") < 0)
        return NULL;
    return timezone_str(self);
}

static PyObject *timezone_utcoffset(PyObject *self, PyObject *dt)
{
    if (timezone_check_argument(dt, "utcoffset") < 0)
        return NULL;
    Py_INCREF(((TimeZoneObject *)self)->offset);
    return ((TimeZoneObject *)self)->offset;
}

static PyObject *timezone_dst(PyObject *self, PyObject *dt)
{
    if (timezone_check_argument(dt, "dst") < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *timezone_fromutc(PyObject *self, PyObject *dt)
{
    if (!PyDateTime_Check(dt)) {
        PyErr_SetString(PyExc_TypeError, "fromutc: argument must be a datetime");
        return NULL;
    }
    if (DT(dt)->tzinfo != self) {
        PyErr_SetString(PyExc_ValueError, "fromutc: dt.tzinfo is not self");
        return NULL;
    }
    return add_datetime_timedelta(dt, ((TimeZoneObject *)self)->offset, 1);
}

static PyObject *timezone_getinitargs(PyObject *self, PyObject *unused)
{
    TimeZoneObject *tz = (TimeZoneObject *)self;
    if (tz->name == NULL)
        return Py_BuildValue("(O)", tz->offset);
    return Py_BuildValue("(OO)", tz->offset, tz->name);
}

static PyMethodDef timezone_methods[] = {
    {"tzname", timezone_tzname, METH_O,
     PyDoc_STR("If name is specified when timezone is created, returns the name.  Otherwise returns offset as 'UTC(+|-)HH:MM'.")},
    {"utcoffset", timezone_utcoffset, METH_O, PyDoc_STR("Return fixed offset.")},
    {"dst", timezone_dst, METH_O, PyDoc_STR("Return None.")},
    {"fromutc", timezone_fromutc, METH_O, PyDoc_STR("datetime in UTC -> datetime in local time.")},
    {"__getinitargs__", timezone_getinitargs, METH_NOARGS, PyDoc_STR("pickle support")},
    {NULL}
};

static PyTypeObject TimeZoneType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.timezone",
    .tp_basicsize = sizeof(TimeZoneObject),
    .tp_dealloc = timezone_dealloc,
    .tp_repr = timezone_repr,
    .tp_hash = timezone_hash,
    .tp_str = timezone_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = PyDoc_STR("Fixed offset from UTC implementation of tzinfo."),
    .tp_richcompare = timezone_richcompare,
    .tp_methods = timezone_methods,
    .tp_base = &TZInfoType,
    .tp_new = timezone_new,
};

/* ------------------------------------------------------------ time */

static void tz_holder_dealloc(PyObject *self)
{
    PyObject *tz = PyDateTime_Check(self) ? DT(self)->tzinfo : TI(self)->tzinfo;
    Py_XDECREF(tz);
    Py_TYPE(self)->tp_free(self);
}

static PyObject *time_from_pickle(PyTypeObject *type, const unsigned char *data, PyObject *tzinfo)
{
    if (tzinfo != Py_None && !PyTZInfo_Check(tzinfo)) {
        PyErr_SetString(PyExc_TypeError, "bad tzinfo state arg");
        return NULL;
    }
    TimeObject *me = (TimeObject *)type->tp_alloc(type, 0);
    if (me != NULL) {
        me->hashcode = -1;
        me->hour = data[0] & 0x7f;
        me->fold = (data[0] & 0x80) != 0;
        me->minute = data[1];
        me->second = data[2];
        me->us = (data[3] << 16) | (data[4] << 8) | data[5];
        Py_INCREF(tzinfo);
        me->tzinfo = tzinfo;
    }
    return (PyObject *)me;
}

static PyObject *time_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *tzinfo = Py_None;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n >= 1 && n <= 2) {
        PyObject *state = PyTuple_GET_ITEM(args, 0);
        if (n == 2)
            tzinfo = PyTuple_GET_ITEM(args, 1);
        state = pickle_state(state, 6, 0, 0x7f, 0, 23, "time");
        if (state != NULL) {
            PyObject *r = time_from_pickle(type, (const unsigned char *)PyBytes_AS_STRING(state),
                                           tzinfo);
            Py_DECREF(state);
            return r;
        }
        if (PyErr_Occurred())
            return NULL;
        tzinfo = Py_None;
    }
    int hour = 0, minute = 0, second = 0, us = 0, fold = 0;
    static char *keywords[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold",
                               NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|iiiiO$i", keywords, &hour, &minute, &second,
                                     &us, &tzinfo, &fold))
        return NULL;
    return new_time_ex2(hour, minute, second, us, tzinfo, fold, type);
}

static PyObject *time_hour(PyObject *s, void *c) { return PyLong_FromLong(TI(s)->hour); }
static PyObject *time_minute(PyObject *s, void *c) { return PyLong_FromLong(TI(s)->minute); }
static PyObject *time_second(PyObject *s, void *c) { return PyLong_FromLong(TI(s)->second); }
static PyObject *time_microsecond(PyObject *s, void *c) { return PyLong_FromLong(TI(s)->us); }
static PyObject *time_tzinfo(PyObject *s, void *c) { Py_INCREF(TI(s)->tzinfo); return TI(s)->tzinfo; }
static PyObject *time_fold(PyObject *s, void *c) { return PyLong_FromLong(TI(s)->fold); }

static PyGetSetDef time_getset[] = {
    {"hour", time_hour}, {"minute", time_minute}, {"second", time_second},
    {"microsecond", time_microsecond}, {"tzinfo", time_tzinfo}, {"fold", time_fold}, {NULL}
};

/* repr tails: ", tzinfo=...)" and ", fold=1)" replace the closing parenthesis. */
static PyObject *append_keyword(PyObject *repr, const char *kw, PyObject *value)
{
    if (repr == NULL)
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(repr);
    PyObject *head = PyUnicode_Substring(repr, 0, len - 1);
    Py_DECREF(repr);
    if (head == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("%U, %s=%R)", head, kw, value);
    Py_DECREF(head);
    return r;
}

/* time's repr puts tzinfo before fold, datetime's fold before tzinfo (as CPython). */
static PyObject *append_tz_fold(PyObject *r, PyObject *tzinfo, int fold, int fold_first)
{
    if (r != NULL && tzinfo != Py_None && !fold_first)
        r = append_keyword(r, "tzinfo", tzinfo);
    if (r != NULL && fold) {
        PyObject *one = PyLong_FromLong(1);
        r = append_keyword(r, "fold", one);
        Py_DECREF(one);
    }
    if (r != NULL && tzinfo != Py_None && fold_first)
        r = append_keyword(r, "tzinfo", tzinfo);
    return r;
}

static PyObject *time_repr(PyObject *self)
{
    const char *type_name = Py_TYPE(self)->tp_name;
    TimeObject *t = TI(self);
    PyObject *r;
    if (t->us)
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d)", type_name, t->hour, t->minute,
                                 t->second, t->us);
    else if (t->second)
        r = PyUnicode_FromFormat("%s(%d, %d, %d)", type_name, t->hour, t->minute, t->second);
    else
        r = PyUnicode_FromFormat("%s(%d, %d)", type_name, t->hour, t->minute);
    return append_tz_fold(r, t->tzinfo, t->fold, 0);
}

static PyObject *time_str(PyObject *self)
{
    return call_method0(self, "isoformat");
}

/* "HH[:MM[:SS[.fff|.ffffff]]]" per timespec; NULL + ValueError for an unknown spec. */
static int format_time_part(char *buf, size_t n, int h, int m, int s, int us,
                            const char *timespec)
{
    static const char *const specs[][2] = {
        {"hours", "%02d"}, {"minutes", "%02d:%02d"}, {"seconds", "%02d:%02d:%02d"},
        {"milliseconds", "%02d:%02d:%02d.%03d"}, {"microseconds", "%02d:%02d:%02d.%06d"},
    };
    int given = -1;
    if (timespec == NULL || strcmp(timespec, "auto") == 0)
        given = us == 0 ? 2 : 4;
    else
        for (int i = 0; i < 5; i++)
            if (strcmp(timespec, specs[i][0]) == 0) {
                given = i;
                break;
            }
    if (given < 0) {
        PyErr_SetString(PyExc_ValueError, "Unknown timespec value");
        return -1;
    }
    if (given == 3)
        us /= 1000;
    snprintf(buf, n, specs[given][1], h, m, s, us);
    return 0;
}

static PyObject *time_isoformat(PyObject *self, PyObject *args, PyObject *kw)
{
    char buf[100];
    const char *timespec = NULL;
    static char *keywords[] = {"timespec", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|s:isoformat", keywords, &timespec))
        return NULL;
    TimeObject *t = TI(self);
    if (format_time_part(buf, sizeof buf, t->hour, t->minute, t->second, t->us, timespec) < 0)
        return NULL;
    size_t n = strlen(buf);
    if (t->tzinfo != Py_None &&
        format_utcoffset(buf + n, sizeof buf - n, ":", t->tzinfo, Py_None) < 0)
        return NULL;
    return PyUnicode_FromString(buf);
}

static PyObject *time_strftime(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *format;
    static char *keywords[] = {"format", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "U:strftime", keywords, &format))
        return NULL;
    /* time.strftime needs a valid date: 1900-01-01 as CPython does. */
    PyObject *tuple = Py_BuildValue("iiiiiiiii", 1900, 1, 1, TI(self)->hour, TI(self)->minute,
                                    TI(self)->second, 0, 1, -1);
    if (tuple == NULL)
        return NULL;
    PyObject *r = wrap_strftime(self, format, tuple, Py_None);
    Py_DECREF(tuple);
    return r;
}

static PyObject *time_utcoffset(PyObject *self, PyObject *unused)
{
    return call_utcoffset(TI(self)->tzinfo, Py_None);
}

static PyObject *time_dst(PyObject *self, PyObject *unused)
{
    return call_dst(TI(self)->tzinfo, Py_None);
}

static PyObject *time_tzname(PyObject *self, PyObject *unused)
{
    return call_tzname(TI(self)->tzinfo, Py_None);
}

static PyObject *time_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyTime_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    TimeObject *a = TI(self), *b = TI(other);
    int x[4] = {a->hour, a->minute, a->second, a->us};
    int y[4] = {b->hour, b->minute, b->second, b->us};
    if (a->tzinfo == b->tzinfo)
        return diff_to_bool(cmp_ints(x, y, 4), op);
    PyObject *off1 = time_utcoffset(self, NULL), *off2 = NULL, *result = NULL;
    if (off1 == NULL)
        return NULL;
    off2 = time_utcoffset(other, NULL);
    if (off2 == NULL)
        goto done;
    if (off1 == off2 || (PyDelta_Check(off1) && PyDelta_Check(off2) && delta_cmp(off1, off2) == 0))
        result = diff_to_bool(cmp_ints(x, y, 4), op);
    else if (off1 != Py_None && off2 != Py_None) {
        int s1 = a->hour * 3600 + a->minute * 60 + a->second - TD(off1)->days * 86400 - TD(off1)->seconds;
        int s2 = b->hour * 3600 + b->minute * 60 + b->second - TD(off2)->days * 86400 - TD(off2)->seconds;
        int diff = s1 - s2;
        if (diff == 0)
            diff = (a->us - TD(off1)->us) - (b->us - TD(off2)->us);
        result = diff_to_bool(diff, op);
    }
    else if (op == Py_EQ)
        result = Py_NewRef(Py_False);
    else if (op == Py_NE)
        result = Py_NewRef(Py_True);
    else
        PyErr_SetString(PyExc_TypeError, "can't compare offset-naive and offset-aware times");
done:
    Py_DECREF(off1);
    Py_XDECREF(off2);
    return result;
}

static Py_hash_t time_hash(PyObject *self)
{
    TimeObject *t = TI(self);
    if (t->hashcode != -1)
        return t->hashcode;
    PyObject *self0 = self;
    Py_INCREF(self0);
    if (t->fold) {
        Py_SETREF(self0, new_time_ex2(t->hour, t->minute, t->second, t->us, t->tzinfo, 0,
                                      Py_TYPE(self)));
        if (self0 == NULL)
            return -1;
    }
    PyObject *offset = time_utcoffset(self0, NULL);
    Py_DECREF(self0);
    if (offset == NULL)
        return -1;
    if (offset == Py_None) {
        unsigned char data[6] = {t->hour, t->minute, t->second, t->us >> 16,
                                 (t->us >> 8) & 0xff, t->us & 0xff};
        t->hashcode = _Py_HashBytes(data, 6);
    }
    else {
        PyObject *temp1 = new_delta(0, t->hour * 3600 + t->minute * 60 + t->second, t->us, 1);
        if (temp1 == NULL) {
            Py_DECREF(offset);
            return -1;
        }
        PyObject *temp2 = delta_subtract(temp1, offset);
        Py_DECREF(temp1);
        if (temp2 == NULL) {
            Py_DECREF(offset);
            return -1;
        }
        t->hashcode = PyObject_Hash(temp2);
        Py_DECREF(temp2);
    }
    Py_DECREF(offset);
    return t->hashcode;
}

static PyObject *time_replace(PyObject *self, PyObject *args, PyObject *kw)
{
    TimeObject *t = TI(self);
    int hh = t->hour, mm = t->minute, ss = t->second, us = t->us, fold = t->fold;
    PyObject *tzinfo = t->tzinfo;
    static char *keywords[] = {"hour", "minute", "second", "microsecond", "tzinfo", "fold",
                               NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|iiiiO$i:replace", keywords, &hh, &mm, &ss,
                                     &us, &tzinfo, &fold))
        return NULL;
    if (fold != 0 && fold != 1) {
        PyErr_SetString(PyExc_ValueError, "fold must be either 0 or 1");
        return NULL;
    }
    PyObject *tuple = Py_BuildValue("iiiiO", hh, mm, ss, us, tzinfo);
    if (tuple == NULL)
        return NULL;
    PyObject *clone = time_new(Py_TYPE(self), tuple, NULL);
    Py_DECREF(tuple);
    if (clone != NULL)
        TI(clone)->fold = fold;
    return clone;
}

static int parse_hh_mm_ss_ff(const char *tstr, const char *tstr_end, int *hour, int *minute,
                             int *second, int *microsecond)
{
    *hour = *minute = *second = *microsecond = 0;
    const char *p = tstr;
    int *vals[3] = {hour, minute, second};
    int has_separator = 1;
    for (size_t i = 0; i < 3; ++i) {
        p = parse_digits(p, vals[i], 2);
        if (p == NULL)
            return -3;
        char c = *(p++);
        if (i == 0)
            has_separator = (c == ':');
        if (p >= tstr_end)
            return c != '\0';
        else if (has_separator && c == ':')
            continue;
        else if (c == '.' || c == ',')
            break;
        else if (!has_separator)
            --p;
        else
            return -4;
    }
    size_t len_remains = tstr_end - p;
    size_t to_parse = len_remains >= 6 ? 6 : len_remains;
    p = parse_digits(p, microsecond, to_parse);
    if (p == NULL)
        return -3;
    static const int correction[] = {100000, 10000, 1000, 100, 10};
    if (to_parse < 6)
        *microsecond *= correction[to_parse - 1];
    while (*p >= '0' && *p <= '9')
        ++p;
    return *p != '\0';
}

/* 0: no offset, 1: with offset, < 0: invalid. */
static int parse_isoformat_time(const char *dtstr, size_t dtlen, int *hour, int *minute,
                                int *second, int *microsecond, int *tzoffset,
                                int *tzmicrosecond)
{
    const char *p_end = dtstr + dtlen;
    const char *tzinfo_pos = dtstr;
    do {
        if (*tzinfo_pos == 'Z' || *tzinfo_pos == '+' || *tzinfo_pos == '-')
            break;
    } while (++tzinfo_pos < p_end);
    int rv = parse_hh_mm_ss_ff(dtstr, tzinfo_pos, hour, minute, second, microsecond);
    if (rv < 0)
        return rv;
    if (tzinfo_pos == p_end)
        return rv == 1 ? -5 : 0;
    if (*tzinfo_pos == 'Z') {
        *tzoffset = 0;
        *tzmicrosecond = 0;
        return *(tzinfo_pos + 1) != '\0' ? -5 : 1;
    }
    int tzsign = (*tzinfo_pos == '-') ? -1 : 1;
    tzinfo_pos++;
    int tzhour = 0, tzminute = 0, tzsecond = 0;
    rv = parse_hh_mm_ss_ff(tzinfo_pos, p_end, &tzhour, &tzminute, &tzsecond, tzmicrosecond);
    *tzoffset = tzsign * (tzhour * 3600 + tzminute * 60 + tzsecond);
    *tzmicrosecond *= tzsign;
    return rv ? -5 : 1;
}

static PyObject *tzinfo_from_isoformat_results(int rv, int tzoffset, int tz_useconds)
{
    if (rv != 1)
        Py_RETURN_NONE;
    if (tzoffset == 0 && tz_useconds == 0) {
        Py_INCREF(TimeZone_UTC);
        return TimeZone_UTC;
    }
    PyObject *delta = new_delta(0, tzoffset, tz_useconds, 1);
    if (delta == NULL)
        return NULL;
    PyObject *tz = new_timezone(delta, NULL);
    Py_DECREF(delta);
    return tz;
}

static PyObject *time_fromisoformat(PyObject *cls, PyObject *tstr)
{
    if (!PyUnicode_Check(tstr)) {
        PyErr_SetString(PyExc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    Py_ssize_t len;
    const char *p = PyUnicode_AsUTF8AndSize(tstr, &len);
    if (p == NULL) {
        PyErr_Clear();
        return invalid_isoformat(tstr);
    }
    if (*p == 'T') {
        ++p;
        len -= 1;
    }
    int hour = 0, minute = 0, second = 0, us = 0, tzoffset = 0, tzus = 0;
    int rv = parse_isoformat_time(p, len, &hour, &minute, &second, &us, &tzoffset, &tzus);
    if (rv < 0)
        return invalid_isoformat(tstr);
    PyObject *tzinfo = tzinfo_from_isoformat_results(rv, tzoffset, tzus);
    if (tzinfo == NULL)
        return NULL;
    PyObject *t;
    if ((PyTypeObject *)cls == &TimeType)
        t = new_time(hour, minute, second, us, tzinfo, 0);
    else
        t = PyObject_CallFunction(cls, "iiiiO", hour, minute, second, us, tzinfo);
    Py_DECREF(tzinfo);
    return t;
}

static PyObject *time_getstate(PyObject *self, int proto)
{
    TimeObject *t = TI(self);
    char data[6] = {(char)(t->hour + (proto > 3 && t->fold ? 128 : 0)), (char)t->minute,
                    (char)t->second, (char)(t->us >> 16), (char)((t->us >> 8) & 0xff),
                    (char)(t->us & 0xff)};
    PyObject *basestate = PyBytes_FromStringAndSize(data, 6);
    if (basestate == NULL)
        return NULL;
    if (t->tzinfo == Py_None)
        return Py_BuildValue("(N)", basestate);
    return Py_BuildValue("(NO)", basestate, t->tzinfo);
}

static PyObject *time_reduce_ex(PyObject *self, PyObject *args)
{
    int proto;
    if (!PyArg_ParseTuple(args, "i:__reduce_ex__", &proto))
        return NULL;
    return Py_BuildValue("(ON)", Py_TYPE(self), time_getstate(self, proto));
}

static PyObject *time_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ON)", Py_TYPE(self), time_getstate(self, 2));
}

static PyMethodDef time_methods[] = {
    {"isoformat", (PyCFunction)(void (*)(void))time_isoformat, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("Return string in ISO 8601 format, [HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].")},
    {"strftime", (PyCFunction)(void (*)(void))time_strftime, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("format -> strftime() style string.")},
    {"__format__", date_format, METH_VARARGS, PyDoc_STR("Formats self with strftime.")},
    {"utcoffset", time_utcoffset, METH_NOARGS, PyDoc_STR("Return self.tzinfo.utcoffset(self).")},
    {"tzname", time_tzname, METH_NOARGS, PyDoc_STR("Return self.tzinfo.tzname(self).")},
    {"dst", time_dst, METH_NOARGS, PyDoc_STR("Return self.tzinfo.dst(self).")},
    {"replace", (PyCFunction)(void (*)(void))time_replace, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("Return time with new specified fields.")},
    {"fromisoformat", time_fromisoformat, METH_O | METH_CLASS,
     PyDoc_STR("string -> time from a string in ISO 8601 format")},
    {"__reduce_ex__", time_reduce_ex, METH_VARARGS, PyDoc_STR("__reduce_ex__(proto) -> (cls, state)")},
    {"__reduce__", time_reduce, METH_NOARGS, PyDoc_STR("__reduce__() -> (cls, state)")},
    {NULL}
};

static PyTypeObject TimeType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.time",
    .tp_basicsize = sizeof(TimeObject),
    .tp_dealloc = tz_holder_dealloc,
    .tp_repr = time_repr,
    .tp_hash = time_hash,
    .tp_str = time_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = PyDoc_STR("time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object\n\n"
        "All arguments are optional. tzinfo may be None, or an instance of\n"
        "a tzinfo subclass. The remaining arguments may be ints.\n"),
    .tp_richcompare = time_richcompare,
    .tp_methods = time_methods,
    .tp_getset = time_getset,
    .tp_new = time_new,
};

/* ------------------------------------------------------------ datetime */

static PyObject *datetime_from_pickle(PyTypeObject *type, const unsigned char *data,
                                      PyObject *tzinfo)
{
    if (tzinfo != Py_None && !PyTZInfo_Check(tzinfo)) {
        PyErr_SetString(PyExc_TypeError, "bad tzinfo state arg");
        return NULL;
    }
    DateTimeObject *me = (DateTimeObject *)type->tp_alloc(type, 0);
    if (me != NULL) {
        me->hashcode = -1;
        me->year = data[0] * 256 + data[1];
        me->month = data[2] & 0x7f;
        me->fold = (data[2] & 0x80) != 0;
        me->day = data[3];
        me->hour = data[4];
        me->minute = data[5];
        me->second = data[6];
        me->us = (data[7] << 16) | (data[8] << 8) | data[9];
        Py_INCREF(tzinfo);
        me->tzinfo = tzinfo;
    }
    return (PyObject *)me;
}

static PyObject *datetime_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *tzinfo = Py_None;
    Py_ssize_t n = PyTuple_GET_SIZE(args);
    if (n >= 1 && n <= 2) {
        PyObject *state = PyTuple_GET_ITEM(args, 0);
        if (n == 2)
            tzinfo = PyTuple_GET_ITEM(args, 1);
        state = pickle_state(state, 10, 2, 0x7f, 1, 12, "datetime");
        if (state != NULL) {
            PyObject *r = datetime_from_pickle(type,
                                               (const unsigned char *)PyBytes_AS_STRING(state),
                                               tzinfo);
            Py_DECREF(state);
            return r;
        }
        if (PyErr_Occurred())
            return NULL;
        tzinfo = Py_None;
    }
    int year, month, day, hour = 0, minute = 0, second = 0, us = 0, fold = 0;
    static char *keywords[] = {"year", "month", "day", "hour", "minute", "second",
                               "microsecond", "tzinfo", "fold", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iii|iiiiO$i", keywords, &year, &month, &day,
                                     &hour, &minute, &second, &us, &tzinfo, &fold))
        return NULL;
    return new_datetime_ex2(year, month, day, hour, minute, second, us, tzinfo, fold, type);
}

static PyObject *dt_hour(PyObject *s, void *c) { return PyLong_FromLong(DT(s)->hour); }
static PyObject *dt_minute(PyObject *s, void *c) { return PyLong_FromLong(DT(s)->minute); }
static PyObject *dt_second(PyObject *s, void *c) { return PyLong_FromLong(DT(s)->second); }
static PyObject *dt_microsecond(PyObject *s, void *c) { return PyLong_FromLong(DT(s)->us); }
static PyObject *dt_tzinfo(PyObject *s, void *c) { Py_INCREF(DT(s)->tzinfo); return DT(s)->tzinfo; }
static PyObject *dt_fold(PyObject *s, void *c) { return PyLong_FromLong(DT(s)->fold); }

static PyGetSetDef datetime_getset[] = {
    {"hour", dt_hour}, {"minute", dt_minute}, {"second", dt_second},
    {"microsecond", dt_microsecond}, {"tzinfo", dt_tzinfo}, {"fold", dt_fold}, {NULL}
};

/* -- local time machinery (seconds since 0001-01-01 "UTC" of a broken-down time) */

#define EPOCH_SECONDS (719163LL * 24 * 60 * 60)
static const long long max_fold_seconds = 24 * 3600;

static long long utc_to_seconds(int year, int month, int day, int hour, int minute, int second)
{
    if (year < MINYEAR || year > MAXYEAR) {
        PyErr_Format(PyExc_ValueError, "year %i is out of range", year);
        return -1;
    }
    long long ordinal = ymd_to_ord(year, month, day);
    return ((ordinal * 24 + hour) * 60 + minute) * 60 + second;
}

static long long local(long long u)
{
    struct tm tm;
    long long t = u - EPOCH_SECONDS;
    if (py_localtime((time_t)t, &tm) != 0)
        return -1;
    return utc_to_seconds(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                          tm.tm_sec);
}

static long long local_to_seconds(int year, int month, int day, int hour, int minute,
                                  int second, int fold)
{
    long long t, a, b, u1, u2, t1, t2, lt;
    t = utc_to_seconds(year, month, day, hour, minute, second);
    if (t == -1)
        return -1;
    lt = local(t);
    if (lt == -1)
        return -1;
    a = lt - t;
    u1 = t - a;
    t1 = local(u1);
    if (t1 == -1)
        return -1;
    if (t1 == t) {
        u2 = fold ? u1 + max_fold_seconds : u1 - max_fold_seconds;
        lt = local(u2);
        if (lt == -1)
            return -1;
        b = lt - u2;
        if (a == b)
            return u1;
    }
    else
        b = t1 - u1;
    u2 = t - b;
    t2 = local(u2);
    if (t2 == -1)
        return -1;
    if (t2 == t)
        return u2;
    if (t1 == t)
        return u1;
    /* t is in a gap: neither candidate maps back to it. */
    return fold ? Py_MIN(u1, u2) : Py_MAX(u1, u2);
}

static PyObject *datetime_from_timet_and_us(PyObject *cls, int use_local, time_t timet, int us,
                                            PyObject *tzinfo)
{
    struct tm tm;
    if ((use_local ? py_localtime(timet, &tm) : py_gmtime(timet, &tm)) != 0)
        return NULL;
    int year = tm.tm_year + 1900, month = tm.tm_mon + 1, day = tm.tm_mday;
    int hour = tm.tm_hour, minute = tm.tm_min, fold = 0;
    int second = Py_MIN(59, tm.tm_sec);   /* leap seconds are not representable */
    if (tzinfo == Py_None && use_local) {
        long long result_seconds = utc_to_seconds(year, month, day, hour, minute, second);
        if (result_seconds == -1 && PyErr_Occurred())
            return NULL;
        long long probe_seconds = local(EPOCH_SECONDS + timet - max_fold_seconds);
        if (probe_seconds == -1)
            return NULL;
        long long transition = result_seconds - probe_seconds - max_fold_seconds;
        if (transition < 0) {
            probe_seconds = local(EPOCH_SECONDS + timet + transition);
            if (probe_seconds == -1)
                return NULL;
            if (probe_seconds == result_seconds)
                fold = 1;
        }
    }
    return new_datetime_subclass_fold_ex(year, month, day, hour, minute, second, us, tzinfo,
                                         fold, cls);
}

static PyObject *datetime_from_timestamp(PyObject *cls, int use_local, PyObject *timestamp,
                                         PyObject *tzinfo)
{
    time_t timet;
    long us;
    if (object_to_timet(timestamp, &timet, &us, 0) < 0)
        return NULL;
    return datetime_from_timet_and_us(cls, use_local, timet, (int)us, tzinfo);
}

static PyObject *datetime_fromtimestamp(PyObject *cls, PyObject *args, PyObject *kw)
{
    PyObject *timestamp, *tzinfo = Py_None;
    static char *keywords[] = {"timestamp", "tz", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:fromtimestamp", keywords, &timestamp,
                                     &tzinfo))
        return NULL;
    if (check_tzinfo_subclass(tzinfo) < 0)
        return NULL;
    PyObject *self = datetime_from_timestamp(cls, tzinfo == Py_None, timestamp, tzinfo);
    if (self != NULL && tzinfo != Py_None)
        Py_SETREF(self, PyObject_CallMethod(tzinfo, "fromutc", "O", self));
    return self;
}

static PyObject *datetime_utcfromtimestamp(PyObject *cls, PyObject *args)
{
    PyObject *timestamp;
    if (!PyArg_ParseTuple(args, "O:utcfromtimestamp", &timestamp))
        return NULL;
    return datetime_from_timestamp(cls, 0, timestamp, Py_None);
}

static PyObject *datetime_best_possible(PyObject *cls, int use_local, PyObject *tzinfo)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return datetime_from_timet_and_us(cls, use_local, ts.tv_sec, (int)(ts.tv_nsec / 1000),
                                      tzinfo);
}

static PyObject *datetime_now(PyObject *cls, PyObject *args, PyObject *kw)
{
    PyObject *tzinfo = Py_None;
    static char *keywords[] = {"tz", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:now", keywords, &tzinfo))
        return NULL;
    if (check_tzinfo_subclass(tzinfo) < 0)
        return NULL;
    PyObject *self = datetime_best_possible(cls, tzinfo == Py_None, tzinfo);
    if (self != NULL && tzinfo != Py_None)
        Py_SETREF(self, PyObject_CallMethod(tzinfo, "fromutc", "O", self));
    return self;
}

static PyObject *datetime_utcnow(PyObject *cls, PyObject *unused)
{
    return datetime_best_possible(cls, 0, Py_None);
}

static PyObject *datetime_strptime(PyObject *cls, PyObject *args)
{
    PyObject *string, *format;
    if (!PyArg_ParseTuple(args, "UU:strptime", &string, &format))
        return NULL;
    PyObject *module = PyImport_ImportModule("_strptime");
    if (module == NULL)
        return NULL;
    PyObject *r = PyObject_CallMethod(module, "_strptime_datetime", "OOO", cls, string, format);
    Py_DECREF(module);
    return r;
}

static PyObject *datetime_combine(PyObject *cls, PyObject *args, PyObject *kw)
{
    PyObject *date, *time, *tzinfo = NULL;
    static char *keywords[] = {"date", "time", "tzinfo", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O!O!|O:combine", keywords, &DateType, &date,
                                     &TimeType, &time, &tzinfo))
        return NULL;
    if (tzinfo == NULL)
        tzinfo = TI(time)->tzinfo;
    return new_datetime_subclass_fold_ex(DA(date)->year, DA(date)->month, DA(date)->day,
                                         TI(time)->hour, TI(time)->minute, TI(time)->second,
                                         TI(time)->us, tzinfo, TI(time)->fold, cls);
}

/* Where the date part of a fromisoformat() string ends (CPython's heuristics). */
static Py_ssize_t find_isoformat_datetime_separator(const char *dtstr, Py_ssize_t len)
{
#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
    if (len == 7)
        return 7;
    if (dtstr[4] == '-') {
        if (dtstr[5] == 'W') {
            if (len < 8)
                return -1;
            if (len > 8 && dtstr[8] == '-') {
                if (len == 9)
                    return -1;
                if (len > 10 && IS_DIGIT(dtstr[10]))
                    return 8;
                return 10;
            }
            return 8;
        }
        return 10;
    }
    if (dtstr[4] == 'W') {
        Py_ssize_t idx = 7;
        for (; idx < len; ++idx)
            if (!IS_DIGIT(dtstr[idx]))
                break;
        if (idx < 9)
            return idx;
        return idx % 2 == 0 ? 7 : 8;
    }
    return 8;
#undef IS_DIGIT
}

static PyObject *datetime_fromisoformat(PyObject *cls, PyObject *dtstr)
{
    if (!PyUnicode_Check(dtstr)) {
        PyErr_SetString(PyExc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    Py_ssize_t ulen = PyUnicode_GET_LENGTH(dtstr);
    if (ulen < 7)
        return invalid_isoformat(dtstr);
    PyObject *clean = dtstr;
    Py_INCREF(clean);
    /* A surrogate may only appear as the separator (positions 7, 8 or 10): make it 'T'. */
    static const Py_ssize_t seps[3] = {7, 8, 10};
    for (int i = 0; i < 3 && seps[i] < ulen; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(dtstr, seps[i]);
        if (Py_UNICODE_IS_SURROGATE(ch)) {
            PyObject *a = PyUnicode_Substring(dtstr, 0, seps[i]);
            PyObject *b = PyUnicode_Substring(dtstr, seps[i] + 1, ulen);
            PyObject *ab = a && b ? PyUnicode_FromFormat("%UT%U", a, b) : NULL;
            Py_XDECREF(a);
            Py_XDECREF(b);
            Py_SETREF(clean, ab);
            if (clean == NULL)
                return NULL;
            break;
        }
    }
    Py_ssize_t len;
    const char *dt_ptr = PyUnicode_AsUTF8AndSize(clean, &len);
    if (dt_ptr == NULL) {
        Py_DECREF(clean);
        if (PyErr_ExceptionMatches(PyExc_UnicodeEncodeError)) {
            PyErr_Clear();
            return invalid_isoformat(dtstr);
        }
        return NULL;
    }
    Py_ssize_t sep = find_isoformat_datetime_separator(dt_ptr, len);
    const char *p = dt_ptr;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, us = 0;
    int tzoffset = 0, tzusec = 0;
    int rv = sep < 0 ? -1 : parse_isoformat_date(p, sep, &year, &month, &day);
    if (!rv && len > sep) {
        p += sep;
        if ((p[0] & 0x80) == 0)
            p += 1;
        else
            switch (p[0] & 0xf0) {
            case 0xe0: p += 3; break;
            case 0xf0: p += 4; break;
            default: p += 2; break;
            }
        len -= (p - dt_ptr);
        rv = parse_isoformat_time(p, len, &hour, &minute, &second, &us, &tzoffset, &tzusec);
    }
    Py_DECREF(clean);
    if (rv < 0)
        return invalid_isoformat(dtstr);
    PyObject *tzinfo = tzinfo_from_isoformat_results(rv, tzoffset, tzusec);
    if (tzinfo == NULL)
        return NULL;
    PyObject *dt = new_datetime_subclass_ex(year, month, day, hour, minute, second, us, tzinfo,
                                            cls);
    Py_DECREF(tzinfo);
    return dt;
}

static PyObject *add_datetime_timedelta(PyObject *date, PyObject *delta, int factor)
{
    DateTimeObject *d = DT(date);
    int year = d->year, month = d->month;
    int day = d->day + TD(delta)->days * factor;
    int hour = d->hour, minute = d->minute;
    int second = d->second + TD(delta)->seconds * factor;
    int us = d->us + TD(delta)->us * factor;
    if (normalize_datetime(&year, &month, &day, &hour, &minute, &second, &us) < 0)
        return NULL;
    return new_datetime_subclass_ex(year, month, day, hour, minute, second, us, d->tzinfo,
                                    (PyObject *)Py_TYPE(date));
}

static PyObject *datetime_utcoffset(PyObject *self, PyObject *unused)
{
    return call_utcoffset(DT(self)->tzinfo, self);
}

static PyObject *datetime_dst(PyObject *self, PyObject *unused)
{
    return call_dst(DT(self)->tzinfo, self);
}

static PyObject *datetime_tzname(PyObject *self, PyObject *unused)
{
    return call_tzname(DT(self)->tzinfo, self);
}

static PyObject *datetime_add(PyObject *left, PyObject *right)
{
    if (PyDateTime_Check(left)) {
        if (PyDelta_Check(right))
            return add_datetime_timedelta(left, right, 1);
    }
    else if (PyDelta_Check(left))
        return add_datetime_timedelta(right, left, 1);
    Py_RETURN_NOTIMPLEMENTED;
}

static PyObject *datetime_subtract(PyObject *left, PyObject *right)
{
    if (!PyDateTime_Check(left))
        Py_RETURN_NOTIMPLEMENTED;
    if (PyDelta_Check(right))
        return add_datetime_timedelta(left, right, -1);
    if (!PyDateTime_Check(right))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *offset1, *offset2, *offdiff = NULL, *result;
    if (DT(left)->tzinfo == DT(right)->tzinfo) {
        offset1 = Py_NewRef(Py_None);
        offset2 = Py_NewRef(Py_None);
    }
    else {
        offset1 = datetime_utcoffset(left, NULL);
        if (offset1 == NULL)
            return NULL;
        offset2 = datetime_utcoffset(right, NULL);
        if (offset2 == NULL) {
            Py_DECREF(offset1);
            return NULL;
        }
        if ((offset1 != Py_None) != (offset2 != Py_None)) {
            PyErr_SetString(PyExc_TypeError,
                            "can't subtract offset-naive and offset-aware datetimes");
            Py_DECREF(offset1);
            Py_DECREF(offset2);
            return NULL;
        }
    }
    if (offset1 != offset2 && offset1 != Py_None && delta_cmp(offset1, offset2) != 0) {
        offdiff = delta_subtract(offset1, offset2);
        if (offdiff == NULL) {
            Py_DECREF(offset1);
            Py_DECREF(offset2);
            return NULL;
        }
    }
    Py_DECREF(offset1);
    Py_DECREF(offset2);
    DateTimeObject *l = DT(left), *r = DT(right);
    int delta_d = ymd_to_ord(l->year, l->month, l->day) - ymd_to_ord(r->year, r->month, r->day);
    int delta_s = (l->hour - r->hour) * 3600 + (l->minute - r->minute) * 60 +
                  (l->second - r->second);
    result = new_delta(delta_d, delta_s, l->us - r->us, 1);
    if (result != NULL && offdiff != NULL)
        Py_SETREF(result, delta_subtract(result, offdiff));
    Py_XDECREF(offdiff);
    return result;
}

static PyObject *datetime_repr(PyObject *self)
{
    const char *type_name = Py_TYPE(self)->tp_name;
    DateTimeObject *d = DT(self);
    PyObject *r;
    if (d->us)
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d, %d, %d, %d)", type_name, d->year,
                                 d->month, d->day, d->hour, d->minute, d->second, d->us);
    else if (d->second)
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d, %d, %d)", type_name, d->year, d->month,
                                 d->day, d->hour, d->minute, d->second);
    else
        r = PyUnicode_FromFormat("%s(%d, %d, %d, %d, %d)", type_name, d->year, d->month,
                                 d->day, d->hour, d->minute);
    return append_tz_fold(r, d->tzinfo, d->fold, 1);
}

static PyObject *datetime_str(PyObject *self)
{
    return PyObject_CallMethod(self, "isoformat", "s", " ");
}

static PyObject *datetime_isoformat(PyObject *self, PyObject *args, PyObject *kw)
{
    int sep = 'T';
    const char *timespec = NULL;
    static char *keywords[] = {"sep", "timespec", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|Cs:isoformat", keywords, &sep, &timespec))
        return NULL;
    DateTimeObject *d = DT(self);
    char dpart[32], tpart[100];
    snprintf(dpart, sizeof dpart, "%04d-%02d-%02d", d->year, d->month, d->day);
    if (format_time_part(tpart, sizeof tpart, d->hour, d->minute, d->second, d->us,
                         timespec) < 0)
        return NULL;
    size_t n = strlen(tpart);
    if (d->tzinfo != Py_None &&
        format_utcoffset(tpart + n, sizeof tpart - n, ":", d->tzinfo, self) < 0)
        return NULL;
    PyObject *sepo = PyUnicode_FromOrdinal(sep);
    if (sepo == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("%s%U%s", dpart, sepo, tpart);
    Py_DECREF(sepo);
    return r;
}

static PyObject *datetime_ctime(PyObject *self, PyObject *unused)
{
    return format_ctime(self, DT(self)->hour, DT(self)->minute, DT(self)->second);
}

/* The utcoffset() self would have with the other fold value (PEP 495 equality). */
static PyObject *flip_fold_offset(PyObject *dt)
{
    DateTimeObject *d = DT(dt);
    PyObject *flip = new_datetime_ex2(d->year, d->month, d->day, d->hour, d->minute, d->second,
                                      d->us, d->tzinfo, !d->fold, Py_TYPE(dt));
    if (flip == NULL)
        return NULL;
    PyObject *r = datetime_utcoffset(flip, NULL);
    Py_DECREF(flip);
    return r;
}

static int offsets_differ(PyObject *a, PyObject *b)
{
    if (a == b)
        return 0;
    if (PyDelta_Check(a) && PyDelta_Check(b))
        return delta_cmp(a, b) != 0;
    return 1;
}

static int pep495_eq_exception(PyObject *self, PyObject *other, PyObject *off_self,
                               PyObject *off_other)
{
    PyObject *flip = flip_fold_offset(self);
    if (flip == NULL)
        return -1;
    int result = offsets_differ(flip, off_self);
    Py_DECREF(flip);
    if (result)
        return 1;
    flip = flip_fold_offset(other);
    if (flip == NULL)
        return -1;
    result = offsets_differ(flip, off_other);
    Py_DECREF(flip);
    return result;
}

static int datetime_fields_cmp(PyObject *a, PyObject *b)
{
    DateTimeObject *x = DT(a), *y = DT(b);
    int u[7] = {x->year, x->month, x->day, x->hour, x->minute, x->second, x->us};
    int v[7] = {y->year, y->month, y->day, y->hour, y->minute, y->second, y->us};
    return cmp_ints(u, v, 7);
}

static PyObject *datetime_richcompare(PyObject *self, PyObject *other, int op)
{
    if (!PyDateTime_Check(other)) {
        if (PyDate_Check(other)) {
            /* Don't let date's comparison look at the date part only. */
            if (op == Py_EQ)
                Py_RETURN_FALSE;
            if (op == Py_NE)
                Py_RETURN_TRUE;
            return cmperror(self, other);
        }
        Py_RETURN_NOTIMPLEMENTED;
    }
    if (DT(self)->tzinfo == DT(other)->tzinfo)
        return diff_to_bool(datetime_fields_cmp(self, other), op);
    PyObject *off1 = datetime_utcoffset(self, NULL), *off2 = NULL, *result = NULL;
    if (off1 == NULL)
        return NULL;
    off2 = datetime_utcoffset(other, NULL);
    if (off2 == NULL)
        goto done;
    int diff;
    if (off1 == off2 || (PyDelta_Check(off1) && PyDelta_Check(off2) && delta_cmp(off1, off2) == 0)) {
        diff = datetime_fields_cmp(self, other);
        if ((op == Py_EQ || op == Py_NE) && diff == 0) {
            int ex = pep495_eq_exception(self, other, off1, off2);
            if (ex == -1)
                goto done;
            if (ex)
                diff = 1;
        }
        result = diff_to_bool(diff, op);
    }
    else if (off1 != Py_None && off2 != Py_None) {
        PyObject *delta = datetime_subtract(self, other);
        if (delta == NULL)
            goto done;
        diff = TD(delta)->days;
        if (diff == 0)
            diff = TD(delta)->seconds | TD(delta)->us;
        Py_DECREF(delta);
        if ((op == Py_EQ || op == Py_NE) && diff == 0) {
            int ex = pep495_eq_exception(self, other, off1, off2);
            if (ex == -1)
                goto done;
            if (ex)
                diff = 1;
        }
        result = diff_to_bool(diff, op);
    }
    else if (op == Py_EQ)
        result = Py_NewRef(Py_False);
    else if (op == Py_NE)
        result = Py_NewRef(Py_True);
    else
        PyErr_SetString(PyExc_TypeError,
                        "can't compare offset-naive and offset-aware datetimes");
done:
    Py_DECREF(off1);
    Py_XDECREF(off2);
    return result;
}

static Py_hash_t datetime_hash(PyObject *self)
{
    DateTimeObject *d = DT(self);
    if (d->hashcode != -1)
        return d->hashcode;
    PyObject *self0 = Py_NewRef(self);
    if (d->fold) {
        Py_SETREF(self0, new_datetime_ex2(d->year, d->month, d->day, d->hour, d->minute,
                                          d->second, d->us, d->tzinfo, 0, Py_TYPE(self)));
        if (self0 == NULL)
            return -1;
    }
    PyObject *offset = datetime_utcoffset(self0, NULL);
    Py_DECREF(self0);
    if (offset == NULL)
        return -1;
    if (offset == Py_None) {
        unsigned char data[10] = {d->year >> 8, d->year & 0xff, d->month, d->day, d->hour,
                                  d->minute, d->second, d->us >> 16, (d->us >> 8) & 0xff,
                                  d->us & 0xff};
        d->hashcode = _Py_HashBytes(data, 10);
    }
    else {
        int days = ymd_to_ord(d->year, d->month, d->day);
        int seconds = d->hour * 3600 + d->minute * 60 + d->second;
        PyObject *temp1 = new_delta(days, seconds, d->us, 1);
        PyObject *temp2 = temp1 ? delta_subtract(temp1, offset) : NULL;
        Py_XDECREF(temp1);
        if (temp2 == NULL) {
            Py_DECREF(offset);
            return -1;
        }
        d->hashcode = PyObject_Hash(temp2);
        Py_DECREF(temp2);
    }
    Py_DECREF(offset);
    return d->hashcode;
}

static PyObject *datetime_replace(PyObject *self, PyObject *args, PyObject *kw)
{
    DateTimeObject *d = DT(self);
    int y = d->year, m = d->month, dd = d->day, hh = d->hour, mm = d->minute, ss = d->second;
    int us = d->us, fold = d->fold;
    PyObject *tzinfo = d->tzinfo;
    static char *keywords[] = {"year", "month", "day", "hour", "minute", "second",
                               "microsecond", "tzinfo", "fold", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|iiiiiiiO$i:replace", keywords, &y, &m, &dd,
                                     &hh, &mm, &ss, &us, &tzinfo, &fold))
        return NULL;
    if (fold != 0 && fold != 1) {
        PyErr_SetString(PyExc_ValueError, "fold must be either 0 or 1");
        return NULL;
    }
    PyObject *tuple = Py_BuildValue("iiiiiiiO", y, m, dd, hh, mm, ss, us, tzinfo);
    if (tuple == NULL)
        return NULL;
    PyObject *clone = datetime_new(Py_TYPE(self), tuple, NULL);
    Py_DECREF(tuple);
    if (clone != NULL)
        DT(clone)->fold = fold;
    return clone;
}

static PyObject *local_timezone_from_timestamp(time_t timestamp)
{
    struct tm tm;
    if (py_localtime(timestamp, &tm) != 0)
        return NULL;
    PyObject *delta = new_delta(0, (int)tm.tm_gmtoff, 0, 1);
    if (delta == NULL)
        return NULL;
    PyObject *nameo = NULL;
    if (tm.tm_zone != NULL) {
        nameo = PyUnicode_DecodeLocale(tm.tm_zone, "surrogateescape");
        if (nameo == NULL) {
            Py_DECREF(delta);
            return NULL;
        }
    }
    PyObject *result = new_timezone(delta, nameo);
    Py_XDECREF(nameo);
    Py_DECREF(delta);
    return result;
}

static PyObject *local_timezone(PyObject *utc_time)
{
    PyObject *delta = datetime_subtract(utc_time, Epoch);
    if (delta == NULL)
        return NULL;
    PyObject *one_second = new_delta(0, 1, 0, 0);
    PyObject *seconds = one_second ? PyNumber_FloorDivide(delta, one_second) : NULL;
    Py_XDECREF(one_second);
    Py_DECREF(delta);
    if (seconds == NULL)
        return NULL;
    long long timestamp = PyLong_AsLongLong(seconds);
    Py_DECREF(seconds);
    if (timestamp == -1 && PyErr_Occurred())
        return NULL;
    return local_timezone_from_timestamp((time_t)timestamp);
}

static PyObject *local_timezone_from_local(PyObject *local_dt)
{
    DateTimeObject *d = DT(local_dt);
    long long seconds = local_to_seconds(d->year, d->month, d->day, d->hour, d->minute,
                                         d->second, d->fold);
    if (seconds == -1)
        return NULL;
    return local_timezone_from_timestamp((time_t)(seconds - EPOCH_SECONDS));
}

static PyObject *datetime_astimezone(PyObject *self, PyObject *args, PyObject *kw)
{
    PyObject *tzinfo = Py_None, *self_tzinfo, *offset, *result;
    static char *keywords[] = {"tz", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:astimezone", keywords, &tzinfo))
        return NULL;
    if (check_tzinfo_subclass(tzinfo) < 0)
        return NULL;
    if (DT(self)->tzinfo == Py_None) {
naive:
        self_tzinfo = local_timezone_from_local(self);
        if (self_tzinfo == NULL)
            return NULL;
    }
    else
        self_tzinfo = Py_NewRef(DT(self)->tzinfo);
    if (self_tzinfo == tzinfo) {
        Py_DECREF(self_tzinfo);
        return Py_NewRef(self);
    }
    offset = call_utcoffset(self_tzinfo, self);
    Py_DECREF(self_tzinfo);
    if (offset == NULL)
        return NULL;
    if (offset == Py_None) {
        Py_DECREF(offset);
        goto naive;
    }
    if (!PyDelta_Check(offset)) {
        Py_DECREF(offset);
        return NULL;
    }
    /* result = self - offset, as UTC, of self's type */
    DateTimeObject *d = DT(self);
    int year = d->year, month = d->month, day = d->day - TD(offset)->days;
    int hour = d->hour, minute = d->minute, second = d->second - TD(offset)->seconds;
    int us = d->us - TD(offset)->us;
    Py_DECREF(offset);
    if (normalize_datetime(&year, &month, &day, &hour, &minute, &second, &us) < 0)
        return NULL;
    result = new_datetime_subclass_fold_ex(year, month, day, hour, minute, second, us,
                                           TimeZone_UTC, 0, (PyObject *)Py_TYPE(self));
    if (result == NULL)
        return NULL;
    if (!PyDateTime_Check(result)) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "astimezone: subclass constructor returned a non-datetime");
        return NULL;
    }
    if (tzinfo == Py_None) {
        tzinfo = local_timezone(result);
        if (tzinfo == NULL) {
            Py_DECREF(result);
            return NULL;
        }
    }
    else
        Py_INCREF(tzinfo);
    Py_SETREF(DT(result)->tzinfo, tzinfo);
    Py_SETREF(result, PyObject_CallMethod(tzinfo, "fromutc", "O", result));
    return result;
}

static PyObject *datetime_timetuple(PyObject *self, PyObject *unused)
{
    int dstflag = -1;
    DateTimeObject *d = DT(self);
    if (d->tzinfo != Py_None) {
        PyObject *dst = call_dst(d->tzinfo, self);
        if (dst == NULL)
            return NULL;
        if (dst != Py_None)
            dstflag = delta_bool(dst);
        Py_DECREF(dst);
    }
    return build_struct_time(d->year, d->month, d->day, d->hour, d->minute, d->second, dstflag);
}

static PyObject *datetime_timestamp(PyObject *self, PyObject *unused)
{
    DateTimeObject *d = DT(self);
    if (d->tzinfo != Py_None) {
        PyObject *delta = datetime_subtract(self, Epoch);
        if (delta == NULL)
            return NULL;
        PyObject *r = delta_total_seconds(delta, NULL);
        Py_DECREF(delta);
        return r;
    }
    long long seconds = local_to_seconds(d->year, d->month, d->day, d->hour, d->minute,
                                         d->second, d->fold);
    if (seconds == -1)
        return NULL;
    return PyFloat_FromDouble((double)(seconds - EPOCH_SECONDS) + d->us / 1e6);
}

static PyObject *datetime_getdate(PyObject *self, PyObject *unused)
{
    return new_date(DT(self)->year, DT(self)->month, DT(self)->day);
}

static PyObject *datetime_gettime(PyObject *self, PyObject *unused)
{
    DateTimeObject *d = DT(self);
    return new_time(d->hour, d->minute, d->second, d->us, Py_None, d->fold);
}

static PyObject *datetime_gettimetz(PyObject *self, PyObject *unused)
{
    DateTimeObject *d = DT(self);
    return new_time(d->hour, d->minute, d->second, d->us, d->tzinfo, d->fold);
}

static PyObject *datetime_utctimetuple(PyObject *self, PyObject *unused)
{
    PyObject *utcself;
    if (DT(self)->tzinfo == Py_None)
        utcself = Py_NewRef(self);
    else {
        PyObject *offset = call_utcoffset(DT(self)->tzinfo, self);
        if (offset == NULL)
            return NULL;
        if (offset == Py_None)
            utcself = Py_NewRef(self);
        else {
            DateTimeObject *d = DT(self);
            int y = d->year, mo = d->month, dd = d->day - TD(offset)->days, h = d->hour;
            int mi = d->minute, s = d->second - TD(offset)->seconds, us = d->us - TD(offset)->us;
            if (normalize_datetime(&y, &mo, &dd, &h, &mi, &s, &us) < 0) {
                Py_DECREF(offset);
                return NULL;
            }
            utcself = new_datetime(y, mo, dd, h, mi, s, us, Py_None, 0);
        }
        Py_DECREF(offset);
        if (utcself == NULL)
            return NULL;
    }
    DateTimeObject *u = DT(utcself);
    PyObject *r = build_struct_time(u->year, u->month, u->day, u->hour, u->minute, u->second, 0);
    Py_DECREF(utcself);
    return r;
}

static PyObject *datetime_getstate(PyObject *self, int proto)
{
    DateTimeObject *d = DT(self);
    char data[10] = {(char)(d->year >> 8), (char)(d->year & 0xff),
                     (char)(d->month + (proto > 3 && d->fold ? 128 : 0)), (char)d->day,
                     (char)d->hour, (char)d->minute, (char)d->second, (char)(d->us >> 16),
                     (char)((d->us >> 8) & 0xff), (char)(d->us & 0xff)};
    PyObject *basestate = PyBytes_FromStringAndSize(data, 10);
    if (basestate == NULL)
        return NULL;
    if (d->tzinfo == Py_None)
        return Py_BuildValue("(N)", basestate);
    return Py_BuildValue("(NO)", basestate, d->tzinfo);
}

static PyObject *datetime_reduce_ex(PyObject *self, PyObject *args)
{
    int proto;
    if (!PyArg_ParseTuple(args, "i:__reduce_ex__", &proto))
        return NULL;
    return Py_BuildValue("(ON)", Py_TYPE(self), datetime_getstate(self, proto));
}

static PyObject *datetime_reduce(PyObject *self, PyObject *unused)
{
    return Py_BuildValue("(ON)", Py_TYPE(self), datetime_getstate(self, 2));
}

static PyMethodDef datetime_methods[] = {
    {"now", (PyCFunction)(void (*)(void))datetime_now, METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     PyDoc_STR("Returns new datetime object representing current time local to tz.\n\n  tz\n    Timezone object.\n\nIf no tz is specified, uses local timezone.")},
    {"utcnow", datetime_utcnow, METH_NOARGS | METH_CLASS,
     PyDoc_STR("Return a new datetime representing UTC day and time.")},
    {"fromtimestamp", (PyCFunction)(void (*)(void))datetime_fromtimestamp,
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     PyDoc_STR("timestamp[, tz] -> tz's local time from POSIX timestamp.")},
    {"utcfromtimestamp", datetime_utcfromtimestamp, METH_VARARGS | METH_CLASS,
     PyDoc_STR("Construct a naive UTC datetime from a POSIX timestamp.")},
    {"strptime", datetime_strptime, METH_VARARGS | METH_CLASS,
     PyDoc_STR("string, format -> new datetime parsed from a string (like time.strptime()).")},
    {"combine", (PyCFunction)(void (*)(void))datetime_combine,
     METH_VARARGS | METH_KEYWORDS | METH_CLASS,
     PyDoc_STR("date, time -> datetime with same date and time fields")},
    {"fromisoformat", datetime_fromisoformat, METH_O | METH_CLASS,
     PyDoc_STR("string -> datetime from a string in most ISO 8601 formats")},
    {"date", datetime_getdate, METH_NOARGS, PyDoc_STR("Return date object with same year, month and day.")},
    {"time", datetime_gettime, METH_NOARGS, PyDoc_STR("Return time object with same time but with tzinfo=None.")},
    {"timetz", datetime_gettimetz, METH_NOARGS, PyDoc_STR("Return time object with same time and tzinfo.")},
    {"ctime", datetime_ctime, METH_NOARGS, PyDoc_STR("Return ctime() style string.")},
    {"timetuple", datetime_timetuple, METH_NOARGS, PyDoc_STR("Return time tuple, compatible with time.localtime().")},
    {"timestamp", datetime_timestamp, METH_NOARGS, PyDoc_STR("Return POSIX timestamp as float.")},
    {"utctimetuple", datetime_utctimetuple, METH_NOARGS, PyDoc_STR("Return UTC time tuple, compatible with time.localtime().")},
    {"isoformat", (PyCFunction)(void (*)(void))datetime_isoformat, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("[sep] -> string in ISO 8601 format, YYYY-MM-DDT[HH[:MM[:SS[.mmm[uuu]]]]][+HH:MM].")},
    {"utcoffset", datetime_utcoffset, METH_NOARGS, PyDoc_STR("Return self.tzinfo.utcoffset(self).")},
    {"tzname", datetime_tzname, METH_NOARGS, PyDoc_STR("Return self.tzinfo.tzname(self).")},
    {"dst", datetime_dst, METH_NOARGS, PyDoc_STR("Return self.tzinfo.dst(self).")},
    {"replace", (PyCFunction)(void (*)(void))datetime_replace, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("Return datetime with new specified fields.")},
    {"astimezone", (PyCFunction)(void (*)(void))datetime_astimezone, METH_VARARGS | METH_KEYWORDS,
     PyDoc_STR("tz -> convert to local time in new timezone tz\n")},
    {"__reduce_ex__", datetime_reduce_ex, METH_VARARGS, PyDoc_STR("__reduce_ex__(proto) -> (cls, state)")},
    {"__reduce__", datetime_reduce, METH_NOARGS, PyDoc_STR("__reduce__() -> (cls, state)")},
    {NULL}
};

static PyNumberMethods datetime_as_number = {
    .nb_add = datetime_add, .nb_subtract = datetime_subtract,
};

static PyTypeObject DateTimeType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "datetime.datetime",
    .tp_basicsize = sizeof(DateTimeObject),
    .tp_dealloc = tz_holder_dealloc,
    .tp_repr = datetime_repr,
    .tp_as_number = &datetime_as_number,
    .tp_hash = datetime_hash,
    .tp_str = datetime_str,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = PyDoc_STR("datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])\n\n"
        "The year, month and day arguments are required. tzinfo may be None, or an\n"
        "instance of a tzinfo subclass. The remaining arguments may be ints.\n"),
    .tp_richcompare = datetime_richcompare,
    .tp_methods = datetime_methods,
    .tp_getset = datetime_getset,
    .tp_base = &DateType,
    .tp_new = datetime_new,
};

/* ------------------------------------------------------------ module */

/* IsoCalendarDate pickles as a plain tuple (as CPython's does). */
static PyObject *iso_calendar_date_reduce(PyObject *self, PyObject *unused)
{
    PyObject *t = PySequence_Tuple(self);
    if (t == NULL)
        return NULL;
    return Py_BuildValue("(O(N))", &PyTuple_Type, t);
}

static PyMethodDef iso_calendar_date_reduce_def = {
    "__reduce__", iso_calendar_date_reduce, METH_NOARGS, NULL
};

static PyStructSequence_Field iso_calendar_date_fields[] = {
    {"year", NULL}, {"week", NULL}, {"weekday", NULL}, {NULL}
};

static PyStructSequence_Desc iso_calendar_date_desc = {
    "datetime.IsoCalendarDate", NULL, iso_calendar_date_fields, 3
};

static int set_attr_new(PyTypeObject *type, const char *name, PyObject *value)
{
    if (value == NULL)
        return -1;
    int r = PyDict_SetItemString(type->tp_dict, name, value);
    Py_DECREF(value);
    return r;
}

static PyMethodDef module_methods[] = {{NULL}};

static struct PyModuleDef datetimemodule = {
    PyModuleDef_HEAD_INIT, "_datetime", PyDoc_STR("Fast implementation of the datetime type."),
    -1, module_methods,
};

static PyObject *long_const(long long v)
{
    return PyLong_FromLongLong(v);
}

PyObject *PyInit__datetime(void)
{
    PyTypeObject *types[] = {&DateType, &DateTimeType, &TimeType, &DeltaType, &TZInfoType,
                             &TimeZoneType};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (PyType_Ready(types[i]) < 0)
            return NULL;
    if (IsoCalendarDateType == NULL) {
        IsoCalendarDateType = PyStructSequence_NewType(&iso_calendar_date_desc);
        if (IsoCalendarDateType == NULL)
            return NULL;
        PyObject *descr = PyDescr_NewMethod(IsoCalendarDateType, &iso_calendar_date_reduce_def);
        if (set_attr_new(IsoCalendarDateType, "__reduce__", descr) < 0)
            return NULL;
        PyType_Modified(IsoCalendarDateType);
    }
    if (us_per_second == NULL) {
        us_per_ms = long_const(1000);
        us_per_second = long_const(1000000);
        us_per_minute = long_const(60000000);
        seconds_per_day = long_const(24 * 3600);
        us_per_hour = long_const(3600000000LL);
        us_per_day = long_const(86400000000LL);
        us_per_week = long_const(604800000000LL);
        if (!us_per_ms || !us_per_second || !us_per_minute || !seconds_per_day ||
            !us_per_hour || !us_per_day || !us_per_week)
            return NULL;
        /* timezone.utc first: new_timezone() hands it out for zero offsets. */
        PyObject *zero = new_delta(0, 0, 0, 0);
        if (zero == NULL)
            return NULL;
        TimeZone_UTC = create_timezone(zero, NULL);
        Py_DECREF(zero);
        if (TimeZone_UTC == NULL)
            return NULL;
        Epoch = new_datetime(1970, 1, 1, 0, 0, 0, 0, TimeZone_UTC, 0);
        if (Epoch == NULL)
            return NULL;
        if (set_attr_new(&DeltaType, "min", new_delta(-MAX_DELTA_DAYS, 0, 0, 0)) < 0 ||
            set_attr_new(&DeltaType, "max", new_delta(MAX_DELTA_DAYS, 24 * 3600 - 1, 1000000 - 1, 0)) < 0 ||
            set_attr_new(&DeltaType, "resolution", new_delta(0, 0, 1, 0)) < 0 ||
            set_attr_new(&DateType, "min", new_date(1, 1, 1)) < 0 ||
            set_attr_new(&DateType, "max", new_date(MAXYEAR, 12, 31)) < 0 ||
            set_attr_new(&DateType, "resolution", new_delta(1, 0, 0, 0)) < 0 ||
            set_attr_new(&TimeType, "min", new_time(0, 0, 0, 0, Py_None, 0)) < 0 ||
            set_attr_new(&TimeType, "max", new_time(23, 59, 59, 999999, Py_None, 0)) < 0 ||
            set_attr_new(&TimeType, "resolution", new_delta(0, 0, 1, 0)) < 0 ||
            set_attr_new(&DateTimeType, "min", new_datetime(1, 1, 1, 0, 0, 0, 0, Py_None, 0)) < 0 ||
            set_attr_new(&DateTimeType, "max", new_datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999, Py_None, 0)) < 0 ||
            set_attr_new(&DateTimeType, "resolution", new_delta(0, 0, 1, 0)) < 0 ||
            set_attr_new(&TimeZoneType, "utc", Py_NewRef(TimeZone_UTC)) < 0)
            return NULL;
        PyObject *d = new_delta(0, 23 * 3600 + 59 * 60, 0, 0);
        if (d == NULL)
            return NULL;
        int r = set_attr_new(&TimeZoneType, "max", create_timezone(d, NULL));
        Py_DECREF(d);
        if (r < 0)
            return NULL;
        d = new_delta(-1, 60, 0, 0);
        if (d == NULL)
            return NULL;
        r = set_attr_new(&TimeZoneType, "min", create_timezone(d, NULL));
        Py_DECREF(d);
        if (r < 0)
            return NULL;
        for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
            PyType_Modified(types[i]);
    }
    PyObject *m = PyModule_Create(&datetimemodule);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (PyModule_AddType(m, types[i]) < 0)
            goto fail;
    if (PyModule_AddIntConstant(m, "MINYEAR", MINYEAR) < 0 ||
        PyModule_AddIntConstant(m, "MAXYEAR", MAXYEAR) < 0 ||
        PyModule_AddObjectRef(m, "UTC", TimeZone_UTC) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
