/* resource.c — the `resource` module: process resource usage and limits (getrusage as
 * resource.struct_rusage, getrlimit/setrlimit/prlimit, getpagesize) and the RLIMIT_*,
 * RUSAGE_* and RLIM_INFINITY constants, as CPython 3.11's Modules/resource.c.
 * resource.error is OSError.  Owner: posixextra. */
#include "Python.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

static PyStructSequence_Field struct_rusage_fields[] = {
    {"ru_utime", "user time used"},
    {"ru_stime", "system time used"},
    {"ru_maxrss", "max. resident set size"},
    {"ru_ixrss", "shared memory size"},
    {"ru_idrss", "unshared data size"},
    {"ru_isrss", "unshared stack size"},
    {"ru_minflt", "page faults not requiring I/O"},
    {"ru_majflt", "page faults requiring I/O"},
    {"ru_nswap", "number of swap outs"},
    {"ru_inblock", "block input operations"},
    {"ru_oublock", "block output operations"},
    {"ru_msgsnd", "IPC messages sent"},
    {"ru_msgrcv", "IPC messages received"},
    {"ru_nsignals", "signals received"},
    {"ru_nvcsw", "voluntary context switches"},
    {"ru_nivcsw", "involuntary context switches"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_rusage_desc = {
    "resource.struct_rusage",
    "struct_rusage: Result from getrusage.\n\n"
    "This object may be accessed either as a tuple of\n"
    "    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,\n"
    "    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)\n"
    "or via the attributes ru_utime, ru_stime, ru_maxrss, and so on.",
    struct_rusage_fields,
    16,
};

static PyTypeObject *StructRUsageType;

static double timeval_seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec * 0.000001;
}

static PyObject *resource_getrusage(PyObject *module, PyObject *arg)
{
    int who = _PyLong_AsInt(arg);
    if (who == -1 && PyErr_Occurred())
        return NULL;
    struct rusage ru;
    if (getrusage(who, &ru) == -1) {
        if (errno == EINVAL) {
            PyErr_SetString(PyExc_ValueError, "invalid who parameter");
            return NULL;
        }
        return PyErr_SetFromErrno(PyExc_OSError);
    }
    PyObject *result = PyStructSequence_New(StructRUsageType);
    if (result == NULL)
        return NULL;
    const long counts[14] = {
        ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss, ru.ru_minflt, ru.ru_majflt,
        ru.ru_nswap, ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv,
        ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw,
    };
    PyStructSequence_SetItem(result, 0, PyFloat_FromDouble(timeval_seconds(ru.ru_utime)));
    PyStructSequence_SetItem(result, 1, PyFloat_FromDouble(timeval_seconds(ru.ru_stime)));
    for (int i = 0; i < 14; i++)
        PyStructSequence_SetItem(result, i + 2, PyLong_FromLong(counts[i]));
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

/* A (soft, hard) sequence of ints as a struct rlimit; RLIM_INFINITY is -1 on the
 * Python side, which the cast turns back into all bits set. */
static int py2rlimit(PyObject *limits, struct rlimit *rl)
{
    PyObject *tuple = PySequence_Tuple(limits);
    if (tuple == NULL)
        return -1;
    if (PyTuple_GET_SIZE(tuple) != 2) {
        PyErr_SetString(PyExc_ValueError, "expected a tuple of 2 integers");
        goto error;
    }
    long cur = PyLong_AsLong(PyTuple_GET_ITEM(tuple, 0));
    if (cur == -1 && PyErr_Occurred())
        goto error;
    long max = PyLong_AsLong(PyTuple_GET_ITEM(tuple, 1));
    if (max == -1 && PyErr_Occurred())
        goto error;
    rl->rlim_cur = (rlim_t)cur;
    rl->rlim_max = (rlim_t)max;
    Py_DECREF(tuple);
    return 0;
error:
    Py_DECREF(tuple);
    return -1;
}

static PyObject *rlimit2py(struct rlimit rl)
{
    return Py_BuildValue("LL", (long long)rl.rlim_cur, (long long)rl.rlim_max);
}

static int check_resource(int resource)
{
    if (resource < 0 || resource >= RLIM_NLIMITS) {
        PyErr_SetString(PyExc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

static PyObject *resource_getrlimit(PyObject *module, PyObject *arg)
{
    int resource = _PyLong_AsInt(arg);
    if (resource == -1 && PyErr_Occurred())
        return NULL;
    if (check_resource(resource) < 0)
        return NULL;
    struct rlimit rl;
    if (getrlimit(resource, &rl) == -1)
        return PyErr_SetFromErrno(PyExc_OSError);
    return rlimit2py(rl);
}

static PyObject *resource_setrlimit(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setrlimit", nargs, 2, 2))
        return NULL;
    int resource = _PyLong_AsInt(args[0]);
    if (resource == -1 && PyErr_Occurred())
        return NULL;
    if (check_resource(resource) < 0)
        return NULL;
    if (PySys_Audit("resource.setrlimit", "iO", resource, args[1]) < 0)
        return NULL;
    struct rlimit rl;
    if (py2rlimit(args[1], &rl) < 0)
        return NULL;
    if (setrlimit(resource, &rl) == -1) {
        if (errno == EINVAL)
            PyErr_SetString(PyExc_ValueError, "current limit exceeds maximum limit");
        else if (errno == EPERM)
            PyErr_SetString(PyExc_ValueError, "not allowed to raise maximum limit");
        else
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    Py_RETURN_NONE;
}

/* prlimit(pid, resource, [limits]): an optional group, hence CPython's "requires 2 to 3
 * arguments" and no keyword support. */
static PyObject *resource_prlimit(PyObject *module, PyObject *args)
{
    int pid, resource;
    PyObject *limits = NULL;
    switch (PyTuple_GET_SIZE(args)) {
    case 2:
        if (!PyArg_ParseTuple(args, "ii:prlimit", &pid, &resource))
            return NULL;
        break;
    case 3:
        if (!PyArg_ParseTuple(args, "iiO:prlimit", &pid, &resource, &limits))
            return NULL;
        break;
    default:
        PyErr_SetString(PyExc_TypeError, "resource.prlimit requires 2 to 3 arguments");
        return NULL;
    }
    if (check_resource(resource) < 0)
        return NULL;
    if (PySys_Audit("resource.prlimit", "iiO", pid, resource, limits ? limits : Py_None) < 0)
        return NULL;
    struct rlimit old_limit, new_limit;
    int rc;
    if (limits != NULL) {
        if (py2rlimit(limits, &new_limit) < 0)
            return NULL;
        rc = prlimit((pid_t)pid, resource, &new_limit, &old_limit);
    }
    else {
        rc = prlimit((pid_t)pid, resource, NULL, &old_limit);
    }
    if (rc == -1) {
        if (errno == EINVAL)
            PyErr_SetString(PyExc_ValueError, "current limit exceeds maximum limit");
        else
            PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return rlimit2py(old_limit);
}

static PyObject *resource_getpagesize(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(sysconf(_SC_PAGESIZE));
}

static PyMethodDef resource_methods[] = {
    {"getrusage", resource_getrusage, METH_O, "getrusage($module, who, /)\n--\n\n"},
    {"getrlimit", resource_getrlimit, METH_O, "getrlimit($module, resource, /)\n--\n\n"},
    {"setrlimit", (PyCFunction)(void (*)(void))resource_setrlimit, METH_FASTCALL,
     "setrlimit($module, resource, limits, /)\n--\n\n"},
    {"prlimit", resource_prlimit, METH_VARARGS, "prlimit(pid, resource, [limits])"},
    {"getpagesize", resource_getpagesize, METH_NOARGS, "getpagesize($module, /)\n--\n\n"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef resourcemodule = {
    PyModuleDef_HEAD_INIT, "resource", NULL, -1, resource_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_resource(void)
{
    PyObject *m = PyModule_Create(&resourcemodule);
    if (m == NULL)
        return NULL;
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0)
        goto error;
    if (StructRUsageType == NULL) {
        StructRUsageType = PyStructSequence_NewType(&struct_rusage_desc);
        if (StructRUsageType == NULL)
            goto error;
    }
    if (PyModule_AddObjectRef(m, "struct_rusage", (PyObject *)StructRUsageType) < 0)
        goto error;
    static const struct { const char *name; long value; } consts[] = {
        {"RLIMIT_CPU", RLIMIT_CPU}, {"RLIMIT_FSIZE", RLIMIT_FSIZE},
        {"RLIMIT_DATA", RLIMIT_DATA}, {"RLIMIT_STACK", RLIMIT_STACK},
        {"RLIMIT_CORE", RLIMIT_CORE}, {"RLIMIT_NOFILE", RLIMIT_NOFILE},
        {"RLIMIT_OFILE", RLIMIT_OFILE}, {"RLIMIT_AS", RLIMIT_AS},
        {"RLIMIT_RSS", RLIMIT_RSS}, {"RLIMIT_NPROC", RLIMIT_NPROC},
        {"RLIMIT_MEMLOCK", RLIMIT_MEMLOCK}, {"RLIMIT_MSGQUEUE", RLIMIT_MSGQUEUE},
        {"RLIMIT_NICE", RLIMIT_NICE}, {"RLIMIT_RTPRIO", RLIMIT_RTPRIO},
        {"RLIMIT_RTTIME", RLIMIT_RTTIME}, {"RLIMIT_SIGPENDING", RLIMIT_SIGPENDING},
        {"RUSAGE_SELF", RUSAGE_SELF}, {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
        {"RUSAGE_THREAD", RUSAGE_THREAD},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0)
            goto error;
    }
    /* rlim_t is unsigned: RLIM_INFINITY (all bits set) reads as -1, as in CPython. */
    PyObject *inf = PyLong_FromLongLong((long long)RLIM_INFINITY);
    if (inf == NULL || PyModule_AddObject(m, "RLIM_INFINITY", inf) < 0) {
        Py_XDECREF(inf);
        goto error;
    }
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
