from django import template
from django.urls import reverse
from django.utils import timezone

from accounts.models import zone_for

from ..models import CalendarFeedToken, EventPage, zone_label

register = template.Library()


def _wall_clock(moment):
    # Naive on purpose: templates would otherwise move aware times to the server's zone.
    return moment.replace(tzinfo=None)


@register.inclusion_tag("events/includes/event_when.html", takes_context=True)
def event_when(context, event):
    """The event's time in its own zone, and in the viewer's when their clock reads otherwise."""
    start, end = event.start_local, event.end_local
    viewer_zone = zone_for(context["request"].user)
    mine_start, mine_end = event.start.astimezone(viewer_zone), event.end.astimezone(viewer_zone)
    viewer = None
    if _wall_clock(mine_start) != _wall_clock(start):
        viewer = {
            "start": _wall_clock(mine_start),
            "end": _wall_clock(mine_end),
            "start_iso": mine_start.isoformat(),
            "same_day": mine_start.date() == mine_end.date(),
            "zone": zone_label(str(viewer_zone)),
        }
    return {
        "event": event,
        "start": _wall_clock(start),
        "end": _wall_clock(end),
        "start_iso": start.isoformat(),
        "end_iso": end.isoformat(),
        "same_day": start.date() == end.date(),
        "zone": event.zone_label,
        "viewer": viewer,
    }


@register.simple_tag(takes_context=True)
def home_events(context, limit=3):
    """The workspace home's events, from one query: `.current` is the meeting in the room now
    (or None), `.upcoming` the next `limit` events. Empty outside a workspace."""
    access = context.get("access")
    current, upcoming = None, []
    if access is not None and access.can_view:
        current, upcoming = EventPage.objects.in_workspace(access.workspace).for_home(limit)
    return {"current": current, "upcoming": upcoming}


@register.inclusion_tag("events/includes/meeting_room.html", takes_context=True)
def meeting_room(context, event=None, home=None):
    """The join button: on the workspace home always, prominent while an online event is on
    (`home` is what `home_events` found); on an online event until it ends, prominent from
    shortly before its start.

    Rendered only where the context holds the viewer's access to the workspace, which only
    workspace views provide.
    """
    access = context.get("access")
    if access is None or not access.can_view:
        return {"show": False}
    now = timezone.now()
    if event is None:
        current = (home or {}).get("current")
        prominent = current is not None
    elif not event.online or event.cancelled or event.is_over(now):
        return {"show": False}
    else:
        current, prominent = event, event.room_is_open(now)
    return {
        "show": True,
        "url": access.workspace.meeting_room_url(),
        "prominent": prominent,
        "current": current if prominent and event is None else None,
    }


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, home):
    """The next events on the workspace home (`home` is what `home_events` found)."""
    access = context.get("access")
    if access is None or not access.can_view:
        return {"show": False}
    return {
        # Not "events": the workspace home's activity feed uses that name in the same page.
        "upcoming": home["upcoming"],
        "show": True,
        "workspace": access.workspace,
        "request": context["request"],
    }


@register.inclusion_tag("events/includes/calendar_feed.html", takes_context=True)
def calendar_feed(context):
    """The person's subscription address, with how to add it and its revoke and renew forms
    (which lead back to the page they were on: profile, calendar, welcome)."""
    request = context["request"]
    feed = CalendarFeedToken.for_user(request.user)
    url = webcal_url = None
    if feed.token:
        url = request.build_absolute_uri(reverse("calendar_feed:feed", args=[feed.token]))
        webcal_url = "webcal://" + url.split("://", 1)[1]
    return {
        "feed": feed,
        "url": url,
        "webcal_url": webcal_url,
        "back_to": f"{request.path}#calendar",
        "csrf_token": context.get("csrf_token"),
    }
