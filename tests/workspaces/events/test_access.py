"""Every calendar address of a workspace, for everyone who might try it.

Anonymous visitors are sent to sign in; signed-in people outside the workspace, members of
another group included, get the same 404 as for an address that does not exist.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page

from workspaces.events.models import EventAnswer

# Cancelling comes last: it changes the event the others are tried on.
ADDRESSES = [
    ("page", "get"),
    ("workspaces:events:ics", "get"),
    ("workspaces:events:answer", "post"),
    ("workspaces:events:list", "get"),
    ("workspaces:events:month", "get"),
    ("workspaces:events:new", "get"),
    ("workspaces:events:edit", "get"),
    ("workspaces:events:cancel", "post"),
]


def address(name, event):
    if name == "page":
        return event.url
    workspace_slug = event.get_parent().slug
    if name in {"workspaces:events:list", "workspaces:events:month", "workspaces:events:new"}:
        return reverse(name, args=[workspace_slug])
    return reverse(name, args=[workspace_slug, event.pk])


def request(client, method, url):
    data = {"answer": EventAnswer.Answer.GOING} if method == "post" else None
    return getattr(client, method)(url, data)


def test_anonymous_visitors_are_sent_to_sign_in(client, event):
    for name, method in ADDRESSES:
        response = request(client, method, address(name, event))

        assert response.status_code == 302, name
        assert response["Location"].startswith("/accounts/login/"), name


@pytest.mark.parametrize("who", ["outsider", "other_group"])
def test_people_outside_the_workspace_get_404(client_for, people, event, who):
    client = client_for(people[who])
    for name, method in ADDRESSES:
        response = request(client, method, address(name, event))

        assert response.status_code == 404, name
        assert event.title not in response.content.decode(), name


def test_the_member_who_planned_the_event_may_use_every_address(client_for, people, event):
    client = client_for(people["creator"])
    for name, method in ADDRESSES:
        response = request(client, method, address(name, event))

        assert response.status_code == (302 if method == "post" else 200), name
        assert "no-store" in response["Cache-Control"], name
        if method == "post":
            assert response["Location"].startswith(event.url), name


def test_an_event_of_another_workspace_is_not_found_under_this_one(client_for, people, plan_event):
    electoral_event = plan_event(workspace="electoral", owner="other_group")
    client = client_for(people["creator"])

    for name in ("workspaces:events:ics", "workspaces:events:edit"):
        assert client.get(reverse(name, args=["legal", electoral_event.pk])).status_code == 404


def test_other_members_may_answer_but_not_edit_or_cancel(client_for, people, event):
    client = client_for(people["member"])
    slug = event.get_parent().slug

    assert client.get(event.url).status_code == 200
    assert client.get(reverse("workspaces:events:edit", args=[slug, event.pk])).status_code == 403
    assert (
        client.post(reverse("workspaces:events:cancel", args=[slug, event.pk])).status_code == 403
    )
    assert "Edit the event" not in client.get(event.url).content.decode()


def test_staff_may_edit_any_event_but_not_plan_one(client_for, people, event):
    client = client_for(people["staff"])
    slug = event.get_parent().slug

    assert client.get(reverse("workspaces:events:edit", args=[slug, event.pk])).status_code == 200
    assert client.get(reverse("workspaces:events:new", args=[slug])).status_code == 403


def test_a_closed_workspace_takes_no_new_events_or_answers(client_for, people, event):
    workspace = event.get_parent().specific
    workspace.status = workspace.Status.CLOSED
    workspace.save_revision().publish()
    client = client_for(people["creator"])

    assert client.get(reverse("workspaces:events:new", args=[workspace.slug])).status_code == 403
    client.post(
        reverse("workspaces:events:answer", args=[workspace.slug, event.pk]), {"answer": "going"}
    )
    assert not EventAnswer.objects.exists()


def test_event_pages_never_reach_public_listings(event):
    assert not Page.objects.live().public().filter(pk=event.pk).exists()
