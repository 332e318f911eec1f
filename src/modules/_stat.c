/* _stat.c — the `_stat` module behind stat.py: the S_IF* and S_I* mode constants, the
 * UF_/SF_ file flags, the ST_* stat-tuple indexes, S_IS*(), S_IMODE(), S_IFMT() and
 * filemode(), as CPython's Modules/_stat.c.  Owner: modnew. */
#include "Python.h"

#define PyDoc_STR(str) str   /* docstrings are always compiled in */
#define PyDoc_STRVAR(name, str) static const char name[] = str

#include <sys/stat.h>

/* Constants the platform lacks are 0, as in CPython. */
#ifndef S_IFDOOR
#define S_IFDOOR 0
#endif
#ifndef S_IFPORT
#define S_IFPORT 0
#endif
#ifndef S_IFWHT
#define S_IFWHT 0
#endif

/* An int argument as a mode_t, with CPython's errors. */
static int as_mode(PyObject *op, mode_t *mode)
{
    if (!PyLong_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    int neg = PyObject_RichCompareBool(op, _PyLong_GetZero(), Py_LT);
    if (neg < 0)
        return -1;
    if (neg) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    unsigned long value = PyLong_AsUnsignedLong(op);
    if (value == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    *mode = (mode_t)value;
    if ((unsigned long)*mode != value) {
        PyErr_SetString(PyExc_OverflowError, "mode out of range");
        return -1;
    }
    return 0;
}

#define STAT_TEST(name, fmtbit, what)                                            \
    static PyObject *stat_##name(PyObject *module, PyObject *arg)                \
    {                                                                            \
        mode_t mode;                                                             \
        if (as_mode(arg, &mode) < 0)                                             \
            return NULL;                                                         \
        return PyBool_FromLong((fmtbit) != 0 && (mode & S_IFMT) == (fmtbit));   \
    }                                                                            \
    PyDoc_STRVAR(stat_##name##_doc, #name "(mode) -> bool\n\n"                   \
                                    "Return True if mode is from " what ".");

STAT_TEST(S_ISDIR, S_IFDIR, "a directory")
STAT_TEST(S_ISCHR, S_IFCHR, "a character special device file")
STAT_TEST(S_ISBLK, S_IFBLK, "a block special device file")
STAT_TEST(S_ISREG, S_IFREG, "a regular file")
STAT_TEST(S_ISFIFO, S_IFIFO, "a FIFO (named pipe)")
STAT_TEST(S_ISLNK, S_IFLNK, "a symbolic link")
STAT_TEST(S_ISSOCK, S_IFSOCK, "a socket")
STAT_TEST(S_ISDOOR, S_IFDOOR, "a door")
STAT_TEST(S_ISPORT, S_IFPORT, "an event port")
STAT_TEST(S_ISWHT, S_IFWHT, "a whiteout")

static PyObject *stat_S_IMODE(PyObject *module, PyObject *arg)
{
    mode_t mode;
    if (as_mode(arg, &mode) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(mode & 07777);
}

static PyObject *stat_S_IFMT(PyObject *module, PyObject *arg)
{
    mode_t mode;
    if (as_mode(arg, &mode) < 0)
        return NULL;
    return PyLong_FromUnsignedLong(mode & S_IFMT);
}

/* The ls-style character for the file type. */
static char filetype_char(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return '-';
    case S_IFBLK: return 'b';
    case S_IFDIR: return 'd';
    case S_IFCHR: return 'c';
    case S_IFLNK: return 'l';
    case S_IFSOCK: return 's';
    case S_IFIFO: return 'p';
    default: return '?';
    }
}

/* One rwx triple; the setid/sticky bit turns x into s/S (t/T for others). */
static void perm_triple(char *out, mode_t mode, int shift, mode_t special, char on, char off)
{
    out[0] = (mode & (S_IRUSR >> shift)) ? 'r' : '-';
    out[1] = (mode & (S_IWUSR >> shift)) ? 'w' : '-';
    int x = (mode & (S_IXUSR >> shift)) != 0;
    if (mode & special)
        out[2] = x ? on : off;
    else
        out[2] = x ? 'x' : '-';
}

static PyObject *stat_filemode(PyObject *module, PyObject *arg)
{
    mode_t mode;
    if (as_mode(arg, &mode) < 0)
        return NULL;
    char buf[10];
    buf[0] = filetype_char(mode);
    perm_triple(buf + 1, mode, 0, S_ISUID, 's', 'S');
    perm_triple(buf + 4, mode, 3, S_ISGID, 's', 'S');
    perm_triple(buf + 7, mode, 6, S_ISVTX, 't', 'T');
    return PyUnicode_FromStringAndSize(buf, 10);
}

static PyMethodDef stat_methods[] = {
    {"S_ISDIR", stat_S_ISDIR, METH_O, stat_S_ISDIR_doc},
    {"S_ISCHR", stat_S_ISCHR, METH_O, stat_S_ISCHR_doc},
    {"S_ISBLK", stat_S_ISBLK, METH_O, stat_S_ISBLK_doc},
    {"S_ISREG", stat_S_ISREG, METH_O, stat_S_ISREG_doc},
    {"S_ISFIFO", stat_S_ISFIFO, METH_O, stat_S_ISFIFO_doc},
    {"S_ISLNK", stat_S_ISLNK, METH_O, stat_S_ISLNK_doc},
    {"S_ISSOCK", stat_S_ISSOCK, METH_O, stat_S_ISSOCK_doc},
    {"S_ISDOOR", stat_S_ISDOOR, METH_O, stat_S_ISDOOR_doc},
    {"S_ISPORT", stat_S_ISPORT, METH_O, stat_S_ISPORT_doc},
    {"S_ISWHT", stat_S_ISWHT, METH_O, stat_S_ISWHT_doc},
    {"S_IMODE", stat_S_IMODE, METH_O,
     PyDoc_STR("Return the portion of the file's mode that can be set by os.chmod().")},
    {"S_IFMT", stat_S_IFMT, METH_O,
     PyDoc_STR("Return the portion of the file's mode that describes the file type.")},
    {"filemode", stat_filemode, METH_O,
     PyDoc_STR("Convert a file's mode to a string of the form '-rwxrwxrwx'")},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(stat_doc,
"S_IFMT_: file type bits\nS_IFDIR: directory\nS_IFCHR: character device\n"
"S_IFBLK: block device\nS_IFREG: regular file\nS_IFIFO: fifo (named pipe)\n"
"S_IFLNK: symbolic link\nS_IFSOCK: socket file\nS_IFDOOR: door\nS_IFPORT: event port\n"
"S_IFWHT: whiteout\n\n"
"S_ISUID: set UID bit\nS_ISGID: set GID bit\nS_ENFMT: file locking enforcement\n"
"S_ISVTX: sticky bit\nS_IREAD: Unix V7 synonym for S_IRUSR\n"
"S_IWRITE: Unix V7 synonym for S_IWUSR\nS_IEXEC: Unix V7 synonym for S_IXUSR\n"
"S_IRWXU: mask for owner permissions\nS_IRUSR: read by owner\nS_IWUSR: write by owner\n"
"S_IXUSR: execute by owner\nS_IRWXG: mask for group permissions\nS_IRGRP: read by group\n"
"S_IWGRP: write by group\nS_IXGRP: execute by group\n"
"S_IRWXO: mask for others (not in group) permissions\nS_IROTH: read by others\n"
"S_IWOTH: write by others\nS_IXOTH: execute by others\n\n"
"UF_NODUMP: do not dump file\nUF_IMMUTABLE: file may not be changed\n"
"UF_APPEND: file may only be appended to\n"
"UF_OPAQUE: directory is opaque when viewed through a union stack\n"
"UF_NOUNLINK: file may not be renamed or deleted\n"
"UF_COMPRESSED: OS X: file is hfs-compressed\n"
"UF_HIDDEN: OS X: file should not be displayed\n"
"SF_ARCHIVED: file may be archived\nSF_IMMUTABLE: file may not be changed\n"
"SF_APPEND: file may only be appended to\n"
"SF_NOUNLINK: file may not be renamed or deleted\n"
"SF_SNAPSHOT: file is a snapshot file\n\n"
"ST_MODE\nST_INO\nST_DEV\nST_NLINK\nST_UID\nST_GID\nST_SIZE\nST_ATIME\nST_MTIME\nST_CTIME\n\n"
"FILE_ATTRIBUTE_*: Windows file attribute constants\n"
"                   (only present on Windows)\n");

static struct PyModuleDef statmodule = {
    PyModuleDef_HEAD_INIT, "_stat", stat_doc, -1, stat_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__stat(void)
{
    PyObject *m = PyModule_Create(&statmodule);
    if (m == NULL)
        return NULL;
    /* The BSD file flags have the same values everywhere; Linux has no <sys/stat.h> names. */
    static const struct { const char *name; long value; } consts[] = {
        {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK},
        {"S_IFREG", S_IFREG}, {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK},
        {"S_IFSOCK", S_IFSOCK}, {"S_IFDOOR", S_IFDOOR}, {"S_IFPORT", S_IFPORT},
        {"S_IFWHT", S_IFWHT},
        {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX},
        {"S_ENFMT", S_ISGID},   /* file locking enforcement shares the setgid bit */
        {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
        {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR},
        {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP},
        {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
        {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
        {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},
        {"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000},
        {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
        {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
        {"ST_GID", 5}, {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    return m;
}
