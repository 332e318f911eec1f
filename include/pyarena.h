/* pyarena.h — arena allocator for AST nodes (owner: parser).
 * Everything the parser builds lives in one arena and is freed at once; Python objects
 * stored in the AST (identifiers, constants) are registered so the arena owns a reference. */
#ifndef Py_PYARENA_H
#define Py_PYARENA_H
#include "object.h"

typedef struct _arena PyArena;

PyArena *_PyArena_New(void);
void _PyArena_Free(PyArena *);
/* Memory aligned for any AST node; NULL (with MemoryError) on failure. */
void *_PyArena_Malloc(PyArena *, size_t size);
/* Steals a reference to obj: it is released when the arena is freed. 0 / -1. */
int _PyArena_AddPyObject(PyArena *, PyObject *);

#endif
