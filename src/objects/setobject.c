/* setobject.c — set and frozenset on CPython's table algorithm (linear probes of 9 then
 * perturbed jumps, resize at 60% fill), so iteration order equals CPython's; all the
 * set algebra, frozenset's hash, reprs and the iterator.  Hashing of elements is
 * PyObject_Hash (object.c); argument-count errors come from getargs.c. */
#include "Python.h"
#include "type_docs.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

/* The dummy key marks deleted slots; any unique object will do. */
static PyObject _dummy_struct = {1, &PyBaseObject_Type};
PyObject *_PySet_Dummy = &_dummy_struct;
#define dummy (&_dummy_struct)

/* ---- the table ---- */

static inline Py_hash_t elem_hash(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = ((PyASCIIObject *)key)->hash;
        if (h != -1)
            return h;
    }
    return PyObject_Hash(key);
}

/* Entry holding key, or the unused entry ending its probe chain; NULL on error. */
static setentry *set_lookkey(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *table, *entry;
    size_t perturb = (size_t)hash, mask = (size_t)so->mask, i = (size_t)hash & mask;
    int probes, cmp;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key) &&
                    _PyUnicode_EQ(startkey, key))
                    return entry;
                table = so->table;
                Py_INCREF(startkey);
                cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != startkey)
                    return set_lookkey(so, key, hash); /* mutated: start over */
                if (cmp > 0)
                    return entry;
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(PySetObject *, Py_ssize_t);

/* Add key (a new reference is taken); 0 or -1. */
static int set_add_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *table, *freeslot, *entry;
    size_t perturb, mask, i;
    int probes, cmp;
    Py_INCREF(key); /* a comparison below could otherwise free it */
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                PyObject *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (PyUnicode_CheckExact(startkey) && PyUnicode_CheckExact(key) &&
                    _PyUnicode_EQ(startkey, key))
                    goto found_active;
                table = so->table;
                Py_INCREF(startkey);
                cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                Py_DECREF(startkey);
                if (cmp > 0)
                    goto found_active;
                if (cmp < 0)
                    goto comparison_error;
                if (table != so->table || entry->key != startkey)
                    goto restart;
                mask = (size_t)so->mask;
            } else if (entry->hash == -1) {
                freeslot = entry; /* CPython 3.11 reuses the last dummy seen before the
                                     unused slot ending the chain */
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot == NULL)
        goto found_unused;
    so->used++;
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
found_unused:
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    Py_DECREF(key);
    return 0;
comparison_error:
    Py_DECREF(key);
    return -1;
}

/* Insert into a table known to have no dummies and not to contain key. */
static void set_insert_clean(setentry *table, size_t mask, PyObject *key, Py_hash_t hash)
{
    setentry *entry;
    size_t perturb = (size_t)hash, i = (size_t)hash & mask, j;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

/* Rebuild with the smallest power-of-two table > minused, dropping dummies. */
static int set_table_resize(PySetObject *so, Py_ssize_t minused)
{
    setentry *oldtable, *newtable, *entry;
    Py_ssize_t oldmask = so->mask;
    size_t newmask, newsize = PySet_MINSIZE;
    int is_oldtable_malloced;
    setentry small_copy[PySet_MINSIZE];
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    oldtable = so->table;
    is_oldtable_malloced = oldtable != so->smalltable;
    if (newsize == PySet_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; /* no dummies: nothing to do */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        newtable = PyMem_New(setentry, newsize);
        if (newtable == NULL) {
            PyErr_NoMemory();
            return -1;
        }
    }
    memset(newtable, 0, sizeof(setentry) * newsize);
    so->mask = (Py_ssize_t)newsize - 1;
    so->table = newtable;
    newmask = (size_t)so->mask;
    if (so->fill == so->used) {
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    } else {
        so->fill = so->used;
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL && entry->key != dummy)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    }
    if (is_oldtable_malloced)
        PyMem_Free(oldtable);
    return 0;
}

static int set_contains_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    setentry *entry = set_lookkey(so, key, hash);
    if (entry != NULL)
        return entry->key != NULL;
    return -1;
}

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static int set_discard_entry(PySetObject *so, PyObject *key, Py_hash_t hash)
{
    PyObject *old_key;
    setentry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == NULL)
        return DISCARD_NOTFOUND;
    old_key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    Py_DECREF(old_key);
    return DISCARD_FOUND;
}

static int set_add_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = elem_hash(key);
    if (hash == -1)
        return -1;
    return set_add_entry(so, key, hash);
}

static int set_contains_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = elem_hash(key);
    if (hash == -1)
        return -1;
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(PySetObject *so, PyObject *key)
{
    Py_hash_t hash = elem_hash(key);
    if (hash == -1)
        return -1;
    return set_discard_entry(so, key, hash);
}

static void set_empty_to_minsize(PySetObject *so)
{
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

static int set_clear_internal(PySetObject *so)
{
    setentry *entry, *table = so->table;
    int table_is_malloced = table != so->smalltable;
    Py_ssize_t used = so->fill;
    setentry small_copy[PySet_MINSIZE];
    /* Empty the set before dropping references: a decref may run code using it. */
    if (table_is_malloced) {
        set_empty_to_minsize(so);
    } else if (used > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    }
    for (entry = table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            Py_DECREF(entry->key);
        } else if (entry->key) {
            used--;
        }
    }
    if (table_is_malloced)
        PyMem_Free(table);
    return 0;
}

/* Next active entry at or after *pos_ptr; 0 when done. */
static int set_next(PySetObject *so, Py_ssize_t *pos_ptr, setentry **entry_ptr)
{
    Py_ssize_t i = *pos_ptr, mask = so->mask;
    setentry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos_ptr = i + 1;
    if (i > mask)
        return 0;
    *entry_ptr = entry;
    return 1;
}

/* Union in another set: CPython's fast paths (same-size copy, clean inserts). */
static int set_merge(PySetObject *so, PyObject *otherset)
{
    PySetObject *other = (PySetObject *)otherset;
    setentry *so_entry, *other_entry;
    Py_ssize_t i;
    if (other == so || other->used == 0)
        return 0;
    /* Grow once for the worst case (no overlap). */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0)
            return -1;
    }
    so_entry = so->table;
    other_entry = other->table;
    /* Same-size target with no dummies: copy slot for slot. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL) {
                so_entry->key = Py_NewRef(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    /* Empty target: insert without equality tests. */
    if (so->fill == 0) {
        setentry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (i = other->mask + 1; i > 0; i--, other_entry++) {
            PyObject *key = other_entry->key;
            if (key != NULL && key != dummy)
                set_insert_clean(newtable, newmask, Py_NewRef(key), other_entry->hash);
        }
        return 0;
    }
    for (i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        if (other_entry->key != NULL && other_entry->key != dummy) {
            if (set_add_entry(so, other_entry->key, other_entry->hash))
                return -1;
        }
    }
    return 0;
}

static int set_update_internal(PySetObject *so, PyObject *other)
{
    PyObject *key, *it;
    if (PyAnySet_Check(other))
        return set_merge(so, other);
    if (PyDict_CheckExact(other)) {
        PyObject *value;
        Py_ssize_t pos = 0, dictsize = PyDict_GET_SIZE(other);
        Py_hash_t hash;
        if ((so->fill + dictsize) * 5 >= so->mask * 3) {
            if (set_table_resize(so, (so->used + dictsize) * 2) != 0)
                return -1;
        }
        while (_PyDict_Next(other, &pos, &key, &value, &hash)) {
            if (set_add_entry(so, key, hash))
                return -1;
        }
        return 0;
    }
    it = PyObject_GetIter(other);
    if (it == NULL)
        return -1;
    while ((key = PyIter_Next(it)) != NULL) {
        if (set_add_key(so, key)) {
            Py_DECREF(it);
            Py_DECREF(key);
            return -1;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return -1;
    return 0;
}

static PyObject *make_new_set(PyTypeObject *type, PyObject *iterable)
{
    PySetObject *so = (PySetObject *)type->tp_alloc(type, 0);
    if (so == NULL)
        return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = PySet_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    if (iterable != NULL && set_update_internal(so, iterable)) {
        Py_DECREF(so);
        return NULL;
    }
    return (PyObject *)so;
}

/* Results of set algebra on subclasses are plain sets/frozensets. */
static PyObject *make_new_set_basetype(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PySet_Type && type != &PyFrozenSet_Type) {
        if (PyType_IsSubtype(type, &PySet_Type))
            type = &PySet_Type;
        else
            type = &PyFrozenSet_Type;
    }
    return make_new_set(type, iterable);
}

static PyObject *emptyfrozenset; /* frozenset() singleton */

static PyObject *make_new_frozenset(PyTypeObject *type, PyObject *iterable)
{
    if (type != &PyFrozenSet_Type)
        return make_new_set(type, iterable);
    if (iterable != NULL && PyFrozenSet_CheckExact(iterable))
        return Py_NewRef(iterable); /* frozenset(f) is f */
    if (iterable == NULL) {
        if (emptyfrozenset == NULL) {
            emptyfrozenset = make_new_set(type, NULL);
            if (emptyfrozenset == NULL)
                return NULL;
        }
        return Py_NewRef(emptyfrozenset);
    }
    return make_new_set(type, iterable);
}

/* ---- C API ---- */

PyObject *PySet_New(PyObject *iterable) { return make_new_set(&PySet_Type, iterable); }
PyObject *PyFrozenSet_New(PyObject *iterable) { return make_new_set(&PyFrozenSet_Type, iterable); }

Py_ssize_t PySet_Size(PyObject *anyset)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return PySet_GET_SIZE(anyset);
}

int PySet_Clear(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_clear_internal((PySetObject *)set);
}

int PySet_Contains(PyObject *anyset, PyObject *key)
{
    if (!PyAnySet_Check(anyset)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_contains_key((PySetObject *)anyset, key);
}

int PySet_Discard(PyObject *set, PyObject *key)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_discard_key((PySetObject *)set, key);
}

/* Also allowed on a frozenset nobody else sees yet (refcount 1), as CPython. */
int PySet_Add(PyObject *anyset, PyObject *key)
{
    if (!PySet_Check(anyset) && (!PyFrozenSet_Check(anyset) || Py_REFCNT(anyset) != 1)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_add_key((PySetObject *)anyset, key);
}

int _PySet_NextEntry(PyObject *set, Py_ssize_t *pos, PyObject **key, Py_hash_t *hash)
{
    setentry *entry;
    if (!PyAnySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (set_next((PySetObject *)set, pos, &entry) == 0)
        return 0;
    *key = entry->key;
    *hash = entry->hash;
    return 1;
}

static PyObject *set_pop(PySetObject *so, PyObject *Py_UNUSED(ignored));

PyObject *PySet_Pop(PyObject *set)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return set_pop((PySetObject *)set, NULL);
}

int _PySet_Update(PyObject *set, PyObject *iterable)
{
    if (!PySet_Check(set)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return set_update_internal((PySetObject *)set, iterable);
}

void _PySet_Fini(void) { Py_CLEAR(emptyfrozenset); }

/* ---- slots ---- */

static void set_dealloc(PySetObject *so)
{
    setentry *entry;
    Py_ssize_t used = so->fill;
    PyObject_GC_UnTrack(so);
    Py_TRASHCAN_BEGIN(so, set_dealloc)
    if (so->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)so);
    for (entry = so->table; used > 0; entry++) {
        if (entry->key) {
            used--;
            if (entry->key != dummy)
                Py_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable)
        PyMem_Free(so->table);
    Py_TYPE(so)->tp_free((PyObject *)so);
    Py_TRASHCAN_END
}

static PyObject *set_repr(PySetObject *so)
{
    PyObject *result = NULL, *keys, *listrepr, *tmp;
    int status = Py_ReprEnter((PyObject *)so);
    if (status != 0) {
        if (status < 0)
            return NULL;
        return PyUnicode_FromFormat("%s(...)", Py_TYPE(so)->tp_name);
    }
    if (!so->used) {
        Py_ReprLeave((PyObject *)so);
        return PyUnicode_FromFormat("%s()", Py_TYPE(so)->tp_name);
    }
    keys = PySequence_List((PyObject *)so);
    if (keys == NULL)
        goto done;
    listrepr = PyObject_Repr(keys);
    Py_DECREF(keys);
    if (listrepr == NULL)
        goto done;
    /* "[a, b]" -> "{a, b}" */
    tmp = PyUnicode_Substring(listrepr, 1, PyUnicode_GET_LENGTH(listrepr) - 1);
    Py_DECREF(listrepr);
    if (tmp == NULL)
        goto done;
    if (!Py_IS_TYPE(so, &PySet_Type))
        result = PyUnicode_FromFormat("%s({%U})", Py_TYPE(so)->tp_name, tmp);
    else
        result = PyUnicode_FromFormat("{%U}", tmp);
    Py_DECREF(tmp);
done:
    Py_ReprLeave((PyObject *)so);
    return result;
}

static Py_ssize_t set_len(PyObject *so) { return ((PySetObject *)so)->used; }

static int set_traverse(PySetObject *so, visitproc visit, void *arg)
{
    Py_ssize_t pos = 0;
    setentry *entry;
    while (set_next(so, &pos, &entry))
        Py_VISIT(entry->key);
    return 0;
}

static int set_tp_clear(PySetObject *so) { return set_clear_internal(so); }

/* Mix a hash's bits so that xor-ing many of them spreads well (CPython 3.11). */
static Py_uhash_t _shuffle_bits(Py_uhash_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static Py_hash_t frozenset_hash(PyObject *self)
{
    PySetObject *so = (PySetObject *)self;
    Py_uhash_t hash = 0;
    setentry *entry;
    if (so->hash != -1)
        return so->hash;
    /* Xor every slot's hash (unused slots hash 0, dummies -1), then cancel the
     * contribution of an odd number of unused / dummy slots. */
    for (entry = so->table; entry <= &so->table[so->mask]; entry++)
        hash ^= _shuffle_bits((Py_uhash_t)entry->hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= _shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= _shuffle_bits((Py_uhash_t)-1);
    hash ^= ((Py_uhash_t)PySet_GET_SIZE(self) + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (Py_uhash_t)-1)
        hash = 590923713UL;
    so->hash = (Py_hash_t)hash;
    return (Py_hash_t)hash;
}

/* ---- algebra ---- */

static PyObject *set_copy(PySetObject *so, PyObject *Py_UNUSED(ignored))
{
    return make_new_set_basetype(Py_TYPE(so), (PyObject *)so);
}

static PyObject *frozenset_copy(PySetObject *so, PyObject *Py_UNUSED(ignored))
{
    if (PyFrozenSet_CheckExact(so))
        return Py_NewRef(so);
    return set_copy(so, NULL);
}

static PyObject *set_clear(PySetObject *so, PyObject *Py_UNUSED(ignored))
{
    set_clear_internal(so);
    Py_RETURN_NONE;
}

static PyObject *set_union(PySetObject *so, PyObject *args)
{
    PyObject *result = set_copy(so, NULL);
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *other = PyTuple_GET_ITEM(args, i);
        if ((PyObject *)so == other)
            continue;
        if (set_update_internal((PySetObject *)result, other)) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *set_or(PySetObject *so, PyObject *other)
{
    PyObject *result;
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    result = set_copy(so, NULL);
    if (result == NULL)
        return NULL;
    if ((PyObject *)so == other)
        return result;
    if (set_update_internal((PySetObject *)result, other)) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *set_ior(PySetObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (set_update_internal(so, other))
        return NULL;
    return Py_NewRef(so);
}

static PyObject *set_intersection(PySetObject *so, PyObject *other)
{
    PySetObject *result;
    PyObject *key, *it, *tmp;
    Py_hash_t hash;
    int rv;
    if ((PyObject *)so == other)
        return set_copy(so, NULL);
    result = (PySetObject *)make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    if (PyAnySet_Check(other)) {
        Py_ssize_t pos = 0;
        setentry *entry;
        if (PySet_GET_SIZE(other) > PySet_GET_SIZE(so)) { /* iterate the smaller */
            tmp = (PyObject *)so;
            so = (PySetObject *)other;
            other = tmp;
        }
        while (set_next((PySetObject *)other, &pos, &entry)) {
            key = entry->key;
            hash = entry->hash;
            Py_INCREF(key);
            rv = set_contains_entry(so, key, hash);
            if (rv < 0 || (rv && set_add_entry(result, key, hash))) {
                Py_DECREF(key);
                Py_DECREF(result);
                return NULL;
            }
            Py_DECREF(key);
        }
        return (PyObject *)result;
    }
    it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    while ((key = PyIter_Next(it)) != NULL) {
        hash = elem_hash(key);
        if (hash == -1)
            goto error;
        rv = set_contains_entry(so, key, hash);
        if (rv < 0 || (rv && set_add_entry(result, key, hash)))
            goto error;
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return (PyObject *)result;
error:
    Py_DECREF(it);
    Py_DECREF(result);
    Py_DECREF(key);
    return NULL;
}

static PyObject *set_intersection_multi(PySetObject *so, PyObject *args)
{
    PyObject *result;
    if (PyTuple_GET_SIZE(args) == 0)
        return set_copy(so, NULL);
    result = Py_NewRef(so);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        PyObject *newresult = set_intersection((PySetObject *)result, PyTuple_GET_ITEM(args, i));
        if (newresult == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        Py_SETREF(result, newresult);
    }
    return result;
}

static PyObject *set_intersection_update(PySetObject *so, PyObject *other)
{
    PyObject *tmp = set_intersection(so, other);
    if (tmp == NULL)
        return NULL;
    /* Swap the tables of so and tmp: so gets the result, tmp the old contents. */
    {
        PySetObject *t = (PySetObject *)tmp;
        PySetObject saved;
        memcpy(&saved.fill, &so->fill, offsetof(PySetObject, weakreflist) - offsetof(PySetObject, fill));
        memcpy(&so->fill, &t->fill, offsetof(PySetObject, weakreflist) - offsetof(PySetObject, fill));
        memcpy(&t->fill, &saved.fill, offsetof(PySetObject, weakreflist) - offsetof(PySetObject, fill));
        if (so->table == t->smalltable)
            so->table = so->smalltable;
        if (t->table == so->smalltable)
            t->table = t->smalltable;
        so->hash = -1;
        t->hash = -1;
    }
    Py_DECREF(tmp);
    Py_RETURN_NONE;
}

static PyObject *set_intersection_update_multi(PySetObject *so, PyObject *args)
{
    PyObject *tmp = set_intersection_multi(so, args), *r;
    if (tmp == NULL)
        return NULL;
    r = set_intersection_update(so, tmp);
    Py_DECREF(tmp);
    return r;
}

static PyObject *set_and(PySetObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return set_intersection(so, other);
}

static PyObject *set_iand(PySetObject *so, PyObject *other)
{
    PyObject *result;
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    result = set_intersection_update(so, other);
    if (result == NULL)
        return NULL;
    Py_DECREF(result);
    return Py_NewRef(so);
}

static PyObject *set_isdisjoint(PySetObject *so, PyObject *other)
{
    PyObject *key, *it, *tmp;
    int rv;
    if ((PyObject *)so == other) {
        if (PySet_GET_SIZE(so) == 0)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    if (PyAnySet_CheckExact(other)) {
        Py_ssize_t pos = 0;
        setentry *entry;
        if (PySet_GET_SIZE(other) > PySet_GET_SIZE(so)) {
            tmp = (PyObject *)so;
            so = (PySetObject *)other;
            other = tmp;
        }
        while (set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *k = Py_NewRef(entry->key);
            rv = set_contains_entry(so, k, entry->hash);
            Py_DECREF(k);
            if (rv < 0)
                return NULL;
            if (rv)
                Py_RETURN_FALSE;
        }
        Py_RETURN_TRUE;
    }
    it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    while ((key = PyIter_Next(it)) != NULL) {
        rv = set_contains_key(so, key);
        Py_DECREF(key);
        if (rv < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (rv) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static int set_difference_update_internal(PySetObject *so, PyObject *other)
{
    if ((PyObject *)so == other)
        return set_clear_internal(so);
    if (PyAnySet_Check(other)) {
        setentry *entry;
        Py_ssize_t pos = 0;
        Py_INCREF(other); /* a discard's __eq__ must not free it under us */
        while (set_next((PySetObject *)other, &pos, &entry)) {
            PyObject *key = Py_NewRef(entry->key);
            if (set_discard_entry(so, key, entry->hash) < 0) {
                Py_DECREF(other);
                Py_DECREF(key);
                return -1;
            }
            Py_DECREF(key);
        }
        Py_DECREF(other);
    } else {
        PyObject *key, *it = PyObject_GetIter(other);
        if (it == NULL)
            return -1;
        while ((key = PyIter_Next(it)) != NULL) {
            if (set_discard_key(so, key) < 0) {
                Py_DECREF(it);
                Py_DECREF(key);
                return -1;
            }
            Py_DECREF(key);
        }
        Py_DECREF(it);
        if (PyErr_Occurred())
            return -1;
    }
    /* If more than 1/4th are dummies, resize them away. */
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static PyObject *set_difference_update(PySetObject *so, PyObject *args)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++)
        if (set_difference_update_internal(so, PyTuple_GET_ITEM(args, i)))
            return NULL;
    Py_RETURN_NONE;
}

static PyObject *set_copy_and_difference(PySetObject *so, PyObject *other)
{
    PyObject *result = set_copy(so, NULL);
    if (result == NULL)
        return NULL;
    if (set_difference_update_internal((PySetObject *)result, other) == 0)
        return result;
    Py_DECREF(result);
    return NULL;
}

static PyObject *set_difference(PySetObject *so, PyObject *other)
{
    PyObject *result, *key;
    Py_hash_t hash;
    setentry *entry;
    Py_ssize_t pos = 0, other_size;
    int rv;
    if (PyAnySet_Check(other))
        other_size = PySet_GET_SIZE(other);
    else if (PyDict_CheckExact(other))
        other_size = PyDict_GET_SIZE(other);
    else
        return set_copy_and_difference(so, other);
    /* Much bigger than other: copying and removing is cheaper. */
    if ((PySet_GET_SIZE(so) >> 2) > other_size)
        return set_copy_and_difference(so, other);
    result = make_new_set_basetype(Py_TYPE(so), NULL);
    if (result == NULL)
        return NULL;
    if (PyDict_CheckExact(other)) {
        while (set_next(so, &pos, &entry)) {
            key = entry->key;
            hash = entry->hash;
            Py_INCREF(key);
            rv = _PyDict_Contains_KnownHash(other, key, hash);
            if (rv < 0 || (!rv && set_add_entry((PySetObject *)result, key, hash))) {
                Py_DECREF(result);
                Py_DECREF(key);
                return NULL;
            }
            Py_DECREF(key);
        }
        return result;
    }
    while (set_next(so, &pos, &entry)) {
        key = entry->key;
        hash = entry->hash;
        Py_INCREF(key);
        rv = set_contains_entry((PySetObject *)other, key, hash);
        if (rv < 0 || (!rv && set_add_entry((PySetObject *)result, key, hash))) {
            Py_DECREF(result);
            Py_DECREF(key);
            return NULL;
        }
        Py_DECREF(key);
    }
    return result;
}

static PyObject *set_difference_multi(PySetObject *so, PyObject *args)
{
    PyObject *result;
    if (PyTuple_GET_SIZE(args) == 0)
        return set_copy(so, NULL);
    result = set_difference(so, PyTuple_GET_ITEM(args, 0));
    if (result == NULL)
        return NULL;
    for (Py_ssize_t i = 1; i < PyTuple_GET_SIZE(args); i++) {
        if (set_difference_update_internal((PySetObject *)result, PyTuple_GET_ITEM(args, i))) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static PyObject *set_sub(PySetObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return set_difference(so, other);
}

static PyObject *set_isub(PySetObject *so, PyObject *other)
{
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    if (set_difference_update_internal(so, other))
        return NULL;
    return Py_NewRef(so);
}

static PyObject *set_symmetric_difference_update(PySetObject *so, PyObject *other)
{
    PySetObject *otherset;
    PyObject *key;
    Py_ssize_t pos = 0;
    Py_hash_t hash;
    setentry *entry;
    int rv;
    if ((PyObject *)so == other)
        return set_clear(so, NULL);
    if (PyDict_CheckExact(other)) {
        PyObject *value;
        while (_PyDict_Next(other, &pos, &key, &value, &hash)) {
            Py_INCREF(key);
            rv = set_discard_entry(so, key, hash);
            if (rv < 0) {
                Py_DECREF(key);
                return NULL;
            }
            if (rv == DISCARD_NOTFOUND && set_add_entry(so, key, hash)) {
                Py_DECREF(key);
                return NULL;
            }
            Py_DECREF(key);
        }
        Py_RETURN_NONE;
    }
    if (PyAnySet_Check(other)) {
        otherset = (PySetObject *)Py_NewRef(other);
    } else {
        otherset = (PySetObject *)make_new_set_basetype(Py_TYPE(so), other);
        if (otherset == NULL)
            return NULL;
    }
    while (set_next(otherset, &pos, &entry)) {
        key = Py_NewRef(entry->key);
        hash = entry->hash;
        rv = set_discard_entry(so, key, hash);
        if (rv < 0 || (rv == DISCARD_NOTFOUND && set_add_entry(so, key, hash))) {
            Py_DECREF(otherset);
            Py_DECREF(key);
            return NULL;
        }
        Py_DECREF(key);
    }
    Py_DECREF(otherset);
    Py_RETURN_NONE;
}

static PyObject *set_symmetric_difference(PySetObject *so, PyObject *other)
{
    PyObject *rv;
    PySetObject *otherset = (PySetObject *)make_new_set_basetype(Py_TYPE(so), other);
    if (otherset == NULL)
        return NULL;
    rv = set_symmetric_difference_update(otherset, (PyObject *)so);
    if (rv == NULL) {
        Py_DECREF(otherset);
        return NULL;
    }
    Py_DECREF(rv);
    return (PyObject *)otherset;
}

static PyObject *set_xor(PySetObject *so, PyObject *other)
{
    if (!PyAnySet_Check(so) || !PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    return set_symmetric_difference(so, other);
}

static PyObject *set_ixor(PySetObject *so, PyObject *other)
{
    PyObject *result;
    if (!PyAnySet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    result = set_symmetric_difference_update(so, other);
    if (result == NULL)
        return NULL;
    Py_DECREF(result);
    return Py_NewRef(so);
}

static PyObject *set_issubset(PySetObject *so, PyObject *other)
{
    setentry *entry;
    Py_ssize_t pos = 0;
    int rv;
    if (!PyAnySet_Check(other)) {
        PyObject *tmp = make_new_set(&PySet_Type, other), *result;
        if (tmp == NULL)
            return NULL;
        result = set_issubset(so, tmp);
        Py_DECREF(tmp);
        return result;
    }
    if (PySet_GET_SIZE(so) > PySet_GET_SIZE(other))
        Py_RETURN_FALSE;
    while (set_next(so, &pos, &entry)) {
        PyObject *key = Py_NewRef(entry->key);
        rv = set_contains_entry((PySetObject *)other, key, entry->hash);
        Py_DECREF(key);
        if (rv < 0)
            return NULL;
        if (!rv)
            Py_RETURN_FALSE;
    }
    Py_RETURN_TRUE;
}

static PyObject *set_issuperset(PySetObject *so, PyObject *other)
{
    PyObject *key, *it;
    if (PyAnySet_Check(other))
        return set_issubset((PySetObject *)other, (PyObject *)so);
    it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    while ((key = PyIter_Next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        Py_DECREF(key);
        if (rv < 0) {
            Py_DECREF(it);
            return NULL;
        }
        if (!rv) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static PyObject *set_richcompare(PySetObject *v, PyObject *w, int op)
{
    PyObject *r1;
    int r2;
    if (!PyAnySet_Check(w))
        Py_RETURN_NOTIMPLEMENTED;
    switch (op) {
    case Py_EQ:
        if (PySet_GET_SIZE(v) != PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        if (v->hash != -1 && ((PySetObject *)w)->hash != -1 && v->hash != ((PySetObject *)w)->hash)
            Py_RETURN_FALSE;
        return set_issubset(v, w);
    case Py_NE:
        r1 = set_richcompare(v, w, Py_EQ);
        if (r1 == NULL)
            return NULL;
        r2 = PyObject_IsTrue(r1);
        Py_DECREF(r1);
        if (r2 < 0)
            return NULL;
        return PyBool_FromLong(!r2);
    case Py_LE:
        return set_issubset(v, w);
    case Py_GE:
        return set_issuperset(v, w);
    case Py_LT:
        if (PySet_GET_SIZE(v) >= PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        return set_issubset(v, w);
    case Py_GT:
        if (PySet_GET_SIZE(v) <= PySet_GET_SIZE(w))
            Py_RETURN_FALSE;
        return set_issuperset(v, w);
    }
    Py_RETURN_NOTIMPLEMENTED;
}

/* ---- element methods ---- */

static PyObject *set_add(PySetObject *so, PyObject *key)
{
    if (set_add_key(so, key))
        return NULL;
    Py_RETURN_NONE;
}

/* `key in set`: an unhashable set key is looked up as a frozenset. */
static int set_contains(PySetObject *so, PyObject *key)
{
    int rv = set_contains_key(so, key);
    if (rv < 0 && PySet_Check(key) && PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyObject *tmpkey;
        PyErr_Clear();
        tmpkey = make_new_set(&PyFrozenSet_Type, key);
        if (tmpkey == NULL)
            return -1;
        rv = set_contains_key(so, tmpkey);
        Py_DECREF(tmpkey);
    }
    return rv;
}

static PyObject *set_direct_contains(PySetObject *so, PyObject *key)
{
    int result = set_contains(so, key);
    if (result < 0)
        return NULL;
    return PyBool_FromLong(result);
}

static PyObject *set_remove(PySetObject *so, PyObject *key)
{
    int rv = set_discard_key(so, key);
    if (rv < 0) {
        PyObject *tmpkey;
        if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError))
            return NULL;
        PyErr_Clear();
        tmpkey = make_new_set(&PyFrozenSet_Type, key);
        if (tmpkey == NULL)
            return NULL;
        rv = set_discard_key(so, tmpkey);
        Py_DECREF(tmpkey);
        if (rv < 0)
            return NULL;
    }
    if (rv == DISCARD_NOTFOUND) {
        _PyErr_SetKeyError(key);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *set_discard(PySetObject *so, PyObject *key)
{
    int rv = set_discard_key(so, key);
    if (rv < 0) {
        PyObject *tmpkey;
        if (!PySet_Check(key) || !PyErr_ExceptionMatches(PyExc_TypeError))
            return NULL;
        PyErr_Clear();
        tmpkey = make_new_set(&PyFrozenSet_Type, key);
        if (tmpkey == NULL)
            return NULL;
        rv = set_discard_key(so, tmpkey);
        Py_DECREF(tmpkey);
        if (rv < 0)
            return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *set_pop(PySetObject *so, PyObject *Py_UNUSED(ignored))
{
    /* The finger keeps repeated pops from rescanning the start of the table. */
    setentry *entry = so->table + (so->finger & so->mask), *limit = so->table + so->mask;
    PyObject *key;
    if (so->used == 0) {
        PyErr_SetString(PyExc_KeyError, "pop from an empty set");
        return NULL;
    }
    while (entry->key == NULL || entry->key == dummy) {
        entry++;
        if (entry > limit)
            entry = so->table;
    }
    key = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static PyObject *set_update(PySetObject *so, PyObject *args)
{
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++)
        if (set_update_internal(so, PyTuple_GET_ITEM(args, i)))
            return NULL;
    Py_RETURN_NONE;
}

static PyObject *set_reduce(PySetObject *so, PyObject *Py_UNUSED(ignored))
{
    PyObject *keys = PySequence_List((PyObject *)so), *args = NULL, *state = NULL, *result = NULL;
    if (keys == NULL)
        return NULL;
    args = PyTuple_Pack(1, keys);
    if (args == NULL)
        goto done;
    /* __getstate__: the __dict__ and __slots__ of a subclass, as 3.11 */
    state = _PyObject_GetState((PyObject *)so);
    if (state == NULL)
        goto done;
    result = PyTuple_Pack(3, (PyObject *)Py_TYPE(so), args, state);
done:
    Py_XDECREF(args);
    Py_XDECREF(keys);
    Py_XDECREF(state);
    return result;
}

static PyObject *set_sizeof(PySetObject *so, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t res = (Py_ssize_t)sizeof(PySetObject);
    if (so->table != so->smalltable)
        res += (so->mask + 1) * (Py_ssize_t)sizeof(setentry);
    return PyLong_FromSsize_t(res);
}

/* ---- construction ---- */

static int set_init(PySetObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *iterable = NULL;
    if (!_PyArg_NoKeywords("set", kwds))
        return -1;
    if (!PyArg_UnpackTuple(args, Py_TYPE(self)->tp_name, 0, 1, &iterable))
        return -1;
    if (self->fill)
        set_clear_internal(self);
    self->hash = -1;
    if (iterable == NULL)
        return 0;
    return set_update_internal(self, iterable);
}

static PyObject *set_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return make_new_set(type, NULL);
}

static PyObject *set_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("set", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("set", nargs, 0, 1))
        return NULL;
    return make_new_set((PyTypeObject *)type, nargs ? args[0] : NULL);
}

static PyObject *frozenset_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyObject *iterable = NULL;
    if ((type == &PyFrozenSet_Type || type->tp_init == PyFrozenSet_Type.tp_init) &&
        !_PyArg_NoKeywords("frozenset", kwds))
        return NULL;
    if (!PyArg_UnpackTuple(args, type->tp_name, 0, 1, &iterable))
        return NULL;
    return make_new_frozenset(type, iterable);
}

static PyObject *frozenset_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf,
                                      PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (!_PyArg_NoKwnames("frozenset", kwnames))
        return NULL;
    if (!_PyArg_CheckPositional("frozenset", nargs, 0, 1))
        return NULL;
    return make_new_frozenset((PyTypeObject *)type, nargs ? args[0] : NULL);
}

/* ---- iterator ---- */

typedef struct {
    PyObject_HEAD
    PySetObject *si_set; /* NULL when exhausted */
    Py_ssize_t si_used;  /* size at creation: changes are errors */
    Py_ssize_t si_pos;
    Py_ssize_t len;
} setiterobject;

static void setiter_dealloc(setiterobject *si)
{
    PyObject_GC_UnTrack(si);
    Py_XDECREF(si->si_set);
    PyObject_GC_Del(si);
}

static int setiter_traverse(setiterobject *si, visitproc visit, void *arg)
{
    Py_VISIT(si->si_set);
    return 0;
}

static PyObject *setiter_len(setiterobject *si, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = 0;
    if (si->si_set != NULL && si->si_used == si->si_set->used)
        len = si->len;
    return PyLong_FromSsize_t(len);
}

static PyObject *setiter_iternext(setiterobject *si);

/* (iter, (list of what is left,)): runs a copy of the iterator, leaving it untouched. */
static PyObject *setiter_reduce(setiterobject *si, PyObject *Py_UNUSED(ignored))
{
    setiterobject tmp = *si;
    Py_XINCREF(tmp.si_set);
    PyObject *res = _PyIter_ReduceRemaining((PyObject *)&tmp, (iternextfunc)setiter_iternext);
    Py_XDECREF(tmp.si_set);
    return res;
}

static PyMethodDef setiter_methods[] = {
    {"__length_hint__", (PyCFunction)setiter_len, METH_NOARGS, DOC_set_iterator___length_hint__},
    {"__reduce__", (PyCFunction)setiter_reduce, METH_NOARGS, DOC_set_iterator___reduce__},
    {NULL, NULL, 0, NULL}};

static PyObject *setiter_iternext(setiterobject *si)
{
    PySetObject *so = si->si_set;
    setentry *entry;
    Py_ssize_t i, mask;
    if (so == NULL)
        return NULL;
    if (si->si_used != so->used) {
        PyErr_SetString(PyExc_RuntimeError, "Set changed size during iteration");
        si->si_used = -1; /* make this state sticky */
        return NULL;
    }
    i = si->si_pos;
    entry = so->table;
    mask = so->mask;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == dummy))
        i++;
    si->si_pos = i + 1;
    if (i > mask) {
        si->si_set = NULL;
        Py_DECREF(so);
        return NULL;
    }
    si->len--;
    return Py_NewRef(entry[i].key);
}

PyTypeObject PySetIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(setiterobject),
    .tp_dealloc = (destructor)setiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)setiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)setiter_iternext,
    .tp_methods = setiter_methods,
};

static PyObject *set_iter(PySetObject *so)
{
    setiterobject *si = PyObject_GC_New(setiterobject, &PySetIter_Type);
    if (si == NULL)
        return NULL;
    si->si_set = (PySetObject *)Py_NewRef(so);
    si->si_used = so->used;
    si->si_pos = 0;
    si->len = so->used;
    PyObject_GC_Track(si);
    return (PyObject *)si;
}

/* ---- type objects ---- */

static PySequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = (objobjproc)set_contains,
};

static PyMethodDef set_methods[] = {
    {"add", (PyCFunction)set_add, METH_O, DOC_set_add},
    {"clear", (PyCFunction)set_clear, METH_NOARGS, DOC_set_clear},
    {"__contains__", (PyCFunction)set_direct_contains, METH_O | METH_COEXIST, DOC_set___contains__},
    {"copy", (PyCFunction)set_copy, METH_NOARGS, DOC_set_copy},
    {"discard", (PyCFunction)set_discard, METH_O, DOC_set_discard},
    {"difference", (PyCFunction)set_difference_multi, METH_VARARGS, DOC_set_difference},
    {"difference_update", (PyCFunction)set_difference_update, METH_VARARGS, DOC_set_difference_update},
    {"intersection", (PyCFunction)set_intersection_multi, METH_VARARGS, DOC_set_intersection},
    {"intersection_update", (PyCFunction)set_intersection_update_multi, METH_VARARGS, DOC_set_intersection_update},
    {"isdisjoint", (PyCFunction)set_isdisjoint, METH_O, DOC_set_isdisjoint},
    {"issubset", (PyCFunction)set_issubset, METH_O, DOC_set_issubset},
    {"issuperset", (PyCFunction)set_issuperset, METH_O, DOC_set_issuperset},
    {"pop", (PyCFunction)set_pop, METH_NOARGS, DOC_set_pop},
    {"__reduce__", (PyCFunction)set_reduce, METH_NOARGS, DOC_set___reduce__},
    {"remove", (PyCFunction)set_remove, METH_O, DOC_set_remove},
    {"__sizeof__", (PyCFunction)set_sizeof, METH_NOARGS, DOC_set___sizeof__},
    {"symmetric_difference", (PyCFunction)set_symmetric_difference, METH_O, DOC_set_symmetric_difference},
    {"symmetric_difference_update", (PyCFunction)set_symmetric_difference_update, METH_O, DOC_set_symmetric_difference_update},
    {"union", (PyCFunction)set_union, METH_VARARGS, DOC_set_union},
    {"update", (PyCFunction)set_update, METH_VARARGS, DOC_set_update},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_set___class_getitem__},
    {NULL, NULL, 0, NULL}};

static PyNumberMethods set_as_number = {
    .nb_subtract = (binaryfunc)set_sub,
    .nb_and = (binaryfunc)set_and,
    .nb_xor = (binaryfunc)set_xor,
    .nb_or = (binaryfunc)set_or,
    .nb_inplace_subtract = (binaryfunc)set_isub,
    .nb_inplace_and = (binaryfunc)set_iand,
    .nb_inplace_xor = (binaryfunc)set_ixor,
    .nb_inplace_or = (binaryfunc)set_ior,
};

PyTypeObject PySet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "set",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = (destructor)set_dealloc,
    .tp_repr = (reprfunc)set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_set,
    .tp_traverse = (traverseproc)set_traverse,
    .tp_clear = (inquiry)set_tp_clear,
    .tp_richcompare = (richcmpfunc)set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = (getiterfunc)set_iter,
    .tp_methods = set_methods,
    .tp_init = (initproc)set_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = set_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = set_vectorcall,
};

static PyMethodDef frozenset_methods[] = {
    {"__contains__", (PyCFunction)set_direct_contains, METH_O | METH_COEXIST, DOC_frozenset___contains__},
    {"copy", (PyCFunction)frozenset_copy, METH_NOARGS, DOC_frozenset_copy},
    {"difference", (PyCFunction)set_difference_multi, METH_VARARGS, DOC_frozenset_difference},
    {"intersection", (PyCFunction)set_intersection_multi, METH_VARARGS, DOC_frozenset_intersection},
    {"isdisjoint", (PyCFunction)set_isdisjoint, METH_O, DOC_frozenset_isdisjoint},
    {"issubset", (PyCFunction)set_issubset, METH_O, DOC_frozenset_issubset},
    {"issuperset", (PyCFunction)set_issuperset, METH_O, DOC_frozenset_issuperset},
    {"__reduce__", (PyCFunction)set_reduce, METH_NOARGS, DOC_frozenset___reduce__},
    {"__sizeof__", (PyCFunction)set_sizeof, METH_NOARGS, DOC_frozenset___sizeof__},
    {"symmetric_difference", (PyCFunction)set_symmetric_difference, METH_O, DOC_frozenset_symmetric_difference},
    {"union", (PyCFunction)set_union, METH_VARARGS, DOC_frozenset_union},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_frozenset___class_getitem__},
    {NULL, NULL, 0, NULL}};

static PyNumberMethods frozenset_as_number = {
    .nb_subtract = (binaryfunc)set_sub,
    .nb_and = (binaryfunc)set_and,
    .nb_xor = (binaryfunc)set_xor,
    .nb_or = (binaryfunc)set_or,
};

PyTypeObject PyFrozenSet_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(PySetObject),
    .tp_dealloc = (destructor)set_dealloc,
    .tp_repr = (reprfunc)set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE | _Py_TPFLAGS_MATCH_SELF,
    .tp_doc = TYPEDOC_frozenset,
    .tp_traverse = (traverseproc)set_traverse,
    .tp_clear = (inquiry)set_tp_clear,
    .tp_richcompare = (richcmpfunc)set_richcompare,
    .tp_weaklistoffset = offsetof(PySetObject, weakreflist),
    .tp_iter = (getiterfunc)set_iter,
    .tp_methods = frozenset_methods,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = frozenset_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = frozenset_vectorcall,
};
