"""Where signing in leads (issue 13, item 1): into the workspace of a member who has one, to the
list of workspaces for everyone else, never to the public home page."""

import pytest

from tests.factories import PASSWORD, make_user, make_workspace
from workspaces.models import Role

LOGIN = "/accounts/login/"
START = "/ar/workspaces/start/"


def sign_in(client, username):
    return client.post(LOGIN, {"username": username, "password": PASSWORD})


@pytest.fixture
def member_of_one(db):
    member = make_user("member")
    make_workspace("legal", members={member: Role.MEMBER})
    make_workspace("electoral")
    return member


def test_signing_in_without_a_destination_leads_to_the_start(client, member_of_one):
    response = sign_in(client, "member")
    assert response.status_code == 302
    assert response["Location"].endswith("/workspaces/start/")


def test_a_member_of_one_workspace_goes_straight_into_it(client, member_of_one):
    client.force_login(member_of_one)
    response = client.get(START)
    assert response.status_code == 302
    assert response["Location"] == "/ar/workspaces/legal/"
    assert "private" in response["Cache-Control"]


def test_a_member_of_several_workspaces_chooses_among_them(client, member_of_one):
    from workspaces.models import Membership, WorkspacePage

    Membership.objects.create(
        user=member_of_one, workspace=WorkspacePage.objects.get(slug="electoral")
    )
    client.force_login(member_of_one)
    assert client.get(START)["Location"] == "/ar/workspaces/"


@pytest.mark.parametrize("staff", [False, True], ids=["outsider", "staff"])
def test_people_without_exactly_one_workspace_see_the_list(client, member_of_one, staff):
    client.force_login(make_user("someone", staff=staff))
    assert client.get("/en/workspaces/start/")["Location"] == "/en/workspaces/"


def test_anonymous_visitors_are_sent_to_sign_in_first(client, db):
    response = client.get(START)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{LOGIN}?next=")
