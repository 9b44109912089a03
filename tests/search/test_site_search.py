import pytest
from django.db import connection
from wagtail.models import Locale, Page, PageViewRestriction

from home.models import HomePage

needs_stemmer = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="word forms are the PostgreSQL text search configuration's job; SQLite has no stemmer",
)


def publish_intro(home, text):
    home.intro = f"<p>{text}</p>"
    home.save_revision().publish()


def result_titles(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"] or []]


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("يعمل المشاركون مع أَحْمَد على الورقة", "احمد"),
        ("اجتمع الفريق مع أحمد", "أحمد"),
        ("ناقشت المجموعة وضع مدرسة الحي", "مدرسه"),
        pytest.param("ناقشت المجموعة وضع المدرسة في الحي", "مدرسه", marks=needs_stemmer),
        ("ناقشت المجموعة وضع مدرسه الحي", "مدرسة"),
        ("عقد الاجتماع رقم ١٢٣ في جنيف", "123"),
        ("عقد الاجتماع رقم 123 في جنيف", "١٢٣"),
        ("جرى التحضير لـــلاجتماع", "للاجتماع"),
        pytest.param("نشرت المجموعة ورقتها", "مجموعة", marks=needs_stemmer),
        pytest.param("تعمل مجموعة على الدستور", "المجموعة", marks=needs_stemmer),
    ],
)
def test_arabic_queries_match_every_spelling(client, demo_site, written, typed):
    publish_intro(demo_site, written)
    assert demo_site.title in result_titles(client, "ar", typed)


@needs_stemmer
def test_english_words_are_stemmed(client, demo_site):
    english = demo_site.get_translation(Locale.objects.get(language_code="en"))
    english.intro = "<p>Several working groups met in Geneva.</p>"
    english.save_revision().publish()
    assert english.title in result_titles(client, "en", "group")
    assert english.title in result_titles(client, "en", "worked group")


def test_unrelated_query_finds_nothing(client, demo_site):
    publish_intro(demo_site, "ناقشت المجموعة دور المدرسة")
    assert result_titles(client, "ar", "زلزال") == []


def test_results_are_in_the_visitors_language(client, demo_site):
    assert result_titles(client, "en", "Civil Society") == ["Civil Society Support Room"]
    assert "Civil Society Support Room" not in result_titles(client, "ar", "Civil Society")


@pytest.fixture
def restricted_page(demo_site):
    page = Page(title="ملف سري للمجموعة القانونية", slug="secret")
    demo_site.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def test_restricted_page_never_appears_to_anonymous_visitors(client, restricted_page):
    assert restricted_page.title not in result_titles(client, "ar", "ملف سري")
    suggestions = client.get("/ar/search/suggest/", {"q": "ملف"}).json()["suggestions"]
    assert restricted_page.title not in [s["title"] for s in suggestions]
    assert b"secret" not in client.get("/sitemap.xml").content


def test_autocomplete_folds_spelling(client, demo_site):
    publish_intro(demo_site, "الإحاطة")
    suggestions = client.get("/ar/search/suggest/", {"q": "غرفه"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == [demo_site.title]
    assert suggestions[0]["url"] == "/ar/"


def test_search_page_paginates_and_keeps_the_query(client, demo_site):
    for number in range(12):
        page = Page(title=f"تقرير الجلسة {number}", slug=f"report-{number}")
        demo_site.add_child(instance=page)
        page.save_revision().publish()
    first = client.get("/ar/search/", {"q": "تقرير"})
    assert first.context["results"].paginator.count == 12
    assert len(first.context["results"]) == 10
    assert "q=%D8%AA%D9%82%D8%B1%D9%8A%D8%B1&amp;page=2" in first.content.decode()
    second = client.get("/ar/search/", {"q": "تقرير", "page": "2"})
    assert len(second.context["results"]) == 2
    assert client.get("/ar/search/", {"q": "تقرير", "page": "zz"}).status_code == 200


def test_empty_query_shows_the_form_only(client, demo_site):
    response = client.get("/ar/search/")
    assert response.status_code == 200
    assert response.context["results"] is None
    assert 'name="q"' in response.content.decode()
    assert isinstance(demo_site, HomePage)
