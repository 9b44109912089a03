"""The one-query router and restriction lookup answer exactly as Wagtail's own code does."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from core.routing import route
from updates.models import UpdateIndexPage, UpdatePage
from workinggroups.models import PaperPage


@pytest.fixture
def demo(seeded_world, db):
    """The demo world, seeded once for the session (tests/world.py)."""


def request_for(language, path):
    request = RequestFactory().get(f"/{language}/{path}")
    request.LANGUAGE_CODE = language
    return request


def outcome(result):
    """What a visitor would get from a route: which page, through which of its views."""
    if result is None:
        return "404"
    page, args, kwargs = result
    view = args[0].__name__ if args else None
    return (page.pk, type(page).__name__, view, args[1:], kwargs)


def wagtail_outcome(language, path):
    """The reference: Wagtail's walk down the tree from the site's root page."""
    request = request_for(language, path)
    with translation.override(language):
        site = Site.find_for_request(request)
        components = [part for part in path.split("/") if part]
        try:
            return outcome(site.root_page.localized.specific.route(request, components))
        except Http404:
            return "404"


def our_outcome(language, path):
    request = request_for(language, path)
    with translation.override(language):
        try:
            result = route(request, path)
        except Http404:
            return "404", True
    if result is None:
        return wagtail_outcome(language, path), False
    return outcome(result), True


def paths_to_try():
    """Every page under either home page, live or not, and URLs that match no page."""
    paths = {"", "nothing-here/", "updates/nothing-here/", "updates/feed/", "updates/feed/rss/x/"}
    for home in Page.objects.filter(depth=2):
        for page in Page.objects.descendant_of(home):
            paths.add(page.url_path.removeprefix(home.url_path))
    for index in UpdateIndexPage.objects.all():
        relative = index.url_path.split("/", 2)[2]
        paths.update({relative + "feed/rss/", relative + "feed/atom/"})
    return sorted(paths)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_url_reaches_what_wagtail_would_serve(demo, language):
    draft = UpdatePage.objects.filter(locale__language_code=language).first()
    draft.unpublish()
    # An update whose slug is also the start of the index's feed URLs: /updates/feed/ is the
    # update, /updates/feed/rss/ the feed.
    index = UpdateIndexPage.objects.get(locale__language_code=language)
    index.add_child(
        instance=UpdatePage(title="Feed", slug="feed", date="2025-01-01", summary="-", body=[])
    )
    paths = paths_to_try()
    assert len(paths) > 20

    answers = {path: our_outcome(language, path) for path in paths}

    assert {path: answer for path, (answer, _) in answers.items()} == {
        path: wagtail_outcome(language, path) for path in paths
    }
    # The shortcut itself answered (no fallback) for every page that exists in this language.
    assert all(by_us for answer, by_us in answers.values() if answer != "404")
    assert answers[draft.url_path.split("/", 2)[2]][0] == "404"
    assert answers["updates/feed/"][0][1] == "UpdatePage"
    assert answers["updates/feed/rss/"][0][2] == "rss_feed"


def test_a_draft_translation_of_the_home_page_falls_back_as_wagtail_does(demo):
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    english_home.unpublish()

    for path in ["", "updates/", "faq/"]:
        assert our_outcome("en", path)[0] == wagtail_outcome("en", path)


def test_routing_costs_the_same_at_every_depth(demo):
    paper = PaperPage.objects.filter(locale__language_code="ar").first()
    deep = paper.url_path.split("/", 2)[2]
    assert deep.count("/") == 2

    def count(path):
        request = request_for("ar", path)
        with translation.override("ar"):
            route(request, path)  # Wagtail's site root paths, cached for every page URL anyway
            request = request_for("ar", path)
            Site.find_for_request(request)  # kept on the request, as the site cache does
            with CaptureQueriesContext(connection) as queries:
                route(request, path)
        return len(queries)

    # The pages on the way in one query, then the page's own row.
    assert count("") == count("working-groups/") == count(deep) == 2


def restriction_ids(restrictions):
    return sorted(restrictions.values_list("pk", flat=True))


def test_view_restrictions_are_wagtails_in_one_query(demo):
    index = UpdateIndexPage.objects.get(locale__language_code="ar")
    restricted = PageViewRestriction.objects.create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    paper = PaperPage.objects.filter(locale__language_code="ar").first()
    by_group = PageViewRestriction.objects.create(
        page=paper, restriction_type=PageViewRestriction.GROUPS
    )
    by_group.groups.add(Group.objects.create(name="Paper readers"))
    # An alias shows its original's content, so it takes the original's restrictions.
    alias = paper.create_alias(parent=paper.get_parent(), update_slug="paper-alias")
    pages = [page.specific for page in Page.objects.filter(depth__gte=2)]
    served = [page for page in pages if hasattr(type(page), "get_view_restrictions")]
    assert alias.pk in {page.pk for page in served}

    for page in served:
        assert restriction_ids(page.get_view_restrictions()) == restriction_ids(
            Page.get_view_restrictions(page)
        ), page.url_path
    update = UpdatePage.objects.child_of(index).first()
    assert restriction_ids(update.get_view_restrictions()) == [restricted.pk]
    assert restriction_ids(alias.specific.get_view_restrictions()) == [by_group.pk]

    with CaptureQueriesContext(connection) as queries:
        list(update.get_view_restrictions())
    assert len(queries) == 1


def test_a_page_under_a_restricted_section_still_asks_to_sign_in(client, demo):
    index = UpdateIndexPage.objects.get(locale__language_code="ar")
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    update = UpdatePage.objects.child_of(index).first()

    response = client.get(update.url)

    assert response.status_code == 302
    assert "/accounts/login/" in response.url or "login" in response.url
    assert update.title not in client.get("/ar/updates/").content.decode()
