"""Which way a text runs, by its dominant script.

Browsers' `dir="auto"` follows a text's first strong letter, so an Arabic message that starts
with "PDF" is laid out left to right. Here the script of most words decides, and a tie goes to
right to left (the platform is Arabic first). One rule for posts, drafts, exports and the
`dir_of` template filter.
"""

import unicodedata

RTL = ("R", "AL")
# Marks that sit on a letter (tashkeel) or join letters: they continue the word they are in.
WITHIN_WORD = ("NSM", "BN")


def direction(text, default="auto"):
    """ "rtl" or "ltr" by the script of most words of `text`; `default` when it has no letters."""
    words = {"rtl": 0, "ltr": 0}
    current = None
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in WITHIN_WORD:
            continue
        script = "rtl" if kind in RTL else "ltr" if kind == "L" else None
        if script is not None and script != current:
            words[script] += 1
        current = script
    if not words["rtl"] and not words["ltr"]:
        return default
    return "rtl" if words["rtl"] >= words["ltr"] else "ltr"
