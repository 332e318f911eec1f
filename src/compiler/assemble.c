/* assemble.c — turns the optimised control-flow graph into a code object: lays blocks
 * out, resolves jump targets (iterating while EXTENDED_ARG prefixes change sizes),
 * emits 16-bit code units and the position table.  Owner: compiler-vm. */
#include "cfg.h"

static int instr_size(int oparg)
{
    return oparg <= 0xff ? 1 : oparg <= 0xffff ? 2 : oparg <= 0xffffff ? 3 : 4;
}

/* Compute block offsets and jump arguments until they stop changing. */
static void resolve_jumps(cfg_builder *g)
{
    for (int pass = 0; pass < 16; pass++) {
        int offset = 0;
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            b->b_offset = offset;
            for (int i = 0; i < b->b_iused; i++)
                offset += instr_size(b->b_instr[i].i_oparg);
        }
        int changed = 0;
        for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
            int off = b->b_offset;
            for (int i = 0; i < b->b_iused; i++) {
                cfg_instr *ins = &b->b_instr[i];
                int size = instr_size(ins->i_oparg);
                off += size;
                if (!ins->i_target) continue;
                int flags = _PyOpcode_Flags[ins->i_opcode];
                int arg = (flags & OPF_JREL) ? ins->i_target->b_offset - off
                                             : ins->i_target->b_offset;
                if (arg < 0 && (flags & OPF_JREL)) {
                    /* backward relative jumps do not exist: make it absolute */
                    ins->i_opcode = JUMP_ABSOLUTE;
                    arg = ins->i_target->b_offset;
                }
                if (instr_size(arg) != size) changed = 1;
                ins->i_oparg = arg;
            }
        }
        if (!changed) return;
    }
}

PyObject *_PyCompile_DictToTuple(PyObject *dict)
{
    Py_ssize_t n = PyDict_GET_SIZE(dict), pos = 0;
    PyObject *t = PyTuple_New(n), *k, *v;
    if (!t) return NULL;
    while (PyDict_Next(dict, &pos, &k, &v)) {
        Py_ssize_t i = PyLong_AsSsize_t(v);
        PyTuple_SET_ITEM(t, i, Py_NewRef(k));
    }
    return t;
}

PyCodeObject *_PyAssemble_MakeCode(cfg_builder *g, assembler_input *in)
{
    PyCodeObject *co = NULL;
    PyObject *code = NULL, *lt = NULL, *consts = NULL, *names = NULL, *varnames = NULL,
             *cellvars = NULL, *freevars = NULL;
    if (_PyCfg_Optimize(g, in->consts, in->firstlineno) < 0) return NULL;
    int maxdepth = _PyCfg_StackDepth(g);
    if (maxdepth < 0) return NULL;
    resolve_jumps(g);

    int ncodeunits = 0;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next)
        for (int i = 0; i < b->b_iused; i++) ncodeunits += instr_size(b->b_instr[i].i_oparg);
    code = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)ncodeunits * 2);
    lt = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)ncodeunits * 2 + 16);
    if (!code || !lt) goto done;
    _Py_CODEUNIT *out = (_Py_CODEUNIT *)PyBytes_AS_STRING(code);
    Py_ssize_t ltlen = 0;
    int prevline = in->firstlineno;
    int no_ranges = _PyInterpreterState_GET()->config.no_debug_ranges;
    for (basicblock *b = g->g_entryblock; b; b = b->b_next) {
        for (int i = 0; i < b->b_iused; i++) {
            cfg_instr *ins = &b->b_instr[i];
            int size = instr_size(ins->i_oparg);
            unsigned int arg = (unsigned int)ins->i_oparg;
            for (int k = size - 1; k >= 0; k--) {
                int op = k == 0 ? ins->i_opcode : EXTENDED_ARG;
                *out++ = _Py_MAKECODEUNIT(op, (arg >> (8 * k)) & 0xff);
                srcloc *l = &ins->i_loc;
                /* -X no_debug_ranges: line only, as (line, line, None, None) */
                int end_line = no_ranges ? l->lineno : l->end_lineno;
                if (_PyCode_WriteLocation(&lt, &ltlen, &prevline, l->lineno, end_line,
                                          no_ranges ? -1 : l->col_offset,
                                          no_ranges ? -1 : l->end_col_offset) < 0)
                    goto done;
            }
        }
    }
    if (_PyBytes_Resize(&lt, ltlen) < 0) goto done;
    consts = PyList_AsTuple(in->consts);
    names = _PyCompile_DictToTuple(in->names);
    varnames = _PyCompile_DictToTuple(in->varnames);
    cellvars = _PyCompile_DictToTuple(in->cellvars);
    freevars = _PyCompile_DictToTuple(in->freevars);
    if (!consts || !names || !varnames || !cellvars || !freevars) goto done;
    co = PyCode_NewWithPosOnlyArgs(in->argcount, in->posonlyargcount, in->kwonlyargcount,
                                   (int)PyTuple_GET_SIZE(varnames), maxdepth, in->flags,
                                   code, consts, names, varnames, freevars, cellvars,
                                   in->filename, in->name, in->qualname, in->firstlineno,
                                   lt, NULL);
done:
    Py_XDECREF(code); Py_XDECREF(lt); Py_XDECREF(consts); Py_XDECREF(names);
    Py_XDECREF(varnames); Py_XDECREF(cellvars); Py_XDECREF(freevars);
    return co;
}
