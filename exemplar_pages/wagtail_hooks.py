"""Admin UI registrations: taxonomy snippets, the import uploads, the moderation views and guards."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .consultation import admin_hooks as consultation_admin_hooks  # noqa: F401  (comments, summaries)
from .contest import admin_hooks as contest_admin_hooks  # noqa: F401  (entries, photos, scores, stories)
from .files import refuse_unpublished_document
from .importing import admin_hooks as importing_admin_hooks  # noqa: F401  (the “Nhập dữ liệu” uploads)
from .moderation import admin_hooks as moderation_admin_hooks  # noqa: F401  (audit log, publish guard, votes)
from .viewsets import TaxonomyViewSetGroup
from .visibility import refuse_expired_page

register_snippet(TaxonomyViewSetGroup)

# A page past its expiry is not served, before `publish_scheduled` takes it down (DESIGN §4).
hooks.register("before_serve_page", refuse_expired_page)
# A document no public page uses is not found for anonymous readers, before Wagtail's login redirect.
hooks.register("before_serve_document", refuse_unpublished_document, order=-100)
