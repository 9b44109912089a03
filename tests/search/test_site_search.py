import datetime

import pytest
from django.db import connection
from wagtail.models import Locale, Page, PageViewRestriction, get_page_models

from faq.models import FAQPage
from home.models import HomePage
from search.index import NormalisedSearchMixin
from tests.factories import add_index, add_update
from updates.models import UpdateIndexPage, UpdatePage
from workinggroups.models import PaperPage, WorkingGroup, WorkingGroupsPage

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


def public_page_types():
    """Every page model of the public site: all but Wagtail's own and the workspaces' pages."""
    return {
        model
        for model in get_page_models()
        if model.__module__.split(".")[0] not in {"wagtail", "workspaces"}
    }


def test_every_public_page_type_is_indexed_through_the_normalisation():
    for model in public_page_types():
        assert issubclass(model, NormalisedSearchMixin), model
        indexed = {(type(field).__name__, field.field_name) for field in model.search_fields}
        assert {
            ("SearchField", "normalised_text"),
            ("AutocompleteField", "normalised_text"),
        } <= indexed, model


def published_under(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def retitled_home(home, title):
    home.title = title
    home.save_revision().publish()
    return home


def working_groups_page(home, title="مجموعات العمل"):
    return published_under(home, WorkingGroupsPage(title=title, slug="working-groups"))


def paper(home, title):
    group = WorkingGroup.objects.create(
        locale=home.locale,
        name="مجموعة العمل القانونية",
        theme="الدستور",
        term_start=datetime.date(2024, 1, 1),
        term_end=datetime.date(2024, 4, 30),
    )
    page = PaperPage(title=title, slug="paper", working_group=group, body=[])
    return published_under(working_groups_page(home), page)


# Each public page type, titled in one spelling and searched for in another.
BUILDERS = {
    HomePage: retitled_home,
    FAQPage: lambda home, title: published_under(home, FAQPage(title=title, slug="faq", body=[])),
    UpdateIndexPage: lambda home, title: add_index(home, title=title),
    UpdatePage: lambda home, title: add_update(add_index(home), title),
    WorkingGroupsPage: working_groups_page,
    PaperPage: paper,
}


def test_the_search_table_covers_every_public_page_type():
    assert set(BUILDERS) == public_page_types()


FAQ_TITLE = "الأسئلة الشائعة حول مجموعات العمل التخصصية"


@pytest.mark.parametrize(
    ("page_type", "written", "typed", "suggested"),
    [
        pytest.param(HomePage, "غرفة دعم المجتمع المدني", "غرفه", True, id="home"),
        pytest.param(FAQPage, FAQ_TITLE, "الأسئلة", True, id="faq-as-written"),
        pytest.param(FAQPage, FAQ_TITLE, "الاسئله", True, id="faq-folded"),
        # Suggestions match the beginnings of words, the article included: no stemming there.
        pytest.param(FAQPage, FAQ_TITLE, "اسئلة", False, id="faq-stemmed", marks=needs_stemmer),
        pytest.param(UpdateIndexPage, "إحاطات الغرفة الدورية", "احاطات", True, id="update-index"),
        pytest.param(UpdatePage, "رسالة نهاية العام إلى المشاركين", "رساله", True, id="update"),
        pytest.param(WorkingGroupsPage, "مجموعات العمل التخصصية", "التخصصيه", True, id="groups"),
        pytest.param(PaperPage, "ورقة أولويات الحوكمة المحلية", "اولويات", True, id="paper"),
    ],
)
def test_every_page_type_is_found_in_any_spelling(
    client, demo_site, page_type, written, typed, suggested
):
    page = BUILDERS[page_type](demo_site, written)
    assert type(page) is page_type

    assert page.title in result_titles(client, "ar", typed)
    if suggested:
        suggestions = client.get("/ar/search/suggest/", {"q": typed}).json()["suggestions"]
        assert page.title in [suggestion["title"] for suggestion in suggestions]


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


def test_the_words_found_are_marked_in_titles_and_descriptions(client, demo_site):
    from bs4 import BeautifulSoup

    update = add_update(add_index(demo_site), "رسالة نهاية العام")
    update.search_description = "رسالةٌ إلى المشاركين"
    update.save_revision().publish()
    response = client.get("/ar/search/", {"q": "رساله"})
    result = BeautifulSoup(response.content, "html.parser").select_one(".search-results li")
    assert [mark.get_text() for mark in result.select("mark")] == ["رسالة", "رسالةٌ"]
    assert result.a.get_text() == "رسالة نهاية العام"
