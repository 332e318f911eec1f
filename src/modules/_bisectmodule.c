/* _bisectmodule.c — the `_bisect` accelerator for bisect.py: bisect_right, bisect_left,
 * insort_right, insort_left (with lo/hi/key), comparing in CPython's order.
 * Owner: objects-containers. */
#include "Python.h"

/* hi: None (or -1, as in CPython) means len(a). */
static int convert_hi(PyObject *obj, Py_ssize_t *hi)
{
    if (obj == NULL || obj == Py_None) {
        *hi = -1;
        return 1;
    }
    if (!PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'",
                     Py_TYPE(obj)->tp_name);
        return 0;
    }
    *hi = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
    return !(*hi == -1 && PyErr_Occurred());
}

static Py_ssize_t internal_bisect(PyObject *list, PyObject *item, Py_ssize_t lo, Py_ssize_t hi,
                                  PyObject *key, int right)
{
    if (lo < 0) {
        PyErr_SetString(PyExc_ValueError, "lo must be non-negative");
        return -1;
    }
    if (hi == -1) {
        hi = PySequence_Size(list);
        if (hi < 0)
            return -1;
    }
    while (lo < hi) {
        Py_ssize_t mid = ((size_t)lo + hi) / 2;   /* unsigned: no signed overflow */
        PyObject *litem = PySequence_GetItem(list, mid);
        if (litem == NULL)
            return -1;
        if (key != NULL && key != Py_None) {
            PyObject *k = PyObject_CallOneArg(key, litem);
            Py_DECREF(litem);
            if (k == NULL)
                return -1;
            litem = k;
        }
        int res = right ? PyObject_RichCompareBool(item, litem, Py_LT)
                        : PyObject_RichCompareBool(litem, item, Py_LT);
        Py_DECREF(litem);
        if (res < 0)
            return -1;
        if (right == (res != 0))
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

static int parse(PyObject *args, PyObject *kwds, const char *fmt, PyObject **a, PyObject **x,
                 Py_ssize_t *lo, Py_ssize_t *hi, PyObject **key)
{
    static char *kwlist[] = {"a", "x", "lo", "hi", "key", NULL};
    PyObject *hiobj = NULL;
    *lo = 0;
    *key = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, fmt, kwlist, a, x, lo, &hiobj, key))
        return 0;
    return convert_hi(hiobj, hi);
}

static PyObject *bisect_common(PyObject *args, PyObject *kwds, const char *fmt, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi;
    if (!parse(args, kwds, fmt, &a, &x, &lo, &hi, &key))
        return NULL;
    Py_ssize_t index = internal_bisect(a, x, lo, hi, key, right);
    return index < 0 ? NULL : PyLong_FromSsize_t(index);
}

static PyObject *insort_common(PyObject *args, PyObject *kwds, const char *fmt, int right)
{
    PyObject *a, *x, *key;
    Py_ssize_t lo, hi, index;
    if (!parse(args, kwds, fmt, &a, &x, &lo, &hi, &key))
        return NULL;
    if (key == NULL || key == Py_None) {
        index = internal_bisect(a, x, lo, hi, key, right);
    }
    else {
        PyObject *key_x = PyObject_CallOneArg(key, x);
        if (key_x == NULL)
            return NULL;
        index = internal_bisect(a, key_x, lo, hi, key, right);
        Py_DECREF(key_x);
    }
    if (index < 0)
        return NULL;
    if (PyList_CheckExact(a)) {
        if (PyList_Insert(a, index, x) < 0)
            return NULL;
    }
    else {
        PyObject *r = PyObject_CallMethod(a, "insert", "nO", index, x);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    Py_RETURN_NONE;
}

static PyObject *bisect_right(PyObject *m, PyObject *args, PyObject *kwds)
{
    return bisect_common(args, kwds, "OO|nO$O:bisect_right", 1);
}

static PyObject *bisect_left(PyObject *m, PyObject *args, PyObject *kwds)
{
    return bisect_common(args, kwds, "OO|nO$O:bisect_left", 0);
}

static PyObject *insort_right(PyObject *m, PyObject *args, PyObject *kwds)
{
    return insort_common(args, kwds, "OO|nO$O:insort_right", 1);
}

static PyObject *insort_left(PyObject *m, PyObject *args, PyObject *kwds)
{
    return insort_common(args, kwds, "OO|nO$O:insort_left", 0);
}

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef bisect_methods[] = {
    {"bisect_right", KW(bisect_right),
     "bisect_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e <= x, and all e in\n"
     "a[i:] have e > x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just after the rightmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"insort_right", KW(insort_right),
     "insort_right($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the right of the rightmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"bisect_left", KW(bisect_left),
     "bisect_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Return the index where to insert item x in list a, assuming a is sorted.\n\n"
     "The return value i is such that all e in a[:i] have e < x, and all e in\n"
     "a[i:] have e >= x.  So if x already appears in the list, a.insert(i, x) will\n"
     "insert just before the leftmost x already there.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {"insort_left", KW(insort_left),
     "insort_left($module, /, a, x, lo=0, hi=None, *, key=None)\n--\n\n"
     "Insert item x in list a, and keep it sorted assuming a is sorted.\n\n"
     "If x is already in a, insert it to the left of the leftmost x.\n\n"
     "Optional args lo (default 0) and hi (default len(a)) bound the\n"
     "slice of a to be searched."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef bisectmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_bisect",
    .m_doc = "Bisection algorithms.\n\n"
             "This module provides support for maintaining a list in sorted order without\n"
             "having to sort the list after each insertion. For long lists of items with\n"
             "expensive comparison operations, this can be an improvement over the more\n"
             "common approach.\n",
    .m_size = -1,
    .m_methods = bisect_methods,
};

PyObject *PyInit__bisect(void)
{
    return PyModule_Create(&bisectmodule);
}
