/* obmalloc.c — the raw and object allocators (PyMem_*, PyObject_Malloc...).
 * PyMem_* is the C library's malloc; PyObject_* is a small-object allocator in the
 * design of CPython's obmalloc (1 MiB arenas from mmap, 16 KiB pools each serving one
 * size class of 16-byte steps up to 512 bytes, free blocks in a list per pool); bigger
 * requests go to malloc.  Callers must hold the GIL, as in CPython.  Sanitizer builds
 * use malloc throughout so ASan sees every block.  GC-tracked allocation is gc.c;
 * docs/memory.md has the design and the measurements. */
#include "Python.h"
#include <sys/mman.h>

/* The hooks tracemalloc installs while tracing (_tracemalloc.c declares the same struct:
 * kept out of the headers, which every object file depends on). */
typedef struct {
    void (*alloc)(void *ptr, size_t size);   /* new block, or a block resized in place */
    void (*free)(void *ptr);                 /* called before the block is released */
} _PyTraceMalloc_Hooks;
extern const _PyTraceMalloc_Hooks *_PyTraceMalloc_hooks;

/* ------------------------------------------------------------------ raw allocator */

/* malloc(0) may return NULL; CPython guarantees a unique pointer, so ask for 1 byte. */
static void *raw_malloc(size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    return malloc(size ? size : 1);
}

static void *raw_calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize)
        return NULL;
    if (nelem == 0 || elsize == 0)
        nelem = elsize = 1;
    return calloc(nelem, elsize);
}

static void *raw_realloc(void *ptr, size_t size)
{
    if (size > (size_t)PY_SSIZE_T_MAX)
        return NULL;
    return realloc(ptr, size ? size : 1);
}

#if defined(KRAIT_ASAN) || defined(KRAIT_NO_PYMALLOC)

static inline void *mem_malloc(size_t size) { return raw_malloc(size); }
static inline void *mem_calloc(size_t nelem, size_t elsize) { return raw_calloc(nelem, elsize); }
static inline void *mem_realloc(void *ptr, size_t size) { return raw_realloc(ptr, size); }
static inline void mem_free(void *ptr) { free(ptr); }
static inline void *obj_malloc(size_t size) { return raw_malloc(size); }
static inline void *obj_calloc(size_t nelem, size_t elsize) { return raw_calloc(nelem, elsize); }
static inline void *obj_realloc(void *ptr, size_t size) { return raw_realloc(ptr, size); }
static inline void obj_free(void *ptr) { free(ptr); }

/* Without pymalloc CPython reports 0 as well. */
Py_ssize_t _Py_GetAllocatedBlocks(void) { return 0; }

#else /* the small-object allocator */

#define ALIGNMENT_SHIFT 4
#define ALIGNMENT (1 << ALIGNMENT_SHIFT)                 /* 16: what malloc guarantees */
#define SMALL_REQUEST_THRESHOLD 512
#define NB_SMALL_SIZE_CLASSES (SMALL_REQUEST_THRESHOLD / ALIGNMENT)
#define INDEX2SIZE(i) (((unsigned)(i) + 1) << ALIGNMENT_SHIFT)

#define POOL_BITS 14
#define POOL_SIZE ((size_t)1 << POOL_BITS)              /* 16 KiB */
#define ARENA_BITS 20
#define ARENA_SIZE ((size_t)1 << ARENA_BITS)            /* 1 MiB, aligned to its size */
#define POOLS_PER_ARENA (ARENA_SIZE / POOL_SIZE)

struct arena_object;

/* At the start of every pool.  A pool is "used" (in usedpools[szidx]) while it has at
 * least one allocated and one available block. */
typedef struct pool_header {
    unsigned int ref;             /* blocks in use */
    unsigned int szidx;           /* size class */
    uint8_t *freeblock;           /* freed blocks, linked through their first word */
    struct pool_header *nextpool, *prevpool;
    struct arena_object *arena;
    unsigned int nextoffset;      /* first never-used block (carved lazily) */
    unsigned int maxnextoffset;   /* last offset at which a whole block fits */
} pool_header;

#define POOL_OVERHEAD ((sizeof(pool_header) + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1))
#define POOL_ADDR(p) ((pool_header *)((uintptr_t)(p) & ~(uintptr_t)(POOL_SIZE - 1)))

struct arena_object {
    uint8_t *address;
    unsigned int nfreepools;      /* empty pools: in freepools or not carved yet */
    unsigned int ncarved;         /* pools handed out at least once */
    pool_header *freepools;       /* emptied pools, linked through nextpool */
    struct arena_object *next, *prev;   /* in usable_arenas while nfreepools > 0 */
};

/* Pools with room, per size class; arenas with a free pool. */
static pool_header *usedpools[NB_SMALL_SIZE_CLASSES];
static struct arena_object *usable_arenas;
static size_t narenas_allocated, narenas_live;

/* Live blocks for sys.getallocatedblocks(), as CPython counts them: pool blocks, and
 * the blocks PyObject_Malloc & co. got from malloc (freed through PyObject_Free). */
static Py_ssize_t pool_blocks, raw_object_blocks;

/* Which 1 MiB chunks of the address space are our arenas: a two-level bitmap on the
 * chunk number (48-bit user addresses), so free() can tell our blocks from malloc's
 * without touching memory that may not be ours. */
#define ADDRESS_BITS 48
#define LEAF_BITS 14
#define TOP_BITS (ADDRESS_BITS - ARENA_BITS - LEAF_BITS)
static uint64_t *arena_map[(size_t)1 << TOP_BITS];

static inline int address_in_range(const void *p)
{
    uintptr_t chunk = (uintptr_t)p >> ARENA_BITS;
    uintptr_t top = chunk >> LEAF_BITS;
    if (top >= ((uintptr_t)1 << TOP_BITS) || arena_map[top] == NULL)
        return 0;
    uintptr_t bit = chunk & (((uintptr_t)1 << LEAF_BITS) - 1);
    return (arena_map[top][bit >> 6] >> (bit & 63)) & 1;
}

static int arena_map_set(uint8_t *address, int on)
{
    uintptr_t chunk = (uintptr_t)address >> ARENA_BITS;
    uintptr_t top = chunk >> LEAF_BITS;
    if (top >= ((uintptr_t)1 << TOP_BITS))
        return -1;
    if (arena_map[top] == NULL) {
        /* process-lifetime: a leaf covers 16 GiB of address space */
        arena_map[top] = calloc((size_t)1 << (LEAF_BITS - 6), sizeof(uint64_t));
        if (arena_map[top] == NULL)
            return -1;
    }
    uintptr_t bit = chunk & (((uintptr_t)1 << LEAF_BITS) - 1);
    if (on)
        arena_map[top][bit >> 6] |= (uint64_t)1 << (bit & 63);
    else
        arena_map[top][bit >> 6] &= ~((uint64_t)1 << (bit & 63));
    return 0;
}

static void usable_push(struct arena_object *a)
{
    a->prev = NULL;
    a->next = usable_arenas;
    if (usable_arenas)
        usable_arenas->prev = a;
    usable_arenas = a;
}

static void usable_unlink(struct arena_object *a)
{
    if (a->prev)
        a->prev->next = a->next;
    else
        usable_arenas = a->next;
    if (a->next)
        a->next->prev = a->prev;
    a->next = a->prev = NULL;
}

/* mmap twice the size and trim, to get an arena aligned to ARENA_SIZE. */
static struct arena_object *new_arena(void)
{
    struct arena_object *a = calloc(1, sizeof *a);
    if (a == NULL)
        return NULL;
    uint8_t *raw = mmap(NULL, 2 * ARENA_SIZE, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) {
        free(a);
        return NULL;
    }
    uint8_t *base = (uint8_t *)(((uintptr_t)raw + ARENA_SIZE - 1) & ~(uintptr_t)(ARENA_SIZE - 1));
    if (base > raw)
        munmap(raw, (size_t)(base - raw));
    if (raw + 2 * ARENA_SIZE > base + ARENA_SIZE)
        munmap(base + ARENA_SIZE, (size_t)(raw + 2 * ARENA_SIZE - (base + ARENA_SIZE)));
    if (arena_map_set(base, 1) < 0) {
        munmap(base, ARENA_SIZE);
        free(a);
        return NULL;
    }
    a->address = base;
    a->nfreepools = POOLS_PER_ARENA;
    narenas_allocated++;
    narenas_live++;
    usable_push(a);
    return a;
}

static void free_arena(struct arena_object *a)
{
    usable_unlink(a);
    (void)arena_map_set(a->address, 0);
    munmap(a->address, ARENA_SIZE);
    narenas_live--;
    free(a);
}

/* A fresh pool for size class `idx`, becoming the only pool of usedpools[idx]. */
static pool_header *new_pool(unsigned int idx)
{
    struct arena_object *a = usable_arenas;
    if (a == NULL && (a = new_arena()) == NULL)
        return NULL;
    pool_header *pool;
    if (a->freepools != NULL) {
        pool = a->freepools;
        a->freepools = pool->nextpool;
    } else {
        pool = (pool_header *)(a->address + a->ncarved * POOL_SIZE);
        a->ncarved++;
    }
    if (--a->nfreepools == 0)
        usable_unlink(a);
    size_t size = INDEX2SIZE(idx);
    pool->ref = 0;
    pool->szidx = idx;
    pool->freeblock = NULL;
    pool->arena = a;
    pool->nextoffset = (unsigned int)POOL_OVERHEAD;
    pool->maxnextoffset = (unsigned int)(POOL_SIZE - size);
    pool->nextpool = pool->prevpool = NULL;
    usedpools[idx] = pool;
    return pool;
}

static inline int pool_is_full(pool_header *pool)
{
    return pool->freeblock == NULL && pool->nextoffset > pool->maxnextoffset;
}

static inline void pool_unlink(pool_header *pool)
{
    if (pool->prevpool)
        pool->prevpool->nextpool = pool->nextpool;
    else
        usedpools[pool->szidx] = pool->nextpool;
    if (pool->nextpool)
        pool->nextpool->prevpool = pool->prevpool;
    pool->nextpool = pool->prevpool = NULL;
}

static inline void *pool_alloc(size_t nbytes)
{
    unsigned int idx = (unsigned int)((nbytes - 1) >> ALIGNMENT_SHIFT);
    pool_header *pool = usedpools[idx];
    if (pool == NULL && (pool = new_pool(idx)) == NULL)
        return NULL;
    uint8_t *block = pool->freeblock;
    if (block != NULL) {
        pool->freeblock = *(uint8_t **)block;
    } else {
        block = (uint8_t *)pool + pool->nextoffset;
        pool->nextoffset += INDEX2SIZE(idx);
    }
    pool->ref++;
    pool_blocks++;
    if (pool_is_full(pool))
        pool_unlink(pool);
    return block;
}

static inline void pool_free(void *p)
{
    pool_header *pool = POOL_ADDR(p);
    int was_full = pool_is_full(pool);
    *(uint8_t **)p = pool->freeblock;
    pool->freeblock = p;
    pool->ref--;
    pool_blocks--;
    if (was_full) {   /* has room again */
        pool_header *head = usedpools[pool->szidx];
        pool->prevpool = NULL;
        pool->nextpool = head;
        if (head)
            head->prevpool = pool;
        usedpools[pool->szidx] = pool;
    }
    if (pool->ref != 0)
        return;
    /* Empty: give the pool back to its arena, and the arena back to the system when
     * all of its pools are empty (keeping one around against thrashing). */
    pool_unlink(pool);
    struct arena_object *a = pool->arena;
    pool->nextpool = a->freepools;
    a->freepools = pool;
    if (a->nfreepools++ == 0)
        usable_push(a);
    if (a->nfreepools == POOLS_PER_ARENA && narenas_live > 1)
        free_arena(a);
}

static size_t block_size(void *p) { return INDEX2SIZE(POOL_ADDR(p)->szidx); }

static inline void *counted_raw(void *p)
{
    if (p != NULL)
        raw_object_blocks++;
    return p;
}

static inline void *obj_malloc(size_t size)
{
    if (size - 1 < SMALL_REQUEST_THRESHOLD) {   /* 1..512 (0 wraps around) */
        void *p = pool_alloc(size);
        if (p != NULL)
            return p;
    }
    return counted_raw(raw_malloc(size));
}

static inline void *obj_calloc(size_t nelem, size_t elsize)
{
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize)
        return NULL;
    size_t size = nelem * elsize;
    if (size - 1 < SMALL_REQUEST_THRESHOLD) {
        void *p = pool_alloc(size);
        if (p != NULL)
            return memset(p, 0, size);
    }
    return counted_raw(raw_calloc(nelem, elsize));
}

/* `counted`: a PyObject_Free, whose malloc'd blocks came from obj_malloc (PyMem_Free
 * also takes pool blocks, but its malloc'd ones were never counted). */
static inline void any_free(void *ptr, int counted)
{
    if (ptr == NULL)
        return;
    if (address_in_range(ptr)) {
        pool_free(ptr);
    } else {
        if (counted)
            raw_object_blocks--;
        free(ptr);
    }
}

static inline void obj_free(void *ptr) { any_free(ptr, 1); }

/* A pool block `ptr` resized; a block that must come from malloc is counted only for
 * PyObject_Realloc (`counted`). */
static inline void *pool_realloc(void *ptr, size_t size, int counted)
{
    size_t old = block_size(ptr);
    /* Shrinking by less than a quarter keeps the block, as CPython does. */
    if (size <= old && 4 * size > 3 * old)
        return ptr;
    void *bp;
    if (counted) {
        bp = obj_malloc(size);
    } else {
        bp = size - 1 < SMALL_REQUEST_THRESHOLD ? pool_alloc(size) : NULL;
        if (bp == NULL)
            bp = raw_malloc(size);
    }
    if (bp == NULL)
        return NULL;
    memcpy(bp, ptr, size < old ? size : old);
    pool_free(ptr);
    return bp;
}

static inline void *obj_realloc(void *ptr, size_t size)
{
    if (ptr == NULL)
        return obj_malloc(size);
    if (!address_in_range(ptr))
        return raw_realloc(ptr, size);
    return pool_realloc(ptr, size, 1);
}

/* PyMem_* is malloc, but accepts PyObject_* blocks too (some callers mix them). */
static inline void *mem_malloc(size_t size) { return raw_malloc(size); }
static inline void *mem_calloc(size_t nelem, size_t elsize) { return raw_calloc(nelem, elsize); }
static inline void *mem_realloc(void *ptr, size_t size)
{
    return ptr != NULL && address_in_range(ptr) ? pool_realloc(ptr, size, 0)
                                                : raw_realloc(ptr, size);
}
static inline void mem_free(void *ptr) { any_free(ptr, 0); }

Py_ssize_t _Py_GetAllocatedBlocks(void) { return pool_blocks + raw_object_blocks; }

#endif /* KRAIT_ASAN */

/* ------------------------------------------------------------------ public entry points */

/* tracemalloc's hooks (_tracemalloc.c), NULL while it is not tracing: one load and a
 * predicted branch per call otherwise. */
const _PyTraceMalloc_Hooks *_PyTraceMalloc_hooks = NULL;
int _PyTraceMalloc_active = 0;   /* the same as a flag, for free lists (NewReference) */

static inline void *traced_alloc(void *p, size_t size)
{
    const _PyTraceMalloc_Hooks *h = _PyTraceMalloc_hooks;
    if (h != NULL && p != NULL)
        h->alloc(p, size);
    return p;
}

static inline void traced_free(void *p)
{
    const _PyTraceMalloc_Hooks *h = _PyTraceMalloc_hooks;
    if (h != NULL && p != NULL)
        h->free(p);
}

/* realloc: the old block's trace goes first (a failed realloc leaves the block
 * untraced); the new or resized block is traced afresh with the current traceback. */
static inline void traced_realloc_begin(void *old)
{
    const _PyTraceMalloc_Hooks *h = _PyTraceMalloc_hooks;
    if (h != NULL && old != NULL)
        h->free(old);
}

void *PyMem_Malloc(size_t size) { return traced_alloc(mem_malloc(size), size); }
void *PyMem_Calloc(size_t nelem, size_t elsize)
{
    return traced_alloc(mem_calloc(nelem, elsize), nelem * elsize);
}
void *PyMem_Realloc(void *ptr, size_t size)
{
    traced_realloc_begin(ptr);
    return traced_alloc(mem_realloc(ptr, size), size);
}
void PyMem_Free(void *ptr) { traced_free(ptr); mem_free(ptr); }

void *PyObject_Malloc(size_t size) { return traced_alloc(obj_malloc(size), size); }
void *PyObject_Calloc(size_t nelem, size_t elsize)
{
    return traced_alloc(obj_calloc(nelem, elsize), nelem * elsize);
}
void *PyObject_Realloc(void *ptr, size_t size)
{
    traced_realloc_begin(ptr);
    return traced_alloc(obj_realloc(ptr, size), size);
}
void PyObject_Free(void *ptr) { traced_free(ptr); obj_free(ptr); }

/* String helpers CPython keeps next to the allocators. */
char *_PyMem_Strdup(const char *str)
{
    size_t n = strlen(str) + 1;
    char *copy = PyMem_Malloc(n);
    if (copy)
        memcpy(copy, str, n);
    return copy;
}
