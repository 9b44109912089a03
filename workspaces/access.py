"""The gate every workspace URL goes through, and the only place that orders its answers.

Sign-in first, then the access rule (404 for outsiders), the code of conduct, the route's object
(404), the role (403), the method (405), and only then the view. Order matters: an outsider must
get the same 404 for every method and every address, existing or not, so nothing (not HEAD, not
OPTIONS, not a 405) tells them a workspace exists; and an insider learns whether an object exists
before whether they may act on it, whatever the method.
"""

import datetime
import functools
from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.db import connection
from django.db.models import DateTimeField
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import urlencode

from .models import WorkspacePage


def private_response(response):
    """Workspace responses are never stored by a browser, proxy or our public cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def private(view):
    """Every answer of `view`, its 405 and sign-in redirect included, is a private response."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return private_response(view(request, *args, **kwargs))

    return wrapper


def _load(source, workspace, pk):
    """The object `pk` of `source` (a model or a queryset of one) inside `workspace`, or 404."""
    scope = source._default_manager if isinstance(source, type) else source
    found = get_object_or_404(scope.in_workspace(workspace), pk=pk)
    if hasattr(type(found), "workspace"):
        # Found inside this workspace: its own `workspace` would only ask the database again.
        found.workspace = workspace
    return found


def access_to(slug, user, navigation=True):
    """The signed-in `user`'s `Access` to the live workspace `slug`, or None: the one access
    rule, asked by the gate below and by the chat's live connections on every message (those
    without `navigation`: they show no page)."""
    # One query: the workspace together with everything the rule needs about the user.
    sql, params = _gate_query(connection.alias, navigation, user.is_superuser)
    asked = {
        _SLUG: slug,
        _USER_ID: user.pk,
        _prepared(_TIME): _prepared(timezone.now()),
    }
    rows = WorkspacePage.objects.raw(sql, [asked.get(param, param) for param in params])
    workspace = next(iter(rows), None)
    if workspace is None:
        return None
    # Read raw, SQLite's booleans are still 0 and 1.
    workspace.user_is_staff = bool(workspace.user_is_staff)
    workspace.user_accepted_code = bool(workspace.user_accepted_code)
    return workspace.access_for(user)


# The gate's query is the same for every request but for the slug, the user and the time, yet
# building and compiling its annotations took a third of a workspace request's time and most of
# a chat socket's check (docs/benchmarks.md). So it is compiled once per shape (with navigation
# or not, for a superuser or not), with stand-ins that `access_to` replaces in its parameters.
_SLUG = "\x00workspace\x00"
_USER_ID = -770_770_770
_TIME = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)


@functools.cache
def _gate_query(alias, navigation, superuser):
    stand_in = get_user_model()(pk=_USER_ID, is_superuser=superuser)
    workspaces = WorkspacePage.objects.using(alias).live().filter(slug=_SLUG)
    query = workspaces.with_access(stand_in, navigation=navigation, at=_TIME)[:1].query
    sql, params = query.sql_with_params()
    if _SLUG not in params or _USER_ID not in params or _prepared(_TIME) not in params:
        raise ImproperlyConfigured("The gate's query no longer carries its stand-ins")
    return sql, params


def _prepared(moment):
    """`moment` as the database connection receives it in a query's parameters."""
    return DateTimeField().get_db_prep_value(moment, connection)


def workspace_view(methods=("GET", "HEAD"), needs=None, load=None):
    """Resolve `slug` to a workspace the user may enter, or answer as the invariants demand.

    The view is called as `view(request, access, …)`, and `request.workspace_access` is the same
    `access` (templates read it through `workspaces.context_processors`).

    `load` is `(kwarg, source)`: the route's `kwarg` (an object's id) is looked up in `source`, a
    model or a queryset of one, with `in_workspace(access.workspace)` and handed to the view as
    its third argument instead of the id. An id that is not of this workspace is 404 for every
    method and every role.

    `needs` names an `Access` property ("can_post", "can_moderate") the view requires. Someone
    inside the workspace who lacks it gets 403: they know the workspace exists already.
    """

    def decorator(view):
        def enter(request, slug, *args, **kwargs):
            # Only a page read (GET, HEAD) shows the tab bar and what it counts.
            reading = request.method in ("GET", "HEAD")
            access = access_to(slug, request.user, navigation=reading)
            workspace = access.workspace if access else None
            if access is None or not access.can_view:
                raise Http404
            if access.needs_code_of_conduct:
                url = reverse("workspaces:code_of_conduct")
                return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
            request.workspace_access = access
            loaded = ()
            if load is not None:
                kwarg, source = load
                loaded = (_load(source, workspace, kwargs.pop(kwarg)),)
            if needs and not getattr(access, needs):
                raise PermissionDenied
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, access, *loaded, *args, **kwargs)

        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            try:
                response = enter(request, slug, *args, **kwargs)
            except (Http404, PermissionDenied) as refusal:
                # Error pages are answered here, not further up, so they are as private as the
                # rest: a browser or proxy stores no trace of what someone tried inside.
                response = response_for_exception(request, refusal)
            return private_response(response)

        return wrapper

    return decorator
