"""No demo account (home/demo/users.py) keeps the shared demo password in production.

A system check reads the users table, so it runs when Django passes the databases to the checks:
`migrate` (which `make serve` and every upgrade run before the processes start) and
`manage.py check --database default`. Under DEMO_PASSWORD_GUARD (the production settings) an account
with the demo password is an error, which stops `migrate`; with ALLOW_DEMO_ACCOUNTS=1 (a demo on a
public address) it is a warning.

A web server started straight on the production settings (gunicorn without `migrate` first) runs the
same rule from `cms/wsgi.py` and `cms/asgi.py`: `refuse_demo_passwords_at_start` raises
ImproperlyConfigured (gunicorn then stops: "Worker failed to boot"), or logs the warning on stderr
with ALLOW_DEMO_ACCOUNTS=1.
"""

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import CheckMessage, Error, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)


def accounts_with_demo_password(database: str = "default") -> list[str]:
    """Usernames of the active demo accounts whose password is still the demo password."""
    from home.demo.users import DEMO_PASSWORD, DEMO_USERS

    usernames = [spec["username"] for spec in DEMO_USERS]
    users = get_user_model().objects.using(database).filter(username__in=usernames, is_active=True)
    return sorted(user.username for user in users if user.check_password(DEMO_PASSWORD))


@register()
def demo_password_check(
    app_configs: Iterable[Any] | None = None, databases: Iterable[str] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    if not getattr(settings, "DEMO_PASSWORD_GUARD", False) or not databases:
        return []
    found: list[str] = []
    for database in databases:
        try:
            found += accounts_with_demo_password(database)
        except DatabaseError:  # not migrated yet: no users to check
            continue
    if not found:
        return []
    if getattr(settings, "ALLOW_DEMO_ACCOUNTS", False):
        return [Warning(_message(found), hint=HINT, id="home.W001")]
    return [Error(_message(found), hint=HINT, id="home.E001")]


HINT = (
    "Change their passwords (manage.py changepassword USERNAME) or deactivate them; "
    "ALLOW_DEMO_ACCOUNTS=1 only for a throwaway demo (README, Security)."
)


def _message(usernames: list[str]) -> str:
    return "Demo accounts still have the demo password (tài khoản mẫu vẫn dùng mật khẩu mẫu): " + ", ".join(usernames)


def refuse_demo_passwords_at_start() -> None:
    """From the WSGI/ASGI entry points, once the apps are loaded: refuse to serve under the guard.

    Raises ImproperlyConfigured (Vietnamese and English) while an active demo account keeps the demo
    password; with ALLOW_DEMO_ACCOUNTS=1 logs it as a warning instead. A database that cannot be read
    (not migrated yet) is let through, as by the system check. The connection it opened is closed, so
    no connection is carried into the server's worker processes.
    """
    if not getattr(settings, "DEMO_PASSWORD_GUARD", False):
        return
    try:
        found = accounts_with_demo_password()
    except DatabaseError:
        found = []
    finally:
        connections.close_all()
    if not found:
        return
    if getattr(settings, "ALLOW_DEMO_ACCOUNTS", False):
        logger.warning("%s (ALLOW_DEMO_ACCOUNTS=1: serving anyway). %s", _message(found), HINT)
        return
    raise ImproperlyConfigured(
        "Không khởi động: tài khoản mẫu vẫn dùng mật khẩu mẫu, hãy đổi mật khẩu hoặc khóa các tài khoản này. "
        f"Refusing to start: {_message(found)}. {HINT}"
    )
