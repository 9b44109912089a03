"""How dates and times read: one format everywhere, the months as the reader names them, and
the reader's clock.

Arabic has two sets of month names. The Levant says كانون الثاني, شباط, آذار …, Egypt and the
Gulf say يناير, فبراير, مارس …; the first is the default here (most participants are Syrian),
the second a choice on the profile, as is a 12- or 24-hour clock. `accounts` activates a signed-in
person's choices for each request (`activate`); everyone else, the public pages' cache included,
reads the defaults.

`MONTHS` are Django's own msgids (`django.utils.dates.MONTHS`, the `F` of the `date` filter).
Listed here, they are in the project's catalogue, which Django reads before its own: Django's
`date` filter (the admin, for one) says the Levantine names too. Templates use the filters of
`core_tags` built on `day`, `long_day`, `when`, `clock` and `month_year` below.
"""

import datetime
from contextvars import ContextVar

from django.db import models
from django.utils import dateformat, timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

# The same months as Egypt and the Gulf name them in Arabic; English says January either way.
CAIRO_MONTHS = [
    pgettext_lazy("month, as named in Egypt and the Gulf", "January"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "February"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "March"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "April"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "May"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "June"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "July"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "August"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "September"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "October"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "November"),
    pgettext_lazy("month, as named in Egypt and the Gulf", "December"),
]


def _named(name, examples):
    """ "As in the Levant (كانون الثاني، …)": the examples are the names themselves, in every
    language, isolated (U+2068 … U+2069) so that on a left-to-right page the Arabic run and its
    ellipsis stay inside the parentheses; a choice's label is plain text, with no room for <bdi>."""
    return format_lazy("{} (\u2068{}\u2069)", name, examples)


class MonthNames(models.TextChoices):
    LEVANT = "levant", _named(_("As in the Levant"), "كانون الثاني، شباط، آذار…")
    CAIRO = "cairo", _named(_("As in Egypt and the Gulf"), "يناير، فبراير، مارس…")


class Clock(models.TextChoices):
    H24 = "24", _("24-hour (14:30)")
    H12 = "12", _("12-hour (2:30 PM)")


_chosen = ContextVar("date_preferences", default=(MonthNames.LEVANT, Clock.H24))


def activate(month_names, clock):
    """Use these choices in this request (or task) until `deactivate(token)`."""
    return _chosen.set((month_names, clock))


def deactivate(token):
    _chosen.reset(token)


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def month_name(number):
    month_names, _clock = _chosen.get()
    if month_names == MonthNames.CAIRO:
        return str(CAIRO_MONTHS[number - 1])
    return gettext(MONTHS[number - 1])


def day(value):
    """4 شباط 2027: the day, in the reader's time zone when `value` is a moment."""
    value = _local(value)
    return f"{value.day} {month_name(value.month)} {value.year}"


def long_day(value, with_year=True):
    """الخميس 4 شباط 2027, or without the year (for the days of this year's events)."""
    value = _local(value)
    weekday = dateformat.format(value, "l")
    return f"{weekday} {value.day} {month_name(value.month)}" + (
        f" {value.year}" if with_year else ""
    )


def clock(value):
    """14:30, or 2:30 م on a 12-hour clock."""
    _months, chosen = _chosen.get()
    return dateformat.time_format(_local(value), "g:i A" if chosen == Clock.H12 else "H:i")


def when(value):
    """4 شباط 2027 · 14:30"""
    return f"{day(value)} · {clock(value)}"


def month_year(value):
    """شباط 2027"""
    value = _local(value)
    return f"{month_name(value.month)} {value.year}"
