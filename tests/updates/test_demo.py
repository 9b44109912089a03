import pytest

from demo.updates import create_updates
from updates.models import UpdateIndexPage, UpdatePage


@pytest.fixture
def demo_updates(demo_site):
    return create_updates(demo_site)


def test_demo_is_idempotent(demo_updates, demo_site):
    counts = (UpdateIndexPage.objects.count(), UpdatePage.objects.count())

    create_updates(demo_site)

    assert counts == (2, 4)
    assert (UpdateIndexPage.objects.count(), UpdatePage.objects.count()) == counts


@pytest.mark.parametrize(
    ("language", "other", "title", "tag"),
    [
        ("ar", "en", "رسالة نهاية العام إلى المشاركين والمشاركات", "مجموعات العمل"),
        ("en", "ar", "Year-end letter to participants", "working groups"),
    ],
)
def test_demo_letter_renders_in_both_languages_and_links_its_translation(
    client, demo_updates, language, other, title, tag
):
    response = client.get(f"/{language}/updates/year-end-letter-2022/")
    html = response.content.decode()

    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    # Laid out by the script of its own words.
    direction = "rtl" if language == "ar" else "ltr"
    assert f'<h1 dir="{direction}">{title}</h1>' in html
    assert f'dir="{direction}">{tag}</a>' in html
    assert (
        f'<a href="/{other}/updates/year-end-letter-2022/" lang="{other}" hreflang="{other}">'
        in html
    )


def test_demo_index_and_home_list_both_updates_per_language(client, demo_updates):
    english_index = client.get("/en/updates/").content.decode()
    english_home = client.get("/en/").content.decode()

    for html in (english_index, english_home):
        assert "Year-end letter to participants" in html
        assert "Outreach visit to Amman" in html
    assert '<a href="/ar/updates/" lang="ar" hreflang="ar">' in english_index
    assert "زيارة تواصل إلى عمّان" in client.get("/ar/updates/").content.decode()


def test_demo_tag_filter_works_in_english(client, demo_updates):
    html = client.get("/en/updates/", {"tag": "outreach-visits"}).content.decode()
    only_letter = client.get("/en/updates/", {"tag": "online-platform"}).content.decode()

    assert "Year-end letter to participants" in html and "Outreach visit to Amman" in html
    assert "Year-end letter to participants" in only_letter
    assert "Outreach visit to Amman" not in only_letter
