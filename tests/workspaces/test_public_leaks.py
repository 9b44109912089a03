"""Nothing of a workspace reaches the public side: pages, search, sitemap, feeds, robots, files.

The demo world is loaded and every workspace holds a discussion-like page and a theme of its
own; `Secrets` lists those words (titles and themes of the workspace tree that no public page
shows on purpose).
"""

import re
from urllib.parse import quote, urlencode, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Page

from search.text import normalise
from workspaces.models import WorkspacePage

from .conftest import Secrets

LANGUAGES = ("ar", "en")
FEED_LINK = re.compile(
    r'<link[^>]*rel="alternate"[^>]*type="application/(?:rss|atom)\+xml"[^>]*>|'
    r'<link[^>]*type="application/(?:rss|atom)\+xml"[^>]*rel="alternate"[^>]*>'
)
HREF = re.compile(r'href="([^"]+)"')


def public_urls():
    """Every live public page, by its own URL (the home pages, FAQ, updates, working groups)."""
    urls = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            urls.add(urlsplit(url).path)
    return sorted(urls)


def feed_urls(client, pages):
    """The feeds public pages announce in their head."""
    feeds = set()
    for url in pages:
        head = client.get(url).content.decode().split("</head>", 1)[0]
        for link in FEED_LINK.findall(head):
            feeds.add(urlsplit(HREF.search(link).group(1)).path)
    return sorted(feeds)


def _shown(secrets, client, url):
    response = client.get(url, follow=True)
    return response.status_code, secrets.found_in(response)


@pytest.mark.parametrize("username", [None, "outsider", "member_electoral"])
def test_public_pages_feeds_sitemap_and_robots_show_no_workspace(planted, username):
    client = planted.client(username)
    secrets = Secrets()
    pages = public_urls()
    assert {"/ar/", "/en/"} <= set(pages)
    # The FAQ, the updates and the working groups are among them once their apps have pages.
    assert len(pages) > 2
    feeds = feed_urls(client, pages)
    wrong = []
    for url in [*pages, *feeds, "/sitemap.xml", "/robots.txt"]:
        status, leaked = _shown(secrets, client, url)
        if status != 200:
            wrong.append(f"{url}: {status}")
        if leaked:
            wrong.append(f"{url}: shows {leaked}")
    assert not wrong, "\n".join(wrong)


def test_the_sitemap_lists_no_workspace_address(planted):
    sitemap = planted.client().get("/sitemap.xml").content.decode()
    assert "/workspaces/" not in sitemap
    for workspace in planted.workspaces.values():
        assert f"/{workspace.slug}/" not in sitemap


def test_feeds_are_announced_and_checked(planted):
    """The leak test above reads the feeds public pages announce; make sure it finds some
    (otherwise it would check nothing)."""
    assert any("updates" in url for url in public_urls()), "no updates index is published"
    assert feed_urls(planted.client(), public_urls())


def _queries(secrets):
    """Whole private phrases, and their first word (what someone would start typing)."""
    queries = set()
    for phrase in secrets.words:
        queries.add(phrase)
        queries.add(phrase.split()[0])
    return sorted(queries)


def test_the_search_index_holds_the_private_pages(planted):
    """Without this, a search test that finds nothing would prove nothing."""
    secrets = Secrets()
    inner = planted.planted["legal-constitutional"]
    assert inner.title in secrets.words
    found = Page.objects.live().search(normalise(inner.title))
    assert inner.pk in {page.pk for page in found}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("username", [None, "member_electoral"])
def test_search_and_suggestions_never_offer_a_workspace(planted, language, username):
    client = planted.client(username)
    secrets = Secrets()
    wrong = []
    for query in _queries(secrets):
        for url in (f"/{language}/search/", f"/{language}/search/suggest/"):
            response = client.get(f"{url}?{urlencode({'q': query})}")
            if response.status_code != 200:
                wrong.append(f"{url} {query!r}: {response.status_code}")
            # The query itself is echoed back; what matters is what else appears.
            shown = secrets.found_in(response, echoed=[query])
            content = response.content.decode()
            shown += [slug for slug in planted.workspaces if f"/workspaces/{slug}/" in content]
            if shown:
                wrong.append(f"{url} {query!r}: shows {shown}")
    assert not wrong, "\n".join(wrong)


def _guesses(planted, username):
    """Where Wagtail's own page serving might answer for a page of a workspace that
    `username` may not enter."""
    user = planted.users.get(username) if username else AnonymousUser()
    for workspace in WorkspacePage.objects.exclude(
        pk__in=WorkspacePage.objects.for_user(user).values("pk")
    ):
        page = planted.planted[workspace.slug]
        for language in LANGUAGES:
            yield f"/{language}/{workspace.slug}/"
            yield f"/{language}{workspace.url_path}"
            yield f"/{language}/cssr{workspace.url_path}"
            yield f"/{language}/{workspace.slug}/{page.slug}/"
            yield f"/{language}{page.url_path}"
        yield f"/{workspace.slug}/"
        yield workspace.url_path


@pytest.mark.parametrize("username", [None, "outsider", "member_electoral", "editor"])
def test_wagtail_serve_never_reaches_a_workspace_page(planted, username):
    """Workspace pages are served by the workspaces' own view under /<lang>/workspaces/ only."""
    client = planted.client(username)
    secrets = Secrets()
    wrong = []
    for url in _guesses(planted, username):
        response = client.get(url, follow=True)
        final = response.redirect_chain[-1][0] if response.redirect_chain else url
        if username is None and urlsplit(final).path == "/accounts/login/":
            continue  # our own view sends the anonymous to sign in, as for any address of it
        if response.status_code != 404:
            wrong.append(f"{url}: {response.status_code} at {final}")
        if leaked := secrets.found_in(response):
            wrong.append(f"{url}: shows {leaked}")
    assert not wrong, "\n".join(wrong)


def test_the_members_own_view_still_serves_the_pages(planted):
    """The other side of the test above: the pages exist, and insiders reach them."""
    client = planted.client("member_legal")
    inner = planted.planted["legal-constitutional"]
    response = client.get(f"/ar/workspaces/legal-constitutional/{quote(inner.slug)}/")
    assert response.status_code == 200
    assert inner.title in response.content.decode()


def test_documents_have_no_public_listing_and_workspace_ones_stay_inside(planted):
    legal = planted.workspaces["legal-constitutional"]
    document = Document.objects.create(
        title="محضر اجتماع المجموعة الداخلي",
        collection=legal.collection,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="internal-minutes.pdf"),
    )
    url = document.url
    for username in (None, "outsider", "member_electoral"):
        client = planted.client(username)
        listing = client.get("/documents/", follow=True)
        assert listing.status_code == 404
        assert document.title not in listing.content.decode()
        response = client.get(url)
        if username is None:
            # Sent to sign in, like every workspace address.
            assert response.status_code == 302
            assert urlsplit(response["Location"]).path == "/accounts/login/"
        else:
            # Not a sign-in loop: a signed-in outsider is told it does not exist.
            assert response.status_code == 404, username
    inside = planted.client("member_legal").get(url)
    assert inside.status_code == 200
