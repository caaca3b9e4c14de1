#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd, Debian's python3-aiosmtpd): listens on 127.0.0.1 on a
port the system picks, prints "listening on PORT", and stores each message received whole as
DIR/NNNN.eml, with the envelope's recipients in DIR/NNNN.rcpt (written first; both renamed into place).
Usage: smtp_sink.py DIR"""
import asyncio
import os
import sys

from aiosmtpd.smtp import SMTP


class Store:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0

    @staticmethod
    def put(path, data):
        with open(path + ".tmp", "wb") as file:
            file.write(data)
        os.rename(path + ".tmp", path)

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.folder, f"{self.count:04}")
        self.put(base + ".rcpt", ("\n".join(envelope.rcpt_tos) + "\n").encode())
        self.put(base + ".eml", envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


async def main(folder):
    store = Store(folder)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(store, hostname="sink.test"), "127.0.0.1", 0)
    print(f"listening on {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


asyncio.run(main(sys.argv[1]))
