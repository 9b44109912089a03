"""The composer on a phone, in Arabic, in Debian's Chromium (issue 13, item 4): formatting by
buttons instead of Markdown, addresses that become links, and a text kept in the browser until
it has arrived, even when the connection drops on the way."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
ADDRESS = "https://example.org/تقرير"


def newest_thread():
    from workspaces.discussions.models import DiscussionPage
    from workspaces.models import WorkspacePage

    workspace = WorkspacePage.objects.get(slug="legal-constitutional")
    return DiscussionPage.objects.in_workspace(workspace).order_by("-last_activity_at").first()


def test_a_reply_is_formatted_by_buttons_kept_through_a_lost_connection_and_linked(
    workspaces_world, page, sign_in, screenshots, traffic
):
    thread = newest_thread()
    page.set_viewport_size(PHONE)
    sign_in("member_legal")
    page.goto(thread.url)
    composer = page.locator("#reply-form")
    field = composer.locator("textarea[name=body]")

    # The buttons replace the Markdown hint.
    toolbar = composer.get_by_role("toolbar", name="التنسيق")
    assert toolbar.is_visible()
    assert not composer.locator("#id_body_helptext").is_visible()

    # Bold with nothing selected: the marks go round what is typed next.
    field.click()
    toolbar.get_by_role("button", name="عريض").click()
    page.keyboard.type("مهم")
    page.keyboard.press("End")
    page.keyboard.type(f" راجعوا {ADDRESS}، ثم")
    page.keyboard.press("Enter")
    page.keyboard.type("البند الأول")
    toolbar.get_by_role("button", name="قائمة", exact=True).click()
    # A list needs a blank line after a paragraph in Markdown: the button leaves one.
    assert field.input_value() == f"**مهم** راجعوا {ADDRESS}، ثم\n\n- البند الأول"
    page.screenshot(path=screenshots / "phone-composer.png")

    # The connection drops as the reply is sent: nothing arrives, and nothing typed is lost.
    page.wait_for_timeout(400)  # the text is saved a moment after the last key
    page.context.set_offline(True)
    composer.locator("button[type=submit]").click()
    page.wait_for_timeout(300)
    page.context.set_offline(False)
    page.goto(thread.url)
    assert field.input_value() == f"**مهم** راجعوا {ADDRESS}، ثم\n\n- البند الأول"
    notice = composer.locator("[data-composer-restored]")
    assert notice.is_visible()
    page.screenshot(path=screenshots / "phone-composer-restored.png")

    # Sent for real: the reply shows the link (without the Arabic comma) and the bold word.
    composer.locator("button[type=submit]").click()
    page.wait_for_url("**#reply-*")
    reply = page.locator(".post--reply").last
    link = reply.get_by_role("link", name=ADDRESS)
    assert link.get_attribute("href") == ADDRESS
    assert reply.locator("strong").inner_text() == "مهم"
    assert reply.locator(".prose li").inner_text() == "البند الأول"
    # The composer starts empty, now and on the next visit.
    assert field.input_value() == ""
    page.reload()
    assert field.input_value() == ""
    assert not notice.is_visible()
    assert traffic.errors == []


def test_a_kept_text_can_be_discarded(workspaces_world, page, sign_in):
    thread = newest_thread()
    page.set_viewport_size(PHONE)
    sign_in("member_legal")
    page.goto(thread.url)
    field = page.locator("#reply-form textarea[name=body]")
    field.fill("مسودة لن أرسلها")
    page.wait_for_timeout(400)
    page.reload()
    assert field.input_value() == "مسودة لن أرسلها"
    page.get_by_role("button", name="احذفه").click()
    assert field.input_value() == ""
    page.reload()
    assert field.input_value() == ""


def test_mentioning_someone_by_a_part_of_their_name(workspaces_world, page, sign_in, screenshots):
    thread = newest_thread()
    page.set_viewport_size(PHONE)
    sign_in("member_legal")
    page.goto(thread.url)
    field = page.locator("#reply-form textarea[name=body]")
    field.click()
    # Any part of the name finds its person.
    page.keyboard.type("شكراً @منص")
    suggestions = page.get_by_role("listbox", name="أشخاص يمكن ذكرهم")
    option = suggestions.get_by_role("option").first
    assert option.inner_text().startswith("هالة منصور")
    page.screenshot(path=screenshots / "phone-composer-mention.png")
    option.click()
    page.keyboard.type("على المراجعة")
    assert field.input_value() == "شكراً @rapporteur_legal على المراجعة"
    assert not suggestions.is_visible()
    page.locator("#reply-form button[type=submit]").click()
    page.wait_for_url("**#reply-*")
    mention = page.locator(".post--reply").last.locator("bdi.mention")
    assert mention.inner_text() == "@rapporteur_legal"
