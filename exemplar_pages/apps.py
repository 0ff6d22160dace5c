from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExemplarPagesConfig(AppConfig):
    """Plans, movements, exemplar stories and their taxonomies."""

    name = "exemplar_pages"
    label = "exemplar_pages"
    verbose_name = _("Emulation – Exemplars")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Before Wagtail's v3 API builds its page schemas: links to pages follow their visibility.
        from .api import install_page_detail_queries, install_public_page_links, router

        install_public_page_links()
        install_page_detail_queries()  # a page's detail answer in a bounded number of queries (issue #13)

        from wagtail.api.v3.api import api

        api.add_router("/taxonomies/", router)

        # A page past its expiry leaves the public pages API at once (DESIGN §4), not when publish_scheduled runs.
        from .visibility import install_api_visibility

        install_api_visibility()

        # Several renditions of one image are made one at a time: two first readers of a page never deadlock.
        from .renditions import install_serial_renditions

        install_serial_renditions()

        # Every API error as Vietnamese problem+json, never an HTML 500 (issue #12).
        from .api_errors import install as install_api_errors

        install_api_errors()

        # Files follow their pages (DESIGN §4): plan originals are released when their plan is published.
        from .files import connect as connect_files

        connect_files()

        # Moderation (DESIGN §4, §6): the publish guard, signals, Vietnamese emails, the workflow API.
        from .moderation.api import router as workflow_router
        from .moderation.notifications import connect_notifications
        from .moderation.publishing import install_publication_guard
        from .moderation.signals import connect_signals

        install_publication_guard()
        connect_signals()
        connect_notifications()
        api.add_router("/workflow/", workflow_router)

        # The public consultation on nominees (DESIGN §9): the list, comments in, summaries out.
        from .consultation.api import router as consultation_router

        api.add_router("/consultations/", consultation_router)
        from .contest.api import router as contest_router  # the writing contest (DESIGN §11)

        api.add_router("/contests/", contest_router)
        from operations.conf import seconds
        from operations.schedule import register_periodic

        register_periodic(
            "close_consultations",
            lambda: seconds("OPERATIONS_CLOSE_CONSULTATIONS_SECONDS"),
            "exemplar_pages.consultation.closing.close_consultations",
        )
        # Exemplar imports whose process died part-way are undone (exemplar_pages.importing.journal).
        register_periodic(
            "undo_abandoned_imports", timedelta(minutes=5), "exemplar_pages.importing.journal.undo_abandoned_imports"
        )
        # Lists kept after a failed import (names of people) leave the disk when they expire, not at the next keep.
        register_periodic(
            "remove_kept_uploads", timedelta(minutes=10), "exemplar_pages.importing.kept_uploads.remove_expired_uploads"
        )

        # System checks (exemplar_pages.E001, E002): the publication guard is on, Wagtail's English emails are off.
        from . import checks  # noqa: F401

        # What the page types and taxonomies contribute to search, and the re-indexing their edits call for.
        from .searching import connect as connect_search

        connect_search()

        # The fields and provinces come from data migrations, which the admin's search index never hears of: each
        # migrate indexes them, so that an editor's search in the choosers finds them.
        from django.db.models.signals import post_migrate

        from .models.taxonomy import index_reference_terms

        post_migrate.connect(index_reference_terms, sender=self, dispatch_uid="exemplar_pages.index_reference_terms")

        # The front-end cache (Varnish) follows publication and taxonomy edits (DESIGN §7).
        from .frontend_cache import connect as connect_frontend_cache

        connect_frontend_cache()
