/* _signalmodule.c — the `_signal` module: signal/getsignal, default_int_handler, SIG*
 * constants, alarm, pause, raise_signal, strsignal, valid_signals, pthread_sigmask,
 * pthread_kill, sigpending, sigwait(info), sigtimedwait, siginterrupt, setitimer/getitimer,
 * set_wakeup_fd.
 * The C handler only records the signal, trips the eval breaker and writes the wakeup fd;
 * Python handlers run later in the main thread, from PyErr_CheckSignals
 * (_PySignal_HandleTripped), which the eval loop calls when the breaker is set.
 * PyErr_SetInterruptEx (interrupt_main) simulates a signal through the same path.
 * SIGINT's start-up handler is the runtime's (pylifecycle.c).  Owner: threads. */
#include "Python.h"
#include "pytime.h"
#include "frameobject.h"
#include "posixmodule.h"

#include <errno.h>
#include <math.h>
#include <time.h>
#include <signal.h>
#include <string.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#ifndef NSIG
#define NSIG 65
#endif

/* Written by the C handler on any thread, read by the main thread: accessed only through
 * __atomic builtins (relaxed per signal; is_tripped is the release/acquire flag). */
static int tripped[NSIG];
static int is_tripped;
static int wakeup_fd = -1;
static int wakeup_warn_on_full = 1;
static PyObject *handlers[NSIG];        /* Python-level handler per signal (or None) */
static PyObject *DefaultHandler, *IgnoreHandler, *IntHandler, *ItimerError;

/* ------------------------------------------------------------ trip & run */

/* Async-signal-safe: flags and the eval breaker only (no locks, no allocation).  The
 * per-signal flag is set before the global one, so a reader that sees is_tripped also
 * sees the signal. */
static void trip_signal(int sig)
{
    __atomic_store_n(&tripped[sig], 1, __ATOMIC_RELAXED);
    __atomic_store_n(&is_tripped, 1, __ATOMIC_SEQ_CST);
    _PyEval_SignalReceived();
    int fd = __atomic_load_n(&wakeup_fd, __ATOMIC_RELAXED);
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        ssize_t r = write(fd, &byte, 1);
        (void)r;   /* a full pipe is not an error worth reporting from a handler */
    }
}

static void signal_handler(int sig)
{
    int save_errno = errno;
    trip_signal(sig);
    errno = save_errno;
}

static int is_dfl_or_ign(PyObject *func)
{
    /* ints compare without allocating or failing */
    return PyLong_CheckExact(func) &&
           (PyObject_RichCompareBool(func, IgnoreHandler, Py_EQ) == 1 ||
            PyObject_RichCompareBool(func, DefaultHandler, Py_EQ) == 1);
}

/* Simulate signum arriving, as CPython 3.11: nothing if its Python-level handler is
 * SIG_IGN or SIG_DFL; -1 (no exception set) if signum is out of range.  Before _signal
 * is imported only the runtime's SIGINT handler can be installed: its flag is set. */
int PyErr_SetInterruptEx(int signum)
{
    if (signum < 1 || signum >= NSIG)
        return -1;
    PyObject *func = handlers[signum];
    if (func == NULL) {
        struct sigaction sa;
        if (sigaction(signum, NULL, &sa) != 0 || sa.sa_handler == SIG_IGN ||
            sa.sa_handler == SIG_DFL)
            return 0;
        if (signum == SIGINT) {
            _PyErr_InterruptPending = 1;
            _PyEval_SignalReceived();
        }
        return 0;
    }
    if (func == IgnoreHandler || func == DefaultHandler || is_dfl_or_ign(func))
        return 0;
    trip_signal(signum);
    return 0;
}

/* A handler raised: the signals not yet handled get their turn at the next check. */
static void retrip_from(int first)
{
    for (int j = first; j < NSIG; j++) {
        if (__atomic_load_n(&tripped[j], __ATOMIC_RELAXED)) {
            __atomic_store_n(&is_tripped, 1, __ATOMIC_SEQ_CST);
            _PyEval_SignalReceived();
            return;
        }
    }
}

/* Run the Python handlers of every tripped signal; -1 if one raised.  Exposed so that
 * PyErr_CheckSignals can run handlers inside blocking calls too. */
int _PySignal_HandleTripped(void)
{
    if (!__atomic_load_n(&is_tripped, __ATOMIC_SEQ_CST) || !_Py_IsMainThread())
        return 0;
    /* Reset first: a signal arriving while handlers run trips everything again. */
    __atomic_store_n(&is_tripped, 0, __ATOMIC_SEQ_CST);
    PyObject *frame = (PyObject *)PyEval_GetFrame();
    if (frame == NULL)
        frame = Py_None;
    for (int i = 1; i < NSIG; i++) {
        if (!__atomic_load_n(&tripped[i], __ATOMIC_RELAXED))
            continue;
        __atomic_store_n(&tripped[i], 0, __ATOMIC_RELAXED);
        PyObject *func = handlers[i];
        if (func == NULL || func == Py_None || func == IgnoreHandler || func == DefaultHandler) {
            /* can happen if the handler was changed while the signal was pending */
            continue;
        }
        if (!PyCallable_Check(func)) {
            PyErr_Format(PyExc_TypeError, "signal handler %R is not callable", func);
            retrip_from(i + 1);
            return -1;
        }
        PyObject *arglist = Py_BuildValue("(iO)", i, frame);
        PyObject *res = arglist ? PyObject_Call(func, arglist, NULL) : NULL;
        Py_XDECREF(arglist);
        if (res == NULL) {
            retrip_from(i + 1);
            return -1;
        }
        Py_DECREF(res);
    }
    return 0;
}


/* ------------------------------------------------------------ helpers */

static int signum_from(PyObject *o, int *sig)
{
    int overflow;
    long v = PyLong_AsLongAndOverflow(o, &overflow);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (overflow || v < 1 || v >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return -1;
    }
    *sig = (int)v;
    return 0;
}

static int iterable_to_sigset(PyObject *iterable, sigset_t *mask)
{
    PyObject *it = PyObject_GetIter(iterable), *item;
    if (it == NULL)
        return -1;
    sigemptyset(mask);
    while ((item = PyIter_Next(it)) != NULL) {
        int overflow;
        long sig = PyLong_AsLongAndOverflow(item, &overflow);
        Py_DECREF(item);
        if (sig == -1 && PyErr_Occurred())
            goto fail;
        if (overflow || sig <= 0 || sig >= NSIG) {
            PyErr_Format(PyExc_ValueError, "signal number %ld out of range [1; %i]", sig,
                         NSIG - 1);
            goto fail;
        }
        if (sigaddset(mask, (int)sig)) {
            PyErr_SetFromErrno(PyExc_OSError);
            goto fail;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
fail:
    Py_DECREF(it);
    return -1;
}

/* CPython's "O&" converter for a set of signals (declared in posixmodule.h: posix_spawn's
 * setsigmask/setsigdef use it too). */
int _Py_Sigset_Converter(PyObject *obj, void *addr)
{
    return iterable_to_sigset(obj, addr) == 0;
}

static PyObject *sigset_to_set(sigset_t mask)
{
    PyObject *result = PySet_New(NULL);
    if (result == NULL)
        return NULL;
    for (int sig = 1; sig < NSIG; sig++) {
        if (sigismember(&mask, sig) != 1)
            continue;
        PyObject *v = PyLong_FromLong(sig);
        if (v == NULL || PySet_Add(result, v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(result);
            return NULL;
        }
        Py_DECREF(v);
    }
    return result;
}

/* ------------------------------------------------------------ functions */

static PyObject *signal_default_int_handler(PyObject *m, PyObject *args)
{
    PyErr_SetNone(PyExc_KeyboardInterrupt);
    return NULL;
}

static PyObject *signal_signal(PyObject *m, PyObject *args)
{
    PyObject *signum_obj, *handler;
    int sig;
    if (!PyArg_ParseTuple(args, "OO:signal", &signum_obj, &handler))
        return NULL;
    /* Handlers run in the main thread only, so only it may install them. */
    if (!_Py_IsMainThread()) {
        PyErr_SetString(PyExc_ValueError,
                        "signal only works in main thread of the main interpreter");
        return NULL;
    }
    if (signum_from(signum_obj, &sig) < 0)
        return NULL;
    void (*func)(int);
    if (PyCallable_Check(handler)) {
        func = signal_handler;
    } else {
        int is_ign = PyObject_RichCompareBool(handler, IgnoreHandler, Py_EQ);
        if (is_ign < 0)
            return NULL;
        int is_dfl = is_ign ? 0 : PyObject_RichCompareBool(handler, DefaultHandler, Py_EQ);
        if (is_dfl < 0)
            return NULL;
        if (!is_ign && !is_dfl) {
            PyErr_SetString(PyExc_TypeError,
                            "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a "
                            "callable object");
            return NULL;
        }
        func = is_ign ? SIG_IGN : SIG_DFL;
    }
    /* Handlers run from the eval loop; check for a pending one before replacing it. */
    if (PyErr_CheckSignals() < 0 || _PySignal_HandleTripped() < 0)
        return NULL;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = func;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;
    if (sigaction(sig, &sa, NULL) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    PyObject *old = handlers[sig];
    handlers[sig] = Py_NewRef(handler);
    if (old == NULL)
        Py_RETURN_NONE;
    return old;
}

static PyObject *signal_getsignal(PyObject *m, PyObject *arg)
{
    int sig;
    if (signum_from(arg, &sig) < 0)
        return NULL;
    PyObject *old = handlers[sig];
    return Py_NewRef(old ? old : Py_None);
}

static PyObject *signal_raise_signal(PyObject *m, PyObject *arg)
{
    int sig;
    if (signum_from(arg, &sig) < 0)
        return NULL;
    if (raise(sig) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    if (PyErr_CheckSignals() < 0 || _PySignal_HandleTripped() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *signal_strsignal(PyObject *m, PyObject *arg)
{
    int sig;
    if (signum_from(arg, &sig) < 0)
        return NULL;
    errno = 0;
    const char *res = strsignal(sig);
    if (errno || res == NULL || strstr(res, "Unknown signal") != NULL)
        Py_RETURN_NONE;
    return PyUnicode_FromString(res);
}

static PyObject *signal_valid_signals(PyObject *m, PyObject *unused)
{
    sigset_t mask;
    if (sigemptyset(&mask) || sigfillset(&mask)) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return sigset_to_set(mask);
}

static PyObject *signal_pthread_sigmask(PyObject *m, PyObject *args)
{
    int how;
    PyObject *maskobj;
    sigset_t mask, previous;
    if (!PyArg_ParseTuple(args, "iO:pthread_sigmask", &how, &maskobj))
        return NULL;
    if (iterable_to_sigset(maskobj, &mask) < 0)
        return NULL;
    int err = pthread_sigmask(how, &mask, &previous);
    if (err != 0) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    if (PyErr_CheckSignals() < 0 || _PySignal_HandleTripped() < 0)
        return NULL;
    return sigset_to_set(previous);
}

static PyObject *signal_sigpending(PyObject *m, PyObject *unused)
{
    sigset_t mask;
    if (sigpending(&mask) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return sigset_to_set(mask);
}

static PyObject *signal_sigwait(PyObject *m, PyObject *maskobj)
{
    sigset_t mask;
    int sig, err;
    if (iterable_to_sigset(maskobj, &mask) < 0)
        return NULL;
    /* other threads run meanwhile (one of them may be the sender) */
    Py_BEGIN_ALLOW_THREADS
    err = sigwait(&mask, &sig);
    Py_END_ALLOW_THREADS
    if (err) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    return PyLong_FromLong(sig);
}

static PyTypeObject SiginfoType;

static PyStructSequence_Field siginfo_fields[] = {
    {"si_signo", "signal number"},
    {"si_code", "signal code"},
    {"si_errno", "errno associated with this signal"},
    {"si_pid", "sending process ID"},
    {"si_uid", "real user ID of sending process"},
    {"si_status", "exit value or signal"},
    {"si_band", "band event for SIGPOLL"},
    {NULL, NULL},
};

static PyStructSequence_Desc siginfo_desc = {
    "signal.struct_siginfo",
    "struct_siginfo: Result from sigwaitinfo or sigtimedwait.\n\n"
    "This object may be accessed either as a tuple of\n"
    "(si_signo, si_code, si_errno, si_pid, si_uid, si_status, si_band),\n"
    "or via the attributes si_signo, si_code, and so on.",
    siginfo_fields, 7,
};

static PyObject *fill_siginfo(const siginfo_t *si)
{
    PyObject *result = PyStructSequence_New(&SiginfoType);
    if (result == NULL)
        return NULL;
    PyStructSequence_SET_ITEM(result, 0, PyLong_FromLong((long)si->si_signo));
    PyStructSequence_SET_ITEM(result, 1, PyLong_FromLong((long)si->si_code));
    PyStructSequence_SET_ITEM(result, 2, PyLong_FromLong((long)si->si_errno));
    PyStructSequence_SET_ITEM(result, 3, PyLong_FromLong((long)si->si_pid));
    PyStructSequence_SET_ITEM(result, 4, PyLong_FromUnsignedLong((unsigned long)si->si_uid));
    PyStructSequence_SET_ITEM(result, 5, PyLong_FromLong((long)si->si_status));
    PyStructSequence_SET_ITEM(result, 6, PyLong_FromLong(si->si_band));
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *signal_sigwaitinfo(PyObject *m, PyObject *maskobj)
{
    sigset_t mask;
    siginfo_t si;
    int err, async_err = 0;
    if (iterable_to_sigset(maskobj, &mask) < 0)
        return NULL;
    do {   /* PEP 475: retry on EINTR unless a handler raised */
        Py_BEGIN_ALLOW_THREADS
        err = sigwaitinfo(&mask, &si);
        Py_END_ALLOW_THREADS
    } while (err == -1 && errno == EINTR && !(async_err = PyErr_CheckSignals()));
    if (err == -1)
        return async_err ? NULL : PyErr_SetFromErrno(PyExc_OSError);
    return fill_siginfo(&si);
}

/* seconds (int or float) as nanoseconds rounded up; -1 with an exception set. */
static int seconds_to_ns(PyObject *obj, long long *ns)
{
    double t;
    if (_PyTime_SecondsFromObject(obj, &t) < 0)
        return -1;
    *ns = (long long)ceil(t * 1e9);
    return 0;
}

static long long monotonic_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static PyObject *signal_sigtimedwait(PyObject *m, PyObject *args)
{
    PyObject *maskobj, *timeout_obj;
    long long timeout;
    sigset_t mask;
    siginfo_t si;
    int res;
    if (!PyArg_ParseTuple(args, "OO:sigtimedwait", &maskobj, &timeout_obj))
        return NULL;
    if (iterable_to_sigset(maskobj, &mask) < 0 || seconds_to_ns(timeout_obj, &timeout) < 0)
        return NULL;
    if (timeout < 0) {
        PyErr_SetString(PyExc_ValueError, "timeout must be non-negative");
        return NULL;
    }
    long long deadline = monotonic_ns() + timeout;
    for (;;) {
        struct timespec ts = {(time_t)(timeout / 1000000000LL), (long)(timeout % 1000000000LL)};
        Py_BEGIN_ALLOW_THREADS
        res = sigtimedwait(&mask, &si, &ts);
        Py_END_ALLOW_THREADS
        if (res != -1)
            break;
        if (errno != EINTR) {
            if (errno == EAGAIN)
                Py_RETURN_NONE;
            return PyErr_SetFromErrno(PyExc_OSError);
        }
        /* interrupted: run the handlers, then wait for what is left (PEP 475) */
        if (PyErr_CheckSignals() < 0)
            return NULL;
        timeout = deadline - monotonic_ns();
        if (timeout < 0)
            break;
    }
    return fill_siginfo(&si);
}

static PyObject *signal_pthread_kill(PyObject *m, PyObject *args)
{
    unsigned long thread_id;
    int sig;
    if (!PyArg_ParseTuple(args, "ki:pthread_kill", &thread_id, &sig))
        return NULL;
    int err = pthread_kill((pthread_t)thread_id, sig);
    if (err != 0) {
        errno = err;
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    if (PyErr_CheckSignals() < 0 || _PySignal_HandleTripped() < 0)
        return NULL;
    Py_RETURN_NONE;
}

#ifdef __NR_pidfd_send_signal
/* pidfd_send_signal(pidfd, sig, siginfo=None, flags=0, /): Linux 5.1+; no libc wrapper
 * in older glibc, hence the raw system call (as CPython). */
static PyObject *signal_pidfd_send_signal(PyObject *m, PyObject *args)
{
    int pidfd, sig, flags = 0;
    PyObject *siginfo = Py_None;
    if (!PyArg_ParseTuple(args, "ii|Oi:pidfd_send_signal", &pidfd, &sig, &siginfo, &flags))
        return NULL;
    if (siginfo != Py_None) {
        PyErr_SetString(PyExc_TypeError, "siginfo must be None");
        return NULL;
    }
    if (syscall(__NR_pidfd_send_signal, pidfd, sig, NULL, flags) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    Py_RETURN_NONE;
}
#endif

static PyObject *signal_alarm(PyObject *m, PyObject *arg)
{
    int seconds = _PyLong_AsInt(arg);
    if (seconds == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong((long)alarm((unsigned)seconds));
}

static PyObject *signal_pause(PyObject *m, PyObject *unused)
{
    (void)pause();
    if (PyErr_CheckSignals() < 0 || _PySignal_HandleTripped() < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *signal_siginterrupt(PyObject *m, PyObject *args)
{
    int sig, flag;
    if (!PyArg_ParseTuple(args, "ii:siginterrupt", &sig, &flag))
        return NULL;
    if (sig < 1 || sig >= NSIG) {
        PyErr_SetString(PyExc_ValueError, "signal number out of range");
        return NULL;
    }
    struct sigaction act;
    (void)sigaction(sig, NULL, &act);
    if (flag)
        act.sa_flags &= ~SA_RESTART;
    else
        act.sa_flags |= SA_RESTART;
    if (sigaction(sig, &act, NULL) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return NULL;
    }
    Py_RETURN_NONE;
}

static void timeval_from_double(double d, struct timeval *tv)
{
    if (d <= 0) {
        tv->tv_sec = 0;
        tv->tv_usec = 0;
        return;
    }
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6 + 0.5);
    if (tv->tv_usec >= 1000000) {
        tv->tv_sec++;
        tv->tv_usec -= 1000000;
    }
    if (tv->tv_sec == 0 && tv->tv_usec == 0)
        tv->tv_usec = 1;   /* a tiny positive value must not disarm the timer */
}

static PyObject *itimer_tuple(const struct itimerval *iv)
{
    return Py_BuildValue("(dd)",
                         (double)iv->it_value.tv_sec + (double)iv->it_value.tv_usec / 1e6,
                         (double)iv->it_interval.tv_sec + (double)iv->it_interval.tv_usec / 1e6);
}

static PyObject *signal_setitimer(PyObject *m, PyObject *args)
{
    int which;
    double seconds, interval = 0.0;
    if (!PyArg_ParseTuple(args, "id|d:setitimer", &which, &seconds, &interval))
        return NULL;
    struct itimerval nv, ov;
    timeval_from_double(seconds, &nv.it_value);
    timeval_from_double(interval, &nv.it_interval);
    if (setitimer(which, &nv, &ov) != 0) {
        PyErr_SetFromErrno(ItimerError);
        return NULL;
    }
    return itimer_tuple(&ov);
}

static PyObject *signal_getitimer(PyObject *m, PyObject *arg)
{
    int which = _PyLong_AsInt(arg);
    if (which == -1 && PyErr_Occurred())
        return NULL;
    struct itimerval ov;
    if (getitimer(which, &ov) != 0) {
        PyErr_SetFromErrno(ItimerError);
        return NULL;
    }
    return itimer_tuple(&ov);
}

static PyObject *signal_set_wakeup_fd(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "warn_on_full_buffer", NULL};
    int fd, warn = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "i|$p:set_wakeup_fd", kwlist, &fd, &warn))
        return NULL;
    if (!_Py_IsMainThread()) {
        PyErr_SetString(PyExc_ValueError,
                        "set_wakeup_fd only works in main thread of the main interpreter");
        return NULL;
    }
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) != 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
        int flags = fcntl(fd, F_GETFL, 0);
        if (flags < 0) {
            PyErr_SetFromErrno(PyExc_OSError);
            return NULL;
        }
        if (!(flags & O_NONBLOCK)) {
            PyErr_Format(PyExc_ValueError, "the fd %i must be in non-blocking mode", fd);
            return NULL;
        }
    }
    int old = __atomic_exchange_n(&wakeup_fd, fd, __ATOMIC_SEQ_CST);
    wakeup_warn_on_full = warn;
    return PyLong_FromLong(old);
}

#define VARARGS(name) {#name, (PyCFunction)signal_##name, METH_VARARGS, NULL}
#define ONEARG(name) {#name, (PyCFunction)signal_##name, METH_O, NULL}
#define NOARGS(name) {#name, (PyCFunction)signal_##name, METH_NOARGS, NULL}

static PyMethodDef signal_methods[] = {
    {"default_int_handler", signal_default_int_handler, METH_VARARGS,
     "The default handler for SIGINT installed by Python.\n\n"
     "It raises KeyboardInterrupt."},
    {"signal", signal_signal, METH_VARARGS,
     "Set the action for the given signal.\n\n"
     "The action can be SIG_DFL, SIG_IGN, or a callable Python object.\n"
     "The previous action is returned.  See getsignal() for possible return values.\n\n"
     "*** IMPORTANT NOTICE ***\n"
     "A signal handler function is called with two arguments:\n"
     "the first is the signal number, the second is the interrupted stack frame."},
    ONEARG(getsignal),
    ONEARG(raise_signal),
    ONEARG(strsignal),
    NOARGS(valid_signals),
    VARARGS(pthread_sigmask),
    VARARGS(pthread_kill),
#ifdef __NR_pidfd_send_signal
    {"pidfd_send_signal", signal_pidfd_send_signal, METH_VARARGS,
     "pidfd_send_signal($module, pidfd, signalnum, siginfo=None, flags=0, /)\n--\n\n"
     "Send a signal to a process referred to by a pid file descriptor."},
#endif
    NOARGS(sigpending),
    {"sigwait", signal_sigwait, METH_O,
     "sigwait($module, sigset, /)\n--\n\n"
     "Wait for a signal.\n\n"
     "Suspend execution of the calling thread until the delivery of one of the\n"
     "signals specified in the signal set sigset.  The function accepts the signal\n"
     "and returns the signal number."},
    {"sigwaitinfo", signal_sigwaitinfo, METH_O,
     "sigwaitinfo($module, sigset, /)\n--\n\n"
     "Wait synchronously until one of the signals in *sigset* is delivered.\n\n"
     "Returns a struct_siginfo containing information about the signal."},
    {"sigtimedwait", signal_sigtimedwait, METH_VARARGS,
     "sigtimedwait($module, sigset, timeout, /)\n--\n\n"
     "Like sigwaitinfo(), but with a timeout.\n\n"
     "The timeout is specified in seconds, with floating point numbers allowed."},
    ONEARG(alarm),
    NOARGS(pause),
    VARARGS(siginterrupt),
    VARARGS(setitimer),
    ONEARG(getitimer),
    {"set_wakeup_fd", (PyCFunction)(void (*)(void))signal_set_wakeup_fd,
     METH_VARARGS | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef signalmodule = {
    PyModuleDef_HEAD_INIT, "_signal",
    "This module provides mechanisms to use signal handlers in Python.",
    -1, signal_methods, NULL, NULL, NULL, NULL,
};

static int add_constants(PyObject *m)
{
#define C(name) if (PyModule_AddIntConstant(m, #name, name) < 0) return -1;
    C(NSIG) C(SIG_BLOCK) C(SIG_UNBLOCK) C(SIG_SETMASK)
    C(SIGHUP) C(SIGINT) C(SIGQUIT) C(SIGILL) C(SIGTRAP) C(SIGABRT) C(SIGIOT) C(SIGBUS)
    C(SIGFPE) C(SIGKILL) C(SIGUSR1) C(SIGSEGV) C(SIGUSR2) C(SIGPIPE) C(SIGALRM)
    C(SIGTERM) C(SIGCHLD) C(SIGCONT) C(SIGSTOP) C(SIGTSTP) C(SIGTTIN) C(SIGTTOU)
    C(SIGURG) C(SIGXCPU) C(SIGXFSZ) C(SIGVTALRM) C(SIGPROF) C(SIGWINCH) C(SIGIO)
    C(SIGPOLL) C(SIGPWR) C(SIGSYS)
#ifdef SIGSTKFLT
    C(SIGSTKFLT)
#endif
    C(ITIMER_REAL) C(ITIMER_VIRTUAL) C(ITIMER_PROF)
#undef C
    if (PyModule_AddIntConstant(m, "SIGRTMIN", SIGRTMIN) < 0 ||
        PyModule_AddIntConstant(m, "SIGRTMAX", SIGRTMAX) < 0)
        return -1;
    return 0;
}

PyObject *PyInit__signal(void)
{
    PyObject *m = PyModule_Create(&signalmodule);
    if (m == NULL)
        return NULL;
    if (DefaultHandler == NULL) {
        DefaultHandler = PyLong_FromVoidPtr((void *)SIG_DFL);
        IgnoreHandler = PyLong_FromVoidPtr((void *)SIG_IGN);
        ItimerError = PyErr_NewException("signal.itimer_error", PyExc_OSError, NULL);
        if (DefaultHandler == NULL || IgnoreHandler == NULL || ItimerError == NULL)
            goto fail;
    }
    if (SiginfoType.tp_name == NULL && PyStructSequence_InitType2(&SiginfoType, &siginfo_desc) < 0)
        goto fail;
    if (PyModule_AddObjectRef(m, "struct_siginfo", (PyObject *)&SiginfoType) < 0)
        goto fail;
    if (PyModule_AddObjectRef(m, "SIG_DFL", DefaultHandler) < 0 ||
        PyModule_AddObjectRef(m, "SIG_IGN", IgnoreHandler) < 0 ||
        PyModule_AddObjectRef(m, "ItimerError", ItimerError) < 0 || add_constants(m) < 0)
        goto fail;
    Py_XSETREF(IntHandler, PyObject_GetAttrString(m, "default_int_handler"));
    if (IntHandler == NULL)
        goto fail;
    /* Record what each signal is set to now; a foreign C handler shows as None, except
     * SIGINT's, which is the runtime's stand-in for default_int_handler. */
    for (int sig = 1; sig < NSIG; sig++) {
        struct sigaction sa;
        if (handlers[sig] != NULL)
            continue;
        if (sigaction(sig, NULL, &sa) != 0)
            handlers[sig] = Py_NewRef(Py_None);
        else if (sa.sa_handler == SIG_DFL)
            handlers[sig] = Py_NewRef(DefaultHandler);
        else if (sa.sa_handler == SIG_IGN)
            handlers[sig] = Py_NewRef(IgnoreHandler);
        else if (sig == SIGINT)
            handlers[sig] = Py_NewRef(IntHandler);
        else
            handlers[sig] = Py_NewRef(Py_None);
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
