"""A newcomer's first visit, in Arabic, in Debian's Chromium: sign in, accept the code of
conduct, land in the workspace, start a discussion and reply to it."""

import re

import pytest

pytestmark = pytest.mark.browser

WORKSPACE = "/ar/workspaces/legal-constitutional/"


def test_a_newcomer_accepts_the_code_and_takes_part_in_arabic(
    workspaces_world,
    live_server,
    page,  # noqa: F811
    sign_in,  # noqa: F811
    screenshots,  # noqa: F811
    traffic,  # noqa: F811
):
    from workspaces.models import CodeOfConduct, CodeOfConductAcceptance

    sign_in("member_new", next_url=WORKSPACE)

    # Sent to the code of conduct first, with the way back kept.
    assert re.search(r"/ar/workspaces/code-of-conduct/\?next=", page.url)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert "نحترم بعضنا بعضاً" in page.locator("main").inner_text()
    page.screenshot(path=screenshots / "workspace-code-of-conduct.png", full_page=True)

    # Nothing of the workspace opens before accepting.
    page.goto(f"{WORKSPACE}members/")
    assert "/code-of-conduct/" in page.url
    page.goto(WORKSPACE)

    page.locator("main input[name=accept]").check()
    page.locator("main form button[type=submit]").click()
    # A first time in: the welcome page, then on to where they were going.
    page.wait_for_url("**/ar/workspaces/welcome/?next=*")
    assert "أهلاً بك في غرفة دعم المجتمع المدني" in page.locator("main h1").inner_text()
    page.screenshot(path=screenshots / "workspace-welcome.png", full_page=True)
    page.get_by_role("link", name="متابعة").click()
    page.wait_for_url(f"{live_server.url}{WORKSPACE}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "مجموعة العمل القانونية والدستورية" in page.locator("main").inner_text()
    acceptance = CodeOfConductAcceptance.objects.get(user__username="member_new")
    assert acceptance.code == CodeOfConduct.current()
    page.screenshot(path=screenshots / "workspace-first-entry.png", full_page=True)

    new_discussion = page.locator(f'main a[href="{WORKSPACE}discussions/new/"]')
    assert new_discussion.count(), "the workspace home offers no way to start a discussion"
    new_discussion.first.click()
    page.locator("main input[name=title]").fill("اقتراح: جدول زمني لمناقشة المبادئ الدستورية")
    page.locator("main textarea[name=body]").fill(
        "أقترح أن نخصص الأسبوعين القادمين لمناقشة **المبادئ الأساسية** قبل صياغة أي نص."
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    heading = page.locator("main h1")
    assert heading.inner_text() == "اقتراح: جدول زمني لمناقشة المبادئ الدستورية"
    assert heading.get_attribute("dir") == "rtl"
    assert "/ar/workspaces/legal-constitutional/" in page.url

    reply_form = page.locator("#reply-form form")
    reply_form.locator("textarea[name=body]").fill("موافق، وأقترح أن نبدأ بمبدأ استقلال القضاء.")
    reply_form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "موافق، وأقترح أن نبدأ بمبدأ استقلال القضاء." in page.locator("main").inner_text()
    page.screenshot(path=screenshots / "workspace-discussion-reply.png", full_page=True)

    assert traffic.foreign_requests() == []
    assert traffic.errors == []
