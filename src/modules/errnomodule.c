/* errnomodule.c — the `errno` module: every E* constant this platform defines, as module
 * attributes and in the errorcode {code: name} dict.  Owner: modules-os.
 * The names (in CPython's errorcode order) are added only if <errno.h> defines them. */
#include "Python.h"
#include <errno.h>

static int add_code(PyObject *m, PyObject *codes, const char *name, int code)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *v = PyLong_FromLong(code);
    int r = -1;
    if (n && v && PyObject_SetAttr(m, n, v) == 0 && PyDict_SetItem(codes, v, n) == 0)
        r = 0;
    Py_XDECREF(n);
    Py_XDECREF(v);
    return r;
}

static struct PyModuleDef errnomodule = {
    PyModuleDef_HEAD_INIT, "errno",
    "This module makes available standard errno system symbols.\n\n"
    "The value of each symbol is the corresponding integer value,\n"
    "e.g., on most systems, errno.ENOENT equals the integer 2.\n\n"
    "The dictionary errno.errorcode maps numeric codes to symbol names,\n"
    "e.g., errno.errorcode[2] could be the string 'ENOENT'.\n\n"
    "Symbols that are not relevant to the underlying system are not defined.\n\n"
    "To map error codes to error messages, use the function os.strerror(),\n"
    "e.g. os.strerror(2) could return 'No such file or directory'.",
    -1, NULL, NULL, NULL, NULL, NULL,
};

PyObject *PyInit_errno(void)
{
    PyObject *m = PyModule_Create(&errnomodule);
    PyObject *codes = PyDict_New();
    if (m == NULL || codes == NULL || PyModule_AddObjectRef(m, "errorcode", codes) < 0)
        goto fail;
#define ADD(name) if (add_code(m, codes, #name, name) < 0) goto fail
#define ALIAS(name) if (PyModule_AddIntConstant(m, #name, name) < 0) goto fail
#ifdef ENODEV
    ADD(ENODEV);
#endif
#ifdef ENOCSI
    ADD(ENOCSI);
#endif
#ifdef EHOSTUNREACH
    ADD(EHOSTUNREACH);
#endif
#ifdef ENOMSG
    ADD(ENOMSG);
#endif
#ifdef EUCLEAN
    ADD(EUCLEAN);
#endif
#ifdef EL2NSYNC
    ADD(EL2NSYNC);
#endif
#ifdef EL2HLT
    ADD(EL2HLT);
#endif
#ifdef ENODATA
    ADD(ENODATA);
#endif
#ifdef ENOTBLK
    ADD(ENOTBLK);
#endif
#ifdef ENOSYS
    ADD(ENOSYS);
#endif
#ifdef EPIPE
    ADD(EPIPE);
#endif
#ifdef EINVAL
    ADD(EINVAL);
#endif
#ifdef EOVERFLOW
    ADD(EOVERFLOW);
#endif
#ifdef EADV
    ADD(EADV);
#endif
#ifdef EINTR
    ADD(EINTR);
#endif
#ifdef EUSERS
    ADD(EUSERS);
#endif
#ifdef ENOTEMPTY
    ADD(ENOTEMPTY);
#endif
#ifdef ENOBUFS
    ADD(ENOBUFS);
#endif
#ifdef EPROTO
    ADD(EPROTO);
#endif
#ifdef EREMOTE
    ADD(EREMOTE);
#endif
#ifdef ENAVAIL
    ADD(ENAVAIL);
#endif
#ifdef ECHILD
    ADD(ECHILD);
#endif
#ifdef ELOOP
    ADD(ELOOP);
#endif
#ifdef EXDEV
    ADD(EXDEV);
#endif
#ifdef E2BIG
    ADD(E2BIG);
#endif
#ifdef ESRCH
    ADD(ESRCH);
#endif
#ifdef EMSGSIZE
    ADD(EMSGSIZE);
#endif
#ifdef EAFNOSUPPORT
    ADD(EAFNOSUPPORT);
#endif
#ifdef EBADR
    ADD(EBADR);
#endif
#ifdef EHOSTDOWN
    ADD(EHOSTDOWN);
#endif
#ifdef EPFNOSUPPORT
    ADD(EPFNOSUPPORT);
#endif
#ifdef ENOPROTOOPT
    ADD(ENOPROTOOPT);
#endif
#ifdef EBUSY
    ADD(EBUSY);
#endif
#ifdef EAGAIN
    ADD(EAGAIN);
#endif
#ifdef EBADFD
    ADD(EBADFD);
#endif
#ifdef EDOTDOT
    ADD(EDOTDOT);
#endif
#ifdef EISCONN
    ADD(EISCONN);
#endif
#ifdef ENOANO
    ADD(ENOANO);
#endif
#ifdef ESHUTDOWN
    ADD(ESHUTDOWN);
#endif
#ifdef ECHRNG
    ADD(ECHRNG);
#endif
#ifdef ELIBBAD
    ADD(ELIBBAD);
#endif
#ifdef ENONET
    ADD(ENONET);
#endif
#ifdef EBADE
    ADD(EBADE);
#endif
#ifdef EBADF
    ADD(EBADF);
#endif
#ifdef EMULTIHOP
    ADD(EMULTIHOP);
#endif
#ifdef EIO
    ADD(EIO);
#endif
#ifdef EUNATCH
    ADD(EUNATCH);
#endif
#ifdef EPROTOTYPE
    ADD(EPROTOTYPE);
#endif
#ifdef ENOSPC
    ADD(ENOSPC);
#endif
#ifdef ENOEXEC
    ADD(ENOEXEC);
#endif
#ifdef EALREADY
    ADD(EALREADY);
#endif
#ifdef ENETDOWN
    ADD(ENETDOWN);
#endif
#ifdef ENOTNAM
    ADD(ENOTNAM);
#endif
#ifdef EACCES
    ADD(EACCES);
#endif
#ifdef ELNRNG
    ADD(ELNRNG);
#endif
#ifdef EILSEQ
    ADD(EILSEQ);
#endif
#ifdef ENOTDIR
    ADD(ENOTDIR);
#endif
#ifdef ENOTUNIQ
    ADD(ENOTUNIQ);
#endif
#ifdef EPERM
    ADD(EPERM);
#endif
#ifdef EDOM
    ADD(EDOM);
#endif
#ifdef EXFULL
    ADD(EXFULL);
#endif
#ifdef ECONNREFUSED
    ADD(ECONNREFUSED);
#endif
#ifdef EISDIR
    ADD(EISDIR);
#endif
#ifdef EPROTONOSUPPORT
    ADD(EPROTONOSUPPORT);
#endif
#ifdef EROFS
    ADD(EROFS);
#endif
#ifdef EADDRNOTAVAIL
    ADD(EADDRNOTAVAIL);
#endif
#ifdef EIDRM
    ADD(EIDRM);
#endif
#ifdef ECOMM
    ADD(ECOMM);
#endif
#ifdef ESRMNT
    ADD(ESRMNT);
#endif
#ifdef EREMOTEIO
    ADD(EREMOTEIO);
#endif
#ifdef EL3RST
    ADD(EL3RST);
#endif
#ifdef EBADMSG
    ADD(EBADMSG);
#endif
#ifdef ENFILE
    ADD(ENFILE);
#endif
#ifdef ELIBMAX
    ADD(ELIBMAX);
#endif
#ifdef ESPIPE
    ADD(ESPIPE);
#endif
#ifdef ENOLINK
    ADD(ENOLINK);
#endif
#ifdef ENETRESET
    ADD(ENETRESET);
#endif
#ifdef ETIMEDOUT
    ADD(ETIMEDOUT);
#endif
#ifdef ENOENT
    ADD(ENOENT);
#endif
#ifdef EEXIST
    ADD(EEXIST);
#endif
#ifdef EDQUOT
    ADD(EDQUOT);
#endif
#ifdef ENOSTR
    ADD(ENOSTR);
#endif
#ifdef EBADSLT
    ADD(EBADSLT);
#endif
#ifdef EBADRQC
    ADD(EBADRQC);
#endif
#ifdef ELIBACC
    ADD(ELIBACC);
#endif
#ifdef EFAULT
    ADD(EFAULT);
#endif
#ifdef EFBIG
    ADD(EFBIG);
#endif
#ifdef EDEADLOCK
    ADD(EDEADLOCK);
#endif
#ifdef ENOTCONN
    ADD(ENOTCONN);
#endif
#ifdef EDESTADDRREQ
    ADD(EDESTADDRREQ);
#endif
#ifdef ELIBSCN
    ADD(ELIBSCN);
#endif
#ifdef ENOLCK
    ADD(ENOLCK);
#endif
#ifdef EISNAM
    ADD(EISNAM);
#endif
#ifdef ECONNABORTED
    ADD(ECONNABORTED);
#endif
#ifdef ENETUNREACH
    ADD(ENETUNREACH);
#endif
#ifdef ESTALE
    ADD(ESTALE);
#endif
#ifdef ENOSR
    ADD(ENOSR);
#endif
#ifdef ENOMEM
    ADD(ENOMEM);
#endif
#ifdef ENOTSOCK
    ADD(ENOTSOCK);
#endif
#ifdef ESTRPIPE
    ADD(ESTRPIPE);
#endif
#ifdef EMLINK
    ADD(EMLINK);
#endif
#ifdef ERANGE
    ADD(ERANGE);
#endif
#ifdef ELIBEXEC
    ADD(ELIBEXEC);
#endif
#ifdef EL3HLT
    ADD(EL3HLT);
#endif
#ifdef ECONNRESET
    ADD(ECONNRESET);
#endif
#ifdef EADDRINUSE
    ADD(EADDRINUSE);
#endif
#ifdef ENOTSUP
    ADD(ENOTSUP);
#endif
#ifdef EREMCHG
    ADD(EREMCHG);
#endif
#ifdef ENAMETOOLONG
    ADD(ENAMETOOLONG);
#endif
#ifdef ENOTTY
    ADD(ENOTTY);
#endif
#ifdef ERESTART
    ADD(ERESTART);
#endif
#ifdef ESOCKTNOSUPPORT
    ADD(ESOCKTNOSUPPORT);
#endif
#ifdef ETIME
    ADD(ETIME);
#endif
#ifdef EBFONT
    ADD(EBFONT);
#endif
#ifdef ETOOMANYREFS
    ADD(ETOOMANYREFS);
#endif
#ifdef EMFILE
    ADD(EMFILE);
#endif
#ifdef ETXTBSY
    ADD(ETXTBSY);
#endif
#ifdef EINPROGRESS
    ADD(EINPROGRESS);
#endif
#ifdef ENXIO
    ADD(ENXIO);
#endif
#ifdef ENOPKG
    ADD(ENOPKG);
#endif
#ifdef ENOMEDIUM
    ADD(ENOMEDIUM);
#endif
#ifdef EMEDIUMTYPE
    ADD(EMEDIUMTYPE);
#endif
#ifdef ECANCELED
    ADD(ECANCELED);
#endif
#ifdef ENOKEY
    ADD(ENOKEY);
#endif
#ifdef EKEYEXPIRED
    ADD(EKEYEXPIRED);
#endif
#ifdef EKEYREVOKED
    ADD(EKEYREVOKED);
#endif
#ifdef EKEYREJECTED
    ADD(EKEYREJECTED);
#endif
#ifdef EOWNERDEAD
    ADD(EOWNERDEAD);
#endif
#ifdef ENOTRECOVERABLE
    ADD(ENOTRECOVERABLE);
#endif
#ifdef ERFKILL
    ADD(ERFKILL);
#endif
    /* aliases of codes above: attributes only, errorcode keeps the first name */
#ifdef EDEADLK
    ALIAS(EDEADLK);
#endif
#ifdef EOPNOTSUPP
    ALIAS(EOPNOTSUPP);
#endif
#ifdef EWOULDBLOCK
    ALIAS(EWOULDBLOCK);
#endif
#undef ADD
#undef ALIAS
    Py_DECREF(codes);
    return m;
fail:
    Py_XDECREF(codes);
    Py_XDECREF(m);
    return NULL;
}
