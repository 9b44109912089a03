from html.parser import HTMLParser

import pytest

from tests.factories import start_discussion
from workspaces.markup import POSTS

render = POSTS.render

ATTACKS = [
    "<script>alert('x')</script>",
    '<img src="x" onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    '<a href="javascript:alert(1)" onclick="alert(2)">raw link</a>',
    '<iframe src="https://example.org"></iframe>',
    "<svg><script>alert(1)</script></svg>",
    '[x](https://example.org "t" onmouseover="alert(1)")',
    "![tracker](https://example.org/pixel.png)",
    '<p style="position:fixed">styled</p>',
]


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would build them."""

    def __init__(self, html):
        super().__init__()
        self.found = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def assert_harmless(html):
    for tag, attrs in Elements(html).found:
        assert tag not in {"script", "img", "iframe", "svg", "style"}, html
        assert not any(name.startswith("on") or name == "style" for name in attrs), html
        href = attrs.get("href", "") or ""
        assert href.split(":", 1)[0].lower() in {"http", "https", "mailto"} or ":" not in href


@pytest.mark.parametrize("attack", ATTACKS)
def test_rendered_markdown_never_carries_active_content(attack):
    assert_harmless(render(attack))


def test_raw_html_is_shown_as_text():
    assert render("<b>bold?</b>") == '<p dir="ltr">&lt;b&gt;bold?&lt;/b&gt;</p>'


def test_the_subset_renders_with_safe_links():
    html = render(
        "Some *emphasis* and **strong**\nnext line\n\n> quoted\n\n- one\n- two\n\n"
        "[site](https://example.org) and [mail](mailto:a@example.org)"
    )
    tags = [tag for tag, _attrs in Elements(html).found]
    assert {"em", "strong", "br", "blockquote", "ul", "li", "a", "p"} <= set(tags)
    links = [attrs for tag, attrs in Elements(html).found if tag == "a"]
    assert [link["href"] for link in links] == ["https://example.org", "mailto:a@example.org"]
    assert all(link["rel"] == "nofollow noopener noreferrer" for link in links)
    blocks = [attrs for tag, attrs in Elements(html).found if tag in {"p", "li", "blockquote"}]
    # Each block in the direction of its own (here Latin) script.
    assert blocks and all(attrs.get("dir") == "ltr" for attrs in blocks)


def test_attacks_in_posts_never_reach_the_thread_page(team, login):
    body = "\n\n".join(ATTACKS)
    discussion = start_discussion(
        team.workspace, team.member, title="<script>alert('title')</script>", body=body
    )
    discussion.add_reply(author=team.rapporteur, body=body)
    client = login(team.member)

    for url in (discussion.url, team.workspace.url):
        page = client.get(url).content.decode()
        main = page[page.index('<main id="main"') :]
        assert_harmless(main)
        assert "<script>alert('title')</script>" not in page
    assert (
        "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;"
        in client.get(discussion.url).content.decode()
    )
