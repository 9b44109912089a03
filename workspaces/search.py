"""The workspace search: what each feature finds for one query, in one place.

A feature registers what it can find, in its `AppConfig.ready()`:
`search.register("events", _("Events"), EventPage.objects.in_workspace)`: called with the
workspace, that gives a queryset whose `found(words, limit)` returns the `Found` rows holding
every one of `words` (folded by `search.text.normalise`), newest first and at most `limit`.
`more_url(workspace, words)`, if given, is the feature's own fuller search. The workspace search page (`discussions.views.search`, the discussions
being the first feature that could search) shows discussions and replies and, beside them, what
every registered feature found. The kit names no feature: features come to it.
"""

import datetime
from dataclasses import dataclass, field

from search.text import normalise

# How many newest pages of one kind a search without a folded column of its own reads: a
# working group plans tens of events and writes tens of drafts in a term.
SCAN_LIMIT = 500


@dataclass(frozen=True)
class Found:
    title: str
    url: str
    # Plain text (no Markdown, no HTML) the result's snippet is cut from.
    text: str = ""
    when: datetime.datetime | datetime.date | None = None


@dataclass
class Group:
    key: str
    label: str
    found: list = field(default_factory=list)
    more_url: str | None = None


_SOURCES = {}


def register(key, label, in_workspace, more_url=None):
    _SOURCES[key] = (label, in_workspace, more_url)


def found_elsewhere(access, words, limit=5):
    """What each registered feature found in the workspace, in the order they registered."""
    workspace = access.workspace
    return [
        Group(
            key,
            label,
            in_workspace(workspace).found(words, limit),
            more_url(workspace, words) if more_url else None,
        )
        for key, (label, in_workspace, more_url) in _SOURCES.items()
    ]


def holds_every(words, *texts):
    """Whether the folded `texts` together hold every one of `words`."""
    folded = normalise(" ".join(text or "" for text in texts))
    return all(word in folded for word in words)
