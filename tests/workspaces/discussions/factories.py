"""Builders for discussion and moderation tests: exactly the people and pages a test needs."""

import datetime

from django.utils import timezone

from accounts.models import User
from search.text import normalise
from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.models import Membership, Role, WorkspaceIndexPage, WorkspacePage
from workspaces.provisioning import staff_group

PASSWORD = "test-pass"


def make_user(username, *, staff=False):
    user = User.objects.create_user(
        username=username, password=PASSWORD, display_name=f"{username} name"
    )
    if staff:
        user.groups.add(staff_group())
    return user


def make_workspace(slug, *, members=None, kind=WorkspacePage.Kind.GROUP, admits=(), status=None):
    """A live workspace with `members` ({user: role}) and its derived access in place."""
    index = WorkspaceIndexPage.provision()
    today = timezone.localdate()
    workspace = WorkspacePage(
        slug=slug,
        title=f"Workspace {slug}",
        theme=f"Theme of {slug}",
        kind=kind,
        status=status or WorkspacePage.Status.ACTIVE,
        term_start=today - datetime.timedelta(days=10),
        term_end=today + datetime.timedelta(days=80),
    )
    index.add_child(instance=workspace)
    workspace.save_revision().publish()
    if admits:
        workspace.admits.set(admits)
        workspace.save()
    workspace.sync_access()
    for user, role in (members or {}).items():
        Membership.objects.create(user=user, workspace=workspace, role=role)
    return workspace


def start_discussion(workspace, author, title="A discussion", body="Opening text", **extra):
    options = {"kind": DiscussionPage.Kind.DISCUSSION, "tags": [], **extra}
    return DiscussionPage.create(
        workspace=workspace, author=author, title=title, body=body, **options
    )


def add_replies(discussion, authors, count, *, start=None):
    """`count` replies by `authors` in turn (one user or several), a minute apart and in the
    past, then the thread's counters refreshed."""
    authors = authors if isinstance(authors, list | tuple) else [authors]
    start = start or timezone.now() - datetime.timedelta(days=1)
    replies = [
        Reply(
            discussion=discussion,
            author=authors[number % len(authors)],
            body=f"Reply number {number}",
            search_text=normalise(f"Reply number {number}"),
            created_at=start + datetime.timedelta(minutes=number),
        )
        for number in range(count)
    ]
    Reply.objects.bulk_create(replies)
    discussion.refresh_activity()
    return list(discussion.replies.all())


__all__ = [
    "PASSWORD",
    "Role",
    "add_replies",
    "make_user",
    "make_workspace",
    "start_discussion",
]
