"""Every page of a workspace costs at most twelve SQL queries, for members and staff alike.

The gate answers from one query (the workspace, the membership and the code of conduct
together), members get no Wagtail user bar to ask permissions for, and posts keep their HTML.
That the counts do not grow with the data is shown per feature (`discussions/test_query_counts`)
and at full scale by `make bench-workspaces` (docs/benchmarks.md).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    add_replies,
    adopt_code_of_conduct,
    make_user,
    make_workspace,
    plan_event,
    start_discussion,
    store_file,
)
from workspaces.discussions.models import REPLIES_PER_PAGE
from workspaces.drafts.models import DraftPage, Kind
from workspaces.models import Role

BUDGET = 12


@pytest.fixture
def busy(db):
    member, officer, staff = (
        make_user("member"),
        make_user("officer"),
        make_user("staff", staff=True),
    )
    workspace = make_workspace("alpha", members={member: Role.MEMBER, officer: Role.OFFICER})
    adopt_code_of_conduct(accepted_by=[member, officer, staff])
    thread = start_discussion(workspace, member, title="Long thread", tags=["one", "two"])
    add_replies(thread, [member, officer], REPLIES_PER_PAGE * 3 + 5)
    for number in range(3):
        add_replies(start_discussion(workspace, officer, title=f"Topic {number}"), member, 2)
    store_file(workspace, member, "paper.pdf")
    store_file(workspace, officer, "photo.jpg")
    plan_event(workspace, officer)
    DraftPage.create(workspace, author=member, title="Joint statement", kind=Kind.TEXT)
    return workspace, thread, {"member": member, "staff": staff}


def pages(workspace, thread):
    base = workspace.url
    return {
        "home": base,
        "discussions": f"{base}discussions/",
        "thread, first page": thread.url,
        "thread, last page": f"{thread.url}?page=4",
        "library": f"{base}library/",
        "calendar": f"{base}calendar/",
        "drafts": f"{base}drafts/",
        "search": f"{base}search/?q=reply",
    }


def queries(client, url):
    # A returning reader: read states exist, per-process caches (the site, its settings) are warm.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in captured]


@pytest.mark.parametrize("who", ["member", "staff"])
def test_every_workspace_page_within_the_budget(busy, client, who):
    workspace, thread, people = busy
    client.force_login(people[who])
    counts = {name: queries(client, url) for name, url in pages(workspace, thread).items()}
    over = {name: len(sql) for name, sql in counts.items() if len(sql) > BUDGET}
    assert not over, "\n\n".join(
        f"{name}: {len(counts[name])} queries\n" + "\n".join(counts[name]) for name in over
    )


def workspace_queries(captured):
    """The queries that asked about workspaces, memberships or the code of conduct."""
    return [query["sql"] for query in captured if '"workspaces_' in query["sql"]]


@pytest.mark.parametrize("method", ["get", "delete"])
def test_the_gate_answers_a_member_from_one_query(busy, client, method):
    workspace, _thread, people = busy
    client.force_login(people["member"])
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(f"{workspace.url}members/")
    assert response.status_code == (200 if method == "get" else 405)
    # The members page then lists the memberships: one more query of its own.
    expected = 2 if method == "get" else 1
    assert len(workspace_queries(captured)) == expected, workspace_queries(captured)


def test_an_outsider_is_refused_after_the_same_one_query(busy, client):
    workspace, _thread, _people = busy
    client.force_login(make_user("outsider"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(workspace.url)
    assert response.status_code == 404
    assert len(workspace_queries(captured)) == 1, workspace_queries(captured)
