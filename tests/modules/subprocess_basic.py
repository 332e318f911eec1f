# subprocess on _posixsubprocess.fork_exec, select.poll (selectors) and fcntl.
import subprocess, sys, os
r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output("echo $((6*7)); echo err >&2", shell=True, stderr=subprocess.STDOUT))
r = subprocess.run(["sh", "-c", "exit 3"])
print(r.returncode)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"piped data\n" * 3)
print(p.returncode, out)
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print("FNF", e.errno, e.filename)
try:
    subprocess.run(["ls"], cwd="/nonexistent-dir")
except FileNotFoundError as e:
    print("FNF cwd", e.errno, e.filename)
r = subprocess.run(["sh", "-c", "echo $FOO; pwd"], env={"FOO": "bar"}, cwd="/tmp", capture_output=True, text=True)
print(repr(r.stdout))
print(subprocess.getoutput("echo hi; exit 1"), subprocess.getstatusoutput("exit 2"))
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.run(["sleep", "5"], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("timeout", e.timeout < 1)
r = subprocess.run(["sh", "-c", "echo $$ >/dev/null; echo ok"], capture_output=True, preexec_fn=lambda: None)
print(r.stdout)
rfd, wfd = os.pipe()
r = subprocess.run(["sh", "-c", "echo passed >&%d" % wfd], pass_fds=(wfd,))
os.close(wfd); print(os.read(rfd, 100)); os.close(rfd)
print(subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:])", "a", "b c"], capture_output=True).stdout)
