/* opcode.h — Krait's instruction set: the one source of truth for every opcode.
 * Owner: compiler-vm.  The X-macro below generates the eval loop's dispatch table
 * (src/vm/ceval.c), the compiler's stack-depth pass (src/compiler/flowgraph.c), the
 * opcode names for -X lltrace, and lib/opcode.py (tools/gen_opcode.py parses this file).
 *
 * Code is a sequence of 16-bit code units: low byte opcode, high byte argument.
 * Arguments wider than 8 bits are built with EXTENDED_ARG prefixes.  Jump arguments are
 * in code units (JREL: relative to the next instruction, JABS: absolute).
 * Design: 3.10's block stack (SETUP_FINALLY/SETUP_WITH/POP_BLOCK) for try/with, plus
 * 3.11's BINARY_OP with an operator argument and LOAD_METHOD/CALL_METHOD.
 * When an exception reaches a handler the stack is cut to the block's level and two
 * values are pushed: the previously handled exception (or None) and the new one. */
#ifndef Py_OPCODE_H
#define Py_OPCODE_H

/* Flags (third column). */
#define OPF_ARG 0x01     /* uses its argument */
#define OPF_JREL 0x02    /* relative jump */
#define OPF_JABS 0x04    /* absolute jump */
#define OPF_LOCAL 0x08   /* argument indexes co_varnames */
#define OPF_NAME 0x10    /* argument indexes co_names */
#define OPF_CONST 0x20   /* argument indexes co_consts */
#define OPF_FREE 0x40    /* argument indexes cells + free variables */
#define OPF_COMPARE 0x80 /* argument is a comparison operator */
#define OPF_NOFALL 0x100 /* never continues with the next instruction */
#define OPF_BLOCK 0x200  /* pushes a block whose handler is the jump target */

/* X(name, number, flags, stack effect) — the stack effect is a C expression in
 * `oparg` and `jump` (1 when the branch to the jump target is taken). */
#define KRAIT_OPCODES(X)                                                            \
    X(NOP,                    0, 0, 0)                                              \
    X(POP_TOP,                1, 0, -1)                                             \
    X(ROT_TWO,                2, 0, 0)                                              \
    X(ROT_THREE,              3, 0, 0)                                              \
    X(DUP_TOP,                4, 0, 1)                                              \
    X(DUP_TOP_TWO,            5, 0, 2)                                              \
    X(ROT_FOUR,               6, 0, 0)                                              \
    X(UNARY_POSITIVE,        10, 0, 0)                                              \
    X(UNARY_NEGATIVE,        11, 0, 0)                                              \
    X(UNARY_NOT,             12, 0, 0)                                              \
    X(UNARY_INVERT,          15, 0, 0)                                              \
    X(BINARY_SUBSCR,         25, 0, -1)                                             \
    X(GET_LEN,               30, 0, 1)                                              \
    X(MATCH_MAPPING,         31, 0, 1)                                              \
    X(MATCH_SEQUENCE,        32, 0, 1)                                              \
    X(MATCH_KEYS,            33, 0, 1)                                              \
    X(COPY_DICT_WITHOUT_KEYS,34, 0, 0)                                              \
    X(CHECK_EG_MATCH,        36, 0, 0)                                              \
    X(PREP_RERAISE_STAR,     37, 0, -1)                                             \
    X(WITH_EXCEPT_START,     49, 0, 1)                                              \
    X(GET_AITER,             50, 0, 0)                                              \
    X(GET_ANEXT,             51, 0, 1)                                              \
    X(BEFORE_ASYNC_WITH,     52, 0, 1)                                              \
    X(END_ASYNC_FOR,         54, 0, -3)                                             \
    X(STORE_SUBSCR,          60, 0, -3)                                             \
    X(DELETE_SUBSCR,         61, 0, -2)                                             \
    X(GET_ITER,              68, 0, 0)                                              \
    X(GET_YIELD_FROM_ITER,   69, 0, 0)                                              \
    X(PRINT_EXPR,            70, 0, -1)                                             \
    X(LOAD_BUILD_CLASS,      71, 0, 1)                                              \
    X(YIELD_FROM,            72, 0, -1)                                             \
    X(GET_AWAITABLE,         73, OPF_ARG, 0)                                        \
    X(LOAD_ASSERTION_ERROR,  74, 0, 1)                                              \
    X(LIST_TO_TUPLE,         82, 0, 0)                                              \
    X(RETURN_VALUE,          83, OPF_NOFALL, -1)                                    \
    X(IMPORT_STAR,           84, 0, -1)                                             \
    X(SETUP_ANNOTATIONS,     85, 0, 0)                                              \
    X(YIELD_VALUE,           86, 0, 0)                                              \
    X(POP_BLOCK,             87, 0, 0)                                              \
    X(POP_EXCEPT,            89, 0, -1)                                             \
    X(STORE_NAME,            90, OPF_ARG | OPF_NAME, -1)                            \
    X(DELETE_NAME,           91, OPF_ARG | OPF_NAME, 0)                             \
    X(UNPACK_SEQUENCE,       92, OPF_ARG, (oparg) - 1)                              \
    X(FOR_ITER,              93, OPF_ARG | OPF_JREL, (jump) ? -1 : 1)               \
    X(UNPACK_EX,             94, OPF_ARG, ((oparg) & 0xFF) + ((oparg) >> 8))        \
    X(STORE_ATTR,            95, OPF_ARG | OPF_NAME, -2)                            \
    X(DELETE_ATTR,           96, OPF_ARG | OPF_NAME, -1)                            \
    X(STORE_GLOBAL,          97, OPF_ARG | OPF_NAME, -1)                            \
    X(DELETE_GLOBAL,         98, OPF_ARG | OPF_NAME, 0)                             \
    X(ROT_N,                 99, OPF_ARG, 0)                                        \
    X(LOAD_CONST,           100, OPF_ARG | OPF_CONST, 1)                            \
    X(LOAD_NAME,            101, OPF_ARG | OPF_NAME, 1)                             \
    X(BUILD_TUPLE,          102, OPF_ARG, 1 - (oparg))                              \
    X(BUILD_LIST,           103, OPF_ARG, 1 - (oparg))                              \
    X(BUILD_SET,            104, OPF_ARG, 1 - (oparg))                              \
    X(BUILD_MAP,            105, OPF_ARG, 1 - 2 * (oparg))                          \
    X(LOAD_ATTR,            106, OPF_ARG | OPF_NAME, 0)                             \
    X(COMPARE_OP,           107, OPF_ARG | OPF_COMPARE, -1)                         \
    X(IMPORT_NAME,          108, OPF_ARG | OPF_NAME, -1)                            \
    X(IMPORT_FROM,          109, OPF_ARG | OPF_NAME, 1)                             \
    X(JUMP_FORWARD,         110, OPF_ARG | OPF_JREL | OPF_NOFALL, 0)                \
    X(JUMP_IF_FALSE_OR_POP, 111, OPF_ARG | OPF_JABS, (jump) ? 0 : -1)               \
    X(JUMP_IF_TRUE_OR_POP,  112, OPF_ARG | OPF_JABS, (jump) ? 0 : -1)               \
    X(JUMP_ABSOLUTE,        113, OPF_ARG | OPF_JABS | OPF_NOFALL, 0)                \
    X(POP_JUMP_IF_FALSE,    114, OPF_ARG | OPF_JABS, -1)                            \
    X(POP_JUMP_IF_TRUE,     115, OPF_ARG | OPF_JABS, -1)                            \
    X(LOAD_GLOBAL,          116, OPF_ARG | OPF_NAME, 1)                             \
    X(IS_OP,                117, OPF_ARG, -1)                                       \
    X(CONTAINS_OP,          118, OPF_ARG, -1)                                       \
    X(RERAISE,              119, OPF_ARG | OPF_NOFALL, -1)                          \
    X(COPY,                 120, OPF_ARG, 1)                                        \
    X(JUMP_IF_NOT_EXC_MATCH,121, OPF_ARG | OPF_JABS, -1)                            \
    X(SETUP_FINALLY,        122, OPF_ARG | OPF_JREL | OPF_BLOCK, (jump) ? 2 : 0)    \
    X(SWAP,                 123, OPF_ARG, 0)                                        \
    X(LOAD_FAST,            124, OPF_ARG | OPF_LOCAL, 1)                            \
    X(STORE_FAST,           125, OPF_ARG | OPF_LOCAL, -1)                           \
    X(DELETE_FAST,          126, OPF_ARG | OPF_LOCAL, 0)                            \
    X(POP_JUMP_IF_NOT_NONE, 128, OPF_ARG | OPF_JABS, -1)                            \
    X(POP_JUMP_IF_NONE,     129, OPF_ARG | OPF_JABS, -1)                            \
    X(RAISE_VARARGS,        130, OPF_ARG | OPF_NOFALL, -(oparg))                    \
    X(CALL_FUNCTION,        131, OPF_ARG, -(oparg))                                 \
    X(MAKE_FUNCTION,        132, OPF_ARG, -(((oparg) & 1) + (((oparg) >> 1) & 1) + (((oparg) >> 2) & 1) + (((oparg) >> 3) & 1))) \
    X(BUILD_SLICE,          133, OPF_ARG, (oparg) == 3 ? -2 : -1)                   \
    X(LOAD_CLOSURE,         135, OPF_ARG | OPF_FREE, 1)                             \
    X(LOAD_DEREF,           136, OPF_ARG | OPF_FREE, 1)                             \
    X(STORE_DEREF,          137, OPF_ARG | OPF_FREE, -1)                            \
    X(DELETE_DEREF,         138, OPF_ARG | OPF_FREE, 0)                             \
    X(CALL_FUNCTION_KW,     141, OPF_ARG, -(oparg) - 1)                             \
    X(CALL_FUNCTION_EX,     142, OPF_ARG, -1 - ((oparg) & 1))                       \
    X(SETUP_WITH,           143, OPF_ARG | OPF_JREL | OPF_BLOCK, (jump) ? 2 : 1)    \
    X(EXTENDED_ARG,         144, OPF_ARG, 0)                                        \
    X(LIST_APPEND,          145, OPF_ARG, -1)                                       \
    X(SET_ADD,              146, OPF_ARG, -1)                                       \
    X(MAP_ADD,              147, OPF_ARG, -2)                                       \
    X(LOAD_CLASSDEREF,      148, OPF_ARG | OPF_FREE, 1)                             \
    X(MATCH_CLASS,          152, OPF_ARG, -2)                                       \
    X(SETUP_ASYNC_WITH,     154, OPF_ARG | OPF_JREL | OPF_BLOCK, (jump) ? 1 : 0)    \
    X(FORMAT_VALUE,         155, OPF_ARG, ((oparg) & 0x04) ? -1 : 0)                \
    X(BUILD_CONST_KEY_MAP,  156, OPF_ARG, -(oparg))                                 \
    X(BUILD_STRING,         157, OPF_ARG, 1 - (oparg))                              \
    X(LOAD_METHOD,          160, OPF_ARG | OPF_NAME, 1)                             \
    X(CALL_METHOD,          161, OPF_ARG, -(oparg) - 1)                             \
    X(LIST_EXTEND,          162, OPF_ARG, -1)                                       \
    X(SET_UPDATE,           163, OPF_ARG, -1)                                       \
    X(DICT_MERGE,           164, OPF_ARG, -1)                                       \
    X(DICT_UPDATE,          165, OPF_ARG, -1)                                       \
    X(BINARY_OP,            166, OPF_ARG, -1)                                       \
    X(CALL_METHOD_KW,       167, OPF_ARG, -(oparg) - 2)

enum {
#define KRAIT_OPCODE_ENUM(name, num, flags, effect) name = num,
    KRAIT_OPCODES(KRAIT_OPCODE_ENUM)
#undef KRAIT_OPCODE_ENUM
};

#define HAVE_ARGUMENT 90 /* opcodes >= this use their argument (informational) */
#define MAX_OPCODE 255

/* BINARY_OP arguments (3.11's NB_* values; the in-place forms add 13). */
#define NB_ADD 0
#define NB_AND 1
#define NB_FLOOR_DIVIDE 2
#define NB_LSHIFT 3
#define NB_MATRIX_MULTIPLY 4
#define NB_MULTIPLY 5
#define NB_REMAINDER 6
#define NB_OR 7
#define NB_POWER 8
#define NB_RSHIFT 9
#define NB_SUBTRACT 10
#define NB_TRUE_DIVIDE 11
#define NB_XOR 12
#define NB_INPLACE_ADD 13
#define NB_INPLACE_AND 14
#define NB_INPLACE_FLOOR_DIVIDE 15
#define NB_INPLACE_LSHIFT 16
#define NB_INPLACE_MATRIX_MULTIPLY 17
#define NB_INPLACE_MULTIPLY 18
#define NB_INPLACE_REMAINDER 19
#define NB_INPLACE_OR 20
#define NB_INPLACE_POWER 21
#define NB_INPLACE_RSHIFT 22
#define NB_INPLACE_SUBTRACT 23
#define NB_INPLACE_TRUE_DIVIDE 24
#define NB_INPLACE_XOR 25

/* FORMAT_VALUE argument: conversion in the low two bits, 0x04 = has a format spec. */
#define FVC_MASK 0x3
#define FVC_NONE 0x0
#define FVC_STR 0x1
#define FVC_REPR 0x2
#define FVC_ASCII 0x3
#define FVS_MASK 0x4
#define FVS_HAVE_SPEC 0x4

/* MAKE_FUNCTION argument bits (values popped in this order, last bit first). */
#define MAKE_FUNCTION_DEFAULTS 0x01
#define MAKE_FUNCTION_KWDEFAULTS 0x02
#define MAKE_FUNCTION_ANNOTATIONS 0x04
#define MAKE_FUNCTION_CLOSURE 0x08

/* Per-opcode data, indexed by opcode (defined in src/compiler/flowgraph.c). */
extern const char *const _PyOpcode_OpName[256];
extern const unsigned short _PyOpcode_Flags[256];
/* Stack effect of one instruction; jump: 1 = branch taken, 0 = not, -1 = maximum. */
int PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump);
int PyCompile_OpcodeStackEffect(int opcode, int oparg);

#endif /* Py_OPCODE_H */
