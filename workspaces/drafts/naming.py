"""Finding people's names in a draft's text, with the words around each, for non-attribution;
where a draft names someone (`Naming`), and the refusal to let such a text out (`NamedInText`).

Texts and names are compared folded: compatibility forms, case, accents, Arabic vowel marks,
hamza seats and the tatweel aside, and any run of white space as one space, so "يُوسُف
العلي" and "يوسف  العلي" are both found for يوسف العلي. Positions are given in the text as
written, so a reader is shown the passage they wrote.
"""

import re
import unicodedata
from dataclasses import dataclass

from .kinds import Section

# A shorter display name or title ("Dr") would be found inside ordinary words.
MIN_NAME_LENGTH = 3
# Characters shown on each side of a name, cut back to whole words.
AROUND = 40
TATWEEL = "\u0640"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    name: str  # the display name, title or username found


@dataclass(frozen=True)
class Passage:
    """A name as written in the text, and the words before and after it."""

    before: str
    name: str
    after: str

    def __str__(self):
        return f"{self.before}{self.name}{self.after}"


def _folded(value):
    """`value` folded, and for each folded character the index in `value` it comes from."""
    chars, origins = [], []
    for index, char in enumerate(value):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                origins.append(index)
            continue
        for part in unicodedata.normalize("NFKD", char).casefold():
            # Marks (vowels, hamza, accents) and format characters (joiners, direction marks).
            if unicodedata.category(part) in ("Mn", "Cf") or part == TATWEEL:
                continue
            chars.append(part)
            origins.append(index)
    return "".join(chars), origins


def fold(value):
    return _folded(value)[0].strip()


def find(text, names=(), usernames=()):
    """Where `text` contains one of `names` (display names, titles) or `usernames`, in order.

    A username counts only as a word of its own: "ali" is not found in "Alice" or "ali.h".
    """
    folded, origins = _folded(text)
    patterns = []
    for name in names:
        needle = fold(name)
        if len(needle) >= MIN_NAME_LENGTH:
            patterns.append((re.escape(needle), name))
    for username in usernames:
        patterns.append((rf"(?<![\w.@-]){re.escape(fold(username))}(?![\w@-])", username))
    found = {}
    for pattern, name in patterns:
        for match in re.finditer(pattern, folded):
            start, end = origins[match.start()], origins[match.end() - 1] + 1
            found.setdefault((start, end), Match(start, end, name))
    return [found[span] for span in sorted(found)]


def _squash(value):
    return re.sub(r"\s+", " ", value)


def passage(text, match):
    """The name found by `match` with up to `AROUND` characters of whole words either side."""
    low, high = max(0, match.start - AROUND), min(len(text), match.end + AROUND)
    if low > 0:
        space = re.search(r"\s", text[low : match.start])
        low = low + space.end() if space else low
    if high < len(text):
        spaces = list(re.finditer(r"\s", text[match.end : high]))
        high = match.end + spaces[-1].start() if spaces else high
    before = ("…" if low > 0 else "") + _squash(text[low : match.start]).lstrip()
    after = _squash(text[match.end : high]).rstrip() + ("…" if high < len(text) else "")
    return Passage(before, _squash(text[match.start : match.end]), after)


@dataclass(frozen=True)
class Naming:
    """A place where a draft names someone who has access to its workspace."""

    section: Section
    name: str  # the display name, title or username found
    passage: Passage


class NamedInText(Exception):
    """The text names people with access to its workspace, and no one stated why it may leave
    the workspace all the same."""

    def __init__(self, namings):
        super().__init__(f"the text names people in {len(namings)} places")
        self.namings = namings
