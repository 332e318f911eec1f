/* import.h — the import system: sys.modules, built-in modules (the table in
 * src/modules/config.c) and the path finder for .py files and packages.
 * Implementation: src/runtime/import.c.  Owner: runtime. */
#ifndef PY_IMPORT_H
#define PY_IMPORT_H
#include "object.h"

PyObject *PyImport_GetModuleDict(void);                       /* borrowed */
PyObject *PyImport_GetModule(PyObject *name);                 /* new ref or NULL */
PyObject *PyImport_AddModuleObject(PyObject *name);           /* borrowed */
PyObject *PyImport_AddModule(const char *name);               /* borrowed */
PyObject *PyImport_ImportModule(const char *name);
PyObject *PyImport_ImportModuleNoBlock(const char *name);
PyObject *PyImport_Import(PyObject *name);                    /* via builtins.__import__ */
PyObject *PyImport_ImportModuleLevelObject(PyObject *name, PyObject *globals, PyObject *locals,
                                           PyObject *fromlist, int level);
PyObject *PyImport_ImportModuleLevel(const char *name, PyObject *globals, PyObject *locals,
                                     PyObject *fromlist, int level);
PyObject *PyImport_GetImporter(PyObject *path);
#define PyImport_ImportModuleEx(n, g, l, f) PyImport_ImportModuleLevel((n), (g), (l), (f), 0)
PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname,
                                        PyObject *cpathname);
PyObject *PyImport_ExecCodeModuleWithPathnames(const char *name, PyObject *co,
                                               const char *pathname, const char *cpathname);
PyObject *PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char *pathname);
PyObject *PyImport_ExecCodeModule(const char *name, PyObject *co);
PyObject *PyImport_ReloadModule(PyObject *m);
/* Used by IMPORT_FROM: getattr(module, name) with the import-error wording. */
/* Used by IMPORT_STAR: copies public names into locals. */
int _PyImport_ImportStar(PyObject *module, PyObject *locals);

/* Built-in (C) modules: one table, src/modules/config.c. */
struct _inittab {
    const char *name;
    PyObject *(*initfunc)(void);
};
extern struct _inittab _PyImport_Inittab[];
extern struct _inittab *PyImport_Inittab;
int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void));
int _PyImport_IsBuiltin(const char *name);
PyObject *_PyImport_CreateBuiltin(PyObject *name);  /* runs the init function, new ref */

/* Start-up / shutdown (pylifecycle.c). */
int _PyImport_Init(PyInterpreterState *);
void _PyImport_Fini(PyInterpreterState *);
PyObject *_PyImport_GetModuleSearchPaths(void);  /* new reference: a new list, the sys.path _PyImport_Init built */
int _PyImport_FixupBuiltin(PyObject *mod, const char *name, PyObject *modules);
/* Find the source file for a module name along sys.path (for -m); new ref or NULL
 * (no exception) when not found.  *is_package set when it is a package's __init__. */
PyObject *_PyImport_FindSourceFile(PyObject *fullname, int *is_package);
/* Krait's bytecode cache: __pycache__/<name>.krait-311.pyc with its own magic number, so
 * neither Krait nor CPython reads the other's files.  The number (16384..32767, outside
 * CPython 3's range) is derived from include/opcode.h's table — any change to an opcode's
 * name, number, flags or stack effect gives a new one — and KRAIT_BYTECODE_REVISION,
 * which compiler-vm bumps when bytecode meaning or the code object layout changes. */
/* CPython 3.11's pure-Python standard library (Debian's libpython3.11-stdlib); sys.prefix is
   the directory two levels above it, as for the python3.11 that owns it. */
#ifndef KRAIT_STDLIB_DIR
#define KRAIT_STDLIB_DIR "/usr/lib/python3.11"
#endif
#define KRAIT_CACHE_TAG "krait-311"
#define KRAIT_BYTECODE_REVISION 9   /* 2: POP_BLOCK when break/continue/return leave a try body;
                                       3: line numbers of generated code as 3.11;
                                       4: constant tuples/frozensets for iterated displays,
                                          assert warnings, break/continue lines in with (s3);
                                       5-7: small exit blocks copied into jumps, END_ASYNC_FOR
                                          and match-failure lines, attribute positions, big
                                          dicts/calls built incrementally, `not (a is b)` as
                                          one IS_OP (s4 sweep);
                                       8-9: no tuple for `a, b = x, y` (SWAPs applied
                                          statically), BUILD_CONST_KEY_MAP displays, `is None`
                                          jumps, '%s' % (x,) as f-strings, chained compares
                                          and `while` tests as 3.11's jumps (s5 peephole) */
unsigned int _PyImport_MagicNumber(void);
/* importlib: installed at start-up from the stdlib's importlib/_bootstrap*.py. */
int _PyImport_InitImportlib(PyInterpreterState *interp);
int _PyImport_InitExternal(PyInterpreterState *interp);
PyObject *_PyImport_GetImportlibLoader(PyInterpreterState *interp, const char *name);
/* Frozen modules (importlib's bootstrap, zipimport and the stdlib modules CPython 3.11
 * freezes: os, posixpath, codecs, io, abc, site, runpy, ...), for _imp. */
int _PyImport_IsFrozen(PyObject *name);
int _PyImport_IsFrozenPackage(PyObject *name);          /* -1 (ImportError set), 0, 1 */
void _PyImport_OverrideFrozenModules(int override);     /* >0 on, <0 off, 0 config */
PyObject *_PyImport_FindFrozen(PyObject *name);        /* (None, ispkg, origname) or None */
PyObject *_PyImport_GetFrozenObject(PyObject *name);   /* the code object */
PyObject *_PyImport_FrozenModuleNames(void);
int PyImport_ImportFrozenModuleObject(PyObject *name);
int PyImport_ImportFrozenModule(const char *name);
/* sys.path_importer_cache / path hooks are importlib's; this finder is the fallback. */

#endif
