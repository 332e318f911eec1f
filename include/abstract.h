/* abstract.h — abstract object layer: number/sequence/mapping/iterator/call protocols
 * (owner: objects-core; placeholder until written) */
#ifndef PY_ABSTRACT_H
#define PY_ABSTRACT_H
#include "object.h"

#endif
