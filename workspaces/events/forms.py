import datetime
import zoneinfo

from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from .models import COMMON_ZONES, LONGEST_EVENT, EventAnswer

WALL_CLOCK_FORMAT = "%Y-%m-%dT%H:%M"


def zone_choices(own_zone):
    """The common zones and the person's own first, then every IANA zone."""
    common = [(name, f"{label} ({name})") for name, label in COMMON_ZONES]
    if own_zone and own_zone not in dict(COMMON_ZONES):
        common.insert(0, (own_zone, _("%(zone)s (your time zone)") % {"zone": own_zone}))
    listed = {name for name, _label in common}
    others = [(name, name) for name in sorted(zoneinfo.available_timezones()) if name not in listed]
    return [(_("Common"), common), (_("All time zones"), others)]


class WallClockField(forms.DateTimeField):
    """A date and time as read on a clock, without a zone: the form says which zone it is in.

    Django's own field would read it in the active time zone, which is the viewer's, not the
    event's.
    """

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=WALL_CLOCK_FORMAT)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        try:
            result = parse_datetime(value.strip())
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if result is None:
            result = forms.BaseTemporalField.to_python(self, value)
        return result.replace(tzinfo=None)


class EventForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=255, widget=forms.TextInput(attrs={"dir": "auto"})
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"dir": "auto", "rows": 5}),
        help_text=_("What the event is about, and how to prepare."),
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_("The start and end times below are read in this time zone."),
    )
    start = WallClockField(label=_("Starts"))
    end = WallClockField(label=_("Ends"))
    online = forms.BooleanField(
        label=_("Online, in the workspace's meeting room"), required=False, initial=True
    )
    location = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=255,
        widget=forms.TextInput(attrs={"dir": "auto"}),
        help_text=_("Venue and address, if people meet in person."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        own_zone = getattr(user, "time_zone", "")
        self.fields["time_zone"].choices = zone_choices(own_zone)
        self.fields["time_zone"].initial = own_zone or COMMON_ZONES[0][0]

    @classmethod
    def for_event(cls, event, *args, **kwargs):
        """A form showing the event's times as they read in its own zone."""
        initial = {
            "title": event.title,
            "description": event.description,
            "time_zone": event.time_zone,
            "start": event.start_local.replace(tzinfo=None),
            "end": event.end_local.replace(tzinfo=None),
            "online": event.online,
            "location": event.location,
        }
        return cls(*args, initial=initial, **kwargs)

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("time_zone")
        zone = zoneinfo.ZoneInfo(name) if name else None
        for field in ("start", "end"):
            wall_clock = cleaned.get(field)
            if wall_clock is None or zone is None:
                continue
            moment = wall_clock.replace(tzinfo=zone)
            # A time inside a clock change's gap reads back as another hour: it never happens.
            if moment.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None) != wall_clock:
                self.add_error(
                    field,
                    _("This time does not exist in %(zone)s: the clocks change then.")
                    % {"zone": name},
                )
                cleaned.pop(field, None)
            else:
                cleaned[field] = moment
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end:
            if end <= start:
                self.add_error("end", _("The event must end after it starts."))
            elif end - start > LONGEST_EVENT:
                self.add_error(
                    "end",
                    _("An event can last at most %(days)s days.") % {"days": LONGEST_EVENT.days},
                )
        if not cleaned.get("online") and not cleaned.get("location", "").strip():
            self.add_error("location", _("Give a place, or tick “online”."))
        return cleaned


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(choices=EventAnswer.Answer.choices)
