"""axe-core on the pages every visitor meets; serious and critical findings fail.

One test walks several pages: each browser test empties and rebuilds the database, which
costs more than a page visit, and the report still names every page that fails.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def blocking_violations(page):
    results = Axe().run(page)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


def describe(url, violations):
    lines = [f"{len(violations)} serious or critical accessibility violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html'][:200]}")
            if node.get("failureSummary"):
                lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


def audit(page, paths):
    reports = []
    for path in paths:
        page.goto(path)
        page.wait_for_load_state("networkidle")
        violations = blocking_violations(page)
        if violations:
            reports.append(describe(page.url, violations))
    return reports


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
