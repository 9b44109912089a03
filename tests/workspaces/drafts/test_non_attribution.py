"""A briefing note leaves the workspace naming no one who has access to it, staff included.

While its text names someone, its PDF and Word exports and its publication as a paper are
refused, and the refusal says where; staff may let it out anyway by stating why, and that is
logged on the draft.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import PageLogEntry

from workinggroups.models import PaperPage, WorkingGroup
from workspaces.drafts import naming
from workspaces.drafts.models import DraftPage, Kind

OVERRIDE = "drafts.release_despite_names"
NAMING = "اقترح الأستاذ يوسف العلي في الجلسة الثانية أن يسبق الدستورَ إعلانٌ مؤقت."


def arabic(text):
    with translation.override("ar"):
        return gettext(text)


def say(world, note, section, words, username="member_legal"):
    texts = note.texts()
    texts[section] = f"{texts[section]}\n\n{words}"
    note.save_text(world.users[username], note.title, texts, note.current_revision().pk)


@pytest.fixture
def note(world):
    return world.draft("briefing-note")


def export_url(note, extension, language="ar"):
    with translation.override(language):
        return reverse(f"workspaces:drafts:export_{extension}", args=[note.workspace.slug, note.pk])


def shown(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def overrides(note):
    return PageLogEntry.objects.filter(page=note, action=OVERRIDE)


def test_a_member_cannot_export_a_note_that_names_someone_and_sees_where(world, note):
    say(world, note, "divergent_views", NAMING)
    client = world.client("member_legal")
    for extension in ("pdf", "docx"):
        response = client.get(export_url(note, extension))
        assert response.status_code == 409
        assert response["Content-Type"].startswith("text/html")
        assert "Content-Disposition" not in response
        assert {"private", "no-store"} <= {
            part.strip() for part in response["Cache-Control"].split(",")
        }
        text = shown(response)
        # Which section, in the reader's language, and the words around the name.
        assert arabic("Divergent views") in text
        assert "اقترح الأستاذ يوسف العلي في الجلسة الثانية" in text
        assert 'name="reason"' not in response.content.decode()
    english = shown(client.get(export_url(note, "pdf", "en")))
    assert "Divergent views" in english
    assert "اقترح الأستاذ يوسف العلي في الجلسة الثانية" in english
    # Only staff may give a reason; a member's is refused and nothing is logged.
    assert client.post(export_url(note, "pdf"), {"reason": "موافقة"}).status_code == 403
    assert not overrides(note).exists()


def test_the_names_of_staff_and_superusers_are_found_too(world, note):
    say(world, note, "agreement", "وافق Daniel Weber على الصياغة.")
    say(world, note, "recommendations", "- أن يتابع مدير المنصة التنفيذ.")
    assert set(note.named_participants()) == {"Daniel Weber", "مدير المنصة"}
    response = world.client("rapporteur_legal").get(export_url(note, "docx"))
    assert response.status_code == 409
    text = shown(response)
    assert arabic("Areas of agreement") in text and "وافق Daniel Weber على الصياغة." in text
    assert arabic("Recommendations") in text and "أن يتابع مدير المنصة التنفيذ." in text


def test_staff_are_refused_without_a_reason_and_let_it_out_with_one_logged(world, note):
    say(world, note, "issues", NAMING)
    client = world.client("staff")
    for extension in ("pdf", "docx"):
        refused = client.get(export_url(note, extension))
        assert refused.status_code == 409
        assert 'name="reason"' in refused.content.decode()
        again = client.post(export_url(note, extension), {"reason": "  "})
        assert again.status_code == 409
        assert not overrides(note).exists()

    reason = "The member asked to be quoted by name in this note."
    response = client.post(export_url(note, "pdf"), {"reason": reason})
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    (entry,) = overrides(note)
    assert entry.user == world.users["staff"]
    assert entry.data == {
        "release": "pdf",
        "reason": reason,
        "revision": note.current_revision().pk,
    }
    assert entry.timestamp is not None
    assert entry.comment == reason
    with translation.override("en"):
        assert entry.message == "PDF export although the text names people of the workspace"


def test_a_clean_note_and_a_co_drafted_text_export_as_before(world, note):
    client = world.client("member_legal")
    assert client.get(export_url(note, "pdf")).content.startswith(b"%PDF")
    # Only briefing notes attribute nothing to anyone; a co-drafted text is the group's own.
    text = DraftPage.create(
        note.workspace,
        author=world.users["member_legal"],
        title="نص مشترك",
        kind=Kind.TEXT,
        texts={"body": NAMING},
    )
    assert client.get(export_url(text, "docx")).status_code == 200
    assert not overrides(note).exists() and not overrides(text).exists()


def test_the_note_shows_where_it_names_someone_and_its_export_links_lead_there(world, note):
    say(world, note, "divergent_views", NAMING)
    client = world.client("member_legal")
    page = BeautifulSoup(client.get(note.url).content, "html.parser")
    warning = " ".join(page.find(class_="draft-notice--warning").get_text().split())
    assert arabic("Divergent views") in warning
    assert "اقترح الأستاذ يوسف العلي في الجلسة الثانية" in warning
    for extension in ("pdf", "docx"):
        link = page.find("a", href=export_url(note, extension))
        # A download would save the refusal as a broken file; a link shows it.
        assert not link.has_attr("download")
        assert client.get(link["href"]).status_code == 409


def publish(world, note, **data):
    group = WorkingGroup.objects.get(
        locale__language_code="ar", name="مجموعة العمل القانونية والدستورية"
    )
    url = reverse("workspaces:drafts:publish", args=[note.workspace.slug, note.pk])
    fields = {"working_group": group.pk, "title": "ورقة: استقلال القضاء", "summary": ""}
    return world.client("staff").post(url, {**fields, **data})


def test_a_note_naming_staff_is_published_only_with_a_reason_which_is_logged(world, note):
    say(world, note, "agreement", "وافق Daniel Weber على الصياغة.")
    refused = publish(world, note)
    assert refused.status_code == 200
    assert "وافق Daniel Weber على الصياغة." in shown(refused)
    assert not PaperPage.objects.filter(title="ورقة: استقلال القضاء").exists()
    assert not overrides(note).exists()

    reason = "Daniel Weber spoke for the Office, not as a participant."
    response = publish(world, note, reason=reason)
    paper = PaperPage.objects.get(title="ورقة: استقلال القضاء")
    assert response.status_code == 302 and response["Location"] == paper.url
    (entry,) = overrides(note)
    assert entry.user == world.users["staff"]
    assert entry.data["release"] == "paper" and entry.data["reason"] == reason


def test_names_are_found_however_they_are_written_and_shown_in_their_passage():
    text = "في الجلسة قال الأستاذ يُوسُف\n  العلــي إن ali_h وAlice وافقا، وكتب ali ردّاً طويلاً جداً عن ذلك كله."
    found = naming.find(text, names=["يوسف العلي", "Al"], usernames=["ali"])
    assert [(text[match.start : match.end], match.name) for match in found] == [
        ("يُوسُف\n  العلــي", "يوسف العلي"),
        ("ali", "ali"),
    ]
    assert str(naming.passage(text, found[0])) == (
        "في الجلسة قال الأستاذ يُوسُف العلــي إن ali_h وAlice وافقا، وكتب ali ردّاً…"
    )
    assert naming.passage(text, found[1]).before == "…العلــي إن ali_h وAlice وافقا، وكتب "
