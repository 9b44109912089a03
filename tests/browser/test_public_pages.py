import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def heading_direction(page):
    return page.locator("main h1").evaluate("element => getComputedStyle(element).direction")


def text_box(locator):
    """Where the words of an element sit, rather than the block that holds them."""
    return locator.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const box = range.getBoundingClientRect();
            return {x: box.x, width: box.width};
        }"""
    )


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("ar", "rtl", "غرفة دعم المجتمع المدني"), ("en", "ltr", "Civil Society Support Room")],
)
def test_home_page_reads_in_its_language_direction(page, language, direction, heading):
    page.goto(f"/{language}/")

    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", direction)
    expect(page.locator("main h1")).to_have_text(heading)
    assert heading_direction(page) == direction


def test_language_switch_goes_to_the_translated_home_page_and_back(page, live_server):
    page.goto("/ar/")
    assert page.locator(".language-switch a[hreflang=en]").inner_text() == "English"

    page.locator(".language-switch a[hreflang=en]").click()
    page.wait_for_url(f"{live_server.url}/en/")
    assert page.locator("main h1").inner_text() == "Civil Society Support Room"
    assert page.locator("html").get_attribute("lang") == "en"

    switch = page.locator(".language-switch a[hreflang=ar]")
    assert switch.inner_text() == "العربيّة"
    switch.click()
    page.wait_for_url(f"{live_server.url}/ar/")
    assert page.locator("main h1").inner_text() == "غرفة دعم المجتمع المدني"
    assert page.locator("html").get_attribute("dir") == "rtl"


PUBLIC_PATHS = ["/ar/", "/en/", "/accounts/login/", "/ar/does-not-exist/", "/en/does-not-exist/"]


def test_public_pages_raise_no_errors_and_stay_on_this_server(page, traffic):
    for path in PUBLIC_PATHS:
        page.goto(path)
        page.wait_for_load_state("networkidle")

    # Chromium logs the status of the 404 pages themselves; that is the answer, not a fault.
    errors = [e for e in traffic.errors if not ("status of 404" in e and "does-not-exist" in e)]
    assert traffic.requests, "the browser recorded no request at all"
    assert traffic.foreign_requests() == []
    assert traffic.blocked == []
    assert errors == []


def test_signed_in_pages_raise_no_errors_and_stay_on_this_server(page, sign_in, traffic):
    sign_in("member_legal", next_url="/ar/")
    for path in ["/ar/", "/accounts/profile/", "/en/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")

    assert traffic.foreign_requests() == []
    assert traffic.blocked == []
    assert traffic.errors == []


def test_arabic_heading_starts_at_the_right_and_english_at_the_left(page, screenshots):
    """Full-page screenshots of both home pages land in artifacts/screenshots/ for review."""
    width = page.viewport_size["width"]
    edges = {}
    for language in ("ar", "en"):
        page.goto(f"/{language}/")
        box = text_box(page.locator("main h1"))
        edges[language] = (box["x"], width - (box["x"] + box["width"]))
        path = screenshots / f"home-{language}.png"
        page.screenshot(path=path, full_page=True)
        assert path.stat().st_size > 10_000

    ar_left_gap, ar_right_gap = edges["ar"]
    en_left_gap, en_right_gap = edges["en"]
    assert ar_right_gap < ar_left_gap
    assert en_left_gap < en_right_gap
    # The Arabic text hugs the same margin on the right as the English does on the left.
    assert abs(ar_right_gap - en_left_gap) < 2


def test_sign_in_page_follows_the_language_last_chosen(page, screenshots):
    page.goto("/ar/")
    page.goto("/accounts/login/")

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", name="تسجيل الدخول")).to_be_visible()
    expect(page.get_by_label("كلمة المرور")).to_be_visible()
    path = screenshots / "sign-in.png"
    page.screenshot(path=path, full_page=True)
    assert path.stat().st_size > 5_000
