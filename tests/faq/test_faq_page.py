import json
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from faq.models import FAQPage
from home.models import HomePage
from tests.faq.conftest import faq_body

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def structured_data(soup):
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def visible_questions(soup):
    return [
        heading.find(string=True, recursive=False).strip()
        for heading in soup.select(".faq-question__title")
    ]


def test_contents_link_to_every_question_and_heading_on_the_page(client, make_faq):
    make_faq(
        ("", [("ما هي المجموعات؟", "<p>أ</p>"), ("من يشارك؟", "<p>ب</p>")]),
        ("اللغة", [("ما لغة العمل؟", "<p>العربية.</p>"), ("من يشارك؟", "<p>ج</p>")]),
    )
    soup = soup_of(client.get("/ar/faq/"))

    targets = [unquote(a["href"])[1:] for a in soup.select(".faq-toc a")]
    question_ids = [h["id"] for h in soup.select(".faq-question__title")]
    heading_ids = [h["id"] for h in soup.select(".faq-section__heading")]
    all_ids = [tag["id"] for tag in soup.find_all(id=True)]

    assert targets == [question_ids[0], question_ids[1], heading_ids[0], *question_ids[2:]]
    assert len(all_ids) == len(set(all_ids)), "ids must be unique on the page"
    assert question_ids[1] != question_ids[3]  # the same question twice
    for heading in soup.select(".faq-question__title"):
        assert heading.find("a", class_="faq-question__link")["href"] == "#" + heading["id"]


def test_anchors_are_the_same_on_every_render(client, make_faq):
    page = make_faq(("", [("Who?", "<p>1</p>"), ("What?", "<p>2</p>")]))
    first = [h["id"] for h in soup_of(client.get("/ar/faq/")).select(".faq-question__title")]
    page.body = faq_body(("", [("New?", "<p>0</p>"), ("What?", "<p>2</p>"), ("Who?", "<p>1</p>")]))
    page.save_revision().publish()
    cache.clear()
    second = [h["id"] for h in soup_of(client.get("/ar/faq/")).select(".faq-question__title")]
    assert first == ["who", "what"]
    assert second == ["new", "what", "who"]


def test_structured_data_lists_the_visible_questions_in_order(client, make_faq):
    make_faq(
        ("", [("ما هي المجموعات؟", "<p>مجموعات <b>تخصصية</b>.</p>")]),
        ("عن المنصة", [("How do I sign in?", "<ul><li>One</li><li>Two</li></ul>")]),
    )
    response = client.get("/ar/faq/")
    soup = soup_of(response)
    data = structured_data(soup)

    assert data["@type"] == "FAQPage"
    assert [q["name"] for q in data["mainEntity"]] == visible_questions(soup)
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "<p>مجموعات <b>تخصصية</b>.</p>"
    # Arabic is written as itself, not as \u escapes.
    assert "ما هي المجموعات؟" in response.content.decode()


def test_script_end_tag_in_content_cannot_leave_the_structured_data(client, make_faq):
    hostile = "Is </script><script>alert(1)</script> safe?"
    make_faq(("", [(hostile, '<p><a href="https://example.org/?a=1&amp;b=2">x</a></p>')]))
    html = client.get("/ar/faq/").content.decode()
    soup = BeautifulSoup(html, "html.parser")

    data = structured_data(soup)
    assert data["mainEntity"][0]["name"] == hostile
    assert "<script>alert(1)" not in html
    # The structured data and the site's own script file, nothing written into the page.
    scripts = soup.find_all("script")
    assert [s.get("type") for s in scripts if not s.get("src")] == ["application/ld+json"]
    assert all(s["src"].startswith("/static/") for s in scripts if s.get("src"))


def test_plain_text_is_the_visible_text_without_markup(make_faq):
    page = make_faq(
        ("اللغة", [("ما لغة العمل؟", "<p>العربية.</p><ul><li>ترجمة</li><li>مترجمون</li></ul>")]),
        intro="<p>مقدمة <i>قصيرة</i>.</p>",
    )
    assert page.plain_text() == "مقدمة قصيرة. اللغة ما لغة العمل؟ العربية. ترجمة مترجمون"


def test_faq_page_belongs_under_a_home_page_only(demo_site, make_faq):
    root = Page.get_first_root_node()
    assert FAQPage.can_create_at(demo_site)
    assert not FAQPage.can_create_at(root)

    faq = make_faq(("", [("Who?", "<p>1</p>")]))
    assert not FAQPage.can_create_at(faq), "nothing goes under an FAQ page"
    assert not FAQPage.can_create_at(demo_site), "one FAQ page per home page"


class FAQPageTreeTests(WagtailPageTestCase):
    def test_faq_pages_are_offered_under_home_pages_only(self):
        self.assertCanCreateAt(HomePage, FAQPage)
        self.assertCanNotCreateAt(Page, FAQPage)


@pytest.mark.parametrize(
    ("language", "direction", "other", "heading", "question"),
    [
        ("ar", "rtl", "en", "الأسئلة الشائعة", "من يمكنه الانضمام إلى مجموعة عمل؟"),
        ("en", "ltr", "ar", "Questions and answers", "Who can join a working group?"),
    ],
)
def test_demo_faq_in_each_language(client, demo_faq, language, direction, other, heading, question):
    soup = soup_of(client.get(f"/{language}/faq/"))
    assert soup.html["lang"] == language
    assert soup.html["dir"] == direction
    assert heading in soup.find("h1").get_text()
    assert question in visible_questions(soup)
    switch = soup.select_one(f'.language-switch a[hreflang="{other}"]')
    assert switch["href"] == f"/{other}/faq/"
    assert structured_data(soup)["inLanguage"] == language


def test_demo_faq_covers_the_working_groups_and_the_workspace(demo_faq):
    english = demo_faq.get_translation(Locale.objects.get(language_code="en"))
    headings = [section["heading"] for section in english.specific.sections()]
    assert headings == [
        "What the working groups are",
        "Who may take part",
        "How the groups work",
        "Terms and rotation",
        "Language",
        "Expert support",
        "Outputs",
        "The online workspace",
    ]
    text = english.specific.plain_text()
    for feature in ("discussion", "documents", "draft texts", "chat", "calendar", "Email"):
        assert feature in text


def test_home_pages_link_to_the_demo_faq_in_their_language(client, demo_faq):
    for language in ("ar", "en"):
        soup = soup_of(client.get(f"/{language}/"))
        assert soup.select_one(f'main a[href="/{language}/faq/"]')


def test_demo_faq_is_created_once(demo_site, demo_faq):
    from demo.faq import create_faq

    counts = (Page.objects.count(), demo_faq.revisions.count(), demo_site.revisions.count())
    assert create_faq(HomePage.objects.get(pk=demo_site.pk)) == demo_faq
    assert (
        Page.objects.count(),
        demo_faq.revisions.count(),
        demo_site.revisions.count(),
    ) == counts


def test_query_count_does_not_grow_with_the_number_of_questions(client, make_faq):
    def questions(count):
        return [(f"Question number {n}?", f"<p>Answer <b>{n}</b>.</p>") for n in range(count)]

    def queries_for_page():
        cache.clear()
        client.get("/ar/faq/")  # warm per-process caches (site, locales)
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            response = client.get("/ar/faq/")
        assert response.status_code == 200
        return len(context), response.content.decode()

    page = make_faq(("", questions(5)))
    few, _html = queries_for_page()
    page.body = faq_body(("Part one", questions(100)), ("Part two", questions(100)))
    page.save_revision().publish()
    many, html = queries_for_page()

    assert "Question number 99?" in html
    assert many <= few, (few, many)


def test_editor_can_open_the_faq_in_the_admin(admin_client, demo_site, demo_faq):
    edit = admin_client.get(f"/admin/pages/{demo_faq.pk}/edit/")
    assert edit.status_code == 200
    assert demo_faq.title in edit.content.decode()
    # The single FAQ slot under the home page is taken, so the admin offers no second one.
    add = admin_client.get(f"/admin/pages/add/faq/faqpage/{demo_site.pk}/")
    assert add.status_code == 302
    assert add.url == "/admin/"
