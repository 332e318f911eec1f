/* sysmodule.h — the sys module (src/modules/sysmodule.c) and the standard-stream file
 * type used until _io exists, plus struct sequences (src/runtime/structseq.c).
 * Owner: runtime. */
#ifndef PY_SYSMODULE_H
#define PY_SYSMODULE_H
#include "object.h"
#include "structseq.h"

PyObject *PySys_GetObject(const char *name);          /* borrowed, no exception */
int PySys_SetObject(const char *name, PyObject *v);    /* v NULL deletes */
PyObject *_PySys_GetAttr(PyThreadState *tstate, PyObject *name); /* borrowed */
void PySys_SetArgv(int argc, wchar_t **argv);
void PySys_WriteStdout(const char *format, ...);
void PySys_WriteStderr(const char *format, ...);
void PySys_FormatStdout(const char *format, ...);
void PySys_FormatStderr(const char *format, ...);
void PySys_AddWarnOption(const wchar_t *s);
void PySys_ResetWarnOptions(void);
int PySys_HasWarnOptions(void);
PyObject *PySys_GetXOptions(void);
int PySys_Audit(const char *event, const char *argFormat, ...);
int PySys_AddAuditHook(int (*hook)(const char *, PyObject *, void *), void *userData);
size_t _PySys_GetSizeOf(PyObject *);

/* The C stream type behind sys.stdin/stdout/stderr (until _io.TextIOWrapper).
 * `fd` is the OS file descriptor; text is utf-8. */
extern PyTypeObject _PyStdPrinter_Type;
PyObject *_PyStdStream_New(int fd, const char *name, const char *mode,
                           const char *errors, int line_buffering, int write_through);
#define PyStdStream_Check(op) Py_IS_TYPE(op, &_PyStdPrinter_Type)

/* Flush sys.stdout and sys.stderr; -1 if stdout could not be flushed. */
int _PySys_FlushStdFiles(void);

#endif
