/* config.c — the one table of built-in (C) modules, searched by import.c before the
 * path.  Each module's owner adds its line here: {"name", PyInit_name}.  builtins and
 * sys have no init function: pylifecycle.c creates them during start-up. */
#include "Python.h"

/* PyInit_* of the built-in modules (each defined in its module's file). */
PyObject *PyInit__io(void);
PyObject *PyInit__imp(void);
PyObject *PyInit__warnings(void);
PyObject *PyInit_marshal(void);
PyObject *PyInit_posix(void);  /* modules-os */
PyObject *PyInit_errno(void);  /* modules-os */
PyObject *PyInit_time(void);  /* modules-os */
PyObject *PyInit__random(void);  /* modules-os */
PyObject *PyInit_math(void);  /* modules-os */
PyObject *PyInit_unicodedata(void);  /* modules-os */
PyObject *PyInit_itertools(void);  /* modules-os */
PyObject *PyInit__thread(void);  /* modules-os */
PyObject *PyInit__weakref(void);  /* modules-os */
PyObject *PyInit__codecs(void);  /* objects-buffer */
PyObject *PyInit__struct(void);  /* objects-buffer */
PyObject *PyInit__sre(void);  /* sre */
PyObject *PyInit_gc(void);  /* memory */
PyObject *PyInit__collections(void);  /* objects-containers */
PyObject *PyInit__contextvars(void);  /* objects-containers */
PyObject *PyInit__heapq(void);  /* objects-containers */
PyObject *PyInit__bisect(void);  /* objects-containers */
PyObject *PyInit__ast(void);  /* parser (src/parser/Python-ast.c) */
PyObject *PyInit__operator(void);  /* modules-os */
PyObject *PyInit__string(void);  /* modules-os */
PyObject *PyInit_atexit(void);  /* modules-os */
PyObject *PyInit__signal(void);  /* modules-os */
PyObject *PyInit_binascii(void);  /* modules-os */
PyObject *PyInit_zlib(void);  /* modules-os */
PyObject *PyInit__md5(void);  /* dynload (src/modules/_sha_builtin.c) */
PyObject *PyInit__sha1(void);  /* dynload (src/modules/_sha_builtin.c) */
PyObject *PyInit__sha256(void);  /* dynload (src/modules/_sha_builtin.c) */
PyObject *PyInit__sha512(void);  /* dynload (src/modules/_sha_builtin.c) */
PyObject *PyInit__sha3(void);  /* dynload (src/modules/_sha_builtin.c) */
PyObject *PyInit__blake2(void);  /* modules-os */
PyObject *PyInit__posixsubprocess(void);  /* modules-os */
PyObject *PyInit_fcntl(void);  /* modules-os */
PyObject *PyInit_select(void);  /* modules-os */
PyObject *PyInit__socket(void);  /* modules-os */
PyObject *PyInit_array(void);  /* modules-data */
PyObject *PyInit_pwd(void);  /* modules-data */
PyObject *PyInit_grp(void);  /* modules-data */
PyObject *PyInit__csv(void);  /* modules-data */
PyObject *PyInit__json(void);  /* modules-data */
PyObject *PyInit__datetime(void);  /* modules-data */
PyObject *PyInit_pyexpat(void);  /* modules-xml */
PyObject *PyInit__tracemalloc(void);  /* modules-xml */
PyObject *PyInit_cmath(void);  /* modnew */
PyObject *PyInit__stat(void);  /* modnew */
PyObject *PyInit__locale(void);  /* modnew */
PyObject *PyInit__functools(void);  /* modnew */
PyObject *PyInit__abc(void);  /* modnew */
PyObject *PyInit__pickle(void);  /* modnew */
PyObject *PyInit__symtable(void);  /* modnew */
PyObject *PyInit__queue(void);  /* threads */
PyObject *PyInit__tokenize(void);  /* sweep */
PyObject *PyInit_faulthandler(void);  /* threads */
PyObject *PyInit__lsprof(void);  /* modnew2 */
PyObject *PyInit__multiprocessing(void);  /* mp */
PyObject *PyInit__posixshmem(void);  /* mp */
PyObject *PyInit_resource(void);  /* posixextra */
PyObject *PyInit_termios(void);  /* posixextra */
PyObject *PyInit_syslog(void);  /* posixextra */
PyObject *PyInit_mmap(void);  /* posixextra */
PyObject *PyInit__testinternalcapi(void);  /* compfix */

struct _inittab _PyImport_Inittab[] = {
    {"builtins", NULL},
    {"sys", NULL},
    {"_io", PyInit__io},
    {"_imp", PyInit__imp},
    {"_warnings", PyInit__warnings},
    {"marshal", PyInit_marshal},
    {"posix", PyInit_posix},
    {"errno", PyInit_errno},
    {"time", PyInit_time},
    {"_random", PyInit__random},
    {"math", PyInit_math},
    {"unicodedata", PyInit_unicodedata},
    {"itertools", PyInit_itertools},
    {"_thread", PyInit__thread},
    {"_weakref", PyInit__weakref},
    {"_codecs", PyInit__codecs},
    {"_struct", PyInit__struct},
    {"_sre", PyInit__sre},
    {"gc", PyInit_gc},
    {"_collections", PyInit__collections},
    {"_contextvars", PyInit__contextvars},
    {"_heapq", PyInit__heapq},
    {"_bisect", PyInit__bisect},
    {"_ast", PyInit__ast},
    {"_operator", PyInit__operator},
    {"_string", PyInit__string},
    {"atexit", PyInit_atexit},
    {"_signal", PyInit__signal},
    {"binascii", PyInit_binascii},
    {"zlib", PyInit_zlib},
    {"_md5", PyInit__md5},
    {"_sha1", PyInit__sha1},
    {"_sha256", PyInit__sha256},
    {"_sha512", PyInit__sha512},
    {"_sha3", PyInit__sha3},
    {"_blake2", PyInit__blake2},
    {"_posixsubprocess", PyInit__posixsubprocess},
    {"fcntl", PyInit_fcntl},
    {"select", PyInit_select},
    {"_socket", PyInit__socket},
    {"array", PyInit_array},
    {"pwd", PyInit_pwd},
    {"grp", PyInit_grp},
    {"_csv", PyInit__csv},
    {"_json", PyInit__json},
    {"_datetime", PyInit__datetime},
    {"pyexpat", PyInit_pyexpat},
    {"_tracemalloc", PyInit__tracemalloc},
    {"cmath", PyInit_cmath},  /* modnew */
    {"_stat", PyInit__stat},  /* modnew */
    {"_locale", PyInit__locale},  /* modnew */
    {"_functools", PyInit__functools},  /* modnew */
    {"_abc", PyInit__abc},  /* modnew */
    {"_pickle", PyInit__pickle},  /* modnew */
    {"_symtable", PyInit__symtable},  /* modnew */
    {"_queue", PyInit__queue},  /* threads */
    {"_tokenize", PyInit__tokenize},  /* sweep */
    {"faulthandler", PyInit_faulthandler},  /* threads */
    {"_lsprof", PyInit__lsprof},  /* modnew2 */
    {"_multiprocessing", PyInit__multiprocessing},  /* mp */
    {"_posixshmem", PyInit__posixshmem},  /* mp */
    {"resource", PyInit_resource},  /* posixextra */
    {"termios", PyInit_termios},  /* posixextra */
    {"syslog", PyInit_syslog},  /* posixextra */
    {"mmap", PyInit_mmap},  /* posixextra */
    {"_testinternalcapi", PyInit__testinternalcapi},  /* compfix */
    {NULL, NULL},
};
