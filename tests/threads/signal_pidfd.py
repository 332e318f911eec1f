# signal.pidfd_send_signal (Linux): a bad descriptor is EBADF, siginfo must be None,
# and a signal sent to our own pidfd reaches its Python handler (SIGINT: KeyboardInterrupt).
import errno
import os
import signal

print(signal.pidfd_send_signal.__text_signature__)
try:
    signal.pidfd_send_signal(0, signal.SIGINT)
except OSError as e:
    print("fd 0:", errno.errorcode[e.errno] if e.errno in (errno.EBADF, errno.ENOSYS, errno.EPERM) else e)
fd = os.open(f"/proc/{os.getpid()}", os.O_DIRECTORY)
try:
    signal.pidfd_send_signal(fd, signal.SIGINT, object(), 0)
except TypeError as e:
    print("TypeError:", e)
for bad in [(), (fd,), (fd, "x"), (fd, 2, None, 0, 1)]:
    try:
        signal.pidfd_send_signal(*bad)
    except TypeError as e:
        print("TypeError")
got = []
signal.signal(signal.SIGUSR1, lambda s, f: got.append(s))
signal.pidfd_send_signal(fd, signal.SIGUSR1)
print("handler ran:", got == [signal.SIGUSR1])
try:
    signal.pidfd_send_signal(fd, signal.SIGINT)
    print("no interrupt")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
os.close(fd)
