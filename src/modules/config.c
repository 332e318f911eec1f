/* config.c — the one table of built-in (C) modules, searched by import.c before the
 * path.  Each module's owner adds its line here: {"name", PyInit_name}.  builtins and
 * sys have no init function: pylifecycle.c creates them during start-up. */
#include "Python.h"

/* PyInit_* of the built-in modules (each defined in its module's file). */

struct _inittab _PyImport_Inittab[] = {
    {"builtins", NULL},
    {"sys", NULL},
    {NULL, NULL},
};
