# datetime: the one-argument pickle state may be a latin-1 str (Python 2 pickles loaded
# with encoding='latin1'); fromisocalendar turns int overflow into ValueError; %Z goes
# through tzname().replace(), which must return a str.
import datetime
import pickle

for data in [b"cdatetime\ndate\n(S'\\x07\\xdf\\x0b\\x1b'\ntR.",
             b'cdatetime\ndate\n(U\x04\x07\xdf\x0b\x1btR.',
             b'\x80\x02cdatetime\ndate\nU\x04\x07\xdf\x0b\x1b\x85R.',
             b"cdatetime\ndatetime\n(S'\\x07\\xdf\\x0b\\x1b\\x14;\\x01\\x00\\x10\\x00'\ntR.",
             b'\x80\x02cdatetime\ndatetime\nU\n\x07\xdf\x0b\x1b\x14;\x01\x00\x10\x00\x85R.',
             b"cdatetime\ntime\n(S'\\x14;\\x10\\x00\\x10\\x00'\ntR.",
             b'\x80\x02cdatetime\ntime\nU\x06\x14;\x10\x00\x10\x00\x85R.']:
    print(repr(pickle.loads(data, encoding='latin1')))
for cls, arg in [(datetime.date, '\x07\xdf\x0b\x1b'), (datetime.date, '\x07\xdf\x0d\x1b'),
                 (datetime.date, '\u0107\xdf\x0b\x1b'), (datetime.time, '\x14;\x10\x00\x10\x00'),
                 (datetime.time, '\x19;\x10\x00\x10\x00'), (datetime.time, '\x14;\u0110\x00\x10\x00'),
                 (datetime.datetime, '\x07\xdf\x0b\x1b\x14;\x01\x00\x10\x00'),
                 (datetime.date, 'abcd'), (datetime.date, b'\x07\xdf\x0d\x1b')]:
    try:
        print(repr(cls(arg)))
    except (TypeError, ValueError) as e:
        print(cls.__name__, type(e).__name__, e)
for cls in (datetime.date, datetime.datetime):
    for isocal in [(2 << 32, 1, 1), (2019, 2 << 32, 1), (2019, 1, 2 << 32), (10000, 1, 1),
                   (2019, 53, 1), (2020, 53, 7)]:
        try:
            print(cls.fromisocalendar(*isocal))
        except ValueError as e:
            print(cls.__name__, isocal, "ValueError", e)


class Tz(datetime.tzinfo):
    def __init__(self, name):
        self.name = name

    def utcoffset(self, dt):
        return datetime.timedelta(hours=3)

    def dst(self, dt):
        return None

    def tzname(self, dt):
        return self.name


class BadStr(str):
    def replace(self, *args):
        return None


class LoudStr(str):
    def replace(self, *args):
        return "<" + str.replace(self, *args) + ">"


for name in ("UTC%d", BadStr("name"), LoudStr("a%b"), None):
    for t in (datetime.datetime(2005, 3, 2, tzinfo=Tz(name)), datetime.time(1, tzinfo=Tz(name))):
        try:
            print(repr(t.strftime('[%Z]')))
        except TypeError as e:
            print("TypeError", e)
