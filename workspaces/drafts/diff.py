"""Differences between two texts, side by side, and the merge of two concurrent edits.

Both work on paragraphs (what blank lines separate), so a change reads as members think of it:
this paragraph was rewritten, that one added. Every piece of text is escaped here; the HTML
that leaves this module holds nothing of a member's but text inside <ins> and <del>.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .text import join_paragraphs, paragraphs

TOKENS = re.compile(r"\s+|\S+")


@dataclass(frozen=True)
class Row:
    """One line of a side-by-side comparison: a paragraph before and after."""

    status: str  # "same", "changed", "removed", "added"
    old: str
    new: str


def _marked(tokens, tag):
    text = escape("".join(tokens))
    return f"<{tag}>{text}</{tag}>" if text.strip() else text


def word_diff(old, new):
    """(old, new) as safe HTML, the words only one side has wrapped in <del> or <ins>."""
    old_tokens, new_tokens = TOKENS.findall(old), TOKENS.findall(new)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    left, right = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(escape("".join(old_tokens[i1:i2])))
            right.append(escape("".join(new_tokens[j1:j2])))
            continue
        if i2 > i1:
            left.append(_marked(old_tokens[i1:i2], "del"))
        if j2 > j1:
            right.append(_marked(new_tokens[j1:j2], "ins"))
    return mark_safe("".join(left)), mark_safe("".join(right))


def compare(old_text, new_text):
    """Rows pairing the paragraphs of two texts, aligned so moved-down text still lines up."""
    old, new = paragraphs(old_text), paragraphs(new_text)
    rows = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            rows.extend(Row("same", escape(p), escape(p)) for p in old[i1:i2])
            continue
        before, after = old[i1:i2], new[j1:j2]
        for index in range(max(len(before), len(after))):
            if index < len(before) and index < len(after):
                rows.append(Row("changed", *word_diff(before[index], after[index])))
            elif index < len(before):
                rows.append(Row("removed", mark_safe(_marked([before[index]], "del")), ""))
            else:
                rows.append(Row("added", "", mark_safe(_marked([after[index]], "ins"))))
    return rows


# -- Merging two edits of the same revision ------------------------------------------------

THEIRS, MINE, BOTH = "theirs", "mine", "both"
CHOICES = [
    (THEIRS, _("Keep theirs")),
    (MINE, _("Keep mine")),
    (BOTH, _("Keep both")),
]


@dataclass
class Region:
    """A stretch of the text where the saved version ("theirs") and the one being saved
    ("mine") are either the same or differ, with what their common ancestor had there."""

    base: list
    theirs: list
    mine: list
    rows: list = field(default_factory=list)

    @property
    def differs(self):
        return self.theirs != self.mine

    @property
    def suggested(self):
        """Whoever changed this stretch wins; when both did, both are kept."""
        if self.theirs == self.base:
            return MINE
        if self.mine == self.base:
            return THEIRS
        return BOTH

    def resolve(self, choice):
        if not self.differs or choice == THEIRS:
            return list(self.theirs)
        if choice == MINE:
            return list(self.mine)
        return list(self.theirs) + [p for p in self.mine if p not in self.theirs]


def _stable_stretches(base, theirs, mine):
    """Stretches of `base` both sides kept: (base start, base end, theirs start, mine start),
    ending with an empty stretch at the end of all three."""
    ours = SequenceMatcher(None, base, theirs, autojunk=False).get_matching_blocks()
    yours = SequenceMatcher(None, base, mine, autojunk=False).get_matching_blocks()
    stretches = []
    i = j = 0
    # The last matching block of each is an empty sentinel.
    while i < len(ours) - 1 and j < len(yours) - 1:
        t_base, t_at, t_len = ours[i]
        m_base, m_at, m_len = yours[j]
        start, end = max(t_base, m_base), min(t_base + t_len, m_base + m_len)
        if start < end:
            stretches.append((start, end, t_at + start - t_base, m_at + start - m_base))
        if t_base + t_len < m_base + m_len:
            i += 1
        else:
            j += 1
    stretches.append((len(base), len(base), len(theirs), len(mine)))
    return stretches


def merge_regions(base, theirs, mine):
    """The regions of a three-way merge of paragraph lists, in order."""
    regions = []
    b = t = m = 0
    for b_start, b_end, t_start, m_start in _stable_stretches(base, theirs, mine):
        if t < t_start or m < m_start:
            region = Region(base[b:b_start], theirs[t:t_start], mine[m:m_start])
            if region.differs:
                region.rows = compare(join_paragraphs(region.theirs), join_paragraphs(region.mine))
            regions.append(region)
        length = b_end - b_start
        if length:
            kept = base[b_start:b_end]
            regions.append(Region(kept, list(kept), list(kept)))
        b, t, m = b_end, t_start + length, m_start + length
    return regions


def merge_texts(base_text, theirs_text, mine_text):
    return merge_regions(paragraphs(base_text), paragraphs(theirs_text), paragraphs(mine_text))
