"""The public paper made from a draft: the one way a workspace's text reaches the public site.

This module is a privacy boundary. What crosses it: the draft's section labels and the words
of its text, as headings and as rich-text paragraphs holding only what the paper's paragraph
block admits (bold, italic, lists, links to the open web). What never crosses it: who wrote
or edited the text, its revisions, comments, namings and the reasons given for a release, the
workspace's title or address, and any link into a workspace (relative links and any to
`/workspaces/…` lose their address, their words stay). Markup a member typed stays text.

It reads a draft through `filled_sections`, `is_briefing` and the section labels only, and
imports no model of the workspaces, so it can be read and tested on its own
(`tests/workspaces/drafts/test_paper.py`). `DraftPage.publish_paper` puts its result on the
public page.
"""

from functools import cache
from urllib.parse import unquote, urlsplit

import nh3
from bs4 import BeautifulSoup
from django.utils import translation

from workinggroups.blocks import PaperStreamBlock
from workspaces.markup import URL_SCHEMES

from .text import blocks


def body(draft, language):
    """The paper's body for `draft`: a StreamField value of headings and paragraphs, with the
    section labels of a briefing note in `language`."""
    result = []
    with translation.override(language):
        for section, source in draft.filled_sections():
            if draft.is_briefing:
                result.append(("heading", str(section.label)))
            result.extend(paper_blocks(source))
    return result


def points_into_workspace(href):
    """True for links a public text must not carry: relative ones and any into /workspaces/."""
    parts = urlsplit(unquote(href or "").strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return True
    return "/workspaces" in parts.path.lower()


def public_rich_text(inline_html):
    """Inline HTML in Wagtail's rich-text format for a public paper: links into workspaces go,
    their words stay; bold and italic become the editor's <b> and <i>."""
    soup = BeautifulSoup(inline_html, "html.parser")
    for link in soup.find_all("a"):
        if points_into_workspace(link.get("href")):
            link.unwrap()
        else:
            link.attrs = {"href": link["href"]}
    for old, new in (("strong", "b"), ("em", "i")):
        for tag in soup.find_all(old):
            tag.name = new
    for tag in soup.find_all(("code", "del")):
        tag.unwrap()
    return str(soup).strip()


@cache
def paper_rules():
    """(tags, attributes) the rich text of a paper's paragraph block admits: what Wagtail's own
    rules allow for the block's features, with the tags Wagtail allows in any rich text."""
    # Wagtail's converters load the page model: imported once the apps are ready.
    from core import wagtail_internals

    tags = wagtail_internals.editor_html_elements(
        PaperStreamBlock.base_blocks["paragraph"].features
    )
    # Wagtail's link rule keeps a link's href and nothing else.
    attributes = {"a": {"href"}} if "a" in tags else {}
    return frozenset(tags), attributes


def paper_html(html):
    """HTML for a paper's paragraph block, reduced to what that block admits."""
    tags, attributes = paper_rules()
    return nh3.clean(
        html, tags=set(tags), attributes=attributes, url_schemes=set(URL_SCHEMES), link_rel=None
    )


def paper_blocks(source):
    """A section's Markdown as the blocks of a paper's body: headings, and rich-text
    paragraphs that hold the paragraphs and lists between two headings."""
    body, pieces, items = [], [], []
    list_tag = None

    def close_list():
        if items:
            pieces.append(
                f"<{list_tag}>{''.join(f'<li>{item}</li>' for item in items)}</{list_tag}>"
            )
            items.clear()

    def flush():
        close_list()
        if pieces:
            body.append(("paragraph", paper_html("".join(pieces))))
            pieces.clear()

    for block in blocks(source):
        html = public_rich_text(block.html)
        if block.kind == "heading":
            flush()
            body.append(("heading", block.text))
        elif block.kind in ("bullet", "number"):
            tag = "ol" if block.kind == "number" else "ul"
            if tag != list_tag:
                close_list()
                list_tag = tag
            if html:
                items.append(html)
        else:
            close_list()
            if html:
                pieces.append(f"<p>{html}</p>")
    flush()
    return body
