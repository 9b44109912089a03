"""A thread of 500 replies or a workspace with many discussions costs the same queries as a
small one: lists read denormalised counts, and authors and tags come in one query each."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import add_replies, make_user, start_discussion


def queries_for(client, url):
    # Measure a returning reader: the first visit creates the read state, and the site-wide
    # caches (the site and its settings) fill over the first requests.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_a_thread_page_costs_the_same_with_10_and_500_replies(team, login):
    authors = [team.member, team.rapporteur, team.other_member, team.focal]
    discussion = start_discussion(
        team.workspace, team.member, tags=["one", "two"], focal_point_invited=True
    )
    add_replies(discussion, authors, 10)
    client = login(team.rapporteur)
    small = queries_for(client, discussion.url)

    earlier = timezone.now() - datetime.timedelta(days=3)
    add_replies(discussion, authors, 490, start=earlier)
    assert discussion.replies.count() == 500
    assert queries_for(client, discussion.url) == small
    assert queries_for(client, f"{discussion.url}?page=13") == small


def test_the_workspace_home_costs_the_same_with_10_and_500_replies(team, login):
    authors = [team.member, team.rapporteur, team.other_member]
    discussion = start_discussion(team.workspace, team.member, tags=["a", "b"])
    add_replies(discussion, authors, 10)
    client = login(team.member)
    small = queries_for(client, team.workspace.url)

    add_replies(discussion, authors, 490)
    assert queries_for(client, team.workspace.url) == small


def test_the_workspace_home_and_list_cost_the_same_with_more_discussions(team, login):
    client = login(team.member)
    people = [team.member, team.rapporteur, team.other_member]
    start_discussion(team.workspace, team.member, title="First", tags=["x"])
    listing = f"{team.workspace.url}discussions/"
    home, full = queries_for(client, team.workspace.url), queries_for(client, listing)

    for number in range(15):
        author = people[number % 3] if number % 4 else make_user(f"author{number}")
        discussion = start_discussion(
            team.workspace, author, title=f"Topic {number}", tags=[f"t{number}", "shared"]
        )
        add_replies(discussion, people, 3)
    assert queries_for(client, team.workspace.url) == home
    assert queries_for(client, listing) == full
