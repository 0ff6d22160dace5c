"""Images behind nginx follow their pages (issue #12): nginx asks Django, which answers X-Accel-Redirect.

deploy/nginx.conf sends /media/images/ and /media/original_images/ to the portal; with
MEDIA_ACCEL_REDIRECT set, Django's media route (exemplar_pages.files.serve_media, the same rule as
everywhere else) answers an allowed image with an empty response whose `X-Accel-Redirect` names the
file under nginx's internal location, and anything else with its 404. The first tests check that
contract with Django's test client; the last runs Debian's nginx with deploy/nginx.conf itself (only
its TLS, ports and paths rewritten) in front of gunicorn on the production settings. Without nginx
that test skips, unless REQUIRE_NGINX, REQUIRE_BROWSER (set by scripts/run-tests) or CI asks for a failure.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from tests import factories
from tests.live import REPO_DIR, base_environment, free_port
from tests.moderation_fixtures import approve_fully, bearer, draft_story
from tests.test_files_privacy import (  # noqa: F401 (fixtures: files on disk, autouse; the media route)
    document,
    media_on_disk,
    media_served_by_django,
)

ACCEL = "/_media_files/"
NGINX_CONF = REPO_DIR / "deploy" / "nginx.conf"


@pytest.fixture
def media_behind_nginx(request, settings):
    """The media route on (tests/test_files_privacy.py), answering with X-Accel-Redirect as behind nginx."""
    request.getfixturevalue("media_served_by_django")
    settings.MEDIA_ACCEL_REDIRECT = ACCEL


def draft_image(cast, name: str = "anh-nhap.png"):
    image = get_image_model().objects.create(title="Ảnh nháp", file=get_test_image_file(name))
    story = draft_story(cast, hero_image=image, hero_image_alt="Ảnh minh hoạ")
    return image, story


def assert_refused(response) -> None:
    assert response.status_code == 404
    assert "X-Accel-Redirect" not in response


def assert_redirected(response, path: str) -> None:
    """Allowed: nothing but the redirect to nginx's internal location (the file's bytes are nginx's)."""
    assert response.status_code == 200, response
    assert response["X-Accel-Redirect"] == ACCEL + path
    assert response["Content-Type"] == "image/png"
    assert response.content == b""


@pytest.mark.django_db
def test_a_private_image_is_refused_to_anonymous_and_redirected_for_editors(client, cast, media_behind_nginx):
    image, story = draft_image(cast)
    rendition = image.get_rendition("fill-60x60")
    urls = {f"/media/{image.file.name}": image.file.name, f"/media/{rendition.file.name}": rendition.file.name}
    for url in urls:
        assert_refused(client.get(url))
        assert_refused(client.get(url, **bearer("wagtail_not-a-token")))

    for url, path in urls.items():
        by_token = client.get(url, **bearer(cast.token(cast.office)))
        assert_redirected(by_token, path)
        assert {"private", "no-store"} <= set(re.split(r",\s*", by_token["Cache-Control"]))
    client.force_login(cast.editor)
    for url, path in urls.items():
        by_session = client.get(url)
        assert_redirected(by_session, path)
        assert "private" in by_session["Cache-Control"] and "public" not in by_session["Cache-Control"]
    client.logout()

    approve_fully(story, cast)
    for url, path in urls.items():
        public = client.get(url)
        assert_redirected(public, path)
        # Shared caches may keep the redirect answer a while; browsers ask again.
        assert "public" in public["Cache-Control"] and re.search(r"s-maxage=[1-9]", public["Cache-Control"])


@pytest.mark.django_db
def test_the_gate_names_only_image_files_and_quotes_them(client, cast, media_behind_nginx):
    image, story = draft_image(cast, "ảnh đẹp 100%.png")
    approve_fully(story, cast)
    answer = client.get("/media/" + image.file.name)
    assert answer.status_code == 200
    target = answer["X-Accel-Redirect"]
    assert target.startswith(ACCEL + "original_images/") and target.isascii() and " " not in target
    from urllib.parse import unquote

    assert unquote(target) == ACCEL + image.file.name

    doc = document("Văn bản công khai", b"cong khai")
    factories.plan(cast.unit, original_document=doc)
    for path in (
        f"/media/images/../{doc.file.name}",
        f"/media/original_images/../{doc.file.name}",
        "/media/original_images/khong-co.png",
        f"/media/{doc.file.name}",
    ):
        assert_refused(client.get(path))


def test_the_media_route_is_on_whenever_nginx_hands_images_to_django():
    """MEDIA_ACCEL_REDIRECT alone turns Django's media route on under the production settings."""
    code = "from django.conf import settings as s; print(s.MEDIA_SERVED_BY_DJANGO, s.MEDIA_ACCEL_REDIRECT or '-')"
    env = base_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.production", SECRET_KEY="k" * 50, ALLOWED_HOSTS="portal.example.test"
    )
    env.pop("MEDIA_SERVED_BY_DJANGO", None)
    for accel, expected in (("", ["False", "-"]), (ACCEL, ["True", ACCEL])):
        result = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); " + code],
            cwd=REPO_DIR,
            env={**env, "MEDIA_ACCEL_REDIRECT": accel},
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.stdout.split() == expected, result.stderr


# Debian's nginx with deploy/nginx.conf in front of gunicorn


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((path for path in ("/usr/sbin/nginx",) if os.access(path, os.X_OK)), None)


def nginx_required() -> bool:
    # As for Varnish (tests/servers.py): scripts/run-tests, which installs nginx, sets REQUIRE_BROWSER.
    return any(os.environ.get(name, "").strip() not in ("", "0") for name in ("REQUIRE_NGINX", "REQUIRE_BROWSER", "CI"))


def nginx_test_config(site: str, port: int, backend_port: int, media: Path, run: Path) -> str:
    """deploy/nginx.conf on the loopback: plain http on `port`, the portal at `backend_port`, `media` as MEDIA_ROOT."""
    site = re.sub(r"(?m)#.*$", "", site)  # comments
    site = re.sub(r"(?s)server \{\s*listen 80;.*?\n\}\n", "", site, count=1)  # the HTTP → HTTPS redirect
    site = re.sub(r"listen 443 ssl http2;[^\n]*", f"listen 127.0.0.1:{port};", site)
    site = re.sub(r"\n\s*listen \[::\]:443[^\n]*", "", site)
    site = re.sub(r"\n\s*ssl_certificate[^\n]*", "", site)
    site = site.replace("server 127.0.0.1:6081;", f"server 127.0.0.1:{backend_port};")
    site = site.replace("/srv/thidua/media/", f"{media}/")
    assert "/srv/thidua" not in site and "ssl" not in site and f"127.0.0.1:{port}" in site
    user = "user root;" if os.geteuid() == 0 else ""  # tmp_path is the test user's alone
    return f"""
{user}
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log info;
daemon off;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log {run}/access.log;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
{site}
}}
"""


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": "thidua.example.gov.vn", **(headers or {})})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


IMAGES = """
import json
from django.contrib.auth import get_user_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import APIToken, ReferenceIndex
from exemplar_pages.models import ExemplarStoryPage
Image = get_image_model()
private = Image.objects.create(title="Ảnh riêng", file=get_test_image_file("anh-rieng.png", colour="red"))
public = Image.objects.create(title="Ảnh công khai", file=get_test_image_file("anh-cong-khai.png", colour="blue"))
page = ExemplarStoryPage.objects.live().public().filter(expire_at__isnull=True).first().specific
page.hero_image, page.hero_image_alt = public, "Ảnh minh hoạ"
page.save()  # the live row: what anonymous readers see
ReferenceIndex.create_or_update_for_object(page)  # as the worker's task does
files = {name: {"original": image.file.name, "rendition": image.get_rendition("fill-40x40").file.name}
         for name, image in (("private", private), ("public", public))}
files["token"] = APIToken.create_token(user=get_user_model().objects.get(username="bientapvien"), name="nginx")[1]
print(json.dumps(files))
"""


@pytest.mark.live
@pytest.mark.slow
@pytest.mark.any_database  # nginx and the image gate behave the same on any database
def test_nginx_serves_public_images_from_disk_and_asks_django_for_each(live_portal, tmp_path, collected_static):
    binary = nginx_binary()
    if binary is None:
        if nginx_required():
            pytest.fail("nginx is not installed (apt-get install nginx); REQUIRE_NGINX/CI need it")
        pytest.skip("nginx is not installed (apt-get install nginx); REQUIRE_NGINX=1 makes this a failure")
    env = {
        "SECRET_KEY": "nginx-test-" + "n" * 50,
        "ALLOWED_HOSTS": "127.0.0.1,thidua.example.gov.vn",
        "STATIC_ROOT": str(collected_static),  # collected as `make serve` does (tests/live.py)
        "SECURE_SSL_REDIRECT": "0",  # nginx speaks plain http here
        "ALLOW_DEMO_ACCOUNTS": "1",  # the seeded demo accounts (home/checks.py)
        "MEDIA_ACCEL_REDIRECT": ACCEL,  # as /etc/thidua/env must say behind deploy/nginx.conf
    }
    portal = live_portal(processes=(), settings="cms.settings.production", web="gunicorn", env=env)
    files = json.loads(portal.shell(IMAGES).strip().splitlines()[-1])
    portal.start_process("web")
    portal.wait_for_web()
    media = portal.directory / "media"

    run = tmp_path / "nginx"
    run.mkdir()
    port = free_port()
    config = run / "nginx.conf"
    config.write_text(nginx_test_config(NGINX_CONF.read_text(), port, portal.port, media, run))
    check = subprocess.run([binary, "-t", "-p", str(run), "-c", str(config)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    nginx = subprocess.Popen([binary, "-p", str(run), "-c", str(config)], start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                fetch(port, "/media/")
                break
            except OSError:
                assert time.monotonic() < deadline and nginx.poll() is None, (run / "error.log").read_text()
                time.sleep(0.2)

        # A token made under these settings (token digests depend on SECRET_KEY, unlike the seeded ones).
        editor = {"Authorization": "Bearer " + files["token"]}
        for kind in ("original", "rendition"):
            public, private = files["public"][kind], files["private"][kind]
            # A public image: its bytes from disk, shareable by caches for a while.
            status, headers, body = fetch(port, "/media/" + public)
            assert status == 200 and body == (media / public).read_bytes(), (status, headers)
            assert headers["content-type"] == "image/png" and "x-accel-redirect" not in headers
            assert "public" in headers["cache-control"] and "s-maxage" in headers["cache-control"]
            # An image no public page uses: Django's 404 to anonymous readers, however asked.
            status, headers, body = fetch(port, "/media/" + private)
            assert status == 404 and (media / private).read_bytes() not in body
            assert "Không tìm thấy" in body.decode() or "404" in body.decode()
            assert fetch(port, "/media/" + private, {"Authorization": "Bearer wagtail_wrong"})[0] == 404
            # The editor's token opens it, never to be kept by a shared cache.
            status, headers, body = fetch(port, "/media/" + private, editor)
            assert status == 200 and body == (media / private).read_bytes()
            assert "private" in headers["cache-control"] and "no-store" in headers["cache-control"]
            # The internal location cannot be asked for directly.
            assert fetch(port, ACCEL + private)[0] == 404
            assert fetch(port, ACCEL + public)[0] == 404
        # Nothing else under /media/ (documents go through Wagtail's view).
        (media / "documents").mkdir(exist_ok=True)
        (media / "documents" / "bi-mat.txt").write_bytes(b"bi mat")
        for path in ("/media/documents/bi-mat.txt", "/media/images/../documents/bi-mat.txt"):
            status, _headers, body = fetch(port, path)
            assert status == 404 and b"bi mat" not in body
        # gunicorn saw every image request (4 for each original and each rendition): nginx asked it each time.
        # Its access log is written after the answer is sent: the last line may come a moment after the fetch.
        deadline = time.monotonic() + 15
        while portal.log("web").count("GET /media/images/") < 4 and time.monotonic() < deadline:
            time.sleep(0.2)
        log = portal.log("web")
        assert log.count("GET /media/original_images/") == 4 and log.count("GET /media/images/") == 4, log
    finally:
        os.killpg(nginx.pid, signal.SIGTERM)
        nginx.wait(timeout=30)
