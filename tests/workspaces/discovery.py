"""Every address of a workspace, found the way a visitor could reach it, not from a kept list.

Two sources: the workspaces URLconf (with included sub-URLconfs), each named route filled with a
workspace's slug and with real objects of that workspace for its other arguments; and the page
tree, every live page below the workspace page by its own `url`.

A route argument is filled from the workspace's objects by its name: `<model>_id` (or `<model>`,
`<model>_pk`) names a model of the workspaces app, `<field>_id` a foreign key some model holds,
and any other name a field of one model (a version's `number`). `pk`/`id` take the model the
route's name mentions. What no object holds (an image size) comes from LITERALS.
"""

import itertools
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.urls import URLResolver, reverse
from django.urls.resolvers import RoutePattern
from django.utils import translation
from wagtail.models import Page

# The catch-all that serves the page tree. Filled from the tree itself; filled with this made-up
# path it must answer 404 like any other address that does not exist.
MADE_UP_PATH = "no-such-page/"
GENERIC_KWARGS = {"pk", "id", "object_id"}
# Arguments no object holds: the values an address accepts, tried in turn.
LITERALS = {"size": ["thumb", "medium", "large", "preview"]}
CANDIDATES_PER_MODEL = 5
MAX_FILLINGS = 60


@dataclass(frozen=True)
class Route:
    name: str | None
    pattern: str
    kwargs: frozenset

    @property
    def in_workspace(self):
        return "slug" in self.kwargs


@dataclass(frozen=True)
class Address:
    """One URL to try, and the row of the expectations table it falls under."""

    url: str
    kind: str  # a route name ("workspaces:members") or a page type ("page:app.model")
    workspace: str | None = None

    def __str__(self):
        return f"{self.url} ({self.kind})"


def _converters(pattern):
    if isinstance(pattern, RoutePattern):
        return set(pattern.converters)
    return set(pattern.regex.groupindex)


def _walk(patterns, namespace, prefix, kwargs):
    for entry in patterns:
        names = kwargs | _converters(entry.pattern)
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            yield from _walk(entry.url_patterns, inner, route, names)
        else:
            name = f"{namespace}:{entry.name}" if entry.name else None
            yield Route(name=name, pattern=route, kwargs=frozenset(names))


def routes():
    """Every route of the workspaces URLconf, sub-URLconfs included, in URLconf order."""
    from workspaces import urls

    return list(_walk(urls.urlpatterns, urls.app_name, "", set()))


# -- Objects that belong to a workspace --------------------------------------------------------


def _workspace_models():
    return [
        model
        for model in apps.get_models()
        if model.__module__.split(".")[0] == "workspaces" and not model._meta.abstract
    ]


def _lookup(model, depth=0):
    """How rows of `model` lead to the workspace page they belong to, or None.

    Returns (lookup, needs_path): filter `lookup=workspace`, or, when the chain ends on a page
    below the workspace, `lookup=workspace.path` as a path prefix.
    """
    from workspaces.models import WorkspacePage

    relations = [
        field
        for field in model._meta.concrete_fields
        if field.is_relation and (field.many_to_one or field.one_to_one)
    ]
    for field in relations:
        if issubclass(field.related_model, WorkspacePage):
            return field.name, False
    for field in relations:
        if issubclass(field.related_model, Page):
            return f"{field.name}__path__startswith", True
    if depth < 2:
        for field in relations:
            if field.related_model in _workspace_models():
                found = _lookup(field.related_model, depth + 1)
                if found:
                    return f"{field.name}__{found[0]}", found[1]
    return None


def objects_of(workspace):
    """{model: a few objects of that model belonging to `workspace`}, oldest first."""
    found = {}
    for model in _workspace_models():
        if issubclass(model, Page):
            rows = model.objects.descendant_of(workspace, inclusive=True).live()
        else:
            lookup = _lookup(model)
            if lookup is None:
                continue
            name, needs_path = lookup
            rows = model._default_manager.filter(
                **{name: workspace.path if needs_path else workspace}
            )
        objects = list(rows.order_by("pk")[:CANDIDATES_PER_MODEL])
        if objects:
            found[model] = objects
    return found


def _stems(model):
    name = model._meta.model_name
    return {name, name.removesuffix("page")} - {""}


def _values(kwarg, route, objects):
    """Candidate values for one argument of `route`, from `objects`, or None."""
    if kwarg in LITERALS:
        return LITERALS[kwarg]
    last_name = route.name.rsplit(":", 1)[-1]
    by_model = [
        model
        for model in objects
        if (kwarg in GENERIC_KWARGS and any(stem in last_name for stem in _stems(model)))
        or kwarg in {f"{stem}{suffix}" for stem in _stems(model) for suffix in ("", "_id", "_pk")}
    ]
    if not by_model:
        by_model = list(
            {
                field.related_model
                for model in _workspace_models()
                for field in model._meta.concrete_fields
                if field.is_relation and kwarg in (field.name, field.attname)
            }
            & set(objects)
        )
    if len(by_model) == 1:
        return [obj.pk for obj in objects[by_model[0]]]
    holders = [
        model
        for model in objects
        if any(not f.is_relation and f.name == kwarg for f in model._meta.concrete_fields)
    ]
    if not by_model and len(holders) == 1:
        return list(dict.fromkeys(getattr(obj, kwarg) for obj in objects[holders[0]]))
    return None


def fillings(route, workspace, objects):
    """(every URL of `route` that `objects` can fill, up to a bound; problem or None)."""
    choices = {}
    for kwarg in sorted(route.kwargs):
        if kwarg == "slug":
            choices[kwarg] = [workspace.slug]
        elif kwarg == "path":
            choices[kwarg] = [MADE_UP_PATH]
        else:
            values = _values(kwarg, route, objects)
            if not values:
                return [], f"cannot fill {kwarg!r} of {route.name} from {workspace.slug}'s objects"
            choices[kwarg] = values
    combinations = itertools.islice(itertools.product(*choices.values()), MAX_FILLINGS)
    return [
        reverse(route.name, kwargs=dict(zip(choices, combo, strict=True))) for combo in combinations
    ], None


def page_addresses(workspace, language):
    """Every live page of the workspace's tree, by the URL its own `url` gives."""
    with translation.override(language):
        pages = Page.objects.descendant_of(workspace, inclusive=True).live().specific()
        return [
            Address(
                url=urlsplit(page.get_url()).path,
                kind=f"page:{page._meta.label_lower}",
                workspace=workspace.slug,
            )
            for page in pages
        ]


def addresses(workspace, language="ar", objects=None, works=None):
    """(addresses, problems): every URL of `workspace` from the URLconf and the page tree.

    Routes without a workspace (one's list of workspaces, the code of conduct) are included
    too. `objects` defaults to the workspace's own; another workspace's objects give addresses
    that mix the two. `works(url)` picks, among a route's fillings, the first that leads to a
    real object (say, one staff do not get 404 for); without it the first filling is taken.
    """
    objects = objects_of(workspace) if objects is None else objects
    found, problems = [], []
    with translation.override(language):
        for route in routes():
            if route.name is None:
                problems.append(f"unnamed route {route.pattern!r}: name it to give it a row")
                continue
            urls, problem = fillings(route, workspace, objects)
            if problem:
                problems.append(problem)
                continue
            url = next((url for url in urls if works and works(url)), urls[0])
            found.append(
                Address(
                    url=url,
                    kind=route.name,
                    workspace=workspace.slug if route.in_workspace else None,
                )
            )
    return found + page_addresses(workspace, language), problems
