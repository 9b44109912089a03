"""What every template of a workspace address reads: the workspace and the viewer's access.

The gate (`workspaces.access.workspace_view`) puts the access on the request, so views and
pages pass only what is their own. Elsewhere both names are absent. Inclusion tags get a fresh
context without these: they are handed what they need.
"""


def workspace(request):
    access = getattr(request, "workspace_access", None)
    if access is None:
        return {}
    return {"workspace": access.workspace, "access": access}
