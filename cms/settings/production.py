"""Production settings: refuse to start without a secret key and allowed hosts.

`cms/wsgi.py` and `cms/asgi.py` default to this module; `make serve` runs `collectstatic` first
(the static files' hashed names come from the manifest it writes).
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)

# Security (README, "Security"): HTTPS only. nginx (deploy/nginx.conf) sets X-Forwarded-Proto, which
# SECURE_PROXY_SSL_HEADER above trusts: never expose gunicorn without a proxy that sets (or strips) it.
# SECURE_SSL_REDIRECT=0 for a plain-http trial (make serve on a laptop).
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# The demo accounts' shared password is refused here (home/checks.py): `migrate` and `check` fail while a
# demo account still has it, unless ALLOW_DEMO_ACCOUNTS=1 (then a warning).
DEMO_PASSWORD_GUARD = True
ALLOW_DEMO_ACCOUNTS = env_bool("ALLOW_DEMO_ACCOUNTS", False)
