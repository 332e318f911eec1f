/* fileutils.c — writing to Python file objects (PyFile_WriteObject/WriteString, used by
 * print() and tracebacks), reading lines, opening files named by str/bytes objects, and
 * small OS helpers (EINTR-safe read/write, locale decoding: always UTF-8 here). */
#include "Python.h"
#include <unistd.h>
#include <sys/stat.h>

int PyFile_WriteObject(PyObject *v, PyObject *f, int flags)
{
    if (f == NULL) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *value = (flags & Py_PRINT_RAW) ? PyObject_Str(v) : PyObject_Repr(v);
    if (value == NULL)
        return -1;
    PyObject *result = PyObject_CallMethodOneArg(f, _Py_ID(write), value);
    Py_DECREF(value);
    if (result == NULL)
        return -1;
    Py_DECREF(result);
    return 0;
}

int PyFile_WriteString(const char *s, PyObject *f)
{
    if (f == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        return -1;
    }
    if (PyErr_Occurred())
        return -1;
    PyObject *v = PyUnicode_FromString(s);
    if (v == NULL)
        return -1;
    int err = PyFile_WriteObject(v, f, Py_PRINT_RAW);
    Py_DECREF(v);
    return err;
}

/* f.readline() (n <= 0) or f.readline(n); strips nothing for n != 0, and for n < 0
 * raises EOFError at end of file and removes the trailing newline (input()'s rules). */
PyObject *PyFile_GetLine(PyObject *f, int n)
{
    if (f == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *result = n <= 0 ? PyObject_CallMethod(f, "readline", NULL)
                              : PyObject_CallMethod(f, "readline", "i", n);
    if (result != NULL && !PyBytes_Check(result) && !PyUnicode_Check(result)) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    if (n < 0 && result != NULL && PyUnicode_Check(result)) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(result);
        if (len == 0) {
            Py_DECREF(result);
            PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
            return NULL;
        }
        if (PyUnicode_READ_CHAR(result, len - 1) == '\n') {
            PyObject *v = PyUnicode_Substring(result, 0, len - 1);
            Py_DECREF(result);
            result = v;
        }
    } else if (n < 0 && result != NULL && PyBytes_Check(result)) {
        Py_ssize_t len = PyBytes_GET_SIZE(result);
        if (len == 0) {
            Py_DECREF(result);
            PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
            return NULL;
        }
        if (PyBytes_AS_STRING(result)[len - 1] == '\n') {
            PyObject *v = PyBytes_FromStringAndSize(PyBytes_AS_STRING(result), len - 1);
            Py_DECREF(result);
            result = v;
        }
    }
    return result;
}

/* Until _io exists, only text streams on a descriptor can be made. */
PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering,
                        const char *encoding, const char *errors, const char *newline,
                        int closefd)
{
    return _PyStdStream_New(fd, name ? name : "", mode, errors ? errors : "strict",
                            buffering == 1, buffering == 0);
}

int PyObject_AsFileDescriptor(PyObject *o)
{
    int fd;
    if (PyLong_Check(o)) {
        fd = _PyLong_AsInt(o);
    } else {
        PyObject *meth;
        if (_PyObject_LookupAttr(o, _Py_ID(fileno), &meth) < 0)
            return -1;
        if (meth == NULL) {
            PyErr_SetString(PyExc_TypeError,
                            "argument must be an int, or have a fileno() method.");
            return -1;
        }
        PyObject *fno = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (fno == NULL)
            return -1;
        if (!PyLong_Check(fno)) {
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            Py_DECREF(fno);
            return -1;
        }
        fd = _PyLong_AsInt(fno);
        Py_DECREF(fno);
    }
    if (fd == -1 && PyErr_Occurred())
        return -1;
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError, "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}

/* fopen() with a str/bytes path; OSError (with the filename) on failure. */
FILE *_Py_fopen_obj(PyObject *path, const char *mode)
{
    PyObject *bytes;
    if (PySys_Audit("open", "Osi", path, mode, 0) < 0)
        return NULL;
    if (PyUnicode_Check(path)) {
        bytes = PyUnicode_EncodeFSDefault(path);
        if (bytes == NULL)
            return NULL;
    } else if (PyBytes_Check(path)) {
        bytes = Py_NewRef(path);
    } else {
        PyErr_Format(PyExc_TypeError, "expected str or bytes path, not %.200s",
                     Py_TYPE(path)->tp_name);
        return NULL;
    }
    FILE *f;
    do {
        errno = 0;
        f = fopen(PyBytes_AS_STRING(bytes), mode);
    } while (f == NULL && errno == EINTR && PyErr_CheckSignals() == 0);
    Py_DECREF(bytes);
    if (f == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, path, NULL);
        return NULL;
    }
    return f;
}

/* fgets() that turns \r and \r\n into \n. */
char *Py_UniversalNewlineFgets(char *buf, int n, FILE *stream, PyObject *fobj)
{
    char *p = buf;
    int c, skipnextlf = 0;
    if (fobj) {
        errno = ENXIO;
        return NULL;
    }
    while (--n > 0 && (c = getc(stream)) != EOF) {
        if (skipnextlf) {
            skipnextlf = 0;
            if (c == '\n') {
                c = getc(stream);
                if (c == EOF)
                    break;
            }
        }
        if (c == '\r') {
            skipnextlf = 1;
            c = '\n';
        }
        *p++ = (char)c;
        if (c == '\n')
            break;
    }
    if (skipnextlf) {
        c = getc(stream);
        if (c != '\n' && c != EOF)
            ungetc(c, stream);
    }
    *p = '\0';
    return p == buf ? NULL : buf;
}

/* UTF-8 with surrogateescape: undecodable bytes become U+DC80..U+DCFF. */
wchar_t *Py_DecodeLocale(const char *arg, size_t *size)
{
    size_t n = strlen(arg);
    wchar_t *res = PyMem_Malloc((n + 1) * sizeof(wchar_t)), *out = res;
    if (res == NULL) {
        if (size)
            *size = (size_t)-1;
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)arg;
    while (*s) {
        unsigned c = *s;
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        wchar_t ch = 0;
        int ok = len > 0;
        for (int i = 1; ok && i < len; i++)
            ok = (s[i] & 0xc0) == 0x80;
        if (ok) {
            ch = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
            for (int i = 1; i < len; i++)
                ch = (ch << 6) | (s[i] & 0x3f);
            if ((len == 3 && ch >= 0xd800 && ch <= 0xdfff) || ch > 0x10ffff)
                ok = 0;
        }
        if (!ok) {
            *out++ = 0xdc00 + c;
            s++;
        } else {
            *out++ = ch;
            s += len;
        }
    }
    *out = 0;
    if (size)
        *size = (size_t)(out - res);
    return res;
}

char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos)
{
    size_t n = wcslen(text);
    char *res = PyMem_Malloc(n * 4 + 1), *out = res;
    if (res == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned ch = (unsigned)text[i];
        if (ch >= 0xdc80 && ch <= 0xdcff) {
            *out++ = (char)(ch - 0xdc00);
        } else if (ch < 0x80) {
            *out++ = (char)ch;
        } else if (ch < 0x800) {
            *out++ = (char)(0xc0 | (ch >> 6));
            *out++ = (char)(0x80 | (ch & 0x3f));
        } else if (ch < 0x10000) {
            *out++ = (char)(0xe0 | (ch >> 12));
            *out++ = (char)(0x80 | ((ch >> 6) & 0x3f));
            *out++ = (char)(0x80 | (ch & 0x3f));
        } else {
            *out++ = (char)(0xf0 | (ch >> 18));
            *out++ = (char)(0x80 | ((ch >> 12) & 0x3f));
            *out++ = (char)(0x80 | ((ch >> 6) & 0x3f));
            *out++ = (char)(0x80 | (ch & 0x3f));
        }
    }
    *out = '\0';
    if (error_pos)
        *error_pos = (size_t)-1;
    return res;
}

int _Py_isatty(int fd) { return isatty(fd); }

Py_ssize_t _Py_write_noraise(int fd, const void *buf, size_t count)
{
    ssize_t n;
    do {
        n = write(fd, buf, count);
    } while (n < 0 && errno == EINTR);
    return n;
}

Py_ssize_t _Py_read(int fd, void *buf, size_t count)
{
    ssize_t n;
    for (;;) {
        n = read(fd, buf, count);
        if (n >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0)
            return -1;
    }
    if (n < 0)
        PyErr_SetFromErrno(PyExc_OSError);
    return n;
}

Py_ssize_t _Py_write(int fd, const void *buf, size_t count)
{
    ssize_t n;
    for (;;) {
        n = write(fd, buf, count);
        if (n >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0)
            return -1;
    }
    if (n < 0)
        PyErr_SetFromErrno(PyExc_OSError);
    return n;
}

int _Py_fstat_noraise(int fd, void *statbuf) { return fstat(fd, (struct stat *)statbuf); }

/* Absolute path without resolving symlinks, as os.path.abspath on POSIX. */
char *_Py_abspath(const char *path)
{
    if (path[0] == '/')
        return strdup(path);
    char cwd[4096];
    if (getcwd(cwd, sizeof(cwd)) == NULL)
        return strdup(path);
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *res = malloc(n);
    if (res == NULL)
        return NULL;
    snprintf(res, n, "%s/%s", cwd, path);
    /* normalise "./" and "x/../" the way os.path.normpath does */
    char *seg = res;
    char *parts[512];
    int np = 0;
    char *tok = strtok(seg, "/");
    while (tok) {
        if (strcmp(tok, ".") == 0 || tok[0] == '\0') {
        } else if (strcmp(tok, "..") == 0) {
            if (np > 0)
                np--;
        } else if (np < 512) {
            parts[np++] = tok;
        }
        tok = strtok(NULL, "/");
    }
    char *norm = malloc(n + 1), *w = norm;
    if (norm == NULL)
        return res;
    if (np == 0)
        *w++ = '/';
    for (int i = 0; i < np; i++) {
        *w++ = '/';
        size_t l = strlen(parts[i]);
        memcpy(w, parts[i], l);
        w += l;
    }
    *w = '\0';
    free(res);
    return norm;
}
