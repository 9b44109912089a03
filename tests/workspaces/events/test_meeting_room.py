"""The workspace's meeting room: for members only, and prominent while an online event is on."""

import datetime
import re

import pytest

JOIN = re.compile(r'data-meeting-room="(?P<state>\w+)".*?<a [^>]*href="(?P<url>[^"]+)"', re.S)


def room(html):
    """The state of the join block and its link, or None where the page has none."""
    match = JOIN.search(html)
    return (match["state"], match["url"]) if match else None


def test_without_a_link_from_staff_each_workspace_gets_its_own_unguessable_jitsi_room(
    client_for, people, workspaces, settings
):
    settings.JITSI_BASE_URL = "https://meet.example.net/"
    legal, electoral = workspaces["legal"], workspaces["electoral"]

    state, url = room(client_for(people["member"]).get(legal.url).content.decode())

    assert state == "waiting"
    assert url == legal.meeting_room_url()
    assert url.startswith("https://meet.example.net/cssr-")
    name = url.rsplit("/", 1)[1]
    assert len(name) >= 32
    assert legal.slug not in name and str(legal.pk) != name[5:]
    assert electoral.meeting_room_url() != url


def test_a_link_set_by_staff_is_the_room(client_for, people, workspaces):
    legal = workspaces["legal"]
    legal.meeting_url = "https://zoom.example.com/j/123456789"
    legal.save_revision().publish()

    _state, url = room(client_for(people["member"]).get(legal.url).content.decode())

    assert url == "https://zoom.example.com/j/123456789"


def test_the_room_is_never_shown_outside_the_workspace(
    demo_site, client, people, workspaces, plan_event
):
    legal = workspaces["legal"]
    event = plan_event()
    secret = legal.meeting_room_url().rsplit("/", 1)[1]

    for url in (
        "/ar/",
        "/en/",
        "/sitemap.xml",
        "/en/search/?q=meeting",
        legal.url,
        event.url,
    ):
        response = client.get(url)
        assert response.status_code in (200, 302), url
        assert secret not in response.content.decode(), url
        assert event.title not in response.content.decode(), url
    for who in ("outsider", "other_group", "member"):
        client.force_login(people[who])
        for url in (legal.url, event.url):
            response = client.get(url)
            assert response.status_code == (200 if who == "member" else 404)
            assert (secret in response.content.decode()) == (who == "member"), (who, url)
        assert secret not in client.get("/en/").content.decode()


def test_workspace_pages_load_nothing_from_another_host(client_for, people, plan_event):
    event = plan_event()
    client = client_for(people["member"])

    for url in (event.get_parent().url, event.url):
        html = client.get(url).content.decode()
        assert not re.search(r'\b(?:src|srcset|data)="(?:https?:)?//', html), url
        assert not re.search(r'<link [^>]*href="(?:https?:)?//', html), url
        assert "<iframe" not in html


@pytest.mark.parametrize(
    "starts_in,state",
    [
        (datetime.timedelta(minutes=10), "open"),
        (datetime.timedelta(minutes=-30), "open"),
        (datetime.timedelta(days=2), "waiting"),
    ],
)
def test_join_button_is_prominent_from_15_minutes_before_until_the_end(
    client_for, people, plan_event, starts_in, state
):
    event = plan_event(title="Weekly call", starts_in=starts_in)
    client = client_for(people["member"])

    home = client.get(event.get_parent().url).content.decode()
    page = client.get(event.url).content.decode()

    assert room(home)[0] == state
    assert room(page)[0] == state
    assert ("On now:" in home) == (state == "open")


def test_a_cancelled_or_in_person_event_does_not_open_the_room(client_for, people, plan_event):
    in_person = plan_event(
        title="At the office",
        starts_in=datetime.timedelta(minutes=10),
        online=False,
        location="Geneva",
    )
    cancelled = plan_event(title="Called off", starts_in=datetime.timedelta(minutes=5))
    cancelled.cancel(people["creator"])
    client = client_for(people["member"])

    assert room(client.get(in_person.get_parent().url).content.decode())[0] == "waiting"
    assert room(client.get(in_person.url).content.decode()) is None
    assert room(client.get(cancelled.url).content.decode()) is None


def test_an_event_that_has_ended_offers_no_room(client_for, people, plan_event):
    event = plan_event(starts_in=-datetime.timedelta(hours=3))

    assert room(client_for(people["member"]).get(event.url).content.decode()) is None
