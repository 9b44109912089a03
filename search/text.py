"""One normalisation for Arabic and English text, applied to what is indexed and to every query.

Arabic is written with optional diacritics, several alef forms, ta marbuta or ha at word end,
alef maqsura or ya, the tatweel stretch, and Arabic-Indic digits; people type any of these for
the same word. Indexing and querying the same normalised copy makes them all match.

Word forms (the article, plural and feminine endings) are left to PostgreSQL's stemmer: the
`cssr_ar_en` configuration stems Arabic and English. SQLite has no stemmer; there the folding
alone still makes spelling variants match and keeps diacritics from splitting words.
"""

import functools
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


# -- Showing what was found ----------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _folded_character(character):
    """One character as `normalise` folds it (but the word-final ha): none, one or several.
    Kept, because a page of search results folds every character of every snippet it shows,
    and texts draw on a small alphabet."""
    character = unicodedata.normalize("NFKC", character)
    character = _DIACRITICS.sub("", character).replace(_TATWEEL, "").translate(_LETTERS)
    return character.casefold()


def _folded_by_character(text):
    """`text` folded as `normalise` folds it, and for each folded character the position in
    `text` it came from: so a match in the folded text can be marked in the text as written."""
    folded, origins = [], []
    for position, character in enumerate(text):
        for each in _folded_character(character):
            folded.append(each)
            origins.append(position)
    for index, character in enumerate(folded):
        if character == "ه" and (index + 1 == len(folded) or not folded[index + 1].isalnum()):
            folded[index] = "ة"
    return "".join(folded), origins


def _in_word(character):
    return character.isalnum() or bool(_DIACRITICS.match(character)) or character == _TATWEEL


def matches(text, words):
    """Where the folded `words` occur in `text`, as sorted, merged (start, end) spans of the
    whole words of `text` they are part of: a query matches the beginning of longer words
    (الدستور in الدستورية), and a mark that cut a word would also cut the joining of its
    Arabic letters."""
    folded, origins = _folded_by_character(text or "")
    spans = []
    for word in words:
        start = folded.find(word)
        while word and start >= 0:
            end = start + len(word)
            first, last = origins[start], origins[end - 1] + 1
            while first > 0 and _in_word(text[first - 1]):
                first -= 1
            while last < len(text) and _in_word(text[last]):
                last += 1
            spans.append((first, last))
            start = folded.find(word, end)
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text, words, length=200):
    """Up to `length` characters of `text` around the first of `words` found in it (its start
    when none is), cut at spaces, with "…" where text was left out."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    found = matches(text, words)
    start = max(0, found[0][0] - length // 3) if found else 0
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
