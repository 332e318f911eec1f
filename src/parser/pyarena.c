/* pyarena.c — the arena behind every AST (owner: parser).  Bump allocation in chained
 * blocks, plus a plain array of owned object references (no dependency on list objects,
 * so the parser works before the container types are up). */
#include "Python.h"
#include "pyarena.h"

#define DEFAULT_BLOCK_SIZE 8192
#define ALIGNMENT 16

typedef struct _block {
    size_t size, offset;
    struct _block *next;
    /* memory follows, aligned */
} block;

struct _arena {
    block *head;     /* current block (the newest) */
    PyObject **objs; /* owned references */
    Py_ssize_t nobjs, objcap;
};

#define BLOCK_DATA(b) ((char *)(b) + ((sizeof(block) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1)))

static block *
block_new(size_t size, block *next)
{
    block *b = (block *)PyMem_Malloc(((sizeof(block) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1)) + size);
    if (!b)
        return NULL;
    b->size = size;
    b->offset = 0;
    b->next = next;
    return b;
}

PyArena *
_PyArena_New(void)
{
    PyArena *a = (PyArena *)PyMem_Malloc(sizeof(PyArena));
    if (!a) {
        PyErr_NoMemory();
        return NULL;
    }
    a->head = block_new(DEFAULT_BLOCK_SIZE, NULL);
    if (!a->head) {
        PyMem_Free(a);
        PyErr_NoMemory();
        return NULL;
    }
    a->objs = NULL;
    a->nobjs = a->objcap = 0;
    return a;
}

void
_PyArena_Free(PyArena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        PyMem_Free(b);
        b = next;
    }
    for (Py_ssize_t i = a->nobjs - 1; i >= 0; i--)
        Py_DECREF(a->objs[i]);
    PyMem_Free(a->objs);
    PyMem_Free(a);
}

void *
_PyArena_Malloc(PyArena *a, size_t size)
{
    size = (size + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
    block *b = a->head;
    if (b->offset + size > b->size) {
        size_t bs = size > DEFAULT_BLOCK_SIZE ? size : DEFAULT_BLOCK_SIZE;
        b = block_new(bs, a->head);
        if (!b) {
            PyErr_NoMemory();
            return NULL;
        }
        a->head = b;
    }
    void *p = BLOCK_DATA(b) + b->offset;
    b->offset += size;
    return p;
}

int
_PyArena_AddPyObject(PyArena *a, PyObject *obj)
{
    if (a->nobjs == a->objcap) {
        Py_ssize_t cap = a->objcap ? a->objcap * 2 : 64;
        PyObject **n = (PyObject **)PyMem_Realloc(a->objs, (size_t)cap * sizeof(PyObject *));
        if (!n) {
            PyErr_NoMemory();
            return -1;
        }
        a->objs = n;
        a->objcap = cap;
    }
    a->objs[a->nobjs++] = obj;
    return 0;
}
