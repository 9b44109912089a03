"""What "in this workspace" means, once, for the pages and rows of every feature.

`in_workspace(workspace)` means live and below that workspace: a published page of the
workspace's tree, or a row that belongs to the workspace directly or to such a page. The gate
loads a route's object with it (`workspace_view(load=…)`), and every list of a feature starts
from it, so no view adds `.live()` or a parent check by hand. `in_workspaces(workspaces)` is the
same for several workspaces at once (searches, the personal calendar feed).

Which workspaces a user may enter is not decided here: callers pass workspaces that the access
rule (`WorkspacePage.objects.for_user`, the gate) has already let them into.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page


class InWorkspaceQuerySet:
    """A mixin for a feature's QuerySet (before `PageQuerySet` or `QuerySet` in its bases).

    Pages need nothing more. Rows name, in `workspace_field`, the foreign key that leads to
    their workspace (`"workspace"`) or to a page that is itself scoped (`"discussion"`).
    """

    workspace_field = None

    def in_workspace(self, workspace):
        if self._is_page():
            return self.live().descendant_of(workspace)
        field, scoped = self._workspace_relation()
        if scoped is None:
            return self.filter(**{field: workspace})
        return self.filter(**{f"{field}__in": scoped.in_workspace(workspace)})

    def in_workspaces(self, workspaces):
        workspaces = list(workspaces)
        if not workspaces:
            return self.none()
        if self._is_page():
            below = (Q(path__startswith=ws.path, depth__gt=ws.depth) for ws in workspaces)
            return self.live().filter(reduce(or_, below))
        field, scoped = self._workspace_relation()
        if scoped is None:
            return self.filter(**{f"{field}__in": workspaces})
        return self.filter(**{f"{field}__in": scoped.in_workspaces(workspaces)})

    def _is_page(self):
        return issubclass(self.model, Page)

    def _workspace_relation(self):
        """(field name, the related model's manager when it is scoped itself, else None)."""
        if self.workspace_field is None:
            raise TypeError(f"{type(self).__name__} names no workspace_field")
        related = self.model._meta.get_field(self.workspace_field).related_model
        manager = related._default_manager
        return self.workspace_field, manager if hasattr(manager, "in_workspace") else None
