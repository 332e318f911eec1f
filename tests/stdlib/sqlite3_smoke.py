# sqlite3 common path: connect, cursor, execute/executemany/executescript, fetch*, Row,
# transactions, errors, create_function, adapters/converters, iterdump, text_factory.
import sqlite3
con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("create table t(id integer primary key, name text, score real, data blob)")
cur.execute("insert into t(name, score, data) values (?, ?, ?)", ("ann", 1.5, b"\x00\x01"))
print(cur.rowcount, cur.lastrowid, con.in_transaction)
cur.executemany("insert into t(name, score) values (:n, :s)", [{"n": "bob", "s": 2}, {"n": "cy", "s": None}])
print(cur.rowcount, con.total_changes)
con.commit()
print(con.in_transaction)
for row in con.execute("select * from t order by id"):
    print(row)
cur = con.execute("select id, name from t where score > ?", (1,))
print(cur.description)
print(cur.fetchone(), cur.fetchmany(5), cur.fetchall())
con.row_factory = sqlite3.Row
r = con.execute("select id, name as Nm from t").fetchone()
print(type(r).__name__, r["nm"], r[0], r.keys(), tuple(r), len(r))
try:
    con.execute("insert into t(id) values (1)")
except sqlite3.IntegrityError as e:
    print("IntegrityError", e, e.sqlite_errorname)
try:
    con.execute("select * from nope")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
try:
    con.execute("select ?", (1, 2))
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
try:
    con.execute("select 1; select 2")
except sqlite3.ProgrammingError as e:
    print(e)
con.create_function("twice", 1, lambda x: x * 2)
print(con.execute("select twice(21), twice('ab')").fetchone()[:])
with con:
    con.execute("insert into t(name) values ('dd')")
print(con.in_transaction, con.execute("select count(*) from t").fetchone()[0])
con.rollback()
import datetime
con2 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
con2.execute("create table d(x date, y timestamp)")
con2.execute("insert into d values (?, ?)", (datetime.date(2020, 1, 2), datetime.datetime(2020, 1, 2, 3, 4, 5)))
print(con2.execute("select x, y from d").fetchone())
print(con2.execute('select x as "x [timestamp]" from d').description[0][0])
con.executescript("create table u(a); insert into u values (1); insert into u values (2);")
print(list(con.iterdump())[:3])
print(sqlite3.sqlite_version_info >= (3, 0, 0), sqlite3.paramstyle, sqlite3.threadsafety)
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
con.text_factory = bytes
print(con.execute("select 'x'").fetchone()[0])
con.close()
try:
    con.execute("select 1")
except sqlite3.ProgrammingError as e:
    print(e)
print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), sqlite3.Error.__module__)
