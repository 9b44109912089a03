"""How a line of typed tags splits into tags, for every tag field of the site and the admin
(taggit's `TAGGIT_TAGS_FROM_STRING` setting)."""

# taggit's own rules (commas, else spaces; quotes keep words together). Private in name, it is
# what taggit calls when the setting is not given; tests/core/test_tags.py fails if it goes.
from taggit.utils import _parse_tags

ARABIC_COMMA = "\u060c"


def parse_tags(text):
    """Tags typed with the Arabic comma (،), as Arabic keyboards offer it, split as with the
    Latin one."""
    return _parse_tags((text or "").replace(ARABIC_COMMA, ","))
