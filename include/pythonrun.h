/* pythonrun.h — running files, strings and the REPL
 * (owner: runtime; placeholder until written) */
#ifndef PY_PYTHONRUN_H
#define PY_PYTHONRUN_H
#include "object.h"

#endif
