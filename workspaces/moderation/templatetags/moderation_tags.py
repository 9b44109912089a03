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
