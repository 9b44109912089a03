import datetime
import zoneinfo

import pytest
from django.utils import translation

from accounts.models import User
from tests import factories
from tests.factories import make_user, make_workspace
from tests.world import SessionWorld
from workspaces.models import Role, WorkspacePage

DAMASCUS = zoneinfo.ZoneInfo("Asia/Damascus")


@pytest.fixture(autouse=True)
def _english():
    """Addresses reversed here carry /en/, so pages show the interface's source strings."""
    with translation.override("en"):
        yield


# Who plays which part, by username.
CAST = {
    "creator": "creator",
    "member": "member",
    "other_group": "other_group",
    "outsider": "outsider",
    "staff": "staff_person",
}


def build_world():
    def person(username, **fields):
        # English, so feeds (written in each person's language) show the source strings.
        fields.setdefault("preferred_language", "en")
        return make_user(username, password="pass", email=f"{username}@example.org", **fields)

    person("staff_person", staff=True, display_name="Daniel Weber", time_zone="Europe/Zurich")
    creator = person(
        "creator",
        display_name="Yusuf Ali",
        title="Constitutional lawyer",
        time_zone="Asia/Damascus",
    )
    member = person(
        "member", display_name="Hala Mansour", title="Researcher", time_zone="Europe/Zurich"
    )
    other_group = person("other_group", display_name="Reem Shami")
    person("outsider", display_name="Nour Qasem")

    legal_title, electoral_title = "Legal and constitutional", "Electoral"
    make_workspace(
        "legal",
        title=legal_title,
        theme=legal_title,
        members={creator: Role.MEMBER, member: Role.RAPPORTEUR},
    )
    make_workspace(
        "electoral",
        title=electoral_title,
        theme=electoral_title,
        members={other_group: Role.MEMBER},
    )


# Seeded once per session and rolled back to by every test (tests/world.py).
EVENTS_WORLD = SessionWorld("seeded_events_world", build_world)


seeded_events_world = EVENTS_WORLD.session_fixture(
    "The event tests' world, seeded once per session."
)


@pytest.fixture
def people(seeded_events_world, db):
    users = User.objects.in_bulk(CAST.values(), field_name="username")
    return {part: users[username] for part, username in CAST.items()}


@pytest.fixture
def workspaces(people):
    return {page.slug: page for page in WorkspacePage.objects.all()}


@pytest.fixture
def plan_event(workspaces, people):
    def plan(workspace="legal", owner="creator", **fields):
        return factories.plan_event(workspaces[workspace], people[owner], **fields)

    return plan


@pytest.fixture
def event(plan_event):
    return plan_event(
        title="Judicial independence",
        start=datetime.datetime(2031, 3, 4, 17, 0, tzinfo=DAMASCUS),
    )


@pytest.fixture
def client_for(client):
    def signed_in(user):
        client.force_login(user)
        return client

    return signed_in
