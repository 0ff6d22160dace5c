"""URL configuration of the portal."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from exemplar_pages.archive import ArchiveSitemap
from exemplar_pages.consultation import views as consultation_views
from exemplar_pages.files import install_api_file_visibility, serve_media
from exemplar_pages.moderation import admin_views as moderation_admin_views
from exemplar_pages.visibility import PublicSitemap
from reports import views as reports_views
from search import views as search_views


def api_urls():
    """The v3 API with the project's routers attached (imported late: it reads the page models)."""
    from wagtail.api.v3.urls import api

    install_api_file_visibility()  # anonymous readers: only files a public page uses (exemplar_pages.files)
    return api.urls


urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Wagtail's page editor and review action views, serialised per page (exemplar_pages.moderation.admin_views).
    path("admin/pages/<int:page_id>/edit/", moderation_admin_views.SerialisedEditView.as_view()),
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/",
        moderation_admin_views.SerialisedCreateView.as_view(),
    ),
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        moderation_admin_views.SerialisedWorkflowActionView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api_urls()),
    path("tim-kiem/", search_views.search, name="search"),
    path("khen-thuong/", include("exemplar_pages.decision_listing")),
    path("lay-y-kien/", consultation_views.consultation_list, name="consultations"),
    path("lay-y-kien/rss/", consultation_views.consultation_feed, name="consultation_rss"),
    path("thong-ke/", reports_views.public_statistics, name="statistics"),
    path("luu-tru/", include("exemplar_pages.archive")),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap, "archive": ArchiveSitemap}}, name="sitemap"),
]

# Static files are whitenoise's (hashed names after collectstatic; found in the apps in dev).
if getattr(settings, "MEDIA_SERVED_BY_DJANGO", False):
    # Uploaded images only, when no reverse proxy serves them, and only those a public page uses (or to
    # editors): documents go through Wagtail's view, which checks the same (exemplar_pages.files).
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [
        re_path(
            rf"^{media_prefix}(?P<path>(?:original_images|images)/.+)$",
            serve_media,
        )
    ]

# Pages: the Vietnamese ones at the root, their English translations under /en/ (cms.language).
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
