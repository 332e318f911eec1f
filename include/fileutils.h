/* fileutils.h — file and stream helpers: writing objects to Python file objects
 * (PyFile_*), opening files by object name, universal-newline line reading.
 * Implementation: src/runtime/fileutils.c.  Owner: runtime. */
#ifndef PY_FILEUTILS_H
#define PY_FILEUTILS_H
#include "object.h"
#include <stdio.h>

int PyFile_WriteObject(PyObject *obj, PyObject *file, int flags); /* flags: Py_PRINT_RAW */
int PyFile_WriteString(const char *s, PyObject *file);
PyObject *PyFile_GetLine(PyObject *f, int n);
PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering,
                        const char *encoding, const char *errors, const char *newline,
                        int closefd);
int PyObject_AsFileDescriptor(PyObject *);
FILE *_Py_fopen_obj(PyObject *path, const char *mode);
char *Py_UniversalNewlineFgets(char *buf, int n, FILE *stream, PyObject *fobj);
/* Decode/encode with the filesystem encoding (utf-8, surrogateescape). */
wchar_t *Py_DecodeLocale(const char *arg, size_t *size);
char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos);
int _Py_isatty(int fd);
/* write() that retries on EINTR; -1 with errno on failure. */
Py_ssize_t _Py_write_noraise(int fd, const void *buf, size_t count);
Py_ssize_t _Py_read(int fd, void *buf, size_t count);  /* raises OSError */
Py_ssize_t _Py_write(int fd, const void *buf, size_t count); /* raises OSError */
int _Py_fstat_noraise(int fd, void *statbuf);
/* Absolute path (no symlink resolution), malloc'd. */
char *_Py_abspath(const char *path);

#endif
