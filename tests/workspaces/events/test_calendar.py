"""Planning, editing and answering events, and the lists and month grid members read."""

import datetime
import re
import zoneinfo

from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from workspaces.events.models import EventAnswer, EventPage
from workspaces.models import WorkspacePage

ZURICH = zoneinfo.ZoneInfo("Europe/Zurich")
DAMASCUS = zoneinfo.ZoneInfo("Asia/Damascus")


def form_data(**overrides):
    data = {
        "title": "ورشة عمل حول قانون الانتخابات",
        "description": "نناقش المسودة الثانية.",
        "time_zone": "Europe/Zurich",
        "start": "2031-06-10T14:00",
        "end": "2031-06-10T16:30",
        "online": "on",
        "location": "",
    }
    data.update(overrides)
    return data


def day_cell(html, day):
    match = re.search(rf'<td[^>]*data-date="{day}"[^>]*>(.*?)</td>', html, re.S)
    assert match, f"no cell for {day}"
    return match.group(1)


def test_a_member_plans_an_event_in_a_time_zone_of_their_choice(client_for, people, workspaces):
    client = client_for(people["creator"])

    response = client.post(reverse("workspaces:events:new", args=["legal"]), form_data())

    event = EventPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == event.url
    assert event.get_parent().specific == workspaces["legal"]
    assert event.owner == people["creator"]
    assert event.start == datetime.datetime(2031, 6, 10, 14, 0, tzinfo=ZURICH)
    assert event.start == datetime.datetime(2031, 6, 10, 12, 0, tzinfo=datetime.UTC)
    assert event.time_zone == "Europe/Zurich"
    assert event.live and event.revisions.count() == 1
    assert event.sequence == 0


def test_the_form_offers_the_common_zones_and_the_members_own(client_for, people, workspaces):
    people["creator"].time_zone = "America/Toronto"
    people["creator"].save()

    html = client_for(people["creator"]).get(reverse("workspaces:events:new", args=["legal"]))
    html = html.content.decode()

    for zone in ("Asia/Damascus", "Europe/Zurich", "Asia/Amman", "Europe/Istanbul", "Asia/Baghdad"):
        assert f'value="{zone}"' in html
    assert re.search(r'<option value="America/Toronto" selected>', html)
    assert 'value="Pacific/Auckland"' in html


def test_an_event_ending_before_it_starts_is_refused_in_the_users_language_with_input_kept(
    client_for, people, workspaces
):
    client = client_for(people["creator"])
    url = reverse("workspaces:events:new", args=["legal"])
    response = client.post(url, form_data(end="2031-06-10T13:00"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "The event must end after it starts." in html
    assert 'value="ورشة عمل حول قانون الانتخابات"' in html
    assert 'value="2031-06-10T14:00"' in html
    assert not EventPage.objects.exists()


def test_a_time_skipped_by_a_clock_change_is_refused(client_for, people, workspaces):
    response = client_for(people["creator"]).post(
        reverse("workspaces:events:new", args=["legal"]),
        form_data(start="2031-03-30T02:30", end="2031-03-30T04:00"),
    )

    assert "the clocks change then" in response.content.decode()
    assert not EventPage.objects.exists()


def test_an_event_in_person_needs_a_place(client_for, people, workspaces):
    response = client_for(people["creator"]).post(
        reverse("workspaces:events:new", args=["legal"]), form_data(online="", location="")
    )

    assert "Give a place" in response.content.decode()
    assert not EventPage.objects.exists()


def test_editing_shows_the_times_in_the_events_zone_and_moves_it(client_for, people, event):
    client = client_for(people["creator"])
    url = reverse("workspaces:events:edit", args=["legal", event.pk])

    assert 'value="2031-03-04T17:00"' in client.get(url).content.decode()

    response = client.post(
        url,
        form_data(
            title=event.title,
            time_zone="Asia/Damascus",
            start="2031-03-04T18:00",
            end="2031-03-04T19:00",
            online="",
            location="Gaziantep",
        ),
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.start == datetime.datetime(2031, 3, 4, 18, 0, tzinfo=DAMASCUS)
    assert event.location == "Gaziantep" and not event.online
    assert event.sequence == 1
    assert event.uid == EventPage.objects.get(pk=event.pk).uid


def test_cancelling_marks_the_event_on_its_page_and_in_lists(client_for, people, event):
    client = client_for(people["creator"])

    client.post(reverse("workspaces:events:cancel", args=["legal", event.pk]))

    event.refresh_from_db()
    assert event.cancelled
    assert "This event is cancelled." in client.get(event.url).content.decode()
    listing = client.get(reverse("workspaces:events:list", args=["legal"])).content.decode()
    assert "event-item--cancelled" in listing


def test_answers_are_one_per_member_changeable_and_show_name_and_title(client_for, people, event):
    url = reverse("workspaces:events:answer", args=["legal", event.pk])
    client_for(people["member"]).post(url, {"answer": "maybe"})
    client = client_for(people["creator"])
    client.post(url, {"answer": "going"})
    client.post(url, {"answer": "not_going"})
    client.post(url, {"answer": "going"})

    assert EventAnswer.objects.filter(event=event).count() == 2
    html = client.get(event.url).content.decode()
    going = re.search(r'data-answer="going">(.*?)</ul>', html, re.S).group(1)
    maybe = re.search(r'data-answer="maybe">(.*?)</ul>', html, re.S).group(1)
    assert people["creator"].get_display_name() in going
    assert "Constitutional lawyer" in going
    assert people["member"].get_display_name() in maybe
    assert "Researcher" in maybe
    assert 'value="going" class="answer-button answer-button--chosen" aria-pressed="true"' in html


def test_someone_who_left_the_group_no_longer_shows_as_coming(client_for, people, event):
    client_for(people["member"]).post(
        reverse("workspaces:events:answer", args=["legal", event.pk]), {"answer": "going"}
    )
    people["member"].memberships.get().delete()

    html = client_for(people["creator"]).get(event.url).content.decode()

    assert people["member"].get_display_name() not in html


def test_a_nonsense_answer_changes_nothing(client_for, people, event):
    client_for(people["member"]).post(
        reverse("workspaces:events:answer", args=["legal", event.pk]), {"answer": "yes please"}
    )

    assert not EventAnswer.objects.exists()


def test_event_shows_its_own_time_and_the_viewers_when_they_differ(client_for, people, event):
    # 17:00 in Damascus is 15:00 in Geneva in March (UTC+1).
    geneva_html = client_for(people["member"]).get(event.url).content.decode()
    damascus_html = client_for(people["creator"]).get(event.url).content.decode()

    assert 'datetime="2031-03-04T17:00:00+03:00"' in geneva_html
    assert 'datetime="2031-03-04T15:00:00+01:00"' in geneva_html
    viewer_part = geneva_html.split("data-viewer-time", 1)[1].split("</span>", 1)[0]
    assert "Your time (Geneva)" in viewer_part and "15:00" in viewer_part
    assert 'datetime="2031-03-04T17:00:00+03:00"' in damascus_html
    assert "data-viewer-time" not in damascus_html


def test_upcoming_and_past_lists(client_for, people, plan_event):
    plan_event(title="Next week", starts_in=datetime.timedelta(days=7))
    plan_event(title="Last week", starts_in=-datetime.timedelta(days=7))

    html = (
        client_for(people["member"])
        .get(reverse("workspaces:events:list", args=["legal"]))
        .content.decode()
    )

    upcoming, past = html.split('id="past-heading"')
    assert "Next week" in upcoming and "Last week" not in upcoming
    assert "Last week" in past


def test_month_view_places_an_event_on_the_viewers_local_day(client_for, people, plan_event):
    # 23:30 UTC on 14 November is 02:30 on 15 November in Damascus.
    plan_event(
        title="Late call",
        start=datetime.datetime(2030, 11, 14, 23, 30, tzinfo=datetime.UTC),
        end=datetime.datetime(2030, 11, 14, 23, 55, tzinfo=datetime.UTC),
        time_zone="UTC",
    )
    url = reverse("workspaces:events:month", args=["legal"]) + "?month=2030-11"

    damascus = client_for(people["creator"]).get(url).content.decode()
    people["creator"].time_zone = "UTC"
    people["creator"].save()
    utc = client_for(people["creator"]).get(url).content.decode()

    assert "Late call" in day_cell(damascus, "2030-11-15")
    assert "Late call" not in day_cell(damascus, "2030-11-14")
    assert "2:30" in day_cell(damascus, "2030-11-15")
    assert "Late call" in day_cell(utc, "2030-11-14")
    assert "Late call" not in day_cell(utc, "2030-11-15")


def test_month_view_steps_between_months_and_spans_multi_day_events(client_for, people, plan_event):
    plan_event(
        title="Two-day workshop",
        start=datetime.datetime(2030, 12, 31, 9, 0, tzinfo=DAMASCUS),
        end=datetime.datetime(2031, 1, 1, 17, 0, tzinfo=DAMASCUS),
    )
    client = client_for(people["creator"])
    url = reverse("workspaces:events:month", args=["legal"])

    december = client.get(url + "?month=2030-12").content.decode()
    january = client.get(url + "?month=2031-01").content.decode()

    assert 'href="?month=2030-11"' in december and 'href="?month=2031-01"' in december
    assert "Two-day workshop" in day_cell(december, "2030-12-31")
    assert "Two-day workshop" in day_cell(january, "2031-01-01")
    assert "Two-day workshop" not in day_cell(january, "2031-01-02")


def test_month_view_falls_back_to_this_month_for_a_bad_parameter(client_for, people, workspaces):
    response = client_for(people["creator"]).get(
        reverse("workspaces:events:month", args=["legal"]) + "?month=2030-13"
    )

    today = timezone.now().astimezone(DAMASCUS).date()
    assert response.status_code == 200
    assert f'data-date="{today:%Y-%m-%d}"' in response.content.decode()


def test_workspace_home_and_header_lead_to_the_calendar(client_for, people, plan_event):
    plan_event(title="Soon", starts_in=datetime.timedelta(days=1))

    html = client_for(people["member"]).get("/en/workspaces/legal/").content.decode()

    assert reverse("workspaces:events:list", args=["legal"]) in html
    assert "Soon" in html


def test_event_pages_belong_only_under_workspaces(workspaces):
    legal = workspaces["legal"]

    assert EventPage.can_create_at(legal)
    assert not EventPage.can_create_at(legal.get_parent())


class EventPageTreeTests(WagtailPageTestCase):
    def test_event_pages_belong_only_under_workspaces(self):
        self.assertAllowedParentPageTypes(EventPage, {WorkspacePage})
        self.assertCanCreateAt(WorkspacePage, EventPage)
