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

#define OB_NOINLINE __attribute__((noinline))   /* the rare paths, out of the fast ones */

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

/* At the start of every pool.  As in CPython, `freeblock` is NULL only while the pool is
 * full: a pool is in usedpools[szidx] exactly while it has a free block, so the fast
 * paths test one pointer (allocation: was that the last free block?  free: was the pool
 * full?).  Blocks are carved lazily, one at a time, when the list runs dry. */
typedef struct pool_header {
    uint8_t *freeblock;           /* free blocks, linked through their first word */
    unsigned int ref;             /* blocks in use */
    unsigned int szidx;           /* size class */
    struct pool_header *nextpool, *prevpool;
    struct arena_object *arena;
    unsigned int nextoffset;      /* first never-used block */
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
    struct arena_object *all_next;      /* every live arena (sys.getallocatedblocks) */
};

/* Pools with room, per size class; arenas with a free pool; all arenas. */
static pool_header *usedpools[NB_SMALL_SIZE_CLASSES];
static struct arena_object *usable_arenas, *all_arenas;
static size_t narenas_allocated, narenas_live;

/* Blocks PyObject_Malloc & co. got from malloc (freed through PyObject_Free), for
 * sys.getallocatedblocks(); the pool blocks are counted when asked (the pools' refs), so
 * the fast paths keep no global counter. */
static Py_ssize_t raw_object_blocks;

/* Which 1 MiB chunks of the address space are our arenas: one bit per chunk of the
 * 48-bit user address space (32 MiB of zero-initialised address space, of which only
 * the pages covering our arenas are ever touched), so free() tells our blocks from
 * malloc's with one load and without reading memory that may not be ours. */
#define ADDRESS_BITS 48
static uint64_t arena_map[(size_t)1 << (ADDRESS_BITS - ARENA_BITS - 6)];

static inline int address_in_range(const void *p)
{
    uintptr_t chunk = (uintptr_t)p >> ARENA_BITS;
    if (Py_UNLIKELY(chunk >> (ADDRESS_BITS - ARENA_BITS)))
        return 0;
    return (arena_map[chunk >> 6] >> (chunk & 63)) & 1;
}

static int arena_map_set(uint8_t *address, int on)
{
    uintptr_t chunk = (uintptr_t)address >> ARENA_BITS;
    if (chunk >> (ADDRESS_BITS - ARENA_BITS))
        return -1;
    if (on)
        arena_map[chunk >> 6] |= (uint64_t)1 << (chunk & 63);
    else
        arena_map[chunk >> 6] &= ~((uint64_t)1 << (chunk & 63));
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
    a->all_next = all_arenas;
    all_arenas = a;
    narenas_allocated++;
    narenas_live++;
    usable_push(a);
    return a;
}

static void free_arena(struct arena_object *a)
{
    usable_unlink(a);
    for (struct arena_object **pp = &all_arenas; *pp != NULL; pp = &(*pp)->all_next) {
        if (*pp == a) {
            *pp = a->all_next;
            break;
        }
    }
    (void)arena_map_set(a->address, 0);
    munmap(a->address, ARENA_SIZE);
    narenas_live--;
    free(a);
}

/* A fresh pool for size class `idx`, with its first block carved, becoming the only
 * pool of usedpools[idx] (which was empty). */
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
    pool->arena = a;
    pool->freeblock = (uint8_t *)pool + POOL_OVERHEAD;
    *(uint8_t **)pool->freeblock = NULL;
    pool->nextoffset = (unsigned int)(POOL_OVERHEAD + size);
    pool->maxnextoffset = (unsigned int)(POOL_SIZE - size);
    pool->nextpool = pool->prevpool = NULL;
    usedpools[idx] = pool;
    return pool;
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

/* The free list of `pool` ran dry: carve its next block, or, when it is full, take it
 * out of usedpools (its freeblock stays NULL until a block comes back). */
static void pool_extend(pool_header *pool)
{
    if (pool->nextoffset <= pool->maxnextoffset) {
        uint8_t *bp = (uint8_t *)pool + pool->nextoffset;
        pool->nextoffset += INDEX2SIZE(pool->szidx);
        *(uint8_t **)bp = NULL;
        pool->freeblock = bp;
        return;
    }
    pool_unlink(pool);
}

static inline void *pool_pop(pool_header *pool)
{
    uint8_t *bp = pool->freeblock;
    pool->ref++;
    if (Py_UNLIKELY((pool->freeblock = *(uint8_t **)bp) == NULL))
        pool_extend(pool);
    return bp;
}

static OB_NOINLINE void *pool_alloc_new(unsigned int idx)
{
    pool_header *pool = new_pool(idx);
    return pool == NULL ? NULL : pool_pop(pool);
}

static inline void *pool_alloc(size_t nbytes)
{
    unsigned int idx = (unsigned int)((nbytes - 1) >> ALIGNMENT_SHIFT);
    pool_header *pool = usedpools[idx];
    if (Py_LIKELY(pool != NULL))
        return pool_pop(pool);
    return pool_alloc_new(idx);
}

/* The slow half of pool_free: `pool` was full (not in usedpools) or is now empty. */
static OB_NOINLINE void pool_free_slow(pool_header *pool, int was_full)
{
    if (pool->ref != 0) {   /* was full, has room again */
        pool_header *head = usedpools[pool->szidx];
        pool->prevpool = NULL;
        pool->nextpool = head;
        if (head)
            head->prevpool = pool;
        usedpools[pool->szidx] = pool;
        return;
    }
    /* Empty: give the pool back to its arena, and the arena back to the system when
     * all of its pools are empty (keeping one around against thrashing). */
    if (!was_full)
        pool_unlink(pool);
    struct arena_object *a = pool->arena;
    pool->nextpool = a->freepools;
    a->freepools = pool;
    if (a->nfreepools++ == 0)
        usable_push(a);
    if (a->nfreepools == POOLS_PER_ARENA && narenas_live > 1)
        free_arena(a);
}

static inline void pool_free(void *p)
{
    pool_header *pool = POOL_ADDR(p);
    uint8_t *last = pool->freeblock;
    *(uint8_t **)p = last;
    pool->freeblock = p;
    if (Py_LIKELY(last != NULL)) {
        if (Py_LIKELY(--pool->ref != 0))
            return;
        pool_free_slow(pool, 0);
        return;
    }
    pool->ref--;
    pool_free_slow(pool, 1);
}

static size_t block_size(void *p) { return INDEX2SIZE(POOL_ADDR(p)->szidx); }

static inline void *counted_raw(void *p)
{
    if (p != NULL)
        raw_object_blocks++;
    return p;
}

/* PyObject_Malloc/Free inline these (when tracemalloc is off); the rest is below. */
#define POOL_FAST_PATHS 1
static inline pool_header *pool_for_size(size_t size)
{
    return size - 1 < SMALL_REQUEST_THRESHOLD ? usedpools[(size - 1) >> ALIGNMENT_SHIFT] : NULL;
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

/* Live pool blocks (the refs of every pool ever carved: emptied ones hold 0) plus the
 * blocks taken from malloc. */
Py_ssize_t _Py_GetAllocatedBlocks(void)
{
    Py_ssize_t n = raw_object_blocks;
    for (struct arena_object *a = all_arenas; a != NULL; a = a->all_next)
        for (unsigned int i = 0; i < a->ncarved; i++)
            n += ((pool_header *)(a->address + (size_t)i * POOL_SIZE))->ref;
    return n;
}

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

/* The common cases (a pool with room; a pool block freed) without a call or a stack
 * frame; everything else goes through the out-of-line functions. */
static OB_NOINLINE void *object_malloc_slow(size_t size)
{
    return traced_alloc(obj_malloc(size), size);
}

static OB_NOINLINE void object_free_slow(void *ptr)
{
    traced_free(ptr);
    obj_free(ptr);
}

void *PyObject_Malloc(size_t size)
{
#ifdef POOL_FAST_PATHS
    pool_header *pool;
    if (Py_LIKELY(_PyTraceMalloc_hooks == NULL) && Py_LIKELY((pool = pool_for_size(size)) != NULL))
        return pool_pop(pool);
#endif
    return object_malloc_slow(size);
}
static OB_NOINLINE void *object_calloc_slow(size_t nelem, size_t elsize)
{
    return traced_alloc(obj_calloc(nelem, elsize), nelem * elsize);
}

void *PyObject_Calloc(size_t nelem, size_t elsize)
{
#ifdef POOL_FAST_PATHS
    /* a small block zeroed by word stores (its size class rounds up to 16 bytes, so
     * whole words fit): no libc memset call for a list's few item pointers */
    pool_header *pool;
    if (Py_LIKELY(_PyTraceMalloc_hooks == NULL) && nelem <= SMALL_REQUEST_THRESHOLD &&
        elsize <= SMALL_REQUEST_THRESHOLD &&
        Py_LIKELY((pool = pool_for_size(nelem * elsize)) != NULL)) {
        uintptr_t *w = pool_pop(pool), *p = w;
        for (size_t n = (nelem * elsize + 7) / 8; n > 0; n--) {
            *p++ = 0;
            __asm__("" : "+r"(p)); /* keeps the compiler from making it a memset call */
        }
        return w;
    }
#endif
    return object_calloc_slow(nelem, elsize);
}
void *PyObject_Realloc(void *ptr, size_t size)
{
    traced_realloc_begin(ptr);
    return traced_alloc(obj_realloc(ptr, size), size);
}
void PyObject_Free(void *ptr)
{
#ifdef POOL_FAST_PATHS
    /* NULL is never in range: no arena at address 0 */
    if (Py_LIKELY(_PyTraceMalloc_hooks == NULL) && Py_LIKELY(address_in_range(ptr))) {
        pool_free(ptr);
        return;
    }
#endif
    object_free_slow(ptr);
}

/* String helpers CPython keeps next to the allocators. */
char *_PyMem_Strdup(const char *str)
{
    size_t n = strlen(str) + 1;
    char *copy = PyMem_Malloc(n);
    if (copy)
        memcpy(copy, str, n);
    return copy;
}
