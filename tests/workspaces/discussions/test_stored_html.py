"""Posts keep their safe HTML beside their text: a thread page renders no Markdown, and a change
of the posts' profile reaches old posts through `manage.py rerender_posts`."""

import io

from django.core.management import call_command

from tests.factories import add_replies, start_discussion
from workspaces.discussions.models import DiscussionPage, Reply


def test_what_a_member_writes_is_shown_as_formatted_safe_html(team, login):
    discussion = start_discussion(team.workspace, team.member, body="An **opening** text")
    reply = discussion.add_reply(author=team.rapporteur, body="A *reply* <script>alert(1)</script>")
    page = login(team.other_member).get(discussion.url).content.decode()
    assert "<strong>opening</strong>" in page
    assert "<em>reply</em>" in page
    assert "<script>alert(1)" not in page
    assert reply.workspace_id == team.workspace.pk


def test_an_edit_is_shown_formatted_at_once(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.member, body="first words")
    reply.revise(body="**second** words")
    client = login(team.other_member)
    assert "<strong>second</strong> words" in client.get(discussion.url).content.decode()
    discussion.revise(
        user=team.member, title=discussion.title, body="_new_ opening", kind=discussion.kind
    )
    assert "<em>new</em> opening" in client.get(discussion.url).content.decode()


def test_rerender_posts_brings_stored_posts_in_line_with_the_profile(team, login):
    """What a profile change looks like to stored posts: HTML made by an older policy."""
    discussion = start_discussion(team.workspace, team.member, body="Opening **kept**")
    add_replies(discussion, team.member, 3)
    DiscussionPage.objects.filter(pk=discussion.pk).update(body_html="<p>older policy</p>")
    Reply.objects.filter(discussion=discussion).update(body_html="<p>older policy</p>")
    client = login(team.other_member)
    assert client.get(discussion.url).content.decode().count("older policy") == 4

    output = io.StringIO()
    call_command("rerender_posts", stdout=output)
    assert "DiscussionPage: 1 re-rendered" in output.getvalue()
    assert "Reply: 3 re-rendered" in output.getvalue()

    page = client.get(discussion.url).content.decode()
    assert "older policy" not in page
    assert "Opening <strong>kept</strong>" in page
    assert "Reply number 2" in page
