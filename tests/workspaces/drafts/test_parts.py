"""A draft edited and commented on part by part (issue 13, item 6): one paragraph or one list
at a time on a phone, a comment quoting a whole paragraph from one tap."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from workspaces.drafts.text import parts, replace_part

from .conftest import base_revision, edit_url

TEXT = "مقدمة.\n\n- أولاً\n\n- ثانياً\n\n    تتمة الثاني\n\n1. واحد\n2. اثنان\n\nخاتمة."


def test_a_list_stays_one_part_and_paragraphs_are_parts_of_their_own():
    assert parts(TEXT) == [
        "مقدمة.",
        "- أولاً\n\n- ثانياً\n\n    تتمة الثاني",
        "1. واحد\n2. اثنان",
        "خاتمة.",
    ]


@pytest.mark.parametrize(
    ("index", "new", "expected"),
    [
        (0, "مقدمة معدلة.", ["مقدمة معدلة.", "- أولاً", "1. واحد", "خاتمة."]),
        (3, "", ["مقدمة.", "- أولاً", "1. واحد"]),
        (4, "فقرة مضافة.", ["مقدمة.", "- أولاً", "1. واحد", "خاتمة.", "فقرة مضافة."]),
        (0, "فقرة\n\nوأخرى", ["فقرة", "وأخرى", "- أولاً", "1. واحد", "خاتمة."]),
    ],
)
def test_replacing_a_part_changes_only_that_part(index, new, expected):
    changed = parts(replace_part(TEXT, index, new))
    assert [part.split("\n")[0] for part in changed] == expected


def _draft_with_text(world):
    draft = world.draft("constitutional-principles")
    draft.save_text(
        world.users["rapporteur_legal"], draft.title, {"body": TEXT}, draft.current_revision().pk
    )
    return draft


def test_one_part_is_edited_by_itself_and_the_rest_of_the_text_is_kept(world):
    draft = _draft_with_text(world)
    client = world.client("member_legal")
    page = BeautifulSoup(client.get(draft.url).content, "html.parser")
    edit_links = [a["href"] for a in page.select(".draft-part__action") if "/edit/" in a["href"]]
    assert len(edit_links) == 4
    form = client.get(edit_links[3])
    html = form.content.decode()
    field = BeautifulSoup(html, "html.parser").select_one("form.draft-form textarea[name=text]")
    assert field.text.strip() == "خاتمة." and "مقدمة." not in html.split("draft-form")[1]
    response = client.post(
        edit_url(draft),
        {
            "base_revision": base_revision(form),
            "section": "body",
            "part": 3,
            "text": "خاتمة جديدة.",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#section-body")
    draft.refresh_from_db()
    assert draft.body == TEXT.replace("خاتمة.", "خاتمة جديدة.")
    assert draft.title == draft.current_revision().title


def test_a_part_saved_over_someone_elses_save_goes_to_the_merge(world):
    draft = _draft_with_text(world)
    mine, theirs = world.client("member_legal"), world.client("rapporteur_legal")
    url = f"{edit_url(draft)}?section=body&part=0"
    base = base_revision(mine.get(url))
    theirs.post(
        edit_url(draft),
        {"base_revision": base, "section": "body", "part": 3, "text": "خاتمة المقررة."},
    )
    response = mine.post(
        edit_url(draft), {"base_revision": base, "section": "body", "part": 0, "text": "مقدمتي."}
    )
    assert response.status_code == 409
    assert "مقدمتي." in response.content.decode()


@pytest.mark.parametrize("query", ["section=nothing", "section=body&part=9", "section=body&part=x"])
def test_a_section_or_part_that_is_not_there_is_not_found(world, query):
    draft = _draft_with_text(world)
    client = world.client("member_legal")
    assert client.get(f"{edit_url(draft)}?{query}").status_code == 404


def test_comment_on_a_paragraph_quotes_it_from_one_link(world):
    draft = _draft_with_text(world)
    client = world.client("member_legal")
    page = BeautifulSoup(client.get(draft.url).content, "html.parser")
    comment_links = [a for a in page.select(".draft-part__action") if a.has_attr("data-comment-on")]
    assert comment_links[1]["data-comment-on"] == "أولاً ثانياً تتمة الثاني"
    # Without the script, the link asks the page for the same quote.
    prefilled = BeautifulSoup(
        client.get(draft.url + comment_links[1]["href"]).content, "html.parser"
    )
    assert prefilled.select_one("[data-draft-passage]").text.strip() == "أولاً ثانياً تتمة الثاني"
    client.post(
        reverse("workspaces:drafts:comment", args=[draft.workspace.slug, draft.pk]),
        {"passage": "أولاً ثانياً تتمة الثاني", "body": "أقترح دمج البندين."},
    )
    thread = draft.comments.get(body="أقترح دمج البندين.")
    assert thread.passage == "أولاً ثانياً تتمة الثاني"
    shown = BeautifulSoup(client.get(draft.url).content, "html.parser")
    assert "أقترح دمج البندين." in shown.select_one(f"#comment-{thread.pk}").text


def test_readers_who_cannot_write_get_no_part_actions(world):
    draft = _draft_with_text(world)
    page = world.client("officer_legal").get(draft.url).content.decode()
    assert "draft-part__actions" not in page
