"""axe-core in the browser tests: serious and critical findings, described page by page."""

from axe_playwright_python.sync_playwright import Axe

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
        page.goto(path)  # waits for the load event: styles, scripts and images are in
        violations = blocking_violations(page)
        if violations:
            reports.append(describe(page.url, violations))
    return reports
