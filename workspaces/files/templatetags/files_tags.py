from django import template

from ..checks import Kind
from ..models import WorkspaceFile

register = template.Library()


@register.inclusion_tag("files/includes/post_attachments.html", takes_context=True)
def post_attachments(context, discussion):
    """The files attached to a discussion, pictures first; its author may attach more."""
    files = list(
        WorkspaceFile.objects.attached_to(discussion).with_versions().order_by("kind", "created_at")
    )
    access = context.get("access")
    request = context.get("request")
    may_attach = bool(
        access
        and access.can_post
        and request is not None
        and discussion.owner_id == request.user.pk
    )
    workspace = context.get("workspace") or discussion.get_parent()
    return {
        "discussion": discussion,
        "workspace_slug": workspace.slug,
        "images": [file for file in files if file.kind == Kind.IMAGE],
        "documents": [file for file in files if file.kind != Kind.IMAGE],
        "may_attach": may_attach,
    }


@register.inclusion_tag("files/includes/recent_files.html", takes_context=True)
def recent_files(context, workspace, count=5):
    files = (
        WorkspaceFile.objects.in_workspace(workspace)
        .in_library()
        .with_versions()
        .sorted_by("recent")[:count]
    )
    return {"workspace": workspace, "files": files, "request": context.get("request")}


@register.inclusion_tag("files/includes/file_thumbnail.html")
def file_thumbnail(file, version=None):
    """A thumbnail when one was made, or a badge with the file's extension."""
    version = version or file.current_version
    return {"file": file, "version": version}
