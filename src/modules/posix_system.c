/* posix_system.c — the configuration and device part of `posix`: sysconf/confstr/pathconf/
 * fpathconf with their *_names tables, major/minor/makedev, mknod, chroot and the extended
 * attribute calls (getxattr/setxattr/listxattr/removexattr).  posixmodule.c adds these to
 * the module through _PyPosix_AddSystem.  Owner: asyncio (session 4). */
#include "Python.h"
#include "posixmodule.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <linux/limits.h>
#include <linux/memfd.h>
#include <unistd.h>

static PyObject *posix_error(void) { return PyErr_SetFromErrno(PyExc_OSError); }

/* ------------------------------------------------------------------ configuration names */

typedef struct {
    const char *name;
    int value;
} confname_t;

#define N(x) {#x, _##x}
static const confname_t confstr_table[] = {
    N(CS_GNU_LIBC_VERSION), N(CS_GNU_LIBPTHREAD_VERSION), N(CS_LFS64_CFLAGS),
    N(CS_LFS64_LDFLAGS), N(CS_LFS64_LIBS), N(CS_LFS64_LINTFLAGS), N(CS_LFS_CFLAGS),
    N(CS_LFS_LDFLAGS), N(CS_LFS_LIBS), N(CS_LFS_LINTFLAGS), N(CS_PATH),
    N(CS_XBS5_ILP32_OFF32_CFLAGS), N(CS_XBS5_ILP32_OFF32_LDFLAGS), N(CS_XBS5_ILP32_OFF32_LIBS),
    N(CS_XBS5_ILP32_OFF32_LINTFLAGS), N(CS_XBS5_ILP32_OFFBIG_CFLAGS),
    N(CS_XBS5_ILP32_OFFBIG_LDFLAGS), N(CS_XBS5_ILP32_OFFBIG_LIBS),
    N(CS_XBS5_ILP32_OFFBIG_LINTFLAGS), N(CS_XBS5_LP64_OFF64_CFLAGS),
    N(CS_XBS5_LP64_OFF64_LDFLAGS), N(CS_XBS5_LP64_OFF64_LIBS), N(CS_XBS5_LP64_OFF64_LINTFLAGS),
    N(CS_XBS5_LPBIG_OFFBIG_CFLAGS), N(CS_XBS5_LPBIG_OFFBIG_LDFLAGS),
    N(CS_XBS5_LPBIG_OFFBIG_LIBS), N(CS_XBS5_LPBIG_OFFBIG_LINTFLAGS), {NULL, 0},
};

static const confname_t pathconf_table[] = {
    N(PC_ALLOC_SIZE_MIN), N(PC_ASYNC_IO), N(PC_CHOWN_RESTRICTED), N(PC_FILESIZEBITS),
    N(PC_LINK_MAX), N(PC_MAX_CANON), N(PC_MAX_INPUT), N(PC_NAME_MAX), N(PC_NO_TRUNC),
    N(PC_PATH_MAX), N(PC_PIPE_BUF), N(PC_PRIO_IO), N(PC_REC_INCR_XFER_SIZE),
    N(PC_REC_MAX_XFER_SIZE), N(PC_REC_MIN_XFER_SIZE), N(PC_REC_XFER_ALIGN), N(PC_SOCK_MAXBUF),
    N(PC_SYMLINK_MAX), N(PC_SYNC_IO), N(PC_VDISABLE), {NULL, 0},
};

static const confname_t sysconf_table[] = {
    N(SC_2_CHAR_TERM), N(SC_2_C_BIND), N(SC_2_C_DEV), N(SC_2_C_VERSION), N(SC_2_FORT_DEV),
    N(SC_2_FORT_RUN), N(SC_2_LOCALEDEF), N(SC_2_SW_DEV), N(SC_2_UPE), N(SC_2_VERSION),
    N(SC_AIO_LISTIO_MAX), N(SC_AIO_MAX), N(SC_AIO_PRIO_DELTA_MAX), N(SC_ARG_MAX),
    N(SC_ASYNCHRONOUS_IO), N(SC_ATEXIT_MAX), N(SC_AVPHYS_PAGES), N(SC_BC_BASE_MAX),
    N(SC_BC_DIM_MAX), N(SC_BC_SCALE_MAX), N(SC_BC_STRING_MAX), N(SC_CHARCLASS_NAME_MAX),
    N(SC_CHAR_BIT), N(SC_CHAR_MAX), N(SC_CHAR_MIN), N(SC_CHILD_MAX), N(SC_CLK_TCK),
    N(SC_COLL_WEIGHTS_MAX), N(SC_DELAYTIMER_MAX), N(SC_EQUIV_CLASS_MAX), N(SC_EXPR_NEST_MAX),
    N(SC_FSYNC), N(SC_GETGR_R_SIZE_MAX), N(SC_GETPW_R_SIZE_MAX), N(SC_INT_MAX), N(SC_INT_MIN),
    N(SC_IOV_MAX), N(SC_JOB_CONTROL), N(SC_LINE_MAX), N(SC_LOGIN_NAME_MAX), N(SC_LONG_BIT),
    N(SC_MAPPED_FILES), N(SC_MB_LEN_MAX), N(SC_MEMLOCK), N(SC_MEMLOCK_RANGE),
    N(SC_MEMORY_PROTECTION), N(SC_MESSAGE_PASSING), N(SC_MINSIGSTKSZ), N(SC_MQ_OPEN_MAX),
    N(SC_MQ_PRIO_MAX), N(SC_NGROUPS_MAX), N(SC_NL_ARGMAX), N(SC_NL_LANGMAX), N(SC_NL_MSGMAX),
    N(SC_NL_NMAX), N(SC_NL_SETMAX), N(SC_NL_TEXTMAX), N(SC_NPROCESSORS_CONF),
    N(SC_NPROCESSORS_ONLN), N(SC_NZERO), N(SC_OPEN_MAX), N(SC_PAGESIZE), N(SC_PAGE_SIZE),
    N(SC_PASS_MAX), N(SC_PHYS_PAGES), N(SC_PII), N(SC_PII_INTERNET), N(SC_PII_INTERNET_DGRAM),
    N(SC_PII_INTERNET_STREAM), N(SC_PII_OSI), N(SC_PII_OSI_CLTS), N(SC_PII_OSI_COTS),
    N(SC_PII_OSI_M), N(SC_PII_SOCKET), N(SC_PII_XTI), N(SC_POLL), N(SC_PRIORITIZED_IO),
    N(SC_PRIORITY_SCHEDULING), N(SC_REALTIME_SIGNALS), N(SC_RE_DUP_MAX), N(SC_RTSIG_MAX),
    N(SC_SAVED_IDS), N(SC_SCHAR_MAX), N(SC_SCHAR_MIN), N(SC_SELECT), N(SC_SEMAPHORES),
    N(SC_SEM_NSEMS_MAX), N(SC_SEM_VALUE_MAX), N(SC_SHARED_MEMORY_OBJECTS), N(SC_SHRT_MAX),
    N(SC_SHRT_MIN), N(SC_SIGQUEUE_MAX), N(SC_SSIZE_MAX), N(SC_STREAM_MAX),
    N(SC_SYNCHRONIZED_IO), N(SC_THREADS), N(SC_THREAD_ATTR_STACKADDR),
    N(SC_THREAD_ATTR_STACKSIZE), N(SC_THREAD_DESTRUCTOR_ITERATIONS), N(SC_THREAD_KEYS_MAX),
    N(SC_THREAD_PRIORITY_SCHEDULING), N(SC_THREAD_PRIO_INHERIT), N(SC_THREAD_PRIO_PROTECT),
    N(SC_THREAD_PROCESS_SHARED), N(SC_THREAD_SAFE_FUNCTIONS), N(SC_THREAD_STACK_MIN),
    N(SC_THREAD_THREADS_MAX), N(SC_TIMERS), N(SC_TIMER_MAX), N(SC_TTY_NAME_MAX),
    N(SC_TZNAME_MAX), N(SC_T_IOV_MAX), N(SC_UCHAR_MAX), N(SC_UINT_MAX), N(SC_UIO_MAXIOV),
    N(SC_ULONG_MAX), N(SC_USHRT_MAX), N(SC_VERSION), N(SC_WORD_BIT), N(SC_XBS5_ILP32_OFF32),
    N(SC_XBS5_ILP32_OFFBIG), N(SC_XBS5_LP64_OFF64), N(SC_XBS5_LPBIG_OFFBIG), N(SC_XOPEN_CRYPT),
    N(SC_XOPEN_ENH_I18N), N(SC_XOPEN_LEGACY), N(SC_XOPEN_REALTIME), N(SC_XOPEN_REALTIME_THREADS),
    N(SC_XOPEN_SHM), N(SC_XOPEN_UNIX), N(SC_XOPEN_VERSION), N(SC_XOPEN_XCU_VERSION),
    N(SC_XOPEN_XPG2), N(SC_XOPEN_XPG3), N(SC_XOPEN_XPG4), {NULL, 0},
};
#undef N

/* A configuration name: an int as is, or a str looked up in `table`. */
static int conv_confname(PyObject *arg, int *value, const confname_t *table)
{
    if (PyLong_Check(arg)) {
        int v = _PyLong_AsInt(arg);
        if (v == -1 && PyErr_Occurred())
            return 0;
        *value = v;
        return 1;
    }
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "configuration names must be strings or integers");
        return 0;
    }
    const char *name = PyUnicode_AsUTF8(arg);
    if (name == NULL)
        return 0;
    for (const confname_t *t = table; t->name; t++) {
        if (strcmp(t->name, name) == 0) {
            *value = t->value;
            return 1;
        }
    }
    PyErr_SetString(PyExc_ValueError, "unrecognized configuration name");
    return 0;
}

static int conv_sysconf(PyObject *o, void *p) { return conv_confname(o, p, sysconf_table); }
static int conv_confstr(PyObject *o, void *p) { return conv_confname(o, p, confstr_table); }
static int conv_pathconf(PyObject *o, void *p) { return conv_confname(o, p, pathconf_table); }

static PyObject *os_sysconf(PyObject *self, PyObject *args)
{
    int name;
    if (!PyArg_ParseTuple(args, "O&:sysconf", conv_sysconf, &name))
        return NULL;
    errno = 0;
    long r = sysconf(name);
    if (r == -1 && errno)
        return posix_error();
    return PyLong_FromLong(r);
}

/* confstr(name, /): str, or None when the name has no value. */
static PyObject *os_confstr(PyObject *self, PyObject *args)
{
    int name;
    if (!PyArg_ParseTuple(args, "O&:confstr", conv_confstr, &name))
        return NULL;
    char buf[256];
    errno = 0;
    size_t len = confstr(name, buf, sizeof buf);
    if (len == 0) {
        if (errno)
            return posix_error();
        Py_RETURN_NONE;
    }
    if (len <= sizeof buf)
        return PyUnicode_DecodeFSDefaultAndSize(buf, (Py_ssize_t)len - 1);
    char *big = PyMem_Malloc(len);
    if (big == NULL)
        return PyErr_NoMemory();
    confstr(name, big, len);
    PyObject *res = PyUnicode_DecodeFSDefaultAndSize(big, (Py_ssize_t)len - 1);
    PyMem_Free(big);
    return res;
}

static PyObject *pathconf_result(long r)
{
    if (r == -1 && errno)
        return posix_error();
    return PyLong_FromLong(r);
}

static PyObject *os_pathconf(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "name", NULL};
    path_t path = PATH_T_INIT("pathconf", "path", 0, 1);
    int name;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&O&:pathconf", kwlist, _PyPosix_PathConverter,
                                     &path, conv_pathconf, &name)) {
        _PyPosix_PathCleanup(&path);
        return NULL;
    }
    errno = 0;
    long r = path.fd != -1 ? fpathconf(path.fd, name) : pathconf(path.narrow, name);
    PyObject *res = (r == -1 && errno) ? _PyPosix_PathError(&path) : PyLong_FromLong(r);
    _PyPosix_PathCleanup(&path);
    return res;
}

static PyObject *os_fpathconf(PyObject *self, PyObject *args)
{
    PyObject *fdobj;
    int name;
    if (!PyArg_ParseTuple(args, "OO&:fpathconf", &fdobj, conv_pathconf, &name))
        return NULL;
    int fd = PyObject_AsFileDescriptor(fdobj);
    if (fd < 0)
        return NULL;
    errno = 0;
    return pathconf_result(fpathconf(fd, name));
}

/* {name: value} for os.sysconf_names and friends */
static int add_names(PyObject *m, const char *attr, const confname_t *table)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return -1;
    for (const confname_t *t = table; t->name; t++) {
        PyObject *v = PyLong_FromLong(t->value);
        if (v == NULL || PyDict_SetItemString(d, t->name, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(d);
            return -1;
        }
        Py_DECREF(v);
    }
    return PyModule_AddObject(m, attr, d) < 0 ? (Py_DECREF(d), -1) : 0;
}

/* ------------------------------------------------------------------ devices, mknod, chroot */

/* dev_t from an int: negative values are refused like CPython's unsigned conversion. */
static int dev_converter(PyObject *o, void *p)
{
    unsigned long long v = PyLong_AsUnsignedLongLong(o);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return 0;
    *(dev_t *)p = (dev_t)v;
    return 1;
}

static PyObject *os_major(PyObject *self, PyObject *args)
{
    dev_t dev;
    if (!PyArg_ParseTuple(args, "O&:major", dev_converter, &dev))
        return NULL;
    return PyLong_FromUnsignedLong(major(dev));
}

static PyObject *os_minor(PyObject *self, PyObject *args)
{
    dev_t dev;
    if (!PyArg_ParseTuple(args, "O&:minor", dev_converter, &dev))
        return NULL;
    return PyLong_FromUnsignedLong(minor(dev));
}

static PyObject *os_makedev(PyObject *self, PyObject *args)
{
    unsigned int maj, min;
    if (!PyArg_ParseTuple(args, "II:makedev", &maj, &min))
        return NULL;
    return PyLong_FromLongLong((long long)makedev(maj, min));
}

static PyObject *os_mknod(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "mode", "device", "dir_fd", NULL};
    path_t path = PATH_T_INIT("mknod", "path", 0, 0);
    int mode = 0600, dfd = AT_FDCWD;
    dev_t dev = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|iO&$O&:mknod", kwlist,
                                     _PyPosix_PathConverter, &path, &mode, dev_converter, &dev,
                                     _PyPosix_DirFdConverter, &dfd)) {
        _PyPosix_PathCleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = mknodat(dfd, path.narrow, (mode_t)mode, dev);
    Py_END_ALLOW_THREADS
    PyObject *res = r ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
    _PyPosix_PathCleanup(&path);
    return res;
}

static PyObject *os_chroot(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("chroot", "path", 0, 0);
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&:chroot", kwlist, _PyPosix_PathConverter,
                                     &path)) {
        _PyPosix_PathCleanup(&path);
        return NULL;
    }
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = chroot(path.narrow);
    Py_END_ALLOW_THREADS
    PyObject *res = r ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
    _PyPosix_PathCleanup(&path);
    return res;
}

/* ------------------------------------------------------------------ extended attributes */

/* CPython refuses an fd with follow_symlinks=False (only for fd > 0, as it tests). */
static int fd_and_nofollow(const char *fname, const path_t *path, int follow)
{
    if (path->fd > 0 && !follow) {
        PyErr_Format(PyExc_ValueError, "%s: cannot use fd and follow_symlinks together", fname);
        return 1;
    }
    return 0;
}

static PyObject *os_getxattr(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "attribute", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("getxattr", "path", 0, 1);
    path_t attr = PATH_T_INIT("getxattr", "attribute", 0, 0);
    int follow = 1;
    PyObject *res = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&O&|$p:getxattr", kwlist,
                                     _PyPosix_PathConverter, &path, _PyPosix_PathConverter,
                                     &attr, &follow) ||
        fd_and_nofollow("getxattr", &path, follow))
        goto done;
    /* grow the buffer until the value fits (ERANGE), up to the kernel's limit */
    for (Py_ssize_t size = 128; ; size *= 2) {
        PyObject *buf = PyBytes_FromStringAndSize(NULL, size);
        if (buf == NULL)
            goto done;
        ssize_t n;
        Py_BEGIN_ALLOW_THREADS
        n = path.fd >= 0 ? fgetxattr(path.fd, attr.narrow, PyBytes_AS_STRING(buf), size)
            : follow ? getxattr(path.narrow, attr.narrow, PyBytes_AS_STRING(buf), size)
                     : lgetxattr(path.narrow, attr.narrow, PyBytes_AS_STRING(buf), size);
        Py_END_ALLOW_THREADS
        if (n >= 0) {
            _PyBytes_Resize(&buf, n);
            res = buf;
            break;
        }
        Py_DECREF(buf);
        if (errno != ERANGE || size >= XATTR_SIZE_MAX) {
            _PyPosix_PathError(&path);
            break;
        }
    }
done:
    _PyPosix_PathCleanup(&path);
    _PyPosix_PathCleanup(&attr);
    return res;
}

static PyObject *os_setxattr(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "attribute", "value", "flags", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("setxattr", "path", 0, 1);
    path_t attr = PATH_T_INIT("setxattr", "attribute", 0, 0);
    Py_buffer value = {0};
    int flags = 0, follow = 1;
    PyObject *res = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&O&y*|i$p:setxattr", kwlist,
                                     _PyPosix_PathConverter, &path, _PyPosix_PathConverter,
                                     &attr, &value, &flags, &follow))
        goto done;
    if (!fd_and_nofollow("setxattr", &path, follow)) {
        int r;
        Py_BEGIN_ALLOW_THREADS
        r = path.fd >= 0 ? fsetxattr(path.fd, attr.narrow, value.buf, value.len, flags)
            : follow ? setxattr(path.narrow, attr.narrow, value.buf, value.len, flags)
                     : lsetxattr(path.narrow, attr.narrow, value.buf, value.len, flags);
        Py_END_ALLOW_THREADS
        res = r ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
    }
    PyBuffer_Release(&value);
done:
    _PyPosix_PathCleanup(&path);
    _PyPosix_PathCleanup(&attr);
    return res;
}

static PyObject *os_removexattr(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "attribute", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("removexattr", "path", 0, 1);
    path_t attr = PATH_T_INIT("removexattr", "attribute", 0, 0);
    int follow = 1;
    PyObject *res = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&O&|$p:removexattr", kwlist,
                                     _PyPosix_PathConverter, &path, _PyPosix_PathConverter,
                                     &attr, &follow) ||
        fd_and_nofollow("removexattr", &path, follow))
        goto done;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = path.fd >= 0 ? fremovexattr(path.fd, attr.narrow)
        : follow ? removexattr(path.narrow, attr.narrow)
                 : lremovexattr(path.narrow, attr.narrow);
    Py_END_ALLOW_THREADS
    res = r ? _PyPosix_PathError(&path) : Py_NewRef(Py_None);
done:
    _PyPosix_PathCleanup(&path);
    _PyPosix_PathCleanup(&attr);
    return res;
}

/* listxattr(path=None): the names as str (FS-decoded); None means the current directory. */
static PyObject *os_listxattr(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("listxattr", "path", 1, 1);
    int follow = 1;
    PyObject *res = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O&$p:listxattr", kwlist,
                                     _PyPosix_PathConverter, &path, &follow) ||
        fd_and_nofollow("listxattr", &path, follow))
        goto done;
    const char *name = path.narrow ? path.narrow : ".";
    char *buf = NULL;
    ssize_t n;
    for (size_t size = 256; ; size *= 2) {
        char *nb = PyMem_Realloc(buf, size);
        if (nb == NULL) {
            PyMem_Free(buf);
            PyErr_NoMemory();
            goto done;
        }
        buf = nb;
        Py_BEGIN_ALLOW_THREADS
        n = path.fd >= 0 ? flistxattr(path.fd, buf, size)
            : follow ? listxattr(name, buf, size) : llistxattr(name, buf, size);
        Py_END_ALLOW_THREADS
        if (n >= 0)
            break;
        if (errno != ERANGE || size >= XATTR_LIST_MAX) {
            PyMem_Free(buf);
            _PyPosix_PathError(&path);
            goto done;
        }
    }
    res = PyList_New(0);
    for (ssize_t i = 0; res && i < n;) {
        size_t len = strlen(buf + i);
        PyObject *s = PyUnicode_DecodeFSDefaultAndSize(buf + i, (Py_ssize_t)len);
        if (s == NULL || PyList_Append(res, s) < 0)
            Py_CLEAR(res);
        Py_XDECREF(s);
        i += (ssize_t)len + 1;
    }
    PyMem_Free(buf);
done:
    _PyPosix_PathCleanup(&path);
    return res;
}

/* ------------------------------------------------------------------ registration */

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS
static PyMethodDef system_methods[] = {
    {"sysconf", os_sysconf, METH_VARARGS,
     "sysconf($module, name, /)\n--\n\nReturn an integer-valued system configuration variable."},
    {"confstr", os_confstr, METH_VARARGS,
     "confstr($module, name, /)\n--\n\nReturn a string-valued system configuration variable."},
    {"pathconf", KW(os_pathconf),
     "pathconf($module, /, path, name)\n--\n\n"
     "Return the configuration limit name for the file or directory path.\n\n"
     "If there is no limit, return -1.\n"
     "On some platforms, path may also be specified as an open file descriptor.\n"
     "  If this functionality is unavailable, using it raises an exception."},
    {"fpathconf", os_fpathconf, METH_VARARGS,
     "fpathconf($module, fd, name, /)\n--\n\n"
     "Return the configuration limit name for the file descriptor fd.\n\n"
     "If there is no limit, return -1."},
    {"major", os_major, METH_VARARGS,
     "major($module, device, /)\n--\n\nExtracts a device major number from a raw device number."},
    {"minor", os_minor, METH_VARARGS,
     "minor($module, device, /)\n--\n\nExtracts a device minor number from a raw device number."},
    {"makedev", os_makedev, METH_VARARGS,
     "makedev($module, major, minor, /)\n--\n\nComposes a raw device number from the major and minor device numbers."},
    {"mknod", KW(os_mknod),
     "mknod($module, /, path, mode=384, device=0, *, dir_fd=None)\n--\n\n"
     "Create a node in the file system (file, device special file or named pipe)."},
    {"chroot", KW(os_chroot),
     "chroot($module, /, path)\n--\n\nChange root directory to path."},
    {"getxattr", KW(os_getxattr),
     "getxattr($module, /, path, attribute, *, follow_symlinks=True)\n--\n\n"
     "Return the value of extended attribute attribute on path."},
    {"setxattr", KW(os_setxattr),
     "setxattr($module, /, path, attribute, value, flags=0, *, follow_symlinks=True)\n--\n\n"
     "Set extended attribute attribute on path to value."},
    {"removexattr", KW(os_removexattr),
     "removexattr($module, /, path, attribute, *, follow_symlinks=True)\n--\n\n"
     "Remove extended attribute attribute on path."},
    {"listxattr", KW(os_listxattr),
     "listxattr($module, /, path=None, *, follow_symlinks=True)\n--\n\n"
     "Return a list of extended attributes on path."},
    {NULL, NULL, 0, NULL},
};

int _PyPosix_AddSystem(PyObject *m)
{
    if (PyModule_AddFunctions(m, system_methods) < 0 ||
        add_names(m, "sysconf_names", sysconf_table) < 0 ||
        add_names(m, "confstr_names", confstr_table) < 0 ||
        add_names(m, "pathconf_names", pathconf_table) < 0)
        return -1;
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) return -1;
    C(XATTR_CREATE) C(XATTR_REPLACE) C(XATTR_SIZE_MAX) C(O_FSYNC)
    C(MFD_HUGE_SHIFT) C(MFD_HUGE_MASK) C(MFD_HUGE_64KB) C(MFD_HUGE_512KB) C(MFD_HUGE_1MB)
    C(MFD_HUGE_2MB) C(MFD_HUGE_8MB) C(MFD_HUGE_16MB) C(MFD_HUGE_32MB) C(MFD_HUGE_256MB)
    C(MFD_HUGE_512MB) C(MFD_HUGE_1GB) C(MFD_HUGE_2GB) C(MFD_HUGE_16GB)
#undef C
    return 0;
}
