"""One search per workspace (issue 13, item 7): discussions, replies, files (names and
extracted text), events and drafts, in any spelling the folding joins, with the words found
marked and snippets without Markdown; nothing of another workspace."""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template

from demo.samples import arabic_pdf
from tests.factories import (
    adopt_code_of_conduct,
    make_user,
    make_workspace,
    plan_event,
    start_discussion,
    store_file,
)
from workspaces.drafts.kinds import Kind
from workspaces.drafts.models import DraftPage
from workspaces.models import Role

SEARCH = "/ar/workspaces/alpha/search/"


@pytest.fixture
def member(db):
    member = make_user("member")
    outsider = make_user("outsider")
    alpha = make_workspace("alpha", members={member: Role.MEMBER})
    beta = make_workspace("beta", members={outsider: Role.MEMBER})
    adopt_code_of_conduct(accepted_by=[member, outsider])
    # In alpha, «المسودة» (the draft) written four ways; in beta too, which alpha never shows.
    discussion = start_discussion(alpha, member, title="ملاحظات", body="نراجع **المسوده** معاً")
    discussion.add_reply(author=member, body="رأيي في المسوَّدة")
    store_file(alpha, member, "notes.pdf", arabic_pdf(["نص المسودة الأولى للدستور"]), title="ملف")
    plan_event(alpha, member, title="لقاء", description="نقرأ الـمسودة قبل اللقاء")
    DraftPage.create(
        alpha,
        author=member,
        title="مسودة المبادئ",
        kind=Kind.TEXT,
        texts={"body": "## المقدمة\n\nهذه *المسودة* الأولى."},
    )
    store_file(beta, outsider, "beta.pdf", arabic_pdf(["المسودة السرية"]), title="سري")
    return member


def sections(client, query):
    soup = BeautifulSoup(client.get(SEARCH, {"q": query}).content, "html.parser")
    return {
        section.h2.get_text(strip=True): [
            (item.a.get_text(strip=True), item.select_one(".result__excerpt"))
            for item in section.select(".result")
        ]
        for section in soup.select("main section")
    }


def test_one_search_finds_every_kind_of_thing_in_any_spelling(client, member):
    client.force_login(member)
    found = sections(client, "المسودة")
    titles = {name: [title for title, _excerpt in results] for name, results in found.items()}
    assert titles == {
        "النقاشات": ["ملاحظات"],
        "الردود": ["ملاحظات"],
        "الملفات": ["ملف"],
        "الفعاليات": ["لقاء"],
        "المسودات": ["مسودة المبادئ"],
    }
    # The words found are marked as written, and snippets carry no Markdown.
    opening = found["النقاشات"][0][1]
    assert [mark.get_text() for mark in opening.select("mark")] == ["المسوده"]
    assert "**" not in opening.get_text()
    assert [m.get_text() for m in found["الردود"][0][1].select("mark")] == ["المسوَّدة"]
    assert [m.get_text() for m in found["الفعاليات"][0][1].select("mark")] == ["الـمسودة"]
    draft = found["المسودات"][0][1].get_text()
    assert draft == "المقدمة هذه المسودة الأولى." and "#" not in draft
    # A file's snippet comes from its extracted text, which is stored folded for search.
    excerpt = found["الملفات"][0][1]
    assert [m.get_text() for m in excerpt.select("mark")] == ["المسودة"]
    assert "للدستور" in excerpt.get_text()


def test_the_library_offers_its_own_search_for_more(client, member):
    client.force_login(member)
    soup = BeautifulSoup(client.get(SEARCH, {"q": "المسودة"}).content, "html.parser")
    more = soup.select_one("#found-library ~ p a, section[aria-labelledby=found-library] p a")
    assert more["href"].startswith("/ar/workspaces/alpha/library/?q=")


def test_a_word_nobody_wrote_finds_nothing_anywhere(client, member):
    client.force_login(member)
    found = sections(client, "السرية")
    assert all(results == [] for results in found.values())


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        ("قرأتُ المسوَّدةَ أمس", "المسودة", ["المسوَّدةَ"]),
        ("إعلان الأمم المتحدة", "اعلان", ["إعلان"]),
        ("Draft and DRAFTS", "draft", ["Draft", "DRAFTS"]),
        ("المبادئ الدستورية", "الدستور", ["الدستورية"]),
        ("<b>المسودة</b>", "المسودة", ["المسودة"]),
    ],
)
def test_found_words_are_marked_as_they_are_written(text, query, marked):
    from search.text import normalise

    html = Template("{% load search_tags %}{{ text|highlight:words }}").render(
        Context({"text": text, "words": normalise(query).split()})
    )
    assert [mark.get_text() for mark in BeautifulSoup(html, "html.parser").select("mark")] == marked
    assert "<b>" not in html  # the text itself is escaped
