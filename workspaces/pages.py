"""What the pages of a workspace tree have in common, and the view each type is served through.

Workspace pages live outside every site's tree, so Wagtail's own serve view never reaches them:
`workspaces.views.serve_page` finds them through the gate, under both language prefixes (the
interface follows the prefix, the content is the same single tree). It then serves each page
through the view its feature registered for the page's type, at app-ready time:

    pages.register(DiscussionPage, thread.serve, load=thread.load)

A page view is called as `view(request, access, page)` and returns a response; a type without
one is rendered the way Wagtail would, from its template and `get_context`. `load(request,
queryset)`, if given, narrows the queryset the page is fetched from (related rows, the reader's
own state), so that finding a page costs two queries whatever it shows. An admin preview
goes through the same view, so models keep no presentation of their own and never import the
views, forms or templates that show them.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.models import Page

_views = {}
_loaders = {}


def register(model, view, load=None):
    """Serve pages of `model` (and of its subclasses) through `view(request, access, page)`,
    fetched from `load(request, queryset)` when given."""
    _views[model] = view
    if load is not None:
        _loaders[model] = load


def find(request, workspace, components):
    """The live page at the path `components` below `workspace`, as its own type, or 404.

    One query for the page's type, one for the page through its feature's `load`: Wagtail's
    own `route` would ask one query per path segment and one more for the specific page.
    """
    if not components:
        return workspace
    url_path = workspace.url_path + "".join(f"{component}/" for component in components)
    found = (
        Page.objects.live()
        # The slug is what the database has an index on; the path keeps it in this workspace.
        .filter(slug=components[-1], url_path=url_path, path__startswith=workspace.path)
        .values_list("pk", "content_type_id")
        .first()
    )
    if found is None:
        raise Http404
    pk, content_type_id = found
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    queryset = model._default_manager.filter(pk=pk)
    for cls in model.__mro__:
        if cls in _loaders:
            queryset = _loaders[cls](request, queryset)
            break
    page = queryset.first()
    if page is None:
        raise Http404
    return page


def serve(request, access, page):
    """The response for `page`, which the gate has let `access` see."""
    # Wagtail's own serve sets this; its user bar reads it.
    request.is_preview = getattr(request, "is_preview", False)
    for model in type(page).__mro__:
        if model in _views:
            return _views[model](request, access, page)
    return TemplateResponse(request, page.get_template(request), page.get_context(request))


class WorkspaceUrlMixin:
    """A page below the workspaces index: its address is one of `workspaces.urls`."""

    def get_url_parts(self, request=None):
        # url_path is "/workspaces/<workspace slug>/<path below it>/".
        slug, _slash, below = self.url_path.split("/", 2)[2].partition("/")
        if below:
            url = reverse("workspaces:subpage", args=[slug, below])
        else:
            url = reverse("workspaces:workspace", args=[slug])
        return (None, settings.WAGTAILADMIN_BASE_URL, url)


class WorkspaceTreePageMixin(WorkspaceUrlMixin):
    """A page of a workspace's tree: the workspace page, or a page a feature keeps below it.

    Subclasses say which workspace they belong to (`workspace`).
    """

    def serve(self, request, *args, **kwargs):
        # Only the gate serves these pages; anything else reaching here is refused.
        access = getattr(request, "workspace_access", None)
        if access is None or access.workspace.pk != self.workspace.pk:
            raise Http404
        return serve(request, access, self)

    def serve_preview(self, request, mode_name):
        # The admin lets only those who may edit the page preview it: platform staff.
        access = self.workspace.access_for(request.user)
        if not access.can_view:
            raise PermissionDenied
        request.workspace_access = access
        return serve(request, access, self)


class FeaturePageMixin(WorkspaceTreePageMixin):
    """What every page a feature keeps below a workspace has: a discussion, an event, a draft.

    It knows its workspace; the gate, having found the page inside it, tells it so.
    """

    @cached_property
    def workspace(self):
        workspace_model = apps.get_model("workspaces", "WorkspacePage")
        return workspace_model.objects.ancestor_of(self).first()
