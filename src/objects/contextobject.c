/* contextobject.c — PEP 567 context variables: Context, ContextVar, Token and the
 * PyContext* C API.  Owner: objects-containers; the `_contextvars` module that exports
 * them is src/modules/_contextvarsmodule.c.  Where CPython keeps a HAMT, a Context here
 * holds a dict that is never mutated once published: ContextVar.set() copies it, so
 * copy_context() is O(1) and snapshots stay immutable.  The current context of each
 * thread lives in its thread-state dict (PyThreadState_GetDict), under CONTEXT_KEY. */
#include "Python.h"
#include "context.h"
#include <stddef.h>

struct _pycontextobject {
    PyObject_HEAD
    PyContext *ctx_prev;      /* the context active before run()/Enter */
    PyObject *ctx_vars;       /* dict ContextVar -> value; treated as immutable */
    PyObject *ctx_weakreflist;
    int ctx_entered;
};

struct _pycontextvarobject {
    PyObject_HEAD
    PyObject *var_name;
    PyObject *var_default;    /* NULL: no default */
};

struct _pycontexttokenobject {
    PyObject_HEAD
    PyContext *tok_ctx;
    PyContextVar *tok_var;
    PyObject *tok_oldval;     /* NULL: the variable was unset */
    int tok_used;
};

static PyObject *token_missing;   /* Token.MISSING */

/* ------------------------------------------------------------ current context */

static PyObject *context_key(void)
{
    static PyObject *key;
    if (key == NULL)
        key = PyUnicode_InternFromString("_contextvars.current_context");
    return key;
}

static PyContext *context_new_from_vars(PyObject *vars)
{
    PyContext *ctx = PyObject_GC_New(PyContext, &PyContext_Type);
    if (ctx == NULL)
        return NULL;
    Py_INCREF(vars);
    ctx->ctx_vars = vars;
    ctx->ctx_prev = NULL;
    ctx->ctx_entered = 0;
    ctx->ctx_weakreflist = NULL;
    PyObject_GC_Track(ctx);
    return ctx;
}

static PyContext *context_new_empty(void)
{
    PyObject *vars = PyDict_New();
    if (vars == NULL)
        return NULL;
    PyContext *ctx = context_new_from_vars(vars);
    Py_DECREF(vars);
    return ctx;
}

/* The running thread's context (borrowed), created empty on first use. */
static PyContext *context_get(void)
{
    PyObject *tdict = PyThreadState_GetDict(), *key = context_key();
    if (tdict == NULL || key == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "no thread state for the current context");
        return NULL;
    }
    PyObject *ctx = PyDict_GetItemWithError(tdict, key);
    if (ctx != NULL || PyErr_Occurred())
        return (PyContext *)ctx;
    PyContext *nctx = context_new_empty();
    if (nctx == NULL)
        return NULL;
    int r = PyDict_SetItem(tdict, key, (PyObject *)nctx);
    Py_DECREF(nctx);   /* the thread dict keeps it alive */
    return r < 0 ? NULL : nctx;
}

static int context_set_current(PyContext *ctx)
{
    PyObject *tdict = PyThreadState_GetDict();
    if (tdict == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError, "no thread state for the current context");
        return -1;
    }
    return PyDict_SetItem(tdict, context_key(), (PyObject *)ctx);
}

/* ------------------------------------------------------------ C API */

PyObject *PyContext_New(void)
{
    return (PyObject *)context_new_empty();
}

PyObject *PyContext_Copy(PyObject *octx)
{
    if (!PyContext_CheckExact(octx)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return (PyObject *)context_new_from_vars(((PyContext *)octx)->ctx_vars);
}

PyObject *PyContext_CopyCurrent(void)
{
    PyContext *ctx = context_get();
    if (ctx == NULL)
        return NULL;
    return (PyObject *)context_new_from_vars(ctx->ctx_vars);
}

int PyContext_Enter(PyObject *octx)
{
    PyContext *ctx = (PyContext *)octx;
    if (!PyContext_CheckExact(octx)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (ctx->ctx_entered) {
        PyErr_Format(PyExc_RuntimeError, "cannot enter context: %R is already entered", octx);
        return -1;
    }
    PyContext *prev = context_get();
    if (prev == NULL)
        return -1;
    Py_INCREF(prev);
    if (context_set_current(ctx) < 0) {
        Py_DECREF(prev);
        return -1;
    }
    ctx->ctx_prev = prev;
    ctx->ctx_entered = 1;
    return 0;
}

int PyContext_Exit(PyObject *octx)
{
    PyContext *ctx = (PyContext *)octx;
    if (!PyContext_CheckExact(octx)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!ctx->ctx_entered) {
        PyErr_Format(PyExc_RuntimeError, "cannot exit context: %R has not been entered", octx);
        return -1;
    }
    if (context_get() != ctx) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_RuntimeError,
                            "cannot exit context: thread state references a different context object");
        return -1;
    }
    PyContext *prev = ctx->ctx_prev;
    ctx->ctx_prev = NULL;
    ctx->ctx_entered = 0;
    int r = context_set_current(prev);
    Py_DECREF(prev);
    return r;
}

PyObject *PyContextVar_New(const char *name, PyObject *def)
{
    PyObject *pyname = PyUnicode_FromString(name);
    if (pyname == NULL)
        return NULL;
    PyContextVar *var = PyObject_GC_New(PyContextVar, &PyContextVar_Type);
    if (var == NULL) {
        Py_DECREF(pyname);
        return NULL;
    }
    var->var_name = pyname;
    Py_XINCREF(def);
    var->var_default = def;
    PyObject_GC_Track(var);
    return (PyObject *)var;
}

int PyContextVar_Get(PyObject *ovar, PyObject *def, PyObject **val)
{
    PyContextVar *var = (PyContextVar *)ovar;
    if (!PyContextVar_CheckExact(ovar)) {
        PyErr_BadInternalCall();
        goto error;
    }
    PyContext *ctx = context_get();
    if (ctx == NULL)
        goto error;
    PyObject *found = PyDict_GetItemWithError(ctx->ctx_vars, ovar);
    if (found == NULL && PyErr_Occurred())
        goto error;
    if (found == NULL)
        found = def != NULL ? def : var->var_default;
    Py_XINCREF(found);
    *val = found;
    return 0;
error:
    *val = NULL;
    return -1;
}

/* Publish a new vars dict: the old one may be shared by snapshots, so copy. */
static int contextvar_store(PyContextVar *var, PyObject *value)
{
    PyContext *ctx = context_get();
    if (ctx == NULL)
        return -1;
    PyObject *vars = PyDict_Copy(ctx->ctx_vars);
    if (vars == NULL)
        return -1;
    int r = value != NULL ? PyDict_SetItem(vars, (PyObject *)var, value)
                          : PyDict_DelItem(vars, (PyObject *)var);
    if (r < 0) {
        Py_DECREF(vars);
        return -1;
    }
    Py_SETREF(ctx->ctx_vars, vars);
    return 0;
}

PyObject *PyContextVar_Set(PyObject *ovar, PyObject *val)
{
    if (!PyContextVar_CheckExact(ovar)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyContext *ctx = context_get();
    if (ctx == NULL)
        return NULL;
    PyObject *old = PyDict_GetItemWithError(ctx->ctx_vars, ovar);
    if (old == NULL && PyErr_Occurred())
        return NULL;
    PyContextToken *tok = PyObject_GC_New(PyContextToken, &PyContextToken_Type);
    if (tok == NULL)
        return NULL;
    Py_INCREF(ctx);
    tok->tok_ctx = ctx;
    Py_INCREF(ovar);
    tok->tok_var = (PyContextVar *)ovar;
    Py_XINCREF(old);
    tok->tok_oldval = old;
    tok->tok_used = 0;
    PyObject_GC_Track(tok);
    if (contextvar_store((PyContextVar *)ovar, val) < 0) {
        Py_DECREF(tok);
        return NULL;
    }
    return (PyObject *)tok;
}

int PyContextVar_Reset(PyObject *ovar, PyObject *otok)
{
    PyContextToken *tok = (PyContextToken *)otok;
    if (!PyContextVar_CheckExact(ovar)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (tok->tok_used) {
        PyErr_Format(PyExc_RuntimeError, "%R has already been used once", otok);
        return -1;
    }
    if ((PyObject *)tok->tok_var != ovar) {
        PyErr_Format(PyExc_ValueError, "%R was created by a different ContextVar", otok);
        return -1;
    }
    PyContext *ctx = context_get();
    if (ctx == NULL)
        return -1;
    if (ctx != tok->tok_ctx) {
        PyErr_Format(PyExc_ValueError, "%R was created in a different Context", otok);
        return -1;
    }
    tok->tok_used = 1;
    if (tok->tok_oldval == NULL) {
        int has = PyDict_Contains(ctx->ctx_vars, ovar);
        if (has < 0)
            return -1;
        if (!has) {
            PyErr_SetObject(PyExc_LookupError, ovar);
            return -1;
        }
    }
    return contextvar_store((PyContextVar *)ovar, tok->tok_oldval);
}

/* ------------------------------------------------------------ Context type */

static PyObject *context_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    if (PyTuple_GET_SIZE(args) || (kwds != NULL && PyDict_GET_SIZE(kwds))) {
        PyErr_SetString(PyExc_TypeError, "Context() does not accept any arguments");
        return NULL;
    }
    return PyContext_New();
}

static int context_tp_clear(PyObject *self)
{
    PyContext *ctx = (PyContext *)self;
    Py_CLEAR(ctx->ctx_prev);
    Py_CLEAR(ctx->ctx_vars);
    return 0;
}

static int context_tp_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyContext *ctx = (PyContext *)self;
    Py_VISIT(ctx->ctx_prev);
    Py_VISIT(ctx->ctx_vars);
    return 0;
}

static void context_tp_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    if (((PyContext *)self)->ctx_weakreflist != NULL)
        PyObject_ClearWeakRefs(self);
    context_tp_clear(self);
    PyObject_GC_Del(self);
}

static int context_check_key_type(PyObject *key)
{
    if (!PyContextVar_CheckExact(key)) {
        PyErr_Format(PyExc_TypeError, "a ContextVar key was expected, got %R", key);
        return -1;
    }
    return 0;
}

static PyObject *context_tp_richcompare(PyObject *v, PyObject *w, int op)
{
    if (!PyContext_CheckExact(v) || !PyContext_CheckExact(w) || (op != Py_EQ && op != Py_NE))
        Py_RETURN_NOTIMPLEMENTED;
    return PyObject_RichCompare(((PyContext *)v)->ctx_vars, ((PyContext *)w)->ctx_vars, op);
}

static Py_ssize_t context_tp_len(PyObject *self)
{
    return PyDict_GET_SIZE(((PyContext *)self)->ctx_vars);
}

static PyObject *context_tp_subscript(PyObject *self, PyObject *key)
{
    if (context_check_key_type(key) < 0)
        return NULL;
    PyObject *val = PyDict_GetItemWithError(((PyContext *)self)->ctx_vars, key);
    if (val == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetObject(PyExc_KeyError, key);
        return NULL;
    }
    Py_INCREF(val);
    return val;
}

static int context_tp_contains(PyObject *self, PyObject *key)
{
    if (context_check_key_type(key) < 0)
        return -1;
    return PyDict_Contains(((PyContext *)self)->ctx_vars, key);
}

/* Iterators over a context's vars: CPython's HAMT iterator types "keys"/"values"/"items". */
typedef struct {
    PyObject_HEAD
    PyObject *it;   /* an iterator over the (immutable) vars dict */
} ctxiterobject;

static void ctxiter_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(((ctxiterobject *)self)->it);
    PyObject_GC_Del(self);
}

static int ctxiter_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((ctxiterobject *)self)->it);
    return 0;
}

static PyObject *ctxiter_next(PyObject *self)
{
    return PyIter_Next(((ctxiterobject *)self)->it);
}

#define CTXITER_TYPE(var, pyname)                                                     \
    static PyTypeObject var = {                                                       \
        PyVarObject_HEAD_INIT(&PyType_Type, 0)                                        \
        .tp_name = pyname,                                                            \
        .tp_basicsize = sizeof(ctxiterobject),                                        \
        .tp_dealloc = ctxiter_dealloc,                                                \
        .tp_getattro = PyObject_GenericGetAttr,                                       \
        .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,                          \
        .tp_traverse = ctxiter_traverse,                                              \
        .tp_iter = PyObject_SelfIter,                                                 \
        .tp_iternext = ctxiter_next,                                                  \
    };

CTXITER_TYPE(ctx_keys_type, "keys")
CTXITER_TYPE(ctx_values_type, "values")
CTXITER_TYPE(ctx_items_type, "items")

static PyObject *ctxiter_make(PyObject *self, PyTypeObject *type, const char *view)
{
    PyObject *vars = ((PyContext *)self)->ctx_vars, *it;
    if (view == NULL) {
        it = PyObject_GetIter(vars);
    }
    else {
        PyObject *v = PyObject_CallMethod(vars, view, NULL);
        if (v == NULL)
            return NULL;
        it = PyObject_GetIter(v);
        Py_DECREF(v);
    }
    if (it == NULL)
        return NULL;
    if (type->tp_flags & Py_TPFLAGS_READY) {
        ctxiterobject *ci = PyObject_GC_New(ctxiterobject, type);
        if (ci != NULL) {
            ci->it = it;
            PyObject_GC_Track(ci);
            return (PyObject *)ci;
        }
    }
    else if (PyType_Ready(type) == 0) {
        Py_DECREF(it);
        return ctxiter_make(self, type, view);
    }
    Py_DECREF(it);
    return NULL;
}

static PyObject *context_tp_iter(PyObject *self)
{
    return ctxiter_make(self, &ctx_keys_type, NULL);
}

static PyObject *context_keys(PyObject *self, PyObject *unused)
{
    return ctxiter_make(self, &ctx_keys_type, NULL);
}

static PyObject *context_values(PyObject *self, PyObject *unused)
{
    return ctxiter_make(self, &ctx_values_type, "values");
}

static PyObject *context_items(PyObject *self, PyObject *unused)
{
    return ctxiter_make(self, &ctx_items_type, "items");
}

static PyObject *context_get_method(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("get", nargs, 1, 2))
        return NULL;
    if (context_check_key_type(args[0]) < 0)
        return NULL;
    PyObject *val = PyDict_GetItemWithError(((PyContext *)self)->ctx_vars, args[0]);
    if (val == NULL) {
        if (PyErr_Occurred())
            return NULL;
        val = nargs > 1 ? args[1] : Py_None;
    }
    Py_INCREF(val);
    return val;
}

static PyObject *context_copy(PyObject *self, PyObject *unused)
{
    return (PyObject *)context_new_from_vars(((PyContext *)self)->ctx_vars);
}

static PyObject *context_run(PyObject *self, PyObject *const *args, size_t nargsf,
                             PyObject *kwnames)
{
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (nargs < 1) {
        PyErr_SetString(PyExc_TypeError, "run() missing 1 required positional argument");
        return NULL;
    }
    if (PyContext_Enter(self) < 0)
        return NULL;
    PyObject *res = PyObject_Vectorcall(args[0], args + 1, nargs - 1, kwnames);
    if (PyContext_Exit(self) < 0) {
        Py_XDECREF(res);
        return NULL;
    }
    return res;
}

static PyMethodDef context_methods[] = {
    {"get", (PyCFunction)(void (*)(void))context_get_method, METH_FASTCALL,
     "Return the value for `key` if `key` has the value in the context object.\n\n"
     "If `key` does not exist, return `default`. If `default` is not given,\nreturn None."},
    {"items", context_items, METH_NOARGS,
     "Return all variables and their values in the context object.\n\n"
     "The result is returned as a list of 2-tuples (variable, value)."},
    {"keys", context_keys, METH_NOARGS, "Return a list of all variables in the context object."},
    {"values", context_values, METH_NOARGS,
     "Return a list of all variables' values in the context object."},
    {"copy", context_copy, METH_NOARGS, "Return a shallow copy of the context object."},
    {"run", (PyCFunction)(void (*)(void))context_run, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods context_as_sequence = {
    .sq_contains = context_tp_contains,
};

static PyMappingMethods context_as_mapping = {
    .mp_length = context_tp_len,
    .mp_subscript = context_tp_subscript,
};

PyTypeObject PyContext_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(PyContext),
    .tp_dealloc = context_tp_dealloc,
    .tp_as_sequence = &context_as_sequence,
    .tp_as_mapping = &context_as_mapping,
    .tp_hash = PyObject_HashNotImplemented,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = context_tp_traverse,
    .tp_clear = context_tp_clear,
    .tp_richcompare = context_tp_richcompare,
    .tp_weaklistoffset = offsetof(PyContext, ctx_weakreflist),
    .tp_iter = context_tp_iter,
    .tp_methods = context_methods,
    .tp_new = context_tp_new,
};

/* ------------------------------------------------------------ ContextVar type */

static PyObject *contextvar_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"", "default", NULL};
    PyObject *name, *def = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O|$O:ContextVar", kwlist, &name, &def))
        return NULL;
    if (!PyUnicode_Check(name)) {
        PyErr_SetString(PyExc_TypeError, "context variable name must be a str");
        return NULL;
    }
    PyContextVar *var = PyObject_GC_New(PyContextVar, &PyContextVar_Type);
    if (var == NULL)
        return NULL;
    Py_INCREF(name);
    var->var_name = name;
    Py_XINCREF(def);
    var->var_default = def;
    PyObject_GC_Track(var);
    return (PyObject *)var;
}

static int contextvar_tp_clear(PyObject *self)
{
    PyContextVar *var = (PyContextVar *)self;
    Py_CLEAR(var->var_name);
    Py_CLEAR(var->var_default);
    return 0;
}

static int contextvar_tp_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyContextVar *var = (PyContextVar *)self;
    Py_VISIT(var->var_name);
    Py_VISIT(var->var_default);
    return 0;
}

static void contextvar_tp_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    contextvar_tp_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *contextvar_tp_repr(PyObject *self)
{
    PyContextVar *var = (PyContextVar *)self;
    if (var->var_default != NULL)
        return PyUnicode_FromFormat("<ContextVar name=%R default=%R at %p>", var->var_name,
                                    var->var_default, self);
    return PyUnicode_FromFormat("<ContextVar name=%R at %p>", var->var_name, self);
}

static PyObject *contextvar_get(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *val;
    if (!_PyArg_CheckPositional("get", nargs, 0, 1))
        return NULL;
    if (PyContextVar_Get(self, nargs ? args[0] : NULL, &val) < 0)
        return NULL;
    if (val == NULL)
        PyErr_SetObject(PyExc_LookupError, self);
    return val;
}

static PyObject *contextvar_set(PyObject *self, PyObject *value)
{
    return PyContextVar_Set(self, value);
}

static PyObject *contextvar_reset(PyObject *self, PyObject *token)
{
    if (!PyContextToken_CheckExact(token)) {
        PyErr_Format(PyExc_TypeError, "expected an instance of Token, got %R", token);
        return NULL;
    }
    if (PyContextVar_Reset(self, token) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef contextvar_methods[] = {
    {"get", (PyCFunction)(void (*)(void))contextvar_get, METH_FASTCALL,
     "Return a value for the context variable for the current context.\n\n"
     "If there is no value for the variable in the current context, the method will:\n"
     " * return the value of the default argument of the method, if provided; or\n"
     " * return the default value for the context variable, if it was created\n"
     "   with one; or\n"
     " * raise a LookupError."},
    {"set", contextvar_set, METH_O,
     "Call to set a new value for the context variable in the current context.\n\n"
     "The required value argument is the new value for the context variable.\n\n"
     "Returns a Token object that can be used to restore the variable to its previous\n"
     "value via the `ContextVar.reset()` method."},
    {"reset", contextvar_reset, METH_O,
     "Reset the context variable.\n\n"
     "The variable is reset to the value it had before the `ContextVar.set()` that\n"
     "created the token was used."},
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef contextvar_members[] = {
    {"name", T_OBJECT, offsetof(PyContextVar, var_name), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyContextVar_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(PyContextVar),
    .tp_dealloc = contextvar_tp_dealloc,
    .tp_repr = contextvar_tp_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = contextvar_tp_traverse,
    .tp_clear = contextvar_tp_clear,
    .tp_methods = contextvar_methods,
    .tp_members = contextvar_members,
    .tp_new = contextvar_tp_new,
};

/* ------------------------------------------------------------ Token type */

static PyObject *token_tp_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    PyErr_SetString(PyExc_RuntimeError, "Tokens can only be created by ContextVars");
    return NULL;
}

static int token_tp_clear(PyObject *self)
{
    PyContextToken *tok = (PyContextToken *)self;
    Py_CLEAR(tok->tok_ctx);
    Py_CLEAR(tok->tok_var);
    Py_CLEAR(tok->tok_oldval);
    return 0;
}

static int token_tp_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyContextToken *tok = (PyContextToken *)self;
    Py_VISIT(tok->tok_ctx);
    Py_VISIT(tok->tok_var);
    Py_VISIT(tok->tok_oldval);
    return 0;
}

static void token_tp_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    token_tp_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *token_tp_repr(PyObject *self)
{
    PyContextToken *tok = (PyContextToken *)self;
    return PyUnicode_FromFormat("<Token%s var=%R at %p>", tok->tok_used ? " used" : "",
                                (PyObject *)tok->tok_var, self);
}

static PyObject *token_get_var(PyObject *self, void *closure)
{
    PyObject *var = (PyObject *)((PyContextToken *)self)->tok_var;
    Py_INCREF(var);
    return var;
}

static PyObject *token_get_old_value(PyObject *self, void *closure)
{
    PyObject *old = ((PyContextToken *)self)->tok_oldval;
    if (old == NULL)
        old = token_missing;
    Py_INCREF(old);
    return old;
}

static PyGetSetDef token_getset[] = {
    {"var", token_get_var, NULL, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyMethodDef token_methods[] = {
    {"__class_getitem__", Py_GenericAlias, METH_O | METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject PyContextToken_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(PyContextToken),
    .tp_dealloc = token_tp_dealloc,
    .tp_repr = token_tp_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = token_tp_traverse,
    .tp_clear = token_tp_clear,
    .tp_methods = token_methods,
    .tp_getset = token_getset,
    .tp_new = token_tp_new,
};

/* Token.MISSING: the marker old_value returns for a variable that was unset. */
static PyObject *missing_repr(PyObject *self)
{
    return PyUnicode_FromString("<Token.MISSING>");
}

static PyTypeObject token_missing_type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(PyObject),
    .tp_repr = missing_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* Ready the types and attach Token.MISSING (called by PyInit__contextvars). */
int _PyContext_Init(void)
{
    PyTypeObject *types[] = {&PyContext_Type, &PyContextVar_Type, &PyContextToken_Type,
                             &token_missing_type, &ctx_keys_type, &ctx_values_type,
                             &ctx_items_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (PyType_Ready(types[i]) < 0)
            return -1;
    if (token_missing == NULL) {
        token_missing = PyObject_New(PyObject, &token_missing_type);
        if (token_missing == NULL)
            return -1;
        if (PyDict_SetItemString(PyContextToken_Type.tp_dict, "MISSING", token_missing) < 0)
            return -1;
        PyType_Modified(&PyContextToken_Type);
    }
    return 0;
}
