"""Development settings: DEBUG on (`DEBUG=0` turns it off, as `make demo` does), a dev-only key, console email."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files straight from the apps and cms/static (no collectstatic), with DEBUG on or off;
# uploaded images from Django, since no reverse proxy runs in development.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_SERVED_BY_DJANGO = env_bool("MEDIA_SERVED_BY_DJANGO", True)
# The demo content (shared passwords, printed API tokens) may be loaded here, never in production.
SEED_DEMO_ALLOWED = True
# `runserver` serves each request in a thread of its own: a persistent connection outlives its thread until the
# garbage collector finds it, and a busy demo on PostgreSQL ran out of connection slots ("remaining connection slots
# are reserved", a 500). Django's advice for the development server: no persistent connections.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "0"))  # noqa: F405
