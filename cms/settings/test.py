"""Test settings: fast hasher, local-memory cache, immediate tasks."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Security: axes stays on (the per-test database starts without attempts); the throttles' counters
# would outlive a test in the cache, so they are off here and tests/test_security.py turns them on.
THROTTLE_TOKEN_FAILURES = 0
THROTTLE_ANONYMOUS_WRITES = 0

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not Django's in-memory test database: with an in-memory one, the browser test's live
    # server makes all its request threads share the test's one connection, so an autosave and a
    # click on the same form run inside one transaction and SerialisedCreateView's lock cannot order
    # them (a flaky slug clash, then a rollback of the other request's page). On a file each request
    # thread has its own connection, as the portal's web threads do. pytest-xdist adds "_gwN".
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"thidua-test-{os.getpid()}.sqlite3")
    }
