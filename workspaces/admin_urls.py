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
        ("choose-page/chosen-multiple/", admin_privacy.ChosenMultipleView.as_view()),
        ("tag-autocomplete/<slug:app_name>/<slug:model_name>/", admin_privacy.tag_autocomplete),
        ("reports/site-history/", site_history.as_view()),
        ("reports/site-history/results/", site_history.as_view(results_only=True)),
        ("reports/page-types-usage/", page_types.as_view()),
        ("reports/page-types-usage/results/", page_types.as_view(results_only=True)),
    )
]
