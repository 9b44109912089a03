"""What calendar apps receive: the .ics of one event and the personal subscription feed."""

import datetime
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from workspaces.events.models import CalendarFeedToken, EventPage
from workspaces.models import Membership

EMAIL = re.compile(rb"[\w.+-]+@[\w-]+\.[\w.-]+")


def event_ics(client, event):
    workspace = event.get_parent()
    return client.get(reverse("workspaces:events:ics", args=[workspace.slug, event.pk]))


def vevents(body):
    return {str(vevent["SUMMARY"]): vevent for vevent in Calendar.from_ical(body).walk("VEVENT")}


def feed_url(user):
    return reverse("calendar_feed:feed", args=[CalendarFeedToken.for_user(user).token])


def test_event_ics_is_a_download_with_its_zone(client_for, people, event):
    response = event_ics(client_for(people["member"]), event)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Asia/Damascus"
    assert vevent["DTEND"].params["TZID"] == "Asia/Damascus"
    assert vevent.start == datetime.datetime(2031, 3, 4, 17, 0, tzinfo=vevent.start.tzinfo)
    assert vevent.start.utcoffset() == datetime.timedelta(hours=3)
    assert [tz.tz_name for tz in calendar.timezones] == ["Asia/Damascus"]
    assert vevent["UID"] == f"cssr-event-{event.uid}"
    assert vevent["STATUS"] == "CONFIRMED"
    assert str(vevent["URL"]).endswith(event.url)
    assert "DTSTAMP" in vevent
    assert "ORGANIZER" not in vevent and "ATTENDEE" not in vevent
    assert not EMAIL.search(response.content)


def test_uid_stays_and_sequence_grows_with_each_change_of_time_place_or_status(
    client_for, people, event
):
    client = client_for(people["creator"])
    first = Calendar.from_ical(event_ics(client, event).content).walk("VEVENT")[0]

    event.change(people["creator"], start=event.start + datetime.timedelta(hours=1))
    event = EventPage.objects.get(pk=event.pk)
    moved = Calendar.from_ical(event_ics(client, event).content).walk("VEVENT")[0]

    event.change(people["creator"], location="UN Palais des Nations, Geneva")
    event = EventPage.objects.get(pk=event.pk)
    placed = Calendar.from_ical(event_ics(client, event).content).walk("VEVENT")[0]

    event.change(people["creator"], title="Judicial independence, second reading")
    event = EventPage.objects.get(pk=event.pk)
    renamed = Calendar.from_ical(event_ics(client, event).content).walk("VEVENT")[0]

    event.cancel(people["creator"])
    event = EventPage.objects.get(pk=event.pk)
    cancelled = Calendar.from_ical(event_ics(client, event).content).walk("VEVENT")[0]

    assert {str(v["UID"]) for v in (first, moved, placed, renamed, cancelled)} == {
        f"cssr-event-{event.uid}"
    }
    sequences = [int(v["SEQUENCE"]) for v in (first, moved, placed, renamed, cancelled)]
    assert sequences == [0, 1, 2, 2, 3]
    assert moved.start.hour == 18
    assert "Geneva" in str(placed["LOCATION"])
    assert cancelled["STATUS"] == "CANCELLED"


def test_an_edit_through_an_older_revision_never_lowers_the_sequence(people, event):
    event.change(people["creator"], start=event.start + datetime.timedelta(hours=1))
    stale = EventPage.objects.get(pk=event.pk)
    stale.sequence = 0  # as restored from the first revision
    stale.change(people["staff"], end=stale.end + datetime.timedelta(hours=1))

    assert EventPage.objects.get(pk=event.pk).sequence == 2


def test_personal_feed_carries_every_workspace_the_person_may_enter(
    client, people, workspaces, plan_event
):
    plan_event(title="Legal meeting")
    plan_event(title="Legal workshop", online=False, location="Gaziantep").cancel(people["creator"])
    plan_event(workspace="electoral", owner="other_group", title="Electoral meeting")

    response = client.get(feed_url(people["member"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    calendar = Calendar.from_ical(response.content)
    assert calendar["X-WR-CALNAME"]
    events = vevents(response.content)
    assert set(events) == {"Legal meeting", "Cancelled: Legal workshop"}
    assert events["Cancelled: Legal workshop"]["STATUS"] == "CANCELLED"
    assert events["Legal meeting"]["DTSTART"].params["TZID"] == "Asia/Damascus"
    assert "Asia/Damascus" in {tz.tz_name for tz in calendar.timezones}
    # Each member has an email address on file; none of them, nor anyone's, is in the feed.
    assert b"@" not in response.content
    assert "Set-Cookie" not in response


def test_staff_feed_has_all_workspaces(client, people, plan_event):
    plan_event(title="Legal meeting")
    plan_event(workspace="electoral", owner="other_group", title="Electoral meeting")

    response = client.get(feed_url(people["staff"]))

    assert set(vevents(response.content)) == {"Legal meeting", "Electoral meeting"}


def test_leaving_a_workspace_removes_its_events_from_the_feed_at_once(client, people, plan_event):
    plan_event(title="Legal meeting")
    url = feed_url(people["member"])
    assert "Legal meeting" in vevents(client.get(url).content)

    membership = Membership.objects.get(user=people["member"])
    membership.state = Membership.State.BLOCKED
    membership.save()

    assert vevents(client.get(url).content) == {}


def test_unknown_and_revoked_tokens_get_404(client, people, event):
    feed = CalendarFeedToken.for_user(people["member"])
    url = feed_url(people["member"])
    assert client.get(url).status_code == 200

    feed.revoke()

    assert client.get(url).status_code == 404
    assert client.get("/calendar/" + "x" * 43 + ".ics").status_code == 404
    assert client.get("/calendar/.ics").status_code == 404


def test_a_deactivated_account_gets_nothing(client, people, event):
    url = feed_url(people["member"])
    people["member"].is_active = False
    people["member"].save()

    assert client.get(url).status_code == 404


def test_profile_shows_the_address_and_regenerating_retires_the_old_one(client_for, people, event):
    client = client_for(people["member"])
    profile = client.get(reverse("accounts:profile"))
    old_url = feed_url(people["member"])
    assert f"http://testserver{old_url}" in profile.content.decode()

    response = client.post(reverse("calendar_feed:regenerate"))

    assert response.status_code == 302
    new_url = feed_url(people["member"])
    assert new_url != old_url
    assert client.get(old_url).status_code == 404
    assert client.get(new_url).status_code == 200
    assert f"http://testserver{new_url}" in client.get(reverse("accounts:profile")).content.decode()


def test_revoking_from_the_profile_switches_the_address_off_until_a_new_one_is_made(
    client_for, people
):
    client = client_for(people["member"])
    old_url = feed_url(people["member"])

    client.post(reverse("calendar_feed:revoke"))

    assert client.get(old_url).status_code == 404
    profile = client.get(reverse("accounts:profile")).content.decode()
    assert ".ics" not in profile
    assert CalendarFeedToken.objects.get(user=people["member"]).token is None


@pytest.mark.parametrize("name", ["calendar_feed:regenerate", "calendar_feed:revoke"])
def test_address_changes_need_a_signed_in_post(client, client_for, people, name):
    before = CalendarFeedToken.for_user(people["member"]).token

    assert "/accounts/login/" in client.post(reverse(name))["Location"]
    assert client_for(people["member"]).get(reverse(name)).status_code == 405
    assert CalendarFeedToken.objects.get(user=people["member"]).token == before
