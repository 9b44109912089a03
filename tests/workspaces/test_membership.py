"""Memberships are the one source of access; Wagtail's group, restriction and collection follow."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from workspaces.models import Membership, Role, WorkspaceIndexPage, WorkspacePage
from workspaces.provisioning import staff_group

from .discovery import addresses

WORKSPACE_LIST = "/ar/workspaces/"


def drift(world, *extra):
    """Every workspace's differences between memberships and derived state, by slug."""
    pages = list(WorkspacePage.objects.all()) + list(extra)
    return {page.slug: problems for page in pages if (problems := page.access_drift())}


def status(world, username, slug, suffix=""):
    return world.client(username).get(f"/ar/workspaces/{slug}/{suffix}").status_code


def listed(world, username):
    """Titles on the person's list of workspaces."""
    content = world.client(username).get(WORKSPACE_LIST).content.decode()
    return {page.title for page in WorkspacePage.objects.all() if page.title in content}


def test_the_demo_world_is_in_line(world):
    assert drift(world) == {}


def test_a_new_workspace_is_closed_to_everyone_but_staff_from_the_start(world):
    index = WorkspaceIndexPage.objects.get()
    today = timezone.localdate()
    workspace = WorkspacePage(
        title="مجموعة العمل الخاصة بالحماية",
        slug="protection",
        theme="الحماية",
        term_start=today,
        term_end=today + datetime.timedelta(days=100),
    )
    index.add_child(instance=workspace)
    workspace.save_revision().publish()
    workspace.refresh_from_db()

    assert drift(world) == {}
    restriction = PageViewRestriction.objects.get(page=workspace)
    assert set(restriction.groups.all()) == {workspace.group, staff_group()}
    assert not workspace.group.user_set.exists()
    assert status(world, "staff", "protection") == 200
    for username in ("member_legal", "outsider", "editor"):
        assert status(world, username, "protection") == 404
    assert status(world, None, "protection") == 302


def test_a_member_added_enters_and_sees_the_workspace_listed(world):
    assert status(world, "outsider", "legal-constitutional") == 404
    Membership.objects.create(
        user=world.users["outsider"], workspace=world.workspaces["legal-constitutional"]
    )
    assert drift(world) == {}
    # A newcomer reads and accepts the code of conduct first.
    client = world.client("outsider")
    first = client.get("/ar/workspaces/legal-constitutional/")
    assert first.status_code == 302
    assert first["Location"].startswith("/ar/workspaces/code-of-conduct/?next=")
    client.post("/ar/workspaces/code-of-conduct/", {"accept": "yes"})
    assert status(world, "outsider", "legal-constitutional") == 200
    # A member of a group is admitted to the shared spaces that admit the group.
    assert status(world, "outsider", "women-advisory-board-shared") == 200
    assert listed(world, "outsider") == {
        world.workspaces["legal-constitutional"].title,
        world.workspaces["women-advisory-board-shared"].title,
    }


def test_a_member_removed_is_out_everywhere_the_membership_led(world):
    Membership.objects.get(user=world.users["member_legal"]).delete()
    assert drift(world) == {}
    assert status(world, "member_legal", "legal-constitutional") == 404
    assert status(world, "member_legal", "women-advisory-board-shared") == 404
    assert listed(world, "member_legal") == set()


@pytest.mark.parametrize("state", [Membership.State.BLOCKED, Membership.State.LEFT])
def test_a_blocked_or_departed_member_gets_404_for_every_address(world, state):
    membership = Membership.objects.get(user=world.users["member_legal"])
    membership.state = state
    membership.save()
    assert drift(world) == {}
    found, _problems = addresses(world.workspaces["legal-constitutional"])
    client = world.client("member_legal")
    inside = [address for address in found if address.workspace]
    assert inside
    assert {address.url: client.get(address.url).status_code for address in inside} == {
        address.url: 404 for address in inside
    }
    # Their group no longer admits them to the shared space either.
    assert status(world, "member_legal", "women-advisory-board-shared") == 404


def test_a_warned_member_still_enters(world):
    membership = Membership.objects.get(user=world.users["member_legal"])
    membership.state = Membership.State.WARNED
    membership.save()
    assert drift(world) == {}
    assert status(world, "member_legal", "legal-constitutional") == 200


def test_blocked_in_a_shared_space_stays_out_though_the_group_is_admitted(world):
    shared = world.workspaces["women-advisory-board-shared"]
    Membership.objects.create(
        user=world.users["member_legal"], workspace=shared, state=Membership.State.BLOCKED
    )
    assert drift(world) == {}
    assert status(world, "member_legal", "women-advisory-board-shared") == 404
    assert shared.access_for(world.users["member_legal"]).can_view is False
    assert status(world, "member_legal", "legal-constitutional") == 200


def test_a_new_role_shows_on_the_members_page_and_changes_the_rights(world):
    membership = Membership.objects.get(user=world.users["member_legal"])
    legal = world.workspaces["legal-constitutional"]
    assert legal.access_for(world.users["member_legal"]).can_post
    membership.role = Role.OFFICER
    membership.save()
    assert drift(world) == {}
    access = legal.access_for(world.users["member_legal"])
    assert (access.role, access.can_post, access.can_moderate) == (Role.OFFICER, False, True)
    page = world.client("member_legal").get("/ar/workspaces/legal-constitutional/members/")
    assert f'badge--{Role.OFFICER}">' in page.content.decode()


def test_admitting_a_group_to_a_shared_space_and_removing_it(world):
    shared = world.workspaces["women-advisory-board-shared"]
    electoral = world.workspaces["electoral"]

    shared.admits.remove(electoral)
    shared.save_revision().publish()
    assert drift(world) == {}
    assert status(world, "member_electoral", "women-advisory-board-shared") == 404
    assert status(world, "member_legal", "women-advisory-board-shared") == 200

    shared.admits.add(electoral)
    shared.save_revision().publish()
    assert drift(world) == {}
    assert status(world, "member_electoral", "women-advisory-board-shared") == 200


def test_leaving_the_group_closes_the_shared_space_too(world):
    membership = Membership.objects.get(user=world.users["member_electoral"])
    assert status(world, "member_electoral", "women-advisory-board-shared") == 200
    membership.state = Membership.State.LEFT
    membership.left_at = timezone.now()
    membership.save()
    assert drift(world) == {}
    assert status(world, "member_electoral", "women-advisory-board-shared") == 404
    assert status(world, "member_electoral", "electoral") == 404


def test_staff_see_and_enter_every_workspace(world):
    assert listed(world, "staff") == {page.title for page in WorkspacePage.objects.all()}
    for slug in world.workspaces:
        assert status(world, "staff", slug) == 200
        assert status(world, "staff", slug, "members/") == 200


def test_the_list_and_the_rule_agree_for_every_person_and_workspace(world):
    for username, user in world.users.items():
        allowed = set(WorkspacePage.objects.for_user(user))
        for workspace in world.workspaces.values():
            access = workspace.access_for(user)
            assert (workspace in allowed) == access.can_view, (username, workspace.slug)
        assert listed(world, username) == {page.title for page in allowed}, username


def test_no_workspace_address_lets_a_member_add_or_remove_members(world):
    """Staff manage memberships in the admin; the workspace itself offers no way to."""
    legal = world.workspaces["legal-constitutional"]
    before = set(Membership.objects.values_list("pk", "user_id", "workspace_id", "role", "state"))
    client = world.client("rapporteur_legal")
    candidate = world.users["outsider"]
    removable = Membership.objects.get(user=world.users["member_legal"])
    found, _problems = addresses(legal)
    for address in found:
        for data in (
            {"user": candidate.pk, "username": candidate.username, "role": Role.MEMBER},
            {"membership": removable.pk, "user": removable.user_id, "action": "remove"},
        ):
            client.post(address.url, data)
    after = set(Membership.objects.values_list("pk", "user_id", "workspace_id", "role", "state"))
    assert after == before
    page = client.get("/ar/workspaces/legal-constitutional/members/").content.decode()
    assert "<form" not in page.split("<main", 1)[1].split("</main>", 1)[0]


def test_role_names_agree_with_the_gender_a_member_gives(client, db, compiled_catalogues):
    from bs4 import BeautifulSoup

    from tests.factories import adopt_code_of_conduct, make_user, make_workspace, start_discussion

    hala = make_user("hala", display_name="هالة", gender="f")
    yusuf = make_user("yusuf", display_name="يوسف", gender="m")
    nour = make_user("nour", display_name="نور")
    make_workspace(
        "alpha", members={hala: Role.RAPPORTEUR, yusuf: Role.RAPPORTEUR, nour: Role.MEMBER}
    )
    adopt_code_of_conduct(accepted_by=[hala, yusuf, nour])
    client.cookies["cssr_language"] = "ar"

    client.force_login(nour)
    page = BeautifulSoup(client.get("/ar/workspaces/alpha/members/").content, "html.parser")
    badges = {
        item.select_one("bdi, [dir]").get_text(strip=True): item.select_one(".badge").get_text()
        for item in page.select("main li")
        if item.select_one(".badge")
    }
    assert badges == {"هالة": "مقرّرة", "يوسف": "مقرّر", "نور": "عضو"}

    # Her own role on the workspace page, and the badge beside her name in a thread.
    client.force_login(hala)
    home = BeautifulSoup(client.get("/ar/workspaces/alpha/").content, "html.parser")
    assert "مقرّرة" in [dd.get_text(strip=True) for dd in home.select("dd")]
    discussion = start_discussion(WorkspacePage.objects.get(slug="alpha"), hala, title="نقاش")
    thread = BeautifulSoup(client.get(discussion.url).content, "html.parser")
    assert thread.select_one(".post__byline .badge--role").get_text() == "مقرّرة"
