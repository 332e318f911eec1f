/* fcntlmodule.c — the `fcntl` module: fcntl, ioctl, flock, lockf and the F_, LOCK_ and DN_
 * constants.  File descriptors may be ints or objects with fileno().  Owner: modules-os.
 */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define IOCTL_BUFSZ 1024

static int fd_converter(PyObject *o, void *p)
{
    int fd = PyObject_AsFileDescriptor(o);
    if (fd < 0)
        return 0;
    *(int *)p = fd;
    return 1;
}

/* Retry on EINTR unless a signal handler raised. */
#define RETRY(res, call)                                                                    \
    do {                                                                                    \
        Py_BEGIN_ALLOW_THREADS                                                              \
        res = call;                                                                         \
        Py_END_ALLOW_THREADS                                                                \
    } while (res < 0 && errno == EINTR && !(async_err = PyErr_CheckSignals()))

/* fcntl(fd, cmd, arg=0): an int arg returns the int result; a bytes/str arg is copied to
 * a buffer the call may fill, returned as bytes. */
static PyObject *fcntl_fcntl(PyObject *m, PyObject *args)
{
    int fd, code, ret, async_err = 0;
    PyObject *arg = NULL;
    if (!PyArg_ParseTuple(args, "O&i|O:fcntl", fd_converter, &fd, &code, &arg))
        return NULL;
    if (arg != NULL && !PyLong_Check(arg)) {
        const char *str;
        Py_ssize_t len;
        if (PyUnicode_Check(arg)) {
            str = PyUnicode_AsUTF8AndSize(arg, &len);
            if (str == NULL)
                return NULL;
        } else {
            Py_buffer view;
            if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError,
                             "fcntl() argument 3 must be an integer, a bytes-like object, "
                             "or a string");
                return NULL;
            }
            char buf[IOCTL_BUFSZ];
            if (view.len > IOCTL_BUFSZ) {
                PyBuffer_Release(&view);
                PyErr_SetString(PyExc_ValueError, "fcntl argument 3 is too long");
                return NULL;
            }
            len = view.len;
            memcpy(buf, view.buf, len);
            PyBuffer_Release(&view);
            RETRY(ret, fcntl(fd, code, buf));
            if (ret < 0)
                return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
            return PyBytes_FromStringAndSize(buf, len);
        }
        char buf[IOCTL_BUFSZ];
        if (len > IOCTL_BUFSZ) {
            PyErr_SetString(PyExc_ValueError, "fcntl argument 3 is too long");
            return NULL;
        }
        memcpy(buf, str, len);
        RETRY(ret, fcntl(fd, code, buf));
        if (ret < 0)
            return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
        return PyBytes_FromStringAndSize(buf, len);
    }
    unsigned int iarg = 0;
    if (arg != NULL) {
        iarg = (unsigned int)PyLong_AsUnsignedLongMask(arg);
        if (iarg == (unsigned int)-1 && PyErr_Occurred())
            return NULL;
    }
    RETRY(ret, fcntl(fd, code, iarg));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(ret);
}

/* ioctl(fd, request, arg=0, mutate_flag=True) */
static PyObject *fcntl_ioctl(PyObject *m, PyObject *args)
{
    int fd, ret, mutate = 1;
    unsigned long code;
    PyObject *arg = NULL;
    if (!PyArg_ParseTuple(args, "O&k|Op:ioctl", fd_converter, &fd, &code, &arg, &mutate))
        return NULL;
    if (arg != NULL && !PyLong_Check(arg)) {
        Py_buffer view;
        char buf[IOCTL_BUFSZ + 1];
        if (PyUnicode_Check(arg)) {
            Py_ssize_t len;
            const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
            if (s == NULL)
                return NULL;
            if (len > IOCTL_BUFSZ) {
                PyErr_SetString(PyExc_ValueError, "ioctl string arg too long");
                return NULL;
            }
            memcpy(buf, s, len);
            buf[len] = '\0';
            ret = ioctl(fd, code, buf);
            if (ret < 0)
                return PyErr_SetFromErrno(PyExc_OSError);
            return PyBytes_FromStringAndSize(buf, len);
        }
        int writable = PyObject_GetBuffer(arg, &view, PyBUF_WRITABLE) == 0;
        if (!writable) {
            PyErr_Clear();
            if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
                PyErr_Clear();
                PyErr_SetString(PyExc_TypeError,
                                "ioctl() argument 3 must be an integer, a bytes-like object, "
                                "or a string");
                return NULL;
            }
        }
        if (writable && mutate) {
            /* Mutate the caller's buffer in place; result is the int return. */
            if (view.len <= IOCTL_BUFSZ) {
                memcpy(buf, view.buf, view.len);
                buf[view.len] = '\0';
                ret = ioctl(fd, code, buf);
                memcpy(view.buf, buf, view.len);
            } else
                ret = ioctl(fd, code, view.buf);
            PyBuffer_Release(&view);
            if (ret < 0)
                return PyErr_SetFromErrno(PyExc_OSError);
            return PyLong_FromLong(ret);
        }
        if (view.len > IOCTL_BUFSZ) {
            PyBuffer_Release(&view);
            PyErr_SetString(PyExc_ValueError, "ioctl string arg too long");
            return NULL;
        }
        Py_ssize_t len = view.len;
        memcpy(buf, view.buf, len);
        buf[len] = '\0';
        PyBuffer_Release(&view);
        ret = ioctl(fd, code, buf);
        if (ret < 0)
            return PyErr_SetFromErrno(PyExc_OSError);
        return PyBytes_FromStringAndSize(buf, len);
    }
    int iarg = 0;
    if (arg != NULL) {
        iarg = (int)PyLong_AsUnsignedLongMask(arg);
        if (iarg == -1 && PyErr_Occurred())
            return NULL;
    }
    ret = ioctl(fd, code, iarg);
    if (ret < 0)
        return PyErr_SetFromErrno(PyExc_OSError);
    return PyLong_FromLong(ret);
}

static PyObject *fcntl_flock(PyObject *m, PyObject *args)
{
    int fd, op, ret, async_err = 0;
    if (!PyArg_ParseTuple(args, "O&i:flock", fd_converter, &fd, &op))
        return NULL;
    RETRY(ret, flock(fd, op));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

/* lockf(fd, cmd, len=0, start=0, whence=0): fcntl record locks with flock's LOCK_* cmds. */
static PyObject *fcntl_lockf(PyObject *m, PyObject *args)
{
    int fd, code, whence = 0, ret, async_err = 0;
    PyObject *lenobj = NULL, *startobj = NULL;
    if (!PyArg_ParseTuple(args, "O&i|OOi:lockf", fd_converter, &fd, &code, &lenobj,
                          &startobj, &whence))
        return NULL;
    struct flock l;
    memset(&l, 0, sizeof l);
    if (code == LOCK_UN)
        l.l_type = F_UNLCK;
    else if (code & LOCK_SH)
        l.l_type = F_RDLCK;
    else if (code & LOCK_EX)
        l.l_type = F_WRLCK;
    else {
        PyErr_SetString(PyExc_ValueError, "unrecognized lockf argument");
        return NULL;
    }
    l.l_start = startobj ? (off_t)PyLong_AsLongLong(startobj) : 0;
    if (PyErr_Occurred())
        return NULL;
    l.l_len = lenobj ? (off_t)PyLong_AsLongLong(lenobj) : 0;
    if (PyErr_Occurred())
        return NULL;
    l.l_whence = (short)whence;
    RETRY(ret, fcntl(fd, (code & LOCK_NB) ? F_SETLK : F_SETLKW, &l));
    if (ret < 0)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    Py_RETURN_NONE;
}

static PyMethodDef fcntl_methods[] = {
    {"fcntl", fcntl_fcntl, METH_VARARGS, "Perform the operation `cmd` on file descriptor fd."},
    {"ioctl", fcntl_ioctl, METH_VARARGS, "Perform the operation `request` on file descriptor `fd`."},
    {"flock", fcntl_flock, METH_VARARGS, "Perform the lock operation `operation` on file descriptor `fd`."},
    {"lockf", fcntl_lockf, METH_VARARGS, "A wrapper around the fcntl() locking calls."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef fcntlmodule = {
    PyModuleDef_HEAD_INIT, "fcntl",
    "This module performs file control and I/O control on\nfile descriptors.", -1,
    fcntl_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_fcntl(void)
{
    PyObject *m = PyModule_Create(&fcntlmodule);
    if (m == NULL)
        return NULL;
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) goto fail;
    C(LOCK_SH) C(LOCK_EX) C(LOCK_NB) C(LOCK_UN)
#ifdef LOCK_MAND
    C(LOCK_MAND) C(LOCK_READ) C(LOCK_WRITE) C(LOCK_RW)
#endif
    C(F_DUPFD) C(F_DUPFD_CLOEXEC) C(F_GETFD) C(F_SETFD) C(F_GETFL) C(F_SETFL)
    C(F_GETLK) C(F_SETLK) C(F_SETLKW) C(F_GETOWN) C(F_SETOWN) C(F_GETSIG) C(F_SETSIG)
    C(F_RDLCK) C(F_WRLCK) C(F_UNLCK) C(F_GETLK64) C(F_SETLK64) C(F_SETLKW64)
    C(F_EXLCK) C(F_SHLCK) C(F_GETLEASE) C(F_SETLEASE) C(F_NOTIFY)
    C(F_GETPIPE_SZ) C(F_SETPIPE_SZ) C(F_OFD_GETLK) C(F_OFD_SETLK) C(F_OFD_SETLKW)
    C(F_ADD_SEALS) C(F_GET_SEALS) C(F_SEAL_SEAL) C(F_SEAL_SHRINK) C(F_SEAL_GROW)
    C(F_SEAL_WRITE) C(FD_CLOEXEC) C(FASYNC)
    C(DN_ACCESS) C(DN_MODIFY) C(DN_CREATE) C(DN_DELETE) C(DN_RENAME) C(DN_ATTRIB)
    C(DN_MULTISHOT)
#undef C
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
