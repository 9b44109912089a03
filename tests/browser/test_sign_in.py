import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_sign_in_form_returns_to_the_arabic_home_page_signed_in(page, live_server, demo_password):
    page.goto("/accounts/login/?next=/ar/")
    page.fill("input[name=username]", "member_legal")
    page.fill("input[name=password]", demo_password)
    page.locator("main form button[type=submit]").click()

    page.wait_for_url(f"{live_server.url}/ar/")
    header = page.locator("header.site-header")
    expect(header.get_by_role("button", name="تسجيل الخروج")).to_be_visible()
    expect(header.get_by_role("link", name="ملفي الشخصي")).to_be_visible()
    expect(header.get_by_role("link", name="تسجيل الدخول")).to_have_count(0)


def test_wrong_password_keeps_the_visitor_on_the_form(page):
    page.goto("/accounts/login/?next=/ar/")
    page.fill("input[name=username]", "member_legal")
    page.fill("input[name=password]", "not-the-password")
    page.locator("main form button[type=submit]").click()

    expect(page.locator("main [role=alert]")).to_be_visible()
    expect(page.locator("input[name=username]")).to_have_value("member_legal")
    expect(page.locator("header.site-header form[action$='/logout/']")).to_have_count(0)
