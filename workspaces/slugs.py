"""The one slug rule for every page a member creates in a workspace: discussions, events, drafts.

A slug comes from the page's title in the title's own script (an Arabic title gives an Arabic
slug), cut short at a word, unique below the workspace, and never a name that one of the
workspace's own routes answers to: the URLconf serves `<workspace>/members/` before the page
tree, so a page with the slug `members` could never be opened. Features ask `free_slug` and keep
no rule of their own.
"""

from django.utils.text import slugify

from .features import FEATURES, MEMBERS

# The first path segments below a workspace that belong to routes, not to pages: the same list
# the URLconf includes the features from. A test checks it against every route.
RESERVED = tuple(sorted((MEMBERS, *FEATURES)))
MAX_LENGTH = 50


def free_slug(parent, words, fallback):
    """A slug for a new page below `parent`, from `words` (its title, or a slug wanted).

    `fallback` stands in when `words` leave nothing to slugify (punctuation only).
    """
    base = slugify(words, allow_unicode=True)
    if len(base) > MAX_LENGTH:
        # Arabic letters take six characters each once in a URL: keep whole words, short.
        base = base[:MAX_LENGTH].rsplit("-", 1)[0]
    base = base.strip("-") or fallback
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    taken.update(RESERVED)
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug
