import pytest

from accounts.models import User
from tests import factories
from tests.factories import (
    adopt_code_of_conduct,
    make_user,
    make_workspace,
    store_file,
)
from tests.world import SessionWorld
from workspaces.models import Role, WorkspacePage

# The demo's usernames, so each test reads as the demo world would: {username: role in legal}.
LEGAL_ROLES = {
    "member_legal": Role.MEMBER,
    "member_new": Role.MEMBER,
    "rapporteur_legal": Role.RAPPORTEUR,
    "officer_legal": Role.OFFICER,
    "focal_legal": Role.FOCAL_POINT,
}


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Each test stores into its own empty folder, so what it leaves behind can be counted."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture
def stored_files(private_media):
    def listing():
        if not private_media.exists():
            return []
        return sorted(
            str(p.relative_to(private_media)) for p in private_media.rglob("*") if p.is_file()
        )

    return listing


def build_world():
    """The demo's two working groups and shared space, with the people the file tests ask for
    by the demo's usernames: every role in legal, a member of each other space, staff and an
    outsider. All but `member_new` have accepted the code of conduct."""
    users = {name: make_user(name) for name in LEGAL_ROLES}
    users |= {name: make_user(name) for name in ("member_electoral", "wab_member", "outsider")}
    users["staff"] = make_user("staff", staff=True)
    legal = make_workspace(
        "legal-constitutional",
        members={users[name]: role for name, role in LEGAL_ROLES.items()},
    )
    electoral = make_workspace("electoral", members={users["member_electoral"]: Role.MEMBER})
    make_workspace(
        "women-advisory-board-shared",
        kind=WorkspacePage.Kind.SHARED,
        admits=[legal, electoral],
        members={users["wab_member"]: Role.MEMBER},
    )
    adopt_code_of_conduct(
        accepted_by=[user for name, user in users.items() if name != "member_new"]
    )


# Seeded once per session and rolled back to by every test (tests/world.py): building three
# workspaces for each of some seventy tests took most of their time.
FILES_WORLD = SessionWorld("seeded_files_world", build_world)


seeded_files_world = FILES_WORLD.session_fixture("The file tests' world, seeded once per session.")


@pytest.fixture
def world(seeded_files_world, db):
    """{"users": {username: user}, "workspaces": {slug: workspace}}, fetched afresh."""
    return {
        "users": {user.username: user for user in User.objects.all()},
        "workspaces": {page.slug: page for page in WorkspacePage.objects.all()},
    }


@pytest.fixture
def legal(world):
    return world["workspaces"]["legal-constitutional"]


@pytest.fixture
def start_discussion(world):
    def start(workspace, title="نقاش", author="member_legal"):
        return factories.start_discussion(
            workspace, world["users"][author], title=title, body="نص النقاش"
        )

    return start


@pytest.fixture
def make_file(world):
    def make(workspace, name="paper.pdf", data=None, user=None, **kwargs):
        return store_file(workspace, user or world["users"]["member_legal"], name, data, **kwargs)

    return make
