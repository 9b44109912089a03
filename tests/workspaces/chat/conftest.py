from types import SimpleNamespace

import pytest

from accounts.models import User
from tests.factories import adopt_code_of_conduct, make_user, make_workspace
from tests.world import SessionWorld
from workspaces.chat.models import Conversation
from workspaces.models import Role, WorkspacePage

ALPHA_ROLES = {
    "member": Role.MEMBER,
    "other_member": Role.MEMBER,
    "third_member": Role.MEMBER,
    "newcomer": Role.MEMBER,
    "rapporteur": Role.RAPPORTEUR,
    "officer": Role.OFFICER,
    "focal": Role.FOCAL_POINT,
}


def build_chat_world():
    """A working group with every role (its room made), a second group with its own member,
    staff; everyone but `newcomer` has accepted the code of conduct."""
    people = {name: make_user(name) for name in [*ALPHA_ROLES, "outsider"]}
    people["staff"] = make_user("staff", staff=True)
    alpha = make_workspace(
        "alpha", members={people[name]: role for name, role in ALPHA_ROLES.items()}
    )
    make_workspace("beta", members={people["outsider"]: Role.MEMBER})
    Conversation.room_of(alpha)
    adopt_code_of_conduct(accepted_by=[u for name, u in people.items() if name != "newcomer"])


CHAT_WORLD = SessionWorld("seeded_chat_world", build_chat_world)

seeded_chat_world = CHAT_WORLD.session_fixture("The chat tests' world, seeded once per session.")


@pytest.fixture
def team(seeded_chat_world, db):
    """`workspace` (alpha), `elsewhere` (beta), `room`, and the people by name."""
    workspaces = {page.slug: page for page in WorkspacePage.objects.all()}
    return SimpleNamespace(
        workspace=workspaces["alpha"],
        elsewhere=workspaces["beta"],
        room=Conversation.objects.get(kind=Conversation.Kind.ROOM),
        **{user.username: user for user in User.objects.all()},
    )
