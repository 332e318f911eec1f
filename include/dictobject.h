/* dictobject.h — dict: CPython's compact ordered hash table (index table + entries),
 * its views and iterators.  Owner: objects-containers (src/objects/dictobject.c). */
#ifndef PY_DICTOBJECT_H
#define PY_DICTOBJECT_H
#include "object.h"

typedef struct _dictkeysobject PyDictKeysObject;

typedef struct {
    PyObject_HEAD
    Py_ssize_t ma_used;       /* number of items */
    uint64_t ma_version_tag;  /* changes on every mutation (globally unique) */
    PyDictKeysObject *ma_keys;
    PyObject **ma_values;     /* split table (an instance __dict__): the values; else NULL */
} PyDictObject;

extern PyTypeObject PyDict_Type;
extern PyTypeObject PyDictKeys_Type, PyDictValues_Type, PyDictItems_Type;
extern PyTypeObject PyDictIterKey_Type, PyDictIterValue_Type, PyDictIterItem_Type;
extern PyTypeObject PyDictRevIterKey_Type, PyDictRevIterValue_Type, PyDictRevIterItem_Type;

#define PyDict_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_DICT_SUBCLASS)
#define PyDict_CheckExact(op) Py_IS_TYPE(op, &PyDict_Type)
#define PyDictKeys_Check(op) PyObject_TypeCheck(op, &PyDictKeys_Type)
#define PyDictValues_Check(op) PyObject_TypeCheck(op, &PyDictValues_Type)
#define PyDictItems_Check(op) PyObject_TypeCheck(op, &PyDictItems_Type)
#define PyDictViewSet_Check(op) (PyDictKeys_Check(op) || PyDictItems_Check(op))
#define PyDict_GET_SIZE(mp) (((PyDictObject *)(mp))->ma_used)

typedef struct {
    PyObject_HEAD
    PyDictObject *dv_dict;
} _PyDictViewObject;

PyObject *PyDict_New(void);
PyObject *_PyDict_NewPresized(Py_ssize_t minused);
PyObject *PyDict_GetItem(PyObject *mp, PyObject *key);          /* borrowed; swallows errors */
PyObject *PyDict_GetItemWithError(PyObject *mp, PyObject *key); /* borrowed */
PyObject *PyDict_GetItemString(PyObject *dp, const char *key);  /* borrowed; swallows errors */
PyObject *_PyDict_GetItemStringWithError(PyObject *, const char *);
PyObject *_PyDict_GetItem_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash);
int PyDict_SetItem(PyObject *mp, PyObject *key, PyObject *item);
int PyDict_SetItemString(PyObject *dp, const char *key, PyObject *item);
int _PyDict_SetItem_KnownHash(PyObject *mp, PyObject *key, PyObject *item, Py_hash_t hash);
int _PyDict_SetItem_Take2(PyDictObject *mp, PyObject *key, PyObject *value); /* steals both */
int PyDict_DelItem(PyObject *mp, PyObject *key);
int PyDict_DelItemString(PyObject *dp, const char *key);
int _PyDict_DelItem_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash);
void PyDict_Clear(PyObject *mp);
int PyDict_Next(PyObject *mp, Py_ssize_t *pos, PyObject **key, PyObject **value);
int _PyDict_Next(PyObject *mp, Py_ssize_t *pos, PyObject **key, PyObject **value,
                 Py_hash_t *hash);
PyObject *PyDict_Keys(PyObject *mp);   /* new list */
PyObject *PyDict_Values(PyObject *mp); /* new list */
PyObject *PyDict_Items(PyObject *mp);  /* new list of pairs */
Py_ssize_t PyDict_Size(PyObject *mp);
PyObject *PyDict_Copy(PyObject *mp);
int PyDict_Contains(PyObject *mp, PyObject *key);
int _PyDict_Contains_KnownHash(PyObject *mp, PyObject *key, Py_hash_t hash);
int PyDict_Update(PyObject *mp, PyObject *other);
int PyDict_Merge(PyObject *mp, PyObject *other, int override);
/* override: 0 keep existing, 1 replace, 2 raise KeyError on duplicates (f(**a, **b)). */
int _PyDict_MergeEx(PyObject *mp, PyObject *other, int override);
int PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override);
PyObject *PyDict_SetDefault(PyObject *mp, PyObject *key, PyObject *defaultobj); /* borrowed */
PyObject *_PyDict_Pop(PyObject *dict, PyObject *key, PyObject *deflt);
PyObject *_PyDict_Pop_KnownHash(PyObject *dict, PyObject *key, Py_hash_t hash, PyObject *deflt);
int _PyDict_HasOnlyStringKeys(PyObject *mp);
void _PyDict_MaybeUntrack(PyObject *mp);
PyObject *_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                            PyObject *const *values, Py_ssize_t values_offset,
                            Py_ssize_t length);
/* LOAD_GLOBAL: look key up in globals then builtins; borrowed, NULL without error if
 * missing from both. */
PyObject *_PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins, PyObject *key);
/* Lookups with an entry-index hint (3.10's _PyDict_GetItemHint), for ceval's instance-dict
 * attribute caches: `key` must be an exact str with its hash computed; `hint` is the index a
 * previous call returned (or -1).  GetItemHint: the entry index and *value (borrowed), or -1
 * with *value NULL if absent, or -3 with an exception set.  SetItemHint: like PyDict_SetItem
 * (new references taken), returning the entry index or -3 on error. */
Py_ssize_t _PyDict_GetItemHint(PyDictObject *mp, PyObject *key, Py_ssize_t hint, PyObject **value);
Py_ssize_t _PyDict_SetItemHint(PyDictObject *mp, PyObject *key, PyObject *value, Py_ssize_t hint);
PyObject *_PyDictView_New(PyObject *dict, PyTypeObject *type);
PyObject *_PyDictView_Intersect(PyObject *self, PyObject *other);
void _PyDict_Fini(void);
/* A new, empty __dict__ for an instance of tp: for a heap type a split table sharing
 * the class's keys (tp's ht_cached_keys, created on first use), else a plain dict. */
PyObject *_PyObjectDict_New(PyTypeObject *tp);
/* Drop a reference to a keys object (type_dealloc releases ht_cached_keys). */
void _PyDictKeys_DecRef(PyDictKeysObject *keys);

/* Instance values (dictobject.c, "instance values"): the dict slot of an instance of a
 * heap type may hold, instead of a dict, a values array for the class's shared keys,
 * tagged with bit 0.  Only code that reads the slot itself sees it; _PyObject_GetDictPtr
 * and __dict__ first turn it into a dict.  `name` arguments are exact strs. */
#define _PyObject_SLOT_HAS_VALUES(slotval) (((uintptr_t)(slotval)) & 1)
/* Put an empty values array into an empty slot: 0, -1 on error, 1 if tp can't share. */
int _PyObject_InitInstanceValues(PyTypeObject *tp, PyObject **slot);
/* The value (borrowed) or NULL if absent; never an error. */
PyObject *_PyObject_GetInstanceValue(PyObject *slotval, PyObject *name);
Py_ssize_t _PyObject_GetInstanceValueHint(PyObject *slotval, PyObject *name, Py_ssize_t hint,
                                          PyObject **value);
/* Set (value != NULL): 0, -1 on error, or 1 when the slot needs a dict first. */
int _PyObject_SetInstanceValue(PyObject **slot, PyObject *name, PyObject *value);
/* Replace the values in *slot by a split dict owning them: the dict (borrowed) or NULL. */
PyObject *_PyObject_MaterializeDict(PyObject **slot);
/* STORE_ATTR's cache: set name in a non-NULL slot (dict or values) with an index hint;
 * returns the index, -1 (stored, no index), or -3 with an exception set. */
Py_ssize_t _PyObject_SetAttrHint(PyObject **slot, PyObject *name, PyObject *value, Py_ssize_t hint);
int _PyObject_VisitInstanceValues(PyObject *slotval, visitproc visit, void *arg);
/* Empty the slot and release the values. */
void _PyObject_ClearInstanceValues(PyObject **slot);

#endif
