"""The portal's Content-Security-Policy: django-csp's middleware, with the admin's additions on its paths.

One policy (CONTENT_SECURITY_POLICY) for the public pages and the API with its docs; under
CSP_ADMIN_PATHS the directives of CSP_ADMIN_EXTRA replace theirs, since the Wagtail admin starts
widgets and panels with inline scripts and styles (README, "Security").
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, widening script/style/img sources on the admin's paths only."""

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        admin_paths = tuple(getattr(settings, "CSP_ADMIN_PATHS", ()))
        if not report_only and admin_paths and request.path_info.startswith(admin_paths):
            extra = getattr(settings, "CSP_ADMIN_EXTRA", {})
            parts.replace = {**extra, **(parts.replace or {})}
        return parts
