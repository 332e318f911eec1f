/* pytime.c — the checks CPython's Python/pytime.c applies to time values given by Python
 * code (timeouts of locks, queues, signals, faulthandler): one place for their rules and
 * messages. */
#include "Python.h"
#include "pytime.h"
#include <math.h>

int _PyTime_SecondsFromObject(PyObject *obj, double *seconds)
{
    double t;
    if (PyFloat_Check(obj)) {
        t = PyFloat_AS_DOUBLE(obj);
        if (isnan(t)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        long long n = PyLong_AsLongLong(obj);
        if (n == -1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError))
                goto overflow;
            return -1;
        }
        t = (double)n;
    }
    /* the value must fit a signed 64-bit count of nanoseconds (_PyTime_t) */
    if (t * 1e9 >= 9223372036854775808.0 || t * 1e9 < -9223372036854775808.0)
        goto overflow;
    *seconds = t;
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
    return -1;
}
