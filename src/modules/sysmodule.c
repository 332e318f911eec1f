/* sysmodule.c — the sys module: interpreter state exposed to Python (argv, path,
 * modules, flags, version info, hooks, recursion limit...), plus the standard-stream
 * type behind sys.stdin/stdout/stderr until _io.TextIOWrapper replaces it (print() only
 * ever calls .write/.flush, so the swap needs no change elsewhere). */
#include "Python.h"
#include "builtin_docs.h"
#include <unistd.h>
#include <sys/stat.h>
#include <errno.h>
#include <float.h>
#include <dlfcn.h>

/* ===================== standard streams ===================== */

typedef struct {
    PyObject_HEAD
    int fd;
    PyObject *name;          /* '<stdout>' */
    const char *mode;        /* "r" or "w" */
    const char *errors;      /* "strict", "surrogateescape", "backslashreplace" */
    int line_buffering, write_through, closed;
    char *wbuf;              /* pending output */
    size_t wlen, wcap;
    char *rbuf;              /* input read ahead */
    size_t rpos, rlen, rcap;
    int eof;
} stdstream;

#define STREAM_BUFSIZE 8192

static int stream_flush_raw(stdstream *s)
{
    size_t off = 0;
    while (off < s->wlen) {
        ssize_t n = write(s->fd, s->wbuf + off, s->wlen - off);
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0)
                    return -1;
                continue;
            }
            /* drop what cannot be written, as a failed BufferedWriter flush does */
            memmove(s->wbuf, s->wbuf + off, s->wlen - off);
            s->wlen -= off;
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        off += (size_t)n;
    }
    s->wlen = 0;
    return 0;
}

static int stream_append(stdstream *s, const char *data, size_t len)
{
    if (s->wlen + len > s->wcap) {
        size_t cap = s->wcap ? s->wcap : STREAM_BUFSIZE;
        while (cap < s->wlen + len)
            cap *= 2;
        char *nb = PyMem_Realloc(s->wbuf, cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        s->wbuf = nb;
        s->wcap = cap;
    }
    memcpy(s->wbuf + s->wlen, data, len);
    s->wlen += len;
    return 0;
}

/* Encodes str to UTF-8 applying the stream's error handler to lone surrogates. */
static char *encode_utf8(PyObject *text, const char *errors, size_t *out_len)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    size_t cap = (size_t)n * 4 + 1, len = 0;
    if (kind == PyUnicode_1BYTE_KIND)
        cap = (size_t)n * 2 + 1;
    char *buf = PyMem_Malloc(strcmp(errors, "backslashreplace") == 0 ? (size_t)n * 10 + 1 : cap);
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (ch < 0x80) {
            buf[len++] = (char)ch;
        } else if (ch < 0x800) {
            buf[len++] = (char)(0xc0 | (ch >> 6));
            buf[len++] = (char)(0x80 | (ch & 0x3f));
        } else if (ch >= 0xd800 && ch <= 0xdfff) {
            if (strcmp(errors, "surrogateescape") == 0 && ch >= 0xdc80 && ch <= 0xdcff) {
                buf[len++] = (char)(ch - 0xdc00);
            } else if (strcmp(errors, "backslashreplace") == 0) {
                len += (size_t)sprintf(buf + len, "\\u%04x", (unsigned)ch);
            } else {
                PyMem_Free(buf);
                PyObject *exc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns",
                                                      "utf-8", text, i, i + 1,
                                                      "surrogates not allowed");
                if (exc != NULL) {
                    PyErr_SetObject(PyExc_UnicodeEncodeError, exc);
                    Py_DECREF(exc);
                }
                return NULL;
            }
        } else if (ch < 0x10000) {
            buf[len++] = (char)(0xe0 | (ch >> 12));
            buf[len++] = (char)(0x80 | ((ch >> 6) & 0x3f));
            buf[len++] = (char)(0x80 | (ch & 0x3f));
        } else {
            buf[len++] = (char)(0xf0 | (ch >> 18));
            buf[len++] = (char)(0x80 | ((ch >> 12) & 0x3f));
            buf[len++] = (char)(0x80 | ((ch >> 6) & 0x3f));
            buf[len++] = (char)(0x80 | (ch & 0x3f));
        }
    }
    *out_len = len;
    return buf;
}

static int check_closed(stdstream *s)
{
    if (s->closed) {
        PyErr_SetString(PyExc_ValueError, "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static PyObject *stream_write(stdstream *s, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "write() argument must be str, not %.100s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (check_closed(s) < 0)
        return NULL;
    if (s->mode[0] != 'w') {
        PyErr_SetString(PyExc_OSError, "not writable");   /* io.UnsupportedOperation */
        return NULL;
    }
    size_t len;
    char *bytes = encode_utf8(text, s->errors, &len);
    if (bytes == NULL)
        return NULL;
    int r = stream_append(s, bytes, len);
    PyMem_Free(bytes);
    if (r < 0)
        return NULL;
    int haslf = memchr(s->wbuf + s->wlen - len, '\n', len) != NULL;
    if (s->write_through || (s->line_buffering && haslf) || s->wlen >= STREAM_BUFSIZE) {
        if (stream_flush_raw(s) < 0)
            return NULL;
    }
    return PyLong_FromSsize_t(PyUnicode_GET_LENGTH(text));
}

static PyObject *stream_flush(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    if (check_closed(s) < 0)
        return NULL;
    if (s->wlen && stream_flush_raw(s) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* Reads more input into rbuf; 0 at EOF, -1 on error. */
static int stream_fill(stdstream *s)
{
    if (s->eof)
        return 0;
    if (s->rpos > 0) {
        memmove(s->rbuf, s->rbuf + s->rpos, s->rlen - s->rpos);
        s->rlen -= s->rpos;
        s->rpos = 0;
    }
    if (s->rcap - s->rlen < STREAM_BUFSIZE) {
        size_t cap = s->rcap ? s->rcap * 2 : STREAM_BUFSIZE * 2;
        char *nb = PyMem_Realloc(s->rbuf, cap);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        s->rbuf = nb;
        s->rcap = cap;
    }
    for (;;) {
        ssize_t n = read(s->fd, s->rbuf + s->rlen, s->rcap - s->rlen);
        if (n < 0) {
            if (errno == EINTR) {
                if (PyErr_CheckSignals() < 0)
                    return -1;
                continue;
            }
            PyErr_SetFromErrno(PyExc_OSError);
            return -1;
        }
        if (n == 0) {
            s->eof = 1;
            return 0;
        }
        s->rlen += (size_t)n;
        return 1;
    }
}

static PyObject *decode_input(stdstream *s, const char *p, size_t n)
{
    return PyUnicode_DecodeUTF8(p, (Py_ssize_t)n, s->errors);
}

/* One line including its '\n' ('' at EOF); limit < 0 means no limit (in bytes). */
static PyObject *stream_readline_impl(stdstream *s, Py_ssize_t limit)
{
    if (check_closed(s) < 0)
        return NULL;
    size_t scanned = 0;
    for (;;) {
        char *start = s->rbuf ? s->rbuf + s->rpos : NULL;
        size_t avail = s->rlen - s->rpos;
        char *nl = avail ? memchr(start + scanned, '\n', avail - scanned) : NULL;
        if (nl != NULL || (limit >= 0 && avail >= (size_t)limit)) {
            size_t n = nl ? (size_t)(nl - start) + 1 : avail;
            if (limit >= 0 && n > (size_t)limit)
                n = (size_t)limit;
            PyObject *res = decode_input(s, start, n);
            s->rpos += n;
            return res;
        }
        scanned = avail;
        int r = stream_fill(s);
        if (r < 0)
            return NULL;
        if (r == 0) {
            avail = s->rlen - s->rpos;
            PyObject *res = decode_input(s, s->rbuf ? s->rbuf + s->rpos : "", avail);
            s->rpos += avail;
            return res;
        }
    }
}

static PyObject *stream_readline(stdstream *s, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t limit = -1;
    if (!_PyArg_CheckPositional("readline", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && args[0] != Py_None && !_Py_convert_optional_to_ssize_t(args[0], &limit))
        return NULL;
    return stream_readline_impl(s, limit);
}

static PyObject *stream_read(stdstream *s, PyObject *const *args, Py_ssize_t nargs)
{
    Py_ssize_t size = -1;
    if (!_PyArg_CheckPositional("read", nargs, 0, 1))
        return NULL;
    if (nargs == 1 && args[0] != Py_None && !_Py_convert_optional_to_ssize_t(args[0], &size))
        return NULL;
    if (check_closed(s) < 0)
        return NULL;
    while (size < 0 || s->rlen - s->rpos < (size_t)size) {
        int r = stream_fill(s);
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
    }
    size_t n = s->rlen - s->rpos;
    if (size >= 0 && (size_t)size < n)
        n = (size_t)size;
    PyObject *res = decode_input(s, s->rbuf ? s->rbuf + s->rpos : "", n);
    s->rpos += n;
    return res;
}

static PyObject *stream_readlines(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (;;) {
        PyObject *line = stream_readline_impl(s, -1);
        if (line == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(line) == 0) {
            Py_DECREF(line);
            return list;
        }
        int r = PyList_Append(list, line);
        Py_DECREF(line);
        if (r < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
}

static PyObject *stream_iternext(PyObject *self)
{
    PyObject *line = stream_readline_impl((stdstream *)self, -1);
    if (line != NULL && PyUnicode_GET_LENGTH(line) == 0) {
        Py_DECREF(line);
        return NULL;   /* StopIteration */
    }
    return line;
}

static PyObject *stream_fileno(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    if (check_closed(s) < 0)
        return NULL;
    return PyLong_FromLong(s->fd);
}

static PyObject *stream_isatty(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    if (check_closed(s) < 0)
        return NULL;
    return PyBool_FromLong(isatty(s->fd));
}

static PyObject *stream_readable(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(s->mode[0] == 'r');
}

static PyObject *stream_writable(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(s->mode[0] == 'w');
}

static PyObject *stream_seekable(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    Py_RETURN_FALSE;
}

static PyObject *stream_close(stdstream *s, PyObject *Py_UNUSED(ignored))
{
    if (s->closed)
        Py_RETURN_NONE;
    int r = s->wlen ? stream_flush_raw(s) : 0;
    s->closed = 1;   /* the fd itself stays open: the process owns 0, 1 and 2 */
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *stream_enter(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return Py_NewRef(self);
}

static PyObject *stream_exit(stdstream *s, PyObject *args)
{
    return stream_close(s, NULL);
}

static PyObject *stream_repr(stdstream *s)
{
    return PyUnicode_FromFormat("<_io.TextIOWrapper name=%R mode='%s' encoding='utf-8'>",
                                s->name, s->mode);
}

static void stream_dealloc(stdstream *s)
{
    if (s->wlen)
        (void)write(s->fd, s->wbuf, s->wlen);   /* best effort, as a finaliser */
    Py_XDECREF(s->name);
    PyMem_Free(s->wbuf);
    PyMem_Free(s->rbuf);
    PyObject_Free(s);
}

static PyObject *get_name(stdstream *s, void *c) { return Py_NewRef(s->name); }
static PyObject *get_mode(stdstream *s, void *c) { return PyUnicode_FromString(s->mode); }
static PyObject *get_encoding(stdstream *s, void *c) { return PyUnicode_FromString("utf-8"); }
static PyObject *get_errors(stdstream *s, void *c) { return PyUnicode_FromString(s->errors); }
static PyObject *get_closed(stdstream *s, void *c) { return PyBool_FromLong(s->closed); }
static PyObject *get_line_buffering(stdstream *s, void *c) { return PyBool_FromLong(s->line_buffering); }
static PyObject *get_write_through(stdstream *s, void *c) { return PyBool_FromLong(s->write_through); }
static PyObject *get_newlines(stdstream *s, void *c) { Py_RETURN_NONE; }

static PyGetSetDef stream_getset[] = {
    {"name", (getter)get_name, NULL, NULL, NULL},
    {"mode", (getter)get_mode, NULL, NULL, NULL},
    {"encoding", (getter)get_encoding, NULL, NULL, NULL},
    {"errors", (getter)get_errors, NULL, NULL, NULL},
    {"closed", (getter)get_closed, NULL, NULL, NULL},
    {"line_buffering", (getter)get_line_buffering, NULL, NULL, NULL},
    {"write_through", (getter)get_write_through, NULL, NULL, NULL},
    {"newlines", (getter)get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef stream_methods[] = {
    {"write", (PyCFunction)stream_write, METH_O, NULL},
    {"flush", (PyCFunction)stream_flush, METH_NOARGS, NULL},
    {"readline", (PyCFunction)(void (*)(void))stream_readline, METH_FASTCALL, NULL},
    {"read", (PyCFunction)(void (*)(void))stream_read, METH_FASTCALL, NULL},
    {"readlines", (PyCFunction)stream_readlines, METH_NOARGS, NULL},
    {"fileno", (PyCFunction)stream_fileno, METH_NOARGS, NULL},
    {"isatty", (PyCFunction)stream_isatty, METH_NOARGS, NULL},
    {"readable", (PyCFunction)stream_readable, METH_NOARGS, NULL},
    {"writable", (PyCFunction)stream_writable, METH_NOARGS, NULL},
    {"seekable", (PyCFunction)stream_seekable, METH_NOARGS, NULL},
    {"close", (PyCFunction)stream_close, METH_NOARGS, NULL},
    {"__enter__", (PyCFunction)stream_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)stream_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

PyTypeObject _PyStdPrinter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(stdstream),
    .tp_dealloc = (destructor)stream_dealloc,
    .tp_repr = (reprfunc)stream_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = stream_iternext,
    .tp_methods = stream_methods,
    .tp_getset = stream_getset,
};

PyObject *_PyStdStream_New(int fd, const char *name, const char *mode, const char *errors,
                           int line_buffering, int write_through)
{
    if (PyType_Ready(&_PyStdPrinter_Type) < 0)
        return NULL;
    stdstream *s = PyObject_New(stdstream, &_PyStdPrinter_Type);
    if (s == NULL)
        return NULL;
    s->fd = fd;
    s->name = PyUnicode_FromString(name);
    s->mode = mode[0] == 'r' ? "r" : "w";
    s->errors = errors;
    s->line_buffering = line_buffering;
    s->write_through = write_through;
    s->closed = 0;
    s->wbuf = s->rbuf = NULL;
    s->wlen = s->wcap = s->rpos = s->rlen = s->rcap = 0;
    s->eof = 0;
    if (s->name == NULL) {
        Py_DECREF(s);
        return NULL;
    }
    return (PyObject *)s;
}

/* Flush sys.stdout and sys.stderr (at exit and before printing tracebacks). */
/* CPython's file_is_closed: a stream whose "closed" cannot be read counts as open. */
static int file_is_closed(PyObject *f)
{
    PyObject *closed = PyObject_GetAttrString(f, "closed");
    if (closed == NULL) {
        PyErr_Clear();
        return 0;
    }
    int r = PyObject_IsTrue(closed);
    Py_DECREF(closed);
    if (r < 0)
        PyErr_Clear();
    return r > 0;
}

/* CPython's flush_std_files: closed streams are skipped; a failing stdout flush is
 * reported (and makes the exit status 120), a failing stderr flush only counts. */
int _PySys_FlushStdFiles(void)
{
    int status = 0;
    const char *keys[2] = {"stdout", "stderr"};
    for (int i = 0; i < 2; i++) {
        PyObject *f = PySys_GetObject(keys[i]);
        if (f == NULL || f == Py_None)
            continue;
        Py_INCREF(f);
        if (!file_is_closed(f)) {
            PyObject *r = PyObject_CallMethod(f, "flush", NULL);
            if (r == NULL) {
                if (i == 0)
                    PyErr_WriteUnraisable(f);
                else
                    PyErr_Clear();
                status = -1;
            } else {
                Py_DECREF(r);
            }
        }
        Py_DECREF(f);
    }
    return status;
}

/* ===================== sys attributes and functions ===================== */

PyObject *_PySys_GetAttr(PyThreadState *tstate, PyObject *name)
{
    PyObject *sd = tstate->interp->sysdict;
    if (sd == NULL)
        return NULL;
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    PyObject *value = PyDict_GetItemWithError(sd, name);
    PyErr_Restore(exc_type, exc_value, exc_tb);   /* preserve the caller's exception */
    return value;
}

PyObject *PySys_GetObject(const char *name)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate == NULL || tstate->interp->sysdict == NULL)
        return NULL;
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    PyObject *value = PyDict_GetItemString(tstate->interp->sysdict, name);
    PyErr_Restore(exc_type, exc_value, exc_tb);
    return value;
}

int PySys_SetObject(const char *name, PyObject *v)
{
    PyObject *sd = _PyInterpreterState_GET()->sysdict;
    if (v == NULL) {
        PyObject *key = PyUnicode_FromString(name);
        if (key == NULL)
            return -1;
        int r = 0;
        if (PyDict_Contains(sd, key) > 0)
            r = PyDict_DelItem(sd, key);
        Py_DECREF(key);
        return r;
    }
    return PyDict_SetItemString(sd, name, v);
}

/* Writes through sys.<name>.write, falling back to the C stream, never raising. */
static void sys_write(const char *name, FILE *fallback, const char *text)
{
    PyObject *exc_type, *exc_value, *exc_tb;
    PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
    PyObject *file = PySys_GetObject(name);
    if (file == NULL || file == Py_None || PyFile_WriteString(text, file) != 0) {
        PyErr_Clear();
        fputs(text, fallback);
    }
    PyErr_Restore(exc_type, exc_value, exc_tb);
}

static void sys_format(const char *name, FILE *fallback, int use_pyformat, const char *format,
                       va_list va)
{
    if (use_pyformat) {
        PyObject *exc_type, *exc_value, *exc_tb;
        PyErr_Fetch(&exc_type, &exc_value, &exc_tb);
        PyObject *msg = PyUnicode_FromFormatV(format, va);
        if (msg != NULL) {
            PyObject *file = PySys_GetObject(name);
            if (file == NULL || file == Py_None || PyFile_WriteObject(msg, file, Py_PRINT_RAW) != 0) {
                PyErr_Clear();
                const char *u = PyUnicode_AsUTF8(msg);
                if (u)
                    fputs(u, fallback);
            }
            Py_DECREF(msg);
        }
        PyErr_Clear();
        PyErr_Restore(exc_type, exc_value, exc_tb);
        return;
    }
    char buffer[1001];
    vsnprintf(buffer, sizeof(buffer), format, va);
    sys_write(name, fallback, buffer);
}

void PySys_WriteStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stdout", stdout, 0, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stderr", stderr, 0, format, va);
    va_end(va);
}

void PySys_FormatStdout(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stdout", stdout, 1, format, va);
    va_end(va);
}

void PySys_FormatStderr(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    sys_format("stderr", stderr, 1, format, va);
    va_end(va);
}

/* ---- audit hooks ---- */

typedef struct audit_hook {
    struct audit_hook *next;
    int (*hook)(const char *, PyObject *, void *);
    void *userData;
} audit_hook;
static audit_hook *c_audit_hooks;

int PySys_AddAuditHook(int (*hook)(const char *, PyObject *, void *), void *userData)
{
    audit_hook *e = PyMem_Malloc(sizeof(*e));
    if (e == NULL)
        return -1;
    e->hook = hook;
    e->userData = userData;
    e->next = c_audit_hooks;
    c_audit_hooks = e;
    return 0;
}

int PySys_Audit(const char *event, const char *argFormat, ...)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *hooks = tstate ? tstate->interp->audit_hooks : NULL;
    if (c_audit_hooks == NULL && (hooks == NULL || PyList_GET_SIZE(hooks) == 0))
        return 0;
    PyObject *args;
    va_list va;
    va_start(va, argFormat);
    if (argFormat && argFormat[0]) {
        args = Py_VaBuildValue(argFormat, va);
        if (args && !PyTuple_Check(args)) {
            PyObject *t = PyTuple_Pack(1, args);
            Py_SETREF(args, t);
        }
    } else {
        args = PyTuple_New(0);
    }
    va_end(va);
    if (args == NULL)
        return -1;
    int res = 0;
    for (audit_hook *e = c_audit_hooks; e && res == 0; e = e->next)
        res = e->hook(event, args, e->userData) < 0 ? -1 : 0;
    if (res == 0 && hooks != NULL) {
        PyObject *ev = PyUnicode_FromString(event);
        /* hooks run untraced unless they have a true __cantrace__ attribute */
        PyThreadState_EnterTracing(tstate);
        for (Py_ssize_t i = 0; ev && i < PyList_GET_SIZE(hooks); i++) {
            PyObject *hook = Py_NewRef(PyList_GET_ITEM(hooks, i)), *o;
            int can_trace = _PyObject_LookupAttr(hook, _Py_ID(__cantrace__), &o);
            if (o != NULL) {
                can_trace = PyObject_IsTrue(o);
                Py_DECREF(o);
            }
            if (can_trace < 0) {
                Py_DECREF(hook);
                res = -1;
                break;
            }
            if (can_trace)
                PyThreadState_LeaveTracing(tstate);
            PyObject *r = PyObject_CallFunctionObjArgs(hook, ev, args, NULL);
            if (can_trace)
                PyThreadState_EnterTracing(tstate);
            Py_DECREF(hook);
            if (r == NULL) {
                res = -1;
                break;
            }
            Py_DECREF(r);
        }
        PyThreadState_LeaveTracing(tstate);
        if (ev == NULL)
            res = -1;
        Py_XDECREF(ev);
    }
    Py_DECREF(args);
    return res;
}

static PyObject *sys_addaudithook(PyObject *module, PyObject *hook)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (PySys_Audit("sys.addaudithook", NULL) < 0) {
        if (PyErr_ExceptionMatches(PyExc_RuntimeError)) {
            PyErr_Clear();   /* a hook rejected the new one: silently ignored */
            Py_RETURN_NONE;
        }
        return NULL;
    }
    if (interp->audit_hooks == NULL) {
        if ((interp->audit_hooks = PyList_New(0)) == NULL)
            return NULL;
        /* hidden from gc.get_objects(), so that no code can reach the hooks */
        PyObject_GC_UnTrack(interp->audit_hooks);
    }
    if (PyList_Append(interp->audit_hooks, hook) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_audit(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    if (kwnames && PyTuple_GET_SIZE(kwnames)) {
        PyErr_SetString(PyExc_TypeError, "audit() takes no keyword arguments");
        return NULL;
    }
    if (nargs == 0) {
        PyErr_SetString(PyExc_TypeError, "audit() missing 1 required positional argument: 'event'");
        return NULL;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "expected str for argument 'event', not %.200s",
                     Py_TYPE(args[0])->tp_name);
        return NULL;
    }
    PyObject *hooks = _PyInterpreterState_GET()->audit_hooks;
    if (c_audit_hooks == NULL && (hooks == NULL || PyList_GET_SIZE(hooks) == 0))
        Py_RETURN_NONE;
    PyObject *tuple = _PyTuple_FromArray(args + 1, nargs - 1);
    if (tuple == NULL)
        return NULL;
    const char *event = PyUnicode_AsUTF8(args[0]);
    int r = event ? PySys_Audit(event, "O", tuple) : -1;
    Py_DECREF(tuple);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ---- hooks: displayhook, excepthook, unraisablehook ---- */

/* CPython's sys_displayhook_unencodable: repr(o) encoded with backslashreplace in
   stdout's encoding, written to stdout.buffer (or decoded back to str and written). */
static int displayhook_unencodable(PyObject *o, PyObject *out)
{
    PyObject *repr = PyObject_Repr(o), *encoding = NULL, *encoded = NULL, *buffer = NULL;
    PyObject *res = NULL;
    int r = -1;
    if (repr == NULL || (encoding = PyObject_GetAttrString(out, "encoding")) == NULL)
        goto done;
    const char *enc = PyUnicode_AsUTF8(encoding);
    if (enc == NULL || (encoded = PyUnicode_AsEncodedString(repr, enc, "backslashreplace")) == NULL)
        goto done;
    buffer = PyObject_GetAttrString(out, "buffer");
    if (buffer != NULL) {
        res = PyObject_CallMethod(buffer, "write", "O", encoded);
    } else {
        PyErr_Clear();
        PyObject *text = PyUnicode_FromEncodedObject(encoded, enc, "strict");
        res = text ? PyObject_CallMethod(out, "write", "O", text) : NULL;
        Py_XDECREF(text);
    }
    r = res ? 0 : -1;
done:
    Py_XDECREF(res);
    Py_XDECREF(buffer);
    Py_XDECREF(encoded);
    Py_XDECREF(encoding);
    Py_XDECREF(repr);
    return r;
}

static PyObject *sys_displayhook(PyObject *module, PyObject *o)
{
    PyObject *builtins = PyImport_GetModule(_Py_ID(builtins));
    if (builtins == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "lost builtins module");
        return NULL;
    }
    Py_DECREF(builtins);
    if (o == Py_None)
        Py_RETURN_NONE;
    /* Set '_' to None first so a recursive call of repr() sees a consistent state. */
    if (PyObject_SetAttrString(builtins, "_", Py_None) != 0)
        return NULL;
    PyObject *out = PySys_GetObject("stdout");
    if (out == NULL || out == Py_None) {
        PyErr_SetString(PyExc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    if (PyFile_WriteObject(o, out, 0) != 0) {
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return NULL;
        /* the repr cannot be encoded to stdout's encoding: write it escaped */
        PyErr_Clear();
        if (displayhook_unencodable(o, out) < 0)
            return NULL;
    }
    if (PyFile_WriteString("\n", out) != 0)
        return NULL;
    if (PyObject_SetAttrString(builtins, "_", o) != 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_excepthook(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("excepthook", nargs, 3, 3))
        return NULL;
    PyErr_Display(args[0], args[1], args[2]);
    Py_RETURN_NONE;
}

/* sys.unraisablehook(unraisable): prints like CPython's default hook. */
static PyObject *sys_unraisablehook(PyObject *module, PyObject *unraisable)
{
    /* errors.c owns the format (and checks the argument's type) */
    return _PyErr_WriteUnraisableDefaultHook(unraisable);
}

/* ---- exit / exceptions ---- */

static PyObject *sys_exit(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("exit", nargs, 0, 1))
        return NULL;
    PyErr_SetObject(PyExc_SystemExit, nargs ? args[0] : Py_None);
    return NULL;
}

static PyObject *sys_exc_info(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *exc = _PyErr_GetHandledException(_PyThreadState_GET());
    if (exc == NULL || exc == Py_None) {
        Py_XDECREF(exc);
        return Py_BuildValue("(OOO)", Py_None, Py_None, Py_None);
    }
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *res = Py_BuildValue("(OOO)", (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
    Py_XDECREF(tb);
    Py_DECREF(exc);
    return res;
}

static PyObject *sys_exception(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *exc = _PyErr_GetHandledException(_PyThreadState_GET());
    if (exc == NULL)
        Py_RETURN_NONE;
    return exc;
}

/* ---- recursion, refcounts, sizes ---- */

static PyObject *sys_getrecursionlimit(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(Py_GetRecursionLimit());
}

static PyObject *sys_setrecursionlimit(PyObject *module, PyObject *arg)
{
    if (PyFloat_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    int overflow;
    long new_limit = PyLong_AsLongAndOverflow(arg, &overflow);
    if (new_limit == -1 && PyErr_Occurred())
        return NULL;
    if (overflow || new_limit > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (new_limit < 1) {
        PyErr_SetString(PyExc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    PyThreadState *tstate = _PyThreadState_GET();
    if (tstate->recursion_depth >= new_limit) {
        PyErr_Format(PyExc_RecursionError,
                     "cannot set the recursion limit to %i at the recursion depth %i: "
                     "the limit is too low", (int)new_limit, tstate->recursion_depth);
        return NULL;
    }
    Py_SetRecursionLimit((int)new_limit);
    Py_RETURN_NONE;
}

static PyObject *sys_getrefcount(PyObject *module, PyObject *arg)
{
    return PyLong_FromSsize_t(Py_REFCNT(arg));
}

size_t _PySys_GetSizeOf(PyObject *o)
{
    /* a special method: looked up on the type, never through __getattribute__ */
    PyObject *method = _PyObject_LookupSpecial(o, _Py_ID(__sizeof__));
    if (method == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "Type %.100s doesn't define __sizeof__",
                         Py_TYPE(o)->tp_name);
        return (size_t)-1;
    }
    PyObject *res = PyObject_CallNoArgs(method);
    Py_DECREF(method);
    if (res == NULL)
        return (size_t)-1;
    Py_ssize_t size = PyLong_AsSsize_t(res);
    Py_DECREF(res);
    if (size == -1 && PyErr_Occurred())
        return (size_t)-1;
    if (size < 0) {
        PyErr_SetString(PyExc_ValueError, "__sizeof__() should return >= 0");
        return (size_t)-1;
    }
    return (size_t)size + (PyObject_IS_GC(o) ? sizeof(PyGC_Head) : 0);
}

static PyObject *sys_getsizeof(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"object", "default", NULL};
    PyObject *o, *dflt = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|O:getsizeof", kwlist, &o, &dflt))
        return NULL;
    size_t size = _PySys_GetSizeOf(o);
    if (size == (size_t)-1 && PyErr_Occurred()) {
        if (dflt != NULL && PyErr_ExceptionMatches(PyExc_TypeError)) {
            PyErr_Clear();
            return Py_NewRef(dflt);
        }
        return NULL;
    }
    return PyLong_FromSize_t(size);
}

static PyObject *sys_intern(PyObject *module, PyObject *s)
{
    if (!PyUnicode_CheckExact(s)) {
        PyErr_Format(PyExc_TypeError, "intern() argument must be str, not %.50s",
                     Py_TYPE(s)->tp_name);
        return NULL;
    }
    Py_INCREF(s);
    PyUnicode_InternInPlace(&s);
    return s;
}

static PyObject *sys_getframe(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    int depth = 0;
    if (!_PyArg_CheckPositional("_getframe", nargs, 0, 1))
        return NULL;
    if (nargs == 1) {
        depth = _PyLong_AsInt(args[0]);
        if (depth == -1 && PyErr_Occurred())
            return NULL;
    }
    PyFrameObject *f = PyEval_GetFrame();
    while (depth > 0 && f != NULL) {
        f = f->f_back;
        --depth;
    }
    if (f == NULL) {
        PyErr_SetString(PyExc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    if (PySys_Audit("sys._getframe", "O", f) < 0)
        return NULL;
    return Py_NewRef(f);
}

/* ---- settrace / setprofile: Python-level hooks reached through C trampolines ---- */

static PyObject *trace_whatstrings[8];

static int init_whatstrings(void)
{
    static const char *names[8] = {"call", "exception", "line", "return",
                                   "c_call", "c_exception", "c_return", "opcode"};
    for (int i = 0; i < 8; i++) {
        if (trace_whatstrings[i] == NULL &&
            (trace_whatstrings[i] = PyUnicode_InternFromString(names[i])) == NULL)
            return -1;
    }
    return 0;
}

/* Call callback(frame, what, arg) with the frame's locals synced both ways. */
static PyObject *call_trampoline(PyThreadState *tstate, PyObject *callback,
                                 PyFrameObject *frame, int what, PyObject *arg)
{
    if (PyFrame_FastToLocalsWithError(frame) < 0) return NULL;
    PyObject *stack[3] = {(PyObject *)frame, trace_whatstrings[what], arg ? arg : Py_None};
    PyObject *result = PyObject_Vectorcall(callback, stack, 3, NULL);
    PyFrame_LocalsToFast(frame, 1);
    if (result == NULL) PyTraceBack_Here(frame);
    return result;
}

static int profile_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *result = call_trampoline(tstate, self, frame, what, arg);
    if (result == NULL) {
        _PyEval_SetProfile(tstate, NULL, NULL);
        return -1;
    }
    Py_DECREF(result);
    return 0;
}

/* 'call' goes to the global function; every other event to the frame's f_trace (the
 * local trace function 'call' returned).  A hook that raises turns tracing off. */
static int trace_trampoline(PyObject *self, PyFrameObject *frame, int what, PyObject *arg)
{
    PyObject *callback = what == PyTrace_CALL ? self : frame->f_trace;
    if (callback == NULL) return 0;
    PyThreadState *tstate = _PyThreadState_GET();
    PyObject *result = call_trampoline(tstate, callback, frame, what, arg);
    if (result == NULL) {
        _PyEval_SetTrace(tstate, NULL, NULL);
        Py_CLEAR(frame->f_trace);
        return -1;
    }
    if (result != Py_None) Py_XSETREF(frame->f_trace, result);
    else Py_DECREF(result);
    return 0;
}

static PyObject *sys_settrace(PyObject *module, PyObject *func)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (init_whatstrings() < 0) return NULL;
    int r = func == Py_None ? _PyEval_SetTrace(tstate, NULL, NULL)
                            : _PyEval_SetTrace(tstate, trace_trampoline, func);
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_gettrace(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *f = _PyThreadState_GET()->c_traceobj;
    return Py_NewRef(f ? f : Py_None);
}

static PyObject *sys_setprofile(PyObject *module, PyObject *func)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (init_whatstrings() < 0) return NULL;
    int r = func == Py_None ? _PyEval_SetProfile(tstate, NULL, NULL)
                            : _PyEval_SetProfile(tstate, profile_trampoline, func);
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *sys_getprofile(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    PyObject *f = _PyThreadState_GET()->c_profileobj;
    return Py_NewRef(f ? f : Py_None);
}

static PyObject *sys_call_tracing(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("call_tracing", nargs, 2, 2))
        return NULL;
    if (!PyTuple_Check(args[1])) {
        _PyArg_BadArgument("call_tracing", "argument 2", "tuple", args[1]);
        return NULL;
    }
    return _PyEval_CallTracing(args[0], args[1]);
}

static PyObject *sys_is_finalizing(PyObject *module, PyObject *Py_UNUSED(ignored))
{
    return PyBool_FromLong(_Py_IsFinalizing());
}

static PyObject *str_const(const char *s) { return PyUnicode_FromString(s); }

static PyObject *sys_getdefaultencoding(PyObject *m, PyObject *Py_UNUSED(i)) { return str_const("utf-8"); }
static PyObject *sys_getfilesystemencoding(PyObject *m, PyObject *Py_UNUSED(i)) { return str_const("utf-8"); }
static PyObject *sys_getfilesystemencodeerrors(PyObject *m, PyObject *Py_UNUSED(i)) { return str_const("surrogateescape"); }

/* int <-> str conversion limit (objects-num keeps the value; PEP 651-era API). */
extern int _Py_int_max_str_digits;
static PyObject *sys_get_int_max_str_digits(PyObject *m, PyObject *Py_UNUSED(i))
{
    return PyLong_FromLong(_Py_int_max_str_digits);
}

static PyObject *sys_set_int_max_str_digits(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"maxdigits", NULL};
    int maxdigits;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i:set_int_max_str_digits", kwlist, &maxdigits))
        return NULL;
    if (maxdigits != 0 && maxdigits < 640) {
        PyErr_Format(PyExc_ValueError, "maxdigits must be 0 or larger than %d", 640);
        return NULL;
    }
    _Py_int_max_str_digits = maxdigits;
    Py_RETURN_NONE;
}

static PyObject *sys__current_frames(PyObject *m, PyObject *Py_UNUSED(i))
{
    return _PyThread_CurrentFrames();
}
static PyObject *sys__current_exceptions(PyObject *m, PyObject *Py_UNUSED(i))
{
    return _PyThread_CurrentExceptions();
}
static PyObject *sys_getswitchinterval(PyObject *m, PyObject *Py_UNUSED(i))
{
    return PyFloat_FromDouble(1e-6 * _PyEval_GetSwitchInterval());
}
static PyObject *sys_setswitchinterval(PyObject *m, PyObject *arg)
{
    double d = PyFloat_AsDouble(arg);
    if (d == -1.0 && PyErr_Occurred())
        return NULL;
    if (d <= 0.0) {
        PyErr_SetString(PyExc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    _PyEval_SetSwitchInterval((unsigned long)(1e6 * d));
    Py_RETURN_NONE;
}

static PyObject *sys_getallocatedblocks(PyObject *m, PyObject *Py_UNUSED(i)) { return PyLong_FromSsize_t(_Py_GetAllocatedBlocks()); }

static PyObject *sys_clear_type_cache(PyObject *m, PyObject *Py_UNUSED(i))
{
    PyType_ClearCache();
    Py_RETURN_NONE;
}

/* 3.11 counts code objects quickened by the specialising interpreter; Krait does not
   quicken code objects, so the count is 0. */
static PyObject *sys_getquickenedcount(PyObject *m, PyObject *Py_UNUSED(i)) { return PyLong_FromLong(0); }

static PyObject *sys_debugmallocstats(PyObject *m, PyObject *Py_UNUSED(i))
{
    fprintf(stderr, "Small block threshold = 512, in 32 size classes.\n");
    Py_RETURN_NONE;
}

static PyObject *sys_get_coroutine_origin_tracking_depth(PyObject *m, PyObject *Py_UNUSED(i))
{
    return PyLong_FromLong(_PyThreadState_GET()->coroutine_origin_tracking_depth);
}

static PyObject *sys_set_coroutine_origin_tracking_depth(PyObject *m, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"depth", NULL};
    int depth;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:set_coroutine_origin_tracking_depth", kwlist, &depth))
        return NULL;
    if (depth < 0) {
        PyErr_SetString(PyExc_ValueError, "depth must be >= 0");
        return NULL;
    }
    _PyThreadState_GET()->coroutine_origin_tracking_depth = depth;
    Py_RETURN_NONE;
}

/* CPython's sys_breakpointhook: $PYTHONBREAKPOINT names the hook ("0" disables it,
 * unset/empty means pdb.set_trace); an unimportable one is only warned about. */
static PyObject *sys_breakpointhook(PyObject *m, PyObject *const *args, Py_ssize_t nargs,
                                    PyObject *kwnames)
{
    const char *env = _PyInterpreterState_GET()->config.use_environment
                          ? getenv("PYTHONBREAKPOINT") : NULL;
    if (env == NULL || env[0] == '\0')
        env = "pdb.set_trace";
    else if (strcmp(env, "0") == 0)
        Py_RETURN_NONE;
    const char *dot = strrchr(env, '.');
    PyObject *hook = NULL;
    if (dot != env) {   /* ".x": no module part at all, only warned about */
        PyObject *modname = dot ? PyUnicode_FromStringAndSize(env, dot - env)
                                : PyUnicode_FromString("builtins");
        if (modname == NULL)
            return NULL;
        PyObject *mod = PyImport_Import(modname);
        Py_DECREF(modname);
        hook = mod ? PyObject_GetAttrString(mod, dot ? dot + 1 : env) : NULL;
        Py_XDECREF(mod);
    }
    else
        PyErr_SetNone(PyExc_ImportError);
    if (hook == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_ImportError) &&
            !PyErr_ExceptionMatches(PyExc_AttributeError))
            return NULL;
        PyErr_Clear();
        if (PyErr_WarnFormat(PyExc_RuntimeWarning, 0,
                             "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", env) < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    PyObject *r = PyObject_Vectorcall(hook, args, (size_t)nargs, kwnames);
    Py_DECREF(hook);
    return r;
}

/* Stored for extension-module loaders; Krait links its modules in. */
static int dlopenflags = RTLD_NOW;

static PyObject *sys_getdlopenflags(PyObject *m, PyObject *Py_UNUSED(i))
{
    return PyLong_FromLong(dlopenflags);
}

static PyObject *sys_setdlopenflags(PyObject *m, PyObject *arg)
{
    int v = _PyLong_AsInt(arg);
    if (v == -1 && PyErr_Occurred())
        return NULL;
    dlopenflags = v;
    Py_RETURN_NONE;
}

/* sys.set_asyncgen_hooks / get_asyncgen_hooks: per-thread, as in CPython (the tstate fields
 * are read by genobject.c when an async generator is first iterated / finalised). */
static PyTypeObject AsyncGenHooksType;
static PyStructSequence_Field asyncgen_hooks_fields[] = {
    {"firstiter", "Hook to intercept first iteration"},
    {"finalizer", "Hook to intercept finalization"}, {0, 0}};
static PyStructSequence_Desc asyncgen_hooks_desc = {"asyncgen_hooks", NULL, asyncgen_hooks_fields, 2};

static PyObject *sys_set_asyncgen_hooks(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"firstiter", "finalizer", NULL};
    PyObject *firstiter = NULL, *finalizer = NULL;
    PyThreadState *tstate = _PyThreadState_GET();
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO", kwlist, &firstiter, &finalizer))
        return NULL;
    /* Both are checked before either is set, as in CPython. */
    if (finalizer && finalizer != Py_None && !PyCallable_Check(finalizer)) {
        PyErr_Format(PyExc_TypeError, "callable finalizer expected, got %.50s", Py_TYPE(finalizer)->tp_name);
        return NULL;
    }
    if (firstiter && firstiter != Py_None && !PyCallable_Check(firstiter)) {
        PyErr_Format(PyExc_TypeError, "callable firstiter expected, got %.50s", Py_TYPE(firstiter)->tp_name);
        return NULL;
    }
    if (finalizer)
        Py_XSETREF(tstate->async_gen_finalizer, finalizer == Py_None ? NULL : Py_NewRef(finalizer));
    if (firstiter)
        Py_XSETREF(tstate->async_gen_firstiter, firstiter == Py_None ? NULL : Py_NewRef(firstiter));
    Py_RETURN_NONE;
}

static PyObject *sys_get_asyncgen_hooks(PyObject *self, PyObject *unused)
{
    PyThreadState *tstate = _PyThreadState_GET();
    if (!(AsyncGenHooksType.tp_flags & Py_TPFLAGS_READY)
        && PyStructSequence_InitType2(&AsyncGenHooksType, &asyncgen_hooks_desc) < 0)
        return NULL;
    PyObject *res = PyStructSequence_New(&AsyncGenHooksType);
    if (res == NULL)
        return NULL;
    PyObject *a = tstate->async_gen_firstiter, *b = tstate->async_gen_finalizer;
    PyStructSequence_SetItem(res, 0, Py_NewRef(a ? a : Py_None));
    PyStructSequence_SetItem(res, 1, Py_NewRef(b ? b : Py_None));
    return res;
}

static PyMethodDef sys_methods[] = {
    {"addaudithook", sys_addaudithook, METH_O, DOC_sys_addaudithook},
    {"audit", (PyCFunction)(void (*)(void))sys_audit, METH_FASTCALL | METH_KEYWORDS, DOC_sys_audit},
    {"displayhook", sys_displayhook, METH_O, DOC_sys_displayhook},
    {"excepthook", (PyCFunction)(void (*)(void))sys_excepthook, METH_FASTCALL, DOC_sys_excepthook},
    {"unraisablehook", sys_unraisablehook, METH_O, DOC_sys_unraisablehook},
    {"exit", (PyCFunction)(void (*)(void))sys_exit, METH_FASTCALL, DOC_sys_exit},
    {"exc_info", sys_exc_info, METH_NOARGS, DOC_sys_exc_info},
    {"set_asyncgen_hooks", (PyCFunction)(void (*)(void))sys_set_asyncgen_hooks, METH_VARARGS | METH_KEYWORDS,
     "set_asyncgen_hooks(* [, firstiter] [, finalizer])\n\nSet a finalizer for async generators objects."},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, METH_NOARGS,
     "get_asyncgen_hooks($module, /)\n--\n\nReturn the installed asynchronous generators hooks.\n\n"
     "This returns a namedtuple of the form (firstiter, finalizer)."},
    {"exception", sys_exception, METH_NOARGS, DOC_sys_exception},
    {"getrecursionlimit", sys_getrecursionlimit, METH_NOARGS, DOC_sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit, METH_O, DOC_sys_setrecursionlimit},
    {"getrefcount", sys_getrefcount, METH_O, DOC_sys_getrefcount},
    {"getsizeof", (PyCFunction)(void (*)(void))sys_getsizeof, METH_VARARGS | METH_KEYWORDS, DOC_sys_getsizeof},
    {"intern", sys_intern, METH_O, DOC_sys_intern},
    {"_getframe", (PyCFunction)(void (*)(void))sys_getframe, METH_FASTCALL, DOC_sys__getframe},
    {"settrace", sys_settrace, METH_O, DOC_sys_settrace},
    {"gettrace", sys_gettrace, METH_NOARGS, DOC_sys_gettrace},
    {"setprofile", sys_setprofile, METH_O, DOC_sys_setprofile},
    {"getprofile", sys_getprofile, METH_NOARGS, DOC_sys_getprofile},
    {"call_tracing", (PyCFunction)(void (*)(void))sys_call_tracing, METH_FASTCALL, DOC_sys_call_tracing},
    {"is_finalizing", sys_is_finalizing, METH_NOARGS, DOC_sys_is_finalizing},
    {"getdefaultencoding", sys_getdefaultencoding, METH_NOARGS, DOC_sys_getdefaultencoding},
    {"getfilesystemencoding", sys_getfilesystemencoding, METH_NOARGS, DOC_sys_getfilesystemencoding},
    {"getfilesystemencodeerrors", sys_getfilesystemencodeerrors, METH_NOARGS, DOC_sys_getfilesystemencodeerrors},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, METH_NOARGS, DOC_sys_get_int_max_str_digits},
    {"set_int_max_str_digits", (PyCFunction)(void (*)(void))sys_set_int_max_str_digits,
     METH_VARARGS | METH_KEYWORDS, DOC_sys_set_int_max_str_digits},
    {"getswitchinterval", sys_getswitchinterval, METH_NOARGS, DOC_sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval, METH_O, DOC_sys_setswitchinterval},
    {"_current_frames", sys__current_frames, METH_NOARGS,
     "_current_frames($module, /)\n--\n\nReturn a dict mapping each thread's thread id to its current stack frame.\n\nThis function should be used for specialized purposes only."},
    {"_current_exceptions", sys__current_exceptions, METH_NOARGS,
     "_current_exceptions($module, /)\n--\n\nReturn a dict mapping each thread's identifier to its current raised exception.\n\nThis function should be used for specialized purposes only."},
    {"getallocatedblocks", sys_getallocatedblocks, METH_NOARGS, DOC_sys_getallocatedblocks},
    {"breakpointhook", (PyCFunction)(void (*)(void))sys_breakpointhook,
     METH_FASTCALL | METH_KEYWORDS, DOC_sys_breakpointhook},
    {"getdlopenflags", sys_getdlopenflags, METH_NOARGS, DOC_sys_getdlopenflags},
    {"_clear_type_cache", sys_clear_type_cache, METH_NOARGS,
     "_clear_type_cache($module, /)\n--\n\nClear the internal type lookup cache."},
    {"_getquickenedcount", sys_getquickenedcount, METH_NOARGS, "_getquickenedcount($module, /)\n--\n\n"},
    {"_debugmallocstats", sys_debugmallocstats, METH_NOARGS,
     "_debugmallocstats($module, /)\n--\n\nPrint summary info to stderr about the state of pymalloc's structures.\n\n"
     "In Py_DEBUG mode, also perform some expensive internal consistency\nchecks."},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, METH_NOARGS,
     "get_coroutine_origin_tracking_depth($module, /)\n--\n\nCheck status of origin tracking for coroutine objects in this thread."},
    {"set_coroutine_origin_tracking_depth", (PyCFunction)(void (*)(void))sys_set_coroutine_origin_tracking_depth,
     METH_VARARGS | METH_KEYWORDS,
     "set_coroutine_origin_tracking_depth($module, /, depth)\n--\n\nEnable or disable origin tracking for coroutine objects in this thread.\n\n"
     "Coroutine objects will track 'depth' frames of traceback information\nabout where they came from, available in their cr_origin attribute.\n\n"
     "Set a depth of 0 to disable."},
    {"setdlopenflags", sys_setdlopenflags, METH_O, DOC_sys_setdlopenflags},
    {NULL, NULL, 0, NULL},
};

/* ---- struct sequences: version_info, flags, float_info, int_info, hash_info ---- */

static PyTypeObject VersionInfoType, FlagsType, FloatInfoType, IntInfoType, HashInfoType;

static PyStructSequence_Field version_info_fields[] = {
    {"major", "Major release number"}, {"minor", "Minor release number"},
    {"micro", "Patch release number"}, {"releaselevel", "'alpha', 'beta', 'candidate', or 'final'"},
    {"serial", "Serial release number"}, {0, 0}};
static PyStructSequence_Desc version_info_desc = {"sys.version_info", NULL, version_info_fields, 5};

static PyStructSequence_Field flags_fields[] = {
    {"debug", NULL}, {"inspect", NULL}, {"interactive", NULL}, {"optimize", NULL},
    {"dont_write_bytecode", NULL}, {"no_user_site", NULL}, {"no_site", NULL},
    {"ignore_environment", NULL}, {"verbose", NULL}, {"bytes_warning", NULL}, {"quiet", NULL},
    {"hash_randomization", NULL}, {"isolated", NULL}, {"dev_mode", NULL}, {"utf8_mode", NULL},
    {"warn_default_encoding", NULL}, {"safe_path", NULL}, {"int_max_str_digits", NULL},
    {0, 0}};
static PyStructSequence_Desc flags_desc = {"sys.flags", NULL, flags_fields, 18};

static PyStructSequence_Field float_info_fields[] = {
    {"max", NULL}, {"max_exp", NULL}, {"max_10_exp", NULL}, {"min", NULL}, {"min_exp", NULL},
    {"min_10_exp", NULL}, {"dig", NULL}, {"mant_dig", NULL}, {"epsilon", NULL},
    {"radix", NULL}, {"rounds", NULL}, {0, 0}};
static PyStructSequence_Desc float_info_desc = {"sys.float_info", NULL, float_info_fields, 11};

static PyStructSequence_Field int_info_fields[] = {
    {"bits_per_digit", NULL}, {"sizeof_digit", NULL}, {"default_max_str_digits", NULL},
    {"str_digits_check_threshold", NULL}, {0, 0}};
static PyStructSequence_Desc int_info_desc = {"sys.int_info", NULL, int_info_fields, 4};

static PyStructSequence_Field hash_info_fields[] = {
    {"width", NULL}, {"modulus", NULL}, {"inf", NULL}, {"nan", NULL}, {"imag", NULL},
    {"algorithm", NULL}, {"hash_bits", NULL}, {"seed_bits", NULL}, {"cutoff", NULL}, {0, 0}};
static PyStructSequence_Desc hash_info_desc = {"sys.hash_info", NULL, hash_info_fields, 9};

/* Fills a struct sequence from a Py_BuildValue format, one item per field. */
static PyObject *make_structseq(PyTypeObject *type, PyStructSequence_Desc *desc,
                                const char *format, ...)
{
    if (PyStructSequence_InitType2(type, desc) < 0)
        return NULL;
    va_list va;
    va_start(va, format);
    PyObject *values = Py_VaBuildValue(format, va);
    va_end(va);
    if (values == NULL)
        return NULL;
    PyObject *seq = PyStructSequence_New(type);
    if (seq == NULL) {
        Py_DECREF(values);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(values); i++)
        PyStructSequence_SetItem(seq, i, Py_NewRef(PyTuple_GET_ITEM(values, i)));
    Py_DECREF(values);
    return seq;
}

static PyObject *make_version_info(void)
{
    return make_structseq(&VersionInfoType, &version_info_desc, "(iiisi)", PY_MAJOR_VERSION,
                          PY_MINOR_VERSION, PY_MICRO_VERSION, "final", 0);
}

int _PyIO_warn_default_encoding(void); /* src/modules/_iomodule.c: -X / env option */

/* 0 only when PYTHONHASHSEED fixes the seed (an empty value or "random" does not) */
static int hash_randomization(const PyConfig *c)
{
    const char *seed = c->hash_seed;
    return seed == NULL || *seed == '\0' || strcmp(seed, "random") == 0;
}

static PyObject *make_flags(const PyConfig *c)
{
    PyObject *flags = make_structseq(&FlagsType, &flags_desc, "(iiiiiiiiiiiiiOiiOi)", c->parser_debug,
                          c->inspect, c->interactive, c->optimization_level,
                          !c->write_bytecode, !c->user_site_directory, !c->site_import,
                          !c->use_environment, c->verbose, c->bytes_warnings, c->quiet,
                          hash_randomization(c),
                          c->isolated, c->dev_mode ? Py_True : Py_False, c->utf8_mode,
                          _PyIO_warn_default_encoding(), c->safe_path ? Py_True : Py_False,
                          c->int_max_str_digits);
    /* struct sequences are immutable from Python; the type's tp_new is dropped so
     * sys.flags cannot be instantiated, as in CPython */
    PyTypeObject *fixed[2] = {&FlagsType, &VersionInfoType};
    for (int i = 0; i < 2; i++) {
        /* no instances and no __new__ of their own: tuple.__new__(T) then says it is
           "not safe", as in CPython */
        fixed[i]->tp_new = NULL;
        fixed[i]->tp_flags |= Py_TPFLAGS_DISALLOW_INSTANTIATION;
        if (PyDict_GetItemString(fixed[i]->tp_dict, "__new__") != NULL &&
            PyDict_DelItemString(fixed[i]->tp_dict, "__new__") < 0)
            PyErr_Clear();
        PyType_Modified(fixed[i]);
    }
    return flags;
}

static PyObject *make_float_info(void)
{
    return make_structseq(&FloatInfoType, &float_info_desc, "(diidiiiidii)", DBL_MAX, DBL_MAX_EXP,
                          DBL_MAX_10_EXP, DBL_MIN, DBL_MIN_EXP, DBL_MIN_10_EXP, DBL_DIG,
                          DBL_MANT_DIG, DBL_EPSILON, FLT_RADIX, FLT_ROUNDS);
}

static PyObject *make_int_info(void)
{
    return make_structseq(&IntInfoType, &int_info_desc, "(iiii)", 30, 4, 4300, 640);
}

static PyTypeObject ThreadInfoType;
static PyStructSequence_Field thread_info_fields[] = {
    {"name", "name of the thread implementation"}, {"lock", "name of the lock implementation"},
    {"version", "name and version of the thread library"}, {0, 0}};
static PyStructSequence_Desc thread_info_desc = {
    "sys.thread_info", "sys.thread_info\n\nA named tuple holding information about the thread implementation.",
    thread_info_fields, 3};

static PyObject *make_thread_info(void)
{
    char ver[64] = "";
#ifdef _CS_GNU_LIBPTHREAD_VERSION
    size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, ver, sizeof(ver));
    if (n == 0 || n > sizeof(ver))
        ver[0] = 0;
#endif
    if (ver[0])
        return make_structseq(&ThreadInfoType, &thread_info_desc, "(sss)", "pthread", "semaphore", ver);
    return make_structseq(&ThreadInfoType, &thread_info_desc, "(ssO)", "pthread", "semaphore", Py_None);
}

static PyObject *make_hash_info(void)
{
    return make_structseq(&HashInfoType, &hash_info_desc, "(inlllsiii)", 64,
                          (Py_ssize_t)_PyHASH_MODULUS, (long)_PyHASH_INF, 0L, (long)_PyHASH_IMAG,
                          "siphash13", 64, 128, 0);
}

/* sys.implementation is a types.SimpleNamespace (src/objects/namespaceobject.c). */
static PyObject *make_impl_info(PyObject *version_info)
{
    PyObject *dict = Py_BuildValue("{s:s,s:s,s:O,s:l,s:s}", "name", "krait", "cache_tag",
                                   "krait-311", "version", version_info, "hexversion",
                                   (long)PY_VERSION_HEX, "_multiarch", "x86_64-linux-gnu");
    if (dict == NULL)
        return NULL;
    PyObject *ns = _PyNamespace_New(dict);
    Py_DECREF(dict);
    return ns;
}

/* ---- the list of stdlib module names (3.11's sys.stdlib_module_names) ---- */
static const char *const stdlib_names[] = {
    "__future__", "_abc", "_aix_support", "_ast", "_asyncio", "_bisect", "_blake2",
    "_bootsubprocess", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
    "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_collections_abc",
    "_compat_pickle", "_compression", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses",
    "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree", "_frozen_importlib",
    "_frozen_importlib_external", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp", "_io",
    "_json", "_locale", "_lsprof", "_lzma", "_markupbase", "_md5", "_msi", "_multibytecodec",
    "_multiprocessing", "_opcode", "_operator", "_osx_support", "_overlapped", "_pickle",
    "_posixshmem", "_posixsubprocess", "_py_abc", "_pydecimal", "_pyio", "_queue", "_random",
    "_scproxy", "_sha1", "_sha256", "_sha3", "_sha512", "_signal", "_sitebuiltins", "_socket",
    "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_strptime", "_struct",
    "_symtable", "_thread", "_threading_local", "_tkinter", "_tokenize", "_tracemalloc",
    "_typing", "_uuid", "_warnings", "_weakref", "_weakrefset", "_winapi", "_zoneinfo", "abc",
    "aifc", "antigravity", "argparse", "array", "ast", "asynchat", "asyncio", "asyncore",
    "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile",
    "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop",
    "collections", "colorsys", "compileall", "concurrent", "configparser", "contextlib",
    "contextvars", "copy", "copyreg", "crypt", "csv", "ctypes", "curses", "dataclasses",
    "datetime", "dbm", "decimal", "difflib", "dis", "distutils", "doctest", "email",
    "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput",
    "fnmatch", "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass",
    "gettext", "glob", "graphlib", "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http",
    "idlelib", "imaplib", "imghdr", "imp", "importlib", "inspect", "io", "ipaddress",
    "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging", "lzma",
    "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder", "msilib",
    "msvcrt", "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path",
    "numbers", "opcode", "operator", "optparse", "os", "ossaudiodev", "pathlib", "pdb",
    "pickle", "pickletools", "pipes", "pkgutil", "platform", "plistlib", "poplib", "posix",
    "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr",
    "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline",
    "reprlib", "resource", "rlcompleter", "runpy", "sched", "secrets", "select", "selectors",
    "shelve", "shlex", "shutil", "signal", "site", "smtpd", "smtplib", "sndhdr", "socket",
    "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants", "sre_parse", "ssl",
    "stat", "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable",
    "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios",
    "textwrap", "this", "threading", "time", "timeit", "tkinter", "token", "tokenize",
    "tomllib", "trace", "traceback", "tracemalloc", "tty", "turtle", "turtledemo", "types",
    "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv", "warnings", "wave",
    "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc",
    "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo", NULL};

static PyObject *make_stdlib_module_names(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (int i = 0; stdlib_names[i]; i++) {
        PyObject *s = PyUnicode_FromString(stdlib_names[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    PyObject *fs = PyFrozenSet_New(list);
    Py_DECREF(list);
    return fs;
}

static PyObject *make_builtin_module_names(void)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (struct _inittab *p = PyImport_Inittab; p->name != NULL; p++) {
        PyObject *s = PyUnicode_FromString(p->name);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    if (PyList_Sort(list) < 0) {
        Py_DECREF(list);
        return NULL;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
}

static PyObject *list_from_strings(char **items, int n)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(items[i]);
        if (s == NULL || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    return list;
}

/* sys._xoptions: {'name': 'value' or True} from -X options. */
/* Is path an existing regular file that can be executed? */
static int is_exec_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* sys.executable as 3.11's getpath computes it: argv[0] made absolute without resolving
 * symbolic links (so a venv's bin/python stays in the venv), or found along $PATH when it
 * has no '/'; "" when it cannot be found.  Without argv[0] (embedding): /proc/self/exe. */
static char *compute_executable(const char *argv0)
{
    if (argv0 == NULL || argv0[0] == '\0') {
        const char *exe = _Py_GetProgramFullPath();
        return strdup(exe ? exe : "");
    }
    if (strchr(argv0, '/') != NULL) {
        if (argv0[0] == '/')
            return strdup(argv0);
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd) == NULL)
            return strdup(argv0);
        /* the relative part is normalized before the join ("sub/../x" -> "x", "./x" -> "x",
         * a leading "../" stays), as 3.11's getpath does */
        size_t alen = strlen(argv0);
        char *rel = malloc(alen + 1);
        if (rel == NULL)
            return NULL;
        size_t rl = 0;
        const char *p = argv0;
        while (*p) {
            const char *e = strchr(p, '/');
            size_t cl = e ? (size_t)(e - p) : strlen(p);
            if (cl == 0 || (cl == 1 && p[0] == '.')) {
                /* skip */
            } else if (cl == 2 && p[0] == '.' && p[1] == '.' && rl > 0 &&
                       !(rl >= 2 && rel[rl - 1] == '.' && rel[rl - 2] == '.' &&
                         (rl == 2 || rel[rl - 3] == '/'))) {
                while (rl > 0 && rel[rl - 1] != '/')
                    rl--;
                if (rl > 0)
                    rl--;   /* the separator before the dropped component */
            } else {
                if (rl > 0)
                    rel[rl++] = '/';
                memcpy(rel + rl, p, cl);
                rl += cl;
            }
            p = e ? e + 1 : p + cl;
        }
        rel[rl] = '\0';
        size_t n = strlen(cwd) + rl + 2;
        char *r = malloc(n);
        if (r != NULL)
            snprintf(r, n, "%s%s%s", cwd, strcmp(cwd, "/") == 0 ? "" : "/", rel);
        free(rel);
        return r;
    }
    const char *path = getenv("PATH");
    while (path != NULL && *path) {
        const char *colon = strchr(path, ':');
        size_t dlen = colon ? (size_t)(colon - path) : strlen(path);
        size_t n = dlen + strlen(argv0) + 2;
        char *cand = malloc(n);
        if (cand == NULL)
            return NULL;
        snprintf(cand, n, "%.*s%s%s", (int)dlen, path, dlen ? "/" : "", argv0);
        if (is_exec_file(cand))
            return cand;
        free(cand);
        path = colon ? colon + 1 : NULL;
    }
    return strdup("");
}

/* sys._base_executable: in a virtual environment (pyvenv.cfg next to the executable or one
 * directory up) the interpreter named by its `home` key, when it exists there. */
static char *compute_base_executable(const char *exe)
{
    const char *slash = strrchr(exe, '/');
    if (slash == NULL)
        return strdup(exe);
    char dir[4096], cfg[4200], line[4096];
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - exe), exe);
    FILE *f = NULL;
    for (int up = 0; up < 2 && f == NULL; up++) {
        snprintf(cfg, sizeof cfg, "%s/pyvenv.cfg", dir);
        f = fopen(cfg, "r");
        char *s = strrchr(dir, '/');
        if (f == NULL && s != NULL)
            *s = '\0';
    }
    char *result = NULL;
    while (f != NULL && result == NULL && fgets(line, sizeof line, f) != NULL) {
        char *eq = strchr(line, '=');
        if (eq == NULL)
            continue;
        char *k = line, *ke = eq, *v = eq + 1;
        while (*k == ' ' || *k == '\t') k++;
        while (ke > k && (ke[-1] == ' ' || ke[-1] == '\t')) ke--;
        if (ke - k != 4 || strncmp(k, "home", 4) != 0)
            continue;
        while (*v == ' ' || *v == '\t') v++;
        size_t vl = strlen(v);
        while (vl > 0 && (v[vl - 1] == '\n' || v[vl - 1] == '\r' || v[vl - 1] == ' ' || v[vl - 1] == '\t'))
            v[--vl] = '\0';
        /* home/<our name>, else (as getpath's fallbacks) home/krait or home/python3.11,
         * else home/<our name> even though it does not exist */
        const char *names[] = {slash + 1, "krait", "python3.11", slash + 1};
        for (int i = 0; i < 4 && result == NULL; i++) {
            size_t n = vl + strlen(names[i]) + 2;
            char *cand = malloc(n);
            if (cand == NULL)
                break;
            snprintf(cand, n, "%s/%s", v, names[i]);
            if (i == 3 || is_exec_file(cand))
                result = cand;
            else
                free(cand);
        }
    }
    if (f != NULL)
        fclose(f);
    return result ? result : strdup(exe);
}

static PyObject *make_xoptions(const PyConfig *c)
{
    PyObject *d = PyDict_New();
    for (int i = 0; d && i < c->nxoptions; i++) {
        const char *opt = c->xoptions[i], *eq = strchr(opt, '=');
        PyObject *k, *v;
        if (eq) {
            k = PyUnicode_FromStringAndSize(opt, eq - opt);
            v = PyUnicode_FromString(eq + 1);
        } else {
            k = PyUnicode_FromString(opt);
            v = Py_NewRef(Py_True);
        }
        if (k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0)
            Py_CLEAR(d);
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    return d;
}

PyObject *PySys_GetXOptions(void)
{
    PyObject *x = PySys_GetObject("_xoptions");
    if (x == NULL || !PyDict_Check(x)) {
        x = PyDict_New();
        if (x == NULL || PySys_SetObject("_xoptions", x) < 0) {
            Py_XDECREF(x);
            return NULL;
        }
        Py_DECREF(x);
    }
    return x;
}

int PySys_HasWarnOptions(void)
{
    PyObject *w = PySys_GetObject("warnoptions");
    return w && PyList_Check(w) && PyList_GET_SIZE(w) > 0;
}

void PySys_ResetWarnOptions(void)
{
    PyObject *w = PySys_GetObject("warnoptions");
    if (w && PyList_Check(w))
        PyList_SetSlice(w, 0, PyList_GET_SIZE(w), NULL);
}

void PySys_AddWarnOption(const wchar_t *s)
{
    PyObject *w = PySys_GetObject("warnoptions");
    PyObject *u = PyUnicode_FromWideChar(s, -1);
    if (w && u && PyList_Check(w))
        PyList_Append(w, u);
    Py_XDECREF(u);
    PyErr_Clear();
}

void PySys_SetArgv(int argc, wchar_t **argv)
{
    PyObject *list = PyList_New(0);
    for (int i = 0; list && i < argc; i++) {
        PyObject *s = PyUnicode_FromWideChar(argv[i], -1);
        if (s == NULL || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    if (list) {
        PySys_SetObject("argv", list);
        Py_DECREF(list);
    }
    PyErr_Clear();
}

static struct PyModuleDef sysmodule = {
    PyModuleDef_HEAD_INIT, "sys",
    "This module provides access to some objects used or maintained by the\n"
    "interpreter and to functions that interact strongly with the interpreter.",
    -1, sys_methods, NULL, NULL, NULL, NULL,
};

#define SET_SYS(key, expr)                                                   \
    do {                                                                     \
        PyObject *v_ = (expr);                                               \
        if (v_ == NULL || PyDict_SetItemString(sd, (key), v_) < 0) {         \
            Py_XDECREF(v_);                                                  \
            goto error;                                                      \
        }                                                                    \
        Py_DECREF(v_);                                                       \
    } while (0)

/* The configuration-independent part of sys plus what the PyConfig says. */
PyObject *_PySys_Create(PyThreadState *tstate)
{
    PyInterpreterState *interp = tstate->interp;
    const PyConfig *c = &interp->config;
    PyObject *m = PyModule_Create(&sysmodule);
    if (m == NULL)
        return NULL;
    PyObject *sd = PyModule_GetDict(m);
    interp->sysdict = Py_NewRef(sd);
    PyObject *version_info = NULL;

    SET_SYS("modules", Py_NewRef(interp->modules));
    SET_SYS("version", PyUnicode_FromFormat("%s (krait %s, %s, %s) [GCC %s]", PY_VERSION,
                                            KRAIT_VERSION, __DATE__, __TIME__, __VERSION__));
    SET_SYS("hexversion", PyLong_FromLong(PY_VERSION_HEX));
    SET_SYS("api_version", PyLong_FromLong(1013));
    SET_SYS("copyright", PyUnicode_FromString(Py_GetCopyright()));
    SET_SYS("platform", PyUnicode_FromString("linux"));
    SET_SYS("byteorder", PyUnicode_FromString("little"));
    SET_SYS("maxsize", PyLong_FromSsize_t(PY_SSIZE_T_MAX));
    SET_SYS("maxunicode", PyLong_FromLong(0x10FFFF));
    SET_SYS("float_repr_style", PyUnicode_FromString("short"));
    SET_SYS("abiflags", PyUnicode_FromString(""));
    SET_SYS("platlibdir", PyUnicode_FromString("lib"));
    SET_SYS("pycache_prefix", c->pycache_prefix ? PyUnicode_DecodeFSDefault(c->pycache_prefix)
                                                 : Py_NewRef(Py_None));
    if (c->int_max_str_digits >= 0)
        _Py_int_max_str_digits = c->int_max_str_digits;
    SET_SYS("dont_write_bytecode", PyBool_FromLong(!c->write_bytecode));
    version_info = make_version_info();
    if (version_info == NULL)
        goto error;
    SET_SYS("version_info", Py_NewRef(version_info));
    SET_SYS("implementation", make_impl_info(version_info));
    Py_CLEAR(version_info);
    SET_SYS("flags", make_flags(c));
    SET_SYS("float_info", make_float_info());
    SET_SYS("int_info", make_int_info());
    SET_SYS("hash_info", make_hash_info());
    SET_SYS("thread_info", make_thread_info());
    SET_SYS("_git", Py_BuildValue("(sss)", "Krait", "", ""));
    SET_SYS("_framework", PyUnicode_FromString(""));
    SET_SYS("_home", Py_NewRef(Py_None));
    SET_SYS("builtin_module_names", make_builtin_module_names());
    SET_SYS("stdlib_module_names", make_stdlib_module_names());
    SET_SYS("meta_path", PyList_New(0));
    SET_SYS("path_hooks", PyList_New(0));
    SET_SYS("path_importer_cache", PyDict_New());
    SET_SYS("warnoptions", list_from_strings(c->warnoptions, c->nwarnoptions));
    SET_SYS("_xoptions", make_xoptions(c));
    SET_SYS("argv", list_from_strings(c->argv, c->argc));
    SET_SYS("orig_argv", PyList_New(0));   /* filled by main.c */
    {
        char *exe = compute_executable(c->program_name);
        char *base = exe ? compute_base_executable(exe) : NULL;
        SET_SYS("executable", PyUnicode_DecodeFSDefault(exe ? exe : ""));
        SET_SYS("_base_executable", PyUnicode_DecodeFSDefault(base ? base : ""));
        free(exe);
        free(base);
    }
    {
        /* the prefix is the one of the standard library Krait runs (/usr for
           /usr/lib/python3.11), so that site finds its site-packages and sysconfig
           its paths as python3.11 does; Krait's own lib/ is only a sys.path entry */
        const char *lib = KRAIT_STDLIB_DIR;
        Py_ssize_t n = (Py_ssize_t)strlen(lib);
        for (int up = 0; up < 2; up++) {
            while (n > 1 && lib[n - 1] != '/')
                n--;
            if (n > 1)
                n--;
        }
        SET_SYS("prefix", PyUnicode_FromStringAndSize(lib, n));
        SET_SYS("base_prefix", PyUnicode_FromStringAndSize(lib, n));
        SET_SYS("exec_prefix", PyUnicode_FromStringAndSize(lib, n));
        SET_SYS("base_exec_prefix", PyUnicode_FromStringAndSize(lib, n));
    }
    /* __displayhook__ etc. keep the originals for code that restores them */
    SET_SYS("__displayhook__", Py_NewRef(PyDict_GetItemString(sd, "displayhook")));
    SET_SYS("__excepthook__", Py_NewRef(PyDict_GetItemString(sd, "excepthook")));
    SET_SYS("__unraisablehook__", Py_NewRef(PyDict_GetItemString(sd, "unraisablehook")));
    SET_SYS("__breakpointhook__", Py_NewRef(PyDict_GetItemString(sd, "breakpointhook")));
    if (c->interactive || c->inspect) {
        SET_SYS("ps1", PyUnicode_FromString(">>> "));
        SET_SYS("ps2", PyUnicode_FromString("... "));
    }
    return m;

error:
    Py_XDECREF(version_info);
    Py_DECREF(m);
    return NULL;
}

/* sys.stdin/stdout/stderr and their __dunder__ copies. */
int _PySys_InitStdio(PyThreadState *tstate)
{
    const PyConfig *c = &tstate->interp->config;
    int unbuffered = !c->buffered_stdio;
    PyObject *in = _PyStdStream_New(0, "<stdin>", "r", "surrogateescape", isatty(0), 0);
    PyObject *out = _PyStdStream_New(1, "<stdout>", "w", "surrogateescape",
                                     isatty(1) && !unbuffered, unbuffered);
    PyObject *err = _PyStdStream_New(2, "<stderr>", "w", "backslashreplace", 1, unbuffered);
    int r = -1;
    if (in && out && err &&
        PySys_SetObject("stdin", in) == 0 && PySys_SetObject("__stdin__", in) == 0 &&
        PySys_SetObject("stdout", out) == 0 && PySys_SetObject("__stdout__", out) == 0 &&
        PySys_SetObject("stderr", err) == 0 && PySys_SetObject("__stderr__", err) == 0)
        r = 0;
    Py_XDECREF(in);
    Py_XDECREF(out);
    Py_XDECREF(err);
    return r;
}

int _PySys_UpdateConfig(PyThreadState *tstate)
{
    return 0;
}
