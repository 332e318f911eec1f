/* odictobject.c — collections.OrderedDict: a dict subclass that remembers insertion order,
 * with its views (odict_keys/values/items) and iterator (odict_iterator).  The dict holds
 * the items; the order lives in a doubly linked list of nodes (key + hash), found through
 * the odict's own open-addressing table of node pointers, so dict resizes never touch it
 * and move_to_end/popitem/__delitem__ are O(1).  Exported by the `_collections` module. */
#include "Python.h"
#include "odictobject.h"
#include <stddef.h>

typedef struct odictnode {
    struct odictnode *next, *prev;
    PyObject *key; /* a strong reference (the dict holds its own) */
    Py_hash_t hash;
} odictnode;

/* Eight words after the dict, as CPython's PyODictObject (its __sizeof__ is the same). */
typedef struct {
    PyDictObject od_dict;
    odictnode **od_table;     /* 1 << od_log2size slots (NULL = empty), or NULL */
    odictnode *od_first;
    odictnode *od_last;
    Py_ssize_t od_log2size;   /* 0 while od_table is NULL */
    Py_ssize_t od_count;      /* nodes in the list (and in the table) */
    size_t od_state;          /* + 1 per node added/moved/removed, + OD_CLEARED per clear */
    PyObject *od_inst_dict;   /* __dict__ */
    PyObject *od_weakreflist;
} PyODictObject;

#define OD(op) ((PyODictObject *)(op))
#define OD_MINLOG2 3
/* clear() changes the state too (our iterators hold node pointers), but by a step the
 * low half of the word does not see: 3.11's clear leaves its state alone, so an iterator
 * then reports "changed size" rather than "mutated". */
#define OD_CLEARED ((size_t)1 << (sizeof(size_t) * 4))
#define OD_MUTATED(now, then) ((((now) ^ (then)) & (OD_CLEARED - 1)) != 0)

static const char mutated_msg[] = "OrderedDict mutated during iteration";

/* ------------------------------------------------------------------ node table */

/* Home slot: Fibonacci hashing spreads Python's (often sequential) hashes over the table,
 * which linear probing needs. */
static inline size_t od_home(Py_hash_t hash, Py_ssize_t log2)
{
    return (size_t)(((uint64_t)hash * UINT64_C(0x9E3779B97F4A7C15)) >> (64 - log2));
}

static inline size_t od_mask(PyODictObject *od)
{
    return ((size_t)1 << od->od_log2size) - 1;
}

static void od_table_place(odictnode **table, Py_ssize_t log2, odictnode *node)
{
    size_t mask = ((size_t)1 << log2) - 1, i = od_home(node->hash, log2);
    while (table[i] != NULL)
        i = (i + 1) & mask;
    table[i] = node;
}

/* A new table of 1 << log2 slots holding every node in the list. */
static int od_table_resize(PyODictObject *od, Py_ssize_t log2)
{
    odictnode **table = PyObject_Calloc((size_t)1 << log2, sizeof(odictnode *));
    if (table == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (odictnode *node = od->od_first; node != NULL; node = node->next)
        od_table_place(table, log2, node);
    PyObject_Free(od->od_table);
    od->od_table = table;
    od->od_log2size = log2;
    return 0;
}

/* Take node out of the table; the probe runs stay unbroken by shifting later members of
 * the run back into the hole (no tombstones, so the load is just od_count). */
static void od_table_remove(PyODictObject *od, odictnode *node)
{
    odictnode **table = od->od_table;
    size_t mask = od_mask(od), i = od_home(node->hash, od->od_log2size), j;
    while (table[i] != node)
        i = (i + 1) & mask;
    for (j = (i + 1) & mask; table[j] != NULL; j = (j + 1) & mask) {
        size_t home = od_home(table[j]->hash, od->od_log2size);
        if (((j - home) & mask) >= ((j - i) & mask)) { /* home not in (i, j]: may move */
            table[i] = table[j];
            i = j;
        }
    }
    table[i] = NULL;
}

/* The node for key, or NULL: absent (no exception set) or the error of a key's __eq__.
 * A comparison may change the odict: the search goes on only if the slot still holds the
 * same node with the same key, else it starts again, as dict lookups do (a restart for any
 * change at all would never end with an __eq__ that adds an item each time). */
static odictnode *od_find(PyODictObject *od, PyObject *key, Py_hash_t hash)
{
restart:
    if (od->od_table == NULL)
        return NULL;
    odictnode **table = od->od_table;
    Py_ssize_t log2 = od->od_log2size;
    size_t mask = od_mask(od);
    for (size_t i = od_home(hash, log2);; i = (i + 1) & mask) {
        odictnode *node = table[i];
        if (node == NULL)
            return NULL;
        if (node->key == key)
            return node;
        if (node->hash != hash)
            continue;
        PyObject *nodekey = Py_NewRef(node->key);
        int eq = PyObject_RichCompareBool(nodekey, key, Py_EQ);
        /* node is dereferenced only once found in the live table again */
        int same = od->od_table == table && od->od_log2size == log2 && table[i] == node &&
                   node->key == nodekey;
        Py_DECREF(nodekey);
        if (eq < 0)
            return NULL;
        if (!same)
            goto restart;
        if (eq)
            return node;
    }
}

/* Is `node` (perhaps freed since) still in od's table, holding `key`?  Compares pointers
 * only, so it never dereferences a freed node. */
static int od_node_alive(PyODictObject *od, odictnode *node, PyObject *key, Py_hash_t hash)
{
    if (od->od_table == NULL)
        return 0;
    size_t mask = od_mask(od);
    for (size_t i = od_home(hash, od->od_log2size); od->od_table[i] != NULL; i = (i + 1) & mask)
        if (od->od_table[i] == node)
            return node->key == key;
    return 0;
}

/* The node for key if the dict holds key too, as 3.11 finds nodes through the dict (a
 * dict method called directly can take a key out of the dict alone).  NULL: absent (no
 * exception) or an error. */
static odictnode *od_find_live(PyODictObject *od, PyObject *key, Py_hash_t hash)
{
    odictnode *node = od_find(od, key, hash);
    if (node == NULL)
        return NULL;
    PyObject *nodekey = Py_NewRef(node->key);
    Py_hash_t nodehash = node->hash;
    int present = _PyDict_Contains_KnownHash((PyObject *)od, key, hash);
    if (present > 0 && !od_node_alive(od, node, nodekey, nodehash))
        node = od_find(od, key, hash); /* the dict lookup's __eq__ changed the odict */
    Py_DECREF(nodekey);
    if (present < 0)
        return NULL;
    return present ? node : NULL;
}

/* ------------------------------------------------------------------ node list */

static void od_link_last(PyODictObject *od, odictnode *node)
{
    node->next = NULL;
    node->prev = od->od_last;
    if (od->od_last != NULL)
        od->od_last->next = node;
    else
        od->od_first = node;
    od->od_last = node;
}

static void od_link_first(PyODictObject *od, odictnode *node)
{
    node->prev = NULL;
    node->next = od->od_first;
    if (od->od_first != NULL)
        od->od_first->prev = node;
    else
        od->od_last = node;
    od->od_first = node;
}

static void od_unlink(PyODictObject *od, odictnode *node)
{
    if (node->prev != NULL)
        node->prev->next = node->next;
    else
        od->od_first = node->next;
    if (node->next != NULL)
        node->next->prev = node->prev;
    else
        od->od_last = node->prev;
}

/* Append a node for key (which has none).  The table keeps a load of at most 2/3, so it
 * grows at the same counts as the dict's own table. */
static int od_add_node(PyODictObject *od, PyObject *key, Py_hash_t hash)
{
    Py_ssize_t need = (od->od_count + 1) * 3;
    if (od->od_table == NULL || need > ((Py_ssize_t)1 << od->od_log2size) * 2) {
        Py_ssize_t log2 = OD_MINLOG2;
        while (((Py_ssize_t)1 << log2) * 2 < need)
            log2++;
        if (od_table_resize(od, log2) < 0)
            return -1;
    }
    odictnode *node = PyObject_Malloc(sizeof(odictnode)); /* small-object pools */
    if (node == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    node->key = Py_NewRef(key);
    node->hash = hash;
    od_link_last(od, node);
    od_table_place(od->od_table, od->od_log2size, node);
    od->od_count++;
    od->od_state++;
    return 0;
}

static void od_remove_node(PyODictObject *od, odictnode *node)
{
    PyObject *key = node->key;
    od_table_remove(od, node);
    od_unlink(od, node);
    od->od_count--;
    od->od_state++;
    PyObject_Free(node);
    Py_DECREF(key); /* last: may run arbitrary code */
}

/* Drop every node.  The odict is left empty before any key is released. */
static void od_clear_nodes(PyODictObject *od)
{
    odictnode *node = od->od_first;
    PyObject_Free(od->od_table);
    od->od_table = NULL;
    od->od_first = od->od_last = NULL;
    od->od_log2size = 0;
    od->od_count = 0;
    od->od_state += OD_CLEARED;
    while (node != NULL) {
        odictnode *next = node->next;
        PyObject *key = node->key;
        PyObject_Free(node);
        Py_DECREF(key);
        node = next;
    }
}

/* ------------------------------------------------------------------ item access */

/* Set od[key] = value in the dict and give a new key its node.  If the node cannot be
 * made, the key leaves the dict again so that the two never disagree through our fault. */
static int od_setitem_knownhash(PyObject *od, PyObject *key, PyObject *value, Py_hash_t hash)
{
    if (_PyDict_SetItem_KnownHash(od, key, value, hash) < 0)
        return -1;
    if (od_find(OD(od), key, hash) != NULL)
        return 0;
    if (!PyErr_Occurred() && od_add_node(OD(od), key, hash) == 0)
        return 0;
    PyObject *type, *val, *tb;
    PyErr_Fetch(&type, &val, &tb);
    if (_PyDict_DelItem_KnownHash(od, key, hash) < 0)
        PyErr_Clear();
    PyErr_Restore(type, val, tb);
    return -1;
}

/* Delete od[key]: its node first (if any), then the dict's item (KeyError if missing). */
static int od_delitem_knownhash(PyObject *od, PyObject *key, Py_hash_t hash)
{
    odictnode *node = od_find_live(OD(od), key, hash);
    if (node == NULL && PyErr_Occurred())
        return -1;
    if (node != NULL)
        od_remove_node(OD(od), node);
    return _PyDict_DelItem_KnownHash(od, key, hash);
}

int PyODict_SetItem(PyObject *od, PyObject *key, PyObject *value)
{
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1)
        return -1;
    return od_setitem_knownhash(od, key, value, hash);
}

int PyODict_DelItem(PyObject *od, PyObject *key)
{
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1)
        return -1;
    return od_delitem_knownhash(od, key, hash);
}

static int odict_ass_sub(PyObject *od, PyObject *key, PyObject *value)
{
    return value == NULL ? PyODict_DelItem(od, key) : PyODict_SetItem(od, key, value);
}

/* Remove key's node and item and return the value; failobj (or KeyError) if key has no
 * node.  The dict's item goes directly, even for a subclass (no __getitem__/__delitem__
 * call: 3.11's LRU-cache subclasses count them). */
static PyObject *od_popkey_hash(PyObject *od, PyObject *key, PyObject *failobj, Py_hash_t hash)
{
    odictnode *node = od_find_live(OD(od), key, hash);
    if (node == NULL) {
        if (PyErr_Occurred())
            return NULL;
        if (failobj != NULL)
            return Py_NewRef(failobj);
        PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    od_remove_node(OD(od), node);
    return _PyDict_Pop_KnownHash(od, key, hash, failobj);
}

/* od's value for key (borrowed): KeyError if the dict lacks it (a dict method used
 * directly can make dict and order disagree).  The hash is computed afresh, as 3.11. */
static PyObject *od_value(PyObject *od, PyObject *key)
{
    PyObject *value = PyDict_GetItemWithError(od, key);
    if (value == NULL && !PyErr_Occurred())
        PyErr_SetObject(PyExc_KeyError, key);
    return value;
}

static int od_check_state(PyODictObject *od, size_t state)
{
    if (od->od_state == state)
        return 0;
    PyErr_SetString(PyExc_RuntimeError, mutated_msg);
    return -1;
}

/* [(key, value), ...] in order, for an exact OrderedDict. */
static PyObject *od_items_list(PyODictObject *od)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return NULL;
    for (odictnode *node = od->od_first; node != NULL; node = node->next) {
        size_t state = od->od_state;
        PyObject *key = Py_NewRef(node->key), *pair = NULL;
        PyObject *value = od_value((PyObject *)od, key);
        if (value != NULL)
            pair = PyTuple_Pack(2, key, value);
        Py_DECREF(key);
        if (pair == NULL || PyList_Append(list, pair) < 0 || od_check_state(od, state) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(pair);
    }
    return list;
}

/* ------------------------------------------------------------------ update */

/* self[k] = v for each (k, v) pair of the iterable `pairs`. */
static int od_add_pairs(PyObject *self, PyObject *pairs)
{
    PyObject *iterator = PyObject_GetIter(pairs), *pair;
    if (iterator == NULL)
        return -1;
    while ((pair = PyIter_Next(iterator)) != NULL) {
        PyObject *key = NULL, *value = NULL, *extra, *pairit = NULL;
        int res = -1;
        if (PyTuple_CheckExact(pair) && PyTuple_GET_SIZE(pair) == 2) {
            key = Py_NewRef(PyTuple_GET_ITEM(pair, 0));
            value = Py_NewRef(PyTuple_GET_ITEM(pair, 1));
        }
        else if ((pairit = PyObject_GetIter(pair)) == NULL) {
            goto next;
        }
        else if ((key = PyIter_Next(pairit)) == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "need more than 0 values to unpack");
            goto next;
        }
        else if ((value = PyIter_Next(pairit)) == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "need more than 1 value to unpack");
            goto next;
        }
        else if ((extra = PyIter_Next(pairit)) != NULL || PyErr_Occurred()) {
            if (extra != NULL) {
                Py_DECREF(extra);
                PyErr_SetString(PyExc_ValueError, "too many values to unpack (expected 2)");
            }
            goto next;
        }
        res = PyObject_SetItem(self, key, value);
    next:
        Py_DECREF(pair);
        Py_XDECREF(pairit);
        Py_XDECREF(key);
        Py_XDECREF(value);
        if (res < 0) {
            Py_DECREF(iterator);
            return -1;
        }
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

/* self[k] = other[k] for k in other.keys() */
static int od_update_from_keys(PyObject *self, PyObject *other, PyObject *keysfunc)
{
    PyObject *keys = PyObject_CallNoArgs(keysfunc), *iterator, *key;
    if (keys == NULL)
        return -1;
    iterator = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (iterator == NULL)
        return -1;
    while ((key = PyIter_Next(iterator)) != NULL) {
        PyObject *value = PyObject_GetItem(other, key);
        int res = value == NULL ? -1 : PyObject_SetItem(self, key, value);
        Py_XDECREF(value);
        Py_DECREF(key);
        if (res < 0) {
            Py_DECREF(iterator);
            return -1;
        }
    }
    Py_DECREF(iterator);
    return PyErr_Occurred() ? -1 : 0;
}

/* MutableMapping.update's positional argument: a dict, anything with keys(), anything
 * with items(), or an iterable of pairs. */
static int od_update_arg(PyObject *self, PyObject *other)
{
    PyObject *func;
    int res;
    if (PyDict_CheckExact(other)) {
        PyObject *items = PyDict_Items(other);
        if (items == NULL)
            return -1;
        res = od_add_pairs(self, items);
        Py_DECREF(items);
        return res;
    }
    if (_PyObject_LookupAttr(other, _Py_ID(keys), &func) < 0)
        return -1;
    if (func != NULL) {
        res = od_update_from_keys(self, other, func);
        Py_DECREF(func);
        return res;
    }
    if (_PyObject_LookupAttr(other, _Py_ID(items), &func) < 0)
        return -1;
    if (func != NULL) {
        PyObject *items = PyObject_CallNoArgs(func);
        Py_DECREF(func);
        if (items == NULL)
            return -1;
        res = od_add_pairs(self, items);
        Py_DECREF(items);
        return res;
    }
    return od_add_pairs(self, other);
}

static int od_update_common(PyObject *self, PyObject *args, PyObject *kwargs)
{
    Py_ssize_t nargs = args == NULL ? 0 : PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError,
                     "update() takes at most 1 positional argument (%zd given)", nargs);
        return -1;
    }
    if (nargs == 1 && od_update_arg(self, PyTuple_GET_ITEM(args, 0)) < 0)
        return -1;
    if (kwargs != NULL && PyDict_GET_SIZE(kwargs) > 0) {
        PyObject *items = PyDict_Items(kwargs);
        if (items == NULL)
            return -1;
        int res = od_add_pairs(self, items);
        Py_DECREF(items);
        return res;
    }
    return 0;
}

static PyObject *odict_update(PyObject *self, PyObject *args, PyObject *kwargs)
{
    if (od_update_common(self, args, kwargs) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static int odict_init(PyObject *self, PyObject *args, PyObject *kwds)
{
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs > 1) {
        PyErr_Format(PyExc_TypeError, "expected at most 1 arguments, got %zd", nargs);
        return -1;
    }
    return od_update_common(self, args, kwds); /* not self.update(): subclasses may override */
}

/* ------------------------------------------------------------------ methods */

static PyObject *odictiter_new(PyODictObject *od, int kind);

#define ITER_REVERSED 1
#define ITER_KEYS 2
#define ITER_VALUES 4
#define ITER_ITEMS (ITER_KEYS | ITER_VALUES)

static PyObject *odict_fromkeys(PyObject *cls, PyObject *const *args, Py_ssize_t nargs,
                                PyObject *kwnames)
{
    static const char *const keywords[] = {"iterable", "value", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "fromkeys", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[2], *value, *d, *it, *key;
    args = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 2, 0, buf);
    if (args == NULL)
        return NULL;
    value = (nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0) > 1 && args[1] != NULL)
                ? args[1] : Py_None;
    d = PyObject_CallNoArgs(cls);
    if (d == NULL)
        return NULL;
    it = PyObject_GetIter(args[0]);
    if (it == NULL) {
        Py_DECREF(d);
        return NULL;
    }
    while ((key = PyIter_Next(it)) != NULL) {
        int res = PyObject_SetItem(d, key, value);
        Py_DECREF(key);
        if (res < 0)
            break;
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *odict_sizeof(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *descr = PyDict_GetItemWithError(PyDict_Type.tp_dict, _Py_ID(__sizeof__));
    if (descr == NULL)
        return PyErr_Occurred() ? NULL : PyErr_Format(PyExc_SystemError, "no dict.__sizeof__");
    PyObject *base = PyObject_CallOneArg(descr, self);
    if (base == NULL)
        return NULL;
    Py_ssize_t res = PyLong_AsSsize_t(base);
    Py_DECREF(base);
    if (res == -1 && PyErr_Occurred())
        return NULL;
    if (OD(self)->od_table != NULL)
        res += (Py_ssize_t)sizeof(odictnode *) << OD(self)->od_log2size;
    res += OD(self)->od_count * (Py_ssize_t)sizeof(odictnode);
    return PyLong_FromSsize_t(res);
}

static PyObject *odict_reduce(PyObject *od, PyObject *Py_UNUSED(ignored))
{
    PyObject *state, *args = NULL, *items, *iter = NULL, *result = NULL;
    state = _PyObject_GetState(od);
    if (state == NULL)
        return NULL;
    args = PyTuple_New(0);
    if (args == NULL)
        goto done;
    items = PyObject_CallMethodNoArgs(od, _Py_ID(items));
    if (items == NULL)
        goto done;
    iter = PyObject_GetIter(items);
    Py_DECREF(items);
    if (iter == NULL)
        goto done;
    result = PyTuple_Pack(5, (PyObject *)Py_TYPE(od), args, state, Py_None, iter);
done:
    Py_DECREF(state);
    Py_XDECREF(args);
    Py_XDECREF(iter);
    return result;
}

static PyObject *odict_setdefault(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                  PyObject *kwnames)
{
    static const char *const keywords[] = {"key", "default", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "setdefault", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[2], *key, *deflt, *result;
    args = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 2, 0, buf);
    if (args == NULL)
        return NULL;
    key = args[0];
    deflt = (nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0) > 1 && args[1] != NULL)
                ? args[1] : Py_None;
    if (PyODict_CheckExact(self)) {
        result = PyDict_GetItemWithError(self, key);
        if (result != NULL)
            return Py_NewRef(result);
        if (PyErr_Occurred() || PyODict_SetItem(self, key, deflt) < 0)
            return NULL;
        return Py_NewRef(deflt);
    }
    int exists = PySequence_Contains(self, key);
    if (exists < 0)
        return NULL;
    if (exists)
        return PyObject_GetItem(self, key);
    if (PyObject_SetItem(self, key, deflt) < 0)
        return NULL;
    return Py_NewRef(deflt);
}

static PyObject *odict_pop(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                           PyObject *kwnames)
{
    static const char *const keywords[] = {"key", "default", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "pop", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[2], *deflt;
    args = _PyArg_UnpackKeywords(args, nargs, NULL, kwnames, &parser, 1, 2, 0, buf);
    if (args == NULL)
        return NULL;
    deflt = (nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0) > 1) ? args[1] : NULL;
    Py_hash_t hash = PyObject_Hash(args[0]);
    if (hash == -1)
        return NULL;
    return od_popkey_hash(self, args[0], deflt, hash);
}

/* The `last` argument: true unless given and false.  `last=` alone as a keyword (the
 * usual spelling) is recognised here without the general parser. */
static int od_parse_last(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                         _PyArg_Parser *parser, int minpos, PyObject **buf, PyObject ***out)
{
    int maxpos = minpos + 1;
    if (kwnames != NULL && nargs == minpos && PyTuple_GET_SIZE(kwnames) == 1 &&
        _PyUnicode_EqualToASCIIString(PyTuple_GET_ITEM(kwnames, 0), "last")) {
        *out = (PyObject **)args;
        return PyObject_IsTrue(args[minpos]);
    }
    *out = (PyObject **)_PyArg_UnpackKeywords(args, nargs, NULL, kwnames, parser, minpos,
                                              maxpos, 0, buf);
    if (*out == NULL)
        return -1;
    Py_ssize_t total = nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    if (total <= minpos || (*out)[minpos] == NULL)
        return 1;
    return PyObject_IsTrue((*out)[minpos]);
}

static PyObject *odict_popitem(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames)
{
    static const char *const keywords[] = {"last", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "popitem", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[1], **argv;
    int last = od_parse_last(args, nargs, kwnames, &parser, 0, buf, &argv);
    if (last < 0)
        return NULL;
    PyODictObject *od = OD(self);
    if (od->od_first == NULL) {
        PyErr_SetString(PyExc_KeyError, "dictionary is empty");
        return NULL;
    }
    odictnode *node = last ? od->od_last : od->od_first;
    PyObject *key = Py_NewRef(node->key);
    PyObject *value = od_popkey_hash(self, key, NULL, node->hash);
    if (value == NULL) {
        Py_DECREF(key);
        return NULL;
    }
    PyObject *item = PyTuple_New(2);
    if (item == NULL) {
        Py_DECREF(key);
        Py_DECREF(value);
        return NULL;
    }
    PyTuple_SET_ITEM(item, 0, key);
    PyTuple_SET_ITEM(item, 1, value);
    return item;
}

static PyObject *odict_move_to_end(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                                   PyObject *kwnames)
{
    static const char *const keywords[] = {"key", "last", NULL};
    static _PyArg_Parser parser = {0, NULL, keywords, "move_to_end", NULL, 0, 0, 0, NULL, NULL};
    PyObject *buf[2], **argv;
    int last = od_parse_last(args, nargs, kwnames, &parser, 1, buf, &argv);
    if (last < 0)
        return NULL;
    PyODictObject *od = OD(self);
    PyObject *key = argv[0];
    if (od->od_first == NULL) {
        PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1)
        return NULL;
    odictnode *node = od_find_live(od, key, hash);
    if (node == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    if (last ? node != od->od_last : node != od->od_first) {
        od_unlink(od, node);
        if (last)
            od_link_last(od, node);
        else
            od_link_first(od, node);
        od->od_state++;
    }
    Py_RETURN_NONE;
}

static PyObject *odict_clear(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyDict_Clear(self);
    od_clear_nodes(OD(self));
    Py_RETURN_NONE;
}

static PyObject *odict_copy(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyODictObject *od = OD(self);
    int exact = PyODict_CheckExact(self);
    PyObject *copy = exact ? PyODict_New() : PyObject_CallNoArgs((PyObject *)Py_TYPE(self));
    if (copy == NULL)
        return NULL;
    for (odictnode *node = od->od_first; node != NULL; node = node->next) {
        size_t state = od->od_state;
        PyObject *key = Py_NewRef(node->key);
        Py_hash_t hash = node->hash;
        int res = -1;
        if (exact) {
            PyObject *value = od_value(self, key);
            if (value != NULL) {
                Py_INCREF(value);
                res = od_setitem_knownhash(copy, key, value, hash);
                Py_DECREF(value);
            }
        }
        else {
            PyObject *value = PyObject_GetItem(self, key);
            if (value != NULL) {
                res = PyObject_SetItem(copy, key, value);
                Py_DECREF(value);
            }
        }
        Py_DECREF(key);
        if (res < 0 || od_check_state(od, state) < 0) {
            Py_DECREF(copy);
            return NULL;
        }
    }
    return copy;
}

static PyObject *odict_reversed(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return odictiter_new(OD(self), ITER_KEYS | ITER_REVERSED);
}

static PyObject *odict_keys(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyODictKeys_Type);
}

static PyObject *odict_values(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyODictValues_Type);
}

static PyObject *odict_items(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return _PyDictView_New(self, &PyODictItems_Type);
}

/* ------------------------------------------------------------------ slots */

static PyObject *odict_iter(PyObject *self)
{
    return odictiter_new(OD(self), ITER_KEYS);
}

static PyObject *odict_repr(PyObject *self)
{
    PyObject *pieces = NULL, *result = NULL;
    if (PyODict_SIZE(self) == 0)
        return PyUnicode_FromFormat("%s()", _PyType_Name(Py_TYPE(self)));
    int rc = Py_ReprEnter(self);
    if (rc != 0)
        return rc > 0 ? PyUnicode_FromString("...") : NULL;
    if (PyODict_CheckExact(self)) {
        pieces = od_items_list(OD(self));
    }
    else {
        PyObject *items = PyObject_CallMethodNoArgs(self, _Py_ID(items));
        if (items != NULL) {
            pieces = PySequence_List(items);
            Py_DECREF(items);
        }
    }
    if (pieces != NULL)
        result = PyUnicode_FromFormat("%s(%R)", _PyType_Name(Py_TYPE(self)), pieces);
    Py_XDECREF(pieces);
    Py_ReprLeave(self);
    return result;
}

/* Same keys in the same order?  1, 0, or -1 on error. */
static int od_keys_equal(PyODictObject *a, PyODictObject *b)
{
    odictnode *na = a->od_first, *nb = b->od_first;
    while (na != NULL && nb != NULL) {
        size_t sa = a->od_state, sb = b->od_state;
        PyObject *ka = Py_NewRef(na->key), *kb = Py_NewRef(nb->key);
        int eq = PyObject_RichCompareBool(ka, kb, Py_EQ);
        Py_DECREF(ka);
        Py_DECREF(kb);
        if (eq <= 0)
            return eq;
        if (od_check_state(a, sa) < 0 || od_check_state(b, sb) < 0)
            return -1;
        na = na->next;
        nb = nb->next;
    }
    return na == NULL && nb == NULL;
}

static PyObject *odict_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyODict_Check(v) || !PyDict_Check(w) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *cmp = PyDict_Type.tp_richcompare(v, w, op);
    if (cmp == NULL || !PyODict_Check(w) || cmp == (op == Py_EQ ? Py_False : Py_True) ||
        cmp == Py_NotImplemented)
        return cmp;
    Py_DECREF(cmp);
    int eq = od_keys_equal(OD(v), OD(w));
    if (eq < 0)
        return NULL;
    return PyBool_FromLong(eq == (op == Py_EQ));
}

static PyObject *odict_or(PyObject *left, PyObject *right)
{
    PyObject *other = PyODict_Check(left) ? right : left;
    PyTypeObject *type = PyODict_Check(left) ? Py_TYPE(left) : Py_TYPE(right);
    if (!PyDict_Check(other))
        Py_RETURN_NOTIMPLEMENTED;
    PyObject *new = PyObject_CallOneArg((PyObject *)type, left);
    if (new == NULL)
        return NULL;
    if (od_update_arg(new, right) < 0) {
        Py_DECREF(new);
        return NULL;
    }
    return new;
}

static PyObject *odict_inplace_or(PyObject *self, PyObject *other)
{
    if (od_update_arg(self, other) < 0)
        return NULL;
    return Py_NewRef(self);
}

static int odict_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(OD(self)->od_inst_dict);
    for (odictnode *node = OD(self)->od_first; node != NULL; node = node->next)
        Py_VISIT(node->key);
    return PyDict_Type.tp_traverse(self, visit, arg);
}

static int odict_tp_clear(PyObject *self)
{
    Py_CLEAR(OD(self)->od_inst_dict);
    PyDict_Clear(self);
    od_clear_nodes(OD(self));
    return 0;
}

static void odict_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_TRASHCAN_BEGIN(self, odict_dealloc)
    if (OD(self)->od_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    Py_CLEAR(OD(self)->od_inst_dict);
    od_clear_nodes(OD(self));
    PyDict_Type.tp_dealloc(self);
    Py_TRASHCAN_END
}

PyObject *PyODict_New(void)
{
    return PyDict_Type.tp_new(&PyODict_Type, NULL, NULL);
}

static PyMethodDef odict_methods[] = {
    {"__sizeof__", odict_sizeof, METH_NOARGS, NULL},
    {"__reduce__", odict_reduce, METH_NOARGS, "Return state information for pickling"},
    {"setdefault", (PyCFunction)(void (*)(void))odict_setdefault, METH_FASTCALL | METH_KEYWORDS,
     "setdefault($self, /, key, default=None)\n--\n\n"
     "Insert key with a value of default if key is not in the dictionary.\n\n"
     "Return the value for key if key is in the dictionary, else default."},
    {"pop", (PyCFunction)(void (*)(void))odict_pop, METH_FASTCALL | METH_KEYWORDS,
     "pop($self, /, key, default=<unrepresentable>)\n--\n\n"
     "od.pop(key[,default]) -> v, remove specified key and return the corresponding value.\n\n"
     "If the key is not found, return the default if given; otherwise,\nraise a KeyError."},
    {"popitem", (PyCFunction)(void (*)(void))odict_popitem, METH_FASTCALL | METH_KEYWORDS,
     "popitem($self, /, last=True)\n--\n\n"
     "Remove and return a (key, value) pair from the dictionary.\n\n"
     "Pairs are returned in LIFO order if last is true or FIFO order if false."},
    {"keys", odict_keys, METH_NOARGS, NULL},
    {"values", odict_values, METH_NOARGS, NULL},
    {"items", odict_items, METH_NOARGS, NULL},
    {"update", (PyCFunction)(void (*)(void))odict_update, METH_VARARGS | METH_KEYWORDS, NULL},
    {"fromkeys", (PyCFunction)(void (*)(void))odict_fromkeys,
     METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "fromkeys($type, /, iterable, value=None)\n--\n\n"
     "Create a new ordered dictionary with keys from iterable and values set to value."},
    {"clear", odict_clear, METH_NOARGS, "od.clear() -> None.  Remove all items from od."},
    {"copy", odict_copy, METH_NOARGS, "od.copy() -> a shallow copy of od"},
    {"__reversed__", odict_reversed, METH_NOARGS, "od.__reversed__() <==> reversed(od)"},
    {"move_to_end", (PyCFunction)(void (*)(void))odict_move_to_end,
     METH_FASTCALL | METH_KEYWORDS,
     "move_to_end($self, /, key, last=True)\n--\n\n"
     "Move an existing element to the end (or beginning if last is false).\n\n"
     "Raise KeyError if the element does not exist."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef odict_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMappingMethods odict_as_mapping = {
    .mp_ass_subscript = odict_ass_sub,
};

static PyNumberMethods odict_as_number = {
    .nb_or = odict_or,
    .nb_inplace_or = odict_inplace_or,
};

PyTypeObject PyODict_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "collections.OrderedDict",
    .tp_basicsize = sizeof(PyODictObject),
    .tp_dealloc = odict_dealloc,
    .tp_repr = odict_repr,
    .tp_as_number = &odict_as_number,
    .tp_as_mapping = &odict_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Dictionary that remembers insertion order",
    .tp_traverse = odict_traverse,
    .tp_clear = odict_tp_clear,
    .tp_richcompare = odict_richcompare,
    .tp_weaklistoffset = offsetof(PyODictObject, od_weakreflist),
    .tp_iter = odict_iter,
    .tp_methods = odict_methods,
    .tp_getset = odict_getset,
    .tp_base = &PyDict_Type,
    .tp_dictoffset = offsetof(PyODictObject, od_inst_dict),
    .tp_init = odict_init,
};

/* ------------------------------------------------------------------ iterator */

/* Laid out as CPython's odictiterobject ('iP2n2P'), so __sizeof__ agrees.  di_current is
 * the next node; it is only dereferenced while the odict's state still equals di_state,
 * i.e. while no node has been added, moved or freed since the iterator last looked. */
typedef struct {
    PyObject_HEAD
    int kind;
    PyODictObject *di_odict;  /* NULL once exhausted */
    Py_ssize_t di_size;
    size_t di_state;
    odictnode *di_current;
    PyObject *di_result;      /* an items tuple to reuse while nobody else holds it */
} odictiterobject;

static PyObject *odictiter_new(PyODictObject *od, int kind)
{
    odictiterobject *di = PyObject_GC_New(odictiterobject, &PyODictIter_Type);
    if (di == NULL)
        return NULL;
    di->kind = kind;
    di->di_odict = (PyODictObject *)Py_NewRef(od);
    di->di_size = PyODict_SIZE(od);
    di->di_state = od->od_state;
    di->di_current = (kind & ITER_REVERSED) ? od->od_last : od->od_first;
    di->di_result = NULL;
    if ((kind & ITER_ITEMS) == ITER_ITEMS) {
        di->di_result = PyTuple_Pack(2, Py_None, Py_None);
        if (di->di_result == NULL) {
            Py_DECREF(di);
            return NULL;
        }
    }
    PyObject_GC_Track(di);
    return (PyObject *)di;
}

/* The next key (new reference), or NULL: exhausted or an error set. */
static PyObject *odictiter_nextkey(odictiterobject *di)
{
    PyODictObject *od = di->di_odict;
    if (od == NULL)
        return NULL;
    if (di->di_current == NULL)
        goto done;
    if (OD_MUTATED(od->od_state, di->di_state)) {
        PyErr_SetString(PyExc_RuntimeError, mutated_msg);
        goto done;
    }
    if (di->di_size != PyODict_SIZE(od)) {
        PyErr_SetString(PyExc_RuntimeError, "OrderedDict changed size during iteration");
        di->di_size = -1; /* sticky */
        return NULL;
    }
    if (od->od_state != di->di_state) { /* cleared, then refilled to the same size */
        PyErr_SetString(PyExc_RuntimeError, mutated_msg);
        goto done;
    }
    odictnode *node = di->di_current;
    di->di_current = (di->kind & ITER_REVERSED) ? node->prev : node->next;
    PyObject *key = Py_NewRef(node->key);
    if (di->kind & ITER_VALUES)
        return key; /* the value lookup checks that the dict still has key */
    /* 3.11 finds each key through the dict: one taken out by a dict method (or whose hash
     * changed) ends the iteration with KeyError */
    Py_hash_t hash = PyObject_Hash(key);
    int present = hash == -1 ? -1 : _PyDict_Contains_KnownHash((PyObject *)od, key, hash);
    if (present > 0)
        return key;
    if (present == 0)
        PyErr_SetObject(PyExc_KeyError, key);
    Py_DECREF(key);
    di->di_current = NULL;
    return NULL;
done:
    Py_CLEAR(di->di_odict);
    return NULL;
}

static PyObject *odictiter_iternext(odictiterobject *di)
{
    PyObject *key = odictiter_nextkey(di), *value, *result;
    if (key == NULL || !(di->kind & ITER_VALUES))
        return key;
    value = od_value((PyObject *)di->di_odict, key);
    if (value == NULL) {
        Py_DECREF(key);
        Py_CLEAR(di->di_odict);
        return NULL;
    }
    Py_INCREF(value);
    if (!(di->kind & ITER_KEYS)) {
        Py_DECREF(key);
        return value;
    }
    result = di->di_result;
    if (result != NULL && Py_REFCNT(result) == 1) {
        /* nobody else holds the last tuple: refill it (and let the GC see it again) */
        Py_INCREF(result);
        Py_SETREF(PyTuple_GET_ITEM(result, 0), key);
        Py_SETREF(PyTuple_GET_ITEM(result, 1), value);
        if (!PyObject_GC_IsTracked(result))
            PyObject_GC_Track(result);
        return result;
    }
    result = PyTuple_New(2);
    if (result == NULL) {
        Py_DECREF(key);
        Py_DECREF(value);
        return NULL;
    }
    PyTuple_SET_ITEM(result, 0, key);
    PyTuple_SET_ITEM(result, 1, value);
    return result;
}

static void odictiter_dealloc(odictiterobject *di)
{
    PyObject_GC_UnTrack(di);
    Py_XDECREF(di->di_odict);
    Py_XDECREF(di->di_result);
    PyObject_GC_Del(di);
}

static int odictiter_traverse(odictiterobject *di, visitproc visit, void *arg)
{
    Py_VISIT(di->di_odict);
    Py_VISIT(di->di_result);
    return 0;
}

/* iter(list of what is left): the iterator itself is not consumed. */
static PyObject *odictiter_reduce(odictiterobject *di, PyObject *Py_UNUSED(ignored))
{
    odictiterobject tmp = *di;
    tmp.di_result = NULL;  /* the copy must not reuse (and free) the real one's tuple */
    Py_XINCREF(tmp.di_odict);
    PyObject *res = _PyIter_ReduceRemaining((PyObject *)&tmp, (iternextfunc)odictiter_iternext);
    Py_XDECREF(tmp.di_odict);
    return res;
}

static PyMethodDef odictiter_methods[] = {
    {"__reduce__", (PyCFunction)odictiter_reduce, METH_NOARGS,
     "Return state information for pickling"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyODictIter_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_iterator",
    .tp_basicsize = sizeof(odictiterobject),
    .tp_dealloc = (destructor)odictiter_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)odictiter_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)odictiter_iternext,
    .tp_methods = odictiter_methods,
};

/* ------------------------------------------------------------------ views */

/* The dict views, iterating in the odict's order (and reversible); a view always has its
 * dict (_PyDictView_New refuses NULL). */
#define ODICT_VIEW(NAME, KIND)                                                              \
    static PyObject *odict##NAME##_iter(_PyDictViewObject *dv)                              \
    {                                                                                       \
        return odictiter_new((PyODictObject *)dv->dv_dict, KIND);                           \
    }                                                                                       \
    static PyObject *odict##NAME##_reversed(_PyDictViewObject *dv, PyObject *unused)        \
    {                                                                                       \
        return odictiter_new((PyODictObject *)dv->dv_dict, (KIND) | ITER_REVERSED);        \
    }                                                                                       \
    static PyMethodDef odict##NAME##_methods[] = {                                          \
        {"__reversed__", (PyCFunction)odict##NAME##_reversed, METH_NOARGS, NULL},           \
        {NULL, NULL, 0, NULL},                                                              \
    };

ODICT_VIEW(keys, ITER_KEYS)
ODICT_VIEW(values, ITER_VALUES)
ODICT_VIEW(items, ITER_ITEMS)

PyTypeObject PyODictKeys_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_keys",
    .tp_flags = Py_TPFLAGS_DEFAULT, /* GC flag, traverse and clear come from the dict view */
    .tp_iter = (getiterfunc)odictkeys_iter,
    .tp_methods = odictkeys_methods,
    .tp_base = &PyDictKeys_Type,
};

PyTypeObject PyODictValues_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_values",
    .tp_flags = Py_TPFLAGS_DEFAULT, /* GC flag, traverse and clear come from the dict view */
    .tp_iter = (getiterfunc)odictvalues_iter,
    .tp_methods = odictvalues_methods,
    .tp_base = &PyDictValues_Type,
};

PyTypeObject PyODictItems_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "odict_items",
    .tp_flags = Py_TPFLAGS_DEFAULT, /* GC flag, traverse and clear come from the dict view */
    .tp_iter = (getiterfunc)odictitems_iter,
    .tp_methods = odictitems_methods,
    .tp_base = &PyDictItems_Type,
};

int _PyODict_Ready(void)
{
    PyTypeObject *types[] = {&PyODict_Type, &PyODictIter_Type, &PyODictKeys_Type,
                             &PyODictValues_Type, &PyODictItems_Type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (PyType_Ready(types[i]) < 0)
            return -1;
    return 0;
}
