"""Admin UI registrations."""

from wagtail.snippets.models import register_snippet

from .viewsets import TaxonomyViewSetGroup

register_snippet(TaxonomyViewSetGroup)
