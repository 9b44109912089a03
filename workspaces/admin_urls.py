"""Admin addresses answered before Wagtail's own, at the same paths: the screens that would name
a workspace's pages, tags or people to someone who is not platform staff, and that no Wagtail
hook reaches (`admin_privacy` says what each leaves out).

Mounted in `cssr/urls.py` just ahead of Wagtail's admin. A hook's admin URLs come after
Wagtail's built-in ones, so they cannot stand in for them. Each view is guarded and answered like
Wagtail's: the admin's access check, no caching, the admin's own 404 page.
"""

import functools

from django.http import Http404
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found
from wagtail.admin.auth import require_admin_access

from core import wagtail_internals as internals

from . import admin_privacy


def _as_admin(view):
    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, "", template_name="wagtailadmin/404.html")

    return never_cache(require_admin_access(answer))


site_history = admin_privacy.SiteHistoryView
page_types = admin_privacy.PageTypesUsageView

urlpatterns = [
    path(route, _as_admin(view))
    for route, view in (
        (internals.CHOSEN_PAGES, admin_privacy.ChosenMultipleView.as_view()),
        (internals.TAG_AUTOCOMPLETE, admin_privacy.tag_autocomplete),
        (internals.SITE_HISTORY, site_history.as_view()),
        (internals.SITE_HISTORY_RESULTS, site_history.as_view(results_only=True)),
        (internals.PAGE_TYPES_USAGE, page_types.as_view()),
        (internals.PAGE_TYPES_USAGE_RESULTS, page_types.as_view(results_only=True)),
    )
]
