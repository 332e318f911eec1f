/* termios.c — the `termios` module: POSIX tty control (tcgetattr/tcsetattr, tcsendbreak,
 * tcdrain, tcflush, tcflow, tcgetwinsize/tcsetwinsize), termios.error and the constants
 * CPython 3.11's Linux build exports, as its Modules/termios.c.  tty.py, pty.py and
 * getpass.py build on it.  Owner: posixextra. */
#include "Python.h"

#include <errno.h>
#include <sys/ioctl.h>
#include <sys/ttydefaults.h>   /* the CINTR-style default control characters */
#include <termios.h>

#if defined(VSWTC) && !defined(VSWTCH)
#define VSWTCH VSWTC
#endif

static PyObject *TermiosError;

#define TERMIOS_DOC(name, sig) #name "($module, " sig ", /)\n--\n\n"

/* The fd argument: an int or an object with fileno(), CPython's fildes converter. */
static int fd_arg(PyObject *arg, int *fd)
{
    *fd = PyObject_AsFileDescriptor(arg);
    return *fd == -1 ? -1 : 0;
}

static int int_arg(PyObject *arg, int *out)
{
    *out = _PyLong_AsInt(arg);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

static PyObject *termios_error(void)
{
    return PyErr_SetFromErrno(TermiosError);
}

static PyObject *termios_tcgetattr(PyObject *module, PyObject *arg)
{
    int fd, r;
    struct termios mode;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    r = tcgetattr(fd, &mode);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return termios_error();
    PyObject *cc = PyList_New(NCCS);
    if (cc == NULL)
        return NULL;
    for (int i = 0; i < NCCS; i++) {
        char ch = (char)mode.c_cc[i];
        PyObject *v = PyBytes_FromStringAndSize(&ch, 1);
        if (v == NULL)
            goto error_cc;
        PyList_SET_ITEM(cc, i, v);
    }
    /* MIN and TIME may share slots with EOF and EOL: they are numbers only in
     * noncanonical mode. */
    if ((mode.c_lflag & ICANON) == 0) {
        const int slots[2] = {VMIN, VTIME};
        for (int i = 0; i < 2; i++) {
            PyObject *v = PyLong_FromLong((long)mode.c_cc[slots[i]]);
            if (v == NULL || PyList_SetItem(cc, slots[i], v) < 0)
                goto error_cc;
        }
    }
    return Py_BuildValue("[kkkkkkN]", (unsigned long)mode.c_iflag,
                         (unsigned long)mode.c_oflag, (unsigned long)mode.c_cflag,
                         (unsigned long)mode.c_lflag, (unsigned long)cfgetispeed(&mode),
                         (unsigned long)cfgetospeed(&mode), cc);
error_cc:
    Py_DECREF(cc);
    return NULL;
}

/* attributes[6]: NCCS one-byte bytes or ints into mode->c_cc. */
static int set_cc(struct termios *mode, PyObject *cc)
{
    if (!PyList_Check(cc) || PyList_GET_SIZE(cc) != NCCS) {
        PyErr_Format(PyExc_TypeError, "tcsetattr: attributes[6] must be %d element list",
                     NCCS);
        return -1;
    }
    for (int i = 0; i < NCCS; i++) {
        PyObject *v = PyList_GET_ITEM(cc, i);
        if (PyBytes_Check(v) && PyBytes_GET_SIZE(v) == 1) {
            mode->c_cc[i] = (cc_t)PyBytes_AS_STRING(v)[0];
        }
        else if (PyLong_Check(v)) {
            long n = PyLong_AsLong(v);
            if (n == -1 && PyErr_Occurred())
                return -1;
            mode->c_cc[i] = (cc_t)n;
        }
        else {
            PyErr_SetString(PyExc_TypeError,
                            "tcsetattr: elements of attributes must be characters or integers");
            return -1;
        }
    }
    return 0;
}

static PyObject *termios_tcsetattr(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    int fd, when, r;
    if (!_PyArg_CheckPositional("tcsetattr", nargs, 3, 3))
        return NULL;
    if (fd_arg(args[0], &fd) < 0 || int_arg(args[1], &when) < 0)
        return NULL;
    PyObject *term = args[2];
    if (!PyList_Check(term) || PyList_GET_SIZE(term) != 7) {
        PyErr_SetString(PyExc_TypeError, "tcsetattr, arg 3: must be 7 element list");
        return NULL;
    }
    /* Start from the current mode, which may have fields Python does not see. */
    struct termios mode;
    Py_BEGIN_ALLOW_THREADS
    r = tcgetattr(fd, &mode);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return termios_error();
    long vals[6];
    for (int i = 0; i < 6; i++) {
        vals[i] = PyLong_AsLong(PyList_GET_ITEM(term, i));
        if (vals[i] == -1 && PyErr_Occurred())
            return NULL;
    }
    mode.c_iflag = (tcflag_t)vals[0];
    mode.c_oflag = (tcflag_t)vals[1];
    mode.c_cflag = (tcflag_t)vals[2];
    mode.c_lflag = (tcflag_t)vals[3];
    if (set_cc(&mode, PyList_GET_ITEM(term, 6)) < 0)
        return NULL;
    if (cfsetispeed(&mode, (speed_t)vals[4]) == -1 || cfsetospeed(&mode, (speed_t)vals[5]) == -1)
        return termios_error();
    Py_BEGIN_ALLOW_THREADS
    r = tcsetattr(fd, when, &mode);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return termios_error();
    Py_RETURN_NONE;
}

/* The three (fd, int) calls share one shape; tcdrain takes only the fd. */
typedef int (*fd_int_call)(int, int);

static PyObject *fd_int_wrapper(const char *name, fd_int_call call, PyObject *const *args,
                                Py_ssize_t nargs)
{
    int fd, value, r;
    if (!_PyArg_CheckPositional(name, nargs, 2, 2))
        return NULL;
    if (fd_arg(args[0], &fd) < 0 || int_arg(args[1], &value) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    r = call(fd, value);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return termios_error();
    Py_RETURN_NONE;
}

static PyObject *termios_tcsendbreak(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return fd_int_wrapper("tcsendbreak", tcsendbreak, args, nargs);
}

static PyObject *termios_tcflush(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return fd_int_wrapper("tcflush", tcflush, args, nargs);
}

static PyObject *termios_tcflow(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    return fd_int_wrapper("tcflow", tcflow, args, nargs);
}

static PyObject *termios_tcdrain(PyObject *module, PyObject *arg)
{
    int fd, r;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    r = tcdrain(fd);
    Py_END_ALLOW_THREADS
    if (r == -1)
        return termios_error();
    Py_RETURN_NONE;
}

static PyObject *termios_tcgetwinsize(PyObject *module, PyObject *arg)
{
    int fd;
    struct winsize w;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    if (ioctl(fd, TIOCGWINSZ, &w) == -1)
        return termios_error();
    return Py_BuildValue("(ii)", (int)w.ws_row, (int)w.ws_col);
}

static int winsize_item(PyObject *winsz, Py_ssize_t i, long *out)
{
    PyObject *item = PySequence_GetItem(winsz, i);
    if (item == NULL)
        return -1;
    *out = PyLong_AsLong(item);
    Py_DECREF(item);
    return (*out == -1 && PyErr_Occurred()) ? -1 : 0;
}

static PyObject *termios_tcsetwinsize(PyObject *module, PyObject *const *args,
                                      Py_ssize_t nargs)
{
    int fd;
    if (!_PyArg_CheckPositional("tcsetwinsize", nargs, 2, 2))
        return NULL;
    if (fd_arg(args[0], &fd) < 0)
        return NULL;
    PyObject *winsz = args[1];
    if (!PySequence_Check(winsz) || PySequence_Size(winsz) != 2) {
        PyErr_Clear();   /* a failing len() reads as "not a two-item sequence" */
        PyErr_SetString(PyExc_TypeError, "tcsetwinsize, arg 2: must be a two-item sequence");
        return NULL;
    }
    long rows, cols;
    if (winsize_item(winsz, 0, &rows) < 0 || winsize_item(winsz, 1, &cols) < 0)
        return NULL;
    /* Keep the fields Python does not set (ws_xpixel, ws_ypixel). */
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) == -1)
        return termios_error();
    w.ws_row = (unsigned short)rows;
    w.ws_col = (unsigned short)cols;
    if ((long)w.ws_row != rows || (long)w.ws_col != cols) {
        PyErr_SetString(PyExc_OverflowError, "winsize value(s) out of range.");
        return NULL;
    }
    if (ioctl(fd, TIOCSWINSZ, &w) == -1)
        return termios_error();
    Py_RETURN_NONE;
}

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL

static PyMethodDef termios_methods[] = {
    {"tcgetattr", termios_tcgetattr, METH_O,
     TERMIOS_DOC(tcgetattr, "fd")
     "Get the tty attributes for file descriptor fd.\n\n"
     "Returns a list [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]\n"
     "where cc is a list of the tty special characters (each a string of\n"
     "length 1, except the items with indices VMIN and VTIME, which are\n"
     "integers when these fields are defined).  The interpretation of the\n"
     "flags and the speeds as well as the indexing in the cc array must be\n"
     "done using the symbolic constants defined in this module."},
    {"tcsetattr", FASTCALL(termios_tcsetattr),
     TERMIOS_DOC(tcsetattr, "fd, when, attributes")
     "Set the tty attributes for file descriptor fd.\n\n"
     "The attributes to be set are taken from the attributes argument, which\n"
     "is a list like the one returned by tcgetattr(). The when argument\n"
     "determines when the attributes are changed: termios.TCSANOW to\n"
     "change immediately, termios.TCSADRAIN to change after transmitting all\n"
     "queued output, or termios.TCSAFLUSH to change after transmitting all\n"
     "queued output and discarding all queued input."},
    {"tcsendbreak", FASTCALL(termios_tcsendbreak),
     TERMIOS_DOC(tcsendbreak, "fd, duration")
     "Send a break on file descriptor fd.\n\n"
     "A zero duration sends a break for 0.25-0.5 seconds; a nonzero duration\n"
     "has a system dependent meaning."},
    {"tcdrain", termios_tcdrain, METH_O,
     TERMIOS_DOC(tcdrain, "fd") "Wait until all output written to file descriptor fd has been transmitted."},
    {"tcflush", FASTCALL(termios_tcflush),
     TERMIOS_DOC(tcflush, "fd, queue")
     "Discard queued data on file descriptor fd.\n\n"
     "The queue selector specifies which queue: termios.TCIFLUSH for the input\n"
     "queue, termios.TCOFLUSH for the output queue, or termios.TCIOFLUSH for\n"
     "both queues."},
    {"tcflow", FASTCALL(termios_tcflow),
     TERMIOS_DOC(tcflow, "fd, action")
     "Suspend or resume input or output on file descriptor fd.\n\n"
     "The action argument can be termios.TCOOFF to suspend output,\n"
     "termios.TCOON to restart output, termios.TCIOFF to suspend input,\n"
     "or termios.TCION to restart input."},
    {"tcgetwinsize", termios_tcgetwinsize, METH_O,
     TERMIOS_DOC(tcgetwinsize, "fd")
     "Get the tty winsize for file descriptor fd.\n\nReturns a tuple (ws_row, ws_col)."},
    {"tcsetwinsize", FASTCALL(termios_tcsetwinsize),
     TERMIOS_DOC(tcsetwinsize, "fd, winsize")
     "Set the tty winsize for file descriptor fd.\n\n"
     "The winsize to be set is taken from the winsize argument, which\n"
     "is a two-item tuple (ws_row, ws_col) like the one returned by tcgetwinsize()."},
    {NULL, NULL, 0, NULL},
};

static const char termios_doc[] =
    "This module provides an interface to the Posix calls for tty I/O control.\n"
    "For a complete description of these calls, see the Posix or Unix manual\n"
    "pages. It is only available for those Unix versions that support Posix\n"
    "termios style tty I/O control.\n\n"
    "All functions in this module take a file descriptor fd as their first\n"
    "argument. This can be an integer file descriptor, such as returned by\n"
    "sys.stdin.fileno(), or a file object, such as sys.stdin itself.";

static struct PyModuleDef termiosmodule = {
    PyModuleDef_HEAD_INIT, "termios", termios_doc, -1, termios_methods,
    NULL, NULL, NULL, NULL,
};

/* Exactly the names CPython 3.11's Linux build exports (dir(termios) minus functions). */
#define C(name) {#name, (long)(name)}
static const struct { const char *name; long value; } termios_constants[] = {
    C(B0), C(B1000000), C(B110), C(B115200), C(B1152000), C(B1200), C(B134), C(B150),
    C(B1500000), C(B1800), C(B19200), C(B200), C(B2000000), C(B230400), C(B2400),
    C(B2500000), C(B300), C(B3000000), C(B3500000), C(B38400), C(B4000000), C(B460800),
    C(B4800), C(B50), C(B500000), C(B57600), C(B576000), C(B600), C(B75), C(B921600),
    C(B9600), C(BRKINT), C(BS0), C(BS1), C(BSDLY), C(CBAUD), C(CBAUDEX), C(CDSUSP), C(CEOF),
    C(CEOL), C(CEOT), C(CERASE), C(CFLUSH), C(CIBAUD), C(CINTR), C(CKILL), C(CLNEXT),
    C(CLOCAL), C(CQUIT), C(CR0), C(CR1), C(CR2), C(CR3), C(CRDLY), C(CREAD), C(CRPRNT),
    C(CRTSCTS), C(CS5), C(CS6), C(CS7), C(CS8), C(CSIZE), C(CSTART), C(CSTOP), C(CSTOPB),
    C(CSUSP), C(CWERASE), C(ECHO), C(ECHOCTL), C(ECHOE), C(ECHOK), C(ECHOKE), C(ECHONL),
    C(ECHOPRT), C(EXTA), C(EXTB), C(FF0), C(FF1), C(FFDLY), C(FIOASYNC), C(FIOCLEX),
    C(FIONBIO), C(FIONCLEX), C(FIONREAD), C(FLUSHO), C(HUPCL), C(ICANON), C(ICRNL),
    C(IEXTEN), C(IGNBRK), C(IGNCR), C(IGNPAR), C(IMAXBEL), C(INLCR), C(INPCK),
    C(IOCSIZE_MASK), C(IOCSIZE_SHIFT), C(ISIG), C(ISTRIP), C(IUCLC), C(IXANY), C(IXOFF),
    C(IXON), C(NCC), C(NCCS), C(NL0), C(NL1), C(NLDLY), C(NOFLSH), C(N_MOUSE), C(N_PPP),
    C(N_SLIP), C(N_STRIP), C(N_TTY), C(OCRNL), C(OFDEL), C(OFILL), C(OLCUC), C(ONLCR),
    C(ONLRET), C(ONOCR), C(OPOST), C(PARENB), C(PARMRK), C(PARODD), C(PENDIN), C(TAB0),
    C(TAB1), C(TAB2), C(TAB3), C(TABDLY), C(TCFLSH), C(TCGETA), C(TCGETS), C(TCIFLUSH),
    C(TCIOFF), C(TCIOFLUSH), C(TCION), C(TCOFLUSH), C(TCOOFF), C(TCOON), C(TCSADRAIN),
    C(TCSAFLUSH), C(TCSANOW), C(TCSBRK), C(TCSBRKP), C(TCSETA), C(TCSETAF), C(TCSETAW),
    C(TCSETS), C(TCSETSF), C(TCSETSW), C(TCXONC), C(TIOCCONS), C(TIOCEXCL), C(TIOCGETD),
    C(TIOCGICOUNT), C(TIOCGLCKTRMIOS), C(TIOCGPGRP), C(TIOCGSERIAL), C(TIOCGSOFTCAR),
    C(TIOCGWINSZ), C(TIOCINQ), C(TIOCLINUX), C(TIOCMBIC), C(TIOCMBIS), C(TIOCMGET),
    C(TIOCMIWAIT), C(TIOCMSET), C(TIOCM_CAR), C(TIOCM_CD), C(TIOCM_CTS), C(TIOCM_DSR),
    C(TIOCM_DTR), C(TIOCM_LE), C(TIOCM_RI), C(TIOCM_RNG), C(TIOCM_RTS), C(TIOCM_SR),
    C(TIOCM_ST), C(TIOCNOTTY), C(TIOCNXCL), C(TIOCOUTQ), C(TIOCPKT), C(TIOCPKT_DATA),
    C(TIOCPKT_DOSTOP), C(TIOCPKT_FLUSHREAD), C(TIOCPKT_FLUSHWRITE), C(TIOCPKT_NOSTOP),
    C(TIOCPKT_START), C(TIOCPKT_STOP), C(TIOCSCTTY), C(TIOCSERCONFIG), C(TIOCSERGETLSR),
    C(TIOCSERGETMULTI), C(TIOCSERGSTRUCT), C(TIOCSERGWILD), C(TIOCSERSETMULTI),
    C(TIOCSERSWILD), C(TIOCSER_TEMT), C(TIOCSETD), C(TIOCSLCKTRMIOS), C(TIOCSPGRP),
    C(TIOCSSERIAL), C(TIOCSSOFTCAR), C(TIOCSTI), C(TIOCSWINSZ), C(TOSTOP), C(VDISCARD),
    C(VEOF), C(VEOL), C(VEOL2), C(VERASE), C(VINTR), C(VKILL), C(VLNEXT), C(VMIN), C(VQUIT),
    C(VREPRINT), C(VSTART), C(VSTOP), C(VSUSP), C(VSWTC), C(VSWTCH), C(VT0), C(VT1),
    C(VTDLY), C(VTIME), C(VWERASE), C(XCASE), C(XTABS),
};
#undef C

PyObject *PyInit_termios(void)
{
    PyObject *m = PyModule_Create(&termiosmodule);
    if (m == NULL)
        return NULL;
    if (TermiosError == NULL) {
        TermiosError = PyErr_NewException("termios.error", NULL, NULL);
        if (TermiosError == NULL)
            goto error;
    }
    if (PyModule_AddObjectRef(m, "error", TermiosError) < 0)
        goto error;
    for (size_t i = 0; i < sizeof termios_constants / sizeof termios_constants[0]; i++) {
        if (PyModule_AddIntConstant(m, termios_constants[i].name,
                                    termios_constants[i].value) < 0)
            goto error;
    }
    return m;
error:
    Py_DECREF(m);
    return NULL;
}
