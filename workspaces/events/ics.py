"""iCalendar files: one event to download, and each person's subscription feed.

Nothing in them names a person: no ORGANIZER or ATTENDEE (their values are email addresses), and
no meeting room link, which stays behind sign-in on the event page the URL points to. Each zone
an event was planned in travels as a VTIMEZONE, so calendar apps need no zone database of their
own and follow the zone's clock changes.
"""

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from workspaces.models import WorkspacePage

from .models import EventPage

PRODID = "-//CSSR//Workspace calendar//EN"
# A feed keeps a year of past events, so last term's meetings stay in people's calendars.
FEED_HISTORY = datetime.timedelta(days=365)
FEED_REFRESH = datetime.timedelta(hours=1)


def _utc(moment):
    return moment.astimezone(datetime.UTC) if moment else None


def _vevent(event, workspace, request, stamp):
    url = event.get_full_url(request)
    summary = event.title
    if event.cancelled:
        summary = _("Cancelled: %(title)s") % {"title": event.title}
    places = [event.location] if event.location else []
    if event.online:
        places.append(_("Online"))
    return Event.new(
        uid=f"cssr-event-{event.uid}",
        sequence=event.sequence,
        stamp=stamp,
        start=event.start_local,
        end=event.end_local,
        summary=summary,
        description="\n\n".join(part for part in (workspace.title, event.description, url) if part),
        location=" · ".join(places),
        url=url,
        status="CANCELLED" if event.cancelled else "CONFIRMED",
        categories=[workspace.title],
        created=_utc(event.first_published_at),
        last_modified=_utc(event.last_published_at),
    )


def _calendar(events, workspace_of, request, *, uid, name=None):
    stamp = timezone.now().astimezone(datetime.UTC)
    calendar = Calendar.new(prodid=PRODID, method="PUBLISH", uid=uid, name=name)
    for event in events:
        calendar.add_component(_vevent(event, workspace_of(event), request, stamp))
    if events:
        # Transitions for the years the events span, not the default half century.
        first = min(event.start_local for event in events).date().replace(month=1, day=1)
        last = max(event.end_local for event in events).date().replace(month=12, day=31)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def event_calendar(event, workspace, request):
    """The .ics of one event, to add it to a calendar by hand."""
    calendar = _calendar([event], lambda _event: workspace, request, uid=f"cssr-file-{event.uid}")
    return calendar.to_ical()


def personal_calendar(user, request, now=None):
    """Every event of every workspace `user` may enter right now, cancelled ones included.

    Access is asked afresh on every fetch: someone who leaves a group stops receiving its
    events with the next refresh of their calendar app.
    """
    now = now or timezone.now()
    workspaces = [
        workspace
        for workspace in WorkspacePage.objects.for_user(user).live()
        if not workspace.access_for(user).needs_code_of_conduct
    ]
    by_path = {workspace.path: workspace for workspace in workspaces}
    events = list(
        EventPage.objects.in_workspaces(workspaces)
        .filter(end__gte=now - FEED_HISTORY)
        .order_by("start")
    )
    with translation.override(user.preferred_language):
        calendar = _calendar(
            events,
            lambda event: by_path[event.path[: -EventPage.steplen]],
            request,
            uid=f"cssr-feed-{user.pk}",
            name=_("CSSR workspaces"),
        )
    calendar.refresh_interval = FEED_REFRESH
    # The refresh hint Outlook reads; REFRESH-INTERVAL is the standard one (RFC 7986).
    calendar.add("X-PUBLISHED-TTL", "PT1H")
    return calendar.to_ical()
