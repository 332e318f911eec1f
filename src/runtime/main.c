/* main.c — the command line: parses python3.11's options and environment variables
 * into a PyConfig, sets sys.argv/sys.path[0]/sys.orig_argv, runs the command, module,
 * script, stdin or REPL, and turns the outcome into the process exit status.
 * Start-up itself is pylifecycle.c; running code is pythonrun.c. */
#include "Python.h"
#include <locale.h>
#include <limits.h>
#include <errno.h>
#include <unistd.h>
#include <signal.h>
#include <sys/stat.h>



#include "help_texts.h"   /* help_env_text, help_xoptions_text (generated) */

enum { HELP_USAGE = 1, HELP_ENV = 2, HELP_XOPTIONS = 4 };

static const char usage_text[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (for experts only, only works on\n"
    "         debug builds); also PYTHONDEBUG=x\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal; also PYTHONINSPECT=x\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; add .opt-1 before\n"
    "         .pyc extension; also PYTHONOPTIMIZE=x\n"
    "-OO    : do -O changes and also discard docstrings; add .opt-2 before\n"
    "         .pyc extension\n"
    "-P     : don't prepend a potentially unsafe path to sys.path\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin; also PYTHONUNBUFFERED=x\n"
    "-v     : verbose (trace import statements); also PYTHONVERBOSE=x\n"
    "         can be supplied multiple times to increase verbosity\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "         also PYTHONWARNINGS=arg\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how Python invalidates hash-based .pyc files\n"
    "--help-env      : print help about Python environment variables and exit\n"
    "--help-xoptions : print help about implementation-specific -X options and exit\n"
    "--help-all      : print complete help information and exit\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

static const char *progname = "krait";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", progname);
    fprintf(stderr, "Try `python -h' for more information.\n");
}

typedef struct {
    PyConfig config;
    char **argv_out;           /* sys.argv */
    int argc_out;
    int version;               /* -V count */
    int help;
    int stdin_is_script;       /* '-' given */
    int random_hash;           /* -R: random hash seed whatever PYTHONHASHSEED says */
    char **warnopts;
    int nwarn;
    char **xopts;
    int nx;
    char *warn_env;            /* PYTHONWARNINGS's copy, cut into warnopts' entries */
} cmdline;

static char *env(const cmdline *cl, const char *name)
{
    if (!cl->config.use_environment)
        return NULL;
    char *v = getenv(name);
    return (v && *v) ? v : NULL;
}

/* Parses options; returns -1 on a usage error (already reported). */
static int parse_cmdline(cmdline *cl, int argc, char **argv)
{
    PyConfig *c = &cl->config;
    int i = 1;
    cl->warnopts = calloc((size_t)argc + 64, sizeof(char *));
    cl->xopts = calloc((size_t)argc + 1, sizeof(char *));
    for (; i < argc; i++) {
        char *arg = argv[i];
        if (arg[0] != '-' || arg[1] == '\0')
            break;   /* the script (or '-') */
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[1] == '-') {
            if (strcmp(arg, "--version") == 0)
                cl->version++;
            else if (strcmp(arg, "--help") == 0)
                cl->help |= HELP_USAGE;
            else if (strcmp(arg, "--help-env") == 0)
                cl->help |= HELP_ENV;
            else if (strcmp(arg, "--help-xoptions") == 0)
                cl->help |= HELP_XOPTIONS;
            else if (strcmp(arg, "--help-all") == 0)
                cl->help |= HELP_USAGE | HELP_ENV | HELP_XOPTIONS;
            else if (strcmp(arg, "--check-hash-based-pycs") == 0) {
                if (++i >= argc) {
                    usage_error("Argument expected for the --check-hash-based-pycs option\n", "");
                    return -1;
                }
                if (strcmp(argv[i], "always") != 0 && strcmp(argv[i], "never") != 0 &&
                    strcmp(argv[i], "default") != 0) {
                    usage_error("--check-hash-based-pycs must be one of 'default', 'always', "
                                "or 'never'\n", "");
                    return -1;
                }
                cl->config.check_hash_pycs_mode = argv[i];   /* read by _imp */
            } else {
                usage_error("unknown option %s\n", arg);
                return -1;
            }
            continue;
        }
        for (char *p = arg + 1; *p; p++) {
            char opt = *p;
            /* options taking an argument: the rest of this word or the next word */
            if (opt == 'c' || opt == 'm' || opt == 'W' || opt == 'X') {
                char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    char buf[64];
                    snprintf(buf, sizeof(buf), "Argument expected for the -%c option\n", opt);
                    usage_error("%s", buf);
                    return -1;
                }
                if (opt == 'c') {
                    c->run_command = val;
                    cl->argv_out = &argv[i];   /* argv[0] is replaced by "-c" */
                    cl->argc_out = argc - i;
                    return 0;
                }
                if (opt == 'm') {
                    c->run_module = val;
                    cl->argv_out = &argv[i];
                    cl->argc_out = argc - i;
                    return 0;
                }
                if (opt == 'W')
                    cl->warnopts[cl->nwarn++] = val;
                else
                    cl->xopts[cl->nx++] = val;
                break;
            }
            switch (opt) {
            case 'b': c->bytes_warnings++; break;
            case 'B': c->write_bytecode = 0; break;
            case 'd': c->parser_debug++; break;
            case 'E': c->use_environment = 0; break;
            case 'h': case '?': cl->help |= HELP_USAGE; break;
            case 'i': c->inspect = 1; c->interactive = 1; break;
            case 'I': c->isolated = 1; c->use_environment = 0; c->user_site_directory = 0;
                      c->safe_path = 1; break;
            case 'O': c->optimization_level++; break;
            case 'P': c->safe_path = 1; break;
            case 'q': c->quiet = 1; break;
            case 'R': cl->random_hash = 1; break;
            case 's': c->user_site_directory = 0; break;
            case 'S': c->site_import = 0; break;
            case 't': break;
            case 'u': c->buffered_stdio = 0; break;
            case 'v': c->verbose++; break;
            case 'V': cl->version++; break;
            case 'x': c->skip_source_first_line = 1; break;
            default: {
                char buf[64];
                snprintf(buf, sizeof(buf), "Unknown option: -%c\n", opt);
                usage_error("%s", buf);
                return -1;
            }
            }
        }
    }
    if (i < argc) {
        if (strcmp(argv[i], "-") == 0)
            cl->stdin_is_script = 1;
        else
            c->run_filename = argv[i];
        cl->argv_out = &argv[i];
        cl->argc_out = argc - i;
    } else {
        cl->argv_out = NULL;
        cl->argc_out = 0;
    }
    return 0;
}

static void fatal_preinit(const char *func, const char *msg)
{
    fprintf(stderr, "Fatal Python error: %s: %s\nPython runtime state: preinitialized\n\n", func, msg);
    exit(1);
}

static const char *xoption(const cmdline *cl, const char *name, int *bare);

/* PYTHON* variables (ignored under -E / -I). */
static void read_environment(cmdline *cl)
{
    PyConfig *c = &cl->config;
    char *v;
    if (env(cl, "PYTHONINSPECT"))
        c->inspect = 1;
    if (env(cl, "PYTHONUNBUFFERED"))
        c->buffered_stdio = 0;
    if (env(cl, "PYTHONDONTWRITEBYTECODE"))
        c->write_bytecode = 0;
    if (env(cl, "PYTHONNOUSERSITE"))
        c->user_site_directory = 0;
    if (env(cl, "PYTHONSAFEPATH"))
        c->safe_path = 1;
    if ((v = env(cl, "PYTHONOPTIMIZE")) != NULL) {
        int n = atoi(v);
        c->optimization_level = Py_MAX(c->optimization_level, n > 0 ? n : 1);
    }
    if ((v = env(cl, "PYTHONVERBOSE")) != NULL) {
        int n = atoi(v);
        c->verbose = Py_MAX(c->verbose, n > 0 ? n : 1);
    }
    if ((v = env(cl, "PYTHONDEBUG")) != NULL) {
        int n = atoi(v);
        c->parser_debug = Py_MAX(c->parser_debug, n > 0 ? n : 1);
    }
    c->hash_seed = cl->random_hash ? NULL : env(cl, "PYTHONHASHSEED");
    if (c->hash_seed != NULL && strcmp(c->hash_seed, "random") != 0) {
        char *end;
        errno = 0;
        unsigned long seed = strtoul(c->hash_seed, &end, 10);
        if (*end != '\0' || errno != 0 || seed > 4294967295UL || c->hash_seed[0] == '-')
            fatal_preinit("config_init_hash_seed",
                          "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]");
    }
    if (env(cl, "PYTHONDEVMODE"))
        c->dev_mode = 1;
    if (env(cl, "PYTHONFAULTHANDLER"))
        c->faulthandler = 1;
    /* PYTHONWARNINGS entries come before -W options (lower priority) */
    if ((v = env(cl, "PYTHONWARNINGS")) != NULL) {
        char *copy = cl->warn_env = strdup(v), *save = NULL;
        char **merged = calloc((size_t)cl->nwarn + 64, sizeof(char *));
        int n = 0;
        for (char *tok = strtok_r(copy, ",", &save); tok && n < 64; tok = strtok_r(NULL, ",", &save))
            merged[n++] = tok;
        for (int k = 0; k < cl->nwarn; k++)
            merged[n++] = cl->warnopts[k];
        free(cl->warnopts);
        cl->warnopts = merged;
        cl->nwarn = n;
    }
    for (int k = 0; k < cl->nx; k++) {
        if (strcmp(cl->xopts[k], "dev") == 0)
            c->dev_mode = 1;
        else if (strcmp(cl->xopts[k], "lltrace") == 0)
            c->lltrace = 1;
        else if (strcmp(cl->xopts[k], "dxp") == 0)
            c->dxp = 1;
        else if (strcmp(cl->xopts[k], "faulthandler") == 0)
            c->faulthandler = 1;
    }
    /* CPython's config_init_warnoptions: -X dev's "default" first (lowest priority),
       then PYTHONWARNINGS, -W, and last -b/-bb's BytesWarning action */
    if (c->dev_mode || c->bytes_warnings) {
        char **all = calloc((size_t)cl->nwarn + 2, sizeof(char *));
        int n = 0;
        if (c->dev_mode)
            all[n++] = "default";
        for (int k = 0; k < cl->nwarn; k++)
            all[n++] = cl->warnopts[k];
        if (c->bytes_warnings)
            all[n++] = c->bytes_warnings > 1 ? "error::BytesWarning" : "default::BytesWarning";
        free(cl->warnopts);
        cl->warnopts = all;
        cl->nwarn = n;
    }
    c->warnoptions = cl->warnopts;
    c->nwarnoptions = cl->nwarn;
    c->xoptions = cl->xopts;
    c->nxoptions = cl->nx;
    c->dont_write_bytecode = !c->write_bytecode;
    c->ignore_environment = !c->use_environment;
    int bare;
    c->no_debug_ranges = xoption(cl, "no_debug_ranges", &bare) != NULL ||
                         env(cl, "PYTHONNODEBUGRANGES") != NULL;
}

/* PYTHONIOENCODING=encoding[:errors]: an encoding alone means errors=strict for
   stdin/stdout (stderr keeps backslashreplace), as CPython's config_init_stdio_encoding. */
static void read_stdio_encoding(cmdline *cl)
{
    PyConfig *c = &cl->config;
    char *v = env(cl, "PYTHONIOENCODING");
    if (v == NULL)
        return;
    char *copy = strdup(v), *err = strchr(copy, ':');
    if (err != NULL) {
        *err++ = '\0';
        if (*err == '\0')
            err = NULL;
    }
    if (copy[0] != '\0') {
        c->stdio_encoding = copy;
        if (err == NULL)
            err = "strict";
    }
    if (err != NULL)
        c->stdio_errors = err;
}

/* The value of -X NAME or -X NAME=VALUE (the last one given): NULL when absent, ""
   for a bare -X NAME; *bare says which. */
static const char *xoption(const cmdline *cl, const char *name, int *bare)
{
    const char *found = NULL;
    size_t n = strlen(name);
    for (int k = 0; k < cl->nx; k++) {
        const char *x = cl->xopts[k];
        if (strncmp(x, name, n) == 0 && (x[n] == '\0' || x[n] == '=')) {
            found = x[n] == '=' ? x + n + 1 : "";
            *bare = x[n] == '\0';
        }
    }
    return found;
}

/* -X int_max_str_digits=N beats PYTHONINTMAXSTRDIGITS; N must be 0 or >= 640;
   -X pycache_prefix=PATH beats PYTHONPYCACHEPREFIX ("" or a bare option: none). */
static void read_int_digits_and_pycache(cmdline *cl)
{
    PyConfig *c = &cl->config;
    int bare = 0;
    const char *x = xoption(cl, "int_max_str_digits", &bare), *what = "-X int_max_str_digits";
    if (x == NULL) {
        x = env(cl, "PYTHONINTMAXSTRDIGITS");
        what = "PYTHONINTMAXSTRDIGITS";
        bare = 0;
    }
    c->int_max_str_digits = -1;
    if (x != NULL) {
        char *end = NULL;
        long v = bare || *x == '\0' ? -1 : strtol(x, &end, 10);
        if (v < 0 || *end != '\0' || (v != 0 && v < 640) || v > INT_MAX) {
            char msg[128];
            snprintf(msg, sizeof(msg), "%s: invalid limit; must be >= 640 or 0 for unlimited.", what);
            fatal_preinit("config_init_int_max_str_digits", msg);
        }
        c->int_max_str_digits = (int)v;
    }
    x = xoption(cl, "pycache_prefix", &bare);
    if (x == NULL)
        x = env(cl, "PYTHONPYCACHEPREFIX");
    c->pycache_prefix = x != NULL && *x != '\0' ? (char *)x : NULL;
}

/* PEP 538 and 540, as CPython 3.11 pre-initialises: LC_CTYPE comes from the environment;
   a C/POSIX locale enables UTF-8 mode (unless -X utf8=0 / PYTHONUTF8=0) and, when LC_ALL
   does not force it, is coerced to C.UTF-8 (also exported, for child processes). */
static void configure_locale(cmdline *cl)
{
    PyConfig *c = &cl->config;
    int utf8 = -1;
    const char *bad = NULL;
    for (int k = 0; k < cl->nx; k++) {
        if (strcmp(cl->xopts[k], "utf8") == 0 || strcmp(cl->xopts[k], "utf8=1") == 0)
            utf8 = 1;
        else if (strcmp(cl->xopts[k], "utf8=0") == 0)
            utf8 = 0;
        else if (strncmp(cl->xopts[k], "utf8=", 5) == 0)
            bad = "invalid -X utf8 option value";
    }
    char *v = env(cl, "PYTHONUTF8");
    if (bad == NULL && utf8 < 0 && v != NULL && *v != '\0') {
        if (strcmp(v, "1") == 0 || strcmp(v, "0") == 0)
            utf8 = v[0] == '1';
        else
            bad = "invalid PYTHONUTF8 environment variable value";
    }
    if (bad != NULL) {
        /* 3.11's pre-initialisation failure (Py_ExitStatusException) */
        fprintf(stderr, "Fatal Python error: preconfig_init_utf8_mode: %s\n"
                        "Python runtime state: preinitializing\n\n", bad);
        exit(1);
    }
    const char *loc = setlocale(LC_CTYPE, "");
    int c_locale = loc == NULL || strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0;
    if (c_locale) {
        const char *all = getenv("LC_ALL"), *coerce = env(cl, "PYTHONCOERCECLOCALE");
        if ((all == NULL || *all == '\0') && (coerce == NULL || strcmp(coerce, "0") != 0) &&
            setlocale(LC_CTYPE, "C.UTF-8") != NULL)
            setenv("LC_CTYPE", "C.UTF-8", 1);
    }
    c->utf8_mode = utf8 >= 0 ? utf8 : c_locale;
}

static int set_list(const char *name, char **items, int n)
{
    PyObject *list = PyList_New(0);
    for (int i = 0; list && i < n; i++) {
        PyObject *s = PyUnicode_DecodeFSDefault(items[i]);
        if (s == NULL || PyList_Append(list, s) < 0)
            Py_CLEAR(list);
        Py_XDECREF(s);
    }
    int r = list ? PySys_SetObject(name, list) : -1;
    Py_XDECREF(list);
    return r;
}

/* sys.path[0]: the script's directory, the cwd for -m, '' for -c/stdin/REPL. */
/* Set when the script argument is a directory or zip file that a sys.path hook accepts:
   it is then sys.path[0] and its __main__ module runs (CPython's main_importer_path). */
static int main_importer;

static int insert_path0(const cmdline *cl)
{
    const PyConfig *c = &cl->config;
    PyObject *path = PySys_GetObject("path");
    if (path == NULL || !PyList_Check(path))
        return 0;
    PyObject *p0;
    if (c->run_filename != NULL) {
        /* the absolute path as given (not normalised), as CPython's config makes it */
        char *abs = _Py_abspath(c->run_filename);
        p0 = PyUnicode_DecodeFSDefault(abs ? abs : c->run_filename);
        free(abs);
        PyObject *importer = p0 ? PyImport_GetImporter(p0) : NULL;
        if (importer == NULL) {
            Py_XDECREF(p0);
            return -1;
        }
        main_importer = importer != Py_None;
        Py_DECREF(importer);
        if (main_importer) {
            int r = PyList_Insert(path, 0, p0);
            Py_DECREF(p0);
            return r;
        }
        Py_DECREF(p0);
    }
    if (c->safe_path)
        return 0;
    if (c->run_filename != NULL) {
        char *full = realpath(c->run_filename, NULL);
        char *abs = full ? full : _Py_abspath(c->run_filename);
        char *slash = abs ? strrchr(abs, '/') : NULL;
        if (slash != NULL) {
            struct stat st;
            if (stat(abs, &st) == 0 && S_ISDIR(st.st_mode))
                p0 = PyUnicode_DecodeFSDefault(abs);   /* a directory with __main__.py */
            else
                p0 = PyUnicode_DecodeFSDefaultAndSize(abs, slash == abs ? 1 : slash - abs);
        } else {
            p0 = PyUnicode_FromString("");
        }
        free(abs);
    } else if (c->run_module != NULL) {
        char cwd[4096];
        p0 = PyUnicode_DecodeFSDefault(getcwd(cwd, sizeof(cwd)) ? cwd : "");
    } else {
        p0 = PyUnicode_FromString("");
    }
    if (p0 == NULL)
        return -1;
    int r = PyList_Insert(path, 0, p0);
    Py_DECREF(p0);
    return r;
}

static int pymain_exit_status(int run_status)
{
    return run_status == 0 ? 0 : 1;
}

/* Runs module `name` as __main__: through runpy when it imports, else directly. */
static int run_module(const char *name, int set_argv0)
{
    PyObject *modname = PyUnicode_FromString(name);
    if (modname == NULL)
        return -1;
    PyObject *runpy = PyImport_ImportModule("runpy");
    if (runpy != NULL) {
        PyObject *runmodule = PyObject_GetAttrString(runpy, "_run_module_as_main");
        Py_DECREF(runpy);
        PyObject *res = runmodule ? PyObject_CallFunction(runmodule, "Oi", modname, set_argv0) : NULL;
        Py_XDECREF(runmodule);
        Py_DECREF(modname);
        /* an uncaught ^C ends the process by SIGINT, as for a script */
        if (res == NULL && PyErr_ExceptionMatches(PyExc_KeyboardInterrupt))
            _Py_UnhandledKeyboardInterrupt = 1;
        if (res == NULL) {
            PyErr_Print();
            return -1;
        }
        Py_DECREF(res);
        return 0;
    }
    PyErr_Clear();
    int is_package = 0;
    PyObject *file = _PyImport_FindSourceFile(modname, &is_package);
    Py_DECREF(modname);
    if (file == NULL) {
        if (!PyErr_Occurred())
            fprintf(stderr, "%s: No module named %s\n", progname, name);
        else
            PyErr_Print();
        return -1;
    }
    PyObject *argv = PySys_GetObject("argv");
    if (argv && PyList_Check(argv) && PyList_GET_SIZE(argv) > 0)
        PyList_SetItem(argv, 0, Py_NewRef(file));
    FILE *fp = _Py_fopen_obj(file, "rb");
    if (fp == NULL) {
        Py_DECREF(file);
        PyErr_Print();
        return -1;
    }
    int r = _PyRun_SimpleFileObject(fp, file, 1, NULL);
    Py_DECREF(file);
    return r;
}

static int run_file(const char *filename)
{
    if (main_importer)   /* a directory or zip file: its __main__, argv[0] unchanged */
        return run_module("__main__", 0) == 0 ? 0 : 1;
    struct stat st;
    if (stat(filename, &st) == 0 && S_ISDIR(st.st_mode)) {
        char *abs = _Py_abspath(filename);
        PyObject *r = PyUnicode_DecodeFSDefault(abs ? abs : filename);
        free(abs);
        if (r != NULL) {
            PyObject *rep = PyObject_Repr(r);
            const char *s = rep ? PyUnicode_AsUTF8(rep) : NULL;
            fprintf(stderr, "%s: can't find '__main__' module in %s\n", progname, s ? s : filename);
            Py_XDECREF(rep);
            Py_DECREF(r);
        }
        PyErr_Clear();
        return 1;
    }
    FILE *fp = fopen(filename, "rb");
    if (fp == NULL) {
        int err = errno;
        char *abs = _Py_abspath(filename);
        PyObject *u = PyUnicode_DecodeFSDefault(abs ? abs : filename);
        PyObject *rep = u ? PyObject_Repr(u) : NULL;
        const char *s = rep ? PyUnicode_AsUTF8(rep) : NULL;
        fprintf(stderr, "%s: can't open file %s: [Errno %d] %s\n", progname,
                s ? s : filename, err, strerror(err));
        free(abs);
        Py_XDECREF(rep);
        Py_XDECREF(u);
        PyErr_Clear();
        return 2;
    }
    /* __file__ and tracebacks use the absolute path (CPython 3.9+); argv[0] stays */
    char *abs = _Py_abspath(filename);
    PyObject *fn = PyUnicode_DecodeFSDefault(abs ? abs : filename);
    free(abs);
    if (fn == NULL) {
        fclose(fp);
        PyErr_Print();
        return 1;
    }
    if (_PyInterpreterState_GET()->config.skip_source_first_line) {
        /* -x: drop the first line but keep its newline, so line numbers stay right */
        int ch;
        while ((ch = getc(fp)) != EOF) {
            if (ch == '\n') {
                ungetc(ch, fp);
                break;
            }
        }
    }
    int r = _PyRun_SimpleFileObject(fp, fn, 1, NULL);
    Py_DECREF(fn);
    return pymain_exit_status(r);
}

/* -c: the argument decoded as the file system encoding does it (surrogateescape), must
   be valid UTF-8 text; it gets a trailing newline, and a coding cookie in it is ignored
   (bpo-32381), as CPython's pymain_run_command. */
static int run_command(const char *command)
{
    PyObject *text = PyUnicode_DecodeFSDefault(command);
    PyObject *utf8 = text ? PyUnicode_AsUTF8String(text) : NULL;
    Py_XDECREF(text);
    if (utf8 == NULL) {
        PySys_WriteStderr("Unable to decode the command from the command line:\n");
        PyErr_Print();
        return 1;
    }
    size_t n = (size_t)PyBytes_GET_SIZE(utf8);
    char *cmd = malloc(n + 2);
    memcpy(cmd, PyBytes_AS_STRING(utf8), n);
    Py_DECREF(utf8);
    cmd[n] = '\n';
    cmd[n + 1] = '\0';
    PyCompilerFlags cf = _PyCompilerFlags_INIT;
    cf.cf_flags |= PyCF_IGNORE_COOKIE;
    int status = PyRun_SimpleStringFlags(cmd, &cf) == 0 ? 0 : 1;
    free(cmd);
    return status;
}

static void print_banner(void)
{
    fprintf(stderr, "Python %s on %s\n", Py_GetVersion(), Py_GetPlatform());
    fprintf(stderr, "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
}

/* CPython's pymain_run_interactive_hook: sys.__interactivehook__ (site's
   register_readline: tab completion, ~/.python_history) runs before the first prompt. */
static void run_interactive_hook(void)
{
    PyObject *hook = PySys_GetObject("__interactivehook__");
    if (hook == NULL)
        return;
    if (PySys_Audit("cpython.run_interactivehook", "O", hook) < 0) {
        PyErr_Print();
        return;
    }
    PyObject *res = PyObject_CallNoArgs(hook);
    if (res == NULL) {
        PySys_WriteStderr("Failed calling sys.__interactivehook__\n");
        PyErr_Print();
        return;
    }
    Py_DECREF(res);
}

static int run_repl(const PyConfig *c, int show_banner)
{
    /* CPython's pymain_repl: inspect is cleared so that SystemExit (exit()) raised
       at the prompt ends the process instead of being reported */
    _PyInterpreterState_GET()->config.inspect = 0;
    if (show_banner && !c->quiet)
        print_banner();
    run_interactive_hook();
    PyObject *fn = PyUnicode_FromString("<stdin>");
    if (fn == NULL)
        return 1;
    int r = _PyRun_InteractiveLoopObject(stdin, fn, NULL);
    Py_DECREF(fn);
    return r == 0 ? 0 : 1;
}

/* What parse_cmdline and read_environment allocated (the other strings are argv's or the
   environment's); the configuration keeps pointing into them until the end. */
static void cmdline_free(cmdline *cl)
{
    free(cl->warnopts);
    free(cl->xopts);
    free(cl->warn_env);
    cl->warnopts = cl->xopts = NULL;
    cl->warn_env = NULL;
    cl->config.warnoptions = cl->config.xoptions = NULL;
}

int Py_BytesMain(int argc, char **argv)
{
    cmdline cl;
    memset(&cl, 0, sizeof(cl));
    PyConfig_InitPythonConfig(&cl.config);
    progname = argv[0];
    cl.config.program_name = argv[0];
    if (parse_cmdline(&cl, argc, argv) < 0) {
        cmdline_free(&cl);
        return 2;
    }
    read_environment(&cl);
    read_stdio_encoding(&cl);
    read_int_digits_and_pycache(&cl);
    configure_locale(&cl);
    if (cl.help) {
        /* --help-all is the three texts separated by blank lines, as python3.11 prints */
        const char *sep = "";
        if (cl.help & HELP_USAGE) {
            printf(usage_text, progname);
            sep = "\n\n";
        }
        if (cl.help & HELP_ENV) {
            printf("%s%s", sep, help_env_text);
            sep = "\n\n";
        }
        if (cl.help & HELP_XOPTIONS)
            printf("%s%s", sep, help_xoptions_text);
        cmdline_free(&cl);
        return 0;
    }
    if (cl.version) {
        if (cl.version >= 2)
            printf("Python %s\n", Py_GetVersion());
        else
            printf("Python %s\n", PY_VERSION);
        cmdline_free(&cl);
        return 0;
    }
    PyConfig *c = &cl.config;
    /* sys.argv as CPython builds it */
    char *empty[1] = {""};
    char **sys_argv = cl.argv_out;
    int sys_argc = cl.argc_out;
    if (sys_argv == NULL) {
        sys_argv = empty;
        sys_argc = 1;
    }
    char **argv_copy = calloc((size_t)sys_argc + 1, sizeof(char *));
    memcpy(argv_copy, sys_argv, (size_t)sys_argc * sizeof(char *));
    if (c->run_command)
        argv_copy[0] = "-c";
    else if (c->run_module)
        argv_copy[0] = "-m";
    c->argv = argv_copy;
    c->argc = sys_argc;
    int stdin_tty = isatty(0);
    int will_repl = !c->run_command && !c->run_module && !c->run_filename &&
                    (stdin_tty || c->inspect) && !cl.stdin_is_script;
    if (will_repl || c->inspect)
        c->interactive = c->interactive || will_repl;

    if (Py_InitializeFromConfig(c) < 0)
        return 1;
    if (set_list("orig_argv", argv, argc) < 0 || insert_path0(&cl) < 0) {
        PyErr_Print();
        return 1;
    }
    if (will_repl || c->inspect) {
        if (PySys_GetObject("ps1") == NULL) {
            PyObject *ps1 = PyUnicode_FromString(">>> "), *ps2 = PyUnicode_FromString("... ");
            if (ps1 && ps2) {
                PySys_SetObject("ps1", ps1);
                PySys_SetObject("ps2", ps2);
            }
            Py_XDECREF(ps1);
            Py_XDECREF(ps2);
        }
    }

    int status = 0;
    if (c->run_command) {
        status = run_command(c->run_command);
    } else if (c->run_module) {
        status = run_module(c->run_module, 1) == 0 ? 0 : 1;
    } else if (c->run_filename) {
        status = run_file(c->run_filename);
    } else if (will_repl) {
        status = run_repl(c, 1);
    } else {
        PyObject *fn = PyUnicode_FromString("<stdin>");
        status = fn && _PyRun_SimpleFileObject(stdin, fn, 0, NULL) == 0 ? 0 : 1;
        Py_XDECREF(fn);
    }
    /* -i (or PYTHONINSPECT, also when the program set it in os.environ): the REPL
       after the program, whatever its outcome */
    if (!c->inspect && !will_repl && env(&cl, "PYTHONINSPECT") != NULL)
        c->inspect = _PyInterpreterState_GET()->config.inspect = 1;
    /* as pymain_repl: only when stdin is a terminal or -i was given */
    if (c->inspect && !will_repl && status != 2 && (stdin_tty || c->interactive)) {
        if (c->run_command || c->run_module || c->run_filename || cl.stdin_is_script || !stdin_tty)
            status = run_repl(c, 0);
    }
    if (Py_FinalizeEx() < 0)
        status = 120;
    if (_Py_UnhandledKeyboardInterrupt) {
        /* exit the way a process killed by ^C does, so shells see it */
        fflush(stdout);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        status = 128 + SIGINT;
    }
    free(argv_copy);
    cmdline_free(&cl);
    return status;
}

int Py_RunMain(void)
{
    return 0;
}

int main(int argc, char **argv)
{
    return Py_BytesMain(argc, argv);
}
