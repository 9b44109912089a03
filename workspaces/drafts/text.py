"""A draft's text: Markdown as members write it, safe HTML as the workspace shows it, and plain
blocks (heading, paragraph, list item) as the exports and the public paper need them.

Raw HTML in members' Markdown is shown as typed, and the parser's output still goes through
`nh3` on the way out, so only the tags below ever reach a page. (The discussions' renderer
leaves headings out on purpose; drafts need them, hence a renderer of their own.)

Every `Block.html` is safe HTML: its text is escaped again after parsing, so "<img ...>" typed
by a member stays text in the paper, the Word file and everywhere else. The paper's HTML goes
through `nh3` once more, with only what the paper's paragraph block admits, before it is saved.
"""

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote, urlsplit

import markdown
import nh3
from bs4 import BeautifulSoup, NavigableString, Tag
from django.utils.safestring import mark_safe

from workinggroups.blocks import PaperStreamBlock

BLOCK_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre"}
INLINE_TAGS = {"strong", "em", "a", "code", "br", "del"}
URL_SCHEMES = {"http", "https", "mailto"}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# The page title is the draft's only h1: a Markdown "#" becomes h2, and so on down.
HEADING = re.compile(r"<(/?)h([1-5])\b")


def normalise_newlines(text):
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def paragraphs(text):
    """The text's paragraphs: what blank lines separate. Leading spaces are kept (Markdown)."""
    text = normalise_newlines(text).strip("\n")
    return [part.strip("\n").rstrip() for part in PARAGRAPH_BREAK.split(text) if part.strip()]


def join_paragraphs(parts):
    return "\n\n".join(parts)


def direction(text, default="ltr"):
    """What `dir="auto"` would choose: the direction of the first strong character."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return default


def _markdown():
    """A parser that shows raw HTML as typed: "a<b and c>d" is text, not a tag to strip."""
    parser = markdown.Markdown(extensions=["sane_lists"])
    parser.preprocessors.deregister("html_block")
    parser.inlinePatterns.deregister("html")
    return parser


def render(text):
    """Safe HTML of a draft's Markdown, every block element marked `dir="auto"`."""
    html = _markdown().convert(normalise_newlines(text))
    html = HEADING.sub(lambda match: f"<{match[1]}h{int(match[2]) + 1}", html)
    clean = nh3.clean(
        html,
        tags=BLOCK_TAGS | INLINE_TAGS,
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        set_tag_attribute_values={tag: {"dir": "auto"} for tag in BLOCK_TAGS - {"li"}},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)


@dataclass(frozen=True)
class Block:
    """One line of output: a heading, a paragraph, or an item of a list at some depth."""

    kind: str  # "heading", "paragraph", "bullet", "number"
    text: str  # plain text, whitespace collapsed
    html: str  # safe inline HTML: the sanitised markup it came from, its text escaped
    number: int = 0
    level: int = 0

    @property
    def direction(self):
        return direction(self.text)


def _inline(nodes):
    """Nodes back to HTML. A text node's `str()` is its unescaped text: escape it again."""
    return "".join(
        html_lib.escape(str(node), quote=False) if isinstance(node, NavigableString) else str(node)
        for node in nodes
    )


def _plain(nodes):
    text = "".join(
        node.get_text() if isinstance(node, Tag) else str(node)
        for node in nodes
        if not (isinstance(node, Tag) and node.name in ("ul", "ol"))
    )
    return " ".join(text.split())


def _list_blocks(element, level):
    kind = "number" if element.name == "ol" else "bullet"
    start = int(element.get("start", 1)) if str(element.get("start", "1")).isdigit() else 1
    for number, item in enumerate(element.find_all("li", recursive=False), start=start):
        # A loose list wraps each item's text in <p>; the item's own text is what is not a list.
        own = []
        for child in item.children:
            if isinstance(child, Tag) and child.name == "p":
                own.extend(child.contents)
            elif not (isinstance(child, Tag) and child.name in ("ul", "ol")):
                own.append(child)
        yield Block(kind, _plain(own), _inline(own).strip(), number=number, level=level)
        for sub in item.find_all(("ul", "ol"), recursive=False):
            yield from _list_blocks(sub, level + 1)


def blocks(text):
    """The plain blocks of a draft's Markdown, in order."""
    return html_blocks(str(render(text)))


def html_blocks(safe_html):
    """The plain blocks of HTML as `render` makes it, in order."""
    soup = BeautifulSoup(safe_html, "html.parser")
    for element in soup.children:
        if isinstance(element, NavigableString):
            if element.strip():
                yield Block("paragraph", " ".join(element.split()), _inline([element]).strip())
            continue
        if element.name in ("h2", "h3", "h4", "h5", "h6"):
            yield Block("heading", _plain(element.contents), _inline(element.contents))
        elif element.name in ("ul", "ol"):
            yield from _list_blocks(element, 0)
        elif element.name == "blockquote":
            for child in element.find_all(("p", "li")) or [element]:
                yield Block("paragraph", _plain(child.contents), _inline(child.contents))
        elif element.name == "pre":
            code = element.get_text()
            yield Block("paragraph", " ".join(code.split()), _inline([NavigableString(code)]))
        else:
            text = _plain(element.contents)
            if text:
                yield Block("paragraph", text, _inline(element.contents))


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
        html, tags=set(tags), attributes=attributes, url_schemes=URL_SCHEMES, link_rel=None
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
