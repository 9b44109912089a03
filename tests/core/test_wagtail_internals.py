"""Every name `core.wagtail_internals` takes from inside Wagtail still means what it did, and no
other module spells one. After a Wagtail upgrade, a failure here names what moved; an import
error of `core.wagtail_internals` itself names a class or function that is gone.
"""

import ast
import inspect
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.models import Page, Site

from core import wagtail_internals as internals
from home.models import SiteSettings


def test_wagtail_reuses_the_route_left_on_the_request():
    request = RequestFactory().get("/ar/somewhere/")
    route = object()
    internals.remember_route(request, route)
    assert Page.route_for_request(request, "/somewhere/") is route, (
        f"Page.route_for_request no longer reads request.{internals.ROUTE_ATTRIBUTE}: the "
        "one-query router (core.views.serve_page) is ignored and every page walks the tree."
    )


def test_wagtail_reuses_the_site_left_on_the_request():
    request = RequestFactory().get("/")
    site = Site(hostname="cached.example")
    internals.remember_site(request, site)
    assert Site.find_for_request(request) is site, (
        f"Site.find_for_request no longer reads request.{internals.SITE_ATTRIBUTE}: the site "
        "cache (core.cache.SiteCacheMiddleware) saves nothing."
    )


def test_wagtail_reuses_the_setting_left_on_the_request_and_its_request():
    request = RequestFactory().get("/")
    setting = SiteSettings()
    internals.remember_setting(request, setting)
    assert SiteSettings.for_request(request) is setting, (
        "BaseSiteSetting.for_request no longer reads the attribute named by "
        "get_cache_attr_name(): the site cache (core.cache.SiteCacheMiddleware) saves nothing."
    )
    asked_with = []
    setting.linked_page = SimpleNamespace(
        specific=SimpleNamespace(get_url=lambda request: asked_with.append(request) or "/")
    )
    setting.get_page_url("linked_page")
    assert asked_with == [request], (
        f"A site setting no longer builds page URLs with its {internals.SETTING_REQUEST_ATTRIBUTE} "
        "attribute: settings served from the site cache would build them without the request."
    )


@pytest.mark.django_db
def test_treebeard_reuses_the_parent_left_on_a_page():
    parent = Page(path="0001", depth=1)
    page = Page(path="00010001", depth=2)
    internals.remember_parent(page, parent)
    with CaptureQueriesContext(connection) as queries:
        found = page.get_parent()
    assert found is parent and not queries.captured_queries, (
        f"Page.get_parent no longer reads {internals.PARENT_ATTRIBUTE}: the router "
        "(core.routing.route) costs a query per level again."
    )


def test_the_raw_host_skips_the_allowed_hosts_check():
    request = RequestFactory().get("/", HTTP_HOST="not-allowed.example:8080")
    assert internals.raw_host(request) == "not-allowed.example:8080", (
        "HttpRequest._get_raw_host changed: the site cache's key no longer matches the host "
        "Wagtail finds sites by."
    )


# (name in core.wagtail_internals, attribute the project's subclass or caller relies on)
RELIED_ON = [
    ("ChosenMultipleView", "get"),
    ("GenericPageFilterSet", "base_filters"),
    ("SiteHistoryReportFilterSet", "get_users_queryset"),
    ("LogEntriesView", "filterset_class"),
    ("PageTypesUsageReportView", "get_queryset"),
    ("PageLinkHandler", "get_many"),
    ("PageLinkElementHandler", "get_attribute_data"),
    ("PagesSummaryItem", "get_context_data"),
]


@pytest.mark.parametrize(("name", "attribute"), RELIED_ON)
def test_each_admin_internal_still_has_what_its_replacement_overrides(name, attribute):
    assert hasattr(getattr(internals, name), attribute), (
        f"Wagtail's {name} no longer has {attribute}: its replacement in workspaces/ no longer "
        "takes effect, and the admin may show workspace pages to editors."
    )


def test_the_page_listing_filters_that_leave_out_workspaces_still_exist():
    missing = {"owner", "edited_by", "content_type"} - set(
        internals.GenericPageFilterSet.base_filters
    )
    assert not missing, f"GenericPageFilterSet no longer has the filters {sorted(missing)}"


def test_the_dashboard_summary_still_counts_pages_as_total_pages():
    source = inspect.getsource(internals.PagesSummaryItem.get_context_data)
    assert '"total_pages"' in source, "PagesSummaryItem no longer puts the count in total_pages"


@pytest.mark.parametrize(
    "action", internals.BULK_ACTIONS_THAT_NAME_OBJECTS, ids=lambda action: action.__module__
)
def test_each_replaced_bulk_action_still_lists_the_objects_it_acts_on(action):
    assert issubclass(action, BulkAction) and hasattr(action, "get_actionable_objects"), (
        f"{action.__module__}.{action.__name__} no longer has get_actionable_objects"
    )
    source = inspect.getsource(BulkAction.get_actionable_objects)
    assert f'"{internals.ITEMS_WITH_NO_ACCESS}"' in source, (
        f"BulkAction.get_actionable_objects no longer returns {internals.ITEMS_WITH_NO_ACCESS}: "
        "the bulk actions' confirmation screens may name workspace objects again."
    )


def _sample_address(route):
    kwargs = {
        name: 1 if converter == "int" else "sample"
        for converter, name in re.findall(r"<(\w+):(\w+)>", route)
    }
    return kwargs, "/admin/" + re.sub(r"<\w+:(\w+)>", lambda m: str(kwargs[m[1]]), route)


@pytest.mark.parametrize("route", internals.ADMIN_URL_NAMES)
def test_wagtail_serves_each_replaced_admin_screen_where_it_is_replaced(route):
    name = internals.ADMIN_URL_NAMES[route]
    kwargs, address = _sample_address(route)
    assert reverse(name, kwargs=kwargs) == address, (
        f"Wagtail now serves {name} at {reverse(name, kwargs=kwargs)}, not {address}: the "
        "replacement answers an address nobody uses, and Wagtail's own screen is open."
    )
    # The replacements are mounted ahead of Wagtail's views, without a name of their own.
    assert resolve(address).view_name != name, (
        f"{address} is answered by Wagtail's own view ({name}), not its replacement"
    )


def test_wagtail_localize_still_offers_its_page_translation_view():
    assert callable(internals.submit_page_translation_view())


def test_the_rich_text_whitelist_still_names_elements_per_feature():
    elements = internals.editor_html_elements(["bold", "link"])
    assert {"p", "b", "a"} <= elements, (
        "Wagtail's editor-HTML whitelist rules changed shape: a paper's paragraphs would lose "
        f"their markup (found {sorted(elements)})."
    )


# -- No other module spells a name that lives in core.wagtail_internals ---------------------------

INTERNALS_FILE = Path(inspect.getfile(internals))


def _project_modules():
    for package in sorted(Path(settings.BASE_DIR).iterdir()):
        if package.name == "tests" or not (package / "__init__.py").exists():
            continue
        for path in sorted(package.rglob("*.py")):
            if "migrations" not in path.parts and path != INTERNALS_FILE:
                yield path


def _imported_names(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


INTERNAL_IMPORTS = [
    name
    for name in _imported_names(ast.parse(INTERNALS_FILE.read_text()))
    if name.startswith(("wagtail.", "wagtail_localize."))
]
PRIVATE_SPELLINGS = re.compile(
    "|".join(
        rf"\.{re.escape(name)}\b|[\"']{re.escape(name)}[\"']"
        for name in internals.PRIVATE_ATTRIBUTES
    )
)


def _is_internal(name):
    # The name itself, something inside it, or the module that holds it
    # (`from wagtail.admin.views import chooser` reaches `chooser.ChosenMultipleView`).
    return any(
        name == internal or name.startswith(f"{internal}.") or internal.startswith(f"{name}.")
        for internal in INTERNAL_IMPORTS
    )


def test_no_other_module_spells_a_wagtail_internal():
    found = []
    for path in _project_modules():
        source = path.read_text()
        where = path.relative_to(settings.BASE_DIR)
        imported = _imported_names(ast.parse(source))
        found += [f"{where} imports {name}" for name in imported if _is_internal(name)]
        found += [f"{where} spells {match[0]}" for match in PRIVATE_SPELLINGS.finditer(source)]
    assert not found, "Use core.wagtail_internals instead:\n" + "\n".join(found)
