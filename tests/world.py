"""The demo world as `seed_demo` builds it, seeded once per test session and shared.

Only suites that need the whole world use it (the access matrix, the public-leak and admin walks,
routing, the query budget, seed idempotence): they ask for the `world` fixture (or for
`seeded_world` directly). The first of them seeds the world inside a transaction that stays open;
every test nests its own transaction in it and rolls back to the seeded state. tests/conftest.py
runs these tests before all others and rolls the world back right after the last of them, so
every other test starts from an empty database and live-server tests, which need committed data,
never meet an open transaction. Under pytest-xdist each worker seeds its own world in its own
test database.

This module touches the test database only through `seed_demo` and the transaction around it.
"""

import io
import sys
from dataclasses import dataclass, field

from django.core.management import call_command
from django.db import transaction
from django.test import Client

DEMO_PASSWORD = "workspace-tests-pass"
# The fixture that holds the world open; any test whose fixtures include it is a world test.
FIXTURE = "seeded_world"


class SessionWorld:
    """The seeded demo world of this process, open (seeded, uncommitted) or closed."""

    def __init__(self):
        self._atomic = None
        self._blocker = None
        # How many times the world was seeded: caches of ids taken from it key on this.
        self.generation = 0

    @property
    def is_open(self):
        return self._atomic is not None

    def open(self, blocker=None):
        """Seed the world unless it is open already. `blocker`: pytest-django's database gate."""
        self._blocker = blocker or self._blocker
        if self.is_open:
            return
        with self._blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
            try:
                call_command("seed_demo", password=DEMO_PASSWORD, force=True, stdout=io.StringIO())
            except BaseException:
                atomic.__exit__(*sys.exc_info())
                raise
        self._atomic = atomic
        self.generation += 1

    def reopen(self):
        """Seed again when a world test follows other tests (only if ever opened before)."""
        if self._blocker is not None:
            self.open()

    def close(self):
        """Roll the world back, leaving the database as migrations made it."""
        if not self.is_open:
            return
        atomic, self._atomic = self._atomic, None
        with self._blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


SESSION_WORLD = SessionWorld()


def needs_world(item):
    return FIXTURE in getattr(item, "fixturenames", ())


@dataclass
class World:
    users: dict
    workspaces: dict
    planted: dict = field(default_factory=dict)
    generation: int = 0

    @classmethod
    def load(cls):
        from accounts.demo import DEMO_USERS
        from accounts.models import User
        from workspaces.models import WorkspacePage

        users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERS)}
        users["outsider"] = User.objects.create_user(
            "outsider", password=DEMO_PASSWORD, display_name="زائر مسجّل"
        )
        workspaces = {page.slug: page for page in WorkspacePage.objects.all()}
        return cls(users=users, workspaces=workspaces, generation=SESSION_WORLD.generation)

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
