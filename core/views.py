"""The views that belong to no app: Wagtail's page view behind the one-query router, the 404 that
stands in for Wagtail's unused front-end forms, the health check and robots.txt. Mounted by
`cssr/urls.py`.
"""

from django.db import connection
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe
from wagtail import views as wagtail_views

from . import wagtail_internals
from .routing import route


@never_cache
@require_safe
def healthz(request):
    """Load balancers poll this: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means this instance should take no traffic
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain")


@csrf_exempt
def not_found(request, *args, **kwargs):
    """The same 404 as an unknown address, for every method (no CSRF refusal first)."""
    raise Http404


def serve_page(request, path):
    """Wagtail's page view, with the page found in one query by `core.routing.route`."""
    try:
        result = route(request, path)
    except Http404:
        # What Wagtail's own routing records for a URL with no page.
        wagtail_internals.remember_route(request, None)
    else:
        if result is not None:
            # A None result leaves the walk down the tree to Wagtail.
            wagtail_internals.remember_route(request, result)
    return wagtail_views.serve(request, path)
