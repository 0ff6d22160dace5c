"""The project's strings are English msgids and the `vi` catalogue translates every one of them
(STYLE; issue #17 point 5): a new `_("…")` or `{% translate %}` without its Vietnamese fails here.

`makemessages` runs on a copy of the sources (the repository is left alone) and merges the committed
catalogue; GNU msgfmt then counts what is untranslated or fuzzy. The committed `.mo` must hold what
the `.po` says (Django reads only the `.mo`)."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CATALOGUE = REPO / "locale" / "vi" / "LC_MESSAGES"
SOURCES = ("cms", "home", "exemplar_pages", "search", "operations", "reports", "workdays", "templates")


def require_gettext() -> None:
    if shutil.which("msgfmt") is None or shutil.which("xgettext") is None:
        pytest.fail("GNU gettext (msgfmt, xgettext) is needed: apt-get install gettext (.ci/run installs it)")


def copy_sources(target: Path) -> None:
    for name in SOURCES:
        shutil.copytree(
            REPO / name,
            target / name,
            ignore=shutil.ignore_patterns("migrations", "static", "__pycache__", "*.pyc", "*.png", "*.json"),
        )
    shutil.copy(REPO / "manage.py", target / "manage.py")
    (target / "locale" / "vi").mkdir(parents=True)
    shutil.copytree(CATALOGUE, target / "locale" / "vi" / "LC_MESSAGES")


def test_every_msgid_has_its_vietnamese(tmp_path):
    require_gettext()
    copy_sources(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "vi", "--no-obsolete", "-v", "0"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    merged = tmp_path / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    statistics = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(merged)],
        check=True,
        capture_output=True,
        text=True,
    ).stderr
    assert re.match(r"\d+ translated messages?\.\s*$", statistics), (
        f"msgfmt: {statistics.strip()} — translate the new msgids in locale/vi/LC_MESSAGES/django.po "
        "(`make messages`), untranslated ones:\n" + untranslated(merged)
    )
    count = int(statistics.split()[0])
    assert count > 1000  # the whole project, not an empty extraction


def untranslated(po: Path) -> str:
    text = po.read_text(encoding="utf-8")
    entries = re.findall(
        r'((?:#, fuzzy\n)?(?:msgctxt .*\n)?msgid (?:".*"\n)+(?:msgid_plural .*\n)?msgstr(?:\[0\])? ""\n\n)', text
    )
    fuzzy = re.findall(r"#, fuzzy.*?\n\n", text, re.S)
    return "".join(entries[:20] + fuzzy[:20])


def test_the_compiled_catalogue_matches_the_source(tmp_path):
    """`django.mo` was compiled from the committed `django.po` (`make messages` does both)."""
    require_gettext()
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(fresh), str(CATALOGUE / "django.po")], check=True)
    committed = gettext.GNUTranslations((CATALOGUE / "django.mo").open("rb"))._catalog
    expected = gettext.GNUTranslations(fresh.open("rb"))._catalog
    assert committed == expected, "run `make messages` to compile locale/vi/LC_MESSAGES/django.mo"
