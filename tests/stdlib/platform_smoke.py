import platform, sys
print(platform.system(), platform.machine() != "", platform.python_version(), platform.python_version_tuple(), platform.architecture()[0])
print(platform.node() != "", platform.release() != "", isinstance(platform.uname(), tuple), platform.uname().system)
print(platform.python_implementation() in ("CPython", "Krait"), type(platform.python_compiler()).__name__, platform.libc_ver()[0])
print(type(platform.platform()).__name__, platform.processor() is not None, platform.freedesktop_os_release()["ID"] if hasattr(platform, "freedesktop_os_release") else "")
