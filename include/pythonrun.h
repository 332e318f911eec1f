/* pythonrun.h — running files, strings and the REPL; printing uncaught exceptions.
 * Implementation: src/runtime/pythonrun.c.  Owner: runtime. */
#ifndef PY_PYTHONRUN_H
#define PY_PYTHONRUN_H
#include "object.h"
#include "compile.h"
#include <stdio.h>

int PyRun_AnyFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags);
int PyRun_SimpleFileExFlags(FILE *fp, const char *filename, int closeit, PyCompilerFlags *flags);
int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags);
int PyRun_InteractiveLoopFlags(FILE *fp, const char *filename, PyCompilerFlags *flags);
int PyRun_InteractiveOneObject(FILE *fp, PyObject *filename, PyCompilerFlags *flags);
PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals,
                            PyCompilerFlags *flags);
PyObject *PyRun_FileExFlags(FILE *fp, const char *filename, int start, PyObject *globals,
                            PyObject *locals, int closeit, PyCompilerFlags *flags);
#define PyRun_String(str, s, g, l) PyRun_StringFlags((str), (s), (g), (l), NULL)
#define PyRun_SimpleString(s) PyRun_SimpleStringFlags((s), NULL)
#define PyRun_AnyFile(fp, name) PyRun_AnyFileExFlags((fp), (name), 0, NULL)
#define PyRun_SimpleFile(fp, name) PyRun_SimpleFileExFlags((fp), (name), 0, NULL)
#define PyRun_File(fp, p, s, g, l) PyRun_FileExFlags((fp), (p), (s), (g), (l), 0, NULL)
#define Py_CompileString(str, p, s) Py_CompileStringExFlags((str), (p), (s), NULL, -1)
/* Run the source/file as __main__ with sys.argv already set (used by main.c). */
int _PyRun_SimpleFileObject(FILE *fp, PyObject *filename, int closeit, PyCompilerFlags *flags);
int _PyRun_AnyFileObject(FILE *fp, PyObject *filename, int closeit, PyCompilerFlags *flags);
int _PyRun_InteractiveLoopObject(FILE *fp, PyObject *filename, PyCompilerFlags *flags);
/* Read a whole file as a NUL-terminated buffer (malloc'd); NULL + OSError on failure. */
char *_Py_ReadFileContents(FILE *fp, size_t *len);

/* Set when the program ended with an uncaught KeyboardInterrupt. */
extern int _Py_UnhandledKeyboardInterrupt;

/* Printing the current exception (sys.excepthook / sys.last_*) */
void PyErr_Print(void);
void PyErr_PrintEx(int set_sys_last_vars);
void PyErr_Display(PyObject *exc_type, PyObject *value, PyObject *tb);
void _PyErr_Display(PyObject *file, PyObject *exc_type, PyObject *value, PyObject *tb);
/* "Did you mean" for NameError / AttributeError / ImportError (new ref or NULL). */
PyObject *_Py_Offer_Suggestions(PyObject *exception);
Py_ssize_t _Py_UTF8_Edit_Cost(PyObject *str_a, PyObject *str_b, Py_ssize_t max_cost);

/* Interactive input hooks (libedit). */
extern char *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *);
char *PyOS_Readline(FILE *, FILE *, const char *);
extern int (*PyOS_InputHook)(void);

#endif
