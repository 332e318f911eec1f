/* compile.c — code generation: walks the AST (with the symbol table's scopes) and emits
 * instructions into the basic blocks of a control-flow graph, one compiler unit per
 * code object; assemble.c then produces the code object.  Owner: compiler-vm.
 * Entry points: _PyAST_Compile, Py_CompileStringObject, Py_CompileStringExFlags. */
#include "Python.h"
#include "pycore_ast.h"
#include "pyarena.h"
#include "parser.h"
#include "symtable.h"
#include "compile.h"
#include "cfg.h"

/* CPython's STACK_USE_GUIDELINE: displays, dicts and calls with more values than this
 * are built incrementally, so the stack stays small (co_stacksize is not O(n)). */
#define STACK_USE_GUIDELINE 30

#define COMPILER_STACK_FRAME_LIMIT 4000

enum fblocktype { WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH,
                  ASYNC_WITH, HANDLER_CLEANUP, POP_VALUE, EXCEPTION_GROUP_HANDLER };

struct fblockinfo {
    enum fblocktype fb_type;
    basicblock *fb_block;
    basicblock *fb_exit;
    void *fb_datum;  /* finally body (asdl_stmt_seq *) or handler name */
};

#define CO_MAXFBLOCKS CO_MAXBLOCKS

enum { COMPILER_SCOPE_MODULE, COMPILER_SCOPE_CLASS, COMPILER_SCOPE_FUNCTION,
       COMPILER_SCOPE_ASYNC_FUNCTION, COMPILER_SCOPE_LAMBDA, COMPILER_SCOPE_COMPREHENSION };

struct compiler_unit {
    PySTEntryObject *u_ste;
    PyObject *u_name, *u_qualname;
    int u_scope_type;
    PyObject *u_consts;      /* dict: constant key -> index */
    PyObject *u_consts_list; /* list of constants in index order */
    PyObject *u_names, *u_varnames, *u_cellvars, *u_freevars; /* dict name -> index */
    PyObject *u_private;
    int u_argcount, u_posonlyargcount, u_kwonlyargcount;
    cfg_builder u_cfg;
    int u_nfblocks;
    struct fblockinfo u_fblock[CO_MAXFBLOCKS];
    int u_firstlineno;
    srcloc u_loc;
    struct compiler_unit *u_parent;
};

struct compiler {
    PyObject *c_filename;
    struct symtable *c_st;
    int c_future_features;
    int c_future_lineno;       /* line of the last leading future import, or -1 */
    PyCompilerFlags c_flags;
    int c_optimize;
    int c_interactive;
    int c_nestlevel;
    struct compiler_unit *u;
    PyArena *c_arena;
};

static PyCodeObject *compiler_mod(struct compiler *c, mod_ty mod);
static int compiler_visit_stmt(struct compiler *c, stmt_ty s);
static int compiler_visit_expr(struct compiler *c, expr_ty e);
static int compiler_augassign(struct compiler *c, stmt_ty s);
static int compiler_call_helper(struct compiler *c, int n, asdl_expr_seq *args,
                                asdl_keyword_seq *keywords);
static int compiler_await_top(struct compiler *c, int where);
static int compiler_comprehension(struct compiler *c, expr_ty e, int type, identifier name,
                                  asdl_comprehension_seq *generators, expr_ty elt,
                                  expr_ty val);
static PyCodeObject *assemble(struct compiler *c, int addNone);

#define CUR_BLOCK(c) ((c)->u->u_cfg.g_curblock)

/* ---- emitting ---- */

static int compiler_error(struct compiler *c, const char *fmt, ...)
{
    va_list vargs;
    va_start(vargs, fmt);
    PyObject *msg = PyUnicode_FromFormatV(fmt, vargs);
    va_end(vargs);
    if (msg == NULL) return 0;
    PyErr_SetObject(PyExc_SyntaxError, msg);
    Py_DECREF(msg);
    srcloc l = c->u->u_loc;
    PyErr_SyntaxLocationObject(c->c_filename, l.lineno, l.col_offset + 1);
    PyObject *exc = PyErr_GetRaisedException();
    if (exc) {
        PyObject *el = PyLong_FromLong(l.end_lineno), *ec = PyLong_FromLong(l.end_col_offset + 1);
        if (el && ec) {
            if (PyObject_SetAttrString(exc, "end_lineno", el) < 0 ||
                PyObject_SetAttrString(exc, "end_offset", ec) < 0)
                PyErr_Clear();
        }
        Py_XDECREF(el);
        Py_XDECREF(ec);
        PyErr_SetRaisedException(exc);
    }
    return 0;
}

static basicblock *compiler_new_block(struct compiler *c)
{
    return _PyCfg_NewBlock(&c->u->u_cfg);
}

/* Subsequent instructions go to block b, which follows the current one. */
static void compiler_use_next_block(struct compiler *c, basicblock *b)
{
    CUR_BLOCK(c)->b_next = b;
    CUR_BLOCK(c) = b;
}

static int addop_loc(struct compiler *c, int op, int arg, basicblock *target, srcloc loc)
{
    return _PyCfg_AddOp(CUR_BLOCK(c), op, arg, target, loc) == 0;
}

#define ADDOP(c, op) do { if (!addop_loc((c), (op), 0, NULL, (c)->u->u_loc)) return 0; } while (0)
#define ADDOP_NOLINE(c, op) \
    do { if (!addop_loc((c), (op), 0, NULL, (srcloc){-1, -1, -1, -1})) return 0; } while (0)
#define ADDOP_I(c, op, arg) do { if (!addop_loc((c), (op), (arg), NULL, (c)->u->u_loc)) return 0; } while (0)
#define ADDOP_JUMP(c, op, b) do { if (!addop_loc((c), (op), 0, (b), (c)->u->u_loc)) return 0; } while (0)
#define ADDOP_JUMP_NOLINE(c, op, b) \
    do { if (!addop_loc((c), (op), 0, (b), (srcloc){-1, -1, -1, -1})) return 0; } while (0)
#define NEW_BLOCK(c) compiler_new_block(c)
#define USE_BLOCK(c, b) compiler_use_next_block((c), (b))

static Py_ssize_t dict_add_o(PyObject *dict, PyObject *o)
{
    PyObject *v = PyDict_GetItemWithError(dict, o);
    if (v) return PyLong_AsSsize_t(v);
    if (PyErr_Occurred()) return -1;
    Py_ssize_t arg = PyDict_GET_SIZE(dict);
    v = PyLong_FromSsize_t(arg);
    if (!v || PyDict_SetItem(dict, o, v) < 0) { Py_XDECREF(v); return -1; }
    Py_DECREF(v);
    return arg;
}

static Py_ssize_t compiler_add_const(struct compiler *c, PyObject *o)
{
    PyObject *key = _PyCode_ConstantKey(o);
    if (key == NULL) return -1;
    PyObject *v = PyDict_GetItemWithError(c->u->u_consts, key);
    Py_ssize_t arg;
    if (v) {
        arg = PyLong_AsSsize_t(v);
    } else if (PyErr_Occurred()) {
        arg = -1;
    } else {
        arg = PyList_GET_SIZE(c->u->u_consts_list);
        v = PyLong_FromSsize_t(arg);
        if (!v || PyDict_SetItem(c->u->u_consts, key, v) < 0 ||
            PyList_Append(c->u->u_consts_list, o) < 0)
            arg = -1;
        Py_XDECREF(v);
    }
    Py_DECREF(key);
    return arg;
}

static int compiler_addop_load_const(struct compiler *c, PyObject *o)
{
    Py_ssize_t arg = compiler_add_const(c, o);
    if (arg < 0) return 0;
    return addop_loc(c, LOAD_CONST, (int)arg, NULL, c->u->u_loc);
}
#define ADDOP_LOAD_CONST(c, o) do { if (!compiler_addop_load_const((c), (o))) return 0; } while (0)
#define ADDOP_LOAD_CONST_NEW(c, o) do { \
        PyObject *__new_const = (o); \
        if (__new_const == NULL) return 0; \
        int __r = compiler_addop_load_const((c), __new_const); \
        Py_DECREF(__new_const); \
        if (!__r) return 0; \
    } while (0)

static int compiler_addop_name(struct compiler *c, int opcode, PyObject *dict, PyObject *o)
{
    PyObject *mangled = _Py_Mangle(c->u->u_private, o);
    if (!mangled) return 0;
    Py_ssize_t arg = dict_add_o(dict, mangled);
    Py_DECREF(mangled);
    if (arg < 0) return 0;
    return addop_loc(c, opcode, (int)arg, NULL, c->u->u_loc);
}
#define ADDOP_NAME(c, op, o, type) do { if (!compiler_addop_name((c), (op), (c)->u->u_##type, (o))) return 0; } while (0)

static int compiler_addop_o(struct compiler *c, int opcode, PyObject *dict, PyObject *o)
{
    Py_ssize_t arg = dict_add_o(dict, o);
    if (arg < 0) return 0;
    return addop_loc(c, opcode, (int)arg, NULL, c->u->u_loc);
}

#define VISIT(c, kind, v) do { if (!compiler_visit_##kind((c), (v))) return 0; } while (0)
#define VISIT_SEQ(c, kind, seq) do { \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(seq); _i++) { \
            kind##_ty _e = (kind##_ty)asdl_seq_GET((seq), _i); \
            if (!compiler_visit_##kind((c), _e)) return 0; \
        } } while (0)

#define SET_LOC(c, x) ((c)->u->u_loc = (srcloc){(x)->lineno, (x)->end_lineno, \
                                                (x)->col_offset, (x)->end_col_offset})

/* As 3.11: an attribute access spanning lines (`obj\n.attr`) is located from the line of
 * the attribute's name, so tracebacks point there rather than at obj. */
static void update_start_location_to_match_attr(struct compiler *c, expr_ty attr)
{
    srcloc *l = &c->u->u_loc;
    if (l->lineno == attr->end_lineno)
        return;
    l->lineno = attr->end_lineno;
    int len = (int)PyUnicode_GET_LENGTH(attr->v.Attribute.attr);
    if (len <= attr->end_col_offset) {
        l->col_offset = attr->end_col_offset - len;
    } else {   /* a made-up AST: drop the columns */
        l->col_offset = -1;
        l->end_col_offset = -1;
    }
    if (l->end_lineno < l->lineno)
        l->end_lineno = l->lineno;
    if (l->lineno == l->end_lineno && l->end_col_offset < l->col_offset)
        l->end_col_offset = l->col_offset;
}

/* ---- units ---- */

static PyObject *dictbytype(PyObject *src, int scope_type, int flag, Py_ssize_t offset)
{
    PyObject *dest = PyDict_New(), *sorted_keys, *k, *v;
    if (!dest) return NULL;
    sorted_keys = PyDict_Keys(src);
    if (!sorted_keys || PyList_Sort(sorted_keys) != 0) {
        Py_XDECREF(sorted_keys);
        Py_DECREF(dest);
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(sorted_keys), i = offset;
    for (Py_ssize_t key_i = 0; key_i < n; key_i++) {
        k = PyList_GET_ITEM(sorted_keys, key_i);
        v = PyDict_GetItemWithError(src, k);
        long vi = PyLong_AsLong(v);
        long scope = (vi >> SCOPE_OFFSET) & SCOPE_MASK;
        if (scope == scope_type || vi & flag) {
            PyObject *item = PyLong_FromSsize_t(i);
            if (!item || PyDict_SetItem(dest, k, item) < 0) {
                Py_XDECREF(item);
                Py_DECREF(sorted_keys);
                Py_DECREF(dest);
                return NULL;
            }
            Py_DECREF(item);
            i++;
        }
    }
    Py_DECREF(sorted_keys);
    return dest;
}

static PyObject *list2dict(PyObject *list)
{
    PyObject *dict = PyDict_New();
    if (!dict) return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
        PyObject *v = PyLong_FromSsize_t(i);
        if (!v || PyDict_SetItem(dict, PyList_GET_ITEM(list, i), v) < 0) {
            Py_XDECREF(v);
            Py_DECREF(dict);
            return NULL;
        }
        Py_DECREF(v);
    }
    return dict;
}

static void compiler_unit_free(struct compiler_unit *u)
{
    _PyCfg_Free(&u->u_cfg);
    Py_CLEAR(u->u_ste);
    Py_CLEAR(u->u_name);
    Py_CLEAR(u->u_qualname);
    Py_CLEAR(u->u_consts);
    Py_CLEAR(u->u_consts_list);
    Py_CLEAR(u->u_names);
    Py_CLEAR(u->u_varnames);
    Py_CLEAR(u->u_freevars);
    Py_CLEAR(u->u_cellvars);
    Py_CLEAR(u->u_private);
    PyMem_Free(u);
}

static int compiler_set_qualname(struct compiler *c)
{
    struct compiler_unit *u = c->u, *parent = u->u_parent;
    PyObject *base = NULL, *name;
    if (parent && parent->u_scope_type != COMPILER_SCOPE_MODULE) {
        if (u->u_scope_type == COMPILER_SCOPE_FUNCTION ||
            u->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION ||
            u->u_scope_type == COMPILER_SCOPE_CLASS) {
            PyObject *mangled = _Py_Mangle(parent->u_private, u->u_name);
            if (!mangled) return 0;
            int scope = _PyST_GetScope(parent->u_ste, mangled);
            Py_DECREF(mangled);
            if (scope == GLOBAL_EXPLICIT) parent = NULL; /* global def: plain name */
        }
    }
    if (parent && parent->u_scope_type != COMPILER_SCOPE_MODULE) {
        if (parent->u_scope_type == COMPILER_SCOPE_FUNCTION ||
            parent->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION ||
            parent->u_scope_type == COMPILER_SCOPE_LAMBDA)
            base = PyUnicode_FromFormat("%U.<locals>", parent->u_qualname);
        else
            base = Py_NewRef(parent->u_qualname);
        if (!base) return 0;
    }
    if (base) {
        name = PyUnicode_FromFormat("%U.%U", base, u->u_name);
        Py_DECREF(base);
    } else {
        name = Py_NewRef(u->u_name);
    }
    if (!name) return 0;
    u->u_qualname = name;
    return 1;
}

/* 3.11 keeps a parameter that is also a cell in the parameter's slot, so co_cellvars
 * lists such cells first, in parameter order, then the other cells by name. */
static int cells_params_first(struct compiler_unit *u)
{
    PyObject *list = PyList_New(0), *k, *v;
    if (!list) return 0;
    Py_ssize_t nvars = PyList_GET_SIZE(u->u_ste->ste_varnames), pos = 0;
    for (Py_ssize_t i = 0; i < nvars; i++) {
        PyObject *name = PyList_GET_ITEM(u->u_ste->ste_varnames, i);
        if (PyDict_Contains(u->u_cellvars, name) > 0 && PyList_Append(list, name) < 0)
            goto error;
    }
    if (PyList_GET_SIZE(list) == 0) { Py_DECREF(list); return 1; }
    while (PyDict_Next(u->u_cellvars, &pos, &k, &v)) {
        int found = PySequence_Contains(list, k);
        if (found < 0 || (!found && PyList_Append(list, k) < 0)) goto error;
    }
    PyObject *ordered = list2dict(list);
    Py_DECREF(list);
    if (!ordered) return 0;
    Py_SETREF(u->u_cellvars, ordered);
    return 1;
error:
    Py_DECREF(list);
    return 0;
}

static int compiler_enter_scope(struct compiler *c, identifier name, int scope_type,
                                void *key, int lineno)
{
    struct compiler_unit *u = PyMem_Calloc(1, sizeof(struct compiler_unit));
    if (!u) { PyErr_NoMemory(); return 0; }
    u->u_scope_type = scope_type;
    u->u_ste = PySymtable_Lookup(c->c_st, key);
    if (!u->u_ste) { compiler_unit_free(u); return 0; }
    u->u_name = Py_NewRef(name);
    u->u_varnames = list2dict(u->u_ste->ste_varnames);
    u->u_cellvars = dictbytype(u->u_ste->ste_symbols, CELL, 0, 0);
    if (!u->u_varnames || !u->u_cellvars || !cells_params_first(u)) {
        compiler_unit_free(u);
        return 0;
    }
    if (u->u_ste->ste_needs_class_closure) {
        /* a class body that needs __class__ gets it as its only cell */
        PyObject *name = PyUnicode_InternFromString("__class__");
        Py_ssize_t res = name ? dict_add_o(u->u_cellvars, name) : -1;
        Py_XDECREF(name);
        if (res < 0) { compiler_unit_free(u); return 0; }
    }
    u->u_freevars = dictbytype(u->u_ste->ste_symbols, FREE, DEF_FREE_CLASS,
                               PyDict_GET_SIZE(u->u_cellvars));
    u->u_firstlineno = lineno;
    u->u_loc = (srcloc){lineno, lineno, 0, 0};
    u->u_consts = PyDict_New();
    u->u_consts_list = PyList_New(0);
    u->u_names = PyDict_New();
    if (!u->u_freevars || !u->u_consts || !u->u_consts_list || !u->u_names) {
        compiler_unit_free(u);
        return 0;
    }
    u->u_private = NULL;
    u->u_parent = c->u;
    if (c->u && scope_type != COMPILER_SCOPE_CLASS)
        u->u_private = Py_XNewRef(c->u->u_private);
    c->u = u;
    c->c_nestlevel++;
    basicblock *block = compiler_new_block(c);
    if (!block) return 0;
    u->u_cfg.g_entryblock = block;
    u->u_cfg.g_curblock = block;
    if (u->u_scope_type == COMPILER_SCOPE_MODULE) {
        c->u->u_loc.lineno = 0;
    } else if (!compiler_set_qualname(c)) {
        return 0;
    }
    return 1;
}

static void compiler_exit_scope(struct compiler *c)
{
    struct compiler_unit *u = c->u;
    c->c_nestlevel--;
    c->u = u->u_parent;
    compiler_unit_free(u);
}

/* ---- frame blocks (for break/continue/return through try and with) ---- */

static int compiler_push_fblock(struct compiler *c, enum fblocktype t, basicblock *b,
                                basicblock *exit, void *datum)
{
    if (c->u->u_nfblocks >= CO_MAXFBLOCKS)
        return compiler_error(c, "too many statically nested blocks");
    struct fblockinfo *f = &c->u->u_fblock[c->u->u_nfblocks++];
    f->fb_type = t;
    f->fb_block = b;
    f->fb_exit = exit;
    f->fb_datum = datum;
    return 1;
}

static void compiler_pop_fblock(struct compiler *c)
{
    c->u->u_nfblocks--;
}

static int compiler_call_exit_with_nones(struct compiler *c)
{
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP(c, DUP_TOP);
    ADDOP(c, DUP_TOP);
    ADDOP_I(c, CALL_FUNCTION, 3);
    return 1;
}

static int compiler_nameop(struct compiler *c, identifier name, expr_context_ty ctx);

/* Emit what leaving fblock info requires (preserve_tos: keep the value on top). */
static int compiler_unwind_fblock(struct compiler *c, struct fblockinfo *info, int preserve_tos)
{
    switch (info->fb_type) {
    case WHILE_LOOP:
    case EXCEPTION_GROUP_HANDLER:  /* unreachable: unwinding through one is an error */
        return 1;
    case TRY_EXCEPT:
        /* break/continue/return out of a try body: its SETUP_FINALLY block must go, or
           an enclosing handler's POP_EXCEPT would find it ("popped block is not an
           except handler") */
        ADDOP(c, POP_BLOCK);
        return 1;
    case FOR_LOOP:
        if (preserve_tos) ADDOP(c, ROT_TWO);
        ADDOP(c, POP_TOP);
        return 1;
    case POP_VALUE:
        if (preserve_tos) ADDOP(c, ROT_TWO);
        ADDOP(c, POP_TOP);
        return 1;
    case FINALLY_TRY:
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) {
            if (!compiler_push_fblock(c, POP_VALUE, NULL, NULL, NULL)) return 0;
        }
        /* The finally body runs here, inline. */
        VISIT_SEQ(c, stmt, (asdl_stmt_seq *)info->fb_datum);
        if (preserve_tos) compiler_pop_fblock(c);
        /* what follows (the return itself) seems to run after the finally body: no line
           of its own, so it takes the finally's last line (as 3.11) */
        c->u->u_loc.lineno = -1;
        return 1;
    case FINALLY_END:
        /* stack: prev_exc, exc */
        if (preserve_tos) ADDOP_I(c, ROT_N, 3);
        ADDOP(c, POP_TOP);
        ADDOP(c, POP_EXCEPT);
        return 1;
    case WITH:
    case ASYNC_WITH:
        /* the __exit__ call belongs to the with statement's line */
        SET_LOC(c, (stmt_ty)info->fb_datum);
        ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP(c, ROT_TWO);
        if (!compiler_call_exit_with_nones(c)) return 0;
        if (info->fb_type == ASYNC_WITH) {
            ADDOP_I(c, GET_AWAITABLE, 2);
            ADDOP_LOAD_CONST(c, Py_None);
            ADDOP(c, YIELD_FROM);
        }
        ADDOP(c, POP_TOP);
        c->u->u_loc.lineno = -1;  /* the unwinding statement resumes after the exit */
        return 1;
    case HANDLER_CLEANUP:
        /* stack: prev_exc (the handler's exception was stored or popped) */
        if (info->fb_datum) ADDOP(c, POP_BLOCK);
        if (preserve_tos) ADDOP(c, ROT_TWO);
        ADDOP(c, POP_EXCEPT);
        if (info->fb_datum) {
            ADDOP_LOAD_CONST(c, Py_None);
            if (!compiler_nameop(c, info->fb_datum, Store)) return 0;
            if (!compiler_nameop(c, info->fb_datum, Del)) return 0;
        }
        return 1;
    }
    return 0;
}

/* Unwind every fblock up to (not including) a loop when loop != NULL. */
static int compiler_unwind_fblock_stack(struct compiler *c, int preserve_tos,
                                        struct fblockinfo **loop)
{
    if (c->u->u_nfblocks == 0) return 1;
    struct fblockinfo *top = &c->u->u_fblock[c->u->u_nfblocks - 1];
    if (top->fb_type == EXCEPTION_GROUP_HANDLER)
        return compiler_error(c, "'break', 'continue' and 'return' cannot appear in an "
                              "except* block");
    if (loop != NULL && (top->fb_type == WHILE_LOOP || top->fb_type == FOR_LOOP)) {
        *loop = top;
        return 1;
    }
    struct fblockinfo copy = *top;
    c->u->u_nfblocks--;
    if (!compiler_unwind_fblock(c, &copy, preserve_tos)) return 0;
    if (!compiler_unwind_fblock_stack(c, preserve_tos, loop)) return 0;
    c->u->u_fblock[c->u->u_nfblocks] = copy;
    c->u->u_nfblocks++;
    return 1;
}

/* ---- names ---- */

/* CPython's forbidden_name: __debug__ cannot be bound or deleted (error at the current
   location). */
static int forbidden_name(struct compiler *c, identifier name, expr_context_ty ctx)
{
    if (ctx == Load || !_PyUnicode_EqualToASCIIString(name, "__debug__"))
        return 0;
    compiler_error(c, ctx == Del ? "cannot delete __debug__" : "cannot assign to __debug__");
    return 1;
}

static int compiler_nameop(struct compiler *c, identifier name, expr_context_ty ctx)
{
    int op, scope;
    Py_ssize_t arg;
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } optype;
    PyObject *dict = c->u->u_names;
    if (forbidden_name(c, name, ctx)) return 0;
    PyObject *mangled = _Py_Mangle(c->u->u_private, name);
    if (!mangled) return 0;
    op = 0;
    optype = OP_NAME;
    scope = _PyST_GetScope(c->u->u_ste, mangled);
    switch (scope) {
    case FREE:
        dict = c->u->u_freevars;
        optype = OP_DEREF;
        break;
    case CELL:
        dict = c->u->u_cellvars;
        optype = OP_DEREF;
        break;
    case LOCAL:
        if (c->u->u_ste->ste_type == FunctionBlock) optype = OP_FAST;
        break;
    case GLOBAL_IMPLICIT:
        if (c->u->u_ste->ste_type == FunctionBlock) optype = OP_GLOBAL;
        break;
    case GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    switch (optype) {
    case OP_DEREF:
        switch (ctx) {
        case Load:
            op = (c->u->u_ste->ste_type == ClassBlock) ? LOAD_CLASSDEREF : LOAD_DEREF;
            break;
        case Store: op = STORE_DEREF; break;
        case Del: op = DELETE_DEREF; break;
        }
        break;
    case OP_FAST:
        switch (ctx) {
        case Load: op = LOAD_FAST; break;
        case Store: op = STORE_FAST; break;
        case Del: op = DELETE_FAST; break;
        }
        arg = dict_add_o(c->u->u_varnames, mangled);
        Py_DECREF(mangled);
        if (arg < 0) return 0;
        return addop_loc(c, op, (int)arg, NULL, c->u->u_loc);
    case OP_GLOBAL:
        switch (ctx) {
        case Load: op = LOAD_GLOBAL; break;
        case Store: op = STORE_GLOBAL; break;
        case Del: op = DELETE_GLOBAL; break;
        }
        break;
    case OP_NAME:
        switch (ctx) {
        case Load: op = LOAD_NAME; break;
        case Store: op = STORE_NAME; break;
        case Del: op = DELETE_NAME; break;
        }
        break;
    }
    arg = dict_add_o(dict, mangled);
    Py_DECREF(mangled);
    if (arg < 0) return 0;
    if (optype == OP_DEREF && dict == c->u->u_freevars) {
        /* free vars are numbered after the cells */
    }
    return addop_loc(c, op, (int)arg, NULL, c->u->u_loc);
}

/* ---- functions and classes ---- */

static int compiler_lookup_arg(PyObject *dict, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(dict, name);
    if (v == NULL) return -1;
    return (int)PyLong_AsLong(v);
}

static int compiler_make_closure(struct compiler *c, PyCodeObject *co, Py_ssize_t flags,
                                 PyObject *qualname)
{
    if (co->co_nfreevars) {
        for (int i = 0; i < co->co_nfreevars; i++) {
            PyObject *name = PyTuple_GET_ITEM(co->co_freevars, i);
            int reftype = _PyST_GetScope(c->u->u_ste, name);
            int arg;
            /* a class's __class__ cell belongs to the class body scope */
            if (reftype == CELL || (c->u->u_ste->ste_type == ClassBlock &&
                                    _PyUnicode_EqualToASCIIString(name, "__class__") &&
                                    c->u->u_ste->ste_needs_class_closure))
                arg = compiler_lookup_arg(c->u->u_cellvars, name);
            else
                arg = compiler_lookup_arg(c->u->u_freevars, name);
            if (arg == -1) {
                PyErr_Format(PyExc_SystemError,
                             "compiler_make_closure: cannot find free variable %R in %R",
                             name, c->u->u_name);
                return 0;
            }
            ADDOP_I(c, LOAD_CLOSURE, arg);
        }
        flags |= MAKE_FUNCTION_CLOSURE;
        ADDOP_I(c, BUILD_TUPLE, co->co_nfreevars);
    }
    ADDOP_LOAD_CONST(c, (PyObject *)co);
    ADDOP_I(c, MAKE_FUNCTION, (int)flags);
    return 1;
}

static int compiler_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    if (!decos) return 1;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(decos); i++)
        VISIT(c, expr, (expr_ty)asdl_seq_GET(decos, i));
    return 1;
}

/* Each decorator's call carries that decorator's line (the innermost runs first). */
static int compiler_apply_decorators(struct compiler *c, asdl_expr_seq *decos)
{
    if (!decos) return 1;
    srcloc old = c->u->u_loc;
    for (Py_ssize_t i = asdl_seq_LEN(decos) - 1; i >= 0; i--) {
        SET_LOC(c, (expr_ty)asdl_seq_GET(decos, i));
        ADDOP_I(c, CALL_FUNCTION, 1);
    }
    c->u->u_loc = old;
    return 1;
}

static int compiler_visit_kwonlydefaults(struct compiler *c, asdl_arg_seq *kwonlyargs,
                                         asdl_expr_seq *kw_defaults)
{
    /* a dict {name: default} for keyword-only parameters with defaults */
    int n = 0;
    PyObject *keys = PyList_New(0);
    if (!keys) return -1;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwonlyargs); i++) {
        arg_ty arg = asdl_seq_GET(kwonlyargs, i);
        expr_ty default_ = asdl_seq_GET(kw_defaults, i);
        if (default_) {
            PyObject *mangled = _Py_Mangle(c->u->u_private, arg->arg);
            if (!mangled || PyList_Append(keys, mangled) < 0) {
                Py_XDECREF(mangled);
                goto error;
            }
            Py_DECREF(mangled);
            if (!compiler_visit_expr(c, default_)) goto error;
            n++;
        }
    }
    if (n) {
        PyObject *keys_tuple = PyList_AsTuple(keys);
        Py_DECREF(keys);
        if (!keys_tuple) return -1;
        int r = compiler_addop_load_const(c, keys_tuple);
        Py_DECREF(keys_tuple);
        if (!r) return -1;
        if (!addop_loc(c, BUILD_CONST_KEY_MAP, n, NULL, c->u->u_loc)) return -1;
        return 1;
    }
    Py_DECREF(keys);
    return 0;
error:
    Py_DECREF(keys);
    return -1;
}

static int compiler_visit_annexpr(struct compiler *c, expr_ty annotation)
{
    if (c->c_future_features & CO_FUTURE_ANNOTATIONS) {
        /* PEP 563: the annotation is kept as its source text */
        ADDOP_LOAD_CONST_NEW(c, _PyAST_ExprAsUnicode(annotation));
    } else {
        VISIT(c, expr, annotation);
    }
    return 1;
}

static int compiler_visit_argannotation(struct compiler *c, identifier id, expr_ty annotation,
                                        Py_ssize_t *annotations_len)
{
    if (!annotation) return 1;
    PyObject *mangled = _Py_Mangle(c->u->u_private, id);
    if (!mangled) return 0;
    ADDOP_LOAD_CONST(c, mangled);
    Py_DECREF(mangled);
    if (c->c_future_features & CO_FUTURE_ANNOTATIONS) {
        VISIT(c, annexpr, annotation);
    } else if (annotation->kind == Starred_kind) {
        /* *args: *Ts */
        VISIT(c, expr, annotation->v.Starred.value);
        ADDOP_I(c, UNPACK_SEQUENCE, 1);
    } else {
        VISIT(c, expr, annotation);
    }
    *annotations_len += 2;
    return 1;
}

static int compiler_visit_argannotations(struct compiler *c, asdl_arg_seq *args,
                                         Py_ssize_t *annotations_len)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty arg = (arg_ty)asdl_seq_GET(args, i);
        if (!compiler_visit_argannotation(c, arg->arg, arg->annotation, annotations_len))
            return 0;
    }
    return 1;
}

/* Push a flat tuple (name, annotation, ...); returns 1 pushed, 0 none, -1 error. */
static int compiler_visit_annotations(struct compiler *c, arguments_ty args, expr_ty returns)
{
    Py_ssize_t annotations_len = 0;
    if (!compiler_visit_argannotations(c, args->args, &annotations_len)) return -1;
    if (!compiler_visit_argannotations(c, args->posonlyargs, &annotations_len)) return -1;
    if (args->vararg && args->vararg->annotation &&
        !compiler_visit_argannotation(c, args->vararg->arg, args->vararg->annotation,
                                      &annotations_len))
        return -1;
    if (!compiler_visit_argannotations(c, args->kwonlyargs, &annotations_len)) return -1;
    if (args->kwarg && args->kwarg->annotation &&
        !compiler_visit_argannotation(c, args->kwarg->arg, args->kwarg->annotation,
                                      &annotations_len))
        return -1;
    PyObject *ret = PyUnicode_InternFromString("return");
    if (!ret) return -1;
    int r = compiler_visit_argannotation(c, ret, returns, &annotations_len);
    Py_DECREF(ret);
    if (!r) return -1;
    if (annotations_len) {
        if (!addop_loc(c, BUILD_TUPLE, (int)annotations_len, NULL, c->u->u_loc)) return -1;
        return 1;
    }
    return 0;
}

static int compiler_default_arguments(struct compiler *c, arguments_ty args)
{
    int funcflags = 0;
    if (args->defaults && asdl_seq_LEN(args->defaults) > 0) {
        VISIT_SEQ(c, expr, args->defaults);
        ADDOP_I(c, BUILD_TUPLE, (int)asdl_seq_LEN(args->defaults));
        funcflags |= MAKE_FUNCTION_DEFAULTS;
    }
    if (args->kwonlyargs) {
        int res = compiler_visit_kwonlydefaults(c, args->kwonlyargs, args->kw_defaults);
        if (res < 0) return -1;
        if (res > 0) funcflags |= MAKE_FUNCTION_KWDEFAULTS;
    }
    return funcflags;
}

static int compiler_check_debug_one_arg(struct compiler *c, arg_ty arg)
{
    /* reported at the def (or lambda), as 3.11 does */
    return !(arg != NULL && forbidden_name(c, arg->arg, Store));
}

static int compiler_check_debug_args(struct compiler *c, arguments_ty args)
{
    asdl_arg_seq *seqs[3] = { args->posonlyargs, args->args, args->kwonlyargs };
    for (int s = 0; s < 3; s++)
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seqs[s]); i++)
            if (!compiler_check_debug_one_arg(c, asdl_seq_GET(seqs[s], i))) return 0;
    if (!compiler_check_debug_one_arg(c, args->vararg)) return 0;
    if (!compiler_check_debug_one_arg(c, args->kwarg)) return 0;
    return 1;
}

static int compiler_isdocstring(stmt_ty s)
{
    return s->kind == Expr_kind && s->v.Expr.value->kind == Constant_kind &&
           PyUnicode_CheckExact(s->v.Expr.value->v.Constant.value);
}

static int compiler_function(struct compiler *c, stmt_ty s, int is_async)
{
    PyCodeObject *co;
    PyObject *docstring = NULL;
    arguments_ty args;
    expr_ty returns;
    identifier name;
    asdl_expr_seq *decos;
    asdl_stmt_seq *body;
    int scope_type, firstlineno, funcflags, annotations;
    if (is_async) {
        args = s->v.AsyncFunctionDef.args;
        returns = s->v.AsyncFunctionDef.returns;
        decos = s->v.AsyncFunctionDef.decorator_list;
        name = s->v.AsyncFunctionDef.name;
        body = s->v.AsyncFunctionDef.body;
        scope_type = COMPILER_SCOPE_ASYNC_FUNCTION;
    } else {
        args = s->v.FunctionDef.args;
        returns = s->v.FunctionDef.returns;
        decos = s->v.FunctionDef.decorator_list;
        name = s->v.FunctionDef.name;
        body = s->v.FunctionDef.body;
        scope_type = COMPILER_SCOPE_FUNCTION;
    }
    if (!compiler_check_debug_args(c, args)) return 0;
    if (!compiler_decorators(c, decos)) return 0;
    firstlineno = s->lineno;
    if (asdl_seq_LEN(decos)) firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    funcflags = compiler_default_arguments(c, args);
    if (funcflags == -1) return 0;
    annotations = compiler_visit_annotations(c, args, returns);
    if (annotations < 0) return 0;
    if (annotations > 0) funcflags |= MAKE_FUNCTION_ANNOTATIONS;
    if (!compiler_enter_scope(c, name, scope_type, (void *)s, firstlineno)) return 0;
    /* The docstring, or None, is the first constant (function.__doc__ reads it). */
    if (asdl_seq_LEN(body) && compiler_isdocstring(asdl_seq_GET(body, 0)) &&
        c->c_optimize < 2)
        docstring = ((stmt_ty)asdl_seq_GET(body, 0))->v.Expr.value->v.Constant.value;
    if (compiler_add_const(c, docstring ? docstring : Py_None) < 0) {
        compiler_exit_scope(c);
        return 0;
    }
    c->u->u_argcount = (int)asdl_seq_LEN(args->args) + (int)asdl_seq_LEN(args->posonlyargs);
    c->u->u_posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    c->u->u_kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    Py_ssize_t start = (asdl_seq_LEN(body) && compiler_isdocstring(asdl_seq_GET(body, 0))) ? 1 : 0;
    for (Py_ssize_t i = start; i < asdl_seq_LEN(body); i++) {
        if (!compiler_visit_stmt(c, (stmt_ty)asdl_seq_GET(body, i))) {
            compiler_exit_scope(c);
            return 0;
        }
    }
    co = assemble(c, 1);
    PyObject *qualname = Py_NewRef(c->u->u_qualname);
    compiler_exit_scope(c);
    if (co == NULL) { Py_DECREF(qualname); return 0; }
    SET_LOC(c, s);
    int r = compiler_make_closure(c, co, funcflags, qualname);
    Py_DECREF(qualname);
    Py_DECREF(co);
    if (!r) return 0;
    if (!compiler_apply_decorators(c, decos)) return 0;
    return compiler_nameop(c, name, Store);
}

static int compiler_body(struct compiler *c, asdl_stmt_seq *stmts);

static int compiler_class(struct compiler *c, stmt_ty s)
{
    PyCodeObject *co;
    asdl_expr_seq *decos = s->v.ClassDef.decorator_list;
    if (!compiler_decorators(c, decos)) return 0;
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos)) firstlineno = ((expr_ty)asdl_seq_GET(decos, 0))->lineno;
    /* 1. compile the class body into a code object */
    if (!compiler_enter_scope(c, s->v.ClassDef.name, COMPILER_SCOPE_CLASS, (void *)s,
                              firstlineno))
        return 0;
    {
        Py_XSETREF(c->u->u_private, Py_NewRef(s->v.ClassDef.name));
        PyObject *modname = PyUnicode_InternFromString("__name__");
        PyObject *module = PyUnicode_InternFromString("__module__");
        PyObject *qualname_s = PyUnicode_InternFromString("__qualname__");
        int ok = modname && module && qualname_s &&
                 compiler_nameop(c, modname, Load) && compiler_nameop(c, module, Store) &&
                 compiler_addop_load_const(c, c->u->u_qualname) &&
                 compiler_nameop(c, qualname_s, Store) &&
                 compiler_body(c, s->v.ClassDef.body);
        Py_XDECREF(modname);
        Py_XDECREF(module);
        Py_XDECREF(qualname_s);
        if (!ok) { compiler_exit_scope(c); return 0; }
        /* The return is artificial: it takes the line of what ran last (as 3.11). */
        c->u->u_loc.lineno = -1;
        /* Return the __class__ cell (for __classcell__) or None. */
        if (c->u->u_ste->ste_needs_class_closure) {
            PyObject *cls = PyUnicode_InternFromString("__class__");
            int i = cls ? compiler_lookup_arg(c->u->u_cellvars, cls) : -1;
            Py_XDECREF(cls);
            PyObject *cc = PyUnicode_InternFromString("__classcell__");
            if (i < 0 || !cc ||
                !addop_loc(c, LOAD_CLOSURE, i, NULL, c->u->u_loc) ||
                !addop_loc(c, DUP_TOP, 0, NULL, c->u->u_loc) ||
                !compiler_nameop(c, cc, Store)) {
                Py_XDECREF(cc);
                compiler_exit_scope(c);
                return 0;
            }
            Py_DECREF(cc);
        } else {
            if (!compiler_addop_load_const(c, Py_None)) { compiler_exit_scope(c); return 0; }
        }
        if (!addop_loc(c, RETURN_VALUE, 0, NULL, c->u->u_loc)) { compiler_exit_scope(c); return 0; }
        co = assemble(c, 0);
    }
    compiler_exit_scope(c);
    if (co == NULL) return 0;
    /* 2. __build_class__(func, name, *bases, **keywords) */
    SET_LOC(c, s);
    ADDOP(c, LOAD_BUILD_CLASS);
    int r = compiler_make_closure(c, co, 0, NULL);
    Py_DECREF(co);
    if (!r) return 0;
    ADDOP_LOAD_CONST(c, s->v.ClassDef.name);
    if (!compiler_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords)) return 0;
    if (!compiler_apply_decorators(c, decos)) return 0;
    return compiler_nameop(c, s->v.ClassDef.name, Store);
}

static int compiler_lambda(struct compiler *c, expr_ty e)
{
    arguments_ty args = e->v.Lambda.args;
    if (!compiler_check_debug_args(c, args)) return 0;
    int funcflags = compiler_default_arguments(c, args);
    if (funcflags == -1) return 0;
    PyObject *name = PyUnicode_InternFromString("<lambda>");
    if (!name) return 0;
    int ok = compiler_enter_scope(c, name, COMPILER_SCOPE_LAMBDA, (void *)e, e->lineno);
    Py_DECREF(name);
    if (!ok) return 0;
    /* None first so a lambda has no docstring */
    if (compiler_add_const(c, Py_None) < 0) { compiler_exit_scope(c); return 0; }
    c->u->u_argcount = (int)asdl_seq_LEN(args->args) + (int)asdl_seq_LEN(args->posonlyargs);
    c->u->u_posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    c->u->u_kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    if (!compiler_visit_expr(c, e->v.Lambda.body)) { compiler_exit_scope(c); return 0; }
    PyCodeObject *co;
    if (c->u->u_ste->ste_generator) {
        co = assemble(c, 0);
    } else {
        /* (3.11: the return keeps the scope's own location, the lambda's line, col 0) */
        if (!addop_loc(c, RETURN_VALUE, 0, NULL, c->u->u_loc)) { compiler_exit_scope(c); return 0; }
        co = assemble(c, 1);
    }
    PyObject *qualname = Py_NewRef(c->u->u_qualname);
    compiler_exit_scope(c);
    if (co == NULL) { Py_DECREF(qualname); return 0; }
    SET_LOC(c, e);
    int r = compiler_make_closure(c, co, funcflags, qualname);
    Py_DECREF(qualname);
    Py_DECREF(co);
    return r;
}

/* ---- statements ---- */

static int compiler_jump_if(struct compiler *c, expr_ty e, basicblock *next, int cond);

static int compiler_if(struct compiler *c, stmt_ty s)
{
    basicblock *end = NEW_BLOCK(c), *next;
    if (!end) return 0;
    if (asdl_seq_LEN(s->v.If.orelse)) {
        next = NEW_BLOCK(c);
        if (!next) return 0;
    } else {
        next = end;
    }
    if (!compiler_jump_if(c, s->v.If.test, next, 0)) return 0;
    VISIT_SEQ(c, stmt, s->v.If.body);
    if (asdl_seq_LEN(s->v.If.orelse)) {
        ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, end);
        USE_BLOCK(c, next);
        VISIT_SEQ(c, stmt, s->v.If.orelse);
    }
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_for(struct compiler *c, stmt_ty s)
{
    basicblock *start = NEW_BLOCK(c), *cleanup = NEW_BLOCK(c), *end = NEW_BLOCK(c);
    if (!start || !end || !cleanup) return 0;
    if (!compiler_push_fblock(c, FOR_LOOP, start, end, NULL)) return 0;
    VISIT(c, expr, s->v.For.iter);
    ADDOP(c, GET_ITER);
    USE_BLOCK(c, start);
    ADDOP_JUMP(c, FOR_ITER, cleanup);
    VISIT(c, expr, s->v.For.target);
    VISIT_SEQ(c, stmt, s->v.For.body);
    ADDOP_JUMP_NOLINE(c, JUMP_ABSOLUTE, start);
    USE_BLOCK(c, cleanup);
    compiler_pop_fblock(c);
    VISIT_SEQ(c, stmt, s->v.For.orelse);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_while(struct compiler *c, stmt_ty s)
{
    basicblock *loop = NEW_BLOCK(c), *body = NEW_BLOCK(c), *end = NEW_BLOCK(c),
               *anchor = NEW_BLOCK(c);
    if (!loop || !body || !end || !anchor) return 0;
    USE_BLOCK(c, loop);
    if (!compiler_push_fblock(c, WHILE_LOOP, loop, end, NULL)) return 0;
    if (!compiler_jump_if(c, s->v.While.test, anchor, 0)) return 0;
    USE_BLOCK(c, body);
    VISIT_SEQ(c, stmt, s->v.While.body);
    /* The test again at the bottom, jumping back into the body (as 3.11): one jump per
       iteration instead of two.  (Backward conditional jumps poll the eval breaker.) */
    SET_LOC(c, s);
    if (!compiler_jump_if(c, s->v.While.test, body, 1)) return 0;
    compiler_pop_fblock(c);
    USE_BLOCK(c, anchor);
    if (s->v.While.orelse) VISIT_SEQ(c, stmt, s->v.While.orelse);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_return(struct compiler *c, stmt_ty s)
{
    int preserve_tos = s->v.Return.value != NULL &&
                       s->v.Return.value->kind != Constant_kind;
    if (c->u->u_ste->ste_type != FunctionBlock)
        return compiler_error(c, "'return' outside function");
    if (s->v.Return.value != NULL && c->u->u_ste->ste_coroutine &&
        c->u->u_ste->ste_generator)
        return compiler_error(c, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT(c, expr, s->v.Return.value);
    } else if (s->v.Return.value != NULL) {
        SET_LOC(c, s->v.Return.value);
        ADDOP(c, NOP);  /* keeps the line of the returned constant */
    }
    if (s->v.Return.value == NULL || s->v.Return.value->lineno != s->lineno) {
        SET_LOC(c, s);
        ADDOP(c, NOP);  /* keeps the line of the return statement */
    }
    /* Unwinding a finally or with leaves no location: the return then shows the line
       of what ran last (as 3.11). */
    if (!compiler_unwind_fblock_stack(c, preserve_tos, NULL)) return 0;
    if (s->v.Return.value == NULL) {
        ADDOP_LOAD_CONST(c, Py_None);
    } else if (!preserve_tos) {
        ADDOP_LOAD_CONST(c, s->v.Return.value->v.Constant.value);
    }
    ADDOP(c, RETURN_VALUE);
    basicblock *dead = NEW_BLOCK(c);
    if (!dead) return 0;
    USE_BLOCK(c, dead);
    return 1;
}

static int compiler_break(struct compiler *c)
{
    struct fblockinfo *loop = NULL;
    ADDOP(c, NOP);
    srcloc loc = c->u->u_loc;   /* unwinding a with block moves it */
    if (!compiler_unwind_fblock_stack(c, 0, &loop)) return 0;
    if (loop == NULL) {
        c->u->u_loc = loc;
        return compiler_error(c, "'break' outside loop");
    }
    if (!compiler_unwind_fblock(c, loop, 0)) return 0;
    ADDOP_JUMP(c, JUMP_ABSOLUTE, loop->fb_exit);
    basicblock *dead = NEW_BLOCK(c);
    if (!dead) return 0;
    USE_BLOCK(c, dead);
    return 1;
}

static int compiler_continue(struct compiler *c)
{
    struct fblockinfo *loop = NULL;
    ADDOP(c, NOP);
    srcloc loc = c->u->u_loc;   /* unwinding a with block moves it */
    if (!compiler_unwind_fblock_stack(c, 0, &loop)) return 0;
    if (loop == NULL) {
        c->u->u_loc = loc;
        return compiler_error(c, "'continue' not properly in loop");
    }
    ADDOP_JUMP(c, JUMP_ABSOLUTE, loop->fb_block);
    basicblock *dead = NEW_BLOCK(c);
    if (!dead) return 0;
    USE_BLOCK(c, dead);
    return 1;
}

/* try: body finally: final
 *     SETUP_FINALLY L; body; POP_BLOCK; final; JUMP E
 *  L: final (prev, exc on the stack); RERAISE
 *  E: */
static int compiler_try_except(struct compiler *c, stmt_ty s);
static int compiler_try_star_except(struct compiler *c, stmt_ty s);

/* (Try and TryStar nodes: same fields, read through the right union member.) */
static int compiler_try_finally(struct compiler *c, stmt_ty s)
{
    int star = s->kind == TryStar_kind;
    asdl_stmt_seq *tbody = star ? s->v.TryStar.body : s->v.Try.body;
    asdl_stmt_seq *finalbody = star ? s->v.TryStar.finalbody : s->v.Try.finalbody;
    asdl_excepthandler_seq *handlers = star ? s->v.TryStar.handlers : s->v.Try.handlers;
    basicblock *body = NEW_BLOCK(c), *end = NEW_BLOCK(c), *exit = NEW_BLOCK(c);
    if (!body || !end || !exit) return 0;
    ADDOP_JUMP(c, SETUP_FINALLY, end);
    USE_BLOCK(c, body);
    if (!compiler_push_fblock(c, FINALLY_TRY, body, end, finalbody)) return 0;
    if (handlers && asdl_seq_LEN(handlers)) {
        if (!(star ? compiler_try_star_except(c, s) : compiler_try_except(c, s))) return 0;
    } else {
        VISIT_SEQ(c, stmt, tbody);
    }
    ADDOP_NOLINE(c, POP_BLOCK);
    compiler_pop_fblock(c);
    VISIT_SEQ(c, stmt, finalbody);
    ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, exit);
    /* exceptional path */
    USE_BLOCK(c, end);
    c->u->u_loc.lineno = -1;
    if (!compiler_push_fblock(c, FINALLY_END, end, NULL, NULL)) return 0;
    VISIT_SEQ(c, stmt, finalbody);
    compiler_pop_fblock(c);
    ADDOP_I(c, RERAISE, 0);
    USE_BLOCK(c, exit);
    return 1;
}

static int compiler_try_except(struct compiler *c, stmt_ty s)
{
    basicblock *body = NEW_BLOCK(c), *except = NEW_BLOCK(c), *orelse = NEW_BLOCK(c),
               *end = NEW_BLOCK(c);
    if (!body || !except || !orelse || !end) return 0;
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    USE_BLOCK(c, body);
    if (!compiler_push_fblock(c, TRY_EXCEPT, body, NULL, NULL)) return 0;
    VISIT_SEQ(c, stmt, s->v.Try.body);
    compiler_pop_fblock(c);
    ADDOP_NOLINE(c, POP_BLOCK);
    ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    USE_BLOCK(c, except);
    /* stack here: prev_exc, exc */
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty handler = asdl_seq_GET(s->v.Try.handlers, i);
        SET_LOC(c, handler);
        if (!handler->v.ExceptHandler.type && i < n - 1)
            return compiler_error(c, "default 'except:' must be last");
        except = NEW_BLOCK(c);
        if (!except) return 0;
        if (handler->v.ExceptHandler.type) {
            VISIT(c, expr, handler->v.ExceptHandler.type);
            ADDOP_JUMP(c, JUMP_IF_NOT_EXC_MATCH, except);
        }
        if (handler->v.ExceptHandler.name) {
            basicblock *cleanup_end = NEW_BLOCK(c), *cleanup_body = NEW_BLOCK(c);
            if (!cleanup_end || !cleanup_body) return 0;
            if (!compiler_nameop(c, handler->v.ExceptHandler.name, Store)) return 0;
            /* try: body finally: name = None; del name */
            ADDOP_JUMP(c, SETUP_FINALLY, cleanup_end);
            USE_BLOCK(c, cleanup_body);
            if (!compiler_push_fblock(c, HANDLER_CLEANUP, cleanup_body, NULL,
                                      handler->v.ExceptHandler.name))
                return 0;
            VISIT_SEQ(c, stmt, handler->v.ExceptHandler.body);
            compiler_pop_fblock(c);
            c->u->u_loc.lineno = -1;
            ADDOP(c, POP_BLOCK);
            ADDOP(c, POP_EXCEPT);
            ADDOP_LOAD_CONST(c, Py_None);
            if (!compiler_nameop(c, handler->v.ExceptHandler.name, Store)) return 0;
            if (!compiler_nameop(c, handler->v.ExceptHandler.name, Del)) return 0;
            ADDOP_JUMP(c, JUMP_FORWARD, end);
            /* an exception in the handler body: clear the name, re-raise */
            USE_BLOCK(c, cleanup_end);
            ADDOP_LOAD_CONST(c, Py_None);
            if (!compiler_nameop(c, handler->v.ExceptHandler.name, Store)) return 0;
            if (!compiler_nameop(c, handler->v.ExceptHandler.name, Del)) return 0;
            ADDOP_I(c, RERAISE, 1);
        } else {
            basicblock *cleanup_body = NEW_BLOCK(c);
            if (!cleanup_body) return 0;
            ADDOP(c, POP_TOP);
            USE_BLOCK(c, cleanup_body);
            if (!compiler_push_fblock(c, HANDLER_CLEANUP, cleanup_body, NULL, NULL)) return 0;
            VISIT_SEQ(c, stmt, handler->v.ExceptHandler.body);
            compiler_pop_fblock(c);
            c->u->u_loc.lineno = -1;
            ADDOP(c, POP_EXCEPT);
            ADDOP_JUMP(c, JUMP_FORWARD, end);
        }
        USE_BLOCK(c, except);
    }
    c->u->u_loc.lineno = -1;
    ADDOP_I(c, RERAISE, 0);
    USE_BLOCK(c, orelse);
    VISIT_SEQ(c, stmt, s->v.Try.orelse);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_try(struct compiler *c, stmt_ty s)
{
    if (s->v.Try.finalbody && asdl_seq_LEN(s->v.Try.finalbody))
        return compiler_try_finally(c, s);
    return compiler_try_except(c, s);
}

/* try: body except* T as n: hbody ... (3.11's layout adapted to the block stack).
 * At the handler the stack is [prev, exc]; it becomes [prev, orig, raised-list, rest]:
 * each handler splits `rest` with CHECK_EG_MATCH, runs its body on the match, and an
 * exception escaping a body is appended to the list; PREP_RERAISE_STAR then builds what
 * to re-raise (or None) from orig and the list. */
static int compiler_try_star_except(struct compiler *c, stmt_ty s)
{
    basicblock *body = NEW_BLOCK(c), *except = NEW_BLOCK(c), *orelse = NEW_BLOCK(c),
               *end = NEW_BLOCK(c), *reraise_star = NEW_BLOCK(c), *reraise = NEW_BLOCK(c);
    if (!body || !except || !orelse || !end || !reraise_star || !reraise) return 0;
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    USE_BLOCK(c, body);
    if (!compiler_push_fblock(c, TRY_EXCEPT, body, NULL, NULL)) return 0;
    VISIT_SEQ(c, stmt, s->v.TryStar.body);
    compiler_pop_fblock(c);
    ADDOP_NOLINE(c, POP_BLOCK);
    ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, orelse);
    Py_ssize_t n = asdl_seq_LEN(s->v.TryStar.handlers);
    USE_BLOCK(c, except);
    c->u->u_loc.lineno = -1;
    if (!compiler_push_fblock(c, EXCEPTION_GROUP_HANDLER, NULL, NULL, NULL)) return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        excepthandler_ty handler = asdl_seq_GET(s->v.TryStar.handlers, i);
        identifier name = handler->v.ExceptHandler.name;
        SET_LOC(c, handler);
        basicblock *next = NEW_BLOCK(c), *no_match = NEW_BLOCK(c),
                   *with_error = NEW_BLOCK(c), *cleanup_end = NEW_BLOCK(c),
                   *cleanup_body = NEW_BLOCK(c), *handle = NEW_BLOCK(c);
        if (!next || !no_match || !with_error || !cleanup_end || !cleanup_body || !handle)
            return 0;
        if (i == 0) {
            /* [prev, exc] -> [prev, orig, [], exc] */
            ADDOP_I(c, COPY, 1);
            ADDOP_I(c, BUILD_LIST, 0);
            ADDOP_I(c, SWAP, 2);
        }
        if (handler->v.ExceptHandler.type) {
            VISIT(c, expr, handler->v.ExceptHandler.type);
            ADDOP(c, CHECK_EG_MATCH);            /* [.., rest, match] */
            ADDOP_I(c, COPY, 1);
            ADDOP_JUMP(c, POP_JUMP_IF_NONE, no_match);
        }
        USE_BLOCK(c, handle);
        if (name) {
            if (!compiler_nameop(c, name, Store)) return 0;
        } else {
            ADDOP(c, POP_TOP);
        }
        ADDOP_JUMP(c, SETUP_FINALLY, cleanup_end);
        USE_BLOCK(c, cleanup_body);
        if (!compiler_push_fblock(c, HANDLER_CLEANUP, cleanup_body, NULL, name)) return 0;
        VISIT_SEQ(c, stmt, handler->v.ExceptHandler.body);
        compiler_pop_fblock(c);
        c->u->u_loc.lineno = -1;
        ADDOP(c, POP_BLOCK);
        if (name) {
            ADDOP_LOAD_CONST(c, Py_None);
            if (!compiler_nameop(c, name, Store)) return 0;
            if (!compiler_nameop(c, name, Del)) return 0;
        }
        ADDOP_JUMP(c, JUMP_FORWARD, next);
        /* the body raised: [.., list, rest, prev2, exc2] */
        USE_BLOCK(c, cleanup_end);
        if (name) {
            ADDOP_LOAD_CONST(c, Py_None);
            if (!compiler_nameop(c, name, Store)) return 0;
            if (!compiler_nameop(c, name, Del)) return 0;
        }
        ADDOP_I(c, LIST_APPEND, 3);
        ADDOP(c, POP_EXCEPT);
        ADDOP_JUMP(c, JUMP_FORWARD, with_error);
        USE_BLOCK(c, no_match);
        ADDOP(c, POP_TOP);                        /* match (None) */
        ADDOP_JUMP(c, JUMP_FORWARD, with_error);
        USE_BLOCK(c, next);
        ADDOP(c, NOP);
        USE_BLOCK(c, with_error);
        if (i == n - 1) {
            /* the unhandled rest joins the list: [prev, orig, list] */
            ADDOP_I(c, LIST_APPEND, 1);
            ADDOP_JUMP(c, JUMP_FORWARD, reraise_star);
        }
    }
    compiler_pop_fblock(c);
    USE_BLOCK(c, reraise_star);
    c->u->u_loc.lineno = -1;
    ADDOP(c, PREP_RERAISE_STAR);                  /* [prev, val or None] */
    ADDOP_I(c, COPY, 1);
    ADDOP_JUMP(c, POP_JUMP_IF_NOT_NONE, reraise);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_EXCEPT);
    ADDOP_JUMP(c, JUMP_FORWARD, end);
    USE_BLOCK(c, reraise);
    ADDOP_I(c, SWAP, 2);
    ADDOP(c, POP_EXCEPT);
    ADDOP_I(c, RERAISE, 0);
    USE_BLOCK(c, orelse);
    VISIT_SEQ(c, stmt, s->v.TryStar.orelse);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_try_star(struct compiler *c, stmt_ty s)
{
    if (s->v.TryStar.finalbody && asdl_seq_LEN(s->v.TryStar.finalbody))
        return compiler_try_finally(c, s);
    return compiler_try_star_except(c, s);
}

/* compile(..., flags=PyCF_ALLOW_TOP_LEVEL_AWAIT) (asyncio's REPL, IPython): await,
 * async for and async with are allowed in the module's own code, which then becomes a
 * coroutine code object (CO_COROUTINE). */
#define IS_TOP_LEVEL_AWAIT(c) (((c)->c_flags.cf_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) && \
                               (c)->u->u_ste->ste_type == ModuleBlock)

static int compiler_check_async(struct compiler *c, const char *what)
{
    if (IS_TOP_LEVEL_AWAIT(c)) {
        c->u->u_ste->ste_coroutine = 1;
        return 1;
    }
    if (c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION)
        return compiler_error(c, "%s outside async function", what);
    return 1;
}

/* await the value on top of the stack (oparg: 0 await, 1 __aenter__, 2 __aexit__) */
static int compiler_await_top(struct compiler *c, int where)
{
    ADDOP_I(c, GET_AWAITABLE, where);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP(c, YIELD_FROM);
    return 1;
}

/* async with: like with, awaiting __aenter__() and __aexit__(...). */
static int compiler_async_with(struct compiler *c, stmt_ty s, int pos)
{
    withitem_ty item = asdl_seq_GET(s->v.AsyncWith.items, pos);
    if (!compiler_check_async(c, "'async with'")) return 0;
    basicblock *block = NEW_BLOCK(c), *final = NEW_BLOCK(c), *exit = NEW_BLOCK(c),
               *suppress = NEW_BLOCK(c);
    if (!block || !final || !exit || !suppress) return 0;
    VISIT(c, expr, item->context_expr);
    ADDOP(c, BEFORE_ASYNC_WITH);
    if (!compiler_await_top(c, 1)) return 0;
    ADDOP_JUMP(c, SETUP_ASYNC_WITH, final);
    USE_BLOCK(c, block);
    if (!compiler_push_fblock(c, ASYNC_WITH, block, final, s)) return 0;
    if (item->optional_vars) VISIT(c, expr, item->optional_vars);
    else ADDOP(c, POP_TOP);
    pos++;
    if (pos == asdl_seq_LEN(s->v.AsyncWith.items)) VISIT_SEQ(c, stmt, s->v.AsyncWith.body);
    else if (!compiler_async_with(c, s, pos)) return 0;
    compiler_pop_fblock(c);
    SET_LOC(c, s);
    ADDOP(c, POP_BLOCK);
    if (!compiler_call_exit_with_nones(c)) return 0;
    if (!compiler_await_top(c, 2)) return 0;
    ADDOP(c, POP_TOP);
    ADDOP_JUMP(c, JUMP_FORWARD, exit);
    /* exceptional exit: stack is exit, prev_exc, exc */
    USE_BLOCK(c, final);
    ADDOP(c, WITH_EXCEPT_START);
    if (!compiler_await_top(c, 2)) return 0;
    ADDOP_JUMP(c, POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, RERAISE, 1);
    USE_BLOCK(c, suppress);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, POP_TOP);
    USE_BLOCK(c, exit);
    return 1;
}

/* async for: GET_AITER; loop: SETUP_FINALLY E; GET_ANEXT; await; POP_BLOCK; body;
 * E: END_ASYNC_FOR ends the loop on StopAsyncIteration. */
static int compiler_async_for(struct compiler *c, stmt_ty s)
{
    if (!compiler_check_async(c, "'async for'")) return 0;
    basicblock *start = NEW_BLOCK(c), *except = NEW_BLOCK(c), *end = NEW_BLOCK(c),
               *body = NEW_BLOCK(c);
    if (!start || !except || !end || !body) return 0;
    VISIT(c, expr, s->v.AsyncFor.iter);
    ADDOP(c, GET_AITER);
    USE_BLOCK(c, start);
    if (!compiler_push_fblock(c, FOR_LOOP, start, end, NULL)) return 0;
    ADDOP_JUMP(c, SETUP_FINALLY, except);
    USE_BLOCK(c, body);
    ADDOP(c, GET_ANEXT);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP(c, YIELD_FROM);
    ADDOP(c, POP_BLOCK);
    VISIT(c, expr, s->v.AsyncFor.target);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.body);
    SET_LOC(c, s);
    ADDOP_JUMP_NOLINE(c, JUMP_ABSOLUTE, start);
    compiler_pop_fblock(c);
    USE_BLOCK(c, except);
    /* the loop ends at the `async for` (its iterator's line), not in the body */
    SET_LOC(c, s->v.AsyncFor.iter);
    ADDOP(c, END_ASYNC_FOR);
    VISIT_SEQ(c, stmt, s->v.AsyncFor.orelse);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_with(struct compiler *c, stmt_ty s, int pos)
{
    withitem_ty item = asdl_seq_GET(s->v.With.items, pos);
    basicblock *block = NEW_BLOCK(c), *final = NEW_BLOCK(c), *exit = NEW_BLOCK(c),
               *suppress = NEW_BLOCK(c);
    if (!block || !final || !exit || !suppress) return 0;
    VISIT(c, expr, item->context_expr);
    ADDOP_JUMP(c, SETUP_WITH, final);
    USE_BLOCK(c, block);
    if (!compiler_push_fblock(c, WITH, block, final, s)) return 0;
    if (item->optional_vars) VISIT(c, expr, item->optional_vars);
    else ADDOP(c, POP_TOP);
    pos++;
    if (pos == asdl_seq_LEN(s->v.With.items)) VISIT_SEQ(c, stmt, s->v.With.body);
    else if (!compiler_with(c, s, pos)) return 0;
    compiler_pop_fblock(c);
    SET_LOC(c, s);
    ADDOP(c, POP_BLOCK);
    if (!compiler_call_exit_with_nones(c)) return 0;
    ADDOP(c, POP_TOP);
    ADDOP_JUMP(c, JUMP_FORWARD, exit);
    /* exceptional exit: stack is exit, prev_exc, exc */
    USE_BLOCK(c, final);
    ADDOP(c, WITH_EXCEPT_START);
    ADDOP_JUMP(c, POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, RERAISE, 1);
    USE_BLOCK(c, suppress);
    ADDOP(c, POP_TOP);
    ADDOP(c, POP_EXCEPT);
    ADDOP(c, POP_TOP);
    USE_BLOCK(c, exit);
    return 1;
}

static int compiler_raise(struct compiler *c, stmt_ty s)
{
    int n = 0;
    if (s->v.Raise.exc) {
        VISIT(c, expr, s->v.Raise.exc);
        n++;
        if (s->v.Raise.cause) {
            VISIT(c, expr, s->v.Raise.cause);
            n++;
        }
    }
    ADDOP_I(c, RAISE_VARARGS, n);
    basicblock *dead = NEW_BLOCK(c);
    if (!dead) return 0;
    USE_BLOCK(c, dead);
    return 1;
}

static int compiler_warn(struct compiler *c, const char *fmt, ...);

static int compiler_assert(struct compiler *c, stmt_ty s)
{
    /* a non-empty tuple (folded to a constant when its items are) is always true: warned
       about even under -O, as 3.11 does */
    expr_ty test = s->v.Assert.test;
    if ((test->kind == Tuple_kind && asdl_seq_LEN(test->v.Tuple.elts) > 0) ||
        (test->kind == Constant_kind && PyTuple_Check(test->v.Constant.value) &&
         PyTuple_GET_SIZE(test->v.Constant.value) > 0)) {
        if (!compiler_warn(c, "assertion is always true, perhaps remove parentheses?"))
            return 0;
    }
    if (c->c_optimize) return 1;
    basicblock *end = NEW_BLOCK(c);
    if (!end) return 0;
    if (!compiler_jump_if(c, s->v.Assert.test, end, 1)) return 0;
    ADDOP(c, LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        VISIT(c, expr, s->v.Assert.msg);
        ADDOP_I(c, CALL_FUNCTION, 1);
    }
    ADDOP_I(c, RAISE_VARARGS, 1);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_import_as(struct compiler *c, identifier name, identifier asname)
{
    /* import a.b.c as d: load attribute chain after IMPORT_NAME */
    Py_ssize_t len = PyUnicode_GET_LENGTH(name);
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, len, 1);
    if (dot == -2) return 0;
    if (dot != -1) {
        Py_ssize_t pos = dot + 1;
        while (dot != -1) {
            dot = PyUnicode_FindChar(name, '.', pos, len, 1);
            if (dot == -2) return 0;
            PyObject *attr = PyUnicode_Substring(name, pos, (dot != -1) ? dot : len);
            if (!attr) return 0;
            int r = compiler_addop_o(c, IMPORT_FROM, c->u->u_names, attr);
            Py_DECREF(attr);
            if (!r) return 0;
            if (dot != -1) ADDOP(c, ROT_TWO);
            ADDOP(c, POP_TOP);  /* the parent module (or rotated) */
            if (dot == -1) break;
            pos = dot + 1;
        }
        /* IMPORT_FROM leaves [module, attr]: we popped appropriately */
    }
    return compiler_nameop(c, asname, Store);
}

static int compiler_import(struct compiler *c, stmt_ty s)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++) {
        alias_ty alias = asdl_seq_GET(s->v.Import.names, i);
        ADDOP_LOAD_CONST_NEW(c, PyLong_FromLong(0));
        ADDOP_LOAD_CONST(c, Py_None);
        ADDOP_NAME(c, IMPORT_NAME, alias->name, names);
        if (alias->asname) {
            /* IMPORT_FROM keeps the module below the attribute */
            Py_ssize_t len = PyUnicode_GET_LENGTH(alias->name);
            Py_ssize_t dot = PyUnicode_FindChar(alias->name, '.', 0, len, 1);
            if (dot != -1) {
                Py_ssize_t pos = dot + 1;
                for (;;) {
                    Py_ssize_t next = PyUnicode_FindChar(alias->name, '.', pos, len, 1);
                    PyObject *attr = PyUnicode_Substring(alias->name, pos, next != -1 ? next : len);
                    if (!attr) return 0;
                    int r = compiler_addop_o(c, IMPORT_FROM, c->u->u_names, attr);
                    Py_DECREF(attr);
                    if (!r) return 0;
                    ADDOP(c, ROT_TWO);
                    ADDOP(c, POP_TOP);
                    if (next == -1) break;
                    pos = next + 1;
                }
            }
            if (!compiler_nameop(c, alias->asname, Store)) return 0;
        } else {
            identifier tmp = alias->name;
            Py_ssize_t dot = PyUnicode_FindChar(alias->name, '.', 0,
                                                PyUnicode_GET_LENGTH(alias->name), 1);
            if (dot != -1) {
                tmp = PyUnicode_Substring(alias->name, 0, dot);
                if (!tmp) return 0;
            } else {
                Py_INCREF(tmp);
            }
            int r = compiler_nameop(c, tmp, Store);
            Py_DECREF(tmp);
            if (!r) return 0;
        }
    }
    (void)compiler_import_as;
    return 1;
}

static int is_future_import(stmt_ty s);

static int compiler_from_import(struct compiler *c, stmt_ty s)
{
    Py_ssize_t n = asdl_seq_LEN(s->v.ImportFrom.names);
    PyObject *names = PyTuple_New(n);
    if (!names) return 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty alias = asdl_seq_GET(s->v.ImportFrom.names, i);
        PyTuple_SET_ITEM(names, i, Py_NewRef(alias->name));
    }
    if (s->lineno > c->c_future_lineno && is_future_import(s)) {
        Py_DECREF(names);
        return compiler_error(c, "from __future__ imports must occur at the beginning of the file");
    }
    ADDOP_LOAD_CONST_NEW(c, PyLong_FromLong(s->v.ImportFrom.level));
    ADDOP_LOAD_CONST_NEW(c, names);
    if (s->v.ImportFrom.module) {
        ADDOP_NAME(c, IMPORT_NAME, s->v.ImportFrom.module, names);
    } else {
        PyObject *empty = PyUnicode_FromString("");
        if (!empty) return 0;
        int r = compiler_addop_name(c, IMPORT_NAME, c->u->u_names, empty);
        Py_DECREF(empty);
        if (!r) return 0;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        alias_ty alias = asdl_seq_GET(s->v.ImportFrom.names, i);
        identifier store_name;
        if (i == 0 && PyUnicode_READ_CHAR(alias->name, 0) == '*') {
            ADDOP(c, IMPORT_STAR);
            return 1;
        }
        ADDOP_NAME(c, IMPORT_FROM, alias->name, names);
        store_name = alias->asname ? alias->asname : alias->name;
        if (!compiler_nameop(c, store_name, Store)) return 0;
    }
    ADDOP(c, POP_TOP);
    return 1;
}

static int check_ann_expr(struct compiler *c, expr_ty e)
{
    VISIT(c, expr, e);
    ADDOP(c, POP_TOP);
    return 1;
}

static int compiler_annassign(struct compiler *c, stmt_ty s)
{
    expr_ty targ = s->v.AnnAssign.target;
    /* the assignment first: its target's own check reports the target's location */
    if (s->v.AnnAssign.value) {
        VISIT(c, expr, s->v.AnnAssign.value);
        VISIT(c, expr, targ);
    }
    switch (targ->kind) {
    case Name_kind:
        if (forbidden_name(c, targ->v.Name.id, Store)) return 0;
        /* module or class level simple names record their annotation */
        if (s->v.AnnAssign.simple && (c->u->u_scope_type == COMPILER_SCOPE_MODULE ||
                                      c->u->u_scope_type == COMPILER_SCOPE_CLASS)) {
            if (!compiler_visit_annexpr(c, s->v.AnnAssign.annotation)) return 0;
            PyObject *ann = PyUnicode_InternFromString("__annotations__");
            if (!ann) return 0;
            int r = compiler_nameop(c, ann, Load);
            Py_DECREF(ann);
            if (!r) return 0;
            PyObject *mangled = _Py_Mangle(c->u->u_private, targ->v.Name.id);
            if (!mangled) return 0;
            ADDOP_LOAD_CONST_NEW(c, mangled);
            ADDOP(c, STORE_SUBSCR);
        }
        break;
    case Attribute_kind:
        if (forbidden_name(c, targ->v.Attribute.attr, Store)) return 0;
        if (!s->v.AnnAssign.value && !check_ann_expr(c, targ->v.Attribute.value)) return 0;
        break;
    case Subscript_kind:
        if (!s->v.AnnAssign.value && (!check_ann_expr(c, targ->v.Subscript.value) ||
                                      !check_ann_expr(c, targ->v.Subscript.slice)))
            return 0;
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for annotated assignment",
                     targ->kind);
        return 0;
    }
    /* annotations of non-simple targets or in functions are evaluated only if
     * not postponed */
    if (!s->v.AnnAssign.simple || (c->u->u_scope_type != COMPILER_SCOPE_MODULE &&
                                   c->u->u_scope_type != COMPILER_SCOPE_CLASS)) {
        if (!(c->c_future_features & CO_FUTURE_ANNOTATIONS) &&
            c->u->u_scope_type != COMPILER_SCOPE_FUNCTION &&
            c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION &&
            c->u->u_scope_type != COMPILER_SCOPE_LAMBDA) {
            if (!check_ann_expr(c, s->v.AnnAssign.annotation)) return 0;
        }
    }
    return 1;
}

static int compiler_visit_stmt_expr(struct compiler *c, expr_ty value)
{
    if (c->c_interactive && c->c_nestlevel <= 1) {
        VISIT(c, expr, value);
        ADDOP(c, PRINT_EXPR);
        return 1;
    }
    if (value->kind == Constant_kind) {
        ADDOP(c, NOP); /* keep the line number */
        return 1;
    }
    VISIT(c, expr, value);
    ADDOP_NOLINE(c, POP_TOP);
    return 1;
}

/* ---- match statements (PEP 634) ----
 * A pattern consumes the subject on top of the stack.  On success the captured values
 * are left on the stack (pc->stores names them: stores[0] on top); on failure control
 * goes to pc->fail_pop[n], which pops the n values above the case's starting point.
 * pc->on_top counts values the current sub-pattern must leave alone above the captures. */

typedef struct {
    PyObject *stores;       /* list of captured names, in stack order */
    int allow_irrefutable;  /* may this (sub)pattern be irrefutable? */
    basicblock **fail_pop;  /* fail_pop[n]: pop n values, then go to the next case */
    Py_ssize_t fail_pop_size;
    Py_ssize_t on_top;
} pattern_context;

#define WILDCARD_CHECK(p) ((p)->kind == MatchAs_kind && !(p)->v.MatchAs.name)
#define WILDCARD_STAR_CHECK(p) ((p)->kind == MatchStar_kind && !(p)->v.MatchStar.name)
#define MATCH_VALUE_EXPR(e) ((e)->kind == Constant_kind || (e)->kind == Attribute_kind)

static int compiler_pattern(struct compiler *c, pattern_ty p, pattern_context *pc);

static int ensure_fail_pop(struct compiler *c, pattern_context *pc, Py_ssize_t n)
{
    Py_ssize_t size = n + 1;
    if (size <= pc->fail_pop_size) return 1;
    basicblock **blocks = PyObject_Realloc(pc->fail_pop, sizeof(basicblock *) * (size_t)size);
    if (blocks == NULL) { PyErr_NoMemory(); return 0; }
    pc->fail_pop = blocks;
    while (pc->fail_pop_size < size) {
        basicblock *b = NEW_BLOCK(c);
        if (b == NULL) return 0;
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return 1;
}

/* Jump (op) to the failure block that pops everything this pattern pushed so far. */
static int jump_to_fail_pop(struct compiler *c, pattern_context *pc, int op)
{
    Py_ssize_t pops = pc->on_top + PyList_GET_SIZE(pc->stores);
    if (!ensure_fail_pop(c, pc, pops)) return 0;
    ADDOP_JUMP(c, op, pc->fail_pop[pops]);
    return 1;
}

/* Emit the chain of failure blocks: fail_pop[n] pops one value, falls into [n-1]... */
static int emit_and_reset_fail_pop(struct compiler *c, pattern_context *pc)
{
    if (!pc->fail_pop_size) return 1;
    while (--pc->fail_pop_size) {
        USE_BLOCK(c, pc->fail_pop[pc->fail_pop_size]);
        /* (at the pattern's location, as 3.11: a failed last case returns on its line) */
        if (!addop_loc(c, POP_TOP, 0, NULL, c->u->u_loc)) {
            PyObject_Free(pc->fail_pop);
            pc->fail_pop = NULL;
            return 0;
        }
    }
    USE_BLOCK(c, pc->fail_pop[0]);
    PyObject_Free(pc->fail_pop);
    pc->fail_pop = NULL;
    return 1;
}

/* Move the top of the stack down to position count (SWAPs, as CPython does). */
static int pattern_helper_rotate(struct compiler *c, Py_ssize_t count)
{
    while (1 < count) ADDOP_I(c, SWAP, (int)count--);
    return 1;
}

static int pattern_helper_store_name(struct compiler *c, identifier n, pattern_context *pc)
{
    if (n == NULL) {
        ADDOP(c, POP_TOP);
        return 1;
    }
    if (_PyUnicode_EqualToASCIIString(n, "__debug__"))
        return compiler_error(c, "cannot assign to __debug__");
    int dup = PySequence_Contains(pc->stores, n);
    if (dup < 0) return 0;
    if (dup) return compiler_error(c, "multiple assignments to name %R in pattern", n);
    /* the new capture goes below everything already kept on the stack */
    if (!pattern_helper_rotate(c, pc->on_top + PyList_GET_SIZE(pc->stores) + 1)) return 0;
    return PyList_Append(pc->stores, n) == 0;
}

static int pattern_unpack_helper(struct compiler *c, asdl_pattern_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        pattern_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == MatchStar_kind && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (INT_MAX >> 8))
                return compiler_error(c, "too many expressions in star-unpacking sequence pattern");
            ADDOP_I(c, UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == MatchStar_kind) {
            return compiler_error(c, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star) ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    return 1;
}

static int compiler_pattern_subpattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    int allow_irrefutable = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    int r = compiler_pattern(c, p, pc);
    pc->allow_irrefutable = allow_irrefutable;
    return r;
}

/* [a, b, *c, d]: unpack the subject and match each element in turn. */
static int pattern_helper_sequence_unpack(struct compiler *c, asdl_pattern_seq *patterns,
                                          pattern_context *pc)
{
    if (!pattern_unpack_helper(c, patterns)) return 0;
    Py_ssize_t size = asdl_seq_LEN(patterns);
    pc->on_top += size;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        if (!compiler_pattern_subpattern(c, asdl_seq_GET(patterns, i), pc)) return 0;
    }
    return 1;
}

/* [a, *_, b]: index the subject instead of unpacking it (the star part is skipped). */
static int pattern_helper_sequence_subscr(struct compiler *c, asdl_pattern_seq *patterns,
                                          Py_ssize_t star, pattern_context *pc)
{
    pc->on_top++;  /* the subject stays for the indexing */
    Py_ssize_t size = asdl_seq_LEN(patterns);
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty pattern = asdl_seq_GET(patterns, i);
        if (WILDCARD_CHECK(pattern) || i == star) continue;
        ADDOP_I(c, COPY, 1);
        if (i < star) {
            ADDOP_LOAD_CONST_NEW(c, PyLong_FromSsize_t(i));
        } else {
            /* the subject may not support negative indexes: len(subject) - (size - i) */
            ADDOP(c, GET_LEN);
            ADDOP_LOAD_CONST_NEW(c, PyLong_FromSsize_t(size - i));
            ADDOP_I(c, BINARY_OP, NB_SUBTRACT);
        }
        ADDOP(c, BINARY_SUBSCR);
        if (!compiler_pattern_subpattern(c, pattern, pc)) return 0;
    }
    pc->on_top--;
    ADDOP(c, POP_TOP);
    return 1;
}

static int compiler_pattern_as(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    if (p->v.MatchAs.pattern == NULL) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return compiler_error(c, "name capture %R makes remaining patterns unreachable",
                                      p->v.MatchAs.name);
            return compiler_error(c, "wildcard makes remaining patterns unreachable");
        }
        return pattern_helper_store_name(c, p->v.MatchAs.name, pc);
    }
    pc->on_top++;  /* keep a copy to store on success */
    ADDOP_I(c, COPY, 1);
    if (!compiler_pattern(c, p->v.MatchAs.pattern, pc)) return 0;
    pc->on_top--;
    return pattern_helper_store_name(c, p->v.MatchAs.name, pc);
}

static int validate_kwd_attrs(struct compiler *c, asdl_identifier_seq *attrs,
                              asdl_pattern_seq *patterns)
{
    Py_ssize_t nattrs = asdl_seq_LEN(attrs);
    for (Py_ssize_t i = 0; i < nattrs; i++) {
        identifier attr = asdl_seq_GET(attrs, i);
        SET_LOC(c, (pattern_ty)asdl_seq_GET(patterns, i));
        if (_PyUnicode_EqualToASCIIString(attr, "__debug__"))
            return compiler_error(c, "cannot assign to __debug__");
        for (Py_ssize_t j = i + 1; j < nattrs; j++) {
            identifier other = asdl_seq_GET(attrs, j);
            if (!PyUnicode_Compare(attr, other)) {
                SET_LOC(c, (pattern_ty)asdl_seq_GET(patterns, j));
                return compiler_error(c, "attribute name repeated in class pattern: %U", attr);
            }
        }
    }
    return 1;
}

static int compiler_pattern_class(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchClass.patterns;
    asdl_identifier_seq *kwd_attrs = p->v.MatchClass.kwd_attrs;
    asdl_pattern_seq *kwd_patterns = p->v.MatchClass.kwd_patterns;
    Py_ssize_t nargs = asdl_seq_LEN(patterns), nattrs = asdl_seq_LEN(kwd_attrs);
    if (nattrs != asdl_seq_LEN(kwd_patterns)) {
        PyErr_Format(PyExc_ValueError,
                     "kwd_attrs (%zd) / kwd_patterns (%zd) length mismatch in class pattern",
                     nattrs, asdl_seq_LEN(kwd_patterns));
        return 0;
    }
    if (INT_MAX < nargs || INT_MAX < nargs + nattrs - 1)
        return compiler_error(c, "too many sub-patterns in class pattern %R",
                              p->v.MatchClass.cls);
    if (nattrs) {
        if (!validate_kwd_attrs(c, kwd_attrs, kwd_patterns)) return 0;
        SET_LOC(c, p);
    }
    VISIT(c, expr, p->v.MatchClass.cls);
    PyObject *attr_names = PyTuple_New(nattrs);
    if (attr_names == NULL) return 0;
    for (Py_ssize_t i = 0; i < nattrs; i++)
        PyTuple_SET_ITEM(attr_names, i, Py_NewRef((PyObject *)asdl_seq_GET(kwd_attrs, i)));
    ADDOP_LOAD_CONST_NEW(c, attr_names);
    ADDOP_I(c, MATCH_CLASS, (int)nargs);
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP_I(c, IS_OP, 1);
    /* on top: a tuple of nargs + nattrs attributes (or None) */
    pc->on_top++;
    if (!jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE)) return 0;
    ADDOP_I(c, UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += nargs + nattrs - 1;
    for (Py_ssize_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        pattern_ty pattern = i < nargs ? asdl_seq_GET(patterns, i)
                                       : asdl_seq_GET(kwd_patterns, i - nargs);
        if (WILDCARD_CHECK(pattern)) {
            ADDOP(c, POP_TOP);
            continue;
        }
        if (!compiler_pattern_subpattern(c, pattern, pc)) return 0;
    }
    return 1;
}

static int compiler_pattern_mapping(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_expr_seq *keys = p->v.MatchMapping.keys;
    asdl_pattern_seq *patterns = p->v.MatchMapping.patterns;
    Py_ssize_t size = asdl_seq_LEN(keys), npatterns = asdl_seq_LEN(patterns);
    if (size != npatterns) {
        PyErr_Format(PyExc_ValueError,
                     "keys (%zd) / patterns (%zd) length mismatch in mapping pattern",
                     size, npatterns);
        return 0;
    }
    identifier star_target = p->v.MatchMapping.rest;
    pc->on_top++;  /* the subject stays on top for the checks */
    ADDOP(c, MATCH_MAPPING);
    if (!jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE)) return 0;
    if (!size && !star_target) {
        pc->on_top--;  /* just "{}": done with the subject */
        ADDOP(c, POP_TOP);
        return 1;
    }
    if (size) {
        ADDOP(c, GET_LEN);
        ADDOP_LOAD_CONST_NEW(c, PyLong_FromSsize_t(size));
        ADDOP_I(c, COMPARE_OP, Py_GE);
        if (!jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE)) return 0;
    }
    if (INT_MAX < size - 1)
        return compiler_error(c, "too many sub-patterns in mapping pattern");
    /* the keys (literals or attribute lookups; constant duplicates are an error) */
    PyObject *seen = PySet_New(NULL);
    if (seen == NULL) return 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key == NULL) {
            SET_LOC(c, (pattern_ty)asdl_seq_GET(patterns, i));
            Py_DECREF(seen);
            return compiler_error(c, "can't use NULL keys in MatchMapping "
                                     "(set 'rest' parameter instead)");
        }
        if (key->kind == Constant_kind) {
            int in_seen = PySet_Contains(seen, key->v.Constant.value);
            if (in_seen < 0) { Py_DECREF(seen); return 0; }
            if (in_seen) {
                Py_DECREF(seen);
                return compiler_error(c, "mapping pattern checks duplicate key (%R)",
                                      key->v.Constant.value);
            }
            if (PySet_Add(seen, key->v.Constant.value) < 0) { Py_DECREF(seen); return 0; }
        } else if (key->kind != Attribute_kind) {
            Py_DECREF(seen);
            return compiler_error(c, "mapping pattern keys may only match literals and "
                                     "attribute lookups");
        }
        if (!compiler_visit_expr(c, key)) { Py_DECREF(seen); return 0; }
    }
    Py_DECREF(seen);
    SET_LOC(c, p);
    ADDOP_I(c, BUILD_TUPLE, (int)size);
    ADDOP(c, MATCH_KEYS);
    /* [subject, keys, values or None] */
    pc->on_top += 2;
    ADDOP_I(c, COPY, 1);
    ADDOP_LOAD_CONST(c, Py_None);
    ADDOP_I(c, IS_OP, 1);
    if (!jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE)) return 0;
    ADDOP_I(c, UNPACK_SEQUENCE, (int)size);
    pc->on_top += size - 1;
    for (Py_ssize_t i = 0; i < size; i++) {
        pc->on_top--;
        if (!compiler_pattern_subpattern(c, asdl_seq_GET(patterns, i), pc)) return 0;
    }
    /* a match: what follows consumes the keys tuple and the subject */
    pc->on_top -= 2;
    if (star_target) {
        /* rest = dict(subject); del rest[k] for each key */
        ADDOP_I(c, BUILD_MAP, 0);           /* [subject, keys, {}] */
        ADDOP_I(c, SWAP, 3);                /* [{}, keys, subject] */
        ADDOP_I(c, DICT_UPDATE, 2);         /* [rest, keys] */
        ADDOP_I(c, UNPACK_SEQUENCE, (int)size); /* [rest, key...] */
        while (size) {
            ADDOP_I(c, COPY, (int)(1 + size--)); /* [rest, key..., rest] */
            ADDOP_I(c, SWAP, 2);                 /* [rest, key..., rest, key] */
            ADDOP(c, DELETE_SUBSCR);             /* [rest, key...] */
        }
        return pattern_helper_store_name(c, star_target, pc);
    }
    ADDOP(c, POP_TOP);  /* keys */
    ADDOP(c, POP_TOP);  /* subject */
    return 1;
}

static int compiler_pattern_or(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    basicblock *end = NEW_BLOCK(c);
    if (end == NULL) return 0;
    Py_ssize_t size = asdl_seq_LEN(p->v.MatchOr.patterns);
    pattern_context old_pc = *pc;
    Py_INCREF(pc->stores);
    /* control: the names the first alternative binds, in its stack order; the others
     * must bind the same set and are reordered to match */
    PyObject *control = NULL;
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty alt = asdl_seq_GET(p->v.MatchOr.patterns, i);
        SET_LOC(c, alt);
        PyObject *pc_stores = PyList_New(0);
        if (pc_stores == NULL) goto error;
        Py_SETREF(pc->stores, pc_stores);
        pc->allow_irrefutable = (i == size - 1) && old_pc.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (!addop_loc(c, COPY, 1, NULL, c->u->u_loc) || !compiler_pattern(c, alt, pc))
            goto error;
        Py_ssize_t nstores = PyList_GET_SIZE(pc->stores);
        if (!i) {
            control = Py_NewRef(pc->stores);
        } else if (nstores != PyList_GET_SIZE(control)) {
            goto diff;
        } else if (nstores) {
            Py_ssize_t icontrol = nstores;
            while (icontrol--) {
                PyObject *name = PyList_GET_ITEM(control, icontrol);
                Py_ssize_t istores = PySequence_Index(pc->stores, name);
                if (istores < 0) {
                    PyErr_Clear();
                    goto diff;
                }
                if (icontrol != istores) {
                    /* reorder the stack (and pc->stores the same way) to control's order:
                     * stores[:istores+1] moves down to position icontrol */
                    Py_ssize_t rotations = istores + 1;
                    PyObject *rotated = PyList_GetSlice(pc->stores, 0, rotations);
                    if (rotated == NULL ||
                        PyList_SetSlice(pc->stores, 0, rotations, NULL) ||
                        PyList_SetSlice(pc->stores, icontrol - istores, icontrol - istores,
                                        rotated)) {
                        Py_XDECREF(rotated);
                        goto error;
                    }
                    Py_DECREF(rotated);
                    while (rotations--) {
                        if (!pattern_helper_rotate(c, icontrol + 1)) goto error;
                    }
                }
            }
        }
        if (!addop_loc(c, JUMP_FORWARD, 0, end, c->u->u_loc) ||
            !emit_and_reset_fail_pop(c, pc))
            goto error;
    }
    Py_DECREF(pc->stores);
    *pc = old_pc;
    Py_INCREF(pc->stores);
    old_pc.fail_pop = NULL;
    /* no alternative matched: pop the remaining copy of the subject and fail */
    if (!addop_loc(c, POP_TOP, 0, NULL, c->u->u_loc) || !jump_to_fail_pop(c, pc, JUMP_FORWARD))
        goto error;
    USE_BLOCK(c, end);
    Py_ssize_t nstores = PyList_GET_SIZE(control);
    /* between the new captures and their place: the other new captures, the subject
     * copy, whatever the enclosing pattern keeps on top, and the earlier captures */
    Py_ssize_t nrots = nstores + 1 + pc->on_top + PyList_GET_SIZE(pc->stores);
    for (Py_ssize_t i = 0; i < nstores; i++) {
        if (!pattern_helper_rotate(c, nrots)) goto error;
        PyObject *name = PyList_GET_ITEM(control, i);
        int dupe = PySequence_Contains(pc->stores, name);
        if (dupe < 0) goto error;
        if (dupe) {
            compiler_error(c, "multiple assignments to name %R in pattern", name);
            goto error;
        }
        if (PyList_Append(pc->stores, name) < 0) goto error;
    }
    Py_DECREF(old_pc.stores);
    Py_DECREF(control);
    ADDOP(c, POP_TOP);  /* the subject copy */
    return 1;
diff:
    compiler_error(c, "alternative patterns bind different names");
error:
    PyObject_Free(old_pc.fail_pop);
    Py_DECREF(old_pc.stores);
    Py_XDECREF(control);
    return 0;
}

static int compiler_pattern_sequence(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    asdl_pattern_seq *patterns = p->v.MatchSequence.patterns;
    Py_ssize_t size = asdl_seq_LEN(patterns), star = -1;
    int only_wildcard = 1, star_wildcard = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        pattern_ty pattern = asdl_seq_GET(patterns, i);
        if (pattern->kind == MatchStar_kind) {
            if (star >= 0)
                return compiler_error(c, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(pattern);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(pattern);
    }
    pc->on_top++;  /* the subject stays on top for the checks */
    ADDOP(c, MATCH_SEQUENCE);
    if (!jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE)) return 0;
    if (star < 0) {
        ADDOP(c, GET_LEN);  /* len(subject) == size */
        ADDOP_LOAD_CONST_NEW(c, PyLong_FromSsize_t(size));
        ADDOP_I(c, COMPARE_OP, Py_EQ);
        if (!jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE)) return 0;
    } else if (size > 1) {
        ADDOP(c, GET_LEN);  /* len(subject) >= size - 1 */
        ADDOP_LOAD_CONST_NEW(c, PyLong_FromSsize_t(size - 1));
        ADDOP_I(c, COMPARE_OP, Py_GE);
        if (!jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE)) return 0;
    }
    pc->on_top--;
    if (only_wildcard) {
        ADDOP(c, POP_TOP);  /* [], [_], [_, *_]...: nothing to extract */
        return 1;
    }
    if (star_wildcard) return pattern_helper_sequence_subscr(c, patterns, star, pc);
    return pattern_helper_sequence_unpack(c, patterns, pc);
}

static int compiler_pattern_value(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    expr_ty value = p->v.MatchValue.value;
    if (!MATCH_VALUE_EXPR(value))
        return compiler_error(c, "patterns may only match literals and attribute lookups");
    VISIT(c, expr, value);
    ADDOP_I(c, COMPARE_OP, Py_EQ);
    return jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE);
}

static int compiler_pattern_singleton(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    ADDOP_LOAD_CONST(c, p->v.MatchSingleton.value);
    ADDOP_I(c, IS_OP, 0);
    return jump_to_fail_pop(c, pc, POP_JUMP_IF_FALSE);
}

static int compiler_pattern(struct compiler *c, pattern_ty p, pattern_context *pc)
{
    SET_LOC(c, p);
    switch (p->kind) {
    case MatchValue_kind: return compiler_pattern_value(c, p, pc);
    case MatchSingleton_kind: return compiler_pattern_singleton(c, p, pc);
    case MatchSequence_kind: return compiler_pattern_sequence(c, p, pc);
    case MatchMapping_kind: return compiler_pattern_mapping(c, p, pc);
    case MatchClass_kind: return compiler_pattern_class(c, p, pc);
    case MatchStar_kind: return pattern_helper_store_name(c, p->v.MatchStar.name, pc);
    case MatchAs_kind: return compiler_pattern_as(c, p, pc);
    case MatchOr_kind: return compiler_pattern_or(c, p, pc);
    }
    PyErr_SetString(PyExc_SystemError, "unreachable pattern kind");
    return 0;
}

static int compiler_match_inner(struct compiler *c, stmt_ty s, pattern_context *pc)
{
    VISIT(c, expr, s->v.Match.subject);
    basicblock *end = NEW_BLOCK(c);
    if (end == NULL) return 0;
    Py_ssize_t cases = asdl_seq_LEN(s->v.Match.cases);
    match_case_ty m = asdl_seq_GET(s->v.Match.cases, cases - 1);
    /* a trailing "case _:" needs no copy of the subject and no pattern code */
    int has_default = WILDCARD_CHECK(m->pattern) && 1 < cases;
    for (Py_ssize_t i = 0; i < cases - has_default; i++) {
        m = asdl_seq_GET(s->v.Match.cases, i);
        SET_LOC(c, m->pattern);
        int last = i == cases - has_default - 1;
        if (!last) ADDOP_I(c, COPY, 1);  /* the next case needs the subject too */
        PyObject *stores = PyList_New(0);
        if (stores == NULL) return 0;
        Py_XSETREF(pc->stores, stores);
        pc->allow_irrefutable = m->guard != NULL || i == cases - 1;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (!compiler_pattern(c, m->pattern, pc)) return 0;
        /* a match: bind the captured names (on the stack, stores[0] on top) */
        for (Py_ssize_t n = 0; n < PyList_GET_SIZE(pc->stores); n++) {
            if (!compiler_nameop(c, PyList_GET_ITEM(pc->stores, n), Store)) return 0;
        }
        if (m->guard) {
            if (!ensure_fail_pop(c, pc, 0)) return 0;
            if (!compiler_jump_if(c, m->guard, pc->fail_pop[0], 0)) return 0;
        }
        if (!last) ADDOP(c, POP_TOP);  /* done with the subject */
        VISIT_SEQ(c, stmt, m->body);
        ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, end);
        /* failure cleanup belongs to the pattern's line, not the body's last line */
        SET_LOC(c, m->pattern);
        if (!emit_and_reset_fail_pop(c, pc)) return 0;
    }
    if (has_default) {
        m = asdl_seq_GET(s->v.Match.cases, cases - 1);
        SET_LOC(c, m->pattern);
        if (cases == 1) ADDOP(c, POP_TOP);
        else ADDOP(c, NOP);  /* the default case's line */
        if (m->guard && !compiler_jump_if(c, m->guard, end, 0)) return 0;
        VISIT_SEQ(c, stmt, m->body);
    }
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_match(struct compiler *c, stmt_ty s)
{
    pattern_context pc = { NULL, 0, NULL, 0, 0 };
    int r = compiler_match_inner(c, s, &pc);
    Py_XDECREF(pc.stores);
    PyObject_Free(pc.fail_pop);
    return r;
}

static int compiler_visit_stmt(struct compiler *c, stmt_ty s)
{
    SET_LOC(c, s);
    switch (s->kind) {
    case FunctionDef_kind: return compiler_function(c, s, 0);
    case AsyncFunctionDef_kind: return compiler_function(c, s, 1);
    case ClassDef_kind: return compiler_class(c, s);
    case Return_kind: return compiler_return(c, s);
    case Delete_kind:
        VISIT_SEQ(c, expr, s->v.Delete.targets);
        break;
    case Assign_kind: {
        Py_ssize_t n = asdl_seq_LEN(s->v.Assign.targets);
        VISIT(c, expr, s->v.Assign.value);
        for (Py_ssize_t i = 0; i < n; i++) {
            if (i < n - 1) ADDOP(c, DUP_TOP);
            VISIT(c, expr, (expr_ty)asdl_seq_GET(s->v.Assign.targets, i));
        }
        break;
    }
    case AugAssign_kind: return compiler_augassign(c, s);
    case AnnAssign_kind: return compiler_annassign(c, s);
    case For_kind: return compiler_for(c, s);
    case While_kind: return compiler_while(c, s);
    case If_kind: return compiler_if(c, s);
    case Match_kind: return compiler_match(c, s);
    case Raise_kind: return compiler_raise(c, s);
    case Try_kind: return compiler_try(c, s);
    case TryStar_kind: return compiler_try_star(c, s);
    case Assert_kind: return compiler_assert(c, s);
    case Import_kind: return compiler_import(c, s);
    case ImportFrom_kind: return compiler_from_import(c, s);
    case Global_kind:
    case Nonlocal_kind:
        break;
    case Expr_kind: return compiler_visit_stmt_expr(c, s->v.Expr.value);
    case Pass_kind:
        ADDOP(c, NOP);
        break;
    case Break_kind: return compiler_break(c);
    case Continue_kind: return compiler_continue(c);
    case With_kind: return compiler_with(c, s, 0);
    case AsyncWith_kind: return compiler_async_with(c, s, 0);
    case AsyncFor_kind: return compiler_async_for(c, s);
    }
    return 1;
}

/* ---- expressions ---- */

static int binop_arg(operator_ty op, int inplace)
{
    int r;
    switch (op) {
    case Add: r = NB_ADD; break;
    case Sub: r = NB_SUBTRACT; break;
    case Mult: r = NB_MULTIPLY; break;
    case MatMult: r = NB_MATRIX_MULTIPLY; break;
    case Div: r = NB_TRUE_DIVIDE; break;
    case Mod: r = NB_REMAINDER; break;
    case Pow: r = NB_POWER; break;
    case LShift: r = NB_LSHIFT; break;
    case RShift: r = NB_RSHIFT; break;
    case BitOr: r = NB_OR; break;
    case BitXor: r = NB_XOR; break;
    case BitAnd: r = NB_AND; break;
    case FloorDiv: r = NB_FLOOR_DIVIDE; break;
    default: return -1;
    }
    return inplace ? r + NB_INPLACE_ADD : r;
}

static int compiler_addcompare(struct compiler *c, cmpop_ty op)
{
    int cmp;
    switch (op) {
    case Eq: cmp = Py_EQ; break;
    case NotEq: cmp = Py_NE; break;
    case Lt: cmp = Py_LT; break;
    case LtE: cmp = Py_LE; break;
    case Gt: cmp = Py_GT; break;
    case GtE: cmp = Py_GE; break;
    case Is: ADDOP_I(c, IS_OP, 0); return 1;
    case IsNot: ADDOP_I(c, IS_OP, 1); return 1;
    case In: ADDOP_I(c, CONTAINS_OP, 0); return 1;
    case NotIn: ADDOP_I(c, CONTAINS_OP, 1); return 1;
    default: Py_UNREACHABLE();
    }
    ADDOP_I(c, COMPARE_OP, cmp);
    return 1;
}

/* `if a < b < c:` — each link tests and jumps (POP_JUMP_IF_FALSE to a cleanup that drops
 * the kept operand), no JUMP_IF_FALSE_OR_POP and no bool kept on the stack (3.11's
 * compiler_jump_if for chained comparisons). */
static int check_compare(struct compiler *c, expr_ty e);

static int compiler_jump_if_chain(struct compiler *c, expr_ty e, basicblock *next, int cond)
{
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
    if (!check_compare(c, e)) return 0;
    basicblock *cleanup = NEW_BLOCK(c), *end = NEW_BLOCK(c);
    if (!cleanup || !end) return 0;
    VISIT(c, expr, e->v.Compare.left);
    for (Py_ssize_t i = 0; i < n; i++) {
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, i));
        ADDOP(c, DUP_TOP);
        ADDOP(c, ROT_THREE);
        if (!compiler_addcompare(c, asdl_seq_GET(e->v.Compare.ops, i))) return 0;
        ADDOP_JUMP(c, POP_JUMP_IF_FALSE, cleanup);
        basicblock *link = NEW_BLOCK(c);
        if (!link) return 0;
        USE_BLOCK(c, link);
    }
    VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, n));
    if (!compiler_addcompare(c, asdl_seq_GET(e->v.Compare.ops, n))) return 0;
    ADDOP_JUMP(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, end);
    USE_BLOCK(c, cleanup);
    ADDOP(c, POP_TOP);
    if (!cond) ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, next);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_jump_if(struct compiler *c, expr_ty e, basicblock *next, int cond)
{
    switch (e->kind) {
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == Not) return compiler_jump_if(c, e->v.UnaryOp.operand, next, !cond);
        break;
    case BoolOp_kind: {
        asdl_expr_seq *s = e->v.BoolOp.values;
        Py_ssize_t i, n = asdl_seq_LEN(s) - 1;
        int cond2 = e->v.BoolOp.op == Or;
        basicblock *next2 = next;
        if (!cond2 != !cond) {
            next2 = NEW_BLOCK(c);
            if (!next2) return 0;
        }
        for (i = 0; i < n; ++i)
            if (!compiler_jump_if(c, (expr_ty)asdl_seq_GET(s, i), next2, cond2)) return 0;
        if (!compiler_jump_if(c, (expr_ty)asdl_seq_GET(s, n), next, cond)) return 0;
        if (next2 != next) USE_BLOCK(c, next2);
        return 1;
    }
    case Compare_kind:
        /* The jump gets the comparison's location, which stays current for what the
           statement emits next (3.11 does this; it shows in multi-line comprehensions). */
        SET_LOC(c, e);
        if (asdl_seq_LEN(e->v.Compare.ops) > 1) return compiler_jump_if_chain(c, e, next, cond);
        break;
    case IfExp_kind: {
        basicblock *end = NEW_BLOCK(c), *next2 = NEW_BLOCK(c);
        if (!end || !next2) return 0;
        if (!compiler_jump_if(c, e->v.IfExp.test, next2, 0)) return 0;
        if (!compiler_jump_if(c, e->v.IfExp.body, next, cond)) return 0;
        ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, end);
        USE_BLOCK(c, next2);
        if (!compiler_jump_if(c, e->v.IfExp.orelse, next, cond)) return 0;
        USE_BLOCK(c, end);
        return 1;
    }
    default:
        break;
    }
    VISIT(c, expr, e);
    ADDOP_JUMP(c, cond ? POP_JUMP_IF_TRUE : POP_JUMP_IF_FALSE, next);
    return 1;
}

static int compiler_boolop(struct compiler *c, expr_ty e)
{
    int jumpi = e->v.BoolOp.op == And ? JUMP_IF_FALSE_OR_POP : JUMP_IF_TRUE_OR_POP;
    basicblock *end = NEW_BLOCK(c);
    if (!end) return 0;
    asdl_expr_seq *s = e->v.BoolOp.values;
    Py_ssize_t n = asdl_seq_LEN(s) - 1;
    for (Py_ssize_t i = 0; i < n; ++i) {
        VISIT(c, expr, (expr_ty)asdl_seq_GET(s, i));
        ADDOP_JUMP(c, jumpi, end);
        basicblock *next = NEW_BLOCK(c);
        if (!next) return 0;
        USE_BLOCK(c, next);
    }
    VISIT(c, expr, (expr_ty)asdl_seq_GET(s, n));
    USE_BLOCK(c, end);
    return 1;
}

static int starunpack_helper(struct compiler *c, asdl_expr_seq *elts, int pushed, int build,
                             int add, int extend, int tuple)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int all_const = n > 2;
    for (Py_ssize_t i = 0; i < n && all_const; i++)
        all_const = ((expr_ty)asdl_seq_GET(elts, i))->kind == Constant_kind;
    if (all_const) {
        /* [1, 2, 3] → BUILD_LIST 0; LOAD_CONST (1, 2, 3); LIST_EXTEND 1, and sets via a
         * frozenset constant (as CPython 3.11; a set's table size, hence its iteration
         * order, depends on being built by one update) */
        PyObject *folded = PyTuple_New(n);
        if (folded == NULL) return 0;
        for (Py_ssize_t i = 0; i < n; i++)
            PyTuple_SET_ITEM(folded, i,
                             Py_NewRef(((expr_ty)asdl_seq_GET(elts, i))->v.Constant.value));
        if (tuple && !pushed) {
            ADDOP_LOAD_CONST_NEW(c, folded);
            return 1;
        }
        if (add == SET_ADD) {
            /* as merge_consts_recursive: rebuilt from a tuple of the first frozenset's
             * items, which fixes the table layout (and so the set's iteration order) */
            Py_SETREF(folded, PyFrozenSet_New(folded));
            if (folded) Py_SETREF(folded, PySequence_Tuple(folded));
            if (folded) Py_SETREF(folded, PyFrozenSet_New(folded));
            if (folded == NULL) return 0;
        }
        ADDOP_I(c, build, pushed);
        ADDOP_LOAD_CONST_NEW(c, folded);
        ADDOP_I(c, extend, 1);
        if (tuple) ADDOP(c, LIST_TO_TUPLE);
        return 1;
    }
    int seen_star = 0;
    int big = n + pushed > STACK_USE_GUIDELINE;  /* build incrementally */
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) seen_star = 1;
    }
    if (!seen_star && !big) {
        for (Py_ssize_t i = 0; i < n; i++) VISIT(c, expr, (expr_ty)asdl_seq_GET(elts, i));
        if (tuple) ADDOP_I(c, BUILD_TUPLE, (int)(n + pushed));
        else ADDOP_I(c, build, (int)(n + pushed));
        return 1;
    }
    int sequence_built = 0;
    if (big) {
        ADDOP_I(c, build, pushed);
        sequence_built = 1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) {
            if (!sequence_built) {
                ADDOP_I(c, build, (int)(i + pushed));
                sequence_built = 1;
            }
            VISIT(c, expr, elt->v.Starred.value);
            ADDOP_I(c, extend, 1);
        } else {
            VISIT(c, expr, elt);
            if (sequence_built) ADDOP_I(c, add, 1);
        }
    }
    if (tuple) ADDOP(c, LIST_TO_TUPLE);
    return 1;
}

static int unpack_helper(struct compiler *c, asdl_expr_seq *elts)
{
    Py_ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind && !seen_star) {
            if ((i >= (1 << 8)) || (n - i - 1 >= (INT_MAX >> 8)))
                return compiler_error(c, "too many expressions in star-unpacking assignment");
            ADDOP_I(c, UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == Starred_kind) {
            return compiler_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) ADDOP_I(c, UNPACK_SEQUENCE, (int)n);
    return 1;
}

static int assignment_helper(struct compiler *c, asdl_expr_seq *elts)
{
    if (!unpack_helper(c, elts)) return 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        VISIT(c, expr, elt->kind != Starred_kind ? elt : elt->v.Starred.value);
    }
    return 1;
}

static int compiler_list(struct compiler *c, expr_ty e)
{
    asdl_expr_seq *elts = e->v.List.elts;
    if (e->v.List.ctx == Store) return assignment_helper(c, elts);
    if (e->v.List.ctx == Load)
        return starunpack_helper(c, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 0);
    VISIT_SEQ(c, expr, elts);
    return 1;
}

static int compiler_tuple(struct compiler *c, expr_ty e)
{
    asdl_expr_seq *elts = e->v.Tuple.elts;
    if (e->v.Tuple.ctx == Store) return assignment_helper(c, elts);
    if (e->v.Tuple.ctx == Load)
        return starunpack_helper(c, elts, 0, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1);
    VISIT_SEQ(c, expr, elts);
    return 1;
}

static int compiler_set(struct compiler *c, expr_ty e)
{
    return starunpack_helper(c, e->v.Set.elts, 0, BUILD_SET, SET_ADD, SET_UPDATE, 0);
}

static int are_all_keys_const(asdl_expr_seq *keys, Py_ssize_t begin, Py_ssize_t end)
{
    for (Py_ssize_t i = begin; i < end; i++) {
        expr_ty key = asdl_seq_GET(keys, i);
        if (key == NULL || key->kind != Constant_kind) return 0;
    }
    return 1;
}

/* Pairs begin..end of a dict display.  With constant keys (more than one, not "big")
 * the values are pushed, then the keys as one tuple constant, and BUILD_CONST_KEY_MAP
 * makes the dict (as 3.11; duplicate keys keep the last value at the first key's
 * place, as BUILD_MAP does). */
static int compiler_subdict(struct compiler *c, expr_ty e, Py_ssize_t begin, Py_ssize_t end)
{
    Py_ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && are_all_keys_const(e->v.Dict.keys, begin, end)) {
        for (Py_ssize_t i = begin; i < end; i++)
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
        PyObject *keys = PyTuple_New(n);
        if (keys == NULL) return 0;
        for (Py_ssize_t i = begin; i < end; i++) {
            expr_ty key = asdl_seq_GET(e->v.Dict.keys, i);
            PyTuple_SET_ITEM(keys, i - begin, Py_NewRef(key->v.Constant.value));
        }
        ADDOP_LOAD_CONST_NEW(c, keys);
        ADDOP_I(c, BUILD_CONST_KEY_MAP, (int)n);
        return 1;
    }
    if (big) ADDOP_I(c, BUILD_MAP, 0);
    for (Py_ssize_t i = begin; i < end; i++) {
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.keys, i));
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
        if (big) ADDOP_I(c, MAP_ADD, 1);
    }
    if (!big) ADDOP_I(c, BUILD_MAP, (int)(end - begin));
    return 1;
}

static int compiler_dict(struct compiler *c, expr_ty e)
{
    Py_ssize_t i, n = asdl_seq_LEN(e->v.Dict.values), elements = 0;
    int have_dict = 0;
    for (i = 0; i < n; i++) {
        int is_unpacking = (expr_ty)asdl_seq_GET(e->v.Dict.keys, i) == NULL;
        if (is_unpacking) {
            if (elements) {
                if (!compiler_subdict(c, e, i - elements, i)) return 0;
                if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Dict.values, i));
            ADDOP_I(c, DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            /* a long run of pairs: one sub-dict, merged, then start again */
            if (!compiler_subdict(c, e, i - elements, i + 1)) return 0;
            if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (!compiler_subdict(c, e, n - elements, n)) return 0;
        if (have_dict) ADDOP_I(c, DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict) ADDOP_I(c, BUILD_MAP, 0);
    return 1;
}

/* A SyntaxWarning at the current location; turned into a SyntaxError when warnings
 * are errors (CPython's compiler_warn). */
static int compiler_warn(struct compiler *c, const char *fmt, ...)
{
    va_list vargs;
    va_start(vargs, fmt);
    PyObject *m = PyUnicode_FromFormatV(fmt, vargs);
    va_end(vargs);
    if (m == NULL) return 0;
    if (PyErr_WarnExplicitObject(PyExc_SyntaxWarning, m, c->c_filename,
                                 c->u->u_loc.lineno, NULL, NULL) < 0) {
        if (PyErr_ExceptionMatches(PyExc_SyntaxWarning)) {
            PyErr_Clear();
            compiler_error(c, "%U", m);
        }
        Py_DECREF(m);
        return 0;
    }
    Py_DECREF(m);
    return 1;
}

/* False for a literal that `is` should not be used with (anything constant except
 * None, True, False and Ellipsis). */
static int check_is_arg(expr_ty e)
{
    if (e->kind != Constant_kind) return 1;
    PyObject *v = e->v.Constant.value;
    return v == Py_None || v == Py_False || v == Py_True || v == Py_Ellipsis;
}

static int check_compare(struct compiler *c, expr_ty e)
{
    int left = check_is_arg(e->v.Compare.left);
    Py_ssize_t n = asdl_seq_LEN(e->v.Compare.ops);
    for (Py_ssize_t i = 0; i < n; i++) {
        cmpop_ty op = (cmpop_ty)asdl_seq_GET(e->v.Compare.ops, i);
        int right = check_is_arg((expr_ty)asdl_seq_GET(e->v.Compare.comparators, i));
        if ((op == Is || op == IsNot) && (!right || !left))
            return compiler_warn(c, op == Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                             : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return 1;
}

/* The type an expression is known to produce at compile time, or NULL. */
static PyTypeObject *infer_type(expr_ty e)
{
    switch (e->kind) {
    case Tuple_kind: return &PyTuple_Type;
    case List_kind: case ListComp_kind: return &PyList_Type;
    case Dict_kind: case DictComp_kind: return &PyDict_Type;
    case Set_kind: case SetComp_kind: return &PySet_Type;
    case GeneratorExp_kind: return &PyGen_Type;
    case Lambda_kind: return &PyFunction_Type;
    case JoinedStr_kind: case FormattedValue_kind: return &PyUnicode_Type;
    case Constant_kind: return Py_TYPE(e->v.Constant.value);
    default: return NULL;
    }
}

/* `[1, 2] (3, 4)`-style slips: calling a display or a literal. */
static int check_caller(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: case Tuple_kind: case List_kind: case ListComp_kind: case Dict_kind:
    case DictComp_kind: case Set_kind: case SetComp_kind: case GeneratorExp_kind:
    case JoinedStr_kind: case FormattedValue_kind:
        return compiler_warn(c, "'%.200s' object is not callable; perhaps you missed a comma?",
                             infer_type(e)->tp_name);
    default:
        return 1;
    }
}

static int check_subscripter(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (!(v == Py_None || v == Py_Ellipsis || PyLong_Check(v) || PyFloat_Check(v) ||
              PyComplex_Check(v) || PyAnySet_Check(v)))
            return 1;
    }
        /* fall through */
    case Set_kind: case SetComp_kind: case GeneratorExp_kind: case Lambda_kind:
        return compiler_warn(c, "'%.200s' object is not subscriptable; "
                                "perhaps you missed a comma?", infer_type(e)->tp_name);
    default:
        return 1;
    }
}

static int check_index(struct compiler *c, expr_ty e, expr_ty s)
{
    PyTypeObject *index_type = infer_type(s);
    if (index_type == NULL || PyType_FastSubclass(index_type, Py_TPFLAGS_LONG_SUBCLASS) ||
        index_type == &PySlice_Type)
        return 1;
    switch (e->kind) {
    case Constant_kind: {
        PyObject *v = e->v.Constant.value;
        if (!(PyUnicode_Check(v) || PyBytes_Check(v) || PyTuple_Check(v))) return 1;
    }
        /* fall through */
    case Tuple_kind: case List_kind: case ListComp_kind: case JoinedStr_kind:
    case FormattedValue_kind:
        return compiler_warn(c, "%.200s indices must be integers or slices, not %.200s; "
                                "perhaps you missed a comma?",
                             infer_type(e)->tp_name, index_type->tp_name);
    default:
        return 1;
    }
}

static int compiler_compare(struct compiler *c, expr_ty e)
{
    Py_ssize_t i, n = asdl_seq_LEN(e->v.Compare.ops) - 1;
    if (!check_compare(c, e)) return 0;
    VISIT(c, expr, e->v.Compare.left);
    if (n == 0) {
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, 0));
        return compiler_addcompare(c, asdl_seq_GET(e->v.Compare.ops, 0));
    }
    basicblock *cleanup = NEW_BLOCK(c);
    if (!cleanup) return 0;
    for (i = 0; i < n; i++) {
        VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, i));
        ADDOP(c, DUP_TOP);
        ADDOP(c, ROT_THREE);
        if (!compiler_addcompare(c, asdl_seq_GET(e->v.Compare.ops, i))) return 0;
        ADDOP_JUMP(c, JUMP_IF_FALSE_OR_POP, cleanup);
        basicblock *next = NEW_BLOCK(c);
        if (!next) return 0;
        USE_BLOCK(c, next);
    }
    VISIT(c, expr, (expr_ty)asdl_seq_GET(e->v.Compare.comparators, n));
    if (!compiler_addcompare(c, asdl_seq_GET(e->v.Compare.ops, n))) return 0;
    basicblock *end = NEW_BLOCK(c);
    if (!end) return 0;
    ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, end);
    USE_BLOCK(c, cleanup);
    ADDOP(c, ROT_TWO);
    ADDOP(c, POP_TOP);
    USE_BLOCK(c, end);
    return 1;
}

static int validate_keywords(struct compiler *c, asdl_keyword_seq *keywords)
{
    Py_ssize_t nkeywords = asdl_seq_LEN(keywords);
    for (Py_ssize_t i = 0; i < nkeywords; i++) {
        keyword_ty key = ((keyword_ty)asdl_seq_GET(keywords, i));
        if (key->arg == NULL) continue;
        if (forbidden_name(c, key->arg, Store)) return 0;
        for (Py_ssize_t j = i + 1; j < nkeywords; j++) {
            keyword_ty other = ((keyword_ty)asdl_seq_GET(keywords, j));
            if (other->arg && !PyUnicode_Compare(key->arg, other->arg)) {
                SET_LOC(c, other);
                return compiler_error(c, "keyword argument repeated: %U", key->arg);
            }
        }
    }
    return 1;
}

static int compiler_subkwargs(struct compiler *c, asdl_keyword_seq *keywords,
                              Py_ssize_t begin, Py_ssize_t end)
{
    Py_ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        PyObject *keys = PyTuple_New(n);
        if (!keys) return 0;
        for (Py_ssize_t i = begin; i < end; i++) {
            keyword_ty kw = asdl_seq_GET(keywords, i);
            PyTuple_SET_ITEM(keys, i - begin, Py_NewRef(kw->arg));
            if (!compiler_visit_expr(c, kw->value)) { Py_DECREF(keys); return 0; }
        }
        ADDOP_LOAD_CONST_NEW(c, keys);
        ADDOP_I(c, BUILD_CONST_KEY_MAP, (int)n);
        return 1;
    }
    if (big) ADDOP_I(c, BUILD_MAP, 0);
    for (Py_ssize_t i = begin; i < end; i++) {
        keyword_ty kw = asdl_seq_GET(keywords, i);
        ADDOP_LOAD_CONST(c, kw->arg);
        VISIT(c, expr, kw->value);
        if (big) ADDOP_I(c, MAP_ADD, 1);
    }
    if (!big) ADDOP_I(c, BUILD_MAP, (int)n);
    return 1;
}

/* Push args/keywords for a call whose callable (plus n extra values) is on the stack;
 * emits the call. */
static int compiler_call_helper(struct compiler *c, int n, asdl_expr_seq *args,
                                asdl_keyword_seq *keywords)
{
    Py_ssize_t i, nseen, nelts, nkwelts;
    if (!validate_keywords(c, keywords)) return 0;
    nelts = asdl_seq_LEN(args);
    nkwelts = asdl_seq_LEN(keywords);
    if (nelts + nkwelts * 2 > STACK_USE_GUIDELINE) goto ex_call;
    for (i = 0; i < nelts; i++)
        if (((expr_ty)asdl_seq_GET(args, i))->kind == Starred_kind) goto ex_call;
    for (i = 0; i < nkwelts; i++)
        if (((keyword_ty)asdl_seq_GET(keywords, i))->arg == NULL) goto ex_call;
    /* No * or ** args: CALL_FUNCTION or CALL_FUNCTION_KW. */
    for (i = 0; i < nelts; i++) VISIT(c, expr, (expr_ty)asdl_seq_GET(args, i));
    if (nkwelts) {
        PyObject *names = PyTuple_New(nkwelts);
        if (!names) return 0;
        for (i = 0; i < nkwelts; i++) {
            keyword_ty kw = asdl_seq_GET(keywords, i);
            PyTuple_SET_ITEM(names, i, Py_NewRef(kw->arg));
            if (!compiler_visit_expr(c, kw->value)) { Py_DECREF(names); return 0; }
        }
        ADDOP_LOAD_CONST_NEW(c, names);
        ADDOP_I(c, CALL_FUNCTION_KW, (int)(n + nelts + nkwelts));
    } else {
        ADDOP_I(c, CALL_FUNCTION, (int)(n + nelts));
    }
    return 1;
ex_call:
    if (n == 0 && nelts == 1 && ((expr_ty)asdl_seq_GET(args, 0))->kind == Starred_kind) {
        VISIT(c, expr, ((expr_ty)asdl_seq_GET(args, 0))->v.Starred.value);
    } else if (!starunpack_helper(c, args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, 1)) {
        return 0;
    }
    if (nkwelts) {
        int have_dict = 0;
        nseen = 0;
        for (i = 0; i < nkwelts; i++) {
            keyword_ty kw = asdl_seq_GET(keywords, i);
            if (kw->arg == NULL) {
                if (nseen) {
                    if (!compiler_subkwargs(c, keywords, i - nseen, i)) return 0;
                    if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    ADDOP_I(c, BUILD_MAP, 0);
                    have_dict = 1;
                }
                VISIT(c, expr, kw->value);
                ADDOP_I(c, DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            if (!compiler_subkwargs(c, keywords, nkwelts - nseen, nkwelts)) return 0;
            if (have_dict) ADDOP_I(c, DICT_MERGE, 1);
            have_dict = 1;
        }
    }
    ADDOP_I(c, CALL_FUNCTION_EX, nkwelts > 0);
    return 1;
}

static int maybe_optimize_method_call(struct compiler *c, expr_ty e)
{
    expr_ty meth = e->v.Call.func;
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kwds = e->v.Call.keywords;
    Py_ssize_t nkwds = asdl_seq_LEN(kwds);
    if (meth->kind != Attribute_kind || meth->v.Attribute.ctx != Load ||
        asdl_seq_LEN(args) + nkwds + (nkwds != 0) >= STACK_USE_GUIDELINE)
        return -1;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++)
        if (((expr_ty)asdl_seq_GET(args, i))->kind == Starred_kind) return -1;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(kwds); i++)
        if (((keyword_ty)asdl_seq_GET(kwds, i))->arg == NULL) return -1;
    if (!validate_keywords(c, kwds)) return 0;
    VISIT(c, expr, meth->v.Attribute.value);
    SET_LOC(c, meth);
    update_start_location_to_match_attr(c, meth);
    ADDOP_NAME(c, LOAD_METHOD, meth->v.Attribute.attr, names);
    SET_LOC(c, e);
    VISIT_SEQ(c, expr, args);
    Py_ssize_t nkw = asdl_seq_LEN(kwds);
    if (nkw) {
        PyObject *names = PyTuple_New(nkw);
        if (!names) return 0;
        for (Py_ssize_t i = 0; i < nkw; i++) {
            keyword_ty kw = asdl_seq_GET(kwds, i);
            PyTuple_SET_ITEM(names, i, Py_NewRef(kw->arg));
            if (!compiler_visit_expr(c, kw->value)) { Py_DECREF(names); return 0; }
        }
        SET_LOC(c, e);
        update_start_location_to_match_attr(c, meth);
        ADDOP_LOAD_CONST_NEW(c, names);
        ADDOP_I(c, CALL_METHOD_KW, (int)(asdl_seq_LEN(args) + nkw));
    } else {
        SET_LOC(c, e);
        update_start_location_to_match_attr(c, meth);
        ADDOP_I(c, CALL_METHOD, (int)asdl_seq_LEN(args));
    }
    return 1;
}

static int compiler_call(struct compiler *c, expr_ty e)
{
    if (!check_caller(c, e->v.Call.func)) return 0;
    int ret = maybe_optimize_method_call(c, e);
    if (ret >= 0) return ret;
    VISIT(c, expr, e->v.Call.func);
    SET_LOC(c, e);
    return compiler_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

static int compiler_joined_str(struct compiler *c, expr_ty e)
{
    Py_ssize_t n = asdl_seq_LEN(e->v.JoinedStr.values);
    if (n > 255) {
        /* many parts: build them pairwise so BUILD_STRING's argument stays small */
        for (Py_ssize_t i = 0; i < n; i++) {
            VISIT(c, expr, asdl_seq_GET(e->v.JoinedStr.values, i));
            if (i > 0) ADDOP_I(c, BUILD_STRING, 2);
        }
        return 1;
    }
    VISIT_SEQ(c, expr, e->v.JoinedStr.values);
    if (n != 1) ADDOP_I(c, BUILD_STRING, (int)n);
    return 1;
}

static int compiler_formatted_value(struct compiler *c, expr_ty e)
{
    int conversion = e->v.FormattedValue.conversion, oparg;
    VISIT(c, expr, e->v.FormattedValue.value);
    switch (conversion) {
    case 's': oparg = FVC_STR; break;
    case 'r': oparg = FVC_REPR; break;
    case 'a': oparg = FVC_ASCII; break;
    case -1: oparg = FVC_NONE; break;
    default:
        PyErr_Format(PyExc_SystemError, "Unrecognized conversion character %d", conversion);
        return 0;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, expr, e->v.FormattedValue.format_spec);
        oparg |= FVS_HAVE_SPEC;
    }
    ADDOP_I(c, FORMAT_VALUE, oparg);
    return 1;
}

static int compiler_ifexp(struct compiler *c, expr_ty e)
{
    basicblock *end = NEW_BLOCK(c), *next = NEW_BLOCK(c);
    if (!end || !next) return 0;
    if (!compiler_jump_if(c, e->v.IfExp.test, next, 0)) return 0;
    VISIT(c, expr, e->v.IfExp.body);
    ADDOP_JUMP_NOLINE(c, JUMP_FORWARD, end);
    USE_BLOCK(c, next);
    VISIT(c, expr, e->v.IfExp.orelse);
    USE_BLOCK(c, end);
    return 1;
}

static int compiler_slice(struct compiler *c, expr_ty s)
{
    int n = 2;
    if (s->v.Slice.lower) VISIT(c, expr, s->v.Slice.lower);
    else ADDOP_LOAD_CONST(c, Py_None);
    if (s->v.Slice.upper) VISIT(c, expr, s->v.Slice.upper);
    else ADDOP_LOAD_CONST(c, Py_None);
    if (s->v.Slice.step) {
        n++;
        VISIT(c, expr, s->v.Slice.step);
    }
    ADDOP_I(c, BUILD_SLICE, n);
    return 1;
}

static int compiler_visit_expr1(struct compiler *c, expr_ty e)
{
    switch (e->kind) {
    case NamedExpr_kind:
        VISIT(c, expr, e->v.NamedExpr.value);
        ADDOP(c, DUP_TOP);
        VISIT(c, expr, e->v.NamedExpr.target);
        break;
    case BoolOp_kind: return compiler_boolop(c, e);
    case BinOp_kind:
        VISIT(c, expr, e->v.BinOp.left);
        VISIT(c, expr, e->v.BinOp.right);
        ADDOP_I(c, BINARY_OP, binop_arg(e->v.BinOp.op, 0));
        break;
    case UnaryOp_kind:
        VISIT(c, expr, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case UAdd: ADDOP(c, UNARY_POSITIVE); break;
        case USub: ADDOP(c, UNARY_NEGATIVE); break;
        case Not: ADDOP(c, UNARY_NOT); break;
        case Invert: ADDOP(c, UNARY_INVERT); break;
        }
        break;
    case Lambda_kind: return compiler_lambda(c, e);
    case IfExp_kind: return compiler_ifexp(c, e);
    case Dict_kind: return compiler_dict(c, e);
    case Set_kind: return compiler_set(c, e);
    case GeneratorExp_kind: {
        PyObject *n = PyUnicode_InternFromString("<genexpr>");
        int r = n && compiler_comprehension(c, e, 0, n, e->v.GeneratorExp.generators,
                                            e->v.GeneratorExp.elt, NULL);
        Py_XDECREF(n);
        return r;
    }
    case ListComp_kind: {
        PyObject *n = PyUnicode_InternFromString("<listcomp>");
        int r = n && compiler_comprehension(c, e, 1, n, e->v.ListComp.generators,
                                            e->v.ListComp.elt, NULL);
        Py_XDECREF(n);
        return r;
    }
    case SetComp_kind: {
        PyObject *n = PyUnicode_InternFromString("<setcomp>");
        int r = n && compiler_comprehension(c, e, 2, n, e->v.SetComp.generators,
                                            e->v.SetComp.elt, NULL);
        Py_XDECREF(n);
        return r;
    }
    case DictComp_kind: {
        PyObject *n = PyUnicode_InternFromString("<dictcomp>");
        int r = n && compiler_comprehension(c, e, 3, n, e->v.DictComp.generators,
                                            e->v.DictComp.key, e->v.DictComp.value);
        Py_XDECREF(n);
        return r;
    }
    case Yield_kind:
        if (c->u->u_ste->ste_type != FunctionBlock)
            return compiler_error(c, "'yield' outside function");
        if (e->v.Yield.value) VISIT(c, expr, e->v.Yield.value);
        else ADDOP_LOAD_CONST(c, Py_None);
        ADDOP(c, YIELD_VALUE);
        break;
    case YieldFrom_kind:
        if (c->u->u_ste->ste_type != FunctionBlock)
            return compiler_error(c, "'yield' outside function");
        if (c->u->u_scope_type == COMPILER_SCOPE_ASYNC_FUNCTION)
            return compiler_error(c, "'yield from' inside async function");
        VISIT(c, expr, e->v.YieldFrom.value);
        ADDOP(c, GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, Py_None);
        ADDOP(c, YIELD_FROM);
        break;
    case Await_kind:
        if (!IS_TOP_LEVEL_AWAIT(c) && c->u->u_ste->ste_type != FunctionBlock)
            return compiler_error(c, "'await' outside function");
        if (!IS_TOP_LEVEL_AWAIT(c) && c->u->u_scope_type != COMPILER_SCOPE_ASYNC_FUNCTION &&
            c->u->u_scope_type != COMPILER_SCOPE_COMPREHENSION)
            return compiler_error(c, "'await' outside async function");
        VISIT(c, expr, e->v.Await.value);
        ADDOP_I(c, GET_AWAITABLE, 0);
        ADDOP_LOAD_CONST(c, Py_None);
        ADDOP(c, YIELD_FROM);
        break;
    case Compare_kind: return compiler_compare(c, e);
    case Call_kind: return compiler_call(c, e);
    case Constant_kind:
        ADDOP_LOAD_CONST(c, e->v.Constant.value);
        break;
    case JoinedStr_kind: return compiler_joined_str(c, e);
    case FormattedValue_kind: return compiler_formatted_value(c, e);
    case Attribute_kind:
        VISIT(c, expr, e->v.Attribute.value);
        SET_LOC(c, e);
        update_start_location_to_match_attr(c, e);
        switch (e->v.Attribute.ctx) {
        case Load: ADDOP_NAME(c, LOAD_ATTR, e->v.Attribute.attr, names); break;
        case Store:
            if (_PyUnicode_EqualToASCIIString(e->v.Attribute.attr, "__debug__"))
                return compiler_error(c, "cannot assign to __debug__");
            ADDOP_NAME(c, STORE_ATTR, e->v.Attribute.attr, names);
            break;
        case Del: ADDOP_NAME(c, DELETE_ATTR, e->v.Attribute.attr, names); break;
        }
        break;
    case Subscript_kind:
        if (e->v.Subscript.ctx == Load &&
            (!check_subscripter(c, e->v.Subscript.value) ||
             !check_index(c, e->v.Subscript.value, e->v.Subscript.slice)))
            return 0;
        VISIT(c, expr, e->v.Subscript.value);
        VISIT(c, expr, e->v.Subscript.slice);
        SET_LOC(c, e);
        switch (e->v.Subscript.ctx) {
        case Load: ADDOP(c, BINARY_SUBSCR); break;
        case Store: ADDOP(c, STORE_SUBSCR); break;
        case Del: ADDOP(c, DELETE_SUBSCR); break;
        }
        break;
    case Starred_kind:
        if (e->v.Starred.ctx == Store)
            return compiler_error(c, "starred assignment target must be in a list or tuple");
        return compiler_error(c, "can't use starred expression here");
    case Slice_kind: return compiler_slice(c, e);
    case Name_kind:
        if (e->v.Name.ctx == Load && _PyUnicode_EqualToASCIIString(e->v.Name.id, "__debug__")) {
            ADDOP_LOAD_CONST(c, c->c_optimize ? Py_False : Py_True);
            return 1;
        }
        return compiler_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case List_kind: return compiler_list(c, e);
    case Tuple_kind: return compiler_tuple(c, e);
    }
    return 1;
}

static int compiler_visit_expr(struct compiler *c, expr_ty e)
{
    srcloc old = c->u->u_loc;
    SET_LOC(c, e);
    int res = compiler_visit_expr1(c, e);
    c->u->u_loc = old;
    return res;
}

static int compiler_augassign(struct compiler *c, stmt_ty s)
{
    expr_ty e = s->v.AugAssign.target;
    srcloc old = c->u->u_loc;
    SET_LOC(c, e);
    switch (e->kind) {
    case Attribute_kind:
        VISIT(c, expr, e->v.Attribute.value);
        ADDOP(c, DUP_TOP);
        update_start_location_to_match_attr(c, e);
        ADDOP_NAME(c, LOAD_ATTR, e->v.Attribute.attr, names);
        break;
    case Subscript_kind:
        VISIT(c, expr, e->v.Subscript.value);
        VISIT(c, expr, e->v.Subscript.slice);
        ADDOP(c, DUP_TOP_TWO);
        ADDOP(c, BINARY_SUBSCR);
        break;
    case Name_kind:
        if (!compiler_nameop(c, e->v.Name.id, Load)) return 0;
        break;
    default:
        PyErr_Format(PyExc_SystemError, "invalid node type (%d) for augmented assignment",
                     e->kind);
        return 0;
    }
    c->u->u_loc = old;
    VISIT(c, expr, s->v.AugAssign.value);
    ADDOP_I(c, BINARY_OP, binop_arg(s->v.AugAssign.op, 1));
    SET_LOC(c, e);
    switch (e->kind) {
    case Attribute_kind:
        update_start_location_to_match_attr(c, e);
        ADDOP(c, ROT_TWO);
        ADDOP_NAME(c, STORE_ATTR, e->v.Attribute.attr, names);
        break;
    case Subscript_kind:
        ADDOP(c, ROT_THREE);
        ADDOP(c, STORE_SUBSCR);
        break;
    case Name_kind:
        return compiler_nameop(c, e->v.Name.id, Store);
    default:
        Py_UNREACHABLE();
    }
    return 1;
}

/* ---- comprehensions (each is a nested function called with the outermost iterator) ---- */

static int compiler_comprehension_generator(struct compiler *c,
                                            asdl_comprehension_seq *generators, int gen_index,
                                            int depth, expr_ty elt, expr_ty val, int type)
{
    comprehension_ty gen = asdl_seq_GET(generators, gen_index);
    basicblock *start = NEW_BLOCK(c), *if_cleanup = NEW_BLOCK(c), *anchor = NEW_BLOCK(c),
               *body = NEW_BLOCK(c);
    if (!start || !if_cleanup || !anchor || !body) return 0;
    /* `for y in [f(x)]` after the first `for` binds y once: no list, no loop (3.11) */
    asdl_expr_seq *one = NULL;
    if (gen_index > 0 && !gen->is_async) {
        if (gen->iter->kind == List_kind) one = gen->iter->v.List.elts;
        else if (gen->iter->kind == Tuple_kind) one = gen->iter->v.Tuple.elts;
        if (asdl_seq_LEN(one) != 1 || asdl_seq_GET(one, 0)->kind == Starred_kind) one = NULL;
    }
    if (one != NULL) {
        VISIT(c, expr, asdl_seq_GET(one, 0));
        depth--;  /* no iterator of this level on the stack */
    } else if (gen_index == 0) {
        ADDOP_I(c, LOAD_FAST, 0);  /* .0: the outermost (async) iterator */
    } else {
        VISIT(c, expr, gen->iter);
        ADDOP(c, gen->is_async ? GET_AITER : GET_ITER);
    }
    if (one == NULL) USE_BLOCK(c, start);
    if (one != NULL) {
        /* the value is simply stored */
    } else if (gen->is_async) {
        /* SETUP_FINALLY E; GET_ANEXT; await; POP_BLOCK ... E: END_ASYNC_FOR */
        ADDOP_JUMP(c, SETUP_FINALLY, anchor);
        USE_BLOCK(c, body);
        ADDOP(c, GET_ANEXT);
        ADDOP_LOAD_CONST(c, Py_None);
        ADDOP(c, YIELD_FROM);
        ADDOP(c, POP_BLOCK);
    } else {
        ADDOP_JUMP(c, FOR_ITER, anchor);
    }
    VISIT(c, expr, gen->target);
    Py_ssize_t n = asdl_seq_LEN(gen->ifs);
    for (Py_ssize_t i = 0; i < n; i++) {
        expr_ty e = (expr_ty)asdl_seq_GET(gen->ifs, i);
        if (!compiler_jump_if(c, e, if_cleanup, 0)) return 0;
    }
    if (++gen_index < asdl_seq_LEN(generators)) {
        if (!compiler_comprehension_generator(c, generators, gen_index, depth + 1, elt, val,
                                              type))
            return 0;
    } else {
        switch (type) {
        case 0:
            VISIT(c, expr, elt);
            ADDOP(c, YIELD_VALUE);
            ADDOP(c, POP_TOP);
            break;
        case 1:
            VISIT(c, expr, elt);
            ADDOP_I(c, LIST_APPEND, depth + 2);
            break;
        case 2:
            VISIT(c, expr, elt);
            ADDOP_I(c, SET_ADD, depth + 2);
            break;
        case 3:
            VISIT(c, expr, elt);
            VISIT(c, expr, val);
            ADDOP_I(c, MAP_ADD, depth + 2);
            break;
        }
    }
    USE_BLOCK(c, if_cleanup);
    if (one != NULL) return 1;
    ADDOP_JUMP_NOLINE(c, JUMP_ABSOLUTE, start);
    USE_BLOCK(c, anchor);
    if (gen->is_async) {
        c->u->u_loc.lineno = -1;
        ADDOP(c, END_ASYNC_FOR);
    }
    return 1;
}

static int compiler_comprehension(struct compiler *c, expr_ty e, int type, identifier name,
                                  asdl_comprehension_seq *generators, expr_ty elt,
                                  expr_ty val)
{
    PyCodeObject *co = NULL;
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    int outer_scope = c->u->u_scope_type;
    int top_level_await = IS_TOP_LEVEL_AWAIT(c);
    if (!compiler_enter_scope(c, name, COMPILER_SCOPE_COMPREHENSION, (void *)e, e->lineno))
        return 0;
    int is_async = c->u->u_ste->ste_coroutine;
    if (is_async && type != 0 && outer_scope != COMPILER_SCOPE_ASYNC_FUNCTION &&
        outer_scope != COMPILER_SCOPE_COMPREHENSION && !top_level_await) {
        compiler_error(c, "asynchronous comprehension outside of an asynchronous function");
        goto error;
    }
    c->u->u_argcount = 1;
    if (type != 0) {
        int op = type == 1 ? BUILD_LIST : type == 2 ? BUILD_SET : BUILD_MAP;
        if (!addop_loc(c, op, 0, NULL, c->u->u_loc)) goto error;
    }
    if (!compiler_comprehension_generator(c, generators, 0, 0, elt, val, type)) goto error;
    if (type != 0) {
        if (!addop_loc(c, RETURN_VALUE, 0, NULL, c->u->u_loc)) goto error;
    }
    co = assemble(c, 1);
    PyObject *qualname = Py_NewRef(c->u->u_qualname);
    compiler_exit_scope(c);
    /* an async comprehension (genexp included) makes top-level-await code a coroutine */
    if (top_level_await && is_async) c->u->u_ste->ste_coroutine = 1;
    if (co == NULL) { Py_DECREF(qualname); return 0; }
    int r = compiler_make_closure(c, co, 0, qualname);
    Py_DECREF(qualname);
    Py_DECREF(co);
    if (!r) return 0;
    VISIT(c, expr, outermost->iter);
    ADDOP(c, outermost->is_async ? GET_AITER : GET_ITER);
    ADDOP_I(c, CALL_FUNCTION, 1);
    if (is_async && type != 0) {
        if (!compiler_await_top(c, 0)) return 0;
    }
    return 1;
error:
    compiler_exit_scope(c);
    return 0;
}

/* ---- module ---- */

static int find_ann(asdl_stmt_seq *stmts)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        stmt_ty st = (stmt_ty)asdl_seq_GET(stmts, i);
        int res = 0;
        switch (st->kind) {
        case AnnAssign_kind: return 1;
        case For_kind: res = find_ann(st->v.For.body) || find_ann(st->v.For.orelse); break;
        case While_kind: res = find_ann(st->v.While.body) || find_ann(st->v.While.orelse); break;
        case If_kind: res = find_ann(st->v.If.body) || find_ann(st->v.If.orelse); break;
        case With_kind: res = find_ann(st->v.With.body); break;
        case Try_kind:
            for (Py_ssize_t j = 0; j < asdl_seq_LEN(st->v.Try.handlers); j++) {
                excepthandler_ty h = asdl_seq_GET(st->v.Try.handlers, j);
                if (find_ann(h->v.ExceptHandler.body)) return 1;
            }
            res = find_ann(st->v.Try.body) || find_ann(st->v.Try.finalbody) ||
                  find_ann(st->v.Try.orelse);
            break;
        default: break;
        }
        if (res) return 1;
    }
    return 0;
}

/* Module or class body: docstring to __doc__, annotations setup, statements. */
static int compiler_body(struct compiler *c, asdl_stmt_seq *stmts)
{
    Py_ssize_t i = 0;
    if (find_ann(stmts)) ADDOP(c, SETUP_ANNOTATIONS);
    if (!asdl_seq_LEN(stmts)) return 1;
    stmt_ty st = (stmt_ty)asdl_seq_GET(stmts, 0);
    if (compiler_isdocstring(st) && c->c_optimize < 2) {
        i = 1;
        SET_LOC(c, st);
        VISIT(c, expr, st->v.Expr.value);
        PyObject *doc = PyUnicode_InternFromString("__doc__");
        if (!doc) return 0;
        int r = compiler_nameop(c, doc, Store);
        Py_DECREF(doc);
        if (!r) return 0;
    } else if (compiler_isdocstring(st)) {
        i = 1;
    }
    for (; i < asdl_seq_LEN(stmts); i++) VISIT(c, stmt, (stmt_ty)asdl_seq_GET(stmts, i));
    return 1;
}

static PyCodeObject *compiler_mod(struct compiler *c, mod_ty mod)
{
    PyCodeObject *co;
    int addNone = 1;
    PyObject *name = PyUnicode_InternFromString("<module>");
    if (!name) return NULL;
    int ok = compiler_enter_scope(c, name, COMPILER_SCOPE_MODULE, mod, 1);
    Py_DECREF(name);
    if (!ok) return NULL;
    switch (mod->kind) {
    case Module_kind:
        if (!compiler_body(c, mod->v.Module.body)) goto error;
        break;
    case Interactive_kind:
        if (find_ann(mod->v.Interactive.body) && !addop_loc(c, SETUP_ANNOTATIONS, 0, NULL, c->u->u_loc))
            goto error;
        c->c_interactive = 1;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(mod->v.Interactive.body); i++)
            if (!compiler_visit_stmt(c, asdl_seq_GET(mod->v.Interactive.body, i))) goto error;
        break;
    case Expression_kind:
        if (!compiler_visit_expr(c, mod->v.Expression.body)) goto error;
        addNone = 0;
        break;
    default:
        PyErr_Format(PyExc_SystemError, "module kind %d should not be possible", mod->kind);
        goto error;
    }
    co = assemble(c, addNone);
    compiler_exit_scope(c);
    return co;
error:
    compiler_exit_scope(c);
    return NULL;
}

static int compute_code_flags(struct compiler *c)
{
    PySTEntryObject *ste = c->u->u_ste;
    int flags = 0;
    if (ste->ste_type == FunctionBlock) {
        flags |= CO_NEWLOCALS | CO_OPTIMIZED;
        if (ste->ste_nested) flags |= CO_NESTED;
        if (ste->ste_generator && !ste->ste_coroutine) flags |= CO_GENERATOR;
        if (!ste->ste_generator && ste->ste_coroutine) flags |= CO_COROUTINE;
        if (ste->ste_generator && ste->ste_coroutine) flags |= CO_ASYNC_GENERATOR;
        if (ste->ste_varargs) flags |= CO_VARARGS;
        if (ste->ste_varkeywords) flags |= CO_VARKEYWORDS;
    }
    if (IS_TOP_LEVEL_AWAIT(c) && ste->ste_coroutine && !ste->ste_generator)
        flags |= CO_COROUTINE;
    flags |= (c->c_flags.cf_flags & PyCF_MASK);
    return flags;
}

static PyCodeObject *assemble(struct compiler *c, int addNone)
{
    struct compiler_unit *u = c->u;
    /* Make sure every path ends with a return (implicit "return None"). */
    basicblock *b = CUR_BLOCK(c);
    if (addNone && (b->b_iused == 0 ||
                    b->b_instr[b->b_iused - 1].i_opcode != RETURN_VALUE)) {
        srcloc saved = u->u_loc;
        u->u_loc.lineno = -1;
        if (!compiler_addop_load_const(c, Py_None)) return NULL;
        if (!addop_loc(c, RETURN_VALUE, 0, NULL, u->u_loc)) return NULL;
        u->u_loc = saved;
    } else if (!addNone && (b->b_iused == 0 ||
                            b->b_instr[b->b_iused - 1].i_opcode != RETURN_VALUE)) {
        /* no line: it takes the line of the value computed before it */
        if (!addop_loc(c, RETURN_VALUE, 0, NULL, (srcloc){-1, -1, -1, -1})) return NULL;
    }
    /* Free variables are numbered after the cells (LOAD_DEREF uses one index space). */
    assembler_input in = {
        .name = u->u_name, .qualname = u->u_qualname ? u->u_qualname : u->u_name,
        .filename = c->c_filename, .consts = u->u_consts_list, .names = u->u_names,
        .varnames = u->u_varnames, .cellvars = u->u_cellvars, .freevars = NULL,
        .argcount = u->u_argcount, .posonlyargcount = u->u_posonlyargcount,
        .kwonlyargcount = u->u_kwonlyargcount, .flags = compute_code_flags(c),
        .firstlineno = u->u_firstlineno,
    };
    /* u_freevars indexes start at ncells: rebase to 0 for the tuple */
    PyObject *freevars = PyDict_New(), *k, *v;
    Py_ssize_t pos = 0, ncells = PyDict_GET_SIZE(u->u_cellvars);
    if (!freevars) return NULL;
    while (PyDict_Next(u->u_freevars, &pos, &k, &v)) {
        PyObject *idx = PyLong_FromSsize_t(PyLong_AsSsize_t(v) - ncells);
        if (!idx || PyDict_SetItem(freevars, k, idx) < 0) {
            Py_XDECREF(idx);
            Py_DECREF(freevars);
            return NULL;
        }
        Py_DECREF(idx);
    }
    in.freevars = freevars;
    PyCodeObject *co = _PyAssemble_MakeCode(&u->u_cfg, &in);
    Py_DECREF(freevars);
    return co;
}

/* ---- __future__ ---- */

/* Checks the features of one `from __future__ import ...`; 0 with SyntaxError set. */
static int future_check_features(stmt_ty s, PyObject *filename, int *features)
{
    for (Py_ssize_t j = 0; j < asdl_seq_LEN(s->v.ImportFrom.names); j++) {
        alias_ty name = asdl_seq_GET(s->v.ImportFrom.names, j);
        const char *feature = PyUnicode_AsUTF8(name->name);
        if (!feature) return 0;
        if (!strcmp(feature, "annotations")) *features |= CO_FUTURE_ANNOTATIONS;
        else if (!strcmp(feature, "barry_as_FLUFL")) *features |= CO_FUTURE_BARRY_AS_BDFL;
        else if (!strcmp(feature, "nested_scopes") || !strcmp(feature, "generators") ||
                 !strcmp(feature, "division") || !strcmp(feature, "absolute_import") ||
                 !strcmp(feature, "with_statement") || !strcmp(feature, "print_function") ||
                 !strcmp(feature, "unicode_literals") || !strcmp(feature, "generator_stop")) {
            /* already mandatory */
        } else {
            if (!strcmp(feature, "braces"))
                PyErr_SetString(PyExc_SyntaxError, "not a chance");
            else
                PyErr_Format(PyExc_SyntaxError, "future feature %.100s is not defined", feature);
            PyErr_SyntaxLocationObject(filename, s->lineno, s->col_offset + 1);
            return 0;
        }
    }
    return 1;
}

static int is_future_import(stmt_ty s)
{
    return s->kind == ImportFrom_kind && s->v.ImportFrom.module &&
           _PyUnicode_EqualToASCIIString(s->v.ImportFrom.module, "__future__");
}

/* As 3.11's future.c: scans the leading future imports (after an optional docstring),
 * recording features and the line of the last one in *lineno.  Only a late future import
 * on the same line as the statement that ended the prologue is rejected here; other late
 * ones are compiler_from_import's error (at the statement). */
static int future_parse(struct _mod *mod, PyObject *filename, int *features, int *lineno)
{
    *features = 0;
    *lineno = -1;
    asdl_stmt_seq *body;
    if (mod->kind == Module_kind) body = mod->v.Module.body;
    else if (mod->kind == Interactive_kind) body = mod->v.Interactive.body;
    else return 1;
    Py_ssize_t i = 0;
    if (mod->kind == Module_kind && asdl_seq_LEN(body) && compiler_isdocstring(asdl_seq_GET(body, 0)))
        i++;
    int done = 0, prev_line = 0;
    for (; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (done && s->lineno > prev_line) return 1;
        prev_line = s->lineno;
        if (!is_future_import(s)) {
            done = 1;
            continue;
        }
        if (done) {
            PyErr_SetString(PyExc_SyntaxError,
                            "from __future__ imports must occur at the beginning of the file");
            PyErr_SyntaxLocationObject(filename, s->lineno, s->col_offset);
            return 0;
        }
        if (!future_check_features(s, filename, features)) return 0;
        *lineno = s->lineno;
    }
    return 1;
}

int _PyFuture_FromAST(struct _mod *mod, PyObject *filename, int *features)
{
    int lineno;
    return future_parse(mod, filename, features, &lineno) ? 0 : -1;
}

/* ---- entry points ---- */

PyCodeObject *_PyAST_Compile(struct _mod *mod, PyObject *filename, PyCompilerFlags *flags,
                             int optimize, struct _arena *arena)
{
    struct compiler c;
    PyCodeObject *co = NULL;
    memset(&c, 0, sizeof(c));
    c.c_filename = Py_NewRef(filename);
    c.c_arena = arena;
    if (!future_parse(mod, filename, &c.c_future_features, &c.c_future_lineno)) goto done;
    c.c_flags.cf_flags = (flags ? flags->cf_flags : 0) | c.c_future_features;
    c.c_future_features |= (flags ? flags->cf_flags : 0) & PyCF_MASK;
    c.c_flags.cf_flags |= c.c_future_features;
    if (flags) flags->cf_flags |= c.c_future_features & PyCF_MASK;
    if (optimize == -1) optimize = _PyInterpreterState_GET()->config.optimization_level;
    c.c_optimize = optimize;
    if (!_PyAST_Optimize(mod, arena, optimize, c.c_future_features)) goto done;
    c.c_st = _PySymtable_Build(mod, filename, c.c_future_features);
    if (c.c_st == NULL) {
        if (!PyErr_Occurred()) PyErr_SetString(PyExc_SystemError, "no symtable");
        goto done;
    }
    co = compiler_mod(&c, mod);
done:
    if (c.c_st) _PySymtable_Free(c.c_st);
    Py_DECREF(c.c_filename);
    return co;
}

PyObject *PyAST_mod2obj(mod_ty t); /* src/parser/Python-ast.c (parser) */

PyObject *Py_CompileStringObject(const char *str, PyObject *filename, int start,
                                 PyCompilerFlags *flags, int optimize)
{
    PyArena *arena = _PyArena_New();
    if (arena == NULL) return NULL;
    mod_ty mod = _PyParser_ASTFromString(str, filename, start, flags, arena);
    if (mod == NULL) { _PyArena_Free(arena); return NULL; }
    if (flags && (flags->cf_flags & PyCF_ONLY_AST)) {
        PyObject *result = PyAST_mod2obj(mod);
        _PyArena_Free(arena);
        return result;
    }
    PyCodeObject *co = _PyAST_Compile(mod, filename, flags, optimize, arena);
    _PyArena_Free(arena);
    return (PyObject *)co;
}

PyObject *Py_CompileStringExFlags(const char *str, const char *filename_str, int start,
                                  PyCompilerFlags *flags, int optimize)
{
    PyObject *filename = PyUnicode_DecodeFSDefault(filename_str);
    if (filename == NULL) return NULL;
    PyObject *co = Py_CompileStringObject(str, filename, start, flags, optimize);
    Py_DECREF(filename);
    return co;
}
