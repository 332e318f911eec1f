/* import.h — the import system
 * (owner: runtime; placeholder until written) */
#ifndef PY_IMPORT_H
#define PY_IMPORT_H
#include "object.h"

#endif
