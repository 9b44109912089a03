"""Markdown as members write it, turned into HTML that is safe to show, in two named profiles.

Texts are stored as their authors typed them. Drafts are rendered on display; posts keep their
rendered HTML beside the text (`RenderedBody`), re-rendered by `manage.py rerender_posts` when
their profile changes, because a thread page would otherwise spend half its time here. Two layers, on purpose: the Markdown parser treats raw HTML as text
("a<b and c>d" stays text) and produces its profile's subset, and its output then goes through
nh3 with an explicit list of tags, attributes and URL schemes, so nothing outside that list
reaches a page whatever the parser does. Each block element then gets the direction of its own
dominant script (`core.bidi`): members mix Arabic and Latin paragraphs, and an Arabic paragraph
that starts with a Latin word still reads right to left.

- `POSTS`, what discussions and replies are written in: paragraphs, emphasis, links, lists,
  blockquotes, line breaks, inline code; web addresses written as they are become links
  (linkify-it finds them, as chat apps do), and "@username" a mention. Headings, rules and indented code blocks would
  surprise people who indent or underline in a message; images would make readers' browsers
  fetch from wherever the author points.
- `DRAFTS`, what texts written together need besides: headings (one level down, the page title
  being the only h1), code blocks and struck-through text.

Also here: the direction of a text, which exports and headings need too.
"""

import re
import threading
from dataclasses import dataclass, field

import markdown
import nh3
from bs4 import BeautifulSoup, NavigableString
from django.utils.safestring import mark_safe
from linkify_it import LinkifyIt

from core import bidi

URL_SCHEMES = frozenset({"http", "https", "mailto"})


@dataclass(frozen=True, eq=False)
class Profile:
    """One way of turning Markdown into safe HTML. Render with `profile.render(text)`."""

    name: str
    extensions: tuple
    # Parser features left out, by the registry that holds them.
    disabled: dict
    tags: frozenset
    attributes: dict
    link_rel: str
    # Block elements that choose their own direction.
    directed: frozenset
    output_format: str = "html"
    # Tags removed with everything inside them; None leaves nh3's own choice.
    clean_content_tags: frozenset | None = None
    # Lines ending in \r\n or \r (pasted text) read as \n before parsing.
    normalise_newlines: bool = False
    # "#" becomes h2 and so on down: the page's title is its only h1.
    headings_down: bool = False
    # Web addresses in the text become links, without Markdown's [text](address).
    linkify: bool = False
    # "@username" is marked as a mention of that person, kept apart from the text around it.
    mentions: bool = False
    _local: threading.local = field(default_factory=threading.local, compare=False, repr=False)

    def _parser(self):
        # A Markdown instance keeps state between conversions and is not thread-safe: one per
        # thread and profile, reset before each use.
        parser = getattr(self._local, "parser", None)
        if parser is None:
            parser = markdown.Markdown(
                extensions=list(self.extensions), output_format=self.output_format
            )
            for registry, names in self.disabled.items():
                owner = parser.parser if registry == "blockprocessors" else parser
                items = getattr(owner, registry)
                for name in names:
                    if name in items:
                        items.deregister(name)
            self._local.parser = parser
        return parser

    def _linkifier(self):
        # linkify-it keeps the state of its last search on the instance: one per thread too.
        linkifier = getattr(self._local, "linkifier", None)
        if linkifier is None:
            # Only the schemes the sanitiser lets through: no ftp: or protocol-relative links
            # that it would strip to dead anchors.
            linkifier = LinkifyIt().tlds(LINK_TLDS, False).add("ftp:", None).add("//", None)
            self._local.linkifier = linkifier
        return linkifier

    def render(self, text):
        """Markdown source → sanitised HTML, marked safe for templates."""
        if self.normalise_newlines:
            text = normalise_newlines(text)
        if not text:
            return mark_safe("")
        html = self._parser().reset().convert(text)
        if self.headings_down:
            html = _HEADING.sub(lambda match: f"<{match[1]}h{int(match[2]) + 1}", html)
        if self.linkify:
            # Before the sanitiser, which then checks these links like any other.
            html = _linkified(html, self._linkifier())
        if self.mentions:
            html = _mentioned(html)
        options = {}
        if self.clean_content_tags is not None:
            options["clean_content_tags"] = set(self.clean_content_tags)
        clean = nh3.clean(
            html,
            tags=set(self.tags),
            attributes={tag: set(names) for tag, names in self.attributes.items()},
            url_schemes=set(URL_SCHEMES),
            link_rel=self.link_rel,
            **options,
        )
        # Each block is laid out by its own dominant script, set on the sanitiser's output.
        return mark_safe(_directed(clean, self.directed))


_HEADING = re.compile(r"<(/?)h([1-5])\b")

# Addresses without "https://" become links only under these endings (the region's countries
# among them): linkify-it's own list has every two-letter country code, and members name files
# (notes.md, data.py) far more often than sites in Moldova or Paraguay.
LINK_TLDS = [
    "com",
    "org",
    "net",
    "edu",
    "gov",
    "int",
    "info",
    "io",
    "eu",
    "uk",
    "de",
    "ch",
    "fr",
    "sy",
    "lb",
    "jo",
    "iq",
    "tr",
]
# Arabic punctuation right after an address ends the sentence, not the address; linkify-it
# keeps any letter that is not ASCII punctuation in a path.
ARABIC_PUNCTUATION = "،؛؟۔"


def _linkified(html, linkifier):
    """`html` with the web addresses of its text (not in a link or code) turned into links."""
    if not linkifier.test(html):
        return html  # most posts: no address at all, nothing to parse
    soup = BeautifulSoup(html, "html.parser")
    for text in soup.find_all(string=True):
        if text.find_parent(["a", "code"]) is not None or not linkifier.test(str(text)):
            continue
        source, pieces, done = str(text), [], 0
        for match in linkifier.match(source):
            shown = match.text.rstrip(ARABIC_PUNCTUATION)
            if not shown:
                continue
            cut = len(match.text) - len(shown)
            link = soup.new_tag("a", href=match.url[: len(match.url) - cut])
            link.string = shown
            pieces += [NavigableString(source[done : match.index]), link]
            done = match.last_index - cut
        text.replace_with(*pieces, NavigableString(source[done:]))
    return str(soup)


# "@" and a username (Django's characters but "@"), at the start of a word: not "a@b.org".
MENTION = re.compile(r"(?<![\w@.+-])@([\w.+-]*\w)")


def _mentioned(html):
    """`html` with each "@username" of its text (not in a link or code) in a
    `<bdi class="mention">`: a Latin username inside an Arabic sentence keeps its own order."""
    if "@" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    for text in soup.find_all(string=True):
        source = str(text)
        if "@" not in source or text.find_parent(["a", "code"]) is not None:
            continue
        pieces, done = [], 0
        for match in MENTION.finditer(source):
            mention = soup.new_tag("bdi", attrs={"class": "mention"})
            mention.string = match[0]
            pieces += [NavigableString(source[done : match.start()]), mention]
            done = match.end()
        if pieces:
            text.replace_with(*pieces, NavigableString(source[done:]))
    return str(soup)


POSTS = Profile(
    name="posts",
    extensions=("nl2br", "sane_lists"),
    disabled={
        "preprocessors": ["html_block"],
        "blockprocessors": ["code", "hashheader", "setextheader", "hr"],
        "inlinePatterns": ["html", "image_link", "image_reference", "short_image_ref"],
    },
    tags=frozenset({"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code", "bdi"}),
    attributes={"a": frozenset({"href", "title"}), "bdi": frozenset({"class"})},
    link_rel="nofollow noopener noreferrer",
    directed=frozenset({"p", "li", "blockquote"}),
    clean_content_tags=frozenset({"script", "style"}),
    linkify=True,
    mentions=True,
)

DRAFT_BLOCK_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre"}
)
DRAFTS = Profile(
    name="drafts",
    extensions=("sane_lists",),
    disabled={"preprocessors": ["html_block"], "inlinePatterns": ["html"]},
    tags=DRAFT_BLOCK_TAGS | {"strong", "em", "a", "code", "br", "del"},
    attributes={"a": frozenset({"href"})},
    link_rel="noopener noreferrer nofollow",
    directed=DRAFT_BLOCK_TAGS - {"li"},
    output_format="xhtml",
    normalise_newlines=True,
    headings_down=True,
)


class RenderedBody:
    """A post's text kept twice: as its author typed it (`body`) and as the safe HTML pages show
    (`body_html`), rendered when the text is written rather than on every view of the thread.

    A change to the posts' profile (`POSTS`) reaches stored posts through
    `manage.py rerender_posts`.
    """

    def render_body(self):
        self.body_html = POSTS.render(self.body)

    @property
    def html(self):
        # Only `render_body` writes the column, with the output of the sanitiser.
        return mark_safe(self.body_html)


def rerender(posts, batch=500):
    """Render the `body` of every post in the queryset `posts` again into its `body_html`.

    Written for historical models too (a migration calls it): it needs only the two columns.
    Returns how many stored texts changed.
    """
    changed, pending = 0, []
    for post in posts.only("pk", "body", "body_html").order_by("pk").iterator(chunk_size=batch):
        html = POSTS.render(post.body)
        if html != post.body_html:
            post.body_html = html
            pending.append(post)
        if len(pending) == batch:
            changed += posts.model.objects.bulk_update(pending, ["body_html"])
            pending = []
    return changed + posts.model.objects.bulk_update(pending, ["body_html"])


def normalise_newlines(text):
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


# -- Posts' plain text ---------------------------------------------------------------------------


def excerpt(text, length=160):
    """Plain text of a post for lists and results: quoted lines left out, whitespace folded."""
    own = [line for line in text.splitlines() if not line.lstrip().startswith(">")]
    words = " ".join(own).split() or text.split()
    text = " ".join(words)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


_QUOTE_ESCAPE = re.compile(r"([\\`*_\[\]<>#])")


def quote(text, author_name=""):
    """A Markdown blockquote of `text`, attributed to `author_name`, ready for a reply form."""
    lines = []
    if author_name:
        name = _QUOTE_ESCAPE.sub(r"\\\1", author_name)
        lines.append(f"> **{name}:**")
        lines.append(">")
    lines.extend(f"> {line}".rstrip() for line in text.strip().splitlines())
    return "\n".join(lines) + "\n\n"


# -- Direction -----------------------------------------------------------------------------------


def direction(text, default="ltr"):
    """The direction of `text` by its dominant script (`core.bidi`), `default` without letters."""
    return bidi.direction(text, default)


def mostly_rtl(text):
    """Whether most words are right to left (or the text has no letters)."""
    return bidi.direction(text, "rtl") == "rtl"


def _directed(html, tags):
    """`html` with each element of `tags` given the direction of its own text."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(list(tags)):
        element["dir"] = bidi.direction(element.get_text(), "auto")
    return str(soup)
