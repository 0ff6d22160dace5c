"""`manage.py runserver` (what `make demo` and `make run` serve with) with a listen queue for bursts.

Django's development server listens with a queue of 10 connections: when more citizens connect at the
same moment than its threads take in, the others wait for the kernel's retries and some time out (27 of
300 at once). This one keeps `LISTEN_QUEUE` connections waiting (the kernel caps it at `net.core.somaxconn`).
"""

from django.contrib.staticfiles.management.commands.runserver import Command as StaticfilesRunserver
from django.core.servers.basehttp import WSGIServer

LISTEN_QUEUE = 1024


class QueueingWSGIServer(WSGIServer):
    request_queue_size = LISTEN_QUEUE


class Command(StaticfilesRunserver):
    server_cls = QueueingWSGIServer
