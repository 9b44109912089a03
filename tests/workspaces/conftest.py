"""The demo world as `seed_demo` builds it, and the people who look at it.

`seed_demo` takes seconds, so each test module builds it once, inside a transaction that every
test's own transaction nests in; the module's end rolls it all back, and the next module (or
another app's tests) starts from an empty database again.
"""

import html
import io
import json
import re
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import Client

DEMO_PASSWORD = "workspace-tests-pass"
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


@pytest.fixture(scope="module")
def _seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", password=DEMO_PASSWORD, force=True, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@dataclass
class World:
    users: dict
    workspaces: dict
    planted: dict = field(default_factory=dict)

    @classmethod
    def load(cls):
        from accounts.models import User
        from demo.people import DEMO_USERS
        from workspaces.models import WorkspacePage

        users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERS)}
        users["outsider"] = User.objects.create_user(
            "outsider", password=DEMO_PASSWORD, display_name="زائر مسجّل"
        )
        workspaces = {page.slug: page for page in WorkspacePage.objects.all()}
        return cls(users=users, workspaces=workspaces)

    def client(self, username=None):
        """A browser of its own, signed in as `username` (anonymous for None)."""
        client = Client()
        if username is not None:
            client.force_login(self.users[username])
        return client

    def refresh(self):
        for workspace in self.workspaces.values():
            workspace.refresh_from_db()
        for user in self.users.values():
            user.refresh_from_db()
            # The access rule caches what it learnt about a user on the object.
            for cached in ("_is_platform_staff", "_accepted_code_of_conduct"):
                user.__dict__.pop(cached, None)


@pytest.fixture
def world(_seeded, db):
    """Demo users (plus `outsider`, signed up but in no workspace) and workspaces by slug."""
    return World.load()


def without_csrf_tokens(content):
    """Two renderings of one page differ only in their masked CSRF tokens."""
    return CSRF_TOKEN.sub(b"", content)


# A discussion-like page inside each workspace, and a theme of its own (the demo's themes are
# also the public working groups' themes), so that private words exist in every workspace.
PLANTED = {
    "legal-constitutional": ("نقاش داخلي حول مسودة المبادئ الدستورية", "صياغة المبادئ الدستورية"),
    "electoral": ("نقاش داخلي حول قانون الانتخابات المؤقت", "قوانين الانتخاب المؤقتة"),
    "women-advisory-board-shared": ("نقاش داخلي حول تمثيل النساء في اللجان", "تمثيل النساء"),
}


@pytest.fixture
def planted(world):
    """Staff have worked in every workspace: a page below it, a new theme, a lock on one."""
    from wagtail.models import Page

    staff = world.users["staff"]
    pages = {}
    for slug, (title, theme) in PLANTED.items():
        workspace = world.workspaces[slug]
        page = Page(title=title, slug="inner-discussion", owner=staff)
        workspace.add_child(instance=page)
        page.save_revision(user=staff, log_action=True).publish(user=staff)
        workspace.theme = theme
        workspace.save_revision(user=staff, log_action=True).publish(user=staff)
        pages[slug] = page
    shared = world.workspaces["women-advisory-board-shared"]
    shared.locked, shared.locked_by = True, staff
    shared.save(update_fields=["locked", "locked_by"])
    world.refresh()
    world.planted = pages
    return world


class Secrets:
    """Words only insiders and staff may read: titles and themes of the workspace tree.

    The public working-groups page names each group and its theme on purpose, and a group's
    workspace carries the same name; those words are public and left out.
    """

    def __init__(self):
        from wagtail.models import Page

        from workspaces.models import WorkspaceIndexPage, WorkspacePage

        index = WorkspaceIndexPage.objects.get()
        words = set(Page.objects.descendant_of(index).values_list("title", flat=True))
        words |= set(WorkspacePage.objects.values_list("theme", flat=True))
        if apps.is_installed("workinggroups"):
            group = apps.get_model("workinggroups", "WorkingGroup")
            words -= set(group.objects.values_list("name", flat=True))
            words -= set(group.objects.values_list("theme", flat=True))
        self.words = words

    def found_in(self, response, echoed=()):
        """The private words `response` shows, whatever its format.

        `echoed`: what the visitor typed (a search query), which the page may repeat back.
        """
        body = b"".join(response) if response.streaming else response.content
        text = body.decode(errors="replace")
        if response.get("Content-Type", "").startswith("application/json"):
            text = json.dumps(json.loads(text), ensure_ascii=False)
        text = html.unescape(text)
        for typed in echoed:
            text = text.replace(typed, "")
        return sorted(word for word in self.words if word in text)
