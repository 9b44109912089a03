"""Every name the project takes from inside Wagtail, where an upgrade may change it unannounced.

Wagtail promises its hooks, viewsets, models and settings; the names here are not among them:
attributes it keeps on requests and objects, the admin views and helpers that the workspaces'
privacy replacements subclass or call, and the admin addresses those replacements answer first.
The rest of the code uses the constants and functions below instead of spelling the names, and
`tests/core/test_wagtail_internals.py` checks each against the installed Wagtail, and that no
other module spells one. After an upgrade, that test names what moved.

Two names come from Django and django-treebeard for the same reason. This module imports from
those, Wagtail and wagtail-localize only; it knows no app of the project. Import it once the apps
are loaded (from views, middleware, hooks, `ready()`), never from a models module: Wagtail's admin
views load the page models.
"""

from wagtail.admin.navigation import get_site_for_user
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.editor_html import BASE_WHITELIST_RULES, WhitelistRule
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    ExternalLinkElementHandler,
    PageLinkElementHandler,
)
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.views.reports.audit_logging import (
    LogEntriesView,
    SiteHistoryReportFilterSet,
    get_users_for_filter,
)
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.tags import autocomplete as tag_autocomplete
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.images.views import bulk_actions as image_bulk_actions
from wagtail.models import get_page_content_types
from wagtail.rich_text import features as rich_text_features
from wagtail.rich_text.pages import PageLinkHandler

__all__ = [
    "ADMIN_URL_NAMES",
    "BULK_ACTIONS_THAT_NAME_OBJECTS",
    "CHOSEN_PAGES",
    "ITEMS_WITH_NO_ACCESS",
    "PAGE_TYPES_USAGE",
    "PAGE_TYPES_USAGE_RESULTS",
    "PARENT_ATTRIBUTE",
    "PRIVATE_ATTRIBUTES",
    "ROUTE_ATTRIBUTE",
    "SETTING_REQUEST_ATTRIBUTE",
    "SITE_ATTRIBUTE",
    "SITE_HISTORY",
    "SITE_HISTORY_RESULTS",
    "SUBMIT_PAGE_TRANSLATION",
    "TAG_AUTOCOMPLETE",
    "ChosenMultipleView",
    "ExternalLinkElementHandler",
    "GenericPageFilterSet",
    "LogEntriesView",
    "PageLinkElementHandler",
    "PageLinkHandler",
    "PageTypesUsageReportView",
    "PagesSummaryItem",
    "SiteHistoryReportFilterSet",
    "editor_html_elements",
    "get_page_content_types",
    "get_site_for_user",
    "get_users_for_filter",
    "link_entity",
    "raw_host",
    "remember_parent",
    "remember_route",
    "remember_setting",
    "remember_site",
    "submit_page_translation_view",
    "tag_autocomplete",
]

# -- What Wagtail keeps on requests and objects --------------------------------------------------
#
# Wagtail finds a page's route (`Page.route_for_request`), the site (`Site.find_for_request`) and
# each site setting (`BaseSiteSetting.for_request`) once per request and keeps the answer on the
# request; a setting keeps the request to build page URLs. The engine answers these from one query
# or from the shared cache and leaves the answers where Wagtail looks for them.

ROUTE_ATTRIBUTE = "_wagtail_route_for_request"
SITE_ATTRIBUTE = "_wagtail_site"
SETTING_REQUEST_ATTRIBUTE = "_request"
# django-treebeard's cache of a node's parent (`MP_Node.get_parent`).
PARENT_ATTRIBUTE = "_cached_parent_obj"
# Every private name used here: no other module may spell one.
PRIVATE_ATTRIBUTES = (
    ROUTE_ATTRIBUTE,
    SITE_ATTRIBUTE,
    SETTING_REQUEST_ATTRIBUTE,
    PARENT_ATTRIBUTE,
    "_get_raw_host",
    "get_cache_attr_name",
)


def remember_route(request, result):
    """Hand Wagtail's page view `result` (a `RouteResult`, or None for "no page here") so that it
    does not walk the tree itself."""
    setattr(request, ROUTE_ATTRIBUTE, result)


def remember_site(request, site):
    setattr(request, SITE_ATTRIBUTE, site)


def remember_setting(request, setting):
    """Leave `setting` where `for_request` would have left it, knowing its request."""
    setattr(setting, SETTING_REQUEST_ATTRIBUTE, request)
    setattr(request, type(setting).get_cache_attr_name(), setting)


def remember_parent(page, parent):
    """Spare `page.get_parent()` its query when the parent is already at hand."""
    setattr(page, PARENT_ATTRIBUTE, parent)


def raw_host(request):
    """The host as `Site.find_for_request` matches it: Django's, without the ALLOWED_HOSTS check."""
    return request._get_raw_host()


# -- Admin views and helpers that the workspaces' admin privacy replaces or calls -----------------

# Bulk actions whose confirmation screens name every object asked for, and the key under which
# `get_actionable_objects` returns those the user may not act on.
BULK_ACTIONS_THAT_NAME_OBJECTS = (
    page_bulk_actions.DeleteBulkAction,
    page_bulk_actions.MoveBulkAction,
    page_bulk_actions.PublishBulkAction,
    page_bulk_actions.UnpublishBulkAction,
    document_bulk_actions.DeleteBulkAction,
    document_bulk_actions.AddTagsBulkAction,
    document_bulk_actions.AddToCollectionBulkAction,
    image_bulk_actions.DeleteBulkAction,
    image_bulk_actions.AddTagsBulkAction,
    image_bulk_actions.AddToCollectionBulkAction,
)
ITEMS_WITH_NO_ACCESS = "items_with_no_access"

# Admin addresses answered ahead of Wagtail's own views (`workspaces/admin_urls.py`, and one hook
# in `workspaces/wagtail_hooks.py`), relative to the admin's root. Each is keyed to Wagtail's URL
# name for it, so the test can check that Wagtail still serves that screen there: were it to move,
# the replacement would answer an address nobody uses while Wagtail's own answered the new one.
CHOSEN_PAGES = "choose-page/chosen-multiple/"
TAG_AUTOCOMPLETE = "tag-autocomplete/<slug:app_name>/<slug:model_name>/"
SITE_HISTORY = "reports/site-history/"
SITE_HISTORY_RESULTS = "reports/site-history/results/"
PAGE_TYPES_USAGE = "reports/page-types-usage/"
PAGE_TYPES_USAGE_RESULTS = "reports/page-types-usage/results/"
SUBMIT_PAGE_TRANSLATION = "localize/submit/page/<int:page_id>/"
ADMIN_URL_NAMES = {
    CHOSEN_PAGES: "wagtailadmin_choose_page_chosen_multiple",
    TAG_AUTOCOMPLETE: "wagtailadmin_tag_model_autocomplete",
    SITE_HISTORY: "wagtailadmin_reports:site_history",
    SITE_HISTORY_RESULTS: "wagtailadmin_reports:site_history_results",
    PAGE_TYPES_USAGE: "wagtailadmin_reports:page_types_usage",
    PAGE_TYPES_USAGE_RESULTS: "wagtailadmin_reports:page_types_usage_results",
    SUBMIT_PAGE_TRANSLATION: "wagtail_localize:submit_page_translation",
}


def submit_page_translation_view():
    """wagtail-localize's "Translate this page" view."""
    from wagtail_localize.views.submit_translations import SubmitPageTranslationView

    return SubmitPageTranslationView.as_view()


def editor_html_elements(features):
    """The HTML elements Wagtail's rich-text whitelist admits for these rich-text features,
    with those it admits in any rich text."""
    elements = set(BASE_WHITELIST_RULES) - {"[document]"}
    for feature in features:
        for rule in rich_text_features.get_converter_rule("editorhtml", feature) or []:
            if isinstance(rule, WhitelistRule):
                elements.add(rule.element)
    return elements
