/* parser.h — tokenizer/parser entry points
 * (owner: parser; placeholder until written) */
#ifndef PY_PARSER_H
#define PY_PARSER_H
#include "object.h"

#endif
