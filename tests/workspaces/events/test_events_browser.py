"""A member plans an event in the Arabic interface and finds it in the month grid.

Debian's Chromium through Playwright, against the live server with the demo world rebuilt. The
browser runs in a thread of its own: Playwright's sync API takes over the event loop of the thread
it runs in, and the session-wide browser of tests/browser/ (a fixture this folder cannot see)
already holds the main thread's. No other host is reachable from the page.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
PASSWORD = "events-browser-pass"
SCREENSHOTS = Path(__file__).resolve().parents[3] / "artifacts" / "screenshots"
TITLE = "ورشة عمل: ضمانات استقلال القضاء"


@pytest.fixture
def chromium():
    if not CHROMIUM.exists():
        message = "Browser tests need Debian's Chromium at /usr/bin/chromium."
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(f"{message} CI=true, so its absence fails the run.")
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture
def demo_calendar(live_server, transactional_db):
    """The demo world with its workspaces and meetings, in the live server's emptied database,
    which has lost the locales, root page, root collection and groups that migrations created."""
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Locale, Page

    from demo.events import create_events
    from demo.home import create_home_pages
    from demo.people import create_users
    from demo.workspaces import create_workspaces

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
    site = create_home_pages().get_site()
    site.hostname, site.port = urlsplit(live_server.url).hostname, urlsplit(live_server.url).port
    site.save()
    users = create_users(PASSWORD)
    create_events(users, create_workspaces(users))
    return users


def plan_and_find(base_url):
    from playwright.sync_api import sync_playwright

    foreign, errors = [], []

    def local_only(route):
        url = route.request.url
        if urlsplit(url).scheme in {"data", "blob"} or urlsplit(url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        context.route("**/*", local_only)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            scenario(page)
        finally:
            browser.close()
    assert foreign == []
    assert errors == []


def scenario(page):
    from playwright.sync_api import expect

    page.goto("/accounts/login/?next=/ar/workspaces/")
    page.fill("input[name=username]", "member_legal")  # time zone Asia/Damascus
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/ar/workspaces/")

    page.locator("main a[href='/ar/workspaces/legal-constitutional/']").first.click()
    expect(page.locator("[data-meeting-room]")).to_have_count(1)
    page.locator(".workspace-tabs a[href$='/calendar/']").click()
    page.locator(".calendar-nav a[href$='/calendar/new/']").click()

    page.fill("input[name=title]", TITLE)
    page.fill("textarea[name=description]", "نراجع المادة الخاصة بالسلطة القضائية في المسودة.")
    # 23:30 in Geneva is already the next day in Damascus.
    page.select_option("select[name=time_zone]", "Europe/Zurich")
    page.fill("input[name=start]", "2031-01-14T23:30")
    page.fill("input[name=end]", "2031-01-14T20:00")
    page.locator("form.event-form button[type=submit]").click()

    # The end before the start is refused, and nothing typed is lost.
    expect(page.locator("#id_end_error")).to_be_visible()
    expect(page.locator("input[name=title]")).to_have_value(TITLE)
    page.fill("input[name=end]", "2031-01-15T01:00")
    page.locator("form.event-form button[type=submit]").click()

    page.wait_for_url("**/ar/workspaces/legal-constitutional/2031-01-14-*/")
    expect(page.locator("main h1")).to_have_text(TITLE)
    expect(page.locator("[data-viewer-time]")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "events-event-page-ar.png"), full_page=True)

    page.locator(".workspace-tabs a[href$='/calendar/']").click()
    page.locator(".calendar-nav a[href$='/calendar/month/']").click()
    page.wait_for_url("**/calendar/month/")
    page.goto(page.url + "?month=2031-01")

    next_day = page.locator("td[data-date='2031-01-15']")
    expect(next_day).to_contain_text(TITLE)
    expect(page.locator("td[data-date='2031-01-14']")).not_to_contain_text(TITLE)
    page.screenshot(path=str(SCREENSHOTS / "events-month-ar.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SCREENSHOTS / "events-month-ar-phone.png"), full_page=True)

    next_day.get_by_role("link").first.click()
    expect(page.locator("main h1")).to_have_text(TITLE)


def test_member_plans_an_event_in_arabic_and_finds_it_in_the_month_grid(
    chromium, demo_calendar, live_server
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=1) as executor:
        executor.submit(plan_and_find, live_server.url).result()
