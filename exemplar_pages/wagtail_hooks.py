"""Admin UI registrations: taxonomy snippets, the import uploads, the moderation views and guards."""

from wagtail.snippets.models import register_snippet

from .importing import admin_hooks as importing_admin_hooks  # noqa: F401  (the “Nhập dữ liệu” uploads)
from .moderation import admin_hooks as moderation_admin_hooks  # noqa: F401  (audit log, publish guard, votes)
from .viewsets import TaxonomyViewSetGroup

register_snippet(TaxonomyViewSetGroup)
