/* pyexpat.c — the `pyexpat` module on Debian's libexpat: ParserCreate, the xmlparser type
 * (every handler attribute, Parse/ParseFile, character-data buffering, ordered/specified
 * attributes, interning, error position attributes), ExpatError, ErrorString and the
 * `errors`/`model` submodules that xml.parsers.expat re-exports.  Owner: modules-xml.
 * ElementTree, minidom, sax and plistlib are the stdlib's pure Python on top of this.
 */
#include "Python.h"

#include <expat.h>
#include <limits.h>
#include <string.h>

#define CHARACTER_DATA_BUFFER_SIZE 8192
#define MAX_CHUNK_SIZE (1 << 20)
#define BUF_SIZE 2048

static PyObject *ErrorObject;   /* xml.parsers.expat.ExpatError */

/* Handler slots, in the order CPython lists them (and dir() shows them). */
enum HandlerTypes {
    StartElement, EndElement, ProcessingInstruction, CharacterData, UnparsedEntityDecl,
    NotationDecl, StartNamespaceDecl, EndNamespaceDecl, Comment, StartCdataSection,
    EndCdataSection, Default, DefaultHandlerExpand, NotStandalone, ExternalEntityRef,
    StartDoctypeDecl, EndDoctypeDecl, EntityDecl, XmlDecl, ElementDecl, AttlistDecl,
    SkippedEntity, NHANDLERS
};

static const char *const handler_names[NHANDLERS] = {
    "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
    "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
    "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler",
    "DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler",
    "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
};

typedef struct {
    PyObject_HEAD
    XML_Parser itself;
    int ordered_attributes;
    int specified_attributes;
    int in_callback;
    int ns_prefixes;
    XML_Char *buffer;          /* character data waiting for CharacterDataHandler, or NULL */
    int buffer_size;
    int buffer_used;
    PyObject *intern;          /* dict, or NULL: no interning */
    PyObject *handlers[NHANDLERS];
} xmlparseobject;

static PyTypeObject Xmlparsetype;

static void install_handler(xmlparseobject *self, int which, int on);

/* ------------------------------------------------------------ conversions */

static PyObject *conv_string_to_unicode(const XML_Char *str)
{
    if (str == NULL)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(str, strlen(str), "strict");
}

static PyObject *conv_string_len_to_unicode(const XML_Char *str, int len)
{
    if (str == NULL)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(str, len, "strict");
}

/* Names go through the intern dict so repeated tags share one str. */
static PyObject *string_intern(xmlparseobject *self, const char *str)
{
    PyObject *result = conv_string_to_unicode(str);
    if (result == NULL || self->intern == NULL)
        return result;
    PyObject *value = PyDict_GetItemWithError(self->intern, result);
    if (value == NULL) {
        if (PyErr_Occurred() || PyDict_SetItem(self->intern, result, result) < 0) {
            Py_DECREF(result);
            return NULL;
        }
        return result;
    }
    Py_INCREF(value);
    Py_DECREF(result);
    return value;
}

/* ------------------------------------------------------------ errors */

static int set_error_attr(PyObject *err, const char *name, int value)
{
    PyObject *v = PyLong_FromLong(value);
    if (v == NULL || PyObject_SetAttrString(err, name, v) < 0) {
        Py_XDECREF(v);
        return 0;
    }
    Py_DECREF(v);
    return 1;
}

static PyObject *set_error(xmlparseobject *self, enum XML_Error code)
{
    int lineno = (int)XML_GetErrorLineNumber(self->itself);
    int column = (int)XML_GetErrorColumnNumber(self->itself);
    PyObject *buffer = PyUnicode_FromFormat("%s: line %i, column %i", XML_ErrorString(code),
                                            lineno, column);
    if (buffer == NULL)
        return NULL;
    PyObject *err = PyObject_CallOneArg(ErrorObject, buffer);
    Py_DECREF(buffer);
    if (err != NULL && set_error_attr(err, "code", code) && set_error_attr(err, "offset", column)
        && set_error_attr(err, "lineno", lineno))
        PyErr_SetObject(ErrorObject, err);
    Py_XDECREF(err);
    return NULL;
}

static int error_external_entity_ref_handler(XML_Parser parser, const XML_Char *context,
                                             const XML_Char *base, const XML_Char *systemId,
                                             const XML_Char *publicId)
{
    return 0;
}

/* A handler raised: drop every handler so no more Python code runs during this parse;
 * Parse() then sees the pending exception and returns it. */
static void flag_error(xmlparseobject *self)
{
    for (int i = 0; i < NHANDLERS; i++) {
        Py_CLEAR(self->handlers[i]);
        install_handler(self, i, 0);
    }
    XML_SetExternalEntityRefHandler(self->itself, error_external_entity_ref_handler);
}

static PyObject *call_handler(xmlparseobject *self, int which, PyObject *args)
{
    if (args == NULL) {
        flag_error(self);
        return NULL;
    }
    PyObject *func = self->handlers[which];
    Py_INCREF(func);
    self->in_callback = 1;
    PyObject *res = PyObject_Call(func, args, NULL);
    self->in_callback = 0;
    Py_DECREF(func);
    Py_DECREF(args);
    if (res == NULL) {
        /* CPython's call_with_frame: an entry "StartElement" in pyexpat.c for the callback */
        char name[64];
        snprintf(name, sizeof name, "%s", handler_names[which]);
        size_t n = strlen(name);
        if (n > 7 && strcmp(name + n - 7, "Handler") == 0)
            name[n - 7] = '\0';
        _PyTraceback_Add(name, "pyexpat.c", __LINE__);
        flag_error(self);
    }
    return res;
}

#define have_handler(self, which) ((self)->handlers[which] != NULL)

/* ------------------------------------------------------------ character data */

static int call_character_handler(xmlparseobject *self, const XML_Char *buffer, int len)
{
    if (!have_handler(self, CharacterData))
        return -1;
    PyObject *s = conv_string_len_to_unicode(buffer, len);
    if (s == NULL) {
        flag_error(self);
        return -1;
    }
    PyObject *res = call_handler(self, CharacterData, PyTuple_Pack(1, s));
    Py_DECREF(s);
    if (res == NULL)
        return -1;
    Py_DECREF(res);
    return 0;
}

static int flush_character_buffer(xmlparseobject *self)
{
    if (self->buffer == NULL || self->buffer_used == 0)
        return 0;
    int rc = call_character_handler(self, self->buffer, self->buffer_used);
    self->buffer_used = 0;
    return rc;
}

static void my_CharacterDataHandler(void *userData, const XML_Char *data, int len)
{
    xmlparseobject *self = userData;
    if (PyErr_Occurred() || !have_handler(self, CharacterData))
        return;
    if (self->buffer == NULL) {
        call_character_handler(self, data, len);
        return;
    }
    if (self->buffer_used + len > self->buffer_size) {
        if (flush_character_buffer(self) < 0)
            return;
        if (!have_handler(self, CharacterData))   /* the handler may have removed itself */
            return;
    }
    if (len > self->buffer_size) {
        call_character_handler(self, data, len);
        self->buffer_used = 0;
    } else {
        memcpy(self->buffer + self->buffer_used, data, len * sizeof(XML_Char));
        self->buffer_used += len;
    }
}

/* ------------------------------------------------------------ the other callbacks */

/* Common prologue: is there a handler, no pending error, buffered text delivered first. */
static int prologue(xmlparseobject *self, int which)
{
    if (!have_handler(self, which) || PyErr_Occurred())
        return 0;
    return flush_character_buffer(self) >= 0;
}

/* Call the handler, discarding its result. */
static void call_void(xmlparseobject *self, int which, PyObject *args)
{
    PyObject *res = call_handler(self, which, args);
    Py_XDECREF(res);
}

static void my_StartElementHandler(void *userData, const XML_Char *name, const XML_Char **atts)
{
    xmlparseobject *self = userData;
    if (!prologue(self, StartElement))
        return;
    int max = 0;
    if (self->specified_attributes)
        max = XML_GetSpecifiedAttributeCount(self->itself);
    else
        while (atts[max] != NULL)
            max += 2;
    PyObject *container = self->ordered_attributes ? PyList_New(max) : PyDict_New();
    if (container == NULL) {
        flag_error(self);
        return;
    }
    for (int i = 0; i < max; i += 2) {
        PyObject *n = string_intern(self, atts[i]);
        PyObject *v = n ? conv_string_to_unicode(atts[i + 1]) : NULL;
        if (v == NULL) {
            Py_XDECREF(n);
            Py_DECREF(container);
            flag_error(self);
            return;
        }
        if (self->ordered_attributes) {
            PyList_SET_ITEM(container, i, n);
            PyList_SET_ITEM(container, i + 1, v);
        } else {
            int r = PyDict_SetItem(container, n, v);
            Py_DECREF(n);
            Py_DECREF(v);
            if (r < 0) {
                Py_DECREF(container);
                flag_error(self);
                return;
            }
        }
    }
    PyObject *nm = string_intern(self, name);
    if (nm == NULL) {
        Py_DECREF(container);
        flag_error(self);
        return;
    }
    call_void(self, StartElement, Py_BuildValue("(NN)", nm, container));
}

static void my_EndElementHandler(void *userData, const XML_Char *name)
{
    xmlparseobject *self = userData;
    if (prologue(self, EndElement))
        call_void(self, EndElement, Py_BuildValue("(N)", string_intern(self, name)));
}

static void my_ProcessingInstructionHandler(void *userData, const XML_Char *target,
                                            const XML_Char *data)
{
    xmlparseobject *self = userData;
    if (prologue(self, ProcessingInstruction))
        call_void(self, ProcessingInstruction,
                  Py_BuildValue("(NN)", string_intern(self, target), conv_string_to_unicode(data)));
}

static void my_UnparsedEntityDeclHandler(void *userData, const XML_Char *entityName,
                                         const XML_Char *base, const XML_Char *systemId,
                                         const XML_Char *publicId, const XML_Char *notationName)
{
    xmlparseobject *self = userData;
    if (prologue(self, UnparsedEntityDecl))
        call_void(self, UnparsedEntityDecl,
                  Py_BuildValue("(NNNNN)", string_intern(self, entityName), string_intern(self, base),
                                string_intern(self, systemId), string_intern(self, publicId),
                                string_intern(self, notationName)));
}

static void my_EntityDeclHandler(void *userData, const XML_Char *entityName,
                                 int is_parameter_entity, const XML_Char *value, int value_length,
                                 const XML_Char *base, const XML_Char *systemId,
                                 const XML_Char *publicId, const XML_Char *notationName)
{
    xmlparseobject *self = userData;
    if (prologue(self, EntityDecl))
        call_void(self, EntityDecl,
                  Py_BuildValue("(NiNNNNN)", string_intern(self, entityName), is_parameter_entity,
                                conv_string_len_to_unicode(value, value_length),
                                string_intern(self, base), string_intern(self, systemId),
                                string_intern(self, publicId), string_intern(self, notationName)));
}

static void my_XmlDeclHandler(void *userData, const XML_Char *version, const XML_Char *encoding,
                              int standalone)
{
    xmlparseobject *self = userData;
    if (prologue(self, XmlDecl))
        call_void(self, XmlDecl, Py_BuildValue("(NNi)", conv_string_to_unicode(version),
                                               conv_string_to_unicode(encoding), standalone));
}

/* An element content model as nested tuples (type, quant, name, children). */
static PyObject *conv_content_model(XML_Content *model)
{
    /* A content model can nest as deep as the document says: RecursionError, not a C stack
     * overflow (CPython gh-145986). */
    if (Py_EnterRecursiveCall(" while converting an XML content model"))
        return NULL;
    PyObject *result = NULL;
    PyObject *children = PyTuple_New(model->numchildren);
    if (children == NULL)
        goto done;
    for (unsigned int i = 0; i < model->numchildren; i++) {
        PyObject *child = conv_content_model(&model->children[i]);
        if (child == NULL) {
            Py_DECREF(children);
            goto done;
        }
        PyTuple_SET_ITEM(children, i, child);
    }
    PyObject *name = conv_string_to_unicode(model->name);
    if (name == NULL) {
        Py_DECREF(children);
        goto done;
    }
    result = Py_BuildValue("(iiNN)", model->type, model->quant, name, children);
done:
    Py_LeaveRecursiveCall();
    return result;
}

static void my_ElementDeclHandler(void *userData, const XML_Char *name, XML_Content *model)
{
    xmlparseobject *self = userData;
    if (prologue(self, ElementDecl)) {
        PyObject *nm = string_intern(self, name);
        PyObject *mo = nm ? conv_content_model(model) : NULL;
        if (mo == NULL) {
            Py_XDECREF(nm);
            flag_error(self);
        } else {
            call_void(self, ElementDecl, Py_BuildValue("(NN)", nm, mo));
        }
    }
    XML_FreeContentModel(self->itself, model);
}

static void my_AttlistDeclHandler(void *userData, const XML_Char *elname, const XML_Char *attname,
                                  const XML_Char *att_type, const XML_Char *dflt, int isrequired)
{
    xmlparseobject *self = userData;
    if (prologue(self, AttlistDecl))
        call_void(self, AttlistDecl,
                  Py_BuildValue("(NNNNi)", string_intern(self, elname), string_intern(self, attname),
                                conv_string_to_unicode(att_type), conv_string_to_unicode(dflt),
                                isrequired));
}

static void my_SkippedEntityHandler(void *userData, const XML_Char *entityName,
                                    int is_parameter_entity)
{
    xmlparseobject *self = userData;
    if (prologue(self, SkippedEntity))
        call_void(self, SkippedEntity,
                  Py_BuildValue("(Ni)", string_intern(self, entityName), is_parameter_entity));
}

static void my_NotationDeclHandler(void *userData, const XML_Char *notationName,
                                   const XML_Char *base, const XML_Char *systemId,
                                   const XML_Char *publicId)
{
    xmlparseobject *self = userData;
    if (prologue(self, NotationDecl))
        call_void(self, NotationDecl,
                  Py_BuildValue("(NNNN)", string_intern(self, notationName),
                                string_intern(self, base), string_intern(self, systemId),
                                string_intern(self, publicId)));
}

static void my_StartNamespaceDeclHandler(void *userData, const XML_Char *prefix,
                                         const XML_Char *uri)
{
    xmlparseobject *self = userData;
    if (prologue(self, StartNamespaceDecl))
        call_void(self, StartNamespaceDecl,
                  Py_BuildValue("(NN)", string_intern(self, prefix), string_intern(self, uri)));
}

static void my_EndNamespaceDeclHandler(void *userData, const XML_Char *prefix)
{
    xmlparseobject *self = userData;
    if (prologue(self, EndNamespaceDecl))
        call_void(self, EndNamespaceDecl, Py_BuildValue("(N)", string_intern(self, prefix)));
}

static void my_CommentHandler(void *userData, const XML_Char *data)
{
    xmlparseobject *self = userData;
    if (prologue(self, Comment))
        call_void(self, Comment, Py_BuildValue("(N)", conv_string_to_unicode(data)));
}

static void my_StartCdataSectionHandler(void *userData)
{
    xmlparseobject *self = userData;
    if (prologue(self, StartCdataSection))
        call_void(self, StartCdataSection, PyTuple_New(0));
}

static void my_EndCdataSectionHandler(void *userData)
{
    xmlparseobject *self = userData;
    if (prologue(self, EndCdataSection))
        call_void(self, EndCdataSection, PyTuple_New(0));
}

static void my_DefaultHandler(void *userData, const XML_Char *s, int len)
{
    xmlparseobject *self = userData;
    if (prologue(self, Default))
        call_void(self, Default, Py_BuildValue("(N)", conv_string_len_to_unicode(s, len)));
}

static void my_DefaultHandlerExpandHandler(void *userData, const XML_Char *s, int len)
{
    xmlparseobject *self = userData;
    if (prologue(self, DefaultHandlerExpand))
        call_void(self, DefaultHandlerExpand,
                  Py_BuildValue("(N)", conv_string_len_to_unicode(s, len)));
}

/* Call a handler that returns an int to expat (0 on error). */
static int call_int(xmlparseobject *self, int which, PyObject *args)
{
    PyObject *res = call_handler(self, which, args);
    if (res == NULL)
        return 0;
    long rc = PyLong_AsLong(res);
    Py_DECREF(res);
    if (rc == -1 && PyErr_Occurred()) {
        flag_error(self);
        return 0;
    }
    return (int)rc;
}

static int my_NotStandaloneHandler(void *userData)
{
    xmlparseobject *self = userData;
    if (!prologue(self, NotStandalone))
        return 0;
    return call_int(self, NotStandalone, PyTuple_New(0));
}

static int my_ExternalEntityRefHandler(XML_Parser parser, const XML_Char *context,
                                       const XML_Char *base, const XML_Char *systemId,
                                       const XML_Char *publicId)
{
    xmlparseobject *self = XML_GetUserData(parser);
    if (!prologue(self, ExternalEntityRef))
        return 0;
    return call_int(self, ExternalEntityRef,
                    Py_BuildValue("(NNNN)", string_intern(self, context), string_intern(self, base),
                                  string_intern(self, systemId), string_intern(self, publicId)));
}

static void my_StartDoctypeDeclHandler(void *userData, const XML_Char *doctypeName,
                                       const XML_Char *sysid, const XML_Char *pubid,
                                       int has_internal_subset)
{
    xmlparseobject *self = userData;
    if (prologue(self, StartDoctypeDecl))
        call_void(self, StartDoctypeDecl,
                  Py_BuildValue("(NNNi)", string_intern(self, doctypeName),
                                string_intern(self, sysid), string_intern(self, pubid),
                                has_internal_subset));
}

static void my_EndDoctypeDeclHandler(void *userData)
{
    xmlparseobject *self = userData;
    if (prologue(self, EndDoctypeDecl))
        call_void(self, EndDoctypeDecl, PyTuple_New(0));
}

/* Tell expat to call (on) or not call (off) our C callback for one handler slot. */
static void install_handler(xmlparseobject *self, int which, int on)
{
    XML_Parser p = self->itself;
    switch (which) {
    case StartElement: XML_SetStartElementHandler(p, on ? my_StartElementHandler : NULL); break;
    case EndElement: XML_SetEndElementHandler(p, on ? my_EndElementHandler : NULL); break;
    case ProcessingInstruction:
        XML_SetProcessingInstructionHandler(p, on ? my_ProcessingInstructionHandler : NULL);
        break;
    case CharacterData:
        /* Kept installed while a callback runs: expat may still be inside it. */
        XML_SetCharacterDataHandler(p, on || self->in_callback ? my_CharacterDataHandler : NULL);
        break;
    case UnparsedEntityDecl:
        XML_SetUnparsedEntityDeclHandler(p, on ? my_UnparsedEntityDeclHandler : NULL);
        break;
    case NotationDecl: XML_SetNotationDeclHandler(p, on ? my_NotationDeclHandler : NULL); break;
    case StartNamespaceDecl:
        XML_SetStartNamespaceDeclHandler(p, on ? my_StartNamespaceDeclHandler : NULL);
        break;
    case EndNamespaceDecl:
        XML_SetEndNamespaceDeclHandler(p, on ? my_EndNamespaceDeclHandler : NULL);
        break;
    case Comment: XML_SetCommentHandler(p, on ? my_CommentHandler : NULL); break;
    case StartCdataSection:
        XML_SetStartCdataSectionHandler(p, on ? my_StartCdataSectionHandler : NULL);
        break;
    case EndCdataSection:
        XML_SetEndCdataSectionHandler(p, on ? my_EndCdataSectionHandler : NULL);
        break;
    case Default: XML_SetDefaultHandler(p, on ? my_DefaultHandler : NULL); break;
    case DefaultHandlerExpand:
        XML_SetDefaultHandlerExpand(p, on ? my_DefaultHandlerExpandHandler : NULL);
        break;
    case NotStandalone: XML_SetNotStandaloneHandler(p, on ? my_NotStandaloneHandler : NULL); break;
    case ExternalEntityRef:
        XML_SetExternalEntityRefHandler(p, on ? my_ExternalEntityRefHandler : NULL);
        break;
    case StartDoctypeDecl:
        XML_SetStartDoctypeDeclHandler(p, on ? my_StartDoctypeDeclHandler : NULL);
        break;
    case EndDoctypeDecl:
        XML_SetEndDoctypeDeclHandler(p, on ? my_EndDoctypeDeclHandler : NULL);
        break;
    case EntityDecl: XML_SetEntityDeclHandler(p, on ? my_EntityDeclHandler : NULL); break;
    case XmlDecl: XML_SetXmlDeclHandler(p, on ? my_XmlDeclHandler : NULL); break;
    case ElementDecl: XML_SetElementDeclHandler(p, on ? my_ElementDeclHandler : NULL); break;
    case AttlistDecl: XML_SetAttlistDeclHandler(p, on ? my_AttlistDeclHandler : NULL); break;
    case SkippedEntity: XML_SetSkippedEntityHandler(p, on ? my_SkippedEntityHandler : NULL); break;
    }
}

/* ------------------------------------------------------------ unknown encodings */

/* Single-byte encodings expat lacks (e.g. iso-8859-15) are decoded through Python codecs. */
static int PyUnknownEncodingHandler(void *encodingHandlerData, const XML_Char *name,
                                    XML_Encoding *info)
{
    static unsigned char template_buffer[256];
    for (int i = 0; i < 256; i++)
        template_buffer[i] = (unsigned char)i;
    PyObject *u = PyUnicode_Decode((const char *)template_buffer, 256, name, "replace");
    if (u == NULL)
        return XML_STATUS_ERROR;
    if (PyUnicode_GET_LENGTH(u) != 256) {
        Py_DECREF(u);
        PyErr_SetString(PyExc_ValueError, "multi-byte encodings are not supported");
        return XML_STATUS_ERROR;
    }
    for (int i = 0; i < 256; i++) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(u, i);
        info->map[i] = ch == 0xFFFD ? -1 : (int)ch;
    }
    info->data = NULL;
    info->convert = NULL;
    info->release = NULL;
    Py_DECREF(u);
    return XML_STATUS_OK;
}

/* ------------------------------------------------------------ parser objects */

static xmlparseobject *newxmlparseobject(const char *encoding, const char *namespace_separator,
                                         PyObject *intern)
{
    xmlparseobject *self = PyObject_GC_New(xmlparseobject, &Xmlparsetype);
    if (self == NULL)
        return NULL;
    self->buffer = NULL;
    self->buffer_size = CHARACTER_DATA_BUFFER_SIZE;
    self->buffer_used = 0;
    self->ordered_attributes = 0;
    self->specified_attributes = 0;
    self->in_callback = 0;
    self->ns_prefixes = 0;
    for (int i = 0; i < NHANDLERS; i++)
        self->handlers[i] = NULL;
    Py_XINCREF(intern);
    self->intern = intern;
    self->itself = XML_ParserCreate_MM(encoding, NULL, namespace_separator);
    PyObject_GC_Track(self);
    if (self->itself == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "XML_ParserCreate failed");
        Py_DECREF(self);
        return NULL;
    }
    /* Expat's hash salt follows the interpreter's hash secret: with PYTHONHASHSEED=0 it is
     * 0, as in CPython, so namespace-context strings come out in the same order. */
    XML_SetHashSalt(self->itself,
                    (unsigned long)(_Py_HashSecret_k0 ^ (_Py_HashSecret_k1 * 0x9E3779B97F4A7C15ULL)));
    XML_SetUserData(self->itself, self);
    XML_SetUnknownEncodingHandler(self->itself, PyUnknownEncodingHandler, NULL);
    return self;
}

static int xmlparse_traverse(xmlparseobject *op, visitproc visit, void *arg)
{
    for (int i = 0; i < NHANDLERS; i++)
        Py_VISIT(op->handlers[i]);
    Py_VISIT(op->intern);
    return 0;
}

static int xmlparse_clear(xmlparseobject *op)
{
    for (int i = 0; i < NHANDLERS; i++) {
        if (op->handlers[i] != NULL && op->itself != NULL)
            install_handler(op, i, 0);
        Py_CLEAR(op->handlers[i]);
    }
    Py_CLEAR(op->intern);
    return 0;
}

static void xmlparse_dealloc(xmlparseobject *self)
{
    PyObject_GC_UnTrack(self);
    xmlparse_clear(self);
    if (self->itself != NULL)
        XML_ParserFree(self->itself);
    self->itself = NULL;
    PyMem_Free(self->buffer);
    self->buffer = NULL;
    PyObject_GC_Del(self);
}

static PyObject *get_parse_result(xmlparseobject *self, int rv)
{
    if (PyErr_Occurred())
        return NULL;
    if (rv == 0)
        return set_error(self, XML_GetErrorCode(self->itself));
    if (flush_character_buffer(self) < 0)
        return NULL;
    return PyLong_FromLong(rv);
}

static PyObject *xmlparse_Parse(xmlparseobject *self, PyObject *args)
{
    PyObject *data;
    int isfinal = 0;
    if (!PyArg_ParseTuple(args, "O|i:Parse", &data, &isfinal))
        return NULL;
    Py_buffer view;
    const char *s;
    Py_ssize_t slen;
    view.buf = NULL;
    if (PyUnicode_Check(data)) {
        s = PyUnicode_AsUTF8AndSize(data, &slen);
        if (s == NULL)
            return NULL;
        (void)XML_SetEncoding(self->itself, "utf-8");
    } else {
        if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        s = view.buf;
        slen = view.len;
    }
    int rc;
    while (slen > MAX_CHUNK_SIZE) {
        rc = XML_Parse(self->itself, s, MAX_CHUNK_SIZE, 0);
        if (!rc)
            goto done;
        s += MAX_CHUNK_SIZE;
        slen -= MAX_CHUNK_SIZE;
    }
    rc = XML_Parse(self->itself, s, (int)slen, isfinal);
done:
    if (view.buf != NULL)
        PyBuffer_Release(&view);
    return get_parse_result(self, rc);
}

/* read(buf_size) into buf; the number of bytes read, or -1 with an exception. */
static int readinst(char *buf, int buf_size, PyObject *meth)
{
    PyObject *str = PyObject_CallFunction(meth, "i", buf_size);
    if (str == NULL)
        return -1;
    const char *ptr;
    Py_ssize_t len;
    if (PyBytes_Check(str)) {
        ptr = PyBytes_AS_STRING(str);
        len = PyBytes_GET_SIZE(str);
    } else if (PyByteArray_Check(str)) {
        ptr = PyByteArray_AS_STRING(str);
        len = PyByteArray_GET_SIZE(str);
    } else {
        PyErr_Format(PyExc_TypeError, "read() did not return a bytes object (type=%.400s)",
                     Py_TYPE(str)->tp_name);
        Py_DECREF(str);
        return -1;
    }
    if (len > buf_size) {
        PyErr_Format(PyExc_ValueError,
                     "read() returned too much data: %i bytes requested, %zd returned",
                     buf_size, len);
        Py_DECREF(str);
        return -1;
    }
    memcpy(buf, ptr, len);
    Py_DECREF(str);
    return (int)len;
}

static PyObject *xmlparse_ParseFile(xmlparseobject *self, PyObject *file)
{
    static PyObject *read_name;
    PyObject *readmethod;
    if (read_name == NULL && (read_name = PyUnicode_InternFromString("read")) == NULL)
        return NULL;
    if (_PyObject_LookupAttr(file, read_name, &readmethod) < 0)
        return NULL;
    if (readmethod == NULL) {
        PyErr_SetString(PyExc_TypeError, "argument must have 'read' attribute");
        return NULL;
    }
    int rv = 1;
    for (;;) {
        void *buf = XML_GetBuffer(self->itself, BUF_SIZE);
        if (buf == NULL) {
            Py_DECREF(readmethod);
            return get_parse_result(self, 0);
        }
        int bytes_read = readinst(buf, BUF_SIZE, readmethod);
        if (bytes_read < 0) {
            Py_DECREF(readmethod);
            return NULL;
        }
        rv = XML_ParseBuffer(self->itself, bytes_read, bytes_read == 0);
        if (PyErr_Occurred()) {
            Py_DECREF(readmethod);
            return NULL;
        }
        if (!rv || bytes_read == 0)
            break;
    }
    Py_DECREF(readmethod);
    return get_parse_result(self, rv);
}

static PyObject *xmlparse_SetBase(xmlparseobject *self, PyObject *args)
{
    const char *base;
    if (!PyArg_ParseTuple(args, "s:SetBase", &base))
        return NULL;
    if (!XML_SetBase(self->itself, base))
        return PyErr_NoMemory();
    Py_RETURN_NONE;
}

static PyObject *xmlparse_GetBase(xmlparseobject *self, PyObject *unused)
{
    return conv_string_to_unicode(XML_GetBase(self->itself));
}

static PyObject *xmlparse_GetInputContext(xmlparseobject *self, PyObject *unused)
{
    if (self->in_callback) {
        int offset, size;
        const char *buffer = XML_GetInputContext(self->itself, &offset, &size);
        if (buffer != NULL)
            return PyBytes_FromStringAndSize(buffer + offset, size - offset);
    }
    Py_RETURN_NONE;
}

static PyObject *xmlparse_ExternalEntityParserCreate(xmlparseobject *self, PyObject *args)
{
    const char *context, *encoding = NULL;
    if (!PyArg_ParseTuple(args, "z|s:ExternalEntityParserCreate", &context, &encoding))
        return NULL;
    xmlparseobject *new_parser = PyObject_GC_New(xmlparseobject, &Xmlparsetype);
    if (new_parser == NULL)
        return NULL;
    new_parser->buffer_size = self->buffer_size;
    new_parser->buffer_used = 0;
    new_parser->buffer = NULL;
    new_parser->ordered_attributes = self->ordered_attributes;
    new_parser->specified_attributes = self->specified_attributes;
    new_parser->in_callback = 0;
    new_parser->ns_prefixes = self->ns_prefixes;
    new_parser->itself = XML_ExternalEntityParserCreate(self->itself, context, encoding);
    new_parser->intern = self->intern;
    Py_XINCREF(new_parser->intern);
    for (int i = 0; i < NHANDLERS; i++)
        new_parser->handlers[i] = NULL;
    PyObject_GC_Track(new_parser);
    if (self->buffer != NULL) {
        new_parser->buffer = PyMem_Malloc(new_parser->buffer_size);
        if (new_parser->buffer == NULL) {
            Py_DECREF(new_parser);
            return PyErr_NoMemory();
        }
    }
    if (new_parser->itself == NULL) {
        Py_DECREF(new_parser);
        return PyErr_NoMemory();
    }
    XML_SetUserData(new_parser->itself, new_parser);
    for (int i = 0; i < NHANDLERS; i++) {
        if (self->handlers[i] != NULL) {
            Py_INCREF(self->handlers[i]);
            new_parser->handlers[i] = self->handlers[i];
            install_handler(new_parser, i, 1);
        }
    }
    return (PyObject *)new_parser;
}

static PyObject *xmlparse_SetParamEntityParsing(xmlparseobject *self, PyObject *arg)
{
    int flag = _PyLong_AsInt(arg);
    if (flag == -1 && PyErr_Occurred())
        return NULL;
    return PyLong_FromLong(XML_SetParamEntityParsing(self->itself, flag));
}

static PyObject *xmlparse_UseForeignDTD(xmlparseobject *self, PyObject *args)
{
    int flag = 1;
    if (!PyArg_ParseTuple(args, "|p:UseForeignDTD", &flag))
        return NULL;
    enum XML_Error rc = XML_UseForeignDTD(self->itself, flag ? XML_TRUE : XML_FALSE);
    if (rc != XML_ERROR_NONE)
        return set_error(self, rc);
    Py_RETURN_NONE;
}

static PyObject *xmlparse_reduce(xmlparseobject *self, PyObject *unused)
{
    PyErr_Format(PyExc_TypeError, "cannot pickle '%.100s' object", Py_TYPE(self)->tp_name);
    return NULL;
}

static PyMethodDef xmlparse_methods[] = {
    {"Parse", (PyCFunction)xmlparse_Parse, METH_VARARGS,
     "Parse XML data.\n\n`isfinal' should be true at end of input."},
    {"ParseFile", (PyCFunction)xmlparse_ParseFile, METH_O, "Parse XML data from file-like object."},
    {"SetBase", (PyCFunction)xmlparse_SetBase, METH_VARARGS,
     "Set the base URL for the parser."},
    {"GetBase", (PyCFunction)xmlparse_GetBase, METH_NOARGS, "Return base URL string for the parser."},
    {"GetInputContext", (PyCFunction)xmlparse_GetInputContext, METH_NOARGS,
     "Return the untranslated text of the input that caused the current event.\n\nIf the event was generated by a large amount of text (such as a start tag\nfor an element with many attributes), not all of the text may be available."},
    {"ExternalEntityParserCreate", (PyCFunction)xmlparse_ExternalEntityParserCreate,
     METH_VARARGS, "Create a parser for parsing an external entity based on the information passed to the ExternalEntityRefHandler."},
    {"SetParamEntityParsing", (PyCFunction)xmlparse_SetParamEntityParsing, METH_O,
     "Controls parsing of parameter entities (including the external DTD subset).\n\nPossible flag values are XML_PARAM_ENTITY_PARSING_NEVER,\nXML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE and\nXML_PARAM_ENTITY_PARSING_ALWAYS. Returns true if setting the flag\nwas successful."},
    {"UseForeignDTD", (PyCFunction)xmlparse_UseForeignDTD, METH_VARARGS,
     "Allows the application to provide an artificial external subset if one is not specified as part of the document instance.\n\nThis readily allows the use of a 'default' document type controlled by the\napplication, while still getting the advantage of providing document type\ninformation to the parser. 'flag' defaults to True if not provided."},
    {"__reduce__", (PyCFunction)xmlparse_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ------------------------------------------------------------ attributes */

static PyObject *xmlparse_handler_getter(xmlparseobject *self, void *closure)
{
    PyObject *h = self->handlers[(intptr_t)closure];
    if (h == NULL)
        h = Py_None;
    Py_INCREF(h);
    return h;
}

static int xmlparse_handler_setter(xmlparseobject *self, PyObject *v, void *closure)
{
    int which = (int)(intptr_t)closure;
    if (v == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot delete attribute");
        return -1;
    }
    if (which == CharacterData && flush_character_buffer(self) < 0 && PyErr_Occurred())
        return -1;
    if (v == Py_None)
        v = NULL;
    Py_XINCREF(v);
    Py_XSETREF(self->handlers[which], v);
    install_handler(self, which, v != NULL);
    return 0;
}

static PyObject *get_error_code(xmlparseobject *self, void *c) { return PyLong_FromLong(XML_GetErrorCode(self->itself)); }
static PyObject *get_error_line(xmlparseobject *self, void *c) { return PyLong_FromLong((long)XML_GetErrorLineNumber(self->itself)); }
static PyObject *get_error_col(xmlparseobject *self, void *c) { return PyLong_FromLong((long)XML_GetErrorColumnNumber(self->itself)); }
static PyObject *get_error_byte(xmlparseobject *self, void *c) { return PyLong_FromLong((long)XML_GetErrorByteIndex(self->itself)); }
static PyObject *get_cur_line(xmlparseobject *self, void *c) { return PyLong_FromLong((long)XML_GetCurrentLineNumber(self->itself)); }
static PyObject *get_cur_col(xmlparseobject *self, void *c) { return PyLong_FromLong((long)XML_GetCurrentColumnNumber(self->itself)); }
static PyObject *get_cur_byte(xmlparseobject *self, void *c) { return PyLong_FromLong((long)XML_GetCurrentByteIndex(self->itself)); }

static PyObject *get_buffer_size(xmlparseobject *self, void *c) { return PyLong_FromLong(self->buffer_size); }
static PyObject *get_buffer_used(xmlparseobject *self, void *c) { return PyLong_FromLong(self->buffer_used); }
static PyObject *get_buffer_text(xmlparseobject *self, void *c) { return PyBool_FromLong(self->buffer != NULL); }
static PyObject *get_ns_prefixes(xmlparseobject *self, void *c) { return PyBool_FromLong(self->ns_prefixes); }
static PyObject *get_ordered(xmlparseobject *self, void *c) { return PyBool_FromLong(self->ordered_attributes); }
static PyObject *get_specified(xmlparseobject *self, void *c) { return PyBool_FromLong(self->specified_attributes); }

static PyObject *get_intern(xmlparseobject *self, void *c)
{
    if (self->intern == NULL)
        Py_RETURN_NONE;
    Py_INCREF(self->intern);
    return self->intern;
}

static int no_delete(PyObject *v)
{
    if (v == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "Cannot delete attribute");
        return 1;
    }
    return 0;
}

static int set_buffer_size(xmlparseobject *self, PyObject *v, void *c)
{
    if (no_delete(v))
        return -1;
    if (!PyLong_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "buffer_size must be an integer");
        return -1;
    }
    long new_size = PyLong_AsLong(v);
    if (new_size == -1 && PyErr_Occurred())
        return -1;
    if (new_size <= 0) {
        PyErr_SetString(PyExc_ValueError, "buffer_size must be greater than zero");
        return -1;
    }
    if (new_size > INT_MAX) {
        PyErr_Format(PyExc_ValueError, "buffer_size must not be greater than %i", INT_MAX);
        return -1;
    }
    if (self->buffer != NULL) {
        if (flush_character_buffer(self) < 0 && PyErr_Occurred())
            return -1;
        XML_Char *nb = PyMem_Malloc(new_size);
        if (nb == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        PyMem_Free(self->buffer);
        self->buffer = nb;
    }
    self->buffer_size = (int)new_size;
    return 0;
}

static int set_buffer_text(xmlparseobject *self, PyObject *v, void *c)
{
    if (no_delete(v))
        return -1;
    int b = PyObject_IsTrue(v);
    if (b < 0)
        return -1;
    if (b) {
        if (self->buffer == NULL) {
            self->buffer = PyMem_Malloc(self->buffer_size);
            if (self->buffer == NULL) {
                PyErr_NoMemory();
                return -1;
            }
            self->buffer_used = 0;
        }
    } else if (self->buffer != NULL) {
        if (flush_character_buffer(self) < 0 && PyErr_Occurred())
            return -1;
        PyMem_Free(self->buffer);
        self->buffer = NULL;
    }
    return 0;
}

static int set_flag(PyObject *v, int *flag)
{
    if (no_delete(v))
        return -1;
    int b = PyObject_IsTrue(v);
    if (b < 0)
        return -1;
    *flag = b;
    return 0;
}

static int set_ns_prefixes(xmlparseobject *self, PyObject *v, void *c)
{
    if (set_flag(v, &self->ns_prefixes) < 0)
        return -1;
    XML_SetReturnNSTriplet(self->itself, self->ns_prefixes);
    return 0;
}

static int set_ordered(xmlparseobject *self, PyObject *v, void *c) { return set_flag(v, &self->ordered_attributes); }
static int set_specified(xmlparseobject *self, PyObject *v, void *c) { return set_flag(v, &self->specified_attributes); }

#define HANDLER_GETSET(i) \
    {NULL, (getter)xmlparse_handler_getter, (setter)xmlparse_handler_setter, NULL, (void *)(intptr_t)(i)}

static PyGetSetDef xmlparse_getsetlist[] = {
    {"ErrorCode", (getter)get_error_code, NULL, NULL, NULL},
    {"ErrorLineNumber", (getter)get_error_line, NULL, NULL, NULL},
    {"ErrorColumnNumber", (getter)get_error_col, NULL, NULL, NULL},
    {"ErrorByteIndex", (getter)get_error_byte, NULL, NULL, NULL},
    {"CurrentLineNumber", (getter)get_cur_line, NULL, NULL, NULL},
    {"CurrentColumnNumber", (getter)get_cur_col, NULL, NULL, NULL},
    {"CurrentByteIndex", (getter)get_cur_byte, NULL, NULL, NULL},
    {"buffer_size", (getter)get_buffer_size, (setter)set_buffer_size, NULL, NULL},
    {"buffer_text", (getter)get_buffer_text, (setter)set_buffer_text, NULL, NULL},
    {"buffer_used", (getter)get_buffer_used, NULL, NULL, NULL},
    {"namespace_prefixes", (getter)get_ns_prefixes, (setter)set_ns_prefixes, NULL, NULL},
    {"ordered_attributes", (getter)get_ordered, (setter)set_ordered, NULL, NULL},
    {"specified_attributes", (getter)get_specified, (setter)set_specified, NULL, NULL},
    {"intern", (getter)get_intern, NULL, NULL, NULL},
    /* NHANDLERS handler entries, names filled in from handler_names at module init */
    HANDLER_GETSET(0), HANDLER_GETSET(1), HANDLER_GETSET(2), HANDLER_GETSET(3),
    HANDLER_GETSET(4), HANDLER_GETSET(5), HANDLER_GETSET(6), HANDLER_GETSET(7),
    HANDLER_GETSET(8), HANDLER_GETSET(9), HANDLER_GETSET(10), HANDLER_GETSET(11),
    HANDLER_GETSET(12), HANDLER_GETSET(13), HANDLER_GETSET(14), HANDLER_GETSET(15),
    HANDLER_GETSET(16), HANDLER_GETSET(17), HANDLER_GETSET(18), HANDLER_GETSET(19),
    HANDLER_GETSET(20), HANDLER_GETSET(21),
    {NULL, NULL, NULL, NULL, NULL},
};
#define FIRST_HANDLER_GETSET 14

static PyTypeObject Xmlparsetype = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "pyexpat.xmlparser",
    .tp_basicsize = sizeof(xmlparseobject),
    .tp_dealloc = (destructor)xmlparse_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "XML parser",
    .tp_traverse = (traverseproc)xmlparse_traverse,
    .tp_clear = (inquiry)xmlparse_clear,
    .tp_methods = xmlparse_methods,
    .tp_getset = xmlparse_getsetlist,
};

/* ------------------------------------------------------------ module functions */

static PyObject *pyexpat_ParserCreate(PyObject *m, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"encoding", "namespace_separator", "intern", NULL};
    const char *encoding = NULL, *namespace_separator = NULL;
    PyObject *intern = NULL;
    PyObject *enc_obj = Py_None, *sep_obj = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OOO:ParserCreate", kwlist, &enc_obj,
                                     &sep_obj, &intern))
        return NULL;
    /* Argument Clinic's messages name the argument */
    if (enc_obj != Py_None) {
        if (!PyUnicode_Check(enc_obj)) {
            _PyArg_BadArgument("ParserCreate", "argument 'encoding'", "str or None", enc_obj);
            return NULL;
        }
        Py_ssize_t len;
        if ((encoding = PyUnicode_AsUTF8AndSize(enc_obj, &len)) == NULL)
            return NULL;
        if (strlen(encoding) != (size_t)len) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    if (sep_obj != Py_None) {
        if (!PyUnicode_Check(sep_obj)) {
            _PyArg_BadArgument("ParserCreate", "argument 'namespace_separator'", "str or None",
                               sep_obj);
            return NULL;
        }
        Py_ssize_t len;
        if ((namespace_separator = PyUnicode_AsUTF8AndSize(sep_obj, &len)) == NULL)
            return NULL;
        if (strlen(namespace_separator) != (size_t)len) {
            PyErr_SetString(PyExc_ValueError, "embedded null character");
            return NULL;
        }
    }
    if (namespace_separator != NULL && strlen(namespace_separator) > 1) {
        PyErr_SetString(PyExc_ValueError,
                        "namespace_separator must be at most one character, omitted, or None");
        return NULL;
    }
    /* No intern argument: a fresh dict; intern=None: no interning. */
    int intern_decref = 0;
    if (intern == Py_None) {
        intern = NULL;
    } else if (intern == NULL) {
        intern = PyDict_New();
        if (intern == NULL)
            return NULL;
        intern_decref = 1;
    } else if (!PyDict_Check(intern)) {
        PyErr_SetString(PyExc_TypeError, "intern must be a dictionary");
        return NULL;
    }
    PyObject *result = (PyObject *)newxmlparseobject(encoding, namespace_separator, intern);
    if (intern_decref)
        Py_DECREF(intern);
    return result;
}

static PyObject *pyexpat_ErrorString(PyObject *m, PyObject *arg)
{
    long code = PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred())
        return NULL;
    return conv_string_to_unicode(XML_ErrorString((int)code));
}

static PyMethodDef pyexpat_methods[] = {
    {"ParserCreate", (PyCFunction)(void (*)(void))pyexpat_ParserCreate,
     METH_VARARGS | METH_KEYWORDS, "Return a new XML parser object."},
    {"ErrorString", pyexpat_ErrorString, METH_O,
     "Returns string error for given number."},
    {NULL, NULL, 0, NULL},
};

/* Error names as CPython 3.11.2 knows them, in code order starting at 1. */
static const char *const error_names[] = {
    "XML_ERROR_NO_MEMORY", "XML_ERROR_SYNTAX", "XML_ERROR_NO_ELEMENTS",
    "XML_ERROR_INVALID_TOKEN", "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_TAG_MISMATCH", "XML_ERROR_DUPLICATE_ATTRIBUTE",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_PARAM_ENTITY_REF",
    "XML_ERROR_UNDEFINED_ENTITY", "XML_ERROR_RECURSIVE_ENTITY_REF", "XML_ERROR_ASYNC_ENTITY",
    "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_BINARY_ENTITY_REF",
    "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF", "XML_ERROR_MISPLACED_XML_PI",
    "XML_ERROR_UNKNOWN_ENCODING", "XML_ERROR_INCORRECT_ENCODING",
    "XML_ERROR_UNCLOSED_CDATA_SECTION", "XML_ERROR_EXTERNAL_ENTITY_HANDLING",
    "XML_ERROR_NOT_STANDALONE", "XML_ERROR_UNEXPECTED_STATE", "XML_ERROR_ENTITY_DECLARED_IN_PE",
    "XML_ERROR_FEATURE_REQUIRES_XML_DTD", "XML_ERROR_CANT_CHANGE_FEATURE_ONCE_PARSING",
    "XML_ERROR_UNBOUND_PREFIX", "XML_ERROR_UNDECLARING_PREFIX", "XML_ERROR_INCOMPLETE_PE",
    "XML_ERROR_XML_DECL", "XML_ERROR_TEXT_DECL", "XML_ERROR_PUBLICID", "XML_ERROR_SUSPENDED",
    "XML_ERROR_NOT_SUSPENDED", "XML_ERROR_ABORTED", "XML_ERROR_FINISHED",
    "XML_ERROR_SUSPEND_PE", "XML_ERROR_RESERVED_PREFIX_XML", "XML_ERROR_RESERVED_PREFIX_XMLNS",
    "XML_ERROR_RESERVED_NAMESPACE_URI", "XML_ERROR_INVALID_ARGUMENT", "XML_ERROR_NO_BUFFER",
    "XML_ERROR_AMPLIFICATION_LIMIT_BREACH",
};

/* A submodule registered in sys.modules as pyexpat.<name> and set as an attribute. */
static PyObject *add_submodule(PyObject *mod, const char *fullname, const char *doc)
{
    const char *name = strrchr(fullname, '.') + 1;
    PyObject *sub = PyModule_New(fullname);
    if (sub == NULL)
        return NULL;
    PyObject *d = PyUnicode_FromString(doc);
    if (d == NULL || PyModule_AddObjectRef(sub, "__doc__", d) < 0 ||
        PyDict_SetItemString(PyImport_GetModuleDict(), fullname, sub) < 0 ||
        PyModule_AddObjectRef(mod, name, sub) < 0) {
        Py_XDECREF(d);
        Py_DECREF(sub);
        return NULL;
    }
    Py_DECREF(d);
    Py_DECREF(sub);
    return sub;   /* borrowed: the parent module holds it */
}

static int add_errors_module(PyObject *mod)
{
    PyObject *errors = add_submodule(mod, "pyexpat.errors",
                                     "Constants used to describe error conditions.");
    if (errors == NULL)
        return -1;
    PyObject *codes = PyDict_New(), *messages = PyDict_New();
    if (codes == NULL || messages == NULL)
        goto fail;
    size_t n = sizeof error_names / sizeof error_names[0];
    for (size_t i = 0; i < n; i++) {
        int code = (int)i + 1;
        PyObject *msg = PyUnicode_FromString(XML_ErrorString(code));
        PyObject *num = msg ? PyLong_FromLong(code) : NULL;
        int bad = num == NULL || PyModule_AddObjectRef(errors, error_names[i], msg) < 0 ||
                  PyDict_SetItem(codes, msg, num) < 0 || PyDict_SetItem(messages, num, msg) < 0;
        Py_XDECREF(msg);
        Py_XDECREF(num);
        if (bad)
            goto fail;
    }
    if (PyModule_AddObjectRef(errors, "codes", codes) < 0 ||
        PyModule_AddObjectRef(errors, "messages", messages) < 0)
        goto fail;
    Py_DECREF(codes);
    Py_DECREF(messages);
    return 0;
fail:
    Py_XDECREF(codes);
    Py_XDECREF(messages);
    return -1;
}

static int add_model_module(PyObject *mod)
{
    PyObject *model = add_submodule(mod, "pyexpat.model",
                                    "Constants used to interpret content model information.");
    if (model == NULL)
        return -1;
#define C(name) if (PyModule_AddIntConstant(model, #name, name) < 0) return -1;
    C(XML_CTYPE_EMPTY) C(XML_CTYPE_ANY) C(XML_CTYPE_MIXED) C(XML_CTYPE_NAME)
    C(XML_CTYPE_CHOICE) C(XML_CTYPE_SEQ)
    C(XML_CQUANT_NONE) C(XML_CQUANT_OPT) C(XML_CQUANT_REP) C(XML_CQUANT_PLUS)
#undef C
    return 0;
}

static int add_features(PyObject *mod)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return -1;
    const XML_Feature *features = XML_GetFeatureList();
    for (int i = 0; features[i].feature != XML_FEATURE_END; i++) {
        PyObject *item = Py_BuildValue("si", features[i].name, (int)features[i].value);
        if (item == NULL || PyList_Append(list, item) < 0) {
            Py_XDECREF(item);
            Py_DECREF(list);
            return -1;
        }
        Py_DECREF(item);
    }
    int r = PyModule_AddObjectRef(mod, "features", list);
    Py_DECREF(list);
    return r;
}

static struct PyModuleDef pyexpatmodule = {
    PyModuleDef_HEAD_INIT, "pyexpat", "Python wrapper for Expat parser.", -1, pyexpat_methods,
    NULL, NULL, NULL, NULL,
};

PyObject *PyInit_pyexpat(void)
{
    for (int i = 0; i < NHANDLERS; i++)
        xmlparse_getsetlist[FIRST_HANDLER_GETSET + i].name = handler_names[i];
    if (PyType_Ready(&Xmlparsetype) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&pyexpatmodule);
    if (m == NULL)
        return NULL;
    if (ErrorObject == NULL &&
        (ErrorObject = PyErr_NewException("xml.parsers.expat.ExpatError", NULL, NULL)) == NULL)
        goto fail;
    XML_Expat_Version info = XML_ExpatVersionInfo();
    PyObject *vi = Py_BuildValue("(iii)", info.major, info.minor, info.micro);
    if (vi == NULL)
        goto fail;
    int r = PyModule_AddObjectRef(m, "version_info", vi);
    Py_DECREF(vi);
    if (r < 0 ||
        PyModule_AddObjectRef(m, "error", ErrorObject) < 0 ||
        PyModule_AddObjectRef(m, "ExpatError", ErrorObject) < 0 ||
        PyModule_AddObjectRef(m, "XMLParserType", (PyObject *)&Xmlparsetype) < 0 ||
        PyModule_AddStringConstant(m, "EXPAT_VERSION", XML_ExpatVersion()) < 0 ||
        PyModule_AddStringConstant(m, "native_encoding", "UTF-8") < 0 ||
        PyModule_AddIntConstant(m, "XML_PARAM_ENTITY_PARSING_NEVER",
                                XML_PARAM_ENTITY_PARSING_NEVER) < 0 ||
        PyModule_AddIntConstant(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                                XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE) < 0 ||
        PyModule_AddIntConstant(m, "XML_PARAM_ENTITY_PARSING_ALWAYS",
                                XML_PARAM_ENTITY_PARSING_ALWAYS) < 0 ||
        add_errors_module(m) < 0 || add_model_module(m) < 0 || add_features(m) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
