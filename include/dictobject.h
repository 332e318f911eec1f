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

/* The keys object's layout, here (not in dictobject.c) only so that ceval's attribute
 * caches can check a hint inline (_PyDict_AttrHintValue below).  Everything else goes
 * through dictobject.c. */
typedef struct {
    Py_hash_t me_hash;
    PyObject *me_key;
    PyObject *me_value; /* NULL for a deleted entry (and in split keys) */
} PyDictKeyEntry;

struct _dictkeysobject {
    uint8_t dk_log2_size;        /* index table has 1 << dk_log2_size slots */
    uint8_t dk_log2_index_bytes; /* log2 of the index table's size in bytes */
    uint8_t dk_kind;             /* DICT_KEYS_UNICODE: only exact str keys so far */
    Py_ssize_t dk_refcnt;        /* DICT_KEYS_SPLIT: the owning class + each dict using it */
    Py_ssize_t dk_usable;        /* entries still free before a resize */
    Py_ssize_t dk_nentries;      /* entries used (including deleted ones) */
    int64_t dk_indices[];        /* index table, then the entries array */
};
#define _PyDictKeys_ENTRIES(dk) \
    ((PyDictKeyEntry *)(&((int8_t *)((dk)->dk_indices))[(size_t)1 << (dk)->dk_log2_index_bytes]))
/* A values array (split dict or instance values) is preceded by a 3-word header: the keys
 * and the count of values (both used only while an instance holds the array without a
 * dict), and the capacity. */
#define _PyDictValues_KEYS(values) (((PyDictKeysObject **)(values))[-3])
#define _PyDictValues_USED(values) (((Py_ssize_t *)(values))[-2])
#define _PyDictValues_CAPACITY(values) (((Py_ssize_t *)(values))[-1])

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
/* LOAD_METHOD's cache: when heap type tp has shared keys and `name` (an exact str) is not
 * among them, set *keys to them (borrowed) and return their entry count; else *keys = NULL
 * and -1.  Never an error.  A type keeps the same keys object until it dies. */
Py_ssize_t _PyType_SharedKeysLacking(PyTypeObject *tp, PyObject *name, PyDictKeysObject **keys);

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

/* ceval's LOAD_ATTR hit, call-free (3.11's LOAD_ATTR_INSTANCE_VALUE): the value (borrowed)
 * of `name` in a non-NULL instance dict slot when entry `hint` of the keys in use is
 * `name`, else NULL (then ask _PyDict_GetItemHint).  Safe whatever the hint: it is checked
 * against the slot's own keys, which the slot keeps alive, so no stale keys pointer is
 * ever dereferenced. */
static inline PyObject *_PyDict_AttrHintValue(PyObject *slotval, PyObject *name, Py_ssize_t hint)
{
    if (_PyObject_SLOT_HAS_VALUES(slotval)) {
        PyObject **values = (PyObject **)((uintptr_t)slotval & ~(uintptr_t)1);
        PyDictKeysObject *dk = _PyDictValues_KEYS(values);
        if ((size_t)hint < (size_t)_PyDictValues_USED(values) &&
            _PyDictKeys_ENTRIES(dk)[hint].me_key == name)
            return values[hint];
        return NULL;
    }
    PyDictObject *mp = (PyDictObject *)slotval;
    PyDictKeysObject *dk = mp->ma_keys;
    if (mp->ma_values != NULL) {
        if ((size_t)hint < (size_t)mp->ma_used && _PyDictKeys_ENTRIES(dk)[hint].me_key == name)
            return mp->ma_values[hint];
    } else if ((size_t)hint < (size_t)dk->dk_nentries) {
        PyDictKeyEntry *ep = &_PyDictKeys_ENTRIES(dk)[hint];
        if (ep->me_key == name)
            return ep->me_value; /* NULL if deleted: the slow path then decides */
    }
    return NULL;
}

/* STORE_ATTR's hit, call-free: when the slot holds values and entry `hint` of their keys
 * is `name`, store `value` (the reference is stolen) at hint -- replacing a value, or
 * appending the next one of a fresh object whose array has room -- and return 1; else
 * return 0 with nothing done (then call _PyObject_SetAttrHint). */
static inline int _PyObject_StoreAttrHint(PyObject **slot, PyObject *name, PyObject *value,
                                          Py_ssize_t hint)
{
    PyObject *slotval = *slot;
    if (!_PyObject_SLOT_HAS_VALUES(slotval))
        return 0;
    PyObject **values = (PyObject **)((uintptr_t)slotval & ~(uintptr_t)1);
    PyDictKeysObject *dk = _PyDictValues_KEYS(values);
    Py_ssize_t used = _PyDictValues_USED(values);
    if ((size_t)hint < (size_t)dk->dk_nentries && _PyDictKeys_ENTRIES(dk)[hint].me_key == name) {
        if (hint < used) {
            PyObject *old = values[hint];
            values[hint] = value;
            Py_DECREF(old); /* may run arbitrary code: last */
            return 1;
        }
        if (hint == used && used < _PyDictValues_CAPACITY(values)) {
            values[used] = value;
            _PyDictValues_USED(values) = used + 1;
            return 1;
        }
    }
    return 0;
}

/* LOAD_METHOD's shadowing check, call-free: true when the non-NULL instance dict slot
 * holds values (or a split dict) for `keys`, and those still have the `nentries` entries
 * they had when _PyType_SharedKeysLacking found the name absent -- so it is absent from
 * the instance too.  `keys` is the instance type's own, alive while the type is (ceval
 * checks the type's version first), so the pointer compare cannot be fooled by a freed
 * and reallocated keys object. */
static inline int _PyDict_SlotLacksSharedName(PyObject *slotval, PyDictKeysObject *keys,
                                              Py_ssize_t nentries)
{
    PyDictKeysObject *dk;
    if (_PyObject_SLOT_HAS_VALUES(slotval))
        dk = _PyDictValues_KEYS((PyObject **)((uintptr_t)slotval & ~(uintptr_t)1));
    else if (((PyDictObject *)slotval)->ma_values != NULL)
        dk = ((PyDictObject *)slotval)->ma_keys;
    else
        return 0;
    return dk == keys && keys != NULL && dk->dk_nentries == nentries;
}

#endif
