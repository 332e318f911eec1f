/* token.h — token numbers
 * (owner: parser; placeholder until written) */
#ifndef PY_TOKEN_H
#define PY_TOKEN_H
#include "object.h"

#endif
