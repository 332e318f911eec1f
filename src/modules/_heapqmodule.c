/* _heapqmodule.c — the `_heapq` accelerator for heapq.py: heappush, heappop, heapify,
 * heapreplace, heappushpop and the _max variants used by heapq.merge/nlargest.
 * Owner: objects-containers.  Same comparison order as CPython (observable through
 * __lt__), including the cache-friendly heapify for lists longer than 2500. */
#include "Python.h"

typedef int (*siftfunc)(PyListObject *, Py_ssize_t);

/* cmp_lt(a, b) for the min-heap, cmp_lt(b, a) for the max-heap. */
static int heap_lt(PyObject *a, PyObject *b, int max)
{
    Py_INCREF(a);
    Py_INCREF(b);
    int cmp = max ? PyObject_RichCompareBool(b, a, Py_LT) : PyObject_RichCompareBool(a, b, Py_LT);
    Py_DECREF(a);
    Py_DECREF(b);
    return cmp;
}

/* Move heap[pos] towards the root until its parent is not larger. */
static int siftdown(PyListObject *heap, Py_ssize_t startpos, Py_ssize_t pos, int max)
{
    Py_ssize_t size = PyList_GET_SIZE(heap);
    if (pos >= size) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return -1;
    }
    while (pos > startpos) {
        Py_ssize_t parentpos = (pos - 1) >> 1;
        int cmp = heap_lt(heap->ob_item[pos], heap->ob_item[parentpos], max);
        if (cmp < 0)
            return -1;
        if (size != PyList_GET_SIZE(heap)) {
            PyErr_SetString(PyExc_RuntimeError, "list changed size during iteration");
            return -1;
        }
        if (cmp == 0)
            break;
        PyObject *parent = heap->ob_item[parentpos];
        heap->ob_item[parentpos] = heap->ob_item[pos];
        heap->ob_item[pos] = parent;
        pos = parentpos;
    }
    return 0;
}

/* Bubble the smaller child up until a leaf, then sift the item back down. */
static int siftup(PyListObject *heap, Py_ssize_t pos, int max)
{
    Py_ssize_t endpos = PyList_GET_SIZE(heap), startpos = pos;
    if (pos >= endpos) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return -1;
    }
    Py_ssize_t limit = endpos >> 1;   /* smallest pos that has no child */
    while (pos < limit) {
        Py_ssize_t childpos = 2 * pos + 1;
        if (childpos + 1 < endpos) {
            int cmp = heap_lt(heap->ob_item[childpos], heap->ob_item[childpos + 1], max);
            if (cmp < 0)
                return -1;
            childpos += ((unsigned)cmp ^ 1);   /* the right child when not left < right */
            if (endpos != PyList_GET_SIZE(heap)) {
                PyErr_SetString(PyExc_RuntimeError, "list changed size during iteration");
                return -1;
            }
        }
        PyObject *tmp = heap->ob_item[childpos];
        heap->ob_item[childpos] = heap->ob_item[pos];
        heap->ob_item[pos] = tmp;
        pos = childpos;
    }
    return siftdown(heap, startpos, pos, max);
}

static int check_list(PyObject *heap, const char *fname, int argnum)
{
    if (PyList_Check(heap))
        return 1;
    if (argnum)
        PyErr_Format(PyExc_TypeError, "%s() argument 1 must be list, not %.50s", fname,
                     heap == Py_None ? "None" : Py_TYPE(heap)->tp_name);
    else
        PyErr_Format(PyExc_TypeError, "%s() argument must be list, not %.50s", fname,
                     heap == Py_None ? "None" : Py_TYPE(heap)->tp_name);
    return 0;
}

static int two_args(const char *fname, Py_ssize_t nargs)
{
    if (nargs == 2)
        return 1;
    PyErr_Format(PyExc_TypeError, "%s expected 2 arguments, got %zd", fname, nargs);
    return 0;
}

static PyObject *heappush(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!two_args("heappush", nargs) || !check_list(args[0], "heappush", 1))
        return NULL;
    if (PyList_Append(args[0], args[1]) < 0)
        return NULL;
    if (siftdown((PyListObject *)args[0], 0, PyList_GET_SIZE(args[0]) - 1, 0) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *heappop_internal(PyObject *heap, int max)
{
    Py_ssize_t n = PyList_GET_SIZE(heap);
    if (n == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    PyObject *lastelt = PyList_GET_ITEM(heap, n - 1);
    Py_INCREF(lastelt);
    if (PyList_SetSlice(heap, n - 1, n, NULL) < 0) {
        Py_DECREF(lastelt);
        return NULL;
    }
    if (--n == 0)
        return lastelt;
    PyObject *returnitem = PyList_GET_ITEM(heap, 0);
    PyList_SET_ITEM(heap, 0, lastelt);
    if (siftup((PyListObject *)heap, 0, max) < 0) {
        Py_DECREF(returnitem);
        return NULL;
    }
    return returnitem;
}

static PyObject *heappop(PyObject *m, PyObject *heap)
{
    return check_list(heap, "heappop", 0) ? heappop_internal(heap, 0) : NULL;
}

static PyObject *heappop_max(PyObject *m, PyObject *heap)
{
    return check_list(heap, "_heappop_max", 0) ? heappop_internal(heap, 1) : NULL;
}

static PyObject *heapreplace_internal(PyObject *heap, PyObject *item, int max)
{
    if (PyList_GET_SIZE(heap) == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    PyObject *returnitem = PyList_GET_ITEM(heap, 0);
    Py_INCREF(item);
    PyList_SET_ITEM(heap, 0, item);
    if (siftup((PyListObject *)heap, 0, max) < 0) {
        Py_DECREF(returnitem);
        return NULL;
    }
    return returnitem;
}

static PyObject *heapreplace(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!two_args("heapreplace", nargs) || !check_list(args[0], "heapreplace", 1))
        return NULL;
    return heapreplace_internal(args[0], args[1], 0);
}

static PyObject *heapreplace_max(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!two_args("_heapreplace_max", nargs) || !check_list(args[0], "_heapreplace_max", 1))
        return NULL;
    return heapreplace_internal(args[0], args[1], 1);
}

static PyObject *heappushpop(PyObject *m, PyObject *const *args, Py_ssize_t nargs)
{
    if (!two_args("heappushpop", nargs) || !check_list(args[0], "heappushpop", 1))
        return NULL;
    PyObject *heap = args[0], *item = args[1];
    if (PyList_GET_SIZE(heap) == 0) {
        Py_INCREF(item);
        return item;
    }
    PyObject *top = PyList_GET_ITEM(heap, 0);
    Py_INCREF(top);
    int cmp = PyObject_RichCompareBool(top, item, Py_LT);
    Py_DECREF(top);
    if (cmp < 0)
        return NULL;
    if (cmp == 0) {
        Py_INCREF(item);
        return item;
    }
    if (PyList_GET_SIZE(heap) == 0) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    return heapreplace_internal(heap, item, 0);
}

static Py_ssize_t keep_top_bit(Py_ssize_t n)
{
    int i = 0;
    while (n > 1) {
        n >>= 1;
        i++;
    }
    return n << i;
}

/* For heaps bigger than L1 cache CPython heapifies row by row (different order). */
static int cache_friendly_heapify(PyObject *heap, int max)
{
    Py_ssize_t m = PyList_GET_SIZE(heap) >> 1;      /* first childless node */
    Py_ssize_t leftmost = keep_top_bit(m + 1) - 1;  /* leftmost node in row of m */
    Py_ssize_t mhalf = m >> 1;                      /* parent of first childless node */
    for (Py_ssize_t i = leftmost - 1; i >= mhalf; i--)
        for (Py_ssize_t j = i;; j >>= 1) {
            if (siftup((PyListObject *)heap, j, max) < 0)
                return -1;
            if (!(j & 1))
                break;
        }
    for (Py_ssize_t i = m - 1; i >= leftmost; i--)
        for (Py_ssize_t j = i;; j >>= 1) {
            if (siftup((PyListObject *)heap, j, max) < 0)
                return -1;
            if (!(j & 1))
                break;
        }
    return 0;
}

static PyObject *heapify_internal(PyObject *heap, int max)
{
    Py_ssize_t n = PyList_GET_SIZE(heap);
    if (n > 2500) {
        if (cache_friendly_heapify(heap, max) < 0)
            return NULL;
        Py_RETURN_NONE;
    }
    for (Py_ssize_t i = (n >> 1) - 1; i >= 0; i--)
        if (siftup((PyListObject *)heap, i, max) < 0)
            return NULL;
    Py_RETURN_NONE;
}

static PyObject *heapify(PyObject *m, PyObject *heap)
{
    return check_list(heap, "heapify", 0) ? heapify_internal(heap, 0) : NULL;
}

static PyObject *heapify_max(PyObject *m, PyObject *heap)
{
    return check_list(heap, "_heapify_max", 0) ? heapify_internal(heap, 1) : NULL;
}

#define FASTCALL(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL

static PyMethodDef heapq_methods[] = {
    {"heappush", FASTCALL(heappush),
     "heappush($module, heap, item, /)\n--\n\n"
     "Push item onto heap, maintaining the heap invariant."},
    {"heappushpop", FASTCALL(heappushpop),
     "heappushpop($module, heap, item, /)\n--\n\n"
     "Push item on the heap, then pop and return the smallest item from the heap.\n\n"
     "The combined action runs more efficiently than heappush() followed by\n"
     "a separate call to heappop()."},
    {"heappop", heappop, METH_O,
     "heappop($module, heap, /)\n--\n\n"
     "Pop the smallest item off the heap, maintaining the heap invariant."},
    {"heapreplace", FASTCALL(heapreplace),
     "heapreplace($module, heap, item, /)\n--\n\n"
     "Pop and return the current smallest value, and add the new item.\n\n"
     "This is more efficient than heappop() followed by heappush(), and can be\n"
     "more appropriate when using a fixed-size heap.  Note that the value\n"
     "returned may be larger than item!  That constrains reasonable uses of\n"
     "this routine unless written as part of a conditional replacement:\n\n"
     "    if item > heap[0]:\n"
     "        item = heapreplace(heap, item)"},
    {"heapify", heapify, METH_O,
     "heapify($module, heap, /)\n--\n\n"
     "Transform list into a heap, in-place, in O(len(heap)) time."},
    {"_heappop_max", heappop_max, METH_O,
     "_heappop_max($module, heap, /)\n--\n\n"
     "Maxheap variant of heappop."},
    {"_heapreplace_max", FASTCALL(heapreplace_max),
     "_heapreplace_max($module, heap, item, /)\n--\n\n"
     "Maxheap variant of heapreplace."},
    {"_heapify_max", heapify_max, METH_O,
     "_heapify_max($module, heap, /)\n--\n\n"
     "Maxheap variant of heapify."},
    {NULL, NULL, 0, NULL},
};

static const char about[] =
"Heap queues\n"
"\n"
"[explanation by Fran\xc3""\xa7""ois Pinard]\n"
"\n"
"Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\n"
"all k, counting elements from 0.  For the sake of comparison,\n"
"non-existing elements are considered to be infinite.  The interesting\n"
"property of a heap is that a[0] is always its smallest element.\n"
"\n"
"The strange invariant above is meant to be an efficient memory\n"
"representation for a tournament.  The numbers below are `k', not a[k]:\n"
"\n"
"                                   0\n"
"\n"
"                  1                                 2\n"
"\n"
"          3               4                5               6\n"
"\n"
"      7       8       9       10      11      12      13      14\n"
"\n"
"    15 16   17 18   19 20   21 22   23 24   25 26   27 28   29 30\n"
"\n"
"\n"
"In the tree above, each cell `k' is topping `2*k+1' and `2*k+2'.  In\n"
"a usual binary tournament we see in sports, each cell is the winner\n"
"over the two cells it tops, and we can trace the winner down the tree\n"
"to see all opponents s/he had.  However, in many computer applications\n"
"of such tournaments, we do not need to trace the history of a winner.\n"
"To be more memory efficient, when a winner is promoted, we try to\n"
"replace it by something else at a lower level, and the rule becomes\n"
"that a cell and the two cells it tops contain three different items,\n"
"but the top cell \"wins\" over the two topped cells.\n"
"\n"
"If this heap invariant is protected at all time, index 0 is clearly\n"
"the overall winner.  The simplest algorithmic way to remove it and\n"
"find the \"next\" winner is to move some loser (let's say cell 30 in the\n"
"diagram above) into the 0 position, and then percolate this new 0 down\n"
"the tree, exchanging values, until the invariant is re-established.\n"
"This is clearly logarithmic on the total number of items in the tree.\n"
"By iterating over all items, you get an O(n ln n) sort.\n"
"\n"
"A nice feature of this sort is that you can efficiently insert new\n"
"items while the sort is going on, provided that the inserted items are\n"
"not \"better\" than the last 0'th element you extracted.  This is\n"
"especially useful in simulation contexts, where the tree holds all\n"
"incoming events, and the \"win\" condition means the smallest scheduled\n"
"time.  When an event schedule other events for execution, they are\n"
"scheduled into the future, so they can easily go into the heap.  So, a\n"
"heap is a good structure for implementing schedulers (this is what I\n"
"used for my MIDI sequencer :-).\n"
"\n"
"Various structures for implementing schedulers have been extensively\n"
"studied, and heaps are good for this, as they are reasonably speedy,\n"
"the speed is almost constant, and the worst case is not much different\n"
"than the average case.  However, there are other representations which\n"
"are more efficient overall, yet the worst cases might be terrible.\n"
"\n"
"Heaps are also very useful in big disk sorts.  You most probably all\n"
"know that a big sort implies producing \"runs\" (which are pre-sorted\n"
"sequences, which size is usually related to the amount of CPU memory),\n"
"followed by a merging passes for these runs, which merging is often\n"
"very cleverly organised[1].  It is very important that the initial\n"
"sort produces the longest runs possible.  Tournaments are a good way\n"
"to that.  If, using all the memory available to hold a tournament, you\n"
"replace and percolate items that happen to fit the current run, you'll\n"
"produce runs which are twice the size of the memory for random input,\n"
"and much better for input fuzzily ordered.\n"
"\n"
"Moreover, if you output the 0'th item on disk and get an input which\n"
"may not fit in the current tournament (because the value \"wins\" over\n"
"the last output value), it cannot fit in the heap, so the size of the\n"
"heap decreases.  The freed memory could be cleverly reused immediately\n"
"for progressively building a second heap, which grows at exactly the\n"
"same rate the first heap is melting.  When the first heap completely\n"
"vanishes, you switch heaps and start a new run.  Clever and quite\n"
"effective!\n"
"\n"
"In a word, heaps are useful memory structures to know.  I use them in\n"
"a few applications, and I think it is good to keep a `heap' module\n"
"around. :-)\n"
"\n"
"--------------------\n"
"[1] The disk balancing algorithms which are current, nowadays, are\n"
"more annoying than clever, and this is a consequence of the seeking\n"
"capabilities of the disks.  On devices which cannot seek, like big\n"
"tape drives, the story was quite different, and one had to be very\n"
"clever to ensure (far in advance) that each tape movement will be the\n"
"most effective possible (that is, will best participate at\n"
"\"progressing\" the merge).  Some tapes were even able to read\n"
"backwards, and this was also used to avoid the rewinding time.\n"
"Believe me, real good tape sorts were quite spectacular to watch!\n"
"From all times, sorting has always been a Great Art! :-)\n";

static struct PyModuleDef heapqmodule = {
    PyModuleDef_HEAD_INIT,
    .m_name = "_heapq",
    .m_doc = "Heap queue algorithm (a.k.a. priority queue).\n"
             "\n"
             "Heaps are arrays for which a[k] <= a[2*k+1] and a[k] <= a[2*k+2] for\n"
             "all k, counting elements from 0.  For the sake of comparison,\n"
             "non-existing elements are considered to be infinite.  The interesting\n"
             "property of a heap is that a[0] is always its smallest element.\n"
             "\n"
             "Usage:\n"
             "\n"
             "heap = []            # creates an empty heap\n"
             "heappush(heap, item) # pushes a new item on the heap\n"
             "item = heappop(heap) # pops the smallest item from the heap\n"
             "item = heap[0]       # smallest item on the heap without popping it\n"
             "heapify(x)           # transforms list into a heap, in-place, in linear time\n"
             "item = heapreplace(heap, item) # pops and returns smallest item, and adds\n"
             "                               # new item; the heap size is unchanged\n"
             "\n"
             "Our API differs from textbook heap algorithms as follows:\n"
             "\n"
             "- We use 0-based indexing.  This makes the relationship between the\n"
             "  index for a node and the indexes for its children slightly less\n"
             "  obvious, but is more suitable since Python uses 0-based indexing.\n"
             "\n"
             "- Our heappop() method returns the smallest item, not the largest.\n"
             "\n"
             "These two make it possible to view the heap as a regular Python list\n"
             "without surprises: heap[0] is the smallest item, and heap.sort()\n"
             "maintains the heap invariant!\n",
    .m_size = -1,
    .m_methods = heapq_methods,
};

PyObject *PyInit__heapq(void)
{
    PyObject *m = PyModule_Create(&heapqmodule);
    if (m == NULL)
        return NULL;
    PyObject *a = PyUnicode_FromString(about);
    if (a == NULL || PyModule_AddObject(m, "__about__", a) < 0) {
        Py_XDECREF(a);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
