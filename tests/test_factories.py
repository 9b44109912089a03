"""The builders' shortcuts leave the state the application's own paths would leave."""

from wagtail.models import CollectionViewRestriction, PageViewRestriction

from tests.factories import add_member, make_user, make_workspace
from workspaces.models import Role, WorkspacePage


def derived_state(workspace):
    """What `sync_access` derives for `workspace`, named so two workspaces can be compared."""
    workspace.refresh_from_db()

    def groups(restriction):
        names = {
            "own" if group == workspace.group else group.name for group in restriction.groups.all()
        }
        return restriction.restriction_type, names

    return {
        "people": set(workspace.group.user_set.values_list("username", flat=True)),
        "pages": [groups(r) for r in PageViewRestriction.objects.filter(page=workspace)],
        "files": [
            groups(r)
            for r in CollectionViewRestriction.objects.filter(collection=workspace.collection)
        ],
        "drift": workspace.access_drift(),
    }


def test_a_workspace_built_with_members_is_as_adding_each_member_leaves_it(db):
    roles = {
        make_user("one"): Role.MEMBER,
        make_user("two"): Role.RAPPORTEUR,
        make_user("three"): Role.OFFICER,
    }
    guest = make_user("guest")

    built = make_workspace("built", members=roles)
    by_hand = make_workspace("by-hand")
    for user, role in roles.items():
        add_member(by_hand, user, role)
    shared_built = make_workspace(
        "shared-built", kind=WorkspacePage.Kind.SHARED, admits=[built], members={guest: Role.MEMBER}
    )
    shared_by_hand = make_workspace("shared-by-hand", kind=WorkspacePage.Kind.SHARED)
    shared_by_hand.admits.set([by_hand])
    shared_by_hand.save_revision().publish()
    add_member(shared_by_hand, guest)

    assert derived_state(built) == derived_state(by_hand)
    assert derived_state(shared_built) == derived_state(shared_by_hand)
    assert derived_state(shared_built)["people"] == {"one", "two", "three", "guest"}
    assert derived_state(built)["drift"] == []
