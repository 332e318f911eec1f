import errno
print(errno.ENOENT, errno.EACCES, errno.EAGAIN == errno.EWOULDBLOCK, errno.EDEADLK == errno.EDEADLOCK)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(len(errno.errorcode), list(errno.errorcode.items())[:5])
print(sorted(n for n in dir(errno) if n.startswith("E")) == sorted(set(errno.errorcode.values()) | {"EWOULDBLOCK", "EDEADLK", "EOPNOTSUPP"}))
