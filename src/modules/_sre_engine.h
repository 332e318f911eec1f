/* _sre_engine.h — the SRE matching engine, one copy per character width.  Owner: sre.
 * _sre.c includes this file three times with SRE_CHAR = Py_UCS1 / Py_UCS2 / Py_UCS4 and
 * SRE(name) giving each copy its own names.  Backtracking never recurses in C: every
 * "call" of a sub-pattern pushes a frame on state->frames (a heap array), and the parent
 * resumes at the label named by the child's `jump` field when the child returns. */

/* Zero-width assertions (AT_*) at ptr. */
static int
SRE(at)(SRE_STATE *state, const SRE_CHAR *ptr, SRE_CODE at)
{
    const SRE_CHAR *beg = (const SRE_CHAR *)state->beginning;
    const SRE_CHAR *end = (const SRE_CHAR *)state->end;
    int thisp, thatp;

    switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return ptr == beg;
    case SRE_AT_BEGINNING_LINE:
        return ptr == beg || ptr[-1] == '\n';
    case SRE_AT_END:
        return ptr == end || (ptr + 1 == end && ptr[0] == '\n');
    case SRE_AT_END_LINE:
        return ptr == end || ptr[0] == '\n';
    case SRE_AT_END_STRING:
        return ptr == end;
    }
    /* Word boundaries: an empty string has none. */
    if (beg == end)
        return 0;
    switch (at) {
    case SRE_AT_BOUNDARY:
    case SRE_AT_NON_BOUNDARY:
        thatp = ptr > beg ? SRE_IS_WORD(ptr[-1]) : 0;
        thisp = ptr < end ? SRE_IS_WORD(ptr[0]) : 0;
        break;
    case SRE_AT_LOC_BOUNDARY:
    case SRE_AT_LOC_NON_BOUNDARY:
        thatp = ptr > beg ? SRE_LOC_IS_WORD(ptr[-1]) : 0;
        thisp = ptr < end ? SRE_LOC_IS_WORD(ptr[0]) : 0;
        break;
    case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY:
        thatp = ptr > beg ? sre_uni_category(SRE_CATEGORY_UNI_WORD, ptr[-1]) : 0;
        thisp = ptr < end ? sre_uni_category(SRE_CATEGORY_UNI_WORD, ptr[0]) : 0;
        break;
    default:
        return 0;
    }
    if (at == SRE_AT_BOUNDARY || at == SRE_AT_LOC_BOUNDARY || at == SRE_AT_UNI_BOUNDARY)
        return thisp != thatp;
    return thisp == thatp;
}

/* How many times (at most maxcount) the one-character item at pattern matches from
 * state->ptr on.  Common items get a tight loop; the rest go through sre_match_one. */
static Py_ssize_t
SRE(count)(SRE_STATE *state, const SRE_CODE *pattern, Py_ssize_t maxcount)
{
    const SRE_CHAR *start = (const SRE_CHAR *)state->ptr;
    const SRE_CHAR *ptr = start;
    const SRE_CHAR *end = (const SRE_CHAR *)state->end;
    SRE_CODE chr;

    if (maxcount < end - ptr && maxcount != SRE_MAXREPEAT)
        end = ptr + maxcount;
    switch (pattern[0]) {
    case SRE_OP_IN:
        /* \d, \w, \s compile to a set holding one category; [a-z] to one range. */
        if (pattern[2] == SRE_OP_CATEGORY && pattern[4] == SRE_OP_FAILURE) {
            chr = pattern[3];
            while (ptr < end && sre_category(chr, *ptr))
                ptr++;
        } else if (pattern[2] == SRE_OP_RANGE && pattern[5] == SRE_OP_FAILURE) {
            SRE_CODE lo = pattern[3], hi = pattern[4];
            while (ptr < end && lo <= (SRE_CODE)*ptr && (SRE_CODE)*ptr <= hi)
                ptr++;
        } else {
            while (ptr < end && sre_charset(state, pattern + 2, *ptr))
                ptr++;
        }
        break;
    case SRE_OP_ANY:
        while (ptr < end && !SRE_IS_LINEBREAK(*ptr))
            ptr++;
        break;
    case SRE_OP_ANY_ALL:
        ptr = end;
        break;
    case SRE_OP_LITERAL:
        chr = pattern[1];
        while (ptr < end && (SRE_CODE)*ptr == chr)
            ptr++;
        break;
    case SRE_OP_NOT_LITERAL:
        chr = pattern[1];
        while (ptr < end && (SRE_CODE)*ptr != chr)
            ptr++;
        break;
    case SRE_OP_LITERAL_IGNORE:
        chr = pattern[1];
        while (ptr < end && sre_lower_ascii(*ptr) == chr)
            ptr++;
        break;
    case SRE_OP_CATEGORY:
        chr = pattern[1];
        while (ptr < end && sre_category(chr, *ptr))
            ptr++;
        break;
    default:
        while (ptr < end && sre_match_one(state, pattern, *ptr))
            ptr++;
        break;
    }
    return ptr - start;
}

/* Mark bookkeeping used around choice points (frames hold the saved values). */
#define LASTMARK_SAVE() \
    do { ctx->lastmark = state->lastmark; ctx->lastindex = state->lastindex; } while (0)
#define LASTMARK_RESTORE() \
    do { state->lastmark = ctx->lastmark; state->lastindex = ctx->lastindex; } while (0)
#define MARK_PUSH() \
    do { if (sre_mark_push(state, ctx) < 0) RETURN_ERROR(SRE_ERROR_MEMORY); } while (0)
#define MARK_POP_KEEP() sre_mark_restore(state, ctx, 0)
#define MARK_POP() sre_mark_restore(state, ctx, 1)
#define MARK_POP_DISCARD() sre_mark_discard(state, ctx)

#define RETURN_FAILURE do { ret = 0; goto exit; } while (0)
#define RETURN_SUCCESS do { ret = 1; goto exit; } while (0)
#define RETURN_ERROR(e) do { ret = (e); goto exit; } while (0)

/* "Call" the sub-pattern at newpattern from the current position state->ptr; execution
 * resumes at `label` with ret = the child's result and ctx/ptr/pattern reloaded. */
#define DO_JUMPX(id, label, newpattern, tl) \
    do { \
        int tl_ = (tl); \
        const SRE_CODE *np_ = (newpattern); \
        ctx->ptr = ptr; ctx->pattern = pattern; \
        if (sre_push_frame(state) < 0) RETURN_ERROR(SRE_ERROR_MEMORY); \
        ctx = CTX; \
        ctx->pattern = np_; ctx->ptr = state->ptr; \
        ctx->toplevel = tl_; ctx->jump = (id); \
        goto entrance; \
      label: ; \
    } while (0)
#define DO_JUMP(id, label, np) DO_JUMPX(id, label, np, ctx->toplevel)
#define DO_JUMP0(id, label, np) DO_JUMPX(id, label, np, 0)

#define CTX (&state->frames[state->nframes - 1])

/* Match the pattern at state->ptr.  Returns 1 (state->ptr = end of match), 0, or an
 * SRE_ERROR_* code. */
static Py_ssize_t
SRE(match)(SRE_STATE *state, const SRE_CODE *start_pattern, int toplevel)
{
    const SRE_CHAR *end = (const SRE_CHAR *)state->end;
    const SRE_CHAR *ptr;
    const SRE_CODE *pattern;
    Py_ssize_t ret = 0, i;
    size_t base = state->nframes;
    SRE_FRAME *ctx;
    int jump;

    if (sre_push_frame(state) < 0)
        return SRE_ERROR_MEMORY;
    ctx = CTX;
    ctx->pattern = start_pattern;
    ctx->ptr = state->ptr;
    ctx->toplevel = toplevel;
    ctx->jump = JUMP_NONE;

entrance:
    ptr = (const SRE_CHAR *)ctx->ptr;
    pattern = ctx->pattern;
    if (pattern[0] == SRE_OP_INFO) {
        /* Optimisation info block: <INFO> <1=skip> <2=flags> <3=min> ... */
        if (pattern[3] && (Py_ssize_t)pattern[3] > end - ptr)
            RETURN_FAILURE;
        pattern += pattern[1] + 1;
    }

    for (;;) {
        if ((++state->sigcount & 0xfff) == 0 && PyErr_CheckSignals())
            RETURN_ERROR(SRE_ERROR_INTERRUPTED);

        switch (*pattern++) {

        case SRE_OP_MARK:
            /* Set a group boundary: <MARK> <gid> */
            i = pattern[0];
            if (i >= state->nmarks)
                RETURN_ERROR(SRE_ERROR_ILLEGAL);
            if (i & 1)
                state->lastindex = i / 2 + 1;
            if (i > state->lastmark) {
                /* Marks between the old and the new last mark were never set. */
                Py_ssize_t j = state->lastmark + 1;
                while (j < i)
                    state->mark[j++] = NULL;
                state->lastmark = i;
            }
            state->mark[i] = ptr;
            pattern++;
            break;

        case SRE_OP_LITERAL:
            if (ptr >= end || (SRE_CODE)ptr[0] != pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL:
            if (ptr >= end || (SRE_CODE)ptr[0] == pattern[0])
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_SUCCESS:
            /* End of the (sub)pattern; the outermost one obeys fullmatch/must_advance. */
            if (ctx->toplevel &&
                ((state->match_all && ptr != end) ||
                 (state->must_advance && (const void *)ptr == state->start)))
                RETURN_FAILURE;
            state->ptr = ptr;
            RETURN_SUCCESS;

        case SRE_OP_AT:
            if (!SRE(at)(state, ptr, *pattern))
                RETURN_FAILURE;
            pattern++;
            break;

        case SRE_OP_CATEGORY:
            if (ptr >= end || !sre_category(pattern[0], ptr[0]))
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_ANY:
            if (ptr >= end || SRE_IS_LINEBREAK(ptr[0]))
                RETURN_FAILURE;
            ptr++;
            break;

        case SRE_OP_ANY_ALL:
            if (ptr >= end)
                RETURN_FAILURE;
            ptr++;
            break;

        case SRE_OP_IN:
            if (ptr >= end || !sre_charset(state, pattern + 1, *ptr))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(*ptr) != *pattern)
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_LITERAL_UNI_IGNORE:
            if (ptr >= end || sre_lower_unicode(*ptr) != *pattern)
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_LITERAL_LOC_IGNORE:
            if (ptr >= end || !sre_char_loc_ignore(*pattern, *ptr))
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(*ptr) == *pattern)
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
            if (ptr >= end || sre_lower_unicode(*ptr) == *pattern)
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (ptr >= end || sre_char_loc_ignore(*pattern, *ptr))
                RETURN_FAILURE;
            pattern++;
            ptr++;
            break;

        case SRE_OP_IN_IGNORE:
            if (ptr >= end || !sre_charset(state, pattern + 1, sre_lower_ascii(*ptr)))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_IN_UNI_IGNORE:
            if (ptr >= end || !sre_charset(state, pattern + 1, sre_lower_unicode(*ptr)))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !sre_charset_loc_ignore(state, pattern + 1, *ptr))
                RETURN_FAILURE;
            pattern += pattern[0];
            ptr++;
            break;

        case SRE_OP_JUMP:
        case SRE_OP_INFO:
            /* <JUMP> <offset> */
            pattern += pattern[0];
            break;

        case SRE_OP_BRANCH:
            /* Alternation: <BRANCH> <0=skip> code <JUMP> ... <NULL> */
            LASTMARK_SAVE();
            if (state->repeat)
                MARK_PUSH();
            for (; pattern[0]; pattern += pattern[0]) {
                /* Skip alternatives whose first character cannot match here. */
                if (pattern[1] == SRE_OP_LITERAL &&
                    (ptr >= end || (SRE_CODE)*ptr != pattern[2]))
                    continue;
                if (pattern[1] == SRE_OP_IN &&
                    (ptr >= end || !sre_charset(state, pattern + 3, *ptr)))
                    continue;
                state->ptr = ptr;
                DO_JUMP(JUMP_BRANCH, jump_branch, pattern + 1);
                if (ret) {
                    MARK_POP_DISCARD();
                    RETURN_SUCCESS;
                }
                MARK_POP_KEEP();
                LASTMARK_RESTORE();
            }
            MARK_POP_DISCARD();
            RETURN_FAILURE;

        case SRE_OP_REPEAT_ONE:
            /* Greedy repeat of a one-character item:
             * <REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail */
            if ((Py_ssize_t)pattern[1] > end - ptr)
                RETURN_FAILURE;
            state->ptr = ptr;
            ctx->count = SRE(count)(state, pattern + 3, pattern[2]);
            ptr += ctx->count;
            if (ctx->count < (Py_ssize_t)pattern[1])
                RETURN_FAILURE;
            if (pattern[pattern[0]] == SRE_OP_SUCCESS && ptr == end &&
                !(ctx->toplevel && state->must_advance && (const void *)ptr == state->start)) {
                /* Tail is empty and everything was eaten: done. */
                state->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (state->repeat)
                MARK_PUSH();
            if (pattern[pattern[0]] == SRE_OP_LITERAL ||
                sre_tail_literal(state, pattern + pattern[0]) != NULL) {
                /* Tail starts with a literal (maybe after MARKs that a failure leaves
                 * unseen): only stop where it can match. */
                ctx->chr = pattern[pattern[0]] == SRE_OP_LITERAL
                               ? pattern[pattern[0] + 1]
                               : sre_tail_literal(state, pattern + pattern[0])[1];
                for (;;) {
                    while (ctx->count >= (Py_ssize_t)pattern[1] &&
                           (ptr >= end || (SRE_CODE)*ptr != ctx->chr)) {
                        ptr--;
                        ctx->count--;
                    }
                    if (ctx->count < (Py_ssize_t)pattern[1])
                        break;
                    state->ptr = ptr;
                    DO_JUMP(JUMP_REPEAT_ONE_1, jump_repeat_one_1, pattern + pattern[0]);
                    if (ret) {
                        MARK_POP_DISCARD();
                        RETURN_SUCCESS;
                    }
                    MARK_POP_KEEP();
                    LASTMARK_RESTORE();
                    ptr--;
                    ctx->count--;
                }
            } else {
                while (ctx->count >= (Py_ssize_t)pattern[1]) {
                    state->ptr = ptr;
                    DO_JUMP(JUMP_REPEAT_ONE_2, jump_repeat_one_2, pattern + pattern[0]);
                    if (ret) {
                        MARK_POP_DISCARD();
                        RETURN_SUCCESS;
                    }
                    MARK_POP_KEEP();
                    LASTMARK_RESTORE();
                    ptr--;
                    ctx->count--;
                }
            }
            MARK_POP_DISCARD();
            RETURN_FAILURE;

        case SRE_OP_MIN_REPEAT_ONE:
            /* Lazy repeat of a one-character item:
             * <MIN_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail */
            if ((Py_ssize_t)pattern[1] > end - ptr)
                RETURN_FAILURE;
            state->ptr = ptr;
            if (pattern[1] == 0) {
                ctx->count = 0;
            } else {
                ctx->count = SRE(count)(state, pattern + 3, pattern[1]);
                if (ctx->count < (Py_ssize_t)pattern[1])
                    RETURN_FAILURE;
                ptr += ctx->count;
            }
            if (pattern[pattern[0]] == SRE_OP_SUCCESS &&
                !(ctx->toplevel &&
                  ((state->match_all && ptr != end) ||
                   (state->must_advance && (const void *)ptr == state->start)))) {
                state->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (state->repeat)
                MARK_PUSH();
            while (pattern[2] == SRE_MAXREPEAT || ctx->count <= (Py_ssize_t)pattern[2]) {
                state->ptr = ptr;
                DO_JUMP(JUMP_MIN_REPEAT_ONE, jump_min_repeat_one, pattern + pattern[0]);
                if (ret) {
                    MARK_POP_DISCARD();
                    RETURN_SUCCESS;
                }
                MARK_POP_KEEP();
                LASTMARK_RESTORE();
                state->ptr = ptr;
                if (SRE(count)(state, pattern + 3, 1) == 0)
                    break;
                ptr++;
                ctx->count++;
            }
            MARK_POP_DISCARD();
            RETURN_FAILURE;

        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            /* Possessive repeat of a one-character item: never gives anything back.
             * <POSSESSIVE_REPEAT_ONE> <skip> <1=min> <2=max> item <SUCCESS> tail */
            if ((Py_ssize_t)pattern[1] > end - ptr)
                RETURN_FAILURE;
            state->ptr = ptr;
            ctx->count = SRE(count)(state, pattern + 3, pattern[2]);
            ptr += ctx->count;
            if (ctx->count < (Py_ssize_t)pattern[1])
                RETURN_FAILURE;
            pattern += pattern[0];
            break;

        case SRE_OP_REPEAT:
            /* General repeat: installs a repeat context, then runs the UNTIL opcode that
             * ends the body.  <REPEAT> <skip> <1=min> <2=max> item <UNTIL> tail */
            ctx->rep = sre_repeat_new(state);
            if (ctx->rep == NULL)
                RETURN_ERROR(SRE_ERROR_MEMORY);
            ctx->rep->count = -1;
            ctx->rep->pattern = pattern;
            ctx->rep->prev = state->repeat;
            ctx->rep->last_ptr = NULL;
            state->repeat = ctx->rep;
            state->ptr = ptr;
            DO_JUMP(JUMP_REPEAT, jump_repeat, pattern + pattern[0]);
            state->repeat = ctx->rep->prev;
            sre_repeat_free(state, ctx->rep);
            ctx->rep = NULL;
            if (ret)
                RETURN_SUCCESS;
            RETURN_FAILURE;

        case SRE_OP_MAX_UNTIL:
            /* End of a greedy repeat body: try one more iteration, then the tail. */
            ctx->rep = state->repeat;
            if (ctx->rep == NULL)
                RETURN_ERROR(SRE_ERROR_STATE);
            state->ptr = ptr;
            ctx->count = ctx->rep->count + 1;
            if (ctx->count < (Py_ssize_t)ctx->rep->pattern[1]) {
                /* Not enough iterations yet. */
                ctx->rep->count = ctx->count;
                DO_JUMP(JUMP_MAX_UNTIL_1, jump_max_until_1, ctx->rep->pattern + 3);
                if (ret)
                    RETURN_SUCCESS;
                ctx->rep->count = ctx->count - 1;
                state->ptr = ptr;
                RETURN_FAILURE;
            }
            if ((ctx->count < (Py_ssize_t)ctx->rep->pattern[2] ||
                 ctx->rep->pattern[2] == SRE_MAXREPEAT) &&
                state->ptr != ctx->rep->last_ptr) {
                /* Try another iteration (unless the last one matched the empty string). */
                ctx->rep->count = ctx->count;
                LASTMARK_SAVE();
                MARK_PUSH();
                ctx->saved = ctx->rep->last_ptr;
                ctx->rep->last_ptr = state->ptr;
                DO_JUMP(JUMP_MAX_UNTIL_2, jump_max_until_2, ctx->rep->pattern + 3);
                ctx->rep->last_ptr = ctx->saved;
                if (ret) {
                    MARK_POP_DISCARD();
                    RETURN_SUCCESS;
                }
                MARK_POP();
                LASTMARK_RESTORE();
                ctx->rep->count = ctx->count - 1;
                state->ptr = ptr;
            }
            /* No more iterations here: the tail must match. */
            state->repeat = ctx->rep->prev;
            DO_JUMP(JUMP_MAX_UNTIL_3, jump_max_until_3, pattern);
            state->repeat = ctx->rep;
            if (ret)
                RETURN_SUCCESS;
            state->ptr = ptr;
            RETURN_FAILURE;

        case SRE_OP_MIN_UNTIL:
            /* End of a lazy repeat body: try the tail first, then one more iteration. */
            ctx->rep = state->repeat;
            if (ctx->rep == NULL)
                RETURN_ERROR(SRE_ERROR_STATE);
            state->ptr = ptr;
            ctx->count = ctx->rep->count + 1;
            if (ctx->count < (Py_ssize_t)ctx->rep->pattern[1]) {
                ctx->rep->count = ctx->count;
                DO_JUMP(JUMP_MIN_UNTIL_1, jump_min_until_1, ctx->rep->pattern + 3);
                if (ret)
                    RETURN_SUCCESS;
                ctx->rep->count = ctx->count - 1;
                state->ptr = ptr;
                RETURN_FAILURE;
            }
            state->repeat = ctx->rep->prev;
            LASTMARK_SAVE();
            if (state->repeat)
                MARK_PUSH();
            DO_JUMP(JUMP_MIN_UNTIL_2, jump_min_until_2, pattern);
            state->repeat = ctx->rep;
            if (ret) {
                MARK_POP_DISCARD();
                RETURN_SUCCESS;
            }
            MARK_POP();
            LASTMARK_RESTORE();
            state->ptr = ptr;
            if ((ctx->count >= (Py_ssize_t)ctx->rep->pattern[2] &&
                 ctx->rep->pattern[2] != SRE_MAXREPEAT) ||
                state->ptr == ctx->rep->last_ptr)
                RETURN_FAILURE;
            ctx->rep->count = ctx->count;
            ctx->saved = ctx->rep->last_ptr;
            ctx->rep->last_ptr = state->ptr;
            DO_JUMP(JUMP_MIN_UNTIL_3, jump_min_until_3, ctx->rep->pattern + 3);
            ctx->rep->last_ptr = ctx->saved;
            if (ret)
                RETURN_SUCCESS;
            ctx->rep->count = ctx->count - 1;
            state->ptr = ptr;
            RETURN_FAILURE;

        case SRE_OP_POSSESSIVE_REPEAT:
            /* <POSSESSIVE_REPEAT> <skip> <1=min> <2=max> pattern <SUCCESS> tail (skip -> SUCCESS)
             * Each iteration is matched atomically; the loop never backtracks. */
            state->ptr = ptr;
            ctx->count = 0;
            while (ctx->count < (Py_ssize_t)pattern[1]) {
                DO_JUMP0(JUMP_POSS_REPEAT_1, jump_poss_repeat_1, pattern + 3);
                if (!ret) {
                    state->ptr = ptr;
                    RETURN_FAILURE;
                }
                ctx->count++;
            }
            ctx->saved = NULL;
            while ((ctx->count < (Py_ssize_t)pattern[2] || pattern[2] == SRE_MAXREPEAT) &&
                   state->ptr != ctx->saved) {
                LASTMARK_SAVE();
                MARK_PUSH();
                ctx->saved = state->ptr;
                DO_JUMP0(JUMP_POSS_REPEAT_2, jump_poss_repeat_2, pattern + 3);
                if (!ret) {
                    MARK_POP();
                    LASTMARK_RESTORE();
                    state->ptr = ctx->saved;
                    break;
                }
                MARK_POP_DISCARD();
                ctx->count++;
            }
            /* skip points at the body's SUCCESS; the tail follows it. */
            ptr = (const SRE_CHAR *)state->ptr;
            pattern += pattern[0] + 1;
            break;

        case SRE_OP_ATOMIC_GROUP:
            /* <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail: first match only. */
            state->ptr = ptr;
            DO_JUMP0(JUMP_ATOMIC_GROUP, jump_atomic_group, pattern + 1);
            if (!ret)
                RETURN_FAILURE;
            ptr = (const SRE_CHAR *)state->ptr;
            pattern += pattern[0];
            break;

        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            /* Back reference: <GROUPREF*> <group> */
            SRE_CODE op = pattern[-1];
            Py_ssize_t groupref = (Py_ssize_t)pattern[0] * 2;
            const SRE_CHAR *p, *e;
            if (groupref >= state->lastmark)
                RETURN_FAILURE;
            p = (const SRE_CHAR *)state->mark[groupref];
            e = (const SRE_CHAR *)state->mark[groupref + 1];
            if (!p || !e || e < p)
                RETURN_FAILURE;
            while (p < e) {
                if (ptr >= end || !sre_chars_equal(op, *ptr, *p))
                    RETURN_FAILURE;
                p++;
                ptr++;
            }
            pattern++;
            break;
        }

        case SRE_OP_GROUPREF_EXISTS: {
            /* <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno ... */
            Py_ssize_t groupref = (Py_ssize_t)pattern[0] * 2;
            const SRE_CHAR *p, *e;
            if (groupref >= state->lastmark) {
                pattern += pattern[1];
                break;
            }
            p = (const SRE_CHAR *)state->mark[groupref];
            e = (const SRE_CHAR *)state->mark[groupref + 1];
            if (!p || !e || e < p) {
                pattern += pattern[1];
                break;
            }
            pattern += 2;
            break;
        }

        case SRE_OP_ASSERT:
            /* Lookahead/lookbehind: <ASSERT> <skip> <back> <pattern> */
            if (ptr - (const SRE_CHAR *)state->beginning < (Py_ssize_t)pattern[1])
                RETURN_FAILURE;
            state->ptr = ptr - pattern[1];
            DO_JUMP0(JUMP_ASSERT, jump_assert, pattern + 2);
            if (!ret)
                RETURN_FAILURE;
            pattern += pattern[0];
            break;

        case SRE_OP_ASSERT_NOT:
            /* Negative lookahead/lookbehind: <ASSERT_NOT> <skip> <back> <pattern> */
            if (ptr - (const SRE_CHAR *)state->beginning >= (Py_ssize_t)pattern[1]) {
                state->ptr = ptr - pattern[1];
                LASTMARK_SAVE();
                if (state->repeat)
                    MARK_PUSH();
                DO_JUMP0(JUMP_ASSERT_NOT, jump_assert_not, pattern + 2);
                if (ret) {
                    MARK_POP_DISCARD();
                    RETURN_FAILURE;
                }
                MARK_POP();
                LASTMARK_RESTORE();
            }
            pattern += pattern[0];
            break;

        case SRE_OP_FAILURE:
            RETURN_FAILURE;

        default:
            RETURN_ERROR(SRE_ERROR_ILLEGAL);
        }
    }

exit:
    /* The frame on top returns ret to its parent (or to the caller). */
    if (ret < 0) {
        state->nframes = base;
        return ret;
    }
    ctx = CTX;
    if (ctx->mbase != SRE_NO_MARKS)
        sre_mark_discard(state, ctx);
    jump = ctx->jump;
    state->nframes--;
    if (state->nframes == base)
        return ret;
    ctx = CTX;
    ptr = (const SRE_CHAR *)ctx->ptr;
    pattern = ctx->pattern;
    switch (jump) {
    case JUMP_BRANCH: goto jump_branch;
    case JUMP_REPEAT_ONE_1: goto jump_repeat_one_1;
    case JUMP_REPEAT_ONE_2: goto jump_repeat_one_2;
    case JUMP_MIN_REPEAT_ONE: goto jump_min_repeat_one;
    case JUMP_REPEAT: goto jump_repeat;
    case JUMP_MAX_UNTIL_1: goto jump_max_until_1;
    case JUMP_MAX_UNTIL_2: goto jump_max_until_2;
    case JUMP_MAX_UNTIL_3: goto jump_max_until_3;
    case JUMP_MIN_UNTIL_1: goto jump_min_until_1;
    case JUMP_MIN_UNTIL_2: goto jump_min_until_2;
    case JUMP_MIN_UNTIL_3: goto jump_min_until_3;
    case JUMP_POSS_REPEAT_1: goto jump_poss_repeat_1;
    case JUMP_POSS_REPEAT_2: goto jump_poss_repeat_2;
    case JUMP_ATOMIC_GROUP: goto jump_atomic_group;
    case JUMP_ASSERT: goto jump_assert;
    case JUMP_ASSERT_NOT: goto jump_assert_not;
    }
    state->nframes = base;
    return SRE_ERROR_ILLEGAL;
}

#undef LASTMARK_SAVE
#undef LASTMARK_RESTORE
#undef MARK_PUSH
#undef MARK_POP_KEEP
#undef MARK_POP
#undef MARK_POP_DISCARD
#undef RETURN_FAILURE
#undef RETURN_SUCCESS
#undef RETURN_ERROR
#undef DO_JUMPX
#undef DO_JUMP
#undef DO_JUMP0
#undef CTX

/* Can a match start at ptr, as far as the tests from sre_first_tests tell? */
static inline int
SRE(may_start)(SRE_STATE *state, const SRE_CODE *const *tests, const SRE_CHAR *ptr)
{
    int i;
    for (i = 0; i < 2 && tests[i] != NULL; i++) {
        const SRE_CODE *t = tests[i];
        if (t[0] == SRE_OP_AT) {
            if (!SRE(at)(state, ptr, t[1]))
                return 0;
        } else if (ptr >= (const SRE_CHAR *)state->end || !sre_match_one(state, t, *ptr)) {
            return 0;
        }
    }
    return 1;
}

/* Find the leftmost match at or after state->start, using the INFO block's literal
 * prefix or first-character set to skip impossible start positions. */
static Py_ssize_t
SRE(search)(SRE_STATE *state, const SRE_CODE *pattern)
{
    const SRE_CHAR *ptr = (const SRE_CHAR *)state->start;
    const SRE_CHAR *end = (const SRE_CHAR *)state->end;
    const SRE_CHAR *strend = end;
    const SRE_CODE *prefix = NULL, *charset = NULL, *tests[2];
    Py_ssize_t status = 0, prefix_len = 0, prefix_skip = 0;
    SRE_CODE flags = 0;

    if (ptr > end)
        return 0;
    if (pattern[0] == SRE_OP_INFO) {
        /* <INFO> <1=skip> <2=flags> <3=min> <4=max> <5=prefix info> */
        flags = pattern[2];
        if (pattern[3] && end - ptr < (Py_ssize_t)pattern[3])
            return 0;
        if (pattern[3] > 1) {
            /* No match can start within min-1 characters of the end. */
            end -= pattern[3] - 1;
            if (end <= ptr)
                end = ptr;
        }
        if (flags & SRE_INFO_PREFIX) {
            /* <length> <skip> <prefix data> <overlap data> */
            prefix_len = pattern[5];
            prefix_skip = pattern[6];
            prefix = pattern + 7;
        } else if (flags & SRE_INFO_CHARSET) {
            charset = pattern + 5;
        }
        pattern += 1 + pattern[1];
    }

    if (prefix_len > 0) {
        SRE_CODE c = prefix[0];
        state->must_advance = 0;
        for (; ptr < end; ptr++) {
            Py_ssize_t k;
            if ((SRE_CODE)*ptr != c)
                continue;
            if (strend - ptr < prefix_len)
                return 0;
            for (k = 1; k < prefix_len; k++)
                if ((SRE_CODE)ptr[k] != prefix[k])
                    break;
            if (k < prefix_len)
                continue;
            state->start = ptr;
            if (flags & SRE_INFO_LITERAL) {
                state->ptr = ptr + prefix_len;
                return 1;
            }
            state->ptr = ptr + prefix_skip;
            status = SRE(match)(state, pattern + 2 * prefix_skip, 0);
            if (status != 0)
                return status;
            state->lastmark = state->lastindex = -1;
        }
        return 0;
    }

    if (charset) {
        /* The first character must be in charset, so no match is empty. */
        state->must_advance = 0;
        for (;;) {
            while (ptr < end && !sre_charset(state, charset, *ptr))
                ptr++;
            if (ptr >= end)
                return 0;
            state->start = ptr;
            state->ptr = ptr;
            status = SRE(match)(state, pattern, 0);
            if (status != 0)
                return status;
            ptr++;
            state->lastmark = state->lastindex = -1;
        }
    }

    /* General case: try every position. */
    state->start = state->ptr = ptr;
    status = SRE(match)(state, pattern, 1);
    state->must_advance = 0;
    if (status == 0 && pattern[0] == SRE_OP_AT &&
        (pattern[1] == SRE_AT_BEGINNING || pattern[1] == SRE_AT_BEGINNING_STRING)) {
        /* Anchored at the start of the string: no other position can match. */
        state->start = state->ptr = end;
        return 0;
    }
    sre_first_tests(pattern, tests);
    while (status == 0 && ptr < end) {
        ptr++;
        if (tests[0] != NULL) {
            /* Skip positions where the pattern's first test fails. */
            while (!SRE(may_start)(state, tests, ptr)) {
                if (ptr >= end) {
                    state->start = state->ptr = ptr;
                    return 0;
                }
                ptr++;
            }
        }
        state->lastmark = state->lastindex = -1;
        state->start = state->ptr = ptr;
        status = SRE(match)(state, pattern, 0);
    }
    return status;
}
