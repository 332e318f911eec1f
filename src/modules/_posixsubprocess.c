/* _posixsubprocess.c — `_posixsubprocess.fork_exec`, the fork + exec behind
 * subprocess.Popen on POSIX: everything is converted to C before fork(); the child only
 * makes async-signal-safe calls and reports failures on errpipe_write in the
 * "OSError:<hex errno>:[noexec]" / "SubprocessError:0:<msg>" format subprocess.py parses.
 * Owner: modules-os.  The fork hooks (PyOS_BeforeFork & co.) are posixmodule.c's.
 */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

void PyOS_BeforeFork(void);
void PyOS_AfterFork_Parent(void);
void PyOS_AfterFork_Child(void);

/* ------------------------------------------------------------ conversions (parent) */

static void free_charp_array(char **array, Py_ssize_t n)
{
    if (array == NULL)
        return;
    for (Py_ssize_t i = 0; i < n; i++)
        PyMem_Free(array[i]);
    PyMem_Free(array);
}

static char *dup_bytes(PyObject *b)
{
    Py_ssize_t n = PyBytes_GET_SIZE(b);
    char *s = PyMem_Malloc(n + 1);
    if (s == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(s, PyBytes_AS_STRING(b), n + 1);
    return s;
}

/* A NULL-terminated char*[] from a sequence of bytes (or of paths when fsconvert). */
static char **seq_to_charp(PyObject *seq, Py_ssize_t *pn, int fsconvert, const char *what)
{
    PyObject *fast = PySequence_Fast(seq, what);
    if (fast == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    char **array = PyMem_Calloc(n + 1, sizeof(char *));
    if (array == NULL) {
        Py_DECREF(fast);
        PyErr_NoMemory();
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_Fast_GET_ITEM(fast, i), *b = NULL;
        if (fsconvert) {
            if (!PyUnicode_FSConverter(item, &b))
                goto fail;
        } else if (PyBytes_Check(item)) {
            b = Py_NewRef(item);
        } else {
            PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found",
                         Py_TYPE(item)->tp_name);
            goto fail;
        }
        if (strlen(PyBytes_AS_STRING(b)) != (size_t)PyBytes_GET_SIZE(b)) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            Py_DECREF(b);
            goto fail;
        }
        array[i] = dup_bytes(b);
        Py_DECREF(b);
        if (array[i] == NULL)
            goto fail;
    }
    Py_DECREF(fast);
    *pn = n;
    return array;
fail:
    Py_DECREF(fast);
    free_charp_array(array, n);
    return NULL;
}

/* fds_to_keep: a tuple of sorted non-negative ints. */
static int check_fds(PyObject *fds, int **out, Py_ssize_t *pn)
{
    if (!PyTuple_Check(fds)) {
        PyErr_SetString(PyExc_TypeError, "fds_to_keep must be a tuple");
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(fds);
    int *arr = PyMem_Malloc((n ? n : 1) * sizeof(int));
    if (arr == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    long prev = -1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PyTuple_GET_ITEM(fds, i);
        long fd = PyLong_Check(o) ? PyLong_AsLong(o) : -1;
        if (fd == -1 && PyErr_Occurred())
            PyErr_Clear();
        if (fd < 0 || fd <= prev || fd > INT_MAX) {
            PyMem_Free(arr);
            PyErr_SetString(PyExc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        arr[i] = (int)fd;
        prev = fd;
    }
    *out = arr;
    *pn = n;
    return 0;
}

/* ------------------------------------------------------------ the child (async-signal-safe) */

static int set_inheritable(int fd, int inheritable)
{
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return -1;
    int nflags = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    return nflags == flags ? 0 : fcntl(fd, F_SETFD, nflags);
}

static void close_range_safe(int lo, int hi)
{
    if (lo > hi)
        return;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lo, (unsigned)hi, 0) == 0)
        return;
#endif
    for (int fd = lo; fd <= hi; fd++)
        close(fd);
}

/* Close every fd >= 3 not in the sorted keep list. */
static void close_open_fds(const int *keep, Py_ssize_t nkeep)
{
    long max = sysconf(_SC_OPEN_MAX);
    int hi = max > 0 && max < INT_MAX ? (int)max - 1 : 65535;
#ifdef SYS_close_range
    hi = INT_MAX;    /* close_range copes with any bound */
#endif
    int lo = 3;
    for (Py_ssize_t i = 0; i < nkeep; i++) {
        if (keep[i] < lo)
            continue;
        close_range_safe(lo, keep[i] - 1);
        lo = keep[i] + 1;
    }
    close_range_safe(lo, hi);
}

static void write_all(int fd, const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

typedef struct {
    char **argv, **execs, **envp;
    const char *cwd;
    int close_fds, restore_signals, call_setsid;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    pid_t pgid_to_set;
    int has_gid, has_uid;
    gid_t gid;
    uid_t uid;
    gid_t *groups;
    Py_ssize_t ngroups;      /* -1: leave the groups alone */
    int child_umask;
    const int *keep;
    Py_ssize_t nkeep;
    PyObject *preexec_fn;
} child_args;

#define CHECK(call) do { if ((call) < 0) goto error; } while (0)

static void child_exec(child_args *a)
{
    int reached_preexec = 0, saved_errno = 0;
    const char *err_msg = "";

    if (a->p2cwrite != -1)
        close(a->p2cwrite);
    if (a->c2pread != -1)
        close(a->c2pread);
    if (a->errread != -1)
        close(a->errread);
    close(a->errpipe_read);

    for (Py_ssize_t i = 0; i < a->nkeep; i++)
        if (a->keep[i] != a->errpipe_write)
            CHECK(set_inheritable(a->keep[i], 1));

    /* Move the child's ends out of the way of fds 0-2 before dup2()ing over them. */
    if (a->c2pwrite == 0) {
        CHECK(a->c2pwrite = dup(a->c2pwrite));
        CHECK(set_inheritable(a->c2pwrite, 0));
    }
    while (a->errwrite == 0 || a->errwrite == 1) {
        CHECK(a->errwrite = dup(a->errwrite));
        CHECK(set_inheritable(a->errwrite, 0));
    }
    int ends[3] = {a->p2cread, a->c2pwrite, a->errwrite};
    for (int target = 0; target < 3; target++) {
        if (ends[target] == target)
            CHECK(set_inheritable(target, 1));    /* dup2 would be a no-op */
        else if (ends[target] != -1)
            CHECK(dup2(ends[target], target));
    }

    if (a->cwd)
        CHECK(chdir(a->cwd));
    if (a->child_umask >= 0)
        umask((mode_t)a->child_umask);
    if (a->restore_signals) {
        signal(SIGPIPE, SIG_DFL);
#ifdef SIGXFSZ
        signal(SIGXFSZ, SIG_DFL);
#endif
    }
    if (a->call_setsid)
        CHECK(setsid());
    if (a->pgid_to_set >= 0)
        CHECK(setpgid(0, a->pgid_to_set));
    if (a->ngroups >= 0)
        CHECK(setgroups((size_t)a->ngroups, a->groups));
    if (a->has_gid)
        CHECK(setregid(a->gid, a->gid));
    if (a->has_uid)
        CHECK(setreuid(a->uid, a->uid));

    reached_preexec = 1;
    if (a->preexec_fn != Py_None) {
        /* Not async-signal-safe; CPython documents the same caveat. */
        PyObject *r = PyObject_CallNoArgs(a->preexec_fn);
        if (r == NULL) {
            err_msg = "Exception occurred in preexec_fn.";
            errno = 0;
            goto error;
        }
        Py_DECREF(r);
    }

    if (a->close_fds)
        close_open_fds(a->keep, a->nkeep);

    /* The PATH search of os._execvpe: remember the first interesting failure. */
    for (int i = 0; a->execs[i]; i++) {
        if (a->envp)
            execve(a->execs[i], a->argv, a->envp);
        else
            execv(a->execs[i], a->argv);
        if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0)
            saved_errno = errno;
    }
    if (saved_errno)
        errno = saved_errno;

error:
    saved_errno = errno;
    if (saved_errno) {
        char hex[sizeof(int) * 2 + 1], *cur = hex + sizeof hex;
        write_all(a->errpipe_write, "OSError:", 8);
        while (saved_errno != 0 && cur != hex) {
            *--cur = "0123456789abcdef"[saved_errno % 16];
            saved_errno /= 16;
        }
        write_all(a->errpipe_write, cur, hex + sizeof hex - cur);
        write_all(a->errpipe_write, ":", 1);
        if (!reached_preexec)
            write_all(a->errpipe_write, "noexec", 6);
    } else {
        write_all(a->errpipe_write, "SubprocessError:0:", 18);
        write_all(a->errpipe_write, err_msg, strlen(err_msg));
    }
}

/* ------------------------------------------------------------ fork_exec */

static int optional_id(PyObject *o, long *out, const char *what)
{
    if (o == Py_None)
        return 0;
    long v = PyLong_AsLong(o);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 1;
}

static PyObject *fork_exec(PyObject *module, PyObject *args)
{
    PyObject *process_args, *executable_list, *py_fds_to_keep, *cwd_obj, *env_list;
    PyObject *gid_obj, *groups_obj, *uid_obj, *preexec_fn;
    int close_fds, restore_signals, call_setsid, allow_vfork;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    int pgid_to_set, child_umask;
    if (!PyArg_ParseTuple(args, "OOpOOOiiiiiiiippiOOOiOp:fork_exec", &process_args,
                          &executable_list, &close_fds, &py_fds_to_keep, &cwd_obj, &env_list,
                          &p2cread, &p2cwrite, &c2pread, &c2pwrite, &errread, &errwrite,
                          &errpipe_read, &errpipe_write, &restore_signals, &call_setsid,
                          &pgid_to_set, &gid_obj, &groups_obj, &uid_obj, &child_umask,
                          &preexec_fn, &allow_vfork))
        return NULL;
    if (close_fds && errpipe_write < 3) {
        PyErr_SetString(PyExc_ValueError, "errpipe_write must be >= 3");
        return NULL;
    }
    child_args a;
    memset(&a, 0, sizeof a);
    Py_ssize_t nargv = 0, nexecs = 0, nenv = 0;
    PyObject *cwd_bytes = NULL, *result = NULL;
    int *keep = NULL;
    if (check_fds(py_fds_to_keep, &keep, &a.nkeep) < 0)
        return NULL;
    a.keep = keep;
    a.execs = seq_to_charp(executable_list, &nexecs, 0, "executable_list must be a sequence");
    if (a.execs == NULL)
        goto end;
    if (process_args != Py_None) {
        a.argv = seq_to_charp(process_args, &nargv, 1, "args must be a sequence");
        if (a.argv == NULL)
            goto end;
    } else if ((a.argv = PyMem_Calloc(1, sizeof(char *))) == NULL) {
        PyErr_NoMemory();
        goto end;
    }
    if (env_list != Py_None) {
        a.envp = seq_to_charp(env_list, &nenv, 0, "env must be a sequence");
        if (a.envp == NULL)
            goto end;
    }
    if (cwd_obj != Py_None) {
        if (!PyUnicode_FSConverter(cwd_obj, &cwd_bytes))
            goto end;
        a.cwd = PyBytes_AS_STRING(cwd_bytes);
    }
    long id = -1;
    int k;
    if ((k = optional_id(gid_obj, &id, "gid")) < 0)
        goto end;
    a.has_gid = k;
    a.gid = (gid_t)id;
    if ((k = optional_id(uid_obj, &id, "uid")) < 0)
        goto end;
    a.has_uid = k;
    a.uid = (uid_t)id;
    a.ngroups = -1;
    if (groups_obj != Py_None) {
        if (!PyList_Check(groups_obj)) {
            PyErr_SetString(PyExc_TypeError, "setgroups argument must be a list");
            goto end;
        }
        a.ngroups = PyList_GET_SIZE(groups_obj);
        a.groups = PyMem_Malloc((a.ngroups ? a.ngroups : 1) * sizeof(gid_t));
        if (a.groups == NULL) {
            PyErr_NoMemory();
            goto end;
        }
        for (Py_ssize_t i = 0; i < a.ngroups; i++) {
            long g = PyLong_AsLong(PyList_GET_ITEM(groups_obj, i));
            if (g == -1 && PyErr_Occurred())
                goto end;
            a.groups[i] = (gid_t)g;
        }
    }
    if (preexec_fn != Py_None && !PyCallable_Check(preexec_fn)) {
        PyErr_SetString(PyExc_TypeError, "preexec_fn must be callable");
        goto end;
    }
    a.close_fds = close_fds;
    a.restore_signals = restore_signals;
    a.call_setsid = call_setsid;
    a.p2cread = p2cread; a.p2cwrite = p2cwrite; a.c2pread = c2pread; a.c2pwrite = c2pwrite;
    a.errread = errread; a.errwrite = errwrite;
    a.errpipe_read = errpipe_read; a.errpipe_write = errpipe_write;
    a.pgid_to_set = pgid_to_set;
    a.child_umask = child_umask;
    a.preexec_fn = preexec_fn;

    int gc_was_enabled = 0;
    if (preexec_fn != Py_None) {
        gc_was_enabled = PyGC_Disable();
        PyOS_BeforeFork();
    }
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        if (preexec_fn != Py_None)
            PyOS_AfterFork_Child();
        child_exec(&a);
        _exit(255);
    }
    int saved_errno = errno;
    if (preexec_fn != Py_None) {
        PyOS_AfterFork_Parent();
        if (gc_was_enabled)
            PyGC_Enable();
    }
    if (pid == -1) {
        errno = saved_errno;
        PyErr_SetFromErrno(PyExc_OSError);
        goto end;
    }
    result = PyLong_FromLong((long)pid);
end:
    PyMem_Free(keep);
    free_charp_array(a.argv, nargv);
    free_charp_array(a.execs, nexecs);
    free_charp_array(a.envp, nenv);
    PyMem_Free(a.groups);
    Py_XDECREF(cwd_bytes);
    return result;
}

static PyMethodDef posixsubprocess_methods[] = {
    {"fork_exec", fork_exec, METH_VARARGS,
     "Spawn a fresh new child process: fork, then exec with the given arguments."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef posixsubprocessmodule = {
    PyModuleDef_HEAD_INIT, "_posixsubprocess", "A POSIX helper for the subprocess module.",
    -1, posixsubprocess_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__posixsubprocess(void)
{
    return PyModule_Create(&posixsubprocessmodule);
}
