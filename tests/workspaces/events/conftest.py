import datetime
import zoneinfo

import pytest
from django.utils import translation

from tests import factories
from tests.factories import make_user, make_workspace
from workspaces.models import Role

DAMASCUS = zoneinfo.ZoneInfo("Asia/Damascus")


@pytest.fixture(autouse=True)
def _english():
    """Addresses reversed here carry /en/, so pages show the interface's source strings."""
    with translation.override("en"):
        yield


@pytest.fixture
def people(db):
    def person(username, **fields):
        # English, so feeds (written in each person's language) show the source strings.
        fields.setdefault("preferred_language", "en")
        return make_user(username, password="pass", email=f"{username}@example.org", **fields)

    staff = person(
        "staff_person", staff=True, display_name="Daniel Weber", time_zone="Europe/Zurich"
    )
    return {
        "creator": person(
            "creator",
            display_name="Yusuf Ali",
            title="Constitutional lawyer",
            time_zone="Asia/Damascus",
        ),
        "member": person(
            "member", display_name="Hala Mansour", title="Researcher", time_zone="Europe/Zurich"
        ),
        "other_group": person("other_group", display_name="Reem Shami"),
        "outsider": person("outsider", display_name="Nour Qasem"),
        "staff": staff,
    }


@pytest.fixture
def workspaces(db, people):
    legal_title, electoral_title = "Legal and constitutional", "Electoral"
    legal = make_workspace(
        "legal",
        title=legal_title,
        theme=legal_title,
        members={people["creator"]: Role.MEMBER, people["member"]: Role.RAPPORTEUR},
    )
    electoral = make_workspace(
        "electoral",
        title=electoral_title,
        theme=electoral_title,
        members={people["other_group"]: Role.MEMBER},
    )
    return {"legal": legal, "electoral": electoral}


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
