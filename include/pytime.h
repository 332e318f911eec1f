/* pytime.h — converting Python time values for C (src/runtime/pytime.c). */
#ifndef KRAIT_PYTIME_H
#define KRAIT_PYTIME_H

/* A duration in seconds as CPython 3.11's _PyTime_FromSecondsObject accepts it: a float
 * (not NaN) or an integer, whose count of nanoseconds fits 64 bits.  0 with *seconds set,
 * or -1 with ValueError/OverflowError ("timestamp too large to convert to C _PyTime_t"). */
int _PyTime_SecondsFromObject(PyObject *obj, double *seconds);

#endif
