/* fileutils.h — file and stream helpers
 * (owner: runtime; placeholder until written) */
#ifndef PY_FILEUTILS_H
#define PY_FILEUTILS_H
#include "object.h"

#endif
