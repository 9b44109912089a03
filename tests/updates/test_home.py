import datetime
import re

from tests.factories import add_update, restrict_to_group, restrict_with_password

DAY = datetime.timedelta(days=1)


def latest(response):
    section = (
        response.content.decode().split('id="latest-updates-heading"')[1].split("</section>")[0]
    )
    return re.findall(
        r'<h3 class="update-summary__title"><a href="([^"]+)" dir="[a-z]+">([^<]+)</a>', section
    )


def test_home_page_shows_the_three_latest_updates_and_links_to_all(client, index):
    updates = [
        add_update(index, f"تحديث {n}", datetime.date(2024, 1, 1) + n * DAY) for n in range(5)
    ]

    response = client.get("/ar/")
    html = response.content.decode()

    assert latest(response) == [(u.url, u.title) for u in reversed(updates[2:])]
    assert '<time datetime="2024-01-05">5 كانون الثاني 2024</time>' in html
    assert '<p dir="rtl">ملخص تحديث 4</p>' in html
    assert '<a href="/ar/updates/">' in html
    assert "No updates have been published yet." not in html


def test_home_page_never_shows_unpublished_or_restricted_updates(client, index):
    add_update(index, "منشور", datetime.date(2024, 1, 1))
    add_update(index, "مسودة", datetime.date(2024, 1, 2), live=False)
    restrict_with_password(add_update(index, "بكلمة سر", datetime.date(2024, 1, 3)))
    restrict_to_group(add_update(index, "لمجموعة", datetime.date(2024, 1, 4)))

    assert [title for _url, title in latest(client.get("/ar/"))] == ["منشور"]


def test_home_page_shows_updates_of_its_own_language(client, index, english_index):
    add_update(index, "تحديث عربي")
    add_update(english_index, "English update")

    assert [title for _url, title in latest(client.get("/en/"))] == ["English update"]
    assert [title for _url, title in latest(client.get("/ar/"))] == ["تحديث عربي"]


def test_home_page_keeps_its_empty_state_without_updates(client, demo_site):
    html = client.get("/en/").content.decode()

    assert "No updates have been published yet." in html
    assert 'type="application/rss+xml"' not in html


def test_home_page_announces_the_update_feeds(client, index):
    html = client.get("/ar/").content.decode()

    assert 'type="application/rss+xml" href="http://testserver/ar/updates/feed/rss/"' in html
    assert 'type="application/atom+xml" href="http://testserver/ar/updates/feed/atom/"' in html
