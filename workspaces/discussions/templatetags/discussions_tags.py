from django import template
from django.conf import settings
from django.db.models import Count, Window

from workspaces import markup
from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.discussions.thread import prepare_listing

register = template.Library()

HOME_DISCUSSIONS = 10
ACTIVITY_ITEMS = 8


@register.filter
def excerpt(text, length=160):
    """A short plain-text excerpt of a post, without the lines it quotes."""
    return markup.excerpt(text, int(length))


@register.simple_tag
def edit_window_minutes():
    return settings.POST_EDIT_WINDOW_MINUTES


@register.inclusion_tag("discussions/includes/workspace_activity.html", takes_context=True)
def workspace_activity(context):
    """The workspace home: what happened lately, and the latest discussions with unread marks."""
    request, workspace, access = context["request"], context["workspace"], context["access"]
    user = request.user
    here = DiscussionPage.objects.in_workspace(workspace)
    # How many there are in all comes with the latest ones, not from a second query.
    latest = here.for_listing(user).annotate(total=Window(Count("pk")))[:HOME_DISCUSSIONS]
    discussions = prepare_listing(latest, user, access)

    started = here.select_related("owner").order_by("-first_published_at", "-pk")
    replies = Reply.objects.in_workspace(workspace).select_related("author", "discussion")
    if not access.can_moderate:
        started = started.filter(hidden=False)
        replies = replies.filter(hidden=False, discussion__hidden=False)
    events = [
        {"when": discussion.first_published_at, "discussion": discussion}
        for discussion in started[:ACTIVITY_ITEMS]
    ] + [
        {"when": reply.created_at, "reply": reply, "discussion": reply.discussion}
        for reply in replies.order_by("-created_at", "-pk")[:ACTIVITY_ITEMS]
    ]
    events.sort(key=lambda event: event["when"], reverse=True)
    return {
        "request": request,
        "workspace": workspace,
        "access": access,
        "discussions": discussions,
        "discussion_count": discussions[0].total if discussions else 0,
        "events": events[:ACTIVITY_ITEMS],
    }
