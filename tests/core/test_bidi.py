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


LRM, RLM, LRI, PDI = "\u200e", "\u200f", "\u2066", "\u2069"


@pytest.mark.parametrize(
    ("english", "isolated"),
    [
        # A Latin run that starts with a dot would show it on the wrong side: ".ics" → "ics.".
        ("Add to my calendar (.ics)", [f"{LRM}.ics{LRM}"]),
        # After a Latin word an Arabic comma would join the Latin run: a mark keeps it Arabic.
        (
            "Documents (PDF, Word, Excel, PowerPoint, OpenDocument, text) and images (JPEG, PNG, "
            "GIF, WebP, HEIC), up to %(limit)s each.",
            [f"PDF،{RLM} Word،{RLM}", f"WebP،{RLM} HEIC"],
        ),
        # The signs that start a list or a quote, alone between Arabic words, are isolated.
        (
            "You can write *emphasis*, **strong**, lists starting with - or 1., and quotes "
            "starting with >. Web addresses become links by themselves.",
            [f"{LRI}-{PDI}", f"{LRI}1.{PDI}", f"{LRI}>{PDI}"],
        ),
    ],
)
def test_latin_runs_in_arabic_sentences_keep_their_order(english, isolated):
    from django.utils import translation

    with translation.override("ar"):
        arabic = translation.gettext(english)
    assert arabic != english
    for run in isolated:
        assert run in arabic


def test_a_name_and_a_latin_title_each_read_in_their_own_direction():
    from django.template.loader import render_to_string
    from django.utils import translation

    from accounts.models import User

    author = User(username="sami", display_name="سامي الأحمد", title="UN Human Rights Officer")
    with translation.override("ar"):
        html = render_to_string(
            "discussions/includes/post_byline.html", {"author": author, "post": None}
        )
    assert '<span class="post__author" dir="auto">سامي الأحمد</span>' in html
    assert '<span class="post__author-title" dir="ltr">UN Human Rights Officer</span>' in html
