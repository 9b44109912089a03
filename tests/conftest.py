"""Fixtures every test folder shares, the session's demo world, and the order tests run in.

Order (see `pytest_collection_modifyitems`): the tests of each seeded world together (the demo
world's, then the drafts' world's: tests/world.py), so each is seeded once and rolled back once;
then the other database tests, each on an empty database; then transactional and live-server
tests (browser tests among them), which commit and flush; then tests without a database.
pytest-xdist hands tests out in this order, so each worker meets the phases in the same order.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.world import SESSION_WORLD, SessionWorld, World

REUSED_SQLITE = Path(__file__).resolve().parents[1] / "artifacts" / "test-db"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """With `--reuse-db`, SQLite keeps its test database in a file (one per xdist worker), so
    the next run skips the migrations: a single test file then runs in seconds. Without it,
    SQLite tests run in memory. PostgreSQL keeps its own test database with `--reuse-db`."""
    database = settings.DATABASES["default"]
    test = database.setdefault("TEST", {})
    if (
        request.config.getvalue("reuse_db")
        and database["ENGINE"].endswith("sqlite3")
        and not test.get("NAME")
    ):
        worker = getattr(request.config, "workerinput", {}).get("workerid", "main")
        REUSED_SQLITE.mkdir(parents=True, exist_ok=True)
        test["NAME"] = str(REUSED_SQLITE / f"test-{worker}.sqlite3")


seeded_world = SESSION_WORLD.session_fixture(
    "The demo world (tests/world.py), seeded the first time a test asks for it."
)


@pytest.fixture
def world(seeded_world, db):
    """Demo users (plus `outsider`, signed up but in no workspace) and workspaces by slug."""
    return World.load()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # pytest-django has sorted database tests before transactional ones and those before the
    # rest; a stable sort keeps that and puts each world's tests, together, ahead of everything.
    items.sort(key=SessionWorld.rank)
    for item in items:
        if SessionWorld.of(item) and {"transactional_db", "live_server"} & set(item.fixturenames):
            # A seeded world is never committed; a live server could not see it.
            raise pytest.UsageError(f"{item.nodeid} needs committed data and a seeded world")
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    needed = SessionWorld.of(item)
    for world in SessionWorld.declared:
        if world is not needed:
            world.close()
    if needed:
        needed.reopen()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # Right after a world's last test: what follows expects an empty database.
        following = SessionWorld.of(nextitem) if nextitem else None
        for world in SessionWorld.declared:
            if world is not following:
                world.close()


@pytest.fixture
def demo_site(db):
    """The bilingual home pages and the site, as `seed_demo` builds them."""
    from demo.home import create_home_pages

    return create_home_pages()


@pytest.fixture
def demo_users(db):
    from demo.people import create_users

    return create_users("demo-pass")


@pytest.fixture
def compiled_catalogues():
    call_command("compile_catalogues", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives a test's database; never let one test see another's pages."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# The Playwright fixtures (one Chromium for the whole run) are defined once, here, so every test
# folder shares them: a second session browser in the same thread cannot start.
from tests.browser.fixtures import (  # noqa: E402, F401 (fixtures and the skip notice hook)
    _catalogues,
    asgi_server,
    browser,
    demo_password,
    demo_world,
    live_updates,
    open_tab,
    page,
    pytest_terminal_summary,
    screenshots,
    sign_in,
    traffic,
    workspaces_world,
)
