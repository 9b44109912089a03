from collections import defaultdict

from django import template
from django.db.models import Q

from ..checks import Kind
from ..models import WorkspaceFile

register = template.Library()


@register.simple_tag
def thread_attachments(discussion, replies=()):
    """The files of one page of a thread, the opening post's and those of `replies`, in one
    query whatever the number of posts: {reply id, or None for the opening post: [file]}."""
    files = (
        WorkspaceFile.objects.attached_to(discussion)
        .filter(Q(reply=None) | Q(reply__in=[reply.pk for reply in replies]))
        .with_versions()
        .order_by("kind", "created_at")
    )
    by_post = defaultdict(list)
    for file in files:
        by_post[file.reply_id].append(file)
    return by_post


@register.inclusion_tag("files/includes/post_attachments.html", takes_context=True)
def post_attachments(context, attached, discussion, reply=None):
    """The files attached to a post (`attached` from `thread_attachments`), pictures first; a
    discussion's author may attach more to it."""
    files = attached.get(reply.pk if reply else None, [])
    access = context.get("access")
    request = context.get("request")
    may_attach = bool(
        reply is None
        and access
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


@register.inclusion_tag("files/includes/post_attachments.html")
def attached_files(files):
    """Files a post keeps itself (a chat message's), pictures first."""
    files = list(files)
    return {
        "images": [file for file in files if file.kind == Kind.IMAGE],
        "documents": [file for file in files if file.kind != Kind.IMAGE],
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
