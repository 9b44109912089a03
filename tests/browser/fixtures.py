"""Debian's Chromium, driven by Playwright, against pytest-django's live server, and where
pages need their WebSockets (the chat), against Daphne serving the project's ASGI application
on the same database (`live_updates`).

Nothing is downloaded: the browser is the system package and axe-core ships inside
axe-playwright-python. One Chromium serves the whole run; each test gets a fresh context
(cookies, storage) and the demo world put back in an emptied database (`Snapshot`).
"""

import io
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import override_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM = (
    "Browser tests need Debian's Chromium at /usr/bin/chromium; "
    "install it with `apt-get install chromium`."
)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
DEMO_PASSWORD = "browser-demo-pass"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def _in_ci():
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def is_local(url):
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob"} or parts.hostname in LOCAL_HOSTS


def pytest_terminal_summary(terminalreporter):
    skipped = terminalreporter.stats.get("skipped", [])
    if not any(MISSING_CHROMIUM in str(report.longrepr) for report in skipped):
        return
    terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", red=True, bold=True)
    terminalreporter.write_line(MISSING_CHROMIUM, red=True)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if _in_ci():
            pytest.fail(f"{MISSING_CHROMIUM} CI=true, so its absence fails the run.")
        pytest.skip(MISSING_CHROMIUM)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, which Django would otherwise take
    # for async code and refuse every ORM call the tests make.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    # A plain launch runs on a throw-away profile, so nothing from an earlier run leaks in.
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    try:
        yield chromium
    finally:
        chromium.close()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="session")
def _catalogues():
    """The Arabic interface strings, compiled, and loaded afresh even if a test read them first."""
    from django.conf import settings

    call_command("compile_catalogues", verbosity=0)
    # Changing LOCALE_PATHS makes Django drop the catalogues it has cached.
    with override_settings(LOCALE_PATHS=list(settings.LOCALE_PATHS)):
        pass


class Snapshot:
    """Every Django table's rows, copied aside once, put back in a fraction of a second.

    A live-server test commits, so its database is emptied after it; building a world again
    takes seconds (the demo world about six). The first test builds it and copies each table
    into a plain table beside it (`snapshot_<name>_<n>`: no constraints, not a Django table, so
    the emptying leaves it alone); later tests empty the database and copy the rows back, same
    ids and all. Foreign keys are checked at commit on both PostgreSQL and SQLite, so the order
    of the copies does not matter. Files a world stores stay on disk between tests.
    """

    def __init__(self, name):
        self.name = name
        self.built = None  # what the build returned: {"home": page, "users": {name: user}}

    def _tables(self):
        from django.db import connection

        return sorted(connection.introspection.django_table_names(only_existing=True))

    def _copy(self, table, index):
        from django.db import connection

        return connection.ops.quote_name(table), connection.ops.quote_name(
            f"snapshot_{self.name}_{index}"
        )

    def _full_text_tables(self, cursor):
        """SQLite's full-text entries live in FTS5 virtual tables beside modelsearch's index
        rows, keyed by their ids and left alone by Django's emptying: {table: columns}."""
        from django.db import connection

        if connection.vendor != "sqlite":
            return {}
        return {
            table: [
                column.name
                for column in connection.introspection.get_table_description(cursor, table)
            ]
            for table in connection.introspection.table_names(cursor)
            if table.endswith("_fts")
        }

    def take(self):
        from django.db import connection, transaction

        with transaction.atomic(), connection.cursor() as cursor:
            for index, table in enumerate(self._tables()):
                live, copy = self._copy(table, index)
                cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                cursor.execute(f"CREATE TABLE {copy} AS SELECT * FROM {live}")
            for table in self._full_text_tables(cursor):
                live, copy = self._copy(table, "fts")
                cursor.execute(f"DROP TABLE IF EXISTS {copy}")
                cursor.execute(f"CREATE TABLE {copy} AS SELECT rowid AS entry, * FROM {live}")

    def restore(self):
        from django.apps import apps
        from django.contrib.contenttypes.models import ContentType
        from django.core.management.color import no_style
        from django.db import connection, transaction

        tables = self._tables()
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in connection.ops.sql_flush(no_style(), tables):
                cursor.execute(statement)
            for index, table in enumerate(tables):
                live, copy = self._copy(table, index)
                cursor.execute(f"INSERT INTO {live} SELECT * FROM {copy}")
            for table, columns in self._full_text_tables(cursor).items():
                live, copy = self._copy(table, "fts")
                named = ", ".join(map(connection.ops.quote_name, columns))
                cursor.execute(f"DELETE FROM {live}")
                cursor.execute(
                    f"INSERT INTO {live} (rowid, {named}) SELECT entry, {named} FROM {copy}"
                )
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
        # The emptying re-created content types under other ids; forget those.
        ContentType.objects.clear_cache()

    def world(self, build):
        """The world `build` makes: built and copied the first time, restored after that."""
        if self.built is None:
            built = build()
            self.take()
            self.built = built
        else:
            self.restore()
        return _reloaded(self.built)


def _reloaded(built):
    """`{"home": page, "users": {username: user}}` fetched afresh, so no test sees objects an
    earlier test changed in memory."""
    from accounts.models import User

    users = User.objects.in_bulk([user.pk for user in built["users"].values()])
    return {
        "home": type(built["home"]).objects.get(pk=built["home"].pk),
        "users": {name: users[user.pk] for name, user in built["users"].items()},
    }


DEMO_HOME_SNAPSHOT = Snapshot("home")
DEMO_WORLD_SNAPSHOT = Snapshot("demo")


def _build_demo_home(live_server):
    """The rows migrations create, and the demo home pages and users.

    A live-server test runs in a transactional database that is emptied after each test, taking
    the root page and collection, the locales and Wagtail's groups with it.
    """
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Locale, Page

    from demo.home import create_home_pages
    from demo.people import create_users

    for code in ("ar", "en"):
        Locale.objects.get_or_create(language_code=code)
    if Page.get_first_root_node() is None:
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="ar"))
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    for name in ("Editors", "Moderators"):
        Group.objects.get_or_create(name=name)
    home = create_home_pages()
    site = home.get_site()
    site.hostname, site.port = urlsplit(live_server.url).hostname, urlsplit(live_server.url).port
    site.save()
    return {"home": home, "users": create_users(DEMO_PASSWORD)}


@pytest.fixture
def demo_world(_catalogues, live_server, transactional_db):
    """The demo home pages and users on the live server's database (restored from a copy)."""
    return DEMO_HOME_SNAPSHOT.world(lambda: _build_demo_home(live_server))


@pytest.fixture
def workspaces_world(demo_world, live_server):
    """The whole demo world (`seed_demo`) on the live server's database (restored from a copy).

    Built on the home snapshot's rows, so `demo_world`'s objects keep their ids here too.
    """

    def build():
        call_command("seed_demo", password=DEMO_PASSWORD, force=True, stdout=io.StringIO())
        return demo_world

    return DEMO_WORLD_SNAPSHOT.world(build)


@dataclass
class Traffic:
    """What the browser did that a visitor would not see: requests, console errors."""

    requests: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def foreign_requests(self):
        return [url for url in self.requests if not is_local(url)]


@pytest.fixture
def traffic():
    return Traffic()


@pytest.fixture
def open_tab(browser, traffic):
    """`open_tab(base_url)`: a page in a browser context of its own (its own cookies: another
    person), which asks nothing of any host but this machine and records what went wrong."""
    contexts = []

    def opened(base_url, viewport=None):
        context = browser.new_context(
            base_url=base_url, viewport=viewport or {"width": 1280, "height": 900}
        )
        contexts.append(context)
        context.set_default_timeout(15_000)

        def local_only(route):
            if is_local(route.request.url):
                route.continue_()
            else:
                traffic.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", local_only)
        tab = context.new_page()
        tab.on("request", lambda request: traffic.requests.append(request.url))
        tab.on(
            "console",
            lambda message: (
                traffic.errors.append(f"console: {message.text} at {message.location['url']}")
                if message.type == "error"
                else None
            ),
        )
        tab.on("pageerror", lambda error: traffic.errors.append(f"page error: {error}"))
        return tab

    yield opened
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_tab, demo_world, live_server, settings):
    # The live server is Django's WSGI one: it answers no WebSockets, so conversation pages
    # fetch instead of listening (`live_updates` serves them with their sockets).
    settings.CHAT_LIVE_UPDATES = False
    return open_tab(live_server.url)


class AsgiServer:
    """The project's ASGI application (pages and WebSockets, as `make run` serves them) on
    Daphne in a thread of this process: it sees the live server's database, and every page
    connected to it shares the one in-memory channel layer. Twisted's reactor starts once per
    process, so one server serves the whole run."""

    def __init__(self):
        from daphne.server import Server
        from django.conf import settings
        from django.contrib.staticfiles.handlers import ASGIStaticFilesHandler
        from django.utils.module_loading import import_string

        application = ASGIStaticFilesHandler(import_string(settings.ASGI_APPLICATION))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = Server(
            application,
            endpoints=[f"tcp:port={self.port}:interface=127.0.0.1"],
            signal_handlers=False,
            verbosity=0,
        )
        self.thread = threading.Thread(target=self.server.run, name="daphne", daemon=True)

    def start(self):
        self.thread.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.05)
        raise RuntimeError("Daphne did not start listening")

    def stop(self):
        from twisted.internet import reactor

        reactor.callFromThread(self.server.stop)
        self.thread.join(timeout=10)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def asgi_server(django_db_setup, django_db_blocker):
    from django.conf import settings

    database = settings.DATABASES["default"]
    kept_age = database.get("CONN_MAX_AGE")
    # Each request's thread closes its connection when done, so none is left open on the test
    # database when the run drops it.
    database["CONN_MAX_AGE"] = 0
    with django_db_blocker.unblock():
        server = AsgiServer().start()
        try:
            yield server
        finally:
            server.stop()
            database["CONN_MAX_AGE"] = kept_age


@pytest.fixture
def live_updates(asgi_server, settings):
    """Pages served with their WebSockets: the address to open them at."""
    settings.CHAT_LIVE_UPDATES = True
    return asgi_server.url


@pytest.fixture
def demo_password():
    return DEMO_PASSWORD


@pytest.fixture
def sign_in(request):
    def sign_in_as(username, next_url=None, tab=None):
        # The test's `page` unless another tab is named (asked for only then: `page` serves
        # without WebSockets).
        tab = tab or request.getfixturevalue("page")
        tab.goto("/accounts/login/" + (f"?next={next_url}" if next_url else ""))
        tab.fill("input[name=username]", username)
        tab.fill("input[name=password]", DEMO_PASSWORD)
        with tab.expect_navigation():
            tab.locator("main form button[type=submit]").click()

    return sign_in_as


@pytest.fixture
def screenshots():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
