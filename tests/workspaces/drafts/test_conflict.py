"""Two members edit the same draft at once: the second save is told, shown the difference, and
merges by choosing per paragraph; nothing anyone typed is discarded."""

import re

from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from workspaces.drafts.models import DraftRevision

from .conftest import base_revision, edit_url

ORIGINAL = "الفقرة الأولى.\n\nالفقرة الثانية.\n\nالفقرة الثالثة."


def _fresh_draft(world):
    draft = world.draft("constitutional-principles")
    draft.save_text(
        world.users["rapporteur_legal"],
        draft.title,
        {"body": ORIGINAL},
        draft.current_revision().pk,
    )
    return draft


def _post(client, draft, base, body, title=None):
    return client.post(
        edit_url(draft), {"base_revision": base, "title": title or draft.title, "body": body}
    )


def _merge_fields(html):
    """The merge form as a browser submits it untouched: every field, each radio group's
    preselected choice."""
    form = BeautifulSoup(html, "html.parser").select_one("form.draft-merge-form")
    fields = {}
    for field in form.find_all(("input", "textarea")):
        if field.name == "textarea":
            # A browser drops the one newline that follows <textarea>.
            fields[field["name"]] = field.text.removeprefix("\n")
        elif field.get("type") != "radio" or field.has_attr("checked"):
            fields[field["name"]] = field.get("value", "")
    return fields


def test_the_second_save_from_the_same_revision_gets_a_conflict_and_both_texts_are_kept(world):
    draft = _fresh_draft(world)
    first, second = world.client("rapporteur_legal"), world.client("member_legal")
    base = base_revision(first.get(edit_url(draft)))
    assert base_revision(second.get(edit_url(draft))) == base

    theirs = ORIGINAL.replace("الفقرة الأولى.", "الفقرة الأولى، كما عدّلتها المقررة.")
    mine = ORIGINAL.replace("الفقرة الثالثة.", "الفقرة الثالثة، كما عدّلها العضو (member).")
    assert _post(first, draft, base, theirs).status_code == 302
    response = _post(second, draft, base, mine)

    assert response.status_code == 409
    html = response.content.decode()
    with translation.override("ar"):
        assert gettext("Someone saved this draft while you were editing it") in html
    assert "هالة منصور" in html  # who saved in between
    # The second member's text is in the form, untouched, and was not saved.
    draft.refresh_from_db()
    assert draft.body == theirs
    assert draft.current_revision().author == world.users["rapporteur_legal"]
    assert "كما عدّلها العضو (member)." in html

    # Each side changed a different paragraph: the choices preset keep both changes.
    fields = _merge_fields(html)
    response = second.post(edit_url(draft), fields)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body == (
        "الفقرة الأولى، كما عدّلتها المقررة.\n\nالفقرة الثانية.\n\n"
        "الفقرة الثالثة، كما عدّلها العضو (member)."
    )
    merged = draft.current_revision()
    assert merged.origin == DraftRevision.Origin.MERGE
    assert merged.author == world.users["member_legal"]


def test_the_same_paragraph_changed_twice_keeps_both_unless_one_is_chosen(world):
    draft = _fresh_draft(world)
    first, second = world.client("rapporteur_legal"), world.client("member_legal")
    base = draft.current_revision().pk
    theirs = ORIGINAL.replace("الفقرة الثانية.", "الفقرة الثانية بصياغة المقررة.")
    mine = ORIGINAL.replace("الفقرة الثانية.", "الفقرة الثانية بصياغة العضو.")
    _post(first, draft, base, theirs)
    html = _post(second, draft, base, mine).content.decode()
    assert "<del>" in html and "<ins>" in html
    fields = _merge_fields(html)
    choices = [name for name in fields if name.startswith("choice-body-")]
    assert len(choices) == 1
    assert fields[choices[0]] == "both"

    response = second.post(edit_url(draft), fields)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert "الفقرة الثانية بصياغة المقررة." in draft.body
    assert "الفقرة الثانية بصياغة العضو." in draft.body

    # The same conflict again, settled by choosing mine.
    base = draft.current_revision().pk
    _post(first, draft, base, draft.body.replace("الفقرة الأولى.", "أولى (أ)."))
    html = _post(
        second, draft, base, draft.body.replace("الفقرة الأولى.", "أولى (ب).")
    ).content.decode()
    fields = _merge_fields(html)
    (choice,) = [name for name in fields if name.startswith("choice-body-")]
    fields[choice] = "mine"
    second.post(edit_url(draft), fields)
    draft.refresh_from_db()
    assert draft.body.startswith("أولى (ب).")
    assert "أولى (أ)." not in draft.body
    # Theirs is not lost either: it is a revision of its own.
    assert draft.text_revisions.filter(body__startswith="أولى (أ).").exists()


def test_a_save_during_the_merge_leads_to_a_new_merge_not_an_overwrite(world):
    draft = _fresh_draft(world)
    first, second = world.client("rapporteur_legal"), world.client("member_legal")
    base = draft.current_revision().pk
    _post(first, draft, base, ORIGINAL + "\n\nإضافة المقررة.")
    html = _post(second, draft, base, ORIGINAL + "\n\nإضافة العضو.").content.decode()
    fields = _merge_fields(html)
    # Someone else saves while the member chooses.
    third = draft.current_revision().pk
    draft.save_text(world.users["member_new"], draft.title, {"body": "نص ثالث مختلف."}, third)
    response = second.post(edit_url(draft), fields)
    assert response.status_code == 409
    draft.refresh_from_db()
    assert draft.body == "نص ثالث مختلف."
    html = response.content.decode()
    assert "إضافة العضو." in html and "إضافة المقررة." in html


def test_the_edit_page_keeps_unsaved_work_with_our_own_script(world):
    draft = world.draft("constitutional-principles")
    html = world.client("member_legal").get(edit_url(draft)).content.decode()
    assert f'data-draft-store="draft-{draft.pk}"' in html
    assert re.search(r'<script src="/static/drafts/drafts\.js[^"]*" defer>', html)
    assert "data-draft-restore" in html
