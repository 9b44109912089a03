"""The Wagtail state derived from memberships, and the admin groups kept out of workspaces.

`Membership` (in `workspaces.models`) is the single source of truth for access. Wagtail enforces
it on its own only through state derived here and never edited by hand: a group per workspace
holding the people `WorkspacePage.people_with_access()` names, a page view restriction, a
private collection, the platform staff's group, and the workspaces index kept clear of the
permissions and workflow Wagtail gives its initial editor and moderator groups. The models call
these functions when memberships or workspaces change; this module imports no model of ours.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    WorkflowPage,
)

STAFF_GROUP_NAME = "Platform staff"
PUBLIC_COLLECTION_NAME = "Public site"
INDEX_SLUG = "workspaces"


def is_platform_staff(user):
    """Staff of the CSSR and the envoy's office who run the workspaces (not editors)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_platform_staff", None)
    if cached is None:
        cached = user.groups.filter(name=STAFF_GROUP_NAME).exists()
        user._is_platform_staff = cached
    return cached


def staff_group():
    """Platform staff enter the admin for workspaces, memberships and the code of conduct."""
    group, created = Group.objects.get_or_create(name=STAFF_GROUP_NAME)
    if created:
        codenames = [
            "access_admin",
            *(
                f"{action}_{model}"
                for action in ("add", "change", "delete", "view")
                for model in ("membership", "codeofconduct")
            ),
        ]
        group.permissions.set(Permission.objects.filter(codename__in=codenames))
    return group


@transaction.atomic
def provision_index(index_model):
    """Create the index once, and keep every non-staff admin group out of its tree.

    Wagtail's initial editor and moderator groups hold permissions on the root page and the
    root collection, which would cover the workspaces too; those are moved to the public
    trees and a public collection beside them. So is the workflow on the root page (Wagtail's
    "Moderators approval"): over the workspaces it would send their pages to the moderators.
    """
    index = index_model.objects.first()
    root = Page.get_first_root_node()
    if index is None:
        index = index_model(title="Workspaces", slug=INDEX_SLUG)
        root.add_child(instance=index)
        index.save_revision().publish()
    PageViewRestriction.objects.get_or_create(
        page=index, restriction_type=PageViewRestriction.LOGIN
    )
    staff = staff_group()
    public_trees = root.get_children().exclude(pk=index.pk)
    # Each row's group and permission are read for every copy, so they come with the rows, and
    # the rows go in one query: tests provision a fresh index in most tests, and this adds up.
    moved = GroupPagePermission.objects.filter(page=root).exclude(group=staff)
    for permission in moved.select_related("group", "permission"):
        for tree in public_trees:
            GroupPagePermission.objects.get_or_create(
                group=permission.group, page=tree, permission=permission.permission
            )
    moved.delete()
    for attached in WorkflowPage.objects.filter(page=root):
        for tree in public_trees:
            # A public tree with a workflow of its own keeps it.
            WorkflowPage.objects.get_or_create(page=tree, defaults={"workflow": attached.workflow})
        attached.delete()
    _keep_collections_apart(staff)
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        GroupPagePermission.objects.get_or_create(
            group=staff,
            page=index,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return index


def _keep_collections_apart(staff):
    """Move non-staff permissions on the root collection to a public collection beside it.

    Collection permissions reach every collection below, and each workspace's collection
    sits below the root: an editor allowed on the root would list, choose and change the
    workspaces' documents and images. The public side's files move along with the
    permissions, so editors keep everything they had.
    """
    root = Collection.get_first_root_node()
    inherited = GroupCollectionPermission.objects.filter(collection=root).exclude(group=staff)
    if not inherited.exists():
        return
    public = root.get_children().filter(name=PUBLIC_COLLECTION_NAME).first()
    if public is None:
        public = root.add_child(name=PUBLIC_COLLECTION_NAME)
    for permission in inherited.select_related("group", "permission"):
        GroupCollectionPermission.objects.get_or_create(
            group=permission.group, collection=public, permission=permission.permission
        )
    inherited.delete()
    get_document_model().objects.filter(collection=root).update(collection=public)
    get_image_model().objects.filter(collection=root).update(collection=public)


@transaction.atomic
def sync_access(workspace):
    """Bring the Wagtail group, view restriction and collection in line with memberships."""
    if workspace.group is None:
        workspace.group = Group.objects.create(
            name=f"Workspace {workspace.pk}: {workspace.slug}"[:150]
        )
    if workspace.collection is None:
        root = Collection.get_first_root_node()
        workspace.collection = root.add_child(
            name=f"Workspace {workspace.pk}: {workspace.title}"[:255]
        )
    type(workspace).objects.filter(pk=workspace.pk).update(
        group=workspace.group, collection=workspace.collection
    )
    workspace.group.user_set.set(workspace.people_with_access())
    allowed = [workspace.group, staff_group()]

    restriction = PageViewRestriction.objects.filter(page=workspace).first()
    if restriction is None or restriction.restriction_type != PageViewRestriction.GROUPS:
        PageViewRestriction.objects.filter(page=workspace).delete()
        restriction = PageViewRestriction.objects.create(
            page=workspace, restriction_type=PageViewRestriction.GROUPS
        )
    restriction.groups.set(allowed)
    # A copied page brings the original's restriction along; only this workspace's counts.
    PageViewRestriction.objects.filter(page=workspace).exclude(pk=restriction.pk).delete()

    collection_restriction = CollectionViewRestriction.objects.filter(
        collection=workspace.collection
    ).first()
    if collection_restriction is None:
        collection_restriction = CollectionViewRestriction.objects.create(
            collection=workspace.collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    collection_restriction.groups.set(allowed)

    # Shared spaces that admit this group follow its membership.
    for shared in workspace.admitted_to.all():
        sync_access(shared)


def access_drift(workspace):
    """Differences between memberships and the derived Wagtail state; empty when in line."""
    problems = []
    expected_users = set(workspace.people_with_access().values_list("pk", flat=True))
    if workspace.group is None:
        return ["no group"]
    actual_users = set(workspace.group.user_set.values_list("pk", flat=True))
    if expected_users != actual_users:
        problems.append(f"group members {sorted(actual_users)} != {sorted(expected_users)}")
    expected_groups = {workspace.group_id, staff_group().pk}
    restrictions = list(PageViewRestriction.objects.filter(page=workspace))
    restriction = restrictions[0] if len(restrictions) == 1 else None
    if restriction is None or restriction.restriction_type != PageViewRestriction.GROUPS:
        problems.append("page view restriction missing or more than one")
    elif set(restriction.groups.values_list("pk", flat=True)) != expected_groups:
        problems.append("page view restriction groups differ")
    collection_restriction = CollectionViewRestriction.objects.filter(
        collection_id=workspace.collection_id
    ).first()
    if collection_restriction is None:
        problems.append("collection view restriction missing")
    elif set(collection_restriction.groups.values_list("pk", flat=True)) != expected_groups:
        problems.append("collection view restriction groups differ")
    return problems
