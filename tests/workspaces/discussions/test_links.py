"""Web addresses written as they are become links in posts (issue 13, item 4), and only those."""

import pytest

from tests.factories import start_discussion
from workspaces.markup import DRAFTS, POSTS

from .test_sanitising import Elements, assert_harmless


def links(html):
    return [(attrs["href"], attrs.get("rel")) for tag, attrs in Elements(html).found if tag == "a"]


def test_an_address_in_arabic_text_becomes_a_link_without_the_arabic_comma():
    html = POSTS.render("راجعوا https://example.org/دستور، ثم نتحدث.")
    assert links(html) == [("https://example.org/دستور", "nofollow noopener noreferrer")]
    assert "</a>، ثم" in html


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("see www.example.org/report.", "http://www.example.org/report"),
        ("الموقع un.org/ar؟", "http://un.org/ar"),
        ("اكتبوا إلى office@example.org؛ شكراً", "mailto:office@example.org"),
        ("(https://example.org/a)", "https://example.org/a"),
    ],
)
def test_addresses_with_and_without_their_scheme(text, href):
    assert [found for found, _rel in links(POSTS.render(text))] == [href]


@pytest.mark.parametrize(
    "text",
    [
        "the notes are in notes.md and data.py",
        "`https://example.org/in-code`",
        "javascript:alert(1)",
        "ftp://example.org/file",
    ],
)
def test_file_names_code_and_other_schemes_stay_text(text):
    html = POSTS.render(text)
    assert links(html) == []
    assert_harmless(html)


def test_a_written_link_is_left_as_it_is():
    html = POSTS.render("[the report](https://example.org/r) and https://example.org/s")
    assert [href for href, _rel in links(html)] == [
        "https://example.org/r",
        "https://example.org/s",
    ]
    assert ">the report</a>" in html


def test_drafts_keep_to_markdown_links():
    assert links(DRAFTS.render("https://example.org")) == []


def test_a_reply_with_an_address_shows_a_link_on_the_thread_page(team, login):
    discussion = start_discussion(team.workspace, team.member, body="المرجع: https://example.org/x")
    page = login(team.other_member).get(discussion.url).content.decode()
    assert '<a href="https://example.org/x" rel="nofollow noopener noreferrer">' in page
