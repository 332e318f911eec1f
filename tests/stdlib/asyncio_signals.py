# asyncio signal handling: loop.add_signal_handler/remove_signal_handler (signal.set_wakeup_fd
# underneath), signals sent to ourselves and from a child, and the errors for bad signals.
import asyncio
import os
import signal
import sys


async def main():
    loop = asyncio.get_running_loop()
    got = []
    done = loop.create_future()

    def handler(name):
        got.append(name)
        if len(got) == 3 and not done.done():
            done.set_result(None)

    loop.add_signal_handler(signal.SIGUSR1, handler, "usr1")
    loop.add_signal_handler(signal.SIGUSR2, handler, "usr2")
    os.kill(os.getpid(), signal.SIGUSR1)
    await asyncio.sleep(0.01)
    os.kill(os.getpid(), signal.SIGUSR2)
    await asyncio.sleep(0.01)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", f"import os, signal; os.kill({os.getpid()}, signal.SIGUSR1)")
    await proc.wait()
    await asyncio.wait_for(done, 10)
    print("handled:", got)
    print("removed:", loop.remove_signal_handler(signal.SIGUSR1),
          loop.remove_signal_handler(signal.SIGUSR1))
    print("default restored:", signal.getsignal(signal.SIGUSR1) is signal.SIG_DFL)
    for bad in (signal.SIGKILL, 0, 1000):
        try:
            loop.add_signal_handler(bad, handler, "x")
        except (RuntimeError, ValueError) as e:
            print(type(e).__name__, e)
    try:
        loop.add_signal_handler(signal.SIGUSR2, asyncio.sleep)
    except TypeError as e:
        print("TypeError", e)
    loop.remove_signal_handler(signal.SIGUSR2)


asyncio.run(main())
print("wakeup fd after close:", signal.set_wakeup_fd(-1))
