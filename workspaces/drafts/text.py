"""A draft's text as its paragraphs (for merging) and as plain blocks (heading, paragraph, list
item) for the exports and the public paper.

The blocks come from the HTML that `workspaces.markup.DRAFTS` renders, so only what that
profile lets through is ever read. Every `Block.html` is safe HTML: its text is escaped again
after parsing, so "<img ...>" typed by a member stays text in the Word file, the PDF and the
paper (`workspaces.drafts.paper`).
"""

import html as html_lib
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

from workspaces import markup
from workspaces.markup import DRAFTS, normalise_newlines

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def paragraphs(text):
    """The text's paragraphs: what blank lines separate. Leading spaces are kept (Markdown)."""
    text = normalise_newlines(text).strip("\n")
    return [part.strip("\n").rstrip() for part in PARAGRAPH_BREAK.split(text) if part.strip()]


def join_paragraphs(parts):
    return "\n\n".join(parts)


LIST_ITEM = re.compile(r"\s*(?:([-*+])|\d+[.)])\s")


def _list_kind(paragraph):
    """ "bullet" or "number" for a paragraph that starts a list item, else None."""
    item = LIST_ITEM.match(paragraph)
    return None if item is None else "bullet" if item[1] else "number"


def parts(text):
    """What a member edits or comments on at a time on a phone: the text's paragraphs, except
    that a list stays whole (its items may stand apart, and its numbering runs through them)
    and an indented paragraph stays with the one it continues."""
    found = []
    for paragraph in paragraphs(text):
        kind = _list_kind(paragraph)
        continues = paragraph[:1] in (" ", "\t") or (
            kind is not None and found and _list_kind(found[-1]) == kind
        )
        if continues and found:
            found[-1] = join_paragraphs([found[-1], paragraph])
        else:
            found.append(paragraph)
    return found


def replace_part(text, index, new):
    """`text` with its part `index` (`parts`) replaced by `new`: removed when `new` is empty,
    added at the end when `index` is one past the last part."""
    found = parts(text)
    replacement = paragraphs(new)
    found[index : index + 1] = [join_paragraphs(replacement)] if replacement else []
    return join_paragraphs(found)


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
        return markup.direction(self.text)


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
    return html_blocks(str(DRAFTS.render(text)))


def html_blocks(safe_html):
    """The plain blocks of HTML as `DRAFTS.render` makes it, in order."""
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
