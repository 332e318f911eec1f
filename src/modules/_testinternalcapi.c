/* _testinternalcapi.c — the `_testinternalcapi` module CPython's test suite imports
 * (test.support's requires_debug_ranges/check_sizeof, test_sys, test_codecs, ...):
 * get_config()/get_configs() describe Krait's start-up configuration with PyConfig's
 * field names, plus SIZEOF_PYGC_HEAD, get_recursion_depth() and the locale codec
 * helpers EncodeLocaleEx/DecodeLocaleEx.  Owner: compfix. */
#include "Python.h"
#include "import.h"

#include <string.h>
#include <stdlib.h>

/* ---- building the configuration dict ---- */

static int set_obj(PyObject *d, const char *key, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static int set_int(PyObject *d, const char *key, long v)
{
    return set_obj(d, key, PyLong_FromLong(v));
}

/* a C string, or None for NULL */
static int set_str(PyObject *d, const char *key, const char *s)
{
    return set_obj(d, key, s ? PyUnicode_DecodeFSDefault(s) : Py_NewRef(Py_None));
}

static PyObject *str_list(char **items, int n)
{
    PyObject *list = PyList_New(0);
    for (int i = 0; list && i < n; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(items[i]);
        if (s == NULL || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    return list;
}

/* sys.NAME (a new reference), None when missing */
static PyObject *sys_attr(const char *name)
{
    PyObject *v = PySys_GetObject(name);
    return Py_NewRef(v ? v : Py_None);
}

/* sys.NAME(), as str */
static PyObject *sys_call(const char *name)
{
    PyObject *f = PySys_GetObject(name);
    if (f == NULL) {
        PyErr_Format(PyExc_RuntimeError, "lost sys.%s", name);
        return NULL;
    }
    return PyObject_CallNoArgs(f);
}

/* sys.__stdout__.NAME: the encoding and error handler the standard streams really use
   (PYTHONIOENCODING or the locale's, as CPython's config_init_stdio_encoding) */
static PyObject *stdio_attr(const char *name, const char *fallback)
{
    PyObject *out = PySys_GetObject("__stdout__");
    if (out != NULL && out != Py_None) {
        PyObject *v = PyObject_GetAttrString(out, name);
        if (v != NULL && PyUnicode_Check(v))
            return v;
        Py_XDECREF(v);
        PyErr_Clear();
    }
    return PyUnicode_FromString(fallback);
}

/* The value of -X NAME[=VALUE] (the last one given), NULL when absent, "" when bare. */
static const char *xoption(const PyConfig *c, const char *name)
{
    const char *found = NULL;
    size_t n = strlen(name);
    for (int i = 0; i < c->nxoptions; i++) {
        const char *x = c->xoptions[i];
        if (strncmp(x, name, n) == 0 && (x[n] == '\0' || x[n] == '='))
            found = x[n] == '=' ? x + n + 1 : "";
    }
    return found;
}

static const char *env_var(const PyConfig *c, const char *name)
{
    const char *v = c->use_environment ? getenv(name) : NULL;
    return v && *v ? v : NULL;
}

/* PYTHONHASHSEED as the hash (src/runtime/pyhash.c) uses it: 0/0 when random. */
static void hash_seed(const PyConfig *c, int *use, unsigned long *seed)
{
    *use = 0;
    *seed = 0;
    if (c->hash_seed != NULL && strcmp(c->hash_seed, "random") != 0) {
        *use = 1;
        *seed = strtoul(c->hash_seed, NULL, 10);
    }
}

/* -X tracemalloc[=N] beats PYTHONTRACEMALLOC=N (as pylifecycle.c starts it) */
static long tracemalloc_frames(const PyConfig *c)
{
    const char *v = xoption(c, "tracemalloc");
    if (v != NULL)
        return *v ? atol(v) : 1;
    v = env_var(c, "PYTHONTRACEMALLOC");
    return v ? atol(v) : 0;
}

/* -X frozen_modules=off|on, as import.c's use_frozen() reads it */
static int use_frozen_modules(const PyConfig *c)
{
    const char *v = xoption(c, "frozen_modules");
    return v == NULL || strcmp(v, "off") != 0;
}

/* run_command gets the newline CPython's config_run_code appends */
static PyObject *run_command(const PyConfig *c)
{
    if (c->run_command == NULL)
        return Py_NewRef(Py_None);
    return PyUnicode_FromFormat("%s\n", c->run_command);
}

/* the script made absolute (not normalised), as CPython's config_run_filename_abspath */
static PyObject *run_filename(const PyConfig *c)
{
    if (c->run_filename == NULL)
        return Py_NewRef(Py_None);
    char *abs = _Py_abspath(c->run_filename);
    PyObject *s = PyUnicode_DecodeFSDefault(abs ? abs : c->run_filename);
    free(abs);
    return s;
}

/* Fields whose value is a Python object taken from the running interpreter. */
static int add_sys_fields(PyObject *d, const PyConfig *c)
{
    return set_obj(d, "base_exec_prefix", sys_attr("base_exec_prefix")) < 0 ||
           set_obj(d, "base_executable", sys_attr("_base_executable")) < 0 ||
           set_obj(d, "base_prefix", sys_attr("base_prefix")) < 0 ||
           set_obj(d, "exec_prefix", sys_attr("exec_prefix")) < 0 ||
           set_obj(d, "executable", sys_attr("executable")) < 0 ||
           set_obj(d, "filesystem_encoding", sys_call("getfilesystemencoding")) < 0 ||
           set_obj(d, "filesystem_errors", sys_call("getfilesystemencodeerrors")) < 0 ||
           set_obj(d, "module_search_paths", _PyImport_GetModuleSearchPaths()) < 0 ||
           set_obj(d, "orig_argv", sys_attr("orig_argv")) < 0 ||
           set_obj(d, "platlibdir", sys_attr("platlibdir")) < 0 ||
           set_obj(d, "prefix", sys_attr("prefix")) < 0 ||
           set_obj(d, "stdio_encoding", stdio_attr("encoding", "utf-8")) < 0 ||
           set_obj(d, "stdio_errors", stdio_attr("errors", "strict")) < 0 ||
           set_obj(d, "stdlib_dir", PyUnicode_DecodeFSDefault(KRAIT_STDLIB_DIR)) < 0 ? -1 : 0;
}

/* Fields that are flags and strings of Krait's PyConfig (include/pystate.h). */
static int add_flag_fields(PyObject *d, const PyConfig *c)
{
    int use_seed;
    unsigned long seed;
    hash_seed(c, &use_seed, &seed);
    return set_int(d, "_config_init", 2) < 0 || set_int(d, "_init_main", 1) < 0 ||
           set_int(d, "_install_importlib", 1) < 0 || set_int(d, "_is_python_build", 0) < 0 ||
           set_int(d, "_isolated_interpreter", 0) < 0 ||
           set_obj(d, "argv", str_list(c->argv, c->argc)) < 0 ||
           set_int(d, "buffered_stdio", c->buffered_stdio) < 0 ||
           set_int(d, "bytes_warning", c->bytes_warnings) < 0 ||
           set_str(d, "check_hash_pycs_mode", "default") < 0 ||
           set_int(d, "code_debug_ranges", !c->no_debug_ranges) < 0 ||
           set_int(d, "configure_c_stdio", 1) < 0 || set_int(d, "dev_mode", c->dev_mode) < 0 ||
           set_int(d, "dump_refs", 0) < 0 || set_int(d, "faulthandler", c->faulthandler || c->dev_mode) < 0 ||
           set_obj(d, "hash_seed", PyLong_FromUnsignedLong(seed)) < 0 ||
           set_str(d, "home", env_var(c, "PYTHONHOME")) < 0 ||
           set_int(d, "import_time", 0) < 0 || set_int(d, "inspect", c->inspect) < 0 ||
           set_int(d, "install_signal_handlers", 1) < 0 ||
           set_int(d, "interactive", c->interactive) < 0 ||
           set_int(d, "isolated", c->isolated) < 0 || set_int(d, "malloc_stats", 0) < 0 ||
           set_int(d, "module_search_paths_set", 1) < 0 ||
           set_int(d, "optimization_level", c->optimization_level) < 0 ||
           set_int(d, "parse_argv", 2) < 0 || set_int(d, "parser_debug", c->parser_debug) < 0 ||
           set_int(d, "pathconfig_warnings", 1) < 0 ||
           set_str(d, "program_name", c->program_name) < 0 ||
           set_str(d, "pycache_prefix", c->pycache_prefix) < 0 ||
           set_str(d, "pythonpath_env", env_var(c, "PYTHONPATH")) < 0 ||
           set_int(d, "quiet", c->quiet) < 0 || set_obj(d, "run_command", run_command(c)) < 0 ||
           set_obj(d, "run_filename", run_filename(c)) < 0 ||
           set_str(d, "run_module", c->run_module) < 0 || set_int(d, "safe_path", c->safe_path) < 0 ||
           set_int(d, "show_ref_count", 0) < 0 || set_int(d, "site_import", c->site_import) < 0 ||
           set_int(d, "skip_source_first_line", c->skip_source_first_line) < 0 ||
           set_int(d, "tracemalloc", tracemalloc_frames(c)) < 0 ||
           set_int(d, "use_environment", c->use_environment) < 0 ||
           set_int(d, "use_frozen_modules", use_frozen_modules(c)) < 0 ||
           set_int(d, "use_hash_seed", use_seed) < 0 ||
           set_int(d, "user_site_directory", c->user_site_directory) < 0 ||
           set_int(d, "verbose", c->verbose) < 0 ||
           set_obj(d, "warn_default_encoding",
                   PyLong_FromLong(xoption(c, "warn_default_encoding") != NULL ||
                                   env_var(c, "PYTHONWARNDEFAULTENCODING") != NULL)) < 0 ||
           set_obj(d, "warnoptions", str_list(c->warnoptions, c->nwarnoptions)) < 0 ||
           set_int(d, "write_bytecode", c->write_bytecode) < 0 ||
           set_obj(d, "xoptions", str_list(c->xoptions, c->nxoptions)) < 0 ? -1 : 0;
}

static PyObject *make_config(void)
{
    const PyConfig *c = &_PyInterpreterState_GET()->config;
    PyObject *d = PyDict_New();
    if (d == NULL || add_flag_fields(d, c) < 0 || add_sys_fields(d, c) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

/* CPython's PyPreConfig: the locale and allocator settings fixed before start-up. */
static PyObject *make_pre_config(void)
{
    const PyConfig *c = &_PyInterpreterState_GET()->config;
    PyObject *d = PyDict_New();
    if (d == NULL || set_int(d, "_config_init", 2) < 0 || set_int(d, "allocator", 0) < 0 ||
        set_int(d, "coerce_c_locale", 0) < 0 || set_int(d, "coerce_c_locale_warn", 0) < 0 ||
        set_int(d, "configure_locale", 1) < 0 || set_int(d, "dev_mode", c->dev_mode) < 0 ||
        set_int(d, "isolated", c->isolated) < 0 || set_int(d, "parse_argv", 1) < 0 ||
        set_int(d, "use_environment", c->use_environment) < 0 ||
        set_int(d, "utf8_mode", c->utf8_mode) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

/* The legacy Py_*Flag globals, as CPython derives them from the configuration. */
static PyObject *make_global_config(void)
{
    const PyConfig *c = &_PyInterpreterState_GET()->config;
    int use_seed;
    unsigned long seed;
    hash_seed(c, &use_seed, &seed);
    PyObject *d = PyDict_New();
    if (d == NULL || set_int(d, "Py_BytesWarningFlag", c->bytes_warnings) < 0 ||
        set_int(d, "Py_DebugFlag", c->parser_debug) < 0 ||
        set_int(d, "Py_DontWriteBytecodeFlag", !c->write_bytecode) < 0 ||
        set_obj(d, "Py_FileSystemDefaultEncodeErrors", sys_call("getfilesystemencodeerrors")) < 0 ||
        set_obj(d, "Py_FileSystemDefaultEncoding", sys_call("getfilesystemencoding")) < 0 ||
        set_int(d, "Py_FrozenFlag", 0) < 0 || set_int(d, "Py_HasFileSystemDefaultEncoding", 0) < 0 ||
        set_int(d, "Py_HashRandomizationFlag", !use_seed || seed != 0) < 0 ||
        set_int(d, "Py_IgnoreEnvironmentFlag", !c->use_environment) < 0 ||
        set_int(d, "Py_InspectFlag", c->inspect) < 0 ||
        set_int(d, "Py_InteractiveFlag", c->interactive) < 0 ||
        set_int(d, "Py_IsolatedFlag", c->isolated) < 0 ||
        set_int(d, "Py_NoSiteFlag", !c->site_import) < 0 ||
        set_int(d, "Py_NoUserSiteDirectory", !c->user_site_directory) < 0 ||
        set_int(d, "Py_OptimizeFlag", c->optimization_level) < 0 ||
        set_int(d, "Py_QuietFlag", c->quiet) < 0 || set_int(d, "Py_UTF8Mode", c->utf8_mode) < 0 ||
        set_int(d, "Py_UnbufferedStdioFlag", !c->buffered_stdio) < 0 ||
        set_int(d, "Py_VerboseFlag", c->verbose) < 0 ||
        set_int(d, "_Py_HasFileSystemDefaultEncodeErrors", 0) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *get_config(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return make_config();
}

static PyObject *get_configs(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *d = PyDict_New();
    if (d == NULL || set_obj(d, "global_config", make_global_config()) < 0 ||
        set_obj(d, "pre_config", make_pre_config()) < 0 ||
        set_obj(d, "config", make_config()) < 0) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

/* The recursion depth of the caller: like CPython 3.11, the call of a builtin counts
   as a level, so the call of get_recursion_depth() itself is taken off. */
static PyObject *get_recursion_depth(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyLong_FromLong(_PyThreadState_GET()->recursion_depth - 1);
}

/* ---- EncodeLocaleEx / DecodeLocaleEx: CPython's _Py_EncodeLocaleEx and
 * _Py_DecodeLocaleEx, whose errors are reported as RuntimeError("encode error: pos=N,
 * reason=R").  UTF-8 mode (and current_locale=0) uses the UTF-8 codec, which also
 * accepts surrogatepass; otherwise the locale codec, which only knows strict and
 * surrogateescape. ---- */

static int use_utf8(int current_locale)
{
    return !current_locale && _PyInterpreterState_GET()->config.utf8_mode;
}

/* 0 if the error handler is one the chosen codec supports, else -1 with ValueError */
static int check_errors(const char *errors, int utf8)
{
    if (strcmp(errors, "strict") == 0 || strcmp(errors, "surrogateescape") == 0 ||
        (utf8 && strcmp(errors, "surrogatepass") == 0))
        return 0;
    PyErr_SetString(PyExc_ValueError, "unsupported error handler");
    return -1;
}

/* Turns the pending UnicodeError into RuntimeError("<what> error: pos=N, reason=R");
   the locale codec's reason is CPython's generic one. */
static PyObject *codec_error(const char *what, const char *generic)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    Py_XDECREF(tb);
    int is_unicode_error = value && PyObject_IsInstance(value, PyExc_UnicodeError) > 0;
    if (!is_unicode_error) {
        PyErr_Restore(type, value, NULL);
        return NULL;
    }
    PyObject *start = PyObject_GetAttrString(value, "start");
    PyObject *reason = generic ? PyUnicode_FromString(generic)
                               : PyObject_GetAttrString(value, "reason");
    Py_DECREF(type);
    Py_DECREF(value);
    if (start && reason)
        PyErr_Format(PyExc_RuntimeError, "%s error: pos=%S, reason=%U", what, start, reason);
    Py_XDECREF(start);
    Py_XDECREF(reason);
    return NULL;
}

static PyObject *EncodeLocaleEx(PyObject *self, PyObject *args)
{
    PyObject *text;
    int current_locale;
    const char *errors;
    if (!PyArg_ParseTuple(args, "Uis", &text, &current_locale, &errors))
        return NULL;
    if (PyUnicode_FindChar(text, 0, 0, PyUnicode_GET_LENGTH(text), 1) >= 0) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    int utf8 = use_utf8(current_locale);
    if (check_errors(errors, utf8) < 0)
        return NULL;
    PyObject *res = utf8 ? PyUnicode_AsEncodedString(text, "utf-8", errors)
                         : PyUnicode_EncodeLocale(text, errors);
    if (res == NULL)
        return codec_error("encode", "encoding error");
    return res;
}

static PyObject *DecodeLocaleEx(PyObject *self, PyObject *args)
{
    const char *data;
    Py_ssize_t size;
    int current_locale;
    const char *errors;
    if (!PyArg_ParseTuple(args, "y#is", &data, &size, &current_locale, &errors))
        return NULL;
    if ((Py_ssize_t)strlen(data) != size) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return NULL;
    }
    int utf8 = use_utf8(current_locale);
    if (check_errors(errors, utf8) < 0)
        return NULL;
    PyObject *res = utf8 ? PyUnicode_DecodeUTF8(data, size, errors)
                         : PyUnicode_DecodeLocale(data, errors);
    if (res == NULL)
        return codec_error("decode", utf8 ? NULL : "decoding error");
    return res;
}

/* normalize_path(path): CPython's _Py_normpath on POSIX, the lexical normalisation
 * posixpath.normpath does: repeated and trailing slashes and "." go, ".." removes the
 * component before it (or is dropped at the root); exactly two leading slashes stay.
 * Unlike normpath, an empty result stays "" (not "."), as CPython's, unless the path
 * is "." itself. */
static PyObject *normalize_path(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_BadArgument();
        return NULL;
    }
    Py_ssize_t n;
    const char *src = PyUnicode_AsUTF8AndSize(arg, &n);
    if (src == NULL)
        return NULL;
    if (n == 1 && src[0] == '.')
        return Py_NewRef(arg);   /* the one "." CPython keeps */
    char *out = PyMem_Malloc((size_t)n + 1);
    if (out == NULL)
        return PyErr_NoMemory();
    Py_ssize_t lead = src[0] != '/' ? 0 : (n > 1 && src[1] == '/' && (n == 2 || src[2] != '/')) ? 2 : 1;
    memset(out, '/', (size_t)lead);
    Py_ssize_t len = lead;   /* out[0:lead] are the kept slashes, then a/b/c */
    int ncomps = 0, ndotdot = 0;   /* components written; how many leading ones are ".." */
    for (Py_ssize_t i = 0; i < n;) {
        while (i < n && src[i] == '/')
            i++;
        Py_ssize_t start = i;
        while (i < n && src[i] != '/')
            i++;
        Py_ssize_t clen = i - start;
        if (clen == 0 || (clen == 1 && src[start] == '.'))
            continue;
        if (clen == 2 && src[start] == '.' && src[start + 1] == '.') {
            if (ncomps > ndotdot) {          /* drop the last component */
                while (len > lead && out[len - 1] != '/')
                    len--;
                if (len > lead)
                    len--;
                ncomps--;
                continue;
            }
            if (lead)                        /* "/.." is "/" */
                continue;
            ndotdot++;
        }
        if (ncomps)
            out[len++] = '/';
        memcpy(out + len, src + start, (size_t)clen);
        len += clen;
        ncomps++;
    }
    PyObject *res = PyUnicode_FromStringAndSize(out, len);
    PyMem_Free(out);
    return res;
}

static PyMethodDef methods[] = {
    {"normalize_path", normalize_path, METH_O, NULL},
    {"get_config", get_config, METH_NOARGS, NULL},
    {"get_configs", get_configs, METH_NOARGS, NULL},
    {"get_recursion_depth", get_recursion_depth, METH_NOARGS, NULL},
    {"EncodeLocaleEx", EncodeLocaleEx, METH_VARARGS, NULL},
    {"DecodeLocaleEx", DecodeLocaleEx, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_testinternalcapi", NULL, -1, methods,
};

PyObject *PyInit__testinternalcapi(void)
{
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "SIZEOF_PYGC_HEAD", (long)sizeof(PyGC_Head)) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
