import pytest

from search.text import normalise


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("أَحْمَد", "احمد"),  # tashkeel and hamza on alef
        ("إسماعيل", "اسماعيل"),
        ("آمنة", "امنه"),  # madda, ta marbuta
        ("ٱلقانون", "القانون"),  # wasla
        ("مدرسة", "مدرسه"),
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("كـــتاب", "كتاب"),  # tatweel
        ("١٢٣", "123"),
        ("۱۲۳", "123"),
        ("Groups", "groups"),
        ("ﻻ", "لا"),  # presentation form
    ],
)
def test_spelling_variants_fold_to_the_same_text(written, typed):
    assert normalise(written) == normalise(typed)


def test_different_words_stay_different():
    assert normalise("مدرسة") != normalise("مدرس")
    assert normalise("") == ""
