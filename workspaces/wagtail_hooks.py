"""Admin for platform staff: memberships and the code of conduct; workspace trees hidden from
everyone else in the admin (editors work on the public site only)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CodeOfConduct, Membership, WorkspaceIndexPage, WorkspacePage, is_platform_staff


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


def _without_workspaces(pages, user):
    if is_platform_staff(user):
        return pages
    index = WorkspaceIndexPage.objects.first()
    if index is None:
        return pages
    return pages.not_descendant_of(index, inclusive=True)


@hooks.register("construct_explorer_page_queryset")
def hide_workspaces_from_explorer(parent_page, pages, request):
    return _without_workspaces(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def hide_workspaces_from_chooser(pages, request):
    return _without_workspaces(pages, request.user)
