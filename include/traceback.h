/* traceback.h — traceback objects and printing
 * (owner: runtime; placeholder until written) */
#ifndef PY_TRACEBACK_H
#define PY_TRACEBACK_H
#include "object.h"

#endif
