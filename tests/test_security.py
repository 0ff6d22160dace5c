"""Security (issue #12, points 2 and 3): login lockout, API throttles, CSP, production headers and the
demo-password guard."""

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.core import checks
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from wagtail.models import APIToken

from home.demo.users import DEMO_PASSWORD, DEMO_USERS
from tests.live import choose_in_editor

REPO = Path(__file__).resolve().parent.parent
LOCKOUT_TEXT = "Tạm khóa đăng nhập"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def log_in(client, url: str, password: str):
    return client.post(url, {"username": "admin", "password": password})


# Admin login lockout (django-axes)


@pytest.mark.parametrize("login_url", ["/admin/login/", "/django-admin/login/"])
def test_admin_account_is_locked_after_the_failure_limit(client, settings, login_url):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        refused = log_in(client, login_url, "sai-mat-khau")
        assert "_auth_user_id" not in client.session
    assert refused.status_code == 429 and LOCKOUT_TEXT in refused.content.decode()
    assert AccessAttempt.objects.get(username="admin").failures_since_start == 3

    locked = log_in(client, login_url, DEMO_PASSWORD)
    page = locked.content.decode()
    assert locked.status_code == 429 and LOCKOUT_TEXT in page and "15 phút" in page
    assert "_auth_user_id" not in client.session
    # Another account from the same address is not locked.
    other = client.post(login_url, {"username": "bientapvien", "password": DEMO_PASSWORD})
    assert other.status_code != 429 and LOCKOUT_TEXT not in other.content.decode()
    assert AccessAttempt.objects.filter(username="bientapvien").count() == 0


def test_axes_reset_lifts_the_lock(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        log_in(client, "/admin/login/", "sai-mat-khau")
    assert log_in(client, "/admin/login/", DEMO_PASSWORD).status_code == 429

    call_command("axes_reset", verbosity=0)
    assert not AccessAttempt.objects.exists()
    response = log_in(client, "/admin/login/", DEMO_PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.session["_auth_user_id"] == str(get_user_model().objects.get(username="admin").pk)


def test_the_lock_ends_after_the_cool_off(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    with time_machine.travel(dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.UTC), tick=False) as traveller:
        for _ in range(3):
            log_in(client, "/admin/login/", "sai-mat-khau")
        traveller.shift(dt.timedelta(minutes=14))
        assert log_in(client, "/admin/login/", DEMO_PASSWORD).status_code == 429
        # An attempt during the lock starts the cool-off again (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT).
        traveller.shift(dt.timedelta(minutes=14))
        assert log_in(client, "/admin/login/", "sai-mat-khau").status_code == 429
        traveller.shift(dt.timedelta(minutes=16))
        assert log_in(client, "/admin/login/", DEMO_PASSWORD).status_code == 302
        assert "_auth_user_id" in client.session


# API token failures and anonymous writes


def bearer(token: str, address: str = "127.0.0.1") -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}", "REMOTE_ADDR": address}


def assert_too_many(response) -> dict:
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) >= 1
    problem = json.loads(response.content)
    assert set(problem) == {"type", "title", "status", "detail"} and problem["status"] == 429
    assert "Xin thử lại sau" in problem["detail"]
    return problem


def test_wrong_tokens_from_one_address_are_limited(client, settings):
    settings.THROTTLE_TOKEN_FAILURES = 5
    settings.THROTTLE_TOKEN_WINDOW = 60
    editor = get_user_model().objects.get(username="bientapvien")
    _, key = APIToken.create_token(user=editor, name="security test")

    # Failures count on routes that need a token (401) and on public ones that fall back to anonymous.
    for path in ["/api/v3/whoami/"] * 3 + ["/api/v3/pages/"] * 2:
        answer = client.get(path, **bearer("sai-token", "10.0.0.7"))
        assert answer.status_code in (200, 401)
    problem = assert_too_many(client.get("/api/v3/whoami/", **bearer("sai-token", "10.0.0.7")))
    assert "mã truy cập" in problem["detail"]
    # The address is held back with a right token too; another address is not.
    assert_too_many(client.get("/api/v3/whoami/", **bearer(key, "10.0.0.7")))
    mine = client.get("/api/v3/whoami/", **bearer(key, "10.0.0.8"))
    assert mine.status_code == 200 and mine.json()["user"]["username"] == "bientapvien"
    # Anonymous reads without a token from the held address still work.
    assert client.get("/api/v3/pages/", REMOTE_ADDR="10.0.0.7").status_code == 200


def test_right_tokens_are_never_counted(client, settings):
    settings.THROTTLE_TOKEN_FAILURES = 3
    editor = get_user_model().objects.get(username="bientapvien")
    _, key = APIToken.create_token(user=editor, name="security test")
    for _ in range(10):
        assert client.get("/api/v3/whoami/", **bearer(key)).status_code == 200


def test_anonymous_writes_are_limited_per_address(client, settings):
    settings.THROTTLE_ANONYMOUS_WRITES = 3
    settings.THROTTLE_ANONYMOUS_WRITE_WINDOW = 60
    path = "/api/v3/workflow/inbox/"
    for _ in range(3):
        assert client.post(path, {}, REMOTE_ADDR="10.0.0.9").status_code != 429
    problem = assert_too_many(client.post(path, {}, REMOTE_ADDR="10.0.0.9"))
    assert "ghi dữ liệu" in problem["detail"]
    assert client.post(path, {}, REMOTE_ADDR="10.0.0.10").status_code != 429
    assert client.get("/api/v3/pages/", REMOTE_ADDR="10.0.0.9").status_code == 200
    # A logged-in editor is not anonymous.
    client.force_login(get_user_model().objects.get(username="bientapvien"))
    assert client.post(path, {}, REMOTE_ADDR="10.0.0.9").status_code != 429


# Content-Security-Policy


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_and_api_docs_have_a_strict_policy(client):
    for path in ("/", "/api/v3/docs/", "/api/v3/pages/"):
        response = client.get(path)
        assert response.status_code == 200, path
        directives = policy(response)
        assert directives["default-src"] == ["'self'"], path
        assert directives["script-src"] == ["'self'"], path
        assert directives["style-src"] == ["'self'"], path
        assert directives["object-src"] == ["'none'"] and directives["frame-ancestors"] == ["'self'"]


def test_the_admin_alone_allows_inline_scripts(client):
    client.force_login(get_user_model().objects.get(username="bientapvien"))
    response = client.get("/admin/")
    assert response.status_code == 200
    directives = policy(response)
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["default-src"] == ["'self'"] and directives["object-src"] == ["'none'"]
    assert "unsafe-inline" in client.get("/admin/login/")["Content-Security-Policy"]


# Production settings


def production_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="production-test-" + "Zq8#x2Lm" * 8,
        ALLOWED_HOSTS="portal.example.test",
        **extra,
    )
    return env


def production_settings(*names: str, **extra: str) -> dict:
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{name: getattr(settings, name) for name in {list(names)!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=production_env(**extra), capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.splitlines()[-1])


def test_production_sends_hsts_and_redirects_to_https():
    values = production_settings(
        "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_PROXY_SSL_HEADER"
    )
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
    }
    trial = production_settings("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", SECURE_SSL_REDIRECT="0")
    assert trial == {"SECURE_SSL_REDIRECT": False, "SECURE_HSTS_SECONDS": 31536000}


def test_production_redirects_plain_http_and_sends_hsts_over_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    plain = client.get("/", HTTP_HOST="portal.example.test")
    assert plain.status_code == 301 and plain["Location"] == "https://portal.example.test/"
    secure = client.get("/", HTTP_HOST="portal.example.test", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


#: Warnings `check --deploy` keeps under the production settings, each explained in README, "Security".
EXPLAINED_DEPLOY_WARNINGS = {"security.W019", "security.W021"}


def test_check_deploy_leaves_only_the_explained_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=REPO,
        env=production_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    found = set(re.findall(r"\((\w+\.[WE]\d+)\)", output))
    assert found <= EXPLAINED_DEPLOY_WARNINGS, output
    assert "W004" not in output and "W008" not in output
    readme = (REPO / "README.md").read_text()
    security = readme[readme.index("## Security") :]
    assert all(warning in security for warning in found)


# The demo-password guard (home/checks.py)


def guard_messages() -> list[checks.CheckMessage]:
    return [message for message in checks.run_checks(databases=["default"]) if message.id.startswith("home.")]


def test_the_guard_fires_on_a_seeded_database_and_stops_migrate(settings):
    settings.DEMO_PASSWORD_GUARD = True
    settings.ALLOW_DEMO_ACCOUNTS = False
    [error] = guard_messages()
    assert error.id == "home.E001" and error.level == checks.ERROR
    assert all(spec["username"] in error.msg for spec in DEMO_USERS)
    with pytest.raises(SystemCheckError, match="home.E001"):
        call_command("check", databases=["default"])

    settings.ALLOW_DEMO_ACCOUNTS = True
    [warning] = guard_messages()
    assert warning.id == "home.W001" and warning.level == checks.WARNING


def test_the_guard_is_quiet_once_the_passwords_are_changed(settings):
    settings.DEMO_PASSWORD_GUARD = True
    users = list(get_user_model().objects.filter(username__in=[spec["username"] for spec in DEMO_USERS]))
    for user in users[1:]:
        user.set_password("mot-mat-khau-rieng-2026!")
        user.save()
    [error] = guard_messages()
    assert error.msg.endswith(": " + users[0].username)
    users[0].set_password("mot-mat-khau-rieng-2026!")
    users[0].save()
    assert guard_messages() == []
    call_command("check", databases=["default"])


def test_the_guard_is_off_outside_production(settings):
    settings.DEMO_PASSWORD_GUARD = False
    assert guard_messages() == []


# The policy in a real browser (the portal's processes, tests/live.py)


@pytest.mark.live
@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.any_database  # the browser checks headers and markup, which no database changes
def test_no_csp_violation_in_the_page_editor_a_chooser_and_the_api_docs(live_portal, chromium):
    portal = live_portal(processes=("web",))
    unit_id = portal.shell(
        "from django.contrib.auth import get_user_model\n"
        "from exemplar_pages.moderation.permissions import units_edited_by\n"
        "print(units_edited_by(get_user_model().objects.get(username='bientapvien'))[0])"
    ).split()[-1]
    context = chromium.new_context()
    page = context.new_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.on("pageerror", lambda error: violations.append(str(error)))

    page.goto(portal.url("/"))
    assert page.locator("h1").count() == 1

    page.goto(portal.url("/admin/login/"))
    page.fill("#id_username", "bientapvien")
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")
    page.goto(portal.url(f"/admin/pages/add/exemplar_pages/exemplarstorypage/{unit_id}/"))
    page.locator("#id_title").fill("Kiểm tra chính sách nội dung")
    choose_in_editor(page, "field", "Nông nghiệp")

    page.goto(portal.url("/api/v3/docs/"))
    page.locator("#swagger-ui .opblock").first.wait_for()
    assert page.locator("#swagger-ui .opblock").count() > 5
    context.close()
    assert violations == []
