"""The language of a request: Vietnamese, except the English pages under `/en/`.

Django's LocaleMiddleware would follow the browser's Accept-Language on every other URL (the admin,
the API, the portal's Vietnamese pages) and vary the cached pages on it; the portal answers in
Vietnamese to everybody and in English only where the address says so.
"""

from django.conf import settings
from django.utils import translation


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
