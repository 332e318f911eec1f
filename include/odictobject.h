/* odictobject.h — collections.OrderedDict (src/objects/odictobject.c): a dict subclass that
 * keeps its own insertion order, its views and iterator.  Owner: odict.  The `_collections`
 * module exports the type; C code may use the PyODict_* API below as CPython's. */
#ifndef PY_ODICTOBJECT_H
#define PY_ODICTOBJECT_H
#include "dictobject.h"

extern PyTypeObject PyODict_Type;
extern PyTypeObject PyODictIter_Type;
extern PyTypeObject PyODictKeys_Type;
extern PyTypeObject PyODictValues_Type;
extern PyTypeObject PyODictItems_Type;

#define PyODict_Check(op) PyObject_TypeCheck(op, &PyODict_Type)
#define PyODict_CheckExact(op) Py_IS_TYPE(op, &PyODict_Type)
#define PyODict_SIZE(op) PyDict_GET_SIZE((op))

PyObject *PyODict_New(void);
int PyODict_SetItem(PyObject *od, PyObject *key, PyObject *item);
int PyODict_DelItem(PyObject *od, PyObject *key);
#define PyODict_GetItem(od, key) PyDict_GetItem(_PyObject_CAST(od), key)
#define PyODict_GetItemWithError(od, key) PyDict_GetItemWithError(_PyObject_CAST(od), key)
#define PyODict_Contains(od, key) PyDict_Contains(_PyObject_CAST(od), key)
#define PyODict_Size(od) PyDict_Size(_PyObject_CAST(od))
#define PyODict_GetItemString(od, key) PyDict_GetItemString(_PyObject_CAST(od), key)

/* Ready the type and its view and iterator types (the _collections module's init). */
int _PyODict_Ready(void);

#endif
