/* faulthandler.c — the `faulthandler` module: on a fatal signal (SIGSEGV, SIGFPE, SIGABRT,
 * SIGBUS, SIGILL) print "Fatal Python error: <what>" and the Python traceback of every
 * thread, then let the signal kill the process; dump tracebacks on demand, after a
 * timeout (watchdog thread) or on a user signal (register).  Also the async-signal-safe
 * _Py_DumpTraceback* writers (include/faulthandler.h).  Owner: threads. */
#include "Python.h"
#include "pytime.h"
#include "frameobject.h"
#include "faulthandler.h"
#include "pythread.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#ifndef NSIG
#define NSIG 65
#endif

#define MAX_STRING_LENGTH 500
#define MAX_FRAME_DEPTH 100
#define MAX_NTHREADS 100

/* ------------------------------------------------------------ dump writers
 * Only write(2) and plain reads of interpreter structures: callable from a signal
 * handler or from a thread that does not hold the GIL. */

static void puts_fd(int fd, const char *s)
{
    (void)_Py_write_noraise(fd, s, strlen(s));
}

void _Py_DumpDecimal(int fd, size_t value)
{
    char buf[3 * sizeof(size_t) + 1];
    char *p = buf + sizeof buf;
    do {
        *--p = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    (void)_Py_write_noraise(fd, p, (size_t)(buf + sizeof buf - p));
}

/* At least `width` lowercase hex digits (zero-padded), as CPython. */
void _Py_DumpHexadecimal(int fd, uintptr_t value, Py_ssize_t width)
{
    char buf[2 * sizeof(uintptr_t) + 1];
    char *p = buf + sizeof buf;
    Py_ssize_t n = 0;
    do {
        *--p = "0123456789abcdef"[value & 0xf];
        value >>= 4;
        n++;
    } while ((value || n < width) && p > buf);
    (void)_Py_write_noraise(fd, p, (size_t)(buf + sizeof buf - p));
}

/* Printable ASCII as is, everything else as \xNN, \uNNNN or \UNNNNNNNN; cut at 500. */
void _Py_DumpASCII(int fd, PyObject *text)
{
    Py_ssize_t size = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    int truncated = size > MAX_STRING_LENGTH;
    if (truncated)
        size = MAX_STRING_LENGTH;
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, data, i);
        if (' ' <= ch && ch <= 126) {
            char c = (char)ch;
            (void)_Py_write_noraise(fd, &c, 1);
        } else if (ch <= 0xff) {
            puts_fd(fd, "\\x");
            _Py_DumpHexadecimal(fd, ch, 2);
        } else if (ch <= 0xffff) {
            puts_fd(fd, "\\u");
            _Py_DumpHexadecimal(fd, ch, 4);
        } else {
            puts_fd(fd, "\\U");
            _Py_DumpHexadecimal(fd, ch, 8);
        }
    }
    if (truncated)
        puts_fd(fd, "...");
}

static void dump_name(int fd, PyObject *s)
{
    if (s != NULL && PyUnicode_Check(s))
        _Py_DumpASCII(fd, s);
    else
        puts_fd(fd, "???");
}

static void dump_frame(int fd, PyFrameObject *frame)
{
    PyCodeObject *code = frame->f_code;
    puts_fd(fd, "  File ");
    if (code->co_filename != NULL && PyUnicode_Check(code->co_filename)) {
        puts_fd(fd, "\"");
        _Py_DumpASCII(fd, code->co_filename);
        puts_fd(fd, "\"");
    } else {
        puts_fd(fd, "???");
    }
    int lineno = PyFrame_GetLineNumber(frame);
    puts_fd(fd, ", line ");
    if (lineno >= 0)
        _Py_DumpDecimal(fd, (size_t)lineno);
    else
        puts_fd(fd, "???");
    puts_fd(fd, " in ");
    dump_name(fd, code->co_name);
    puts_fd(fd, "\n");
}

static void dump_traceback(int fd, PyThreadState *tstate, int write_header)
{
    if (write_header)
        puts_fd(fd, "Stack (most recent call first):\n");
    PyFrameObject *frame = tstate->frame;
    if (frame == NULL) {
        puts_fd(fd, "  <no Python frame>\n");
        return;
    }
    for (int depth = 0; frame != NULL; depth++, frame = frame->f_back) {
        if (depth >= MAX_FRAME_DEPTH) {
            puts_fd(fd, "  ...\n");
            break;
        }
        if (frame->f_code == NULL || !PyCode_Check(frame->f_code))
            break;
        dump_frame(fd, frame);
    }
}

void _Py_DumpTraceback(int fd, PyThreadState *tstate)
{
    dump_traceback(fd, tstate, 1);
}

static void write_thread_id(int fd, PyThreadState *tstate, int is_current)
{
    puts_fd(fd, is_current ? "Current thread 0x" : "Thread 0x");
    _Py_DumpHexadecimal(fd, tstate->thread_id, sizeof(unsigned long) * 2);
    puts_fd(fd, " (most recent call first):\n");
}

const char *_Py_DumpTracebackThreads(int fd, PyInterpreterState *interp,
                                     PyThreadState *current_tstate)
{
    /* Fatal signals are delivered to the faulting thread, which may not hold the GIL:
     * its own state comes from thread-local storage, not from the GIL holder. */
    if (current_tstate == NULL)
        current_tstate = PyGILState_GetThisThreadState();
    if (interp == NULL)
        interp = current_tstate != NULL ? current_tstate->interp : PyInterpreterState_Main();
    if (interp == NULL)
        return "unable to get the interpreter state";
    PyThreadState *tstate = PyInterpreterState_ThreadHead(interp);
    if (tstate == NULL)
        return "unable to get the thread head state";
    for (int n = 0; tstate != NULL; n++, tstate = PyThreadState_Next(tstate)) {
        if (n != 0)
            puts_fd(fd, "\n");
        if (n >= MAX_NTHREADS) {
            puts_fd(fd, "...\n");
            break;
        }
        write_thread_id(fd, tstate, tstate == current_tstate);
        dump_traceback(fd, tstate, 0);
    }
    return NULL;
}

/* ------------------------------------------------------------ state */

typedef struct {
    int signum;
    int enabled;
    const char *name;
    struct sigaction previous;
} fault_handler_t;

/* CPython's order and wording. */
static fault_handler_t fault_handlers[] = {
    {SIGBUS, 0, "Bus error"},
    {SIGILL, 0, "Illegal instruction"},
    {SIGFPE, 0, "Floating point exception"},
    {SIGABRT, 0, "Aborted"},
    {SIGSEGV, 0, "Segmentation fault"},
};
#define N_FAULT_HANDLERS ((int)(sizeof fault_handlers / sizeof fault_handlers[0]))

static struct {
    int enabled;
    PyObject *file;          /* kept alive so that fd stays open */
    int fd;
    int all_threads;
    PyInterpreterState *interp;
} fatal_error = {0, NULL, -1, 1, NULL};

typedef struct {
    int enabled;
    PyObject *file;
    int fd;
    int all_threads;
    int chain;
    struct sigaction previous;
    PyInterpreterState *interp;
} user_signal_t;

static user_signal_t *user_signals;   /* NSIG entries, allocated by the first register() */

/* The dump_traceback_later watchdog.  cancel_event is held by the main side while the
 * watchdog runs; releasing it cancels.  running is held by the watchdog while it lives. */
static struct {
    PyObject *file;
    int fd;
    PY_TIMEOUT_T timeout_us;
    int repeat;
    int exit;
    PyInterpreterState *interp;
    char *header;
    size_t header_len;
    PyThread_type_lock cancel_event;
    PyThread_type_lock running;
} watchdog;

static stack_t alt_stack, old_alt_stack;

/* ------------------------------------------------------------ helpers */

/* file (None/NULL: sys.stderr, or an int fd) to a file descriptor; the file is flushed
 * and *file_ptr set to the object to keep alive (NULL for a bare fd). */
static int get_fileno(PyObject **file_ptr)
{
    PyObject *file = *file_ptr;
    if (file == NULL || file == Py_None) {
        file = PySys_GetObject("stderr");
        if (file == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "unable to get sys.stderr");
            return -1;
        }
        if (file == Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "sys.stderr is None");
            return -1;
        }
    } else if (PyLong_Check(file)) {
        int fd = _PyLong_AsInt(file);
        if (fd == -1 && PyErr_Occurred())
            return -1;
        if (fd < 0) {
            PyErr_SetString(PyExc_ValueError, "file is not a valid file descripter");
            return -1;
        }
        *file_ptr = NULL;
        return fd;
    }
    PyObject *result = PyObject_CallMethod(file, "fileno", NULL);
    if (result == NULL)
        return -1;
    long fd = -1;
    if (PyLong_Check(result)) {
        fd = PyLong_AsLong(result);
        if (fd == -1 && PyErr_Occurred())
            PyErr_Clear();
    }
    Py_DECREF(result);
    if (fd < 0 || fd > INT_MAX) {
        PyErr_SetString(PyExc_RuntimeError, "file.fileno() is not a valid file descriptor");
        return -1;
    }
    result = PyObject_CallMethod(file, "flush", NULL);
    if (result != NULL)
        Py_DECREF(result);
    else
        PyErr_Clear();   /* a failing flush() does not prevent the dump */
    *file_ptr = file;
    return (int)fd;
}

/* Signal handlers run on an alternate stack, so a stack overflow can be reported. */
static int allocate_alt_stack(void)
{
    if (alt_stack.ss_sp != NULL)
        return 0;
    alt_stack.ss_size = SIGSTKSZ * 2;
    alt_stack.ss_flags = 0;
    alt_stack.ss_sp = PyMem_Malloc(alt_stack.ss_size);
    if (alt_stack.ss_sp == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (sigaltstack(&alt_stack, &old_alt_stack) != 0) {
        PyMem_Free(alt_stack.ss_sp);
        alt_stack.ss_sp = NULL;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

static void free_alt_stack(void)
{
    if (alt_stack.ss_sp == NULL)
        return;
    stack_t current;
    /* put the previous stack back only if ours is still the installed one */
    if (sigaltstack(NULL, &current) == 0 && current.ss_sp == alt_stack.ss_sp) {
        if (old_alt_stack.ss_sp == NULL)
            old_alt_stack.ss_flags = SS_DISABLE;
        (void)sigaltstack(&old_alt_stack, NULL);
    }
    PyMem_Free(alt_stack.ss_sp);
    alt_stack.ss_sp = NULL;
}

/* No core dump for the crashes the test helpers cause on purpose. */
static void suppress_crash_report(void)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_CORE, &rl) == 0) {
        rl.rlim_cur = 0;
        (void)setrlimit(RLIMIT_CORE, &rl);
    }
}

/* From a signal handler: the faulting thread's state (thread-local, not the GIL's). */
static void dump_for_signal(int fd, int all_threads, PyInterpreterState *interp)
{
    static volatile int reentrant = 0;
    if (reentrant)
        return;
    reentrant = 1;
    PyThreadState *tstate = PyGILState_GetThisThreadState();
    if (all_threads)
        (void)_Py_DumpTracebackThreads(fd, interp, tstate);
    else if (tstate != NULL)
        _Py_DumpTraceback(fd, tstate);
    reentrant = 0;
}

/* ------------------------------------------------------------ fatal signals */

static void disable_fault_handler(fault_handler_t *h)
{
    if (!h->enabled)
        return;
    h->enabled = 0;
    (void)sigaction(h->signum, &h->previous, NULL);
}

/* Report, put the previous handler back and re-raise: with SA_NODEFER the signal is
 * delivered at once (a real fault re-faults on return), killing the process as before. */
static void fatal_error_handler(int signum)
{
    int save_errno = errno;
    fault_handler_t *h = NULL;
    for (int i = 0; i < N_FAULT_HANDLERS; i++) {
        if (fault_handlers[i].signum == signum) {
            h = &fault_handlers[i];
            break;
        }
    }
    if (h == NULL || !fatal_error.enabled)
        return;
    int fd = fatal_error.fd;
    disable_fault_handler(h);
    puts_fd(fd, "Fatal Python error: ");
    puts_fd(fd, h->name);
    puts_fd(fd, "\n\n");
    dump_for_signal(fd, fatal_error.all_threads, fatal_error.interp);
    errno = save_errno;
    raise(signum);
}

static int enable_fatal_handlers(void)
{
    if (fatal_error.enabled)
        return 0;
    if (allocate_alt_stack() < 0)
        return -1;
    fatal_error.enabled = 1;
    for (int i = 0; i < N_FAULT_HANDLERS; i++) {
        fault_handler_t *h = &fault_handlers[i];
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = fatal_error_handler;
        sigemptyset(&action.sa_mask);
        /* SA_NODEFER: the re-raise in the handler is delivered immediately */
        action.sa_flags = SA_NODEFER | SA_ONSTACK;
        if (sigaction(h->signum, &action, &h->previous) != 0) {
            PyErr_SetFromErrno(PyExc_RuntimeError);
            return -1;
        }
        h->enabled = 1;
    }
    return 0;
}

static void disable_fatal_handlers(void)
{
    if (!fatal_error.enabled)
        return;
    fatal_error.enabled = 0;
    for (int i = 0; i < N_FAULT_HANDLERS; i++)
        disable_fault_handler(&fault_handlers[i]);
}

static PyObject *faulthandler_enable(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "all_threads", NULL};
    PyObject *file = NULL;
    int all_threads = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Op:enable", kwlist, &file, &all_threads))
        return NULL;
    int fd = get_fileno(&file);
    if (fd < 0)
        return NULL;
    Py_XINCREF(file);
    Py_XSETREF(fatal_error.file, file);
    fatal_error.fd = fd;
    fatal_error.all_threads = all_threads;
    fatal_error.interp = PyThreadState_Get()->interp;
    if (enable_fatal_handlers() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *faulthandler_disable_py(PyObject *self, PyObject *unused)
{
    if (!fatal_error.enabled)
        Py_RETURN_FALSE;
    disable_fatal_handlers();
    Py_CLEAR(fatal_error.file);
    Py_RETURN_TRUE;
}

static PyObject *faulthandler_is_enabled(PyObject *self, PyObject *unused)
{
    return PyBool_FromLong(fatal_error.enabled);
}

static PyObject *faulthandler_dump_traceback_py(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"file", "all_threads", NULL};
    PyObject *file = NULL;
    int all_threads = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|Op:dump_traceback", kwlist, &file,
                                     &all_threads))
        return NULL;
    int fd = get_fileno(&file);
    if (fd < 0)
        return NULL;
    PyThreadState *tstate = PyThreadState_Get();
    if (all_threads) {
        const char *errmsg = _Py_DumpTracebackThreads(fd, NULL, tstate);
        if (errmsg != NULL) {
            PyErr_SetString(PyExc_RuntimeError, errmsg);
            return NULL;
        }
    } else {
        _Py_DumpTraceback(fd, tstate);
    }
    if (PyErr_CheckSignals() < 0)
        return NULL;
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------ dump_traceback_later */

static void watchdog_thread(void *unused)
{
    /* the watchdog must never run a signal handler */
    sigset_t set;
    sigfillset(&set);
    pthread_sigmask(SIG_SETMASK, &set, NULL);
    int ok;
    do {
        PyLockStatus st = PyThread_acquire_lock_timed(watchdog.cancel_event,
                                                      watchdog.timeout_us, 0);
        if (st == PY_LOCK_ACQUIRED) {   /* cancelled */
            PyThread_release_lock(watchdog.cancel_event);
            break;
        }
        (void)_Py_write_noraise(watchdog.fd, watchdog.header, watchdog.header_len);
        ok = _Py_DumpTracebackThreads(watchdog.fd, watchdog.interp, NULL) == NULL;
        if (watchdog.exit)
            _exit(1);
    } while (ok && watchdog.repeat);
    PyThread_release_lock(watchdog.running);
}

/* Stop the watchdog and wait for it (it never needs the GIL, so the GIL may be held). */
static void stop_watchdog(void)
{
    if (watchdog.cancel_event == NULL)   /* never scheduled */
        return;
    PyThread_release_lock(watchdog.cancel_event);
    /* wait for the watchdog to finish (it may be writing a dump) */
    PyThread_acquire_lock(watchdog.running, WAIT_LOCK);
    PyThread_release_lock(watchdog.running);
    /* re-arm: this side always holds cancel_event while no watchdog runs */
    PyThread_acquire_lock(watchdog.cancel_event, WAIT_LOCK);
}

static void cancel_dump_traceback_later(void)
{
    stop_watchdog();
    Py_CLEAR(watchdog.file);
    PyMem_Free(watchdog.header);
    watchdog.header = NULL;
}

/* "Timeout (H:MM:SS[.UUUUUU])!\n" */
static char *format_timeout(PY_TIMEOUT_T us)
{
    unsigned long sec = (unsigned long)(us / 1000000), hour, min;
    us %= 1000000;
    min = sec / 60;
    sec %= 60;
    hour = min / 60;
    min %= 60;
    char buf[100];
    if (us != 0)
        snprintf(buf, sizeof buf, "Timeout (%lu:%02lu:%02lu.%06u)!\n", hour, min, sec,
                      (unsigned)us);
    else
        snprintf(buf, sizeof buf, "Timeout (%lu:%02lu:%02lu)!\n", hour, min, sec);
    char *copy = PyMem_Malloc(strlen(buf) + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    return strcpy(copy, buf);
}

/* timeout in seconds → microseconds rounded up; -1 with an exception on error. */
static PY_TIMEOUT_T timeout_us_from_object(PyObject *obj)
{
    double t;
    if (_PyTime_SecondsFromObject(obj, &t) < 0)
        return -1;
    double us = ceil(t * 1e6);
    if (us <= 0) {
        PyErr_SetString(PyExc_ValueError, "timeout must be greater than 0");
        return -1;
    }
    if (us >= (double)PY_TIMEOUT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "timeout value is too large");
        return -1;
    }
    return (PY_TIMEOUT_T)us;
}

static PyObject *faulthandler_dump_traceback_later(PyObject *self, PyObject *args,
                                                   PyObject *kwds)
{
    static char *kwlist[] = {"timeout", "repeat", "file", "exit", NULL};
    PyObject *timeout_obj, *file = NULL;
    int repeat = 0, exit = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|iOi:dump_traceback_later", kwlist,
                                     &timeout_obj, &repeat, &file, &exit))
        return NULL;
    PY_TIMEOUT_T timeout_us = timeout_us_from_object(timeout_obj);
    if (timeout_us < 0)
        return NULL;
    PyInterpreterState *interp = PyThreadState_Get()->interp;
    int fd = get_fileno(&file);
    if (fd < 0)
        return NULL;
    if (watchdog.running == NULL) {
        watchdog.running = PyThread_allocate_lock();
        watchdog.cancel_event = PyThread_allocate_lock();
        if (watchdog.running == NULL || watchdog.cancel_event == NULL) {
            PyErr_SetString(PyExc_RuntimeError, "could not allocate locks for faulthandler");
            return NULL;
        }
        PyThread_acquire_lock(watchdog.cancel_event, WAIT_LOCK);
    }
    char *header = format_timeout(timeout_us);
    if (header == NULL)
        return NULL;
    cancel_dump_traceback_later();
    Py_XINCREF(file);
    Py_XSETREF(watchdog.file, file);
    watchdog.fd = fd;
    watchdog.timeout_us = timeout_us;
    watchdog.repeat = repeat;
    watchdog.interp = interp;
    watchdog.exit = exit;
    watchdog.header = header;
    watchdog.header_len = strlen(header);
    PyThread_acquire_lock(watchdog.running, WAIT_LOCK);
    if (PyThread_start_new_thread(watchdog_thread, NULL) == (unsigned long)-1) {
        PyThread_release_lock(watchdog.running);
        Py_CLEAR(watchdog.file);
        PyMem_Free(header);
        watchdog.header = NULL;
        PyErr_SetString(PyExc_RuntimeError, "unable to start watchdog thread");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *faulthandler_cancel_dump_traceback_later_py(PyObject *self, PyObject *unused)
{
    cancel_dump_traceback_later();
    Py_RETURN_NONE;
}

/* ------------------------------------------------------------ register */

static void user_signal_handler(int signum);

static int install_user_handler(int signum, int chain, struct sigaction *previous)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = user_signal_handler;
    sigemptyset(&action.sa_mask);
    /* restart interrupted system calls; chain: the re-raise must not be deferred */
    action.sa_flags = (chain ? SA_NODEFER : SA_RESTART) | SA_ONSTACK;
    return sigaction(signum, &action, previous);
}

static void user_signal_handler(int signum)
{
    user_signal_t *user = &user_signals[signum];
    if (!user->enabled)
        return;
    int save_errno = errno;
    dump_for_signal(user->fd, user->all_threads, user->interp);
    if (user->chain) {
        (void)sigaction(signum, &user->previous, NULL);
        errno = save_errno;
        raise(signum);   /* the previous handler runs now (SA_NODEFER) */
        save_errno = errno;
        (void)install_user_handler(signum, user->chain, NULL);
    }
    errno = save_errno;
}

static int check_signum(int signum)
{
    for (int i = 0; i < N_FAULT_HANDLERS; i++) {
        if (fault_handlers[i].signum == signum) {
            PyErr_Format(PyExc_RuntimeError, "signal %i cannot be registered, use enable() instead",
                         signum);
            return 0;
        }
    }
    if (signum < 1 || signum >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return 0;
    }
    return 1;
}

static PyObject *faulthandler_register_py(PyObject *self, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"signum", "file", "all_threads", "chain", NULL};
    int signum, all_threads = 1, chain = 0;
    PyObject *file = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|Opp:register", kwlist, &signum, &file,
                                     &all_threads, &chain))
        return NULL;
    if (!check_signum(signum))
        return NULL;
    PyInterpreterState *interp = PyThreadState_Get()->interp;
    int fd = get_fileno(&file);
    if (fd < 0)
        return NULL;
    if (user_signals == NULL) {
        user_signals = PyMem_Calloc(NSIG, sizeof(user_signal_t));
        if (user_signals == NULL)
            return PyErr_NoMemory();
    }
    user_signal_t *user = &user_signals[signum];
    if (!user->enabled) {
        if (allocate_alt_stack() < 0)
            return NULL;
        if (install_user_handler(signum, chain, &user->previous) != 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
    }
    Py_XINCREF(file);
    Py_XSETREF(user->file, file);
    user->fd = fd;
    user->all_threads = all_threads;
    user->chain = chain;
    user->interp = interp;
    user->enabled = 1;
    Py_RETURN_NONE;
}

static int unregister_user(int signum)
{
    user_signal_t *user = &user_signals[signum];
    if (!user->enabled)
        return 0;
    user->enabled = 0;
    (void)sigaction(signum, &user->previous, NULL);
    Py_CLEAR(user->file);
    user->fd = -1;
    return 1;
}

static PyObject *faulthandler_unregister_py(PyObject *self, PyObject *args)
{
    int signum;
    if (!PyArg_ParseTuple(args, "i:unregister", &signum))
        return NULL;
    if (!check_signum(signum))
        return NULL;
    if (user_signals == NULL)
        Py_RETURN_FALSE;
    return PyBool_FromLong(unregister_user(signum));
}

/* ------------------------------------------------------------ test helpers */

/* The NULL read is the point: keep UBSan from reporting it first (as CPython does). */
__attribute__((no_sanitize("undefined")))
static PyObject *faulthandler_read_null(PyObject *self, PyObject *unused)
{
    suppress_crash_report();
    volatile int *volatile x = NULL;
    volatile int y = *x;
    return PyLong_FromLong(y);
}

static PyObject *faulthandler_sigsegv(PyObject *self, PyObject *args)
{
    int release_gil = 0;
    if (!PyArg_ParseTuple(args, "|i:_sigsegv", &release_gil))
        return NULL;
    suppress_crash_report();
    if (release_gil) {
        Py_BEGIN_ALLOW_THREADS
        raise(SIGSEGV);
        Py_END_ALLOW_THREADS
    } else {
        raise(SIGSEGV);
    }
    Py_RETURN_NONE;
}

static void fatal_error_thread(void *plock)
{
    Py_FatalError("in new thread");
}

static PyObject *faulthandler_fatal_error_c_thread(PyObject *self, PyObject *unused)
{
    PyThread_type_lock lock = PyThread_allocate_lock();
    if (lock == NULL)
        return PyErr_NoMemory();
    PyThread_acquire_lock(lock, WAIT_LOCK);
    if (PyThread_start_new_thread(fatal_error_thread, lock) == (unsigned long)-1) {
        PyThread_free_lock(lock);
        PyErr_SetString(PyExc_RuntimeError, "unable to start the thread");
        return NULL;
    }
    /* never returns: Py_FatalError() ends the process */
    Py_BEGIN_ALLOW_THREADS
    PyThread_acquire_lock(lock, WAIT_LOCK);
    Py_END_ALLOW_THREADS
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    Py_RETURN_NONE;
}

static PyObject *faulthandler_sigabrt(PyObject *self, PyObject *unused)
{
    suppress_crash_report();
    abort();
}

static PyObject *faulthandler_sigfpe(PyObject *self, PyObject *unused)
{
    suppress_crash_report();
    raise(SIGFPE);
    Py_RETURN_NONE;
}

#define STACK_OVERFLOW_MAX_SIZE (100 * 1024 * 1024)

static uintptr_t stack_overflow(uintptr_t min_sp, uintptr_t max_sp, size_t *depth)
{
    /* 4 KiB per call; volatile keeps the compiler from turning this into a loop */
    volatile unsigned char buffer[4096];
    uintptr_t sp = (uintptr_t)&buffer;
    *depth += 1;
    if (sp < min_sp || max_sp < sp)
        return sp;
    buffer[0] = 1;
    buffer[4095] = 0;
    return stack_overflow(min_sp, max_sp, depth) + buffer[0] - 1;
}

static PyObject *faulthandler_stack_overflow(PyObject *self, PyObject *unused)
{
    size_t depth = 0, size;
    uintptr_t sp = (uintptr_t)&depth;
    suppress_crash_report();
    uintptr_t lower = sp >= STACK_OVERFLOW_MAX_SIZE ? sp - STACK_OVERFLOW_MAX_SIZE : 0;
    uintptr_t upper = UINTPTR_MAX - STACK_OVERFLOW_MAX_SIZE >= sp
                          ? sp + STACK_OVERFLOW_MAX_SIZE : UINTPTR_MAX;
    uintptr_t stop = stack_overflow(lower, upper, &depth);
    size = sp < stop ? stop - sp : sp - stop;
    PyErr_Format(PyExc_RuntimeError,
                 "unable to raise a stack overflow (allocated %zu bytes on the stack, "
                 "%zu recursive calls)", size, depth);
    return NULL;
}

/* ------------------------------------------------------------ module */

#define KW(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef faulthandler_methods[] = {
    {"enable", KW(faulthandler_enable),
     "enable(file=sys.stderr, all_threads=True): enable the fault handler"},
    {"disable", faulthandler_disable_py, METH_NOARGS,
     "disable(): disable the fault handler"},
    {"is_enabled", faulthandler_is_enabled, METH_NOARGS,
     "is_enabled()->bool: check if the handler is enabled"},
    {"dump_traceback", KW(faulthandler_dump_traceback_py),
     "dump_traceback(file=sys.stderr, all_threads=True): dump the traceback of the current "
     "thread, or of all threads if all_threads is True, into file"},
    {"dump_traceback_later", KW(faulthandler_dump_traceback_later),
     "dump_traceback_later(timeout, repeat=False, file=sys.stderrn, exit=False):\n"
     "dump the traceback of all threads in timeout seconds,\n"
     "or each timeout seconds if repeat is True. If exit is True, call _exit(1) which is "
     "not safe."},
    {"cancel_dump_traceback_later", faulthandler_cancel_dump_traceback_later_py, METH_NOARGS,
     "cancel_dump_traceback_later():\ncancel the previous call to dump_traceback_later()."},
    {"register", KW(faulthandler_register_py),
     "register(signum, file=sys.stderr, all_threads=True, chain=False): register a handler "
     "for the signal 'signum': dump the traceback of the current thread, or of all threads "
     "if all_threads is True, into file"},
    {"unregister", faulthandler_unregister_py, METH_VARARGS,
     "unregister(signum): unregister the handler of the signal 'signum' registered by "
     "register()"},
    {"_read_null", faulthandler_read_null, METH_NOARGS,
     "_read_null(): read from NULL, raise a SIGSEGV or SIGBUS signal depending on the "
     "platform"},
    {"_sigsegv", faulthandler_sigsegv, METH_VARARGS,
     "_sigsegv(release_gil=False): raise a SIGSEGV signal"},
    {"_fatal_error_c_thread", faulthandler_fatal_error_c_thread, METH_NOARGS,
     "fatal_error_c_thread(): call Py_FatalError() in a new C thread."},
    {"_sigabrt", faulthandler_sigabrt, METH_NOARGS, "_sigabrt(): raise a SIGABRT signal"},
    {"_sigfpe", faulthandler_sigfpe, METH_NOARGS, "_sigfpe(): raise a SIGFPE signal"},
    {"_stack_overflow", faulthandler_stack_overflow, METH_NOARGS,
     "_stack_overflow(): recursive call to raise a stack overflow"},
    {NULL, NULL, 0, NULL},
};

static int module_traverse(PyObject *m, visitproc visit, void *arg)
{
    Py_VISIT(watchdog.file);
    if (user_signals != NULL)
        for (int sig = 0; sig < NSIG; sig++)
            Py_VISIT(user_signals[sig].file);
    Py_VISIT(fatal_error.file);
    return 0;
}

static struct PyModuleDef faulthandler_module = {
    PyModuleDef_HEAD_INIT, "faulthandler", "faulthandler module.", -1,
    faulthandler_methods, NULL, module_traverse, NULL, NULL,
};

static void faulthandler_atexit(void)
{
    _PyFaulthandler_Fini();
}

PyObject *PyInit_faulthandler(void)
{
    static int atexit_registered = 0;
    if (!atexit_registered && Py_AtExit(faulthandler_atexit) == 0)
        atexit_registered = 1;
    return PyModule_Create(&faulthandler_module);
}

/* ------------------------------------------------------------ start-up / shut-down */

/* main.c sets config.faulthandler for -X faulthandler and PYTHONFAULTHANDLER. */
static int enabled_by_config(PyInterpreterState *interp)
{
    return interp->config.faulthandler || interp->config.dev_mode;
}

int _PyFaulthandler_Init(PyInterpreterState *interp)
{
    if (!enabled_by_config(interp))
        return 0;
    PyObject *module = PyImport_ImportModule("faulthandler");
    if (module == NULL)
        return -1;
    PyObject *res = PyObject_CallMethod(module, "enable", NULL);
    Py_DECREF(module);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

void _PyFaulthandler_Fini(void)
{
    /* the watchdog reads interpreter structures: stop it first.  No object is touched
     * here: this runs after the interpreter has been torn down. */
    stop_watchdog();
    if (user_signals != NULL) {
        for (int sig = 0; sig < NSIG; sig++)
            if (user_signals[sig].enabled) {
                user_signals[sig].enabled = 0;
                (void)sigaction(sig, &user_signals[sig].previous, NULL);
            }
    }
    disable_fatal_handlers();
    free_alt_stack();
}
