/* cfg.h — the compiler's internal control-flow graph: instructions in basic blocks.
 * Owner: compiler-vm.  Built by compile.c (code generation), cleaned up by flowgraph.c
 * (unreachable code, jump threading, stack depth), linearised into a code object by
 * assemble.c.  Not part of the C API. */
#ifndef KRAIT_CFG_H
#define KRAIT_CFG_H
#include "Python.h"
#include "opcode.h"

typedef struct {
    int lineno, end_lineno, col_offset, end_col_offset; /* lineno -1: no location */
} srcloc;

struct basicblock_;

typedef struct {
    int i_opcode;
    int i_oparg;
    struct basicblock_ *i_target; /* jump target, or NULL */
    srcloc i_loc;
} cfg_instr;

typedef struct basicblock_ {
    struct basicblock_ *b_list;  /* every block, in allocation order (for freeing) */
    struct basicblock_ *b_next;  /* the block that follows in code order */
    cfg_instr *b_instr;
    int b_iused, b_ialloc;
    int b_startdepth;            /* stack depth on entry, -1 = not yet known */
    int b_offset;                /* code-unit offset, set by the assembler */
    int b_predecessors;          /* (line propagation) number of incoming edges */
    unsigned b_visited : 1;
    unsigned b_reachable : 1;
} basicblock;

typedef struct {
    basicblock *g_block_list;    /* allocation list */
    basicblock *g_entryblock;
    basicblock *g_curblock;
} cfg_builder;

basicblock *_PyCfg_NewBlock(cfg_builder *g);
void _PyCfg_Free(cfg_builder *g);
int _PyCfg_AddOp(basicblock *b, int opcode, int oparg, basicblock *target, srcloc loc);
int _PyCfg_HasJump(const cfg_instr *i);
/* Remove dead code, thread jumps; 0 or -1 with an exception set. */
int _PyCfg_Optimize(cfg_builder *g, PyObject *consts, int firstlineno);
/* Maximum stack depth, or -1 with an exception set. */
int _PyCfg_StackDepth(cfg_builder *g);

/* What the assembler needs besides the graph. */
typedef struct {
    PyObject *name, *qualname, *filename;
    PyObject *consts;    /* list */
    PyObject *names, *varnames, *cellvars, *freevars; /* dicts name -> index */
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;
    int firstlineno;
} assembler_input;

PyCodeObject *_PyAssemble_MakeCode(cfg_builder *g, assembler_input *in);
/* dict {name: index} -> tuple ordered by index */
PyObject *_PyCompile_DictToTuple(PyObject *dict);

#endif
