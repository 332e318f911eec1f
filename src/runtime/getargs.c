/* getargs.c — parsing C-function arguments: PyArg_ParseTuple[AndKeywords] with format
 * strings, PyArg_UnpackTuple, the fast-call keyword unpacker (_PyArg_UnpackKeywords) and
 * the argument-count checks, all with CPython 3.11's error messages.
 * The conversions themselves call the number/str/bytes APIs of objects-num. */
#include "Python.h"
#include <ctype.h>

#ifndef Py_ISALPHA
#define Py_ISALPHA(c) isalpha((unsigned char)(c))
#endif

#define MAX_LEVELS 32
#define MAX_BUFFERS 16

/* Buffers acquired by s*, y*, w*, released again if a later conversion fails. */
typedef struct {
    Py_buffer *bufs[MAX_BUFFERS];
    int n;
} freelist_t;

static void freelist_release(freelist_t *fl)
{
    for (int i = 0; i < fl->n; i++)
        PyBuffer_Release(fl->bufs[i]);
    fl->n = 0;
}

static const char *converterr(const char *expected, PyObject *arg, char *msgbuf, size_t bufsize)
{
    if (expected[0] == '(')
        snprintf(msgbuf, bufsize, "%.100s", expected);
    else
        snprintf(msgbuf, bufsize, "must be %.50s, not %.50s", expected,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
    return msgbuf;
}

#define CONV_UNICODE "(unicode conversion error)"

/* Prints "fname() argument N[, item M] must be ..." (or the custom ';' message). */
static void seterror(Py_ssize_t iarg, const char *msg, int *levels, const char *fname,
                     const char *message)
{
    char buf[512];
    if (PyErr_Occurred())
        return;
    if (message == NULL) {
        char *p = buf;
        size_t left = sizeof(buf);
        int n = 0;
        if (fname != NULL)
            n = snprintf(p, left, "%.200s() ", fname);
        p += n; left -= (size_t)n;
        if (iarg != 0) {
            n = snprintf(p, left, "argument %zd", iarg);
            p += n; left -= (size_t)n;
            for (int i = 0; i < MAX_LEVELS && levels[i] > 0 && left > 40; i++) {
                n = snprintf(p, left, ", item %d", levels[i] - 1);
                p += n; left -= (size_t)n;
            }
        } else {
            n = snprintf(p, left, "argument");
            p += n; left -= (size_t)n;
        }
        snprintf(p, left, " %.256s", msg);
        message = buf;
    }
    if (msg[0] == '(')
        PyErr_SetString(PyExc_SystemError, message);
    else
        PyErr_SetString(PyExc_TypeError, message);
}

/* Get a readonly contiguous buffer (for s#, y#, z#); returns length or -1. */
static Py_ssize_t convertbuffer(PyObject *arg, const void **p, const char **errmsg)
{
    Py_buffer view;
    PyBufferProcs *pb = Py_TYPE(arg)->tp_as_buffer;
    *errmsg = NULL;
    *p = NULL;
    if (pb == NULL || pb->bf_getbuffer == NULL) {
        *errmsg = "bytes-like object";
        return -1;
    }
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) != 0) {
        *errmsg = "bytes-like object";
        return -1;
    }
    Py_ssize_t count = view.len;
    *p = view.buf;
    PyBuffer_Release(&view);
    return count;
}

static int getbuffer(PyObject *arg, Py_buffer *view, const char **errmsg, int writable)
{
    if (PyObject_GetBuffer(arg, view, writable ? PyBUF_WRITABLE : PyBUF_SIMPLE) != 0) {
        *errmsg = writable ? "read-write bytes-like object" : "bytes-like object";
        return -1;
    }
    return 0;
}

static const char *converttuple(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                                int *levels, char *msgbuf, size_t bufsize, freelist_t *fl);

/* Convert one argument according to the code at *p_format; returns NULL on success
 * or an error message (with a Python exception set when it is not a type mismatch). */
static const char *convertsimple(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                                 char *msgbuf, size_t bufsize, freelist_t *fl)
{
    const char *format = *p_format;
    char c = *format++;

    switch (c) {
    case 'b': { /* unsigned byte, range checked */
        char *p = va_arg(*p_va, char *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            return "(error)";
        if (ival < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            return "(error)";
        }
        if (ival > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is greater than maximum");
            return "(error)";
        }
        *p = (char)ival;
        break;
    }
    case 'B': { /* byte, bitfield, no range check */
        unsigned char *p = va_arg(*p_va, unsigned char *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred())
            return "(error)";
        *p = (unsigned char)ival;
        break;
    }
    case 'h': {
        short *p = va_arg(*p_va, short *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            return "(error)";
        if (ival < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            return "(error)";
        }
        if (ival > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is greater than maximum");
            return "(error)";
        }
        *p = (short)ival;
        break;
    }
    case 'H': {
        unsigned short *p = va_arg(*p_va, unsigned short *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred())
            return "(error)";
        *p = (unsigned short)ival;
        break;
    }
    case 'i': {
        int *p = va_arg(*p_va, int *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            return "(error)";
        if (ival > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return "(error)";
        }
        if (ival < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            return "(error)";
        }
        *p = (int)ival;
        break;
    }
    case 'I': {
        unsigned int *p = va_arg(*p_va, unsigned int *);
        unsigned long ival = PyLong_AsUnsignedLongMask(arg);
        if (ival == (unsigned long)-1 && PyErr_Occurred())
            return "(error)";
        *p = (unsigned int)ival;
        break;
    }
    case 'n': {
        Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
        PyObject *iobj = PyNumber_Index(arg);
        Py_ssize_t ival = -1;
        if (iobj != NULL) {
            ival = PyLong_AsSsize_t(iobj);
            Py_DECREF(iobj);
        }
        if (ival == -1 && PyErr_Occurred())
            return "(error)";
        *p = ival;
        break;
    }
    case 'l': {
        long *p = va_arg(*p_va, long *);
        long ival = PyLong_AsLong(arg);
        if (ival == -1 && PyErr_Occurred())
            return "(error)";
        *p = ival;
        break;
    }
    case 'k': {
        unsigned long *p = va_arg(*p_va, unsigned long *);
        if (!PyLong_Check(arg))
            return converterr("int", arg, msgbuf, bufsize);
        *p = PyLong_AsUnsignedLongMask(arg);
        break;
    }
    case 'L': {
        long long *p = va_arg(*p_va, long long *);
        long long ival = PyLong_AsLongLong(arg);
        if (ival == -1 && PyErr_Occurred())
            return "(error)";
        *p = ival;
        break;
    }
    case 'K': {
        unsigned long long *p = va_arg(*p_va, unsigned long long *);
        if (!PyLong_Check(arg))
            return converterr("int", arg, msgbuf, bufsize);
        *p = PyLong_AsUnsignedLongLongMask(arg);
        break;
    }
    case 'f': {
        float *p = va_arg(*p_va, float *);
        double dval = PyFloat_AsDouble(arg);
        if (dval == -1.0 && PyErr_Occurred())
            return "(error)";
        *p = (float)dval;
        break;
    }
    case 'd': {
        double *p = va_arg(*p_va, double *);
        double dval = PyFloat_AsDouble(arg);
        if (dval == -1.0 && PyErr_Occurred())
            return "(error)";
        *p = dval;
        break;
    }
    case 'D': {
        Py_complex *p = va_arg(*p_va, Py_complex *);
        Py_complex cval = PyComplex_AsCComplex(arg);
        if (PyErr_Occurred())
            return "(error)";
        *p = cval;
        break;
    }
    case 'c': {
        char *p = va_arg(*p_va, char *);
        if (PyBytes_Check(arg) && PyBytes_Size(arg) == 1)
            *p = PyBytes_AsString(arg)[0];
        else if (PyByteArray_Check(arg) && PyByteArray_Size(arg) == 1)
            *p = PyByteArray_AsString(arg)[0];
        else
            return converterr("a byte string of length 1", arg, msgbuf, bufsize);
        break;
    }
    case 'C': {
        int *p = va_arg(*p_va, int *);
        if (!PyUnicode_Check(arg))
            return converterr("a unicode character", arg, msgbuf, bufsize);
        if (PyUnicode_GetLength(arg) != 1)
            return converterr("a unicode character", arg, msgbuf, bufsize);
        *p = (int)PyUnicode_ReadChar(arg, 0);
        break;
    }
    case 'p': {
        int *p = va_arg(*p_va, int *);
        int val = PyObject_IsTrue(arg);
        if (val < 0)
            return "(error)";
        *p = val;
        break;
    }
    case 'y': case 's': case 'z': {
        /* s: str -> utf-8; y: bytes; z: str or None; with '#' (ptr,len) or '*' (buffer) */
        int allow_none = (c == 'z');
        int want_str = (c != 'y');
        if (*format == '*') {
            Py_buffer *p = va_arg(*p_va, Py_buffer *);
            format++;
            if (allow_none && arg == Py_None) {
                PyBuffer_FillInfo(p, NULL, NULL, 0, 1, 0);
            } else if (want_str && PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL)
                    return converterr(CONV_UNICODE, arg, msgbuf, bufsize);
                PyBuffer_FillInfo(p, arg, (void *)sarg, len, 1, 0);
            } else {
                const char *buf;
                if (getbuffer(arg, p, &buf, 0) < 0)
                    return converterr(c == 'y' ? "bytes-like object" :
                                      allow_none ? "str, bytes-like object or None" :
                                      "str or bytes-like object", arg, msgbuf, bufsize);
            }
            if (fl->n < MAX_BUFFERS)
                fl->bufs[fl->n++] = p;
        } else if (*format == '#') {
            const void **p = (const void **)va_arg(*p_va, const char **);
            Py_ssize_t *psize = va_arg(*p_va, Py_ssize_t *);
            format++;
            if (allow_none && arg == Py_None) {
                *p = NULL;
                *psize = 0;
            } else if (want_str && PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL)
                    return converterr(CONV_UNICODE, arg, msgbuf, bufsize);
                *p = sarg;
                *psize = len;
            } else {
                const char *buf;
                Py_ssize_t count = convertbuffer(arg, p, &buf);
                if (count < 0) {
                    PyErr_Clear();
                    return converterr(c == 'y' ? "read-only bytes-like object" :
                                      allow_none ? "str, bytes-like object or None" :
                                      "str or bytes-like object", arg, msgbuf, bufsize);
                }
                *psize = count;
            }
        } else {
            const char **p = va_arg(*p_va, const char **);
            Py_ssize_t len;
            if (allow_none && arg == Py_None) {
                *p = NULL;
            } else if (c == 'y') {
                if (!PyBytes_Check(arg))
                    return converterr("bytes", arg, msgbuf, bufsize);
                *p = PyBytes_AsString(arg);
                if (strlen(*p) != (size_t)PyBytes_Size(arg)) {
                    PyErr_SetString(PyExc_ValueError, "embedded null byte");
                    return "(error)";
                }
            } else if (PyUnicode_Check(arg)) {
                const char *sarg = PyUnicode_AsUTF8AndSize(arg, &len);
                if (sarg == NULL)
                    return converterr(CONV_UNICODE, arg, msgbuf, bufsize);
                if (strlen(sarg) != (size_t)len) {
                    PyErr_SetString(PyExc_ValueError, "embedded null character");
                    return "(error)";
                }
                *p = sarg;
            } else {
                return converterr(allow_none ? "str or None" : "str", arg, msgbuf, bufsize);
            }
        }
        break;
    }
    case 'S': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyBytes_Check(arg))
            return converterr("bytes", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'Y': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyByteArray_Check(arg))
            return converterr("bytearray", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'U': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyUnicode_Check(arg))
            return converterr("str", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'O': {
        if (*format == '!') {
            PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
            PyObject **p = va_arg(*p_va, PyObject **);
            format++;
            if (!PyObject_TypeCheck(arg, type))
                return converterr(type->tp_name, arg, msgbuf, bufsize);
            *p = arg;
        } else if (*format == '&') {
            typedef int (*converter)(PyObject *, void *);
            converter convert = va_arg(*p_va, converter);
            void *addr = va_arg(*p_va, void *);
            format++;
            if (!convert(arg, addr))
                return "(unspecified)";
        } else {
            PyObject **p = va_arg(*p_va, PyObject **);
            *p = arg;
        }
        break;
    }
    case 'w': {
        Py_buffer *p = va_arg(*p_va, Py_buffer *);
        const char *buf;
        if (*format != '*')
            return "(invalid use of 'w' format character)";
        format++;
        if (getbuffer(arg, p, &buf, 1) < 0) {
            PyErr_Clear();
            return converterr(buf, arg, msgbuf, bufsize);
        }
        if (fl->n < MAX_BUFFERS)
            fl->bufs[fl->n++] = p;
        break;
    }
    default:
        return converterr("(impossible<bad format char>)", arg, msgbuf, bufsize);
    }
    *p_format = format;
    return NULL;
}

static const char *convertitem(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                               int *levels, char *msgbuf, size_t bufsize, freelist_t *fl)
{
    const char *format = *p_format;
    const char *msg;
    if (*format == '(') {
        format++;
        msg = converttuple(arg, &format, p_va, flags, levels, msgbuf, bufsize, fl);
        if (msg == NULL)
            format++;
    } else {
        msg = convertsimple(arg, &format, p_va, flags, msgbuf, bufsize, fl);
        if (msg != NULL)
            levels[0] = 0;
    }
    if (msg == NULL)
        *p_format = format;
    return msg;
}

static const char *converttuple(PyObject *arg, const char **p_format, va_list *p_va, int flags,
                                int *levels, char *msgbuf, size_t bufsize, freelist_t *fl)
{
    int level = 0, n = 0;
    const char *format = *p_format;
    for (;;) {
        int c = *format++;
        if (c == '(') {
            if (level == 0)
                n++;
            level++;
        } else if (c == ')') {
            if (level == 0)
                break;
            level--;
        } else if (c == ':' || c == ';' || c == '\0') {
            break;
        } else if (level == 0 && Py_ISALPHA(c) && c != 'e') {
            n++;
        }
    }
    if (!PySequence_Check(arg) || PyBytes_Check(arg) || PyUnicode_Check(arg)) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be %d-item sequence, not %.50s", n,
                 arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
        return msgbuf;
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len != n) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be sequence of length %d, not %zd", n, len);
        return msgbuf;
    }
    format = *p_format;
    for (int i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            PyErr_Clear();
            levels[0] = i + 1;
            levels[1] = 0;
            return "is not retrievable";
        }
        const char *msg = convertitem(item, &format, p_va, flags, levels + 1, msgbuf, bufsize, fl);
        Py_DECREF(item);   /* items of a tuple/list stay alive through the container */
        if (msg != NULL) {
            levels[0] = i + 1;
            return msg;
        }
    }
    *p_format = format;
    return NULL;
}

/* Skip one format item (an omitted optional argument), consuming its va_args. */
static const char *skipitem(const char **p_format, va_list *p_va)
{
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'k':
    case 'L': case 'K': case 'n': case 'f': case 'd': case 'D': case 'c': case 'C':
    case 'p': case 'S': case 'Y': case 'U':
        (void)va_arg(*p_va, void *);
        break;
    case 's': case 'z': case 'y': case 'w':
        (void)va_arg(*p_va, void *);
        if (*format == '#') {
            (void)va_arg(*p_va, Py_ssize_t *);
            format++;
        } else if (*format == '*') {
            format++;
        }
        break;
    case 'O':
        if (*format == '!' || *format == '&') {
            format++;
            (void)va_arg(*p_va, void *);
        }
        (void)va_arg(*p_va, void *);
        break;
    case '(':
        while (*format != ')') {
            if (*format == '\0' || strchr(";:|$", *format))
                return "(unmatched parentheses)";
            const char *msg = skipitem(&format, p_va);
            if (msg)
                return msg;
        }
        format++;
        break;
    default:
        return "(impossible<bad format char>)";
    }
    *p_format = format;
    return NULL;
}

/* ---- positional-only parsing: PyArg_ParseTuple and friends ---- */

#define FLAG_COMPAT 1

static int vgetargs1_impl(PyObject *compat_args, PyObject *const *stack, Py_ssize_t nargs,
                          const char *format, va_list *p_va, int flags)
{
    char msgbuf[256];
    int levels[MAX_LEVELS];
    const char *fname = NULL, *message = NULL;
    int min = -1, max = 0, level = 0, endfmt = 0;
    const char *formatsave = format;
    freelist_t fl = { {0}, 0 };

    while (endfmt == 0) {
        int c = *format++;
        switch (c) {
        case '(':
            if (level == 0)
                max++;
            level++;
            if (level >= 30)
                Py_FatalError("too many tuple nesting levels in argument format string");
            break;
        case ')':
            if (level == 0)
                Py_FatalError("excess ')' in getargs format");
            level--;
            break;
        case '\0':
            endfmt = 1;
            break;
        case ':':
            fname = format;
            endfmt = 1;
            break;
        case ';':
            message = format;
            endfmt = 1;
            break;
        case '|':
            if (level == 0)
                min = max;
            break;
        default:
            if (level == 0 && Py_ISALPHA(c) && c != 'e')
                max++;
            break;
        }
    }
    if (min < 0)
        min = max;
    format = formatsave;

    if (flags & FLAG_COMPAT) {
        if (max == 0) {
            if (compat_args == NULL)
                return 1;
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments",
                         fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
            return 0;
        }
        if (min == 1 && max == 1) {
            if (compat_args == NULL) {
                PyErr_Format(PyExc_TypeError, "%.200s%s takes at least one argument",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
                return 0;
            }
            const char *msg = convertitem(compat_args, &format, p_va, flags, levels, msgbuf,
                                          sizeof(msgbuf), &fl);
            if (msg == NULL)
                return 1;
            seterror(0, msg, levels, fname, message);
            freelist_release(&fl);
            return 0;
        }
        PyErr_SetString(PyExc_SystemError, "old style getargs format uses new features");
        return 0;
    }

    if (nargs < min || max < nargs) {
        if (message == NULL)
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                         fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                         min == max ? "exactly" : nargs < min ? "at least" : "at most",
                         nargs < min ? min : max, (nargs < min ? min : max) == 1 ? "" : "s",
                         nargs);
        else
            PyErr_SetString(PyExc_TypeError, message);
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (*format == '|')
            format++;
        const char *msg = convertitem(stack[i], &format, p_va, flags, levels, msgbuf,
                                      sizeof(msgbuf), &fl);
        if (msg) {
            seterror(i + 1, msg, levels, fname, message);
            freelist_release(&fl);
            return 0;
        }
    }
    if (*format != '\0' && !Py_ISALPHA(*format) && *format != '(' && *format != '|' &&
        *format != ':' && *format != ';') {
        PyErr_Format(PyExc_SystemError, "bad format string: %.200s", formatsave);
        freelist_release(&fl);
        return 0;
    }
    return 1;
}

static int vgetargs1(PyObject *args, const char *format, va_list *p_va, int flags)
{
    if (flags & FLAG_COMPAT)
        return vgetargs1_impl(args, NULL, 0, format, p_va, flags);
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    return vgetargs1_impl(NULL, &PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), format,
                          p_va, flags);
}

int PyArg_Parse(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, FLAG_COMPAT);
    va_end(va);
    return r;
}

int PyArg_ParseTuple(PyObject *args, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, 0);
    va_end(va);
    return r;
}

int PyArg_VaParse(PyObject *args, const char *format, va_list va)
{
    va_list lva;
    va_copy(lva, va);
    int r = vgetargs1(args, format, &lva, 0);
    va_end(lva);
    return r;
}

int _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int r = vgetargs1_impl(NULL, args, nargs, format, &va, 0);
    va_end(va);
    return r;
}

/* ---- keyword parsing ---- */

/* The value passed for keyword `key` (borrowed), from a dict or a kwnames vector. */
static PyObject *find_keyword(PyObject *kwargs, PyObject *kwnames, PyObject *const *kwstack,
                              const char *key)
{
    if (kwargs != NULL)
        return PyDict_GetItemString(kwargs, key);
    Py_ssize_t n = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *name = PyTuple_GET_ITEM(kwnames, i);
        if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, key) == 0)
            return kwstack[i];
    }
    return NULL;
}

static Py_ssize_t kw_count(PyObject *kwargs, PyObject *kwnames)
{
    if (kwargs != NULL)
        return PyDict_GET_SIZE(kwargs);
    return kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
}

/* The first keyword passed that is not a parameter name (for the error message). */
static int error_unexpected_keyword(PyObject *kwargs, PyObject *kwnames, const char *const *kwlist,
                                    int posonly, const char *fname, const char *custom_msg)
{
    Py_ssize_t n = kw_count(kwargs, kwnames), pos = 0;
    PyObject *keys = kwargs ? PyDict_Keys(kwargs) : Py_NewRef(kwnames);
    if (keys == NULL)
        return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *key = PySequence_Fast_GET_ITEM(keys, i);
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            Py_DECREF(keys);
            return 0;
        }
        int match = 0;
        for (int k = posonly; kwlist[k] != NULL; k++) {
            if (PyUnicode_CompareWithASCIIString(key, kwlist[k]) == 0) {
                match = 1;
                break;
            }
        }
        if (!match) {
            PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %.200s%s",
                         key, fname == NULL ? "this function" : fname,
                         fname == NULL ? "" : "()");
            Py_DECREF(keys);
            return 0;
        }
    }
    (void)pos;
    (void)custom_msg;
    Py_DECREF(keys);
    return 1;
}

/* The core of every keyword-aware parser: positional values in args[0..nargs), keyword
 * values from kwargs (a dict) or kwnames/kwstack (vectorcall); kwlist names parameters. */
static int vgetargskeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs,
                            PyObject *kwnames, const char *format, const char *const *kwlist,
                            va_list *p_va)
{
    char msgbuf[512];
    int levels[MAX_LEVELS];
    const char *fname, *msg, *custommsg = NULL;
    int min = INT_MAX, max = INT_MAX, pos = 0, skip = 0, missing_positional = 0, len, i;
    Py_ssize_t nkwargs = kw_count(kwargs, kwnames);
    PyObject *const *kwstack = args + nargs;
    freelist_t fl = { {0}, 0 };

    fname = strchr(format, ':');
    if (fname) {
        fname++;
        custommsg = NULL;
    } else {
        custommsg = strchr(format, ';');
        if (custommsg)
            custommsg++;
    }
    /* fname ends at the end of the format string */
    for (len = 0; kwlist[len]; len++) {
        if (!*kwlist[len]) {
            if (len > pos) {
                PyErr_SetString(PyExc_SystemError, "Empty parameter name after $");
                return 0;
            }
            pos = len + 1;
        }
    }
    if (nargs + nkwargs > len) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()", len,
                     nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", nargs + nkwargs);
        return 0;
    }

    for (i = 0; i < len; i++) {
        if (*format == '|') {
            if (min != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string (| specified twice)");
                return 0;
            }
            min = i;
            format++;
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ before |)");
                return 0;
            }
        }
        if (*format == '$') {
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ specified twice)");
                return 0;
            }
            max = i;
            format++;
            if (max < pos) {
                PyErr_SetString(PyExc_SystemError, "Empty parameter name after $");
                return 0;
            }
            if (skip)
                break;   /* all further parameters are keyword-only and were not passed */
            if (max < nargs) {
                if (max == 0)
                    PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments",
                                 fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
                else
                    PyErr_Format(PyExc_TypeError,
                                 "%.200s%s takes %s %d positional argument%s (%zd given)",
                                 fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                                 min != INT_MAX ? "at most" : "exactly", max,
                                 max == 1 ? "" : "s", nargs);
                return 0;
            }
        }
        if (*format == '\0' || *format == ':' || *format == ';') {
            PyErr_Format(PyExc_SystemError,
                         "More keyword list entries (%d) than format specifiers (%d)", len, i);
            return 0;
        }
        PyObject *current_arg = NULL;
        if (!skip) {
            if (i < nargs) {
                current_arg = args[i];
            } else if (nkwargs && i >= pos) {
                current_arg = find_keyword(kwargs, kwnames, kwstack, kwlist[i]);
                if (current_arg)
                    --nkwargs;
                else if (PyErr_Occurred())
                    return 0;
            }
            if (current_arg) {
                msg = convertitem(current_arg, &format, p_va, 0, levels, msgbuf,
                                  sizeof(msgbuf), &fl);
                if (msg) {
                    seterror(i + 1, msg, levels, fname, custommsg);
                    freelist_release(&fl);
                    return 0;
                }
                continue;
            }
            if (i < min) {
                if (i < pos) {
                    /* The bounds on positional arguments are only known at '|' and
                     * '$' (or the end): skip to there, the error is raised after. */
                    missing_positional = 1;
                    skip = 1;
                    goto next_item;
                } else {
                    PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                                 fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                                 kwlist[i], i + 1);
                }
                freelist_release(&fl);
                return 0;
            }
            /* no more positional or keyword arguments: skip the rest */
            if (!nkwargs && !skip)
                skip = 1;
        }
    next_item:
        msg = skipitem(&format, p_va);
        if (msg) {
            PyErr_Format(PyExc_SystemError, "%s: '%s'", msg, format);
            freelist_release(&fl);
            return 0;
        }
    }
    if (missing_positional) {
        int need = Py_MIN(pos, min);
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                     need < i ? "at least" : "exactly", need, need == 1 ? "" : "s", nargs);
        freelist_release(&fl);
        return 0;
    }
    if (skip) {
        /* remaining format items exist only as va_args the caller left unset */
    } else if (!(*format == '\0' || *format == ':' || *format == ';' || *format == '|' ||
                 *format == '$')) {
        PyErr_Format(PyExc_SystemError,
                     "more argument specifiers than keyword list entries (remaining format:'%s')",
                     format);
        freelist_release(&fl);
        return 0;
    }

    if (nkwargs > 0) {
        /* a keyword matched nothing, or named a parameter already given by position */
        for (i = pos; i < nargs && i < len; i++) {
            PyObject *value = find_keyword(kwargs, kwnames, kwstack, kwlist[i]);
            if (value) {
                PyErr_Format(PyExc_TypeError,
                             "argument for %.200s%s given by name ('%s') and position (%d)",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                             kwlist[i], i + 1);
                freelist_release(&fl);
                return 0;
            }
        }
        error_unexpected_keyword(kwargs, kwnames, kwlist, pos, fname, custommsg);
        freelist_release(&fl);
        return 0;
    }
    return 1;
}

static int check_keywords_tuple(PyObject *args, PyObject *kwargs, const char *format, char **kwlist)
{
    if ((args == NULL || !PyTuple_Check(args)) || (kwargs != NULL && !PyDict_Check(kwargs)) ||
        format == NULL || kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    return 1;
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format,
                                char **kwlist, ...)
{
    if (!check_keywords_tuple(args, kwargs, format, kwlist))
        return 0;
    va_list va;
    va_start(va, kwlist);
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) == 0)
        kwargs = NULL;
    int r = vgetargskeywords(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), kwargs, NULL,
                             format, (const char *const *)kwlist, &va);
    va_end(va);
    return r;
}

int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format,
                                  char **kwlist, va_list va)
{
    if (!check_keywords_tuple(args, kwargs, format, kwlist))
        return 0;
    va_list lva;
    va_copy(lva, va);
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) == 0)
        kwargs = NULL;
    int r = vgetargskeywords(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), kwargs, NULL,
                             format, (const char *const *)kwlist, &lva);
    va_end(lva);
    return r;
}

/* Builds a format for a _PyArg_Parser that only has keywords ("O" per parameter). */
static const char *parser_format(_PyArg_Parser *parser)
{
    return parser->format;
}

int _PyArg_ParseTupleAndKeywordsFast(PyObject *args, PyObject *kwargs, _PyArg_Parser *parser, ...)
{
    va_list va;
    va_start(va, parser);
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) == 0)
        kwargs = NULL;
    int r = vgetargskeywords(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), kwargs, NULL,
                             parser_format(parser), parser->keywords, &va);
    va_end(va);
    return r;
}

int _PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                 _PyArg_Parser *parser, ...)
{
    va_list va;
    va_start(va, parser);
    if (kwnames != NULL && PyTuple_GET_SIZE(kwnames) == 0)
        kwnames = NULL;
    int r = vgetargskeywords(args, nargs, NULL, kwnames, parser_format(parser), parser->keywords, &va);
    va_end(va);
    return r;
}

int PyArg_ValidateKeywordArguments(PyObject *kwargs)
{
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(kwargs, &pos, &key, &value)) {
        if (!PyUnicode_Check(key)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

/* ---- the fast-call keyword unpacker ---- */

static void parser_init(_PyArg_Parser *parser)
{
    if (parser->initialized)
        return;
    int pos = 0, len = 0;
    for (; parser->keywords[len]; len++)
        if (!*parser->keywords[len])
            pos = len + 1;
    parser->pos = pos;
    if (parser->fname == NULL && parser->format != NULL) {
        const char *colon = strchr(parser->format, ':');
        if (colon)
            parser->fname = colon + 1;
        else {
            const char *semi = strchr(parser->format, ';');
            if (semi)
                parser->custom_msg = semi + 1;
        }
    }
    parser->initialized = 1;
}

#undef _PyArg_UnpackKeywords
PyObject *const *_PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs,
                                       PyObject *kwargs, PyObject *kwnames,
                                       _PyArg_Parser *parser, int minpos, int maxpos,
                                       int minkw, PyObject **buf)
{
    parser_init(parser);
    const char *fname = parser->fname;
    const char *const *kwlist = parser->keywords;
    int posonly = parser->pos, maxargs = 0, reqlimit;
    Py_ssize_t nkwargs;
    PyObject *const *kwstack = NULL;

    for (; kwlist[maxargs]; maxargs++)
        ;
    if (kwargs != NULL && !PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (kwnames != NULL) {
        nkwargs = PyTuple_GET_SIZE(kwnames);
        kwstack = args + nargs;
    } else {
        nkwargs = kwargs ? PyDict_GET_SIZE(kwargs) : 0;
    }
    if (nkwargs == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos)
        return args;   /* fast path */
    if (nargs + nkwargs > maxargs) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()", maxargs,
                     nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkwargs);
        return NULL;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments",
                         fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
        else
            PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                         fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                         minpos < maxpos ? "at most" : "exactly", maxpos,
                         maxpos == 1 ? "" : "s", nargs);
        return NULL;
    }
    if (nargs < minpos && nargs < posonly) {
        int need = Py_MIN(posonly, minpos);
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                     need < maxpos ? "at least" : "exactly", need, need == 1 ? "" : "s", nargs);
        return NULL;
    }
    /* copy the positional arguments, then look the rest up by name */
    for (Py_ssize_t i = 0; i < nargs; i++)
        buf[i] = args[i];
    reqlimit = minkw ? maxpos + minkw : minpos;
    for (int i = (int)nargs; i < maxargs; i++) {
        PyObject *current_arg = NULL;
        if (nkwargs && i >= posonly) {
            current_arg = find_keyword(kwnames ? NULL : kwargs, kwnames, kwstack, kwlist[i]);
            if (current_arg)
                --nkwargs;
            else if (PyErr_Occurred())
                return NULL;
        }
        buf[i] = current_arg;
        if (current_arg == NULL && i < reqlimit) {
            if (i < posonly) {
                int need = Py_MIN(posonly, minpos);
                PyErr_Format(PyExc_TypeError,
                             "%.200s%s takes %s %d positional argument%s (%zd given)",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                             need < maxpos ? "at least" : "exactly", need,
                             need == 1 ? "" : "s", nargs);
            } else {
                PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                             kwlist[i], i + 1);
            }
            return NULL;
        }
    }
    if (nkwargs > 0) {
        for (int i = posonly; i < nargs; i++) {
            if (find_keyword(kwnames ? NULL : kwargs, kwnames, kwstack, kwlist[i])) {
                PyErr_Format(PyExc_TypeError,
                             "argument for %.200s%s given by name ('%s') and position (%d)",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                             kwlist[i], i + 1);
                return NULL;
            }
        }
        error_unexpected_keyword(kwnames ? NULL : kwargs, kwnames, kwlist, posonly, fname,
                                 parser->custom_msg);
        return NULL;
    }
    return buf;
}

/* ---- simple unpacking and count checks ---- */

static int unpack_stack(PyObject *const *args, Py_ssize_t nargs, const char *name,
                        Py_ssize_t min, Py_ssize_t max, va_list vargs)
{
    if (name != NULL && nargs < min) {
        PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (name == NULL && nargs < min) {
        PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                     min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs > max) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError,
                         "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject **o = va_arg(vargs, PyObject **);
        *o = args[i];
    }
    return 1;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    va_list va;
    va_start(va, max);
    int r = unpack_stack(&PyTuple_GET_ITEM(args, 0), PyTuple_GET_SIZE(args), name, min, max, va);
    va_end(va);
    return r;
}

int _PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name,
                       Py_ssize_t min, Py_ssize_t max, ...)
{
    va_list va;
    va_start(va, max);
    int r = unpack_stack(args, nargs, name, min, max, va);
    va_end(va);
    return r;
}

#undef _PyArg_CheckPositional
#undef _PyArg_NoKeywords
#undef _PyArg_NoPositional
#undef _PyArg_NoKwnames

int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max)
{
    if (nargs < min) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return 0;
    }
    if (nargs == 0)
        return 1;
    if (nargs > max) {
        if (name != NULL)
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        else
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return 0;
    }
    return 1;
}

int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs)
{
    if (kwargs == NULL)
        return 1;
    if (!PyDict_CheckExact(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int _PyArg_NoPositional(const char *funcname, PyObject *args)
{
    if (args == NULL)
        return 1;
    if (!PyTuple_CheckExact(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", funcname);
    return 0;
}

int _PyArg_NoKwnames(const char *funcname, PyObject *kwnames)
{
    if (kwnames == NULL || PyTuple_GET_SIZE(kwnames) == 0)
        return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

void _PyArg_BadArgument(const char *fname, const char *displayname, const char *expected,
                        PyObject *arg)
{
    PyErr_Format(PyExc_TypeError, "%.200s() %.200s must be %.50s, not %.50s", fname,
                 displayname, expected, arg == Py_None ? "None" : Py_TYPE(arg)->tp_name);
}

/* "O&" converter: None -> leave default, else an index. */
int _Py_convert_optional_to_ssize_t(PyObject *obj, void *result)
{
    if (obj == Py_None)
        return 1;
    if (!PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError,
                     "argument should be integer or None, not '%.200s'", Py_TYPE(obj)->tp_name);
        return 0;
    }
    Py_ssize_t limit = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
    if (limit == -1 && PyErr_Occurred())
        return 0;
    *(Py_ssize_t *)result = limit;
    return 1;
}
