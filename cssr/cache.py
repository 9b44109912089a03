"""A shared cache of public pages for anonymous visitors, emptied whenever published content changes.

Most visitors are anonymous and many are on slow connections; the pages they read change only
when an editor publishes. Rendering each page once per publication keeps the site fast on small
machines. Signed-in people, and anything private, always bypass the cache: only responses that
are plainly public (200, no cookie set, not marked private) of the views listed in
`PUBLIC_CACHE_URL_NAMES` are stored.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

GENERATION_KEY = "public-pages:generation"


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def invalidate_public_pages():
    """Forget every cached page at once; entries of older generations simply expire."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def _cache_key(request):
    raw = "|".join(
        [current_generation(), get_language() or "", request.get_host(), request.get_full_path()]
    )
    return "public-page:" + hashlib.sha256(raw.encode()).hexdigest()


def _bypass(request):
    """Anyone who may see something personal: signed in, or holding a session or messages."""
    return (
        request.method != "GET"
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
        or request.user.is_authenticated
    )


def _cacheable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_public_cache_key", None)
        if key and _cacheable(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            cache.set(key, response, settings.PUBLIC_PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name not in settings.PUBLIC_CACHE_URL_NAMES:
            return None
        if _bypass(request):
            return None
        key = _cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        request._public_cache_key = key
        return None
