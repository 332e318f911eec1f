# termios on a pseudo-terminal: tcgetattr/tcsetattr round-trips, the other tc* calls,
# window size, termios.error, CPython's messages; tty.setraw/setcbreak built on it.
import fcntl
import os
import struct
import termios
import tty

def openpty():
    """A (master, slave) pty pair through /dev/ptmx, as openpty(3) does it."""
    master = os.open("/dev/ptmx", os.O_RDWR | os.O_NOCTTY)
    fcntl.ioctl(master, 0x40045431, struct.pack("i", 0))      # TIOCSPTLCK: unlock
    n = struct.unpack("I", fcntl.ioctl(master, 0x80045430, b"\0" * 4))[0]  # TIOCGPTN
    return master, os.open("/dev/pts/%d" % n, os.O_RDWR | os.O_NOCTTY)

def attempt(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(" ", type(e).__name__, e)
    else:
        print(" ", repr(r))

names = [n for n in dir(termios) if not n.startswith("__")]
print(len(names), [n for n in names if n.islower()])
for name in ("B38400", "ECHO", "ICANON", "TCSANOW", "TCSADRAIN", "TCSAFLUSH", "VMIN",
             "VTIME", "NCCS", "TIOCGWINSZ", "VSWTCH", "CINTR", "IOCSIZE_SHIFT", "N_TTY"):
    print(name, getattr(termios, name))
print(termios.error.__mro__, termios.error.__module__)
print(termios.tcgetattr.__text_signature__, termios.tcsetwinsize.__text_signature__)

master, slave = openpty()
attrs = termios.tcgetattr(slave)
print(type(attrs).__name__, len(attrs), [type(x).__name__ for x in attrs[:6]])
cc = attrs[6]
print(len(cc) == termios.NCCS, type(cc[termios.VINTR]).__name__, len(cc[termios.VINTR]))
print(bool(attrs[3] & termios.ICANON), type(cc[termios.VMIN]).__name__)

new = termios.tcgetattr(slave)
new[3] &= ~(termios.ECHO | termios.ICANON)
new[6][termios.VMIN] = 1
new[6][termios.VTIME] = 0
termios.tcsetattr(slave, termios.TCSANOW, new)
got = termios.tcgetattr(slave)
print(got[3] & (termios.ECHO | termios.ICANON), got[6][termios.VMIN], got[6][termios.VTIME])
print(type(got[6][termios.VMIN]).__name__, type(got[6][termios.VINTR]).__name__)
termios.tcsetattr(slave, termios.TCSADRAIN, attrs)
print(termios.tcgetattr(slave) == attrs)
new = termios.tcgetattr(slave)
new[4] = new[5] = termios.B9600
termios.tcsetattr(slave, termios.TCSAFLUSH, new)
print(termios.tcgetattr(slave)[4:6] == [termios.B9600, termios.B9600])
termios.tcsetattr(slave, termios.TCSANOW, attrs)

print(termios.tcsendbreak(slave, 0), termios.tcdrain(slave))
print(termios.tcflush(slave, termios.TCIOFLUSH), termios.tcflush(master, termios.TCIFLUSH))
print(termios.tcflow(slave, termios.TCOOFF), termios.tcflow(slave, termios.TCOON))

termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(master, [50, 132])
print(termios.tcgetwinsize(slave))

with os.fdopen(os.dup(slave), "rb", buffering=0) as f:
    print(termios.tcgetattr(f) == termios.tcgetattr(slave))

tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw[3] & (termios.ECHO | termios.ICANON | termios.ISIG), raw[6][termios.VMIN])
termios.tcsetattr(slave, termios.TCSANOW, attrs)
tty.setcbreak(slave)
cb = termios.tcgetattr(slave)
print(cb[3] & (termios.ECHO | termios.ICANON), bool(cb[3] & termios.ISIG))
termios.tcsetattr(slave, termios.TCSANOW, attrs)

print("errors:")
attempt(termios.tcgetattr, "x")
attempt(termios.tcgetattr, -1)
attempt(termios.tcgetattr)
r, w = os.pipe()
attempt(termios.tcgetattr, r)
attempt(termios.tcsetattr, slave, 0)
attempt(termios.tcsetattr, slave, 0, [])
attempt(termios.tcsetattr, slave, 0, (1, 2, 3, 4, 5, 6, 7))
attempt(termios.tcsetattr, slave, "a", attrs)
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [attrs[6][:5]])
attempt(termios.tcsetattr, slave, 0, attrs[:6] + [[1.5] * termios.NCCS])
attempt(termios.tcsetattr, slave, 0, ["a"] + attrs[1:])
attempt(termios.tcsetattr, slave, 99, attrs)
attempt(termios.tcsetattr, r, 0, attrs)
attempt(termios.tcsetwinsize, slave, 5)
attempt(termios.tcsetwinsize, slave, (1, 2, 3))
attempt(termios.tcsetwinsize, slave, (70000, 1))
attempt(termios.tcsetwinsize, slave, ("a", 1))
attempt(termios.tcsetwinsize, slave, (-1, 1))
attempt(termios.tcsendbreak, r, 0)
attempt(termios.tcdrain, r)
attempt(termios.tcflush, slave, "a")
attempt(termios.tcflow, slave, 99)
attempt(termios.tcgetwinsize, r)
try:
    termios.tcgetattr(w)
except termios.error as e:
    print(type(e.args[0]).__name__, len(e.args), e.args[0] == 25)
for fd in (r, w, master, slave):
    os.close(fd)
