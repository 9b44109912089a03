import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from tests.factories import add_replies, start_discussion
from workspaces.discussions.models import DiscussionPage, Reply


def edit_reply_url(reply):
    return reverse("workspaces:discussions:reply_edit", args=["alpha", reply.pk])


def edit_discussion_url(discussion):
    return reverse("workspaces:discussions:edit", args=["alpha", discussion.pk])


def age(reply, minutes):
    Reply.objects.filter(pk=reply.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes)
    )


def test_a_reply_can_be_edited_by_its_author_within_the_window(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="First version")
    client = login(team.rapporteur)

    assert edit_reply_url(reply) in client.get(discussion.url).content.decode()
    assert client.get(edit_reply_url(reply)).status_code == 200
    response = client.post(edit_reply_url(reply), {"body": "Second version"})

    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.body == "Second version" and reply.edited_at is not None
    assert "Second version" in client.get(discussion.url).content.decode()


def test_after_thirty_minutes_the_edit_link_disappears_and_a_post_is_refused(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="First version")
    age(reply, 31)
    client = login(team.rapporteur)

    assert edit_reply_url(reply) not in client.get(discussion.url).content.decode()
    assert client.get(edit_reply_url(reply)).status_code == 403
    assert client.post(edit_reply_url(reply), {"body": "Late change"}).status_code == 403
    reply.refresh_from_db()
    assert reply.body == "First version"


def test_nobody_edits_someone_elses_reply(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="Mine")
    for person in (team.member, team.officer, team.staff):
        client = login(person, fresh=True)
        assert edit_reply_url(reply) not in client.get(discussion.url).content.decode()
        assert client.post(edit_reply_url(reply), {"body": "Theirs"}).status_code == 403
    assert Reply.objects.get().body == "Mine"


def test_editing_a_discussion_saves_a_new_revision_within_the_window(team, login):
    discussion = start_discussion(team.workspace, team.member, title="Old title", tags=["a"])
    add_replies(discussion, team.rapporteur, 3)
    client = login(team.member)
    form = {"kind": "discussion", "title": "New title", "body": "New text", "tags": "b"}

    assert edit_discussion_url(discussion) in client.get(discussion.url).content.decode()
    assert client.post(edit_discussion_url(discussion), form).status_code == 302

    discussion = DiscussionPage.objects.get(pk=discussion.pk)
    assert (discussion.title, discussion.body) == ("New title", "New text")
    assert list(discussion.tags.names()) == ["b"]
    assert discussion.revisions.count() == 2
    assert discussion.live_revision == discussion.latest_revision
    # Publishing the revision keeps the thread's live counters.
    assert discussion.reply_count == 3


def test_a_discussion_cannot_be_edited_after_the_window(team, login):
    discussion = start_discussion(team.workspace, team.member, title="Old title")
    Page.objects.filter(pk=discussion.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(minutes=31)
    )
    client = login(team.member)
    form = {"kind": "discussion", "title": "New title", "body": "New text"}

    assert edit_discussion_url(discussion) not in client.get(discussion.url).content.decode()
    assert client.post(edit_discussion_url(discussion), form).status_code == 403
    assert DiscussionPage.objects.get(pk=discussion.pk).title == "Old title"


def test_only_the_author_edits_a_discussion(team, login):
    discussion = start_discussion(team.workspace, team.member)
    form = {"kind": "discussion", "title": "Taken over", "body": "x"}
    assert login(team.rapporteur).post(edit_discussion_url(discussion), form).status_code == 403
    assert DiscussionPage.objects.get(pk=discussion.pk).title == "A discussion"
