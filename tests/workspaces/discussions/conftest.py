from types import SimpleNamespace

import pytest
from django.test import Client

from tests.factories import make_user, make_workspace
from workspaces.models import Role


@pytest.fixture
def team(db):
    """One working group with every role, a second group with its own member, and staff."""
    people = {
        name: make_user(name)
        for name in ("member", "rapporteur", "officer", "focal", "other_member", "outsider")
    }
    people["staff"] = make_user("staff", staff=True)
    workspace = make_workspace(
        "alpha",
        members={
            people["member"]: Role.MEMBER,
            people["other_member"]: Role.MEMBER,
            people["rapporteur"]: Role.RAPPORTEUR,
            people["officer"]: Role.OFFICER,
            people["focal"]: Role.FOCAL_POINT,
        },
    )
    elsewhere = make_workspace("beta", members={people["outsider"]: Role.MEMBER})
    return SimpleNamespace(workspace=workspace, elsewhere=elsewhere, **people)


@pytest.fixture
def login(client):
    """Sign `client` (or a new client) in as `user`; returns the client."""

    def sign_in(user, fresh=False):
        chosen = Client() if fresh else client
        chosen.force_login(user)
        return chosen

    return sign_in
