"""The demo-password guard when the web server starts straight on the production settings (issue #12).

`migrate` and `check --database` stop on home.E001 (tests/test_security.py); here gunicorn itself is
started with `cms.wsgi` on a seeded database, as a server started without `migrate` would be, and
`cms.asgi` is imported the same way.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.live import REPO_DIR, base_environment

pytestmark = [pytest.mark.live, pytest.mark.slow, pytest.mark.any_database]

REFUSAL = "Không khởi động: tài khoản mẫu vẫn dùng mật khẩu mẫu"
NEW_PASSWORDS = """
from django.contrib.auth import get_user_model
from home.demo.users import DEMO_USERS
for user in get_user_model().objects.filter(username__in=[spec["username"] for spec in DEMO_USERS]):
    user.set_password("mot-mat-khau-rieng-2026!")
    user.save()
print("changed")
"""


def production_env(static_root, **extra: str) -> dict[str, str]:
    return {
        "SECRET_KEY": "guard-test-" + "q" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(static_root),  # collected as `make serve` does (tests/live.py: collected_static)
        "SECURE_SSL_REDIRECT": "0",  # plain http on the loopback
        **extra,
    }


def test_gunicorn_refuses_to_start_while_a_demo_account_keeps_the_demo_password(live_portal, collected_static):
    portal = live_portal(
        processes=(), settings="cms.settings.production", web="gunicorn", env=production_env(collected_static)
    )

    refused = portal.start_process("web")
    assert refused.wait(timeout=120) != 0
    log = portal.log("web")
    assert REFUSAL in log and "Refusing to start" in log and "Worker failed to boot" in log, log[-3000:]
    assert "admin" in log and "bientapvien" in log and "ALLOW_DEMO_ACCOUNTS=1" in log

    # A throwaway demo on purpose: it serves, with the warning in its log.
    portal.env["ALLOW_DEMO_ACCOUNTS"] = "1"
    portal.start_process("web")
    portal.wait_for_web()
    assert portal.request("GET", "/").status == 200
    assert "serving anyway" in portal.log("web")
    portal.stop_process("web")

    # Once every demo password is changed, it starts without the flag and without the warning.
    assert "changed" in portal.shell(NEW_PASSWORDS)
    portal.env.pop("ALLOW_DEMO_ACCOUNTS")
    before = len(portal.log("web"))
    portal.start_process("web")
    portal.wait_for_web()
    assert portal.request("GET", "/").status == 200
    started = portal.log("web")[before:]
    assert "mật khẩu mẫu" not in started and "Traceback" not in started, started


def test_the_asgi_entry_point_refuses_the_same_way(live_template, tmp_path, collected_static):
    database_url = live_template.new_database(tmp_path)
    try:
        env = base_environment(DATABASE_URL=database_url, **production_env(collected_static))
        code = "import cms.asgi; print('started')"
        refused = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, env=env, capture_output=True, text=True)
        assert refused.returncode != 0 and "started" not in refused.stdout
        assert "ImproperlyConfigured" in refused.stderr and REFUSAL in refused.stderr, refused.stderr[-2000:]

        env["ALLOW_DEMO_ACCOUNTS"] = "1"
        allowed = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, env=env, capture_output=True, text=True)
        assert allowed.returncode == 0 and allowed.stdout.split() == ["started"], allowed.stderr[-2000:]
        assert "tài khoản mẫu vẫn dùng mật khẩu mẫu" in allowed.stderr and "serving anyway" in allowed.stderr

        # Outside the production settings there is no guard.
        env.pop("ALLOW_DEMO_ACCOUNTS")
        env["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
        dev = subprocess.run([sys.executable, "-c", code], cwd=REPO_DIR, env=env, capture_output=True, text=True)
        assert dev.returncode == 0 and "mật khẩu mẫu" not in dev.stderr, dev.stderr[-2000:]
    finally:
        live_template.drop_database(database_url)
