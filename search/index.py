from django.utils.html import strip_tags
from wagtail.search import index

from .text import normalise


class NormalisedSearchMixin:
    """Index a normalised copy of a page's visible text next to Wagtail's own fields.

    Site search and autocomplete query this copy with the same `normalise`, so spelling
    variants of Arabic words match. Pages give their visible text through `plain_text()`.
    """

    normalised_search_fields = [
        index.SearchField("normalised_text"),
        index.AutocompleteField("normalised_text"),
    ]

    def plain_text(self):
        return ""

    def normalised_text(self):
        parts = [self.title, self.search_description, strip_tags(self.plain_text())]
        return normalise(" ".join(part for part in parts if part))
