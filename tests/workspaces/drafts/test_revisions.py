"""Every save is a revision with its author and time; any two compare; an old one restores."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils import WagtailPageTestCase

from workspaces.drafts.models import DraftPage, DraftRevision
from workspaces.models import WorkspacePage

from .conftest import base_revision, edit_url

SCRIPT = "<script>alert('x')</script>"


def url(name, draft, **query):
    """An address under /en/: these tests read the interface's English words."""
    with translation.override("en"):
        address = reverse(f"workspaces:drafts:{name}", args=[draft.workspace.slug, draft.pk])
    if query:
        address += "?" + "&".join(f"{key}={value}" for key, value in query.items())
    return address


class DraftPageTreeTests(WagtailPageTestCase):
    def test_drafts_live_only_in_a_workspace(self):
        self.assertAllowedParentPageTypes(DraftPage, {WorkspacePage})
        self.assertCanCreateAt(WorkspacePage, DraftPage)
        # Started in the workspace only, so every draft begins with a member's revision.
        self.assertFalse(DraftPage.is_creatable)


def test_a_member_starts_a_draft_and_every_save_is_a_revision(world):
    client = world.client("member_legal")
    workspace = world.workspaces["legal-constitutional"]
    response = client.post(
        reverse("workspaces:drafts:new", args=[workspace.slug]),
        {"title": "مسودة جديدة", "kind": "text"},
    )
    draft = DraftPage.objects.get(title="مسودة جديدة")
    assert response.status_code == 302
    assert response["Location"] == edit_url(draft)
    assert draft.get_parent().pk == workspace.pk

    edit = client.get(edit_url(draft))
    response = client.post(
        edit_url(draft),
        {
            "base_revision": base_revision(edit),
            "title": "مسودة جديدة",
            "body": "فقرة أولى (first paragraph).\n\n- بند",
        },
    )
    assert response.status_code == 302
    page = client.get(response["Location"])
    html = page.content.decode()
    # As many Arabic words as Latin ones: the paragraph reads right to left.
    assert '<p dir="rtl">فقرة أولى (first paragraph).</p>' in html
    assert "<li>بند</li>" in html
    revisions = list(draft.text_revisions.order_by("pk"))
    assert len(revisions) == 2
    # Saving again without a change adds nothing to the history.
    again = client.post(
        edit_url(draft),
        {
            "base_revision": revisions[-1].pk,
            "title": "مسودة جديدة",
            "body": "فقرة أولى (first paragraph).\r\n\r\n- بند",
        },
    )
    assert again.status_code == 302
    assert draft.text_revisions.count() == 2
    assert all(revision.author == world.users["member_legal"] for revision in revisions)
    assert revisions[-1].created_at >= revisions[0].created_at


def test_history_shows_who_saved_and_when_to_the_workspace(world):
    draft = world.draft("constitutional-principles")
    for username in ("member_legal", "officer_legal", "focal_legal", "staff"):
        html = world.client(username).get(url("history", draft)).content.decode()
        assert "هالة منصور" in html  # the first revision's author
        assert "يوسف العلي" in html  # the second's
        assert html.count('name="from"') == 2


def test_any_two_revisions_compare_side_by_side_with_changes_marked(world):
    draft = world.draft("constitutional-principles")
    first, second = draft.text_revisions.order_by("pk")
    html = world.client("member_legal").get(url("compare", draft)).content.decode()
    assert "<del>القضاء.</del>" in html
    assert (
        "<ins>القضاء وعدم جواز عزل القضاة إلا وفق القانون.\n- حماية الحقوق والحريات العامة.</ins>"
        in html
    )
    assert "<ins>تُعرض المسودة النهائية على استفتاء عام.</ins>" in html

    # Chosen explicitly, in either order, the older one is on the first side.
    client = world.client("member_legal")
    chosen = client.get(url("compare", draft, to=first.pk, **{"from": second.pk}))
    assert chosen.status_code == 200
    assert "<del>القضاء.</del>" in chosen.content.decode()
    same = client.get(url("compare", draft, to=first.pk, **{"from": first.pk})).content.decode()
    assert "The two revisions have the same text." in same
    assert "<ins>" not in same and "<del>" not in same


def test_compare_escapes_what_members_wrote(world):
    draft = world.draft("constitutional-principles")
    client = world.client("member_legal")
    edit = client.get(edit_url(draft))
    client.post(
        edit_url(draft),
        {"base_revision": base_revision(edit), "title": draft.title, "body": f"{SCRIPT}\n\nنص"},
    )
    html = client.get(url("compare", draft)).content.decode()
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html
    page = client.get(draft.url).content.decode()
    assert SCRIPT not in page
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in page  # shown as typed


def test_a_revision_from_another_draft_is_not_found(world):
    draft = world.draft("constitutional-principles")
    other = world.draft("electoral-conditions").text_revisions.first()
    response = world.client("member_legal").get(url("compare", draft, to=other.pk))
    assert response.status_code == 404


def test_restoring_makes_an_old_text_current_in_a_new_revision(world):
    draft = world.draft("constitutional-principles")
    first, second = draft.text_revisions.order_by("pk")
    client = world.client("rapporteur_legal")
    response = client.post(
        url("restore", draft), {"revision": first.pk, "base_revision": second.pk}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.body == first.body
    latest = draft.current_revision()
    assert latest.pk > second.pk
    assert latest.origin == DraftRevision.Origin.RESTORE
    assert latest.restored_from == first
    assert latest.author == world.users["rapporteur_legal"]
    # Nothing was lost: the revision restored over is still there.
    assert draft.text_revisions.filter(pk=second.pk, body=second.body).exists()
    html = client.get(url("history", draft)).content.decode()
    assert "Restored an earlier revision" in html


def test_restoring_over_a_save_made_meanwhile_is_refused(world):
    draft = world.draft("constitutional-principles")
    first, second = draft.text_revisions.order_by("pk")
    client = world.client("member_legal")
    # Someone saves after this member opened the history at `second`.
    draft.save_text(world.users["rapporteur_legal"], draft.title, {"body": "نص أحدث"}, second.pk)
    response = client.post(
        url("restore", draft), {"revision": first.pk, "base_revision": second.pk}
    )
    assert response.status_code == 302
    assert response["Location"] == url("history", draft)
    draft.refresh_from_db()
    assert draft.body == "نص أحدث"


@pytest.mark.parametrize("username", ["officer_legal", "focal_legal", "staff"])
def test_who_cannot_post_cannot_edit_or_restore(world, username):
    draft = world.draft("constitutional-principles")
    client = world.client(username)
    assert client.get(draft.url).status_code == 200
    assert client.get(edit_url(draft)).status_code == 403
    first = draft.text_revisions.order_by("pk").first()
    assert client.post(url("restore", draft), {"revision": first.pk}).status_code == 403
    html = client.get(draft.url).content.decode()
    assert edit_url(draft) not in html


def test_the_rendered_text_is_sanitised_and_marked_dir_auto(world):
    draft = world.draft("constitutional-principles")
    draft.save_text(
        world.users["member_legal"],
        draft.title,
        {
            "body": (
                "# عنوان\n\nنص <img src=x onerror=alert(1)> و[رابط](javascript:alert(1)) "
                "و[موقع](https://example.org/)\n\n<div onclick=alert(1)>x</div>"
            )
        },
        draft.current_revision().pk,
    )
    page = BeautifulSoup(world.client("member_legal").get(draft.url).content, "html.parser")
    # What the members wrote: each part of the text without the page's own actions under it.
    for actions in page.select(".draft-part__actions"):
        actions.decompose()
    text = "".join(part.decode_contents() for part in page.select(".draft-part"))
    assert '<h2 dir="rtl">عنوان</h2>' in text
    assert "<img" not in text and "<div" not in text and "javascript:" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text  # raw HTML is shown as typed
    assert '<a href="https://example.org/" rel="noopener noreferrer nofollow">موقع</a>' in text
    assert re.search(r"<p(?! dir=\"(rtl|ltr|auto)\")[ >]", text) is None
