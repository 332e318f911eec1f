/* posixmodule.c — the `posix` module (what os.py re-exports on POSIX): stat family and
 * stat_result, directories (listdir, scandir/DirEntry), file descriptors, environ,
 * process info, uname, urandom, wait-status macros, PyOS_FSPath.  Owner: modules-os.
 * Path encoding is unicodeobject.c's (PyUnicode_FSConverter); OSError subclass choice
 * from errno is errors.c/exceptions.c's. */
#include "Python.h"
#include <pty.h>
#include <utmp.h>
#include <termios.h>
#include "structseq.h"
#include "posixmodule.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <sched.h>
#include <time.h>
#include <unistd.h>
#include <sysexits.h>
#include <dlfcn.h>

extern char **environ;

/* ------------------------------------------------------------------ fspath */

PyObject *PyOS_FSPath(PyObject *path)
{
    if (PyUnicode_Check(path) || PyBytes_Check(path))
        return Py_NewRef(path);
    PyObject *func = _PyObject_LookupSpecial(path, _Py_ID(__fspath__));
    if (func == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError,
                         "expected str, bytes or os.PathLike object, not %.200s",
                         Py_TYPE(path)->tp_name);
        return NULL;
    }
    PyObject *res = PyObject_CallNoArgs(func);
    Py_DECREF(func);
    if (res == NULL)
        return NULL;
    if (!(PyUnicode_Check(res) || PyBytes_Check(res))) {
        PyErr_Format(PyExc_TypeError,
                     "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     Py_TYPE(path)->tp_name, Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}


/* ---- uid/gid conversions (shared with pwd and grp through posixmodule.h) ---- */

_Static_assert(sizeof(uid_t) == sizeof(gid_t), "uid_t and gid_t share one converter");

/* `what` is "uid" or "gid": it only words the errors. */
static int id_converter(PyObject *obj, const char *what, uid_t *p)
{
    if (PyFloat_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s should be integer, not %.200s", what,
                     _PyType_Name(Py_TYPE(obj)));
        return 0;
    }
    PyObject *index = PyNumber_Index(obj);
    if (index == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "%s should be integer, not %.200s", what,
                     _PyType_Name(Py_TYPE(obj)));
        return 0;
    }
    int ovf = 0, too_big = 0, too_small = 0;
    long result = PyLong_AsLongAndOverflow(index, &ovf);
    if (!ovf) {
        if (result == -1 && PyErr_Occurred()) {
            Py_DECREF(index);
            return 0;
        }
        uid_t id = (uid_t)result;
        too_small = result != -1 && (result < 0 || (long)id != result);
        *p = id;
    }
    else if (ovf < 0)
        too_small = 1;
    else {
        unsigned long u = PyLong_AsUnsignedLong(index);
        if (PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError)) {
                Py_DECREF(index);
                return 0;
            }
            PyErr_Clear();
            too_big = 1;
        }
        else if ((uid_t)u == (uid_t)-1 || (unsigned long)(uid_t)u != u)
            too_big = 1;
        else
            *p = (uid_t)u;
    }
    Py_DECREF(index);
    if (too_small || too_big) {
        PyErr_Format(PyExc_OverflowError, "%s is %s", what,
                     too_small ? "less than minimum" : "greater than maximum");
        return 0;
    }
    return 1;
}

int _Py_Uid_Converter(PyObject *obj, uid_t *p) { return id_converter(obj, "uid", p); }

int _Py_Gid_Converter(PyObject *obj, gid_t *p)
{
    return id_converter(obj, "gid", (uid_t *)p);
}

static PyObject *id_to_long(uid_t id)
{
    if (id == (uid_t)-1)
        return PyLong_FromLong(-1);
    return PyLong_FromUnsignedLong(id);
}

PyObject *_PyLong_FromUid(uid_t uid) { return id_to_long(uid); }
PyObject *_PyLong_FromGid(gid_t gid) { return id_to_long((uid_t)gid); }

static PyObject *os_fspath(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *path;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O:fspath", kwlist, &path))
        return NULL;
    return PyOS_FSPath(path);
}

/* ------------------------------------------------------------------ path_t */

static void path_cleanup(path_t *p) { Py_CLEAR(p->cleanup); }

static int fd_from_object(PyObject *o, int *fd)
{
    int overflow;
    long v = PyLong_AsLongAndOverflow(o, &overflow);
    if (v == -1 && PyErr_Occurred())
        return 0;
    if (overflow > 0 || v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "fd is greater than maximum");
        return 0;
    }
    if (overflow < 0 || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "fd is less than minimum");
        return 0;
    }
    *fd = (int)v;
    return 1;
}

/* What a path argument may be, for the error and deprecation messages. */
static const char *path_expected(const path_t *path)
{
    return path->allow_fd && path->nullable ? "string, bytes, os.PathLike, integer or None"
           : path->allow_fd ? "string, bytes, os.PathLike or integer"
           : path->nullable ? "string, bytes, os.PathLike or None"
           : "string, bytes or os.PathLike";
}

static int path_converter(PyObject *o, void *p)
{
    path_t *path = p;
    path->object = o;
    if (o == Py_None && path->nullable) {
        path->narrow = NULL;
        return 1;
    }
    if (path->allow_fd && PyLong_Check(o))
        return fd_from_object(o, &path->fd);
    PyObject *s = NULL;
    if (PyUnicode_Check(o) || PyBytes_Check(o)) {
        s = Py_NewRef(o);
    } else if (PyObject_CheckBuffer(o)) {
        /* other bytes-like objects still work in 3.11, with a DeprecationWarning */
        if (PyErr_WarnFormat(PyExc_DeprecationWarning, 1, "%s%s%s should be %s, not %.200s",
                             path->function_name ? path->function_name : "",
                             path->function_name ? ": " : "",
                             path->argument_name ? path->argument_name : "path",
                             path_expected(path), _PyType_Name(Py_TYPE(o))) < 0)
            return 0;
        s = PyBytes_FromObject(o);
        if (s == NULL)
            return 0;
    } else {
        PyObject *func = _PyObject_LookupSpecial(o, _Py_ID(__fspath__));
        if (func == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "%s%s%s should be %s, not %.200s",
                             path->function_name ? path->function_name : "",
                             path->function_name ? ": " : "",
                             path->argument_name ? path->argument_name : "path",
                             path_expected(path), Py_TYPE(o)->tp_name);
            return 0;
        }
        s = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (s == NULL)
            return 0;
        if (!PyUnicode_Check(s) && !PyBytes_Check(s)) {
            PyErr_Format(PyExc_TypeError,
                         "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                         Py_TYPE(o)->tp_name, Py_TYPE(s)->tp_name);
            Py_DECREF(s);
            return 0;
        }
    }
    if (PyUnicode_Check(s)) {
        PyObject *b = PyUnicode_EncodeFSDefault(s);
        Py_DECREF(s);
        if (b == NULL)
            return 0;
        s = b;
    } else {
        path->is_bytes = 1;
    }
    if ((Py_ssize_t)strlen(PyBytes_AS_STRING(s)) != PyBytes_GET_SIZE(s)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(s);
        return 0;
    }
    path->cleanup = s;
    path->narrow = PyBytes_AS_STRING(s);
    return 1;
}

static int dir_fd_converter(PyObject *o, void *p)
{
    if (o == Py_None) {
        *(int *)p = AT_FDCWD;
        return 1;
    }
    if (!PyLong_Check(o)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not %.200s",
                     Py_TYPE(o)->tp_name);
        return 0;
    }
    return fd_from_object(o, p);
}

static PyObject *path_error(path_t *p)
{
    return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, p->object);
}

static PyObject *path_error2(path_t *a, path_t *b)
{
    return PyErr_SetFromErrnoWithFilenameObjects(PyExc_OSError, a->object, b->object);
}

static PyObject *posix_error(void) { return PyErr_SetFromErrno(PyExc_OSError); }

/* Decode a name from the OS as str or, when the caller gave bytes, bytes. */
static PyObject *os_name(const char *s, Py_ssize_t n, int as_bytes)
{
    if (as_bytes)
        return PyBytes_FromStringAndSize(s, n);
    return PyUnicode_DecodeFSDefaultAndSize(s, n);
}

/* ------------------------------------------------------------------ stat_result */

static PyStructSequence_Field stat_result_fields[] = {
    {"st_mode", "protection bits"}, {"st_ino", "inode"}, {"st_dev", "device"},
    {"st_nlink", "number of hard links"}, {"st_uid", "user ID of owner"},
    {"st_gid", "group ID of owner"}, {"st_size", "total size, in bytes"},
    {NULL, "integer time of last access"}, {NULL, "integer time of last modification"},
    {NULL, "integer time of last change"},
    {"st_atime", "time of last access"}, {"st_mtime", "time of last modification"},
    {"st_ctime", "time of last change"},
    {"st_atime_ns", "time of last access in nanoseconds"},
    {"st_mtime_ns", "time of last modification in nanoseconds"},
    {"st_ctime_ns", "time of last change in nanoseconds"},
    {"st_blksize", "blocksize for filesystem I/O"},
    {"st_blocks", "number of blocks allocated"},
    {"st_rdev", "device type (if inode device)"},
    {NULL, NULL},
};

static PyStructSequence_Desc stat_result_desc = {
    "os.stat_result",
    "stat_result: Result from stat, fstat, or lstat.",
    stat_result_fields, 10,
};

static PyTypeObject StatResultType;
static PyTypeObject TerminalSizeType;
static PyTypeObject UnameResultType;
static PyTypeObject TimesResultType;
static PyTypeObject StatvfsResultType;

static void set_times(PyObject *v, int index, struct timespec ts)
{
    PyStructSequence_SetItem(v, index, PyLong_FromLongLong((long long)ts.tv_sec));
    PyStructSequence_SetItem(v, index + 3,
                             PyFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9));
    PyObject *ns = PyLong_FromLongLong((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
    PyStructSequence_SetItem(v, index + 6, ns);
}

static PyObject *stat_to_result(const struct stat *st)
{
    PyObject *v = PyStructSequence_New(&StatResultType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SetItem(v, 0, PyLong_FromLong((long)st->st_mode));
    PyStructSequence_SetItem(v, 1, PyLong_FromUnsignedLongLong((unsigned long long)st->st_ino));
    PyStructSequence_SetItem(v, 2, PyLong_FromUnsignedLongLong((unsigned long long)st->st_dev));
    PyStructSequence_SetItem(v, 3, PyLong_FromLong((long)st->st_nlink));
    PyStructSequence_SetItem(v, 4, PyLong_FromLong((long)st->st_uid));
    PyStructSequence_SetItem(v, 5, PyLong_FromLong((long)st->st_gid));
    PyStructSequence_SetItem(v, 6, PyLong_FromLongLong((long long)st->st_size));
    set_times(v, 7, st->st_atim);
    set_times(v, 8, st->st_mtim);
    set_times(v, 9, st->st_ctim);
    PyStructSequence_SetItem(v, 16, PyLong_FromLong((long)st->st_blksize));
    PyStructSequence_SetItem(v, 17, PyLong_FromLongLong((long long)st->st_blocks));
    PyStructSequence_SetItem(v, 18, PyLong_FromUnsignedLongLong((unsigned long long)st->st_rdev));
    if (PyErr_Occurred()) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

static PyObject *do_stat(const char *fname, path_t *path, int dir_fd, int follow_symlinks)
{
    struct stat st;
    int r;
    if (path->fd != -1) {
        if (dir_fd != AT_FDCWD || !follow_symlinks) {
            PyErr_Format(PyExc_ValueError,
                         "%s: cannot use fd and %s together", fname,
                         dir_fd != AT_FDCWD ? "dir_fd" : "follow_symlinks");
            return NULL;
        }
        r = fstat(path->fd, &st);
    } else {
        r = fstatat(dir_fd, path->narrow, &st, follow_symlinks ? 0 : AT_SYMLINK_NOFOLLOW);
    }
    if (r != 0)
        return path_error(path);
    return stat_to_result(&st);
}

static PyObject *os_stat(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("stat", "path", 0, 1);
    int dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|$O&p:stat", kwlist, path_converter, &path,
                                     dir_fd_converter, &dir_fd, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    PyObject *r = do_stat("stat", &path, dir_fd, follow);
    path_cleanup(&path);
    return r;
}

static PyObject *os_lstat(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "dir_fd", NULL};
    path_t path = PATH_T_INIT("lstat", "path", 0, 0);
    int dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|$O&:lstat", kwlist, path_converter, &path,
                                     dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    PyObject *r = do_stat("lstat", &path, dir_fd, 0);
    path_cleanup(&path);
    return r;
}

static PyObject *os_fstat(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    struct stat st;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:fstat", kwlist, &fd))
        return NULL;
    if (fstat(fd, &st) != 0)
        return posix_error();
    return stat_to_result(&st);
}

/* ------------------------------------------------------------------ statvfs */

static PyStructSequence_Field statvfs_result_fields[] = {
    {"f_bsize", }, {"f_frsize", }, {"f_blocks", }, {"f_bfree", }, {"f_bavail", },
    {"f_files", }, {"f_ffree", }, {"f_favail", }, {"f_flag", }, {"f_namemax", },
    {"f_fsid", }, {NULL, NULL},
};
static PyStructSequence_Desc statvfs_result_desc = {
    "os.statvfs_result",
    "statvfs_result: Result from statvfs or fstatvfs.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (bsize, frsize, blocks, bfree, bavail, files, ffree, favail, flag, namemax),\n"
    "or via the attributes f_bsize, f_frsize, f_blocks, f_bfree, and so on.\n\n"
    "See os.statvfs for more information.",
    statvfs_result_fields, 10,   /* f_fsid is an attribute only */
};

static PyObject *statvfs_to_result(const struct statvfs *st)
{
    PyObject *v = PyStructSequence_New(&StatvfsResultType);
    if (v == NULL)
        return NULL;
    unsigned long long vals[] = {st->f_bsize, st->f_frsize, st->f_blocks, st->f_bfree,
                                 st->f_bavail, st->f_files, st->f_ffree, st->f_favail,
                                 st->f_flag, st->f_namemax, st->f_fsid};
    for (int i = 0; i < 11; i++) {
        PyObject *x = PyLong_FromUnsignedLongLong(vals[i]);
        if (x == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, x);
    }
    return v;
}

static PyObject *os_statvfs(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("statvfs", "path", 0, 1);
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&:statvfs", kwlist, path_converter, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    struct statvfs st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = path.fd != -1 ? fstatvfs(path.fd, &st) : statvfs(path.narrow, &st);
    Py_END_ALLOW_THREADS
    PyObject *res = r ? path_error(&path) : statvfs_to_result(&st);
    path_cleanup(&path);
    return res;
}

static PyObject *os_fstatvfs(PyObject *self, PyObject *arg)
{
    int fd;
    if (!fd_from_object(arg, &fd))
        return NULL;
    struct statvfs st;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = fstatvfs(fd, &st);
    Py_END_ALLOW_THREADS
    if (r)
        return posix_error();
    return statvfs_to_result(&st);
}

/* ------------------------------------------------------------------ simple path calls */

static PyObject *os_access(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", "effective_ids", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("access", "path", 0, 0);
    int mode, dir_fd = AT_FDCWD, eff = 0, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&i|$O&pp:access", kwlist, path_converter,
                                     &path, &mode, dir_fd_converter, &dir_fd, &eff, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    int r = faccessat(dir_fd, path.narrow, mode, flags);
    path_cleanup(&path);
    return PyBool_FromLong(r == 0);
}

static PyObject *os_chdir(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("chdir", "path", 0, 1);
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&:chdir", kwlist, path_converter, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = path.fd != -1 ? fchdir(path.fd) : chdir(path.narrow);
    PyObject *res = r ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *os_chmod(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("chmod", "path", 0, 1);
    int mode, dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&i|$O&p:chmod", kwlist, path_converter,
                                     &path, &mode, dir_fd_converter, &dir_fd, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = path.fd != -1 ? fchmod(path.fd, mode)
                          : fchmodat(dir_fd, path.narrow, mode, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    PyObject *res;
    if (r && !follow && path.fd == -1 && (errno == ENOTSUP || errno == EOPNOTSUPP)) {
        /* Linux cannot chmod a symlink itself: CPython reports the option as unavailable */
        if (dir_fd != AT_FDCWD)
            PyErr_SetString(PyExc_ValueError,
                            "chmod: cannot use dir_fd and follow_symlinks together");
        else
            PyErr_SetString(PyExc_NotImplementedError,
                            "chmod: follow_symlinks unavailable on this platform");
        res = NULL;
    } else {
        res = r ? path_error(&path) : Py_NewRef(Py_None);
    }
    path_cleanup(&path);
    return res;
}

static PyObject *os_fchmod(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", "mode", NULL};
    int fd, mode;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "ii:fchmod", kwlist, &fd, &mode))
        return NULL;
    if (fchmod(fd, mode) != 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_chown(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "uid", "gid", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("chown", "path", 0, 1);
    uid_t uid;
    gid_t gid;
    int dir_fd = AT_FDCWD, follow = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&O&O&|$O&p:chown", kwlist, path_converter,
                                     &path, _Py_Uid_Converter, &uid, _Py_Gid_Converter, &gid,
                                     dir_fd_converter, &dir_fd, &follow)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = path.fd != -1 ? fchown(path.fd, uid, gid)
                          : fchownat(dir_fd, path.narrow, uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    PyObject *res = r ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *os_mkdir(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", NULL};
    path_t path = PATH_T_INIT("mkdir", "path", 0, 0);
    int mode = 0777, dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|i$O&:mkdir", kwlist, path_converter, &path,
                                     &mode, dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = mkdirat(dir_fd, path.narrow, mode);
    PyObject *res = r ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

/* rmdir / unlink / remove share one shape: path + dir_fd. */
static PyObject *unlink_like(PyObject *args, PyObject *kw, const char *fmt, const char *fname,
                             int flags)
{
    static char *kwlist[] = {"path", "dir_fd", NULL};
    path_t path = PATH_T_INIT(fname, "path", 0, 0);
    int dir_fd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, kwlist, path_converter, &path,
                                     dir_fd_converter, &dir_fd)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = unlinkat(dir_fd, path.narrow, flags);
    PyObject *res = r ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *os_rmdir(PyObject *self, PyObject *args, PyObject *kw)
{ return unlink_like(args, kw, "O&|$O&:rmdir", "rmdir", AT_REMOVEDIR); }
static PyObject *os_unlink(PyObject *self, PyObject *args, PyObject *kw)
{ return unlink_like(args, kw, "O&|$O&:unlink", "unlink", 0); }
static PyObject *os_remove(PyObject *self, PyObject *args, PyObject *kw)
{ return unlink_like(args, kw, "O&|$O&:remove", "remove", 0); }

static PyObject *rename_like(PyObject *args, PyObject *kw, const char *fmt, const char *fname)
{
    static char *kwlist[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    path_t src = PATH_T_INIT(fname, "src", 0, 0), dst = PATH_T_INIT(fname, "dst", 0, 0);
    int sfd = AT_FDCWD, dfd = AT_FDCWD;
    PyObject *res = NULL;
    if (PyArg_ParseTupleAndKeywords(args, kw, fmt, kwlist, path_converter, &src,
                                    path_converter, &dst, dir_fd_converter, &sfd,
                                    dir_fd_converter, &dfd)) {
        /* mixing str and bytes is allowed on POSIX (CPython refuses it only on Windows) */
        if (renameat(sfd, src.narrow, dfd, dst.narrow) != 0)
            path_error2(&src, &dst);
        else
            res = Py_NewRef(Py_None);
    }
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *os_rename(PyObject *self, PyObject *args, PyObject *kw)
{ return rename_like(args, kw, "O&O&|$O&O&:rename", "rename"); }
static PyObject *os_replace(PyObject *self, PyObject *args, PyObject *kw)
{ return rename_like(args, kw, "O&O&|$O&O&:replace", "replace"); }

static PyObject *os_link(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks", NULL};
    path_t src = PATH_T_INIT("link", "src", 0, 0), dst = PATH_T_INIT("link", "dst", 0, 0);
    int sfd = AT_FDCWD, dfd = AT_FDCWD, follow = 1;
    PyObject *res = NULL;
    if (PyArg_ParseTupleAndKeywords(args, kw, "O&O&|$O&O&p:link", kwlist, path_converter, &src,
                                    path_converter, &dst, dir_fd_converter, &sfd,
                                    dir_fd_converter, &dfd, &follow)) {
        if (linkat(sfd, src.narrow, dfd, dst.narrow, follow ? AT_SYMLINK_FOLLOW : 0) != 0)
            path_error2(&src, &dst);
        else
            res = Py_NewRef(Py_None);
    }
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *os_symlink(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    path_t src = PATH_T_INIT("symlink", "src", 0, 0), dst = PATH_T_INIT("symlink", "dst", 0, 0);
    int isdir = 0, dfd = AT_FDCWD;
    PyObject *res = NULL;
    if (PyArg_ParseTupleAndKeywords(args, kw, "O&O&|p$O&:symlink", kwlist, path_converter,
                                    &src, path_converter, &dst, &isdir, dir_fd_converter, &dfd)) {
        if (symlinkat(src.narrow, dfd, dst.narrow) != 0)
            path_error2(&src, &dst);
        else
            res = Py_NewRef(Py_None);
    }
    path_cleanup(&src);
    path_cleanup(&dst);
    return res;
}

static PyObject *os_readlink(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "dir_fd", NULL};
    path_t path = PATH_T_INIT("readlink", "path", 0, 0);
    int dfd = AT_FDCWD;
    char buf[PATH_MAX + 1];
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|$O&:readlink", kwlist, path_converter, &path,
                                     dir_fd_converter, &dfd)) {
        path_cleanup(&path);
        return NULL;
    }
    ssize_t n = readlinkat(dfd, path.narrow, buf, sizeof buf);
    PyObject *res = n < 0 ? path_error(&path) : os_name(buf, n, path.is_bytes);
    path_cleanup(&path);
    return res;
}

static PyObject *os_getcwd(PyObject *self, PyObject *unused)
{
    char buf[PATH_MAX + 1];
    if (getcwd(buf, sizeof buf) == NULL)
        return posix_error();
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *os_getcwdb(PyObject *self, PyObject *unused)
{
    char buf[PATH_MAX + 1];
    if (getcwd(buf, sizeof buf) == NULL)
        return posix_error();
    return PyBytes_FromString(buf);
}

static PyObject *os_truncate(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "length", NULL};
    path_t path = PATH_T_INIT("truncate", "path", 0, 1);
    long long len;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&L:truncate", kwlist, path_converter, &path,
                                     &len)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = path.fd != -1 ? ftruncate(path.fd, len) : truncate(path.narrow, len);
    PyObject *res = r ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

static PyObject *os_ftruncate(PyObject *self, PyObject *args)
{
    int fd;
    long long len;
    if (!PyArg_ParseTuple(args, "iL:ftruncate", &fd, &len))
        return NULL;
    if (ftruncate(fd, len) != 0)
        return posix_error();
    Py_RETURN_NONE;
}

/* utime(path, times=None, *, ns=, dir_fd=None, follow_symlinks=True) */
static int split_seconds(PyObject *o, struct timespec *ts)
{
    if (PyFloat_Check(o)) {
        double d = PyFloat_AsDouble(o), f = d - (double)(long long)d;
        ts->tv_sec = (time_t)(long long)d;
        ts->tv_nsec = (long)(f * 1e9);
        if (ts->tv_nsec < 0) {
            ts->tv_nsec += 1000000000L;
            ts->tv_sec -= 1;
        }
        return 1;
    }
    long long s = PyLong_AsLongLong(o);
    if (s == -1 && PyErr_Occurred())
        return 0;
    ts->tv_sec = (time_t)s;
    ts->tv_nsec = 0;
    return 1;
}

static int split_ns(PyObject *o, struct timespec *ts)
{
    PyObject *bil = PyLong_FromLong(1000000000L);
    PyObject *dm = bil ? PyNumber_Divmod(o, bil) : NULL;
    Py_XDECREF(bil);
    if (dm == NULL)
        return 0;
    ts->tv_sec = (time_t)PyLong_AsLongLong(PyTuple_GET_ITEM(dm, 0));
    ts->tv_nsec = PyLong_AsLong(PyTuple_GET_ITEM(dm, 1));
    Py_DECREF(dm);
    return !PyErr_Occurred();
}

static PyObject *os_utime(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    path_t path = PATH_T_INIT("utime", "path", 0, 1);
    PyObject *times = Py_None, *ns = NULL;
    int dfd = AT_FDCWD, follow = 1;
    struct timespec ts[2], *tsp = NULL;
    PyObject *res = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|O$OO&p:utime", kwlist, path_converter,
                                     &path, &times, &ns, dir_fd_converter, &dfd, &follow))
        goto done;
    if (times != Py_None && ns) {
        PyErr_SetString(PyExc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        goto done;
    }
    if (times != Py_None) {
        if (!PyTuple_Check(times) || PyTuple_GET_SIZE(times) != 2) {
            PyErr_SetString(PyExc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
            goto done;
        }
        if (!split_seconds(PyTuple_GET_ITEM(times, 0), &ts[0]) ||
            !split_seconds(PyTuple_GET_ITEM(times, 1), &ts[1]))
            goto done;
        tsp = ts;
    } else if (ns) {
        if (!PyTuple_Check(ns) || PyTuple_GET_SIZE(ns) != 2) {
            PyErr_SetString(PyExc_TypeError, "utime: 'ns' must be a tuple of two ints");
            goto done;
        }
        if (!split_ns(PyTuple_GET_ITEM(ns, 0), &ts[0]) || !split_ns(PyTuple_GET_ITEM(ns, 1), &ts[1]))
            goto done;
        tsp = ts;
    }
    int r = path.fd != -1 ? futimens(path.fd, tsp)
                          : utimensat(dfd, path.narrow, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    res = r ? path_error(&path) : Py_NewRef(Py_None);
done:
    path_cleanup(&path);
    return res;
}

/* ------------------------------------------------------------------ listdir */

static PyObject *os_listdir(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("listdir", "path", 1, 1);
    PyObject *arg = Py_None;
    DIR *d;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:listdir", kwlist, &arg))
        return NULL;
    if (!path_converter(arg, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    if (path.fd != -1) {
        int fd2 = dup(path.fd);
        d = fd2 < 0 ? NULL : fdopendir(fd2);
        if (d)
            rewinddir(d);
    } else {
        d = opendir(path.narrow ? path.narrow : ".");
    }
    if (d == NULL) {
        PyObject *r = arg == Py_None ? PyErr_SetFromErrnoWithFilename(PyExc_OSError, ".")
                                     : path_error(&path);
        path_cleanup(&path);
        return r;
    }
    PyObject *list = PyList_New(0);
    struct dirent *ep;
    while (list) {
        errno = 0;
        ep = readdir(d);
        if (ep == NULL) {
            if (errno) {
                Py_CLEAR(list);
                path_error(&path);
            }
            break;
        }
        if (ep->d_name[0] == '.' &&
            (ep->d_name[1] == 0 || (ep->d_name[1] == '.' && ep->d_name[2] == 0)))
            continue;
        PyObject *v = os_name(ep->d_name, strlen(ep->d_name), path.is_bytes);
        if (v == NULL || PyList_Append(list, v) < 0)
            Py_CLEAR(list);
        Py_XDECREF(v);
    }
    closedir(d);
    path_cleanup(&path);
    return list;
}

/* ------------------------------------------------------------------ scandir / DirEntry */

typedef struct {
    PyObject_HEAD
    PyObject *name, *path;
    PyObject *stat, *lstat;   /* cached results */
    unsigned char d_type;
    ino_t d_ino;
    int dir_fd;               /* scandir(fd): entries are relative to it */
} DirEntry;

static PyTypeObject DirEntryType;

static void DirEntry_dealloc(DirEntry *e)
{
    Py_XDECREF(e->name);
    Py_XDECREF(e->path);
    Py_XDECREF(e->stat);
    Py_XDECREF(e->lstat);
    PyObject_Free(e);
}

static PyObject *DirEntry_fetch_stat(DirEntry *e, int follow)
{
    struct stat st;
    int r;
    if (e->dir_fd != -1) {
        PyObject *b = PyUnicode_Check(e->name) ? PyUnicode_EncodeFSDefault(e->name)
                                                : Py_NewRef(e->name);
        if (b == NULL)
            return NULL;
        r = fstatat(e->dir_fd, PyBytes_AS_STRING(b), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
        Py_DECREF(b);
    } else {
        PyObject *b = PyUnicode_Check(e->path) ? PyUnicode_EncodeFSDefault(e->path)
                                                : Py_NewRef(e->path);
        if (b == NULL)
            return NULL;
        r = follow ? stat(PyBytes_AS_STRING(b), &st) : lstat(PyBytes_AS_STRING(b), &st);
        Py_DECREF(b);
    }
    if (r != 0)
        return PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, e->path);
    return stat_to_result(&st);
}

static PyObject *DirEntry_get_lstat(DirEntry *e)
{
    if (e->lstat == NULL)
        e->lstat = DirEntry_fetch_stat(e, 0);
    return Py_XNewRef(e->lstat);
}

static int DirEntry_is_symlink_c(DirEntry *e)
{
    if (e->d_type != DT_UNKNOWN)
        return e->d_type == DT_LNK;
    PyObject *st = DirEntry_get_lstat(e);
    if (st == NULL)
        return -1;
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    return S_ISLNK(mode);
}

static PyObject *DirEntry_get_stat(DirEntry *e, int follow)
{
    if (!follow)
        return DirEntry_get_lstat(e);
    if (e->stat == NULL) {
        int link = DirEntry_is_symlink_c(e);
        if (link < 0)
            return NULL;
        e->stat = link ? DirEntry_fetch_stat(e, 1) : DirEntry_get_lstat(e);
    }
    return Py_XNewRef(e->stat);
}

/* is_dir/is_file: from d_type when possible, else stat (missing file -> False). */
static int DirEntry_test_mode(DirEntry *e, int follow, mode_t bits)
{
    int link = e->d_type != DT_UNKNOWN ? e->d_type == DT_LNK : -1;
    if (e->d_type != DT_UNKNOWN && !(follow && link)) {
        if (bits == S_IFDIR)
            return e->d_type == DT_DIR;
        return e->d_type == DT_REG;
    }
    PyObject *st = DirEntry_get_stat(e, follow);
    if (st == NULL) {
        if (PyErr_ExceptionMatches(PyExc_FileNotFoundError)) {
            PyErr_Clear();
            return 0;
        }
        return -1;
    }
    long mode = PyLong_AsLong(PyStructSequence_GetItem(st, 0));
    Py_DECREF(st);
    return (mode & S_IFMT) == (long)bits;
}

static int follow_kw(PyObject *args, PyObject *kw, const char *fmt, int *follow)
{
    static char *kwlist[] = {"follow_symlinks", NULL};
    return PyArg_ParseTupleAndKeywords(args, kw, fmt, kwlist, follow);
}

static PyObject *DirEntry_is_dir(DirEntry *e, PyObject *args, PyObject *kw)
{
    int follow = 1;
    if (!follow_kw(args, kw, "|$p:is_dir", &follow))
        return NULL;
    int r = DirEntry_test_mode(e, follow, S_IFDIR);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *DirEntry_is_file(DirEntry *e, PyObject *args, PyObject *kw)
{
    int follow = 1;
    if (!follow_kw(args, kw, "|$p:is_file", &follow))
        return NULL;
    int r = DirEntry_test_mode(e, follow, S_IFREG);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *DirEntry_is_symlink(DirEntry *e, PyObject *unused)
{
    int r = DirEntry_is_symlink_c(e);
    return r < 0 ? NULL : PyBool_FromLong(r);
}

static PyObject *DirEntry_stat(DirEntry *e, PyObject *args, PyObject *kw)
{
    int follow = 1;
    if (!follow_kw(args, kw, "|$p:stat", &follow))
        return NULL;
    return DirEntry_get_stat(e, follow);
}

static PyObject *DirEntry_inode(DirEntry *e, PyObject *unused)
{
    return PyLong_FromUnsignedLongLong((unsigned long long)e->d_ino);
}

static PyObject *DirEntry_fspath(DirEntry *e, PyObject *unused) { return Py_NewRef(e->path); }

static PyObject *DirEntry_repr(DirEntry *e) { return PyUnicode_FromFormat("<DirEntry %R>", e->name); }

static PyObject *DirEntry_class_getitem(PyObject *cls, PyObject *arg)
{
    return Py_GenericAlias(cls, arg);
}

static PyMethodDef DirEntry_methods[] = {
    {"stat", (PyCFunction)(void (*)(void))DirEntry_stat, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_dir", (PyCFunction)(void (*)(void))DirEntry_is_dir, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_file", (PyCFunction)(void (*)(void))DirEntry_is_file, METH_VARARGS | METH_KEYWORDS, NULL},
    {"is_symlink", (PyCFunction)DirEntry_is_symlink, METH_NOARGS, NULL},
    {"inode", (PyCFunction)DirEntry_inode, METH_NOARGS, NULL},
    {"__fspath__", (PyCFunction)DirEntry_fspath, METH_NOARGS, NULL},
    {"__class_getitem__", DirEntry_class_getitem, METH_O | METH_CLASS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef DirEntry_members[] = {
    {"name", T_OBJECT_EX, offsetof(DirEntry, name), READONLY, "the entry's base filename, relative to scandir() \"path\" argument"},
    {"path", T_OBJECT_EX, offsetof(DirEntry, path), READONLY, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)"},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject DirEntryType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(DirEntry),
    .tp_dealloc = (destructor)DirEntry_dealloc,
    .tp_repr = (reprfunc)DirEntry_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_methods = DirEntry_methods,
    .tp_members = DirEntry_members,
};

typedef struct {
    PyObject_HEAD
    DIR *dirp;
    PyObject *path;     /* bytes or str prefix; NULL for scandir(fd) */
    int is_bytes;
    int fd;             /* scandir(fd): the caller's fd */
} ScandirIterator;

static void ScandirIterator_closedir(ScandirIterator *it)
{
    if (it->dirp) {
        if (it->fd != -1)
            rewinddir(it->dirp);
        closedir(it->dirp);
        it->dirp = NULL;
    }
}

/* An iterator dropped before it was exhausted or closed: close it with a ResourceWarning. */
static void ScandirIterator_finalize(ScandirIterator *it)
{
    if (it->dirp == NULL)
        return;
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    ScandirIterator_closedir(it);
    if (PyErr_ResourceWarning((PyObject *)it, 1, "unclosed scandir iterator %R", it) < 0) {
        /* spurious errors can appear at shutdown */
        if (PyErr_ExceptionMatches(PyExc_Warning))
            PyErr_WriteUnraisable((PyObject *)it);
        else
            PyErr_Clear();
    }
    PyErr_Restore(type, value, tb);
}

static void ScandirIterator_dealloc(ScandirIterator *it)
{
    if (PyObject_CallFinalizerFromDealloc((PyObject *)it) < 0)
        return;     /* resurrected by the warning machinery */
    ScandirIterator_closedir(it);
    Py_XDECREF(it->path);
    PyObject_Free(it);
}

static PyObject *make_direntry(ScandirIterator *it, struct dirent *ep)
{
    DirEntry *e = PyObject_New(DirEntry, &DirEntryType);
    if (e == NULL)
        return NULL;
    e->stat = e->lstat = NULL;
    e->d_type = ep->d_type;
    e->d_ino = ep->d_ino;
    e->dir_fd = it->fd;
    e->name = os_name(ep->d_name, strlen(ep->d_name), it->is_bytes);
    e->path = NULL;
    if (e->name == NULL)
        goto fail;
    if (it->fd != -1) {
        e->path = Py_NewRef(e->name);
    } else {
        /* path joined with "/" unless the prefix already ends with one */
        PyObject *sep = it->is_bytes ? PyBytes_FromString("/") : PyUnicode_FromString("/");
        int ends;
        if (it->is_bytes) {
            Py_ssize_t n = PyBytes_GET_SIZE(it->path);
            ends = n > 0 && PyBytes_AS_STRING(it->path)[n - 1] == '/';
        } else {
            Py_ssize_t n = PyUnicode_GET_LENGTH(it->path);
            ends = n > 0 && PyUnicode_READ_CHAR(it->path, n - 1) == '/';
        }
        PyObject *prefix = ends ? Py_NewRef(it->path) : PyNumber_Add(it->path, sep);
        Py_XDECREF(sep);
        if (prefix == NULL)
            goto fail;
        e->path = PyNumber_Add(prefix, e->name);
        Py_DECREF(prefix);
        if (e->path == NULL)
            goto fail;
    }
    return (PyObject *)e;
fail:
    Py_DECREF(e);
    return NULL;
}

static PyObject *ScandirIterator_next(ScandirIterator *it)
{
    if (it->dirp == NULL)
        return NULL;
    for (;;) {
        errno = 0;
        struct dirent *ep = readdir(it->dirp);
        if (ep == NULL) {
            if (errno != 0)
                PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, it->path);
            ScandirIterator_closedir(it);
            return NULL;
        }
        if (ep->d_name[0] == '.' &&
            (ep->d_name[1] == 0 || (ep->d_name[1] == '.' && ep->d_name[2] == 0)))
            continue;
        return make_direntry(it, ep);
    }
}

static PyObject *ScandirIterator_close(ScandirIterator *it, PyObject *unused)
{
    ScandirIterator_closedir(it);
    Py_RETURN_NONE;
}

static PyObject *ScandirIterator_enter(PyObject *self, PyObject *unused) { return Py_NewRef(self); }

static PyObject *ScandirIterator_exit(ScandirIterator *it, PyObject *args)
{
    ScandirIterator_closedir(it);
    Py_RETURN_NONE;
}

static PyMethodDef ScandirIterator_methods[] = {
    {"__enter__", ScandirIterator_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)ScandirIterator_exit, METH_VARARGS, NULL},
    {"close", (PyCFunction)ScandirIterator_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ScandirIteratorType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(ScandirIterator),
    .tp_dealloc = (destructor)ScandirIterator_dealloc,
    .tp_finalize = (destructor)ScandirIterator_finalize,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)ScandirIterator_next,
    .tp_methods = ScandirIterator_methods,
};

static PyObject *os_scandir(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", NULL};
    path_t path = PATH_T_INIT("scandir", "path", 1, 1);
    PyObject *arg = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:scandir", kwlist, &arg))
        return NULL;
    if (!path_converter(arg, &path)) {
        path_cleanup(&path);
        return NULL;
    }
    ScandirIterator *it = PyObject_New(ScandirIterator, &ScandirIteratorType);
    if (it == NULL) {
        path_cleanup(&path);
        return NULL;
    }
    it->fd = path.fd;
    it->is_bytes = path.is_bytes;
    it->path = NULL;
    if (path.fd != -1) {
        int fd2 = dup(path.fd);
        it->dirp = fd2 < 0 ? NULL : fdopendir(fd2);
        it->fd = path.fd;
    } else {
        const char *p = path.narrow ? path.narrow : ".";
        it->dirp = opendir(p);
        if (arg == Py_None)
            it->path = PyUnicode_FromString(".");
        else if (path.is_bytes)
            it->path = Py_NewRef(path.cleanup);
        else
            it->path = PyUnicode_DecodeFSDefault(p);
    }
    if (it->dirp == NULL) {
        path_error(&path);
        Py_DECREF(it);
        it = NULL;
    }
    path_cleanup(&path);
    return (PyObject *)it;
}

/* ------------------------------------------------------------------ file descriptors */

static PyObject *os_open(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "flags", "mode", "dir_fd", NULL};
    path_t path = PATH_T_INIT("open", "path", 0, 0);
    int flags, mode = 0777, dfd = AT_FDCWD, fd;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&i|i$O&:open", kwlist, path_converter, &path,
                                     &flags, &mode, dir_fd_converter, &dfd)) {
        path_cleanup(&path);
        return NULL;
    }
    flags |= O_CLOEXEC;
    if (PySys_Audit("open", "OOi", path.object ? path.object : Py_None, Py_None, flags) < 0) {
        path_cleanup(&path);
        return NULL;
    }
    int err;
    do {
        /* without the GIL: opening a FIFO blocks until the other end opens */
        Py_BEGIN_ALLOW_THREADS
        fd = openat(dfd, path.narrow, flags, mode);
        err = errno;
        Py_END_ALLOW_THREADS
        errno = err;
    } while (fd < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    PyObject *res = fd < 0 ? (PyErr_Occurred() ? NULL : path_error(&path)) : PyLong_FromLong(fd);
    path_cleanup(&path);
    return res;
}

static PyObject *os_close(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:close", kwlist, &fd))
        return NULL;
    if (close(fd) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_closerange(PyObject *self, PyObject *args)
{
    int lo, hi;
    if (!PyArg_ParseTuple(args, "ii:closerange", &lo, &hi))
        return NULL;
    for (int i = lo < 0 ? 0 : lo; i < hi; i++)
        close(i);
    Py_RETURN_NONE;
}

static PyObject *os_read(PyObject *self, PyObject *args)
{
    int fd;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "in:read", &fd, &n))
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return posix_error();
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, n);
    if (buf == NULL)
        return NULL;
    ssize_t got;
    do {
        { int e_; Py_BEGIN_ALLOW_THREADS got = read(fd, PyBytes_AS_STRING(buf), n); e_ = errno; Py_END_ALLOW_THREADS errno = e_; }
    } while (got < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (got < 0) {
        Py_DECREF(buf);
        return PyErr_Occurred() ? NULL : posix_error();
    }
    if (got != n && _PyBytes_Resize(&buf, got) < 0)
        return NULL;
    return buf;
}

static PyObject *os_write(PyObject *self, PyObject *args)
{
    int fd;
    Py_buffer data;
    if (!PyArg_ParseTuple(args, "iy*:write", &fd, &data))
        return NULL;
    ssize_t n;
    do {
        { int e_; Py_BEGIN_ALLOW_THREADS n = write(fd, data.buf, data.len); e_ = errno; Py_END_ALLOW_THREADS errno = e_; }
    } while (n < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    PyBuffer_Release(&data);
    if (n < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return PyLong_FromSsize_t(n);
}

static PyObject *os_lseek(PyObject *self, PyObject *args)
{
    int fd, how;
    long long pos;
    if (!PyArg_ParseTuple(args, "iLi:lseek", &fd, &pos, &how))
        return NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    if (r < 0)
        return posix_error();
    return PyLong_FromLongLong((long long)r);
}

static PyObject *os_dup(PyObject *self, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:dup", &fd))
        return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? posix_error() : PyLong_FromLong(r);
}

static PyObject *os_dup2(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", "fd2", "inheritable", NULL};
    int fd, fd2, inh = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "ii|p:dup2", kwlist, &fd, &fd2, &inh))
        return NULL;
    int r = inh ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    return r < 0 ? posix_error() : PyLong_FromLong(r);
}

static PyObject *os_pipe(PyObject *self, PyObject *unused)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return posix_error();
    return Py_BuildValue("(ii)", fds[0], fds[1]);
}

static PyObject *os_isatty(PyObject *self, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:isatty", &fd))
        return NULL;
    return PyBool_FromLong(isatty(fd));
}

static PyObject *os_fsync(PyObject *self, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    if (fsync(fd) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_get_inheritable(PyObject *self, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:get_inheritable", &fd))
        return NULL;
    int fl = fcntl(fd, F_GETFD);
    return fl < 0 ? posix_error() : PyBool_FromLong(!(fl & FD_CLOEXEC));
}

static PyObject *os_set_inheritable(PyObject *self, PyObject *args)
{
    int fd, inh;
    if (!PyArg_ParseTuple(args, "ip:set_inheritable", &fd, &inh))
        return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0 || fcntl(fd, F_SETFD, inh ? fl & ~FD_CLOEXEC : fl | FD_CLOEXEC) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_get_blocking(PyObject *self, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:get_blocking", &fd))
        return NULL;
    int fl = fcntl(fd, F_GETFL);
    return fl < 0 ? posix_error() : PyBool_FromLong(!(fl & O_NONBLOCK));
}

static PyObject *os_set_blocking(PyObject *self, PyObject *args)
{
    int fd, blocking;
    if (!PyArg_ParseTuple(args, "ip:set_blocking", &fd, &blocking))
        return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_device_encoding(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:device_encoding", kwlist, &fd))
        return NULL;
    if (isatty(fd))
        return PyUnicode_FromString("utf-8");
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------------ environment */

static PyObject *convert_environ(void)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        PyObject *k = PyBytes_FromStringAndSize(*e, eq - *e);
        PyObject *v = PyBytes_FromString(eq + 1);
        int bad = k == NULL || v == NULL;
        if (!bad && PyDict_GetItemWithError(d, k) == NULL && !PyErr_Occurred())
            bad = PyDict_SetItem(d, k, v) < 0;
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (bad || PyErr_Occurred()) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static int env_converter(PyObject *o, void *p)
{
    return PyUnicode_FSConverter(o, p);
}

static PyObject *os_putenv(PyObject *self, PyObject *args)
{
    PyObject *k = NULL, *v = NULL, *res = NULL;
    if (!PyArg_ParseTuple(args, "O&O&:putenv", env_converter, &k, env_converter, &v))
        goto done;
    const char *ks = PyBytes_AS_STRING(k);
    if (*ks == 0 || strchr(ks, '=')) {
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
        goto done;
    }
    if (setenv(ks, PyBytes_AS_STRING(v), 1) != 0)
        posix_error();
    else
        res = Py_NewRef(Py_None);
done:
    Py_XDECREF(k);
    Py_XDECREF(v);
    return res;
}

static PyObject *os_unsetenv(PyObject *self, PyObject *args)
{
    PyObject *k = NULL, *res = NULL;
    if (!PyArg_ParseTuple(args, "O&:unsetenv", env_converter, &k))
        return NULL;
    const char *ks = PyBytes_AS_STRING(k);
    if (*ks == 0 || strchr(ks, '='))
        PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
    else if (unsetenv(ks) != 0)
        posix_error();
    else
        res = Py_NewRef(Py_None);
    Py_DECREF(k);
    return res;
}

/* ------------------------------------------------------------------ process */

static PyObject *os_getpid(PyObject *s, PyObject *u) { return PyLong_FromLong((long)getpid()); }
static PyObject *os_getppid(PyObject *s, PyObject *u) { return PyLong_FromLong((long)getppid()); }
static PyObject *os_getuid(PyObject *s, PyObject *u) { return PyLong_FromLong((long)getuid()); }
static PyObject *os_geteuid(PyObject *s, PyObject *u) { return PyLong_FromLong((long)geteuid()); }
static PyObject *os_getgid(PyObject *s, PyObject *u) { return PyLong_FromLong((long)getgid()); }
static PyObject *os_getegid(PyObject *s, PyObject *u) { return PyLong_FromLong((long)getegid()); }
static PyObject *os_getpgrp(PyObject *s, PyObject *u) { return PyLong_FromLong((long)getpgrp()); }

static PyObject *os_getlogin(PyObject *s, PyObject *u)
{
    errno = 0;
    char *name = getlogin();
    if (name == NULL) {
        if (errno)
            return posix_error();
        PyErr_SetString(PyExc_OSError, "unable to determine login name");
        return NULL;
    }
    return PyUnicode_DecodeFSDefault(name);
}

static PyObject *os_getgroups(PyObject *s, PyObject *u)
{
    gid_t groups[256];
    int n = getgroups(256, groups);
    if (n < 0)
        return posix_error();
    PyObject *list = PyList_New(n);
    for (int i = 0; list && i < n; i++) {
        PyObject *g = PyLong_FromLong((long)groups[i]);
        if (g == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, g);
    }
    return list;
}

static PyObject *os_umask(PyObject *self, PyObject *args)
{
    int mask;
    if (!PyArg_ParseTuple(args, "i:umask", &mask))
        return NULL;
    return PyLong_FromLong((long)umask((mode_t)mask));
}

static PyObject *os_kill(PyObject *self, PyObject *args)
{
    int pid, sig;
    if (!PyArg_ParseTuple(args, "ii:kill", &pid, &sig))
        return NULL;
    if (kill(pid, sig) < 0)
        return posix_error();
    if (PyErr_CheckSignals() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *os__exit(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"status", NULL};
    int status;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:_exit", kwlist, &status))
        return NULL;
    _exit(status);
}

static PyObject *os_abort(PyObject *self, PyObject *unused) { abort(); }

static PyObject *os_system(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"command", NULL};
    PyObject *cmd = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&:system", kwlist, PyUnicode_FSConverter, &cmd))
        return NULL;
    fflush(stdout);
    fflush(stderr);
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = system(PyBytes_AS_STRING(cmd));
    Py_END_ALLOW_THREADS
    Py_DECREF(cmd);
    return PyLong_FromLong(r);
}

static PyObject *os_waitpid(PyObject *self, PyObject *args)
{
    int pid, options, status = 0;
    if (!PyArg_ParseTuple(args, "ii:waitpid", &pid, &options))
        return NULL;
    int r;
    do {
        { int e_; Py_BEGIN_ALLOW_THREADS r = waitpid(pid, &status, options); e_ = errno; Py_END_ALLOW_THREADS errno = e_; }
    } while (r < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return Py_BuildValue("(ii)", r, status);
}


/* register_at_fork(*, before=None, after_in_child=None, after_in_parent=None) */
static PyObject *fork_before, *fork_child, *fork_parent;

static int append_hook(PyObject **list, PyObject *func)
{
    if (func == NULL)
        return 0;
    if (!PyCallable_Check(func)) {
        return -1;
    }
    if (*list == NULL && (*list = PyList_New(0)) == NULL)
        return -1;
    return PyList_Append(*list, func);
}

static PyObject *os_register_at_fork(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"before", "after_in_child", "after_in_parent", NULL};
    PyObject *before = NULL, *child = NULL, *parent = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|$OOO:register_at_fork", kwlist, &before, &child,
                                     &parent))
        return NULL;
    if (!before && !child && !parent) {
        PyErr_SetString(PyExc_TypeError, "At least one argument is required.");
        return NULL;
    }
    const char *names[] = {"before", "after_in_child", "after_in_parent"};
    PyObject *funcs[] = {before, child, parent};
    for (int i = 0; i < 3; i++) {
        if (funcs[i] && !PyCallable_Check(funcs[i])) {
            PyErr_Format(PyExc_TypeError, "'%s' must be callable, not %s", names[i],
                         Py_TYPE(funcs[i])->tp_name);
            return NULL;
        }
    }
    if (append_hook(&fork_before, before) < 0 || append_hook(&fork_child, child) < 0 ||
        append_hook(&fork_parent, parent) < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* before-hooks run last-registered first; after-hooks in registration order */
static void run_fork_hooks(PyObject *list, int reverse)
{
    if (list == NULL)
        return;
    Py_ssize_t n = PyList_GET_SIZE(list);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *f = PyList_GET_ITEM(list, reverse ? n - 1 - k : k);
        PyObject *r = PyObject_CallNoArgs(f);
        if (r == NULL)
            PyErr_WriteUnraisable(f);
        Py_XDECREF(r);
    }
}

/* CPython's fork protocol (also used by _posixsubprocess when preexec_fn is given). */
void PyOS_BeforeFork(void);
void PyOS_AfterFork_Parent(void);
void PyOS_AfterFork_Child(void);

/* impmodule.c's import lock: held across fork() so that the child never sees a module
 * another thread was half-way through importing */
void _PyImport_AcquireLock(void);
int _PyImport_ReleaseLock(void);
void _PyImport_ReInitLock(void);

void PyOS_BeforeFork(void)
{
    run_fork_hooks(fork_before, 1);
    _PyImport_AcquireLock();
}

void PyOS_AfterFork_Parent(void)
{
    if (_PyImport_ReleaseLock() <= 0)
        Py_FatalError("failed releasing import lock after fork");
    run_fork_hooks(fork_parent, 0);
}

void PyOS_AfterFork_Child(void)
{
    /* Fresh GIL held by this (now only) thread; other thread states are gone. */
    _PyEval_ReInitThreads(_PyThreadState_GET());
    _PyImport_ReInitLock();
    run_fork_hooks(fork_child, 0);
}

static PyObject *os_fork(PyObject *self, PyObject *unused)
{
    if (PySys_Audit("os.fork", NULL) < 0)
        return NULL;
    PyOS_BeforeFork();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    int saved_errno = errno;
    if (pid == 0)
        PyOS_AfterFork_Child();
    else
        PyOS_AfterFork_Parent();   /* also when fork() failed: the lock is released */
    if (pid < 0) {
        errno = saved_errno;
        return posix_error();
    }
    return PyLong_FromLong((long)pid);
}

static PyObject *os_waitstatus_to_exitcode(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"status", NULL};
    int status;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:waitstatus_to_exitcode", kwlist, &status))
        return NULL;
    if (WIFEXITED(status))
        return PyLong_FromLong(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return PyLong_FromLong(-WTERMSIG(status));
    PyErr_Format(PyExc_ValueError, "invalid wait status: %i", status);
    return NULL;
}

#define WAIT_MACRO(NAME, EXPR, BOOL)                                          \
    static PyObject *os_##NAME(PyObject *self, PyObject *args, PyObject *kw)  \
    {                                                                         \
        static char *kwlist[] = {"status", NULL};                             \
        int status;                                                           \
        if (!PyArg_ParseTupleAndKeywords(args, kw, "i:" #NAME, kwlist, &status)) \
            return NULL;                                                      \
        return BOOL ? PyBool_FromLong(EXPR(status)) : PyLong_FromLong(EXPR(status)); \
    }
WAIT_MACRO(WIFEXITED, WIFEXITED, 1)
WAIT_MACRO(WEXITSTATUS, WEXITSTATUS, 0)
WAIT_MACRO(WIFSIGNALED, WIFSIGNALED, 1)
WAIT_MACRO(WTERMSIG, WTERMSIG, 0)
WAIT_MACRO(WIFSTOPPED, WIFSTOPPED, 1)
WAIT_MACRO(WSTOPSIG, WSTOPSIG, 0)
WAIT_MACRO(WCOREDUMP, WCOREDUMP, 1)
WAIT_MACRO(WIFCONTINUED, WIFCONTINUED, 1)

static PyObject *os_strerror(PyObject *self, PyObject *args)
{
    int code;
    if (!PyArg_ParseTuple(args, "i:strerror", &code))
        return NULL;
    return PyUnicode_DecodeLocale(strerror(code), "surrogateescape");
}

static PyObject *os_urandom(PyObject *self, PyObject *args)
{
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n:urandom", &n))
        return NULL;
    if (n < 0) {
        PyErr_SetString(PyExc_ValueError, "negative argument not allowed");
        return NULL;
    }
    PyObject *b = PyBytes_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    char *p = PyBytes_AS_STRING(b);
    Py_ssize_t done = 0;
    while (done < n) {
        ssize_t r = getrandom(p + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            Py_DECREF(b);
            return posix_error();
        }
        done += r;
    }
    return b;
}

static PyObject *os_cpu_count(PyObject *self, PyObject *unused)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        Py_RETURN_NONE;
    return PyLong_FromLong(n);
}

static PyObject *os_sched_getaffinity(PyObject *self, PyObject *args)
{
    int pid;
    cpu_set_t set;
    if (!PyArg_ParseTuple(args, "i:sched_getaffinity", &pid))
        return NULL;
    if (sched_getaffinity(pid, sizeof set, &set) < 0)
        return posix_error();
    PyObject *res = PySet_New(NULL);
    for (int i = 0; res && i < CPU_SETSIZE; i++) {
        if (!CPU_ISSET(i, &set))
            continue;
        PyObject *c = PyLong_FromLong(i);
        if (c == NULL || PySet_Add(res, c) < 0)
            Py_CLEAR(res);
        Py_XDECREF(c);
    }
    return res;
}

/* uname_result / times_result / terminal_size */

static PyStructSequence_Field uname_fields[] = {
    {"sysname", "operating system name"}, {"nodename", "name of machine on network"},
    {"release", "operating system release"}, {"version", "operating system version"},
    {"machine", "hardware identifier"}, {NULL, NULL},
};
static PyStructSequence_Desc uname_desc = {
    "posix.uname_result",
    "uname_result: Result from os.uname().", uname_fields, 5,
};

static PyObject *os_uname(PyObject *self, PyObject *unused)
{
    struct utsname u;
    if (uname(&u) < 0)
        return posix_error();
    PyObject *v = PyStructSequence_New(&UnameResultType);
    if (v == NULL)
        return NULL;
    const char *parts[] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (int i = 0; i < 5; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(parts[i]);
        if (s == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, s);
    }
    return v;
}

static PyStructSequence_Field times_fields[] = {
    {"user", "user time"}, {"system", "system time"}, {"children_user", "user time of children"},
    {"children_system", "system time of children"}, {"elapsed", "elapsed time since an arbitrary point in the past"},
    {NULL, NULL},
};
static PyStructSequence_Desc times_desc = {
    "posix.times_result", "times_result: Result from os.times().", times_fields, 5,
};

static PyObject *os_times(PyObject *self, PyObject *unused)
{
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return posix_error();
    double tick = (double)sysconf(_SC_CLK_TCK);
    PyObject *v = PyStructSequence_New(&TimesResultType);
    if (v == NULL)
        return NULL;
    double vals[] = {t.tms_utime / tick, t.tms_stime / tick, t.tms_cutime / tick,
                     t.tms_cstime / tick, c / tick};
    for (int i = 0; i < 5; i++)
        PyStructSequence_SetItem(v, i, PyFloat_FromDouble(vals[i]));
    return v;
}

static PyStructSequence_Field termsize_fields[] = {
    {"columns", "width of the terminal window in characters"},
    {"lines", "height of the terminal window in characters"}, {NULL, NULL},
};
static PyStructSequence_Desc termsize_desc = {
    "os.terminal_size", "A tuple of (columns, lines) for holding terminal window size",
    termsize_fields, 2,
};

static PyObject *os_get_terminal_size(PyObject *self, PyObject *args)
{
    int fd = 1;
    struct winsize w;
    if (!PyArg_ParseTuple(args, "|i:get_terminal_size", &fd))
        return NULL;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0)
        return posix_error();
    PyObject *v = PyStructSequence_New(&TerminalSizeType);
    if (v == NULL)
        return NULL;
    PyStructSequence_SetItem(v, 0, PyLong_FromLong(w.ws_col));
    PyStructSequence_SetItem(v, 1, PyLong_FromLong(w.ws_row));
    return v;
}

static PyObject *os_fchdir(PyObject *self, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    if (fchdir(fd) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_fchown(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", "uid", "gid", NULL};
    int fd;
    uid_t uid;
    gid_t gid;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iO&O&:fchown", kwlist, &fd, _Py_Uid_Converter,
                                     &uid, _Py_Gid_Converter, &gid))
        return NULL;
    if (fchown(fd, uid, gid) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_lchown(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "uid", "gid", NULL};
    path_t path = PATH_T_INIT("lchown", "path", 0, 0);
    uid_t uid;
    gid_t gid;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&O&O&:lchown", kwlist, path_converter, &path,
                                     _Py_Uid_Converter, &uid, _Py_Gid_Converter, &gid)) {
        path_cleanup(&path);
        return NULL;
    }
    PyObject *res = lchown(path.narrow, uid, gid) ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

/* ------------------------------------------------------------------ ids, priority, fd I/O
 * Thin wrappers over Linux system calls, with CPython's argument names and errors. */

static PyObject *none_or_error(int r) { return r < 0 ? posix_error() : Py_NewRef(Py_None); }

static PyObject *os_setuid(PyObject *self, PyObject *arg)
{
    uid_t uid;
    return _Py_Uid_Converter(arg, &uid) ? none_or_error(setuid(uid)) : NULL;
}

static PyObject *os_seteuid(PyObject *self, PyObject *arg)
{
    uid_t uid;
    return _Py_Uid_Converter(arg, &uid) ? none_or_error(seteuid(uid)) : NULL;
}

static PyObject *os_setgid(PyObject *self, PyObject *arg)
{
    gid_t gid;
    return _Py_Gid_Converter(arg, &gid) ? none_or_error(setgid(gid)) : NULL;
}

static PyObject *os_setegid(PyObject *self, PyObject *arg)
{
    gid_t gid;
    return _Py_Gid_Converter(arg, &gid) ? none_or_error(setegid(gid)) : NULL;
}

static PyObject *os_setreuid(PyObject *self, PyObject *args)
{
    uid_t r, e;
    if (!PyArg_ParseTuple(args, "O&O&:setreuid", _Py_Uid_Converter, &r, _Py_Uid_Converter, &e))
        return NULL;
    return none_or_error(setreuid(r, e));
}

static PyObject *os_setregid(PyObject *self, PyObject *args)
{
    gid_t r, e;
    if (!PyArg_ParseTuple(args, "O&O&:setregid", _Py_Gid_Converter, &r, _Py_Gid_Converter, &e))
        return NULL;
    return none_or_error(setregid(r, e));
}

static PyObject *os_setresuid(PyObject *self, PyObject *args)
{
    uid_t r, e, sv;
    if (!PyArg_ParseTuple(args, "O&O&O&:setresuid", _Py_Uid_Converter, &r, _Py_Uid_Converter,
                          &e, _Py_Uid_Converter, &sv))
        return NULL;
    return none_or_error(setresuid(r, e, sv));
}

static PyObject *os_setresgid(PyObject *self, PyObject *args)
{
    gid_t r, e, sv;
    if (!PyArg_ParseTuple(args, "O&O&O&:setresgid", _Py_Gid_Converter, &r, _Py_Gid_Converter,
                          &e, _Py_Gid_Converter, &sv))
        return NULL;
    return none_or_error(setresgid(r, e, sv));
}

static PyObject *os_getresuid(PyObject *self, PyObject *unused)
{
    uid_t r, e, sv;
    if (getresuid(&r, &e, &sv) < 0)
        return posix_error();
    return Py_BuildValue("(NNN)", _PyLong_FromUid(r), _PyLong_FromUid(e), _PyLong_FromUid(sv));
}

static PyObject *os_getresgid(PyObject *self, PyObject *unused)
{
    gid_t r, e, sv;
    if (getresgid(&r, &e, &sv) < 0)
        return posix_error();
    return Py_BuildValue("(NNN)", _PyLong_FromGid(r), _PyLong_FromGid(e), _PyLong_FromGid(sv));
}

static PyObject *os_getpriority(PyObject *self, PyObject *args)
{
    int which, who;
    if (!PyArg_ParseTuple(args, "ii:getpriority", &which, &who))
        return NULL;
    errno = 0;                  /* -1 is a valid priority */
    int r = getpriority(which, who);
    if (errno != 0)
        return posix_error();
    return PyLong_FromLong(r);
}

static PyObject *os_setpriority(PyObject *self, PyObject *args)
{
    int which, who, prio;
    if (!PyArg_ParseTuple(args, "iii:setpriority", &which, &who, &prio))
        return NULL;
    return none_or_error(setpriority(which, who, prio));
}

static PyObject *os_pread(PyObject *self, PyObject *args)
{
    int fd;
    Py_ssize_t n;
    long long offset;
    if (!PyArg_ParseTuple(args, "inL:pread", &fd, &n, &offset))
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return posix_error();
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, n);
    if (buf == NULL)
        return NULL;
    ssize_t r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = pread(fd, PyBytes_AS_STRING(buf), n, (off_t)offset);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (r < 0) {
        Py_DECREF(buf);
        return PyErr_Occurred() ? NULL : posix_error();
    }
    if (r != n && _PyBytes_Resize(&buf, r) < 0)
        return NULL;
    return buf;
}

static PyObject *os_pwrite(PyObject *self, PyObject *args)
{
    int fd;
    Py_buffer data;
    long long offset;
    if (!PyArg_ParseTuple(args, "iy*L:pwrite", &fd, &data, &offset))
        return NULL;
    ssize_t r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = pwrite(fd, data.buf, data.len, (off_t)offset);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
    PyBuffer_Release(&data);
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return PyLong_FromSsize_t(r);
}

/* posix_fallocate/posix_fadvise return the error number instead of setting errno. */
static PyObject *errno_result(int r)
{
    if (r == 0)
        Py_RETURN_NONE;
    errno = r;
    return posix_error();
}

static PyObject *os_posix_fallocate(PyObject *self, PyObject *args)
{
    int fd;
    long long offset, len;
    if (!PyArg_ParseTuple(args, "iLL:posix_fallocate", &fd, &offset, &len))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = posix_fallocate(fd, (off_t)offset, (off_t)len);
    Py_END_ALLOW_THREADS
    return errno_result(r);
}

static PyObject *os_posix_fadvise(PyObject *self, PyObject *args)
{
    int fd, advice;
    long long offset, len;
    if (!PyArg_ParseTuple(args, "iLLi:posix_fadvise", &fd, &offset, &len, &advice))
        return NULL;
    return errno_result(posix_fadvise(fd, (off_t)offset, (off_t)len, advice));
}

static PyObject *os_lockf(PyObject *self, PyObject *args)
{
    int fd, cmd;
    long long len;
    if (!PyArg_ParseTuple(args, "iiL:lockf", &fd, &cmd, &len))
        return NULL;
    int r;
    Py_BEGIN_ALLOW_THREADS
    r = lockf(fd, cmd, (off_t)len);
    Py_END_ALLOW_THREADS
    return none_or_error(r);
}

static PyObject *os_getrandom(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"size", "flags", NULL};
    Py_ssize_t size;
    int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "n|i:getrandom", kwlist, &size, &flags))
        return NULL;
    if (size < 0) {
        errno = EINVAL;
        return posix_error();
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, size);
    if (buf == NULL)
        return NULL;
    ssize_t n;
    for (;;) {
        n = getrandom(PyBytes_AS_STRING(buf), size, (unsigned)flags);
        if (n >= 0 || errno != EINTR)
            break;
        if (PyErr_CheckSignals() < 0) {
            Py_DECREF(buf);
            return NULL;
        }
    }
    if (n < 0) {
        Py_DECREF(buf);
        return posix_error();
    }
    if (n != size && _PyBytes_Resize(&buf, n) < 0)
        return NULL;
    return buf;
}

/* An optional file offset argument: None means "use and move the file position". */
static int offset_or_none(PyObject *o, long long *off, int *given)
{
    *given = 0;
    if (o == NULL || o == Py_None)
        return 1;
    *off = PyLong_AsLongLong(o);
    if (*off == -1 && PyErr_Occurred())
        return 0;
    *given = 1;
    return 1;
}

static PyObject *os_sendfile(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"out_fd", "in_fd", "offset", "count", NULL};
    int out_fd, in_fd, given;
    PyObject *offobj;
    Py_ssize_t count;
    long long off = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iiOn:sendfile", kwlist, &out_fd, &in_fd,
                                     &offobj, &count) ||
        !offset_or_none(offobj, &off, &given))
        return NULL;
    off_t o = (off_t)off;
    ssize_t r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = sendfile(out_fd, in_fd, given ? &o : NULL, count);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return PyLong_FromSsize_t(r);
}

/* copy_file_range and splice share their shape: src, dst, count, optional offsets. */
static PyObject *os_copy_file_range(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"src", "dst", "count", "offset_src", "offset_dst", NULL};
    int src, dst, gs, gd;
    Py_ssize_t count;
    PyObject *os_ = Py_None, *od = Py_None;
    long long offs = 0, offd = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iin|OO:copy_file_range", kwlist, &src, &dst,
                                     &count, &os_, &od) ||
        !offset_or_none(os_, &offs, &gs) || !offset_or_none(od, &offd, &gd))
        return NULL;
    if (count < 0) {
        PyErr_SetString(PyExc_ValueError, "negative value for 'count' not allowed");
        return NULL;
    }
    off64_t s_ = offs, d_ = offd;
    ssize_t r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = copy_file_range(src, gs ? &s_ : NULL, dst, gd ? &d_ : NULL, count, 0);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return PyLong_FromSsize_t(r);
}

static PyObject *os_splice(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"src", "dst", "count", "offset_src", "offset_dst", "flags", NULL};
    int src, dst, gs, gd;
    unsigned int flags = 0;
    Py_ssize_t count;
    PyObject *os_ = Py_None, *od = Py_None;
    long long offs = 0, offd = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iin|OOI:splice", kwlist, &src, &dst, &count,
                                     &os_, &od, &flags) ||
        !offset_or_none(os_, &offs, &gs) || !offset_or_none(od, &offd, &gd))
        return NULL;
    if (count < 0) {
        PyErr_SetString(PyExc_ValueError, "negative value for 'count' not allowed");
        return NULL;
    }
    loff_t s_ = offs, d_ = offd;
    ssize_t r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = splice(src, gs ? &s_ : NULL, dst, gd ? &d_ : NULL, count, flags);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return PyLong_FromSsize_t(r);
}

static PyObject *os_memfd_create(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"name", "flags", NULL};
    PyObject *name;
    unsigned int flags = MFD_CLOEXEC;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|I:memfd_create", kwlist,
                                     PyUnicode_FSConverter, &name, &flags))
        return NULL;
    int fd;
    Py_BEGIN_ALLOW_THREADS
    fd = memfd_create(PyBytes_AS_STRING(name), flags);
    Py_END_ALLOW_THREADS
    Py_DECREF(name);
    return fd < 0 ? posix_error() : PyLong_FromLong(fd);
}

/* Unsigned C integer arguments, with CPython's converter messages. */
static int unsigned_ll_converter(PyObject *o, void *p)
{
    if (PyLong_Check(o) && _PyLong_Sign(o) < 0) {
        PyErr_SetString(PyExc_ValueError, "value must be positive");
        return 0;
    }
    unsigned long long v = PyLong_AsUnsignedLongLong(o);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return 0;
    *(unsigned long long *)p = v;
    return 1;
}

static int unsigned_int_converter(PyObject *o, void *p)
{
    unsigned long long v;
    if (!unsigned_ll_converter(o, &v))
        return 0;
    if (v > UINT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large for C unsigned int");
        return 0;
    }
    *(unsigned int *)p = (unsigned int)v;
    return 1;
}

static PyObject *os_eventfd(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"initval", "flags", NULL};
    unsigned int initval;
    int flags = EFD_CLOEXEC;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|i:eventfd", kwlist, unsigned_int_converter,
                                     &initval, &flags))
        return NULL;
    int fd;
    Py_BEGIN_ALLOW_THREADS
    fd = eventfd(initval, flags);
    Py_END_ALLOW_THREADS
    return fd < 0 ? posix_error() : PyLong_FromLong(fd);
}

static PyObject *os_eventfd_read(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", NULL};
    int fd;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:eventfd_read", kwlist, &fd))
        return NULL;
    eventfd_t value;
    int r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = eventfd_read(fd, &value);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return PyLong_FromUnsignedLongLong(value);
}

static PyObject *os_eventfd_write(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"fd", "value", NULL};
    int fd;
    unsigned long long value;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "iO&:eventfd_write", kwlist, &fd,
                                     unsigned_ll_converter, &value))
        return NULL;
    int r;
    do {
        Py_BEGIN_ALLOW_THREADS
        r = eventfd_write(fd, value);
        Py_END_ALLOW_THREADS
    } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    Py_RETURN_NONE;
}

/* The buffers of readv/writev as iovecs; views[] are released by the caller. */
static int fill_iovecs(PyObject *seq, struct iovec **iov, Py_buffer **views, Py_ssize_t *cnt,
                       int writable, const char *notseq)
{
    PyObject *fast = PySequence_Fast(seq, notseq);
    if (fast == NULL)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    *iov = PyMem_New(struct iovec, n ? n : 1);
    *views = PyMem_New(Py_buffer, n ? n : 1);
    *cnt = 0;
    if (*iov == NULL || *views == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (PyObject_GetBuffer(PySequence_Fast_GET_ITEM(fast, i), &(*views)[i],
                               writable ? PyBUF_WRITABLE : PyBUF_SIMPLE) < 0) {
            Py_DECREF(fast);
            return -1;
        }
        (*iov)[i].iov_base = (*views)[i].buf;
        (*iov)[i].iov_len = (size_t)(*views)[i].len;
        *cnt = i + 1;
    }
    Py_DECREF(fast);
    return 0;
}

/* The vectored I/O calls: gather the buffers, retry on EINTR (PEP 475), release them.
 * positioned: preadv2/pwritev2 at offset (-1: the file position) with the RWF_* flags;
 * else readv/writev. */
static PyObject *vectored_io(int fd, PyObject *buffers, int reading, int positioned,
                             long long offset, int flags, const char *not_a_sequence)
{
    struct iovec *iov = NULL;
    Py_buffer *views = NULL;
    Py_ssize_t cnt = 0, r = -1;
    if (fill_iovecs(buffers, &iov, &views, &cnt, reading, not_a_sequence) == 0) {
        do {
            Py_BEGIN_ALLOW_THREADS
            if (!positioned)
                r = reading ? readv(fd, iov, (int)cnt) : writev(fd, iov, (int)cnt);
            else
                r = reading ? preadv2(fd, iov, (int)cnt, (off_t)offset, flags)
                            : pwritev2(fd, iov, (int)cnt, (off_t)offset, flags);
            Py_END_ALLOW_THREADS
        } while (r < 0 && errno == EINTR && !PyErr_CheckSignals());
        if (r < 0 && !PyErr_Occurred())
            posix_error();
    }
    for (Py_ssize_t i = 0; i < cnt; i++)
        PyBuffer_Release(&views[i]);
    PyMem_Free(iov);
    PyMem_Free(views);
    return r < 0 ? NULL : PyLong_FromSsize_t(r);
}

static PyObject *readv_writev(PyObject *args, int reading)
{
    int fd;
    PyObject *buffers;
    if (!PyArg_ParseTuple(args, reading ? "iO:readv" : "iO:writev", &fd, &buffers))
        return NULL;
    return vectored_io(fd, buffers, reading, 0, 0, 0,
                       reading ? "readv() arg 2 must be a sequence"
                               : "writev() arg 2 must be a sequence");
}

/* preadv/pwritev(fd, buffers, offset, flags=0, /): the positioned forms, through
 * preadv2/pwritev2 so that the RWF_* flags work. */
static PyObject *preadv_pwritev(PyObject *args, int reading)
{
    int fd, flags = 0;
    long long offset;
    PyObject *buffers;
    if (!PyArg_ParseTuple(args, reading ? "iOL|i:preadv" : "iOL|i:pwritev", &fd, &buffers,
                          &offset, &flags))
        return NULL;
    /* CPython words preadv's error after preadv2, the call it makes */
    return vectored_io(fd, buffers, reading, 1, offset, flags,
                       reading ? "preadv2() arg 2 must be a sequence"
                               : "pwritev() arg 2 must be a sequence");
}

static PyObject *os_preadv(PyObject *self, PyObject *args) { return preadv_pwritev(args, 1); }
static PyObject *os_pwritev(PyObject *self, PyObject *args) { return preadv_pwritev(args, 0); }

static PyObject *os_readv(PyObject *self, PyObject *args) { return readv_writev(args, 1); }
static PyObject *os_writev(PyObject *self, PyObject *args) { return readv_writev(args, 0); }

static PyObject *os_pipe2(PyObject *self, PyObject *args)
{
    int flags, fds[2];
    if (!PyArg_ParseTuple(args, "i:pipe2", &flags))
        return NULL;
    if (pipe2(fds, flags) < 0)
        return posix_error();
    return Py_BuildValue("(ii)", fds[0], fds[1]);
}

static PyObject *os_wait(PyObject *self, PyObject *unused)
{
    int status = 0, r;
    do {
        { int e_; Py_BEGIN_ALLOW_THREADS r = wait(&status); e_ = errno; Py_END_ALLOW_THREADS errno = e_; }
    } while (r < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    return Py_BuildValue("(ii)", r, status);
}

static PyObject *os_killpg(PyObject *self, PyObject *args)
{
    int pgid, sig;
    if (!PyArg_ParseTuple(args, "ii:killpg", &pgid, &sig))
        return NULL;
    if (killpg(pgid, sig) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_getpgid(PyObject *self, PyObject *args)
{
    int pid;
    if (!PyArg_ParseTuple(args, "i:getpgid", &pid))
        return NULL;
    pid_t r = getpgid(pid);
    return r < 0 ? posix_error() : PyLong_FromLong((long)r);
}

static PyObject *os_getsid(PyObject *self, PyObject *args)
{
    int pid;
    if (!PyArg_ParseTuple(args, "i:getsid", &pid))
        return NULL;
    pid_t r = getsid(pid);
    return r < 0 ? posix_error() : PyLong_FromLong((long)r);
}

static PyObject *os_setsid(PyObject *self, PyObject *unused)
{
    if (setsid() < 0)
        return posix_error();
    Py_RETURN_NONE;
}

/* ---- terminals: openpty, forkpty, login_tty, ctermid, process groups ---- */

static int pty_noninheritable(int fd)
{
    int flags = fcntl(fd, F_GETFD);
    return flags < 0 ? -1 : fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
}

/* openpty(): (master_fd, slave_fd), both non-inheritable as every new fd (PEP 446) */
static PyObject *os_openpty(PyObject *self, PyObject *unused)
{
    int master, slave;
    if (openpty(&master, &slave, NULL, NULL, NULL) < 0)
        return posix_error();
    if (pty_noninheritable(master) < 0 || pty_noninheritable(slave) < 0) {
        PyObject *err = posix_error();
        close(master);
        close(slave);
        return err;
    }
    return Py_BuildValue("(ii)", master, slave);
}

/* forkpty(): (pid, master_fd); the child's stdio is the pty's slave side */
static PyObject *os_forkpty(PyObject *self, PyObject *unused)
{
    int master = -1;
    if (PySys_Audit("os.forkpty", NULL) < 0)
        return NULL;
    PyOS_BeforeFork();
    fflush(stdout);
    fflush(stderr);
    pid_t pid = forkpty(&master, NULL, NULL, NULL);
    if (pid == 0) {
        PyOS_AfterFork_Child();
    } else {
        int saved = errno;
        PyOS_AfterFork_Parent();
        errno = saved;
    }
    if (pid < 0)
        return posix_error();
    return Py_BuildValue("(ii)", (int)pid, master);
}

static PyObject *os_login_tty(PyObject *self, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    if (login_tty(fd) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_ctermid(PyObject *self, PyObject *unused)
{
    char buf[L_ctermid];
    char *r = ctermid(buf);
    if (r == NULL)
        return posix_error();
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *os_tcgetpgrp(PyObject *self, PyObject *args)
{
    int fd;
    if (!PyArg_ParseTuple(args, "i:tcgetpgrp", &fd))
        return NULL;
    pid_t pgid = tcgetpgrp(fd);
    if (pgid < 0)
        return posix_error();
    return PyLong_FromLong((long)pgid);
}

static PyObject *os_tcsetpgrp(PyObject *self, PyObject *args)
{
    int fd, pgid;
    if (!PyArg_ParseTuple(args, "ii:tcsetpgrp", &fd, &pgid))
        return NULL;
    if (tcsetpgrp(fd, (pid_t)pgid) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_setpgid(PyObject *self, PyObject *args)
{
    int pid, pgrp;
    if (!PyArg_ParseTuple(args, "ii:setpgid", &pid, &pgrp))
        return NULL;
    if (setpgid((pid_t)pid, (pid_t)pgrp) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_sched_yield(PyObject *self, PyObject *unused)
{
    sched_yield();
    Py_RETURN_NONE;
}

static PyObject *os_sync(PyObject *self, PyObject *unused)
{
    sync();
    Py_RETURN_NONE;
}

static PyObject *os_fdatasync(PyObject *self, PyObject *arg)
{
    int fd = PyObject_AsFileDescriptor(arg);
    if (fd < 0)
        return NULL;
    if (fdatasync(fd) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_getloadavg(PyObject *self, PyObject *unused)
{
    double l[3];
    if (getloadavg(l, 3) != 3) {
        PyErr_SetString(PyExc_OSError, "Load averages are unobtainable");
        return NULL;
    }
    return Py_BuildValue("ddd", l[0], l[1], l[2]);
}

static PyObject *os_ttyname(PyObject *self, PyObject *args)
{
    int fd;
    char buf[256];
    if (!PyArg_ParseTuple(args, "i:ttyname", &fd))
        return NULL;
    int r = ttyname_r(fd, buf, sizeof buf);
    if (r != 0) {
        errno = r;
        return posix_error();
    }
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *os_mkfifo(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "mode", "dir_fd", NULL};
    path_t path = PATH_T_INIT("mkfifo", "path", 0, 0);
    int mode = 0666, dfd = AT_FDCWD;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|i$O&:mkfifo", kwlist, path_converter, &path,
                                     &mode, dir_fd_converter, &dfd)) {
        path_cleanup(&path);
        return NULL;
    }
    int r = mkfifoat(dfd, path.narrow, mode);
    PyObject *res = r ? path_error(&path) : Py_NewRef(Py_None);
    path_cleanup(&path);
    return res;
}

/* execv/execve: argv from a list or tuple; only return on failure. */
/* argv for exec*(): a non-empty tuple or list whose first item is not empty.  CPython
 * words the errors differently for execv ("execv() arg 2 ...") and execve ("execve: argv ..."). */
static char **make_argv(PyObject *seq, PyObject **keep, const char *fname)
{
    int is_execv = strcmp(fname, "execv") == 0;
    if (!PyList_Check(seq) && !PyTuple_Check(seq)) {
        PyErr_Format(PyExc_TypeError, is_execv ? "%s() arg 2 must be a tuple or list"
                                               : "%s: argv must be a tuple or list", fname);
        return NULL;
    }
    PyObject *fast = PySequence_Fast(seq, "");
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    if (n < 1) {
        PyErr_Format(PyExc_ValueError, is_execv ? "%s() arg 2 must not be empty"
                                                : "%s: argv must not be empty", fname);
        Py_DECREF(fast);
        return NULL;
    }
    *keep = PyList_New(0);
    char **argv = PyMem_Malloc((n + 1) * sizeof(char *));
    for (Py_ssize_t i = 0; argv && *keep && i < n; i++) {
        PyObject *b = NULL;
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(fast, i), &b) ||
            PyList_Append(*keep, b) < 0) {
            Py_XDECREF(b);
            PyMem_Free(argv);
            argv = NULL;
            break;
        }
        argv[i] = PyBytes_AS_STRING(b);
        Py_DECREF(b);
        argv[i + 1] = NULL;
        if (i == 0 && argv[0][0] == '\0') {
            PyErr_Format(PyExc_ValueError, is_execv ? "%s() arg 2 first element cannot be empty"
                                                    : "%s: argv first element cannot be empty",
                         fname);
            PyMem_Free(argv);
            argv = NULL;
        }
    }
    Py_DECREF(fast);
    return argv;
}

static PyObject *os_execv(PyObject *self, PyObject *args)
{
    path_t path = PATH_T_INIT("execv", "path", 0, 0);
    PyObject *argv_obj, *keep = NULL;
    if (!PyArg_ParseTuple(args, "O&O:execv", path_converter, &path, &argv_obj)) {
        path_cleanup(&path);
        return NULL;
    }
    char **argv = make_argv(argv_obj, &keep, "execv");
    if (argv != NULL) {
        fflush(stdout);
        fflush(stderr);
        execv(path.narrow, argv);
        posix_error();
        PyMem_Free(argv);
    }
    Py_XDECREF(keep);
    path_cleanup(&path);
    return NULL;
}

static PyObject *os_execve(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path", "argv", "env", NULL};
    path_t path = PATH_T_INIT("execve", "path", 0, 0);
    PyObject *argv_obj, *env, *keep = NULL, *envkeep = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&OO:execve", kwlist, path_converter, &path,
                                     &argv_obj, &env)) {
        path_cleanup(&path);
        return NULL;
    }
    if (!PyMapping_Check(env)) {
        PyErr_SetString(PyExc_TypeError, "execve: environment must be a mapping object");
        path_cleanup(&path);
        return NULL;
    }
    char **argv = make_argv(argv_obj, &keep, "execve"), **envp = NULL;
    if (argv != NULL) {
        PyObject *items = PyMapping_Items(env);
        Py_ssize_t n = items ? PyList_GET_SIZE(items) : 0;
        envkeep = PyList_New(0);
        envp = items && envkeep ? PyMem_Malloc((n + 1) * sizeof(char *)) : NULL;
        for (Py_ssize_t i = 0; envp && i < n; i++) {
            PyObject *k = NULL, *v = NULL, *kv = NULL;
            PyObject *item = PyList_GET_ITEM(items, i);
            if (PyUnicode_FSConverter(PyTuple_GET_ITEM(item, 0), &k) &&
                PyUnicode_FSConverter(PyTuple_GET_ITEM(item, 1), &v)) {
                /* a name may not be empty nor hold '=' (past its first character) */
                if (PyBytes_GET_SIZE(k) == 0 || strchr(PyBytes_AS_STRING(k) + 1, '=') != NULL)
                    PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
                else
                    kv = PyBytes_FromFormat("%s=%s", PyBytes_AS_STRING(k), PyBytes_AS_STRING(v));
            }
            Py_XDECREF(k);
            Py_XDECREF(v);
            if (kv == NULL || PyList_Append(envkeep, kv) < 0) {
                Py_XDECREF(kv);
                PyMem_Free(envp);
                envp = NULL;
                break;
            }
            envp[i] = PyBytes_AS_STRING(kv);
            Py_DECREF(kv);
            envp[i + 1] = NULL;
        }
        if (envp && n == 0)
            envp[0] = NULL;
        Py_XDECREF(items);
        if (envp != NULL) {
            fflush(stdout);
            fflush(stderr);
            execve(path.narrow, argv, envp);
            posix_error();
            PyMem_Free(envp);
        }
        PyMem_Free(argv);
    }
    Py_XDECREF(keep);
    Py_XDECREF(envkeep);
    path_cleanup(&path);
    return NULL;
}

/* ---- shared with posix_process.c and posix_system.c (declared in posixmodule.h) ---- */

int _PyPosix_PathConverter(PyObject *o, void *path) { return path_converter(o, path); }
void _PyPosix_PathCleanup(path_t *path) { path_cleanup(path); }
int _PyPosix_DirFdConverter(PyObject *o, void *fd) { return dir_fd_converter(o, fd); }
PyObject *_PyPosix_PathError(path_t *path) { return path_error(path); }
char **_PyPosix_MakeArgv(PyObject *seq, PyObject **keep, const char *fname)
{
    return make_argv(seq, keep, fname);
}

/* ------------------------------------------------------------------ module */

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS
static PyMethodDef posix_methods[] = {
    {"fspath", KW(os_fspath), NULL},
    {"stat", KW(os_stat), NULL},
    {"lstat", KW(os_lstat), NULL},
    {"fstat", KW(os_fstat), NULL},
    {"statvfs", KW(os_statvfs), "Perform a statvfs system call on the given path."},
    {"fstatvfs", (PyCFunction)os_fstatvfs, METH_O, "Perform an fstatvfs system call on the given fd."},
    {"access", KW(os_access), NULL},
    {"chdir", KW(os_chdir), NULL},
    {"chmod", KW(os_chmod), NULL},
    {"fchmod", KW(os_fchmod), NULL},
    {"chown", KW(os_chown), NULL},
    {"mkdir", KW(os_mkdir), NULL},
    {"rmdir", KW(os_rmdir), NULL},
    {"unlink", KW(os_unlink), NULL},
    {"remove", KW(os_remove), NULL},
    {"rename", KW(os_rename), NULL},
    {"replace", KW(os_replace), NULL},
    {"link", KW(os_link), NULL},
    {"symlink", KW(os_symlink), NULL},
    {"readlink", KW(os_readlink), NULL},
    {"getcwd", os_getcwd, METH_NOARGS, NULL},
    {"getcwdb", os_getcwdb, METH_NOARGS, NULL},
    {"truncate", KW(os_truncate), NULL},
    {"ftruncate", os_ftruncate, METH_VARARGS, NULL},
    {"utime", KW(os_utime), NULL},
    {"listdir", KW(os_listdir), NULL},
    {"scandir", KW(os_scandir), NULL},
    {"open", KW(os_open), NULL},
    {"close", KW(os_close), NULL},
    {"closerange", os_closerange, METH_VARARGS, NULL},
    {"read", os_read, METH_VARARGS, NULL},
    {"write", os_write, METH_VARARGS, NULL},
    {"lseek", os_lseek, METH_VARARGS, NULL},
    {"dup", os_dup, METH_VARARGS, NULL},
    {"dup2", KW(os_dup2), NULL},
    {"pipe", os_pipe, METH_NOARGS, NULL},
    {"isatty", os_isatty, METH_VARARGS, NULL},
    {"fsync", os_fsync, METH_O, NULL},
    {"get_inheritable", os_get_inheritable, METH_VARARGS, NULL},
    {"set_inheritable", os_set_inheritable, METH_VARARGS, NULL},
    {"get_blocking", os_get_blocking, METH_VARARGS, NULL},
    {"set_blocking", os_set_blocking, METH_VARARGS, NULL},
    {"device_encoding", KW(os_device_encoding), NULL},
    {"putenv", os_putenv, METH_VARARGS, NULL},
    {"unsetenv", os_unsetenv, METH_VARARGS, NULL},
    {"getpid", os_getpid, METH_NOARGS, NULL},
    {"getppid", os_getppid, METH_NOARGS, NULL},
    {"getuid", os_getuid, METH_NOARGS, NULL},
    {"geteuid", os_geteuid, METH_NOARGS, NULL},
    {"getgid", os_getgid, METH_NOARGS, NULL},
    {"getegid", os_getegid, METH_NOARGS, NULL},
    {"getpgrp", os_getpgrp, METH_NOARGS, NULL},
    {"getlogin", os_getlogin, METH_NOARGS, NULL},
    {"getgroups", os_getgroups, METH_NOARGS, NULL},
    {"umask", os_umask, METH_VARARGS, NULL},
    {"kill", os_kill, METH_VARARGS, NULL},
    {"_exit", KW(os__exit), NULL},
    {"abort", os_abort, METH_NOARGS, NULL},
    {"system", KW(os_system), NULL},
    {"waitpid", os_waitpid, METH_VARARGS, NULL},
    {"fork", os_fork, METH_NOARGS, NULL},
    {"waitstatus_to_exitcode", KW(os_waitstatus_to_exitcode), NULL},
    {"WIFEXITED", KW(os_WIFEXITED), NULL},
    {"WEXITSTATUS", KW(os_WEXITSTATUS), NULL},
    {"WIFSIGNALED", KW(os_WIFSIGNALED), NULL},
    {"WTERMSIG", KW(os_WTERMSIG), NULL},
    {"WIFSTOPPED", KW(os_WIFSTOPPED), NULL},
    {"WSTOPSIG", KW(os_WSTOPSIG), NULL},
    {"WCOREDUMP", KW(os_WCOREDUMP), NULL},
    {"WIFCONTINUED", KW(os_WIFCONTINUED), NULL},
    {"strerror", os_strerror, METH_VARARGS, NULL},
    {"urandom", os_urandom, METH_VARARGS, NULL},
    {"cpu_count", os_cpu_count, METH_NOARGS, NULL},
    {"sched_getaffinity", os_sched_getaffinity, METH_VARARGS, NULL},
    {"uname", os_uname, METH_NOARGS, NULL},
    {"times", os_times, METH_NOARGS, NULL},
    {"get_terminal_size", os_get_terminal_size, METH_VARARGS, NULL},
    {"register_at_fork", KW(os_register_at_fork), NULL},
    {"fchdir", os_fchdir, METH_O, NULL},
    {"fchown", KW(os_fchown), "Change the owner and group id of the file specified by file descriptor.\n\nEquivalent to os.chown(fd, uid, gid)."},
    {"lchown", KW(os_lchown), "Change the owner and group id of path to the numeric uid and gid.\n\nThis function will not follow symbolic links.\nEquivalent to os.chown(path, uid, gid, follow_symlinks=False)."},
    {"pipe2", os_pipe2, METH_VARARGS, NULL},
    {"wait", os_wait, METH_NOARGS, NULL},
    {"killpg", os_killpg, METH_VARARGS, NULL},
    {"getpgid", os_getpgid, METH_VARARGS, NULL},
    {"getsid", os_getsid, METH_VARARGS, NULL},
    {"setsid", os_setsid, METH_NOARGS, NULL},
    {"openpty", os_openpty, METH_NOARGS,
     "openpty($module, /)\n--\n\nOpen a pseudo-terminal.\n\nReturn a tuple of (master_fd, slave_fd) containing open file descriptors\nfor both the master and slave ends."},
    {"forkpty", os_forkpty, METH_NOARGS,
     "forkpty($module, /)\n--\n\nFork a new process with a new pseudo-terminal as controlling tty.\n\nReturns a tuple of (pid, master_fd).\nLike fork(), return pid of 0 to the child process,\nand pid of child to the parent process.\nTo both, return fd of newly opened pseudo-terminal."},
    {"login_tty", os_login_tty, METH_O,
     "login_tty($module, fd, /)\n--\n\nPrepare the tty of which fd is a file descriptor for a new login session.\n\nMake the calling process a session leader; make the tty the\ncontrolling tty, the stdin, the stdout, and the stderr of the\ncalling process; close fd."},
    {"ctermid", os_ctermid, METH_NOARGS,
     "ctermid($module, /)\n--\n\nReturn the name of the controlling terminal for this process."},
    {"tcgetpgrp", os_tcgetpgrp, METH_VARARGS,
     "tcgetpgrp($module, fd, /)\n--\n\nReturn the process group associated with the terminal specified by fd."},
    {"tcsetpgrp", os_tcsetpgrp, METH_VARARGS,
     "tcsetpgrp($module, fd, pgid, /)\n--\n\nSet the process group associated with the terminal specified by fd."},
    {"setpgid", os_setpgid, METH_VARARGS,
     "setpgid($module, pid, pgrp, /)\n--\n\nCall the system call setpgid(pid, pgrp)."},
    {"sched_yield", os_sched_yield, METH_NOARGS, NULL},
    {"sync", os_sync, METH_NOARGS, NULL},
    {"fdatasync", os_fdatasync, METH_O, NULL},
    {"getloadavg", os_getloadavg, METH_NOARGS, NULL},
    {"ttyname", os_ttyname, METH_VARARGS, NULL},
    {"mkfifo", KW(os_mkfifo), NULL},
    {"execv", os_execv, METH_VARARGS, NULL},
    {"setuid", os_setuid, METH_O, "Set the current process's user id."},
    {"seteuid", os_seteuid, METH_O, "Set the current process's effective user id."},
    {"setgid", os_setgid, METH_O, "Set the current process's group id."},
    {"setegid", os_setegid, METH_O, "Set the current process's effective group id."},
    {"setreuid", os_setreuid, METH_VARARGS, "Set the current process's real and effective user ids."},
    {"setregid", os_setregid, METH_VARARGS, "Set the current process's real and effective group ids."},
    {"setresuid", os_setresuid, METH_VARARGS, "Set the current process's real, effective, and saved user ids."},
    {"setresgid", os_setresgid, METH_VARARGS, "Set the current process's real, effective, and saved group ids."},
    {"getresuid", os_getresuid, METH_NOARGS, "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", os_getresgid, METH_NOARGS, "Return a tuple of the current process's real, effective, and saved group ids."},
    {"getpriority", os_getpriority, METH_VARARGS, "Return program scheduling priority."},
    {"setpriority", os_setpriority, METH_VARARGS, "Set program scheduling priority."},
    {"pread", os_pread, METH_VARARGS, "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", os_pwrite, METH_VARARGS, "Write bytes to a file descriptor starting at a particular offset."},
    {"posix_fallocate", os_posix_fallocate, METH_VARARGS, "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", os_posix_fadvise, METH_VARARGS, "Announce an intention to access data in a specific pattern."},
    {"lockf", os_lockf, METH_VARARGS, "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"getrandom", KW(os_getrandom), "Obtain a series of random bytes."},
    {"sendfile", KW(os_sendfile), "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {"copy_file_range", KW(os_copy_file_range), "Copy count bytes from one file descriptor to another."},
    {"splice", KW(os_splice), "Transfer count bytes from one pipe to a descriptor or vice versa."},
    {"memfd_create", KW(os_memfd_create), NULL},
    {"eventfd", KW(os_eventfd), "Creates and returns an event notification file descriptor."},
    {"eventfd_read", KW(os_eventfd_read), "Read eventfd value"},
    {"eventfd_write", KW(os_eventfd_write), "Write eventfd value."},
    {"readv", os_readv, METH_VARARGS, "Read from a file descriptor fd into an iterable of buffers."},
    {"writev", os_writev, METH_VARARGS, "Iterate over buffers, and write the contents of each to a file descriptor."},
    {"execve", KW(os_execve), NULL},
    {"preadv", os_preadv, METH_VARARGS,
     "preadv($module, fd, buffers, offset, flags=0, /)\n--\n\n"
     "Reads from a file descriptor into a number of mutable bytes-like objects.\n\n"
     "Combines the functionality of readv() and pread()."},
    {"pwritev", os_pwritev, METH_VARARGS,
     "pwritev($module, fd, buffers, offset, flags=0, /)\n--\n\n"
     "Writes the contents of bytes-like objects to a file descriptor at a given offset.\n\n"
     "Combines the functionality of writev() and pwrite()."},
    {NULL, NULL, 0, NULL},
};

static int add_constants(PyObject *m)
{
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) return -1;
    C(F_OK) C(R_OK) C(W_OK) C(X_OK)
    C(ST_RDONLY) C(ST_NOSUID) C(ST_NODEV) C(ST_NOEXEC) C(ST_SYNCHRONOUS) C(ST_MANDLOCK)
    C(ST_WRITE) C(ST_APPEND) C(ST_NOATIME) C(ST_NODIRATIME) C(ST_RELATIME)
    C(O_RDONLY) C(O_WRONLY) C(O_RDWR) C(O_APPEND) C(O_CREAT) C(O_EXCL) C(O_TRUNC)
    C(O_NONBLOCK) C(O_NDELAY) C(O_SYNC) C(O_DSYNC) C(O_RSYNC) C(O_NOCTTY) C(O_CLOEXEC)
    C(O_DIRECTORY) C(O_NOFOLLOW) C(O_ACCMODE) C(O_ASYNC) C(O_DIRECT) C(O_LARGEFILE)
    C(O_NOATIME) C(O_PATH) C(O_TMPFILE)
    C(SEEK_DATA) C(SEEK_HOLE)
    C(WNOHANG) C(WUNTRACED) C(WCONTINUED) C(WEXITED) C(WSTOPPED) C(WNOWAIT)
    C(EX_OK) C(EX_USAGE) C(EX_DATAERR) C(EX_NOINPUT) C(EX_NOUSER) C(EX_NOHOST)
    C(EX_UNAVAILABLE) C(EX_SOFTWARE) C(EX_OSERR) C(EX_OSFILE) C(EX_CANTCREAT) C(EX_IOERR)
    C(EX_TEMPFAIL) C(EX_PROTOCOL) C(EX_NOPERM) C(EX_CONFIG)
    C(F_LOCK) C(F_TLOCK) C(F_ULOCK) C(F_TEST)
    C(P_PID) C(P_PGID) C(P_ALL)
    C(SCHED_OTHER) C(SCHED_FIFO) C(SCHED_RR) C(SCHED_BATCH) C(SCHED_IDLE)
    C(RTLD_LAZY) C(RTLD_NOW) C(RTLD_GLOBAL) C(RTLD_LOCAL) C(RTLD_NODELETE)
    C(RTLD_NOLOAD) C(RTLD_DEEPBIND)
    C(GRND_NONBLOCK) C(GRND_RANDOM)
    C(PRIO_PROCESS) C(PRIO_PGRP) C(PRIO_USER)
    C(POSIX_FADV_NORMAL) C(POSIX_FADV_SEQUENTIAL) C(POSIX_FADV_RANDOM) C(POSIX_FADV_NOREUSE)
    C(POSIX_FADV_WILLNEED) C(POSIX_FADV_DONTNEED)
    C(MFD_CLOEXEC) C(MFD_ALLOW_SEALING) C(MFD_HUGETLB)
    C(EFD_CLOEXEC) C(EFD_NONBLOCK) C(EFD_SEMAPHORE)
    C(SPLICE_F_MOVE) C(SPLICE_F_NONBLOCK) C(SPLICE_F_MORE)
    C(RWF_DSYNC) C(RWF_HIPRI) C(RWF_SYNC) C(RWF_NOWAIT) C(RWF_APPEND)
    C(NGROUPS_MAX) C(TMP_MAX)
#undef C
    return 0;
}

/* Which optional C-level features exist: os.py builds supports_dir_fd etc. from these. */
static const char *const have_functions[] = {
    "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN",
    "HAVE_FCHOWNAT", "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS", "HAVE_LCHOWN", "HAVE_LINKAT", "HAVE_LSTAT", "HAVE_MKDIRAT", "HAVE_MKFIFOAT",
    "HAVE_MKNODAT", "HAVE_OPENAT", "HAVE_READLINKAT",
    "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT", NULL,
};

static struct PyModuleDef posixmodule = {
    PyModuleDef_HEAD_INIT, "posix",
    "This module provides access to operating system functionality that is\n"
    "standardized by the C Standard and the POSIX standard (a thinly\n"
    "disguised Unix interface).  Refer to the library manual and\n"
    "corresponding Unix manual entries for more information on calls.",
    -1, posix_methods, NULL, NULL, NULL, NULL,
};

static int init_types(void)
{
    static int done;
    if (done)
        return 0;
    stat_result_fields[7].name = PyStructSequence_UnnamedField;
    stat_result_fields[8].name = PyStructSequence_UnnamedField;
    stat_result_fields[9].name = PyStructSequence_UnnamedField;
    if (PyStructSequence_InitType2(&StatResultType, &stat_result_desc) < 0 ||
        PyStructSequence_InitType2(&UnameResultType, &uname_desc) < 0 ||
        PyStructSequence_InitType2(&TimesResultType, &times_desc) < 0 ||
        PyStructSequence_InitType2(&StatvfsResultType, &statvfs_result_desc) < 0 ||
        PyStructSequence_InitType2(&TerminalSizeType, &termsize_desc) < 0 ||
        PyType_Ready(&DirEntryType) < 0 || PyType_Ready(&ScandirIteratorType) < 0)
        return -1;
    done = 1;
    return 0;
}

PyObject *PyInit_posix(void)
{
    if (init_types() < 0)
        return NULL;
    PyObject *m = PyModule_Create(&posixmodule);
    if (m == NULL)
        return NULL;
    PyObject *env = convert_environ();
    if (env == NULL || PyModule_AddObject(m, "environ", env) < 0)
        goto fail;
    if (add_constants(m) < 0 || _PyPosix_AddProcess(m) < 0 || _PyPosix_AddSystem(m) < 0)
        goto fail;
    PyObject *have = PyList_New(0);
    if (have == NULL)
        goto fail;
    for (const char *const *p = have_functions; *p; p++) {
        PyObject *s = PyUnicode_FromString(*p);
        if (s == NULL || PyList_Append(have, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(have);
            goto fail;
        }
        Py_DECREF(s);
    }
    if (PyModule_AddObject(m, "_have_functions", have) < 0)
        goto fail;
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 ||
        PyModule_AddObjectRef(m, "stat_result", (PyObject *)&StatResultType) < 0 ||
        PyModule_AddObjectRef(m, "uname_result", (PyObject *)&UnameResultType) < 0 ||
        PyModule_AddObjectRef(m, "times_result", (PyObject *)&TimesResultType) < 0 ||
        PyModule_AddObjectRef(m, "statvfs_result", (PyObject *)&StatvfsResultType) < 0 ||
        PyModule_AddObjectRef(m, "terminal_size", (PyObject *)&TerminalSizeType) < 0 ||
        PyModule_AddObjectRef(m, "DirEntry", (PyObject *)&DirEntryType) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
