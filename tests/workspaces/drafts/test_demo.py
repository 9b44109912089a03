from demo.drafts import create_drafts
from workspaces.drafts.models import DraftComment, DraftPage, DraftRevision, Kind


def test_each_demo_workspace_has_a_co_drafted_text_and_legal_a_briefing_note(world):
    for slug, workspace in world.workspaces.items():
        text = DraftPage.objects.in_workspace(workspace).get(kind=Kind.TEXT)
        revisions = text.text_revisions.all()
        assert revisions.count() == 2, slug
        assert text.body == revisions.first().body
    authors = {
        revision.author.username
        for revision in world.draft("constitutional-principles").text_revisions.all()
    }
    assert authors == {"rapporteur_legal", "member_legal"}
    note = world.draft("briefing-note")
    assert note.kind == Kind.BRIEFING
    assert note.get_parent().slug == "legal-constitutional"
    assert all(getattr(note, section.name).strip() for section in note.sections())
    assert note.named_participants() == []


def test_a_second_run_changes_nothing(world):
    counts = (
        DraftPage.objects.count(),
        DraftRevision.objects.count(),
        DraftComment.objects.count(),
    )
    create_drafts(world.users)
    assert (
        DraftPage.objects.count(),
        DraftRevision.objects.count(),
        DraftComment.objects.count(),
    ) == counts
