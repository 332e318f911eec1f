/* pwdmodule.c — the `pwd` module: the Unix password database (getpwuid, getpwnam,
 * getpwall) returning pwd.struct_passwd, a struct sequence from runtime's structseq.c.
 * Owner: modules-data.  uid arguments are converted with CPython's _Py_Uid_Converter
 * rules (and messages); strings are decoded with the filesystem encoding. */
#include "Python.h"
#include "posixmodule.h"
#include <pwd.h>
#include <errno.h>
#include <unistd.h>
#include <string.h>

static PyStructSequence_Field struct_pwd_type_fields[] = {
    {"pw_name", "user name"},
    {"pw_passwd", "password"},
    {"pw_uid", "user id"},
    {"pw_gid", "group id"},
    {"pw_gecos", "real name"},
    {"pw_dir", "home directory"},
    {"pw_shell", "shell program"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_pwd_type_desc = {
    "pwd.struct_passwd",
    "pwd.struct_passwd: Results from getpw*() routines.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n"
    "or via the object attributes as named in the above tuple.",
    struct_pwd_type_fields,
    7,
};

static PyTypeObject *StructPwdType;

static PyObject *mkpwent(struct passwd *p)
{
    PyObject *v = PyStructSequence_New(StructPwdType);
    if (v == NULL)
        return NULL;
    const char *strs[] = {p->pw_name, p->pw_passwd, NULL, NULL, p->pw_gecos, p->pw_dir, p->pw_shell};
    for (int i = 0; i < 7; i++) {
        PyObject *item;
        if (i == 2)
            item = _PyLong_FromUid(p->pw_uid);
        else if (i == 3)
            item = p->pw_gid == (gid_t)-1 ? PyLong_FromLong(-1) : PyLong_FromUnsignedLong(p->pw_gid);
        else if (strs[i])
            item = PyUnicode_DecodeFSDefault(strs[i]);
        else {
            item = Py_None;
            Py_INCREF(item);
        }
        if (item == NULL) {
            Py_DECREF(v);
            return NULL;
        }
        PyStructSequence_SetItem(v, i, item);
    }
    return v;
}

/* getpw*_r with a buffer that grows on ERANGE. */
static PyObject *pwd_getpwuid(PyObject *module, PyObject *uidobj)
{
    uid_t uid = 0;
    if (!_Py_Uid_Converter(uidobj, &uid)) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError))
            PyErr_Format(PyExc_KeyError, "getpwuid(): uid not found");
        return NULL;
    }
    long bufsize = sysconf(_SC_GETPW_R_SIZE_MAX);
    if (bufsize <= 0)
        bufsize = 1024;
    struct passwd pwd, *p = NULL;
    char *buf = NULL;
    int status;
    for (;;) {
        char *nbuf = PyMem_RawRealloc(buf, bufsize);
        if (nbuf == NULL) {
            PyMem_RawFree(buf);
            return PyErr_NoMemory();
        }
        buf = nbuf;
        Py_BEGIN_ALLOW_THREADS
        status = getpwuid_r(uid, &pwd, buf, bufsize, &p);
        Py_END_ALLOW_THREADS
        if (status != ERANGE)
            break;
        bufsize <<= 1;
    }
    if (p == NULL) {
        PyMem_RawFree(buf);
        if (status == ENOMEM)
            return PyErr_NoMemory();
        PyObject *uid_obj = _PyLong_FromUid(uid);
        if (uid_obj == NULL)
            return NULL;
        PyErr_Format(PyExc_KeyError, "getpwuid(): uid not found: %S", uid_obj);
        Py_DECREF(uid_obj);
        return NULL;
    }
    PyObject *retval = mkpwent(p);
    PyMem_RawFree(buf);
    return retval;
}

static PyObject *pwd_getpwnam(PyObject *module, PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "getpwnam() argument must be str, not %.50s",
                     Py_TYPE(name)->tp_name);
        return NULL;
    }
    PyObject *bytes = PyUnicode_EncodeFSDefault(name);
    if (bytes == NULL)
        return NULL;
    const char *name_chars = PyBytes_AS_STRING(bytes);
    if ((size_t)PyBytes_GET_SIZE(bytes) != strlen(name_chars)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(bytes);
        return NULL;
    }
    long bufsize = sysconf(_SC_GETPW_R_SIZE_MAX);
    if (bufsize <= 0)
        bufsize = 1024;
    struct passwd pwd, *p = NULL;
    char *buf = NULL;
    int status;
    for (;;) {
        char *nbuf = PyMem_RawRealloc(buf, bufsize);
        if (nbuf == NULL) {
            PyMem_RawFree(buf);
            Py_DECREF(bytes);
            return PyErr_NoMemory();
        }
        buf = nbuf;
        Py_BEGIN_ALLOW_THREADS
        status = getpwnam_r(name_chars, &pwd, buf, bufsize, &p);
        Py_END_ALLOW_THREADS
        if (status != ERANGE)
            break;
        bufsize <<= 1;
    }
    Py_DECREF(bytes);
    if (p == NULL) {
        PyMem_RawFree(buf);
        if (status == ENOMEM)
            return PyErr_NoMemory();
        PyErr_Format(PyExc_KeyError, "getpwnam(): name not found: %R", name);
        return NULL;
    }
    PyObject *retval = mkpwent(p);
    PyMem_RawFree(buf);
    return retval;
}

static PyObject *pwd_getpwall(PyObject *module, PyObject *unused)
{
    PyObject *d = PyList_New(0);
    if (d == NULL)
        return NULL;
    struct passwd *p;
    setpwent();
    while ((p = getpwent()) != NULL) {
        PyObject *v = mkpwent(p);
        if (v == NULL || PyList_Append(d, v) != 0) {
            Py_XDECREF(v);
            Py_DECREF(d);
            endpwent();
            return NULL;
        }
        Py_DECREF(v);
    }
    endpwent();
    return d;
}

static PyMethodDef pwd_methods[] = {
    {"getpwuid", pwd_getpwuid, METH_O,
     "getpwuid($module, uidobj, /)\n--\n\nReturn the password database entry for the given numeric user ID.\n\n"
     "See `help(pwd)` for more on password database entries."},
    {"getpwnam", pwd_getpwnam, METH_O,
     "getpwnam($module, name, /)\n--\n\nReturn the password database entry for the given user name.\n\n"
     "See `help(pwd)` for more on password database entries."},
    {"getpwall", pwd_getpwall, METH_NOARGS,
     "getpwall($module, /)\n--\n\nReturn a list of all available password database entries, in arbitrary order.\n\n"
     "See help(pwd) for more on password database entries."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef pwdmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "pwd",
    .m_doc = "This module provides access to the Unix password database.\n"
             "It is available on all Unix versions.\n\n"
             "Password database entries are reported as 7-tuples containing the following\n"
             "items from the password database (see `<pwd.h>'), in order:\n"
             "pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\n"
             "The uid and gid items are integers, all others are strings. An\n"
             "exception is raised if the entry asked for cannot be found.",
    .m_size = -1,
    .m_methods = pwd_methods,
};

PyObject *PyInit_pwd(void)
{
    PyObject *m = PyModule_Create(&pwdmodule);
    if (m == NULL)
        return NULL;
    if (StructPwdType == NULL) {
        StructPwdType = PyStructSequence_NewType(&struct_pwd_type_desc);
        if (StructPwdType == NULL) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (PyModule_AddObjectRef(m, "struct_passwd", (PyObject *)StructPwdType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
