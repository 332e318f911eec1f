/* unicodeobject.h — str (PEP 393 compact representation), the codecs Krait has built in,
 * _PyUnicodeWriter, the format-spec mini-language, and hashing (src/runtime/pyhash.c).
 * Owner: objects-num (src/objects/unicodeobject.c, unicodectype.c). */
#ifndef PY_UNICODEOBJECT_H
#define PY_UNICODEOBJECT_H
#include "object.h"
#include <stdarg.h>
#include <wchar.h>

/* ---- hashing (src/runtime/pyhash.c): siphash13 as CPython 3.11 ---- */
Py_hash_t _Py_HashBytes(const void *, Py_ssize_t);
Py_hash_t _Py_HashDouble(PyObject *inst, double v);
Py_hash_t _Py_HashPointer(const void *);
Py_hash_t _Py_HashPointerRaw(const void *);
int _Py_HashSecret_Init(void);   /* reads PYTHONHASHSEED; 0 = no randomisation */
extern int _Py_HashSecret_Initialized;
extern uint64_t _Py_HashSecret_k0, _Py_HashSecret_k1;

/* ---- the object ---- */
#define PyUnicode_WCHAR_KIND 0
#define PyUnicode_1BYTE_KIND 1
#define PyUnicode_2BYTE_KIND 2
#define PyUnicode_4BYTE_KIND 4
#define SSTATE_NOT_INTERNED 0
#define SSTATE_INTERNED_MORTAL 1
#define SSTATE_INTERNED_IMMORTAL 2

/* Code units live at `data`: right after the struct for exact str (one allocation),
 * in a separate block for instances of str subclasses.  utf8 caches PyUnicode_AsUTF8
 * (it aliases data for ASCII strings). */
typedef struct {
    PyObject_HEAD
    Py_ssize_t length;
    Py_hash_t hash;              /* -1 until computed */
    struct {
        unsigned int interned : 2;
        unsigned int kind : 3;
        unsigned int compact : 1; /* data is inline */
        unsigned int ascii : 1;
        unsigned int ready : 1;
    } state;
    Py_UCS4 maxchar_hint;        /* an upper bound of the chars, from PyUnicode_New */
    void *data;
    char *utf8;
    Py_ssize_t utf8_length;
} PyUnicodeObject;
typedef PyUnicodeObject PyASCIIObject;
typedef PyUnicodeObject PyCompactUnicodeObject;

extern PyTypeObject PyUnicode_Type;
extern PyTypeObject PyUnicodeIter_Type;
#define PyUnicode_Check(op) PyType_FastSubclass(Py_TYPE(op), Py_TPFLAGS_UNICODE_SUBCLASS)
#define PyUnicode_CheckExact(op) Py_IS_TYPE(op, &PyUnicode_Type)

#define _PyUnicode_CAST(op) ((PyUnicodeObject *)(op))
#define PyUnicode_GET_LENGTH(op) (_PyUnicode_CAST(op)->length)
#define PyUnicode_KIND(op) ((int)_PyUnicode_CAST(op)->state.kind)
#define PyUnicode_DATA(op) (_PyUnicode_CAST(op)->data)
#define PyUnicode_IS_ASCII(op) (_PyUnicode_CAST(op)->state.ascii)
#define PyUnicode_IS_COMPACT_ASCII(op) PyUnicode_IS_ASCII(op)
#define PyUnicode_IS_READY(op) 1
#define PyUnicode_READY(op) 0
#define PyUnicode_CHECK_INTERNED(op) (_PyUnicode_CAST(op)->state.interned)
#define PyUnicode_1BYTE_DATA(op) ((Py_UCS1 *)PyUnicode_DATA(op))
#define PyUnicode_2BYTE_DATA(op) ((Py_UCS2 *)PyUnicode_DATA(op))
#define PyUnicode_4BYTE_DATA(op) ((Py_UCS4 *)PyUnicode_DATA(op))
#define PyUnicode_GET_DATA_SIZE(op) (PyUnicode_GET_LENGTH(op) * PyUnicode_KIND(op))

static inline Py_UCS4 PyUnicode_READ(int kind, const void *data, Py_ssize_t index)
{
    if (kind == PyUnicode_1BYTE_KIND) return ((const Py_UCS1 *)data)[index];
    if (kind == PyUnicode_2BYTE_KIND) return ((const Py_UCS2 *)data)[index];
    return ((const Py_UCS4 *)data)[index];
}
static inline void PyUnicode_WRITE(int kind, void *data, Py_ssize_t index, Py_UCS4 value)
{
    if (kind == PyUnicode_1BYTE_KIND) ((Py_UCS1 *)data)[index] = (Py_UCS1)value;
    else if (kind == PyUnicode_2BYTE_KIND) ((Py_UCS2 *)data)[index] = (Py_UCS2)value;
    else ((Py_UCS4 *)data)[index] = value;
}
#define PyUnicode_READ_CHAR(op, i) PyUnicode_READ(PyUnicode_KIND(op), PyUnicode_DATA(op), (i))
static inline Py_UCS4 PyUnicode_MAX_CHAR_VALUE(PyObject *op)
{
    if (PyUnicode_IS_ASCII(op)) return 0x7f;
    if (PyUnicode_KIND(op) == PyUnicode_1BYTE_KIND) return 0xff;
    if (PyUnicode_KIND(op) == PyUnicode_2BYTE_KIND) return 0xffff;
    return 0x10ffff;
}
#define Py_UNICODE_REPLACEMENT_CHARACTER ((Py_UCS4)0xFFFD)
#define MAX_UNICODE 0x10ffff
#define Py_UNICODE_IS_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_IS_HIGH_SURROGATE(ch) (0xD800 <= (ch) && (ch) <= 0xDBFF)
#define Py_UNICODE_IS_LOW_SURROGATE(ch) (0xDC00 <= (ch) && (ch) <= 0xDFFF)
#define Py_UNICODE_JOIN_SURROGATES(high, low) \
    (((((Py_UCS4)(high) & 0x03FF) << 10) | ((Py_UCS4)(low) & 0x03FF)) + 0x10000)
#define Py_UNICODE_HIGH_SURROGATE(ch) (0xD800 - (0x10000 >> 10) + ((ch) >> 10))
#define Py_UNICODE_LOW_SURROGATE(ch) (0xDC00 + ((ch) & 0x3FF))

/* ---- creation ---- */
PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar);
PyObject *PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size);
PyObject *PyUnicode_FromStringAndSize(const char *u, Py_ssize_t size); /* utf-8 */
PyObject *PyUnicode_FromString(const char *u);
PyObject *PyUnicode_FromOrdinal(int ordinal);
PyObject *PyUnicode_FromObject(PyObject *);
PyObject *PyUnicode_FromEncodedObject(PyObject *obj, const char *encoding, const char *errors);
PyObject *PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size);
PyObject *PyUnicode_FromFormat(const char *format, ...);
PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs);
PyObject *PyUnicode_Substring(PyObject *str, Py_ssize_t start, Py_ssize_t end);
PyObject *_PyUnicode_FromASCII(const char *s, Py_ssize_t size);
PyObject *_PyUnicode_FromUCS1(const Py_UCS1 *s, Py_ssize_t size);
PyObject *_PyUnicode_FromUCS2(const Py_UCS2 *s, Py_ssize_t size);
PyObject *_PyUnicode_FromUCS4(const Py_UCS4 *s, Py_ssize_t size);
PyObject *_PyUnicode_Copy(PyObject *);
Py_ssize_t PyUnicode_GetLength(PyObject *);
Py_UCS4 PyUnicode_ReadChar(PyObject *, Py_ssize_t);
int PyUnicode_WriteChar(PyObject *, Py_ssize_t, Py_UCS4);
Py_ssize_t PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                                    Py_ssize_t from_start, Py_ssize_t how_many);
void _PyUnicode_FastCopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from,
                                   Py_ssize_t from_start, Py_ssize_t how_many);
Py_ssize_t PyUnicode_Fill(PyObject *, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char);
Py_UCS4 _PyUnicode_FindMaxChar(PyObject *, Py_ssize_t start, Py_ssize_t end);
Py_UCS4 *PyUnicode_AsUCS4Copy(PyObject *);
Py_UCS4 *PyUnicode_AsUCS4(PyObject *, Py_UCS4 *buffer, Py_ssize_t buflen, int copy_null);
/* The empty string and 1-char Latin-1 strings are cached. */
PyObject *_PyUnicode_GetEmpty(void);   /* borrowed */
#define _Py_STR_EMPTY _PyUnicode_GetEmpty()
PyObject *_PyUnicode_Latin1Char(Py_UCS4 ch);  /* new ref, ch < 256 */

/* ---- interning ---- */
void PyUnicode_InternInPlace(PyObject **);
void PyUnicode_InternImmortal(PyObject **);
PyObject *PyUnicode_InternFromString(const char *);
/* Static identifiers: `_Py_ID(name)` → interned "name" (borrowed, immortal). */
PyObject *_PyUnicode_FromId(const char *name);
#define _Py_ID(name) _PyUnicode_FromId(#name)
#define _Py_STR(name) _PyUnicode_FromId(#name)
typedef struct _Py_Identifier { const char *string; Py_ssize_t index; PyObject *obj; } _Py_Identifier;
#define _Py_static_string_init(value) { (value), -1, NULL }
#define _Py_static_string(varname, value) static _Py_Identifier varname = _Py_static_string_init(value)
#define _Py_IDENTIFIER(varname) _Py_static_string(PyId_##varname, #varname)
PyObject *_PyUnicode_FromIdentifier(_Py_Identifier *);   /* borrowed */

/* ---- UTF-8 access ---- */
const char *PyUnicode_AsUTF8(PyObject *);
const char *PyUnicode_AsUTF8AndSize(PyObject *, Py_ssize_t *size);
PyObject *PyUnicode_AsUTF8String(PyObject *);
PyObject *_PyUnicode_AsUTF8String(PyObject *, const char *errors);
wchar_t *PyUnicode_AsWideCharString(PyObject *, Py_ssize_t *size);
Py_ssize_t PyUnicode_AsWideChar(PyObject *, wchar_t *w, Py_ssize_t size);

/* ---- codecs built in (utf-8/16/32, latin-1, ascii, raw-unicode-escape, unicode-escape) ---- */
PyObject *PyUnicode_Decode(const char *s, Py_ssize_t size, const char *encoding, const char *errors);
PyObject *PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding, const char *errors);
PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors, Py_ssize_t *consumed);
PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors, int *byteorder);
PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors, int *byteorder);
PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors);
PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors);
/* The parser's decoder for string literals: sets *first_invalid_escape to the first
 * unknown escape (for the DeprecationWarning) instead of failing. */
PyObject *_PyUnicode_DecodeUnicodeEscapeInternal(const char *s, Py_ssize_t size,
        const char *errors, Py_ssize_t *consumed, const char **first_invalid_escape);
PyObject *PyUnicode_AsASCIIString(PyObject *);
PyObject *PyUnicode_AsLatin1String(PyObject *);
PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *);
PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *);
PyObject *_PyUnicode_EncodeUTF16(PyObject *, const char *errors, int byteorder);
PyObject *_PyUnicode_EncodeUTF32(PyObject *, const char *errors, int byteorder);
PyObject *PyUnicode_DecodeFSDefault(const char *s);
PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size);
PyObject *PyUnicode_EncodeFSDefault(PyObject *);
PyObject *PyUnicode_DecodeLocale(const char *str, const char *errors);
PyObject *PyUnicode_EncodeLocale(PyObject *unicode, const char *errors);
int PyUnicode_FSConverter(PyObject *, void *);
int PyUnicode_FSDecoder(PyObject *, void *);
/* Normalised codec name ("utf_8" → "utf-8"), or NULL if not built in. */
const char *_PyUnicode_NormalizeEncodingName(const char *encoding, char *buf, size_t bufsize);

/* ---- operations ---- */
PyObject *PyUnicode_Concat(PyObject *left, PyObject *right);
void PyUnicode_Append(PyObject **pleft, PyObject *right);
void PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right);
PyObject *PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyObject *PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyObject *PyUnicode_Splitlines(PyObject *s, int keepends);
PyObject *PyUnicode_Partition(PyObject *s, PyObject *sep);
PyObject *PyUnicode_RPartition(PyObject *s, PyObject *sep);
PyObject *PyUnicode_Join(PyObject *separator, PyObject *seq);
PyObject *_PyUnicode_JoinArray(PyObject *separator, PyObject *const *items, Py_ssize_t seqlen);
PyObject *PyUnicode_Replace(PyObject *str, PyObject *substr, PyObject *replstr, Py_ssize_t maxcount);
PyObject *PyUnicode_Translate(PyObject *str, PyObject *table, const char *errors);
Py_ssize_t PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction);
Py_ssize_t PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction);
Py_ssize_t PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction);
Py_ssize_t PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end);
int PyUnicode_Compare(PyObject *left, PyObject *right);
int PyUnicode_CompareWithASCIIString(PyObject *left, const char *right);
int _PyUnicode_EqualToASCIIString(PyObject *left, const char *right);
int _PyUnicode_EqualToASCIIId(PyObject *left, _Py_Identifier *right);
int _PyUnicode_EQ(PyObject *, PyObject *);
int _PyUnicode_Equal(PyObject *, PyObject *);
PyObject *PyUnicode_RichCompare(PyObject *left, PyObject *right, int op);
PyObject *PyUnicode_Format(PyObject *format, PyObject *args);
int PyUnicode_Contains(PyObject *container, PyObject *element);
int PyUnicode_IsIdentifier(PyObject *s);
PyObject *_PyUnicode_XStrip(PyObject *self, int striptype, PyObject *sepobj);
PyObject *_PyUnicode_Repr(PyObject *);           /* repr(str) */
Py_ssize_t _PyUnicode_ScanIdentifier(PyObject *);
/* NFKC normalisation (the parser normalises non-ASCII identifiers with it). */
PyObject *_PyUnicode_NFKC(PyObject *);
PyObject *_PyUnicode_Normalize(const char *form, PyObject *);   /* "NFC","NFD","NFKC","NFKD" */
/* Character names (\N{...}, unicodedata.name/lookup): 1 = found. */
int _PyUnicode_LookupName(const char *name, int namelen, Py_UCS4 *code);
int _PyUnicode_GetName(Py_UCS4 code, char *buf, int buflen);
/* Named sequences (unicodedata.lookup only): code points stored into seq, or 0. */
int _PyUnicode_LookupNamedSequence(const char *name, int namelen, Py_UCS4 *seq, int seqlen);

/* ---- _PyUnicodeWriter: building strings (CPython's API) ---- */
typedef struct {
    PyObject *buffer;       /* the str being built (header filled in by Finish) */
    void *data;
    int kind;
    Py_UCS4 maxchar;        /* largest char written so far */
    Py_ssize_t size;        /* allocated code units */
    Py_ssize_t pos;         /* code units written */
    Py_ssize_t min_length;  /* preallocation hint */
    Py_UCS4 min_char;
    unsigned char overallocate;
    unsigned char readonly;
} _PyUnicodeWriter;
void _PyUnicodeWriter_Init(_PyUnicodeWriter *);
/* Make room for `length` more code units up to maxchar; data/kind may change. */
int _PyUnicodeWriter_Prepare(_PyUnicodeWriter *, Py_ssize_t length, Py_UCS4 maxchar);
int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *, Py_UCS4 ch);
int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *, PyObject *str);
int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *, PyObject *str, Py_ssize_t start, Py_ssize_t end);
int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *, const char *str, Py_ssize_t len);
int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *, const char *str, Py_ssize_t len);
int _PyUnicodeWriter_WriteUTF8(_PyUnicodeWriter *, const char *str, Py_ssize_t len);
PyObject *_PyUnicodeWriter_Finish(_PyUnicodeWriter *);
void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *);

/* ---- the format-spec mini-language (shared by str, int, float, complex) ---- */
typedef struct {
    Py_UCS4 fill_char;
    Py_UCS4 align;          /* '<' '>' '=' '^' or 0 */
    int alternate;
    int no_neg_0;           /* 'z' */
    Py_UCS4 sign;           /* '+' '-' ' ' or 0 */
    Py_ssize_t width;       /* -1 if none */
    Py_UCS4 thousands_separators; /* ',' '_' or 0 */
    Py_ssize_t precision;   /* -1 if none */
    Py_UCS4 type;
} _PyFormatSpec;
/* Parse spec[start:end] for obj (named in errors); default_type / default_align as
 * CPython's. 0 ok, -1 error. */
int _PyUnicode_ParseFormatSpec(PyObject *obj, PyObject *format_spec, Py_ssize_t start, Py_ssize_t end,
                               _PyFormatSpec *format, char default_type, char default_align);
int _PyUnicode_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj,
                                    PyObject *format_spec, Py_ssize_t start, Py_ssize_t end);
int _PyLong_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj,
                                 PyObject *format_spec, Py_ssize_t start, Py_ssize_t end);
int _PyFloat_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj,
                                  PyObject *format_spec, Py_ssize_t start, Py_ssize_t end);
int _PyComplex_FormatAdvancedWriter(_PyUnicodeWriter *writer, PyObject *obj,
                                    PyObject *format_spec, Py_ssize_t start, Py_ssize_t end);
/* Write a number's digits (ASCII) applying sign/width/fill/align/grouping of `spec`. */
int _PyUnicode_FormatNumber(_PyUnicodeWriter *writer, const _PyFormatSpec *spec,
                            int negative, const char *prefix, const char *digits,
                            Py_ssize_t ndigits, const char *suffix, int group_digits);

/* ---- character properties (src/objects/unicodectype.c, Unicode 14.0.0) ---- */
int _PyUnicode_IsLowercase(Py_UCS4);
int _PyUnicode_IsUppercase(Py_UCS4);
int _PyUnicode_IsTitlecase(Py_UCS4);
int _PyUnicode_IsCased(Py_UCS4);
int _PyUnicode_IsCaseIgnorable(Py_UCS4);
int _PyUnicode_IsXidStart(Py_UCS4);
int _PyUnicode_IsXidContinue(Py_UCS4);
int _PyUnicode_IsWhitespace(Py_UCS4);
int _PyUnicode_IsLinebreak(Py_UCS4);
int _PyUnicode_IsDecimalDigit(Py_UCS4);
int _PyUnicode_IsDigit(Py_UCS4);
int _PyUnicode_IsNumeric(Py_UCS4);
int _PyUnicode_IsPrintable(Py_UCS4);
int _PyUnicode_IsAlpha(Py_UCS4);
int _PyUnicode_ToDecimalDigit(Py_UCS4);   /* -1 if not decimal */
int _PyUnicode_ToDigit(Py_UCS4);
double _PyUnicode_ToNumeric(Py_UCS4);     /* -1.0 if not numeric */
Py_UCS4 _PyUnicode_ToLowercase(Py_UCS4);
Py_UCS4 _PyUnicode_ToUppercase(Py_UCS4);
Py_UCS4 _PyUnicode_ToTitlecase(Py_UCS4);
/* Full case mappings: write up to 3 chars to res, return how many. */
int _PyUnicode_ToLowerFull(Py_UCS4 ch, Py_UCS4 *res);
int _PyUnicode_ToUpperFull(Py_UCS4 ch, Py_UCS4 *res);
int _PyUnicode_ToTitleFull(Py_UCS4 ch, Py_UCS4 *res);
int _PyUnicode_ToFoldedFull(Py_UCS4 ch, Py_UCS4 *res);
/* Unicode database queries for a future unicodedata module. */
const char *_PyUnicode_CategoryName(Py_UCS4);   /* "Lu", "Nd", ... */
int _PyUnicode_Decomposition(Py_UCS4 ch, Py_UCS4 *res, int *compat);   /* count, 0 = none */
int _PyUnicode_CombiningClass(Py_UCS4);
#define Py_UNICODE_ISSPACE(ch) ((ch) < 128U ? _Py_ascii_whitespace[(ch)] : _PyUnicode_IsWhitespace(ch))
#define Py_UNICODE_ISLOWER(ch) _PyUnicode_IsLowercase(ch)
#define Py_UNICODE_ISUPPER(ch) _PyUnicode_IsUppercase(ch)
#define Py_UNICODE_ISTITLE(ch) _PyUnicode_IsTitlecase(ch)
#define Py_UNICODE_ISLINEBREAK(ch) _PyUnicode_IsLinebreak(ch)
#define Py_UNICODE_TOLOWER(ch) _PyUnicode_ToLowercase(ch)
#define Py_UNICODE_TOUPPER(ch) _PyUnicode_ToUppercase(ch)
#define Py_UNICODE_TOTITLE(ch) _PyUnicode_ToTitlecase(ch)
#define Py_UNICODE_ISDECIMAL(ch) _PyUnicode_IsDecimalDigit(ch)
#define Py_UNICODE_ISDIGIT(ch) _PyUnicode_IsDigit(ch)
#define Py_UNICODE_ISNUMERIC(ch) _PyUnicode_IsNumeric(ch)
#define Py_UNICODE_ISPRINTABLE(ch) _PyUnicode_IsPrintable(ch)
#define Py_UNICODE_TODECIMAL(ch) _PyUnicode_ToDecimalDigit(ch)
#define Py_UNICODE_TODIGIT(ch) _PyUnicode_ToDigit(ch)
#define Py_UNICODE_TONUMERIC(ch) _PyUnicode_ToNumeric(ch)
#define Py_UNICODE_ISALPHA(ch) _PyUnicode_IsAlpha(ch)
#define Py_UNICODE_ISALNUM(ch) (Py_UNICODE_ISALPHA(ch) || Py_UNICODE_ISDECIMAL(ch) || \
                                Py_UNICODE_ISDIGIT(ch) || Py_UNICODE_ISNUMERIC(ch))
extern const unsigned char _Py_ascii_whitespace[128];

int _PyUnicode_Init(void);
void _PyUnicode_Fini(void);

#endif
