"""Search results as readers see them: a snippet around the words found, the words marked.

`words` are the query's words as `search.text.normalise` folds them; any spelling of them in
the text is marked (`<mark>`), diacritics and alef forms included.
"""

import html

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from search import text as search_text

register = template.Library()


@register.filter
def plain(value):
    """The text of some HTML (a post as shown), its entities read back to characters."""
    return html.unescape(strip_tags(str(value or "")))


@register.filter
def snippet(value, words):
    return search_text.snippet(str(value or ""), words or ())


@register.filter
def highlight(value, words):
    """`value` escaped, each of `words` found in it marked."""
    value = str(value or "")
    pieces, done = [], 0
    for start, end in search_text.matches(value, words or ()):
        pieces += [escape(value[done:start]), "<mark>", escape(value[start:end]), "</mark>"]
        done = end
    pieces.append(escape(value[done:]))
    return mark_safe("".join(pieces))
