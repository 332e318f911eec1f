/* ceval.h — the evaluation loop's public API
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_CEVAL_H
#define PY_CEVAL_H
#include "object.h"

#endif
