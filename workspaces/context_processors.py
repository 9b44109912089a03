"""What every template of a workspace address reads: the workspace, the viewer's access, and
which of the workspace's sections the address belongs to (the tab shown as current).

The gate (`workspaces.access.workspace_view`) puts the access on the request, so views and
pages pass only what is their own. Elsewhere these names are absent. Inclusion tags get a fresh
context without these: they are handed what they need.
"""


def workspace(request):
    access = getattr(request, "workspace_access", None)
    if access is None:
        return {}
    return {"workspace": access.workspace, "access": access, "workspace_section": _section(request)}


def _section(request):
    """The feature the address belongs to ("discussions", "files", "events", "drafts", "search",
    "moderation"), or for the workspace's own addresses "workspace" or "members"."""
    page = getattr(request, "workspace_page", None)
    if page is not None:
        if page.pk == request.workspace_access.workspace.pk:
            return "workspace"
        # A page of the tree is its feature's: a discussion is in "discussions".
        return page._meta.app_label
    match = request.resolver_match
    if match is None or not match.namespaces:
        return None
    if match.namespaces[-1] == "workspaces":
        return match.url_name
    return match.namespaces[-1]
