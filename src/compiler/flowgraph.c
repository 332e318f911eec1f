/* flowgraph.c — the control-flow graph: blocks, the per-opcode tables generated from
 * include/opcode.h, dead-code removal, jump threading and the stack-depth pass.
 * Owner: compiler-vm.  compile.c fills the graph; assemble.c turns it into bytes. */
#include "cfg.h"

/* ---- tables generated from the X-macro in opcode.h ---- */

const char *const _PyOpcode_OpName[256] = {
#define OPNAME(name, num, flags, effect) [num] = #name,
    KRAIT_OPCODES(OPNAME)
#undef OPNAME
};

const unsigned short _PyOpcode_Flags[256] = {
#define OPFLAGS(name, num, flags, effect) [num] = (flags),
    KRAIT_OPCODES(OPFLAGS)
#undef OPFLAGS
};

#define PY_INVALID_STACK_EFFECT INT_MAX

static int stack_effect(int opcode, int oparg, int jump)
{
    switch (opcode) {
#define OPEFFECT(name, num, flags, effect) case name: return (effect);
    KRAIT_OPCODES(OPEFFECT)
#undef OPEFFECT
    default:
        return PY_INVALID_STACK_EFFECT;
    }
}

int PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump)
{
    if (jump >= 0) return stack_effect(opcode, oparg, jump);
    int a = stack_effect(opcode, oparg, 0), b = stack_effect(opcode, oparg, 1);
    return a > b ? a : b;
}

int PyCompile_OpcodeStackEffect(int opcode, int oparg)
{
    return PyCompile_OpcodeStackEffectWithJump(opcode, oparg, -1);
}

/* ---- blocks ---- */

basicblock *_PyCfg_NewBlock(cfg_builder *g)
{
    basicblock *b = PyMem_Calloc(1, sizeof(basicblock));
    if (b == NULL) { PyErr_NoMemory(); return NULL; }
    b->b_list = g->g_block_list;
    g->g_block_list = b;
    b->b_startdepth = -1;
    return b;
}

void _PyCfg_Free(cfg_builder *g)
{
    basicblock *b = g->g_block_list;
    while (b) {
        basicblock *next = b->b_list;
        PyMem_Free(b->b_instr);
        PyMem_Free(b);
        b = next;
    }
    g->g_block_list = NULL;
}

int _PyCfg_AddOp(basicblock *b, int opcode, int oparg, basicblock *target, srcloc loc)
{
    if (b->b_iused >= b->b_ialloc) {
        int n = b->b_ialloc ? b->b_ialloc * 2 : 16;
        cfg_instr *p = PyMem_Realloc(b->b_instr, sizeof(cfg_instr) * (size_t)n);
        if (p == NULL) { PyErr_NoMemory(); return -1; }
        b->b_instr = p;
        b->b_ialloc = n;
    }
    cfg_instr *i = &b->b_instr[b->b_iused++];
    i->i_opcode = opcode;
    i->i_oparg = oparg;
    i->i_target = target;
    i->i_loc = loc;
    return 0;
}

int _PyCfg_HasJump(const cfg_instr *i)
{
    return (_PyOpcode_Flags[i->i_opcode] & (OPF_JREL | OPF_JABS)) != 0;
}

static int is_nofall(int opcode) { return (_PyOpcode_Flags[opcode] & OPF_NOFALL) != 0; }

static int block_falls_through(basicblock *b)
{
    if (b->b_iused == 0) return 1;
    return !is_nofall(b->b_instr[b->b_iused - 1].i_opcode);
}

/* ---- optimisation: jump threading and unreachable code ---- */

/* The first real instruction at or after block b (skipping empty blocks). */
static basicblock *skip_empty(basicblock *b)
{
    while (b && b->b_iused == 0) b = b->b_next;
    return b;
}

static void thread_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            if (!ins->i_target) continue;
            /* follow chains of unconditional jumps (bounded, loops are possible) */
            for (int hops = 0; hops < 8; hops++) {
                basicblock *t = skip_empty(ins->i_target);
                if (t == NULL) break;
                cfg_instr *first = &t->b_instr[0];
                if ((first->i_opcode == JUMP_ABSOLUTE || first->i_opcode == JUMP_FORWARD) &&
                    first->i_target && first->i_target != ins->i_target &&
                    (ins->i_opcode == JUMP_ABSOLUTE || ins->i_opcode == JUMP_FORWARD ||
                     ins->i_opcode == POP_JUMP_IF_FALSE || ins->i_opcode == POP_JUMP_IF_TRUE ||
                     ins->i_opcode == POP_JUMP_IF_NONE || ins->i_opcode == POP_JUMP_IF_NOT_NONE)) {
                    ins->i_target = first->i_target;
                    if (ins->i_opcode == JUMP_FORWARD) ins->i_opcode = JUMP_ABSOLUTE;
                } else {
                    ins->i_target = t;
                    break;
                }
            }
        }
    }
}

/* 3.11's jump_thread condition: a jump may skip the jump it lands on when that one has
 * the same line (or none), so no line event is lost. */
static int may_thread(const cfg_instr *ins, const cfg_instr *target)
{
    return (ins->i_loc.lineno == target->i_loc.lineno || target->i_loc.lineno < 0) &&
           ins->i_target != target->i_target;
}

/* `a and b or c`, `(a or b) or c`...: JUMP_IF_FALSE_OR_POP / JUMP_IF_TRUE_OR_POP landing on
 * another test of the same value (3.11's optimize_basic_block):
 *   x: JUMP_IF_FALSE_OR_POP y;  y: JUMP_IF_FALSE_OR_POP z / JUMP / POP_JUMP_IF_FALSE z
 *        -> x jumps to z directly (POP_JUMP_IF_FALSE for a popping target);
 *   x: JUMP_IF_FALSE_OR_POP y;  y: JUMP_IF_TRUE_OR_POP z / POP_JUMP_IF_TRUE z (same line)
 *        -> x: POP_JUMP_IF_FALSE to the instruction after y (the value is known false).
 * and the same with true and false exchanged. */
static void thread_value_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            for (int hops = 0; hops < 8; hops++) {
                if (ins->i_opcode != JUMP_IF_FALSE_OR_POP && ins->i_opcode != JUMP_IF_TRUE_OR_POP)
                    break;
                int on_true = ins->i_opcode == JUMP_IF_TRUE_OR_POP;
                int same_keep = on_true ? JUMP_IF_TRUE_OR_POP : JUMP_IF_FALSE_OR_POP;
                int same_pop = on_true ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE;
                int other_keep = on_true ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
                int other_pop = on_true ? POP_JUMP_IF_FALSE : POP_JUMP_IF_TRUE;
                basicblock *t = skip_empty(ins->i_target);
                if (t == NULL) break;
                cfg_instr *first = &t->b_instr[0];
                int op = first->i_opcode;
                if (op == same_pop || op == same_keep || op == JUMP_ABSOLUTE ||
                    op == JUMP_FORWARD) {
                    if (!may_thread(ins, first)) break;
                    ins->i_target = first->i_target;
                    if (op == same_pop) ins->i_opcode = same_pop;
                } else if ((op == other_keep || op == other_pop) && t->b_iused == 1 &&
                           t->b_next != NULL &&
                           ins->i_loc.lineno == first->i_loc.lineno) {
                    ins->i_opcode = same_pop;
                    ins->i_target = t->b_next;
                } else {
                    break;
                }
            }
        }
    }
}

static void mark_reachable(cfg_builder *g)
{
    for (basicblock *b = g->g_block_list; b; b = b->b_list) b->b_reachable = 0;
    basicblock **stack = PyMem_Malloc(sizeof(basicblock *) * 1024);
    int sp = 0, cap = 1024;
    if (!stack) return;
    stack[sp++] = g->g_entryblock;
    g->g_entryblock->b_reachable = 1;
    while (sp > 0) {
        basicblock *b = stack[--sp];
        int falls = 1;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            if (ins->i_target && !ins->i_target->b_reachable) {
                ins->i_target->b_reachable = 1;
                if (sp >= cap) { cap *= 2; stack = PyMem_Realloc(stack, sizeof(basicblock *) * (size_t)cap); }
                stack[sp++] = ins->i_target;
            }
            if (is_nofall(ins->i_opcode)) { falls = 0; b->b_iused = i + 1; break; }
        }
        if (falls && b->b_next && !b->b_next->b_reachable) {
            b->b_next->b_reachable = 1;
            if (sp >= cap) { cap *= 2; stack = PyMem_Realloc(stack, sizeof(basicblock *) * (size_t)cap); }
            stack[sp++] = b->b_next;
        }
    }
    PyMem_Free(stack);
    for (basicblock *b = g->g_entryblock; b; b = b->b_next)
        if (!b->b_reachable) b->b_iused = 0;
}

/* A jump to the very next instruction is a no-op. */
static void remove_redundant_jumps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0) continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if ((last->i_opcode == JUMP_ABSOLUTE || last->i_opcode == JUMP_FORWARD) &&
            skip_empty(last->i_target) == skip_empty(b->b_next)) {
            last->i_opcode = NOP;
            last->i_target = NULL;
        }
    }
}

/* NOPs are dropped when the neighbour keeps the line number alive. */
static void remove_nops(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        int dest = 0;
        for (int src = 0; src < b->b_iused; src++) {
            cfg_instr *ins = &b->b_instr[src];
            if (ins->i_opcode == NOP) {
                int line = ins->i_loc.lineno;
                if (line < 0) continue;
                if (dest > 0 && b->b_instr[dest - 1].i_loc.lineno == line) continue;
                if (src + 1 < b->b_iused && b->b_instr[src + 1].i_loc.lineno == line) continue;
            }
            b->b_instr[dest++] = *ins;
        }
        b->b_iused = dest;
    }
}

static void count_predecessors(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) b->b_predecessors = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0) continue;  /* (edges into it were counted past it) */
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            basicblock *t = ins->i_target ? skip_empty(ins->i_target) : NULL;
            if (t) t->b_predecessors++;
        }
        basicblock *n = b->b_next && block_falls_through(b) ? skip_empty(b->b_next) : NULL;
        if (n) n->b_predecessors++;
    }
}

static int is_plain_jump(const cfg_instr *ins)
{
    return ins->i_target && !(_PyOpcode_Flags[ins->i_opcode] & OPF_BLOCK);
}

/* A block that leaves the frame (return/raise) and has no line numbers at all. */
static int is_exit_without_lineno(basicblock *b)
{
    if (b == NULL || b->b_iused == 0) return 0;
    int op = b->b_instr[b->b_iused - 1].i_opcode;
    if (op != RETURN_VALUE && op != RERAISE && op != RAISE_VARARGS) return 0;
    for (int i = 0; i < b->b_iused; i++)
        if (b->b_instr[i].i_loc.lineno >= 0) return 0;
    return 1;
}

/* An exit block without a line reached by several jumps is copied for each jump, so
 * each copy can carry the line of the jump leading to it (3.11's
 * duplicate_exits_without_lineno: `if a: x()` then the implicit return shows the `if`
 * line on one path and x()'s on the other).  The copy goes right after the original,
 * which never falls through.  -1 on memory error. */
static int duplicate_exits_without_lineno(cfg_builder *g)
{
    count_predecessors(g);
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            if (!is_plain_jump(ins)) continue;
            basicblock *t = skip_empty(ins->i_target);
            if (!is_exit_without_lineno(t) || t->b_predecessors <= 1) continue;
            basicblock *copy = _PyCfg_NewBlock(g);
            if (copy == NULL) return -1;
            for (int j = 0; j < t->b_iused; j++) {
                cfg_instr *src = &t->b_instr[j];
                if (_PyCfg_AddOp(copy, src->i_opcode, src->i_oparg, src->i_target,
                                 src->i_loc) < 0)
                    return -1;
            }
            copy->b_instr[0].i_loc = ins->i_loc;
            copy->b_reachable = 1;
            copy->b_next = t->b_next;
            t->b_next = copy;
            ins->i_target = copy;
            t->b_predecessors--;
            copy->b_predecessors = 1;
        }
    }
    return 0;
}

#define MAX_COPY_SIZE 4

static int is_exit_block(const basicblock *b)
{
    if (b == NULL || b->b_iused == 0) return 0;
    int op = b->b_instr[b->b_iused - 1].i_opcode;
    return op == RETURN_VALUE || op == RERAISE || op == RAISE_VARARGS;
}

/* A block ending in an unconditional jump to a small exit block gets a copy of that
 * block instead of the jump (3.10/3.11's extend_block).  Without it a jump through
 * an artificial block (the POP_BLOCK closing a `try`) shared by several paths would
 * reach the implicit `return None` with no line of its own, so the return showed
 * the last line of the function instead of the line that led there.  -1 on memory
 * error. */
static int extend_blocks(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0) continue;
        cfg_instr *last = &b->b_instr[b->b_iused - 1];
        if (last->i_opcode != JUMP_ABSOLUTE && last->i_opcode != JUMP_FORWARD) continue;
        basicblock *t = skip_empty(last->i_target);
        if (t == b || !is_exit_block(t) || t->b_iused > MAX_COPY_SIZE) continue;
        int n = t->b_iused;
        last->i_opcode = NOP;  /* dropped by remove_nops unless it carries a line */
        last->i_target = NULL;
        for (int j = 0; j < n; j++) {
            cfg_instr src = t->b_instr[j];  /* (AddOp may move b's array) */
            if (_PyCfg_AddOp(b, src.i_opcode, src.i_oparg, src.i_target, src.i_loc) < 0)
                return -1;
        }
    }
    return 0;
}

/* Artificial instructions (no line) take the location of the instruction before them,
 * also across a fall-through or jump into a block with only that one way in (as 3.11's
 * propagate_line_numbers), so tracebacks and f_lineno never show line -1 there. */
static void propagate_line_numbers(cfg_builder *g)
{
    count_predecessors(g);
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0) continue;
        srcloc prev = {-1, -1, -1, -1};
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            if (ins->i_loc.lineno < 0) ins->i_loc = prev;
            else prev = ins->i_loc;
            /* (a jump in the middle of a block, e.g. FOR_ITER, ends a block in 3.11) */
            if (is_plain_jump(ins)) {
                basicblock *t = skip_empty(ins->i_target);
                if (t && t->b_predecessors == 1 && t->b_instr[0].i_loc.lineno < 0)
                    t->b_instr[0].i_loc = prev;
            }
        }
        if (b->b_next && block_falls_through(b)) {
            basicblock *n = skip_empty(b->b_next);
            if (n && n->b_iused && n->b_predecessors == 1 && n->b_instr[0].i_loc.lineno < 0)
                n->b_instr[0].i_loc = prev;
        }
    }
}

/* Whatever exit still has no line gets the last line seen in code order (or the
 * first line): a return or raise must have a line for tracebacks and the trace's
 * 'return' event. */
static void guarantee_lineno_for_exits(cfg_builder *g, int firstlineno)
{
    srcloc last = {firstlineno, firstlineno, -1, -1};
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        if (b->b_iused == 0) continue;
        cfg_instr *end = &b->b_instr[b->b_iused - 1];
        if (end->i_loc.lineno >= 0) {
            last = end->i_loc;
        } else if (end->i_opcode == RETURN_VALUE) {
            for (int i = 0; i < b->b_iused; i++)
                if (b->b_instr[i].i_loc.lineno < 0) b->b_instr[i].i_loc = last;
        }
    }
}

/* LOAD_CONST c; POP_JUMP_IF_FALSE/TRUE L (or JUMP_IF_FALSE/TRUE_OR_POP L, `and`/`or` with a
 * constant operand): the condition is known, so the load becomes a
 * NOP (it keeps the `if`/`while` line) and the jump an unconditional one or a NOP; the
 * branch never taken is then unreachable and removed (3.11's optimize_basic_block). */
static void fold_constant_conditions(cfg_builder *g, PyObject *consts)
{
    if (consts == NULL || !PyList_Check(consts)) return;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i + 1 < b->b_iused; i++) {
            cfg_instr *ld = &b->b_instr[i], *jmp = &b->b_instr[i + 1];
            int keeps = jmp->i_opcode == JUMP_IF_FALSE_OR_POP ||
                        jmp->i_opcode == JUMP_IF_TRUE_OR_POP;
            if (ld->i_opcode != LOAD_CONST ||
                (jmp->i_opcode != POP_JUMP_IF_FALSE && jmp->i_opcode != POP_JUMP_IF_TRUE &&
                 !keeps) ||
                ld->i_oparg < 0 || ld->i_oparg >= PyList_GET_SIZE(consts))
                continue;
            int truth = PyObject_IsTrue(PyList_GET_ITEM(consts, ld->i_oparg));
            if (truth < 0) { PyErr_Clear(); continue; }
            if (keeps) {
                /* `True and x`, `False or x`: the constant is popped, x evaluated; `False
                 * and x`, `True or x`: the constant is the result, a jump past x */
                if (truth == (jmp->i_opcode == JUMP_IF_TRUE_OR_POP)) {
                    jmp->i_opcode = JUMP_ABSOLUTE;
                } else {
                    ld->i_opcode = NOP;
                    ld->i_oparg = 0;
                    jmp->i_opcode = NOP;
                    jmp->i_target = NULL;
                }
                jmp->i_oparg = 0;
                continue;
            }
            ld->i_opcode = NOP;
            ld->i_oparg = 0;
            if (truth == (jmp->i_opcode == POP_JUMP_IF_TRUE)) {
                jmp->i_opcode = JUMP_ABSOLUTE;
            } else {
                jmp->i_opcode = NOP;
                jmp->i_target = NULL;
            }
            jmp->i_oparg = 0;
        }
    }
}

/* `if x is None:` — LOAD_CONST None; IS_OP; POP_JUMP_IF_FALSE/TRUE — tests and jumps
 * in one POP_JUMP_IF_NONE/NOT_NONE, the load and test left as NOPs (3.11's
 * optimize_basic_block; `None is x` is left alone, as there). */
static void fold_is_none_jumps(cfg_builder *g, PyObject *consts)
{
    if (consts == NULL || !PyList_Check(consts)) return;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i + 2 < b->b_iused; i++) {
            cfg_instr *ld = &b->b_instr[i], *is = &b->b_instr[i + 1], *jmp = &b->b_instr[i + 2];
            if (ld->i_opcode != LOAD_CONST || is->i_opcode != IS_OP ||
                (jmp->i_opcode != POP_JUMP_IF_FALSE && jmp->i_opcode != POP_JUMP_IF_TRUE) ||
                ld->i_oparg < 0 || ld->i_oparg >= PyList_GET_SIZE(consts) ||
                PyList_GET_ITEM(consts, ld->i_oparg) != Py_None)
                continue;
            int jump_if_not_none = is->i_oparg != 0;  /* `is not` */
            if (jmp->i_opcode == POP_JUMP_IF_FALSE) jump_if_not_none = !jump_if_not_none;
            ld->i_opcode = NOP;
            ld->i_oparg = 0;
            is->i_opcode = NOP;
            is->i_oparg = 0;
            jmp->i_opcode = jump_if_not_none ? POP_JUMP_IF_NOT_NONE : POP_JUMP_IF_NONE;
        }
    }
}

/* `not (a is b)` / `not (a in b)`: IS_OP/CONTAINS_OP with the inverted oparg, no
 * UNARY_NOT (3.11's optimize_basic_block). */
static void fold_not_after_test(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i + 1 < b->b_iused; i++) {
            cfg_instr *test = &b->b_instr[i], *neg = &b->b_instr[i + 1];
            if ((test->i_opcode == IS_OP || test->i_opcode == CONTAINS_OP) &&
                neg->i_opcode == UNARY_NOT) {
                test->i_oparg ^= 1;
                neg->i_opcode = NOP;
            }
        }
    }
}

/* ---- tuple packing/unpacking and SWAPs (3.11's optimize_basic_block) ---- */

/* Instructions that may trade places: they only pop the top of the stack, cannot raise,
 * jump or run user code (beyond a finaliser). */
static int is_swappable(int opcode) { return opcode == STORE_FAST || opcode == POP_TOP; }

/* The local an instruction stores to, or -1. */
static int stores_to(const cfg_instr *ins)
{
    return ins->i_opcode == STORE_FAST ? ins->i_oparg : -1;
}

/* A run of SWAPs (and NOPs) starting at b_instr[*ix] is replaced by the fewest SWAPs
 * giving the same permutation, placed at the end of the run with NOPs before them
 * (3.11's swaptimize).  *ix moves to the run's last instruction.  -1 on memory error. */
static int rewrite_swap_run(basicblock *b, int *ix)
{
    cfg_instr *run = &b->b_instr[*ix];
    int depth = run[0].i_oparg, len = 1, more = 0, limit = b->b_iused - *ix;
    for (; len < limit; len++) {
        if (run[len].i_opcode == SWAP) {
            if (run[len].i_oparg > depth) depth = run[len].i_oparg;
            more = 1;
        } else if (run[len].i_opcode != NOP) {
            break;
        }
    }
    if (!more) return 0;  /* a single SWAP is already optimal */
    /* perm[k]: which of the original items ends at depth k (0 = top) */
    int *perm = PyMem_Malloc(sizeof(int) * (size_t)depth);
    if (perm == NULL) { PyErr_NoMemory(); return -1; }
    for (int k = 0; k < depth; k++) perm[k] = k;
    for (int k = 0; k < len; k++) {
        if (run[k].i_opcode != SWAP) continue;
        int d = run[k].i_oparg - 1, top = perm[0];
        perm[0] = perm[d];
        perm[d] = top;
    }
    /* Walk each cycle of the permutation through position 0; the SWAPs that undo the
     * shuffle, written from the end backwards, perform it. */
    enum { DONE = -1 };
    int out = len - 1;
    for (int start = 0; start < depth; start++) {
        if (perm[start] == DONE || perm[start] == start) continue;
        int k = start;
        for (;;) {
            if (k != 0) {
                run[out].i_opcode = SWAP;
                run[out].i_oparg = k + 1;
                run[out].i_target = NULL;
                out--;
            }
            if (perm[k] == DONE) break;
            int next = perm[k];
            perm[k] = DONE;
            k = next;
        }
    }
    for (; out >= 0; out--) {
        run[out].i_opcode = NOP;
        run[out].i_oparg = 0;
    }
    PyMem_Free(perm);
    *ix += len - 1;
    return 0;
}

/* The next swappable instruction after b_instr[i] (skipping NOPs), or -1 when another
 * instruction comes first, or (lineno >= 0) an instruction of another line: reordering
 * across a line boundary would change what a line event sees bound. */
static int next_swappable(basicblock *b, int i, int lineno)
{
    while (++i < b->b_iused) {
        cfg_instr *ins = &b->b_instr[i];
        if (lineno >= 0 && ins->i_loc.lineno != lineno) return -1;
        if (ins->i_opcode == NOP) continue;
        return is_swappable(ins->i_opcode) ? i : -1;
    }
    return -1;
}

/* SWAP n followed by n swappable stores becomes the stores with the first and the n-th
 * exchanged (`a, b = x, y`: LOAD x, LOAD y, STORE b, STORE a), working leftwards from
 * b_instr[i] (3.11's apply_static_swaps).  Two stores to the same local never trade
 * places (`a, a = x, y` must leave y: CPython 3.11.4's fix, gh-104615). */
static void apply_static_swaps(basicblock *b, int i)
{
    for (; i >= 0; i--) {
        cfg_instr *swap = &b->b_instr[i];
        if (swap->i_opcode != SWAP) {
            if (swap->i_opcode == NOP || is_swappable(swap->i_opcode)) continue;
            return;
        }
        int j = next_swappable(b, i, -1);
        if (j < 0) return;
        int k = j, lineno = b->b_instr[j].i_loc.lineno;
        for (int count = swap->i_oparg - 1; count > 0; count--) {
            k = next_swappable(b, k, lineno);
            if (k < 0) return;
        }
        int sj = stores_to(&b->b_instr[j]), sk = stores_to(&b->b_instr[k]);
        if (sj >= 0 || sk >= 0) {
            if (sj == sk) return;
            for (int m = j + 1; m < k; m++) {
                int sm = stores_to(&b->b_instr[m]);
                if (sm >= 0 && (sm == sj || sm == sk)) return;
            }
        }
        swap->i_opcode = NOP;
        swap->i_oparg = 0;
        cfg_instr tmp = b->b_instr[j];
        b->b_instr[j] = b->b_instr[k];
        b->b_instr[k] = tmp;
    }
}

/* BUILD_TUPLE n; UNPACK_SEQUENCE n (`a, b = x, y`) needs no tuple: NOP NOP for n = 1,
 * NOP SWAP n for n = 2 or 3; then SWAPs are minimised and, where only local stores and
 * POP_TOPs follow, applied statically.  -1 on memory error. */
static int optimize_swaps(cfg_builder *g)
{
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            if (ins->i_opcode == BUILD_TUPLE && i + 1 < b->b_iused &&
                ins[1].i_opcode == UNPACK_SEQUENCE && ins[1].i_oparg == ins->i_oparg &&
                ins->i_oparg >= 1 && ins->i_oparg <= 3) {
                int n = ins->i_oparg;
                ins->i_opcode = NOP;
                ins->i_oparg = 0;
                ins[1].i_opcode = n == 1 ? NOP : SWAP;
                if (n == 1) ins[1].i_oparg = 0;
                continue;  /* the SWAP is looked at next */
            }
            if (ins->i_opcode != SWAP) continue;
            if (ins->i_oparg == 1) {
                ins->i_opcode = NOP;
                ins->i_oparg = 0;
                continue;
            }
            if (rewrite_swap_run(b, &i) < 0) return -1;
            apply_static_swaps(b, i);
        }
    }
    return 0;
}

int _PyCfg_Optimize(cfg_builder *g, PyObject *consts, int firstlineno)
{
    if (optimize_swaps(g) < 0) return -1;
    fold_constant_conditions(g, consts);
    fold_is_none_jumps(g, consts);
    fold_not_after_test(g);
    thread_value_jumps(g);
    thread_jumps(g);
    if (extend_blocks(g) < 0) return -1;
    mark_reachable(g);
    remove_redundant_jumps(g);
    remove_nops(g);
    if (duplicate_exits_without_lineno(g) < 0) return -1;
    propagate_line_numbers(g);
    guarantee_lineno_for_exits(g, firstlineno);
    return 0;
}

/* ---- stack depth ---- */

int _PyCfg_StackDepth(cfg_builder *g)
{
    int maxdepth = 0, nblocks = 0, sp = 0;
    for (basicblock *b = g->g_block_list; b; b = b->b_list) {
        b->b_startdepth = -1;
        nblocks++;
    }
    basicblock **stack = PyMem_Malloc(sizeof(basicblock *) * (size_t)(nblocks + 1));
    if (!stack) { PyErr_NoMemory(); return -1; }
#define PUSH_BLOCK(blk, depth) do { \
        if ((blk)->b_startdepth < (depth) ) { \
            if ((blk)->b_startdepth < 0) stack[sp++] = (blk); \
            (blk)->b_startdepth = (depth); \
        } \
    } while (0)
    PUSH_BLOCK(g->g_entryblock, 0);
    while (sp > 0) {
        basicblock *b = stack[--sp];
        int depth = b->b_startdepth;
        int falls = 1;
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            int effect = stack_effect(ins->i_opcode, ins->i_oparg, 0);
            if (effect == PY_INVALID_STACK_EFFECT) {
                PyErr_Format(PyExc_SystemError, "compiler: invalid opcode %d", ins->i_opcode);
                PyMem_Free(stack);
                return -1;
            }
            if (ins->i_target) {
                int jdepth = depth + stack_effect(ins->i_opcode, ins->i_oparg, 1);
                if (jdepth > maxdepth) maxdepth = jdepth;
                if (ins->i_target->b_startdepth < jdepth) {
                    if (ins->i_target->b_startdepth < 0 || 1) {
                        int known = ins->i_target->b_startdepth >= 0;
                        ins->i_target->b_startdepth = jdepth;
                        if (!known) stack[sp++] = ins->i_target;
                    }
                }
            }
            depth += effect;
            if (depth > maxdepth) maxdepth = depth;
            if (depth < 0) {
                PyErr_Format(PyExc_SystemError, "compiler: stack underflow at %s",
                             _PyOpcode_OpName[ins->i_opcode]);
                PyMem_Free(stack);
                return -1;
            }
            if (is_nofall(ins->i_opcode)) { falls = 0; break; }
        }
        if (falls && b->b_next) {
            if (b->b_next->b_startdepth < depth) {
                int known = b->b_next->b_startdepth >= 0;
                b->b_next->b_startdepth = depth;
                if (!known) stack[sp++] = b->b_next;
            }
        }
    }
#undef PUSH_BLOCK
    PyMem_Free(stack);
    (void)block_falls_through;
    return maxdepth;
}
