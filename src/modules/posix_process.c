/* posix_process.c — the process-control part of `posix`: waitid/wait3/wait4, pidfd_open,
 * posix_spawn/posix_spawnp, the sched_* family and sched_param, nice, setpgrp and the
 * supplementary-group calls (getgrouplist/initgroups/setgroups).  posixmodule.c adds these
 * to the module through _PyPosix_AddProcess.  Owner: asyncio (session 4). */
#include "Python.h"
#include "structseq.h"
#include "posixmodule.h"

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static PyObject *posix_error(void) { return PyErr_SetFromErrno(PyExc_OSError); }

/* ------------------------------------------------------------------ waitid / wait3 / wait4 */

static PyStructSequence_Field waitid_result_fields[] = {
    {"si_pid", NULL}, {"si_uid", NULL}, {"si_signo", NULL}, {"si_status", NULL},
    {"si_code", NULL}, {NULL, NULL},
};
static PyStructSequence_Desc waitid_result_desc = {
    "posix.waitid_result",
    "waitid_result: Result from waitid.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (si_pid, si_uid, si_signo, si_status, si_code),\n"
    "or via the attributes si_pid, si_uid, and so on.\n\n"
    "See os.waitid for more information.",
    waitid_result_fields, 5,
};
static PyTypeObject WaitidResultType;

/* waitid(idtype, id, options, /): None when WNOHANG found no child in a waitable state. */
static PyObject *os_waitid(PyObject *self, PyObject *args)
{
    int idtype, id, options, r;
    if (!PyArg_ParseTuple(args, "iii:waitid", &idtype, &id, &options))
        return NULL;
    siginfo_t si;
    si.si_pid = 0;
    do {
        int e;
        Py_BEGIN_ALLOW_THREADS
        r = waitid((idtype_t)idtype, (id_t)id, &si, options);
        e = errno;
        Py_END_ALLOW_THREADS
        errno = e;
    } while (r < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    if (si.si_pid == 0)
        Py_RETURN_NONE;
    PyObject *res = PyStructSequence_New(&WaitidResultType);
    if (res == NULL)
        return NULL;
    PyObject *items[5] = {PyLong_FromLong(si.si_pid), _PyLong_FromUid(si.si_uid),
                          PyLong_FromLong(si.si_signo), PyLong_FromLong(si.si_status),
                          PyLong_FromLong(si.si_code)};
    for (int i = 0; i < 5; i++) {
        if (items[i] == NULL) {
            for (int j = i; j < 5; j++)
                Py_XDECREF(items[j]);
            Py_DECREF(res);
            return NULL;
        }
        PyStructSequence_SetItem(res, i, items[i]);
    }
    return res;
}

/* (pid, status, resource.struct_rusage) as CPython's wait_helper builds it. */
static PyObject *wait_result(pid_t pid, int status, const struct rusage *ru)
{
    PyObject *resource = PyImport_ImportModule("resource");
    if (resource == NULL)
        return NULL;
    PyObject *type = PyObject_GetAttrString(resource, "struct_rusage");
    Py_DECREF(resource);
    if (type == NULL)
        return NULL;
    PyObject *fields = Py_BuildValue(
        "(ddllllllllllllll)",
        (double)ru->ru_utime.tv_sec + ru->ru_utime.tv_usec * 1e-6,
        (double)ru->ru_stime.tv_sec + ru->ru_stime.tv_usec * 1e-6, ru->ru_maxrss, ru->ru_ixrss,
        ru->ru_idrss, ru->ru_isrss, ru->ru_minflt, ru->ru_majflt, ru->ru_nswap, ru->ru_inblock,
        ru->ru_oublock, ru->ru_msgsnd, ru->ru_msgrcv, ru->ru_nsignals, ru->ru_nvcsw,
        ru->ru_nivcsw);
    PyObject *usage = fields ? PyObject_CallOneArg(type, fields) : NULL;
    Py_DECREF(type);
    Py_XDECREF(fields);
    if (usage == NULL)
        return NULL;
    return Py_BuildValue("(iiN)", (int)pid, status, usage);
}

static PyObject *wait_common(pid_t pid, int options)
{
    struct rusage ru;
    int status = 0;
    pid_t r;
    do {
        int e;
        Py_BEGIN_ALLOW_THREADS
        r = wait4(pid, &status, options, &ru);
        e = errno;
        Py_END_ALLOW_THREADS
        errno = e;
    } while (r < 0 && errno == EINTR && PyErr_CheckSignals() == 0);
    if (r < 0)
        return PyErr_Occurred() ? NULL : posix_error();
    if (r == 0)
        memset(&ru, 0, sizeof ru);
    return wait_result(r, status, &ru);
}

static PyObject *os_wait3(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"options", NULL};
    int options;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:wait3", kwlist, &options))
        return NULL;
    return wait_common(-1, options);
}

static PyObject *os_wait4(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"pid", "options", NULL};
    int pid, options;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "ii:wait4", kwlist, &pid, &options))
        return NULL;
    return wait_common(pid, options);
}

/* pidfd_open(pid, flags=0): a descriptor that becomes readable when the process exits. */
static PyObject *os_pidfd_open(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"pid", "flags", NULL};
    int pid;
    unsigned int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i|I:pidfd_open", kwlist, &pid, &flags))
        return NULL;
#ifdef SYS_pidfd_open
    long fd = syscall(SYS_pidfd_open, pid, flags);
#else
    long fd = -1;
    errno = ENOSYS;
#endif
    if (fd < 0)
        return posix_error();
    return PyLong_FromLong(fd);
}

/* ------------------------------------------------------------------ sched_param */

static PyStructSequence_Field sched_param_fields[] = {
    {"sched_priority", "the scheduling priority"}, {NULL, NULL},
};
static PyStructSequence_Desc sched_param_desc = {
    "posix.sched_param",
    "sched_param(sched_priority)\n--\n\nCurrently has only one field: sched_priority\n\n"
    "  sched_priority\n    A scheduling parameter.",
    sched_param_fields, 1,
};
static PyTypeObject SchedParamType;

static PyObject *sched_param_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"sched_priority", NULL};
    PyObject *prio;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O:sched_param", kwlist, &prio))
        return NULL;
    PyObject *res = PyStructSequence_New(type);
    if (res != NULL)
        PyStructSequence_SetItem(res, 0, Py_NewRef(prio));
    return res;
}

static int convert_sched_param(PyObject *param, struct sched_param *res)
{
    if (!Py_IS_TYPE(param, &SchedParamType)) {
        PyErr_SetString(PyExc_TypeError, "must have a sched_param object");
        return 0;
    }
    long p = PyLong_AsLong(PyStructSequence_GetItem(param, 0));
    if (p == -1 && PyErr_Occurred())
        return 0;
    if (p > INT_MAX || p < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "sched_priority out of range");
        return 0;
    }
    res->sched_priority = (int)p;
    return 1;
}

static PyObject *os_sched_get_priority_max(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"policy", NULL};
    int policy;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:sched_get_priority_max", kwlist, &policy))
        return NULL;
    int r = sched_get_priority_max(policy);
    return r < 0 ? posix_error() : PyLong_FromLong(r);
}

static PyObject *os_sched_get_priority_min(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"policy", NULL};
    int policy;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "i:sched_get_priority_min", kwlist, &policy))
        return NULL;
    int r = sched_get_priority_min(policy);
    return r < 0 ? posix_error() : PyLong_FromLong(r);
}

static PyObject *os_sched_getscheduler(PyObject *self, PyObject *args)
{
    int pid;
    if (!PyArg_ParseTuple(args, "i:sched_getscheduler", &pid))
        return NULL;
    int r = sched_getscheduler(pid);
    return r < 0 ? posix_error() : PyLong_FromLong(r);
}

static PyObject *os_sched_setscheduler(PyObject *self, PyObject *args)
{
    int pid, policy;
    struct sched_param p;
    if (!PyArg_ParseTuple(args, "iiO&:sched_setscheduler", &pid, &policy, convert_sched_param,
                          &p))
        return NULL;
    if (sched_setscheduler(pid, policy, &p) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_sched_getparam(PyObject *self, PyObject *args)
{
    int pid;
    if (!PyArg_ParseTuple(args, "i:sched_getparam", &pid))
        return NULL;
    struct sched_param p;
    if (sched_getparam(pid, &p) < 0)
        return posix_error();
    PyObject *res = PyStructSequence_New(&SchedParamType);
    PyObject *prio = res ? PyLong_FromLong(p.sched_priority) : NULL;
    if (prio == NULL) {
        Py_XDECREF(res);
        return NULL;
    }
    PyStructSequence_SetItem(res, 0, prio);
    return res;
}

static PyObject *os_sched_setparam(PyObject *self, PyObject *args)
{
    int pid;
    struct sched_param p;
    if (!PyArg_ParseTuple(args, "iO&:sched_setparam", &pid, convert_sched_param, &p))
        return NULL;
    if (sched_setparam(pid, &p) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_sched_rr_get_interval(PyObject *self, PyObject *args)
{
    int pid;
    if (!PyArg_ParseTuple(args, "i:sched_rr_get_interval", &pid))
        return NULL;
    struct timespec ts;
    if (sched_rr_get_interval(pid, &ts) < 0)
        return posix_error();
    return PyFloat_FromDouble((double)ts.tv_sec + 1e-9 * ts.tv_nsec);
}

/* sched_setaffinity(pid, mask, /): mask is an iterable of CPU numbers. */
static PyObject *os_sched_setaffinity(PyObject *self, PyObject *args)
{
    int pid;
    PyObject *mask;
    if (!PyArg_ParseTuple(args, "iO:sched_setaffinity", &pid, &mask))
        return NULL;
    PyObject *it = PyObject_GetIter(mask), *item;
    if (it == NULL)
        return NULL;
    int ncpus = 0;
    size_t setsize = 0;
    cpu_set_t *cpus = NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        if (!PyLong_Check(item)) {
            PyErr_Format(PyExc_TypeError, "expected an iterator of ints, but iterator yielded %R",
                         Py_TYPE(item));
            Py_DECREF(item);
            goto fail;
        }
        long cpu = PyLong_AsLong(item);
        Py_DECREF(item);
        if (cpu == -1 && PyErr_Occurred())
            goto fail;
        if (cpu < 0) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "negative CPU number");
            goto fail;
        }
        if (cpu > INT_MAX - 1) {
            PyErr_SetString(PyExc_OverflowError, "invalid CPU number");
            goto fail;
        }
        if (cpu >= ncpus) {
            /* grow the set to hold this CPU number */
            int newn = ncpus ? ncpus : 64;
            while (newn <= cpu)
                newn = newn > INT_MAX / 2 ? (int)cpu + 1 : newn * 2;
            size_t newsize = CPU_ALLOC_SIZE(newn);
            cpu_set_t *n = CPU_ALLOC(newn);
            if (n == NULL) {
                PyErr_NoMemory();
                goto fail;
            }
            CPU_ZERO_S(newsize, n);
            if (cpus) {
                memcpy(n, cpus, setsize);
                CPU_FREE(cpus);
            }
            cpus = n;
            setsize = newsize;
            ncpus = newn;
        }
        CPU_SET_S((size_t)cpu, setsize, cpus);
    }
    if (PyErr_Occurred())
        goto fail;
    Py_DECREF(it);
    if (cpus == NULL) {
        /* an empty mask: the kernel refuses it with EINVAL, as CPython reports */
        cpu_set_t none;
        CPU_ZERO(&none);
        if (sched_setaffinity(pid, sizeof none, &none) < 0)
            return posix_error();
        Py_RETURN_NONE;
    }
    int r = sched_setaffinity(pid, setsize, cpus);
    CPU_FREE(cpus);
    if (r < 0)
        return posix_error();
    Py_RETURN_NONE;
fail:
    if (cpus)
        CPU_FREE(cpus);
    Py_DECREF(it);
    return NULL;
}

/* ------------------------------------------------------------------ nice, setpgrp, groups */

static PyObject *os_nice(PyObject *self, PyObject *args)
{
    int inc;
    if (!PyArg_ParseTuple(args, "i:nice", &inc))
        return NULL;
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno != 0)
        return posix_error();
    return PyLong_FromLong(r);
}

static PyObject *os_setpgrp(PyObject *self, PyObject *unused)
{
    if (setpgid(0, 0) < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_getgrouplist(PyObject *self, PyObject *args)
{
    const char *user;
    gid_t basegid;
    if (!PyArg_ParseTuple(args, "sO&:getgrouplist", &user, _Py_Gid_Converter, &basegid))
        return NULL;
    int n = 64;
    gid_t *groups = NULL;
    for (;;) {
        gid_t *g = PyMem_Realloc(groups, n * sizeof(gid_t));
        if (g == NULL) {
            PyMem_Free(groups);
            return PyErr_NoMemory();
        }
        groups = g;
        int got = n;
        if (getgrouplist(user, basegid, groups, &got) != -1) {
            n = got;
            break;
        }
        /* too small: glibc stores the needed count in got */
        n = got > n ? got : n * 2;
        if (n > 65536 * 16) {
            PyMem_Free(groups);
            return PyErr_NoMemory();
        }
    }
    PyObject *list = PyList_New(n);
    for (int i = 0; list && i < n; i++) {
        PyObject *o = _PyLong_FromGid(groups[i]);
        if (o == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, i, o);
    }
    PyMem_Free(groups);
    return list;
}

static PyObject *os_initgroups(PyObject *self, PyObject *args)
{
    PyObject *name;
    gid_t gid;
    if (!PyArg_ParseTuple(args, "O&O&:initgroups", PyUnicode_FSConverter, &name,
                          _Py_Gid_Converter, &gid))
        return NULL;
    int r = initgroups(PyBytes_AS_STRING(name), gid);
    Py_DECREF(name);
    if (r < 0)
        return posix_error();
    Py_RETURN_NONE;
}

static PyObject *os_setgroups(PyObject *self, PyObject *groups)
{
    if (!PySequence_Check(groups)) {
        PyErr_SetString(PyExc_TypeError, "setgroups argument must be a sequence");
        return NULL;
    }
    Py_ssize_t n = PySequence_Size(groups);
    if (n < 0)
        return NULL;
    if (n > NGROUPS_MAX) {
        PyErr_SetString(PyExc_ValueError, "too many groups");
        return NULL;
    }
    gid_t *list = PyMem_Malloc((n ? n : 1) * sizeof(gid_t));
    if (list == NULL)
        return PyErr_NoMemory();
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = PySequence_GetItem(groups, i);
        if (o == NULL)
            goto fail;
        if (!PyLong_Check(o)) {
            PyErr_SetString(PyExc_TypeError, "groups must be integers");
            Py_DECREF(o);
            goto fail;
        }
        int ok = _Py_Gid_Converter(o, &list[i]);
        Py_DECREF(o);
        if (!ok)
            goto fail;
    }
    if (setgroups((size_t)n, list) < 0) {
        PyMem_Free(list);
        return posix_error();
    }
    PyMem_Free(list);
    Py_RETURN_NONE;
fail:
    PyMem_Free(list);
    return NULL;
}

/* ------------------------------------------------------------------ posix_spawn */

/* envp from a mapping, as execve builds it; the strings live in *keep. */
static char **make_envp(PyObject *env, PyObject **keep)
{
    PyObject *items = PyMapping_Items(env);
    if (items == NULL)
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(items);
    *keep = PyList_New(0);
    char **envp = *keep ? PyMem_Malloc((n + 1) * sizeof(char *)) : NULL;
    if (*keep && envp == NULL)
        PyErr_NoMemory();
    for (Py_ssize_t i = 0; envp && i < n; i++) {
        PyObject *k = NULL, *v = NULL, *kv = NULL, *item = PyList_GET_ITEM(items, i);
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 2) {
            PyErr_SetString(PyExc_ValueError, "items must return 2-tuples");
        } else if (PyUnicode_FSConverter(PyTuple_GET_ITEM(item, 0), &k) &&
                   PyUnicode_FSConverter(PyTuple_GET_ITEM(item, 1), &v)) {
            if (PyBytes_GET_SIZE(k) == 0 || strchr(PyBytes_AS_STRING(k) + 1, '=') != NULL)
                PyErr_SetString(PyExc_ValueError, "illegal environment variable name");
            else
                kv = PyBytes_FromFormat("%s=%s", PyBytes_AS_STRING(k), PyBytes_AS_STRING(v));
        }
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (kv == NULL || PyList_Append(*keep, kv) < 0) {
            Py_XDECREF(kv);
            PyMem_Free(envp);
            envp = NULL;
            break;
        }
        envp[i] = PyBytes_AS_STRING(kv);
        Py_DECREF(kv);
    }
    if (envp)
        envp[n] = NULL;
    Py_DECREF(items);
    return envp;
}

/* Translate file_actions (a sequence of tuples) into posix_spawn_file_actions_t; paths of
 * open actions are kept alive in `keep` until the spawn. */
static int parse_file_actions(PyObject *seq, posix_spawn_file_actions_t *fa, PyObject *keep)
{
    PyObject *fast = PySequence_Fast(seq, "file_actions must be a sequence or None");
    if (fast == NULL)
        return -1;
    int err = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        PyObject *act = PySequence_Fast_GET_ITEM(fast, i);
        if (!PyTuple_Check(act) || PyTuple_GET_SIZE(act) == 0) {
            PyErr_SetString(PyExc_TypeError, "Each file_actions element must be a non-empty tuple");
            goto fail;
        }
        long tag = PyLong_AsLong(PyTuple_GET_ITEM(act, 0));
        if (tag == -1 && PyErr_Occurred())
            goto fail;
        PyObject *tagobj, *path = NULL;
        int fd, fd2, oflag, mode;
        switch (tag) {
        case 0: /* POSIX_SPAWN_OPEN */
            if (!PyArg_ParseTuple(act, "OiO&ii;A open file_action tuple must have 5 elements",
                                  &tagobj, &fd, PyUnicode_FSConverter, &path, &oflag, &mode))
                goto fail;
            if (PyList_Append(keep, path) < 0) {
                Py_DECREF(path);
                goto fail;
            }
            Py_DECREF(path);
            err = posix_spawn_file_actions_addopen(fa, fd, PyBytes_AS_STRING(path), oflag,
                                                   (mode_t)mode);
            break;
        case 1: /* POSIX_SPAWN_CLOSE */
            if (!PyArg_ParseTuple(act, "Oi;A close file_action tuple must have 2 elements",
                                  &tagobj, &fd))
                goto fail;
            err = posix_spawn_file_actions_addclose(fa, fd);
            break;
        case 2: /* POSIX_SPAWN_DUP2 */
            if (!PyArg_ParseTuple(act, "Oii;A dup2 file_action tuple must have 3 elements",
                                  &tagobj, &fd, &fd2))
                goto fail;
            err = posix_spawn_file_actions_adddup2(fa, fd, fd2);
            break;
        default:
            PyErr_SetString(PyExc_TypeError, "Unknown file_actions identifier");
            goto fail;
        }
        if (err) {
            errno = err;
            posix_error();
            goto fail;
        }
    }
    Py_DECREF(fast);
    return 0;
fail:
    Py_DECREF(fast);
    return -1;
}

/* The keyword-only options of posix_spawn into its attribute object. */
static int parse_spawn_attrs(PyObject *setpgroup, int resetids, int setsid_,
                             PyObject *setsigmask, PyObject *setsigdef, PyObject *scheduler,
                             posix_spawnattr_t *attr)
{
    short flags = 0;
    int err;
    if (setpgroup) {
        long pg = PyLong_AsLong(setpgroup);
        if (pg == -1 && PyErr_Occurred())
            return -1;
        if ((err = posix_spawnattr_setpgroup(attr, (pid_t)pg)) != 0)
            goto oserror;
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    if (resetids)
        flags |= POSIX_SPAWN_RESETIDS;
    if (setsid_)
        flags |= POSIX_SPAWN_SETSID;
    if (setsigmask) {
        sigset_t set;
        if (!_Py_Sigset_Converter(setsigmask, &set))
            return -1;
        if ((err = posix_spawnattr_setsigmask(attr, &set)) != 0)
            goto oserror;
        flags |= POSIX_SPAWN_SETSIGMASK;
    }
    if (setsigdef) {
        sigset_t set;
        if (!_Py_Sigset_Converter(setsigdef, &set))
            return -1;
        if ((err = posix_spawnattr_setsigdefault(attr, &set)) != 0)
            goto oserror;
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (scheduler) {
        PyObject *policy_obj, *param_obj;
        int policy;
        struct sched_param param;
        if (!PyArg_ParseTuple(scheduler, "OO;A scheduler tuple must have two elements",
                              &policy_obj, &param_obj) ||
            !convert_sched_param(param_obj, &param))
            return -1;
        if (policy_obj != Py_None) {
            policy = _PyLong_AsInt(policy_obj);
            if (policy == -1 && PyErr_Occurred())
                return -1;
            if ((err = posix_spawnattr_setschedpolicy(attr, policy)) != 0)
                goto oserror;
            flags |= POSIX_SPAWN_SETSCHEDULER;
        }
        if ((err = posix_spawnattr_setschedparam(attr, &param)) != 0)
            goto oserror;
        flags |= POSIX_SPAWN_SETSCHEDPARAM;
    }
    if ((err = posix_spawnattr_setflags(attr, flags)) != 0)
        goto oserror;
    return 0;
oserror:
    errno = err;
    posix_error();
    return -1;
}

static PyObject *spawn_common(PyObject *args, PyObject *kw, int use_path)
{
    static char *kwlist[] = {"", "", "", "file_actions", "setpgroup", "resetids", "setsid",
                             "setsigmask", "setsigdef", "scheduler", NULL};
    const char *fname = use_path ? "posix_spawnp" : "posix_spawn";
    path_t path = PATH_T_INIT(fname, "path", 0, 0);
    PyObject *argv_obj, *env, *file_actions = NULL, *setpgroup = NULL, *setsigmask = NULL;
    PyObject *setsigdef = NULL, *scheduler = NULL, *keep = NULL, *envkeep = NULL;
    PyObject *fakeep = NULL, *res = NULL;
    int resetids = 0, setsid_ = 0;
    char fmt[64];
    /* resetids/setsid are ints (CPython's bool(accept={int})): None is a TypeError */
    snprintf(fmt, sizeof fmt, "O&OO|$OOiiOOO:%s", fname);
    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, kwlist, _PyPosix_PathConverter, &path,
                                     &argv_obj, &env, &file_actions, &setpgroup, &resetids,
                                     &setsid_, &setsigmask, &setsigdef, &scheduler)) {
        _PyPosix_PathCleanup(&path);
        return NULL;
    }
    char **argv = NULL, **envp = NULL;
    posix_spawn_file_actions_t fa, *fap = NULL;
    posix_spawnattr_t attr;
    int have_attr = 0;
    /* argv checks first, then env, as CPython orders its errors */
    if (!PyList_Check(argv_obj) && !PyTuple_Check(argv_obj)) {
        PyErr_Format(PyExc_TypeError, "%s: argv must be a tuple or list", fname);
        goto done;
    }
    if (PySequence_Size(argv_obj) < 1) {
        PyErr_Format(PyExc_ValueError, "%s: argv must not be empty", fname);
        goto done;
    }
    if (!PyMapping_Check(env)) {
        PyErr_Format(PyExc_TypeError, "%s: environment must be a mapping object", fname);
        goto done;
    }
    argv = _PyPosix_MakeArgv(argv_obj, &keep, fname);
    if (argv == NULL)
        goto done;
    envp = make_envp(env, &envkeep);
    if (envp == NULL)
        goto done;
    if (file_actions != NULL && file_actions != Py_None) {
        fakeep = PyList_New(0);
        if (fakeep == NULL)
            goto done;
        posix_spawn_file_actions_init(&fa);
        fap = &fa;
        if (parse_file_actions(file_actions, fap, fakeep) < 0)
            goto done;
    }
    posix_spawnattr_init(&attr);
    have_attr = 1;
    if (parse_spawn_attrs(setpgroup, resetids, setsid_, setsigmask, setsigdef, scheduler,
                          &attr) < 0)
        goto done;
    pid_t pid;
    int err;
    Py_BEGIN_ALLOW_THREADS
    err = use_path ? posix_spawnp(&pid, path.narrow, fap, &attr, argv, envp)
                   : posix_spawn(&pid, path.narrow, fap, &attr, argv, envp);
    Py_END_ALLOW_THREADS
    if (err) {
        errno = err;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path.object);
        goto done;
    }
    res = PyLong_FromLong(pid);
done:
    if (have_attr)
        posix_spawnattr_destroy(&attr);
    if (fap)
        posix_spawn_file_actions_destroy(fap);
    PyMem_Free(argv);
    PyMem_Free(envp);
    Py_XDECREF(keep);
    Py_XDECREF(envkeep);
    Py_XDECREF(fakeep);
    _PyPosix_PathCleanup(&path);
    return res;
}

static PyObject *os_posix_spawn(PyObject *self, PyObject *args, PyObject *kw)
{
    return spawn_common(args, kw, 0);
}

static PyObject *os_posix_spawnp(PyObject *self, PyObject *args, PyObject *kw)
{
    return spawn_common(args, kw, 1);
}

/* ------------------------------------------------------------------ registration */

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS
static PyMethodDef process_methods[] = {
    {"waitid", os_waitid, METH_VARARGS,
     "waitid($module, idtype, id, options, /)\n--\n\n"
     "Returns the result of waiting for a process or processes.\n\n"
     "  idtype\n    Must be one of be P_PID, P_PGID or P_ALL.\n"
     "  id\n    The id to wait on.\n"
     "  options\n    Constructed from the ORing of one or more of WEXITED, WSTOPPED\n"
     "    or WCONTINUED and additionally may be ORed with WNOHANG or WNOWAIT.\n\n"
     "Returns either waitid_result or None if WNOHANG is specified and there are\n"
     "no children in a waitable state."},
    {"wait3", KW(os_wait3),
     "wait3($module, /, options)\n--\n\nWait for completion of a child process.\n\n"
     "Returns a tuple of information about the child process:\n"
     "  (pid, status, rusage)"},
    {"wait4", KW(os_wait4),
     "wait4($module, /, pid, options)\n--\n\nWait for completion of a specific child process.\n\n"
     "Returns a tuple of information about the child process:\n"
     "  (pid, status, rusage)"},
    {"pidfd_open", KW(os_pidfd_open),
     "pidfd_open($module, /, pid, flags=0)\n--\n\n"
     "Return a file descriptor referring to the process *pid*.\n\n"
     "The descriptor can be used to perform process management without races and\n"
     "signal."},
    {"posix_spawn", KW(os_posix_spawn),
     "posix_spawn($module, path, argv, env, /, *, file_actions=(),\n"
     "            setpgroup=<unrepresentable>, resetids=False, setsid=False,\n"
     "            setsigmask=(), setsigdef=(), scheduler=<unrepresentable>)\n--\n\n"
     "Execute the program specified by path in a new process."},
    {"posix_spawnp", KW(os_posix_spawnp),
     "posix_spawnp($module, path, argv, env, /, *, file_actions=(),\n"
     "             setpgroup=<unrepresentable>, resetids=False, setsid=False,\n"
     "             setsigmask=(), setsigdef=(), scheduler=<unrepresentable>)\n--\n\n"
     "Execute the program specified by path in a new process."},
    {"sched_get_priority_max", KW(os_sched_get_priority_max),
     "sched_get_priority_max($module, /, policy)\n--\n\n"
     "Get the maximum scheduling priority for policy."},
    {"sched_get_priority_min", KW(os_sched_get_priority_min),
     "sched_get_priority_min($module, /, policy)\n--\n\n"
     "Get the minimum scheduling priority for policy."},
    {"sched_getscheduler", os_sched_getscheduler, METH_VARARGS,
     "sched_getscheduler($module, pid, /)\n--\n\n"
     "Get the scheduling policy for the process identified by pid.\n\n"
     "Passing 0 for pid returns the scheduling policy for the calling process."},
    {"sched_setscheduler", os_sched_setscheduler, METH_VARARGS,
     "sched_setscheduler($module, pid, policy, param, /)\n--\n\n"
     "Set the scheduling policy for the process identified by pid.\n\n"
     "If pid is 0, the calling process is changed.\n"
     "param is an instance of sched_param."},
    {"sched_getparam", os_sched_getparam, METH_VARARGS,
     "sched_getparam($module, pid, /)\n--\n\n"
     "Returns scheduling parameters for the process identified by pid.\n\n"
     "If pid is 0, returns parameters for the calling process.\n"
     "Return value is an instance of sched_param."},
    {"sched_setparam", os_sched_setparam, METH_VARARGS,
     "sched_setparam($module, pid, param, /)\n--\n\n"
     "Set scheduling parameters for the process identified by pid.\n\n"
     "If pid is 0, sets parameters for the calling process.\n"
     "param should be an instance of sched_param."},
    {"sched_rr_get_interval", os_sched_rr_get_interval, METH_VARARGS,
     "sched_rr_get_interval($module, pid, /)\n--\n\n"
     "Return the round-robin quantum for the process identified by pid, in seconds.\n\n"
     "Value returned is a float."},
    {"sched_setaffinity", os_sched_setaffinity, METH_VARARGS,
     "sched_setaffinity($module, pid, mask, /)\n--\n\n"
     "Set the CPU affinity of the process identified by pid to mask.\n\n"
     "mask should be an iterable of integers identifying CPUs."},
    {"nice", os_nice, METH_VARARGS,
     "nice($module, increment, /)\n--\n\nAdd increment to the priority of process and return the new priority."},
    {"setpgrp", os_setpgrp, METH_NOARGS,
     "setpgrp($module, /)\n--\n\nMake the current process the leader of its process group."},
    {"getgrouplist", os_getgrouplist, METH_VARARGS,
     "getgrouplist($module, user, group, /)\n--\n\n"
     "Returns a list of groups to which a user belongs.\n\n"
     "  user\n    username to lookup\n  group\n    base group id of the user"},
    {"initgroups", os_initgroups, METH_VARARGS,
     "initgroups($module, username, gid, /)\n--\n\n"
     "Initialize the group access list.\n\n"
     "Call the system initgroups() to initialize the group access list with all of\n"
     "the groups of which the specified username is a member, plus the specified\n"
     "group id."},
    {"setgroups", os_setgroups, METH_O,
     "setgroups($module, groups, /)\n--\n\nSet the groups of the current process to list."},
    {NULL, NULL, 0, NULL},
};

int _PyPosix_AddProcess(PyObject *m)
{
    static int types_ready;
    if (!types_ready) {
        if (PyStructSequence_InitType2(&WaitidResultType, &waitid_result_desc) < 0 ||
            PyStructSequence_InitType2(&SchedParamType, &sched_param_desc) < 0)
            return -1;
        SchedParamType.tp_new = sched_param_new;
        types_ready = 1;
    }
    if (PyModule_AddFunctions(m, process_methods) < 0 ||
        PyModule_AddObjectRef(m, "waitid_result", (PyObject *)&WaitidResultType) < 0 ||
        PyModule_AddObjectRef(m, "sched_param", (PyObject *)&SchedParamType) < 0)
        return -1;
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) return -1;
    C(CLD_EXITED) C(CLD_KILLED) C(CLD_DUMPED) C(CLD_TRAPPED) C(CLD_STOPPED) C(CLD_CONTINUED)
    C(P_PIDFD) C(SCHED_RESET_ON_FORK)
#undef C
    if (PyModule_AddIntConstant(m, "POSIX_SPAWN_OPEN", 0) < 0 ||
        PyModule_AddIntConstant(m, "POSIX_SPAWN_CLOSE", 1) < 0 ||
        PyModule_AddIntConstant(m, "POSIX_SPAWN_DUP2", 2) < 0)
        return -1;
    return 0;
}
