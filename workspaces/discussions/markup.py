"""The small Markdown subset members write in, turned into HTML that is safe to show.

Posts are stored as the text their author typed and rendered on every display, so a change to
the allowed set applies to old posts too. Two layers, on purpose: the Markdown parser is
configured to treat raw HTML as text and to produce only the subset (paragraphs, emphasis,
links, lists, blockquotes, line breaks, inline code), and its output then goes through nh3 with
an explicit list of tags, attributes and URL schemes, so nothing outside that list reaches a
page whatever the parser does.
"""

import re
import threading

import markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "em", "strong", "a", "ul", "ol", "li", "blockquote", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer"
# Posts mix Arabic and Latin paragraphs: each block finds its own direction.
DIRECTION = {tag: {"dir": "auto"} for tag in ("p", "li", "blockquote")}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags={"script", "style"},
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=URL_SCHEMES,
    link_rel=LINK_REL,
    set_tag_attribute_values=DIRECTION,
)

# Markdown features outside the subset. Raw HTML is shown as typed; headings, rules and
# indented code blocks would surprise people who indent or underline in a message; images
# would make readers' browsers fetch from wherever the author points.
_DISABLED = {
    "preprocessors": ["html_block"],
    "blockprocessors": ["code", "hashheader", "setextheader", "hr"],
    "inlinePatterns": ["html", "image_link", "image_reference", "short_image_ref"],
}

_local = threading.local()


def _parser():
    # A Markdown instance keeps state between conversions and is not thread-safe: one per thread.
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = markdown.Markdown(extensions=["nl2br", "sane_lists"], output_format="html")
        for registry, names in _DISABLED.items():
            owner = parser.parser if registry == "blockprocessors" else parser
            items = getattr(owner, registry)
            for name in names:
                if name in items:
                    items.deregister(name)
        _local.parser = parser
    return parser


def render(text):
    """Markdown source → sanitised HTML, marked safe for templates."""
    if not text:
        return mark_safe("")
    html = _parser().reset().convert(text)
    return mark_safe(_cleaner.clean(html))


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
