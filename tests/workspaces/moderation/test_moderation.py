from datetime import timedelta

from django.urls import reverse

from tests.factories import start_discussion
from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.moderation.models import ModerationLog, Report


def url(name):
    return reverse(f"workspaces:moderation:{name}", args=["alpha"])


def act(action, post, slug="alpha"):
    key = post.moderation_key
    return reverse(
        f"workspaces:discussions:{action}_{key}", kwargs={"slug": slug, f"{key}_id": post.pk}
    )


def test_the_officer_hides_a_reply_and_each_reader_sees_what_they_should(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="Personal phone number here")
    officer = login(team.officer)

    assert officer.get(act("hide", reply)).status_code == 200
    response = officer.post(act("hide", reply), {"reason": "Personal details"})
    assert response.status_code == 302

    author_view = login(team.rapporteur, fresh=True).get(discussion.url).content.decode()
    assert "Personal phone number here" in author_view
    assert "Personal details" in author_view
    member_view = login(team.member, fresh=True).get(discussion.url).content.decode()
    assert "Personal phone number here" not in member_view
    assert "Personal details" not in member_view
    assert "post--hidden" in member_view
    officer_view = officer.get(discussion.url).content.decode()
    assert "Personal phone number here" in officer_view and "Personal details" in officer_view
    assert act("restore", reply) in officer_view


def test_hiding_and_restoring_keep_the_reply_count_exact(team, login):
    discussion = start_discussion(team.workspace, team.member)
    first = discussion.add_reply(author=team.rapporteur, body="one")
    last = discussion.add_reply(author=team.rapporteur, body="two")
    officer = login(team.officer)

    officer.post(act("hide", last), {"reason": "Spam"})
    discussion.refresh_from_db()
    assert (discussion.reply_count, discussion.last_activity_at) == (1, first.created_at)

    officer.post(act("restore", last), {"reason": "Misread"})
    discussion.refresh_from_db()
    assert (discussion.reply_count, discussion.last_activity_at) == (2, last.created_at)
    assert not Reply.objects.get(pk=last.pk).hidden


def test_a_hidden_discussion_shows_a_placeholder_and_takes_no_replies(team, login):
    discussion = start_discussion(team.workspace, team.rapporteur, title="Rude title")
    login(team.officer).post(act("hide", discussion), {"reason": "Insulting"})
    member = login(team.member, fresh=True)

    listing = member.get(team.workspace.url).content.decode()
    thread = member.get(discussion.url).content.decode()
    assert "Rude title" not in listing and "Rude title" not in thread
    reply_url = reverse("workspaces:discussions:reply_new", args=["alpha", discussion.pk])
    assert member.post(reply_url, {"body": "x"}).status_code == 403
    assert "Rude title" in login(team.rapporteur, fresh=True).get(discussion.url).content.decode()


def test_only_moderators_hide_restore_and_read_the_queue(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.member, body="x")
    for person in (team.member, team.rapporteur, team.focal):
        client = login(person, fresh=True)
        assert client.post(act("hide", reply), {"reason": "r"}).status_code == 403
        assert client.get(url("list")).status_code == 403
        assert client.get(url("log")).status_code == 403
    outsider = login(team.outsider, fresh=True)
    assert outsider.post(act("hide", reply), {"reason": "r"}).status_code == 404
    assert outsider.get(url("list")).status_code == 404
    assert not Reply.objects.get().hidden
    assert login(team.staff, fresh=True).get(url("list")).status_code == 200


def test_a_post_from_another_workspace_cannot_be_moderated_from_this_one(team, login):
    elsewhere = start_discussion(team.elsewhere, team.outsider)
    response = login(team.officer).post(act("hide", elsewhere), {"reason": "r"})
    assert response.status_code == 404
    assert not DiscussionPage.objects.get().hidden


def test_a_reason_is_required(team, login):
    discussion = start_discussion(team.workspace, team.member)
    response = login(team.officer).post(act("hide", discussion), {"reason": ""})
    assert response.status_code == 200
    assert not DiscussionPage.objects.get().hidden


def test_reports_fill_the_officers_queue_and_the_navigation_count(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="Questionable")
    member = login(team.member)
    officer = login(team.officer, fresh=True)

    assert act("report", reply) in member.get(discussion.url).content.decode()
    assert member.get(act("report", reply)).status_code == 200
    member.post(act("report", reply), {"reason": "Attacks a person"})
    member.post(act("report", reply), {"reason": "Again"})
    login(team.focal, fresh=True).post(act("report", discussion), {"reason": "Off"})

    assert Report.objects.open().count() == 2
    home = officer.get(team.workspace.url).content.decode()
    assert '<span class="count"' in home and ">2</span>" in home
    queue = officer.get(url("list"))
    assert [report.reason for report in queue.context["reports"]] == ["Attacks a person", "Off"]
    assert '<span class="count"' not in member.get(team.workspace.url).content.decode()

    officer.post(act("hide", reply), {"reason": "Personal attack"})
    assert Report.objects.get(reason="Attacks a person").resolution == Report.Resolution.HIDDEN
    report = Report.objects.open().get()
    officer.post(url("dismiss"), {"report": report.pk, "reason": "Within the rules"})
    assert not Report.objects.open().exists()
    assert '<span class="count"' not in officer.get(team.workspace.url).content.decode()


def test_who_may_report(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="x")
    assert login(team.officer).post(act("report", reply), {"reason": "r"}).status_code == 403
    assert (
        login(team.staff, fresh=True).post(act("report", reply), {"reason": "r"}).status_code == 403
    )
    outsider = login(team.outsider, fresh=True)
    assert outsider.post(act("report", reply), {"reason": "r"}).status_code == 404
    assert outsider.post(act("report", reply, slug="beta"), {"reason": "r"}).status_code == 404
    assert not Report.objects.exists()


def test_authors_ask_for_their_own_post_to_be_hidden_once_they_cannot_edit_it(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="My phone is 0999")
    author = login(team.rapporteur)
    assert act("report", reply) not in author.get(discussion.url).content.decode()

    Reply.objects.filter(pk=reply.pk).update(created_at=reply.created_at - timedelta(hours=1))
    assert act("report", reply) in author.get(discussion.url).content.decode()
    author.post(act("report", reply), {"reason": "Please remove my number"})
    assert Report.objects.open().get().reporter == team.rapporteur


def test_every_action_is_logged_and_the_log_is_shown_to_moderators(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="x")
    officer = login(team.officer)
    officer.post(act("hide", reply), {"reason": "Hide reason"})
    officer.post(act("hide", reply), {"reason": "Twice"})
    officer.post(act("restore", reply), {"reason": "Restore reason"})
    login(team.member, fresh=True).post(act("report", reply), {"reason": "Report"})
    officer.post(url("dismiss"), {"report": Report.objects.get().pk, "reason": "Dismiss reason"})

    entries = list(
        ModerationLog.objects.order_by("created_at", "pk").values_list("actor", "action", "reason")
    )
    assert entries == [
        (team.officer.pk, "hide", "Hide reason"),
        (team.officer.pk, "restore", "Restore reason"),
        (team.officer.pk, "dismiss", "Dismiss reason"),
    ]
    assert all(entry.target == reply for entry in ModerationLog.objects.all())
    page = officer.get(url("log")).content.decode()
    for reason in ("Hide reason", "Restore reason", "Dismiss reason"):
        assert reason in page


def test_deleting_a_post_deletes_its_reports_and_log_entries(team, login):
    discussion = start_discussion(team.workspace, team.member)
    reply = discussion.add_reply(author=team.rapporteur, body="x")
    Report.file(workspace=team.workspace, target=reply, reporter=team.member, reason="r")
    reply.hide(by=team.officer, reason="r", workspace=team.workspace)
    Report.file(workspace=team.workspace, target=discussion, reporter=team.rapporteur, reason="r")

    discussion.delete()
    assert not Report.objects.exists()
    assert not ModerationLog.objects.exists()
