"""The gate's query, compiled once and asked with each request's slug, user and time
(`workspaces.access.access_to`), answers exactly as the access rule asked through the ORM."""

import pytest

from tests.factories import adopt_code_of_conduct, make_user
from workspaces.access import access_to
from workspaces.models import Membership, WorkspacePage


def answer(access):
    if access is None:
        return None
    return (
        access.workspace.pk,
        access.role,
        access.is_staff,
        access.needs_code_of_conduct,
        access.can_view,
        access.can_post,
        access.can_moderate,
    )


def test_every_person_gets_the_same_answer_from_the_compiled_gate_as_from_the_rule(world):
    # Someone blocked in one group, and a code of conduct nobody but staff accepted yet.
    blocked = world.users["member_electoral"]
    Membership.objects.filter(user=blocked).update(state=Membership.State.BLOCKED)
    adopt_code_of_conduct(accepted_by=[world.users["staff"]])
    superuser = make_user("root", staff=True)
    superuser.is_superuser = True
    superuser.save()
    people = [*world.users.values(), superuser]
    checked = 0
    for workspace in WorkspacePage.objects.live():
        for person in people:
            for navigation in (True, False):
                compiled = access_to(workspace.slug, person, navigation=navigation)
                from_rule = WorkspacePage.objects.get(pk=workspace.pk).access_for(person)
                assert answer(compiled) == answer(from_rule), (workspace.slug, person.username)
                checked += 1
    assert checked > 50
    assert access_to("no-such-workspace", superuser) is None


@pytest.mark.parametrize("navigation", [True, False])
def test_the_time_asked_about_is_the_request_s(world, navigation):
    """A code of conduct published a moment ago is in force for the next request."""
    member = world.users["member_legal"]
    assert not access_to("legal-constitutional", member, navigation).needs_code_of_conduct
    adopt_code_of_conduct("<p>نص جديد</p>")
    assert access_to("legal-constitutional", member, navigation).needs_code_of_conduct
