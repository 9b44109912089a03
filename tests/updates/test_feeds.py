import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.factories import add_update, restrict_to_group, restrict_with_password

ATOM = {"a": "http://www.w3.org/2005/Atom"}
DAY = datetime.timedelta(days=1)


def rss(client, language="ar"):
    response = client.get(f"/{language}/updates/feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")


def atom(client, language="ar"):
    response = client.get(f"/{language}/updates/feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


@pytest.fixture
def updates(index):
    older = add_update(index, "زيارة إلى عمّان", datetime.date(2022, 11, 10), tags=["زيارات"])
    newer = add_update(
        index, "رسالة نهاية العام", datetime.date(2022, 12, 20), summary="حصيلة العام & ما بعده"
    )
    return newer, older


def test_rss_lists_the_updates_newest_first_with_absolute_links(client, updates):
    channel = rss(client)
    items = channel.findall("item")

    assert channel.findtext("language") == "ar"
    assert channel.findtext("link") == "http://testserver/ar/updates/"
    assert [item.findtext("title") for item in items] == ["رسالة نهاية العام", "زيارة إلى عمّان"]
    assert [item.findtext("link") for item in items] == [
        f"http://testserver{update.url}" for update in updates
    ]
    assert items[0].findtext("description") == "حصيلة العام &amp; ما بعده"
    assert items[0].findtext("pubDate") == "Tue, 20 Dec 2022 00:00:00 +0000"
    assert [c.text for c in items[1].findall("category")] == ["زيارات"]


def test_atom_lists_the_updates_newest_first_with_absolute_links(client, updates):
    feed = atom(client)
    entries = feed.findall("a:entry", ATOM)

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "ar"
    assert feed.find("a:link[@rel='self']", ATOM).get("href") == (
        "http://testserver/ar/updates/feed/atom/"
    )
    assert [e.findtext("a:title", namespaces=ATOM) for e in entries] == [
        "رسالة نهاية العام",
        "زيارة إلى عمّان",
    ]
    assert [e.find("a:link", ATOM).get("href") for e in entries] == [
        f"http://testserver{update.url}" for update in updates
    ]
    assert entries[1].findtext("a:published", namespaces=ATOM) == "2022-11-10T00:00:00+00:00"


def test_feeds_are_per_language(client, index, english_index):
    add_update(index, "تحديث عربي")
    add_update(english_index, "English update")

    assert [i.findtext("title") for i in rss(client, "en").findall("item")] == ["English update"]
    assert rss(client, "en").findtext("language") == "en"
    assert [
        e.findtext("a:title", namespaces=ATOM) for e in atom(client, "en").findall("a:entry", ATOM)
    ] == ["English update"]
    assert [i.findtext("title") for i in rss(client, "ar").findall("item")] == ["تحديث عربي"]


def test_feeds_carry_the_latest_twenty(client, index):
    for n in range(22):
        add_update(index, f"تحديث {n:02d}", datetime.date(2024, 1, 1) + n * DAY)

    items = rss(client).findall("item")
    entries = atom(client).findall("a:entry", ATOM)

    assert len(items) == len(entries) == 20
    assert items[0].findtext("title") == "تحديث 21"
    assert items[-1].findtext("title") == "تحديث 02"


def test_feeds_never_carry_unpublished_or_restricted_updates(client, index):
    add_update(index, "منشور")
    add_update(index, "مسودة", live=False)
    restrict_with_password(add_update(index, "بكلمة سر"))
    restrict_to_group(add_update(index, "لمجموعة"))

    assert [i.findtext("title") for i in rss(client).findall("item")] == ["منشور"]
    assert [
        e.findtext("a:title", namespaces=ATOM) for e in atom(client).findall("a:entry", ATOM)
    ] == ["منشور"]


def test_no_feed_behind_a_restricted_index(client, index):
    add_update(index, "منشور")
    restrict_with_password(index)

    response = client.get("/ar/updates/feed/rss/")

    assert response.status_code == 200
    assert "منشور" not in response.content.decode()
    assert not response["Content-Type"].startswith("application/rss+xml")
