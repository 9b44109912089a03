from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def exclude_restricted(pages):
    """`pages` without any page under a view restriction, inside the same SQL query.

    Wagtail's `.public()` first fetches every restriction in a query of its own; public listings
    call this instead so a cold public page stays within its query budget.
    """
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restricted))
