/* _posixshmem.c — the `_posixshmem` module: shm_open and shm_unlink, the two POSIX shared
 * memory calls that multiprocessing.shared_memory needs (it maps the fd with mmap).
 * Interrupted calls are retried unless a signal handler raises.  Owner: mp. */
#include "Python.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>

/* The path as UTF-8; clinic's message when it is not a str (an embedded NUL truncates
 * the name, as in CPython). */
static const char *shm_path(const char *func, PyObject *path)
{
    if (!PyUnicode_Check(path)) {
        PyErr_Format(PyExc_TypeError, "%s() argument 'path' must be str, not %.50s", func,
                     Py_TYPE(path)->tp_name);
        return NULL;
    }
    return PyUnicode_AsUTF8(path);
}

static PyObject *posixshmem_shm_open(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", "flags", "mode", NULL};
    PyObject *path;
    int flags, mode = 0777, fd;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "Oi|i:shm_open", kwlist, &path, &flags,
                                     &mode))
        return NULL;
    const char *name = shm_path("shm_open", path);
    if (name == NULL)
        return NULL;
    do {
        Py_BEGIN_ALLOW_THREADS
        fd = shm_open(name, flags, (mode_t)mode);
        Py_END_ALLOW_THREADS
    } while (fd < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (fd < 0) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        return NULL;
    }
    return PyLong_FromLong((long)fd);
}

static PyObject *posixshmem_shm_unlink(PyObject *module, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"path", NULL};
    PyObject *path;
    int rv;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O:shm_unlink", kwlist, &path))
        return NULL;
    const char *name = shm_path("shm_unlink", path);
    if (name == NULL)
        return NULL;
    do {
        Py_BEGIN_ALLOW_THREADS
        rv = shm_unlink(name);
        Py_END_ALLOW_THREADS
    } while (rv < 0 && errno == EINTR && !PyErr_CheckSignals());
    if (rv < 0) {
        if (!PyErr_Occurred())
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        return NULL;
    }
    Py_RETURN_NONE;
}

#define KWMETH(f) (PyCFunction)(void (*)(void))(f), METH_VARARGS | METH_KEYWORDS

static PyMethodDef posixshmem_methods[] = {
    {"shm_open", KWMETH(posixshmem_shm_open),
     "shm_open($module, /, path, flags, mode=511)\n--\n\n"
     "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink", KWMETH(posixshmem_shm_unlink),
     "shm_unlink($module, /, path)\n--\n\n"
     "Remove a shared memory object (similar to unlink()).\n\n"
     "Remove a shared memory object.  Similar to unlink(), it removes the shared\n"
     "memory object name, and once all processes have unmapped the object,\n"
     "de-allocates and destroys the contents of the associated memory region."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef posixshmemmodule = {
    PyModuleDef_HEAD_INIT, "_posixshmem",
    "POSIX shared memory module", -1, posixshmem_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__posixshmem(void)
{
    return PyModule_Create(&posixshmemmodule);
}
