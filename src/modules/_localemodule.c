/* _localemodule.c — the `_locale` module behind locale.py, on the C library's locale:
 * setlocale, localeconv, nl_langinfo and its constants, strcoll/strxfrm (wide-character
 * collation), getencoding, the LC_* categories, locale.Error and the gettext family.
 * Owner: modnew. */
#include "Python.h"

#define PyDoc_STR(str) str   /* docstrings are always compiled in */

#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>

static PyObject *Locale_Error;   /* locale.Error */

/* A C string from the locale as str (CPython decodes with the locale's encoding). */
static PyObject *decode(const char *s)
{
    return PyUnicode_DecodeLocale(s, NULL);
}

/* A str argument with no NUL inside, as a UTF-8 C string owned by the object. */
static const char *str_arg(PyObject *obj, const char *fname, const char *argdesc)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() %s must be str, not %.50s", fname, argdesc,
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(obj, &len);
    if (s != NULL && (size_t)len != strlen(s)) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

static int int_arg(PyObject *obj, int *out)
{
    long v = PyLong_AsLong(obj);   /* __index__ with CPython's TypeError */
    if (v == -1 && PyErr_Occurred())
        return -1;
    if (v < INT_MIN || v > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* ------------------------------------------------------------ setlocale */

static PyObject *locale_setlocale(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("setlocale", nargs, 1, 2))
        return NULL;
    int category;
    if (int_arg(args[0], &category) < 0)
        return NULL;
    if (nargs < 2 || args[1] == Py_None) {
        const char *cur = setlocale(category, NULL);
        if (cur == NULL) {
            PyErr_SetString(Locale_Error, "locale query failed");
            return NULL;
        }
        return decode(cur);
    }
    if (!PyUnicode_Check(args[1])) {
        PyErr_Format(PyExc_TypeError, "setlocale() argument 2 must be str or None, not %.50s",
                     Py_TYPE(args[1])->tp_name);
        return NULL;
    }
    const char *name = str_arg(args[1], "setlocale", "argument 2");
    if (name == NULL)
        return NULL;
    const char *res = setlocale(category, name);
    if (res == NULL) {
        PyErr_SetString(Locale_Error, "unsupported locale setting");
        return NULL;
    }
    return decode(res);
}

/* ------------------------------------------------------------ localeconv */

/* A grouping string as CPython's list: the sizes up to and including the terminating
 * 0 or CHAR_MAX; an empty string gives []. */
static PyObject *grouping_list(const char *s)
{
    if (s[0] == '\0')
        return PyList_New(0);
    Py_ssize_t n = 0;
    while (s[n] != '\0' && s[n] != CHAR_MAX)
        n++;
    n++;   /* the terminator is part of the list */
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromLong(s[i]);
        if (v == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, i, v);
    }
    return list;
}

static int set_item(PyObject *d, const char *key, PyObject *v)
{
    if (v == NULL)
        return -1;
    int r = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return r;
}

static PyObject *locale_localeconv(PyObject *module, PyObject *unused)
{
    PyObject *d = PyDict_New();
    if (d == NULL)
        return NULL;
    struct lconv *lc = localeconv();
    /* CPython's key order: monetary first, then numeric */
    if (set_item(d, "int_curr_symbol", decode(lc->int_curr_symbol)) < 0 ||
        set_item(d, "currency_symbol", decode(lc->currency_symbol)) < 0 ||
        set_item(d, "mon_decimal_point", decode(lc->mon_decimal_point)) < 0 ||
        set_item(d, "mon_thousands_sep", decode(lc->mon_thousands_sep)) < 0 ||
        set_item(d, "mon_grouping", grouping_list(lc->mon_grouping)) < 0 ||
        set_item(d, "positive_sign", decode(lc->positive_sign)) < 0 ||
        set_item(d, "negative_sign", decode(lc->negative_sign)) < 0 ||
        set_item(d, "int_frac_digits", PyLong_FromLong(lc->int_frac_digits)) < 0 ||
        set_item(d, "frac_digits", PyLong_FromLong(lc->frac_digits)) < 0 ||
        set_item(d, "p_cs_precedes", PyLong_FromLong(lc->p_cs_precedes)) < 0 ||
        set_item(d, "p_sep_by_space", PyLong_FromLong(lc->p_sep_by_space)) < 0 ||
        set_item(d, "n_cs_precedes", PyLong_FromLong(lc->n_cs_precedes)) < 0 ||
        set_item(d, "n_sep_by_space", PyLong_FromLong(lc->n_sep_by_space)) < 0 ||
        set_item(d, "p_sign_posn", PyLong_FromLong(lc->p_sign_posn)) < 0 ||
        set_item(d, "n_sign_posn", PyLong_FromLong(lc->n_sign_posn)) < 0 ||
        set_item(d, "decimal_point", decode(lc->decimal_point)) < 0 ||
        set_item(d, "thousands_sep", decode(lc->thousands_sep)) < 0 ||
        set_item(d, "grouping", grouping_list(lc->grouping)) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* ------------------------------------------------------------ collation */

/* A str as a NUL-terminated wide string (NUL inside is an error), PyMem-allocated. */
static wchar_t *wide_arg(PyObject *obj, const char *fname, const char *argdesc)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() %s must be str, not %.50s", fname, argdesc,
                     Py_TYPE(obj)->tp_name);
        return NULL;
    }
    Py_ssize_t len;
    wchar_t *w = PyUnicode_AsWideCharString(obj, &len);
    if (w != NULL && (size_t)len != wcslen(w)) {
        PyMem_Free(w);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return w;
}

static PyObject *locale_strcoll(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("strcoll", nargs, 2, 2))
        return NULL;
    wchar_t *a = wide_arg(args[0], "strcoll", "argument 1");
    if (a == NULL)
        return NULL;
    wchar_t *b = wide_arg(args[1], "strcoll", "argument 2");
    if (b == NULL) {
        PyMem_Free(a);
        return NULL;
    }
    PyObject *r = PyLong_FromLong(wcscoll(a, b));
    PyMem_Free(a);
    PyMem_Free(b);
    return r;
}

static PyObject *locale_strxfrm(PyObject *module, PyObject *arg)
{
    wchar_t *s = wide_arg(arg, "strxfrm", "argument");
    if (s == NULL)
        return NULL;
    size_t n = wcsxfrm(NULL, s, 0) + 1;   /* the size needed, then transform once */
    wchar_t *buf = PyMem_New(wchar_t, n);
    if (buf == NULL) {
        PyMem_Free(s);
        return PyErr_NoMemory();
    }
    errno = 0;
    size_t got = wcsxfrm(buf, s, n);
    PyObject *r = NULL;
    if (errno != 0)
        PyErr_SetFromErrno(PyExc_OSError);
    else
        r = PyUnicode_FromWideChar(buf, (Py_ssize_t)(got < n ? got : n - 1));
    PyMem_Free(buf);
    PyMem_Free(s);
    return r;
}

/* ------------------------------------------------------------ nl_langinfo */

#define LANGINFO(x) {#x, x}
static const struct { const char *name; int value; } langinfo_constants[] = {
    LANGINFO(RADIXCHAR), LANGINFO(THOUSEP), LANGINFO(CRNCYSTR), LANGINFO(CODESET),
    LANGINFO(D_T_FMT), LANGINFO(D_FMT), LANGINFO(T_FMT), LANGINFO(T_FMT_AMPM),
    LANGINFO(AM_STR), LANGINFO(PM_STR),
    LANGINFO(DAY_1), LANGINFO(DAY_2), LANGINFO(DAY_3), LANGINFO(DAY_4), LANGINFO(DAY_5),
    LANGINFO(DAY_6), LANGINFO(DAY_7),
    LANGINFO(ABDAY_1), LANGINFO(ABDAY_2), LANGINFO(ABDAY_3), LANGINFO(ABDAY_4),
    LANGINFO(ABDAY_5), LANGINFO(ABDAY_6), LANGINFO(ABDAY_7),
    LANGINFO(MON_1), LANGINFO(MON_2), LANGINFO(MON_3), LANGINFO(MON_4), LANGINFO(MON_5),
    LANGINFO(MON_6), LANGINFO(MON_7), LANGINFO(MON_8), LANGINFO(MON_9), LANGINFO(MON_10),
    LANGINFO(MON_11), LANGINFO(MON_12),
    LANGINFO(ABMON_1), LANGINFO(ABMON_2), LANGINFO(ABMON_3), LANGINFO(ABMON_4),
    LANGINFO(ABMON_5), LANGINFO(ABMON_6), LANGINFO(ABMON_7), LANGINFO(ABMON_8),
    LANGINFO(ABMON_9), LANGINFO(ABMON_10), LANGINFO(ABMON_11), LANGINFO(ABMON_12),
    LANGINFO(ERA), LANGINFO(ERA_D_FMT), LANGINFO(ERA_D_T_FMT), LANGINFO(ERA_T_FMT),
    LANGINFO(ALT_DIGITS), LANGINFO(YESEXPR), LANGINFO(NOEXPR), LANGINFO(_DATE_FMT),
};
#define N_LANGINFO (sizeof langinfo_constants / sizeof langinfo_constants[0])

static PyObject *locale_nl_langinfo(PyObject *module, PyObject *arg)
{
    int item;
    if (int_arg(arg, &item) < 0)
        return NULL;
    for (size_t i = 0; i < N_LANGINFO; i++) {
        if (langinfo_constants[i].value == item) {
            const char *r = nl_langinfo((nl_item)item);
            return decode(r != NULL ? r : "");
        }
    }
    PyErr_SetString(PyExc_ValueError, "unsupported langinfo constant");
    return NULL;
}

static PyObject *locale_getencoding(PyObject *module, PyObject *unused)
{
    const char *codeset = nl_langinfo(CODESET);
    return PyUnicode_FromString(codeset != NULL && codeset[0] ? codeset : "UTF-8");
}

/* ------------------------------------------------------------ gettext family */

/* A str-or-None argument as a C string or NULL (*ok = 0 on error). */
static const char *opt_str(PyObject *obj, const char *fname, const char *argdesc, int *ok)
{
    *ok = 1;
    if (obj == Py_None)
        return NULL;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() %s must be str or None, not %.50s", fname, argdesc,
                     Py_TYPE(obj)->tp_name);
        *ok = 0;
        return NULL;
    }
    const char *s = str_arg(obj, fname, argdesc);
    *ok = s != NULL;
    return s;
}

static PyObject *locale_gettext(PyObject *module, PyObject *arg)
{
    const char *msg = str_arg(arg, "gettext", "argument");
    return msg == NULL ? NULL : decode(gettext(msg));
}

static PyObject *locale_dgettext(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    int ok;
    if (!_PyArg_CheckPositional("dgettext", nargs, 2, 2))
        return NULL;
    const char *domain = opt_str(args[0], "dgettext", "argument 1", &ok);
    if (!ok)
        return NULL;
    const char *msg = str_arg(args[1], "dgettext", "argument 2");
    return msg == NULL ? NULL : decode(dgettext(domain, msg));
}

static PyObject *locale_dcgettext(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    int ok, category;
    if (!_PyArg_CheckPositional("dcgettext", nargs, 3, 3))
        return NULL;
    const char *domain = opt_str(args[0], "dcgettext", "argument 1", &ok);
    if (!ok)
        return NULL;
    const char *msg = str_arg(args[1], "dcgettext", "argument 2");
    if (msg == NULL || int_arg(args[2], &category) < 0)
        return NULL;
    return decode(dcgettext(domain, msg, category));
}

static PyObject *locale_textdomain(PyObject *module, PyObject *arg)
{
    int ok;
    const char *domain = opt_str(arg, "textdomain", "argument", &ok);
    if (!ok)
        return NULL;
    const char *r = textdomain(domain);
    if (r == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    return decode(r);
}

static PyObject *locale_bindtextdomain(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    if (!_PyArg_CheckPositional("bindtextdomain", nargs, 2, 2))
        return NULL;
    const char *domain = str_arg(args[0], "bindtextdomain", "argument 1");
    if (domain == NULL)
        return NULL;
    if (domain[0] == '\0') {
        PyErr_SetString(Locale_Error, "domain must be a non-empty string");
        return NULL;
    }
    PyObject *dirbytes = NULL;
    const char *dir = NULL;
    if (args[1] != Py_None) {
        if (!PyUnicode_FSConverter(args[1], &dirbytes))
            return NULL;
        dir = PyBytes_AS_STRING(dirbytes);
    }
    const char *r = bindtextdomain(domain, dir);
    Py_XDECREF(dirbytes);
    if (r == NULL)
        return PyErr_SetFromErrno(PyExc_OSError);
    return decode(r);
}

static PyObject *locale_bind_textdomain_codeset(PyObject *module, PyObject *const *args,
                                                Py_ssize_t nargs)
{
    int ok;
    if (!_PyArg_CheckPositional("bind_textdomain_codeset", nargs, 2, 2))
        return NULL;
    const char *domain = str_arg(args[0], "bind_textdomain_codeset", "argument 1");
    if (domain == NULL)
        return NULL;
    const char *codeset = opt_str(args[1], "bind_textdomain_codeset", "argument 2", &ok);
    if (!ok)
        return NULL;
    errno = 0;
    const char *r = bind_textdomain_codeset(domain, codeset);
    if (r == NULL) {
        if (errno)
            return PyErr_SetFromErrno(PyExc_OSError);
        Py_RETURN_NONE;
    }
    return decode(r);
}

/* ------------------------------------------------------------ module */

#define FAST(f) (PyCFunction)(void (*)(void))(f), METH_FASTCALL
static PyMethodDef locale_methods[] = {
    {"setlocale", FAST(locale_setlocale),
     PyDoc_STR("setlocale($module, category, locale=<unrepresentable>, /)\n--\n\n"
               "Activates/queries locale processing.")},
    {"localeconv", locale_localeconv, METH_NOARGS,
     PyDoc_STR("localeconv($module, /)\n--\n\n"
               "Returns numeric and monetary locale-specific parameters.")},
    {"strcoll", FAST(locale_strcoll),
     PyDoc_STR("strcoll($module, os1, os2, /)\n--\n\n"
               "Compares two strings according to the locale.")},
    {"strxfrm", locale_strxfrm, METH_O,
     PyDoc_STR("strxfrm($module, string, /)\n--\n\n"
               "Return a string that can be used as a key for locale-aware comparisons.")},
    {"nl_langinfo", locale_nl_langinfo, METH_O,
     PyDoc_STR("nl_langinfo($module, key, /)\n--\n\n"
               "Return the value for the locale information associated with key.")},
    {"getencoding", locale_getencoding, METH_NOARGS,
     PyDoc_STR("getencoding($module, /)\n--\n\nGet the current locale encoding.")},
    {"gettext", locale_gettext, METH_O,
     PyDoc_STR("gettext($module, msg, /)\n--\n\n"
               "gettext(msg) -> string\n\nReturn translation of msg.")},
    {"dgettext", FAST(locale_dgettext),
     PyDoc_STR("dgettext($module, domain, msg, /)\n--\n\n"
               "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain.")},
    {"dcgettext", FAST(locale_dcgettext),
     PyDoc_STR("dcgettext($module, domain, msg, category, /)\n--\n\n"
               "Return translation of msg in domain and category.")},
    {"textdomain", locale_textdomain, METH_O,
     PyDoc_STR("textdomain($module, domain, /)\n--\n\n"
               "Set the C library's textdmain to domain, returning the new domain.")},
    {"bindtextdomain", FAST(locale_bindtextdomain),
     PyDoc_STR("bindtextdomain($module, domain, dir, /)\n--\n\n"
               "Bind the C library's domain to dir.")},
    {"bind_textdomain_codeset", FAST(locale_bind_textdomain_codeset),
     PyDoc_STR("bind_textdomain_codeset($module, domain, codeset, /)\n--\n\n"
               "Bind the C library's domain to codeset.")},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef localemodule = {
    PyModuleDef_HEAD_INIT, "_locale", "Support for POSIX locales.", -1, locale_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit__locale(void)
{
    PyObject *m = PyModule_Create(&localemodule);
    if (m == NULL)
        return NULL;
    /* CPython sets LC_CTYPE from the environment at start-up; Krait's start-up does not
     * (yet), so do it the first time the locale becomes observable. */
    static int ctype_set;
    if (!ctype_set) {
        setlocale(LC_CTYPE, "");
        ctype_set = 1;
    }
    static const struct { const char *name; int value; } cats[] = {
        {"LC_CTYPE", LC_CTYPE}, {"LC_TIME", LC_TIME}, {"LC_COLLATE", LC_COLLATE},
        {"LC_MONETARY", LC_MONETARY}, {"LC_MESSAGES", LC_MESSAGES},
        {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL}, {"CHAR_MAX", CHAR_MAX},
    };
    for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++)
        if (PyModule_AddIntConstant(m, cats[i].name, cats[i].value) < 0)
            goto fail;
    for (size_t i = 0; i < N_LANGINFO; i++)
        if (PyModule_AddIntConstant(m, langinfo_constants[i].name,
                                    langinfo_constants[i].value) < 0)
            goto fail;
    if (Locale_Error == NULL) {
        Locale_Error = PyErr_NewException("locale.Error", NULL, NULL);
        if (Locale_Error == NULL)
            goto fail;
    }
    Py_INCREF(Locale_Error);
    if (PyModule_AddObject(m, "Error", Locale_Error) < 0) {
        Py_DECREF(Locale_Error);
        goto fail;
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
