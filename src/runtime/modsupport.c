/* modsupport.c — building Python values from C (Py_BuildValue and its format language).
 * Parsing arguments (the reverse direction) is getargs.c; PyModule_Add* is moduleobject.c. */
#include "Python.h"

static PyObject *do_mkvalue(const char **p_format, va_list *p_va);

/* Items up to `endchar` at the current nesting level (for sizing tuples/lists/dicts). */
static Py_ssize_t countformat(const char *format, char endchar)
{
    Py_ssize_t count = 0;
    int level = 0;
    while (level > 0 || *format != endchar) {
        switch (*format) {
        case '\0':
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
            return -1;
        case '(': case '[': case '{':
            if (level == 0)
                count++;
            level++;
            break;
        case ')': case ']': case '}':
            level--;
            break;
        case '#': case '&': case ',': case ':': case ' ': case '\t':
            break;
        default:
            if (level == 0)
                count++;
        }
        format++;
    }
    return count;
}

/* After an error, still consume the remaining items so 'N' references are released. */
static void do_ignore(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *exc_type, *exc_value, *exc_tb;
        PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
        PyObject *w = do_mkvalue(p_format, p_va);
        PyErr_Restore(exc_type, exc_value, exc_tb);
        Py_XDECREF(w);
    }
    if (**p_format != endchar) {
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return;
    }
    if (endchar)
        ++*p_format;
}

static PyObject *do_mktuple(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    PyObject *v = PyTuple_New(n);
    if (v == NULL) {
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(p_format, p_va);
        if (w == NULL) {
            do_ignore(p_format, p_va, endchar, n - i - 1);
            Py_DECREF(v);
            return NULL;
        }
        PyTuple_SET_ITEM(v, i, w);
    }
    if (**p_format != endchar) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar)
        ++*p_format;
    return v;
}

static PyObject *do_mklist(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    PyObject *v = PyList_New(n);
    if (v == NULL) {
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(p_format, p_va);
        if (w == NULL) {
            do_ignore(p_format, p_va, endchar, n - i - 1);
            Py_DECREF(v);
            return NULL;
        }
        PyList_SET_ITEM(v, i, w);
    }
    if (**p_format != endchar) {
        Py_DECREF(v);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar)
        ++*p_format;
    return v;
}

static PyObject *do_mkdict(const char **p_format, va_list *p_va, char endchar, Py_ssize_t n)
{
    if (n % 2) {
        PyErr_SetString(PyExc_SystemError, "Bad dict format");
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    PyObject *d = PyDict_New();
    if (d == NULL) {
        do_ignore(p_format, p_va, endchar, n);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i += 2) {
        PyObject *k = do_mkvalue(p_format, p_va);
        if (k == NULL) {
            do_ignore(p_format, p_va, endchar, n - i - 1);
            Py_DECREF(d);
            return NULL;
        }
        PyObject *v = do_mkvalue(p_format, p_va);
        if (v == NULL || PyDict_SetItem(d, k, v) < 0) {
            do_ignore(p_format, p_va, endchar, n - i - 2);
            Py_DECREF(k);
            Py_XDECREF(v);
            Py_DECREF(d);
            return NULL;
        }
        Py_DECREF(k);
        Py_DECREF(v);
    }
    if (**p_format != endchar) {
        Py_DECREF(d);
        PyErr_SetString(PyExc_SystemError, "Unmatched paren in format");
        return NULL;
    }
    if (endchar)
        ++*p_format;
    return d;
}

/* A C string with optional "#" length; NULL maps to None. */
static PyObject *mk_string(const char **p_format, va_list *p_va, int as_bytes)
{
    const char *str = va_arg(*p_va, const char *);
    Py_ssize_t n = -1;
    if (**p_format == '#') {
        ++*p_format;
        n = va_arg(*p_va, Py_ssize_t);
    }
    if (str == NULL)
        Py_RETURN_NONE;
    if (n < 0) {
        size_t m = strlen(str);
        if (m > (size_t)PY_SSIZE_T_MAX) {
            PyErr_SetString(PyExc_OverflowError, "string too long for Python string");
            return NULL;
        }
        n = (Py_ssize_t)m;
    }
    return as_bytes ? PyBytes_FromStringAndSize(str, n) : PyUnicode_FromStringAndSize(str, n);
}

static PyObject *do_mkvalue(const char **p_format, va_list *p_va)
{
    for (;;) {
        switch (*(*p_format)++) {
        case '(':
            return do_mktuple(p_format, p_va, ')', countformat(*p_format, ')'));
        case '[':
            return do_mklist(p_format, p_va, ']', countformat(*p_format, ']'));
        case '{':
            return do_mkdict(p_format, p_va, '}', countformat(*p_format, '}'));
        case 'b': case 'B': case 'h': case 'i':
            return PyLong_FromLong((long)va_arg(*p_va, int));
        case 'H':
            return PyLong_FromLong((long)va_arg(*p_va, unsigned int));
        case 'I':
            return PyLong_FromUnsignedLong((unsigned long)va_arg(*p_va, unsigned int));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*p_va, Py_ssize_t));
        case 'l':
            return PyLong_FromLong(va_arg(*p_va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*p_va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*p_va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*p_va, unsigned long long));
        case 'u': {
            const wchar_t *u = va_arg(*p_va, const wchar_t *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (u == NULL)
                Py_RETURN_NONE;
            if (n < 0)
                n = (Py_ssize_t)wcslen(u);
            return PyUnicode_FromWideChar(u, n);
        }
        case 'f': case 'd':
            return PyFloat_FromDouble(va_arg(*p_va, double));
        case 'D':
            return PyComplex_FromCComplex(*(va_arg(*p_va, Py_complex *)));
        case 'c': {
            char p[1];
            p[0] = (char)va_arg(*p_va, int);
            return PyBytes_FromStringAndSize(p, 1);
        }
        case 'C':
            return PyUnicode_FromOrdinal(va_arg(*p_va, int));
        case 's': case 'z': case 'U':
            return mk_string(p_format, p_va, 0);
        case 'y':
            return mk_string(p_format, p_va, 1);
        case 'N': case 'S': case 'O':
            if (**p_format == '&') {
                typedef PyObject *(*converter)(void *);
                converter func = va_arg(*p_va, converter);
                void *arg = va_arg(*p_va, void *);
                ++*p_format;
                return (*func)(arg);
            } else {
                PyObject *v = va_arg(*p_va, PyObject *);
                if (v != NULL) {
                    if (*(*p_format - 1) != 'N')
                        Py_INCREF(v);
                } else if (!PyErr_Occurred()) {
                    /* If a NULL was passed because a call that should have built the
                     * value failed, the exception is already set. */
                    PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
                }
                return v;
            }
        case ':': case ',': case ' ': case '\t':
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
            return NULL;
        }
    }
}

static PyObject *va_build_value(const char *format, va_list va)
{
    const char *f = format;
    Py_ssize_t n = countformat(f, '\0');
    va_list lva;
    PyObject *retval;
    if (n < 0)
        return NULL;
    if (n == 0)
        Py_RETURN_NONE;
    va_copy(lva, va);
    if (n == 1)
        retval = do_mkvalue(&f, &lva);
    else
        retval = do_mktuple(&f, &lva, '\0', n);
    va_end(lva);
    return retval;
}

PyObject *Py_BuildValue(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = va_build_value(format, va);
    va_end(va);
    return r;
}

PyObject *_Py_BuildValue_SizeT(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = va_build_value(format, va);
    va_end(va);
    return r;
}

PyObject *Py_VaBuildValue(const char *format, va_list va) { return va_build_value(format, va); }
PyObject *_Py_VaBuildValue_SizeT(const char *format, va_list va) { return va_build_value(format, va); }

/* Builds the items of `format` into a C array (small_stack if it fits, else PyMem). */
PyObject **_Py_VaBuildStack(PyObject **small_stack, Py_ssize_t small_stack_len,
                           const char *format, va_list va, Py_ssize_t *p_nargs)
{
    const char *f = format;
    Py_ssize_t n = countformat(f, '\0');
    if (n < 0) {
        *p_nargs = 0;
        return NULL;
    }
    PyObject **stack = small_stack;
    if (n > small_stack_len) {
        stack = PyMem_Malloc((size_t)n * sizeof(PyObject *));
        if (stack == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    va_list lva;
    va_copy(lva, va);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = do_mkvalue(&f, &lva);
        if (w == NULL) {
            do_ignore(&f, &lva, '\0', n - i - 1);
            for (Py_ssize_t j = 0; j < i; j++)
                Py_DECREF(stack[j]);
            if (stack != small_stack)
                PyMem_Free(stack);
            va_end(lva);
            return NULL;
        }
        stack[i] = w;
    }
    va_end(lva);
    *p_nargs = n;
    return stack;
}
