import os, shutil
st = os.statvfs("/")
print(type(st).__name__, type(st).__module__, len(st), st.n_fields if hasattr(st, "n_fields") else None)
print(st.f_bsize > 0, st.f_blocks >= st.f_bfree >= st.f_bavail >= 0, st.f_namemax, isinstance(st.f_fsid, int))
print(st[0] == st.f_bsize, st[-1] == st.f_namemax)
fd = os.open("/", os.O_RDONLY)
print(os.fstatvfs(fd).f_namemax, os.statvfs(fd).f_bsize == st.f_bsize)
os.close(fd)
print(os.ST_RDONLY, os.ST_NOSUID, hasattr(os, "statvfs_result"))
du = shutil.disk_usage("/")
print(type(du).__name__, du.total >= du.used >= 0, du.free >= 0)
try:
    os.statvfs("/nonexistent/x")
except FileNotFoundError as e:
    print(e)
print(repr(os.statvfs_result((1,2,3,4,5,6,7,8,9,10))))
