/* pylifecycle.c — bringing the interpreter up (Py_InitializeFromConfig: types,
 * exceptions, builtins, sys, sys.path, standard streams, __main__, signals) and down
 * (Py_FinalizeEx: atexit callbacks, flushing stdout/stderr, clearing modules in CPython's
 * order so finalizers run, releasing the state).
 * The command line that fills the PyConfig is main.c. */
#include "Python.h"
#include "faulthandler.h"

int _PyIO_InitStdio(int unbuffered);   /* src/modules/_iomodule.c (io) */
#include <locale.h>
#include <signal.h>
#include <unistd.h>

static int runtime_initialized = 0;
static const char *program_full_path = NULL;

/* ---- version strings ---- */

const char *Py_GetVersion(void)
{
    static char version[250];
    snprintf(version, sizeof(version), "%.80s (krait %s, %s, %s) [GCC %s]", PY_VERSION,
             KRAIT_VERSION, __DATE__, __TIME__, __VERSION__);
    return version;
}

const char *Py_GetPlatform(void) { return "linux"; }
const char *Py_GetCompiler(void) { return "[GCC " __VERSION__ "]"; }
const char *Py_GetBuildInfo(void) { return "krait " KRAIT_VERSION ", " __DATE__ ", " __TIME__; }
const char *Py_GetCopyright(void)
{
    return "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
           "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
           "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"
           "All Rights Reserved.\n\n"
           "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n"
           "All Rights Reserved.";
}

const char *Py_GetProgramName(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    return ts && ts->interp->config.program_name ? ts->interp->config.program_name : "krait";
}

/* The absolute path of the running executable (sys.executable). */
const char *_Py_GetProgramFullPath(void)
{
    if (program_full_path == NULL) {
        static char buf[4096];
        ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
        if (n > 0) {
            buf[n] = '\0';
            program_full_path = buf;
        } else {
            program_full_path = "";
        }
    }
    return program_full_path;
}

void PyConfig_InitPythonConfig(PyConfig *config)
{
    memset(config, 0, sizeof(*config));
    config->write_bytecode = 1;
    config->use_environment = 1;
    config->buffered_stdio = 1;
    config->site_import = 1;
    config->user_site_directory = 1;
    config->int_max_str_digits = -1;
    config->hash_seed = getenv("PYTHONHASHSEED");   /* embedders: main.c refines it */
}

void PyConfig_Clear(PyConfig *config) { (void)config; }   /* main.c owns the strings */

/* ---- signals: SIGINT sets the flag the eval loop polls ---- */

static void sigint_handler(int signum)
{
    int save_errno = errno;
    _PyErr_InterruptPending = 1;
    _PyEval_SignalReceived();
    errno = save_errno;
}

/* PyErr_SetInterruptEx is _signalmodule.c's (it needs the Python-level handlers). */

int _PyOS_IsMainThread(void) { return _Py_IsMainThread(); }

int _PySignal_Init(int install_signal_handlers)
{
    if (!install_signal_handlers)
        return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = sigint_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;   /* no SA_RESTART: reads return EINTR so ^C is seen */
    sigaction(SIGINT, &sa, NULL);
    /* as CPython: writing to a closed pipe raises BrokenPipeError, not a signal */
    signal(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
    signal(SIGXFSZ, SIG_IGN);
#endif
    return 0;
}

void _PySignal_Fini(void)
{
    signal(SIGINT, SIG_DFL);
}

/* ---- atexit: C-level and Python-level registries ---- */

#define NEXITFUNCS 32
static void (*exitfuncs[NEXITFUNCS])(void);
static int nexitfuncs = 0;

int Py_AtExit(void (*func)(void))
{
    if (nexitfuncs >= NEXITFUNCS)
        return -1;
    exitfuncs[nexitfuncs++] = func;
    return 0;
}

static void call_ll_exitfuncs(void)
{
    while (nexitfuncs > 0)
        (*exitfuncs[--nexitfuncs])();
    fflush(stdout);
    fflush(stderr);
}

typedef struct {
    PyObject *func, *args, *kwargs;
} atexit_callback;
static atexit_callback *atexit_callbacks = NULL;
static Py_ssize_t atexit_ncallbacks = 0, atexit_size = 0;

int _PyAtExit_Register(PyObject *func, PyObject *args, PyObject *kwargs)
{
    if (atexit_ncallbacks >= atexit_size) {
        Py_ssize_t size = atexit_size ? atexit_size * 2 : 16;
        atexit_callback *n = PyMem_Realloc(atexit_callbacks, (size_t)size * sizeof(*n));
        if (n == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        atexit_callbacks = n;
        atexit_size = size;
    }
    atexit_callback *cb = &atexit_callbacks[atexit_ncallbacks++];
    cb->func = Py_NewRef(func);
    cb->args = Py_XNewRef(args);
    cb->kwargs = Py_XNewRef(kwargs);
    return 0;
}

/* As CPython 3.11: unregistering only empties the slot (so atexit._ncallbacks() still
 * counts it); the array is compacted only when everything is cleared. */
static void atexit_delete(Py_ssize_t i)
{
    atexit_callback cb = atexit_callbacks[i];
    atexit_callbacks[i].func = NULL;
    atexit_callbacks[i].args = atexit_callbacks[i].kwargs = NULL;
    Py_XDECREF(cb.func);
    Py_XDECREF(cb.args);
    Py_XDECREF(cb.kwargs);
}

int _PyAtExit_Unregister(PyObject *func)
{
    for (Py_ssize_t i = 0; i < atexit_ncallbacks; i++) {
        if (atexit_callbacks[i].func == NULL)
            continue;
        int eq = PyObject_RichCompareBool(atexit_callbacks[i].func, func, Py_EQ);
        if (eq < 0)
            return -1;
        if (eq)
            atexit_delete(i);
    }
    return 0;
}

void _PyAtExit_Clear(void)
{
    for (Py_ssize_t i = 0; i < atexit_ncallbacks; i++)
        atexit_delete(i);
    atexit_ncallbacks = 0;
}

Py_ssize_t _PyAtExit_Count(void) { return atexit_ncallbacks; }

/* Last registered runs first; every error (SystemExit included) is reported as
 * unraisable, as CPython 3.11 does. */
void _PyAtExit_Call(void)
{
    for (Py_ssize_t i = atexit_ncallbacks - 1; i >= 0; i--) {
        if (i >= atexit_ncallbacks)   /* a callback cleared the registry */
            continue;
        atexit_callback cb = atexit_callbacks[i];
        if (cb.func == NULL)
            continue;
        Py_INCREF(cb.func);
        Py_XINCREF(cb.args);
        Py_XINCREF(cb.kwargs);
        PyObject *args = cb.args ? Py_NewRef(cb.args) : PyTuple_New(0);
        PyObject *res = args ? PyObject_Call(cb.func, args, cb.kwargs) : NULL;
        Py_XDECREF(args);
        if (res == NULL)
            /* printed as "Exception ignored in atexit callback: <func>" */
            _PyErr_WriteUnraisableMsg("in atexit callback", cb.func);
        else
            Py_DECREF(res);
        Py_DECREF(cb.func);
        Py_XDECREF(cb.args);
        Py_XDECREF(cb.kwargs);
    }
    _PyAtExit_Clear();
}

/* ---- start-up ---- */

static int init_main_module(PyInterpreterState *interp)
{
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL)
        return -1;
    PyObject *d = PyModule_GetDict(m);
    PyObject *ann = PyDict_New();
    if (ann == NULL || PyDict_SetItemString(d, "__annotations__", ann) < 0) {
        Py_XDECREF(ann);
        return -1;
    }
    Py_DECREF(ann);
    if (PyDict_GetItemString(d, "__builtins__") == NULL) {
        PyObject *bimod = PyImport_GetModule(_Py_ID(builtins));
        if (bimod == NULL || PyDict_SetItemString(d, "__builtins__", bimod) < 0) {
            Py_XDECREF(bimod);
            return -1;
        }
        Py_DECREF(bimod);
    }
    /* the loader of __main__ is BuiltinImporter until a script sets another one */
    PyObject *cur = PyDict_GetItemString(d, "__loader__");
    if (cur == NULL || cur == Py_None) {
        PyObject *loader = _PyImport_GetImportlibLoader(interp, "BuiltinImporter");
        if (loader == NULL)
            return -1;
        int r = PyDict_SetItemString(d, "__loader__", loader);
        Py_DECREF(loader);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* With -W options or PYTHONWARNINGS, import `warnings` before `site`, as 3.11's
 * init_interp_main does: warnings.py then applies sys.warnoptions itself (reporting
 * "Invalid -W option ignored: ..." and installing its Python-level display). */
static int init_import_warnings(void)
{
    PyObject *wopts = PySys_GetObject("warnoptions");
    if (wopts == NULL || !PyList_Check(wopts) || PyList_GET_SIZE(wopts) == 0)
        return 0;
    PyObject *mod = PyImport_ImportModule("warnings");
    if (mod == NULL) {
        fprintf(stderr, "'import warnings' failed; traceback:\n");
        PyErr_Print();
    }
    Py_XDECREF(mod);
    return 0;
}

/* CPython's init_import_site: `import site` unless -S, so that site-packages are on
   sys.path and builtins has exit/quit/help/copyright/credits/license. */
static int init_import_site(PyInterpreterState *interp)
{
    if (!interp->config.site_import)
        return 0;
    PyObject *m = PyImport_ImportModule("site");
    if (m == NULL)
        return -1;
    Py_DECREF(m);
    return 0;
}

static int fatal_init(const char *what)
{
    fprintf(stderr, "Fatal Python error: %s\n", what);
    if (PyErr_Occurred())
        PyErr_Print();
    return -1;
}

int _PyTraceMalloc_Start(int nframe);   /* src/modules/_tracemalloc.c */
void _PyTraceMalloc_Fini(void);
void _PyGC_ClearFreeLists(void);       /* gc.c */

/* -X tracemalloc[=NFRAME] (the last one wins) or else PYTHONTRACEMALLOC=NFRAME: trace
 * from start-up, as CPython 3.11. */
static int init_tracemalloc(PyInterpreterState *interp)
{
    const char *value = NULL;
    for (int i = 0; i < interp->config.nxoptions; i++) {
        const char *x = interp->config.xoptions[i];
        if (strcmp(x, "tracemalloc") == 0)
            value = "1";
        else if (strncmp(x, "tracemalloc=", 12) == 0)
            value = x + 12;
    }
    if (value == NULL && interp->config.use_environment) {
        const char *env = getenv("PYTHONTRACEMALLOC");
        if (env != NULL && *env != '\0')
            value = env;
    }
    if (value == NULL)
        return 0;
    char *end;
    long n = strtol(value, &end, 10);
    if (*end != '\0' || end == value || n < 0 || n > 65535) {
        fprintf(stderr, "Fatal Python error: config_init_tracemalloc: %s: invalid number "
                "of frames\nPython runtime state: preinitialized\n\n",
                value == getenv("PYTHONTRACEMALLOC") ? "PYTHONTRACEMALLOC"
                                                     : "-X tracemalloc=NFRAME");
        exit(1);
    }
    return n == 0 ? 0 : _PyTraceMalloc_Start((int)n);
}

int Py_InitializeFromConfig(const PyConfig *config)
{
    if (runtime_initialized)
        return 0;
    /* as CPython's pre-initialisation: LC_CTYPE from the environment, kept (main.c
       has already applied PEP 538's coercion to C.UTF-8 when the locale is C) */
    if (strcmp(setlocale(LC_CTYPE, NULL), "C") == 0)
        setlocale(LC_CTYPE, "");
    PyInterpreterState *interp = PyInterpreterState_New();
    if (interp == NULL)
        return fatal_init("can't make main interpreter");
    interp->config = *config;
    PyThreadState *tstate = PyThreadState_New(interp);
    if (tstate == NULL)
        return fatal_init("can't make first thread");
    PyThreadState_Swap(tstate);

    _Py_HashSecret_Init();
    if (_PyTypes_InitTypes() < 0)
        return fatal_init("init_types: can't initialize the types");
    if (_PyExc_InitTypes() < 0)
        return fatal_init("can't initialize the exception types");
    if (PyType_Ready(&PyTraceBack_Type) < 0 || PyType_Ready(&_PyStdPrinter_Type) < 0 ||
        PyType_Ready(&_PyNamespace_Type) < 0)
        return fatal_init("can't initialize runtime types");
    _PyEval_InitState(interp);

    interp->modules = PyDict_New();
    if (interp->modules == NULL)
        return fatal_init("can't make modules dictionary");

    PyObject *bimod = _PyBuiltin_Init(interp);
    if (bimod == NULL)
        return fatal_init("can't initialize builtins module");
    interp->builtins = Py_NewRef(PyModule_GetDict(bimod));
    if (_PyBuiltins_AddExceptions(interp->builtins) < 0 ||
        _PyImport_FixupBuiltin(bimod, "builtins", interp->modules) < 0)
        return fatal_init("can't initialize builtins module");
    Py_DECREF(bimod);

    PyObject *sysmod = _PySys_Create(tstate);
    if (sysmod == NULL)
        return fatal_init("can't initialize sys module");
    if (_PyImport_FixupBuiltin(sysmod, "sys", interp->modules) < 0)
        return fatal_init("can't initialize sys module");
    Py_DECREF(sysmod);

    if (_PyImport_Init(interp) < 0)
        return fatal_init("can't initialize the import system");
    if (_PySys_InitStdio(tstate) < 0)
        return fatal_init("can't initialize sys standard streams");
    /* importlib (CPython's init_importlib + init_importlib_external) */
    if (_PyImport_InitImportlib(interp) < 0)
        return fatal_init("failed to initialize importlib");
    if (_PyImport_InitExternal(interp) < 0)
        return fatal_init("external importer setup failed");
    /* the io module's streams replace the bootstrap ones and set builtins.open */
    if (_PyIO_InitStdio(!interp->config.buffered_stdio) < 0)
        return fatal_init("can't initialize sys standard streams");
    if (init_main_module(interp) < 0)
        return fatal_init("can't initialize __main__ module");
    if (_PySignal_Init(1) < 0)
        return fatal_init("can't initialize signals");
    if (_PyFaulthandler_Init(interp) < 0)   /* threads' (lead's permission, s2 board) */
        return fatal_init("failed to enable faulthandler");
    if (init_tracemalloc(interp) < 0)
        return fatal_init("can't start tracemalloc");
    runtime_initialized = 1;
    if (init_import_warnings() < 0)
        return fatal_init("can't import warnings");
    if (init_import_site(interp) < 0) {
        PyErr_Print();
        fprintf(stderr, "Fatal Python error: init_import_site: Failed to import the site module\n");
        return -1;
    }
    return 0;
}

void Py_InitializeEx(int install_sigs)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    if (Py_InitializeFromConfig(&config) < 0)
        Py_FatalError("initialization failed");
    if (!install_sigs)
        _PySignal_Fini();
}

void Py_Initialize(void) { Py_InitializeEx(1); }

int Py_IsInitialized(void) { return runtime_initialized; }

int _Py_IsFinalizing(void)
{
    PyThreadState *ts = _PyThreadState_GET();
    return ts != NULL && ts->interp->finalizing;
}

/* ---- shutdown ---- */

/* CPython's _PyModule_ClearDict: first the names with one leading underscore, then all
 * but __builtins__, are set to None (not deleted), so __del__ methods that run meanwhile
 * still find the names they use as long as possible. */
static void clear_module_dict(PyObject *d)
{
    for (int pass = 0; pass < 2; pass++) {
        Py_ssize_t pos = 0;
        PyObject *key, *value;
        while (PyDict_Next(d, &pos, &key, &value)) {
            if (value == Py_None || !PyUnicode_Check(key))
                continue;
            Py_ssize_t n = PyUnicode_GET_LENGTH(key);
            int single_underscore = n >= 1 && PyUnicode_READ_CHAR(key, 0) == '_' &&
                                    (n == 1 || PyUnicode_READ_CHAR(key, 1) != '_');
            if (pass == 0 ? !single_underscore
                          : _PyUnicode_EqualToASCIIString(key, "__builtins__"))
                continue;
            if (PyDict_SetItem(d, key, Py_None) < 0)
                PyErr_WriteUnraisable(NULL);
        }
    }
}

/* sys attributes that keep objects alive, and the std streams put back (CPython's
 * finalize_modules_delete_special). */
static void finalize_delete_special(PyInterpreterState *interp)
{
    static const char *const sys_deletes[] = {
        "path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback",
        "path_hooks", "path_importer_cache", "meta_path", "__interactivehook__", NULL};
    static const char *const sys_files[] = {"stdin", "__stdin__", "stdout", "__stdout__",
                                            "stderr", "__stderr__", NULL};
    if (PyDict_SetItemString(interp->builtins, "_", Py_None) < 0)
        PyErr_WriteUnraisable(NULL);
    for (const char *const *p = sys_deletes; *p; p++)
        if (PyDict_SetItemString(interp->sysdict, *p, Py_None) < 0)
            PyErr_WriteUnraisable(NULL);
    for (const char *const *p = sys_files; *p; p += 2) {
        PyObject *value = PyDict_GetItemString(interp->sysdict, p[1]);
        if (value == NULL)
            value = Py_None;
        if (PyDict_SetItemString(interp->sysdict, p[0], value) < 0)
            PyErr_WriteUnraisable(NULL);
    }
}

/* CPython's finalize_modules: empty sys.modules, then wipe the dicts of the modules that
 * are still alive, the ones imported last first; sys and builtins go last.  Wiping is
 * what runs __del__ of module-level objects (and closes files opened at module level),
 * since module dicts and their functions keep each other alive. */
static void finalize_modules(PyInterpreterState *interp)
{
    PyObject *modules = interp->modules;
    if (modules == NULL || !PyDict_Check(modules))
        return;
    finalize_delete_special(interp);
    PyObject *weaklist = PyList_New(0);
    if (weaklist == NULL)
        PyErr_Clear();
    Py_ssize_t pos = 0;
    PyObject *name, *mod;
    while (PyDict_Next(modules, &pos, &name, &mod)) {
        if (mod == Py_None)
            continue;
        if (weaklist != NULL && PyModule_Check(mod)) {
            PyObject *wr = PyWeakref_NewRef(mod, NULL);
            PyObject *tup = wr ? PyTuple_Pack(2, name, wr) : NULL;
            if (tup == NULL || PyList_Append(weaklist, tup) < 0)
                PyErr_WriteUnraisable(NULL);
            Py_XDECREF(tup);
            Py_XDECREF(wr);
        }
        if (interp->config.verbose && PyUnicode_Check(name))
            PySys_FormatStderr("# cleanup[2] removing %U\n", name);
        if (PyDict_SetItem(modules, name, Py_None) < 0)
            PyErr_WriteUnraisable(NULL);
    }
    PyDict_Clear(modules);
    /* modules now unreferenced are reclaimed by the collector, their finalizers running
     * with their globals still intact */
    (void)_PyGC_CollectNoFail();
    for (Py_ssize_t i = weaklist ? PyList_GET_SIZE(weaklist) - 1 : -1; i >= 0; i--) {
        PyObject *tup = PyList_GET_ITEM(weaklist, i);
        PyObject *m = PyWeakref_GetObject(PyTuple_GET_ITEM(tup, 1));
        if (m == NULL || m == Py_None || !PyModule_Check(m))
            continue;
        PyObject *dict = PyModule_GetDict(m);
        if (dict == interp->builtins || dict == interp->sysdict)
            continue;
        Py_INCREF(m);
        if (interp->config.verbose && PyUnicode_Check(PyTuple_GET_ITEM(tup, 0)))
            PySys_FormatStderr("# cleanup[3] wiping %U\n", PyTuple_GET_ITEM(tup, 0));
        clear_module_dict(dict);
        Py_DECREF(m);
    }
    Py_XDECREF(weaklist);
    PyErr_Clear();
    /* what __del__ methods printed meanwhile is flushed before sys loses its streams */
    (void)_PySys_FlushStdFiles();
    PyErr_Clear();
    clear_module_dict(interp->sysdict);
    clear_module_dict(interp->builtins);
    PyErr_Clear();
    (void)_PyGC_CollectNoFail();
}

/* CPython's wait_for_thread_shutdown: join the non-daemon threads through
 * threading._shutdown(), only if threading was imported at all. */
static void wait_for_thread_shutdown(void)
{
    PyObject *threading = PyImport_GetModule(_Py_ID(threading));
    if (threading == NULL) {
        if (PyErr_Occurred())
            PyErr_WriteUnraisable(NULL);
        return;
    }
    PyObject *result = PyObject_CallMethod(threading, "_shutdown", NULL);
    if (result == NULL)
        PyErr_WriteUnraisable(threading);
    else
        Py_DECREF(result);
    Py_DECREF(threading);
}

int Py_FinalizeEx(void)
{
    if (!runtime_initialized)
        return 0;
    PyThreadState *tstate = _PyThreadState_GET();
    PyInterpreterState *interp = tstate->interp;
    int status = 0;

    wait_for_thread_shutdown();
    _PyAtExit_Call();
    /* from here on, other threads that try to take the GIL exit instead, and
     * sys.is_finalizing() is true -- before the flush below, whose buffered-I/O lock a
     * daemon thread may hold forever (it then waits only a second, as 3.11 does) */
    _PyRuntimeState_SetFinalizing(tstate);
    interp->finalizing = 1;
    _PyThreadState_DeleteExcept(tstate);
    if (_PySys_FlushStdFiles() < 0)
        status = -1;
    _PySignal_Fini();
    if (interp->config.dxp)
        _PyEval_DumpDxp();

    PyErr_Clear();
    (void)PyGC_Collect();
    finalize_modules(interp);
    if (_PySys_FlushStdFiles() < 0)
        status = -1;
    _PyTraceMalloc_Fini();
    _PyGC_ClearFreeLists();
    _PyGC_Fini();
    runtime_initialized = 0;
    call_ll_exitfuncs();
    return status;
}

void Py_Finalize(void) { (void)Py_FinalizeEx(); }

void Py_Exit(int sts)
{
    if (Py_FinalizeEx() < 0)
        sts = 120;
    exit(sts);
}
