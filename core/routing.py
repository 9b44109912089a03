"""Find the public page for a URL in one query.

Wagtail routes a request by walking down from the home page: a query for the active Locale, one
for the home page in that language, then for each level of the URL one query for the child with
that slug and one for its specific row. A page three levels deep spent half of the ten-query
budget of a cold public page there. Every page's `url_path` already spells its URL inside its
tree (Wagtail rewrites it on every move and slug change), so the pages along a URL can be read in
one query. `route` does that, then hands the rest of the URL to the page's own `route()`: the
last page found, or an earlier one that answers that URL itself (the feeds of a routable page),
so the result is the `RouteResult` Wagtail's walk would have produced. What it cannot be sure of
(a home page translation in draft, a tree that does not add up) is left to Wagtail's routing.
"""

from itertools import pairwise

from django.http import Http404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from . import wagtail_internals


def home_url_path(request, language=None):
    """The `url_path` of this site's home page in `language` (default: the active one).

    Read from Wagtail's cached site root paths, which every page URL needs anyway; the site's own
    root page stands in for a language it has no translation in, as Wagtail's routing does.
    """
    site = Site.find_for_request(request)
    if site is None:
        return None
    language = language or get_language()
    for root in Site.get_site_root_paths():
        if root.site_id == site.pk and root.language_code == language:
            return root.root_path
    return site.root_page.url_path


def _answers_itself(page_class, remaining):
    """Whether `page_class.route()` would answer `remaining` itself instead of descending by slug."""
    if page_class is None or page_class.route is Page.route:
        return False
    if page_class.route is RoutablePageMixin.route:
        # A routable page first tries its own sub-URLs (feeds, for example), then its children.
        try:
            page_class.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
        except Http404:
            return False
    return True


def route(request, path):
    """Wagtail's `RouteResult` for `path` (raising Http404 as it does), or None to let it route."""
    home = home_url_path(request)
    if home is None:
        return None
    components = [part for part in path.split("/") if part]
    url_paths = [
        home + "".join(f"{part}/" for part in components[:n]) for n in range(len(components) + 1)
    ]
    pages = list(Page.objects.filter(url_path__in=url_paths).order_by("depth"))
    if not pages or pages[0].url_path != home:
        return None
    if not pages[0].live and pages[0].pk != Site.find_for_request(request).root_page_id:
        # A translation in draft: Wagtail's routing falls back to the site's root page.
        return None
    for parent, child in pairwise(pages):
        if child.depth != parent.depth + 1 or not child.path.startswith(parent.path):
            return None
        # Page.route does the same: the parent is at hand, so get_parent() costs nothing.
        wagtail_internals.remember_parent(child, parent)
    for depth, page in enumerate(pages):
        remaining = components[depth:]
        if page is pages[-1] or _answers_itself(page.specific_class, remaining):
            return page.specific.route(request, remaining)
