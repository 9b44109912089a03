"""Staff publish a draft as a non-attributed paper on the public site, in Arabic, and it is
translated into English through the usual flow; nothing in it leads back to the workspace."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail_localize.models import StringSegment, TranslationSource

from demo.translation import publish_translation
from workinggroups.models import PaperPage, WorkingGroup

AGREEMENT = (
    "رأى المشاركون أن استقلال القضاء شرط لأي انتقال [سياسي](/ar/workspaces/legal-constitutional/) "
    "مستدام، كما ورد في [تقرير سابق](https://example.org/report)."
)
ENGLISH_HEADINGS = ["Issues discussed", "Areas of agreement", "Divergent views", "Recommendations"]


def arabic(text):
    with translation.override("ar"):
        return gettext(text)


# The paper is Arabic, so its section headings are the Arabic interface labels.
ENGLISH = {arabic(heading): heading for heading in ENGLISH_HEADINGS}


@pytest.fixture
def note(world):
    note = world.draft("briefing-note")
    texts = note.texts()
    texts["agreement"] = AGREEMENT
    note.save_text(world.users["member_legal"], note.title, texts, note.current_revision().pk)
    return note


def publish_url(note):
    return reverse("workspaces:drafts:publish", args=[note.workspace.slug, note.pk])


def publish(world, note, **data):
    group = WorkingGroup.objects.get(
        locale__language_code="ar", name="مجموعة العمل القانونية والدستورية"
    )
    fields = {
        "working_group": group.pk,
        "title": "ورقة: استقلال القضاء",
        "summary": "خلاصة النقاش.",
    }
    return world.client("staff").post(publish_url(note), {**fields, **data})


def test_only_staff_may_publish(world, note):
    for username in ("member_legal", "rapporteur_legal", "officer_legal", "focal_legal"):
        client = world.client(username)
        assert client.get(publish_url(note)).status_code == 403
        assert publish_url(note) not in client.get(note.url).content.decode()
    assert world.client("staff").get(publish_url(note)).status_code == 200
    assert world.client("member_electoral").get(publish_url(note)).status_code == 404


def test_staff_publish_a_public_arabic_paper_that_names_no_one(world, note, client):
    response = publish(world, note)
    paper = PaperPage.objects.get(title="ورقة: استقلال القضاء")
    assert response.status_code == 302
    assert response["Location"] == paper.url
    assert paper.live and paper.locale.language_code == "ar"
    assert paper.get_parent().specific.__class__.__name__ == "WorkingGroupsPage"
    assert paper.owner is None

    body = [(block.block_type, block.value) for block in paper.body]
    headings = [value for kind, value in body if kind == "heading"]
    assert headings == [arabic(heading) for heading in ENGLISH_HEADINGS]
    assert headings[0] != ENGLISH_HEADINGS[0]
    html = client.get(paper.url).content.decode()  # anonymous: it is public
    assert "استقلال القضاء شرط لأي انتقال سياسي" in html
    assert '<a href="https://example.org/report">تقرير سابق</a>' in html
    assert "/workspaces/" not in html
    for user in world.users.values():
        for identity in (user.display_name, user.title):
            assert identity not in html, identity
    # The group's public page lists it.
    assert paper.url in client.get(paper.get_parent().url).content.decode()


def test_the_paper_is_translated_into_english_through_wagtail_localize(world, note, client):
    publish(world, note)
    paper = PaperPage.objects.get(title="ورقة: استقلال القضاء")
    source, _created = TranslationSource.get_or_create_from_instance(paper)
    segments = StringSegment.objects.filter(source=source).select_related("string")
    english = dict(ENGLISH)
    english.update(
        {
            segment.string.data: f"EN {index}"
            for index, segment in enumerate(segments)
            if segment.string.data not in ENGLISH
        }
    )
    english["ورقة: استقلال القضاء"] = "Paper: an independent judiciary"
    translated = publish_translation(paper, "en", english)
    translated.refresh_from_db()
    assert translated.live and translated.locale.language_code == "en"
    html = client.get(translated.url).content.decode()
    assert translated.url.startswith("/en/")
    assert "Paper: an independent judiciary" in html
    assert "/workspaces/" not in html


def test_publishing_again_replaces_the_same_paper(world, note):
    publish(world, note)
    paper = PaperPage.objects.get(title="ورقة: استقلال القضاء")
    note.refresh_from_db()
    assert note.paper_id == paper.pk
    publish(world, note, title="ورقة: استقلال القضاء (محدّثة)")
    assert PaperPage.objects.filter(pk=paper.pk, title="ورقة: استقلال القضاء (محدّثة)").exists()
    assert not PaperPage.objects.filter(title="ورقة: استقلال القضاء").exists()


def test_a_text_that_names_a_participant_is_not_published(world, note):
    texts = note.texts()
    texts["divergent_views"] += "\n- رأي عبّرت عنه هالة منصور."
    note.save_text(world.users["member_legal"], note.title, texts, note.current_revision().pk)
    response = publish(world, note)
    assert response.status_code == 200
    assert "هالة منصور" in response.content.decode()
    assert not PaperPage.objects.filter(title="ورقة: استقلال القضاء").exists()
    # Members are warned on the note itself.
    html = world.client("member_legal").get(note.url).content.decode()
    assert "This note names people of the workspace." in html


# Markup a member types is text: harmless in the workspace, and still text on the public site.
IMAGE = "<img src=x onerror=alert(document.domain)>"
SCRIPT = "<script>alert(document.domain)</script>"


def test_markup_typed_in_a_note_is_text_on_the_public_paper(world, note, client):
    texts = note.texts()
    texts["issues"] = f"رأي أول {IMAGE} وما بعده.\n\n    {SCRIPT}\n\n- بند {IMAGE}"
    texts["recommendations"] = "a < b"
    note.save_text(world.users["member_legal"], note.title, texts, note.current_revision().pk)
    publish(world, note)
    paper = PaperPage.objects.get(title="ورقة: استقلال القضاء")

    page = BeautifulSoup(client.get(paper.url).content, "html.parser")  # anonymous
    body = page.find(class_="paper__body")
    assert body.find_all(("img", "script")) == []
    assert page.find_all(attrs={"onerror": True}) == []
    shown = body.get_text()
    assert f"رأي أول {IMAGE} وما بعده." in shown
    assert SCRIPT in shown
    assert f"بند {IMAGE}" in shown
    assert "a < b" in shown
