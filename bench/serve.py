"""Serve the project for the benchmark: Django's threaded development server with TCP_NODELAY.

`manage.py runserver` leaves Nagle's algorithm on: a small response written in two pieces
(headers, then body) waits for the client's delayed ACK, ~40 ms on Linux, which production
servers (gunicorn, uWSGI, nginx) do not suffer. That stall would be measured as search time.

    python bench/serve.py 127.0.0.1 8000
"""

from __future__ import annotations

import socket
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    from cms.wsgi import application  # the production entry point

    class Handler(WSGIRequestHandler):
        def setup(self) -> None:
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    host, port = sys.argv[1], int(sys.argv[2])
    server = ThreadedWSGIServer((host, port), Handler)
    server.set_app(application)
    server.serve_forever()


if __name__ == "__main__":
    main()
