/* dictobject.c — the dict type: CPython's compact ordered table (a sparse index array of
 * 1/2/4/8-byte slots probing with perturbation, plus a dense insertion-ordered entries
 * array), a version tag bumped on every mutation, the C API, methods, the keys/values/
 * items views and their (reverse) iterators.  Set results of view operations are built
 * with setobject.c; argument-count errors come from getargs.c.
 *
 * Instance attributes (PEP 412 key sharing + 3.11's dict-less instances):
 *  - every heap type gets, at its first instance attribute, one shared DICT_KEYS_SPLIT
 *    keys object (ht_cached_keys, up to 30 str keys, refcounted by dk_refcnt);
 *  - a split dict holds only a values array for those keys, values[i] belonging to shared
 *    entry i; its live values are always the prefix values[0..ma_used), so the i-th key
 *    it received is shared entry i and insertion order needs no bookkeeping.  Whatever
 *    would break that (out-of-order or non-str key, deletion, popitem, full keys) first
 *    converts the dict to an ordinary combined table (dict_unsplit);
 *  - better still, an instance whose dict slot was added by a Python class keeps that
 *    values array in the slot itself, tagged with bit 0, and has no dict object at all
 *    (one GC object per instance instead of two).  The dict is made from the array when
 *    anybody asks for it (__dict__, vars(), _PyObject_GetDictPtr, a deletion...);
 *  - ceval's attribute caches keep an index into the shared keys: a pointer compare then
 *    reads or writes values[hint] for every instance of the class, inline in ceval
 *    (dictobject.h's _PyDict_AttrHintValue / _PyObject_StoreAttrHint, hence the keys
 *    layout there) with _PyDict_GetItemHint / _PyObject_SetAttrHint for the misses: 3.11's
 *    LOAD_ATTR_INSTANCE_VALUE.  LOAD_METHOD knows a name absent from the class's keys
 *    (_PyType_SharedKeysLacking) stays absent while their entry count is unchanged. */
#include "Python.h"
#include "pycore_gc.h"
#include "type_docs.h"

/* ---- the keys object ---- */

#define PyDict_LOG_MINSIZE 3
#define PyDict_MINSIZE 8
#define PERTURB_SHIFT 5
#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2) /* a deleted slot: probing continues past it */
#define DKIX_ERROR (-3)

/* PyDictKeyEntry and struct _dictkeysobject: in dictobject.h (ceval reads them inline). */

/* CPython 3.11 stores str-only tables with 16-byte entries and others with 24-byte
 * ones; Krait always uses the 24-byte layout but tracks the kind, and converts at the
 * same moments CPython does, so table sizes (and __sizeof__) come out identical. */
enum { DICT_KEYS_GENERAL = 0, DICT_KEYS_UNICODE = 1, DICT_KEYS_SPLIT = 2 };
#define DK_IS_UNICODE(dk) ((dk)->dk_kind != DICT_KEYS_GENERAL) /* split keys are str-only */
#define CPY_DICTKEYS_HEADER 32 /* sizeof(PyDictKeysObject) in CPython 3.11, 64-bit */
#define CPY_ENTRY_SIZE(dk) (DK_IS_UNICODE(dk) ? 16 : 24)

#define DK_LOG_SIZE(dk) ((dk)->dk_log2_size)
#define DK_SIZE(dk) (((int64_t)1) << DK_LOG_SIZE(dk))
#define DK_MASK(dk) (DK_SIZE(dk) - 1)
#define DK_ENTRIES(dk) _PyDictKeys_ENTRIES(dk)
/* Two thirds of the index table may be used. */
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->ma_used * 3)

/* The shared keys of every empty dict: no entries, one EMPTY slot, never freed. */
static struct {
    uint8_t log2_size, log2_index_bytes, kind;
    Py_ssize_t refcnt, usable, nentries;
    int64_t indices[1];
} empty_keys_struct = {0, 3, DICT_KEYS_UNICODE, 1, 0, 0, {-1}};
#define Py_EMPTY_KEYS ((PyDictKeysObject *)&empty_keys_struct)

static inline Py_ssize_t dictkeys_get_index(const PyDictKeysObject *keys, Py_ssize_t i)
{
    int log2size = DK_LOG_SIZE(keys);
    if (log2size < 8)
        return ((const int8_t *)keys->dk_indices)[i];
    if (log2size < 16)
        return ((const int16_t *)keys->dk_indices)[i];
    if (log2size < 32)
        return ((const int32_t *)keys->dk_indices)[i];
    return (Py_ssize_t)((const int64_t *)keys->dk_indices)[i];
}

static inline void dictkeys_set_index(PyDictKeysObject *keys, Py_ssize_t i, Py_ssize_t ix)
{
    int log2size = DK_LOG_SIZE(keys);
    if (log2size < 8)
        ((int8_t *)keys->dk_indices)[i] = (int8_t)ix;
    else if (log2size < 16)
        ((int16_t *)keys->dk_indices)[i] = (int16_t)ix;
    else if (log2size < 32)
        ((int32_t *)keys->dk_indices)[i] = (int32_t)ix;
    else
        ((int64_t *)keys->dk_indices)[i] = ix;
}

/* log2 of the table size for `minsize` slots, computed as CPython 3.11 does:
 * bit_length(((minsize | 8) - 1) | 7).  This is the smallest power of two >= minsize
 * except that 1..7 give 16 rather than 8 -- a quirk that table sizes (and so
 * __sizeof__) expose, hence kept. */
static inline uint8_t calculate_log2_keysize(Py_ssize_t minsize)
{
    size_t v = ((size_t)((minsize | PyDict_MINSIZE) - 1)) | (PyDict_MINSIZE - 1);
    uint8_t bits = 0;
    while (v) {
        bits++;
        v >>= 1;
    }
    return bits;
}

/* Size for a dict expected to hold n items without resizing. */
static inline uint8_t estimate_log2_keysize(Py_ssize_t n)
{
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

/* Free lists, as CPython 3.11's: up to 80 dict objects (exact dicts, their PyGC_Head
 * kept, untracked) and 80 keys objects of the minimum size, so that the many small dicts
 * a program makes and drops cost no trip to the allocator.  A reused block neither counts
 * as a new allocation for the collector's threshold nor was its release counted. */
#define DICT_FREELIST_MAX 80
static PyDictObject *dict_free_list[DICT_FREELIST_MAX];
static int dict_numfree;
static PyDictKeysObject *keys_free_list[DICT_FREELIST_MAX];
static int keys_numfree;
extern int _PyTraceMalloc_active;               /* obmalloc.c */
void _PyTraceMalloc_NewReference(PyObject *op); /* _tracemalloc.c */

static PyDictKeysObject *new_keys_object(uint8_t log2_size, int unicode)
{
    PyDictKeysObject *dk;
    Py_ssize_t usable = USABLE_FRACTION((Py_ssize_t)1 << log2_size);
    int log2_bytes;
    if (log2_size >= 64) {
        PyErr_NoMemory();
        return NULL;
    }
    if (log2_size < 8)
        log2_bytes = log2_size;
    else if (log2_size < 16)
        log2_bytes = log2_size + 1;
    else if (log2_size < 32)
        log2_bytes = log2_size + 2;
    else
        log2_bytes = log2_size + 3;
    /* A minimum-size keys object from the free list had its entries zeroed when it was
     * put there: only the header and the index bytes to write. */
    int entries_zeroed = log2_size == PyDict_LOG_MINSIZE && keys_numfree > 0;
    if (entries_zeroed) {
        dk = keys_free_list[--keys_numfree];
    } else {
        dk = PyObject_Malloc(sizeof(PyDictKeysObject) + ((size_t)1 << log2_bytes) +
                             sizeof(PyDictKeyEntry) * (size_t)usable);
        if (dk == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    dk->dk_log2_size = log2_size;
    dk->dk_log2_index_bytes = (uint8_t)log2_bytes;
    dk->dk_kind = unicode ? DICT_KEYS_UNICODE : DICT_KEYS_GENERAL;
    dk->dk_refcnt = 1;
    dk->dk_usable = usable;
    dk->dk_nentries = 0;
    memset(&dk->dk_indices[0], 0xff, (size_t)1 << log2_bytes); /* all DKIX_EMPTY */
    if (!entries_zeroed)
        memset(DK_ENTRIES(dk), 0, sizeof(PyDictKeyEntry) * (size_t)usable);
    return dk;
}

static void free_keys_object(PyDictKeysObject *keys)
{
    if (keys == Py_EMPTY_KEYS)
        return;
    if (DK_LOG_SIZE(keys) == PyDict_LOG_MINSIZE && keys_numfree < DICT_FREELIST_MAX) {
        /* Entries at dk_nentries and beyond are all zero (fresh keys are zeroed, and
         * popitem zeroes what it gives back): zeroing the used ones here lets reuse
         * (new_keys_object) clear nothing but the indices. */
        PyDictKeyEntry *ep = DK_ENTRIES(keys);
        for (Py_ssize_t i = 0, n = keys->dk_nentries; i < n; i++) {
            ep[i].me_hash = 0;
            ep[i].me_key = NULL;
            ep[i].me_value = NULL;
        }
        keys_free_list[keys_numfree++] = keys;
        return;
    }
    PyObject_Free(keys);
}

/* ---- split tables (PEP 412) ----
 * A class keeps one DICT_KEYS_SPLIT keys object (ht_cached_keys); the __dict__ of each of
 * its instances points at it and holds only a values array, values[i] being the value of
 * shared entry i.  The shared keys own their str keys; their entries' me_value stay NULL.
 * Invariant: a split dict's live values are exactly values[0 .. ma_used-1] -- the i-th key
 * it received is shared entry i -- so insertion order needs no extra bookkeeping.  An
 * insertion that would break that (a key out of the shared order, a non-str key, a full
 * shared table), a deletion, popitem and the like first convert the dict to an ordinary
 * combined table (dict_unsplit); the class's keys stay shared by its other instances. */

#define SHARED_KEYS_MAX_SIZE 30 /* as CPython 3.11: more attributes than this, no sharing */
/* A values array is preceded by a 3-word header (dictobject.h): the keys and the count of
 * values (used only while an instance holds the array without a dict, see "instance
 * values"), and the capacity. */
#define VALUES_HEADER 3
#define VALUES_KEYS(values) _PyDictValues_KEYS(values)
#define VALUES_USED(values) _PyDictValues_USED(values)
#define VALUES_CAPACITY(values) _PyDictValues_CAPACITY(values)

/* A values array of `capacity` NULL slots.  At least one: the array pointer then points
 * inside its block, which LeakSanitizer needs to see it as referenced. */
static PyObject **new_values(Py_ssize_t capacity)
{
    if (capacity < 1)
        capacity = 1;
    Py_ssize_t *block = PyObject_Malloc((VALUES_HEADER + (size_t)capacity) * sizeof(PyObject *));
    if (block == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    block[0] = 0;
    block[1] = 0;
    block[2] = capacity;
    memset(block + VALUES_HEADER, 0, (size_t)capacity * sizeof(PyObject *));
    return (PyObject **)(block + VALUES_HEADER);
}

static void free_values(PyObject **values)
{
    PyObject_Free((Py_ssize_t *)values - VALUES_HEADER);
}

/* Room for values[ix] (a fresh instance adding the class's attributes one by one grows
 * it 1.5x at a time): the moved array, or NULL with MemoryError (the old one intact). */
static PyObject **grow_values_array(PyObject **values, Py_ssize_t ix)
{
    Py_ssize_t capacity = ix + 1 + (ix >> 1);
    Py_ssize_t old = VALUES_CAPACITY(values);
    Py_ssize_t *block = PyObject_Realloc((Py_ssize_t *)values - VALUES_HEADER,
                                         (VALUES_HEADER + (size_t)capacity) * sizeof(PyObject *));
    if (block == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    values = (PyObject **)(block + VALUES_HEADER);
    VALUES_CAPACITY(values) = capacity;
    memset(values + old, 0, (size_t)(capacity - old) * sizeof(PyObject *));
    return values;
}

static void dictkeys_decref(PyDictKeysObject *dk)
{
    if (dk == Py_EMPTY_KEYS || --dk->dk_refcnt > 0)
        return;
    if (dk->dk_kind == DICT_KEYS_SPLIT) {
        PyDictKeyEntry *ep = DK_ENTRIES(dk);
        for (Py_ssize_t i = 0; i < dk->dk_nentries; i++)
            Py_XDECREF(ep[i].me_key);
    }
    free_keys_object(dk);
}

/* Entries to scan when iterating: a split dict's live values are a prefix. */
static inline Py_ssize_t dict_nentries(PyDictObject *mp)
{
    return mp->ma_values != NULL ? mp->ma_used : mp->ma_keys->dk_nentries;
}

/* The value of entry i < dict_nentries(mp), NULL for a deleted entry. */
static inline PyObject *dict_value_at(PyDictObject *mp, Py_ssize_t i)
{
    return mp->ma_values != NULL ? mp->ma_values[i] : DK_ENTRIES(mp->ma_keys)[i].me_value;
}

/* A split dict's value for the shared entry ix (a lookup result, possibly < 0). */
static inline PyObject *split_value(PyDictObject *mp, Py_ssize_t ix)
{
    return ix >= 0 && ix < mp->ma_used ? mp->ma_values[ix] : NULL;
}

/* ---- version tags ---- */

static uint64_t version_fallback; /* used before the interpreter state exists */

static inline uint64_t dict_next_version(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    if (ts == NULL || ts->interp == NULL)
        return ++version_fallback;
    if (ts->interp->dict_version < version_fallback) /* never go backwards */
        ts->interp->dict_version = version_fallback;
    return ++ts->interp->dict_version;
}

/* ---- hashing and lookup ---- */

static inline Py_hash_t key_hash(PyObject *key)
{
    if (PyUnicode_CheckExact(key)) {
        Py_hash_t h = ((PyASCIIObject *)key)->hash;
        if (h != -1)
            return h;
    }
    return PyObject_Hash(key);
}

/* Find key: returns its entry index (and *value_addr = its value, borrowed), DKIX_EMPTY
 * if absent, DKIX_ERROR on a comparison error.  A comparison that mutates the dict
 * restarts the search, as in CPython. */
/* dict_lookup for a str key in a table of str keys only (3.11's unicodekeys_lookup_unicode):
 * comparing two exact strs has no side effects, so no restart checks; small tables (one-byte
 * index slots, the common case) get their own loop without the index-width dispatch. */
static Py_ssize_t unicode_lookup(PyDictKeysObject *dk, PyObject *key, Py_hash_t hash,
                                 PyObject **value_addr)
{
    PyDictKeyEntry *ep0 = DK_ENTRIES(dk);
    size_t mask = (size_t)DK_MASK(dk), perturb = (size_t)hash, i = (size_t)hash & mask;
    if (DK_LOG_SIZE(dk) < 8) {
        const int8_t *indices = (const int8_t *)dk->dk_indices;
        for (;;) {
            Py_ssize_t ix = indices[i];
            if (ix >= 0) {
                PyDictKeyEntry *ep = &ep0[ix];
                if (ep->me_key == key || (ep->me_hash == hash && _PyUnicode_EQ(ep->me_key, key))) {
                    *value_addr = ep->me_value;
                    return ix;
                }
            } else if (ix == DKIX_EMPTY) {
                *value_addr = NULL;
                return DKIX_EMPTY;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
    }
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(dk, (Py_ssize_t)i);
        if (ix >= 0) {
            PyDictKeyEntry *ep = &ep0[ix];
            if (ep->me_key == key || (ep->me_hash == hash && _PyUnicode_EQ(ep->me_key, key))) {
                *value_addr = ep->me_value;
                return ix;
            }
        } else if (ix == DKIX_EMPTY) {
            *value_addr = NULL;
            return DKIX_EMPTY;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static Py_ssize_t dict_lookup(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject **value_addr)
{
    if (DK_IS_UNICODE(mp->ma_keys) && PyUnicode_CheckExact(key)) {
        Py_ssize_t ix = unicode_lookup(mp->ma_keys, key, hash, value_addr);
        if (mp->ma_values != NULL)
            *value_addr = split_value(mp, ix);
        return ix;
    }
    PyDictKeysObject *dk;
    PyDictKeyEntry *ep0;
    size_t mask, perturb, i;
    int unicode_key = PyUnicode_CheckExact(key);
start:
    dk = mp->ma_keys;
    ep0 = DK_ENTRIES(dk);
    mask = (size_t)DK_MASK(dk);
    perturb = (size_t)hash;
    i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(dk, (Py_ssize_t)i);
        if (ix == DKIX_EMPTY) {
            *value_addr = NULL;
            return ix;
        }
        if (ix >= 0) {
            PyDictKeyEntry *ep = &ep0[ix];
            if (ep->me_key == key) {
                *value_addr = mp->ma_values != NULL ? split_value(mp, ix) : ep->me_value;
                return ix;
            }
            if (ep->me_hash == hash) {
                PyObject *startkey = ep->me_key;
                int cmp;
                if (unicode_key && PyUnicode_CheckExact(startkey)) {
                    cmp = _PyUnicode_EQ(startkey, key); /* no side effects possible */
                } else {
                    Py_INCREF(startkey);
                    cmp = PyObject_RichCompareBool(startkey, key, Py_EQ);
                    Py_DECREF(startkey);
                    if (cmp < 0) {
                        *value_addr = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->ma_keys || ep->me_key != startkey)
                        goto start; /* the comparison changed the dict */
                }
                if (cmp > 0) {
                    *value_addr = mp->ma_values != NULL ? split_value(mp, ix) : ep->me_value;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Index-table slot holding entry `index` (for deletion). */
static Py_ssize_t lookdict_index(PyDictKeysObject *k, Py_hash_t hash, Py_ssize_t index)
{
    size_t mask = (size_t)DK_MASK(k), perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        Py_ssize_t ix = dictkeys_get_index(k, (Py_ssize_t)i);
        if (ix == index)
            return (Py_ssize_t)i;
        if (ix == DKIX_EMPTY)
            return DKIX_EMPTY;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* First EMPTY slot on hash's probe sequence (the key is known to be absent). */
static Py_ssize_t find_empty_slot(PyDictKeysObject *keys, Py_hash_t hash)
{
    size_t mask = (size_t)DK_MASK(keys), i = (size_t)hash & mask, perturb = (size_t)hash;
    Py_ssize_t ix = dictkeys_get_index(keys, (Py_ssize_t)i);
    while (ix >= 0 || ix == DKIX_DUMMY) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        ix = dictkeys_get_index(keys, (Py_ssize_t)i);
    }
    return (Py_ssize_t)i;
}

/* Rebuild into a table of 1 << log2_newsize slots, compacting deleted entries. */
/* Rebuild the table with 1 << log2_newsize slots; it stays str-only (unicode kind) only
 * if it was and the caller allows it. */
static int dictresize(PyDictObject *mp, uint8_t log2_newsize, int unicode)
{
    PyDictKeysObject *oldkeys = mp->ma_keys, *newkeys;
    Py_ssize_t numentries = mp->ma_used;
    PyDictKeyEntry *oldentries, *newentries;
    if (log2_newsize >= 64) {
        PyErr_NoMemory();
        return -1;
    }
    newkeys = new_keys_object(log2_newsize, unicode && DK_IS_UNICODE(oldkeys));
    if (newkeys == NULL)
        return -1;
    oldentries = DK_ENTRIES(oldkeys);
    newentries = DK_ENTRIES(newkeys);
    if (mp->ma_values != NULL) {
        /* split -> combined: the keys are shared (new references), the values move */
        PyObject **values = mp->ma_values;
        for (Py_ssize_t i = 0; i < numentries; i++) {
            newentries[i].me_key = Py_NewRef(oldentries[i].me_key);
            newentries[i].me_hash = oldentries[i].me_hash;
            newentries[i].me_value = values[i];
        }
        mp->ma_values = NULL;
        free_values(values);
    } else if (oldkeys->dk_nentries == numentries) {
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(PyDictKeyEntry));
    } else {
        PyDictKeyEntry *ep = oldentries;
        for (Py_ssize_t i = 0; i < numentries; i++) {
            while (ep->me_value == NULL)
                ep++;
            newentries[i] = *ep++;
        }
    }
    for (Py_ssize_t ix = 0; ix < numentries; ix++) {
        Py_ssize_t slot = find_empty_slot(newkeys, newentries[ix].me_hash);
        dictkeys_set_index(newkeys, slot, ix);
    }
    newkeys->dk_usable -= numentries;
    newkeys->dk_nentries = numentries;
    mp->ma_keys = newkeys;
    if (oldkeys->dk_kind == DICT_KEYS_SPLIT)
        dictkeys_decref(oldkeys);
    else
        free_keys_object(oldkeys);
    return 0;
}

static int insertion_resize(PyDictObject *mp, int unicode)
{
    return dictresize(mp, calculate_log2_keysize(GROWTH_RATE(mp)), unicode);
}

/* Give a split dict a table of its own (before an operation split tables don't support). */
static int dict_unsplit(PyDictObject *mp)
{
    return mp->ma_values == NULL ? 0 : insertion_resize(mp, 1);
}

/* Could this object ever be part of a reference cycle? */
static inline int maybe_tracked(PyObject *o)
{
    return PyObject_IS_GC(o) && (!PyTuple_CheckExact(o) || _PyObject_GC_IS_TRACKED(o));
}

static inline void maintain_tracking(PyDictObject *mp, PyObject *key, PyObject *value)
{
    if (!_PyObject_GC_IS_TRACKED(mp) && (maybe_tracked(key) || maybe_tracked(value)))
        _PyObject_GC_TrackInline(mp);
}

/* Append an entry for a key known to be absent (no lookup, so no __eq__ call); the table
 * kind must already suit the key.  Steals references to key and value.  0 or -1. */
static int insert_new_entry(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyDictKeysObject *keys;
    PyDictKeyEntry *ep;
    Py_ssize_t slot;
    maintain_tracking(mp, key, value);
    if (mp->ma_keys->dk_usable <= 0 && insertion_resize(mp, 1) < 0) {
        Py_DECREF(value);
        Py_DECREF(key);
        return -1;
    }
    keys = mp->ma_keys;
    slot = find_empty_slot(keys, hash);
    ep = &DK_ENTRIES(keys)[keys->dk_nentries];
    dictkeys_set_index(keys, slot, keys->dk_nentries);
    ep->me_key = key;
    ep->me_hash = hash;
    ep->me_value = value;
    mp->ma_used++;
    mp->ma_version_tag = dict_next_version();
    keys->dk_usable--;
    keys->dk_nentries++;
    return 0;
}

static int grow_values(PyDictObject *mp, Py_ssize_t ix)
{
    PyObject **values = grow_values_array(mp->ma_values, ix);
    if (values == NULL)
        return -1;
    mp->ma_values = values;
    return 0;
}

/* Insert an exact-str key into a split dict, keeping it split: replace a value, or add
 * the key when it is the next shared entry (appending it to the shared keys if nobody
 * has it yet).  Steals key and value.  0 or -1, or 1 (nothing stolen) when the dict
 * must be unsplit first. */
static int insert_split(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyDictKeysObject *keys = mp->ma_keys;
    PyObject *unused;
    Py_ssize_t ix = unicode_lookup(keys, key, hash, &unused);
    if (ix >= 0 && ix < mp->ma_used) {
        PyObject *old_value = mp->ma_values[ix];
        maintain_tracking(mp, key, value);
        mp->ma_values[ix] = value;
        mp->ma_version_tag = dict_next_version();
        Py_DECREF(key);
        Py_DECREF(old_value); /* may run arbitrary code: do it last */
        return 0;
    }
    if (ix >= 0 ? ix != mp->ma_used
                : mp->ma_used != keys->dk_nentries || keys->dk_usable <= 0)
        return 1;
    if (mp->ma_used >= VALUES_CAPACITY(mp->ma_values) && grow_values(mp, mp->ma_used) < 0) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    maintain_tracking(mp, key, value);
    if (ix < 0) { /* a new shared entry: the keys object takes the key's reference */
        PyDictKeyEntry *ep = &DK_ENTRIES(keys)[keys->dk_nentries];
        dictkeys_set_index(keys, find_empty_slot(keys, hash), keys->dk_nentries);
        ep->me_key = key;
        ep->me_hash = hash;
        ep->me_value = NULL;
        keys->dk_usable--;
        keys->dk_nentries++;
    } else {
        Py_DECREF(key);
    }
    mp->ma_values[mp->ma_used++] = value;
    mp->ma_version_tag = dict_next_version();
    return 0;
}

/* Insert or replace; steals references to key and value.  0 or -1. */
static int insertdict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyObject *old_value;
    Py_ssize_t ix;
    if (mp->ma_values != NULL) {
        if (PyUnicode_CheckExact(key)) {
            int r = insert_split(mp, key, hash, value);
            if (r <= 0)
                return r;
        }
        if (dict_unsplit(mp) < 0)
            goto fail;
    }
    if (DK_IS_UNICODE(mp->ma_keys) && !PyUnicode_CheckExact(key) && insertion_resize(mp, 0) < 0)
        goto fail; /* the first non-str key converts the table (a resize, as CPython) */
    ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        goto fail;
    if (ix == DKIX_EMPTY || old_value == NULL)
        return insert_new_entry(mp, key, hash, value);
    maintain_tracking(mp, key, value);
    if (old_value != value) {
        DK_ENTRIES(mp->ma_keys)[ix].me_value = value;
        mp->ma_version_tag = dict_next_version();
    }
    Py_XDECREF(old_value); /* may run arbitrary code: do it last */
    Py_DECREF(key);
    return 0;
fail:
    Py_DECREF(value);
    Py_DECREF(key);
    return -1;
}

/* First insertion into an empty dict (the shared empty keys): allocate minimal keys. */
static int insert_to_emptydict(PyDictObject *mp, PyObject *key, Py_hash_t hash, PyObject *value)
{
    PyDictKeysObject *newkeys = new_keys_object(PyDict_LOG_MINSIZE, PyUnicode_CheckExact(key));
    size_t hashpos;
    PyDictKeyEntry *ep;
    if (newkeys == NULL) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    maintain_tracking(mp, key, value);
    mp->ma_keys = newkeys;
    hashpos = (size_t)hash & (PyDict_MINSIZE - 1);
    ep = DK_ENTRIES(newkeys);
    dictkeys_set_index(newkeys, (Py_ssize_t)hashpos, 0);
    ep->me_key = key;
    ep->me_hash = hash;
    ep->me_value = value;
    mp->ma_used++;
    mp->ma_version_tag = dict_next_version();
    newkeys->dk_usable--;
    newkeys->dk_nentries++;
    return 0;
}

static int setitem_take2_knownhash(PyDictObject *mp, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (mp->ma_keys == Py_EMPTY_KEYS)
        return insert_to_emptydict(mp, key, hash, value);
    return insertdict(mp, key, hash, value);
}

/* ---- construction ---- */

/* A new exact dict object (refcount 1, untracked, fields unset). */
static PyDictObject *dict_alloc(void)
{
    if (dict_numfree > 0) {
        PyDictObject *mp = dict_free_list[--dict_numfree];
        _Py_AS_GC(mp)->_gc_prev = 0;
        Py_SET_REFCNT(mp, 1);
        if (_PyTraceMalloc_active) /* a reused block is a new allocation to tracemalloc */
            _PyTraceMalloc_NewReference((PyObject *)mp);
        return mp;
    }
    return PyObject_GC_New(PyDictObject, &PyDict_Type);
}

static PyObject *new_dict(PyDictKeysObject *keys)
{
    PyDictObject *mp = dict_alloc();
    if (mp == NULL) {
        free_keys_object(keys);
        return NULL;
    }
    mp->ma_keys = keys;
    mp->ma_values = NULL;
    mp->ma_used = 0;
    mp->ma_version_tag = dict_next_version();
    return (PyObject *)mp; /* untracked until it holds something that can cycle */
}

PyObject *PyDict_New(void)
{
    return new_dict(Py_EMPTY_KEYS);
}

/* An empty split dict using the shared `keys`, with room for the values of the keys
 * the class's instances have so far. */
static PyObject *new_split_dict(PyDictKeysObject *keys)
{
    PyDictObject *mp;
    PyObject **values = new_values(keys->dk_nentries);
    if (values == NULL)
        return NULL;
    mp = dict_alloc();
    if (mp == NULL) {
        free_values(values);
        return NULL;
    }
    keys->dk_refcnt++;
    mp->ma_keys = keys;
    mp->ma_values = values;
    mp->ma_used = 0;
    mp->ma_version_tag = dict_next_version();
    return (PyObject *)mp;
}

/* The shared keys of a heap type's instances (borrowed), made on first use so that
 * classes without instances cost nothing: 64 slots for SHARED_KEYS_MAX_SIZE entries. */
static PyDictKeysObject *class_keys(PyTypeObject *tp)
{
    PyHeapTypeObject *et = (PyHeapTypeObject *)tp;
    if (et->ht_cached_keys == NULL) {
        PyDictKeysObject *keys = new_keys_object(6, 1);
        if (keys == NULL)
            return NULL;
        keys->dk_kind = DICT_KEYS_SPLIT;
        keys->dk_usable = SHARED_KEYS_MAX_SIZE;
        et->ht_cached_keys = keys;
    }
    return et->ht_cached_keys;
}

PyObject *_PyObjectDict_New(PyTypeObject *tp)
{
    PyDictKeysObject *keys;
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE))
        return PyDict_New();
    keys = class_keys(tp);
    return keys == NULL ? NULL : new_split_dict(keys);
}

void _PyDictKeys_DecRef(PyDictKeysObject *keys)
{
    dictkeys_decref(keys);
}

Py_ssize_t _PyType_SharedKeysLacking(PyTypeObject *tp, PyObject *name, PyDictKeysObject **keys)
{
    PyDictKeysObject *dk;
    PyObject *value;
    *keys = NULL;
    if (!(tp->tp_flags & Py_TPFLAGS_HEAPTYPE) || !PyUnicode_CheckExact(name))
        return -1;
    dk = ((PyHeapTypeObject *)tp)->ht_cached_keys;
    if (dk == NULL || key_hash(name) == -1)
        return -1;
    if (unicode_lookup(dk, name, key_hash(name), &value) != DKIX_EMPTY)
        return -1;
    *keys = dk;
    return dk->dk_nentries;
}

/* ---- instance values: attributes without a dict object (3.11's managed dicts) ----
 * Until its __dict__ is asked for, an instance of a heap type keeps its attributes as a
 * values array for its class's shared keys, stored in its dict slot with bit 0 set
 * (_PyObject_SLOT_HAS_VALUES).  The array's header holds a reference to the keys (so a
 * __class__ change cannot mismatch them) and the count of values; the same dense-prefix
 * rule as split dicts applies.  Anything the array cannot do -- a deletion, an attribute
 * out of the shared order, a non-str name, asking for __dict__ -- first turns it into a
 * split dict owning the same array (_PyObject_MaterializeDict).  The instance is then one
 * GC object instead of two, as in CPython 3.11. */

#define SLOT_VALUES(slotval) ((PyObject **)((uintptr_t)(slotval) & ~(uintptr_t)1))
#define VALUES_SLOT(values) ((PyObject *)((uintptr_t)(values) | 1))

int _PyObject_InitInstanceValues(PyTypeObject *tp, PyObject **slot)
{
    PyDictKeysObject *keys;
    PyObject **values;
    if (!_PyType_DictSlotIsOwned(tp))
        return 1;
    keys = class_keys(tp);
    if (keys == NULL)
        return -1;
    values = new_values(keys->dk_nentries);
    if (values == NULL)
        return -1;
    keys->dk_refcnt++;
    VALUES_KEYS(values) = keys;
    *slot = VALUES_SLOT(values);
    return 0;
}

Py_ssize_t _PyObject_GetInstanceValueHint(PyObject *slotval, PyObject *name, Py_ssize_t hint,
                                          PyObject **value)
{
    PyObject **values = SLOT_VALUES(slotval);
    PyDictKeysObject *keys = VALUES_KEYS(values);
    Py_ssize_t used = VALUES_USED(values), ix;
    if (hint >= 0 && hint < used && DK_ENTRIES(keys)[hint].me_key == name) {
        *value = values[hint];
        return hint;
    }
    ix = unicode_lookup(keys, name, key_hash(name), value);
    *value = ix >= 0 && ix < used ? values[ix] : NULL;
    return *value == NULL ? -1 : ix;
}

PyObject *_PyObject_GetInstanceValue(PyObject *slotval, PyObject *name)
{
    PyObject *value;
    _PyObject_GetInstanceValueHint(slotval, name, -1, &value);
    return value;
}

/* Store into an instance's values (name an exact str, value not NULL): the shared index
 * used, -3 with an exception set, or -1 (nothing done) when the values cannot take it. */
static Py_ssize_t set_instance_value(PyObject **slot, PyObject *name, PyObject *value,
                                     Py_ssize_t hint)
{
    PyObject **values = SLOT_VALUES(*slot), *old;
    PyDictKeysObject *keys = VALUES_KEYS(values);
    Py_ssize_t used = VALUES_USED(values), ix;
    Py_hash_t hash;
    if (hint >= 0 && hint <= used && hint < keys->dk_nentries &&
        DK_ENTRIES(keys)[hint].me_key == name) {
        ix = hint;
    } else {
        hash = key_hash(name);
        if (hash == -1)
            return DKIX_ERROR;
        ix = unicode_lookup(keys, name, hash, &old);
        if (ix == DKIX_EMPTY) {
            if (used != keys->dk_nentries || keys->dk_usable <= 0)
                return -1;
            /* a new shared entry, appended to the class's keys */
            if (used >= VALUES_CAPACITY(values)) {
                values = grow_values_array(values, used);
                if (values == NULL)
                    return DKIX_ERROR;
                *slot = VALUES_SLOT(values);
            }
            PyDictKeyEntry *ep = &DK_ENTRIES(keys)[keys->dk_nentries];
            dictkeys_set_index(keys, find_empty_slot(keys, hash), keys->dk_nentries);
            ep->me_key = Py_NewRef(name);
            ep->me_hash = hash;
            ep->me_value = NULL;
            keys->dk_usable--;
            keys->dk_nentries++;
            ix = used;
        }
    }
    if (ix < used) {
        old = values[ix];
        values[ix] = Py_NewRef(value);
        Py_DECREF(old); /* may run arbitrary code: last */
        return ix;
    }
    if (ix != used)
        return -1;
    if (used >= VALUES_CAPACITY(values)) {
        values = grow_values_array(values, used);
        if (values == NULL)
            return DKIX_ERROR;
        *slot = VALUES_SLOT(values);
    }
    values[used] = Py_NewRef(value);
    VALUES_USED(values) = used + 1;
    return ix;
}

int _PyObject_SetInstanceValue(PyObject **slot, PyObject *name, PyObject *value)
{
    Py_ssize_t ix;
    if (value == NULL || !PyUnicode_CheckExact(name))
        return 1;
    ix = set_instance_value(slot, name, value, -1);
    return ix == DKIX_ERROR ? -1 : ix == -1 ? 1 : 0;
}

PyObject *_PyObject_MaterializeDict(PyObject **slot)
{
    PyObject **values = SLOT_VALUES(*slot);
    PyDictObject *mp = dict_alloc();
    if (mp == NULL)
        return NULL;
    mp->ma_keys = VALUES_KEYS(values); /* the array's reference moves to the dict */
    mp->ma_values = values;
    mp->ma_used = VALUES_USED(values);
    mp->ma_version_tag = dict_next_version();
    VALUES_KEYS(values) = NULL;
    VALUES_USED(values) = 0;
    *slot = (PyObject *)mp;
    for (Py_ssize_t i = 0; i < mp->ma_used; i++) {
        if (maybe_tracked(values[i])) {
            PyObject_GC_Track(mp);
            break;
        }
    }
    return (PyObject *)mp;
}

Py_ssize_t _PyObject_SetAttrHint(PyObject **slot, PyObject *name, PyObject *value, Py_ssize_t hint)
{
    if (_PyObject_SLOT_HAS_VALUES(*slot)) {
        Py_ssize_t ix = set_instance_value(slot, name, value, hint);
        if (ix != -1)
            return ix;
        if (_PyObject_MaterializeDict(slot) == NULL)
            return DKIX_ERROR;
        return PyDict_SetItem(*slot, name, value) < 0 ? DKIX_ERROR : -1;
    }
    return _PyDict_SetItemHint((PyDictObject *)*slot, name, value, hint);
}

int _PyObject_VisitInstanceValues(PyObject *slotval, visitproc visit, void *arg)
{
    PyObject **values = SLOT_VALUES(slotval);
    for (Py_ssize_t i = 0, n = VALUES_USED(values); i < n; i++)
        Py_VISIT(values[i]);
    return 0;
}

void _PyObject_ClearInstanceValues(PyObject **slot)
{
    PyObject **values = SLOT_VALUES(*slot);
    Py_ssize_t n = VALUES_USED(values);
    *slot = NULL; /* first: the decrefs below may run code that looks at the object */
    for (Py_ssize_t i = 0; i < n; i++)
        Py_DECREF(values[i]);
    dictkeys_decref(VALUES_KEYS(values));
    free_values(values);
}

static PyObject *dict_new_presized(Py_ssize_t minused, int unicode)
{
    const uint8_t log2_max_presize = 17;
    const Py_ssize_t max_presize = ((Py_ssize_t)1) << log2_max_presize;
    uint8_t log2_newsize;
    PyDictKeysObject *new_keys;
    if (minused <= USABLE_FRACTION(PyDict_MINSIZE))
        return PyDict_New();
    /* Very large presizes are probably wrong; cap them (the dict can still grow). */
    if (minused > USABLE_FRACTION(max_presize))
        log2_newsize = log2_max_presize;
    else
        log2_newsize = estimate_log2_keysize(minused);
    new_keys = new_keys_object(log2_newsize, unicode);
    if (new_keys == NULL)
        return NULL;
    return new_dict(new_keys);
}

PyObject *_PyDict_NewPresized(Py_ssize_t minused)
{
    return dict_new_presized(minused, 0);
}

PyObject *_PyDict_FromItems(PyObject *const *keys, Py_ssize_t keys_offset,
                            PyObject *const *values, Py_ssize_t values_offset, Py_ssize_t length)
{
    int unicode = 1;
    PyObject *dict;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (!PyUnicode_CheckExact(keys[i * keys_offset])) {
            unicode = 0;
            break;
        }
    }
    dict = dict_new_presized(length, unicode);
    if (dict == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < length; i++) {
        if (PyDict_SetItem(dict, *keys, *values) < 0) {
            Py_DECREF(dict);
            return NULL;
        }
        keys += keys_offset;
        values += values_offset;
    }
    return dict;
}

/* ---- item access ---- */

PyObject *_PyDict_GetItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (dict_lookup((PyDictObject *)op, key, hash, &value) < 0)
        return NULL;
    return value;
}

PyObject *PyDict_GetItemWithError(PyObject *op, PyObject *key)
{
    Py_hash_t hash;
    PyObject *value;
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    hash = key_hash(key);
    if (hash == -1)
        return NULL;
    if (dict_lookup((PyDictObject *)op, key, hash, &value) < 0)
        return NULL;
    return value;
}

/* Legacy API: errors (unhashable key, failing __eq__) are swallowed, and an exception
 * already set by the caller is preserved. */
PyObject *PyDict_GetItem(PyObject *op, PyObject *key)
{
    PyObject *value, *et, *ev, *tb;
    Py_hash_t hash;
    if (!PyDict_Check(op))
        return NULL;
    PyErr_Fetch(&et, &ev, &tb);
    hash = key_hash(key);
    if (hash == -1) {
        PyErr_Clear();
        PyErr_Restore(et, ev, tb);
        return NULL;
    }
    if (dict_lookup((PyDictObject *)op, key, hash, &value) < 0) {
        PyErr_Clear();
        value = NULL;
    }
    PyErr_Restore(et, ev, tb);
    return value;
}

PyObject *_PyDict_GetItemStringWithError(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key), *rv;
    if (kv == NULL)
        return NULL;
    rv = PyDict_GetItemWithError(v, kv);
    Py_DECREF(kv);
    return rv;
}

PyObject *PyDict_GetItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key), *rv;
    if (kv == NULL) {
        PyErr_Clear();
        return NULL;
    }
    rv = PyDict_GetItem(v, kv);
    Py_DECREF(kv);
    return rv;
}

PyObject *_PyDict_LoadGlobal(PyDictObject *globals, PyDictObject *builtins, PyObject *key)
{
    PyObject *value;
    Py_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    if (dict_lookup(globals, key, hash, &value) == DKIX_ERROR)
        return NULL;
    if (value != NULL)
        return value;
    if (dict_lookup(builtins, key, hash, &value) == DKIX_ERROR)
        return NULL;
    return value;
}

Py_ssize_t _PyDict_GetItemHint(PyDictObject *mp, PyObject *key, Py_ssize_t hint, PyObject **value)
{
    if (_PyObject_SLOT_HAS_VALUES(mp)) /* ceval passes an instance's dict slot as is */
        return _PyObject_GetInstanceValueHint((PyObject *)mp, key, hint, value);
    PyDictKeysObject *dk = mp->ma_keys;
    if (mp->ma_values != NULL) {
        /* a split dict: the hint indexes the class's shared keys, so one cache entry
         * serves every instance (3.11's LOAD_ATTR_INSTANCE_VALUE) */
        if (hint >= 0 && hint < mp->ma_used && DK_ENTRIES(dk)[hint].me_key == key) {
            *value = mp->ma_values[hint];
            return hint;
        }
    } else if (hint >= 0 && hint < dk->dk_nentries) {
        PyDictKeyEntry *ep = &DK_ENTRIES(dk)[hint];
        if (ep->me_key == key && ep->me_value != NULL) {   /* deleted entries have no key */
            *value = ep->me_value;
            return hint;
        }
    }
    Py_ssize_t ix = dict_lookup(mp, key, ((PyASCIIObject *)key)->hash, value);
    if (ix == DKIX_ERROR)
        return DKIX_ERROR;
    return *value == NULL ? -1 : ix;
}

Py_ssize_t _PyDict_SetItemHint(PyDictObject *mp, PyObject *key, PyObject *value, Py_ssize_t hint)
{
    PyDictKeysObject *dk = mp->ma_keys;
    if (mp->ma_values != NULL) {
        if (hint >= 0 && hint < mp->ma_used && DK_ENTRIES(dk)[hint].me_key == key) {
            PyObject *old = mp->ma_values[hint];
            Py_INCREF(value);
            mp->ma_values[hint] = value;
            mp->ma_version_tag = dict_next_version();
            maintain_tracking(mp, key, value);
            Py_DECREF(old);
            return hint;
        }
        if (hint == mp->ma_used && hint < dk->dk_nentries && DK_ENTRIES(dk)[hint].me_key == key) {
            /* a fresh instance's __init__ storing the class's next attribute */
            if (hint >= VALUES_CAPACITY(mp->ma_values) && grow_values(mp, hint) < 0)
                return DKIX_ERROR;
            maintain_tracking(mp, key, value);
            mp->ma_values[mp->ma_used++] = Py_NewRef(value);
            mp->ma_version_tag = dict_next_version();
            return hint;
        }
    } else if (hint >= 0 && hint < dk->dk_nentries) {
        PyDictKeyEntry *ep = &DK_ENTRIES(dk)[hint];
        if (ep->me_key == key && ep->me_value != NULL) {
            PyObject *old = ep->me_value;
            Py_INCREF(value);
            ep->me_value = value;
            mp->ma_version_tag = dict_next_version();
            maintain_tracking(mp, key, value);
            Py_DECREF(old);   /* last: its finalizer may look at the dict */
            return hint;
        }
    }
    /* A hint past the end cannot be the key's index now (a new object's __init__ adding
     * its attributes): a plain insert, without the extra lookup to learn an index. */
    if (hint >= mp->ma_used)
        return PyDict_SetItem((PyObject *)mp, key, value) < 0 ? DKIX_ERROR : -1;
    if (PyDict_SetItem((PyObject *)mp, key, value) < 0)
        return DKIX_ERROR;
    PyObject *found;
    Py_ssize_t ix = dict_lookup(mp, key, ((PyASCIIObject *)key)->hash, &found);
    return ix < 0 ? -1 : ix;
}

int _PyDict_SetItem_KnownHash(PyObject *op, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return setitem_take2_knownhash((PyDictObject *)op, Py_NewRef(key), Py_NewRef(value), hash);
}

int _PyDict_SetItem_Take2(PyDictObject *mp, PyObject *key, PyObject *value)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    return setitem_take2_knownhash(mp, key, value, hash);
}

int PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value)
{
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return _PyDict_SetItem_Take2((PyDictObject *)op, Py_NewRef(key), Py_NewRef(value));
}

int PyDict_SetItemString(PyObject *v, const char *key, PyObject *item)
{
    PyObject *kv = PyUnicode_InternFromString(key);
    int err;
    if (kv == NULL)
        return -1;
    err = PyDict_SetItem(v, kv, item);
    Py_DECREF(kv);
    return err;
}

/* Remove entry ix (whose value is old_value) and drop its references. */
static void delitem_common(PyDictObject *mp, Py_hash_t hash, Py_ssize_t ix, PyObject *old_value)
{
    PyDictKeyEntry *ep = &DK_ENTRIES(mp->ma_keys)[ix];
    Py_ssize_t hashpos = lookdict_index(mp->ma_keys, hash, ix);
    PyObject *old_key = ep->me_key;
    mp->ma_used--;
    mp->ma_version_tag = dict_next_version();
    dictkeys_set_index(mp->ma_keys, hashpos, DKIX_DUMMY);
    ep->me_key = NULL;
    ep->me_value = NULL;
    Py_DECREF(old_key);
    Py_DECREF(old_value);
}

int _PyDict_DelItem_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *old_value;
    Py_ssize_t ix;
    if (!PyDict_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    ix = dict_lookup((PyDictObject *)op, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix == DKIX_EMPTY || old_value == NULL) {
        _PyErr_SetKeyError(key);
        return -1;
    }
    /* unsplitting keeps entry indices: a split dict's entries have no holes */
    if (dict_unsplit((PyDictObject *)op) < 0)
        return -1;
    delitem_common((PyDictObject *)op, hash, ix, old_value);
    return 0;
}

int PyDict_DelItem(PyObject *op, PyObject *key)
{
    Py_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return _PyDict_DelItem_KnownHash(op, key, hash);
}

int PyDict_DelItemString(PyObject *v, const char *key)
{
    PyObject *kv = PyUnicode_FromString(key);
    int err;
    if (kv == NULL)
        return -1;
    err = PyDict_DelItem(v, kv);
    Py_DECREF(kv);
    return err;
}

void PyDict_Clear(PyObject *op)
{
    PyDictObject *mp;
    PyDictKeysObject *oldkeys;
    PyDictKeyEntry *ep;
    Py_ssize_t n;
    if (!PyDict_Check(op))
        return;
    mp = (PyDictObject *)op;
    oldkeys = mp->ma_keys;
    if (oldkeys == Py_EMPTY_KEYS)
        return;
    /* Empty the dict first: decrefs below may run code that uses it. */
    mp->ma_keys = Py_EMPTY_KEYS;
    mp->ma_version_tag = dict_next_version();
    if (mp->ma_values != NULL) {
        PyObject **values = mp->ma_values;
        n = mp->ma_used;
        mp->ma_values = NULL;
        mp->ma_used = 0;
        for (Py_ssize_t i = 0; i < n; i++)
            Py_DECREF(values[i]);
        free_values(values);
        dictkeys_decref(oldkeys);
        return;
    }
    mp->ma_used = 0;
    ep = DK_ENTRIES(oldkeys);
    n = oldkeys->dk_nentries;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(ep[i].me_key);
        Py_XDECREF(ep[i].me_value);
    }
    free_keys_object(oldkeys);
}

/* Iterate: *ppos is an opaque cursor starting at 0.  Borrowed references. */
int _PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue, Py_hash_t *phash)
{
    PyDictObject *mp;
    PyDictKeyEntry *ep;
    Py_ssize_t i, n;
    if (!PyDict_Check(op))
        return 0;
    mp = (PyDictObject *)op;
    i = *ppos;
    n = dict_nentries(mp);
    if (i < 0 || i >= n)
        return 0;
    if (mp->ma_values != NULL) {
        ep = &DK_ENTRIES(mp->ma_keys)[i];
        *ppos = i + 1;
        if (pkey)
            *pkey = ep->me_key;
        if (phash)
            *phash = ep->me_hash;
        if (pvalue)
            *pvalue = mp->ma_values[i];
        return 1;
    }
    ep = &DK_ENTRIES(mp->ma_keys)[i];
    while (i < n && ep->me_value == NULL) {
        ep++;
        i++;
    }
    if (i >= n)
        return 0;
    *ppos = i + 1;
    if (pkey)
        *pkey = ep->me_key;
    if (phash)
        *phash = ep->me_hash;
    if (pvalue)
        *pvalue = ep->me_value;
    return 1;
}

int PyDict_Next(PyObject *op, Py_ssize_t *ppos, PyObject **pkey, PyObject **pvalue)
{
    return _PyDict_Next(op, ppos, pkey, pvalue, NULL);
}

PyObject *_PyDict_Pop_KnownHash(PyObject *dict, PyObject *key, Py_hash_t hash, PyObject *deflt)
{
    PyDictObject *mp = (PyDictObject *)dict;
    PyObject *old_value;
    Py_ssize_t ix;
    if (mp->ma_used == 0) {
        if (deflt)
            return Py_NewRef(deflt);
        _PyErr_SetKeyError(key);
        return NULL;
    }
    ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || old_value == NULL) {
        if (deflt)
            return Py_NewRef(deflt);
        _PyErr_SetKeyError(key);
        return NULL;
    }
    if (dict_unsplit(mp) < 0)
        return NULL;
    Py_INCREF(old_value);
    delitem_common(mp, hash, ix, old_value);
    return old_value; /* the reference taken above */
}

PyObject *_PyDict_Pop(PyObject *dict, PyObject *key, PyObject *deflt)
{
    Py_hash_t hash;
    if (((PyDictObject *)dict)->ma_used == 0) {
        if (deflt)
            return Py_NewRef(deflt);
        _PyErr_SetKeyError(key);
        return NULL;
    }
    hash = key_hash(key);
    if (hash == -1)
        return NULL;
    return _PyDict_Pop_KnownHash(dict, key, hash, deflt);
}

/* ---- bulk operations ---- */

/* An exact copy of a table (same size, kind, holes), holding new references. */
static PyDictKeysObject *clone_keys(PyDictKeysObject *orig)
{
    size_t size = sizeof(PyDictKeysObject) + ((size_t)1 << orig->dk_log2_index_bytes) +
                  sizeof(PyDictKeyEntry) * (size_t)USABLE_FRACTION(DK_SIZE(orig));
    PyDictKeysObject *keys = PyObject_Malloc(size);
    PyDictKeyEntry *ep;
    if (keys == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(keys, orig, size);
    ep = DK_ENTRIES(keys);
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        if (ep[i].me_value != NULL) {
            Py_INCREF(ep[i].me_key);
            Py_INCREF(ep[i].me_value);
        }
    }
    return keys;
}

static int dict_merge(PyObject *a, PyObject *b, int override)
{
    PyDictObject *mp;
    if (a == NULL || !PyDict_Check(a) || b == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    mp = (PyDictObject *)a;
    if (PyDict_Check(b) && Py_TYPE(b)->tp_iter == PyDict_Type.tp_iter) {
        PyDictObject *other = (PyDictObject *)b;
        Py_ssize_t n, i;
        if (other == mp || other->ma_used == 0)
            return 0;
        if (mp->ma_used == 0) {
            PyDictKeysObject *okeys = other->ma_keys;
            override = 1; /* nothing to override */
            /* A clean, freshly built source is copied table and all. */
            if (other->ma_values == NULL && mp->ma_values == NULL &&
                other->ma_used == okeys->dk_nentries &&
                (DK_LOG_SIZE(okeys) == PyDict_LOG_MINSIZE ||
                 USABLE_FRACTION(DK_SIZE(okeys) / 2) < other->ma_used)) {
                PyDictKeysObject *keys = clone_keys(okeys);
                if (keys == NULL)
                    return -1;
                free_keys_object(mp->ma_keys);
                mp->ma_keys = keys;
                mp->ma_used = other->ma_used;
                mp->ma_version_tag = dict_next_version();
                if (PyObject_GC_IsTracked((PyObject *)other) && !PyObject_GC_IsTracked((PyObject *)mp))
                    PyObject_GC_Track(mp);
                return 0;
            }
        }
        /* Grow once up front rather than several times while inserting. */
        if (mp->ma_values == NULL && USABLE_FRACTION(DK_SIZE(mp->ma_keys)) < other->ma_used) {
            if (dictresize(mp, estimate_log2_keysize(mp->ma_used + other->ma_used),
                           DK_IS_UNICODE(other->ma_keys)) < 0)
                return -1;
        }
        n = dict_nentries(other);
        for (i = 0; i < n; i++) {
            PyDictKeyEntry *entry = &DK_ENTRIES(other->ma_keys)[i];
            PyObject *key = entry->me_key, *value = dict_value_at(other, i);
            Py_hash_t hash = entry->me_hash;
            int err = 0;
            if (value == NULL)
                continue;
            Py_INCREF(key);
            Py_INCREF(value);
            if (override == 1) {
                err = insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value));
            } else {
                PyObject *existing;
                Py_ssize_t ix = dict_lookup(mp, key, hash, &existing);
                if (ix == DKIX_ERROR) {
                    err = -1;
                } else if (existing == NULL) {
                    err = insertdict(mp, Py_NewRef(key), hash, Py_NewRef(value));
                } else if (override != 0) {
                    _PyErr_SetKeyError(key);
                    err = -1;
                }
            }
            Py_DECREF(value);
            Py_DECREF(key);
            if (err != 0)
                return -1;
            if (n != dict_nentries(other)) {
                PyErr_SetString(PyExc_RuntimeError, "dict mutated during update");
                return -1;
            }
        }
        return 0;
    }
    /* A generic mapping: iterate its keys() and subscript. */
    {
        PyObject *keys = PyMapping_Keys(b), *iter, *key, *value;
        int status;
        if (keys == NULL)
            return -1;
        iter = PyObject_GetIter(keys);
        Py_DECREF(keys);
        if (iter == NULL)
            return -1;
        while ((key = PyIter_Next(iter)) != NULL) {
            if (override != 1) {
                status = PyDict_Contains(a, key);
                if (status != 0) {
                    if (status > 0) {
                        if (override == 0) {
                            Py_DECREF(key);
                            continue;
                        }
                        _PyErr_SetKeyError(key);
                    }
                    Py_DECREF(key);
                    Py_DECREF(iter);
                    return -1;
                }
            }
            value = PyObject_GetItem(b, key);
            if (value == NULL) {
                Py_DECREF(iter);
                Py_DECREF(key);
                return -1;
            }
            status = PyDict_SetItem(a, key, value);
            Py_DECREF(key);
            Py_DECREF(value);
            if (status < 0) {
                Py_DECREF(iter);
                return -1;
            }
        }
        Py_DECREF(iter);
        if (PyErr_Occurred())
            return -1;
    }
    return 0;
}

int PyDict_Update(PyObject *a, PyObject *b) { return dict_merge(a, b, 1); }
int PyDict_Merge(PyObject *a, PyObject *b, int override) { return dict_merge(a, b, override != 0); }
int _PyDict_MergeEx(PyObject *a, PyObject *b, int override) { return dict_merge(a, b, override); }

int PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override)
{
    PyObject *it, *item, *fast = NULL;
    Py_ssize_t i;
    if (d == NULL || !PyDict_Check(d) || seq2 == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    it = PyObject_GetIter(seq2);
    if (it == NULL)
        return -1;
    for (i = 0;; ++i) {
        PyObject *key, *value;
        Py_ssize_t n;
        item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred())
                goto fail;
            break;
        }
        fast = PySequence_Fast(item, "");
        if (fast == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Clear();
                PyErr_Format(PyExc_TypeError,
                             "cannot convert dictionary update sequence element #%zd to a sequence", i);
            }
            goto fail;
        }
        n = PySequence_Fast_GET_SIZE(fast);
        if (n != 2) {
            PyErr_Format(PyExc_ValueError,
                         "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
            goto fail;
        }
        key = Py_NewRef(PySequence_Fast_GET_ITEM(fast, 0));
        value = Py_NewRef(PySequence_Fast_GET_ITEM(fast, 1));
        Py_DECREF(fast);
        fast = NULL;
        Py_DECREF(item);
        item = NULL;
        if (override) {
            if (PyDict_SetItem(d, key, value) < 0) {
                Py_DECREF(key);
                Py_DECREF(value);
                goto fail;
            }
        } else {
            if (PyDict_SetDefault(d, key, value) == NULL) {
                Py_DECREF(key);
                Py_DECREF(value);
                goto fail;
            }
        }
        Py_DECREF(key);
        Py_DECREF(value);
    }
    Py_DECREF(it);
    return 0;
fail:
    Py_XDECREF(item);
    Py_XDECREF(fast);
    Py_DECREF(it);
    return -1;
}

PyObject *PyDict_Copy(PyObject *o)
{
    PyObject *copy;
    PyDictObject *mp;
    if (o == NULL || !PyDict_Check(o)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    mp = (PyDictObject *)o;
    if (mp->ma_used == 0)
        return PyDict_New();
    /* A table with at most 1/3 deleted entries is copied as is (else compacted). */
    if (Py_TYPE(o)->tp_iter == PyDict_Type.tp_iter && mp->ma_values == NULL &&
        mp->ma_used >= (mp->ma_keys->dk_nentries * 2) / 3) {
        PyDictKeysObject *keys = clone_keys(mp->ma_keys);
        PyDictObject *new;
        if (keys == NULL)
            return NULL;
        new = (PyDictObject *)new_dict(keys);
        if (new == NULL)
            return NULL;
        new->ma_used = mp->ma_used;
        if (PyObject_GC_IsTracked((PyObject *)mp))
            PyObject_GC_Track(new);
        return (PyObject *)new;
    }
    copy = PyDict_New();
    if (copy == NULL)
        return NULL;
    if (dict_merge(copy, o, 1) == 0)
        return copy;
    Py_DECREF(copy);
    return NULL;
}

Py_ssize_t PyDict_Size(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return ((PyDictObject *)mp)->ma_used;
}

/* keys / values / items as new lists (kind 0, 1, 2). */
static PyObject *dict_to_list(PyDictObject *mp, int kind)
{
    PyObject *v;
    Py_ssize_t n, j = 0;
again:
    n = mp->ma_used;
    v = PyList_New(n);
    if (v == NULL)
        return NULL;
    if (n != mp->ma_used) { /* allocation ran code that resized the dict */
        Py_DECREF(v);
        goto again;
    }
    for (Py_ssize_t i = 0; i < dict_nentries(mp) && j < n; i++) {
        PyDictKeyEntry *ep = &DK_ENTRIES(mp->ma_keys)[i];
        PyObject *item, *value = dict_value_at(mp, i);
        if (value == NULL)
            continue;
        if (kind == 0) {
            item = Py_NewRef(ep->me_key);
        } else if (kind == 1) {
            item = Py_NewRef(value);
        } else {
            item = PyTuple_Pack(2, ep->me_key, value);
            if (item == NULL) {
                Py_DECREF(v);
                return NULL;
            }
        }
        PyList_SET_ITEM(v, j, item);
        j++;
    }
    return v;
}

PyObject *PyDict_Keys(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list((PyDictObject *)mp, 0);
}

PyObject *PyDict_Values(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list((PyDictObject *)mp, 1);
}

PyObject *PyDict_Items(PyObject *mp)
{
    if (mp == NULL || !PyDict_Check(mp)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return dict_to_list((PyDictObject *)mp, 2);
}

int PyDict_Contains(PyObject *op, PyObject *key)
{
    PyObject *value;
    Py_ssize_t ix;
    Py_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    ix = dict_lookup((PyDictObject *)op, key, hash, &value);
    if (ix == DKIX_ERROR)
        return -1;
    return ix != DKIX_EMPTY && value != NULL;
}

int _PyDict_Contains_KnownHash(PyObject *op, PyObject *key, Py_hash_t hash)
{
    PyObject *value;
    Py_ssize_t ix = dict_lookup((PyDictObject *)op, key, hash, &value);
    if (ix == DKIX_ERROR)
        return -1;
    return ix != DKIX_EMPTY && value != NULL;
}

PyObject *PyDict_SetDefault(PyObject *d, PyObject *key, PyObject *defaultobj)
{
    PyDictObject *mp = (PyDictObject *)d;
    PyObject *value;
    Py_hash_t hash;
    if (!PyDict_Check(d)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    hash = key_hash(key);
    if (hash == -1)
        return NULL;
    if (mp->ma_values != NULL) {
        if (dict_lookup(mp, key, hash, &value) == DKIX_ERROR)
            return NULL;
        if (value != NULL)
            return value;
        if (dict_unsplit(mp) < 0)
            return NULL;
    }
    if (mp->ma_keys != Py_EMPTY_KEYS && DK_IS_UNICODE(mp->ma_keys) && !PyUnicode_CheckExact(key) &&
        insertion_resize(mp, 0) < 0)
        return NULL; /* converted before the lookup, as CPython */
    if (dict_lookup(mp, key, hash, &value) == DKIX_ERROR)
        return NULL;
    if (value != NULL)
        return value;
    /* one lookup only, as 3.11 (test_dict.test_setdefault_atomic counts __eq__ calls) */
    if (mp->ma_keys == Py_EMPTY_KEYS) {
        if (insert_to_emptydict(mp, Py_NewRef(key), hash, Py_NewRef(defaultobj)) < 0)
            return NULL;
    }
    else if (insert_new_entry(mp, Py_NewRef(key), hash, Py_NewRef(defaultobj)) < 0)
        return NULL;
    return defaultobj;
}

int _PyDict_HasOnlyStringKeys(PyObject *dict)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    while (PyDict_Next(dict, &pos, &key, &value))
        if (!PyUnicode_Check(key))
            return 0;
    return 1;
}

void _PyDict_MaybeUntrack(PyObject *op)
{
    Py_ssize_t pos = 0;
    PyObject *key, *value;
    if (!PyDict_CheckExact(op) || !PyObject_GC_IsTracked(op))
        return;
    while (PyDict_Next(op, &pos, &key, &value))
        if (maybe_tracked(key) || maybe_tracked(value))
            return;
    PyObject_GC_UnTrack(op);
}

/* Empty the free lists (a full collection, and at exit: LeakSanitizer must not find
 * the blocks merely reachable). */
void _PyDict_Fini(void)
{
    while (dict_numfree > 0)
        PyObject_GC_Del(dict_free_list[--dict_numfree]);
    while (keys_numfree > 0)
        PyObject_Free(keys_free_list[--keys_numfree]);
}

/* ---- slots ---- */

static void dict_dealloc(PyDictObject *mp)
{
    PyDictKeysObject *keys = mp->ma_keys;
    _PyObject_GC_UNTRACK(mp);
    /* the trashcan bounds the C recursion of nested dicts ({1: {1: ...}}) */
    Py_TRASHCAN_BEGIN(mp, dict_dealloc)
    if (mp->ma_values != NULL) {
        for (Py_ssize_t i = 0, n = mp->ma_used; i < n; i++)
            Py_DECREF(mp->ma_values[i]);
        free_values(mp->ma_values);
        dictkeys_decref(keys);
    } else if (keys != Py_EMPTY_KEYS) {
        PyDictKeyEntry *ep = DK_ENTRIES(keys);
        for (Py_ssize_t i = 0, n = keys->dk_nentries; i < n; i++) {
            Py_XDECREF(ep[i].me_key);
            Py_XDECREF(ep[i].me_value);
        }
        free_keys_object(keys);
    }
    if (Py_IS_TYPE(mp, &PyDict_Type) && dict_numfree < DICT_FREELIST_MAX)
        dict_free_list[dict_numfree++] = mp;   /* untracked above */
    else
        Py_TYPE(mp)->tp_free((PyObject *)mp);
    Py_TRASHCAN_END
}

static PyObject *dict_repr(PyDictObject *mp)
{
    _PyUnicodeWriter writer;
    Py_ssize_t i;
    int first = 1, status = Py_ReprEnter((PyObject *)mp);
    if (status != 0)
        return status > 0 ? PyUnicode_FromString("{...}") : NULL;
    if (mp->ma_used == 0) {
        Py_ReprLeave((PyObject *)mp);
        return PyUnicode_FromString("{}");
    }
    _PyUnicodeWriter_Init(&writer);
    writer.overallocate = 1;
    writer.min_length = 1 + 4 + (2 + 4) * (mp->ma_used - 1) + 1;
    if (_PyUnicodeWriter_WriteChar(&writer, '{') < 0)
        goto error;
    /* Item reprs may mutate the dict: re-read the table every step. */
    for (i = 0; i < dict_nentries(mp); i++) {
        PyDictKeyEntry *ep = &DK_ENTRIES(mp->ma_keys)[i];
        PyObject *key, *value, *s;
        int res;
        if (dict_value_at(mp, i) == NULL)
            continue;
        key = Py_NewRef(ep->me_key);
        value = Py_NewRef(dict_value_at(mp, i));
        if (!first && _PyUnicodeWriter_WriteASCIIString(&writer, ", ", 2) < 0)
            goto error_kv;
        first = 0;
        s = PyObject_Repr(key);
        if (s == NULL)
            goto error_kv;
        res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0 || _PyUnicodeWriter_WriteASCIIString(&writer, ": ", 2) < 0)
            goto error_kv;
        if (Py_EnterRecursiveCall(" while getting the repr of an object"))
            goto error_kv;
        s = PyObject_Repr(value);
        Py_LeaveRecursiveCall();
        if (s == NULL)
            goto error_kv;
        res = _PyUnicodeWriter_WriteStr(&writer, s);
        Py_DECREF(s);
        if (res < 0)
            goto error_kv;
        Py_DECREF(key);
        Py_DECREF(value);
        continue;
    error_kv:
        Py_DECREF(key);
        Py_DECREF(value);
        goto error;
    }
    writer.overallocate = 0;
    if (_PyUnicodeWriter_WriteChar(&writer, '}') < 0)
        goto error;
    Py_ReprLeave((PyObject *)mp);
    return _PyUnicodeWriter_Finish(&writer);
error:
    Py_ReprLeave((PyObject *)mp);
    _PyUnicodeWriter_Dealloc(&writer);
    return NULL;
}

static Py_ssize_t dict_length(PyDictObject *mp) { return mp->ma_used; }

static PyObject *dict_subscript(PyDictObject *mp, PyObject *key)
{
    PyObject *value;
    Py_ssize_t ix;
    Py_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    ix = dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR)
        return NULL;
    if (ix == DKIX_EMPTY || value == NULL) {
        if (!PyDict_CheckExact(mp)) {
            /* Subclasses may define __missing__. */
            PyObject *missing = _PyObject_LookupSpecial((PyObject *)mp, _Py_ID(__missing__)), *res;
            if (missing != NULL) {
                res = PyObject_CallOneArg(missing, key);
                Py_DECREF(missing);
                return res;
            }
            if (PyErr_Occurred())
                return NULL;
        }
        _PyErr_SetKeyError(key);
        return NULL;
    }
    return Py_NewRef(value);
}

static int dict_ass_sub(PyDictObject *mp, PyObject *v, PyObject *w)
{
    if (w == NULL)
        return PyDict_DelItem((PyObject *)mp, v);
    return PyDict_SetItem((PyObject *)mp, v, w);
}

static int dict_contains(PyDictObject *mp, PyObject *key)
{
    return PyDict_Contains((PyObject *)mp, key);
}

static int dict_equal(PyDictObject *a, PyDictObject *b)
{
    if (a->ma_used != b->ma_used)
        return 0;
    for (Py_ssize_t i = 0; i < dict_nentries(a); i++) {
        PyDictKeyEntry *ep = &DK_ENTRIES(a->ma_keys)[i];
        PyObject *aval = dict_value_at(a, i), *bval, *key;
        Py_hash_t hash;
        int cmp;
        if (aval == NULL)
            continue;
        key = Py_NewRef(ep->me_key);
        Py_INCREF(aval);
        hash = ep->me_hash;
        if (dict_lookup(b, key, hash, &bval) == DKIX_ERROR) {
            Py_DECREF(key);
            Py_DECREF(aval);
            return -1;
        }
        if (bval == NULL) {
            Py_DECREF(key);
            Py_DECREF(aval);
            return PyErr_Occurred() ? -1 : 0;
        }
        Py_INCREF(bval);
        cmp = PyObject_RichCompareBool(aval, bval, Py_EQ);
        Py_DECREF(key);
        Py_DECREF(aval);
        Py_DECREF(bval);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static PyObject *dict_richcompare(PyObject *v, PyObject *w, int op)
{
    int cmp;
    if (!PyDict_Check(v) || !PyDict_Check(w) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    cmp = dict_equal((PyDictObject *)v, (PyDictObject *)w);
    if (cmp < 0)
        return NULL;
    return Py_NewRef((cmp == (op == Py_EQ)) ? Py_True : Py_False);
}

static int dict_traverse(PyObject *op, visitproc visit, void *arg)
{
    PyDictObject *mp = (PyDictObject *)op;
    PyDictKeysObject *keys = mp->ma_keys;
    PyDictKeyEntry *entries = DK_ENTRIES(keys);
    /* exact str keys cannot be part of a cycle: as 3.11, only the values of such a
       table are visited (gc.get_referents({"k": "v"}) == ['v']) */
    int keys_too = !DK_IS_UNICODE(keys);
    if (mp->ma_values != NULL) {
        for (Py_ssize_t i = 0; i < mp->ma_used; i++)
            Py_VISIT(mp->ma_values[i]);
        return 0;
    }
    for (Py_ssize_t i = 0; i < keys->dk_nentries; i++) {
        if (entries[i].me_value != NULL) {
            Py_VISIT(entries[i].me_value);
            if (keys_too)
                Py_VISIT(entries[i].me_key);
        }
    }
    return 0;
}

static int dict_tp_clear(PyObject *op)
{
    PyDict_Clear(op);
    return 0;
}

/* dict(arg): a mapping (has keys()) or an iterable of pairs. */
static int dict_update_arg(PyObject *self, PyObject *arg)
{
    PyObject *func;
    if (PyDict_CheckExact(arg))
        return PyDict_Merge(self, arg, 1);
    if (_PyObject_LookupAttr(arg, _Py_ID(keys), &func) < 0)
        return -1;
    if (func != NULL) {
        Py_DECREF(func);
        return PyDict_Merge(self, arg, 1);
    }
    return PyDict_MergeFromSeq2(self, arg, 1);
}

static int dict_update_common(PyObject *self, PyObject *args, PyObject *kwds, const char *methname)
{
    PyObject *arg = NULL;
    int result = 0;
    if (!PyArg_UnpackTuple(args, methname, 0, 1, &arg))
        return -1;
    if (arg != NULL)
        result = dict_update_arg(self, arg);
    if (result == 0 && kwds != NULL) {
        if (!PyArg_ValidateKeywordArguments(kwds))
            return -1;
        result = PyDict_Merge(self, kwds, 1);
    }
    return result;
}

static PyObject *dict_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyDictObject *d;
    if (type == &PyDict_Type)
        return PyDict_New();
    d = (PyDictObject *)type->tp_alloc(type, 0);
    if (d == NULL)
        return NULL;
    d->ma_used = 0;
    d->ma_version_tag = dict_next_version();
    d->ma_keys = Py_EMPTY_KEYS;
    d->ma_values = NULL;
    return (PyObject *)d;
}

static int dict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    return dict_update_common(self, args, kwds, "dict");
}

static PyObject *dict_vectorcall(PyObject *type, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    PyObject *self;
    if (!_PyArg_CheckPositional("dict", nargs, 0, 1))
        return NULL;
    self = dict_new((PyTypeObject *)type, NULL, NULL);
    if (self == NULL)
        return NULL;
    if (nargs == 1) {
        if (dict_update_arg(self, args[0]) < 0) {
            Py_DECREF(self);
            return NULL;
        }
        args++;
    }
    if (kwnames != NULL) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(kwnames); i++) {
            if (PyDict_SetItem(self, PyTuple_GET_ITEM(kwnames, i), args[i]) < 0) {
                Py_DECREF(self);
                return NULL;
            }
        }
    }
    return self;
}

static PyObject *dict_or(PyObject *self, PyObject *other)
{
    PyObject *new;
    if (!PyDict_Check(self) || !PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    new = PyDict_Copy(self);
    if (new == NULL)
        return NULL;
    if (dict_update_arg(new, other)) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyObject *dict_ior(PyObject *self, PyObject *other)
{
    if (dict_update_arg(self, other))
        return NULL;
    return Py_NewRef(self);
}

/* ---- methods ---- */

/* fromkeys from an exact dict or set: reuse the stored hashes instead of hashing again
 * (test_set.test_do_not_rehash_dict_keys).  Steals d. */
static PyObject *fromkeys_knownhash(PyDictObject *d, PyObject *iterable, PyObject *value)
{
    Py_ssize_t pos = 0;
    PyObject *key, *oldvalue;
    Py_hash_t hash;
    int dict_src = PyDict_CheckExact(iterable);
    while (dict_src ? _PyDict_Next(iterable, &pos, &key, &oldvalue, &hash)
                    : _PySet_NextEntry(iterable, &pos, &key, &hash)) {
        if (setitem_take2_knownhash(d, Py_NewRef(key), Py_NewRef(value), hash) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    return (PyObject *)d;
}

static PyObject *dict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *iterable, *value = Py_None, *d, *it, *key;
    int status;
    if (!_PyArg_CheckPositional("fromkeys", nargs, 1, 2))
        return NULL;
    iterable = args[0];
    if (nargs > 1)
        value = args[1];
    d = PyObject_CallNoArgs(cls);
    if (d == NULL)
        return NULL;
    if (PyDict_CheckExact(d) && (PyDict_CheckExact(iterable) || PyAnySet_CheckExact(iterable))) {
        /* Size the table for the source once (a set source makes a general table). */
        Py_ssize_t n = PyObject_Size(iterable);
        int unicode = PyDict_CheckExact(iterable) &&
                      DK_IS_UNICODE(((PyDictObject *)iterable)->ma_keys);
        if (dictresize((PyDictObject *)d, estimate_log2_keysize(n), unicode) < 0) {
            Py_DECREF(d);
            return NULL;
        }
    }
    if (PyDict_CheckExact(d) && (PyDict_CheckExact(iterable) || PyAnySet_CheckExact(iterable)))
        return fromkeys_knownhash((PyDictObject *)d, iterable, value);
    it = PyObject_GetIter(iterable);
    if (it == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    while ((key = PyIter_Next(it)) != NULL) {
        status = PyDict_CheckExact(d) ? PyDict_SetItem(d, key, value) : PyObject_SetItem(d, key, value);
        Py_DECREF(key);
        if (status < 0)
            goto fail;
    }
    if (PyErr_Occurred())
        goto fail;
    Py_DECREF(it);
    return d;
fail:
    Py_DECREF(it);
    Py_DECREF(d);
    return NULL;
}

static PyObject *dict___contains__(PyDictObject *self, PyObject *key)
{
    int r = PyDict_Contains((PyObject *)self, key);
    if (r < 0)
        return NULL;
    return PyBool_FromLong(r);
}

static PyObject *dict_getitem_meth(PyDictObject *self, PyObject *key)
{
    return dict_subscript(self, key);
}

static PyObject *dict_get(PyDictObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *val, *deflt = Py_None;
    Py_hash_t hash;
    if (!_PyArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    if (nargs > 1)
        deflt = args[1];
    hash = key_hash(args[0]);
    if (hash == -1)
        return NULL;
    if (dict_lookup(self, args[0], hash, &val) == DKIX_ERROR)
        return NULL;
    return Py_NewRef(val ? val : deflt);
}

static PyObject *dict_setdefault(PyDictObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *val;
    if (!_PyArg_CheckPositional("setdefault", nargs, 1, 2))
        return NULL;
    val = PyDict_SetDefault((PyObject *)self, args[0], nargs > 1 ? args[1] : Py_None);
    return Py_XNewRef(val);
}

static PyObject *dict_pop(PyDictObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("pop", nargs, 1, 2))
        return NULL;
    return _PyDict_Pop((PyObject *)self, args[0], nargs > 1 ? args[1] : NULL);
}

static PyObject *dict_popitem(PyDictObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *res;
    PyDictKeyEntry *ep0, *ep;
    Py_ssize_t i, j;
    /* Allocate the result first so a MemoryError cannot lose an item. */
    res = PyTuple_New(2);
    if (res == NULL)
        return NULL;
    if (self->ma_used == 0) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    if (dict_unsplit(self) < 0) {
        Py_DECREF(res);
        return NULL;
    }
    ep0 = DK_ENTRIES(self->ma_keys);
    i = self->ma_keys->dk_nentries - 1;
    while (i >= 0 && ep0[i].me_value == NULL)
        ep0[i--].me_hash = 0;   /* deleted entries, about to be past dk_nentries */
    ep = &ep0[i];
    j = lookdict_index(self->ma_keys, ep->me_hash, i);
    dictkeys_set_index(self->ma_keys, j, DKIX_DUMMY);
    PyTuple_SET_ITEM(res, 0, ep->me_key);
    PyTuple_SET_ITEM(res, 1, ep->me_value);
    ep->me_key = NULL;
    ep->me_value = NULL;
    ep->me_hash = 0;   /* entries past dk_nentries stay all zero (free_keys_object) */
    /* The trailing entries are free again: later inserts reuse them. */
    self->ma_keys->dk_nentries = i;
    self->ma_used--;
    self->ma_version_tag = dict_next_version();
    return res;
}

static PyObject *dict_update(PyObject *self, PyObject *args, PyObject *kwds)
{
    if (dict_update_common(self, args, kwds, "update") != -1)
        Py_RETURN_NONE;
    return NULL;
}

static PyObject *dict_clear(PyDictObject *mp, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear((PyObject *)mp);
    Py_RETURN_NONE;
}

static PyObject *dict_copy(PyDictObject *mp, PyObject *Py_UNUSED(ignored))
{
    return PyDict_Copy((PyObject *)mp);
}

static PyObject *dict_sizeof(PyDictObject *mp, PyObject *Py_UNUSED(ignored))
{
    /* CPython 3.11's figure: its own keys-object layout, not Krait's. */
    Py_ssize_t res = Py_TYPE(mp)->tp_basicsize;
    if (mp->ma_values != NULL) {
        /* the values array; the shared keys are the class's (as 3.11 counts them) */
        res += VALUES_CAPACITY(mp->ma_values) * (Py_ssize_t)sizeof(PyObject *);
    } else if (mp->ma_keys != Py_EMPTY_KEYS) {
        PyDictKeysObject *k = mp->ma_keys;
        res += CPY_DICTKEYS_HEADER + ((Py_ssize_t)1 << k->dk_log2_index_bytes) +
               USABLE_FRACTION(DK_SIZE(k)) * CPY_ENTRY_SIZE(k);
    }
    return PyLong_FromSsize_t(res);
}

static PyObject *dictkeys_new(PyObject *dict, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(dict, &PyDictKeys_Type);
}
static PyObject *dictvalues_new(PyObject *dict, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(dict, &PyDictValues_Type);
}
static PyObject *dictitems_new(PyObject *dict, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(dict, &PyDictItems_Type);
}

static PyObject *dictiter_new(PyDictObject *dict, PyTypeObject *itertype);

static PyObject *dict___reversed__(PyDictObject *self, PyObject *Py_UNUSED(ignored))
{
    return dictiter_new(self, &PyDictRevIterKey_Type);
}

static PyMethodDef mapp_methods[] = {
    {"__contains__", (PyCFunction)dict___contains__, METH_O | METH_COEXIST, DOC_dict___contains__},
    {"__getitem__", (PyCFunction)dict_getitem_meth, METH_O | METH_COEXIST, DOC_dict___getitem__},
    {"__sizeof__", (PyCFunction)dict_sizeof, METH_NOARGS, DOC_dict___sizeof__},
    {"get", (PyCFunction)(void (*)(void))dict_get, METH_FASTCALL, DOC_dict_get},
    {"setdefault", (PyCFunction)(void (*)(void))dict_setdefault, METH_FASTCALL, DOC_dict_setdefault},
    {"pop", (PyCFunction)(void (*)(void))dict_pop, METH_FASTCALL, DOC_dict_pop},
    {"popitem", (PyCFunction)dict_popitem, METH_NOARGS, DOC_dict_popitem},
    {"keys", dictkeys_new, METH_NOARGS, DOC_dict_keys},
    {"items", dictitems_new, METH_NOARGS, DOC_dict_items},
    {"values", dictvalues_new, METH_NOARGS, DOC_dict_values},
    {"update", (PyCFunction)(void (*)(void))dict_update, METH_VARARGS | METH_KEYWORDS, DOC_dict_update},
    {"fromkeys", (PyCFunction)(void (*)(void))dict_fromkeys, METH_FASTCALL | METH_CLASS, DOC_dict_fromkeys},
    {"clear", (PyCFunction)dict_clear, METH_NOARGS, DOC_dict_clear},
    {"copy", (PyCFunction)dict_copy, METH_NOARGS, DOC_dict_copy},
    {"__reversed__", (PyCFunction)dict___reversed__, METH_NOARGS, DOC_dict___reversed__},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, DOC_dict___class_getitem__},
    {NULL, NULL, 0, NULL}};

static PySequenceMethods dict_as_sequence = {
    .sq_contains = (objobjproc)dict_contains,
};

static PyNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static PyMappingMethods dict_as_mapping = {
    .mp_length = (lenfunc)dict_length,
    .mp_subscript = (binaryfunc)dict_subscript,
    .mp_ass_subscript = (objobjargproc)dict_ass_sub,
};

static PyObject *dict_iter(PyDictObject *dict)
{
    return dictiter_new(dict, &PyDictIterKey_Type);
}

PyTypeObject PyDict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict",
    .tp_basicsize = sizeof(PyDictObject),
    .tp_dealloc = (destructor)dict_dealloc,
    .tp_repr = (reprfunc)dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE |
                Py_TPFLAGS_DICT_SUBCLASS | _Py_TPFLAGS_MATCH_SELF | Py_TPFLAGS_MAPPING,
    .tp_doc = TYPEDOC_dict,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = (getiterfunc)dict_iter,
    .tp_methods = mapp_methods,
    .tp_init = dict_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = dict_new,
    .tp_free = PyObject_GC_Del,
    .tp_vectorcall = dict_vectorcall,
};

/* ---- iterators (keys/values/items, forward and reverse) ---- */

typedef struct {
    PyObject_HEAD
    PyDictObject *di_dict; /* NULL when exhausted */
    Py_ssize_t di_used;    /* ma_used at creation: size changes are errors */
    Py_ssize_t di_pos;
    PyObject *di_result;   /* unused; kept for CPython's layout */
    Py_ssize_t len;        /* items left to yield */
} dictiterobject;

static int is_reverse_iter(PyTypeObject *t)
{
    return t == &PyDictRevIterKey_Type || t == &PyDictRevIterValue_Type || t == &PyDictRevIterItem_Type;
}

static PyObject *dictiter_new(PyDictObject *dict, PyTypeObject *itertype)
{
    dictiterobject *di = PyObject_GC_New(dictiterobject, itertype);
    if (di == NULL)
        return NULL;
    di->di_dict = (PyDictObject *)Py_NewRef(dict);
    di->di_used = dict->ma_used;
    di->len = dict->ma_used;
    di->di_pos = is_reverse_iter(itertype) ? dict_nentries(dict) - 1 : 0;
    di->di_result = NULL;
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

static void dictiter_dealloc(dictiterobject *di)
{
    PyObject_GC_UnTrack(di);
    Py_XDECREF(di->di_dict);
    Py_XDECREF(di->di_result);
    PyObject_GC_Del(di);
}

static int dictiter_traverse(dictiterobject *di, visitproc visit, void *arg)
{
    Py_VISIT(di->di_dict);
    Py_VISIT(di->di_result);
    return 0;
}

static PyObject *dictiter_len(dictiterobject *di, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t len = 0;
    if (di->di_dict != NULL && di->di_used == di->di_dict->ma_used)
        len = di->len;
    return PyLong_FromSize_t((size_t)len);
}

/* (iter, (list of what is left,)): runs a copy of the iterator, leaving it untouched. */
static PyObject *dictiter_reduce(dictiterobject *di, PyObject *Py_UNUSED(ignored))
{
    dictiterobject tmp = *di;
    Py_XINCREF(tmp.di_dict);
    PyObject *res = _PyIter_ReduceRemaining((PyObject *)&tmp, Py_TYPE(di)->tp_iternext);
    Py_XDECREF(tmp.di_dict);
    return res;
}

static PyMethodDef dictiter_methods[] = {
    {"__length_hint__", (PyCFunction)dictiter_len, METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__reduce__", (PyCFunction)dictiter_reduce, METH_NOARGS,
     "Return state information for pickling."},
    {NULL, NULL, 0, NULL}};

/* Advance to the next live entry (forward or backward): 1 with *key and *value set
 * (borrowed), or 0 when done or on error. */
static int dictiter_step(dictiterobject *di, int reverse, PyObject **key, PyObject **value)
{
    PyDictObject *d = di->di_dict;
    Py_ssize_t i;
    if (d == NULL)
        return 0;
    if (di->di_used != d->ma_used) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary changed size during iteration");
        di->di_used = -1; /* make this state sticky */
        return 0;
    }
    i = di->di_pos;
    if (reverse) {
        if (i >= dict_nentries(d)) /* the dict was compacted since */
            i = dict_nentries(d) - 1;
        for (; i >= 0; i--) {
            if ((*value = dict_value_at(d, i)) != NULL)
                break;
        }
        if (i < 0)
            goto fail;
        di->di_pos = i - 1;
    } else {
        Py_ssize_t n = dict_nentries(d);
        for (; i < n; i++) {
            if ((*value = dict_value_at(d, i)) != NULL)
                break;
        }
        if (i >= n)
            goto fail;
        di->di_pos = i + 1;
    }
    /* Same size but an entry we did not expect: keys were deleted and added. */
    if (di->len == 0) {
        PyErr_SetString(PyExc_RuntimeError, "dictionary keys changed during iteration");
        goto fail;
    }
    di->len--;
    *key = DK_ENTRIES(d->ma_keys)[i].me_key;
    return 1;
fail:
    di->di_dict = NULL;
    Py_DECREF(d);
    return 0;
}

static PyObject *dictiter_iternextkey(dictiterobject *di)
{
    PyObject *k, *v;
    return dictiter_step(di, 0, &k, &v) ? Py_NewRef(k) : NULL;
}

static PyObject *dictiter_iternextvalue(dictiterobject *di)
{
    PyObject *k, *v;
    return dictiter_step(di, 0, &k, &v) ? Py_NewRef(v) : NULL;
}

static PyObject *dictiter_iternextitem(dictiterobject *di)
{
    PyObject *k, *v;
    return dictiter_step(di, 0, &k, &v) ? PyTuple_Pack(2, k, v) : NULL;
}

static PyObject *dictreviter_iternextkey(dictiterobject *di)
{
    PyObject *k, *v;
    return dictiter_step(di, 1, &k, &v) ? Py_NewRef(k) : NULL;
}

static PyObject *dictreviter_iternextvalue(dictiterobject *di)
{
    PyObject *k, *v;
    return dictiter_step(di, 1, &k, &v) ? Py_NewRef(v) : NULL;
}

static PyObject *dictreviter_iternextitem(dictiterobject *di)
{
    PyObject *k, *v;
    return dictiter_step(di, 1, &k, &v) ? PyTuple_Pack(2, k, v) : NULL;
}

#define DICTITER_TYPE(cname, pyname, next)                         \
    PyTypeObject cname = {                                          \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                      \
        .tp_name = pyname,                                          \
        .tp_basicsize = sizeof(dictiterobject),                     \
        .tp_dealloc = (destructor)dictiter_dealloc,                 \
        .tp_getattro = PyObject_GenericGetAttr,                     \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,        \
        .tp_traverse = (traverseproc)dictiter_traverse,             \
        .tp_iter = PyObject_SelfIter,                               \
        .tp_iternext = (iternextfunc)next,                          \
        .tp_methods = dictiter_methods,                             \
    };

DICTITER_TYPE(PyDictIterKey_Type, "dict_keyiterator", dictiter_iternextkey)
DICTITER_TYPE(PyDictIterValue_Type, "dict_valueiterator", dictiter_iternextvalue)
DICTITER_TYPE(PyDictIterItem_Type, "dict_itemiterator", dictiter_iternextitem)
DICTITER_TYPE(PyDictRevIterKey_Type, "dict_reversekeyiterator", dictreviter_iternextkey)
DICTITER_TYPE(PyDictRevIterValue_Type, "dict_reversevalueiterator", dictreviter_iternextvalue)
DICTITER_TYPE(PyDictRevIterItem_Type, "dict_reverseitemiterator", dictreviter_iternextitem)

/* ---- views ---- */

PyObject *_PyDictView_New(PyObject *dict, PyTypeObject *type)
{
    _PyDictViewObject *dv;
    if (dict == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "%s() requires a dict argument, not '%s'", type->tp_name,
                     Py_TYPE(dict)->tp_name);
        return NULL;
    }
    dv = PyObject_GC_New(_PyDictViewObject, type);
    if (dv == NULL)
        return NULL;
    dv->dv_dict = (PyDictObject *)Py_NewRef(dict);
    PyObject_GC_Track(dv);
    return (PyObject *)dv;
}

static void dictview_dealloc(_PyDictViewObject *dv)
{
    PyObject_GC_UnTrack(dv);
    Py_XDECREF(dv->dv_dict);
    PyObject_GC_Del(dv);
}

static int dictview_traverse(_PyDictViewObject *dv, visitproc visit, void *arg)
{
    Py_VISIT(dv->dv_dict);
    return 0;
}

static Py_ssize_t dictview_len(_PyDictViewObject *dv)
{
    return dv->dv_dict ? dv->dv_dict->ma_used : 0;
}

static PyObject *dictview_mapping(PyObject *view, void *Py_UNUSED(ignored))
{
    return PyDictProxy_New((PyObject *)((_PyDictViewObject *)view)->dv_dict);
}

static PyGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL, DOC_dict_items_mapping, NULL},
    {NULL, NULL, NULL, NULL, NULL}};

/* "dict_keys([1, 2])": the type name around the list repr of the view. */
static PyObject *dictview_repr(_PyDictViewObject *dv)
{
    PyObject *seq, *result = NULL;
    int rc = Py_ReprEnter((PyObject *)dv);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    seq = PySequence_List((PyObject *)dv);
    if (seq != NULL) {
        result = PyUnicode_FromFormat("%s(%R)", Py_TYPE(dv)->tp_name, seq);
        Py_DECREF(seq);
    }
    Py_ReprLeave((PyObject *)dv);
    return result;
}

/* Is every element of `self` (iterated) in `other`? */
static int all_contained_in(PyObject *self, PyObject *other)
{
    PyObject *iter = PyObject_GetIter(self), *next;
    int ok = 1;
    if (iter == NULL)
        return -1;
    for (;;) {
        next = PyIter_Next(iter);
        if (next == NULL) {
            if (PyErr_Occurred())
                ok = -1;
            break;
        }
        ok = PySequence_Contains(other, next);
        Py_DECREF(next);
        if (ok <= 0)
            break;
    }
    Py_DECREF(iter);
    return ok;
}

static PyObject *dictview_richcompare(PyObject *self, PyObject *other, int op)
{
    Py_ssize_t len_self, len_other;
    int ok;
    if (!PyAnySet_Check(other) && !PyDictViewSet_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    len_self = PyObject_Size(self);
    if (len_self < 0)
        return NULL;
    len_other = PyObject_Size(other);
    if (len_other < 0)
        return NULL;
    ok = 0;
    switch (op) {
    case Py_NE:
    case Py_EQ:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == Py_NE && ok >= 0)
            ok = !ok;
        break;
    case Py_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case Py_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case Py_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    case Py_GE:
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return PyBool_FromLong(ok);
}

/* Set operations produce sets built from the view (or from the other operand). */
static PyObject *dictviews_to_set(PyObject *self)
{
    PyObject *left = self;
    if (PyDictKeys_Check(self)) {
        /* Iterating the dict itself is faster than iterating its keys view. */
        PyObject *dict = (PyObject *)((_PyDictViewObject *)self)->dv_dict;
        if (PyDict_CheckExact(dict))
            left = dict;
    }
    return PySet_New(left);
}

static PyObject *dictviews_sub(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self), *tmp;
    if (result == NULL)
        return NULL;
    tmp = PyObject_CallMethodOneArg(result, _Py_ID(difference_update), other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

PyObject *_PyDictView_Intersect(PyObject *self, PyObject *other)
{
    PyObject *result, *it, *key;
    Py_ssize_t len_self;
    int rv;
    int (*dict_contains_fn)(PyObject *, PyObject *);
    /* The view may be on the right: then iterate the left operand. */
    if (!PyDictViewSet_Check(self)) {
        PyObject *tmp = other;
        other = self;
        self = tmp;
    }
    len_self = dictview_len((_PyDictViewObject *)self);
    /* If other is a set and larger than self, intersecting with self is cheaper. */
    if (PySet_CheckExact(other) && len_self <= PyObject_Size(other))
        return PyObject_CallMethodOneArg(other, _Py_ID(intersection), self);
    if (PyDictViewSet_Check(other)) {
        Py_ssize_t len_other = dictview_len((_PyDictViewObject *)other);
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    result = PySet_New(NULL);
    if (result == NULL)
        return NULL;
    it = PyObject_GetIter(other);
    if (it == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    dict_contains_fn = Py_TYPE(self)->tp_as_sequence->sq_contains;
    while ((key = PyIter_Next(it)) != NULL) {
        rv = dict_contains_fn(self, key);
        if (rv < 0 || (rv && PySet_Add(result, key))) {
            Py_DECREF(key);
            goto error;
        }
        Py_DECREF(key);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
error:
    Py_DECREF(it);
    Py_DECREF(result);
    return NULL;
}

static PyObject *dictviews_or(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self);
    if (result == NULL)
        return NULL;
    if (_PySet_Update(result, other) < 0) {
        Py_DECREF(result);
        return NULL;
    }
    return result;
}

static PyObject *dictviews_xor(PyObject *self, PyObject *other)
{
    PyObject *result = dictviews_to_set(self), *tmp;
    if (result == NULL)
        return NULL;
    tmp = PyObject_CallMethodOneArg(result, _Py_ID(symmetric_difference_update), other);
    if (tmp == NULL) {
        Py_DECREF(result);
        return NULL;
    }
    Py_DECREF(tmp);
    return result;
}

static PyObject *dictviews_isdisjoint(PyObject *self, PyObject *other)
{
    PyObject *it, *item;
    if (self == other) {
        if (dictview_len((_PyDictViewObject *)self) == 0)
            Py_RETURN_TRUE;
        Py_RETURN_FALSE;
    }
    /* Iterate over the shorter object when both sizes are known. */
    if (PyAnySet_Check(other) || PyDictViewSet_Check(other)) {
        Py_ssize_t len_self = dictview_len((_PyDictViewObject *)self);
        Py_ssize_t len_other = PyObject_Size(other);
        if (len_other == -1)
            return NULL;
        if (len_other > len_self) {
            PyObject *tmp = other;
            other = self;
            self = tmp;
        }
    }
    it = PyObject_GetIter(other);
    if (it == NULL)
        return NULL;
    while ((item = PyIter_Next(it)) != NULL) {
        int contains = PySequence_Contains(self, item);
        Py_DECREF(item);
        if (contains == -1) {
            Py_DECREF(it);
            return NULL;
        }
        if (contains) {
            Py_DECREF(it);
            Py_RETURN_FALSE;
        }
    }
    Py_DECREF(it);
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_TRUE;
}

static PyNumberMethods dictviews_as_number = {
    .nb_subtract = (binaryfunc)dictviews_sub,
    .nb_and = (binaryfunc)_PyDictView_Intersect,
    .nb_xor = (binaryfunc)dictviews_xor,
    .nb_or = (binaryfunc)dictviews_or,
};

static PyObject *dictkeys_iter(_PyDictViewObject *dv)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictIterKey_Type);
}

static int dictkeys_contains(_PyDictViewObject *dv, PyObject *obj)
{
    if (dv->dv_dict == NULL)
        return 0;
    return PyDict_Contains((PyObject *)dv->dv_dict, obj);
}

static PyObject *dictkeys_reversed(_PyDictViewObject *dv, PyObject *Py_UNUSED(ignored))
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictRevIterKey_Type);
}

static PySequenceMethods dictkeys_as_sequence = {
    .sq_length = (lenfunc)dictview_len,
    .sq_contains = (objobjproc)dictkeys_contains,
};

static PyMethodDef dictkeys_methods[] = {
    {"isdisjoint", (PyCFunction)dictviews_isdisjoint, METH_O, DOC_dict_keys_isdisjoint},
    {"__reversed__", (PyCFunction)dictkeys_reversed, METH_NOARGS, DOC_dict_keys___reversed__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyDictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = (destructor)dictview_dealloc,
    .tp_repr = (reprfunc)dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = (getiterfunc)dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
};

static PyObject *dictitems_iter(_PyDictViewObject *dv)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictIterItem_Type);
}

static int dictitems_contains(_PyDictViewObject *dv, PyObject *obj)
{
    PyObject *key, *value, *found;
    int result;
    if (dv->dv_dict == NULL)
        return 0;
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 2)
        return 0;
    key = PyTuple_GET_ITEM(obj, 0);
    value = PyTuple_GET_ITEM(obj, 1);
    found = PyDict_GetItemWithError((PyObject *)dv->dv_dict, key);
    if (found == NULL)
        return PyErr_Occurred() ? -1 : 0;
    Py_INCREF(found);
    result = PyObject_RichCompareBool(found, value, Py_EQ);
    Py_DECREF(found);
    return result;
}

static PyObject *dictitems_reversed(_PyDictViewObject *dv, PyObject *Py_UNUSED(ignored))
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictRevIterItem_Type);
}

static PySequenceMethods dictitems_as_sequence = {
    .sq_length = (lenfunc)dictview_len,
    .sq_contains = (objobjproc)dictitems_contains,
};

static PyMethodDef dictitems_methods[] = {
    {"isdisjoint", (PyCFunction)dictviews_isdisjoint, METH_O, DOC_dict_items_isdisjoint},
    {"__reversed__", (PyCFunction)dictitems_reversed, METH_NOARGS, DOC_dict_items___reversed__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyDictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = (destructor)dictview_dealloc,
    .tp_repr = (reprfunc)dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = (getiterfunc)dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
};

static PyObject *dictvalues_iter(_PyDictViewObject *dv)
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictIterValue_Type);
}

static PyObject *dictvalues_reversed(_PyDictViewObject *dv, PyObject *Py_UNUSED(ignored))
{
    if (dv->dv_dict == NULL)
        Py_RETURN_NONE;
    return dictiter_new(dv->dv_dict, &PyDictRevIterValue_Type);
}

static PySequenceMethods dictvalues_as_sequence = {
    .sq_length = (lenfunc)dictview_len,
};

static PyMethodDef dictvalues_methods[] = {
    {"__reversed__", (PyCFunction)dictvalues_reversed, METH_NOARGS, DOC_dict_values___reversed__},
    {NULL, NULL, 0, NULL}};

PyTypeObject PyDictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(_PyDictViewObject),
    .tp_dealloc = (destructor)dictview_dealloc,
    .tp_repr = (reprfunc)dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)dictview_traverse,
    .tp_iter = (getiterfunc)dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
};
