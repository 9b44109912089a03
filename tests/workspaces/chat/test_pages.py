"""Chat without JavaScript: the list, a conversation's page with its history and form, sending,
starting conversations, and who may reach each (issue 14, items 1, 3, 4 and 6)."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workspaces.chat.models import MESSAGES_PER_PAGE, Conversation, Message


def url(name, conversation=None, slug="alpha"):
    args = [slug] + ([conversation.pk] if conversation is not None else [])
    return reverse(f"workspaces:chat:{name}", args=args)


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_member_writes_in_the_room_and_everyone_of_the_workspace_reads_it(team):
    writer = client_of(team.member)
    response = writer.post(url("send", team.room), {"body": "صباح الخير https://example.org"})
    message = Message.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#message-{message.pk}")
    for reader in (team.other_member, team.officer, team.focal, team.staff):
        page = client_of(reader).get(url("conversation", team.room))
        assert page.status_code == 200
        assert "صباح الخير" in page.content.decode()
        assert 'href="https://example.org"' in page.content.decode()
        assert "no-store" in page["Cache-Control"]


@pytest.mark.parametrize("name", ["list", "new", "conversation", "messages", "send"])
def test_outsiders_get_not_found_and_anonymous_visitors_are_sent_to_sign_in(team, name):
    conversation = None if name in ("list", "new") else team.room
    address = url(name, conversation)
    outsider = client_of(team.outsider)
    assert outsider.get(address).status_code == 404
    assert outsider.post(address).status_code == 404
    anonymous = Client().get(address)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")


def test_a_one_to_one_conversation_is_only_its_two_peoples(team):
    started = client_of(team.member).post(url("new"), {"people": [team.rapporteur.pk]})
    conversation = Conversation.objects.get(kind=Conversation.Kind.DIRECT)
    assert started["Location"] == url("conversation", conversation)
    # The address names a number, not the people in it.
    assert "rapporteur" not in started["Location"] and "member" not in started["Location"]
    client_of(team.rapporteur).post(url("send", conversation), {"body": "أهلاً"})
    assert "أهلاً" in client_of(team.member).get(url("conversation", conversation)).content.decode()
    # Nobody else of the workspace, not the officer, not staff: as if it did not exist.
    for other in (team.other_member, team.officer, team.staff):
        client = client_of(other)
        for name in ("conversation", "messages"):
            assert client.get(url(name, conversation)).status_code == 404
        assert client.post(url("send", conversation), {"body": "x"}).status_code == 404
    # Starting it again leads to the same conversation.
    again = client_of(team.rapporteur).post(url("new"), {"people": [team.member.pk]})
    assert again["Location"] == url("conversation", conversation)


def test_a_group_is_started_with_chosen_people_of_the_workspace_only(team):
    client = client_of(team.member)
    refused = client.post(url("new"), {"people": [team.outsider.pk], "title": "مجموعة"})
    assert refused.status_code == 200 and not Conversation.objects.exclude(kind="room").exists()
    client.post(
        url("new"), {"people": [team.other_member.pk, team.rapporteur.pk], "title": "صياغة"}
    )
    group = Conversation.objects.get(kind=Conversation.Kind.GROUP)
    assert set(group.participants.values_list("user__username", flat=True)) == {
        "member",
        "other_member",
        "rapporteur",
    }
    listed = client_of(team.other_member).get(url("list")).content.decode()
    assert "صياغة" in listed
    assert "صياغة" not in client_of(team.third_member).get(url("list")).content.decode()


def test_a_message_sent_again_after_a_lost_connection_is_posted_once(team):
    client = client_of(team.member)
    for _attempt in range(2):
        response = client.post(
            url("send", team.room),
            {"body": "رسالة واحدة", "client_id": "abc-123"},
            headers={"Accept": "application/json"},
        )
        assert response.status_code == 201
    assert Message.objects.count() == 1


def test_an_empty_message_is_refused_and_officers_do_not_write_in_the_room(team):
    assert client_of(team.member).post(url("send", team.room), {"body": ""}).status_code == 400
    assert client_of(team.officer).post(url("send", team.room), {"body": "x"}).status_code == 403
    assert not Message.objects.exists()


def test_the_reconnecting_page_gets_exactly_what_it_missed_in_order(team):
    first = team.room.send(team.member, "الأولى")
    later = [team.room.send(team.other_member, f"رسالة {n}") for n in range(3)]
    answer = client_of(team.member).get(f"{url('messages', team.room)}?after={first.pk}").json()
    assert answer["ids"] == [message.pk for message in later]
    assert answer["html"].index("رسالة 0") < answer["html"].index("رسالة 2")
    assert "الأولى" not in answer["html"]


def test_a_changed_message_is_fetched_again_as_each_reader_may_see_it(team):
    message = team.room.send(team.member, "كلام مسيء")
    team.room.send(team.other_member, "رسالة أخرى")
    message.hide(by=team.officer, reason="إساءة لعضو", workspace=team.workspace)

    def fetched(user):
        answer = client_of(user).get(f"{url('messages', team.room)}?id={message.pk}").json()
        assert answer["ids"] == [message.pk]
        return answer["html"]

    assert "كلام مسيء" not in fetched(team.other_member)
    assert "chat-message__hidden" in fetched(team.other_member)
    assert "كلام مسيء" in fetched(team.officer) and "إساءة لعضو" in fetched(team.officer)
    assert "إساءة لعضو" in fetched(team.member)
    # A message of another conversation is not found through this one.
    direct = Conversation.start(team.workspace, team.member, [team.rapporteur])
    private = direct.send(team.member, "سر بيننا")
    answer = client_of(team.member).get(f"{url('messages', team.room)}?id={private.pk}").json()
    assert answer["ids"] == [] and "سر بيننا" not in answer["html"]


def test_history_pages_back_with_the_same_queries_at_any_depth(team):
    for number in range(MESSAGES_PER_PAGE * 3):
        team.room.send(team.member, f"رسالة {number}")
    client = client_of(team.other_member)
    latest = client.get(url("conversation", team.room)).content.decode()
    assert "رسالة 149" in latest and "رسالة 99" not in latest
    oldest_shown = Message.objects.order_by("-pk")[MESSAGES_PER_PAGE - 1].pk
    assert f"?before={oldest_shown}" in latest

    def queries(before):
        with CaptureQueriesContext(connection) as captured:
            client.get(f"{url('conversation', team.room)}?before={before}")
        return len(captured)

    ids = list(Message.objects.order_by("pk").values_list("pk", flat=True))
    queries(ids[-1])  # caches filled on first use (site, settings) are not counted
    assert queries(ids[MESSAGES_PER_PAGE * 2]) == queries(ids[MESSAGES_PER_PAGE])


def test_unread_counts_go_down_when_the_conversation_is_opened(team):
    for number in range(3):
        team.room.send(team.member, f"رسالة {number}")
    reader = client_of(team.other_member)
    listed = Conversation.objects.with_unread(team.other_member).get(pk=team.room.pk)
    assert listed.unread == 3
    reader.get(url("conversation", team.room))
    assert Conversation.objects.with_unread(team.other_member).get(pk=team.room.pk).unread == 0
    assert Conversation.objects.with_unread(team.member).get(pk=team.room.pk).unread == 0


def badge(client, address):
    found = re.search(
        r'class="tab-badge"><span aria-hidden="true">(\d+)</span>',
        client.get(address).content.decode(),
    )
    return int(found[1]) if found else 0


def test_the_chat_tab_counts_what_each_person_has_not_read_on_every_workspace_page(team):
    for number in range(3):
        team.room.send(team.member, f"رسالة {number}")
    direct = Conversation.start(team.workspace, team.member, [team.rapporteur])
    direct.send(team.member, "رسالة خاصة")
    for address in (team.workspace.url, url("list"), reverse("workspaces:members", args=["alpha"])):
        assert badge(client_of(team.other_member), address) == 3
        assert badge(client_of(team.rapporteur), address) == 4
        assert badge(client_of(team.member), address) == 0  # their own messages
    reader = client_of(team.rapporteur)
    # The conversation being read is not counted on its own page, nor after.
    assert badge(reader, url("conversation", direct)) == 3
    assert badge(reader, team.workspace.url) == 3


def test_a_backlog_is_counted_no_further_than_a_badge_can_say(team):
    Message.objects.bulk_create(
        Message(conversation=team.room, author=team.member, body=f"رسالة {n}") for n in range(120)
    )
    reader = client_of(team.other_member)
    page = reader.get(team.workspace.url).content.decode()
    assert 'class="tab-badge"><span aria-hidden="true">99+</span>' in page
    assert Conversation.objects.with_unread(team.other_member).get(pk=team.room.pk).unread == 100
    listed = reader.get(url("list")).content.decode()
    assert "99" in listed and "120" not in listed


def test_the_officer_hides_a_room_message_with_a_reason_and_the_log_keeps_it(team):
    from workspaces.moderation.models import ModerationLog

    message = team.room.send(team.member, "كلام مسيء")
    hide = reverse("workspaces:chat:hide_message", args=["alpha", message.pk])
    response = client_of(team.officer).post(hide, {"reason": "إساءة لعضو"})
    assert response.status_code == 302
    entry = ModerationLog.objects.get()
    assert entry.reason == "إساءة لعضو" and entry.action == ModerationLog.Action.HIDE
    seen_by_member = client_of(team.other_member).get(url("conversation", team.room))
    assert "كلام مسيء" not in seen_by_member.content.decode()
    assert (
        "كلام مسيء" in client_of(team.officer).get(url("conversation", team.room)).content.decode()
    )
    assert (
        "إساءة لعضو" in client_of(team.member).get(url("conversation", team.room)).content.decode()
    )


def test_messages_of_a_private_conversation_cannot_be_reported_or_hidden_by_id(team):
    direct = Conversation.start(team.workspace, team.member, [team.rapporteur])
    private = direct.send(team.member, "سر بيننا")
    for action, who in (
        ("report", team.other_member),
        ("hide", team.officer),
        ("hide", team.staff),
    ):
        address = reverse(f"workspaces:chat:{action}_message", args=["alpha", private.pk])
        response = client_of(who).get(address)
        assert response.status_code == 404
        assert "سر بيننا" not in response.content.decode()


def test_a_conversation_is_searched_in_any_spelling_of_its_arabic_words(team):
    found = team.room.send(team.member, "نناقش الإستفتاء على الدستور غداً")
    team.room.send(team.member, "موضوع آخر")
    direct = Conversation.start(team.workspace, team.member, [team.rapporteur])
    direct.send(team.member, "الاستفتاء في محادثة خاصة")
    page = client_of(team.other_member).get(f"{url('search', team.room)}?q=الاستفتاء")
    html = page.content.decode()
    assert f"#message-{found.pk}" in html and "<mark>" in html
    assert "موضوع آخر" not in html and "محادثة خاصة" not in html
    assert client_of(team.other_member).get(url("search", direct)).status_code == 404


def test_a_reply_quotes_the_message_it_answers(team):
    asked = team.room.send(team.member, "متى الاجتماع القادم؟")
    client = client_of(team.other_member)
    form = client.get(f"{url('conversation', team.room)}?reply_to={asked.pk}").content.decode()
    assert f'name="reply_to" value="{asked.pk}"' in form
    client.post(url("send", team.room), {"body": "يوم الخميس", "reply_to": asked.pk})
    answer = Message.objects.get(body="يوم الخميس")
    assert answer.reply_to == asked
    page = client.get(url("conversation", team.room)).content.decode()
    assert f'class="chat-message__quote" href="#message-{asked.pk}"' in page
    # A message of another conversation is not quoted.
    direct = Conversation.start(team.workspace, team.member, [team.other_member])
    private = direct.send(team.member, "خاص")
    client.post(url("send", team.room), {"body": "رد", "reply_to": private.pk})
    assert Message.objects.get(body="رد").reply_to is None


def test_authors_change_or_delete_their_messages_for_a_while_and_nobody_else(team, settings):
    import datetime

    from django.utils import timezone

    message = team.room.send(team.member, "نص أول")
    edit = reverse("workspaces:chat:edit", args=["alpha", team.room.pk, message.pk])
    delete = reverse("workspaces:chat:delete", args=["alpha", team.room.pk, message.pk])
    assert client_of(team.other_member).post(edit, {"body": "تخريب"}).status_code == 403
    assert client_of(team.officer).post(delete).status_code == 403
    author = client_of(team.member)
    assert author.post(edit, {"body": "نص مصحح"}).status_code == 302
    message.refresh_from_db()
    assert message.body == "نص مصحح" and message.edited_at is not None
    page = client_of(team.other_member).get(url("conversation", team.room)).content.decode()
    assert "نص مصحح" in page and "نص أول" not in page
    assert author.post(delete).status_code == 302
    message.refresh_from_db()
    assert message.deleted_at is not None and message.body == ""
    assert (
        "نص مصحح"
        not in client_of(team.other_member).get(url("conversation", team.room)).content.decode()
    )
    late = team.room.send(team.member, "قديم")
    Message.objects.filter(pk=late.pk).update(
        created_at=timezone.now()
        - datetime.timedelta(minutes=settings.POST_EDIT_WINDOW_MINUTES + 1)
    )
    late_edit = reverse("workspaces:chat:edit", args=["alpha", team.room.pk, late.pk])
    assert author.post(late_edit, {"body": "متأخر"}).status_code == 403
