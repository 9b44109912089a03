import datetime
import zoneinfo

from django.utils import timezone

from demo.events import create_events
from demo.workspaces import create_workspaces
from workspaces.events.models import EventAnswer, EventPage

DAMASCUS = zoneinfo.ZoneInfo("Asia/Damascus")


def test_each_demo_workspace_has_an_online_meeting_with_answers_once(demo_users):
    workspaces = create_workspaces(demo_users)

    first = create_events(demo_users, workspaces)
    again = create_events(demo_users, create_workspaces(demo_users))

    assert {slug: event.pk for slug, event in first.items()} == {
        slug: event.pk for slug, event in again.items()
    }
    assert EventPage.objects.count() == 3
    in_three_days = timezone.now().astimezone(DAMASCUS).date() + datetime.timedelta(days=3)
    for slug, event in first.items():
        assert event.get_parent().slug == slug
        assert event.owner == demo_users["staff"]
        assert event.online and not event.cancelled
        assert event.start_local.date() == in_three_days
        assert (event.start_local.hour, event.start_local.minute) == (17, 0)
        assert event.revisions.count() == 1
    answers = {
        (answer.event.get_parent().slug, answer.user.username): answer.answer
        for answer in EventAnswer.objects.select_related("event", "user")
    }
    assert answers == {
        ("legal-constitutional", "member_legal"): "going",
        ("legal-constitutional", "rapporteur_legal"): "maybe",
        ("electoral", "member_electoral"): "going",
        ("electoral", "staff"): "going",
        ("women-advisory-board-shared", "wab_member"): "going",
        ("women-advisory-board-shared", "member_legal"): "going",
    }
