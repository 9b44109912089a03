"""Everyday tasks on a 360 px phone in Arabic, counted in taps from the workspace home (issue
13, acceptance): typing is not a tap, scrolling neither. Screenshots of each task's end are
saved in artifacts/screenshots/."""

import pytest

from .test_phone_layout import PHONE, WORKSPACE

pytestmark = pytest.mark.browser


class Taps:
    """Taps on what a member sees, counted."""

    def __init__(self, page):
        self.page = page
        self.count = 0

    def tap(self, locator, *, follow=True):
        """Tap `locator` and wait for the page it leads to; `follow=False` only checks that it
        is there to tap (a link to an app the test browser has not got)."""
        locator.scroll_into_view_if_needed()
        assert locator.is_visible()
        self.count += 1
        if follow:
            with self.page.expect_navigation():
                locator.tap()


@pytest.fixture
def phone(workspaces_world, browser, live_server, sign_in, page):
    """The signed-in member's phone at the workspace home, with touch."""
    page.set_viewport_size(PHONE)
    sign_in("member_legal")
    # A touch screen: a new context is the only way to get one, with the session's cookies.
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, has_touch=True, is_mobile=True
    )
    context.add_cookies(page.context.cookies())
    phone = context.new_page()
    phone.goto(WORKSPACE)
    yield phone
    context.close()


def section_tab(phone, name):
    """The workspace tab bar's link to the section `name`."""
    tabs = phone.get_by_role("navigation", name="مساحة العمل", exact=True)
    return tabs.get_by_role("link", name=name)


def newest_discussion():
    from workspaces.discussions.models import DiscussionPage
    from workspaces.models import WorkspacePage

    workspace = WorkspacePage.objects.get(slug="legal-constitutional")
    return DiscussionPage.objects.in_workspace(workspace).order_by("-last_activity_at").first()


def test_read_the_newest_discussion_in_one_tap(phone, screenshots):
    taps, newest = Taps(phone), newest_discussion()
    taps.tap(phone.locator("main").get_by_role("link", name=newest.title).first)
    assert phone.locator("main h1").inner_text() == newest.title
    phone.screenshot(path=screenshots / "taps-read-newest.png")
    assert taps.count == 1


def test_find_a_file_by_a_misspelt_arabic_word_in_two_taps(phone, screenshots):
    taps = Taps(phone)
    taps.tap(section_tab(phone, "المكتبة"))
    # "صوره" for صورة and a hamza the title does not have: the library folds both.
    phone.get_by_role("searchbox").fill("صوره الإجتماع")
    taps.tap(phone.locator(".library-search button[type=submit]"))
    found = phone.locator(".file-card__title")
    assert found.all_inner_texts() == ["صورة من الاجتماع التشاوري"]
    phone.screenshot(path=screenshots / "taps-find-file.png")
    assert taps.count == 2


def test_answer_an_event_in_two_taps(phone, screenshots):
    taps = Taps(phone)
    taps.tap(phone.locator(".upcoming-events .event-list a").first)
    taps.tap(phone.get_by_role("button", name="سأحضر"))
    assert phone.get_by_role("button", name="سأحضر").get_attribute("aria-pressed") == "true"
    phone.screenshot(path=screenshots / "taps-answer-event.png")
    assert taps.count == 2


def test_add_the_calendar_feed_in_two_taps(phone, screenshots):
    taps = Taps(phone)
    taps.tap(section_tab(phone, "التقويم"))
    # The second tap hands the address to the phone's calendar app.
    subscribe = phone.get_by_role("link", name="افتحه في تطبيق التقويم")
    assert subscribe.get_attribute("href").startswith("webcal://")
    taps.tap(subscribe, follow=False)
    phone.screenshot(path=screenshots / "taps-calendar-feed.png")
    assert taps.count == 2
