"""Closing consultations on time (DESIGN §7, §9): the scheduler's job, every minute.

A consultation closes by the clock (`ConsultationPage.state`), so the form and the API refuse comments
from local midnight after the closing date whatever this job does. The job does what follows from the
close, once per consultation: it tells the standing office (an e-mail with the counts and a link to the
summary, through the durable outbox) and purges the page and the API list from the front-end cache.
Once means a `ConsultationClosing` row, keyed by the page, inserted in the same transaction as the e-mail:
a second run (or a second scheduler) meets the key and sends nothing.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from ..models import ConsultationClosing, ConsultationPage
from ..roles import STANDING_OFFICE, role_users

logger = logging.getLogger("exemplar_pages.consultation")
EMAILS = "exemplar_pages/consultation/emails/"


def standing_office_users() -> list:
    """Active users holding the standing office's role, with an e-mail address."""
    return list(role_users(STANDING_OFFICE).exclude(email=""))


def due_for_closing(now=None):
    """Live consultations past their close that the office has not been told about."""
    today = timezone.localdate(now or timezone.now())
    return ConsultationPage.objects.live().filter(closes_on__lt=today, closing_notice__isnull=True)


def close_due_consultations(now=None) -> list[int]:
    """Tell the standing office of each consultation that closed, once; return their ids."""
    closed = []
    for page in due_for_closing(now).order_by("closes_on", "pk"):
        with transaction.atomic():
            _, claimed = ConsultationClosing.objects.get_or_create(consultation=page)
            if not claimed:
                continue  # another scheduler's run took it
            _announce(page)
        closed.append(page.pk)
        logger.info("Consultation %s closed on %s: the standing office was told", page.pk, page.closes_on)
    return closed


def _announce(page: ConsultationPage) -> None:
    """The e-mail to the standing office and the purge of the pages that show the consultation's state."""
    from ..frontend_cache import purge_after_commit, site_root_url
    from ..moderation.notifications import notify

    counts = page.comments.aggregate(
        total=Count("pk", filter=Q(is_spam=False)), unsorted=Count("pk", filter=Q(is_spam=False, stance=""))
    )
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    context = {
        "page": page,
        "counts": counts,
        "summary_url": base_url + reverse("consultation_summaries"),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", ""),
    }
    notify("closed", context, standing_office_users(), folder=EMAILS, purpose="consultation")
    urls = {url + "*" for url in [page.full_url] if url}
    root = site_root_url()
    if root:  # the front page lists open consultations; the list and the API show their state
        urls.update(root + path for path in ("/", "/lay-y-kien/*", "/api/v3/consultations/*"))
    purge_after_commit(urls)


@task()
def close_consultations() -> list[int]:
    return close_due_consultations()
