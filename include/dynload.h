/* dynload.h — C extension modules loaded from shared objects (src/runtime/dynload.c):
 * what _imp.create_dynamic / exec_dynamic / extension_suffixes call, and the
 * finalisation hook import.c runs.  Owner: dynload. */
#ifndef Py_DYNLOAD_H
#define Py_DYNLOAD_H

#include "object.h"

/* The one file-name suffix Krait loads extension modules from.  Krait-specific on
 * purpose: a CPython-ABI module (.cpython-311-*.so, .abi3.so, .so) must never be
 * dlopen()ed into Krait, whose object layouts differ.  The Makefile names the shared
 * objects it builds with the same string (it passes -DKRAIT_EXT_SUFFIX). */
#ifndef KRAIT_EXT_SUFFIX
#if defined(__x86_64__)
#define KRAIT_EXT_SUFFIX ".krait-311-x86_64-linux-gnu.so"
#elif defined(__aarch64__)
#define KRAIT_EXT_SUFFIX ".krait-311-aarch64-linux-gnu.so"
#else
#error "define KRAIT_EXT_SUFFIX for this platform"
#endif
#endif

PyObject *_PyImport_CreateDynamic(PyObject *spec, PyObject *file);
int _PyImport_ExecDynamic(PyObject *mod);
PyObject *_PyImport_ExtensionSuffixes(void);
void _PyImport_FiniDynamic(void);

/* The full name of the extension module whose PyInit_ function is running (CPython's
 * _Py_PackageContext): PyModule_Create2 names a single-phase module in a package by it. */
extern const char *_Py_PackageContext;

#endif
