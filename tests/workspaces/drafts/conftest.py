"""The world drafts live in: demo users, public working groups, workspaces and their drafts.

Seeded once per test session like the demo world, and run as a block of its own
(tests/world.py): every test's transaction nests in it, and the world is rolled back after the
last drafts test, so other tests start from an empty database.
"""

import re
from dataclasses import dataclass

import pytest
from django.test import Client

from tests.world import SessionWorld

PASSWORD = "drafts-tests-pass"
BASE_REVISION = re.compile(r'name="base_revision" value="(\d+)"')


def build_world():
    from demo.drafts import create_drafts
    from demo.home import create_home_pages
    from demo.people import create_users
    from demo.workinggroups import create_working_groups
    from demo.workspaces import create_workspaces

    users = create_users(PASSWORD)
    create_working_groups(create_home_pages())
    create_workspaces(users)
    create_drafts(users)


DRAFTS_WORLD = SessionWorld("seeded_drafts_world", build_world)


seeded_drafts_world = DRAFTS_WORLD.session_fixture("The drafts' world, seeded once per session.")


@dataclass
class World:
    users: dict
    workspaces: dict

    def client(self, username=None):
        client = Client()
        if username is not None:
            client.force_login(self.users[username])
        return client

    def draft(self, slug):
        from workspaces.drafts.models import DraftPage

        return DraftPage.objects.get(slug=slug)


@pytest.fixture
def world(seeded_drafts_world, db):
    from accounts.models import User
    from demo.people import DEMO_USERS
    from workspaces.models import WorkspacePage

    users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERS)}
    users["outsider"] = User.objects.create_user(
        "outsider", password=PASSWORD, display_name="زائر مسجّل", title="مراقب مستقل"
    )
    workspaces = {page.slug: page for page in WorkspacePage.objects.all()}
    return World(users=users, workspaces=workspaces)


def base_revision(response):
    """The revision an edit form says it was loaded from."""
    return int(BASE_REVISION.search(response.content.decode()).group(1))


def edit_url(draft):
    from django.urls import reverse

    return reverse("workspaces:drafts:edit", args=[draft.workspace.slug, draft.pk])
