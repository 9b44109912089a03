"""Builders for tests: exactly the people, pages and files a test needs, made through the models'
own creators (`DiscussionPage.start`, `EventPage.plan`, `WorkspaceFile.objects.store`) so a
test meets what members' requests would have made.

Plain functions, one per thing, with defaults a test overrides by keyword. The whole demo world,
for the suites that need all of it, is tests/world.py. Builders touch the test database only.
"""

import datetime

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import PageViewRestriction

from accounts.models import User
from demo.samples import arabic_pdf, demo_image
from updates.models import UpdateIndexPage, UpdatePage
from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.events.models import EventPage
from workspaces.files.checks import check_upload
from workspaces.files.models import WorkspaceFile
from workspaces.models import (
    CodeOfConduct,
    CodeOfConductAcceptance,
    Membership,
    Role,
    WorkspaceIndexPage,
    WorkspacePage,
)
from workspaces.provisioning import staff_group

PASSWORD = "test-pass"

# -- People and workspaces ---------------------------------------------------------------------


def make_user(username, *, staff=False, password=PASSWORD, **fields):
    """A user named `username` (display name "<username> name" unless given); `staff` joins
    the platform staff group."""
    fields.setdefault("display_name", f"{username} name")
    user = User.objects.create_user(username=username, password=password, **fields)
    if staff:
        user.groups.add(staff_group())
    return user


def workspace_index():
    """The workspaces index, provisioned the first time a test needs it.

    Provisioning re-checks every admin permission and collection on the tree, about 0.1 s each
    time. Once done in a test, nothing a builder does undoes it, and every test rolls back to a
    database without an index: finding the index is then proof enough that it is provisioned.
    """
    return WorkspaceIndexPage.objects.first() or WorkspaceIndexPage.provision()


def make_workspace(
    slug,
    *,
    members=None,
    title=None,
    theme=None,
    kind=WorkspacePage.Kind.GROUP,
    admits=(),
    status=None,
    **fields,
):
    """A live workspace with `members` ({user: role}) and its derived access in place."""
    index = workspace_index()
    today = timezone.localdate()
    workspace = WorkspacePage(
        slug=slug,
        title=title or f"Workspace {slug}",
        theme=theme or f"Theme of {slug}",
        kind=kind,
        status=status or WorkspacePage.Status.ACTIVE,
        term_start=today - datetime.timedelta(days=10),
        term_end=today + datetime.timedelta(days=80),
        **fields,
    )
    # The admitted groups are part of the page (and of its revision), saved with it.
    workspace.admits.set(admits)
    index.add_child(instance=workspace)
    # Memberships made one by one would each sync the derived access again; publishing saves
    # the page, and that save syncs access with all of them in place (tests/test_factories.py
    # checks the state is the one members added one by one would leave).
    Membership.objects.bulk_create(
        Membership(user=user, workspace=workspace, role=role)
        for user, role in (members or {}).items()
    )
    workspace.save_revision().publish()
    return workspace


def add_member(workspace, user, role=Role.MEMBER, **fields):
    """One more member, added as staff add one: saving the membership syncs access."""
    return Membership.objects.create(user=user, workspace=workspace, role=role, **fields)


def adopt_code_of_conduct(text="<p>نحترم بعضنا بعضاً.</p>", *, accepted_by=()):
    """A code of conduct in force, accepted by `accepted_by`; everyone else must accept it
    before entering a workspace."""
    code = CodeOfConduct.objects.create(text=text)
    CodeOfConductAcceptance.objects.bulk_create(
        CodeOfConductAcceptance(code=code, user=user) for user in accepted_by
    )
    return code


# -- What members make inside a workspace ------------------------------------------------------


def start_discussion(workspace, author, title="A discussion", body="Opening text", **extra):
    options = {"kind": DiscussionPage.Kind.DISCUSSION, "tags": [], **extra}
    return DiscussionPage.create(workspace, author=author, title=title, body=body, **options)


def add_replies(discussion, authors, count, *, start=None):
    """`count` replies by `authors` in turn (one user or several), a minute apart and in the
    past, at the end of the thread (the places after its last reply), then the thread's
    counters refreshed."""
    authors = authors if isinstance(authors, list | tuple) else [authors]
    start = start or timezone.now() - datetime.timedelta(days=1)
    after = discussion.last_reply_position()
    replies = [
        Reply(
            discussion=discussion,
            author=authors[number % len(authors)],
            body=f"Reply number {number}",
            created_at=start + datetime.timedelta(minutes=number),
            position=after + number + 1,
        ).derive()
        for number in range(count)
    ]
    Reply.objects.bulk_create(replies)
    discussion.refresh_activity()
    return list(discussion.replies.all())


def upload(name, data, content_type="application/octet-stream"):
    """A file as a browser would send it."""
    return SimpleUploadedFile(name, data, content_type)


def store_file(workspace, user, name="paper.pdf", data=None, **fields):
    """A file shared in `workspace` by `user`, checked as an upload is: by default a one-line
    Arabic PDF for a `.pdf` name, a picture otherwise."""
    if data is None:
        data = arabic_pdf(["ورقة عمل"]) if name.endswith(".pdf") else demo_image()
    return WorkspaceFile.create(
        workspace, author=user, upload=check_upload(upload(name, data)), **fields
    )


def plan_event(workspace, owner, *, starts_in=datetime.timedelta(days=2), **fields):
    """An hour-long online meeting `starts_in` from now (or at `start=`), planned by `owner`."""
    start = fields.pop("start", timezone.now() + starts_in)
    values = {
        "title": "Group meeting",
        "description": "Read the draft first.",
        "start": start,
        "end": start + datetime.timedelta(hours=1),
        "time_zone": "Asia/Damascus",
        "online": True,
        **fields,
    }
    return EventPage.create(workspace, author=owner, **values)


# -- Public updates ----------------------------------------------------------------------------


def add_index(home, title="التحديثات", slug="updates"):
    index = UpdateIndexPage(title=title, slug=slug, locale=home.locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_update(
    index, title, date=datetime.date(2024, 1, 1), *, tags=(), summary=None, live=True, body=()
):
    update = UpdatePage(
        title=title,
        slug=f"update-{UpdatePage.objects.count() + 1}",
        date=date,
        summary=summary or f"ملخص {title}",
        body=list(body),
        locale=index.locale,
        live=False,
    )
    update.tags.set(list(tags))
    index.add_child(instance=update)
    revision = update.save_revision()
    if live:
        revision.publish()
        update.refresh_from_db()
    return update


def restrict_with_password(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def restrict_to_group(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name=f"Readers of {page.pk}"))
    return restriction
