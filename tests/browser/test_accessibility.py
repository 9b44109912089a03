"""axe-core on the pages every visitor meets; serious and critical findings fail.

One test walks several pages: each browser test empties and rebuilds the database, which
costs more than a page visit, and the report still names every page that fails.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import audit

pytestmark = pytest.mark.browser


def test_public_pages_have_no_serious_accessibility_violation(page):
    # The sign-in page once in each language: it follows the language last chosen.
    paths = ["/ar/", "/accounts/login/", "/en/", "/accounts/login/"]
    paths += ["/ar/does-not-exist/", "/en/does-not-exist/"]

    reports = audit(page, paths)

    assert not reports, "\n\n".join(reports)


def test_profile_page_has_no_serious_accessibility_violation(page, sign_in):
    sign_in("member_legal", next_url="/accounts/profile/")
    expect(page.locator("input[name=display_name]")).to_be_visible()

    reports = audit(page, ["/ar/", "/accounts/profile/", "/en/", "/accounts/profile/"])

    assert not reports, "\n\n".join(reports)
