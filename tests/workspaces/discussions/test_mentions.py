"""Mentions (issue 13, item 4): "@username" is marked in a post, and the composer suggests the
people who may read the thread, and no one else."""

import re

import pytest

from tests.factories import start_discussion
from workspaces.markup import POSTS


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("شكراً @member على الملاحظة", ["@member"]),
        ("(@yousef.ali) و«@rapporteur_legal»", ["@yousef.ali", "@rapporteur_legal"]),
        ("@member.", ["@member"]),
        ("اكتبوا إلى office@example.org", []),
        ("`@in_code` and [@link](https://example.org/@x)", []),
    ],
)
def test_mentions_are_marked_apart_from_the_text_around_them(text, marked):
    html = POSTS.render(text)
    assert re.findall(r'<bdi class="mention">([^<]*)</bdi>', html) == marked


def people_offered(client, url):
    page = client.get(url).content.decode()
    holder = re.search(r"<ul hidden data-composer-people.*?</ul>", page, re.S)
    return set(re.findall(r'data-username="([^"]+)"', holder[0])) if holder else set()


def test_the_composer_offers_the_people_who_may_read_the_thread(team, login):
    discussion = start_discussion(team.workspace, team.member, title="نقاش")
    offered = people_offered(login(team.member), discussion.url)
    # Every role of the group, but not the writer, nor a member of another group.
    assert offered == {"other_member", "rapporteur", "officer", "focal"}
    new = f"/ar/workspaces/{team.workspace.slug}/discussions/new/"
    assert people_offered(login(team.member), new) == offered


def test_only_a_composer_that_can_post_offers_people(team, login):
    discussion = start_discussion(team.workspace, team.member, title="نقاش")
    assert people_offered(login(team.officer), discussion.url) == set()
