/* obmalloc.c — the raw and object allocators (PyMem_*, PyObject_Malloc...).
 * For now both are plain malloc: a small-object arena allocator can replace the
 * PyObject_* family later without changing any caller.  GC-tracked allocation is gc.c. */
#include "Python.h"

/* malloc(0) may return NULL; CPython guarantees a unique pointer, so ask for 1 byte. */
void *PyMem_Malloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    return malloc(size ? size : 1);
}

void *PyMem_Calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize)
        return NULL;
    if (nelem == 0 || elsize == 0)
        nelem = elsize = 1;
    return calloc(nelem, elsize);
}

void *PyMem_Realloc(void *ptr, size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void PyMem_Free(void *ptr) { free(ptr); }

void *PyObject_Malloc(size_t size) { return PyMem_Malloc(size); }
void *PyObject_Calloc(size_t nelem, size_t elsize) { return PyMem_Calloc(nelem, elsize); }
void *PyObject_Realloc(void *ptr, size_t size) { return PyMem_Realloc(ptr, size); }
void PyObject_Free(void *ptr) { free(ptr); }

/* String helpers CPython keeps next to the allocators. */
char *_PyMem_Strdup(const char *str)
{
    size_t n = strlen(str) + 1;
    char *copy = PyMem_Malloc(n);
    if (copy)
        memcpy(copy, str, n);
    return copy;
}
