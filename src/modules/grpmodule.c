/* grpmodule.c — the `grp` module: the Unix group database (getgrgid, getgrnam,
 * getgrall) returning grp.struct_group, a struct sequence from runtime's structseq.c.
 * Owner: modules-data.  gid arguments follow CPython's _Py_Gid_Converter (and its
 * messages); names are decoded with the filesystem encoding. */
#include "Python.h"
#include "posixmodule.h"
#include <grp.h>
#include <errno.h>
#include <unistd.h>
#include <string.h>

static PyStructSequence_Field struct_group_type_fields[] = {
    {"gr_name", "group name"},
    {"gr_passwd", "password"},
    {"gr_gid", "group id"},
    {"gr_mem", "group members"},
    {NULL, NULL},
};

static PyStructSequence_Desc struct_group_type_desc = {
    "grp.struct_group",
    "grp.struct_group: Results from getgr*() routines.\n\n"
    "This object may be accessed either as a tuple of\n"
    "  (gr_name,gr_passwd,gr_gid,gr_mem)\n"
    "or via the object attributes as named in the above tuple.\n",
    struct_group_type_fields,
    4,
};

static PyTypeObject *StructGrpType;

static PyObject *mkgrent(struct group *p)
{
    PyObject *v = PyStructSequence_New(StructGrpType);
    if (v == NULL)
        return NULL;
    PyObject *w = PyList_New(0);
    if (w == NULL) {
        Py_DECREF(v);
        return NULL;
    }
    for (char **member = p->gr_mem; member && *member != NULL; member++) {
        PyObject *x = PyUnicode_DecodeFSDefault(*member);
        if (x == NULL || PyList_Append(w, x) != 0) {
            Py_XDECREF(x);
            Py_DECREF(w);
            Py_DECREF(v);
            return NULL;
        }
        Py_DECREF(x);
    }
    PyObject *items[4];
    items[0] = PyUnicode_DecodeFSDefault(p->gr_name);
    if (p->gr_passwd)
        items[1] = PyUnicode_DecodeFSDefault(p->gr_passwd);
    else {
        items[1] = Py_None;
        Py_INCREF(Py_None);
    }
    items[2] = _PyLong_FromGid(p->gr_gid);
    items[3] = w;
    for (int i = 0; i < 4; i++)
        if (items[i] == NULL) {
            for (int j = 0; j < 4; j++)
                Py_XDECREF(items[j]);
            Py_DECREF(v);
            return NULL;
        }
    for (int i = 0; i < 4; i++)
        PyStructSequence_SetItem(v, i, items[i]);
    return v;
}

/* The single positional-or-keyword parameter of getgrgid(id)/getgrnam(name), with
 * Argument Clinic's error messages. */
static int one_arg(const char *fname, const char *kwname, PyObject *const *args,
                   Py_ssize_t nargs, PyObject *kwnames, PyObject **out)
{
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    if (nargs + nkw > 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes at most 1 argument (%zd given)", fname,
                     nargs + nkw);
        return 0;
    }
    if (nargs == 1) {
        *out = args[0];
        return 1;
    }
    if (nkw == 1) {
        PyObject *k = PyTuple_GET_ITEM(kwnames, 0);
        if (PyUnicode_Check(k) && PyUnicode_CompareWithASCIIString(k, kwname) == 0) {
            *out = args[0];
            return 1;
        }
    }
    PyErr_Format(PyExc_TypeError, "%s() missing required argument '%s' (pos 1)", fname, kwname);
    return 0;
}

static PyObject *grp_getgrgid(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    PyObject *id;
    if (!one_arg("getgrgid", "id", args, nargs, kwnames, &id))
        return NULL;
    gid_t gid = 0;
    if (!_Py_Gid_Converter(id, &gid))
        return NULL;
    long bufsize = sysconf(_SC_GETGR_R_SIZE_MAX);
    if (bufsize <= 0)
        bufsize = 1024;
    struct group grp, *p = NULL;
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
        status = getgrgid_r(gid, &grp, buf, bufsize, &p);
        Py_END_ALLOW_THREADS
        if (status != ERANGE)
            break;
        bufsize <<= 1;
    }
    if (p == NULL) {
        PyMem_RawFree(buf);
        if (status == ENOMEM)
            return PyErr_NoMemory();
        PyObject *gid_obj = _PyLong_FromGid(gid);
        if (gid_obj == NULL)
            return NULL;
        PyErr_Format(PyExc_KeyError, "getgrgid(): gid not found: %S", gid_obj);
        Py_DECREF(gid_obj);
        return NULL;
    }
    PyObject *retval = mkgrent(p);
    PyMem_RawFree(buf);
    return retval;
}

static PyObject *grp_getgrnam(PyObject *module, PyObject *const *args, Py_ssize_t nargs,
                              PyObject *kwnames)
{
    PyObject *name;
    if (!one_arg("getgrnam", "name", args, nargs, kwnames, &name))
        return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "getgrnam() argument 'name' must be str, not %.50s",
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
    long bufsize = sysconf(_SC_GETGR_R_SIZE_MAX);
    if (bufsize <= 0)
        bufsize = 1024;
    struct group grp, *p = NULL;
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
        status = getgrnam_r(name_chars, &grp, buf, bufsize, &p);
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
        PyErr_Format(PyExc_KeyError, "getgrnam(): name not found: %R", name);
        return NULL;
    }
    PyObject *retval = mkgrent(p);
    PyMem_RawFree(buf);
    return retval;
}

static PyObject *grp_getgrall(PyObject *module, PyObject *unused)
{
    PyObject *d = PyList_New(0);
    if (d == NULL)
        return NULL;
    struct group *p;
    setgrent();
    while ((p = getgrent()) != NULL) {
        PyObject *v = mkgrent(p);
        if (v == NULL || PyList_Append(d, v) != 0) {
            Py_XDECREF(v);
            Py_DECREF(d);
            endgrent();
            return NULL;
        }
        Py_DECREF(v);
    }
    endgrent();
    return d;
}

static PyMethodDef grp_methods[] = {
    {"getgrgid", (PyCFunction)(void (*)(void))grp_getgrgid, METH_FASTCALL | METH_KEYWORDS,
     "getgrgid($module, /, id)\n--\n\nReturn the group database entry for the given numeric group ID.\n\n"
     "If id is not valid, raise KeyError."},
    {"getgrnam", (PyCFunction)(void (*)(void))grp_getgrnam, METH_FASTCALL | METH_KEYWORDS,
     "getgrnam($module, /, name)\n--\n\nReturn the group database entry for the given group name.\n\n"
     "If name is not valid, raise KeyError."},
    {"getgrall", grp_getgrall, METH_NOARGS,
     "getgrall($module, /)\n--\n\nReturn a list of all available group entries, in arbitrary order.\n\n"
     "An entry whose name starts with '+' or '-' represents an instruction\n"
     "to use YP/NIS and may not be accessible via getgrnam or getgrgid."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef grpmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "grp",
    .m_doc = "Access to the Unix group database.\n\n"
             "Group entries are reported as 4-tuples containing the following fields\n"
             "from the group database, in order:\n\n"
             "  gr_name   - name of the group\n"
             "  gr_passwd - group password (encrypted); often empty\n"
             "  gr_gid    - numeric ID of the group\n"
             "  gr_mem    - list of members\n\n"
             "The gid is an integer, name and password are strings.  (Note that most\n"
             "users are not explicitly listed as members of the groups they are in\n"
             "according to the password database.  Check both databases to get\n"
             "complete membership information.)",
    .m_size = -1,
    .m_methods = grp_methods,
};

PyObject *PyInit_grp(void)
{
    PyObject *m = PyModule_Create(&grpmodule);
    if (m == NULL)
        return NULL;
    if (StructGrpType == NULL) {
        StructGrpType = PyStructSequence_NewType(&struct_group_type_desc);
        if (StructGrpType == NULL) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (PyModule_AddObjectRef(m, "struct_group", (PyObject *)StructGrpType) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
