from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from .text import normalise

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
MAX_QUERY_LENGTH = 200


def public_pages():
    """Pages anyone may read, in the visitor's language.

    Never `.live()` alone: a page under a view restriction (a workspace, a password) is live too,
    and its title must not appear in results or suggestions. (`core.pages.exclude_restricted`
    cannot be used here: search backends accept only plain field filters.) Results stay plain
    `Page` objects: they show only a title, a link and the search description.
    """
    return Page.objects.live().public().filter(locale=Locale.get_active())


def _query(request):
    return request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]


@require_safe
def search(request):
    query = _query(request)
    results = None
    if normalise(query).strip():
        found = public_pages().search(normalise(query))
        results = Paginator(found, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    # The query's folded words, marked wherever they are written in titles and descriptions.
    context = {"query": query, "results": results, "words": normalise(query).split()}
    return render(request, "search/search.html", context)


@require_safe
def suggest(request):
    """Search-as-you-type: titles of public pages whose words start with what was typed."""
    query = normalise(_query(request)).strip()
    suggestions = []
    if query:
        pages = public_pages().autocomplete(query)[:SUGGESTIONS]
        suggestions = [{"title": page.title, "url": page.get_url(request)} for page in pages]
    return JsonResponse({"query": _query(request), "suggestions": suggestions})
