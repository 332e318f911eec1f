/* _sqlite3.c — the `_sqlite3` module under the standard `sqlite3` package, on the
 * system libsqlite3: connect, Connection, Cursor, Row, PrepareProtocol, the DB-API
 * exception hierarchy, adapters and converters.  Missing (see docs/known-bugs.md):
 * create_aggregate, create_collation, backup, blobopen, statement cache.  Owner: modnew2. */
#include "Python.h"
#include "pythread.h"

#include <sqlite3.h>
#include <string.h>
#include <strings.h>

#define PyDoc_STRVAR(name, str) static const char name[] = str
#define PARSE_DECLTYPES 1
#define PARSE_COLNAMES 2

static PyObject *Warning_, *Error, *InterfaceError, *DatabaseError, *DataError,
    *OperationalError, *IntegrityError, *InternalError, *ProgrammingError, *NotSupportedError;
static PyObject *adapters, *converters;   /* the module's dicts */
static int base_type_adapted;             /* an adapter registered for int/float/str/bytearray */

static PyTypeObject ConnectionType, CursorType, RowType, PrepareProtocolType;

/* ================================================================ errors */

static PyObject *exception_for(int code)
{
    switch (code & 0xff) {
    case SQLITE_INTERNAL:
    case SQLITE_NOTFOUND:
        return InternalError;
    case SQLITE_NOMEM:
        return PyExc_MemoryError;
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY:
    case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_INTERRUPT: case SQLITE_IOERR:
    case SQLITE_FULL: case SQLITE_CANTOPEN: case SQLITE_PROTOCOL: case SQLITE_EMPTY:
    case SQLITE_SCHEMA:
        return OperationalError;
    case SQLITE_CORRUPT:
        return DatabaseError;
    case SQLITE_TOOBIG:
        return DataError;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return IntegrityError;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return InterfaceError;
    default:
        return DatabaseError;
    }
}

/* Error code names for exc.sqlite_errorname (primary and extended codes). */
static const struct { int code; const char *name; } error_names[] = {
    {SQLITE_OK, "SQLITE_OK"},
    {SQLITE_ERROR, "SQLITE_ERROR"},
    {SQLITE_INTERNAL, "SQLITE_INTERNAL"},
    {SQLITE_PERM, "SQLITE_PERM"},
    {SQLITE_ABORT, "SQLITE_ABORT"},
    {SQLITE_BUSY, "SQLITE_BUSY"},
    {SQLITE_LOCKED, "SQLITE_LOCKED"},
    {SQLITE_NOMEM, "SQLITE_NOMEM"},
    {SQLITE_READONLY, "SQLITE_READONLY"},
    {SQLITE_INTERRUPT, "SQLITE_INTERRUPT"},
    {SQLITE_IOERR, "SQLITE_IOERR"},
    {SQLITE_CORRUPT, "SQLITE_CORRUPT"},
    {SQLITE_NOTFOUND, "SQLITE_NOTFOUND"},
    {SQLITE_FULL, "SQLITE_FULL"},
    {SQLITE_CANTOPEN, "SQLITE_CANTOPEN"},
    {SQLITE_PROTOCOL, "SQLITE_PROTOCOL"},
    {SQLITE_EMPTY, "SQLITE_EMPTY"},
    {SQLITE_SCHEMA, "SQLITE_SCHEMA"},
    {SQLITE_TOOBIG, "SQLITE_TOOBIG"},
    {SQLITE_CONSTRAINT, "SQLITE_CONSTRAINT"},
    {SQLITE_MISMATCH, "SQLITE_MISMATCH"},
    {SQLITE_MISUSE, "SQLITE_MISUSE"},
    {SQLITE_NOLFS, "SQLITE_NOLFS"},
    {SQLITE_AUTH, "SQLITE_AUTH"},
    {SQLITE_FORMAT, "SQLITE_FORMAT"},
    {SQLITE_RANGE, "SQLITE_RANGE"},
    {SQLITE_NOTADB, "SQLITE_NOTADB"},
    {SQLITE_NOTICE, "SQLITE_NOTICE"},
    {SQLITE_WARNING, "SQLITE_WARNING"},
    {SQLITE_ROW, "SQLITE_ROW"},
    {SQLITE_DONE, "SQLITE_DONE"},
    {SQLITE_ERROR_MISSING_COLLSEQ, "SQLITE_ERROR_MISSING_COLLSEQ"},
    {SQLITE_ERROR_RETRY, "SQLITE_ERROR_RETRY"},
    {SQLITE_ERROR_SNAPSHOT, "SQLITE_ERROR_SNAPSHOT"},
    {SQLITE_IOERR_READ, "SQLITE_IOERR_READ"},
    {SQLITE_IOERR_SHORT_READ, "SQLITE_IOERR_SHORT_READ"},
    {SQLITE_IOERR_WRITE, "SQLITE_IOERR_WRITE"},
    {SQLITE_IOERR_FSYNC, "SQLITE_IOERR_FSYNC"},
    {SQLITE_IOERR_DIR_FSYNC, "SQLITE_IOERR_DIR_FSYNC"},
    {SQLITE_IOERR_TRUNCATE, "SQLITE_IOERR_TRUNCATE"},
    {SQLITE_IOERR_FSTAT, "SQLITE_IOERR_FSTAT"},
    {SQLITE_IOERR_UNLOCK, "SQLITE_IOERR_UNLOCK"},
    {SQLITE_IOERR_RDLOCK, "SQLITE_IOERR_RDLOCK"},
    {SQLITE_IOERR_DELETE, "SQLITE_IOERR_DELETE"},
    {SQLITE_IOERR_BLOCKED, "SQLITE_IOERR_BLOCKED"},
    {SQLITE_IOERR_NOMEM, "SQLITE_IOERR_NOMEM"},
    {SQLITE_IOERR_ACCESS, "SQLITE_IOERR_ACCESS"},
    {SQLITE_IOERR_CHECKRESERVEDLOCK, "SQLITE_IOERR_CHECKRESERVEDLOCK"},
    {SQLITE_IOERR_LOCK, "SQLITE_IOERR_LOCK"},
    {SQLITE_IOERR_CLOSE, "SQLITE_IOERR_CLOSE"},
    {SQLITE_IOERR_DIR_CLOSE, "SQLITE_IOERR_DIR_CLOSE"},
    {SQLITE_IOERR_SHMOPEN, "SQLITE_IOERR_SHMOPEN"},
    {SQLITE_IOERR_SHMSIZE, "SQLITE_IOERR_SHMSIZE"},
    {SQLITE_IOERR_SHMLOCK, "SQLITE_IOERR_SHMLOCK"},
    {SQLITE_IOERR_SHMMAP, "SQLITE_IOERR_SHMMAP"},
    {SQLITE_IOERR_SEEK, "SQLITE_IOERR_SEEK"},
    {SQLITE_IOERR_DELETE_NOENT, "SQLITE_IOERR_DELETE_NOENT"},
    {SQLITE_IOERR_MMAP, "SQLITE_IOERR_MMAP"},
    {SQLITE_IOERR_GETTEMPPATH, "SQLITE_IOERR_GETTEMPPATH"},
    {SQLITE_IOERR_CONVPATH, "SQLITE_IOERR_CONVPATH"},
    {SQLITE_IOERR_VNODE, "SQLITE_IOERR_VNODE"},
    {SQLITE_IOERR_AUTH, "SQLITE_IOERR_AUTH"},
    {SQLITE_IOERR_BEGIN_ATOMIC, "SQLITE_IOERR_BEGIN_ATOMIC"},
    {SQLITE_IOERR_COMMIT_ATOMIC, "SQLITE_IOERR_COMMIT_ATOMIC"},
    {SQLITE_IOERR_ROLLBACK_ATOMIC, "SQLITE_IOERR_ROLLBACK_ATOMIC"},
    {SQLITE_IOERR_DATA, "SQLITE_IOERR_DATA"},
    {SQLITE_IOERR_CORRUPTFS, "SQLITE_IOERR_CORRUPTFS"},
    {SQLITE_LOCKED_SHAREDCACHE, "SQLITE_LOCKED_SHAREDCACHE"},
    {SQLITE_LOCKED_VTAB, "SQLITE_LOCKED_VTAB"},
    {SQLITE_BUSY_RECOVERY, "SQLITE_BUSY_RECOVERY"},
    {SQLITE_BUSY_SNAPSHOT, "SQLITE_BUSY_SNAPSHOT"},
    {SQLITE_BUSY_TIMEOUT, "SQLITE_BUSY_TIMEOUT"},
    {SQLITE_CANTOPEN_NOTEMPDIR, "SQLITE_CANTOPEN_NOTEMPDIR"},
    {SQLITE_CANTOPEN_ISDIR, "SQLITE_CANTOPEN_ISDIR"},
    {SQLITE_CANTOPEN_FULLPATH, "SQLITE_CANTOPEN_FULLPATH"},
    {SQLITE_CANTOPEN_CONVPATH, "SQLITE_CANTOPEN_CONVPATH"},
    {SQLITE_CANTOPEN_DIRTYWAL, "SQLITE_CANTOPEN_DIRTYWAL"},
    {SQLITE_CANTOPEN_SYMLINK, "SQLITE_CANTOPEN_SYMLINK"},
    {SQLITE_CORRUPT_VTAB, "SQLITE_CORRUPT_VTAB"},
    {SQLITE_CORRUPT_SEQUENCE, "SQLITE_CORRUPT_SEQUENCE"},
    {SQLITE_CORRUPT_INDEX, "SQLITE_CORRUPT_INDEX"},
    {SQLITE_READONLY_RECOVERY, "SQLITE_READONLY_RECOVERY"},
    {SQLITE_READONLY_CANTLOCK, "SQLITE_READONLY_CANTLOCK"},
    {SQLITE_READONLY_ROLLBACK, "SQLITE_READONLY_ROLLBACK"},
    {SQLITE_READONLY_DBMOVED, "SQLITE_READONLY_DBMOVED"},
    {SQLITE_READONLY_CANTINIT, "SQLITE_READONLY_CANTINIT"},
    {SQLITE_READONLY_DIRECTORY, "SQLITE_READONLY_DIRECTORY"},
    {SQLITE_ABORT_ROLLBACK, "SQLITE_ABORT_ROLLBACK"},
    {SQLITE_CONSTRAINT_CHECK, "SQLITE_CONSTRAINT_CHECK"},
    {SQLITE_CONSTRAINT_COMMITHOOK, "SQLITE_CONSTRAINT_COMMITHOOK"},
    {SQLITE_CONSTRAINT_FOREIGNKEY, "SQLITE_CONSTRAINT_FOREIGNKEY"},
    {SQLITE_CONSTRAINT_FUNCTION, "SQLITE_CONSTRAINT_FUNCTION"},
    {SQLITE_CONSTRAINT_NOTNULL, "SQLITE_CONSTRAINT_NOTNULL"},
    {SQLITE_CONSTRAINT_PRIMARYKEY, "SQLITE_CONSTRAINT_PRIMARYKEY"},
    {SQLITE_CONSTRAINT_TRIGGER, "SQLITE_CONSTRAINT_TRIGGER"},
    {SQLITE_CONSTRAINT_UNIQUE, "SQLITE_CONSTRAINT_UNIQUE"},
    {SQLITE_CONSTRAINT_VTAB, "SQLITE_CONSTRAINT_VTAB"},
    {SQLITE_CONSTRAINT_ROWID, "SQLITE_CONSTRAINT_ROWID"},
    {SQLITE_CONSTRAINT_PINNED, "SQLITE_CONSTRAINT_PINNED"},
    {SQLITE_CONSTRAINT_DATATYPE, "SQLITE_CONSTRAINT_DATATYPE"},
    {SQLITE_NOTICE_RECOVER_WAL, "SQLITE_NOTICE_RECOVER_WAL"},
    {SQLITE_NOTICE_RECOVER_ROLLBACK, "SQLITE_NOTICE_RECOVER_ROLLBACK"},
    {SQLITE_WARNING_AUTOINDEX, "SQLITE_WARNING_AUTOINDEX"},
    {SQLITE_AUTH_USER, "SQLITE_AUTH_USER"},
    {SQLITE_OK_LOAD_PERMANENTLY, "SQLITE_OK_LOAD_PERMANENTLY"},
    {SQLITE_OK_SYMLINK, "SQLITE_OK_SYMLINK"},
};

static const char *error_name(int code)
{
    for (size_t i = 0; i < sizeof error_names / sizeof error_names[0]; i++)
        if (error_names[i].code == code)
            return error_names[i].name;
    return "unknown";
}

/* Raise for the connection's last error, with sqlite_errorcode / sqlite_errorname. */
static void set_error(sqlite3 *db)
{
    int code = sqlite3_extended_errcode(db);
    PyObject *type = exception_for(code);
    if (type == PyExc_MemoryError) {
        PyErr_NoMemory();
        return;
    }
    PyObject *exc = PyObject_CallFunction(type, "s", sqlite3_errmsg(db));
    if (exc == NULL)
        return;
    PyObject *c = PyLong_FromLong(code), *n = PyUnicode_FromString(error_name(code));
    if (c != NULL && n != NULL) {
        PyObject_SetAttrString(exc, "sqlite_errorcode", c);
        PyObject_SetAttrString(exc, "sqlite_errorname", n);
    }
    Py_XDECREF(c);
    Py_XDECREF(n);
    PyErr_SetObject(type, exc);
    Py_DECREF(exc);
}

/* ================================================================ connection */

typedef struct {
    PyObject_HEAD
    sqlite3 *db;
    int detect_types;
    PyObject *isolation_level;   /* None or str */
    const char *begin_statement; /* NULL: autocommit */
    int check_same_thread;
    unsigned long thread_ident;
    PyObject *row_factory, *text_factory;
    int initialized;
} Connection;

static int check_connection(Connection *c)
{
    if (!c->initialized) {
        PyErr_SetString(ProgrammingError, "Base Connection.__init__ not called.");
        return 0;
    }
    if (c->check_same_thread && PyThread_get_thread_ident() != c->thread_ident) {
        PyErr_Format(ProgrammingError,
                     "SQLite objects created in a thread can only be used in that same "
                     "thread. The object was created in thread id %lu and this is thread "
                     "id %lu.", c->thread_ident, PyThread_get_thread_ident());
        return 0;
    }
    if (c->db == NULL) {
        PyErr_SetString(ProgrammingError, "Cannot operate on a closed database.");
        return 0;
    }
    return 1;
}

static int set_isolation_level(Connection *self, PyObject *level)
{
    static const char *const levels[] = {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"};
    static const char *const begins[] = {"BEGIN ", "BEGIN DEFERRED", "BEGIN IMMEDIATE",
                                         "BEGIN EXCLUSIVE"};
    if (level == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (level == Py_None) {
        self->begin_statement = NULL;
        if (self->db != NULL && !sqlite3_get_autocommit(self->db) &&
            sqlite3_exec(self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
            set_error(self->db);
            return -1;
        }
    }
    else if (!PyUnicode_Check(level)) {
        PyErr_Format(PyExc_TypeError, "isolation_level must be str or None, not %.100s",
                     Py_TYPE(level)->tp_name);
        return -1;
    }
    else {
        const char *s = PyUnicode_AsUTF8(level);
        if (s == NULL)
            return -1;
        size_t i;
        for (i = 0; i < 4 && strcasecmp(s, levels[i]) != 0; i++)
            ;
        if (i == 4 || strlen(s) != strlen(levels[i])) {
            PyErr_SetString(PyExc_ValueError,
                            "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', "
                            "or 'EXCLUSIVE'");
            return -1;
        }
        self->begin_statement = begins[i];
    }
    Py_INCREF(level);
    Py_XSETREF(self->isolation_level, level);
    return 0;
}

static int connection_init(Connection *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"database", "timeout", "detect_types", "isolation_level",
                             "check_same_thread", "factory", "cached_statements", "uri",
                             NULL};
    PyObject *database, *isolation_level = NULL, *factory = NULL, *path = NULL;
    double timeout = 5.0;
    int detect_types = 0, check_same_thread = 1, cached_statements = 128, uri = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|diOiOip:Connection", kwlist, &database,
                                     &timeout, &detect_types, &isolation_level,
                                     &check_same_thread, &factory, &cached_statements, &uri))
        return -1;
    if (PySys_Audit("sqlite3.connect", "O", database) < 0)
        return -1;
    if (!PyUnicode_FSConverter(database, &path))
        return -1;
    if (self->db != NULL) {
        sqlite3_close_v2(self->db);
        self->db = NULL;
    }
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_open_v2(PyBytes_AS_STRING(path), &self->db, flags, NULL);
    Py_END_ALLOW_THREADS
    Py_DECREF(path);
    if (rc != SQLITE_OK) {
        if (self->db != NULL) {
            set_error(self->db);
            sqlite3_close_v2(self->db);
            self->db = NULL;
        }
        else {
            PyErr_NoMemory();
        }
        return -1;
    }
    sqlite3_busy_timeout(self->db, (int)(timeout * 1000));
    self->detect_types = detect_types;
    self->check_same_thread = check_same_thread;
    self->thread_ident = PyThread_get_thread_ident();
    Py_XSETREF(self->row_factory, Py_NewRef(Py_None));
    Py_XSETREF(self->text_factory, Py_NewRef((PyObject *)&PyUnicode_Type));
    PyObject *empty = NULL;
    if (isolation_level == NULL && (isolation_level = empty = PyUnicode_FromString("")) == NULL)
        return -1;
    int r = set_isolation_level(self, isolation_level);
    Py_XDECREF(empty);
    if (r < 0)
        return -1;
    self->initialized = 1;
    if (PySys_Audit("sqlite3.connect/handle", "O", self) < 0)
        return -1;
    return 0;
}

static void connection_dealloc(Connection *self)
{
    PyObject_GC_UnTrack(self);
    if (self->db != NULL)
        sqlite3_close_v2(self->db);
    Py_XDECREF(self->isolation_level);
    Py_XDECREF(self->row_factory);
    Py_XDECREF(self->text_factory);
    Py_TYPE(self)->tp_free(self);
}

static int connection_traverse(Connection *self, visitproc visit, void *arg)
{
    Py_VISIT(self->row_factory);
    Py_VISIT(self->text_factory);
    return 0;
}

static int connection_clear(Connection *self)
{
    Py_CLEAR(self->row_factory);
    Py_CLEAR(self->text_factory);
    return 0;
}

static PyObject *connection_exec_simple(Connection *self, const char *sql)
{
    if (!check_connection(self))
        return NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_exec(self->db, sql, NULL, NULL, NULL);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK) {
        set_error(self->db);
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *connection_commit(Connection *self, PyObject *Py_UNUSED(ignored))
{
    if (!check_connection(self))
        return NULL;
    if (sqlite3_get_autocommit(self->db))
        Py_RETURN_NONE;
    return connection_exec_simple(self, "COMMIT");
}

static PyObject *connection_rollback(Connection *self, PyObject *Py_UNUSED(ignored))
{
    if (!check_connection(self))
        return NULL;
    if (sqlite3_get_autocommit(self->db))
        Py_RETURN_NONE;
    return connection_exec_simple(self, "ROLLBACK");
}

static PyObject *connection_close(Connection *self, PyObject *Py_UNUSED(ignored))
{
    if (!self->initialized) {
        PyErr_SetString(ProgrammingError, "Base Connection.__init__ not called.");
        return NULL;
    }
    if (self->check_same_thread && PyThread_get_thread_ident() != self->thread_ident) {
        check_connection(self);   /* raises the thread error */
        return NULL;
    }
    if (self->db != NULL) {
        /* statements still held by cursors are finalized when those go: close_v2 waits */
        int rc = sqlite3_close_v2(self->db);
        self->db = NULL;
        if (rc != SQLITE_OK) {
            PyErr_SetString(OperationalError, sqlite3_errstr(rc));
            return NULL;
        }
    }
    Py_RETURN_NONE;
}

static PyObject *connection_cursor(Connection *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"factory", NULL};
    PyObject *factory = (PyObject *)&CursorType;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:cursor", kwlist, &factory))
        return NULL;
    if (!check_connection(self))
        return NULL;
    PyObject *cursor = PyObject_CallOneArg(factory, (PyObject *)self);
    if (cursor == NULL)
        return NULL;
    if (!PyObject_TypeCheck(cursor, &CursorType)) {
        PyErr_Format(PyExc_TypeError, "factory must return a cursor, not %.100s",
                     Py_TYPE(cursor)->tp_name);
        Py_DECREF(cursor);
        return NULL;
    }
    if (self->row_factory != Py_None &&
        PyObject_SetAttrString(cursor, "row_factory", self->row_factory) < 0) {
        Py_DECREF(cursor);
        return NULL;
    }
    return cursor;
}

/* execute / executemany / executescript: a new cursor, then its method. */
static PyObject *connection_delegate(Connection *self, PyObject *args, const char *name)
{
    PyObject *cursor = PyObject_CallMethod((PyObject *)self, "cursor", NULL);
    if (cursor == NULL)
        return NULL;
    PyObject *meth = PyObject_GetAttrString(cursor, name);
    PyObject *r = meth != NULL ? PyObject_Call(meth, args, NULL) : NULL;
    Py_XDECREF(meth);
    if (r == NULL) {
        Py_DECREF(cursor);
        return NULL;
    }
    Py_DECREF(r);
    return cursor;
}

static PyObject *connection_execute(Connection *self, PyObject *args)
{
    return connection_delegate(self, args, "execute");
}

static PyObject *connection_executemany(Connection *self, PyObject *args)
{
    return connection_delegate(self, args, "executemany");
}

static PyObject *connection_executescript(Connection *self, PyObject *args)
{
    return connection_delegate(self, args, "executescript");
}

static PyObject *connection_enter(Connection *self, PyObject *Py_UNUSED(ignored))
{
    if (!check_connection(self))
        return NULL;
    return Py_NewRef(self);
}

static PyObject *connection_exit(Connection *self, PyObject *args)
{
    PyObject *type, *value, *tb;
    if (!PyArg_ParseTuple(args, "OOO:__exit__", &type, &value, &tb))
        return NULL;
    PyObject *r = type == Py_None ? connection_commit(self, NULL)
                                  : connection_rollback(self, NULL);
    if (r == NULL) {
        if (type == Py_None) {
            /* a failed commit is rolled back, the commit's error kept */
            PyObject *exc = PyErr_GetRaisedException();
            PyObject *rb = connection_rollback(self, NULL);
            Py_XDECREF(rb);
            PyErr_SetRaisedException(exc);
        }
        return NULL;
    }
    Py_DECREF(r);
    Py_RETURN_FALSE;
}

static PyObject *connection_iterdump(Connection *self, PyObject *Py_UNUSED(ignored))
{
    if (!check_connection(self))
        return NULL;
    PyObject *mod = PyImport_ImportModule("sqlite3.dump");
    if (mod == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(mod, "_iterdump", "O", self);
    Py_DECREF(mod);
    return r;
}

/* ---------------------------------------------------------------- user functions */

static PyObject *value_to_python(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return PyLong_FromLongLong(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return PyFloat_FromDouble(sqlite3_value_double(v));
    case SQLITE_TEXT:
        return PyUnicode_FromStringAndSize((const char *)sqlite3_value_text(v),
                                           sqlite3_value_bytes(v));
    case SQLITE_BLOB:
        return PyBytes_FromStringAndSize(sqlite3_value_blob(v), sqlite3_value_bytes(v));
    default:
        return Py_NewRef(Py_None);
    }
}

static int set_result(sqlite3_context *ctx, PyObject *r)
{
    if (r == Py_None) {
        sqlite3_result_null(ctx);
    }
    else if (PyLong_Check(r)) {
        long long v = PyLong_AsLongLong(r);
        if (v == -1 && PyErr_Occurred())
            return -1;
        sqlite3_result_int64(ctx, v);
    }
    else if (PyFloat_Check(r)) {
        sqlite3_result_double(ctx, PyFloat_AS_DOUBLE(r));
    }
    else if (PyUnicode_Check(r)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(r, &n);
        if (s == NULL)
            return -1;
        sqlite3_result_text64(ctx, s, (sqlite3_uint64)n, SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    else if (PyObject_CheckBuffer(r)) {
        Py_buffer view;
        if (PyObject_GetBuffer(r, &view, PyBUF_SIMPLE) < 0)
            return -1;
        sqlite3_result_blob64(ctx, view.buf, (sqlite3_uint64)view.len, SQLITE_TRANSIENT);
        PyBuffer_Release(&view);
    }
    else {
        return -1;
    }
    return 0;
}

static void func_callback(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *func = sqlite3_user_data(ctx);
    PyObject *args = PyTuple_New(argc), *r = NULL;
    for (int i = 0; args != NULL && i < argc; i++) {
        PyObject *v = value_to_python(argv[i]);
        if (v == NULL) {
            Py_CLEAR(args);
            break;
        }
        PyTuple_SET_ITEM(args, i, v);
    }
    if (args != NULL)
        r = PyObject_Call(func, args, NULL);
    Py_XDECREF(args);
    if (r == NULL || set_result(ctx, r) < 0) {
        PyErr_Clear();
        sqlite3_result_error(ctx, "user-defined function raised exception", -1);
    }
    Py_XDECREF(r);
    PyGILState_Release(gil);
}

static void destroy_pyobject(void *p)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    Py_DECREF((PyObject *)p);
    PyGILState_Release(gil);
}

static PyObject *connection_create_function(Connection *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"name", "narg", "func", "deterministic", NULL};
    const char *name;
    int narg, deterministic = 0;
    PyObject *func;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "siO|$p:create_function", kwlist, &name,
                                     &narg, &func, &deterministic))
        return NULL;
    if (!check_connection(self))
        return NULL;
    int flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0);
    int rc;
    if (func == Py_None) {
        rc = sqlite3_create_function_v2(self->db, name, narg, flags, NULL, NULL, NULL, NULL,
                                        NULL);
    }
    else {
        Py_INCREF(func);
        rc = sqlite3_create_function_v2(self->db, name, narg, flags, func, func_callback,
                                        NULL, NULL, destroy_pyobject);
    }
    if (rc != SQLITE_OK) {
        PyErr_SetString(OperationalError, "Error creating function");
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyObject *connection_get_isolation_level(Connection *self, void *Py_UNUSED(c))
{
    if (!check_connection(self))
        return NULL;
    return Py_NewRef(self->isolation_level);
}

static int connection_set_isolation_level_attr(Connection *self, PyObject *v, void *Py_UNUSED(c))
{
    if (!check_connection(self))
        return -1;
    return set_isolation_level(self, v);
}

static PyObject *connection_get_total_changes(Connection *self, void *Py_UNUSED(c))
{
    if (!check_connection(self))
        return NULL;
    return PyLong_FromLong(sqlite3_total_changes(self->db));
}

static PyObject *connection_get_in_transaction(Connection *self, void *Py_UNUSED(c))
{
    if (!check_connection(self))
        return NULL;
    return PyBool_FromLong(!sqlite3_get_autocommit(self->db));
}

static PyMethodDef connection_methods[] = {
    {"cursor", (PyCFunction)(void (*)(void))connection_cursor, METH_VARARGS | METH_KEYWORDS,
     "Return a cursor for the connection."},
    {"close", (PyCFunction)connection_close, METH_NOARGS, "Closes the connection."},
    {"commit", (PyCFunction)connection_commit, METH_NOARGS,
     "Commit the current transaction."},
    {"rollback", (PyCFunction)connection_rollback, METH_NOARGS,
     "Roll back the current transaction."},
    {"execute", (PyCFunction)connection_execute, METH_VARARGS,
     "Executes an SQL statement."},
    {"executemany", (PyCFunction)connection_executemany, METH_VARARGS,
     "Repeatedly executes an SQL statement."},
    {"executescript", (PyCFunction)connection_executescript, METH_VARARGS,
     "Executes multiple SQL statements at once."},
    {"create_function", (PyCFunction)(void (*)(void))connection_create_function,
     METH_VARARGS | METH_KEYWORDS, "Creates a new function."},
    {"iterdump", (PyCFunction)connection_iterdump, METH_NOARGS,
     "Returns iterator to the dump of the database in an SQL text format."},
    {"__enter__", (PyCFunction)connection_enter, METH_NOARGS,
     "Called when the connection is used as a context manager."},
    {"__exit__", (PyCFunction)connection_exit, METH_VARARGS,
     "Called when the connection is used as a context manager."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef connection_members[] = {
    {"row_factory", T_OBJECT, offsetof(Connection, row_factory), 0, NULL},
    {"text_factory", T_OBJECT, offsetof(Connection, text_factory), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyGetSetDef connection_getset[] = {
    {"isolation_level", (getter)connection_get_isolation_level,
     (setter)connection_set_isolation_level_attr, NULL, NULL},
    {"total_changes", (getter)connection_get_total_changes, NULL, NULL, NULL},
    {"in_transaction", (getter)connection_get_in_transaction, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject ConnectionType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Connection",
    .tp_basicsize = sizeof(Connection),
    .tp_dealloc = (destructor)connection_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "SQLite database connection object.",
    .tp_traverse = (traverseproc)connection_traverse,
    .tp_clear = (inquiry)connection_clear,
    .tp_methods = connection_methods,
    .tp_members = connection_members,
    .tp_getset = connection_getset,
    .tp_init = (initproc)connection_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ================================================================ cursor */

typedef struct {
    PyObject_HEAD
    Connection *connection;
    sqlite3_stmt *stmt;          /* positioned on the next row to fetch, or NULL */
    PyObject *description, *lastrowid, *row_factory;
    PyObject *row_cast_map;      /* list of converters (or None) per column */
    long rowcount;
    int arraysize;
    int closed, initialized, locked;
} Cursor;

static int cursor_init(Cursor *self, PyObject *args, PyObject *kw)
{
    Connection *conn;
    if (!PyArg_ParseTuple(args, "O!:Cursor", &ConnectionType, &conn))
        return -1;
    Py_INCREF(conn);
    Py_XSETREF(self->connection, conn);
    Py_XSETREF(self->description, Py_NewRef(Py_None));
    Py_XSETREF(self->lastrowid, Py_NewRef(Py_None));
    Py_XSETREF(self->row_factory, Py_NewRef(Py_None));
    self->arraysize = 1;
    self->rowcount = -1;
    self->initialized = 1;
    return 0;
}

static void cursor_reset(Cursor *self)
{
    if (self->stmt != NULL) {
        sqlite3_finalize(self->stmt);
        self->stmt = NULL;
    }
}

static void cursor_dealloc(Cursor *self)
{
    PyObject_GC_UnTrack(self);
    cursor_reset(self);
    Py_XDECREF(self->connection);
    Py_XDECREF(self->description);
    Py_XDECREF(self->lastrowid);
    Py_XDECREF(self->row_factory);
    Py_XDECREF(self->row_cast_map);
    Py_TYPE(self)->tp_free(self);
}

static int cursor_traverse(Cursor *self, visitproc visit, void *arg)
{
    Py_VISIT(self->connection);
    Py_VISIT(self->row_factory);
    Py_VISIT(self->row_cast_map);
    return 0;
}

static int check_cursor(Cursor *self)
{
    if (!self->initialized) {
        PyErr_SetString(ProgrammingError, "Base Cursor.__init__ not called.");
        return 0;
    }
    if (self->closed) {
        PyErr_SetString(ProgrammingError, "Cannot operate on a closed cursor.");
        return 0;
    }
    if (self->locked) {
        PyErr_SetString(ProgrammingError, "Recursive use of cursors not allowed.");
        return 0;
    }
    return check_connection(self->connection);
}

/* INSERT / UPDATE / DELETE / REPLACE open a transaction and count rowcount. */
static int is_dml(const char *sql)
{
    for (;;) {
        while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '\r' || *sql == '\f')
            sql++;
        if (sql[0] == '-' && sql[1] == '-') {
            while (*sql && *sql != '\n')
                sql++;
        }
        else if (sql[0] == '/' && sql[1] == '*') {
            const char *end = strstr(sql + 2, "*/");
            if (end == NULL)
                return 0;
            sql = end + 2;
        }
        else {
            break;
        }
    }
    return strncasecmp(sql, "insert", 6) == 0 || strncasecmp(sql, "update", 6) == 0 ||
           strncasecmp(sql, "delete", 6) == 0 || strncasecmp(sql, "replace", 7) == 0;
}

/* Registered adapter for type(obj), if any (new reference; obj itself otherwise). */
static PyObject *adapt_param(PyObject *obj)
{
    if (!base_type_adapted && (PyLong_CheckExact(obj) || PyFloat_CheckExact(obj) ||
                               PyUnicode_CheckExact(obj) || PyByteArray_CheckExact(obj)))
        return Py_NewRef(obj);
    PyObject *key = Py_BuildValue("(OO)", Py_TYPE(obj), &PrepareProtocolType);
    if (key == NULL)
        return NULL;
    PyObject *adapter = PyDict_GetItemWithError(adapters, key);
    Py_DECREF(key);
    if (adapter != NULL)
        return PyObject_CallOneArg(adapter, obj);
    if (PyErr_Occurred())
        return NULL;
    return Py_NewRef(obj);
}

static int bind_param(Cursor *self, int pos, PyObject *param)
{
    sqlite3_stmt *st = self->stmt;
    PyObject *obj = adapt_param(param);
    if (obj == NULL)
        return -1;
    int rc;
    if (obj == Py_None) {
        rc = sqlite3_bind_null(st, pos);
    }
    else if (PyLong_Check(obj)) {
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
        if (overflow) {
            Py_DECREF(obj);
            PyErr_SetString(PyExc_OverflowError,
                            "Python int too large to convert to SQLite INTEGER");
            return -1;
        }
        rc = sqlite3_bind_int64(st, pos, v);
    }
    else if (PyFloat_Check(obj)) {
        rc = sqlite3_bind_double(st, pos, PyFloat_AS_DOUBLE(obj));
    }
    else if (PyUnicode_Check(obj)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &n);
        if (s == NULL) {
            Py_DECREF(obj);
            return -1;
        }
        rc = sqlite3_bind_text64(st, pos, s, (sqlite3_uint64)n, SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    else if (PyObject_CheckBuffer(obj)) {
        Py_buffer view;
        if (PyObject_GetBuffer(obj, &view, PyBUF_SIMPLE) < 0) {
            Py_DECREF(obj);
            return -1;
        }
        rc = sqlite3_bind_blob64(st, pos, view.buf, (sqlite3_uint64)view.len, SQLITE_TRANSIENT);
        PyBuffer_Release(&view);
    }
    else {
        PyErr_Format(ProgrammingError,
                     "Error binding parameter %d - probably unsupported type.", pos);
        Py_DECREF(obj);
        return -1;
    }
    Py_DECREF(obj);
    if (rc != SQLITE_OK) {
        set_error(self->connection->db);
        return -1;
    }
    return 0;
}

/* qmark parameters from a sequence, named ones from a mapping. */
static int bind_params(Cursor *self, PyObject *params)
{
    int n = sqlite3_bind_parameter_count(self->stmt);
    if (PyDict_Check(params) || (!PyTuple_Check(params) && !PyList_Check(params) &&
                                 PyMapping_Check(params) && !PySequence_Check(params))) {
        for (int i = 1; i <= n; i++) {
            const char *name = sqlite3_bind_parameter_name(self->stmt, i);
            if (name == NULL) {
                PyErr_Format(ProgrammingError,
                             "Binding %d has no name, but you supplied a dictionary (which "
                             "has only names).", i);
                return -1;
            }
            PyObject *v = PyMapping_GetItemString(params, name + 1);
            if (v == NULL) {
                if (PyErr_ExceptionMatches(PyExc_LookupError)) {
                    PyErr_Clear();
                    PyErr_Format(ProgrammingError,
                                 "You did not supply a value for binding parameter %s.", name);
                }
                return -1;
            }
            int r = bind_param(self, i, v);
            Py_DECREF(v);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    if (!PySequence_Check(params)) {
        PyErr_SetString(ProgrammingError, "parameters are of unsupported type");
        return -1;
    }
    Py_ssize_t given = PySequence_Size(params);
    if (given < 0)
        return -1;
    if (given != n) {
        PyErr_Format(ProgrammingError,
                     "Incorrect number of bindings supplied. The current statement uses %d, "
                     "and there are %zd supplied.", n, given);
        return -1;
    }
    for (int i = 0; i < n; i++) {
        PyObject *v = PySequence_GetItem(params, i);
        if (v == NULL)
            return -1;
        int r = bind_param(self, i + 1, v);
        Py_DECREF(v);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* Converter registered for a name (case-insensitive), borrowed, or NULL. */
static PyObject *lookup_converter(const char *name, size_t len)
{
    PyObject *key = PyUnicode_FromStringAndSize(name, (Py_ssize_t)len);
    if (key == NULL)
        return NULL;
    PyObject *upper = PyObject_CallMethod(key, "upper", NULL);
    Py_DECREF(key);
    if (upper == NULL)
        return NULL;
    PyObject *conv = PyDict_GetItemWithError(converters, upper);
    Py_DECREF(upper);
    return conv;
}

/* description (column names, "[type]" stripped under PARSE_COLNAMES) and converters. */
static int build_description(Cursor *self)
{
    int ncols = sqlite3_column_count(self->stmt);
    int detect = self->connection->detect_types;
    Py_CLEAR(self->row_cast_map);
    if (ncols == 0) {
        Py_XSETREF(self->description, Py_NewRef(Py_None));
        return 0;
    }
    PyObject *desc = PyTuple_New(ncols), *casts = PyList_New(ncols);
    if (desc == NULL || casts == NULL)
        goto fail;
    for (int i = 0; i < ncols; i++) {
        const char *name = sqlite3_column_name(self->stmt, i);
        size_t namelen = strlen(name);
        PyObject *conv = NULL;
        if (detect & PARSE_COLNAMES) {
            const char *open = strchr(name, '[');
            const char *close = open ? strchr(open, ']') : NULL;
            if (open != NULL && close != NULL) {
                conv = lookup_converter(open + 1, (size_t)(close - open - 1));
                if (conv == NULL && PyErr_Occurred())
                    goto fail;
            }
            const char *cut = strstr(name, " [");
            if (cut != NULL)
                namelen = (size_t)(cut - name);
        }
        if (conv == NULL && (detect & PARSE_DECLTYPES)) {
            const char *decl = sqlite3_column_decltype(self->stmt, i);
            if (decl != NULL) {
                size_t n = 0;
                while (decl[n] && decl[n] != ' ' && decl[n] != '(')
                    n++;
                conv = lookup_converter(decl, n);
                if (conv == NULL && PyErr_Occurred())
                    goto fail;
            }
        }
        PyList_SET_ITEM(casts, i, Py_NewRef(conv != NULL ? conv : Py_None));
        PyObject *item = Py_BuildValue("(s#OOOOOO)", name, (Py_ssize_t)namelen, Py_None,
                                       Py_None, Py_None, Py_None, Py_None, Py_None);
        if (item == NULL)
            goto fail;
        PyTuple_SET_ITEM(desc, i, item);
    }
    Py_XSETREF(self->description, desc);
    self->row_cast_map = casts;
    return 0;
fail:
    Py_XDECREF(desc);
    Py_XDECREF(casts);
    return -1;
}

static int step(Cursor *self)
{
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_step(self->stmt);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        set_error(self->connection->db);
        cursor_reset(self);
        return -1;
    }
    return rc;
}

/* Prepare one statement; anything but whitespace/comments after it is an error. */
static int prepare(Cursor *self, PyObject *sql)
{
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(sql, &n);
    if (s == NULL)
        return -1;
    if (strlen(s) != (size_t)n) {
        PyErr_SetString(ProgrammingError, "the query contains a null character");
        return -1;
    }
    const char *tail;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_prepare_v2(self->connection->db, s, (int)n + 1, &self->stmt, &tail);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK) {
        set_error(self->connection->db);
        return -1;
    }
    sqlite3_stmt *rest = NULL;
    if (sqlite3_prepare_v2(self->connection->db, tail, -1, &rest, NULL) == SQLITE_OK &&
        rest != NULL) {
        sqlite3_finalize(rest);
        cursor_reset(self);
        PyErr_SetString(ProgrammingError, "You can only execute one statement at a time.");
        return -1;
    }
    return 0;   /* self->stmt NULL: an empty statement, nothing to run */
}

static PyObject *execute_impl(Cursor *self, PyObject *sql, PyObject *param_iter, int multiple)
{
    if (!check_cursor(self))
        return NULL;
    cursor_reset(self);
    Py_XSETREF(self->description, Py_NewRef(Py_None));
    if (prepare(self, sql) < 0)
        return NULL;
    const char *text = PyUnicode_AsUTF8(sql);
    int dml = is_dml(text);
    self->rowcount = dml ? 0 : -1;
    Connection *conn = self->connection;
    if (self->stmt == NULL)
        return Py_NewRef(self);
    if (dml && conn->begin_statement != NULL && sqlite3_get_autocommit(conn->db) &&
        connection_exec_simple(conn, conn->begin_statement) == NULL) {
        cursor_reset(self);
        return NULL;
    }
    PyObject *params;
    self->locked = 1;
    while ((params = PyIter_Next(param_iter)) != NULL) {
        sqlite3_reset(self->stmt);
        sqlite3_clear_bindings(self->stmt);
        int r = bind_params(self, params);
        Py_DECREF(params);
        if (r < 0)
            goto error;
        r = step(self);
        if (r < 0)
            goto error;
        if (r == SQLITE_ROW && multiple) {
            PyErr_SetString(ProgrammingError, "executemany() can only execute DML statements.");
            goto error;
        }
        if (build_description(self) < 0)
            goto error;
        if (dml)
            self->rowcount += sqlite3_changes(conn->db);
        if (!multiple)
            Py_XSETREF(self->lastrowid, PyLong_FromLongLong(sqlite3_last_insert_rowid(conn->db)));
        if (r == SQLITE_DONE && !multiple)
            cursor_reset(self);
    }
    self->locked = 0;
    if (PyErr_Occurred())
        goto error_unlocked;
    if (multiple)
        cursor_reset(self);
    return Py_NewRef(self);
error:
    self->locked = 0;
error_unlocked:
    cursor_reset(self);
    return NULL;
}

static PyObject *cursor_execute(Cursor *self, PyObject *args)
{
    PyObject *sql, *params = NULL;
    if (!PyArg_ParseTuple(args, "U|O:execute", &sql, &params))
        return NULL;
    PyObject *one = params != NULL ? PyTuple_Pack(1, params) : Py_BuildValue("(())");
    if (one == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(one);
    Py_DECREF(one);
    if (it == NULL)
        return NULL;
    PyObject *r = execute_impl(self, sql, it, 0);
    Py_DECREF(it);
    return r;
}

static PyObject *cursor_executemany(Cursor *self, PyObject *args)
{
    PyObject *sql, *seq;
    if (!PyArg_ParseTuple(args, "UO:executemany", &sql, &seq))
        return NULL;
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL)
        return NULL;
    PyObject *r = execute_impl(self, sql, it, 1);
    Py_DECREF(it);
    return r;
}

static PyObject *cursor_executescript(Cursor *self, PyObject *args)
{
    const char *script;
    if (!PyArg_ParseTuple(args, "s:executescript", &script))
        return NULL;
    if (!check_cursor(self))
        return NULL;
    Connection *conn = self->connection;
    /* a pending transaction is committed first */
    if (!sqlite3_get_autocommit(conn->db) && connection_exec_simple(conn, "COMMIT") == NULL)
        return NULL;
    int rc;
    Py_BEGIN_ALLOW_THREADS
    rc = sqlite3_exec(conn->db, script, NULL, NULL, NULL);
    Py_END_ALLOW_THREADS
    if (rc != SQLITE_OK) {
        set_error(conn->db);
        return NULL;
    }
    return Py_NewRef(self);
}

static PyObject *column_value(Cursor *self, int i)
{
    sqlite3_stmt *st = self->stmt;
    PyObject *conv = self->row_cast_map != NULL ? PyList_GET_ITEM(self->row_cast_map, i)
                                                : Py_None;
    int type = sqlite3_column_type(st, i);
    if (conv != Py_None) {
        if (type == SQLITE_NULL)
            return Py_NewRef(Py_None);
        const void *blob = sqlite3_column_blob(st, i);
        PyObject *b = PyBytes_FromStringAndSize(blob, sqlite3_column_bytes(st, i));
        if (b == NULL)
            return NULL;
        PyObject *r = PyObject_CallOneArg(conv, b);
        Py_DECREF(b);
        return r;
    }
    switch (type) {
    case SQLITE_NULL:
        return Py_NewRef(Py_None);
    case SQLITE_INTEGER:
        return PyLong_FromLongLong(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT:
        return PyFloat_FromDouble(sqlite3_column_double(st, i));
    case SQLITE_TEXT: {
        const char *text = (const char *)sqlite3_column_text(st, i);
        int n = sqlite3_column_bytes(st, i);
        PyObject *tf = self->connection->text_factory;
        if (tf == (PyObject *)&PyUnicode_Type) {
            PyObject *r = PyUnicode_DecodeUTF8(text, n, NULL);
            if (r == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
                PyErr_Clear();
                PyErr_Format(OperationalError,
                             "Could not decode to UTF-8 column '%s' with text '%s'",
                             sqlite3_column_name(st, i), text);
            }
            return r;
        }
        if (tf == (PyObject *)&PyBytes_Type)
            return PyBytes_FromStringAndSize(text, n);
        if (tf == (PyObject *)&PyByteArray_Type)
            return PyByteArray_FromStringAndSize(text, n);
        PyObject *b = PyBytes_FromStringAndSize(text, n);
        if (b == NULL)
            return NULL;
        PyObject *r = PyObject_CallOneArg(tf, b);
        Py_DECREF(b);
        return r;
    }
    default:
        return PyBytes_FromStringAndSize(sqlite3_column_blob(st, i),
                                         sqlite3_column_bytes(st, i));
    }
}

/* The row the statement is on (through row_factory), then step past it. */
static PyObject *cursor_iternext(Cursor *self)
{
    if (!check_cursor(self))
        return NULL;
    if (self->stmt == NULL)
        return NULL;
    int ncols = sqlite3_column_count(self->stmt);
    PyObject *row = PyTuple_New(ncols);
    if (row == NULL)
        return NULL;
    for (int i = 0; i < ncols; i++) {
        PyObject *v = column_value(self, i);
        if (v == NULL) {
            Py_DECREF(row);
            return NULL;
        }
        PyTuple_SET_ITEM(row, i, v);
    }
    if (step(self) == SQLITE_DONE)
        cursor_reset(self);
    else if (PyErr_Occurred()) {
        Py_DECREF(row);
        return NULL;
    }
    if (self->row_factory != Py_None) {
        PyObject *r = PyObject_CallFunctionObjArgs(self->row_factory, (PyObject *)self, row,
                                                   NULL);
        Py_DECREF(row);
        return r;
    }
    return row;
}

static PyObject *cursor_fetchone(Cursor *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *row = cursor_iternext(self);
    if (row == NULL && !PyErr_Occurred())
        Py_RETURN_NONE;
    return row;
}

static PyObject *fetch_n(Cursor *self, long n)
{
    PyObject *list = PyList_New(0), *row;
    if (list == NULL)
        return NULL;
    while ((n < 0 || PyList_GET_SIZE(list) < n) && (row = cursor_iternext(self)) != NULL) {
        int r = PyList_Append(list, row);
        Py_DECREF(row);
        if (r < 0)
            break;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(list);
        return NULL;
    }
    return list;
}

static PyObject *cursor_fetchmany(Cursor *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"size", NULL};
    int size = self->arraysize;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|i:fetchmany", kwlist, &size))
        return NULL;
    return fetch_n(self, size);
}

static PyObject *cursor_fetchall(Cursor *self, PyObject *Py_UNUSED(ignored))
{
    return fetch_n(self, -1);
}

static PyObject *cursor_close(Cursor *self, PyObject *Py_UNUSED(ignored))
{
    if (!self->initialized) {
        PyErr_SetString(ProgrammingError, "Base Cursor.__init__ not called.");
        return NULL;
    }
    if (!check_connection(self->connection))
        return NULL;
    cursor_reset(self);
    self->closed = 1;
    Py_RETURN_NONE;
}

static PyObject *cursor_noop(Cursor *self, PyObject *args)
{
    Py_RETURN_NONE;
}

static PyObject *cursor_iter(Cursor *self)
{
    if (!check_cursor(self))
        return NULL;
    return Py_NewRef(self);
}

static PyMethodDef cursor_methods[] = {
    {"execute", (PyCFunction)cursor_execute, METH_VARARGS, "Executes an SQL statement."},
    {"executemany", (PyCFunction)cursor_executemany, METH_VARARGS,
     "Repeatedly executes an SQL statement."},
    {"executescript", (PyCFunction)cursor_executescript, METH_VARARGS,
     "Executes multiple SQL statements at once."},
    {"fetchone", (PyCFunction)cursor_fetchone, METH_NOARGS, "Fetches one row from the resultset."},
    {"fetchmany", (PyCFunction)(void (*)(void))cursor_fetchmany, METH_VARARGS | METH_KEYWORDS,
     "Fetches several rows from the resultset."},
    {"fetchall", (PyCFunction)cursor_fetchall, METH_NOARGS, "Fetches all rows from the resultset."},
    {"close", (PyCFunction)cursor_close, METH_NOARGS, "Closes the cursor."},
    {"setinputsizes", (PyCFunction)cursor_noop, METH_O, "Required by DB-API. Does nothing."},
    {"setoutputsize", (PyCFunction)cursor_noop, METH_VARARGS, "Required by DB-API. Does nothing."},
    {NULL, NULL, 0, NULL},
};

static PyMemberDef cursor_members[] = {
    {"connection", T_OBJECT, offsetof(Cursor, connection), READONLY, NULL},
    {"description", T_OBJECT, offsetof(Cursor, description), READONLY, NULL},
    {"arraysize", T_INT, offsetof(Cursor, arraysize), 0, NULL},
    {"lastrowid", T_OBJECT, offsetof(Cursor, lastrowid), READONLY, NULL},
    {"rowcount", T_LONG, offsetof(Cursor, rowcount), READONLY, NULL},
    {"row_factory", T_OBJECT, offsetof(Cursor, row_factory), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject CursorType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Cursor",
    .tp_basicsize = sizeof(Cursor),
    .tp_dealloc = (destructor)cursor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "SQLite database cursor class.",
    .tp_traverse = (traverseproc)cursor_traverse,
    .tp_iter = (getiterfunc)cursor_iter,
    .tp_iternext = (iternextfunc)cursor_iternext,
    .tp_methods = cursor_methods,
    .tp_members = cursor_members,
    .tp_init = (initproc)cursor_init,
    .tp_alloc = PyType_GenericAlloc,
    .tp_new = PyType_GenericNew,
    .tp_free = PyObject_GC_Del,
};

/* ================================================================ Row */

typedef struct {
    PyObject_HEAD
    PyObject *data;         /* tuple */
    PyObject *description;  /* the cursor's */
} Row;

static PyObject *row_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    PyObject *cursor, *data;
    if ((kw != NULL && PyDict_GET_SIZE(kw) > 0) &&
        !_PyArg_NoKeywords("Row", kw))
        return NULL;
    if (!PyArg_ParseTuple(args, "O!O!:Row", &CursorType, &cursor, &PyTuple_Type, &data))
        return NULL;
    Row *self = (Row *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->data = Py_NewRef(data);
    self->description = Py_NewRef(((Cursor *)cursor)->description);
    return (PyObject *)self;
}

static void row_dealloc(Row *self)
{
    PyObject_GC_UnTrack(self);
    Py_XDECREF(self->data);
    Py_XDECREF(self->description);
    Py_TYPE(self)->tp_free(self);
}

static int row_traverse(Row *self, visitproc visit, void *arg)
{
    Py_VISIT(self->data);
    Py_VISIT(self->description);
    return 0;
}

static Py_ssize_t row_length(Row *self)
{
    return PyTuple_GET_SIZE(self->data);
}

static PyObject *row_item(Row *self, Py_ssize_t i)
{
    if (i < 0 || i >= PyTuple_GET_SIZE(self->data)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return Py_NewRef(PyTuple_GET_ITEM(self->data, i));
}

static PyObject *row_subscript(Row *self, PyObject *key)
{
    if (PyLong_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        if (i < 0)
            i += PyTuple_GET_SIZE(self->data);
        return row_item(self, i);
    }
    if (PyUnicode_Check(key)) {
        Py_ssize_t n = PyTuple_Check(self->description) ? PyTuple_GET_SIZE(self->description) : 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *name = PyTuple_GET_ITEM(PyTuple_GET_ITEM(self->description, i), 0);
            /* names match ASCII-case-insensitively, as in CPython */
            const char *a = PyUnicode_AsUTF8(name), *b = PyUnicode_AsUTF8(key);
            if (a == NULL || b == NULL)
                return NULL;
            if (strcasecmp(a, b) == 0)
                return row_item(self, i);
        }
        PyErr_SetString(PyExc_IndexError, "No item with that key");
        return NULL;
    }
    if (PySlice_Check(key))
        return PyObject_GetItem(self->data, key);
    PyErr_SetString(PyExc_IndexError, "Index must be int or string");
    return NULL;
}

static PyObject *row_keys(Row *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *list = PyList_New(0);
    if (list == NULL || !PyTuple_Check(self->description))
        return list;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(self->description); i++) {
        if (PyList_Append(list, PyTuple_GET_ITEM(PyTuple_GET_ITEM(self->description, i), 0)) < 0) {
            Py_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static PyObject *row_iter(Row *self)
{
    return PyObject_GetIter(self->data);
}

static Py_hash_t row_hash(Row *self)
{
    Py_hash_t a = PyObject_Hash(self->description), b = PyObject_Hash(self->data);
    if (a == -1 || b == -1)
        return -1;
    return a ^ b;
}

static PyObject *row_richcompare(Row *self, PyObject *other, int op)
{
    if (op != Py_EQ && op != Py_NE)
        Py_RETURN_NOTIMPLEMENTED;
    if (!PyObject_TypeCheck(other, &RowType))
        Py_RETURN_NOTIMPLEMENTED;
    Row *o = (Row *)other;
    int eq = PyObject_RichCompareBool(self->description, o->description, Py_EQ);
    if (eq < 0)
        return NULL;
    if (eq)
        return PyObject_RichCompare(self->data, o->data, op);
    return PyBool_FromLong(op == Py_NE);
}

static PyMappingMethods row_as_mapping = {
    .mp_length = (lenfunc)row_length,
    .mp_subscript = (binaryfunc)row_subscript,
};

static PySequenceMethods row_as_sequence = {
    .sq_length = (lenfunc)row_length,
    .sq_item = (ssizeargfunc)row_item,
};

static PyMethodDef row_methods[] = {
    {"keys", (PyCFunction)row_keys, METH_NOARGS, "Returns the keys of the row."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject RowType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.Row",
    .tp_basicsize = sizeof(Row),
    .tp_dealloc = (destructor)row_dealloc,
    .tp_as_sequence = &row_as_sequence,
    .tp_as_mapping = &row_as_mapping,
    .tp_hash = (hashfunc)row_hash,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)row_traverse,
    .tp_richcompare = (richcmpfunc)row_richcompare,
    .tp_iter = (getiterfunc)row_iter,
    .tp_methods = row_methods,
    .tp_new = row_new,
    .tp_alloc = PyType_GenericAlloc,
    .tp_free = PyObject_GC_Del,
};

static PyTypeObject PrepareProtocolType = {
    PyVarObject_HEAD_INIT(&PyType_Type, 0)
    .tp_name = "sqlite3.PrepareProtocol",
    .tp_basicsize = sizeof(PyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "PEP 246 style object adaption protocol type.",
    .tp_new = PyType_GenericNew,
};

/* ================================================================ module functions */

static PyObject *module_connect(PyObject *module, PyObject *args, PyObject *kw)
{
    PyObject *factory = (PyObject *)&ConnectionType;
    PyObject *kwcopy = kw != NULL ? PyDict_Copy(kw) : PyDict_New();
    if (kwcopy == NULL)
        return NULL;
    PyObject *f = PyDict_GetItemString(kwcopy, "factory");
    if (f == NULL && PyTuple_GET_SIZE(args) > 5) {
        /* factory is connect()'s sixth positional parameter too */
        factory = PyTuple_GET_ITEM(args, 5);
        Py_INCREF(factory);
    }
    else if (f != NULL) {
        factory = f;
        Py_INCREF(factory);
        PyDict_DelItemString(kwcopy, "factory");
    }
    else {
        Py_INCREF(factory);
    }
    PyObject *r = PyObject_Call(factory, args, kwcopy);
    Py_DECREF(factory);
    Py_DECREF(kwcopy);
    return r;
}

static PyObject *module_register_adapter(PyObject *module, PyObject *args)
{
    PyTypeObject *type;
    PyObject *caster;
    if (!PyArg_ParseTuple(args, "O!O:register_adapter", &PyType_Type, &type, &caster))
        return NULL;
    if (type == &PyLong_Type || type == &PyFloat_Type || type == &PyUnicode_Type ||
        type == &PyByteArray_Type)
        base_type_adapted = 1;
    PyObject *key = Py_BuildValue("(OO)", type, &PrepareProtocolType);
    if (key == NULL)
        return NULL;
    int r = PyDict_SetItem(adapters, key, caster);
    Py_DECREF(key);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *module_register_converter(PyObject *module, PyObject *args)
{
    PyObject *name, *callable;
    if (!PyArg_ParseTuple(args, "UO:register_converter", &name, &callable))
        return NULL;
    PyObject *upper = PyObject_CallMethod(name, "upper", NULL);
    if (upper == NULL)
        return NULL;
    int r = PyDict_SetItem(converters, upper, callable);
    Py_DECREF(upper);
    if (r < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *module_complete_statement(PyObject *module, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"statement", NULL};
    const char *s;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s:complete_statement", kwlist, &s))
        return NULL;
    return PyBool_FromLong(sqlite3_complete(s));
}

static PyObject *module_adapt(PyObject *module, PyObject *args)
{
    PyObject *obj, *proto = (PyObject *)&PrepareProtocolType, *alt = NULL;
    if (!PyArg_ParseTuple(args, "O|OO:adapt", &obj, &proto, &alt))
        return NULL;
    PyObject *key = Py_BuildValue("(OO)", Py_TYPE(obj), proto);
    if (key == NULL)
        return NULL;
    PyObject *adapter = PyDict_GetItemWithError(adapters, key);
    Py_DECREF(key);
    if (adapter != NULL)
        return PyObject_CallOneArg(adapter, obj);
    if (PyErr_Occurred())
        return NULL;
    if (alt != NULL)
        return Py_NewRef(alt);
    PyErr_SetString(ProgrammingError, "can't adapt");
    return NULL;
}

static PyObject *module_enable_callback_tracebacks(PyObject *module, PyObject *arg)
{
    if (PyObject_IsTrue(arg) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef module_methods[] = {
    {"connect", (PyCFunction)(void (*)(void))module_connect, METH_VARARGS | METH_KEYWORDS,
     "Opens a connection to the SQLite database file database."},
    {"register_adapter", module_register_adapter, METH_VARARGS,
     "Register a function to adapt Python objects to SQLite values."},
    {"register_converter", module_register_converter, METH_VARARGS,
     "Register a function to convert SQLite values to Python objects."},
    {"complete_statement", (PyCFunction)(void (*)(void))module_complete_statement,
     METH_VARARGS | METH_KEYWORDS, "Checks if a string contains a complete SQL statement."},
    {"adapt", module_adapt, METH_VARARGS, "Adapt given object to given protocol."},
    {"enable_callback_tracebacks", module_enable_callback_tracebacks, METH_O,
     "Enable or disable callback functions throwing errors to stderr."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef sqlite3module = {
    PyModuleDef_HEAD_INIT, "_sqlite3", NULL, -1, module_methods, NULL, NULL, NULL, NULL,
};

static int add_exception(PyObject *m, PyObject **slot, const char *name, PyObject *base)
{
    char full[64];
    snprintf(full, sizeof full, "sqlite3.%s", name);
    *slot = PyErr_NewException(full, base, NULL);
    if (*slot == NULL)
        return -1;
    Py_INCREF(*slot);
    return PyModule_AddObject(m, name, *slot);
}

static int add_exceptions(PyObject *m)
{
    return add_exception(m, &Warning_, "Warning", PyExc_Exception) < 0 ||
           add_exception(m, &Error, "Error", PyExc_Exception) < 0 ||
           add_exception(m, &InterfaceError, "InterfaceError", Error) < 0 ||
           add_exception(m, &DatabaseError, "DatabaseError", Error) < 0 ||
           add_exception(m, &DataError, "DataError", DatabaseError) < 0 ||
           add_exception(m, &OperationalError, "OperationalError", DatabaseError) < 0 ||
           add_exception(m, &IntegrityError, "IntegrityError", DatabaseError) < 0 ||
           add_exception(m, &InternalError, "InternalError", DatabaseError) < 0 ||
           add_exception(m, &ProgrammingError, "ProgrammingError", DatabaseError) < 0 ||
           add_exception(m, &NotSupportedError, "NotSupportedError", DatabaseError) < 0
               ? -1 : 0;
}

/* DB-API threadsafety from SQLite's compile-time threading mode. */
static int threadsafety(void)
{
    switch (sqlite3_threadsafe()) {
    case 0: return 0;
    case 1: return 3;
    default: return 1;
    }
}

PyObject *PyInit__sqlite3(void)
{
    if (Error != NULL) {
        PyErr_SetString(PyExc_ImportError, "_sqlite3 cannot be initialized twice");
        return NULL;
    }
    PyTypeObject *types[] = {&ConnectionType, &CursorType, &RowType, &PrepareProtocolType};
    const char *names[] = {"Connection", "Cursor", "Row", "PrepareProtocol"};
    for (size_t i = 0; i < 4; i++)
        if (PyType_Ready(types[i]) < 0)
            return NULL;
    PyObject *m = PyModule_Create(&sqlite3module);
    if (m == NULL)
        return NULL;
    for (size_t i = 0; i < 4; i++) {
        Py_INCREF(types[i]);
        if (PyModule_AddObject(m, names[i], (PyObject *)types[i]) < 0)
            goto fail;
    }
    if (add_exceptions(m) < 0)
        goto fail;
    adapters = PyDict_New();
    converters = PyDict_New();
    if (adapters == NULL || converters == NULL)
        goto fail;
    Py_INCREF(adapters);
    Py_INCREF(converters);
    if (PyModule_AddObject(m, "adapters", adapters) < 0 ||
        PyModule_AddObject(m, "converters", converters) < 0 ||
        PyModule_AddIntConstant(m, "PARSE_DECLTYPES", PARSE_DECLTYPES) < 0 ||
        PyModule_AddIntConstant(m, "PARSE_COLNAMES", PARSE_COLNAMES) < 0 ||
        PyModule_AddIntConstant(m, "SQLITE_OK", SQLITE_OK) < 0 ||
        PyModule_AddIntConstant(m, "SQLITE_DENY", SQLITE_DENY) < 0 ||
        PyModule_AddIntConstant(m, "SQLITE_IGNORE", SQLITE_IGNORE) < 0 ||
        PyModule_AddIntConstant(m, "threadsafety", threadsafety()) < 0 ||
        PyModule_AddStringConstant(m, "version", "2.6.0") < 0 ||
        PyModule_AddStringConstant(m, "sqlite_version", sqlite3_libversion()) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
