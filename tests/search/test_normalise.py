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


@pytest.mark.parametrize(
    "text",
    [
        "أَحْمَد يكتب مسودةً جديدة للدستور ١٢٣",
        "كـــتاب المدرسه ﻻ يُنسى",
        "The Groups' FAQ، ومجموعة العمل",
    ],
)
def test_found_words_are_marked_where_the_folded_text_finds_them(text):
    """Marking folds the text character by character; it must fold it as `normalise` does, or a
    word found by the search would not be marked."""
    from search.text import _folded_by_character, matches

    assert _folded_by_character(text)[0] == normalise(text)
    first_word = text.split()[0]
    assert matches(text, [normalise(first_word)])[0] == (0, len(first_word))
