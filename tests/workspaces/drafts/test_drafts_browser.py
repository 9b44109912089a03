"""Co-drafting in Chromium: two members in two browsers meet the conflict screen, unsaved text
survives a reload, and two revisions compare side by side in Arabic. Screenshots are saved.

The browser and the demo people come from tests/browser/conftest.py when it is there; otherwise
a minimal fixture drives Debian's Chromium the same way.
"""

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.browser.fixtures import DEMO_PASSWORD, SCREENSHOTS, is_local


def arabic(text):
    with translation.override("ar"):
        return gettext(text)


pytestmark = pytest.mark.browser


@pytest.fixture
def drafts_world(demo_world):
    """The demo world's working groups, workspaces and drafts on top of its home and people."""
    from wagtail.models import Collection

    from demo.drafts import create_drafts
    from demo.workinggroups import create_working_groups
    from demo.workspaces import create_workspaces
    from workspaces.drafts.models import DraftPage

    # Emptied with the rest of the database after a live-server test; migrations made it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    create_working_groups(demo_world["home"])
    create_workspaces(demo_world["users"])
    create_drafts(demo_world["users"])
    return {"draft": DraftPage.objects.get(slug="constitutional-principles"), **demo_world}


@pytest.fixture
def open_browser(browser, live_server, drafts_world):
    """Opens a signed-in tab for a demo user, each in a browser profile of its own."""
    contexts, blocked = [], []

    def open_as(username):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="ar"
        )
        context.set_default_timeout(15_000)

        def local_only(route):
            if is_local(route.request.url):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        context.route("**/*", local_only)
        contexts.append(context)
        tab = context.new_page()
        tab.goto("/accounts/login/?next=/ar/workspaces/")
        tab.fill("input[name=username]", username)
        tab.fill("input[name=password]", DEMO_PASSWORD)
        with tab.expect_navigation():
            tab.locator("main form button[type=submit]").click()
        return tab

    yield open_as
    for context in contexts:
        context.close()
    assert blocked == [], f"requests to other hosts: {blocked}"


def shoot(tab, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"drafts-{name}.png"), full_page=True)


def kept_work(tab, draft):
    return tab.evaluate(f"window.localStorage.getItem('cssr:draft-{draft.pk}')")


def test_two_members_editing_at_once_meet_the_conflict_screen_and_lose_nothing(
    open_browser, drafts_world
):
    draft = drafts_world["draft"]
    edit = f"/ar/workspaces/legal-constitutional/drafts/{draft.pk}/edit/"
    rapporteur, member = open_browser("rapporteur_legal"), open_browser("member_legal")
    rapporteur.goto(edit)
    member.goto(edit)
    rapporteur_text = rapporteur.locator("textarea[name=body]").input_value()
    assert member.locator("textarea[name=body]").input_value() == rapporteur_text

    theirs = rapporteur_text.replace(
        "والتداول السلمي للسلطة.", "والتداول السلمي للسلطة عبر الانتخابات."
    )
    mine = rapporteur_text + "\n\nفقرة أضافها العضو (added by a member)."
    rapporteur.locator("textarea[name=body]").fill(theirs)
    member.locator("textarea[name=body]").fill(mine)
    shoot(member, "1-two-members-editing")

    # The member's connection drops and the page reloads before saving: the text is kept.
    member.reload()
    banner = member.locator("[data-draft-restore]")
    expect(banner).to_be_visible()
    assert member.locator("textarea[name=body]").input_value() == rapporteur_text
    shoot(member, "2-unsaved-text-kept-after-reload")
    banner.locator("[data-draft-restore-apply]").click()
    expect(member.locator("textarea[name=body]")).to_have_value(mine)

    with rapporteur.expect_navigation():
        rapporteur.locator("form.draft-form button[type=submit]").click()
    expect(rapporteur.locator("main .draft-text")).to_contain_text("عبر الانتخابات")

    with member.expect_navigation():
        member.locator("form.draft-form button[type=submit]").click()
    expect(member.locator("main h1")).to_have_text(
        arabic("Someone saved this draft while you were editing it")
    )
    expect(member.locator(".draft-merge-choice")).to_have_count(2)
    expect(member.locator(".draft-merge-choice ins").first).to_be_visible()
    assert kept_work(member, draft) is not None  # kept until the server has it
    shoot(member, "3-conflict-screen")

    with member.expect_navigation():
        member.get_by_role("button", name=arabic("Save the merged text")).click()
    text = member.locator("main .draft-text")
    expect(text).to_contain_text("عبر الانتخابات")
    expect(text).to_contain_text("فقرة أضافها العضو (added by a member).")
    assert kept_work(member, draft) is None
    shoot(member, "4-merged")


def test_two_revisions_compare_side_by_side_in_arabic(open_browser, drafts_world):
    draft = drafts_world["draft"]
    tab = open_browser("focal_legal")
    tab.goto(draft.url)
    tab.locator(".draft-actions a[href$='/history/']").click()
    tab.wait_for_url(f"**/drafts/{draft.pk}/history/")
    expect(tab.locator("table.draft-revisions tbody tr")).to_have_count(2)
    with tab.expect_navigation():
        tab.locator("form.draft-compare-picker button[type=submit]").click()

    expect(tab.locator("html")).to_have_attribute("dir", "rtl")
    table = tab.locator("table.draft-diff")
    expect(table.locator("del").first).to_be_visible()
    expect(table.locator("ins").first).to_have_text("السلطات والتداول السلمي للسلطة.")
    cell = table.locator("td").first
    assert cell.evaluate("element => getComputedStyle(element).direction") == "rtl"
    # The older revision is on the reading side that comes first: the right, in Arabic.
    old, new = table.locator("thead th").nth(0), table.locator("thead th").nth(1)
    assert old.bounding_box()["x"] > new.bounding_box()["x"]
    expect(old).to_contain_text("هالة منصور")
    expect(new).to_contain_text("يوسف العلي")
    shoot(tab, "5-compare-arabic")
