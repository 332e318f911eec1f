/* Python.h — the one header every Krait C file includes: the whole C API.
 * Order matters only for the base headers; each type header includes what it needs. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#define KRAIT_VERSION "0.1.0"
#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 11
#define PY_MICRO_VERSION 2
#define PY_VERSION "3.11.2"
#define PY_VERSION_HEX 0x030B02F0

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <stdarg.h>
#include <assert.h>
#include <math.h>
#include <wchar.h>

#include "pyport.h"
#include "object.h"
#include "objimpl.h"
#include "pystate.h"
#include "pyerrors.h"
#include "methodobject.h"
#include "descrobject.h"
#include "abstract.h"
#include "boolobject.h"
#include "longobject.h"
#include "floatobject.h"
#include "complexobject.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "bytearrayobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "setobject.h"
#include "rangeobject.h"
#include "sliceobject.h"
#include "iterobject.h"
#include "weakrefobject.h"
#include "genericaliasobject.h"
#include "namespaceobject.h"
#include "memoryobject.h"
#include "codecs.h"
#include "moduleobject.h"
#include "cellobject.h"
#include "code.h"
#include "funcobject.h"
#include "frameobject.h"
#include "genobject.h"
#include "context.h"
#include "ceval.h"
#include "pythread.h"
#include "ceval_gil.h"
#include "modsupport.h"
#include "import.h"
#include "structseq.h"
#include "sysmodule.h"
#include "bltinmodule.h"
#include "traceback.h"
#include "warnings.h"
#include "fileutils.h"
#include "pylifecycle.h"
#include "pythonrun.h"

#endif /* Py_PYTHON_H */
