/* syslogmodule.c — the `syslog` module: openlog/syslog/closelog/setlogmask over the C
 * library's syslog(3), LOG_MASK/LOG_UPTO and the LOG_* priority, option and facility
 * constants, as CPython 3.11's Modules/syslogmodule.c.  Owner: posixextra. */
#include "Python.h"

#include <syslog.h>

/* openlog(3) keeps the ident pointer, so the str it came from must stay alive. */
static PyObject *S_ident_o;
static int S_log_open;

/* The basename of sys.argv[0], or NULL (no exception) when there is none: openlog's
 * ident is optional, so failures here are swallowed. */
static PyObject *ident_from_argv(void)
{
    PyObject *argv = PySys_GetObject("argv");
    if (argv == NULL || !PyList_Check(argv) || PyList_GET_SIZE(argv) == 0)
        return NULL;
    PyObject *script = PyList_GET_ITEM(argv, 0);
    if (!PyUnicode_Check(script))
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(script);
    if (len == 0)
        return NULL;
    Py_ssize_t slash = PyUnicode_FindChar(script, '/', 0, len, -1);
    if (slash == -2) {
        PyErr_Clear();
        return NULL;
    }
    if (slash != -1)
        return PyUnicode_Substring(script, slash + 1, len);
    Py_INCREF(script);
    return script;
}

static PyObject *syslog_openlog(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"ident", "logoption", "facility", NULL};
    long logopt = 0, facility = LOG_USER;
    PyObject *ident_o = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Ull:openlog", keywords, &ident_o,
                                     &logopt, &facility))
        return NULL;
    if (ident_o != NULL)
        Py_INCREF(ident_o);
    else
        ident_o = ident_from_argv();
    Py_XSETREF(S_ident_o, ident_o);
    const char *ident = NULL;
    if (S_ident_o != NULL) {
        ident = PyUnicode_AsUTF8(S_ident_o);
        if (ident == NULL)
            return NULL;
    }
    if (PySys_Audit("syslog.openlog", "Oll", ident ? S_ident_o : Py_None, logopt,
                    facility) < 0)
        return NULL;
    openlog(ident, (int)logopt, (int)facility);
    S_log_open = 1;
    Py_RETURN_NONE;
}

/* syslog([priority,] message): priority defaults to LOG_INFO. */
static PyObject *syslog_syslog(PyObject *module, PyObject *args)
{
    PyObject *message_o;
    int priority = LOG_INFO;
    if (!PyArg_ParseTuple(args, "iU;[priority,] message string", &priority, &message_o)) {
        PyErr_Clear();
        if (!PyArg_ParseTuple(args, "U;[priority,] message string", &message_o))
            return NULL;
    }
    const char *message = PyUnicode_AsUTF8(message_o);
    if (message == NULL)
        return NULL;
    if (PySys_Audit("syslog.syslog", "is", priority, message) < 0)
        return NULL;
    if (!S_log_open) {
        PyObject *noargs = PyTuple_New(0);
        if (noargs == NULL)
            return NULL;
        PyObject *r = syslog_openlog(module, noargs, NULL);
        Py_DECREF(noargs);
        if (r == NULL)
            return NULL;
        Py_DECREF(r);
    }
    /* Hold the ident: another thread may call openlog() while the GIL is released. */
    PyObject *ident = S_ident_o;
    Py_XINCREF(ident);
    Py_BEGIN_ALLOW_THREADS
    syslog(priority, "%s", message);
    Py_END_ALLOW_THREADS
    Py_XDECREF(ident);
    Py_RETURN_NONE;
}

static PyObject *syslog_closelog(PyObject *module, PyObject *unused)
{
    if (PySys_Audit("syslog.closelog", NULL) < 0)
        return NULL;
    if (S_log_open) {
        closelog();
        Py_CLEAR(S_ident_o);
        S_log_open = 0;
    }
    Py_RETURN_NONE;
}

static PyObject *syslog_setlogmask(PyObject *module, PyObject *args)
{
    long maskpri;
    if (!PyArg_ParseTuple(args, "l;mask for priority", &maskpri))
        return NULL;
    if (PySys_Audit("syslog.setlogmask", "l", maskpri) < 0)
        return NULL;
    return PyLong_FromLong(setlogmask((int)maskpri));
}

static PyObject *syslog_log_mask(PyObject *module, PyObject *args)
{
    long pri;
    if (!PyArg_ParseTuple(args, "l:LOG_MASK", &pri))
        return NULL;
    return PyLong_FromLong(LOG_MASK(pri));
}

static PyObject *syslog_log_upto(PyObject *module, PyObject *args)
{
    long pri;
    if (!PyArg_ParseTuple(args, "l:LOG_UPTO", &pri))
        return NULL;
    return PyLong_FromLong(LOG_UPTO(pri));
}

static PyMethodDef syslog_methods[] = {
    {"openlog", (PyCFunction)(void (*)(void))syslog_openlog, METH_VARARGS | METH_KEYWORDS,
     NULL},
    {"closelog", syslog_closelog, METH_NOARGS, NULL},
    {"syslog", syslog_syslog, METH_VARARGS, NULL},
    {"setlogmask", syslog_setlogmask, METH_VARARGS, NULL},
    {"LOG_MASK", syslog_log_mask, METH_VARARGS, NULL},
    {"LOG_UPTO", syslog_log_upto, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef syslogmodule = {
    PyModuleDef_HEAD_INIT, "syslog", NULL, -1, syslog_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_syslog(void)
{
    PyObject *m = PyModule_Create(&syslogmodule);
    if (m == NULL)
        return NULL;
#define C(name) {#name, name}
    static const struct { const char *name; long value; } consts[] = {
        C(LOG_EMERG), C(LOG_ALERT), C(LOG_CRIT), C(LOG_ERR), C(LOG_WARNING), C(LOG_NOTICE),
        C(LOG_INFO), C(LOG_DEBUG),
        C(LOG_PID), C(LOG_CONS), C(LOG_NDELAY), C(LOG_ODELAY), C(LOG_NOWAIT), C(LOG_PERROR),
        C(LOG_KERN), C(LOG_USER), C(LOG_MAIL), C(LOG_DAEMON), C(LOG_AUTH), C(LOG_LPR),
        C(LOG_LOCAL0), C(LOG_LOCAL1), C(LOG_LOCAL2), C(LOG_LOCAL3), C(LOG_LOCAL4),
        C(LOG_LOCAL5), C(LOG_LOCAL6), C(LOG_LOCAL7),
        C(LOG_SYSLOG), C(LOG_CRON), C(LOG_UUCP), C(LOG_NEWS), C(LOG_AUTHPRIV),
    };
#undef C
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
