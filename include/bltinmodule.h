/* bltinmodule.h — the builtins module
 * (owner: runtime; placeholder until written) */
#ifndef PY_BLTINMODULE_H
#define PY_BLTINMODULE_H
#include "object.h"

#endif
