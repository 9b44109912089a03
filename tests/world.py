"""Worlds of demo data seeded once per test session and shared by the tests that ask for them.

The demo world, as `seed_demo` builds it, serves only the suites that need the whole world (the
access matrix, the public-leak and admin walks, routing, the query budget, seed idempotence):
they ask for the `world` fixture (or `seeded_world` directly). A folder may declare a smaller
world of its own the same way (the drafts tests do, tests/workspaces/drafts/conftest.py).

The first test that asks for a world seeds it inside a transaction that stays open; every test
nests its own transaction in it and rolls back to the seeded state. tests/conftest.py runs the
tests of each world together, before all other tests, and rolls each world back right after the
last of its tests, so every other test starts from an empty database and live-server tests,
which need committed data, never meet an open transaction. Under pytest-xdist each worker seeds
its own worlds in its own test database.

This module touches the test database only through the builders and the transaction around
them.
"""

import io
import sys
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client

DEMO_PASSWORD = "workspace-tests-pass"


class SessionWorld:
    """One world of this process, open (seeded, uncommitted) or closed.

    `fixture`: the session fixture that holds it open; a test whose fixtures include it is one
    of this world's tests. Worlds are run in the order they were declared.
    """

    declared = []

    def __init__(self, fixture, build):
        self.fixture = fixture
        self._build = build
        self._atomic = None
        self._blocker = None
        # How many times the world was seeded: caches of ids taken from it key on this.
        self.generation = 0
        SessionWorld.declared.append(self)

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
                self._build()
            except BaseException:
                atomic.__exit__(*sys.exc_info())
                raise
        self._atomic = atomic
        self.generation += 1

    def session_fixture(self, doc):
        """The session fixture named `self.fixture` that holds this world open: assign it to a
        module-level name in a conftest (`seeded_team = TEAM_WORLD.session_fixture("…")`)."""

        def hold(django_db_setup, django_db_blocker):
            self.open(django_db_blocker)
            yield self
            self.close()

        hold.__doc__ = doc
        return pytest.fixture(scope="session", name=self.fixture)(hold)

    def reopen(self):
        """Seed again when this world's test follows other tests (only if ever opened before)."""
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

    @classmethod
    def of(cls, item):
        """The world the test `item` runs in, or None."""
        names = getattr(item, "fixturenames", ())
        return next((world for world in cls.declared if world.fixture in names), None)

    @classmethod
    def rank(cls, item):
        """Where `item` runs: the worlds' tests in order, then every other test."""
        world = cls.of(item)
        return cls.declared.index(world) if world else len(cls.declared)


def seed_demo():
    call_command("seed_demo", password=DEMO_PASSWORD, force=True, stdout=io.StringIO())


SESSION_WORLD = SessionWorld("seeded_world", seed_demo)


@dataclass
class World:
    users: dict
    workspaces: dict
    planted: dict = field(default_factory=dict)
    generation: int = 0

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
