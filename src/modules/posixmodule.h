/* posixmodule.h — uid/gid conversions shared by posix, pwd and grp (CPython keeps them in
 * posixmodule.c under these names), and the path_t argument converter shared by the files
 * that make up `posix` (posixmodule.c, posix_process.c, posix_system.c). */
#ifndef KRAIT_POSIXMODULE_H
#define KRAIT_POSIXMODULE_H
#include "Python.h"
#include <sys/types.h>

/* -1 means (uid_t)-1; other negatives and values that do not fit are OverflowErrors
 * ("uid is less than minimum" / "greater than maximum"); non-ints are TypeErrors.
 * Return 1 on success, 0 with an exception set (PyArg "O&" converter protocol). */
int _Py_Uid_Converter(PyObject *obj, uid_t *p);
int _Py_Gid_Converter(PyObject *obj, gid_t *p);
PyObject *_PyLong_FromUid(uid_t uid);
PyObject *_PyLong_FromGid(gid_t gid);

/* A converted path argument: the caller's object, its encoded bytes and, when allowed,
 * an open file descriptor instead. */
typedef struct {
    const char *function_name;
    const char *argument_name;
    int nullable, allow_fd;
    PyObject *object;   /* borrowed: what the caller passed */
    PyObject *cleanup;  /* owned bytes holding narrow */
    const char *narrow;
    int fd;             /* -1 unless an int was passed */
    int is_bytes;       /* results should be bytes */
} path_t;

#define PATH_T_INIT(fn, arg, nullable, allow_fd) {fn, arg, nullable, allow_fd, NULL, NULL, NULL, -1, 0}

/* The "O&" converter for path_t (posixmodule.c's path_converter); free with
 * _PyPosix_PathCleanup.  DirFdConverter: None -> AT_FDCWD, else an int fd. */
int _PyPosix_PathConverter(PyObject *o, void *path);
void _PyPosix_PathCleanup(path_t *path);
int _PyPosix_DirFdConverter(PyObject *o, void *fd);
/* OSError from errno naming the path's object. */
PyObject *_PyPosix_PathError(path_t *path);
/* argv for exec-like calls from a tuple or list (posixmodule.c's make_argv). */
char **_PyPosix_MakeArgv(PyObject *seq, PyObject **keep, const char *fname);

/* "O&" converter: an iterable of signal numbers into a sigset_t (_signalmodule.c). */
int _Py_Sigset_Converter(PyObject *obj, void *sigset);

/* Add the functions, constants and types of posix_process.c / posix_system.c to `posix`. */
int _PyPosix_AddProcess(PyObject *m);
int _PyPosix_AddSystem(PyObject *m);

#endif
