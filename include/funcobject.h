/* funcobject.h — function objects, classmethod, staticmethod
 * (owner: compiler-vm; placeholder until written) */
#ifndef PY_FUNCOBJECT_H
#define PY_FUNCOBJECT_H
#include "object.h"

#endif
