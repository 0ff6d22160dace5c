"""Keep an admin's chosen exemplar list after an error or a dry run, so that it need not be chosen again.

Browsers cannot re-fill a file input, so the upload is kept on the server: under
``MEDIA_ROOT/imports/kept/`` (never served: cms/urls.py serves only images), named by a random token, and
recorded in the user's session with its owner and expiry. Only the same user in the same session can use
it, for ``IMPORT_KEEP_UPLOAD_MINUTES`` (30); each session keeps one file at most (a new one replaces it),
and expired files of every session are deleted whenever a file is kept and by the periodic task
`remove_expired_uploads` (every 10 minutes), so a list of names is not left on disk. Files already passed the upload
limits (IMPORT_MAX_BYTES and the zip checks) before they are kept.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django_tasks import task

SESSION_KEY = "exemplar_import_kept_upload"
DIRECTORY = "imports/kept"
DEFAULT_MINUTES = 30


def keep_minutes() -> int:
    return int(getattr(settings, "IMPORT_KEEP_UPLOAD_MINUTES", DEFAULT_MINUTES))


@dataclass(frozen=True)
class KeptUpload:
    """A kept upload: its token (for the form), the name the user chose, where it is, until when."""

    token: str
    name: str
    path: str
    size: int
    expires: datetime

    def upload(self) -> UploadedFile:
        """The kept file, as the form's file field would give it."""
        with default_storage.open(self.path, "rb") as stored:
            return SimpleUploadedFile(self.name, stored.read())


def _record(request) -> dict | None:
    record = request.session.get(SESSION_KEY)
    return record if isinstance(record, dict) else None


def _remove_expired() -> int:
    """Delete kept files of every session once they have expired; return how many."""
    try:
        _directories, files = default_storage.listdir(DIRECTORY)
    except FileNotFoundError:
        return 0
    deadline, removed = timezone.now() - timedelta(minutes=keep_minutes()), 0
    for name in files:
        path = f"{DIRECTORY}/{name}"
        try:
            if default_storage.get_modified_time(path) < deadline:
                default_storage.delete(path)
                removed += 1
        except FileNotFoundError:
            continue
    return removed


@task()
def remove_expired_uploads() -> int:
    """The periodic removal of expired kept uploads (registered in `ExemplarPagesConfig.ready`)."""
    return _remove_expired()


def discard(request) -> None:
    """Forget (and delete) the session's kept upload."""
    record = _record(request)
    if record is not None:
        default_storage.delete(record["path"])
        del request.session[SESSION_KEY]


def keep(request, upload: UploadedFile) -> KeptUpload:
    """Keep an upload for this user and session (replacing the one kept before)."""
    name = Path(upload.name or "danh-sach").name
    discard(request)
    _remove_expired()
    token = secrets.token_urlsafe(24)
    upload.seek(0)
    path = default_storage.save(f"{DIRECTORY}/{token}{Path(name).suffix.lower()}", ContentFile(upload.read()))
    upload.seek(0)
    expires = timezone.now() + timedelta(minutes=keep_minutes())
    request.session[SESSION_KEY] = {
        "token": token,
        "name": name,
        "path": path,
        "size": upload.size,
        "user": request.user.pk,
        "expires": expires.isoformat(),
    }
    return KeptUpload(token, name, path, upload.size, expires)


def kept(request, token: str | None) -> KeptUpload | None:
    """The session's kept upload if the token is its own, the user the same, and it has not expired."""
    record = _record(request)
    if not token or record is None or not secrets.compare_digest(str(record.get("token", "")), str(token)):
        return None
    expires = datetime.fromisoformat(record["expires"])
    if record.get("user") != request.user.pk or expires < timezone.now() or not default_storage.exists(record["path"]):
        discard(request)
        return None
    return KeptUpload(record["token"], record["name"], record["path"], record["size"], expires)


def current(request) -> KeptUpload | None:
    """The session's kept upload, if it is still valid (shown again when the import page is reopened)."""
    record = _record(request)
    return kept(request, record.get("token")) if record else None
