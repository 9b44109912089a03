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


def test_the_welcome_page_shows_the_newcomer_their_name_groups_calendar_and_help(
    client, member_of_one, compiled_catalogues
):
    from workspaces.models import Membership, WorkspacePage

    officer = make_user("officer", display_name="رامي الحسن")
    Membership.objects.create(
        user=officer, workspace=WorkspacePage.objects.get(slug="legal"), role=Role.OFFICER
    )
    client.force_login(member_of_one)
    response = client.get("/ar/workspaces/welcome/?next=/ar/workspaces/legal/members/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    html = response.content.decode()
    assert "member name" in html  # how others see them
    assert 'href="/ar/workspaces/legal/members/"' in html  # who is in the group
    assert "electoral" not in html  # a workspace they are not in
    assert 'id="calendar-feed-url"' in html  # their calendar address, ready to copy
    assert "رامي الحسن" in html  # whom to ask
    assert 'class="button" href="/ar/workspaces/legal/members/"' in html  # and on


def test_a_member_accepting_a_new_version_goes_straight_on(client, member_of_one):
    from tests.factories import adopt_code_of_conduct

    adopt_code_of_conduct(accepted_by=[member_of_one])
    adopt_code_of_conduct("<p>نسخة ثانية</p>")
    client.force_login(member_of_one)
    response = client.post(
        "/ar/workspaces/code-of-conduct/", {"accept": "yes", "next": "/ar/workspaces/legal/"}
    )
    assert response["Location"] == "/ar/workspaces/legal/"


def test_renewing_the_calendar_address_from_the_calendar_leads_back_there(client, member_of_one):
    client.force_login(member_of_one)
    calendar = "/ar/workspaces/legal/calendar/"
    assert 'id="calendar-feed-url"' in client.get(calendar).content.decode()
    response = client.post("/calendar/address/new/", {"next": f"{calendar}#calendar"})
    assert response["Location"] == f"{calendar}#calendar"
    # Anywhere else is not followed.
    response = client.post("/calendar/address/new/", {"next": "https://elsewhere.example/"})
    assert response["Location"] == "/accounts/profile/#calendar"
