/* warnings.h — warnings
 * (owner: runtime; placeholder until written) */
#ifndef PY_WARNINGS_H
#define PY_WARNINGS_H
#include "object.h"

#endif
