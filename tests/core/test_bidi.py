"""A text's direction by its dominant script (issue 13, item 8)."""

import pytest

from core.bidi import direction
from workspaces.markup import POSTS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PDF الملف المرفق للنقاش", "rtl"),  # dir="auto" would say ltr: it starts with Latin
        ("Word أو PDF، كما تفضّلون", "rtl"),
        ("Hello world, مرحبا", "ltr"),
        ("فقرة أولى (first paragraph).", "rtl"),  # a tie goes to Arabic
        ("الدُّسْتُورُ الجَدِيدُ in English", "rtl"),  # tashkeel stays inside its word
        ("The UN envoy's office", "ltr"),
        ("2026 - 15:30", "auto"),
        ("", "auto"),
    ],
)
def test_the_script_of_most_words_decides(text, expected):
    assert direction(text) == expected


def test_each_paragraph_of_a_post_reads_in_its_own_direction():
    html = POSTS.render("PDF المرفق يشرح المقترح\n\nSee the attached note.\n\n- بند\n- item two")
    assert html == (
        '<p dir="rtl">PDF المرفق يشرح المقترح</p>\n'
        '<p dir="ltr">See the attached note.</p>\n'
        '<ul>\n<li dir="rtl">بند</li>\n<li dir="ltr">item two</li>\n</ul>'
    )
