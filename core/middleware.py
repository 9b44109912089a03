"""Request middleware of the whole site: the remembered language and the never-cached URL
namespaces. Reads settings only; knows no app.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_path


class RememberLanguageMiddleware:
    """Remember the language of the last prefixed page a visitor opened.

    Language links are plain links to the translated page (readable without JavaScript and by
    crawlers); this keeps `/` and the unprefixed pages such as sign-in in the language the
    visitor last chose instead of falling back to the browser's preference.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = get_language_from_path(request.path_info)
        if (
            language
            and response.status_code == 200
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response


class PrivateNamespacesMiddleware:
    """Keep every answer of the URL namespaces in `PRIVATE_URL_NAMESPACES` out of every cache.

    Keyed on the namespace rather than set view by view, so a view added to one of those URL
    modules is covered without anyone remembering it, and so are the answers no view decorator
    sees: sign-in redirects, 405s, CSRF refusals and error pages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and not settings.PRIVATE_URL_NAMESPACES.isdisjoint(match.namespaces):
            add_never_cache_headers(response)
        return response
