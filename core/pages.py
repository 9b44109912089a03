"""View restrictions answered inside one SQL query, for public listings and for serving a page.

Page models of the public apps mix in `ViewRestrictionsMixin`; their listings filter with
`exclude_restricted`. Reads Wagtail's pages and restrictions only; never writes.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from wagtail.models import Page, PageViewRestriction


def exclude_restricted(pages):
    """`pages` without any page under a view restriction, inside the same SQL query.

    Wagtail's `.public()` first fetches every restriction in a query of its own; public listings
    call this instead so a cold public page stays within its query budget.
    """
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restricted))


class ViewRestrictionsMixin:
    """Wagtail's view-restriction lookup for a page, in one query instead of two.

    Wagtail checks this on every page it serves: the restrictions on the page, on its ancestors
    and, for any of them that is an alias, on the page it aliases. It first fetches the ancestors
    in a query of their own; here they are named by their tree paths inside the same query.
    """

    def get_view_restrictions(self):
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        line = Page.objects.filter(path__in=paths)
        return PageViewRestriction.objects.filter(
            Q(page__in=line.filter(alias_of__isnull=True)) | Q(page__in=line.values("alias_of"))
        )
