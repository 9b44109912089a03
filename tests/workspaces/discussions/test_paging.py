"""The pages of a thread, read by the replies' places.

A page of a thread is a range of places (`Reply.position`) and the page a reply is on follows
from its own place, so the last page of a long thread costs what the first does: the SQL asks
for neither an OFFSET nor a COUNT of the replies.
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import add_replies, start_discussion
from workspaces.discussions.models import REPLIES_PER_PAGE

HEADING = re.compile(r'<h2 id="replies-heading">(.*?)</h2>', re.S)


@pytest.fixture
def thread(team):
    """A thread of 45 replies: pages of 20, 20 and 5."""
    discussion = start_discussion(team.workspace, team.member)
    return discussion, add_replies(discussion, [team.rapporteur, team.other_member], 45)


def shown(response):
    return [reply.pk for reply in response.context["replies"]]


def test_a_thread_is_paged_by_place(thread, team, login):
    discussion, replies = thread
    client = login(team.member)

    first = client.get(discussion.url)
    assert shown(first) == [reply.pk for reply in replies[:20]]
    assert shown(client.get(discussion.url, {"page": 2})) == [r.pk for r in replies[20:40]]
    assert shown(client.get(discussion.url, {"page": 3})) == [r.pk for r in replies[40:]]
    page = first.context["replies"]
    assert (page.paginator.count, page.paginator.num_pages, page.start_index()) == (45, 3, 1)
    assert "45" in HEADING.search(first.content.decode()).group(1)


@pytest.mark.parametrize(("asked", "number"), [("99", 3), ("abc", 1), ("0", 3), ("", 1)])
def test_a_page_number_out_of_range_or_not_a_number_is_answered_as_django_does(
    thread, team, login, asked, number
):
    discussion, replies = thread
    page = login(team.member).get(discussion.url, {"page": asked}).context["replies"]
    assert page.number == number
    expected = replies[40:] if number == 3 else replies[:20]
    assert [reply.pk for reply in page] == [reply.pk for reply in expected]


def test_hidden_replies_keep_their_place(thread, team, login):
    discussion, replies = thread
    replies[20].hide(by=team.officer, reason="Off topic", workspace=team.workspace)
    second = login(team.member).get(discussion.url, {"page": 2})

    assert shown(second) == [reply.pk for reply in replies[20:40]]
    assert second.context["replies"].paginator.count == 45
    assert f'id="reply-{replies[20].pk}"' in second.content.decode()
    assert discussion.page_of(replies[40]) == 3


def test_an_empty_thread_has_one_empty_page(team, login):
    discussion = start_discussion(team.workspace, team.member)
    page = login(team.member).get(discussion.url).context["replies"]
    assert (page.number, page.paginator.count, list(page)) == (1, 0, [])


def test_a_reply_links_to_the_page_it_is_on(thread, team, login):
    discussion, replies = thread
    client = login(team.member)
    assert discussion.reply_url(replies[19]) == f"{discussion.url}#reply-{replies[19].pk}"
    assert discussion.reply_url(replies[20]) == f"{discussion.url}?page=2#reply-{replies[20].pk}"
    last = replies[-1]
    permalink = reverse("workspaces:discussions:reply", args=["alpha", last.pk])
    assert client.get(permalink)["Location"] == f"{discussion.url}?page=3#reply-{last.pk}"
    assert f'id="reply-{last.pk}"' in client.get(discussion.url, {"page": 3}).content.decode()


def test_a_deleted_reply_leaves_a_gap_and_moves_no_other_reply(thread, team, login):
    discussion, replies = thread
    replies[4].delete()
    client = login(team.member)

    assert shown(client.get(discussion.url)) == [r.pk for r in replies[:20] if r != replies[4]]
    assert shown(client.get(discussion.url, {"page": 2})) == [r.pk for r in replies[20:40]]
    assert discussion.page_of(replies[20]) == 2


def test_the_last_page_asks_no_offset_and_counts_no_replies(thread, team, login):
    discussion, _replies = thread
    client = login(team.member)
    client.get(discussion.url)
    for page in ("1", "3", "99"):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(discussion.url, {"page": page}).status_code == 200
        about_replies = [q["sql"] for q in captured if '"discussions_reply"' in q["sql"]]
        assert about_replies, page
        for sql in about_replies:
            assert "OFFSET" not in sql.upper(), sql
            assert "COUNT(" not in sql.upper(), sql
        # The page itself: a range of places.
        assert any('"position" >' in sql and "LIMIT" not in sql for sql in about_replies)


def test_the_page_of_a_reply_asks_no_query(thread, django_assert_num_queries):
    discussion, replies = thread
    with django_assert_num_queries(0):
        pages = [discussion.page_of(reply) for reply in replies]
    per_page = REPLIES_PER_PAGE
    assert pages == [1] * per_page + [2] * per_page + [3] * (45 - 2 * per_page)
