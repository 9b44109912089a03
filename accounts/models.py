import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.dates import Clock, MonthNames

DEFAULT_TIME_ZONE = "Asia/Damascus"
# Where participants and the envoy's office usually are, by the name of a city people know
# (Turkey and Iraq each keep one time for the whole country); any IANA zone is accepted below.
COMMON_TIME_ZONES = {
    "Asia/Damascus": _("Damascus"),
    "Asia/Beirut": _("Beirut"),
    "Asia/Amman": _("Amman"),
    "Europe/Istanbul": _("Istanbul, Gaziantep"),
    "Asia/Baghdad": _("Baghdad, Erbil"),
    "Europe/Zurich": _("Geneva"),
    "Europe/Berlin": _("Berlin"),
    "UTC": _("Coordinated Universal Time (UTC)"),
}


def time_zone_choices():
    common = list(COMMON_TIME_ZONES.items())
    others = [
        (tz, tz) for tz in sorted(zoneinfo.available_timezones()) if tz not in COMMON_TIME_ZONES
    ]
    return [(_("Common"), common), (_("All time zones"), others)]


class User(AbstractUser):
    """A person on the platform. Members know each other by display name and title (the FAQ)."""

    class Gender(models.TextChoices):
        """How Arabic addresses the person: role names and some words agree with it."""

        NOT_SAID = "", _("I would rather not say")
        WOMAN = "f", _("A woman")
        MAN = "m", _("A man")

    display_name = models.CharField(
        _("display name"),
        max_length=150,
        blank=True,
        help_text=_("How other members see you, for example your full name."),
    )
    title = models.CharField(
        pgettext_lazy("a person's role or organisation", "title"),
        max_length=200,
        blank=True,
        help_text=_("Your role or organisation, shown next to your name."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=DEFAULT_TIME_ZONE, choices=time_zone_choices
    )
    gender = models.CharField(
        _("address me as"),
        max_length=1,
        choices=Gender.choices,
        default=Gender.NOT_SAID,
        blank=True,
        help_text=_("Arabic writes role names differently for women and men."),
    )
    month_names = models.CharField(
        _("month names"),
        max_length=10,
        choices=MonthNames.choices,
        default=MonthNames.LEVANT,
        help_text=_("How months are named on Arabic pages."),
    )
    clock = models.CharField(_("clock"), max_length=2, choices=Clock.choices, default=Clock.H24)
    # Set by `seed_demo` on the users it creates, and only there: it resets the passwords of these
    # users and of no one else, so a real account is never given the demo's known password.
    is_demo = models.BooleanField(_("demo user"), default=False, editable=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_display_name()

    def get_display_name(self):
        return self.display_name or self.get_full_name() or self.username


def zone_for(user):
    """The time zone to show `user` times in; the platform's default for anyone without a valid one."""
    name = getattr(user, "time_zone", "") or DEFAULT_TIME_ZONE
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_TIME_ZONE)
