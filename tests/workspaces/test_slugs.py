"""Every page a member creates takes its slug by one rule: from its title in the title's own
script, unique below the workspace, and never a name one of the workspace's routes answers to
(a page there could not be opened)."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_user, make_workspace, start_discussion
from workspaces.drafts.models import DraftPage, Kind
from workspaces.events.models import EventPage
from workspaces.models import Role
from workspaces.slugs import RESERVED

from .discovery import routes

# The workspace's own page and the catch-all that serves the tree below it.
TREE_ROUTES = {"workspaces:workspace", "workspaces:subpage"}


def test_the_reserved_names_are_exactly_the_first_segments_of_the_workspace_routes():
    segments = set()
    for route in routes():
        if not route.in_workspace or route.name in TREE_ROUTES:
            continue
        url = reverse(
            route.name, kwargs={name: "ws" if name == "slug" else "1" for name in route.kwargs}
        )
        segments.add(url.split("/workspaces/ws/", 1)[1].split("/", 1)[0])
    assert segments == set(RESERVED)


def start_draft(workspace, user, title):
    return DraftPage.create(workspace, author=user, title=title, kind=Kind.TEXT)


def plan_event(workspace, user, title):
    start = timezone.make_aware(datetime.datetime(2031, 3, 4, 17, 0))
    return EventPage.create(
        workspace,
        author=user,
        title=title,
        description="",
        start=start,
        end=start + datetime.timedelta(hours=1),
        time_zone="Asia/Damascus",
        online=True,
    )


def discuss(workspace, user, title):
    return start_discussion(workspace, user, title=title)


CREATORS = {"draft": start_draft, "event": plan_event, "discussion": discuss}


@pytest.fixture
def team(db):
    member = make_user("member")
    workspace = make_workspace("alpha", members={member: Role.MEMBER})
    client = Client()
    client.force_login(member)
    return workspace, member, client


@pytest.mark.parametrize("kind", CREATORS)
def test_a_page_named_like_a_route_gets_a_slug_of_its_own_and_opens(team, kind):
    workspace, member, client = team
    for word in RESERVED:
        title = word.capitalize()
        page = CREATORS[kind](workspace, member, title)
        assert page.slug not in RESERVED, page.slug
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert title in response.content.decode()


@pytest.mark.parametrize("kind", CREATORS)
def test_an_arabic_title_gives_an_arabic_slug(team, kind):
    workspace, member, client = team
    first = CREATORS[kind](workspace, member, "ضمانات استقلال القضاء")
    second = CREATORS[kind](workspace, member, "ضمانات استقلال القضاء")
    assert first.slug.endswith("ضمانات-استقلال-القضاء")
    assert second.slug == f"{first.slug}-2"
    for page in (first, second):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "ضمانات استقلال القضاء" in response.content.decode()
