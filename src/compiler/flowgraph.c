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
                     ins->i_opcode == POP_JUMP_IF_FALSE || ins->i_opcode == POP_JUMP_IF_TRUE)) {
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

int _PyCfg_Optimize(cfg_builder *g, PyObject *consts, int firstlineno)
{
    fold_constant_conditions(g, consts);
    fold_not_after_test(g);
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
