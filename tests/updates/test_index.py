import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import add_update, restrict_to_group, restrict_with_password

DAY = datetime.timedelta(days=1)


def titles(response):
    """Update titles in the order the list shows them."""
    return re.findall(
        r'class="update-summary__title"><a href="[^"]+" dir="[a-z]+">([^<]+)</a>',
        response.content.decode(),
    )


def test_index_lists_newest_first_by_date_then_publication(client, index):
    add_update(index, "قديم", datetime.date(2023, 5, 1))
    first_same_day = add_update(index, "أول نشر", datetime.date(2024, 3, 1))
    later_same_day = add_update(index, "آخر نشر", datetime.date(2024, 3, 1))
    add_update(index, "أحدث", datetime.date(2024, 6, 1))
    now = timezone.now()
    type(first_same_day).objects.filter(pk=first_same_day.pk).update(first_published_at=now)
    type(later_same_day).objects.filter(pk=later_same_day.pk).update(
        first_published_at=now + datetime.timedelta(hours=1)
    )

    assert titles(client.get("/ar/updates/")) == ["أحدث", "آخر نشر", "أول نشر", "قديم"]


def test_index_shows_date_summary_and_tags_of_each_update(client, index):
    add_update(
        index, "تحديث", datetime.date(2024, 3, 5), summary="ما جرى هذا الشهر", tags=["حماية"]
    )

    html = client.get("/ar/updates/").content.decode()

    assert '<time datetime="2024-03-05">5 آذار 2024</time>' in html
    assert '<p dir="rtl">ما جرى هذا الشهر</p>' in html
    assert (
        'href="/ar/updates/?tag=%D8%AD%D9%85%D8%A7%D9%8A%D8%A9" rel="tag" dir="rtl">حماية</a>'
        in html
    )


@pytest.fixture
def many_updates(index):
    start = datetime.date(2024, 1, 1)
    return [add_update(index, f"تحديث {n:02d}", start + n * DAY) for n in range(25)]


def test_index_pages_by_ten(client, many_updates):
    first = client.get("/ar/updates/")
    third = client.get("/ar/updates/?page=3")

    assert titles(first) == [f"تحديث {n:02d}" for n in range(24, 14, -1)]
    assert titles(third) == [f"تحديث {n:02d}" for n in range(4, -1, -1)]
    assert 'href="?page=2" rel="next"' in first.content.decode()


def test_out_of_range_page_shows_the_last_page_and_nonsense_the_first(client, many_updates):
    last = titles(client.get("/ar/updates/?page=3"))
    first = titles(client.get("/ar/updates/"))

    assert titles(client.get("/ar/updates/?page=99")) == last
    assert titles(client.get("/ar/updates/?page=abc")) == first


def test_tag_filter_shows_only_tagged_updates_and_a_way_back(client, index):
    add_update(index, "عن الحماية", tags=["حماية", "جنيف"])
    add_update(index, "عن اللامركزية", tags=["لامركزية"])

    response = client.get("/ar/updates/", {"tag": "حماية"})
    html = response.content.decode()

    assert titles(response) == ["عن الحماية"]
    assert '<strong dir="rtl">حماية</strong>' in html
    assert '<a class="tag-filter__clear" href="/ar/updates/">' in html
    assert titles(client.get("/ar/updates/")) == ["عن اللامركزية", "عن الحماية"]


def test_tag_filter_keeps_the_tag_across_pages(client, index):
    for n in range(12):
        add_update(index, f"حماية {n:02d}", datetime.date(2024, 1, 1) + n * DAY, tags=["حماية"])
    add_update(index, "غير موسوم", datetime.date(2025, 1, 1))

    first = client.get("/ar/updates/", {"tag": "حماية"})
    second = client.get("/ar/updates/", {"tag": "حماية", "page": 2})

    assert len(titles(first)) == 10
    assert "?tag=%D8%AD%D9%85%D8%A7%D9%8A%D8%A9&amp;page=2" in first.content.decode()
    assert titles(second) == ["حماية 01", "حماية 00"]


def test_unknown_tag_says_nothing_matches(client, index):
    add_update(index, "تحديث", tags=["حماية"])

    response = client.get("/ar/updates/", {"tag": "no-such-tag"})

    assert response.status_code == 200
    assert titles(response) == []
    assert 'class="empty-state"' in response.content.decode()


def test_index_hides_unpublished_and_restricted_updates(client, index):
    add_update(index, "منشور")
    add_update(index, "مسودة", live=False)
    restrict_with_password(add_update(index, "بكلمة سر"))
    restrict_to_group(add_update(index, "لمجموعة"))

    assert titles(client.get("/ar/updates/")) == ["منشور"]


def test_each_language_lists_its_own_updates(client, index, english_index):
    add_update(index, "تحديث عربي")
    add_update(english_index, "English update")

    assert titles(client.get("/ar/updates/")) == ["تحديث عربي"]
    assert titles(client.get("/en/updates/")) == ["English update"]


def test_empty_index_says_so(client, index):
    html = client.get("/ar/updates/").content.decode()
    assert 'class="empty-state"' in html
    assert 'class="update-list"' not in html


def test_index_announces_its_feeds(client, index):
    html = client.get("/ar/updates/").content.decode()

    assert (
        '<link rel="alternate" type="application/rss+xml" '
        'href="http://testserver/ar/updates/feed/rss/"' in html
    )
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'href="http://testserver/ar/updates/feed/atom/"' in html
    )


def count_queries(client, url):
    # Both measurements start cold: no cached page, no cached site root paths.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_index_and_update_page_queries_do_not_grow_with_the_number_of_updates(client, index):
    start = datetime.date(2024, 1, 1)
    for n in range(5):
        add_update(index, f"تحديث {n}", start + n * DAY, tags=["أ", f"ب{n}"])
    middle = add_update(index, "في الوسط", start + 100 * DAY, tags=["أ"])
    few = {
        url: count_queries(client, url)
        for url in ["/ar/updates/", "/ar/updates/?tag=أ", middle.url, "/ar/"]
    }

    for n in range(30):
        add_update(index, f"تحديث لاحق {n}", start + (200 + n) * DAY, tags=["أ", f"ج{n}"])
    many = {url: count_queries(client, url) for url in few}

    assert many == few
