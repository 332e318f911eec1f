/* traceback.h — traceback objects (tb_next/tb_frame/tb_lasti/tb_lineno), building them
 * while an exception unwinds (PyTraceBack_Here), printing them in the 3.11 format, and a
 * small source line cache.  Implementation: src/runtime/traceback.c.  Owner: runtime. */
#ifndef PY_TRACEBACK_H
#define PY_TRACEBACK_H
#include "object.h"

struct _frame;

typedef struct _traceback {
    PyObject_HEAD
    struct _traceback *tb_next;
    struct _frame *tb_frame;
    int tb_lasti;   /* byte offset of the failing instruction */
    int tb_lineno;  /* -1 until computed */
} PyTracebackObject;

extern PyTypeObject PyTraceBack_Type;
#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)

int PyTraceBack_Here(struct _frame *frame);
int PyTraceBack_Print(PyObject *tb, PyObject *file);
PyObject *_PyTraceBack_FromFrame(PyObject *tb_next, struct _frame *frame);
/* Print `  File "x.py", line N, in name` (+ source line) to file. */
int _Py_DisplaySourceLine(PyObject *file, PyObject *filename, int lineno, int indent,
                          int *truncation, PyObject **line);
/* Line `lineno` (1-based) of the file, without its newline and leading/trailing
 * whitespace untouched; new ref, or NULL without exception when unavailable. */
PyObject *_PyTraceback_GetSourceLine(PyObject *filename, int lineno);
/* Register source text for a pseudo-file name ("<stdin>", "<string>") so tracebacks of
 * interactive code can show it. */
void _PyTraceback_AddSource(PyObject *filename, const char *text);
/* Adds a traceback entry "funcname" in filename at lineno (C code) to the current exception. */
void _PyTraceback_Add(const char *funcname, const char *filename, int lineno);
void _PyTraceback_ClearCache(void);
int _PyTraceBack_Init(void);
/* Traceback with an indent and margin on every line (exception groups' "| " boxes). */
int _PyTraceBack_Print_Indented(PyObject *tb, int indent, const char *margin,
                                const char *header_margin, const char *header, PyObject *f);
int _Py_WriteIndentedMargin(int indent, const char *margin, PyObject *f);

#define PyTraceBack_LIMIT 1000
#define _TRACEBACK_SOURCE_LINE_INDENT 4

#endif
