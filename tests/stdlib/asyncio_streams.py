# asyncio streams over TCP and Unix sockets: start_server/open_connection, readline,
# readexactly, readuntil, IncompleteReadError, LimitOverrunError, drain and EOF.
import asyncio
import os
import socket
import tempfile


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b"echo:" + line)
        await writer.drain()
    writer.write(b"tail-no-newline")
    writer.write_eof() if writer.can_write_eof() else None
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(reader, writer, label):
    writer.write(b"one\ntwo\n")
    await writer.drain()
    print(label, await reader.readline())
    print(label, await reader.readexactly(9))
    writer.write(b"three\n")
    print(label, await reader.readuntil(b"\n"))
    writer.write_eof()
    try:
        await reader.readexactly(100)
    except asyncio.IncompleteReadError as e:
        print(label, "incomplete:", e.partial, e.expected)
    print(label, "at_eof:", reader.at_eof())
    writer.close()
    await writer.wait_closed()


async def tcp():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        await client(reader, writer, "tcp")


async def unix():
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "sock")
        server = await asyncio.start_unix_server(handle, path)
        async with server:
            reader, writer = await asyncio.open_unix_connection(path)
            await client(reader, writer, "unix")


async def limits():
    r = asyncio.StreamReader(limit=8)
    r.feed_data(b"0123456789abcdef\n")
    r.feed_eof()
    try:
        await r.readuntil(b"\n")
    except asyncio.LimitOverrunError as e:
        print("overrun:", e.consumed, str(e))
    try:
        await r.readline()
    except ValueError as e:
        print("readline:", e)
    print("rest:", await r.read())


async def pair():
    a, b = socket.socketpair()
    r1, w1 = await asyncio.open_connection(sock=a)
    r2, w2 = await asyncio.open_connection(sock=b)
    w1.write(b"x" * 200000)
    got = 0
    async def reader():
        nonlocal got
        while got < 200000:
            got += len(await r2.read(65536))
    await asyncio.gather(w1.drain(), reader())
    print("pair bytes:", got)
    for w in (w1, w2):
        w.close()
        await w.wait_closed()


asyncio.run(tcp())
asyncio.run(unix())
asyncio.run(limits())
asyncio.run(pair())
