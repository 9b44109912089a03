"""One normalisation for Arabic and English text, applied to what is indexed and to every query.

Arabic is written with optional diacritics, several alef forms, ta marbuta or ha at word end,
alef maqsura or ya, the tatweel stretch, and Arabic-Indic digits; people type any of these for
the same word. Indexing and querying the same normalised copy makes them all match.

Word forms (the article, plural and feminine endings) are left to PostgreSQL's stemmer: the
`cssr_ar_en` configuration stems Arabic and English. SQLite has no stemmer; there the folding
alone still makes spelling variants match and keeps diacritics from splitting words.
"""

import re
import unicodedata

# Tashkeel and Quranic marks, and the superscript alef.
_DIACRITICS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)
_TATWEEL = "\u0640"
# A word-final ha written for ta marbuta. Folded towards ta marbuta, not away from it, because
# PostgreSQL's Arabic stemmer strips the article and the ending consistently only for the latter.
_FINAL_HA = re.compile(r"ه(?!\w)")
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        # Arabic-Indic and Eastern Arabic-Indic (Persian) digits.
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


def normalise(text):
    """Return `text` folded for search: the same function for documents and queries."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = _FINAL_HA.sub("ة", text.translate(_LETTERS))
    return text.casefold()
