"""Admin for platform staff: memberships and the code of conduct; workspace trees hidden from
everyone else in the admin (editors work on the public site only)."""

from django.apps import apps
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Collection, Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import wagtail_internals as internals

from .admin_privacy import (
    EditorPageLinkWithoutWorkspaces,
    PageFilterSetWithoutWorkspaces,
    PageLinkWithoutWorkspaces,
    hidden_tree,
    inside,
)
from .models import CodeOfConduct, Membership, WorkspaceIndexPage, WorkspacePage


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    add_to_admin_menu = True
    form_fields = ["user", "workspace", "role", "state"]
    list_display = ["user", "workspace", "role", "state", "joined_at"]
    list_filter = ["workspace", "role", "state"]
    search_fields = ["user__username", "user__display_name"]


class CodeOfConductViewSet(SnippetViewSet):
    model = CodeOfConduct
    icon = "doc-full"
    menu_label = _("Code of conduct")
    add_to_admin_menu = True
    list_display = ["__str__", "published_at"]


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")


register_snippet(CodeOfConductViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def provision_workspace(request, page):
    # A workspace created or edited in the admin gets its group, restriction and collection
    # at once, so it is never reachable without them.
    if isinstance(page.specific, WorkspacePage):
        page.specific.sync_access()


# -- Editors and everyone else but staff never meet a workspace in the admin -----------------
#
# Editors hold rights on the public trees only (`WorkspaceIndexPage.provision`), which keeps them
# from editing workspaces, but several admin screens list or name pages and files whatever the
# viewer's rights. Each is closed below, at the one hook that reaches it; the screens no hook
# reaches are answered ahead of Wagtail's by `admin_urls`, and `admin_privacy` holds both kinds
# of replacement.


def _refuse_inside(index, page):
    # Listings show their parent page itself (title, breadcrumbs, actions) before any hook could
    # hide it, so opening one on a page of the workspace tree is refused outright.
    if inside(index, page):
        raise Http404


@hooks.register("construct_explorer_page_queryset")
def hide_workspaces_from_explorer(parent_page, pages, request):
    index = hidden_tree(request.user)
    if index is None:
        return pages
    _refuse_inside(index, parent_page)
    return pages.not_descendant_of(index, inclusive=True)


@hooks.register("construct_page_chooser_queryset")
def hide_workspaces_from_chooser(pages, request):
    index = hidden_tree(request.user)
    if index is None:
        return pages
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None:
        _refuse_inside(index, Page.objects.filter(pk=parent_id).first())
    return pages.not_descendant_of(index, inclusive=True)


class PageViewSetWithoutWorkspaces(PageViewSet):
    filterset_class = PageFilterSetWithoutWorkspaces


# After Wagtail's own base page viewset (order -1), which this one replaces for every page type
# without a viewset of its own: the explorer's listings and the listing of each page type.
@hooks.register("register_admin_viewset")
def register_page_listings_without_workspaces():
    return PageViewSetWithoutWorkspaces()


# After Wagtail's own (order 0), which registered the rules these replace.
@hooks.register("register_rich_text_features", order=100)
def link_to_no_workspace_page_in_rich_text(features):
    features.register_link_type(PageLinkWithoutWorkspaces)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": internals.ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': EditorPageLinkWithoutWorkspaces("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": internals.link_entity}},
        },
    )


@hooks.register("before_move_page")
def refuse_moves_into_or_out_of_workspaces(request, page_to_move, destination):
    # Wagtail's confirmation screen names both pages before it checks any right.
    index = hidden_tree(request.user)
    if inside(index, page_to_move) or inside(index, destination):
        raise Http404


class PublicPagesSummaryItem(internals.PagesSummaryItem):
    """The dashboard's page count, without the pages of the workspaces."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        index = hidden_tree(self.request.user)
        root = internals.get_site_for_user(self.request.user)["root_page"]
        if index is not None and root is not None and index.is_descendant_of(root):
            context["total_pages"] -= Page.objects.descendant_of(index, inclusive=True).count()
        return context


# After Wagtail's own hook, which adds the item this one replaces.
@hooks.register("construct_homepage_summary_items", order=100)
def count_public_pages_only(request, items):
    items[:] = [
        PublicPagesSummaryItem(request) if type(item) is internals.PagesSummaryItem else item
        for item in items
    ]


class WithoutWorkspaceObjects:
    """A bulk action that neither acts on nor names pages or files of a workspace.

    Wagtail's confirmation screens list by title every object asked for, the ones the user may
    not act on included ("you don't have permission to ..."), and `?id=all&childOf=` asks for
    whole subtrees.
    """

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        index = hidden_tree(self.request.user)
        if index is None:
            return objects, extra
        collections = tuple(
            Collection.objects.filter(
                pk__in=WorkspacePage.objects.values("collection_id")
            ).values_list("path", flat=True)
        )

        def private(obj):
            if isinstance(obj, Page):
                return inside(index, obj)
            collection = getattr(obj, "collection", None)
            return collection is not None and collection.path.startswith(collections)

        return [obj for obj in objects if not private(obj)], {
            **extra,
            internals.ITEMS_WITH_NO_ACCESS: [
                obj for obj in extra.get(internals.ITEMS_WITH_NO_ACCESS, []) if not private(obj)
            ],
        }


# Registered after Wagtail's own, which these replace (same model and action type).
for _action in internals.BULK_ACTIONS_THAT_NAME_OBJECTS:
    hooks.register(
        "register_bulk_action",
        type(_action.__name__, (WithoutWorkspaceObjects, _action), {"__module__": __name__}),
        order=100,
    )


@hooks.register("before_serve_document")
def answer_outsiders_with_404_for_workspace_documents(document, request):
    """A document in a workspace's collection is answered like the workspace's pages.

    Wagtail's collection restriction sends a signed-in outsider to sign in again, and again;
    they get 404 instead, and the restriction still sends anonymous visitors to sign in.
    """
    if not request.user.is_authenticated:
        return None
    ancestry = document.collection.get_ancestors(inclusive=True)
    workspace = WorkspacePage.objects.filter(collection__in=ancestry).first()
    if (
        workspace is not None
        and not WorkspacePage.objects.for_user(request.user).filter(pk=workspace.pk).exists()
    ):
        raise Http404
    return None


@hooks.register("register_admin_urls", order=-100)
def refuse_translating_workspaces():
    """Workspace trees are never translated: a translation would copy their text into a tree
    that wagtail-localize syncs, and open it to every editor in its translation editor.

    wagtail-localize asks only whether the user may translate at all, not whether they may see
    the page; this address comes before its own and refuses pages of the workspace tree.
    """
    if not apps.is_installed("wagtail_localize"):
        return []
    submit = internals.submit_page_translation_view()

    def submit_page_translation(request, page_id):
        if inside(WorkspaceIndexPage.objects.first(), Page.objects.filter(pk=page_id).first()):
            raise Http404
        return submit(request, page_id=page_id)

    return [path(internals.SUBMIT_PAGE_TRANSLATION, submit_page_translation)]
