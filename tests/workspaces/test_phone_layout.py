"""The workspace on a 360 px phone, in Arabic, in Debian's Chromium (issue 13, items 1 to 3):
a one-row header, the sections in a tab bar at the bottom of the screen, content on the first
screen, every tap target at least 44 by 44 CSS pixels, nothing axe-core finds serious, and the
reader's place kept."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.axe import blocking_violations, describe

pytestmark = pytest.mark.browser

WORKSPACE = "/ar/workspaces/legal-constitutional/"
PHONE = {"width": 360, "height": 740}
TAP = 44

# Every interactive element a finger may aim at, with its size: a checkbox or radio button
# counts with its label, which toggles it too. Links inside a sentence are exempt, as WCAG 2.5.8
# exempts them: their size is that of the text around them (members' posts, the FAQ's answers).
TARGETS = """
() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const found = [];
    for (const element of document.querySelectorAll(selector)) {
        if (element.closest(".skip-link")) continue;  // off screen until focused
        const style = getComputedStyle(element);
        if (style.display === "none" || style.visibility === "hidden") continue;
        let box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (element.tagName === "A") {
            const block = element.closest("p, li, td, dd, h1, h2, h3, div");
            const own = element.textContent.trim();
            const around = block ? block.textContent.replace(/\\s+/g, " ").trim() : own;
            if (element.closest(".prose, .draft-text") || (around !== own && !block.matches("li"))) {
                continue;
            }
        }
        if ((element.type === "checkbox" || element.type === "radio") && element.labels.length) {
            const label = element.labels[0].getBoundingClientRect();
            box = {
                width: Math.max(box.right, label.right) - Math.min(box.left, label.left),
                height: Math.max(box.bottom, label.bottom) - Math.min(box.top, label.top),
            };
        }
        const name = (element.getAttribute("aria-label") || element.textContent || element.name || element.type || "").replace(/\\s+/g, " ").trim().slice(0, 40);
        found.push({tag: element.tagName.toLowerCase(), name, width: Math.round(box.width), height: Math.round(box.height)});
    }
    return found;
}
"""


def small_targets(page):
    return [
        f"{target['tag']} «{target['name']}» {target['width']}×{target['height']}"
        for target in page.evaluate(TARGETS)
        if target["width"] < TAP or target["height"] < TAP
    ]


# Where `word` is drawn, found in the text of the first element matching `selector`.
WORD_BOX = """
([selector, word]) => {
    const walker = document.createTreeWalker(document.querySelector(selector), NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const at = walker.currentNode.data.indexOf(word);
        if (at >= 0) {
            const range = document.createRange();
            range.setStart(walker.currentNode, at);
            range.setEnd(walker.currentNode, at + word.length);
            const box = range.getBoundingClientRect();
            return {x: box.x, y: box.y, right: box.right};
        }
    }
    return null;
}
"""


def word_box(page, selector, word):
    return page.evaluate(WORD_BOX, [selector, word])


def main_pages(moderating=False):
    """The workspace's everyday pages, with one of each kind of object the demo has; for those
    who moderate, the moderation log too."""
    from workspaces.discussions.models import DiscussionPage
    from workspaces.drafts.models import DraftPage
    from workspaces.events.models import EventPage
    from workspaces.files.models import WorkspaceFile
    from workspaces.models import WorkspacePage

    workspace = WorkspacePage.objects.get(slug="legal-constitutional")

    def url_of(model):
        found = model.objects.in_workspace(workspace).first()
        return found.get_absolute_url() if model is WorkspaceFile else found.get_url()

    draft = DraftPage.objects.in_workspace(workspace).first()
    from workspaces.chat.models import Conversation

    room = Conversation.room_of(workspace)
    with translation.override("ar"):
        wide = {
            "history": reverse("workspaces:drafts:history", args=[workspace.slug, draft.pk]),
            "compare": reverse("workspaces:drafts:compare", args=[workspace.slug, draft.pk]),
        }
        if moderating:
            wide["log"] = reverse("workspaces:moderation:log", args=[workspace.slug])
    return wide | {
        "home": WORKSPACE,
        "discussions": f"{WORKSPACE}discussions/",
        "thread": url_of(DiscussionPage),
        "library": f"{WORKSPACE}library/",
        "file": url_of(WorkspaceFile),
        "calendar": f"{WORKSPACE}calendar/",
        "event": url_of(EventPage),
        "drafts": f"{WORKSPACE}drafts/",
        "draft": url_of(DraftPage),
        "search": f"{WORKSPACE}search/?q=الدستور",
        "members": f"{WORKSPACE}members/",
        "chat": f"{WORKSPACE}chat/",
        "room": f"{WORKSPACE}chat/{room.pk}/",
    }


@pytest.mark.parametrize("username", ["member_legal", "officer_legal"])
def test_main_workspace_pages_fit_a_phone_with_44_px_tap_targets(
    workspaces_world,
    page,
    sign_in,
    screenshots,
    traffic,
    username,
):
    page.set_viewport_size(PHONE)
    sign_in(username)
    failures = {}
    for name, path in main_pages(moderating=username == "officer_legal").items():
        page.goto(path)
        assert page.locator("html").get_attribute("dir") == "rtl"
        page.screenshot(path=screenshots / f"phone-{username}-{name}.png", full_page=True)
        small = small_targets(page)
        if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
            small.append("the page scrolls sideways")
        violations = blocking_violations(page)
        if violations:
            small.append(describe(page.url, violations))
        if small:
            failures[name] = small
    assert not failures, "\n".join(
        f"{name}: {', '.join(small)}" for name, small in failures.items()
    )
    assert traffic.errors == []


def test_the_header_is_one_row_and_the_sections_sit_at_the_bottom_of_a_phone(
    workspaces_world,
    page,
    sign_in,
    screenshots,
):
    page.set_viewport_size(PHONE)
    sign_in("member_legal")
    page.goto(f"{WORKSPACE}discussions/")

    # The menu folds behind one button; the header is one row of 44 px targets.
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 60
    menu = page.get_by_role("button", name="القائمة")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not page.locator("#site-nav").is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    assert page.get_by_role("link", name="مساحات عملي").is_visible()
    menu.click()
    assert not page.locator("#site-nav").is_visible()

    # The page's own heading is on the first screen, well above the tab bar.
    tabs = page.get_by_role("navigation", name="مساحة العمل", exact=True)
    tabs_box = tabs.bounding_box()
    assert tabs_box["y"] + tabs_box["height"] == pytest.approx(PHONE["height"], abs=1)
    heading = page.locator("main h1").bounding_box()
    assert heading["y"] + heading["height"] < PHONE["height"] / 2

    # The tab of the section shown is marked as current, and the bar stays put while scrolling.
    current = tabs.locator("[aria-current=page]")
    assert current.inner_text().strip() == "النقاشات"
    page.mouse.wheel(0, 2000)
    assert tabs.bounding_box()["y"] == pytest.approx(tabs_box["y"], abs=1)
    page.screenshot(path=screenshots / "phone-discussions-scrolled.png")

    # A thread is in the discussions section; the library's tab leads there.
    page.locator("main .discussion-item a").first.click()
    assert tabs.locator("[aria-current=page]").inner_text().strip() == "النقاشات"
    tabs.get_by_role("link", name="المكتبة").click()
    page.wait_for_url(f"**{WORKSPACE}library/")
    assert tabs.locator("[aria-current=page]").inner_text().strip() == "المكتبة"

    # Latin words in an Arabic sentence keep the sentence's order: of the file types listed,
    # the first named is the rightmost, and ".ics" keeps its dot before (left of) "ics".
    page.goto(f"{WORKSPACE}library/upload/")
    pdf, word = word_box(page, "main", "PDF"), word_box(page, "main", "Word")
    assert pdf["y"] == pytest.approx(word["y"], abs=2) and pdf["x"] > word["x"]
    page.goto(main_pages()["event"])
    dot, ics = word_box(page, ".event__actions", "."), word_box(page, ".event__actions", "ics")
    assert dot["right"] <= ics["x"] + 1

    # On a wide screen the menu is shown and the sections are a bar under the header.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(WORKSPACE)
    assert not page.locator(".menu-button").is_visible()
    assert page.locator("#site-nav").is_visible()
    assert tabs.bounding_box()["y"] < page.locator("main h1").bounding_box()["y"]


def a_thread_with_replies():
    from workspaces.discussions.models import DiscussionPage
    from workspaces.models import WorkspacePage

    workspace = WorkspacePage.objects.get(slug="legal-constitutional")
    thread = DiscussionPage.objects.in_workspace(workspace).filter(reply_count__gte=2).first()
    return thread, list(thread.replies.all())


def test_switching_language_keeps_the_place_and_a_reply_is_confirmed_in_view(
    workspaces_world, page, sign_in, screenshots
):
    thread, replies = a_thread_with_replies()
    page.set_viewport_size(PHONE)
    sign_in("member_legal")

    # At a reply's anchor: the English page opens at the same reply.
    page.goto(f"{thread.url}#reply-{replies[-1].pk}")
    page.locator(".language-switch a[lang=en]").click()
    page.wait_for_url(f"**/en/**#reply-{replies[-1].pk}")

    # Scrolled without an anchor: the Arabic page opens about as far down.
    page.goto(page.url.split("#")[0])
    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2)")
    # Tapped where it is: the header stays on screen (a locator's click would scroll first).
    link = page.locator(".language-switch a[lang=ar]").bounding_box()
    page.mouse.click(link["x"] + link["width"] / 2, link["y"] + link["height"] / 2)
    page.wait_for_url(f"**{thread.url}")
    # Scrolled, the page fetches its lazy pictures: let them arrive before the test ends.
    page.wait_for_load_state("networkidle")
    share = page.evaluate("scrollY / (document.documentElement.scrollHeight - innerHeight)")
    assert share == pytest.approx(0.5, abs=0.1)

    # A reply posted: the new reply is in view and the confirmation floats above the tab bar.
    page.locator("#reply-form textarea[name=body]").fill("رد قصير للتجربة")
    page.locator("#reply-form button[type=submit]").click()
    page.wait_for_url("**#reply-*")
    toast = page.locator(".messages")
    assert "نُشر ردّك" in toast.inner_text()
    box, tabs = toast.bounding_box(), page.locator(".workspace-tabs").bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= tabs["y"]
    page.screenshot(path=screenshots / "phone-reply-posted.png")
    page.get_by_role("button", name="إغلاق").click()
    assert page.locator(".messages").count() == 0


def test_an_officer_hides_a_reply_and_reads_history_and_comparisons_on_a_phone(
    workspaces_world, page, sign_in
):
    from workspaces.drafts.models import DraftPage
    from workspaces.models import WorkspacePage

    thread, replies = a_thread_with_replies()
    reply = replies[-1]
    page.set_viewport_size(PHONE)
    sign_in("officer_legal")

    # Hiding a reply leads back to it, not to the top of the thread.
    page.goto(thread.url)
    page.locator(f"#reply-{reply.pk}").get_by_role("link", name="إخفاء").click()
    page.locator("main textarea[name=reason]").fill("معلومات شخصية")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{thread.url}#reply-{reply.pk}")
    assert page.locator(f"#reply-{reply.pk}.post--hidden").is_visible()

    workspace = WorkspacePage.objects.get(slug="legal-constitutional")
    draft = DraftPage.objects.in_workspace(workspace).first()
    with translation.override("ar"):
        history = reverse("workspaces:drafts:history", args=[workspace.slug, draft.pk])
        compare = reverse("workspaces:drafts:compare", args=[workspace.slug, draft.pk])

    # Each revision of the history is a block of its own, its cells named.
    page.goto(history)
    row = page.locator(".draft-revisions tbody tr").first
    assert row.evaluate("row => getComputedStyle(row).display") == "block"
    assert "من" in row.locator("td").first.evaluate("c => getComputedStyle(c, '::before').content")

    # Compared, a changed passage reads old above new, in one column.
    page.goto(compare)
    changed = page.locator(".draft-diff__row--changed").first
    old = changed.locator("td").nth(0).bounding_box()
    new = changed.locator("td").nth(1).bounding_box()
    assert old["y"] + old["height"] <= new["y"] + 1
    assert old["width"] == pytest.approx(new["width"], abs=1)


def every_page_type(language):
    """Every kind of workspace page in `language`, as {who: {name: path}}: a member's, and what
    only moderators see for an officer. In Arabic, the phone test above has checked the main
    pages already. (The reply form is on the thread page; a page of its own only comes back
    with errors.)"""
    from workspaces.drafts.models import DraftPage
    from workspaces.models import WorkspacePage

    workspace = WorkspacePage.objects.get(slug="legal-constitutional")
    draft = DraftPage.objects.in_workspace(workspace).first()
    slug = workspace.slug
    member = {
        name: path.replace("/ar/", f"/{language}/", 1)
        for name, path in ({} if language == "ar" else main_pages(moderating=True)).items()
    }
    moderating = {"log": member.pop("log")} if member else {}
    with translation.override(language):
        member |= {
            "workspaces": reverse("workspaces:index"),
            "new discussion": reverse("workspaces:discussions:new", args=[slug]),
            "upload": reverse("workspaces:files:new", args=[slug]),
            "new event": reverse("workspaces:events:new", args=[slug]),
            "month": reverse("workspaces:events:month", args=[slug]),
            "new draft": reverse("workspaces:drafts:new", args=[slug]),
            "new conversation": reverse("workspaces:chat:new", args=[slug]),
            "edit draft": reverse("workspaces:drafts:edit", args=[slug, draft.pk]),
            "code of conduct": reverse("workspaces:code_of_conduct"),
        }
        moderating |= {"moderation": reverse("workspaces:moderation:list", args=[slug])}
    return {"member_legal": member, "officer_legal": moderating}


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_workspace_page_type_has_no_serious_accessibility_finding(
    workspaces_world, page, sign_in, language
):
    reports = []
    for username, pages in every_page_type(language).items():
        page.context.clear_cookies()
        sign_in(username)
        for name, path in pages.items():
            response = page.goto(path)
            assert response.status == 200, f"{name}: {path}"
            assert page.locator("html").get_attribute("lang") == language, name
            if violations := blocking_violations(page):
                reports.append(f"{name}: {describe(page.url, violations)}")
    assert not reports, "\n".join(reports)
