# asyncio subprocesses: the pidfd child watcher (os.pidfd_open), the threaded watcher, pipes
# to and from the child, return codes and signals.
import asyncio
import os
import signal
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)


async def run_child(code, data=None):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE)
    out, err = await proc.communicate(data)
    return proc.returncode, out, err


async def main():
    rc, out, err = await run_child("import sys; sys.stdout.write(sys.stdin.read().upper())",
                                   b"hello child")
    print("echo:", rc, out, err)
    rc, out, _ = await run_child("import sys; print('bye'); sys.exit(3)")
    print("exit:", rc, out)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import time; print('ready', flush=True); time.sleep(30)",
        stdout=asyncio.subprocess.PIPE)
    print("line:", await proc.stdout.readline())
    proc.send_signal(signal.SIGTERM)
    print("signalled:", await proc.wait() == -signal.SIGTERM)
    shell = await asyncio.create_subprocess_shell("echo from-shell; exit 5",
                                                  stdout=asyncio.subprocess.PIPE)
    out, _ = await shell.communicate()
    print("shell:", shell.returncode, out)
    # several children at once
    results = await asyncio.gather(*(run_child(f"print({i} * {i})") for i in range(4)))
    print("gather:", [(rc, out.strip()) for rc, out, _ in results])


fd = os.pidfd_open(os.getpid())
os.close(fd)
for watcher in (asyncio.PidfdChildWatcher(), asyncio.ThreadedChildWatcher()):
    print("==", type(watcher).__name__)
    policy = asyncio.get_event_loop_policy()
    policy.set_child_watcher(watcher)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    watcher.attach_loop(loop)
    try:
        loop.run_until_complete(main())
    finally:
        watcher.attach_loop(None)
        asyncio.set_event_loop(None)
        loop.close()
