/* timemodule.c — the `time` module: clocks (time, monotonic, perf_counter, process_time,
 * thread_time and their _ns forms, clock_gettime), sleep, struct_time with gmtime/
 * localtime/mktime/asctime/ctime/strftime, strptime (delegates to _strptime.py), the
 * timezone globals and get_clock_info.  Owner: modules-os. */
#include "Python.h"
#include "structseq.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

/* ------------------------------------------------------------------ clocks */

static PyObject *ns_from_timespec(struct timespec ts)
{
    return PyLong_FromLongLong((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
}

static PyObject *float_from_timespec(struct timespec ts)
{
    /* Same rounding as CPython: integer nanoseconds, then one division. */
    long long ns = (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
    return PyFloat_FromDouble((double)ns * 1e-9);
}

static int read_clock(clockid_t id, struct timespec *ts)
{
    if (clock_gettime(id, ts) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

#define CLOCK_FUNCS(NAME, ID)                                                   \
    static PyObject *time_##NAME(PyObject *self, PyObject *unused)               \
    {                                                                           \
        struct timespec ts;                                                     \
        return read_clock(ID, &ts) < 0 ? NULL : float_from_timespec(ts);         \
    }                                                                           \
    static PyObject *time_##NAME##_ns(PyObject *self, PyObject *unused)          \
    {                                                                           \
        struct timespec ts;                                                     \
        return read_clock(ID, &ts) < 0 ? NULL : ns_from_timespec(ts);            \
    }
CLOCK_FUNCS(time, CLOCK_REALTIME)
CLOCK_FUNCS(monotonic, CLOCK_MONOTONIC)
CLOCK_FUNCS(perf_counter, CLOCK_MONOTONIC)
CLOCK_FUNCS(process_time, CLOCK_PROCESS_CPUTIME_ID)
CLOCK_FUNCS(thread_time, CLOCK_THREAD_CPUTIME_ID)

static PyObject *time_clock_gettime(PyObject *self, PyObject *arg)
{
    int id = _PyLong_AsInt(arg);
    struct timespec ts;
    if (id == -1 && PyErr_Occurred())
        return NULL;
    return read_clock(id, &ts) < 0 ? NULL : float_from_timespec(ts);
}

static PyObject *time_clock_gettime_ns(PyObject *self, PyObject *arg)
{
    int id = _PyLong_AsInt(arg);
    struct timespec ts;
    if (id == -1 && PyErr_Occurred())
        return NULL;
    return read_clock(id, &ts) < 0 ? NULL : ns_from_timespec(ts);
}

static PyObject *time_clock_getres(PyObject *self, PyObject *arg)
{
    int id = _PyLong_AsInt(arg);
    struct timespec ts;
    if (id == -1 && PyErr_Occurred())
        return NULL;
    if (clock_getres(id, &ts) != 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyFloat_FromDouble(ts.tv_sec + ts.tv_nsec * 1e-9);
}

/* ------------------------------------------------------------------ sleep */

static PyObject *time_sleep(PyObject *self, PyObject *arg)
{
    double secs;
    if (PyFloat_Check(arg)) {
        secs = PyFloat_AS_DOUBLE(arg);
        if (isnan(secs)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return NULL;
        }
    } else if (PyLong_Check(arg) || PyIndex_Check(arg)) {
        secs = PyLong_Check(arg) ? PyLong_AsDouble(arg) : PyFloat_AsDouble(arg);
        if (secs == -1 && PyErr_Occurred())
            return NULL;
    } else {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(arg)->tp_name);
        return NULL;
    }
    if (secs < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return NULL;
    }
    struct timespec deadline, now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    double end = now.tv_sec + now.tv_nsec * 1e-9 + secs;
    for (;;) {
        double left = end - (now.tv_sec + now.tv_nsec * 1e-9);
        if (left <= 0)
            break;
        deadline.tv_sec = (time_t)left;
        deadline.tv_nsec = (long)((left - (double)deadline.tv_sec) * 1e9);
        int r;
        { int e_; Py_BEGIN_ALLOW_THREADS r = nanosleep(&deadline, NULL); e_ = errno; Py_END_ALLOW_THREADS errno = e_; }
        if (r == 0)
            break;
        if (errno != EINTR)
            return PyErr_SetFromErrno(PyExc_OSError);
        if (PyErr_CheckSignals() < 0)
            return NULL;
        clock_gettime(CLOCK_MONOTONIC, &now);
    }
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ struct_time */

static PyStructSequence_Field struct_time_fields[] = {
    {"tm_year", "year, for example, 1993"},
    {"tm_mon", "month of year, range [1, 12]"},
    {"tm_mday", "day of month, range [1, 31]"},
    {"tm_hour", "hours, range [0, 23]"},
    {"tm_min", "minutes, range [0, 59]"},
    {"tm_sec", "seconds, range [0, 61])"},
    {"tm_wday", "day of week, range [0, 6], Monday is 0"},
    {"tm_yday", "day of year, range [1, 366]"},
    {"tm_isdst", "1 if summer time is in effect, 0 if not, and -1 if unknown"},
    {"tm_zone", "abbreviation of timezone name"},
    {"tm_gmtoff", "offset from UTC in seconds"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_time_desc = {
    "time.struct_time",
    "The time value as returned by gmtime(), localtime(), and strptime(), and\n"
    " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
    " sequence of 9 integers.\n\n"
    " Note that several fields' values are not the same as those defined by\n"
    " the C language standard for struct tm.  For example, the value of the\n"
    " field tm_year is the actual year, not year - 1900.  See individual\n"
    " fields' descriptions for details.",
    struct_time_fields, 9,
};

static PyTypeObject StructTimeType;

static PyObject *tmtotuple(const struct tm *p, const char *zone, long gmtoff)
{
    PyObject *v = PyStructSequence_New(&StructTimeType);
    if (v == NULL)
        return NULL;
    int vals[] = {p->tm_year + 1900, p->tm_mon + 1, p->tm_mday, p->tm_hour, p->tm_min,
                  p->tm_sec, (p->tm_wday + 6) % 7, p->tm_yday + 1, p->tm_isdst};
    for (int i = 0; i < 9; i++)
        PyStructSequence_SetItem(v, i, PyLong_FromLong(vals[i]));
    PyStructSequence_SetItem(v, 9, zone ? PyUnicode_DecodeLocale(zone, "surrogateescape")
                                        : Py_NewRef(Py_None));
    PyStructSequence_SetItem(v, 10, PyLong_FromLong(gmtoff));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

/* Seconds argument (None = now) -> time_t, with CPython's errors. */
static int parse_time_t(PyObject *obj, time_t *out)
{
    if (obj == NULL || obj == Py_None) {
        *out = time(NULL);
        return 0;
    }
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = trunc(d);
        if (!(d >= -9.2e18 && d <= 9.2e18)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        *out = (time_t)d;
        return 0;
    }
    long long v = PyLong_AsLongLong(obj);
    if (v == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyErr_SetString(PyExc_OverflowError, "timestamp out of range for platform time_t");
        }
        return -1;
    }
    *out = (time_t)v;
    return 0;
}

static PyObject *time_gmtime(PyObject *self, PyObject *args)
{
    PyObject *obj = NULL;
    time_t t;
    struct tm buf;
    if (!PyArg_ParseTuple(args, "|O:gmtime", &obj) || parse_time_t(obj, &t) < 0)
        return NULL;
    errno = 0;
    if (gmtime_r(&t, &buf) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tmtotuple(&buf, buf.tm_zone, buf.tm_gmtoff);
}

static PyObject *time_localtime(PyObject *self, PyObject *args)
{
    PyObject *obj = NULL;
    time_t t;
    struct tm buf;
    if (!PyArg_ParseTuple(args, "|O:localtime", &obj) || parse_time_t(obj, &t) < 0)
        return NULL;
    errno = 0;
    if (localtime_r(&t, &buf) == NULL) {
        if (errno == 0)
            errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return tmtotuple(&buf, buf.tm_zone, buf.tm_gmtoff);
}

/* A struct_time / 9-tuple -> struct tm (tm_zone/tm_gmtoff kept when present). */
static int gettmarg(PyObject *args, struct tm *p, const char *format)
{
    memset(p, 0, sizeof *p);
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_TypeError, "Tuple or struct_time argument required");
        return 0;
    }
    int y;
    if (!PyArg_ParseTuple(args, format, &y, &p->tm_mon, &p->tm_mday, &p->tm_hour, &p->tm_min,
                          &p->tm_sec, &p->tm_wday, &p->tm_yday, &p->tm_isdst))
        return 0;
    if (y < INT_MIN + 1900) {
        PyErr_SetString(PyExc_OverflowError, "year out of range");
        return 0;
    }
    p->tm_year = y - 1900;
    p->tm_mon--;
    p->tm_wday = (p->tm_wday + 1) % 7;
    p->tm_yday--;
    if (Py_IS_TYPE(args, &StructTimeType)) {
        PyObject *zone = PyStructSequence_GetItem(args, 9);
        PyObject *off = PyStructSequence_GetItem(args, 10);
        if (zone != Py_None && PyUnicode_Check(zone))
            p->tm_zone = PyUnicode_AsUTF8(zone);
        if (off != Py_None && PyLong_Check(off))
            p->tm_gmtoff = PyLong_AsLong(off);
    }
    return 1;
}

/* Range checks shared by asctime and strftime (CPython's checktm). */
static int checktm(struct tm *buf)
{
    if (buf->tm_mon == -1)
        buf->tm_mon = 0;
    else if (buf->tm_mon < 0 || buf->tm_mon > 11) {
        PyErr_SetString(PyExc_ValueError, "month out of range");
        return 0;
    }
    if (buf->tm_mday == 0)
        buf->tm_mday = 1;
    else if (buf->tm_mday < 0 || buf->tm_mday > 31) {
        PyErr_SetString(PyExc_ValueError, "day of month out of range");
        return 0;
    }
    if (buf->tm_hour < 0 || buf->tm_hour > 23) {
        PyErr_SetString(PyExc_ValueError, "hour out of range");
        return 0;
    }
    if (buf->tm_min < 0 || buf->tm_min > 59) {
        PyErr_SetString(PyExc_ValueError, "minute out of range");
        return 0;
    }
    if (buf->tm_sec < 0 || buf->tm_sec > 61) {
        PyErr_SetString(PyExc_ValueError, "seconds out of range");
        return 0;
    }
    if (buf->tm_wday < 0) {
        PyErr_SetString(PyExc_ValueError, "day of week out of range");
        return 0;
    }
    if (buf->tm_yday == -1)
        buf->tm_yday = 0;
    else if (buf->tm_yday < 0 || buf->tm_yday > 365) {
        PyErr_SetString(PyExc_ValueError, "day of year out of range");
        return 0;
    }
    return 1;
}

static PyObject *time_mktime(PyObject *self, PyObject *arg)
{
    struct tm buf;
    if (!gettmarg(arg, &buf, "iiiiiiiii;mktime(): illegal time tuple argument"))
        return NULL;
    buf.tm_wday = -1;  /* sentinel: mktime sets it on success */
    time_t tt = mktime(&buf);
    if (tt == (time_t)-1 && buf.tm_wday == -1) {
        PyErr_SetString(PyExc_OverflowError, "mktime argument out of range");
        return NULL;
    }
    return PyFloat_FromDouble((double)tt);
}

static PyObject *format_asctime(const struct tm *t)
{
    static const char wday[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char mon[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return PyUnicode_FromFormat("%s %s%3d %.2d:%.2d:%.2d %d", wday[t->tm_wday % 7],
                                mon[t->tm_mon % 12], t->tm_mday, t->tm_hour, t->tm_min,
                                t->tm_sec, 1900 + t->tm_year);
}

static PyObject *time_asctime(PyObject *self, PyObject *args)
{
    PyObject *tup = NULL;
    struct tm buf;
    if (!PyArg_ParseTuple(args, "|O:asctime", &tup))
        return NULL;
    if (tup == NULL) {
        time_t t = time(NULL);
        localtime_r(&t, &buf);
    } else if (!gettmarg(tup, &buf, "iiiiiiiii;asctime(): illegal time tuple argument") ||
               !checktm(&buf)) {
        return NULL;
    }
    return format_asctime(&buf);
}

static PyObject *time_ctime(PyObject *self, PyObject *args)
{
    PyObject *obj = NULL;
    time_t t;
    struct tm buf;
    if (!PyArg_ParseTuple(args, "|O:ctime", &obj) || parse_time_t(obj, &t) < 0)
        return NULL;
    errno = 0;
    if (localtime_r(&t, &buf) == NULL) {      /* as localtime(): OSError from errno */
        if (errno == 0)
            errno = EINVAL;
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    return format_asctime(&buf);
}

static PyObject *time_strftime(PyObject *self, PyObject *args)
{
    PyObject *fmt_obj, *tup = NULL;
    struct tm buf;
    if (!PyArg_ParseTuple(args, "U|O:strftime", &fmt_obj, &tup))
        return NULL;
    if (tup == NULL) {
        time_t t = time(NULL);
        localtime_r(&t, &buf);
    } else {
        if (!gettmarg(tup, &buf, "iiiiiiiii;strftime(): illegal time tuple argument") ||
            !checktm(&buf))
            return NULL;
        if (buf.tm_isdst < -1)
            buf.tm_isdst = -1;
        else if (buf.tm_isdst > 1)
            buf.tm_isdst = 1;
    }
    PyObject *fmtb = PyUnicode_EncodeLocale(fmt_obj, "surrogateescape");
    if (fmtb == NULL)
        return NULL;
    const char *fmt = PyBytes_AS_STRING(fmtb);
    if (strlen(fmt) != (size_t)PyBytes_GET_SIZE(fmtb)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        Py_DECREF(fmtb);
        return NULL;
    }
    if (*fmt == 0) {
        Py_DECREF(fmtb);
        return PyUnicode_FromString("");
    }
    /* strftime returns 0 both for "buffer too small" and for an empty result: grow the
     * buffer a few times before accepting an empty string. */
    size_t fmtlen = strlen(fmt);
    for (size_t size = 1024;; size += size) {
        char *out = PyMem_Malloc(size);
        if (out == NULL) {
            Py_DECREF(fmtb);
            return PyErr_NoMemory();
        }
        size_t n = strftime(out, size, fmt, &buf);
        if (n > 0 || size >= 256 * fmtlen) {
            out[n < size ? n : size - 1] = 0;
            PyObject *res = PyUnicode_DecodeLocale(out, "surrogateescape");
            PyMem_Free(out);
            Py_DECREF(fmtb);
            return res;
        }
        PyMem_Free(out);
    }
}

static PyObject *time_strptime(PyObject *self, PyObject *args)
{
    PyObject *mod = PyImport_ImportModule("_strptime");
    if (mod == NULL)
        return NULL;
    PyObject *func = PyObject_GetAttrString(mod, "_strptime_time");
    Py_DECREF(mod);
    if (func == NULL)
        return NULL;
    PyObject *res = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    return res;
}

/* ------------------------------------------------------------------ zone globals */

static int init_timezone(PyObject *m)
{
    /* As CPython: sample January and July of this year to find standard/summer offsets. */
    time_t t = (time(NULL) / (365 * 24 * 3600)) * (365 * 24 * 3600);
    struct tm p;
    localtime_r(&t, &p);
    char jan_name[10] = {0}, jul_name[10] = {0};
    strncpy(jan_name, p.tm_zone ? p.tm_zone : "   ", 9);
    long janzone = -p.tm_gmtoff;
    t += (365 * 24 * 3600) / 2;
    localtime_r(&t, &p);
    strncpy(jul_name, p.tm_zone ? p.tm_zone : "   ", 9);
    long julzone = -p.tm_gmtoff;
    long zone, alt;
    const char *std, *dst;
    if (janzone < julzone) { /* southern hemisphere: DST in January */
        zone = julzone; alt = janzone; std = jul_name; dst = jan_name;
    } else {
        zone = janzone; alt = julzone; std = jan_name; dst = jul_name;
    }
    if (PyModule_AddIntConstant(m, "timezone", zone) < 0 ||
        PyModule_AddIntConstant(m, "altzone", alt) < 0 ||
        PyModule_AddIntConstant(m, "daylight", janzone != julzone) < 0)
        return -1;
    PyObject *names = Py_BuildValue("(NN)", PyUnicode_DecodeLocale(std, "surrogateescape"),
                                    PyUnicode_DecodeLocale(dst, "surrogateescape"));
    if (names == NULL)
        return -1;
    return PyModule_AddObject(m, "tzname", names) < 0 ? (Py_DECREF(names), -1) : 0;
}

static PyObject *time_tzset(PyObject *self, PyObject *unused)
{
    tzset();
    PyObject *m = PyImport_ImportModule("time");
    if (m == NULL)
        return NULL;
    int r = init_timezone(m);
    Py_DECREF(m);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* get_clock_info(name) -> types.SimpleNamespace(implementation, monotonic, adjustable,
 * resolution), the way CPython reports these clocks on Linux. */
static PyObject *time_get_clock_info(PyObject *self, PyObject *args)
{
    const char *name, *impl;
    int mono, adj;
    clockid_t id;
    if (!PyArg_ParseTuple(args, "s:get_clock_info", &name))
        return NULL;
    if (strcmp(name, "time") == 0) {
        impl = "clock_gettime(CLOCK_REALTIME)"; id = CLOCK_REALTIME; mono = 0; adj = 1;
    } else if (strcmp(name, "monotonic") == 0 || strcmp(name, "perf_counter") == 0) {
        impl = "clock_gettime(CLOCK_MONOTONIC)"; id = CLOCK_MONOTONIC; mono = 1; adj = 0;
    } else if (strcmp(name, "process_time") == 0) {
        impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)"; id = CLOCK_PROCESS_CPUTIME_ID;
        mono = 1; adj = 0;
    } else if (strcmp(name, "thread_time") == 0) {
        impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)"; id = CLOCK_THREAD_CPUTIME_ID;
        mono = 1; adj = 0;
    } else {
        PyErr_SetString(PyExc_ValueError, "unknown clock");
        return NULL;
    }
    struct timespec res;
    clock_getres(id, &res);
    PyObject *types = PyImport_ImportModule("types");
    if (types == NULL)
        return NULL;
    PyObject *ns_type = PyObject_GetAttrString(types, "SimpleNamespace");
    Py_DECREF(types);
    if (ns_type == NULL)
        return NULL;
    PyObject *kw = Py_BuildValue("{s:s,s:O,s:O,s:d}", "implementation", impl,
                                 "monotonic", mono ? Py_True : Py_False,
                                 "adjustable", adj ? Py_True : Py_False,
                                 "resolution", res.tv_sec + res.tv_nsec * 1e-9);
    PyObject *empty = PyTuple_New(0);
    PyObject *r = kw && empty ? PyObject_Call(ns_type, empty, kw) : NULL;
    Py_XDECREF(kw);
    Py_XDECREF(empty);
    Py_DECREF(ns_type);
    return r;
}

/* ------------------------------------------------------------------ module */

static PyMethodDef time_methods[] = {
    {"time", time_time, METH_NOARGS, NULL},
    {"time_ns", time_time_ns, METH_NOARGS, NULL},
    {"monotonic", time_monotonic, METH_NOARGS, NULL},
    {"monotonic_ns", time_monotonic_ns, METH_NOARGS, NULL},
    {"perf_counter", time_perf_counter, METH_NOARGS, NULL},
    {"perf_counter_ns", time_perf_counter_ns, METH_NOARGS, NULL},
    {"process_time", time_process_time, METH_NOARGS, NULL},
    {"process_time_ns", time_process_time_ns, METH_NOARGS, NULL},
    {"thread_time", time_thread_time, METH_NOARGS, NULL},
    {"thread_time_ns", time_thread_time_ns, METH_NOARGS, NULL},
    {"clock_gettime", time_clock_gettime, METH_O, NULL},
    {"clock_gettime_ns", time_clock_gettime_ns, METH_O, NULL},
    {"clock_getres", time_clock_getres, METH_O, NULL},
    {"sleep", time_sleep, METH_O, NULL},
    {"gmtime", time_gmtime, METH_VARARGS, NULL},
    {"localtime", time_localtime, METH_VARARGS, NULL},
    {"mktime", time_mktime, METH_O, NULL},
    {"asctime", time_asctime, METH_VARARGS, NULL},
    {"ctime", time_ctime, METH_VARARGS, NULL},
    {"strftime", time_strftime, METH_VARARGS, NULL},
    {"strptime", time_strptime, METH_VARARGS, NULL},
    {"tzset", time_tzset, METH_NOARGS, NULL},
    {"get_clock_info", time_get_clock_info, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef timemodule = {
    PyModuleDef_HEAD_INIT, "time",
    "This module provides various functions to manipulate time values.",
    -1, time_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_time(void)
{
    static int type_ready;
    if (!type_ready) {
        if (PyStructSequence_InitType2(&StructTimeType, &struct_time_desc) < 0)
            return NULL;
        type_ready = 1;
    }
    tzset();
    PyObject *m = PyModule_Create(&timemodule);
    if (m == NULL)
        return NULL;
    if (init_timezone(m) < 0 ||
        PyModule_AddObjectRef(m, "struct_time", (PyObject *)&StructTimeType) < 0 ||
        PyModule_AddIntConstant(m, "_STRUCT_TM_ITEMS", 11) < 0)
        goto fail;
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) goto fail;
    C(CLOCK_REALTIME) C(CLOCK_MONOTONIC) C(CLOCK_MONOTONIC_RAW) C(CLOCK_PROCESS_CPUTIME_ID)
    C(CLOCK_THREAD_CPUTIME_ID) C(CLOCK_BOOTTIME) C(CLOCK_TAI)
#undef C
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
