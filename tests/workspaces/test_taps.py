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

    def tap_in_place(self, locator):
        """Tap `locator`, which acts on the page itself (opens the file chooser, say)."""
        locator.scroll_into_view_if_needed()
        assert locator.is_visible()
        self.count += 1
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


def test_reply_with_a_link_and_an_attached_file_in_three_taps(
    phone, screenshots, settings, tmp_path
):
    from playwright.sync_api import expect

    from demo.samples import arabic_pdf

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    taps, newest = Taps(phone), newest_discussion()
    taps.tap(phone.locator("main").get_by_role("link", name=newest.title).first)
    text = "التقرير الكامل في المرفق وعلى الموقع https://example.org/report"
    phone.get_by_label("ردّك").fill(text)
    # A refused file says why beside its name, and the text stays as it was.
    with phone.expect_file_chooser() as chooser:
        taps.tap_in_place(phone.get_by_role("button", name="إرفاق ملف"))
    chooser.value.set_files(
        [{"name": "شعار.svg", "mimeType": "image/svg+xml", "buffer": b"<svg/>"}]
    )
    expect(phone.locator(".composer__file--failed [role=alert]")).to_contain_text("شعار.svg")
    assert phone.get_by_label("ردّك").input_value() == text
    phone.locator(".composer__file--failed").get_by_role("button").tap()  # not part of the task
    taps.count -= 1  # the refused file's tap on the attach button was not part of it either

    with phone.expect_file_chooser() as chooser:
        taps.tap_in_place(phone.get_by_role("button", name="إرفاق ملف"))
    chooser.value.set_files(
        [{"name": "التقرير.pdf", "mimeType": "application/pdf", "buffer": arabic_pdf(["تقرير"])}]
    )
    expect(phone.locator(".composer__file[data-id]")).to_contain_text("التقرير")
    phone.screenshot(path=screenshots / "taps-reply-composer.png")
    taps.tap(phone.get_by_role("button", name="نشر الرد"))
    reply = phone.locator(".post--reply").last
    expect(reply.get_by_role("link", name="https://example.org/report")).to_be_visible()
    expect(reply.locator(".attachments").get_by_role("link", name="التقرير")).to_be_visible()
    phone.screenshot(path=screenshots / "taps-reply-with-file.png")
    assert taps.count == 3


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


def test_comment_on_and_edit_one_paragraph_of_a_draft(phone, screenshots):
    from playwright.sync_api import expect

    taps = Taps(phone)
    taps.tap(section_tab(phone, "المسودات"))
    taps.tap(phone.locator("main").get_by_role("link", name="المبادئ الدستورية").first)
    # The first paragraph of text (the draft opens with a heading, a part of its own).
    first = phone.locator(
        ".draft-part", has=phone.locator(":scope > p:not(.draft-part__actions)")
    ).first
    quoted = first.locator(":scope > p").first.inner_text()
    # One tap quotes the whole paragraph: no selecting of words by touch.
    taps.tap_in_place(first.get_by_role("link", name="تعليق"))
    passage = phone.locator("[data-draft-passage]")
    assert passage.input_value().startswith(quoted[:30])
    phone.keyboard.type("أقترح صياغة أوضح لهذه الفقرة.")
    taps.tap(phone.locator("#comment-form").get_by_role("button", name="تعليق"))
    expect(phone.locator(".draft-comment", has_text="أقترح صياغة أوضح")).to_be_visible()
    assert taps.count == 4

    # The paragraph alone opens for editing, not the whole text.
    taps.tap(first.get_by_role("link", name="تعديل"))
    assert phone.locator("form.draft-form textarea").count() == 1
    phone.locator("form.draft-form textarea").fill("فقرة أولى معدّلة على الهاتف.")
    phone.screenshot(path=screenshots / "taps-draft-part-edit.png")
    taps.tap(phone.locator("form.draft-form").get_by_role("button", name="حفظ"))
    expect(phone.locator(".draft-text")).to_contain_text("فقرة أولى معدّلة على الهاتف.")
    phone.screenshot(path=screenshots / "taps-draft-part-saved.png")
    assert taps.count == 6
