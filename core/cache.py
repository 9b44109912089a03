"""A shared cache of public pages for anonymous visitors, emptied whenever published content changes.

Most visitors are anonymous and many are on slow connections; the pages they read change only
when an editor publishes. Rendering each page once per publication keeps the site fast on small
machines. Signed-in people, and anything private, always bypass the cache: only responses that
are plainly public (200, no cookie set, not marked private) of the views listed in
`PUBLIC_CACHE_URL_NAMES` are stored.

A page is stored per language, host, path and the query parameters those views read
(`PUBLIC_CACHE_QUERY_PARAMETERS`). Any other parameter is dropped from an anonymous request before
the view runs: `?x=1`, `?x=2`, ... would otherwise each store a copy of the page for a day, and a
copy that echoed its address (the sign-in link's `next`) would show one visitor's junk to all.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import QueryDict
from django.utils.http import urlencode
from django.utils.translation import get_language
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Site

from . import wagtail_internals

GENERATION_KEY = "public-pages:generation"
# Sites and their settings change far less often than pages; keeping them apart spares the first
# request after each publication two queries.
SITE_GENERATION_KEY = "public-pages:site-generation"


def current_generation(key=GENERATION_KEY):
    generation = cache.get(key)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(key, generation, None)
        generation = cache.get(key, generation)
    return generation


def invalidate_public_pages():
    """Forget every cached page at once; entries of older generations simply expire."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate_sites():
    """Forget the cached sites and site settings (and the pages, which show them)."""
    cache.set(SITE_GENERATION_KEY, uuid.uuid4().hex, None)
    invalidate_public_pages()


def _keep_read_parameters(request):
    """Leave in the request only the query parameters a cached view reads, in a stable order,
    each with the one value the view takes (`QueryDict.get` gives the last)."""
    query = urlencode(
        sorted(
            (name, request.GET[name])
            for name in settings.PUBLIC_CACHE_QUERY_PARAMETERS
            if name in request.GET
        )
    )
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


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
        _keep_read_parameters(request)
        key = _cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        request._public_cache_key = key
        return None


class SiteCacheMiddleware:
    """Resolve the Wagtail site and its settings from the shared cache instead of the database.

    Wagtail finds the site for a request, and each site setting, with a query on every request
    and keeps them on the request only. Both change rarely; caching them per host until a site,
    a setting or a site's root page changes (`invalidate_sites`) saves those queries on every
    page, which matters most on a cold page cache.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = (
            "site-for:"
            + hashlib.sha256(
                f"{current_generation(SITE_GENERATION_KEY)}|{wagtail_internals.raw_host(request)}|{request.get_port()}".encode()
            ).hexdigest()
        )
        cached = cache.get(key)
        if cached is None:
            site = Site.find_for_request(request)
            cached = (
                site,
                [
                    model.for_site(site)
                    for model in registry
                    if site is not None and issubclass(model, BaseSiteSetting)
                ],
            )
            cache.set(key, cached, settings.PUBLIC_PAGE_CACHE_SECONDS)
        site, setting_objects = cached
        wagtail_internals.remember_site(request, site)
        for setting in setting_objects:
            wagtail_internals.remember_setting(request, setting)
        return self.get_response(request)
