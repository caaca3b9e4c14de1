#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd, Debian's python3-aiosmtpd): listens on 127.0.0.1 on a
port the system picks, prints "listening on PORT", and stores each message received whole as
DIR/NNNN.eml, with the envelope's recipients in DIR/NNNN.rcpt (written first; both renamed into place).

Usage: smtp_sink.py DIR [CERT KEY USER PASSWORD]
With a certificate and key (PEM) it offers STARTTLS and requires it; then a login is required too
(AUTH only over TLS), and each login tried is appended to DIR/auth.log as "USER ok" or "USER refused"."""
import asyncio
import logging
import os
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


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


class Login:
    def __init__(self, folder, user, password):
        self.log = os.path.join(folder, "auth.log")
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == self.user and auth_data.password == self.password
        login = auth_data.login.decode(errors="replace") if isinstance(auth_data, LoginPassword) else "?"
        with open(self.log, "a") as file:
            file.write(f"{login} {'ok' if ok else 'refused'}\n")
        return AuthResult(success=ok)


async def main(folder, tls):
    store = Store(folder)
    options = {"hostname": "sink.test"}
    if tls:
        cert, key, user, password = tls
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        options.update(tls_context=context, require_starttls=True, auth_required=True,
                       auth_require_tls=True, authenticator=Login(folder, user, password))
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(store, **options), "127.0.0.1", 0)
    print(f"listening on {server.sockets[0].getsockname()[1]}", flush=True)
    await server.serve_forever()


# A refused handshake (the test of an untrusted certificate) is expected: no traceback for it.
logging.getLogger("mail.log").setLevel(logging.CRITICAL)
warnings.filterwarnings("ignore", category=DeprecationWarning)
asyncio.run(main(sys.argv[1], sys.argv[2:6] if len(sys.argv) >= 6 else None))
