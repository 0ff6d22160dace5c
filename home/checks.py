"""System check: no demo account (home/demo/users.py) keeps the shared demo password in production.

It reads the users table, so it runs when Django passes the databases to the checks: `migrate` (which
`make serve` and every upgrade run before the processes start) and `manage.py check --database default`.
Under DEMO_PASSWORD_GUARD (the production settings) an account with the demo password is an error,
which stops `migrate`; with ALLOW_DEMO_ACCOUNTS=1 (a demo on a public address) it is a warning.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.checks import CheckMessage, Error, Warning, register
from django.db import DatabaseError


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
    message = "Demo accounts still have the demo password (tài khoản mẫu vẫn dùng mật khẩu mẫu): " + ", ".join(found)
    hint = (
        "Change their passwords (manage.py changepassword USERNAME) or deactivate them; "
        "ALLOW_DEMO_ACCOUNTS=1 only for a throwaway demo (README, Security)."
    )
    if getattr(settings, "ALLOW_DEMO_ACCOUNTS", False):
        return [Warning(message, hint=hint, id="home.W001")]
    return [Error(message, hint=hint, id="home.E001")]
