from django.urls import reverse

from tests.factories import start_discussion


def listed(client, workspace):
    """{title: unread?} as the workspace home shows it."""
    response = client.get(workspace.url)
    assert response.status_code == 200
    return {d.title: d.is_unread for d in response.context["discussions"]}


def test_unread_marks_follow_the_user_across_devices(team, login):
    phone = login(team.member)
    laptop = login(team.member, fresh=True)
    discussion = start_discussion(team.workspace, team.rapporteur, title="Agenda")

    assert listed(phone, team.workspace) == {"Agenda": True}
    assert listed(laptop, team.workspace) == {"Agenda": True}
    assert 'class="badge badge--unread"' in laptop.get(team.workspace.url).content.decode()

    phone.get(discussion.url)
    assert listed(laptop, team.workspace) == {"Agenda": False}

    discussion.add_reply(author=team.rapporteur, body="A new point")
    assert listed(laptop, team.workspace) == {"Agenda": True}
    assert listed(phone, team.workspace) == {"Agenda": True}


def test_own_reply_does_not_leave_the_thread_unread(team, login):
    discussion = start_discussion(team.workspace, team.rapporteur, title="Agenda")
    client = login(team.member)
    reply_url = reverse("workspaces:discussions:reply_new", args=["alpha", discussion.pk])
    client.post(reply_url, {"body": "Mine"}, follow=True)
    assert listed(client, team.workspace) == {"Agenda": False}


def test_replies_since_the_last_visit_are_marked_new(team, login):
    discussion = start_discussion(team.workspace, team.rapporteur)
    old = discussion.add_reply(author=team.rapporteur, body="Seen already")
    client = login(team.member)
    client.get(discussion.url)
    new = discussion.add_reply(author=team.rapporteur, body="Not seen yet")

    replies = {reply.pk: reply.is_new for reply in client.get(discussion.url).context["replies"]}
    assert replies == {old.pk: False, new.pk: True}
    # Seen now: the next visit marks nothing.
    assert not any(reply.is_new for reply in client.get(discussion.url).context["replies"])


def test_each_user_has_their_own_read_state(team, login):
    discussion = start_discussion(team.workspace, team.rapporteur, title="Agenda")
    login(team.member).get(discussion.url)
    assert listed(login(team.other_member, fresh=True), team.workspace) == {"Agenda": True}


def test_the_home_lists_recent_activity_with_reply_counts(team, login):
    discussion = start_discussion(team.workspace, team.rapporteur, title="Agenda")
    reply = discussion.add_reply(author=team.member, body="أوافق على جدول الأعمال")
    response = login(team.other_member).get(team.workspace.url)

    assert [d.reply_count for d in response.context["discussions"]] == [1]
    events = [(event.get("reply"), event["discussion"]) for event in response.context["events"]]
    assert events == [(reply, discussion), (None, discussion)]
    assert "أوافق على جدول الأعمال" in response.content.decode()
