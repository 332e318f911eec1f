/* socketmodule.c — the `_socket` module (BSD sockets, Linux): the socket type with
 * timeouts (internally non-blocking + poll, as CPython), AF_INET/AF_INET6/AF_UNIX
 * addresses, socketpair, getaddrinfo/getnameinfo and the gethostby- and getserv- functions,
 * byte-order and inet_* helpers, the SOL_/SO_/AF_/… constants.  socket.py wraps it.
 * Blocking calls release the GIL and retry on EINTR (PEP 475).  Owner: modules-os. */
#include "Python.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/can.h>
#include <linux/can/raw.h>
#include <linux/can/bcm.h>
#include <linux/can/isotp.h>
#include <linux/can/j1939.h>
#include <linux/tipc.h>
#include <linux/vm_sockets.h>
#include <linux/if_alg.h>
#include <linux/rds.h>
#include <linux/qrtr.h>
#include <netpacket/packet.h>

typedef struct {
    PyObject_HEAD
    int sock_fd;              /* -1 once closed or detached */
    int sock_family;
    int sock_type;
    int sock_proto;
    double sock_timeout;      /* seconds; < 0 blocking (None), 0 non-blocking */
} PySocketSockObject;

typedef union {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_vm vm;
    struct sockaddr_storage storage;
} sock_addr_t;

static PyTypeObject sock_type;
static PyObject *socket_herror, *socket_gaierror;
static double defaulttimeout = -1.0;

static double monotonic(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static PyObject *set_error(void) { return PyErr_SetFromErrno(PyExc_OSError); }

static PyObject *set_gaierror(int error)
{
    if (error == EAI_SYSTEM)
        return set_error();
    PyObject *v = Py_BuildValue("(is)", error, gai_strerror(error));
    if (v != NULL) {
        PyErr_SetObject(socket_gaierror, v);
        Py_DECREF(v);
    }
    return NULL;
}

static PyObject *set_herror(int h_error)
{
    PyObject *v = Py_BuildValue("(is)", h_error, hstrerror(h_error));
    if (v != NULL) {
        PyErr_SetObject(socket_herror, v);
        Py_DECREF(v);
    }
    return NULL;
}

static int internal_setblocking(PySocketSockObject *s, int block)
{
    int flags = fcntl(s->sock_fd, F_GETFL, 0);
    if (flags < 0)
        goto error;
    int nflags = block ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    if (nflags != flags && fcntl(s->sock_fd, F_SETFL, nflags) < 0)
        goto error;
    return 0;
error:
    set_error();
    return -1;
}

/* Wait (GIL released) until the socket is readable/writable.  1 ready, 0 timed out,
 * -1 error; EINTR is returned to the caller's loop as -1 with errno set and no
 * exception, so it can run the signal handlers and retry. */
static int wait_for_fd(PySocketSockObject *s, int writing, double timeout, int *err)
{
    struct pollfd pfd = {s->sock_fd, writing ? POLLOUT : POLLIN, 0};
    int ms = timeout < 0 ? -1 : (int)ceil(timeout * 1000.0);
    int n;
    Py_BEGIN_ALLOW_THREADS
    n = poll(&pfd, 1, ms);
    Py_END_ALLOW_THREADS
    if (n < 0) {
        *err = errno;
        return -1;
    }
    return n > 0;
}

/* The one loop every blocking operation goes through (CPython's sock_call_ex): wait for
 * readiness when a timeout is set, run `func` without the GIL, retry on EINTR after the
 * signal handlers and on EAGAIN while time remains.  0 ok; -1 with an exception set,
 * or, when err != NULL, -1 with *err = errno and no exception (connect_ex). */
typedef int (*sock_func)(PySocketSockObject *s, void *data);

static int sock_call_ex(PySocketSockObject *s, int writing, sock_func func, void *data,
                        int connect, int *err, double timeout)
{
    double deadline = timeout > 0 ? monotonic() + timeout : 0;
    int deadline_initialized = connect;   /* connect: already in progress, so wait first */
    for (;;) {
        if (timeout > 0 && deadline_initialized) {
            double remaining = deadline - monotonic();
            int e = 0, r = remaining <= 0 ? 0 : wait_for_fd(s, writing, remaining, &e);
            if (r == 0) {
                if (err != NULL) {
                    *err = EWOULDBLOCK;
                    return -1;
                }
                PyErr_SetString(PyExc_TimeoutError, "timed out");
                return -1;
            }
            if (r < 0) {
                if (e == EINTR) {
                    if (PyErr_CheckSignals() < 0)
                        return -1;
                    continue;
                }
                if (err != NULL) {
                    *err = e;
                    return -1;
                }
                errno = e;
                set_error();
                return -1;
            }
        }
        deadline_initialized = 1;
        int res, e;
        Py_BEGIN_ALLOW_THREADS
        res = func(s, data);
        e = errno;
        Py_END_ALLOW_THREADS
        if (res == 0)
            return 0;
        if (e == EINTR) {
            if (PyErr_CheckSignals() < 0)
                return -1;
            continue;
        }
        if (timeout > 0 && (e == EWOULDBLOCK || e == EAGAIN))
            continue;
        if (err != NULL) {
            *err = e;
            return -1;
        }
        errno = e;
        set_error();
        return -1;
    }
}

static int sock_call(PySocketSockObject *s, int writing, sock_func func, void *data)
{
    return sock_call_ex(s, writing, func, data, 0, NULL, s->sock_timeout);
}

/* ------------------------------------------------------------ addresses */

static PyObject *make_ipv4_addr(const struct sockaddr_in *a)
{
    char buf[INET_ADDRSTRLEN];
    if (inet_ntop(AF_INET, &a->sin_addr, buf, sizeof buf) == NULL)
        return set_error();
    return PyUnicode_FromString(buf);
}

static PyObject *make_ipv6_addr(const struct sockaddr_in6 *a)
{
    char buf[INET6_ADDRSTRLEN];
    if (inet_ntop(AF_INET6, &a->sin6_addr, buf, sizeof buf) == NULL)
        return set_error();
    return PyUnicode_FromString(buf);
}

/* A C address as Python sees it (CPython's makesockaddr). */
static PyObject *makesockaddr(int sockfd, const struct sockaddr *addr, size_t addrlen, int proto)
{
    if (addrlen == 0)
        Py_RETURN_NONE;
    switch (addr->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)addr;
        PyObject *host = make_ipv4_addr(a);
        if (host == NULL)
            return NULL;
        return Py_BuildValue("(Ni)", host, ntohs(a->sin_port));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)addr;
        PyObject *host = make_ipv6_addr(a);
        if (host == NULL)
            return NULL;
        return Py_BuildValue("(NiII)", host, ntohs(a->sin6_port), ntohl(a->sin6_flowinfo),
                             a->sin6_scope_id);
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)addr;
        size_t off = offsetof(struct sockaddr_un, sun_path);
        size_t len = addrlen > off ? addrlen - off : 0;
        if (len > 0 && a->sun_path[0] == 0)   /* Linux abstract namespace: bytes */
            return PyBytes_FromStringAndSize(a->sun_path, (Py_ssize_t)len);
        len = strnlen(a->sun_path, len);
        return PyUnicode_DecodeFSDefaultAndSize(a->sun_path, (Py_ssize_t)len);
    }
    case AF_NETLINK: {
        const struct sockaddr_nl *a = (const struct sockaddr_nl *)addr;
        return Py_BuildValue("II", a->nl_pid, a->nl_groups);
    }
    case AF_VSOCK: {
        const struct sockaddr_vm *a = (const struct sockaddr_vm *)addr;
        return Py_BuildValue("II", a->svm_cid, a->svm_port);
    }
    default:
        /* unknown family: (family, raw bytes) like CPython */
        return Py_BuildValue("(iy#)", addr->sa_family, addr->sa_data,
                             (Py_ssize_t)sizeof(addr->sa_data));
    }
}

/* Host name (str, bytes or bytearray) → C string; str goes through the idna codec. */
static int idna_converter(PyObject *obj, PyObject **out)
{
    if (obj == NULL) {   /* cleanup call */
        Py_CLEAR(*out);
        return 1;
    }
    PyObject *b;
    if (PyBytes_Check(obj)) {
        b = Py_NewRef(obj);
    } else if (PyByteArray_Check(obj)) {
        b = PyBytes_FromStringAndSize(PyByteArray_AS_STRING(obj), PyByteArray_GET_SIZE(obj));
    } else if (PyUnicode_Check(obj)) {
        if (PyUnicode_IS_ASCII(obj))
            b = PyUnicode_AsASCIIString(obj);
        else
            b = PyUnicode_AsEncodedString(obj, "idna", NULL);
    } else {
        PyErr_Format(PyExc_TypeError, "str, bytes or bytearray expected, not %s",
                     Py_TYPE(obj)->tp_name);
        return 0;
    }
    if (b == NULL)
        return 0;
    if (strlen(PyBytes_AS_STRING(b)) != (size_t)PyBytes_GET_SIZE(b)) {
        PyErr_SetString(PyExc_TypeError, "host name must not contain null character");
        Py_DECREF(b);
        return 0;
    }
    *out = b;
    return 1;
}

/* Resolve a host name for `af` into addr (CPython's setipaddr): "" is the wildcard,
 * "<broadcast>" the broadcast address, numeric forms are parsed, else getaddrinfo. */
static int setipaddr(const char *name, struct sockaddr *addr, size_t addr_size, int af)
{
    memset(addr, 0, addr_size);
    if (name[0] == '\0') {
        struct addrinfo hints = {0}, *res;
        hints.ai_family = af;
        hints.ai_socktype = SOCK_DGRAM;
        hints.ai_flags = AI_PASSIVE;
        int error;
        Py_BEGIN_ALLOW_THREADS
        error = getaddrinfo(NULL, "0", &hints, &res);
        Py_END_ALLOW_THREADS
        if (error) {
            set_gaierror(error);
            return -1;
        }
        if ((size_t)res->ai_addrlen > addr_size) {
            freeaddrinfo(res);
            PyErr_SetString(PyExc_OSError, "wildcard resolved to multiple address");
            return -1;
        }
        memcpy(addr, res->ai_addr, res->ai_addrlen);
        freeaddrinfo(res);
        return (int)addr->sa_family == AF_INET ? 4 : 16;
    }
    if (strcmp(name, "255.255.255.255") == 0 || strcmp(name, "<broadcast>") == 0) {
        if (af != AF_INET && af != AF_UNSPEC) {
            PyErr_SetString(PyExc_OSError, "address family mismatched");
            return -1;
        }
        struct sockaddr_in *sin = (struct sockaddr_in *)addr;
        sin->sin_family = AF_INET;
        sin->sin_addr.s_addr = INADDR_BROADCAST;
        return 4;
    }
    if (af == AF_INET || af == AF_UNSPEC) {
        struct sockaddr_in *sin = (struct sockaddr_in *)addr;
        if (inet_pton(AF_INET, name, &sin->sin_addr) == 1) {
            sin->sin_family = AF_INET;
            return 4;
        }
    }
    if (af == AF_INET6 || af == AF_UNSPEC) {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)addr;
        if (inet_pton(AF_INET6, name, &sin6->sin6_addr) == 1) {
            sin6->sin6_family = AF_INET6;
            return 16;
        }
    }
    struct addrinfo hints = {0}, *res;
    hints.ai_family = af;
    int error;
    Py_BEGIN_ALLOW_THREADS
    error = getaddrinfo(name, NULL, &hints, &res);
    Py_END_ALLOW_THREADS
    if (error) {
        set_gaierror(error);
        return -1;
    }
    size_t n = res->ai_addrlen < addr_size ? res->ai_addrlen : addr_size;
    memcpy(addr, res->ai_addr, n);
    freeaddrinfo(res);
    return addr->sa_family == AF_INET ? 4 : 16;
}

static int port_from(PyObject *args, const char *caller, int *port)
{
    (void)args;
    if (*port < 0 || *port > 0xffff) {
        PyErr_Format(PyExc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    return 0;
}

/* A Python address → C address for this socket's family (CPython's getsockaddrarg). */
static int getsockaddrarg(PySocketSockObject *s, PyObject *args, sock_addr_t *addr,
                          socklen_t *len, const char *caller)
{
    memset(addr, 0, sizeof *addr);
    switch (s->sock_family) {
    case AF_UNIX: {
        PyObject *b = NULL;
        Py_buffer path;
        if (PyUnicode_Check(args)) {
            /* no embedded-NUL check: abstract names start with (and may hold) NULs */
            b = PyUnicode_EncodeFSDefault(args);
            if (b == NULL)
                return -1;
            args = b;
        }
        if (PyObject_GetBuffer(args, &path, PyBUF_SIMPLE) < 0) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError,
                             "a bytes-like object is required, not '%.200s'",
                             Py_TYPE(args)->tp_name);
            }
            Py_XDECREF(b);
            return -1;
        }
        /* Linux: an empty path autobinds to an abstract name; a leading NUL is abstract */
        int abstract = path.len == 0 || ((const char *)path.buf)[0] == 0;
        if (path.len < 0 || (size_t)path.len + !abstract > sizeof addr->un.sun_path) {
            PyBuffer_Release(&path);
            Py_XDECREF(b);
            PyErr_SetString(PyExc_OSError, "AF_UNIX path too long");
            return -1;
        }
        addr->un.sun_family = AF_UNIX;
        memcpy(addr->un.sun_path, path.buf, (size_t)path.len);
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + path.len + !abstract);
        if (abstract)
            *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + path.len);
        PyBuffer_Release(&path);
        Py_XDECREF(b);
        return 0;
    }
    case AF_INET: {
        if (!PyTuple_Check(args)) {
            PyErr_Format(PyExc_TypeError, "%s(): AF_INET address must be tuple, not %.500s",
                         caller, Py_TYPE(args)->tp_name);
            return -1;
        }
        PyObject *host = NULL;
        int port;
        if (!PyArg_ParseTuple(args, "O&i;AF_INET address must be a pair (host, port)",
                              idna_converter, &host, &port)) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_OverflowError, "%s(): port must be 0-65535.", caller);
            }
            return -1;
        }
        int r = setipaddr(PyBytes_AS_STRING(host), &addr->sa, sizeof addr->in4, AF_INET);
        Py_DECREF(host);
        if (r < 0 || port_from(args, caller, &port) < 0)
            return -1;
        addr->in4.sin_family = AF_INET;
        addr->in4.sin_port = htons((unsigned short)port);
        *len = sizeof addr->in4;
        return 0;
    }
    case AF_INET6: {
        if (!PyTuple_Check(args)) {
            PyErr_Format(PyExc_TypeError, "%s(): AF_INET6 address must be tuple, not %.500s",
                         caller, Py_TYPE(args)->tp_name);
            return -1;
        }
        PyObject *host = NULL;
        int port;
        unsigned int flowinfo = 0, scope_id = 0;
        if (!PyArg_ParseTuple(args, "O&i|II;AF_INET6 address must be a tuple "
                              "(host, port[, flowinfo[, scopeid]])",
                              idna_converter, &host, &port, &flowinfo, &scope_id)) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_OverflowError, "%s(): port must be 0-65535.", caller);
            }
            return -1;
        }
        int r = setipaddr(PyBytes_AS_STRING(host), &addr->sa, sizeof addr->in6, AF_INET6);
        Py_DECREF(host);
        if (r < 0 || port_from(args, caller, &port) < 0)
            return -1;
        if (flowinfo > 0xfffff) {
            PyErr_Format(PyExc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
            return -1;
        }
        addr->in6.sin6_family = AF_INET6;
        addr->in6.sin6_port = htons((unsigned short)port);
        addr->in6.sin6_flowinfo = htonl(flowinfo);
        addr->in6.sin6_scope_id = scope_id;
        *len = sizeof addr->in6;
        return 0;
    }
    case AF_NETLINK: {
        unsigned int pid, groups;
        if (!PyTuple_Check(args)) {
            PyErr_Format(PyExc_TypeError, "%s(): AF_NETLINK address must be tuple, not %.500s",
                         caller, Py_TYPE(args)->tp_name);
            return -1;
        }
        if (!PyArg_ParseTuple(args, "II;AF_NETLINK address must be a pair (pid, groups)",
                              &pid, &groups))
            return -1;
        struct sockaddr_nl *nl = (struct sockaddr_nl *)addr;
        nl->nl_family = AF_NETLINK;
        nl->nl_pid = pid;
        nl->nl_groups = groups;
        *len = sizeof *nl;
        return 0;
    }
    case AF_VSOCK: {
        unsigned int cid, port;
        if (!PyTuple_Check(args)) {
            PyErr_Format(PyExc_TypeError, "%s(): AF_VSOCK address must be tuple, not %.500s",
                         caller, Py_TYPE(args)->tp_name);
            return -1;
        }
        if (!PyArg_ParseTuple(args, "II:getsockaddrarg", &cid, &port))
            return -1;
        addr->vm.svm_family = AF_VSOCK;
        addr->vm.svm_cid = cid;
        addr->vm.svm_port = port;
        *len = sizeof addr->vm;
        return 0;
    }
    default:
        PyErr_Format(PyExc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

static int getsockaddrlen(PySocketSockObject *s, socklen_t *len)
{
    switch (s->sock_family) {
    case AF_UNIX: *len = sizeof(struct sockaddr_un); return 1;
    case AF_INET: *len = sizeof(struct sockaddr_in); return 1;
    case AF_INET6: *len = sizeof(struct sockaddr_in6); return 1;
    default: *len = sizeof(struct sockaddr_storage); return 1;
    }
}

/* ------------------------------------------------------------ the socket object */

static int parse_timeout(PyObject *o, double *out)
{
    if (o == Py_None) {
        *out = -1.0;
        return 0;
    }
    double d;
    if (PyFloat_Check(o)) {
        d = PyFloat_AS_DOUBLE(o);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else if (PyLong_Check(o) || PyIndex_Check(o)) {
        d = PyLong_AsDouble(o);
        if (d == -1.0 && PyErr_Occurred())
            return -1;
    } else {
        PyErr_Format(PyExc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    if (d < 0) {
        PyErr_SetString(PyExc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = d;
    return 0;
}

static int init_sockobject(PySocketSockObject *s, int fd, int family, int type, int proto)
{
    s->sock_fd = fd;
    s->sock_family = family;
    s->sock_type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->sock_proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->sock_timeout = 0.0;
    } else {
        s->sock_timeout = defaulttimeout;
        if (defaulttimeout >= 0 && internal_setblocking(s, 0) < 0)
            return -1;
    }
    return 0;
}

static PyObject *sock_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PySocketSockObject *s = (PySocketSockObject *)type->tp_alloc(type, 0);
    if (s != NULL) {
        s->sock_fd = -1;
        s->sock_timeout = -1.0;
    }
    return (PyObject *)s;
}

static int sock_initobj(PyObject *self, PyObject *args, PyObject *kwds)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    static char *kwlist[] = {"family", "type", "proto", "fileno", NULL};
    int family = -1, type = -1, proto = -1;
    PyObject *fdobj = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iiiO:socket", kwlist,
                                     &family, &type, &proto, &fdobj))
        return -1;
    if (PySys_Audit("socket.__new__", "Oiii", self, family, type, proto) < 0)
        return -1;
    int fd;
    if (fdobj != NULL && fdobj != Py_None) {
        if (PyFloat_Check(fdobj)) {
            PyErr_SetString(PyExc_TypeError, "socket file descriptor must be an integer");
            return -1;
        }
        long v = PyLong_AsLong(fdobj);
        if (v == -1 && PyErr_Occurred())
            return -1;
        if (v < 0) {
            PyErr_SetString(PyExc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)v;
        /* Ask the kernel what the descriptor is when the caller did not say. */
        socklen_t l = sizeof(int);
        int val;
        if (family == -1) {
            sock_addr_t addr;
            socklen_t alen = sizeof addr;
            memset(&addr, 0, sizeof addr);
            if (getsockname(fd, &addr.sa, &alen) != 0) {
                set_error();
                return -1;
            }
            family = addr.sa.sa_family;
        }
        if (type == -1) {
            if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &val, &l) != 0) {
                set_error();
                return -1;
            }
            type = val;
        }
        if (proto == -1) {
            l = sizeof(int);
            if (getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &val, &l) != 0) {
                set_error();
                return -1;
            }
            proto = val;
        }
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        Py_BEGIN_ALLOW_THREADS
        fd = socket(family, type | SOCK_CLOEXEC, proto);
        Py_END_ALLOW_THREADS
        if (fd < 0) {
            set_error();
            return -1;
        }
    }
    if (s->sock_fd != -1)   /* __init__ called twice: drop the old descriptor */
        close(s->sock_fd);
    if (init_sockobject(s, fd, family, type, proto) < 0)
        return -1;
    return 0;
}

static void sock_finalize(PyObject *self)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    if (s->sock_fd == -1)
        return;
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    if (PyErr_ResourceWarning(self, 1, "unclosed %R", self) < 0) {
        if (PyErr_ExceptionMatches(PyExc_Warning))
            PyErr_WriteUnraisable(self);
        PyErr_Clear();
    }
    int fd = s->sock_fd;
    s->sock_fd = -1;
    close(fd);
    PyErr_Restore(et, ev, tb);
}

static void sock_dealloc(PyObject *self)
{
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;
    Py_TYPE(self)->tp_free(self);
}

static PyObject *sock_repr(PyObject *self)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    return PyUnicode_FromFormat("<socket object, fd=%ld, family=%d, type=%d, proto=%d>",
                                (long)s->sock_fd, s->sock_family, s->sock_type, s->sock_proto);
}

/* -- accept */

struct accept_ctx { sock_addr_t addr; socklen_t addrlen; int result; };

static int sock_accept_impl(PySocketSockObject *s, void *data)
{
    struct accept_ctx *c = data;
    c->addrlen = sizeof c->addr;
    c->result = accept4(s->sock_fd, &c->addr.sa, &c->addrlen, SOCK_CLOEXEC);
    return c->result < 0 ? -1 : 0;
}

static PyObject *sock_accept(PyObject *self, PyObject *unused)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    struct accept_ctx c;
    memset(&c, 0, sizeof c);
    if (sock_call(s, 0, sock_accept_impl, &c) < 0)
        return NULL;
    PyObject *addr = makesockaddr(s->sock_fd, &c.addr.sa, c.addrlen, s->sock_proto);
    if (addr == NULL) {
        close(c.result);
        return NULL;
    }
    return Py_BuildValue("(iN)", c.result, addr);
}

static PyObject *sock_bind(PyObject *self, PyObject *addro)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    sock_addr_t addr;
    socklen_t len;
    if (getsockaddrarg(s, addro, &addr, &len, "bind") < 0)
        return NULL;
    if (PySys_Audit("socket.bind", "OO", self, addro) < 0)
        return NULL;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = bind(s->sock_fd, &addr.sa, len);
    Py_END_ALLOW_THREADS
    if (res < 0)
        return set_error();
    Py_RETURN_NONE;
}

static PyObject *sock_close(PyObject *self, PyObject *unused)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    int fd = s->sock_fd;
    if (fd != -1) {
        s->sock_fd = -1;
        int res;
        Py_BEGIN_ALLOW_THREADS
        res = close(fd);
        Py_END_ALLOW_THREADS
        /* ECONNRESET: the peer already went away, the descriptor is closed anyway */
        if (res < 0 && errno != ECONNRESET)
            return set_error();
    }
    Py_RETURN_NONE;
}

static PyObject *sock_detach(PyObject *self, PyObject *unused)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    int fd = s->sock_fd;
    s->sock_fd = -1;
    return PyLong_FromLong(fd);
}

/* -- connect: a non-blocking connect finishes later; wait for it, then read SO_ERROR */

struct connect_ctx { int dummy; };

static int sock_connect_check(PySocketSockObject *s, void *data)
{
    int err;
    socklen_t size = sizeof err;
    if (getsockopt(s->sock_fd, SOL_SOCKET, SO_ERROR, &err, &size) != 0)
        return -1;
    if (err == EISCONN)
        return 0;
    if (err != 0) {
        errno = err;
        return -1;
    }
    return 0;
}

/* 0 connected; -1 with an exception (raise) or *errp set. */
static int internal_connect(PySocketSockObject *s, struct sockaddr *addr, socklen_t len,
                            int raise, int *errp)
{
    int res, err;
    Py_BEGIN_ALLOW_THREADS
    res = connect(s->sock_fd, addr, len);
    err = errno;
    Py_END_ALLOW_THREADS
    if (res == 0) {
        *errp = 0;
        return 0;
    }
    int wait_connect;
    if (err == EINTR) {
        if (PyErr_CheckSignals() < 0)
            return -1;
        /* the connection goes on in the kernel: wait for it unless non-blocking */
        wait_connect = s->sock_timeout != 0;
    } else {
        wait_connect = s->sock_timeout > 0 && err == EINPROGRESS;
    }
    if (!wait_connect) {
        if (raise) {
            errno = err;
            set_error();
            return -1;
        }
        *errp = err;
        return -1;
    }
    int e = 0;
    if (sock_call_ex(s, 1, sock_connect_check, NULL, 1, raise ? NULL : &e,
                     s->sock_timeout) < 0) {
        if (!raise)
            *errp = e;
        return -1;
    }
    *errp = 0;
    return 0;
}

static PyObject *sock_connect(PyObject *self, PyObject *addro)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    sock_addr_t addr;
    socklen_t len;
    int err;
    if (getsockaddrarg(s, addro, &addr, &len, "connect") < 0)
        return NULL;
    if (PySys_Audit("socket.connect", "OO", self, addro) < 0)
        return NULL;
    if (internal_connect(s, &addr.sa, len, 1, &err) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sock_connect_ex(PyObject *self, PyObject *addro)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    sock_addr_t addr;
    socklen_t len;
    int err = 0;
    if (getsockaddrarg(s, addro, &addr, &len, "connect_ex") < 0)
        return NULL;
    if (PySys_Audit("socket.connect", "OO", self, addro) < 0)
        return NULL;
    if (internal_connect(s, &addr.sa, len, 0, &err) < 0 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(err);
}

static PyObject *sock_fileno(PyObject *self, PyObject *unused)
{
    return PyLong_FromLong(((PySocketSockObject *)self)->sock_fd);
}

static PyObject *sock_getname(PyObject *self, int peer)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    sock_addr_t addr;
    socklen_t len;
    getsockaddrlen(s, &len);
    memset(&addr, 0, sizeof addr);
    len = sizeof addr;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = peer ? getpeername(s->sock_fd, &addr.sa, &len) : getsockname(s->sock_fd, &addr.sa, &len);
    Py_END_ALLOW_THREADS
    if (res < 0)
        return set_error();
    return makesockaddr(s->sock_fd, &addr.sa, len, s->sock_proto);
}

static PyObject *sock_getsockname(PyObject *self, PyObject *u) { return sock_getname(self, 0); }
static PyObject *sock_getpeername(PyObject *self, PyObject *u) { return sock_getname(self, 1); }

static PyObject *sock_getsockopt(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    int level, optname, buflen = 0;
    if (!PyArg_ParseTuple(args, "ii|i:getsockopt", &level, &optname, &buflen))
        return NULL;
    if (s->sock_family == AF_VSOCK && buflen == 0) {
        /* AF_VSOCK options are 64-bit */
        uint64_t vflag = 0;
        socklen_t vsize = sizeof vflag;
        if (getsockopt(s->sock_fd, level, optname, &vflag, &vsize) < 0)
            return set_error();
        return PyLong_FromUnsignedLongLong(vflag);
    }
    if (buflen == 0) {
        int flag = 0;
        socklen_t flagsize = sizeof flag;
        if (getsockopt(s->sock_fd, level, optname, &flag, &flagsize) < 0)
            return set_error();
        return PyLong_FromLong(flag);
    }
    if (buflen < 0 || buflen > 1024) {
        PyErr_SetString(PyExc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, buflen);
    if (buf == NULL)
        return NULL;
    socklen_t n = (socklen_t)buflen;
    if (getsockopt(s->sock_fd, level, optname, PyBytes_AS_STRING(buf), &n) < 0) {
        Py_DECREF(buf);
        return set_error();
    }
    _PyBytes_Resize(&buf, n);
    return buf;
}

static PyObject *sock_setsockopt(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    int level, optname, res, flag;
    Py_buffer optval;
    unsigned int optlen;
    PyObject *none;
    if (PyArg_ParseTuple(args, "iii:setsockopt", &level, &optname, &flag)) {
        if (s->sock_family == AF_VSOCK) {
            /* AF_VSOCK options are 64-bit */
            uint64_t vflag = (uint64_t)(unsigned int)flag;
            res = setsockopt(s->sock_fd, level, optname, &vflag, sizeof vflag);
        } else {
            res = setsockopt(s->sock_fd, level, optname, &flag, sizeof flag);
        }
        goto done;
    }
    PyErr_Clear();
    if (PyArg_ParseTuple(args, "iiO!I:setsockopt", &level, &optname, Py_TYPE(Py_None), &none,
                         &optlen)) {
        res = setsockopt(s->sock_fd, level, optname, NULL, (socklen_t)optlen);
        goto done;
    }
    PyErr_Clear();
    if (!PyArg_ParseTuple(args, "iiy*:setsockopt", &level, &optname, &optval))
        return NULL;
    res = setsockopt(s->sock_fd, level, optname, optval.buf, (socklen_t)optval.len);
    PyBuffer_Release(&optval);
done:
    if (res < 0)
        return set_error();
    Py_RETURN_NONE;
}

static PyObject *sock_gettimeout(PyObject *self, PyObject *unused)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    if (s->sock_timeout < 0)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(s->sock_timeout);
}

static PyObject *sock_settimeout(PyObject *self, PyObject *arg)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    double t;
    if (parse_timeout(arg, &t) < 0)
        return NULL;
    s->sock_timeout = t;
    if (internal_setblocking(s, t < 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sock_setblocking(PyObject *self, PyObject *arg)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    long block = PyObject_IsTrue(arg);
    if (block < 0)
        return NULL;
    s->sock_timeout = block ? -1.0 : 0.0;
    if (internal_setblocking(s, (int)block) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *sock_getblocking(PyObject *self, PyObject *unused)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    return PyBool_FromLong(s->sock_timeout != 0);
}

static PyObject *sock_listen(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (!PyArg_ParseTuple(args, "|i:listen", &backlog))
        return NULL;
    if (backlog < 0)   /* the kernel wants >= 0; CPython clamps */
        backlog = 0;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = listen(s->sock_fd, backlog);
    Py_END_ALLOW_THREADS
    if (res < 0)
        return set_error();
    Py_RETURN_NONE;
}

/* -- recv family */

struct recv_ctx {
    char *cbuf;
    size_t len;
    int flags;
    ssize_t result;
    sock_addr_t addr;
    socklen_t addrlen;
    int want_addr;
};

static int sock_recv_impl(PySocketSockObject *s, void *data)
{
    struct recv_ctx *c = data;
    if (c->want_addr) {
        c->addrlen = sizeof c->addr;
        memset(&c->addr, 0, sizeof c->addr);
        c->result = recvfrom(s->sock_fd, c->cbuf, c->len, c->flags, &c->addr.sa, &c->addrlen);
    } else {
        c->result = recv(s->sock_fd, c->cbuf, c->len, c->flags);
    }
    return c->result < 0 ? -1 : 0;
}

static ssize_t sock_recv_guts(PySocketSockObject *s, char *cbuf, size_t len, int flags,
                              struct recv_ctx *c, int want_addr)
{
    c->cbuf = cbuf;
    c->len = len;
    c->flags = flags;
    c->want_addr = want_addr;
    if (sock_call(s, 0, sock_recv_impl, c) < 0)
        return -1;
    return c->result;
}

static PyObject *sock_recv_common(PyObject *self, PyObject *args, int want_addr)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    Py_ssize_t recvlen;
    int flags = 0;
    if (!PyArg_ParseTuple(args, want_addr ? "n|i:recvfrom" : "n|i:recv", &recvlen, &flags))
        return NULL;
    if (recvlen < 0) {
        PyErr_SetString(PyExc_ValueError,
                        want_addr ? "negative buffersize in recvfrom" : "negative buffersize in recv");
        return NULL;
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, recvlen);
    if (buf == NULL)
        return NULL;
    struct recv_ctx c;
    ssize_t n = sock_recv_guts(s, PyBytes_AS_STRING(buf), (size_t)recvlen, flags, &c, want_addr);
    if (n < 0) {
        Py_DECREF(buf);
        return NULL;
    }
    if (n != recvlen && _PyBytes_Resize(&buf, n) < 0)
        return NULL;
    if (!want_addr)
        return buf;
    PyObject *addr = makesockaddr(s->sock_fd, &c.addr.sa, c.addrlen, s->sock_proto);
    if (addr == NULL) {
        Py_DECREF(buf);
        return NULL;
    }
    return Py_BuildValue("(NN)", buf, addr);
}

static PyObject *sock_recv(PyObject *self, PyObject *args) { return sock_recv_common(self, args, 0); }
static PyObject *sock_recvfrom(PyObject *self, PyObject *args) { return sock_recv_common(self, args, 1); }

static PyObject *sock_recv_into_common(PyObject *self, PyObject *args, PyObject *kwds, int want_addr)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    static char *kwlist[] = {"buffer", "nbytes", "flags", NULL};
    Py_buffer pbuf;
    Py_ssize_t recvlen = 0;
    int flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, want_addr ? "w*|ni:recvfrom_into" : "w*|ni:recv_into",
                                     kwlist, &pbuf, &recvlen, &flags))
        return NULL;
    if (recvlen < 0) {
        PyBuffer_Release(&pbuf);
        PyErr_SetString(PyExc_ValueError, want_addr ? "negative buffersize in recvfrom_into"
                                                    : "negative buffersize in recv_into");
        return NULL;
    }
    if (recvlen == 0)
        recvlen = pbuf.len;
    else if (pbuf.len < recvlen) {
        PyBuffer_Release(&pbuf);
        PyErr_SetString(PyExc_ValueError, want_addr ? "nbytes is greater than the length of the buffer"
                                                    : "buffer too small for requested bytes");
        return NULL;
    }
    struct recv_ctx c;
    ssize_t n = sock_recv_guts(s, pbuf.buf, (size_t)recvlen, flags, &c, want_addr);
    PyBuffer_Release(&pbuf);
    if (n < 0)
        return NULL;
    if (!want_addr)
        return PyLong_FromSsize_t(n);
    PyObject *addr = makesockaddr(s->sock_fd, &c.addr.sa, c.addrlen, s->sock_proto);
    if (addr == NULL)
        return NULL;
    return Py_BuildValue("(nN)", n, addr);
}

static PyObject *sock_recv_into(PyObject *self, PyObject *args, PyObject *kwds)
{
    return sock_recv_into_common(self, args, kwds, 0);
}

static PyObject *sock_recvfrom_into(PyObject *self, PyObject *args, PyObject *kwds)
{
    return sock_recv_into_common(self, args, kwds, 1);
}

/* -- send family */

struct send_ctx {
    const char *buf;
    size_t len;
    int flags;
    ssize_t result;
    sock_addr_t *addr;
    socklen_t addrlen;
};

static int sock_send_impl(PySocketSockObject *s, void *data)
{
    struct send_ctx *c = data;
    if (c->addr != NULL)
        c->result = sendto(s->sock_fd, c->buf, c->len, c->flags, &c->addr->sa, c->addrlen);
    else
        c->result = send(s->sock_fd, c->buf, c->len, c->flags | MSG_NOSIGNAL);
    return c->result < 0 ? -1 : 0;
}

static PyObject *sock_send(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    Py_buffer pbuf;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "y*|i:send", &pbuf, &flags))
        return NULL;
    struct send_ctx c = {pbuf.buf, (size_t)pbuf.len, flags, 0, NULL, 0};
    int r = sock_call(s, 1, sock_send_impl, &c);
    PyBuffer_Release(&pbuf);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(c.result);
}

static PyObject *sock_sendall(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    Py_buffer pbuf;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "y*|i:sendall", &pbuf, &flags))
        return NULL;
    const char *buf = pbuf.buf;
    Py_ssize_t len = pbuf.len;
    /* the timeout covers the whole transfer */
    double deadline = s->sock_timeout > 0 ? monotonic() + s->sock_timeout : 0;
    while (len > 0) {
        double timeout = s->sock_timeout;
        if (timeout > 0) {
            timeout = deadline - monotonic();
            if (timeout <= 0) {
                PyErr_SetString(PyExc_TimeoutError, "timed out");
                goto fail;
            }
        }
        struct send_ctx c = {buf, (size_t)len, flags, 0, NULL, 0};
        if (sock_call_ex(s, 1, sock_send_impl, &c, 0, NULL, timeout) < 0)
            goto fail;
        buf += c.result;
        len -= c.result;
        if (PyErr_CheckSignals() < 0)   /* a handler may raise between chunks */
            goto fail;
    }
    PyBuffer_Release(&pbuf);
    Py_RETURN_NONE;
fail:
    PyBuffer_Release(&pbuf);
    return NULL;
}

static PyObject *sock_sendto(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    Py_buffer pbuf;
    int flags = 0;
    PyObject *addro;
    Py_ssize_t arglen = PyTuple_GET_SIZE(args);
    switch (arglen) {
    case 2:
        if (!PyArg_ParseTuple(args, "y*O:sendto", &pbuf, &addro))
            return NULL;
        break;
    case 3:
        if (!PyArg_ParseTuple(args, "y*iO:sendto", &pbuf, &flags, &addro))
            return NULL;
        break;
    default:
        PyErr_Format(PyExc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", arglen);
        return NULL;
    }
    sock_addr_t addr;
    socklen_t addrlen;
    if (getsockaddrarg(s, addro, &addr, &addrlen, "sendto") < 0 ||
        PySys_Audit("socket.sendto", "OO", self, addro) < 0) {
        PyBuffer_Release(&pbuf);
        return NULL;
    }
    struct send_ctx c = {pbuf.buf, (size_t)pbuf.len, flags, 0, &addr, addrlen};
    int r = sock_call(s, 1, sock_send_impl, &c);
    PyBuffer_Release(&pbuf);
    if (r < 0)
        return NULL;
    return PyLong_FromSsize_t(c.result);
}

static PyObject *sock_shutdown(PyObject *self, PyObject *arg)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    int how = _PyLong_AsInt(arg);
    if (how == -1 && PyErr_Occurred())
        return NULL;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = shutdown(s->sock_fd, how);
    Py_END_ALLOW_THREADS
    if (res < 0)
        return set_error();
    Py_RETURN_NONE;
}

/* -- sendmsg/recvmsg: data and ancillary data (SCM_RIGHTS fd passing) */

/* sendmsg/recvmsg through sock_call, so timeouts and EINTR (signal handlers that raise)
 * behave as for send/recv. */
struct msg_call {
    struct msghdr *msg;
    int flags;
    ssize_t result;
};

static int sock_sendmsg_impl(PySocketSockObject *s, void *data)
{
    struct msg_call *c = data;
    c->result = sendmsg(s->sock_fd, c->msg, c->flags);
    return c->result < 0 ? -1 : 0;
}

static int sock_recvmsg_impl(PySocketSockObject *s, void *data)
{
    struct msg_call *c = data;
    c->result = recvmsg(s->sock_fd, c->msg, c->flags);
    return c->result < 0 ? -1 : 0;
}

static PyObject *sock_sendmsg(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    PyObject *data_arg, *cmsg_arg = NULL, *addr_arg = NULL;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "O|OiO:sendmsg", &data_arg, &cmsg_arg, &flags, &addr_arg))
        return NULL;
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    sock_addr_t addr;
    if (addr_arg != NULL && addr_arg != Py_None) {
        socklen_t alen;
        if (getsockaddrarg(s, addr_arg, &addr, &alen, "sendmsg") < 0)
            return NULL;
        msg.msg_name = &addr;
        msg.msg_namelen = alen;
    }
    PyObject *data_fast = PySequence_Fast(data_arg, "sendmsg() argument 1 must be an iterable");
    if (data_fast == NULL)
        return NULL;
    Py_ssize_t ndata = PySequence_Fast_GET_SIZE(data_fast);
    PyObject *cmsg_fast = NULL, *result = NULL;
    Py_buffer *bufs = PyMem_Calloc(ndata + 1, sizeof(Py_buffer));
    struct iovec *iovs = PyMem_Calloc(ndata + 1, sizeof(struct iovec));
    char *control = NULL;
    Py_ssize_t nbufs = 0;
    if (bufs == NULL || iovs == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (; nbufs < ndata; nbufs++) {
        if (PyObject_GetBuffer(PySequence_Fast_GET_ITEM(data_fast, nbufs), &bufs[nbufs],
                               PyBUF_SIMPLE) < 0)
            goto done;
        iovs[nbufs].iov_base = bufs[nbufs].buf;
        iovs[nbufs].iov_len = (size_t)bufs[nbufs].len;
    }
    msg.msg_iov = iovs;
    msg.msg_iovlen = (size_t)ndata;
    if (cmsg_arg != NULL && cmsg_arg != Py_None) {
        cmsg_fast = PySequence_Fast(cmsg_arg, "sendmsg() argument 2 must be an iterable");
        if (cmsg_fast == NULL)
            goto done;
        Py_ssize_t ncm = PySequence_Fast_GET_SIZE(cmsg_fast);
        size_t space = 0;
        for (Py_ssize_t i = 0; i < ncm; i++) {
            int level, type;
            Py_buffer d;
            if (!PyArg_Parse(PySequence_Fast_GET_ITEM(cmsg_fast, i),
                             "(iiy*):[sendmsg() ancillary data items]", &level, &type, &d))
                goto done;
            space += CMSG_SPACE(d.len);
            PyBuffer_Release(&d);
        }
        if (space > 0) {
            control = PyMem_Calloc(1, space);
            if (control == NULL) {
                PyErr_NoMemory();
                goto done;
            }
            msg.msg_control = control;
            msg.msg_controllen = space;
            struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
            for (Py_ssize_t i = 0; i < ncm; i++) {
                int level, type;
                Py_buffer d;
                if (!PyArg_Parse(PySequence_Fast_GET_ITEM(cmsg_fast, i), "(iiy*)",
                                 &level, &type, &d))
                    goto done;
                cm->cmsg_level = level;
                cm->cmsg_type = type;
                cm->cmsg_len = CMSG_LEN(d.len);
                memcpy(CMSG_DATA(cm), d.buf, (size_t)d.len);
                PyBuffer_Release(&d);
                cm = CMSG_NXTHDR(&msg, cm);
            }
        }
    }
    struct msg_call c = {&msg, flags | MSG_NOSIGNAL, -1};
    if (sock_call(s, 1, sock_sendmsg_impl, &c) < 0)
        goto done;
    ssize_t n = c.result;
    result = PyLong_FromSsize_t(n);
done:
    for (Py_ssize_t i = 0; i < nbufs; i++)
        PyBuffer_Release(&bufs[i]);
    PyMem_Free(bufs);
    PyMem_Free(iovs);
    PyMem_Free(control);
    Py_XDECREF(cmsg_fast);
    Py_DECREF(data_fast);
    return result;
}

/* The ancillary data of a received message as [(level, type, data)], clipping an item
 * the kernel truncated (MSG_CTRUNC) to what is in the buffer. */
static PyObject *cmsg_list(struct msghdr *msg)
{
    PyObject *anc = PyList_New(0);
    if (anc == NULL || msg->msg_controllen == 0)
        return anc;
    const char *end = (const char *)msg->msg_control + msg->msg_controllen;
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(msg); cm != NULL; cm = CMSG_NXTHDR(msg, cm)) {
        const char *data = (const char *)CMSG_DATA(cm);
        if (data > end || cm->cmsg_len < CMSG_LEN(0))
            break;
        size_t dlen = cm->cmsg_len - CMSG_LEN(0);
        if (dlen > (size_t)(end - data))
            dlen = (size_t)(end - data);
        PyObject *item = Py_BuildValue("(iiy#)", cm->cmsg_level, cm->cmsg_type, data,
                                       (Py_ssize_t)dlen);
        if (item == NULL || PyList_Append(anc, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(anc);
            return NULL;
        }
        Py_DECREF(item);
    }
    return anc;
}

/* recvmsg into iov[0..niov): (nbytes, ancdata, msg_flags, address), or NULL. */
static PyObject *recvmsg_common(PySocketSockObject *s, struct iovec *iov, size_t niov,
                                Py_ssize_t ancbufsize, int flags, const char *fname)
{
    if (ancbufsize < 0) {
        PyErr_Format(PyExc_ValueError, "negative buffer size in %s()", fname);
        return NULL;
    }
    char *control = ancbufsize ? PyMem_Calloc(1, (size_t)ancbufsize) : NULL;
    if (ancbufsize && control == NULL)
        return PyErr_NoMemory();
    sock_addr_t addr;
    memset(&addr, 0, sizeof addr);
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_name = &addr;
    msg.msg_namelen = sizeof addr;
    msg.msg_iov = iov;
    msg.msg_iovlen = niov;
    msg.msg_control = control;
    msg.msg_controllen = (size_t)ancbufsize;
    /* no MSG_CMSG_CLOEXEC: CPython leaves received descriptors inheritable */
    struct msg_call c = {&msg, flags, -1};
    PyObject *result = NULL;
    if (sock_call(s, 0, sock_recvmsg_impl, &c) == 0) {
        PyObject *anc = cmsg_list(&msg);
        PyObject *a = anc ? makesockaddr(s->sock_fd, &addr.sa, msg.msg_namelen, s->sock_proto)
                          : NULL;
        if (a != NULL)
            result = Py_BuildValue("(nNiN)", (Py_ssize_t)c.result, anc, msg.msg_flags, a);
        else
            Py_XDECREF(anc);
    }
    PyMem_Free(control);
    return result;
}

static PyObject *sock_recvmsg(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    Py_ssize_t bufsize, ancbufsize = 0;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "n|ni:recvmsg", &bufsize, &ancbufsize, &flags))
        return NULL;
    if (bufsize < 0) {
        PyErr_SetString(PyExc_ValueError, "negative buffer size in recvmsg()");
        return NULL;
    }
    PyObject *buf = PyBytes_FromStringAndSize(NULL, bufsize);
    if (buf == NULL)
        return NULL;
    struct iovec iov = {PyBytes_AS_STRING(buf), (size_t)bufsize};
    PyObject *r = recvmsg_common(s, &iov, 1, ancbufsize, flags, "recvmsg");
    if (r == NULL) {
        Py_DECREF(buf);
        return NULL;
    }
    /* replace the byte count by the data */
    Py_ssize_t n = PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 0));
    if (n != bufsize && _PyBytes_Resize(&buf, n) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    PyObject *res = Py_BuildValue("(NOOO)", buf, PyTuple_GET_ITEM(r, 1), PyTuple_GET_ITEM(r, 2),
                                  PyTuple_GET_ITEM(r, 3));
    Py_DECREF(r);
    return res;
}

/* recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address) */
static PyObject *sock_recvmsg_into(PyObject *self, PyObject *args)
{
    PySocketSockObject *s = (PySocketSockObject *)self;
    PyObject *buffers;
    Py_ssize_t ancbufsize = 0;
    int flags = 0;
    if (!PyArg_ParseTuple(args, "O|ni:recvmsg_into", &buffers, &ancbufsize, &flags))
        return NULL;
    PyObject *fast = PySequence_Fast(buffers, "recvmsg_into() argument 1 must be an iterable");
    if (fast == NULL)
        return NULL;
    Py_ssize_t nbufs = PySequence_Fast_GET_SIZE(fast), got = 0;
    if (nbufs > INT_MAX) {
        PyErr_SetString(PyExc_OSError, "recvmsg_into() argument 1 is too long");
        Py_DECREF(fast);
        return NULL;
    }
    Py_buffer *views = PyMem_Calloc(nbufs + 1, sizeof(Py_buffer));
    struct iovec *iovs = PyMem_Calloc(nbufs + 1, sizeof(struct iovec));
    PyObject *res = NULL;
    if (views == NULL || iovs == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (; got < nbufs; got++) {
        if (!PyArg_Parse(PySequence_Fast_GET_ITEM(fast, got),
                         "w*;recvmsg_into() argument 1 must be an iterable of single-segment "
                         "read-write buffers", &views[got]))
            goto done;
        iovs[got].iov_base = views[got].buf;
        iovs[got].iov_len = (size_t)views[got].len;
    }
    res = recvmsg_common(s, iovs, (size_t)nbufs, ancbufsize, flags, "recvmsg_into");
done:
    for (Py_ssize_t i = 0; i < got; i++)
        PyBuffer_Release(&views[i]);
    PyMem_Free(views);
    PyMem_Free(iovs);
    Py_DECREF(fast);
    return res;
}

static PyMethodDef sock_methods[] = {
    {"_accept", sock_accept, METH_NOARGS,
     "_accept() -> (integer, address info)\n\n"
     "Wait for an incoming connection.  Return a new socket file descriptor\n"
     "representing the connection, and the address of the client.\n"
     "For IP sockets, the address info is a pair (hostaddr, port)."},
    {"bind", sock_bind, METH_O, "bind(address)\n\nBind the socket to a local address."},
    {"close", sock_close, METH_NOARGS, "close()\n\nClose the socket.  It cannot be used after this call."},
    {"connect", sock_connect, METH_O, "connect(address)\n\nConnect the socket to a remote address."},
    {"connect_ex", sock_connect_ex, METH_O,
     "connect_ex(address) -> errno\n\nThis is like connect(address), but returns an error code "
     "(the errno value)\ninstead of raising an exception when an error occurs."},
    {"detach", sock_detach, METH_NOARGS,
     "detach()\n\nClose the socket object without closing the underlying file descriptor.\n"
     "The object cannot be used after this call, but the file descriptor\n"
     "can be reused for other purposes.  The file descriptor is returned."},
    {"fileno", sock_fileno, METH_NOARGS, "fileno() -> integer\n\nReturn the integer file descriptor of the socket."},
    {"getpeername", sock_getpeername, METH_NOARGS,
     "getpeername() -> address info\n\nReturn the address of the remote endpoint."},
    {"getsockname", sock_getsockname, METH_NOARGS,
     "getsockname() -> address info\n\nReturn the address of the local endpoint."},
    {"getsockopt", sock_getsockopt, METH_VARARGS,
     "getsockopt(level, option[, buffersize]) -> value\n\nGet a socket option."},
    {"setsockopt", sock_setsockopt, METH_VARARGS,
     "setsockopt(level, option, value: int)\nsetsockopt(level, option, value: buffer)\n"
     "setsockopt(level, option, None, optlen: int)\n\nSet a socket option."},
    {"gettimeout", sock_gettimeout, METH_NOARGS,
     "gettimeout() -> timeout\n\nReturns the timeout in seconds (float) associated with socket\n"
     "operations. A timeout of None indicates that timeouts on socket\noperations are disabled."},
    {"settimeout", sock_settimeout, METH_O, "settimeout(timeout)\n\nSet a timeout on socket operations."},
    {"setblocking", sock_setblocking, METH_O,
     "setblocking(flag)\n\nSet the socket to blocking (flag is true) or non-blocking (false)."},
    {"getblocking", sock_getblocking, METH_NOARGS,
     "getblocking()\n\nReturns True if socket is in blocking mode, or False if it\nis in non-blocking mode."},
    {"listen", sock_listen, METH_VARARGS,
     "listen([backlog])\n\nEnable a server to accept connections."},
    {"recv", sock_recv, METH_VARARGS, "recv(buffersize[, flags]) -> data\n\nReceive up to buffersize bytes from the socket."},
    {"recv_into", (PyCFunction)(void (*)(void))sock_recv_into, METH_VARARGS | METH_KEYWORDS,
     "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read\n\nA version of recv() that stores its data into a buffer rather than creating\na new string."},
    {"recvfrom", sock_recvfrom, METH_VARARGS,
     "recvfrom(buffersize[, flags]) -> (data, address info)\n\nLike recv(buffersize, flags) but also return the sender's address info."},
    {"recvfrom_into", (PyCFunction)(void (*)(void))sock_recvfrom_into, METH_VARARGS | METH_KEYWORDS,
     "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)\n\nLike recv_into(buffer[, nbytes[, flags]]) but also return the sender's address info."},
    {"send", sock_send, METH_VARARGS, "send(data[, flags]) -> count\n\nSend a data string to the socket."},
    {"sendall", sock_sendall, METH_VARARGS, "sendall(data[, flags])\n\nSend a data string to the socket."},
    {"sendto", sock_sendto, METH_VARARGS, "sendto(data[, flags], address) -> count\n\nLike send(data, flags) but allows specifying the destination address."},
    {"sendmsg", sock_sendmsg, METH_VARARGS, "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count"},
    {"recvmsg", sock_recvmsg, METH_VARARGS, "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)"},
    {"recvmsg_into", sock_recvmsg_into, METH_VARARGS,
     "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)\n\n"
     "Receive normal data and ancillary data from the socket, scattering the\n"
     "non-ancillary data into a series of buffers."},
    {"shutdown", sock_shutdown, METH_O,
     "shutdown(flag)\n\nShut down the reading side of the socket (flag == SHUT_RD), the writing side\n"
     "of the socket (flag == SHUT_WR), or both ends (flag == SHUT_RDWR)."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef sock_members[] = {
    {"family", T_INT, offsetof(PySocketSockObject, sock_family), READONLY, "the socket family"},
    {"type", T_INT, offsetof(PySocketSockObject, sock_type), READONLY, "the socket type"},
    {"proto", T_INT, offsetof(PySocketSockObject, sock_proto), READONLY, "the socket protocol"},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *sock_get_timeout(PyObject *self, void *closure) { return sock_gettimeout(self, NULL); }

static PyGetSetDef sock_getset[] = {
    {"timeout", sock_get_timeout, NULL, "the socket timeout", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject sock_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_socket.socket",
    .tp_basicsize = sizeof(PySocketSockObject),
    .tp_dealloc = sock_dealloc,
    .tp_repr = sock_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object\n"
              "socket(family=-1, type=-1, proto=-1, fileno=None) -> socket object\n\n"
              "Open a socket of the given type.",
    .tp_methods = sock_methods,
    .tp_members = sock_members,
    .tp_getset = sock_getset,
    .tp_init = sock_initobj,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = sock_new,
    .tp_free = PyObject_Free,
    .tp_finalize = sock_finalize,
};

/* ------------------------------------------------------------ module functions */

static PyObject *socket_gethostname(PyObject *m, PyObject *unused)
{
    char buf[1024];
    int res;
    if (PySys_Audit("socket.gethostname", NULL) < 0)
        return NULL;
    Py_BEGIN_ALLOW_THREADS
    res = gethostname(buf, sizeof buf - 1);
    Py_END_ALLOW_THREADS
    if (res < 0)
        return set_error();
    buf[sizeof buf - 1] = '\0';
    return PyUnicode_DecodeFSDefault(buf);
}

static PyObject *socket_sethostname(PyObject *m, PyObject *args)
{
    PyObject *hnobj;
    Py_buffer buf;
    if (!PyArg_ParseTuple(args, "S:sethostname", &hnobj)) {
        PyErr_Clear();
        if (!PyArg_ParseTuple(args, "O&:sethostname", PyUnicode_FSConverter, &hnobj))
            return NULL;
    } else {
        Py_INCREF(hnobj);
    }
    if (PySys_Audit("socket.sethostname", "(O)", hnobj) < 0) {
        Py_DECREF(hnobj);
        return NULL;
    }
    if (PyObject_GetBuffer(hnobj, &buf, PyBUF_SIMPLE) < 0) {
        Py_DECREF(hnobj);
        return NULL;
    }
    int res = sethostname(buf.buf, (size_t)buf.len);
    PyBuffer_Release(&buf);
    Py_DECREF(hnobj);
    if (res < 0)
        return set_error();
    Py_RETURN_NONE;
}

/* Resolve a name to one IPv4 address (gethostbyname): via setipaddr like CPython. */
static PyObject *socket_gethostbyname(PyObject *m, PyObject *args)
{
    PyObject *name;
    if (!PyArg_ParseTuple(args, "O&:gethostbyname", PyUnicode_FSConverter, &name))
        return NULL;
    if (PySys_Audit("socket.gethostbyname", "O", args) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    struct sockaddr_in addr;
    int r = setipaddr(PyBytes_AS_STRING(name), (struct sockaddr *)&addr, sizeof addr, AF_INET);
    Py_DECREF(name);
    if (r < 0)
        return NULL;
    return make_ipv4_addr(&addr);
}

static PyObject *gethost_common(struct hostent *h, int af)
{
    if (h == NULL)
        return set_herror(h_errno);
    PyObject *aliases = PyList_New(0), *addrs = PyList_New(0);
    if (aliases == NULL || addrs == NULL)
        goto fail;
    for (char **p = h->h_aliases; p && *p; p++) {
        PyObject *t = PyUnicode_FromString(*p);
        if (t == NULL || PyList_Append(aliases, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    for (char **p = h->h_addr_list; p && *p; p++) {
        char buf[INET6_ADDRSTRLEN];
        if (inet_ntop(h->h_addrtype, *p, buf, sizeof buf) == NULL)
            continue;
        PyObject *t = PyUnicode_FromString(buf);
        if (t == NULL || PyList_Append(addrs, t) < 0) {
            Py_XDECREF(t);
            goto fail;
        }
        Py_DECREF(t);
    }
    return Py_BuildValue("(sNN)", h->h_name, aliases, addrs);
fail:
    Py_XDECREF(aliases);
    Py_XDECREF(addrs);
    return NULL;
}

static PyObject *socket_gethostbyname_ex(PyObject *m, PyObject *args)
{
    PyObject *name;
    if (!PyArg_ParseTuple(args, "O&:gethostbyname_ex", PyUnicode_FSConverter, &name))
        return NULL;
    if (PySys_Audit("socket.gethostbyname", "O", args) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    struct sockaddr_in addr;
    if (setipaddr(PyBytes_AS_STRING(name), (struct sockaddr *)&addr, sizeof addr, AF_INET) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    struct hostent hbuf, *h = NULL;
    char buf[16384];
    int herr = 0;
    Py_BEGIN_ALLOW_THREADS
    gethostbyname_r(PyBytes_AS_STRING(name), &hbuf, buf, sizeof buf, &h, &herr);
    Py_END_ALLOW_THREADS
    Py_DECREF(name);
    if (h == NULL)
        return set_herror(herr);
    return gethost_common(h, AF_INET);
}

static PyObject *socket_gethostbyaddr(PyObject *m, PyObject *args)
{
    PyObject *name;
    if (!PyArg_ParseTuple(args, "O&:gethostbyaddr", PyUnicode_FSConverter, &name))
        return NULL;
    if (PySys_Audit("socket.gethostbyaddr", "O", args) < 0) {
        Py_DECREF(name);
        return NULL;
    }
    sock_addr_t addr;
    int r = setipaddr(PyBytes_AS_STRING(name), &addr.sa, sizeof addr, AF_UNSPEC);
    Py_DECREF(name);
    if (r < 0)
        return NULL;
    const void *ap;
    socklen_t al;
    int af = addr.sa.sa_family;
    if (af == AF_INET6) {
        ap = &addr.in6.sin6_addr;
        al = sizeof addr.in6.sin6_addr;
    } else {
        ap = &addr.in4.sin_addr;
        al = sizeof addr.in4.sin_addr;
    }
    struct hostent hbuf, *h = NULL;
    char buf[16384];
    int herr = 0;
    Py_BEGIN_ALLOW_THREADS
    gethostbyaddr_r(ap, al, af, &hbuf, buf, sizeof buf, &h, &herr);
    Py_END_ALLOW_THREADS
    if (h == NULL)
        return set_herror(herr);
    return gethost_common(h, af);
}

static PyObject *socket_getservbyname(PyObject *m, PyObject *args)
{
    const char *name, *proto = NULL;
    if (!PyArg_ParseTuple(args, "s|s:getservbyname", &name, &proto))
        return NULL;
    if (PySys_Audit("socket.getservbyname", "ss", name, proto) < 0)
        return NULL;
    struct servent *sp;
    Py_BEGIN_ALLOW_THREADS
    sp = getservbyname(name, proto);
    Py_END_ALLOW_THREADS
    if (sp == NULL) {
        PyErr_SetString(PyExc_OSError, "service/proto not found");
        return NULL;
    }
    return PyLong_FromLong((long)ntohs((unsigned short)sp->s_port));
}

static PyObject *socket_getservbyport(PyObject *m, PyObject *args)
{
    int port;
    const char *proto = NULL;
    if (!PyArg_ParseTuple(args, "i|s:getservbyport", &port, &proto))
        return NULL;
    if (port < 0 || port > 0xffff) {
        PyErr_SetString(PyExc_OverflowError, "getservbyport: port must be 0-65535.");
        return NULL;
    }
    if (PySys_Audit("socket.getservbyport", "is", port, proto) < 0)
        return NULL;
    struct servent *sp;
    Py_BEGIN_ALLOW_THREADS
    sp = getservbyport((int)htons((unsigned short)port), proto);
    Py_END_ALLOW_THREADS
    if (sp == NULL) {
        PyErr_SetString(PyExc_OSError, "port/proto not found");
        return NULL;
    }
    return PyUnicode_FromString(sp->s_name);
}

static PyObject *socket_getprotobyname(PyObject *m, PyObject *args)
{
    const char *name;
    if (!PyArg_ParseTuple(args, "s:getprotobyname", &name))
        return NULL;
    struct protoent *sp = getprotobyname(name);
    if (sp == NULL) {
        PyErr_SetString(PyExc_OSError, "protocol not found");
        return NULL;
    }
    return PyLong_FromLong((long)sp->p_proto);
}

static PyObject *socket_close(PyObject *m, PyObject *arg)
{
    int fd = _PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = close(fd);
    Py_END_ALLOW_THREADS
    if (res < 0 && errno != ECONNRESET)
        return set_error();
    Py_RETURN_NONE;
}

static PyObject *socket_dup(PyObject *m, PyObject *arg)
{
    int fd = _PyLong_AsInt(arg);
    if (fd == -1 && PyErr_Occurred())
        return NULL;
    int newfd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (newfd < 0)
        return set_error();
    return PyLong_FromLong(newfd);
}

static PyObject *socket_socketpair(PyObject *m, PyObject *args)
{
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (!PyArg_ParseTuple(args, "|iii:socketpair", &family, &type, &proto))
        return NULL;
    int sv[2];
    int res;
    Py_BEGIN_ALLOW_THREADS
    res = socketpair(family, type | SOCK_CLOEXEC, proto, sv);
    Py_END_ALLOW_THREADS
    if (res < 0)
        return set_error();
    PySocketSockObject *s0 = (PySocketSockObject *)sock_new(&sock_type, NULL, NULL);
    PySocketSockObject *s1 = (PySocketSockObject *)sock_new(&sock_type, NULL, NULL);
    if (s0 == NULL || s1 == NULL) {
        Py_XDECREF(s0);
        Py_XDECREF(s1);
        close(sv[0]);
        close(sv[1]);
        return NULL;
    }
    if (init_sockobject(s0, sv[0], family, type, proto) < 0 ||
        init_sockobject(s1, sv[1], family, type, proto) < 0) {
        Py_DECREF(s0);
        Py_DECREF(s1);
        return NULL;
    }
    return Py_BuildValue("(NN)", s0, s1);
}

static PyObject *socket_ntohs(PyObject *m, PyObject *arg)
{
    int x = _PyLong_AsInt(arg);
    if (x == -1 && PyErr_Occurred())
        return NULL;
    if (x < 0) {
        PyErr_SetString(PyExc_OverflowError, "ntohs: can't convert negative Python int to C 16-bit unsigned integer");
        return NULL;
    }
    if (x > 0xffff) {
        PyErr_SetString(PyExc_OverflowError, "ntohs: Python int too large to convert to C 16-bit unsigned integer");
        return NULL;
    }
    return PyLong_FromUnsignedLong(ntohs((unsigned short)x));
}

static PyObject *socket_htons(PyObject *m, PyObject *arg)
{
    int x = _PyLong_AsInt(arg);
    if (x == -1 && PyErr_Occurred())
        return NULL;
    if (x < 0) {
        PyErr_SetString(PyExc_OverflowError, "htons: can't convert negative Python int to C 16-bit unsigned integer");
        return NULL;
    }
    if (x > 0xffff) {
        PyErr_SetString(PyExc_OverflowError, "htons: Python int too large to convert to C 16-bit unsigned integer");
        return NULL;
    }
    return PyLong_FromUnsignedLong(htons((unsigned short)x));
}

static PyObject *long32(PyObject *arg, int to_net)
{
    if (!PyLong_Check(arg))
        return PyErr_Format(PyExc_TypeError, "expected int, %s found", Py_TYPE(arg)->tp_name);
    unsigned long x = PyLong_AsUnsignedLong(arg);
    if (x == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    if (x > 0xffffffffUL) {
        PyErr_SetString(PyExc_OverflowError, "int larger than 32 bits");
        return NULL;
    }
    return PyLong_FromUnsignedLong(to_net ? htonl((uint32_t)x) : ntohl((uint32_t)x));
}

static PyObject *socket_ntohl(PyObject *m, PyObject *arg) { return long32(arg, 0); }
static PyObject *socket_htonl(PyObject *m, PyObject *arg) { return long32(arg, 1); }

static PyObject *socket_inet_aton(PyObject *m, PyObject *args)
{
    const char *ip;
    if (!PyArg_ParseTuple(args, "s:inet_aton", &ip))
        return NULL;
    struct in_addr buf;
    if (inet_aton(ip, &buf) == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return PyBytes_FromStringAndSize((const char *)&buf, sizeof buf);
}

static PyObject *socket_inet_ntoa(PyObject *m, PyObject *args)
{
    Py_buffer packed;
    if (!PyArg_ParseTuple(args, "y*:inet_ntoa", &packed))
        return NULL;
    if (packed.len != 4) {
        PyBuffer_Release(&packed);
        PyErr_SetString(PyExc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    struct in_addr a;
    memcpy(&a, packed.buf, 4);
    PyBuffer_Release(&packed);
    return PyUnicode_FromString(inet_ntoa(a));
}

static PyObject *socket_inet_pton(PyObject *m, PyObject *args)
{
    int af;
    const char *ip;
    if (!PyArg_ParseTuple(args, "is:inet_pton", &af, &ip))
        return NULL;
    unsigned char packed[sizeof(struct in6_addr)];
    int r = inet_pton(af, ip, packed);
    if (r < 0)
        return set_error();
    if (r == 0) {
        PyErr_SetString(PyExc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    if (af == AF_INET)
        return PyBytes_FromStringAndSize((char *)packed, sizeof(struct in_addr));
    if (af == AF_INET6)
        return PyBytes_FromStringAndSize((char *)packed, sizeof(struct in6_addr));
    PyErr_SetString(PyExc_OSError, "unknown address family");
    return NULL;
}

static PyObject *socket_inet_ntop(PyObject *m, PyObject *args)
{
    int af;
    Py_buffer packed;
    if (!PyArg_ParseTuple(args, "iy*:inet_ntop", &af, &packed))
        return NULL;
    char ip[INET6_ADDRSTRLEN];
    if (af == AF_INET || af == AF_INET6) {
        size_t want = af == AF_INET ? sizeof(struct in_addr) : sizeof(struct in6_addr);
        if ((size_t)packed.len != want) {
            PyBuffer_Release(&packed);
            PyErr_SetString(PyExc_ValueError, "invalid length of packed IP address string");
            return NULL;
        }
    } else {
        PyBuffer_Release(&packed);
        PyErr_Format(PyExc_ValueError, "unknown address family %d", af);
        return NULL;
    }
    const char *r = inet_ntop(af, packed.buf, ip, sizeof ip);
    PyBuffer_Release(&packed);
    if (r == NULL)
        return set_error();
    return PyUnicode_FromString(ip);
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) */
static PyObject *socket_getaddrinfo(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    PyObject *hobj, *pobj, *idna = NULL, *pstr = NULL, *all = NULL;
    int family = AF_UNSPEC, socktype = 0, protocol = 0, flags = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO|iiii:getaddrinfo", kwlist, &hobj, &pobj,
                                     &family, &socktype, &protocol, &flags))
        return NULL;
    if (PySys_Audit("socket.getaddrinfo", "OOiii", hobj, pobj, family, socktype, protocol) < 0)
        return NULL;
    const char *hptr = NULL, *pptr = NULL;
    char pbuf[30];
    if (hobj != Py_None) {
        if (PyUnicode_Check(hobj)) {
            idna = PyUnicode_IS_ASCII(hobj) ? PyUnicode_AsASCIIString(hobj)
                                             : PyUnicode_AsEncodedString(hobj, "idna", NULL);
            if (idna == NULL)
                return NULL;
            hptr = PyBytes_AS_STRING(idna);
        } else if (PyBytes_Check(hobj)) {
            hptr = PyBytes_AS_STRING(hobj);
        } else {
            PyErr_SetString(PyExc_TypeError, "getaddrinfo() argument 1 must be string or None");
            return NULL;
        }
    }
    if (PyLong_CheckExact(pobj) || PyLong_Check(pobj)) {
        long value = PyLong_AsLong(pobj);
        if (value == -1 && PyErr_Occurred())
            goto done;
        snprintf(pbuf, sizeof pbuf, "%ld", value);
        pptr = pbuf;
    } else if (PyUnicode_Check(pobj)) {
        pptr = PyUnicode_AsUTF8(pobj);
        if (pptr == NULL)
            goto done;
    } else if (PyBytes_Check(pobj)) {
        pptr = PyBytes_AS_STRING(pobj);
    } else if (pobj != Py_None) {
        PyErr_SetString(PyExc_OSError, "Int or String expected");
        goto done;
    }
    struct addrinfo hints = {0}, *res0 = NULL;
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = protocol;
    hints.ai_flags = flags;
    int error;
    Py_BEGIN_ALLOW_THREADS
    error = getaddrinfo(hptr, pptr, &hints, &res0);
    Py_END_ALLOW_THREADS
    if (error) {
        set_gaierror(error);
        goto done;
    }
    all = PyList_New(0);
    if (all == NULL)
        goto free_res;
    for (struct addrinfo *res = res0; res; res = res->ai_next) {
        PyObject *addr = makesockaddr(-1, res->ai_addr, res->ai_addrlen, protocol);
        if (addr == NULL)
            goto err;
        PyObject *single = Py_BuildValue("iiisN", res->ai_family, res->ai_socktype,
                                         res->ai_protocol,
                                         res->ai_canonname ? res->ai_canonname : "", addr);
        if (single == NULL || PyList_Append(all, single) < 0) {
            Py_XDECREF(single);
            goto err;
        }
        Py_DECREF(single);
    }
    goto free_res;
err:
    Py_CLEAR(all);
free_res:
    freeaddrinfo(res0);
done:
    Py_XDECREF(idna);
    Py_XDECREF(pstr);
    return all;
}

static PyObject *socket_getnameinfo(PyObject *m, PyObject *args)
{
    PyObject *sa;
    int flags;
    if (!PyArg_ParseTuple(args, "Oi:getnameinfo", &sa, &flags))
        return NULL;
    if (PySys_Audit("socket.getnameinfo", "(O)", sa) < 0)
        return NULL;
    if (!PyTuple_Check(sa)) {
        PyErr_SetString(PyExc_TypeError, "getnameinfo() argument 1 must be a tuple");
        return NULL;
    }
    const char *hostp;
    int port;
    unsigned int flowinfo = 0, scope_id = 0;
    if (!PyArg_ParseTuple(sa, "si|II;getnameinfo(): illegal sockaddr argument",
                          &hostp, &port, &flowinfo, &scope_id))
        return NULL;
    if (flowinfo > 0xfffff) {
        PyErr_SetString(PyExc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
        return NULL;
    }
    char pbuf[30];
    snprintf(pbuf, sizeof pbuf, "%d", port);
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int error;
    Py_BEGIN_ALLOW_THREADS
    error = getaddrinfo(hostp, pbuf, &hints, &res);
    Py_END_ALLOW_THREADS
    if (error)
        return set_gaierror(error);
    if (res->ai_next) {
        freeaddrinfo(res);
        PyErr_SetString(PyExc_OSError, "sockaddr resolved to multiple addresses");
        return NULL;
    }
    sock_addr_t addr;
    memcpy(&addr, res->ai_addr, res->ai_addrlen);
    socklen_t alen = res->ai_addrlen;
    freeaddrinfo(res);
    if (addr.sa.sa_family == AF_INET) {
        if (PyTuple_GET_SIZE(sa) != 2) {
            PyErr_SetString(PyExc_OSError, "IPv4 sockaddr must be 2 tuple");
            return NULL;
        }
    } else if (addr.sa.sa_family == AF_INET6) {
        addr.in6.sin6_flowinfo = htonl(flowinfo);
        addr.in6.sin6_scope_id = scope_id;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    Py_BEGIN_ALLOW_THREADS
    error = getnameinfo(&addr.sa, alen, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
    Py_END_ALLOW_THREADS
    if (error)
        return set_gaierror(error);
    return Py_BuildValue("ss", hbuf, sbuf);
}

static PyObject *socket_getdefaulttimeout(PyObject *m, PyObject *unused)
{
    if (defaulttimeout < 0)
        Py_RETURN_NONE;
    return PyFloat_FromDouble(defaulttimeout);
}

static PyObject *socket_setdefaulttimeout(PyObject *m, PyObject *arg)
{
    double t;
    if (parse_timeout(arg, &t) < 0)
        return NULL;
    defaulttimeout = t;
    Py_RETURN_NONE;
}

static PyObject *socket_if_nameindex(PyObject *m, PyObject *unused)
{
    struct if_nameindex *ni = if_nameindex();
    if (ni == NULL)
        return set_error();
    PyObject *list = PyList_New(0);
    for (int i = 0; list != NULL && ni[i].if_index != 0; i++) {
        PyObject *ifname = PyUnicode_DecodeFSDefault(ni[i].if_name);
        PyObject *t = ifname ? Py_BuildValue("IN", ni[i].if_index, ifname) : NULL;
        if (t == NULL || PyList_Append(list, t) < 0)
            Py_CLEAR(list);
        Py_XDECREF(t);
    }
    if_freenameindex(ni);
    return list;
}

static PyObject *socket_if_nametoindex(PyObject *m, PyObject *args)
{
    PyObject *oname;
    if (!PyArg_ParseTuple(args, "O&:if_nametoindex", PyUnicode_FSConverter, &oname))
        return NULL;
    unsigned long index = if_nametoindex(PyBytes_AS_STRING(oname));
    Py_DECREF(oname);
    if (index == 0) {
        PyErr_SetString(PyExc_OSError, "no interface with this name");
        return NULL;
    }
    return PyLong_FromUnsignedLong(index);
}

static PyObject *socket_if_indextoname(PyObject *m, PyObject *arg)
{
    if (!PyLong_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return NULL;
    }
    unsigned long index = PyLong_AsUnsignedLong(arg);
    if (index == (unsigned long)-1 && PyErr_Occurred())
        return NULL;
    char name[IF_NAMESIZE + 1];
    if (if_indextoname((unsigned int)index, name) == NULL)
        return set_error();
    return PyUnicode_DecodeFSDefault(name);
}

static PyObject *socket_CMSG_LEN(PyObject *m, PyObject *args)
{
    Py_ssize_t length;
    if (!PyArg_ParseTuple(args, "n:CMSG_LEN", &length))
        return NULL;
    if (length < 0 || (size_t)length > (size_t)INT_MAX - CMSG_LEN(0)) {
        PyErr_Format(PyExc_OverflowError, "CMSG_LEN() argument out of range");
        return NULL;
    }
    return PyLong_FromSize_t(CMSG_LEN((size_t)length));
}

static PyObject *socket_CMSG_SPACE(PyObject *m, PyObject *args)
{
    Py_ssize_t length;
    if (!PyArg_ParseTuple(args, "n:CMSG_SPACE", &length))
        return NULL;
    if (length < 0 || (size_t)length > (size_t)INT_MAX - CMSG_SPACE(1)) {
        PyErr_Format(PyExc_OverflowError, "CMSG_SPACE() argument out of range");
        return NULL;
    }
    return PyLong_FromSize_t(CMSG_SPACE((size_t)length));
}

#define VA(name, doc) {#name, socket_##name, METH_VARARGS, doc}
#define O1(name, doc) {#name, socket_##name, METH_O, doc}
#define NA(name, doc) {#name, socket_##name, METH_NOARGS, doc}

static PyMethodDef socket_methods[] = {
    VA(gethostbyname, "gethostbyname(host) -> address\n\nReturn the IP address (a string of the form '255.255.255.255') for a host."),
    VA(gethostbyname_ex, "gethostbyname_ex(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."),
    VA(gethostbyaddr, "gethostbyaddr(host) -> (name, aliaslist, addresslist)\n\nReturn the true host name, a list of aliases, and a list of IP addresses,\nfor a host.  The host argument is a string giving a host name or IP number."),
    NA(gethostname, "gethostname() -> string\n\nReturn the current host name."),
    VA(sethostname, "sethostname(name)\n\nSets the hostname to name."),
    VA(getservbyname, "getservbyname(servicename[, protocolname]) -> integer\n\nReturn a port number from a service name and protocol name."),
    VA(getservbyport, "getservbyport(port[, protocolname]) -> string\n\nReturn the service name from a port number and protocol name."),
    VA(getprotobyname, "getprotobyname(name) -> integer\n\nReturn the protocol number for the named protocol.  (Rarely used.)"),
    O1(close, "close(integer) -> None\n\nClose an integer socket file descriptor."),
    O1(dup, "dup(integer) -> integer\n\nDuplicate an integer socket file descriptor."),
    VA(socketpair, "socketpair([family[, type [, proto]]]) -> (socket object, socket object)"),
    O1(ntohs, "ntohs(integer) -> integer\n\nConvert a 16-bit unsigned integer from network to host byte order."),
    O1(ntohl, "ntohl(integer) -> integer\n\nConvert a 32-bit integer from network to host byte order."),
    O1(htons, "htons(integer) -> integer\n\nConvert a 16-bit unsigned integer from host to network byte order."),
    O1(htonl, "htonl(integer) -> integer\n\nConvert a 32-bit integer from host to network byte order."),
    VA(inet_aton, "inet_aton(string) -> bytes giving packed 32-bit IP representation"),
    VA(inet_ntoa, "inet_ntoa(packed_ip) -> ip_address_string"),
    VA(inet_pton, "inet_pton(af, ip) -> packed IP address string"),
    VA(inet_ntop, "inet_ntop(af, packed_ip) -> string formatted IP address"),
    {"getaddrinfo", (PyCFunction)(void (*)(void))socket_getaddrinfo, METH_VARARGS | METH_KEYWORDS,
     "getaddrinfo(host, port [, family, type, proto, flags])\n    -> list of (family, type, proto, canonname, sockaddr)\n\nResolve host and port into addrinfo struct."},
    VA(getnameinfo, "getnameinfo(sockaddr, flags) --> (host, port)\n\nGet host and port for a sockaddr."),
    NA(getdefaulttimeout, "getdefaulttimeout() -> timeout\n\nReturns the default timeout in seconds (float) for new socket objects."),
    O1(setdefaulttimeout, "setdefaulttimeout(timeout)\n\nSet the default timeout in seconds (float) for new socket objects."),
    NA(if_nameindex, "if_nameindex()\n\nReturns a list of network interface information (index, name) tuples."),
    VA(if_nametoindex, "if_nametoindex(if_name)\n\nReturns the interface index corresponding to the interface name if_name."),
    O1(if_indextoname, "if_indextoname(if_index)\n\nReturns the interface name corresponding to the interface index if_index."),
    VA(CMSG_LEN, "CMSG_LEN(length) -> control message length"),
    VA(CMSG_SPACE, "CMSG_SPACE(length) -> buffer size"),
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef socketmodule = {
    PyModuleDef_HEAD_INIT, "_socket",
    "Implementation module for socket operations.\n\nSee the socket module for documentation.",
    -1, socket_methods, NULL, NULL, NULL, NULL,
};

#define C(n) {#n, (long)(n)}
static const struct { const char *name; long value; } int_constants[] = {
    C(AF_ALG), C(AF_APPLETALK), C(AF_ASH), C(AF_ATMPVC), C(AF_ATMSVC), C(AF_AX25),
    C(AF_BLUETOOTH), C(AF_BRIDGE), C(AF_CAN), C(AF_ECONET), C(AF_INET), C(AF_INET6),
    C(AF_IPX), C(AF_IRDA), C(AF_KEY), C(AF_LLC), C(AF_NETBEUI), C(AF_NETLINK), C(AF_NETROM),
    C(AF_PACKET), C(AF_PPPOX), C(AF_QIPCRTR), C(AF_RDS), C(AF_ROSE), C(AF_ROUTE),
    C(AF_SECURITY), C(AF_SNA), C(AF_TIPC), C(AF_UNIX), C(AF_UNSPEC), C(AF_VSOCK),
    C(AF_WANPIPE), C(AF_X25), C(AI_ADDRCONFIG), C(AI_ALL), C(AI_CANONNAME),
    C(AI_NUMERICHOST), C(AI_NUMERICSERV), C(AI_PASSIVE), C(AI_V4MAPPED), C(ALG_OP_DECRYPT),
    C(ALG_OP_ENCRYPT), C(ALG_SET_AEAD_ASSOCLEN), C(ALG_SET_AEAD_AUTHSIZE), C(ALG_SET_IV),
    C(ALG_SET_KEY), C(ALG_SET_OP), C(CAN_BCM), C(CAN_EFF_FLAG), C(CAN_EFF_MASK),
    C(CAN_ERR_FLAG), C(CAN_ERR_MASK), C(CAN_ISOTP), C(CAN_J1939), C(CAN_RAW),
    C(CAN_RTR_FLAG), C(CAN_SFF_MASK), C(EAI_ADDRFAMILY), C(EAI_AGAIN), C(EAI_BADFLAGS),
    C(EAI_FAIL), C(EAI_FAMILY), C(EAI_MEMORY), C(EAI_NODATA), C(EAI_NONAME),
    C(EAI_OVERFLOW), C(EAI_SERVICE), C(EAI_SOCKTYPE), C(EAI_SYSTEM),
    C(INADDR_ALLHOSTS_GROUP), C(INADDR_ANY), C(INADDR_BROADCAST), C(INADDR_LOOPBACK),
    C(INADDR_MAX_LOCAL_GROUP), C(INADDR_NONE), C(INADDR_UNSPEC_GROUP),
    {"IOCTL_VM_SOCKETS_GET_LOCAL_CID", 0x7b9},   /* _IO(7, 0xb9): not a constant expression */
    C(IPPORT_RESERVED), C(IPPROTO_AH),
    C(IPPROTO_DSTOPTS), C(IPPROTO_EGP), C(IPPROTO_ESP), C(IPPROTO_FRAGMENT), C(IPPROTO_GRE),
    C(IPPROTO_HOPOPTS), C(IPPROTO_ICMP), C(IPPROTO_ICMPV6), C(IPPROTO_IDP), C(IPPROTO_IGMP),
    C(IPPROTO_IP), C(IPPROTO_IPIP), C(IPPROTO_IPV6), C(IPPROTO_MPTCP), C(IPPROTO_NONE),
    C(IPPROTO_PIM), C(IPPROTO_PUP), C(IPPROTO_RAW), C(IPPROTO_ROUTING), C(IPPROTO_RSVP),
    C(IPPROTO_SCTP), C(IPPROTO_TCP), C(IPPROTO_TP), C(IPPROTO_UDP), C(IPPROTO_UDPLITE),
    C(IPV6_CHECKSUM), C(IPV6_DONTFRAG), C(IPV6_DSTOPTS), C(IPV6_HOPLIMIT), C(IPV6_HOPOPTS),
    C(IPV6_JOIN_GROUP), C(IPV6_LEAVE_GROUP), C(IPV6_MULTICAST_HOPS), C(IPV6_MULTICAST_IF),
    C(IPV6_MULTICAST_LOOP), C(IPV6_NEXTHOP), C(IPV6_PATHMTU), C(IPV6_PKTINFO),
    C(IPV6_RECVDSTOPTS), C(IPV6_RECVHOPLIMIT), C(IPV6_RECVHOPOPTS), C(IPV6_RECVPATHMTU),
    C(IPV6_RECVPKTINFO), C(IPV6_RECVRTHDR), C(IPV6_RECVTCLASS), C(IPV6_RTHDR),
    C(IPV6_RTHDRDSTOPTS), C(IPV6_RTHDR_TYPE_0), C(IPV6_TCLASS), C(IPV6_UNICAST_HOPS),
    C(IPV6_V6ONLY), C(IP_ADD_MEMBERSHIP), C(IP_BIND_ADDRESS_NO_PORT),
    C(IP_DEFAULT_MULTICAST_LOOP), C(IP_DEFAULT_MULTICAST_TTL), C(IP_DROP_MEMBERSHIP),
    C(IP_HDRINCL), C(IP_MAX_MEMBERSHIPS), C(IP_MULTICAST_IF), C(IP_MULTICAST_LOOP),
    C(IP_MULTICAST_TTL), C(IP_OPTIONS), C(IP_RECVOPTS), C(IP_RECVRETOPTS), C(IP_RECVTOS),
    C(IP_RETOPTS), C(IP_TOS), C(IP_TRANSPARENT), C(IP_TTL), C(J1939_FILTER_MAX),
    C(J1939_IDLE_ADDR), C(J1939_MAX_UNICAST_ADDR), C(J1939_NO_ADDR), C(J1939_NO_NAME),
    C(J1939_NO_PGN), C(J1939_PGN_ADDRESS_CLAIMED), C(J1939_PGN_ADDRESS_COMMANDED),
    C(J1939_PGN_MAX), C(J1939_PGN_PDU1_MAX), C(J1939_PGN_REQUEST), C(MSG_CMSG_CLOEXEC),
    C(MSG_CONFIRM), C(MSG_CTRUNC), C(MSG_DONTROUTE), C(MSG_DONTWAIT), C(MSG_EOR),
    C(MSG_ERRQUEUE), C(MSG_FASTOPEN), C(MSG_MORE), C(MSG_NOSIGNAL), C(MSG_OOB), C(MSG_PEEK),
    C(MSG_TRUNC), C(MSG_WAITALL), C(NETLINK_CRYPTO), C(NETLINK_DNRTMSG),
    C(NETLINK_FIREWALL), C(NETLINK_IP6_FW), C(NETLINK_NFLOG), C(NETLINK_ROUTE),
    C(NETLINK_USERSOCK), C(NETLINK_XFRM), C(NI_DGRAM), C(NI_MAXHOST), C(NI_MAXSERV),
    C(NI_NAMEREQD), C(NI_NOFQDN), C(NI_NUMERICHOST), C(NI_NUMERICSERV), C(PACKET_BROADCAST),
    C(PACKET_FASTROUTE), C(PACKET_HOST), C(PACKET_LOOPBACK), C(PACKET_MULTICAST),
    C(PACKET_OTHERHOST), C(PACKET_OUTGOING), C(PF_CAN), C(PF_PACKET), C(PF_RDS),
    C(SCM_CREDENTIALS), C(SCM_RIGHTS), C(SHUT_RD), C(SHUT_RDWR), C(SHUT_WR),
    C(SOCK_CLOEXEC), C(SOCK_DGRAM), C(SOCK_NONBLOCK), C(SOCK_RAW), C(SOCK_RDM),
    C(SOCK_SEQPACKET), C(SOCK_STREAM), C(SOL_ALG), C(SOL_CAN_BASE), C(SOL_CAN_RAW),
    C(SOL_IP), C(SOL_RDS), C(SOL_SOCKET), C(SOL_TCP), C(SOL_TIPC), C(SOMAXCONN),
    C(SO_ACCEPTCONN), C(SO_BINDTODEVICE), C(SO_BROADCAST), C(SO_DEBUG), C(SO_DOMAIN),
    C(SO_DONTROUTE), C(SO_ERROR), C(SO_INCOMING_CPU), C(SO_KEEPALIVE), C(SO_LINGER),
    C(SO_MARK), C(SO_OOBINLINE), C(SO_PASSCRED), C(SO_PASSSEC), C(SO_PEERCRED),
    C(SO_PEERSEC), C(SO_PRIORITY), C(SO_PROTOCOL), C(SO_RCVBUF), C(SO_RCVLOWAT),
    C(SO_RCVTIMEO), C(SO_REUSEADDR), C(SO_REUSEPORT), C(SO_SNDBUF), C(SO_SNDLOWAT),
    C(SO_SNDTIMEO), C(SO_TYPE), C(SO_VM_SOCKETS_BUFFER_MAX_SIZE),
    C(SO_VM_SOCKETS_BUFFER_MIN_SIZE), C(SO_VM_SOCKETS_BUFFER_SIZE), C(TCP_CONGESTION),
    C(TCP_CORK), C(TCP_DEFER_ACCEPT), C(TCP_FASTOPEN), C(TCP_INFO), C(TCP_KEEPCNT),
    C(TCP_KEEPIDLE), C(TCP_KEEPINTVL), C(TCP_LINGER2), C(TCP_MAXSEG), C(TCP_NODELAY),
    C(TCP_NOTSENT_LOWAT), C(TCP_QUICKACK), C(TCP_SYNCNT), C(TCP_USER_TIMEOUT),
    C(TCP_WINDOW_CLAMP), C(TIPC_ADDR_ID), C(TIPC_ADDR_NAME), C(TIPC_ADDR_NAMESEQ),
    C(TIPC_CFG_SRV), C(TIPC_CONN_TIMEOUT), C(TIPC_CRITICAL_IMPORTANCE),
    C(TIPC_DEST_DROPPABLE), C(TIPC_HIGH_IMPORTANCE), C(TIPC_IMPORTANCE),
    C(TIPC_LOW_IMPORTANCE), C(TIPC_MEDIUM_IMPORTANCE), C(TIPC_PUBLISHED),
    C(TIPC_SRC_DROPPABLE), C(TIPC_SUBSCR_TIMEOUT), C(TIPC_SUB_CANCEL), C(TIPC_SUB_PORTS),
    C(TIPC_SUB_SERVICE), C(TIPC_TOP_SRV), C(TIPC_WAIT_FOREVER), C(TIPC_WITHDRAWN),
    C(TIPC_ZONE_SCOPE), C(VMADDR_CID_ANY), C(VMADDR_CID_HOST), C(VMADDR_PORT_ANY),
    C(VM_SOCKETS_INVALID_VERSION),
    /* not in this system's headers (enums or Bluetooth/J1939/BCM headers absent): the
     * Linux ABI values */
    {"ALG_OP_SIGN", 2}, {"ALG_OP_VERIFY", 3}, {"ALG_SET_PUBKEY", 6}, {"BTPROTO_HCI", 1},
    {"BTPROTO_L2CAP", 0}, {"BTPROTO_RFCOMM", 3}, {"BTPROTO_SCO", 2},
    {"CAN_BCM_CAN_FD_FRAME", 2048}, {"CAN_BCM_RX_ANNOUNCE_RESUME", 256},
    {"CAN_BCM_RX_CHANGED", 12}, {"CAN_BCM_RX_CHECK_DLC", 64}, {"CAN_BCM_RX_DELETE", 6},
    {"CAN_BCM_RX_FILTER_ID", 32}, {"CAN_BCM_RX_NO_AUTOTIMER", 128}, {"CAN_BCM_RX_READ", 7},
    {"CAN_BCM_RX_RTR_FRAME", 1024}, {"CAN_BCM_RX_SETUP", 5}, {"CAN_BCM_RX_STATUS", 10},
    {"CAN_BCM_RX_TIMEOUT", 11}, {"CAN_BCM_SETTIMER", 1}, {"CAN_BCM_STARTTIMER", 2},
    {"CAN_BCM_TX_ANNOUNCE", 8}, {"CAN_BCM_TX_COUNTEVT", 4}, {"CAN_BCM_TX_CP_CAN_ID", 16},
    {"CAN_BCM_TX_DELETE", 2}, {"CAN_BCM_TX_EXPIRED", 9}, {"CAN_BCM_TX_READ", 3},
    {"CAN_BCM_TX_RESET_MULTI_IDX", 512}, {"CAN_BCM_TX_SEND", 4}, {"CAN_BCM_TX_SETUP", 1},
    {"CAN_BCM_TX_STATUS", 8}, {"CAN_RAW_FD_FRAMES", 5}, {"CAN_RAW_FILTER", 1},
    {"CAN_RAW_JOIN_FILTERS", 6}, {"CAN_RAW_LOOPBACK", 3}, {"CAN_RAW_RECV_OWN_MSGS", 4},
    {"HCI_DATA_DIR", 1}, {"HCI_FILTER", 2}, {"HCI_TIME_STAMP", 3},
    {"IPPORT_USERRESERVED", 5000}, {"J1939_EE_INFO_NONE", 0}, {"J1939_EE_INFO_TX_ABORT", 1},
    {"J1939_NLA_BYTES_ACKED", 1}, {"J1939_NLA_PAD", 0}, {"SCM_J1939_DEST_ADDR", 1},
    {"SCM_J1939_DEST_NAME", 2}, {"SCM_J1939_ERRQUEUE", 4}, {"SCM_J1939_PRIO", 3},
    {"SOL_HCI", 0}, {"SOL_UDP", 17}, {"SO_J1939_ERRQUEUE", 4}, {"SO_J1939_FILTER", 1},
    {"SO_J1939_PROMISC", 2}, {"SO_J1939_SEND_PRIO", 3}, {"TIPC_CLUSTER_SCOPE", 2},
    {"TIPC_NODE_SCOPE", 3}, {"UDPLITE_RECV_CSCOV", 11}, {"UDPLITE_SEND_CSCOV", 10},
    {NULL, 0},
};
#undef C

PyObject *PyInit__socket(void)
{
    if (PyType_Ready(&sock_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&socketmodule);
    if (m == NULL)
        return NULL;
    if (socket_herror == NULL) {
        socket_herror = PyErr_NewException("socket.herror", PyExc_OSError, NULL);
        socket_gaierror = PyErr_NewException("socket.gaierror", PyExc_OSError, NULL);
        if (socket_herror == NULL || socket_gaierror == NULL)
            goto fail;
    }
    if (PyModule_AddObjectRef(m, "error", PyExc_OSError) < 0 ||
        PyModule_AddObjectRef(m, "herror", socket_herror) < 0 ||
        PyModule_AddObjectRef(m, "gaierror", socket_gaierror) < 0 ||
        PyModule_AddObjectRef(m, "timeout", PyExc_TimeoutError) < 0 ||
        PyModule_AddObjectRef(m, "SocketType", (PyObject *)&sock_type) < 0 ||
        PyModule_AddObjectRef(m, "socket", (PyObject *)&sock_type) < 0 ||
        PyModule_AddObjectRef(m, "has_ipv6", Py_True) < 0 ||
        PyModule_AddStringConstant(m, "BDADDR_ANY", "00:00:00:00:00:00") < 0 ||
        PyModule_AddStringConstant(m, "BDADDR_LOCAL", "00:00:00:FF:FF:FF") < 0 ||
        PyModule_AddIntConstant(m, "AF_DECnet", 12) < 0)
        goto fail;
    for (int i = 0; int_constants[i].name != NULL; i++)
        if (PyModule_AddIntConstant(m, int_constants[i].name, int_constants[i].value) < 0)
            goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
