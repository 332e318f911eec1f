/* sysmodule.h — the sys module
 * (owner: runtime; placeholder until written) */
#ifndef PY_SYSMODULE_H
#define PY_SYSMODULE_H
#include "object.h"

#endif
