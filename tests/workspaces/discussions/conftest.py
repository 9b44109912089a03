from types import SimpleNamespace

import pytest
from django.test import Client

from accounts.models import User
from tests.factories import make_user, make_workspace
from tests.world import SessionWorld
from workspaces.models import Role, WorkspacePage


def build_team():
    """One working group with every role, a second group with its own member, and staff."""
    people = {
        name: make_user(name)
        for name in ("member", "rapporteur", "officer", "focal", "other_member", "outsider")
    }
    people["staff"] = make_user("staff", staff=True)
    make_workspace(
        "alpha",
        members={
            people["member"]: Role.MEMBER,
            people["other_member"]: Role.MEMBER,
            people["rapporteur"]: Role.RAPPORTEUR,
            people["officer"]: Role.OFFICER,
            people["focal"]: Role.FOCAL_POINT,
        },
    )
    make_workspace("beta", members={people["outsider"]: Role.MEMBER})


# Seeded once per session and rolled back to by every test (tests/world.py).
TEAM_WORLD = SessionWorld("seeded_team", build_team)


seeded_team = TEAM_WORLD.session_fixture(
    "The discussion and moderation tests' team, seeded once per session."
)


@pytest.fixture
def team(seeded_team, db):
    """`workspace` (alpha), `elsewhere` (beta) and the people by name, fetched afresh."""
    workspaces = {page.slug: page for page in WorkspacePage.objects.all()}
    return SimpleNamespace(
        workspace=workspaces["alpha"],
        elsewhere=workspaces["beta"],
        **{user.username: user for user in User.objects.all()},
    )


@pytest.fixture
def login(client):
    """Sign `client` (or a new client) in as `user`; returns the client."""

    def sign_in(user, fresh=False):
        chosen = Client() if fresh else client
        chosen.force_login(user)
        return chosen

    return sign_in
