"""The workspace calendar, an event's page, and the personal subscription feed.

Workspace views go through `workspace_view`, like every workspace address (an event's page
through the gate's `serve_page`, which calls `event_page`). The feed cannot: a calendar app does
not sign in, so its secret token is the only key, and it answers unknown and revoked tokens with
the same 404.
"""

import calendar
import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from accounts.models import zone_for
from core.redirects import next_url
from workspaces.access import private_response, workspace_view

from .forms import AnswerForm, EventForm
from .ics import event_calendar, personal_calendar
from .models import CalendarFeedToken, EventAnswer, EventPage, zone_label

MONTH_PARAMETER = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")


def _events(workspace):
    return EventPage.objects.in_workspace(workspace)


# What the gate loads for the addresses of one event.
EVENT = ("event_id", EventPage)


def event_page(request, access, event):
    """The event's own page (`workspaces.pages`): when, where, who is coming, what one may do."""
    answers = (
        event.answers.from_people_inside(access.workspace)
        .select_related("user")
        .order_by("user__display_name", "user__username")
    )
    grouped = {choice: [] for choice in EventAnswer.Answer.values}
    for answer in answers:
        grouped[answer.answer].append(answer.user)
    context = event.get_context(request)
    context.update(
        answer_groups=[
            {"answer": choice, "label": label, "people": grouped[choice]}
            for choice, label in EventAnswer.Answer.choices
        ],
        my_answer=next(
            (answer.answer for answer in answers if answer.user_id == request.user.pk), None
        ),
        answer_choices=EventAnswer.Answer.choices,
        can_edit=event.can_edit(request.user, access),
        can_answer=event.can_answer(access),
    )
    return TemplateResponse(request, event.get_template(request), context)


@workspace_view()
def event_list(request, access):
    now = timezone.now()
    events = _events(access.workspace)
    context = {
        "upcoming": events.upcoming(now),
        "past": Paginator(events.past(now), 20).get_page(request.GET.get("page")),
    }
    return render(request, "events/event_list.html", context)


def _requested_month(value, today):
    match = MONTH_PARAMETER.match(value or "")
    if match:
        year, month = int(match["year"]), int(match["month"])
        if 1 <= month <= 12 and datetime.MINYEAR < year < datetime.MAXYEAR:
            return year, month
    return today.year, today.month


def _shift_month(year, month, step):
    index = year * 12 + month - 1 + step
    return index // 12, index % 12 + 1


@workspace_view()
def month(request, access):
    """A month grid; each event sits in the cell of its date as the viewer's clock reads it."""
    zone = zone_for(request.user)
    today = timezone.now().astimezone(zone).date()
    year, month_number = _requested_month(request.GET.get("month"), today)
    # Django counts weekdays from Sunday (0), Python's calendar from Monday (0).
    first_weekday = (int(get_format("FIRST_DAY_OF_WEEK")) - 1) % 7
    weeks = calendar.Calendar(first_weekday).monthdatescalendar(year, month_number)
    grid_start, grid_end = weeks[0][0], weeks[-1][-1]
    window = (
        datetime.datetime.combine(grid_start, datetime.time.min, zone),
        datetime.datetime.combine(grid_end + datetime.timedelta(days=1), datetime.time.min, zone),
    )
    by_day = {}
    for event in _events(access.workspace).overlapping(*window):
        for day in event.local_days(zone):
            if grid_start <= day <= grid_end:
                by_day.setdefault(day, []).append(event)
    previous, following = _shift_month(year, month_number, -1), _shift_month(year, month_number, 1)
    context = {
        "month_start": datetime.date(year, month_number, 1),
        "weekdays": [
            {"name": WEEKDAYS[day], "short": WEEKDAYS_ABBR[day]}
            for day in (weeks[0][n].weekday() for n in range(7))
        ],
        "weeks": [
            [
                {
                    "date": day,
                    "in_month": day.month == month_number,
                    "today": day == today,
                    "events": by_day.get(day, []),
                }
                for day in week
            ]
            for week in weeks
        ],
        "previous_month": f"{previous[0]:04d}-{previous[1]:02d}",
        "next_month": f"{following[0]:04d}-{following[1]:02d}",
        "viewer_zone": str(zone),
        "viewer_zone_label": zone_label(str(zone)),
        "has_events": bool(by_day),
    }
    return render(request, "events/event_month.html", context)


@workspace_view(methods=("GET", "HEAD", "POST"), needs="can_post")
def create(request, access):
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        event = EventPage.create(access.workspace, author=request.user, **form.cleaned_data)
        messages.success(request, _("The event is in the workspace calendar."))
        return redirect(event.get_url(request))
    context = {"form": form, "event": None}
    return render(request, "events/event_form.html", context)


@workspace_view(methods=("GET", "HEAD", "POST"), load=EVENT)
def edit(request, access, event):
    if not event.can_edit(request.user, access):
        raise PermissionDenied
    form = EventForm.for_event(event, request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        event.change(request.user, **form.cleaned_data)
        messages.success(request, _("The event has been updated."))
        return redirect(event.get_url(request))
    context = {"form": form, "event": event}
    return render(request, "events/event_form.html", context)


@workspace_view(methods=("POST",), load=EVENT)
def cancel(request, access, event):
    if not event.can_edit(request.user, access):
        raise PermissionDenied
    if not event.cancelled:
        event.cancel(request.user)
        messages.success(request, _("The event is cancelled. Calendars will show it so."))
    return redirect(event.get_url(request))


@workspace_view(methods=("POST",), load=EVENT)
def answer(request, access, event):
    form = AnswerForm(request.POST)
    if not event.can_answer(access):
        messages.error(request, _("This event no longer takes answers."))
    elif form.is_valid():
        EventAnswer.objects.update_or_create(
            event=event, user=request.user, defaults={"answer": form.cleaned_data["answer"]}
        )
        messages.success(request, _("Your answer has been saved."))
    else:
        messages.error(request, _("Choose going, maybe or not going."))
    return redirect(f"{event.get_url(request)}#answers")


@workspace_view(load=EVENT)
def event_ics(request, access, event):
    response = HttpResponse(
        event_calendar(event, access.workspace, request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


@require_safe
def personal_feed(request, token):
    user = CalendarFeedToken.user_for(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        personal_calendar(user, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="cssr.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    return private_response(response)


@login_required
@require_POST
def regenerate_feed(request):
    CalendarFeedToken.for_user(request.user).regenerate()
    messages.success(
        request, _("Your calendar has a new address. The old one no longer works: subscribe again.")
    )
    return redirect(_feed_page(request))


@login_required
@require_POST
def revoke_feed(request):
    CalendarFeedToken.for_user(request.user).revoke()
    messages.success(request, _("Your calendar address no longer works."))
    return redirect(_feed_page(request))


def _feed_page(request):
    """Back to the page the address was changed from, on this site; the profile otherwise."""
    return next_url(request, reverse("accounts:profile") + "#calendar")
