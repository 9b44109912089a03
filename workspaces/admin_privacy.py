"""What the admin shows of the workspaces to anyone but platform staff: nothing.

Editors hold rights on the public trees only (`WorkspaceIndexPage.provision`), yet several admin
screens list pages, tags or people whatever the viewer's rights, and rich text renders a page
link whoever reads it. This module holds the replacements: `wagtail_hooks` registers those that
Wagtail lets a hook replace (the page listings' filters, the rich-text page links), and
`admin_urls` answers the other screens ahead of Wagtail's own views at the same addresses.

It may read the workspace tree and Wagtail's admin views (named in `core.wagtail_internals`); it
never grants anything, it only leaves things out.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from wagtail.models import Page, PageLogEntry, get_page_models

from core import wagtail_internals as internals

from .models import WorkspaceIndexPage, is_platform_staff


def hidden_tree(user):
    """The workspace index, whose whole tree `user` must not meet in the admin; None for staff."""
    if is_platform_staff(user):
        return None
    return WorkspaceIndexPage.objects.first()


def inside(index, page):
    return index is not None and page is not None and page.path.startswith(index.path)


def is_workspace_model(model):
    """A model of the workspaces or of one of their features (discussions, files, ...)."""
    return model._meta.app_config.name.partition(".")[0] == "workspaces"


def _public_page_types():
    """Content types of the page models outside the workspaces (Wagtail's plain page included)."""
    public = [model for model in get_page_models() if not is_workspace_model(model)]
    ids = [content_type.pk for content_type in ContentType.objects.get_for_models(*public).values()]
    return ContentType.objects.filter(pk__in=ids)


def _visible_pages(index):
    return Page.objects.filter(depth__gt=1).not_descendant_of(index, inclusive=True)


# -- Rich text ---------------------------------------------------------------------------------


class PageLinkWithoutWorkspaces(internals.PageLinkHandler):
    """Page links in rich text; a link to a page of the workspace tree keeps its words and loses
    its address, whoever wrote it and wherever it is shown.

    A page's address spells its slug, and a discussion's slug spells its title. Rich text renders
    without knowing its reader (public pages are cached for everyone), so the rule cannot depend
    on the reader. Staff-written text inside the workspaces loses such links too, by choice: the
    code of conduct is shown in every workspace, where a link would name one workspace's page to
    the others, and a workspace's description is read by people who reach every page of their
    workspace from its home page anyway.
    """

    @classmethod
    def get_many(cls, attrs_list):
        pages = super().get_many(attrs_list)
        if not any(pages):
            return pages
        index = WorkspaceIndexPage.objects.first()
        # No page is how Wagtail renders a link to a deleted page: the words without an href.
        return [None if inside(index, page) else page for page in pages]


class EditorPageLinkWithoutWorkspaces(internals.PageLinkElementHandler):
    """Opening rich text in the editor shows each linked page's address; a link to a page of the
    workspace tree is shown like a link to a deleted page, so an editor who types a page id into
    a link learns nothing of it."""

    def get_attribute_data(self, attrs):
        page = Page.objects.filter(pk=attrs.get("id")).first()
        if inside(WorkspaceIndexPage.objects.first(), page):
            return {"id": page.pk, "url": None, "parentId": None}
        return super().get_attribute_data(attrs)


# -- Page listings -----------------------------------------------------------------------------


class PageFilterSetWithoutWorkspaces(internals.GenericPageFilterSet):
    """The page listings' filters; for anyone but staff, "Owner" and "Edited by" offer only the
    people behind the pages they may see, and "Page type" only the public page types. Wagtail
    offers everyone who owns or edited any page, members of every workspace included (their
    discussions and drafts are pages)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        index = hidden_tree(self.request.user)
        if index is None:
            return
        User = get_user_model()
        users = User.objects.order_by(User.USERNAME_FIELD)
        visible = _visible_pages(index)
        self.filters["owner"].queryset = users.filter(pk__in=visible.values("owner_id"))
        edits = PageLogEntry.objects.filter(action="wagtail.edit", page__in=visible)
        self.filters["edited_by"].queryset = users.filter(pk__in=edits.values("user_id"))
        self.filters["content_type"].queryset = internals.get_page_content_types(
            include_base_page_type=False
        ).filter(pk__in=_public_page_types())


# -- Screens answered ahead of Wagtail's (see admin_urls) ----------------------------------------


class ChosenMultipleView(internals.ChosenMultipleView):
    """The page chooser's answer for the ids chosen: title, address and edit address of each.

    Ids are sequential, so anyone could ask for each in turn; the ids of the workspace tree are
    dropped for anyone but staff, answered exactly like ids of no page.
    """

    def get(self, request):
        index = hidden_tree(request.user)
        if index is not None:
            asked = [pk for pk in request.GET.getlist("id") if pk.isdigit()]
            shown = _visible_pages(index).filter(pk__in=asked).values_list("pk", flat=True)
            request.GET = request.GET.copy()
            request.GET.setlist("id", [str(pk) for pk in shown])
        return super().get(request)


def tag_autocomplete(request, app_name, model_name):
    """Tag names of one tag model; the workspaces' own tags are private to their members, and
    only staff use them in the admin."""
    content_type = ContentType.objects.filter(app_label=app_name, model=model_name).first()
    model = content_type.model_class() if content_type else None
    if model is not None and is_workspace_model(model) and not is_platform_staff(request.user):
        raise Http404
    return internals.tag_autocomplete(request, app_name=app_name, model_name=model_name)


class SiteHistoryFilterSet(internals.SiteHistoryReportFilterSet):
    def get_users_queryset(self):
        # Wagtail offers everyone who ever wrote a page log entry, members included; only the
        # authors of the entries this report shows the viewer are offered.
        return internals.get_users_for_filter(self.request.user)


class SiteHistoryView(internals.LogEntriesView):
    filterset_class = SiteHistoryFilterSet


class PageTypesUsageView(internals.PageTypesUsageReportView):
    """The page types report; for anyone but staff, it lists the public page types and counts and
    names only the pages outside the workspace tree, in the locale and site asked for."""

    def get_queryset(self):
        index = hidden_tree(self.request.user)
        if index is None:
            return super().get_queryset()
        pages = _visible_pages(index)
        chosen = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        if chosen.get("page_locale"):
            pages = pages.filter(locale__language_code=chosen["page_locale"])
        if chosen.get("site"):
            pages = pages.filter(path__startswith=chosen["site"])
        of_type = pages.filter(content_type=OuterRef("pk")).order_by()
        count = of_type.values("content_type").annotate(count=Count("pk")).values("count")
        latest = of_type.order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        self.queryset = _public_page_types()
        queryset = self.queryset.annotate(
            count=Coalesce(Subquery(count), Value(0), output_field=IntegerField()),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        )
        if chosen.get("page_locale") or chosen.get("site"):
            queryset = queryset.filter(count__gt=0)
        else:
            # As Wagtail does: the plain page type is listed only when there are plain pages.
            plain = ContentType.objects.get_for_model(Page)
            if not pages.filter(content_type=plain).exists():
                queryset = queryset.exclude(pk=plain.pk)
        return queryset.order_by("-count", "app_label", "model")
