/* posixmodule.h — uid/gid conversions shared by posix, pwd and grp (CPython keeps them in
 * posixmodule.c under these names).  Implementation: src/modules/posixmodule.c. */
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

#endif
