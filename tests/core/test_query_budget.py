"""Every public page stays within ten SQL queries when it is not in the page cache.

"Cold" here is the state right after an editor publishes: the public page cache is empty (every
publication empties it), while what a running server keeps between publications (the cached
site and its settings, Wagtail's site root paths, content types) is warm. The count must not
grow with the content: the same pages are measured with the demo content and with thirty more
updates, FAQ questions and papers, three pages of each list: a query per item would show as thirty.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from core.cache import invalidate_public_pages
from faq.models import FAQPage
from tests.faq.conftest import faq_body
from updates.models import UpdateIndexPage, UpdatePage
from workinggroups.models import PaperPage, WorkingGroup, WorkingGroupsPage

pytestmark = pytest.mark.slow

BUDGET = 10
MORE = 30


@pytest.fixture
def demo(seeded_world, db, compiled_catalogues):
    """The demo world, seeded once for the session (tests/world.py)."""


def public_urls():
    urls = ["/sitemap.xml", "/robots.txt"]
    for language in ("ar", "en"):
        locale = Locale.objects.get(language_code=language)
        update = UpdatePage.objects.live().public().filter(locale=locale).newest_first().last()
        tag = update.tags.first()
        paper = PaperPage.objects.live().public().filter(locale=locale).first()
        urls += [
            f"/{language}/",
            f"/{language}/faq/",
            f"/{language}/updates/",
            f"/{language}/updates/?tag={tag.slug}",
            update.url,
            f"/{language}/updates/feed/rss/",
            f"/{language}/updates/feed/atom/",
            f"/{language}/working-groups/",
            paper.url,
            f"/{language}/search/?q=" + ("مجموعة" if language == "ar" else "group"),
            f"/{language}/search/suggest/?q=" + ("مجم" if language == "ar" else "gro"),
        ]
    return urls


def queries(client, url, *, clear_everything=False):
    client.get(url)  # a server that has run for a while: per-process caches are warm
    if clear_everything:
        cache.clear()
    else:
        invalidate_public_pages()  # what every publication does
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Cache") == "miss", url
    return len(captured)


def add_content(count):
    """`count` more updates, FAQ questions and papers in each language's tree."""
    start = datetime.date(2020, 1, 1)
    for index in UpdateIndexPage.objects.all():
        for number in range(count):
            update = UpdatePage(
                title=f"تحديث إضافي {number}",
                slug=f"extra-{number}",
                date=start + datetime.timedelta(days=number),
                summary="ملخص مجموعة العمل group",
                locale=index.locale,
                first_published_at=timezone.now(),
            )
            index.add_child(instance=update)
            update.tags.add(f"وسم {number}")
    for faq in FAQPage.objects.all():
        questions = [(f"سؤال رقم {n}؟", f"<p>جواب {n}.</p>") for n in range(count)]
        faq.body = faq_body(("قسم إضافي", questions))
        faq.save_revision().publish()
    for groups_page in WorkingGroupsPage.objects.all():
        group = WorkingGroup.objects.filter(locale=groups_page.locale).first()
        for number in range(count):
            groups_page.add_child(
                instance=PaperPage(
                    title=f"ورقة {number}",
                    slug=f"extra-paper-{number}",
                    working_group=group,
                    locale=groups_page.locale,
                    body=[],
                )
            )


def test_public_pages_stay_within_the_query_budget_however_much_content(client, demo):
    urls = public_urls()
    few = {url: queries(client, url) for url in urls}
    add_content(MORE)
    many = {url: queries(client, url) for url in urls}
    # Not asserted, but printed with -s for docs/benchmarks.md: the same pages with every cache
    # emptied, as after a restart of the cache server.
    cleared = {url: queries(client, url, clear_everything=True) for url in urls}
    for url in urls:
        print(f"{url}\t{few[url]}\t{many[url]}\t{cleared[url]}")

    assert many == few
    assert {url: count for url, count in many.items() if count > BUDGET} == {}
