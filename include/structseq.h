/* structseq.h — named tuples defined in C (sys.version_info, sys.flags, os.stat_result).
 * Implementation: src/runtime/structseq.c.  Owner: runtime. */
#ifndef PY_STRUCTSEQ_H
#define PY_STRUCTSEQ_H
#include "object.h"

typedef struct PyStructSequence_Field {
    const char *name;
    const char *doc;
} PyStructSequence_Field;

typedef struct PyStructSequence_Desc {
    const char *name;   /* "sys.version_info" */
    const char *doc;
    PyStructSequence_Field *fields;
    int n_in_sequence;  /* fields visible as tuple items; the rest are attributes only */
} PyStructSequence_Desc;

extern const char *const PyStructSequence_UnnamedField;

void PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc);
int PyStructSequence_InitType2(PyTypeObject *type, PyStructSequence_Desc *desc);
PyTypeObject *PyStructSequence_NewType(PyStructSequence_Desc *desc);
PyObject *PyStructSequence_New(PyTypeObject *type);
void PyStructSequence_SetItem(PyObject *, Py_ssize_t, PyObject *); /* steals */
PyObject *PyStructSequence_GetItem(PyObject *, Py_ssize_t);        /* borrowed */
#define PyStructSequence_SET_ITEM PyStructSequence_SetItem
#define PyStructSequence_GET_ITEM PyStructSequence_GetItem

#endif
