import datetime
import zoneinfo

import pytest
from django.utils import timezone, translation

from workspaces.events.models import EventPage
from workspaces.models import Membership, Role, WorkspaceIndexPage, WorkspacePage
from workspaces.provisioning import staff_group

DAMASCUS = zoneinfo.ZoneInfo("Asia/Damascus")


@pytest.fixture(autouse=True)
def _english():
    """Addresses reversed here carry /en/, so pages show the interface's source strings."""
    with translation.override("en"):
        yield


def make_workspace(index, slug, title, **fields):
    today = timezone.localdate()
    workspace = WorkspacePage(
        slug=slug,
        title=title,
        theme=title,
        term_start=today - datetime.timedelta(days=10),
        term_end=today + datetime.timedelta(days=80),
        **fields,
    )
    index.add_child(instance=workspace)
    workspace.save_revision().publish()
    workspace.sync_access()
    return workspace


@pytest.fixture
def people(django_user_model):
    def person(username, **fields):
        # English, so feeds (written in each person's language) show the source strings.
        fields.setdefault("preferred_language", "en")
        return django_user_model.objects.create_user(
            username=username, password="pass", email=f"{username}@example.org", **fields
        )

    staff = person("staff_person", display_name="Daniel Weber", time_zone="Europe/Zurich")
    staff.groups.add(staff_group())
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
    index = WorkspaceIndexPage.provision()
    legal = make_workspace(index, "legal", "Legal and constitutional")
    electoral = make_workspace(index, "electoral", "Electoral")
    Membership.objects.create(user=people["creator"], workspace=legal, role=Role.MEMBER)
    Membership.objects.create(user=people["member"], workspace=legal, role=Role.RAPPORTEUR)
    Membership.objects.create(user=people["other_group"], workspace=electoral, role=Role.MEMBER)
    return {"legal": legal, "electoral": electoral}


@pytest.fixture
def plan_event(workspaces, people):
    def plan(workspace="legal", owner="creator", starts_in=datetime.timedelta(days=2), **fields):
        start = fields.pop("start", timezone.now() + starts_in)
        values = {
            "title": "Group meeting",
            "description": "Read the draft first.",
            "start": start,
            "end": start + datetime.timedelta(hours=1),
            "time_zone": "Asia/Damascus",
            "online": True,
        }
        values.update(fields)
        return EventPage.create(workspaces[workspace], author=people[owner], **values)

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
