/* symtable.c — the symbol table: one entry per scope (module, class, function, lambda,
 * comprehension), recording how each name is used, then an analysis pass that decides
 * local / global (explicit or implicit) / free / cell for every name.
 * Owner: compiler-vm.  compile.c asks _PyST_GetScope which load/store opcode to use. */
#include "Python.h"
#include "pycore_ast.h"
#include "symtable.h"
#include "compile.h"

#define GLOBAL_AFTER_ASSIGN "name '%U' is assigned to before global declaration"
#define NONLOCAL_AFTER_ASSIGN "name '%U' is assigned to before nonlocal declaration"
#define GLOBAL_AFTER_USE "name '%U' is used prior to global declaration"
#define NONLOCAL_AFTER_USE "name '%U' is used prior to nonlocal declaration"
#define GLOBAL_ANNOT "annotated name '%U' can't be global"
#define NONLOCAL_ANNOT "annotated name '%U' can't be nonlocal"
#define IMPORT_STAR_WARNING "import * only allowed at module level"
#define NAMED_EXPR_COMP_IN_CLASS \
    "assignment expression within a comprehension cannot be used in a class body"
#define NAMED_EXPR_COMP_CONFLICT \
    "assignment expression cannot rebind comprehension iteration variable '%U'"
#define NAMED_EXPR_COMP_INNER_LOOP_CONFLICT \
    "comprehension inner loop cannot rebind assignment expression target '%U'"
#define NAMED_EXPR_COMP_ITER_EXPR \
    "assignment expression cannot be used in a comprehension iterable expression"
#define ANNOTATION_NOT_ALLOWED "'%s' can not be used within an annotation"

/* ---- entries ---- */

static PySTEntryObject *ste_new(struct symtable *st, identifier name, _Py_block_ty block,
                                void *key, int lineno, int col_offset, int end_lineno,
                                int end_col_offset)
{
    PySTEntryObject *ste = PyObject_New(PySTEntryObject, &PySTEntry_Type);
    PyObject *k = PyLong_FromVoidPtr(key);
    if (ste == NULL || k == NULL) { Py_XDECREF(ste); Py_XDECREF(k); return NULL; }
    ste->ste_table = st;
    ste->ste_id = k;
    ste->ste_name = Py_NewRef(name);
    ste->ste_symbols = PyDict_New();
    ste->ste_varnames = PyList_New(0);
    ste->ste_children = PyList_New(0);
    ste->ste_directives = NULL;
    ste->ste_type = block;
    ste->ste_nested = 0;
    ste->ste_free = 0;
    ste->ste_varargs = 0;
    ste->ste_varkeywords = 0;
    ste->ste_opt_lineno = 0;
    ste->ste_opt_col_offset = 0;
    ste->ste_lineno = lineno;
    ste->ste_col_offset = col_offset;
    ste->ste_end_lineno = end_lineno;
    ste->ste_end_col_offset = end_col_offset;
    if (st->st_cur != NULL &&
        (st->st_cur->ste_nested || st->st_cur->ste_type == FunctionBlock))
        ste->ste_nested = 1;
    ste->ste_child_free = 0;
    ste->ste_generator = 0;
    ste->ste_coroutine = 0;
    ste->ste_comprehension = NoComprehension;
    ste->ste_returns_value = 0;
    ste->ste_needs_class_closure = 0;
    ste->ste_comp_iter_target = 0;
    ste->ste_has_docstring = 0;
    ste->ste_comp_iter_expr = 0;
    if (!ste->ste_symbols || !ste->ste_varnames || !ste->ste_children ||
        PyDict_SetItem(st->st_blocks, ste->ste_id, (PyObject *)ste) < 0) {
        Py_DECREF(ste);
        return NULL;
    }
    return ste;
}

static void ste_dealloc(PySTEntryObject *ste)
{
    ste->ste_table = NULL;
    Py_XDECREF(ste->ste_id);
    Py_XDECREF(ste->ste_name);
    Py_XDECREF(ste->ste_symbols);
    Py_XDECREF(ste->ste_varnames);
    Py_XDECREF(ste->ste_children);
    Py_XDECREF(ste->ste_directives);
    PyObject_Free(ste);
}

static PyObject *ste_repr(PySTEntryObject *ste)
{
    return PyUnicode_FromFormat("<symtable entry %U(%R), line %d>", ste->ste_name,
                                ste->ste_id, ste->ste_lineno);
}

PyTypeObject PySTEntry_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "symtable entry",
    .tp_basicsize = sizeof(PySTEntryObject),
    .tp_dealloc = (destructor)ste_dealloc,
    .tp_repr = (reprfunc)ste_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* ---- name mangling ---- */

PyObject *_Py_Mangle(PyObject *privateobj, PyObject *ident)
{
    if (privateobj == NULL || !PyUnicode_Check(privateobj) ||
        PyUnicode_READ_CHAR(ident, 0) != '_' || PyUnicode_GET_LENGTH(ident) < 2 ||
        PyUnicode_READ_CHAR(ident, 1) != '_')
        return Py_NewRef(ident);
    Py_ssize_t nlen = PyUnicode_GET_LENGTH(ident), plen = PyUnicode_GET_LENGTH(privateobj);
    /* Don't mangle __id__ or names with dots. */
    if ((PyUnicode_READ_CHAR(ident, nlen - 1) == '_' &&
         PyUnicode_READ_CHAR(ident, nlen - 2) == '_') ||
        PyUnicode_FindChar(ident, '.', 0, nlen, 1) != -1)
        return Py_NewRef(ident);
    Py_ssize_t ipriv = 0;
    while (ipriv < plen && PyUnicode_READ_CHAR(privateobj, ipriv) == '_') ipriv++;
    if (ipriv == plen) return Py_NewRef(ident); /* class name is all underscores */
    PyObject *stripped = PyUnicode_Substring(privateobj, ipriv, plen);
    if (!stripped) return NULL;
    PyObject *r = PyUnicode_FromFormat("_%U%U", stripped, ident);
    Py_DECREF(stripped);
    return r;
}

/* ---- lookups used by the compiler ---- */

PySTEntryObject *PySymtable_Lookup(struct symtable *st, void *key)
{
    PyObject *k = PyLong_FromVoidPtr(key);
    if (k == NULL) return NULL;
    PyObject *v = PyDict_GetItemWithError(st->st_blocks, k);
    Py_DECREF(k);
    if (v == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_KeyError, "unknown symbol table entry");
        return NULL;
    }
    return (PySTEntryObject *)Py_NewRef(v);
}

int _PyST_GetSymbol(PySTEntryObject *ste, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(ste->ste_symbols, name);
    if (!v) return 0;
    return (int)PyLong_AsLong(v);
}

int _PyST_GetScope(PySTEntryObject *ste, PyObject *name)
{
    return (_PyST_GetSymbol(ste, name) >> SCOPE_OFFSET) & SCOPE_MASK;
}

void _PySymtable_Free(struct symtable *st)
{
    Py_XDECREF(st->st_filename);
    Py_XDECREF(st->st_blocks);
    Py_XDECREF(st->st_stack);
    PyMem_Free(st);
}

/* Location of the SyntaxError being raised, with its end (for the ^^^ markers). */
static void set_syntax_range(PyObject *filename, int lineno, int col, int end_lineno,
                             int end_col)
{
    PyErr_SyntaxLocationObject(filename, lineno, col);
    PyObject *exc = PyErr_GetRaisedException();
    if (exc == NULL) return;
    PyObject *el = PyLong_FromLong(end_lineno), *ec = PyLong_FromLong(end_col);
    if (el && ec) {
        if (PyObject_SetAttrString(exc, "end_lineno", el) < 0 ||
            PyObject_SetAttrString(exc, "end_offset", ec) < 0)
            PyErr_Clear();
    }
    Py_XDECREF(el);
    Py_XDECREF(ec);
    PyErr_SetRaisedException(exc);
}
#define PyErr_RangedSyntaxLocationObject set_syntax_range

/* ---- errors ---- */

static int st_error_at(struct symtable *st, int lineno, int col, int end_lineno, int end_col,
                       const char *fmt, PyObject *name)
{
    if (name) PyErr_Format(PyExc_SyntaxError, fmt, name);
    else PyErr_SetString(PyExc_SyntaxError, fmt);
    PyErr_RangedSyntaxLocationObject(st->st_filename, lineno, col + 1, end_lineno, end_col + 1);
    return 0;
}

#define ST_ERROR_NODE(st, node, fmt, name) \
    st_error_at((st), (node)->lineno, (node)->col_offset, (node)->end_lineno, \
                (node)->end_col_offset, (fmt), (name))

/* ---- building ---- */

static int symtable_enter_block(struct symtable *st, identifier name, _Py_block_ty block,
                                void *ast, int lineno, int col_offset, int end_lineno,
                                int end_col_offset)
{
    PySTEntryObject *prev = st->st_cur;
    PySTEntryObject *ste = ste_new(st, name, block, ast, lineno, col_offset, end_lineno,
                                   end_col_offset);
    if (ste == NULL) return 0;
    if (PyList_Append(st->st_stack, (PyObject *)ste) < 0) { Py_DECREF(ste); return 0; }
    Py_DECREF(ste);
    st->st_cur = ste;
    /* As 3.11 (bpo-37757): no assignment expression anywhere in a comprehension's
     * outermost iterable, even inside a nested comprehension or lambda there. */
    if (prev)
        ste->ste_comp_iter_expr = prev->ste_comp_iter_expr;
    /* Annotation blocks see the enclosing scope's names. */
    if (block == AnnotationBlock) return 1;
    if (block == ModuleBlock) st->st_global = st->st_cur->ste_symbols;
    if (prev && PyList_Append(prev->ste_children, (PyObject *)ste) < 0) return 0;
    return 1;
}

static int symtable_exit_block(struct symtable *st)
{
    Py_ssize_t size = PyList_GET_SIZE(st->st_stack);
    st->st_cur = NULL;
    if (size) {
        if (PyList_SetSlice(st->st_stack, size - 1, size, NULL) < 0) return 0;
        if (--size)
            st->st_cur = (PySTEntryObject *)PyList_GET_ITEM(st->st_stack, size - 1);
    }
    return 1;
}

static int add_def_helper(struct symtable *st, PyObject *name, int flag,
                          PySTEntryObject *ste, int lineno, int col, int end_lineno,
                          int end_col)
{
    PyObject *o, *dict = ste->ste_symbols;
    long val;
    PyObject *mangled = _Py_Mangle(st->st_private, name);
    if (!mangled) return 0;
    o = PyDict_GetItemWithError(dict, mangled);
    if (o) {
        val = PyLong_AsLong(o);
        if ((flag & DEF_PARAM) && (val & DEF_PARAM)) {
            st_error_at(st, lineno, col, end_lineno, end_col,
                        "duplicate argument '%U' in function definition", name);
            goto error;
        }
        val |= flag;
    } else if (PyErr_Occurred()) {
        goto error;
    } else {
        val = flag;
    }
    if (ste->ste_comp_iter_target) {
        /* comprehension iteration targets can't be rebound by a walrus */
        if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
            st_error_at(st, lineno, col, end_lineno, end_col, NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name);
            goto error;
        }
        val |= DEF_COMP_ITER;
    }
    o = PyLong_FromLong(val);
    if (o == NULL || PyDict_SetItem(dict, mangled, o) < 0) { Py_XDECREF(o); goto error; }
    Py_DECREF(o);
    if (flag & DEF_PARAM) {
        if (PyList_Append(ste->ste_varnames, mangled) < 0) goto error;
    } else if (flag & DEF_GLOBAL) {
        val = flag;
        if ((o = PyDict_GetItemWithError(st->st_global, mangled))) val |= PyLong_AsLong(o);
        else if (PyErr_Occurred()) goto error;
        o = PyLong_FromLong(val);
        if (o == NULL || PyDict_SetItem(st->st_global, mangled, o) < 0) { Py_XDECREF(o); goto error; }
        Py_DECREF(o);
    }
    Py_DECREF(mangled);
    return 1;
error:
    Py_DECREF(mangled);
    return 0;
}

static int symtable_add_def(struct symtable *st, PyObject *name, int flag, int lineno,
                            int col, int end_lineno, int end_col)
{
    return add_def_helper(st, name, flag, st->st_cur, lineno, col, end_lineno, end_col);
}

#define ADD_DEF_NODE(st, name, flag, node) \
    symtable_add_def((st), (name), (flag), (node)->lineno, (node)->col_offset, \
                     (node)->end_lineno, (node)->end_col_offset)

static int symtable_visit_stmt(struct symtable *st, stmt_ty s);
static int symtable_visit_expr(struct symtable *st, expr_ty e);
static int symtable_visit_arguments(struct symtable *st, arguments_ty a);
static int symtable_visit_annotations(struct symtable *st, stmt_ty o, arguments_ty a,
                                      expr_ty returns);
static int symtable_visit_pattern(struct symtable *st, pattern_ty p);

#define VISIT(st, kind, v) if (!symtable_visit_##kind((st), (v))) return 0
#define VISIT_SEQ(st, kind, seq) do { \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(seq); _i++) { \
            kind##_ty _e = (kind##_ty)asdl_seq_GET((seq), _i); \
            if (!symtable_visit_##kind((st), _e)) return 0; \
        } } while (0)
#define VISIT_SEQ_WITH_NULL(st, kind, seq) do { \
        for (Py_ssize_t _i = 0; _i < asdl_seq_LEN(seq); _i++) { \
            kind##_ty _e = (kind##_ty)asdl_seq_GET((seq), _i); \
            if (_e && !symtable_visit_##kind((st), _e)) return 0; \
        } } while (0)

static int record_directive(struct symtable *st, identifier name, int lineno, int col,
                            int end_lineno, int end_col)
{
    if (!st->st_cur->ste_directives) {
        st->st_cur->ste_directives = PyList_New(0);
        if (!st->st_cur->ste_directives) return 0;
    }
    PyObject *mangled = _Py_Mangle(st->st_private, name);
    if (!mangled) return 0;
    PyObject *data = Py_BuildValue("(Niiii)", mangled, lineno, col, end_lineno, end_col);
    if (!data) return 0;
    int r = PyList_Append(st->st_cur->ste_directives, data);
    Py_DECREF(data);
    return r == 0;
}

/* A walrus inside a comprehension binds in the nearest enclosing non-comprehension. */
static int symtable_extend_namedexpr_scope(struct symtable *st, expr_ty e)
{
    PyObject *target_name = e->v.Name.id;
    for (Py_ssize_t i = PyList_GET_SIZE(st->st_stack) - 1; i >= 0; i--) {
        PySTEntryObject *ste = (PySTEntryObject *)PyList_GET_ITEM(st->st_stack, i);
        if (ste->ste_comprehension) {
            long target_in_scope = _PyST_GetSymbol(ste, target_name);
            if (target_in_scope & DEF_COMP_ITER) {
                ST_ERROR_NODE(st, e, NAMED_EXPR_COMP_CONFLICT, target_name);
                return 0;
            }
            continue;
        }
        if (ste->ste_type == FunctionBlock) {
            long target_in_scope = _PyST_GetSymbol(ste, target_name);
            if (target_in_scope & DEF_GLOBAL) {
                if (!ADD_DEF_NODE(st, target_name, DEF_GLOBAL, e)) return 0;
            } else {
                if (!ADD_DEF_NODE(st, target_name, DEF_NONLOCAL, e)) return 0;
            }
            if (!record_directive(st, target_name, e->lineno, e->col_offset,
                                  e->end_lineno, e->end_col_offset))
                return 0;
            return add_def_helper(st, target_name, DEF_LOCAL, ste, e->lineno, e->col_offset,
                                  e->end_lineno, e->end_col_offset);
        }
        if (ste->ste_type == ModuleBlock) {
            if (!ADD_DEF_NODE(st, target_name, DEF_GLOBAL, e)) return 0;
            if (!record_directive(st, target_name, e->lineno, e->col_offset,
                                  e->end_lineno, e->end_col_offset))
                return 0;
            return add_def_helper(st, target_name, DEF_GLOBAL, ste, e->lineno, e->col_offset,
                                  e->end_lineno, e->end_col_offset);
        }
        if (ste->ste_type == ClassBlock) {
            ST_ERROR_NODE(st, e, NAMED_EXPR_COMP_IN_CLASS, NULL);
            return 0;
        }
    }
    return 0;
}

static int symtable_handle_namedexpr(struct symtable *st, expr_ty e)
{
    if (st->st_cur->ste_comp_iter_expr > 0) {
        ST_ERROR_NODE(st, e, NAMED_EXPR_COMP_ITER_EXPR, NULL);
        return 0;
    }
    if (st->st_cur->ste_comprehension) {
        if (!symtable_extend_namedexpr_scope(st, e->v.NamedExpr.target)) return 0;
    }
    VISIT(st, expr, e->v.NamedExpr.value);
    VISIT(st, expr, e->v.NamedExpr.target);
    return 1;
}

static int symtable_visit_keyword(struct symtable *st, keyword_ty k)
{
    VISIT(st, expr, k->value);
    return 1;
}

static int symtable_visit_withitem(struct symtable *st, withitem_ty item)
{
    VISIT(st, expr, item->context_expr);
    if (item->optional_vars) VISIT(st, expr, item->optional_vars);
    return 1;
}

static int symtable_visit_match_case(struct symtable *st, match_case_ty m)
{
    VISIT(st, pattern, m->pattern);
    if (m->guard) VISIT(st, expr, m->guard);
    VISIT_SEQ(st, stmt, m->body);
    return 1;
}

static int symtable_visit_alias(struct symtable *st, alias_ty a)
{
    /* import a.b.c binds a; "from m import *" is only legal at module level */
    PyObject *store_name, *name = a->asname == NULL ? a->name : a->asname;
    Py_ssize_t dot = PyUnicode_FindChar(name, '.', 0, PyUnicode_GET_LENGTH(name), 1);
    if (dot != -1) {
        store_name = PyUnicode_Substring(name, 0, dot);
        if (!store_name) return 0;
    } else {
        store_name = Py_NewRef(name);
    }
    if (!_PyUnicode_EqualToASCIIString(name, "*")) {
        int r = ADD_DEF_NODE(st, store_name, DEF_IMPORT, a);
        Py_DECREF(store_name);
        return r;
    }
    if (st->st_cur->ste_type != ModuleBlock) {
        ST_ERROR_NODE(st, a, IMPORT_STAR_WARNING, NULL);
        Py_DECREF(store_name);
        return 0;
    }
    Py_DECREF(store_name);
    return 1;
}

static int symtable_visit_excepthandler(struct symtable *st, excepthandler_ty eh)
{
    if (eh->v.ExceptHandler.type) VISIT(st, expr, eh->v.ExceptHandler.type);
    if (eh->v.ExceptHandler.name)
        if (!ADD_DEF_NODE(st, eh->v.ExceptHandler.name, DEF_LOCAL, eh)) return 0;
    VISIT_SEQ(st, stmt, eh->v.ExceptHandler.body);
    return 1;
}

static int symtable_visit_params(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty arg = asdl_seq_GET(args, i);
        if (!ADD_DEF_NODE(st, arg->arg, DEF_PARAM, arg)) return 0;
    }
    return 1;
}

static int symtable_visit_annotation(struct symtable *st, expr_ty annotation)
{
    int future_annotations = st->st_future_features & CO_FUTURE_ANNOTATIONS;
    if (future_annotations &&
        !symtable_enter_block(st, st->st_cur->ste_name, AnnotationBlock, (void *)annotation,
                              annotation->lineno, annotation->col_offset,
                              annotation->end_lineno, annotation->end_col_offset))
        return 0;
    VISIT(st, expr, annotation);
    if (future_annotations && !symtable_exit_block(st)) return 0;
    return 1;
}

static int symtable_visit_argannotations(struct symtable *st, asdl_arg_seq *args)
{
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty arg = asdl_seq_GET(args, i);
        if (arg->annotation) VISIT(st, expr, arg->annotation);
    }
    return 1;
}

static int symtable_visit_annotations(struct symtable *st, stmt_ty o, arguments_ty a,
                                      expr_ty returns)
{
    int future_annotations = st->st_future_features & CO_FUTURE_ANNOTATIONS;
    if (future_annotations &&
        !symtable_enter_block(st, st->st_cur->ste_name, AnnotationBlock, (void *)o,
                              o->lineno, o->col_offset, o->end_lineno, o->end_col_offset))
        return 0;
    if (a->posonlyargs && !symtable_visit_argannotations(st, a->posonlyargs)) return 0;
    if (a->args && !symtable_visit_argannotations(st, a->args)) return 0;
    if (a->vararg && a->vararg->annotation) VISIT(st, expr, a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) VISIT(st, expr, a->kwarg->annotation);
    if (a->kwonlyargs && !symtable_visit_argannotations(st, a->kwonlyargs)) return 0;
    if (future_annotations && !symtable_exit_block(st)) return 0;
    if (returns && !symtable_visit_annotation(st, returns)) return 0;
    return 1;
}

static int symtable_visit_arguments(struct symtable *st, arguments_ty a)
{
    if (a->posonlyargs && !symtable_visit_params(st, a->posonlyargs)) return 0;
    if (a->args && !symtable_visit_params(st, a->args)) return 0;
    if (a->kwonlyargs && !symtable_visit_params(st, a->kwonlyargs)) return 0;
    if (a->vararg) {
        if (!ADD_DEF_NODE(st, a->vararg->arg, DEF_PARAM, a->vararg)) return 0;
        st->st_cur->ste_varargs = 1;
    }
    if (a->kwarg) {
        if (!ADD_DEF_NODE(st, a->kwarg->arg, DEF_PARAM, a->kwarg)) return 0;
        st->st_cur->ste_varkeywords = 1;
    }
    return 1;
}

static int symtable_visit_stmt(struct symtable *st, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind: {
        int is_async = s->kind == AsyncFunctionDef_kind;
        identifier name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
        arguments_ty args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
        asdl_expr_seq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list
                                        : s->v.FunctionDef.decorator_list;
        expr_ty returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
        asdl_stmt_seq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
        if (!ADD_DEF_NODE(st, name, DEF_LOCAL, s)) return 0;
        if (args->defaults) VISIT_SEQ(st, expr, args->defaults);
        if (args->kw_defaults) VISIT_SEQ_WITH_NULL(st, expr, args->kw_defaults);
        if (!symtable_visit_annotations(st, s, args, returns)) return 0;
        if (decos) VISIT_SEQ(st, expr, decos);
        if (!symtable_enter_block(st, name, FunctionBlock, (void *)s, s->lineno,
                                  s->col_offset, s->end_lineno, s->end_col_offset))
            return 0;
        if (is_async) st->st_cur->ste_coroutine = 1;
        VISIT(st, arguments, args);
        VISIT_SEQ(st, stmt, body);
        if (!symtable_exit_block(st)) return 0;
        break;
    }
    case ClassDef_kind: {
        PyObject *tmp;
        if (!ADD_DEF_NODE(st, s->v.ClassDef.name, DEF_LOCAL, s)) return 0;
        VISIT_SEQ(st, expr, s->v.ClassDef.bases);
        VISIT_SEQ(st, keyword, s->v.ClassDef.keywords);
        if (s->v.ClassDef.decorator_list) VISIT_SEQ(st, expr, s->v.ClassDef.decorator_list);
        if (!symtable_enter_block(st, s->v.ClassDef.name, ClassBlock, (void *)s, s->lineno,
                                  s->col_offset, s->end_lineno, s->end_col_offset))
            return 0;
        tmp = st->st_private;
        st->st_private = s->v.ClassDef.name;
        VISIT_SEQ(st, stmt, s->v.ClassDef.body);
        st->st_private = tmp;
        if (!symtable_exit_block(st)) return 0;
        break;
    }
    case Return_kind:
        if (s->v.Return.value) {
            VISIT(st, expr, s->v.Return.value);
            st->st_cur->ste_returns_value = 1;
        }
        break;
    case Delete_kind:
        VISIT_SEQ(st, expr, s->v.Delete.targets);
        break;
    case Assign_kind:
        VISIT_SEQ(st, expr, s->v.Assign.targets);
        VISIT(st, expr, s->v.Assign.value);
        break;
    case AnnAssign_kind:
        if (s->v.AnnAssign.target->kind == Name_kind) {
            expr_ty e_name = s->v.AnnAssign.target;
            long cur = _PyST_GetSymbol(st->st_cur, e_name->v.Name.id);
            if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && (st->st_cur->ste_symbols != st->st_global) &&
                s->v.AnnAssign.simple) {
                ST_ERROR_NODE(st, s, cur & DEF_GLOBAL ? GLOBAL_ANNOT : NONLOCAL_ANNOT,
                              e_name->v.Name.id);
                return 0;
            }
            if (s->v.AnnAssign.simple &&
                !ADD_DEF_NODE(st, e_name->v.Name.id, DEF_ANNOT | DEF_LOCAL, s))
                return 0;
            else if (s->v.AnnAssign.value &&
                     !ADD_DEF_NODE(st, e_name->v.Name.id, DEF_LOCAL, s))
                return 0;
            /* a parenthesized name, "(x): int", binds nothing unless assigned */
        } else {
            VISIT(st, expr, s->v.AnnAssign.target);
        }
        if (!symtable_visit_annotation(st, s->v.AnnAssign.annotation)) return 0;
        if (s->v.AnnAssign.value) VISIT(st, expr, s->v.AnnAssign.value);
        break;
    case AugAssign_kind:
        VISIT(st, expr, s->v.AugAssign.target);
        VISIT(st, expr, s->v.AugAssign.value);
        break;
    case For_kind:
        VISIT(st, expr, s->v.For.target);
        VISIT(st, expr, s->v.For.iter);
        VISIT_SEQ(st, stmt, s->v.For.body);
        if (s->v.For.orelse) VISIT_SEQ(st, stmt, s->v.For.orelse);
        break;
    case AsyncFor_kind:
        VISIT(st, expr, s->v.AsyncFor.target);
        VISIT(st, expr, s->v.AsyncFor.iter);
        VISIT_SEQ(st, stmt, s->v.AsyncFor.body);
        if (s->v.AsyncFor.orelse) VISIT_SEQ(st, stmt, s->v.AsyncFor.orelse);
        break;
    case While_kind:
        VISIT(st, expr, s->v.While.test);
        VISIT_SEQ(st, stmt, s->v.While.body);
        if (s->v.While.orelse) VISIT_SEQ(st, stmt, s->v.While.orelse);
        break;
    case If_kind:
        VISIT(st, expr, s->v.If.test);
        VISIT_SEQ(st, stmt, s->v.If.body);
        if (s->v.If.orelse) VISIT_SEQ(st, stmt, s->v.If.orelse);
        break;
    case Match_kind:
        VISIT(st, expr, s->v.Match.subject);
        VISIT_SEQ(st, match_case, s->v.Match.cases);
        break;
    case Raise_kind:
        if (s->v.Raise.exc) {
            VISIT(st, expr, s->v.Raise.exc);
            if (s->v.Raise.cause) VISIT(st, expr, s->v.Raise.cause);
        }
        break;
    case Try_kind:
        VISIT_SEQ(st, stmt, s->v.Try.body);
        VISIT_SEQ(st, stmt, s->v.Try.orelse);
        VISIT_SEQ(st, excepthandler, s->v.Try.handlers);
        VISIT_SEQ(st, stmt, s->v.Try.finalbody);
        break;
    case TryStar_kind:
        VISIT_SEQ(st, stmt, s->v.TryStar.body);
        VISIT_SEQ(st, stmt, s->v.TryStar.orelse);
        VISIT_SEQ(st, excepthandler, s->v.TryStar.handlers);
        VISIT_SEQ(st, stmt, s->v.TryStar.finalbody);
        break;
    case Assert_kind:
        VISIT(st, expr, s->v.Assert.test);
        if (s->v.Assert.msg) VISIT(st, expr, s->v.Assert.msg);
        break;
    case Import_kind:
        VISIT_SEQ(st, alias, s->v.Import.names);
        break;
    case ImportFrom_kind:
        VISIT_SEQ(st, alias, s->v.ImportFrom.names);
        break;
    case Global_kind:
    case Nonlocal_kind: {
        int is_global = s->kind == Global_kind;
        asdl_identifier_seq *seq = is_global ? s->v.Global.names : s->v.Nonlocal.names;
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
            identifier name = asdl_seq_GET(seq, i);
            long cur = _PyST_GetSymbol(st->st_cur, name);
            if (cur < 0) return 0;
            if (!is_global && st->st_cur->ste_type == ModuleBlock) {
                ST_ERROR_NODE(st, s, "nonlocal declaration not allowed at module level", NULL);
                return 0;
            }
            if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
                const char *msg;
                if (cur & DEF_PARAM)
                    msg = is_global ? "name '%U' is parameter and global"
                                    : "name '%U' is parameter and nonlocal";
                else if (cur & USE)
                    msg = is_global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
                else if (cur & DEF_ANNOT)
                    msg = is_global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
                else
                    msg = is_global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
                ST_ERROR_NODE(st, s, msg, name);
                return 0;
            }
            /* (both global and nonlocal: analyze_name reports it at the first
               directive, as 3.11) */
            if (!ADD_DEF_NODE(st, name, is_global ? DEF_GLOBAL : DEF_NONLOCAL, s)) return 0;
            if (!record_directive(st, name, s->lineno, s->col_offset, s->end_lineno,
                                  s->end_col_offset))
                return 0;
        }
        break;
    }
    case Expr_kind:
        VISIT(st, expr, s->v.Expr.value);
        break;
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        break;
    case With_kind:
        VISIT_SEQ(st, withitem, s->v.With.items);
        VISIT_SEQ(st, stmt, s->v.With.body);
        break;
    case AsyncWith_kind:
        VISIT_SEQ(st, withitem, s->v.AsyncWith.items);
        VISIT_SEQ(st, stmt, s->v.AsyncWith.body);
        break;
    }
    return 1;
}

static int symtable_visit_comprehension(struct symtable *st, comprehension_ty lc)
{
    st->st_cur->ste_comp_iter_target = 1;
    VISIT(st, expr, lc->target);
    st->st_cur->ste_comp_iter_target = 0;
    st->st_cur->ste_comp_iter_expr++;
    VISIT(st, expr, lc->iter);
    st->st_cur->ste_comp_iter_expr--;
    VISIT_SEQ(st, expr, lc->ifs);
    if (lc->is_async) st->st_cur->ste_coroutine = 1;
    return 1;
}

static int symtable_implicit_arg(struct symtable *st, int pos, expr_ty e)
{
    PyObject *id = PyUnicode_FromFormat(".%d", pos);
    if (id == NULL) return 0;
    int r = ADD_DEF_NODE(st, id, DEF_PARAM, e);
    Py_DECREF(id);
    return r;
}

/* The error for yield in a comprehension's scope, by the kind of comprehension. */
static const char *yield_in_comprehension(_Py_comprehension_ty kind)
{
    return kind == ListComprehension ? "'yield' inside list comprehension" :
           kind == SetComprehension ? "'yield' inside set comprehension" :
           kind == DictComprehension ? "'yield' inside dict comprehension" :
           "'yield' inside generator expression";
}

static int symtable_handle_comprehension(struct symtable *st, expr_ty e, identifier scope_name,
                                         asdl_comprehension_seq *generators, expr_ty elt,
                                         expr_ty value)
{
    int is_generator = e->kind == GeneratorExp_kind;
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    /* The outermost iterable is evaluated in the enclosing scope. */
    st->st_cur->ste_comp_iter_expr++;
    VISIT(st, expr, outermost->iter);
    st->st_cur->ste_comp_iter_expr--;
    if (!scope_name ||
        !symtable_enter_block(st, scope_name, FunctionBlock, (void *)e, e->lineno,
                              e->col_offset, e->end_lineno, e->end_col_offset))
        return 0;
    switch (e->kind) {
    case ListComp_kind: st->st_cur->ste_comprehension = ListComprehension; break;
    case SetComp_kind: st->st_cur->ste_comprehension = SetComprehension; break;
    case DictComp_kind: st->st_cur->ste_comprehension = DictComprehension; break;
    default: st->st_cur->ste_comprehension = GeneratorExpression; break;
    }
    if (outermost->is_async) st->st_cur->ste_coroutine = 1;
    if (!symtable_implicit_arg(st, 0, e)) { symtable_exit_block(st); return 0; }
    st->st_cur->ste_comp_iter_target = 1;
    if (!symtable_visit_expr(st, outermost->target)) { symtable_exit_block(st); return 0; }
    st->st_cur->ste_comp_iter_target = 0;
    for (Py_ssize_t i = 0; i < asdl_seq_LEN(outermost->ifs); i++)
        if (!symtable_visit_expr(st, asdl_seq_GET(outermost->ifs, i))) {
            symtable_exit_block(st);
            return 0;
        }
    for (Py_ssize_t i = 1; i < asdl_seq_LEN(generators); i++)
        if (!symtable_visit_comprehension(st, asdl_seq_GET(generators, i))) {
            symtable_exit_block(st);
            return 0;
        }
    if (value && !symtable_visit_expr(st, value)) { symtable_exit_block(st); return 0; }
    if (!symtable_visit_expr(st, elt)) { symtable_exit_block(st); return 0; }
    if (st->st_cur->ste_coroutine && !is_generator) {
        /* an async list/set/dict comprehension makes the enclosing function async */
    }
    if (is_generator) st->st_cur->ste_generator = 1;
    int is_async = st->st_cur->ste_coroutine && !is_generator;
    if (!symtable_exit_block(st)) return 0;
    if (is_async) st->st_cur->ste_coroutine = 1;
    return 1;
}

static int symtable_raise_if_annotation_block(struct symtable *st, const char *name, expr_ty e)
{
    if (st->st_cur->ste_type != AnnotationBlock) return 1;
    PyErr_Format(PyExc_SyntaxError, ANNOTATION_NOT_ALLOWED, name);
    PyErr_RangedSyntaxLocationObject(st->st_filename, e->lineno, e->col_offset + 1,
                                     e->end_lineno, e->end_col_offset + 1);
    return 0;
}

static int symtable_visit_expr(struct symtable *st, expr_ty e)
{
    if (++st->recursion_depth > st->recursion_limit) {
        PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded during compilation");
        return 0;
    }
    switch (e->kind) {
    case NamedExpr_kind:
        if (!symtable_raise_if_annotation_block(st, "named expression", e)) return 0;
        if (!symtable_handle_namedexpr(st, e)) return 0;
        break;
    case BoolOp_kind:
        VISIT_SEQ(st, expr, e->v.BoolOp.values);
        break;
    case BinOp_kind:
        VISIT(st, expr, e->v.BinOp.left);
        VISIT(st, expr, e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        VISIT(st, expr, e->v.UnaryOp.operand);
        break;
    case Lambda_kind: {
        if (e->v.Lambda.args->defaults) VISIT_SEQ(st, expr, e->v.Lambda.args->defaults);
        if (e->v.Lambda.args->kw_defaults)
            VISIT_SEQ_WITH_NULL(st, expr, e->v.Lambda.args->kw_defaults);
        PyObject *lambda = PyUnicode_InternFromString("lambda");
        if (!lambda) return 0;
        int ok = symtable_enter_block(st, lambda, FunctionBlock, (void *)e, e->lineno,
                                      e->col_offset, e->end_lineno, e->end_col_offset);
        Py_DECREF(lambda);
        if (!ok) return 0;
        VISIT(st, arguments, e->v.Lambda.args);
        VISIT(st, expr, e->v.Lambda.body);
        if (!symtable_exit_block(st)) return 0;
        break;
    }
    case IfExp_kind:
        VISIT(st, expr, e->v.IfExp.test);
        VISIT(st, expr, e->v.IfExp.body);
        VISIT(st, expr, e->v.IfExp.orelse);
        break;
    case Dict_kind:
        VISIT_SEQ_WITH_NULL(st, expr, e->v.Dict.keys);
        VISIT_SEQ(st, expr, e->v.Dict.values);
        break;
    case Set_kind:
        VISIT_SEQ(st, expr, e->v.Set.elts);
        break;
    case GeneratorExp_kind: {
        PyObject *n = PyUnicode_InternFromString("genexpr");
        int r = symtable_handle_comprehension(st, e, n, e->v.GeneratorExp.generators,
                                              e->v.GeneratorExp.elt, NULL);
        Py_XDECREF(n);
        if (!r) return 0;
        break;
    }
    case ListComp_kind: {
        PyObject *n = PyUnicode_InternFromString("listcomp");
        int r = symtable_handle_comprehension(st, e, n, e->v.ListComp.generators,
                                              e->v.ListComp.elt, NULL);
        Py_XDECREF(n);
        if (!r) return 0;
        break;
    }
    case SetComp_kind: {
        PyObject *n = PyUnicode_InternFromString("setcomp");
        int r = symtable_handle_comprehension(st, e, n, e->v.SetComp.generators,
                                              e->v.SetComp.elt, NULL);
        Py_XDECREF(n);
        if (!r) return 0;
        break;
    }
    case DictComp_kind: {
        PyObject *n = PyUnicode_InternFromString("dictcomp");
        int r = symtable_handle_comprehension(st, e, n, e->v.DictComp.generators,
                                              e->v.DictComp.key, e->v.DictComp.value);
        Py_XDECREF(n);
        if (!r) return 0;
        break;
    }
    case Yield_kind:
        if (!symtable_raise_if_annotation_block(st, "yield expression", e)) return 0;
        if (e->v.Yield.value) VISIT(st, expr, e->v.Yield.value);
        st->st_cur->ste_generator = 1;
        if (st->st_cur->ste_comprehension) {
            ST_ERROR_NODE(st, e, yield_in_comprehension(st->st_cur->ste_comprehension), NULL);
            return 0;
        }
        break;
    case YieldFrom_kind:
        if (!symtable_raise_if_annotation_block(st, "yield expression", e)) return 0;
        VISIT(st, expr, e->v.YieldFrom.value);
        st->st_cur->ste_generator = 1;
        if (st->st_cur->ste_comprehension) {
            ST_ERROR_NODE(st, e, yield_in_comprehension(st->st_cur->ste_comprehension), NULL);
            return 0;
        }
        break;
    case Await_kind:
        if (!symtable_raise_if_annotation_block(st, "await expression", e)) return 0;
        VISIT(st, expr, e->v.Await.value);
        st->st_cur->ste_coroutine = 1;
        break;
    case Compare_kind:
        VISIT(st, expr, e->v.Compare.left);
        VISIT_SEQ(st, expr, e->v.Compare.comparators);
        break;
    case Call_kind:
        VISIT(st, expr, e->v.Call.func);
        VISIT_SEQ(st, expr, e->v.Call.args);
        VISIT_SEQ_WITH_NULL(st, keyword, e->v.Call.keywords);
        break;
    case FormattedValue_kind:
        VISIT(st, expr, e->v.FormattedValue.value);
        if (e->v.FormattedValue.format_spec) VISIT(st, expr, e->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind:
        VISIT_SEQ(st, expr, e->v.JoinedStr.values);
        break;
    case Constant_kind:
        break;
    case Attribute_kind:
        VISIT(st, expr, e->v.Attribute.value);
        break;
    case Subscript_kind:
        VISIT(st, expr, e->v.Subscript.value);
        VISIT(st, expr, e->v.Subscript.slice);
        break;
    case Starred_kind:
        VISIT(st, expr, e->v.Starred.value);
        break;
    case Slice_kind:
        if (e->v.Slice.lower) VISIT(st, expr, e->v.Slice.lower);
        if (e->v.Slice.upper) VISIT(st, expr, e->v.Slice.upper);
        if (e->v.Slice.step) VISIT(st, expr, e->v.Slice.step);
        break;
    case Name_kind:
        if (!ADD_DEF_NODE(st, e->v.Name.id, e->v.Name.ctx == Load ? USE : DEF_LOCAL, e))
            return 0;
        /* zero-argument super() needs the __class__ cell */
        if (e->v.Name.ctx == Load && st->st_cur->ste_type == FunctionBlock &&
            _PyUnicode_EqualToASCIIString(e->v.Name.id, "super")) {
            PyObject *cls = PyUnicode_InternFromString("__class__");
            int r = cls && ADD_DEF_NODE(st, cls, USE, e);
            Py_XDECREF(cls);
            if (!r) return 0;
        }
        break;
    case List_kind:
        VISIT_SEQ(st, expr, e->v.List.elts);
        break;
    case Tuple_kind:
        VISIT_SEQ(st, expr, e->v.Tuple.elts);
        break;
    }
    st->recursion_depth--;
    return 1;
}

static int symtable_visit_pattern(struct symtable *st, pattern_ty p)
{
    switch (p->kind) {
    case MatchValue_kind:
        VISIT(st, expr, p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        break;
    case MatchSequence_kind:
        VISIT_SEQ(st, pattern, p->v.MatchSequence.patterns);
        break;
    case MatchStar_kind:
        if (p->v.MatchStar.name && !ADD_DEF_NODE(st, p->v.MatchStar.name, DEF_LOCAL, p)) return 0;
        break;
    case MatchMapping_kind:
        VISIT_SEQ(st, expr, p->v.MatchMapping.keys);
        VISIT_SEQ(st, pattern, p->v.MatchMapping.patterns);
        if (p->v.MatchMapping.rest && !ADD_DEF_NODE(st, p->v.MatchMapping.rest, DEF_LOCAL, p))
            return 0;
        break;
    case MatchClass_kind:
        VISIT(st, expr, p->v.MatchClass.cls);
        VISIT_SEQ(st, pattern, p->v.MatchClass.patterns);
        VISIT_SEQ(st, pattern, p->v.MatchClass.kwd_patterns);
        break;
    case MatchAs_kind:
        if (p->v.MatchAs.pattern) VISIT(st, pattern, p->v.MatchAs.pattern);
        if (p->v.MatchAs.name && !ADD_DEF_NODE(st, p->v.MatchAs.name, DEF_LOCAL, p)) return 0;
        break;
    case MatchOr_kind:
        VISIT_SEQ(st, pattern, p->v.MatchOr.patterns);
        break;
    }
    return 1;
}

/* ---- analysis: decide each name's scope ---- */

#define SET_SCOPE(dict, name, i) do { \
        PyObject *o = PyLong_FromLong(i); \
        if (!o) return 0; \
        if (PyDict_SetItem((dict), (name), o) < 0) { Py_DECREF(o); return 0; } \
        Py_DECREF(o); \
    } while (0)

static int error_at_directive(PySTEntryObject *ste, PyObject *name)
{
    for (Py_ssize_t i = 0; ste->ste_directives && i < PyList_GET_SIZE(ste->ste_directives); i++) {
        PyObject *data = PyList_GET_ITEM(ste->ste_directives, i);
        if (PyUnicode_Compare(PyTuple_GET_ITEM(data, 0), name) == 0) {
            PyErr_RangedSyntaxLocationObject(
                ste->ste_table->st_filename, (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 1)),
                (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 2)) + 1,
                (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 3)),
                (int)PyLong_AsLong(PyTuple_GET_ITEM(data, 4)) + 1);
            return 0;
        }
    }
    return 0;
}

static int analyze_name(PySTEntryObject *ste, PyObject *scopes, PyObject *name, long flags,
                        PyObject *bound, PyObject *local, PyObject *free, PyObject *global)
{
    if (flags & DEF_GLOBAL) {
        if (flags & DEF_NONLOCAL) {
            PyErr_Format(PyExc_SyntaxError, "name '%U' is nonlocal and global", name);
            return error_at_directive(ste, name);
        }
        SET_SCOPE(scopes, name, GLOBAL_EXPLICIT);
        if (PySet_Add(global, name) < 0) return 0;
        if (bound && PySet_Discard(bound, name) < 0) return 0;
        return 1;
    }
    if (flags & DEF_NONLOCAL) {
        if (!bound) {
            PyErr_Format(PyExc_SyntaxError, "nonlocal declaration not allowed at module level");
            return error_at_directive(ste, name);
        }
        int c = PySet_Contains(bound, name);
        if (c < 0) return 0;
        if (!c) {
            PyErr_Format(PyExc_SyntaxError, "no binding for nonlocal '%U' found", name);
            return error_at_directive(ste, name);
        }
        SET_SCOPE(scopes, name, FREE);
        ste->ste_free = 1;
        return PySet_Add(free, name) >= 0;
    }
    if (flags & DEF_BOUND) {
        SET_SCOPE(scopes, name, LOCAL);
        if (PySet_Add(local, name) < 0) return 0;
        if (PySet_Discard(global, name) < 0) return 0;
        return 1;
    }
    /* A name that is used and bound in an enclosing function is free here. */
    if (bound) {
        int c = PySet_Contains(bound, name);
        if (c < 0) return 0;
        if (c) {
            SET_SCOPE(scopes, name, FREE);
            ste->ste_free = 1;
            return PySet_Add(free, name) >= 0;
        }
    }
    if (global) {
        int c = PySet_Contains(global, name);
        if (c < 0) return 0;
        if (c) { SET_SCOPE(scopes, name, GLOBAL_IMPLICIT); return 1; }
    }
    if (ste->ste_nested) ste->ste_free = 1;
    SET_SCOPE(scopes, name, GLOBAL_IMPLICIT);
    return 1;
}

/* Names local here and free in a child become cells. */
static int analyze_cells(PyObject *scopes, PyObject *free)
{
    PyObject *name, *v;
    Py_ssize_t pos = 0;
    while (PyDict_Next(scopes, &pos, &name, &v)) {
        if (PyLong_AsLong(v) != LOCAL) continue;
        int c = PySet_Contains(free, name);
        if (c < 0) return 0;
        if (!c) continue;
        SET_SCOPE(scopes, name, CELL);
        if (PySet_Discard(free, name) < 0) return 0;
    }
    return 1;
}

static int drop_class_free(PySTEntryObject *ste, PyObject *free)
{
    PyObject *cls = PyUnicode_InternFromString("__class__");
    if (!cls) return 0;
    int res = PySet_Discard(free, cls);
    Py_DECREF(cls);
    if (res < 0) return 0;
    if (res) ste->ste_needs_class_closure = 1;
    return 1;
}

/* Write the computed scopes into ste_symbols; add free names a child needs. */
static int update_symbols(PyObject *symbols, PyObject *scopes, PyObject *bound,
                          PyObject *free, int classflag)
{
    PyObject *name = NULL, *itr = NULL, *v = NULL, *v_scope = NULL, *v_new = NULL,
             *v_free = NULL;
    Py_ssize_t pos = 0;
    while (PyDict_Next(symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        v_scope = PyDict_GetItemWithError(scopes, name);
        if (!v_scope) return 0;
        long scope = PyLong_AsLong(v_scope);
        flags |= (scope << SCOPE_OFFSET);
        v_new = PyLong_FromLong(flags);
        if (!v_new) return 0;
        if (PyDict_SetItem(symbols, name, v_new) < 0) { Py_DECREF(v_new); return 0; }
        Py_DECREF(v_new);
    }
    v_free = PyLong_FromLong(FREE << SCOPE_OFFSET);
    if (!v_free) return 0;
    itr = PyObject_GetIter(free);
    if (!itr) { Py_DECREF(v_free); return 0; }
    while ((name = PyIter_Next(itr))) {
        v = PyDict_GetItemWithError(symbols, name);
        if (v) {
            /* a class that binds the name but a method uses the outer one */
            if (classflag && PyLong_AsLong(v) & (DEF_BOUND | DEF_GLOBAL)) {
                long flags = PyLong_AsLong(v) | DEF_FREE_CLASS;
                v_new = PyLong_FromLong(flags);
                if (!v_new || PyDict_SetItem(symbols, name, v_new) < 0) {
                    Py_XDECREF(v_new); Py_DECREF(name); goto error;
                }
                Py_DECREF(v_new);
            }
            Py_DECREF(name);
            continue;
        }
        if (PyErr_Occurred()) { Py_DECREF(name); goto error; }
        if (bound) {
            int c = PySet_Contains(bound, name);
            if (c <= 0) { Py_DECREF(name); if (c < 0) goto error; continue; }
        }
        if (PyDict_SetItem(symbols, name, v_free) < 0) { Py_DECREF(name); goto error; }
        Py_DECREF(name);
    }
    Py_DECREF(itr);
    Py_DECREF(v_free);
    return !PyErr_Occurred();
error:
    Py_XDECREF(itr);
    Py_XDECREF(v_free);
    return 0;
}

static int analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free,
                         PyObject *global);

static int analyze_child_block(PySTEntryObject *entry, PyObject *bound, PyObject *free,
                               PyObject *global, PyObject *child_free)
{
    PyObject *temp_bound = PySet_New(bound), *temp_free = PySet_New(free),
             *temp_global = PySet_New(global);
    int ok = temp_bound && temp_free && temp_global &&
             analyze_block(entry, temp_bound, temp_free, temp_global) &&
             _PySet_Update(child_free, temp_free) >= 0;
    Py_XDECREF(temp_bound);
    Py_XDECREF(temp_free);
    Py_XDECREF(temp_global);
    return ok;
}

static int analyze_block(PySTEntryObject *ste, PyObject *bound, PyObject *free,
                         PyObject *global)
{
    PyObject *name, *v, *local = NULL, *scopes = NULL, *newbound = NULL, *newglobal = NULL,
             *newfree = NULL, *allfree = NULL;
    int success = 0;
    Py_ssize_t i, pos = 0;

    local = PySet_New(NULL);
    scopes = PyDict_New();
    newglobal = PySet_New(NULL);
    newfree = PySet_New(NULL);
    newbound = PySet_New(NULL);
    if (!local || !scopes || !newglobal || !newfree || !newbound) goto error;

    /* Class scopes don't pass their names to nested functions. */
    if (ste->ste_type == ClassBlock) {
        if (_PySet_Update(newglobal, global) < 0) goto error;
        if (bound && _PySet_Update(newbound, bound) < 0) goto error;
    }
    while (PyDict_Next(ste->ste_symbols, &pos, &name, &v)) {
        long flags = PyLong_AsLong(v);
        if (!analyze_name(ste, scopes, name, flags, bound, local, free, global)) goto error;
    }
    if (ste->ste_type != ClassBlock) {
        if (ste->ste_type == FunctionBlock && _PySet_Update(newbound, local) < 0) goto error;
        if (bound && _PySet_Update(newbound, bound) < 0) goto error;
        if (_PySet_Update(newglobal, global) < 0) goto error;
    } else {
        /* Special case __class__: methods see it as a free variable */
        PyObject *cls = PyUnicode_InternFromString("__class__");
        if (!cls || PySet_Add(newbound, cls) < 0) { Py_XDECREF(cls); goto error; }
        Py_DECREF(cls);
    }
    allfree = PySet_New(NULL);
    if (!allfree) goto error;
    for (i = 0; i < PyList_GET_SIZE(ste->ste_children); i++) {
        PySTEntryObject *entry = (PySTEntryObject *)PyList_GET_ITEM(ste->ste_children, i);
        if (!analyze_child_block(entry, newbound, newfree, newglobal, allfree)) goto error;
        if (entry->ste_free || entry->ste_child_free) ste->ste_child_free = 1;
    }
    if (_PySet_Update(newfree, allfree) < 0) goto error;
    if (ste->ste_type == FunctionBlock && !analyze_cells(scopes, newfree)) goto error;
    else if (ste->ste_type == ClassBlock && !drop_class_free(ste, newfree)) goto error;
    if (!update_symbols(ste->ste_symbols, scopes, bound, newfree, ste->ste_type == ClassBlock))
        goto error;
    if (_PySet_Update(free, newfree) < 0) goto error;
    success = 1;
error:
    Py_XDECREF(scopes);
    Py_XDECREF(local);
    Py_XDECREF(newbound);
    Py_XDECREF(newglobal);
    Py_XDECREF(newfree);
    Py_XDECREF(allfree);
    return success;
}

static int symtable_analyze(struct symtable *st)
{
    PyObject *free = PySet_New(NULL), *global = PySet_New(NULL);
    int r = free && global && analyze_block(st->st_top, NULL, free, global);
    Py_XDECREF(free);
    Py_XDECREF(global);
    return r;
}

struct symtable *_PySymtable_Build(mod_ty mod, PyObject *filename, int future_features)
{
    struct symtable *st = PyMem_Calloc(1, sizeof(struct symtable));
    if (st == NULL) { PyErr_NoMemory(); return NULL; }
    st->st_filename = Py_NewRef(filename);
    st->st_blocks = PyDict_New();
    st->st_stack = PyList_New(0);
    st->st_future_features = future_features;
    st->recursion_limit = 4000;
    if (!st->st_blocks || !st->st_stack) goto error;
    PyObject *top = PyUnicode_InternFromString("top");
    if (!top) goto error;
    int ok = symtable_enter_block(st, top, ModuleBlock, (void *)mod, 0, 0, 0, 0);
    Py_DECREF(top);
    if (!ok) goto error;
    st->st_top = st->st_cur;
    switch (mod->kind) {
    case Module_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(mod->v.Module.body); i++)
            if (!symtable_visit_stmt(st, asdl_seq_GET(mod->v.Module.body, i))) goto error;
        break;
    case Expression_kind:
        if (!symtable_visit_expr(st, mod->v.Expression.body)) goto error;
        break;
    case Interactive_kind:
        for (Py_ssize_t i = 0; i < asdl_seq_LEN(mod->v.Interactive.body); i++)
            if (!symtable_visit_stmt(st, asdl_seq_GET(mod->v.Interactive.body, i))) goto error;
        break;
    case FunctionType_kind:
        PyErr_SetString(PyExc_RuntimeError, "this compiler does not handle FunctionTypes");
        goto error;
    }
    if (!symtable_exit_block(st)) goto error;
    if (!symtable_analyze(st)) goto error;
    return st;
error:
    _PySymtable_Free(st);
    return NULL;
}
