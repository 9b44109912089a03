from django.urls import reverse

from tests.factories import add_replies, start_discussion
from workspaces.discussions.models import Reply


def reply_url(discussion):
    return reverse("workspaces:discussions:reply_new", args=["alpha", discussion.pk])


def reply_form_text(response):
    return response.context["form"].initial.get("body", "")


def test_quote_prefills_the_reply_form_with_a_blockquote(team, login):
    discussion = start_discussion(team.workspace, team.member)
    quoted = discussion.add_reply(author=team.rapporteur, body="سطر أول\nسطر ثان")
    client = login(team.member)

    page = client.get(discussion.url).content.decode()
    assert f"?quote={quoted.pk}#reply-form" in page
    text = reply_form_text(client.get(discussion.url, {"quote": quoted.pk}))
    assert "> سطر أول\n> سطر ثان" in text
    assert "rapporteur name" in text
    opening = reply_form_text(client.get(discussion.url, {"quote": "opening"}))
    assert "> Opening text" in opening


def test_quoting_a_hidden_reply_gives_an_empty_form_to_members(team, login):
    discussion = start_discussion(team.workspace, team.member)
    quoted = discussion.add_reply(author=team.rapporteur, body="Secret words")
    quoted.hide(by=team.officer, reason="Off topic", workspace=team.workspace)
    response = login(team.member).get(discussion.url, {"quote": quoted.pk})
    assert "Secret words" not in reply_form_text(response)


def test_replies_are_paginated_twenty_to_a_page_oldest_first(team, login):
    discussion = start_discussion(team.workspace, team.member)
    replies = add_replies(discussion, team.rapporteur, 45)
    client = login(team.member)

    first = client.get(discussion.url)
    third = client.get(discussion.url, {"page": 3})
    assert [reply.pk for reply in first.context["replies"]] == [r.pk for r in replies[:20]]
    assert [reply.pk for reply in third.context["replies"]] == [r.pk for r in replies[40:]]
    assert client.get(discussion.url, {"page": 99}).context["replies"].number == 3


def test_a_new_reply_redirects_to_the_page_and_anchor_where_it_landed(team, login):
    discussion = start_discussion(team.workspace, team.member)
    add_replies(discussion, team.rapporteur, 40)
    client = login(team.member)

    response = client.post(reply_url(discussion), {"body": "The forty-first"})
    reply = Reply.objects.get(body="The forty-first")
    assert response["Location"] == f"{discussion.url}?page=3#reply-{reply.pk}"
    landed = client.get(discussion.url, {"page": 3}).content.decode()
    assert f'id="reply-{reply.pk}"' in landed

    permalink = reverse("workspaces:discussions:reply", args=["alpha", reply.pk])
    assert client.get(permalink)["Location"] == response["Location"]


def test_a_reply_permalink_is_private_to_the_workspace(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.member, body="x")
    assert (
        login(team.outsider)
        .get(reverse("workspaces:discussions:reply", args=["beta", reply.pk]))
        .status_code
        == 404
    )


def test_tags_filter_the_discussion_list(team, login):
    start_discussion(team.workspace, team.member, title="About the constitution", tags=["دستور"])
    start_discussion(team.workspace, team.member, title="About elections", tags=["انتخابات"])
    client = login(team.member)
    listing = reverse("workspaces:discussions:list", args=["alpha"])

    response = client.get(listing, {"tag": "دستور"})
    assert [d.title for d in response.context["discussions"]] == ["About the constitution"]
    assert len(client.get(listing).context["discussions"]) == 2


def test_kinds_are_shown_as_badges_and_filter_the_list(team, login):
    start_discussion(team.workspace, team.member, title="Worry", kind="concern")
    start_discussion(team.workspace, team.member, title="Idea")
    client = login(team.member)
    listing = reverse("workspaces:discussions:list", args=["alpha"])

    assert "badge--concern" in client.get(team.workspace.url).content.decode()
    titles = [d.title for d in client.get(listing, {"kind": "concern"}).context["discussions"]]
    assert titles == ["Worry"]
