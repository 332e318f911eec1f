/* moduleobject.c — module objects ("module" type): creation from PyModuleDef
 * (single- and multi-phase), the PyModule_Add* helpers, module repr, PEP 562
 * module __getattr__/__dir__.  Importing and sys.modules belong to the runtime
 * (import.c); this file only builds and inspects module objects. */
#include "Python.h"
#include "dynload.h"
#include "type_docs.h"
#include <stddef.h>

/* object.h's Py_XSETREF re-declares _py_tmp inside Py_XDECREF; this one is safe. */
#define Py_XSETREF_SAFE_MOD(op, op2)                              \
    do {                                                          \
        PyObject *_old_ref = _PyObject_CAST(op);                  \
        (op) = (op2);                                             \
        Py_XDECREF(_old_ref);                                     \
    } while (0)

static PyMemberDef module_members[] = {
    {"__dict__", T_OBJECT, offsetof(PyModuleObject, md_dict), READONLY, DOC_module___dict__},
    {NULL, 0, 0, 0, NULL},
};

PyTypeObject PyModuleDef_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "moduledef",
    .tp_basicsize = sizeof(PyModuleDef),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

PyObject *PyModuleDef_Init(PyModuleDef *def)
{
    if (PyType_Ready(&PyModuleDef_Type) < 0)
        return NULL;
    if (def->m_base.m_index == 0) {
        static Py_ssize_t max_module_number;
        Py_SET_TYPE(def, &PyModuleDef_Type);
        Py_SET_REFCNT(def, 1);
        def->m_base.m_index = ++max_module_number;
    }
    return (PyObject *)def;
}

static int module_init_dict(PyModuleObject *mod, PyObject *md_dict, PyObject *name, PyObject *doc)
{
    if (doc == NULL)
        doc = Py_None;
    if (PyDict_SetItem(md_dict, _Py_ID(__name__), name) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__doc__), doc) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__package__), Py_None) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__loader__), Py_None) != 0)
        return -1;
    if (PyDict_SetItem(md_dict, _Py_ID(__spec__), Py_None) != 0)
        return -1;
    if (PyUnicode_CheckExact(name)) {
        Py_INCREF(name);
        Py_XSETREF_SAFE_MOD(mod->md_name, name);
    }
    return 0;
}

static PyModuleObject *new_module_notrack(PyTypeObject *mt)
{
    PyModuleObject *m = (PyModuleObject *)PyType_GenericAlloc(mt, 0);
    if (m == NULL)
        return NULL;
    m->md_def = NULL;
    m->md_state = NULL;
    m->md_weaklist = NULL;
    m->md_name = NULL;
    m->md_dict = PyDict_New();
    if (m->md_dict != NULL)
        return m;
    Py_DECREF(m);
    return NULL;
}

/* module.__new__: the dict exists before __init__ (ModuleType.__new__(ModuleType) has an
 * empty __dict__, as in CPython) */
static PyObject *module_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    return (PyObject *)new_module_notrack(type);
}

PyObject *PyModule_NewObject(PyObject *name)
{
    PyModuleObject *m = new_module_notrack(&PyModule_Type);
    if (m == NULL)
        return NULL;
    if (module_init_dict(m, m->md_dict, name, NULL) != 0) {
        Py_DECREF(m);
        return NULL;
    }
    return (PyObject *)m;
}

PyObject *PyModule_New(const char *name)
{
    PyObject *nameobj, *module;
    nameobj = PyUnicode_FromString(name);
    if (nameobj == NULL)
        return NULL;
    module = PyModule_NewObject(nameobj);
    Py_DECREF(nameobj);
    return module;
}

/* Check API/ABI version; issue a warning on mismatch (as CPython does). */
static int check_api_version(const char *name, int module_api_version)
{
    if (module_api_version != PYTHON_API_VERSION && module_api_version != PYTHON_ABI_VERSION) {
        int err = PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                                   "Python C API version mismatch for module %.100s: This Python has API version %d, module %.100s has version %d.",
                                   name, PYTHON_API_VERSION, name, module_api_version);
        if (err)
            return 0;
    }
    return 1;
}

static int _add_methods_to_object(PyObject *module, PyObject *name, PyMethodDef *functions)
{
    PyObject *func;
    PyMethodDef *fdef;
    for (fdef = functions; fdef->ml_name != NULL; fdef++) {
        if ((fdef->ml_flags & METH_CLASS) || (fdef->ml_flags & METH_STATIC)) {
            PyErr_SetString(PyExc_ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
            return -1;
        }
        func = PyCFunction_NewEx(fdef, (PyObject *)module, name);
        if (func == NULL)
            return -1;
        if (PyObject_SetAttrString(module, fdef->ml_name, func) != 0) {
            Py_DECREF(func);
            return -1;
        }
        Py_DECREF(func);
    }
    return 0;
}

PyObject *PyModule_Create2(PyModuleDef *module, int module_api_version)
{
    const char *name;
    PyModuleObject *m;
    if (!PyModuleDef_Init(module))
        return NULL;
    name = module->m_name;
    if (!check_api_version(name, module_api_version))
        return NULL;
    /* A single-phase extension in a package names itself "mod"; the loader keeps the full
       "pkg.mod" in _Py_PackageContext (src/runtime/dynload.c) for the module to get it. */
    if (_Py_PackageContext != NULL) {
        const char *p = strrchr(_Py_PackageContext, '.');
        if (p != NULL && strcmp(name, p + 1) == 0) {
            name = _Py_PackageContext;
            _Py_PackageContext = NULL;
        }
    }
    if (module->m_slots) {
        PyErr_Format(PyExc_SystemError, "module %s: PyModule_Create is incompatible with m_slots", name);
        return NULL;
    }
    m = (PyModuleObject *)PyModule_New(name);
    if (m == NULL)
        return NULL;
    if (module->m_size > 0) {
        m->md_state = PyMem_Calloc(1, (size_t)module->m_size);
        if (!m->md_state) {
            PyErr_NoMemory();
            Py_DECREF(m);
            return NULL;
        }
    }
    if (module->m_methods != NULL) {
        if (PyModule_AddFunctions((PyObject *)m, module->m_methods) != 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    if (module->m_doc != NULL) {
        if (PyModule_SetDocString((PyObject *)m, module->m_doc) != 0) {
            Py_DECREF(m);
            return NULL;
        }
    }
    m->md_def = module;
    return (PyObject *)m;
}

PyObject *PyModule_FromDefAndSpec2(PyModuleDef *def, PyObject *spec, int module_api_version)
{
    PyModuleDef_Slot *cur_slot;
    PyObject *(*create)(PyObject *, PyModuleDef *) = NULL;
    PyObject *nameobj, *m = NULL;
    int has_execution_slots = 0;
    const char *name;
    int ret;

    if (!PyModuleDef_Init(def))
        return NULL;
    nameobj = PyObject_GetAttrString(spec, "name");
    if (nameobj == NULL)
        return NULL;
    name = PyUnicode_AsUTF8(nameobj);
    if (name == NULL)
        goto error;
    if (!check_api_version(name, module_api_version))
        goto error;
    if (def->m_size < 0) {
        PyErr_Format(PyExc_SystemError, "module %s: m_size may not be negative for multi-phase initialization", name);
        goto error;
    }
    for (cur_slot = def->m_slots; cur_slot && cur_slot->slot; cur_slot++) {
        if (cur_slot->slot == Py_mod_create) {
            if (create) {
                PyErr_Format(PyExc_SystemError, "module %s has multiple create slots", name);
                goto error;
            }
            create = (PyObject * (*)(PyObject *, PyModuleDef *))cur_slot->value;
        }
        else if (cur_slot->slot < 0 || cur_slot->slot > _Py_mod_LAST_SLOT) {
            PyErr_Format(PyExc_SystemError, "module %s uses unknown slot ID %i", name, cur_slot->slot);
            goto error;
        }
        else {
            has_execution_slots = 1;
        }
    }
    if (create) {
        m = create(spec, def);
        if (m == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_SystemError, "creation of module %s failed without setting an exception", name);
            goto error;
        }
        else if (PyErr_Occurred()) {
            _PyErr_FormatFromCause(PyExc_SystemError, "creation of module %s raised unreported exception", name);
            goto error;
        }
    }
    else {
        m = PyModule_NewObject(nameobj);
        if (m == NULL)
            goto error;
    }
    if (PyModule_Check(m)) {
        ((PyModuleObject *)m)->md_state = NULL;
        ((PyModuleObject *)m)->md_def = def;
    }
    else {
        if (def->m_size > 0 || def->m_traverse || def->m_clear || def->m_free) {
            PyErr_Format(PyExc_SystemError, "module %s is not a module object, but requests module state", name);
            goto error;
        }
        if (has_execution_slots) {
            PyErr_Format(PyExc_SystemError, "module %s specifies execution slots, but did not create a ModuleType instance", name);
            goto error;
        }
    }
    if (def->m_methods != NULL) {
        ret = _add_methods_to_object(m, nameobj, def->m_methods);
        if (ret != 0)
            goto error;
    }
    if (def->m_doc != NULL) {
        ret = PyModule_SetDocString(m, def->m_doc);
        if (ret != 0)
            goto error;
    }
    Py_DECREF(nameobj);
    return m;
error:
    Py_DECREF(nameobj);
    Py_XDECREF(m);
    return NULL;
}

int PyModule_ExecDef(PyObject *module, PyModuleDef *def)
{
    PyModuleDef_Slot *cur_slot;
    const char *name;
    int ret;
    name = PyModule_GetName(module);
    if (name == NULL)
        return -1;
    if (def->m_size >= 0) {
        PyModuleObject *md = (PyModuleObject *)module;
        if (md->md_state == NULL) {
            /* Always set a state pointer; this serves as a marker to skip multiple
             * initialization (importlib.reload() is no-op) */
            md->md_state = PyMem_Calloc(1, (size_t)(def->m_size ? def->m_size : 1));
            if (!md->md_state) {
                PyErr_NoMemory();
                return -1;
            }
        }
    }
    if (def->m_slots == NULL)
        return 0;
    for (cur_slot = def->m_slots; cur_slot && cur_slot->slot; cur_slot++) {
        switch (cur_slot->slot) {
        case Py_mod_create:
            /* handled in PyModule_FromDefAndSpec2 */
            break;
        case Py_mod_exec:
            ret = ((int (*)(PyObject *))cur_slot->value)(module);
            if (ret != 0) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_SystemError, "execution of module %s failed without setting an exception", name);
                return -1;
            }
            if (PyErr_Occurred()) {
                _PyErr_FormatFromCause(PyExc_SystemError, "execution of module %s raised unreported exception", name);
                return -1;
            }
            break;
        default:
            PyErr_Format(PyExc_SystemError, "module %s initialized with unknown slot %i", name, cur_slot->slot);
            return -1;
        }
    }
    return 0;
}

int PyModule_AddFunctions(PyObject *m, PyMethodDef *functions)
{
    int res;
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return -1;
    res = _add_methods_to_object(m, name, functions);
    Py_DECREF(name);
    return res;
}

int PyModule_SetDocString(PyObject *m, const char *doc)
{
    PyObject *v = PyUnicode_FromString(doc);
    if (v == NULL || PyObject_SetAttr(m, _Py_ID(__doc__), v) != 0) {
        Py_XDECREF(v);
        return -1;
    }
    Py_DECREF(v);
    return 0;
}

PyObject *PyModule_GetDict(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_dict; /* borrowed */
}

PyObject *PyModule_GetNameObject(PyObject *m)
{
    PyObject *d, *name;
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    d = ((PyModuleObject *)m)->md_dict;
    if (d == NULL || !PyDict_Check(d) || (name = PyDict_GetItemWithError(d, _Py_ID(__name__))) == NULL ||
        !PyUnicode_Check(name)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "nameless module");
        return NULL;
    }
    return Py_NewRef(name);
}

const char *PyModule_GetName(PyObject *m)
{
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL)
        return NULL;
    Py_DECREF(name); /* module dict has still a reference */
    return PyUnicode_AsUTF8(name);
}

PyObject *PyModule_GetFilenameObject(PyObject *m)
{
    PyObject *d, *fileobj;
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    d = ((PyModuleObject *)m)->md_dict;
    if (d == NULL || (fileobj = PyDict_GetItemWithError(d, _Py_ID(__file__))) == NULL ||
        !PyUnicode_Check(fileobj)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "module filename missing");
        return NULL;
    }
    return Py_NewRef(fileobj);
}

const char *PyModule_GetFilename(PyObject *m)
{
    const char *utf8;
    PyObject *fileobj = PyModule_GetFilenameObject(m);
    if (fileobj == NULL)
        return NULL;
    utf8 = PyUnicode_AsUTF8(fileobj);
    Py_DECREF(fileobj); /* module dict has still a reference */
    return utf8;
}

PyModuleDef *PyModule_GetDef(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_def;
}

void *PyModule_GetState(PyObject *m)
{
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    return ((PyModuleObject *)m)->md_state;
}

int PyModule_AddObjectRef(PyObject *mod, const char *name, PyObject *value)
{
    PyObject *dict;
    if (!PyModule_Check(mod)) {
        PyErr_SetString(PyExc_TypeError, "PyModule_AddObjectRef() first argument must be a module");
        return -1;
    }
    if (!value) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "PyModule_AddObjectRef() must be called with an exception raised if value is NULL");
        return -1;
    }
    dict = PyModule_GetDict(mod);
    if (dict == NULL) {
        /* Internal error -- modules must have a dict! */
        PyErr_Format(PyExc_SystemError, "module '%s' has no __dict__", PyModule_GetName(mod));
        return -1;
    }
    return PyDict_SetItemString(dict, name, value);
}

int PyModule_AddObject(PyObject *mod, const char *name, PyObject *value)
{
    int res = PyModule_AddObjectRef(mod, name, value);
    if (res == 0)
        Py_DECREF(value);
    return res;
}

int PyModule_AddIntConstant(PyObject *m, const char *name, long value)
{
    int res;
    PyObject *obj = PyLong_FromLong(value);
    if (!obj)
        return -1;
    res = PyModule_AddObjectRef(m, name, obj);
    Py_DECREF(obj);
    return res;
}

int PyModule_AddStringConstant(PyObject *m, const char *name, const char *value)
{
    int res;
    PyObject *obj = PyUnicode_FromString(value);
    if (!obj)
        return -1;
    res = PyModule_AddObjectRef(m, name, obj);
    Py_DECREF(obj);
    return res;
}

int PyModule_AddType(PyObject *module, PyTypeObject *type)
{
    const char *name;
    if (PyType_Ready(type) < 0)
        return -1;
    name = _PyType_Name(type);
    return PyModule_AddObjectRef(module, name, (PyObject *)type);
}

/* ---------------------------------------------------------------- the type */

static int module___init__(PyObject *self, PyObject *args, PyObject *kwds)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *name = NULL, *doc = Py_None, *dict;
    Py_ssize_t nargs = PyTuple_GET_SIZE(args);
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, nargs < 1 ? "module() missing required argument 'name' (pos 1)"
                                                : "module() takes at most 2 arguments (%zd given)", nargs);
        return -1;
    }
    name = PyTuple_GET_ITEM(args, 0);
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "module() argument 'name' must be str, not %.50s", Py_TYPE(name)->tp_name);
        return -1;
    }
    if (nargs == 2)
        doc = PyTuple_GET_ITEM(args, 1);
    if (kwds != NULL) {
        PyObject *kdoc = PyDict_GetItemString(kwds, "doc");
        if (kdoc != NULL)
            doc = kdoc;
    }
    dict = m->md_dict;
    if (dict == NULL) {
        dict = PyDict_New();
        if (dict == NULL)
            return -1;
        m->md_dict = dict;
    }
    if (module_init_dict(m, dict, name, doc) < 0)
        return -1;
    return 0;
}

static void module_dealloc(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject_GC_UnTrack(m);
    if (m->md_weaklist != NULL)
        PyObject_ClearWeakRefs(self);
    if (m->md_def && m->md_def->m_free && (m->md_def->m_size <= 0 || m->md_state != NULL))
        m->md_def->m_free(m);
    Py_XDECREF(m->md_dict);
    Py_XDECREF(m->md_name);
    if (m->md_state != NULL)
        PyMem_Free(m->md_state);
    Py_TYPE(m)->tp_free((PyObject *)m);
}

/* "<module 'x' from '...'>", "<module 'sys' (built-in)>": like CPython, importlib's
 * _bootstrap._module_repr decides once it is installed; before that (start-up) a C
 * copy of its catch-all branch: __file__, else the loader, else just the name. */
static PyObject *module_repr_fallback(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *name, *filename, *repr, *loader = NULL;
    name = PyModule_GetNameObject(self);
    if (name == NULL) {
        PyErr_Clear();
        name = PyUnicode_FromString("?");
        if (name == NULL)
            return NULL;
    }
    if (m->md_dict != NULL) {
        loader = PyDict_GetItemWithError(m->md_dict, _Py_ID(__loader__));
        if (loader == NULL && PyErr_Occurred()) {
            Py_DECREF(name);
            return NULL;
        }
    }
    filename = PyModule_GetFilenameObject(self);
    if (filename == NULL) {
        PyErr_Clear();
        if (loader != NULL && loader != Py_None)
            repr = PyUnicode_FromFormat("<module %R (%R)>", name, loader);
        else
            repr = PyUnicode_FromFormat("<module %R>", name);
    }
    else {
        repr = PyUnicode_FromFormat("<module %R from %R>", name, filename);
        Py_DECREF(filename);
    }
    Py_DECREF(name);
    return repr;
}

static PyObject *module_repr(PyObject *self)
{
    PyInterpreterState *interp = _PyInterpreterState_GET();
    if (interp->importlib != NULL)
        return PyObject_CallMethod(interp->importlib, "_module_repr", "O", self);
    return module_repr_fallback(self);
}

/* Is the module being initialized (spec._initializing)? */
static int _PyModuleSpec_IsInitializing(PyObject *spec)
{
    if (spec != NULL) {
        PyObject *value;
        int ok = _PyObject_LookupAttr(spec, _Py_ID(_initializing), &value);
        if (ok == 0)
            return 0;
        if (value != NULL) {
            int initializing = PyObject_IsTrue(value);
            Py_DECREF(value);
            if (initializing >= 0)
                return initializing;
        }
    }
    PyErr_Clear();
    return 0;
}

/* Is name a submodule still being imported (in spec._uninitialized_submodules, which
 * importlib keeps while it loads a package's child)? */
static int module_spec_is_uninitialized_submodule(PyObject *spec, PyObject *name)
{
    if (spec == NULL)
        return 0;
    PyObject *value;
    int ok = _PyObject_LookupAttr(spec, _Py_ID(_uninitialized_submodules), &value);
    if (ok <= 0) {
        PyErr_Clear();
        return 0;
    }
    int is_uninitialized = PySequence_Contains(value, name);
    Py_DECREF(value);
    if (is_uninitialized < 0) {
        PyErr_Clear();
        return 0;
    }
    return is_uninitialized;
}

PyObject *_PyModule_GetAttro(PyModuleObject *m, PyObject *name, int suppress)
{
    /* When suppress=1, this function suppresses AttributeError. */
    PyObject *attr, *mod_name, *getattr;
    attr = _PyObject_GenericGetAttrWithDict((PyObject *)m, name, NULL, suppress);
    if (attr)
        return attr;
    if (suppress == 1) {
        if (PyErr_Occurred())
            /* pass up non-AttributeError exception */
            return NULL;
    }
    else {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            /* pass up non-AttributeError exception */
            return NULL;
        PyErr_Clear();
    }
    if (m->md_dict) {
        /* PEP 562: a module-level __getattr__ */
        getattr = PyDict_GetItemWithError(m->md_dict, _Py_ID(__getattr__));
        if (getattr)
            return PyObject_CallOneArg(getattr, name);
        if (PyErr_Occurred())
            return NULL;
        mod_name = PyDict_GetItemWithError(m->md_dict, _Py_ID(__name__));
        if (mod_name && PyUnicode_Check(mod_name)) {
            PyObject *spec;
            Py_INCREF(mod_name);
            spec = PyDict_GetItemWithError(m->md_dict, _Py_ID(__spec__));
            if (spec == NULL && PyErr_Occurred()) {
                Py_DECREF(mod_name);
                return NULL;
            }
            if (suppress != 1) {
                Py_XINCREF(spec);
                if (_PyModuleSpec_IsInitializing(spec))
                    PyErr_Format(PyExc_AttributeError,
                                 "partially initialized module '%U' has no attribute '%U' "
                                 "(most likely due to a circular import)",
                                 mod_name, name);
                else if (module_spec_is_uninitialized_submodule(spec, name))
                    PyErr_Format(PyExc_AttributeError,
                                 "cannot access submodule '%U' of module '%U' "
                                 "(most likely due to a circular import)", name, mod_name);
                else
                    PyErr_Format(PyExc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
                Py_XDECREF(spec);
                _PyObject_SetAttributeErrorContext((PyObject *)m, name);
            }
            Py_DECREF(mod_name);
            return NULL;
        }
        else if (PyErr_Occurred()) {
            return NULL;
        }
    }
    if (suppress != 1) {
        PyErr_Format(PyExc_AttributeError, "module has no attribute '%U'", name);
        _PyObject_SetAttributeErrorContext((PyObject *)m, name);
    }
    return NULL;
}

static PyObject *module_getattro(PyObject *m, PyObject *name)
{
    return _PyModule_GetAttro((PyModuleObject *)m, name, 0);
}

static int module_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyModuleObject *m = (PyModuleObject *)self;
    /* bpo-39824: Don't call m_traverse() if m_size > 0 and md_state=NULL */
    if (m->md_def && m->md_def->m_traverse && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_traverse(self, visit, arg);
        if (res)
            return res;
    }
    Py_VISIT(m->md_dict);
    return 0;
}

static int module_clear(PyObject *self)
{
    PyModuleObject *m = (PyModuleObject *)self;
    if (m->md_def && m->md_def->m_clear && (m->md_def->m_size <= 0 || m->md_state != NULL)) {
        int res = m->md_def->m_clear(self);
        if (PyErr_Occurred())
            PyErr_WriteUnraisable(NULL);
        if (res)
            return res;
    }
    Py_CLEAR(m->md_dict);
    return 0;
}

static PyObject *module_dir(PyObject *self, PyObject *args)
{
    PyObject *result = NULL;
    PyObject *dict = PyObject_GetAttr(self, _Py_ID(__dict__));
    if (dict != NULL) {
        if (PyDict_Check(dict)) {
            PyObject *dirfunc = PyDict_GetItemWithError(dict, _Py_ID(__dir__));
            if (dirfunc)
                result = PyObject_CallNoArgs(dirfunc);
            else if (!PyErr_Occurred())
                result = PyDict_Keys(dict);
        }
        else {
            PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        }
    }
    Py_XDECREF(dict);
    return result;
}

static PyMethodDef module_methods[] = {
    {"__dir__", module_dir, METH_NOARGS, DOC_module___dir__},
    {NULL, NULL, 0, NULL},
};

static PyObject *module_get_annotations(PyObject *self, void *closure)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *dict = m->md_dict, *annotations;
    if (dict == NULL || !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        return NULL;
    }
    annotations = PyDict_GetItemWithError(dict, _Py_ID(__annotations__));
    if (annotations) {
        Py_INCREF(annotations);
    }
    else if (!PyErr_Occurred()) {
        annotations = PyDict_New();
        if (annotations) {
            int result = PyDict_SetItem(dict, _Py_ID(__annotations__), annotations);
            if (result) {
                Py_CLEAR(annotations);
            }
        }
    }
    return annotations;
}

static int module_set_annotations(PyObject *self, PyObject *value, void *closure)
{
    PyModuleObject *m = (PyModuleObject *)self;
    PyObject *dict = m->md_dict;
    int ret;
    if (dict == NULL || !PyDict_Check(dict)) {
        PyErr_Format(PyExc_TypeError, "<module>.__dict__ is not a dictionary");
        return -1;
    }
    if (value != NULL) {
        /* set */
        ret = PyDict_SetItem(dict, _Py_ID(__annotations__), value);
    }
    else {
        /* delete */
        ret = PyDict_DelItem(dict, _Py_ID(__annotations__));
        if (ret < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_AttributeError, "__annotations__");
        }
    }
    return ret;
}

static PyGetSetDef module_getsets[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, DOC_module___annotations__, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

PyTypeObject PyModule_Type = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "module",
    .tp_basicsize = sizeof(PyModuleObject),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = PyObject_GenericSetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_BASETYPE,
    .tp_doc = TYPEDOC_module,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_weaklistoffset = offsetof(PyModuleObject, md_weaklist),
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getsets,
    .tp_dictoffset = offsetof(PyModuleObject, md_dict),
    .tp_init = module___init__,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = module_new,
    .tp_free = PyObject_GC_Del,
};

void _PyModule_ClearDict(PyObject *d)
{
    PyDict_Clear(d);
}

void _PyModule_Clear(PyObject *m)
{
    PyObject *d = ((PyModuleObject *)m)->md_dict;
    if (d != NULL)
        _PyModule_ClearDict(d);
}
