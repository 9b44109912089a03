"""Merging concurrent edits paragraph by paragraph, and a draft's text as plain blocks."""

from bs4 import BeautifulSoup

from workspaces.drafts.diff import BOTH, MINE, THEIRS, compare, merge_texts
from workspaces.drafts.text import blocks, html_blocks

BASE = "أ\n\nب\n\nج\n\nد"


def merged(base, theirs, mine, choose=None):
    paragraphs = []
    for region in merge_texts(base, theirs, mine):
        choice = (choose or {}).get(tuple(region.mine), region.suggested)
        paragraphs.extend(region.resolve(choice))
    return paragraphs


def test_changes_to_different_paragraphs_merge_without_a_choice_to_make():
    regions = merge_texts(BASE, "أ\n\nب (هم)\n\nج\n\nد", "أ\n\nب\n\nج\n\nد (أنا)")
    suggested = [region.suggested for region in regions if region.differs]
    assert suggested == [THEIRS, MINE]
    assert merged(BASE, "أ\n\nب (هم)\n\nج\n\nد", "أ\n\nب\n\nج\n\nد (أنا)") == [
        "أ",
        "ب (هم)",
        "ج",
        "د (أنا)",
    ]


def test_the_same_paragraph_changed_on_both_sides_keeps_both_by_default():
    regions = [
        region
        for region in merge_texts(BASE, "أ\n\nب1\n\nج\n\nد", "أ\n\nب2\n\nج\n\nد")
        if region.differs
    ]
    assert len(regions) == 1
    assert regions[0].suggested == BOTH
    assert regions[0].resolve(BOTH) == ["ب1", "ب2"]
    assert regions[0].resolve(THEIRS) == ["ب1"]
    assert regions[0].resolve(MINE) == ["ب2"]


def test_additions_on_both_sides_are_all_kept():
    assert merged(BASE, "صفر\n\n" + BASE, BASE + "\n\nهـ") == ["صفر", "أ", "ب", "ج", "د", "هـ"]


def test_a_deletion_on_one_side_is_offered_not_imposed():
    regions = [region for region in merge_texts(BASE, "أ\n\nج\n\nد", BASE) if region.differs]
    assert [(region.theirs, region.mine, region.suggested) for region in regions] == [
        ([], ["ب"], THEIRS)
    ]
    assert regions[0].resolve(MINE) == ["ب"]


def test_compare_pairs_paragraphs_and_marks_words():
    rows = compare("أ\n\nقال <b>س</b>\n\nج", "أ\n\nقال <b>ص</b>\n\nج\n\nد")
    assert [row.status for row in rows] == ["same", "changed", "same", "added"]
    assert rows[1].old == "قال <del>&lt;b&gt;س&lt;/b&gt;</del>"
    assert rows[1].new == "قال <ins>&lt;b&gt;ص&lt;/b&gt;</ins>"
    assert rows[3].new == "<ins>د</ins>"


TYPED = "<img src=x onerror=alert(document.domain)>"


def elements(html):
    return [tag.name for tag in BeautifulSoup(html, "html.parser").find_all(True)]


def test_markup_typed_as_text_stays_text_in_every_kind_of_block():
    source = (
        f"## {TYPED}\n\n"
        f"نص {TYPED}\n\n"
        f"- {TYPED}\n\n"
        f"> {TYPED}\n\n"
        "    <script>alert(document.domain)</script>"
    )
    found = list(blocks(source))
    assert [block.text for block in found] == [
        TYPED,
        f"نص {TYPED}",
        TYPED,
        TYPED,
        "<script>alert(document.domain)</script>",
    ]
    for block in found:
        assert elements(block.html) == [], block
        assert BeautifulSoup(block.html, "html.parser").get_text().strip() == block.text
    # Text between the blocks of sanitised HTML is text too.
    (top,) = html_blocks("&lt;img src=x onerror=alert(1)&gt;")
    assert top.text == "<img src=x onerror=alert(1)>"
    assert elements(top.html) == []
