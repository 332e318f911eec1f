/* _sre.c — the `_sre` module: CPython 3.11's regular-expression engine interface, used
 * unchanged by the pure-Python re package (/usr/lib/python3.11/re).  Owner: sre.
 * Here: constants, character predicates, charset tests, match state, the Pattern,
 * Match and SRE_Scanner types and module functions.  The backtracking matcher itself
 * lives in _sre_engine.h (compiled once per string width).  Unicode tables are
 * objects-num's (_PyUnicode_IsX and _PyUnicode_ToX); template expansion is re._subx / re._expand. */
#include "Python.h"
#include <ctype.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define SRE_NOINLINE __attribute__((noinline))
#else
#define SRE_NOINLINE
#endif

#define SRE_MAGIC 20220615
typedef uint32_t SRE_CODE;
#define SRE_CODE_BITS (8 * sizeof(SRE_CODE))
#define SRE_MAXREPEAT ((SRE_CODE)-1)
#define SRE_MAXGROUPS ((SRE_CODE)INT32_MAX / 2)

/* Opcodes, in the order of 3.11's re/_constants.py. */
enum {
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT,
    SRE_OP_ASSERT_NOT, SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET,
    SRE_OP_BIGCHARSET, SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO,
    SRE_OP_JUMP, SRE_OP_LITERAL, SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL,
    SRE_OP_NOT_LITERAL, SRE_OP_NEGATE, SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE,
    SRE_OP_SUBPATTERN, SRE_OP_MIN_REPEAT_ONE, SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT,
    SRE_OP_POSSESSIVE_REPEAT_ONE, SRE_OP_GROUPREF_IGNORE, SRE_OP_IN_IGNORE,
    SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE, SRE_OP_GROUPREF_LOC_IGNORE,
    SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE, SRE_OP_NOT_LITERAL_LOC_IGNORE,
    SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE, SRE_OP_LITERAL_UNI_IGNORE,
    SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE
};
enum {
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING,
    SRE_AT_LOC_BOUNDARY, SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY,
    SRE_AT_UNI_NON_BOUNDARY
};
enum {
    SRE_CATEGORY_DIGIT, SRE_CATEGORY_NOT_DIGIT, SRE_CATEGORY_SPACE, SRE_CATEGORY_NOT_SPACE,
    SRE_CATEGORY_WORD, SRE_CATEGORY_NOT_WORD, SRE_CATEGORY_LINEBREAK,
    SRE_CATEGORY_NOT_LINEBREAK, SRE_CATEGORY_LOC_WORD, SRE_CATEGORY_LOC_NOT_WORD,
    SRE_CATEGORY_UNI_DIGIT, SRE_CATEGORY_UNI_NOT_DIGIT, SRE_CATEGORY_UNI_SPACE,
    SRE_CATEGORY_UNI_NOT_SPACE, SRE_CATEGORY_UNI_WORD, SRE_CATEGORY_UNI_NOT_WORD,
    SRE_CATEGORY_UNI_LINEBREAK, SRE_CATEGORY_UNI_NOT_LINEBREAK
};
#define SRE_FLAG_TEMPLATE 1
#define SRE_FLAG_IGNORECASE 2
#define SRE_FLAG_LOCALE 4
#define SRE_FLAG_MULTILINE 8
#define SRE_FLAG_DOTALL 16
#define SRE_FLAG_UNICODE 32
#define SRE_FLAG_VERBOSE 64
#define SRE_FLAG_DEBUG 128
#define SRE_FLAG_ASCII 256
#define SRE_INFO_PREFIX 1
#define SRE_INFO_LITERAL 2
#define SRE_INFO_CHARSET 4

/* Engine results besides 0 (no match) and 1 (match). */
#define SRE_ERROR_ILLEGAL -1
#define SRE_ERROR_STATE -2
#define SRE_ERROR_RECURSION_LIMIT -3
#define SRE_ERROR_MEMORY -9
#define SRE_ERROR_INTERRUPTED -10

/* ------------------------------------------------------------ character predicates */

#define SRE_IS_DIGIT(ch) ((ch) < 128 && (ch) >= '0' && (ch) <= '9')
#define SRE_IS_SPACE(ch) ((ch) == ' ' || ((ch) >= 9 && (ch) <= 13))
#define SRE_IS_LINEBREAK(ch) ((ch) == '\n')
#define SRE_IS_ASCII_ALPHA(ch) (((ch) >= 'a' && (ch) <= 'z') || ((ch) >= 'A' && (ch) <= 'Z'))
#define SRE_IS_WORD(ch) (SRE_IS_ASCII_ALPHA(ch) || SRE_IS_DIGIT(ch) || (ch) == '_')
#define SRE_LOC_IS_WORD(ch) sre_loc_is_word(ch)

static int sre_loc_is_word(unsigned int ch)
{
    return ch < 256 && (isalnum((int)ch) || ch == '_');
}
#define SRE_UNI_IS_WORD(ch) (Py_UNICODE_ISALNUM(ch) || (ch) == '_')

static unsigned int sre_lower_ascii(unsigned int ch)
{
    return (ch >= 'A' && ch <= 'Z') ? ch + ('a' - 'A') : ch;
}

static unsigned int sre_lower_locale(unsigned int ch)
{
    return ch < 256 ? (unsigned int)tolower((int)ch) : ch;
}

static unsigned int sre_upper_locale(unsigned int ch)
{
    return ch < 256 ? (unsigned int)toupper((int)ch) : ch;
}

static unsigned int sre_lower_unicode(unsigned int ch)
{
    return (unsigned int)_PyUnicode_ToLowercase(ch);
}

static unsigned int sre_upper_unicode(unsigned int ch)
{
    return (unsigned int)_PyUnicode_ToUppercase(ch);
}

/* LITERAL_LOC_IGNORE: the pattern char matches ch or its case variants in the locale. */
static int sre_char_loc_ignore(SRE_CODE pattern, SRE_CODE ch)
{
    return ch == pattern || sre_lower_locale(ch) == pattern || sre_upper_locale(ch) == pattern;
}

/* The Unicode categories of the 128 ASCII characters, filled from the _PyUnicode_Is*
 * predicates themselves when the module is created (so they agree by construction):
 * most subjects are ASCII and this saves up to four table walks per character. */
enum { SRE_A_DIGIT = 1, SRE_A_WORD = 2, SRE_A_SPACE = 4, SRE_A_LINEBREAK = 8 };
static unsigned char sre_ascii_uni[128];

static void sre_init_ascii_uni(void)
{
    unsigned int ch;
    for (ch = 0; ch < 128; ch++)
        sre_ascii_uni[ch] = (unsigned char)(
            (Py_UNICODE_ISDECIMAL(ch) ? SRE_A_DIGIT : 0) |
            (Py_UNICODE_ISALNUM(ch) || ch == '_' ? SRE_A_WORD : 0) |
            (Py_UNICODE_ISSPACE(ch) ? SRE_A_SPACE : 0) |
            (Py_UNICODE_ISLINEBREAK(ch) ? SRE_A_LINEBREAK : 0));
}

/* UNI_* category test for a non-ASCII character (table walks, kept out of line). */
static SRE_NOINLINE int sre_uni_class_slow(int cls, unsigned int ch)
{
    switch (cls) {
    case 0: return Py_UNICODE_ISDECIMAL(ch);
    case 1: return Py_UNICODE_ISSPACE(ch);
    case 2: return SRE_UNI_IS_WORD(ch);
    default: return Py_UNICODE_ISLINEBREAK(ch);
    }
}

/* One of the UNI_* categories (even codes are the class, odd ones its negation). */
static inline int sre_uni_category(SRE_CODE category, unsigned int ch)
{
    static const unsigned char bit[] = {SRE_A_DIGIT, SRE_A_SPACE, SRE_A_WORD,
                                        SRE_A_LINEBREAK};
    int cls = (int)((category - SRE_CATEGORY_UNI_DIGIT) >> 1);
    int in = ch < 128 ? (sre_ascii_uni[ch] & bit[cls]) != 0 : sre_uni_class_slow(cls, ch);
    return ((category - SRE_CATEGORY_UNI_DIGIT) & 1) ? !in : in;
}

static int sre_category_other(SRE_CODE category, unsigned int ch);

static inline int sre_category(SRE_CODE category, unsigned int ch)
{
    if (category >= SRE_CATEGORY_UNI_DIGIT && category <= SRE_CATEGORY_UNI_NOT_LINEBREAK)
        return sre_uni_category(category, ch);
    return sre_category_other(category, ch);
}

/* The ASCII and locale categories. */
static int sre_category_other(SRE_CODE category, unsigned int ch)
{
    switch (category) {
    case SRE_CATEGORY_DIGIT: return SRE_IS_DIGIT(ch);
    case SRE_CATEGORY_NOT_DIGIT: return !SRE_IS_DIGIT(ch);
    case SRE_CATEGORY_SPACE: return SRE_IS_SPACE(ch);
    case SRE_CATEGORY_NOT_SPACE: return !SRE_IS_SPACE(ch);
    case SRE_CATEGORY_WORD: return SRE_IS_WORD(ch);
    case SRE_CATEGORY_NOT_WORD: return !SRE_IS_WORD(ch);
    case SRE_CATEGORY_LINEBREAK: return SRE_IS_LINEBREAK(ch);
    case SRE_CATEGORY_NOT_LINEBREAK: return !SRE_IS_LINEBREAK(ch);
    case SRE_CATEGORY_LOC_WORD: return SRE_LOC_IS_WORD(ch);
    case SRE_CATEGORY_LOC_NOT_WORD: return !SRE_LOC_IS_WORD(ch);
    case SRE_CATEGORY_UNI_DIGIT: return Py_UNICODE_ISDECIMAL(ch);
    case SRE_CATEGORY_UNI_NOT_DIGIT: return !Py_UNICODE_ISDECIMAL(ch);
    case SRE_CATEGORY_UNI_SPACE: return Py_UNICODE_ISSPACE(ch);
    case SRE_CATEGORY_UNI_NOT_SPACE: return !Py_UNICODE_ISSPACE(ch);
    case SRE_CATEGORY_UNI_WORD: return SRE_UNI_IS_WORD(ch);
    case SRE_CATEGORY_UNI_NOT_WORD: return !SRE_UNI_IS_WORD(ch);
    case SRE_CATEGORY_UNI_LINEBREAK: return Py_UNICODE_ISLINEBREAK(ch);
    case SRE_CATEGORY_UNI_NOT_LINEBREAK: return !Py_UNICODE_ISLINEBREAK(ch);
    }
    return 0;
}

/* ---------------------------------------------------------------- match state */

typedef struct SRE_REPEAT {
    Py_ssize_t count;
    const SRE_CODE *pattern;    /* points at the REPEAT's <skip> word */
    const void *last_ptr;       /* position of the last iteration (empty-loop guard) */
    struct SRE_REPEAT *prev;    /* enclosing repeat */
    struct SRE_REPEAT *next_free;
} SRE_REPEAT;

/* One pending sub-match: what a recursive matcher would keep in its C frame. */
#define SRE_NO_MARKS ((size_t)-1)
typedef struct {
    const SRE_CODE *pattern;
    const void *ptr;
    Py_ssize_t count;
    Py_ssize_t lastmark, lastindex;
    size_t mbase;               /* mark-stack height when this frame pushed marks */
    Py_ssize_t mcount;          /* how many marks it pushed */
    SRE_REPEAT *rep;
    const void *saved;
    SRE_CODE chr;
    int jump;                   /* where the parent resumes when this frame returns */
    int toplevel;
} SRE_FRAME;

enum {
    JUMP_NONE, JUMP_BRANCH, JUMP_REPEAT_ONE_1, JUMP_REPEAT_ONE_2, JUMP_MIN_REPEAT_ONE,
    JUMP_REPEAT, JUMP_MAX_UNTIL_1, JUMP_MAX_UNTIL_2, JUMP_MAX_UNTIL_3, JUMP_MIN_UNTIL_1,
    JUMP_MIN_UNTIL_2, JUMP_MIN_UNTIL_3, JUMP_POSS_REPEAT_1, JUMP_POSS_REPEAT_2,
    JUMP_ATOMIC_GROUP, JUMP_ASSERT, JUMP_ASSERT_NOT
};

typedef struct {
    const void *ptr;            /* current position (end of the match on success) */
    const void *beginning;      /* the string's first character */
    const void *start;          /* where the current match attempt starts */
    const void *end;            /* endpos */
    PyObject *string;
    Py_buffer buffer;           /* held for bytes-like subjects */
    Py_ssize_t pos, endpos;
    int isbytes, charsize;
    int match_all, must_advance;
    Py_ssize_t lastindex, lastmark;
    const void **mark;
    Py_ssize_t nmarks;
    SRE_FRAME *frames;
    size_t nframes, frames_cap;
    const void **mstack;
    size_t mstack_n, mstack_cap;
    SRE_REPEAT *repeat;
    SRE_REPEAT *free_repeats;
    SRE_REPEAT **all_repeats;
    size_t nall_repeats, all_repeats_cap;
    unsigned int sigcount;
} SRE_STATE;

static int sre_grow_frames(SRE_STATE *state)
{
    size_t cap = state->frames_cap ? state->frames_cap * 2 : 64;
    SRE_FRAME *f = PyMem_Realloc(state->frames, cap * sizeof(SRE_FRAME));
    if (f == NULL)
        return -1;
    state->frames = f;
    state->frames_cap = cap;
    return 0;
}

static inline int sre_push_frame(SRE_STATE *state)
{
    if (Py_UNLIKELY(state->nframes == state->frames_cap) && sre_grow_frames(state) < 0)
        return -1;
    state->frames[state->nframes].mbase = SRE_NO_MARKS;
    state->frames[state->nframes].rep = NULL;
    state->nframes++;
    return 0;
}

/* Save marks[0..lastmark] so a failed alternative can put them back. */
static int sre_mark_push(SRE_STATE *state, SRE_FRAME *ctx)
{
    Py_ssize_t n = ctx->lastmark + 1;
    if (n < 0)
        n = 0;
    if (state->mstack_n + (size_t)n > state->mstack_cap) {
        size_t cap = state->mstack_cap ? state->mstack_cap * 2 : 64;
        while (cap < state->mstack_n + (size_t)n)
            cap *= 2;
        const void **s = PyMem_Realloc(state->mstack, cap * sizeof(void *));
        if (s == NULL)
            return -1;
        state->mstack = s;
        state->mstack_cap = cap;
    }
    ctx->mbase = state->mstack_n;
    ctx->mcount = n;
    if (n)
        memcpy(state->mstack + state->mstack_n, state->mark, n * sizeof(void *));
    state->mstack_n += n;
    return 0;
}

static void sre_mark_restore(SRE_STATE *state, SRE_FRAME *ctx, int pop)
{
    if (ctx->mbase == SRE_NO_MARKS)
        return;
    if (ctx->mcount)
        memcpy(state->mark, state->mstack + ctx->mbase, ctx->mcount * sizeof(void *));
    if (pop) {
        state->mstack_n = ctx->mbase;
        ctx->mbase = SRE_NO_MARKS;
    }
}

static void sre_mark_discard(SRE_STATE *state, SRE_FRAME *ctx)
{
    if (ctx->mbase == SRE_NO_MARKS)
        return;
    if (state->mstack_n > ctx->mbase)
        state->mstack_n = ctx->mbase;
    ctx->mbase = SRE_NO_MARKS;
}

/* Repeat contexts are pooled in the state and all freed with it (so an error that
 * abandons a match mid-way leaks nothing). */
static SRE_REPEAT *sre_repeat_new(SRE_STATE *state)
{
    SRE_REPEAT *rep = state->free_repeats;
    if (rep != NULL) {
        state->free_repeats = rep->next_free;
        return rep;
    }
    if (state->nall_repeats == state->all_repeats_cap) {
        size_t cap = state->all_repeats_cap ? state->all_repeats_cap * 2 : 16;
        SRE_REPEAT **a = PyMem_Realloc(state->all_repeats, cap * sizeof(SRE_REPEAT *));
        if (a == NULL)
            return NULL;
        state->all_repeats = a;
        state->all_repeats_cap = cap;
    }
    rep = PyMem_Malloc(sizeof(SRE_REPEAT));
    if (rep == NULL)
        return NULL;
    state->all_repeats[state->nall_repeats++] = rep;
    return rep;
}

static void sre_repeat_free(SRE_STATE *state, SRE_REPEAT *rep)
{
    rep->next_free = state->free_repeats;
    state->free_repeats = rep;
}

/* ------------------------------------------------------------------- charsets */

/* The set items that need a case mapping or a block table: *hit tells whether ch is in
 * the item at set (just past its opcode op); returns the next item, or NULL for an
 * invalid code (rejected by compile's validation). */
static SRE_NOINLINE const SRE_CODE *sre_charset_rare(SRE_CODE op, const SRE_CODE *set,
                                                     SRE_CODE ch, int *hit)
{
    if (op == SRE_OP_RANGE_UNI_IGNORE) {
        /* <RANGE_UNI_IGNORE> <lower> <upper>: ch is already lower-cased */
        SRE_CODE uch = sre_upper_unicode(ch);
        *hit = (set[0] <= ch && ch <= set[1]) || (set[0] <= uch && uch <= set[1]);
        return set + 2;
    }
    if (op == SRE_OP_BIGCHARSET) {
        /* <BIGCHARSET> <blockcount> <256 block indices> <blocks> */
        Py_ssize_t count = *set++, block;
        block = ch < 65536 ? ((const unsigned char *)set)[ch >> 8] : -1;
        set += 256 / sizeof(SRE_CODE);
        *hit = block >= 0 && (set[(block * 256 + (ch & 255)) / SRE_CODE_BITS] &
                              (1u << (ch & (SRE_CODE_BITS - 1))));
        return set + count * (256 / SRE_CODE_BITS);
    }
    *hit = 0;
    return NULL;
}

/* Is ch in the set at `set` (a list of set items ending with FAILURE)?  Small and
 * call-free for the common items, so the scanning loops can inline it. */
static inline int sre_charset(SRE_STATE *state, const SRE_CODE *set, SRE_CODE ch)
{
    int ok = 1, hit;
    for (;;) {
        SRE_CODE op = *set++;
        switch (op) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            /* <LITERAL> <code> */
            if (ch == set[0])
                return ok;
            set++;
            break;
        case SRE_OP_CATEGORY:
            /* <CATEGORY> <code> */
            if (sre_category(set[0], ch))
                return ok;
            set++;
            break;
        case SRE_OP_CHARSET:
            /* <CHARSET> <bitmap> (256 bits) */
            if (ch < 256 && (set[ch / SRE_CODE_BITS] & (1u << (ch & (SRE_CODE_BITS - 1)))))
                return ok;
            set += 256 / SRE_CODE_BITS;
            break;
        case SRE_OP_RANGE:
            /* <RANGE> <lower> <upper> */
            if (set[0] <= ch && ch <= set[1])
                return ok;
            set += 2;
            break;
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        default:
            set = sre_charset_rare(op, set, ch, &hit);
            if (set == NULL)
                return 0;
            if (hit)
                return ok;
            break;
        }
    }
}

static int sre_charset_loc_ignore(SRE_STATE *state, const SRE_CODE *set, SRE_CODE ch)
{
    SRE_CODE lo = sre_lower_locale(ch), up;
    if (sre_charset(state, set, lo))
        return 1;
    up = sre_upper_locale(ch);
    return up != lo && sre_charset(state, set, up);
}

/* A one-character op or AT at p that any match starting here must pass first (MARKs,
 * which cannot fail, are looked through; a REPEAT_ONE with min >= 1 gives its item), or
 * NULL. */
static const SRE_CODE *sre_first_test(const SRE_CODE *p)
{
    while (p[0] == SRE_OP_MARK)
        p += 2;
    switch (p[0]) {
    case SRE_OP_AT:
    case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL:
    case SRE_OP_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_IGNORE:
    case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:
    case SRE_OP_CATEGORY: case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE:
        return p;
    case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE:
        /* <op> <skip> <min> <max> item */
        return p[2] >= 1 ? sre_first_test(p + 4) : NULL;
    }
    return NULL;
}

/* Up to two first tests for the search loop: an AT and the test after it, or one test
 * (tests[0] == NULL: none).  Locale-dependent ops are left out (the locale may change
 * between compiling and matching, but not during a search, so only for simplicity). */
static void sre_first_tests(const SRE_CODE *pattern, const SRE_CODE *tests[2])
{
    tests[0] = sre_first_test(pattern);
    tests[1] = NULL;
    if (tests[0] != NULL && tests[0][0] == SRE_OP_AT) {
        tests[1] = sre_first_test(tests[0] + 2);
        if (tests[1] != NULL && tests[1][0] == SRE_OP_AT)
            tests[1] = NULL;
    }
}

/* The LITERAL that a REPEAT_ONE tail at `tail` starts with after MARK ops, or NULL.  A
 * failed attempt at the tail changes only marks above the saved lastmark (reset by
 * LASTMARK_RESTORE, so never seen) or, inside a repeat, marks that MARK_POP_KEEP puts
 * back; so skipping attempts where the literal cannot match changes nothing visible. */
static const SRE_CODE *sre_tail_literal(SRE_STATE *state, const SRE_CODE *tail)
{
    while (tail[0] == SRE_OP_MARK) {
        if (state->repeat == NULL && (Py_ssize_t)tail[1] <= state->lastmark)
            return NULL;
        tail += 2;
    }
    return tail[0] == SRE_OP_LITERAL ? tail : NULL;
}

/* Does the one-character item at pattern match ch?  (REPEAT_ONE bodies.) */
static int sre_match_one(SRE_STATE *state, const SRE_CODE *pattern, SRE_CODE ch)
{
    switch (pattern[0]) {
    case SRE_OP_ANY: return !SRE_IS_LINEBREAK(ch);
    case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_LITERAL: return ch == pattern[1];
    case SRE_OP_NOT_LITERAL: return ch != pattern[1];
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(ch) == pattern[1];
    case SRE_OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(ch) != pattern[1];
    case SRE_OP_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) == pattern[1];
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) != pattern[1];
    case SRE_OP_LITERAL_LOC_IGNORE: return sre_char_loc_ignore(pattern[1], ch);
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: return !sre_char_loc_ignore(pattern[1], ch);
    case SRE_OP_CATEGORY: return sre_category(pattern[1], ch);
    case SRE_OP_IN: return sre_charset(state, pattern + 2, ch);
    case SRE_OP_IN_IGNORE: return sre_charset(state, pattern + 2, sre_lower_ascii(ch));
    case SRE_OP_IN_UNI_IGNORE: return sre_charset(state, pattern + 2, sre_lower_unicode(ch));
    case SRE_OP_IN_LOC_IGNORE: return sre_charset_loc_ignore(state, pattern + 2, ch);
    }
    return 0;
}

/* Back-reference character comparison for GROUPREF and its IGNORE variants. */
static int sre_chars_equal(SRE_CODE op, SRE_CODE a, SRE_CODE b)
{
    switch (op) {
    case SRE_OP_GROUPREF_IGNORE: return sre_lower_ascii(a) == sre_lower_ascii(b);
    case SRE_OP_GROUPREF_UNI_IGNORE: return sre_lower_unicode(a) == sre_lower_unicode(b);
    case SRE_OP_GROUPREF_LOC_IGNORE: return sre_lower_locale(a) == sre_lower_locale(b);
    }
    return a == b;
}

/* ------------------------------------------------------ the engine, three widths */

#define SRE_CHAR Py_UCS1
#define SRE(F) sre_ucs1_##F
#include "_sre_engine.h"
#undef SRE_CHAR
#undef SRE

#define SRE_CHAR Py_UCS2
#define SRE(F) sre_ucs2_##F
#include "_sre_engine.h"
#undef SRE_CHAR
#undef SRE

#define SRE_CHAR Py_UCS4
#define SRE(F) sre_ucs4_##F
#include "_sre_engine.h"
#undef SRE_CHAR
#undef SRE

static Py_ssize_t sre_match(SRE_STATE *state, const SRE_CODE *pattern, int match_all)
{
    state->ptr = state->start;
    state->match_all = match_all;
    if (state->charsize == 1)
        return sre_ucs1_match(state, pattern, 1);
    if (state->charsize == 2)
        return sre_ucs2_match(state, pattern, 1);
    return sre_ucs4_match(state, pattern, 1);
}

static Py_ssize_t sre_search(SRE_STATE *state, const SRE_CODE *pattern)
{
    state->ptr = state->start;
    state->match_all = 0;
    if (state->charsize == 1)
        return sre_ucs1_search(state, pattern);
    if (state->charsize == 2)
        return sre_ucs2_search(state, pattern);
    return sre_ucs4_search(state, pattern);
}

/* ------------------------------------------------------------- Pattern object */

typedef struct {
    PyObject_VAR_HEAD
    Py_ssize_t groups;          /* number of capturing groups */
    PyObject *groupindex;       /* name -> index dict, or NULL when no named groups */
    PyObject *indexgroup;       /* index -> name tuple, or NULL */
    PyObject *pattern;          /* the source pattern (str, bytes or None) */
    int flags;
    PyObject *weakreflist;
    int isbytes;                /* -1 if pattern is None */
    Py_ssize_t codesize;
    SRE_CODE code[1];
} PatternObject;

typedef struct {
    PyObject_VAR_HEAD
    PyObject *string;           /* the subject (None if unavailable) */
    PyObject *regs;             /* cached `regs` tuple */
    PatternObject *pattern;
    Py_ssize_t pos, endpos;
    Py_ssize_t lastindex;
    Py_ssize_t groups;          /* pattern groups + 1 */
    Py_ssize_t mark[1];         /* 2 * groups offsets, -1 for unmatched */
} MatchObject;

typedef struct {
    PyObject_HEAD
    PyObject *pattern;
    SRE_STATE state;
    int executing;
} ScannerObject;

static PyTypeObject Pattern_Type, Match_Type, Scanner_Type;

static void pattern_error(Py_ssize_t status)
{
    switch (status) {
    case SRE_ERROR_RECURSION_LIMIT:
        PyErr_SetString(PyExc_RecursionError, "maximum recursion limit exceeded");
        break;
    case SRE_ERROR_MEMORY:
        PyErr_NoMemory();
        break;
    case SRE_ERROR_INTERRUPTED:
        break;  /* the signal handler's exception is already set */
    default:
        PyErr_SetString(PyExc_RuntimeError, "internal error in regular expression engine");
    }
}

/* Get the character data of a subject: str (any kind) or a bytes-like object. */
static const void *getstring(PyObject *string, Py_ssize_t *p_length, int *p_isbytes,
                             int *p_charsize, Py_buffer *view)
{
    if (PyUnicode_Check(string)) {
        *p_length = PyUnicode_GET_LENGTH(string);
        *p_charsize = PyUnicode_KIND(string);
        *p_isbytes = 0;
        return PyUnicode_DATA(string);
    }
    if (PyObject_GetBuffer(string, view, PyBUF_SIMPLE) != 0) {
        PyErr_Format(PyExc_TypeError, "expected string or bytes-like object, got '%.200s'",
                     Py_TYPE(string)->tp_name);
        return NULL;
    }
    *p_length = view->len;
    *p_charsize = 1;
    *p_isbytes = 1;
    return view->buf;
}

static void state_fini(SRE_STATE *state)
{
    if (state->buffer.buf)
        PyBuffer_Release(&state->buffer);
    Py_CLEAR(state->string);
    PyMem_Free(state->mark);
    PyMem_Free(state->frames);
    PyMem_Free(state->mstack);
    for (size_t i = 0; i < state->nall_repeats; i++)
        PyMem_Free(state->all_repeats[i]);
    PyMem_Free(state->all_repeats);
    memset(state, 0, sizeof(*state));
}

static void state_reset(SRE_STATE *state)
{
    state->lastmark = -1;
    state->lastindex = -1;
    state->repeat = NULL;
    state->nframes = 0;
    state->mstack_n = 0;
    /* Every repeat is idle again. */
    state->free_repeats = NULL;
    for (size_t i = 0; i < state->nall_repeats; i++)
        sre_repeat_free(state, state->all_repeats[i]);
}

static int state_init(SRE_STATE *state, PatternObject *pattern, PyObject *string,
                      Py_ssize_t start, Py_ssize_t end)
{
    Py_ssize_t length;
    int isbytes, charsize;
    const char *ptr;

    memset(state, 0, sizeof(*state));
    state->nmarks = 2 * pattern->groups;
    state->mark = PyMem_Calloc(state->nmarks ? state->nmarks : 1, sizeof(void *));
    if (state->mark == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    state->lastmark = -1;
    state->lastindex = -1;
    ptr = getstring(string, &length, &isbytes, &charsize, &state->buffer);
    if (ptr == NULL)
        goto err;
    if (isbytes && pattern->isbytes == 0) {
        PyErr_SetString(PyExc_TypeError, "cannot use a string pattern on a bytes-like object");
        goto err;
    }
    if (!isbytes && pattern->isbytes > 0) {
        PyErr_SetString(PyExc_TypeError, "cannot use a bytes pattern on a string-like object");
        goto err;
    }
    /* Clamp pos/endpos to the string. */
    if (start < 0)
        start = 0;
    else if (start > length)
        start = length;
    if (end < 0)
        end = 0;
    else if (end > length)
        end = length;
    state->isbytes = isbytes;
    state->charsize = charsize;
    state->beginning = ptr;
    state->start = ptr + start * charsize;
    state->end = ptr + end * charsize;
    state->string = Py_NewRef(string);
    state->pos = start;
    state->endpos = end;
    return 0;
err:
    state_fini(state);
    return -1;
}

#define STATE_OFFSET(state, p) \
    (((const char *)(p) - (const char *)(state)->beginning) / (state)->charsize)

/* string[start:end] as a str or bytes (bytes-like subjects give bytes). */
static PyObject *getslice(int isbytes, const void *ptr, PyObject *string,
                          Py_ssize_t start, Py_ssize_t end)
{
    if (isbytes) {
        if (PyBytes_CheckExact(string) && start == 0 && end == PyBytes_GET_SIZE(string))
            return Py_NewRef(string);
        return PyBytes_FromStringAndSize((const char *)ptr + start, end - start);
    }
    return PyUnicode_Substring(string, start, end);
}

/* Group `index` (1-based) of the current state, None (or "" when empty) if unset. */
static PyObject *state_getslice(SRE_STATE *state, Py_ssize_t index, PyObject *string, int empty)
{
    Py_ssize_t i, j;
    index = (index - 1) * 2;
    if (string == Py_None || index >= state->lastmark ||
        !state->mark[index] || !state->mark[index + 1]) {
        if (empty)
            return getslice(state->isbytes, state->beginning, string, 0, 0);
        Py_RETURN_NONE;
    }
    i = STATE_OFFSET(state, state->mark[index]);
    j = STATE_OFFSET(state, state->mark[index + 1]);
    if (i > j) {
        PyErr_SetString(PyExc_SystemError, "The span of capturing group is wrong, "
                        "please report a bug for the re module.");
        return NULL;
    }
    return getslice(state->isbytes, state->beginning, string, i, j);
}

static PyObject *pattern_new_match(PatternObject *pattern, SRE_STATE *state, Py_ssize_t status)
{
    MatchObject *match;
    Py_ssize_t i, j;
    const char *base;

    if (status <= 0) {
        if (status == 0)
            Py_RETURN_NONE;
        pattern_error(status);
        return NULL;
    }
    match = PyObject_GC_NewVar(MatchObject, &Match_Type, 2 * (pattern->groups + 1));
    if (match == NULL)
        return NULL;
    match->pattern = (PatternObject *)Py_NewRef(pattern);
    match->string = Py_NewRef(state->string);
    match->regs = NULL;
    match->groups = pattern->groups + 1;
    base = state->beginning;
    match->mark[0] = STATE_OFFSET(state, state->start);
    match->mark[1] = STATE_OFFSET(state, state->ptr);
    for (i = j = 0; i < pattern->groups; i++, j += 2) {
        if (j + 1 <= state->lastmark && state->mark[j] && state->mark[j + 1]) {
            match->mark[j + 2] = ((const char *)state->mark[j] - base) / state->charsize;
            match->mark[j + 3] = ((const char *)state->mark[j + 1] - base) / state->charsize;
            if (match->mark[j + 2] > match->mark[j + 3]) {
                PyErr_SetString(PyExc_SystemError, "The span of capturing group is wrong, "
                                "please report a bug for the re module.");
                Py_DECREF(match);
                return NULL;
            }
        } else {
            match->mark[j + 2] = match->mark[j + 3] = -1;
        }
    }
    match->pos = state->pos;
    match->endpos = state->endpos;
    match->lastindex = state->lastindex;
    PyObject_GC_Track(match);
    return (PyObject *)match;
}

static void pattern_dealloc(PatternObject *self)
{
    PyObject_GC_UnTrack(self);
    if (self->weakreflist != NULL)
        PyObject_ClearWeakRefs((PyObject *)self);
    Py_XDECREF(self->pattern);
    Py_XDECREF(self->groupindex);
    Py_XDECREF(self->indexgroup);
    PyObject_GC_Del(self);
}

static int pattern_traverse(PatternObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->groupindex);
    Py_VISIT(self->indexgroup);
    Py_VISIT(self->pattern);
    return 0;
}

static int pattern_clear(PatternObject *self)
{
    Py_CLEAR(self->groupindex);
    Py_CLEAR(self->indexgroup);
    Py_CLEAR(self->pattern);
    return 0;
}

/* match/fullmatch/search share their argument parsing. */
static PyObject *pattern_run(PatternObject *self, PyObject *args, PyObject *kw,
                             const char *fmt, int mode)
{
    static char *kwlist[] = {"string", "pos", "endpos", NULL};
    PyObject *string;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX, status;
    SRE_STATE state;
    PyObject *match;

    if (!PyArg_ParseTupleAndKeywords(args, kw, fmt, kwlist, &string, &pos, &endpos))
        return NULL;
    if (state_init(&state, self, string, pos, endpos) < 0)
        return NULL;
    if (mode == 2)
        status = sre_search(&state, self->code);
    else
        status = sre_match(&state, self->code, mode);
    match = pattern_new_match(self, &state, status);
    state_fini(&state);
    return match;
}

static PyObject *pattern_match(PatternObject *self, PyObject *args, PyObject *kw)
{
    return pattern_run(self, args, kw, "O|nn:match", 0);
}

static PyObject *pattern_fullmatch(PatternObject *self, PyObject *args, PyObject *kw)
{
    return pattern_run(self, args, kw, "O|nn:fullmatch", 1);
}

static PyObject *pattern_search(PatternObject *self, PyObject *args, PyObject *kw)
{
    return pattern_run(self, args, kw, "O|nn:search", 2);
}

/* Call module.function(*args) (re._subx, re._expand). */
static PyObject *call(const char *module, const char *function, PyObject *args)
{
    PyObject *mod, *func, *result;
    if (args == NULL)
        return NULL;
    mod = PyImport_ImportModule(module);
    if (mod == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    func = PyObject_GetAttrString(mod, function);
    Py_DECREF(mod);
    if (func == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    result = PyObject_Call(func, args, NULL);
    Py_DECREF(func);
    Py_DECREF(args);
    return result;
}

static PyObject *pattern_findall(PatternObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"string", "pos", "endpos", NULL};
    PyObject *string, *list, *item;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX, status, i;
    SRE_STATE state;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|nn:findall", kwlist, &string, &pos, &endpos))
        return NULL;
    if (state_init(&state, self, string, pos, endpos) < 0)
        return NULL;
    list = PyList_New(0);
    if (list == NULL)
        goto error;
    while (state.start <= state.end) {
        state_reset(&state);
        status = sre_search(&state, self->code);
        if (status <= 0) {
            if (status == 0)
                break;
            pattern_error(status);
            goto error;
        }
        /* No match object: just the group(s) or the whole match. */
        if (self->groups == 0) {
            item = getslice(state.isbytes, state.beginning, string,
                            STATE_OFFSET(&state, state.start), STATE_OFFSET(&state, state.ptr));
        } else if (self->groups == 1) {
            item = state_getslice(&state, 1, string, 1);
        } else {
            item = PyTuple_New(self->groups);
            if (item == NULL)
                goto error;
            for (i = 0; i < self->groups; i++) {
                PyObject *o = state_getslice(&state, i + 1, string, 1);
                if (o == NULL) {
                    Py_DECREF(item);
                    goto error;
                }
                PyTuple_SET_ITEM(item, i, o);
            }
        }
        if (item == NULL)
            goto error;
        status = PyList_Append(list, item);
        Py_DECREF(item);
        if (status < 0)
            goto error;
        state.must_advance = (state.ptr == state.start);
        state.start = state.ptr;
    }
    state_fini(&state);
    return list;
error:
    Py_XDECREF(list);
    state_fini(&state);
    return NULL;
}

static PyObject *pattern_scanner_new(PatternObject *self, PyObject *string,
                                     Py_ssize_t pos, Py_ssize_t endpos)
{
    ScannerObject *scanner = PyObject_GC_New(ScannerObject, &Scanner_Type);
    if (scanner == NULL)
        return NULL;
    scanner->pattern = NULL;
    scanner->executing = 0;
    memset(&scanner->state, 0, sizeof(scanner->state));
    if (state_init(&scanner->state, self, string, pos, endpos) < 0) {
        Py_DECREF(scanner);
        return NULL;
    }
    scanner->pattern = Py_NewRef(self);
    PyObject_GC_Track(scanner);
    return (PyObject *)scanner;
}

static PyObject *pattern_scanner(PatternObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"string", "pos", "endpos", NULL};
    PyObject *string;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|nn:scanner", kwlist, &string, &pos, &endpos))
        return NULL;
    return pattern_scanner_new(self, string, pos, endpos);
}

static PyObject *pattern_finditer(PatternObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"string", "pos", "endpos", NULL};
    PyObject *string, *scanner, *search, *iterator;
    Py_ssize_t pos = 0, endpos = PY_SSIZE_T_MAX;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|nn:finditer", kwlist, &string, &pos, &endpos))
        return NULL;
    scanner = pattern_scanner_new(self, string, pos, endpos);
    if (scanner == NULL)
        return NULL;
    search = PyObject_GetAttrString(scanner, "search");
    Py_DECREF(scanner);
    if (search == NULL)
        return NULL;
    iterator = PyCallIter_New(search, Py_None);
    Py_DECREF(search);
    return iterator;
}

static PyObject *pattern_split(PatternObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"string", "maxsplit", NULL};
    PyObject *string, *list, *item;
    Py_ssize_t maxsplit = 0, n = 0, i, status;
    const void *last;
    SRE_STATE state;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|n:split", kwlist, &string, &maxsplit))
        return NULL;
    if (state_init(&state, self, string, 0, PY_SSIZE_T_MAX) < 0)
        return NULL;
    list = PyList_New(0);
    if (list == NULL)
        goto error;
    last = state.start;
    while (!maxsplit || n < maxsplit) {
        state_reset(&state);
        status = sre_search(&state, self->code);
        if (status <= 0) {
            if (status == 0)
                break;
            pattern_error(status);
            goto error;
        }
        /* The piece before this match, then the groups. */
        item = getslice(state.isbytes, state.beginning, string,
                        STATE_OFFSET(&state, last), STATE_OFFSET(&state, state.start));
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            goto error;
        }
        Py_DECREF(item);
        for (i = 0; i < self->groups; i++) {
            item = state_getslice(&state, i + 1, string, 0);
            if (item == NULL || PyList_Append(list, item) < 0) {
                Py_XDECREF(item);
                goto error;
            }
            Py_DECREF(item);
        }
        n++;
        state.must_advance = (state.ptr == state.start);
        last = state.start = state.ptr;
    }
    /* The rest of the string (possibly empty). */
    item = getslice(state.isbytes, state.beginning, string,
                    STATE_OFFSET(&state, last), state.endpos);
    if (item == NULL || PyList_Append(list, item) < 0) {
        Py_XDECREF(item);
        goto error;
    }
    Py_DECREF(item);
    state_fini(&state);
    return list;
error:
    Py_XDECREF(list);
    state_fini(&state);
    return NULL;
}

static PyObject *join_list(PyObject *list, SRE_STATE *state, PyObject *string)
{
    PyObject *joiner, *result;
    joiner = getslice(state->isbytes, state->beginning, string, 0, 0);
    if (joiner == NULL) {
        Py_DECREF(list);
        return NULL;
    }
    if (PyList_GET_SIZE(list) == 0) {
        Py_DECREF(list);
        return joiner;
    }
    if (state->isbytes)
        result = _PyBytes_Join(joiner, list);
    else
        result = PyUnicode_Join(joiner, list);
    Py_DECREF(joiner);
    Py_DECREF(list);
    return result;
}

static PyObject *pattern_subx(PatternObject *self, PyObject *ptemplate, PyObject *string,
                              Py_ssize_t count, int subn)
{
    PyObject *filter, *list = NULL, *item, *joined;
    int filter_is_callable;
    Py_ssize_t n = 0, i = 0, b, e, status;
    SRE_STATE state;

    if (PyCallable_Check(ptemplate)) {
        filter = Py_NewRef(ptemplate);
        filter_is_callable = 1;
    } else {
        /* A template without backslashes is used literally; otherwise re._subx
         * compiles it into a literal or a callable. */
        int literal;
        Py_buffer view;
        Py_ssize_t tlen;
        int tbytes, tcharsize;
        const void *tptr;
        memset(&view, 0, sizeof(view));
        tptr = getstring(ptemplate, &tlen, &tbytes, &tcharsize, &view);
        if (tptr != NULL) {
            literal = 1;
            for (Py_ssize_t k = 0; k < tlen; k++) {
                Py_UCS4 ch = tcharsize == 1 ? ((const Py_UCS1 *)tptr)[k]
                           : tcharsize == 2 ? ((const Py_UCS2 *)tptr)[k]
                           : ((const Py_UCS4 *)tptr)[k];
                if (ch == '\\') {
                    literal = 0;
                    break;
                }
            }
            if (view.buf)
                PyBuffer_Release(&view);
        } else {
            PyErr_Clear();
            literal = 0;
        }
        if (literal) {
            filter = Py_NewRef(ptemplate);
            filter_is_callable = 0;
        } else {
            filter = call("re", "_subx", PyTuple_Pack(2, self, ptemplate));
            if (filter == NULL)
                return NULL;
            filter_is_callable = PyCallable_Check(filter);
        }
    }

    if (state_init(&state, self, string, 0, PY_SSIZE_T_MAX) < 0) {
        Py_DECREF(filter);
        return NULL;
    }
    list = PyList_New(0);
    if (list == NULL)
        goto error;
    while (!count || n < count) {
        state_reset(&state);
        status = sre_search(&state, self->code);
        if (status <= 0) {
            if (status == 0)
                break;
            pattern_error(status);
            goto error;
        }
        b = STATE_OFFSET(&state, state.start);
        e = STATE_OFFSET(&state, state.ptr);
        if (i < b) {
            /* The text between the previous match and this one. */
            item = getslice(state.isbytes, state.beginning, string, i, b);
            if (item == NULL || PyList_Append(list, item) < 0) {
                Py_XDECREF(item);
                goto error;
            }
            Py_DECREF(item);
        }
        if (filter_is_callable) {
            PyObject *match = pattern_new_match(self, &state, 1);
            if (match == NULL)
                goto error;
            item = PyObject_CallOneArg(filter, match);
            Py_DECREF(match);
            if (item == NULL)
                goto error;
        } else {
            item = Py_NewRef(filter);
        }
        if (item != Py_None && PyList_Append(list, item) < 0) {
            Py_DECREF(item);
            goto error;
        }
        Py_DECREF(item);
        i = e;
        n++;
        state.must_advance = (state.ptr == state.start);
        state.start = state.ptr;
    }
    /* The text after the last match. */
    if (i < state.endpos) {
        item = getslice(state.isbytes, state.beginning, string, i, state.endpos);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            goto error;
        }
        Py_DECREF(item);
    }
    Py_DECREF(filter);
    joined = join_list(list, &state, string);
    state_fini(&state);
    if (joined == NULL)
        return NULL;
    if (subn) {
        PyObject *result = Py_BuildValue("(Nn)", joined, n);
        return result;
    }
    return joined;
error:
    Py_XDECREF(list);
    Py_DECREF(filter);
    state_fini(&state);
    return NULL;
}

static PyObject *pattern_sub(PatternObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"repl", "string", "count", NULL};
    PyObject *repl, *string;
    Py_ssize_t count = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|n:sub", kwlist, &repl, &string, &count))
        return NULL;
    return pattern_subx(self, repl, string, count, 0);
}

static PyObject *pattern_subn(PatternObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"repl", "string", "count", NULL};
    PyObject *repl, *string;
    Py_ssize_t count = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO|n:subn", kwlist, &repl, &string, &count))
        return NULL;
    return pattern_subx(self, repl, string, count, 1);
}

static PyObject *pattern_copy(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyObject *pattern_deepcopy(PyObject *self, PyObject *memo)
{
    return Py_NewRef(self);
}

static PyObject *pattern_repr(PatternObject *obj)
{
    static const struct { const char *name; int value; } flag_names[] = {
        {"re.TEMPLATE", SRE_FLAG_TEMPLATE}, {"re.IGNORECASE", SRE_FLAG_IGNORECASE},
        {"re.LOCALE", SRE_FLAG_LOCALE}, {"re.MULTILINE", SRE_FLAG_MULTILINE},
        {"re.DOTALL", SRE_FLAG_DOTALL}, {"re.UNICODE", SRE_FLAG_UNICODE},
        {"re.VERBOSE", SRE_FLAG_VERBOSE}, {"re.DEBUG", SRE_FLAG_DEBUG},
        {"re.ASCII", SRE_FLAG_ASCII},
    };
    PyObject *flag_items, *pattern_repr_, *result = NULL, *item;
    int flags = obj->flags;
    size_t k;

    /* re.UNICODE is implied for str patterns: leave it out. */
    if (obj->isbytes == 0 &&
        (flags & (SRE_FLAG_LOCALE | SRE_FLAG_UNICODE | SRE_FLAG_ASCII)) == SRE_FLAG_UNICODE)
        flags &= ~SRE_FLAG_UNICODE;
    flag_items = PyList_New(0);
    if (flag_items == NULL)
        return NULL;
    for (k = 0; k < sizeof(flag_names) / sizeof(flag_names[0]); k++) {
        if (flags & flag_names[k].value) {
            item = PyUnicode_FromString(flag_names[k].name);
            if (item == NULL || PyList_Append(flag_items, item) < 0) {
                Py_XDECREF(item);
                goto done;
            }
            Py_DECREF(item);
            flags &= ~flag_names[k].value;
        }
    }
    if (flags) {
        item = PyUnicode_FromFormat("0x%x", flags);
        if (item == NULL || PyList_Append(flag_items, item) < 0) {
            Py_XDECREF(item);
            goto done;
        }
        Py_DECREF(item);
    }
    pattern_repr_ = PyObject_Repr(obj->pattern);
    if (pattern_repr_ == NULL)
        goto done;
    if (PyUnicode_GET_LENGTH(pattern_repr_) > 200) {
        Py_SETREF(pattern_repr_, PyUnicode_Substring(pattern_repr_, 0, 200));
        if (pattern_repr_ == NULL)
            goto done;
    }
    if (PyList_GET_SIZE(flag_items)) {
        PyObject *sep = PyUnicode_FromString("|"), *joined;
        if (sep == NULL) {
            Py_DECREF(pattern_repr_);
            goto done;
        }
        joined = PyUnicode_Join(sep, flag_items);
        Py_DECREF(sep);
        if (joined != NULL) {
            result = PyUnicode_FromFormat("re.compile(%U, %U)", pattern_repr_, joined);
            Py_DECREF(joined);
        }
    } else {
        result = PyUnicode_FromFormat("re.compile(%U)", pattern_repr_);
    }
    Py_DECREF(pattern_repr_);
done:
    Py_DECREF(flag_items);
    return result;
}

static PyObject *pattern_richcompare(PyObject *lefto, PyObject *righto, int op)
{
    PatternObject *left, *right;
    int cmp;
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    if (!Py_IS_TYPE(lefto, &Pattern_Type) || !Py_IS_TYPE(righto, &Pattern_Type))
        Py_RETURN_NOTIMPLEMENTED;
    if (lefto == righto)
        return PyBool_FromLong(op == Py_EQ);
    left = (PatternObject *)lefto;
    right = (PatternObject *)righto;
    cmp = left->flags == right->flags && left->isbytes == right->isbytes &&
          left->codesize == right->codesize;
    if (cmp)
        cmp = memcmp(left->code, right->code, sizeof(SRE_CODE) * left->codesize) == 0;
    if (cmp) {
        cmp = PyObject_RichCompareBool(left->pattern, right->pattern, Py_EQ);
        if (cmp < 0)
            return NULL;
    }
    if (op == Py_NE)
        cmp = !cmp;
    return PyBool_FromLong(cmp);
}

static Py_hash_t pattern_hash(PatternObject *self)
{
    Py_hash_t hash, hash2;
    hash = PyObject_Hash(self->pattern);
    if (hash == -1)
        return -1;
    hash2 = _Py_HashBytes(self->code, sizeof(SRE_CODE) * self->codesize);
    hash ^= hash2;
    hash ^= self->flags;
    hash ^= self->isbytes;
    hash ^= self->codesize;
    if (hash == -1)
        hash = -2;
    return hash;
}

static PyObject *pattern_groupindex(PatternObject *self, void *closure)
{
    if (self->groupindex == NULL)
        return PyDict_New();
    return PyDictProxy_New(self->groupindex);
}

static PyMethodDef pattern_methods[] = {
    {"match", (PyCFunction)(void (*)(void))pattern_match, METH_VARARGS | METH_KEYWORDS,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", (PyCFunction)(void (*)(void))pattern_fullmatch, METH_VARARGS | METH_KEYWORDS,
     "Matches against all of the string."},
    {"search", (PyCFunction)(void (*)(void))pattern_search, METH_VARARGS | METH_KEYWORDS,
     "Scan through string looking for a match, and return a corresponding match object "
     "instance.\n\nReturn None if no position in the string matches."},
    {"sub", (PyCFunction)(void (*)(void))pattern_sub, METH_VARARGS | METH_KEYWORDS,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences "
     "of pattern in string by the replacement repl."},
    {"subn", (PyCFunction)(void (*)(void))pattern_subn, METH_VARARGS | METH_KEYWORDS,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"split", (PyCFunction)(void (*)(void))pattern_split, METH_VARARGS | METH_KEYWORDS,
     "Split string by the occurrences of pattern."},
    {"findall", (PyCFunction)(void (*)(void))pattern_findall, METH_VARARGS | METH_KEYWORDS,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"finditer", (PyCFunction)(void (*)(void))pattern_finditer, METH_VARARGS | METH_KEYWORDS,
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n"
     "For each match, the iterator returns a match object."},
    {"scanner", (PyCFunction)(void (*)(void))pattern_scanner, METH_VARARGS | METH_KEYWORDS,
     NULL},
    {"__copy__", pattern_copy, METH_NOARGS, NULL},
    {"__deepcopy__", pattern_deepcopy, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef pattern_getset[] = {
    {"groupindex", (getter)pattern_groupindex, NULL,
     "A dictionary mapping group names to group numbers.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef pattern_members[] = {
    {"pattern", T_OBJECT, offsetof(PatternObject, pattern), READONLY,
     "The pattern string from which the RE object was compiled."},
    {"flags", T_INT, offsetof(PatternObject, flags), READONLY,
     "The regex matching flags."},
    {"groups", T_PYSSIZET, offsetof(PatternObject, groups), READONLY,
     "The number of capturing groups in the pattern."},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Pattern_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "re.Pattern",
    .tp_basicsize = offsetof(PatternObject, code),
    .tp_itemsize = sizeof(SRE_CODE),
    .tp_dealloc = (destructor)pattern_dealloc,
    .tp_repr = (reprfunc)pattern_repr,
    .tp_hash = (hashfunc)pattern_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "Compiled regular expression object.",
    .tp_traverse = (traverseproc)pattern_traverse,
    .tp_clear = (inquiry)pattern_clear,
    .tp_richcompare = pattern_richcompare,
    .tp_weaklistoffset = offsetof(PatternObject, weakreflist),
    .tp_methods = pattern_methods,
    .tp_members = pattern_members,
    .tp_getset = pattern_getset,
    .tp_free = PyObject_GC_Del,
};

/* ---------------------------------------------------------------- Match object */

static void match_dealloc(MatchObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->regs);
    Py_XDECREF(self->string);
    Py_XDECREF(self->pattern);
    PyObject_GC_Del(self);
}

static int match_traverse(MatchObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->regs);
    Py_VISIT(self->string);
    Py_VISIT(self->pattern);
    return 0;
}

static int match_clear(MatchObject *self)
{
    Py_CLEAR(self->regs);
    Py_CLEAR(self->string);
    Py_CLEAR(self->pattern);
    return 0;
}

static PyObject *match_getslice_by_index(MatchObject *self, Py_ssize_t index, PyObject *def)
{
    Py_ssize_t length;
    int isbytes, charsize;
    Py_buffer view;
    const void *ptr;
    PyObject *result;

    if (self->string == Py_None || self->mark[index * 2] < 0)
        return Py_NewRef(def);
    memset(&view, 0, sizeof(view));
    ptr = getstring(self->string, &length, &isbytes, &charsize, &view);
    if (ptr == NULL)
        return NULL;
    {
        Py_ssize_t i = self->mark[index * 2], j = self->mark[index * 2 + 1];
        if (i > length)
            i = length;
        if (j > length)
            j = length;
        result = getslice(isbytes, ptr, self->string, i, j);
    }
    if (isbytes && view.buf)
        PyBuffer_Release(&view);
    return result;
}

/* Group number for an int or a group name; -1 with IndexError if there is none. */
static Py_ssize_t match_getindex(MatchObject *self, PyObject *index)
{
    Py_ssize_t i;
    if (PyIndex_Check(index)) {
        i = PyNumber_AsSsize_t(index, NULL);
    } else {
        i = -1;
        if (self->pattern->groupindex) {
            index = PyDict_GetItemWithError(self->pattern->groupindex, index);
            if (index && PyLong_Check(index))
                i = PyLong_AsSsize_t(index);
        }
    }
    if (i < 0 || i >= self->groups) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static PyObject *match_getslice(MatchObject *self, PyObject *index, PyObject *def)
{
    Py_ssize_t i = match_getindex(self, index);
    if (i < 0)
        return NULL;
    return match_getslice_by_index(self, i, def);
}

static PyObject *match_group(MatchObject *self, PyObject *args)
{
    Py_ssize_t i, size = PyTuple_GET_SIZE(args);
    PyObject *result;
    switch (size) {
    case 0:
        return match_getslice_by_index(self, 0, Py_None);
    case 1:
        return match_getslice(self, PyTuple_GET_ITEM(args, 0), Py_None);
    }
    result = PyTuple_New(size);
    if (result == NULL)
        return NULL;
    for (i = 0; i < size; i++) {
        PyObject *item = match_getslice(self, PyTuple_GET_ITEM(args, i), Py_None);
        if (item == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, i, item);
    }
    return result;
}

static PyObject *match_getitem(MatchObject *self, PyObject *name)
{
    return match_getslice(self, name, Py_None);
}

static PyObject *match_groups(MatchObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"default", NULL};
    PyObject *def = Py_None, *result;
    Py_ssize_t index;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:groups", kwlist, &def))
        return NULL;
    result = PyTuple_New(self->groups - 1);
    if (result == NULL)
        return NULL;
    for (index = 1; index < self->groups; index++) {
        PyObject *item = match_getslice_by_index(self, index, def);
        if (item == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        PyTuple_SET_ITEM(result, index - 1, item);
    }
    return result;
}

static PyObject *match_groupdict(MatchObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"default", NULL};
    PyObject *def = Py_None, *result, *key, *value;
    Py_ssize_t pos = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:groupdict", kwlist, &def))
        return NULL;
    result = PyDict_New();
    if (result == NULL || self->pattern->groupindex == NULL)
        return result;
    while (PyDict_Next(self->pattern->groupindex, &pos, &key, &value)) {
        PyObject *item = match_getslice(self, key, def);
        int status;
        if (item == NULL) {
            Py_DECREF(result);
            return NULL;
        }
        status = PyDict_SetItem(result, key, item);
        Py_DECREF(item);
        if (status < 0) {
            Py_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static int match_index_arg(MatchObject *self, PyObject *args, const char *fmt)
{
    PyObject *index = NULL;
    if (!PyArg_ParseTuple(args, fmt, &index))
        return -1;
    if (index == NULL)
        return 0;
    return (int)match_getindex(self, index);
}

static PyObject *match_start(MatchObject *self, PyObject *args)
{
    int index = match_index_arg(self, args, "|O:start");
    if (index < 0)
        return NULL;
    return PyLong_FromSsize_t(self->mark[index * 2]);
}

static PyObject *match_end(MatchObject *self, PyObject *args)
{
    int index = match_index_arg(self, args, "|O:end");
    if (index < 0)
        return NULL;
    return PyLong_FromSsize_t(self->mark[index * 2 + 1]);
}

static PyObject *match_span(MatchObject *self, PyObject *args)
{
    int index = match_index_arg(self, args, "|O:span");
    if (index < 0)
        return NULL;
    return Py_BuildValue("(nn)", self->mark[index * 2], self->mark[index * 2 + 1]);
}

static PyObject *match_expand(MatchObject *self, PyObject *template)
{
    return call("re", "_expand", PyTuple_Pack(3, self->pattern, self, template));
}

static PyObject *match_copy(PyObject *self, PyObject *unused)
{
    return Py_NewRef(self);
}

static PyObject *match_deepcopy(PyObject *self, PyObject *memo)
{
    return Py_NewRef(self);
}

static PyObject *match_lastindex_get(MatchObject *self, void *closure)
{
    if (self->lastindex >= 0)
        return PyLong_FromSsize_t(self->lastindex);
    Py_RETURN_NONE;
}

static PyObject *match_lastgroup_get(MatchObject *self, void *closure)
{
    if (self->pattern->indexgroup && self->lastindex >= 0 &&
        self->lastindex < PyTuple_GET_SIZE(self->pattern->indexgroup))
        return Py_NewRef(PyTuple_GET_ITEM(self->pattern->indexgroup, self->lastindex));
    Py_RETURN_NONE;
}

static PyObject *match_regs_get(MatchObject *self, void *closure)
{
    PyObject *regs;
    Py_ssize_t index;
    if (self->regs)
        return Py_NewRef(self->regs);
    regs = PyTuple_New(self->groups);
    if (regs == NULL)
        return NULL;
    for (index = 0; index < self->groups; index++) {
        PyObject *item = Py_BuildValue("(nn)", self->mark[index * 2], self->mark[index * 2 + 1]);
        if (item == NULL) {
            Py_DECREF(regs);
            return NULL;
        }
        PyTuple_SET_ITEM(regs, index, item);
    }
    self->regs = Py_NewRef(regs);
    return regs;
}

static PyObject *match_repr(MatchObject *self)
{
    PyObject *result, *group0 = match_getslice_by_index(self, 0, Py_None), *r;
    if (group0 == NULL)
        return NULL;
    r = PyObject_Repr(group0);
    Py_DECREF(group0);
    if (r == NULL)
        return NULL;
    if (PyUnicode_GET_LENGTH(r) > 50) {
        Py_SETREF(r, PyUnicode_Substring(r, 0, 50));
        if (r == NULL)
            return NULL;
    }
    result = PyUnicode_FromFormat("<%s object; span=(%zd, %zd), match=%U>",
                                  Py_TYPE(self)->tp_name, self->mark[0], self->mark[1], r);
    Py_DECREF(r);
    return result;
}

static PyMappingMethods match_as_mapping = {
    NULL,
    (binaryfunc)match_getitem,
    NULL,
};

static PyMethodDef match_methods[] = {
    {"group", (PyCFunction)match_group, METH_VARARGS,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices "
     "or names.\n    For 0 returns the entire match."},
    {"start", (PyCFunction)match_start, METH_VARARGS,
     "Return index of the start of the substring matched by group."},
    {"end", (PyCFunction)match_end, METH_VARARGS,
     "Return index of the end of the substring matched by group."},
    {"span", (PyCFunction)match_span, METH_VARARGS,
     "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", (PyCFunction)(void (*)(void))match_groups, METH_VARARGS | METH_KEYWORDS,
     "Return a tuple containing all the subgroups of the match, from 1.\n\n  default\n"
     "    Is used for groups that did not participate in the match."},
    {"groupdict", (PyCFunction)(void (*)(void))match_groupdict, METH_VARARGS | METH_KEYWORDS,
     "Return a dictionary containing all the named subgroups of the match, keyed by the "
     "subgroup name.\n\n  default\n    Is used for groups that did not participate in the "
     "match."},
    {"expand", (PyCFunction)match_expand, METH_O,
     "Return the string obtained by doing backslash substitution on the string template, "
     "as done by the sub() method."},
    {"__copy__", match_copy, METH_NOARGS, NULL},
    {"__deepcopy__", match_deepcopy, METH_O, NULL},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef match_getset[] = {
    {"lastindex", (getter)match_lastindex_get, NULL,
     "The integer index of the last matched capturing group.", NULL},
    {"lastgroup", (getter)match_lastgroup_get, NULL,
     "The name of the last matched capturing group.", NULL},
    {"regs", (getter)match_regs_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef match_members[] = {
    {"string", T_OBJECT, offsetof(MatchObject, string), READONLY,
     "The string passed to match() or search()."},
    {"re", T_OBJECT, offsetof(MatchObject, pattern), READONLY,
     "The regular expression object."},
    {"pos", T_PYSSIZET, offsetof(MatchObject, pos), READONLY,
     "The index into the string at which the RE engine started looking for a match."},
    {"endpos", T_PYSSIZET, offsetof(MatchObject, endpos), READONLY,
     "The index into the string beyond which the RE engine will not go."},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Match_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "re.Match",
    .tp_basicsize = offsetof(MatchObject, mark),
    .tp_itemsize = sizeof(Py_ssize_t),
    .tp_dealloc = (destructor)match_dealloc,
    .tp_repr = (reprfunc)match_repr,
    .tp_as_mapping = &match_as_mapping,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "The result of re.match() and re.search().\n"
              "Match objects always have a boolean value of True.",
    .tp_traverse = (traverseproc)match_traverse,
    .tp_clear = (inquiry)match_clear,
    .tp_methods = match_methods,
    .tp_members = match_members,
    .tp_getset = match_getset,
    .tp_free = PyObject_GC_Del,
};

/* -------------------------------------------------------------- Scanner object */

static void scanner_dealloc(ScannerObject *self)
{
    PyObject_GC_UnTrack(self);
    state_fini(&self->state);
    Py_XDECREF(self->pattern);
    PyObject_GC_Del(self);
}

static int scanner_traverse(ScannerObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->pattern);
    return 0;
}

static int scanner_clear(ScannerObject *self)
{
    Py_CLEAR(self->pattern);
    return 0;
}

/* One step of a scanner: match (search=0) or search (search=1) from where the last
 * step ended; None once exhausted. */
static PyObject *scanner_step(ScannerObject *self, int search)
{
    SRE_STATE *state = &self->state;
    PyObject *match;
    Py_ssize_t status;

    if (state->start == NULL)
        Py_RETURN_NONE;
    if (self->executing) {
        PyErr_SetString(PyExc_ValueError, "regular expression scanner already executing");
        return NULL;
    }
    self->executing = 1;
    state_reset(state);
    state->ptr = state->start;
    if (search)
        status = sre_search(state, ((PatternObject *)self->pattern)->code);
    else
        status = sre_match(state, ((PatternObject *)self->pattern)->code, 0);
    self->executing = 0;
    match = pattern_new_match((PatternObject *)self->pattern, state, status);
    if (status == 0) {
        state->start = NULL;
    } else {
        state->must_advance = (state->ptr == state->start);
        state->start = state->ptr;
    }
    return match;
}

static PyObject *scanner_match(ScannerObject *self, PyObject *unused)
{
    return scanner_step(self, 0);
}

static PyObject *scanner_search(ScannerObject *self, PyObject *unused)
{
    return scanner_step(self, 1);
}

static PyMethodDef scanner_methods[] = {
    {"match", (PyCFunction)scanner_match, METH_NOARGS, NULL},
    {"search", (PyCFunction)scanner_search, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyMemberDef scanner_members[] = {
    {"pattern", T_OBJECT, offsetof(ScannerObject, pattern), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyTypeObject Scanner_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_sre.SRE_Scanner",
    .tp_basicsize = sizeof(ScannerObject),
    .tp_dealloc = (destructor)scanner_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = (traverseproc)scanner_traverse,
    .tp_clear = (inquiry)scanner_clear,
    .tp_methods = scanner_methods,
    .tp_members = scanner_members,
    .tp_free = PyObject_GC_Del,
};

/* ------------------------------------------------------------ code validation */

/* Check that compiled code is well formed before the engine ever runs it: every
 * jump lands inside its block and every operand is in range.  Returns 0 if valid. */
static int validate_charset(const SRE_CODE *code, const SRE_CODE *end)
{
    while (code < end) {
        SRE_CODE op = *code++;
        switch (op) {
        case SRE_OP_NEGATE:
            break;
        case SRE_OP_LITERAL:
        case SRE_OP_CATEGORY:
            if (code >= end)
                return -1;
            if (op == SRE_OP_CATEGORY && *code > SRE_CATEGORY_UNI_NOT_LINEBREAK)
                return -1;
            code++;
            break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
            if (end - code < 2 || code[0] > code[1])
                return -1;
            code += 2;
            break;
        case SRE_OP_CHARSET:
            if ((size_t)(end - code) < 256 / SRE_CODE_BITS)
                return -1;
            code += 256 / SRE_CODE_BITS;
            break;
        case SRE_OP_BIGCHARSET: {
            SRE_CODE count;
            if (code >= end)
                return -1;
            count = *code++;
            if ((size_t)(end - code) < 256 / sizeof(SRE_CODE))
                return -1;
            for (int i = 0; i < 256; i++)
                if (((const unsigned char *)code)[i] >= count)
                    return -1;
            code += 256 / sizeof(SRE_CODE);
            if ((size_t)(end - code) / (256 / SRE_CODE_BITS) < count)
                return -1;
            code += count * (256 / SRE_CODE_BITS);
            break;
        }
        case SRE_OP_FAILURE:
            return code == end ? 0 : -1;
        default:
            return -1;
        }
    }
    return -1;
}

static int validate_block(const SRE_CODE *code, const SRE_CODE *end, Py_ssize_t groups);

/* A skip operand at code[0] must land within [code+1, end]. */
#define GET_SKIP(var) \
    do { if (code >= end) return -1; var = *code; \
         if ((var) == 0 || (size_t)(var) > (size_t)(end - code)) return -1; } while (0)

static int validate_block(const SRE_CODE *code, const SRE_CODE *end, Py_ssize_t groups)
{
    SRE_CODE skip, arg;
    while (code < end) {
        SRE_CODE op = *code++;
        switch (op) {
        case SRE_OP_MARK:
            if (code >= end || *code >= 2 * (SRE_CODE)groups)
                return -1;
            code++;
            break;
        case SRE_OP_LITERAL: case SRE_OP_NOT_LITERAL: case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (code >= end)
                return -1;
            code++;
            break;
        case SRE_OP_AT:
            if (code >= end || *code > SRE_AT_UNI_NON_BOUNDARY)
                return -1;
            code++;
            break;
        case SRE_OP_CATEGORY:
            if (code >= end || *code > SRE_CATEGORY_UNI_NOT_LINEBREAK)
                return -1;
            code++;
            break;
        case SRE_OP_SUCCESS: case SRE_OP_FAILURE: case SRE_OP_ANY: case SRE_OP_ANY_ALL:
            break;
        case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
            GET_SKIP(skip);
            if (validate_charset(code + 1, code + skip) < 0)
                return -1;
            code += skip;
            break;
        case SRE_OP_INFO: {
            SRE_CODE flags;
            const SRE_CODE *newcode;
            GET_SKIP(skip);
            newcode = code + skip;
            if (skip < 4)
                return -1;
            flags = code[1];
            if (flags & ~(SRE_INFO_PREFIX | SRE_INFO_LITERAL | SRE_INFO_CHARSET))
                return -1;
            if ((flags & SRE_INFO_PREFIX) && (flags & SRE_INFO_CHARSET))
                return -1;
            if ((flags & SRE_INFO_LITERAL) && !(flags & SRE_INFO_PREFIX))
                return -1;
            code += 4;
            if (flags & SRE_INFO_PREFIX) {
                SRE_CODE prefix_len, prefix_skip;
                if (newcode - code < 2)
                    return -1;
                prefix_len = code[0];
                prefix_skip = code[1];
                code += 2;
                if (prefix_skip > prefix_len || prefix_len == 0 ||
                    (size_t)(newcode - code) / 2 < prefix_len)
                    return -1;
                code += 2 * (size_t)prefix_len;
                if (code != newcode)
                    return -1;
            } else if (flags & SRE_INFO_CHARSET) {
                if (validate_charset(code, newcode) < 0)
                    return -1;
            }
            code = newcode;
            break;
        }
        case SRE_OP_BRANCH: {
            /* <BRANCH> (<skip> alternative <JUMP> <offset>)* <0>; every JUMP goes to
             * just after the terminating 0. */
            const SRE_CODE *target = NULL, *j;
            while (code < end && (skip = *code) != 0) {
                if ((size_t)skip > (size_t)(end - code) || skip < 3 ||
                    code[skip - 2] != SRE_OP_JUMP)
                    return -1;
                if (validate_block(code + 1, code + skip - 2, groups) < 0)
                    return -1;
                j = code + skip - 1;
                if (*j == 0 || (size_t)*j > (size_t)(end - j))
                    return -1;
                if (target != NULL && target != j + *j)
                    return -1;
                target = j + *j;
                code += skip;
            }
            if (code >= end)
                return -1;
            code++;
            if (target != NULL && target != code)
                return -1;
            break;
        }
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE: {
            SRE_CODE min, max;
            GET_SKIP(skip);
            if (skip < 4)
                return -1;
            min = code[1];
            max = code[2];
            if (min > max || max > SRE_MAXREPEAT)
                return -1;
            /* The item is a single one-character op followed by SUCCESS. */
            if (code[skip - 1] != SRE_OP_SUCCESS)
                return -1;
            if (validate_block(code + 3, code + skip - 1, groups) < 0)
                return -1;
            switch (code[3]) {
            case SRE_OP_ANY: case SRE_OP_ANY_ALL: case SRE_OP_LITERAL:
            case SRE_OP_NOT_LITERAL: case SRE_OP_LITERAL_IGNORE:
            case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_LITERAL_UNI_IGNORE:
            case SRE_OP_NOT_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE:
            case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_CATEGORY: case SRE_OP_IN:
            case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE: case SRE_OP_IN_LOC_IGNORE:
                break;
            default:
                return -1;
            }
            code += skip;
            break;
        }
        case SRE_OP_REPEAT: case SRE_OP_POSSESSIVE_REPEAT: {
            SRE_CODE min, max;
            GET_SKIP(skip);
            if (skip < 3)
                return -1;
            min = code[1];
            max = code[2];
            if (min > max)
                return -1;
            if (op == SRE_OP_POSSESSIVE_REPEAT) {
                /* skip lands on the SUCCESS that ends the body. */
                if (code + skip >= end || code[skip] != SRE_OP_SUCCESS)
                    return -1;
                if (validate_block(code + 3, code + skip, groups) < 0)
                    return -1;
                code += skip + 1;
            } else {
                if (validate_block(code + 3, code + skip, groups) < 0)
                    return -1;
                code += skip;
                if (code >= end)
                    return -1;
                op = *code++;
                if (op != SRE_OP_MAX_UNTIL && op != SRE_OP_MIN_UNTIL)
                    return -1;
            }
            break;
        }
        case SRE_OP_ATOMIC_GROUP:
            GET_SKIP(skip);
            if (skip < 2 || code[skip - 1] != SRE_OP_SUCCESS)
                return -1;
            if (validate_block(code + 1, code + skip - 1, groups) < 0)
                return -1;
            code += skip;
            break;
        case SRE_OP_GROUPREF: case SRE_OP_GROUPREF_IGNORE: case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
            if (code >= end || *code >= (SRE_CODE)groups)
                return -1;
            code++;
            break;
        case SRE_OP_GROUPREF_EXISTS:
            /* <GROUPREF_EXISTS> <group> <skipyes> codeyes [<JUMP> <skipno> codeno] */
            if (end - code < 2)
                return -1;
            arg = *code++;
            if (arg >= (SRE_CODE)groups)
                return -1;
            /* skipyes is counted from the group operand, so GET_SKIP's bound (counted
             * from the skip itself) would be one too strict. */
            if (code >= end)
                return -1;
            skip = *code;
            if (skip < 2 || (size_t)(skip - 1) > (size_t)(end - code))
                return -1;
            code--;
            /* With an else part, codeyes ends with <JUMP> <skipno>; there is no marker
             * telling the two shapes apart, so try that reading first. */
            if (skip >= 3 && code[skip - 2] == SRE_OP_JUMP) {
                const SRE_CODE *j = code + skip - 1;
                if (*j != 0 && (size_t)*j <= (size_t)(end - j) &&
                    validate_block(code + 2, code + skip - 2, groups) == 0 &&
                    validate_block(j + 1, j + *j, groups) == 0) {
                    code = j + *j;
                    break;
                }
            }
            if (validate_block(code + 2, code + skip, groups) < 0)
                return -1;
            code += skip;
            break;
        case SRE_OP_ASSERT: case SRE_OP_ASSERT_NOT:
            GET_SKIP(skip);
            if (skip < 3 || code[skip - 1] != SRE_OP_SUCCESS)
                return -1;
            arg = code[1];
            if (arg & 0x80000000u)
                return -1;
            if (validate_block(code + 2, code + skip - 1, groups) < 0)
                return -1;
            code += skip;
            break;
        case SRE_OP_JUMP:
            /* Only BRANCH and GROUPREF_EXISTS contain JUMPs; they check their own. */
            return -1;
        default:
            return -1;
        }
    }
    return code == end ? 0 : -1;
}

static int validate_code(PatternObject *self)
{
    const SRE_CODE *code = self->code, *end = self->code + self->codesize;
    if (self->codesize == 0 || end[-1] != SRE_OP_SUCCESS)
        return -1;
    /* Everything but the final SUCCESS; INFO only first. */
    return validate_block(code, end - 1, self->groups);
}

/* -------------------------------------------------------------- module functions */

static PyObject *_sre_compile(PyObject *module, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"pattern", "flags", "code", "groups", "groupindex",
                             "indexgroup", NULL};
    PyObject *pattern, *code, *groupindex, *indexgroup;
    int flags;
    Py_ssize_t groups, n, i;
    PatternObject *self;

    if (!PyArg_ParseTupleAndKeywords(args, kw, "OiO!nO!O!:compile", kwlist, &pattern, &flags,
                                     &PyList_Type, &code, &groups, &PyDict_Type, &groupindex,
                                     &PyTuple_Type, &indexgroup))
        return NULL;
    n = PyList_GET_SIZE(code);
    self = PyObject_GC_NewVar(PatternObject, &Pattern_Type, n);
    if (self == NULL)
        return NULL;
    self->weakreflist = NULL;
    self->pattern = NULL;
    self->groupindex = NULL;
    self->indexgroup = NULL;
    self->codesize = n;
    for (i = 0; i < n; i++) {
        PyObject *o = PyList_GET_ITEM(code, i);
        unsigned long value = PyLong_AsUnsignedLong(o);
        if (value == (unsigned long)-1 && PyErr_Occurred()) {
            if (PyErr_ExceptionMatches(PyExc_OverflowError))
                PyErr_SetString(PyExc_OverflowError,
                                "regular expression code size limit exceeded");
            goto fail;
        }
        self->code[i] = (SRE_CODE)value;
        if ((unsigned long)self->code[i] != value) {
            PyErr_SetString(PyExc_OverflowError, "regular expression code size limit exceeded");
            goto fail;
        }
    }
    if (pattern == Py_None) {
        self->isbytes = -1;
    } else {
        Py_ssize_t length;
        int charsize;
        Py_buffer view;
        memset(&view, 0, sizeof(view));
        if (!getstring(pattern, &length, &self->isbytes, &charsize, &view))
            goto fail;
        if (view.buf)
            PyBuffer_Release(&view);
    }
    self->pattern = Py_NewRef(pattern);
    self->flags = flags;
    self->groups = groups;
    if (PyDict_GET_SIZE(groupindex) > 0) {
        self->groupindex = PyDict_Copy(groupindex);
        if (self->groupindex == NULL)
            goto fail;
        self->indexgroup = Py_NewRef(indexgroup);
    }
    if (groups < 0 || (size_t)groups > SRE_MAXGROUPS || validate_code(self) < 0) {
        PyErr_SetString(PyExc_RuntimeError, "invalid SRE code");
        goto fail;
    }
    PyObject_GC_Track(self);
    return (PyObject *)self;
fail:
    Py_DECREF(self);
    return NULL;
}

static PyObject *_sre_getcodesize(PyObject *module, PyObject *unused)
{
    return PyLong_FromLong(sizeof(SRE_CODE));
}

static int char_arg(PyObject *arg, int *ch)
{
    long v = PyLong_AsLong(arg);
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *ch = (int)v;
    return 0;
}

static PyObject *_sre_ascii_iscased(PyObject *module, PyObject *arg)
{
    int ch;
    if (char_arg(arg, &ch) < 0)
        return NULL;
    return PyBool_FromLong(ch < 128 && SRE_IS_ASCII_ALPHA(ch));
}

static PyObject *_sre_unicode_iscased(PyObject *module, PyObject *arg)
{
    int ch;
    if (char_arg(arg, &ch) < 0)
        return NULL;
    return PyBool_FromLong((unsigned int)ch != sre_lower_unicode(ch) ||
                           (unsigned int)ch != sre_upper_unicode(ch));
}

static PyObject *_sre_ascii_tolower(PyObject *module, PyObject *arg)
{
    int ch;
    if (char_arg(arg, &ch) < 0)
        return NULL;
    return PyLong_FromLong(ch < 0 ? ch : (long)sre_lower_ascii(ch));
}

static PyObject *_sre_unicode_tolower(PyObject *module, PyObject *arg)
{
    int ch;
    if (char_arg(arg, &ch) < 0)
        return NULL;
    return PyLong_FromLong(ch < 0 ? ch : (long)sre_lower_unicode(ch));
}

static PyMethodDef _sre_methods[] = {
    {"compile", (PyCFunction)(void (*)(void))_sre_compile, METH_VARARGS | METH_KEYWORDS, NULL},
    {"getcodesize", _sre_getcodesize, METH_NOARGS, NULL},
    {"ascii_iscased", _sre_ascii_iscased, METH_O, NULL},
    {"unicode_iscased", _sre_unicode_iscased, METH_O, NULL},
    {"ascii_tolower", _sre_ascii_tolower, METH_O, NULL},
    {"unicode_tolower", _sre_unicode_tolower, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef _sremodule = {
    PyModuleDef_HEAD_INIT, "_sre", NULL, -1, _sre_methods, NULL, NULL, NULL, NULL,
};

PyObject *PyInit__sre(void)
{
    PyObject *m;
    if (PyType_Ready(&Pattern_Type) < 0 || PyType_Ready(&Match_Type) < 0 ||
        PyType_Ready(&Scanner_Type) < 0)
        return NULL;
    m = PyModule_Create(&_sremodule);
    if (m == NULL)
        return NULL;
    sre_init_ascii_uni();
    if (PyModule_AddIntConstant(m, "MAGIC", SRE_MAGIC) < 0 ||
        PyModule_AddIntConstant(m, "CODESIZE", sizeof(SRE_CODE)) < 0 ||
        PyModule_AddObject(m, "MAXREPEAT", PyLong_FromUnsignedLong(SRE_MAXREPEAT)) < 0 ||
        PyModule_AddObject(m, "MAXGROUPS", PyLong_FromSize_t(SRE_MAXGROUPS)) < 0 ||
        PyModule_AddStringConstant(m, "copyright",
            " SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ") < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
