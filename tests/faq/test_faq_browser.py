"""The FAQ in Chromium: right-to-left Arabic, and the contents jumping to each question.

The live server, the demo world and the screenshot folder come from the browser suite. Its
Chromium fixture is not visible from this folder, and a second Playwright cannot start in a
thread whose event loop the first one holds, so each scenario drives its own Chromium in a
worker thread.
"""

import re
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote, urlsplit

import pytest

from tests.browser.fixtures import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, MISSING_CHROMIUM, _in_ci

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_faq(demo_world):  # noqa: F811
    from demo.faq import create_faq

    return create_faq(demo_world["home"])


@pytest.fixture
def in_chromium(live_server, demo_faq):
    """Run `scenario(page)` against the live server in a fresh Chromium; foreign hosts blocked."""
    if not CHROMIUM.exists():
        if _in_ci():
            pytest.fail(f"{MISSING_CHROMIUM} CI=true, so its absence fails the run.")
        pytest.skip(MISSING_CHROMIUM)

    def drive(scenario):
        from playwright.sync_api import sync_playwright

        foreign = []

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
            try:
                context = browser.new_context(
                    base_url=live_server.url, viewport={"width": 1280, "height": 900}
                )
                context.set_default_timeout(15_000)
                context.route("**/*", local_only)
                scenario(context.new_page())
            finally:
                browser.close()
        assert foreign == [], "the FAQ must not reach any other host"

    def run(scenario):
        with ThreadPoolExecutor(max_workers=1) as worker:
            worker.submit(drive, scenario).result()

    return run


def text_end(locator):
    """Where the words of an element end horizontally, rather than the block that holds them."""
    return locator.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const box = range.getBoundingClientRect();
            return {start: box.x, end: box.x + box.width};
        }"""
    )


def test_arabic_faq_reads_right_to_left_and_its_contents_jump_to_questions(
    in_chromium,
    screenshots,  # noqa: F811
):
    from playwright.sync_api import expect

    def scenario(page):
        page.goto("/ar/faq/")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        question = page.locator(".faq-question__title").first
        assert question.evaluate("node => getComputedStyle(node).direction") == "rtl"
        # The words of the title hug the right-hand edge of the content column.
        title, column = text_end(page.locator("h1")), page.locator("main").bounding_box()
        assert title["end"] > column["x"] + column["width"] * 0.75
        page.screenshot(path=screenshots / "faq-ar.png", full_page=True)

        link = page.locator(".faq-toc a", has_text="من يقدم المساعدة التقنية داخل المساحة؟")
        anchor = unquote(link.get_attribute("href"))[1:]
        target = page.locator(f'[id="{anchor}"]')
        expect(target).to_have_class(re.compile("faq-question__title"))
        expect(target).not_to_be_in_viewport()

        link.click()

        expect(target).to_be_in_viewport()
        assert unquote(page.evaluate("location.hash")) == f"#{anchor}"

        page.locator(f'[id="{anchor}"] ~ .faq-question__top a').click()
        expect(page.locator("h1")).to_be_in_viewport()

    in_chromium(scenario)


def test_english_faq_reads_left_to_right(in_chromium, screenshots):  # noqa: F811
    from playwright.sync_api import expect

    def scenario(page):
        page.goto("/en/faq/")
        expect(page.locator("html")).to_have_attribute("dir", "ltr")
        expect(page.locator("h1")).to_have_text(
            "Questions and answers about the thematic working groups"
        )
        title, column = text_end(page.locator("h1")), page.locator("main").bounding_box()
        assert title["start"] < column["x"] + column["width"] * 0.25
        page.screenshot(path=screenshots / "faq-en.png", full_page=True)

    in_chromium(scenario)
