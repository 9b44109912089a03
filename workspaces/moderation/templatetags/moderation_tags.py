from django import template

from workspaces.moderation.models import Report

register = template.Library()


@register.inclusion_tag("moderation/includes/nav.html")
def moderation_nav(workspace, access):
    """The moderation link in a workspace's navigation, with the count of open reports."""
    if access is None or not access.can_moderate:
        return {"show": False}
    count = Report.objects.open().in_workspace(workspace).count()
    return {"show": True, "workspace": workspace, "count": count}


@register.inclusion_tag("moderation/includes/post_actions.html", takes_context=True)
def moderation_actions(context, post):
    """Report, hide or restore links for one post, as the reader's role allows."""
    access = context["access"]
    action = None
    if access.can_moderate:
        action = "restore" if post.hidden else "hide"
    return {
        "post": post,
        "own": getattr(post, "is_own", False),
        "access": access,
        "report_url": (
            post.get_moderation_action_url("report", access.workspace) if post.can_report else None
        ),
        "action": action,
        "action_url": post.get_moderation_action_url(action, access.workspace) if action else None,
        "next": context["request"].get_full_path(),
    }
